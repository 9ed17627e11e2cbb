"""A second set of novel petitions for the petition reader (the first: tests/parsers/novel_petitions.py).

Written from shared docs/domain.md and the samples README only, without reading the
development samples' petitions, and unlike the first set's wordings. It adds: the official
form "Mẫu số D04-THADS" with its own headings and "Như trên" for the creditor; a bank's
letterhead (a DOCX two-column heading table with "Số: …/CV-XLN" and "V/v: …", the brand in
parentheses, a branch tax code, a Hà Nội head office, a total with its breakdown, "KT. GIÁM
ĐỐC"); a finance company; a lawyer named after the client's block; spouses as joint debtors
"cùng cư trú tại"; child support with a monthly amount and arrears; return of a car and
hand-over of land with no money; reinstatement of a worker; an administrative judgment
against a People's Committee; a commercial arbitration award; a foreign judgment
recognised in Viet Nam; a creditor living in the United States; assets abroad; a casual
email ("Chào anh chị, em tên là …", "Sài Gòn, 12/4/2023"); a body without diacritics;
Thành phố Thủ Đức after the 2021 merger with a Quận 9 judgment; a court in Bình Dương;
first instance named before the appeal; a reopening (tái thẩm) decision; criminal
judgments (corruption and fraud) with damages; capitals inside sentences with a "[đã ký]"
block; spaced CMND numbers, 11-digit mobiles and 08 landlines; a blank date on the form and
no typed name under the signature; dotted dates; amounts in words with "tỷ"; assets before
the request; four-column DOCX tables and a DOCX whose signature stands in a borderless table
beside "Nơi nhận"; apartment addresses; aliases; a fingerprint instead of a signature; an
enterprise registration certificate as the tax code.

`more_cases()` lists them; tests/parsers/test_petition_novel_more.py checks them field by
field like the first set.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from parsers.documents import read_document
from parsers.model import Amount, DocFormat, Document, DocumentError, Fields, ForeignElement, Limits, Ref
from tests.parsers.novel_petitions import HCMC, HEADER, Novel, _court, _docx_table, _j, _office, _p, _text, _vnd

CUC = "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"
HIGH = f"Tòa án nhân dân cấp cao tại {HCMC}"


def _docx_blocks(id_: str, blocks: list[str | list[list[str]]]) -> Document:
    """A DOCX of paragraphs (str) and tables (rows of cells; a cell's lines split on "\\n" become
    paragraphs of the cell), read through the real DOCX reader."""
    import docx  # python-docx

    d = docx.Document()
    for block in blocks:
        if isinstance(block, str):
            d.add_paragraph(block)
            continue
        ncols = max(len(r) for r in block)
        table = d.add_table(rows=0, cols=ncols)
        for row in block:
            cells = table.add_row().cells
            for cell, value in zip(cells, row):
                parts = value.split("\n")
                cell.text = parts[0]
                for extra in parts[1:]:
                    cell.add_paragraph(extra)
    buf = io.BytesIO()
    d.save(buf)
    out = read_document(f"{id_}.docx", buf.getvalue(), Limits())
    assert not isinstance(out, DocumentError), out
    return out


# --------------------------------------------------------------------------- forms and letterheads


def d04_form() -> Novel:
    """The official form "Mẫu số: D04-THADS" with its circular line, "Họ và tên người …" labels, the
    creditor "Như trên" (so no separate creditor), "Yêu cầu thi hành các khoản sau", "Theo Bản án,
    Quyết định số …", and the assets and attachments headings of the form, with bullet items."""
    text = """
Mẫu số: D04-THADS
(Ban hành kèm theo Thông tư số 01/2016/TT-BTP ngày 01 tháng 02 năm 2016 của Bộ Tư pháp)
""" + HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 6
Họ và tên người yêu cầu thi hành án: Quan Thị Diễm
Địa chỉ: 142 Bà Hom, Phường 13, Quận 6, TP. Hồ Chí Minh
Họ và tên người được thi hành án: Như trên
Họ và tên người phải thi hành án: Hồ Tấn Phát
Địa chỉ: 57 Kinh Dương Vương, Phường 13, Quận 6, TP. Hồ Chí Minh
Yêu cầu thi hành các khoản sau: buộc ông Hồ Tấn Phát trả cho tôi số tiền 86.000.000 đồng tiền mua hàng còn nợ.
Theo Bản án, Quyết định số 45/2017/DS-ST ngày 14 tháng 6 năm 2017 của Tòa án nhân dân Quận 6.
Thông tin về tài sản, điều kiện thi hành án của người phải thi hành án (nếu có):
- Ông Hồ Tấn Phát đứng tên căn nhà số 57 Kinh Dương Vương, Phường 13, Quận 6.
Các tài liệu kèm theo:
- Bản sao Bản án số 45/2017/DS-ST;
- Bản sao Căn cước công dân của người yêu cầu.
TP. Hồ Chí Minh, ngày 18 tháng 8 năm 2017
Người yêu cầu thi hành án
(Ký, ghi rõ họ tên hoặc điểm chỉ)
Quan Thị Diễm
"""
    f = Fields(
        addressed_to=_office("Quận 6"),
        requester=_p("Quan Thị Diễm", f"142 Bà Hom, Phường 13, Quận 6, {HCMC}"),
        debtor=_p("Hồ Tấn Phát", f"57 Kinh Dương Vương, Phường 13, Quận 6, {HCMC}"),
        judgment=_j("45/2017/DS-ST", "2017-06-14", _court("Quận 6"), "district", "DS", "ST"),
        amounts=_vnd(86_000_000),
        assets="Ông Hồ Tấn Phát đứng tên căn nhà số 57 Kinh Dương Vương, Phường 13, Quận 6",
        attachments_listed=["Bản sao Bản án số 45/2017/DS-ST", "Bản sao Căn cước công dân của người yêu cầu"],
        petition_date="2017-08-18", petition_place="TP. Hồ Chí Minh", signed_by="Quan Thị Diễm",
    )
    return Novel("d04_form", _text("d04_form", text), f)


def bank_letterhead_docx() -> Novel:
    """A bank's official letter: a borderless two-column heading table (bank and branch, "Số: …/CV-XLN",
    "V/v: yêu cầu thi hành án" on the left; the motto and the place-date on the right), the brand in
    parentheses after the legal name, a branch tax code with "-", a Hà Nội head office written "TP. Hà Nội",
    a total then its breakdown, an officer asked for, and "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"."""
    blocks: list[str | list[list[str]]] = [
        [["NGÂN HÀNG TMCP ĐẦU TƯ VÀ PHÁT TRIỂN VIỆT NAM\nCHI NHÁNH SỞ GIAO DỊCH 2\nSố: 123/2021/CV-XLN\n"
          "V/v: yêu cầu thi hành án",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "TP. Hồ Chí Minh, ngày 15 tháng 3 năm 2021"]],
        "ĐƠN YÊU CẦU THI HÀNH ÁN",
        "Kính gửi: Cục Thi hành án dân sự Thành phố Hồ Chí Minh",
        "Người yêu cầu thi hành án: Ngân hàng TMCP Đầu tư và Phát triển Việt Nam (BIDV)",
        "Mã số thuế: 0100150619-084",
        "Trụ sở chính: Tháp BIDV, 35 Hàng Vôi, P. Lý Thái Tổ, Q. Hoàn Kiếm, TP. Hà Nội",
        "Người đại diện: Ông Trương Công Thành – Phó Giám đốc Chi nhánh Sở giao dịch 2 "
        "(theo Giấy ủy quyền số 88/UQ-BIDV ngày 04/01/2021)",
        "Người phải thi hành án: Công ty Cổ phần Thép Phú Lâm",
        "Địa chỉ: 1020 Hồng Bàng, Phường 12, Quận 6, TP. Hồ Chí Minh",
        "Căn cứ Bản án số 410/2020/KDTM-ST ngày 28/9/2020 của Tòa án nhân dân Thành phố Hồ Chí Minh "
        "về việc tranh chấp hợp đồng tín dụng.",
        "Nội dung yêu cầu: buộc Công ty Cổ phần Thép Phú Lâm thanh toán cho BIDV tổng số tiền 3.456.789.000 đồng "
        "(trong đó nợ gốc 2.800.000.000 đồng, nợ lãi 656.789.000 đồng); nếu không trả thì phát mại tài sản "
        "bảo đảm theo Hợp đồng thế chấp số 01/2017/HĐTC.",
        "Đề nghị Quý Cục phân công Chấp hành viên Lê Thị Kim Oanh tổ chức thi hành.",
        "Trân trọng./.",
        [["Nơi nhận:\n- Như trên;\n- Lưu VT, XLN.",
          "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n(đã ký và đóng dấu)\nTrương Công Thành"]],
    ]
    f = Fields(
        addressed_to=CUC,
        requester=_p("Ngân hàng TMCP Đầu tư và Phát triển Việt Nam",
                     "Tháp BIDV, 35 Hàng Vôi, Phường Lý Thái Tổ, Quận Hoàn Kiếm, Thành phố Hà Nội",
                     kind="organization", tax_code="0100150619084", representative="Trương Công Thành"),
        debtor=_p("Công ty Cổ phần Thép Phú Lâm", f"1020 Hồng Bàng, Phường 12, Quận 6, {HCMC}", kind="organization"),
        judgment=_j("410/2020/KDTM-ST", "2020-09-28", _court(HCMC), "city", "KDTM", "ST",
                    "tranh chấp hợp đồng tín dụng"),
        amounts=_vnd(3_456_789_000, 2_800_000_000, 656_789_000), preferred_officer="Lê Thị Kim Oanh",
        petition_date="2021-03-15", petition_place="TP. Hồ Chí Minh", signed_by="Trương Công Thành",
    )
    return Novel("bank_letterhead_docx", _docx_blocks("bank_letterhead_docx", blocks), f)


def finance_company_decision() -> Novel:
    """A finance company (brand "FE CREDIT" in parentheses dropped) enforcing a first-instance decision
    recognising a settlement (QĐST-DS) of a district court; the debtor's old 9-digit CMND and 11-digit mobile."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 8
