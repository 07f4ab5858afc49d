"""Shared fixtures: the repo's examples and ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip tests marked `shared` when ../shared is not beside the project."""
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason="../shared is not present")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def examples() -> Path:
    """The bundled example documents (copies of the five seeds)."""
    return EXAMPLES


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (tests using it are marked `shared`)."""
    return SHARED
