"""Strict checks of the person gazetteer for the Middle East, North Africa, the Caucasus,
Central Asia, Afghanistan/Pakistan and South Africa: schema, dates, and every alias of
every person in both languages."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from khabar.text.normalize import fold_key

PERSONS_DIR = Path(__file__).resolve().parents[2] / "khabar" / "data" / "actors" / "persons"
FILES = ("middle_east.yaml", "caucasus_central_asia.yaml")
LANGS = ("fa", "ar")

TOP_KEYS = {"source", "persons"}
PERSON_REQUIRED = {"id", "name", "roles", "aliases"}
PERSON_ALLOWED = PERSON_REQUIRED | {"wikidata", "ambiguous"}
ROLE_REQUIRED = {"code", "sector", "role", "from"}
ROLE_ALLOWED = ROLE_REQUIRED | {"to"}
SECTORS = {"GOV", "MIL", "LEG", "JUD", "REB", "PTY", "OPP", "PRE", "ELI"}
# Offices held by one person at a time in a state: no two holders may overlap.
SINGLE_HOLDER = {
    "president",
    "prime_minister",
    "foreign_minister",
    "defence_minister",
    "supreme_leader",
    "king",
    "emir",
    "sultan",
    "parliament_speaker",
    "chief_justice",
    "chief_of_general_staff",
    "irgc_commander",
    "quds_force_commander",
    "foreign_ministry_spokesperson",
}

ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
CODE_RE = re.compile(r"^[A-Z]{3}$")
ROLE_RE = re.compile(r"^[a-z][a-z_]*[a-z]$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
ARABIC_SCRIPT_RE = re.compile(r"^[\u0600-\u06ff\u200c\u200d ()'\-]+$")
TODAY = (2026, 12, 31)

DateKey = tuple[int, ...]
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built in: same result, faster


def _load(name: str) -> dict[str, Any]:
    """Parse one of the owned person files."""
    with (PERSONS_DIR / name).open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=LOADER)
    assert isinstance(data, dict), f"{name}: top level must be a mapping"
    return data


DATA = {name: _load(name) for name in FILES}
PERSONS: list[dict[str, Any]] = [p for d in DATA.values() for p in d["persons"]]
BY_ID = {p["id"]: p for p in PERSONS}
IDS = [p["id"] for p in PERSONS]


def date_key(value: object) -> DateKey:
    """(year, month[, day]) of a YAML date or a 'YYYY-MM' string; fails on anything else."""
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    assert isinstance(value, str), f"bad date {value!r}"
    m = DATE_RE.match(value)
    assert m, f"bad date {value!r}"
    year, month = int(m.group(1)), int(m.group(2))
    assert 1 <= month <= 12, f"bad month in {value!r}"
    if m.group(3):
        dt.date(year, month, int(m.group(3)))  # raises on an impossible day
        return (year, month, int(m.group(3)))
    return (year, month)


def before(a: DateKey, b: DateKey) -> bool:
    """a strictly before b, compared at the precision both have."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def interval(role: dict[str, Any]) -> tuple[DateKey, DateKey]:
    """A role's (from, to) keys; an open role lasts until today."""
    start = date_key(role["from"])
    end = date_key(role["to"]) if "to" in role else TODAY
    return start, end


def overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """True when two roles' periods overlap by more than a hand-over day or month."""
    a0, a1 = interval(a)
    b0, b1 = interval(b)
    return before(a0, b1) and before(b0, a1)


def folded_aliases(person: dict[str, Any], lang: str) -> list[str]:
    """Folded keys of a person's aliases in one language."""
    return [fold_key(a) for a in person["aliases"].get(lang, [])]


def ambiguous_keys(person: dict[str, Any], lang: str) -> set[str]:
    """Folded keys a person marks as ambiguous in one language."""
    return {fold_key(a) for a in (person.get("ambiguous") or {}).get(lang, [])}


def alias_owners(lang: str) -> dict[str, set[str]]:
    """Folded alias key -> ids of the persons listing it, in one language."""
    owners: dict[str, set[str]] = defaultdict(set)
    for p in PERSONS:
        for key in folded_aliases(p, lang):
            owners[key].add(p["id"])
    return owners


OWNERS = {lang: alias_owners(lang) for lang in LANGS}


@pytest.mark.parametrize("name", FILES)
def test_file_top_level(name: str) -> None:
    """Each file is {source, persons} with a non-empty source and person list."""
    data = DATA[name]
    assert set(data) == TOP_KEYS
    assert isinstance(data["source"], str) and data["source"].strip()
    assert isinstance(data["persons"], list) and data["persons"]


