"""Normalisers: literal petition text → the normal forms of `parsers.model.Fields`.

Each function takes the text as written and returns the normal form, or None when the
text holds no such value (outcome as a value, never an exception). Normal forms are those
of the samples README ("Normal forms"): NFC, modern tone placement, ISO dates, digits-only
identifiers, integer amounts, expanded administrative units, canonical court names.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from parsers.model import Amount, CourtLevel
from parsers.vietnamese import clean, fold, fold_lower, is_upper_text, modern_tone, title_case

# ------------------------------------------------------------------ data files


@cache
def load_data(name: str) -> dict:
    """A TOML file of parsers/data (read once; plain data, no configuration)."""
    return tomllib.loads(resources.files("parsers").joinpath("data", name).read_text("utf-8"))


# ------------------------------------------------------------------ dates

_DATE_WORDS = re.compile(
    r"(?:ngay\s*)?(?<!\d)(\d{1,2})\s*(?:,\s*)?thang\s*(\d{1,2})\s*(?:,\s*)?nam\s*(\d{4})", re.I
)
_DATE_NUM = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])")


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if not (1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """All dates in `text` as (start, end, ISO date), in order.

    Forms: "ngày 02 tháng 3 năm 2017" (with or without diacritics), "2/3/2017",
    "02-03-2017", "02.03.2017" (day first, the Vietnamese order).
    """
    low = fold_lower(text)
    found: list[tuple[int, int, str]] = []
    for m in _DATE_WORDS.finditer(low):
        iso = _iso(m[1], m[2], m[3])
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _DATE_NUM.finditer(low):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        iso = _iso(m[1], m[3], m[4])
        if iso:
            found.append((m.start(), m.end(), iso))
    return sorted(found)


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO `YYYY-MM-DD`, or None."""
    dates = find_dates(text)
    return dates[0][2] if dates else None


# ------------------------------------------------------------------ amounts

_DIGITS = {
    "khong": 0, "mot": 1, "mốt": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
    "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}
_SCALES = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 1_000_000_000, "ti": 1_000_000_000}
_NUMBER_WORDS = set(_DIGITS) | set(_SCALES) | {"muoi", "tram", "le", "linh", "rưỡi", "ruoi"}


def parse_amount_words(text: str) -> int | None:
    """Vietnamese number words → integer: "một trăm năm mươi triệu đồng" → 150000000.

    Accepts text with or without diacritics; stops at the first word that is not a
    number word (after at least one). Returns None when no number is written.
    """
    words = re.findall(r"[a-z]+", fold_lower(text))
    total = 0
    group = 0  # the part below a thousand being built
    last_digit: int | None = None
    seen = False
    for word in words:
        if word in _DIGITS:
            digit = _DIGITS[word]
            group += digit
            last_digit = digit
        elif word == "muoi":
            if last_digit is not None and group % 10 == last_digit and last_digit > 0:
                group += last_digit * 9  # "hai mươi" = 2 → 20
            else:
                group += 10  # "mười"
            last_digit = None
        elif word == "tram":
            units = last_digit if last_digit is not None else 1
            group = group - units + units * 100
            last_digit = None
        elif word in ("le", "linh"):
            last_digit = None
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale == 1_000_000_000:
                total = (total + group) * scale
            else:
                total += (group or 1) * scale
            group = 0
            last_digit = None
        elif word in ("ruoi",):
            continue
        else:
            if seen:
                break
            continue
        seen = True
    if not seen:
        return None
    return total + group


