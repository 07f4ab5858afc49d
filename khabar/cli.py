"""The edge: commands, exit codes, progress and error messages.

Exit codes: 0 done; 1 unexpected error; 2 bad usage or source; 3 bad data file;
4 store unavailable; 5 quality gate failed; 6 run completed with rejects.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from khabar import __version__
from khabar.edge import F, db_option, edge
from khabar.store import queries
from khabar.store.db import Store

EXIT_REJECTS = 6

err = Console(stderr=True)
out = Console()


def filter_options(fn: F) -> F:
    """Event filters shared by `events` and `export`."""
    opts = [
        click.option("--type", "event", help="PLOVER event type, e.g. CONSULT."),
        click.option("--code", help="Actor or recipient code, e.g. RUS."),
        click.option("--actor", help="Actor or recipient name (substring, case-insensitive)."),
        click.option("--lang", type=click.Choice(["fa", "ar"]), help="Document language."),
        click.option("--doc", help="Document id."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Events on or after this day."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Events on or before this day."),
        click.option("--text", help="Substring of the evidence text."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def make_filter(limit: int | None = None, **kw: Any) -> queries.EventFilter:
    """An EventFilter from CLI options."""
    for k in ("since", "until"):
        if kw.get(k) is not None:
            kw[k] = kw[k].date()
    return queries.EventFilter(limit=limit, **kw)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="khabar")
def cli() -> None:
    """khabar: political event data (PLOVER) from Persian and Arabic news."""


@cli.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--batch-size", default=2000, show_default=True, help="Documents per transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a local cluster).")
@click.option("--keep-parquet", type=click.Path(file_okay=False, path_type=Path),
              help="Dask: leave Parquet partitions in DIR (read in place) instead of loading them.")  # fmt: skip
@click.option("--max-doc-chars", type=click.IntRange(min=1), help="Reject documents longer than this (characters).")
@click.option("--max-line-chars", type=click.IntRange(min=1), help="Reject lines/records longer than this.")
@click.option("--doc-seconds", type=click.FloatRange(min=0), help="Per-document time budget, 0 = none.")
@click.option("--wait", "lock_wait", type=click.FloatRange(min=0), help="Seconds to wait for a busy store.")
@click.option("--no-fuse", is_flag=True, help="Skip cross-document fusion after the run (`khabar fuse` does it).")
@edge
def run(
    sources: tuple[Path, ...], db: Path, batch_size: int, quiet: bool,
    workers: int, engine: str, scheduler: str | None, keep_parquet: Path | None,
    max_doc_chars: int | None, max_line_chars: int | None, doc_seconds: float | None, lock_wait: float | None,
    no_fuse: bool,
) -> None:  # fmt: skip
    """Read SOURCES (folders, .txt/.html, JSONL(.gz), CSV, Parquet, WARC), code events, store them."""
    from khabar.engines import local
    from khabar.ingest import check_sources, estimate_records
    from khabar.settings import Limits, Settings

    check_sources(sources)
    limits = Limits.from_env()
    if max_doc_chars is not None:
        limits = dataclasses.replace(limits, max_document_chars=max_doc_chars)
    if max_line_chars is not None:
        limits = dataclasses.replace(limits, max_line_chars=max_line_chars)
    if doc_seconds is not None:
        limits = dataclasses.replace(limits, document_seconds=doc_seconds)
    settings = Settings(limits=limits, batch_size=batch_size)
    total = estimate_records(sources)
    with Store(db, wait=lock_wait) as store:
        progress = Progress(
            TextColumn("[bold]khabar run"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.0f} docs/s"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=err,
            disable=quiet or not err.is_terminal,
        )
        with progress:
            task = progress.add_task("run", total=total, rate=0.0)

            def advance(n: int) -> None:
                progress.advance(task, n)
                speed = progress.tasks[0].speed
                progress.update(task, rate=speed or 0.0)

            try:
                if engine == "dask":
                    from khabar.engines import dask_engine

                    summary = dask_engine.run([str(s) for s in sources], store, settings, advance,
                                              scheduler=scheduler, workers=workers, keep_parquet=keep_parquet,
                                              )  # fmt: skip
                else:
                    summary = local.run([str(s) for s in sources], store, settings, advance, workers=workers)
            except KeyboardInterrupt:
                err.print("[yellow]interrupted[/]: batches written so far are kept; run again to complete.")
                sys.exit(130)
        print_summary(summary, db)
        if not no_fuse and keep_parquet is None:
            from khabar.fuse import update

            err.print("  " + update(store, settings).summary())
    if summary.rejected:
        sys.exit(EXIT_REJECTS)


def print_summary(summary: Any, db: Path) -> None:
    """The final summary of a run, on stderr."""
    rate = summary.records / summary.seconds if summary.seconds else 0.0
    err.print(
        f"[bold]{summary.status}[/] in {summary.seconds:.1f}s ({rate:.0f} records/s) -> {db}\n"
        f"  records read {summary.records}, documents stored {summary.stored}, "
        f"already in store {summary.skipped}, rejected {summary.rejected}\n"
        f"  stories {summary.stories}, events {summary.events}"
    )
    for reason, n in summary.reasons.most_common():
        err.print(f"  rejected [red]{reason}[/]: {n}  (see `khabar rejects --reason {reason} --db {db}`)")


def short(codes: Sequence[str] | None, names: Sequence[str | None] | None) -> str:
    """Actors as 'Name (CODE)' joined."""
    parts = []
    for c, n in zip(codes or [], names or [], strict=False):
        parts.append(f"{n} ({c})" if n else str(c))
    return ", ".join(parts)


@cli.command()
@db_option
@filter_options
@click.option("--limit", default=100, show_default=True, help="At most this many events (0: all).")
@click.option("--json", "as_json", is_flag=True, help="PLOVER JSONL (the default when stdout is not a terminal).")
@click.option("--table", "as_table", is_flag=True, help="A table even when stdout is not a terminal.")
@edge
def events(db: Path, limit: int, as_json: bool, as_table: bool, **kw: Any) -> None:
    """Show stored events as a table (or JSONL when piped)."""
    f = make_filter(limit=limit or None, **kw)
    with Store(db, read_only=True) as store:
        if as_json or not (as_table or out.is_terminal):
            for obj in queries.plover_events(store, f):
                click.echo(json.dumps(obj, ensure_ascii=False))
            return
        _, rows = queries.events(store, f)
    table = Table(title=f"{len(rows)} events in {db}", show_lines=False)
    for col in ("date", "event", "mode", "actor", "recipient", "aux", "doc", "evidence"):
        table.add_column(col, overflow="fold")
    for d, ev, mode, aux, ac, an, rc, rn, _lang, doc, evid, _id in rows:
        table.add_row(
            str(d or "-"), ev, mode or "", short(ac, an), short(rc, rn), aux or "", doc, (evid or "")[:90]
        )
    (out if out.is_terminal else Console(width=200)).print(table)


@cli.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(queries.EXPORT_FORMATS), default="plover", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output file (default stdout).")
@edge
def export(db: Path, fmt: str, output: Path | None, **kw: Any) -> None:
    """Export events as PLOVER JSONL, CSV or Parquet."""
    f = make_filter(**kw)
    with Store(db, read_only=True) as store:
        if output is None:
            if fmt != "plover":
                raise click.UsageError(f"--format {fmt} needs -o PATH")
            for obj in queries.plover_events(store, f):
                click.echo(json.dumps(obj, ensure_ascii=False))
            return
        n = queries.export(store, fmt, output, f)
    err.print(f"exported {n} events to {output}")


@cli.command()
@db_option
@click.option("--reason", help="Only rejects of this reason.")
@click.option("--limit", default=50, show_default=True, help="At most this many (0: all).")
@click.option("--json", "as_json", is_flag=True, help="JSONL (the default when stdout is not a terminal).")
@edge
def rejects(db: Path, reason: str | None, limit: int, as_json: bool) -> None:
    """Show records that were rejected, with their reasons."""
    with Store(db, read_only=True) as store:
        names, rows = queries.rejects(store, reason, limit or None)
        totals = queries.reject_counts(store)
    if as_json or not out.is_terminal:
        for row in rows:
            click.echo(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, default=str))
        return
    err.print("rejects by reason: " + (", ".join(f"{r} {n}" for r, n in totals) or "none"))
    table = Table(*names[:5])
    for row in rows:
        table.add_row(*[str(v)[:80] if v is not None else "" for v in row[:5]])
    out.print(table)


@cli.command()
@db_option
@edge
def stats(db: Path) -> None:
    """Row counts of the store and its recent runs."""
    with Store(db, read_only=True) as store:
        counts = store.counts()
        names, runs = store.query(
            "SELECT run_id, status, records, stored, skipped, rejected, events, round(seconds, 1) "
            "FROM runs ORDER BY run_id DESC LIMIT 10"
        )
    out.print(", ".join(f"{k} {v}" for k, v in counts.items() if k != "meta"))
    table = Table(*names)
    for r in runs:
        table.add_row(*[str(v) for v in r])
    out.print(table)


def _register_components() -> None:
    """Commands that live with their component (eval, serve, bench, fuse)."""
    import importlib

    for module, attr, name in (
        ("khabar.eval.command", "eval_command", "eval"),
        ("khabar.serve.command", "serve_command", "serve"),
        ("khabar.bench", "bench_command", "bench"),
        ("khabar.fuse.command", "fuse_command", "fuse"),
        ("khabar.fuse.command", "show_command", "show"),
        ("khabar.fuse.command", "reprocess_command", "reprocess"),
        ("khabar.fuse.command", "export_fused_command", "export-fused"),
    ):
        cli.add_command(getattr(importlib.import_module(module), attr), name)


_register_components()


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="khabar")

