"""Distinct copies of a template message, for loading test and benchmark mailboxes."""

from __future__ import annotations

import re
from collections.abc import Iterator

_MID = re.compile(rb"(?im)^message-id:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*\r?\n")
_SUBJECT = re.compile(rb"(?im)^subject:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*")


def numbered(template: bytes, tag: str, i: int) -> bytes:
    """`template` with Message-ID <bench-TAG-I@…> and ' [TAG I]' appended to its Subject.

    Each copy has other bytes and another Message-ID, so the store keeps each
    as a message of its own.
    """
    mid = f"Message-ID: <bench-{tag}-{i}@bench.thads-hcm.example>\r\n".encode()
    raw, n = _MID.subn(lambda m: mid, template, count=1)
    if n == 0:
        raw = mid + raw
    mark = f" [{tag} {i}]".encode()
    raw, n = _SUBJECT.subn(lambda m: m.group(0) + mark, raw, count=1)
    if n == 0:
        raw = b"Subject:" + mark + b"\r\n" + raw
    return raw


def copies(templates: list[bytes], tag: str, count: int) -> Iterator[bytes]:
    """`count` distinct messages cycling over `templates`, reproducible, streamed."""
    for i in range(count):
        yield numbered(templates[i % len(templates)], tag, i)
