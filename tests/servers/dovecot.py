"""A throwaway Dovecot IMAP server for tests and the benchmark.

`DovecotServer(workdir).start()` writes its own dovecot.conf into `workdir`
(passwd-file auth with plain passwords, Maildirs in the same folder, listening
on 127.0.0.1 on free ports, never touching /etc/dovecot), runs
`/usr/sbin/dovecot -F -c <conf>` and returns once the greeting answers and a
LOGIN succeeds. `stop()` ends it. A server that cannot start fails in
`start()` with its log, not halfway through a test.

Users are added at any time (`add_user`). `capabilities=` makes the server
advertise fewer capabilities after login (Dovecot's imap_capability), so it
can stand in for servers without MOVE or UIDPLUS.
"""

from __future__ import annotations

import imaplib
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import time
from pathlib import Path

DOVECOT = "/usr/sbin/dovecot"
# Dovecot refuses to access mail as root (uid 0): the Maildirs belong to the
# system user "mail" (Debian: uid 8, gid 8). `workdir`'s parents must be
# traversable by it (tempfile.mkdtemp under /tmp, made 0755 by start()).
MAIL_UID, MAIL_GID = pwd.getpwnam("mail").pw_uid, pwd.getpwnam("mail").pw_gid

# Capabilities Dovecot 2.3 advertises after login, minus MOVE (RFC 6851) and
# UIDPLUS (RFC 4315): for testing the fallbacks of ImapSource.settle().
BASE_CAPABILITIES = (
    "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES "
    "THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN "
    "NAMESPACE CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS "
    "BINARY SPECIAL-USE LITERAL+"
)


class DovecotError(RuntimeError):
    """The test server could not be started; the message carries its log."""


def dovecot_available() -> bool:
    return Path(DOVECOT).exists()


