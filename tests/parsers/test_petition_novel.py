"""The petition reader on petitions the development samples never show (tests/parsers/novel_petitions.py).

Field by field, with the same paths and comparison the accuracy bench uses: strings NFC with
single spaces, accent-folded when the petition is written without diacritics.
"""

from __future__ import annotations

import pytest

from parsers.model import Fields
from parsers.petition import extract
from parsers.vietnamese import clean, fold
from tests.parsers.novel_petitions import Novel, novel_cases

PARTY_KEYS = ("name", "kind", "id_number", "tax_code", "address", "phone", "email", "representative", "nationality")
JUDGMENT_KEYS = ("number", "date", "court", "court_level", "case_type", "stage", "subject", "first_instance",
                 "recognition")
TOP_KEYS = ("addressed_to", "amounts", "assets", "attachments_listed", "preferred_officer", "foreign_element",
            "petition_date", "petition_place", "signed_by")
PATHS = ([f"{r}.{k}" for r in ("requester", "creditor", "debtor") for k in PARTY_KEYS]
         + [f"judgment.{k}" for k in JUDGMENT_KEYS] + list(TOP_KEYS))

CASES = novel_cases()


def _get(d: dict, path: str):
    for part in path.split("."):
        if d is None:
            return None
        d = d.get(part)
    return d


def _norm(value, folded: bool):
    if isinstance(value, str):
        v = clean(value)
        return fold(v) if folded else v
    if isinstance(value, list):
        return [_norm(v, folded) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v, folded) for k, v in value.items()}
    return value


def wrong_fields(case: Novel, got: Fields) -> list[str]:
    """The paths where `got` differs from the case's expected fields, each with want/got."""
    want_d, got_d = case.fields.model_dump(), got.model_dump()
    out = []
    for path in PATHS:
        if path in case.skip:
            continue
        want, have = _norm(_get(want_d, path), case.folded), _norm(_get(got_d, path), case.folded)
        if want != have:
            out.append(f"{path}: want {want!r}, got {have!r}")
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_novel_petition(case: Novel) -> None:
    wrong = wrong_fields(case, extract(case.doc).fields)
    assert not wrong, f"{case.id}: " + "; ".join(wrong)


def test_novel_set_is_large_enough() -> None:
    assert len(CASES) >= 25
    assert sum(c.doc.format.value == "docx" for c in CASES) >= 3


def novel_score() -> tuple[int, int]:
    """Fields right and fields checked over the whole novel set (printed by `python -m`)."""
    right = total = 0
    for case in CASES:
        n = len([p for p in PATHS if p not in case.skip])
        total += n
        right += n - len(wrong_fields(case, extract(case.doc).fields))
    return right, total


if __name__ == "__main__":
    r, t = novel_score()
    print(f"novel set: {r}/{t} fields right")