Bên yêu cầu: Công ty Tài chính TNHH MTV Ngân hàng Việt Nam Thịnh Vượng (FE CREDIT)
Mã số doanh nghiệp: 0102180545
Địa chỉ: Tầng 2, Tòa nhà REE Tower, số 9 Đoàn Văn Bơ, Phường 12, Quận 4, TP.HCM
Người đại diện theo ủy quyền: Bà Kha Ngọc Trâm
Bên phải thi hành án: Ông Lư Văn Đức
CMND số: 024 567 890
Địa chỉ: 312/5 Dương Bá Trạc, Phường 1, Quận 8, TP.HCM
Di động: 0168 234 5678
Căn cứ Quyết định công nhận sự thỏa thuận của các đương sự số 27/2017/QĐST-DS ngày 03/4/2017 của Tòa án nhân dân Quận 8 về việc tranh chấp hợp đồng tín dụng tiêu dùng.
Nội dung yêu cầu: buộc ông Lư Văn Đức trả cho Công ty số tiền 48.750.000 đồng.
TP. Hồ Chí Minh, ngày 12 tháng 6 năm 2017
Người đại diện theo ủy quyền
Kha Ngọc Trâm
"""
    f = Fields(
        addressed_to=_office("Quận 8"),
        requester=_p("Công ty Tài chính TNHH MTV Ngân hàng Việt Nam Thịnh Vượng",
                     f"Tầng 2, Tòa nhà REE Tower, số 9 Đoàn Văn Bơ, Phường 12, Quận 4, {HCMC}",
                     kind="organization", tax_code="0102180545", representative="Kha Ngọc Trâm"),
        debtor=_p("Lư Văn Đức", f"312/5 Dương Bá Trạc, Phường 1, Quận 8, {HCMC}", id_number="024567890",
                  phone="01682345678"),
        judgment=_j("27/2017/QĐST-DS", "2017-04-03", _court("Quận 8"), "district", "DS", "ST",
                    "tranh chấp hợp đồng tín dụng tiêu dùng"),
        amounts=_vnd(48_750_000), petition_date="2017-06-12", petition_place="TP. Hồ Chí Minh",
        signed_by="Kha Ngọc Trâm",
    )
    return Novel("finance_company_decision", _text("finance_company_decision", text), f)


def lawyer_after_client() -> Novel:
    """The creditor's block first, then the lawyer's line "Người yêu cầu thi hành án (đại diện theo ủy quyền
    của bà …): Luật sư X – Văn phòng Luật sư …" and "Địa chỉ liên hệ"; the lawyer signs with "LS."."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự quận Phú Nhuận
Người được thi hành án: Bà Nghiêm Thị Thoa
Số định danh cá nhân: 001172009988
Địa chỉ: 81 Huỳnh Văn Bánh, Phường 15, Quận Phú Nhuận, TP. Hồ Chí Minh
Người yêu cầu thi hành án (đại diện theo ủy quyền của bà Thoa): Luật sư Lưu Quang Dũng – Văn phòng Luật sư Quang Dũng, Đoàn Luật sư TP. Hồ Chí Minh
Địa chỉ liên hệ: 203 Nguyễn Văn Trỗi, Phường 10, Quận Phú Nhuận, TP. Hồ Chí Minh
Điện thoại: 0938 246 810
Email: dung.luu@lsquangdung.vn
Người phải thi hành án: Ông Giáp Văn Toản
Địa chỉ: 12 Đặng Văn Ngữ, Phường 10, Quận Phú Nhuận, TP. Hồ Chí Minh
Bản án, quyết định: Bản án số 36/2022/DS-ST ngày 25/02/2022 của Tòa án nhân dân quận Phú Nhuận về việc tranh chấp hợp đồng vay tài sản.
Nội dung yêu cầu: buộc ông Giáp Văn Toản trả cho bà Nghiêm Thị Thoa 275.000.000 đồng và lãi chậm thi hành án theo lãi suất 10%/năm.
TP. Hồ Chí Minh, ngày 11 tháng 5 năm 2022
Người yêu cầu
LS. Lưu Quang Dũng
"""
    f = Fields(
        addressed_to=_office("Quận Phú Nhuận"),
        requester=_p("Lưu Quang Dũng", f"203 Nguyễn Văn Trỗi, Phường 10, Quận Phú Nhuận, {HCMC}",
                     phone="0938246810", email="dung.luu@lsquangdung.vn"),
        creditor=_p("Nghiêm Thị Thoa", f"81 Huỳnh Văn Bánh, Phường 15, Quận Phú Nhuận, {HCMC}",
                    id_number="001172009988"),
        debtor=_p("Giáp Văn Toản", f"12 Đặng Văn Ngữ, Phường 10, Quận Phú Nhuận, {HCMC}"),
        judgment=_j("36/2022/DS-ST", "2022-02-25", _court("Quận Phú Nhuận"), "district", "DS", "ST",
                    "tranh chấp hợp đồng vay tài sản"),
        amounts=_vnd(275_000_000), petition_date="2022-05-11", petition_place="TP. Hồ Chí Minh",
        signed_by="Lưu Quang Dũng",
    )
    return Novel("lawyer_after_client", _text("lawyer_after_client", text), f)


def spouses_joint_debtors() -> Novel:
    """Spouses as joint debtors on one line, "Ông X và bà Y (vợ chồng), cùng cư trú tại …": the debtor is
    the first named, at the shared address (one party per role, as the first set's two_debtors)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 12
Người yêu cầu thi hành án: Ông Tiết Văn Bền, sinh năm 1962
Địa chỉ: 88/4 Tô Ngọc Vân, Phường Thạnh Xuân, Quận 12, TP. Hồ Chí Minh
Người phải thi hành án: Ông Đàm Văn Khá và bà Tăng Thị Hiền (vợ chồng), cùng cư trú tại 19 Hà Huy Giáp, Phường Thạnh Lộc, Quận 12, TP. Hồ Chí Minh
Bản án số 73/2018/DS-ST ngày 30/10/2018 của Tòa án nhân dân Quận 12.
Nội dung yêu cầu: buộc ông Khá và bà Hiền liên đới trả cho tôi 640.000.000 đồng.
Quận 12, ngày 07 tháng 01 năm 2019
Người yêu cầu
Tiết Văn Bền
"""
    f = Fields(
        addressed_to=_office("Quận 12"),
        requester=_p("Tiết Văn Bền", f"88/4 Tô Ngọc Vân, Phường Thạnh Xuân, Quận 12, {HCMC}"),
        debtor=_p("Đàm Văn Khá", f"19 Hà Huy Giáp, Phường Thạnh Lộc, Quận 12, {HCMC}"),
        judgment=_j("73/2018/DS-ST", "2018-10-30", _court("Quận 12"), "district", "DS", "ST"),
        amounts=_vnd(640_000_000), petition_date="2019-01-07", petition_place="Quận 12", signed_by="Tiết Văn Bền",
    )
    return Novel("spouses_joint_debtors", _text("spouses_joint_debtors", text), f)


# --------------------------------------------------------------------------- kinds of obligations


def alimony_arrears() -> Novel:
    """Child support: a monthly amount "kể từ tháng 7/2019" and the arrears owed so far; the creditor is the
    mother filing for herself as "Người nuôi con"; "Nơi đăng ký thường trú"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
(V/v cấp dưỡng nuôi con)
Kính gửi: Chi cục Thi hành án dân sự Quận Bình Tân
Người yêu cầu thi hành án: Chị Lục Thị Ngọc Bích
CCCD: 079189013579, cấp ngày 25/6/2021
Nơi đăng ký thường trú: 45 Đường số 1, Khu phố 4, Phường Bình Hưng Hòa A, Quận Bình Tân, TP. Hồ Chí Minh
Điện thoại: 0906 135 792
Người phải thi hành án: Anh Kiều Minh Tuấn
Nơi đăng ký thường trú: 230 Tân Hòa Đông, Phường Bình Trị Đông, Quận Bình Tân, TP. Hồ Chí Minh
Bản án hôn nhân gia đình sơ thẩm số 118/2019/HNGĐ-ST ngày 21/6/2019 của Tòa án nhân dân quận Bình Tân về việc ly hôn, tranh chấp nuôi con.
Nội dung yêu cầu: buộc anh Kiều Minh Tuấn cấp dưỡng nuôi con chung là cháu Kiều Bảo Ngọc mỗi tháng 2.500.000 đồng kể từ tháng 7/2019 cho đến khi cháu đủ 18 tuổi; trả ngay tiền cấp dưỡng còn thiếu từ tháng 7/2019 đến tháng 12/2020 là 45.000.000 đồng.
Bình Tân, ngày 05 tháng 01 năm 2021
Người yêu cầu
Lục Thị Ngọc Bích
"""
    f = Fields(
        addressed_to=_office("Quận Bình Tân"),
        requester=_p("Lục Thị Ngọc Bích",
                     f"45 Đường số 1, Khu phố 4, Phường Bình Hưng Hòa A, Quận Bình Tân, {HCMC}",
                     id_number="079189013579", phone="0906135792"),
        debtor=_p("Kiều Minh Tuấn", f"230 Tân Hòa Đông, Phường Bình Trị Đông, Quận Bình Tân, {HCMC}"),
        judgment=_j("118/2019/HNGĐ-ST", "2019-06-21", _court("Quận Bình Tân"), "district", "HNGĐ", "ST",
                    "ly hôn, tranh chấp nuôi con"),
        amounts=_vnd(2_500_000, 45_000_000), petition_date="2021-01-05", petition_place="Bình Tân",
        signed_by="Lục Thị Ngọc Bích",
    )
    return Novel("alimony_arrears", _text("alimony_arrears", text), f)


def return_car_no_money() -> Novel:
    """Return of a car, no money asked: a plate "51A-123.45" and a chassis number are not amounts."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Tân Bình
Người yêu cầu thi hành án: Ông Lạc Hoàng Vũ
Địa chỉ: 27 Bàu Cát 2, Phường 14, Quận Tân Bình, TP. Hồ Chí Minh
Điện thoại: 0935 777 246
Người phải thi hành án: Ông Trang Quốc Hưng
Địa chỉ: 510 Lạc Long Quân, Phường 5, Quận 11, TP. Hồ Chí Minh
Bản án số 64/2020/DS-ST ngày 17/9/2020 của Tòa án nhân dân quận Tân Bình về việc tranh chấp quyền sở hữu tài sản.
Nội dung yêu cầu: buộc ông Trang Quốc Hưng trả lại cho tôi xe ô tô hiệu Toyota Fortuner, biển kiểm soát 51A-123.45, số khung RL4GS3EX0J0012345, cùng giấy chứng nhận đăng ký xe.
TP. Hồ Chí Minh, ngày 26 tháng 11 năm 2020
Người yêu cầu
Lạc Hoàng Vũ
"""
    f = Fields(
        addressed_to=_office("Quận Tân Bình"),
        requester=_p("Lạc Hoàng Vũ", f"27 Bàu Cát 2, Phường 14, Quận Tân Bình, {HCMC}", phone="0935777246"),
        debtor=_p("Trang Quốc Hưng", f"510 Lạc Long Quân, Phường 5, Quận 11, {HCMC}"),
        judgment=_j("64/2020/DS-ST", "2020-09-17", _court("Quận Tân Bình"), "district", "DS", "ST",
                    "tranh chấp quyền sở hữu tài sản"),
        amounts=[], petition_date="2020-11-26", petition_place="TP. Hồ Chí Minh", signed_by="Lạc Hoàng Vũ",
    )
    return Novel("return_car_no_money", _text("return_car_no_money", text), f)


def hand_over_land() -> Novel:
    """Hand-over of land in Bình Chánh: "Số 12, Đường số 7, KDC Trung Sơn, Xã Bình Hưng" addresses, an area
    "120 m²" and a land-plot number (not amounts), "Thửa đất số 245, tờ bản đồ số 12"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự huyện Bình Chánh
Người yêu cầu thi hành án: Bà Dương Thị Mến
Địa chỉ: Số 12, Đường số 7, KDC Trung Sơn, Xã Bình Hưng, Huyện Bình Chánh, TP.HCM
Người phải thi hành án: Ông Lâm Văn Rớt
Địa chỉ: Số 3, Đường số 9A, KDC Trung Sơn, Xã Bình Hưng, Huyện Bình Chánh, TP.HCM
Bản án số 211/2019/DS-ST ngày 12/12/2019 của Tòa án nhân dân huyện Bình Chánh về việc tranh chấp quyền sử dụng đất.
Nội dung yêu cầu: buộc ông Lâm Văn Rớt giao trả cho tôi quyền sử dụng đất diện tích 120 m² thuộc thửa đất số 245, tờ bản đồ số 12, Xã Bình Hưng, Huyện Bình Chánh và tháo dỡ công trình xây dựng trái phép trên đất.
Bình Chánh, ngày 10 tháng 3 năm 2020
Người yêu cầu
Dương Thị Mến
"""
    f = Fields(
        addressed_to=_office("Huyện Bình Chánh"),
        requester=_p("Dương Thị Mến", f"Số 12, Đường số 7, KDC Trung Sơn, Xã Bình Hưng, Huyện Bình Chánh, {HCMC}"),
        debtor=_p("Lâm Văn Rớt", f"Số 3, Đường số 9A, KDC Trung Sơn, Xã Bình Hưng, Huyện Bình Chánh, {HCMC}"),
        judgment=_j("211/2019/DS-ST", "2019-12-12", _court("Huyện Bình Chánh"), "district", "DS", "ST",
                    "tranh chấp quyền sử dụng đất"),
        amounts=[], petition_date="2020-03-10", petition_place="Bình Chánh", signed_by="Dương Thị Mến",
    )
    return Novel("hand_over_land", _text("hand_over_land", text), f)


def labour_reinstatement() -> Novel:
    """A worker against an employer: reinstatement plus two sums; the company's "Người đại diện theo
    pháp luật: Ông … (Quốc tịch: Hàn Quốc)" on the debtor (the debtor is a company, Vietnamese)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Bình Tân
Người yêu cầu thi hành án: Bà Lê Thị Mỹ Duyên
CCCD số: 086190004567
Địa chỉ: Tổ 12, Khu phố 5, Phường Tân Tạo A, Quận Bình Tân, TP.HCM
Điện thoại: 0972 468 135
Người phải thi hành án: Công ty TNHH May Mặc Phước Thịnh
Mã số doanh nghiệp: 0314567890
Địa chỉ: Lô 12, Đường số 3, KCN Tân Tạo, Phường Tân Tạo A, Quận Bình Tân, TP.HCM
Bản án số 09/2021/LĐ-ST ngày 16/4/2021 của Tòa án nhân dân quận Bình Tân về việc tranh chấp về đơn phương chấm dứt hợp đồng lao động.
Nội dung yêu cầu:
1. Buộc Công ty nhận tôi trở lại làm việc theo hợp đồng lao động đã ký;
2. Buộc Công ty trả tiền lương trong những ngày không được làm việc là 84.000.000 đồng;
3. Buộc Công ty bồi thường 02 tháng tiền lương là 14.000.000 đồng.
Bình Tân, ngày 08 tháng 6 năm 2021
Người yêu cầu
Lê Thị Mỹ Duyên
"""
    f = Fields(
        addressed_to=_office("Quận Bình Tân"),
        requester=_p("Lê Thị Mỹ Duyên", f"Tổ 12, Khu phố 5, Phường Tân Tạo A, Quận Bình Tân, {HCMC}",
                     id_number="086190004567", phone="0972468135"),
        debtor=_p("Công ty TNHH May Mặc Phước Thịnh",
                  f"Lô 12, Đường số 3, KCN Tân Tạo, Phường Tân Tạo A, Quận Bình Tân, {HCMC}",
                  kind="organization", tax_code="0314567890"),
        judgment=_j("09/2021/LĐ-ST", "2021-04-16", _court("Quận Bình Tân"), "district", "LĐ", "ST",
                    "tranh chấp về đơn phương chấm dứt hợp đồng lao động"),
        amounts=_vnd(84_000_000, 14_000_000), petition_date="2021-06-08", petition_place="Bình Tân",
        signed_by="Lê Thị Mỹ Duyên",
    )
    return Novel("labour_reinstatement", _text("labour_reinstatement", text), f)


def admin_judgment_ubnd() -> Novel:
    """An administrative judgment (HC-ST) of the city court against a People's Committee (an organisation
    debtor with no tax code), a compensation amount, addressed to the Cục."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN HÀNH CHÍNH
