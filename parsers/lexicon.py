"""Lexicons of name syllables and Ho Chi Minh City streets: repair the marks OCR misreads.

Tesseract (`vie`) reads the letters of a scanned petition well but often misreads the marks on
them: one tone mark for another ("Lê Duẩn" → "Lê Duấn"), a vowel modifier added or lost with it
("Phạm" → "Phẩm", "Đỗ" → "Đỏ"). The letters survive, and so does đ (OCR rarely confuses Đ and D),
so a misread word keeps its *skeleton*: the word in lower case without tone marks and without
vowel modifiers ("Phẩm" → "pham", "Đỏ" → "đo"). A name syllable or a street that is not in the
lexicon (parsers/data/names.toml, streets.toml: general knowledge, not the samples) is replaced by
the lexicon entry of the same skeleton that is clearly the one meant; when none is clear, the
text is kept as written.

Which entry is meant (a noisy-channel choice). An entry costs

    cost = ln(rank) + ln(4) × mark changes

- rank: the entry's place in its frequency-ordered list (1 = most frequent). By Zipf's law a
  word's frequency is about proportional to 1/rank, so ln(rank) is the entry's prior, in nats.
- mark changes: 1 when the tone mark differs, plus 1 for each letter whose vowel modifier
  (ˆ ˘ ʼ) differs: "Phẩm" is two changes from "Phạm" (â→a, hỏi→nặng). Each misread mark is taken
  to make a reading four times less likely.

The cheapest entry is chosen only when it is at least four times as likely as the runner-up
(cost lower by ln 4 or more); otherwise the syllable is kept. So "Tẩn" stays: "Tân", "Tấn" and
"Tần" are all one tone away and the first two are close in rank. "Đỏ" becomes "Đỗ" (a surname of
rank 12) rather than the given names "Đô" or "Độ" (rank > 300), both also two changes away.
Streets have no frequency order: among streets of one skeleton the one needing fewer mark
changes wins, and a tie keeps the street.

The first syllable of a name is its surname (Vietnamese order) and is looked up among surnames
only. Any other syllable is looked up among given syllables and surnames both. A middle syllable
takes the better of its two ranks (middle names are often surnames: "Nguyễn Đỗ Ngọc Bảo"); the
last one, the given name, is seldom a surname, so there a surname that is not also a listed
given syllable ranks after all of them ("Nguyễn Thị Lẽ" is not made "Lê"). A syllable written
without any mark ("Pham") is never changed, and one that is not a known syllable means the whole
name was typed without accents: such text is kept as written by design.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from parsers.normalize import is_organization, load_data
from parsers.vietnamese import has_diacritics, modern_tone, nfc

_MAX_SYLLABLES = 6  # longer runs are not one person's name
_MARK_COST = math.log(4)  # cost of one misread mark, in nats
_MARGIN = math.log(4)  # how much cheaper the chosen entry must be than the runner-up
_TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")  # huyền sắc hỏi ngã nặng
_ROAD_WORD = re.compile(r"\s*(?:đường\s+)?", re.IGNORECASE)


def skeleton(word: str) -> str:
    """`word` in lower case without tone marks and vowel modifiers; đ stays đ.

    "Phẩm" → "pham", "Đỗ" → "đo", "Lê Duẩn" → "le duan". Words OCR can confuse by their marks
    share a skeleton.
    """
    if not isinstance(word, str):
        return ""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    return nfc(bare)


def _marks(word: str) -> tuple[str, list[str]]:
    """(tone mark, vowel modifiers of each letter) of a lower-case word."""
    tone, modifiers = "", []
    for ch in unicodedata.normalize("NFD", word):
        if not unicodedata.combining(ch):
            modifiers.append("")
        elif ch in _TONE_MARKS:
            tone = ch
        elif modifiers:
            modifiers[-1] += ch
    return tone, modifiers


def _mark_changes(text: str, other: str) -> int:
    """Marks to change to turn `text` into `other` (same skeleton): tones and vowel modifiers."""
    changes = 0
    for a, b in zip(text.split(" "), other.split(" ")):
        tone_a, mods_a = _marks(a)
        tone_b, mods_b = _marks(b)
        changes += (tone_a != tone_b) + sum(x != y for x, y in zip(mods_a, mods_b))
    return changes


@dataclass(frozen=True)
class _Lexicon:
    rank: dict[str, int]  # key (lower case, modern tone placement) → rank, 1 = most frequent
    spelling: dict[str, str]  # key → the entry as listed
    by_skeleton: dict[str, tuple[str, ...]]  # skeleton → keys


def _key(text: str) -> str:
    return modern_tone(nfc(text)).lower()


def _build(*lists: list[str]) -> _Lexicon:
    """One lexicon of several frequency-ordered lists; an entry in several takes its best rank."""
    rank: dict[str, int] = {}
    spelling: dict[str, str] = {}
    by_skeleton: defaultdict[str, list[str]] = defaultdict(list)
    for entries in lists:
        for position, entry in enumerate(entries, 1):
            key = _key(entry)
            if key not in rank:
                spelling[key] = nfc(entry)
                by_skeleton[skeleton(key)].append(key)
            rank[key] = min(rank.get(key, position), position)
    return _Lexicon(rank, spelling, {sk: tuple(keys) for sk, keys in by_skeleton.items()})


@cache
def _surnames() -> _Lexicon:
    return _build(load_data("names.toml")["surnames"])


@cache
def _middle_names() -> _Lexicon:
    data = load_data("names.toml")
    return _build(data["syllables"], data["surnames"])


@cache
def _given_names() -> _Lexicon:
    data = load_data("names.toml")
    return _build(data["syllables"] + data["surnames"])


@cache
def _streets() -> _Lexicon:
    return _build(load_data("streets.toml")["streets"])


def _best(key: str, lexicon: _Lexicon, *, ranked: bool) -> str | None:
    """The entry a misread `key` stands for (the module rule), or None when none is clear."""
    candidates = lexicon.by_skeleton.get(skeleton(key), ())
    costs = sorted(
        (_MARK_COST * _mark_changes(key, c) + (math.log(lexicon.rank[c]) if ranked else 0.0), c)
        for c in candidates
    )
    if not costs or (len(costs) > 1 and costs[1][0] - costs[0][0] < _MARGIN - 1e-9):
        return None
    return lexicon.spelling[costs[0][1]]


def _like(model: str, text: str) -> str:
    """`text` in the case of `model`: all capitals, all lower case, or as `text` is spelled."""
    if model.isupper():
        return text.upper()
    if model.islower():
        return text.lower()
    return text


def is_name_syllable(word: str) -> bool:
    """True when `word` (any case, NFC or not) is a listed surname or given-name syllable."""
    return isinstance(word, str) and _key(word) in _given_names().rank


def correct_person_name(name: str, unsure: Collection[str] | None = None) -> str:
    """A person's name with OCR-misread syllables repaired: "Phẩm Minh Đông" → "Phạm Minh Đông".

    A syllable in the lexicon is kept; another one takes the spelling of the entry of the same
    skeleton that is clearly meant (module rule), in its own case ("PHẨM" → "PHẠM"). `unsure`,
    when given, holds the words the OCR engine was unsure of: only those syllables may change (a
    rare name the lexicon lacks, read surely, stays: "Phạm Ngũ Lão" is not made "Ngữ"). The name is
    returned unchanged when it holds anything but letters, more than six syllables, looks like an
    organisation, or was typed without accents ("Pham Van Tuan"); so is any syllable without a
    clear entry. Never raises.
    """
    if not isinstance(name, str):
        return name
    parts = re.split(r"(\s+)", nfc(name))  # words at the even places, spaces kept between them
    places = [i for i in range(0, len(parts), 2) if parts[i]]
    if not 1 <= len(places) <= _MAX_SYLLABLES or not all(parts[i].isalpha() for i in places):
        return name
    if is_organization(name):
        return name
    changed = False
    for n, i in enumerate(places):
        word = parts[i]
        key = _key(word)
        if not has_diacritics(word):
            if len(word) > 1 and key not in _middle_names().rank:
                return name  # typed without accents: kept as written
            continue
        lexicon = _surnames() if n == 0 else _given_names() if n == len(places) - 1 else _middle_names()
        if key in lexicon.rank or (unsure is not None and nfc(word) not in unsure):
            continue
        entry = _best(key, lexicon, ranked=True)
        if entry is not None:
            parts[i] = _like(word, entry)
            changed = True
    return "".join(parts) if changed else name


def correct_street(street: str) -> str:
    """A street (address part without house number) with OCR-misread marks repaired.

    "Lê Duấn" → "Lê Duẩn", "Đường Lê Duấn" → "Đường Lê Duẩn". A street of streets.toml (case
    and a leading "Đường" ignored) is kept; otherwise the one street of the same skeleton (or
    the one needing fewest mark changes) gives its spelling, in the case written. A street
    without any mark, or with no clear match, is returned unchanged. Never raises.
    """
    if not isinstance(street, str):
        return street
    text = nfc(street)
    road = _ROAD_WORD.match(text)
    head = text[: road.end()] if road else ""
    body = text[len(head):].strip()
    if not body or not has_diacritics(body):
        return street
    key = " ".join(_key(w) for w in body.split())
    lexicon = _streets()
    if key in lexicon.rank:
        return street
    entry = _best(key, lexicon, ranked=False)
    if entry is None:
        return street
    return head + _like(body, entry) + text[len(text.rstrip()):]
