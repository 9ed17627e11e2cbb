"""Per-office access: a clerk cannot read or change another office's case by guessing its URL."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from store.models import Attachment, AuditEvent, Case
from tests.triage.conftest import csrf_of, make_case

ACTIONS = [
    ("correct", {"field": "requester.name", "value": "Kẻ gian"}),
    ("reroute", {"office": "q1", "reason": "thử"}),
    ("accept", {}),
    ("request-info", {"missing": "signature"}),
    ("reject", {"reason": "no_right"}),
    ("duplicate", {"of": "Q3-2026-000001"}),
    ("assign", {"officer": "Ai đó"}),
]


@pytest.fixture
def q1_case(engine):
    return make_case(engine, office="q1", requester="Bí Mật Quận Một",
                     attachments=[("so-tay.txt", "text/plain", b"secret")], petition=None)


def test_clerk_sees_own_office_and_triage_pool_only(engine, client_as, q1_case):
    own = make_case(engine, office="q3", requester="Người Quận Ba")
    pool = make_case(engine, office="triage", requester="Người Chờ Phân Loại", confidence=0.1)
    c = client_as("clerk_q3")
    html = c.get("/queue", params={"state": "all"}).text
    assert "Người Quận Ba" in html and "Người Chờ Phân Loại" in html
    assert "Bí Mật Quận Một" not in html
    # filtering on the other office shows nothing of it
    assert "Bí Mật Quận Một" not in c.get("/queue", params={"office": "q1", "state": "all"}).text
    # nor does a search
    assert "Bí Mật Quận Một" not in c.get("/queue", params={"q": "Bí Mật"}).text
    assert c.get(f"/case/{own}").status_code == 200
    assert c.get(f"/case/{pool}").status_code == 200


def test_clerk_cannot_open_other_office_case_or_its_files(engine, client_as, q1_case):
    c = client_as("clerk_q3")
    r = c.get(f"/case/{q1_case}")
    assert r.status_code == 404 and "Bí Mật" not in r.text
    with Session(engine) as s:
        aid = s.exec(select(Attachment.id).where(Attachment.filename == "so-tay.txt")).one()
    assert c.get(f"/case/{q1_case}/attachment/{aid}").status_code == 404
    # nor through one of its own cases with the other case's attachment id
    own = make_case(engine, office="q3")
    assert c.get(f"/case/{own}/attachment/{aid}").status_code == 404
    # a case that does not exist answers the same
    assert c.get("/case/999999").status_code == 404


@pytest.mark.parametrize("action,data", ACTIONS)
def test_clerk_cannot_change_other_office_case(engine, client_as, q1_case, action, data):
    c = client_as("clerk_q3")
    token = csrf_of(c.get("/queue").text)
    r = c.post(f"/case/{q1_case}/{action}", data={**data, "csrf": token}, follow_redirects=False)
    assert r.status_code == 404
    with Session(engine) as s:
        case = s.get(Case, q1_case)
        assert case.state == "new" and case.office == "q1" and case.requester_name == "Bí Mật Quận Một"
        assert case.assigned_officer is None
        assert not s.exec(select(AuditEvent).where(AuditEvent.case_id == q1_case)).all()


def test_duplicate_target_must_be_visible(engine, client_as, q1_case):
    own = make_case(engine, office="q3")
    c = client_as("clerk_q3")
    with Session(engine) as s:
        other = s.get(Case, q1_case).receipt_number
    token = csrf_of(c.get(f"/case/{own}").text)
    r = c.post(f"/case/{own}/duplicate", data={"of": other, "csrf": token}, follow_redirects=False)
    assert r.status_code == 400


def test_cuc_supervisor_sees_every_office(engine, client_as, q1_case):
    make_case(engine, office="q3", requester="Người Quận Ba")
    c = client_as("sup_cuc")
    html = c.get("/queue").text
    assert "Bí Mật Quận Một" in html and "Người Quận Ba" in html
    assert c.get(f"/case/{q1_case}").status_code == 200


def test_other_clerk_sees_the_q1_case(engine, client_as, q1_case):
    c = client_as("clerk_q1")
    assert c.get(f"/case/{q1_case}").status_code == 200
