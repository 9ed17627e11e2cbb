"""Clerks' accounts: scrypt password hashes in the store (`store.models.User`).

A hash is stored as ``scrypt$<n>$<r>$<p>$<salt hex>$<key hex>`` so its cost
can be raised later without breaking older hashes. Parameters follow RFC 7914
(scrypt) with n=2**14, r=8, p=1 (the OWASP interactive-login minimum).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from store.models import User

ROLES = ("clerk", "supervisor", "admin")
MIN_PASSWORD = 10  # characters
_N, _R, _P, _DKLEN = 2**14, 8, 1, 32
_MAXMEM = 64 * 1024 * 1024


def hash_password(password: str) -> str:
    """A salted scrypt hash of `password` in the stored format."""
    salt = secrets.token_bytes(16)
    key = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN, maxmem=_MAXMEM)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${key.hex()}"


def check_password(stored: str, password: str) -> bool:
    """Whether `password` matches the stored hash (constant-time compare); False for a malformed hash."""
    try:
        scheme, n, r, p, salt_hex, key_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        salt, key = bytes.fromhex(salt_hex), bytes.fromhex(key_hex)
        got = hashlib.scrypt(
            password.encode("utf-8"), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(key), maxmem=_MAXMEM
        )
    except ValueError:
        return False
    return hmac.compare_digest(got, key)


# A hash to compare against when the user does not exist, so the answer takes as long.
_DUMMY: str | None = None  # made on first use, not at import


def _dummy_hash() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password(secrets.token_hex(8))
    return _DUMMY


def add_user(engine: Engine, name: str, office: str, role: str, password: str) -> User:
    """Create a user with a hashed password and return it.

    Raises ValueError if the role is unknown, the name or office is empty, the
    password is shorter than MIN_PASSWORD characters, or the name is taken.
    """
    name = name.strip()
    if not name or not office.strip():
        raise ValueError("user name and office must not be empty")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password must have at least {MIN_PASSWORD} characters")
    with Session(engine) as s:
        if s.exec(select(User).where(User.name == name)).first() is not None:
            raise ValueError(f"user {name!r} already exists")
        user = User(name=name, office=office.strip(), role=role, password_hash=hash_password(password))
        s.add(user)
        s.commit()
        s.refresh(user)
        s.expunge(user)
        return user


def verify(engine: Engine, name: str, password: str) -> User | None:
    """The active user `name` if `password` is theirs, else None (same work either way)."""
    with Session(engine) as s:
        user = s.exec(select(User).where(User.name == name.strip())).first()
        if user is None:
            check_password(_dummy_hash(), password)
            return None
        ok = check_password(user.password_hash, password)
        if not ok or not user.active:
            return None
        s.expunge(user)
        return user
