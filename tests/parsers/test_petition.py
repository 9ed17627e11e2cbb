"""Petition fields from Documents written for these tests (unseen wordings, not sample copies)."""

from __future__ import annotations

from parsers.documents import document_from_text
from parsers.model import DocFormat, Document, Line
from parsers.petition import extract


def doc(text: str, fmt: DocFormat = DocFormat.DOCX, conf: list[float] | None = None, ocr: bool = False) -> Document:
    lines = [Line(text=t, confidence=(conf[i] if conf else 1.0)) for i, t in enumerate(text.strip("\n").split("\n"))]
    return Document(name="don.docx", format=fmt, lines=lines, ocr=ocr)


CLASSIC = """
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Gò Vấp
Người yêu cầu thi hành án: Ông Trịnh Quốc Bảo
Số định danh cá nhân: 079090001234
Nơi cư trú: 18/4 Quang Trung, P.10, Q. Gò Vấp, TP.HCM
SĐT: 0938 111 222
Người phải thi hành án: Bà Lâm Ngọc Diệp
Trú tại: 77 Nguyễn Oanh, phường 17, quận Gò Vấp, Tp. Hồ Chí Minh
Căn cứ Bản án dân sự sơ thẩm số 45/2018/DS-ST ngày 9 tháng 10 năm 2018 của Toà án nhân dân quận Gò Vấp về việc tranh chấp hợp đồng vay tài sản.
Nội dung yêu cầu:
- Buộc bà Lâm Ngọc Diệp trả cho tôi 250.000.000 đồng (Bằng chữ: Hai trăm năm mươi triệu đồng).
Tài liệu gửi kèm:
1. Bản sao bản án;
2. Bản sao căn cước công dân.
Gò Vấp, ngày 05 tháng 01 năm 2019
Người yêu cầu
(ký, ghi rõ họ tên)
Trịnh Quốc Bảo
"""


def test_classic_form() -> None:
    ext = extract(doc(CLASSIC))
    f = ext.fields
    assert f.addressed_to == "Chi cục Thi hành án dân sự Quận Gò Vấp"
    assert f.requester is not None and f.requester.name == "Trịnh Quốc Bảo"
    assert f.requester.kind == "person"
    assert f.requester.id_number == "079090001234"
    assert f.requester.address == "18/4 Quang Trung, Phường 10, Quận Gò Vấp, Thành phố Hồ Chí Minh"
    assert f.requester.phone == "0938111222"
    assert f.creditor is None
    assert f.debtor is not None and f.debtor.name == "Lâm Ngọc Diệp"
    assert f.debtor.address == "77 Nguyễn Oanh, Phường 17, Quận Gò Vấp, Thành phố Hồ Chí Minh"
    j = f.judgment
    assert (j.number, j.date, j.court, j.court_level, j.case_type, j.stage) == (
        "45/2018/DS-ST", "2018-10-09", "Tòa án nhân dân Quận Gò Vấp", "district", "DS", "ST")
    assert j.subject == "tranh chấp hợp đồng vay tài sản"
    assert [(a.value, a.currency) for a in f.amounts] == [(250_000_000, "VND")]
    assert f.attachments_listed == ["Bản sao bản án", "Bản sao căn cước công dân"]
    assert (f.petition_date, f.petition_place, f.signed_by) == ("2019-01-05", "Gò Vấp", "Trịnh Quốc Bảo")
    assert not ext.no_diacritics
    assert ext.notes["judgment.number"].confidence >= 0.9
    assert ext.notes["requester.name"].source is not None


