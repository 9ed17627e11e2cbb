"""Vietnamese text helpers: accent folding, tone placement, syllable checks.

Pure functions on `str`; no outside library. Other modules (documents, petition
fields, normalisers) import from here so the rules live in one place.
"""

from __future__ import annotations

import re
import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})

_VOWELS_BASE = "aăâeêioôơuưy"


def nfc(text: str) -> str:
    """Unicode NFC (precomposed letters), the form every value leaves in."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Remove Vietnamese diacritics, keeping case: "Tòa án Đức Hòa" → "Toa an Duc Hoa".

    The input is first put in NFC, so the output has one character for each
    character of `nfc(text)`: offsets found in the folded text index the NFC text.
    """
    out = []
    for ch in nfc(text).translate(_D_MAP):
        if ord(ch) < 128:
            out.append(ch)
            continue
        base = unicodedata.normalize("NFD", ch)
        stripped = "".join(c for c in base if not unicodedata.combining(c))
        out.append(stripped[:1] if len(stripped) >= 1 else ch)
    return "".join(out)


def fold_lower(text: str) -> str:
    """`fold` then lower case; same length as `nfc(text)` for Vietnamese text."""
    folded = fold(text)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else "".join(c.lower()[:1] for c in folded)


def has_diacritics(word: str) -> bool:
    """True when the word carries a Vietnamese diacritic (or đ)."""
    return fold(word) != nfc(word)


# ------------------------------------------------------------------ tone placement

_TONES = {  # combining tone marks (not the vowel-quality marks ˆ ˘ ˛)
    "\u0300",  # huyền
    "\u0301",  # sắc
    "\u0309",  # hỏi
    "\u0303",  # ngã
    "\u0323",  # nặng
}

# Old placement puts the tone on the second vowel of an open "oa", "oe", "uy"
# ("hoà", "khoẻ", "thuỷ"); modern placement (Bộ GD&ĐT 2018 convention) puts it on
# the first ("hòa", "khỏe", "thủy"). Only open syllables: "hoàn", "thuyền" are the same in both.
_OLD_TONE = re.compile(r"(?<![^\W\d_])([^\W\d_]*?)([oOuU])([aAeEyY])([\u0300\u0301\u0309\u0303\u0323])(?![^\W\d_])")


def modern_tone(text: str) -> str:
    """Move tone marks of open oa/oe/uy syllables to the first vowel: Hoà→Hòa, Thuỷ→Thủy, uỷ→ủy.

    "quý", "quỳ" keep their mark ("qu" is a consonant). The result is NFC.
    """
    decomposed = unicodedata.normalize("NFD", text)

    def fix(m: re.Match[str]) -> str:
        head, first, second, tone = m.group(1), m.group(2), m.group(3), m.group(4)
        if first in "uU" and head[-1:] in ("q", "Q"):
            return m.group(0)
        if first in "uU" and second not in "yY":
            return m.group(0)
        if first in "oO" and second not in "aAeE":
            return m.group(0)
        # the head must not itself contain a vowel (e.g. "thoà" is fine; "ươ" etc. are not matched)
        if any(unicodedata.normalize("NFD", c)[0].lower() in _VOWELS_BASE for c in head if c.isalpha()):
            base_head = "".join(c for c in head if not unicodedata.combining(c))
            if any(c.lower() in "aeiouy" for c in base_head):
                return m.group(0)
        return head + first + tone + second

    return nfc(_OLD_TONE.sub(fix, decomposed))


def clean(text: str) -> str:
    """NFC, modern tone placement and single spaces: the form of every text value."""
    text = modern_tone(nfc(text))
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = text.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    text = text.replace("\u2044", "/").replace("\u2215", "/")  # fraction and division slashes (OCR, PDF fonts)  # Icelandic eth read for Đ/đ (OCR, fonts)
    return re.sub(r"[ \t]+", " ", text).strip()


def title_case(text: str) -> str:
    """Vietnamese title case for names typed in capitals: "NGUYỄN VĂN AN" → "Nguyễn Văn An"."""
    return " ".join(w[:1].upper() + w[1:].lower() if w else w for w in text.split(" "))


def is_upper_text(text: str) -> bool:
    """True when all letters are capitals (and there are some)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
