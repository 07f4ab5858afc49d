"""Lexicon hits as tokens placed in sentences, and chains of adjacent tokens."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from khabar.actors.gazetteer import Gazetteer, Item
from khabar.model import Analysis
from khabar.text.lexicon import Hit
from khabar.text.normalize import is_word_char

MAX_PRONOUN_SPAN = 60  # characters at a sentence start searched for a subject pronoun
MAX_GAP = 24  # characters of joiners/fillers/one conjunction that may separate chained tokens
TIGHT = " -"  # what may separate two adjectives of one noun ("الروسية الأوكرانية", "روسی-اوکراینی")
ADJ = "adj"
AND = "and"
# Kinds in the order that decides a token's class when one span carries several.
CLASS_ORDER: tuple[tuple[str, str], ...] = (
    ("person", "P"), ("title", "T"), ("org", "O"), ("group", "O"),
    ("country", "C"), ("demonym", "C"), ("place", "C"), ("cue", "Q"),
)  # fmt: skip


@dataclass(slots=True)
class Tok:
    """One matched span (folded coordinates) with every entry it may stand for."""

    start: int
    end: int
    ws: int
    prefix: str
    items: list[Item]
    sentence: int
    story: int
    cls: str = ""
    cue: str = ""  # the cue name when the token is a cue
    adjectival: bool = False  # a name made an adjective by its suffix (ایرانی, غربی)
    tight: bool = False  # attached to the previous token by spaces or a hyphen only
    before: str = ""  # the untokenised word just before a one-word token (a possible first name)
    link: str | None = None  # how it attaches to the previous token of its chain

    def of(self, kind: str) -> list[Item]:
        """The items of one kind."""
        return [i for i in self.items if i.kind == kind]


@dataclass(slots=True)
class SentenceIndex:
    """Raw sentence starts for bisecting a raw offset to its sentence."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    index: list[int] = field(default_factory=list)
    story: list[int] = field(default_factory=list)
    folded_start: dict[int, int] = field(default_factory=dict)
    stops: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, analysis: Analysis) -> SentenceIndex:
        """Index every sentence of every story (sorted by start)."""
        out = cls()
        folded = analysis.folded()
        for s in sorted(analysis.sentences, key=lambda s: s.start):
            out.starts.append(s.start)
            out.ends.append(s.end)
            out.index.append(s.index)
            out.story.append(s.story)
            out.folded_start[s.index] = bisect_left(folded.index, s.start)
        return out

    def find(self, raw: int) -> tuple[int, int] | None:
        """(sentence index, story index) containing a raw offset, if any."""
        k = bisect_right(self.starts, raw) - 1
        if k >= 0 and raw < self.ends[k]:
            return self.index[k], self.story[k]
        return None


class Spans:
    """Spans (possibly overlapping) indexed for "does anything overlap this range?" in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        for _, b in ordered:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(a, b)`` has ``a < end and start < b``."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


def longest(hits: list[Hit[Item]], size: int) -> list[Hit[Item]]:
    """Longest non-overlapping hits, then earlier ones; same-span hits all kept (as Lexicon.find)."""
    covered = bytearray(size + 1)
    kept: list[Hit[Item]] = []
    spans: set[tuple[int, int]] = set()
    for h in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        span = (h.start, h.end)
        if span in spans or not any(covered[h.start : h.end]):
            kept.append(h)
            spans.add(span)
            covered[h.start : h.end] = b"\x01" * (h.end - h.start)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def _followed_by(text: str, end: int, words: tuple[str, ...]) -> bool:
    """True when the next word after ``end`` (past spaces and an opening parenthesis) is one of ``words``."""
    rest = text[end : end + 24].lstrip(" (")
    return any(rest.startswith(w) and not is_word_char(rest[len(w) : len(w) + 1]) for w in words)


def classify(tok: Tok) -> str:
    """The token's class: P person, T title, O org/group, C country-like, Q cue."""
    kinds = {i.kind for i in tok.items}
    for kind, c in CLASS_ORDER:
        if kind in kinds:
            return c
    return ""


def tokens(analysis: Analysis, g: Gazetteer, sents: SentenceIndex) -> list[Tok]:
    """Every lexicon hit inside a sentence, same-span payloads merged, stop phrases dropped."""
    folded = analysis.folded()
    text = folded.text
    out: list[Tok] = []
    last: tuple[int, int] | None = None
    current: Tok | None = None
    unsuffixed = g.cues.unsuffixed_kinds
    for hit in longest(list(g.lexicon.iter_hits(text)), len(text)):
        if hit.word_end > hit.end and hit.payload.kind in unsuffixed:
            continue  # a name with a suffix is another word (الغربة is not الغرب)
        if last == (hit.start, hit.end):
            if current is not None:
                current.items.append(hit.payload)
            continue
        last, current = (hit.start, hit.end), None
        placed = sents.find(folded.raw_offset(hit.start))
        if placed is None:
            continue
        prefix = text[hit.word_start : hit.start]
        start = hit.start
        for art in g.cues.articles:
            if art and prefix.endswith(art):
                start -= len(art)
                break
        current = Tok(start, hit.word_end, hit.word_start, prefix, [hit.payload], placed[0], placed[1])
        current.adjectival = text[hit.end : hit.word_end] in g.cues.adjectival_suffixes
        out.append(current)
    sents.stops = [(t.start, t.end) for t in out if any(i.kind == "stop" for i in t.items)]
    for t in out:
        if g.cues.juniors and _followed_by(text, t.end, g.cues.juniors):
            t.items = [i for i in t.items if i.kind != "person"] or [Item("stop", "junior")]
    kept = [t for t in out if not any(i.kind == "stop" for i in t.items)]
    prev_end = 0
    for t in kept:
        if " " not in text[t.start : t.end] and t.ws > 0 and text[t.ws - 1] == " ":
            words = text[prev_end : t.ws].split()
            t.before = words[-1] if words else ""
        prev_end = t.end
        t.cls = classify(t)
        t.cue = next((i.ref for i in t.items if i.kind == "cue"), "")
    return kept


