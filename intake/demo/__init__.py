"""The demo: sample messages shipped with the program, dropped into the local Maildirs.

`intake demo` delivers each `mail/*.eml` to the Maildir of the office it was
addressed to (its `Delivered-To` header, else the first office address in
To/Cc), then runs the pipeline once. Running it again delivers the same bytes
again: the store recognises them and makes no second case.
"""

from __future__ import annotations

from pathlib import Path

from intake.config import Config
from intake.maildir import deliver
from intake.pipeline import mailbox_of

DELIVERED = ("Delivered-To", "To", "Cc")  # where a sample was delivered


def deliver_demo_mail(cfg: Config, folder: Path) -> dict[str, int]:
    """Drop every .eml of `folder` into its office's Maildir. Returns messages per office slug."""
    counts: dict[str, int] = {}
    for path in sorted(folder.glob("*.eml")):
        raw = path.read_bytes()
        slug = mailbox_of(raw, cfg, DELIVERED) or cfg.offices[0].slug
        deliver(cfg.mail.maildir.root, slug, raw)
        counts[slug] = counts.get(slug, 0) + 1
    return counts
