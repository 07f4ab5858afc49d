"""The quality gate: drops, changed gold, baseline updates, and the CI gate on seeds + GSR dev."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.errors import EvalError, QualityGateError
from khabar.eval.gate import (
    BASELINE_PATH,
    GateInputs,
    check,
    drops,
    gold_hash,
    load_baseline,
    run_gate,
    update_baseline,
)

SHARED = Path(__file__).parents[2].parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "gold" / "seeds.jsonl").is_file(), reason="../shared is absent")


def test_drops_report_falls_beyond_tolerance_and_missing_scores() -> None:
    base = {"a": 0.80, "b": 0.50, "c": 0.40}
    now = {"a": 0.795, "b": 0.45}
    out = drops(now, base, 0.01)
    assert len(out) == 2
    assert out[0].startswith("b: 0.4500 < baseline 0.5000") and out[1].startswith("c: missing")
    assert drops({"a": 0.9, "b": 0.5, "c": 0.4}, base, 0.01) == []


def test_check_passes_then_fails_on_drop_and_on_changed_gold(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    update_baseline({"gsr.ASSAULT.f1": 0.6, "seeds.core.f1": 0.5}, "h1", path)
    assert check({"gsr.ASSAULT.f1": 0.6, "seeds.core.f1": 0.495}, "h1", path)["gold_hash"] == "h1"
    with pytest.raises(QualityGateError, match=r"gsr\.ASSAULT\.f1"):
        check({"gsr.ASSAULT.f1": 0.55, "seeds.core.f1": 0.5}, "h1", path)
    with pytest.raises(QualityGateError, match="gold files changed"):
        check({"gsr.ASSAULT.f1": 0.6, "seeds.core.f1": 0.5}, "h2", path)


def test_update_writes_rounded_scores_and_tolerance(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    update_baseline({"x": 0.123456}, "abc", path, tolerance=0.02)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {"gold_hash": "abc", "tolerance": 0.02, "scores": {"x": 0.1235}}


def test_bad_baseline_raises_eval_error(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text('{"scores": {}}', encoding="utf-8")
    with pytest.raises(EvalError, match="gold_hash"):
        load_baseline(tmp_path / "b.json")
    with pytest.raises(EvalError, match="unreadable"):
        load_baseline(tmp_path / "missing.json")


def test_gold_hash_changes_with_any_gold_byte(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("متن", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a.txt", "events": []}\n', encoding="utf-8")
    gsr = tmp_path / "gsr.jsonl"
    gsr.write_text("", encoding="utf-8")
    inputs = GateInputs(gold, tmp_path / "seeds", gsr)
    before = gold_hash(inputs)
    (tmp_path / "seeds" / "a.txt").write_text("متن دیگر", encoding="utf-8")
    assert gold_hash(inputs) != before


def test_committed_baseline_is_well_formed() -> None:
    data = load_baseline(BASELINE_PATH)
    assert {"seeds.core.f1", "seeds.strict.f1", "gsr.ASSAULT.f1", "gsr.PROTEST.f1"} <= set(data["scores"])
    assert 0 < float(data["tolerance"]) <= 0.05


@pytest.mark.shared
@needs_shared
def test_quality_gate_on_seeds_and_gsr_dev(tmp_path: Path) -> None:
    """The CI gate: fresh seed and GSR-dev scores must not fall below the committed baseline."""
    inputs = GateInputs.from_shared(SHARED)
    scores = run_gate(inputs, BASELINE_PATH)
    raised = load_baseline(BASELINE_PATH)
    raised["scores"] = {k: v + 0.05 for k, v in raised["scores"].items()}
    higher = tmp_path / "higher.json"
    higher.write_text(json.dumps(raised), encoding="utf-8")
    with pytest.raises(QualityGateError, match="quality gate failed"):
        check(scores, raised["gold_hash"], higher)
