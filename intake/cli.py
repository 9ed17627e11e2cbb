"""`intake`: the command line. Thin: it parses arguments and calls the functions the tests call.

Exit codes: 0 all done; 1 an operator must act (a mailbox could not be read,
a message was quarantined after a crash, a letter could not be sent);
2 the configuration (or the office directory it names) cannot be used.
Progress lines go to stderr (silenced by --quiet), results to stdout.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from intake.config import CONFIG_ENV, Config, ConfigError, load_config

EXIT_OK, EXIT_OPERATOR, EXIT_CONFIG = 0, 1, 2
CRASH_ENV = "INTAKE_CRASH_AT"  # tests only: "route:3:kill" (see intake.pipeline.CrashAt)
DEMO_MAIL = Path(__file__).resolve().parent / "demo" / "mail"


class _Out:
    def __init__(self, quiet: bool):
        self.quiet = quiet

    def progress(self, line: str) -> None:
        if not self.quiet:
            print(line, file=sys.stderr, flush=True)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, default=str)


def _config(args: argparse.Namespace) -> Config:
    return load_config(args.config)


def _engine(cfg: Config):  # noqa: ANN202
    from store.db import make_engine, migrate

    engine = make_engine(cfg.store.url)
    migrate(engine)
    return engine


def _directory(cfg: Config):  # noqa: ANN202
    from routing import DirectoryError, load_directory

    try:
        return load_directory(cfg.routing.directory)
    except DirectoryError as e:
        raise ConfigError(f"{cfg.source}: key 'routing.directory': {e}") from None


def _pipeline(cfg: Config, engine, out: _Out, **kw):  # noqa: ANN001, ANN202
    from intake.pipeline import CrashAt, Pipeline

    spec = os.environ.get(CRASH_ENV)
    crash_at = CrashAt.parse(spec) if spec else None
    return Pipeline(cfg, engine, directory=_directory(cfg), crash_at=crash_at, progress=out.progress, **kw)


# ------------------------------------------------------------------ commands


def cmd_run(args: argparse.Namespace, out: _Out) -> int:
    cfg = _config(args)
    engine = _engine(cfg)
    report = _pipeline(cfg, engine, out).run_once()
    print(report.summary())
    for err in report.errors:
        print(f"error: {err}", file=sys.stderr)
    return EXIT_OPERATOR if report.needs_operator else EXIT_OK


def cmd_schedule(args: argparse.Namespace, out: _Out) -> int:
    from intake.scheduler import run_schedule

    cfg = _config(args)
    engine = _engine(cfg)
    _directory(cfg)  # fail now, not at the first poll
    return run_schedule(cfg, engine, make_pipeline=lambda stop: _pipeline(cfg, engine, out, stop=stop),
                        progress=out.progress)


def cmd_inspect(args: argparse.Namespace, out: _Out) -> int:
    from intake.pipeline import inspect_message

    cfg = _config(args)
    raw = Path(args.file).read_bytes()
    if args.mailbox and not any(o.slug == args.mailbox for o in cfg.offices):
        _bad_mailbox(cfg, args.mailbox)
    from intake.pipeline import mailbox_of

    mailbox = args.mailbox or mailbox_of(raw, cfg)  # default: as the pipeline stores it (To, Delivered-To, Cc)
    result = inspect_message(raw, cfg, _directory(cfg), mailbox)
    if args.json:
        print(_dump(result.model_dump(mode="json")))
        return EXIT_OK
    h = result.headers
    print(f"Từ:        {h.get('from_name') or ''} <{h.get('from')}>")
    print(f"Đến:       {', '.join(h.get('to') or [])}" + (f"  Cc: {', '.join(h['cc'])}" if h.get("cc") else ""))
    print(f"Tiêu đề:   {h.get('subject')}")
    print(f"Ngày:      {h.get('date')}    Message-ID: {h.get('message_id')}")
    for a in result.attachments:
        print(f"Đính kèm:  {a['filename']} ({a['content_type']}, {a['size']} bytes){' → ' + a['role'] if a['role'] else ''}")
    print("\n" + (result.body[:1500] + ("…" if len(result.body) > 1500 else "")).strip() + "\n")
    if result.rejected:
        print(f"Cách ly:   {result.rejected['code']} — {result.rejected['reason']}")
        return EXIT_OK
    assert result.petition is not None and result.decision is not None
    print(f"Đơn:       {result.petition['reason']}")
    print("Trường:    " + _dump(result.fields).replace("\n", "\n           "))
    d = result.decision
    print(f"Quyết định: {d['office']} ({d['rule']}), lane {d['lane']}, flags {', '.join(d['flags']) or '—'}, "
          f"độ tin cậy {result.confidence:.2f}")
    if d["forward_to"]:
        print(f"Chuyển đến: {d['forward_to']}")
    if d["preferred_officer"]:
        print(f"Chấp hành viên được đề nghị: {d['preferred_officer']}")
    print(f"Giải thích: {result.explanation}")
    return EXIT_OK


def _bad_mailbox(cfg: Config, slug: str, option: str = "--mailbox") -> None:
    """Raises ConfigError naming the option, the config file and its key `offices[].slug`."""
    known = ", ".join(o.slug for o in cfg.offices)
    raise ConfigError(f"{option} {slug!r}: no such office in {cfg.source} (key 'offices[].slug': {known})")


def cmd_extract(args: argparse.Namespace, out: _Out) -> int:
    from intake.pipeline import limits_of
    from parsers.model import Rejected
    from parsers.read import extract_file

    cfg = _config(args)
    result = extract_file(Path(args.file), limits_of(cfg))
    if isinstance(result, Rejected):
        print(_dump({"rejected": {"code": result.code.value, "reason": result.reason}}) if args.json
              else f"Không đọc được: {result.reason}")
        return EXIT_OPERATOR
    ext = result.extraction
    if args.json:
        print(_dump({
            "fields": ext.fields.model_dump(mode="json"),
            "confidence": {k: n.confidence for k, n in ext.notes.items()},
            "source": {k: n.source.model_dump(mode="json") if n.source else None for k, n in ext.notes.items()},
            "document": ext.document, "format": ext.format, "no_diacritics": ext.no_diacritics,
            "warnings": ext.warnings,
        }))
        return EXIT_OK
    print(f"Tệp: {ext.document} ({ext.format})  {result.reason}")
    print(_dump(ext.fields.model_dump(mode="json", exclude_none=True)))
    for w in ext.warnings:
        print(f"cảnh báo: {w}", file=sys.stderr)
    return EXIT_OK


def cmd_route(args: argparse.Namespace, out: _Out) -> int:
    from parsers.model import Fields
    from routing import route

    cfg = _config(args)
    obj = json.loads(Path(args.file).read_text(encoding="utf-8"))
    mailbox = args.mailbox
    if isinstance(obj, dict) and "fields" in obj:
        mailbox = mailbox or (obj.get("expected") or {}).get("mailbox")
        obj = obj["fields"]
    fields = Fields.model_validate(obj)
    d = route(fields, _directory(cfg), mailbox=mailbox, min_confidence=cfg.routing.min_confidence)
    if args.json:
        print(_dump({"expected": d.expected(mailbox), "confidence": d.confidence, "explanation": d.explanation,
                     "trace": [r.model_dump(mode="json") for r in d.trace]}))
        return EXIT_OK
    print(f"{d.office} ({d.rule}) lane={d.lane} flags={d.flags} forward_to={d.forward_to} confidence={d.confidence:.2f}")
    print(d.explanation)
    for r in d.trace:
        print(f"  {'✓' if r.hit else '·'} {r.rule} [{r.article}] {r.reason}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace, out: _Out) -> int:
    from sqlmodel import Session

    from store import repo
    from store.models import CaseState, MailboxState, Stage

    cfg = _config(args)
    engine = _engine(cfg)
    with Session(engine) as s:
        cases = repo.case_counts(s)
        stages = repo.stage_counts(s)
        quarantine = repo.quarantine_counts(s)
        held = repo.quarantined(s)
        outbox = repo.outbox_counts(s)
        boxes = {m.mailbox: m for m in s.query(MailboxState).all()}
    if args.json:
        print(_dump({"cases": cases, "stages": stages, "quarantine": quarantine, "outbox": outbox,
                     "mailbox_errors": {k: m.last_error for k, m in boxes.items() if m.last_error}}))
        return EXIT_OK
    print(f"Store: {cfg.store.url}")
    if cases:
        present = {st for per in cases.values() for st in per}
        states = [st.value for st in CaseState if st.value in present] + sorted(present - set(CaseState))
        width = max(len("office"), *(len(o) for o in cases)) + 2
        print("\nCases per office and state:")
        print("  " + "office".ljust(width) + "".join(st.rjust(len(st) + 2) for st in states) + "total".rjust(7))
        for office in sorted(cases):
            per = cases[office]
            print("  " + office.ljust(width) + "".join(str(per.get(st, 0)).rjust(len(st) + 2) for st in states)
                  + str(sum(per.values())).rjust(7))
        print("  " + "all".ljust(width) + "".join(str(sum(p.get(st, 0) for p in cases.values())).rjust(len(st) + 2)
                                                  for st in states)
              + str(sum(sum(p.values()) for p in cases.values())).rjust(7))
    else:
        print("\nNo cases yet.")
    print("\nMessages per stage: " + ", ".join(f"{st.value} {stages.get(st.value, 0)}" for st in Stage))
    if quarantine:
        print("Quarantined, by reason: " + ", ".join(f"{code} {n}" for code, n in sorted(quarantine.items())))
        for pk, code, step, subject in held:
            print(f"  message {pk}: {code} at {step or '?'}: {(subject or '')[:70]}")
        print("  (`intake replay ID` sends one back to the step that failed)")
    print("Outbox: " + (", ".join(f"{st} {n}" for st, n in sorted(outbox.items())) if outbox else "empty"))
    polled = [m.last_poll_at for m in boxes.values() if m.last_poll_at]
    if polled:
        print(f"Last poll: {max(polled):%Y-%m-%d %H:%M:%S} UTC, {len(boxes)} mailbox(es)")
    else:
        print("Last poll: never (run `intake run --once`)")
    for slug, m in sorted(boxes.items()):
        if m.last_error:
            print(f"  mailbox {slug}: last error: {m.last_error}")
    return EXIT_OK


def cmd_replay(args: argparse.Namespace, out: _Out) -> int:
    from sqlmodel import Session

    from intake.pipeline import replay
    from store.models import Message

    cfg = _config(args)
    engine = _engine(cfg)
    code = EXIT_OK
    for pk in args.ids:
        stage = replay(engine, pk, actor=getpass.getuser())
        if stage is None:
            with Session(engine) as s:
                msg = s.get(Message, pk)
            why = "no such message" if msg is None else f"it is {msg.stage}, not quarantined"
            print(f"message {pk}: not replayed: {why}", file=sys.stderr)
            code = EXIT_OPERATOR
            continue
        print(f"message {pk}: back to {stage}")
        if not args.no_run:
            p = _pipeline(cfg, engine, out)
            final = p.process(pk)
            p.send()
            print(f"message {pk}: now {final}")
            if p.report.crashes:
                code = EXIT_OPERATOR
    return code


def cmd_demo(args: argparse.Namespace, out: _Out) -> int:
    from intake.demo import deliver_demo_mail

    cfg = _config(args)
    delivered = deliver_demo_mail(cfg, DEMO_MAIL)
    for slug, n in sorted(delivered.items()):
        out.progress(f"demo: {n} sample message(s) dropped into {cfg.mail.maildir.root / slug}/new")
    engine = _engine(cfg)
    report = _pipeline(cfg, engine, out).run_once()
    print(report.summary())
    from sqlmodel import Session, select

    from store.models import Case

    with Session(engine) as s:
        cases = s.exec(select(Case).order_by(Case.id)).all()
        print(f"\nCases in {cfg.store.url}:")
        for c in cases:
            print(f"  {c.receipt_number:22} mailbox {c.mailbox:11} → {c.office:11} {c.rule or '':4} {c.state}")
    where = cfg.acknowledgement.outbox_dir if cfg.acknowledgement.transport == "outbox" else "SMTP"
    print(f"\nAcknowledgements: {where}")
    print("Next: `.venv/bin/intake status`, `.venv/bin/intake serve` (triage page)")
    return EXIT_OPERATOR if report.needs_operator else EXIT_OK


def cmd_migrate(args: argparse.Namespace, out: _Out) -> int:
    cfg = _config(args)
    _engine(cfg)
    print(f"store at the newest schema: {cfg.store.url}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, out: _Out) -> int:
    import uvicorn

    from triage.app import create_app

    cfg = _config(args)
    engine = _engine(cfg)
    uvicorn.run(create_app(cfg, engine), host=args.host or cfg.web.host, port=args.port or cfg.web.port)
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace, out: _Out) -> int:
    from triage.users import add_user

    cfg = _config(args)
    if args.office != "cuc" and not any(o.slug == args.office for o in cfg.offices):
        _bad_mailbox(cfg, args.office, "--office")
    if args.password_file:
        password = Path(args.password_file).read_text(encoding="utf-8").strip()
    else:
        password = getpass.getpass(f"Password for {args.name}: ")
        if password != getpass.getpass("Again: "):
            print("passwords differ", file=sys.stderr)
            return EXIT_OPERATOR
    engine = _engine(cfg)
    try:
        add_user(engine, args.name, args.office, args.role, password)
    except ValueError as e:
        print(f"user not added: {e}", file=sys.stderr)
        return EXIT_OPERATOR
    print(f"user {args.name} ({args.role}, {args.office}) added")
    return EXIT_OK


# ------------------------------------------------------------------ argument parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="intake",
        description="THADS email intake: poll the office mailboxes, store each message, make a case, acknowledge.",
        epilog=f"""examples:
  intake demo                              try it on the shipped samples (local Maildirs, SQLite)
  intake run --once                        one poll of every mailbox (for cron)
  intake inspect mail.eml --json           what would happen to one message, nothing written
  intake status                            cases per office and state, quarantine, outbox
  intake --config /etc/intake.toml serve   the clerks' triage page