WORD = re.compile(r"\S+")


def _pronoun_prefix(word: str, pronouns: tuple[str, ...], prefixes: frozenset[str]) -> str | None:
    """The proclitic before a pronoun when ``word`` is one ("" for a bare pronoun), else None."""
    for p in pronouns:
        if word.endswith(p) and (len(word) == len(p) or word[: -len(p)] in prefixes):
            return word[: -len(p)]
    return None


def pronouns(text: str, g: Gazetteer, sents: SentenceIndex, toks: list[Tok]) -> list[Tok]:
    """Subject pronouns among the first words of each sentence (proclitics allowed), as cue tokens."""
    cues = g.cues
    prefixes = frozenset(cues.prefixes)
    taken = Spans([(t.ws, t.end) for t in toks] + sents.stops)
    out: list[Tok] = []
    story_of = dict(zip(sents.index, sents.story, strict=True))
    for k, s0 in sents.folded_start.items():
        story = story_of[k]
        for n, m in enumerate(WORD.finditer(text, s0, s0 + MAX_PRONOUN_SPAN)):
            if n >= cues.pronoun_max_words or "\n" in text[s0 : m.start()]:
                break
            word = m.group().strip(cues.joiners + ".:;!?")
            prefix = _pronoun_prefix(word, cues.pronouns, prefixes)
            if prefix is None:
                continue
            start = m.start() + m.group().find(word)
            if taken.overlaps(start, start + len(word)):
                continue
            tok = Tok(start + len(prefix), start + len(word), start, prefix, [Item("cue", "pronouns")], k, story)
            tok.cls, tok.cue = "Q", "pronouns"
            out.append(tok)
    out.extend(object_pronouns(text, g, sents, taken, {t.start for t in out}))
    out.sort(key=lambda t: t.start)
    return out


def object_pronouns(text: str, g: Gazetteer, sents: SentenceIndex, taken: Spans, seen: set[int]) -> list[Tok]:
    """Pronouns right after a preposition anywhere in a sentence ("met with him"), as "pronouns_obj" cues."""
    cues = g.cues
    if not cues.pronoun_prepositions:
        return []
    story_of = dict(zip(sents.index, sents.story, strict=True))
    bounds = sorted(sents.folded_start.items(), key=lambda kv: kv[1])
    out: list[Tok] = []
    for n, (k, s0) in enumerate(bounds):
        stop = bounds[n + 1][1] if n + 1 < len(bounds) else len(text)
        words = list(WORD.finditer(text, s0, stop))
        for prev, m in pairwise(words):
            word = m.group().strip(cues.joiners + ".:;!?")
            if word not in cues.pronouns or prev.group().strip(cues.joiners) not in cues.pronoun_prepositions:
                continue
            start = m.start() + m.group().find(word)
            if start in seen or taken.overlaps(start, start + len(word)):
                continue
            tok = Tok(start, start + len(word), start, "", [Item("cue", "pronouns_obj")], k, story_of[k])
            tok.cls, tok.cue = "Q", "pronouns_obj"
            out.append(tok)
    return out


def link(prev: Tok, tok: Tok, text: str, g: Gazetteer) -> str | None:
    """How ``tok`` attaches to ``prev``: adjacent (ADJ), coordinated (AND) or not at all.

    The gap may hold joiners (spaces, commas, quotes) and filler words ("Republic of");
    one conjunction, standing alone or glued to ``tok``, makes the link AND.
    """
    if prev.sentence != tok.sentence or tok.ws < prev.end:
        return None
    cues = g.cues
    gap = text[prev.end : tok.ws]
    glued = any(tok.prefix.startswith(c) for c in cues.conjunctions if c)
    if not gap.strip(cues.joiners):
        return AND if glued else ADJ
    if len(gap) > MAX_GAP:
        return None
    words = [w for w in "".join(" " if ch in cues.joiners else ch for ch in gap).split() if w not in cues.fillers]
    if not words:
        return AND if glued else ADJ
    if len(words) == 1 and words[0] in cues.conjunctions and not glued:
        return AND
    return None


def chains(toks: list[Tok], text: str, g: Gazetteer) -> list[list[Tok]]:
    """Split tokens into chains of attached tokens (AND links kept, to be judged by the parser)."""
    out: list[list[Tok]] = []
    for tok in toks:
        tok.link = link(out[-1][-1], tok, text, g) if out else None
        if tok.link is not None:
            tok.tight = tok.link == ADJ and not text[out[-1][-1].end : tok.ws].strip(TIGHT)
        if tok.link is None:
            out.append([tok])
        else:
            out[-1].append(tok)
    return out
