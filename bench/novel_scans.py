"""Extraction accuracy on the novel petitions printed, then scanned or photographed (OCR path).

    .venv/bin/python -m bench.novel_scans [--variants clean,scan,photo] [--ids two_debtors,usd_amount]
                                          [--misses] [--save DIR] [--jobs N]

The development samples hold few scans, so this bench makes some from the petitions they never
show (`tests.parsers.novel_petitions.novel_cases()` and `tests.parsers.novel_petitions_more.more_cases()`).
For each case:

1. its `doc.lines` are typeset, in order, on A4 pages at 200 dpi as a citizen's printed petition
   looks: white paper, black serif type with Vietnamese glyphs (Liberation Serif 13 pt, or DejaVu
   Serif 12 pt), 2 cm margins, the national motto and the title centred; a line is a paragraph,
   wrapped to the text width like a word processor does (short lines stay as they are). A
   "label | value" line is a row of a form table (label column 35 % of the width, thin rulings
   around the cells); an upper-case heading just before a table row (a DOCX section row) spans
   both columns. Nothing is read from the shared samples;
2. each page is degraded in named variants, deterministically (a numpy RNG seeded with the case id
   and the variant):
   - `clean`: the page as rendered, 200 dpi PNG;
   - `scan`: 150 dpi, light grey paper, grey type, rotated ±1.5°, gaussian blur 0.6 px,
     gaussian noise σ 8, JPEG quality 75;
   - `photo`: a phone photo cropped to the page: warm paper, rotated ±3° (no perspective; the
     desk shows in the corners), uneven light (a gradient darkening one side by 25-40 %),
     1600 px wide, slight blur and noise, JPEG quality 70;
   - `desk` (only when asked for): `photo` uncropped, the desk showing all round the page (3-6 %
     of the width). Its page edges are read as letters at the lines' ends ("… TP.HCM Ị") and its
     dark band above the page hides the table's column rulings from `parsers.ocr`;
   - `text` (only when asked for): the case's `Document` as built, no rendering or OCR; its
     misses are the extractor's own, whatever the OCR does;
3. each page image goes through `parsers.ocr.read_image` (encoded bytes, `Limits()`), the pages'
   lines are joined into one `Document` (pages renumbered), and `parsers.petition.extract` reads
   it. Fields are compared as tests/parsers/test_petition_novel.py does: the paths of
   `bench.accuracy.field_paths()`, `norm(value, case.folded)`, the case's `skip` paths left out.

Printed: the share of cases right per field and variant (`*` below 0.93, the scan target of
bench/accuracy.py), the mean over fields, the fields right, the seconds per case (OCR +
extraction, rendering excluded); with `--misses` every wrong field. `--save DIR` writes the page
images as given to the OCR and each variant's OCR text (`<id>-<variant>.txt`) for a human to look at.

OCR already keeps both cores busy on a multi-page document (`Limits().ocr_workers`), but most
petitions here fit on one page and read one core at a time: `--jobs 2` runs two cases at once.
A full run (86 cases, 3 variants) took 3 minutes here with `--jobs 2`.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from bench.accuracy import field_paths, get, norm
from parsers.model import DocFormat, Document, DocumentError, Fields, Limits
from parsers.ocr import read_image
from parsers.petition import extract
from tests.parsers.novel_petitions import Novel, novel_cases
from tests.parsers.novel_petitions_more import more_cases

VARIANTS = ("clean", "scan", "photo")  # the default
ALL_VARIANTS = ("text", *VARIANTS, "desk")  # "text": no rendering nor OCR; "desk": photo with the desk all round
TARGET = 0.93  # pdf-scan / jpg target of bench/accuracy.py

# --------------------------------------------------------------------------- page geometry

DPI = 200
PAGE_W, PAGE_H = round(210 / 25.4 * DPI), round(297 / 25.4 * DPI)  # A4: 1654 × 2339 px
MARGIN = round(2.0 / 2.54 * DPI)  # 2 cm: 157 px
TEXT_W = PAGE_W - 2 * MARGIN
LABEL_SHARE = 0.35  # of the text width, for a table's label column
CELL_PAD_X, CELL_PAD_Y = 14, 8  # px inside a table cell
RULE_PX = 2  # a table ruling: 0.25 mm
LINE_SPACING = 1.3  # line height / font size
PARAGRAPH_GAP = 0.35  # extra space after a paragraph, in lines

# (regular, bold, size in points): the first one installed is used
FONTS = [
    ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf", 13),
    ("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf", 13),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 12),
]
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


@dataclass(frozen=True)
class Fonts:
    regular: ImageFont.FreeTypeFont
    bold: ImageFont.FreeTypeFont

    @property
    def line_h(self) -> int:
        return round(self.regular.size * LINE_SPACING)

    def describe(self) -> str:
        """"DejaVu Serif 12 pt at 200 dpi": what the pages are typeset in (for the report)."""
        return f"{self.regular.getname()[0]} {round(self.regular.size * 72 / DPI)} pt at {DPI} dpi"


def load_fonts() -> Fonts:
    """The first serif font of `FONTS` that is installed, at its size for `DPI`."""
    for regular, bold, points in FONTS:
        if Path(regular).exists() and Path(bold).exists():
            size = round(points * DPI / 72)
            return Fonts(ImageFont.truetype(regular, size), ImageFont.truetype(bold, size))
    raise SystemExit("no serif TrueType font with Vietnamese glyphs found (tried: "
                     + ", ".join(r for r, _, _ in FONTS) + ")")


# --------------------------------------------------------------------------- typesetting


@dataclass
class Paragraph:
    text: str
    centred: bool = False
    bold: bool = False


@dataclass
class Table:
    """Consecutive form rows: (label, value), or (heading, None) for a row spanning both cells."""

    rows: list[tuple[str, str | None]] = field(default_factory=list)


Block = Paragraph | Table


def is_row(text: str) -> bool:
    return " | " in text


def is_heading(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def blocks(texts: list[str]) -> list[Block]:
    """The document's lines as paragraphs and tables.

    A line that is not a table row but stands right before one spans the table's width when it
    is an upper-case heading or follows a row (a DOCX section row, merged across both cells).
    """
    out: list[Block] = []
    for i, text in enumerate(texts):
        before_row = i + 1 < len(texts) and is_row(texts[i + 1])
        after_row = i > 0 and is_row(texts[i - 1])
        if is_row(text) or (before_row and (after_row or is_heading(text))):
            if not out or not isinstance(out[-1], Table):
                out.append(Table())
            label, _, value = text.partition(" | ")
            out[-1].rows.append((label, value) if is_row(text) else (text, None))
        else:
            first_title = is_heading(text) and text.startswith("ĐƠN ")
            out.append(Paragraph(text, centred=text in MOTTO or first_title,
                                 bold=text == MOTTO[0] or first_title))
    return out


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """`text` broken into lines no wider than `width` px, at spaces (a longer word is cut)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while font.getlength(word) > width:  # a word wider than the column: cut it
            cut = max(1, max(k for k in range(1, len(word) + 1) if font.getlength(word[:k]) <= width))
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current or not lines:
        lines.append(current)
    return lines


