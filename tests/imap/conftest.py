"""Real Dovecot servers for the IMAP tests, and per-test fresh mailboxes.

Session-scoped servers (started on first use): `dovecot` advertises MOVE and
UIDPLUS as Dovecot does; `dovecot_uidplus` hides MOVE; `dovecot_plain` hides
both. Each test gets new logins (`mailboxes.office(slug)`), so tests never see
each other's messages. Without Dovecot the tests fail when CI=true and are
skipped (with the reason) otherwise.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from pathlib import Path

import imapclient
import pytest

from intake.config import ImapBackend, Office, Secret
from tests.servers.dovecot import BASE_CAPABILITIES, DovecotServer, dovecot_available

PASSWORD = "test-password-1"


def _server(request, name: str, capabilities: str | None) -> DovecotServer:
    if not dovecot_available():
        msg = "Dovecot (/usr/sbin/dovecot) is not installed: apt-get install dovecot-imapd"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    workdir = Path(tempfile.mkdtemp(prefix=f"{name}-"))
    server = DovecotServer(workdir, capabilities=capabilities).start()

    def _stop() -> None:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    request.addfinalizer(_stop)
    return server


@pytest.fixture(scope="session")
def dovecot(request) -> DovecotServer:
    return _server(request, "dovecot", None)


@pytest.fixture(scope="session")
def dovecot_uidplus(request) -> DovecotServer:
    """A server without MOVE (RFC 6851) but with UIDPLUS (RFC 4315)."""
    return _server(request, "dovecot-uidplus", BASE_CAPABILITIES + " UIDPLUS")


@pytest.fixture(scope="session")
def dovecot_plain(request) -> DovecotServer:
    """A server with neither MOVE nor UIDPLUS: settle falls back to plain EXPUNGE."""
    return _server(request, "dovecot-plain", BASE_CAPABILITIES)


@pytest.fixture
def lonely_dovecot(request) -> DovecotServer:
    """A server for this test alone: for failed logins.

    After a failed login Dovecot's anvil delays the next logins from the same
    IP (2, 4, 8 … s; login_trusted_networks does not lift it), which would slow
    every later test on a shared server.
    """
    return _server(request, "dovecot-lonely", None)


_counter = itertools.count(1)


def make_message(n: int, subject: str | None = None, size: int = 0, sender: str = "dan@example.vn") -> bytes:
    """A small, unique RFC 5322 message (CRLF). `size` pads the body to about that many bytes."""
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "office@thads-hcm.example"
    m["Subject"] = subject or f"Đơn yêu cầu thi hành án số {n}"
    m["Date"] = format_datetime(datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc))
    m["Message-ID"] = make_msgid(idstring=f"t{n}", domain="example.vn")
    body = f"Kính gửi Chi cục Thi hành án dân sự, đơn số {n}.\n"
    if size > len(body):
        body += ("x" * 76 + "\n") * (size // 77)
    m.set_content(body)
    return m.as_bytes(policy=m.policy.clone(linesep="\r\n"))


@dataclass
class Account:
    server: DovecotServer
    office: Office
    password: str

    @property
    def user(self) -> str:
        assert self.office.user
        return self.office.user

    def client(self) -> imapclient.IMAPClient:
        """An independent session on this mailbox (the test's view of the server)."""
        c = imapclient.IMAPClient(self.server.host, self.server.port, ssl=False, timeout=10)
        c._imap.debug = 0  # see intake/imap.py: imapclient 4.1 sets 5
        c.login(self.user, self.password)
        return c

    def append(self, raws: list[bytes], folder: str = "INBOX", flags: tuple = ()) -> None:
        with self.client() as c:
            for raw in raws:
                c.append(folder, raw, flags=flags)

    def flags(self, folder: str = "INBOX") -> dict[int, tuple]:
        with self.client() as c:
            c.select_folder(folder, readonly=True)
            return {uid: v[b"FLAGS"] for uid, v in c.fetch(c.search(), ["FLAGS"]).items()}

    def uids(self, folder: str = "INBOX") -> list[int]:
        with self.client() as c:
            if not c.folder_exists(folder):
                return []
            c.select_folder(folder, readonly=True)
            return sorted(c.search())

    def backend(self, **kw) -> ImapBackend:
        args = dict(
            host=self.server.host,
            port=self.server.port,
            tls="none",
            password=Secret(env="INTAKE_IMAP_PASSWORD"),
            timeout=10,
        )
        args.update(kw)
        return ImapBackend(**args)


class Mailboxes:
    """Fresh logins on a server, one per office slug, unique per test."""

    def __init__(self, server: DovecotServer):
        self.server = server

    def office(self, slug: str = "q1", password: str = PASSWORD) -> Account:
        user = f"{slug}-{next(_counter)}-{os.getpid()}"
        self.server.add_user(user, password)
        office = Office(slug=slug, name=f"Chi cục {slug}", address=f"{slug}@thads-hcm.example", user=user)
        return Account(self.server, office, password)


@pytest.fixture
def mailboxes(dovecot) -> Mailboxes:
    return Mailboxes(dovecot)
