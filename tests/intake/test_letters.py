"""Letters: the acknowledgement's variants, the clerks' letters, RFC 3834 loop checks, SMTP and the outbox."""

from __future__ import annotations

import email
import hashlib
import unicodedata
from email import policy

import pytest
from sqlmodel import Session

from intake.letters import loop_check, queue_letter, reply_address
from intake.transport import send_pending
from intake_harness import petition_mail
from store import repo
from store.models import Case, Message, Outbox

OWN = frozenset({"q3@thads-hcm.example"})


def _case(h, *, office: str, mailbox: str = "q3", decision: dict | None = None, raw: bytes | None = None) -> Case:  # noqa: ANN001
    raw = raw or petition_mail(hash(office) % 1000, mailbox)
    with Session(h.engine) as s:
        m = Message(sha256=hashlib.sha256(raw).hexdigest(), message_id="<p@example.vn>", raw=raw, size=len(raw),
                    mailbox=mailbox, subject="Đơn yêu cầu thi hành án", parsed={"from_name": "Nguyễn Văn An"})
        s.add(m)
        s.flush()
        c = Case(message_pk=m.id, receipt_number=repo.next_number(s, mailbox, 2026), mailbox=mailbox, office=office,
                 decision=decision or {})
        s.add(c)
        s.commit()
        s.refresh(c)
        return c


def _letter(h, case: Case, kind: str, extra: dict | None = None) -> email.message.EmailMessage:  # noqa: ANN001
    with Session(h.engine) as s:
        case = s.get(Case, case.id)
        row = queue_letter(s, case, kind, h.cfg, extra=extra)
        assert row is not None
        s.commit()
        return email.message_from_bytes(row.raw, policy=policy.default)


def _text(msg) -> str:  # noqa: ANN001
    body = msg.get_body(("plain",)).get_content()
    assert unicodedata.is_normalized("NFC", body)
    return body


@pytest.mark.parametrize("office, decision, expect", [
    ("q3", {}, "Đơn đang được xem xét"),
    ("q1", {}, "thuộc thẩm quyền của Chi cục Thi hành án dân sự Quận 1. Chúng tôi chuyển hồ sơ"),
    ("outside", {"forward_to": "Chi cục Thi hành án dân sự huyện Đức Hòa, tỉnh Long An"},
     "Cơ quan có thẩm quyền là: Chi cục Thi hành án dân sự huyện Đức Hòa, tỉnh Long An"),
    ("triage", {}, "Cán bộ tiếp nhận sẽ xem xét đơn và xác định cơ quan có thẩm quyền"),
])
def test_ack_variants(intake, office, decision, expect):
    case = _case(intake, office=office, decision=decision)
    msg = _letter(intake, case, "ack")
    text = _text(msg)
    assert expect in text
    assert "Kính gửi ông/bà Nguyễn Văn An" in text and case.receipt_number in text
    assert expect.split(".")[0] in msg.get_body(("html",)).get_content().replace("<strong>", "").replace("</strong>", "")


def test_ack_subject_keeps_spaces(intake):
    """CPython gh-144156: the default policy's folding dropped the space between encoded words."""
    msg = _letter(intake, _case(intake, office="q3"), "ack")
    assert msg["Subject"].endswith("] Xác nhận đã nhận đơn yêu cầu thi hành án")
    assert str(msg["From"]).startswith("Bộ phận tiếp nhận đơn")


def test_one_ack_per_case_but_several_clerk_letters(intake):
    case = _case(intake, office="q3")
    with Session(intake.engine) as s:
        c = s.get(Case, case.id)
        first = queue_letter(s, c, "ack", intake.cfg)
        s.commit()
        assert queue_letter(s, c, "ack", intake.cfg).id == first.id
        a = queue_letter(s, c, "request_info", intake.cfg, extra={"missing": ["Địa chỉ người phải thi hành án"]})
        s.commit()
        b = queue_letter(s, c, "request_info", intake.cfg, extra={"missing": ["Chữ ký"]})
        s.commit()
        assert (a.seq, b.seq) == (0, 1) and a.message_id != b.message_id
    assert intake.count(Outbox) == 3