Kính gửi: Cục Thi hành án dân sự TP. Hồ Chí Minh
Người yêu cầu thi hành án: Ông Châu Văn Mười Hai
Địa chỉ: 14/9 Huỳnh Tấn Phát, Phường Tân Thuận Đông, Quận 7, TP. Hồ Chí Minh
Người phải thi hành án: Ủy ban nhân dân Quận 7
Địa chỉ: 7 Tân Phú, Phường Tân Phú, Quận 7, TP. Hồ Chí Minh
Bản án hành chính sơ thẩm số 1588/2019/HC-ST ngày 24/10/2019 của Tòa án nhân dân Thành phố Hồ Chí Minh về việc khiếu kiện quyết định hành chính trong lĩnh vực quản lý đất đai.
Nội dung yêu cầu: buộc Ủy ban nhân dân Quận 7 bồi thường cho tôi 350.000.000 đồng.
TP. Hồ Chí Minh, ngày 20 tháng 01 năm 2020
Người yêu cầu
Châu Văn Mười Hai
"""
    f = Fields(
        addressed_to=CUC,
        requester=_p("Châu Văn Mười Hai", f"14/9 Huỳnh Tấn Phát, Phường Tân Thuận Đông, Quận 7, {HCMC}"),
        debtor=_p("Ủy ban nhân dân Quận 7", f"7 Tân Phú, Phường Tân Phú, Quận 7, {HCMC}", kind="organization"),
        judgment=_j("1588/2019/HC-ST", "2019-10-24", _court(HCMC), "city", "HC", "ST",
                    "khiếu kiện quyết định hành chính trong lĩnh vực quản lý đất đai"),
        amounts=_vnd(350_000_000), petition_date="2020-01-20", petition_place="TP. Hồ Chí Minh",
        signed_by="Châu Văn Mười Hai",
    )
    return Novel("admin_judgment_ubnd", _text("admin_judgment_ubnd", text), f)


def arbitration_award_fcca() -> Novel:
    """A commercial arbitration award of another centre than VIAC ("Phán quyết trọng tài số 07/21 … của Trung
    tâm Trọng tài Thương mại Tài chính (FCCA)"): arbitration level, KDTM, no stage, number as written."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH PHÁN QUYẾT TRỌNG TÀI
Kính gửi: Cục Thi hành án dân sự TP. Hồ Chí Minh
Bên yêu cầu thi hành: Công ty Cổ phần Logistics Cảng Sài Gòn Mới
Mã số thuế: 0305123456
Địa chỉ: 722 Điện Biên Phủ, Phường 22, Quận Bình Thạnh, TP.HCM
Người đại diện theo pháp luật: Ông Vưu Khải Minh – Tổng Giám đốc
Bên phải thi hành: Công ty TNHH Xuất nhập khẩu Nông sản Đồng Tháp Mười
Mã số thuế: 1401234567
Địa chỉ: 15 Nguyễn Huệ, Phường 1, Thành phố Cao Lãnh, Tỉnh Đồng Tháp
Phán quyết trọng tài số 07/21 ngày 20/4/2021 của Trung tâm Trọng tài Thương mại Tài chính (FCCA).
Nội dung yêu cầu: buộc Công ty TNHH Xuất nhập khẩu Nông sản Đồng Tháp Mười thanh toán 1.845.000.000 đồng tiền cước vận chuyển và phí trọng tài.
TP. Hồ Chí Minh, ngày 02 tháng 7 năm 2021
TỔNG GIÁM ĐỐC
(Ký tên, đóng dấu)
Vưu Khải Minh
"""
    f = Fields(
        addressed_to=CUC,
        requester=_p("Công ty Cổ phần Logistics Cảng Sài Gòn Mới", f"722 Điện Biên Phủ, Phường 22, Quận Bình Thạnh, {HCMC}",
                     kind="organization", tax_code="0305123456", representative="Vưu Khải Minh"),
        debtor=_p("Công ty TNHH Xuất nhập khẩu Nông sản Đồng Tháp Mười",
                  "15 Nguyễn Huệ, Phường 1, Thành phố Cao Lãnh, Tỉnh Đồng Tháp", kind="organization",
                  tax_code="1401234567"),
        judgment=_j("07/21", "2021-04-20", "Trung tâm Trọng tài Thương mại Tài chính (FCCA)", "arbitration", "KDTM",
                    None),
        amounts=_vnd(1_845_000_000), petition_date="2021-07-02", petition_place="TP. Hồ Chí Minh",
        signed_by="Vưu Khải Minh",
    )
    return Novel("arbitration_award_fcca", _text("arbitration_award_fcca", text), f)


def foreign_judgment_recognised() -> Novel:
    """A Japanese court's judgment recognised by the city court (R8): the foreign number and court as written,
    the recognition decision in its own sentence; a Japanese company requester with an Osaka address."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự Thành phố Hồ Chí Minh
Người yêu cầu thi hành án: Kansai Seiki Co., Ltd.
Địa chỉ: 2-5-8 Umeda, Kita-ku, Osaka 530-0001, Nhật Bản
Người đại diện theo ủy quyền: Ông Ngạc Văn Toàn
Người phải thi hành án: Công ty Cổ phần Cơ khí Chính xác Sao Việt
Mã số thuế: 0309988776
Địa chỉ: Lô C3, KCX Tân Thuận, Phường Tân Thuận Đông, Quận 7, TP. Hồ Chí Minh
Bản án số Heisei 30 (Wa) No. 4567 ngày 15/3/2019 của Tòa án quận Osaka, Nhật Bản đã được công nhận và cho thi hành tại Việt Nam theo Quyết định số 21/2020/QĐST-KDTM ngày 20/8/2020 của Tòa án nhân dân Thành phố Hồ Chí Minh.
Nội dung yêu cầu: buộc Công ty Cổ phần Cơ khí Chính xác Sao Việt thanh toán 250.000 USD.
TP. Hồ Chí Minh, ngày 14 tháng 10 năm 2020
Người đại diện theo ủy quyền
Ngạc Văn Toàn
"""
    f = Fields(
        addressed_to=CUC,
        requester=_p("Kansai Seiki Co., Ltd.", "2-5-8 Umeda, Kita-ku, Osaka 530-0001, Nhật Bản",
                     kind="organization", representative="Ngạc Văn Toàn"),
        debtor=_p("Công ty Cổ phần Cơ khí Chính xác Sao Việt",
                  f"Lô C3, KCX Tân Thuận, Phường Tân Thuận Đông, Quận 7, {HCMC}", kind="organization",
                  tax_code="0309988776"),
        judgment=_j("Heisei 30 (Wa) No. 4567", "2019-03-15", "Tòa án quận Osaka, Nhật Bản", "foreign", "KDTM", None,
                    recognition=Ref(number="21/2020/QĐST-KDTM", date="2020-08-20", court=_court(HCMC))),
        amounts=[Amount(value=250_000, currency="USD")], petition_date="2020-10-14",
        petition_place="TP. Hồ Chí Minh", signed_by="Ngạc Văn Toàn",
    )
    return Novel("foreign_judgment_recognised", _text("foreign_judgment_recognised", text), f)


def creditor_in_usa() -> Novel:
    """A Vietnamese creditor living in the United States (R6, party abroad) with a Vietnamese passport
    number and a US street address ending "California 92683, Hoa Kỳ"; the place of signing abroad."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự Thành phố Hồ Chí Minh
Người yêu cầu thi hành án: Bà Tôn Nữ Minh Nguyệt
Hộ chiếu Việt Nam số: C7654321
Địa chỉ: 9872 Bolsa Avenue, Westminster, California 92683, Hoa Kỳ
Người phải thi hành án: Ông Phạm Văn Thiện
Địa chỉ: 66 Nguyễn Đình Chiểu, Phường Đa Kao, Quận 1, TP. Hồ Chí Minh
Bản án số 102/2021/DS-ST ngày 29/7/2021 của Tòa án nhân dân Quận 1 về việc tranh chấp hợp đồng gửi giữ tài sản.
Nội dung yêu cầu: buộc ông Phạm Văn Thiện trả cho tôi 920.000.000 đồng.
Westminster, ngày 20 tháng 9 năm 2021
Người yêu cầu
Tôn Nữ Minh Nguyệt
"""
    f = Fields(
        addressed_to=CUC,
        requester=_p("Tôn Nữ Minh Nguyệt", "9872 Bolsa Avenue, Westminster, California 92683, Hoa Kỳ",
                     id_number="C7654321"),
        debtor=_p("Phạm Văn Thiện", f"66 Nguyễn Đình Chiểu, Phường Đa Kao, Quận 1, {HCMC}"),
        judgment=_j("102/2021/DS-ST", "2021-07-29", _court("Quận 1"), "district", "DS", "ST",
                    "tranh chấp hợp đồng gửi giữ tài sản"),
        amounts=_vnd(920_000_000), petition_date="2021-09-20", petition_place="Westminster",
        signed_by="Tôn Nữ Minh Nguyệt",
        foreign_element=ForeignElement(kind="party_abroad", detail="Người được thi hành án cư trú tại Hoa Kỳ"),
    )
    return Novel("creditor_in_usa", _text("creditor_in_usa", text), f)


def assets_abroad() -> Novel:
    """Assets abroad (R6 asset_abroad) in a "Thông tin tài sản của người phải thi hành án" section with two
    bullet items, one a Singapore bank account; a district judgment otherwise."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 3
Người yêu cầu thi hành án: Ông Ngụy Quốc Bảo
Địa chỉ: 25 Tú Xương, Phường Võ Thị Sáu, Quận 3, TP. Hồ Chí Minh
Người phải thi hành án: Bà Diệp Thị Thanh Vân
Địa chỉ: 180 Nam Kỳ Khởi Nghĩa, Phường Võ Thị Sáu, Quận 3, TP. Hồ Chí Minh
Bản án số 58/2022/DS-ST ngày 06/5/2022 của Tòa án nhân dân Quận 3.
Nội dung yêu cầu: buộc bà Diệp Thị Thanh Vân trả cho tôi 2.100.000.000 đồng.
Thông tin tài sản của người phải thi hành án:
- Tài khoản số 123-456789-0 tại Ngân hàng DBS, Singapore
- Căn hộ tại Singapore do bà Vân đứng tên
TP. Hồ Chí Minh, ngày 22 tháng 7 năm 2022
Người yêu cầu
Ngụy Quốc Bảo
"""
    f = Fields(
        addressed_to=_office("Quận 3"),
        requester=_p("Ngụy Quốc Bảo", f"25 Tú Xương, Phường Võ Thị Sáu, Quận 3, {HCMC}"),
        debtor=_p("Diệp Thị Thanh Vân", f"180 Nam Kỳ Khởi Nghĩa, Phường Võ Thị Sáu, Quận 3, {HCMC}"),
        judgment=_j("58/2022/DS-ST", "2022-05-06", _court("Quận 3"), "district", "DS", "ST"),
        amounts=_vnd(2_100_000_000),
        assets="Tài khoản số 123-456789-0 tại Ngân hàng DBS, Singapore; Căn hộ tại Singapore do bà Vân đứng tên",
        petition_date="2022-07-22", petition_place="TP. Hồ Chí Minh", signed_by="Ngụy Quốc Bảo",
        foreign_element=ForeignElement(kind="asset_abroad", detail="Tài sản của người phải thi hành án ở nước ngoài"),
    )
    return Novel("assets_abroad", _text("assets_abroad", text), f)


# --------------------------------------------------------------------------- emails


def casual_email_em() -> Novel:
    """A casual email: "Chào anh chị, em tên là …", no "Kính gửi", "50 triệu" written short, "SĐT em:",
    "Sài Gòn, 12/4/2023" as the place, "Em cảm ơn anh chị nhiều ạ!" before the name."""
    text = """
Chào anh chị,
Em tên là Phạm Ngọc Hân, CCCD 079301004321, ở 34 Lê Văn Sỹ, Phường 11, Quận Phú Nhuận, TP.HCM. SĐT em: 0703 456 789.
Em gửi đơn này nhờ anh chị thi hành giúp em Bản án số 88/2022/DS-ST ngày 14/12/2022 của Tòa án nhân dân quận Phú Nhuận. Người phải thi hành án là chị Ngô Thị Yến Nhi, ở 5 Nguyễn Kiệm, Phường 3, Quận Phú Nhuận, TP.HCM. Tòa đã buộc chị Nhi trả lại cho em 50 triệu đồng tiền cọc mà tới giờ chị ấy vẫn chưa trả.
Sài Gòn, 12/4/2023
Em cảm ơn anh chị nhiều ạ!
Phạm Ngọc Hân
"""
    f = Fields(
        requester=_p("Phạm Ngọc Hân", f"34 Lê Văn Sỹ, Phường 11, Quận Phú Nhuận, {HCMC}", id_number="079301004321",
                     phone="0703456789"),
        debtor=_p("Ngô Thị Yến Nhi", f"5 Nguyễn Kiệm, Phường 3, Quận Phú Nhuận, {HCMC}"),
        judgment=_j("88/2022/DS-ST", "2022-12-14", _court("Quận Phú Nhuận"), "district", "DS", "ST"),
        amounts=_vnd(50_000_000), petition_date="2023-04-12", petition_place="Sài Gòn", signed_by="Phạm Ngọc Hân",
    )
    return Novel("casual_email_em", _text("casual_email_em", text), f)


def no_diacritics_hoc_mon() -> Novel:
    """A body typed without diacritics with short unit words ("Ap 2, xa Xuan Thoi Thuong, h. Hoc Mon"),
    "Chi cuc THADS huyen Hoc Mon", a 9-digit CMND and the amount "35tr" written out as "35 trieu dong"."""
    text = """
Kinh gui: Chi cuc THADS huyen Hoc Mon
Toi ten: Truong Van Nghia, sinh nam 1970, CMND so 022876543
Noi o: 45/3 Ap 2, xa Xuan Thoi Thuong, h. Hoc Mon, TP.HCM
Dien thoai: 0917 246 135
Nguoi phai thi hanh an: Ba Huynh Thi Sau
Noi o: 12 Ap 6, xa Xuan Thoi Thuong, huyen Hoc Mon, TP.HCM
Toi yeu cau thi hanh Ban an so 15/2020/DS-ST ngay 19/5/2020 cua Toa an nhan dan huyen Hoc Mon ve viec tranh chap hop dong vay tai san.
Noi dung: buoc ba Huynh Thi Sau tra cho toi 35 trieu dong.
Hoc Mon, ngay 03 thang 8 nam 2020
Nguoi yeu cau
Truong Van Nghia
"""
    f = Fields(
        addressed_to=_office("Huyện Hóc Môn"),
        requester=_p("Trương Văn Nghĩa", f"45/3 Ấp 2, Xã Xuân Thới Thượng, Huyện Hóc Môn, {HCMC}",
                     id_number="022876543", phone="0917246135"),
        debtor=_p("Huỳnh Thị Sáu", f"12 Ấp 6, Xã Xuân Thới Thượng, Huyện Hóc Môn, {HCMC}"),
        judgment=_j("15/2020/DS-ST", "2020-05-19", _court("Huyện Hóc Môn"), "district", "DS", "ST",
                    "tranh chấp hợp đồng vay tài sản"),
        amounts=_vnd(35_000_000), petition_date="2020-08-03", petition_place="Hóc Môn", signed_by="Trương Văn Nghĩa",
    )
    return Novel("no_diacritics_hoc_mon", _text("no_diacritics_hoc_mon", text), f, folded=True)


# --------------------------------------------------------------------------- courts and judgments


def thu_duc_after_merger() -> Novel:
    """A 2022 petition to the Chi cục of Thành phố Thủ Đức ("Chi cục THADS TP. Thủ Đức") on a 2020 judgment of
    "TAND Quận 9": the court keeps its old name; addresses "P. Long Thạnh Mỹ, TP. Thủ Đức, TP. HCM"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục THADS TP. Thủ Đức
Người yêu cầu thi hành án: Ông Văn Công Trứ
Địa chỉ: 120 Nguyễn Văn Tăng, P. Long Thạnh Mỹ, TP. Thủ Đức, TP. HCM
Người phải thi hành án: Ông Hàn Quốc Trung
Địa chỉ: 8 Lò Lu, P. Trường Thạnh, TP. Thủ Đức, TP. HCM
Căn cứ Bản án số 95/2020/DS-ST ngày 23/11/2020 của TAND Quận 9.
Nội dung yêu cầu: buộc ông Hàn Quốc Trung trả 185.000.000 đồng.
TP. Thủ Đức, ngày 07 tháng 3 năm 2022
Người yêu cầu
Văn Công Trứ
"""
    f = Fields(
        addressed_to="Chi cục Thi hành án dân sự Thành phố Thủ Đức",
        requester=_p("Văn Công Trứ", f"120 Nguyễn Văn Tăng, Phường Long Thạnh Mỹ, Thành phố Thủ Đức, {HCMC}"),
        debtor=_p("Hàn Quốc Trung", f"8 Lò Lu, Phường Trường Thạnh, Thành phố Thủ Đức, {HCMC}"),
        judgment=_j("95/2020/DS-ST", "2020-11-23", _court("Quận 9"), "district", "DS", "ST"),
        amounts=_vnd(185_000_000), petition_date="2022-03-07", petition_place="TP. Thủ Đức", signed_by="Văn Công Trứ",
    )
    return Novel("thu_duc_after_merger", _text("thu_duc_after_merger", text), f)


def binh_duong_court() -> Novel:
    """A town court of Bình Dương ("TAND thị xã Dĩ An, tỉnh Bình Dương"), the debtor in "Khu phố Nhị Đồng 2,
    P. Dĩ An, TX. Dĩ An, tỉnh Bình Dương", the petition addressed to a Chi cục of the city anyway."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Thủ Đức
Người yêu cầu thi hành án: Bà Kim Thị Ngọc Lan
Địa chỉ: 15 Đường số 8, P. Linh Xuân, Q. Thủ Đức, TP.HCM
Người phải thi hành án: Ông Mẫn Đình Hoàng
Địa chỉ: 22/4 Khu phố Nhị Đồng 2, P. Dĩ An, TX. Dĩ An, tỉnh Bình Dương
Bản án số 77/2018/DS-ST ngày 12/9/2018 của Tòa án nhân dân thị xã Dĩ An, tỉnh Bình Dương.
Nội dung yêu cầu: buộc ông Mẫn Đình Hoàng trả 128.000.000 đồng.
Thủ Đức, ngày 15 tháng 11 năm 2018
Người yêu cầu
Kim Thị Ngọc Lan
"""
    f = Fields(
        addressed_to=_office("Quận Thủ Đức"),
        requester=_p("Kim Thị Ngọc Lan", f"15 Đường số 8, Phường Linh Xuân, Quận Thủ Đức, {HCMC}"),
        debtor=_p("Mẫn Đình Hoàng", "22/4 Khu phố Nhị Đồng 2, Phường Dĩ An, Thị xã Dĩ An, Tỉnh Bình Dương"),
        judgment=_j("77/2018/DS-ST", "2018-09-12", "Tòa án nhân dân thị xã Dĩ An, tỉnh Bình Dương", "other_province",
                    "DS", "ST"),
        amounts=_vnd(128_000_000), petition_date="2018-11-15", petition_place="Thủ Đức", signed_by="Kim Thị Ngọc Lan",
    )
    return Novel("binh_duong_court", _text("binh_duong_court", text), f)


def first_instance_named_first() -> Novel:
    """"Căn cứ Bản án sơ thẩm số … của TAND huyện Hóc Môn và Bản án phúc thẩm số … của TAND TP.HCM": the
    first instance comes first in the sentence, the appeal is the judgment enforced (R2)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự huyện Hóc Môn
Người yêu cầu thi hành án: Ông Lò Văn Thắm
Địa chỉ: 18/2 Ấp Nam Lân, Xã Bà Điểm, Huyện Hóc Môn, TP.HCM
Người phải thi hành án: Bà Đậu Thị Hường
Địa chỉ: 40 Ấp Tây Lân, Xã Bà Điểm, Huyện Hóc Môn, TP.HCM
Căn cứ Bản án dân sự sơ thẩm số 20/2018/DS-ST ngày 10/5/2018 của Tòa án nhân dân huyện Hóc Môn và Bản án dân sự phúc thẩm số 355/2018/DS-PT ngày 22/10/2018 của Tòa án nhân dân TP.HCM.
Nội dung yêu cầu: buộc bà Đậu Thị Hường trả 265.000.000 đồng theo Bản án phúc thẩm.
Hóc Môn, ngày 20 tháng 12 năm 2018
Người yêu cầu
Lò Văn Thắm
"""
    f = Fields(
        addressed_to=_office("Huyện Hóc Môn"),
        requester=_p("Lò Văn Thắm", f"18/2 Ấp Nam Lân, Xã Bà Điểm, Huyện Hóc Môn, {HCMC}"),
        debtor=_p("Đậu Thị Hường", f"40 Ấp Tây Lân, Xã Bà Điểm, Huyện Hóc Môn, {HCMC}"),
        judgment=_j("355/2018/DS-PT", "2018-10-22", _court(HCMC), "city", "DS", "PT",
                    first=Ref(number="20/2018/DS-ST", date="2018-05-10", court=_court("Huyện Hóc Môn"))),
        amounts=_vnd(265_000_000), petition_date="2018-12-20", petition_place="Hóc Môn", signed_by="Lò Văn Thắm",
    )
    return Novel("first_instance_named_first", _text("first_instance_named_first", text), f)


def reopening_decision() -> Novel:
    """A reopening (tái thẩm) decision of the high court about a Quận 11 judgment (R3, stage TT), the
    first instance introduced by "hủy một phần Bản án …"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 11
Người yêu cầu thi hành án: Bà Tạ Thị Xuân Mai
Địa chỉ: 75 Tôn Thất Hiệp, Phường 13, Quận 11, TP. Hồ Chí Minh
Người phải thi hành án: Ông Ninh Đức Hậu
Địa chỉ: 301 Lãnh Binh Thăng, Phường 8, Quận 11, TP. Hồ Chí Minh
Quyết định tái thẩm số 12/2021/DS-TT ngày 09/6/2021 của Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh, hủy một phần Bản án số 40/2019/DS-ST ngày 28/3/2019 của Tòa án nhân dân Quận 11.
Nội dung yêu cầu: buộc ông Ninh Đức Hậu hoàn trả cho tôi 156.000.000 đồng.
TP. Hồ Chí Minh, ngày 30 tháng 8 năm 2021
Người yêu cầu
Tạ Thị Xuân Mai
"""
    f = Fields(
        addressed_to=_office("Quận 11"),
        requester=_p("Tạ Thị Xuân Mai", f"75 Tôn Thất Hiệp, Phường 13, Quận 11, {HCMC}"),
        debtor=_p("Ninh Đức Hậu", f"301 Lãnh Binh Thăng, Phường 8, Quận 11, {HCMC}"),
        judgment=_j("12/2021/DS-TT", "2021-06-09", HIGH, "high", "DS", "TT",
                    first=Ref(number="40/2019/DS-ST", date="2019-03-28", court=_court("Quận 11"))),
        amounts=_vnd(156_000_000), petition_date="2021-08-30", petition_place="TP. Hồ Chí Minh",
        signed_by="Tạ Thị Xuân Mai",
    )
    return Novel("reopening_decision", _text("reopening_decision", text), f)


def corruption_damages() -> Novel:
    """A state company claims damages under a criminal judgment for "tham ô tài sản" (HS-ST of the city
    court); the defendant is the debtor, named "bị cáo"; the subject is the offence as cited."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục Thi hành án dân sự Thành phố Hồ Chí Minh
Người yêu cầu thi hành án: Tổng Công ty Cấp nước Sài Gòn - TNHH Một thành viên
Mã số thuế: 0304789925
Địa chỉ: 1 Công Trường Quốc Tế, Phường 6, Quận 3, TP. Hồ Chí Minh
Người đại diện: Ông Vũ Đình Nguyên – Phó Tổng Giám đốc
Người phải thi hành án: Ông Quách Minh Trí (bị cáo)
Nơi cư trú: 90 Võ Thị Sáu, Phường Tân Định, Quận 1, TP. Hồ Chí Minh
Bản án hình sự sơ thẩm số 356/2019/HS-ST ngày 27/8/2019 của Tòa án nhân dân Thành phố Hồ Chí Minh xét xử bị cáo Quách Minh Trí về tội tham ô tài sản.
Nội dung yêu cầu: buộc ông Quách Minh Trí bồi thường cho Tổng Công ty số tiền 4.750.000.000 đồng.
TP. Hồ Chí Minh, ngày 04 tháng 12 năm 2019
KT. TỔNG GIÁM ĐỐC
PHÓ TỔNG GIÁM ĐỐC
Vũ Đình Nguyên
"""
    f = Fields(
        addressed_to=CUC,
        requester=_p("Tổng Công ty Cấp nước Sài Gòn - TNHH Một thành viên",
                     f"1 Công Trường Quốc Tế, Phường 6, Quận 3, {HCMC}", kind="organization", tax_code="0304789925",
                     representative="Vũ Đình Nguyên"),
        debtor=_p("Quách Minh Trí", f"90 Võ Thị Sáu, Phường Tân Định, Quận 1, {HCMC}"),
        judgment=_j("356/2019/HS-ST", "2019-08-27", _court(HCMC), "city", "HS", "ST", "tham ô tài sản"),
        amounts=_vnd(4_750_000_000), petition_date="2019-12-04", petition_place="TP. Hồ Chí Minh",
        signed_by="Vũ Đình Nguyên",
    )
    return Novel("corruption_damages", _text("corruption_damages", text), f)


def fraud_victim_prose() -> Novel:
    """A fraud victim's prose ("Tôi là người bị hại trong vụ án …") under a district criminal judgment for
    "lừa đảo chiếm đoạt tài sản" in quotes; the amount to return followed by "(đã trả 20.000.000 đồng)"."""
    text = """
Kính gửi: Chi cục Thi hành án dân sự Quận 10
Tôi là Âu Thị Kim Chi, sinh năm 1981, CCCD số 079181006655, thường trú tại 35 Sư Vạn Hạnh, Phường 12, Quận 10, TP. Hồ Chí Minh, điện thoại 0913 579 246.
Tôi là người bị hại trong vụ án hình sự đã được Tòa án nhân dân Quận 10 xét xử tại Bản án hình sự sơ thẩm số 142/2021/HS-ST ngày 19/11/2021 về tội "lừa đảo chiếm đoạt tài sản".
Bản án buộc bị cáo Đinh Văn Quyết, trú tại 210 Lý Thường Kiệt, Phường 6, Quận Tân Bình, TP. Hồ Chí Minh, trả lại cho tôi 380.000.000 đồng.
Nay tôi yêu cầu Quý Chi cục thi hành phần bồi thường nêu trên.
TP. Hồ Chí Minh, ngày 25 tháng 02 năm 2022
Người yêu cầu
Âu Thị Kim Chi
"""
    f = Fields(
        addressed_to=_office("Quận 10"),
        requester=_p("Âu Thị Kim Chi", f"35 Sư Vạn Hạnh, Phường 12, Quận 10, {HCMC}", id_number="079181006655",
                     phone="0913579246"),
        debtor=_p("Đinh Văn Quyết", f"210 Lý Thường Kiệt, Phường 6, Quận Tân Bình, {HCMC}"),
        judgment=_j("142/2021/HS-ST", "2021-11-19", _court("Quận 10"), "district", "HS", "ST",
                    "lừa đảo chiếm đoạt tài sản"),
        amounts=_vnd(380_000_000), petition_date="2022-02-25", petition_place="TP. Hồ Chí Minh",
        signed_by="Âu Thị Kim Chi",
    )
    return Novel("fraud_victim_prose", _text("fraud_victim_prose", text), f)


# --------------------------------------------------------------------------- writings of names, ids, dates, amounts


def caps_names_in_sentences() -> Novel:
    """Names in capitals inside mixed-case lines ("Ông NGUYỄN VĂN TƯ"), the signature block
    "Người yêu cầu / (Ký, ghi rõ họ tên) / [đã ký] / NGUYỄN VĂN TƯ"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 4
Người yêu cầu thi hành án: Ông NGUYỄN VĂN TƯ
Địa chỉ: 52 Tôn Đản, Phường 13, Quận 4, TP. Hồ Chí Minh
Người phải thi hành án: Bà PHAN THỊ KIM THOA
Địa chỉ: 17 Xóm Chiếu, Phường 14, Quận 4, TP. Hồ Chí Minh
Bản án số 26/2020/DS-ST ngày 08/7/2020 của Tòa án nhân dân Quận 4.
Nội dung yêu cầu: buộc bà PHAN THỊ KIM THOA trả cho tôi 94.500.000 đồng.
TP. Hồ Chí Minh, ngày 15 tháng 9 năm 2020
Người yêu cầu
(Ký, ghi rõ họ tên)
[đã ký]
NGUYỄN VĂN TƯ
"""
    f = Fields(
        addressed_to=_office("Quận 4"),
        requester=_p("Nguyễn Văn Tư", f"52 Tôn Đản, Phường 13, Quận 4, {HCMC}"),
        debtor=_p("Phan Thị Kim Thoa", f"17 Xóm Chiếu, Phường 14, Quận 4, {HCMC}"),
        judgment=_j("26/2020/DS-ST", "2020-07-08", _court("Quận 4"), "district", "DS", "ST"),
        amounts=_vnd(94_500_000), petition_date="2020-09-15", petition_place="TP. Hồ Chí Minh",
        signed_by="Nguyễn Văn Tư",
    )
    return Novel("caps_names_in_sentences", _text("caps_names_in_sentences", text), f)


def spaced_ids_old_phones() -> Novel:
    """2016: a spaced CMND "024 567 123 do CA TP.HCM cấp", a landline "(08) 3829 1234" and an 11-digit mobile
    "0122 345 6789" for the requester; "ĐT bàn" / "ĐTDĐ" labels."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 1
Người yêu cầu thi hành án: Ông Hà Thúc Khang
CMND: 024 567 123 do CA TP.HCM cấp ngày 05/02/2009
Địa chỉ: 48 Đinh Tiên Hoàng, P. Đa Kao, Q.1, TP.HCM
ĐT bàn: (08) 3829 1234
Người phải thi hành án: Ông Lâm Khải Đạt
Địa chỉ: 210 Trần Hưng Đạo, P. Nguyễn Cư Trinh, Q.1, TP.HCM
ĐTDĐ: 0122 345 6789
Bản án số 115/2015/DS-ST ngày 24/12/2015 của Tòa án nhân dân Quận 1.
Nội dung yêu cầu: buộc ông Lâm Khải Đạt trả 230.000.000 đồng.
TP. Hồ Chí Minh, ngày 18 tháng 4 năm 2016
Người yêu cầu
Hà Thúc Khang
"""
    f = Fields(
        addressed_to=_office("Quận 1"),
        requester=_p("Hà Thúc Khang", f"48 Đinh Tiên Hoàng, Phường Đa Kao, Quận 1, {HCMC}", id_number="024567123",
                     phone="0838291234"),
        debtor=_p("Lâm Khải Đạt", f"210 Trần Hưng Đạo, Phường Nguyễn Cư Trinh, Quận 1, {HCMC}",
                  phone="01223456789"),
        judgment=_j("115/2015/DS-ST", "2015-12-24", _court("Quận 1"), "district", "DS", "ST"),
        amounts=_vnd(230_000_000), petition_date="2016-04-18", petition_place="TP. Hồ Chí Minh",
        signed_by="Hà Thúc Khang",
    )
    return Novel("spaced_ids_old_phones", _text("spaced_ids_old_phones", text), f)


def blank_date_no_signer() -> Novel:
    """A printed form filled in but with the day left blank ("ngày …. tháng 3 năm 2017": no petition date,
    and, as in the development samples' truth, no place either: the form's printed place before a blank
    date is not what the citizen wrote) and nothing typed under "(Ký, ghi rõ họ tên)" (no signer)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 5
Người yêu cầu thi hành án: Bà Trịnh Ngọc Quế
Địa chỉ: 33 Phước Hưng, Phường 8, Quận 5, TP.HCM
Người phải thi hành án: Ông Vạn Thế Vinh
Địa chỉ: 12 Trần Bình Trọng, Phường 1, Quận 5, TP.HCM
Bản án số 06/2017/DS-ST ngày 10/01/2017 của Tòa án nhân dân Quận 5.
Nội dung yêu cầu: buộc ông Vạn Thế Vinh trả cho tôi 41.000.000 đồng.
TP. Hồ Chí Minh, ngày …. tháng 3 năm 2017
Người yêu cầu
(Ký, ghi rõ họ tên)
"""
    f = Fields(
        addressed_to=_office("Quận 5"),
        requester=_p("Trịnh Ngọc Quế", f"33 Phước Hưng, Phường 8, Quận 5, {HCMC}"),
        debtor=_p("Vạn Thế Vinh", f"12 Trần Bình Trọng, Phường 1, Quận 5, {HCMC}"),
        judgment=_j("06/2017/DS-ST", "2017-01-10", _court("Quận 5"), "district", "DS", "ST"),
        amounts=_vnd(41_000_000), petition_date=None, petition_place=None, signed_by=None,
    )
    return Novel("blank_date_no_signer", _text("blank_date_no_signer", text), f)


def dotted_dates_amount_d() -> Novel:
    """Dates written with dots ("ngày 12.5.2016", "TP.HCM, ngày 20.9.2016") and "1.200.000.000đ (Một tỷ hai
    trăm triệu đồng)"; "Nơi thường trú"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 10
