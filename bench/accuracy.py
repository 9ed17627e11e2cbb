"""Extraction accuracy on the development samples (and routing accuracy, OCR speed).

    .venv/bin/python -m bench.accuracy [--samples DIR] [--format docx,pdf-text] [--ids 1,5,dev-007]
                                        [--json] [--misses] [--no-routing] [--no-ocr-speed]

For each sample it reads `petition_file` with `parsers.documents.read_document` (a `.txt`
petition typed in the body with `document_from_text`), runs `parsers.petition.extract`
and compares each field with the truth after normalisation (NFC, spaces; accent-folded for
samples written without diacritics, whose values are kept as written). It prints the share
of exact matches per field and per format, the mean seconds per petition by format, the
confidence of right and wrong values, and routing accuracy from truth fields and from
extracted fields (`routing.route`). `request_content` is not scored word for word (README).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from parsers.model import DocFormat, Document, DocumentError, Extraction, Fields, Limits
from parsers.vietnamese import clean, fold

DEFAULT_SAMPLES = Path("/work/shared/samples")
TARGETS = {"docx": 0.98, "pdf-text": 0.98, "docx-tcvn3": 0.98, "email-body": 0.98, "doc": 0.98,
           "pdf-scan": 0.93, "jpg": 0.93}
HIGH = 0.8  # a wrong value at or above this confidence is a "confident error"

PARTY_KEYS = ("name", "kind", "id_number", "tax_code", "address", "phone", "email", "representative", "nationality")
JUDGMENT_KEYS = ("number", "date", "court", "court_level", "case_type", "stage", "subject", "first_instance", "recognition")
TOP_KEYS = ("addressed_to", "amounts", "assets", "attachments_listed", "preferred_officer", "foreign_element",
            "petition_date", "petition_place", "signed_by")


def field_paths() -> list[str]:
    paths = ["addressed_to"]
    for role in ("requester", "creditor", "debtor"):
        paths += [f"{role}.{k}" for k in PARTY_KEYS]
    paths += [f"judgment.{k}" for k in JUDGMENT_KEYS]
    paths += [k for k in TOP_KEYS if k != "addressed_to"]
    return paths


def get(fields: dict, path: str):
    cur = fields
    for part in path.split("."):
        if cur is None:
            return None
        cur = cur.get(part)
    return cur


def norm(value, folded: bool):
    """Comparable form of a value: NFC and single spaces; accent-folded when `folded`."""
    if value is None:
        return None
    if isinstance(value, str):
        v = clean(value)
        return fold(v) if folded else v
    if isinstance(value, list):
        return [norm(v, folded) for v in value]
    if isinstance(value, dict):
        return {k: norm(v, folded) for k, v in value.items()}
    return value


def read_sample(sample_dir: Path, truth: dict) -> tuple[Document | DocumentError, float]:
    from parsers.documents import document_from_text, read_document

    name = truth["petition_file"]
    data = (sample_dir / name).read_bytes()
    t0 = time.perf_counter()
    if name.endswith(".txt"):
        doc: Document | DocumentError = document_from_text(name, data.decode("utf-8"), DocFormat.EMAIL_BODY)
    else:
        doc = read_document(name, data, Limits())
    return doc, time.perf_counter() - t0


def note_key(path: str) -> str:
    """The note that vouches for a field path ("judgment.first_instance" covers its parts)."""
    return path


def run(sample_dir: Path, formats: set[str] | None, ids: set[str] | None) -> dict:
    from parsers.petition import extract

    results = []
    for tf in sorted(sample_dir.glob("dev-*.json")):
        truth = json.loads(tf.read_text("utf-8"))
        if formats and truth["format"] not in formats:
            continue
        if ids and truth["id"] not in ids:
            continue
        doc, read_s = read_sample(sample_dir, truth)
        t0 = time.perf_counter()
        if isinstance(doc, DocumentError):
            ext = None
            error = f"{doc.code}: {doc.reason}"
        else:
            try:
                ext = extract(doc)
                error = None
            except Exception as exc:  # the bench reports a crash as a miss, it does not stop
                ext, error = None, f"crash: {exc!r}"
        ext_s = time.perf_counter() - t0
        results.append({"truth": truth, "ext": ext, "error": error, "seconds": read_s + ext_s})
    return score(results)


def score(results: list[dict]) -> dict:
    paths = field_paths()
    per_field: dict[str, list[bool]] = defaultdict(list)
    per_format_field: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    seconds: dict[str, list[float]] = defaultdict(list)
    right_conf: list[float] = []
    wrong_conf: list[float] = []
    confident_wrong: list[str] = []
    misses: list[dict] = []
    nodiac = {"right": 0, "total": 0}
    for r in results:
        truth = r["truth"]
        fmt = truth["format"]
        seconds[fmt].append(r["seconds"])
        tf = truth["fields"]
        folded = "no_diacritics" in truth["expected"]["flags"]
        ext: Extraction | None = r["ext"]
        got = ext.fields.model_dump() if ext else Fields().model_dump()
        if ext is not None:
            nodiac["total"] += 1
            nodiac["right"] += int(ext.no_diacritics == folded)
        for path in paths:
            want = norm(get(tf, path), folded)
            have = norm(get(got, path), folded)
            ok = want == have
            per_field[path].append(ok)
            per_format_field[fmt][path].append(ok)
            if ext is not None and have is not None:
                note = ext.notes.get(path) or ext.notes.get(path.rsplit(".", 1)[0])
                if note is not None:
                    (right_conf if ok else wrong_conf).append(note.confidence)
                    if not ok and note.confidence >= HIGH:
                        confident_wrong.append(f"{truth['id']} {path}")
            if not ok:
                misses.append({"id": truth["id"], "format": fmt, "field": path, "want": get(tf, path),
                               "got": get(got, path), "error": r["error"]})
    return {
        "results": results,
        "per_field": {p: _share(v) for p, v in per_field.items()},
        "per_format": {f: {p: _share(v) for p, v in d.items()} for f, d in per_format_field.items()},
        "format_counts": {f: len(v) for f, v in seconds.items()},
        "seconds": {f: round(statistics.mean(v), 3) for f, v in seconds.items()},
        "confidence": {
            "mean_right": round(statistics.mean(right_conf), 3) if right_conf else None,
            "mean_wrong": round(statistics.mean(wrong_conf), 3) if wrong_conf else None,
            "n_right": len(right_conf), "n_wrong": len(wrong_conf),
            "wrong_at_or_above_0.8": len(confident_wrong),
            "confident_wrong": confident_wrong,
        },
        "no_diacritics_flag": nodiac,
        "misses": misses,
        "errors": {r["truth"]["id"]: r["error"] for r in results if r["error"]},
    }


def _share(values: list[bool]) -> float:
    return round(sum(values) / len(values), 3) if values else 1.0


# --------------------------------------------------------------------------- routing


def routing_report(results: list[dict], min_confidence: float = 0.8) -> dict | None:
    try:
        import routing
        from routing import load_directory, route
    except ImportError:
        return None
    directory_path = Path(routing.__file__).resolve().parent / "data" / "hcm-2016.toml"
    try:
        directory = load_directory(directory_path)
    except Exception as exc:  # report, don't stop the bench
        return {"error": repr(exc)}
    out: dict = {}
    for source in ("truth", "extracted"):
        per_rule: dict[str, list[bool]] = defaultdict(list)
        to_triage: dict[str, list[bool]] = defaultdict(list)
        confident_wrong = 0
        wrong = []
        for r in results:
            truth = r["truth"]
            exp = truth["expected"]
            nodiac = "no_diacritics" in exp["flags"]
            if source == "truth":
                fields = Fields.model_validate(truth["fields"])
                conf = 1.0
            else:
                ext: Extraction | None = r["ext"]
                if ext is None:
                    per_rule[exp["rule"]].append(False)
                    to_triage[exp["rule"]].append(True)
                    continue
                fields, nodiac, conf = ext.fields, ext.no_diacritics, ext.confidence()
            try:
                d = route(fields, directory, mailbox=exp["mailbox"], no_diacritics=nodiac,
                          min_confidence=min_confidence, extraction_confidence=conf)
            except Exception as exc:  # a router crash counts as a wrong decision
                per_rule[exp["rule"]].append(False)
                wrong.append(f"{truth['id']} crash {exc!r}")
                continue
            ok = d.office == exp["office"] and d.rule == exp["rule"]
            per_rule[exp["rule"]].append(ok)
            to_triage[exp["rule"]].append(d.office == "triage")
            if not ok:
                wrong.append(f"{truth['id']} {exp['rule']}/{exp['office']} → {d.rule}/{d.office} conf {d.confidence:.2f}")
                if d.office != "triage" and d.confidence >= HIGH:
                    confident_wrong += 1
        out[source] = {
            "accuracy": _share([v for vs in per_rule.values() for v in vs]),
            "per_rule": {k: _share(v) for k, v in sorted(per_rule.items(), key=lambda kv: int(kv[0][1:]))},
            "triage_share": {k: _share(v) for k, v in sorted(to_triage.items(), key=lambda kv: int(kv[0][1:]))},
            "wrong_with_high_confidence": confident_wrong,
            "wrong": wrong,
        }
    return out


def ocr_speed_report() -> dict | None:
    try:
        from bench import ocr_speed  # type: ignore[attr-defined]
    except ImportError:
        return None
    try:
        return ocr_speed.measure()
    except TypeError:
        return {"note": "bench.ocr_speed.measure() needs arguments; run it directly"}
    except Exception as exc:  # report, don't stop the bench
        return {"error": repr(exc)}


# --------------------------------------------------------------------------- printing


def print_report(rep: dict, routing_rep: dict | None, ocr_rep: dict | None, show_misses: bool) -> None:
    formats = sorted(rep["format_counts"])
    head = f"{'field':32}" + "".join(f"{f[:10]:>11}" for f in formats) + f"{'all':>8}"
    print(head)
    print("-" * len(head))
    for path in field_paths():
        row = f"{path:32}"
        for f in formats:
            v = rep["per_format"][f].get(path, 1.0)
            mark = "*" if v < TARGETS.get(f, 0.98) else " "
            row += f"{v:>10.2f}{mark}"
        row += f"{rep['per_field'][path]:>8.2f}"
        print(row)
    print("-" * len(head))
    means = {f: statistics.mean(rep["per_format"][f].values()) for f in formats}
    print(f"{'mean over fields':32}" + "".join(f"{means[f]:>10.3f} " for f in formats))
    print(f"{'samples':32}" + "".join(f"{rep['format_counts'][f]:>10d} " for f in formats))
    print(f"{'seconds / petition':32}" + "".join(f"{rep['seconds'][f]:>10.3f} " for f in formats))
    print("(* below target: 0.98 docx/pdf-text/tcvn3/email-body/doc, 0.93 pdf-scan/jpg)")
    c = rep["confidence"]
    print(f"\nconfidence: right mean {c['mean_right']} (n={c['n_right']}), wrong mean {c['mean_wrong']} "
          f"(n={c['n_wrong']}), wrong with confidence ≥ {HIGH}: {c['wrong_at_or_above_0.8']}")
    nd = rep["no_diacritics_flag"]
    print(f"no_diacritics flag right: {nd['right']}/{nd['total']}")
    if rep["errors"]:
        print("\nunread documents:")
        for k, v in rep["errors"].items():
            print(f"  {k}: {v}")
    if routing_rep is not None:
        print("\nrouting (office and rule equal to expected):")
        if "error" in routing_rep:
            print("  ", routing_rep["error"])
        else:
            for source, r in routing_rep.items():
                print(f"  from {source} fields: accuracy {r['accuracy']:.2f}; wrong with high confidence "
                      f"{r['wrong_with_high_confidence']}")
                print("    per rule   " + "  ".join(f"{k}:{v:.2f}" for k, v in r["per_rule"].items()))
                print("    to triage  " + "  ".join(f"{k}:{v:.2f}" for k, v in r["triage_share"].items()))
                if show_misses:
                    for w in r["wrong"]:
                        print("      wrong:", w)
    if ocr_rep is not None:
        print("\nOCR speed (bench.ocr_speed.measure):", json.dumps(ocr_rep, ensure_ascii=False, default=str)[:800])
    if show_misses:
        print("\nmisses:")
        for m in rep["misses"]:
            print(f"  {m['id']} {m['format']:10} {m['field']:28} want={m['want']!r} got={m['got']!r}")
        if c["confident_wrong"]:
            print("\nconfident wrong:", ", ".join(c["confident_wrong"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    ap.add_argument("--format", help="comma-separated formats (docx, pdf-text, pdf-scan, jpg, doc, docx-tcvn3, email-body)")
    ap.add_argument("--ids", help="comma-separated sample ids or numbers")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--misses", action="store_true", help="list every wrong field")
    ap.add_argument("--no-routing", action="store_true")
    ap.add_argument("--no-ocr-speed", action="store_true")
    args = ap.parse_args(argv)
    if not args.samples.is_dir():
        print(f"no samples at {args.samples}", file=sys.stderr)
        return 2
    formats = set(args.format.split(",")) if args.format else None
    ids = None
    if args.ids:
        ids = {i if i.startswith("dev-") else f"dev-{int(i):03d}" for i in re.split(r"[,\s]+", args.ids) if i}
    rep = run(args.samples, formats, ids)
    routing_rep = None if args.no_routing else routing_report(rep["results"])
    ocr_rep = None if args.no_ocr_speed else ocr_speed_report()
    if args.json:
        out = {k: v for k, v in rep.items() if k != "results"}
        out["routing"] = routing_rep
        out["ocr_speed"] = ocr_rep
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
    else:
        print_report(rep, routing_rep, ocr_rep, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