class Sheets:
    """A4 pages being typeset: the pen moves down the current page and starts a new one when full."""

    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.pages: list[Image.Image] = []
        self.y = PAGE_H  # no page yet: the first block starts one

    def room(self, height: int) -> ImageDraw.ImageDraw:
        """A drawing pen on a page with `height` px left below `self.y` (a new page if needed)."""
        if self.y + height > PAGE_H - MARGIN and not (self.pages and self.y == MARGIN):
            self.pages.append(Image.new("L", (PAGE_W, PAGE_H), 255))
            self.y = MARGIN
        return ImageDraw.Draw(self.pages[-1])

    def paragraph(self, p: Paragraph) -> None:
        font = self.fonts.bold if p.bold else self.fonts.regular
        line_h = self.fonts.line_h
        for line in wrap(p.text, font, TEXT_W):
            draw = self.room(line_h)
            x = MARGIN + (TEXT_W - font.getlength(line)) / 2 if p.centred else MARGIN
            draw.text((x, self.y), line, font=font, fill=0)
            self.y += line_h
        self.y += round(PARAGRAPH_GAP * line_h)

    def table(self, t: Table) -> None:
        """Rows with rulings around each cell; a row never splits across pages."""
        line_h = self.fonts.line_h
        label_w = round(TEXT_W * LABEL_SHARE)
        left, middle, right = MARGIN, MARGIN + label_w, MARGIN + TEXT_W
        for label, value in t.rows:
            if value is None:
                cells = [(left, wrap(label, self.fonts.bold, TEXT_W - 2 * CELL_PAD_X), self.fonts.bold)]
            else:
                cells = [(left, wrap(label, self.fonts.regular, label_w - 2 * CELL_PAD_X), self.fonts.regular),
                         (middle, wrap(value, self.fonts.regular, TEXT_W - label_w - 2 * CELL_PAD_X),
                          self.fonts.regular)]
            height = max(len(lines) for _, lines, _ in cells) * line_h + 2 * CELL_PAD_Y
            draw = self.room(height)
            top, bottom = self.y, self.y + height
            for x, lines, font in cells:
                for k, line in enumerate(lines):
                    draw.text((x + CELL_PAD_X, top + CELL_PAD_Y + k * line_h), line, font=font, fill=0)
            draw.rectangle((left, top, right, bottom), outline=0, width=RULE_PX)
            if value is not None:
                draw.line((middle, top, middle, bottom), fill=0, width=RULE_PX)
            self.y = bottom
        self.y += round(PARAGRAPH_GAP * line_h)


