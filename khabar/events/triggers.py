"""Trigger lexicons: every ``khabar/lang/<lang>/triggers/*.yaml`` loaded, validated, matched.

A trigger file names one PLOVER type (``event``) and lists phrases with an optional
mode, stem flag, auxiliary mode carried by the phrase (negation/future/hypothetical)
and argument frame. A phrase may hold one gap (``…``): its head is the trigger, and
its tail must begin one of the next few words of the same clause ("اندلعت … مظاهرات":
"broke out in the capital yesterday demonstrations"). All files of a language go into one ``Lexicon`` built once, with
the proclitics and suffixes of ``khabar/lang/<lang>/events.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from khabar.errors import DataError
from khabar.lang import LANG_DIR, LANGS, check_keys, load, read_yaml
from khabar.model import Analysis, Aux, Span
from khabar.text.lexicon import Affixes, Lexicon, word_end
from khabar.text.normalize import fold_key, is_word_char

# PLOVER event types (manual 2021+).
EVENT_TYPES: frozenset[str] = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)
# Argument frames the engine knows (khabar.events.arguments.frame_slots); absent = by type.
FRAMES: frozenset[str] = frozenset(
    {
        "default", "symmetric", "mediator", "host", "receive", "passive", "readiness", "located", "request",
        "pronoun_object", "svo", "speaker", "announced",
    }
)
AUX_VALUES: frozenset[str] = frozenset({"negation", "future", "hypothetical"})
GAP = "…"  # the one gap a phrase may hold
GAP_WORDS = 5  # words a gap may span
GAP_STOPS = frozenset(".،,؛;:!?؟()«»\"\n")  # a gap never crosses a clause mark
FILE_KEYS = ("source", "event", "entries")
ENTRY_REQUIRED = ("phrase",)
ENTRY_ALLOWED = ("mode", "stem", "aux", "frame", "note")


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One trigger phrase of one file, with the PLOVER type and what it carries."""

    event: str
    phrase: str
    file: str
    mode: str | None = None
    stem: bool = False
    aux: Aux | None = None
    frame: str | None = None
    note: str | None = None

    @property
    def head(self) -> str:
        """The phrase before its gap (the whole phrase when it has none)."""
        return self.phrase.split(GAP)[0].strip()

    @property
    def tail(self) -> str | None:
        """The phrase after its gap, folded; None without a gap."""
        return folded_phrase(self.phrase.split(GAP)[1].strip()) if GAP in self.phrase else None

    def rule(self, lang: str) -> str:
        """The rule name stored with an event: ``<lang>/triggers/<file>:<phrase>``."""
        return f"{lang}/triggers/{self.file}:{self.phrase}"


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a document: folded and raw spans, sentence, entries (same span)."""

    start: int
    end: int
    raw: Span
    word_start: int
    word_end: int
    sentence: int
    entries: tuple[TriggerEntry, ...]
    story: int = 0
    tail: Span | None = None  # folded span of a gapped phrase's tail (its particle marks what follows)

    @property
    def entry(self) -> TriggerEntry:
        """The first entry at this span (files are loaded in name order)."""
        return self.entries[0]


def trigger_dir(lang: str) -> Path:
    """The folder of trigger files of a language."""
    return LANG_DIR / lang / "triggers"


def _entry(where: str, event: str, file: str, item: Any) -> TriggerEntry:
    """Validate one entry mapping and build its TriggerEntry."""
    check_keys(where, item, ENTRY_REQUIRED, ENTRY_ALLOWED)
    phrase = item["phrase"]
    if not isinstance(phrase, str) or not phrase.strip():
        raise DataError(f"{where}: 'phrase' must be a non-empty string")
    aux = item.get("aux")
    if aux is not None and aux not in AUX_VALUES:
        raise DataError(f"{where}: aux {aux!r} not one of {sorted(AUX_VALUES)}")
    frame = item.get("frame")
    if frame is not None and frame not in FRAMES:
        raise DataError(f"{where}: frame {frame!r} not one of {sorted(FRAMES)}")
    if phrase.count(GAP) > 1 or (GAP in phrase and not all(p.strip() for p in phrase.split(GAP))):
        raise DataError(f"{where}: a phrase holds at most one gap ({GAP}) with words on both sides")
    stem = item.get("stem", False)
    if not isinstance(stem, bool):
        raise DataError(f"{where}: 'stem' must be true or false")
    for key in ("mode", "frame", "note"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise DataError(f"{where}: {key!r} must be a string or null")
    return TriggerEntry(
        event=event,
        phrase=phrase.strip(),
        file=file,
        mode=item.get("mode"),
        stem=stem,
        aux=cast("Aux | None", aux),
        frame=item.get("frame"),
        note=item.get("note"),
    )


def load_file(path: Path) -> list[TriggerEntry]:
    """Load and validate one trigger file (raises DataError naming the file)."""
    data = read_yaml(path)
    check_keys(str(path), data, FILE_KEYS, ())
    event = data["event"]
    if event not in EVENT_TYPES:
        raise DataError(f"{path}: event {event!r} is not a PLOVER type")
    if not isinstance(data["source"], str) or not data["source"].strip():
        raise DataError(f"{path}: 'source' must say where the list came from")
    items = data["entries"]
    if not isinstance(items, list) or not items:
        raise DataError(f"{path}: 'entries' must be a non-empty list")
    return [_entry(f"{path}: entry {i}", event, path.stem, item) for i, item in enumerate(items)]


def load_entries(lang: str) -> list[TriggerEntry]:
    """Every trigger entry of a language, files in name order."""
    if lang not in LANGS:
        raise DataError(f"unknown language {lang!r}; known: {LANGS}")
    folder = trigger_dir(lang)
    if not folder.is_dir():
        raise DataError(f"trigger folder missing: {folder}")
    out: list[TriggerEntry] = []
    for path in sorted(folder.glob("*.yaml")):
        out.extend(load_file(path))
    return out


def _strings(where: str, value: Any) -> list[str]:
    """A list of non-empty strings from YAML, else DataError."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where}: expected a list of non-empty strings")
    return list(value)


