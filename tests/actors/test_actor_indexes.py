"""The overlap index of pronoun tokens and the outlet-name check agree with plain scans over every span."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.actors import OUTLET_BREAKS, OUTLET_REACH, in_outlet_name
from khabar.actors.tokens import Spans

SPANS = st.lists(st.tuples(st.integers(0, 50), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@given(SPANS, st.integers(0, 60), st.integers(0, 10))
@settings(deadline=None, max_examples=300)
def test_spans_overlap_as_a_scan_of_every_span(spans: list[tuple[int, int]], start: int, length: int) -> None:
    end = start + length
    assert Spans(spans).overlaps(start, end) == any(a < end and start < b for a, b in spans)


def reference_outlet(text: str, start: int, outlets: list[int]) -> bool:
    """Every outlet head before the place checked."""
    for end in outlets:
        if end <= start:
            between = text[end:start]
            if len(between.split()) <= OUTLET_REACH and not any(c in between for c in OUTLET_BREAKS):
                return True
    return False


@given(st.text(alphabet="ab ,.\n\u00a0", max_size=50), st.lists(st.integers(0, 50), max_size=8), st.integers(0, 50))
@settings(deadline=None, max_examples=400)
def test_outlet_check_matches_a_scan_of_every_head(text: str, outlets: list[int], start: int) -> None:
    outlets = sorted(outlets)
    assert in_outlet_name(text, start, outlets) == reference_outlet(text, start, outlets)
