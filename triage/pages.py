"""Petition page images for the case page: the one module that imports pypdfium2.

Pages are rendered to PNG on request, at most MAX_SIDE pixels on the longer
side, so a hostile PDF with a huge media box costs a bounded amount of memory.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium

MAX_SIDE = 1400  # pixels


def page_count(data: bytes) -> int | None:
    """Number of pages of a PDF, or None when it cannot be opened (corrupt, encrypted)."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_png(data: bytes, index: int, max_side: int = MAX_SIDE) -> bytes | None:
    """Page `index` (0-based) as PNG bytes, or None when the page or the file cannot be read."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        if not 0 <= index < len(pdf):
            return None
        page = pdf[index]
        w, h = page.get_size()  # points
        if w <= 0 or h <= 0:
            return None
        scale = min(2.0, max_side / max(w, h))
        image = page.render(scale=scale).to_pil()
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=False)
        return buf.getvalue()
    except pdfium.PdfiumError:
        return None
    finally:
        pdf.close()


def image_png(data: bytes, max_pixels: int, max_side: int = MAX_SIDE) -> bytes | None:
    """A photo or scan re-encoded as PNG (bounded size), or None when it is not a readable image.

    Re-encoding means the browser only ever gets a PNG we made, whatever the
    sender labelled the file.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.width * im.height > max_pixels:
                return None
            im.thumbnail((max_side, max_side))
            out = im.convert("RGB") if im.mode not in ("RGB", "L") else im
            buf = io.BytesIO()
            out.save(buf, format="PNG")
            return buf.getvalue()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None