Người yêu cầu thi hành án: Ông Đồng Sĩ Nguyên
Nơi thường trú: 400 Ba Tháng Hai, Phường 12, Quận 10, TP.HCM
Người phải thi hành án: Ông Bế Văn Lâm
Nơi thường trú: 15 Hòa Hưng, Phường 13, Quận 10, TP.HCM
Bản án số 32/2016/DS-ST ngày 12.5.2016 của Tòa án nhân dân Quận 10.
Nội dung yêu cầu: buộc ông Bế Văn Lâm trả 1.200.000.000đ (Một tỷ hai trăm triệu đồng).
TP.HCM, ngày 20.9.2016
Người yêu cầu
Đồng Sĩ Nguyên
"""
    f = Fields(
        addressed_to=_office("Quận 10"),
        requester=_p("Đồng Sĩ Nguyên", f"400 Ba Tháng Hai, Phường 12, Quận 10, {HCMC}"),
        debtor=_p("Bế Văn Lâm", f"15 Hòa Hưng, Phường 13, Quận 10, {HCMC}"),
        judgment=_j("32/2016/DS-ST", "2016-05-12", _court("Quận 10"), "district", "DS", "ST"),
        amounts=_vnd(1_200_000_000), petition_date="2016-09-20", petition_place="TP.HCM", signed_by="Đồng Sĩ Nguyên",
    )
    return Novel("dotted_dates_amount_d", _text("dotted_dates_amount_d", text), f)


def words_only_ty() -> Novel:
    """The amount only in words with "tỷ" ("hai tỷ ba trăm năm mươi triệu đồng"), the judgment cited with
    "do Tòa án nhân dân … tuyên ngày"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Gò Vấp
