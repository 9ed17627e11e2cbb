"""Novel petitions for the petition reader: wordings and layouts the development samples lack.

Each builder returns a `Novel`: a `Document` (typed text rendered by
`parsers.documents.document_from_text`, or a DOCX table built with python-docx and read
through `parsers.documents.read_document`) and the `Fields` a clerk would read from it,
in the normal forms of the samples README ("Normal forms"). Every petition follows the
form of Article 31 of the Law on Civil Judgment Enforcement 2008 (amended 2014) as
described in shared docs/domain.md, but with other labels ("Bên được thi hành án",
"HKTT", "Căn cước số", "SĐT/Zalo"), other orders (judgment first), numbered sections,
prose in one paragraph, a lawyer filing for a client, two debtors, amounts in USD or in
words only, other date writings, recognition-of-agreement decisions, appeal judgments
naming the first instance in a separate sentence, old tone placement, capitals, no
diacritics and other signature blocks.

`novel_cases()` lists them all; `tests/parsers/test_petition_novel.py` checks them field
by field.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from parsers.documents import document_from_text, read_document
from parsers.model import (
    Amount,
    DocFormat,
    Document,
    DocumentError,
    Fields,
    ForeignElement,
    Judgment,
    Limits,
    Party,
    Ref,
)

HEADER = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
HCMC = "Thành phố Hồ Chí Minh"


@dataclass
class Novel:
    id: str
    doc: Document
    fields: Fields
    folded: bool = False  # written without diacritics: compare accent-folded (samples README)
    skip: set[str] = field(default_factory=set)  # field paths not checked, with the reason in the builder


def _text(id_: str, text: str, fmt: DocFormat = DocFormat.EMAIL_BODY) -> Document:
    return document_from_text(f"{id_}.txt", text.strip("\n"), fmt)


def _docx_table(id_: str, title_lines: list[str], rows: list[tuple[str, str]], tail_lines: list[str]) -> Document:
    """A petition as a label | value table (section rows span both cells) read through the real DOCX reader."""
    import docx  # python-docx; only this builder needs it

    d = docx.Document()
    for t in title_lines:
        d.add_paragraph(t)
    table = d.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        if value == "":
            merged = cells[0].merge(cells[1])
            merged.text = label
        else:
            cells[0].text = label
            cells[1].text = value
    for t in tail_lines:
        d.add_paragraph(t)
    buf = io.BytesIO()
    d.save(buf)
    out = read_document(f"{id_}.docx", buf.getvalue(), Limits())
    assert not isinstance(out, DocumentError), out
    return out


def _p(name: str, address: str | None = None, *, kind: str = "person", id_number: str | None = None,
       tax_code: str | None = None, phone: str | None = None, email: str | None = None,
       representative: str | None = None, nationality: str | None = None) -> Party:
    return Party(name=name, kind=kind, id_number=id_number, tax_code=tax_code, address=address, phone=phone,
                 email=email, representative=representative, nationality=nationality)  # type: ignore[arg-type]


def _court(district: str) -> str:
    return f"Tòa án nhân dân {district}"


def _office(district: str) -> str:
    return f"Chi cục Thi hành án dân sự {district}"


def _j(number: str, date: str, court: str, level: str, typ: str, stage: str | None, subject: str | None = None,
       first: Ref | None = None, recognition: Ref | None = None) -> Judgment:
    return Judgment(number=number, date=date, court=court, court_level=level, case_type=typ, stage=stage,  # type: ignore[arg-type]
                    subject=subject, first_instance=first, recognition=recognition)


def _vnd(*values: int) -> list[Amount]:
    return [Amount(value=v, currency="VND") for v in values]


# --------------------------------------------------------------------------- builders


def ben_duoc_label() -> Novel:
    """Only "Bên được thi hành án" (the creditor files for itself), "Căn cước số", "Chỗ ở", "HKTT", SĐT/Zalo."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 3
Bên được thi hành án: Ông NGUYỄN VĂN AN
Căn cước số: 079085001234 do Cục Cảnh sát QLHC về TTXH cấp ngày 10/4/2021
Chỗ ở: 12 Lê Lợi, P. Bến Nghé, Q.1, TP.HCM
SĐT/Zalo: 0903.123.456
Bên phải thi hành án: Bà Trần Thị Bích
HKTT: 45 Nguyễn Trãi, P.2, Q.5, TP.HCM
Bản án số: 125/2016/DS-ST, ngày 12/5/2016, của TAND Q.3 về việc tranh chấp hợp đồng vay tài sản.
Nội dung yêu cầu: buộc bà Trần Thị Bích trả cho tôi số tiền 150.000.000 đồng.
Tp.HCM, 05-03-2018
Người làm đơn
(ký tên)

Nguyễn Văn An
"""
    f = Fields(
        addressed_to=_office("Quận 3"),
        requester=_p("Nguyễn Văn An", f"12 Lê Lợi, Phường Bến Nghé, Quận 1, {HCMC}", id_number="079085001234",
                     phone="0903123456"),
        debtor=_p("Trần Thị Bích", f"45 Nguyễn Trãi, Phường 2, Quận 5, {HCMC}"),
        judgment=_j("125/2016/DS-ST", "2016-05-12", _court("Quận 3"), "district", "DS", "ST",
                    "tranh chấp hợp đồng vay tài sản"),
        amounts=_vnd(150_000_000), petition_date="2018-03-05", petition_place="Tp.HCM", signed_by="Nguyễn Văn An",
    )
    return Novel("ben_duoc_label", _text("ben_duoc_label", text), f)


def judgment_first_roman() -> Novel:
    """Roman-numbered sections, the judgment first, then the parties; "Họ tên người làm đơn", "Thường trú"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự quận Tân Bình
I. BẢN ÁN, QUYẾT ĐỊNH YÊU CẦU THI HÀNH
Bản án dân sự sơ thẩm số 88/2017/DS-ST ngày 20/11/2017 của Tòa án nhân dân quận Tân Bình về việc tranh chấp hợp đồng thuê nhà.
II. NGƯỜI YÊU CẦU THI HÀNH ÁN
Họ tên người làm đơn: Phạm Thị Lan
Số định danh cá nhân: 079187004455
Thường trú: 102 Cộng Hòa, Phường 4, Quận Tân Bình, TP. Hồ Chí Minh
Điện thoại: 0912 345 678
III. NGƯỜI PHẢI THI HÀNH ÁN
Họ tên: Đặng Văn Long
Nơi ở hiện nay: 9 Hoàng Văn Thụ, Phường 9, Quận Phú Nhuận, TP. Hồ Chí Minh
IV. NỘI DUNG YÊU CẦU
Buộc ông Đặng Văn Long trả cho tôi 62.500.000 đồng tiền thuê nhà còn nợ.
TP. Hồ Chí Minh, ngày 08 tháng 02 năm 2018
NGƯỜI YÊU CẦU
đã ký
Phạm Thị Lan
"""
    f = Fields(
        addressed_to=_office("Quận Tân Bình"),
        requester=_p("Phạm Thị Lan", f"102 Cộng Hòa, Phường 4, Quận Tân Bình, {HCMC}", id_number="079187004455",
                     phone="0912345678"),
        debtor=_p("Đặng Văn Long", f"9 Hoàng Văn Thụ, Phường 9, Quận Phú Nhuận, {HCMC}"),
        judgment=_j("88/2017/DS-ST", "2017-11-20", _court("Quận Tân Bình"), "district", "DS", "ST",
                    "tranh chấp hợp đồng thuê nhà"),
        amounts=_vnd(62_500_000), petition_date="2018-02-08", petition_place="TP. Hồ Chí Minh",
        signed_by="Phạm Thị Lan",
    )
    return Novel("judgment_first_roman", _text("judgment_first_roman", text), f)


def numbered_arabic_letters() -> Novel:
    """"1." sections with "a)" items; "Số CCCD", "Địa chỉ thường trú", "Chỗ ở hiện nay"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 7
1. Người yêu cầu thi hành án:
a) Họ và tên: Huỳnh Thanh Tâm
b) Số CCCD: 079090012345
c) Địa chỉ thường trú: 45/2 Huỳnh Tấn Phát, P. Tân Thuận Tây, Q.7, TP.HCM
d) Số điện thoại: 0987 654 321
2. Người phải thi hành án:
a) Họ và tên: Lý Minh Khoa
b) Chỗ ở hiện nay: 210 Nguyễn Thị Thập, P. Tân Phú, Q.7, TP.HCM
3. Bản án, quyết định yêu cầu thi hành: Bản án số 31/2019/DS-ST ngày 16/7/2019 của Tòa án nhân dân Quận 7.
4. Nội dung yêu cầu: buộc ông Lý Minh Khoa trả 45.000.000 đồng.
Quận 7, ngày 02 tháng 10 năm 2019
Người làm đơn
Huỳnh Thanh Tâm
"""
    f = Fields(
        addressed_to=_office("Quận 7"),
        requester=_p("Huỳnh Thanh Tâm", f"45/2 Huỳnh Tấn Phát, Phường Tân Thuận Tây, Quận 7, {HCMC}",
                     id_number="079090012345", phone="0987654321"),
        debtor=_p("Lý Minh Khoa", f"210 Nguyễn Thị Thập, Phường Tân Phú, Quận 7, {HCMC}"),
        judgment=_j("31/2019/DS-ST", "2019-07-16", _court("Quận 7"), "district", "DS", "ST"),
        amounts=_vnd(45_000_000), petition_date="2019-10-02", petition_place="Quận 7", signed_by="Huỳnh Thanh Tâm",
    )
    return Novel("numbered_arabic_letters", _text("numbered_arabic_letters", text), f)


def one_paragraph_prose() -> Novel:
    """Everything in one paragraph of an email body; "Ấp", "Xã", "H." in addresses; debtor in prose."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự huyện Củ Chi
Tôi tên là Lê Thị Hoa, sinh năm 1975, CMND số 023456789, thường trú tại Ấp 3, xã Tân Thạnh Đông, H. Củ Chi, TP.HCM, điện thoại 0918 222 333. Tôi làm đơn này yêu cầu Quý Chi cục tổ chức thi hành Bản án số 40/2017/DS-ST ngày 20/6/2017 của Tòa án nhân dân huyện Củ Chi. Người phải thi hành án là ông Phan Văn Tài, cư trú tại Ấp 5, xã Phước Thạnh, huyện Củ Chi, TP. Hồ Chí Minh, phải trả cho tôi 80.000.000 đồng.
Củ Chi, ngày 14 tháng 9 năm 2017
Lê Thị Hoa
"""
    f = Fields(
        addressed_to=_office("Huyện Củ Chi"),
        requester=_p("Lê Thị Hoa", f"Ấp 3, Xã Tân Thạnh Đông, Huyện Củ Chi, {HCMC}", id_number="023456789",
                     phone="0918222333"),
        debtor=_p("Phan Văn Tài", f"Ấp 5, Xã Phước Thạnh, Huyện Củ Chi, {HCMC}"),
        judgment=_j("40/2017/DS-ST", "2017-06-20", _court("Huyện Củ Chi"), "district", "DS", "ST"),
        amounts=_vnd(80_000_000), petition_date="2017-09-14", petition_place="Củ Chi", signed_by="Lê Thị Hoa",
    )
    return Novel("one_paragraph_prose", _text("one_paragraph_prose", text), f)


def lawyer_for_client() -> Novel:
    """A lawyer files under a power of attorney: the requester is not the creditor."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Bình Thạnh
Người yêu cầu thi hành án: Luật sư Đỗ Minh Quân
Địa chỉ: 25 Điện Biên Phủ, Phường 15, Quận Bình Thạnh, TP. Hồ Chí Minh
Điện thoại: 0909 888 777
Email: quan.do@luatminhquan.vn
Là người đại diện theo ủy quyền (Giấy ủy quyền số 15/2019/UQ ngày 03/01/2019) của:
Người được thi hành án: Ông Võ Văn Hùng
Địa chỉ: 77 Xô Viết Nghệ Tĩnh, Phường 21, Quận Bình Thạnh, TP. Hồ Chí Minh
Người phải thi hành án: Công ty TNHH Xây dựng Hưng Phát
Mã số DN: 0312345675
Trụ sở: 15 Phan Đăng Lưu, Phường 3, Quận Bình Thạnh, TP. Hồ Chí Minh
Căn cứ Bản án số 52/2018/KDTM-ST ngày 22/11/2018 của Tòa án nhân dân quận Bình Thạnh.
Nội dung yêu cầu: buộc Công ty TNHH Xây dựng Hưng Phát thanh toán cho ông Võ Văn Hùng 1.250.000.000 đồng.
TP. Hồ Chí Minh, ngày 10 tháng 01 năm 2019
Người yêu cầu
Luật sư Đỗ Minh Quân
"""
    f = Fields(
        addressed_to=_office("Quận Bình Thạnh"),
        requester=_p("Đỗ Minh Quân", f"25 Điện Biên Phủ, Phường 15, Quận Bình Thạnh, {HCMC}", phone="0909888777",
                     email="quan.do@luatminhquan.vn"),
        creditor=_p("Võ Văn Hùng", f"77 Xô Viết Nghệ Tĩnh, Phường 21, Quận Bình Thạnh, {HCMC}"),
        debtor=_p("Công ty TNHH Xây dựng Hưng Phát", f"15 Phan Đăng Lưu, Phường 3, Quận Bình Thạnh, {HCMC}",
                  kind="organization", tax_code="0312345675"),
        judgment=_j("52/2018/KDTM-ST", "2018-11-22", _court("Quận Bình Thạnh"), "district", "KDTM", "ST"),
        amounts=_vnd(1_250_000_000), petition_date="2019-01-10", petition_place="TP. Hồ Chí Minh",
        signed_by="Đỗ Minh Quân",
    )
    return Novel("lawyer_for_client", _text("lawyer_for_client", text), f)


def two_debtors() -> Novel:
    """Two debtors numbered under one heading: the first is the debtor of the fields (one party per role)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Gò Vấp
