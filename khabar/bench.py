"""`khabar bench`: throughput, memory and time per stage of the full pipeline, against the I/O floor.

The same records are read twice: once for the I/O floor (read, decompress, parse and
nothing else) and once through the whole pipeline into a fresh temporary store. Rates
exclude the start-up (loading the language data, starting workers), which is reported
on its own line; time per stage is summed over workers.
"""

from __future__ import annotations

import cProfile
import io
import itertools
import json
import pstats
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click

import khabar
from khabar.edge import edge
from khabar.engines import parallel
from khabar.errors import SourceError, UsageError
from khabar.ingest import check_sources, file_kind, read_sources
from khabar.model import DocResult, Document, Reject
from khabar.pipeline import Timer, process
from khabar.settings import DEFAULT, Limits, Settings
from khabar.store.db import Store

TARGET_DOCS_PER_S = 300.0
TARGET_RSS_MB = 1024.0
WARM_PER_FILE = 2  # documents of each file processed before timing starts (loads every language's data)
MB = 1_000_000

Item = Document | Reject


def default_corpus() -> Path:
    """The shared corpus beside the project: ../shared/corpus."""
    return Path(khabar.__file__).resolve().parents[2] / "shared" / "corpus"


def source_files(sources: Sequence[Path]) -> list[Path]:
    """The input files of the sources (folders expanded, sorted, hidden and unknown files left out)."""
    files: list[Path] = []
    for src in sources:
        if src.is_dir():
            found = sorted(p for p in src.rglob("*") if p.is_file() and file_kind(p) is not None)
            files.extend(p for p in found if not any(part.startswith(".") for part in p.relative_to(src).parts))
        else:
            files.append(src)
    return files


def records(files: Sequence[Path], limit: int | None, limits: Limits) -> Iterator[Item]:
    """Every record of the files; with a limit, taken in turn from each file so that a sample stays mixed."""
    if limit is None:
        yield from read_sources(files, limits)
        return
    streams = [read_sources([f], limits) for f in files]
    n = 0
    while streams and n < limit:
        for s in list(streams):
            item = next(s, None)
            if item is None:
                streams.remove(s)
                continue
            yield item
            n += 1
            if n >= limit:
                return


def warm_sample(files: Sequence[Path], limits: Limits) -> list[Document]:
    """A few documents of each file, processed before timing so that every language's data is loaded."""
    out: list[Document] = []
    for f in files:
        docs = (i for i in read_sources([f], limits) if isinstance(i, Document))
        out.extend(itertools.islice(docs, WARM_PER_FILE))
    return out


class TimedIter:
    """Wraps an iterator of records, adding the seconds spent producing them and counting text bytes."""

    def __init__(self, items: Iterator[Item]) -> None:
        self.items = items
        self.seconds = 0.0
        self.records = 0
        self.documents = 0
        self.text_bytes = 0

    def __iter__(self) -> Iterator[Item]:
        while True:
            t = time.perf_counter()
            item = next(self.items, None)
            self.seconds += time.perf_counter() - t
            if item is None:
                return
            self.records += 1
            if isinstance(item, Document):
                self.documents += 1
                self.text_bytes += len(item.text.encode("utf-8", "surrogatepass"))
            yield item


@dataclass
class Floor:
    """The I/O floor: reading, decompressing and parsing only."""

    records: int = 0
    documents: int = 0
    mb: float = 0.0
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        """Documents per second."""
        return self.documents / self.seconds if self.seconds else 0.0


def io_floor(files: Sequence[Path], limit: int | None, limits: Limits) -> Floor:
    """Read the input and nothing else."""
    it = TimedIter(records(files, limit, limits))
    for _ in it:
        pass
    return Floor(it.records, it.documents, it.text_bytes / MB, it.seconds)


@dataclass
class Result:
    """What one pipeline run measured."""

    engine: str
    workers: int
    records: int = 0
    documents: int = 0
    stored: int = 0
    rejected: int = 0
    events: int = 0
    mb: float = 0.0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    startup_seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    parent_rss_mb: float = 0.0
    worker_rss_mb: list[float] = field(default_factory=list)

    def rate(self, n: float) -> float:
        """n per second of the timed run."""
        return n / self.seconds if self.seconds else 0.0

    @property
    def rate_cpu(self) -> float:
        """Documents per CPU-second of this process (what one core does when the machine is shared)."""
        return self.documents / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def peak_rss_mb(self) -> float:
        """Parent plus every worker at its peak (an upper bound of the run's total)."""
        return self.parent_rss_mb + sum(self.worker_rss_mb)


