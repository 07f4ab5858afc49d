"""Load and validate the actor data files; every problem raises DataError naming the file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from khabar.actors.schema import (
    CODE_RE,
    ID_RE,
    NON_STATE_CODES,
    QID_RE,
    SECTORS,
    Aliases,
    Country,
    Cues,
    Org,
    Person,
    Place,
    Role,
    Title,
    parse_day,
)
from khabar.errors import DataError
from khabar.lang import DATA_DIR, LANGS, check_keys, load, read_yaml
from khabar.text.normalize import fold_key

ACTORS_DIR = DATA_DIR / "actors"
COUNTRIES_FILE = ACTORS_DIR / "countries.yaml"
ORGS_FILE = ACTORS_DIR / "orgs.yaml"
PERSONS_DIR = ACTORS_DIR / "persons"
ORG_KINDS = ("org", "group")
ENTRY_KINDS = ("country", "demonym", "place", "org", "group", "person", "title", "cue")


def _mapping_file(path: Path, key: str) -> Any:
    """The ``key`` list/mapping of a data file that must also carry a ``source``."""
    data = read_yaml(path)
    if not isinstance(data, dict) or "source" not in data or key not in data:
        raise DataError(f"{path}: expected a mapping with 'source' and '{key}'")
    return data[key]


def _strings(where: str, value: object) -> tuple[str, ...]:
    """A list of non-empty strings."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(value)


def _aliases(where: str, value: object, *, required: bool = True) -> Aliases:
    """Per-language alias lists ``{fa: [...], ar: [...]}``."""
    if value is None and not required:
        return {}
    if not isinstance(value, Mapping):
        raise DataError(f"{where}: expected a mapping of language -> list")
    unknown = [k for k in value if k not in LANGS]
    if unknown:
        raise DataError(f"{where}: unknown language(s) {unknown}")
    return {lang: _strings(f"{where}.{lang}", value.get(lang)) for lang in LANGS}


def _qid(where: str, value: object) -> str | None:
    """An optional Wikidata QID."""
    if value is None:
        return None
    if not isinstance(value, str) or not QID_RE.match(value):
        raise DataError(f"{where}: bad wikidata id {value!r}")
    return value


def _sector(where: str, value: object, *, optional: bool = True) -> str | None:
    """A PLOVER sector code (or None when allowed)."""
    if value is None and optional:
        return None
    if value not in SECTORS:
        raise DataError(f"{where}: unknown sector {value!r}")
    return str(value)


def check_code(where: str, code: object, known: frozenset[str] | None = None) -> str:
    """An actor code: ISO alpha-3 (known country when ``known`` is given) or a non-state code."""
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise DataError(f"{where}: bad actor code {code!r}")
    if known is not None and code not in known and code not in NON_STATE_CODES:
        raise DataError(f"{where}: unknown actor code {code!r}")
    return code


def _role_name(where: str, value: object) -> str | None:
    """An optional snake_case role name."""
    if value is None:
        return None
    if not isinstance(value, str) or not ID_RE.match(value):
        raise DataError(f"{where}: role must be snake_case, got {value!r}")
    return value


def _place(where: str, item: Any) -> Place:
    """One capital or seat of power."""
    check_keys(where, item, ("name",), ("fa", "ar"))
    return Place(str(item["name"]), _aliases(where, {k: item.get(k) for k in LANGS}))


def parse_country(where: str, item: Any) -> Country:
    """One generated country entry."""
    optional = ("adj_en", "wikidata", "demonyms", "places", "leader_role")
    check_keys(where, item, ("code", "alpha2", "name", "names"), optional)
    places = item.get("places") or []
    if not isinstance(places, list):
        raise DataError(f"{where}.places: expected a list")
    return Country(
        code=check_code(where, item["code"]),
        alpha2=str(item["alpha2"]),
        name=str(item["name"]),
        adj_en=item.get("adj_en"),
        wikidata=_qid(where, item.get("wikidata")),
        names=_aliases(f"{where}.names", item["names"]),
        demonyms=_aliases(f"{where}.demonyms", item.get("demonyms"), required=False),
        places=tuple(_place(f"{where}.places[{i}]", p) for i, p in enumerate(places)),
        leader_role=_role_name(where, item.get("leader_role")),
    )


