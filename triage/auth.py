"""Sessions, CSRF tokens and the sign-in throttle of the triage page.

The session is a cookie signed with itsdangerous (HttpOnly, SameSite=Lax),
holding the user id and a random CSRF token; every POST form carries the token
and it is compared in constant time. Sign-in failures are counted per
(user name, client address): after MAX_FAILURES within WINDOW seconds the
answer is 429 until the window has passed.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable

from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE = "thads_session"
MAX_AGE = 12 * 3600  # seconds: one working day
MAX_FAILURES = 5
WINDOW = 300.0  # seconds


@dataclass
class SessionData:
    csrf: str
    uid: int | None = None


class Sessions:
    """Signs and reads the session cookie."""

    def __init__(self, secret: str) -> None:
        self._s = URLSafeTimedSerializer(secret, salt="thads-triage-session")

    def new(self, uid: int | None = None) -> SessionData:
        return SessionData(csrf=secrets.token_urlsafe(32), uid=uid)

    def dump(self, data: SessionData) -> str:
        return self._s.dumps({"c": data.csrf, "u": data.uid})

    def load(self, cookie: str | None) -> SessionData | None:
        """The session in `cookie`, or None when absent, forged or older than MAX_AGE."""
        if not cookie:
            return None
        try:
            raw = self._s.loads(cookie, max_age=MAX_AGE)
        except BadSignature:
            return None
        if not isinstance(raw, dict) or not isinstance(raw.get("c"), str):
            return None
        uid = raw.get("u")
        return SessionData(csrf=raw["c"], uid=uid if isinstance(uid, int) else None)


def csrf_ok(session: SessionData | None, token: str | None) -> bool:
    if session is None or not token:
        return False
    return hmac.compare_digest(session.csrf.encode(), token.encode())


@dataclass
class LoginThrottle:
    """Failed sign-ins per (name, address); one per app, not global."""

    max_failures: int = MAX_FAILURES
    window: float = WINDOW
    clock: Callable[[], float] = time.monotonic
    _fails: dict[tuple[str, str], deque] = field(default_factory=dict)

    def _recent(self, key: tuple[str, str]) -> deque:
        q = self._fails.setdefault(key, deque())
        now = self.clock()
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked(self, name: str, addr: str) -> bool:
        return len(self._recent((name.strip().lower(), addr))) >= self.max_failures

    def failed(self, name: str, addr: str) -> None:
        self._recent((name.strip().lower(), addr)).append(self.clock())
        if len(self._fails) > 10_000:  # bound memory against a spray of names
            for k in [k for k, q in self._fails.items() if not q]:
                del self._fails[k]

    def succeeded(self, name: str, addr: str) -> None:
        self._fails.pop((name.strip().lower(), addr), None)
