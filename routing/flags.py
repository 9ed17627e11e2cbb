"""Flags a clerk must see (domain.md "Flags"; samples README "Conventions for the expected decision").

- `missing:<field>`: what Article 31(2) of the Law on Civil Judgment Enforcement (2008, amended 2014)
  requires of a petition, and the judgment Article 31(4) requires attached;
- `limitation_risk`: Article 30(1), a request within 5 years of the judgment taking effect;
- `wrong_office_addressed`: the "Kính gửi" office or the mailbox is not the competent office;
- `no_diacritics`: given by the extraction (how the petition is written).
"""

from __future__ import annotations

import datetime as dt

from parsers.model import Fields, Party
from routing.directory import Directory, Office
from routing.model import RuleResult

LIMITATION_YEARS = 5  # Luật THADS Điều 30 khoản 1: thời hiệu yêu cầu thi hành án là 05 năm
ART_31 = "Điều 31 khoản 2 Luật THADS"


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def _name(p: Party | None) -> str | None:
    return p.name if p else None


def _address(p: Party | None) -> str | None:
    return p.address if p else None


# field → (legal basis, what is missing in Vietnamese, test)
_REQUIRED = [
    ("requester_name", "Điều 31 khoản 2 điểm a", "tên người yêu cầu", lambda f: _blank(_name(f.requester))),
    ("requester_address", "Điều 31 khoản 2 điểm a", "địa chỉ người yêu cầu",
     lambda f: _blank(_address(f.requester))),
    ("debtor_name", "Điều 31 khoản 2 điểm c", "tên người phải thi hành án", lambda f: _blank(_name(f.debtor))),
    ("debtor_address", "Điều 31 khoản 2 điểm c", "địa chỉ người phải thi hành án",
     lambda f: _blank(_address(f.debtor))),
    ("judgment_ref", "Điều 31 khoản 4", "số bản án hoặc Tòa án đã xử",
     lambda f: _blank(f.judgment.number) or _blank(f.judgment.court)),
    ("request_content", "Điều 31 khoản 2 điểm d", "nội dung yêu cầu thi hành án",
     lambda f: _blank(f.request_content)),
    ("petition_date", "Điều 31 khoản 2 điểm e", "ngày làm đơn", lambda f: _blank(f.petition_date)),
    ("signature", "Điều 31 khoản 2 điểm g", "chữ ký (tên người ký)", lambda f: _blank(f.signed_by)),
]


def missing(fields: Fields) -> tuple[list[str], list[RuleResult]]:
    """The `missing:<field>` flags and one trace entry per required element."""
    flags, trace = [], []
    for key, article, label, test in _REQUIRED:
        hit = bool(test(fields))
        if hit:
            flags.append(f"missing:{key}")
        trace.append(RuleResult(rule=f"flag:missing:{key}", article=f"{article} Luật THADS", hit=hit,
                                reason=f"Đơn {'thiếu' if hit else 'có'} {label}."))
    return flags, trace


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def add_years(d: dt.date, years: int) -> dt.date:
    """The same day `years` later; 29 February becomes 28 February."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def limitation_risk(fields: Fields) -> tuple[bool, RuleResult]:
    """More than 5 years from the judgment (or its recognition, if later) to the petition date.

    Exactly five years is not more (Article 30(1): "trong thời hạn 05 năm").
    """
    article = "Điều 30 khoản 1 Luật THADS"
    start = _date(fields.judgment.date)
    label = "bản án"
    rec = fields.judgment.recognition
    rec_date = _date(rec.date) if rec else None
    if rec_date and (start is None or rec_date > start):
        start, label = rec_date, "quyết định công nhận"
    end = _date(fields.petition_date)
    if start is None or end is None:
        return False, RuleResult(rule="flag:limitation_risk", article=article, hit=False,
                                 reason="Không đủ ngày (bản án hoặc ngày làm đơn) để tính thời hiệu 5 năm.")
    deadline = add_years(start, LIMITATION_YEARS)
    hit = end > deadline
    return hit, RuleResult(
        rule="flag:limitation_risk", article=article, hit=hit,
        reason=(f"Đơn ngày {end:%d/%m/%Y}, {label} ngày {start:%d/%m/%Y}: "
                + ("quá 5 năm, cán bộ kiểm tra ngày hiệu lực và lý do chậm." if hit else "trong thời hiệu 5 năm.")))


def wrong_office(directory: Directory, competent: Office | None, *, outside: bool,
                 addressed_to: str | None, mailbox: str | None) -> tuple[bool, RuleResult]:
    """Whether the "Kính gửi" office or the mailbox differs from the competent office.

    Always for a court outside the directory (no office here is competent); never when competence is
    unknown (`competent` None and not outside).
    """
    article = "Điều 35 Luật THADS; Điều 31 khoản 2 điểm b"
    rule = "flag:wrong_office_addressed"
    if outside:
        return True, RuleResult(rule=rule, article=article, hit=True,
                                reason="Bản án thuộc thẩm quyền cơ quan thi hành án ngoài địa bàn.")
    if competent is None:
        return False, RuleResult(rule=rule, article=article, hit=False,
                                 reason="Chưa xác định cơ quan có thẩm quyền; không so sánh.")
    reasons = []
    if addressed_to and addressed_to.strip():
        place = directory.reader.read(addressed_to, office=True)
        if place.level == "unknown" and place.province is None:
            pass  # generic ("Quý cơ quan"): no evidence either way
        elif place.province is not None and not directory.serves(place.province):
            reasons.append(f"đơn gửi {addressed_to} (ngoài địa bàn)")
        else:
            hits = directory.lookup(place)
            if not hits:
                reasons.append(f"đơn gửi {addressed_to} (không có trong danh bạ)")
            elif all(h.office.slug != competent.slug for h in hits):
                reasons.append(f"đơn gửi {hits[0].office.short}")
    box = directory.office_for_mailbox(mailbox)
    if mailbox and (box is None or box.slug != competent.slug):
        reasons.append(f"thư đến hộp thư {mailbox}")
    hit = bool(reasons)
    return hit, RuleResult(
        rule=rule, article=article, hit=hit,
        reason=("; ".join(reasons) + f", nhưng cơ quan có thẩm quyền là {competent.short}." if hit
                else f"Đơn và hộp thư đúng {competent.short}."))
