"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI) → Unicode.

Before Unicode (TCVN 6909:2001) Vietnamese offices typed in TCVN3 ("ABC",
fonts `.VnTime`, capitals-only `.VnTimeH`) or VNI (`VNI-Times`). The bytes
survive in .docx/.doc/.pdf files as Latin-1 look-alikes: "Chi côc Thi hµnh ¸n
d©n sù". The mapping tables are data (`parsers/data/legacy_encodings.toml`).

Detection:
- by font name (`encoding_of_font`), the strong signal inside Word files;
- by character statistics (`detect`) when no font is known (PDF text, .doc, .txt).

Every conversion is checked with a syllable validator (`syllable_ratio`): if the
converted text does not read as Vietnamese syllables better than the original,
the original is kept and a warning says so.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

Encoding = Literal["tcvn3", "vni"]

_DATA = "legacy_encodings.toml"


@dataclass(frozen=True)
class _Table:
    single: dict[str, str]
    double: dict[str, str]  # two-character sequences (VNI base letter + mark)

    def convert(self, text: str) -> str:
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            pair = text[i : i + 2]
            if len(pair) == 2 and pair in self.double:
                out.append(self.double[pair])
                i += 2
                continue
            ch = text[i]
            out.append(self.single.get(ch, ch))
            i += 1
        return "".join(out)


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, str]]:
    """The data file, read once on first use."""
    return tomllib.loads(resources.files("parsers").joinpath("data", _DATA).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _tables() -> dict[str, _Table]:
    """The mapping tables."""
    tables: dict[str, _Table] = {}
    for name in ("tcvn3", "vni"):
        mapping = _data()[name]
        single = {k: v for k, v in mapping.items() if len(k) == 1}
        double = {k: v for k, v in mapping.items() if len(k) == 2}
        tables[name] = _Table(single=single, double=double)
    return tables


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """Convert TCVN3 text to Unicode NFC; `capitals=True` for text in a `.VnXxxH` font."""
    out = _tables()["tcvn3"].convert(text)
    if capitals:
        out = out.upper()
    return unicodedata.normalize("NFC", out)


def restore_lost_u_horn(text: str) -> str:
    """Put back the "ư" (TCVN3 byte 0xAD, a soft hyphen to Latin-1) that an extractor dropped.

    Only when the text has no "ư" at all, and only for the listed words
    (`[tcvn3_lost_u_horn]` in the data file), e.g. "Ngời" → "Người", "Phờng" → "Phường".
    """
    if "ư" in text.lower():
        return text
    words = _data()["tcvn3_lost_u_horn"]

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        full = words.get(word.lower())
        if full is None:
            return word
        if word.isupper() and len(word) > 1:
            return full.upper()
        return full[0].upper() + full[1:] if word[0].isupper() else full

    return _WORD.sub(fix, text)


def vni_to_unicode(text: str) -> str:
    """Convert VNI Windows text to Unicode NFC."""
    return unicodedata.normalize("NFC", _tables()["vni"].convert(text))


def convert(text: str, encoding: Encoding, capitals: bool = False) -> str:
    """Convert `text` from the named legacy encoding to Unicode NFC."""
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text, capitals=capitals)
    return vni_to_unicode(text)


FontEncoding = tuple[Encoding, bool]  # (encoding, capitals font)


def encoding_of_font(font: str | None) -> FontEncoding | None:
    """The legacy encoding a font name implies, with whether it is a capitals-only font.

    ".VnTime" → ("tcvn3", False); ".VnTimeH", ".VnArialH" → ("tcvn3", True);
    "VNI-Times", "VNI-Helve" → ("vni", False); anything else → None.
    """
    if not font:
        return None
    name = font.strip()
    if name.startswith(".Vn") or name.lower().startswith(".vn"):
        base = name.split()[0]
        capitals = base.endswith("H") and not base.endswith("TH")  # .VnTimeH, .VnArialH
        return ("tcvn3", capitals)
    if name.upper().startswith("VNI-") or name.upper().startswith("VNI "):
        return ("vni", False)
    return None