_CURRENCY_WORDS = [
    ("VND", r"vnd|vnđ|dong viet nam|dong|đ(?![a-z])|d(?![a-z])"),
    ("USD", r"usd|us\$|do la my|đo la my|dollars?|\$"),
    ("SGD", r"sgd|s\$|do la singapore|đo la singapore"),
    ("EUR", r"eur|euro|€"),
]
_CUR_AFTER = "|".join(f"(?P<{c}>{p})" for c, p in _CURRENCY_WORDS)
_NUM = r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_MULT = r"(?:\s*(?P<mult>trieu|ty|ti|nghin|ngan))?"
_AMOUNT_AFTER = re.compile(rf"(?<![\w.,/])(?P<num>{_NUM}){_MULT}\s*(?:{_CUR_AFTER})(?![a-z])")
_AMOUNT_BEFORE = re.compile(rf"(?<![a-z])(?P<cur>usd|sgd|eur|vnd)\s*(?P<num>{_NUM})(?![\d])")
# figures with several scale words: "5 tỷ 200 triệu đồng", "1 tỷ 250 triệu 500 nghìn đồng"
_AMOUNT_MIXED = re.compile(
    rf"(?<![\w.,/])(?P<parts>(?:\d+(?:[.,]\d+)?\s*(?:ty|ti|trieu|nghin|ngan)\s*){{2,}}(?:\d{{1,3}}\s*)?)(?:{_CUR_AFTER})(?![a-z])"
)
_WORDS_AMOUNT = re.compile(
    r"(?<![a-z])((?:(?:" + "|".join(sorted(_NUMBER_WORDS | {"mot"}, key=len, reverse=True))
    + r")[\s,]+)+)(?:" + _CUR_AFTER + r")(?![a-z])"
)


def _number_value(num: str, mult: str | None) -> int | None:
    """"1.868.647.000" → 1868647000; "61,500" → 61500; "1,5" + "tỷ" → 1500000000."""
    parts = re.split(r"[.,]", num)
    if len(parts) > 1 and len(parts[-1]) != 3:
        integer = "".join(parts[:-1])
        fraction = parts[-1]
    else:
        integer, fraction = "".join(parts), ""
    if not integer.isdigit():
        return None
    factor = _SCALES.get(mult or "", 1)
    value = int(integer) * factor
    if fraction:
        value += int(fraction) * factor // (10 ** len(fraction))
    return value


# "(Bằng chữ: …)" this close after a figure's end repeats that figure
_IN_WORDS_REACH = 40


def find_amounts(text: str, trust_words: bool = False) -> list[tuple[int, int, Amount]]:
    """Sums of money in `text` as (start, end, Amount), in order of appearance.

    Figures ("150.000.000 đồng", "1.868.647.000 VNĐ", "SGD 61,500", "2,5 tỷ đồng") and
    amounts in words ("một trăm năm mươi triệu đồng"). Words that only repeat a figure
    ("(Bằng chữ: …)") are left out: an amount in words counts only when no figure stands
    in the same sentence before it.

    A petition writes a sum twice, in figures and "bằng chữ" (in words). When the figure
    before "(Bằng chữ: …)" could not be read (an OCR'd "2706 520.000 đầng"), the words give
    the sum. When both were read and differ, `trust_words` (OCR'd text: a digit under a
    copier's fold reads as another digit, while a misread number word no longer parses at
    all) makes the words' value replace the figure's; otherwise the figure as typed stays.
    """
    low = fold_lower(text)
    found: list[tuple[int, int, Amount]] = []
    for m in _AMOUNT_MIXED.finditer(low):
        pairs = re.findall(r"(\d+(?:[.,]\d+)?)\s*(ty|ti|trieu|nghin|ngan)?", m["parts"])
        scales = [_SCALES[sc] for _, sc in pairs if sc]
        if scales != sorted(scales, reverse=True) or len(set(scales)) != len(scales):
            continue  # "2 triệu 3 tỷ" is not one sum
        value = sum(_number_value(num, sc or None) or 0 for num, sc in pairs if num)
        cur = next(c for c, _ in _CURRENCY_WORDS if m.group(c))
        if value > 0:
            found.append((m.start(), m.end(), Amount(value=value, currency=cur)))
    for m in _AMOUNT_AFTER.finditer(low):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        cur = next(c for c, _ in _CURRENCY_WORDS if m.group(c))
        if cur == "VND" and m.group("VND") in ("d",) and not m.group("mult"):
            if "." not in m["num"] and "," not in m["num"]:
                continue  # a bare "5 d" is too weak
        value = _number_value(m["num"], m.group("mult"))
        if value is not None and value > 0:
            found.append((m.start(), m.end(), Amount(value=value, currency=cur)))
    for m in _AMOUNT_BEFORE.finditer(low):
        if any(s <= m.start() < e for s, e, _ in found):
            continue
        value = _number_value(m["num"], None)
        if value:
            found.append((m.start(), m.end(), Amount(value=value, currency=m["cur"].upper())))
    for m in _WORDS_AMOUNT.finditer(low):
        if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in found):
            continue
        before = low[max(0, m.start() - 80):m.start()]
        if "bang chu" in before[-25:]:  # "(Bằng chữ: …)" repeating a figure
            _check_in_words(found, low, m, trust_words)
            continue
        if any(0 <= m.start() - e <= 60 and not re.search(r"\.\s|\n|;", low[e:m.start()]) for _, e, _ in found):
            continue  # words right after a figure repeat it
        value = parse_amount_words(m.group(1))
        if value and value >= 1000:
            cur = next(c for c, _ in _CURRENCY_WORDS if m.group(c))
            found.append((m.start(), m.end(), Amount(value=value, currency=cur)))
    return sorted(found, key=lambda t: t[0])


