"""Build Analysis objects for date tests straight from khabar.model (no text layer)."""

from __future__ import annotations

import re
from datetime import date

from khabar.model import Analysis, DateExpr, Document, Sentence, Story

SENTENCE_END = re.compile(r"[.!?؟]\s*|\n+")


def sentences_of(text: str, start: int, end: int, story: int, first: int) -> list[Sentence]:
    """Split ``text[start:end]`` at full stops and newlines into Sentence objects."""
    out: list[Sentence] = []
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        if m.end() > pos and text[pos : m.start()].strip():
            out.append(Sentence(first + len(out), pos, m.end(), story))
        pos = m.end()
    if text[pos:end].strip():
        out.append(Sentence(first + len(out), pos, end, story))
    return out


def analysis(
    text: str, lang: str, pub: date | None = None, second: str | None = None, second_pub: date | None = None
) -> Analysis:
    """One document with one story (``text``) and optionally a glued second story with its own anchor."""
    full = text if second is None else text + "\n" + second
    first = Story(0, 0, len(text), pub, sentences_of(full, 0, len(text), 0, 0))
    stories = [first]
    if second is not None:
        start = len(text) + 1
        sents = sentences_of(full, start, len(full), 1, len(first.sentences))
        stories.append(Story(1, start, len(full), second_pub, sents))
    doc = Document("t", full, pub)
    return Analysis(doc, lang, stories, pub_date=pub)  # type: ignore[arg-type]


def only(found: list[DateExpr]) -> DateExpr:
    """The single expression found (fails the test otherwise)."""
    assert len(found) == 1, [(d.text, d.kind, d.value) for d in found]
    return found[0]
