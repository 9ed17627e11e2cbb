"""The store's tables (sqlmodel). SQLite by default, PostgreSQL for several workers.

A message's stage is its state: `Message.stage` moves
received → parsed → routed → acknowledged, or → quarantined, and
`intake/pipeline.py` writes one stage's result together with the next stage in
one transaction. `attempts` counts how often a stage was started; a row left in
progress by a crash is retried, and quarantined as `repeated-crash` on the
third attempt.

Schema changes go through alembic (`store/migrations/`), never `create_all`
on a production store.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Stage(StrEnum):
    RECEIVED = "received"
    PARSED = "parsed"
    ROUTED = "routed"
    ACKNOWLEDGED = "acknowledged"
    QUARANTINED = "quarantined"


class CaseState(StrEnum):
    NEW = "new"  # decided automatically, waiting for a clerk to accept
    NEEDS_REVIEW = "needs_review"  # triage, low confidence, flags
    ACCEPTED = "accepted"  # official receipt number issued
    INFO_REQUESTED = "info_requested"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"
    FORWARDED = "forwarded"  # outside HCMC: the sender was told where to go


class MailboxState(SQLModel, table=True):
    """What the poller remembers of one mailbox (RFC 3501 UIDVALIDITY and UID)."""

    mailbox: str = Field(primary_key=True)  # office slug
    uidvalidity: int | None = None
    last_uid: int = 0
    last_poll_at: datetime | None = None
    last_error: str | None = Field(default=None, sa_column=Column(Text))


class Message(SQLModel, table=True):
    """One received message, stored before the mail server is told anything."""

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(index=True, unique=True, max_length=64)  # of the raw bytes
    message_id: str | None = Field(default=None, index=True, max_length=998)
    # store.repo.message_fingerprint: what the message says, trace headers left out; with message_id it
    # tells a Cc'd copy (same) from another message reusing the Message-ID (different). NULL on old rows.
    fingerprint: str | None = Field(default=None, index=True, max_length=64)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    size: int
    mailbox: str = Field(index=True)  # the office it was written To (intake.pipeline.mailbox_of), else where first seen
    received_at: datetime = Field(default_factory=utcnow)
    stage: str = Field(default=Stage.RECEIVED, index=True)
    attempts: int = 0
    failed_stage: str | None = None
    quarantine_code: str | None = None  # parsers.model.Reason value
    quarantine_detail: str | None = Field(default=None, sa_column=Column(Text))
    subject: str | None = Field(default=None, sa_column=Column(Text))
    from_addr: str | None = None
    parsed: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # ParsedMail sans bytes


class Sighting(SQLModel, table=True):
    """Where a message was seen: (mailbox, UIDVALIDITY, UID). Several per message when Cc'd."""

    __table_args__ = (UniqueConstraint("mailbox", "uidvalidity", "uid"),)

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="message.id", index=True)
    mailbox: str
    uidvalidity: int
    uid: int
    seen_at: datetime = Field(default_factory=utcnow)


class Attachment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="message.id", index=True)
    parent_id: int | None = Field(default=None, foreign_key="attachment.id")  # zip member / forwarded part
    filename: str = Field(sa_column=Column(Text, nullable=False))
    content_type: str
    size: int
    sha256: str = Field(max_length=64)
    role: str | None = None  # petition | judgment | id_card | archive | forwarded_message | other
    role_reason: str | None = Field(default=None, sa_column=Column(Text))
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class Case(SQLModel, table=True):
    # For the triage queue at 100,000 cases (triage/queue.py, bench/triage_load.py):
    # the review-first order without a sort, and per-office counts/filters from the index alone.
    __table_args__ = (
        Index("ix_case_review_order", text("needs_review DESC"), "created_at", "id"),
        Index("ix_case_office_state_created", "office", "state", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    message_pk: int = Field(foreign_key="message.id", unique=True)
    receipt_number: str = Field(unique=True, index=True)  # e.g. "Q3-2026-000123"
    official_number: str | None = Field(default=None, unique=True)  # issued on accept
    mailbox: str = Field(index=True)
    office: str = Field(index=True)  # competent office slug, "outside" or "triage"
    state: str = Field(default=CaseState.NEW, index=True)
    rule: str | None = None
    lane: str = Field(default="normal", index=True)
    flags: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    confidence: float = 0.0
    needs_review: bool = Field(default=True, index=True)
    # Search keys, copied from the fields for fast lookup.
    requester_name: str | None = Field(default=None, index=True)
    id_number: str | None = Field(default=None, index=True)
    judgment_number: str | None = Field(default=None, index=True)
    petition_attachment_id: int | None = Field(default=None, foreign_key="attachment.id")
    petition_reason: str | None = Field(default=None, sa_column=Column(Text))
    extraction: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))  # Extraction
    decision: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))  # Decision
    assigned_officer: str | None = None
    duplicate_of: int | None = Field(default=None, foreign_key="case.id")
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)


class ReceiptCounter(SQLModel, table=True):
    """Per office and year, the last receipt sequence number handed out."""

    office: str = Field(primary_key=True)
    year: int = Field(primary_key=True)
    kind: str = Field(default="receipt", primary_key=True)  # "receipt" | "official"
    last: int = 0


class Outbox(SQLModel, table=True):
    """A mail to send. Written in the same transaction as the case state it reports.

    The acknowledgement is one row per case (unique `case_id, kind` for
    kind "ack"); the sender marks it `sending` before it talks SMTP and `sent`
    after, and a row found `sending` after a crash is checked against the
    server-side Message-ID before it is sent again.
    """

    __table_args__ = (UniqueConstraint("case_id", "kind", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    kind: str  # ack | transfer | forward | request_info | reject
    seq: int = 0  # 0 for the acknowledgement; increases for later letters of the same kind
    to_addr: str
    message_id: str = Field(unique=True)
    raw: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    status: str = Field(default="pending", index=True)  # pending | sending | sent | suppressed | failed
    attempts: int = 0
    error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None


class AuditEvent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = "system"  # "system" or a user name
    action: str  # received, parsed, routed, quarantined, acknowledged, corrected, rerouted, accepted, …
    message_pk: int | None = Field(default=None, foreign_key="message.id", index=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, index=True)
    office: str  # office slug; "cuc" supervisors see every office
    role: str = "clerk"  # clerk | supervisor | admin
    password_hash: str
    created_at: datetime = Field(default_factory=utcnow)
    active: bool = True