def _check_in_words(found: list[tuple[int, int, Amount]], low: str, words: re.Match[str], trust_words: bool) -> None:
    """Compare "(Bằng chữ: …)" with the figure just before it; add or correct that figure (see `find_amounts`)."""
    value = parse_amount_words(words.group(1))
    if not value or value < 1000:
        return
    opening = low.rfind("bang chu", 0, words.start())
    cur = next(c for c, _ in _CURRENCY_WORDS if words.group(c))
    figure = max((i for i, (_, e, _) in enumerate(found) if 0 <= opening - e <= _IN_WORDS_REACH),
                 key=lambda i: found[i][1], default=None)
    if figure is None:
        # no figure read right before: the sum written in figures was lost or garbled, unless
        # the same sum was read as a figure elsewhere in the sentence
        if not any(a.value == value for _, _, a in found):
            found.append((words.start(), words.end(), Amount(value=value, currency=cur)))
    elif trust_words and found[figure][2].value != value and found[figure][2].currency == cur:
        start, end, _ = found[figure]
        found[figure] = (start, end, Amount(value=value, currency=cur))


# ------------------------------------------------------------------ unknown values


def _unknown_key(text: str) -> str:
    return re.sub(r"[\s.…_:;,()\[\]\-–—*/]+", " ", fold_lower(text)).strip()


@cache
def _unknown_values() -> frozenset[str]:
    return frozenset(_unknown_key(v) for v in load_data("labels.toml")["unknown"]["values"])


def is_unknown(text: str) -> bool:
    """True when a field value only says it is not known or not given: "không rõ", "Chưa rõ.",
    "(không có)", "khong ro", an OCR'd "không rỏ", an empty fill-in line ("..........", "____").

    The words are compared folded (accents and case ignored, labels.toml [unknown]); a short
    note in parentheses after them ("không rõ (đã chuyển đi)") does not change that.
    """
    low = fold_lower(clean(text))
    low = re.sub(r"\s*\([^)]*\)\s*$", "", low) if not re.fullmatch(r"\s*\(.*\)\s*", low) else low
    key = _unknown_key(low)
    return not key or key in _unknown_values()


# ------------------------------------------------------------------ identifiers


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def normalize_phone(text: str) -> str | None:
    """Phone number, digits only in national form: "+84 90 230 1078" → "0902301078".

    11-digit mobiles of before 2018 (01xx) and 08/028 landlines are kept as written.
    """
    raw = text.strip()
    d = digits(raw)
    if raw.lstrip("(").startswith("+84") or (d.startswith("84") and len(d) in (11, 12) and not raw.startswith("0")):
        d = "0" + d[2:]
    if d.startswith("00840"):
        d = d[4:]
    if 9 <= len(d) <= 11 and d.startswith("0"):
        return d
    return None


def normalize_id(text: str) -> str | None:
    """CMND (9 digits, or 12) / CCCD (12 digits) number, digits only; a passport number as written ("TK8883423")."""
    compact = re.sub(r"[\s.]", "", text)
    if re.fullmatch(r"[A-Za-z]{1,2}\d{6,8}", compact):
        return compact.upper()
    d = digits(text)
    return d if len(d) in (9, 12) else None


def normalize_tax_code(text: str) -> str | None:
    """Tax code / enterprise code: 10 digits, branches 13 ("0100233583-107" → "0100233583107")."""
    d = digits(text)
    return d if len(d) in (10, 13) else None


# ------------------------------------------------------------------ names


def _titles() -> list[str]:
    return sorted(load_data("labels.toml")["titles"]["person"], key=len, reverse=True)


