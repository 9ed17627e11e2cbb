"""PDF → `Document`: the text layer where there is one, OCR for scanned pages.

The only module that imports pypdfium2 and pdfplumber.

- pypdfium2 opens the file (an encrypted PDF that needs a password is refused
  with "encrypted-pdf"), probes each page's text layer cheaply (~1 ms a page)
  and renders scanned pages for OCR. A page is "scanned" when its text layer
  is (nearly) empty, or is only a few characters over a full-page image.
- pdfplumber (~50 ms a page, so only on pages with text) gives words with
  boxes: words are grouped into lines by their top; ruled tables (forms in
  label | value layout) are read cell by cell and flattened one row a line, cells
  joined by " | ", as `parsers.docx_reader` does for Word tables.
- Only the first `Limits.max_pages` pages are read; the rest is reported in
  `Document.warnings` (bounded time for a 50-page file).
- Text in legacy fonts (TCVN3 `.VnTime`/`.VnTimeH`, VNI) is converted word by word
  from the font names; without such fonts, by character statistics (`parsers.legacy`).

Scanned pages: the page's single embedded image is taken at its own
resolution when it covers the page (no resampling; scans are 150–200 dpi
and `parsers.ocr` enlarges small ones), else the page is rendered at `_RENDER_DPI`.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfexceptions import PDFException
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from parsers import legacy, ocr
from parsers.model import DocFormat, Document, DocumentError, Limits, Line

# A page is scanned when its text layer has under 4 visible characters, or under
# _MIN_TEXT_CHARS over a full-page image (a scanner app's "Scanned by …" line).
_MIN_TEXT_CHARS = 60
_RENDER_DPI = 200  # measured: as accurate as 300 dpi at two thirds of the OCR time (parsers/ocr.py)
_LINE_TOLERANCE = 3.0  # points: words whose tops differ less are on one line
_TAB_GAP = 24.0  # points: a wider gap between words on a line is written as a tab


def _error(name: str, code: str, reason: str) -> DocumentError:
    return DocumentError(name=name, code=code, reason=reason)


def read_pdf(name: str, data: bytes, limits: Limits) -> Document | DocumentError:
    """Read a PDF into a `Document`; a bad file gives a `DocumentError` (never raises)."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            return _error(name, "encrypted-pdf", "Tệp PDF có mật khẩu, không mở được; đề nghị gửi lại bản không khóa.")
        return _error(name, "corrupt", "Tệp PDF bị hỏng, không mở được.")
    try:
        return _read(name, data, pdf, limits)
    finally:
        pdf.close()


def _read(name: str, data: bytes, pdf: pdfium.PdfDocument, limits: Limits) -> Document | DocumentError:
    total = len(pdf)
    if total == 0:
        return _error(name, "corrupt", "Tệp PDF không có trang nào.")
    n = min(total, limits.max_pages)
    warnings: list[str] = []
    if total > n:
        warnings.append(f"Tệp PDF có {total} trang; chỉ đọc {n} trang đầu (giới hạn {limits.max_pages} trang).")

    text_pages: list[int] = []
    scan_indexes: list[int] = []
    for i in range(n):
        try:
            page = pdf[i]
            try:
                textpage = page.get_textpage()
                probe = textpage.get_text_range()
                textpage.close()
                visible = sum(1 for c in probe if not c.isspace() and c != "\ufffd")
                if visible >= _MIN_TEXT_CHARS or (visible >= 4 and not _full_page_image(page)):
                    text_pages.append(i)
                else:
                    scan_indexes.append(i)
            finally:
                page.close()
        except pdfium.PdfiumError:
            warnings.append(f"Không đọc được trang {i + 1} của tệp PDF (trang hỏng).")
    lines_by_page: dict[int, list[Line]] = {}
    legacy_fonts: set[str] = set()
    if text_pages:
        got = _text_lines(data, text_pages)
        if isinstance(got, str):
            warnings.append(got)
        else:
            for page_no, (page_lines, fonts) in got.items():
                lines_by_page[page_no] = page_lines
                legacy_fonts |= fonts
    scan_pages: list[int] = []  # 1-based numbers of the scanned pages handed to OCR
    if scan_indexes:
        results = ocr.ocr_pages(_scan_images(pdf, scan_indexes, limits, warnings, scan_pages), limits)
        for page_no, result in zip(scan_pages, results):
            if isinstance(result, ocr.OcrError):
                warnings.append(f"Không nhận dạng được chữ ở trang {page_no}: {result}")
            else:
                lines_by_page[page_no] = result

    lines = [ln for p in sorted(lines_by_page) for ln in lines_by_page[p]]
    if not lines:
        if warnings:
            return _error(name, "corrupt", "Không đọc được nội dung tệp PDF. " + warnings[-1])
        return _error(name, "empty", "Tệp PDF không có chữ nào đọc được.")
    encoding = None
    if text_pages and legacy_fonts:
        encoding = "/".join(sorted(legacy_fonts))
        if "tcvn3" in legacy_fonts:  # its 0xAD "ư" does not survive in PDF text layers
            restored = legacy.restore_lost_u_horn("\n".join(ln.text for ln in lines)).split("\n")
            lines = [ln.model_copy(update={"text": t}) for ln, t in zip(lines, restored)]
    elif text_pages:
        fixed = legacy.fix_text("\n".join(ln.text for ln in lines))
        if fixed.encoding:
            encoding = fixed.encoding
            lines = [ln.model_copy(update={"text": t}) for ln, t in zip(lines, fixed.text.split("\n"))]
        elif fixed.warning:
            warnings.append(fixed.warning)
    fmt = DocFormat.PDF_SCAN if scan_pages and len(scan_pages) >= len(text_pages) else DocFormat.PDF_TEXT
    return Document(
        name=name,
        format=fmt,
        lines=lines,
        pages=total,
        legacy_encoding=encoding,
        ocr=bool(scan_pages),
        warnings=warnings,
    )


