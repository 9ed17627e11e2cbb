"""Competence rules R1–R10 (domain.md "Competence"), as named objects in an ordered chain.

Law on Civil Judgment Enforcement 2008, amended 2014 (Luật THADS), Article 35: khoản 1 lists what a
district office (Chi cục) enforces, khoản 2 what the provincial office (Cục) enforces. Each rule has an
`id`, the `article` it applies, and a test that returns hit or miss with a Vietnamese reason; the
first hit decides, and `Decision.trace` keeps every rule tried (then the lane and flag checks).

The chain is data (`CHAIN`); what a court name means comes from the office directory, so another
era's map (2021 Thủ Đức, 2025 area offices) is a different directory file, not different code.
`route()` is pure: it reads nothing and returns a `Decision`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Literal

from parsers.model import Fields, Ref
from routing.courts import Place, is_arbitration, short_name
from routing.directory import Directory, Office
from routing.flags import limitation_risk, missing, wrong_office
from routing.lanes import decide_lane
from routing.model import Decision, RuleId, RuleResult

LAW = "Luật THADS"
STAGE_WORDS = {"ST": "sơ thẩm", "PT": "phúc thẩm", "GĐT": "giám đốc thẩm", "TT": "tái thẩm"}

# ------------------------------------------------------------------ courts read against the directory

Status = Literal["office", "outside", "unknown", "ambiguous", "absent"]


@dataclass(frozen=True)
class Match:
    """A court name read against the directory."""

    text: str | None
    place: Place
    status: Status
    office: Office | None = None
    candidates: tuple[Office, ...] = ()
    confidence: float = 1.0
    note: str = ""

    @property
    def label(self) -> str:
        return short_name(self.text) if self.text else "(không rõ Tòa án)"


def match_court(directory: Directory, text: str | None, date: str | None) -> Match:
    """Which office the court `text` belongs to; `date` (ISO) is checked against the name's validity."""
    if not text or not text.strip():
        return Match(text, Place("unknown"), "absent", confidence=0.0, note="không ghi Tòa án")
    place = directory.reader.read(text)
    if place.province is not None and not directory.serves(place.province):
        conf = 1.0 if place.level in ("local", "province") else 0.7
        return Match(text, place, "outside", confidence=conf, note=f"Tòa án thuộc {place.province.display}")
    if place.level in ("unknown", "supreme"):
        return Match(text, place, "unknown", confidence=0.0, note=f"không nhận ra Tòa án “{text}”")
    hits = directory.lookup(place)
    offices = tuple({h.office.slug: h.office for h in hits}.values())
    if not offices:
        return Match(text, place, "unknown", confidence=0.0, note=f"“{text}” không có trong danh bạ")
    if len(offices) > 1:
        names = ", ".join(o.short for o in offices)
        return Match(text, place, "ambiguous", candidates=offices, confidence=0.0,
                     note=f"“{text}” có thể là: {names}")
    hit = hits[0]
    conf, note = 1.0, f"“{text}” thuộc {hit.office.short}"
    if not hit.exact:
        if (place.unit or "").startswith(("? ", "quan ", "huyen ")):
            conf, note = 0.9, note + " (nhận theo tên địa danh, không rõ quận hay huyện)"
        else:  # "thành phố Thủ Đức" is not "Quận Thủ Đức": a different unit with the same name
            conf, note = 0.7, note + f" (chỉ trùng tên địa danh; “{place.unit_display}” khác cấp hành chính)"
    court = hit.court
    if court is not None and date:
        if (court.valid_to and date > court.valid_to.isoformat()) or (
                court.valid_from and date < court.valid_from.isoformat()):
            conf, note = 0.6, note + f" — nhưng tên “{court.name}” không còn/chưa dùng vào ngày {date}"
    return Match(text, place, "office", office=hit.office, confidence=conf, note=note)


# ------------------------------------------------------------------ the case as the rules see it

_STAGE_RE = [
    re.compile(r"QD\s*-?\s*(GDT|ST|PT|TT)(?![A-Z])"),
    re.compile(r"(?<![A-Z])(?:HNGD|KDTM|DS|LD|HC|HS)\s*-?\s*(GDT|ST|PT|TT)(?![A-Z])"),
]


