"""Shared helpers: run the real CLI, read a store, check that what is stored is whole and consistent."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from khabar.cli import cli
from khabar.store.db import Store

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".venv" / "bin" / "khabar"
KHABAR = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "from khabar.cli import main; main()"]


def invoke(*args: str, env: Mapping[str, str] | None = None) -> Result:
    """Run a khabar command in-process (real CLI, real DuckDB file)."""
    return CliRunner().invoke(cli, list(args), env=dict(env or {}), catch_exceptions=False)


def spawn(*args: str, env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
    """Start a khabar command as a separate process (stdout/stderr captured)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen(
        [*KHABAR, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env, cwd=ROOT
    )


def table_counts(db: Path) -> dict[str, int]:
    """Row counts of every table except the runs log and meta."""
    with Store(db, read_only=True) as s:
        return {k: v for k, v in s.counts().items() if k not in ("runs", "meta")}


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows of a query on a store opened read-only."""
    with Store(db, read_only=True) as s:
        return s.query(sql)[1]


def check_whole(db: Path) -> None:
    """No half-written document: every document has stories and sentences inside its text; nothing dangles."""
    docs = dict(rows(db, "SELECT doc_key, length(text) FROM documents"))
    stories = rows(db, 'SELECT doc_key, "start", "end" FROM stories')
    sentences = rows(db, 'SELECT doc_key, "start", "end" FROM sentences')
    assert {k for k, *_ in stories} == set(docs), "a document without stories, or stories without a document"
    assert {k for k, *_ in sentences} == set(docs), "a document without sentences, or sentences without a document"
    for key, start, end in sentences:
        assert 0 <= start < end <= docs[key]
    for table in ("mentions", "events"):
        orphans = rows(db, f"SELECT count(*) FROM {table} WHERE doc_key NOT IN (SELECT doc_key FROM documents)")
        assert orphans == [(0,)], f"{table} rows without their document"


def check_offsets(db: Path) -> None:
    """Every stored span (sentence, mention, event evidence) points into its document's raw text."""
    texts = dict(rows(db, "SELECT doc_key, text FROM documents"))
    for key, start, end in rows(db, 'SELECT doc_key, "start", "end" FROM sentences'):
        text = texts[key]
        assert isinstance(text, str) and 0 <= start < end <= len(text)
    for key, start, end, mtext in rows(db, 'SELECT doc_key, "start", "end", text FROM mentions'):
        assert texts[key][start:end] == mtext
    for key, start, end, evidence in rows(db, "SELECT doc_key, evidence_start, evidence_end, evidence FROM events"):
        assert texts[key][start:end] == evidence
