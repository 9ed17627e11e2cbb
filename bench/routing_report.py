"""Routing accuracy on the development samples: the whole `expected` object, key by key.

    .venv/bin/python -m bench.routing_report [SAMPLES_DIR] [--directory routing/data/hcm-2016.toml]

From the truth `fields` (or from extracted fields when given) each sample is routed with its
mailbox, and the decision's `expected(mailbox)` is compared with the truth's `expected`: office,
rule, lane, flags, forward_to, preferred_officer. `no_diacritics` describes how the petition is
written, not its fields, so from truth it is taken from the expected flags (README).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from parsers.model import Extraction, Fields
from routing import load_directory, route

DEFAULT_SAMPLES = Path("/work/shared/samples")
DEFAULT_DIRECTORY = Path(__file__).resolve().parent.parent / "routing" / "data" / "hcm-2016.toml"
KEYS = ("office", "rule", "lane", "flags", "forward_to", "preferred_officer")


def routing_report(samples_dir: str | Path = DEFAULT_SAMPLES,
                   extracted: dict[str, Fields | Extraction] | None = None,
                   *, directory: str | Path = DEFAULT_DIRECTORY, min_confidence: float = 0.8) -> str:
    """A text report: share of samples whose whole decision matches, per-key shares, and the misses.

    `extracted` maps a sample id ("dev-007") to its extracted Fields (or Extraction, whose
    no_diacritics and confidence are then used); without it the truth fields are routed.
    Raises DirectoryError if the directory file cannot be used.
    """
    d = load_directory(directory)
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(samples_dir).glob("dev-*.json"))]
    per_key = {k: 0 for k in KEYS}
    exact, lines, n = 0, [], 0
    for t in truths:
        exp = t["expected"]
        nodiac, conf = "no_diacritics" in exp["flags"], None
        if extracted is None:
            fields = Fields.model_validate(t["fields"])
        elif t["id"] in extracted:
            got = extracted[t["id"]]
            if isinstance(got, Extraction):
                fields, nodiac, conf = got.fields, got.no_diacritics, got.confidence()
            else:
                fields = got
        else:
            continue
        n += 1
        dec = route(fields, d, mailbox=exp["mailbox"], no_diacritics=nodiac, min_confidence=min_confidence,
                    extraction_confidence=conf)
        got_exp = dec.expected(exp["mailbox"])
        diff = {k: (got_exp[k], exp[k]) for k in KEYS if got_exp[k] != exp[k]}
        for k in KEYS:
            per_key[k] += k not in diff
        if not diff:
            exact += 1
        else:
            lines.append(f"  {t['id']}: " + "; ".join(f"{k} {g!r} ≠ {e!r}" for k, (g, e) in diff.items())
                         + f"  [{dec.explanation}]")
    source = "truth fields" if extracted is None else "extracted fields"
    out = [f"Routing from {source}, directory {Path(directory).name}: "
           f"{exact}/{n} decisions exact ({100 * exact / n if n else 0:.1f} %)"]
    out.append("  " + ", ".join(f"{k} {per_key[k]}/{n}" for k in KEYS))
    if lines:
        out.append("Misses:")
        out += lines
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("samples", nargs="?", default=str(DEFAULT_SAMPLES))
    ap.add_argument("--directory", default=str(DEFAULT_DIRECTORY))
    args = ap.parse_args(argv)
    print(routing_report(args.samples, directory=args.directory))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
