"""parse_mail: raw bytes → ParsedMail | Rejected, on fixture mail named by its defect.

Crafted fixtures are written by tests/fixtures/eml/make_fixtures.py; real samples (with their
truth files) are under tests/fixtures/eml/samples/.
"""

from __future__ import annotations

import json
import unicodedata
from email.utils import getaddresses
from pathlib import Path

import pytest

from parsers import archive
from parsers.email import html_to_text, parse_mail
from parsers.model import Limits, ParsedMail, Reason, Rejected

EML = Path(__file__).resolve().parent.parent / "fixtures" / "eml"
SAMPLES = sorted((EML / "samples").glob("*.eml"))


def parse(name: str, **kw) -> ParsedMail:
    result = parse_mail((EML / name).read_bytes(), **kw)
    assert isinstance(result, ParsedMail), result
    return result


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# ------------------------------------------------------------------ headers and names


def test_cp1258_subject_with_combining_tone_marks_is_nfc():
    mail = parse("cp1258_subject.eml")
    assert mail.subject == "Đơn yêu cầu thi hành án - Nguyễn Văn An"
    assert is_nfc(mail.subject)
    assert mail.body_charset == "windows-1258"
    assert "Người phải thi hành án: Trần Thị Bình" in mail.body_text
    assert is_nfc(mail.body_text)


def test_rfc2231_filename():
    mail = parse("rfc2231_filename.eml")
    assert [a.filename for a in mail.attachments] == ["Đơn yêu cầu thi hành án.txt"]


def test_rfc2231_continuations_split_inside_a_character():
    mail = parse("rfc2231_continuation.eml")
    assert [a.filename for a in mail.attachments] == ["Đơn yêu cầu thi hành án.txt"]


def test_rfc2047_encoded_words_in_quoted_filename():
    mail = parse("rfc2047_filename.eml")
    assert [a.filename for a in mail.attachments] == ["Đơn yêu cầu thi hành án.txt"]


def test_filename_only_in_content_type_name():
    mail = parse("name_only_in_content_type.eml")
    assert [a.filename for a in mail.attachments] == ["don.txt"]


def test_nfd_filename_apple_is_nfc_and_text_around_inline_file_is_joined():
    mail = parse("nfd_filename_apple.eml")
    (att,) = mail.attachments
    assert att.filename == "Đơn yêu cầu thi hành án.txt" and is_nfc(att.filename)
    assert att.inline
    assert mail.body_text.index("Tôi gửi đơn:") < mail.body_text.index("Xin cảm ơn.")
    assert "ĐƠN YÊU CẦU" not in mail.body_text  # the inline file is not body text


def test_gh151857_bad_mime_param_falls_back_to_compat32():
    # CPython gh-151857: policy.default raises IndexError on `name*`; the message must still parse.
    mail = parse("gh151857_bad_mime_param.eml")
    assert "Người phải thi hành án" in mail.body_text
    assert len(mail.attachments) == 1 and mail.attachments[0].content_type == "application/pdf"
    assert any("gh-151857" in d for d in mail.defects)


def test_headers_date_and_addresses():
    mail = parse("rfc2231_filename.eml")
    assert mail.from_name == "Nguyen Van An" and mail.from_addr == "an.nguyen@example.com"
    assert mail.to == ["q3@thads-hcm.example"]
    assert mail.date == "2019-05-10T09:15:00+07:00"
    assert mail.message_id == "<rfc2231@example.com>"


# ------------------------------------------------------------------ bodies


def test_html_only_body_becomes_text_with_line_breaks():
    mail = parse("html_only.eml")
    text = mail.body_text
    assert "alert" not in text and "color" not in text
    assert "Tôi là Nguyễn Văn An,\nđịa chỉ 12 Võ Văn Tần." in text  # <br>
    assert "Người phải thi hành án: | Trần Thị Bình" in text  # one row a line
    assert text.splitlines()[0] == "Kính gửi: Chi cục Thi hành án dân sự Quận 3"


def test_html_to_text_entities_and_blocks():
    assert html_to_text("<p>a&nbsp;&amp;&nbsp;b</p><div>c</div>x<br/>y") == "a & b\n\nc\nx\ny"


def test_format_flowed_8bit_body_is_unwrapped():
    mail = parse("rfc2231_continuation.eml")
    assert "thi hành án theo tệp đính kèm." in mail.body_text  # joined across the soft break


def test_truncated_mime_keeps_what_is_readable():
    mail = parse("truncated_mime.eml")
    assert "Người phải thi hành án" in mail.body_text
    assert any("CloseBoundaryNotFound" in d for d in mail.defects)


def test_not_a_message_is_undecodable():
    result = parse_mail((EML / "not_a_message.eml").read_bytes())
    assert isinstance(result, Rejected) and result.code is Reason.UNDECODABLE
    assert result.reason.startswith("Không đọc được cấu trúc thư")


@pytest.mark.parametrize("raw", [b"", b"\r\n\r\n", b"garbage without headers", b"\xff\xfe\x00" * 50])
def test_bad_input_never_raises(raw):
    result = parse_mail(raw)
    assert isinstance(result, (ParsedMail, Rejected))


def test_deeply_nested_multipart_is_rejected_not_raised():
    depth = 2000
    raw = b"From: a@b.c\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
    for i in range(depth):
        raw += f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n'.encode()
    raw += b"Content-Type: text/plain\r\n\r\nhi\r\n"
    result = parse_mail(raw)
    assert isinstance(result, (ParsedMail, Rejected))


