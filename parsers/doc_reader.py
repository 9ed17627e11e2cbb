"""Placeholder: being written (helper H4)."""

from __future__ import annotations

from parsers.model import Document, DocumentError, Limits


def read_doc(name: str, data: bytes, limits: Limits) -> Document | DocumentError:
    """Not yet implemented: returns an "unsupported" DocumentError."""
    return DocumentError(name=name, code="unsupported", reason="Chưa hỗ trợ đọc loại tệp này.")