def strip_title(text: str) -> str:
    """Remove a leading form of address ("Ông", "Bà", "Luật sư", "LS.").

    Titles are compared with their accents when the name has them ("Cù" is a surname, "Cụ" a
    title), and at most one one-word form of address is removed ("Ông Ông Văn Lực": the second
    "Ông" is the surname; so is the one of "Ông Thị Ngọc Hà").
    """
    out = text.strip()
    changed = True
    kin_done = False
    while changed:
        changed = False
        accented = fold_lower(out) != out.lower()
        low = out.lower() if accented else fold_lower(out)
        for title in _titles():
            t = modern_tone(title).lower() if accented else fold_lower(title)
            one_word = " " not in t and not t.endswith(".") and "/" not in t and "(" not in t
            if one_word and kin_done:
                continue
            if low.startswith(t) and (len(low) == len(t) or not low[len(t)].isalnum() or t.endswith(".")):
                rest = out[len(t):].lstrip(" .:")
                if one_word and fold_lower(rest).split(" ", 1)[0] == "thi" and len(rest.split()) >= 2:
                    break  # "Ông Thị Ngọc Hà": Ông is her surname, Thị her middle name; no "Mr" is a Thị
                if rest and rest[0].isupper():
                    out = rest
                    changed = True
                    kin_done = kin_done or one_word
                    break
    return out


# a foreign company's name ends with its legal form ("Kansai Seiki Co., Ltd.", "Acme Pte. Ltd.")
_ORG_SUFFIX = re.compile(r"(?:\bco\.?,?\s*)?\b(?:ltd|limited|jsc|inc|corp|corporation|llc|pte\.?\s*ltd|gmbh|plc)\.?\s*$",
                         re.IGNORECASE)


def is_organization(name: str) -> bool:
    """True when the name starts like an organisation's ("Công ty", "Ngân hàng", "UBND"…) or ends
    with a company's legal form ("Co., Ltd.")."""
    if _ORG_SUFFIX.search(name.strip()):
        return True
    # compare with accents when the name has them: "Trương" (a surname) is not "Trường" (a school)
    accented = fold_lower(name) != name.lower()
    low = name.strip().lower() if accented else fold_lower(name.strip())
    for prefix in load_data("labels.toml")["organization"]["prefixes"]:
        p = modern_tone(prefix).lower() if accented else fold_lower(prefix)
        if low.startswith(p) and (len(low) == len(p) or not low[len(p)].isalnum()):
            # without accents a one-word prefix may be a surname: "Truong Van Nghia" is Trương, not a school
            return accented or " " in p or p not in _folded_surnames()
    return False


@cache
def _folded_surnames() -> frozenset[str]:
    return frozenset(fold_lower(s) for s in load_data("names.toml")["surnames"])


_ORG_WORDS = {
    # canonical spelling of form words in organisation names typed in capitals
    "tnhh": "TNHH", "tmcp": "TMCP", "mtv": "MTV", "cp": "CP", "jsc": "JSC", "dntn": "DNTN", "ubnd": "UBND",
    "thads": "THADS", "vn": "VN", "xnk": "XNK", "tm": "TM", "dv": "DV", "sx": "SX", "xd": "XD", "hcm": "HCM",
}


def _org_case(name: str) -> str:
    words = name.split()
    out = []
    for i, w in enumerate(words):
        key = fold_lower(w.strip(".,()"))
        if key in _ORG_WORDS:
            out.append(w.replace(w.strip(".,()"), _ORG_WORDS[key]))
        elif i > 0 and fold_lower(words[i - 1]) in ("cong", "ngan", "co", "trach", "thanh"):
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:].lower())
    return " ".join(out)


