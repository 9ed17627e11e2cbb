"""Competence rules (stub, being built out)."""
from __future__ import annotations

from parsers.model import Fields
from routing.model import Decision


def route(fields: Fields, directory, *, mailbox: str | None, no_diacritics: bool = False,
          min_confidence: float = 0.8, extraction_confidence: float | None = None) -> Decision:
    flags = ["no_diacritics"] if no_diacritics else []
    return Decision(office="triage", rule="R10", flags=flags, confidence=0.0,
                    explanation="Chưa xác định được cơ quan có thẩm quyền (bộ định tuyến đang được xây dựng).")
