"""The per-language gazetteer: every actor phrase in one Lexicon, built once and cached."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from khabar.actors.data import PERSONS_DIR, load_countries, load_cues, load_orgs, load_persons, load_titles
from khabar.actors.schema import Country, Cues, Org, Person, Role, Title
from khabar.model import Actor
from khabar.text.lexicon import Affixes, Lexicon
from khabar.text.normalize import fold_key

# Subject pronouns are not in the automaton (they are frequent inside words): tokens.pronouns
# looks for them at sentence starts only.
STATE_SECTOR = "GOV"  # a country named as a whole acts as a state (GUIDELINES)
CUE_KINDS: tuple[str, ...] = (
    "counterpart", "side", "pair_persons", "pair_sides", "pair_countries", "three_countries", "four_countries",
    "former", "stop", "blockers",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Item:
    """What a lexicon key stands for: kind (country, demonym, place, org, group, person, title, cue) and ref."""

    kind: str
    ref: str
    extra: str = ""
    ambiguous: bool = False


@dataclass(slots=True)
class Gazetteer:
    """Everything the actor stage knows for one language."""

    lang: str
    lexicon: Lexicon[Item]
    cues: Cues
    countries: dict[str, Country]
    orgs: dict[str, Org]
    persons: dict[str, Person]
    titles: dict[str, Title]
    holders: dict[tuple[str, str], list[tuple[Person, Role]]] = field(default_factory=dict)
    actors: dict[Item, tuple[Actor, str]] = field(default_factory=dict)
    first_words: dict[str, set[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, phrase: str, item: Item) -> None:
        """Add one phrase and count it by kind."""
        self.lexicon.add(phrase, item)
        self.counts[item.kind] = self.counts.get(item.kind, 0) + 1


def _add_countries(g: Gazetteer) -> None:
    """Country names, demonyms and seats of power (a country, or its capital, is its government)."""
    for c in g.countries.values():
        state = Actor(c.code, STATE_SECTOR, c.name, c.wikidata, c.code)
        g.actors[Item("country", c.code)] = (state, "country")
        g.actors[Item("demonym", c.code)] = (state, "country")
        for phrase in c.names.get(g.lang, ()):
            g.add(phrase, Item("country", c.code))
        for phrase in c.demonyms.get(g.lang, ()):
            g.add(phrase, Item("demonym", c.code))
        for place in c.places:
            item = Item("place", c.code, place.name)
            g.actors[item] = (Actor(c.code, STATE_SECTOR, place.name, None, c.code), "place")
            for phrase in place.aliases.get(g.lang, ()):
                g.add(phrase, item)


def _add_orgs(g: Gazetteer) -> None:
    """Organisations and groups."""
    for o in g.orgs.values():
        g.actors[Item(o.kind, o.id)] = (Actor(o.code, o.sector, o.name, o.wikidata, o.id), o.kind)
        for phrase in o.aliases.get(g.lang, ()):
            g.add(phrase, Item(o.kind, o.id))


# A first word this short is also a particle ("أن بوتين" is "that Putin", not a "Ahn Putin"): it does not
# name another person.
GIVEN_NAME_MIN = 3


def _add_persons(g: Gazetteer) -> None:
    """Person aliases (ambiguous ones flagged) and the role-holder index."""
    for p in g.persons.values():
        ambiguous = set(p.ambiguous.get(g.lang, ()))
        for phrase in dict.fromkeys((*p.aliases.get(g.lang, ()), *ambiguous)):
            g.add(phrase, Item("person", p.id, ambiguous=phrase in ambiguous))
            words = fold_key(phrase).split()
            if len(words) > 1 and words[0] not in g.cues.honorifics and len(words[0]) >= GIVEN_NAME_MIN:
                g.first_words.setdefault(words[0], set()).add(p.id)
        for r in p.roles:
            g.holders.setdefault((r.code, r.role), []).append((p, r))


def _add_titles_and_cues(g: Gazetteer) -> None:
    """Titles, then coreference/ambiguity cues."""
    for t in g.titles.values():
        for phrase in t.phrases:
            g.add(phrase, Item("title", t.id))
    for kind in CUE_KINDS:
        for phrase in getattr(g.cues, kind):
            g.add(phrase, Item("stop" if kind == "stop" else "cue", kind))


def build(lang: str, persons_dir: Path = PERSONS_DIR) -> Gazetteer:
    """Build the gazetteer of one language from the validated data files."""
    cues = load_cues(lang)
    g = Gazetteer(
        lang=lang,
        lexicon=Lexicon(Affixes.of(cues.prefixes, cues.suffixes)),
        cues=cues,
        countries={c.code: c for c in load_countries()},
        orgs={o.id: o for o in load_orgs()},
        persons={p.id: p for p in load_persons(persons_dir)},
        titles={t.id: t for t in load_titles(lang)},
    )
    _add_countries(g)
    _add_orgs(g)
    _add_persons(g)
    _add_titles_and_cues(g)
    return g


@lru_cache(maxsize=8)
def gazetteer(lang: str, persons_dir: str | None = None) -> Gazetteer:
    """The cached gazetteer of ``lang`` (built on first use)."""
    return build(lang, Path(persons_dir) if persons_dir else PERSONS_DIR)
