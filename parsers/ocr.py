"""OCR of page images with Tesseract 5 (`vie` model), the only module that runs `tesseract`.

Also the module where Pillow and numpy prepare page images (`parsers.pdf` only
hands over the PIL image pypdfium2 gives it).

Speed (measured on this 2-core machine when it was idle; see bench/ocr_speed.py): Tesseract's
OpenMP threads make one 150-dpi page take 5.8 s; with `OMP_THREAD_LIMIT=1` it is
0.9 s, and two single-threaded pages at once run 1.94x faster. So every call
runs with `OMP_THREAD_LIMIT=1` and pages run in parallel, `Limits.ocr_workers`
at once (threads that wait on subprocesses). Each subprocess has a timeout.

Preparation of a page (`prepare`), each step chosen by measurement on the scans:
- EXIF orientation (phone photos); grey from the red channel for colour images
  (organisations' red seals over the signature fade out);
- uneven light: divide by a blurred background estimate, then stretch contrast;
- small images (phone photos, 150-dpi scans) are enlarged to an A4 width at 200 dpi
  (measured: as accurate as 300 dpi at two thirds of the time, see `_MIN_WIDTH`);
- deskew: the angle (±3°) whose horizontal projection profile is sharpest;
- table rulings removed (long horizontal and vertical dark runs), so Tesseract
  reads a form row "label  value" as one line; the vertical rulings' x
  positions are kept to put " | " between a label and its value.

A page that reads badly (few lines, mean confidence < 0.6) is checked with
Tesseract's orientation detection (`--psm 0`, ~0.6 s) and read again upright:
photos without EXIF orientation, pages scanned sideways or upside down.

Page segmentation `--psm 6` (one uniform block: a form row stays one line);
`--psm 4` and `--psm 3` found no more field values on the sample scans.

Output: Tesseract TSV (`tsv` config): words with boxes and confidences, grouped
into lines (block, paragraph, line); a line's confidence is its words' mean / 100.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageFilter, ImageOps

from parsers.model import DocFormat, Document, DocumentError, Limits, Line

TESSERACT = "tesseract"
PAGE_TIMEOUT_S = 60  # one page takes ~1-3 s single-threaded; a stuck process is killed
# px; narrower pages are enlarged to this width: 1654 px is an A4 page at 200 dpi.
# Measured on 7 sample pages (150-dpi scans and phone photos), field values found / s a page:
#   native 150 dpi 39/45, 2.96 s;  200 dpi 40/45, 3.72 s;  300 dpi 40/45, 5.51 s (machine shared, busy).
_MIN_WIDTH = 1654
# Lines read with a mean word confidence under this are dropped: on the sample scans they
# are scribbles of signatures, seals and punch holes ("F(4K}}—_—" at 0.32); text
# half hidden by a red seal still reads at ~0.4.
_MIN_LINE_CONFIDENCE = 0.35
# grey level; the contrast stretch never takes a lighter black point. Worn-copier scans print
# black at 80-100 after flattening; a blank signature page's darkest 1 % is grain at ~250.
_MAX_BLACK_POINT = 100
# rows per strip in the numpy steps: working copies (float32, int32) stay a few MB a page
_STRIP_ROWS = 256


class OcrError(Exception):
    """Tesseract could not run or failed on a page (missing binary, timeout, bad image)."""


@dataclass
class PreparedPage:
    image: Image.Image  # grey, deskewed, rulings removed
    scale: float  # prepared pixels per original pixel
    skew: float  # degrees corrected
    columns: list[tuple[int, int, int]] = field(default_factory=list)  # vertical rulings: (x, top, bottom)


# ------------------------------------------------------------------ preparation


def _flatten_light(grey: Image.Image) -> Image.Image:
    """Divide by a blurred background so shadows and uneven light become white paper."""
    small = grey.reduce(8) if min(grey.size) > 400 else grey
    # the background is the paper: a max filter removes the text before blurring
    bg = small.filter(ImageFilter.MaxFilter(5)).filter(ImageFilter.GaussianBlur(6)).resize(grey.size)
    g8, b8 = np.asarray(grey), np.asarray(bg)
    out = np.empty(g8.shape, dtype=np.uint8)
    for top in range(0, g8.shape[0], _STRIP_ROWS):  # float32 a strip at a time: bounded memory
        rows = slice(top, top + _STRIP_ROWS)
        b = np.maximum(b8[rows].astype(np.float32), 1.0)
        out[rows] = np.clip(g8[rows].astype(np.float32) / b * 255.0, 0, 255)
    # stretch so the darkest 1 % becomes black, but never from a black point lighter than
    # _MAX_BLACK_POINT: on a page with little text (a signature page) the darkest 1 % is
    # paper grain, and stretching it turned the page into noise (Tesseract then read the
    # whole page as scribble and the signer's name was lost)
    lo = min(int(np.percentile(out, 1)), _MAX_BLACK_POINT)
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) * 255.0 / (255 - lo), 0, 255).astype(np.uint8)
    return Image.fromarray(lut[out])


def _skew_angle(grey: Image.Image, limit: float = 3.0, step: float = 0.2) -> float:
    """Angle in degrees (counter-clockwise) that makes the text rows horizontal.

    Projection profiles on a downscaled, thresholded copy: the right angle gives
    the sharpest alternation of text rows and gaps (largest variance of row sums).
    """
    small = grey.copy()
    small.thumbnail((800, 800))
    ink = Image.fromarray((np.asarray(small) < 160).astype(np.uint8) * 255)
    best, best_score = 0.0, -1.0
    for i in range(int(-limit / step), int(limit / step) + 1):
        angle = i * step
        rows = np.asarray(ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0), dtype=np.float32)
        profile = rows.sum(axis=1)
        score = float(np.var(np.diff(profile)))
        if score > best_score:
            best, best_score = angle, score
    return best


def _runs(mask: np.ndarray, length: int) -> np.ndarray:
    """Pixels that belong to a run of at least `length` True values along axis 1.

    Rows are independent: computed `_STRIP_ROWS` rows at a time, so the int32
    running sums never cover the whole page (they took ~90 MB on an A4 page at 200 dpi).
    """
    h, w = mask.shape
    if w < length:
        return np.zeros_like(mask)
    out = np.empty(mask.shape, dtype=bool)
    for top in range(0, h, _STRIP_ROWS):
        out[top : top + _STRIP_ROWS] = _runs_strip(mask[top : top + _STRIP_ROWS], length)
    return out


def _runs_strip(mask: np.ndarray, length: int) -> np.ndarray:
    h, w = mask.shape
    c = np.zeros((h, w + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=c[:, 1:])
    full = (c[:, length:] - c[:, :-length]) == length  # full[:, s]: run covers s .. s+length-1
    f = np.zeros((h, full.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=f[:, 1:])
    x = np.arange(w)
    hi = np.minimum(x, full.shape[1] - 1) + 1
    lo = np.maximum(0, x - length + 1)
    return (f[:, hi] - f[:, lo]) > 0


def _remove_rulings(grey: Image.Image) -> tuple[Image.Image, list[tuple[int, int, int]]]:
    """Erase long horizontal/vertical lines (table borders); return the vertical ones."""
    a = np.asarray(grey)
    dark = a < 200  # rulings blur to grey 130-180 on 150-dpi scans
    h, w = dark.shape
    horiz = _runs(dark, max(60, w // 8))
    vert = _runs(dark.T, max(60, h // 30)).T
    lines = horiz | vert
    # thicken by one pixel so anti-aliased edges go too
    lines[:, 1:] |= lines[:, :-1]
    lines[1:, :] |= lines[:-1, :]
    out = a.copy()
    out[lines] = 255
    columns: list[tuple[int, int, int]] = []
    col_has = vert.any(axis=0)
    x = 0
    while x < w:
        if not col_has[x]:
            x += 1
            continue
        x0 = x
        while x < w and col_has[x]:
            x += 1
        if x - x0 > 8:  # a dark area (desk, shadow), not a ruling
            continue
        on = vert[:, x0:x].any(axis=1)
        ys = np.nonzero(on)[0]
        # contiguous stretches (gaps up to 4 px): a desk edge and a table border are different stretches
        breaks = np.nonzero(np.diff(ys) > 4)[0]
        for seg in np.split(ys, breaks + 1):
            top, bottom = int(seg[0]), int(seg[-1])
            if bottom - top < h // 30:
                continue
            # a table ruling meets horizontal rulings (at least two) along its length
            touching = horiz[top : bottom + 1, max(0, x0 - 4) : x + 4].any(axis=1)
            crossings = int(np.count_nonzero(np.diff(touching.astype(np.int8)) == 1) + touching[0])
            if crossings >= 2:
                columns.append(((x0 + x) // 2, top, bottom))
    return Image.fromarray(out), columns


def prepare(image: Image.Image) -> PreparedPage:
    """Grey, enlarged if small, light-flattened, despeckled, deskewed, table rulings removed.

    Measured alternatives that lost field values on the samples: flattening and
    despeckling before enlarging (faster by ~0.2 s, but thin strokes and rulings
    fade), one affine resampling for enlarging + rotating (rulings go lighter).
    """
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGB", "RGBA", "CMYK", "P", "YCbCr"):
        # the red channel: black text stays black, red seals and stamps fade into the paper
        # (measured on the phone photos: field values found 29/33 → 30/33)
        grey = image.convert("RGB").getchannel("R")
    else:
        grey = image.convert("L")
    scale = 1.0
    if grey.width < _MIN_WIDTH:
        scale = _MIN_WIDTH / grey.width
        grey = grey.resize((_MIN_WIDTH, round(grey.height * scale)), Image.Resampling.LANCZOS)
    grey = _flatten_light(grey).filter(ImageFilter.MedianFilter(3))  # scanner speckle
    skew = _skew_angle(grey)
    if abs(skew) > 0.05:
        grey = grey.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    cleaned, columns = _remove_rulings(grey)
    return PreparedPage(image=cleaned, scale=scale, skew=skew, columns=columns)


# ------------------------------------------------------------------ tesseract


def _encode(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # PGM for grey: no compression cost
    return buf.getvalue()


def run_tesseract(image_bytes: bytes, lang: str, psm: int = 6, timeout: float = PAGE_TIMEOUT_S) -> str:
    """Run `tesseract stdin stdout -l lang --psm psm tsv` single-threaded; return the TSV text.

    Raises OcrError if the binary is missing, times out or exits with an error.
    """
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", lang, "--psm", str(psm), "tsv"],
            input=image_bytes,
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except FileNotFoundError as exc:
        raise OcrError("tesseract is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract took more than {timeout:.0f} s") from exc
    if proc.returncode != 0:
        raise OcrError(proc.stderr.decode("utf-8", "replace").strip()[-300:])
    return proc.stdout.decode("utf-8", "replace")


@dataclass
class _Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    conf: float


def _tsv_lines(tsv: str) -> list[list[_Word]]:
    groups: dict[tuple[int, int, int, int], list[_Word]] = {}
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text:
            continue
        left, top, width, height = (int(parts[i]) for i in (6, 7, 8, 9))
        key = (int(parts[1]), int(parts[2]), int(parts[3]), int(parts[4]))
        groups.setdefault(key, []).append(_Word(text, left, top, left + width, top + height, float(parts[10])))
    return list(groups.values())


_NOISE = re.compile(r"^[|¦¡!\[\]{}_~`'\"‘’“”.,:;‹›»«©®°\\/]+$")  # specks and ruling remnants read as marks


def _join(words: list[_Word], columns: list[tuple[int, int, int]]) -> str:
    """Words of a line, with " | " where a table's vertical ruling stood between two words.

    Marks standing alone at a line's edge or next to a ruling ("|", "!", "_") are
    remnants of rulings, punch holes or speckle, and are dropped.
    """
    parts: list[str] = []
    for i, word in enumerate(words):
        if i:
            prev = words[i - 1]
            mid = (prev.top + prev.bottom) // 2
            if any(prev.right - 3 <= x <= word.left + 3 and top <= mid <= bottom for x, top, bottom in columns):
                parts.append("|")
        parts.append(word.text)
    kept: list[str] = []
    for i, part in enumerate(parts):
        if part != "|" and _NOISE.match(part):
            edge = i == 0 or i == len(parts) - 1 or parts[i - 1] == "|" or parts[i + 1] == "|"
            if edge or part in ("|", "¦"):
                continue
        if part == "|" and (not kept or kept[-1] == "|"):
            continue
        kept.append(part)
    while kept and kept[-1] == "|":
        kept.pop()
    return " ".join(kept)


def page_lines(prepared: PreparedPage, tsv: str, page: int) -> list[Line]:
    """Lines of one page from Tesseract's TSV, boxes in the original image's pixels."""
    lines: list[Line] = []
    for words in _tsv_lines(tsv):
        words.sort(key=lambda w: w.left)
        s = prepared.scale
        box = (
            min(w.left for w in words) / s,
            min(w.top for w in words) / s,
            max(w.right for w in words) / s,
            max(w.bottom for w in words) / s,
        )
        confs = [max(w.conf, 0.0) for w in words]
        confidence = round(sum(confs) / len(confs) / 100.0, 3)
        text = _join(words, prepared.columns)
        # a signature, seal, fold or punch hole read as letters: nothing to read, very unsure
        if confidence < _MIN_LINE_CONFIDENCE or not any(c.isalnum() for c in text):
            continue
        lines.append(Line(text=text, page=page, box=box, confidence=confidence))
    lines.sort(key=lambda ln: (ln.box[1] if ln.box else 0.0))
    return lines


def _unreadable(lines: list[Line]) -> bool:
    """Few lines, or mostly unsure ones: a page on its side or upside down reads like this."""
    if len(lines) < 5:
        return True
    return sum(ln.confidence for ln in lines) / len(lines) < 0.6


def osd_rotation(image: Image.Image, timeout: float = PAGE_TIMEOUT_S) -> int:
    """Degrees to turn the page clockwise so the text stands upright (0, 90, 180, 270).

    Tesseract's orientation detection (`--psm 0`, model `osd`); 0 when it is unsure.
    Raises OcrError if Tesseract fails.
    """
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        proc = subprocess.run(
            [TESSERACT, "stdin", "stdout", "--psm", "0", "-l", "osd"],
            input=_encode(image),
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except FileNotFoundError as exc:
        raise OcrError("tesseract is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract took more than {timeout:.0f} s") from exc
    out = proc.stdout.decode("utf-8", "replace")
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if proc.returncode != 0 or not rotate or not confidence or float(confidence.group(1)) < 1.0:
        return 0
    return int(rotate.group(1)) % 360


def ocr_page(image: Image.Image, page: int, lang: str) -> list[Line]:
    """Prepare and read one page; a page that reads badly is checked for orientation
    (`osd_rotation`) and read again turned upright. Raises OcrError if Tesseract fails.
    """
    prepared = prepare(image)
    lines = page_lines(prepared, run_tesseract(_encode(prepared.image), lang), page)
    if not _unreadable(lines):
        return lines
    upright = ImageOps.exif_transpose(image)
    # on the image as it came: the prepared one (thresholded speckle, rulings gone) gave
    # the sample photo turned 90° an orientation confidence of 0.77 instead of 14.9
    rotation = osd_rotation(upright.convert("L"))
    if rotation == 0:
        return lines
    turned = prepare(upright.rotate(-rotation, expand=True))
    again = page_lines(turned, run_tesseract(_encode(turned.image), lang), page)
    # boxes of `again` are in the turned page's pixels

    def weight(ls: list[Line]) -> float:
        return sum(ln.confidence * len(ln.text) for ln in ls)

    return again if weight(again) > weight(lines) else lines


def ocr_pages(images: Iterable[tuple[int, Image.Image]], limits: Limits) -> list[list[Line] | OcrError]:
    """OCR pages (page number, image) in parallel, `limits.ocr_workers` at once; results in order.

    `images` may be a generator (pages rendered on demand): it is advanced in the calling
    thread only when a worker is free, so at most `ocr_workers` page images (plus the one
    being made) are alive at once, whatever the number of pages.
    """

    def one(item: tuple[int, Image.Image]) -> list[Line] | OcrError:
        try:
            return ocr_page(item[1], item[0], limits.ocr_lang)
        except OcrError as exc:
            return exc

    workers = max(1, limits.ocr_workers)
    results: dict[int, list[Line] | OcrError] = {}
    running: dict[Future, int] = {}

    def collect(block_until_one: bool) -> None:
        done, _ = wait(running, return_when=FIRST_COMPLETED) if block_until_one else (list(running), None)
        for fut in done:
            results[running.pop(fut)] = fut.result()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for index, item in enumerate(images):
            running[pool.submit(one, item)] = index
            del item  # the worker holds the only reference: freed when its page is read
            if len(running) >= workers:
                collect(block_until_one=True)
        wait(running)
        collect(block_until_one=False)
    return [results[i] for i in range(len(results))]


# ------------------------------------------------------------------ images


def open_image(name: str, data: bytes, limits: Limits) -> Image.Image | DocumentError:
    """Open an image file within the pixel limit (Pillow's decompression-bomb guard)."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            w, h = probe.size
        if w * h > limits.max_image_pixels:
            return _too_large(name, w, h, limits)
        image = Image.open(io.BytesIO(data))
        image.load()
        return image
    except Image.DecompressionBombError:
        return DocumentError(name=name, code="too-large", reason="Ảnh quá lớn (số điểm ảnh vượt giới hạn).")
    except (OSError, ValueError, SyntaxError):
        return DocumentError(name=name, code="corrupt", reason="Tệp ảnh bị hỏng, không mở được.")


def _too_large(name: str, w: int, h: int, limits: Limits) -> DocumentError:
    return DocumentError(
        name=name,
        code="too-large",
        reason=f"Ảnh quá lớn ({w}×{h} điểm ảnh, giới hạn {limits.max_image_pixels:,} điểm ảnh).",
    )


def read_image(name: str, data: bytes, limits: Limits) -> Document | DocumentError:
    """OCR an image file (photo or scan; a multi-page TIFF page by page, up to `limits.max_pages`)."""
    opened = open_image(name, data, limits)
    if isinstance(opened, DocumentError):
        return opened
    warnings: list[str] = []
    n_frames = getattr(opened, "n_frames", 1)
    read: list[int] = []

    def frames() -> Iterator[tuple[int, Image.Image]]:
        """Frames one at a time (a multi-page TIFF is not copied whole into memory)."""
        for i in range(min(n_frames, limits.max_pages)):
            try:
                opened.seek(i)
                frame = opened.copy() if n_frames > 1 else opened
            except (OSError, EOFError):
                return
            read.append(i + 1)
            yield (i + 1, frame)

    results = ocr_pages(frames(), limits)
    if not read:
        return DocumentError(name=name, code="corrupt", reason="Tệp ảnh bị hỏng, không mở được.")
    if n_frames > limits.max_pages:
        warnings.append(f"Ảnh có {n_frames} trang; chỉ đọc {limits.max_pages} trang đầu.")
    lines: list[Line] = []
    for page, result in zip(read, results):
        if isinstance(result, OcrError):
            warnings.append(f"Không nhận dạng được chữ ở trang {page}: {result}")
        else:
            lines.extend(result)
    if not lines and warnings:
        return DocumentError(name=name, code="ocr-failed", reason="Không nhận dạng được chữ trong ảnh. " + warnings[-1])
    return Document(name=name, format=DocFormat.IMAGE, lines=lines, pages=len(read), ocr=True, warnings=warnings)
