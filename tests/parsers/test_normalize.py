"""Normalisers: table-driven, many written forms → one normal form."""

from __future__ import annotations

import pytest

from parsers import normalize as nz
from parsers.model import Amount
from parsers.vietnamese import fold, fold_lower, modern_tone


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("ngày 02 tháng 3 năm 2017", "2017-03-02"),
        ("Ngày 2 tháng 03 năm 2017", "2017-03-02"),
        ("ngay 8 thang 8 nam 2019", "2019-08-08"),
        ("TP. Hồ Chí Minh, ngày 31 tháng 12 năm 2020", "2020-12-31"),
        ("2/3/2017", "2017-03-02"),
        ("02-03-2017", "2017-03-02"),
        ("02.03.2017", "2017-03-02"),
        ("ký ngày 15 / 07 / 2019", "2019-07-15"),
        ("26 tháng 2 năm 2014", "2014-02-26"),
        ("ngày 32/13/2017", None),
        ("số 125/2016/DS-ST", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert nz.parse_date(text) == iso


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("một trăm năm mươi triệu đồng", 150_000_000),
        ("Ba tỷ không trăm hai mươi lăm triệu chín trăm nghìn đồng", 3_025_900_000),
        ("Ba trăm lẻ bảy triệu đồng", 307_000_000),
        ("hai mươi mốt nghìn", 21_000),
        ("mười lăm triệu", 15_000_000),
        ("Một tỷ tám trăm sáu mươi tám triệu sáu trăm bốn mươi bảy ngàn đồng", 1_868_647_000),
        ("hai mươi tư triệu", 24_000_000),
        ("Chin muoi chin trieu dong", 99_000_000),
        ("không có", 0),
        ("đồng", None),
    ],
)
def test_parse_amount_words(words: str, value: int | None) -> None:
    assert nz.parse_amount_words(words) == value


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("số tiền 150.000.000 đồng", [(150_000_000, "VND")]),
        ("1.868.647.000 VNĐ", [(1_868_647_000, "VND")]),
        ("1.868.647.000 VND", [(1_868_647_000, "VND")]),
        ("150 triệu đồng", [(150_000_000, "VND")]),
        ("2,5 tỷ đồng", [(2_500_000_000, "VND")]),
        ("số tiền SGD 61,500", [(61_500, "SGD")]),
        ("12.000 USD và 5.000 EUR", [(12_000, "USD"), (5_000, "EUR")]),
        ("bồi thường một trăm năm mươi triệu đồng.", [(150_000_000, "VND")]),
        # a total, then its breakdown: all three, in order
        ("tổng 5.569.675.000 đồng (Bằng chữ: Năm tỷ năm trăm sáu mươi chín triệu sáu trăm bảy mươi lăm nghìn đồng), "
         "trong đó nợ gốc 4.847.000.000 đồng và nợ lãi 722.675.000 đồng",
         [(5_569_675_000, "VND"), (4_847_000_000, "VND"), (722_675_000, "VND")]),
        ("tài khoản số 0071000123456 tại Ngân hàng", []),
        ("khoản 2 Điều 468 Bộ luật Dân sự năm 2015", []),
    ],
)
def test_find_amounts(text: str, amounts: list[tuple[int, str]]) -> None:
    assert [(a.value, a.currency) for _, _, a in nz.find_amounts(text)] == amounts


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("120 Võ Văn Tần, P.6, Q.3, TP.HCM", "120 Võ Văn Tần, Phường 6, Quận 3, Thành phố Hồ Chí Minh"),
        ("2 Trường Sơn, P.2, Q. Tân Bình, Tp.HCM", "2 Trường Sơn, Phường 2, Quận Tân Bình, Thành phố Hồ Chí Minh"),
        ("26 Nguyễn Thị Rành, X. Trung Lập Hạ, H. Củ Chi, TP. HCM",
         "26 Nguyễn Thị Rành, Xã Trung Lập Hạ, Huyện Củ Chi, Thành phố Hồ Chí Minh"),
        ("Khu phố 3, TT. Củ Chi, H. Củ Chi, Thành phố Hồ Chí Minh",
         "Khu phố 3, Thị trấn Củ Chi, Huyện Củ Chi, Thành phố Hồ Chí Minh"),
        ("9 Lê Lợi, phường Bến Nghé, quận 1, thành phố Hồ Chí Minh",
         "9 Lê Lợi, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"),
        ("140 Tỉnh lộ 10, xã Mỹ Hạnh Nam, huyện Đức Hòa, tỉnh Long An",
         "140 Tỉnh lộ 10, Xã Mỹ Hạnh Nam, Huyện Đức Hòa, Tỉnh Long An"),
        ("25 Rue de Rivoli, Paris, Cộng hòa Pháp", "25 Rue de Rivoli, Paris, Cộng hòa Pháp"),
        ("12 Le Loi, P.7, Q.3, TP.HCM", "12 Le Loi, Phuong 7, Quan 3, Thanh pho Ho Chi Minh"),
        ("45 Pasteur, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh.",
         "45 Pasteur, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh"),
    ],
)
def test_normalize_address(text: str, address: str) -> None:
    assert nz.normalize_address(text) == address


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("0902 301 078", "0902301078"),
        ("090.230.1078", "0902301078"),
        ("+84 90 230 1078", "0902301078"),
        ("(+84) 902301078", "0902301078"),
        ("0166.755.2796", "01667552796"),  # 11-digit mobile of before 2018, kept
        ("(028) 5027 2346", "02850272346"),
        ("08.3829.1234", "0838291234"),  # HCMC landline of before 2017, kept
        ("12345", None),
    ],
)
def test_normalize_phone(text: str, phone: str | None) -> None:
    assert nz.normalize_phone(text) == phone


