"""Dev report: parse_mail + read_petition over the development samples, checked against the truth.

    .venv/bin/python bench/email_report.py [--samples DIR] [--only dev-001,dev-002] [--email-only]

Prints per sample whether the subject, the attachments (names NFC, types, zip/forwarded members),
petition_in, petition_attachment, roles and forwarded_by match the truth's `email` object, and the
totals. `--email-only` skips read_petition (no document reading, no OCR). Not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsers.email import parse_mail  # noqa: E402
from parsers.model import Limits, ParsedMail, PetitionRead  # noqa: E402
from parsers.read import read_petition  # noqa: E402

CHECKS = ("subject", "attachments", "petition_in", "petition_attachment", "roles", "forwarded_by")


def truth_roles(truth: dict) -> dict[str, str]:
    roles = {}
    for att in truth["attachments"]:
        roles[att["filename"]] = att["role"]
        for child in att.get("contains") or []:
            roles[child["filename"]] = child["role"]
    return roles


def attachments_of(mail: ParsedMail) -> list:
    return [(a.filename, a.content_type, [c.filename for c in a.children]) for a in mail.attachments]


def truth_attachments(truth: dict) -> list:
    return [(a["filename"], a["content_type"], [c["filename"] for c in a.get("contains") or []])
            for a in truth["attachments"]]


def check(path: Path, limits: Limits, email_only: bool) -> tuple[dict[str, bool | None], list[str], float]:
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["email"]
    out: dict[str, bool | None] = {k: None for k in CHECKS}
    notes: list[str] = []
    started = time.monotonic()
    mail = parse_mail(path.read_bytes(), limits=limits)
    if not isinstance(mail, ParsedMail):
        notes.append(f"parse_mail: {mail.code} {mail.detail}")
        return {k: False for k in CHECKS}, notes, time.monotonic() - started
    out["subject"] = mail.subject == truth["subject"]
    if not out["subject"]:
        notes.append(f"subject {mail.subject!r} != {truth['subject']!r}")
    got = attachments_of(mail)
    out["attachments"] = got == truth_attachments(truth) and all(
        unicodedata.is_normalized("NFC", a.filename) for a in mail.attachments)
    if not out["attachments"]:
        notes.append(f"attachments {got} != {truth_attachments(truth)}")
    if not email_only:
        result = read_petition(mail, limits)
        if isinstance(result, PetitionRead):
            out["petition_in"] = result.petition_in == truth["petition_in"]
            out["petition_attachment"] = result.attachment == truth["petition_attachment"]
            out["roles"] = result.roles == truth_roles(truth)
            out["forwarded_by"] = result.forwarded_by == truth["forwarded_by"]
            if not out["petition_in"] or not out["petition_attachment"]:
                notes.append(f"petition {result.petition_in}/{result.attachment!r} != "
                             f"{truth['petition_in']}/{truth['petition_attachment']!r}")
            if not out["roles"]:
                notes.append(f"roles {result.roles} != {truth_roles(truth)}")
            if not out["forwarded_by"]:
                notes.append(f"forwarded_by {result.forwarded_by} != {truth['forwarded_by']}")
        else:
            notes.append(f"read_petition: {result.code} {result.detail}")
            for key in ("petition_in", "petition_attachment", "roles", "forwarded_by"):
                out[key] = False
    return out, notes, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "samples")
    ap.add_argument("--only", default="", help="comma-separated sample ids")
    ap.add_argument("--email-only", action="store_true", help="parse_mail only (no document reading)")
    args = ap.parse_args(argv)
    paths = sorted(args.samples.glob("*.eml"))
    if args.only:
        wanted = set(args.only.split(","))
        paths = [p for p in paths if p.stem in wanted]
    if not paths:
        print(f"no samples in {args.samples}")
        return 1
    limits = Limits()
    totals = {k: [0, 0] for k in CHECKS}
    for path in paths:
        result, notes, seconds = check(path, limits, args.email_only)
        marks = " ".join(f"{k}={'ok' if v else '--' if v is None else 'NO'}" for k, v in result.items())
        print(f"{path.stem}  {seconds:5.1f}s  {marks}")
        for note in notes:
            print(f"    {note}")
        for key, value in result.items():
            if value is not None:
                totals[key][0] += bool(value)
                totals[key][1] += 1
    print("\ntotals: " + ", ".join(f"{k} {ok}/{n}" for k, (ok, n) in totals.items() if n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
