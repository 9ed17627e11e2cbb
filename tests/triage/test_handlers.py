"""Handlers of the triage page, through FastAPI's TestClient on a fresh migrated store."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from store.models import AuditEvent, Case, Outbox
from tests.triage.conftest import FIXTURES, PASSWORD, csrf_of, make_case, sign_in


def post(client: TestClient, url: str, data: dict, page: str):
    token = csrf_of(client.get(page).text)
    return client.post(url, data={**data, "csrf": token}, follow_redirects=False)


def events(engine, cid: int) -> list[AuditEvent]:
    with Session(engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.case_id == cid).order_by(AuditEvent.id)))


def get_case(engine, cid: int) -> Case:
    with Session(engine) as s:
        return s.get(Case, cid)


def test_pages_need_sign_in(app):
    c = TestClient(app)
    for url in ("/queue", "/case/1", "/overview"):
        r = c.get(url, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login"


def test_sign_in_sets_httponly_samesite_cookie(app):
    c = TestClient(app)
    r = sign_in(c, "clerk_q3")
    assert r.status_code == 303
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert c.get("/queue").status_code == 200


def test_wrong_password_and_unknown_user_are_refused(app):
    c = TestClient(app)
    assert sign_in(c, "clerk_q3", "sai-mat-khau-123").status_code == 401
    assert sign_in(c, "nobody", "sai-mat-khau-123").status_code == 401
    assert c.get("/queue", follow_redirects=False).status_code == 303


def test_sign_in_is_rate_limited_per_name_and_address(app):
    c = TestClient(app)
    for _ in range(5):
        assert sign_in(c, "clerk_q3", "sai-mat-khau-123").status_code == 401
    # the sixth try is refused even with the right password
    assert sign_in(c, "clerk_q3", PASSWORD).status_code == 429
    # another user name from the same address is not affected
    assert sign_in(TestClient(app), "clerk_q1").status_code == 303


def test_post_without_csrf_token_is_refused(engine, client_as):
    cid = make_case(engine)
    c = client_as("clerk_q3")
    r = c.post(f"/case/{cid}/accept", data={}, follow_redirects=False)
    assert r.status_code == 403
    r = c.post(f"/case/{cid}/accept", data={"csrf": "forged"}, follow_redirects=False)
    assert r.status_code == 403
    assert get_case(engine, cid).state != "accepted"


def test_login_form_needs_csrf(app):
    c = TestClient(app)
    c.get("/login")
    r = c.post("/login", data={"name": "clerk_q3", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403


def test_security_headers(engine, client_as):
    c = client_as("clerk_q3")
    r = c.get("/queue")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_queue_lists_review_cases_first_with_counts(engine, client_as):
    a = make_case(engine, confidence=0.95, requester="Lê Văn Chắc")
    b = make_case(engine, confidence=0.5, requester="Phạm Thị Nghi")
    c = client_as("clerk_q3")
    html = c.get("/queue").text
    assert html.index("Phạm Thị Nghi") < html.index("Lê Văn Chắc")
    assert 'data-state="needs_review">1<' in html and 'data-state="new">1<' in html
    assert f"/case/{a}" in html and f"/case/{b}" in html


def test_queue_search_and_filters(engine, client_as):
    make_case(engine, requester="Võ Thị Sáu", id_number="079190000111", judgment="77/2018/KDTM-ST", lane="credit")
    make_case(engine, requester="Đặng Văn Lâm", id_number="079190000222", judgment="88/2019/DS-ST",
              flags=["missing:debtor_address"])
    c = client_as("clerk_q3")
    assert "Võ Thị Sáu" in c.get("/queue", params={"q": "Sáu"}).text
    assert "Đặng Văn Lâm" not in c.get("/queue", params={"q": "Sáu"}).text
    assert "Đặng Văn Lâm" in c.get("/queue", params={"q": "079190000222"}).text
    assert "Võ Thị Sáu" in c.get("/queue", params={"q": "77/2018"}).text
    assert "Võ Thị Sáu" not in c.get("/queue", params={"lane": "normal"}).text
    assert "Võ Thị Sáu" in c.get("/queue", params={"lane": "credit"}).text
    flagged = c.get("/queue", params={"flag": "missing:"}).text
    assert "Đặng Văn Lâm" in flagged and "Võ Thị Sáu" not in flagged
    # a receipt number
    with Session(engine) as s:
        receipt = s.exec(select(Case.receipt_number).where(Case.requester_name == "Võ Thị Sáu")).one()
    assert "Võ Thị Sáu" in c.get("/queue", params={"q": receipt.lower()}).text
    # a bad parameter falls back to the default view, not an error
    assert c.get("/queue", params={"page": "abc", "date_from": "x"}).status_code == 200


def test_queue_paginates(engine, client_as):
    for i in range(55):
        make_case(engine, requester=f"Người số {i:02d}")
    c = client_as("clerk_q3")
    first = c.get("/queue").text
    assert "trang 1/2" in first
    second = c.get("/queue", params={"page": 2}).text
    assert second.count('<a href="/case/') == 5


def test_case_page_shows_fields_decision_and_attachments(engine, client_as):
    pdf = (FIXTURES / "petition_text_layer.pdf").read_bytes()
    cid = make_case(engine, attachments=[("đơn yêu cầu.pdf", "application/pdf", pdf)], petition="đơn yêu cầu.pdf")
    c = client_as("clerk_q3")
    html = c.get(f"/case/{cid}").text
    assert "125/2016/DS-ST" in html and "Điều 35 khoản 1 điểm a Luật THADS" in html
    assert f"/case/{cid}/attachment/" in html and "/page/1.png" in html
    with Session(engine) as s:
        aid = s.get(Case, cid).petition_attachment_id
    png = c.get(f"/case/{cid}/attachment/{aid}/page/1.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    dl = c.get(f"/case/{cid}/attachment/{aid}")
    assert dl.content == pdf
    assert dl.headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%C4%91%C6%A1n" in dl.headers["content-disposition"]
    assert dl.headers["x-content-type-options"] == "nosniff"
    assert c.get(f"/case/{cid}/attachment/{aid}/page/99.png").status_code == 404


def test_correct_field_reroutes_and_is_audited(engine, client_as):
    cid = make_case(engine, office="triage", judgment=None, rule="R10", confidence=0.0)
    c = client_as("clerk_q3")
    r = post(c, f"/case/{cid}/correct", {"field": "judgment.number", "value": "125/2016/DS-ST"}, f"/case/{cid}")
    assert r.status_code == 303
    case = get_case(engine, cid)
    assert case.judgment_number == "125/2016/DS-ST"
    assert case.extraction["notes"]["judgment.number"]["confidence"] == 1.0
    ev = [e for e in events(engine, cid) if e.action == "corrected"]
    assert ev and ev[0].actor == "clerk_q3" and ev[0].detail["new"] == "125/2016/DS-ST"
    assert ev[0].detail["field"] == "judgment.number" and "routing_after" in ev[0].detail


def test_correct_field_refuses_bad_values(engine, client_as):
    cid = make_case(engine)
    c = client_as("clerk_q3")
    r = post(c, f"/case/{cid}/correct", {"field": "judgment.date", "value": "12/5/2016"}, f"/case/{cid}")
    assert r.status_code == 400 and "NNNN-TT-NN" in r.text
    r = post(c, f"/case/{cid}/correct", {"field": "judgment.stage", "value": "XX"}, f"/case/{cid}")
    assert r.status_code == 400
    r = post(c, f"/case/{cid}/correct", {"field": "raw", "value": "x"}, f"/case/{cid}")
    assert r.status_code == 400
    assert not [e for e in events(engine, cid) if e.action == "corrected"]


def test_reroute_needs_reason(engine, client_as):
    cid = make_case(engine, office="triage", confidence=0.3)
    c = client_as("clerk_q3")
    assert post(c, f"/case/{cid}/reroute", {"office": "q1", "reason": ""}, f"/case/{cid}").status_code == 400
    r = post(c, f"/case/{cid}/reroute", {"office": "q1", "reason": "Bản án của TAND Quận 1"}, f"/case/{cid}")
    assert r.status_code == 303
    assert get_case(engine, cid).office == "q1"
    ev = [e for e in events(engine, cid) if e.action == "rerouted"][0]
    assert {k: ev.detail[k] for k in ("from", "to", "reason")} == {"from": "triage", "to": "q1",
                                                                     "reason": "Bản án của TAND Quận 1"}
    # the mail went to q3's mailbox: the sender is told of the transfer
    with Session(engine) as s:
        out = s.exec(select(Outbox).where(Outbox.case_id == cid, Outbox.kind == "transfer")).one()
    assert ev.detail["outbox_id"] == out.id
    # now q1's: the q3 clerk no longer sees it
    r = c.get(f"/case/{cid}")
    assert r.status_code == 404 and "Không tìm thấy hồ sơ" in r.text


def test_accept_issues_official_number(engine, client_as):
    a = make_case(engine)
    b = make_case(engine)
    c = client_as("clerk_q3")
    assert post(c, f"/case/{a}/accept", {}, f"/case/{a}").status_code == 303
    assert post(c, f"/case/{b}/accept", {}, f"/case/{b}").status_code == 303
    ca, cb = get_case(engine, a), get_case(engine, b)
    assert ca.state == cb.state == "accepted"
    assert ca.official_number.startswith("Q3-") and ca.official_number != cb.official_number
    assert [e.actor for e in events(engine, a) if e.action == "accepted"] == ["clerk_q3"]
    # accepting twice is refused
    assert post(c, f"/case/{a}/accept", {}, f"/case/{a}").status_code == 400


def test_accept_refused_while_in_triage_pool(engine, client_as):
    cid = make_case(engine, office="triage", confidence=0.2)
    c = client_as("clerk_q3")
    r = post(c, f"/case/{cid}/accept", {}, f"/case/{cid}")
    assert r.status_code == 400 and get_case(engine, cid).official_number is None


def test_request_info_queues_templated_letter(engine, client_as):
    cid = make_case(engine, flags=["missing:debtor_address"])
    c = client_as("clerk_q3")
    page = c.get(f"/case/{cid}").text
    assert 'value="debtor_address" checked' in page
    token = csrf_of(page)
    r = c.post(f"/case/{cid}/request-info", data={"csrf": token, "missing": ["debtor_address", "signature"],
                                                  "note": "Xin gửi lại bản án."}, follow_redirects=False)
    assert r.status_code == 303
    assert get_case(engine, cid).state == "info_requested"
    with Session(engine) as s:
        out = s.exec(select(Outbox).where(Outbox.case_id == cid, Outbox.kind == "request_info")).one()
    assert out.to_addr == "nguyenvana@example.com"
    text = out.raw.decode("utf-8", "replace")
    assert "request_info" in out.message_id
    ev = [e for e in events(engine, cid) if e.action == "info_requested"][0]
    assert ev.detail["outbox_id"] == out.id and "debtor_address" in ev.detail["missing_codes"]
    assert text


def test_reject_only_with_a_legal_reason(engine, client_as):
    cid = make_case(engine)
    c = client_as("clerk_q3")
    assert post(c, f"/case/{cid}/reject", {"reason": "I don't like it"}, f"/case/{cid}").status_code == 400
    r = post(c, f"/case/{cid}/reject", {"reason": "limitation_expired", "note": ""}, f"/case/{cid}")
    assert r.status_code == 303
    assert get_case(engine, cid).state == "rejected"
    with Session(engine) as s:
        assert s.exec(select(Outbox).where(Outbox.case_id == cid, Outbox.kind == "reject")).one()
    ev = [e for e in events(engine, cid) if e.action == "rejected"][0]
    assert ev.detail["reason_code"] == "limitation_expired" and "Điều 31 khoản 5" in ev.detail["reason"]


def test_mark_duplicate(engine, client_as):
    a = make_case(engine)
    b = make_case(engine)
    c = client_as("clerk_q3")
    ra = get_case(engine, a).receipt_number
    assert post(c, f"/case/{b}/duplicate", {"of": "Q3-2026-999999"}, f"/case/{b}").status_code == 400
    assert post(c, f"/case/{b}/duplicate", {"of": ra}, f"/case/{b}").status_code == 303
    cb = get_case(engine, b)
    assert cb.state == "duplicate" and cb.duplicate_of == a


def test_assign_officer_honours_bank_preference(engine, client_as):
    cid = make_case(engine, lane="credit", preferred_officer="Nguyễn Thị Hoa")
    c = client_as("clerk_q3")
    page = c.get(f"/case/{cid}").text
    assert 'name="officer" required value="Nguyễn Thị Hoa"' in page
    r = post(c, f"/case/{cid}/assign", {"officer": "Lê Văn Tám", "reason": ""}, f"/case/{cid}")
    assert r.status_code == 400 and "Nguyễn Thị Hoa" in r.text
    r = post(c, f"/case/{cid}/assign", {"officer": "Nguyễn Thị Hoa", "reason": ""}, f"/case/{cid}")
    assert r.status_code == 303
    assert get_case(engine, cid).assigned_officer == "Nguyễn Thị Hoa"
    ev = [e for e in events(engine, cid) if e.action == "officer_assigned"][0]
    assert ev.detail["honours_preference"] is True and ev.actor == "clerk_q3"


def test_overview_for_supervisors_only(engine, client_as):
    make_case(engine, office="q1", lane="credit")
    make_case(engine, office="q3")
    sup = client_as("sup_cuc")
    html = sup.get("/overview").text
    assert "Chi cục Thi hành án dân sự Quận 1" in html and "Chi cục Thi hành án dân sự Quận 3" in html
    assert client_as("clerk_q3").get("/overview").status_code == 403


def test_logout(engine, client_as):
    c = client_as("clerk_q3")
    assert post(c, "/logout", {}, "/queue").status_code == 303
    assert c.get("/queue", follow_redirects=False).status_code == 303


def test_case_page_shows_word_petition_as_text(engine, client_as):
    docx = (FIXTURES / "petition_docx_table.docx").read_bytes()
    ctype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    cid = make_case(engine, attachments=[("don.docx", ctype, docx)], petition="don.docx")
    html = client_as("clerk_q3").get(f"/case/{cid}").text
    assert 'id="document-text"' in html
    assert "28/2016/HS-ST" in html and "Môi trường Đô thị" in html
