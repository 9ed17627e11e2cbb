"""Raw RFC 5322 bytes → `ParsedMail` (or `Rejected`).

Two readers, one job each:

- `mail-parser` (`mailparser`, the only module of the project that imports it) is the front for the
  envelope headers: Subject, From, To, Cc, Message-ID, Date, and its list of MIME/header defects.
- the stdlib `email` package with `policy.default` walks the MIME tree: bodies, attachments,
  forwarded `message/rfc822` parts. mail-parser flattens the tree (it walks into attached messages
  and mixes their text with the outer body), so structure must come from the stdlib.

Everything that leaves here is NFC (Apple Mail sends NFD file names; Outlook sends windows-1258
with combining tone marks).

`parse_mail` never raises for bad input: a message that cannot be used becomes
`Rejected(UNDECODABLE)`, a message too large `Rejected(TOO_LARGE)`.
"""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta, timezone
from email import policy
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser
from email.utils import collapse_rfc2231_value, getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

import mailparser

from parsers import archive, tnef
from parsers.model import Limits, MailAttachment, ParsedMail, Reason, Rejected
from parsers.vietnamese import nfc

# Forwarded messages nest; a law firm forwarding a client's forward is depth 2. Deeper is refused
# (each level is parsed again) so a crafted message cannot cost unbounded work.
MAX_FORWARD_DEPTH = 3

# ------------------------------------------------------------------ header decoding


def _decode_words(value: object) -> str:
    """Decode RFC 2047 encoded-words in a raw header value and NFC it.

    Works on the str (or `email.header.Header`) compat32 gives. Unknown charsets decode as UTF-8
    with replacement rather than raising. The result is NFC: Outlook's windows-1258 encoded-words
    carry combining tone marks (cp1258 has no precomposed "ả", "ợ"…).
    """
    if value is None:
        return ""
    text = str(value)
    try:
        parts = decode_header(text)
    except Exception:  # HeaderParseError and codec errors on hostile input
        return nfc(text).strip()
    out: list[str] = []
    for chunk, charset in parts:
        if isinstance(chunk, bytes):
            out.append(_decode_bytes(chunk, charset or "ascii")[0])
        else:
            out.append(chunk)
    return nfc("".join(out)).strip()


def _decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Decode `data` in `charset`; on an unknown or wrong charset try UTF-8, then windows-1258.

    Returns the text and a defect note (None when the declared charset worked).
    """
    charset = (charset or "utf-8").strip().strip('"').lower()
    try:
        return data.decode(charset), None
    except (LookupError, UnicodeDecodeError):
        pass
    for fallback in ("utf-8", "cp1258"):
        try:
            return data.decode(fallback), f"charset {charset!r} failed; decoded as {fallback}"
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace"), f"charset {charset!r} failed; replacement characters"


# ------------------------------------------------------------------ HTML → text


class _HtmlText(HTMLParser):
    """Readable text from an HTML body: line breaks kept at block tags, scripts and styles dropped."""

    _BREAK = {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote",
              "ul", "ol", "pre", "hr"}
    _SKIP = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BREAK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in self._BREAK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self._BREAK and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML body (stdlib `html.parser`), NFC.

    Block tags (<br>, <p>, <div>, <tr>, <li>, headings) end lines; cells of a row are joined by
    " | "; <script>, <style> and <head> are dropped; runs of blank lines collapse to one.
    """
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; belt and braces for hostile input
        pass
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", line).strip()
        line = re.sub(r"^\|\s*", "", line)
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return nfc(text.strip())


# ------------------------------------------------------------------ text parts


def _unflow(text: str, delsp: bool) -> str:
    """Undo RFC 3676 format=flowed: a line ending in a space continues on the next line.

    Quoted lines (">") and the signature separator "-- " are kept as they are (RFC 3676 §4.3, §4.5).
    """
    out: list[str] = []
    buf = ""
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line.startswith(" "):  # space-stuffing, RFC 3676 §4.4
            line = line[1:]
        if line.endswith(" ") and line != "-- " and not line.startswith(">"):
            buf += line[:-1] if delsp else line
            continue
        out.append(buf + line)
        buf = ""
    if buf:
        out.append(buf)
    return "\n".join(out)


