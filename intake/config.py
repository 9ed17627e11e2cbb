"""The one configuration, loaded and validated at start.

`load_config(path) -> Config` refuses unknown keys and names the offending key
and the file in its error. Nothing reads the environment or the config at
import time; secrets (IMAP, SMTP passwords) are read from an environment
variable or a file named in the config, never stored in it.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

CONFIG_ENV = "INTAKE_CONFIG"
DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config.toml"


class ConfigError(Exception):
    """The configuration cannot be used; the message names the file and the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Secret(_Section):
    """A password given by the name of an environment variable or a file, never inline."""

    env: str | None = None
    file: Path | None = None

    @model_validator(mode="after")
    def _one_source(self) -> "Secret":
        if (self.env is None) == (self.file is None):
            raise ValueError("give exactly one of 'env' or 'file'")
        return self

    def read(self) -> str:
        if self.env is not None:
            value = os.environ.get(self.env)
            if value is None:
                raise ConfigError(f"environment variable {self.env} is not set (password_env)")
            return value
        assert self.file is not None
        try:
            return self.file.read_text(encoding="utf-8").strip()
        except OSError as e:
            raise ConfigError(f"cannot read password file {self.file}: {e.strerror}") from e


class Office(_Section):
    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    address: str  # the office's mailbox address
    user: str | None = None  # IMAP login; defaults to the address


class MaildirBackend(_Section):
    root: Path = Path("data/maildir")  # one Maildir per office slug below it


class ImapBackend(_Section):
    host: str
    port: int = 993
    tls: Literal["ssl", "starttls", "none"] = "ssl"
    folder: str = "INBOX"
    password: Secret
    done_folder: str | None = None  # MOVE stored messages here; None: only flag \Seen
    timeout: float = 30.0
    batch: int = 50  # messages per UID FETCH


class Mail(_Section):
    backend: Literal["maildir", "imap"] = "maildir"
    maildir: MaildirBackend = Field(default_factory=MaildirBackend)
    imap: ImapBackend | None = None
    max_message_bytes: int = 30 * 1024 * 1024

    @model_validator(mode="after")
    def _imap_needs_section(self) -> "Mail":
        if self.backend == "imap" and self.imap is None:
            raise ValueError("backend = 'imap' needs a [mail.imap] section")
        return self


class Store(_Section):
    url: str = "sqlite:///data/intake.sqlite3"


class SmtpTransport(_Section):
    host: str
    port: int = 587
    tls: Literal["ssl", "starttls", "none"] = "starttls"
    user: str | None = None
    password: Secret | None = None
    timeout: float = 30.0


class Acknowledgement(_Section):
    transport: Literal["outbox", "smtp"] = "outbox"
    outbox_dir: Path = Path("data/outbox")
    smtp: SmtpTransport | None = None
    sender_name: str = "Bộ phận tiếp nhận đơn"
    max_per_sender_per_day: int = Field(default=5, ge=1)

    @model_validator(mode="after")
    def _smtp_needs_section(self) -> "Acknowledgement":
        if self.transport == "smtp" and self.smtp is None:
            raise ValueError("transport = 'smtp' needs an [acknowledgement.smtp] section")
        return self


class Schedule(_Section):
    poll_seconds: int = Field(default=300, ge=10)
    daily_summary_at: str = Field(default="17:30", pattern=r"^\d{2}:\d{2}$")
    timezone: str = "Asia/Ho_Chi_Minh"


class Routing(_Section):
    directory: Path = Path("routing/data/hcm-2016.toml")
    min_confidence: float = Field(default=0.8, ge=0.0, le=1.0)  # below: triage


class Extraction(_Section):
    ocr_lang: str = "vie"
    ocr_workers: int = Field(default=2, ge=1)
    max_pages: int = Field(default=20, ge=1)
    max_image_pixels: int = 60_000_000
    max_unzipped_bytes: int = 100 * 1024 * 1024


class Web(_Section):
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: Secret | None = None  # signs session cookies; random per start if unset


class Config(_Section):
    data_dir: Path = Path("data")
    offices: list[Office]
    mail: Mail = Field(default_factory=Mail)
    store: Store = Field(default_factory=Store)
    acknowledgement: Acknowledgement = Field(default_factory=Acknowledgement)
    schedule: Schedule = Field(default_factory=Schedule)
    routing: Routing = Field(default_factory=Routing)
    extraction: Extraction = Field(default_factory=Extraction)
    web: Web = Field(default_factory=Web)
    source: Path | None = Field(default=None, exclude=True)  # the file it was read from

    @field_validator("offices")
    @classmethod
    def _unique_slugs(cls, offices: list[Office]) -> list[Office]:
        seen: set[str] = set()
        for o in offices:
            if o.slug in seen:
                raise ValueError(f"office slug {o.slug!r} appears twice")
            seen.add(o.slug)
        return offices

    def office(self, slug: str) -> Office:
        for o in self.offices:
            if o.slug == slug:
                return o
        raise KeyError(slug)

    @property
    def own_addresses(self) -> set[str]:
        return {o.address.lower() for o in self.offices}


def _key_path(loc: tuple) -> str:
    parts: list[str] = []
    for p in loc:
        if isinstance(p, int):
            parts[-1] = f"{parts[-1]}[{p}]" if parts else f"[{p}]"
        else:
            parts.append(str(p))
    return ".".join(parts)


def _resolve(path: Path, base: Path) -> Path:
    return path if path.is_absolute() else (base / path)


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Read and validate the config file.

    `path` defaults to $INTAKE_CONFIG, then `config.toml` beside the project.
    Relative paths in the file are taken relative to the file's folder.

    Raises ConfigError naming the file and the offending key if the file is
    missing, is not TOML, has an unknown key or a value of the wrong kind.
    """
    p = Path(path or os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: no such config file (give --config PATH or set {CONFIG_ENV})") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{p}: not valid TOML: {e}") from None
    try:
        cfg = Config.model_validate(raw)
    except ValidationError as e:
        problems = []
        for err in e.errors():
            key = _key_path(err["loc"]) or "(top level)"
            msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{p}: key '{key}': {msg}")
        raise ConfigError("\n".join(problems)) from None
    base = p.resolve().parent
    cfg.source = p
    cfg.data_dir = _resolve(cfg.data_dir, base)
    cfg.mail.maildir.root = _resolve(cfg.mail.maildir.root, base)
    cfg.acknowledgement.outbox_dir = _resolve(cfg.acknowledgement.outbox_dir, base)
    cfg.routing.directory = _resolve(cfg.routing.directory, base)
    if cfg.store.url.startswith("sqlite:///") and not cfg.store.url.startswith("sqlite:////"):
        rel = cfg.store.url.removeprefix("sqlite:///")
        cfg.store.url = "sqlite:///" + str(_resolve(Path(rel), base))
    return cfg