Người yêu cầu thi hành án: Bà Ngô Thị Mai
Địa chỉ: 33 Lê Đức Thọ, Phường 7, Quận Gò Vấp, TP.HCM
Người phải thi hành án:
1. Ông Trương Văn Bảy, địa chỉ: 12 Quang Trung, Phường 10, Quận Gò Vấp, TP.HCM
2. Bà Lưu Thị Tám, địa chỉ: 14 Quang Trung, Phường 10, Quận Gò Vấp, TP.HCM
Bản án số 19/2020/DS-ST ngày 05/6/2020 của Tòa án nhân dân quận Gò Vấp.
Nội dung yêu cầu: buộc ông Bảy và bà Tám liên đới trả cho tôi 300.000.000 đồng.
Gò Vấp, ngày 01 tháng 9 năm 2020
Người làm đơn
Ngô Thị Mai
"""
    f = Fields(
        addressed_to=_office("Quận Gò Vấp"),
        requester=_p("Ngô Thị Mai", f"33 Lê Đức Thọ, Phường 7, Quận Gò Vấp, {HCMC}"),
        debtor=_p("Trương Văn Bảy", f"12 Quang Trung, Phường 10, Quận Gò Vấp, {HCMC}"),
        judgment=_j("19/2020/DS-ST", "2020-06-05", _court("Quận Gò Vấp"), "district", "DS", "ST"),
        amounts=_vnd(300_000_000), petition_date="2020-09-01", petition_place="Gò Vấp", signed_by="Ngô Thị Mai",
    )
    return Novel("two_debtors", _text("two_debtors", text), f)


def usd_amount() -> Novel:
    """An amount in USD with its words in parentheses; a company requester with "Đại diện theo pháp luật: Ông …, chức vụ …"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 1
Tổ chức yêu cầu thi hành án: Công ty Cổ phần Thương mại Sao Mai
Mã số thuế: 0301234567
Địa chỉ trụ sở: 8 Nguyễn Huệ, P. Bến Nghé, Q.1, TP.HCM
Đại diện theo pháp luật: Ông Hoàng Đức Thịnh, chức vụ: Tổng Giám đốc
Người phải thi hành án: Công ty TNHH Vận tải Biển Đông
Mã số thuế: 0309876543
Địa chỉ: 120 Tôn Đức Thắng, P. Bến Nghé, Q.1, TP.HCM
Bản án kinh doanh thương mại sơ thẩm số 07/2019/KDTM-ST ngày 28/3/2019 của Tòa án nhân dân Quận 1.
Nội dung yêu cầu: buộc Công ty TNHH Vận tải Biển Đông thanh toán 25.000 USD (Bằng chữ: hai mươi lăm nghìn đô la Mỹ).
TP. Hồ Chí Minh, ngày 20 tháng 5 năm 2019
TM. CÔNG TY
TỔNG GIÁM ĐỐC
Hoàng Đức Thịnh
"""
    f = Fields(
        addressed_to=_office("Quận 1"),
        requester=_p("Công ty Cổ phần Thương mại Sao Mai", f"8 Nguyễn Huệ, Phường Bến Nghé, Quận 1, {HCMC}",
                     kind="organization", tax_code="0301234567", representative="Hoàng Đức Thịnh"),
        debtor=_p("Công ty TNHH Vận tải Biển Đông", f"120 Tôn Đức Thắng, Phường Bến Nghé, Quận 1, {HCMC}",
                  kind="organization", tax_code="0309876543"),
        judgment=_j("07/2019/KDTM-ST", "2019-03-28", _court("Quận 1"), "district", "KDTM", "ST"),
        amounts=[Amount(value=25_000, currency="USD")], petition_date="2019-05-20",
        petition_place="TP. Hồ Chí Minh", signed_by="Hoàng Đức Thịnh",
    )
    return Novel("usd_amount", _text("usd_amount", text), f)


def amount_in_words_only() -> Novel:
    """The amount only in words; "Căn cước công dân số"; place and date "ngày 05 tháng 03 năm 2018" with no place."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 10
Người yêu cầu thi hành án: Ông Bùi Quang Vinh
Căn cước công dân số: 079083009876
Địa chỉ: 201 Ba Tháng Hai, Phường 12, Quận 10, TP.HCM
Người phải thi hành án: Ông Tạ Văn Sơn
Địa chỉ: 5 Sư Vạn Hạnh, Phường 12, Quận 10, TP.HCM
Theo Bản án số 60/2017/DS-ST ngày 11/10/2017 của Tòa án nhân dân Quận 10.
Nội dung yêu cầu: buộc ông Tạ Văn Sơn trả cho tôi số tiền một trăm năm mươi triệu đồng.
Ngày 05 tháng 03 năm 2018
Người yêu cầu
Bùi Quang Vinh
"""
    f = Fields(
        addressed_to=_office("Quận 10"),
        requester=_p("Bùi Quang Vinh", f"201 Ba Tháng Hai, Phường 12, Quận 10, {HCMC}", id_number="079083009876"),
        debtor=_p("Tạ Văn Sơn", f"5 Sư Vạn Hạnh, Phường 12, Quận 10, {HCMC}"),
        judgment=_j("60/2017/DS-ST", "2017-10-11", _court("Quận 10"), "district", "DS", "ST"),
        amounts=_vnd(150_000_000), petition_date="2018-03-05", signed_by="Bùi Quang Vinh",
    )
    return Novel("amount_in_words_only", _text("amount_in_words_only", text), f)


def hom_nay_date() -> Novel:
    """The date in the closing sentence: "Hôm nay ngày 5/3/2018"; a typed "/s/" signature."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 11
Tôi là Lê Văn Cường, CCCD 079088003322, địa chỉ 14 Lạc Long Quân, P.5, Q.11, TP.HCM, số điện thoại +84 903 123 456.
Tôi yêu cầu Quý cơ quan thi hành Bản án số 77/2016/DS-ST ngày 30/8/2016 của Tòa án nhân dân Quận 11.
Người phải thi hành án: Bà Châu Ngọc Hân, địa chỉ 60 Ông Ích Khiêm, P.14, Q.11, TP.HCM.
Nội dung yêu cầu: buộc bà Châu Ngọc Hân trả 95.000.000 đồng.
Tôi làm đơn này hôm nay ngày 5/3/2018.
/s/ Lê Văn Cường
"""
    f = Fields(
        addressed_to=_office("Quận 11"),
        requester=_p("Lê Văn Cường", f"14 Lạc Long Quân, Phường 5, Quận 11, {HCMC}", id_number="079088003322",
                     phone="0903123456"),
        debtor=_p("Châu Ngọc Hân", f"60 Ông Ích Khiêm, Phường 14, Quận 11, {HCMC}"),
        judgment=_j("77/2016/DS-ST", "2016-08-30", _court("Quận 11"), "district", "DS", "ST"),
        amounts=_vnd(95_000_000), petition_date="2018-03-05", signed_by="Lê Văn Cường",
    )
    return Novel("hom_nay_date", _text("hom_nay_date", text), f)


def recognition_of_agreement() -> Novel:
    """A decision recognising the parties' agreement (QĐST-HNGĐ): a domestic first-instance decision, not an R8 recognition."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Bình Thạnh
Người yêu cầu thi hành án: Bà Đinh Thị Hồng
Địa chỉ: 41 Nơ Trang Long, Phường 7, Quận Bình Thạnh, TP.HCM
Điện thoại: 0933 111 444
Người phải thi hành án: Ông Mai Văn Phúc
Địa chỉ: 3 Bạch Đằng, Phường 2, Quận Tân Bình, TP.HCM
Căn cứ Quyết định công nhận sự thỏa thuận của các đương sự số 12/2019/QĐST-HNGĐ ngày 14/3/2019 của Tòa án nhân dân quận Bình Thạnh.
Nội dung yêu cầu: buộc ông Mai Văn Phúc cấp dưỡng nuôi con mỗi tháng 3.000.000 đồng.
TP. Hồ Chí Minh, ngày 20 tháng 6 năm 2019
Người yêu cầu
Đinh Thị Hồng
"""
    f = Fields(
        addressed_to=_office("Quận Bình Thạnh"),
        requester=_p("Đinh Thị Hồng", f"41 Nơ Trang Long, Phường 7, Quận Bình Thạnh, {HCMC}", phone="0933111444"),
        debtor=_p("Mai Văn Phúc", f"3 Bạch Đằng, Phường 2, Quận Tân Bình, {HCMC}"),
        judgment=_j("12/2019/QĐST-HNGĐ", "2019-03-14", _court("Quận Bình Thạnh"), "district", "HNGĐ", "ST"),
        amounts=_vnd(3_000_000), petition_date="2019-06-20", petition_place="TP. Hồ Chí Minh", signed_by="Đinh Thị Hồng",
    )
    return Novel("recognition_of_agreement", _text("recognition_of_agreement", text), f)


def appeal_separate_sentence() -> Novel:
    """An appeal judgment of the city court; the first-instance judgment named in a separate sentence (R2)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Tân Bình
Người yêu cầu thi hành án: Ông Lâm Quốc Việt
Địa chỉ: 18 Trường Chinh, Phường 13, Quận Tân Bình, TP. Hồ Chí Minh
Người phải thi hành án: Bà Kiều Thị Nga
Địa chỉ: 90 Âu Cơ, Phường 9, Quận Tân Bình, TP. Hồ Chí Minh
Tôi yêu cầu thi hành Bản án dân sự phúc thẩm số 210/2018/DS-PT ngày 15/8/2018 của Tòa án nhân dân Thành phố Hồ Chí Minh. Bản án phúc thẩm này xét xử lại Bản án sơ thẩm số 88/2017/DS-ST ngày 20/11/2017 của Tòa án nhân dân quận Tân Bình.
Nội dung yêu cầu: buộc bà Kiều Thị Nga trả 410.000.000 đồng.
TP. Hồ Chí Minh, ngày 12 tháng 10 năm 2018
Người yêu cầu
Lâm Quốc Việt
"""
    f = Fields(
        addressed_to=_office("Quận Tân Bình"),
        requester=_p("Lâm Quốc Việt", f"18 Trường Chinh, Phường 13, Quận Tân Bình, {HCMC}"),
        debtor=_p("Kiều Thị Nga", f"90 Âu Cơ, Phường 9, Quận Tân Bình, {HCMC}"),
        judgment=_j("210/2018/DS-PT", "2018-08-15", _court(HCMC), "city", "DS", "PT",
                    first=Ref(number="88/2017/DS-ST", date="2017-11-20", court=_court("Quận Tân Bình"))),
        amounts=_vnd(410_000_000), petition_date="2018-10-12", petition_place="TP. Hồ Chí Minh",
        signed_by="Lâm Quốc Việt",
    )
    return Novel("appeal_separate_sentence", _text("appeal_separate_sentence", text), f)


def district_words() -> Novel:
    """District names written "Quận Ba", "Q3", "quận 03"; "Khu phố", "Tổ" in an address."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục THADS Quận Ba
Người yêu cầu thi hành án: Bà Tô Thị Hạnh
Địa chỉ: Tổ 5, Khu phố 2, P. Linh Trung, Q. Thủ Đức, TP.HCM
Người phải thi hành án: Ông Quách Văn Lộc
Địa chỉ: 66 Võ Văn Tần, P.6, Q3, TP.HCM
Bản án số 101/2018/DS-ST ngày 03/12/2018 của Tòa án nhân dân quận 03.
Nội dung yêu cầu: buộc ông Quách Văn Lộc trả 70.000.000 đồng.
TP. Hồ Chí Minh, ngày 25 tháng 02 năm 2019
Người yêu cầu
Tô Thị Hạnh
"""
    f = Fields(
        addressed_to=_office("Quận 3"),
        requester=_p("Tô Thị Hạnh", f"Tổ 5, Khu phố 2, Phường Linh Trung, Quận Thủ Đức, {HCMC}"),
        debtor=_p("Quách Văn Lộc", f"66 Võ Văn Tần, Phường 6, Quận 3, {HCMC}"),
        judgment=_j("101/2018/DS-ST", "2018-12-03", _court("Quận 3"), "district", "DS", "ST"),
        amounts=_vnd(70_000_000), petition_date="2019-02-25", petition_place="TP. Hồ Chí Minh",
        signed_by="Tô Thị Hạnh",
    )
    return Novel("district_words", _text("district_words", text), f)


def landline_phone() -> Novel:
    """Old phones: a "(028) 3823 4567" landline and "Di động" after it; "Nơi cư trú"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 5
