"""The intake test harness (imported by conftest.py and the tests): a config in tmp_path, its Maildirs, its store, and ways to run the
pipeline in-process (`run()`) or as the real `intake` program in a subprocess (`cli()`)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlmodel import Session

from intake.config import Config, load_config
from intake.maildir import deliver
from intake.pipeline import CrashAt, Pipeline, RunReport
from store.db import make_engine, migrate
from store.models import Case, Message, Outbox

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "intake"
INTAKE = [sys.executable, "-m", "intake.cli"]

PETITION_BODY = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

ĐƠN YÊU CẦU THI HÀNH ÁN

Kính gửi: Chi cục Thi hành án dân sự Quận 3

Người yêu cầu thi hành án: {name}, CCCD số 0790850{n:05d}, địa chỉ: {n} Võ Văn Tần, Phường 6, Quận 3, Thành phố Hồ Chí Minh.
Người phải thi hành án: Trần Thị Bình, địa chỉ: 5 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh.
Đề nghị thi hành Bản án số {n}/2024/DS-ST ngày 12/3/2024 của Tòa án nhân dân Quận 3.
Nội dung yêu cầu: buộc bà Trần Thị Bình trả cho tôi số tiền 150.000.000 đồng.

Thành phố Hồ Chí Minh, ngày 10 tháng 5 năm 2024
Người yêu cầu
{name}
"""


def petition_mail(n: int, mailbox: str = "q3", *, sender: str | None = None, cc: str | None = None,
                  headers: dict[str, str] | None = None) -> bytes:
    """A typed-in-the-body petition, unique per `n`, as delivered to `mailbox`."""
    m = EmailMessage()
    m["Return-Path"] = f"<{sender or f'nguoi{n}@example.vn'}>"
    m["Delivered-To"] = f"{mailbox}@thads-hcm.example"
    m["From"] = f"Nguyễn Văn An {n} <{sender or f'nguoi{n}@example.vn'}>"
    m["To"] = f"{mailbox}@thads-hcm.example"
    if cc:
        m["Cc"] = cc
    m["Subject"] = f"Đơn yêu cầu thi hành án số {n}"
    m["Date"] = format_datetime(datetime(2026, 11, 2, 9, 0, n % 60, tzinfo=timezone.utc))
    m["Message-ID"] = f"<petition-{n}@example.vn>"
    for k, v in (headers or {}).items():
        m[k] = v
    m.set_content(PETITION_BODY.format(n=n, name=f"Nguyễn Văn An {n}"))
    return m.as_bytes()


def redeliver(raw: bytes, mailbox: str) -> bytes:
    """The same message as a second office's server would store it (another Delivered-To line)."""
    return f"Delivered-To: {mailbox}@thads-hcm.example\r\n".encode() + raw


@dataclass
class Intake:
    folder: Path
    config_path: Path
    cfg: Config
    engine: Engine

    def deliver(self, mailbox: str, raw: bytes) -> Path:
        return deliver(self.cfg.mail.maildir.root, mailbox, raw)

    def deliver_sample(self, name: str) -> str:
        """Deliver tests/fixtures/intake/samples/<name> to the mailbox of its Delivered-To; return the slug."""
        from intake.demo import DELIVERED, mailbox_of

        raw = (FIXTURES / "samples" / name).read_bytes()
        slug = mailbox_of(raw, self.cfg, DELIVERED)
        assert slug is not None, name
        self.deliver(slug, raw)
        return slug

    def pipeline(self, **kw) -> Pipeline:
        return Pipeline(self.cfg, self.engine, **kw)

    def run(self, crash_at: CrashAt | None = None, **kw) -> RunReport:
        return self.pipeline(crash_at=crash_at, **kw).run_once()

    def cli(self, *args: str, crash: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        env.pop("INTAKE_CRASH_AT", None)
        if crash:
            env["INTAKE_CRASH_AT"] = crash
        return subprocess.run([*INTAKE, "--config", str(self.config_path), *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=timeout)

    def popen(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen([*INTAKE, "--config", str(self.config_path), *args], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    # ---- what the store holds
    def count(self, model, *where) -> int:  # noqa: ANN001
        with Session(self.engine) as s:
            return int(s.execute(select(func.count()).select_from(model).where(*where)).scalar_one())

    def cases(self) -> list[Case]:
        with Session(self.engine) as s:
            return list(s.execute(select(Case).order_by(Case.id)).scalars())

    def messages(self) -> list[Message]:
        with Session(self.engine) as s:
            return list(s.execute(select(Message).order_by(Message.id)).scalars())

    def outbox(self) -> list[Outbox]:
        with Session(self.engine) as s:
            return list(s.execute(select(Outbox).order_by(Outbox.id)).scalars())

    def outbox_files(self) -> list[Path]:
        return sorted(self.cfg.acknowledgement.outbox_dir.glob("*.eml"))