def test_too_large():
    raw = (EML / "html_only.eml").read_bytes()
    result = parse_mail(raw, max_bytes=100)
    assert isinstance(result, Rejected) and result.code is Reason.TOO_LARGE


# ------------------------------------------------------------------ attachments


def test_forwarded_rfc822_is_parsed_recursively():
    mail = parse("forwarded_rfc822.eml")
    (att,) = mail.attachments
    assert att.content_type == "message/rfc822" and att.filename == "Don yeu cau.eml"
    assert mail.forwarded is not None
    assert mail.forwarded.subject == "Đơn yêu cầu"
    assert "Người phải thi hành án" in mail.forwarded.body_text
    assert "Người phải thi hành án" not in mail.body_text  # the outer body stays the cover note


def test_winmail_dat_without_files_is_detected_as_tnef():
    mail = parse("winmail_dat.eml")
    assert mail.attachments[0].content_type == "application/ms-tnef"
    assert any("TNEF" in d for d in mail.defects)


def test_winmail_dat_files_are_unpacked_with_their_windows_1258_names():
    mail = parse("winmail_petition.eml")
    (att,) = mail.attachments
    assert att.content_type == "application/ms-tnef" and not mail.defects
    (inner,) = att.children
    assert (inner.filename, inner.content_type) == ("Đơn yêu cầu.txt", "text/plain")
    assert "ĐƠN YÊU CẦU THI HÀNH ÁN" in inner.data.decode("utf-8")


def test_zip_members_listed_with_utf8_names_without_flag():
    mail = parse("zip_utf8_names_without_flag.eml")
    (att,) = mail.attachments
    assert [c.filename for c in att.children] == ["Đơn yêu cầu thi hành án.txt", "Bản án.txt"]
    assert all(c.content_type == "text/plain" and c.data for c in att.children)


def test_zip_bomb_is_refused_by_the_unzipped_limit():
    mail = parse("zip_bomb.eml", limits=Limits(max_unzipped_bytes=2**20))
    assert mail.attachments[0].children == []
    assert any("zip-bomb" in d for d in mail.defects)


def test_zip_nested_deeper_than_two_is_refused():
    mail = parse("zip_nested_too_deep.eml")
    assert mail.attachments[0].children == []
    assert any("nested deeper" in d for d in mail.defects)


def test_zip_member_name_cp437():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(zipfile.ZipInfo("Bản án.txt"), b"x")  # zipfile sets the UTF-8 flag itself
    members = archive.list_zip(buf.getvalue(), Limits())
    assert [m.filename for m in members] == ["Bản án.txt"]


# ------------------------------------------------------------------ RFC 3834


def test_auto_reply():
    mail = parse("auto_reply.eml")
    assert mail.auto_submitted and mail.auto_reason is Reason.AUTO_REPLY


def test_bounce_dsn():
    mail = parse("bounce_dsn.eml")
    assert mail.auto_submitted and mail.auto_reason is Reason.BOUNCE


def test_mailing_list():
    mail = parse("mailing_list.eml")
    assert mail.auto_submitted and mail.auto_reason is Reason.MAILING_LIST


def test_own_address():
    mail = parse("html_only.eml", own_addresses=frozenset({"an.nguyen@example.com"}))
    assert mail.auto_submitted and mail.auto_reason is Reason.OWN_ADDRESS


def test_ordinary_mail_is_not_auto_submitted():
    mail = parse("html_only.eml", own_addresses=frozenset({"q3@thads-hcm.example"}))
    assert not mail.auto_submitted and mail.auto_reason is None


# ------------------------------------------------------------------ real samples against their truth


def _truth(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["email"]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_headers_and_attachments_match_truth(path):
    truth = _truth(path)
    mail = parse_mail(path.read_bytes())
    assert isinstance(mail, ParsedMail)
    assert mail.subject == truth["subject"]
    assert mail.from_addr == getaddresses([truth["from"]])[0][1].lower()
    assert mail.to == [a.lower() for _, a in getaddresses([truth["to"]])]
    assert mail.cc == ([a.lower() for _, a in getaddresses([truth["cc"]])] if truth["cc"] else [])
    assert mail.message_id == truth["message_id"]
    assert [(a.filename, a.content_type) for a in mail.attachments] == \
        [(a["filename"], a["content_type"]) for a in truth["attachments"]]
    for att, t in zip(mail.attachments, truth["attachments"]):
        assert is_nfc(att.filename)
        if t.get("contains") is not None:
            assert [c.filename for c in att.children] == [c["filename"] for c in t["contains"]]
    assert not mail.auto_submitted
    assert len(SAMPLES) >= 8


def test_empty_plain_alternative_falls_back_to_html():
    raw = (b"From: a@b.c\r\nSubject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=A\r\n\r\n"
           b"--A\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\r\n"
           b"--A\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>K\xc3\xadnh g\xe1\xbb\xadi</p><p>b</p>\r\n--A--\r\n")
    mail = parse_mail(raw)
    assert isinstance(mail, ParsedMail) and mail.body_text == "Kính gửi\n\nb"


def test_zip_budget_is_shared_by_all_zips_of_a_message():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.txt", b"\0" * 600_000)
    part = buf.getvalue()
    budget = archive.Budget(1_000_000)
    limits = Limits(max_unzipped_bytes=1_000_000)
    assert isinstance(archive.list_zip(part, limits, budget=budget), list)
    assert "zip-bomb" in archive.list_zip(part, limits, budget=budget)
