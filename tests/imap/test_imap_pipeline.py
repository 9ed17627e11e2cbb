"""The intake pipeline end to end against a real Dovecot: `[mail] backend = "imap"`.

Each test loads numbered copies of petitions typed in the mail body
(tests/fixtures/imap/) into per-test mailboxes, runs the pipeline (in process,
or `intake run --once` as a subprocess for the SIGKILL test) and counts rows
in the store.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from intake.config import load_config
from intake.pipeline import Pipeline
from store.db import make_engine, migrate
from store.models import Case, Message, Sighting, Stage
from tests.servers.mailboxes import PASSWORD, Account, Mailboxes
from tests.servers.config import ROOT, write_imap_config
from tests.servers.mail import copies

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "imap"
PASSWORD_ENV = "INTAKE_TEST_IMAP_PASSWORD"
SEEN = b"\\Seen"


def petitions() -> list[bytes]:
    return [p.read_bytes() for p in sorted(FIXTURES.glob("petition_in_body_*.eml"))]


def load(acct: Account, count: int, tag: str) -> None:
    """`count` distinct petitions into the account's INBOX (straight into its Maildir)."""
    acct.server.deliver(acct.user, copies(petitions(), tag, count))


def config(tmp_path: Path, accounts: list[Account], **kw) -> Path:
    server = accounts[0].server
    return write_imap_config(tmp_path, server.host, server.port,
                             [(a.office.slug, a.user) for a in accounts], password_env=PASSWORD_ENV, **kw)


def run_once(cfg_path: Path):
    cfg = load_config(cfg_path)
    engine = make_engine(cfg.store.url)
    migrate(engine)
    return Pipeline(cfg, engine).run_once(), engine


def counts(engine) -> dict[str, int]:
    with Session(engine) as s:
        n = lambda model: s.execute(select(func.count()).select_from(model)).scalar_one()  # noqa: E731
        per_stage = dict(s.execute(select(Message.stage, func.count()).group_by(Message.stage)).all())
        per_message = [k for _, k in s.execute(select(Case.message_pk, func.count()).group_by(Case.message_pk))]
        return {"messages": n(Message), "cases": n(Case), "sightings": n(Sighting),
                "max_cases_per_message": max(per_message, default=0), **per_stage}


@pytest.fixture
def imap_password(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    return PASSWORD


def test_pipeline_stores_routes_and_settles_imap_mail(tmp_path, mailboxes: Mailboxes, imap_password):
    q1, q3 = mailboxes.office("q1"), mailboxes.office("q3")
    load(q1, 4, "q1")
    load(q3, 3, "q3")
    report, engine = run_once(config(tmp_path, [q1, q3]))
    assert report.errors == []
    c = counts(engine)
    assert c["messages"] == 7 and c["cases"] == 7 and c["max_cases_per_message"] == 1
    assert c.get(Stage.ACKNOWLEDGED, 0) == 7
    assert all(SEEN in f for f in q1.flags().values()) and len(q1.flags()) == 4
    report, _ = run_once(config(tmp_path, [q1, q3]))
    assert report.new == 0 and counts(engine)["messages"] == 7


def test_pipeline_moves_to_done_folder(tmp_path, mailboxes: Mailboxes, imap_password):
    q4 = mailboxes.office("q4")
    load(q4, 3, "q4")
    report, engine = run_once(config(tmp_path, [q4], done_folder="Intake/Done"))
    assert report.errors == [] and counts(engine)["cases"] == 3
    assert q4.uids() == [] and len(q4.uids("Intake/Done")) == 3


def test_one_failing_mailbox_does_not_stop_the_others(tmp_path, lonely_dovecot, imap_password):
    boxes = Mailboxes(lonely_dovecot)
    q1, q2, q3 = boxes.office("q1"), boxes.office("q2", password="another-password"), boxes.office("q3")
    for acct in (q1, q2, q3):
        load(acct, 2, acct.office.slug)
    report, engine = run_once(config(tmp_path, [q1, q2, q3]))
    assert [m.mailbox for m in report.mailboxes if m.error] == ["q2"]
    (err,) = report.errors
    assert "q2" in err and "offices[q2].user" in err and "mail.imap.password" in err
    assert counts(engine)["cases"] == 4
    assert len(q2.flags()) == 2 and not any(SEEN in f for f in q2.flags().values())


def test_uidvalidity_change_produces_no_duplicate_cases(tmp_path, dovecot, mailboxes: Mailboxes, imap_password):
    q5 = mailboxes.office("q5")
    load(q5, 5, "q5")
    cfg = config(tmp_path, [q5])
    _, engine = run_once(cfg)
    before = counts(engine)
    assert before["cases"] == 5
    dovecot.reset_uidvalidity(q5.user)
    report, _ = run_once(cfg)
    after = counts(engine)
    assert report.new == 0 and report.mailboxes[0].duplicates == 5
    assert after["messages"] == 5 and after["cases"] == 5 and after["max_cases_per_message"] == 1
    assert after["sightings"] == 10  # seen under both UIDVALIDITY values


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as con:
            return con.execute("select count(*) from message").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("how", ["external-sigkill", "sigkill-after-store-before-settle"])
def test_sigkill_mid_run_then_rerun_gives_one_case_per_message(how, tmp_path, mailboxes: Mailboxes, imap_password):
    q7 = mailboxes.office("q7")
    load(q7, 100, "q7")
    cfg_path = config(tmp_path, [q7], batch=10)
    db = tmp_path / "data" / "intake.sqlite3"
    env = dict(os.environ, **{PASSWORD_ENV: imap_password})
    cmd = [sys.executable, "-m", "intake.cli", "--quiet", "--config", str(cfg_path), "run", "--once"]
    if how == "external-sigkill":
        p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while _stored(db) < 30 and p.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert p.poll() is None, f"finished before the kill: {p.communicate()}"
        p.send_signal(signal.SIGKILL)
        p.communicate()
        assert p.returncode == -signal.SIGKILL
    else:
        # The pipeline's test hook kills itself right after the 40th commit, before settle().
        r = subprocess.run(cmd, cwd=ROOT, env=dict(env, INTAKE_CRASH_AT="store:40:kill"), capture_output=True)
        assert r.returncode == -signal.SIGKILL, r.stderr.decode()
    stored = _stored(db)
    assert 0 < stored < 100
    r = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode in (0, 1), r.stderr
    engine = make_engine(load_config(cfg_path).store.url)
    c = counts(engine)
    assert c["messages"] == 100, c
    assert c["cases"] == 100 and c["max_cases_per_message"] == 1, c
    assert all(SEEN in f for f in q7.flags().values())
