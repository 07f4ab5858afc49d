"""Reprocess on a real store built by the pipeline from the bundled examples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from khabar.fuse import update
from khabar.fuse.reprocess import reprocess
from khabar.model import DocResult, Document
from khabar.pipeline import process
from khabar.store.db import Store


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, examples: Path) -> Path:
    """A fused store of the five examples, written through the pipeline (built once, copied per test)."""
    db = tmp_path_factory.mktemp("reprocess") / "k.duckdb"
    docs = [Document(p.name, p.read_text(encoding="utf-8"), origin=str(p)) for p in sorted(examples.glob("*.txt"))]
    results = [process(d) for d in docs]
    assert all(isinstance(r, DocResult) for r in results)
    with Store(db) as s:
        s.write_batch([r for r in results if isinstance(r, DocResult)], [], s.begin_run(["examples"]))
        update(s)
    return db


@pytest.fixture
def db(built: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built store."""
    shutil.copy(built, tmp_path / "k.duckdb")
    return tmp_path / "k.duckdb"


@pytest.fixture(scope="module")
def examples() -> Path:
    """The bundled example documents."""
    return Path(__file__).resolve().parents[2] / "examples"


def test_nothing_changed_reports_no_change(db: Path) -> None:
    with Store(db) as s:
        before = s.counts()
        r = reprocess(s, batch_size=2)
        after = s.counts()
    assert r.events_before > 0
    assert (r.processed, r.documents_before, r.documents_after) == (5, 5, 5)
    assert (r.unchanged, r.added, r.removed, r.moved, r.changed_documents) == (r.events_before, 0, 0, 0, 0)
    assert not r.failed and not r.examples
    assert r.fuse is not None and r.fuse.placed == 0 and r.fuse.detached == 0
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}


def test_a_changed_extraction_moves_its_events_and_refuses_them(db: Path) -> None:
    with Store(db) as s:
        _, rows = s.query("SELECT event_id, doc_id, date FROM events WHERE date IS NOT NULL ORDER BY event_id LIMIT 1")
        eid, doc_id, day = rows[0]
        # what an older extraction had stored: another date, and one event it never found
        s.query("UPDATE events SET date = date - INTERVAL 40 DAY WHERE event_id = ?", [eid])
        _, gone = s.query("SELECT event_id FROM events WHERE event_id != ? ORDER BY event_id LIMIT 1", [eid])
        s.query("DELETE FROM events WHERE event_id = ?", [gone[0][0]])
        update(s, rebuild=True)
        r = reprocess(s)
        _, fused = s.query(
            "SELECT f.date, m.rule FROM fused_members m JOIN fused_events f USING (fused_id) WHERE m.event_id = ?",
            [eid],
        )
    assert (r.moved, r.added, r.removed) == (1, 1, 0)
    assert r.changed_documents >= 1 and r.documents_after == r.documents_before
    assert any(e.startswith(f"moved in {doc_id}") for e in r.examples)
    assert fused[0][0] == day  # the event is fused again under its restored date
    assert r.fuse is not None and r.fuse.detached >= 1


def test_an_event_the_new_code_drops_is_removed_and_leaves_its_fused_event(db: Path) -> None:
    with Store(db) as s:
        s.query(
            "INSERT INTO events SELECT 'ev-stale', doc_key, doc_id, lang, story, sentence, 'THREATEN', mode, date,"
            " aux, context, actor_codes, recipient_codes, actor_names, recipient_names, sectors, evidence,"
            " evidence_start, evidence_end, confidence, rule, plover FROM events ORDER BY event_id LIMIT 1"
        )
        update(s)
        r = reprocess(s)
        _, left = s.query("SELECT count(*) FROM fused_members WHERE event_id = 'ev-stale'")
        _, docs = s.query("SELECT count(*) FROM documents")
    assert (r.removed, r.moved, r.added) == (1, 0, 0)
    assert left == [(0,)] and docs == [(5,)]