Người yêu cầu thi hành án: Ông Hứa Vĩnh Khang
Nơi cư trú: 250 Trần Hưng Đạo, Phường 11, Quận 5, TP.HCM
Điện thoại: (028) 3823 4567
Người phải thi hành án: Ông Thái Bá Nghĩa
Nơi cư trú: 17 Hải Thượng Lãn Ông, Phường 10, Quận 5, TP.HCM
Điện thoại: 0168 555 1234
Bản án số 14/2017/DS-ST ngày 21/4/2017 của Tòa án nhân dân Quận 5.
Nội dung yêu cầu: buộc ông Thái Bá Nghĩa trả 33.000.000 đồng.
TP. Hồ Chí Minh, ngày 03 tháng 7 năm 2017
Người yêu cầu
Hứa Vĩnh Khang
"""
    f = Fields(
        addressed_to=_office("Quận 5"),
        requester=_p("Hứa Vĩnh Khang", f"250 Trần Hưng Đạo, Phường 11, Quận 5, {HCMC}", phone="02838234567"),
        debtor=_p("Thái Bá Nghĩa", f"17 Hải Thượng Lãn Ông, Phường 10, Quận 5, {HCMC}", phone="01685551234"),
        judgment=_j("14/2017/DS-ST", "2017-04-21", _court("Quận 5"), "district", "DS", "ST"),
        amounts=_vnd(33_000_000), petition_date="2017-07-03", petition_place="TP. Hồ Chí Minh",
        signed_by="Hứa Vĩnh Khang",
    )
    return Novel("landline_phone", _text("landline_phone", text), f)


def upper_case_names() -> Novel:
    """Names, labels and the signer in capitals."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
KÍNH GỬI: CHI CỤC THI HÀNH ÁN DÂN SỰ QUẬN 8
NGƯỜI YÊU CẦU THI HÀNH ÁN: TRẦN THỊ BÍCH NGỌC
ĐỊA CHỈ: 120 PHẠM THẾ HIỂN, PHƯỜNG 2, QUẬN 8, TP.HCM
NGƯỜI PHẢI THI HÀNH ÁN: LÊ HOÀNG NAM
ĐỊA CHỈ: 8 BÌNH ĐÔNG, PHƯỜNG 11, QUẬN 8, TP.HCM
BẢN ÁN SỐ 09/2018/DS-ST NGÀY 17/01/2018 CỦA TÒA ÁN NHÂN DÂN QUẬN 8.
NỘI DUNG YÊU CẦU: BUỘC ÔNG LÊ HOÀNG NAM TRẢ 20.000.000 ĐỒNG.
TP. HỒ CHÍ MINH, NGÀY 01 THÁNG 4 NĂM 2018
NGƯỜI YÊU CẦU
TRẦN THỊ BÍCH NGỌC
"""
    f = Fields(
        addressed_to=_office("Quận 8"),
        requester=_p("Trần Thị Bích Ngọc", f"120 Phạm Thế Hiển, Phường 2, Quận 8, {HCMC}"),
        debtor=_p("Lê Hoàng Nam", f"8 Bình Đông, Phường 11, Quận 8, {HCMC}"),
        judgment=_j("09/2018/DS-ST", "2018-01-17", _court("Quận 8"), "district", "DS", "ST"),
        amounts=_vnd(20_000_000), petition_date="2018-04-01", petition_place="TP. HỒ CHÍ MINH",
        signed_by="Trần Thị Bích Ngọc",
    )
    # the address as written in capitals keeps its street in capitals; the samples README
    # only fixes the unit words, so the street of an all-capitals address is not checked.
    return Novel("upper_case_names", _text("upper_case_names", text), f,
                 skip={"requester.address", "debtor.address"})


def old_tone_placement() -> Novel:
    """Old tone placement ("Toà", "Thuỷ", "Hoà", "uỷ"), modern in the fields."""
    text = HEADER.replace("HÒA", "HOÀ") + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự quận Phú Nhuận
Người yêu cầu thi hành án: Bà Lê Thị Thuỷ
Địa chỉ: 21 Hoà Bình, Phường 5, Quận Phú Nhuận, TP.HCM
Người phải thi hành án: Ông Nguyễn Hoà Thuận
Địa chỉ: 40 Phan Xích Long, Phường 2, Quận Phú Nhuận, TP.HCM
Bản án số 22/2019/HNGĐ-ST ngày 09/5/2019 của Toà án nhân dân quận Phú Nhuận về việc ly hôn.
Nội dung yêu cầu: buộc ông Nguyễn Hoà Thuận cấp dưỡng nuôi con 4.000.000 đồng mỗi tháng.
Phú Nhuận, ngày 15 tháng 8 năm 2019
Người yêu cầu
Lê Thị Thuỷ
"""
    f = Fields(
        addressed_to=_office("Quận Phú Nhuận"),
        requester=_p("Lê Thị Thủy", f"21 Hòa Bình, Phường 5, Quận Phú Nhuận, {HCMC}"),
        debtor=_p("Nguyễn Hòa Thuận", f"40 Phan Xích Long, Phường 2, Quận Phú Nhuận, {HCMC}"),
        judgment=_j("22/2019/HNGĐ-ST", "2019-05-09", _court("Quận Phú Nhuận"), "district", "HNGĐ", "ST", "ly hôn"),
        amounts=_vnd(4_000_000), petition_date="2019-08-15", petition_place="Phú Nhuận", signed_by="Lê Thị Thủy",
    )
    return Novel("old_tone_placement", _text("old_tone_placement", text), f)


def no_diacritics() -> Novel:
    """An email body typed without diacritics (compared accent-folded, as the bench does for no_diacritics)."""
    text = """
Kinh gui: Chi cuc Thi hanh an dan su Quan 12
Toi ten la Nguyen Thanh Son, CCCD so 079092006677, dia chi 15 To Ky, P. Tan Chanh Hiep, Q.12, TP.HCM, dien thoai 0977 333 222.
Toi lam don nay yeu cau thi hanh Ban an so 55/2019/DS-ST ngay 12/9/2019 cua Toa an nhan dan Quan 12 ve viec tranh chap hop dong dat coc.
Nguoi phai thi hanh an: Ong Vu Duc Manh, dia chi 300 Nguyen Anh Thu, P. Trung My Tay, Q.12, TP.HCM.
Noi dung yeu cau: buoc ong Vu Duc Manh tra cho toi 120.000.000 dong.
TP.HCM, ngay 20 thang 11 nam 2019
Nguoi lam don
Nguyen Thanh Son
"""
    f = Fields(
        addressed_to=_office("Quận 12"),
        requester=_p("Nguyễn Thanh Sơn", f"15 Tô Ký, Phường Tân Chánh Hiệp, Quận 12, {HCMC}", id_number="079092006677",
                     phone="0977333222"),
        debtor=_p("Vũ Đức Mạnh", f"300 Nguyễn Ảnh Thủ, Phường Trung Mỹ Tây, Quận 12, {HCMC}"),
        judgment=_j("55/2019/DS-ST", "2019-09-12", _court("Quận 12"), "district", "DS", "ST",
                    "tranh chấp hợp đồng đặt cọc"),
        amounts=_vnd(120_000_000), petition_date="2019-11-20", petition_place="TP.HCM", signed_by="Nguyễn Thanh Sơn",
    )
    return Novel("no_diacritics", _text("no_diacritics", text), f, folded=True)


def kinh_gui_same_line() -> Novel:
    """"Kính gửi" on the title's line; "Người có quyền lợi được thi hành án" as the creditor's label."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN Kính gửi: Chi cục Thi hành án dân sự Quận 6
Người có quyền lợi được thi hành án: Ông Lạc Văn Thành
Địa chỉ: 88 Hậu Giang, Phường 5, Quận 6, TP.HCM
Người phải thi hành án: Ông Dương Tấn Lực
Địa chỉ: 19 Minh Phụng, Phường 2, Quận 6, TP.HCM
Bản án số 27/2018/DS-ST ngày 07/6/2018 của Tòa án nhân dân Quận 6.
Nội dung yêu cầu: buộc ông Dương Tấn Lực trả 58.000.000 đồng.
TP. Hồ Chí Minh, ngày 11 tháng 9 năm 2018
Người yêu cầu
Lạc Văn Thành
"""
    f = Fields(
        addressed_to=_office("Quận 6"),
        requester=_p("Lạc Văn Thành", f"88 Hậu Giang, Phường 5, Quận 6, {HCMC}"),
        debtor=_p("Dương Tấn Lực", f"19 Minh Phụng, Phường 2, Quận 6, {HCMC}"),
        judgment=_j("27/2018/DS-ST", "2018-06-07", _court("Quận 6"), "district", "DS", "ST"),
        amounts=_vnd(58_000_000), petition_date="2018-09-11", petition_place="TP. Hồ Chí Minh",
        signed_by="Lạc Văn Thành",
    )
    return Novel("kinh_gui_same_line", _text("kinh_gui_same_line", text), f)


def bank_officer() -> Novel:
    """A bank asks for an enforcement officer; "Mã số DN", representative with "chức vụ"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Huyện Bình Chánh
Người yêu cầu thi hành án: Ngân hàng TMCP Đông Nam Á
Mã số DN: 0200253985
Địa chỉ: 198 Trần Quang Khải, Phường Lý Thái Tổ, Quận Hoàn Kiếm, Thành phố Hà Nội
Đại diện theo ủy quyền: Ông Phan Minh Trí, chức vụ: Giám đốc Chi nhánh Bình Chánh
Người phải thi hành án: Ông Lữ Văn Hậu
Địa chỉ: Ấp 2, xã Vĩnh Lộc A, huyện Bình Chánh, TP.HCM
Bản án số 150/2019/KDTM-ST ngày 26/9/2019 của Tòa án nhân dân huyện Bình Chánh về việc tranh chấp hợp đồng tín dụng.
Nội dung yêu cầu: buộc ông Lữ Văn Hậu trả nợ gốc và lãi tổng cộng 2.345.678.000 đồng; trường hợp không trả thì xử lý tài sản bảo đảm.
Đề nghị Quý Chi cục phân công Chấp hành viên Nguyễn Văn Dũng tổ chức thi hành vụ việc.
TP. Hồ Chí Minh, ngày 02 tháng 12 năm 2019
TM. NGÂN HÀNG
Phan Minh Trí
"""
    f = Fields(
        addressed_to=_office("Huyện Bình Chánh"),
        requester=_p("Ngân hàng TMCP Đông Nam Á",
                     "198 Trần Quang Khải, Phường Lý Thái Tổ, Quận Hoàn Kiếm, Thành phố Hà Nội",
                     kind="organization", tax_code="0200253985", representative="Phan Minh Trí"),
        debtor=_p("Lữ Văn Hậu", f"Ấp 2, Xã Vĩnh Lộc A, Huyện Bình Chánh, {HCMC}"),
        judgment=_j("150/2019/KDTM-ST", "2019-09-26", _court("Huyện Bình Chánh"), "district", "KDTM", "ST",
                    "tranh chấp hợp đồng tín dụng"),
        amounts=_vnd(2_345_678_000), preferred_officer="Nguyễn Văn Dũng", petition_date="2019-12-02",
        petition_place="TP. Hồ Chí Minh", signed_by="Phan Minh Trí",
    )
    return Novel("bank_officer", _text("bank_officer", text), f)


