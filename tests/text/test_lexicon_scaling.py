"""longest_first (bisect over kept spans) keeps exactly what the plain pairwise check keeps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.lexicon import Hit, longest_first


def reference(hits: list[Hit[int]]) -> list[Hit[int]]:
    """Every candidate checked against every kept span (the quadratic definition)."""
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit[int]] = []
    for h in ordered:
        if any(h.start < k.end and k.start < h.end and (k.start, k.end) != (h.start, h.end) for k in kept):
            continue
        kept.append(h)
    kept.sort(key=lambda h: (h.start, h.end))
    return kept


def hit(start: int, length: int, payload: int) -> Hit[int]:
    """A hit whose word is its key."""
    return Hit(start, start + length, start, start + length, "k", payload)


HITS = st.lists(st.builds(hit, st.integers(0, 40), st.integers(1, 9), st.integers(0, 3)), max_size=60)


@given(HITS)
@settings(deadline=None, max_examples=300)
def test_longest_first_matches_reference(hits: list[Hit[int]]) -> None:
    assert longest_first(hits) == reference(hits)


def test_same_span_hits_are_all_kept_and_overlaps_dropped() -> None:
    a, b, c, d = hit(0, 4, 1), hit(0, 4, 2), hit(2, 3, 3), hit(4, 2, 4)
    assert longest_first([d, c, b, a]) == [b, a, d]  # same-span hits stay in their given order
