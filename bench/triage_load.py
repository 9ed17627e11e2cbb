"""Load test of the triage queue: 100,000 cases in a SQLite store, then time the pages.

    .venv/bin/python bench/triage_load.py [--cases 100000] [--db PATH] [--repeat 5]

Prints the median time of: the queue page (a Cục supervisor and a district clerk),
a search by name, by receipt number, by ID number and by judgment number, a
filtered page (office + lane + flag), a deep page and the case page.
Each figure is a full HTTP request through the app (FastAPI TestClient).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from intake.config import load_config  # noqa: E402
from store.db import make_engine, migrate  # noqa: E402
from store.models import Case, Message  # noqa: E402
from triage.app import create_app  # noqa: E402
from triage.users import add_user  # noqa: E402

PASSWORD = "bench-password-123"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Quang", "Thanh", "Hữu", "Đức"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Quyên", "Sơn", "Thu", "Vinh"]
TYPES = ["DS", "KDTM", "HNGĐ", "LĐ", "HS", "HC"]
FLAGS = [[], [], [], ["limitation_risk"], ["missing:debtor_address"], ["wrong_office_addressed"], ["no_diacritics"]]


def fill(engine, slugs: list[str], n: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    now = datetime.now(timezone.utc)
    batch = 5000
    counters: dict[str, int] = {}
    with engine.begin() as conn:
        for start in range(0, n, batch):
            msgs, cases = [], []
            for i in range(start, min(n, start + batch)):
                raw = f"Subject: Đơn {i}\r\n\r\nĐơn yêu cầu thi hành án {i}\r\n".encode()
                mailbox = rnd.choice(slugs)
                office = "triage" if rnd.random() < 0.08 else mailbox
                msgs.append({"id": i + 1, "sha256": hashlib.sha256(raw).hexdigest(), "raw": raw, "size": len(raw),
                             "mailbox": mailbox, "stage": "acknowledged", "attempts": 0, "subject": f"Đơn {i}",
                             "received_at": now})
                counters[mailbox] = counters.get(mailbox, 0) + 1
                conf = rnd.choice([0.95, 0.9, 0.85, 0.6, 0.3])
                flags = rnd.choice(FLAGS)
                needs = office == "triage" or conf < 0.8 or bool(flags)
                state = rnd.choices(["new", "needs_review", "accepted", "info_requested", "rejected"], [3, 3, 10, 1, 1])[0]
                if state in ("new", "needs_review"):
                    state = "needs_review" if needs else "new"
                name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
                jn = f"{rnd.randint(1, 2000)}/{rnd.randint(2012, 2024)}/{rnd.choice(TYPES)}-ST"
                cases.append({
                    "id": i + 1, "message_pk": i + 1,
                    "receipt_number": f"{mailbox.upper()}-2026-{counters[mailbox]:06d}",
                    "mailbox": mailbox, "office": office, "state": state, "rule": "R1",
                    "lane": rnd.choices(["normal", "credit", "corruption"], [85, 12, 3])[0], "flags": flags,
                    "confidence": conf, "needs_review": needs, "requester_name": name,
                    "id_number": f"079{rnd.randint(0, 10**9 - 1):09d}", "judgment_number": jn,
                    "extraction": {"fields": {"requester": {"name": name}, "judgment": {"number": jn}}, "notes": {}},
                    "decision": {"office": office, "rule": "R1", "lane": "normal", "flags": flags, "confidence": conf},
                    "created_at": now - timedelta(minutes=rnd.randint(0, 60 * 24 * 365 * 2)), "updated_at": now,
                })
            conn.execute(insert(Message.__table__), msgs)
            conn.execute(insert(Case.__table__), cases)


def timed(client: TestClient, url: str, params: dict, repeat: int) -> tuple[float, int]:
    times, total = [], -1
    for _ in range(repeat):
        t = time.perf_counter()
        r = client.get(url, params=params)
        times.append(time.perf_counter() - t)
        assert r.status_code == 200, (url, params, r.status_code)
        m = re.search(r"(\d+) hồ sơ · trang", r.text)
        total = int(m.group(1)) if m else -1
    return statistics.median(times) * 1000, total


def signed_in(app, name: str) -> TestClient:
    c = TestClient(app)
    token = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text).group(1)
    r = c.post("/login", data={"name": name, "password": PASSWORD, "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=None, help="SQLite file (default: a temporary one)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    cfg = load_config(ROOT / "config.toml")
    cfg.routing.directory = ROOT / cfg.routing.directory
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    migrate(engine)
    # The queue's indexes declared in store/models.py, in case the migrations do not have them yet.
    for index in Case.__table__.indexes:
        index.create(engine, checkfirst=True)
    slugs = [o.slug for o in cfg.offices]
    t = time.perf_counter()
    fill(engine, slugs, args.cases)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    print(f"filled {args.cases} cases in {time.perf_counter() - t:.1f} s ({db})")
    add_user(engine, "bench_sup", "cuc", "supervisor", PASSWORD)
    add_user(engine, "bench_q3", "q3", "clerk", PASSWORD)
    app = create_app(cfg, engine)
    sup, clerk = signed_in(app, "bench_sup"), signed_in(app, "bench_q3")
    from sqlmodel import Session, select

    with Session(engine) as s:
        sample = s.exec(select(Case).where(Case.office == "q3").offset(1234).limit(1)).one()
    checks = [
        ("queue page, Cục supervisor (all offices)", sup, "/queue", {}),
        ("queue page, Quận 3 clerk", clerk, "/queue", {}),
        ("queue, all states, newest first", sup, "/queue", {"state": "all", "sort": "newest"}),
        ("search by name (substring)", sup, "/queue", {"q": "Phúc", "state": "all"}),
        ("search by receipt number", sup, "/queue", {"q": sample.receipt_number, "state": "all"}),
        ("search by ID number", sup, "/queue", {"q": sample.id_number, "state": "all"}),
        ("search by judgment number", sup, "/queue", {"q": sample.judgment_number, "state": "all"}),
        ("filtered: office+lane+flag", sup, "/queue", {"office": "q3", "lane": "credit", "flag": "missing:",
                                                       "state": "all"}),
        ("filtered: date range", sup, "/queue", {"date_from": (datetime.now() - timedelta(days=30)).date().isoformat(),
                                                 "state": "all"}),
        ("deep page (page 500)", sup, "/queue", {"state": "all", "page": 500}),
        ("case page", clerk, f"/case/{sample.id}", {}),
        ("overview (supervisor)", sup, "/overview", {}),
    ]
    print(f"{'request':45} {'median ms':>10} {'matches':>8}")
    for label, client, url, params in checks:
        ms, total = timed(client, url, params, args.repeat)
        print(f"{label:45} {ms:10.1f} {total if total >= 0 else '':>8}")
    engine.dispose()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