TABLE = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi | Cục Thi hành án dân sự Thành phố Hồ Chí Minh
A. BÊN YÊU CẦU THI HÀNH ÁN
Tên doanh nghiệp | NGÂN HÀNG TMCP PHƯƠNG ĐÔNG (OCB)
Mã số doanh nghiệp | 0300852005-012
Trụ sở chính | 41 Lê Duẩn, P. Bến Nghé, Q.1, TP. HCM
Người đại diện theo ủy quyền | Ông Đỗ Hữu Lợi - Phó phòng pháp chế
B. BÊN PHẢI THI HÀNH ÁN
Tên công ty | Công ty Cổ phần Vận tải Biển Xanh
MST | 0312345678
Địa chỉ trụ sở | 9 Hoàng Diệu, Phường 12, Quận 4, Thành phố Hồ Chí Minh
C. BẢN ÁN, QUYẾT ĐỊNH ĐỀ NGHỊ THI HÀNH
Số | 1203/2019 /KDTM - PT
Ngày | 14/11/2019
Cơ quan ban hành | TAND cấp cao tại TP. Hồ Chí Minh
Về việc | Tranh chấp hợp đồng tín dụng
Bản án sơ thẩm | Số 88/2018/KDTM-ST ngày 02.03.2018 của TAND TP.HCM
D. NỘI DUNG ĐỀ NGHỊ THI HÀNH ÁN
Thanh toán 1.250.000.000 VNĐ gồm nợ gốc 1.000.000.000 VNĐ và nợ lãi 250.000.000 VNĐ.
Đề nghị phân công Chấp hành viên Bà Ngô Thị Hạnh tổ chức thi hành.
TP.HCM, ngày 20/12/2019
TM. NGÂN HÀNG
(ký tên, đóng dấu)
Đỗ Hữu Lợi
"""


def test_table_form_bank_appeal() -> None:
    f = extract(doc(TABLE)).fields
    assert f.addressed_to == "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"
    assert f.requester is not None and f.requester.kind == "organization"
    assert f.requester.tax_code == "0300852005012"
    assert f.requester.address == "41 Lê Duẩn, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"
    assert f.requester.representative == "Đỗ Hữu Lợi"
    assert f.debtor is not None and f.debtor.name == "Công ty Cổ phần Vận tải Biển Xanh"
    assert f.debtor.tax_code == "0312345678"
    j = f.judgment
    assert (j.number, j.date, j.court_level, j.stage, j.case_type) == ("1203/2019/KDTM-PT", "2019-11-14", "high", "PT", "KDTM")
    assert j.court == "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh"
    assert j.first_instance is not None
    assert (j.first_instance.number, j.first_instance.date, j.first_instance.court) == (
        "88/2018/KDTM-ST", "2018-03-02", "Tòa án nhân dân Thành phố Hồ Chí Minh")
    assert [a.value for a in f.amounts] == [1_250_000_000, 1_000_000_000, 250_000_000]
    assert f.preferred_officer == "Ngô Thị Hạnh"
    assert f.petition_date == "2019-12-20" and f.signed_by == "Đỗ Hữu Lợi"


BODY = """
Kính gửi: Chi cục THADS huyện Bình Chánh

Tôi tên là LÊ VĂN TÁM, CCCD số 079 085 004 321, cư trú tại ấp 3, xã Tân Nhựt, H. Bình Chánh, TP.HCM, điện thoại 0909 777 888.
Tôi làm đơn này thay cho mẹ tôi là bà Hồ Thị Mười, địa chỉ 12 Trần Đại Nghĩa, X. Tân Kiên, H. Bình Chánh, TP.HCM.
Nay tôi đề nghị Quý Chi cục thi hành Quyết định số 17/2020/QĐST-HNGĐ ngày 3/2/2020 của TAND huyện Bình Chánh về việc ly hôn, nuôi con.
Người phải thi hành án: ông Phan Văn Chín, địa chỉ: 5 Quốc lộ 1A, xã Bình Chánh, huyện Bình Chánh, TP.HCM.
Nội dung yêu cầu: cấp dưỡng nuôi con mỗi tháng ba triệu đồng.
Xin trân trọng cảm ơn.
Lê Văn Tám
"""


def test_email_body_prose_files_for_another() -> None:
    f = extract(doc(BODY, DocFormat.EMAIL_BODY)).fields
    assert f.addressed_to == "Chi cục Thi hành án dân sự Huyện Bình Chánh"
    assert f.requester is not None and f.requester.name == "Lê Văn Tám"
    assert f.requester.id_number == "079085004321"
    assert f.requester.phone == "0909777888"
    assert f.creditor is not None and f.creditor.name == "Hồ Thị Mười"
    assert f.creditor.address == "12 Trần Đại Nghĩa, Xã Tân Kiên, Huyện Bình Chánh, Thành phố Hồ Chí Minh"
    assert f.debtor is not None and f.debtor.name == "Phan Văn Chín"
    j = f.judgment
    assert (j.number, j.stage, j.case_type, j.court_level) == ("17/2020/QĐST-HNGĐ", "ST", "HNGĐ", "district")
    assert j.court == "Tòa án nhân dân Huyện Bình Chánh"
    assert [a.value for a in f.amounts] == [3_000_000]
    assert f.signed_by == "Lê Văn Tám"


NO_DIACRITICS = """
Kinh gui: Chi cuc Thi hanh an dan su Quan 5
Toi ten la Tran Minh Khoa, CMND so 023456789, dia chi 15 Hung Vuong, Phuong 9, Quan 5, TP.HCM, so dien thoai 0912 345 678.
Nguoi phai thi hanh an: Cong ty TNHH Thuong mai Minh Long, ma so thue 0301234567, dia chi tru so 3 An Duong Vuong, Phuong 8, Quan 5, TP.HCM.
Toi de nghi Quy co quan thi hanh Ban an so 301/2017/LD-ST ngay 20/6/2017 cua Toa an nhan dan Quan 5 ve viec tranh chap tien luong.
Noi dung yeu cau: buoc Cong ty tra cho toi 86.400.000 dong tien luong con no.
TP. Ho Chi Minh, ngay 2 thang 8 nam 2017
Tran Minh Khoa
"""


def test_no_diacritics() -> None:
    ext = extract(doc(NO_DIACRITICS, DocFormat.EMAIL_BODY))
    f = ext.fields
    assert ext.no_diacritics
    assert f.requester is not None and f.requester.name == "Tran Minh Khoa"  # kept as written
    assert f.requester.id_number == "023456789"
    assert f.debtor is not None and f.debtor.kind == "organization" and f.debtor.tax_code == "0301234567"
    assert f.judgment.number == "301/2017/LĐ-ST" and f.judgment.court == "Tòa án nhân dân Quận 5"
    assert [a.value for a in f.amounts] == [86_400_000]
    assert f.petition_date == "2017-08-02" and f.signed_by == "Tran Minh Khoa"


PDF_WRAPPED = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự Thành phố Hồ Chí Minh
Người yêu cầu thi hành án: CÔNG TY TNHH XÂY DỰNG PHÚ AN
Mã số thuế: 0309998887
Địa chỉ: 100 Điện Biên Phủ, Phường 17, Quận Bình Thạnh, Thành phố Hồ
Chí Minh
Người phải thi hành án: NGUYỄN THỊ HOA, quốc tịch: Hàn Quốc
Địa chỉ: 22 Hàm Nghi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh
Đề nghị thi hành Bản án kinh doanh, thương mại sơ thẩm số 07/2021 /KDTM-
ST ngày 11/3/2021 của Tòa án nhân dân Quận 1 về việc tranh chấp hợp đồng xây dựng.
Nội dung yêu cầu thi hành án: thanh toán 420.000.000 đồng.
Thành phố Hồ Chí Minh, ngày 30 tháng 6 năm 2021
GIÁM ĐỐC
NGUYỄN VĂN PHÚ
"""


