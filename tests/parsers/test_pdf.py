"""PDF reading: text layer with ruled label | value tables, page limits, bad files."""

from __future__ import annotations

import os
import time
from pathlib import Path

from parsers.documents import read_document
from parsers.model import DocFormat, Document, DocumentError, Limits

FIXTURES = Path(__file__).parent.parent / "fixtures" / "documents"


def make_pdf(pages: list[str], encrypt: bool = False) -> bytes:
    """A minimal PDF with one line of Helvetica text per page (optionally with an /Encrypt
    dictionary whose user password is not empty, so it cannot be opened without it)."""
    objects: list[bytes] = []
    n = len(pages)
    font_id = 3
    first_page = 4
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, text in enumerate(pages):
        content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font_id} 0 R >> >> "
            f"/Contents {first_page + 2 * i + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    encrypt_ref = b""
    if encrypt:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
        )
        encrypt_ref = b" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, encrypt_ref, xref)
    return bytes(out)


def test_text_layer_pdf_keeps_table_rows_as_label_value_lines() -> None:
    doc = read_document("don.pdf", (FIXTURES / "table_form_text_layer.pdf").read_bytes(), Limits())
    assert isinstance(doc, Document)
    assert doc.format == DocFormat.PDF_TEXT
    assert doc.pages == 2 and not doc.ocr
    texts = [ln.text for ln in doc.lines]
    assert "ĐƠN YÊU CẦU THI HÀNH ÁN" in texts
    assert "Họ và tên | Nguyễn Ngọc Oanh" in texts
    assert "Số | 1497/2015/DS-ST" in texts
    # a wrapped label cell is one label again
    assert any(t.startswith("Số CMND/CCCD/Hộ chiếu | 079151933120") for t in texts)
    assert all(ln.box is not None and ln.confidence == 1.0 for ln in doc.lines)
    assert {ln.page for ln in doc.lines} == {1, 2}
    tops = [ln.box[1] for ln in doc.lines if ln.page == 1]
    assert tops == sorted(tops)


def test_generated_text_pdf_lines() -> None:
    doc = read_document("a.pdf", make_pdf(["Kinh gui Chi cuc Thi hanh an dan su Quan 3"]), Limits())
    assert isinstance(doc, Document)
    assert doc.text == "Kinh gui Chi cuc Thi hanh an dan su Quan 3"


def test_fifty_page_pdf_reads_only_max_pages_in_bounded_time() -> None:
    data = make_pdf([f"Trang so {i + 1} cua don yeu cau thi hanh an" for i in range(50)])
    start = time.monotonic()
    doc = read_document("dai.pdf", data, Limits(max_pages=5))
    elapsed = time.monotonic() - start
    assert isinstance(doc, Document)
    assert doc.pages == 50
    assert {ln.page for ln in doc.lines} == {1, 2, 3, 4, 5}
    assert any("50 trang" in w and "5 trang" in w for w in doc.warnings)
    assert elapsed < 5


def test_encrypted_pdf_is_refused_with_reason() -> None:
    err = read_document("khoa.pdf", make_pdf(["bi mat"], encrypt=True), Limits())
    assert isinstance(err, DocumentError)
    assert err.code == "encrypted-pdf"
    assert "mật khẩu" in err.reason


def test_truncated_pdf_is_corrupt_not_an_exception() -> None:
    data = (FIXTURES / "table_form_text_layer.pdf").read_bytes()
    err = read_document("hong.pdf", data[:300], Limits())
    assert isinstance(err, DocumentError)
    assert err.code == "corrupt"


def test_pdf_named_as_docx_is_sniffed_from_bytes() -> None:
    doc = read_document("don.docx", make_pdf(["Don yeu cau thi hanh an"]), Limits())
    assert isinstance(doc, Document) and doc.format == DocFormat.PDF_TEXT


def test_ci_has_tools() -> None:
    """In CI the readers' outside programs must be there (fail, never skip)."""
    if os.environ.get("CI") == "true":
        import shutil

        for tool in ("tesseract", "antiword"):
            assert shutil.which(tool), f"{tool} is not installed"
