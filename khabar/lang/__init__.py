"""Language data: YAML files under ``khabar/lang/<code>/``, validated on load.

Every file is a mapping with a ``source`` (where the list came from) and the keys its
schema allows. Stages ask for a file by language and name; a bad file raises
``DataError`` naming the file and the problem, never a silent skip.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from khabar.errors import DataError

LANG_DIR = Path(__file__).parent
DATA_DIR = LANG_DIR.parent / "data"
LANGS: tuple[str, ...] = ("fa", "ar")


@cache
def read_yaml(path: Path) -> Any:
    """Parse one YAML file, raising DataError when it is missing or unparsable."""
    if not path.is_file():
        raise DataError(f"data file missing: {path}")
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.safe_load(f)
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}") from exc


def check_keys(where: str, item: Mapping[str, Any], required: Sequence[str], allowed: Sequence[str]) -> None:
    """Raise DataError when ``item`` lacks a required key or has one not allowed."""
    if not isinstance(item, Mapping):
        raise DataError(f"{where}: expected a mapping, got {type(item).__name__}")
    missing = [k for k in required if k not in item]
    if missing:
        raise DataError(f"{where}: missing key(s) {missing}")
    extra = [k for k in item if k not in allowed and k not in required]
    if extra:
        raise DataError(f"{where}: unknown key(s) {extra}; allowed: {sorted(set(required) | set(allowed))}")


def load(lang: str, name: str) -> dict[str, Any]:
    """Load ``khabar/lang/<lang>/<name>.yaml`` (a mapping with a ``source`` key)."""
    if lang not in LANGS:
        raise DataError(f"unknown language {lang!r}; known: {LANGS}")
    path = LANG_DIR / lang / f"{name}.yaml"
    data = read_yaml(path)
    if not isinstance(data, dict) or "source" not in data:
        raise DataError(f"{path}: expected a mapping with a 'source' key")
    return data


def load_data(*parts: str) -> Any:
    """Load a language-independent YAML file under ``khabar/data/``."""
    return read_yaml(DATA_DIR.joinpath(*parts))
