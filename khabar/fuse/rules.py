"""The fusion rules: when a story-level event joins a fused event, and the sentence that says why.

A story-level event and a fused event must share:

- the PLOVER type and the participant codes (one set for unordered types such as
  CONSULT; for the others actor codes equal and recipient codes equal) -- the key;
- the checks named in the settings (table ``CHECKS``): aux equal, mode and location
  compatible (a null goes with anything, two different values do not), persons (where
  both name identified people for a code, one is shared);
- a compatible date (``place``): equal days; an undated event joins a dated one when its
  report was published 0..window days after that day, else undated reports of the
  event fuse when all were published within the window of each other; an undated event
  in an undated report fuses only with the same undated event in the same document.
- corroboration (``corroboration``) where codes and days say too little: an undated
  event, or a dated one naming a single code, also needs shared people that pin every
  side the fused event names people for, or a sentence that nearly copies a member's
  (word-set Jaccard >= settings.copy_similarity, at least MIN_COPY_WORDS words).
- an event without any participant code stays alone (when the settings require codes).

Measured on the shared corpus (30 random fusions of >= 2 reports read by hand): codes and
dates alone 21/30 true; with corroboration of undated events 24/30; sentences as copies
and single-code corroboration 25/30; people pinning every side 26/30.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from khabar.fuse.settings import FusionSettings
from khabar.text.normalize import fold

Day = date  # a field named `date` shadows the type inside the dataclasses below

# Membership rules (stored in fused_members.rule).
SEED, SAME_DATE, UNDATED_WINDOW, UNDATED_GROUP, SAME_DOCUMENT, ALONE = (
    "seed", "same-date", "undated-window", "undated-group", "same-document", "alone",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """A story-level event as fusion sees it."""

    event_id: str
    doc_key: str
    event: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    mode: str | None = None
    aux: str | None = None
    location: str | None = None
    date: Day | None = None
    reported: Day | None = None
    persons: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()

    def participants(self, unordered: Sequence[str]) -> str:
        """The participant part of the key: 'A,B' for unordered types, 'A,B>C' otherwise."""
        if self.event in unordered:
            return ",".join(sorted(set(self.actors) | set(self.recipients)))
        return ",".join(sorted(set(self.actors))) + ">" + ",".join(sorted(set(self.recipients)))

    def key(self, unordered: Sequence[str]) -> str:
        """The fusion key: type and participant codes."""
        return f"{self.event}|{self.participants(unordered)}"

    def has_codes(self) -> bool:
        """Whether any participant is coded."""
        return bool(self.actors or self.recipients)

    def single_code(self) -> bool:
        """Whether one country or group is all the event names (Turkey attacked; Iranians protested)."""
        return len(set(self.actors) | set(self.recipients)) == 1


@dataclass(slots=True)
class Cluster:
    """A fused event while fusion works on it (a row of fused_events)."""

    fused_id: str
    key: str
    event: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    mode: str | None = None
    aux: str | None = None
    location: str | None = None
    date: Day | None = None
    scope_doc: str | None = None
    first: Day | None = None
    last: Day | None = None
    size: int = 0
    persons: tuple[str, ...] = ()
    texts: list[frozenset[str]] = field(default_factory=list, compare=False)
    dirty: bool = field(default=False, compare=False)

    def add(self, c: Candidate) -> None:
        """Take a member in: fill null mode/location, widen the reported span, gather its people."""
        self.mode = self.mode or c.mode
        self.location = self.location or c.location
        self.persons = tuple(sorted(set(self.persons) | set(c.persons)))
        if c.words:
            self.texts.append(c.words)
        if c.reported is not None:
            self.first = min(self.first or c.reported, c.reported)
            self.last = max(self.last or c.reported, c.reported)
        self.size += 1
        self.dirty = True


def _same_aux(c: Candidate, cl: Cluster) -> bool:
    return c.aux == cl.aux


def _mode_ok(c: Candidate, cl: Cluster) -> bool:
    return c.mode is None or cl.mode is None or c.mode == cl.mode


def _location_ok(c: Candidate, cl: Cluster) -> bool:
    return c.location is None or cl.location is None or c.location == cl.location


WORD = re.compile(r"\w{2,}")


def words(text: str | None) -> frozenset[str]:
    """The folded words of an evidence text, for near-copy comparison."""
    return frozenset(WORD.findall(fold(text).text)) if text else frozenset()


# A sentence this short ("Tunisia: arrests") says too little to count as a copy of another.
MIN_COPY_WORDS = 6


def near_copy(a: frozenset[str], texts: Iterable[frozenset[str]], threshold: float) -> bool:
    """Whether a sentence's words nearly copy one of the texts' (Jaccard overlap at least the threshold)."""
    if len(a) < MIN_COPY_WORDS:
        return False
    return any(len(b) >= MIN_COPY_WORDS and len(a & b) >= threshold * len(a | b) for b in texts)


def same_people(mine: Sequence[str], theirs: Sequence[str]) -> list[str]:
    """The people shared when they pin every side the fused event names people for (else none).

    "Shoukry met the Saudi minister" shares Shoukry with "King Salman received Shoukry" but
    leaves the Saudi side unpinned: two meetings, not one.
    """
    shared = sorted(set(mine) & set(theirs))
    pinned = {p.partition("=")[0] for p in shared}
    return shared if shared and pinned >= people(theirs).keys() else []


def corroboration(c: Candidate, cl: Cluster, s: FusionSettings) -> str | None:
    """What links an undated report to a fused event beyond codes: shared people or copied words (None: nothing)."""
    shared = same_people(c.persons, cl.persons)
    if shared:
        return "same people {" + ", ".join(p.partition("=")[2] for p in shared) + "}"
    if near_copy(c.words, cl.texts, s.copy_similarity):
        return "words nearly copy another report's"
    return None


def _linked(c: Candidate, cl: Cluster, s: FusionSettings) -> bool:
    return not s.corroborate_undated or corroboration(c, cl, s) is not None


def people(persons: Sequence[str]) -> dict[str, set[str]]:
    """Identified people by participant code, from 'CODE=entity' strings."""
    out: dict[str, set[str]] = {}
    for p in persons:
        code, _, entity = p.partition("=")
        out.setdefault(code, set()).add(entity)
    return out


def _persons_ok(c: Candidate, cl: Cluster) -> bool:
    """Where both name people for a code, some person is shared (King Salman's meeting is not his son's)."""
    mine, theirs = people(c.persons), people(cl.persons)
    return all(mine[code] & theirs[code] for code in mine.keys() & theirs.keys())


# Named compatibility checks (FusionSettings.checks picks among them).
CHECKS: dict[str, Callable[[Candidate, Cluster], bool]] = {
    "aux": _same_aux,
    "mode": _mode_ok,
    "location": _location_ok,
    "persons": _persons_ok,
}


def compatible(c: Candidate, cl: Cluster, s: FusionSettings) -> bool:
    """Whether every configured check passes."""
    return all(CHECKS[name](c, cl) for name in s.checks)


def _days(a: date, b: date) -> int:
    return (a - b).days


def _best(options: list[Cluster]) -> Cluster | None:
    """The fullest option (ties: the smallest id, for determinism)."""
    return min(options, key=lambda cl: (-cl.size, cl.fused_id)) if options else None


def place(c: Candidate, clusters: Sequence[Cluster], s: FusionSettings) -> tuple[Cluster | None, str]:
    """The cluster a candidate joins (None: it starts its own) and the membership rule."""
    if s.require_participants and not c.has_codes():
        return None, ALONE
    pool = [cl for cl in clusters if compatible(c, cl, s)]
    if c.date is not None:
        same = [cl for cl in pool if cl.date == c.date]
        if s.corroborate_single_code and c.single_code():
            same = [cl for cl in same if corroboration(c, cl, s)]
        return _best(same), SAME_DATE
    if c.reported is None:
        return _best([cl for cl in pool if cl.scope_doc == c.doc_key]), SAME_DOCUMENT
    pool = [cl for cl in pool if _linked(c, cl, s)]
    dated = [cl for cl in pool if cl.date is not None and 0 <= _days(c.reported, cl.date) <= s.window_days]
    if dated:
        latest = max(cl.date for cl in dated if cl.date is not None)
        return _best([cl for cl in dated if cl.date == latest]), UNDATED_WINDOW
    return _best([cl for cl in pool if cl.date is None and cl.scope_doc is None and _fits(cl, c.reported, s)]), (
        UNDATED_GROUP
    )


def _fits(cl: Cluster, reported: date, s: FusionSettings) -> bool:
    """Whether an undated cluster's reports stay within the window with one more report."""
    if cl.first is None or cl.last is None:
        return False
    return _days(max(cl.last, reported), min(cl.first, reported)) <= s.window_days


