"""The `intake` program as an operator runs it (real subprocesses)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from intake_harness import FIXTURES, INTAKE, ROOT, petition_mail
from store.models import Case
from truth_schema import errors, load_truth_schema

SUBCOMMANDS = ["run", "schedule", "inspect", "extract", "route", "status", "replay", "demo", "migrate", "serve"]
EXPECTED_KEYS = {"office", "rule", "lane", "flags", "forward_to", "preferred_officer"}


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*INTAKE, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_help_of_every_subcommand():
    top = _run("--help")
    assert top.returncode == 0 and "examples:" in top.stdout
    for name in SUBCOMMANDS:
        assert name in top.stdout
        sub = _run(name, "--help")
        assert sub.returncode == 0 and "usage: intake" in sub.stdout and "examples:" in sub.stdout, name
    assert _run("user", "add", "--help").returncode == 0


def test_config_error_names_the_file_and_key_and_exits_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[offices]]\nslug = "q1"\nname = "Q1"\naddress = "q1@x.example"\n[mail]\nbackendd = "imap"\n')
    r = _run("--config", str(bad), "run", "--once")
    assert r.returncode == 2
    assert str(bad) in r.stderr and "mail.backendd" in r.stderr
    r = _run("status", env={"INTAKE_CONFIG": str(bad)})  # the environment variable selects it too
    assert r.returncode == 2 and "mail.backendd" in r.stderr
    missing = _run("--config", str(tmp_path / "nope.toml"), "status")
    assert missing.returncode == 2 and "nope.toml" in missing.stderr


def test_inspect_json_follows_the_truth_schema_and_touches_nothing(intake):
    r = intake.cli("inspect", str(FIXTURES / "samples" / "dev-007.eml"), "--mailbox", "hoc-mon", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)  # exactly one JSON object: json.loads refuses anything after it
    assert isinstance(out, dict)
    truth = json.loads((FIXTURES / "dev-007.truth.json").read_text(encoding="utf-8"))
    schema = load_truth_schema()
    assert set(out["fields"]) == set(truth["fields"])
    assert errors(schema, out["fields"], schema["properties"]["fields"]) == []
    decision = out["decision"]
    assert EXPECTED_KEYS <= set(decision) and decision["mailbox"] == "hoc-mon"
    expected_part = {k: decision[k] for k in schema["properties"]["expected"]["required"]}
    assert errors(schema, expected_part, schema["properties"]["expected"]) == []
    assert isinstance(decision["confidence"], float) and isinstance(decision["explanation"], str)
    assert isinstance(out["confidence"], float) and isinstance(out["explanation"], str)
    assert errors(schema, out["email"], schema["properties"]["email"]) == []
    for key in ("subject", "petition_in", "petition_attachment"):
        assert out["email"][key] == truth["email"][key], key
    assert [a["filename"] for a in out["email"]["attachments"]] == [a["filename"] for a in truth["email"]["attachments"]]
    assert out["headers"]["subject"] == truth["email"]["subject"]
    assert out["rejected"] is None
    assert intake.count(Case) == 0 and not intake.cfg.acknowledgement.outbox_dir.exists()
    text = intake.cli("inspect", str(FIXTURES / "samples" / "dev-007.eml"))
    assert text.returncode == 0 and "Quyết định:" in text.stdout


def test_inspect_shows_why_an_auto_reply_is_quarantined(intake):
    r = intake.cli("inspect", str(FIXTURES / "auto_reply_vacation.eml"), "--json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["rejected"]["code"] == "auto-reply"


def test_route_and_extract_commands(intake):
    r = intake.cli("route", str(FIXTURES / "dev-007.truth.json"), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert EXPECTED_KEYS <= set(out["expected"]) and out["expected"]["mailbox"] == "hoc-mon"
    e = intake.cli("extract", str(FIXTURES / "dev-007-petition.txt"), "--json")
    assert e.returncode == 0, e.stderr
    got = json.loads(e.stdout)
    assert {"fields", "confidence", "source"} <= set(got)
    assert set(got["confidence"]) == set(got["source"])


def test_run_prints_progress_per_mailbox_and_a_summary_then_status(intake):
    intake.deliver("q3", petition_mail(1))
    intake.deliver("q1", petition_mail(2, "q1"))
    r = intake.cli("run", "--once")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().startswith("new=2 cases=2 quarantined=0 acknowledged=2 sent=2")
    progress = [line for line in r.stderr.splitlines() if line]
    assert len(progress) == len(intake.cfg.offices) and progress[0].startswith("cuc:")
    quiet = intake.cli("--quiet", "run", "--once")
    assert quiet.returncode == 0 and quiet.stderr == ""
    s = intake.cli("status")
    assert s.returncode == 0 and "acknowledged" in s.stdout
    js = json.loads(intake.cli("status", "--json").stdout)
    assert sum(sum(per.values()) for per in js["cases"].values()) == 2
    assert js["outbox"] == {"sent": 2}


def test_run_exits_1_when_a_mailbox_cannot_be_read(intake):
    (intake.cfg.mail.maildir.root).mkdir(parents=True, exist_ok=True)
    (intake.cfg.mail.maildir.root / "q6").write_text("not a Maildir")
    r = intake.cli("run", "--once")
    assert r.returncode == 1
    assert "q6" in r.stderr


def test_replay_of_a_message_that_is_not_quarantined_exits_1(intake):
    r = intake.cli("replay", "999")
    assert r.returncode == 1 and "999: not replayed: no such message" in r.stderr
    intake.deliver("q3", petition_mail(5))
    intake.run()
    r = intake.cli("replay", "1")
    assert r.returncode == 1 and "it is acknowledged, not quarantined" in r.stderr


def test_status_is_readable_on_an_empty_store_and_lists_quarantined_ids(intake):
    empty = intake.cli("status")
    assert empty.returncode == 0, empty.stderr
    assert "No cases yet." in empty.stdout and "Last poll: never" in empty.stdout
    assert "{" not in empty.stdout  # no Python dicts
    intake.deliver("q3", petition_mail(1))
    intake.deliver("q3", (FIXTURES / "auto_reply_vacation.eml").read_bytes())
    intake.run()
    text = intake.cli("status").stdout
    assert "Cases per office and state:" in text and "q3" in text
    assert "Quarantined, by reason: auto-reply 1" in text and "message 2: auto-reply at parse" in text
    assert "intake replay ID" in text and "Outbox: sent 1" in text and "{" not in text


def test_an_unknown_office_names_the_option_and_the_config_key(intake, tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("mật-khẩu-dài-đủ-12345\n", encoding="utf-8")
    r = intake.cli("user", "add", "x", "--office", "nowhere", "--password-file", str(pw))
    assert r.returncode == 2 and "--office 'nowhere'" in r.stderr and "offices[].slug" in r.stderr


def test_demo_drops_the_shipped_samples_and_runs(tmp_path, write_config):
    cfg_path = write_config(tmp_path / "demo", f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    # the demo's mail goes to the offices named in its Delivered-To headers: give it every office
    full = (ROOT / "config.toml").read_text(encoding="utf-8")
    offices = full[full.index("[[offices]]"):]
    head = cfg_path.read_text(encoding="utf-8")
    cfg_path.write_text(head[:head.index("[[offices]]")] + offices, encoding="utf-8")
    r = _run("--config", str(cfg_path), "demo")
    assert r.returncode in (0, 1), r.stderr
    assert "Acknowledgements:" in r.stdout and "Cases in" in r.stdout
    cases = [line for line in r.stdout.splitlines() if "mailbox" in line and "→" in line]
    assert len(cases) >= 6
    acks = list((tmp_path / "demo" / "outbox").glob("*.eml"))
    assert len(acks) == len(cases)
    again = _run("--config", str(cfg_path), "--quiet", "demo")
    assert "new=0 cases=0" in again.stdout  # the same bytes again: no second case


@pytest.mark.parametrize("args", [["user"], ["user", "add", "x"]])
def test_user_without_required_arguments_is_refused(args):
    r = _run(*args)
    assert r.returncode == 2


def test_user_add_with_a_password_file(intake, tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("mật-khẩu-dài-đủ-12345\n", encoding="utf-8")
    r = intake.cli("user", "add", "lan", "--office", "q3", "--role", "clerk", "--password-file", str(pw))
    assert r.returncode == 0, r.stderr
    again = intake.cli("user", "add", "lan", "--office", "q3", "--password-file", str(pw))
    assert again.returncode == 1 and "user not added" in again.stderr
    unknown = intake.cli("user", "add", "binh", "--office", "nowhere", "--password-file", str(pw))
    assert unknown.returncode == 2 and "nowhere" in unknown.stderr