def normalize_name(text: str) -> str | None:
    """A party's name: no title, no brand in parentheses, title case when typed in capitals.

    "ÔNG NGUYỄN VĂN AN" → "Nguyễn Văn An"; "Ngân hàng TMCP Ngoại thương Việt Nam
    (Vietcombank)" → "Ngân hàng TMCP Ngoại thương Việt Nam".
    """
    if is_unknown(text):
        return None
    name = clean(text)
    name = re.sub(r"[.…_]{2,}.*$", "", name)  # dotted fill-in lines of the form
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)  # brand or note in parentheses at the end
    name = re.sub(r"\s*\(.*$", "", name)  # an unclosed parenthesis (wrapped line)
    stripped = name.strip(" ,;:.-–—\"“”'")
    if re.search(r"\b(?:co|ltd|inc|corp|jsc)$", stripped, re.IGNORECASE) and name.rstrip().startswith(stripped + "."):
        stripped += "."  # "Kansai Seiki Co., Ltd.": the abbreviation's dot is the name's
    name = stripped
    if not name:
        return None
    if is_organization(name):
        return _org_case(name) if is_upper_text(name) else name
    name = strip_title(name)
    name = re.split(r"\s+[–—-]\s+|,", name)[0].strip()
    if is_upper_text(name):
        name = title_case(name.lower())
    else:
        # a person's name is a run of capitalised syllables; stop at anything else (OCR specks, notes)
        run = []
        for w in name.split():
            if w.isalpha() and w[:1].isupper() and (len(w) == 1 or w[1:].islower()):
                run.append(w)
            else:
                break
        if len(run) >= 2:
            name = " ".join(run)
    return name or None


# ------------------------------------------------------------------ addresses

_HCMC_RE = re.compile(
    r"(?:thanh\s*pho|tp\.?)\s*(?:ho\s*chi\s*minh\w*|hcm|ho\s*chi$)\b|tp\.?\s*hcm|tphcm|\bhcmc\b|\bho\s+chi\s+minh\b",
)
_UNIT_RULES = [
    # (folded pattern at the start of an address part, canonical unit word)
    # "P Tân Phú" (OCR lost the dot): a lone P or Q before a name is the unit too
    (r"(?:phuong|p)\s*\.?\s*(?=\d)|(?:phuong|p\.)\s*|p\s+", "Phường"),
    (r"(?:quan|q)\s*\.?\s*(?=\d)|(?:quan|q\.)\s*|q\s+", "Quận"),
    (r"(?:huyen|h\.)\s*", "Huyện"),
    (r"(?:thi\s*tran|tt\.)\s*", "Thị trấn"),
    (r"(?:thi\s*xa|tx\.)\s*", "Thị xã"),
    (r"(?:xa|x\.)\s*", "Xã"),
    (r"(?:thanh\s*pho|tp\.?)\s*", "Thành phố"),
    (r"(?:tinh|t\.)\s*", "Tỉnh"),
]


def _expand_part(part: str, hcmc_name: str) -> str:
    p = part.strip()
    low = fold_lower(p)
    if _HCMC_RE.fullmatch(low.strip(" .")) or fold_lower(p).strip(" .") in ("tp.hcm", "tp hcm", "tphcm", "hcm"):
        return hcmc_name
    for pattern, unit in _UNIT_RULES:
        m = re.match(pattern, low)
        if m and m.end() < len(p):
            rest = p[m.end():].strip(" .")
            if not rest or not (rest[0].isdigit() or rest[0].isupper()):
                continue
            if unit == "Thành phố" and _HCMC_RE.fullmatch(fold_lower(p).strip(" .")):
                return hcmc_name
            if is_upper_text(rest):
                rest = title_case(rest.lower())
            return f"{unit} {rest}"
    return p


# units below the ward, before their number ("Tổ 7", "Khu phố 2", "Ấp 3"): any part of an address,
# the first one included; written back with their accents (OCR reads "Tổ 7" as "Tố 7")
_NUMBERED_UNITS = [
    (re.compile(r"to\s+dan\s+pho(?=\s*\d)"), "Tổ dân phố"),
    (re.compile(r"khu\s+pho(?=\s*\d)"), "Khu phố"),
    (re.compile(r"to(?=\s*\d)"), "Tổ"),
    (re.compile(r"ap(?=\s*\d)"), "Ấp"),
]


def _numbered_unit(part: str) -> str:
    low = fold_lower(part)
    for pattern, unit in _NUMBERED_UNITS:
        m = pattern.match(low)
        if m:
            return unit + part[m.end():]
    return part