def _scan_images(pdf: pdfium.PdfDocument, indexes: list[int], limits: Limits, warnings: list[str],
                 numbers: list[int]) -> Iterator[tuple[int, Image.Image]]:
    """Page images of the scanned pages, made one at a time as OCR asks for the next.

    `parsers.ocr.ocr_pages` advances this generator in the calling thread only when a
    worker is free, so a 20-page scan never holds more than `ocr_workers` + 1 bitmaps
    (pdfium is also used from one thread only). Each pdfium page is closed once its
    bitmap is copied into a PIL image. The page numbers yielded are appended to
    `numbers`; pages that cannot be rendered to `warnings`.
    """
    for i in indexes:
        try:
            page = pdf[i]
            try:
                image = _page_image(page, limits)
            finally:
                page.close()
        except pdfium.PdfiumError:
            warnings.append(f"Không đọc được trang {i + 1} của tệp PDF (trang hỏng).")
            continue
        if isinstance(image, str):
            warnings.append(image)
            continue
        numbers.append(i + 1)
        yield (i + 1, image)
        del image


def _full_page_image(page: pdfium.PdfPage) -> bool:
    """True when one image covers most of the page (a scan, maybe with a scanner app's watermark text)."""
    width, height = page.get_size()
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            left, bottom, right, top = obj.get_bounds()
            if (right - left) * (top - bottom) >= 0.6 * width * height:
                return True
    return False


