"""What a clerk does to a case. Each action checks the case's state, changes
it, and writes an AuditEvent (who, when, what) in the same transaction.

Every action returns an `Outcome` value; bad input is an outcome with a
Vietnamese message, never an exception.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable

from pydantic import ValidationError
from sqlmodel import Session, select

from intake.config import Config
from parsers.model import Extraction, FieldNote, Fields, Source
from routing.model import Decision
import routing
from intake.letters import queue_letter
from intake.pipeline import route_extraction
from store.models import AuditEvent, Case, CaseState, Outbox, User, utcnow
from store.repo import next_number
from triage.access import TRIAGE, can_see

OPEN = {CaseState.NEW, CaseState.NEEDS_REVIEW, CaseState.INFO_REQUESTED}

# Article 31(5) of the Law on Civil Judgment Enforcement (2008, amended 2014):
# the only three grounds on which a request may be refused.
REJECT_REASONS: dict[str, str] = {
    "no_right": "Người yêu cầu không có quyền yêu cầu thi hành án hoặc nội dung yêu cầu không liên quan "
    "đến nội dung của bản án, quyết định (Điều 31 khoản 5 điểm a Luật THADS)",
    "not_competent": "Cơ quan thi hành án dân sự được yêu cầu không có thẩm quyền thi hành án "
    "(Điều 31 khoản 5 điểm b Luật THADS)",
    "limitation_expired": "Hết thời hiệu yêu cầu thi hành án (Điều 31 khoản 5 điểm c, Điều 30 Luật THADS)",
}

# What may be asked for in a request for more information (Article 31 contents of a petition).
MISSING_ITEMS: dict[str, str] = {
    "requester_name": "Họ, tên người yêu cầu",
    "requester_address": "Địa chỉ người yêu cầu",
    "debtor_name": "Họ, tên người phải thi hành án",
    "debtor_address": "Địa chỉ người phải thi hành án",
    "judgment_ref": "Bản án, quyết định yêu cầu thi hành (số, ngày, Tòa án) và bản sao kèm theo",
    "request_content": "Nội dung yêu cầu thi hành án",
    "petition_date": "Ngày, tháng, năm làm đơn",
    "signature": "Chữ ký hoặc điểm chỉ của người làm đơn (tổ chức: chữ ký và con dấu)",
    "id_number": "Số định danh cá nhân / CCCD của các bên (Luật 106/2025/QH15)",
    "bank_account": "Tài khoản ngân hàng của người được thi hành án (Luật 106/2025/QH15)",
}

# The fields a clerk may correct: dotted path -> label.
EDITABLE: dict[str, str] = {
    "addressed_to": "Kính gửi",
    "requester.name": "Người yêu cầu – họ tên",
    "requester.id_number": "Người yêu cầu – số CMND/CCCD",
    "requester.address": "Người yêu cầu – địa chỉ",
    "requester.phone": "Người yêu cầu – điện thoại",
    "requester.email": "Người yêu cầu – thư điện tử",
    "creditor.name": "Người được thi hành án – họ tên",
    "debtor.name": "Người phải thi hành án – họ tên",
    "debtor.address": "Người phải thi hành án – địa chỉ",
    "judgment.number": "Bản án – số",
    "judgment.date": "Bản án – ngày",
    "judgment.court": "Bản án – Tòa án",
    "judgment.court_level": "Bản án – cấp Tòa",
    "judgment.case_type": "Bản án – loại việc",
    "judgment.stage": "Bản án – cấp xét xử",
    "judgment.first_instance.number": "Sơ thẩm – số",
    "judgment.first_instance.date": "Sơ thẩm – ngày",
    "judgment.first_instance.court": "Sơ thẩm – Tòa án",
    "request_content": "Nội dung yêu cầu",
    "preferred_officer": "Chấp hành viên được đề nghị",
    "petition_date": "Ngày làm đơn",
}
_DIGITS_ONLY = {"requester.id_number", "requester.phone"}


@dataclass
class Outcome:
    ok: bool
    message: str  # Vietnamese, for the clerk


def _fail(msg: str) -> Outcome:
    return Outcome(False, msg)


def audit(session: Session, user: User, case: Case, action: str, detail: dict[str, Any]) -> None:
    session.add(AuditEvent(actor=user.name, action=action, message_pk=case.message_pk, case_id=case.id, detail=detail))


def _record(session: Session, user: User, case: Case, action: str, detail: dict[str, Any], message: str, *,
            state: CaseState | None = None, reviewed: bool = False) -> Outcome:
    """Write a clerk's action in one commit: the case (its new `state`; `reviewed` takes it off the
    review queue), the time of the change and the audit event. Returns the success Outcome."""
    if state is not None:
        case.state = state
    if reviewed:
        case.needs_review = False
    case.updated_at = utcnow()
    audit(session, user, case, action, detail)
    session.add(case)
    session.commit()
    return Outcome(True, message)


# ------------------------------------------------------------------ bridges to other stages

Router = Callable[[Extraction, str], Decision]  # (extraction, mailbox) -> Decision


def make_router(cfg: Config) -> Router:
    """`intake.pipeline.route_extraction` bound to the office directory of `cfg`, loaded once.

    Raises routing.DirectoryError if the directory file cannot be read.
    """
    directory = routing.load_directory(cfg.routing.directory)

    def decide(extraction: Extraction, mailbox: str) -> Decision:
        return route_extraction(extraction, cfg, directory, mailbox)

    return decide


def _official_number(session: Session, office: str, year: int) -> str:
    return next_number(session, office, year, kind="official")


def _queue_letter(session: Session, case: Case, kind: str, cfg: Config, extra: dict[str, Any]) -> Outbox | None:
    row = queue_letter(session, case, kind, cfg, extra=extra)
    if row is not None:
        session.flush()  # the row's id goes into the audit event
    return row


# ------------------------------------------------------------------ denormalised columns

def apply_decision(case: Case, decision: Decision, extraction: Extraction, min_confidence: float) -> None:
    """Copy a decision and the search keys into the case's indexed columns."""
    f = extraction.fields
    case.decision = decision.model_dump(mode="json")
    case.extraction = extraction.model_dump(mode="json")
    case.office, case.rule, case.lane = decision.office, decision.rule, decision.lane
    case.flags = sorted(decision.flags)
    case.confidence = decision.confidence
    case.needs_review = decision.office == TRIAGE or decision.confidence < min_confidence or bool(decision.flags)
    if case.state in (CaseState.NEW, CaseState.NEEDS_REVIEW):
        case.state = CaseState.NEEDS_REVIEW if case.needs_review else CaseState.NEW
    copy_search_keys(case, f)


