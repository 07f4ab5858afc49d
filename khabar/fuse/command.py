"""``khabar fuse``, ``khabar show``, ``khabar reprocess`` and ``khabar export-fused`` (registered by the CLI)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from khabar.edge import F, db_option, edge
from khabar.errors import StoreError
from khabar.fuse.engine import update
from khabar.fuse.export import FORMATS, export, plover_objects
from khabar.fuse.reprocess import reprocess
from khabar.fuse.settings import FusionSettings
from khabar.fuse.show import details, render
from khabar.store.db import Store

PROGRESS_SECONDS = 10.0


def window_option(fn: F) -> F:
    """The --window-days option."""
    return click.option("--window-days", type=click.IntRange(min=0), default=None,
                        help="An undated report joins an event dated up to N days before it "
                             "(default 3, or KHABAR_FUSE_WINDOW_DAYS).")(fn)  # fmt: skip


def existing(db: Path) -> Path:
    """The store path, which must exist (fusing or reprocessing never creates an empty store)."""
    if not db.exists():
        raise StoreError(f"no store at {db}: run `khabar run SOURCE --db {db}` first")
    return db


@click.command("fuse")
@db_option
@window_option
@click.option("--rebuild", is_flag=True, help="Forget the fused events and fuse the whole store again.")
@edge
def fuse_command(db: Path, window_days: int | None, rebuild: bool) -> None:
    """Fuse the story-level events that are new in the store into corpus-level events."""
    with Store(existing(db)) as store:
        report = update(store, FusionSettings.from_env(window_days), rebuild=rebuild)
    click.echo(report.summary(), err=True)


@click.command("show")
@click.argument("event_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The fused event and its mentions as one JSON object.")
@edge
def show_command(event_id: str, db: Path, as_json: bool) -> None:
    """Show a fused event (or the one a story-level event belongs to) with every mention and why it joined."""
    with Store(db, read_only=True) as store, store.session() as con:
        d = details(con, event_id)
    if as_json:
        click.echo(json.dumps(d, ensure_ascii=False, default=str, indent=1))
    else:
        click.echo(render(d))


@click.command("reprocess")
@db_option
@window_option
@click.option("--batch-size", type=click.IntRange(min=1), default=200, show_default=True,
              help="Documents replaced per transaction.")  # fmt: skip
@edge
def reprocess_command(db: Path, window_days: int | None, batch_size: int) -> None:
    """Re-extract every stored document with the current code and lexicons, re-fuse, report what changed."""
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.monotonic() - last[0] >= PROGRESS_SECONDS or done == total:
            last[0] = time.monotonic()
            click.echo(f"reprocessed {done}/{total} documents", err=True)

    with Store(existing(db)) as store:
        report = reprocess(store, FusionSettings.from_env(window_days), batch_size=batch_size, progress=progress)
    click.echo(report.summary())


@click.command("export-fused")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="plover", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default stdout for plover); CSV/Parquet also write its .mentions twin.")  # fmt: skip
@edge
def export_fused_command(db: Path, fmt: str, output: Path | None) -> None:
    """Export fused events with their mentions: PLOVER JSONL, or events + mentions tables (CSV, Parquet)."""
    with Store(db, read_only=True) as store, store.session() as con:
        if output is None:
            if fmt != "plover":
                raise click.UsageError(f"--format {fmt} needs -o PATH")
            for obj in plover_objects(con):
                click.echo(json.dumps(obj, ensure_ascii=False))
            return
        n, m = export(con, fmt, output)
    click.echo(f"exported {n} fused events with {m} mentions to {output}", err=True)
