"""ImapSource against a real Dovecot (tests/servers/dovecot.py)."""

from __future__ import annotations

import imapclient
import pytest

from intake.imap import (
    IMAPCLIENT_VERSION,
    ImapConnectError,
    ImapLoginError,
    ImapSource,
    _batches,
    imapclient_version,
)
from intake.sources import Cursor, SourceError
from tests.servers.mailboxes import Account, Mailboxes, make_message
from tests.servers.dovecot import free_port

SEEN = b"\\Seen"


def source(acct: Account, **kw) -> ImapSource:
    ctx = kw.pop("ssl_context", None)
    return ImapSource(acct.backend(**kw), acct.office, acct.password, ssl_context=ctx)


def test_fetch_since_cursor_returns_newer_messages_oldest_first(mailboxes: Mailboxes):
    acct = mailboxes.office("q1")
    raws = [make_message(i) for i in range(5)]
    acct.append(raws)
    with source(acct, batch=2) as src:
        uv = src.uidvalidity()
        got = list(src.fetch_since(Cursor(uidvalidity=None, last_uid=0)))
        assert [f.uid for f in got] == [1, 2, 3, 4, 5]
        assert [f.raw for f in got] == raws
        assert {(f.mailbox, f.uidvalidity) for f in got} == {("q1", uv)}
        assert [f.uid for f in src.fetch_since(Cursor(uv, 3))] == [4, 5]
        assert list(src.fetch_since(Cursor(uv, 5))) == []
        sixth = make_message(6)
        acct.append([sixth])
        assert [f.raw for f in src.fetch_since(Cursor(uv, 5))] == [sixth]


def _sent(src: ImapSource) -> list[str]:
    """The commands imaplib remembers sending (it logs its last 10 interactions even at debug 0)."""
    log = sorted(src._client._imap._cmd_log.values(), key=lambda e: e[1])
    return [line for line, _ in log if line.startswith("> ")]


def test_idle_poll_asks_only_status_when_uidnext_shows_nothing_new(mailboxes: Mailboxes):
    acct = mailboxes.office("q2")
    acct.append([make_message(i) for i in range(3)])
    with source(acct) as src:
        uv = src.uidvalidity()
        assert list(src.fetch_since(Cursor(uv, 3))) == []
        assert "STATUS" in _sent(src)[-1]
        assert len(list(src.fetch_since(Cursor(uv, 2)))) == 1  # selects the folder
        assert list(src.fetch_since(Cursor(uv, 3))) == []  # unselects, then STATUS only
        assert "UNSELECT" in _sent(src)[-2] and "STATUS" in _sent(src)[-1]


def test_uid_range_star_answers_last_message_which_is_filtered(mailboxes: Mailboxes):
    """`UID FETCH 4:*` on a mailbox whose highest UID is 3 returns UID 3 (RFC 3501 6.4.8)."""
    acct = mailboxes.office("q3")
    acct.append([make_message(i) for i in range(3)])
    with source(acct) as src:
        src._select()
        assert src._uids_after(3) == []
        assert src._uids_after(1) == [2, 3]


def test_batches_bound_count_and_bytes():
    sizes = [(1, 10), (2, 10), (3, 10), (4, 100), (5, 10)]
    assert list(_batches(sizes, 2, 1000)) == [[1, 2], [3, 4], [5]]
    assert list(_batches(sizes, 50, 25)) == [[1, 2], [3], [4], [5]]


def test_body_peek_leaves_seen_unset_until_settle(mailboxes: Mailboxes):
    acct = mailboxes.office("q4")
    acct.append([make_message(i) for i in range(3)])
    with source(acct) as src:
        got = list(src.fetch_since(Cursor(None, 0)))
        assert len(got) == 3
        assert all(SEEN not in f for f in acct.flags().values())
        src.settle(got[1].uid)
        flags = acct.flags()
        assert SEEN in flags[2] and SEEN not in flags[1] and SEEN not in flags[3]
    assert acct.uids() == [1, 2, 3]  # only flagged, not moved
    with source(acct) as src:  # settle on a fresh connection selects the folder first
        src.settle(3)
    assert SEEN in acct.flags()[3]


@pytest.mark.parametrize("server", ["dovecot", "dovecot_uidplus", "dovecot_plain"])
def test_settle_moves_to_done_folder(server: str, request):
    dovecot = request.getfixturevalue(server)
    acct = Mailboxes(dovecot).office("q5")
    acct.append([make_message(i) for i in range(3)])
    with source(acct, done_folder="Intake/Done") as src:
        got = list(src.fetch_since(Cursor(None, 0)))
        assert src._can_move == (server == "dovecot")
        assert src._has_uidplus == (server != "dovecot_plain")
        src.settle(got[0].uid)
        src.settle(got[2].uid)
        assert acct.uids() == [2]
        assert len(acct.uids("Intake/Done")) == 2
        # The remaining message is still fetched after a new SELECT, unseen.
        uv = src.uidvalidity()
        assert [f.uid for f in src.fetch_since(Cursor(uv, 1))] == [2]
    assert all(SEEN not in f for f in acct.flags().values())


def test_settle_with_uidplus_leaves_other_deleted_messages(dovecot_uidplus):
    """UID EXPUNGE (RFC 4315 2.1) removes only the settled message, not one a clerk flagged \\Deleted."""
    acct = Mailboxes(dovecot_uidplus).office("q6")
    acct.append([make_message(1)])
    acct.append([make_message(2)], flags=(b"\\Deleted",))
    with source(acct, done_folder="Done") as src:
        src.settle(next(iter(src.fetch_since(Cursor(None, 0)))).uid)
    assert acct.uids() == [2]