def high_court_appeal() -> Novel:
    """A high-court appeal on a city-court first instance (R5), both cited in one sentence with parentheses."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự TP. Hồ Chí Minh
Người yêu cầu thi hành án: Công ty TNHH Nhựa Tân Tiến
Mã số thuế: 0302223334
Trụ sở chính: 50 Lũy Bán Bích, Phường Tân Thới Hòa, Quận Tân Phú, TP.HCM
Người đại diện theo pháp luật: Bà Quan Mỹ Linh - Giám đốc
Người phải thi hành án: Công ty Cổ phần Bao bì Phương Nam
Trụ sở chính: 7 Kinh Dương Vương, Phường 12, Quận 6, TP.HCM
Yêu cầu thi hành Bản án kinh doanh thương mại phúc thẩm số 300/2019/KDTM-PT ngày 05/11/2019 của Tòa án nhân dân cấp cao tại TP. Hồ Chí Minh (xét xử phúc thẩm Bản án số 1500/2018/KDTM-ST ngày 14/12/2018 của Tòa án nhân dân TP. Hồ Chí Minh).
Nội dung yêu cầu: buộc Công ty Cổ phần Bao bì Phương Nam thanh toán 3.600.000.000 đồng.
TP. Hồ Chí Minh, ngày 06 tháng 01 năm 2020
GIÁM ĐỐC
Quan Mỹ Linh
"""
    f = Fields(
        addressed_to="Cục Thi hành án dân sự Thành phố Hồ Chí Minh",
        requester=_p("Công ty TNHH Nhựa Tân Tiến", f"50 Lũy Bán Bích, Phường Tân Thới Hòa, Quận Tân Phú, {HCMC}",
                     kind="organization", tax_code="0302223334", representative="Quan Mỹ Linh"),
        debtor=_p("Công ty Cổ phần Bao bì Phương Nam", f"7 Kinh Dương Vương, Phường 12, Quận 6, {HCMC}",
                  kind="organization"),
        judgment=_j("300/2019/KDTM-PT", "2019-11-05", f"Tòa án nhân dân cấp cao tại {HCMC}", "high", "KDTM", "PT",
                    first=Ref(number="1500/2018/KDTM-ST", date="2018-12-14", court=_court(HCMC))),
        amounts=_vnd(3_600_000_000), petition_date="2020-01-06", petition_place="TP. Hồ Chí Minh",
        signed_by="Quan Mỹ Linh",
    )
    return Novel("high_court_appeal", _text("high_court_appeal", text), f)


def other_province() -> Novel:
    """A court outside the city ("TAND huyện Đức Hòa, tỉnh Long An"); the petition sent to a Chi cục anyway."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Bình Tân
Người yêu cầu thi hành án: Ông Trần Hữu Nghị
Địa chỉ: 400 Kinh Dương Vương, P. An Lạc, Q. Bình Tân, TP.HCM
Người phải thi hành án: Ông Nguyễn Văn Út
Địa chỉ: Ấp Bình Tiền 1, xã Đức Hòa Hạ, huyện Đức Hòa, tỉnh Long An
Bản án số 35/2018/DS-ST ngày 10/10/2018 của TAND huyện Đức Hòa, tỉnh Long An.
Nội dung yêu cầu: buộc ông Nguyễn Văn Út trả 90.000.000 đồng.
Bình Tân, ngày 04 tháng 3 năm 2019
Người yêu cầu
Trần Hữu Nghị
"""
    f = Fields(
        addressed_to=_office("Quận Bình Tân"),
        requester=_p("Trần Hữu Nghị", f"400 Kinh Dương Vương, Phường An Lạc, Quận Bình Tân, {HCMC}"),
        debtor=_p("Nguyễn Văn Út", "Ấp Bình Tiền 1, Xã Đức Hòa Hạ, Huyện Đức Hòa, Tỉnh Long An"),
        judgment=_j("35/2018/DS-ST", "2018-10-10", "Tòa án nhân dân huyện Đức Hòa, tỉnh Long An", "other_province",
                    "DS", "ST"),
        amounts=_vnd(90_000_000), petition_date="2019-03-04", petition_place="Bình Tân", signed_by="Trần Hữu Nghị",
    )
    return Novel("other_province", _text("other_province", text), f)


def judgment_comma_citation() -> Novel:
    """The judgment cited "Quyết định số: 05/2020/QĐST-KDTM, ngày 18/02/2020, của TAND TP.HCM"; "Mã số doanh nghiệp"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục THADS TP.HCM
Người yêu cầu thi hành án: Công ty Cổ phần Đầu tư Bến Thành Xanh
Mã số doanh nghiệp: 0314445556
Địa chỉ: 2 Lê Thánh Tôn, P. Bến Nghé, Q.1, TP.HCM
Người phải thi hành án: Công ty TNHH Thiết bị Điện Gia Định
Địa chỉ: 99 Lê Văn Sỹ, P.13, Q.3, TP.HCM
Quyết định số: 05/2020/QĐST-KDTM, ngày 18/02/2020, của TAND TP.HCM.
Nội dung yêu cầu: buộc Công ty TNHH Thiết bị Điện Gia Định trả 780.000.000 đồng.
TP. Hồ Chí Minh, ngày 09 tháng 4 năm 2020
Người đại diện
Lương Văn Đạt
"""
    f = Fields(
        addressed_to="Cục Thi hành án dân sự Thành phố Hồ Chí Minh",
        requester=_p("Công ty Cổ phần Đầu tư Bến Thành Xanh", f"2 Lê Thánh Tôn, Phường Bến Nghé, Quận 1, {HCMC}",
                     kind="organization", tax_code="0314445556"),
        debtor=_p("Công ty TNHH Thiết bị Điện Gia Định", f"99 Lê Văn Sỹ, Phường 13, Quận 3, {HCMC}",
                  kind="organization"),
        judgment=_j("05/2020/QĐST-KDTM", "2020-02-18", _court(HCMC), "city", "KDTM", "ST"),
        amounts=_vnd(780_000_000), petition_date="2020-04-09", petition_place="TP. Hồ Chí Minh",
        signed_by="Lương Văn Đạt",
    )
    return Novel("judgment_comma_citation", _text("judgment_comma_citation", text), f)


def email_greeting_prose() -> Novel:
    """An email: greeting, the requester in prose, "Nơi ở", "SĐT", no "Kính gửi" office (generic)."""
    text = """
Kính gửi Quý cơ quan,
Tôi tên Võ Thị Kim Loan, số định danh cá nhân 079195007788, nơi ở: 55 Phan Văn Trị, Phường 10, Quận Gò Vấp, Thành phố Hồ Chí Minh, SĐT 0965 432 100, email kimloan.vo@gmail.com.
Tôi xin yêu cầu thi hành Bản án số 61/2021/HNGĐ-ST ngày 19/3/2021 của Tòa án nhân dân quận Gò Vấp về việc ly hôn.
Người phải thi hành án: Ông Hồ Văn Tuấn, địa chỉ: 9 Lê Lai, Phường 3, Quận Gò Vấp, Thành phố Hồ Chí Minh.
Nội dung yêu cầu: buộc ông Hồ Văn Tuấn cấp dưỡng nuôi con 5.000.000 đồng mỗi tháng.
Trân trọng.
TP. Hồ Chí Minh, ngày 30 tháng 6 năm 2021
Võ Thị Kim Loan
"""
    f = Fields(
        requester=_p("Võ Thị Kim Loan", f"55 Phan Văn Trị, Phường 10, Quận Gò Vấp, {HCMC}", id_number="079195007788",
                     phone="0965432100", email="kimloan.vo@gmail.com"),
        debtor=_p("Hồ Văn Tuấn", f"9 Lê Lai, Phường 3, Quận Gò Vấp, {HCMC}"),
        judgment=_j("61/2021/HNGĐ-ST", "2021-03-19", _court("Quận Gò Vấp"), "district", "HNGĐ", "ST", "ly hôn"),
        amounts=_vnd(5_000_000), petition_date="2021-06-30", petition_place="TP. Hồ Chí Minh",
        signed_by="Võ Thị Kim Loan",
    )
    return Novel("email_greeting_prose", _text("email_greeting_prose", text), f)


def cassation_decision() -> Novel:
    """A cassation decision of the high court about a district judgment (R3), first instance in its own line."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 4
Người yêu cầu thi hành án: Bà Phùng Thị Yến
Địa chỉ: 30 Hoàng Diệu, Phường 12, Quận 4, TP.HCM
Người phải thi hành án: Ông Âu Văn Khải
Địa chỉ: 12 Khánh Hội, Phường 3, Quận 4, TP.HCM
Bản án, quyết định yêu cầu thi hành: Quyết định giám đốc thẩm số 45/2020/DS-GĐT ngày 22/7/2020 của Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh.
Bản án sơ thẩm bị kháng nghị: Bản án số 16/2018/DS-ST ngày 02/4/2018 của Tòa án nhân dân Quận 4.
Nội dung yêu cầu: buộc ông Âu Văn Khải trả lại căn nhà số 12 Khánh Hội và 40.000.000 đồng.
TP. Hồ Chí Minh, ngày 14 tháng 10 năm 2020
Người yêu cầu
Phùng Thị Yến
"""
    f = Fields(
        addressed_to=_office("Quận 4"),
        requester=_p("Phùng Thị Yến", f"30 Hoàng Diệu, Phường 12, Quận 4, {HCMC}"),
        debtor=_p("Âu Văn Khải", f"12 Khánh Hội, Phường 3, Quận 4, {HCMC}"),
        judgment=_j("45/2020/DS-GĐT", "2020-07-22", f"Tòa án nhân dân cấp cao tại {HCMC}", "high", "DS", "GĐT",
                    first=Ref(number="16/2018/DS-ST", date="2018-04-02", court=_court("Quận 4"))),
        amounts=_vnd(40_000_000), petition_date="2020-10-14", petition_place="TP. Hồ Chí Minh",
        signed_by="Phùng Thị Yến",
    )
    return Novel("cassation_decision", _text("cassation_decision", text), f)


def dash_date_place() -> Novel:
    """"Họ tên người làm đơn", "Số CMND", "Thường trú tại", a "Hóc Môn, 15/01/2016" place-date line."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự huyện Hóc Môn
Họ tên người làm đơn: Trịnh Văn Hiếu
Số CMND: 025111222 cấp ngày 01/02/2010 tại Công an TP.HCM
Thường trú tại: 12/3 Ấp Tân Hòa, xã Tân Hiệp, huyện Hóc Môn, TP.HCM
Người phải thi hành án: Bà Mạc Thị Sen
Thường trú tại: 4 Ấp Mỹ Hòa 3, xã Tân Xuân, huyện Hóc Môn, TP.HCM
Bản án số 03/2015/DS-ST ngày 20/8/2015 của Tòa án nhân dân huyện Hóc Môn.
Nội dung yêu cầu: buộc bà Mạc Thị Sen trả 25.000.000 đồng.
Hóc Môn, 15/01/2016
Người làm đơn
Trịnh Văn Hiếu
"""
    f = Fields(
        addressed_to=_office("Huyện Hóc Môn"),
        requester=_p("Trịnh Văn Hiếu", f"12/3 Ấp Tân Hòa, Xã Tân Hiệp, Huyện Hóc Môn, {HCMC}", id_number="025111222"),
        debtor=_p("Mạc Thị Sen", f"4 Ấp Mỹ Hòa 3, Xã Tân Xuân, Huyện Hóc Môn, {HCMC}"),
        judgment=_j("03/2015/DS-ST", "2015-08-20", _court("Huyện Hóc Môn"), "district", "DS", "ST"),
        amounts=_vnd(25_000_000), petition_date="2016-01-15", petition_place="Hóc Môn", signed_by="Trịnh Văn Hiếu",
    )
    return Novel("dash_date_place", _text("dash_date_place", text), f)


def labour_case() -> Novel:
    """A labour judgment (LĐ) with "Bên yêu cầu" and "Bên phải thi hành" labels, several amounts."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 9
Bên yêu cầu thi hành án: Ông Kha Minh Nhật
Địa chỉ: 20 Lê Văn Việt, P. Hiệp Phú, Q.9, TP.HCM
Bên phải thi hành án: Công ty TNHH Điện tử Sông Xanh
Địa chỉ: Lô I-3, Khu Công nghệ cao, P. Tân Phú, Q.9, TP.HCM
Bản án lao động sơ thẩm số 04/2018/LĐ-ST ngày 25/5/2018 của Tòa án nhân dân Quận 9.
Nội dung yêu cầu: buộc Công ty TNHH Điện tử Sông Xanh trả tổng cộng 96.000.000 đồng, gồm tiền lương 60.000.000 đồng và trợ cấp thôi việc 36.000.000 đồng.
Quận 9, ngày 16 tháng 7 năm 2018
Người yêu cầu
Kha Minh Nhật
"""
    f = Fields(
        addressed_to=_office("Quận 9"),
        requester=_p("Kha Minh Nhật", f"20 Lê Văn Việt, Phường Hiệp Phú, Quận 9, {HCMC}"),
        debtor=_p("Công ty TNHH Điện tử Sông Xanh", f"Lô I-3, Khu Công nghệ cao, Phường Tân Phú, Quận 9, {HCMC}",
                  kind="organization"),
        judgment=_j("04/2018/LĐ-ST", "2018-05-25", _court("Quận 9"), "district", "LĐ", "ST"),
        amounts=_vnd(96_000_000, 60_000_000, 36_000_000), petition_date="2018-07-16", petition_place="Quận 9",
        signed_by="Kha Minh Nhật",
    )
    return Novel("labour_case", _text("labour_case", text), f)


