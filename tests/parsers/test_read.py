"""read_petition / extract_file: where the petition is, the roles of the attachments, and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.email_report import truth_roles
from parsers.email import parse_mail
from parsers.model import Limits, ParsedMail, PetitionRead, Reason, Rejected
from parsers.read import classify, extract_file, read_petition

EML = Path(__file__).resolve().parent.parent / "fixtures" / "eml"
SAMPLES = sorted((EML / "samples").glob("*.eml"))
LIMITS = Limits()


def read(name: str, limits: Limits = LIMITS) -> PetitionRead | Rejected:
    mail = parse_mail((EML / name).read_bytes(), limits=limits)
    assert isinstance(mail, ParsedMail), mail
    return read_petition(mail, LIMITS)


def test_petition_attachment_chosen_by_content_not_name():
    result = read("petition_and_judgment.eml")
    assert isinstance(result, PetitionRead)
    assert result.petition_in == "attachment" and result.attachment == "scan01.txt"
    assert result.roles == {"scan01.txt": "petition", "Ban an.txt": "judgment"}
    assert "Đơn yêu cầu" in result.reason
    assert result.extraction.fields.judgment.number == "123/2019/DS-ST"


def test_body_is_the_petition_when_no_attachment_is():
    result = read("cp1258_subject.eml")
    assert isinstance(result, PetitionRead)
    assert result.petition_in == "body" and result.attachment is None
    assert result.reason.startswith("Nội dung thư")


def test_html_only_body_petition():
    result = read("html_only.eml")
    assert isinstance(result, PetitionRead) and result.petition_in == "body"


def test_cover_note_with_judgment_only_is_no_petition():
    result = read("no_petition.eml")
    assert isinstance(result, Rejected) and result.code is Reason.NO_PETITION


def test_forwarded_body_and_law_firm():
    result = read("forwarded_rfc822.eml")
    assert isinstance(result, PetitionRead)
    assert result.petition_in == "forwarded_body"
    assert result.roles == {"Don yeu cau.eml": "forwarded_message"}
    assert result.forwarded_by == {"name": "Tran Trong Thuan", "firm": "Công ty Luật TNHH Minh Pháp",
                                   "address": "thuan.tran@luatminhphap.vn"}


def test_petition_inside_zip_and_judgment_beside_it():
    result = read("zip_utf8_names_without_flag.eml")
    assert isinstance(result, PetitionRead)
    assert result.petition_in == "zip" and result.attachment == "Đơn yêu cầu thi hành án.txt"
    assert result.roles == {"Ho so yeu cau THA.zip": "archive", "Đơn yêu cầu thi hành án.txt": "petition",
                            "Bản án.txt": "judgment"}


def test_zip_bomb_is_unreadable_attachment():
    result = read("zip_bomb.eml", Limits(max_unzipped_bytes=2**20))
    assert isinstance(result, Rejected) and result.code is Reason.UNREADABLE_ATTACHMENT
    assert "giải nén" in result.detail


def test_winmail_dat_without_files_is_unreadable_attachment():
    result = read("winmail_dat.eml")
    assert isinstance(result, Rejected) and result.code is Reason.UNREADABLE_ATTACHMENT
    assert "TNEF" in result.detail


def test_petition_inside_winmail_dat_is_read():
    result = read("winmail_petition.eml")
    assert isinstance(result, PetitionRead), result
    assert result.attachment == "Đơn yêu cầu.txt" and result.roles["winmail.dat"] == "archive"
    assert result.extraction.fields.judgment.number == "123/2019/DS-ST"


def test_classify_without_diacritics_and_old_tone_placement():
    text = ("DON YEU CAU THI HANH AN\nKinh gui: Chi cuc THADS Quan 3\n"
            "Nguoi phai thi hanh an: Tran Thi Binh\nNoi dung yeu cau: tra tien\n")
    assert classify(text).role == "petition"
    assert classify("Toà án nhân dân Quận 1\nBẢN ÁN\nNguyên đơn: A\nBị đơn: B\nThụ lý số 12/2019/TLST-DS").role \
        == "judgment"
    assert classify("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCĂN CƯỚC CÔNG DÂN\nSố: 079194402500\n"
                    "Quốc tịch: Việt Nam\nQuê quán: Quận 3").role == "id_card"


def test_letter_with_vv_title_is_a_petition():
    text = ("NGÂN HÀNG TMCP Á CHÂU\nSố: 123/CV-ACB\nV/v: Yêu cầu tổ chức thi hành án\n"
            "Kính gửi: Chi cục Thi hành án dân sự Quận 3\nNgười phải thi hành án: Công ty TNHH X\n")
    assert classify(text).role == "petition"


def test_body_petition_listing_enclosures_is_not_a_cover_note():
    body = ("Kính gửi: Chi cục THADS Quận 1\nTôi là Nguyễn Văn An. Tôi đề nghị thi hành Bản án số 12/2019/DS-ST.\n"
            "Người phải thi hành án: Trần Thị Bình.\nNội dung yêu cầu: trả 10.000.000 đồng.\n"
            "Giấy tờ đính kèm: bản sao bản án.\nNgười yêu cầu\nNguyễn Văn An")
    assert classify(body, body=True).role == "petition"


def test_cover_note_is_not_a_petition_body():
    cover = ("Kính gửi Cục Thi hành án dân sự Thành phố Hồ Chí Minh,\nTôi xin gửi đơn yêu cầu thi hành án "
             "(đính kèm) để Quý cơ quan xem xét thi hành Bản án số 12/2019/DS-ST.\nTrân trọng.")
    assert classify(cover, body=True).role == "other"


def test_extract_file_txt_and_eml(tmp_path):
    petition = tmp_path / "don.txt"
    petition.write_text("ĐƠN YÊU CẦU THI HÀNH ÁN\nKính gửi: Chi cục THADS Quận 3\n"
                        "Người phải thi hành án: Trần Thị Bình\nNội dung yêu cầu: trả tiền\n", encoding="utf-8")
    result = extract_file(petition, LIMITS)
    assert isinstance(result, PetitionRead) and result.attachment == "don.txt"
    result = extract_file(EML / "petition_and_judgment.eml", LIMITS)
    assert isinstance(result, PetitionRead) and result.attachment == "scan01.txt"
    missing = extract_file(tmp_path / "nope.pdf", LIMITS)
    assert isinstance(missing, Rejected) and missing.code is Reason.UNREADABLE_ATTACHMENT


# ------------------------------------------------------------------ real samples against their truth


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_petition_location_matches_truth(path):
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["email"]
    mail = parse_mail(path.read_bytes())
    assert isinstance(mail, ParsedMail)
    result = read_petition(mail, LIMITS)
    assert isinstance(result, PetitionRead), result
    assert result.petition_in == truth["petition_in"]
    assert result.attachment == truth["petition_attachment"]
    assert result.roles == truth_roles(truth)
    assert result.forwarded_by == truth["forwarded_by"]


def test_each_document_is_read_once_and_named_judgment_skipped_after_petition(monkeypatch):
    from parsers import documents

    calls: list[str] = []
    real = documents.read_document

    def counting(name, data, limits):  # a spy around the real reader, not a stand-in
        calls.append(name)
        return real(name, data, limits)

    monkeypatch.setattr(documents, "read_document", counting)
    mail = parse_mail((EML / "petition_and_judgment.eml").read_bytes())
    petition_att = next(a for a in mail.attachments if a.filename == "scan01.txt")
    copy = petition_att.model_copy(update={"filename": "scan01 (copy).txt"})
    mail = mail.model_copy(update={"attachments": [*mail.attachments, copy]})
    result = read_petition(mail, LIMITS)
    assert isinstance(result, PetitionRead) and result.attachment == "scan01.txt"
    # "Ban an.txt" is named as a judgment and the petition was found first: not read at all;
    # the copy has the same bytes as the petition: read from the cache.
    assert calls == ["scan01.txt"]
    assert result.roles["Ban an.txt"] == "judgment" and result.roles["scan01 (copy).txt"] == "other"


def test_extract_file_zip_and_judgment(tmp_path):
    mail = parse_mail((EML / "zip_utf8_names_without_flag.eml").read_bytes())
    zipped = tmp_path / "Ho so.zip"
    zipped.write_bytes(mail.attachments[0].data)
    result = extract_file(zipped, LIMITS)
    assert isinstance(result, PetitionRead)
    assert result.petition_in == "zip" and result.attachment == "Đơn yêu cầu thi hành án.txt"
    judgment = tmp_path / "scan02.txt"
    judgment.write_text("TÒA ÁN NHÂN DÂN QUẬN 3\nBản án số: 123/2019/DS-ST\nNHÂN DANH NƯỚC CỘNG HÒA XÃ HỘI CHỦ "
                        "NGHĨA VIỆT NAM\nvụ án thụ lý số 45/2018/TLST-DS\nNguyên đơn: A\nBị đơn: B\n", encoding="utf-8")
    result = extract_file(judgment, LIMITS)
    assert isinstance(result, Rejected) and result.code is Reason.NO_PETITION


def test_small_inline_logo_is_not_read_and_pdf_found_by_magic_number(monkeypatch):
    from parsers import documents

    calls: list[str] = []
    real = documents.read_document
    monkeypatch.setattr(documents, "read_document", lambda n, d, l: calls.append(n) or real(n, d, l))
    mail = parse_mail((EML / "petition_and_judgment.eml").read_bytes())
    logo = mail.attachments[0].model_copy(update={"filename": "image001.png", "content_type": "image/png",
                                                  "inline": True, "size": 3000, "data": b"\x89PNG\r\n\x1a\n" + b"\0" * 100})
    blob = mail.attachments[0].model_copy(update={"filename": "attachment", "content_type": "application/octet-stream",
                                                  "data": b"%PDF-1.4\n%broken", "size": 16})
    mail = mail.model_copy(update={"attachments": [*mail.attachments, logo, blob]})
    result = read_petition(mail, LIMITS)
    assert isinstance(result, PetitionRead) and result.attachment == "scan01.txt"
    assert "image001.png" not in calls and result.roles["image001.png"] == "other"
    assert "attachment" in calls  # no name, no type: its bytes say PDF
