"""Per-test IMAP accounts on a test Dovecot, and small test messages.

`Mailboxes(server).office("q1")` creates a fresh login for office q1 (unique
per call), so tests never see each other's messages. `Account` gives the
test's own view of that mailbox (append, flags, UIDs) through an independent
imapclient session.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import imapclient

from intake.config import ImapBackend, Office, Secret
from tests.servers.dovecot import DovecotServer

PASSWORD = "test-password-1"


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

    def office(self, slug: str = "q1", password: str = PASSWORD) -> "Account":
        user = f"{slug}-{uuid.uuid4().hex[:10]}"
        self.server.add_user(user, password)
        office = Office(slug=slug, name=f"Chi cục {slug}", address=f"{slug}@thads-hcm.example", user=user)
        return Account(self.server, office, password)
