"""Outlook's winmail.dat (TNEF, [MS-OXTNEF]): the files inside, unpacked like a zip's members.

Outlook set to "rich text" sends a message's attachments inside one `application/ms-tnef`
part named winmail.dat; a citizen's petition is then one of its files. The only module that
imports `tnefparse`. Bounds: the files count against the message's unpacking budget
(`archive.Budget`, shared with its zips) and `archive.MAX_MEMBERS`.
"""

from __future__ import annotations

import hashlib
import logging
import struct

from tnefparse import TNEF

from parsers import archive
from parsers.model import MailAttachment

_SIGNATURE = b"\x78\x9f\x3e\x22"  # 0x223E9F78, little-endian ([MS-OXTNEF] 2.1.3.1)
TNEF_TYPE = "application/ms-tnef"

# tnefparse logs a warning for each bad checksum; the caller reports what matters
logging.getLogger("tnef-decode").setLevel(logging.ERROR)


def is_tnef(name: str, content_type: str, data: bytes) -> bool:
    """True for a TNEF part: by its signature, else by its type or the name Outlook gives it."""
    if data[:4] == _SIGNATURE:
        return True
    low = name.lower()
    return content_type in (TNEF_TYPE, "application/vnd.ms-tnef") or (low.startswith("winmail") and low.endswith(".dat"))


def _file_name(att: object, index: int) -> str:
    """The attachment's long file name (MAPI, Unicode), else its 8.3 title in the message's code page."""
    try:
        name = att.long_filename()  # type: ignore[attr-defined]
    except (UnicodeDecodeError, AttributeError, ValueError):
        name = None
    if not name:
        name = getattr(att, "_name", b"")
    if isinstance(name, bytes):
        name = archive.decode_name(name) or name.decode("latin-1")
    return archive.base_name(name.strip("\x00")) or f"tep-dinh-kem-{index}"


def list_tnef(data: bytes, budget: archive.Budget) -> list[MailAttachment] | str:
    """The files inside a TNEF part as `MailAttachment`s, or a short English reason when it
    cannot be read (corrupt, no files, over the budget). Raises nothing for bad input."""
    try:
        tnef = TNEF(data, do_checksum=False)
    except (ValueError, IndexError, KeyError, TypeError, OverflowError, struct.error) as exc:  # damaged input
        return f"corrupt TNEF: {exc.__class__.__name__}: {exc}"
    out: list[MailAttachment] = []
    for index, att in enumerate(tnef.attachments, 1):
        content = att.data if isinstance(att.data, bytes) else b""
        if not content:
            continue  # an embedded Outlook item or a link, not a file
        budget.members += 1
        if len(content) > budget.left or budget.members > archive.MAX_MEMBERS:
            return f"TNEF unpacks to more than the {budget.limit} bytes / {archive.MAX_MEMBERS} files allowed"
        budget.left -= len(content)
        name = _file_name(att, index)
        out.append(MailAttachment(filename=name, content_type=archive.content_type_of(name), size=len(content),
                                  sha256=hashlib.sha256(content).hexdigest(), data=content))
    if not out:
        return "TNEF holds no files (Outlook rich text only)"
    return out
