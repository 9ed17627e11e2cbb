"""End to end in a real browser: Debian's chromium driven by Playwright against uvicorn.

Set SCREENSHOTS=1 to also write docs/screenshots/queue.png and case.png.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from sqlmodel import Session, select

from store.db import make_engine, migrate
from store.models import AuditEvent, Case
from tests.triage.conftest import FIXTURES, PASSWORD, make_case, make_config
from triage.app import create_app
from triage.users import add_user

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn in a thread on a free loopback port; start() fails if it does not come up."""

    def __init__(self, app) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"uvicorn did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    engine = make_engine(f"sqlite:///{tmp}/store.sqlite3")
    migrate(engine)
    add_user(engine, "giamsat", "cuc", "supervisor", PASSWORD)
    add_user(engine, "clerk_q3", "q3", "clerk", PASSWORD)
    pdf = (FIXTURES / "petition_text_layer.pdf").read_bytes()
    ids = {
        "triage": make_case(engine, office="triage", rule="R10", confidence=0.3, judgment=None,
                            requester="Ngân hàng TMCP Kỹ thương Việt Nam", requester_kind="organization",
                            id_number=None, debtor="Nguyễn Ngọc Quyên",
                            debtor_address="366 Lý Thường Kiệt, Phường 14, Quận Tân Bình", addressed_to=None,
                            court="Tòa án nhân dân Quận Tân Bình", case_type="KDTM", lane="credit",
                            preferred_officer="Võ Hoài Nhân", mailbox="q3",
                            request_content="Thanh toán 5.569.675.000 đồng (gốc và lãi)",
                            flags=["missing:judgment_ref"],
                            attachments=[("Đơn yêu cầu THA.pdf", "application/pdf", pdf)], petition="Đơn yêu cầu THA.pdf"),
        "xss": make_case(engine, office="q3", subject='Đơn <script>window.__xss=1;alert("xss")</script>',
                         body='Kính gửi <img src=x onerror="window.__xss=2">\n<script>alert(1)</script>',
                         attachments=[('<script>alert("f")</script>.pdf', "application/pdf", b"%PDF-1.4 broken")],
                         requester='Hacker <b onmouseover=alert(1)>x</b>'),
    }
    names = ["Nguyễn Văn Hùng", "Lê Thị Thu", "Phạm Minh Tuấn", "Võ Thị Hồng", "Đỗ Quang Vinh", "Bùi Thị Lan"]
    for i, n in enumerate(names):
        make_case(engine, office=["q3", "q1", "cuc", "tan-binh"][i % 4], requester=n, confidence=[0.95, 0.6][i % 2],
                  lane=["normal", "credit", "corruption"][i % 3], flags=[[], ["limitation_risk"]][i % 2],
                  judgment=f"{100 + i}/2016/DS-ST")
    server = LiveServer(create_app(make_config(tmp), engine))
    server.start()
    yield server, engine, ids
    server.stop()
    engine.dispose()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    pg = ctx.new_page()
    pg.set_default_timeout(15000)
    yield pg
    ctx.close()


def sign_in(page, url: str, name: str) -> None:
    page.goto(f"{url}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/queue")


def test_sign_in_correct_reroute_accept_and_audit(site, page):
    server, engine, ids = site
    sign_in(page, server.url, "giamsat")
    assert page.locator("#queue tbody tr").count() >= 5
    # review cases first: the triage case is in the first rows
    assert "Ngân hàng TMCP Kỹ thương" in page.locator("#queue tbody").inner_text()
    if os.environ.get("SCREENSHOTS") == "1":
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "queue.png"), full_page=True)
    page.click("text=Ngân hàng TMCP Kỹ thương Việt Nam >> xpath=ancestor::tr//a")
    page.wait_for_url(f"{server.url}/case/{ids['triage']}")
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    if os.environ.get("SCREENSHOTS") == "1":
        page.screenshot(path=str(SHOTS / "case.png"), full_page=True)

    # correct a field
    row = page.locator('tr[data-field="judgment.number"]')
    row.locator("input[name=value]").fill("758/2013/KDTM-ST")
    row.locator("button").click()
    page.wait_for_selector("p.done")
    assert page.locator('tr[data-field="judgment.number"] input[name=value]').input_value() == "758/2013/KDTM-ST"

    # re-route with a reason (routing re-ran on the correction and may already have found Tân Bình:
    # then the Cục takes the case up, a clerk's decision)
    target, name = ("cuc", "Cục") if "Tân Bình" in page.locator("#office").inner_text() else ("tan-binh", "Tân Bình")
    page.select_option("#reroute select[name=office]", target)
    page.fill("#reroute input[name=reason]", "Bản án kinh doanh thương mại sơ thẩm của Tòa án nhân dân quận Tân Bình")
    page.click("#reroute button")
    page.wait_for_selector("p.done")
    assert name in page.locator("#office").inner_text()

    # accept: an official number appears
    page.click("#accept button")
    page.wait_for_selector("#official")
    official = page.locator("#official").inner_text()
    assert official.startswith(target.upper() + "-")
    assert page.locator("#state").inner_text() == "Đã thụ lý"

    # the audit trail shows who did what
    audit = page.locator("#audit")
    for action in ("corrected", "rerouted", "accepted"):
        assert audit.locator(f'tr[data-action="{action}"]').count() == 1
        assert "giamsat" in audit.locator(f'tr[data-action="{action}"]').inner_text()
    with Session(engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).where(AuditEvent.case_id == ids["triage"],
                                                                    AuditEvent.actor == "giamsat"))]
        case = s.get(Case, ids["triage"])
    assert actions == ["corrected", "rerouted", "accepted"]
    # the transfer letter to the sender (the mail came to Quận 3) was queued by the re-route
    assert audit.locator('tr[data-action="letter-queued"]').count() >= 1
    assert case.official_number == official and case.judgment_number == "758/2013/KDTM-ST"


def test_script_in_subject_and_filename_is_shown_as_text(site, page):
    server, _engine, ids = site
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, server.url, "clerk_q3")
    page.goto(f"{server.url}/case/{ids['xss']}")
    assert '<script>window.__xss=1;alert("xss")</script>' in page.locator("#subject").inner_text()
    assert '<script>alert("f")</script>.pdf' in page.locator("#attachments").inner_text()
    assert "<img src=x" in page.locator("#body").inner_text()
    page.hover("#fields")
    page.goto(f"{server.url}/queue")
    assert "<b onmouseover=alert(1)>" in page.locator("#queue").inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.locator("script").count() == 0
    assert dialogs == []


def test_clerk_cannot_open_other_office_case_in_browser(site, page):
    server, engine, _ids = site
    with Session(engine) as s:
        other = s.exec(select(Case).where(Case.office == "q1")).first()
    sign_in(page, server.url, "clerk_q3")
    resp = page.goto(f"{server.url}/case/{other.id}")
    assert resp.status == 404
    assert (other.requester_name or "") not in page.content()
