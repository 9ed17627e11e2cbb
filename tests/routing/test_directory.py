"""The office directory is data: 2016, 2021 and a 2025-style area directory route by the same code."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.model import Fields, Judgment, Party, Ref
from routing import DirectoryError, load_directory, route
from routing.directory import load_provinces

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "routing/data"
AREA_2025 = Path(__file__).resolve().parent / "fixtures/area-2025.toml"
CITY = "Tòa án nhân dân Thành phố Hồ Chí Minh"


@pytest.fixture(scope="module")
def d2016():
    return load_directory(DATA / "hcm-2016.toml")


@pytest.fixture(scope="module")
def d2021():
    return load_directory(DATA / "hcm-2021.toml")


@pytest.fixture(scope="module")
def d2025():
    return load_directory(AREA_2025)


def petition(court: str, number: str = "844/2018/DS-ST", date: str = "2018-03-15", *, stage: str | None = None,
             first: str | None = None, addressed_to: str | None = None) -> Fields:
    return Fields(
        addressed_to=addressed_to,
        requester=Party(name="Phan Thị Bảo Ngân", address="398 Lương Văn Nho, Phường 1, Quận 9, Thành phố Hồ Chí Minh"),
        debtor=Party(name="Lưu Xuân Kiệt", address="382 Lê Văn Việt, Phường Tăng Nhơn Phú A, Quận 9"),
        judgment=Judgment(number=number, date=date, court=court, stage=stage,
                          first_instance=Ref(number="12/2018/DS-ST", date="2018-01-02", court=first) if first else None),
        request_content="Buộc Lưu Xuân Kiệt cấp dưỡng nuôi con",
        petition_date="2019-04-27",
        signed_by="Phan Thị Bảo Ngân",
    )


def test_2016_directory_has_the_cuc_and_24_districts(d2016):
    assert len(d2016.offices) == 25 and d2016.province_office.slug == "cuc"
    assert sum(o.level == "local" for o in d2016.offices.values()) == 24


@pytest.mark.parametrize("year", ["hcm-2016.toml", "hcm-2021.toml"])
def test_every_court_name_and_alias_routes_to_its_own_office(year):
    d = load_directory(DATA / year)
    for office in d.offices.values():
        for court in office.courts:
            for name in (court.name, *court.aliases):
                place = d.reader.read(name)
                assert {h.office.slug for h in d.lookup(place)} == {office.slug}, name


def test_quan_9_judgment_of_2018_under_2016(d2016):
    d = route(petition("TAND Quận 9"), d2016, mailbox="q9")
    assert (d.office, d.rule, d.flags) == ("q9", "R1", [])


def test_quan_9_judgment_of_2018_under_2021_goes_to_thu_duc_city(d2021):
    d = route(petition("TAND Quận 9"), d2021, mailbox="q9")
    assert (d.office, d.rule) == ("tp-thu-duc", "R1")
    assert d.flags == [] and d.transfer_from is None  # the q9 mailbox now belongs to Thủ Đức city
    assert "thành phố Thủ Đức" in d.explanation


def test_quan_9_appeal_under_2021_and_in_words(d2021):
    d = route(petition(CITY, "361/2018/HNGĐ-PT", stage="PT", first="Tòa án nhân dân quận Chín"), d2021, mailbox="q9")
    assert (d.office, d.rule) == ("tp-thu-duc", "R2")


def test_old_district_name_after_it_ceased_goes_to_a_clerk(d2021):
    d = route(petition("Tòa án nhân dân Quận 9", "12/2023/DS-ST", "2023-05-01"), d2021, mailbox="q9")
    assert (d.office, d.rule) == ("triage", "R10")
    assert "thành phố Thủ Đức" in d.suggestion


def test_thu_duc_city_court_under_2021(d2021):
    assert route(petition("Tòa án nhân dân thành phố Thủ Đức", "5/2022/DS-ST", "2022-02-01"), d2021,
                 mailbox="tp-thu-duc").office == "tp-thu-duc"


def test_kinh_gui_the_former_office_under_2021_is_not_wrong(d2021):
    f = petition("TAND Quận 2", addressed_to="Chi cục Thi hành án dân sự Quận 2")
    assert route(f, d2021, mailbox="q2").flags == []


# ------------------------------------------------------------------ a 2025-style directory (data change only)

def test_area_directory_routes_former_district_courts_to_area_offices(d2025):
    d = route(petition("Tòa án nhân dân Quận 3", "125/2018/DS-ST"), d2025, mailbox="q3")
    assert (d.office, d.rule, d.flags) == ("kv1", "R1", [])


def test_area_directory_routes_area_court_and_merged_province(d2025):
    assert route(petition("Tòa án nhân dân khu vực 13 - Thành phố Hồ Chí Minh", "1/2025/DS-ST", "2025-09-01"),
                 d2025, mailbox="kv13").office == "kv13"
    f = petition("Tòa án nhân dân thành phố Thủ Dầu Một, tỉnh Bình Dương", "9/2020/DS-ST", "2020-05-01")
    d = route(f, d2025, mailbox="kv1")
    assert (d.office, d.rule, d.transfer_from) == ("kv13", "R1", "kv1")


def test_area_directory_provincial_court_of_a_merged_province_goes_to_the_provincial_body(d2025):
    d = route(petition("Tòa án nhân dân tỉnh Bình Dương", "3/2019/KDTM-ST", "2019-03-01"), d2025, mailbox="cuc")
    assert (d.office, d.rule, d.flags) == ("thads-hcm", "R4", [])


def test_area_directory_appeal_on_a_former_district_judgment(d2025):
    d = route(petition(CITY, "77/2019/DS-PT", "2019-06-01", stage="PT", first="TAND Q.1"), d2025, mailbox="q1")
    assert (d.office, d.rule) == ("kv1", "R2")


def test_area_directory_names_outside_offices_its_own_way(d2025):
    d = route(petition("Tòa án nhân dân tỉnh Long An", "5/2024/DS-ST", "2024-01-01"), d2025, mailbox="kv1")
    assert (d.office, d.forward_to) == ("outside", "Thi hành án dân sự tỉnh Long An")


# ------------------------------------------------------------------ provinces

def test_63_provinces():
    provinces = load_provinces(DATA / "provinces.toml")
    assert len(provinces) == 63
    assert sum(p.kind == "tỉnh" for p in provinces) == 58


@pytest.mark.parametrize("text,display", [
    ("tỉnh Long An", "tỉnh Long An"), ("Long An", "tỉnh Long An"), ("tinh long an", "tỉnh Long An"),
    ("thành phố Cần Thơ", "thành phố Cần Thơ"), ("TP. Can Tho", "thành phố Cần Thơ"),
    ("Thanh Hoá", "tỉnh Thanh Hóa"), ("Đăk Lăk", "tỉnh Đắk Lắk"), ("Bà Rịa – Vũng Tàu", "tỉnh Bà Rịa - Vũng Tàu"),
    ("TP.HCM", "thành phố Hồ Chí Minh"), ("Thua Thien Hue", "tỉnh Thừa Thiên Huế"),
])
def test_province_spellings(d2016, text, display):
    assert d2016.reader.province(text).display == display


# ------------------------------------------------------------------ bad files

def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "dir.toml"
    p.write_text(text, encoding="utf-8")
    return p


GOOD = """
[directory]
name = "t"
provinces = ["thành phố Hồ Chí Minh"]