def normalize_address(text: str) -> str | None:
    """An address in the normal form: abbreviations expanded, unit words capitalised.

    "120 Võ Văn Tần, P.6, Q.3, TP.HCM" → "120 Võ Văn Tần, Phường 6, Quận 3, Thành phố Hồ
    Chí Minh". Foreign addresses are kept as written (only spacing and NFC are fixed).
    """
    addr = re.sub(r"\s*[.…_]{3,}.*$", "", clean(text)).strip(" ,.;")  # dotted fill-in lines of the form
    if not addr or is_unknown(addr):
        return None
    if _is_foreign(addr):
        return addr
    no_diacritics = fold_lower(addr) == addr.lower()
    hcmc = "Thành phố Hồ Chí Minh"
    # "P7" "Q3" glued: split off; also "P.7,Q.3" without spaces
    parts = [_numbered_unit(x.strip()) for x in re.split(r"\s*,\s*", addr) if x.strip()]
    # a house/street part may carry the ward after a dash: leave it
    out = [_expand_part(x, hcmc) if i > 0 or len(parts) == 1 else x.strip() for i, x in enumerate(parts)]
    if out and _HCMC_RE.search(fold_lower(out[0])) and len(parts) > 1:
        out[0] = parts[0]
    result = ", ".join(out)
    # written without diacritics: the value stays so (expansions folded too)
    return fold(result) if no_diacritics else result



def _is_foreign(text: str) -> bool:
    return foreign_country(text) is not None and not _HCMC_RE.search(fold_lower(text))


def foreign_country(text: str) -> str | None:
    """The foreign country named in `text` (a city resolves to its country), or None."""
    low = " " + re.sub(r"[^a-z0-9]+", " ", fold_lower(text)) + " "
    data = load_data("places.toml")["countries"]
    names = sorted(data["names"], key=len, reverse=True)
    best: tuple[int, str] | None = None
    for name in names:
        key = " " + re.sub(r"[^a-z0-9]+", " ", fold_lower(name)).strip() + " "
        if key.strip() in ("anh", "my", "duc", "y", "ao", "bi", "nga", "uc", "lao", "se c", "sec", "phap"):
            # short names that are also common words/name syllables: need a country cue
            cue = re.search(r"\b(?:nuoc|cong hoa|quoc tich|vuong quoc|tai|o)\s+" + re.escape(key.strip()) + r"(?![a-z])", low)
            if not cue:
                continue
        pos = low.find(key)
        if pos >= 0 and (best is None or pos < best[0]):
            best = (pos, name)
    if best is None:
        return None
    return data.get("city_of", {}).get(best[1], best[1])


# ------------------------------------------------------------------ judgment numbers

_TYPES = {"DS": "DS", "HNGD": "HNGĐ", "HNGĐ": "HNGĐ", "KDTM": "KDTM", "LD": "LĐ", "LĐ": "LĐ", "HC": "HC", "HS": "HS"}
_STAGES = {"ST": "ST", "PT": "PT", "GDT": "GĐT", "GĐT": "GĐT", "TT": "TT"}
_TYPE_RE = "HNGD|KDTM|DS|LD|HC|HS"
_STAGE_RE = "GDT|ST|PT|TT"
JUDGMENT_NUMBER = re.compile(
    rf"(?<![\d/])(\d{{1,5}})\s*/+\s*((?:19|20)\d\d)\s*/+\s*"
    rf"(?:(QD)D?\s*-?\s*({_STAGE_RE})?\s*-?\s*({_TYPE_RE})?(?![A-Z])"
    rf"|({_TYPE_RE})\s*-?\s*({_STAGE_RE})(?![A-Z]))"
)


def fold_upper(text: str) -> str:
    """Folded upper case with the same length as the NFC text (Đ→D)."""
    return fold_lower(text).upper()


def find_judgment_numbers(text: str) -> list[tuple[int, int, str]]:
    """Judgment and decision numbers in `text` as (start, end, canonical number).

    Accepts PDF spacing and wraps ("01/2025 /QĐ - PT", "…/KDTM-\\nST", "DSST"); returns
    "<n>/<year>/<TYPE>-<STAGE>" or "<n>/<year>/QĐ<STAGE>-<TYPE>". Acceptance numbers
    (TLST-…) and contract numbers do not match.
    """
    up = fold_upper(text)
    out = []
    for m in JUDGMENT_NUMBER.finditer(up):
        n, year = m[1], m[2]
        if m[3]:
            stage = _STAGES.get(m[4] or "", "")
            typ = _TYPES.get(m[5] or "", "")
            if not stage and not typ:
                continue
            number = f"{n}/{year}/QĐ{stage}-{typ}" if typ else f"{n}/{year}/QĐ-{stage}"
        else:
            number = f"{n}/{year}/{_TYPES[m[6]]}-{_STAGES[m[7]]}"
        out.append((m.start(), m.end(), number))
    return out


