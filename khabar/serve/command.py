"""`khabar serve`: the API and dashboard over a store, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from khabar.errors import StoreError
from khabar.serve.app import MAX_BODY, create_app, loopback
from khabar.serve.guard import LOOPBACK_HOSTS
from khabar.store.db import Store

TOKEN_ENV = "KHABAR_TOKEN"


@click.command("serve")
@click.option("--db", "db", default="khabar.duckdb", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="DuckDB store file.")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--token", default=None, help=f"Accept POST /api/documents with this bearer token (or ${TOKEN_ENV}).")
@click.option("--max-body", default=MAX_BODY, show_default=True, type=click.IntRange(1), help="Request size limit.")
def serve_command(db: Path, host: str, port: int, token: str | None, max_body: int) -> None:
    """Serve the store: REST API under /api (OpenAPI at /openapi.json) and the dashboard at /."""
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    try:
        Store(db, read_only=True).close()
    except StoreError as exc:
        click.echo(f"error ({exc.code}): {exc}", err=True)
        sys.exit(exc.exit_code)
    app = create_app(db, token=token, max_body=max_body, allowed_hosts=LOOPBACK_HOSTS if loopback(host) else None)
    mode = "read-write (token set)" if token else "read-only"
    click.echo(f"khabar serve: {db} ({mode}) on http://{host}:{port}/", err=True)
    if not loopback(host):
        click.echo("warning: not bound to loopback; anyone who can reach this address can read the store", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
