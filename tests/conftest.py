"""Shared fixtures: the machine's PostgreSQL (a fresh database per test session), an aiosmtpd
server on a free port, and an intake config written to a temporary folder.

Nothing here is autouse. A missing server fails the test when CI=true and skips it (with the
reason) otherwise.
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def _unavailable(msg: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(msg)
    pytest.skip(msg)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (aiosmtpd's Controller does not accept port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ PostgreSQL


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A new database `intake_test_<random>` on the machine's PostgreSQL; dropped at the end."""
    import psycopg

    name = f"intake_test_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as e:
        _unavailable(f"PostgreSQL at 127.0.0.1:5432 (user postgres, db test) is not reachable: {e}")
    yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_database: str) -> str:
    """The session database, emptied (schema dropped) for this test; not yet migrated."""
    import psycopg

    with psycopg.connect(pg_database.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return pg_database


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path: Path) -> str:
    """Both stores: a SQLite file under tmp_path, and the emptied PostgreSQL test database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return request.getfixturevalue("pg_url")


# ------------------------------------------------------------------ SMTP


@dataclass
class SmtpServer:
    host: str
    port: int
    received: list = field(default_factory=list)  # aiosmtpd Envelope objects
    refuse: set[str] = field(default_factory=set)  # recipients answered 550
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler:
    def __init__(self, server: SmtpServer):
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001, N802
        if address.lower() in self.server.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802
        with self.server.lock:
            self.server.received.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """A real aiosmtpd server on a free loopback port; fails in setup if it cannot start."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError as e:
        _unavailable(f"aiosmtpd is not installed: {e}")
    srv = SmtpServer("127.0.0.1", free_port())
    controller = Controller(_Handler(srv), hostname=srv.host, port=srv.port)
    controller.start()  # raises when the server cannot run: the fixture fails in setup
    try:
        yield srv
    finally:
        controller.stop()


# ------------------------------------------------------------------ intake config


OFFICES = [
    ("cuc", "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"),
    ("q1", "Chi cục Thi hành án dân sự Quận 1"),
    ("q3", "Chi cục Thi hành án dân sự Quận 3"),
    ("q6", "Chi cục Thi hành án dân sự Quận 6"),
    ("q10", "Chi cục Thi hành án dân sự Quận 10"),
    ("go-vap", "Chi cục Thi hành án dân sự Quận Gò Vấp"),
    ("hoc-mon", "Chi cục Thi hành án dân sự Huyện Hóc Môn"),
    ("phu-nhuan", "Chi cục Thi hành án dân sự Quận Phú Nhuận"),
    ("tan-phu", "Chi cục Thi hành án dân sự Quận Tân Phú"),
    ("q2", "Chi cục Thi hành án dân sự Quận 2"),
]


def _write_config(folder: Path, store_url: str, *, smtp: tuple[str, int] | None = None,
                  max_per_sender: int = 5, extra: str = "") -> Path:
    """An intake config.toml in `folder` (Maildirs and outbox below it) for `store_url`."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f'data_dir = "{folder / "data"}"',
        "[mail]", 'backend = "maildir"',
        "[mail.maildir]", f'root = "{folder / "maildir"}"',
        "[store]", f'url = "{store_url}"',
        "[acknowledgement]", f'transport = "{"smtp" if smtp else "outbox"}"',
        f'outbox_dir = "{folder / "outbox"}"', f"max_per_sender_per_day = {max_per_sender}",
    ]
    if smtp:
        lines += ["[acknowledgement.smtp]", f'host = "{smtp[0]}"', f"port = {smtp[1]}", 'tls = "none"']
    lines += ["[schedule]", "poll_seconds = 10",
              "[routing]", f'directory = "{ROOT / "routing" / "data" / "hcm-2016.toml"}"']
    lines += [extra]
    for slug, name in OFFICES:
        lines += ["[[offices]]", f'slug = "{slug}"', f'name = "{name}"', f'address = "{slug}@thads-hcm.example"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def write_config():
    """A factory: write_config(folder, store_url, smtp=(host, port)|None, max_per_sender=5) -> config path.

    Offices: cuc, q1, q2, q3, q6, q10, go-vap, hoc-mon, phu-nhuan, tan-phu at <slug>@thads-hcm.example.
    """
    return _write_config
