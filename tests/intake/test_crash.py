"""Crash safety of the real `intake run --once` program: SIGKILL at any point, then run again."""

from __future__ import annotations

import signal
from collections import Counter

import pytest

from intake_harness import petition_mail
from store.models import Case, Message, Outbox, Sighting, Stage

MAILBOXES = ("q1", "q3", "cuc")


def _deliver_many(h, n: int) -> None:  # noqa: ANN001
    for i in range(n):
        h.deliver(MAILBOXES[i % len(MAILBOXES)], petition_mail(i, MAILBOXES[i % len(MAILBOXES)]))


def _assert_exactly_once(h, n: int) -> None:  # noqa: ANN001
    msgs = h.messages()
    assert len(msgs) == n
    assert Counter(m.stage for m in msgs) == {Stage.ACKNOWLEDGED: n}, \
        [(m.id, m.stage, m.quarantine_code) for m in msgs if m.stage != Stage.ACKNOWLEDGED]
    cases = h.cases()
    assert len(cases) == n and len({c.message_pk for c in cases}) == n
    assert len({c.receipt_number for c in cases}) == n
    rows = h.outbox()
    assert len(rows) == n and {r.status for r in rows} == {"sent"}
    assert len({r.case_id for r in rows}) == n
    assert len(h.outbox_files()) == n  # delivered once each, nothing skipped
    assert h.count(Sighting) == n
    root = h.cfg.mail.maildir.root  # every stored message was settled (flag S), none left unread
    assert [p.name for p in root.glob("*/new/*")] == []
    assert len(list(root.glob("*/cur/*:2,S"))) == n


def test_sigkill_in_the_middle_of_100_messages_then_rerun(intake_any):
    _deliver_many(intake_any, 100)
    killed = intake_any.cli("run", "--once", crash="route:40:kill")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    partial = intake_any.messages()
    assert 0 < len(partial) <= 100
    assert intake_any.count(Case) == 39  # the 40th routing step died before its commit
    rerun = intake_any.cli("run", "--once")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    _assert_exactly_once(intake_any, 100)
    again = intake_any.cli("run", "--once")
    assert again.returncode == 0 and "new=0 cases=0" in again.stdout


@pytest.mark.parametrize("point", ["store:7", "parse:5", "acknowledge:6", "send:4"])
def test_sigkill_at_each_point_never_duplicates_nor_skips(intake, point):
    _deliver_many(intake, 12)
    killed = intake.cli("run", "--once", crash=f"{point}:kill")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    rerun = intake.cli("run", "--once")
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    _assert_exactly_once(intake, 12)


def test_repeated_crash_is_quarantined_on_the_third_attempt(intake):
    intake.deliver("q3", petition_mail(1))
    intake.deliver("q3", petition_mail(2))
    for _ in range(2):
        r = intake.cli("run", "--once", crash="route:1:kill")
        assert r.returncode == -signal.SIGKILL
    third = intake.cli("run", "--once")  # the third start of the poison message's routing step
    assert third.returncode == 1, third.stdout + third.stderr  # an operator must look
    msgs = {m.message_id: m for m in intake.messages()}
    poison = msgs["<petition-1@example.vn>"]
    assert poison.stage == Stage.QUARANTINED
    assert poison.quarantine_code == "repeated-crash" and poison.failed_stage == "route"
    assert msgs["<petition-2@example.vn>"].stage == Stage.ACKNOWLEDGED
    # `intake replay` sends it back to routing; without the crash it becomes a case
    replayed = intake.cli("replay", str(poison.id))
    assert replayed.returncode == 0, replayed.stderr
    assert "back to parsed" in replayed.stdout and "now acknowledged" in replayed.stdout
    assert intake.count(Case) == 2 and intake.count(Outbox) == 2
    assert intake.count(Message, Message.stage == Stage.QUARANTINED) == 0
