"""`MaildirSource`: an office mailbox kept as a local Maildir (the embedded default, no server).

Layout: `<root>/<office slug>/{tmp,new,cur}` as any MDA writes it. IMAP-like
UIDs are kept beside it so the poller treats both backends alike:
- `.intake-uidvalidity` holds one number, written once (RFC 3501 section 2.3.1.1);
- `.intake-uids` lists `<uid>\t<maildir key>` lines, appended as new files
  are first seen (oldest first), so a UID never changes nor is reused; its
  first line repeats the UIDVALIDITY. Deleting either file starts a new
  epoch with a greater UIDVALIDITY and every message is offered again.
`settle(uid)` moves a stored message from new/ to cur/ with the Seen flag
(`:2,S`), as a mail reader does.
"""

from __future__ import annotations

import fcntl
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path

from intake.sources import Cursor, Fetched, SourceError

_UIDVALIDITY = ".intake-uidvalidity"
_INDEX = ".intake-uids"
_LOCK = ".intake-lock"
_seq = count()


def deliver(root: Path, mailbox: str, raw: bytes) -> Path:
    """Drop `raw` into `<root>/<mailbox>/new` the way an MDA does (write in tmp/, then rename)."""
    md = root / mailbox
    for sub in ("tmp", "new", "cur"):
        (md / sub).mkdir(parents=True, exist_ok=True)
    name = f"{time.time_ns()}.P{os.getpid()}Q{next(_seq)}.{socket.gethostname().replace('/', '_')}"
    tmp = md / "tmp" / name
    with open(tmp, "wb") as f:
        f.write(raw)
        f.flush()
        os.fsync(f.fileno())
    final = md / "new" / name
    os.replace(tmp, final)
    return final


class MaildirSource:
    """One office's Maildir, read through the `MailSource` protocol."""

    def __init__(self, root: Path, mailbox: str):
        self.mailbox = mailbox
        self.path = Path(root) / mailbox
        self._paths: dict[int, Path] = {}

    @contextmanager
    def _locked(self):  # noqa: ANN202
        try:
            for sub in ("tmp", "new", "cur"):
                (self.path / sub).mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path / _LOCK, os.O_CREAT | os.O_RDWR, 0o600)
        except OSError as e:
            raise SourceError(self.mailbox, f"cannot open Maildir {self.path}: {e.strerror}") from e
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def uidvalidity(self) -> int:
        """The Maildir's UIDVALIDITY, created on first use. Raises SourceError if it cannot be read."""
        with self._locked():
            return self._uidvalidity()

    def _uidvalidity(self) -> int:
        """The current UIDVALIDITY; a new, greater one when either file is missing (RFC 3501 2.3.1.1)."""
        vfile, ifile = self.path / _UIDVALIDITY, self.path / _INDEX
        try:
            if ifile.exists():
                return int(vfile.read_text().strip())
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as e:
            raise SourceError(self.mailbox, f"unreadable {vfile}: {e}") from e
        # A new epoch: UIDs restart at 1, so the validity must grow past any earlier one.
        earlier = max(self._recorded_validity(), self._read_int(vfile))
        value = max(int(time.time()), earlier + 1)
        with open(ifile, "w", encoding="utf-8") as f:
            f.write(f"#uidvalidity\t{value}\n")
            f.flush()
            os.fsync(f.fileno())
        vfile.write_text(f"{value}\n")
        return value

    @staticmethod
    def _read_int(path: Path) -> int:
        try:
            return int(path.read_text().strip())
        except (OSError, ValueError):
            return 0

    def _recorded_validity(self) -> int:
        try:
            with open(self.path / _INDEX, encoding="utf-8") as f:
                first = f.readline()
        except FileNotFoundError:
            return 0
        tag, _, value = first.strip().partition("\t")
        return int(value) if tag == "#uidvalidity" and value.isdigit() else 0

    def _index(self) -> dict[str, int]:
        out: dict[str, int] = {}
        try:
            with open(self.path / _INDEX, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("#"):
                        continue
                    uid, _, key = line.rstrip("\n").partition("\t")
                    if key:
                        out[key] = int(uid)
        except FileNotFoundError:
            pass
        return out

    def _scan(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for sub in ("new", "cur"):
            for entry in os.scandir(self.path / sub):
                if entry.is_file() and not entry.name.startswith("."):
                    found[entry.name.split(":", 1)[0]] = Path(entry.path)
        return found

    def _assign(self) -> tuple[int, dict[int, Path]]:
        """Number the files not yet numbered (oldest first); return UIDVALIDITY and uid → path."""
        with self._locked():
            validity = self._uidvalidity()
            index = self._index()
            files = self._scan()
            fresh = [k for k in files if k not in index]
            if fresh:
                def age(k: str) -> tuple[float, str]:
                    try:
                        return (files[k].stat().st_mtime, k)
                    except FileNotFoundError:
                        return (0.0, k)

                nxt = max(index.values(), default=0) + 1
                with open(self.path / _INDEX, "a", encoding="utf-8") as f:
                    for k in sorted(fresh, key=age):
                        index[k] = nxt
                        f.write(f"{nxt}\t{k}\n")
                        nxt += 1
                    f.flush()
                    os.fsync(f.fileno())
            return validity, {index[k]: p for k, p in files.items()}

    def fetch_since(self, cursor: Cursor) -> Iterator[Fetched]:
        """Messages with a UID above the cursor's, oldest first; all of them after a UIDVALIDITY change.

        Raises SourceError if the Maildir cannot be read.
        """
        try:
            validity, by_uid = self._assign()
        except OSError as e:
            raise SourceError(self.mailbox, f"cannot read Maildir {self.path}: {e}") from e
        self._paths = by_uid
        last = cursor.last_uid if cursor.uidvalidity == validity else 0
        for uid in sorted(u for u in by_uid if u > last):
            try:
                raw = by_uid[uid].read_bytes()
            except FileNotFoundError:
                continue  # removed by someone else meanwhile
            yield Fetched(mailbox=self.mailbox, uidvalidity=validity, uid=uid, raw=raw)

    def settle(self, uid: int) -> None:
        """Mark the message seen: new/KEY → cur/KEY:2,S (a missing file is left alone)."""
        path = self._paths.get(uid)
        if path is None:
            return
        key, _, info = path.name.partition(":")
        flags = info[2:] if info.startswith("2,") else ""
        if path.parent.name == "cur" and "S" in flags:
            return
        target = self.path / "cur" / f"{key}:2,{''.join(sorted(set(flags + 'S')))}"
        try:
            os.replace(path, target)
        except FileNotFoundError:
            return
        self._paths[uid] = target

    def close(self) -> None:
        self._paths = {}
