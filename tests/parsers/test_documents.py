"""read_document: sniffing, .docx (tables, text boxes, headers, legacy fonts), .doc, text, bad files."""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from parsers.documents import document_from_text, read_document, sniff
from parsers.model import DocFormat, Document, DocumentError, Limits

FIXTURES = Path(__file__).parent.parent / "fixtures" / "documents"

_TEXTBOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Số: 12/2024/ĐYC</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>Số: 12/2024/ĐYC</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def _font(run, name: str) -> None:  # type: ignore[no-untyped-def]
    run.font.name = name
    rfonts = run._element.rPr.find(qn("w:rFonts"))
    rfonts.set(qn("w:hAnsi"), name)


def build_docx() -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "CÔNG TY LUẬT HỢP DANH AN PHÁT"
    d.sections[0].footer.paragraphs[0].text = "Trang 1/1"
    title = d.add_paragraph()
    _font(title.add_run("céng hßa x· héi chñ nghÜa viÖt nam"), ".VnTimeH")
    p = d.add_paragraph()
    _font(p.add_run("KÝnh göi: Chi côc Thi hµnh ¸n d©n sù QuËn 3"), ".VnTime")
    d.add_paragraph("ĐƠN YÊU CẦU THI HÀNH ÁN")
    anchor = d.add_paragraph("Người làm đơn")
    anchor._p.append(parse_xml(_TEXTBOX))
    table = d.add_table(rows=4, cols=2)
    section = table.cell(0, 0).merge(table.cell(0, 1))
    section.text = "I. NGƯỜI YÊU CẦU THI HÀNH ÁN"
    table.cell(1, 0).text = "Họ và tên"
    table.cell(1, 1).text = "Nguyễn Văn An"
    table.cell(2, 0).text = "Địa chỉ"
    table.cell(2, 1).text = "120 Võ Văn Tần, P.6, Q.3"
    merged = table.cell(2, 0).merge(table.cell(3, 0))  # vertical merge: label spans two rows
    assert merged is not None
    table.cell(3, 1).text = "Thành phố Hồ Chí Minh"
    vni = d.add_paragraph()
    vni.add_run("Ghi chú: ")
    _font(vni.add_run("Ñôn yeâu caàu thi haønh aùn"), "VNI-Times")
    brk = d.add_paragraph()
    brk.add_run("Dòng một")
    brk.add_run().add_break()
    brk.add_run("Dòng hai")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_in_document_order_with_tables_textboxes_headers_and_legacy_fonts() -> None:
    doc = read_document("don.docx", build_docx(), Limits())
    assert isinstance(doc, Document)
    assert doc.format == DocFormat.DOCX
    texts = [ln.text for ln in doc.lines]
    assert texts == [
        "CÔNG TY LUẬT HỢP DANH AN PHÁT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Kính gửi: Chi cục Thi hành án dân sự Quận 3",
        "ĐƠN YÊU CẦU THI HÀNH ÁN",
        "Người làm đơn",
        "Số: 12/2024/ĐYC",  # the text box once, not again from the VML fallback
        "I. NGƯỜI YÊU CẦU THI HÀNH ÁN",  # merged section row: once
        "Họ và tên | Nguyễn Văn An",
        "Địa chỉ | 120 Võ Văn Tần, P.6, Q.3",
        "Thành phố Hồ Chí Minh",  # vertically merged label: continuation cell dropped
        "Ghi chú: Đơn yêu cầu thi hành án",
        "Dòng một",
        "Dòng hai",
        "Trang 1/1",
    ]
    assert doc.legacy_encoding == "tcvn3/vni"
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_word97_doc_with_table() -> None:
    doc = read_document("don.doc", (FIXTURES / "word97_table_form.doc").read_bytes(), Limits())
    assert isinstance(doc, Document)
    assert doc.format == DocFormat.DOC
    texts = [ln.text for ln in doc.lines]
    assert "ĐƠN YÊU CẦU THI HÀNH ÁN" in texts
    assert "Họ và tên | Đặng Quang Phong" in texts
    assert "Số | 1455/2017/DS-ST" in texts
    assert "Đặng Quang Phong" in texts  # the signature


