"""Competence rules R1–R10, lanes and flags, table-driven (domain.md; samples README conventions).

Fields are built with the `Fields` model; nothing here reads the shared samples.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.model import Fields, ForeignElement, Judgment, Party, Ref
from routing import Decision, load_directory, route

ROOT = Path(__file__).resolve().parents[2]
HCM = "Thành phố Hồ Chí Minh"
CITY = "Tòa án nhân dân Thành phố Hồ Chí Minh"
HIGH = "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh"
CUC = "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"


@pytest.fixture(scope="module")
def directory():
    return load_directory(ROOT / "routing/data/hcm-2016.toml")


def fields(court: str | None = "Tòa án nhân dân Quận 3", number: str | None = "125/2016/DS-ST",
           date: str | None = "2016-05-12", *, level: str | None = None, stage: str | None = None,
           case_type: str | None = None, subject: str | None = "tranh chấp hợp đồng vay tài sản",
           first: tuple[str, str] | None = None, recognition: tuple[str, str, str] | None = None,
           who: str = "Nguyễn Văn An", addressed_to: str | None = None, petition_date: str | None = "2017-03-02",
           foreign: ForeignElement | None = None, preferred_officer: str | None = None,
           debtor_address: str = "12 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", **over) -> Fields:
    """A complete petition for the given judgment; `over` replaces top-level fields."""
    base = dict(
        addressed_to=addressed_to,
        requester=Party(name=who, kind="organization" if who.startswith(("Ngân", "Ngan", "Công", "Vietcom")) else "person",
                        address="5 Pasteur, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"),
        debtor=Party(name="Trần Thị Bình", address=debtor_address),
        judgment=Judgment(
            number=number, date=date, court=court, court_level=level, stage=stage, case_type=case_type,
            subject=subject,
            first_instance=Ref(number=first[0], date="2015-06-01", court=first[1]) if first else None,
            recognition=Ref(number=recognition[0], date=recognition[1], court=recognition[2]) if recognition else None,
        ),
        request_content="Buộc Trần Thị Bình trả 150.000.000 đồng",
        foreign_element=foreign,
        preferred_officer=preferred_officer,
        petition_date=petition_date,
        signed_by=who,
    )
    base.update(over)
    return Fields(**base)


# ------------------------------------------------------------------ competence

CASES = [
    # id, fields, mailbox, office, rule, forward_to
    ("R1 district first instance", fields(), "q3", "q3", "R1", None),
    ("R1 'TAND Q.3'", fields("TAND Q.3"), "q3", "q3", "R1", None),
    ("R1 'quận Ba' in words", fields("Tòa án nhân dân quận Ba"), "q3", "q3", "R1", None),
    ("R1 without diacritics", fields("Toa an nhan dan Quan 3"), "q3", "q3", "R1", None),
    ("R1 'Tòa án quận 03, TP.HCM'", fields("Tòa án quận 03, TP.HCM"), "q3", "q3", "R1", None),
    ("R1 'TAND H. Củ Chi'", fields("TAND H. Củ Chi", "12/2016/QĐST-DS"), "cu-chi", "cu-chi", "R1", None),
    ("R1 old tone 'Hoà'", fields("Toà án nhân dân Quận Bình Thạnh"), "binh-thanh", "binh-thanh", "R1", None),
    ("R1 stage from the number", fields(number="125/2016/DS-ST", stage=None), "q3", "q3", "R1", None),
    ("R2 appeal names the first instance",
     fields(CITY, "1135/2018/DS-PT", stage="PT", first=("299/2018/DS-ST", "Tòa án nhân dân Quận 5")), "q5", "q5", "R2", None),
    ("R3 cassation about a district judgment",
     fields(HIGH, "03/2015/HC-GĐT", stage="GĐT", first=("1497/2014/HC-ST", "Tòa án nhân dân Huyện Củ Chi")),
     "cu-chi", "cu-chi", "R3", None),
    ("R3 reopening by the city court about a district judgment",
     fields(CITY, "06/2013/DS-TT", stage="TT", first=("1202/2011/DS-ST", "Tòa án nhân dân Huyện Hóc Môn")),
     "hoc-mon", "hoc-mon", "R3", None),
    ("R3 cassation about a city-court judgment",
     fields(HIGH, "17/2017/KDTM-GĐT", stage="GĐT", first=("14/2015/KDTM-ST", CITY)), "cuc", "cuc", "R3", None),
    ("R4 city court first instance", fields(CITY, "819/2019/KDTM-ST", stage="ST"), "cuc", "cuc", "R4", None),
    ("R4 'TAND TP.HCM'", fields("TAND TP.HCM", "819/2019/KDTM-ST"), "cuc", "cuc", "R4", None),
    ("R5 high court appeal on a city judgment",
     fields(HIGH, "983/2022/KDTM-PT", stage="PT", first=("809/2021/KDTM-ST", CITY)), "cuc", "cuc", "R5", None),
    ("R6 district judgment, debtor abroad",
     fields("Tòa án nhân dân Quận Thủ Đức", "791/2016/DS-ST",
            foreign=ForeignElement(kind="party_abroad", detail="Người phải thi hành án cư trú tại Hàn Quốc")),
     "cuc", "cuc", "R6", None),
    ("R6 on an appeal about a district judgment",
     fields(CITY, "1135/2018/DS-PT", stage="PT", first=("299/2018/DS-ST", "Tòa án nhân dân Quận 5"),
            foreign=ForeignElement(kind="asset_abroad", detail="Tài sản ở Singapore")), "cuc", "cuc", "R6", None),
    ("R7 arbitration award",
     fields("Trung tâm Trọng tài Quốc tế Việt Nam (VIAC)", "39/16", level="arbitration", subject=None), "cuc", "cuc",
     "R7", None),
    ("R8 foreign judgment recognised",
     fields("Tòa án Tối cao Singapore", "HC/S 571/2014", "2014-02-26", level="foreign",
            recognition=("53/2014/QĐST-KDTM", "2014-12-03", CITY)), "cuc", "cuc", "R8", None),
    ("R9 district court of another province",
     fields("Tòa án nhân dân huyện Đức Hòa, tỉnh Long An", level="other_province"), "q3", "outside", "R9",
     "Chi cục Thi hành án dân sự huyện Đức Hòa, tỉnh Long An"),
    ("R9 provincial court of another province",
     fields("Tòa án nhân dân tỉnh Đồng Nai", "59/2015/DS-ST"), "cuc", "outside", "R9",
     "Cục Thi hành án dân sự tỉnh Đồng Nai"),
    ("R9 city of a province",
     fields("Tòa án nhân dân thành phố Mỹ Tho, tỉnh Tiền Giang"), "cuc", "outside", "R9",
     "Chi cục Thi hành án dân sự thành phố Mỹ Tho, tỉnh Tiền Giang"),
    ("R9 district of a centrally-run city",
     fields("Tòa án nhân dân quận Ninh Kiều, thành phố Cần Thơ"), "tan-phu", "outside", "R9",
     "Chi cục Thi hành án dân sự quận Ninh Kiều, thành phố Cần Thơ"),
    ("R9 abbreviated and without diacritics",
     fields("TAND H. Đức Hòa, Long An"), "cuc", "outside", "R9",
     "Chi cục Thi hành án dân sự huyện Đức Hòa, tỉnh Long An"),
    ("R9 province without diacritics",
     fields("Toa an nhan dan tinh Dong Nai"), "cuc", "outside", "R9", "Cục Thi hành án dân sự tỉnh Đồng Nai"),
    ("R9 province with a dash", fields("Tòa án nhân dân thành phố Vũng Tàu, tỉnh Bà Rịa – Vũng Tàu"), "cuc",
     "outside", "R9", "Chi cục Thi hành án dân sự thành phố Vũng Tàu, tỉnh Bà Rịa - Vũng Tàu"),
    ("R4 court with a division in parentheses", fields(CITY + " (Tòa Kinh tế)", "819/2019/KDTM-ST"), "cuc", "cuc",
     "R4", None),
    ("R10 no judgment number", fields(number=None), "q3", "triage", "R10", None),
    ("R10 no court", fields(court=None), "q7", "triage", "R10", None),
    ("R10 unknown court", fields("Tòa án nhân dân Quận 13"), "q3", "triage", "R10", None),
]


@pytest.mark.parametrize("name,f,mailbox,office,rule,forward_to", CASES, ids=[c[0] for c in CASES])
def test_competence(directory, name, f, mailbox, office, rule, forward_to):
    d = route(f, directory, mailbox=mailbox)
    assert (d.office, d.rule, d.forward_to) == (office, rule, forward_to), d.explanation
    assert any(r.rule == rule and r.hit for r in d.trace)
    assert "\n" not in d.explanation and "→" in d.explanation


def test_every_rule_has_a_case():
    assert {c[4] for c in CASES} == {f"R{i}" for i in range(1, 11)}


def test_explanation_names_court_office_and_article(directory):
    d = route(fields(), directory, mailbox="q3")
    assert d.explanation == "Bản án sơ thẩm của TAND Quận 3 → Chi cục THADS Quận 3 (Điều 35 khoản 1 điểm a)"


def test_trace_keeps_misses_before_the_hit(directory):
    d = route(fields(CITY, "819/2019/KDTM-ST"), directory, mailbox="cuc")
    rules = [r for r in d.trace if r.rule.startswith("R")]
    assert [r.rule for r in rules] == ["R10", "R9", "R8", "R7", "R6", "R3", "R5", "R2", "R4"]
    assert [r.hit for r in rules] == [False] * 8 + [True]
    assert all(r.article and r.reason for r in d.trace)


def test_appeal_without_first_instance_goes_to_triage_with_a_suggestion(directory):
    f = fields(CITY, "1135/2018/DS-PT", stage="PT",
               debtor_address="211 Trần Hưng Đạo, Phường 10, Quận 5, Thành phố Hồ Chí Minh")
    d = route(f, directory, mailbox="q5")
    assert (d.office, d.rule) == ("triage", "R10")
    assert "Quận 5" in d.suggestion
    assert "missing:judgment_ref" not in d.flags and "wrong_office_addressed" not in d.flags


def test_cassation_without_first_instance_goes_to_triage(directory):
    d = route(fields(HIGH, "14/2017/DS-GĐT", stage="GĐT"), directory, mailbox="cuc")
    assert (d.office, d.rule) == ("triage", "R10") and d.suggestion


def test_low_extraction_confidence_goes_to_triage_with_what_the_router_would_choose(directory):
    d = route(fields(), directory, mailbox="q3", extraction_confidence=0.5, min_confidence=0.8)
    assert (d.office, d.rule) == ("triage", "R10")
    assert "Chi cục THADS Quận 3" in d.suggestion and "R1" in d.suggestion
    assert d.confidence == 0.5


def test_court_matched_only_by_its_bare_name_is_still_routed_above_the_threshold(directory):
    d = route(fields("Tòa án nhân dân Gò Vấp"), directory, mailbox="go-vap")
    assert (d.office, d.rule) == ("go-vap", "R1") and d.confidence == pytest.approx(0.9)


def test_same_name_other_unit_goes_to_a_clerk(directory):
    d = route(fields("Tòa án nhân dân thành phố Thủ Đức", "5/2022/DS-ST", "2022-02-01"), directory, mailbox="thu-duc")
    assert (d.office, d.rule) == ("triage", "R10") and "Quận Thủ Đức" in d.suggestion


def test_missing_judgment_ref_never_carries_wrong_office(directory):
    d = route(fields(number=None, addressed_to="Chi cục Thi hành án dân sự Quận 7"), directory, mailbox="cuc")
    assert d.flags == ["missing:judgment_ref"]


# ------------------------------------------------------------------ lanes

LANES = [
    ("bank legal name", fields(who="Ngân hàng TMCP Ngoại thương Việt Nam", case_type="KDTM",
                               subject="tranh chấp hợp đồng tín dụng"), "credit"),
    ("bank without diacritics", fields(who="Ngan hang TMCP Ngoai thuong Viet Nam"), "credit"),
    ("bank brand", fields(who="Vietcombank - Chi nhánh Sài Gòn"), "credit"),
    ("bank acronym", fields(who="BIDV Chi nhánh Bến Thành"), "credit"),
    ("finance company", fields(who="Công ty Tài chính TNHH MTV Ngân hàng Việt Nam Thịnh Vượng"), "credit"),
    ("VAMC", fields(who="Công ty TNHH MTV Quản lý tài sản của các tổ chức tín dụng Việt Nam"), "credit"),
    ("people's credit fund", fields(who="Quỹ tín dụng nhân dân Phường 7"), "credit"),
    ("a person", fields(who="Nguyễn Văn An"), "normal"),
    ("a company with 'bank' nowhere", fields(who="Công ty TNHH Thương mại Dịch vụ Phú Gia"), "normal"),
    ("corruption by name", fields(CITY, "28/2016/HS-ST", case_type="HS", subject="tham ô tài sản"), "corruption"),
    ("corruption by name without diacritics",
     fields(CITY, "28/2016/HS-ST", subject="nhan hoi lo"), "corruption"),
    ("corruption, 2015 code article",
     fields(CITY, "28/2019/HS-ST", "2019-05-02", subject="tội phạm theo Điều 355 Bộ luật Hình sự 2015"), "corruption"),
    ("corruption, 1999 code article",
     fields(CITY, "28/2016/HS-ST", subject="tội phạm quy định tại Điều 278 BLHS"), "corruption"),
    ("not corruption: 2015 Art. 278", fields(CITY, "28/2019/HS-ST", "2019-05-02", subject="Điều 278 BLHS 2015"),
     "normal"),
    ("not corruption: lừa đảo", fields(CITY, "28/2016/HS-ST", subject="lừa đảo chiếm đoạt tài sản"), "normal"),
    ("not corruption: lạm dụng tín nhiệm",
     fields(CITY, "28/2016/HS-ST", subject="lạm dụng tín nhiệm chiếm đoạt tài sản"), "normal"),
    ("not corruption: a civil case", fields(subject="tham ô"), "normal"),
    ("lạm quyền", fields(CITY, "344/2015/HS-ST", subject="lạm quyền trong khi thi hành công vụ"), "corruption"),
]


@pytest.mark.parametrize("name,f,lane", LANES, ids=[c[0] for c in LANES])
def test_lane(directory, name, f, lane):
    d = route(f, directory, mailbox=None)
    assert d.lane == lane, [r.reason for r in d.trace if r.rule.startswith("lane")]


def test_creditor_filed_for_by_someone_else_decides_the_lane(directory):
    f = fields(who="Lê Văn Tám", creditor=Party(name="Ngân hàng TMCP Á Châu", kind="organization"))
    assert route(f, directory, mailbox="q3").lane == "credit"
    f = fields(who="Ngân hàng TMCP Á Châu", creditor=Party(name="Lê Văn Tám"))
    assert route(f, directory, mailbox="q3").lane == "normal"


def test_bank_may_name_an_officer_others_not(directory):
    bank = fields(who="Ngân hàng TMCP Sài Gòn Thương Tín", preferred_officer="Võ Công Nam")
    person = fields(preferred_officer="Võ Công Nam")
    assert route(bank, directory, mailbox="q3").preferred_officer == "Võ Công Nam"
    assert route(person, directory, mailbox="q3").preferred_officer is None


# ------------------------------------------------------------------ flags

def _flags(directory, f, mailbox="q3", **kw) -> list[str]:
    return route(f, directory, mailbox=mailbox, **kw).flags


def test_judgment_exactly_five_years_before_is_not_late(directory):
    assert "limitation_risk" not in _flags(directory, fields(date="2015-03-10", petition_date="2020-03-10"))
    assert "limitation_risk" in _flags(directory, fields(date="2015-03-10", petition_date="2020-03-11"))


def test_limitation_from_29_february(directory):
    assert "limitation_risk" not in _flags(directory, fields(date="2016-02-29", petition_date="2021-02-28"))
    assert "limitation_risk" in _flags(directory, fields(date="2016-02-29", petition_date="2021-03-01"))


def test_no_limitation_flag_without_dates(directory):
    assert _flags(directory, fields(petition_date=None)) == ["missing:petition_date"]


MISSING = [
    ("requester_name", dict(requester=Party(address="5 Pasteur, Quận 1"))),
    ("requester_address", dict(requester=Party(name="Nguyễn Văn An", address=""))),
    ("debtor_name", dict(debtor=Party(address="12 Lê Lợi, Quận 1"))),
    ("debtor_address", dict(debtor=Party(name="Trần Thị Bình"))),
    ("request_content", dict(request_content="")),
    ("petition_date", dict(petition_date=None)),
    ("signature", dict(signed_by=None)),
]


@pytest.mark.parametrize("key,over", MISSING, ids=[m[0] for m in MISSING])
def test_missing_field(directory, key, over):
    assert _flags(directory, fields(**over)) == [f"missing:{key}"]


def test_no_requester_at_all_misses_name_and_address(directory):
    assert _flags(directory, fields(requester=None)) == ["missing:requester_address", "missing:requester_name"]


def test_complete_petition_has_no_flags(directory):
    assert _flags(directory, fields(addressed_to="Chi cục Thi hành án dân sự Quận 3")) == []


def test_wrong_office_by_kinh_gui_only(directory):
    d = route(fields(addressed_to=CUC), directory, mailbox="q3")
    assert d.flags == ["wrong_office_addressed"] and d.transfer_from is None


def test_wrong_office_by_kinh_gui_in_abbreviation_is_not_wrong(directory):
    assert _flags(directory, fields(addressed_to="Chi cục THADS Q.3, TP.HCM")) == []


@pytest.mark.parametrize("addressed,wrong", [
    ("Cục Thi hành án dân sự", False), ("Cục THADS TP.HCM", False), ("Chi cục Thi hành án dân sự", False),
    ("Chi cục Thi hành án dân sự Quận 1", True), ("Cuc Thi hanh an dan su tinh Dong Nai", True),
])
def test_kinh_gui_for_a_city_case(directory, addressed, wrong):
    f = fields(CITY, "819/2019/KDTM-ST", addressed_to=addressed)
    assert ("wrong_office_addressed" in _flags(directory, f, mailbox="cuc")) is wrong


def test_wrong_mailbox_transfers(directory):
    d = route(fields("Tòa án nhân dân Quận 7", addressed_to="Chi cục Thi hành án dân sự Quận 7"),
              directory, mailbox="can-gio")
    assert d.flags == ["wrong_office_addressed"] and d.transfer_from == "can-gio" and d.office == "q7"
    assert "can-gio" in d.explanation


def test_outside_always_wrong_office_and_never_transferred(directory):
    d = route(fields("Tòa án nhân dân huyện Đức Hòa, tỉnh Long An",
                     addressed_to="Chi cục Thi hành án dân sự huyện Đức Hòa, tỉnh Long An"), directory, mailbox="q3")
    assert d.flags == ["wrong_office_addressed"] and d.transfer_from is None


def test_no_diacritics_is_passed_in_and_flags_are_sorted(directory):
    d = route(fields(signed_by=None, addressed_to=CUC), directory, mailbox="q3", no_diacritics=True)
    assert d.flags == ["missing:signature", "no_diacritics", "wrong_office_addressed"]


def test_decision_expected_shape(directory):
    d: Decision = route(fields("Tòa án nhân dân tỉnh Đồng Nai"), directory, mailbox="cuc")
    assert d.expected("cuc") == {"office": "outside", "rule": "R9", "lane": "normal",
                                 "flags": ["wrong_office_addressed"],
                                 "forward_to": "Cục Thi hành án dân sự tỉnh Đồng Nai",
                                 "preferred_officer": None, "mailbox": "cuc"}
