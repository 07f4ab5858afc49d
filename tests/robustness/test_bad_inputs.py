"""Bad input through the real CLI into a real DuckDB file: good records stored, each bad one a specific reject."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from khabar.cli import EXIT_REJECTS
from khabar.model import Document
from khabar.pipeline import process
from tests.robustness.corpus import CASES, Case, ar_text, fa_text
from tests.robustness.helpers import check_offsets, check_whole, invoke, rows, spawn, table_counts


def run_case(name: str, tmp_path: Path) -> tuple[Case, Path, str, int]:
    """Build a case's source folder, run `khabar run` on it; return the case, the db, stderr and exit code."""
    src = tmp_path / "src"
    src.mkdir()
    expected = CASES[name](src)
    db = tmp_path / "k.duckdb"
    if expected.process:
        proc = spawn("run", str(src), "--db", str(db), "-q", env=expected.env)
        _, err = proc.communicate(timeout=120)
        return expected, db, err, proc.returncode
    res = invoke("run", str(src), "--db", str(db), "-q", env=expected.env)
    return expected, db, res.stderr, res.exit_code


@pytest.fixture(scope="module", autouse=True)
def warm() -> None:
    """Load the language data once, so that each case's time is its own."""
    process(Document("warm", fa_text(0) + "\n" + ar_text(1)))


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name: str, tmp_path: Path) -> None:
    started = time.thread_time()  # this thread only: DuckDB and left-over test threads use CPU too
    expected, db, stderr, code = run_case(name, tmp_path)
    assert time.thread_time() - started < 10, "a bad input must be rejected or processed in seconds (CPU)"
    reasons = Counter(r for (r,) in rows(db, "SELECT reason FROM rejects"))
    assert dict(reasons) == expected.rejects, stderr
    stored = table_counts(db)["documents"]
    if expected.stored >= 0:
        assert stored == expected.stored, stderr
    else:
        assert stored > 0
    assert code == (EXIT_REJECTS if expected.rejects else 0), stderr
    ((records, n_stored, n_rejected, status),) = rows(db, "SELECT records, stored, rejected, status FROM runs")
    assert (n_stored, n_rejected) == (stored, sum(expected.rejects.values()))
    assert records == stored + n_rejected
    assert status == ("completed_with_rejects" if expected.rejects else "completed")
    for reason, n in expected.rejects.items():
        assert f"rejected {reason}: {n}" in stderr
    stored_texts = {t for (t,) in rows(db, "SELECT text FROM documents")}
    for text in expected.texts:
        assert text in stored_texts
    check_whole(db)
    check_offsets(db)


def test_rejects_say_why(tmp_path: Path) -> None:
    _, db, _, _ = run_case("malformed_jsonl", tmp_path)
    details = [d for (d,) in rows(db, "SELECT detail FROM rejects ORDER BY origin")]
    assert all(d and len(d) > 10 for d in details)
    assert any("invalid JSON" in d for d in details)
    assert any("nested too deeply" in d for d in details)
    assert any("no 'text' field" in d for d in details)


def test_rerun_of_bad_input_adds_nothing(tmp_path: Path) -> None:
    _, db, _, _ = run_case("binary", tmp_path)
    before = table_counts(db)
    res = invoke("run", str(tmp_path / "src"), "--db", str(db), "-q")
    assert res.exit_code == EXIT_REJECTS
    assert table_counts(db) == before


def test_chinese_only_text_is_an_unsupported_language(tmp_path: Path) -> None:
    src = tmp_path / "zh.txt"
    src.write_text("普京周一在莫斯科会见了土耳其总统。双方讨论了地区局势。" * 3, encoding="utf-8")
    db = tmp_path / "k.duckdb"
    invoke("run", str(src), "--db", str(db), "-q")
    assert rows(db, "SELECT reason FROM rejects") == [("unsupported_language",)]
