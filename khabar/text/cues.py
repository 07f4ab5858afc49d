"""The text layer's language data (``text.yaml``, ``stopwords.yaml``), validated and compiled once."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from khabar.errors import DataError
from khabar.lang import LANGS, check_keys, load
from khabar.text.lexicon import Lexicon
from khabar.text.normalize import fold_key

CueKind = Literal["line", "label", "glued", "story", "date", "outlet", "relay"]
BOILERPLATE_KINDS: tuple[str, ...] = ("line", "label", "glued", "story")
CITE_KINDS: tuple[str, ...] = ("outlet", "relay")
CALENDARS: tuple[str, ...] = ("solar_hijri", "hijri")
MAX_GAP = 4
TEXT_KEYS = (
    "source",
    "marker_letters",
    "foreign_letters",
    "terminators",
    "abbreviations",
    "numeric_calendar",
    "boilerplate",
    "date_labels",
    "citations",
    "agencies",
    "name_stops",
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One phrase of the text layer's lexicon and what it means."""

    phrase: str
    kind: CueKind
    cite: str | None = None
    heads: tuple[str, ...] = ()
    gap: int = 0
    anywhere: bool = False


@dataclass(frozen=True, slots=True)
class TextRules:
    """Everything language-specific the text layer needs for one language, compiled."""

    lang: str
    markers: Mapping[str, float]
    foreign: Mapping[str, str]
    stopwords: frozenset[str]
    terminators: str
    abbreviations: frozenset[str]
    calendar: str
    lexicon: Lexicon[Cue]
    agencies: frozenset[str]
    name_stops: frozenset[str]
    cues: tuple[Cue, ...]


def _strings(where: str, value: Any) -> list[str]:
    """A non-empty list of non-empty strings, else DataError."""
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: expected a non-empty list of strings")
    for v in value:
        if not isinstance(v, str) or not v.strip():
            raise DataError(f"{where}: bad entry {v!r}")
    return [v.strip() for v in value]


def _letters(where: str, value: Any, kind: type) -> dict[str, Any]:
    """A mapping of single characters to values of ``kind``."""
    if not isinstance(value, dict) or not value:
        raise DataError(f"{where}: expected a non-empty mapping of letters")
    for k, v in value.items():
        if not isinstance(k, str) or len(k) != 1:
            raise DataError(f"{where}: key {k!r} is not a single character")
        if not isinstance(v, kind) or (kind is float and isinstance(v, bool)):
            raise DataError(f"{where}: value of {k!r} must be {kind.__name__}")
    return dict(value)


def _boilerplate(where: str, items: Any) -> list[Cue]:
    """Validate the boilerplate list (phrase, kind, optional cite)."""
    if not isinstance(items, list) or not items:
        raise DataError(f"{where}: expected a non-empty list")
    cues = []
    for i, item in enumerate(items):
        check_keys(f"{where}[{i}]", item, ("phrase", "kind"), ("cite", "gap", "anywhere"))
        anywhere = item.get("anywhere", False)
        if not isinstance(anywhere, bool) or (anywhere and item["kind"] != "label"):
            raise DataError(f"{where}[{i}]: anywhere must be true or false, on a label")
        gap = item.get("gap", 0)
        gap_ok = isinstance(gap, int) and not isinstance(gap, bool) and 0 <= gap <= MAX_GAP
        if not gap_ok or (gap and item["kind"] != "label"):
            raise DataError(f"{where}[{i}]: gap must be a number of words 0..{MAX_GAP} on a label")
        if item["kind"] not in BOILERPLATE_KINDS:
            raise DataError(f"{where}[{i}]: kind {item['kind']!r} not in {BOILERPLATE_KINDS}")
        cite = item.get("cite")
        if cite is not None and (cite not in CITE_KINDS or item["kind"] != "label"):
            raise DataError(f"{where}[{i}]: cite must be one of {CITE_KINDS} on a label")
        cues.append(Cue(_strings(f"{where}[{i}].phrase", [item["phrase"]])[0], item["kind"], cite, (), gap, anywhere))
    return cues


