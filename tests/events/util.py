"""Helpers for event-stage tests: analyses and hand-built mentions without the other stages."""

from __future__ import annotations

import re
from datetime import date

from khabar.events.triggers import TriggerEntry, match_triggers
from khabar.model import Actor, Analysis, Document, Lang, Mention, Sentence, Story
from khabar.text.normalize import fold_key

SENTENCE_END = re.compile(r"[.!?؟\n]+")


def analysis_of(text: str, lang: Lang, pub: date | None = None, stories: list[str] | None = None) -> Analysis:
    """An Analysis of ``text`` with sentences split at . ! ? and newlines (one story unless told)."""
    doc = Document("t", text, pub_date=pub)
    bounds = [(0, len(text))]
    if stories:
        starts = [text.index(s) for s in stories]
        bounds = [(s, e) for s, e in zip(starts, [*starts[1:], len(text)], strict=True)]
    out: list[Story] = []
    index = 0
    for si, (s0, s1) in enumerate(bounds):
        story = Story(si, s0, s1, pub)
        pos = s0
        for m in [*SENTENCE_END.finditer(text, s0, s1), None]:
            end = m.end() if m else s1
            if text[pos:end].strip():
                story.sentences.append(Sentence(index, pos, end, si))
                index += 1
            pos = end
        out.append(story)
    return Analysis(doc=doc, lang=lang, stories=out, pub_date=pub)


def mention(text: str, surface: str, code: str, sector: str | None = "GOV", name: str | None = None,
            kind: str = "person", nth: int = 0) -> Mention:
    """A mention of the ``nth`` occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, Actor(code, sector, name, entity=name or code),
                   sentence=0, kind=kind)  # type: ignore[arg-type]


def assert_entry_matches(lang: Lang, sentence: str, entry: TriggerEntry) -> None:
    """The entry is among the triggers found in the sentence, on a span holding its phrase (its head when gapped)."""
    a = analysis_of(sentence, lang)
    matches = [m for m in match_triggers(a) if entry in m.entries]
    assert matches, f"{entry.phrase!r} not matched in {sentence!r}"
    key = fold_key(entry.head).replace(" ", "")
    assert any(key in fold_key(sentence[m.raw.start:m.raw.end]).replace(" ", "") for m in matches)
