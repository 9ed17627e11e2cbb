"""Queries and small writes on the store, shared by the pipeline, the CLI and the web page.

Functions take a `Session` and never commit: the caller decides what goes
into one transaction (docs/style.md: a stage's result and the next stage are
written together).
"""

from __future__ import annotations

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


def find_message(session: Session, sha256: str, message_id: str | None) -> Message | None:
    """The stored message with these bytes, or else with this Message-ID (a Cc'd copy)."""
    found = session.execute(select(Message).where(Message.sha256 == sha256)).scalars().first()
    if found is None and message_id:
        found = session.execute(
            select(Message).where(Message.message_id == message_id).order_by(Message.id)
        ).scalars().first()
    return found


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


def outbox_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Outbox.status, func.count(Outbox.id)).group_by(Outbox.status)).all()
    return {s: n for s, n in rows}


def day_ago(now: datetime | None = None) -> datetime:
    now = now or utcnow()
    return now - timedelta(hours=24)