@cache
def trigger_affixes(lang: str) -> Affixes:
    """Proclitics and suffixes allowed around triggers (``events.yaml``)."""
    data = load(lang, "events")
    where = f"{lang}/events.yaml"
    prefixes = _strings(f"{where}: proclitics", data.get("proclitics", []) or [])
    suffixes = _strings(f"{where}: suffixes", data.get("suffixes", []) or [])
    return Affixes.of(prefixes, suffixes)


@cache
def verb_filter(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The forms of the definite article and the trigger phrases that are verbs only."""
    data = load(lang, "events")
    articles = _strings(f"{lang}/events.yaml: articles", data.get("articles") or [])
    verbs = _strings(f"{lang}/events.yaml: verbs", data.get("verbs") or [])
    return tuple(fold_key(a) for a in articles), frozenset(fold_key(v) for v in verbs)


def is_noun_use(text: str, word_start: int, start: int, entry: TriggerEntry, lang: str) -> bool:
    """True when a verb-only phrase carries the article ("the request" is the noun, "requested" the verb)."""
    if word_start == start:
        return False
    articles, verbs = verb_filter(lang)
    return bool(verbs) and text[word_start:start].endswith(articles) and folded_phrase(entry.head) in verbs


@cache
def folded_phrase(phrase: str) -> str:
    """A phrase folded once."""
    return fold_key(phrase)


@cache
def load_triggers(lang: str) -> Lexicon[TriggerEntry]:
    """The trigger lexicon of a language, built once."""
    lex: Lexicon[TriggerEntry] = Lexicon(trigger_affixes(lang))
    for entry in load_entries(lang):
        lex.add(entry.head, entry, stem=entry.stem)
    for phrase in not_triggers(lang):
        lex.add(phrase, TriggerEntry(NOT_A_TRIGGER, phrase, "events"))
    return lex


NOT_A_TRIGGER = "-"  # payload of events.yaml not_triggers: a longer match that hides a trigger


def not_triggers(lang: str) -> list[str]:
    """Phrases that contain a trigger but never state an event ("it requires" is not "it requested")."""
    return _strings(f"{lang}/events.yaml: not_triggers", load(lang, "events").get("not_triggers") or [])


def tail_span(text: str, end: int, tail: str, affixes: Affixes, articles: tuple[str, ...] = ()) -> Span | None:
    """Where the tail of a gapped phrase begins one of the next ``GAP_WORDS`` + 1 words of the clause
    (a conjunction may be glued to it, not an article: "broke out ... the protests" tells known ones)."""
    pos = end
    for _ in range(GAP_WORDS + 1):
        while pos < len(text) and not is_word_char(text[pos]):
            if text[pos] in GAP_STOPS:
                return None
            pos += 1
        stop = word_end(text, pos)
        if stop == pos:
            return None
        at = text.find(tail, pos, stop + len(tail))  # the tail starts the word or follows a glued conjunction
        if at >= 0 and (at == pos or (text[pos:at] in affixes.prefixes and not text[pos:at].endswith(articles))):
            after = text[at + len(tail):word_end(text, at + len(tail))]
            if not after or after in affixes.suffixes:
                return Span(at, at + len(tail))
        pos = stop
    return None


def match_triggers(analysis: Analysis) -> list[TriggerMatch]:
    """Every trigger in the document (longest non-overlapping), with raw span and sentence."""
    folded = analysis.folded()
    lex = load_triggers(analysis.lang)
    affixes, articles = trigger_affixes(analysis.lang), verb_filter(analysis.lang)[0]
    sentences = analysis.sentences
    grouped: dict[tuple[int, int], list[Any]] = {}
    for hit in lex.find(folded.text):
        grouped.setdefault((hit.start, hit.end), []).append(hit)
    out: list[TriggerMatch] = []
    si = 0
    for (start, end), hits in sorted(grouped.items()):
        rs, re_ = folded.raw_span(start, end)
        while si < len(sentences) and sentences[si].end <= rs:
            si += 1
        if si >= len(sentences) or sentences[si].start > rs:
            continue
        found: dict[TriggerEntry, Span | None] = {}
        for h in hits:
            entry = h.payload
            if entry.event == NOT_A_TRIGGER or is_noun_use(folded.text, h.word_start, start, entry, analysis.lang):
                continue
            tail = None if entry.tail is None else tail_span(folded.text, h.word_end, entry.tail, affixes, articles)
            if entry.tail is None or tail is not None:
                found.setdefault(entry, tail)
        if not found:
            continue
        sent = sentences[si]
        out.append(TriggerMatch(start, end, Span(rs, re_), hits[0].word_start, hits[0].word_end,
                                sent.index, tuple(found), sent.story, next(iter(found.values()))))
    return out
