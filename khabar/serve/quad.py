"""PLOVER quad classes (verbal/material x cooperation/conflict), loaded from quad_classes.yaml and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from khabar.errors import DataError
from khabar.events.triggers import EVENT_TYPES
from khabar.lang import check_keys, read_yaml

QUAD_FILE = Path(__file__).with_name("quad_classes.yaml")
CLASS_KEYS = ("label", "polarity", "kind", "colour", "events")
POLARITIES = ("cooperation", "conflict")
KINDS = ("verbal", "material")


@dataclass(frozen=True, slots=True)
class QuadClass:
    """One quad class and its event types."""

    name: str
    label: str
    polarity: str
    kind: str
    colour: str
    events: tuple[str, ...]


def _quad_class(where: str, name: str, item: Any) -> QuadClass:
    """One validated class entry."""
    check_keys(where, item, CLASS_KEYS, ())
    if item["polarity"] not in POLARITIES or item["kind"] not in KINDS:
        raise DataError(f"{where}: polarity must be one of {POLARITIES} and kind one of {KINDS}")
    events = item["events"]
    if not isinstance(events, list) or not events:
        raise DataError(f"{where}: 'events' must be a non-empty list")
    unknown = [e for e in events if e not in EVENT_TYPES]
    if unknown:
        raise DataError(f"{where}: unknown PLOVER event type(s) {unknown}")
    colour = str(item["colour"])
    if not (colour.startswith("#") and len(colour) == 7):
        raise DataError(f"{where}: colour must be #rrggbb, got {colour!r}")
    return QuadClass(name, str(item["label"]), item["polarity"], item["kind"], colour, tuple(events))


def parse(data: Any, where: str = str(QUAD_FILE)) -> tuple[QuadClass, ...]:
    """Quad classes from parsed YAML; every PLOVER event type must be in exactly one class."""
    if not isinstance(data, dict) or "source" not in data or not isinstance(data.get("classes"), dict):
        raise DataError(f"{where}: expected a mapping with 'source' and 'classes'")
    classes = tuple(_quad_class(f"{where}: {name}", name, item) for name, item in data["classes"].items())
    seen = [e for c in classes for e in c.events]
    twice = sorted({e for e in seen if seen.count(e) > 1})
    missing = sorted(EVENT_TYPES - set(seen))
    if twice or missing:
        raise DataError(f"{where}: event types in two classes {twice}, in none {missing}")
    return classes


@lru_cache(maxsize=1)
def classes() -> tuple[QuadClass, ...]:
    """The quad classes shipped with khabar."""
    return parse(read_yaml(QUAD_FILE))


def by_name(name: str) -> QuadClass | None:
    """A quad class by its name (e.g. 'material_conflict')."""
    return next((c for c in classes() if c.name == name), None)


def of_event(event: str | None) -> QuadClass | None:
    """The quad class of an event type, or None for an unknown type."""
    return next((c for c in classes() if event in c.events), None)