class Writer:
    """Writes results to the store in batches, timing the writes."""

    def __init__(self, store: Store, run_id: int, batch_size: int, res: Result) -> None:
        self.store, self.run_id, self.batch_size, self.res = store, run_id, batch_size, res
        self.results: list[DocResult] = []
        self.rejects: list[Reject] = []
        self.seconds = 0.0

    def add(self, out: DocResult | Reject) -> None:
        """Keep one result; write when the batch is full."""
        (self.rejects if isinstance(out, Reject) else self.results).append(out)  # type: ignore[arg-type]
        if len(self.results) + len(self.rejects) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write what is kept."""
        t = time.perf_counter()
        counts = self.store.write_batch(self.results, self.rejects, self.run_id)
        self.seconds += time.perf_counter() - t
        self.res.stored += counts.stored
        self.res.rejected += counts.rejected
        self.res.events += counts.events
        self.results.clear()
        self.rejects.clear()


def run_local(
    items: TimedIter,
    store: Store,
    res: Result,
    warm_docs: list[Document],
    batch_size: int,
    prof: cProfile.Profile | None,
) -> None:
    """The local engine's loop (in this process, or over a worker pool), timed."""
    writer = Writer(store, store.begin_run(["bench"]), batch_size, res)
    t = time.perf_counter()
    if res.workers <= 1:
        parallel.warm(warm_docs)
        res.startup_seconds = time.perf_counter() - t
        timer = Timer()
        started, cpu = time.perf_counter(), time.process_time()
        with _profiling(prof):
            for item in items:
                writer.add(item if isinstance(item, Reject) else process(item, timer))
            writer.flush()
        stage_seconds = timer.seconds
    else:
        with parallel.WorkerPool(res.workers, with_timer=True, warm_docs=warm_docs) as pool:
            pool.wait_ready()
            res.startup_seconds = time.perf_counter() - t
            started, cpu = time.perf_counter(), time.process_time()
            with _profiling(prof):
                for out in pool.map(items):
                    writer.add(out)
                writer.flush()
        stage_seconds = pool.timer.seconds
        res.worker_rss_mb = sorted(pool.rss_mb.values(), reverse=True)
    res.seconds = time.perf_counter() - started
    res.cpu_seconds = time.process_time() - cpu
    res.stages = {"read": items.seconds, **stage_seconds, "store": writer.seconds}


def run_dask(
    items: TimedIter, store: Store, res: Result, warm_docs: list[Document], scheduler: str | None, batch_size: int
) -> None:
    """The Dask engine over the same records, timed (a LocalCluster of ``workers`` processes unless a scheduler)."""
    from khabar.engines import dask_engine

    t = time.perf_counter()
    client, cluster = dask_engine.connect(scheduler, res.workers)
    try:
        dask_engine.warm_workers(client, warm_docs)
        res.startup_seconds = time.perf_counter() - t
        stats = dask_engine.DaskStats()
        started, cpu = time.perf_counter(), time.process_time()
        summary = dask_engine.run_items(items, ["bench"], store, client, with_timer=True, stats=stats)
        res.seconds = time.perf_counter() - started
        res.cpu_seconds = time.process_time() - cpu
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    res.stored, res.rejected, res.events = summary.stored, summary.rejected, summary.events
    res.workers = stats.workers or res.workers
    res.worker_rss_mb = sorted(stats.rss_mb.values(), reverse=True)
    res.stages = {"read": items.seconds, **stats.timer.seconds, "store": stats.store_seconds}


class _profiling:
    """Enable a profiler for the block (no-op without one)."""

    def __init__(self, prof: cProfile.Profile | None) -> None:
        self.prof = prof

    def __enter__(self) -> None:
        if self.prof:
            self.prof.enable()

    def __exit__(self, *exc: object) -> None:
        if self.prof:
            self.prof.disable()


def bench(
    sources: Sequence[Path],
    *,
    limit: int | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = 2000,
    prof: cProfile.Profile | None = None,
    settings: Settings = DEFAULT,
) -> tuple[Floor, Result]:
    """Measure the I/O floor and the full pipeline into a fresh temporary store on the same records."""
    files = source_files(sources)
    if not files:
        raise SourceError(f"no input files in {', '.join(map(str, sources))}")
    floor = io_floor(files, limit, settings.limits)
    res = Result(engine, workers)
    warm_docs = warm_sample(files, settings.limits)
    items = TimedIter(records(files, limit, settings.limits))
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        if engine == "dask":
            run_dask(items, store, res, warm_docs, scheduler, batch_size)
        else:
            run_local(items, store, res, warm_docs, batch_size, prof)
    res.records, res.documents, res.mb = items.records, items.documents, items.text_bytes / MB
    res.parent_rss_mb = parallel.peak_rss_mb()
    return floor, res


