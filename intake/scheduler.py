"""`intake schedule`: the pipeline as a long-running APScheduler process.

The one module that imports apscheduler. Two jobs on a BlockingScheduler:
- `poll`: one `Pipeline.run_once()` every `[schedule] poll_seconds`
  (max one instance; a late run is coalesced, never doubled);
- `daily-summary`: at `[schedule] daily_summary_at` (in `timezone`), counts
  per office and state written to stderr and to `<data_dir>/summaries/DATE.txt`.
SIGTERM or SIGINT sets a stop event that the pipeline checks between
messages, then shuts the scheduler down waiting for the running job: the
message in hand is finished (its step is one transaction) and nothing is lost.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine
from sqlmodel import Session

from intake.config import Config
from store import repo


def daily_summary(engine: Engine, cfg: Config, now: datetime | None = None) -> str:
    """A readable summary of the store (cases per office and state, quarantine, outbox); also written to a file."""
    tz = ZoneInfo(cfg.schedule.timezone)
    now = now or datetime.now(tz)
    with Session(engine) as s:
        cases, quarantine, outbox = repo.case_counts(s), repo.quarantine_counts(s), repo.outbox_counts(s)
    lines = [f"Tổng hợp ngày {now:%d/%m/%Y %H:%M}"]
    for office in sorted(cases):
        per = ", ".join(f"{st} {n}" for st, n in sorted(cases[office].items()))
        lines.append(f"  {office}: {per}")
    lines.append(f"  cách ly: {quarantine or 0}")
    lines.append(f"  hộp thư đi: {outbox or 0}")
    text = "\n".join(lines) + "\n"
    folder = cfg.data_dir / "summaries"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{now:%Y-%m-%d}.txt").write_text(text, encoding="utf-8")
    return text


def build_scheduler(cfg: Config, engine: Engine, *, make_pipeline: Callable, stop: threading.Event,
                    progress: Callable[[str], None]) -> BlockingScheduler:
    """The scheduler with its two jobs (not started)."""
    tz = ZoneInfo(cfg.schedule.timezone)
    sched = BlockingScheduler(timezone=tz)

    def poll() -> None:
        if stop.is_set():
            return
        report = make_pipeline(stop).run_once()
        progress(report.summary())
        for err in report.errors:
            progress(f"error: {err}")

    def summary() -> None:
        progress(daily_summary(engine, cfg))

    hour, minute = (int(x) for x in cfg.schedule.daily_summary_at.split(":"))
    sched.add_job(poll, IntervalTrigger(seconds=cfg.schedule.poll_seconds, timezone=tz), id="poll",
                  max_instances=1, coalesce=True, next_run_time=datetime.now(tz))
    sched.add_job(summary, CronTrigger(hour=hour, minute=minute, timezone=tz), id="daily-summary",
                  max_instances=1, coalesce=True)
    return sched


def run_schedule(cfg: Config, engine: Engine, *, make_pipeline: Callable, progress: Callable[[str], None]) -> int:
    """Run until SIGTERM/SIGINT. Returns the exit code (0 after a clean stop)."""
    stop = threading.Event()
    sched = build_scheduler(cfg, engine, make_pipeline=make_pipeline, stop=stop, progress=progress)

    stopper = threading.Thread(target=sched.shutdown, kwargs={"wait": True}, name="intake-stop")

    def on_signal(signum: int, _frame) -> None:  # noqa: ANN001
        if stop.is_set():
            return
        progress(f"schedule: {signal.Signals(signum).name} received, finishing the message in hand")
        stop.set()
        stopper.start()  # shutdown() from the handler itself would block the main loop it must end

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    progress(f"schedule: polling every {cfg.schedule.poll_seconds} s, summary at {cfg.schedule.daily_summary_at}")
    sched.start()  # blocks until shutdown
    if stopper.is_alive() or stop.is_set():
        stopper.join()  # the running poll job has finished its message
    progress("schedule: stopped")
    return 0
