"""The office directory (stub, being built out)."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class DirectoryError(Exception):
    """The directory file cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Directory:
    source: str
    offices: dict[str, str] = field(default_factory=dict)


def load_directory(path) -> Directory:
    """Raises DirectoryError if the file is missing or invalid."""
    p = Path(path)
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise DirectoryError(f"{p}: {e}") from None
    return Directory(str(p), {o["slug"]: o["name"] for o in raw.get("offices", [])})
