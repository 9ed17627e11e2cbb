"""A config.toml for `intake` reading its offices from a test IMAP server."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DIRECTORY = ROOT / "routing" / "data" / "hcm-2016.toml"


def write_imap_config(folder: Path, host: str, port: int, offices: list[tuple[str, str]], *,
                      password_env: str, batch: int = 50, done_folder: str | None = None) -> Path:
    """Write `folder`/config.toml: backend imap on host:port (no TLS), SQLite store and outbox in `folder`.

    `offices`: (slug, IMAP login) pairs. Returns the file's path.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        'data_dir = "data"',
        "[mail]",
        'backend = "imap"',
        "[mail.imap]",
        f'host = "{host}"',
        f"port = {port}",
        'tls = "none"',
        f"batch = {batch}",
        "timeout = 60",
        f'password = {{ env = "{password_env}" }}',
    ]
    if done_folder:
        lines.append(f'done_folder = "{done_folder}"')
    lines += [
        "[store]",
        'url = "sqlite:///data/intake.sqlite3"',
        "[acknowledgement]",
        'transport = "outbox"',
        'outbox_dir = "data/outbox"',
        "[routing]",
        f'directory = "{DIRECTORY}"',
    ]
    for slug, user in offices:
        lines += ["[[offices]]", f'slug = "{slug}"', f'name = "Chi cục {slug}"',
                  f'address = "{slug}@thads-hcm.example"', f'user = "{user}"']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
