"""The clerks' triage page: `create_app(config, engine)`.

Server-rendered pages (jinja2, autoescaped) without JavaScript. Everything
that came from email (subject, body, file names, field values) reaches the
page only through autoescaping, and the Content-Security-Policy forbids
scripts altogether, so a hostile message cannot run code in a clerk's browser.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from pydantic import ValidationError
from sqlalchemy import case as sql_case
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.templating import Jinja2Templates

from intake.config import Config
from intake.pipeline import limits_of
from parsers.documents import read_document, sniff
from parsers.model import DocumentError
from store.models import Attachment, AuditEvent, Case, CaseState, Message, User
from triage import actions
from triage.access import can_see, is_supervisor, visibility
from triage.auth import COOKIE, MAX_AGE, LoginThrottle, SessionData, Sessions, csrf_ok
from triage.pages import image_png, page_count, render_png
from triage.queue import LANE_LABEL, SORTS, STATE_LABEL, QueueFilter, queue_page
from triage.users import verify

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "triage"
STATIC = Path(__file__).resolve().parent / "static"
CSP = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; img-src 'self'; style-src 'self'"
)
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp"}
DONE = {  # ?done=… after an action: fixed texts, nothing from the URL is shown
    "corrected": "Đã sửa trường.",
    "rerouted": "Đã chuyển đơn vị.",
    "accepted": "Đã thụ lý hồ sơ.",
    "info_requested": "Đã yêu cầu bổ sung.",
    "rejected": "Đã từ chối yêu cầu.",
    "duplicate": "Đã đánh dấu trùng lặp.",
    "officer_assigned": "Đã phân công Chấp hành viên.",
}
ACTION_LABEL = {
    "received": "Nhận thư", "parsed": "Đọc đơn", "routed": "Định tuyến", "acknowledged": "Gửi xác nhận",
    "quarantined": "Cách ly", "corrected": "Sửa trường", "rerouted": "Chuyển đơn vị", "accepted": "Thụ lý",
    "info_requested": "Yêu cầu bổ sung", "rejected": "Từ chối", "duplicate": "Đánh dấu trùng",
    "officer_assigned": "Phân công Chấp hành viên", "letter-queued": "Xếp thư vào hàng gửi",
    "letter-suppressed": "Không gửi thư (chống vòng lặp)",
}


class _SignIn(Exception):
    """No valid session: the handler sends the browser to the sign-in page."""


def _local(dt: datetime | None, tz: ZoneInfo) -> str:
    if dt is None:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(tz).strftime("%d/%m/%Y %H:%M")


def _age(dt: datetime | None, now: datetime) -> str:
    if dt is None:
        return ""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    s = int((now - dt).total_seconds())
    if s < 3600:
        return f"{max(0, s // 60)} phút"
    if s < 86400:
        return f"{s // 3600} giờ"
    return f"{s // 86400} ngày"


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for k, v in value.items():
            out += _flatten(v, f"{prefix}.{k}" if prefix else k)
        return out
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return [(prefix, "; ".join(", ".join(f"{k}: {x}" for k, x in v.items()) for v in value))]
    if isinstance(value, list):
        return [(prefix, "; ".join(map(str, value)))]
    return [(prefix, value)]


def _content_disposition(filename: str) -> str:
    """RFC 6266 attachment with an ASCII fallback and the UTF-8 name (RFC 8187)."""
    ascii_name = "".join(c if 32 <= ord(c) < 127 and c not in '"\\;' else "_" for c in filename) or "tep"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def create_app(config: Config, engine: Engine) -> FastAPI:
    """The triage web app on `engine`, configured by `config` (nothing read from the environment)."""
    app = FastAPI(title="THADS – hàng đợi tiếp nhận", docs_url=None, redoc_url=None, openapi_url=None)
    secret = config.web.secret_key.read() if config.web.secret_key else secrets.token_urlsafe(32)
    sessions = Sessions(secret)
    throttle = LoginThrottle()
    router = actions.make_router(config)
    tz = ZoneInfo(config.schedule.timezone)
    office_names = {o.slug: o.name for o in config.offices}
    office_names.setdefault("triage", "Chờ phân loại (chưa xác định đơn vị)")
    office_names.setdefault("outside", "Ngoài TP. Hồ Chí Minh")
    page_cache: OrderedDict[tuple[int, int], bytes] = OrderedDict()
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    env.globals.update(
        office_names=office_names, STATE_LABEL=STATE_LABEL, LANE_LABEL=LANE_LABEL, SORTS=SORTS,
        ACTION_LABEL=ACTION_LABEL, REJECT_REASONS=actions.REJECT_REASONS, MISSING_ITEMS=actions.MISSING_ITEMS,
        EDITABLE=actions.EDITABLE,
    )
    templates = Jinja2Templates(env=env)
    app.state.engine, app.state.config, app.state.throttle = engine, config, throttle
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        if not request.url.path.startswith("/static"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _error_page(request: Request, exc: StarletteHTTPException):
        return templates.TemplateResponse(
            request, "error.html", {"user": None, "csrf": "", "status": exc.status_code, "detail": exc.detail},
            status_code=exc.status_code,
        )

    @app.exception_handler(_SignIn)
    async def _to_sign_in(request: Request, exc: _SignIn):
        return RedirectResponse("/login", status_code=303)

    def set_session(response: Response, request: Request, data: SessionData) -> None:
        response.set_cookie(
            COOKIE, sessions.dump(data), max_age=MAX_AGE, httponly=True, samesite="lax",
            secure=request.url.scheme == "https", path="/",
        )

    def current(request: Request) -> tuple[User, SessionData]:
        sess = sessions.load(request.cookies.get(COOKIE))
        if sess is None or sess.uid is None:
            raise _SignIn()
        with Session(engine) as s:
            user = s.get(User, sess.uid)
            if user is None or not user.active:
                raise _SignIn()
            s.expunge(user)
        return user, sess

    async def posted(request: Request) -> tuple[User, SessionData, Any]:
        user, sess = current(request)
        form = await request.form()
        if not csrf_ok(sess, form.get("csrf")):
            raise HTTPException(403, "Phiên làm việc không hợp lệ (CSRF); hãy tải lại trang.")
        return user, sess, form

    def load_case(s: Session, user: User, cid: int) -> Case:
        case = s.get(Case, cid)
        if case is None or not can_see(user, case):  # the same answer: no hint that it exists
            raise HTTPException(404, "Không tìm thấy hồ sơ.")
        return case

    def page(request: Request, name: str, ctx: dict[str, Any], status: int = 200, sess: SessionData | None = None):
        ctx.setdefault("user", None)
        ctx.setdefault("csrf", sess.csrf if sess else "")
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    limits = limits_of(config)
    text_cache: OrderedDict[int, str] = OrderedDict()

    def document_text(att: Attachment) -> str | None:
        """The text of a Word / RTF / plain-text petition as the parsers read it (cached), or None."""
        if att.id in text_cache:
            return text_cache[att.id]
        if sniff(att.filename, att.data) not in ("docx", "ole", "rtf", "text"):
            return None
        doc = read_document(att.filename, att.data, limits)
        result = doc.reason if isinstance(doc, DocumentError) else doc.text
        text_cache[att.id] = result
        while len(text_cache) > 32:
            text_cache.popitem(last=False)
        return result

    # ------------------------------------------------------------------ sign in

    @app.get("/", include_in_schema=False)
    def root():
        return RedirectResponse("/queue", status_code=303)

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request):
        sess = sessions.load(request.cookies.get(COOKIE)) or sessions.new()
        resp = page(request, "login.html", {"error": None, "name": ""}, sess=sess)
        set_session(resp, request, sess)
        return resp

    @app.post("/login", response_class=HTMLResponse)
    async def login(request: Request):
        sess = sessions.load(request.cookies.get(COOKIE))
        form = await request.form()
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        addr = request.client.host if request.client else "?"
        if not csrf_ok(sess, form.get("csrf")):
            sess = sessions.new()
            resp = page(request, "login.html", {"error": "Phiên đã hết hạn; hãy đăng nhập lại.", "name": name},
                        403, sess)
            set_session(resp, request, sess)
            return resp
        if throttle.blocked(name, addr):
            return page(request, "login.html", {"error": "Đăng nhập sai quá nhiều lần; hãy thử lại sau 5 phút.",
                                                "name": name}, 429, sess)
        user = verify(engine, name, password)
        if user is None:
            throttle.failed(name, addr)
            return page(request, "login.html", {"error": "Sai tên đăng nhập hoặc mật khẩu.", "name": name}, 401, sess)
        throttle.succeeded(name, addr)
        resp = RedirectResponse("/queue", status_code=303)
        set_session(resp, request, sessions.new(uid=user.id))  # a fresh CSRF token after sign-in
        return resp

    @app.post("/logout")
    async def logout(request: Request):
        await posted(request)
        resp = RedirectResponse("/login", status_code=303)
        resp.delete_cookie(COOKIE, path="/")
        return resp

    # ------------------------------------------------------------------ queue

    @app.get("/queue", response_class=HTMLResponse)
    def queue(request: Request):
        user, sess = current(request)
        params = {k: v for k, v in request.query_params.items() if v != ""}
        try:
            f = QueueFilter.model_validate(params)
        except ValidationError:
            f = QueueFilter()
        with Session(engine) as s:
            result = queue_page(s, user, f, tz)
        now = datetime.now(timezone.utc)
        base = {k: v for k, v in f.model_dump(mode="json").items() if v not in ("", None) and k != "page"}

        def page_url(n: int) -> str:
            return "/queue?" + urlencode({**base, "page": n})

        return page(request, "queue.html", {
            "user": user, "f": f, "result": result, "page_url": page_url,
            "local": lambda dt: _local(dt, tz), "age": lambda dt: _age(dt, now),
            "supervisor": is_supervisor(user),
        }, sess=sess)

    # ------------------------------------------------------------------ case

    def case_context(s: Session, user: User, case: Case) -> dict[str, Any]:
        message = s.get(Message, case.message_pk)
        parsed = (message.parsed or {}) if message else {}
        atts = s.exec(
            select(Attachment.id, Attachment.filename, Attachment.content_type, Attachment.size, Attachment.role,
                   Attachment.parent_id)
            .where(Attachment.message_pk == case.message_pk).order_by(Attachment.id)
        ).all()
        extraction = case.extraction or {}
        fields = extraction.get("fields") or {}
        notes = extraction.get("notes") or {}
        flat = _flatten(fields)
        editable_paths = set(actions.EDITABLE)
        rows = []
        for path, label in actions.EDITABLE.items():
            rows.append({"path": path, "label": label, "value": dict(flat).get(path), "note": notes.get(path),
                         "editable": True})
        for path, value in flat:
            if path not in editable_paths and value not in (None, "", []):
                rows.append({"path": path, "label": path, "value": value, "note": notes.get(path), "editable": False})
        petition = None
        if case.petition_attachment_id is not None:
            att = s.get(Attachment, case.petition_attachment_id)
            if att is not None and att.message_pk == case.message_pk:
                kind, pages = "file", 0
                if att.content_type == "application/pdf" or att.filename.lower().endswith(".pdf"):
                    kind, pages = "pdf", min(page_count(att.data) or 0, config.extraction.max_pages)
                elif att.content_type in IMAGE_TYPES:
                    kind = "image"
                petition = {"id": att.id, "filename": att.filename, "kind": kind, "pages": pages,
                            "text": document_text(att) if kind == "file" else None}
        lines = sorted(
            ((n.get("source") or {}) for n in notes.values() if (n.get("source") or {}).get("text")),
            key=lambda src: (src.get("page") or 0, src.get("line") or 0),
        )
        events = s.exec(select(AuditEvent).where(AuditEvent.case_id == case.id).order_by(AuditEvent.at, AuditEvent.id)).all()
        duplicate_of = s.get(Case, case.duplicate_of) if case.duplicate_of else None
        body = parsed.get("body_text")
        if body is None and message is not None and not parsed:
            body = message.raw[:200_000].decode("utf-8", "replace")
        return {
            "case": case, "message": message, "parsed": parsed, "body": body or "", "attachments": atts,
            "rows": rows, "petition": petition, "source_lines": lines, "decision": case.decision or {},
            "events": events, "duplicate_of": duplicate_of, "extraction": extraction,
            "open": case.state in actions.OPEN, "offices": config.offices,
            "missing_flags": [f.split(":", 1)[1] for f in (case.flags or []) if f.startswith("missing:")],
        }

    def case_view(request: Request, ctx: dict[str, Any], user: User, sess: SessionData | None, *, done: str | None = None,
                  error: str | None = None, status: int = 200) -> Response:
        now = datetime.now(timezone.utc)
        return page(request, "case.html", {
            **ctx, "user": user, "done": done, "error": error, "local": lambda dt: _local(dt, tz),
            "age": lambda dt: _age(dt, now), "supervisor": is_supervisor(user),
        }, status, sess)

    @app.get("/case/{cid}", response_class=HTMLResponse)
    def case_page(request: Request, cid: int, done: str = ""):
        user, sess = current(request)
        with Session(engine) as s:
            case = load_case(s, user, cid)
            ctx = case_context(s, user, case)
        return case_view(request, ctx, user, sess, done=DONE.get(done))

    async def act(request: Request, cid: int, name: str, run) -> Response:
        user, sess, form = await posted(request)
        with Session(engine) as s:
            case = load_case(s, user, cid)
            outcome = run(s, user, case, form)
            if outcome.ok:
                return RedirectResponse(f"/case/{cid}?done={name}", status_code=303)
            s.rollback()
            case = load_case(s, user, cid) if can_see(user, case) else case
            ctx = case_context(s, user, case)
        return case_view(request, ctx, user, sess, error=outcome.message, status=400)

    def _str(form, key: str) -> str:
        v = form.get(key, "")
        return v if isinstance(v, str) else ""

    # The clerks' actions: POST /case/{cid}/<path> -> (the `done` name, the call of triage/actions.py).
    case_actions = {
        "correct": ("corrected", lambda s, u, c, f: actions.correct_field(
            s, config, router, u, c, _str(f, "field"), _str(f, "value"))),
        "reroute": ("rerouted", lambda s, u, c, f: actions.reroute(s, config, u, c, _str(f, "office"), _str(f, "reason"))),
        "accept": ("accepted", lambda s, u, c, f: actions.accept(s, config, u, c)),
        "request-info": ("info_requested", lambda s, u, c, f: actions.request_info(
            s, config, u, c, [x for x in f.getlist("missing") if isinstance(x, str)], _str(f, "note"))),
        "reject": ("rejected", lambda s, u, c, f: actions.reject(s, config, u, c, _str(f, "reason"), _str(f, "note"))),
        "duplicate": ("duplicate", lambda s, u, c, f: actions.mark_duplicate(s, u, c, _str(f, "of"))),
        "assign": ("officer_assigned", lambda s, u, c, f: actions.assign_officer(
            s, u, c, _str(f, "officer"), _str(f, "reason"))),
    }

    def action_endpoint(name: str, run):  # noqa: ANN001, ANN202
        async def endpoint(request: Request, cid: int) -> Response:
            return await act(request, cid, name, run)
        return endpoint

    for path, (name, run) in case_actions.items():
        app.add_api_route(f"/case/{{cid}}/{path}", action_endpoint(name, run), methods=["POST"], name=path)

    # ------------------------------------------------------------------ attachments

    def load_attachment(request: Request, cid: int, aid: int) -> Attachment:
        user, _ = current(request)
        with Session(engine) as s:
            case = load_case(s, user, cid)
            att = s.get(Attachment, aid)
            if att is None or att.message_pk != case.message_pk:
                raise HTTPException(404, "Không tìm thấy tệp.")
            s.expunge(att)
            return att

    @app.get("/case/{cid}/attachment/{aid}")
    def download(request: Request, cid: int, aid: int):
        att = load_attachment(request, cid, aid)
        return Response(att.data, media_type="application/octet-stream", headers={
            "Content-Disposition": _content_disposition(att.filename), "Content-Security-Policy": "sandbox",
        })

    @app.get("/case/{cid}/attachment/{aid}/image.png")
    def image(request: Request, cid: int, aid: int):
        att = load_attachment(request, cid, aid)
        png = image_png(att.data, config.extraction.max_image_pixels)
        if png is None:
            raise HTTPException(404, "Không hiển thị được ảnh.")
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/case/{cid}/attachment/{aid}/page/{n}.png")
    def pdf_page(request: Request, cid: int, aid: int, n: int):
        att = load_attachment(request, cid, aid)
        if not 1 <= n <= config.extraction.max_pages:
            raise HTTPException(404, "Không có trang này.")
        key = (aid, n)
        png = page_cache.get(key)
        if png is None:
            png = render_png(att.data, n - 1)
            if png is None:
                raise HTTPException(404, "Không hiển thị được trang này.")
            page_cache[key] = png
            while len(page_cache) > 64:
                page_cache.popitem(last=False)
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    # ------------------------------------------------------------------ overview

    @app.get("/overview", response_class=HTMLResponse)
    def overview(request: Request, day: str = ""):
        user, sess = current(request)
        if not is_supervisor(user):
            raise HTTPException(403, "Chỉ dành cho lãnh đạo, giám sát.")
        try:
            d = date.fromisoformat(day) if day else datetime.now(tz).date()
        except ValueError:
            d = datetime.now(tz).date()
        start = datetime.combine(d, datetime.min.time(), tz).astimezone(timezone.utc)
        end = start + timedelta(days=1)
        now = datetime.now(timezone.utc)
        waiting_states = [CaseState.NEW.value, CaseState.NEEDS_REVIEW.value]
        vis = visibility(user)
        with Session(engine) as s:
            new_rows = s.exec(
                select(Case.office, Case.lane, func.count()).where(vis, Case.created_at >= start, Case.created_at < end)
                .group_by(Case.office, Case.lane)
            ).all()
            buckets = [("d1", timedelta(days=1)), ("d3", timedelta(days=3)), ("d7", timedelta(days=7))]
            cols = [func.count(), func.min(Case.created_at)] + [
                func.sum(sql_case((Case.created_at < now - delta, 1), else_=0)) for _, delta in buckets
            ]
            wait_rows = s.exec(
                select(Case.office, *cols).where(vis, Case.state.in_(waiting_states)).group_by(Case.office)
            ).all()
            oldest = s.exec(
                select(Case).where(vis, Case.state.in_(waiting_states)).order_by(Case.created_at.asc()).limit(10)
            ).all()
            for c in oldest:
                s.expunge(c)
        new_by_office: dict[str, dict[str, int]] = {}
        for office, lane, n in new_rows:
            new_by_office.setdefault(office, {}).setdefault(lane, 0)
            new_by_office[office][lane] += n
        waiting = [
            {"office": r[0], "count": r[1], "oldest": r[2], "over1": r[3] or 0, "over3": r[4] or 0, "over7": r[5] or 0}
            for r in wait_rows
        ]
        waiting.sort(key=lambda w: (w["oldest"] or now))
        nowz = datetime.now(timezone.utc)
        return page(request, "overview.html", {
            "user": user, "day": d, "new_by_office": new_by_office, "waiting": waiting, "oldest": oldest,
            "local": lambda dt: _local(dt, tz), "age": lambda dt: _age(dt, nowz), "supervisor": True,
            "lanes": list(LANE_LABEL),
        }, sess=sess)

    return app
