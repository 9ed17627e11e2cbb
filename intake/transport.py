"""Sending the outbox: to a folder of .eml files (the embedded default) or through SMTP.

This is the one module that imports smtplib. A row is claimed (`pending` →
`sending`) and committed before anything is delivered, then marked `sent`
after. A row found `sending` at start was interrupted by a crash:
- folder transport: the file is written under a temporary name and renamed,
  so its presence says whether it was delivered → `sent`, else `pending`;
- SMTP: whether the server accepted it cannot be known from here, so the row
  goes to `failed` ("interrupted") for an operator instead of being sent a
  second time (at most one acknowledgement per message).
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import getaddresses
from email.parser import BytesHeaderParser
from email import policy
from pathlib import Path

from sqlalchemy import Engine, select, update
from sqlmodel import Session

from intake.config import Config, ConfigError
from store import repo
from store.models import Outbox, utcnow

MAX_ATTEMPTS = 5  # then `failed`: an operator looks at the error


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0  # gave up (or interrupted SMTP send): an operator must look
    retry: int = 0  # temporary error, left pending for the next run
    recovered: int = 0  # rows found `sending` after a crash and resolved
    errors: list[str] = field(default_factory=list)


class DeliveryError(Exception):
    """One letter could not be handed over; `temporary` says whether to try again later."""

    def __init__(self, message: str, temporary: bool = True):
        super().__init__(message)
        self.temporary = temporary


def outbox_file(outbox_dir: Path, message_id: str) -> Path:
    """Where the folder transport writes the letter with this Message-ID."""
    safe = re.sub(r"[^A-Za-z0-9._@-]", "_", message_id.strip("<>"))
    return outbox_dir / f"{safe}.eml"


class FolderTransport:
    """Writes each letter atomically as `<outbox_dir>/<message-id>.eml`."""

    def __init__(self, outbox_dir: Path):
        self.dir = outbox_dir

    def delivered(self, row: Outbox) -> bool | None:
        return outbox_file(self.dir, row.message_id).exists()

    def deliver(self, row: Outbox) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        final = outbox_file(self.dir, row.message_id)
        tmp = final.with_suffix(".tmp")
        try:
            with open(tmp, "wb") as f:
                f.write(row.raw)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, final)
        except OSError as e:
            raise DeliveryError(f"cannot write {final}: {e.strerror}") from e

    def close(self) -> None:
        pass


class SmtpTransport:
    """Hands letters to the SMTP server of config [acknowledgement.smtp]; one connection per batch."""

    def __init__(self, cfg: Config):
        smtp = cfg.acknowledgement.smtp
        if smtp is None:
            raise ConfigError("acknowledgement.transport = 'smtp' needs [acknowledgement.smtp]")
        self.cfg = smtp
        self.password = smtp.password.read() if smtp.password is not None else None
        self.conn: smtplib.SMTP | None = None

    def delivered(self, row: Outbox) -> bool | None:
        return None  # unknowable over SMTP

    def _connect(self) -> smtplib.SMTP:
        c = self.cfg
        try:
            if c.tls == "ssl":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(c.host, c.port, timeout=c.timeout,
                                                      context=ssl.create_default_context())
            else:
                conn = smtplib.SMTP(c.host, c.port, timeout=c.timeout)
                if c.tls == "starttls":
                    conn.starttls(context=ssl.create_default_context())
            if c.user and self.password is not None:
                conn.login(c.user, self.password)
        except smtplib.SMTPAuthenticationError as e:
            raise DeliveryError(f"SMTP login refused for acknowledgement.smtp.user {c.user!r}: {e}", temporary=False) from e
        except (smtplib.SMTPException, OSError) as e:
            raise DeliveryError(f"cannot connect to SMTP {c.host}:{c.port}: {e}") from e
        return conn

    def deliver(self, row: Outbox) -> None:
        if self.conn is None:
            self.conn = self._connect()
        h = BytesHeaderParser(policy=policy.compat32).parsebytes(row.raw)
        sender = [a for _, a in getaddresses(h.get_all("From", []))][0]
        # Envelope sender: the office address, so that a bounce reaches the office mailbox, where the
        # loop check (RFC 3834) quarantines it as a bounce instead of answering it.
        try:
            refused = self.conn.sendmail(sender, [row.to_addr], row.raw)
        except smtplib.SMTPRecipientsRefused as e:
            raise DeliveryError(f"recipient refused: {e.recipients}", temporary=False) from e
        except smtplib.SMTPResponseException as e:
            raise DeliveryError(f"SMTP {e.smtp_code}: {e.smtp_error!r}", temporary=400 <= e.smtp_code < 500) from e
        except (smtplib.SMTPException, OSError) as e:
            self.conn = None
            raise DeliveryError(f"SMTP error: {e}") from e
        if refused:
            raise DeliveryError(f"recipient refused: {refused}", temporary=False)

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self.conn = None


def make_transport(cfg: Config) -> FolderTransport | SmtpTransport:
    """The transport named by config `acknowledgement.transport`. Raises ConfigError if it lacks its section."""
    if cfg.acknowledgement.transport == "smtp":
        return SmtpTransport(cfg)
    return FolderTransport(cfg.acknowledgement.outbox_dir)


def _recover(engine: Engine, transport, report: SendReport) -> None:  # noqa: ANN001
    with Session(engine) as s:
        stuck = s.execute(select(Outbox).where(Outbox.status == "sending")).scalars().all()
        for row in stuck:
            known = transport.delivered(row)
            if known is True:
                row.status, row.sent_at = "sent", utcnow()
            elif known is False:
                row.status = "pending"
            else:
                row.status = "failed"
                row.error = "interrupted while sending through SMTP: check the server log for this Message-ID before resending"
                report.failed += 1
                report.errors.append(f"outbox {row.id}: {row.error}")
            repo.audit(s, "letter-recovered", case_id=row.case_id, outbox=row.id, status=row.status)
            report.recovered += 1
        s.commit()


def send_pending(engine: Engine, cfg: Config, *, limit: int | None = None, transport=None,  # noqa: ANN001
                 crash: Callable[[], None] | None = None) -> SendReport:
    """Send every pending outbox row (oldest first) and record each outcome.

    Returns a SendReport; delivery errors are counted there, never raised.
    `crash` (tests) is called between the delivery and its record.
    Raises ConfigError if the SMTP section or its password is missing.
    """
    report = SendReport()
    transport = transport or make_transport(cfg)
    try:
        _recover(engine, transport, report)
        with Session(engine) as s:
            ids = s.execute(select(Outbox.id).where(Outbox.status == "pending").order_by(Outbox.id)).scalars().all()
        for oid in ids[:limit] if limit else ids:
            with Session(engine) as s:
                claimed = s.execute(
                    update(Outbox).where(Outbox.id == oid, Outbox.status == "pending")
                    .values(status="sending", attempts=Outbox.attempts + 1)
                ).rowcount
                s.commit()
                if claimed != 1:
                    continue  # another worker has it
                row = s.get(Outbox, oid)
                assert row is not None
                try:
                    transport.deliver(row)
                except DeliveryError as e:
                    row.error = str(e)
                    if e.temporary and row.attempts < MAX_ATTEMPTS:
                        row.status = "pending"
                        report.retry += 1
                    else:
                        row.status = "failed"
                        report.failed += 1
                    report.errors.append(f"outbox {oid} to {row.to_addr}: {e}")
                    repo.audit(s, "letter-failed", case_id=row.case_id, outbox=oid, error=str(e))
                else:
                    if crash is not None:
                        crash()
                    row.status, row.sent_at, row.error = "sent", utcnow(), None
                    report.sent += 1
                    repo.audit(s, "letter-sent", case_id=row.case_id, outbox=oid, to=row.to_addr)
                s.commit()
    finally:
        transport.close()
    return report
