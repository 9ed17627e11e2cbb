"""Accounts (scrypt hashes), sessions and the sign-in throttle."""

from __future__ import annotations

import pytest

from triage.auth import LoginThrottle, Sessions, csrf_ok
from triage.users import add_user, check_password, hash_password, verify


def test_hash_is_salted_scrypt_and_checks():
    a, b = hash_password("một mật khẩu dài"), hash_password("một mật khẩu dài")
    assert a.startswith("scrypt$16384$8$1$") and a != b
    assert check_password(a, "một mật khẩu dài")
    assert not check_password(a, "một mật khẩu khác")
    assert not check_password("garbage", "x") and not check_password("scrypt$1$2$3$zz$zz", "x")


def test_add_user_and_verify(engine):
    u = add_user(engine, "thu_ky", "q3", "clerk", "mật-khẩu-dài-1")
    assert u.id and u.password_hash != "mật-khẩu-dài-1"
    assert verify(engine, "thu_ky", "mật-khẩu-dài-1").office == "q3"
    assert verify(engine, "thu_ky", "sai") is None
    assert verify(engine, "khong_co", "mật-khẩu-dài-1") is None


@pytest.mark.parametrize("name,office,role,password", [
    ("a", "q3", "root", "mật-khẩu-dài-1"),   # unknown role
    ("a", "q3", "clerk", "ngan"),              # too short
    ("", "q3", "clerk", "mật-khẩu-dài-1"),     # no name
])
def test_add_user_refuses_bad_input(engine, name, office, role, password):
    with pytest.raises(ValueError):
        add_user(engine, name, office, role, password)


def test_add_user_refuses_taken_name(engine):
    add_user(engine, "trung", "q1", "clerk", "mật-khẩu-dài-1")
    with pytest.raises(ValueError, match="already exists"):
        add_user(engine, "trung", "q3", "clerk", "mật-khẩu-dài-2")


def test_session_cookie_is_signed():
    s = Sessions("khóa-bí-mật")
    data = s.new(uid=7)
    cookie = s.dump(data)
    assert s.load(cookie).uid == 7
    assert s.load(cookie[:-2] + "xx") is None
    assert Sessions("khóa-khác").load(cookie) is None
    assert csrf_ok(data, data.csrf) and not csrf_ok(data, "x") and not csrf_ok(None, data.csrf)


def test_throttle_window_passes():
    now = [0.0]
    t = LoginThrottle(max_failures=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        t.failed("An", "1.2.3.4")
    assert t.blocked("an", "1.2.3.4") and not t.blocked("an", "5.6.7.8")
    now[0] = 61
    assert not t.blocked("an", "1.2.3.4")