def normalize_number(text: str) -> str | None:
    """The canonical judgment number in `text`, or the text cleaned (awards, foreign numbers)."""
    found = find_judgment_numbers(text)
    if found:
        return found[0][2]
    value = clean(text).strip(" ,.;")
    return value or None


def number_parts(number: str) -> tuple[str | None, str | None]:
    """(case_type, stage) read from a canonical number."""
    m = re.fullmatch(r"\d+/\d{4}/(?:QĐ(ST|PT|GĐT|TT)?(?:-(\w+))?|(\w+)-(\w+))", number)
    if not m:
        return None, None
    if m[3]:
        return m[3], m[4]
    return m[2], m[1]


# ------------------------------------------------------------------ courts and offices

_COURT_PREFIX = re.compile(r"^(?:toa\s*an\s*nhan\s*dan|tand|toa\s*an|ta)\b\.?\s*")


def _hcmc_district(rest_low: str) -> str | None:
    """"quan 3" / "q.3" / "huyen binh chanh" / "binh thanh" → canonical district unit name."""
    data = load_data("places.toml")["hcmc"]
    m = re.match(r"(?:(quan|q)\s*\.?\s*|(huyen|h\.)\s*|(thanh\s*pho|tp\.?)\s*)?(.+)$", rest_low.strip())
    if not m:
        return None
    body = m[4].strip(" .,")
    if m[1]:  # "quận 03", "Quận Ba": a numbered district written otherwise
        words = {fold_lower(k): v for k, v in data.get("number_words", {}).items()}
        body = re.sub(r"^0+(?=\d)", "", body)
        if body in words:
            body = str(words[body])
    # a known name followed by specks or a note ("quận Bình Tân VỆ"): keep the name
    for name in data["urban"] + data["rural"]:
        key = fold_lower(name)
        if body.startswith(key + " ") and len(body) - len(key) <= 4 and not body[len(key):].strip()[:1].isdigit():
            body = key
            break
    for name in data["urban"]:
        if fold_lower(name) == body and not m[2]:
            if m[3] and name in data.get("cities", []):
                return f"Thành phố {name}"
            return f"Quận {name}"
    for name in data["rural"]:
        if fold_lower(name) == body and not m[1]:
            return f"Huyện {name}"
    return None


def _split_hcmc_suffix(low: str) -> tuple[str, bool]:
    m = re.search(r"[,\s-]*(?:thanh\s*pho|tp\.?)?\s*(?:ho\s*chi\s*minh\w*|hcm|ho\s*chi)\.?$", low)
    if m:
        return low[: m.start()].strip(" ,-"), True
    return low, False