def stage_of(fields: Fields) -> str | None:
    """The stage (ST, PT, GĐT, TT) from the fields, else from the judgment number ("…/DS-PT")."""
    j = fields.judgment
    if j.stage:
        return j.stage
    if not j.number:
        return None
    n = j.number.upper().replace("Đ", "D")
    for rx in _STAGE_RE:
        m = rx.search(n)
        if m:
            return {"GDT": "GĐT"}.get(m.group(1), m.group(1))
    return None


@dataclass(frozen=True)
class Case:
    fields: Fields
    directory: Directory
    stage: str | None
    kind: Literal["court", "arbitration", "foreign"]
    judgment: Match
    first: Match | None  # the first-instance court named for an appeal, cassation or reopening
    recognition: Match | None
    seat: Match | None  # the court whose seat decides competence (None: not known)
    head: str  # "Bản án sơ thẩm của TAND Quận 3"


def _ref_match(directory: Directory, ref: Ref | None) -> Match | None:
    if ref is None or not ref.court:
        return None
    return match_court(directory, ref.court, ref.date)


def build_case(fields: Fields, directory: Directory) -> Case:
    j = fields.judgment
    stage = stage_of(fields)
    judgment = match_court(directory, j.court, j.date)
    first = _ref_match(directory, j.first_instance)
    recognition = _ref_match(directory, j.recognition)
    if j.court_level == "foreign" or (j.recognition is not None and (j.recognition.court or j.recognition.number)):
        kind = "foreign"
    elif j.court_level == "arbitration" or is_arbitration(j.court):
        kind = "arbitration"
    else:
        kind = "court"

    seat: Match | None
    if kind == "foreign":
        seat = recognition
    elif kind == "arbitration":
        seat = None
    elif stage in ("GĐT", "TT"):
        seat = first
    elif stage == "PT":
        if judgment.place.level == "high":
            seat = judgment
        elif judgment.status == "outside":
            seat = first if first is not None and first.status == "outside" else judgment
        else:
            seat = first
    else:
        seat = judgment

    doc = "Quyết định" if stage in ("GĐT", "TT") or (j.number and re.search(r"Q[ĐD]", j.number.upper())) else "Bản án"
    if kind == "arbitration":
        head = f"Phán quyết trọng tài của {j.court or 'Hội đồng trọng tài'}"
    elif kind == "foreign":
        head = f"Bản án, quyết định nước ngoài ({j.court or 'không rõ Tòa án'})"
        if recognition is not None:
            head += f" được {recognition.label} công nhận"
    else:
        head = f"{doc} {STAGE_WORDS.get(stage or '', '')} của {judgment.label}".replace("  ", " ")
        if stage in ("PT", "GĐT", "TT") and first is not None:
            head += f" về bản án sơ thẩm của {first.label}"
    return Case(fields, directory, stage, kind, judgment, first, recognition, seat, head)


# ------------------------------------------------------------------ rules

@dataclass(frozen=True)
class Outcome:
    office: Office | None = None  # the competent office of the directory
    forward_to: str | None = None  # the competent office outside the directory (R9)
    triage: bool = False
    confidence: float = 1.0
    suggestion: str | None = None
    article: str | None = None  # when the rule applies another point of the article


@dataclass(frozen=True)
class Verdict:
    hit: bool
    reason: str
    outcome: Outcome | None = None


@dataclass(frozen=True)
class Rule:
    id: RuleId
    article: str
    name: str
    test: Callable[[Case], Verdict]

    def check(self, case: Case) -> tuple[RuleResult, Outcome | None]:
        v = self.test(case)
        article = (v.outcome.article if v.outcome and v.outcome.article else self.article)
        return RuleResult(rule=self.id, article=article, hit=v.hit, reason=v.reason), (v.outcome if v.hit else None)


def _suggest_from_address(case: Case) -> str | None:
    """A guess for a clerk: the office of the district in the debtor's address (not a competence rule)."""
    debtor = case.fields.debtor
    if not debtor or not debtor.address:
        return None
    for segment in reversed(debtor.address.split(",")):
        place = case.directory.reader.read(segment)
        if place.level != "local" or (place.unit or "").startswith("? "):
            continue
        hits = case.directory.lookup(place)
        if len({h.office.slug for h in hits}) == 1:
            return (f"{hits[0].office.short} (theo địa chỉ người phải thi hành án; cần xác định Tòa án "
                    f"xử sơ thẩm)")
    return None


