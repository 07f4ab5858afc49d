"""Shared helpers of the actor tests: an Analysis from plain lines, mentions with fixture persons."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from khabar.actors import find_mentions_with
from khabar.actors.gazetteer import Gazetteer, gazetteer
from khabar.model import Analysis, Document, Lang, Mention, Sentence, Story

FIXTURE_PERSONS = Path(__file__).parent / "fixtures" / "persons"


def analysis(text: str, lang: Lang, pub_date: date | None = None) -> Analysis:
    """One story, one sentence per non-empty line (no dependence on the text layer)."""
    story = Story(0, 0, len(text), pub_date)
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            story.sentences.append(Sentence(len(story.sentences), pos, pos + len(line), 0))
        pos += len(line) + 1
    return Analysis(doc=Document("t", text, pub_date=pub_date), lang=lang, stories=[story], pub_date=pub_date)


def gaz(lang: str) -> Gazetteer:
    """The gazetteer of ``lang`` with the fixture persons (independent of the persons data)."""
    return gazetteer(lang, str(FIXTURE_PERSONS))


def mentions(text: str, lang: Lang, pub_date: date | None = None) -> list[Mention]:
    """Mentions of a short text with the fixture persons."""
    return find_mentions_with(analysis(text, lang, pub_date), gaz(lang))


def codes(ms: list[Mention]) -> list[tuple[str, str | None]]:
    """(code, sector) of each mention."""
    return [(m.actor.code, m.actor.sector) for m in ms]
