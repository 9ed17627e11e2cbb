"""The queue: filters, search, sorting, pagination and counts per state.

Built for 100,000 cases: every filter and sort runs on an indexed column of
`case` (office, state, lane, needs_review, created_at, receipt_number,
requester_name, id_number, judgment_number), pages are LIMIT/OFFSET on an
indexed order, and the counts are one GROUP BY state.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from math import ceil
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from sqlalchemy import String, cast, func
from sqlalchemy.orm import defer
from sqlmodel import Session, select

from store.models import Case, CaseState, User
from triage.access import visibility

PAGE_SIZE = 50
OPEN = (CaseState.NEW, CaseState.NEEDS_REVIEW)
STATE_LABEL = {
    "open": "Đang chờ xử lý",
    CaseState.NEEDS_REVIEW: "Cần xem xét",
    CaseState.NEW: "Mới",
    CaseState.INFO_REQUESTED: "Đã yêu cầu bổ sung",
    CaseState.ACCEPTED: "Đã thụ lý",
    CaseState.REJECTED: "Đã từ chối",
    CaseState.DUPLICATE: "Trùng lặp",
    CaseState.FORWARDED: "Đã hướng dẫn nơi khác",
    "all": "Tất cả",
}
LANE_LABEL = {"credit": "Tín dụng – ngân hàng", "corruption": "Tham nhũng", "normal": "Thông thường"}
SORTS = {
    "review": "Cần xem xét trước",
    "oldest": "Cũ nhất trước",
    "newest": "Mới nhất trước",
    "confidence": "Độ tin cậy thấp trước",
    "receipt": "Số tiếp nhận",
}
_RECEIPT = re.compile(r"^[A-Za-z0-9-]+-\d{4}-[A-Za-z]*\d+$")


class QueueFilter(BaseModel):
    office: str = ""
    lane: str = ""
    flag: str = ""  # a flag, or a prefix ending in ":" ("missing:")
    state: str = "open"
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    sort: str = "review"
    page: int = 1


class QueuePage(BaseModel):
    rows: list[Case]
    total: int
    page: int
    pages: int
    counts: dict[str, int]

    model_config = {"arbitrary_types_allowed": True}


def _day_start_utc(d: date, tz: ZoneInfo) -> datetime:
    """Midnight of `d` in the office time zone, in UTC."""
    return datetime.combine(d, time(0), tz).astimezone(timezone.utc)


def search_clause(q: str):
    """The WHERE clause for a search box entry, picked by its shape so it hits one index."""
    q = unicodedata.normalize("NFC", q.strip())
    digits = re.sub(r"\D", "", q)
    # Written as "id IN (…)" so the planner looks the few matches up by their own index
    # instead of walking the queue order and testing every row.
    if _RECEIPT.match(q):
        u = q.upper()
        return Case.id.in_(
            select(Case.id).where(Case.receipt_number == u).union(select(Case.id).where(Case.official_number == u))
        )
    if digits and len(digits) >= 6 and re.fullmatch(r"[\d .]+", q):
        return Case.id_number == digits
    if "/" in q:  # a judgment number or its beginning: an index range, not LIKE (case-insensitive in SQLite)
        prefix = re.sub(r"\s+", "", q).upper()
        in_range = (Case.judgment_number >= prefix) & (Case.judgment_number < prefix + "\U0010ffff")
        # the range finds the rows by index; substr keeps it exact under any collation
        return in_range & (func.substr(Case.judgment_number, 1, len(prefix)) == prefix)
    return Case.id.in_(select(Case.id).where(Case.requester_name.like(f"%{q}%")))


def _where(user: User, f: QueueFilter, tz: ZoneInfo, *, with_state: bool) -> list:
    w = [visibility(user)]
    if f.office:
        w.append(Case.office == f.office)
    if f.lane:
        w.append(Case.lane == f.lane)
    if f.flag:
        pattern = f'%"{f.flag}%' if f.flag.endswith(":") else f'%"{f.flag}"%'
        w.append(cast(Case.flags, String).like(pattern))
    if f.date_from:
        w.append(Case.created_at >= _day_start_utc(f.date_from, tz))
    if f.date_to:
        w.append(Case.created_at < _day_start_utc(f.date_to + timedelta(days=1), tz))
    if f.q.strip():
        w.append(search_clause(f.q))
    if with_state:
        if f.state == "open":
            w.append(Case.state.in_([s.value for s in OPEN]))
        elif f.state and f.state != "all":
            w.append(Case.state == f.state)
    return w


def _order(sort: str) -> list:
    if sort == "oldest":
        return [Case.created_at.asc(), Case.id.asc()]
    if sort == "newest":
        return [Case.created_at.desc(), Case.id.desc()]
    if sort == "confidence":
        return [Case.confidence.asc(), Case.created_at.asc(), Case.id.asc()]
    if sort == "receipt":
        return [Case.receipt_number.asc()]
    return [Case.needs_review.desc(), Case.created_at.asc(), Case.id.asc()]


def queue_page(session: Session, user: User, f: QueueFilter, tz: ZoneInfo, page_size: int = PAGE_SIZE) -> QueuePage:
    """One page of the queue as `user` may see it, with the total and the counts per state."""
    where = _where(user, f, tz, with_state=True)
    total = session.exec(select(func.count()).select_from(Case).where(*where)).one()
    pages = max(1, ceil(total / page_size))
    page = min(max(1, f.page), pages)
    rows = list(
        session.exec(
            select(Case).options(defer(Case.extraction), defer(Case.decision)).where(*where)
            .order_by(*_order(f.sort)).offset((page - 1) * page_size).limit(page_size)
        )
    )
    # Grouped by office too, so the (office, state, created_at) index answers it alone.
    counts: dict[str, int] = {}
    grouped = select(Case.office, Case.state, func.count()).where(*_where(user, f, tz, with_state=False))
    for _office, state, n in session.exec(grouped.group_by(Case.office, Case.state)):
        counts[state] = counts.get(state, 0) + n
    return QueuePage(rows=rows, total=total, page=page, pages=pages, counts=counts)
