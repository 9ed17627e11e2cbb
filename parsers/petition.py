"""Petition fields from a `Document`: `extract(doc) -> Extraction`.

The reader follows the form of the petition (Article 31 of the Law on Civil Judgment
Enforcement 2008, amended 2014), not any one layout:

1. lines are cleaned (NFC, modern tone placement), table rows split into cells and lines
   wrapped by a PDF or OCR layout joined back into paragraphs;
2. the document is cut into blocks by the labels of the form (`data/labels.toml`, matched
   without accents or case): the requester, the creditor, the debtor, the judgment, the
   request, the assets, the attachments and the signature block; prose written in an email
   body falls into the same blocks ("Tôi là …", "thay cho …", "Nay tôi làm đơn …");
3. each block is read with label patterns that work both for "Label: value" lines and for
   prose ("…, địa chỉ …, số điện thoại …");
4. judgments are found as citations ("Bản án … số N ngày D của Tòa án X về việc Y"), the
   one to enforce chosen by stage, the first-instance and recognition ones kept beside it;
5. values go through `parsers.normalize` and each gets a `FieldNote` whose confidence says
   how it was found (label, prose pattern, fallback) times the OCR confidence of its line.

Outcomes are values: odd input gives empty fields and low confidence, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable
from functools import cache

from parsers import lexicon
from parsers import normalize as nz
from parsers.model import (
    Amount,
    Document,
    DocFormat,
    Extraction,
    FieldNote,
    Fields,
    ForeignElement,
    Judgment,
    Party,
    Ref,
    Source,
)
from parsers.vietnamese import clean, fold, fold_lower, nfc

# confidence of a value by how it was found
CONF_LABEL = 0.95  # after a label of the form
CONF_PROSE = 0.85  # by a prose pattern
CONF_WEAK = 0.6  # by a fallback guess
CONF_CONFLICT = 0.45  # two candidates disagree

ROLES = {"requester": "Người yêu cầu thi hành án", "creditor": "Người được thi hành án",
         "debtor": "Người phải thi hành án"}


# --------------------------------------------------------------------------- lines


@dataclass
class _Line:
    text: str
    low: str  # fold_lower(text), same length
    index: int  # index in doc.lines
    page: int
    box: tuple[float, float, float, float] | None
    conf: float
    cells: list[str] = field(default_factory=list)


@dataclass
class _Label:
    group: str  # "sections", "party", "judgment", "signature"
    key: str  # "requester", "address", …
    text: str  # folded label


@dataclass
class _Hit:
    label: _Label
    value: str  # the text after the label (original case)
    value_low: str


# a section's number: roman (also as OCR misreads "III": "HI", "1I", "|I"), arabic, a letter, a bullet
_ENUM = re.compile(r"^\s*(?:(?:[ivxlc]{1,4}|[h1|][il]{1,3}|[il]{1,3}[h1|]|\d{1,2}|[a-zđ])\s*[.)/]\s+"
                   r"|[ivxlc]{1,4}\s*[.:]\s*(?=[a-z])|[-–—•+*·]\s*)")
_LEADING_PRONOUN = re.compile(r"^(?:chung\s+toi|toi|cong\s+ty|ngan\s+hang)\s+(?:xin\s+)?(?:duoc\s+)?")


@cache
def _labels() -> list[_Label]:
    data = nz.load_data("labels.toml")
    out = []
    for group in ("sections", "party", "judgment"):
        for key, words in data[group].items():
            for w in words:
                out.append(_Label(group, key, fold_lower(w)))
    out.sort(key=lambda lab: len(lab.text), reverse=True)
    return out


# specks before a line's first word; "/s/" before a typed signature is kept
_OCR_LEAD = re.compile(r"^(?:(?!/s/)[^\w(\[\-–•+*“\"]|_)+")
# a lone letter after a line is a page edge, ruling or fold read as an I or l ("Hạnh phúc Ị"), not
# a word: Vietnamese one-letter words (Á in "Đông Nam Á", Ý, Ô) and a Roman "I" are kept
_OCR_TAIL = re.compile(r"(?:\s+(?:[^\w\s()]+|[ÌÍÎÏĨỈỊìíîïĩỉịl]|[^\w\s]*_+[^\w\s]*))+$")
# a whole OCR line of one or two letters without a vowel ("mm", "N") or an I alone ("Ị"): no
# Vietnamese syllable lacks a vowel (a form's wrapped "án" is kept)
_SPECK_LINE = re.compile(r"[b-df-hj-np-tv-xz]{1,2}|i")


def _ocr_trim(text: str) -> str:
    """Specks an OCR engine reads at a line's ends (punch holes, folds, rulings): "@® Hồ Chí Minh Ị"."""
    text = _OCR_LEAD.sub("", text)
    return _OCR_TAIL.sub("", text).strip()


@dataclass(frozen=True)
class _Phrase:
    pattern: re.Pattern[str]  # on folded lower-case text; group "s1", "s2", … the gaps between words
    text: str  # as written, with its accents
    place: bool  # a place name: its words may run together or have a speck between them


# between two words of a place name, OCR may lose the space ("Quận ThủĐứC") or read a speck of
# the page as a short capital token ("Hồ Chí LỒ Minh" at a fold); see `_gap_ok`
_PLACE_GAP = r"(?:\s+(?:\S{1,2}\s+)?)?"


@cache
def _ocr_phrases() -> list[_Phrase]:
    data = nz.load_data("ocr_phrases.toml")["phrases"]
    places = nz.load_data("places.toml")
    place_names = set(places["hcmc"]["urban"] + places["hcmc"]["rural"] + ["Hồ Chí Minh"]
                      + places["provinces"]["provinces"] + places["provinces"]["cities"])
    out = []
    for phrase in sorted(set(data) | place_names, key=len, reverse=True):
        key = fold_lower(phrase)
        if len(key) < 4 or not re.search(r"[^\x00-\x7f]", phrase):
            continue
        place = phrase in place_names and " " in phrase
        words = key.split()
        gap = _PLACE_GAP if place else r"\s+"
        body = re.escape(words[0]) + "".join(f"(?P<s{i}>{gap}){re.escape(w)}" for i, w in enumerate(words[1:], 1))
        out.append(_Phrase(re.compile(r"(?<![\w])" + body + r"(?![\w])"), phrase, place))
    return out


def _gap_ok(text: str, start: int, end: int) -> bool:
    """The gap text[start:end] between two words of a place name is a space, nothing before a
    capital (words run together), or a speck: a short all-capital token between words that are not."""
    gap = text[start:end]
    if not gap.strip():
        return bool(gap) or (text[end:end + 1].isupper() and text[start - 1:start].isalpha())
    speck = gap.strip()
    words = text[max(0, start - 12):start].split()[-1:] + text[end:end + 12].split()[:1]
    return (speck.isupper() or not any(c.isalnum() for c in speck)) and not any(w.isupper() for w in words)


def _same_case(read: str, word: str) -> str:
    """`word` in the case it was read in: upper, capitalised, or else as the phrase writes it."""
    if read.isupper() and len(read) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if read[:1].isupper() else word


def _ocr_correct(text: str) -> str:
    """Write domain phrases misread by OCR with their accents ("sơ thấm" → "sơ thẩm"), keeping case.

    Place names are also found with their words run together or a speck between them
    ("Quận ThủĐứC" → "Quận Thủ Đức").
    """
    low = fold_lower(text)
    taken: list[tuple[int, int, str]] = []  # (start, end, replacement); longer phrases first
    for phrase in _ocr_phrases():
        for m in phrase.pattern.finditer(low):
            if any(m.start() < e and s < m.end() for s, e, _ in taken):
                continue
            gaps = [(m.start(g), m.end(g)) for g in m.re.groupindex]
            if not all(_gap_ok(text, a, b) for a, b in gaps if text[a:b] != " "):
                continue
            if text[m.start():m.end()] == phrase.text:
                continue
            read = text[m.start():m.end()].split()
            if not phrase.place and all(w[:1].isupper() and lexicon.is_name_syllable(w) for w in read):
                continue  # a person's name ("Phan Văn Tài"), not the trade ("vận tải")
            # each word keeps the case it was read in ("THỰC PHÃM", "Thực Phãm", "thực phãm")
            bounds = [m.start(), *(x for gap in gaps for x in gap), m.end()]
            fixed = " ".join(_same_case(text[a:b], word)
                             for (a, b), word in zip(zip(bounds[::2], bounds[1::2]), phrase.text.split()))
            taken.append((m.start(), m.end(), fixed))
    for start, end, fixed in sorted(taken, reverse=True):
        text = text[:start] + fixed + text[end:]
    return text


# a sentence end inside a typed paragraph: a full word or a number, a period, a capital
# ("… 0918 222 333. Tôi làm đơn …"); abbreviations ("TP. HCM", "P. Bến Nghé", "Tp. Hồ") are
# words of one or two letters and do not end a sentence
_SENTENCE_END = re.compile(r"(?<=[^\W_]{3})\.\s+(?=[A-ZĐÀ-Ỹ][^\W\d_])|(?<=\d{3})\.\s+(?=[A-ZĐÀ-Ỹ][^\W\d_])")
# "ĐƠN YÊU CẦU THI HÀNH ÁN Kính gửi: …": the addressee on the title's line
_INNER_ADDRESSEE = re.compile(r"(?<=\S)\s+(?=(?:Kính\s+gửi|Kính\s+gởi|KÍNH\s+GỬI|Kinh\s+gui)\s*:)")


def _split_typed(text: str) -> list[str]:
    """A typed paragraph (email body, .txt, Word) split into its sentences and before an inner "Kính gửi:"."""
    parts = _INNER_ADDRESSEE.split(text)
    out: list[str] = []
    for p in parts:
        if len(p) > 160 and " | " not in p:
            out.extend(x for x in _SENTENCE_END.split(p) if x)
        else:
            out.append(p)
    return out


def _is_ocr(doc: Document) -> bool:
    return doc.ocr or doc.format in (DocFormat.PDF_SCAN, DocFormat.IMAGE)


def _prepare(doc: Document) -> list[_Line]:
    lines: list[_Line] = []
    ocr = _is_ocr(doc)
    for i, line in enumerate(doc.lines):
        raw_parts = line.text.split("\n")
        if not ocr:
            raw_parts = [x for part in raw_parts for x in _split_typed(part)]
        for part in raw_parts:
            text = re.sub(r"^\s*(?:>\s?)+", "", clean(part))  # quoted lines of a forwarded message
            if ocr:
                text = _ocr_correct(" | ".join(_ocr_trim(c) for c in text.split(" | ")))
                text = text.strip(" |")
                if _SPECK_LINE.fullmatch(fold_lower(text)):
                    continue  # a page edge or a signature's stroke read as a letter or two
            if not text:
                lines.append(_Line("", "", i, line.page, line.box, line.confidence))
                continue
            cells = [c.strip() for c in re.split(r"\s+\|\s+|\t+|\s{3,}", text) if c.strip()]
            if ocr:
                cells = [_respace_label(c) for c in cells if re.search(r"\w", c)]
                # a speck read in a form's label column before the wrapped rest of a value ("4 | đất đai")
                if len(cells) == 2 and re.fullmatch(r"\W*\w?\W*", cells[0]) and cells[1][:1].islower():
                    cells = cells[1:]
            dedup: list[str] = []
            for c in cells:
                if not dedup or fold_lower(c) != fold_lower(dedup[-1]):
                    if c not in dedup:
                        dedup.append(c)
            text = " | ".join(dedup)
            lines.append(_Line(text, fold_lower(text), i, line.page, line.box, line.confidence,
                               dedup if len(dedup) > 1 else []))
    joined = _join_wrapped(lines, doc.format, ocr)
    if not ocr:
        return joined
    # a printed paragraph, once its lines are joined, is split into its sentences as typed text is
    return [_Line(part, fold_lower(part), x.index, x.page, x.box, x.conf, x.cells if part == x.text else [])
            for x in joined for part in (_split_typed(x.text) if x.text else [x.text])]


