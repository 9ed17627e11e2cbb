"""A petition file (or a typed text) → `Document`: lines of text in reading order.

`read_document` sniffs the real type from the bytes (magic numbers; the file
name is only a hint, used when the bytes say nothing, e.g. plain text) and
hands the bytes to the reader of that format, one module per outside library:

| bytes start with                | reader                                     |
|---------------------------------|--------------------------------------------|
| `%PDF-`                         | `parsers.pdf` (text layer, or OCR per page) |
| `PK\\x03\\x04` + word/document.xml | `parsers.docx_reader` (python-docx)        |
| `\\xD0\\xCF\\x11\\xE0` (OLE2)        | `parsers.doc_reader` (Word 97 .doc)        |
| JPEG, PNG, TIFF, GIF, BMP, WebP | `parsers.ocr` (Tesseract)                  |
| HEIC/AVIF (`ftypheic`…)         | refused: "unsupported", asks for a JPEG/PDF |
| `{\\rtf`                          | `parsers.doc_reader` (LibreOffice)         |
| anything else without NUL bytes | `parsers.text`                             |

Bad input never raises out of `read_document`: it returns a `DocumentError`
with a code and a Vietnamese sentence for the clerk.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Literal

from parsers import doc_reader, docx_reader, ocr, pdf, text
from parsers.model import DocFormat, Document, DocumentError, Limits, Line

Kind = Literal["pdf", "docx", "ole", "rtf", "image", "heic", "zip", "text", "binary"]

_IMAGE_MAGIC = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",  # TIFF little-endian
    b"MM\x00*",  # TIFF big-endian
    b"GIF87a",
    b"GIF89a",
    b"BM",
)


def sniff(name: str, data: bytes) -> Kind:
    """The kind of file the bytes are, from their magic numbers (the name only as a last hint)."""
    head = data[:2048]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile:
            return "docx" if name.lower().endswith(".docx") else "zip"
        return "docx" if "word/document.xml" in names else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"hevc", b"mif1", b"msf1", b"avif"):
        return "heic"
    if any(head.startswith(m) for m in _IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return "binary"
    return "text"


def read_document(name: str, data: bytes, limits: Limits) -> Document | DocumentError:
    """Turn a petition file into a `Document`, or a `DocumentError` saying why it cannot be read.

    Never raises for bad input: encrypted PDF ("encrypted-pdf"), corrupt file
    ("corrupt"), image over `limits.max_image_pixels` ("too-large"), a zip whose
    members would unpack over `limits.max_unzipped_bytes` ("zip-bomb"), a type
    that is not a document ("unsupported"). A PDF over `limits.max_pages` is read
    up to that page, with a warning.
    """
    name = unicodedata.normalize("NFC", name)
    if not data:
        return DocumentError(name=name, code="corrupt", reason="Tệp rỗng (0 byte).")
    kind = sniff(name, data)
    if kind == "pdf":
        return pdf.read_pdf(name, data, limits)
    if kind == "docx":
        return docx_reader.read_docx(name, data, limits)
    if kind in ("ole", "rtf"):
        return doc_reader.read_doc(name, data, limits)
    if kind == "image":
        return ocr.read_image(name, data, limits)
    if kind == "text":
        decoded = text.decode_bytes(data)
        doc = document_from_text(name, decoded.text, DocFormat.TEXT)
        return doc.model_copy(
            update={
                "legacy_encoding": decoded.legacy_encoding or doc.legacy_encoding,
                "warnings": decoded.warnings + doc.warnings,
            }
        )
    if kind == "heic":
        return DocumentError(
            name=name,
            code="unsupported",
            reason="Ảnh định dạng HEIC/AVIF (iPhone) chưa đọc được; đề nghị gửi lại ảnh JPEG hoặc tệp PDF.",
        )
    what = "tệp nén (zip)" if kind == "zip" else "tệp nhị phân không rõ loại"
    return DocumentError(
        name=name,
        code="unsupported",
        reason=f"Không đọc được loại tệp này ({what}); chỉ đọc được Word, PDF, ảnh và văn bản.",
    )


def document_from_text(name: str, text_: str, fmt: DocFormat = DocFormat.TEXT) -> Document:
    """A `Document` from typed text (an email body, a .txt): NFC, one `Line` per non-empty line.

    Text in a legacy encoding (TCVN3/VNI read as Latin-1) is detected and converted.
    """
    fixed = text.fix_text(text_.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [Line(text=ln.strip()) for ln in fixed.text.split("\n") if ln.strip()]
    return Document(
        name=unicodedata.normalize("NFC", name),
        format=fmt,
        lines=lines,
        pages=1,
        legacy_encoding=fixed.legacy_encoding,
        warnings=fixed.warnings,
    )