@pytest.mark.parametrize(
    ("fn", "text", "value"),
    [
        (nz.normalize_id, "079 151 933 120", "079151933120"),
        (nz.normalize_id, "022.077.902", "022077902"),
        (nz.normalize_id, "12345", None),
        (nz.normalize_tax_code, "0100233583-107", "0100233583107"),
        (nz.normalize_tax_code, "0301452948", "0301452948"),
        (nz.normalize_tax_code, "03014529", None),
    ],
)
def test_identifiers(fn, text: str, value: str | None) -> None:
    assert fn(text) == value


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ông Nguyễn Văn An", "Nguyễn Văn An"),
        ("Bà Lê Thị Nga – Chức vụ: Giám đốc", "Lê Thị Nga"),
        ("NGUYỄN VĂN AN", "Nguyễn Văn An"),
        ("ÔNG TRẦN THỊ BÍCH", "Trần Thị Bích"),
        ("Luật sư Phạm Minh Tuấn", "Phạm Minh Tuấn"),
        ("LS. Phạm Minh Tuấn", "Phạm Minh Tuấn"),
        ("Bà Dương Bích Tâm ...........", "Dương Bích Tâm"),
        ("Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)", "Ngân hàng TMCP Ngoại thương Việt Nam"),
        ("Công ty TNHH Nội thất An Khang", "Công ty TNHH Nội thất An Khang"),
        ("Nguyen Van An", "Nguyen Van An"),
        ("Võ Minh Hạnh HỘ Si To", "Võ Minh Hạnh"),
    ],
)
def test_normalize_name(text: str, name: str) -> None:
    assert nz.normalize_name(text) == name


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("125/2016/DS-ST", "125/2016/DS-ST"),
        ("01/2025 /QĐ - PT", "01/2025/QĐ-PT"),
        ("12/2019/KDTM-\nST", "12/2019/KDTM-ST"),
        ("5/2016/DSST", "5/2016/DS-ST"),
        ("46/2019/QDST-KDTM", "46/2019/QĐST-KDTM"),
        ("03/2015/HC - GĐT", "03/2015/HC-GĐT"),
        ("844/2017/HNGĐ-ST", "844/2017/HNGĐ-ST"),
        ("06/2013/DS - TT", "06/2013/DS-TT"),
    ],
)
def test_judgment_numbers(text: str, number: str) -> None:
    assert nz.normalize_number(text) == number


def test_acceptance_and_contract_numbers_are_not_judgments() -> None:
    assert nz.find_judgment_numbers("Thông báo thụ lý số 120/2016/TLST-DS") == []
    assert nz.find_judgment_numbers("Hợp đồng thế chấp số 44/2010/HĐTC") == []


