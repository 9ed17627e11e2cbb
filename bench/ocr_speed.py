"""OCR speed: our OCR path vs a bare `tesseract img out -l vie` on the same page images.

    .venv/bin/python -m bench.ocr_speed            # scanned samples in /work/shared/samples
    .venv/bin/python -m bench.ocr_speed --no-docs  # pages only, skip per-format timings

`measure(pages)` takes image files and/or (pdf, page) pairs; without arguments
it takes every page of the scanned samples (pdf-scan and jpg) when the shared
samples are present. Reported:
- `ours_s_per_page`: wall time of `parsers.ocr.ocr_pages` (preparation + Tesseract,
  single-threaded processes, `Limits.ocr_workers` pages at once) / pages;
- `bare_s_per_page`: `tesseract page.png out -l vie` run one page after the other,
  default settings (OpenMP threads), on the same images saved as PNG;
- `bare_1thread_s_per_page`: the same with OMP_THREAD_LIMIT=1 (one page at a time);
- `ratio` = ours / bare (goal ≤ 1.2), `ratio_vs_1thread`.
`per_format()` times `read_document` per sample and averages by the truth's format.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from parsers import ocr, pdf
from parsers.documents import read_document
from parsers.model import Limits

SAMPLES = Path("/work/shared/samples")
PageRef = Path | tuple[Path, int]


def _load(ref: PageRef, limits: Limits) -> tuple[int, Image.Image]:
    if isinstance(ref, tuple):
        path, number = ref
        return pdf.page_images(path.read_bytes(), [number], limits)[0]
    image = Image.open(ref)
    image.load()
    return (1, image)


def scanned_sample_pages(samples: Path = SAMPLES) -> list[PageRef]:
    """Every page of the pdf-scan and jpg samples (empty when the samples are absent)."""
    pages: list[PageRef] = []
    for truth in sorted(samples.glob("dev-*.json")):
        meta = json.loads(truth.read_text(encoding="utf-8"))
        path = samples / meta["petition_file"]
        if meta["format"] == "jpg":
            pages.append(path)
        elif meta["format"] == "pdf-scan":
            count = int((meta.get("render") or {}).get("pages") or 1)
            pages.extend((path, n) for n in range(1, count + 1))
    return pages


def _bare(paths: list[Path], lang: str, one_thread: bool) -> float:
    env = dict(os.environ)
    env.pop("OMP_THREAD_LIMIT", None)
    if one_thread:
        env["OMP_THREAD_LIMIT"] = "1"
    start = time.monotonic()
    for p in paths:
        subprocess.run(["tesseract", str(p), str(p.with_suffix("")), "-l", lang], env=env, capture_output=True, check=True)
    return time.monotonic() - start


def measure(pages: list[PageRef] | None = None, limits: Limits | None = None, bare_1thread: bool = True) -> dict:
    """Seconds per page of our OCR path and of a bare tesseract call on the same page images.

    The machine is shared, so the two are timed alternately on chunks of
    `limits.ocr_workers` pages: a change of load hits both alike.
    """
    limits = limits or Limits()
    pages = scanned_sample_pages() if pages is None else pages
    if not pages:
        return {"pages": 0, "note": "no scanned pages (shared samples absent)"}
    images = [image for _, image in (_load(ref, limits) for ref in pages)]
    chunk = max(1, limits.ocr_workers)
    ours = bare = bare1 = 0.0
    failures = 0
    with tempfile.TemporaryDirectory(prefix="ocr-bench-") as tmp:
        for start in range(0, len(images), chunk):
            part = images[start : start + chunk]
            paths = []
            for k, image in enumerate(part):
                p = Path(tmp) / f"page{start + k:03d}.png"
                image.save(p)
                paths.append(p)
            t0 = time.monotonic()
            results = ocr.ocr_pages([(start + k + 1, image) for k, image in enumerate(part)], limits)
            ours += time.monotonic() - t0
            failures += sum(1 for r in results if isinstance(r, ocr.OcrError))
            bare += _bare(paths, limits.ocr_lang, one_thread=False)
            if bare_1thread:
                bare1 += _bare(paths, limits.ocr_lang, one_thread=True)
    n = len(images)
    report = {
        "pages": n,
        "ocr_workers": limits.ocr_workers,
        "ours_s_per_page": round(ours / n, 3),
        "bare_s_per_page": round(bare / n, 3),
        "ratio": round(ours / bare, 3),
        "failures": failures,
    }
    if bare_1thread:
        report["bare_1thread_s_per_page"] = round(bare1 / n, 3)
        report["ratio_vs_1thread"] = round(ours / bare1, 3)
    return report


def per_format(samples: Path = SAMPLES, limits: Limits | None = None) -> dict[str, dict]:
    """Mean seconds per document of `read_document`, by the samples' format."""
    limits = limits or Limits()
    times: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    for truth in sorted(samples.glob("dev-*.json")):
        meta = json.loads(truth.read_text(encoding="utf-8"))
        path = samples / meta["petition_file"]
        if not path.exists():
            continue
        start = time.monotonic()
        result = read_document(path.name, path.read_bytes(), limits)
        times.setdefault(meta["format"], []).append(time.monotonic() - start)
        if not hasattr(result, "lines"):
            errors[meta["format"]] = errors.get(meta["format"], 0) + 1
    return {
        fmt: {"docs": len(ts), "s_per_doc": round(sum(ts) / len(ts), 3), "max_s": round(max(ts), 3),
              "errors": errors.get(fmt, 0)}
        for fmt, ts in sorted(times.items())
    }


def main(argv: list[str]) -> int:
    report = {"ocr": measure()}
    if "--no-docs" not in argv and SAMPLES.exists():
        report["per_format"] = per_format()
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