def test_pdf_wraps_upper_case_and_foreign_national() -> None:
    f = extract(doc(PDF_WRAPPED, DocFormat.PDF_TEXT)).fields
    assert f.requester is not None and f.requester.kind == "organization"
    assert f.requester.address == "100 Điện Biên Phủ, Phường 17, Quận Bình Thạnh, Thành phố Hồ Chí Minh"
    assert f.debtor is not None and f.debtor.name == "Nguyễn Thị Hoa"
    assert f.debtor.nationality == "Hàn Quốc"
    assert f.judgment.number == "07/2021/KDTM-ST"
    assert f.judgment.court == "Tòa án nhân dân Quận 1"
    assert f.foreign_element is not None and f.foreign_element.kind == "foreign_national"
    assert f.signed_by == "Nguyễn Văn Phú"


def test_arbitration_award_and_generic_addressee() -> None:
    text = """
Kính gửi: Quý cơ quan thi hành án dân sự có thẩm quyền
Công ty Cổ phần Thép Nam Sơn (mã số thuế 0301112223), địa chỉ trụ sở 8 Nam Kỳ Khởi Nghĩa, Phường Bến Thành, Quận 1, TP.HCM, do ông Vũ Đức Long – Tổng Giám đốc làm đại diện, kính đề nghị:
Thi hành Phán quyết trọng tài số 57/19 ngày 02/12/2019 của Trung tâm Trọng tài Quốc tế Việt Nam về việc tranh chấp hợp đồng mua bán thép.
Người phải thi hành án: Công ty TNHH Cơ khí Hưng Phát, địa chỉ: 40 Lũy Bán Bích, Phường Tân Thới Hòa, Quận Tân Phú, TP.HCM.
Nội dung yêu cầu: thanh toán 12.000 USD.
"""
    f = extract(doc(text, DocFormat.EMAIL_BODY)).fields
    assert f.addressed_to is None
    assert f.requester is not None and f.requester.name == "Công ty Cổ phần Thép Nam Sơn"
    assert f.requester.representative == "Vũ Đức Long"
    j = f.judgment
    assert (j.number, j.court, j.court_level, j.stage) == ("57/19", "Trung tâm Trọng tài Quốc tế Việt Nam (VIAC)",
                                                          "arbitration", None)
    assert [(a.value, a.currency) for a in f.amounts] == [(12_000, "USD")]
    assert f.signed_by is None


def test_no_judgment_number_and_acceptance_number_ignored() -> None:
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 8
Người yêu cầu thi hành án: Đặng Thu Trang
Địa chỉ: 3 Phạm Thế Hiển, Phường 1, Quận 8, Thành phố Hồ Chí Minh
Người phải thi hành án: Mai Văn Lực
Địa chỉ: 9 Dương Bá Trạc, Phường 2, Quận 8, Thành phố Hồ Chí Minh
Vụ án đã được thụ lý theo Thông báo số 310/2019/TLST-DS, đề nghị thi hành bản án sơ thẩm ngày 15/8/2020.
"""
    ext = extract(doc(text))
    assert ext.fields.judgment.number is None
    assert ext.fields.judgment.stage == "ST"
    assert ext.fields.judgment.date == "2020-08-15"
    assert ext.confidence() < 0.8


def test_ocr_confidence_lowers_field_confidence() -> None:
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 10
Người yêu cầu thi hành án: Huỳnh Thị Lan
Địa chỉ: 5 Sư Vạn Hạnh, Phường 12, Quận 10, Thành phố Hồ Chí Minh
Người phải thi hành án: Tô Văn Hải
Yêu cầu thi hành Bản án số 76/2016/DS-ST ngày 02/06/2016 của Tòa án nhân dân Quận 10.
"""
    clean = extract(doc(text))
    scanned = extract(doc(text, DocFormat.PDF_SCAN, conf=[0.95, 0.95, 0.95, 0.95, 0.4], ocr=True))
    assert scanned.fields.judgment.number == clean.fields.judgment.number == "76/2016/DS-ST"
    assert scanned.notes["judgment.number"].confidence < clean.notes["judgment.number"].confidence
    assert scanned.notes["judgment.number"].confidence < 0.8


