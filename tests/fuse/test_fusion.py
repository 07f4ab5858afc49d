"""Fusion on real stores: one meeting in fa and ar from several outlets, what must not fuse, counts, increments."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from khabar.fuse import FusionSettings, update
from khabar.store.db import Store
from tests.fuse.helpers import DAY, Ev, four_reports, meeting, report, write


def fused(path: Path) -> list[dict[str, Any]]:
    """All fused events as dicts."""
    with Store(path, read_only=True) as s:
        names, rows = s.query("SELECT * FROM fused_events ORDER BY mentions DESC, fused_id")
    return [dict(zip(names, r, strict=True)) for r in rows]


def members(path: Path, fid: str) -> dict[str, tuple[str, str]]:
    """doc_id -> (rule, reason) of a fused event's members."""
    with Store(path, read_only=True) as s:
        _, rows = s.query(
            "SELECT e.doc_id, m.rule, m.reason FROM fused_members m JOIN events e USING (event_id) "
            "WHERE m.fused_id = ?", [fid],
        )  # fmt: skip
    return {r[0]: (r[1], r[2]) for r in rows}


def fuse(path: Path, settings: FusionSettings | None = None, **kw: Any) -> Any:
    """One fusion pass on the store at path."""
    with Store(path) as s:
        return update(s, settings, **kw)


