"""Lexicon correction of OCR-misread marks in name syllables and streets (parsers/lexicon.py)."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest

from parsers import lexicon as lx
from parsers.normalize import load_data
from parsers.vietnamese import modern_tone, nfc


@pytest.mark.parametrize(
    ("word", "bare"),
    [
        ("Phẩm", "pham"),
        ("Phạm", "pham"),
        ("Đỗ", "đo"),
        ("ĐỎ", "đo"),
        ("Trường", "truong"),
        ("Lê Duẩn", "le duan"),
        (unicodedata.normalize("NFD", "Nguyễn"), "nguyen"),
        ("3 Tháng 2", "3 thang 2"),
        ("", ""),
    ],
)
def test_skeleton(word: str, bare: str) -> None:
    assert lx.skeleton(word) == bare


@pytest.mark.parametrize(
    ("name", "corrected"),
    [
        ("Phẩm Minh Đông", "Phạm Minh Đông"),
        ("Nguyễn Đỏ Ngọc Bảo", "Nguyễn Đỗ Ngọc Bảo"),  # a middle syllable may be a surname
        ("PHẨM VĂN A", "PHẠM VĂN A"),
        ("phẩm văn a", "phạm văn a"),
        ("Nguyễn Văn Hũng", "Nguyễn Văn Hùng"),  # Hưng needs two changes and is rarer
        ("Phẩm Văn Quẹo", "Phạm Văn Quẹo"),  # a syllable without candidate is kept, the others fixed
        (" Phẩm  Minh Đông", " Phạm  Minh Đông"),  # spacing kept
        (unicodedata.normalize("NFD", "Phẩm Minh Đông"), "Phạm Minh Đông"),
        # known syllables are kept as written
        ("Trần Văn Tần", "Trần Văn Tần"),
        ("Võ Minh Hạnh", "Võ Minh Hạnh"),
        ("Nguyễn Thị Thuỷ", "Nguyễn Thị Thuỷ"),  # old tone placement of a known syllable
        # no clear candidate: kept
        ("Trần Văn Tẩn", "Trần Văn Tẩn"),  # Tân, Tấn, Tần all one tone away; Tân and Tấn close in rank
        ("Nguyễn Thãnh Long", "Nguyễn Thãnh Long"),  # Thanh or Thành
        ("Nguyễn Thị Lẽ", "Nguyễn Thị Lẽ"),  # Lệ or Lễ; the surname Lê is not a likely given name
        # typed without accents, odd input: unchanged
        ("Pham Van Tuan", "Pham Van Tuan"),
        ("Pham Văn Tuấn", "Pham Văn Tuấn"),
        ("Phẩm Văn A.", "Phẩm Văn A."),
        ("Phẩm-Văn A", "Phẩm-Văn A"),
        ("Phẩm Văn A B C D E", "Phẩm Văn A B C D E"),
        ("Công ty Phẩm", "Công ty Phẩm"),
        ("", ""),
        ("   ", "   "),
    ],
)
def test_correct_person_name(name: str, corrected: str) -> None:
    assert lx.correct_person_name(name) == corrected


def test_odd_input_is_returned() -> None:
    assert lx.correct_person_name(None) is None  # type: ignore[arg-type]
    assert lx.correct_street(None) is None  # type: ignore[arg-type]
    assert lx.skeleton(None) == ""  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("street", "corrected"),
    [
        ("Lê Duấn", "Lê Duẩn"),
        ("Đường Lê Duấn", "Đường Lê Duẩn"),
        ("đường lê duấn", "đường lê duẩn"),
        ("LÊ DUẤN", "LÊ DUẨN"),
        ("Cách Mạng Tháng Tam", "Cách Mạng Tháng Tám"),
        ("Nguyễn Thi Minh Khai", "Nguyễn Thị Minh Khai"),
        ("Nguyễn Vặn Mại", "Nguyễn Văn Mại"),  # one change from Mại, two from Nguyễn Văn Mai
        # kept
        ("Võ Văn Tần", "Võ Văn Tần"),
        ("Đường Võ Văn Tần", "Đường Võ Văn Tần"),
        ("Cộng Hoà", "Cộng Hoà"),
        ("3 Tháng 2", "3 Tháng 2"),
        ("Hoa Sữa Trắng", "Hoa Sữa Trắng"),  # not a street
        ("Nguyễn Văn Mải", "Nguyễn Văn Mải"),  # Nguyễn Văn Mai or Nguyễn Văn Mại: a tie
        ("Le Duan", "Le Duan"),  # no accents: kept as written
        ("Đường", "Đường"),
        ("", ""),
    ],
)
def test_correct_street(street: str, corrected: str) -> None:
    assert lx.correct_street(street) == corrected


# ------------------------------------------------------------------ the data


def _entries() -> list[tuple[str, list[str]]]:
    names = load_data("names.toml")
    return [("surnames", names["surnames"]), ("syllables", names["syllables"]),
            ("streets", load_data("streets.toml")["streets"])]


@pytest.mark.parametrize(("label", "entries"), _entries(), ids=lambda v: v if isinstance(v, str) else "")
def test_entries_are_nfc_and_unique(label: str, entries: list[str]) -> None:
    assert all(e == nfc(e) == modern_tone(e) and e == e.strip() and "  " not in e for e in entries)
    keys = [e.lower() for e in entries]
    assert sorted({k for k in keys if keys.count(k) > 1}) == []


def test_sizes_and_forms() -> None:
    names = load_data("names.toml")
    streets = load_data("streets.toml")["streets"]
    assert len(names["surnames"]) >= 120
    assert len(names["syllables"]) >= 600
    assert len(streets) >= 400
    for entry in names["surnames"] + names["syllables"]:
        assert entry.isalpha() and entry == entry[:1].upper() + entry[1:].lower(), entry
    assert not [s for s in streets if lx.skeleton(s).startswith("đuong ")]
    for required in ("Lê Duẩn", "Võ Văn Tần", "Nguyễn Thị Minh Khai", "3 Tháng 2", "Cách Mạng Tháng Tám"):
        assert required in streets


# Surnames that differ only by their marks: OCR cannot tell them apart, so a misread as far from
# the two nearest of them is corrected only when one is over four times as frequent (rank ratio).
# The table documents every such group and what a misread of it becomes (None: kept as read).
SURNAME_HOMOGRAPHS: dict[tuple[str, ...], tuple[str, str | None]] = {
    ("Trịnh", "Trình"): ("Trỉnh", "Trịnh"),  # ranks 21, 108
    ("Lương", "Lường"): ("Lưởng", "Lương"),  # 24, 145
    ("Hà", "Hạ"): ("Hả", "Hà"),  # 26, 122
    ("Chu", "Chử"): ("Chư", None),  # 38, 91
    ("Văn", "Vạn"): ("Vặn", None),  # 39, 110
    ("Lữ", "Lư"): ("Lứ", None),  # 46, 78
    ("La", "Lã"): ("Lả", None),  # 49, 69
    ("Tống", "Tòng"): ("Tồng", None),  # 58, 139
    ("Quan", "Quản"): ("Quấn", None),  # 68, 88
    ("Vi", "Vì"): ("Ví", None),  # 71, 147
    ("Mã", "Ma"): ("Mả", None),  # 79, 80
    ("Hàn", "Hán"): ("Hản", None),  # 81, 123
    ("Đồng", "Đổng"): ("Đống", None),  # 84, 120
    ("Lò", "Lô"): ("Lồ", None),  # 86, 87
    ("Liêu", "Liễu"): ("Liếu", None),  # 94, 128
    ("Ứng", "Ung", "Ưng"): ("Úng", None),  # 95, 141, 142
}


def test_surnames_sharing_a_skeleton_are_documented() -> None:
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for surname in load_data("names.toml")["surnames"]:
        groups[lx.skeleton(surname)].append(surname)
    assert {tuple(g) for g in groups.values() if len(g) > 1} == set(SURNAME_HOMOGRAPHS)


@pytest.mark.parametrize(("group", "case"), SURNAME_HOMOGRAPHS.items())
def test_surname_homographs(group: tuple[str, ...], case: tuple[str, str | None]) -> None:
    misread, meant = case
    distances = sorted(lx._mark_changes(misread.lower(), s.lower()) for s in group)
    assert distances[0] == distances[1]  # as far from the two nearest (Úng: Ứng 1, Ung 1, Ưng 2)
    for surname in group:
        assert lx.correct_person_name(f"{surname} Văn An") == f"{surname} Văn An"
    assert lx.correct_person_name(f"{misread} Văn An") == f"{meant or misread} Văn An"


def test_only_unsure_syllables_change_when_the_ocr_says_which() -> None:
    assert lx.correct_person_name("Nguyễn Đỏ Ngọc Bảo", unsure={"Đỏ"}) == "Nguyễn Đỗ Ngọc Bảo"
    assert lx.correct_person_name("Nguyễn Đỏ Ngọc Bảo", unsure={"Bảo"}) == "Nguyễn Đỏ Ngọc Bảo"
    assert lx.correct_person_name("Phạm Ngũ Lão", unsure=set()) == "Phạm Ngũ Lão"  # rare, read surely
