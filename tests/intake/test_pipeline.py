"""The pipeline end to end on real Maildirs, SQLite and PostgreSQL, in-process."""

from __future__ import annotations

import email
import unicodedata
from email import policy
from pathlib import Path

import pytest
from sqlmodel import Session

from intake.pipeline import CrashAt, replay
from store.models import Case, Message, Outbox, Sighting, Stage

from intake_harness import FIXTURES, petition_mail, redeliver

SAMPLES = sorted((FIXTURES / "samples").glob("*.eml"))


def test_shared_samples_each_become_one_case_with_one_ack(intake_any):
    slugs = {p.name: intake_any.deliver_sample(p.name) for p in SAMPLES}
    assert len(SAMPLES) >= 12
    report = intake_any.run()
    assert report.errors == [], report.errors
    cases = intake_any.cases()
    assert len(cases) == len(SAMPLES), [(m.mailbox, m.stage, m.quarantine_code, (m.quarantine_detail or "")[:200])
                                        for m in intake_any.messages() if m.stage == Stage.QUARANTINED]
    assert sorted(c.mailbox for c in cases) == sorted(slugs.values())
    for c in cases:  # the receipt number carries the mailbox's office slug and the year
        assert c.receipt_number.startswith(f"{c.mailbox.upper()}-20")
    assert {m.stage for m in intake_any.messages()} == {Stage.ACKNOWLEDGED}
    rows = intake_any.outbox()
    assert len(rows) == len(cases) and {r.status for r in rows} == {"sent"}
    assert len(intake_any.outbox_files()) == len(cases)
    assert report.cases == len(cases) and report.new == len(cases)


def test_ack_is_vietnamese_threaded_and_auto_submitted(intake):
    raw = petition_mail(1, "q3", headers={"References": "<older@example.vn>"})
    intake.deliver("q3", raw)
    intake.run()
    [path] = intake.outbox_files()
    ack = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    [case] = intake.cases()
    assert ack["Auto-Submitted"] == "auto-replied"
    assert ack["In-Reply-To"] == "<petition-1@example.vn>"
    assert ack["References"].split() == ["<older@example.vn>", "<petition-1@example.vn>"]
    assert ack["To"] == "nguoi1@example.vn"
    assert "q3@thads-hcm.example" in ack["From"]
    assert case.receipt_number in ack["Subject"] and "Xác nhận đã nhận đơn yêu cầu thi hành án" in ack["Subject"]
    text = ack.get_body(("plain",)).get_content()
    html = ack.get_body(("html",)).get_content()
    for body in (text, html):
        assert case.receipt_number in body
        assert "Chi cục Thi hành án dân sự Quận 3" in body
        assert unicodedata.is_normalized("NFC", body)


def test_running_twice_and_refetching_makes_no_second_case(intake_any):
    for n in range(5):
        intake_any.deliver("q3", petition_mail(n))
    intake_any.run()
    second = intake_any.run()
    assert second.new == 0 and second.cases == 0
    # A new UIDVALIDITY epoch offers every message again: recognised by its bytes.
    (intake_any.cfg.mail.maildir.root / "q3" / ".intake-uidvalidity").unlink()
    third = intake_any.run()
    assert third.new == 0 and third.cases == 0
    assert third.mailboxes[[m.mailbox for m in third.mailboxes].index("q3")].duplicates == 5
    assert intake_any.count(Case) == 5 and intake_any.count(Outbox) == 5
    assert intake_any.count(Sighting) == 10


def test_cc_to_two_offices_is_one_case(intake_any):
    raw = petition_mail(7, "q3", cc="q1@thads-hcm.example")
    intake_any.deliver("q3", raw)
    intake_any.deliver("q1", redeliver(raw, "q1"))  # other bytes, same Message-ID
    report = intake_any.run()
    assert report.new == 1
    [case] = intake_any.cases()
    assert intake_any.count(Sighting) == 2 and intake_any.count(Message) == 1
    assert intake_any.count(Outbox) == 1
    assert case.mailbox in {"q1", "q3"}


@pytest.mark.parametrize("fixture, code", [("auto_reply_vacation.eml", "auto-reply"), ("bounce_dsn.eml", "bounce"),
                                           ("mailing_list_digest.eml", "mailing-list")])