Người yêu cầu thi hành án: Bà Lạc Thị Hồng Nhung
Địa chỉ: 61 Nguyễn Oanh, Phường 10, Quận Gò Vấp, TP.HCM
Người phải thi hành án: Ông Thân Trọng Nghĩa
Địa chỉ: 230 Lê Đức Thọ, Phường 6, Quận Gò Vấp, TP.HCM
Bản án số 140/2019/DS-ST do Tòa án nhân dân quận Gò Vấp tuyên ngày 11/11/2019.
Nội dung yêu cầu: buộc ông Thân Trọng Nghĩa trả cho tôi hai tỷ ba trăm năm mươi triệu đồng.
TP. Hồ Chí Minh, ngày 03 tháng 02 năm 2020
Người yêu cầu
Lạc Thị Hồng Nhung
"""
    f = Fields(
        addressed_to=_office("Quận Gò Vấp"),
        requester=_p("Lạc Thị Hồng Nhung", f"61 Nguyễn Oanh, Phường 10, Quận Gò Vấp, {HCMC}"),
        debtor=_p("Thân Trọng Nghĩa", f"230 Lê Đức Thọ, Phường 6, Quận Gò Vấp, {HCMC}"),
        judgment=_j("140/2019/DS-ST", "2019-11-11", _court("Quận Gò Vấp"), "district", "DS", "ST"),
        amounts=_vnd(2_350_000_000), petition_date="2020-02-03", petition_place="TP. Hồ Chí Minh",
        signed_by="Lạc Thị Hồng Nhung",
    )
    return Novel("words_only_ty", _text("words_only_ty", text), f)


def assets_before_request() -> Novel:
    """Numbered sections in another order: judgment, parties, then "4. Thông tin về tài sản…" before
    "5. Nội dung yêu cầu"; the assets in one sentence."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận Tân Phú
