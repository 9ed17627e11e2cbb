"""Real Dovecot servers for the IMAP tests, and per-test fresh mailboxes.

Session-scoped servers (started on first use): `dovecot` advertises MOVE and
UIDPLUS as Dovecot does; `dovecot_uidplus` hides MOVE; `dovecot_plain` hides
both. Each test gets new logins (`mailboxes.office(slug)`), so tests never see
each other's messages. Without Dovecot the tests fail when CI=true and are
skipped (with the reason) otherwise.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.servers.dovecot import BASE_CAPABILITIES, DovecotServer, dovecot_available
from tests.servers.mailboxes import Mailboxes


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


@pytest.fixture
def mailboxes(dovecot) -> Mailboxes:
    return Mailboxes(dovecot)
