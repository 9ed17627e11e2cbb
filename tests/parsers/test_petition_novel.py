"""The petition reader on petitions the development samples never show (tests/parsers/novel_petitions.py).

Field by field, with the same paths and comparison the accuracy bench uses: strings NFC with
single spaces, accent-folded when the petition is written without diacritics.
"""

from __future__ import annotations

import pytest

from bench.accuracy import field_paths, get, norm
from parsers.model import Fields
from parsers.petition import extract
from tests.parsers.novel_petitions import Novel, novel_cases

PATHS = field_paths()
CASES = novel_cases()


def wrong_fields(case: Novel, got: Fields) -> list[str]:
    """The paths where `got` differs from the case's expected fields, each with want/got."""
    want_d, got_d = case.fields.model_dump(), got.model_dump()
    out = []
    for path in PATHS:
        if path in case.skip:
            continue
        want, have = norm(get(want_d, path), case.folded), norm(get(got_d, path), case.folded)
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
