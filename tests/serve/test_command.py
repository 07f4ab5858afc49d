"""`khabar serve` as a command: refuses a missing store before binding; help names the safe defaults."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from khabar.serve.app import loopback
from khabar.serve.command import serve_command


def test_missing_store_exits_with_store_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve_command, ["--db", str(tmp_path / "none.duckdb"), "--port", "0"])
    assert result.exit_code == 4 and "no store" in result.output


def test_defaults_are_safe() -> None:
    result = CliRunner().invoke(serve_command, ["--help"])
    assert result.exit_code == 0 and "127.0.0.1" in result.output and "--token" in result.output
    assert loopback("127.0.0.1") and loopback("::1") and not loopback("0.0.0.0")