def test_ids_unique_across_all_person_files() -> None:
    """No id is used twice, in these files or the other regions' files."""
    seen: dict[str, str] = {}
    for path in sorted(PERSONS_DIR.glob("*.yaml")):
        with path.open(encoding="utf-8") as f:
            data = yaml.load(f, Loader=LOADER) or {}
        for p in data.get("persons") or []:
            pid = p.get("id")
            assert pid not in seen, f"{pid} in {path.name} and {seen.get(pid)}"
            seen[pid] = path.name


def check_roles(pid: str, roles: list[dict[str, Any]]) -> None:
    """Each role's code, sector, role name and dates; no same office held twice at once."""
    assert isinstance(roles, list) and roles, f"{pid}: no roles"
    for role in roles:
        assert ROLE_REQUIRED <= set(role) <= ROLE_ALLOWED, role
        assert CODE_RE.match(role["code"]), role
        assert role["sector"] in SECTORS, role
        assert ROLE_RE.match(role["role"]), role
        start, end = interval(role)
        assert not before(end, start), f"from after to: {role}"
        assert not before(TODAY, start), f"starts in the future: {role}"
    for i, a in enumerate(roles):
        for b in roles[i + 1 :]:
            if (a["code"], a["role"]) == (b["code"], b["role"]):
                assert not overlap(a, b), (a, b)


@pytest.mark.parametrize("pid", IDS)
def test_person_schema(pid: str) -> None:
    """Keys, id, name, wikidata and dated roles of one person."""
    p = BY_ID[pid]
    assert PERSON_REQUIRED <= set(p) <= PERSON_ALLOWED, set(p) ^ PERSON_ALLOWED
    assert ID_RE.match(pid)
    assert isinstance(p["name"], str) and p["name"].strip() == p["name"] and p["name"]
    if "wikidata" in p:
        assert QID_RE.match(str(p["wikidata"]))
    assert set(p.get("ambiguous") or {}) <= set(LANGS)
    check_roles(pid, p["roles"])


def single_holder_roles() -> dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]:
    """(code, role) of one-holder offices -> [(person id, role)]."""
    out: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for p in PERSONS:
        for role in p["roles"]:
            if role["role"] in SINGLE_HOLDER:
                out[(role["code"], role["role"])].append((p["id"], role))
    return out


SINGLE = single_holder_roles()


@pytest.mark.parametrize("office", sorted(SINGLE), ids=lambda o: f"{o[0]}-{o[1]}")
def test_single_holder_offices_do_not_overlap(office: tuple[str, str]) -> None:
    """Two persons never hold a one-holder office of the same state at once."""
    holders = SINGLE[office]
    for i, (pa, a) in enumerate(holders):
        for pb, b in holders[i + 1 :]:
            if pa != pb:
                assert not overlap(a, b), f"{office}: {pa} {a} / {pb} {b}"


def check_aliases(pid: str, lang: str) -> None:
    """A person has aliases in ``lang``, each folding to its own non-empty key."""
    p = BY_ID[pid]
    aliases = p["aliases"].get(lang)
    assert isinstance(aliases, list) and aliases, f"{pid}: no {lang} alias"
    for alias in aliases:
        assert isinstance(alias, str) and alias == alias.strip() and alias
        assert ARABIC_SCRIPT_RE.match(alias), f"{pid}: not Arabic script: {alias!r}"
        assert fold_key(alias), f"{pid}: {alias!r} folds to nothing"
    keys = folded_aliases(p, lang)
    assert len(keys) == len(set(keys)), f"{pid}: {lang} aliases fold to duplicates: {keys}"


def check_collisions(pid: str, lang: str) -> None:
    """An alias shared with another person is marked ambiguous by this person."""
    p = BY_ID[pid]
    keys = folded_aliases(p, lang)
    ambiguous = ambiguous_keys(p, lang)
    assert ambiguous <= set(keys), f"{pid}: ambiguous {lang} entry that is not an alias"
    for key in keys:
        others = OWNERS[lang][key] - {pid}
        if others:
            assert key in ambiguous, f"{pid}: {key!r} also names {sorted(others)}"


@pytest.mark.parametrize("pid", IDS)
def test_person_aliases_fa_ar(pid: str) -> None:
    """Every person is named in both languages, without unmarked collisions."""
    assert set(BY_ID[pid]["aliases"]) == set(LANGS)
    for lang in LANGS:
        check_aliases(pid, lang)
        check_collisions(pid, lang)


def test_alias_counts() -> None:
    """A sanity floor on the gazetteer size (several hundred persons, both languages)."""
    assert len(PERSONS) >= 300
    for lang in LANGS:
        assert 2 * sum(len(p["aliases"][lang]) for p in PERSONS) >= 3 * len(PERSONS)