def _identified(case: Case) -> Verdict:
    j = case.fields.judgment
    lacks = [w for w, v in (("số bản án", j.number), ("Tòa án", j.court)) if not v or not v.strip()]
    if not lacks:
        return Verdict(False, f"Bản án được xác định: {j.number} của {case.judgment.label}.")
    suggestion = None
    if case.judgment.status == "office" and case.judgment.office is not None:
        suggestion = f"{case.judgment.office.short} (theo Tòa án ghi trong đơn; cần số bản án)"
    return Verdict(True, f"Đơn không ghi {' và '.join(lacks)}: không xác định được bản án.",
                   Outcome(triage=True, confidence=0.0, suggestion=suggestion))


def _outside(case: Case) -> Verdict:
    seat = case.seat
    if seat is None or seat.status != "outside":
        return Verdict(False, "Tòa án quyết định thẩm quyền thuộc địa bàn của danh bạ hoặc chưa rõ.")
    d = case.directory
    fe = case.fields.foreign_element
    if fe is not None and seat.place.province is not None:
        # Article 35(2)(i): a case with a party or property abroad goes to that province's Cục
        forward = d.outside_province.format(province=seat.place.province.display)
    else:
        forward = d.outside_name(seat.place)
    conf = seat.confidence if forward else 0.5
    if case.stage == "PT" and seat is case.judgment and seat.place.level == "province":
        conf = min(conf, 0.85)  # the district of first instance is not named; its Cục can redirect
    return Verdict(True, f"{seat.note}: ngoài địa bàn, cơ quan có thẩm quyền là {forward or 'không xác định được'}.",
                   Outcome(forward_to=forward, confidence=conf))


def _foreign(case: Case) -> Verdict:
    if case.kind != "foreign":
        return Verdict(False, "Không phải bản án, phán quyết nước ngoài được công nhận.")
    office = case.directory.province_office
    conf = 1.0 if case.recognition is None or case.recognition.status == "office" else 0.7
    return Verdict(True, f"{case.head}: Cục thi hành.", Outcome(office=office, confidence=conf))


def _arbitration(case: Case) -> Verdict:
    if case.kind != "arbitration":
        return Verdict(False, "Không phải phán quyết trọng tài thương mại.")
    return Verdict(True, f"{case.head}: Cục thi hành.", Outcome(office=case.directory.province_office))


def _foreign_element(case: Case) -> Verdict:
    fe = case.fields.foreign_element
    seat = case.seat
    if fe is None:
        return Verdict(False, "Không có đương sự hoặc tài sản ở nước ngoài.")
    if seat is None or seat.status != "office" or seat.office is None or seat.office.level != "local":
        return Verdict(False, f"Có yếu tố nước ngoài ({fe.detail}) nhưng vụ việc không thuộc Chi cục.")
    return Verdict(True, f"Vụ việc của {seat.office.short} có yếu tố nước ngoài: {fe.detail}; Cục thi hành.",
                   Outcome(office=case.directory.province_office, confidence=seat.confidence))


def _review(case: Case) -> Verdict:
    if case.stage not in ("GĐT", "TT"):
        return Verdict(False, "Không phải quyết định giám đốc thẩm, tái thẩm.")
    first = case.first
    if first is None or first.status != "office" or first.office is None:
        return Verdict(False, "Quyết định " + STAGE_WORDS[case.stage] + " không nêu rõ bản án bị xem xét "
                       + (f"({first.note})." if first else "(không ghi Tòa án sơ thẩm)."))
    article = None if first.office.level == "local" else f"Điều 35 khoản 2 điểm b {LAW}"
    return Verdict(True, f"Quyết định {STAGE_WORDS[case.stage]} về bản án của {first.label}: {first.note}.",
                   Outcome(office=first.office, confidence=first.confidence, article=article))


def _high(case: Case) -> Verdict:
    j = case.judgment
    if j.place.level != "high" or case.stage in ("GĐT", "TT"):
        return Verdict(False, "Không phải bản án của Tòa án nhân dân cấp cao.")
    if j.status != "office" or j.office is None:
        return Verdict(False, f"Tòa án cấp cao không thuộc danh bạ ({j.note}).")
    return Verdict(True, f"Bản án của {j.label}: Cục thi hành.", Outcome(office=j.office, confidence=j.confidence))