def _part_text(part: Message, defects: list[str]) -> tuple[str, str | None]:
    """Decoded text of a non-multipart text part, and its declared charset."""
    try:
        data = part.get_payload(decode=True) or b""
    except Exception as exc:  # a broken base64/qp payload
        defects.append(f"undecodable payload in {part.get_content_type()}: {exc}")
        return "", None
    if not isinstance(data, bytes):
        data = str(data).encode("utf-8", "replace")
    charset = part.get_param("charset")
    charset = str(charset) if charset else None
    text, note = _decode_bytes(data, charset)
    if note:
        defects.append(note)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if part.get_content_subtype() == "plain" and str(part.get_param("format", "")).lower() == "flowed":
        text = _unflow(text, str(part.get_param("delsp", "")).lower() == "yes")
    return text, charset


# ------------------------------------------------------------------ attachments


def _is_attachment(part: Message) -> bool:
    """A leaf part that is a file rather than body text."""
    if part.get_content_type() == "message/rfc822":
        return True
    if part.is_multipart():
        return False
    disposition = (part.get_content_disposition() or "").lower()
    if disposition == "attachment":
        return True
    if _filename(part):
        return True
    return part.get_content_type() not in ("text/plain", "text/html")


def _filename(part: Message) -> str | None:
    """The file name of a part, decoded and NFC.

    Tries Content-Disposition filename (RFC 2183, RFC 2231 `filename*=` and continuations
    `filename*0*=`), then Content-Type `name=` (html-only mailers put it only there). Outlook puts
    RFC 2047 encoded-words inside the quoted parameter, which RFC 2047 §5 forbids: policy.default
    decodes them, compat32 (our fallback tree, see `_parse`) returns them raw, so they are decoded
    here. Apple Mail sends NFD names: NFC them.
    """
    name = None
    for getter in (lambda: part.get_filename(), lambda: part.get_param("name")):
        try:
            value = getter()
        except Exception:
            value = None
        if value:
            if isinstance(value, tuple):  # RFC 2231 triple under compat32
                value = collapse_rfc2231_value(value)
            name = str(value)
            break
    if not name:
        return None
    if "=?" in name:
        name = _decode_words(name)
    name = nfc(name).strip().replace("\x00", "")
    return name or None


_EXT_BY_TYPE = {
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/zip": ".zip",
    "application/x-zip-compressed": ".zip",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "text/plain": ".txt",
    "text/html": ".html",
    "message/rfc822": ".eml",
    "application/ms-tnef": ".dat",
}


def _made_up_name(content_type: str, index: int, subject: str = "") -> str:
    if content_type == "message/rfc822" and subject:
        return f"{subject}.eml"
    return f"attachment-{index}{_EXT_BY_TYPE.get(content_type, '.bin')}"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ the walk


