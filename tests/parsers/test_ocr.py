"""OCR with Tesseract: a skewed table scan and a phone photo (two OCR pages, ~1–2 s each)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from parsers import ocr
from parsers.documents import read_document
from parsers.model import DocFormat, Document, Limits

FIXTURES = Path(__file__).parent.parent / "fixtures" / "documents"


def test_tesseract_with_vietnamese_is_installed() -> None:
    assert shutil.which("tesseract"), "tesseract is not installed (setup.sh installs tesseract-ocr)"
    out = ocr.run_tesseract(_blank_ppm(), "vie", timeout=30)
    assert out.startswith("level\tpage_num")


def _blank_ppm() -> bytes:
    image = Image.new("L", (200, 100), 255)
    return ocr._encode(image)


def _ruled_text(angle: float) -> Image.Image:
    image = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(image)
    for y in range(150, 1450, 40):
        draw.rectangle((100, y, 1100, y + 14), fill=0)  # text-like rows
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def test_skew_is_estimated_within_half_a_degree() -> None:
    for angle in (-2.5, 0.0, 1.6):
        estimated = ocr._skew_angle(_ruled_text(angle))
        assert abs(estimated + angle) <= 0.5, (angle, estimated)


def test_rulings_are_removed_and_columns_found() -> None:
    image = Image.new("L", (1600, 1200), 255)
    draw = ImageDraw.Draw(image)
    for y in (200, 300, 400, 500):
        draw.line((100, y, 1500, y), fill=0, width=2)
    for x in (100, 600, 1500):
        draw.line((x, 200, x, 500), fill=0, width=2)
    cleaned, columns = ocr._remove_rulings(image)
    assert cleaned.getextrema()[0] > 200  # every ruling erased
    assert sorted(round(x / 10) * 10 for x, _, _ in columns) == [100, 600, 1500]


def test_skewed_rough_table_scan() -> None:
    data = (FIXTURES / "scan_150dpi_skewed_2.6deg_table.pdf").read_bytes()
    doc = read_document("scan.pdf", data, Limits())
    assert isinstance(doc, Document)
    assert doc.format == DocFormat.PDF_SCAN and doc.ocr
    text = doc.text
    assert "ĐƠN YÊU CẦU" in text
    assert "03/2015/HC-GĐT" in text
    assert "079178436077" in text
    assert "Võ Minh Hạnh" in text
    assert any(" | " in ln.text for ln in doc.lines)  # the form's label | value pairing survives
    assert all(ln.box is not None and 0.0 <= ln.confidence <= 1.0 for ln in doc.lines)
    assert any(ln.confidence < 1.0 for ln in doc.lines)


def test_phone_photo() -> None:
    doc = read_document("anh.jpg", (FIXTURES / "phone_photo_desk.jpg").read_bytes(), Limits())
    assert isinstance(doc, Document)
    assert doc.format == DocFormat.IMAGE and doc.ocr
    text = doc.text
    assert "Phạm Văn Tuấn" in text
    assert "0361912653" in text
    assert "1330/2016/KDTM" in text


def test_photo_on_its_side_is_turned_upright() -> None:
    photo = Image.open(FIXTURES / "phone_photo_desk.jpg").rotate(90, expand=True)  # no EXIF to help
    lines = ocr.ocr_page(photo, 1, "vie")
    text = "\n".join(ln.text for ln in lines)
    assert "Phạm Văn Tuấn" in text