def test_auto_reply_bounce_and_list_get_no_acknowledgement(intake, fixture, code):
    intake.deliver("q3", (FIXTURES / fixture).read_bytes())
    report = intake.run()
    [msg] = intake.messages()
    assert msg.stage == Stage.QUARANTINED and msg.quarantine_code == code and msg.failed_stage == "parse"
    assert intake.count(Case) == 0 and intake.count(Outbox) == 0 and intake.outbox_files() == []
    assert not report.needs_operator  # expected quarantine, nothing for an operator


def test_no_ack_to_own_address_or_beyond_the_daily_limit(intake):
    intake.deliver("q3", petition_mail(1, sender="q1@thads-hcm.example"))
    for n in range(2, 9):  # 7 petitions from one sender; the limit is 5 a day
        intake.deliver("q3", petition_mail(n, sender="hay-gui@example.vn"))
    report = intake.run()
    own = [m for m in intake.messages() if m.from_addr == "q1@thads-hcm.example"]
    assert [m.quarantine_code for m in own] == ["own-address"]
    assert intake.count(Case) == 7
    assert [r.to_addr for r in intake.outbox()] == ["hay-gui@example.vn"] * 5
    assert report.suppressed == 2 and report.acknowledged == 5


def test_crash_in_routing_quarantines_with_reason(intake):
    for n in range(3):
        intake.deliver("q3", petition_mail(n))
    report = intake.run(crash_at=CrashAt("route", 2, "raise"))
    msgs = intake.messages()
    bad = [m for m in msgs if m.stage == Stage.QUARANTINED]
    assert len(bad) == 1
    assert bad[0].failed_stage == "route" and bad[0].quarantine_code == "crash"
    assert "InjectedCrash" in bad[0].quarantine_detail and bad[0].quarantine_detail.startswith("route:")
    assert intake.count(Case) == 2  # the others went on; the failed step left nothing behind
    assert report.needs_operator and report.crashes == 1
    # replay sends it back to routing; this time it becomes a case
    assert replay(intake.engine, bad[0].id) == Stage.PARSED
    again = intake.run()
    assert again.cases == 1 and intake.count(Case) == 3 and intake.count(Outbox) == 3


def test_stop_event_finishes_the_message_in_hand(intake):
    for n in range(4):
        intake.deliver("q3", petition_mail(n))
    p = intake.pipeline()
    p.stop.set()
    report = p.run_once()
    assert report.stopped and report.new == 0
    assert intake.run().cases == 4


def test_long_backlog_reports_progress_while_processing(intake):
    for n in range(3):
        intake.deliver("q3", petition_mail(n))
    lines: list[str] = []
    p = intake.pipeline(progress=lines.append)
    p.PROGRESS_SECONDS = 0.0  # every message, instead of every 15 seconds
    p.run_once()
    assert "processed 1/3 messages (cases 1, quarantined 0)" in lines
    assert "processed 2/3 messages (cases 2, quarantined 0)" in lines
    assert any(line.startswith("q3: 3 fetched, 3 new") for line in lines)


def test_mailbox_error_is_reported_and_the_others_go_on(intake):
    intake.deliver("q1", petition_mail(1, "q1"))
    broken = intake.cfg.mail.maildir.root / "q3"
    broken.write_text("not a folder")
    report = intake.run()
    assert report.needs_operator
    assert any("q3" in e for e in report.errors)
    assert intake.count(Case) == 1


def test_repeated_crash_in_process_counts_attempts(intake):
    """attempts survive: a step started twice without finishing is quarantined at its third start."""
    intake.deliver("q3", petition_mail(1))
    p = intake.pipeline()
    p.poll_mailbox(intake.cfg.office("q3"))
    [msg] = intake.messages()
    with Session(intake.engine) as s:  # as two killed runs leave it
        m = s.get(Message, msg.id)
        m.attempts = 2
        s.commit()
    assert p.process(msg.id) == Stage.QUARANTINED
    [msg] = intake.messages()
    assert msg.quarantine_code == "repeated-crash" and msg.failed_stage == "parse"