def signer_with_title() -> Novel:
    """The signer written with a title under "(Ký, ghi rõ họ tên)"; judgment labels on lines of their own."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 2
Người yêu cầu thi hành án: Ông Diệp Bảo Long
Địa chỉ: Số nhà 12, đường Trần Não, P. Bình An, Q.2, TP.HCM
ĐTDĐ: 0901 234 567
Người phải thi hành án: Ông Giang Văn Tú
Địa chỉ: 5 Lương Định Của, P. An Phú, Q.2, TP.HCM
Số bản án: 66/2019/DS-ST
Ngày tuyên án: 14/6/2019
Tòa án: TAND Quận 2
Nội dung yêu cầu: buộc ông Giang Văn Tú trả 150 triệu đồng.
TP. Hồ Chí Minh, ngày 09 tháng 9 năm 2019
NGƯỜI LÀM ĐƠN
(Ký, ghi rõ họ tên)
Ông Diệp Bảo Long
"""
    f = Fields(
        addressed_to=_office("Quận 2"),
        requester=_p("Diệp Bảo Long", f"Số nhà 12, đường Trần Não, Phường Bình An, Quận 2, {HCMC}", phone="0901234567"),
        debtor=_p("Giang Văn Tú", f"5 Lương Định Của, Phường An Phú, Quận 2, {HCMC}"),
        judgment=_j("66/2019/DS-ST", "2019-06-14", _court("Quận 2"), "district", "DS", "ST"),
        amounts=_vnd(150_000_000), petition_date="2019-09-09", petition_place="TP. Hồ Chí Minh",
        signed_by="Diệp Bảo Long",
    )
    return Novel("signer_with_title", _text("signer_with_title", text), f)


def lawyer_prose_authorised() -> Novel:
    """A lawyer's email: "được ông … ủy quyền" names the creditor in prose."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 3
Tôi là Luật sư Tạ Quang Minh, Công ty Luật TNHH Minh Pháp, địa chỉ 10 Võ Văn Tần, Phường 6, Quận 3, TP.HCM, điện thoại 0283 930 1122.
Tôi được ông Kim Văn Hòa ủy quyền theo Giấy ủy quyền ngày 02/3/2020, ông Hòa cư trú tại 7 Tú Xương, Phường 7, Quận 3, TP.HCM.
Tôi yêu cầu thi hành Bản án số 12/2020/DS-ST ngày 10/01/2020 của Tòa án nhân dân Quận 3.
Người phải thi hành án: Bà Lò Thị Dung, địa chỉ: 40 Kỳ Đồng, Phường 9, Quận 3, TP.HCM.
Nội dung yêu cầu: buộc bà Lò Thị Dung trả cho ông Kim Văn Hòa 1,5 tỷ đồng.
TP. Hồ Chí Minh, ngày 16 tháng 3 năm 2020
Luật sư Tạ Quang Minh
"""
    f = Fields(
        addressed_to=_office("Quận 3"),
        requester=_p("Tạ Quang Minh", f"10 Võ Văn Tần, Phường 6, Quận 3, {HCMC}", phone="02839301122"),
        creditor=_p("Kim Văn Hòa", f"7 Tú Xương, Phường 7, Quận 3, {HCMC}"),
        debtor=_p("Lò Thị Dung", f"40 Kỳ Đồng, Phường 9, Quận 3, {HCMC}"),
        judgment=_j("12/2020/DS-ST", "2020-01-10", _court("Quận 3"), "district", "DS", "ST"),
        amounts=_vnd(1_500_000_000), petition_date="2020-03-16", petition_place="TP. Hồ Chí Minh",
        signed_by="Tạ Quang Minh",
    )
    return Novel("lawyer_prose_authorised", _text("lawyer_prose_authorised", text), f)


def court_before_date() -> Novel:
    """"Bản án số … do Tòa án … xét xử ngày …"; "Tôi, Nguyễn …, sinh năm …"; a spaced number."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự huyện Nhà Bè
Tôi, Huỳnh Văn Mười, sinh năm 1968, CCCD: 079068001357, địa chỉ: Khu phố 3, Thị trấn Nhà Bè, H. Nhà Bè, TP.HCM.
Nay tôi yêu cầu thi hành Bản án số 08 / 2018 / DS - ST do Tòa án nhân dân huyện Nhà Bè xét xử ngày 27/3/2018.
Người phải thi hành án: Ông Lê Văn Chín, địa chỉ: Ấp 1, xã Phước Kiển, huyện Nhà Bè, TP.HCM.
Nội dung yêu cầu: buộc ông Lê Văn Chín trả 36.500.000 VNĐ.
Nhà Bè, ngày 04 tháng 5 năm 2018
Huỳnh Văn Mười
"""
    f = Fields(
        addressed_to=_office("Huyện Nhà Bè"),
        requester=_p("Huỳnh Văn Mười", f"Khu phố 3, Thị trấn Nhà Bè, Huyện Nhà Bè, {HCMC}", id_number="079068001357"),
        debtor=_p("Lê Văn Chín", f"Ấp 1, Xã Phước Kiển, Huyện Nhà Bè, {HCMC}"),
        judgment=_j("08/2018/DS-ST", "2018-03-27", _court("Huyện Nhà Bè"), "district", "DS", "ST"),
        amounts=_vnd(36_500_000), petition_date="2018-05-04", petition_place="Nhà Bè", signed_by="Huỳnh Văn Mười",
    )
    return Novel("court_before_date", _text("court_before_date", text), f)


def appeal_upholds() -> Novel:
    """"… phúc thẩm số … giữ nguyên Bản án sơ thẩm số …" in one sentence (R2)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 10
Người yêu cầu thi hành án: Bà Tôn Nữ Thu Cúc
Địa chỉ: 15 Thành Thái, Phường 14, Quận 10, TP.HCM
Người phải thi hành án: Ông Ông Văn Lực
Địa chỉ: 2 Tô Hiến Thành, Phường 13, Quận 10, TP.HCM
Yêu cầu thi hành Bản án phúc thẩm số 455/2019/DS-PT ngày 19/4/2019 của TAND TP.HCM giữ nguyên Bản án sơ thẩm số 120/2018/DS-ST ngày 26/10/2018 của TAND Quận 10.
Nội dung yêu cầu: buộc ông Ông Văn Lực trả 77.000.000 đồng.
TP. Hồ Chí Minh, ngày 22 tháng 5 năm 2019
Người yêu cầu
Tôn Nữ Thu Cúc
"""
    f = Fields(
        addressed_to=_office("Quận 10"),
        requester=_p("Tôn Nữ Thu Cúc", f"15 Thành Thái, Phường 14, Quận 10, {HCMC}"),
        debtor=_p("Ông Văn Lực", f"2 Tô Hiến Thành, Phường 13, Quận 10, {HCMC}"),
        judgment=_j("455/2019/DS-PT", "2019-04-19", _court(HCMC), "city", "DS", "PT",
                    first=Ref(number="120/2018/DS-ST", date="2018-10-26", court=_court("Quận 10"))),
        amounts=_vnd(77_000_000), petition_date="2019-05-22", petition_place="TP. Hồ Chí Minh",
        signed_by="Tôn Nữ Thu Cúc",
    )
    return Novel("appeal_upholds", _text("appeal_upholds", text), f)


def org_debtor_inline_tax() -> Novel:
    """The debtor company with "(MST: …)" on its line; "Người đại diện: Ông X – Chức vụ: Giám đốc"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Tân Phú
Người yêu cầu thi hành án: Công ty TNHH Thực phẩm Sài Gòn Xanh
Mã số thuế: 0311122233
Địa chỉ: 300 Âu Cơ, Phường Phú Trung, Quận Tân Phú, TP.HCM
Người đại diện: Ông Cù Minh Hải – Chức vụ: Giám đốc
Người phải thi hành án: Công ty TNHH Thương mại Hòa Phát Lộc (MST: 0314455667), địa chỉ: 21 Tây Thạnh, Phường Tây Thạnh, Quận Tân Phú, TP.HCM.
Bản án số 25/2020/KDTM-ST ngày 11/8/2020 của Tòa án nhân dân quận Tân Phú.
Nội dung yêu cầu: buộc Công ty TNHH Thương mại Hòa Phát Lộc trả 820.000.000 đ.
TP. Hồ Chí Minh, ngày 02 tháng 11 năm 2020
GIÁM ĐỐC
Cù Minh Hải
"""
    f = Fields(
        addressed_to=_office("Quận Tân Phú"),
        requester=_p("Công ty TNHH Thực phẩm Sài Gòn Xanh", f"300 Âu Cơ, Phường Phú Trung, Quận Tân Phú, {HCMC}",
                     kind="organization", tax_code="0311122233", representative="Cù Minh Hải"),
        debtor=_p("Công ty TNHH Thương mại Hòa Phát Lộc", f"21 Tây Thạnh, Phường Tây Thạnh, Quận Tân Phú, {HCMC}",
                  kind="organization", tax_code="0314455667"),
        judgment=_j("25/2020/KDTM-ST", "2020-08-11", _court("Quận Tân Phú"), "district", "KDTM", "ST"),
        amounts=_vnd(820_000_000), petition_date="2020-11-02", petition_place="TP. Hồ Chí Minh",
        signed_by="Cù Minh Hải",
    )
    return Novel("org_debtor_inline_tax", _text("org_debtor_inline_tax", text), f)


def debtor_abroad() -> Novel:
    """The debtor lives abroad (R6 foreign element); a creditor-only heading written without diacritics in capitals."""
    text = """
KINH GUI: CHI CUC THI HANH AN DAN SU QUAN PHU NHUAN
NGUOI DUOC THI HANH AN: Tran Minh Chau
Dia chi: 14 Phan Dang Luu, Phuong 5, Quan Phu Nhuan, TP.HCM
NGUOI PHAI THI HANH AN: Le Van Hung
Dia chi: 25 Gangnam-daero, Seoul, Han Quoc
Ban an so 31/2021/DS-ST ngay 08/7/2021 cua Toa an nhan dan quan Phu Nhuan.
Noi dung yeu cau: buoc ong Le Van Hung tra 500.000.000 dong.
TP.HCM, ngay 15 thang 9 nam 2021
Nguoi yeu cau
Tran Minh Chau
"""
    f = Fields(
        addressed_to=_office("Quận Phú Nhuận"),
        requester=_p("Trần Minh Châu", f"14 Phan Đăng Lưu, Phường 5, Quận Phú Nhuận, {HCMC}"),
        debtor=_p("Lê Văn Hùng", "25 Gangnam-daero, Seoul, Hàn Quốc"),
        judgment=_j("31/2021/DS-ST", "2021-07-08", _court("Quận Phú Nhuận"), "district", "DS", "ST"),
        amounts=_vnd(500_000_000), petition_date="2021-09-15", petition_place="TP.HCM", signed_by="Trần Minh Châu",
        foreign_element=ForeignElement(kind="party_abroad", detail="Người phải thi hành án cư trú tại Hàn Quốc"),
    )
    return Novel("debtor_abroad", _text("debtor_abroad", text), f, folded=True)


def usd_before_number() -> Novel:
    """"USD 12,500" before the figure; the requester's "Email/Zalo" line; "Mobile"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 7
Người yêu cầu thi hành án: Bà Ôn Thị Lệ
Địa chỉ: 1 Nguyễn Lương Bằng, P. Tân Phú, Q.7, TP.HCM
Mobile: 0939 000 111
Email: le.on@yahoo.com
Người phải thi hành án: Ông Phó Đức Anh
Địa chỉ: 77 Lê Văn Lương, P. Tân Kiểng, Q.7, TP.HCM
Bản án số 58/2022/DS-ST ngày 02/02/2022 của Tòa án nhân dân Quận 7.
Nội dung yêu cầu: buộc ông Phó Đức Anh trả USD 12,500 tiền vay.
TP. Hồ Chí Minh, ngày 05 tháng 4 năm 2022
Người yêu cầu
Ôn Thị Lệ
"""
    f = Fields(
        addressed_to=_office("Quận 7"),
        requester=_p("Ôn Thị Lệ", f"1 Nguyễn Lương Bằng, Phường Tân Phú, Quận 7, {HCMC}", phone="0939000111",
                     email="le.on@yahoo.com"),
        debtor=_p("Phó Đức Anh", f"77 Lê Văn Lương, Phường Tân Kiểng, Quận 7, {HCMC}"),
        judgment=_j("58/2022/DS-ST", "2022-02-02", _court("Quận 7"), "district", "DS", "ST"),
        amounts=[Amount(value=12_500, currency="USD")], petition_date="2022-04-05", petition_place="TP. Hồ Chí Minh",
        signed_by="Ôn Thị Lệ",
    )
    return Novel("usd_before_number", _text("usd_before_number", text), f)


