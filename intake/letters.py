"""Letters to the sender: the acknowledgement and the clerks' letters, queued in the outbox.

`queue_letter(session, case, kind, cfg)` renders `templates/letters/<kind>.txt.j2`
and `.html.j2` (Vietnamese, NFC) into one MIME message (text plus HTML
alternative) and adds a pending `Outbox` row to the session; the caller
commits it together with the case state it reports, and `intake/transport.py`
sends it from there. This is the one module that imports jinja2.

Loop protection (RFC 3834 section 2, "When (not) to send automatic
responses"): nothing is sent to a message that carries `Auto-Submitted`
other than "no", `Precedence: bulk|junk|list`, a `List-Id` (RFC 2919) or
other `List-*` header (RFC 2369), a null `Return-Path: <>` (RFC 5321 section
4.5.5, a bounce), a mailer-daemon/postmaster sender, or one of our own
addresses; and at most `acknowledgement.max_per_sender_per_day`
acknowledgements go to one address in 24 hours.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from email import policy
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.parser import BytesHeaderParser
from email.utils import format_datetime, formataddr, getaddresses
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
from sqlalchemy import func, select
from sqlmodel import Session

from intake.config import Config
from store import repo
from store.models import Case, Message, Outbox, utcnow

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "letters"

# kind -> subject line title (the receipt number follows)
TITLES = {
    "ack": "Xác nhận đã nhận đơn yêu cầu thi hành án",
    "transfer": "Thông báo chuyển đơn yêu cầu thi hành án",
    "request_info": "Đề nghị bổ sung đơn yêu cầu thi hành án",
    "reject": "Thông báo từ chối nhận đơn yêu cầu thi hành án",
}
AUTOMATIC = frozenset({"ack"})  # letters sent without a clerk: rate-limited per sender
_DAEMONS = ("mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply")


@dataclass(frozen=True)
class Suppressed:
    """Why a letter is not sent (a readable reason, kept in the audit trail)."""

    code: str  # auto-submitted | precedence | mailing-list | null-return-path | daemon | own-address | rate-limit | no-address
    detail: str


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    """The template environment, built on first use (compiled templates are kept)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _headers(raw: bytes):  # noqa: ANN202
    return BytesHeaderParser(policy=policy.compat32).parsebytes(raw)


def reply_address(raw: bytes) -> str | None:
    """Where a reply goes: the first Reply-To address, else the From address (lower case)."""
    h = _headers(raw)
    for name in ("Reply-To", "From"):
        addrs = [a for _, a in getaddresses(h.get_all(name, [])) if "@" in a]
        if addrs:
            return addrs[0].strip().lower()
    return None


def loop_check(raw: bytes, to_addr: str | None, own_addresses: set[str] | frozenset[str]) -> Suppressed | None:
    """The RFC 3834 reason not to answer this message automatically, or None when an answer is fine."""
    h = _headers(raw)
    auto = (h.get("Auto-Submitted") or "").strip().lower()
    if auto and not auto.startswith("no"):
        return Suppressed("auto-submitted", f"Auto-Submitted: {auto}")  # RFC 3834 section 5
    prec = (h.get("Precedence") or "").strip().lower()
    if prec in {"bulk", "junk", "list"}:
        return Suppressed("precedence", f"Precedence: {prec}")
    for name in ("List-Id", "List-Unsubscribe", "List-Post"):  # RFC 2919, RFC 2369
        if h.get(name) is not None:
            return Suppressed("mailing-list", f"{name} present")
    x_suppress = (h.get("X-Auto-Response-Suppress") or "").lower()  # Microsoft [MS-OXCMAIL] 2.2.3.2.14
    if any(w in x_suppress for w in ("all", "autoreply")):
        return Suppressed("auto-submitted", f"X-Auto-Response-Suppress: {x_suppress}")
    rp = h.get_all("Return-Path", [])
    if rp and rp[-1].strip() in {"<>", ""}:
        return Suppressed("null-return-path", "Return-Path: <> (RFC 5321 section 4.5.5)")
    if not to_addr:
        return Suppressed("no-address", "no From or Reply-To address")
    local = to_addr.split("@", 1)[0]
    if local in _DAEMONS or local.startswith("mailer-daemon"):
        return Suppressed("daemon", to_addr)
    senders = {a.lower() for _, a in getaddresses(h.get_all("From", []) + h.get_all("Sender", [])) if a}
    if to_addr.lower() in own_addresses or senders & set(own_addresses):
        return Suppressed("own-address", to_addr)
    return None


def _decode_subject(raw: bytes) -> str:
    from email.header import decode_header, make_header

    value = _headers(raw).get("Subject") or ""
    try:
        return str(make_header(decode_header(value)))
    except (UnicodeError, LookupError, ValueError):
        return value


def _office_name(cfg: Config, slug: str) -> str:
    try:
        return cfg.office(slug).name
    except KeyError:
        return slug


def ack_variant(case: Case) -> str:
    """"triage", "outside", "transfer" (mailbox is not the competent office) or "received"."""
    if case.office == "triage":
        return "triage"
    if case.office == "outside":
        return "outside"
    if case.office != case.mailbox:
        return "transfer"
    return "received"


