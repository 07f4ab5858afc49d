"""Every agency alias in agencies.yaml resolves to its agency; the file is validated on load."""

from __future__ import annotations

from typing import Any

import pytest

from khabar.errors import DataError
from khabar.fuse.agencies import agency_of, origin_of, outlet_of, table, validate

ALIASES = [(name, alias) for name, aliases in table().items() for alias in aliases]


@pytest.mark.parametrize(("name", "alias"), ALIASES, ids=[f"{n}:{a}" for n, a in ALIASES])
def test_every_alias_names_its_agency(name: str, alias: str) -> None:
    assert agency_of(alias) == name


@pytest.mark.parametrize(("name", "alias"), ALIASES, ids=[f"{n}:{a}" for n, a in ALIASES])
def test_alias_inside_a_longer_citation(name: str, alias: str) -> None:
    assert agency_of(f"xyz {alias} (2024)") == name


@pytest.mark.parametrize("name", ["وزارت خارجه", "المتحدث باسم الوزارة", "", None, "Tassimo", "فارسی"])
def test_other_names_are_not_agencies(name: str | None) -> None:
    assert agency_of(name) is None


def test_outlet_prefers_a_known_agency() -> None:
    assert outlet_of("farsnews", None) == "Fars"
    assert outlet_of("aawsat", None) == "aawsat"
    assert outlet_of(None, "خبرگزاری ایرنا") == "IRNA"
    assert outlet_of(None, None) is None


def test_origin_leaves_out_the_outlet_citing_itself() -> None:
    o = origin_of("farsnews", "فارس", ["فارس", "به نقل از تاس", "رویترز", "تاس"])
    assert o.outlet == "Fars"
    assert o.relays == ("TASS", "Reuters")
    assert o.original == "TASS"
    assert origin_of("aawsat", None, []).original is None


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ({"agencies": {"TASS": ["تاس"]}}, "missing key"),
        ({"source": "x", "agencies": {}}, "non-empty mapping"),
        ({"source": "x", "agencies": {"TASS": []}}, "non-empty list"),
        ({"source": "x", "agencies": {"TASS": ["تاس"], "Other": ["تاس"]}}, "also an alias"),
        ({"source": "x", "agencies": {"TASS": ["تاس"]}, "extra": 1}, "unknown key"),
    ],
)
def test_malformed_files_raise(data: dict[str, Any], problem: str) -> None:
    with pytest.raises(DataError, match=problem):
        validate(data, "agencies.yaml")
