"""Queries and small writes on the store, shared by the pipeline, the CLI and the web page.

Functions take a `Session` and never commit: the caller decides what goes
into one transaction (docs/style.md: a stage's result and the next stage are
written together).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from store.models import AuditEvent, Case, Message, Outbox, ReceiptCounter, Sighting, utcnow

# A number's prefix per kind: a receipt ("Q3-2026-000123") is issued when the
# mail arrives; an official number ("Q3-2026-TL000045", thụ lý) when a clerk accepts.
_KIND_MARK = {"receipt": "", "official": "TL"}


def format_number(office: str, year: int, seq: int, kind: str = "receipt") -> str:
    """"Q3-2026-000123": the office slug in capitals, the year, the sequence."""
    mark = _KIND_MARK.get(kind, kind[:2].upper())
    return f"{office.upper()}-{year}-{mark}{seq:06d}"


def next_number(session: Session, office: str, year: int, kind: str = "receipt") -> str:
    """The next number of `kind` for `office` in `year`, e.g. "Q3-2026-000123".

    One atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` on the counter row,
    so two workers never get the same number (PostgreSQL locks the row until
    the caller's transaction ends; SQLite serialises writers). A number taken
    in a transaction that is rolled back is handed out again.
    """
    dialect = session.get_bind().dialect.name
    ins = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    table = ReceiptCounter.__table__
    stmt = (
        ins(table)
        .values(office=office, year=year, kind=kind, last=1)
        .on_conflict_do_update(
            index_elements=["office", "year", "kind"], set_={"last": table.c["last"] + 1}
        )
        .returning(table.c["last"])
    )
    seq = session.execute(stmt).scalar_one()
    return format_number(office, year, seq, kind)


def audit(session: Session, action: str, *, message_pk: int | None = None, case_id: int | None = None,
          actor: str = "system", **detail: Any) -> AuditEvent:
    """Add one audit event to the session (not committed)."""
    ev = AuditEvent(action=action, message_pk=message_pk, case_id=case_id, actor=actor, detail=detail)
    session.add(ev)
    return ev


# Header fields that say *what* was sent; the trace fields an MTA adds on delivery (Received,
# Delivered-To, Return-Path, X-Original-To, Authentication-Results…, RFC 5321 section 4.4) are left
# out, so one message delivered to two mailboxes (Cc to two offices) has one fingerprint.
FINGERPRINT_HEADERS = ("From", "Sender", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To",
                       "Content-Type")


def message_fingerprint(raw: bytes) -> str:
    """sha256 of what a message says: the FINGERPRINT_HEADERS (unfolded) and the body bytes.

    Equal for the same message delivered twice (only trace headers differ), different for another
    message that reuses a Message-ID (broken mailers do; RFC 5322 section 3.6.4 asks for uniqueness).
    Line ends are normalised, so a copy stored with LF and one with CRLF agree.
    """
    data = raw.replace(b"\r\n", b"\n")
    head, sep, body = data.partition(b"\n\n")
    if not sep:
        head, body = data, b""
    fields: dict[bytes, list[bytes]] = {}
    name = b""
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and name:
            fields[name][-1] += b" " + line.strip()
        elif b":" in line:
            key, _, value = line.partition(b":")
            name = key.strip().lower()
            fields.setdefault(name, []).append(value.strip())
    h = hashlib.sha256()
    for field in FINGERPRINT_HEADERS:
        for value in fields.get(field.lower().encode(), []):
            h.update(field.lower().encode() + b":" + b" ".join(value.split()) + b"\n")
    h.update(b"\n")
    h.update(body.rstrip())
    return h.hexdigest()


def find_message(session: Session, sha256: str, message_id: str | None, fingerprint: str) -> Message | None:
    """The stored message this one is a copy of: the same bytes, or else the same Message-ID *and* the
    same fingerprint (a Cc'd copy delivered to another mailbox). A message that only reuses a
    Message-ID is not a copy. Rows stored before fingerprints existed get theirs on first look
    (written in the caller's transaction).
    """
    found = session.execute(select(Message).where(Message.sha256 == sha256)).scalars().first()
    if found is not None or not message_id:
        return found
    candidates = session.execute(
        select(Message).where(Message.message_id == message_id).order_by(Message.id)
    ).scalars().all()
    for msg in candidates:
        if msg.fingerprint is None:
            msg.fingerprint = message_fingerprint(msg.raw)
            session.add(msg)
        if msg.fingerprint == fingerprint:
            return msg
    return None


def reuses_message_id(session: Session, message_id: str | None) -> bool:
    """Whether another stored message already carries this Message-ID."""
    if not message_id:
        return False
    return session.execute(select(Message.id).where(Message.message_id == message_id)).first() is not None


def has_sighting(session: Session, mailbox: str, uidvalidity: int, uid: int) -> bool:
    q = select(Sighting.id).where(
        Sighting.mailbox == mailbox, Sighting.uidvalidity == uidvalidity, Sighting.uid == uid
    )
    return session.execute(q).first() is not None


def case_for_message(session: Session, message_pk: int) -> Case | None:
    return session.execute(select(Case).where(Case.message_pk == message_pk)).scalars().first()


def letters_to_since(session: Session, to_addr: str, since: datetime) -> int:
    """How many letters were queued to `to_addr` since `since` (suppressed ones not counted)."""
    q = select(func.count(Outbox.id)).where(
        func.lower(Outbox.to_addr) == to_addr.lower(),
        Outbox.created_at >= since,
        Outbox.status != "suppressed",
    )
    return int(session.execute(q).scalar_one())


def stage_counts(session: Session) -> dict[str, int]:
    """Messages per stage."""
    rows = session.execute(select(Message.stage, func.count(Message.id)).group_by(Message.stage)).all()
    return {stage: n for stage, n in rows}


def case_counts(session: Session) -> dict[str, dict[str, int]]:
    """Cases per office and state: {office: {state: n}}."""
    rows = session.execute(select(Case.office, Case.state, func.count(Case.id)).group_by(Case.office, Case.state)).all()
    out: dict[str, dict[str, int]] = {}
    for office, state, n in rows:
        out.setdefault(office, {})[state] = n
    return out


def quarantine_counts(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(Message.quarantine_code, func.count(Message.id))
        .where(Message.stage == "quarantined")
        .group_by(Message.quarantine_code)
    ).all()
    return {code or "?": n for code, n in rows}


def quarantined(session: Session, limit: int = 20) -> list[tuple[int, str | None, str | None, str | None]]:
    """The newest quarantined messages: (id, code, failed step, subject), newest first."""
    rows = session.execute(
        select(Message.id, Message.quarantine_code, Message.failed_stage, Message.subject)
        .where(Message.stage == "quarantined").order_by(Message.id.desc()).limit(limit)
    ).all()
    return [tuple(r) for r in rows]


def outbox_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Outbox.status, func.count(Outbox.id)).group_by(Outbox.status)).all()
    return {s: n for s, n in rows}


def day_ago(now: datetime | None = None) -> datetime:
    now = now or utcnow()
    return now - timedelta(hours=24)