def _appeal(case: Case) -> Verdict:
    j, first = case.judgment, case.first
    if case.stage != "PT" or j.place.level != "province" or j.status != "office":
        return Verdict(False, "Không phải bản án phúc thẩm của Tòa án cấp tỉnh trong danh bạ.")
    if first is None or first.status != "office" or first.office is None or first.office.level != "local":
        return Verdict(False, "Bản án phúc thẩm không nêu Tòa án cấp huyện đã xử sơ thẩm"
                       + (f" ({first.note})." if first else "."))
    return Verdict(True, f"Phúc thẩm về bản án sơ thẩm của {first.label}: {first.note}.",
                   Outcome(office=first.office, confidence=min(first.confidence, j.confidence)))


def _provincial_first(case: Case) -> Verdict:
    j = case.judgment
    if case.stage not in ("ST", None) or j.place.level != "province" or j.status != "office" or j.office is None:
        return Verdict(False, "Không phải bản án sơ thẩm của Tòa án cấp tỉnh trong danh bạ.")
    conf = j.confidence if case.stage == "ST" else min(j.confidence, 0.7)
    note = "" if case.stage == "ST" else " (không rõ cấp xét xử, coi là sơ thẩm)"
    return Verdict(True, f"Sơ thẩm của {j.label}{note}: Cục thi hành.", Outcome(office=j.office, confidence=conf))


def _district_first(case: Case) -> Verdict:
    j = case.judgment
    if case.stage not in ("ST", None) or j.place.level != "local" or j.status != "office" or j.office is None:
        return Verdict(False, "Không phải bản án sơ thẩm của Tòa án cấp huyện trong danh bạ"
                       + (f" ({j.note})." if j.status in ("unknown", "ambiguous") else "."))
    return Verdict(True, f"Sơ thẩm: {j.note}.", Outcome(office=j.office, confidence=j.confidence))


def _unresolved(case: Case) -> Verdict:
    """No rule decided: the court is unknown or ambiguous, or the first-instance court is not named."""
    if case.stage in ("PT", "GĐT", "TT") and (case.seat is None or case.seat.status != "office") \
            and case.judgment.status == "office":
        reason = (f"{case.head}: không nêu Tòa án cấp huyện đã xử sơ thẩm nên chưa xác định được Chi cục"
                  f" (Điều 35 khoản 1 điểm {'b' if case.stage == 'PT' else 'c'}).")
        suggestion = _suggest_from_address(case) or "Chi cục nơi Tòa án sơ thẩm có trụ sở (hỏi lại người yêu cầu)"
    else:
        m = case.seat or case.judgment
        reason = f"Không xác định được cơ quan có thẩm quyền: {m.note}."
        suggestion = None
        if m.status == "ambiguous":
            suggestion = "một trong: " + ", ".join(o.short for o in m.candidates)
    return Verdict(True, reason, Outcome(triage=True, confidence=0.0, suggestion=suggestion))


def _a(point: str) -> str:
    return f"Điều 35 {point} {LAW}"


CHAIN: tuple[Rule, ...] = (
    Rule("R10", f"Điều 31 khoản 4 {LAW}", "bản án xác định được", _identified),
    Rule("R9", f"Điều 35 {LAW}", "Tòa án ngoài địa bàn", _outside),
    Rule("R8", _a("khoản 2 điểm d"), "bản án, phán quyết nước ngoài được công nhận", _foreign),
    Rule("R7", _a("khoản 2 điểm đ"), "phán quyết trọng tài thương mại", _arbitration),
    Rule("R6", _a("khoản 2 điểm i"), "đương sự, tài sản ở nước ngoài", _foreign_element),
    Rule("R3", _a("khoản 1 điểm c"), "giám đốc thẩm, tái thẩm", _review),
    Rule("R5", _a("khoản 2 điểm b"), "bản án của Tòa án cấp cao", _high),
    Rule("R2", _a("khoản 1 điểm b"), "phúc thẩm của Tòa án cấp tỉnh", _appeal),
    Rule("R4", _a("khoản 2 điểm a"), "sơ thẩm của Tòa án cấp tỉnh", _provincial_first),
    Rule("R1", _a("khoản 1 điểm a"), "sơ thẩm của Tòa án cấp huyện", _district_first),
)
UNRESOLVED = Rule("R10", _a("(không áp dụng được khoản 1, khoản 2)"), "chưa xác định được", _unresolved)


# ------------------------------------------------------------------ route

def _point(article: str) -> str:
    return article.replace(f" {LAW}", "")


