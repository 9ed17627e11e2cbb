"""TCVN3 (ABC) and VNI → Unicode, detection by font and by statistics, syllable check."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers import legacy
from parsers.documents import read_document
from parsers.model import Document, Limits

FIXTURES = Path(__file__).parent.parent / "fixtures" / "documents"


def test_tcvn3_office_name() -> None:
    assert legacy.tcvn3_to_unicode("Chi côc Thi hµnh ¸n d©n sù") == "Chi cục Thi hành án dân sự"


def test_tcvn3_soft_hyphen_is_u_horn() -> None:
    assert legacy.tcvn3_to_unicode("Ng\u00adêi yªu cÇu, Ph\u00adêng 8") == "Người yêu cầu, Phường 8"


def test_tcvn3_capitals_font_upper_cases() -> None:
    assert legacy.tcvn3_to_unicode("céng hßa x· héi chñ nghÜa viÖt nam", capitals=True) == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert legacy.tcvn3_to_unicode("§éc lËp") == "Độc lập"


def test_vni_office_name() -> None:
    assert legacy.vni_to_unicode("Chi cuïc Thi haønh aùn daân söï") == "Chi cục Thi hành án dân sự"
    assert legacy.vni_to_unicode("Ñôn yeâu caàu, ngöôøi") == "Đơn yêu cầu, người"
    assert legacy.vni_to_unicode("COÄNG HOØA") == "CỘNG HÒA"


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", ("tcvn3", False)),
        (".VnTimeH", ("tcvn3", True)),
        (".VnArialH", ("tcvn3", True)),
        ("VNI-Times", ("vni", False)),
        ("Times New Roman", None),
        (None, None),
    ],
)
def test_encoding_of_font(font: str | None, expected: tuple[str, bool] | None) -> None:
    assert legacy.encoding_of_font(font) == expected


def test_detect_by_statistics() -> None:
    assert legacy.detect("KÝnh göi: Chi côc Thi hµnh ¸n d©n sù QuËn T©n Phó") == "tcvn3"
    assert legacy.detect("Kính gửi: Chi cuïc Thi haønh aùn daân söï Quaän Taân Phuù") == "vni"
    assert legacy.detect("Kính gửi: Chi cục Thi hành án dân sự Quận Tân Phú") is None
    assert legacy.detect("Dear Sir, please find attached the petition © 2020") is None


def test_syllables() -> None:
    assert legacy.is_syllable("nghiêng")
    assert legacy.is_syllable("Tòa")
    assert legacy.is_syllable("khuỷu")
    assert not legacy.is_syllable("hµnh")
    assert not legacy.is_syllable("xyz")
    assert legacy.syllable_ratio("Chi cục Thi hành án dân sự") == 1.0


def test_conversion_that_does_not_read_as_vietnamese_is_kept_with_warning() -> None:
    text = "Invoice number 2291 for consulting services rendered"
    result = legacy.convert_checked(text, "vni")
    assert result.text == text and result.encoding is None
    assert result.warning


def test_tcvn3_docx_with_capitals_font() -> None:
    doc = read_document("don.docx", (FIXTURES / "tcvn3_vntimeh_capitals.docx").read_bytes(), Limits())
    assert isinstance(doc, Document)
    assert doc.legacy_encoding == "tcvn3"
    texts = [ln.text for ln in doc.lines]
    assert texts[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert "ĐƠN YÊU CẦU THI HÀNH ÁN" in texts
    assert "Kính gửi: Cục Thi hành án dân sự Thành phố Hồ Chí Minh" in texts
    assert any("Tên người yêu cầu thi hành án: Công ty TNHH Sản xuất Bao bì Minh Tâm" == t for t in texts)


def test_tcvn3_plain_text_bytes() -> None:
    raw = "KÝnh göi: Chi côc Thi hµnh ¸n d©n sù QuËn 3\nT«i lµ NguyÔn V¨n An".encode("latin-1")
    doc = read_document("don.txt", raw, Limits())
    assert isinstance(doc, Document)
    assert doc.legacy_encoding == "tcvn3"
    assert doc.lines[0].text == "Kính gửi: Chi cục Thi hành án dân sự Quận 3"
    assert doc.lines[1].text == "Tôi là Nguyễn Văn An"


def test_tcvn3_lost_soft_hyphen_restored_in_frequent_words() -> None:
    # a PDF text layer made from a .VnTime document drops byte 0xAD (ư)
    result = legacy.fix_text("Tªn ngêi yªu cÇu thi hµnh ¸n, Phêng 8, QuËn Gß VÊp, ®iÓm c kho¶n 1, ®îc")
    assert result.encoding == "tcvn3"
    assert result.text == "Tên người yêu cầu thi hành án, Phường 8, Quận Gò Vấp, điểm c khoản 1, được"
