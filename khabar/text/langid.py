"""Language identification for Arabic-script news: Persian, Arabic, or something else.

Persian and Arabic share a script, so the decision rests on letters one language has
and the other lacks (``marker_letters``) and on frequent function words
(``stopwords.yaml``), both per-language data. Latin-script text and text carrying
letters no supported language uses (Urdu, Kurdish, Pashto...) is rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from khabar.text.cues import TextRules, all_rules

ARABIC_SCRIPT = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
CYRILLIC_GREEK = re.compile("[\u0370-\u03ff\u0400-\u04ff]")
TOKEN = re.compile(r"\w+")

MIN_LETTERS = 3
CLEAR_SHARE = 0.75
MIN_EVIDENCE = 4.0
FOREIGN_SHARE = 0.005
MIN_FOREIGN = 3
STOPWORD_WEIGHT = 2.0


@dataclass(frozen=True, slots=True)
class LangDecision:
    """The language found (None: unsupported or no text) and why."""

    lang: str | None
    reason: str
    scores: dict[str, float]
    letters: int = 0


@lru_cache(maxsize=1)
def _foreign() -> dict[str, str]:
    """Letters that no supported language uses, with the language they point to."""
    tables = [r.foreign for r in all_rules()]
    common = set(tables[0]).intersection(*tables[1:])
    return {c: tables[0][c] for c in common}


def _foreign_language(text: str, letters: int) -> str | None:
    """The other language whose letters are frequent enough to reject the text."""
    counts: dict[str, int] = {}
    for ch, name in _foreign().items():
        n = text.count(ch)
        if n:
            counts[name] = counts.get(name, 0) + n
    if not counts:
        return None
    name, n = max(counts.items(), key=lambda kv: kv[1])
    return name if n >= MIN_FOREIGN and n >= FOREIGN_SHARE * letters else None


def _score(text: str, tokens: list[str], rules: TextRules) -> float:
    """Marker letters (weighted) plus function words of one language."""
    letters = sum(w * text.count(ch) for ch, w in rules.markers.items())
    words = sum(1 for t in tokens if t in rules.stopwords)
    return letters + STOPWORD_WEIGHT * words


def identify(text: str, folded: str, hint: str | None = None) -> LangDecision:
    """Decide the language of ``text`` (``folded`` is its folded form, for function words)."""
    arabic = len(ARABIC_SCRIPT.findall(text))
    latin = len(LATIN.findall(text))
    other = len(CYRILLIC_GREEK.findall(text))
    if arabic + latin + other < MIN_LETTERS:
        return LangDecision(None, "no letters", {}, arabic)
    if arabic <= latin + other:
        script = "Latin" if latin >= other else "Cyrillic/Greek"
        return LangDecision(None, f"{script}-script text ({latin + other} vs {arabic} Arabic-script letters)", {}, arabic)
    foreign = _foreign_language(text, arabic)
    if foreign:
        return LangDecision(None, f"Arabic-script text with {foreign} letters", {}, arabic)
    tokens = TOKEN.findall(folded)
    scores = {r.lang: _score(text, tokens, r) for r in all_rules()}
    total = sum(scores.values())
    best = max(scores, key=lambda k: scores[k])
    if total >= MIN_EVIDENCE and scores[best] >= CLEAR_SHARE * total:
        return LangDecision(best, "clear", scores, arabic)
    if hint in scores:
        return LangDecision(hint, "unclear: record's language kept", scores, arabic)
    if total > 0:
        return LangDecision(best, "unclear: higher score", scores, arabic)
    return LangDecision(None, "no Persian or Arabic evidence", scores, arabic)