@pytest.mark.parametrize(
    ("text", "court", "level"),
    [
        ("TAND Q.3", "Tòa án nhân dân Quận 3", "district"),
        ("Tòa án nhân dân quận 6", "Tòa án nhân dân Quận 6", "district"),
        ("TAND Huyện Hóc Môn", "Tòa án nhân dân Huyện Hóc Môn", "district"),
        ("Toà án nhân dân quận Bình Thạnh, TP.HCM", "Tòa án nhân dân Quận Bình Thạnh", "district"),
        ("TAND TP.HCM", "Tòa án nhân dân Thành phố Hồ Chí Minh", "city"),
        ("Tòa án nhân dân Thành phố Hồ Chí Minh", "Tòa án nhân dân Thành phố Hồ Chí Minh", "city"),
        ("TAND cấp cao tại TP. HCM", "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh", "high"),
        ("Toà án nhân dân huyện Đức Hoà, tỉnh Long An", "Tòa án nhân dân huyện Đức Hòa, tỉnh Long An", "other_province"),
        ("TAND tỉnh Đồng Nai", "Tòa án nhân dân tỉnh Đồng Nai", "other_province"),
        ("Tòa án nhân dân quận Ninh Kiều, thành phố Cần Thơ", "Tòa án nhân dân quận Ninh Kiều, thành phố Cần Thơ",
         "other_province"),
        ("Trung tâm Trọng tài Quốc tế Việt Nam", "Trung tâm Trọng tài Quốc tế Việt Nam (VIAC)", "arbitration"),
        ("Tòa án Quận Trung tâm Seoul, Hàn Quốc", "Tòa án Quận Trung tâm Seoul, Hàn Quốc", "foreign"),
        ("Tòa án nhân dân tống đạt", None, None),
    ],
)
def test_canonical_court(text: str, court: str | None, level: str | None) -> None:
    assert nz.canonical_court(text) == (court, level)


@pytest.mark.parametrize(
    ("text", "office"),
    [
        ("Chi cục THADS Q.3", "Chi cục Thi hành án dân sự Quận 3"),
        ("CHI CỤC THADS HUYỆN HÓC MÔN", "Chi cục Thi hành án dân sự Huyện Hóc Môn"),
        ("Cục THADS TP.HCM", "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"),
        ("Cuc Thi hanh an dan su Thanh pho Ho Chi Minh", "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"),
        ("Chi cục Thi hành án dân sự Quận Bình Tân, Thành phố Hồ Chí Minh", "Chi cục Thi hành án dân sự Quận Bình Tân"),
        ("Cơ quan thi hành án dân sự nơi có thẩm quyền", None),
        ("Quý cơ quan", None),
    ],
)
def test_canonical_office(text: str, office: str | None) -> None:
    assert nz.canonical_office(text) == office


@pytest.mark.parametrize(
    ("old", "new"),
    [("Toà án", "Tòa án"), ("Đức Hoà", "Đức Hòa"), ("Thuỷ", "Thủy"), ("uỷ quyền", "ủy quyền"), ("khoẻ", "khỏe"),
     ("quý", "quý"), ("hoàn thành", "hoàn thành"), ("THUỶ", "THỦY"), ("hoạ", "họa")],
)
def test_modern_tone(old: str, new: str) -> None:
    assert modern_tone(old) == new


def test_fold_keeps_length_and_case() -> None:
    text = "Tòa án nhân dân Đức Hòa"
    assert fold(text) == "Toa an nhan dan Duc Hoa"
    assert len(fold_lower(text)) == len(text)


def test_foreign_country() -> None:
    assert nz.foreign_country("45 Gangnam-daero, Seocho-gu, Seoul, Hàn Quốc") == "Hàn Quốc"
    assert nz.foreign_country("12 Orchard Road, Singapore 238823") == "Singapore"
    assert nz.foreign_country("Tô Anh Đông, Phường An Khánh, Quận 2") is None
    assert Amount(value=1).currency == "VND"


@pytest.mark.parametrize(
    ("name", "org"),
    [("Trương Khánh Thúy", False), ("Trường Đại học Luật", True), ("Phong Thị Hà", False), ("Phòng Công chứng số 1", True),
     ("Cúc Thị Lan", False), ("Công ty TNHH Minh An", True), ("Cong ty TNHH Minh An", True), ("UBND Quận 1", True),
     ("Ngân hàng TMCP Á Châu", True)],
)
def test_is_organization(name: str, org: bool) -> None:
    assert nz.is_organization(name) is org


