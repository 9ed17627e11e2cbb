"""store.repo.message_fingerprint: trace headers and line ends do not count; content does."""

from store.repo import message_fingerprint

MSG = (b"From: An <an@example.vn>\r\nTo: q3@thads-hcm.example\r\nSubject: =?utf-8?b?xJDGoW4=?=\r\n"
       b"Date: Mon, 2 Nov 2026 09:00:00 +0700\r\nMessage-ID: <a@example.vn>\r\n\r\nN\xe1\xbb\x99i dung\r\n")


def test_trace_headers_and_line_ends_do_not_change_the_fingerprint():
    traced = (b"Return-Path: <x@y.example>\r\nDelivered-To: q1@thads-hcm.example\r\nX-Original-To: q1@thads-hcm.example\r\n"
              b"Received: from a\r\n\tby b; Mon, 2 Nov 2026 09:00:01 +0700\r\n" + MSG)
    assert message_fingerprint(traced) == message_fingerprint(MSG)
    assert message_fingerprint(MSG.replace(b"\r\n", b"\n")) == message_fingerprint(MSG)
    folded = MSG.replace(b"Subject: =?utf-8?b?xJDGoW4=?=", b"Subject:\r\n =?utf-8?b?xJDGoW4=?=")
    assert message_fingerprint(folded) == message_fingerprint(MSG)


def test_subject_date_sender_or_body_change_the_fingerprint():
    base = message_fingerprint(MSG)
    assert message_fingerprint(MSG.replace(b"xJDGoW4=", b"xJDGoW5=")) != base
    assert message_fingerprint(MSG.replace(b"09:00:00", b"09:00:01")) != base
    assert message_fingerprint(MSG.replace(b"an@example", b"binh@example")) != base
    assert message_fingerprint(MSG.replace(b"dung", b"dunG")) != base


def test_a_message_without_a_body_has_a_fingerprint():
    assert len(message_fingerprint(b"Subject: x\r\n")) == 64
