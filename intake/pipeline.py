"""The intake pipeline: mailboxes → store → case → acknowledgement.

A message's stage is its state (store/models.py):

    received --parse--> parsed --route--> routed --acknowledge--> acknowledged
          \\______________\\_______________\\____________> quarantined

- `ingest()` commits the raw bytes (with its Sighting and the mailbox cursor)
  before the source is told to `settle(uid)`: a crash in between only means
  the message is fetched again and recognised (sha256, then Message-ID).
- Each step writes its result together with the next stage in ONE
  transaction. Before a step starts, `attempts` is raised and committed; a
  row left in progress by a crash is retried on the next run and quarantined
  as `repeated-crash` when its third attempt would start (docs/style.md 3).
- The only broad `except` of the program is in `Pipeline._step`: it rolls
  back and quarantines the message with the failed step and the traceback.
  `replay()` sends a quarantined message back to the stage it failed in.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import policy
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from intake.config import Config, Office
from intake.letters import queue_letter
from intake.sources import Cursor, Fetched, MailSource, SourceError, open_source
from intake.transport import SendReport, send_pending
from parsers.email import parse_mail
from parsers.model import REASON_TEXT, Extraction, Limits, ParsedMail, PetitionRead, Reason, Rejected
from parsers.read import read_petition
from routing import Decision, Directory, load_directory, route
from store import repo
from store.models import Attachment, Case, CaseState, MailboxState, Message, Sighting, Stage, utcnow

MAX_ATTEMPTS = 3  # the third start of a step quarantines as repeated-crash (docs/style.md 3)

# step name -> (the stage it starts from, the stage it leads to)
STEPS: dict[str, tuple[Stage, Stage]] = {
    "parse": (Stage.RECEIVED, Stage.PARSED),
    "route": (Stage.PARSED, Stage.ROUTED),
    "acknowledge": (Stage.ROUTED, Stage.ACKNOWLEDGED),
}
STEP_OF_STAGE = {start: name for name, (start, _) in STEPS.items()}
OPERATOR_CODES = frozenset({Reason.CRASH, Reason.REPEATED_CRASH})  # quarantines an operator must look at
CrashPoint = Literal["store", "parse", "route", "acknowledge", "send"]


# ------------------------------------------------------------------ test hook


@dataclass(frozen=True)
class CrashAt:
    """Crash on purpose at the `nth` message reaching `point` (tests; `INTAKE_CRASH_AT=route:3:kill`).

    `how`: "raise" an exception (the pipeline quarantines) or "kill" the
    process with SIGKILL (nothing runs after it). Parsed by the CLI entry only.
    """

    point: CrashPoint
    nth: int = 1
    how: Literal["raise", "kill"] = "raise"

    @classmethod
    def parse(cls, spec: str) -> "CrashAt":
        """"route", "route:3" or "route:3:kill". Raises ValueError if malformed."""
        parts = spec.split(":")
        point = parts[0]
        if point not in ("store", "parse", "route", "acknowledge", "send"):
            raise ValueError(f"unknown crash point {point!r}")
        nth = int(parts[1]) if len(parts) > 1 else 1
        how = parts[2] if len(parts) > 2 else "raise"
        if how not in ("raise", "kill"):
            raise ValueError(f"unknown crash kind {how!r}")
        return cls(point, nth, how)  # type: ignore[arg-type]


class InjectedCrash(RuntimeError):
    """Raised by the test hook (`CrashAt`, how="raise")."""


class _Crasher:
    def __init__(self, at: CrashAt | None):
        self.at = at
        self.seen = 0

    def __call__(self, point: str) -> None:
        if self.at is None or self.at.point != point:
            return
        self.seen += 1
        if self.seen != self.at.nth:
            return
        if self.at.how == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        raise InjectedCrash(f"injected crash at {point} #{self.seen}")


# ------------------------------------------------------------------ reports


@dataclass
class MailboxReport:
    mailbox: str
    fetched: int = 0
    new: int = 0
    duplicates: int = 0  # same bytes, or same Message-ID and fingerprint, already stored (Cc, refetch)
    error: str | None = None

    def line(self) -> str:
        """The progress line of `intake run`, e.g. "q3: 4 fetched, 3 new, 1 already stored"."""
        if self.error:
            return f"{self.mailbox}: ERROR {self.error}"
        return f"{self.mailbox}: {self.fetched} fetched, {self.new} new, {self.duplicates} already stored"


@dataclass
class RunReport:
    mailboxes: list[MailboxReport] = field(default_factory=list)
    new: int = 0
    cases: int = 0
    quarantined: int = 0
    crashes: int = 0  # quarantined as crash / repeated-crash: an operator must look
    acknowledged: int = 0  # acknowledgements queued
    suppressed: int = 0  # acknowledgements not sent (RFC 3834, rate limit)
    send: SendReport = field(default_factory=SendReport)
    stopped: bool = False

    @property
    def errors(self) -> list[str]:
        out = [f"{m.mailbox}: {m.error}" for m in self.mailboxes if m.error]
        out += [f"{self.crashes} message(s) quarantined after a crash (see `intake status`, `intake replay`)"] if self.crashes else []
        out += self.send.errors if self.send.failed else []
        return out

    @property
    def needs_operator(self) -> bool:
        return bool(self.errors)

    def summary(self) -> str:
        return (f"new={self.new} cases={self.cases} quarantined={self.quarantined} "
                f"acknowledged={self.acknowledged} sent={self.send.sent} suppressed={self.suppressed} "
                f"errors={len(self.errors)}")


# ------------------------------------------------------------------ pure stage work


def limits_of(cfg: Config) -> Limits:
    e = cfg.extraction
    return Limits(max_pages=e.max_pages, max_image_pixels=e.max_image_pixels,
                  max_unzipped_bytes=e.max_unzipped_bytes, ocr_workers=e.ocr_workers, ocr_lang=e.ocr_lang)


def parse(raw: bytes, cfg: Config) -> ParsedMail | Rejected:
    """Parse a message with the config's limits and own addresses."""
    return parse_mail(raw, own_addresses=frozenset(cfg.own_addresses), max_bytes=cfg.mail.max_message_bytes,
                      limits=limits_of(cfg))


