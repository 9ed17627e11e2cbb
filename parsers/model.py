"""Typed values that leave `parsers/`.

`Fields` mirrors the `fields` object of the truth files of the development
samples (and of `intake inspect --json`): same keys, same normal forms.

Normal forms (see shared samples README, "Normal forms"):
- text is Unicode NFC with diacritics;
- dates are ISO `YYYY-MM-DD` strings;
- ID numbers, tax codes and phones are digits only (phones in national form);
- amounts are integers with an ISO currency code;
- courts and offices carry their canonical names ("Tòa án nhân dân Quận 3").

Nothing here imports `intake/` or `store/`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- fields

PartyKind = Literal["person", "organization"]
CourtLevel = Literal["district", "city", "high", "other_province", "arbitration", "foreign"]
CaseType = Literal["DS", "HNGĐ", "KDTM", "LĐ", "HC", "HS"]
Stage = Literal["ST", "PT", "GĐT", "TT"]
Currency = Literal["VND", "USD", "SGD", "EUR"]
ForeignKind = Literal["party_abroad", "foreign_national", "asset_abroad", "judicial_entrustment"]


class Party(_Model):
    name: str | None = None
    kind: PartyKind = "person"
    id_number: str | None = None
    tax_code: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    representative: str | None = None
    nationality: str | None = None


class Ref(_Model):
    """A reference to another judgment or decision (first instance, recognition)."""

    number: str | None = None
    date: str | None = None
    court: str | None = None


class Judgment(_Model):
    number: str | None = None
    date: str | None = None
    court: str | None = None
    court_level: CourtLevel | None = None
    case_type: CaseType | None = None
    stage: Stage | None = None
    subject: str | None = None
    first_instance: Ref | None = None
    recognition: Ref | None = None


class Amount(_Model):
    value: int
    currency: Currency = "VND"


class ForeignElement(_Model):
    kind: ForeignKind
    detail: str


class Fields(_Model):
    addressed_to: str | None = None
    requester: Party | None = None
    creditor: Party | None = None
    debtor: Party | None = None
    judgment: Judgment = Field(default_factory=Judgment)
    request_content: str | None = None
    amounts: list[Amount] = Field(default_factory=list)
    assets: str | None = None
    attachments_listed: list[str] = Field(default_factory=list)
    preferred_officer: str | None = None
    foreign_element: ForeignElement | None = None
    petition_date: str | None = None
    petition_place: str | None = None
    signed_by: str | None = None


# ------------------------------------------------------------------ provenance

class Source(_Model):
    """Where a value was read: the file, the page (1-based) and the line or box."""

    file: str
    page: int | None = None
    line: int | None = None
    box: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in points/pixels
    text: str | None = None  # the literal text the value came from


class FieldNote(_Model):
    confidence: float = Field(ge=0.0, le=1.0)
    source: Source | None = None


# ------------------------------------------------------------------ documents

class DocFormat(StrEnum):
    DOCX = "docx"
    DOC = "doc"
    PDF_TEXT = "pdf-text"
    PDF_SCAN = "pdf-scan"
    IMAGE = "image"
    TEXT = "text"
    EMAIL_BODY = "email-body"


class Line(_Model):
    """One line of a document's text, with where it stands."""

    text: str
    page: int = 1
    box: tuple[float, float, float, float] | None = None
    confidence: float = 1.0  # OCR word confidence averaged over the line; 1.0 for text layers
    unsure: list[str] = Field(default_factory=list)  # OCR: the words read with a confidence under 0.9


class Document(_Model):
    """A petition candidate turned into text, line by line, in reading order.

    Tables are flattened one row a line, cells joined by " | " so label/value
    forms keep their pairing.
    """

    name: str
    format: DocFormat
    lines: list[Line] = Field(default_factory=list)
    pages: int = 1
    legacy_encoding: str | None = None  # "tcvn3" | "vni" when the text was converted
    ocr: bool = False
    warnings: list[str] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class DocumentError(_Model):
    """A file that could not be read, with a reason a clerk can understand."""

    name: str
    code: str  # e.g. "encrypted-pdf", "corrupt", "too-many-pages", "zip-bomb", "too-large"
    reason: str  # Vietnamese sentence for the clerk


# ------------------------------------------------------------------ extraction

class Extraction(_Model):
    """The result of reading one petition."""

    fields: Fields
    notes: dict[str, FieldNote] = Field(default_factory=dict)  # key: dotted path, "requester.name"
    no_diacritics: bool = False
    document: str | None = None  # name of the document the fields came from
    format: DocFormat | None = None
    warnings: list[str] = Field(default_factory=list)

    def confidence(self) -> float:
        """The lowest confidence among the fields that routing depends on.

        The stage (ST/PT/GĐT/TT) only matters for Vietnamese court judgments:
        arbitration awards and foreign judgments have none, so it is not
        counted for them. With no notes at all, nothing vouches for the
        fields and the result is 0.0 (routing then defers to a clerk).
        """
        keys = ["judgment.number", "judgment.court"]
        if self.fields.judgment.court_level in ("district", "city", "high", "other_province"):
            keys.append("judgment.stage")
        values = [self.notes[k].confidence for k in keys if k in self.notes]
        return min(values) if values else 0.0


