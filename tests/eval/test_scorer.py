"""The gold scorer: rules of GUIDELINES.md, and exact agreement with the reference scorer."""

from __future__ import annotations

import importlib.util
import io
import json
from contextlib import redirect_stdout
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.errors import EvalError
from khabar.eval.scorer import format_report, load_gold, load_predictions, matches, score_file, scored

SHARED = Path(__file__).parents[2].parent / "shared"
REFERENCE = SHARED / "tools" / "score_events.py"
needs_shared = pytest.mark.skipif(not REFERENCE.is_file(), reason="../shared is absent")


def ent(code: str, sector: str = "GOV") -> dict[str, str]:
    """An entity dict as exports carry it."""
    return {"code": code, "sector": sector}


def gev(event: str, actor: list[Any], recipient: list[Any] | None = None, **kw: Any) -> dict[str, Any]:
    """A gold event dict."""
    return {"event": event, "mode": kw.get("mode"), "actor": actor, "recipient": recipient or [],
            "date": kw.get("date"), "aux": kw.get("aux"), "context": [], "location": None, "evidence": "x"}


def pev(doc: str, event: str, actor: list[Any], recipient: list[Any] | None = None, **kw: Any) -> dict[str, Any]:
    """A predicted PLOVER event dict."""
    return {"doc_id": doc, "event": event, "actor": actor, "recipient": recipient or [], **kw}


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Write rows as JSONL and return the path."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def gold_doc(doc: str, lang: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """A gold JSONL record."""
    return {"doc": doc, "lang": lang, "pub_date": None, "events": events}


# Tricky cases: each is (gold records, predicted events) chosen to exercise one rule.
CASES: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {
    "duplicate_predictions": (
        [gold_doc("d1", "ar", [gev("ASSAULT", [ent("ISR", "MIL")], [ent("PSE")])])],
        [pev("d1", "ASSAULT", [ent("ISR")], [ent("PSE")]), pev("d1", "ASSAULT", [ent("ISR")], [ent("PSE")])],
    ),
    "symmetric_types": (
        [gold_doc("d1", "fa", [gev("CONSULT", [ent("RUS")], [ent("TUR")]), gev("AGREE", [ent("RUS"), ent("TUR")]),
                               gev("ASSAULT", [ent("RUS")], [ent("UKR")])])],
        [pev("d1", "CONSULT", [ent("TUR"), ent("RUS")]), pev("d1", "AGREE", [ent("TUR")], [ent("RUS")]),
         pev("d1", "ASSAULT", [ent("UKR")], [ent("RUS")])],
    ),
    "negation_aux": (
        [gold_doc("d1", "ar", [gev("ASSAULT", [ent("USA")], [ent("IRQ")], aux="negation"),
                               gev("THREATEN", [ent("IRN")], [ent("USA")], aux="future"),
                               gev("PROTEST", [ent("IRQ", "CVL")], aux="hypothetical")])],
        [pev("d1", "ASSAULT", [ent("USA")], [ent("IRQ")], aux="negation"),
         pev("d1", "THREATEN", [ent("IRN")], [ent("USA")]),
         pev("d1", "PROTEST", [ent("IRQ")], aux="hypothetical"),
         pev("d1", "SANCTION", [ent("USA")], [ent("IRN")], aux="negation")],
    ),
    "null_dates": (
        [gold_doc("d1", "ar", [gev("ASSAULT", [ent("ISR")], [ent("LBN")], date=None),
                               gev("PROTEST", [ent("EGY", "CVL")], date="2024-03-13"),
                               gev("SANCTION", [ent("USA")], [ent("IRN")], date="2024-03-14")])],
        [pev("d1", "ASSAULT", [ent("ISR")], [ent("LBN")], date="2024-03-10"),
         pev("d1", "PROTEST", [ent("EGY")], date=None),
         pev("d1", "SANCTION", [ent("USA")], [ent("IRN")], date="2024-03-14T08:00:00")],
    ),
    "empty_gold_recipient_and_modes": (
        [gold_doc("d1", "fa", [gev("ASSAULT", [ent("RUS")], [], mode="aerial"),
                               gev("COERCE", [ent("AZE")], [ent("ARM")], mode=None)])],
        [pev("d1", "ASSAULT", [ent("RUS")], [ent("UKR")], mode="firearms"),
         pev("d1", "COERCE", [ent("AZE")], [ent("ARM")], mode="restrict")],
    ),
    "string_entities_and_case": (
        [gold_doc("d1", "ar", [gev("ASSAULT", ["ISRMIL"], ["PSE"]), gev("MOBILIZE", [{"country_code": "irn"}])])],
        [pev("d1", "assault", ["ISR MIL"], [{"country": "pse"}]), pev("d1", "MOBILIZE", [{"code": "IRN"}])],
    ),
    "greedy_order": (
        [gold_doc("d1", "ar", [gev("ASSAULT", [ent("SYR")]), gev("ASSAULT", [ent("SYR")], [ent("TUR")])])],
        [pev("d1", "ASSAULT", [ent("SYR")], [ent("TUR")]), pev("d1", "ASSAULT", [ent("SYR")], [ent("IRQ")])],
    ),
    "documents_and_languages": (
        [gold_doc("a", "ar", [gev("PROTEST", [ent("IRQ", "CVL")], [ent("IRQ")])]),
         gold_doc("f", "fa", [gev("THREATEN", [ent("IRN")], [ent("ISR")]),
                              gev("SANCTION", [ent("USA")], [ent("IRN")])]),
         gold_doc("empty", "fa", [])],
        [pev("a", "PROTEST", [ent("IRQ")], [ent("IRQ")]), pev("f", "THREATEN", [ent("IRN")], [ent("ISR")]),
         pev("empty", "ASSAULT", [ent("USA")]), pev("not-in-gold", "ASSAULT", [ent("USA")]),
         pev("f", "COERCE", [ent("IRN")], [ent("IRN")])],
    ),
    "duplicate_gold_lines_last_wins": (
        [gold_doc("d1", "ar", [gev("ASSAULT", [ent("ISR")])]), gold_doc("d1", "ar", [gev("PROTEST", [ent("ISR")])])],
        [pev("d1", "ASSAULT", [ent("ISR")]), pev("d1", "PROTEST", [ent("ISR")])],
    ),
    "no_predictions": (
        [gold_doc("d1", "ar", [gev("ASSAULT", [ent("ISR")])])],
        [],
    ),
}


def load_reference() -> ModuleType:
    """Import ../shared/tools/score_events.py as a module."""
    spec = importlib.util.spec_from_file_location("score_events_reference", REFERENCE)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def reference_report(gold: Path, pred: Path) -> dict[str, Any] | None:
    """The reference scorer's --json report (None when it raises KeyError: nothing counted at a level)."""
    buf = io.StringIO()
    try:
        with redirect_stdout(buf):
            assert load_reference().main([str(gold), str(pred), "--json"]) == 0
    except KeyError:
        return None
    return json.loads(buf.getvalue())