def words_amount_with_label() -> Novel:
    """Amounts "(bằng chữ: …)" after figures, a date "Thành phố Hồ Chí Minh, ngày 5-3-2018"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 12
Người yêu cầu thi hành án: Ông Mẫn Văn Tiến
Địa chỉ: 9 Hà Huy Giáp, P. Thạnh Lộc, Q.12, TP.HCM
Người phải thi hành án: Ông Thạch Văn Lộc
Địa chỉ: 4 Lê Văn Khương, P. Thới An, Q.12, TP.HCM
Bản án số 02/2017/DS-ST ngày 06/01/2017 của Tòa án nhân dân Quận 12.
Nội dung yêu cầu: buộc ông Thạch Văn Lộc trả 210.500.000 đồng (bằng chữ: hai trăm mười triệu năm trăm nghìn đồng) và lãi chậm trả.
Thành phố Hồ Chí Minh, ngày 5-3-2018
Người yêu cầu
Mẫn Văn Tiến
"""
    f = Fields(
        addressed_to=_office("Quận 12"),
        requester=_p("Mẫn Văn Tiến", f"9 Hà Huy Giáp, Phường Thạnh Lộc, Quận 12, {HCMC}"),
        debtor=_p("Thạch Văn Lộc", f"4 Lê Văn Khương, Phường Thới An, Quận 12, {HCMC}"),
        judgment=_j("02/2017/DS-ST", "2017-01-06", _court("Quận 12"), "district", "DS", "ST"),
        amounts=_vnd(210_500_000), petition_date="2018-03-05", petition_place="Thành phố Hồ Chí Minh",
        signed_by="Mẫn Văn Tiến",
    )
    return Novel("words_amount_with_label", _text("words_amount_with_label", text), f)


def debtor_only_in_request() -> Novel:
    """An email naming the debtor only in the request ("buộc ông X (địa chỉ: …) trả …"), Article 31 still met."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 8
Tôi tên là Tiêu Thị Ngân, CCCD 079184002468, địa chỉ: 50 Dương Bá Trạc, Phường 1, Quận 8, TP.HCM.
Nay tôi làm đơn yêu cầu thi hành Bản án số 71/2019/DS-ST ngày 15/10/2019 của Tòa án nhân dân Quận 8, buộc ông Vương Văn Định (địa chỉ: 3 Âu Dương Lân, Phường 3, Quận 8, TP.HCM) trả cho tôi 64.000.000 đồng.
TP. Hồ Chí Minh, ngày 06 tháng 01 năm 2020
Tiêu Thị Ngân
"""
    f = Fields(
        addressed_to=_office("Quận 8"),
        requester=_p("Tiêu Thị Ngân", f"50 Dương Bá Trạc, Phường 1, Quận 8, {HCMC}", id_number="079184002468"),
        debtor=_p("Vương Văn Định", f"3 Âu Dương Lân, Phường 3, Quận 8, {HCMC}"),
        judgment=_j("71/2019/DS-ST", "2019-10-15", _court("Quận 8"), "district", "DS", "ST"),
        amounts=_vnd(64_000_000), petition_date="2020-01-06", petition_place="TP. Hồ Chí Minh",
        signed_by="Tiêu Thị Ngân",
    )
    return Novel("debtor_only_in_request", _text("debtor_only_in_request", text), f)


def date_label_line() -> Novel:
    """"Nơi làm đơn:" and "Ngày làm đơn:" labels instead of the place-date line; "Ông/Bà:" name label."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 11
NGƯỜI YÊU CẦU THI HÀNH ÁN
Ông/Bà: Quang Thị Mỹ
Địa chỉ: 9 Lữ Gia, Phường 15, Quận 11, TP.HCM
NGƯỜI PHẢI THI HÀNH ÁN
Ông/Bà: Lục Văn Bình
Địa chỉ: 30 Minh Phụng, Phường 6, Quận 11, TP.HCM
Bản án số 15/2021/DS-ST ngày 21/5/2021 của Tòa án nhân dân Quận 11.
Nội dung yêu cầu: buộc ông Lục Văn Bình trả 150.000.000đ.
Nơi làm đơn: TP.HCM
Ngày làm đơn: 05/08/2021
Người yêu cầu
Quang Thị Mỹ
"""
    f = Fields(
        addressed_to=_office("Quận 11"),
        requester=_p("Quang Thị Mỹ", f"9 Lữ Gia, Phường 15, Quận 11, {HCMC}"),
        debtor=_p("Lục Văn Bình", f"30 Minh Phụng, Phường 6, Quận 11, {HCMC}"),
        judgment=_j("15/2021/DS-ST", "2021-05-21", _court("Quận 11"), "district", "DS", "ST"),
        amounts=_vnd(150_000_000), petition_date="2021-08-05", petition_place="TP.HCM", signed_by="Quang Thị Mỹ",
    )
    return Novel("date_label_line", _text("date_label_line", text), f)


def glued_number_caps_signer() -> Novel:
    """A number written "DSST", a signer in capitals under "(Ký và ghi rõ họ tên)", "150,000,000 VND"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Bình Tân
Người yêu cầu thi hành án: Ông Thân Văn Quý
Địa chỉ: 11 Tên Lửa, P. Bình Trị Đông B, Q. Bình Tân, TP.HCM
Người phải thi hành án: Bà Ưng Thị Hoài
Địa chỉ: 60 Mã Lò, P. Bình Trị Đông A, Q. Bình Tân, TP.HCM
Bản án số 222/2020/DSST ngày 30/12/2020 của Tòa án nhân dân quận Bình Tân.
Nội dung yêu cầu: buộc bà Ưng Thị Hoài trả 150,000,000 VND.
TP. Hồ Chí Minh, ngày 10 tháng 3 năm 2021
NGƯỜI YÊU CẦU THI HÀNH ÁN
(Ký và ghi rõ họ tên)
THÂN VĂN QUÝ
"""
    f = Fields(
        addressed_to=_office("Quận Bình Tân"),
        requester=_p("Thân Văn Quý", f"11 Tên Lửa, Phường Bình Trị Đông B, Quận Bình Tân, {HCMC}"),
        debtor=_p("Ưng Thị Hoài", f"60 Mã Lò, Phường Bình Trị Đông A, Quận Bình Tân, {HCMC}"),
        judgment=_j("222/2020/DS-ST", "2020-12-30", _court("Quận Bình Tân"), "district", "DS", "ST"),
        amounts=_vnd(150_000_000), petition_date="2021-03-10", petition_place="TP. Hồ Chí Minh",
        signed_by="Thân Văn Quý",
    )
    return Novel("glued_number_caps_signer", _text("glued_number_caps_signer", text), f)


def email_signature_phone() -> Novel:
    """An email closing "Trân trọng," with the name and a phone in the signature only (not a petition phone)."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 4
Người yêu cầu thi hành án: Bà Doãn Thị Hương, địa chỉ: 8 Đoàn Văn Bơ, Phường 9, Quận 4, TP.HCM.
Người phải thi hành án: Ông Triệu Văn Sang, địa chỉ: 15 Tôn Thất Thuyết, Phường 16, Quận 4, TP.HCM.
Tôi yêu cầu thi hành Bản án số 09/2022/DS-ST ngày 18/02/2022 của Tòa án nhân dân Quận 4, buộc ông Sang trả cho tôi 48.000.000 đồng.
TP. Hồ Chí Minh, ngày 01 tháng 4 năm 2022
Trân trọng,
Doãn Thị Hương
"""
    f = Fields(
        addressed_to=_office("Quận 4"),
        requester=_p("Doãn Thị Hương", f"8 Đoàn Văn Bơ, Phường 9, Quận 4, {HCMC}"),
        debtor=_p("Triệu Văn Sang", f"15 Tôn Thất Thuyết, Phường 16, Quận 4, {HCMC}"),
        judgment=_j("09/2022/DS-ST", "2022-02-18", _court("Quận 4"), "district", "DS", "ST"),
        amounts=_vnd(48_000_000), petition_date="2022-04-01", petition_place="TP. Hồ Chí Minh",
        signed_by="Doãn Thị Hương",
    )
    return Novel("email_signature_phone", _text("email_signature_phone", text), f)


def caps_org_passport() -> Novel:
    """An organisation name in capitals; a foreign requester with "Hộ chiếu số" and "Quốc tịch" (R6)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự TP. Hồ Chí Minh
Người yêu cầu thi hành án: Ông KIM JONG SU
Quốc tịch: Hàn Quốc
Hộ chiếu số: M12345678
Địa chỉ: 22 Nguyễn Văn Hưởng, P. Thảo Điền, Q.2, TP.HCM
Người phải thi hành án: CÔNG TY TNHH DU LỊCH BIỂN XANH
Địa chỉ: 44 Lê Thánh Tôn, P. Bến Nghé, Q.1, TP.HCM
Bản án số 90/2021/DS-ST ngày 12/11/2021 của Tòa án nhân dân Quận 1.
Nội dung yêu cầu: buộc Công ty trả 260.000.000 đồng.
TP. Hồ Chí Minh, ngày 10 tháng 01 năm 2022
Người yêu cầu
Kim Jong Su
"""
    f = Fields(
        addressed_to="Cục Thi hành án dân sự Thành phố Hồ Chí Minh",
        requester=_p("Kim Jong Su", f"22 Nguyễn Văn Hưởng, Phường Thảo Điền, Quận 2, {HCMC}", id_number="M12345678",
                     nationality="Hàn Quốc"),
        debtor=_p("Công ty TNHH Du lịch Biển Xanh", f"44 Lê Thánh Tôn, Phường Bến Nghé, Quận 1, {HCMC}",
                  kind="organization"),
        judgment=_j("90/2021/DS-ST", "2021-11-12", _court("Quận 1"), "district", "DS", "ST"),
        amounts=_vnd(260_000_000), petition_date="2022-01-10", petition_place="TP. Hồ Chí Minh",
        signed_by="Kim Jong Su",
        foreign_element=ForeignElement(kind="foreign_national", detail="Người được thi hành án có quốc tịch Hàn Quốc"),
    )
    # an organisation typed in capitals: the samples README fixes no case for its words beyond
    # the form words (TNHH…), so only the folded, case-insensitive name is compared
    return Novel("caps_org_passport", _text("caps_org_passport", text), f, skip={"debtor.name"})


def hard_wrapped_email() -> Novel:
    """An email body hard-wrapped at about 70 columns (no format=flowed): sentences broken mid-citation."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 6
Tôi tên là Hà Văn Thắng, CCCD số 079079005511, địa chỉ: 120 Bình Phú,
Phường 11, Quận 6, TP.HCM, điện thoại 0904 111 999.
Tôi làm đơn này yêu cầu Quý Chi cục thi hành Bản án số 33/2019/DS-ST
ngày 08/8/2019 của Tòa án nhân dân Quận 6 về việc tranh chấp hợp đồng
mua bán tài sản.
Người phải thi hành án: Ông Lê Hữu Phước, địa chỉ: 70 Văn Thân,
Phường 8, Quận 6, TP.HCM.
Nội dung yêu cầu: buộc ông Lê Hữu Phước trả cho tôi 115.000.000 đồng
(một trăm mười lăm triệu đồng).
TP. Hồ Chí Minh, ngày 20 tháng 11 năm 2019
Hà Văn Thắng
"""
    f = Fields(
        addressed_to=_office("Quận 6"),
        requester=_p("Hà Văn Thắng", f"120 Bình Phú, Phường 11, Quận 6, {HCMC}", id_number="079079005511",
                     phone="0904111999"),
        debtor=_p("Lê Hữu Phước", f"70 Văn Thân, Phường 8, Quận 6, {HCMC}"),
        judgment=_j("33/2019/DS-ST", "2019-08-08", _court("Quận 6"), "district", "DS", "ST",
                    "tranh chấp hợp đồng mua bán tài sản"),
        amounts=_vnd(115_000_000), petition_date="2019-11-20", petition_place="TP. Hồ Chí Minh",
        signed_by="Hà Văn Thắng",
    )
    return Novel("hard_wrapped_email", _text("hard_wrapped_email", text), f)


def words_in_parens_tuyen_ngay() -> Novel:
    """"… tuyên ngày …" in the citation; the amount repeated in words in parentheses without "bằng chữ"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự quận Gò Vấp
Người yêu cầu thi hành án: Bà Khúc Thị Thơm
Địa chỉ: 19 Phạm Văn Chiêu, Phường 14, Quận Gò Vấp, TP.HCM
Người phải thi hành án: Ông Trình Văn Đông
Địa chỉ: 101 Thống Nhất, Phường 11, Quận Gò Vấp, TP.HCM
Bản án số 48/2020/DS-ST tuyên ngày 12 tháng 5 năm 2020 của Tòa án nhân dân quận Gò Vấp.
Nội dung yêu cầu: buộc ông Trình Văn Đông trả 150.000.000 đồng (Một trăm năm mươi triệu đồng chẵn).
TP. Hồ Chí Minh, ngày 07 tháng 7 năm 2020
Người yêu cầu
Khúc Thị Thơm
"""
    f = Fields(
        addressed_to=_office("Quận Gò Vấp"),
        requester=_p("Khúc Thị Thơm", f"19 Phạm Văn Chiêu, Phường 14, Quận Gò Vấp, {HCMC}"),
        debtor=_p("Trình Văn Đông", f"101 Thống Nhất, Phường 11, Quận Gò Vấp, {HCMC}"),
        judgment=_j("48/2020/DS-ST", "2020-05-12", _court("Quận Gò Vấp"), "district", "DS", "ST"),
        amounts=_vnd(150_000_000), petition_date="2020-07-07", petition_place="TP. Hồ Chí Minh",
        signed_by="Khúc Thị Thơm",
    )
    return Novel("words_in_parens_tuyen_ngay", _text("words_in_parens_tuyen_ngay", text), f)