def test_one_meeting_in_two_languages_is_one_event(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    write(db, *four_reports())
    r = fuse(db)
    assert (r.placed, r.created, r.joined, r.story_events, r.fused_events) == (4, 1, 3, 4, 1)
    (ev,) = fused(db)
    assert ev["event"] == "CONSULT" and ev["date"] == DAY and ev["mode"] == "visit"
    assert (ev["mentions"], ev["documents"], ev["outlets"]) == (4, 4, 4)
    assert ev["outlet_names"] == ["Fars", "IRNA", "aawsat", "alriyadh"]
    assert ev["languages"] == ["ar", "fa"]
    assert (ev["first_reported"], ev["last_reported"]) == (DAY, date(2024, 3, 15))
    assert ev["original_sources"] == ["TASS"]
    assert ev["independent_sources"] == 3  # Fars, IRNA, and TASS relayed twice
    why = members(db, ev["fused_id"])
    assert why["fa-fars"][0] == "seed"
    assert why["ar-aawsat"] == ("same-date", "same type CONSULT, same participants {RUS, TUR}, date 2024-03-13 equal, "
                                "mode unstated, compatible with visit, same people {putin_vladimir, erdogan_recep}")
    assert "undated, report dated 2024-03-15 within 3 days of 2024-03-13" in why["fa-irna"][1]


def test_what_must_not_fuse(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    write(db, *four_reports(),
          report("fa-late", "fa", date(2024, 3, 20), [meeting(None, None)], source="late"),
          report("ar-phone", "ar", DAY, [meeting("phone")], source="phone"),
          report("ar-ministers", "ar", DAY, [Ev("CONSULT", ["lavrov"], ["fidan"], DAY, story=1)], source="m"),
          report("fa-strike", "fa", DAY, [Ev("ASSAULT", ["israel"], ["gaza"], DAY, story=1)], source="s1"),
          report("ar-strike", "ar", DAY, [Ev("ASSAULT", ["gaza"], ["israel"], DAY, story=1)], source="s2"),
          report("ar-neg", "ar", DAY, [Ev("CONSULT", ["putin"], ["erdogan"], DAY, aux="negation")],
                 source="n"))  # fmt: skip
    fuse(db)
    sizes = {e["fused_id"]: e["mentions"] for e in fused(db)}
    assert sorted(sizes.values()) == [1, 1, 1, 1, 1, 1, 4]


def test_undated_reports_without_a_date_only_fuse_inside_their_document(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    twice = [meeting(None, None), Ev("CONSULT", ["erdogan"], ["putin"], None, story=0)]
    write(db, report("a", "fa", None, twice, source="x"), report("b", "fa", None, [meeting(None, None)], source="y"))
    fuse(db)
    events = fused(db)
    assert [e["mentions"] for e in events] == [2, 1]
    with Store(db, read_only=True) as s:
        _, rows = s.query("SELECT rule, reason FROM fused_members WHERE fused_id = ? AND rule != 'seed'",
                          [events[0]["fused_id"]])  # fmt: skip
    ((rule, reason),) = rows
    assert rule == "same-document" and "same undated event of the same document" in reason


def test_new_documents_fuse_into_existing_events_and_nothing_else_is_touched(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    first, *rest = four_reports()
    strike = report("fa-strike", "fa", DAY, [Ev("ASSAULT", ["israel"], ["gaza"], DAY, story=1)], source="s1")
    write(db, first, strike)
    fuse(db)
    before = {e["fused_id"]: e for e in fused(db)}
    write(db, *rest)
    r = fuse(db)
    assert (r.placed, r.joined, r.created) == (3, 3, 0)
    after = {e["fused_id"]: e for e in fused(db)}
    assert after.keys() == before.keys()
    meet = next(k for k, e in after.items() if e["event"] == "CONSULT")
    strike_id = next(k for k, e in after.items() if e["event"] == "ASSAULT")
    assert after[meet]["mentions"] == 4 and after[meet]["updated_at"] > before[meet]["updated_at"]
    assert after[strike_id] == before[strike_id]  # not recomputed
    assert fuse(db).placed == 0


def test_an_undated_group_moves_into_a_dated_event_that_arrives_later(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    fars, _, riyadh, irna = four_reports()
    write(db, riyadh, irna)
    fuse(db)
    (group,) = fused(db)
    assert group["date"] is None and group["mentions"] == 2
    write(db, fars)
    r = fuse(db)
    assert r.merged == 1
    (ev,) = fused(db)
    assert ev["date"] == DAY and ev["mentions"] == 3
    assert {v[0] for v in members(db, ev["fused_id"]).values()} == {"seed", "undated-window"}
    with Store(db, read_only=True) as s:
        _, rows = s.query("SELECT fused_id FROM fused_aliases WHERE old_id = ?", [group["fused_id"]])
    assert rows == [(ev["fused_id"],)]


def test_changed_settings_rebuild_and_rebuild_on_request(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    write(db, *four_reports())
    fuse(db, FusionSettings(window_days=1))
    assert sorted(e["mentions"] for e in fused(db)) == [1, 3]
    r = fuse(db, FusionSettings(window_days=3))
    assert r.rebuilt and "settings" in r.why_rebuilt
    assert [e["mentions"] for e in fused(db)] == [4]
    r = fuse(db, FusionSettings(window_days=3), rebuild=True)
    assert r.rebuilt and r.placed == 4 and [e["mentions"] for e in fused(db)] == [4]


def test_a_failed_pass_leaves_the_fusion_as_it_was(tmp_path: Path, monkeypatch: Any) -> None:
    db = tmp_path / "k.duckdb"
    first, *rest = four_reports()
    write(db, first)
    fuse(db)
    write(db, *rest)

    def boom(*a: Any, **k: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("khabar.fuse.engine.Pass.write", boom)
    with pytest.raises(RuntimeError):
        fuse(db)
    assert [e["mentions"] for e in fused(db)] == [1]
    monkeypatch.undo()
    assert fuse(db).placed == 3


def test_update_takes_the_run_settings_and_uses_the_fusion_defaults(tmp_path: Path) -> None:
    from khabar.settings import Settings

    db = tmp_path / "k.duckdb"
    write(db, *four_reports())
    with Store(db) as s:
        report = update(s, Settings())  # what an engine may pass along
    assert report.fused_events == 1


def test_a_fused_event_whose_dated_reports_are_gone_dissolves_and_its_undated_reports_regroup(tmp_path: Path) -> None:
    db = tmp_path / "k.duckdb"
    fars, aawsat, riyadh, irna = four_reports()
    write(db, fars, aawsat, riyadh, irna)
    fuse(db)
    (before,) = fused(db)
    with Store(db) as s:
        s.query("DELETE FROM events WHERE date IS NOT NULL")  # what a reprocess that lost the dates would leave
        r = update(s)
    assert (r.detached, r.dissolved) == (2, 1)
    (after,) = fused(db)
    assert after["fused_id"] != before["fused_id"] and after["date"] is None and after["mentions"] == 2
    assert {v[0] for v in members(db, after["fused_id"]).values()} == {"seed", "undated-group"}