class _Walk:
    """Collects body texts and attachments of one message level (not inside forwarded ones)."""

    def __init__(self, limits: Limits, depth: int) -> None:
        self.limits = limits
        self.depth = depth
        self.bodies: list[str] = []
        self.charset: str | None = None
        self.attachments: list[MailAttachment] = []
        self.forwarded: list[ParsedMail] = []
        self.defects: list[str] = []
        self.report_types: set[str] = set()
        self.unzip_budget = archive.Budget(limits.max_unzipped_bytes)  # shared by all zips of the message

    def visit(self, part: Message) -> None:
        ctype = part.get_content_type()
        if ctype == "message/rfc822":  # the stdlib counts it as multipart: its payload is [Message]
            self._add_attachment(part)
            return
        if ctype in ("message/delivery-status", "message/disposition-notification"):
            self.report_types.add(ctype.split("/")[1])  # RFC 3464 / RFC 8098 machine-readable reports
            return
        if part.is_multipart():
            payload = part.get_payload()
            if not isinstance(payload, list):
                self.defects.append(f"{ctype} without parts")
                return
            if ctype == "multipart/report":
                self.report_types.add(str(part.get_param("report-type", "")).lower())
            if ctype == "multipart/alternative":
                self._visit_alternative(payload)
                return
            for child in payload:
                self.visit(child)
            return
        if _is_attachment(part):
            self._add_attachment(part)
            return
        text, charset = _part_text(part, self.defects)
        if part.get_content_subtype() == "html":
            text = html_to_text(text)
        if text.strip():
            self.bodies.append(nfc(text.strip("\n")))
            self.charset = self.charset or (charset.lower() if charset else None)

    def _visit_alternative(self, children: list[Message]) -> None:
        """RFC 2046 §5.1.4 lists alternatives in increasing faithfulness; we prefer the plain text
        (what the sender typed) and fall back to the HTML when the plain part is missing or empty.
        Files inside the alternatives not read (inline images of the HTML) are still attachments."""
        def has(part: Message, subtype: str) -> bool:
            return any(p.get_content_type() == f"text/{subtype}" and not _is_attachment(p)
                       for p in part.walk())

        plain = next((c for c in children if has(c, "plain")), None)
        html = next((c for c in reversed(children) if has(c, "html")), None)
        visited = set()
        for chosen in (plain, html):
            if chosen is None:
                continue
            before = len(self.bodies)
            self.visit(chosen)
            visited.add(id(chosen))
            if len(self.bodies) > before:
                break
        for child in children:
            if id(child) in visited:
                continue
            for leaf in child.walk():
                if not leaf.is_multipart() and leaf.get_content_maintype() != "text" and _is_attachment(leaf):
                    self._add_attachment(leaf)

    def _add_attachment(self, part: Message) -> None:
        ctype = part.get_content_type()
        index = len(self.attachments) + 1
        inline = (part.get_content_disposition() or "").lower() == "inline"
        if ctype == "message/rfc822":
            self._add_forwarded(part, index, inline)
            return
        try:
            data = part.get_payload(decode=True) or b""
        except Exception as exc:
            self.defects.append(f"undecodable attachment payload: {exc}")
            data = b""
        if not isinstance(data, bytes):
            data = b""
        name = _filename(part)
        if tnef.is_tnef(name or "", ctype, data):
            ctype = tnef.TNEF_TYPE
        name = name or _made_up_name(ctype, index)
        att = MailAttachment(filename=name, content_type=ctype, size=len(data), sha256=_sha256(data),
                             data=data, inline=inline)
        if ctype == tnef.TNEF_TYPE:  # Outlook's winmail.dat: the files are inside
            files = tnef.list_tnef(data, self.unzip_budget)
            if isinstance(files, str):
                self.defects.append(f"{name}: {files}")
            else:
                att = att.model_copy(update={"children": files})
        elif archive.is_zip(name, ctype, data):
            members = archive.list_zip(data, self.limits, budget=self.unzip_budget)
            if isinstance(members, str):
                self.defects.append(f"{name}: {members}")
            else:
                att = att.model_copy(update={"children": members})
        self.attachments.append(att)

    def _add_forwarded(self, part: Message, index: int, inline: bool) -> None:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            raw = inner.as_bytes(policy=policy.default.clone(refold_source="none", linesep="\r\n"))
        else:  # a message/rfc822 part wrongly base64-encoded (RFC 2046 §5.2.1 forbids it)
            try:
                raw = part.get_payload(decode=True) or b""
            except Exception:
                raw = b""
        name = _filename(part)
        sub: ParsedMail | Rejected
        if self.depth + 1 > MAX_FORWARD_DEPTH:
            sub = Rejected(code=Reason.UNDECODABLE, detail="forwarded messages nested too deep")
        else:
            sub = _parse(raw, own_addresses=frozenset(), max_bytes=len(raw) + 1, limits=self.limits,
                         depth=self.depth + 1)
        if isinstance(sub, Rejected):
            self.defects.append(f"forwarded message not readable: {sub.detail}")
            children: list[MailAttachment] = []
            subject = ""
        else:
            self.forwarded.append(sub)
            children = sub.attachments
            subject = sub.subject
        name = name or _made_up_name("message/rfc822", index, subject)
        self.attachments.append(MailAttachment(filename=name, content_type="message/rfc822", size=len(raw),
                                               sha256=_sha256(raw), data=raw, inline=inline,
                                               children=children))


# ------------------------------------------------------------------ auto replies (RFC 3834)


