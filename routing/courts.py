"""Reading court and office names: "TAND Q.3", "Tòa án nhân dân quận Ba", "Toa an nhan dan huyen
Duc Hoa, tinh Long An", "Chi cục THADS Quận 3, TP.HCM" all become a `Place`.

A `Place` says what level the court (or enforcement office) is at and where it sits:
- `local`: a district-level unit (quận, huyện, thị xã, thành phố thuộc tỉnh, khu vực), `unit` is its
  key ("quan 3", "huyen duc hoa") and `unit_display` its name as written ("huyện Đức Hòa");
- `province`: a provincial-level court or office (the province in `province`);
- `high`: a high court (cấp cao; the Supreme Court's former appeal courts) in `province`;
- `supreme`: the Supreme People's Court;
- `unknown`: nothing recognisable.

Matching is accent-insensitive (`parsers.vietnamese.fold_lower`) and abbreviation-tolerant. Nothing
here knows the office directory; `routing.directory` indexes `Place` keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from parsers.vietnamese import fold_lower, nfc

Level = Literal["local", "province", "high", "supreme", "unknown"]


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city (`kind` "tỉnh" or "thành phố")."""

    id: str  # folded name: "long an", "ho chi minh"
    name: str  # "Long An"
    kind: str  # "tỉnh" | "thành phố"
    aliases: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """"tỉnh Long An", "thành phố Cần Thơ"."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class Place:
    level: Level
    unit: str | None = None  # folded key "quan 3", "huyen duc hoa", or "? thu duc" without a unit word
    unit_display: str | None = None  # "huyện Đức Hòa", as written with the unit word normalised
    province: Province | None = None
    raw: str = ""

    @property
    def bare(self) -> str | None:
        """The unit's name without its unit word ("duc hoa"), for lenient lookups."""
        if not self.unit:
            return None
        for word in ("? ", "thanh pho ", "thi xa ", "khu vuc ", "quan ", "huyen "):
            if self.unit.startswith(word):
                return self.unit[len(word):]
        return self.unit


# ------------------------------------------------------------------ vocabulary (folded)

_COURT_PREFIX = re.compile(r"^\s*(toa an nhan dan|tand|toa an|toa)\b\s*")
_OFFICE_PREFIX = re.compile(
    r"^\s*(chi cuc thi hanh an dan su|chi cuc thi hanh an|chi cuc thads|cc thads|ccthads|"
    r"cuc thi hanh an dan su|cuc thi hanh an|cuc thads|phong thi hanh an dan su khu vuc|"
    r"phong thi hanh an dan su|phong thads|thi hanh an dan su|thads)\b\s*"
)
# unit words: folded spelling → (key word, display word)
_UNITS: list[tuple[str, str, str]] = [
    ("thanh pho", "thanh pho", "thành phố"),
    ("thi xa", "thi xa", "thị xã"),
    ("khu vuc", "khu vuc", "khu vực"),
    ("quan", "quan", "quận"),
    ("huyen", "huyen", "huyện"),
    ("tp", "thanh pho", "thành phố"),
    ("tx", "thi xa", "thị xã"),
    ("kv", "khu vuc", "khu vực"),
    ("q", "quan", "quận"),
    ("h", "huyen", "huyện"),
]
_UNIT_RE = re.compile(r"^(" + "|".join(u for u, _, _ in _UNITS) + r")(?:\s+|(?=\d))(.+)$")
_PROVINCE_WORD = re.compile(r"(?:\b(tinh|thanh pho|tp|t p)\s*)$")
_NUMBER_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
}


def _key_text(text: str) -> tuple[str, str]:
    """(NFC text, folded lower text with punctuation as spaces); both the same length."""
    t = nfc(text)
    s = fold_lower(t)
    s = "".join(c if (c.isalnum() or c == " ") else " " for c in s)
    return t, s


def fold_key(text: str) -> str:
    """Folded, lower case, punctuation removed, spaces collapsed: "Đức Hòa" → "duc hoa"."""
    return " ".join(_key_text(text)[1].split())


def make_province(name: str, kind: str, aliases: list[str] | tuple[str, ...] = ()) -> Province:
    return Province(id=fold_key(name), name=nfc(name), kind=nfc(kind), aliases=tuple(aliases))


def _province_patterns(provinces: list[Province]) -> list[tuple[str, re.Pattern[str], Province]]:
    """(key, pattern matching the key at the end of a text, province), longest keys first."""
    keys: list[tuple[str, Province]] = []
    for p in provinces:
        for spelling in (p.name, *p.aliases):
            k = fold_key(spelling)
            if k:
                keys.append((k, p))
            joined = k.replace(" ", "")
            if joined != k and len(joined) > 4:
                keys.append((joined, p))
    keys.sort(key=lambda kp: -len(kp[0]))
    return [(k, re.compile(r"(?<![a-z0-9])" + r"\s+".join(map(re.escape, k.split())) + r"\s*$"), p)
            for k, p in keys]


