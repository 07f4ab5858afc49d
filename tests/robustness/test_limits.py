"""Limits as settings (environment overrides) and the per-document time budget."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from khabar.engines import local
from khabar.engines.local import Budget
from khabar.errors import UsageError
from khabar.ingest import read_sources
from khabar.model import DocResult, Document, Reject, RejectReason
from khabar.settings import Limits, Settings, lock_wait
from tests.robustness.corpus import fa_text


def test_limits_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_MAX_DOCUMENT_CHARS", "1000")
    monkeypatch.setenv("KHABAR_DOCUMENT_SECONDS", "2.5")
    monkeypatch.setenv("KHABAR_LOCK_WAIT", "3")
    assert Settings().limits == Limits(max_document_chars=1000, document_seconds=2.5)
    assert lock_wait() == 3.0


@pytest.mark.parametrize("value", ["ten", "-1"])
def test_a_bad_limit_in_the_environment_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("KHABAR_MAX_LINE_CHARS", value)
    with pytest.raises(UsageError, match="KHABAR_MAX_LINE_CHARS"):
        Limits.from_env()


def test_document_and_line_limits_reject_with_their_reason(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    recs = [{"id": "ok", "text": fa_text(1)}, {"id": "big", "text": fa_text(2) * 20}, {"id": "line", "text": "x" * 300}]
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    limits = Limits(max_document_chars=1000, max_line_chars=250)
    reasons = [r.reason if isinstance(r, Reject) else "doc" for r in read_sources([src], limits)]
    assert reasons == ["doc", RejectReason.LINE_TOO_LONG, RejectReason.LINE_TOO_LONG]
    limits = Limits(max_document_chars=1000, max_line_chars=5000)
    reasons = [r.reason if isinstance(r, Reject) else "doc" for r in read_sources([src], limits)]
    assert reasons == ["doc", RejectReason.TOO_LARGE, "doc"]


def test_a_lone_text_line_over_the_limit_is_rejected(tmp_path: Path) -> None:
    src = tmp_path / "one.txt"
    src.write_text(fa_text(1) + "\n" + "ب" * 600 + "\n" + fa_text(2), encoding="utf-8")
    (out,) = read_sources([src], Limits(max_line_chars=500))
    assert isinstance(out, Reject) and out.reason is RejectReason.LINE_TOO_LONG and "600" in out.detail


def slow(seconds: float) -> object:
    """A stand-in for the pipeline that takes ``seconds`` (interruptible, like Python code in a stage)."""

    def process(doc: Document) -> DocResult | Reject:
        time.sleep(seconds)
        return Reject(doc.origin, RejectReason.EMPTY, "slow stand-in finished")

    return process


def test_budget_stops_a_slow_document_and_the_next_one_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    budget = Budget(0.2)
    budget.warm = True
    with budget.installed():
        monkeypatch.setattr(local, "process", slow(5))
        started = time.perf_counter()
        out = budget.process(Document("d1", "x"))
        assert time.perf_counter() - started < 2
        assert isinstance(out, Reject) and out.reason is RejectReason.TIMEOUT and "budget 0.2s" in out.detail
        monkeypatch.setattr(local, "process", slow(0.01))
        out = budget.process(Document("d2", "x"))
        assert isinstance(out, Reject) and out.reason is RejectReason.EMPTY
        time.sleep(0.3)  # a disarmed alarm never fires later


def test_first_document_may_also_load_the_language_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Budget, "loaded", set())
    budget = Budget(0.05)
    with budget.installed():
        monkeypatch.setattr(local, "process", slow(0.2))
        out = budget.process(Document("d1", "x"))
        assert isinstance(out, Reject) and out.reason is RejectReason.EMPTY
        out = budget.process(Document("d2", "x"))
        assert isinstance(out, Reject) and out.reason is RejectReason.TIMEOUT


def test_zero_budget_means_no_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    budget = Budget(0)
    budget.warm = True
    monkeypatch.setattr(local, "process", slow(0.1))
    with budget.installed():
        out = budget.process(Document("d1", "x"))
    assert isinstance(out, Reject) and out.reason is RejectReason.EMPTY


def test_later_budgets_of_a_warm_process_get_no_allowance(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Budget, "loaded", {"?"})
    budget = Budget(0.05)
    monkeypatch.setattr(local, "process", slow(0.3))
    with budget.installed():
        out = budget.process(Document("d1", "x"))
    assert isinstance(out, Reject) and out.reason is RejectReason.TIMEOUT


def test_each_languages_first_document_may_load_its_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Persian document after an Arabic one still gets the warm-up allowance (its data loads then)."""
    monkeypatch.setattr(Budget, "loaded", {"ar"})
    budget = Budget(0.05)
    with budget.installed():
        monkeypatch.setattr(local, "process", slow(0.2))
        out = budget.process(Document("d1", "پوتین با اردوغان در آنکارا دیدار و گفت‌وگو کرد."))
        assert isinstance(out, Reject) and out.reason is RejectReason.EMPTY
        out = budget.process(Document("d2", "بحث الرئيس الروسي مع نظيره التركي الوضع في سوريا."))
        assert isinstance(out, Reject) and out.reason is RejectReason.TIMEOUT