def test_uidvalidity_change_yields_every_message_again(dovecot, mailboxes: Mailboxes):
    acct = mailboxes.office("q7")
    raws = [make_message(i) for i in range(4)]
    acct.append(raws[:3])
    with source(acct) as src:
        uv = src.uidvalidity()
        assert len(list(src.fetch_since(Cursor(None, 0)))) == 3
    dovecot.reset_uidvalidity(acct.user)
    acct.append(raws[3:])
    with source(acct) as src:
        again = list(src.fetch_since(Cursor(uv, 3)))
    assert again[0].uidvalidity != uv
    assert sorted(f.raw for f in again) == sorted(raws)


def test_wrong_password_is_a_source_error_naming_the_mailbox_and_keys(lonely_dovecot):
    acct = Mailboxes(lonely_dovecot).office("binh-tan")
    src = ImapSource(acct.backend(), acct.office, "wrong")
    with pytest.raises(ImapLoginError) as e:
        src.uidvalidity()
    assert isinstance(e.value, SourceError)
    assert e.value.mailbox == "binh-tan"
    msg = str(e.value)
    assert "offices[binh-tan].user" in msg and "mail.imap.password" in msg
    assert acct.user in msg
    assert "wrong" not in msg  # the password is never echoed
    src.close()


def test_unreachable_server_is_a_connect_error(mailboxes: Mailboxes):
    acct = mailboxes.office("q8")
    src = ImapSource(acct.backend(port=free_port(), timeout=3), acct.office, acct.password)
    with pytest.raises(ImapConnectError) as e:
        list(src.fetch_since(Cursor(None, 0)))
    assert e.value.mailbox == "q8" and "mail.imap.host" in str(e.value)


def test_missing_folder_is_a_source_error(mailboxes: Mailboxes):
    acct = mailboxes.office("q9")
    with source(acct, folder="Không-có") as src, pytest.raises(SourceError) as e:
        src.uidvalidity()
    assert e.value.mailbox == "q9"


def test_tls_modes(dovecot, mailboxes: Mailboxes):
    acct = mailboxes.office("q10")
    acct.append([make_message(1)])
    ctx = dovecot.ssl_context()
    with source(acct, tls="ssl", port=dovecot.ssl_port, ssl_context=ctx) as src:
        assert len(list(src.fetch_since(Cursor(None, 0)))) == 1
    with source(acct, tls="starttls", ssl_context=ctx) as src:
        assert len(list(src.fetch_since(Cursor(None, 0)))) == 1
        assert src._client._starttls_done
        assert src._can_move  # capabilities asked again after STARTTLS and login
    # The default context verifies certificates: a self-signed one is refused.
    with source(acct, tls="ssl", port=dovecot.ssl_port) as src, pytest.raises(ImapConnectError):
        src.uidvalidity()


def test_imapclient_debug_level_5_slows_fetch(mailboxes: Mailboxes):
    """Guard of the workaround in intake/imap.py `_connect`.

    imapclient 4.1 sets its imaplib connection's `debug` to 5 in
    IMAPClient.__init__, so imaplib formats every response and literal for a
    logger even when nothing is logged: fetching 0.55 MB messages became
    5-8x slower (about 260 vs 2,000 msg/s). ImapSource resets it to 0.
    """
    assert imapclient_version() == IMAPCLIENT_VERSION, (
        "imapclient changed: re-check the debug workaround in intake/imap.py and update IMAPCLIENT_VERSION"
    )
    acct = mailboxes.office("q11")
    acct.append([make_message(1, size=50_000)])
    # The cause is still there in the pinned version ...
    plain = imapclient.IMAPClient(acct.server.host, acct.server.port, ssl=False)
    assert plain._imap.debug == 5
    plain.shutdown()
    # ... and ImapSource neutralises it, also across a fetch.
    with source(acct) as src:
        assert len(list(src.fetch_since(Cursor(None, 0)))) == 1
        assert src._client._imap.debug == 0


def test_fetch_streams_one_batch_at_a_time(mailboxes: Mailboxes):
    acct = mailboxes.office("q12")
    acct.append([make_message(i) for i in range(5)])
    with source(acct, batch=2) as src:
        src.uidvalidity()
        client = src._conn()
        asked: list[list[int]] = []
        real_fetch = client.fetch

        def spy(messages, data, modifiers=None):
            if "BODY.PEEK[]" in data:
                asked.append(list(messages))
            return real_fetch(messages, data, modifiers)

        client.fetch = spy
        stream = src.fetch_since(Cursor(None, 0))
        assert next(stream).uid == 1
        assert asked == [[1, 2]]
        assert [f.uid for f in stream] == [2, 3, 4, 5]
        assert asked == [[1, 2], [3, 4], [5]]


def test_silent_server_times_out_as_connect_error(mailboxes: Mailboxes):
    """A server that accepts but never greets: the read timeout (mail.imap.timeout) ends the wait."""
    import socket
    import time

    acct = mailboxes.office("q12")
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        src = ImapSource(acct.backend(port=port, timeout=1), acct.office, acct.password)
        t = time.monotonic()
        with pytest.raises(ImapConnectError) as e:
            src.uidvalidity()
        assert time.monotonic() - t < 5
    assert e.value.mailbox == "q12"
