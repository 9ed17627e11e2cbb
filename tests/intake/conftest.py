"""Fixtures of the intake tests (the harness itself is in intake_harness.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.config import load_config
from intake_harness import Intake
from store.db import make_engine, migrate


def _make(tmp_path: Path, write_config, url: str, **kw) -> Intake:  # noqa: ANN001
    path = write_config(tmp_path / "intake", url, **kw)
    cfg = load_config(path)
    engine = make_engine(cfg.store.url)
    migrate(engine)
    return Intake(tmp_path / "intake", path, cfg, engine)


@pytest.fixture
def intake(tmp_path: Path, write_config) -> Intake:  # noqa: ANN001
    """Maildir + SQLite + folder outbox."""
    h = _make(tmp_path, write_config, f"sqlite:///{tmp_path / 'store.sqlite3'}")
    yield h
    h.engine.dispose()


@pytest.fixture
def intake_any(tmp_path: Path, write_config, store_url: str) -> Intake:  # noqa: ANN001
    """Maildir + (SQLite | PostgreSQL) + folder outbox."""
    h = _make(tmp_path, write_config, store_url)
    yield h
    h.engine.dispose()


@pytest.fixture
def intake_smtp(tmp_path: Path, write_config, smtp_server) -> Intake:  # noqa: ANN001
    """Maildir + SQLite + acknowledgements through the real aiosmtpd server."""
    h = _make(tmp_path, write_config, f"sqlite:///{tmp_path / 'store.sqlite3'}",
              smtp=(smtp_server.host, smtp_server.port))
    yield h
    h.engine.dispose()