def render_letter(case: Case, message: Message, kind: str, cfg: Config, extra: dict | None = None) -> tuple[str, str, str]:
    """(subject, text, html) of letter `kind` for `case`. Raises jinja2.TemplateNotFound for an unknown kind."""
    office = cfg.office(case.mailbox) if any(o.slug == case.mailbox for o in cfg.offices) else cfg.offices[0]
    tz = ZoneInfo(cfg.schedule.timezone)
    received = message.received_at
    if received.tzinfo is None:
        from datetime import timezone

        received = received.replace(tzinfo=timezone.utc)
    decision = case.decision or {}
    competent = decision.get("forward_to") if case.office == "outside" else _office_name(cfg, case.office)
    parsed = message.parsed or {}
    from_name = parsed.get("from_name")
    original_subject = message.subject or parsed.get("subject") or _decode_subject(message.raw) or "(không có tiêu đề)"
    title = TITLES.get(kind, kind)
    subject = f"[{case.receipt_number}] {title}"
    ctx = {
        "case": case,
        "kind": kind,
        "variant": ack_variant(case),
        "office": office,
        "competent_name": competent or "(chưa xác định)",
        "receipt_number": case.receipt_number,
        "original_subject": original_subject,
        "received_on": received.astimezone(tz).strftime("%d/%m/%Y"),
        "greeting": f"ông/bà {from_name}" if from_name else "ông/bà",
        "sender_name": cfg.acknowledgement.sender_name,
        "subject": subject,
        "missing": [],
        "note": None,
        "reason": None,
    }
    ctx.update(extra or {})
    env = _env()
    text = env.get_template(f"{kind}.txt.j2").render(ctx)
    html = env.get_template(f"{kind}.html.j2").render(ctx)
    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    return nfc(subject), nfc(text), nfc(html)


def build_mime(*, from_name: str, from_addr: str, to_addr: str, subject: str, text: str, html: str,
               message_id: str, in_reply_to: str | None, references: str | None) -> bytes:
    """The letter as RFC 5322 bytes (CRLF), marked `Auto-Submitted: auto-replied` (RFC 3834 section 5).

    Built with the compat32 `email.mime` classes and `Header`: the default
    policy's folder drops the space between two encoded words of a long
    Vietnamese subject (CPython gh-144156; test_ack_subject_keeps_spaces).
    """
    msg = MIMEMultipart("alternative")
    msg["From"] = formataddr((from_name, from_addr), charset="utf-8")
    msg["To"] = to_addr
    msg["Subject"] = Header(subject, "utf-8")
    msg["Date"] = format_datetime(utcnow())
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = f"{references} {in_reply_to}".strip() if references else in_reply_to
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Auto-Response-Suppress"] = "All"  # stop Outlook out-of-office replies to us
    msg.attach(MIMEText(text, "plain", "utf-8"))
    msg.attach(MIMEText(html, "html", "utf-8"))
    return msg.as_bytes(policy=policy.compat32.clone(linesep="\r\n"))


def queue_letter(session: Session, case: Case, kind: str, cfg: Config, *, extra: dict | None = None) -> Outbox | None:
    """Render letter `kind` for `case` and add a pending Outbox row to `session` (not committed).

    Returns the row, or None when the letter is suppressed by the RFC 3834
    loop rules or (for the automatic acknowledgement) the per-sender daily
    limit; the reason goes to the audit trail. An acknowledgement already
    queued for this case is returned as it is (never two per case).
    Raises jinja2.TemplateNotFound if there is no template for `kind`.
    """
    message = session.get(Message, case.message_pk)
    assert message is not None and case.id is not None
    existing = session.execute(
        select(Outbox).where(Outbox.case_id == case.id, Outbox.kind == kind).order_by(Outbox.seq.desc())
    ).scalars().first()
    if kind in AUTOMATIC and existing is not None:
        return existing
    to_addr = (extra or {}).get("to_addr") or reply_address(message.raw)
    why = loop_check(message.raw, to_addr, cfg.own_addresses)
    if why is None and kind in AUTOMATIC and to_addr:
        sent_today = repo.letters_to_since(session, to_addr, utcnow() - timedelta(hours=24))
        if sent_today >= cfg.acknowledgement.max_per_sender_per_day:
            why = Suppressed("rate-limit", f"{sent_today} letters to {to_addr} in 24 h")
    if why is not None:
        repo.audit(session, "letter-suppressed", message_pk=message.id, case_id=case.id, kind=kind,
                   code=why.code, detail=why.detail)
        return None
    assert to_addr is not None
    seq = 0 if existing is None else existing.seq + 1
    office = cfg.office(case.mailbox) if any(o.slug == case.mailbox for o in cfg.offices) else cfg.offices[0]
    domain = office.address.rsplit("@", 1)[-1]
    message_id = f"<{kind}.{seq}.{case.receipt_number.lower()}@{domain}>"
    subject, text, html = render_letter(case, message, kind, cfg, extra)
    h = _headers(message.raw)
    raw = build_mime(
        from_name=cfg.acknowledgement.sender_name, from_addr=office.address, to_addr=to_addr,
        subject=subject, text=text, html=html, message_id=message_id,
        in_reply_to=(message.message_id or h.get("Message-ID") or "").strip() or None,
        references=" ".join((h.get("References") or "").split()) or None,
    )
    row = Outbox(case_id=case.id, kind=kind, seq=seq, to_addr=to_addr, message_id=message_id, raw=raw)
    session.add(row)
    repo.audit(session, "letter-queued", message_pk=message.id, case_id=case.id, kind=kind, to=to_addr,
               message_id=message_id)
    return row


def count_pending(session: Session) -> int:
    return int(session.execute(select(func.count(Outbox.id)).where(Outbox.status == "pending")).scalar_one())
