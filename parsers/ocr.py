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
  positions are kept to put " | " between a label and its value. A worn copier's
  fold (a dark line inside a wide grey shadow) is not erased with the text it
  crosses: only its grey goes (the digits of amounts and phones under it survive);
- the contrast stretch's black point is bounded (`_MAX_BLACK_POINT`): a near-blank
  signature page no longer turns into grain noise.

A page that reads badly (few lines, mean confidence < 0.6) is checked with
Tesseract's orientation detection (`--psm 0`, ~0.6 s) and read again upright:
photos without EXIF orientation, pages scanned sideways or upside down.

Page segmentation `--psm 6` (one uniform block: a form row stays one line);
`--psm 4` and `--psm 3` found no more field values on the sample scans.

Unsure lines are read again (`_reread`): lines under 0.8 confidence and the dropped
ones (a signature read together with the typed name under it) are cropped, their
mid-greys whitened (a red seal prints at ~150 on a grey scan, black type < 60), the
crops stacked on one sheet and read by one Tesseract call per white level; a re-read
replaces the line when it is surer (measured on the dev samples: signed_by on pdf-scan
0.67 → 0.78; the photo whose signer's name was lost under the signature now reads it).

Memory: pages come from a generator and are made only when a worker is free
(`ocr_pages`), and the numpy steps work by strips of rows, so a 20-page scan
holds at most `ocr_workers` + 1 page bitmaps and a few MB of working arrays.

Output: Tesseract TSV (`tsv` config): words with boxes and confidences, grouped
into lines (block, paragraph, line); a line's confidence is its words' mean / 100.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import unicodedata
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
# ×100 (Tesseract's scale): a word without letters or digits this unsure at a line's end is a speck
_SPECK_CONFIDENCE = 60
# grey level; the contrast stretch never takes a lighter black point. Worn-copier scans print
# black at 80-100 after flattening; a blank signature page's darkest 1 % is grain at ~250.
_MAX_BLACK_POINT = 100
# Re-reading of unsure lines (`_reread`): lines under this confidence (and dropped ones) are
# read again from a crop whose greys from _REREAD_WHITES up are whitened (red seals on grey scans
# print at ~150, black type under them at < 60); the re-read is kept when its confidence
# is at least _REREAD_GAIN higher. At most _REREAD_MAX_LINES crops a page.
_REREAD_BELOW = 0.8
_REREAD_FLOOR = 0.8  # a dropped line's re-read must reach this to be kept (scribbles re-read as scribbles)
# tried in order: 200 keeps faint worn-copier type; 170 also whitens a darker seal, kept
# only when it reads _REREAD_GAIN surer (measured on the sample scans' unsure lines)
_REREAD_WHITES = (200, 170)
_REREAD_GAIN = 0.1
_REREAD_MAX_LINES = 8
# `_remove_rulings`: a fold's shadow is grey in _FOLD_SHADOW (after flattening) at each of
# _FOLD_REACH_PX above and below its dark core (a ruling has paper there); the fold's core
# prints at 123-147 on the sample copier scans, the type crossing it darker than _FOLD_INK.
_FOLD_SHADOW = (150, 228)
_FOLD_REACH_PX = (8, 11)
_FOLD_SHADOW_RUN_PX = 24
_FOLD_WIDEN_PX = 160
_FOLD_INK = 110
# a one-character word this many line heights away from the rest of its line is a speck
_LONE_GAP = 6
# ×100: a word read less surely than this is listed in its line's `unsure` words (the extractor
# mends the marks of a name's syllable only then). On the sample scans, misread name syllables
# read at 75-81 ("Đỏ", "phãm"); right ones mostly at 93-97, a few lower.
_UNSURE_WORD = 90
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


def _widen(mask: np.ndarray, px: int) -> np.ndarray:
    """`mask` grown by `px` pixels to the left and right along each row (by strips of rows)."""
    h, w = mask.shape
    x = np.arange(w)
    hi = np.minimum(x + px + 1, w)
    lo = np.maximum(x - px, 0)
    out = np.empty(mask.shape, dtype=bool)
    for top in range(0, h, _STRIP_ROWS):
        strip = mask[top : top + _STRIP_ROWS]
        c = np.zeros((strip.shape[0], w + 1), dtype=np.int32)
        np.cumsum(strip, axis=1, out=c[:, 1:])
        out[top : top + _STRIP_ROWS] = (c[:, hi] - c[:, lo]) > 0
    return out


def _remove_rulings(grey: Image.Image) -> tuple[Image.Image, list[tuple[int, int, int]]]:
    """Erase long horizontal/vertical lines (table borders); return the vertical ones."""
    a = np.asarray(grey)
    dark = a < 200  # rulings blur to grey 130-180 on 150-dpi scans
    h, w = dark.shape
    horiz = _runs(dark, max(60, w // 8))
    # a worn copier's fold is a long dark line too, but inside a wide grey shadow, where a
    # ruling has paper a few pixels above and below it: erased like a ruling, it took the
    # middle of the text crossing it (digits of amounts and phone numbers); there only the
    # fold's grey goes, the darker type stays
    # (grey without a break along the row: the anti-aliased edges of text are grey too, in bits)
    shadow = _runs((a > _FOLD_SHADOW[0]) & (a < _FOLD_SHADOW[1]), _FOLD_SHADOW_RUN_PX)
    fold = horiz.copy()
    for d in _FOLD_REACH_PX:
        fold[d:] &= shadow[:-d]  # grey d px above
        fold[:-d] &= shadow[d:]  # and d px below
        fold[:d] = False
        fold[-d:] = False
    fold = _widen(fold, _FOLD_WIDEN_PX) & horiz
    horiz &= ~fold
    vert = _runs(dark.T, max(60, h // 30)).T
    lines = horiz | vert
    # thicken by one pixel so anti-aliased edges go too
    lines[:, 1:] |= lines[:, :-1]
    lines[1:, :] |= lines[:-1, :]
    out = a.copy()
    out[lines] = 255
    out[fold & (a > _FOLD_INK)] = 255
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


def _tesseract(args: list[str], image_bytes: bytes, timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run `tesseract stdin stdout ARGS` single-threaded (OMP_THREAD_LIMIT=1: 0.9 s instead of 5.8 s
    a page here, and pages run one per core instead). The caller judges the exit status.

    Raises OcrError if the binary is missing or runs longer than `timeout` seconds.
    """
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        return subprocess.run([TESSERACT, "stdin", "stdout", *args], input=image_bytes, capture_output=True,
                              timeout=timeout, env=env, check=False)
    except FileNotFoundError as exc:
        raise OcrError("tesseract is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract took more than {timeout:.0f} s") from exc


def run_tesseract(image_bytes: bytes, lang: str, psm: int = 6, timeout: float = PAGE_TIMEOUT_S) -> str:
    """Run `tesseract stdin stdout -l lang --psm psm tsv` single-threaded; return the TSV text.

    Raises OcrError if the binary is missing, times out or exits with an error.
    """
    proc = _tesseract(["-l", lang, "--psm", str(psm), "tsv"], image_bytes, timeout)
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


def _is_text_char(c: str) -> bool:
    # a modifier letter ("ˆ" U+02C6, category Lm) is what Tesseract reads in a seal's edge
    return c.isalnum() and unicodedata.category(c) != "Lm"


def _edge_speck(word: _Word) -> bool:
    """An unsure word at a line's end made mostly of marks ("`", "l——"): a speck or a ruling's end."""
    chars = [c for c in unicodedata.normalize("NFC", word.text) if not unicodedata.category(c).startswith("M")]
    letters = sum(1 for c in chars if _is_text_char(c))
    return word.conf < _SPECK_CONFIDENCE and letters * 2 < len(chars)


def page_lines(prepared: PreparedPage, tsv: str, page: int, dropped: list[Line] | None = None) -> list[Line]:
    """Lines of one page from Tesseract's TSV, boxes in the original image's pixels.

    Lines too unsure to keep are appended to `dropped` when it is given (candidates for `_reread`).
    """
    lines: list[Line] = []
    for words in _tsv_lines(tsv):
        words.sort(key=lambda w: w.left)
        # unsure "letters" a few pixels tall beside full-height words are a leftover of an erased
        # ruling or a fold ("ảnn" 1 px tall at confidence 0 after a heading): not text
        # (dashes and dots are flat by nature and are kept)
        tall = sorted(w.bottom - w.top for w in words)[len(words) // 2]
        flat = [w for w in words if w.bottom - w.top < 0.3 * tall and w.conf < _SPECK_CONFIDENCE
                and any(c.isalpha() for c in w.text)]
        if flat and len(flat) < len(words):
            words = [w for w in words if w not in flat]
        # unsure marks at a line's ends (specks, a seal's edge, a signature's tail): not text
        while len(words) > 1 and _edge_speck(words[0]):
            words.pop(0)
        while len(words) > 1 and _edge_speck(words[-1]):
            words.pop()
        # a lone character far from the line's words (a page's edge, a punch hole): not text, and
        # its box would stretch the line's to the margin
        while len(words) > 1 and len(words[-1].text) == 1 and words[-1].left - words[-2].right > _LONE_GAP * tall:
            words.pop()
        while len(words) > 1 and len(words[0].text) == 1 and words[1].left - words[0].right > _LONE_GAP * tall:
            words.pop(0)
        s = prepared.scale
        box = (
            min(w.left for w in words) / s,
            min(w.top for w in words) / s,
            max(w.right for w in words) / s,
            max(w.bottom for w in words) / s,
        )
        confs = [max(w.conf, 0.0) for w in words]
        confidence = round(sum(confs) / len(confs) / 100.0, 3)
        # Tesseract's `vie` model reads some slashes as the fraction slash U+2044 ("03/2015⁄HC")
        text = _join(words, prepared.columns).replace("\u2044", "/")
        # a signature, seal, fold or punch hole read as letters: nothing to read, very unsure
        if confidence < _MIN_LINE_CONFIDENCE or not any(c.isalnum() for c in text):
            if dropped is not None:
                dropped.append(Line(text=text, page=page, box=box, confidence=confidence))
            continue
        unsure = [w.text for w in words if w.conf < _UNSURE_WORD]
        lines.append(Line(text=text, page=page, box=box, confidence=confidence, unsure=unsure))
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
    proc = _tesseract(["--psm", "0", "-l", "osd"], _encode(image), timeout)
    out = proc.stdout.decode("utf-8", "replace")
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    confidence = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if proc.returncode != 0 or not rotate or not confidence or float(confidence.group(1)) < 1.0:
        return 0
    return int(rotate.group(1)) % 360


def _whiten(image: Image.Image, white: int) -> Image.Image:
    """Grey levels at or above `white` become paper; darker ones are stretched to 0..255."""
    lut = np.clip(np.arange(256, dtype=np.float32) * 255.0 / white, 0, 255).astype(np.uint8)
    return image.point(lut.tolist())


def _same_place(a: Line, b: Line) -> bool:
    """The two lines' boxes overlap over half the shorter one's height (and horizontally)."""
    assert a.box is not None and b.box is not None
    dy = min(a.box[3], b.box[3]) - max(a.box[1], b.box[1])
    dx = min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])
    return dx > 0 and dy > 0.5 * min(a.box[3] - a.box[1], b.box[3] - b.box[1])


Area = tuple[int, int, int, int]  # left, top, right, bottom in prepared pixels

_SHEET_GAP = 40  # px of white between the crops stacked on one sheet (more than a line gap)


def _read_crops(prepared: PreparedPage, areas: list[Area], white: int, page: int, lang: str) -> list[list[Line]]:
    """Lines read from each area of the page, greys from `white` up whitened; boxes in the
    original image's pixels. Lines cut by a crop's side (a piece of a word) are left out.

    The crops are stacked on one white sheet and read by one Tesseract call (a process
    start and the `vie` model load cost ~0.2 s: one call a sheet, not one a line).
    Raises OcrError if Tesseract fails.
    """
    crops = [_whiten(prepared.image.crop(a), white) for a in areas]
    gap = _SHEET_GAP
    sheet = Image.new("L", (max(c.width for c in crops) + 2 * gap, sum(c.height + gap for c in crops) + gap), 255)
    tops: list[int] = []
    columns: list[tuple[int, int, int]] = []
    y = gap
    for (x0, y0, x1, y1), crop in zip(areas, crops):
        sheet.paste(crop, (gap, y))
        tops.append(y)
        columns += [(x - x0 + gap, max(t, y0) - y0 + y, min(b, y1) - y0 + y)
                    for x, t, b in prepared.columns if x0 <= x < x1 and t < y1 and b > y0]
        y += crop.height + gap
    read = page_lines(PreparedPage(image=sheet, scale=1.0, skew=0.0, columns=columns),
                      run_tesseract(_encode(sheet), lang), page)
    s = prepared.scale
    out: list[list[Line]] = [[] for _ in areas]
    for ln in read:
        assert ln.box is not None
        left, top, right, bottom = ln.box
        middle = (top + bottom) / 2
        for k, ((x0, y0, x1, y1), crop_top) in enumerate(zip(areas, tops)):
            if crop_top <= middle < crop_top + (y1 - y0):
                if left > gap + 2 and right < gap + (x1 - x0) - 2:  # not cut by the crop's sides
                    dx, dy = x0 - gap, y0 - crop_top
                    box = ((left + dx) / s, (top + dy) / s, (right + dx) / s, (bottom + dy) / s)
                    out[k].append(ln.model_copy(update={"box": box}))
                break
    return out


def _reread(prepared: PreparedPage, lines: list[Line], dropped: list[Line], page: int, lang: str) -> list[Line]:
    """Read unsure lines again from crops with the mid-greys whitened; keep what reads surer.

    A red seal (mid-grey on a grey scan, ~150) or a signature stroke over a typed name
    makes Tesseract read the whole line badly ("ys 3 Fâm Gia Đạt" at 0.56); whitened, the
    seal disappears while the black type stays ("Lâm Gia Đạt" at 0.96). Whitening the
    whole page instead lost faint text on worn-copier scans. At most `_REREAD_MAX_LINES`
    crops a page, the least sure first, read in one Tesseract call per white level.
    Raises OcrError if Tesseract fails.
    """
    candidates = [ln for ln in lines if ln.confidence < _REREAD_BELOW] + dropped
    candidates = sorted((ln for ln in candidates if ln.box is not None), key=lambda ln: ln.confidence)
    s = prepared.scale
    width, height = prepared.image.size
    chosen: list[tuple[Line, Area, bool]] = []
    for ln in candidates:
        assert ln.box is not None
        was_dropped = ln.confidence < _MIN_LINE_CONFIDENCE or not any(_is_text_char(c) for c in ln.text)
        x0, y0, x1, y1 = (round(v * s) for v in ln.box)
        if y1 - y0 < 8 or x1 - x0 < 8:
            continue
        # a dropped line is often a signature read together with the typed name under it:
        # the crop reaches a line height further up and down
        pad_y = max(8, (y1 - y0) if was_dropped else (y1 - y0) // 3)
        pad_x = max(16, 3 * (y1 - y0) if was_dropped else (y1 - y0) // 2)
        area = (max(0, x0 - pad_x), max(0, y0 - pad_y), min(width, x1 + pad_x), min(height, y1 + pad_y))
        chosen.append((ln, area, was_dropped))
        if len(chosen) == _REREAD_MAX_LINES:
            break
    if not chosen:
        return lines
    # readings per candidate: (confidence, lines) for each white level tried
    readings: list[list[tuple[float, list[Line]]]] = [[] for _ in chosen]
    todo = list(range(len(chosen)))
    for white in _REREAD_WHITES:
        if not todo:
            break
        got = _read_crops(prepared, [chosen[k][1] for k in todo], white, page, lang)
        for k, again in zip(todo, got):
            floor = _REREAD_FLOOR if chosen[k][2] else 0.0
            again = [a for a in again if a.confidence >= floor]
            if again:
                conf = sum(a.confidence * len(a.text) for a in again) / sum(len(a.text) for a in again)
                readings[k].append((conf, again))
        todo = [k for k in todo if not readings[k] or max(c for c, _ in readings[k]) < 0.9]
    replaced: dict[int, list[Line]] = {}
    # the surest readings first: where two crops caught the same line, the better reading stays
    order = sorted(range(len(chosen)), key=lambda k: -max((c for c, _ in readings[k]), default=0.0))
    for (ln, _, was_dropped), tried in ((chosen[k], readings[k]) for k in order):
        others = [o for o in lines if o is not ln and o.box is not None and o.confidence >= _REREAD_BELOW]
        others += [a for got in replaced.values() for a in got]
        best: tuple[float, list[Line]] = (0.0, [])
        for conf, again in tried:  # a later white level only when clearly surer
            # parts of neighbouring lines caught by the crop are already read: not twice
            again = [a for a in again if not any(_same_place(a, o) for o in others)]
            if again:
                conf = sum(a.confidence * len(a.text) for a in again) / sum(len(a.text) for a in again)
                if not best[1] or conf >= best[0] + _REREAD_GAIN:
                    best = (conf, again)
        new_conf, again = best
        if not again:
            continue
        new_chars = sum(len(a.text) for a in again)
        if new_conf >= ln.confidence + _REREAD_GAIN and (was_dropped or new_chars >= 0.5 * len(ln.text)):
            replaced[id(ln)] = again
    if not replaced:
        return lines
    accepted = [a for got in replaced.values() for a in got]
    out: list[Line] = []
    for ln in lines:
        if id(ln) in replaced:
            out.extend(replaced[id(ln)])
        elif ln.confidence < _REREAD_BELOW and any(
            _same_place(ln, a) and a.confidence > ln.confidence for a in accepted
        ):
            continue  # read again, surer, from a neighbour's crop
        else:
            out.append(ln)
    for ln in dropped:
        out.extend(replaced.get(id(ln), []))
    out.sort(key=lambda ln: (ln.box[1] if ln.box else 0.0))
    return out


def ocr_page(image: Image.Image, page: int, lang: str) -> list[Line]:
    """Prepare and read one page; a page that reads badly is checked for orientation
    (`osd_rotation`) and read again turned upright; unsure lines are read again (`_reread`).
    Raises OcrError if Tesseract fails.
    """
    prepared = prepare(image)
    dropped: list[Line] = []
    lines = page_lines(prepared, run_tesseract(_encode(prepared.image), lang), page, dropped)
    if _unreadable(lines):
        upright = ImageOps.exif_transpose(image)
        # on the image as it came: the prepared one (thresholded speckle, rulings gone) gave
        # the sample photo turned 90° an orientation confidence of 0.77 instead of 14.9
        rotation = osd_rotation(upright.convert("L"))
        if rotation != 0:
            turned = prepare(upright.rotate(-rotation, expand=True))
            turned_dropped: list[Line] = []
            again = page_lines(turned, run_tesseract(_encode(turned.image), lang), page, turned_dropped)
            # boxes of `again` are in the turned page's pixels
            if _weight(again) > _weight(lines):
                prepared, lines, dropped = turned, again, turned_dropped
    return _reread(prepared, lines, dropped, page, lang)


def _weight(lines: list[Line]) -> float:
    return sum(ln.confidence * len(ln.text) for ln in lines)


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
