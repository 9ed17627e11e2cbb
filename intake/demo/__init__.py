"""The demo: sample messages shipped with the program, dropped into the local Maildirs.

`intake demo` delivers each `mail/*.eml` to the Maildir of the office it was
addressed to (its `Delivered-To` header, else the first office address in
To/Cc), then runs the pipeline once. Running it again delivers the same bytes
again: the store recognises them and makes no second case.
"""

from __future__ import annotations

from email import policy
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from pathlib import Path

from intake.config import Config
from intake.maildir import deliver


def mailbox_of(raw: bytes, cfg: Config) -> str | None:
    """The office slug a message was delivered to (Delivered-To, then To/Cc), or None."""
    h = BytesHeaderParser(policy=policy.compat32).parsebytes(raw)
    by_address = {o.address.lower(): o.slug for o in cfg.offices}
    for name in ("Delivered-To", "To", "Cc"):
        for _, addr in getaddresses(h.get_all(name, [])):
            if addr.lower() in by_address:
                return by_address[addr.lower()]
    return None


def deliver_demo_mail(cfg: Config, folder: Path) -> dict[str, int]:
    """Drop every .eml of `folder` into its office's Maildir. Returns messages per office slug."""
    counts: dict[str, int] = {}
    for path in sorted(folder.glob("*.eml")):
        raw = path.read_bytes()
        slug = mailbox_of(raw, cfg) or cfg.offices[0].slug
        deliver(cfg.mail.maildir.root, slug, raw)
        counts[slug] = counts.get(slug, 0) + 1
    return counts
