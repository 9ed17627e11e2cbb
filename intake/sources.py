"""Where messages come from: one `MailSource` per office mailbox.

`MaildirSource` (the embedded default) and `ImapSource` (`intake/imap.py`)
share this protocol. The pipeline stores each fetched message and commits
before it calls `settle(uid)`: nothing is marked read or moved before it is
safely in the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from intake.config import Config, Office


@dataclass(frozen=True)
class Cursor:
    """What the store remembers of a mailbox (RFC 3501 section 2.3.1.1)."""

    uidvalidity: int | None
    last_uid: int


@dataclass(frozen=True)
class Fetched:
    mailbox: str  # office slug
    uidvalidity: int
    uid: int
    raw: bytes


class SourceError(Exception):
    """A mailbox cannot be read now (auth, network, missing folder); the others go on."""

    def __init__(self, mailbox: str, message: str):
        super().__init__(f"{mailbox}: {message}")
        self.mailbox = mailbox


class MailSource(Protocol):
    mailbox: str

    def uidvalidity(self) -> int:
        """The mailbox's current UIDVALIDITY. Raises SourceError if it cannot be read."""
        ...

    def fetch_since(self, cursor: Cursor) -> Iterator[Fetched]:
        """New messages after `cursor`, oldest first, streamed (never all in memory).

        When the mailbox's UIDVALIDITY differs from `cursor.uidvalidity`, every
        message is yielded again; the store recognises the ones it holds.
        Raises SourceError if the mailbox cannot be read.
        """
        ...

    def settle(self, uid: int) -> None:
        """Called after the message is committed to the store: mark it \\Seen or move it."""
        ...

    def close(self) -> None: ...


def open_source(cfg: "Config", office: "Office") -> MailSource:
    """The `MailSource` for one office under config `[mail] backend`.

    "maildir": `<mail.maildir.root>/<slug>`; "imap": `intake.imap.ImapSource`,
    imported only then (imapclient stays out of the Maildir setup).
    Raises ConfigError if the IMAP password cannot be read, SourceError if
    the mailbox cannot be opened.
    """
    if cfg.mail.backend == "imap":
        from intake.imap import ImapSource

        assert cfg.mail.imap is not None  # Config validation guarantees the section
        return ImapSource(cfg.mail.imap, office, cfg.mail.imap.password.read())
    from intake.maildir import MaildirSource

    return MaildirSource(cfg.mail.maildir.root, office.slug)
