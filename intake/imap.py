"""The IMAP poller: one `ImapSource` per office mailbox (the MailSource protocol).

The only module that imports imapclient. What it guarantees:

- Nothing is marked read or moved before the pipeline has stored it: messages
  are fetched with BODY.PEEK[] (RFC 3501 section 6.4.5, PEEK does not set
  \\Seen), and only `settle(uid)`, called after the commit, sets \\Seen or
  moves the message to `done_folder`.
- Streaming: the new UIDs are listed first (small), then per `backend.batch`
  UIDs their sizes, then the bodies in UID FETCH batches of at most
  `backend.batch` messages and `MAX_BATCH_BYTES` bytes; only one batch is in
  memory.
- An idle poll does not grow with the mailbox: it asks STATUS (UIDVALIDITY
  UIDNEXT) (RFC 3501 section 6.3.10), which Dovecot answers from its list
  index without opening the folder; only when UIDNEXT shows something after
  the cursor is the folder SELECTed and `UID SEARCH UID last+1:*` asked.
- A changed UIDVALIDITY (RFC 3501 section 2.3.1.1) makes every message be
  yielded again; the store recognises the ones it holds.
- Every failure to read a mailbox is a `SourceError` naming the office slug,
  so one broken mailbox does not stop the others.
"""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import imapclient
from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from intake.config import ImapBackend, Office
from intake.sources import Cursor, Fetched, SourceError

# The imapclient version the debug workaround in `_connect` was written for
# (pinned in pyproject.toml). tests/imap/test_imap_source.py fails if it moves.
IMAPCLIENT_VERSION = "4.1.0"

# Upper bound of the bodies held in memory by one UID FETCH batch (bytes).
MAX_BATCH_BYTES = 64 * 1024 * 1024

SEEN = b"\\Seen"  # RFC 3501 section 2.3.2
DELETED = b"\\Deleted"


class ImapConnectError(SourceError):
    """The server cannot be reached, TLS fails, or the connection dropped."""


class ImapLoginError(SourceError):
    """The server refused the office's login or password."""


class ImapFolderError(SourceError):
    """The polled folder or the done folder cannot be selected, created or written."""