1. Bản án yêu cầu thi hành: Bản án số 47/2021/DS-ST ngày 25/8/2021 của Tòa án nhân dân quận Tân Phú.
2. Người yêu cầu thi hành án: Ông Khổng Minh Triết, địa chỉ 18 Lũy Bán Bích, Phường Hòa Thạnh, Quận Tân Phú, TP.HCM.
3. Người phải thi hành án: Bà Viên Thị Hạnh, địa chỉ 9 Thoại Ngọc Hầu, Phường Phú Thạnh, Quận Tân Phú, TP.HCM.
4. Thông tin về tài sản của người phải thi hành án: bà Hạnh có xe ô tô biển số 51G-888.99 và tài khoản tại Ngân hàng Vietcombank Chi nhánh Tân Bình.
5. Nội dung yêu cầu: buộc bà Viên Thị Hạnh trả 315.000.000 đồng.
TP. Hồ Chí Minh, ngày 18 tháng 10 năm 2021
Người yêu cầu
Khổng Minh Triết
"""
    f = Fields(
        addressed_to=_office("Quận Tân Phú"),
        requester=_p("Khổng Minh Triết", f"18 Lũy Bán Bích, Phường Hòa Thạnh, Quận Tân Phú, {HCMC}"),
        debtor=_p("Viên Thị Hạnh", f"9 Thoại Ngọc Hầu, Phường Phú Thạnh, Quận Tân Phú, {HCMC}"),
        judgment=_j("47/2021/DS-ST", "2021-08-25", _court("Quận Tân Phú"), "district", "DS", "ST"),
        amounts=_vnd(315_000_000),
        assets="Bà Hạnh có xe ô tô biển số 51G-888.99 và tài khoản tại Ngân hàng Vietcombank Chi nhánh Tân Bình",
        petition_date="2021-10-18", petition_place="TP. Hồ Chí Minh", signed_by="Khổng Minh Triết",
    )
    return Novel("assets_before_request", _text("assets_before_request", text), f)


def apartment_address_alias() -> Novel:
    """An apartment address ("Căn hộ 12.05, Block A, Chung cư Sunrise City, 27 Nguyễn Hữu Thọ") and a debtor
    with an alias in parentheses ("Ông Lý Văn Sáu (tên gọi khác: Sáu Lé)")."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 7