`intake COMMAND --help` explains each command.
Config: --config PATH, else ${CONFIG_ENV}, else config.toml beside the program.
Exit codes: 0 ok, 1 an operator must act, 2 the configuration cannot be used (the file and key are named).""",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--config", metavar="PATH",
                   help=f"config file (default: ${CONFIG_ENV}, else config.toml beside the program)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines on stderr")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_: str, desc: str | None = None,  # noqa: ANN001
            examples: Sequence[str] = ()) -> argparse.ArgumentParser:
        epilog = ("examples:\n" + "\n".join(f"  {e}" for e in examples)) if examples else None
        sp = sub.add_parser(name, help=help_, description=desc or help_, epilog=epilog,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.set_defaults(func=func)
        return sp

    r = add("run", cmd_run, "poll every office mailbox once, make cases, send acknowledgements (for cron)",
            "Poll every mailbox in the config once: store each new message, turn it into a case or quarantine "
            "it with a reason, queue and send one acknowledgement per case. One progress line per mailbox on "
            "stderr, a summary on stdout. Exit 1 when an operator must act.",
            ["intake run --once", "intake --quiet run --once          # cron: only the summary and errors",
             "*/5 * * * * cd /srv/intake && .venv/bin/intake --quiet run --once   # crontab line"])
    r.add_argument("--once", action="store_true", help="run one pass and exit (the default; for cron)")
    add("schedule", cmd_schedule, "run the pipeline every schedule.poll_seconds until SIGTERM",
        "Long-running: a poll job every [schedule] poll_seconds and a daily summary at daily_summary_at. "
        "SIGTERM/SIGINT finish the message in hand and stop; nothing is lost.",
        ["intake schedule", "intake --config /etc/intake.toml schedule   # under systemd"])
    i = add("inspect", cmd_inspect, "show what would happen to one .eml, without side effects",
            "Decode headers, body and attachments, extract the petition's fields and route it. Writes nothing.",
            ["intake inspect mail.eml", "intake inspect mail.eml --mailbox q3 --json",
             "intake inspect mail.eml --json | jq .decision"])
    i.add_argument("file", metavar="FILE.eml")
    i.add_argument("--mailbox", metavar="SLUG", help="the office mailbox it arrived in (affects flags, transfer); "
                   "default: as `run` stores it, the office in To, else Delivered-To, else Cc")
    i.add_argument("--json", action="store_true", help="one JSON object: headers, body, attachments, fields, "
                   "decision (truth-file `expected` shape), confidence, explanation")
    e = add("extract", cmd_extract, "extract the fields of one petition file (.docx .doc .pdf .jpg .txt .zip .eml)",
            "Read one petition file (OCR for scans and photos) and print its fields. Writes nothing.",
            ["intake extract don-yeu-cau.docx", "intake extract scan.pdf --json | jq .confidence"])
    e.add_argument("file", metavar="FILE")
    e.add_argument("--json", action="store_true", help="the `fields` object plus per-field confidence and source")
    ro = add("route", cmd_route, "route a fields object (truth-file shape or bare fields) with the office directory",
             "Apply rules R1-R10 (Article 35, Law on Civil Judgment Enforcement) to a fields object and show "
             "every rule's hit or miss. Writes nothing.",
             ["intake route dev-007.json", "intake extract don.docx --json | jq .fields > f.json && "
              "intake route f.json --mailbox q3"])
    ro.add_argument("file", metavar="FIELDS.json")
    ro.add_argument("--mailbox", metavar="SLUG", help="mailbox it arrived in (default: expected.mailbox of the file)")
    ro.add_argument("--json", action="store_true", help="print expected, confidence, explanation, trace as JSON")
    st = add("status", cmd_status, "count cases per office and state, messages per stage, quarantine and outbox",
             "Show the store: cases per office and state, messages per stage, the quarantined messages "
             "(with the ids `intake replay` takes), the outbox and the last poll.",
             ["intake status", "intake status --json"])
    st.add_argument("--json", action="store_true")
    rp = add("replay", cmd_replay, "send quarantined message(s) back to the stage that failed and process them",
             "Send quarantined messages back to the step that failed (ids from `intake status`) and process "
             "them now. Exit 1 if one is not quarantined or crashes again.",
             ["intake replay 42", "intake replay 42 43 --no-run   # the next `intake run` processes them"])
    rp.add_argument("ids", metavar="ID", type=int, nargs="+", help="message id (see `intake status`, the triage page)")
    rp.add_argument("--no-run", action="store_true", help="only requeue; the next `run` processes them")
    add("demo", cmd_demo, "drop the shipped sample messages into the local Maildirs and run the pipeline once",
        "Drop the sample messages shipped with the program into data/maildir/<office>/new, run the pipeline "
        "once and list the cases. Running it again makes no second case.",
        ["intake demo", "intake demo && intake status"])
    add("migrate", cmd_migrate, "bring the store's schema to the newest revision (run does it too)",
        "Bring the store ([store] url) to the newest schema revision (alembic). Every command does it at start.",
        ["intake migrate", "intake --config /etc/intake.toml migrate"])
    sv = add("serve", cmd_serve, "serve the clerks' triage page (uvicorn on [web] host:port)",
             "Serve the clerks' triage page on [web] host:port (accounts: `intake user add`).",
             ["intake serve", "intake serve --host 0.0.0.0 --port 8080"])
    sv.add_argument("--host", help="listen address (default: [web] host)")
    sv.add_argument("--port", type=int, help="port (default: [web] port)")
    u = add("user", lambda a, o: (u.print_help(), EXIT_CONFIG)[1], "manage triage page users",
            "Manage the accounts of the triage page.", ["intake user add lan --office q3"])
    usub = u.add_subparsers(dest="user_command", metavar="ACTION")
    ua = usub.add_parser("add", help="add a user (password asked twice, or --password-file)",
                         description="Add a triage page user. The password is prompted for unless --password-file.",
                         epilog="examples:\n  intake user add lan --office q3\n"
                                "  intake user add minh --office cuc --role supervisor --password-file pw.txt",
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    ua.set_defaults(func=cmd_user_add)
    ua.add_argument("name")
    ua.add_argument("--office", required=True, metavar="SLUG", help="office slug; 'cuc' supervisors see all offices")
    ua.add_argument("--role", choices=("clerk", "supervisor", "admin"), default="clerk")
    ua.add_argument("--password-file", metavar="PATH", help="read the password from this file")
    return p


def cfg_hint(args: argparse.Namespace) -> str:
    path = args.config or os.environ.get(CONFIG_ENV)
    return f"{path}: " if path else ""


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = _Out(args.quiet)
    from sqlalchemy.exc import OperationalError

    try:
        return args.func(args, out)
    except OperationalError as e:
        print(f"error: the store cannot be used ({cfg_hint(args)}key 'store.url'): {e.orig or e}", file=sys.stderr)
        return EXIT_OPERATOR
    except ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        return EXIT_CONFIG
    except FileNotFoundError as e:
        print(f"error: {e.filename}: no such file", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        return EXIT_OPERATOR


if __name__ == "__main__":
    sys.exit(main())
