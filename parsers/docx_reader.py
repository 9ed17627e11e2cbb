"""Word .docx → `Document`, with python-docx (the only module that imports it).

What is read, in document order:
- headers (once per distinct text), then the body, then footers;
- paragraphs, one `Line` per paragraph (a manual line break `w:br` starts a new line;
  tabs are kept as "\\t" because they separate left and right columns);
- tables one row a line, cells joined by " | " so a label | value form keeps
  its pairing; horizontally merged cells are one `w:tc` already, vertically merged
  continuation cells are empty and dropped, and a cell repeating its left neighbour
  is dropped. A row where two cells or more hold several paragraphs is a layout
  (a letterhead, a signature beside the attachments): its cells' paragraphs are
  lines of their own, column after column;
- text boxes (`w:txbxContent`) after the paragraph that anchors them; of an
  `mc:AlternateContent` only the `mc:Choice` is read (the VML `mc:Fallback` repeats it).

A Word file with (almost) no text but pictures — a photo of the petition pasted
into Word — has its pictures read by OCR (`parsers.ocr`), up to `Limits.max_pages`.

Run font names are resolved (run → character style → paragraph style → defaults)
so text typed in legacy fonts is converted: `.VnTime` (TCVN3), `.VnTimeH`
(TCVN3 capitals), `VNI-Times` (VNI). See `parsers.legacy`.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

import docx
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from lxml import etree
from PIL import Image

from parsers import legacy, ocr
from parsers.model import DocFormat, Document, DocumentError, Limits, Line

_W_P = qn("w:p")
_W_TBL = qn("w:tbl")
_W_TR = qn("w:tr")
_W_TC = qn("w:tc")
_W_R = qn("w:r")
_W_SDT = qn("w:sdt")
_W_SDTCONTENT = qn("w:sdtContent")
_W_TXBX = qn("w:txbxContent")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_W_VAL = qn("w:val")
_MIN_TEXT_CHARS = 20  # fewer characters of text: the petition is a picture pasted in, OCR it


@dataclass
class _Piece:
    text: str
    encoding: legacy.FontEncoding | None


@dataclass
class _RawLine:
    pieces: list[_Piece] = field(default_factory=list)

    def raw(self) -> str:
        return "".join(p.text for p in self.pieces)

    def converted(self) -> str:
        return "".join(
            legacy.convert(p.text, p.encoding[0], p.encoding[1]) if p.encoding else p.text for p in self.pieces
        )


class _Fonts:
    """Resolves the ASCII font of a run through styles (styles.xml)."""

    def __init__(self, document: docx.document.Document) -> None:
        self._styles: dict[str, tuple[str | None, str | None]] = {}  # id -> (font, basedOn)
        self._default_para: str | None = None
        self.default_font: str | None = None
        styles_el = document.styles.element
        for st in styles_el.iter(qn("w:style")):
            sid = st.get(qn("w:styleId"))
            based = st.find(qn("w:basedOn"))
            self._styles[sid] = (_rfonts(st.find(qn("w:rPr"))), based.get(_W_VAL) if based is not None else None)
            if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true"):
                self._default_para = sid
        defaults = styles_el.find(qn("w:docDefaults"))
        if defaults is not None:
            self.default_font = _rfonts(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))

    def style_font(self, style_id: str | None) -> str | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            font, based = self._styles.get(style_id, (None, None))
            if font:
                return font
            style_id = based
        return None

    def run_font(self, run: etree._Element, para_style: str | None) -> str | None:
        rpr = run.find(qn("w:rPr"))
        font = _rfonts(rpr)
        if font:
            return font
        if rpr is not None:
            rstyle = rpr.find(qn("w:rStyle"))
            if rstyle is not None and (font := self.style_font(rstyle.get(_W_VAL))):
                return font
        return self.style_font(para_style or self._default_para) or self.default_font


def _rfonts(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    rf = rpr.find(qn("w:rFonts"))
    if rf is None:
        return None
    return rf.get(qn("w:ascii")) or rf.get(qn("w:hAnsi"))


def _inside(el: etree._Element, stop: etree._Element, tags: tuple[str, ...]) -> bool:
    """True when an ancestor of `el` below `stop` has one of `tags`."""
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


class _Walker:
    def __init__(self, fonts: _Fonts) -> None:
        self.fonts = fonts

    def block(self, container: etree._Element) -> list[_RawLine]:
        """Lines of a body, cell, header or text box, in order."""
        lines: list[_RawLine] = []
        for child in container:
            if child.tag == _W_P:
                lines.extend(self.paragraph(child))
            elif child.tag == _W_TBL:
                lines.extend(self.table(child))
            elif child.tag == _W_SDT:
                content = child.find(_W_SDTCONTENT)
                if content is not None:
                    lines.extend(self.block(content))
        return lines

    def paragraph(self, p: etree._Element) -> list[_RawLine]:
        ppr = p.find(qn("w:pPr"))
        pstyle_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        pstyle = pstyle_el.get(_W_VAL) if pstyle_el is not None else None
        out: list[_RawLine] = [_RawLine()]
        boxes: list[_RawLine] = []
        for node in p.iter(_W_R, _W_TXBX):
            if _inside(node, p, (_W_TXBX, _MC_FALLBACK)):
                continue
            if node.tag == _W_TXBX:
                boxes.extend(self.block(node))
                continue
            enc = legacy.encoding_of_font(self.fonts.run_font(node, pstyle))
            for child in node:
                tag = child.tag
                if tag == qn("w:t"):
                    out[-1].pieces.append(_Piece(child.text or "", enc))
                elif tag == qn("w:tab"):
                    out[-1].pieces.append(_Piece("\t", None))
                elif tag in (qn("w:br"), qn("w:cr")):
                    out.append(_RawLine())
                elif tag == qn("w:softHyphen"):
                    out[-1].pieces.append(_Piece("\u00ad", enc))
                elif tag == qn("w:noBreakHyphen"):
                    out[-1].pieces.append(_Piece("-", None))
        return out + boxes

    def table(self, tbl: etree._Element) -> list[_RawLine]:
        lines: list[_RawLine] = []
        for tr in tbl.iter(_W_TR):
            if _inside(tr, tbl, (_W_TBL,)):  # nested tables are read inside their cell
                continue
            cells: list[list[_RawLine]] = []
            for tc in tr.findall(_W_TC):
                cell_lines = [ln for ln in self.block(tc) if ln.raw().strip()]
                if not cell_lines:
                    continue  # empty, or the continuation of a vertically merged cell
                key = " ".join(ln.raw().strip() for ln in cell_lines)
                if cells and key == " ".join(ln.raw().strip() for ln in cells[-1]):
                    continue  # a merged cell repeated
                cells.append(cell_lines)
            if len(cells) == 1:  # a full-width row (section title, list): no pairing to keep
                lines.extend(cells[0])
                continue
            if sum(len(c) > 1 for c in cells) >= 2:
                # a layout table, not a form: columns of paragraphs side by side (a letterhead with
                # the motto and date on the right; attachments left of the signature block)
                for cell_lines in cells:
                    lines.extend(cell_lines)
                continue
            row = _RawLine()
            for k, cell_lines in enumerate(cells):
                if k:
                    row.pieces.append(_Piece(" | ", None))
                for i, ln in enumerate(cell_lines):
                    if i:
                        row.pieces.append(_Piece(" ", None))
                    row.pieces.extend(ln.pieces)
            lines.append(row)
        return lines


def _zip_too_big(data: bytes, limits: Limits) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sum(info.file_size for info in zf.infolist()) > limits.max_unzipped_bytes


def read_docx(name: str, data: bytes, limits: Limits) -> Document | DocumentError:
    """Read a .docx file into a `Document`; a bad file gives a `DocumentError` (never raises)."""
    try:
        if _zip_too_big(data, limits):
            return DocumentError(
                name=name, code="zip-bomb", reason="Tệp Word giải nén ra quá lớn, vượt giới hạn cho phép."
            )
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, OpcError, PythonDocxError, KeyError, ValueError, etree.XMLSyntaxError, OSError):
        return DocumentError(name=name, code="corrupt", reason="Tệp Word (.docx) bị hỏng, không mở được.")

    try:
        raw = _walk(document)
    except (OpcError, PythonDocxError, KeyError, ValueError, AttributeError, etree.XMLSyntaxError):
        return DocumentError(name=name, code="corrupt", reason="Tệp Word (.docx) bị hỏng, không đọc được nội dung.")
    doc = _finish(name, raw)
    if sum(len(ln.text) for ln in doc.lines) < _MIN_TEXT_CHARS:
        return _ocr_pictures(document, doc, limits)
    return doc


def _ocr_pictures(document: docx.document.Document, doc: Document, limits: Limits) -> Document:
    """A Word file that only holds pictures (a photo of the petition pasted in): OCR them."""
    images: list[tuple[int, Image.Image]] = []
    warnings = list(doc.warnings)
    for rel in document.part.rels.values():
        if "image" not in rel.reltype or rel.is_external:
            continue
        if len(images) >= limits.max_pages:
            warnings.append(f"Tệp Word có nhiều ảnh; chỉ đọc {limits.max_pages} ảnh đầu.")
            break
        opened = ocr.open_image(doc.name, rel.target_part.blob, limits)
        if isinstance(opened, DocumentError):
            warnings.append(f"Ảnh trong tệp Word không đọc được: {opened.reason}")
        elif min(opened.size) >= 300:  # logos and icons are not pages
            images.append((len(images) + 1, opened))
    if not images:
        return doc.model_copy(update={"warnings": warnings})
    lines = list(doc.lines)
    for page, result in zip((p for p, _ in images), ocr.ocr_pages(images, limits)):
        if isinstance(result, ocr.OcrError):
            warnings.append(f"Không nhận dạng được chữ ở ảnh {page}: {result}")
        else:
            lines.extend(result)
    return doc.model_copy(update={"lines": lines, "ocr": True, "pages": len(images), "warnings": warnings})


def _walk(document: docx.document.Document) -> list[_RawLine]:
    """Headers (each distinct one once), body, footers, in order."""
    walker = _Walker(_Fonts(document))
    seen_parts: set[str] = set()
    headers: list[_RawLine] = []
    footers: list[_RawLine] = []
    for section in document.sections:
        for part_list, attr_names in (
            (headers, ("first_page_header", "header", "even_page_header")),
            (footers, ("first_page_footer", "footer", "even_page_footer")),
        ):
            for attr in attr_names:
                hf = getattr(section, attr)
                if hf.is_linked_to_previous:
                    continue
                el = hf._element
                lines = walker.block(el)
                key = "\n".join(ln.raw() for ln in lines)
                if key.strip() and key not in seen_parts:
                    seen_parts.add(key)
                    part_list.extend(lines)
    return headers + walker.block(document.element.body) + footers


def _finish(name: str, raw: list[_RawLine]) -> Document:
    raw = [ln for ln in raw if ln.raw().strip()]
    has_legacy_font = any(p.encoding for ln in raw for p in ln.pieces)
    texts = [ln.raw() for ln in raw]
    warnings: list[str] = []
    encoding: str | None = None
    if has_legacy_font:
        converted = [ln.converted() for ln in raw]
        enc_names = {p.encoding[0] for ln in raw for p in ln.pieces if p.encoding}
        before = legacy.syllable_ratio("\n".join(texts))
        after = legacy.syllable_ratio("\n".join(converted))
        if after + 0.05 >= before and after >= 0.5:
            texts, encoding = converted, "/".join(sorted(enc_names))
        else:
            warnings.append(
                "Văn bản dùng phông chữ cũ (TCVN3/VNI) nhưng chuyển mã không ra tiếng Việt hợp lệ; giữ nguyên."
            )
    else:
        fixed = legacy.fix_text("\n".join(texts))
        if fixed.encoding:
            texts, encoding = fixed.text.split("\n"), fixed.encoding
    lines = [Line(text=unicodedata.normalize("NFC", t).strip()) for t in texts]
    return Document(
        name=name,
        format=DocFormat.DOCX,
        lines=[ln for ln in lines if ln.text],
        pages=1,
        legacy_encoding=encoding,
        warnings=warnings,
    )
