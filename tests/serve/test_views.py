"""Cutting a sentence into marked segments (no server needed)."""

from __future__ import annotations

from khabar.serve.views import marks_of, segments

TEXT = "0123456789abcdefghij"


def mark(start: int, end: int, role: str) -> dict[str, object]:
    """A mark."""
    return {"start": start, "end": end, "role": role, "label": role}


def test_segments_cover_the_window_exactly() -> None:
    segs = segments(TEXT, 2, 15, [mark(4, 6, "actor"), mark(8, 10, "trigger")])
    assert "".join(s["text"] for s in segs) == TEXT[2:15]
    assert [(s["text"], s["role"]) for s in segs if s["role"]] == [("45", "actor"), ("89", "trigger")]


def test_overlaps_keep_the_trigger_and_clip_to_the_window() -> None:
    segs = segments(TEXT, 5, 12, [mark(3, 7, "actor"), mark(6, 9, "trigger"), mark(10, 20, "recipient")])
    assert "".join(s["text"] for s in segs) == TEXT[5:12]
    assert [(s["text"], s["role"]) for s in segs if s["role"]] == [("678", "trigger"), ("ab", "recipient")]


def test_marks_outside_or_empty_are_ignored() -> None:
    segs = segments(TEXT, 0, 5, [mark(7, 9, "actor"), mark(2, 2, "trigger")])
    assert segs == [{"text": TEXT[:5], "role": None, "label": None}]


def test_marks_of_plover() -> None:
    plover = {
        "event": "CONSULT",
        "trigger": {"start": 5, "end": 8, "text": "x"},
        "actor": [{"start": 0, "end": 3, "code": "IRN", "identifier_text": "Iran", "entity_text": "a"}],
        "recipient": [{"start": None, "end": None, "code": "RUS"}],
    }
    assert marks_of(plover) == [
        {"start": 5, "end": 8, "role": "trigger", "label": "CONSULT"},
        {"start": 0, "end": 3, "role": "actor", "label": "Iran (IRN)"},
    ]