def test_empty_document_gives_empty_fields() -> None:
    ext = extract(Document(name="x.txt", format=DocFormat.TEXT, lines=[]))
    assert ext.fields.requester is None and ext.fields.judgment.number is None and ext.confidence() == 0.0


FORWARDED = """
Kính gửi anh chị, văn phòng chúng tôi chuyển tiếp đơn của khách hàng.

---------- Forwarded message ---------
From: Đoàn Thị Mai <mai.doan@gmail.com>
Subject: Đơn yêu cầu thi hành án

> Kính gửi: Chi cục Thi hành án dân sự Quận Tân Bình
> Tôi tên là Đoàn Thị Mai, sinh năm 1980, CMND số 023 456 789, thường trú tại 15 Cộng Hòa, Phường 4, Quận Tân Bình, TP.HCM.
> Người phải thi hành án: ông Hà Văn Sáu, trú tại 20 Hoàng Văn Thụ, P.9, Q. Phú Nhuận, TP.HCM.
> Tôi đề nghị thi hành Bản án số 210/2019/DS-ST ngày 12/9/2019 của TAND quận Tân Bình về việc đòi lại tài sản.
> Nội dung yêu cầu: buộc ông Sáu trả 95.000.000 đồng.
> TP.HCM, ngày 01 tháng 3 năm 2020
> Đoàn Thị Mai
"""


def test_forwarded_quoted_letter() -> None:
    f = extract(doc(FORWARDED, DocFormat.EMAIL_BODY)).fields
    assert f.addressed_to == "Chi cục Thi hành án dân sự Quận Tân Bình"
    assert f.requester is not None and f.requester.name == "Đoàn Thị Mai" and f.requester.id_number == "023456789"
    assert f.requester.email is None  # the mail header is not the petition
    assert f.debtor is not None and f.debtor.address == "20 Hoàng Văn Thụ, Phường 9, Quận Phú Nhuận, Thành phố Hồ Chí Minh"
    assert f.judgment.number == "210/2019/DS-ST" and f.judgment.court == "Tòa án nhân dân Quận Tân Bình"
    assert (f.petition_place, f.petition_date, f.signed_by) == ("TP.HCM", "2020-03-01", "Đoàn Thị Mai")


def test_request_naming_the_debtor_by_role_is_not_a_debtor_heading():
    # "Buộc người phải thi hành án …" is the request, not the section "Người phải thi hành án"
    # misread by OCR (the fuzzy heading match skips only letters of a Roman section number).
    doc = document_from_text("don.txt", "\n".join([
        "ĐƠN YÊU CẦU THI HÀNH ÁN",
        "Kính gửi: Chi cục Thi hành án dân sự Quận 8",
        "Người yêu cầu thi hành án: Trần Văn Bình",
        "Địa chỉ: 12 Âu Dương Lân, Phường 3, Quận 8, Thành phố Hồ Chí Minh",
        "Người phải thi hành án: Lý Thị Hoa",
        "Địa chỉ: 40 Phạm Thế Hiển, Phường 2, Quận 8, Thành phố Hồ Chí Minh",
        "Đề nghị thi hành Bản án số 77/2021/DS-ST ngày 03/8/2021 của Tòa án nhân dân Quận 8.",
        "Nội dung yêu cầu thi hành án:",
        "- Buộc người phải thi hành án thanh toán cho tôi số tiền 95.000.000 đồng.",
        "TP. Hồ Chí Minh, ngày 10 tháng 9 năm 2021",
        "Người yêu cầu",
        "Trần Văn Bình",
    ]))
    f = extract(doc).fields
    assert f.request_content == "Buộc người phải thi hành án thanh toán cho tôi số tiền 95.000.000 đồng."
    assert f.debtor is not None and f.debtor.name == "Lý Thị Hoa"
    assert [a.value for a in f.amounts] == [95_000_000]


