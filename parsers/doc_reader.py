"""Legacy Word 97–2003 .doc (and RTF) → `Document`; the only module that runs antiword and LibreOffice.

Choice, measured on the .doc samples (dev-005, dev-030):
- `antiword -m UTF-8.txt -w 0` takes ~3 ms a file, writes Vietnamese correctly
  (precomposed letters, đ, ư, ơ), one paragraph a line (`-w 0`), and draws Word
  tables as "|cell|cell|" rows, which are turned into " | " rows here. All the
  checked field values were found in its output.
- `soffice --headless --convert-to docx` gives the same text (read then by
  `parsers.docx_reader`, keeping font names), but costs ~1–5 s a file (process
  start). It is the fallback: when antiword refuses the file (Word 6/95, RTF,
  "not a Word Document") or prints nothing.
Font names are lost with antiword, so TCVN3/VNI text in a .doc is recognised by
character statistics (`parsers.legacy.fix_text`).
Both run as subprocesses with timeouts; LibreOffice gets a throwaway profile
so parallel conversions do not fight over one profile lock.
"""

from __future__ import annotations

import subprocess
import tempfile
import unicodedata
from pathlib import Path

from parsers import docx_reader, legacy
from parsers.model import DocFormat, Document, DocumentError, Limits, Line

ANTIWORD_TIMEOUT_S = 20
SOFFICE_TIMEOUT_S = 90


def _antiword(data: bytes) -> str | None:
    """antiword's UTF-8 text of a .doc, or None when it cannot read the file."""
    with tempfile.NamedTemporaryFile(suffix=".doc") as tmp:
        tmp.write(data)
        tmp.flush()
        try:
            proc = subprocess.run(
                ["antiword", "-m", "UTF-8.txt", "-w", "0", tmp.name],
                capture_output=True,
                timeout=ANTIWORD_TIMEOUT_S,
                check=False,
            )
        except (FileNotFoundError, subprocess.TimeoutExpired):
            return None
    text = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0 or not text.strip():
        return None
    return text


def _table_cells(line: str) -> list[str] | None:
    s = line.strip()
    if len(s) >= 2 and s.startswith("|") and s.endswith("|"):
        return [c.strip() for c in s[1:-1].split("|")]
    return None


def antiword_lines(text: str) -> list[str]:
    """antiword's text as lines; table rows "|a   |b  |" become "a | b".

    A table line whose first cell is empty continues the row above (a cell
    holding several paragraphs), cell by cell.
    """
    out: list[str] = []
    prev_cells: list[str] | None = None
    for raw in text.splitlines():
        cells = _table_cells(raw)
        if cells is None:
            prev_cells = None
            if raw.strip():
                out.append(raw.strip())
            continue
        if prev_cells is not None and len(cells) == len(prev_cells) and len(cells) > 1 and not cells[0]:
            prev_cells = [(a + " " + b).strip() if b else a for a, b in zip(prev_cells, cells)]
            out[-1] = " | ".join(c for c in prev_cells if c)
            continue
        prev_cells = cells
        joined = " | ".join(c for c in cells if c)
        if joined:
            out.append(joined)
    return out


def _soffice_to_docx(data: bytes, suffix: str) -> bytes | None:
    """Convert with LibreOffice headless; None when it fails or times out."""
    with tempfile.TemporaryDirectory(prefix="thads-lo-") as tmpdir:
        src = Path(tmpdir) / f"input{suffix}"
        src.write_bytes(data)
        profile = Path(tmpdir) / "profile"
        try:
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    tmpdir,
                    str(src),
                ],
                capture_output=True,
                timeout=SOFFICE_TIMEOUT_S,
                check=False,
            )
        except (FileNotFoundError, subprocess.TimeoutExpired):
            return None
        out = Path(tmpdir) / "input.docx"
        return out.read_bytes() if out.exists() else None


def read_doc(name: str, data: bytes, limits: Limits) -> Document | DocumentError:
    """Read a Word 97 .doc (antiword, LibreOffice as fallback) or an RTF (LibreOffice)."""
    is_rtf = data.startswith(b"{\\rtf")
    text = None if is_rtf else _antiword(data)
    if text is not None:
        lines = [unicodedata.normalize("NFC", ln) for ln in antiword_lines(text)]
        fixed = legacy.fix_text("\n".join(lines))
        encoding = None
        if fixed.encoding:
            lines, encoding = fixed.text.split("\n"), fixed.encoding
        return Document(
            name=name,
            format=DocFormat.DOC,
            lines=[Line(text=ln) for ln in lines if ln.strip()],
            legacy_encoding=encoding,
            warnings=[fixed.warning] if fixed.warning else [],
        )
    converted = _soffice_to_docx(data, ".rtf" if is_rtf else ".doc")
    if converted is None:
        kind = "RTF" if is_rtf else "Word (.doc)"
        return DocumentError(name=name, code="corrupt", reason=f"Tệp {kind} bị hỏng hoặc không chuyển đổi được.")
    doc = docx_reader.read_docx(name, converted, limits)
    if isinstance(doc, DocumentError):
        return doc
    return doc.model_copy(update={"format": DocFormat.DOC})