def test_clerk_letters_render(intake):
    case = _case(intake, office="q3")
    info = _text(_letter(intake, case, "request_info", {"missing": ["Địa chỉ người phải thi hành án"]}))
    assert "- Địa chỉ người phải thi hành án" in info and "Điều 31" in info
    reject = _text(_letter(intake, case, "reject", {"reason": "Đã hết thời hiệu yêu cầu thi hành án."}))
    assert "Đã hết thời hiệu yêu cầu thi hành án." in reject
    case_q1 = _case(intake, office="q1", raw=petition_mail(555, "q3"))
    transfer = _text(_letter(intake, case_q1, "transfer", {"note": "Chuyển theo Điều 35."}))
    assert "Chi cục Thi hành án dân sự Quận 1" in transfer and "Chuyển theo Điều 35." in transfer


def _hdr(**headers: str) -> bytes:
    lines = [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\nbody\r\n").encode()


@pytest.mark.parametrize("raw, code", [
    (_hdr(From="a@x.vn", Auto_Submitted="auto-replied"), "auto-submitted"),
    (_hdr(From="a@x.vn", Precedence="bulk"), "precedence"),
    (_hdr(From="a@x.vn", List_Id="<l.x.vn>"), "mailing-list"),
    (_hdr(Return_Path="<>", From="a@x.vn"), "null-return-path"),
    (_hdr(From="MAILER-DAEMON@x.vn"), "daemon"),
    (_hdr(From="q3@thads-hcm.example"), "own-address"),
    (_hdr(From="a@x.vn", X_Auto_Response_Suppress="All"), "auto-submitted"),
    (_hdr(Subject="no sender"), "no-address"),
    (_hdr(From="a@x.vn", Auto_Submitted="no"), None),
    (_hdr(From="a@x.vn", Reply_To="b@y.vn"), None),
])
def test_rfc3834_loop_check(raw, code):
    why = loop_check(raw, reply_address(raw), OWN)
    assert (why.code if why else None) == code


def test_reply_goes_to_reply_to(intake):
    assert reply_address(_hdr(From="a@x.vn", Reply_To="Luật sư <B@Y.vn>")) == "b@y.vn"


def test_acks_through_real_smtp(intake_smtp, smtp_server):
    intake_smtp.deliver("q3", petition_mail(1))
    intake_smtp.deliver("q3", petition_mail(2, sender="refused@example.vn"))
    smtp_server.refuse.add("refused@example.vn")
    report = intake_smtp.run()
    assert report.send.sent == 1 and report.send.failed == 1 and report.needs_operator
    [env] = smtp_server.received
    assert env.mail_from == "q3@thads-hcm.example" and env.rcpt_tos == ["nguoi1@example.vn"]
    msg = email.message_from_bytes(env.content, policy=policy.default)
    assert msg["Auto-Submitted"] == "auto-replied" and msg["In-Reply-To"] == "<petition-1@example.vn>"
    statuses = sorted(r.status for r in intake_smtp.outbox())
    assert statuses == ["failed", "sent"]


def test_smtp_send_interrupted_by_a_crash_is_not_sent_twice(intake_smtp, smtp_server):
    case = _case(intake_smtp, office="q3")
    with Session(intake_smtp.engine) as s:
        row = queue_letter(s, s.get(Case, case.id), "ack", intake_smtp.cfg)
        row.status = "sending"  # as a crash between the SMTP DATA and the record leaves it
        s.commit()
    report = send_pending(intake_smtp.engine, intake_smtp.cfg)
    assert report.recovered == 1 and report.failed == 1 and report.sent == 0
    assert smtp_server.received == []
    [row] = intake_smtp.outbox()
    assert row.status == "failed" and "interrupted" in row.error


def test_folder_send_interrupted_by_a_crash_is_resolved_by_the_file(intake):
    a = _case(intake, office="q3", raw=petition_mail(1))
    b = _case(intake, office="q3", raw=petition_mail(2))
    with Session(intake.engine) as s:
        ra = queue_letter(s, s.get(Case, a.id), "ack", intake.cfg)
        rb = queue_letter(s, s.get(Case, b.id), "ack", intake.cfg)
        ra.status = rb.status = "sending"
        s.commit()
        from intake.transport import FolderTransport

        FolderTransport(intake.cfg.acknowledgement.outbox_dir).deliver(ra)  # a was written before the crash
    report = send_pending(intake.engine, intake.cfg)
    assert report.recovered == 2 and report.sent == 1  # only b is written now
    assert {r.status for r in intake.outbox()} == {"sent"} and len(intake.outbox_files()) == 2
