"""Where is the petition? `ParsedMail` (or one file) → `PetitionRead | Rejected`.

The petition is found by what a document says and how it is laid out (the title "ĐƠN YÊU CẦU
THI HÀNH ÁN", "Kính gửi", the party labels of the form of Article 31 of the Law on Civil Judgment
Enforcement), accent-insensitive; file names and types only order the work. Every attachment gets a
role: petition, judgment (a court judgment or decision: "BẢN ÁN"/"QUYẾT ĐỊNH" of a "TÒA ÁN", parties
as nguyên đơn/bị đơn, a TLST acceptance number), id_card (CMND/CCCD photo), archive,
forwarded_message, other.

Cost: each document is read at most once (cached by its SHA-256); cheap ones (text layers, Word
files, bodies) before images that need OCR. Reading and field extraction are not done here:
`parsers.documents.read_document` and `parsers.petition.extract` do them.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from parsers import archive, documents, petition
from parsers.email import parse_mail
from parsers.model import (
    DocFormat,
    Document,
    DocumentError,
    Limits,
    MailAttachment,
    ParsedMail,
    PetitionRead,
    Reason,
    Rejected,
)
from parsers.vietnamese import fold_lower, nfc

# ------------------------------------------------------------------ cues (accent-folded, lower case)

# Lines that open a petition: the title of the form ("ĐƠN YÊU CẦU THI HÀNH ÁN", "ĐƠN ĐỀ NGHỊ …").
_TITLE = re.compile(r"^\s*(?:v/v\s*)?don\s+(?:yeu\s+cau|de\s+nghi)\b"
                    # a company's or bank's letter: "V/v: Yêu cầu (tổ chức) thi hành án"
                    r"|^\s*(?:v/v|ve\s+viec)\s*[:.]?\s*(?:de\s+nghi|yeu\s+cau)\s+(?:to\s+chuc\s+)?thi\s+hanh\s+an")
# A cover note says the petition is elsewhere ("đơn … đính kèm", "chuyển tiếp").
_COVER = re.compile(r"\b(?:dinh\s+kem|file\s+kem|tep\s+kem|chuyen\s+tiep|forward)")

_JUDGMENT_TITLE = re.compile(r"^\s*(?:ban\s+an|quyet\s+dinh)\b")
# The weighted cues of each kind of text (petition, judgment, id_card): parsers/data/mail_cues.toml.

# File-name hints: only order the work, never decide alone.
_NAME_PETITION = re.compile(r"\bdon\b|yeu\s*cau|\btha\b|thi\s*hanh\s*an|\bcv\b")
_NAME_JUDGMENT = re.compile(r"ban[\s_-]*an|\bba[\s_-]|quyet[\s_-]*dinh|\bqd[\s_-]")
_NAME_ID = re.compile(r"cmnd|cccd|can[\s_-]*cuoc|chung[\s_-]*minh")

_PETITION_MIN = 5  # petition cues needed (a title alone is 4: title + one more cue)
_IMAGE_TYPES = ("image/",)
_DOC_EXT = (".pdf", ".doc", ".docx", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".txt", ".rtf", ".odt", ".heic",
            ".bmp", ".gif", ".webp")


@dataclass
class Verdict:
    """What one document looks like, and why."""

    role: str  # petition | judgment | id_card | other
    score: int
    why: str


Cues = tuple[tuple[re.Pattern[str], int], ...]


@lru_cache(maxsize=1)
def _cues() -> dict[str, Cues]:
    """The weighted cues of parsers/data/mail_cues.toml per kind (petition, judgment, id_card), compiled once."""
    data = tomllib.loads(resources.files("parsers").joinpath("data", "mail_cues.toml").read_text(encoding="utf-8"))
    return {kind: tuple((re.compile(pattern), int(weight)) for pattern, weight in pairs) for kind, pairs in data.items()}


def _score(kind: str, text: str) -> tuple[int, list[str]]:
    total, hits = 0, []
    for pattern, weight in _cues()[kind]:
        if pattern.search(text):
            total += weight
            hits.append(pattern.pattern)
    return total, hits


def classify(text: str, *, body: bool = False) -> Verdict:
    """Decide what a text is: petition, judgment, id_card or other, with a Vietnamese reason.

    `body`: the text is an email body, where a cover note ("đơn đính kèm") is not a petition.
    """
    low = fold_lower(nfc(text))
    lines = [ln.strip() for ln in low.splitlines() if ln.strip()]
    head = lines[:25]
    title = any(_TITLE.match(ln) and len(ln) < 90 for ln in head)
    p_score, _ = _score("petition", low)
    if title:
        p_score += 4
    j_score, _ = _score("judgment", low)
    j_title = any(_JUDGMENT_TITLE.match(ln) and len(ln) < 60 for ln in head)
    if j_title:
        j_score += 2
    i_score, _ = _score("id_card", low)
    form = bool(re.search(r"\bnguoi\s+phai\s+thi\s+hanh\s+an\b|\bnoi\s+dung\s+yeu\s+cau\b", low))
    # A cover note points elsewhere ("đơn … đính kèm"); a petition may also list its enclosures,
    # so the note counts only when the form's own labels are absent.
    cover = body and bool(_COVER.search(low)) and not title and not form

    if title and p_score >= _PETITION_MIN:
        return Verdict("petition", p_score, "có tiêu đề \"Đơn yêu cầu\" và nội dung theo mẫu đơn yêu cầu thi hành án")
    if j_score >= 4 and j_score > p_score:
        return Verdict("judgment", j_score, "là bản án/quyết định của Tòa án (nguyên đơn/bị đơn, số thụ lý), không phải đơn")
    if i_score >= 3 and len(low) < 1500 and p_score < _PETITION_MIN:
        return Verdict("id_card", i_score, "là ảnh căn cước công dân/chứng minh nhân dân")
    if not cover and p_score >= _PETITION_MIN + 1 and re.search(r"\bkinh\s+gui\b", low) \
            and (form or re.search(r"\bthi\s+hanh\s+(?:ban\s+an|quyet\s+dinh)\b", low)):
        return Verdict("petition", p_score, "có \"Kính gửi\", người phải thi hành án và nội dung yêu cầu thi hành án")
    if j_score >= 4:
        return Verdict("judgment", j_score, "là bản án/quyết định của Tòa án, không phải đơn")
    return Verdict("other", p_score, "không có dấu hiệu của đơn yêu cầu thi hành án")


# ------------------------------------------------------------------ candidates


@dataclass
class _Candidate:
    att: MailAttachment
    place: str  # attachment | zip | forwarded_attachment | forwarded_zip
    order: int

    @property
    def name(self) -> str:
        return self.att.filename


def _hint(name: str) -> str | None:
    low = fold_lower(name).replace("_", " ")
    if _NAME_ID.search(low):
        return "id_card"
    if _NAME_JUDGMENT.search(low):
        return "judgment"
    if _NAME_PETITION.search(low):
        return "petition"
    return None


def _is_document(att: MailAttachment) -> bool:
    """A file that may hold a petition: by its bytes (PDF, Word, RTF, image magic numbers), then by its
    name or type; a small inline image (a signature logo such as Outlook's image001.png) is not."""
    if _is_logo(att):
        return False
    if documents.sniff(att.filename, att.data) in ("pdf", "docx", "ole", "rtf", "image"):
        return True
    return att.filename.lower().endswith(_DOC_EXT) or att.content_type.startswith(_IMAGE_TYPES) \
        or att.content_type in ("application/pdf", "application/msword", "text/plain") \
        or "wordprocessingml" in att.content_type


# A phone photo or scan of a page that OCR can read is larger than this; signature logos are smaller.
_LOGO_MAX_BYTES = 20_000


def _is_logo(att: MailAttachment) -> bool:
    return att.inline and att.content_type.startswith("image/") and att.size < _LOGO_MAX_BYTES


def _cost(c: _Candidate) -> tuple[int, int, int]:
    """Likely petitions by name first, the message's own files before a forwarded message's."""
    hint = _hint(c.name)
    return (0 if hint == "petition" else 2 if hint in ("judgment", "id_card") else 1,
            1 if c.place.startswith("forwarded") else 0, c.order)


class _Reader:
    """Reads documents once each (by SHA-256). Files that are not documents (a refused zip, a TNEF
    winmail.dat) become a `DocumentError` with the reason, without calling the reader."""

    def __init__(self, limits: Limits, defects: list[str]) -> None:
        self.limits = limits
        self.defects = defects
        self.cache: dict[str, Document | DocumentError] = {}

    def read(self, att: MailAttachment) -> Document | DocumentError:
        if att.content_type == "application/ms-tnef":
            return DocumentError(name=att.filename, code="unsupported",
                                 reason="Tệp winmail.dat (định dạng TNEF của Outlook) không đọc được; "
                                        "đề nghị người gửi gửi lại tệp đơn ở dạng Word hoặc PDF.")
        if archive.is_zip(att.filename, att.content_type, att.data) and not att.children:
            note = next((d.split(": ", 1)[1] for d in self.defects if d.startswith(f"{att.filename}: ")), "")
            code = "zip-bomb" if "zip-bomb" in note or "nested" in note else "corrupt"
            return DocumentError(name=att.filename, code=code,
                                 reason="Tệp nén bị từ chối: giải nén vượt giới hạn cho phép hoặc lồng nhau quá sâu."
                                 if code == "zip-bomb" else "Tệp nén hỏng, rỗng hoặc có mật khẩu.")
        if att.sha256 not in self.cache:
            self.cache[att.sha256] = documents.read_document(att.filename, att.data, self.limits)
        return self.cache[att.sha256]


def _collect(atts: list[MailAttachment], roles: dict[str, str], out: list[_Candidate], *, forwarded: bool) -> None:
    """Roles for archives and forwarded messages; document candidates in `out`."""
    for att in atts:
        if att.content_type == "message/rfc822":
            roles[att.filename] = "forwarded_message"
            continue  # its parts are read from mail.forwarded
        if att.children or archive.is_zip(att.filename, att.content_type, att.data):
            roles[att.filename] = "archive"
            if not att.children:  # refused or empty: parse_mail noted why in the defects
                out.append(_Candidate(att, "forwarded_zip" if forwarded else "zip", len(out)))
            for child in _flatten(att.children):
                if _is_document(child):
                    out.append(_Candidate(child, "forwarded_zip" if forwarded else "zip", len(out)))
                else:
                    roles[child.filename] = "other"
            continue
        if att.content_type == "application/ms-tnef":
            roles[att.filename] = "other"
            out.append(_Candidate(att, "forwarded_attachment" if forwarded else "attachment", len(out)))
            continue
        if _is_document(att):
            out.append(_Candidate(att, "forwarded_attachment" if forwarded else "attachment", len(out)))
        else:
            roles[att.filename] = "other"


def _flatten(children: list[MailAttachment]) -> list[MailAttachment]:
    out = []
    for child in children:
        if child.children:
            out.extend(_flatten(child.children))
        else:
            out.append(child)
    return out


# ------------------------------------------------------------------ forwarding law firm

_FIRM = re.compile(r"((?:Công\s+ty\s+Luật|Cty\s+Luật|Văn\s+phòng\s+Luật\s+sư|VPLS|Đoàn\s+Luật\s+sư)"
                   r"[^\n,.;:()–—|]*)", re.IGNORECASE)

# Where a firm's name ends inside a sentence ("Văn phòng Luật sư X là đơn vị được …").
_FIRM_TAIL = re.compile(r"\s+(?:là|được|xin|đã|do|có|theo|thay|đại diện|kính|trân trọng)\b", re.IGNORECASE)


def forwarded_by(mail: ParsedMail) -> dict[str, str | None] | None:
    """{name, firm, address} of the law firm that forwarded a client's message, from the outer body.

    name: the sender's display name; firm: the "Công ty Luật …" / "Văn phòng Luật sư …" named in the
    outer body (signature or first lines); address: the sender's email address. None when no firm is
    named.
    """
    signature, inline = [], []
    for line in mail.body_text.splitlines():
        for m in _FIRM.finditer(line):
            firm = _FIRM_TAIL.split(re.sub(r"\s+", " ", m.group(1)))[0].strip(" -")
            if len(firm.split()) < 3:
                continue
            (signature if m.start() == len(line) - len(line.lstrip()) else inline).append(firm)
    firms = signature or inline  # a signature line naming only the firm is the surest
    if not firms:
        return None
    firm = max(firms, key=firms.count)
    return {"name": mail.from_name, "firm": firm, "address": mail.from_addr}


# ------------------------------------------------------------------ entry points


def _body_document(text: str, name: str) -> Document:
    return documents.document_from_text(name, text, DocFormat.EMAIL_BODY)


def read_petition(mail: ParsedMail, limits: Limits) -> PetitionRead | Rejected:
    """Find the petition in a parsed message and extract its fields.

    Order of the work (cheap first, each document read once): files that are not images (Word,
    PDF text layers, text; by name hint, the message's own before a forwarded message's), then the
    forwarded body and the message body (a body is the petition only when it carries the form's cues
    and is not a cover note), then images (OCR). Once the petition is found, a remaining file whose
    name says what it is (judgment, ID card) is not read. Returns Rejected(NO_PETITION) when nothing
    reads as a petition, and Rejected(UNREADABLE_ATTACHMENT) with the reader's reason when a file that
    may be the petition cannot be read. Raises nothing for bad input.
    """
    roles: dict[str, str] = {}
    candidates: list[_Candidate] = []
    _collect(mail.attachments, roles, candidates, forwarded=False)
    fwd = mail.forwarded
    if fwd is not None:
        _collect(fwd.attachments, roles, candidates, forwarded=True)
    reader = _Reader(limits, mail.defects + (fwd.defects if fwd is not None else []))
    ordered = sorted(candidates, key=_cost)
    files = [c for c in ordered if not _is_image(c)]
    images = [c for c in ordered if _is_image(c)]

    found: tuple[str, str | None, Document, str] | None = None  # place, attachment, document, reason
    unreadable: tuple[str, DocumentError] | None = None

    def read_files(batch: list[_Candidate]) -> None:
        nonlocal found, unreadable
        for c in batch:
            hint = _hint(c.name)
            if found is not None and hint in ("judgment", "id_card"):
                roles[c.name] = hint  # the petition is found; trust the name rather than OCR it
                continue
            doc = reader.read(c.att)
            if isinstance(doc, DocumentError):
                roles[c.name] = "other"
                if unreadable is None and (hint == "petition" or len(candidates) == 1
                                           or doc.code in ("zip-bomb", "encrypted-pdf", "too-large")
                                           or c.att.content_type == "application/ms-tnef"):
                    unreadable = (c.name, doc)
                continue
            verdict = classify(doc.text)
            if verdict.role == "petition" and found is None:
                found = (c.place, c.name, doc, f"{_WHERE[c.place]} \"{c.name}\" {verdict.why}.")
                roles[c.name] = "petition"
            else:  # a second petition-looking file (a copy) is not "the" petition
                roles[c.name] = "other" if verdict.role == "petition" else verdict.role

    read_files(files)
    if found is None:
        bodies = [("forwarded_body", fwd.body_text, "Nội dung thư được chuyển tiếp")] if fwd is not None else []
        bodies.append(("body", mail.body_text, "Nội dung thư"))
        for place, text, label in bodies:
            verdict = classify(text, body=True) if text.strip() else None
            if verdict is not None and verdict.role == "petition":
                found = (place, None, _body_document(text, label.lower()),
                         f"{label} {verdict.why}; không tệp đính kèm nào (trừ ảnh) là đơn.")
                break
    read_files(images)

    if found is None:
        if unreadable is not None:
            name, err = unreadable
            return Rejected(code=Reason.UNREADABLE_ATTACHMENT, detail=f"{name}: {err.reason}")
        seen = "; ".join(f"{name}: {_ROLE_TEXT[role]}" for name, role in roles.items())
        return Rejected(code=Reason.NO_PETITION,
                        detail="đã xem nội dung thư" + (f" và các tệp — {seen}" if seen else ""))
    place, attachment, doc, reason = found
    return PetitionRead(
        extraction=petition.extract(doc),
        petition_in=place,  # type: ignore[arg-type]
        attachment=attachment,
        reason=reason,
        roles=roles,
        forwarded_by=forwarded_by(mail) if place.startswith("forwarded") else None,
    )


_ROLE_TEXT = {"petition": "đơn", "judgment": "bản án/quyết định", "id_card": "CCCD/CMND",
              "archive": "tệp nén", "forwarded_message": "thư chuyển tiếp", "other": "không phải đơn"}

_WHERE = {"attachment": "Tệp đính kèm", "zip": "Tệp trong tệp nén",
          "forwarded_attachment": "Tệp đính kèm của thư được chuyển tiếp",
          "forwarded_zip": "Tệp trong tệp nén của thư được chuyển tiếp"}


def _is_image(c: _Candidate) -> bool:
    return c.att.content_type.startswith("image/") or \
        c.name.lower().endswith((".jpg", ".jpeg", ".png", ".tif", ".tiff", ".heic", ".bmp", ".gif", ".webp"))


def extract_file(path: Path, limits: Limits) -> PetitionRead | Rejected:
    """Read one petition file of any kind (.docx .doc .pdf .jpg .png .zip .txt .eml).

    An .eml goes through `parse_mail` and `read_petition`; a .zip is searched like a zip attachment;
    any other file is taken as the petition unless it reads as a judgment or an ID card.
    Returns Rejected(UNREADABLE_ATTACHMENT) when the file cannot be read (or does not exist),
    Rejected(NO_PETITION) when it is not a petition. Raises nothing for bad input.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejected(code=Reason.UNREADABLE_ATTACHMENT, detail=f"{path.name}: {exc.strerror or exc}")
    name = nfc(path.name)
    low = name.lower()
    if low.endswith(".eml"):
        mail = parse_mail(data, limits=limits, max_bytes=max(len(data) + 1, 30 * 2**20))
        if isinstance(mail, Rejected):
            return mail
        return read_petition(mail, limits)
    if archive.is_zip(name, "application/octet-stream", data) and not low.endswith((".docx", ".odt")):
        members = archive.list_zip(data, limits)
        if isinstance(members, str):
            return Rejected(code=Reason.UNREADABLE_ATTACHMENT, detail=f"{name}: {members}")
        zipped = MailAttachment(filename=name, content_type="application/zip", size=len(data),
                                sha256=hashlib.sha256(data).hexdigest(), data=data, children=members)
        return read_petition(ParsedMail(message_id=None, from_name=None, from_addr=None,
                                        attachments=[zipped]), limits)
    doc = documents.read_document(name, data, limits)
    if isinstance(doc, DocumentError):
        return Rejected(code=Reason.UNREADABLE_ATTACHMENT, detail=f"{name}: {doc.reason}")
    verdict = classify(doc.text)
    if verdict.role in ("judgment", "id_card"):
        return Rejected(code=Reason.NO_PETITION, detail=f"{name} {verdict.why}")
    why = verdict.why if verdict.role == "petition" else "được chỉ định là đơn (không thấy đủ dấu hiệu của mẫu đơn)"
    return PetitionRead(extraction=petition.extract(doc), petition_in="attachment", attachment=name,
                        reason=f"Tệp \"{name}\" {why}.", roles={name: "petition"})

