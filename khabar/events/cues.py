"""Cue words of the event stage (``khabar/lang/<lang>/events.yaml``), one lexicon per language.

Argument markers (with, to, from, between, by, against, skip), postpositions (obj),
coordinators, verbs of saying and complementizers, clause breaks, modality cues
(negation, future, hypothetical; before, after or glued to a trigger) and the
objects that make a "readiness" word an offer. All phrases go into one ``Lexicon``
whose payload is ``(kind, value)``, so a document is scanned once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from khabar.errors import DataError
from khabar.lang import check_keys, load
from khabar.text.lexicon import Affixes, Lexicon
from khabar.text.normalize import fold_key

ROLES = ("with", "to", "on", "from", "between", "by", "against", "in", "skip")
POST_ROLES = ("obj",)
MODALITIES = ("negation", "future", "hypothetical")
PLACES = ("before", "after", "proclitics")
FILE_KEYS = (
    "source", "order", "proclitics", "suffixes", "marker_gap", "markers", "postpositions", "coordinators",
    "say_verbs", "complementizers", "clause_breaks", "cue_window", "negation", "future", "hypothetical",
    "readiness_window", "readiness_objects", "habitual", "anaphora",
    "both_sides", "counterfactual", "purpose", "articles", "verbs", "mode_cues", "announce", "not_triggers",
    "cue_proclitics", "nominal_heads", "receive", "sports",
)
OPTIONAL_KEYS = ("relatives", "references", "background", "pronoun_complementizers", "denials")
ORDERS = ("SOV", "VSO")

Cue = tuple[str, str]  # (kind, value): ("marker", "with"), ("neg", "before"), ("say", "")...


@dataclass(frozen=True, slots=True)
class Cues:
    """Everything the engine reads around a trigger, for one language."""

    lang: str
    order: str
    marker_gap: int
    cue_window: int
    readiness_window: int
    lexicon: Lexicon[Cue]
    glued_markers: dict[str, str]
    coordinators: frozenset[str]
    glued_modality: dict[str, frozenset[str]]
    conjunctions: frozenset[str]
    articles: tuple[str, ...]


def _strings(where: str, value: Any) -> list[str]:
    """A list of non-empty strings, else DataError."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: expected a list of non-empty strings")
    return value


def _int(where: str, value: Any) -> int:
    """A small positive integer, else DataError."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 50:
        raise DataError(f"{where}: expected an integer between 1 and 49")
    return value


def _add(lex: Lexicon[Cue], phrases: Iterable[str], cue: Cue) -> None:
    """Add phrases with one payload (one-letter ones are only read glued, never scanned for)."""
    for p in phrases:
        if len(fold_key(p)) > 1 or not fold_key(p).isalpha():
            lex.add(p, cue)


def _role_table(where: str, table: Any, roles: tuple[str, ...]) -> dict[str, list[str]]:
    """A mapping role -> phrases whose roles are all known."""
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise DataError(f"{where}: expected a mapping of role -> phrases")
    for role in table:
        if role not in roles:
            raise DataError(f"{where}: unknown role {role!r}; known: {list(roles)}")
    return {role: _strings(f"{where}.{role}", v) for role, v in table.items()}


# Plain cue lists of events.yaml and the tag each phrase carries in the cue lexicon.
CUE_TAGS: tuple[tuple[str, str], ...] = (
    ("say_verbs", "say"), ("complementizers", "comp"), ("clause_breaks", "break"), ("readiness_objects", "ready"),
    ("habitual", "habitual"), ("anaphora", "anaphora"), ("relatives", "relative"), ("both_sides", "both"),
    ("counterfactual", "counterfactual"), ("purpose", "purpose"), ("announce", "announce"),
    ("nominal_heads", "head"), ("receive", "receive"), ("sports", "sports"), ("references", "reference"),
    ("background", "background"), ("pronoun_complementizers", "pronoun_comp"),
    ("denials", "denial"),
)  # fmt: skip


@cache
def load_cues(lang: str) -> Cues:
    """Load and validate ``events.yaml`` of a language into one cue lexicon."""
    data = load(lang, "events")
    where = f"{lang}/events.yaml"
    check_keys(where, data, FILE_KEYS, OPTIONAL_KEYS)
    if data["order"] not in ORDERS:
        raise DataError(f"{where}: order must be one of {ORDERS}")
    glue = _strings(f"{where}: cue_proclitics", data["cue_proclitics"]) if data["cue_proclitics"] else []
    lex: Lexicon[Cue] = Lexicon(Affixes.of(glue))
    glued: dict[str, str] = {}
    for role, phrases in _role_table(f"{where}: markers", data["markers"], ROLES).items():
        _add(lex, phrases, ("marker", role))
        glued.update({fold_key(p): role for p in phrases if len(fold_key(p)) == 1})
    for role, phrases in _role_table(f"{where}: postpositions", data["postpositions"], POST_ROLES).items():
        _add(lex, phrases, ("post", role))
    for key, tag in CUE_TAGS:
        if key in data:  # every list is required except the optional ones (check_keys above)
            _add(lex, _strings(f"{where}: {key}", data[key]), (tag, ""))
    table = data["mode_cues"]
    if not isinstance(table, dict):
        raise DataError(f"{where}: mode_cues must map a mode to phrases")
    for mode, phrases in table.items():
        _add(lex, _strings(f"{where}: mode_cues.{mode}", phrases), ("mode", str(mode)))
    glued_mod: dict[str, frozenset[str]] = {}
    for mod in MODALITIES:
        table = data[mod]
        check_keys(f"{where}: {mod}", table, ("before",), PLACES)
        _add(lex, _strings(f"{where}: {mod}.before", table["before"]), (mod, "before"))
        if table.get("after"):
            _add(lex, _strings(f"{where}: {mod}.after", table["after"]), (mod, "after"))
        glued_mod[mod] = frozenset(fold_key(p) for p in (table.get("proclitics") or []))
    coords = frozenset(fold_key(c) for c in _strings(f"{where}: coordinators", data["coordinators"]))
    return Cues(
        lang=lang,
        order=data["order"],
        marker_gap=_int(f"{where}: marker_gap", data["marker_gap"]),
        cue_window=_int(f"{where}: cue_window", data["cue_window"]),
        readiness_window=_int(f"{where}: readiness_window", data["readiness_window"]),
        lexicon=lex,
        glued_markers=glued,
        coordinators=coords,
        glued_modality=glued_mod,
        conjunctions=frozenset(fold_key(c) for c in glue),
        articles=tuple(fold_key(a) for a in (_strings(f"{where}: articles", data["articles"])
                                             if data["articles"] else [])),
    )