def copy_search_keys(case: Case, f: Fields) -> None:
    case.requester_name = f.requester.name if f.requester else None
    case.id_number = f.requester.id_number if f.requester else None
    case.judgment_number = f.judgment.number


def set_field(fields: Fields, path: str, value: str | None) -> Fields | str:
    """A copy of `fields` with `path` set to `value`, or a message saying why it cannot be."""
    data = fields.model_dump(mode="json")
    keys = path.split(".")
    node = data
    for k in keys[:-1]:
        if node.get(k) is None:
            node[k] = {}
        node = node[k]
    node[keys[-1]] = value
    try:
        return Fields.model_validate(data)
    except ValidationError as e:
        return f"Giá trị không hợp lệ cho “{EDITABLE.get(path, path)}”: {e.errors()[0]['msg']}"


# ------------------------------------------------------------------ actions

def _check_open(case: Case) -> Outcome | None:
    if case.state not in OPEN:
        return _fail("Hồ sơ đã được xử lý xong; không thể thay đổi.")
    return None


def correct_field(
    session: Session, cfg: Config, router: Router, user: User, case: Case, path: str, raw: str
) -> Outcome:
    if (bad := _check_open(case)) is not None:
        return bad
    if path not in EDITABLE:
        return _fail("Trường này không sửa được.")
    value: str | None = unicodedata.normalize("NFC", raw.strip()) or None
    if value is not None and path in _DIGITS_ONLY:
        value = re.sub(r"\D", "", value) or None
    if value is not None and path.endswith("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return _fail("Ngày phải viết theo dạng NNNN-TT-NN, ví dụ 2016-05-12.")
    extraction = Extraction.model_validate(case.extraction) if case.extraction else Extraction(fields=Fields())
    old = _get(extraction.fields, path)
    new_fields = set_field(extraction.fields, path, value)
    if isinstance(new_fields, str):
        return _fail(new_fields)
    notes = dict(extraction.notes)
    notes[path] = FieldNote(confidence=1.0, source=Source(file=f"sửa bởi {user.name}", text=value))
    extraction = extraction.model_copy(update={"fields": new_fields, "notes": notes})
    before = {"office": case.office, "rule": case.rule, "lane": case.lane, "flags": list(case.flags or [])}
    apply_decision(case, router(extraction, case.mailbox), extraction, cfg.routing.min_confidence)
    after = {"office": case.office, "rule": case.rule, "lane": case.lane, "flags": list(case.flags or [])}
    msg = f"Đã sửa “{EDITABLE[path]}”."
    if before != after:
        msg += f" Định tuyến lại: {after['office']} ({after['rule']})."
    return _record(session, user, case, "corrected", {"field": path, "old": old, "new": value,
                                                      "routing_before": before, "routing_after": after}, msg)


def _get(fields: Fields, path: str) -> Any:
    node: Any = fields.model_dump(mode="json")
    for k in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(k)
    return node


def reroute(session: Session, cfg: Config, user: User, case: Case, office: str, reason: str) -> Outcome:
    if (bad := _check_open(case)) is not None:
        return bad
    if office not in {o.slug for o in cfg.offices}:
        return _fail("Đơn vị không có trong danh sách.")
    reason = unicodedata.normalize("NFC", reason.strip())
    if not reason:
        return _fail("Phải ghi lý do chuyển.")
    if office == case.office:
        return _fail("Hồ sơ đã thuộc đơn vị này.")
    old = case.office
    case.office = office
    case.needs_review = False
    if case.state == CaseState.NEEDS_REVIEW:
        case.state = CaseState.NEW
    # The sender is told when the competent office is not the one they wrote to (Article 35).
    letter = _queue_letter(session, case, "transfer", cfg, {}) if office != case.mailbox else None
    detail: dict[str, Any] = {"from": old, "to": office, "reason": reason}
    if letter is not None:
        detail["outbox_id"] = letter.id
    return _record(session, user, case, "rerouted", detail, f"Đã chuyển hồ sơ sang {cfg.office(office).name}.")


def accept(session: Session, cfg: Config, user: User, case: Case) -> Outcome:
    if (bad := _check_open(case)) is not None:
        return bad
    if case.office not in {o.slug for o in cfg.offices}:
        return _fail("Hồ sơ chưa được giao cho một đơn vị thi hành án; hãy chuyển đúng đơn vị trước khi thụ lý.")
    year = datetime.now(timezone.utc).year
    case.official_number = _official_number(session, case.office, year)
    return _record(session, user, case, "accepted", {"official_number": case.official_number, "office": case.office},
                   f"Đã thụ lý. Số thụ lý: {case.official_number}.", state=CaseState.ACCEPTED, reviewed=True)


def request_info(session: Session, cfg: Config, user: User, case: Case, items: list[str], note: str) -> Outcome:
    if (bad := _check_open(case)) is not None:
        return bad
    items = [i for i in items if i in MISSING_ITEMS]
    note = unicodedata.normalize("NFC", note.strip())
    if not items and not note:
        return _fail("Chọn ít nhất một nội dung cần bổ sung hoặc ghi nội dung.")
    extra = {"missing": [MISSING_ITEMS[i] for i in items], "missing_codes": items, "note": note}
    letter = _queue_letter(session, case, "request_info", cfg, extra)
    return _record(session, user, case, "info_requested", {**extra, "outbox_id": letter.id if letter else None},
                   "Đã gửi thư yêu cầu bổ sung." if letter else
                   "Đã ghi yêu cầu bổ sung; thư không gửi được (xem nhật ký).", state=CaseState.INFO_REQUESTED)


def reject(session: Session, cfg: Config, user: User, case: Case, reason: str, note: str) -> Outcome:
    if (bad := _check_open(case)) is not None:
        return bad
    if reason not in REJECT_REASONS:
        return _fail("Chỉ được từ chối theo một trong ba lý do của Điều 31 khoản 5 Luật THADS.")
    note = unicodedata.normalize("NFC", note.strip())
    extra = {"reason": REJECT_REASONS[reason], "reason_code": reason, "note": note}
    letter = _queue_letter(session, case, "reject", cfg, extra)
    return _record(session, user, case, "rejected", {**extra, "outbox_id": letter.id if letter else None},
                   "Đã từ chối và gửi thư thông báo." if letter else "Đã từ chối; thư không gửi được (xem nhật ký).",
                   state=CaseState.REJECTED, reviewed=True)


def mark_duplicate(session: Session, user: User, case: Case, other_receipt: str) -> Outcome:
    if (bad := _check_open(case)) is not None:
        return bad
    other = session.exec(select(Case).where(Case.receipt_number == other_receipt.strip().upper())).first()
    if other is None or not can_see(user, other):
        return _fail("Không tìm thấy hồ sơ có số tiếp nhận này.")
    if other.id == case.id:
        return _fail("Một hồ sơ không thể trùng với chính nó.")
    case.duplicate_of = other.id
    return _record(session, user, case, "duplicate", {"of": other.receipt_number, "of_case": other.id},
                   f"Đã đánh dấu trùng với hồ sơ {other.receipt_number}.", state=CaseState.DUPLICATE, reviewed=True)


def assign_officer(session: Session, user: User, case: Case, officer: str, reason: str) -> Outcome:
    if case.state not in OPEN | {CaseState.ACCEPTED}:
        return _fail("Hồ sơ đã đóng; không phân công được.")
    officer = unicodedata.normalize("NFC", " ".join(officer.split()))
    reason = unicodedata.normalize("NFC", reason.strip())
    if not officer:
        return _fail("Ghi tên Chấp hành viên.")
    preferred = (case.decision or {}).get("preferred_officer")
    if preferred and officer.casefold() != preferred.casefold() and not reason:
        return _fail(f"Người yêu cầu đề nghị Chấp hành viên {preferred}; phân công người khác phải ghi lý do.")
    old = case.assigned_officer
    case.assigned_officer = officer
    honours = bool(preferred) and officer.casefold() == preferred.casefold()
    return _record(session, user, case, "officer_assigned", {"officer": officer, "previous": old, "preferred": preferred,
                                                            "honours_preference": honours, "reason": reason},
                   f"Đã phân công Chấp hành viên {officer}.")
