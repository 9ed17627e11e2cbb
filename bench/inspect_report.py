"""What a user sees: `intake inspect --json` over the development samples, checked against the truth.

    .venv/bin/python -m bench.inspect_report [--samples DIR] [--config config.toml] [--skip-ocr]
                                             [--ids 1,5,dev-007] [--quiet]

For every `dev-*.eml` it runs `intake.pipeline.inspect_message` in-process (the code behind
`intake inspect --json --mailbox <expected.mailbox>`, default config) and compares with
`dev-*.json`:
- every field path of `fields` (exact after the samples README's normalisation, accent-folded
  for `no_diacritics` samples; `request_content` only null vs given — README: not scored word
  for word), and that the `fields` keys are the truth's keys;
- the decision: office, rule, lane, flags, forward_to, preferred_officer (and `mailbox`);
- the email part: subject, attachment names, petition_in, petition_attachment.
Prints each sample's mismatches, then totals per field, per format, decision accuracy and the
wrong decisions made with confidence ≥ routing.min_confidence. `--skip-ocr` leaves out the
pdf-scan and jpg samples (fast run).

`--pipeline` also runs the real pipeline once over the same samples (each delivered to a temporary
Maildir of its `expected.mailbox`, and a copy to each Cc'd office; a temporary SQLite store, the
folder outbox) and checks that
every sample became one case whose office, rule, lane, flags and assigned officer equal the truth's
and the inspection's, with one acknowledgement. Not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.accuracy import field_paths, get, norm  # noqa: E402
from intake.config import load_config  # noqa: E402
from intake.pipeline import Inspection, inspect_message  # noqa: E402
from routing import load_directory  # noqa: E402

DEFAULT_SAMPLES = Path("/work/shared/samples")
OCR_FORMATS = frozenset({"pdf-scan", "jpg"})
DECISION_KEYS = ("office", "rule", "lane", "flags", "forward_to", "preferred_officer", "mailbox")
EMAIL_KEYS = ("subject", "attachments", "petition_in", "petition_attachment")


def email_part(result: Inspection) -> dict:
    """The email checks' values from an inspection, in the truth's shape."""
    e = result.email or {}
    return {"subject": e.get("subject"), "attachments": [a["filename"] for a in e.get("attachments") or []],
            "petition_in": e.get("petition_in"), "petition_attachment": e.get("petition_attachment")}


def compare(truth: dict, result: Inspection) -> dict[str, list[tuple[str, object, object]]]:
    """Mismatches by group ("fields", "decision", "email"): [(key, want, got)]."""
    out: dict[str, list[tuple[str, object, object]]] = {"fields": [], "decision": [], "email": []}
    folded = "no_diacritics" in truth["expected"]["flags"]
    tf, got = truth["fields"], result.fields or {}
    if result.fields is not None and set(got) != set(tf):
        out["fields"].append(("<keys>", sorted(set(tf) - set(got)), sorted(set(got) - set(tf))))
    for path in field_paths():
        want, have = norm(get(tf, path), folded), norm(get(got, path), folded)
        if want != have:
            out["fields"].append((path, get(tf, path), get(got, path)))
    if (tf.get("request_content") is None) != (got.get("request_content") is None):
        out["fields"].append(("request_content", tf.get("request_content"), got.get("request_content")))
    exp, dec = truth["expected"], result.decision or {}
    for key in DECISION_KEYS:
        if exp.get(key) != dec.get(key):
            out["decision"].append((key, exp.get(key), dec.get(key)))
    te = truth["email"]
    want_email = {"subject": te["subject"], "attachments": [a["filename"] for a in te["attachments"]],
                  "petition_in": te["petition_in"], "petition_attachment": te["petition_attachment"]}
    have_email = email_part(result)
    for key in EMAIL_KEYS:
        if want_email[key] != have_email[key]:
            out["email"].append((key, want_email[key], have_email[key]))
    return out


def pipeline_check(cfg, directory, samples: list[tuple[dict, bytes]], inspected: dict[str, dict]) -> list[str]:  # noqa: ANN001
    """Run the pipeline once over `samples` in a temporary store; the problems found (empty when none)."""
    import tempfile

    from sqlmodel import Session, select

    from intake.maildir import deliver
    from intake.pipeline import Pipeline, header_message_id
    from store.db import make_engine, migrate
    from store.models import Case, Message, Outbox

    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="inspect-report-") as tmp:
        root = Path(tmp)
        mail = cfg.mail.model_copy(update={"maildir": cfg.mail.maildir.model_copy(update={"root": root / "maildir"})})
        ack = cfg.acknowledgement.model_copy(update={"transport": "outbox", "outbox_dir": root / "outbox"})
        run_cfg = cfg.model_copy(update={"mail": mail, "acknowledgement": ack,
                                         "store": cfg.store.model_copy(update={"url": f"sqlite:///{root / 'store.sqlite3'}"})})
        by_mid = {}
        for truth, raw in samples:
            deliver(root / "maildir", truth["expected"]["mailbox"], raw)
            for cc in (truth["email"]["cc"] or "").split(","):  # the Cc'd copy, as the other server stores it
                slug = cc.strip().split("@")[0]
                if slug and any(o.slug == slug for o in cfg.offices):
                    deliver(root / "maildir", slug, f"Delivered-To: {cc.strip()}\r\n".encode() + raw)
            by_mid[header_message_id(raw)] = truth
        engine = make_engine(run_cfg.store.url)
        migrate(engine)
        report = Pipeline(run_cfg, engine, directory=directory).run_once()
        if report.errors:
            problems += [f"run: {e}" for e in report.errors]
        with Session(engine) as s:
            rows = s.exec(select(Message, Case).join(Case, Case.message_pk == Message.id, isouter=True)).all()
            acks = {o.case_id for o in s.exec(select(Outbox).where(Outbox.kind == "ack")).all()}
        engine.dispose()
    seen = set()
    for msg, case in rows:
        truth = by_mid.get(msg.message_id)
        if truth is None:
            problems.append(f"message {msg.id}: not one of the samples ({msg.message_id})")
            continue
        sid = truth["id"]
        seen.add(sid)
        if case is None:
            problems.append(f"{sid}: no case, stage {msg.stage} {msg.quarantine_code or ''}")
            continue
        exp = truth["expected"]
        got = {"office": case.office, "rule": case.rule, "lane": case.lane, "flags": sorted(case.flags or []),
               "preferred_officer": case.assigned_officer}
        for key, value in got.items():
            if value != exp[key]:
                problems.append(f"{sid}: case {key} {value!r} != truth {exp[key]!r}")
            if value != (inspected.get(sid) or {}).get(key):
                problems.append(f"{sid}: case {key} {value!r} != inspect {(inspected.get(sid) or {}).get(key)!r}")
        if case.id not in acks:
            problems.append(f"{sid}: no acknowledgement queued")
    problems += [f"{t['id']}: not stored" for t, _ in samples if t["id"] not in seen]
    return problems


def _ids(spec: str | None) -> set[str] | None:
    if not spec:
        return None
    return {i if i.startswith("dev-") else f"dev-{int(i):03d}" for i in re.split(r"[,\s]+", spec) if i}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    ap.add_argument("--config", default=None, help="config file (default: config.toml beside the program)")
    ap.add_argument("--skip-ocr", action="store_true", help="leave out pdf-scan and jpg samples")
    ap.add_argument("--ids", help="comma-separated sample ids or numbers")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("--pipeline", action="store_true",
                    help="also run the pipeline over the samples in a temporary store and compare its cases")
    args = ap.parse_args(argv)
    emls = sorted(args.samples.glob("dev-*.eml"))
    if not emls:
        print(f"no dev-*.eml at {args.samples}", file=sys.stderr)
        return 2
    cfg = load_config(args.config)
    directory = load_directory(cfg.routing.directory)
    ids = _ids(args.ids)
    per_field: dict[str, list[bool]] = defaultdict(list)
    per_format: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # [fields right, fields checked]
    decision_ok: dict[str, list[bool]] = defaultdict(list)  # key -> per sample
    whole_decision: list[bool] = []
    email_ok: dict[str, list[bool]] = defaultdict(list)
    confident_wrong: list[str] = []
    rejected: list[str] = []
    n_paths = len(field_paths()) + 1
    samples: list[tuple[dict, bytes]] = []
    inspected: dict[str, dict] = {}
    started = time.monotonic()
    for eml in emls:
        truth = json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))
        if ids and truth["id"] not in ids or args.skip_ocr and truth["format"] in OCR_FORMATS:
            continue
        t0 = time.monotonic()
        raw = eml.read_bytes()
        result = inspect_message(raw, cfg, directory, truth["expected"]["mailbox"])
        secs = time.monotonic() - t0
        samples.append((truth, raw))
        inspected[truth["id"]] = result.decision or {}
        miss = compare(truth, result)
        fmt = truth["format"]
        bad_fields = {k for k, _, _ in miss["fields"]}
        for path in [*field_paths(), "request_content"]:
            per_field[path].append(path not in bad_fields)
        per_format[fmt][0] += n_paths - len(bad_fields - {"<keys>"})
        per_format[fmt][1] += n_paths
        bad_dec = {k for k, _, _ in miss["decision"]}
        for key in DECISION_KEYS:
            decision_ok[key].append(key not in bad_dec)
        whole_decision.append(not bad_dec)
        for key in EMAIL_KEYS:
            email_ok[key].append(key not in {k for k, _, _ in miss["email"]})
        if result.rejected:
            rejected.append(f"{truth['id']}: {result.rejected['code']}")
        conf = result.confidence or 0.0
        if bad_dec & {"office", "rule"} and (result.decision or {}).get("office") != "triage" \
                and conf >= cfg.routing.min_confidence:
            confident_wrong.append(f"{truth['id']} {truth['expected']['rule']}/{truth['expected']['office']} → "
                                   f"{result.decision['rule']}/{result.decision['office']} conf {conf:.2f}")
        if not args.quiet and any(miss.values()):
            print(f"{truth['id']} {fmt:10} {truth['email_style']:11} ({secs:.1f}s, conf {conf:.2f})"
                  + (f" REJECTED {result.rejected}" if result.rejected else ""))
            for group in ("decision", "email", "fields"):
                for key, want, got in miss[group]:
                    print(f"    {group[0]} {key:28} want={want!r} got={got!r}")
    n = len(whole_decision)
    if not n:
        print("no sample selected", file=sys.stderr)
        return 2
    share = lambda v: sum(v) / len(v) if v else 1.0  # noqa: E731
    print(f"\n== {n} samples in {time.monotonic() - started:.0f}s" + (" (OCR formats skipped)" if args.skip_ocr else ""))
    print("fields (exact after normalisation):")
    for path, v in per_field.items():
        if share(v) < 1.0:
            print(f"  {path:30} {share(v):.2f}")
    total_right = sum(r for r, _ in per_format.values())
    total = sum(t for _, t in per_format.values())
    print(f"  all fields: {total_right}/{total} = {total_right / total:.3f} (fields at 1.00 not listed)")
    print("per format: " + "  ".join(f"{f} {r / t:.3f}" for f, (r, t) in sorted(per_format.items())))
    print("decision:   " + "  ".join(f"{k} {share(v):.2f}" for k, v in decision_ok.items())
          + f"  | whole decision {sum(whole_decision)}/{n} = {share(whole_decision):.2f}")
    print("email:      " + "  ".join(f"{k} {share(v):.2f}" for k, v in email_ok.items()))
    print(f"wrong office/rule with confidence ≥ {cfg.routing.min_confidence}: {len(confident_wrong)}")
    for w in confident_wrong:
        print("  ", w)
    if rejected:
        print("rejected (would be quarantined): " + ", ".join(rejected))
    if args.pipeline:
        t0 = time.monotonic()
        problems = pipeline_check(cfg, directory, samples, inspected)
        print(f"pipeline: {len(samples)} samples delivered and run in {time.monotonic() - t0:.0f}s; "
              f"{len(problems)} problem(s)")
        for problem in problems:
            print("  ", problem)
    return 0


if __name__ == "__main__":
    sys.exit(main())
