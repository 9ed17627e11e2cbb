"""Who may see which case.

A clerk sees the cases of their own office and the unassigned pool (office
"triage"); a supervisor of the Cục ("cuc") and an admin see every office; a
supervisor of a Chi cục sees their office and the pool, like its clerks.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, true

from store.models import Case, User

TRIAGE = "triage"
CUC = "cuc"


def sees_all(user: User) -> bool:
    return user.role == "admin" or (user.role == "supervisor" and user.office == CUC)


def is_supervisor(user: User) -> bool:
    return user.role in ("supervisor", "admin")


def visible_offices(user: User) -> set[str] | None:
    """The office slugs `user` may see, or None for all of them."""
    return None if sees_all(user) else {user.office, TRIAGE}


def can_see(user: User, case: Case) -> bool:
    offices = visible_offices(user)
    return offices is None or case.office in offices


def visibility(user: User) -> ColumnElement[bool]:
    """A WHERE clause restricting Case rows to those `user` may see."""
    offices = visible_offices(user)
    return true() if offices is None else Case.office.in_(sorted(offices))