def debtor_company_prose() -> Novel:
    """"Người phải thi hành án là Công ty …, có trụ sở tại …, do ông … làm Giám đốc."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 9
Tôi là Mạch Văn Toàn, địa chỉ: 5 Đỗ Xuân Hợp, Phường Phước Long B, Quận 9, TP.HCM.
Người phải thi hành án là Công ty TNHH Cơ khí Đông Tăng Long, có trụ sở tại 88 Lã Xuân Oai, Phường Tăng Nhơn Phú A, Quận 9, TP.HCM, do ông Âu Dương Khánh làm Giám đốc.
Tôi yêu cầu thi hành Bản án số 13/2019/LĐ-ST ngày 26/4/2019 của Tòa án nhân dân Quận 9.
Nội dung yêu cầu: buộc Công ty trả 42.000.000 đồng tiền lương.
Quận 9, ngày 01 tháng 7 năm 2019
Mạch Văn Toàn
"""
    f = Fields(
        addressed_to=_office("Quận 9"),
        requester=_p("Mạch Văn Toàn", f"5 Đỗ Xuân Hợp, Phường Phước Long B, Quận 9, {HCMC}"),
        debtor=_p("Công ty TNHH Cơ khí Đông Tăng Long", f"88 Lã Xuân Oai, Phường Tăng Nhơn Phú A, Quận 9, {HCMC}",
                  kind="organization", representative="Âu Dương Khánh"),
        judgment=_j("13/2019/LĐ-ST", "2019-04-26", _court("Quận 9"), "district", "LĐ", "ST"),
        amounts=_vnd(42_000_000), petition_date="2019-07-01", petition_place="Quận 9", signed_by="Mạch Văn Toàn",
    )
    return Novel("debtor_company_prose", _text("debtor_company_prose", text), f)


def thu_duc_city_court() -> Novel:
    """A judgment of "TAND TP. Thủ Đức" (the 2021 city-level unit within HCMC) and its Chi cục."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự thành phố Thủ Đức
Người yêu cầu thi hành án: Ông Hầu Văn Lễ
Địa chỉ: 15 Võ Văn Ngân, Phường Linh Chiểu, Thành phố Thủ Đức, TP.HCM
Người phải thi hành án: Ông Viên Đức Tài
Địa chỉ: 2 Kha Vạn Cân, Phường Hiệp Bình Chánh, Thành phố Thủ Đức, TP.HCM
Bản án số 140/2022/DS-ST ngày 16/6/2022 của TAND TP. Thủ Đức.
Nội dung yêu cầu: buộc ông Viên Đức Tài trả 99.000.000 đồng.
TP. Thủ Đức, ngày 19 tháng 8 năm 2022
Người yêu cầu
Hầu Văn Lễ
"""
    f = Fields(
        addressed_to="Chi cục Thi hành án dân sự Thành phố Thủ Đức",
        requester=_p("Hầu Văn Lễ", f"15 Võ Văn Ngân, Phường Linh Chiểu, Thành phố Thủ Đức, {HCMC}"),
        debtor=_p("Viên Đức Tài", f"2 Kha Vạn Cân, Phường Hiệp Bình Chánh, Thành phố Thủ Đức, {HCMC}"),
        judgment=_j("140/2022/DS-ST", "2022-06-16", "Tòa án nhân dân Thành phố Thủ Đức", "district", "DS", "ST"),
        amounts=_vnd(99_000_000), petition_date="2022-08-19", petition_place="TP. Thủ Đức", signed_by="Hầu Văn Lễ",
    )
    return Novel("thu_duc_city_court", _text("thu_duc_city_court", text), f)


def pdf_text_wraps() -> Novel:
    """Text as a PDF text layer gives it: lines wrapped by the layout, also right after a hyphen ("KDTM-" / "ST")."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 5
Người yêu cầu thi hành án: Công ty TNHH Thương mại Dịch vụ Chợ Lớn Phát
Mã số thuế: 0304455668
Địa chỉ: 210 Hồng Bàng, Phường 12, Quận 5, TP. Hồ Chí
Minh
Người phải thi hành án: Ông Lâm Chí Cường
Địa chỉ: 33 Nguyễn Tri Phương, Phường 8, Quận 5, TP.HCM
Yêu cầu thi hành Bản án kinh doanh thương mại sơ thẩm số 21/2018/KDTM-
ST ngày 14/9/2018 của Tòa án nhân dân Quận 5 về việc tranh chấp hợp đồng
mua bán hàng hóa.
Nội dung yêu cầu: buộc ông Lâm Chí Cường thanh toán 5 tỷ 200 triệu đồng.
TP HCM, ngày 05/3/2019
Giám đốc
Tiêu Quốc Hùng
"""
    f = Fields(
        addressed_to=_office("Quận 5"),
        requester=_p("Công ty TNHH Thương mại Dịch vụ Chợ Lớn Phát", f"210 Hồng Bàng, Phường 12, Quận 5, {HCMC}",
                     kind="organization", tax_code="0304455668"),
        debtor=_p("Lâm Chí Cường", f"33 Nguyễn Tri Phương, Phường 8, Quận 5, {HCMC}"),
        judgment=_j("21/2018/KDTM-ST", "2018-09-14", _court("Quận 5"), "district", "KDTM", "ST",
                    "tranh chấp hợp đồng mua bán hàng hóa"),
        amounts=_vnd(5_200_000_000), petition_date="2019-03-05", petition_place="TP HCM", signed_by="Tiêu Quốc Hùng",
    )
    return Novel("pdf_text_wraps", _text("pdf_text_wraps", text, DocFormat.PDF_TEXT), f)


def office_without_dan_su() -> Novel:
    """"Kính gửi: Chi cục Thi hành án Quận 5" (without "dân sự"); the party lines "Sinh năm", "Nghề nghiệp" between name and address."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án Quận 5
Người yêu cầu thi hành án: Bà Sầm Thị Xuân
Sinh năm: 1970
Nghề nghiệp: buôn bán
Địa chỉ: 14 Châu Văn Liêm, Phường 14, Quận 5, TP.HCM
Người phải thi hành án: Ông Mã Văn Kiệt
Sinh năm: 1965
Địa chỉ: 8 Lão Tử, Phường 11, Quận 5, TP.HCM
Bản án số 11/2021/DS-ST ngày 23/3/2021 của Tòa án nhân dân Quận 5.
Nội dung yêu cầu: buộc ông Mã Văn Kiệt trả 31.000.000 đồng.
TP. Hồ Chí Minh, ngày 14 tháng 6 năm 2021
Người yêu cầu
Sầm Thị Xuân
"""
    f = Fields(
        addressed_to=_office("Quận 5"),
        requester=_p("Sầm Thị Xuân", f"14 Châu Văn Liêm, Phường 14, Quận 5, {HCMC}"),
        debtor=_p("Mã Văn Kiệt", f"8 Lão Tử, Phường 11, Quận 5, {HCMC}"),
        judgment=_j("11/2021/DS-ST", "2021-03-23", _court("Quận 5"), "district", "DS", "ST"),
        amounts=_vnd(31_000_000), petition_date="2021-06-14", petition_place="TP. Hồ Chí Minh",
        signed_by="Sầm Thị Xuân",
    )
    return Novel("office_without_dan_su", _text("office_without_dan_su", text), f)


def called_party_a() -> Novel:
    """"(sau đây gọi là Bên A)" after the section labels; officer asked for "là bà …"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự TP. Hồ Chí Minh
Người yêu cầu thi hành án (sau đây gọi là Bên A): Ngân hàng TMCP Sài Gòn Thương Tín
Mã số thuế: 0301103908
Địa chỉ: 266-268 Nam Kỳ Khởi Nghĩa, Phường 8, Quận 3, TP.HCM
Người phải thi hành án (sau đây gọi là Bên B): Công ty Cổ phần Địa ốc Hoàng Quân Phát
Địa chỉ: 5 Phan Xích Long, Phường 7, Quận Phú Nhuận, TP.HCM
Bản án số 1020/2019/KDTM-ST ngày 30/7/2019 của Tòa án nhân dân TP. Hồ Chí Minh về việc tranh chấp hợp đồng tín dụng.
Nội dung yêu cầu: buộc Bên B trả cho Bên A 12.000.000.000 đồng.
Đề nghị Quý Cục phân công Chấp hành viên là bà Trần Thị Mỹ Dung tổ chức thi hành.
TP. Hồ Chí Minh, ngày 05 tháng 11 năm 2019
TM. NGÂN HÀNG
Lý Thành Công
"""
    f = Fields(
        addressed_to="Cục Thi hành án dân sự Thành phố Hồ Chí Minh",
        requester=_p("Ngân hàng TMCP Sài Gòn Thương Tín", f"266-268 Nam Kỳ Khởi Nghĩa, Phường 8, Quận 3, {HCMC}",
                     kind="organization", tax_code="0301103908"),
        debtor=_p("Công ty Cổ phần Địa ốc Hoàng Quân Phát", f"5 Phan Xích Long, Phường 7, Quận Phú Nhuận, {HCMC}",
                  kind="organization"),
        judgment=_j("1020/2019/KDTM-ST", "2019-07-30", _court(HCMC), "city", "KDTM", "ST",
                    "tranh chấp hợp đồng tín dụng"),
        amounts=_vnd(12_000_000_000), preferred_officer="Trần Thị Mỹ Dung", petition_date="2019-11-05",
        petition_place="TP. Hồ Chí Minh", signed_by="Lý Thành Công",
    )
    return Novel("called_party_a", _text("called_party_a", text), f)


# --------------------------------------------------------------------------- DOCX tables


def docx_table_basic() -> Novel:
    """A label | value table with section rows; "Số định danh cá nhân", "Nơi ở hiện nay", "SĐT/Zalo"."""
    rows = [
        ("I. NGƯỜI YÊU CẦU THI HÀNH ÁN", ""),
        ("Họ và tên", "Đoàn Thị Thu Hà"),
        ("Số định danh cá nhân", "079186001122"),
        ("Nơi ở hiện nay", "71 Nguyễn Văn Cừ, P. Nguyễn Cư Trinh, Q.1, TP.HCM"),
        ("SĐT/Zalo", "0908 765 432"),
        ("II. NGƯỜI PHẢI THI HÀNH ÁN", ""),
        ("Họ và tên", "Lê Quang Huy"),
        ("Địa chỉ", "5 Calmette, P. Nguyễn Thái Bình, Q.1, TP.HCM"),
        ("III. BẢN ÁN, QUYẾT ĐỊNH YÊU CẦU THI HÀNH", ""),
        ("Số", "44/2019/DS-ST"),
        ("Ngày", "23/10/2019"),
        ("Tòa án", "TAND Quận 1"),
        ("Nội dung yêu cầu", "Buộc ông Lê Quang Huy trả 210.000.000 đồng."),
    ]
    doc = _docx_table("docx_table_basic", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                           "ĐƠN YÊU CẦU THI HÀNH ÁN",
                                           "Kính gửi: Chi cục Thi hành án dân sự Quận 1"], rows,
                      ["TP. Hồ Chí Minh, ngày 12 tháng 12 năm 2019", "Người yêu cầu", "(ký, ghi rõ họ tên)",
                       "Đoàn Thị Thu Hà"])
    f = Fields(
        addressed_to=_office("Quận 1"),
        requester=_p("Đoàn Thị Thu Hà", f"71 Nguyễn Văn Cừ, Phường Nguyễn Cư Trinh, Quận 1, {HCMC}",
                     id_number="079186001122", phone="0908765432"),
        debtor=_p("Lê Quang Huy", f"5 Calmette, Phường Nguyễn Thái Bình, Quận 1, {HCMC}"),
        judgment=_j("44/2019/DS-ST", "2019-10-23", _court("Quận 1"), "district", "DS", "ST"),
        amounts=_vnd(210_000_000), petition_date="2019-12-12", petition_place="TP. Hồ Chí Minh",
        signed_by="Đoàn Thị Thu Hà",
    )
    return Novel("docx_table_basic", doc, f)