def _citations(where: str, items: Any) -> list[Cue]:
    """Validate the citation cue list (phrase, kind, optional heads)."""
    if not isinstance(items, list) or not items:
        raise DataError(f"{where}: expected a non-empty list")
    cues = []
    for i, item in enumerate(items):
        check_keys(f"{where}[{i}]", item, ("phrase", "kind"), ("heads",))
        if item["kind"] not in CITE_KINDS:
            raise DataError(f"{where}[{i}]: kind {item['kind']!r} not in {CITE_KINDS}")
        heads = tuple(fold_key(h) for h in _strings(f"{where}[{i}].heads", item["heads"])) if "heads" in item else ()
        cues.append(Cue(_strings(f"{where}[{i}].phrase", [item["phrase"]])[0], item["kind"], None, heads))
    return cues


def _no_duplicates(where: str, cues: list[Cue]) -> None:
    """Raise DataError when two entries of a section fold to the same key."""
    seen: dict[str, str] = {}
    for c in cues:
        key = fold_key(c.phrase)
        if key in seen:
            raise DataError(f"{where}: {c.phrase!r} duplicates {seen[key]!r} once folded")
        seen[key] = c.phrase


def parse_rules(lang: str, data: Mapping[str, Any], stop: Mapping[str, Any]) -> TextRules:
    """Validate the two YAML mappings of a language and compile them."""
    where = f"khabar/lang/{lang}/text.yaml"
    check_keys(where, data, TEXT_KEYS, ())
    check_keys(f"khabar/lang/{lang}/stopwords.yaml", stop, ("source", "words"), ())
    if data["numeric_calendar"] not in CALENDARS:
        raise DataError(f"{where}: numeric_calendar must be one of {CALENDARS}")
    markers = {k: float(v) for k, v in _letters(f"{where}: marker_letters", data["marker_letters"], float).items()}
    foreign = _letters(f"{where}: foreign_letters", data["foreign_letters"], str)
    terms = _strings(f"{where}: terminators", data["terminators"])
    if any(len(t) != 1 for t in terms):
        raise DataError(f"{where}: terminators must be single characters")
    cues = _boilerplate(f"{where}: boilerplate", data["boilerplate"])
    dates = [Cue(p, "date") for p in _strings(f"{where}: date_labels", data["date_labels"])]
    cites = _citations(f"{where}: citations", data["citations"])
    for section, items in (("boilerplate", cues), ("date_labels", dates), ("citations", cites)):
        _no_duplicates(f"{where}: {section}", items)
    labels = {fold_key(c.phrase) for c in cues if c.kind == "label"}
    cues += [Cue(d.phrase, "label") for d in dates if fold_key(d.phrase) not in labels]  # date lines are furniture
    cues += dates + cites
    lexicon: Lexicon[Cue] = Lexicon()
    for cue in cues:
        lexicon.add(cue.phrase, cue, stem=cue.kind == "glued")
    return TextRules(
        lang=lang,
        markers=markers,
        foreign=foreign,
        stopwords=frozenset(fold_key(w) for w in _strings(f"{where}: stopwords", stop["words"])),
        terminators="".join(terms),
        abbreviations=frozenset(fold_key(a) for a in _strings(f"{where}: abbreviations", data["abbreviations"])),
        calendar=data["numeric_calendar"],
        lexicon=lexicon,
        agencies=frozenset(fold_key(a) for a in _strings(f"{where}: agencies", data["agencies"])),
        name_stops=frozenset(fold_key(a) for a in _strings(f"{where}: name_stops", data["name_stops"])),
        cues=tuple(cues),
    )


@cache
def rules(lang: str) -> TextRules:
    """The compiled text rules of one language (loaded and validated once)."""
    return parse_rules(lang, load(lang, "text"), load(lang, "stopwords"))


def all_rules() -> tuple[TextRules, ...]:
    """The rules of every supported language, in ``LANGS`` order."""
    return tuple(rules(lang) for lang in LANGS)


def char_class(chars: Sequence[str]) -> str:
    """A regex character class matching any of ``chars``."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"
