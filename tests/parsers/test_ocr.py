"""OCR with Tesseract: a skewed table scan and a phone photo (two OCR pages, ~1–2 s each)."""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import numpy as np
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


def _grainy_page(seed: int = 7) -> Image.Image:
    """A nearly blank scanned page: paper grain (240–255) and one short dark line of 'text'."""
    rng = np.random.default_rng(seed)
    a = rng.integers(240, 256, size=(1600, 1200), dtype=np.uint8)
    a[300:320, 700:900] = 20
    return Image.fromarray(a)


def test_contrast_stretch_keeps_a_nearly_blank_page_white() -> None:
    flat = np.asarray(ocr._flatten_light(_grainy_page()))
    # the grain stays paper (before the bounded black point it was stretched into black noise)
    assert np.percentile(flat, 5) > 200
    assert flat[305:315, 750:850].max() < 60  # the text stays black


def test_runs_by_strips_equal_whole_page() -> None:
    rng = np.random.default_rng(3)
    mask = rng.random((700, 500)) < 0.7
    mask[100, 20:400] = True
    got = ocr._runs(mask, 60)
    assert got.shape == mask.shape and got[100, 20:400].all()
    # a row on its own gives the same answer as the strip-wise computation
    assert (ocr._runs_strip(mask[600:601], 60) == got[600:601]).all()


def test_pages_are_made_only_when_a_worker_is_free() -> None:
    limits = Limits(ocr_workers=2)
    alive: list[weakref.ref] = []
    most_alive = 0

    def pages():
        nonlocal most_alive
        for number in range(1, 6):
            gc.collect()
            most_alive = max(most_alive, sum(1 for r in alive if r() is not None))
            image = Image.new("L", (300, 200), 255)
            alive.append(weakref.ref(image))
            yield (number, image)

    results = ocr.ocr_pages(pages(), limits)
    assert len(results) == 5 and all(isinstance(r, list) for r in results)
    assert most_alive <= limits.ocr_workers + 1


def test_whiten_turns_seal_grey_into_paper_and_keeps_black_type() -> None:
    # a grey scan's red seal prints at ~150; the black type under it at < 60
    image = Image.fromarray(np.array([[20, 60, 150, 170, 230]], dtype=np.uint8))
    out = np.asarray(ocr._whiten(image, 170))[0].tolist()
    assert out[0] < 40 and out[1] < 100
    assert out[3:] == [255, 255] and out[2] > 220


def test_signer_name_under_a_red_seal_is_read_again() -> None:
    """A 200-dpi grey scan cut to the signature block: seal and signature over the typed name."""
    image = Image.open(FIXTURES / "grey_scan_red_seal_over_signer.png")
    prepared = ocr.prepare(image)
    first = ocr.page_lines(prepared, ocr.run_tesseract(ocr._encode(prepared.image), "vie"), 1)
    assert not any(ln.text == "Lâm Gia Đạt" for ln in first)  # the whole-page read garbles it
    lines = ocr.ocr_page(image, 1, "vie")
    assert any(ln.text == "Lâm Gia Đạt" and ln.confidence > 0.9 for ln in lines)
    assert len([ln for ln in lines if "Gia Đạt" in ln.text]) == 1  # read once, not twice


def _tsv(words: list[tuple[str, int, int, int, int, float]]) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = [f"5\t1\t1\t1\t1\t{i + 1}\t{x}\t{y}\t{w}\t{h}\t{c}\t{t}" for i, (t, x, y, w, h, c) in enumerate(words)]
    return "\n".join([head, *rows]) + "\n"


def test_flat_unsure_letters_and_edge_specks_are_not_text() -> None:
    prepared = ocr.PreparedPage(image=Image.new("L", (1654, 200), 255), scale=1.0, skew=0.0)
    tsv = _tsv([
        ("`", 100, 50, 10, 8, 12.0),  # a speck before the line
        ("V.", 130, 40, 40, 38, 95.0),
        ("THÔNG", 180, 40, 120, 38, 94.0),
        ("-", 310, 58, 12, 3, 40.0),  # a dash is flat by nature: kept
        ("TIN", 330, 40, 60, 38, 93.0),
        ("ảnn", 1341, 60, 60, 1, 0.0),  # 1 px tall, confidence 0: what an erased ruling leaves
    ])
    (line,) = ocr.page_lines(prepared, tsv, 1)
    assert line.text == "V. THÔNG - TIN"


def test_a_fold_across_text_is_not_erased_like_a_ruling() -> None:
    a = np.full((400, 1600), 255, dtype=np.uint8)
    a[100:102, 100:1500] = 40  # a table ruling: paper above and below
    for x in range(100, 1500, 30):
        a[280:320, x : x + 12] = 30  # a line of "letters"
    # a worn copier's fold through the letters' middle: a wide grey shadow, a darker core
    for dy in range(-20, 21):
        shade = 140 if abs(dy) <= 2 else 200
        row = a[300 + dy]
        row[row > shade] = shade
    cleaned, _ = ocr._remove_rulings(Image.fromarray(a))
    out = np.asarray(cleaned)
    assert out[100:102, 100:1500].min() > 200  # the ruling is gone
    assert (out[298:303, 100:112] < 60).all()  # the letters crossed by the fold stay whole
    assert out[298:303, 115:127].min() > 200  # the fold's core between them goes


def test_an_unsure_word_in_decomposed_vietnamese_is_not_a_speck() -> None:
    assert not ocr._edge_speck(ocr._Word("Lo\u0323\u0302c", 0, 0, 30, 20, 40.0))  # "Lộc", NFD
    assert ocr._edge_speck(ocr._Word("l——", 0, 0, 30, 20, 43.0))
