"""Petition fields from a Document (minimal first version; being extended)."""

from __future__ import annotations

import re

from parsers.model import Document, Extraction, FieldNote, Fields, Judgment, Party, Source
from parsers.vietnamese import clean, fold_lower

_NUMBER = re.compile(r"(\d{1,5})\s*/\s*(\d{4})\s*/\s*([A-ZĐ]{1,5})\s*-\s*([A-ZĐ]{2,5})")


def extract(doc: Document) -> Extraction:
    """Read the petition fields of `doc`. Never raises for odd input; unknown fields stay None."""
    fields = Fields()
    notes: dict[str, FieldNote] = {}
    for i, line in enumerate(doc.lines):
        text = clean(line.text)
        low = fold_lower(text)
        src = Source(file=doc.name, page=line.page, line=i, box=line.box, text=text)
        m = _NUMBER.search(text)
        if m and fields.judgment.number is None and "tlst" not in low:
            fields.judgment = Judgment(number=f"{m[1]}/{m[2]}/{m[3]}-{m[4]}")
            notes["judgment.number"] = FieldNote(confidence=0.5 * line.confidence, source=src)
        if low.startswith("kinh gui") and ":" in text:
            fields.addressed_to = text.split(":", 1)[1].strip(" ,.")
            notes["addressed_to"] = FieldNote(confidence=0.5, source=src)
        if low.startswith("nguoi phai thi hanh an") and ":" in text and fields.debtor is None:
            fields.debtor = Party(name=text.split(":", 1)[1].strip(" ,."))
            notes["debtor.name"] = FieldNote(confidence=0.5, source=src)
    return Extraction(fields=fields, notes=notes, document=doc.name, format=doc.format)
