"""Typed values that leave `routing/`.

`Decision` mirrors the `expected` object of the truth files (office, rule,
lane, flags, forward_to, preferred_officer) plus what a clerk needs to trust
it: `confidence`, an `explanation` in Vietnamese and the `trace` of every rule
tried, hit or miss.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lane = Literal["credit", "corruption", "normal"]
RuleId = Literal["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10"]


class RuleResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: str  # "R1" … "R10", or a lane / flag check id
    article: str  # the legal basis, e.g. "Điều 35 khoản 1 điểm a Luật THADS"
    hit: bool
    reason: str  # Vietnamese, one sentence


class Decision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    office: str  # an office slug, "outside" or "triage"
    rule: RuleId
    lane: Lane = "normal"
    flags: list[str] = Field(default_factory=list)  # sorted
    forward_to: str | None = None  # for "outside": the competent office by name
    preferred_officer: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    explanation: str = ""
    suggestion: str | None = None  # for "triage": what the router would guess
    transfer_from: str | None = None  # mailbox slug when the case must be transferred
    trace: list[RuleResult] = Field(default_factory=list)

    def expected(self, mailbox: str | None) -> dict:
        """The decision in the shape of a truth file's `expected` object."""
        return {
            "office": self.office,
            "rule": self.rule,
            "lane": self.lane,
            "flags": sorted(self.flags),
            "forward_to": self.forward_to,
            "preferred_officer": self.preferred_officer,
            "mailbox": mailbox,
        }