Người yêu cầu thi hành án: Bà Kha Thị Thùy Dương
Số định danh cá nhân: 079193002468
Địa chỉ: Căn hộ 12.05, Block A, Chung cư Sunrise City, 27 Nguyễn Hữu Thọ, P. Tân Hưng, Q.7, TP.HCM
Người phải thi hành án: Ông Lý Văn Sáu (tên gọi khác: Sáu Lé)
Địa chỉ: 61/4 Lê Văn Lương, P. Tân Hưng, Q.7, TP.HCM
Bản án số 118/2022/DS-ST ngày 21/10/2022 của Tòa án nhân dân Quận 7.
Nội dung yêu cầu: buộc ông Lý Văn Sáu trả 67.800.000 đồng.
TP. Hồ Chí Minh, ngày 09 tháng 01 năm 2023
Người yêu cầu
Kha Thị Thùy Dương
"""
    f = Fields(
        addressed_to=_office("Quận 7"),
        requester=_p("Kha Thị Thùy Dương",
                     f"Căn hộ 12.05, Block A, Chung cư Sunrise City, 27 Nguyễn Hữu Thọ, Phường Tân Hưng, Quận 7, {HCMC}",
                     id_number="079193002468"),
        debtor=_p("Lý Văn Sáu", f"61/4 Lê Văn Lương, Phường Tân Hưng, Quận 7, {HCMC}"),
        judgment=_j("118/2022/DS-ST", "2022-10-21", _court("Quận 7"), "district", "DS", "ST"),
        amounts=_vnd(67_800_000), petition_date="2023-01-09", petition_place="TP. Hồ Chí Minh",
        signed_by="Kha Thị Thùy Dương",
    )
    return Novel("apartment_address_alias", _text("apartment_address_alias", text), f)


def fingerprint_signature() -> Novel:
    """An elderly requester who cannot write: "(Điểm chỉ)" then her name; the date "ngày 02/3/2017" after
    "Củ Chi,"; the address "Thị trấn Củ Chi"; the debtor "Anh" (younger relative)."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự huyện Củ Chi
Người yêu cầu thi hành án: Cụ bà Nguyễn Thị Út, sinh năm 1938
Địa chỉ: Khu phố 7, Thị trấn Củ Chi, Huyện Củ Chi, TP.HCM
Người phải thi hành án: Anh Nguyễn Văn Lượm
Địa chỉ: Ấp Bàu Tre 2, Xã Tân An Hội, Huyện Củ Chi, TP.HCM
Bản án số 12/2016/HNGĐ-ST ngày 18/8/2016 của Tòa án nhân dân huyện Củ Chi về việc tranh chấp cấp dưỡng.
Nội dung yêu cầu: buộc anh Nguyễn Văn Lượm cấp dưỡng cho tôi mỗi tháng 1.500.000 đồng.
Củ Chi, ngày 02/3/2017
Người yêu cầu
(Điểm chỉ)
Nguyễn Thị Út
"""
    f = Fields(
        addressed_to=_office("Huyện Củ Chi"),
        requester=_p("Nguyễn Thị Út", f"Khu phố 7, Thị trấn Củ Chi, Huyện Củ Chi, {HCMC}"),
        debtor=_p("Nguyễn Văn Lượm", f"Ấp Bàu Tre 2, Xã Tân An Hội, Huyện Củ Chi, {HCMC}"),
        judgment=_j("12/2016/HNGĐ-ST", "2016-08-18", _court("Huyện Củ Chi"), "district", "HNGĐ", "ST",
                    "tranh chấp cấp dưỡng"),
        amounts=_vnd(1_500_000), petition_date="2017-03-02", petition_place="Củ Chi", signed_by="Nguyễn Thị Út",
    )
    return Novel("fingerprint_signature", _text("fingerprint_signature", text), f)


def enterprise_certificate() -> Novel:
    """A company requester identified by "Giấy chứng nhận đăng ký doanh nghiệp số … do Sở Kế hoạch và Đầu tư
    TP.HCM cấp lần đầu ngày …" (the enterprise code is the tax code); representative "do ông … – Giám đốc
    làm đại diện"; a debtor person with CCCD and "Hộ khẩu thường trú"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 3
Người yêu cầu thi hành án: Công ty TNHH Nội thất Gỗ Việt
Giấy chứng nhận đăng ký doanh nghiệp số 0313579246 do Sở Kế hoạch và Đầu tư TP.HCM cấp lần đầu ngày 12/01/2016
Trụ sở: 160 Pasteur, Phường 6, Quận 3, TP.HCM
Do ông Thạch Minh Đăng – Giám đốc làm đại diện
Người phải thi hành án: Bà Hoàng Thị Liên
CCCD: 036185004321
Hộ khẩu thường trú: 25 Trần Quốc Thảo, Phường 7, Quận 3, TP.HCM
Bản án số 81/2020/KDTM-ST ngày 13/11/2020 của Tòa án nhân dân Quận 3 về việc tranh chấp hợp đồng mua bán hàng hóa.
Nội dung yêu cầu: buộc bà Hoàng Thị Liên thanh toán 432.000.000 đồng tiền hàng và 51.840.000 đồng tiền lãi chậm thanh toán.
TP. Hồ Chí Minh, ngày 21 tháng 01 năm 2021
GIÁM ĐỐC
Thạch Minh Đăng
"""
    f = Fields(
        addressed_to=_office("Quận 3"),
        requester=_p("Công ty TNHH Nội thất Gỗ Việt", f"160 Pasteur, Phường 6, Quận 3, {HCMC}", kind="organization",
                     tax_code="0313579246", representative="Thạch Minh Đăng"),
        debtor=_p("Hoàng Thị Liên", f"25 Trần Quốc Thảo, Phường 7, Quận 3, {HCMC}", id_number="036185004321"),
        judgment=_j("81/2020/KDTM-ST", "2020-11-13", _court("Quận 3"), "district", "KDTM", "ST",
                    "tranh chấp hợp đồng mua bán hàng hóa"),
        amounts=_vnd(432_000_000, 51_840_000), petition_date="2021-01-21",
        petition_place="TP. Hồ Chí Minh", signed_by="Thạch Minh Đăng",
    )
    return Novel("enterprise_certificate", _text("enterprise_certificate", text), f)


def wrong_office_cuc_district_case() -> Novel:
    """A district judgment sent to "Cục THADS Thành phố Hồ Chí Minh" (the office as written is what is read),
    the requester introduced "Tên tôi là:", the debtor "Họ tên người phải THA:" with "THA" abbreviated."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Cục THADS Thành phố Hồ Chí Minh
