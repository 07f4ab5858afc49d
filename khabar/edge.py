"""The command-line edge shared by every command: typed errors -> one message and an exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from khabar.errors import KhabarError

F = TypeVar("F", bound=Callable[..., Any])
DEFAULT_DB = "khabar.duckdb"


def edge(fn: F) -> F:
    """Turn khabar's typed errors into a one-line message on stderr and the error's exit code."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KhabarError as exc:
            click.echo(f"error ({exc.code}): {exc}", err=True)
            sys.exit(exc.exit_code)

    return cast(F, wrapper)


def db_option(fn: F) -> F:
    """The --db option every store command takes."""
    return click.option(
        "--db",
        "db",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="DuckDB store file.",
    )(fn)
