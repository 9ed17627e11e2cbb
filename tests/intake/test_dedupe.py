"""One message delivered twice is one case; another message that reuses a Message-ID is not merged."""

from __future__ import annotations

from email import message_from_bytes, policy

from sqlmodel import Session, select

from intake_harness import petition_mail, redeliver
from store.models import AuditEvent, Case, Message, Outbox, Sighting


def _retraced(raw: bytes, mailbox: str) -> bytes:
    """`raw` as another office's server stores it: new trace headers on top, old ones rewritten, CRLF."""
    lines = raw.replace(b"\r\n", b"\n").split(b"\n")
    kept = [ln for ln in lines if not ln.startswith((b"Delivered-To:", b"Return-Path:"))]
    trace = [b"Return-Path: <relay-bounce@mx.example.vn>", f"Delivered-To: {mailbox}@thads-hcm.example".encode(),
             f"X-Original-To: {mailbox}@thads-hcm.example".encode(),
             b"Received: from mx2.example.vn (mx2.example.vn [203.0.113.9])",
             b"\tby mail.thads-hcm.example (Postfix) with ESMTPS id 4XyZ; Mon, 2 Nov 2026 09:00:05 +0700"]
    return b"\r\n".join(trace + kept)


def test_same_message_cc_to_two_offices_with_other_trace_headers_is_one_case(intake_any):
    raw = petition_mail(11, "q3", cc="q1@thads-hcm.example")
    intake_any.deliver("q3", raw)
    intake_any.deliver("q1", _retraced(raw, "q1"))
    report = intake_any.run()
    assert report.new == 1 and sum(m.duplicates for m in report.mailboxes) == 1
    assert intake_any.count(Message) == 1 and intake_any.count(Sighting) == 2
    assert intake_any.count(Case) == 1 and intake_any.count(Outbox) == 1


def test_other_content_reusing_a_message_id_is_two_cases(intake_any):
    first = petition_mail(21, "q3")
    other = petition_mail(22, "q3").replace(b"<petition-22@example.vn>", b"<petition-21@example.vn>")  # a broken mailer
    assert b"<petition-21@example.vn>" in other and first != other
    intake_any.deliver("q3", first)
    intake_any.deliver("q3", other)
    report = intake_any.run()
    assert report.new == 2
    assert intake_any.count(Message) == 2 and intake_any.count(Case) == 2 and intake_any.count(Outbox) == 2
    assert {m.message_id for m in intake_any.messages()} == {"<petition-21@example.vn>"}
    with Session(intake_any.engine) as s:
        received = s.exec(select(AuditEvent).where(AuditEvent.action == "received").order_by(AuditEvent.id)).all()
    assert [e.detail.get("message_id_reused") for e in received] == [None, "<petition-21@example.vn>"]


def test_same_headers_other_body_reusing_a_message_id_is_not_merged(intake):
    first = petition_mail(31, "q3")
    msg = message_from_bytes(first, policy=policy.default)  # a corrected resend: same headers, another body
    msg.set_content(msg.get_content() + "Số điện thoại: 0903123456\n")
    changed = msg.as_bytes()
    assert changed != first and b"<petition-31@example.vn>" in changed
    intake.deliver("q3", first)
    intake.deliver("q1", redeliver(changed, "q1"))
    intake.run()
    assert intake.count(Message) == 2 and intake.count(Case) == 2


def test_a_row_stored_before_fingerprints_still_recognises_its_cc_copy(intake):
    raw = petition_mail(41, "q3", cc="q1@thads-hcm.example")
    intake.deliver("q3", raw)
    intake.run()
    with Session(intake.engine) as s:  # as migration 0003 leaves an old row
        [msg] = s.exec(select(Message)).all()
        msg.fingerprint = None
        s.add(msg)
        s.commit()
    intake.deliver("q1", redeliver(raw, "q1"))
    report = intake.run()
    assert report.new == 0 and intake.count(Message) == 1 and intake.count(Case) == 1
    assert intake.messages()[0].fingerprint is not None


def test_a_cc_copy_polled_first_still_makes_the_case_of_the_office_written_to(intake):
    slugs = [o.slug for o in intake.cfg.offices]
    first, second = slugs[0], slugs[1]  # `first` is polled before `second`
    raw = petition_mail(51, second, cc=f"{first}@thads-hcm.example")  # To: second, Cc: first
    intake.deliver(first, redeliver(raw, first))
    intake.deliver(second, raw)
    intake.run()
    [case] = intake.cases()
    assert case.mailbox == second and case.receipt_number.startswith(f"{second.upper()}-")
    assert intake.count(Sighting) == 2
