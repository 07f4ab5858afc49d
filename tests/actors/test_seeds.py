"""Every actor of the dev gold is found in its seed document with the right code and sector."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from khabar import text
from khabar.actors import find_mentions
from khabar.model import Analysis, Document

SHARED = Path(__file__).parents[2].parent / "shared"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (SHARED / "gold" / "seeds.jsonl").is_file(), reason="../shared is missing"),
]


def _ascii(s: str | None) -> str:
    """A name compared without accents or case."""
    return unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()


def _gold_actors() -> list[tuple[str, str | None, str, str | None]]:
    """(doc, name, code, sector) of every distinct gold actor."""
    path = SHARED / "gold" / "seeds.jsonl"
    if not path.is_file():
        return []
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for ev in rec["events"]:
            for a in ev["actor"] + ev["recipient"]:
                out.add((rec["doc"], a["name"], a["code"], a["sector"]))
    return sorted(out, key=str)


def _analysis(doc: str) -> Analysis:
    """The text layer's analysis of a seed document."""
    result = text.analyse(Document(doc, (SHARED / "seeds" / doc).read_text(encoding="utf-8")))
    assert isinstance(result, Analysis)
    return result


@pytest.mark.parametrize(("doc", "name", "code", "sector"), _gold_actors())
def test_seed_actor_found(doc: str, name: str | None, code: str, sector: str | None) -> None:
    """A mention with the gold code and sector (and the gold name when it names someone)."""
    ms = find_mentions(_analysis(doc))
    found = [m for m in ms if (m.actor.code, m.actor.sector) == (code, sector)]
    if name:
        found = [m for m in found if _ascii(m.actor.name) == _ascii(name)]
    assert found, f"{name} {code} {sector} not found in {doc}"
