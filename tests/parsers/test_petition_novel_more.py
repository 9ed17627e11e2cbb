"""The petition reader on the second novel set (tests/parsers/novel_petitions_more.py).

Same comparison as tests/parsers/test_petition_novel.py: field by field over the accuracy
bench's paths, strings NFC with single spaces, accent-folded for petitions written without
diacritics.
"""

from __future__ import annotations

import pytest

from parsers.petition import extract
from tests.parsers.novel_petitions import Novel
from tests.parsers.novel_petitions_more import more_cases
from tests.parsers.test_petition_novel import wrong_fields

CASES = more_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_more_novel_petition(case: Novel) -> None:
    wrong = wrong_fields(case, extract(case.doc).fields)
    assert not wrong, f"{case.id}: " + "; ".join(wrong)


def test_more_set_is_large_and_new() -> None:
    from tests.parsers.novel_petitions import novel_cases

    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)
    assert not {c.id for c in CASES} & {c.id for c in novel_cases()}
    assert sum(c.doc.format.value == "docx" for c in CASES) >= 3