def _auto_reason(msg: Message, from_addr: str | None, report_types: set[str]) -> tuple[Reason | None, str]:
    """RFC 3834 §2 and common practice: who must not receive an automatic acknowledgement."""
    def h(name: str) -> str:
        try:
            return _decode_words(msg.get(name, "")).strip().lower()
        except Exception:
            return ""

    local = (from_addr or "").split("@")[0].lower()
    # Bounces: a DSN (RFC 3464 multipart/report; report-type=delivery-status), the null
    # Return-Path of RFC 5321 §4.5.5, or the conventional mailer-daemon / postmaster senders.
    if "delivery-status" in report_types or local in ("mailer-daemon", "postmaster"):
        return Reason.BOUNCE, "delivery status notification"
    if h("return-path") in ("<>", ""):
        if msg.get("return-path") is not None:
            return Reason.BOUNCE, "Return-Path: <>"
    auto = h("auto-submitted")
    if auto and auto != "no":  # RFC 3834 §5: any value but "no"
        return Reason.AUTO_REPLY, f"Auto-Submitted: {auto}"
    if msg.get("x-autoreply") is not None or msg.get("x-autorespond") is not None:
        return Reason.AUTO_REPLY, "X-Autoreply"
    if "disposition-notification" in report_types:
        return Reason.AUTO_REPLY, "read receipt (RFC 8098)"
    if msg.get("list-id") is not None or msg.get("list-unsubscribe") is not None:
        return Reason.MAILING_LIST, "List-Id / List-Unsubscribe (RFC 2919, RFC 2369)"
    precedence = h("precedence")  # RFC 3834 §2: do not answer bulk, junk or list mail
    if precedence in ("bulk", "list"):
        return Reason.MAILING_LIST, f"Precedence: {precedence}"
    if precedence == "junk":
        return Reason.AUTO_REPLY, "Precedence: junk"
    return None, ""


# ------------------------------------------------------------------ entry point


def _bare(addr: str) -> str:
    return addr.strip().strip("<>").lower()


def _addresses(pairs: object) -> list[str]:
    out = []
    for pair in pairs or []:
        if isinstance(pair, (tuple, list)) and len(pair) == 2 and pair[1] and "@" in str(pair[1]):
            out.append(_bare(str(pair[1])))
    return out


def parse_mail(raw: bytes, *, own_addresses: frozenset[str] = frozenset(),
               max_bytes: int = 30 * 2**20, limits: Limits | None = None) -> ParsedMail | Rejected:
    """Parse one message as received.

    `own_addresses`: the offices' own mailboxes (lower case); a message from one of them is marked
    auto_submitted with reason OWN_ADDRESS (a loop guard). `max_bytes`: the config's
    `mail.max_message_bytes`. `limits`: bounds for listing zip attachments (defaults to `Limits()`).

    Returns `Rejected(TOO_LARGE)` for a message over `max_bytes`, `Rejected(UNDECODABLE)` when no
    header or body can be read. Raises nothing for bad input.
    """
    return _parse(raw, own_addresses=own_addresses, max_bytes=max_bytes, limits=limits or Limits(), depth=0)


