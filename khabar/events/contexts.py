"""PLOVER context labels of an event from cue words in its sentence (``contexts.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from khabar.errors import DataError
from khabar.lang import check_keys, load
from khabar.text.lexicon import Lexicon

# PLOVER contexts (manual 2021+).
CONTEXTS: frozenset[str] = frozenset(
    {
        "agriculture", "asylum", "cbrn", "censorship", "corruption", "crime", "cyber", "disaster",
        "diplomatic", "economic", "election", "environment", "gender", "health", "human_rights",
        "humanitarian", "intelligence", "international", "legislative", "legal", "migration",
        "military", "natural_resource", "pandemic", "peacekeeping", "political_violence", "pro_government",
        "refugee", "resource", "technology", "territory", "terrorism", "treaty", "unrest", "weapons",
    }
)


@dataclass(frozen=True, slots=True)
class ContextCues:
    """Cue words per label and the labels every event of a type gets."""

    lexicon: Lexicon[str]
    defaults: dict[str, tuple[str, ...]]


def _label(where: str, label: object) -> str:
    """A known PLOVER context label, else DataError."""
    if label not in CONTEXTS:
        raise DataError(f"{where}: {label!r} is not a PLOVER context; known: {sorted(CONTEXTS)}")
    return str(label)


@cache
def load_contexts(lang: str) -> ContextCues:
    """Load and validate ``contexts.yaml`` of a language."""
    data = load(lang, "contexts")
    where = f"{lang}/contexts.yaml"
    check_keys(where, data, ("source", "cues"), ("defaults",))
    lex: Lexicon[str] = Lexicon()
    if not isinstance(data["cues"], dict):
        raise DataError(f"{where}: 'cues' must map a label to phrases")
    for label, phrases in data["cues"].items():
        _label(f"{where}: cues", label)
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise DataError(f"{where}: cues.{label} must be a list of phrases")
        for p in phrases:
            lex.add(p, label, stem=True)
    defaults: dict[str, tuple[str, ...]] = {}
    for event, labels in (data.get("defaults") or {}).items():
        if not isinstance(labels, list):
            raise DataError(f"{where}: defaults.{event} must be a list of labels")
        defaults[str(event)] = tuple(_label(f"{where}: defaults.{event}", x) for x in labels)
    return ContextCues(lex, defaults)


def contexts_of(lang: str, event: str, folded_clause: str) -> list[str]:
    """Context labels for an event of a type stated in a (folded) clause, sorted."""
    cc = load_contexts(lang)
    labels = set(cc.defaults.get(event, ()))
    labels.update(h.payload for h in cc.lexicon.find(folded_clause))
    return sorted(labels)