def report(files: Sequence[Path], floor: Floor, res: Result) -> list[str]:
    """The bench's output, as lines."""
    who = f"{res.workers} worker{'s' if res.workers != 1 else ''}"
    ratio = floor.docs_per_s / res.rate(res.documents) if res.documents and res.seconds else float("inf")
    total = sum(res.stages.values()) or 1.0
    rss = f"parent {res.parent_rss_mb:.0f} MB"
    if res.worker_rss_mb:
        rss += f", workers {', '.join(f'{m:.0f}' for m in res.worker_rss_mb)} MB, total {res.peak_rss_mb:.0f} MB"
    lines = [
        f"khabar bench: {res.records} records from {len(files)} file(s), engine {res.engine}, {who}",
        f"  I/O floor      {floor.documents} documents in {floor.seconds:.2f}s = {floor.docs_per_s:,.0f} docs/s, "
        f"{floor.mb / floor.seconds if floor.seconds else 0:.1f} MB/s",
        f"  pipeline       {res.documents} documents in {res.seconds:.2f}s = {res.rate(res.documents):,.1f} docs/s, "
        f"{res.rate(res.mb):.2f} MB/s, {res.rate(res.events):,.1f} events/s "
        f"({res.events} events, {res.stored} stored, {res.rejected} rejects)",
        f"  CPU            this process {res.cpu_seconds:.2f}s = {res.rate_cpu:,.1f} docs per CPU-second"
        f"{' (the parent only)' if res.workers > 1 or res.engine == 'dask' else ''}",
        f"  start-up       {res.startup_seconds:.1f}s (language data, workers; not in the rates); end to end with it "
        f"{res.documents / (res.seconds + res.startup_seconds) if res.seconds else 0:,.1f} docs/s",
        f"  floor / pipeline  {ratio:,.1f}x (the pipeline runs at {100 / ratio if ratio else 0:.1f}% of the I/O floor)",
        f"  peak RSS       {rss}",
        "  time per stage (seconds, summed over workers):",
    ]
    for name, s in res.stages.items():
        lines.append(f"    {name:<13}{s:9.2f}  {100 * s / total:5.1f}%  {1000 * s / max(res.documents, 1):7.2f} ms/doc")
    if res.engine == "local" and res.workers == 1:
        ok_rate = res.rate(res.documents) >= TARGET_DOCS_PER_S
        ok_rss = res.peak_rss_mb < TARGET_RSS_MB
        lines.append(
            f"  targets (one core): >= {TARGET_DOCS_PER_S:.0f} docs/s {'met' if ok_rate else 'NOT met'}; "
            f"peak RSS < {TARGET_RSS_MB:.0f} MB {'met' if ok_rss else 'NOT met'}"
        )
    return lines


def write_profile(prof: cProfile.Profile, path: Path) -> list[str]:
    """Save the profile (pstats format; `python -m pstats PATH` or snakeviz reads it) and summarise it."""
    prof.dump_stats(str(path))
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(15)
    body = [ln for ln in buf.getvalue().splitlines() if ln.strip()][-16:]
    return [f"profile written to {path}; top functions by own time:", *body]





@click.command("bench")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="At most N records, taken in turn from each file.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (default: a local cluster of --workers processes).")
@click.option("--batch-size", default=2000, show_default=True, help="Documents per store transaction.")
@click.option("--profile", "profile_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write a cProfile of the hot path (this process) to PATH.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print the measurements as JSON.")
@edge
def bench_command(
    sources: tuple[Path, ...],
    limit: int | None,
    workers: int,
    engine: str,
    scheduler: str | None,
    batch_size: int,
    profile_path: Path | None,
    as_json: bool,
) -> None:
    """Measure documents/s, MB/s, events/s, peak RSS and time per stage against the I/O floor.

    SOURCES default to ../shared/corpus beside the project.
    """
    if not sources:
        corpus = default_corpus()
        if not corpus.is_dir():
            raise SourceError(f"no corpus at {corpus}: pass SOURCE (a folder or files) to bench")
        sources = (corpus,)
    check_sources(sources)
    if scheduler and engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    if profile_path and (engine != "local" or workers > 1):
        click.echo("note: --profile covers this process only (with workers: reading, pickling, writing)", err=True)
    prof = cProfile.Profile() if profile_path else None
    files = source_files(sources)
    floor, res = bench(sources, limit=limit, workers=workers, engine=engine, scheduler=scheduler,
                       batch_size=batch_size, prof=prof)  # fmt: skip
    if as_json:
        click.echo(json.dumps({"floor": asdict(floor), "pipeline": asdict(res)}, indent=1))
    else:
        click.echo("\n".join(report(files, floor, res)))
    if prof and profile_path:
        click.echo("\n".join(write_profile(prof, profile_path)))