@dataclass(frozen=True)
class Decided:
    read: PetitionRead
    decision: Decision


def decide(mail: ParsedMail, cfg: Config, directory: Directory, mailbox: str | None) -> Decided | Rejected:
    """Find and read the petition, then route it. No side effects."""
    read = read_petition(mail, limits_of(cfg))
    if isinstance(read, Rejected):
        return read
    return Decided(read, route_extraction(read.extraction, cfg, directory, mailbox))


def route_extraction(ext: Extraction, cfg: Config, directory: Directory, mailbox: str | None) -> Decision:
    """Route what was read, with the config's confidence threshold (the pipeline and a clerk's correction)."""
    return route(ext.fields, directory, mailbox=mailbox, no_diacritics=ext.no_diacritics,
                 min_confidence=cfg.routing.min_confidence, extraction_confidence=ext.confidence())


def _strip_bytes(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_bytes(v) for k, v in value.items() if not isinstance(v, (bytes, bytearray))}
    if isinstance(value, list):
        return [_strip_bytes(v) for v in value]
    return value


def mail_summary(mail: ParsedMail) -> dict[str, Any]:
    """The parsed mail as JSON-able data without attachment bytes (Message.parsed)."""
    return _strip_bytes(mail.model_dump())


# Where a message belongs: the office it was written To comes first, so that the copy Cc'd to a second
# office (and stored first if that mailbox is polled first) is still the case of the office addressed;
# Delivered-To (a Bcc or an alias) and Cc only when no office of ours is in To.
ADDRESSED_HEADERS = ("To", "Delivered-To", "Cc")


def mailbox_of(raw: bytes, cfg: Config, headers: tuple[str, ...] = ADDRESSED_HEADERS) -> str | None:
    """The slug of the first office of `cfg` whose address is in `headers` (in that order), or None."""
    h = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    by_address = {o.address.lower(): o.slug for o in cfg.offices}
    for name in headers:
        for _, addr in getaddresses(h.get_all(name, [])):
            if addr.lower() in by_address:
                return by_address[addr.lower()]
    return None


def header_message_id(raw: bytes) -> str | None:
    h = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    value = h.get("Message-ID")
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value[:998] or None


# ------------------------------------------------------------------ the pipeline