def canonical_court(text: str) -> tuple[str | None, CourtLevel | None]:
    """A court as cited → (canonical name, court level).

    "TAND Q.3" → ("Tòa án nhân dân Quận 3", "district"); "TAND TP.HCM" → city;
    "TAND cấp cao tại TP. HCM" → high; "Tòa án nhân dân huyện Đức Hòa, tỉnh Long An" →
    other_province; an arbitration centre → arbitration; a court of a foreign country →
    foreign (as written).
    """
    value = clean(text).strip(" ,.;()")
    if not value:
        return None, None
    low = fold_lower(value)
    if "trong tai" in low or "arbitration" in low:
        for centre in load_data("places.toml")["arbitration"]:
            for alias in [centre["canonical"], *centre["aliases"]]:
                a = fold_lower(alias)
                if a in low:
                    return centre["canonical"], "arbitration"
        return value, "arbitration"
    if foreign_country(value) and not _HCMC_RE.search(low):
        return value, "foreign"
    m = _COURT_PREFIX.match(low)
    rest = low[m.end():] if m else low
    rest_orig = value[m.end():] if m else value
    if "cap cao" in rest:
        place = rest_orig[rest.index("cap cao") + len("cap cao"):].strip()
        place = re.sub(r"^(?:tại|tai)\s+", "", place)
        if not place or _HCMC_RE.search(fold_lower(place)):
            place = "Thành phố Hồ Chí Minh"
        return f"Tòa án nhân dân cấp cao tại {place}", "high"
    rest_no_hcmc, had_hcmc = _split_hcmc_suffix(rest)
    if not rest_no_hcmc.strip(" ,.") and had_hcmc:
        return "Tòa án nhân dân Thành phố Hồ Chí Minh", "city"
    if re.match(r"(?:thanh\s*pho|tp\.?)\s*(?:ho\s*chi\s*minh\w*|hcm)(?![a-z])(?!\s*,?\s*(?:quan|huyen|q\.))", rest):
        return "Tòa án nhân dân Thành phố Hồ Chí Minh", "city"  # trailing specks after the name
    district = _hcmc_district(rest_no_hcmc)
    names_other = load_data("places.toml")["provinces"]
    other = [p for p in names_other["provinces"] + names_other["cities"] if fold_lower(p) in rest]
    if district and not other:
        return f"Tòa án nhân dân {district}", "district"
    if m:
        tail = rest_orig.strip(" ,.")
        if not tail or not (tail[0].isupper() or tail[0].isdigit() or re.match(
                r"(?:tinh|thanh\s+pho|tp|huyen|quan|thi\s+xa|tx|khu\s+vuc)\b", fold_lower(tail))):
            return None, None  # "Tòa án nhân dân tống đạt…": not a court's name
        tail = re.sub(r"\s*,\s*", ", ", tail)
        tail = _lower_units(tail)
        return f"Tòa án nhân dân {tail}", "other_province"
    return value, None


def _lower_units(text: str) -> str:
    """Unit words in lower case, as courts outside HCMC are written: "huyện Đức Hòa, tỉnh Long An"."""
    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        low = fold_lower(word)
        table = {"tinh": "tỉnh", "huyen": "huyện", "quan": "quận", "thanh pho": "thành phố", "thi xa": "thị xã",
                 "tp.": "thành phố ", "tp": "thành phố", "tx.": "thị xã "}
        return table.get(low.strip(), word)
    text = re.sub(r"(?i)(?<![\w])(?:tỉnh|tinh|huyện|huyen|quận|quan|thành phố|thanh pho|thị xã|thi xa|tp\.|tx\.)(?![\w])", repl, text)
    return re.sub(r"\s+", " ", text).strip()


_OFFICE = re.compile(
    # "dân sự" is often left out ("Chi cục Thi hành án Quận 5", "Chi cục THA DS Quận 5")
    r"^(?:(chi\s*cuc|cuc)\s*(?:thi\s*hanh\s*an(?:\s*dan\s*su)?|thads|tha\s*ds)(?![a-z])|"
    r"(phong)\s*(?:thi\s*hanh\s*an\s*dan\s*su|thads)\s*khu\s*vuc)\s*(.*)$"
)


def canonical_office(text: str) -> str | None:
    """An enforcement office as addressed → canonical name, or None when generic.

    "Chi cục THADS Q.3" → "Chi cục Thi hành án dân sự Quận 3"; "Cục THADS TP.HCM" →
    "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"; "Quý cơ quan…" → None.
    """
    value = clean(text).strip(" ,.;:")
    value = re.sub(r"\s*\(.*$", "", value)  # a note after the name: "(nơi người phải thi hành án cư trú)"
    low = fold_lower(value)
    m = _OFFICE.match(low)
    if not m:
        return None
    rest_orig = value[m.start(3):].strip(" ,.") if m[3] else ""
    rest, had_hcmc = _split_hcmc_suffix(m[3].strip(" ,."))
    if m[1] and m[1].replace(" ", "") == "cuc":
        if not rest or had_hcmc and not rest:
            return "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"
        if _HCMC_RE.search(m[3]) and not rest.strip():
            return "Cục Thi hành án dân sự Thành phố Hồ Chí Minh"
        return f"Cục Thi hành án dân sự {_lower_units(rest_orig)}"
    district = _hcmc_district(rest)
    if district:
        return f"Chi cục Thi hành án dân sự {district}"
    if m[2]:
        return f"Phòng Thi hành án dân sự khu vực {rest_orig}"
    return f"Chi cục Thi hành án dân sự {_lower_units(rest_orig)}" if rest_orig else None
