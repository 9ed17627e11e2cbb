"""Plain text and bytes of unknown charset → Unicode NFC.

Order of trials for bytes (`decode_bytes`):
1. a byte-order mark (UTF-8, UTF-16 LE/BE);
2. strict UTF-8 (what Gmail, Apple Mail, Thunderbird send);
3. Windows-1258 (Outlook's Vietnamese code page; it writes tones as combining
   marks after the vowel, so the text is put in NFC afterwards), unless a legacy
   8-bit encoding (TCVN3/VNI, `parsers.legacy`) reads clearly better as syllables;
4. otherwise UTF-8 with replacement characters and a warning.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

from parsers import legacy

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass
class Decoded:
    text: str  # NFC
    charset: str  # "utf-8", "utf-16-le", "windows-1258", "tcvn3", "vni", ...
    legacy_encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes) -> Decoded:
    """Decode bytes of unknown charset into NFC text (never raises)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec.replace("-sig", ""), errors="replace")
            return Decoded(_nfc(text), codec.replace("-sig", ""))
    try:
        return Decoded(_nfc(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        cp1258: str | None = _nfc(data.decode("windows-1258"))
    except UnicodeDecodeError:
        cp1258 = None
    latin = data.decode("latin-1")
    enc = legacy.detect(latin)
    if enc is not None:
        converted = legacy.convert(latin, enc)
        baseline = legacy.syllable_ratio(cp1258) if cp1258 is not None else 0.0
        if legacy.syllable_ratio(converted) > baseline + 0.1:
            return Decoded(converted, enc, enc)
    if cp1258 is not None:
        return Decoded(cp1258, "windows-1258")
    return Decoded(
        _nfc(data.decode("utf-8", errors="replace")),
        "utf-8",
        warnings=["Không nhận ra bảng mã của văn bản; một số ký tự bị thay bằng dấu �."],
    )


def fix_text(text: str) -> Decoded:
    """NFC and a legacy-encoding check for text already decoded (an email body, a .txt)."""
    text = _nfc(text)
    fixed = legacy.fix_text(text)
    if fixed.encoding is not None:
        return Decoded(fixed.text, fixed.encoding, fixed.encoding)
    return Decoded(text, "unicode", warnings=[fixed.warning] if fixed.warning else [])