class Pipeline:
    """One configured pipeline over one store. Build it per run (nothing global).

    `progress` receives one line per mailbox; `stop` (set by SIGTERM in the
    scheduler) is checked between messages, so a stop never splits a step.
    """

    def __init__(self, cfg: Config, engine: Engine, *, directory: Directory | None = None,
                 crash_at: CrashAt | None = None, progress: Callable[[str], None] | None = None,
                 stop: threading.Event | None = None,
                 open_source: Callable[[Config, Office], MailSource] = open_source):
        self.cfg = cfg
        self.engine = engine
        self.directory = directory if directory is not None else load_directory(cfg.routing.directory)
        self.crash = _Crasher(crash_at)
        self.progress = progress or (lambda line: None)
        self.stop = stop or threading.Event()
        self.open_source = open_source
        self.report = RunReport()
        self.tz = ZoneInfo(cfg.schedule.timezone)
        # The last message parsed, kept for the route step that follows it in the same
        # process (parsing twice cost ~30 ms per message). Keyed by the raw bytes' hash,
        # so a replay or a rerun after a crash simply parses again.
        self._parsed: tuple[str, ParsedMail] | None = None

    # ---------------------------------------------------------------- run

    def run_once(self) -> RunReport:
        """Recover what a crash left, poll every mailbox, process, send. Returns the run's report."""
        self.report = RunReport()
        self.process_pending()
        for office in self.cfg.offices:
            if self.stop.is_set():
                break
            mb = self.poll_mailbox(office)
            self.report.mailboxes.append(mb)
            self.progress(mb.line())
            self.process_pending()
        self.send()
        self.report.stopped = self.stop.is_set()
        return self.report

    def send(self) -> SendReport:
        rep = send_pending(self.engine, self.cfg, crash=lambda: self.crash("send"))
        self.report.send = rep
        return rep

    # ---------------------------------------------------------------- polling

    def _cursor(self, mailbox: str) -> Cursor:
        with Session(self.engine) as s:
            st = s.get(MailboxState, mailbox)
            return Cursor(st.uidvalidity, st.last_uid) if st else Cursor(None, 0)

    def poll_mailbox(self, office: Office) -> MailboxReport:
        """Store every new message of one mailbox; a mailbox error is reported, never raised."""
        mb = MailboxReport(office.slug)
        source: MailSource | None = None
        try:
            source = self.open_source(self.cfg, office)
            for fetched in source.fetch_since(self._cursor(office.slug)):
                mb.fetched += 1
                outcome = self.ingest(fetched)
                if outcome == "new":
                    mb.new += 1
                else:
                    mb.duplicates += 1
                self.crash("store")
                source.settle(fetched.uid)  # only after the commit in ingest()
                self._move_cursor(fetched)  # after settle: a crash before it refetches and settles again
                if self.stop.is_set():
                    break
        except SourceError as e:
            mb.error = str(e)
        finally:
            if source is not None:
                source.close()
        with Session(self.engine) as s:
            st = s.get(MailboxState, office.slug) or MailboxState(mailbox=office.slug)
            st.last_poll_at = utcnow()
            st.last_error = mb.error
            s.add(st)
            s.commit()
        self.report.new += mb.new
        return mb

    def _move_cursor(self, f: Fetched) -> None:
        with Session(self.engine) as s:
            st = s.get(MailboxState, f.mailbox) or MailboxState(mailbox=f.mailbox)
            if st.uidvalidity != f.uidvalidity:
                st.uidvalidity, st.last_uid = f.uidvalidity, 0
            st.last_uid = max(st.last_uid, f.uid)
            s.add(st)
            s.commit()

    def ingest(self, f: Fetched) -> Literal["new", "duplicate", "known"]:
        """Store one fetched message (or a Sighting of one already stored) in one commit.

        "known": this very (mailbox, UIDVALIDITY, UID) is stored already (fetched again after a
        crash before settle); "duplicate": the same bytes, or the same Message-ID with the same
        fingerprint (store.repo.message_fingerprint: only trace headers differ), came from elsewhere.
        A different message that reuses a Message-ID is "new".
        """
        sha = hashlib.sha256(f.raw).hexdigest()
        mid = header_message_id(f.raw)
        fp = repo.message_fingerprint(f.raw)
        for _ in range(2):  # a second pass after losing a race with another worker
            with Session(self.engine) as s:
                if repo.has_sighting(s, f.mailbox, f.uidvalidity, f.uid):
                    return "known"
                existing = repo.find_message(s, sha, mid, fp)
                if existing is not None:
                    s.add(Sighting(message_pk=existing.id, mailbox=f.mailbox, uidvalidity=f.uidvalidity, uid=f.uid))
                    repo.audit(s, "seen-again", message_pk=existing.id, mailbox=f.mailbox, uid=f.uid,
                               same_bytes=existing.sha256 == sha)
                    outcome: Literal["new", "duplicate"] = "duplicate"
                else:
                    reused = repo.reuses_message_id(s, mid)  # another message, same Message-ID: not merged
                    msg = Message(sha256=sha, message_id=mid, fingerprint=fp, raw=f.raw, size=len(f.raw),
                                  mailbox=mailbox_of(f.raw, self.cfg, ("To",)) or f.mailbox)
                    s.add(msg)
                    s.flush()
                    s.add(Sighting(message_pk=msg.id, mailbox=f.mailbox, uidvalidity=f.uidvalidity, uid=f.uid))
                    repo.audit(s, "received", message_pk=msg.id, mailbox=f.mailbox, uid=f.uid, size=len(f.raw),
                               **({"message_id_reused": mid} if reused else {}))
                    outcome = "new"
                try:
                    s.commit()
                except IntegrityError:
                    s.rollback()
                    continue
                return outcome
        raise RuntimeError(f"cannot store message {f.mailbox}/{f.uid}: lost the race twice")

    # ---------------------------------------------------------------- processing

    def pending_ids(self) -> list[int]:
        with Session(self.engine) as s:
            q = select(Message.id).where(Message.stage.in_([st.value for st in STEP_OF_STAGE])).order_by(Message.id)
            return list(s.execute(q).scalars())

    PROGRESS_SECONDS = 15.0  # a backlog of scans takes minutes: say how far it got this often

    def process_pending(self) -> None:
        pending = self.pending_ids()
        last = time.monotonic()
        for done, pk in enumerate(pending, 1):
            if self.stop.is_set():
                return
            self.process(pk)
            if time.monotonic() - last >= self.PROGRESS_SECONDS and done < len(pending):
                self.progress(f"processed {done}/{len(pending)} messages "
                              f"(cases {self.report.cases}, quarantined {self.report.quarantined})")
                last = time.monotonic()

    def process(self, pk: int) -> str:
        """Move one message through its remaining steps. Returns its final stage."""
        while True:
            with Session(self.engine) as s:
                msg = s.get(Message, pk)
                assert msg is not None
                stage = msg.stage
                step = STEP_OF_STAGE.get(Stage(stage))
                if step is None:
                    return stage
                if msg.attempts >= MAX_ATTEMPTS - 1:
                    self._quarantine(s, msg, step, Reason.REPEATED_CRASH,
                                     f"{step}: {msg.attempts} earlier attempts did not finish")
                    s.commit()
                    return Stage.QUARANTINED
                msg.attempts += 1
                s.commit()
            if not self._step(pk, step):
                return Stage.QUARANTINED

    def _step(self, pk: int, step: str) -> bool:
        """Run one step in one transaction. False when the message ended quarantined."""
        s = Session(self.engine)
        try:
            msg = s.get(Message, pk)
            assert msg is not None
            self.crash(step)
            handler = {"parse": self._parse, "route": self._route, "acknowledge": self._acknowledge}[step]
            handler(s, msg)
            ok = msg.stage != Stage.QUARANTINED
            s.commit()
            return ok
        except Exception:  # the one broad except (docs/style.md 4): quarantine, never stall the mailbox
            s.rollback()
            detail = f"{step}: {traceback.format_exc()}"
            with Session(self.engine) as s2:
                msg = s2.get(Message, pk)
                assert msg is not None
                self._quarantine(s2, msg, step, Reason.CRASH, detail)
                s2.commit()
            return False
        finally:
            s.close()

    def _quarantine(self, s: Session, msg: Message, step: str, code: Reason, detail: str) -> None:
        msg.stage, msg.failed_stage, msg.quarantine_code = Stage.QUARANTINED, step, code.value
        msg.quarantine_detail, msg.attempts = detail, 0
        s.add(msg)
        repo.audit(s, "quarantined", message_pk=msg.id, step=step, code=code.value,
                   reason=REASON_TEXT.get(code, ""), detail=detail[:2000])
        self.report.quarantined += 1
        if code in OPERATOR_CODES:
            self.report.crashes += 1

    def _advance(self, s: Session, msg: Message, step: str, **detail: Any) -> None:
        msg.stage, msg.attempts = STEPS[step][1], 0
        s.add(msg)
        repo.audit(s, STEPS[step][1].value, message_pk=msg.id, **detail)

    def _parse_once(self, msg: Message) -> ParsedMail | Rejected:
        if self._parsed is not None and self._parsed[0] == msg.sha256:
            return self._parsed[1]
        mail = parse(msg.raw, self.cfg)
        self._parsed = (msg.sha256, mail) if isinstance(mail, ParsedMail) else None
        return mail

    def _parse(self, s: Session, msg: Message) -> None:
        mail = self._parse_once(msg)
        if isinstance(mail, Rejected):
            self._quarantine(s, msg, "parse", mail.code, mail.detail)
            return
        msg.subject, msg.from_addr = mail.subject, mail.from_addr
        msg.parsed = mail_summary(mail)
        if mail.message_id and not msg.message_id:
            msg.message_id = mail.message_id
        for old in s.execute(select(Attachment).where(Attachment.message_pk == msg.id)).scalars():
            s.delete(old)
        s.flush()
        self._store_attachments(s, msg.id, mail.attachments, None)
        if mail.auto_submitted:  # RFC 3834: an auto-reply, bounce or list mail is no petition
            self._quarantine(s, msg, "parse", mail.auto_reason or Reason.AUTO_REPLY, "")
            return
        self._advance(s, msg, "parse", attachments=len(mail.attachments))

    def _store_attachments(self, s: Session, message_pk: int | None, atts: list, parent: int | None) -> None:
        for a in atts:
            row = Attachment(message_pk=message_pk, parent_id=parent, filename=a.filename, content_type=a.content_type,
                             size=a.size, sha256=a.sha256, role=a.role, data=a.data)
            s.add(row)
            s.flush()
            self._store_attachments(s, message_pk, a.children, row.id)

    def _route(self, s: Session, msg: Message) -> None:
        existing = repo.case_for_message(s, msg.id)
        if existing is not None:  # replayed after the case was made
            self._advance(s, msg, "route", case=existing.id)
            return
        mail = self._parse_once(msg)
        if isinstance(mail, Rejected):
            self._quarantine(s, msg, "route", mail.code, mail.detail)
            return
        decided = decide(mail, self.cfg, self.directory, msg.mailbox)
        if isinstance(decided, Rejected):
            self._quarantine(s, msg, "route", decided.code, decided.detail)
            return
        read, d = decided.read, decided.decision
        for name, role in read.roles.items():
            for att in s.execute(select(Attachment).where(Attachment.message_pk == msg.id,
                                                          Attachment.filename == name)).scalars():
                att.role = role
                if role == "petition":
                    att.role_reason = read.reason
        petition_att = None
        if read.attachment:
            petition_att = s.execute(select(Attachment.id).where(Attachment.message_pk == msg.id,
                                                                 Attachment.filename == read.attachment)).scalars().first()
        f = read.extraction.fields
        if d.office == "outside":
            state = CaseState.FORWARDED
        elif d.office == "triage" or d.flags or d.confidence < self.cfg.routing.min_confidence:
            state = CaseState.NEEDS_REVIEW
        else:
            state = CaseState.NEW
        received = msg.received_at if msg.received_at.tzinfo else msg.received_at.replace(tzinfo=timezone.utc)
        year = received.astimezone(self.tz).year
        party = f.requester or f.creditor
        case = Case(
            message_pk=msg.id, receipt_number=repo.next_number(s, msg.mailbox, year), mailbox=msg.mailbox,
            office=d.office, state=state, rule=d.rule, lane=d.lane, flags=sorted(d.flags), confidence=d.confidence,
            needs_review=state == CaseState.NEEDS_REVIEW,
            requester_name=party.name if party else None, id_number=party.id_number if party else None,
            judgment_number=f.judgment.number, petition_attachment_id=petition_att, petition_reason=read.reason,
            extraction=read.extraction.model_dump(mode="json"), decision=d.model_dump(mode="json"),
            assigned_officer=d.preferred_officer,
        )
        s.add(case)
        s.flush()
        self._advance(s, msg, "route", case=case.id, receipt=case.receipt_number, office=d.office, rule=d.rule)
        self.report.cases += 1

    def _acknowledge(self, s: Session, msg: Message) -> None:
        case = repo.case_for_message(s, msg.id)
        assert case is not None, "a routed message has a case"
        row = queue_letter(s, case, "ack", self.cfg)
        if row is None:
            self.report.suppressed += 1
        else:
            self.report.acknowledged += 1
        self._advance(s, msg, "acknowledge", case=case.id, queued=row is not None)