def _starts_new(line: _Line, labels: list[_Label]) -> bool:
    if not line.text:
        return True
    if _ENUM.match(line.low) or line.cells:
        return True
    if _label_at_start(line, labels) is not None:
        return True
    if _PLACE_DATE.search(line.low) and len(line.low) < 80:
        return True
    if _JUDGMENT_OPENER.match(line.low) or re.match(r"(?:nay\s+)?(?:toi|chung\s+toi)\s", line.low) \
            or re.match(r"(?:ban\s+an|quyet\s+dinh|phan\s+quyet)\s+(?:[a-z]+\s+){0,6}?so\b", line.low):
        return True
    return False


# a line ending with one of these words cannot end a sentence: the next line continues it
_DANGLING = re.compile(r"(?<![a-z])(?:cua|tai|so|nhan\s+dan|ngay|va|ve\s+viec|thanh\s+pho|toa\s+an|tand|theo|cho|voi)$")
# nor with a unit word, its name on the next line (with its accents: folded, "quận" is the name "Quân")
_UNIT_DANGLING = re.compile(r"(?<!\w)(?:tỉnh|huyện|quận|phường|xã|thị xã|thị trấn)$")


@cache
def _place_names() -> frozenset[str]:
    """Place names of two words or more, folded ("hoc mon", "phu nhuan", "ho chi minh")."""
    return frozenset(fold_lower(p.text) for p in _ocr_phrases() if p.place)


@cache
def _provinces() -> frozenset[str]:
    places = nz.load_data("places.toml")
    return frozenset(fold_lower(p) for p in places["provinces"]["provinces"] + places["provinces"]["cities"]
                     + ["Hồ Chí Minh", "TP.HCM", "TPHCM", "TP HCM", "HCM"])


def _ends_with_place(low: str) -> bool:
    """The line ends with a city or province's name ("…, TP. Hồ Chí Minh", "…, Tỉnh Đồng Tháp")."""
    tail = re.sub(r"[\s.,;]+$", "", low)
    return any(tail.endswith(p) and not tail[-len(p) - 1:-len(p)].isalnum() for p in _provinces())


def _splits_place(prev_low: str, line_low: str) -> bool:
    """A place name broken over the two lines ("… huyện Hóc" / "Môn."): they belong together."""
    tail = re.findall(r"[^\W\d_]+", prev_low)[-2:]
    head = re.findall(r"[^\W\d_]+", line_low)[:2]
    names = _place_names()
    return any(" ".join(tail[-k:] + head[:j]) in names for k in (1, 2) for j in (1, 2) if len(tail) >= k and len(head) >= j)


# "… Tòa án nhân dân Quận" / "8. …": a unit's number on the next line is no list item
_UNIT_AT_END = re.compile(r"(?<![a-z])(?:quan|phuong|huyen|so|to|ap|khu\s+pho)$")
# "… của TAND TP." / "Hồ Chí Minh": an abbreviation's dot ends no sentence
_ABBREVIATION_AT_END = re.compile(r"(?<![^\W\d_])(?:TP|Tp|P|Q|H|TT|TX|Tx|Tt)\.$")


@cache
def _signature_words() -> frozenset[str]:
    return frozenset(fold_lower(w).strip(" .") for w in nz.load_data("labels.toml")["signature"]["block"])


def _label_length(label: str, labels: list[_Label]) -> int:
    """Length of the form label `label` (a table's label cell) starts with; 0 for none."""
    text = f"{label} | X"
    hit = _label_at_start(_Line(text, fold_lower(text), 0, 1, None, 1.0, [label, "X"]), labels)
    return len(hit.label.text) if hit else 0


def _wraps_label(prev: _Line, line: _Line, labels: list[_Label]) -> bool:
    """`line` carries the rest of `prev`'s label cell: joined, they make a longer label than either."""
    head = line.cells[0] if line.cells else line.text
    if len(head.split()) > 4 or (not line.cells and not head[:1].islower() and not head.isupper()):
        return False
    if line.cells and _label_length(head, labels):
        return False  # a row of its own ("Địa chỉ | …" then "Email | …")
    return _label_length(prev.cells[0] + " " + head, labels) > _label_length(prev.cells[0], labels)


def _join_wrapped(lines: list[_Line], fmt: DocFormat, ocr: bool = False) -> list[_Line]:
    """Join lines that a PDF/OCR layout (or a hard-wrapped body) broke inside a paragraph.

    OCR'd phrases are corrected again once joined: a place name broken over two lines
    ("Thành phố Hồ Chí" / "LỒ Minh") is only whole here.
    """
    if fmt == DocFormat.DOCX:
        return lines  # paragraphs are lines already
    if fmt in (DocFormat.EMAIL_BODY, DocFormat.TEXT):
        return _join_hard_wrapped(lines)
    if not any(x.text for x in lines):
        return lines
    margins = _Margins.of(lines)
    labels = _labels()
    fix: Callable[[str], str] = _ocr_correct if ocr else (lambda t: t)
    out: list[_Line] = []
    last: _Line | None = None  # the last physical line
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and prev.cells and line.text and _wraps_label(prev, line, labels):
            # a form's label wrapped in its narrow column ("Người yêu cầu thi hành" / "án"),
            # maybe with its value ("BẢN ÁN, QUYẾT ĐỊNH | … của Tòa" / "YÊU CẦU THI HÀNH | án nhân dân …")
            more = line.cells or [line.text]
            cells = [a + " " + b for a, b in zip(prev.cells, more)] + prev.cells[len(more):] + more[len(prev.cells):]
            text = " | ".join(cells)
            out[-1] = _Line(text, fold_lower(text), prev.index, prev.page, prev.box, min(prev.conf, line.conf), cells)
            last = line
            continue
        if last is not None and margins.boxed(last):
            full = margins.reaches_right(last) and line.box is not None and (
                prev is not None and bool(prev.cells)
                or margins.starts_left(line) or abs(line.box[0] - last.box[0]) <= 2.0)
        else:
            full = last is not None and len(last.text) >= 0.7 * margins.wide
        unit_number = prev is not None and bool(_UNIT_AT_END.search(prev.low)) and line.text[:1].isdigit()
        # an address ending with its city or province is complete; a heading in capitals starts anew
        complete = prev is not None and line.text[:1].isupper() and _ends_with_place(prev.low)
        heading = prev is not None and line.text.isupper() and not prev.text.isupper() \
            and len(re.findall(r"[^\W\d_]{2,}", line.text)) >= 3  # not a wrapped "TP.HCM." or "QUẬN 3"
        open_paren = prev is not None and prev.text.count("(") > prev.text.count(")")  # "(MST:" / "0314…)"
        if (
            prev is not None and last is not None and prev.text and line.text
            and (not prev.text.endswith((".", ":", ";", "!", "?")) or _ABBREVIATION_AT_END.search(prev.text)
                 or open_paren)
            and (not prev.text.isupper() or unit_number)
            and (not _starts_new(line, labels) or unit_number)
            and (full or open_paren or line.text[:1].islower() or prev.text.endswith((",", "-", "/", "(", "–"))
                 or _DANGLING.search(prev.low) or _UNIT_DANGLING.search(prev.text.lower())
                 or _splits_place(prev.low, line.low))
            and not _PLACE_DATE.search(prev.low) and not _CLOSING.search(prev.low)
            and not complete and not heading
            and not re.fullmatch(r"\(.*\)", prev.text)  # "(Ký, ghi rõ họ tên)" is whole
            and fold_lower(prev.text).strip(" .:") not in _signature_words()  # "Người yêu cầu" above a name
        ):
            sep = "" if prev.text.endswith(("-", "/")) and re.match(r"[A-ZĐ0-9]", line.text) else " "
            text = fix(prev.text + sep + line.text)
            cells = [*prev.cells[:-1], fix(prev.cells[-1] + sep + line.text)] if prev.cells else []
            out[-1] = _Line(text, fold_lower(text), prev.index, prev.page, prev.box, min(prev.conf, line.conf), cells)
        else:
            out.append(line)
        last = line
    return out


_WRAP_COLUMN = 50  # a typed line this long that stops mid-sentence was wrapped by the mail program (RFC 5322 2.1.1: 78)


def _join_hard_wrapped(lines: list[_Line]) -> list[_Line]:
    """Typed text (an email body hard-wrapped near 72 columns): join a long line that stops mid-sentence
    with the next when that one visibly continues it (lower case, "(", or after a comma or a dangling word)."""
    labels = _labels()
    out: list[_Line] = []
    last_len = 0
    for line in lines:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.text and line.text and last_len >= _WRAP_COLUMN
            and not prev.text.endswith((".", ":", ";", "!", "?"))
            and not prev.text.isupper() and not prev.cells and not line.cells
            and not _CLOSING.search(prev.low) and not _PLACE_DATE.search(prev.low)
            and not _starts_new(line, labels) and not _is_addressee(prev, labels)
            and (line.text[:1].islower() or line.text.startswith("(") or _DANGLING.search(prev.low)
                 or prev.text.endswith((",", "-", "/", "–")) and not nz.is_organization(line.text))
        ):
            sep = "" if prev.text.endswith(("-", "/")) and re.match(r"[A-ZĐ0-9]", line.text) else " "
            text = prev.text + sep + line.text
            out[-1] = _Line(text, fold_lower(text), prev.index, prev.page, prev.box, min(prev.conf, line.conf))
        else:
            out.append(line)
        last_len = len(line.text)
    return out


def _is_addressee(line: _Line, labels: list[_Label]) -> bool:
    hit = _label_at_start(line, labels)
    return hit is not None and hit.label.key == "addressed_to"


def _squeezed_prefix(text: str, label: str) -> int | None:
    """Length of the prefix of `text` that equals `label` ignoring spaces ("họvàtên" = "họ và tên"), or None."""
    if text.startswith(label):
        return len(label)
    target = label.replace(" ", "")
    j = 0
    for i, ch in enumerate(text):
        if ch == " ":
            continue
        if j >= len(target) or ch != target[j]:
            return None
        j += 1
        if j == len(target):
            return i + 1
    return None