def load_countries(path: Path = COUNTRIES_FILE) -> tuple[Country, ...]:
    """Every country of countries.yaml, validated (codes unique)."""
    items = _mapping_file(path, "countries")
    if not isinstance(items, list):
        raise DataError(f"{path}: 'countries' must be a list")
    out = tuple(parse_country(f"{path}: countries[{i}]", it) for i, it in enumerate(items))
    codes = [c.code for c in out]
    if len(set(codes)) != len(codes):
        raise DataError(f"{path}: duplicate country codes")
    return out


def known_codes() -> frozenset[str]:
    """Every country code of the gazetteer."""
    return frozenset(c.code for c in load_countries())


def parse_org(where: str, item: Any, known: frozenset[str]) -> Org:
    """One organisation or group entry."""
    check_keys(where, item, ("id", "name", "code", "aliases"), ("sector", "wikidata", "kind", "members"))
    members = item.get("members") or []
    if not isinstance(members, list):
        raise DataError(f"{where}: members must be a list of country codes")
    if not isinstance(item["id"], str) or not ID_RE.match(item["id"]):
        raise DataError(f"{where}: bad id {item['id']!r}")
    kind = item.get("kind", "org")
    if kind not in ORG_KINDS:
        raise DataError(f"{where}: kind must be one of {ORG_KINDS}")
    return Org(
        id=item["id"],
        name=str(item["name"]),
        code=check_code(where, item["code"], known),
        sector=_sector(where, item.get("sector")),
        wikidata=_qid(where, item.get("wikidata")),
        kind=kind,
        aliases=_aliases(f"{where}.aliases", item["aliases"]),
        members=tuple(check_code(where, c, known) for c in members),
    )


def check_unique(where: str, ids: list[str]) -> None:
    """DataError naming the ids that occur more than once."""
    twice = sorted(i for i, n in Counter(ids).items() if n > 1)
    if twice:
        raise DataError(f"{where}: duplicate ids {twice}")


def load_orgs(path: Path = ORGS_FILE) -> tuple[Org, ...]:
    """Every organisation and group of orgs.yaml, validated (ids unique)."""
    items = _mapping_file(path, "orgs")
    if not isinstance(items, list):
        raise DataError(f"{path}: 'orgs' must be a list")
    known = known_codes()
    out = tuple(parse_org(f"{path}: orgs[{i}]", it, known) for i, it in enumerate(items))
    check_unique(str(path), [o.id for o in out])
    return out


def parse_role(where: str, item: Any, known: frozenset[str]) -> Role:
    """One dated role of a person."""
    check_keys(where, item, ("code", "sector", "role"), ("from", "to"))
    role = item["role"]
    if not isinstance(role, str) or not ID_RE.match(role):
        raise DataError(f"{where}: role must be snake_case, got {role!r}")
    start = parse_day(item.get("from"), where)
    end = parse_day(item.get("to"), where, end=True)
    if start and end and end < start:
        raise DataError(f"{where}: role ends before it starts")
    sector = _sector(where, item["sector"], optional=False)
    assert sector is not None
    return Role(check_code(where, item["code"], known), sector, role, start, end)


def parse_person(where: str, item: Any, known: frozenset[str]) -> Person:
    """One person entry of a persons/*.yaml file."""
    check_keys(where, item, ("id", "name", "roles", "aliases"), ("wikidata", "ambiguous"))
    if not isinstance(item["id"], str) or not ID_RE.match(item["id"]):
        raise DataError(f"{where}: bad id {item['id']!r}")
    roles = item["roles"]
    if not isinstance(roles, list) or not roles:
        raise DataError(f"{where}: roles must be a non-empty list")
    aliases = _aliases(f"{where}.aliases", item["aliases"])
    if not any(aliases.values()):
        raise DataError(f"{where}: no alias in any language")
    return Person(
        id=item["id"],
        name=str(item["name"]),
        wikidata=_qid(where, item.get("wikidata")),
        roles=tuple(parse_role(f"{where}.roles[{i}]", r, known) for i, r in enumerate(roles)),
        aliases=aliases,
        ambiguous=_aliases(f"{where}.ambiguous", item.get("ambiguous"), required=False),
    )


