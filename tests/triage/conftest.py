"""Fixtures of the triage tests: a fresh migrated SQLite store, users, cases, a signed-in client."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from intake.config import Config, Office, Routing
from parsers.model import Extraction, FieldNote, Fields, Judgment, Party, Source
from routing.model import Decision, RuleResult
from store.db import make_engine, migrate
from store.models import Attachment, Case, CaseState, Message
from triage.app import create_app
from triage.users import add_user

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "triage"
PASSWORD = "mật-khẩu-thử-12345"
OFFICES = [
    ("cuc", "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"),
    ("q1", "Chi cục Thi hành án dân sự Quận 1"),
    ("q3", "Chi cục Thi hành án dân sự Quận 3"),
    ("tan-binh", "Chi cục Thi hành án dân sự Quận Tân Bình"),
]


def make_config(tmp: Path) -> Config:
    return Config(
        data_dir=tmp,
        offices=[Office(slug=s, name=n, address=f"{s}@thads-hcm.example") for s, n in OFFICES],
        routing=Routing(directory=ROOT / "routing" / "data" / "hcm-2016.toml"),
    )


def raw_mail(subject: str, body: str, attachments: list[tuple[str, str, bytes]] = (), sender: str = "nguyenvana@example.com",
             to: str = "q3@thads-hcm.example") -> bytes:
    m = EmailMessage()
    m["From"] = f"Nguyễn Văn A <{sender}>"
    m["To"] = to
    m["Subject"] = subject
    m["Message-ID"] = f"<{hashlib.sha1((subject + body).encode()).hexdigest()}@example.com>"
    m.set_content(body)
    for name, ctype, data in attachments:
        main, sub = ctype.split("/")
        m.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return m.as_bytes()


_seq = {"n": 0}


def make_case(
    engine,
    *,
    office: str = "q3",
    mailbox: str | None = None,
    subject: str = "Đơn yêu cầu thi hành án",
    body: str = "Kính gửi Chi cục THADS Quận 3,\nTôi gửi đơn yêu cầu thi hành án.",
    attachments: list[tuple[str, str, bytes]] = (),
    petition: str | None = None,
    requester: str = "Nguyễn Văn An",
    id_number: str | None = "079085001234",
    judgment: str | None = "125/2016/DS-ST",
    court: str | None = "Tòa án nhân dân Quận 3",
    rule: str = "R1",
    confidence: float = 0.95,
    flags: list[str] | None = None,
    state: str | None = None,
    preferred_officer: str | None = None,
    lane: str = "normal",
    created_at: datetime | None = None,
    requester_kind: str = "person",
    debtor: str = "Trần Thị Bình",
    debtor_address: str = "45 Lê Lợi, Quận 1",
    addressed_to: str | None = "Chi cục Thi hành án dân sự Quận 3",
    case_type: str = "DS",
    request_content: str = "Buộc bà Trần Thị Bình trả 150.000.000 đồng",
) -> int:
    """Store a message, its attachments and a case as the pipeline would; return the case id."""
    _seq["n"] += 1
    n = _seq["n"]
    mailbox = mailbox or (office if office not in ("triage", "outside") else "q3")
    raw = raw_mail(subject + f" #{n}" if "<" not in subject else subject, body, attachments, to=f"{mailbox}@thads-hcm.example")
    flags = sorted(flags or [])
    fields = Fields(
        addressed_to=addressed_to,
        requester=Party(name=requester, kind=requester_kind, id_number=id_number,
                        address="12 Võ Văn Tần, Phường 6, Quận 3"),
        debtor=Party(name=debtor, address=debtor_address),
        judgment=Judgment(number=judgment, date="2016-05-12", court=court, court_level="district", case_type=case_type,
                          stage="ST"),
        request_content=request_content,
        petition_date="2017-03-02",
        preferred_officer=preferred_officer,
    )
    src = petition or "body"
    notes = {
        "requester.name": FieldNote(confidence=0.97, source=Source(file=src, page=1, line=8, text=f"Họ tên: {requester}")),
        "judgment.number": FieldNote(confidence=confidence, source=Source(file=src, page=1, line=15,
                                                                            text=f"Số: {judgment or '…'}")),
        "judgment.court": FieldNote(confidence=confidence, source=Source(file=src, page=1, line=15, text=court)),
        "judgment.stage": FieldNote(confidence=confidence),
    }
    extraction = Extraction(fields=fields, notes=notes, document=src)
    decision = Decision(
        office=office, rule=rule, lane=lane, flags=flags, confidence=confidence, preferred_officer=preferred_officer,
        explanation=f"Bản án sơ thẩm của {court} → {office}",
        trace=[RuleResult(rule="R1", article="Điều 35 khoản 1 điểm a Luật THADS", hit=rule == "R1",
                          reason="Bản án sơ thẩm của Tòa án cấp huyện tại TP. Hồ Chí Minh")],
    )
    needs_review = office == "triage" or confidence < 0.8 or bool(flags)
    parsed = {
        "message_id": None, "from_name": "Nguyễn Văn A", "from_addr": "nguyenvana@example.com",
        "to": [f"{mailbox}@thads-hcm.example"], "cc": [], "subject": subject, "date": "2026-12-01T09:00:00+07:00",
        "body_text": body,
        "attachments": [{"filename": a[0], "content_type": a[1], "size": len(a[2])} for a in attachments],
    }
    with Session(engine) as s:
        msg = Message(sha256=hashlib.sha256(raw).hexdigest(), raw=raw, size=len(raw), mailbox=mailbox,
                      stage="acknowledged", subject=subject, from_addr="nguyenvana@example.com", parsed=parsed)
        s.add(msg)
        s.flush()
        pet_id = None
        for name, ctype, data in attachments:
            att = Attachment(message_pk=msg.id, filename=name, content_type=ctype, size=len(data),
                             sha256=hashlib.sha256(data).hexdigest(), data=data,
                             role="petition" if name == petition else "other")
            s.add(att)
            s.flush()
            if name == petition:
                pet_id = att.id
        case = Case(
            message_pk=msg.id, receipt_number=f"{mailbox.upper()}-2026-{n:06d}", mailbox=mailbox, office=office,
            state=state or (CaseState.NEEDS_REVIEW if needs_review else CaseState.NEW), rule=rule, lane=lane,
            flags=flags, confidence=confidence, needs_review=needs_review, requester_name=requester,
            id_number=id_number, judgment_number=judgment, petition_attachment_id=pet_id,
            petition_reason="Tệp có tiêu đề “ĐƠN YÊU CẦU THI HÀNH ÁN”" if pet_id else None,
            extraction=extraction.model_dump(mode="json"), decision=decision.model_dump(mode="json"),
            created_at=created_at or datetime.now(timezone.utc) - timedelta(hours=n),
        )
        s.add(case)
        s.commit()
        return case.id


@pytest.fixture
def cfg(tmp_path: Path) -> Config:
    return make_config(tmp_path)


@pytest.fixture
def engine(tmp_path: Path):
    eng = make_engine(f"sqlite:///{tmp_path}/store.sqlite3")
    migrate(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def users(engine):
    return {
        "clerk_q3": add_user(engine, "clerk_q3", "q3", "clerk", PASSWORD),
        "clerk_q1": add_user(engine, "clerk_q1", "q1", "clerk", PASSWORD),
        "sup_cuc": add_user(engine, "sup_cuc", "cuc", "supervisor", PASSWORD),
    }


@pytest.fixture
def app(cfg, engine, users):
    return create_app(cfg, engine)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, "no CSRF token in page"
    return m.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD):
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf": token}, follow_redirects=False)


@pytest.fixture
def client_as(app):
    clients = []

    def make(name: str) -> TestClient:
        c = TestClient(app)
        r = sign_in(c, name)
        assert r.status_code == 303, r.text
        clients.append(c)
        return c

    yield make
    for c in clients:
        c.close()