def _page_image(page: pdfium.PdfPage, limits: Limits) -> Image.Image | str:
    """The scan on a page: its one full-page image at native resolution, else a rendering."""
    width, height = page.get_size()
    images = [o for o in page.get_objects(max_depth=2) if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    if len(images) == 1:
        try:
            px_w, px_h = images[0].get_px_size()
            left, bottom, right, top = images[0].get_bounds()
            covers = (right - left) * (top - bottom) >= 0.6 * width * height
            if covers and px_w * px_h <= limits.max_image_pixels and px_w >= 0.9 * width * 150 / 72:
                return images[0].get_bitmap(render=False).to_pil()
        except (pdfium.PdfiumError, ValueError, OSError):
            pass  # an unusual image encoding: render the page instead
    scale = _RENDER_DPI / 72
    if width * height * scale * scale > limits.max_image_pixels:
        scale = (limits.max_image_pixels / (width * height)) ** 0.5
    if width * scale < 200 or height * scale < 200:
        return f"Trang có kích thước bất thường ({width:.0f}×{height:.0f} pt), bỏ qua."
    return page.render(scale=scale, grayscale=True).to_pil()


# ------------------------------------------------------------------ text layer


def _text_lines(data: bytes, indexes: list[int]) -> dict[int, tuple[list[Line], set[str]]] | str:
    """Lines of the text pages, with the legacy encodings their fonts used."""
    try:
        with pdfplumber.open(io.BytesIO(data), pages=[i + 1 for i in indexes]) as doc:
            return {page.page_number: _page_lines(page) for page in doc.pages}
    # pdfminer's own errors, and what its parser lets through on damaged files
    except (PdfminerException, PDFException, PSException, ValueError, KeyError, TypeError, AttributeError,
            IndexError, RecursionError) as exc:
        return f"Không đọc được lớp chữ của tệp PDF ({type(exc).__name__})."


def _cell_join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and not out.endswith(("-", "/")):
            out += " "
        out += part
    return out


def _group_lines(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= _LINE_TOLERANCE:
            rows[-1].append(w)
        else:
            rows.append([w])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def _line_text(row: list[dict]) -> str:
    out = row[0]["text"]
    for prev, w in zip(row, row[1:]):
        out += ("\t" if w["x0"] - prev["x1"] > _TAB_GAP else " ") + w["text"]
    return out


def _box(words: list[dict]) -> tuple[float, float, float, float]:
    return (
        min(w["x0"] for w in words),
        min(w["top"] for w in words),
        max(w["x1"] for w in words),
        max(w["bottom"] for w in words),
    )


def _inside(w: dict, bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _legacy_word(word: dict) -> None:
    """Convert a word typed in a legacy font (TCVN3 .VnTime/.VnTimeH, VNI-Times) in place."""
    font = str(word.get("fontname") or "")
    font = font.split("+", 1)[1] if "+" in font[:8] else font  # subset prefix "ABCDEF+"
    enc = legacy.encoding_of_font(font)
    if enc is not None:
        word["text"] = legacy.convert(word["text"], enc[0], enc[1])
        word["legacy"] = enc[0]


def _page_lines(page: pdfplumber.page.Page) -> tuple[list[Line], set[str]]:
    """Lines of a text page in reading order; ruled tables one row a line, cells joined by " | ".

    Words in legacy fonts are converted (capitals fonts upper-cased); the
    encodings met are returned with the lines.
    """
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, extra_attrs=["fontname"])
    for w in words:
        _legacy_word(w)
    items: list[tuple[float, Line]] = []
    used: set[int] = set()
    tables = page.find_tables() if len(page.edges) >= 4 else []
    for table in tables:
        for row in table.rows:
            cells: list[list[list[dict]]] = []  # cell -> its lines -> words
            for cell in row.cells:
                if cell is None:
                    continue
                inside = [(k, w) for k, w in enumerate(words) if k not in used and _inside(w, cell)]
                if inside:
                    used.update(k for k, _ in inside)
                    cells.append(_group_lines([w for _, w in inside]))
            if len(cells) == 1:  # a full-width row (section title, list): no pairing to keep
                for ln in cells[0]:
                    box = _box(ln)
                    items.append((box[1], Line(text=_nfc(_line_text(ln)), page=page.page_number, box=box)))
            elif cells:
                texts: list[str] = []
                for cell_lines in cells:
                    text = _cell_join([" ".join(w["text"] for w in ln) for ln in cell_lines])
                    if not texts or texts[-1] != text:  # a merged cell read twice
                        texts.append(text)
                box = _box([w for cell_lines in cells for ln in cell_lines for w in ln])
                items.append((box[1], Line(text=_nfc(" | ".join(texts)), page=page.page_number, box=box)))
    rest = [w for k, w in enumerate(words) if k not in used]
    for row in _group_lines(rest):
        box = _box(row)
        items.append((box[1], Line(text=_nfc(_line_text(row)), page=page.page_number, box=box)))
    items.sort(key=lambda item: item[0])
    fonts = {w["legacy"] for w in words if "legacy" in w}
    return [line for _, line in items if line.text.strip()], fonts


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def page_images(data: bytes, pages: list[int], limits: Limits) -> list[tuple[int, Image.Image]]:
    """The images OCR would read for the given 1-based pages (for benchmarks and debugging).

    Raises pypdfium2.PdfiumError if the file cannot be opened.
    """
    pdf = pdfium.PdfDocument(data)
    try:
        out: list[tuple[int, Image.Image]] = []
        for number in pages:
            image = _page_image(pdf[number - 1], limits)
            if not isinstance(image, str):
                out.append((number, image))
        return out
    finally:
        pdf.close()