# ------------------------------------------------------------------ replay and inspect


def replay(engine: Engine, pk: int, *, actor: str = "system") -> str | None:
    """Send quarantined message `pk` back to the stage its failed step starts from.

    Returns that stage, or None when the message is not quarantined (or unknown).
    """
    with Session(engine) as s:
        msg = s.get(Message, pk)
        if msg is None or msg.stage != Stage.QUARANTINED:
            return None
        step = msg.failed_stage or "parse"
        stage = STEPS.get(step, STEPS["parse"])[0]
        repo.audit(s, "replayed", actor=actor, message_pk=pk, step=step, code=msg.quarantine_code)
        msg.stage, msg.attempts = stage, 0
        msg.failed_stage = msg.quarantine_code = msg.quarantine_detail = None
        s.add(msg)
        s.commit()
        return stage.value


class Inspection(BaseModel):
    """What would happen to one message (`intake inspect`), computed with no side effects."""

    headers: dict[str, Any]
    body: str
    attachments: list[dict[str, Any]]
    rejected: dict[str, str] | None = None  # {code, reason} when the message would be quarantined
    petition: dict[str, Any] | None = None  # where the petition was found and why
    email: dict[str, Any] | None = None  # truth-file `email` shape (subject, attachments with roles, petition_in…)
    fields: dict[str, Any] | None = None  # truth-file `fields` shape
    decision: dict[str, Any] | None = None  # truth-file `expected` shape, plus confidence and explanation
    confidence: float | None = None
    explanation: str | None = None
    trace: list[dict[str, Any]] = []
    notes: dict[str, Any] = {}


