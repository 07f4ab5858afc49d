"""One Aho-Corasick pass over folded text for many phrases: the shared matching mechanism.

Actors, triggers, titles and cue words all match the same way: keys are folded
(``normalize.fold_key``), each key also matches with its inner spaces dropped, a hit
must sit on word boundaries, except that a listed proclitic may precede it (Arabic
و ف ب ل ك ال...) and a listed suffix may follow it (Persian ی ها های...), or any
word characters when the entry is a stem.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

import ahocorasick

from khabar.text.normalize import ZWNJ, fold_key, space_variants

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Hit(Generic[P]):
    """A lexicon match in folded coordinates: ``[start, end)`` is the key itself."""

    start: int
    end: int
    word_start: int
    word_end: int
    key: str
    payload: P


@dataclass(slots=True)
class Affixes:
    """What may be glued to a key: proclitics before it, suffixes after it."""

    prefixes: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()

    @classmethod
    def of(cls, prefixes: Iterable[str] = (), suffixes: Iterable[str] = ()) -> Affixes:
        """Build from plain strings, folded."""
        return cls(frozenset(fold_key(p) for p in prefixes), frozenset(fold_key(s) for s in suffixes))


@dataclass(slots=True)
class _Entry(Generic[P]):
    key: str
    payloads: list[tuple[P, bool]] = field(default_factory=list)


class Lexicon(Generic[P]):
    """Phrases with payloads, matched in one automaton pass per text."""

    def __init__(self, affixes: Affixes | None = None) -> None:
        self.affixes = affixes or Affixes()
        self._entries: dict[str, _Entry[P]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, phrase: str, payload: P, *, stem: bool = False) -> None:
        """Add a phrase (folded here, with its no-space variants); ``stem`` allows any suffix."""
        key = fold_key(phrase.replace(ZWNJ, " "))  # a ZWNJ joint may be written glued or spaced
        if not key:
            return
        for variant in space_variants(key):
            entry = self._entries.setdefault(variant, _Entry(variant))
            entry.payloads.append((payload, stem))
        self._automaton = None

    def __len__(self) -> int:
        return len(self._entries)

    def _built(self) -> ahocorasick.Automaton:
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for key, entry in self._entries.items():
                automaton.add_word(key, entry)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def iter_hits(self, text: str) -> Iterator[Hit[P]]:
        """Every boundary-respecting hit, in order of end position."""
        if not self._entries:
            return
        prefixes, suffixes = self.affixes.prefixes, self.affixes.suffixes
        for last, entry in self._built().iter(text):
            end = last + 1
            start = end - len(entry.key)
            ws = word_start(text, start)
            if ws != start and text[ws:start] not in prefixes:
                continue
            we = word_end(text, end)
            for payload, stem in entry.payloads:
                if we == end or stem or text[end:we] in suffixes:
                    yield Hit(start, end, ws, we, entry.key, payload)

    def find(self, text: str) -> list[Hit[P]]:
        """Longest non-overlapping hits, left to right (ties keep every payload)."""
        return longest_first(list(self.iter_hits(text)))


# Word characters are letters, marks and digits (``normalize.is_word_char``), as one regex class.
_MARKS = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c))[0] == "M")
_WORD = re.compile(f"(?:[^\\W_]|[{re.escape(_MARKS)}])+")


@lru_cache(maxsize=8)
def _reversed(text: str) -> str:
    """The text backwards (cached: word starts are found by matching it forwards)."""
    return text[::-1]


def word_start(text: str, pos: int) -> int:
    """Start of the run of word characters that ends at ``pos`` (``pos`` when none does)."""
    if pos <= 0:
        return 0
    m = _WORD.match(_reversed(text), len(text) - pos)
    return pos - (m.end() - m.start()) if m else pos


def word_end(text: str, pos: int) -> int:
    """End of the run of word characters that starts at ``pos`` (``pos`` when none does)."""
    m = _WORD.match(text, pos)
    return m.end() if m else pos


def longest_first(hits: list[Hit[P]]) -> list[Hit[P]]:
    """Drop hits overlapping a longer (then earlier) one; same-span hits are all kept."""
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit[P]] = []
    taken: list[tuple[int, int]] = []  # spans kept so far, sorted: disjoint or identical
    for h in ordered:
        if not _clashes(taken, h.start, h.end):
            kept.append(h)
            insort(taken, (h.start, h.end))
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def _clashes(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a span of ``taken`` (sorted, disjoint or identical) other than itself."""
    i = bisect_left(taken, (start, start))  # the first span starting at or after ``start``
    if i > 0 and taken[i - 1][1] > start:
        return True
    return i < len(taken) and taken[i][0] < end and taken[i] != (start, end)
