"""Routing: which office is competent for a petition, in which lane, with which flags.

Public API:
- `load_directory(path) -> Directory` reads and validates an office directory (TOML);
- `route(fields, directory, *, mailbox, no_diacritics=False, min_confidence=0.8,
  extraction_confidence=None) -> Decision` is pure: same input, same decision.
"""

from routing.directory import Directory, DirectoryError, load_directory
from routing.model import Decision, RuleResult
from routing.rules import route

__all__ = ["Decision", "Directory", "DirectoryError", "RuleResult", "load_directory", "route"]