def route(fields: Fields, directory: Directory, *, mailbox: str | None, no_diacritics: bool = False,
          min_confidence: float = 0.8, extraction_confidence: float | None = None) -> Decision:
    """Decide the competent office, the lane and the flags of a petition, with the reasons.

    Pure: reads nothing. A decision less sure than `min_confidence` (the court matched only loosely,
    or `extraction_confidence` below it) goes to a clerk: office "triage", rule R10, with the
    office the router would have chosen in `suggestion`.
    """
    case = build_case(fields, directory)
    trace: list[RuleResult] = []
    chosen: Rule = UNRESOLVED
    outcome: Outcome | None = None
    for rule in CHAIN:
        result, out = rule.check(case)
        trace.append(result)
        if result.hit:
            chosen, outcome = rule, out
            break
    if outcome is None:
        result, outcome = UNRESOLVED.check(case)
        trace.append(result)
    assert outcome is not None
    article = trace[-1].article

    low_note = None
    confidence = outcome.confidence
    if extraction_confidence is not None:
        confidence = min(confidence, extraction_confidence)
    if not outcome.triage and confidence < min_confidence:
        would = outcome.office.short if outcome.office else f"ngoài địa bàn: {outcome.forward_to}"
        why = ("độ tin cậy trích xuất thấp" if extraction_confidence is not None
               and extraction_confidence < min_confidence else "Tòa án nhận ra chưa chắc chắn")
        trace.append(RuleResult(rule="R10", article=f"Điều 35 {LAW}", hit=True,
                                reason=f"{why} (độ tin cậy {confidence:.2f} < {min_confidence:.2f}): "
                                       f"chuyển cán bộ phân loại; quy tắc {chosen.id} sẽ chọn {would}."))
        low_note = f"{case.head}: {why} (độ tin cậy {confidence:.2f} < {min_confidence:.2f})"
        outcome = Outcome(triage=True, confidence=confidence, suggestion=f"{would} ({chosen.id}, {_point(article)})")
        chosen, article = UNRESOLVED, f"Điều 35 {LAW}"

    decisive = low_note or trace[-1].reason.rstrip(".")
    lane, lane_trace = decide_lane(fields, directory.banks, directory.offences)
    missing_flags, missing_trace = missing(fields)
    late, late_trace = limitation_risk(fields)
    outside = not outcome.triage and outcome.office is None
    competent = None if outcome.triage else outcome.office
    wrong, wrong_trace = wrong_office(directory, competent, outside=outside,
                                      addressed_to=fields.addressed_to, mailbox=mailbox)
    trace += lane_trace + missing_trace + [late_trace, wrong_trace]
    flags = set(missing_flags)
    if late:
        flags.add("limitation_risk")
    if wrong:
        flags.add("wrong_office_addressed")
    if no_diacritics:
        flags.add("no_diacritics")

    box = directory.office_for_mailbox(mailbox)
    transfer_from = mailbox if competent is not None and mailbox and (box is None or box.slug != competent.slug) else None

    if outcome.triage:
        office, forward_to = "triage", None
        explanation = f"{decisive} → chờ cán bộ phân loại"
        if outcome.suggestion:
            explanation += f"; gợi ý: {outcome.suggestion}"
    elif competent is None:
        office, forward_to = "outside", outcome.forward_to
        explanation = f"{case.head} → ngoài địa bàn: {short_name(forward_to or 'không xác định')} ({_point(article)})"
    else:
        office, forward_to = competent.slug, None
        head = case.head
        if chosen.id == "R6" and fields.foreign_element is not None:
            head += f", có yếu tố nước ngoài ({fields.foreign_element.detail})"
        explanation = f"{head} → {competent.short} ({_point(article)})"
        if transfer_from:
            explanation += f"; chuyển từ hộp thư {transfer_from}"

    preferred = fields.preferred_officer if lane == "credit" and fields.preferred_officer else None
    return Decision(
        office=office,
        rule=chosen.id,
        lane=lane,
        flags=sorted(flags),
        forward_to=forward_to,
        preferred_officer=preferred,
        confidence=max(0.0, min(1.0, confidence)),
        explanation=explanation,
        suggestion=outcome.suggestion if outcome.triage else None,
        transfer_from=transfer_from,
        trace=trace,
    )


__all__ = ["CHAIN", "Case", "Match", "Rule", "build_case", "match_court", "route", "stage_of"]