def render(texts: list[str], fonts: Fonts) -> list[Image.Image]:
    """The lines typeset on as many A4 pages (grey images, 200 dpi) as they need."""
    sheets = Sheets(fonts)
    for block in blocks(texts):
        if isinstance(block, Table):
            sheets.table(block)
        else:
            sheets.paragraph(block)
    return sheets.pages


# --------------------------------------------------------------------------- degradation


def _encode(image: Image.Image, fmt: str, dpi: int, **options: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, dpi=(dpi, dpi), **options)
    return buf.getvalue()


def _to_image(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def clean(page: Image.Image, rng: np.random.Generator) -> tuple[bytes, str]:
    """The page as rendered: 200 dpi PNG."""
    return _encode(page, "PNG", DPI), "png"


def scan(page: Image.Image, rng: np.random.Generator) -> tuple[bytes, str]:
    """A flatbed scan at 150 dpi: grey paper and type, ±1.5° skew, soft, noisy, JPEG 75."""
    dpi = 150
    small = page.resize((round(PAGE_W * dpi / DPI), round(PAGE_H * dpi / DPI)), Image.Resampling.LANCZOS)
    paper, ink = rng.uniform(228, 242), rng.uniform(20, 45)
    a = ink + (paper - ink) * np.asarray(small, dtype=np.float32) / 255.0
    tilted = _to_image(a).rotate(rng.uniform(-1.5, 1.5), resample=Image.Resampling.BICUBIC, fillcolor=round(paper))
    soft = np.asarray(tilted.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.float32)
    noisy = soft + rng.normal(0.0, 8.0, soft.shape)
    return _encode(_to_image(noisy), "JPEG", dpi, quality=75), "jpg"


DESKS = [(128, 92, 60), (96, 70, 50), (100, 100, 104), (60, 60, 66), (150, 140, 125)]  # wood, grey, dark, beige


def photo(page: Image.Image, rng: np.random.Generator, desk_border: bool = False) -> tuple[bytes, str]:
    """A phone photo from above, cropped to the page: warm paper, ±3° turn (the desk shows in the
    corners), uneven light, 1600 px wide, JPEG 70. With `desk_border`, the desk shows all round
    (3-6 % of the width), as in an uncropped photo."""
    paper = np.array([rng.uniform(232, 245), rng.uniform(226, 238), rng.uniform(210, 225)], dtype=np.float32)
    ink = np.array([40, 38, 48], dtype=np.float32)
    desk_rgb = DESKS[int(rng.integers(len(DESKS)))]
    t = np.asarray(page, dtype=np.float32)[..., None] / 255.0
    rgb = _to_image(ink + (paper - ink) * t)
    shot = rgb.rotate(rng.uniform(-3.0, 3.0), resample=Image.Resampling.BICUBIC, expand=desk_border,
                      fillcolor=desk_rgb)
    if desk_border:
        border = round(PAGE_W * rng.uniform(0.03, 0.06))
        framed = Image.new("RGB", (shot.width + 2 * border, shot.height + 2 * border), desk_rgb)
        framed.paste(shot, (border, border))
        shot = framed
    width = 1600
    shot = shot.resize((width, round(shot.height * width / shot.width)), Image.Resampling.LANCZOS)
    a = np.asarray(shot.filter(ImageFilter.GaussianBlur(0.7)), dtype=np.float32)
    a = a * _light(a.shape[:2], rng)[..., None] + rng.normal(0.0, 5.0, a.shape)
    return _encode(_to_image(a), "JPEG", DPI, quality=70), "jpg"


def desk(page: Image.Image, rng: np.random.Generator) -> tuple[bytes, str]:
    """`photo` with the desk showing all round the page."""
    return photo(page, rng, desk_border=True)


def _light(shape: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
    """Illumination factor per pixel: 1 on the lit side, falling linearly by 25-40 % to the other."""
    h, w = shape
    angle = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    d = xs / w * np.cos(angle) + ys / h * np.sin(angle)
    d = (d - d.min()) / max(float(d.max() - d.min()), 1e-6)
    return (1.0 - rng.uniform(0.25, 0.40) * d).astype(np.float32)


DEGRADE = {"clean": clean, "scan": scan, "photo": photo, "desk": desk}


def seeded(case_id: str, variant: str) -> np.random.Generator:
    """The same noise for a case and variant on every run (Python's `hash` is salted per process)."""
    return np.random.default_rng(zlib.crc32(f"{case_id}/{variant}".encode()))


# --------------------------------------------------------------------------- reading and scoring


@dataclass
class Outcome:
    """One case read in one variant."""

    case: str
    variant: str
    right: dict[str, bool]  # field path -> right, for the paths checked
    misses: list[tuple[str, object, object]]  # (path, want, got), normalised
    seconds: float  # OCR + extraction
    error: str | None = None


def unsupported(case: Novel) -> str | None:
    """Why a case cannot be printed as plain lines, or None."""
    if not case.doc.lines:
        return "no lines"
    if any(ln.text.count(" | ") > 1 for ln in case.doc.lines):
        return "a table row of more than two cells"
    return None


def read_pages(name: str, images: list[tuple[bytes, str]]) -> Document | DocumentError:
    """OCR each page image and join their lines into one Document, pages numbered in order."""
    lines, warnings = [], []
    for number, (data, ext) in enumerate(images, start=1):
        doc = read_image(f"{name}-p{number}.{ext}", data, Limits())
        if isinstance(doc, DocumentError):
            return doc
        lines += [ln.model_copy(update={"page": number}) for ln in doc.lines]
        warnings += doc.warnings
    return Document(name=f"{name}.{images[0][1]}", format=DocFormat.IMAGE, lines=lines, pages=len(images),
                    ocr=True, warnings=warnings)


def compare(case: Novel, got: Fields) -> tuple[dict[str, bool], list[tuple[str, object, object]]]:
    """Right or wrong per checked path, as tests/parsers/test_petition_novel.py compares."""
    want_d, got_d = case.fields.model_dump(), got.model_dump()
    right: dict[str, bool] = {}
    misses = []
    for path in field_paths():
        if path in case.skip:
            continue
        want, have = norm(get(want_d, path), case.folded), norm(get(got_d, path), case.folded)
        right[path] = want == have
        if want != have:
            misses.append((path, want, have))
    return right, misses


def run_case(case: Novel, variants: list[str], save: Path | None) -> list[Outcome]:
    """Render, degrade, OCR and extract one case in each variant."""
    pages = render([ln.text for ln in case.doc.lines], load_fonts()) if set(variants) - {"text"} else []
    out = []
    for variant in variants:
        t0 = time.perf_counter()
        if variant == "text":
            doc: Document | DocumentError = case.doc
        else:
            rng = seeded(case.id, variant)
            images = [DEGRADE[variant](page, rng) for page in pages]
            t0 = time.perf_counter()
            doc = read_pages(f"{case.id}-{variant}", images)
            if save is not None:
                _save(save, case.id, variant, images, doc)
        if isinstance(doc, DocumentError):
            got, error = Fields(), f"{doc.code}: {doc.reason}"
        else:
            got, error = extract(doc).fields, None
        right, misses = compare(case, got)
        out.append(Outcome(case.id, variant, right, misses, time.perf_counter() - t0, error))
    return out


def _save(folder: Path, case_id: str, variant: str, images: list[tuple[bytes, str]],
          doc: Document | DocumentError) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for number, (data, ext) in enumerate(images, start=1):
        (folder / f"{case_id}-{variant}-p{number}.{ext}").write_bytes(data)
    text = doc.text if isinstance(doc, Document) else f"{doc.code}: {doc.reason}"
    (folder / f"{case_id}-{variant}.txt").write_text(text + "\n", encoding="utf-8")


def run(cases: list[Novel], variants: list[str], save: Path | None, jobs: int) -> Iterator[list[Outcome]]:
    """Each case's outcomes, in the cases' order (`jobs` cases in parallel processes)."""
    if jobs <= 1:
        for case in cases:
            yield run_case(case, variants, save)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(run_case, cases, [variants] * len(cases), [save] * len(cases))


# --------------------------------------------------------------------------- report


def shares(outcomes: list[Outcome], variant: str | None) -> dict[str, float]:
    """Share of cases right per field path (over the cases that check it), for one variant or all."""
    out = {}
    for path in field_paths():
        checked = [o.right[path] for o in outcomes if (variant is None or o.variant == variant) and path in o.right]
        out[path] = sum(checked) / len(checked) if checked else 1.0
    return out


def print_report(outcomes: list[Outcome], variants: list[str], show_misses: bool) -> None:
    columns: list[str | None] = [*variants, None] if len(variants) > 1 else list(variants)
    table = {v: shares(outcomes, v) for v in columns}
    head = f"{'field':32}" + "".join(f"{v or 'all':>10}" for v in columns)
    print(head)
    print("-" * len(head))
    for path in field_paths():
        print(f"{path:32}" + "".join(f"{table[v][path]:>9.2f}{'*' if table[v][path] < TARGET else ' '}"
                                     for v in columns))
    print("-" * len(head))
    of = {v: [o for o in outcomes if v is None or o.variant == v] for v in columns}
    right = {v: (sum(sum(o.right.values()) for o in of[v]), sum(len(o.right) for o in of[v])) for v in columns}
    print(f"{'mean over fields':32}" + "".join(f"{statistics.mean(table[v].values()):>9.3f} " for v in columns))
    print(f"{'fields right':32}" + "".join(f"{f'{r}/{t}':>9} " for r, t in right.values()))
    print(f"{'cases':32}" + "".join(f"{len(of[v]):>9d} " for v in columns))
    print(f"{'seconds / case (OCR + extract)':32}"
          + "".join(f"{statistics.mean(o.seconds for o in of[v]):>9.2f} " for v in columns))
    print(f"(* below {TARGET})")
    errors = [o for o in outcomes if o.error]
    if errors:
        print("\nunread:")
        for o in errors:
            print(f"  {o.case} {o.variant}: {o.error}")
    if show_misses:
        print("\nmisses:")
        for o in sorted(outcomes, key=lambda o: (o.case, ALL_VARIANTS.index(o.variant))):
            for path, want, got in o.misses:
                print(f"  {o.case:28} {o.variant:6} {path:28} want={want!r} got={got!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--variants", default=",".join(VARIANTS),
                    help=f"comma-separated, of {', '.join(ALL_VARIANTS)} (default: {','.join(VARIANTS)})")
    ap.add_argument("--ids", help="comma-separated case ids (default: all)")
    ap.add_argument("--misses", action="store_true", help="list every wrong field")
    ap.add_argument("--save", type=Path, metavar="DIR", help="write the page images and OCR texts there")
    ap.add_argument("--jobs", type=int, default=1, help="cases read in parallel processes (default 1)")
    args = ap.parse_args(argv)
    variants = [v for v in args.variants.split(",") if v]
    if not variants or set(variants) - set(ALL_VARIANTS):
        ap.error(f"--variants: choose among {', '.join(ALL_VARIANTS)}")
    cases = novel_cases() + more_cases()
    if args.ids:
        wanted = {i.strip() for i in args.ids.split(",") if i.strip()}
        unknown = wanted - {c.id for c in cases}
        if unknown:
            ap.error(f"unknown case ids: {', '.join(sorted(unknown))}")
        cases = [c for c in cases if c.id in wanted]
    readable = []
    for case in cases:
        reason = unsupported(case)
        if reason:
            print(f"skipped {case.id}: {reason}")
        else:
            readable.append(case)
    t0 = time.perf_counter()
    outcomes: list[Outcome] = []
    for k, got in enumerate(run(readable, variants, args.save, args.jobs), start=1):
        outcomes += got
        wrong = " ".join(f"{o.variant}:{len(o.misses)}" for o in got)
        print(f"[{k}/{len(readable)}] {got[0].case}: wrong fields {wrong}", file=sys.stderr, flush=True)
    print_report(outcomes, variants, args.misses)
    print(f"\n{len(readable)} cases × {len(variants)} variants in {time.perf_counter() - t0:.0f} s "
          f"(jobs {args.jobs}; pages typeset in {load_fonts().describe()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
