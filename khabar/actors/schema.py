"""Typed entries of the actor data (countries, organisations, persons, titles, cues)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from khabar.errors import DataError

NON_STATE_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "WST"})
SECTORS: frozenset[str] = frozenset(
    {
        "GOV", "MIL", "LEG", "JUD", "PTY", "OPP", "REB", "COP", "SPY", "ELI", "JRN", "CVL", "PRE",
        "BUS", "EDU", "REL", "HLH", "LAB", "MED", "REF", "UAF", "CRM", "AGR", "ENV", "IGO", "NGO",
    }
)  # fmt: skip
CODE_RE = re.compile(r"^[A-Z]{3}$")
ID_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")

Aliases = dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Place:
    """A capital or seat of power that stands for its country's government."""

    name: str
    aliases: Aliases


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory: ISO code, names, demonyms and seats of power per language."""

    code: str
    alpha2: str
    name: str
    adj_en: str | None
    wikidata: str | None
    names: Aliases
    demonyms: Aliases
    places: tuple[Place, ...] = ()
    leader_role: str | None = None


@dataclass(frozen=True, slots=True)
class Org:
    """An international organisation, group or collective (the West, breakaway authorities)."""

    id: str
    name: str
    code: str
    sector: str | None
    wikidata: str | None
    kind: str
    aliases: Aliases
    members: tuple[str, ...] = ()  # a grouping of states coded as its states ("P5+1", GUIDELINES)


@dataclass(frozen=True, slots=True)
class Role:
    """One dated office of a person; ``end`` None means still in office."""

    code: str
    sector: str
    role: str
    start: date | None
    end: date | None

    def holds(self, day: date) -> bool:
        """True when the role is valid on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: date) -> int:
        """Days between ``day`` and the role's validity interval (0 inside it)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


@dataclass(frozen=True, slots=True)
class Person:
    """A named political actor with dated roles and per-language aliases."""

    id: str
    name: str
    wikidata: str | None
    roles: tuple[Role, ...]
    aliases: Aliases
    ambiguous: Aliases = field(default_factory=dict)

    def countries(self) -> frozenset[str]:
        """Every code the person ever held a role for."""
        return frozenset(r.code for r in self.roles)


@dataclass(frozen=True, slots=True)
class Title:
    """A title, office or body named without a person ("the Russian foreign minister")."""

    id: str
    phrases: tuple[str, ...]
    sector: str | None
    role: str | None = None
    body: str | None = None
    plural: bool = False
    code: str | None = None
    holders: tuple[str, ...] = ()

    def offices(self) -> tuple[str, ...]:
        """The person roles that hold this title (``holders``, else ``role``)."""
        return self.holders or ((self.role,) if self.role else ())


@dataclass(frozen=True, slots=True)
class Cues:
    """Per-language matching cues: affixes, joiners, coreference and ambiguity words."""

    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    articles: tuple[str, ...]
    conjunctions: tuple[str, ...]
    joiners: str
    name_blocking_prefixes: tuple[str, ...]
    counterpart: tuple[str, ...]
    side: tuple[str, ...]
    pair_persons: tuple[str, ...]
    pair_sides: tuple[str, ...]
    pair_countries: tuple[str, ...]
    three_countries: tuple[str, ...]
    four_countries: tuple[str, ...]
    pronouns: tuple[str, ...]
    former: tuple[str, ...]
    stop: tuple[str, ...]
    fillers: tuple[str, ...] = ()
    blockers: tuple[str, ...] = ()
    unsuffixed_kinds: frozenset[str] = frozenset()
    adjectival_suffixes: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    juniors: tuple[str, ...] = ()
    pronoun_prepositions: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    pronoun_max_words: int = 3
    subject_max_words: int = 6


def parse_day(value: object, where: str, *, end: bool = False) -> date | None:
    """A YYYY-MM-DD or YYYY-MM value as a date (a month's last day when ``end``)."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    m = DATE_RE.match(str(value))
    if not m:
        raise DataError(f"{where}: bad date {value!r} (want YYYY-MM-DD or YYYY-MM)")
    y, mo = int(m.group(1)), int(m.group(2))
    if not 1 <= mo <= 12:
        raise DataError(f"{where}: bad month in {value!r}")
    if m.group(3):
        try:
            return date(y, mo, int(m.group(3)))
        except ValueError as exc:
            raise DataError(f"{where}: bad date {value!r}") from exc
    return date(y, mo, calendar.monthrange(y, mo)[1] if end else 1)
