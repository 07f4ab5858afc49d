"""Person gazetteer data (Russia/Ukraine/Belarus, G20, international officials).

Strict schema checks on the YAML files and, for every person and language, a check
that each alias folds to a usable lexicon key that no other person claims unless it
is marked ambiguous.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from khabar.text.normalize import fold_key

PERSONS_DIR = Path(__file__).resolve().parents[2] / "khabar" / "data" / "actors" / "persons"
OWN_FILES = ("russia_ukraine_belarus.yaml", "g20.yaml", "international.yaml")
LANGS = ("fa", "ar")
SECTORS = {"GOV", "MIL", "LEG", "JUD"}
PERSON_KEYS = {"id", "name", "wikidata", "roles", "aliases", "ambiguous"}
PERSON_REQUIRED = {"id", "name", "roles", "aliases"}
ROLE_KEYS = {"code", "sector", "role", "from", "to"}
ROLE_REQUIRED = {"code", "sector", "role", "from"}
ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
CODE_RE = re.compile(r"^[A-Z]{3}$")
ROLE_RE = re.compile(r"^[a-z][a-z0-9_]*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
# Arabic-script letters, marks and spaces only (no Latin, digits or punctuation).
ALIAS_RE = re.compile(r"^[\u0600-\u06ff\u200c ]+$")
TODAY = dt.date(2026, 11, 30)
# Letters one language does not write: a Persian spelling in the Arabic list (or the
# reverse) is a copy slip even though folding would hide it (ڤ is a real Arabic variant).
FOREIGN_LETTERS = {"fa": set("يكةإأؤ"), "ar": set("پچژگکی")}
# A short news sentence per language; the first (full-name) alias is slotted in.
FRAMES = {"fa": "به گزارش خبرگزاری، {} روز شنبه گفت", "ar": "وقال {} في بيان يوم السبت"}


@cache
def load_file(name: str) -> dict[str, Any]:
    """Parse one persons file (libyaml when available: the files are large)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with (PERSONS_DIR / name).open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=loader)
    assert isinstance(data, dict), name
    return data


def own_persons() -> list[dict[str, Any]]:
    """Every person of the files this test owns."""
    return [p for name in OWN_FILES for p in load_file(name)["persons"]]


def all_persons() -> list[dict[str, Any]]:
    """Every person of every file in the folder (other helpers' files included)."""
    out: list[dict[str, Any]] = []
    for path in sorted(PERSONS_DIR.glob("*.yaml")):
        data = load_file(path.name)
        out.extend(data.get("persons") or [])
    return out


def parse_date(value: Any) -> dt.date:
    """A role date: a YAML date or a 'YYYY-MM' string (first of the month)."""
    if isinstance(value, dt.date):
        return value
    m = MONTH_RE.match(str(value))
    assert m, f"bad date {value!r}"
    return dt.date(int(m.group(1)), int(m.group(2)), 1)


def folded_aliases(person: dict[str, Any], key: str, lang: str) -> set[str]:
    """Folded keys of one person's aliases (or ambiguous list) in one language."""
    return {fold_key(a) for a in (person.get(key) or {}).get(lang) or []}


OWN = own_persons()
ALL = all_persons()
OWNERS: dict[str, set[str]] = defaultdict(set)
for _p in ALL:
    for _lang in LANGS:
        for _k in folded_aliases(_p, "aliases", _lang):
            OWNERS[_k].add(str(_p.get("id")))


@pytest.mark.parametrize("name", OWN_FILES)
def test_file_shape(name: str) -> None:
    """Each file is a mapping with a source and a non-empty persons list."""
    data = load_file(name)
    assert set(data) == {"source", "persons"}
    assert isinstance(data["source"], str) and data["source"].strip()
    assert isinstance(data["persons"], list) and data["persons"]


def test_ids_unique_across_all_files() -> None:
    """No id is used twice in the whole persons folder."""
    seen: dict[str, int] = defaultdict(int)
    for p in ALL:
        seen[p["id"]] += 1
    assert not [i for i, n in seen.items() if n > 1]


def test_coverage_size() -> None:
    """The files cover several hundred persons."""
    assert len(OWN) >= 300


@pytest.mark.parametrize("person", OWN, ids=[str(p.get("id")) for p in OWN])
def test_person_schema(person: dict[str, Any]) -> None:
    """Keys, id, name, wikidata and dated roles are well formed."""
    assert set(person) <= PERSON_KEYS and set(person) >= PERSON_REQUIRED
    assert ID_RE.match(person["id"])
    assert isinstance(person["name"], str) and person["name"].strip()
    if "wikidata" in person:
        assert QID_RE.match(str(person["wikidata"]))
    roles = person["roles"]
    assert isinstance(roles, list) and roles
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for role in roles:
        assert set(role) <= ROLE_KEYS and set(role) >= ROLE_REQUIRED, role
        assert CODE_RE.match(role["code"]), role
        assert role["sector"] in SECTORS, role
        assert ROLE_RE.match(role["role"]), role
        start = parse_date(role["from"])
        end = parse_date(role["to"]) if "to" in role else TODAY
        assert start <= end <= TODAY, role
        assert start >= dt.date(1940, 1, 1), role
        spans[(role["code"], role["role"])].append((start, end))
    for key, items in spans.items():
        items.sort()
        for (_, end1), (start2, _) in itertools.pairwise(items):
            assert end1 <= start2, f"overlapping {key}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("person", OWN, ids=[str(p.get("id")) for p in OWN])
def test_person_aliases(person: dict[str, Any], lang: str) -> None:
    """Each alias folds to a distinct non-empty key no other person claims unmarked."""
    aliases = (person.get("aliases") or {}).get(lang) or []
    assert set(person["aliases"]) <= set(LANGS)
    assert aliases, f"no {lang} alias"
    keys = [fold_key(a) for a in aliases]
    assert all(ALIAS_RE.match(a) for a in aliases), aliases
    assert not [a for a in aliases if set(a) & FOREIGN_LETTERS[lang]], aliases
    assert all(keys), aliases
    assert len(set(keys)) == len(keys), f"duplicate aliases {aliases}"
    ambiguous = folded_aliases(person, "ambiguous", lang)
    assert set(person.get("ambiguous") or {}) <= set(LANGS)
    assert ambiguous <= set(keys), "ambiguous entries must also be aliases"
    clashes = [k for k in keys if k not in ambiguous and OWNERS[k] - {person["id"]}]
    assert not clashes, {k: sorted(OWNERS[k]) for k in clashes}
    text = fold_key(FRAMES[lang].format(aliases[0]))
    i = text.find(keys[0])
    assert i > 0 and text[i - 1] == " " and text[i + len(keys[0])] == " ", "full name not found word-bounded"