[[offices]]
slug = "cuc"
name = "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"
level = "province"
  [[offices.courts]]
  name = "Tòa án nhân dân Thành phố Hồ Chí Minh"
  level = "province"

[[offices]]
slug = "q1"
name = "Chi cục Thi hành án dân sự Quận 1"
  [[offices.courts]]
  name = "Tòa án nhân dân Quận 1"
"""


def test_good_small_file_loads(tmp_path):
    assert set(load_directory(_write(tmp_path, GOOD)).offices) == {"cuc", "q1"}


@pytest.mark.parametrize("text,needle", [
    (GOOD.replace('  name = "Tòa án nhân dân Quận 1"', '  name = "Tòa án nhân dân Quận 1"\n  alias = ["x"]'),
     "key 'offices[1].courts[0].alias': unknown key"),
    (GOOD.replace('slug = "q1"', 'slug = "Q 1"'), "key 'offices[1].slug'"),
    (GOOD.replace('provinces = ["thành phố Hồ Chí Minh"]', 'provinces = ["Gotham"]'),
     "key 'directory.provinces[0]': unknown province"),
    (GOOD.replace('slug = "q1"', 'slug = "cuc"'), "key 'offices[1].slug': slug 'cuc' appears twice"),
    (GOOD + '\n[[offices]]\nslug = "q1b"\nname = "Chi cục Thi hành án dân sự Quận Một"\n',
     "already belongs to office 'q1'"),
    (GOOD.replace('level = "province"\n  [[offices.courts]]', 'level = "local"\n  [[offices.courts]]', 1),
     "exactly one office must have level"),
    (GOOD + '\n[[offices]]\nslug = "la"\nname = "Chi cục Thi hành án dân sự huyện Đức Hòa, tỉnh Long An"\n',
     "key 'offices[2].name'"),
    ("[directory\nname=1", "not valid TOML"),
], ids=["unknown-key", "bad-slug", "unknown-province", "slug-twice", "court-twice", "no-cuc", "outside-office",
        "not-toml"])
def test_bad_directory_file_names_file_and_key(tmp_path, text, needle):
    path = _write(tmp_path, text)
    with pytest.raises(DirectoryError) as e:
        load_directory(path)
    assert str(path) in str(e.value) and needle in str(e.value)


def test_missing_directory_file(tmp_path):
    with pytest.raises(DirectoryError, match="no such file"):
        load_directory(tmp_path / "nope.toml")


def test_ambiguous_court_goes_to_a_clerk_naming_the_candidates(tmp_path):
    text = GOOD + """
[[offices]]
slug = "q-an-lac"
name = "Chi cục Thi hành án dân sự Quận An Lạc"
  [[offices.courts]]
  name = "Tòa án nhân dân Quận An Lạc"

[[offices]]
slug = "h-an-lac"
name = "Chi cục Thi hành án dân sự Huyện An Lạc"
  [[offices.courts]]
  name = "Tòa án nhân dân Huyện An Lạc"
"""
    d = load_directory(_write(tmp_path, text))
    assert route(petition("Tòa án nhân dân quận An Lạc"), d, mailbox="q-an-lac").office == "q-an-lac"
    dec = route(petition("Tòa án nhân dân An Lạc"), d, mailbox="q-an-lac")
    assert (dec.office, dec.rule) == ("triage", "R10")
    assert "Quận An Lạc" in dec.suggestion and "Huyện An Lạc" in dec.suggestion