def _att_list(atts: list) -> list[dict[str, Any]]:
    return [{"filename": a.filename, "content_type": a.content_type, "size": a.size, "role": a.role,
             "children": _att_list(a.children)} for a in atts]


def _truth_atts(atts: list, roles: dict[str, str]) -> list[dict[str, Any]]:
    """Attachments as a truth file lists them: filename, content_type, role, `contains` for a zip/forward."""
    out = []
    for a in atts:
        item: dict[str, Any] = {"filename": a.filename, "content_type": a.content_type,
                                "role": roles.get(a.filename, a.role)}
        if a.children:
            item["contains"] = _truth_atts(a.children, roles)
        out.append(item)
    return out


def email_summary(mail: ParsedMail, read: PetitionRead | None) -> dict[str, Any]:
    """The message in the shape of a truth file's `email` object (petition keys None when unread)."""
    roles = read.roles if read else {}
    sender = f"{mail.from_name} <{mail.from_addr}>" if mail.from_name else mail.from_addr
    return {"from": sender, "to": ", ".join(mail.to) or None, "cc": ", ".join(mail.cc) or None,
            "subject": mail.subject, "date": mail.date, "message_id": mail.message_id,
            "attachments": _truth_atts(mail.attachments, roles),
            "petition_in": read.petition_in if read else None,
            "petition_attachment": read.attachment if read else None,
            "forwarded_by": read.forwarded_by if read else None}