def adoptive(cl: Cluster, dated: Sequence[Cluster], s: FusionSettings) -> Cluster | None:
    """The dated cluster an undated group of reports moves into, if all its reports fit one day's window."""
    if cl.date is not None or cl.scope_doc is not None or cl.first is None or cl.last is None:
        return None
    me = _as_candidate(cl)
    fit = [
        d for d in dated
        if d.date is not None and _days(cl.first, d.date) >= 0 and _days(cl.last, d.date) <= s.window_days
        and all(CHECKS[n](me, d) for n in s.checks)
        and (not s.corroborate_undated or same_people(cl.persons, d.persons)
             or any(near_copy(t, d.texts, s.copy_similarity) for t in cl.texts))
    ]  # fmt: skip
    if not fit:
        return None
    latest = max(d.date for d in fit if d.date is not None)
    return _best([d for d in fit if d.date == latest])


def _as_candidate(cl: Cluster) -> Candidate:
    """A cluster seen as one candidate (for checking it against another cluster)."""
    return Candidate(
        "", "", cl.event, cl.actors, cl.recipients, cl.mode, cl.aux, cl.location, cl.date, cl.first, cl.persons
    )


def new_cluster(fused_id: str, c: Candidate, s: FusionSettings) -> Cluster:
    """A fused event seeded by one candidate."""
    scope = c.doc_key if c.date is None and c.reported is None else None
    cl = Cluster(
        fused_id, c.key(s.unordered_types), c.event, c.actors, c.recipients, aux=c.aux, date=c.date, scope_doc=scope
    )
    cl.add(c)
    return cl