def load_persons(folder: Path = PERSONS_DIR) -> tuple[Person, ...]:
    """Every person of every ``*.yaml`` in ``folder``, validated (ids unique across files)."""
    known = known_codes()
    out: list[Person] = []
    seen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        items = _mapping_file(path, "persons")
        if not isinstance(items, list):
            raise DataError(f"{path}: 'persons' must be a list")
        for i, it in enumerate(items):
            person = parse_person(f"{path}: persons[{i}]", it, known)
            if person.id in seen:
                raise DataError(f"{path}: person id {person.id!r} already defined in {seen[person.id]}")
            seen[person.id] = path
            out.append(person)
    return tuple(out)


def parse_title(where: str, item: Any, known: frozenset[str]) -> Title:
    """One title/office/body entry of titles.yaml."""
    check_keys(where, item, ("id", "phrases", "sector"), ("role", "body", "plural", "code", "holders"))
    if not isinstance(item["id"], str) or not ID_RE.match(item["id"]):
        raise DataError(f"{where}: bad id {item['id']!r}")
    phrases = _strings(f"{where}.phrases", item["phrases"])
    if not phrases:
        raise DataError(f"{where}: no phrases")
    code = item.get("code")
    return Title(
        id=item["id"],
        phrases=phrases,
        sector=_sector(where, item["sector"]),
        role=_role_name(where, item.get("role")),
        body=item.get("body"),
        holders=tuple(_role_name(where, r) or "" for r in _strings(f"{where}.holders", item.get("holders"))),
        plural=bool(item.get("plural", False)),
        code=check_code(where, code, known) if code is not None else None,
    )


def load_titles(lang: str) -> tuple[Title, ...]:
    """Every title of ``khabar/lang/<lang>/titles.yaml``, validated (ids unique)."""
    items = load(lang, "titles").get("titles")
    if not isinstance(items, list):
        raise DataError(f"{lang}/titles.yaml: 'titles' must be a list")
    known = known_codes()
    out = tuple(parse_title(f"{lang}/titles.yaml: titles[{i}]", it, known) for i, it in enumerate(items))
    check_unique(f"{lang}/titles.yaml", [t.id for t in out])
    return out


CUE_LISTS: Sequence[str] = (
    "prefixes", "suffixes", "articles", "conjunctions", "name_blocking_prefixes", "counterpart", "side",
    "pair_persons", "pair_sides", "pair_countries", "three_countries", "four_countries", "pronouns", "former",
    "stop", "fillers", "blockers",
    "adjectival_suffixes", "honorifics", "juniors", "pronoun_prepositions", "outlets",
)  # fmt: skip


def load_cues(lang: str) -> Cues:
    """The matching cues of ``khabar/lang/<lang>/actors.yaml``, validated."""
    data = load(lang, "actors")
    where = f"{lang}/actors.yaml"
    optional = ("pronoun_max_words", "subject_max_words", "unsuffixed_kinds")
    check_keys(where, data, ("source", "joiners", *CUE_LISTS), optional)
    unsuffixed = frozenset(_strings(f"{where}.unsuffixed_kinds", data.get("unsuffixed_kinds")))
    if unsuffixed - set(ENTRY_KINDS):
        raise DataError(f"{where}.unsuffixed_kinds: unknown kind(s) {sorted(unsuffixed - set(ENTRY_KINDS))}")
    lists = {k: tuple(fold_key(x) for x in _strings(f"{where}.{k}", data[k])) for k in CUE_LISTS}
    if not isinstance(data["joiners"], str):
        raise DataError(f"{where}.joiners: expected a string of characters")
    return Cues(
        **lists,
        joiners=data["joiners"],
        pronoun_max_words=int(data.get("pronoun_max_words", 3)),
        subject_max_words=int(data.get("subject_max_words", 6)),
        unsuffixed_kinds=unsuffixed,
    )