def _respace_label(text: str) -> str:
    """A label that OCR squeezed at the start of a line or cell ("Địachỉ", "Họvàtên", "Tên tốchức")
    gets its spaces back ("Địa chỉ"), so that every later reader of the party's lines sees the label
    as written in labels.toml. Only spaces are inserted; letters and accents stay as read."""
    low = fold_lower(text)
    m = _ENUM.match(low)
    start = m.end() if m else 0
    for lab in _labels():  # longest first
        if low.startswith(lab.text, start) and not low[start + len(lab.text):start + len(lab.text) + 1].isalnum():
            return text
        if " " not in lab.text:
            continue
        n = _squeezed_prefix(low[start:], lab.text)
        if n is None or low[start + n:start + n + 1].isalnum():
            continue
        out: list[str] = []
        k = 0  # position in the label
        for ch in text[start:start + n]:
            if ch == " ":
                continue
            while k < len(lab.text) and lab.text[k] == " ":
                out.append(" ")
                k += 1
            out.append(ch)
            k += 1
        return text[:start] + "".join(out) + text[start + n:]
    return text


def _label_at_start(line: _Line, labels: list[_Label]) -> _Hit | None:
    """The label a line starts with, and the value after it."""
    low = line.low
    junk = re.match(r"[\W_]*", low)  # OCR specks and rulings before the label
    m = _ENUM.match(low, junk.end() if junk and junk.end() and low[junk.end() - 1] == " " else 0)
    start = m.end() if m else (junk.end() if junk else 0)
    # "Họ và tên người yêu cầu: …" — a name label in front of a section label
    name_prefix = re.match(r"(?:ho\s+va\s+ten|ho\s+ten|ten)\s+(?=nguoi\s|to\s+chuc\s)", low[start:])
    if name_prefix:
        start += name_prefix.end()
    pron = _LEADING_PRONOUN.match(low[start:])
    for offset in (start, start + (pron.end() if pron else 0)):
        rest = low[offset:]
        for lab in labels:
            if offset != start and lab.key != "attachments":
                continue
            length = _squeezed_prefix(rest, lab.text)
            if length is None:
                continue
            end = offset + length
            after = low[end:end + 1]
            if after and (after.isalnum()):
                continue
            bar = line.text.find(" | ")
            if line.cells and end <= bar:
                value = " | ".join(line.cells[1:]) if end >= bar - 3 or not line.text[end:bar].strip(" _-.:") \
                    else line.text[end:].strip(" :|")
                return _Hit(lab, value, fold_lower(value))
            tail = line.text[end:]
            sep = re.match(r"^\s*(?:\((?:[^)]{0,40})\))?\s*(?:[:|]|-(?=\s))?\s*", tail)
            had_colon = bool(sep and re.search(r"[:|]", sep.group(0)))
            value = tail[sep.end():] if sep else tail
            if lab.group == "party" and not had_colon and lab.key not in ("name",):
                # without a colon, only when the value clearly starts (pdf tables lose the bar)
                if not value[:1].isdigit() and not value[:1].isupper() and lab.key != "address":
                    continue
            if lab.group == "sections" and not had_colon and value and lab.key in ("assets", "proposal"):
                continue  # prose that merely starts with the word
            if lab.key == "addressed_to" and lab.text == "gui" and not had_colon:
                continue
            return _Hit(lab, value.strip(), fold_lower(value.strip()))
    return _fuzzy_section(line, low, start, labels)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early above `limit`."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


# Letters OCR makes of a Roman section number (I, II, III, IV, V, VI …): "HI." for "III.", "1V" for "IV".
_NUMBERING_MISREADS = frozenset("ivxlhtj")


def _fuzzy_section(line: _Line, low: str, start: int, labels: list[_Label]) -> _Hit | None:
    """A party section heading misread by OCR ("NGƯỜI PHẢI THHÀNHÁN"): squeezed letters within a small edit distance."""
    all_letters = [(i, ch) for i, ch in enumerate(low) if i >= start and ch.isalpha()]
    if len(all_letters) < 12:
        return None
    for skip in range(0, 4):  # a misread numbering ("HI." for "III.") before the heading
        if any(ch not in _NUMBERING_MISREADS for _, ch in all_letters[:skip]):
            break  # a real word before the words of a heading ("Buộc người phải thi hành án …") is prose
        hit = _fuzzy_at(line, all_letters[skip:], labels)
        if hit is not None:
            return hit
    return None


