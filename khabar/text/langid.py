"""Language identification for Arabic-script news: Persian, Arabic, or something else.

Persian and Arabic share a script, so the decision rests on letters one language has
and the other lacks (``marker_letters``) and on frequent function words
(``stopwords.yaml``), both per-language data. Latin-script text and text carrying
letters no supported language uses (Urdu, Kurdish, Pashto...) is rejected.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from khabar.text.cues import TextRules, all_rules, char_class

ARABIC_SCRIPT = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+")
LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
CYRILLIC_GREEK = re.compile("[\u0370-\u03ff\u0400-\u04ff]+")
ANY_LETTER = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 1500  # the decision reads the start of the text only
TOKEN = re.compile(r"\w+")
MIN_ARABIC_SHARE = 0.25  # below this share of letters an Arabic-script text is "mostly Latin"

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


@dataclass(frozen=True, slots=True)
class _Tables:
    """Compiled once from the language data: foreign letters and marker letters."""

    foreign: dict[str, str]
    foreign_re: re.Pattern[str] | None
    markers_re: re.Pattern[str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Letters no supported language uses (with the language they point to), and all marker letters."""
    tables = [r.foreign for r in all_rules()]
    common = set(tables[0]).intersection(*tables[1:])
    foreign = {c: tables[0][c] for c in sorted(common)}
    markers = sorted({c for r in all_rules() for c in r.markers})
    return _Tables(foreign, re.compile(char_class(list(foreign))) if foreign else None, re.compile(char_class(markers)))


def _foreign_language(text: str, letters: int) -> str | None:
    """The other language whose letters are frequent enough to reject the text."""
    t = _tables()
    if t.foreign_re is None:
        return None
    found = t.foreign_re.findall(text)
    if not found:
        return None
    counts = Counter(t.foreign[c] for c in found)
    name, n = counts.most_common(1)[0]
    return name if n >= MIN_FOREIGN and n >= FOREIGN_SHARE * letters else None


def _letters(pattern: re.Pattern[str], text: str) -> int:
    """How many letters of one script ``text`` has (counted by runs, fast)."""
    return sum(map(len, pattern.findall(text)))


def _score(letters: Counter[str], tokens: list[str], rules: TextRules) -> float:
    """Marker letters (weighted) plus function words of one language."""
    marks = sum(w * letters[ch] for ch, w in rules.markers.items())
    words = sum(map(rules.stopwords.__contains__, tokens))
    return marks + STOPWORD_WEIGHT * words


def _other_script(text: str, arabic: int, letters: int) -> str:
    """Why a text is not Arabic-script: which script dominates it."""
    latin = _letters(LATIN, text)
    cyrillic = _letters(CYRILLIC_GREEK, text)
    others = letters - arabic - latin - cyrillic
    name, _ = max((("Latin", latin), ("Cyrillic/Greek", cyrillic), ("other", others)), key=lambda kv: kv[1])
    return f"{name}-script text ({letters - arabic} vs {arabic} Arabic-script letters)"


def identify(text: str, folded: str, hint: str | None = None) -> LangDecision:
    """Decide the language of ``text`` (``folded`` is its folded form, for function words)."""
    text = text[:SAMPLE_CHARS]
    folded = folded[:SAMPLE_CHARS]
    arabic = _letters(ARABIC_SCRIPT, text)
    letters = max(_letters(ANY_LETTER, text), arabic)
    if letters < MIN_LETTERS:
        return LangDecision(None, "no letters", {}, arabic)
    if arabic < MIN_ARABIC_SHARE * letters:
        return LangDecision(None, _other_script(text, arabic, letters), {}, arabic)
    foreign = _foreign_language(text, arabic)
    if foreign:
        return LangDecision(None, f"Arabic-script text with {foreign} letters", {}, arabic)
    tokens = TOKEN.findall(folded)
    marks = Counter(_tables().markers_re.findall(text))
    scores = {r.lang: _score(marks, tokens, r) for r in all_rules()}
    total = sum(scores.values())
    best = max(scores, key=lambda k: scores[k])
    if total >= MIN_EVIDENCE and scores[best] >= CLEAR_SHARE * total:
        return LangDecision(best, "clear", scores, arabic)
    if hint in scores:
        return LangDecision(hint, "unclear: record's language kept", scores, arabic)
    if total > 0:
        return LangDecision(best, "unclear: higher score", scores, arabic)
    return LangDecision(None, "no Persian or Arabic evidence", scores, arabic)