def free_port() -> int:
    """A loopback TCP port free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class DovecotServer:
    """One Dovecot instance below `workdir` (see the module docstring)."""

    host = "127.0.0.1"

    def __init__(self, workdir: Path, *, with_ssl: bool = True, capabilities: str | None = None):
        self.workdir = Path(workdir)
        self.capabilities = capabilities
        self.with_ssl = with_ssl
        self.port = 0
        self.ssl_port = 0
        self.proc: subprocess.Popen | None = None
        self.mail_root = self.workdir / "mail"
        self.users_dir = self.workdir / "users"
        self.log = self.workdir / "dovecot.log"
        self.conf = self.workdir / "dovecot.conf"
        self.cert = self.workdir / "cert.pem"
        self.key = self.workdir / "key.pem"

    # ---- lifecycle -------------------------------------------------------------------

    def start(self, timeout: float = 15.0) -> "DovecotServer":
        """Write the config, run Dovecot, wait for a working LOGIN.

        Raises DovecotError (with the server's log) if Dovecot is missing, exits,
        or does not answer a LOGIN within `timeout` seconds.
        """
        if not dovecot_available():
            raise DovecotError(f"{DOVECOT} not found: install the Debian package dovecot-imapd")
        self.workdir.mkdir(parents=True, exist_ok=True)
        # The login processes run as dovenull and must reach base_dir.
        os.chmod(self.workdir, 0o755)
        self.mail_root.mkdir(exist_ok=True)
        os.chown(self.mail_root, MAIL_UID, MAIL_GID)
        self.port = free_port()
        if self.with_ssl:
            self.ssl_port = free_port()
            self._make_cert()
        self.add_user("probe", "probe")
        self.conf.write_text(self._config(), encoding="utf-8")
        with open(self.workdir / "dovecot.out", "wb") as out:
            self.proc = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(self.conf)],
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise DovecotError(f"dovecot exited with {self.proc.returncode}\n{self.output()}")
            try:
                c = imaplib.IMAP4(self.host, self.port, timeout=2)
                c.login("probe", "probe")
                c.logout()
                return self
            except (OSError, imaplib.IMAP4.error) as e:
                last_error = e
                time.sleep(0.1)
        self.stop()
        raise DovecotError(f"dovecot did not accept LOGIN within {timeout}s ({last_error})\n{self.output()}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL of its process group after 5 s)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)

    def __enter__(self) -> "DovecotServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def output(self) -> str:
        """The server's log file and anything it printed, for failure messages."""
        parts = []
        if self.log.exists():
            parts.append(self.log.read_text(errors="replace")[-8000:])
        out = self.workdir / "dovecot.out"
        if out.exists():
            parts.append(out.read_text(errors="replace")[-4000:])
        return "\n".join(parts) or "(no log)"

    # ---- users and mailboxes ---------------------------------------------------------

    def add_user(self, user: str, password: str) -> None:
        """Create a login with an empty mailbox.

        One passwd-file per user: Dovecot re-reads a passwd-file at most once a
        second, a new file is read at its first use.
        """
        line = f"{user}:{{PLAIN}}{password}:{MAIL_UID}:{MAIL_GID}::{self.mail_root / user}::\n"
        self.users_dir.mkdir(parents=True, exist_ok=True)
        f = self.users_dir / user
        if f.exists():
            raise ValueError(f"user {user} exists already")
        f.write_text(line, encoding="utf-8")

    def maildir(self, user: str, folder: str = "INBOX") -> Path:
        """The Maildir++ folder on disk (separator '/' in IMAP, '.' on disk)."""
        base = self.mail_root / user / "Maildir"
        return base if folder.upper() == "INBOX" else base / ("." + folder.replace("/", "."))

    def deliver(self, user: str, raws, folder: str = "INBOX") -> int:
        """Drop messages straight into the user's Maildir `new/` (as an LDA would); returns the count.

        Much faster than APPEND for loading thousands of messages; Dovecot
        assigns UIDs when a session next looks at the folder. `raws` may be a
        generator (streamed, never all in memory).
        """
        d = self.maildir(user, folder)
        home = self.mail_root / user
        for sub in (home, home / "Maildir", d, d / "new", d / "cur", d / "tmp"):
            if not sub.exists():
                sub.mkdir()
                os.chown(sub, MAIL_UID, MAIL_GID)
        if folder.upper() != "INBOX":
            (d / "maildirfolder").touch()
        n = 0
        stamp = f"{int(time.time())}.P{os.getpid()}"
        for raw in raws:
            n += 1
            tmp = d / "tmp" / f"{stamp}Q{n}.bench"
            tmp.write_bytes(raw)
            os.chown(tmp, MAIL_UID, MAIL_GID)
            tmp.rename(d / "new" / tmp.name)
        return n

    def reset_uidvalidity(self, user: str, folder: str = "INBOX") -> None:
        """Make Dovecot give `folder` a new UIDVALIDITY (RFC 3501 2.3.1.1) and new UIDs.

        Removes the folder's dovecot-uidlist and indexes; the messages stay.
        Dovecot then allocates the next value from its dovecot-uidvalidity
        counter, so the new value always differs. No session may have the
        folder selected meanwhile.
        """
        d = self.maildir(user, folder)
        for f in d.glob("dovecot-uidlist*"):
            f.unlink()
        for f in d.glob("dovecot.index*"):
            f.unlink()
        # Renumbering needs the messages as new arrivals with no cached UIDs.
        cache = d / "dovecot.list.index"
        if cache.exists():
            cache.unlink()

    # ---- config ----------------------------------------------------------------------

    def _make_cert(self) -> None:
        if shutil.which("openssl") is None:
            raise DovecotError("openssl not found (needed for the self-signed test certificate)")
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", str(self.key), "-out", str(self.cert)],
            check=True, capture_output=True,
        )

    def ssl_context(self) -> ssl.SSLContext:
        """A client context that trusts this server's self-signed certificate."""
        ctx = ssl.create_default_context(cafile=str(self.cert))
        return ctx

    def _config(self) -> str:
        w = self.workdir
        ssl_lines = (
            f"ssl = yes\nssl_cert = <{self.cert}\nssl_key = <{self.key}\n"
            if self.with_ssl else "ssl = no\n"
        )
        imaps = (
            f"  inet_listener imaps {{\n    address = {self.host}\n    port = {self.ssl_port}\n    ssl = yes\n  }}\n"
            if self.with_ssl else "  inet_listener imaps {\n    port = 0\n  }\n"
        )
        caps = f"imap_capability = {self.capabilities}\n" if self.capabilities else ""
        return f"""# Written by tests/servers/dovecot.py; throwaway.
base_dir = {w}/run
state_dir = {w}/state
instance_name = dovecot-test-{self.port}
log_path = {self.log}
info_log_path = {self.log}
protocols = imap
listen = {self.host}
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = {MAIL_UID}
first_valid_gid = {MAIL_GID}
auth_failure_delay = 0
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
}}
{caps}{ssl_lines}disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {self.users_dir}/%u
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {self.users_dir}/%u
}}
service imap-login {{
  inet_listener imap {{
    address = {self.host}
    port = {self.port}
  }}
{imaps}}}
service anvil {{
  chroot =
}}
service imap {{
  process_limit = 64
}}
"""