UNKNOWN_ADDRESS = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 12
Người yêu cầu thi hành án: Ông Hà Minh Tuấn
Địa chỉ: 9 Tô Ký, phường Tân Chánh Hiệp, quận 12, TP.HCM
Người phải thi hành án: Ông Vũ Đình Lộc
Địa chỉ: không rỏ
Căn cứ Bản án số 12/2021/DS-ST ngày 3 tháng 5 năm 2021 của Tòa án nhân dân Quận 12.
"""


def test_debtor_address_written_as_unknown_is_null() -> None:
    for fmt in (DocFormat.DOCX, DocFormat.PDF_SCAN):
        f = extract(doc(UNKNOWN_ADDRESS, fmt=fmt, ocr=fmt == DocFormat.PDF_SCAN)).fields
        assert f.debtor is not None and f.debtor.name == "Vũ Đình Lộc"
        assert f.debtor.address is None
        assert f.requester is not None and f.requester.address is not None


OCR_COMMA_MARKERS = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 8
Người yêu cầu thi hành án: Bà Đặng Thu Hà
Địa chỉ: 40 Phạm Thế Hiển, Phường 3, Quận 8, TP.HCM
Người phải thi hành án: Ông Lưu Quang Vinh
Địa chỉ: 2 Dương Bá Trạc, Phường 1, Quận 8, TP.HCM
Căn cứ Bản án số 77/2022/DS-ST ngày 8 tháng 9 năm 2022 của Tòa án nhân dân Quận 8.
Tài liệu kèm theo:
1, Bản sao bản án;
2, Biên lai thu tiền tạm ứng án phí;
a) Giấy xác nhận tạm trú số 12, tổ 3.
"""


