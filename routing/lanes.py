"""Lanes (domain.md "Lanes"): `credit` when the creditor is a credit institution, `corruption` for a
criminal judgment for a corruption offence, `normal` otherwise.

The names are data: routing/data/banks.toml and routing/data/offences.toml (loaded with the
directory). Matching ignores case, diacritics and punctuation.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ConfigDict, Field

from parsers.model import Fields
from routing.courts import fold_key
from routing.model import Lane, RuleResult

CREDIT_ARTICLE = "Luật Các tổ chức tín dụng 2010, Điều 4"
CORRUPTION_ARTICLE = "BLHS 2015 Điều 353–359; BLHS 1999 Điều 278–284"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])", haystack) is not None


class Banks(_Data):
    prefixes: list[str] = Field(default_factory=list)
    cues: list[str] = Field(default_factory=list)
    legal_names: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)
    subject_cues: list[str] = Field(default_factory=list)

    def match(self, name: str | None) -> str | None:
        """Why `name` is a credit institution ("tên bắt đầu bằng 'Ngân hàng'"), or None."""
        if not name:
            return None
        k = fold_key(name)
        for legal in self.legal_names:
            if fold_key(legal) == k or k.startswith(fold_key(legal) + " "):
                return f"tên pháp lý của tổ chức tín dụng ({legal})"
        for prefix in self.prefixes:
            if k.startswith(fold_key(prefix) + " "):
                return f"tên bắt đầu bằng “{prefix}”"
        for cue in self.cues:
            if _contains(k, fold_key(cue)):
                return f"tên có cụm “{cue}”"
        tokens = k.split()
        for brand in self.brands:
            bk = fold_key(brand)
            if _contains(k, bk) or bk.replace(" ", "") in tokens:
                return f"tên thương hiệu {brand}"
        return None

    def subject_cue(self, subject: str | None) -> str | None:
        if not subject:
            return None
        k = fold_key(subject)
        return next((c for c in self.subject_cues if _contains(k, fold_key(c))), None)


class Offence(_Data):
    name: str
    phrases: list[str]
    article_2015: int
    article_1999: int


class Offences(_Data):
    code_2015_from: dt.date
    offences: list[Offence]

    def match(self, subject: str | None, judgment_date: str | None) -> str | None:
        """The corruption offence a criminal judgment's subject names (by name or article), or None."""
        if not subject:
            return None
        k = fold_key(subject)
        for o in self.offences:
            if any(_contains(k, fold_key(ph)) for ph in o.phrases):
                return f"tội {o.name} (BLHS 2015 Điều {o.article_2015}; BLHS 1999 Điều {o.article_1999})"
        code_1999 = bool(re.search(r"\b1999\b", k))
        code_2015 = bool(re.search(r"\b(2015|2017)\b", k))
        if not code_1999 and not code_2015:
            try:
                code_1999 = judgment_date is not None and dt.date.fromisoformat(judgment_date) < self.code_2015_from
            except ValueError:
                code_1999 = False
        for m in re.finditer(r"\bdieu\s+(\d{3})\b", k):
            n = int(m.group(1))
            for o in self.offences:
                if n == o.article_2015 and not code_1999:
                    return f"Điều {n} BLHS 2015 (tội {o.name})"
                if n == o.article_1999 and code_1999:
                    return f"Điều {n} BLHS 1999 (tội {o.name})"
        return None


def case_type(fields: Fields) -> str | None:
    """The case type (DS, HS, …) from the fields, else from the judgment number ("…/HS-ST")."""
    j = fields.judgment
    if j.case_type:
        return j.case_type
    if j.number:
        m = re.search(r"(?<![A-Z])(HNGĐ|HNGD|KDTM|DS|LĐ|LD|HC|HS)(?![A-Z])", j.number.upper())
        if m:
            return {"HNGD": "HNGĐ", "LD": "LĐ"}.get(m.group(1), m.group(1))
    return None


def decide_lane(fields: Fields, banks: Banks, offences: Offences) -> tuple[Lane, list[RuleResult]]:
    """The lane and the checks made (for the decision's trace)."""
    trace: list[RuleResult] = []
    creditor = fields.creditor if fields.creditor is not None else fields.requester
    who = "Người được thi hành án" if fields.creditor is not None else "Người yêu cầu (là người được thi hành án)"
    name = creditor.name if creditor else None
    why = banks.match(name)
    if why is None and not name:
        cue = banks.subject_cue(fields.judgment.subject)
        if cue:
            why = f"không rõ người được thi hành án, bản án về “{cue}”"
    trace.append(RuleResult(
        rule="lane:credit", article=CREDIT_ARTICLE, hit=why is not None,
        reason=(f"{who} {name or ''} là tổ chức tín dụng: {why}." if why
                else f"{who} ({name or 'không rõ'}) không phải ngân hàng hay tổ chức tín dụng.")))
    if why is not None:
        return "credit", trace
    ctype = case_type(fields)
    offence = offences.match(fields.judgment.subject, fields.judgment.date) if ctype == "HS" else None
    if ctype != "HS":
        reason = f"Không phải bản án hình sự (loại {ctype or 'không rõ'})."
    elif offence:
        reason = f"Bản án hình sự về {offence}: tội phạm tham nhũng."
    else:
        reason = f"Bản án hình sự về “{fields.judgment.subject or 'không rõ'}”: không phải tội phạm tham nhũng."
    trace.append(RuleResult(rule="lane:corruption", article=CORRUPTION_ARTICLE, hit=offence is not None,
                            reason=reason))
    return ("corruption" if offence else "normal"), trace