# ---- explanations -----------------------------------------------------------------


def codes_text(codes: Sequence[str]) -> str:
    """Codes as '{A, B}'."""
    return "{" + ", ".join(sorted(set(codes))) + "}"


def participants_text(c: Candidate, s: FusionSettings) -> str:
    """The participant rule in words."""
    if c.event in s.unordered_types:
        return f"same participants {codes_text((*c.actors, *c.recipients))}"
    return f"same actor {codes_text(c.actors)} and recipient {codes_text(c.recipients)}"


def _date_text(c: Candidate, cl: Cluster, rule: str, s: FusionSettings) -> str:
    if rule == SAME_DATE:
        return f"date {c.date} equal"
    if rule == UNDATED_WINDOW:
        return f"undated, report dated {c.reported} within {s.window_days} days of {cl.date}"
    if rule == UNDATED_GROUP:
        return f"undated, report dated {c.reported} within {s.window_days} days of the other undated reports"
    return "undated in an undated report: joins only the same undated event of the same document"


def _extras_text(c: Candidate, cl: Cluster, rule: str, s: FusionSettings) -> list[str]:
    out = []
    if c.mode and cl.mode:
        out.append(f"mode {c.mode}")
    elif cl.mode:
        out.append(f"mode unstated, compatible with {cl.mode}")
    elif c.mode:
        out.append(f"mode {c.mode}, the others unstated")
    if c.aux:
        out.append(f"aux {c.aux}")
    if c.location and cl.location:
        out.append(f"location {c.location}")
    link = corroboration(c, cl, s)
    if link and (link.startswith("same people") or rule in (UNDATED_WINDOW, UNDATED_GROUP) or c.single_code()):
        out.append(link)
    return out


def explain(c: Candidate, cl: Cluster, rule: str, s: FusionSettings) -> str:
    """Why a candidate joined a cluster, in one line."""
    head = [f"same type {c.event}", participants_text(c, s), _date_text(c, cl, rule, s)]
    return ", ".join(head + _extras_text(c, cl, rule, s))


def explain_seed(c: Candidate, rule: str, s: FusionSettings) -> str:
    """What a fused event was started by, in one line."""
    if rule == ALONE:
        return f"not fused: type {c.event} without any participant code stays alone"
    when = f"date {c.date}" if c.date else (f"undated, report dated {c.reported}" if c.reported else "undated report")
    parts = [f"first report: type {c.event}", participants_text(c, s).removeprefix("same "), when]
    if c.mode:
        parts.append(f"mode {c.mode}")
    if c.aux:
        parts.append(f"aux {c.aux}")
    return ", ".join(parts)