def _parse(raw: bytes, *, own_addresses: frozenset[str], max_bytes: int, limits: Limits,
           depth: int) -> ParsedMail | Rejected:
    if not isinstance(raw, (bytes, bytearray)):
        return Rejected(code=Reason.UNDECODABLE, detail="not bytes")
    raw = bytes(raw)
    if len(raw) > max_bytes:
        return Rejected(code=Reason.TOO_LARGE, detail=f"{len(raw)} bytes > {max_bytes}")
    if not raw.strip():
        return Rejected(code=Reason.UNDECODABLE, detail="empty message")
    try:
        front = mailparser.parse_from_bytes(raw)  # compat32 tree; headers and defects
    except Exception as exc:  # MailParserRecursionError (deep nesting) and parser bugs
        return Rejected(code=Reason.UNDECODABLE, detail=f"{type(exc).__name__}: {exc}"[:300])
    if len(front.message.keys()) == 0:
        return Rejected(code=Reason.UNDECODABLE, detail="no header fields")

    defects: list[str] = []
    # policy.default's header parser raises IndexError on some malformed MIME parameters
    # (`Content-Type: …; name*`), even inside BytesParser (CPython gh-151857). Then the MIME tree is
    # walked in mail-parser's compat32 tree, which keeps the raw parameters.
    tree: Message
    try:
        tree = BytesParser(policy=policy.default).parsebytes(raw)
    except RecursionError:
        return Rejected(code=Reason.UNDECODABLE, detail="MIME nesting too deep")
    except Exception as exc:
        defects.append(f"policy.default parser failed ({type(exc).__name__}, CPython gh-151857); compat32 used")
        tree = front.message
    for entry in front.defects:
        for kind, notes in entry.items():
            defects.extend(f"{kind}: {n}" for n in notes)

    def single(name: str) -> str:
        value = front.message.get(name)
        return _decode_words(value) if value is not None else ""

    from_pairs = front.from_ or []
    from_name = from_addr = None
    if from_pairs:
        from_name = nfc(str(from_pairs[0][0])).strip() or None
        from_addr = _bare(str(from_pairs[0][1])) or None
    else:
        pairs = getaddresses([single("from")])
        if pairs and pairs[0][1]:
            from_name, from_addr = (nfc(pairs[0][0]) or None), _bare(pairs[0][1])

    date_iso = None
    if front.date is not None:
        try:
            offset = timedelta(hours=float(front.timezone or 0))
            date_iso = front.date.replace(tzinfo=timezone.utc).astimezone(timezone(offset)).isoformat()
        except (TypeError, ValueError, OverflowError):
            date_iso = None
    if date_iso is None and single("date"):
        try:
            date_iso = parsedate_to_datetime(single("date")).isoformat()
        except (TypeError, ValueError, IndexError):
            defects.append("unreadable Date header")

    walk = _Walk(limits, depth)
    try:
        walk.visit(tree)
    except RecursionError:
        return Rejected(code=Reason.UNDECODABLE, detail="MIME nesting too deep")
    except Exception as exc:  # a header of one part fails lazily under policy.default (gh-151857)
        if tree is front.message:
            return Rejected(code=Reason.UNDECODABLE, detail=f"{type(exc).__name__}: {exc}"[:300])
        defects.append(f"policy.default header failed ({type(exc).__name__}, CPython gh-151857); compat32 used")
        tree = front.message
        walk = _Walk(limits, depth)
        try:
            walk.visit(tree)
        except Exception as exc2:  # RecursionError included: nothing usable is left
            return Rejected(code=Reason.UNDECODABLE, detail=f"{type(exc2).__name__}: {exc2}"[:300])
    defects.extend(walk.defects)
    for d in getattr(tree, "defects", []):
        defects.append(type(d).__name__)

    subject = nfc(str(front.subject or "")).strip() if not isinstance(front.subject, list) \
        else nfc(str(front.subject[0])).strip()
    if "=?" in subject:
        subject = _decode_words(subject)
    body = "\n\n".join(walk.bodies)
    if not body and not walk.attachments and tree.is_multipart() and not subject:
        return Rejected(code=Reason.UNDECODABLE, detail="neither body nor attachments nor subject")
    if tree.get_content_maintype() == "multipart" and not walk.bodies and not walk.attachments \
            and any("StartBoundaryNotFound" in d or "MultipartInvariantViolation" in d for d in defects):
        return Rejected(code=Reason.UNDECODABLE, detail="multipart without readable parts; " + "; ".join(defects[:3]))

    reason, why = _auto_reason(front.message, from_addr, walk.report_types)
    if reason is None and from_addr and from_addr in {a.lower() for a in own_addresses}:
        reason, why = Reason.OWN_ADDRESS, from_addr
    if why and reason is not None:
        defects.append(f"{reason.value}: {why}")

    message_id = single("message-id") or None
    return ParsedMail(
        message_id=message_id,
        from_name=from_name,
        from_addr=from_addr,
        to=_addresses(front.to),
        cc=_addresses(front.cc),
        subject=subject,
        date=date_iso,
        body_text=body,
        attachments=walk.attachments,
        forwarded=walk.forwarded[0] if walk.forwarded else None,
        auto_submitted=reason is not None,
        auto_reason=reason,
        body_charset=walk.charset,
        defects=defects,
    )