def ours(gold: Path, pred: Path) -> dict[str, Any]:
    """Our report, round-tripped through JSON like the reference's."""
    return json.loads(json.dumps(score_file(gold, load_predictions(pred))))


@pytest.mark.shared
@needs_shared
@pytest.mark.parametrize("name", sorted(CASES))
def test_agrees_with_reference_on_tricky_cases(name: str, tmp_path: Path) -> None:
    gold_rows, pred_rows = CASES[name]
    gold = write_jsonl(tmp_path / "gold.jsonl", gold_rows)
    pred = write_jsonl(tmp_path / "pred.jsonl", pred_rows)
    assert ours(gold, pred) == reference_report(gold, pred)


@pytest.mark.shared
@needs_shared
def test_agrees_with_reference_on_seed_gold_against_itself(tmp_path: Path) -> None:
    gold = SHARED / "gold" / "seeds.jsonl"
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    preds = [dict(e, doc_id=r["doc"]) for r in rows for e in r["events"]]
    preds += preds[:3]  # duplicates of three gold events
    pred = write_jsonl(tmp_path / "pred.jsonl", preds)
    rep = ours(gold, pred)
    assert rep == reference_report(gold, pred)
    assert rep["strict"]["fn"] == 0 and rep["strict"]["fp"] == 3


CODES = st.sampled_from(["RUS", "UKR", "IRN", "USA"])
TYPES = st.sampled_from(["ASSAULT", "CONSULT", "PROTEST", "AGREE"])
EVENT = st.fixed_dictionaries({
    "event": TYPES,
    "actor": st.lists(CODES.map(ent), max_size=2),
    "recipient": st.lists(CODES.map(ent), max_size=2),
    "date": st.sampled_from([None, "2024-03-13", "2024-03-14"]),
    "mode": st.sampled_from([None, "phone", "aerial"]),
    "aux": st.sampled_from([None, None, "negation", "future", "hypothetical"]),
})
DOC = st.sampled_from(["d1", "d2", "d3"])


