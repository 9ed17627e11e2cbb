"""What came from email is shown as text: subject, body, file names and field values are escaped."""

from __future__ import annotations

from tests.triage.conftest import make_case

PAYLOAD = '<script>alert("xss")</script>'
IMG = '<img src=x onerror=alert(1)>'


def test_hostile_subject_body_filename_and_fields_are_escaped(engine, client_as):
    cid = make_case(
        engine,
        subject=f"Đơn {PAYLOAD}",
        body=f"Xin chào {IMG}\n</pre><script>alert(2)</script>",
        attachments=[(f"{PAYLOAD}.pdf", "application/pdf", b"%PDF-1.4 not really")],
        requester=f"Nguyễn {PAYLOAD}",
        judgment=f'1/2016/DS-ST"><script>alert(3)</script>',
    )
    c = client_as("clerk_q3")
    for html in (c.get(f"/case/{cid}").text, c.get("/queue").text):
        assert "<script>" not in html.lower()
        assert "<img src=x" not in html
    html = c.get(f"/case/{cid}").text
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
