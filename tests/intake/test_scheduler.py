"""`intake schedule`: polls at once, stops cleanly on SIGTERM without losing a message."""

from __future__ import annotations

import signal
import time
from datetime import datetime

from intake.scheduler import build_scheduler, daily_summary
from intake_harness import petition_mail
from store.models import Case, Message, Outbox, Stage


def test_sigterm_stops_cleanly_and_loses_nothing(intake):
    for n in range(30):
        intake.deliver("q3", petition_mail(n))
    proc = intake.popen("schedule")
    try:
        deadline = time.monotonic() + 90
        while intake.count(Case) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the first poll did not start"
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "SIGTERM received" in err and "schedule: stopped" in err
    # whatever was in hand was finished: no step is left half done
    assert intake.count(Message, Message.attempts > 0) == 0
    r = intake.cli("run", "--once")
    assert r.returncode == 0, r.stderr
    assert intake.count(Case) == 30 and intake.count(Outbox) == 30
    assert intake.count(Message, Message.stage == Stage.ACKNOWLEDGED) == 30


def test_jobs_and_daily_summary(intake):
    import threading

    sched = build_scheduler(intake.cfg, intake.engine, make_pipeline=lambda stop: None, stop=threading.Event(),
                            progress=lambda line: None)
    assert {j.id for j in sched.get_jobs()} == {"poll", "daily-summary"}
    intake.deliver("q3", petition_mail(1))
    intake.run()
    text = daily_summary(intake.engine, intake.cfg, now=datetime(2026, 12, 6, 17, 30))
    assert text.startswith("Tổng hợp ngày 06/12/2026 17:30") and "hộp thư đi: {'sent': 1}" in text
    assert (intake.cfg.data_dir / "summaries" / "2026-12-06.txt").read_text(encoding="utf-8") == text