Tên tôi là: Đinh Công Tráng
Địa chỉ: 78 Phan Đình Phùng, Phường 2, Quận Phú Nhuận, TP.HCM
Điện thoại: 0944 321 987
Họ tên người phải THA: Bà Tiêu Mỹ Lệ
Địa chỉ: 150 Lê Văn Sỹ, Phường 10, Quận Phú Nhuận, TP.HCM
Bản án số 22/2023/DS-ST ngày 14/3/2023 của Tòa án nhân dân quận Phú Nhuận.
Nội dung yêu cầu: buộc bà Tiêu Mỹ Lệ trả cho tôi 198.000.000 đồng.
TP. Hồ Chí Minh, ngày 05 tháng 6 năm 2023
Người yêu cầu
Đinh Công Tráng
"""
    f = Fields(
        addressed_to=CUC,
        requester=_p("Đinh Công Tráng", f"78 Phan Đình Phùng, Phường 2, Quận Phú Nhuận, {HCMC}", phone="0944321987"),
        debtor=_p("Tiêu Mỹ Lệ", f"150 Lê Văn Sỹ, Phường 10, Quận Phú Nhuận, {HCMC}"),
        judgment=_j("22/2023/DS-ST", "2023-03-14", _court("Quận Phú Nhuận"), "district", "DS", "ST"),
        amounts=_vnd(198_000_000), petition_date="2023-06-05", petition_place="TP. Hồ Chí Minh",
        signed_by="Đinh Công Tráng",
    )
    return Novel("wrong_office_cuc_district_case", _text("wrong_office_cuc_district_case", text), f)


# --------------------------------------------------------------------------- DOCX layouts


def docx_four_columns() -> Novel:
    """A DOCX form as a four-column grid (label | value | label | value): "Họ tên | … | Năm sinh | …",
    "CCCD | … | Điện thoại | …", the address spanning the rest of its row as a plain value."""
    blocks: list[str | list[list[str]]] = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐƠN YÊU CẦU THI HÀNH ÁN",
        "Kính gửi: Chi cục Thi hành án dân sự Quận 11",
        "A. NGƯỜI YÊU CẦU THI HÀNH ÁN",
        [["Họ tên", "Trần Thị Thanh Thúy", "Năm sinh", "1984"],
         ["CCCD", "079184012345", "Điện thoại", "0983 112 233"],
         ["Địa chỉ", "215 Lạc Long Quân, Phường 3, Quận 11, TP.HCM", "", ""]],
        "B. NGƯỜI PHẢI THI HÀNH ÁN",
        [["Họ tên", "Quách Tuấn Kiệt", "Năm sinh", "1979"],
         ["CCCD", "", "Điện thoại", ""],
         ["Địa chỉ", "48 Hàn Hải Nguyên, Phường 2, Quận 11, TP.HCM", "", ""]],
        "C. BẢN ÁN YÊU CẦU THI HÀNH",
        [["Số", "31/2022/DS-ST", "Ngày", "26/4/2022"],
         ["Tòa án", "Tòa án nhân dân Quận 11", "", ""]],
        "D. NỘI DUNG YÊU CẦU",
        "Buộc ông Quách Tuấn Kiệt trả cho tôi 112.000.000 đồng.",
        "TP. Hồ Chí Minh, ngày 16 tháng 6 năm 2022",
        "Người yêu cầu",
        "Trần Thị Thanh Thúy",
    ]
    f = Fields(
        addressed_to=_office("Quận 11"),
        requester=_p("Trần Thị Thanh Thúy", f"215 Lạc Long Quân, Phường 3, Quận 11, {HCMC}", id_number="079184012345",
                     phone="0983112233"),
        debtor=_p("Quách Tuấn Kiệt", f"48 Hàn Hải Nguyên, Phường 2, Quận 11, {HCMC}"),
        judgment=_j("31/2022/DS-ST", "2022-04-26", _court("Quận 11"), "district", "DS", "ST"),
        amounts=_vnd(112_000_000), petition_date="2022-06-16", petition_place="TP. Hồ Chí Minh",
        signed_by="Trần Thị Thanh Thúy",
    )
    return Novel("docx_four_columns", _docx_blocks("docx_four_columns", blocks), f)


def docx_signature_table() -> Novel:
    """A DOCX in paragraphs whose place-date and signature stand in the right cell of a borderless table,
    beside "Tài liệu kèm theo" in the left cell."""
    blocks: list[str | list[list[str]]] = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ĐƠN YÊU CẦU THI HÀNH ÁN",
        "Kính gửi: Chi cục Thi hành án dân sự Quận 2",
        "Người yêu cầu thi hành án: Ông Mạnh Quốc Cường",
        "Địa chỉ: 14 Trần Não, Phường Bình An, Quận 2, TP. Hồ Chí Minh",
        "Người phải thi hành án: Bà Hứa Thị Kim Yến",
        "Địa chỉ: 9 Nguyễn Duy Trinh, Phường Bình Trưng Đông, Quận 2, TP. Hồ Chí Minh",
        "Bản án số 52/2019/DS-ST ngày 30/5/2019 của Tòa án nhân dân Quận 2.",
        "Nội dung yêu cầu: buộc bà Hứa Thị Kim Yến trả 146.000.000 đồng.",
        [["Tài liệu kèm theo:\n- Bản án số 52/2019/DS-ST;\n- Giấy xác nhận bản án có hiệu lực pháp luật.",
          "TP. Hồ Chí Minh, ngày 19 tháng 8 năm 2019\nNGƯỜI YÊU CẦU\n(Ký, ghi rõ họ tên)\nMạnh Quốc Cường"]],
    ]
    f = Fields(
        addressed_to=_office("Quận 2"),
        requester=_p("Mạnh Quốc Cường", f"14 Trần Não, Phường Bình An, Quận 2, {HCMC}"),
        debtor=_p("Hứa Thị Kim Yến", f"9 Nguyễn Duy Trinh, Phường Bình Trưng Đông, Quận 2, {HCMC}"),
        judgment=_j("52/2019/DS-ST", "2019-05-30", _court("Quận 2"), "district", "DS", "ST"),
        amounts=_vnd(146_000_000),
        attachments_listed=["Bản án số 52/2019/DS-ST", "Giấy xác nhận bản án có hiệu lực pháp luật"],
        petition_date="2019-08-19", petition_place="TP. Hồ Chí Minh", signed_by="Mạnh Quốc Cường",
    )
    return Novel("docx_signature_table", _docx_blocks("docx_signature_table", blocks), f)


def docx_table_other_labels() -> Novel:
    """A label | value table with other labels: "Bên yêu cầu", "Số CMND/CCCD", "Nơi cư trú", "Bên phải thi
    hành", "Căn cứ thi hành", "Yêu cầu cụ thể", "Ghi chú về tài sản"; the court in the citation as "TAND H. Nhà Bè"."""
    rows = [
        ("PHẦN I – CÁC BÊN", ""),
        ("Bên yêu cầu", "Bà Ông Thị Ngọc Hà"),
        ("Số CMND/CCCD", "079176005432"),
        ("Nơi cư trú", "Ấp 3, X. Hiệp Phước, H. Nhà Bè, TP.HCM"),
        ("Số điện thoại", "+84 907 654 321"),
        ("Bên phải thi hành", "Ông Sơn Văn Lực"),
        ("Nơi cư trú", "Ấp 1, X. Nhơn Đức, H. Nhà Bè, TP.HCM"),
        ("PHẦN II – CĂN CỨ VÀ YÊU CẦU", ""),
        ("Căn cứ thi hành", "Bản án số 29/2020/DS-ST ngày 07/7/2020 của TAND H. Nhà Bè"),
        ("Yêu cầu cụ thể", "Buộc ông Sơn Văn Lực trả 58.600.000 đồng"),
        ("Ghi chú về tài sản", "Ông Lực có 01 xe tải biển số 51D-456.78"),
    ]
    doc = _docx_table("docx_table_other_labels", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                                  "ĐƠN YÊU CẦU THI HÀNH ÁN",
                                                  "Kính gửi: Chi cục Thi hành án dân sự huyện Nhà Bè"], rows,
                      ["Nhà Bè, ngày 21 tháng 9 năm 2020", "Người yêu cầu", "Ông Thị Ngọc Hà"])
    f = Fields(
        addressed_to=_office("Huyện Nhà Bè"),
        requester=_p("Ông Thị Ngọc Hà", f"Ấp 3, Xã Hiệp Phước, Huyện Nhà Bè, {HCMC}", id_number="079176005432",
                     phone="0907654321"),
        debtor=_p("Sơn Văn Lực", f"Ấp 1, Xã Nhơn Đức, Huyện Nhà Bè, {HCMC}"),
        judgment=_j("29/2020/DS-ST", "2020-07-07", _court("Huyện Nhà Bè"), "district", "DS", "ST"),
        amounts=_vnd(58_600_000), assets="Ông Lực có 01 xe tải biển số 51D-456.78",
        petition_date="2020-09-21", petition_place="Nhà Bè", signed_by="Ông Thị Ngọc Hà",
    )
    return Novel("docx_table_other_labels", doc, f)


def creditor_minor_guardian() -> Novel:
    """A mother files for her minor child (the creditor) "với tư cách người đại diện theo pháp luật của
    cháu …": requester the mother, creditor the child with the same address stated "cùng địa chỉ"."""
    text = HEADER + """
ĐƠN YÊU CẦU THI HÀNH ÁN
Kính gửi: Chi cục Thi hành án dân sự Quận 9
Người yêu cầu thi hành án: Bà Hoa Thị Phượng, sinh năm 1985
Địa chỉ: 36 Đình Phong Phú, Phường Tăng Nhơn Phú B, Quận 9, TP.HCM
Là người đại diện theo pháp luật của người được thi hành án:
Người được thi hành án: Cháu Đoàn Gia Bảo, sinh năm 2012
Địa chỉ: 36 Đình Phong Phú, Phường Tăng Nhơn Phú B, Quận 9, TP.HCM
Người phải thi hành án: Ông Tô Văn Hiển
Địa chỉ: 102 Lê Văn Việt, Phường Hiệp Phú, Quận 9, TP.HCM
Bản án số 64/2019/DS-ST ngày 02/10/2019 của Tòa án nhân dân Quận 9 về việc tranh chấp bồi thường thiệt hại về sức khỏe.
Nội dung yêu cầu: buộc ông Tô Văn Hiển bồi thường cho cháu Đoàn Gia Bảo 73.400.000 đồng.
TP. Hồ Chí Minh, ngày 11 tháng 12 năm 2019
Người yêu cầu
Hoa Thị Phượng
"""
    f = Fields(
        addressed_to=_office("Quận 9"),
        requester=_p("Hoa Thị Phượng", f"36 Đình Phong Phú, Phường Tăng Nhơn Phú B, Quận 9, {HCMC}"),
        creditor=_p("Đoàn Gia Bảo", f"36 Đình Phong Phú, Phường Tăng Nhơn Phú B, Quận 9, {HCMC}"),
        debtor=_p("Tô Văn Hiển", f"102 Lê Văn Việt, Phường Hiệp Phú, Quận 9, {HCMC}"),
        judgment=_j("64/2019/DS-ST", "2019-10-02", _court("Quận 9"), "district", "DS", "ST",
                    "tranh chấp bồi thường thiệt hại về sức khỏe"),
        amounts=_vnd(73_400_000), petition_date="2019-12-11", petition_place="TP. Hồ Chí Minh",
        signed_by="Hoa Thị Phượng",
    )
    return Novel("creditor_minor_guardian", _text("creditor_minor_guardian", text), f)


BUILDERS: list[Callable[[], Novel]] = [
    d04_form, bank_letterhead_docx, finance_company_decision, lawyer_after_client, spouses_joint_debtors,
    alimony_arrears, return_car_no_money, hand_over_land, labour_reinstatement, admin_judgment_ubnd,
    arbitration_award_fcca, foreign_judgment_recognised, creditor_in_usa, assets_abroad, casual_email_em,
    no_diacritics_hoc_mon, thu_duc_after_merger, binh_duong_court, first_instance_named_first, reopening_decision,
    corruption_damages, fraud_victim_prose, caps_names_in_sentences, spaced_ids_old_phones, blank_date_no_signer,
    dotted_dates_amount_d, words_only_ty, assets_before_request, apartment_address_alias, fingerprint_signature,
    enterprise_certificate, wrong_office_cuc_district_case, docx_four_columns, docx_signature_table,
    docx_table_other_labels, creditor_minor_guardian,
]


def more_cases() -> list[Novel]:
    """Every petition of the second novel set with its expected fields."""
    return [b() for b in BUILDERS]