# ------------------------------------------------------------------ syllables

_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEUS = (
    "uyê|uyu|uya|ươi|ươu|uôi|uây|oai|oay|oao|oeo|yêu|iêu|uêu|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ôô|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|yê|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_CODA = "ch|ng|nh|c|m|n|p|t"
_SYLLABLE = re.compile(rf"(?:{_ONSET})?(?:{_NUCLEUS})(?:{_CODA})?")
_WORD = re.compile(r"[^\W\d_]+")


def is_syllable(word: str) -> bool:
    """True when `word` is a well-formed Vietnamese syllable (onset, vowel, coda, one tone at most)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def syllable_ratio(text: str) -> float:
    """Share of the words of `text` that are Vietnamese syllables (0.0 when there are no words)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if is_syllable(w)) / len(words)


# ------------------------------------------------------------------ detection

# Characters that legacy text shows but Unicode Vietnamese never uses.
_TCVN3_MARKERS = frozenset("¸µ¶·¹¨©ª«¬®§¡¢£¤¥¦\u00ad»¼½¾ÆÇÈÉËÐÌÎÏÑÕÒÓÔÖ×ØÜÞßåæçëîïñöø÷þ")
_VNI_MARKERS = re.compile(r"[aeouyAEOUY][ùøûõïâêáàåãäéèúüëÙØÛÕÏÂÊÁÀÅÃÄÉÈÚÜË]|[ñÑöÖ]")


def detect(text: str) -> Encoding | None:
    """Guess whether `text` is TCVN3 or VNI read as Latin-1, from its characters alone.

    Returns the encoding whose conversion reads clearly better as Vietnamese
    syllables than the text as it is, or None.
    """
    letters = sum(1 for c in text if c.isalpha())
    if letters < 8:
        return None
    tcvn_marks = sum(1 for c in text if c in _TCVN3_MARKERS)
    vni_marks = len(_VNI_MARKERS.findall(text))
    if max(tcvn_marks, vni_marks) < max(2, letters * 0.02):
        return None
    here = syllable_ratio(text)
    best: tuple[float, Encoding | None] = (here + 0.1, None)
    for enc in ("tcvn3", "vni"):
        ratio = syllable_ratio(convert(text, enc))  # type: ignore[arg-type]
        if ratio > best[0]:
            best = (ratio, enc)  # type: ignore[assignment]
    return best[1]


@dataclass(frozen=True)
class Converted:
    text: str
    encoding: Encoding | None  # the encoding converted from, None when left as it was
    warning: str | None = None


def convert_checked(text: str, encoding: Encoding, capitals: bool = False) -> Converted:
    """Convert, then keep the result only if it reads as Vietnamese at least as well as the input.

    Short texts (a few letters) are converted without the check: a font name
    is reason enough there.
    """
    out = convert(text, encoding, capitals)
    if sum(1 for c in text if c.isalpha()) < 12:
        return Converted(out, encoding)
    before, after = syllable_ratio(text), syllable_ratio(out)
    if after + 0.05 < before or after < 0.5:
        return Converted(
            text,
            None,
            f"Văn bản có phông {encoding.upper()} nhưng chuyển mã không ra tiếng Việt hợp lệ "
            f"({after:.0%} âm tiết); giữ nguyên văn bản gốc.",
        )
    return Converted(out, encoding)


def fix_text(text: str) -> Converted:
    """Detect a legacy encoding by statistics and convert when it clearly helps.

    TCVN3 text that lost its 0xAD bytes (PDF text layers) gets its "ư" back
    in the frequent words (`restore_lost_u_horn`).
    """
    enc = detect(text)
    if enc is None:
        return Converted(text, None)
    result = convert_checked(text, enc)
    if result.encoding == "tcvn3" and "\u00ad" not in text:
        result = Converted(restore_lost_u_horn(result.text), result.encoding, result.warning)
    return result