class PlaceReader:
    """Reads court and office names against a list of provinces (built once, used many times)."""

    def __init__(self, provinces: list[Province]):
        self.provinces = provinces
        self._patterns = _province_patterns(provinces)
        self._by_id = {p.id: p for p in provinces}

    def province(self, text: str) -> Province | None:
        """The province named by `text` ("tỉnh Long An", "TP.HCM", "Can Tho"), or None."""
        s = " ".join(_key_text(text)[1].split())
        s = re.sub(r"^(tinh|thanh pho|tp|t p)\s+", "", s)
        for k, _, p in self._patterns:
            if s == k:
                return p
        return None

    def read(self, text: str | None, *, office: bool = False) -> Place:
        """Parse a court name (or, with office=True, an enforcement office name) into a Place."""
        if not text or not text.strip():
            return Place("unknown", raw=text or "")
        raw = nfc(text)
        # "(Tòa Kinh tế)", "(VIAC)": a parenthesis adds nothing to where the court sits
        t, s = _key_text(re.sub(r"\s*\([^)]*\)", " ", raw))
        prefix = (_OFFICE_PREFIX if office else _COURT_PREFIX).match(s)
        if not prefix and office:
            prefix = _COURT_PREFIX.match(s)
        start = prefix.end() if prefix else 0
        t, s = t[start:], s[start:]
        # high and supreme courts
        if re.search(r"\bcap cao\b", s) or (re.search(r"\bphuc tham\b", s) and re.search(r"\btoi cao\b", s)):
            m = re.search(r"\btai\b", s)
            prov = self._trailing_province(s[m.end():] if m else s)
            return Place("high", province=prov[0] if prov else None, raw=raw)
        if re.search(r"\btoi cao\b", s) or re.match(r"\s*tc\b", s) or s.strip() == "tandtc":
            return Place("supreme", raw=raw)
        # a trailing province ("…, tỉnh Long An", "TP.HCM")
        province = None
        found = self._trailing_province(s)
        end = len(s)
        if found:
            province, at, said_kind = found
            head = s[:at].strip()
            if said_kind and said_kind != province.kind and not head:
                # "thành phố Bắc Ninh" alone: the city, not the province of the same name
                return self._unit(t, s, province, raw)
            end = at
        t, s = t[:end], s[:end]
        if not s.strip():
            if province:
                return Place("province", province=province, raw=raw)
            if office and prefix and prefix.group(1).startswith("cuc"):
                return Place("province", raw=raw)  # "Cục Thi hành án dân sự" alone: the home province's Cục
            return Place("unknown", raw=raw)
        return self._unit(t, s, province, raw)

    # -------------------------------------------------------------- helpers

    def _trailing_province(self, s: str) -> tuple[Province, int, str | None] | None:
        """The province named at the end of `s`: (province, start offset incl. its kind word, kind said)."""
        s = s.rstrip()
        s2 = re.sub(r"\s*\bviet nam\s*$", "", s).rstrip()
        best = None
        for _, rx, p in self._patterns:
            m = rx.search(s2)
            if m:
                at = m.start()
                before = s2[:at]
                # "huyện Long An": a unit word right before means a district of that name
                if re.search(r"\b(quan|huyen|thi xa|q|h|tx|khu vuc)\s*$", before):
                    continue
                kind_m = _PROVINCE_WORD.search(before)
                said = None
                if kind_m:
                    said = "tỉnh" if kind_m.group(1) == "tinh" else "thành phố"
                    at = kind_m.start()
                best = (p, at, said)
                break
        return best

    def _unit(self, t: str, s: str, province: Province | None, raw: str) -> Place:
        lead = len(s) - len(s.lstrip())
        t, s = t[lead:].rstrip(" ,.;-–"), s[lead:].rstrip()
        s = s[: len(t)]
        m = _UNIT_RE.match(s)
        if m:
            word = m.group(1)
            key_word, display_word = next((k, d) for u, k, d in _UNITS if u == word)
            name_s = " ".join(m.group(2).split())
            name_t = " ".join(t[m.start(2):].split()).strip(" ,.;-–")
            if key_word in ("quan", "khu vuc"):
                if name_s in _NUMBER_WORDS:
                    name_s = name_t = str(_NUMBER_WORDS[name_s])
                elif name_s.isdigit():
                    name_s = name_t = str(int(name_s))
            return Place("local", unit=f"{key_word} {name_s}", unit_display=f"{display_word} {name_t}",
                         province=province, raw=raw)
        name_s = " ".join(s.split())
        if not name_s:
            return Place("unknown", province=province, raw=raw)
        return Place("local", unit=f"? {name_s}", unit_display=" ".join(t.split()), province=province, raw=raw)


def is_arbitration(text: str | None) -> bool:
    """True for an arbitration centre or tribunal ("Trung tâm Trọng tài …", "VIAC", "hội đồng trọng tài")."""
    if not text:
        return False
    s = fold_key(text)
    return bool(re.search(r"\btrong tai\b|\bviac\b|\bstac\b|\barbitrat", s))


def short_name(name: str) -> str:
    """Court and office names as a clerk writes them: "TAND Quận 3", "Chi cục THADS Quận 3"."""
    out = nfc(name)
    for long, short in (
        ("Tòa án nhân dân", "TAND"),
        ("Thi hành án dân sự", "THADS"),
        ("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"),
    ):
        out = re.sub(re.escape(long), short, out, flags=re.IGNORECASE)
    return out
