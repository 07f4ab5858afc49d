"""On real articles of the shared corpus: coding never fails and every span points into the raw text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar import actors, dates, text
from khabar.events import code_events
from khabar.model import Analysis, Document

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
FILES = ("fa_farsnews_2023.jsonl", "ar_bbc_2017.jsonl")
DOCS = 10

pytestmark = pytest.mark.shared


def documents(name: str) -> list[Document]:
    """The first articles of a corpus file as documents (title + text)."""
    out: list[Document] = []
    with (CORPUS / name).open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            title = r.get("title")
            out.append(Document(r["id"], (title + "\n" if title else "") + r["text"]))
            if len(out) >= DOCS:
                break
    return out


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
@pytest.mark.parametrize("name", FILES)
def test_events_on_real_articles_have_valid_spans(name: str) -> None:
    """Every event's trigger lies inside its evidence, inside the raw text; without actors too."""
    for doc in documents(name):
        analysis = text.analyse(doc)
        if not isinstance(analysis, Analysis):
            continue
        mentions, found = actors.find_mentions(analysis), dates.find_dates(analysis)
        for require in (True, False):
            for ev in code_events(analysis, mentions, found, require_actors=require):
                assert 0 <= ev.evidence.start <= ev.trigger.start < ev.trigger.end <= ev.evidence.end <= len(doc.text)
                assert ev.rule.startswith(f"{analysis.lang}/triggers/")
                assert not require or ev.actor or ev.recipient