# ------------------------------------------------------------------ email

class Reason(StrEnum):
    """Why a message did not become a case. Each has a sentence for the clerk (`REASON_TEXT`)."""

    TOO_LARGE = "too-large"
    AUTO_REPLY = "auto-reply"
    BOUNCE = "bounce"
    MAILING_LIST = "mailing-list"
    OWN_ADDRESS = "own-address"
    UNDECODABLE = "undecodable"
    NO_PETITION = "no-petition"
    UNREADABLE_ATTACHMENT = "unreadable-attachment"
    REPEATED_CRASH = "repeated-crash"
    CRASH = "crash"


REASON_TEXT: dict[Reason, str] = {
    Reason.TOO_LARGE: "Thư quá lớn, vượt giới hạn dung lượng cho phép.",
    Reason.AUTO_REPLY: "Thư trả lời tự động (RFC 3834), không phải đơn yêu cầu.",
    Reason.BOUNCE: "Thư báo lỗi gửi thư (bounce) từ máy chủ thư.",
    Reason.MAILING_LIST: "Thư từ danh sách thư (mailing list), không phải đơn yêu cầu.",
    Reason.OWN_ADDRESS: "Thư gửi từ chính địa chỉ của cơ quan thi hành án.",
    Reason.UNDECODABLE: "Không đọc được cấu trúc thư (MIME hỏng hoặc mã hóa không rõ).",
    Reason.NO_PETITION: "Không tìm thấy đơn yêu cầu thi hành án trong thư hoặc tệp đính kèm.",
    Reason.UNREADABLE_ATTACHMENT: "Tệp đính kèm chứa đơn không đọc được (hỏng, có mật khẩu hoặc quá lớn).",
    Reason.REPEATED_CRASH: "Xử lý thư bị lỗi ba lần liên tiếp; cần kiểm tra thủ công.",
    Reason.CRASH: "Lỗi chương trình khi xử lý thư; kỹ thuật viên cần xem nhật ký.",
}


AttachmentRole = Literal["petition", "judgment", "id_card", "archive", "forwarded_message", "other"]


class MailAttachment(_Model):
    filename: str  # NFC; decoded from RFC 2047 / RFC 2231, or made up from the type
    content_type: str
    size: int
    sha256: str
    data: bytes = Field(repr=False)
    inline: bool = False
    role: AttachmentRole | None = None  # set by the petition locator
    children: list["MailAttachment"] = Field(default_factory=list)  # zip members, forwarded parts


class ParsedMail(_Model):
    message_id: str | None
    from_name: str | None
    from_addr: str | None
    to: list[str] = Field(default_factory=list)  # bare addresses, lower case
    cc: list[str] = Field(default_factory=list)
    subject: str = ""  # decoded, NFC
    date: str | None = None  # ISO 8601 with offset
    body_text: str = ""  # plain text (HTML-only bodies converted), NFC
    attachments: list[MailAttachment] = Field(default_factory=list)
    forwarded: "ParsedMail | None" = None  # an attached message/rfc822 (law firms forward)
    auto_submitted: bool = False  # RFC 3834 signals, bounce or list: no acknowledgement
    auto_reason: Reason | None = None
    body_charset: str | None = None
    defects: list[str] = Field(default_factory=list)


class Rejected(_Model):
    code: Reason
    detail: str = ""

    @property
    def reason(self) -> str:
        return REASON_TEXT[self.code] + (f" ({self.detail})" if self.detail else "")


class Limits(_Model):
    """Bounds on the work one message may cost (from config [extraction] and [mail])."""

    max_pages: int = 20
    max_image_pixels: int = 60_000_000
    max_unzipped_bytes: int = 100 * 1024 * 1024
    ocr_workers: int = 2
    ocr_lang: str = "vie"


class PetitionRead(_Model):
    """Where the petition was found in a mail, why, and what it says."""

    extraction: Extraction
    petition_in: Literal["body", "attachment", "zip", "forwarded_body", "forwarded_attachment", "forwarded_zip"]
    attachment: str | None = None  # file name of the petition (inside the zip / forwarded mail if so)
    reason: str  # Vietnamese: why this attachment (or the body) was taken as the petition
    roles: dict[str, str] = Field(default_factory=dict)  # attachment file name -> role
    forwarded_by: dict[str, str | None] | None = None  # {name, firm, address} of a forwarding law firm
