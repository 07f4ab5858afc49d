"""Sentences as raw offsets: split at newlines and sentence-final punctuation, capped in length.

A full stop inside a number (3.5), after a listed abbreviation or a single letter, or
glued to a Latin letter or digit (a web address) does not end a sentence. A sentence
longer than ``MAX_CHARS`` is cut at the last comma, else the last space, before the cap.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from khabar.model import Sentence, Span
from khabar.text.cues import TextRules, char_class
from khabar.text.normalize import INVISIBLE, fold_key

MAX_CHARS = 400
MAX_ABBREVIATION = 8  # longer tokens before a full stop are never looked up as abbreviations
MIN_CHARS = 40
CLOSERS = "\"'\u00bb\u201d\u2019)]}"
COMMAS = ",\u060c;"
LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
WORD = re.compile(r"\w")
STRIP = " \t\u00a0\u202f\u2009\u3000" + INVISIBLE
ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@lru_cache(maxsize=8192)
def _key(token: str) -> str:
    """fold_key, cached: the same short tokens come back before full stops."""
    return fold_key(token)


@cache
def _ender(terminators: str) -> re.Pattern[str]:
    """Runs of sentence-final punctuation with any closing quotes or brackets."""
    return re.compile(char_class(terminators) + "+" + char_class(CLOSERS) + "*")


def _is_boundary(text: str, m: re.Match[str], rules: TextRules, cur: int) -> bool:
    """False for a full stop in a number, after an abbreviation or a list number, or inside a web address."""
    p = m.start()
    if m.group().rstrip(CLOSERS) != ".":
        return True
    nxt = text[m.end()] if m.end() < len(text) else ""
    if nxt in ASCII_ALNUM or nxt.isdigit():
        return False
    ts = text.rfind(" ", cur, p) + 1 or cur
    while ts < p and not (text[ts].isalnum() or text[ts] == "."):
        ts += 1
    token = text[ts:p]
    if not token.replace(".", "").isalnum():
        return True
    if not token:
        return True
    if token.isdigit() and not text[cur:ts].strip():
        return False  # "1. ..." numbering a list item
    if all(len(part) <= 1 for part in token.split(".")) and token.replace(".", "").isalpha():
        return False  # a single letter or initials (U.S.)
    return len(token) > MAX_ABBREVIATION or _key(token) not in rules.abbreviations


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and invisible characters."""
    while start < end and (text[start] in STRIP or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in STRIP or text[end - 1].isspace()):
        end -= 1
    return start, end


def _cap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long piece at commas or spaces so no piece exceeds ``MAX_CHARS``."""
    out = []
    while end - start > MAX_CHARS:
        window = text[start + MIN_CHARS : start + MAX_CHARS]
        cut = max(window.rfind(c) for c in COMMAS)
        if cut < 0:
            cut = window.rfind(" ")
        cut = start + MIN_CHARS + cut + 1 if cut >= 0 else start + MAX_CHARS
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _pieces(text: str, start: int, end: int, rules: TextRules) -> list[tuple[int, int]]:
    """Raw sentence ranges of one line range, before trimming."""
    out = []
    cur = start
    for m in _ender(rules.terminators).finditer(text, start, end):
        if _is_boundary(text, m, rules, cur):
            out.append((cur, m.end()))
            cur = m.end()
    out.append((cur, end))
    return out


def regions(span: Span, boilerplate: list[Span]) -> list[Span]:
    """The parts of ``span`` not covered by (sorted) boilerplate spans."""
    out = []
    pos = span.start
    for b in boilerplate:
        if b.end <= pos or b.start >= span.end:
            continue
        if b.start > pos:
            out.append(Span(pos, b.start))
        pos = max(pos, b.end)
    if pos < span.end:
        out.append(Span(pos, span.end))
    return out


def split(text: str, span: Span, boilerplate: list[Span], rules: TextRules, story: int, first: int) -> list[Sentence]:
    """Sentences of one story span, numbered from ``first``, skipping boilerplate."""
    sentences: list[Sentence] = []
    for region in regions(span, boilerplate):
        for line in LINE.finditer(text, region.start, region.end):
            for s, e in _pieces(text, line.start(), line.end(), rules):
                s, e = _trim(text, s, e)
                if e <= s or not WORD.search(text, s, e):
                    continue
                if e - s <= MAX_CHARS:
                    sentences.append(Sentence(first + len(sentences), s, e, story))
                    continue
                for cs, ce in _cap(text, s, e):
                    cs, ce = _trim(text, cs, ce)
                    if ce > cs:
                        sentences.append(Sentence(first + len(sentences), cs, ce, story))
    return sentences
