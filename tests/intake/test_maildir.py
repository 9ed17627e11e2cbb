"""MaildirSource: stable UIDs, a growing UIDVALIDITY, settle marks Seen."""

from __future__ import annotations

import os

from intake.maildir import MaildirSource, deliver
from intake.sources import Cursor


def _uids(src: MaildirSource, cursor: Cursor) -> list[tuple[int, bytes]]:
    return [(f.uid, f.raw) for f in src.fetch_since(cursor)]


def test_uids_are_stable_and_new_mail_gets_the_next(tmp_path):
    for i in range(3):
        deliver(tmp_path, "q1", b"Subject: %d\r\n\r\nx\r\n" % i)
    src = MaildirSource(tmp_path, "q1")
    v = src.uidvalidity()
    assert [u for u, _ in _uids(src, Cursor(None, 0))] == [1, 2, 3]
    src.settle(1)
    assert sorted(os.listdir(tmp_path / "q1" / "cur"))[0].endswith(":2,S")
    deliver(tmp_path, "q1", b"Subject: 9\r\n\r\nx\r\n")
    again = MaildirSource(tmp_path, "q1")  # a new process sees the same numbers
    assert again.uidvalidity() == v
    assert [u for u, _ in _uids(again, Cursor(v, 1))] == [2, 3, 4]
    assert _uids(again, Cursor(v, 4)) == []


def test_a_new_epoch_has_a_greater_uidvalidity_and_offers_everything(tmp_path):
    deliver(tmp_path, "q1", b"Subject: a\r\n\r\nx\r\n")
    src = MaildirSource(tmp_path, "q1")
    v = src.uidvalidity()
    list(src.fetch_since(Cursor(None, 0)))
    (tmp_path / "q1" / ".intake-uidvalidity").unlink()
    assert src.uidvalidity() > v
    assert [u for u, _ in _uids(src, Cursor(v, 1))] == [1]
    (tmp_path / "q1" / ".intake-uids").unlink()  # losing the index is a new epoch too
    v3 = src.uidvalidity()
    assert v3 > v + 1 - 1 and [u for u, _ in _uids(src, Cursor(v3 - 1, 1))] == [1]


def test_settle_is_idempotent_and_tolerates_a_vanished_file(tmp_path):
    path = deliver(tmp_path, "q1", b"Subject: a\r\n\r\nx\r\n")
    src = MaildirSource(tmp_path, "q1")
    list(src.fetch_since(Cursor(None, 0)))
    src.settle(1)
    src.settle(1)
    assert len(os.listdir(tmp_path / "q1" / "cur")) == 1 and not path.exists()
    src.settle(42)  # unknown UID: nothing happens