def test_attachment_markers_read_by_ocr_as_comma_are_stripped() -> None:
    f = extract(doc(OCR_COMMA_MARKERS, fmt=DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.attachments_listed == [
        "Bản sao bản án", "Biên lai thu tiền tạm ứng án phí", "Giấy xác nhận tạm trú số 12, tổ 3"]


WRAPPED_ASSETS = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 7
Người yêu cầu thi hành án: Ông Tạ Văn Khôi
Địa chỉ: 15 Lâm Văn Bền, Phường Tân Kiểng, Quận 7, TP.HCM
Người phải thi hành án: Ông Mạc Hữu Nghĩa
Địa chỉ: 88 Nguyễn Thị Thập, Phường Tân Phú, Quận 7, TP.HCM
Căn cứ Bản án số 31/2023/DS-ST ngày 4 tháng 4 năm 2023 của Tòa án nhân dân Quận 7.
Tài sản | Ông Nghĩa đang hưởng lương hằng tháng tại Công ty TNHH Cơ khí Chính xác Nam
Long Hậu.
- Xe ô tô biển số 51H-123.45 đứng tên ông Nghĩa;
Căn hộ A-12 chung cư Sao Mai
tầng 9.
"""


def test_assets_value_wrapped_over_lines_is_joined_with_a_space() -> None:
    f = extract(doc(WRAPPED_ASSETS, fmt=DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.assets == (
        "Ông Nghĩa đang hưởng lương hằng tháng tại Công ty TNHH Cơ khí Chính xác Nam Long Hậu; "
        "Xe ô tô biển số 51H-123.45 đứng tên ông Nghĩa; Căn hộ A-12 chung cư Sao Mai tầng 9")


SQUEEZED_LABELS = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 6
I. NGƯỜI YÊU CẦU THI HÀNH ÁN
Tên tốchức | Công ty TNHH Thương mại Hòa Bình
Mãsốthuế | 0312345678
Địachỉ | 21 Hậu Giang, Phường 4, Quận 6, TP.HCM
II. NGƯỜI PHẢI THI HÀNH ÁN
Họvàtên | Ông Quách Văn Lực
Địachỉ | 3 Bình Tiên, Phường 7, Quận 6, TP.HCM
Số điệnthoại | 0903 555 666
III. BẢN ÁN
Căn cứ Bản án số 19/2020/KDTM-ST ngày 6 tháng 7 năm 2020 của Tòa án nhân dân Quận 6.
"""


def test_labels_squeezed_by_ocr_are_recognised() -> None:
    from parsers.petition import _respace_label

    assert _respace_label("Địachỉ") == "Địa chỉ"
    assert _respace_label("Họvàtên: Lê Văn Tám") == "Họ và tên: Lê Văn Tám"
    assert _respace_label("Tên tốchức") == "Tên tố chức"
    assert _respace_label("Địa chỉ: 4 Lê Lợi") == "Địa chỉ: 4 Lê Lợi"
    f = extract(doc(SQUEEZED_LABELS, fmt=DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.requester is not None and f.requester.name == "Công ty TNHH Thương mại Hòa Bình"
    assert f.requester.tax_code == "0312345678"
    assert f.requester.address == "21 Hậu Giang, Phường 4, Quận 6, Thành phố Hồ Chí Minh"
    assert f.debtor is not None and f.debtor.name == "Quách Văn Lực"
    assert f.debtor.address == "3 Bình Tiên, Phường 7, Quận 6, Thành phố Hồ Chí Minh"
    assert f.debtor.phone == "0903555666"


UNMARKED_LIST = """
Người yêu cầu thi hành án: Ông Tạ Văn Khôi, địa chỉ 15 Lâm Văn Bền, Phường Tân Kiểng, Quận 7, Thành phố Hồ Chí Minh
Căn cứ Bản án số 31/2023/DS-ST ngày 4 tháng 4 năm 2023 của Tòa án nhân dân Quận 7 về việc tranh chấp hợp đồng.
Tài liệu kèm theo:
Bản sao bản án
Bản sao quyết định sửa chữa bản án
Giấy ủy quyền.
Ï
"""


def test_short_unmarked_list_lines_stay_separate_items_and_specks_are_no_items() -> None:
    f = extract(doc(UNMARKED_LIST, fmt=DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.attachments_listed == ["Bản sao bản án", "Bản sao quyết định sửa chữa bản án", "Giấy ủy quyền"]


DEBTOR_ABROAD_WITH_POSTCODE = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự Thành phố Hồ Chí Minh
Người yêu cầu thi hành án: Ông Tôn Thất Hưng
Địa chỉ: 6 Trần Hưng Đạo, Phường Cầu Ông Lãnh, Quận 1, TP.HCM
Người phải thi hành án: Ông Lim Wei Jie
Địa chỉ: 80 Orchard Road, #05-11, Singapore 238880
Căn cứ Bản án số 40/2022/DS-ST ngày 2 tháng 6 năm 2022 của Tòa án nhân dân Quận 1.
"""


def test_country_of_a_party_abroad_is_named_without_postal_code() -> None:
    f = extract(doc(DEBTOR_ABROAD_WITH_POSTCODE)).fields
    assert f.debtor is not None and f.debtor.address == "80 Orchard Road, #05-11, Singapore 238880"
    assert f.foreign_element is not None and f.foreign_element.kind == "party_abroad"
    assert f.foreign_element.detail == "Người phải thi hành án cư trú tại Singapore"


# OCR misreadings of a scanned form, each with what the form or the law gives to undo it
MISREAD_SCAN = """
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi | Chi cục Thi hành án dân sự Quận GòVấp
I. NGƯỜI YÊU CẦU THI HÀNH ÁN
Tên tổ chức | Công ty TNHH Thực phấm Sông Hậu
Địa chỉ | 9 Quang Trung, Phường 10, Quận Gò Vấp, Thành phố Hồ Chí
XÃ Minh
Điện thoại | ..09,1234.5678
Email | phaply.shÌcm@songhau.vn
Người đại diện theo ủy quyền | Ông Trịnh Quốc Bảo - Trưởng phòng pháp chế
II. NGƯỜI PHẢI THI HÀNH ÁN
Tên tổ chức | Công ty Cổ phần Vận tải Bình Minh
Địa chỉ | Tố 3, Khu phố 2, Phường Tân Thới Nhất, Quận 12, Thành phố Hồ Chí Minh
_Ngưò‘i đa1 đíên _— | Bà Lâm Ngọc Diệp - Giám đốc
III. BẢN ÁN YÊU CẦU THI HÀNH
Số | 45/2018/KDTM-ST
Ngày | 09/10/2018
Cơ quan ban hành | Tòa án nhân dân Quận Gò Vấp
Về việc | Tranh chấp hợp đồng vận chuyển
7 | hàng hóa
IV. NỘI DUNG YÊU CẦU THI HÀNH ÁN
- Buộc Công ty Cổ phần Vận tải Bình Minh trả 1.005 000 đẫng
(Bằng chữ: Một tỷ hai trăm lẻ năm triệu đồng), trong đó nợ gốc 1.000.000.000 đồng;
- Tiền lãi 5.000.000 đồng (Bằng chữ: Năm mươi triệu đồng).
Gò Vấp, ngày 05 tháng 01 năm 2019
ĐẠI DIỆN NGƯỜI YÊU CẦU
Trình Quốc Bảo
"""


def test_ocr_misreadings_are_undone_by_what_the_form_repeats() -> None:
    lines = MISREAD_SCAN.strip("\n").split("\n")
    conf = [0.6 if t == "Trình Quốc Bảo" else 0.95 for t in lines]
    f = extract(doc(MISREAD_SCAN, DocFormat.PDF_SCAN, conf=conf, ocr=True)).fields
    assert f.addressed_to == "Chi cục Thi hành án dân sự Quận Gò Vấp"  # words run together
    assert f.requester is not None
    assert f.requester.name == "Công ty TNHH Thực phẩm Sông Hậu"  # a trade's name, one reading
    assert f.requester.address == "9 Quang Trung, Phường 10, Quận Gò Vấp, Thành phố Hồ Chí Minh"  # a speck
    assert f.requester.phone == "0912345678"  # a dot read as a comma
    assert f.requester.email == "phaply.shlcm@songhau.vn"  # a tall "l" read as "Ì"
    assert f.debtor is not None and f.debtor.address is not None
    assert f.debtor.address.startswith("Tổ 3, Khu phố 2,")  # a numbered unit
    assert f.debtor.representative == "Lâm Ngọc Diệp"  # label unread, an office held
    assert f.judgment.subject == "tranh chấp hợp đồng vận chuyển hàng hóa"  # a speck in the label column
    # the figures garbled or misread, the sums in words stand
    assert [a.value for a in f.amounts] == [1_205_000_000, 1_000_000_000, 50_000_000]
    assert f.signed_by == "Trịnh Quốc Bảo"  # the representative's name, read on a surer line


def test_typed_figure_stands_against_its_words() -> None:
    text = MISREAD_SCAN.replace("1.005 000 đẫng", "1.205.000.000 đồng")
    f = extract(doc(text)).fields  # typed: the citizen's figure is what was written
    assert [a.value for a in f.amounts] == [1_205_000_000, 1_000_000_000, 5_000_000]


MARKS_MISREAD = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 1
Người yêu cầu thi hành án: Phẩm Văn Tuấn
Địa chỉ: 23 Lê Duấn, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh
Người phải thi hành án: Nguyễn Đỏ Ngọc Bảo
Căn cứ Bản án số 45/2018/DS-ST ngày 09/10/2018 của Tòa án nhân dân Quận 1.
"""


def test_marks_of_names_and_streets_are_mended_in_ocr_text_only() -> None:
    scan = doc(MARKS_MISREAD, DocFormat.IMAGE, ocr=True)
    for line in scan.lines:  # the words Tesseract was unsure of
        line.unsure = [w for w in line.text.split() if w.strip(",") in ("Phẩm", "Đỏ", "Ngũ")]
    f = extract(scan).fields
    assert f.requester is not None and f.debtor is not None
    assert f.requester.name == "Phạm Văn Tuấn"
    assert f.requester.address == "23 Lê Duẩn, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"  # a street: always
    assert f.debtor.name == "Nguyễn Đỗ Ngọc Bảo"
    typed = extract(doc(MARKS_MISREAD)).fields  # typed by the citizen: kept as written
    assert typed.requester is not None and typed.requester.name == "Phẩm Văn Tuấn"


def test_a_rare_name_read_surely_is_not_mended() -> None:
    f = extract(doc(MARKS_MISREAD.replace("Phẩm Văn Tuấn", "Phạm Ngũ Lão"), DocFormat.IMAGE, ocr=True)).fields
    assert f.requester is not None and f.requester.name == "Phạm Ngũ Lão"


# a printed petition as OCR gives it back: page-width lines, a table's labels wrapped in their column
PRINTED_WRAPS = """
ĐƠN YÊU CẦU THI HÀNH ÁN Kính gửi: Chi cục Thi hành án dân sự Quận 8
Người yêu cầu thi hành | Bà Lương Thị Ánh
án
Địa chỉ | 40 Lê Văn Thọ, P Tân Thới Hiệp, Q.12, TP.HCM
Người phải thi hành án | Công ty TNHH Giao nhận Đông Nam Á (MST:
0314455667), địa chỉ: 21 Tây Thạnh, Phường Tây Thạnh, Quận Tân Phú, TP.HCM
BẢN ÁN, QUYẾT ĐỊNH | Bản án số 09/2018/DS-ST ngày 17/01/2018 của Tòa
YÊU CẦU THI HÀNH | án nhân dân quận 8 về việc tranh chấp hợp đồng dịch vụ.
Nội dung yêu cầu | Buộc công ty trả 20.000.000 đồng. Tôi đề nghị Quý Chi cục phân công Chấp hành viên Phan Văn Tài tổ chức thi hành.
TP. Hồ Chí Minh, ngày 01 tháng 4 năm 2018
Trân trọng,
Lương Thị Ánh
"""


def test_printed_lines_and_wrapped_table_labels_are_put_back_together() -> None:
    f = extract(doc(PRINTED_WRAPS, DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.addressed_to == "Chi cục Thi hành án dân sự Quận 8"  # the title's line, split off
    assert f.requester is not None and f.requester.name == "Lương Thị Ánh"  # "…thi hành" / "án"
    assert f.requester.address == "40 Lê Văn Thọ, Phường Tân Thới Hiệp, Quận 12, Thành phố Hồ Chí Minh"
    assert f.debtor is not None and f.debtor.name == "Công ty TNHH Giao nhận Đông Nam Á"  # "Á" is a word
    assert f.debtor.tax_code == "0314455667"  # "(MST:" / "0314455667)"
    assert (f.judgment.court, f.judgment.number) == ("Tòa án nhân dân Quận 8", "09/2018/DS-ST")
    assert f.preferred_officer == "Phan Văn Tài"  # a name, not the trade "vận tải"
    assert f.signed_by == "Lương Thị Ánh"  # not joined to "Trân trọng,"


def test_unit_number_wrapped_onto_the_next_line_in_capitals() -> None:
    text = ("ĐƠN YÊU CẦU THI HÀNH ÁN\nKÍNH GỬI: CHI CỤC THI HÀNH ÁN DÂN SỰ QUẬN 8\n"
            "NGƯỜI PHẢI THI HÀNH ÁN: LÊ HOÀNG NAM\n"
            "BẢN ÁN SỐ 09/2018/DS-ST NGÀY 17/01/2018 CỦA TÒA ÁN NHÂN DÂN QUẬN\n8.\n")
    f = extract(doc(text, DocFormat.PDF_SCAN, ocr=True)).fields
    assert (f.judgment.court, f.judgment.court_level) == ("Tòa án nhân dân Quận 8", "district")


SCAN_ODDS = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 1
I. NGƯỜI YÊU CẦU THI HÀNH ÁN
Họ và tên | Võ Thị Kim Loan
Email | kimloan.vo@gmall.com
II. NGƯỜI PHẢI THI HÀNH ÁN
Họ và tên | Ông Khưu Đức Tín
Địa chỉ | 5 Calmette, P. Nguyễn Thái Bình, Q.1, TP.HCM
HI. BẢN ÁN, QUYẾT ĐỊNH YÊU CẦU THI HÀNH
Số | 70/2020/DS-ST
Tôi làm đơn này hôm nay ngày 5/3/2021.
/s/ Võ Thị Kim Loan
"""


def test_scan_oddities_section_number_misread_webmail_domain_typed_signature() -> None:
    f = extract(doc(SCAN_ODDS, DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.requester is not None and f.requester.email == "kimloan.vo@gmail.com"  # "gmall" misread
    assert f.debtor is not None  # "HI." is the section "III.", not the end of the address
    assert f.debtor.address == "5 Calmette, Phường Nguyễn Thái Bình, Quận 1, Thành phố Hồ Chí Minh"
    assert f.judgment.number == "70/2020/DS-ST"
    assert f.signed_by == "Võ Thị Kim Loan"


def test_place_name_broken_over_two_lines_is_joined() -> None:
    text = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Bình Tân, Thành phố Hồ Chí Minh (nơi người phải thi hành án cư trú)
Người phải thi hành án: Ông Đỗ Minh Quân
Bản án số 35/2018/DS-ST của Tòa án nhân dân huyện Hóc
Môn.
Bản án số 36/2018/DS-ST của Tòa án nhân dân huyện Đức Hòa, tỉnh
Long An.
"""
    f = extract(doc(text, DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.judgment.court == "Tòa án nhân dân Huyện Hóc Môn"
    assert f.debtor is not None and f.debtor.name == "Đỗ Minh Quân"  # "Quân" is a name, not "quận"


def test_specks_around_the_signature_of_a_photo_with_its_desk() -> None:
    text = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 2
Người yêu cầu thi hành án: Bạch Văn Hưng
Bản án số 100/2020/DS-ST ngày 11/11/2020 của Tòa án nhân dân Quận 2.
TP. Hồ Chí Minh, ngày 18 tháng 01 năm 2021
Người yêu cầu l
(ký, ghi rõ họ tên)
Bạch Văn Hưng xi
Ị
mm
"""
    f = extract(doc(text, DocFormat.IMAGE, ocr=True)).fields
    assert f.signed_by == "Bạch Văn Hưng"


PRINTED_LAYOUT = """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 6 (nơi người phải thi hành án có tài sản và cư trú)
Người yêu cầu thi hành án: Bà Quan Thị Diễm
Email: dung.Ìuu@]squangdung.vn
Người phải thi hành án: Ông Hồ Tấn Phát, địa chỉ 57 Kinh Dương Vương, Phường 13, Quận 6, TP. Hồ Chí Minh
Yêu cầu thi hành các khoản sau: buộc ông Hồ Tấn Phát trả cho tôi số tiền 86.000.000 đồng tiền mua hàng.
PHẦN II – CĂN CỨ VÀ YÊU CẦU
Phán quyết trọng tài số 07/21 ngày 20/4/2021 của Trung tâm Trọng tài Thương mại Phía Nam.
TP. Hồ Chí Minh, ngày 18 tháng 8 năm 2021
Người yêu cầu
Quan Thị Diễm
"""


def test_complete_addresses_headings_and_signature_words_end_a_printed_line() -> None:
    f = extract(doc(PRINTED_LAYOUT, DocFormat.PDF_SCAN, ocr=True)).fields
    assert f.addressed_to == "Chi cục Thi hành án dân sự Quận 6"  # the note in parentheses is no part of it
    assert f.requester is not None and f.requester.email == "dung.luu@lsquangdung.vn"  # "Ì" and "]" are l's
    assert f.debtor is not None
    assert f.debtor.address == "57 Kinh Dương Vương, Phường 13, Quận 6, Thành phố Hồ Chí Minh"  # ends at the city
    assert f.signed_by == "Quan Thị Diễm"  # "Người yêu cầu" is not joined to the name under it
