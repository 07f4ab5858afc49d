"""The quad-class data file: every PLOVER event type in exactly one class, validated on load."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from khabar.errors import DataError
from khabar.events.triggers import EVENT_TYPES
from khabar.lang import read_yaml
from khabar.serve import quad

DATA = read_yaml(quad.QUAD_FILE)
# The classic PLOVER quad classes, written out independently of the data file.
EXPECTED = {
    "AGREE": ("cooperation", "verbal"), "CONSULT": ("cooperation", "verbal"), "SUPPORT": ("cooperation", "verbal"),
    "CONCEDE": ("cooperation", "verbal"), "COOPERATE": ("cooperation", "material"),
    "AID": ("cooperation", "material"), "RETREAT": ("cooperation", "material"), "REQUEST": ("conflict", "verbal"),
    "ACCUSE": ("conflict", "verbal"), "REJECT": ("conflict", "verbal"), "THREATEN": ("conflict", "verbal"),
    "PROTEST": ("conflict", "material"), "SANCTION": ("conflict", "material"), "MOBILIZE": ("conflict", "material"),
    "COERCE": ("conflict", "material"), "ASSAULT": ("conflict", "material"),
}  # fmt: skip


@pytest.mark.parametrize("event", sorted(EVENT_TYPES))
def test_each_event_type_has_its_class(event: str) -> None:
    q = quad.of_event(event)
    assert q is not None and (q.polarity, q.kind) == EXPECTED[event]
    assert quad.by_name(q.name) is q


def test_four_classes_with_sources() -> None:
    assert DATA["source"].strip()
    assert sorted((c.polarity, c.kind) for c in quad.classes()) == sorted(
        (p, k) for p in quad.POLARITIES for k in quad.KINDS
    )
    assert quad.of_event("NOT_AN_EVENT") is None and quad.by_name("nope") is None


def broken(change: Any) -> dict[str, Any]:
    """A copy of the data with one change applied."""
    data = copy.deepcopy(DATA)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("source"), "source"),
        (lambda d: d["classes"]["verbal_conflict"]["events"].append("AGREE"), "two classes"),
        (lambda d: d["classes"]["material_conflict"]["events"].remove("ASSAULT"), "in none"),
        (lambda d: d["classes"]["verbal_conflict"]["events"].append("SHOUT"), "unknown PLOVER event"),
        (lambda d: d["classes"]["verbal_conflict"].update(polarity="friendly"), "polarity"),
        (lambda d: d["classes"]["verbal_conflict"].update(colour="red"), "colour"),
        (lambda d: d["classes"]["verbal_conflict"].update(extra=1), "unknown key"),
        (lambda d: d["classes"]["verbal_conflict"].update(events=[]), "non-empty"),
    ],
)
def test_bad_data_raises(change: Any, message: str) -> None:
    with pytest.raises(DataError, match=message):
        quad.parse(broken(change), "quad_classes.yaml")