# ---------------------------------------------------------------- forms unseen in the samples


def test_numbered_district_in_words_or_with_leading_zero() -> None:
    assert nz.canonical_court("TAND quận 03") == ("Tòa án nhân dân Quận 3", "district")
    assert nz.canonical_court("Tòa án nhân dân Quận Mười Một") == ("Tòa án nhân dân Quận 11", "district")
    assert nz.canonical_office("Chi cục THADS Quận Ba") == "Chi cục Thi hành án dân sự Quận 3"


def test_office_named_without_dan_su() -> None:
    assert nz.canonical_office("Chi cục Thi hành án Quận 5") == "Chi cục Thi hành án dân sự Quận 5"
    assert nz.canonical_office("Chi cục THA DS Q.5") == "Chi cục Thi hành án dân sự Quận 5"


def test_amount_with_several_scale_words() -> None:
    assert [a.value for *_, a in nz.find_amounts("thanh toán 5 tỷ 200 triệu đồng")] == [5_200_000_000]
    assert [a.value for *_, a in nz.find_amounts("trả 150 triệu đồng và 2 tỷ đồng")] == [150_000_000, 2_000_000_000]


def test_title_compared_with_accents_and_stripped_once() -> None:
    assert nz.normalize_name("Ông Cù Minh Hải") == "Cù Minh Hải"  # Cù is a surname, Cụ a title
    assert nz.normalize_name("Ông Ông Văn Lực") == "Ông Văn Lực"  # Ông is also a surname
    assert nz.normalize_name("ONG NGUYEN VAN AN") == "Nguyen Van An"


@pytest.mark.parametrize(
    "text",
    ["không rõ", "Không rỏ.", "khong ro", "Chưa rõ", "không biết", "(không có)", "...........", "____",
     "Không xác định (đã chuyển đi nơi khác)"],
)
def test_unknown_value_gives_none(text: str) -> None:
    assert nz.is_unknown(text)
    assert nz.normalize_address(text) is None
    assert nz.normalize_name(text) is None


def test_value_starting_like_unknown_is_kept() -> None:
    assert not nz.is_unknown("Không Gian Xanh")
    assert nz.normalize_address("5 Lý Thường Kiệt, P.4, Q.10, TP.HCM") is not None


def test_amount_in_words_after_a_figure() -> None:
    agree = "trả 150.000.000 đồng (Bằng chữ: Một trăm năm mươi triệu đồng)"
    assert [a.value for *_, a in nz.find_amounts(agree)] == [150_000_000]
    differ = "trả 158.000.000 đồng (Bằng chữ: Một trăm năm mươi triệu đồng)"
    assert [a.value for *_, a in nz.find_amounts(differ)] == [158_000_000]  # typed: the figure
    assert [a.value for *_, a in nz.find_amounts(differ, trust_words=True)] == [150_000_000]  # OCR'd: the words
    lost = "trả 15O.OOO.OOO đầng (Bằng chữ: Một trăm năm mươi triệu đồng)"
    assert [a.value for *_, a in nz.find_amounts(lost)] == [150_000_000]


@pytest.mark.parametrize("text, want", [
    ("Tố 7, Ấp Tân Định, Xã Tân An Hội, Huyện Củ Chi", "Tổ 7, Ấp Tân Định, Xã Tân An Hội, Huyện Củ Chi"),
    ("Tổ dân phố 3, P.7, Q.3", "Tổ dân phố 3, Phường 7, Quận 3"),
    ("Khu pho 2, Phường Linh Trung", "Khu phố 2, Phường Linh Trung"),
    ("Áp 3, Xã Bình Mỹ", "Ấp 3, Xã Bình Mỹ"),
    ("12 Tố Hữu, P.7", "12 Tố Hữu, Phường 7"),  # a street's name, not a unit
    ("11 Bùi Viện, P Phạm Ngũ Lão, Q 1", "11 Bùi Viện, Phường Phạm Ngũ Lão, Quận 1"),  # OCR lost the dots
    ("3 Phan Văn Trị, P.10", "3 Phan Văn Trị, Phường 10"),
])
def test_numbered_units_below_the_ward(text: str, want: str) -> None:
    assert nz.normalize_address(text) == want