class ImapSource:
    """An office mailbox on an IMAP server.

    Connects lazily (at the first call) and keeps the connection until
    `close()`. `ssl_context` overrides the default verifying context (tests
    pass one trusting their self-signed certificate).
    """

    def __init__(
        self,
        backend: ImapBackend,
        office: Office,
        password: str,
        *,
        ssl_context: ssl.SSLContext | None = None,
    ):
        self.mailbox = office.slug
        self.backend = backend
        self.user = office.user or office.address
        self._password = password
        self._ssl_context = ssl_context
        self._client: IMAPClient | None = None
        self._can_move = False
        self._has_uidplus = False
        self._done_ready = False
        self._selected: dict | None = None

    # ---- MailSource ------------------------------------------------------------------

    def uidvalidity(self) -> int:
        """The folder's current UIDVALIDITY.

        Raises SourceError (a subclass below) if the mailbox cannot be reached,
        logged into or selected.
        """
        return self._status()[0]

    def fetch_since(self, cursor: Cursor) -> Iterator[Fetched]:
        """Messages with a UID above `cursor.last_uid`, oldest first, streamed in batches.

        When UIDVALIDITY differs from `cursor.uidvalidity` every message is
        yielded again. Bodies are read with BODY.PEEK[], so \\Seen stays unset.
        Raises SourceError if the mailbox cannot be read (also mid-iteration,
        if the connection drops).
        """
        uidvalidity, uidnext = self._status()
        last = cursor.last_uid if cursor.uidvalidity == uidvalidity else 0
        if uidnext is not None and uidnext <= last + 1:
            return  # nothing new: the idle poll costs one STATUS
        uidvalidity, _ = self._select()  # read-write, for settle(); may have changed meanwhile
        last = cursor.last_uid if cursor.uidvalidity == uidvalidity else 0
        uids = self._uids_after(last)
        for i in range(0, len(uids), self.backend.batch):
            chunk = uids[i : i + self.backend.batch]
            sizes = self._guard(
                lambda: self._conn().fetch(chunk, ["RFC822.SIZE"]), "reading message sizes"
            )
            listed = [(uid, int(sizes[uid].get(b"RFC822.SIZE", 0))) for uid in chunk if uid in sizes]
            for batch in _batches(listed, self.backend.batch, MAX_BATCH_BYTES):
                bodies = self._guard(
                    lambda: self._conn().fetch(batch, ["BODY.PEEK[]"]), "fetching messages"
                )
                for uid in batch:
                    item = bodies.get(uid)
                    raw = item.get(b"BODY[]") if item else None
                    if raw is None:  # expunged meanwhile by another client
                        continue
                    yield Fetched(mailbox=self.mailbox, uidvalidity=uidvalidity, uid=uid, raw=raw)
                del bodies

    def settle(self, uid: int) -> None:
        """Mark a stored message \\Seen, or move it to `done_folder`.

        Moving uses MOVE (RFC 6851) when advertised, else COPY + \\Deleted +
        UID EXPUNGE (UIDPLUS, RFC 4315 section 2.1), else COPY + \\Deleted +
        EXPUNGE, which also removes any other message flagged \\Deleted in the
        folder (RFC 3501 section 6.4.3).
        Raises SourceError if the server refuses.
        """
        done = self.backend.done_folder
        if done is None:
            if self._selected is None:
                self._select()
            self._guard(lambda: self._conn().add_flags([uid], [SEEN], silent=True), "setting \\Seen")
            return
        if self._selected is None:
            self._select()
        self._ensure_done_folder()
        c = self._conn()
        if self._can_move:
            self._guard(lambda: c.move([uid], done), f"moving to {done!r}", ImapFolderError)
            return
        self._guard(lambda: c.copy([uid], done), f"copying to {done!r}", ImapFolderError)
        self._guard(lambda: c.add_flags([uid], [DELETED], silent=True), "flagging \\Deleted")
        if self._has_uidplus:
            self._guard(lambda: c.uid_expunge([uid]), "UID EXPUNGE")
        else:
            self._guard(lambda: c.expunge(), "EXPUNGE")

    def close(self) -> None:
        """Log out; a connection already gone is not an error."""
        c, self._client = self._client, None
        self._selected = None
        if c is None:
            return
        try:
            c.logout()
        except (IMAPClientError, OSError):
            try:
                c.shutdown()
            except OSError:
                pass

    def __enter__(self) -> "ImapSource":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- connection ------------------------------------------------------------------

    def _where(self) -> str:
        return f"{self.backend.host}:{self.backend.port} ({self.backend.tls})"

    def _conn(self) -> IMAPClient:
        """The logged-in connection, opened at the first use.

        Raises ImapConnectError if the server cannot be reached or TLS fails,
        ImapLoginError if the login is refused.
        """
        if self._client is None:
            self._client = self._connect()
        return self._client

    def _connect(self) -> IMAPClient:
        b = self.backend
        try:
            client = IMAPClient(
                b.host,
                port=b.port,
                ssl=b.tls == "ssl",
                ssl_context=self._ssl_context,
                timeout=b.timeout,
            )
        except (IMAPClientError, OSError) as e:
            raise ImapConnectError(
                self.mailbox,
                f"cannot connect to IMAP server {self._where()}: {e}. "
                "Check mail.imap.host, mail.imap.port and mail.imap.tls, and that the server is up.",
            ) from e
        # Workaround: imapclient 4.1 sets its imaplib connection's `debug` to 5 in
        # IMAPClient.__init__ (to route imaplib's tracing to the "imapclient.imaplib"
        # logger). At level >= 5 imaplib formats every response, including the
        # whole FETCH literal (`untagged_responses[FETCH] => ...`), into a string
        # before the logger decides to drop it: fetching 0.55 MB messages became
        # 5-8x slower (about 260 vs 2,000 msg/s). Level 0 is imaplib's default.
        # Guarded by tests/imap/test_imap_source.py::test_imapclient_debug_level_5_slows_fetch.
        client._imap.debug = 0
        try:
            if b.tls == "starttls":
                if b"STARTTLS" not in client.capabilities():
                    raise ImapConnectError(
                        self.mailbox,
                        f"IMAP server {self._where()} does not offer STARTTLS. "
                        "Set mail.imap.tls = \"ssl\" (port 993) or fix the server.",
                    )
                client.starttls(self._ssl_context)
            client.login(self.user, self._password)
        except LoginError as e:
            _drop(client)
            raise ImapLoginError(
                self.mailbox,
                f"IMAP login as {self.user!r} refused by {self._where()} ({_text(e)}). "
                f"Check the login in offices[{self.mailbox}].user (it defaults to the office "
                "address) and the password given by mail.imap.password; then run again.",
            ) from e
        except ImapConnectError:
            _drop(client)
            raise
        except (IMAPClientError, OSError) as e:
            _drop(client)
            raise ImapConnectError(
                self.mailbox, f"IMAP session with {self._where()} failed before login: {e}"
            ) from e
        # Capabilities cached before STARTTLS or login are stale (RFC 2595 section 3.1;
        # the server lists MOVE, UIDPLUS only after login): ask again.
        client._cached_capabilities = None
        caps = client.capabilities()
        self._can_move = b"MOVE" in caps  # RFC 6851
        self._has_uidplus = b"UIDPLUS" in caps  # RFC 4315
        return client

    def _guard(self, call, doing: str, error: type[SourceError] = ImapConnectError):
        """Run one IMAP command; server refusals and network errors become SourceError.

        Raises `error` (a SourceError) naming the mailbox and `doing`. A
        dropped connection is forgotten, so the next call reconnects.
        """
        try:
            return call()
        except SourceError:
            raise
        except IMAPClientError as e:
            if isinstance(e, IMAPClient.AbortError):
                self._forget()
            raise error(self.mailbox, f"{doing} on {self._where()} failed: {_text(e)}") from e
        except OSError as e:
            self._forget()
            raise ImapConnectError(
                self.mailbox, f"{doing} on {self._where()} failed: {e}"
            ) from e

    def _forget(self) -> None:
        c, self._client = self._client, None
        self._selected = None
        if c is not None:
            _drop(c)

    def _select(self) -> tuple[int, int | None]:
        """SELECT the polled folder (read-write, for settle); returns (UIDVALIDITY, UIDNEXT).

        Raises ImapFolderError if the folder does not exist or cannot be
        selected, ImapConnectError / ImapLoginError as `_conn`.
        """
        folder = self.backend.folder
        info = self._guard(
            lambda: self._conn().select_folder(folder), f"selecting folder {folder!r}", ImapFolderError
        )
        if b"UIDVALIDITY" not in info:
            raise ImapFolderError(self.mailbox, f"server gave no UIDVALIDITY for folder {folder!r}")
        self._selected = info
        return int(info[b"UIDVALIDITY"]), (int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None)

    def _status(self) -> tuple[int, int | None]:
        """(UIDVALIDITY, UIDNEXT) of the polled folder by STATUS, without selecting it.

        STATUS SHOULD NOT be asked of the selected folder (RFC 3501 section
        6.3.10): a selected folder is first UNSELECTed (RFC 3691), or, without
        that capability, SELECTed again instead.
        Raises ImapFolderError if the folder does not exist, ImapConnectError /
        ImapLoginError as `_conn`.
        """
        folder = self.backend.folder
        c = self._conn()
        if self._selected is not None:
            if b"UNSELECT" not in c.capabilities():
                return self._select()
            self._guard(c.unselect_folder, "unselecting the folder")
            self._selected = None
        info = self._guard(
            lambda: c.folder_status(folder, ["UIDVALIDITY", "UIDNEXT"]),
            f"asking the status of folder {folder!r}",
            ImapFolderError,
        )
        if b"UIDVALIDITY" not in info:
            raise ImapFolderError(self.mailbox, f"server gave no UIDVALIDITY for folder {folder!r}")
        return int(info[b"UIDVALIDITY"]), (int(info[b"UIDNEXT"]) if b"UIDNEXT" in info else None)

    def _uids_after(self, last: int) -> list[int]:
        """UIDs above `last`, ascending (`UID SEARCH UID last+1:*`).

        `last+1:*` always matches at least the highest message, even when its
        UID is `last` or lower (RFC 3501 section 6.4.4 / 9, `*` is the largest
        UID in use); those are filtered out.
        """
        found = self._guard(
            lambda: self._conn().search(["UID", f"{last + 1}:*"]), "searching new messages"
        )
        return sorted(uid for uid in found if uid > last)

    def _ensure_done_folder(self) -> None:
        if self._done_ready:
            return
        done = self.backend.done_folder
        c = self._conn()
        if not self._guard(lambda: c.folder_exists(done), f"looking up {done!r}", ImapFolderError):
            self._guard(lambda: c.create_folder(done), f"creating folder {done!r}", ImapFolderError)
        self._done_ready = True


def _batches(sizes: list[tuple[int, int]], count: int, max_bytes: int) -> Iterator[list[int]]:
    """Group UIDs into batches of at most `count` messages and `max_bytes` (one message at least)."""
    batch: list[int] = []
    total = 0
    for uid, size in sizes:
        if batch and (len(batch) >= count or total + size > max_bytes):
            yield batch
            batch, total = [], 0
        batch.append(uid)
        total += size
    if batch:
        yield batch


def _text(e: Exception) -> str:
    """The server's words from an imaplib/imapclient error (which often wraps a bytes repr)."""
    arg = e.args[0] if e.args else e
    if isinstance(arg, bytes):
        return arg.decode("utf-8", "replace")
    text = str(arg)
    if len(text) >= 3 and text[:2] in ("b'", 'b"') and text[-1] == text[1]:
        text = text[2:-1]
    return text


def _drop(client: IMAPClient) -> None:
    try:
        client.shutdown()
    except (IMAPClientError, OSError):
        pass


def imapclient_version() -> str:
    """The installed imapclient version (for the workaround's guard test)."""
    return imapclient.__version__
