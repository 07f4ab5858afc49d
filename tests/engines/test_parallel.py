"""The local engine's worker pool: same results as one process, in order, resumable after an interrupt."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.engines import local, parallel
from khabar.ingest import read_sources
from khabar.model import DocResult, Reject
from khabar.settings import Settings
from khabar.store.db import Store
from tests.engines.helpers import EXAMPLES, difference, generate, table_rows


def test_chunks_keeps_order_and_sizes() -> None:
    got = list(parallel.chunks(iter(range(7)), 3))
    assert got == [[0, 1, 2], [3, 4, 5], [6]]


def test_context_is_not_fork() -> None:
    assert parallel.context().get_start_method() in ("forkserver", "spawn")


def test_slim_drops_the_folded_text() -> None:
    doc = next(d for d in read_sources([EXAMPLES]) if not isinstance(d, Reject))
    out = parallel.run_chunk([doc], 10.0, with_timer=True)
    res = out.outs[0]
    assert isinstance(res, DocResult) and res.analysis._folded is None
    assert out.seconds["text"] > 0 and out.rss_mb > 0


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The examples plus 100 generated records (with repeats and bad lines)."""
    path = tmp_path_factory.mktemp("gen") / "gen.jsonl"
    generate(path, 100)
    return [str(EXAMPLES), str(path)]


class Interrupt:
    """A progress callback that raises KeyboardInterrupt (like Ctrl-C) after ``after`` records."""

    def __init__(self, after: int) -> None:
        self.after, self.seen = after, 0

    def __call__(self, n: int) -> None:
        self.seen += n
        if self.seen >= self.after:
            raise KeyboardInterrupt


def test_two_workers_store_what_one_process_stores_and_resume_after_ctrl_c(inputs: list[str], tmp_path: Path) -> None:
    settings = Settings(batch_size=25)
    with Store(tmp_path / "one.duckdb") as store:
        one = local.run(inputs, store, settings)
    with Store(tmp_path / "two.duckdb") as store, pytest.raises(KeyboardInterrupt):
        local.run(inputs, store, settings, Interrupt(70), workers=2)
    with Store(tmp_path / "two.duckdb") as store:
        part = store.counts()["documents"]
        assert 25 <= part < one.stored
        again = local.run(inputs, store, settings)  # resumed (in this process: the pool's part is compared below)
    assert again.skipped >= part  # stored documents are not processed again
    assert again.stored == one.stored - part
    assert not difference(table_rows(tmp_path / "two.duckdb"), table_rows(tmp_path / "one.duckdb"))
