"""Zip attachments: list and unpack members with a zip-bomb guard.

The only module of the project that imports `zipfile`. Members become `MailAttachment` children
(with their bytes) so the petition locator can look inside. Bounds (per message, from
`Limits.max_unzipped_bytes`): the sum of uncompressed sizes, the number of members, and nested
zips at most `MAX_NESTING` deep. Sizes are checked while reading, not trusted from the directory
(a crafted central directory may lie about them).
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import zipfile

from parsers.model import Limits, MailAttachment
from parsers.vietnamese import nfc

MAX_NESTING = 2  # a zip inside a zip is read; a third level is refused
MAX_MEMBERS = 1000  # files per archive (directories are not counted)
_FLAG_UTF8 = 0x800  # general purpose bit 11 (APPNOTE 4.4.4): name is UTF-8

_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".txt": "text/plain",
    ".zip": "application/zip",
    ".eml": "message/rfc822",
}


def is_zip(name: str, content_type: str, data: bytes) -> bool:
    """True when the part is a zip archive, by its magic number (PK\\3\\4), else by name or type."""
    if data[:4] == b"PK\x03\x04" and not name.lower().endswith((".docx", ".xlsx", ".pptx", ".odt")):
        return True
    return content_type in ("application/zip", "application/x-zip-compressed") or name.lower().endswith(".zip")


def content_type_of(name: str) -> str:
    """A MIME type guessed from a member's file name."""
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return _TYPES.get(ext) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as the sender saw it, NFC.

    Without the UTF-8 flag zipfile decodes names as cp437 (APPNOTE appendix D), but Windows'
    "Send to compressed folder" and many Vietnamese tools write UTF-8 or cp1258 bytes without
    setting it: re-encode to cp437 to get the bytes back and try UTF-8 first, then cp1258.
    """
    name = info.filename
    if not info.flag_bits & _FLAG_UTF8:
        try:
            name = decode_name(name.encode("cp437")) or name
        except UnicodeEncodeError:
            pass
    return base_name(name)


def decode_name(raw: bytes) -> str | None:
    """A file name's bytes as a Vietnamese sender's tool wrote them: UTF-8, else windows-1258; None
    when they are neither."""
    for enc in ("utf-8", "cp1258"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return None


def base_name(name: str) -> str:
    """The last part of a path (either slash), NFC."""
    return nfc(name.replace("\\", "/").rsplit("/", 1)[-1])


class Budget:
    """Bytes and members left to unpack; one per message, shared by all its zips."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.left = limit
        self.members = 0


def list_zip(data: bytes, limits: Limits, *, budget: Budget | None = None, _depth: int = 1
             ) -> list[MailAttachment] | str:
    """The files inside a zip as `MailAttachment`s (nested zips have children too).

    `budget`: what the message may still unpack (default: `limits.max_unzipped_bytes` for this
    archive alone). Returns the members, or a short English reason string when the archive is
    refused (corrupt, encrypted, too large when unpacked, too many members, nested deeper than
    `MAX_NESTING`). Raises nothing for bad input.
    """
    budget = budget or Budget(limits.max_unzipped_bytes)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        return f"corrupt zip: {exc}"
    out: list[MailAttachment] = []
    files = [i for i in infos if not i.is_dir()]
    declared = sum(i.file_size for i in files)
    if declared > budget.left:
        return f"zip-bomb: unpacks to {declared} bytes > {budget.left} left of {budget.limit}"
    budget.members += len(files)
    if budget.members > MAX_MEMBERS:
        return f"zip-bomb: more than {MAX_MEMBERS} members"
    for info in files:
        name = member_name(info)
        if not name or name.startswith("._") or "__MACOSX" in info.filename:
            continue  # macOS resource forks
        if info.flag_bits & 0x1:
            return f"encrypted zip member {name!r}"
        try:
            with zf.open(info) as fh:
                content = fh.read(budget.left + 1)  # never trust file_size: read at most the budget
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
            return f"corrupt zip member {name!r}: {exc}"
        if len(content) > budget.left:
            return f"zip-bomb: unpacks to more than {budget.limit} bytes"
        budget.left -= len(content)
        ctype = content_type_of(name)
        children: list[MailAttachment] = []
        if is_zip(name, ctype, content) and content[:4] == b"PK\x03\x04":
            if _depth >= MAX_NESTING:
                return f"zip nested deeper than {MAX_NESTING} levels"
            nested = list_zip(content, limits, budget=budget, _depth=_depth + 1)
            if isinstance(nested, str):
                return nested
            children = nested
            ctype = "application/zip"
        out.append(MailAttachment(filename=name, content_type=ctype, size=len(content),
                                  sha256=hashlib.sha256(content).hexdigest(), data=content,
                                  children=children))
    return out