def test_sniff_ignores_misleading_names() -> None:
    assert sniff("don.pdf", build_docx()) == "docx"
    assert sniff("don.doc", "Kính gửi".encode()) == "text"
    assert sniff("a.jpg", b"%PDF-1.4\n") == "pdf"
    assert sniff("a.txt", b"\x89PNG\r\n\x1a\n....") == "image"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Outlook writes it: letter (with ˆ ˘ ơ ư) then a combining tone mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tones)
    return "".join(out).encode("windows-1258")


def test_text_bytes_utf8_bom_cp1258_and_nfd() -> None:
    bom = read_document("a.txt", "\ufeffKính gửi".encode("utf-8"), Limits())
    assert isinstance(bom, Document) and bom.text == "Kính gửi"
    # Outlook's windows-1258 writes tones as combining marks: "Hòa" = H o ̀ a
    cp = read_document("b.txt", _cp1258("Tòa án nhân dân Quận Bình Thạnh"), Limits())
    assert isinstance(cp, Document)
    assert cp.text == "Tòa án nhân dân Quận Bình Thạnh"
    doc = document_from_text("body", unicodedata.normalize("NFD", "Nguyễn Văn An\r\n\r\nQuận 3"), DocFormat.EMAIL_BODY)
    assert [ln.text for ln in doc.lines] == ["Nguyễn Văn An", "Quận 3"]
    assert doc.format == DocFormat.EMAIL_BODY


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


def test_bad_files_give_reasons_not_exceptions() -> None:
    limits = Limits(max_unzipped_bytes=1_000_000)
    cases = {
        "empty.pdf": (b"", "corrupt"),
        "bomb.png": (_png_header(100_000, 100_000), "too-large"),
        "hong.jpg": (b"\xff\xd8\xff\xe0" + b"\x00" * 50, "corrupt"),
        "hong.docx": (build_docx()[:2000], "corrupt"),
        "bomb.docx": (_zip({"word/document.xml": b"<" + b"a" * 5_000_000}), "zip-bomb"),
        "ho_so.zip": (_zip({"a.txt": b"x"}), "unsupported"),
        "app.exe": (b"MZ\x90\x00\x03\x00\x00\x00" * 20, "unsupported"),
        "IMG_0001.HEIC": (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 100, "unsupported"),
    }
    for name, (data, code) in cases.items():
        result = read_document(name, data, limits)
        assert isinstance(result, DocumentError), name
        assert result.code == code, (name, result)
        assert result.reason and result.name == name


def test_antiword_table_rows_and_continuations() -> None:
    from parsers.doc_reader import antiword_lines

    text = (
        "ĐƠN YÊU CẦU\n\n"
        "|Họ và tên       |Nguyễn Văn An            |\n"
        "|Địa chỉ         |120 Võ Văn Tần           |\n"
        "|                |Quận 3                   |\n"
        "|I. NGƯỜI PHẢI THI HÀNH ÁN                  |\n"
    )
    assert antiword_lines(text) == [
        "ĐƠN YÊU CẦU",
        "Họ và tên | Nguyễn Văn An",
        "Địa chỉ | 120 Võ Văn Tần Quận 3",
        "I. NGƯỜI PHẢI THI HÀNH ÁN",
    ]


def test_rtf_is_read_through_libreoffice() -> None:
    rtf = rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0 K\u237?nh g\u7917?i: Chi c\u7909?c Qu\u7853?n 3\par}"
    doc = read_document("don.rtf", rtf, Limits())
    assert isinstance(doc, Document), doc
    assert doc.text == "Kính gửi: Chi cục Quận 3"


def test_docx_holding_only_a_photo_is_read_by_ocr() -> None:
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("RGB", (1400, 500), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=48)
    # Pillow's own font has no Vietnamese letters: the point here is the route docx → OCR
    draw.text((60, 80), "DON YEU CAU THI HANH AN", fill="black", font=font)
    draw.text((60, 220), "Ban an so: 123/2020/DS-ST", fill="black", font=font)
    picture = io.BytesIO()
    page.save(picture, format="PNG")
    d = docx.Document()
    d.add_picture(io.BytesIO(picture.getvalue()))
    buf = io.BytesIO()
    d.save(buf)
    doc = read_document("anh_trong_word.docx", buf.getvalue(), Limits())
    assert isinstance(doc, Document)
    assert doc.ocr
    assert "123/2020/DS-ST" in doc.text