def docx_table_org() -> Novel:
    """A company's table form: "Mã số DN", "Đại diện theo pháp luật" with the title after a comma, judgment first."""
    rows = [
        ("BẢN ÁN YÊU CẦU THI HÀNH", ""),
        ("Số bản án", "18/2018/KDTM-ST"),
        ("Ngày tuyên án", "07/9/2018"),
        ("Tòa án xét xử", "Tòa án nhân dân quận Tân Phú"),
        ("NGƯỜI YÊU CẦU THI HÀNH ÁN", ""),
        ("Tên tổ chức", "Công ty TNHH Bao Bì Việt Mỹ"),
        ("Mã số DN", "0305556667"),
        ("Trụ sở", "12 Tân Kỳ Tân Quý, P. Sơn Kỳ, Q. Tân Phú, TP.HCM"),
        ("Đại diện theo pháp luật", "Ông Tăng Quốc Bình, chức vụ Giám đốc"),
        ("NGƯỜI PHẢI THI HÀNH ÁN", ""),
        ("Tên tổ chức", "Công ty Cổ phần In Hoàng Gia"),
        ("Trụ sở", "80 Lũy Bán Bích, P. Tân Thới Hòa, Q. Tân Phú, TP.HCM"),
        ("Nội dung yêu cầu", "Buộc Công ty Cổ phần In Hoàng Gia thanh toán 540.000.000 đồng."),
    ]
    doc = _docx_table("docx_table_org", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                         "ĐƠN YÊU CẦU THI HÀNH ÁN",
                                         "Kính gửi: Chi cục THADS quận Tân Phú"], rows,
                      ["Tân Phú, ngày 01 tháng 11 năm 2018", "GIÁM ĐỐC", "(đã ký và đóng dấu)", "Tăng Quốc Bình"])
    f = Fields(
        addressed_to=_office("Quận Tân Phú"),
        requester=_p("Công ty TNHH Bao Bì Việt Mỹ", f"12 Tân Kỳ Tân Quý, Phường Sơn Kỳ, Quận Tân Phú, {HCMC}",
                     kind="organization", tax_code="0305556667", representative="Tăng Quốc Bình"),
        debtor=_p("Công ty Cổ phần In Hoàng Gia", f"80 Lũy Bán Bích, Phường Tân Thới Hòa, Quận Tân Phú, {HCMC}",
                  kind="organization"),
        judgment=_j("18/2018/KDTM-ST", "2018-09-07", _court("Quận Tân Phú"), "district", "KDTM", "ST"),
        amounts=_vnd(540_000_000), petition_date="2018-11-01", petition_place="Tân Phú", signed_by="Tăng Quốc Bình",
    )
    return Novel("docx_table_org", doc, f)


def docx_table_lawyer() -> Novel:
    """A lawyer's table: requester, then the creditor (client) rows, then the debtor; "HKTT", "Căn cước số"."""
    rows = [
        ("NGƯỜI YÊU CẦU THI HÀNH ÁN", ""),
        ("Họ và tên", "Luật sư Ninh Văn Khôi"),
        ("Địa chỉ", "3 Pasteur, P. Bến Nghé, Q.1, TP.HCM"),
        ("Điện thoại", "0283 822 1199"),
        ("NGƯỜI ĐƯỢC THI HÀNH ÁN", ""),
        ("Họ và tên", "Bà Cao Thị Nhàn"),
        ("Căn cước số", "079178003344"),
        ("HKTT", "11 Bùi Viện, P. Phạm Ngũ Lão, Q.1, TP.HCM"),
        ("NGƯỜI PHẢI THI HÀNH ÁN", ""),
        ("Họ và tên", "Ông Khưu Đức Tín"),
        ("HKTT", "26 Cống Quỳnh, P. Phạm Ngũ Lão, Q.1, TP.HCM"),
        ("BẢN ÁN, QUYẾT ĐỊNH YÊU CẦU THI HÀNH", "Bản án số 70/2020/DS-ST ngày 04/8/2020 của Tòa án nhân dân Quận 1"),
        ("Nội dung yêu cầu", "Buộc ông Khưu Đức Tín trả cho bà Cao Thị Nhàn 135.000.000 đồng."),
    ]
    doc = _docx_table("docx_table_lawyer", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                            "ĐƠN YÊU CẦU THI HÀNH ÁN",
                                            "Kính gửi: Chi cục Thi hành án dân sự Quận 1"], rows,
                      ["TP. Hồ Chí Minh, ngày 19 tháng 10 năm 2020", "Người yêu cầu", "Ninh Văn Khôi"])
    f = Fields(
        addressed_to=_office("Quận 1"),
        requester=_p("Ninh Văn Khôi", f"3 Pasteur, Phường Bến Nghé, Quận 1, {HCMC}", phone="02838221199"),
        creditor=_p("Cao Thị Nhàn", f"11 Bùi Viện, Phường Phạm Ngũ Lão, Quận 1, {HCMC}", id_number="079178003344"),
        debtor=_p("Khưu Đức Tín", f"26 Cống Quỳnh, Phường Phạm Ngũ Lão, Quận 1, {HCMC}"),
        judgment=_j("70/2020/DS-ST", "2020-08-04", _court("Quận 1"), "district", "DS", "ST"),
        amounts=_vnd(135_000_000), petition_date="2020-10-19", petition_place="TP. Hồ Chí Minh",
        signed_by="Ninh Văn Khôi",
    )
    return Novel("docx_table_lawyer", doc, f)


def docx_table_appeal_rows() -> Novel:
    """A table giving the appeal and the first-instance judgment on rows of their own; the names in the section rows."""
    rows = [
        ("Người yêu cầu thi hành án", "Bà Lương Thị Ánh"),
        ("Địa chỉ", "40 Lê Văn Thọ, P.9, Q. Gò Vấp, TP.HCM"),
        ("Người phải thi hành án", "Công ty Cổ phần Xây lắp Miền Đông"),
        ("Trụ sở", "18 Quang Trung, P.11, Q. Gò Vấp, TP.HCM"),
        ("Người đại diện theo pháp luật", "Ông Lã Văn Bách - Tổng Giám đốc"),
        ("Bản án phúc thẩm", "Số 77/2020/DS-PT ngày 03/3/2020 của TAND TP. Hồ Chí Minh"),
        ("Bản án sơ thẩm", "Số 12/2019/DS-ST ngày 18/9/2019 của TAND quận Gò Vấp"),
        ("Nội dung yêu cầu", "Buộc Công ty Cổ phần Xây lắp Miền Đông trả 640.000.000 đồng."),
    ]
    doc = _docx_table("docx_table_appeal_rows", ["ĐƠN YÊU CẦU THI HÀNH ÁN",
                                                 "Kính gửi: Chi cục Thi hành án dân sự quận Gò Vấp"], rows,
                      ["TP. Hồ Chí Minh, ngày 20 tháng 5 năm 2020", "Người yêu cầu", "Lương Thị Ánh"])
    f = Fields(
        addressed_to=_office("Quận Gò Vấp"),
        requester=_p("Lương Thị Ánh", f"40 Lê Văn Thọ, Phường 9, Quận Gò Vấp, {HCMC}"),
        debtor=_p("Công ty Cổ phần Xây lắp Miền Đông", f"18 Quang Trung, Phường 11, Quận Gò Vấp, {HCMC}",
                  kind="organization", representative="Lã Văn Bách"),
        judgment=_j("77/2020/DS-PT", "2020-03-03", _court(HCMC), "city", "DS", "PT",
                    first=Ref(number="12/2019/DS-ST", date="2019-09-18", court=_court("Quận Gò Vấp"))),
        amounts=_vnd(640_000_000), petition_date="2020-05-20", petition_place="TP. Hồ Chí Minh",
        signed_by="Lương Thị Ánh",
    )
    return Novel("docx_table_appeal_rows", doc, f)


def creditor_before_requester() -> Novel:
    """The creditor's block first, then "Người làm đơn" (the creditor's son filing under a power of attorney)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự huyện Cần Giờ
Bên được thi hành án: Bà Thái Thị Lành
Địa chỉ: Ấp Long Thạnh, xã Long Hòa, huyện Cần Giờ, TP.HCM
Người làm đơn: Ông Thái Văn Phong (con của bà Lành, đại diện theo ủy quyền)
Địa chỉ: 12 Rừng Sác, Thị trấn Cần Thạnh, huyện Cần Giờ, TP.HCM
Điện thoại: 0919 818 717
Bên phải thi hành án: Ông Dư Văn Nhỏ
Địa chỉ: Ấp Đồng Hòa, xã Long Hòa, huyện Cần Giờ, TP.HCM
Bản án số 05/2021/DS-ST ngày 09/4/2021 của Tòa án nhân dân huyện Cần Giờ.
Nội dung yêu cầu: buộc ông Dư Văn Nhỏ trả cho bà Thái Thị Lành 55.000.000 đồng.
Cần Giờ, ngày 02 tháng 6 năm 2021
Người làm đơn
Thái Văn Phong
"""
    f = Fields(
        addressed_to=_office("Huyện Cần Giờ"),
        requester=_p("Thái Văn Phong", f"12 Rừng Sác, Thị trấn Cần Thạnh, Huyện Cần Giờ, {HCMC}", phone="0919818717"),
        creditor=_p("Thái Thị Lành", f"Ấp Long Thạnh, Xã Long Hòa, Huyện Cần Giờ, {HCMC}"),
        debtor=_p("Dư Văn Nhỏ", f"Ấp Đồng Hòa, Xã Long Hòa, Huyện Cần Giờ, {HCMC}"),
        judgment=_j("05/2021/DS-ST", "2021-04-09", _court("Huyện Cần Giờ"), "district", "DS", "ST"),
        amounts=_vnd(55_000_000), petition_date="2021-06-02", petition_place="Cần Giờ", signed_by="Thái Văn Phong",
    )
    return Novel("creditor_before_requester", _text("creditor_before_requester", text), f)


def place_date_on_top() -> Novel:
    """The place and date at the top right under the motto (as in the printed form), the signer at the end."""
    text = HEADER + """
TP. Hồ Chí Minh, ngày 18 tháng 01 năm 2021
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 2
Người yêu cầu thi hành án: Ông Bạch Văn Hưng
Địa chỉ: 9 Nguyễn Thị Định, P. Bình Trưng Tây, Q.2, TP.HCM
Người phải thi hành án: Bà Mạc Thị Tuyết
Địa chỉ: 30 Đỗ Xuân Hợp, P. Bình Trưng Đông, Q.2, TP.HCM
Bản án số 100/2020/DS-ST ngày 11/11/2020 của Tòa án nhân dân Quận 2.
Nội dung yêu cầu: buộc bà Mạc Thị Tuyết trả 72.000.000 đồng.
Người yêu cầu
(ký, ghi rõ họ tên)
Bạch Văn Hưng
"""
    f = Fields(
        addressed_to=_office("Quận 2"),
        requester=_p("Bạch Văn Hưng", f"9 Nguyễn Thị Định, Phường Bình Trưng Tây, Quận 2, {HCMC}"),
        debtor=_p("Mạc Thị Tuyết", f"30 Đỗ Xuân Hợp, Phường Bình Trưng Đông, Quận 2, {HCMC}"),
        judgment=_j("100/2020/DS-ST", "2020-11-11", _court("Quận 2"), "district", "DS", "ST"),
        amounts=_vnd(72_000_000), petition_date="2021-01-18", petition_place="TP. Hồ Chí Minh",
        signed_by="Bạch Văn Hưng",
    )
    return Novel("place_date_on_top", _text("place_date_on_top", text), f)


BUILDERS: list[Callable[[], Novel]] = [
    ben_duoc_label, judgment_first_roman, numbered_arabic_letters, one_paragraph_prose, lawyer_for_client,
    two_debtors, usd_amount, amount_in_words_only, hom_nay_date, recognition_of_agreement,
    appeal_separate_sentence, district_words, landline_phone, upper_case_names, old_tone_placement,
    no_diacritics, kinh_gui_same_line, bank_officer, high_court_appeal, other_province,
    judgment_comma_citation, email_greeting_prose, cassation_decision, dash_date_place, labour_case,
    signer_with_title, lawyer_prose_authorised, court_before_date, appeal_upholds, org_debtor_inline_tax,
    debtor_abroad, usd_before_number, words_amount_with_label,
    debtor_only_in_request, date_label_line, glued_number_caps_signer, email_signature_phone, caps_org_passport,
    hard_wrapped_email, words_in_parens_tuyen_ngay, debtor_company_prose, thu_duc_city_court,
    pdf_text_wraps, office_without_dan_su, called_party_a, creditor_before_requester, place_date_on_top,
    docx_table_basic, docx_table_org, docx_table_lawyer, docx_table_appeal_rows,
]


def novel_cases() -> list[Novel]:
    """Every novel petition with its expected fields."""
    return [b() for b in BUILDERS]
