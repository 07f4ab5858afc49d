"""Fusion settings: the window for undated reports and which compatibility checks apply.

The window can also be set from the environment (``KHABAR_FUSE_WINDOW_DAYS``) so that a
run (which calls ``khabar.fuse.update`` at its end) follows the same rule as ``khabar fuse``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from khabar.errors import UsageError
from khabar.settings import env_number

# PLOVER types whose participants have no direction: "A met B" is "B met A".
UNORDERED_TYPES: tuple[str, ...] = ("CONSULT", "AGREE", "COOPERATE")

# Compatibility checks beyond type, participants and date (see khabar.fuse.rules.CHECKS).
DEFAULT_CHECKS: tuple[str, ...] = ("aux", "mode", "location", "persons")


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """How story-level events fuse into corpus-level events.

    window_days: an undated event joins a dated one when its report is published 0..N
        days after that day; undated reports of the same event fuse when all are
        published within N days of each other.
    unordered_types: types whose actor and recipient codes are compared as one set.
    checks: further compatibility rules by name (aux equal; mode, location: a null is
        compatible with anything, two different values are not; persons: where both
        name identified people for a participant code, they share one).
    require_participants: an event without any participant code stays alone.
    corroborate_undated: an undated event joins others only when it also shares an
        identified person with them or its words nearly copy one of theirs (codes and a
        publication window alone join different clashes of one war, measured on the corpus).
    corroborate_single_code: the same for a dated event naming one code only (two
        Turkish strikes on one day are not one strike).
    copy_similarity: the word-set overlap (Jaccard) of the two sentences that counts as
        a near copy.
    """

    window_days: int = 3
    unordered_types: tuple[str, ...] = UNORDERED_TYPES
    checks: tuple[str, ...] = DEFAULT_CHECKS
    require_participants: bool = True
    corroborate_undated: bool = True
    corroborate_single_code: bool = True
    copy_similarity: float = 0.5

    def __post_init__(self) -> None:
        from khabar.fuse.rules import CHECKS

        if not 0 < self.copy_similarity <= 1:
            raise UsageError(f"copy similarity must be in (0, 1] (got {self.copy_similarity})")
        if self.window_days < 0:
            raise UsageError(f"fusion window must not be negative (got {self.window_days} days)")
        unknown = [c for c in self.checks if c not in CHECKS]
        if unknown:
            raise UsageError(f"unknown fusion check(s) {unknown}; known: {sorted(CHECKS)}")

    @classmethod
    def from_env(cls, window_days: int | None = None) -> FusionSettings:
        """The defaults, the window taken from ``window_days`` or KHABAR_FUSE_WINDOW_DAYS."""
        if window_days is None:
            window_days = int(env_number("fuse_window_days", cls().window_days))
        return cls(window_days=window_days)

    def fingerprint(self) -> str:
        """A stable text of these settings, stored with the fusion to detect a change."""
        return json.dumps(asdict(self), sort_keys=True)