@pytest.mark.shared
@needs_shared
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gold=st.lists(st.tuples(DOC, st.sampled_from(["fa", "ar"]), st.lists(EVENT, max_size=4)), min_size=1,
                     max_size=3),
       pred=st.lists(st.tuples(DOC, EVENT), max_size=10))
def test_agrees_with_reference_on_random_inputs(gold: list[Any], pred: list[Any], tmp_path: Path) -> None:
    gold_rows = [gold_doc(d, lang, evs) for d, lang, evs in gold]
    g = write_jsonl(tmp_path / "g.jsonl", gold_rows)
    p = write_jsonl(tmp_path / "p.jsonl", [dict(e, doc_id=d) for d, e in pred])
    ref, mine = reference_report(g, p), ours(g, p)
    if ref is None:  # the reference crashes when a level counts nothing; ours reports a zero row
        assert any(mine[level] == {"tp": 0, "fp": 0, "fn": 0, "p": 0.0, "r": 0.0, "f1": 0.0}
                   for level in ("core", "typed", "strict"))
    else:
        assert mine == ref


def test_symmetric_types_compare_participant_sets() -> None:
    g = scored(gev("CONSULT", [ent("RUS")], [ent("TUR")]))
    assert matches(g, scored(pev("x", "CONSULT", [ent("TUR"), ent("RUS")])), "core")
    a = scored(gev("ASSAULT", [ent("RUS")], [ent("UKR")]))
    assert not matches(a, scored(pev("x", "ASSAULT", [ent("UKR")], [ent("RUS")])), "core")
    assert matches(a, scored(pev("x", "ASSAULT", [ent("UKR")], [ent("RUS")])), "typed")


def test_strict_needs_date_mode_and_aux() -> None:
    g = scored(gev("ASSAULT", [ent("ISR")], date="2024-03-13", mode="aerial"))
    assert matches(g, scored(pev("x", "ASSAULT", [ent("ISR")], date="2024-03-13", mode="aerial")), "strict")
    assert not matches(g, scored(pev("x", "ASSAULT", [ent("ISR")], date=None, mode="aerial")), "strict")
    assert not matches(g, scored(pev("x", "ASSAULT", [ent("ISR")], date="2024-03-13", mode=None)), "strict")
    assert not matches(g, scored(pev("x", "ASSAULT", [ent("ISR")], date="2024-03-13", mode="aerial",
                                     aux="future")), "strict")


def test_duplicates_are_false_positives(tmp_path: Path) -> None:
    gold_rows, pred_rows = CASES["duplicate_predictions"]
    gold = write_jsonl(tmp_path / "g.jsonl", gold_rows)
    rep = score_file(gold, pred_rows)
    assert (rep["core"]["tp"], rep["core"]["fp"], rep["core"]["fn"]) == (1, 1, 0)
    assert rep["core"]["p"] == 0.5 and rep["core"]["f1"] == 0.6667


def test_negation_is_out_of_core_but_in_strict(tmp_path: Path) -> None:
    gold_rows, pred_rows = CASES["negation_aux"]
    gold = write_jsonl(tmp_path / "g.jsonl", gold_rows)
    rep = score_file(gold, pred_rows)
    assert (rep["core"]["tp"], rep["core"]["fp"], rep["core"]["fn"]) == (1, 0, 0)
    assert rep["strict"]["tp"] == 2  # negated ASSAULT and hypothetical PROTEST; THREATEN lacks "future"
    assert rep["core_by_type"]["THREATEN"]["tp"] == 1


def test_bad_gold_line_raises_eval_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "x", "events": []}\n{"doc": "y"}\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.jsonl:2"):
        load_gold(bad)
    with pytest.raises(EvalError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")


def test_format_report_lists_levels_and_types(tmp_path: Path) -> None:
    gold_rows, pred_rows = CASES["documents_and_languages"]
    text = format_report(score_file(write_jsonl(tmp_path / "g.jsonl", gold_rows), pred_rows))
    assert text.splitlines()[0].startswith("core    P=")
    assert "type  THREATEN" in text and "lang  fa" in text


@pytest.mark.shared
@needs_shared
def test_agrees_with_reference_on_pipeline_output_for_the_seeds(tmp_path: Path) -> None:
    from khabar.eval.gate import pipeline_events

    gold = SHARED / "gold" / "seeds.jsonl"
    pred = write_jsonl(tmp_path / "pred.jsonl", list(pipeline_events([SHARED / "seeds"])))
    assert ours(gold, pred) == reference_report(gold, pred)