def inspect_message(raw: bytes, cfg: Config, directory: Directory, mailbox: str | None) -> Inspection:
    """Parse, read and route `raw` as the pipeline would, touching nothing."""
    mail = parse(raw, cfg)
    if isinstance(mail, Rejected):
        return Inspection(headers={}, body="", attachments=[],
                          rejected={"code": mail.code.value, "reason": mail.reason})
    headers = {"from": mail.from_addr, "from_name": mail.from_name, "to": mail.to, "cc": mail.cc,
               "subject": mail.subject, "date": mail.date, "message_id": mail.message_id,
               "auto_submitted": mail.auto_submitted,
               "auto_reason": mail.auto_reason.value if mail.auto_reason else None, "defects": mail.defects}
    out = Inspection(headers=headers, body=mail.body_text, attachments=_att_list(mail.attachments),
                     email=email_summary(mail, None))
    if mail.auto_submitted:
        code = mail.auto_reason or Reason.AUTO_REPLY
        out.rejected = {"code": code.value, "reason": REASON_TEXT[code]}
        return out
    decided = decide(mail, cfg, directory, mailbox)
    if isinstance(decided, Rejected):
        out.rejected = {"code": decided.code.value, "reason": decided.reason}
        return out
    read, d = decided.read, decided.decision
    out.petition = {"in": read.petition_in, "attachment": read.attachment, "reason": read.reason,
                    "roles": read.roles, "forwarded_by": read.forwarded_by}
    out.email = email_summary(mail, read)
    out.fields = read.extraction.fields.model_dump(mode="json")
    out.notes = {k: v.model_dump(mode="json") for k, v in read.extraction.notes.items()}
    out.decision = {**d.expected(mailbox), "confidence": d.confidence, "explanation": d.explanation}
    out.confidence = d.confidence
    out.explanation = d.explanation
    out.trace = [r.model_dump(mode="json") for r in d.trace]
    return out