def _fuzzy_at(line: _Line, letters: list[tuple[int, str]], labels: list[_Label]) -> _Hit | None:
    squeezed = "".join(ch for _, ch in letters)
    for lab in labels:
        if lab.group != "sections" or lab.key not in ("requester", "creditor", "debtor"):
            continue
        target = re.sub(r"[^a-z]", "", lab.text)
        if len(target) < 16:
            continue
        limit = max(1, len(target) // 10)
        for n in range(len(target) - limit, len(target) + limit + 1):
            if n > len(squeezed):
                break
            if _edit_distance(squeezed[:n], target, limit) <= limit:
                end = letters[n - 1][0] + 1
                value = line.text[end:].strip(" :|-")
                if value and not re.match(r"[^\W\d_]{2}", value):
                    value = ""
                return _Hit(lab, value, fold_lower(value))
    return None


# --------------------------------------------------------------------------- blocks


_PLACE_DATE = re.compile(
    r"^(?P<place>[^\d:|]{2,45}?(?:\s\d{1,2})?)\s*,\s*(?:ngay\s*\d{1,2}\s*(?:thang|/|-|\.)\s*\d{1,2}\s*(?:nam|/|-|\.)\s*\d{4}"
    r"|\d{1,2}\s*([/.-])\s*\d{1,2}\s*\2\s*\d{4}\s*$)"
)
_CLOSING = re.compile(r"^(?:tran\s+trong|kinh\s+thu|xin\s+(?:chan\s+thanh\s+)?cam\s+on|chan\s+thanh\s+cam\s+on|"
                      r"xin\s+tran\s+trong|cam\s+on|nguoi\s+(?:viet|lam)\s+don|best\s+regards|regards)")
_NOT_PLACE = re.compile(r"ban\s+an|quyet\s+dinh|thi\s+hanh|yeu\s+cau|de\s+nghi|cap\b|sinh|hieu\s+luc|ky\s+ngay|^\W*(?:va|tu|den)\b")
# the date without a place: a line "Ngày 05 tháng 03 năm 2018", or a closing "…hôm nay ngày 5/3/2018"
_DATE_ALONE = re.compile(
    r"^(?:(?:[^\d:|]{0,60}\bhom\s+nay,?\s+)?ngay\s*\d{1,2}\s*(?:thang|/|-|\.)\s*\d{1,2}\s*(?:nam|/|-|\.)\s*\d{4}\W*$"
    r"|ngay\s+(?:lam|viet|gui|nop)\s+don\s*[:|]?\s*(?:ngay\s*)?\d{1,2}\s*(?:thang|/|-|\.)\s*\d{1,2}\s*(?:nam|/|-|\.)\s*\d{4}\W*$)"
)
# the place as a label of its own ("Nơi làm đơn: TP.HCM"), beside a "Ngày làm đơn:" line
_PLACE_LABEL = re.compile(r"^(?:noi|dia\s+diem)\s+(?:lam|viet)\s+don\s*[:|]\s*(?P<v>\S.{0,44})$")
_TITLE = re.compile(r"^(?:don\s+(?:yeu\s+cau|de\s+nghi)\b|cong\s+hoa\s+xa\s+hoi|doc\s+lap\s*-)")
# the date left blank, or its day ("TP. Hồ Chí Minh, ngày …. tháng 3 năm 2017")
_PLACE_BLANK = re.compile(r"^(?P<place>[^\d:|]{2,45}?)\s*,\s*ngay[\s.…_]*(?:\d{1,2}[\s.…_]*)?thang[\s.…_\d]*nam\b")
_JUDGMENT_OPENER = re.compile(r"(?:yeu\s+cau|de\s+nghi|nay|theo|can\s+cu)\b.{0,60}\b(?:ban\s+an|quyet\s+dinh|phan\s+quyet)\b")
_JUDGMENT_CUE = re.compile(r"(?:ban\s+an|quyet\s+dinh|phan\s+quyet)\b[^.\n]{0,80}?\bso\b")
_PROSE_REQUEST = re.compile(r"\b(?:lam\s+don|de\s+nghi|yeu\s+cau)\b.{0,60}\bthi\s+hanh\b")
_CREDITOR_CUE = re.compile(
    r"\b(?:thay\s+(?:mat\s+)?cho|thay\s+mat|dai\s+dien\s+cho|theo\s+uy\s+quyen\s+cua|duoc\s+uy\s+quyen\s+cua|uy\s+quyen\s+cua"
    r"|duoc(?=\s+(?:ong|ba|anh|chi|cong\s+ty|ngan\s+hang)\s[^,;.]{2,80}?\buy\s+quyen\b))\s+"
)


@dataclass
class _Blocks:
    parties: dict[str, list[_Line]] = field(default_factory=lambda: {"requester": [], "creditor": [], "debtor": []})
    party_heads: dict[str, str] = field(default_factory=dict)  # name given on the section line
    party_head_line: dict[str, _Line] = field(default_factory=dict)
    section_seen: set[str] = field(default_factory=set)
    judgment: list[_Line] = field(default_factory=list)
    request: list[tuple[_Line, str]] = field(default_factory=list)
    assets: list[tuple[_Line, str]] = field(default_factory=list)
    attachments: list[tuple[_Line, str]] = field(default_factory=list)
    addressed: tuple[_Line, str] | None = None
    proposal: list[tuple[_Line, str]] = field(default_factory=list)
    place_date: _Line | None = None
    place_label: tuple[_Line, str] | None = None  # "Nơi làm đơn: …"
    signature: list[_Line] = field(default_factory=list)
    body: list[_Line] = field(default_factory=list)  # everything outside the attachment list


def _cut(lines: list[_Line]) -> _Blocks:
    labels = _labels()
    b = _Blocks()
    current: str | None = None
    in_signature = False
    for line in lines:
        if not line.text:
            continue
        hit = _label_at_start(line, labels)
        pd = _PLACE_DATE.search(line.low) or _PLACE_BLANK.search(line.low)
        if pd and _NOT_PLACE.search(pd.group("place")):
            pd = None
        pl = _PLACE_LABEL.match(line.low)
        if pl:
            b.place_label = (line, line.text[pl.start("v"):].strip(" .,"))
            continue
        if pd is None and _DATE_ALONE.search(line.low) and len(line.text) < 90 \
                and (not hit or hit.label.group != "sections") \
                and (re.search(r"hom\s+nay|lam\s+don|viet\s+don|gui\s+don|nop\s+don", line.low)
                     or b.judgment and current != "judgment"):
            # a bare date is the petition's only after the judgment's block ("Ngày | 10/10/2011"
            # of a table whose bar was lost is the judgment's date)
            b.place_date = b.place_date or line
            in_signature = True
            current = "signature"
            continue
        if pd and len(line.text) < 90 and (not hit or hit.label.group != "sections"):
            b.place_date = b.place_date or line
            in_signature = True
            current = "signature"
            continue
        if in_signature and (_TITLE.match(line.low) or hit is not None and hit.label.group == "sections"
                             and (hit.value or hit.label.key == "addressed_to")):
            # the place and date stood on top, under the motto (the printed form): the body follows
            in_signature = False
            b.signature.clear()
            current = None
            if _TITLE.match(line.low) and not hit:
                continue
        if (not in_signature and current in ("request", "assets", "attachments", "proposal") and hit is not None
                and hit.label.key == "requester" and not hit.value and not _ENUM.match(line.low)
                and len(line.text) < 40):
            # "Người yêu cầu" under the request: the signature block, with no place and date before it
            in_signature = True
            current = "signature"
            b.signature.clear()
            continue
        if (not in_signature and (b.request or b.judgment)
                and line.text.isupper() and len(line.text) < 40 and _SIGNING_FOR.match(line.low)):
            # an organisation's signature block after its letter: "KT. GIÁM ĐỐC", "TM. NGÂN HÀNG"
            in_signature = True
            current = "signature"
            b.signature.clear()
            continue
        if in_signature:
            if line.conf < 0.35 or not re.search(r"[^\W\d_]{2}", line.text):
                continue  # a signature or seal read as specks
            if not line.cells and ":" not in line.text and len(line.text) < 70 and not _ENUM.match(line.low):
                b.signature.append(line)
                continue
            in_signature = False
        if hit is not None and hit.label.group == "sections":
            key = hit.label.key
            if key in ("requester", "creditor", "debtor"):
                current = key
                b.section_seen.add(key)
                if hit.value and key not in b.party_heads:
                    b.party_heads[key] = hit.value
                    b.party_head_line[key] = line
                b.parties[key].append(line)
                b.body.append(line)
                continue
            if key == "addressed_to":
                b.addressed = (line, hit.value)
                current = "preamble"
                continue
            if key == "judgment":
                current = "judgment"
                if hit.value:
                    b.judgment.append(line)
                b.body.append(line)
                continue
            if key in ("request", "assets", "attachments", "proposal"):
                current = key
                target = {"request": b.request, "assets": b.assets, "attachments": b.attachments,
                          "proposal": b.proposal}[key]
                if hit.value:
                    target.append((line, hit.value))
                if key != "attachments":
                    b.body.append(line)
                continue
        if current in ("attachments", "assets", "request", "proposal", "judgment") and _CLOSING.search(line.low):
            current = "closing"
            continue
        if current == "attachments":
            b.attachments.append((line, line.text))
            continue
        if current == "closing":
            b.signature.append(line) if b.place_date is None else None
            continue
        b.body.append(line)
        if hit is not None and hit.label.group == "judgment":
            if hit.label.key == "subject" or current in ("judgment", None) or current in b.parties:
                current = "judgment"
            b.judgment.append(line)
            continue
        if current in ("requester", "creditor", "debtor"):
            if _CLOSING.search(line.low):
                current = "closing"
                continue
            cue = _CREDITOR_CUE.search(line.low)
            if (current == "requester" and "creditor" not in b.section_seen and hit is None and cue
                    and not re.match(r"(?:nguoi|ben)\s+duoc\s+thi\s+hanh", line.low[cue.end():])
                    and b.parties["requester"]):
                current = "creditor"
                b.section_seen.add("creditor-prose")
                b.parties["creditor"].append(line)
                continue
            if hit is None and (_JUDGMENT_CUE.search(line.low) and _PROSE_REQUEST.search(line.low)
                                or _JUDGMENT_OPENER.match(line.low)):
                current = "judgment"
                b.judgment.append(line)
                continue
            b.parties[current].append(line)
            continue
        if current in (None, "preamble"):
            if _JUDGMENT_CUE.search(line.low) or (_PROSE_REQUEST.search(line.low) and not _looks_like_party(line)):
                current = "judgment"
                b.judgment.append(line)
                continue
            if _CLOSING.search(line.low):
                current = "closing"
                continue
            if _looks_like_party(line):
                m = _CREDITOR_CUE.search(line.low)
                if b.parties["requester"] and m:
                    current = "creditor"
                    b.section_seen.add("creditor-prose")
                    b.parties["creditor"].append(line)
                elif m and re.search(r"\b(?:toi|chung\s+toi)\b", line.low[: m.start()]) and not b.parties["requester"]:
                    b.parties["requester"].append(line)
                    current = "requester"
                else:
                    b.parties["requester"].append(line)
                    current = "requester"
            continue
        if current in ("assets", "request") and (re.match(r"(?:de\s+nghi|kien\s+nghi)\s+(?:phan\s+cong|cu)\b", line.low)
                                                 or re.search(r"phan\s+cong\s+(?:ong\s+|ba\s+)?chap\s+hanh\s+vien", line.low)):
            current = "proposal"
        if current == "judgment":
            b.judgment.append(line)
        elif current == "request":
            b.request.append((line, line.text))
        elif current == "assets":
            b.assets.append((line, line.text))
        elif current == "proposal":
            b.proposal.append((line, line.text))
    return b


def _looks_like_party(line: _Line) -> bool:
    low = line.low
    if re.search(r"\b(?:toi\s+(?:ten\s+)?la|ten\s+toi\s+la|chung\s+toi\s+la|ho\s+va\s+ten|dia\s+chi|ma\s+so\s+thue|cmnd|cccd|"
                 r"can\s+cuoc|dien\s+thoai|tru\s+so|cu\s+tru|thay\s+cho|toi\s+ten|so\s+dinh\s+danh|sdt|noi\s+o|cho\s+o|"
                 r"thuong\s+tru)\b", low):
        return True
    return nz.is_organization(line.text)


# --------------------------------------------------------------------------- parties

_STOP = (
    r"(?=\s*(?:[,;]\s*|\s-\s|\s–\s|\(|\s)(?:so\s+)?(?:dien\s+thoai|dt\b|sdt\b|di\s+dong|email|e-mail|cmnd|cccd|can\s+cuoc|"
    r"chung\s+minh|ho\s+chieu|ma\s+so\s+thue|mst\b|ma\s+so\s+doanh|do\s+(?:ong|ba|anh|chi)\b|nguoi\s+dai\s+dien|dai\s+dien|"
    r"quoc\s+tich|sinh\s+nam|nam\s+sinh|xin\s|la\s+nguoi|la\s+(?:chong|vo|con|cha|me|anh|chi|em)\b|cap\s+ngay|noi\s+cap|"
    r"toi\s|chung\s+toi|phai\s+(?:tra|thanh\s+toan|thi\s+hanh|giao|boi\s+thuong|cap\s+duong|chiu))|\s+\|\s+|\n|$)"
)
_ADDRESS = re.compile(
    r"(?<![a-z])(?:dia\s+chi(?:\s+(?:tru\s+so(?:\s+chinh)?|thuong\s+tru|lien\s+(?:he|lac)|cu\s+tru|hien\s+nay|hien\s+tai))?"
    r"|tru\s+so(?:\s+chinh)?|noi\s+(?:cu\s+tru|thuong\s+tru|o\s+hien\s+nay|o)|ho\s+khau\s+thuong\s+tru|cho\s+o\s+hien\s+nay)"
    r"(?![a-z])(?:[ \t]+tai)?[ \t]*(?:\([^)\n]*\))?[ \t]*[:|]?[ \t]*(?P<v>\S.*?)" + _STOP
)


def _alternation(words: list[str]) -> str:
    """A regex alternative of `words` folded, the longest first, any run of spaces between their words."""
    folded = sorted({fold_lower(w) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in folded)


@cache
def _address_labelled() -> re.Pattern[str]:
    """Any address label of `labels.toml` ("HKTT", "Chỗ ở", "Thường trú") followed by a colon or a cell bar."""
    alt = _alternation(nz.load_data("labels.toml")["party"]["address"])
    return re.compile(r"(?<![a-z])(?:" + alt + r")(?![a-z])[ \t]*(?:\([^)\n]*\))?[ \t]*[:|][ \t]*(?P<v>\S.*?)" + _STOP)


_ADDRESS_WEAK = re.compile(
    r"(?<![a-z])(?:thuong\s+tru|cu\s+tru|song|o|tru)[ \t]+tai[ \t]*:?[ \t]*(?P<v>\S.*?)" + _STOP
)
_LIVES_AT = re.compile(r"(?<![a-z])o[ \t]+(?P<v>\d.*?)" + _STOP)


def _lives_at(text: str, low: str) -> tuple[str, int] | None:
    """"…, ở 34 Lê Văn Sỹ, Phường 11, …": an address after "ở" (lives at) and a house number, as
    people write in a letter (only "ở": folded, "ô" and "o" look the same)."""
    for m in _LIVES_AT.finditer(low):
        if text[m.start()] in "ởỞ":
            s, e = m.span("v")
            return text[s:e].strip(" ,;.|"), s
    return None


_ID = re.compile(
    r"(?:cmnd|cccd|chung\s+minh\s+nhan\s+dan|can\s+cuoc(?:\s+cong\s+dan)?|the\s+can\s+cuoc|so\s+dinh\s+danh(?:\s+ca\s+nhan)?|"
    r"ma\s+dinh\s+danh|ho\s+chieu|passport)[^\d\n]{0,30}?(?P<v>[a-z]{0,2}\d[\d. ]{5,16}\d)"
)
_TAX = re.compile(r"(?:ma\s+so\s+thue|mst|ma\s+so\s+doanh\s+nghiep|msdn|ma\s+so\s+dn|so\s+dang\s+ky\s+doanh\s+nghiep"
                  r"|giay\s+chung\s+nhan\s+dang\s+ky\s+doanh\s+nghiep(?:\s+so)?)"
                  r"[^\d\n]{0,12}?(?P<v>\d[\d .-]{8,16}\d)")
_PHONE = re.compile(r"(?:dien\s+thoai(?:\s+di\s+dong)?|\bdt\b|\bdtdd\b|\bsdt\b|di\s+dong|\btel\b|\bphone\b|\bmobile\b|"
                    r"\bhotline\b|\bzalo\b|so\s+may)"
                    r"[^\d+\n]{0,14}?(?P<v>\(?\+?\d(?:[\d .()-]|,(?=\d)){7,17}\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_OCR_TALL_I = re.compile(r"(?<=[a-z0-9._-])[ÌÍỈĨỊ](?=[a-z0-9])")
_NATIONALITY = re.compile(r"quoc\s+tich\s*:?\s*(?P<v>[^,;.\n|(]+)")
_REP_LABEL = re.compile(r"(?:nguoi\s+)?dai\s+dien(?:\s+theo(?:\s+(?:phap\s+luat|uy\s+quyen))?|\s+hop\s+phap|\s+boi)?\s*(?:\([^)]*\))?\s*[:|]\s*(?P<v>.+)")
_REP_PROSE = re.compile(
    r"(?:\bdo\s+|dai\s+dien\s+(?:boi|la)\s+|nguoi\s+dai\s+dien\s+la\s+)(?P<v>(?:ong|ba|anh|chi|luat\s+su)\s+.+?)"
    r"(?=\s*(?:[–—-]|,|\(|\blam\b|\bla\b|\blàm\b))"
)
_NAME_PROSE = re.compile(r"(?<![a-z])(?:^ong\s*(?:/\s*ba|\(\s*ba\s*\))(?=\s*[:|])|toi\s+(?:ten\s+)?la|em\s+ten\s+la|^toi\s*,(?=\s*[a-z]+\s+[a-z]+)|(?:toi|em)\s+ten(?=\s*:?\s*[a-z]+\s+[a-z]+)|ten\s+toi\s+la|chung\s+toi\s+la|ho\s+va\s+ten|ho\s+ten|ten\s+to\s+chuc"
                         r"|ten\s+(?:doanh\s+nghiep|cong\s+ty|co\s+quan|don\s+vi)|^ten(?=\s*[:|]))"
                         r"\s*(?:\([^)]*\))?[\s.:|-]*(?P<v>[^\s.:|-].*?)(?=\s*(?:[,;(]|\s[-–]\s|\s+\|\s+|\n|$))")


@cache
def _rep_by_office() -> re.Pattern[str]:
    alt = _alternation(nz.load_data("labels.toml")["positions"]["held"])
    return re.compile(r"(?:^|\|\s*|\n)(?P<v>(?:ong|ba)\s+[^|\n,;:]+?)\s*[-–—,]\s*(?:chuc\s+vu\s*:?\s*)?(?:" + alt + r")(?![a-z])")


# where a party's name ends: a comma, semicolon, parenthesis or dash, but not before the rest of
# a company's name ("Kansai Seiki Co., Ltd.", "Tổng Công ty Cấp nước Sài Gòn - TNHH Một thành viên")
_NAME_CLAUSE_END = re.compile(
    r"\s*(?:,(?!\s*(?:ltd|jsc|inc|corp|llc|limited|pte|plc|gmbh)\b)|[;(]"
    r"|\s[-–]\s(?!(?:tnhh|ctcp|công\s+ty|chi\s+nhánh|cn)\b))", re.IGNORECASE)


_TITLED = re.compile(r"(?:ong|ba|anh|chi|luat\s+su)\s+(?=\S)")


def _value(block_text: str, block_low: str, pattern: re.Pattern[str]) -> tuple[str, int] | None:
    m = pattern.search(block_low)
    if not m:
        return None
    s, e = m.span("v")
    return block_text[s:e].strip(" ,;.|"), s


def _line_at(lines: list[_Line], offset: int) -> _Line | None:
    pos = 0
    for line in lines:
        if pos <= offset <= pos + len(line.text):
            return line
        pos += len(line.text) + 1
    return lines[-1] if lines else None


_VALIDATED = {"id_number", "tax_code", "phone", "email", "number", "date", "court", "court_level", "stage",
              "case_type", "amounts", "petition_date", "first_instance", "recognition", "kind"}


def _address_complete(addr: str) -> bool:
    """An address that ends with a province-level unit (or a foreign country) was read to its end."""
    low = fold_lower(addr)
    return bool(re.search(r"(?:thanh\s+pho|tinh)\s+[a-z][a-z ]+$", low)) or nz.foreign_country(addr) is not None


def _plain_text(text: str) -> bool:
    """Text made of letters, digits and ordinary punctuation only (no OCR specks)."""
    return not re.search(r"[^\w\s.,;:()/&'\"“”+-–]", text)


class _Notes:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.notes: dict[str, FieldNote] = {}
        self.ocr_factor = 0.93 if _is_ocr(doc) else 1.0

    def add(self, key: str, conf: float, line: _Line | None, text: str | None = None) -> None:
        # values checked by shape (numbers, dates, codes, canonical courts) suffer less from a
        # doubtful OCR line than free text (names, addresses, lists), which OCR garbles silently
        validated = key.rsplit(".", 1)[-1] in _VALIDATED
        c = conf * (1.0 if validated else self.ocr_factor)
        if line is not None:
            line_conf = max(0.0, min(1.0, line.conf))
            if line_conf < 1.0:
                c *= (0.5 + 0.5 * line_conf) if validated else line_conf
            src = Source(file=self.doc.name, page=line.page, line=line.index, box=line.box,
                         text=(text or line.text)[:300])
        else:
            src = None
        self.notes[key] = FieldNote(confidence=round(max(0.0, min(1.0, c)), 3), source=src)


def _clean_name_value(v: str) -> str:
    v = re.split(r"\s+\|\s+", v)[0]
    return v


def _plausible_name(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha() and sum(w[:1].isupper() for w in words) >= 2


def _read_party(role: str, lines: list[_Line], head: str | None, head_line: _Line | None,
                notes: _Notes, prefix: str) -> Party | None:
    if not lines and not head:
        return None
    text = "\n".join(x.text for x in lines)
    low = fold_lower(text)
    party = Party()
    # name
    name_src = None
    conf = CONF_LABEL
    if head:
        raw = head
        name_src = head_line
        # "Công ty ABC (mã số thuế …), địa chỉ …": the name ends at the first clause
        raw = _NAME_CLAUSE_END.split(raw)[0]
        raw = re.sub(r"^(?:là|la)\s+", "", raw)
    else:
        found = None
        for line in lines:
            mm = _NAME_PROSE.search(line.low)
            if mm and not re.match(r"\s*(?:nguoi|to\s+chuc)\b", line.low[mm.start("v"):]):
                found = (line.text[mm.start("v"):mm.end("v")], line)
                break
        if not found:
            for line in lines[:3]:
                em = _ENUM.match(line.low)
                start = em.end() if em else 0
                tm = _TITLED.match(line.low, start)
                if tm and line.text[tm.end():tm.end() + 1].isupper():
                    found = (re.split(r"\s*(?:[,;(:]|\s[-–]\s)", line.text[start:])[0], line)
                    break
        if found:
            raw, name_src = found
            conf = CONF_LABEL if ":" in name_src.text or name_src.cells else CONF_PROSE
        else:
            first = lines[0]
            body = first.text
            em = _ENUM.match(first.low)
            if em:
                body = body[em.end():]
            if nz.is_organization(body):
                raw = _NAME_CLAUSE_END.split(body)[0]
                name_src, conf = first, CONF_PROSE
            else:
                raw = ""
    name = nz.normalize_name(_clean_name_value(raw)) if raw else None
    if name and head and not _plausible_name(name):
        return _read_party(role, lines, None, None, notes, prefix)
    if name and len(name.split()) > (25 if nz.is_organization(name) else 7):
        name, conf = None, 0.0
    if name:
        party.name = name
        party.kind = "organization" if nz.is_organization(name) else "person"
        if not _plain_text(name) or (party.kind == "person" and not _plausible_name(name)):
            conf *= 0.6
        notes.add(f"{prefix}.name", conf, name_src)
        notes.add(f"{prefix}.kind", conf, name_src)
    # attributes
    for key, pattern, norm in (
        ("id_number", _ID, nz.normalize_id),
        ("tax_code", _TAX, nz.normalize_tax_code),
        ("phone", _PHONE, nz.normalize_phone),
    ):
        found = _value(text, low, pattern)
        if found:
            # a comma between digits is a dot misread ("08,5997.4124") or separates two numbers
            value = norm(found[0]) or norm(found[0].split(",")[0])
            if value:
                setattr(party, key, value)
                line = _line_at(lines, found[1])
                notes.add(f"{prefix}.{key}", CONF_LABEL if line and (":" in line.text or line.cells) else CONF_PROSE, line)
    at = re.sub(r"(?<=[\w.])\((?=[\w-]+\.[a-z]{2,})", "@", re.sub(r"\(@|@\)|\s@\s?", "@", text))
    # OCR reads the "l" of an address as a bracket or bar ("dung.luu@]squangdung.vn")
    at = re.sub(r"(?<=@)[\]\[|!](?=\w)|(?<=[a-z0-9.])[\]\[|](?=[a-z0-9])", "l", at)
    em = _EMAIL.search(at)
    if em:
        # an address has no accented letters: a tall "Ì" among small letters is OCR's reading of an
        # "l" (one stroke, like "I", in a sans-serif font), a small "ì" that of an "i" and its dot
        party.email = fold(_OCR_TALL_I.sub("l", em.group(0))).strip(".").lower()
        notes.add(f"{prefix}.email", CONF_LABEL, _line_at(lines, em.start()))
    found = _value(text, low, _ADDRESS) or _value(text, low, _address_labelled()) or _value(text, low, _ADDRESS_WEAK) \
        or _lives_at(text, low)
    if found and len(found[0]) > 4:
        addr = nz.normalize_address(found[0])
        if addr:
            party.address = addr
            line = _line_at(lines, found[1])
            conf = CONF_LABEL if line and (":" in line.text or line.cells) else CONF_PROSE
            if not _address_complete(addr) or not _plain_text(addr):
                conf *= 0.75
            notes.add(f"{prefix}.address", conf, line)
    found = _value(text, low, _NATIONALITY)
    if found:
        party.nationality = found[0].strip()
        notes.add(f"{prefix}.nationality", CONF_LABEL, _line_at(lines, found[1]))
    rep = None
    m = _REP_LABEL.search(low)
    if m:
        rep = text[m.start("v"):m.end("v")]
        rep_conf = CONF_LABEL
        rep_pos = m.start("v")
    else:
        m = _REP_PROSE.search(low)
        if m:
            rep = text[m.start("v"):m.end("v")]
            rep_conf = CONF_PROSE
            rep_pos = m.start("v")
    if not rep and party.kind == "organization":
        # the label unread ("_Ngzười +„i điện then — — | Ông Mai Văn Bảo - Chủ tịch"): a titled
        # person holding an office of the organisation is its representative
        m = _rep_by_office().search(low)
        if m:
            rep, rep_conf, rep_pos = text[m.start("v"):m.end("v")], CONF_WEAK, m.start("v")
    if rep:
        rep = re.split(r"\s+\|\s+|\n", rep)[0]
        rep_name = nz.normalize_name(rep)
        if rep_name and rep_name != party.name and len(rep_name.split()) <= 6 and not nz.is_organization(rep_name) \
                and _plausible_name(rep_name):
            party.representative = rep_name
            notes.add(f"{prefix}.representative", rep_conf, _line_at(lines, rep_pos))
    if party == Party():
        return None
    return party


# --------------------------------------------------------------------------- judgments


@dataclass
class _Citation:
    number: str
    canonical: bool
    start: int
    end: int
    date: str | None = None
    court: str | None = None
    level: str | None = None
    court_text: str | None = None
    subject: str | None = None
    kind_words: str = ""
    recognition: bool = False
    line: _Line | None = None


_STAGE_WORDS = [("giam doc tham", "GĐT"), ("tai tham", "TT"), ("phuc tham", "PT"), ("so tham", "ST")]
_TYPE_WORDS = [("hon nhan", "HNGĐ"), ("kinh doanh", "KDTM"), ("thuong mai", "KDTM"), ("lao dong", "LĐ"),
               ("hanh chinh", "HC"), ("hinh su", "HS"), ("dan su", "DS")]
_COURT = re.compile(
    r"(?:toa\s*an|tand\b|trung\s+tam\s+trong\s+tai|hoi\s+dong\s+trong\s+tai|trong\s+tai)"
    r".*?(?=\s*(?:\bve\s+viec\b|\bve\s+toi\b|\bxet\s+xu\b|\bgiai\s+quyet\b|\btuyen\b|\bban\s+hanh\b|\bda\s+(?:duoc|co)\b|\bngay\s+\d|\bco\s+hieu\s+luc\b|"
    r"\bve\s+tranh\b|\bdoi\s+voi\b|\btheo\b|\bva\s+(?:quyet|ban)\b|[()\[;]|(?<!\btp)(?<!\bq)(?<!\bp)(?<!\bh)(?<!\btt)(?<!\btx)(?<!\bx)\.\s|\.$|\s\|\s|\n|$|,\s*(?:nay|da|theo|xet|ve|buoc|co|doi|va)\b))"
)
_AS_WRITTEN_NUMBER = re.compile(r"(?:ban\s+an|quyet\s+dinh|phan\s+quyet|judgment|award)[^.\n|]{0,70}?\bso\s*:?\s*"
                                r"(?P<v>[^\s,;].{0,40}?)(?=\s*(?:\bngay\b|\bcua\b|,|;|\bdate|\(\s*ngay|\s\|\s|\n|$))")
_LABEL_NUMBER = re.compile(r"^(?:so(?:\s+ban\s+an|\s+quyet\s+dinh)?)\s*[:|]?\s*(?P<v>\S.{0,40}?)\s*$")


def _citations(text: str, lines: list[_Line]) -> list[_Citation]:
    low = fold_lower(text)
    cites: list[_Citation] = []
    for s, e, number in nz.find_judgment_numbers(text):
        cites.append(_Citation(number, True, s, e))
    for m in _AS_WRITTEN_NUMBER.finditer(low):
        s, e = m.span("v")
        if any(c.start <= s < c.end + 2 for c in cites):
            continue
        value = text[s:e].strip(" .,;:")
        if not re.search(r"\d", value) or re.match(r"\d+/\d{4}/(?:TLST|HĐ|UQ)", fold(value).upper()):
            continue
        if re.search(r"tlst|hdtc|hdtd|/hd|/uq", fold_lower(value)):
            continue
        cites.append(_Citation(value, False, s, e))
    # label|value tables: "Số | HC/S 571/2014"
    pos = 0
    for line in lines:
        m = _LABEL_NUMBER.match(line.low) if line.cells or ":" in line.text else None
        if m and not any(pos <= c.start < pos + len(line.text) for c in cites):
            value = line.text[m.start("v"):m.end("v")].strip(" .,;:|")
            if re.search(r"\d", value) and not re.fullmatch(r"[\d .]+", value):
                cites.append(_Citation(value, False, pos + m.start("v"), pos + m.end("v")))
        pos += len(line.text) + 1
    cites.sort(key=lambda c: c.start)
    for i, c in enumerate(cites):
        nxt = cites[i + 1].start if i + 1 < len(cites) else len(text)
        # the window of a citation: to the next citation, at most to the end of its paragraph block
        window_end = nxt
        window = low[c.end:window_end]
        c.line = _line_at(lines, c.start)
        before = low[max(0, c.start - 90):c.start]
        sent_start = max(before.rfind(". "), before.rfind("\n"), before.rfind(";"))
        c.kind_words = before[sent_start + 1:] if sent_start >= 0 else before
        c.recognition = bool(re.search(r"cong\s+nhan(?:\s+va\s+cho\s+thi\s+hanh)?", c.kind_words)) or \
            bool(re.search(r"quyet\s+dinh\s+cong\s+nhan\s*[|:]?\s*(?:so)?\s*$", c.kind_words))
        dates = nz.find_dates(window[:80])
        if dates:
            c.date = dates[0][2]
        cm = _COURT.search(window[:200])
        if not cm:
            # the court before the number: "đã được Tòa án nhân dân Quận 10 xét xử tại Bản án … số …"
            lead = before[sent_start + 1:] if sent_start >= 0 else before
            bm = _COURT.search(lead)
            if bm and re.search(r"\b(?:xet\s+xu|tuyen|ban\s+hanh|giai\s+quyet)\b", lead[bm.end():]):
                raw = text[c.start - len(lead) + bm.start():c.start - len(lead) + bm.end()].strip(" ,.")
                court, level = nz.canonical_court(re.sub(r"\s*\n\s*", " ", raw))
                if court and level:
                    c.court, c.level, c.court_text = court, level, raw
        if cm and not re.search(r"\n\s*\n", window[: cm.start()]):
            raw = text[c.end + cm.start():c.end + cm.end()].strip(" ,.")
            raw = re.sub(r"\s*\n\s*", " ", raw)
            court, level = nz.canonical_court(raw)
            acronym = re.match(r"\s*\(([A-Z]{2,10})\)", text[c.end + cm.end():])
            if level == "arbitration" and court and "(" not in court and acronym:
                court += f" ({acronym.group(1)})"  # the centre's own short name: "… Tài chính (FCCA)"
            if court and level:
                c.court, c.level, c.court_text = court, level, raw
        sm = re.search(r"\bve\s+viec\s*[:|]?\s*(?P<v>.+?)(?=\s*(?:\.\s|\.$|;|\)|\n|\s\|\s|$))", _drop_parens(window)[:300])
        if sm:
            dropped = _drop_parens(text[c.end:window_end])
            c.subject = _subject(dropped[sm.start("v"):sm.end("v")])
        else:
            tm = re.search(r"\btoi\s*[\"“”'](?P<v>[^\"“”'\n]+)[\"“”']", window[:200]) or \
                re.search(r"\btoi\s+(?!danh\b)(?P<v>[^\"“”'.,;()\n|]+)", window[:200])
            word = text[c.end + tm.start():c.end + tm.start() + 3] if tm else ""
            typ, _ = nz.number_parts(c.number) if c.canonical else (None, None)
            if tm and word.lower() != "tôi" and typ in (None, "HS"):  # "trả cho tôi 80.000.000 đồng" is no offence
                c.subject = _subject(text[c.end + tm.start("v"):c.end + tm.end("v")])
    return cites


def _drop_parens(text: str) -> str:
    """Blank out parenthesised asides (same length) so "… (xét xử … về việc …) về việc X" reads X."""
    out = list(text)
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        if depth:
            out[i] = " "
        if ch == ")" and depth:
            depth -= 1
    return "".join(out)


def _subject(raw: str) -> str | None:
    v = clean(raw).strip(" .,;:\"“”'")
    if not v:
        return None
    if len(v) > 1 and v[0].isupper() and not v[1:2].isupper():
        v = v[0].lower() + v[1:]
    return v


def _from_number_or_words(c: _Citation, part: int, words_table: list[tuple[str, str]]) -> str | None:
    """Part `part` (0: case type, 1: stage) of a canonical number, else the first of `words_table`
    whose words stand before the number ("bản án phúc thẩm" → PT)."""
    got = nz.number_parts(c.number)[part] if c.canonical else None
    return got or next((value for words, value in words_table if words in c.kind_words), None)


def _stage_of(c: _Citation) -> str | None:
    return _from_number_or_words(c, 1, _STAGE_WORDS)


def _type_of(c: _Citation) -> str | None:
    return _from_number_or_words(c, 0, _TYPE_WORDS)


_STAGE_RANK = {"GĐT": 3, "TT": 3, "PT": 2, "ST": 1, None: 0}


def _read_judgment(b: _Blocks, lines: list[_Line], notes: _Notes) -> Judgment:
    body_lines = b.body
    text = "\n".join(x.text for x in body_lines)
    cites = _citations(text, body_lines)
    # merge repeated citations of the same number
    merged: dict[str, _Citation] = {}
    order: list[str] = []
    for c in cites:
        key = fold(c.number).upper().replace(" ", "")
        if key in merged:
            m = merged[key]
            m.date = m.date or c.date
            if not m.court:
                m.court, m.level, m.court_text = c.court, c.level, c.court_text
            m.subject = m.subject or c.subject
            m.recognition = m.recognition or c.recognition
        else:
            merged[key] = c
            order.append(key)
    cites = [merged[k] for k in order]
    # table form: date/court/subject on their own labelled lines
    _fill_from_table(cites, b)
    judgment = Judgment()
    if not cites:
        return _judgment_without_number(b, notes)
    recog = [c for c in cites if c.recognition and c.canonical]
    foreign = [c for c in cites if c.level in ("foreign", "arbitration")]
    if recog and not foreign:
        foreign = [c for c in cites if c not in recog and not c.canonical]
    if foreign:
        main = foreign[0]
    else:
        pool = [c for c in cites if not c.recognition] or cites
        main = max(pool, key=lambda c: (_STAGE_RANK[_stage_of(c)], c.canonical, -pool.index(c)))
    judgment.number = main.number
    # a number as written (award, foreign judgment) is trusted when its court and date were read too
    conf = CONF_LABEL if main.canonical else (CONF_PROSE if main.court and main.date else CONF_WEAK)
    if not main.canonical and re.match(r"\d+\s*/\s*\d{4}\s*/", main.number):
        conf = CONF_WEAK  # shaped like a Vietnamese number but not readable as one
    if len({c.number for c in cites if c.canonical and not c.recognition and _stage_of(c) == _stage_of(main)}) > 1:
        conf = CONF_CONFLICT
    notes.add("judgment.number", conf, main.line)
    judgment.date = main.date
    if main.date:
        notes.add("judgment.date", CONF_LABEL if main.canonical else CONF_PROSE, main.line)
    judgment.court = main.court
    judgment.court_level = main.level  # type: ignore[assignment]
    if main.court:
        notes.add("judgment.court", CONF_LABEL, main.line, main.court_text)
        notes.add("judgment.court_level", CONF_LABEL, main.line, main.court_text)
    stage = None if main.level in ("foreign", "arbitration") else _stage_of(main)
    judgment.stage = stage  # type: ignore[assignment]
    notes.add("judgment.stage", CONF_LABEL if stage or main.level in ("foreign", "arbitration") else CONF_WEAK, main.line)
    typ = _type_of(main)
    if main.level in ("foreign", "arbitration"):
        rec = next((c for c in cites if c.recognition and c is not main), None)
        typ = typ or (_type_of(rec) if rec else None) or ("KDTM" if main.level == "arbitration" else None)
    judgment.case_type = typ  # type: ignore[assignment]
    if typ:
        notes.add("judgment.case_type", CONF_LABEL, main.line)
    # the subject may follow a parenthesised first-instance citation: take the next one given
    judgment.subject = main.subject or next((c.subject for c in cites[cites.index(main):] if c.subject), None)
    if main.subject:
        notes.add("judgment.subject", CONF_PROSE, main.line)
    if stage in ("PT", "GĐT", "TT"):
        firsts = [c for c in cites if c is not main and not c.recognition and _stage_of(c) == "ST"]
        if firsts:
            f = firsts[0]
            judgment.first_instance = Ref(number=f.number, date=f.date, court=f.court)
            notes.add("judgment.first_instance", CONF_LABEL if f.court and f.date else CONF_WEAK, f.line)
    if main.level in ("foreign", "arbitration") or recog:
        rec = next((c for c in cites if c.recognition and c is not main), None)
        if rec:
            judgment.recognition = Ref(number=rec.number, date=rec.date, court=rec.court)
            notes.add("judgment.recognition", CONF_LABEL, rec.line)
    return judgment


def _judgment_without_number(b: _Blocks, notes: _Notes) -> Judgment:
    """A judgment cited without a number ("bản án sơ thẩm ngày 24/01/2014"): date, stage, type only."""
    j = Judgment()
    for line in b.judgment:
        if not re.search(r"ban\s+an|quyet\s+dinh", line.low):
            continue
        c = _Citation("", False, 0, 0, kind_words=line.low)
        j.stage = _stage_of(c)  # type: ignore[assignment]
        j.case_type = _type_of(c)  # type: ignore[assignment]
        j.date = nz.parse_date(line.text)
        cm = _COURT.search(line.low)
        if cm:
            court, level = nz.canonical_court(line.text[cm.start():cm.end()])
            if court and level:
                j.court, j.court_level = court, level  # type: ignore[assignment]
                notes.add("judgment.court", CONF_PROSE, line)
        notes.add("judgment.stage", CONF_WEAK, line)
        if j.date:
            notes.add("judgment.date", CONF_PROSE, line)
        break
    return j


def _fill_from_table(cites: list[_Citation], b: _Blocks) -> None:
    """Table and labelled forms give date, court and subject on lines of their own."""
    if not cites or not b.judgment:
        return
    labels = _labels()
    vals: dict[str, tuple[str, _Line]] = {}
    kind = ""
    for line in b.judgment:
        hit = _label_at_start(line, labels)
        if hit and hit.label.group == "judgment" and hit.value:
            vals.setdefault(hit.label.key, (hit.value, line))
            if hit.label.key == "kind":
                kind = hit.value_low
    if not vals:
        return
    target = next((c for c in cites if c.line in b.judgment and not c.recognition), None)
    if target is None:
        return
    if kind:
        target.kind_words = kind + " " + target.kind_words
    if "date" in vals and not target.date:
        target.date = nz.parse_date(vals["date"][0])
    if "court" in vals and not target.court:
        court, level = nz.canonical_court(vals["court"][0])
        if court and level:
            target.court, target.level, target.court_text = court, level, vals["court"][0]
    if "subject" in vals:
        target.subject = _subject(vals["subject"][0])


# --------------------------------------------------------------------------- other fields


# a list marker at the start of an item: "1." "1)" "a)" and "1," (how OCR reads "1." on a scan);
# "," only at the start, never inside ("thửa đất số 12, tờ bản đồ số 3")
_ITEM_MARKER = re.compile(r"^(?:\d{1,2}\s*[.),]|[a-zđ]\s*\))\s+(?=\S)")


# a line that opens a new list item: a bullet, or a number / letter marker (folded text)
_NEW_ITEM = re.compile(r"^\s*(?:[-–—•+*·]|\d{1,2}\s*[.),](?:\s|$)|[a-z]\s*\)|[ivx]{1,4}\s*[.)]\s)")


@dataclass(frozen=True)
class _Margins:
    """The text's left and right edges (from the line boxes) and the length of its long lines."""

    left: float | None
    right: float | None
    wide: int

    @classmethod
    def of(cls, lines: list[_Line]) -> "_Margins":
        lengths = sorted(len(x.text) for x in lines if x.text)
        wide = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0] if lengths else 0
        return cls(min((x.box[0] for x in lines if x.box), default=None),
                   max((x.box[2] for x in lines if x.box), default=None), wide)

    def boxed(self, line: _Line) -> bool:
        return line.box is not None and self.left is not None and self.right is not None

    def reaches_right(self, line: _Line) -> bool:
        """Whether `line` (with a box) ends near the right margin."""
        assert line.box is not None and self.left is not None and self.right is not None
        return line.box[2] >= self.right - 0.15 * (self.right - self.left)

    def starts_left(self, line: _Line) -> bool:
        assert line.box is not None and self.left is not None and self.right is not None
        return line.box[0] <= self.left + 0.12 * (self.right - self.left)

    def fills(self, line: _Line) -> bool:
        """Whether a line reaches the right margin of the page (by its box; else by its length against
        the document's long lines), i.e. the text on it may have wrapped onto the next."""
        return self.reaches_right(line) if self.boxed(line) else len(line.text) >= 0.7 * self.wide


def _unwrap(parts: list[tuple[_Line, str]], full: Callable[[_Line], bool]) -> list[tuple[_Line, str]]:
    """Join a value that a table cell or a scanned paragraph wrapped over several lines: a line
    continues the one before unless it opens a new item (a bullet, a "1." / "1," / "a)" marker, or a
    capital after a line that ends with ".", ";" or ":"). A capital after an unfinished line continues
    it only when that line fills the width (a list typed one item a line without marks stays a list)."""
    out: list[tuple[_Line, str]] = []
    last: _Line | None = None  # the last physical line
    for line, text in parts:
        t = text.strip()
        if not t:
            continue
        if out and last is not None:
            prev_line, prev = out[-1]
            new = bool(_NEW_ITEM.match(fold_lower(t))) or (
                t[:1].isupper() and (prev.endswith((".", ";", ":")) or not full(last)))
            if not new:
                out[-1] = (prev_line if prev_line.conf <= line.conf else line, f"{prev} {t}")
                last = line
                continue
        out.append((line, t))
        last = line
    return out


def _items(parts: list[tuple[_Line, str]], full: Callable[[_Line], bool]) -> list[tuple[str, _Line]]:
    """List items of a block: bullets, "1." / "1," / "a)" numbering, ";" in prose; a value
    wrapped over lines is one item (see `_unwrap`)."""
    out: list[tuple[str, _Line]] = []
    for line, text in _unwrap(parts, full):
        for piece in re.split(r"(?:^|\s+)(?:[-–•+*]\s+|\d{1,2}[.)]\s+)|;\s*", text):
            piece = _ITEM_MARKER.sub("", piece.strip()).strip(" .;,")
            if re.search(r"[^\W\d_]{2}", piece):  # an item has a word; a lone mark is a scan speck
                out.append((piece[0].upper() + piece[1:], line))
    return out


_NOTHING = re.compile(r"^(?:toi\s+|chung\s+toi\s+)?(?:chua|khong)\s+(?:co|nam|ro|xac\s+dinh|biet|duoc)|^khong$|^chua\s+co")


def _read_officer(text: str) -> tuple[str, int] | None:
    low = fold_lower(text)
    m = re.search(r"phan\s+cong\s+(?:(?:ong|ba)\s+)?chap\s+hanh\s+vien\s*(?:la\s+)?(?:(?:ong|ba)\s+)?", low)
    if not m:
        return None
    words = []
    for w in text[m.end():].split():
        w2 = w.strip(",.;:()")
        if w2[:1].isupper() and len(words) < 5:
            words.append(w2)
            if w2 != w:
                break
        else:
            break
    if len(words) < 2:
        return None
    return nz.normalize_name(" ".join(words)) or "", m.start()


_SIGNING_FOR = re.compile(r"(?:kt|tm|tl|tuq)\.\s|thay\s+mat\s|(?:pho\s+)?(?:tong\s+)?giam\s+doc\b|dai\s+dien\s+theo")
_SIG_SKIP = re.compile(r"^\(.*\)?$|^\[.*\]$|da\s+ky|^ky\s|ky\s+ten|ghi\s+ro|dong\s+dau|^\W*$")


def _name_run(text: str) -> str | None:
    """The trailing run of 2–6 capitalised words of a line ("Š_#e°° Phạm Thanh Bình" → "Phạm Thanh Bình");
    a speck of one or two small letters after it is left out ("Trần Hữu Nghị xi")."""
    words = text.split()
    if len(words) > 2 and len(words[-1]) <= 2 and words[-1].islower():
        words.pop()
    run: list[str] = []
    for w in reversed(words):
        if w.isalpha() and w[:1].isupper() and (w[1:].islower() or w.isupper() or len(w) == 1):
            run.insert(0, w)
        else:
            break
    return " ".join(run) if 2 <= len(run) <= 6 else None


def _read_signer(b: _Blocks) -> tuple[str, _Line] | None:
    sig_words = [fold_lower(w) for w in nz.load_data("labels.toml")["signature"]["block"]]
    candidates = b.signature
    for line in candidates:
        t = line.text.strip(" .")
        low = line.low.strip(" .")
        if _SIG_SKIP.search(low) or _CLOSING.search(low):
            continue
        if any(low == w or low.startswith(w + " ") and len(low.split()) <= len(w.split()) + 3 and line.text.isupper()
               for w in sig_words):
            continue
        if line.text.isupper() and any(w in low for w in sig_words):
            continue
        if re.search(r"\d|@|:", t):
            continue
        run = _name_run(t)
        if run:
            t = run
        words = t.split()
        if 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words if w.isalpha()):
            name = nz.normalize_name(t)
            if name:
                return name, line
    return None


_HOUSE_NUMBER = re.compile(r"(?P<num>(?:số\s+)?[\w/-]*\d[\w/-]*)\s+(?P<street>\S.*)", re.IGNORECASE)


_PUNCTUATION = " .,;:()[]\"'“”‘’-–—!?/|"


def _repair_marks(fields: Fields, unsure: set[str]) -> None:
    """OCR'd text: the marks of personal names' syllables the OCR engine was `unsure` of, and of
    street names (a closed list), mended from the lexicons (`parsers.lexicon`: "Nguyễn Đỏ Ngọc
    Bảo" → "Nguyễn Đỗ Ngọc Bảo", "23 Lê Duấn" → "23 Lê Duẩn")."""
    for party in (fields.requester, fields.creditor, fields.debtor):
        if party is None:
            continue
        if party.name and party.kind == "person":
            party.name = lexicon.correct_person_name(party.name, unsure)
        if party.representative:
            party.representative = lexicon.correct_person_name(party.representative, unsure)
        if party.address:
            first, sep, rest = party.address.partition(", ")
            m = _HOUSE_NUMBER.fullmatch(first)
            if m:
                party.address = first[:m.start("street")] + lexicon.correct_street(m["street"]) + sep + rest
        if party.email:
            party.email = _webmail_domain(party.email)
    for attr in ("signed_by", "preferred_officer"):
        value = getattr(fields, attr)
        if value:
            setattr(fields, attr, lexicon.correct_person_name(value, unsure))


# the mail services citizens use; an OCR'd domain one letter away from one of them is a misread
# of it ("gmall.com"); real look-alikes (ymail.com, mail.com) are listed so they stay
_WEBMAIL = ("gmail.com", "yahoo.com", "yahoo.com.vn", "ymail.com", "hotmail.com", "outlook.com", "outlook.com.vn",
            "live.com", "icloud.com", "mail.com", "msn.com", "aol.com")


def _webmail_domain(address: str) -> str:
    local, at, domain = address.rpartition("@")
    if not at or domain in _WEBMAIL:
        return address
    near = [w for w in _WEBMAIL if _edit_distance(domain, w, 2) == 1]
    return f"{local}@{near[0]}" if len(near) == 1 else address


def _agree_on_signer(fields: Fields, notes: _Notes) -> None:
    """The signer is mostly a party or its representative, so the name is read twice; where the
    two readings differ only in their accents (OCR misread one: "Phẩm Minh Đông" under the
    signature, "Phạm Minh Đông" above), the reading from the surer line stands for both."""
    signer = fields.signed_by
    assert signer is not None
    for role in ("requester", "creditor"):
        party: Party | None = getattr(fields, role)
        if party is None:
            continue
        for attr in ("name", "representative"):
            value = getattr(party, attr)
            if not value or value == signer or fold_lower(value) != fold_lower(signer):
                continue
            note, signer_note = notes.notes.get(f"{role}.{attr}"), notes.notes["signed_by"]
            if note is not None and note.confidence > signer_note.confidence:
                fields.signed_by = value
            else:
                setattr(party, attr, signer)
            return


# the verb of a request: what the debtor must do ("buộc …", "phải trả", "thanh toán")
_OBLIGATION = re.compile(r"\b(?:buoc|phai\s+(?:tra|thanh\s+toan|boi\s+thuong|cap\s+duong)|tra\s+(?:lai\s+)?cho|thanh\s+toan\s+cho)\b")
# the debtor named in the request only: "buộc ông Vương Văn Định (địa chỉ: …) trả …"
_DEBTOR_IN_REQUEST = re.compile(
    r"\bbuoc\s+(?P<title>ong|ba|anh|chi|bi\s+cao|bi\s+don|(?=cong\s+ty|ngan\s+hang|doanh\s+nghiep|hop\s+tac\s+xa))\s*(?P<v>[^,;(]+?)"
    r"(?=\s*(?:\(|,|;|\s(?:phai|tra|thanh\s+toan|boi\s+thuong|giao|cap\s+duong|hoan|lien\s+doi)\b))"
)


def _debtor_from_request(lines: list[_Line], notes: _Notes) -> Party | None:
    """The debtor when no section names it: the person or company the request binds ("buộc ông X …")."""
    for line in lines:
        m = _DEBTOR_IN_REQUEST.search(line.low)
        if not m:
            continue
        name = nz.normalize_name(line.text[m.start("v"):m.end("v")])
        if not name or not (nz.is_organization(name) or _plausible_name(name)):
            continue
        party = Party(name=name, kind="organization" if nz.is_organization(name) else "person")
        notes.add("debtor.name", CONF_PROSE, line)
        notes.add("debtor.kind", CONF_PROSE, line)
        after = line.text[m.end("v"):]
        paren = re.match(r"\s*\(([^)]*)\)", after)
        aside = paren.group(1) if paren else re.split(r"\s(?:phải|trả|thanh toán)\s", after, maxsplit=1)[0]
        found = _value(aside, fold_lower(aside), _ADDRESS) or _value(aside, fold_lower(aside), _ADDRESS_WEAK)
        if found:
            addr = nz.normalize_address(found[0])
            if addr:
                party.address = addr
                notes.add("debtor.address", CONF_PROSE * (1.0 if _address_complete(addr) else 0.75), line)
        return party
    return None


def _no_diacritics(text: str) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(words) < 12:
        return False
    marked = sum(1 for w in words if fold(w) != w)
    return marked / len(words) < 0.08


def _foreign(fields: Fields, b: _Blocks, text_low: str) -> ForeignElement | None:
    if fields.judgment.court_level in ("foreign", "arbitration"):
        return None
    entrust = bool(re.search(r"uy\s+thac\s+tu\s+phap", text_low))
    detail = None
    kind = None
    for role in ("debtor", "creditor", "requester"):
        party: Party | None = getattr(fields, role)
        if party is None:
            continue
        who = ROLES["creditor"] if role == "requester" and fields.creditor is None else ROLES[role]
        if party.nationality and not re.search(r"viet\s*nam", fold_lower(party.nationality)):
            return ForeignElement(kind="judicial_entrustment" if entrust else "foreign_national",
                                  detail=f"{who} có quốc tịch {party.nationality}")
        if party.address and nz.foreign_country(party.address) and not re.search(
                r"viet\s+nam|ho\s+chi\s+minh|hcm", fold_lower(party.address)):
            # the country part of the address, without a postal code before or after it ("Singapore 238880")
            last = re.sub(r"^\d{4,6}\s+|\s+\d{4,6}$", "", party.address.split(",")[-1].strip())
            country = last if nz.foreign_country(last) else nz.foreign_country(party.address)
            return ForeignElement(kind="judicial_entrustment" if entrust else "party_abroad",
                                  detail=f"{who} cư trú tại {country}")
        if party.nationality and not re.search(r"viet\s*nam", fold_lower(party.nationality)):
            kind, detail = "foreign_national", f"{who} có quốc tịch {party.nationality}"
    if kind:
        return ForeignElement(kind="judicial_entrustment" if entrust else kind, detail=detail)
    if fields.assets and nz.foreign_country(fields.assets):
        return ForeignElement(kind="asset_abroad", detail="Tài sản của người phải thi hành án ở nước ngoài")
    if entrust:
        return ForeignElement(kind="judicial_entrustment", detail="Cần ủy thác tư pháp ra nước ngoài")
    return None


# --------------------------------------------------------------------------- extract


def extract(doc: Document) -> Extraction:
    """Read the petition fields of `doc` (see module docstring).

    Never raises for odd input: what cannot be found stays None, with no note.
    """
    notes = _Notes(doc)
    lines = _prepare(doc)
    b = _cut(lines)
    fields = Fields()
    full = "\n".join(x.text for x in lines)
    full_low = fold_lower(full)

    if b.addressed:
        line, value = b.addressed
        office = nz.canonical_office(value)
        if office:
            fields.addressed_to = office
            notes.add("addressed_to", CONF_LABEL, line)

    creditor_explicit = "creditor" in b.section_seen or "creditor-prose" in b.section_seen
    if "requester" not in b.section_seen and "creditor" in b.section_seen and not b.parties["requester"]:
        # only "Người được thi hành án" is given: the creditor files for itself
        b.parties["requester"] = b.parties["creditor"]
        b.party_heads["requester"] = b.party_heads.pop("creditor", None) or ""
        b.party_head_line["requester"] = b.party_head_line.get("creditor")  # type: ignore[assignment]
        b.parties["creditor"] = []
        creditor_explicit = False
    for role in ("requester", "creditor", "debtor"):
        if role == "creditor" and not creditor_explicit:
            continue
        lines_r = b.parties[role]
        head = b.party_heads.get(role) or None
        if role == "creditor" and "creditor-prose" in b.section_seen and not head and lines_r:
            m = _CREDITOR_CUE.search(lines_r[0].low)
            if m:
                head = lines_r[0].text[m.end():]
                head = re.split(r"\s+(?:ủy|uỷ|uy)\s+quyền\b", head, maxsplit=1)[0] if m.group(0).startswith("duoc ") \
                    and not re.match(r"duoc\s+uy", m.group(0)) else head
                b.party_head_line[role] = lines_r[0]
                tail = lines_r[0].text[m.end():]
                rest = _Line(tail, fold_lower(tail), lines_r[0].index, lines_r[0].page, lines_r[0].box, lines_r[0].conf)
                lines_r = [rest, *lines_r[1:]]
        party = _read_party(role, lines_r, head, b.party_head_line.get(role), notes, role)
        setattr(fields, role, party)
    if fields.creditor is not None and fields.requester is not None and fields.creditor.name == fields.requester.name:
        fields.creditor = None
    if fields.debtor is None and "debtor" not in b.section_seen:
        fields.debtor = _debtor_from_request([*b.judgment, *(x for x, _ in b.request), *b.body], notes)

    fields.judgment = _read_judgment(b, lines, notes)

    # request content and amounts
    req_text = " ".join(t for _, t in b.request).strip()
    if req_text:
        content = re.sub(r"\s*\((?:bằng chữ|bang chu)[^)]*\)", "", req_text, flags=re.I)
        fields.request_content = content.strip(" -")
        notes.add("request_content", CONF_LABEL, b.request[0][0])
        amount_parts = b.request
        amount_conf = CONF_LABEL
    else:
        amount_parts = [(x, x.text) for x in b.body if x not in b.judgment and not any(x is y for y in b.parties["requester"])]
        # a request written into the judgment's sentence ("…của Tòa án X, buộc ông Y trả cho tôi N đồng")
        for x in b.judgment:
            om = _OBLIGATION.search(x.low)
            if om and not any(x is y for y, _ in amount_parts):
                amount_parts.append((x, x.text[om.start():]))
        amount_parts.sort(key=lambda p: p[0].index)
        amount_conf = CONF_WEAK
    if any(not _plain_text(t) for _, t in amount_parts):
        amount_conf = min(amount_conf, CONF_WEAK)  # specks in the request: a figure may be lost

    def sums(parts: list[tuple[_Line, str]]) -> list[Amount]:
        # one text: "(Bằng chữ: …)" is often on the line after its figure
        return [a for _, _, a in nz.find_amounts(" ".join(t for _, t in parts), trust_words=_is_ocr(doc))]

    fields.amounts = sums(amount_parts)
    if not fields.amounts:
        # "… thi hành phần bồi thường nêu trên": the sums are in the judgment's sentence quoted above
        # ("Bản án buộc bị cáo X … trả lại cho tôi 380.000.000 đồng")
        quoted = [(x, x.text[om.start():]) for x in [*b.judgment, *b.body] if (om := _OBLIGATION.search(x.low))]
        fields.amounts = sums(quoted)
        if fields.amounts:
            amount_parts, amount_conf = quoted, CONF_WEAK
    if fields.amounts:
        notes.add("amounts", amount_conf, min((x for x, _ in amount_parts), key=lambda x: x.conf))

    # assets
    full_width = _Margins.of(lines).fills
    items = _items(b.assets, full_width)
    items = [(t, line) for t, line in items
             if not _NOTHING.search(fold_lower(t)) and not re.fullmatch(r"\(?neu\s+co\)?\W*", fold_lower(t))]
    if items:
        fields.assets = "; ".join(t for t, _ in items)
        notes.add("assets", CONF_LABEL if _plain_text(fields.assets) else CONF_WEAK,
                  min((line for _, line in items), key=lambda x: x.conf))

    # attachments
    att = _items(b.attachments, full_width)
    fields.attachments_listed = [t for t, _ in att]
    if att:
        notes.add("attachments_listed", CONF_LABEL if all(_plain_text(t) for t, _ in att) else CONF_WEAK,
                  min((line for _, line in att), key=lambda x: x.conf))

    # preferred officer
    flat = " ".join(x.text.replace(" | ", " ") for x in lines if x.text)
    found = _read_officer(flat)
    if found and found[0]:
        fields.preferred_officer = found[0]
        line = next((x for x in lines if "chap hanh vien" in x.low), None)
        notes.add("preferred_officer", CONF_LABEL, line)

    # place and date
    if b.place_date is not None:
        m = None if _DATE_ALONE.search(b.place_date.low) else (
            _PLACE_DATE.search(b.place_date.low) or _PLACE_BLANK.search(b.place_date.low))
        if m:
            place = b.place_date.text[m.start("place"):m.end("place")].strip(" ,.|")
            place = re.sub(r"^(?:[-–]\s*)", "", place)
            date_given = nz.parse_date(b.place_date.text)
            if place and date_given:  # a form's printed place before a blank date is not the citizen's
                fields.petition_place = place
                notes.add("petition_place", CONF_LABEL, b.place_date)
        date = nz.parse_date(b.place_date.text)
        if date and b.place_label and not fields.petition_place:
            fields.petition_place = b.place_label[1]
            notes.add("petition_place", CONF_LABEL, b.place_label[0])
        if date:
            fields.petition_date = date
            notes.add("petition_date", CONF_LABEL, b.place_date)
    signer = _read_signer(b)
    if signer:
        fields.signed_by = signer[0]
        notes.add("signed_by", CONF_LABEL if b.place_date else CONF_PROSE, signer[1])
    if _is_ocr(doc):
        _repair_marks(fields, {nfc(w).strip(_PUNCTUATION) for x in doc.lines for w in x.unsure})
    if fields.signed_by:
        _agree_on_signer(fields, notes)

    fields.foreign_element = _foreign(fields, b, full_low)
    if fields.foreign_element:
        notes.add("foreign_element", CONF_PROSE, None)

    return Extraction(
        fields=fields,
        notes=notes.notes,
        no_diacritics=_no_diacritics(full),
        document=doc.name,
        format=doc.format,
    )
