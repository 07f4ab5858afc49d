"""The fusion rule table on its own: keys, compatibility checks, dates and the reasons given."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.errors import UsageError
from khabar.fuse.rules import (
    ALONE,
    SAME_DATE,
    SAME_DOCUMENT,
    UNDATED_GROUP,
    UNDATED_WINDOW,
    Candidate,
    Cluster,
    adoptive,
    explain,
    explain_seed,
    near_copy,
    new_cluster,
    place,
    words,
)
from khabar.fuse.settings import FusionSettings

S = FusionSettings()
DAY = date(2024, 3, 13)


def cand(event: str = "CONSULT", actors: tuple[str, ...] = ("RUS",), recipients: tuple[str, ...] = ("TUR",),
         day: date | None = DAY, reported: date | None = DAY, doc: str = "d1", **kw: object) -> Candidate:  # fmt: skip
    """A candidate with sensible defaults (Putin named, so undated reports are corroborated)."""
    kw.setdefault("persons", ("RUS=putin",))
    return Candidate(f"ev-{doc}-{event}-{day}", doc, event, actors, recipients, date=day, reported=reported,
                     **kw)  # type: ignore[arg-type]  # fmt: skip


def seeded(c: Candidate, fid: str = "fe-1") -> Cluster:
    """A cluster started by one candidate."""
    return new_cluster(fid, c, S)


def test_unordered_types_ignore_roles() -> None:
    a, b = cand(), cand(actors=("TUR",), recipients=("RUS",), doc="d2")
    assert a.key(S.unordered_types) == b.key(S.unordered_types)
    assert place(b, [seeded(a)], S) == (seeded(a), SAME_DATE)


@pytest.mark.parametrize("event", ["ASSAULT", "THREATEN", "DEMAND"])
def test_directed_types_need_equal_roles(event: str) -> None:
    a = cand(event, ("ISR",), ("PSE",))
    b = cand(event, ("PSE",), ("ISR",), doc="d2")
    assert a.key(S.unordered_types) != b.key(S.unordered_types)


def test_participants_must_be_equal_sets() -> None:
    assert cand().key(S.unordered_types) != cand(recipients=("TUR", "SYR")).key(S.unordered_types)
    assert cand(actors=("RUS", "RUS")).key(S.unordered_types) == cand().key(S.unordered_types)


@pytest.mark.parametrize(
    ("mine", "theirs", "joins"),
    [(None, "visit", True), ("visit", None, True), ("visit", "visit", True), ("visit", "phone", False)],
)
def test_modes_null_goes_with_anything(mine: str | None, theirs: str | None, joins: bool) -> None:
    cl = seeded(cand(mode=theirs))
    got, _ = place(cand(doc="d2", mode=mine), [cl], S)
    assert (got is cl) == joins


def test_aux_must_match() -> None:
    cl = seeded(cand())
    assert place(cand(doc="d2", aux="negation"), [cl], S)[0] is None
    assert place(cand(doc="d2", aux="negation"), [cl], FusionSettings(checks=("mode",)))[0] is cl


@pytest.mark.parametrize(
    ("mine", "theirs", "joins"),
    [
        (("RUS=putin",), ("RUS=putin", "TUR=erdogan"), True),
        (("RUS=lavrov",), ("RUS=putin",), False),
        ((), ("RUS=putin",), True),
        (("TUR=fidan",), ("RUS=putin",), True),
    ],
)
def test_named_people_must_overlap_per_code(mine: tuple[str, ...], theirs: tuple[str, ...], joins: bool) -> None:
    cl = seeded(cand(persons=theirs))
    assert (place(cand(doc="d2", persons=mine), [cl], S)[0] is cl) == joins


def test_different_days_do_not_fuse() -> None:
    assert place(cand(doc="d2", day=date(2024, 3, 14)), [seeded(cand())], S)[0] is None


@pytest.mark.parametrize(("reported", "joins"), [(DAY, True), (date(2024, 3, 16), True),
                                                 (date(2024, 3, 17), False), (date(2024, 3, 12), False)])  # fmt: skip
def test_undated_joins_a_dated_event_within_the_window_after_it(reported: date, joins: bool) -> None:
    cl = seeded(cand())
    got, rule = place(cand(doc="d2", day=None, reported=reported), [cl], S)
    assert (got is cl) == joins
    if joins:
        assert rule == UNDATED_WINDOW


def test_window_is_configurable() -> None:
    cl = seeded(cand())
    undated = cand(doc="d2", day=None, reported=date(2024, 3, 20))
    assert place(undated, [cl], S)[0] is None
    assert place(undated, [cl], FusionSettings(window_days=7))[0] is cl


def test_undated_prefers_the_latest_dated_event_before_its_report() -> None:
    old, new = seeded(cand(day=date(2024, 3, 11)), "fe-a"), seeded(cand(doc="d3"), "fe-b")
    got, _ = place(cand(doc="d2", day=None, reported=date(2024, 3, 14)), [old, new], S)
    assert got is new


def test_undated_reports_group_within_the_window() -> None:
    first = seeded(cand(day=None, reported=DAY))
    assert place(cand(doc="d2", day=None, reported=date(2024, 3, 16)), [first], S) == (first, UNDATED_GROUP)
    assert place(cand(doc="d2", day=None, reported=date(2024, 3, 17)), [first], S)[0] is None


def test_undated_in_an_undated_report_only_joins_its_own_document() -> None:
    cl = seeded(cand(day=None, reported=None))
    assert cl.scope_doc == "d1"
    assert place(cand(day=None, reported=None), [cl], S) == (cl, SAME_DOCUMENT)
    assert place(cand(doc="d2", day=None, reported=None), [cl], S)[0] is None
    assert place(cand(doc="d2", day=None, reported=DAY), [cl], S)[0] is None


def test_events_without_codes_stay_alone() -> None:
    lone = cand(actors=(), recipients=())
    cl = seeded(lone)
    assert place(cand(doc="d2", actors=(), recipients=()), [cl], S) == (None, ALONE)
    assert "without any participant code" in explain_seed(lone, ALONE, S)


def test_an_undated_group_moves_into_a_later_dated_event() -> None:
    group = seeded(cand(day=None, reported=date(2024, 3, 14)), "fe-u")
    group.add(cand(doc="d2", day=None, reported=date(2024, 3, 15)))
    assert adoptive(group, [seeded(cand(doc="d3"), "fe-d")], S) is not None
    assert adoptive(group, [seeded(cand(doc="d3", day=date(2024, 3, 12)), "fe-d")], S) is not None
    assert adoptive(group, [seeded(cand(doc="d3", day=date(2024, 3, 15)), "fe-d")], S) is None  # a report before it
    assert adoptive(group, [seeded(cand(doc="d3", day=date(2024, 3, 11)), "fe-d")], S) is None  # 4 days after


def test_reasons_say_why() -> None:
    cl = seeded(cand(mode="visit"))
    assert explain(cand(doc="d2"), cl, SAME_DATE, S) == (
        "same type CONSULT, same participants {RUS, TUR}, date 2024-03-13 equal, mode unstated, compatible with visit"
        ", same people {putin}"
    )
    undated = cand(doc="d2", day=None, reported=date(2024, 3, 14))
    assert "undated, report dated 2024-03-14 within 3 days of 2024-03-13" in explain(undated, cl, UNDATED_WINDOW, S)
    assert "actor {ISR} and recipient {PSE}" in explain_seed(cand("ASSAULT", ("ISR",), ("PSE",)), "seed", S)


def test_undated_reports_need_a_shared_person_or_copied_words() -> None:
    cl = seeded(cand(persons=(), words=words("بوتین و اردوغان روز چهارشنبه در مسکو دیدار کردند")))
    bare = cand(doc="d2", day=None, reported=date(2024, 3, 14), persons=())
    assert place(bare, [cl], S)[0] is None
    assert place(bare, [cl], FusionSettings(corroborate_undated=False))[0] is cl
    copy = cand(doc="d2", day=None, reported=date(2024, 3, 14), persons=(),
                words=words("پوتین و اردوغان روز چهارشنبه در مسکو دیدار کردند."))  # fmt: skip
    got, rule = place(copy, [cl], S)
    assert got is cl and "words nearly copy" in explain(copy, cl, rule, S)
    other = cand(doc="d3", day=None, reported=date(2024, 3, 14), persons=(), words=words("پوتین به ترکیه سفر نمی‌کند"))
    assert place(other, [cl], S)[0] is None


def test_shared_people_must_pin_every_side_the_event_names() -> None:
    cl = seeded(cand(persons=("RUS=putin", "TUR=erdogan")))
    one_side = cand(doc="d2", day=None, reported=date(2024, 3, 14), persons=("RUS=putin",))
    both = cand(doc="d3", day=None, reported=date(2024, 3, 14), persons=("RUS=putin", "TUR=erdogan"))
    assert place(one_side, [cl], S)[0] is None
    assert place(both, [cl], S)[0] is cl


def test_near_copy_threshold() -> None:
    a, b = words("a1 b2 c3 d4 e5 f6 g7 h8"), words("a1 b2 c3 d4 e5 f6 g7 x9")
    assert near_copy(a, [b], 0.7) and not near_copy(a, [b], 0.8)
    assert not near_copy(frozenset(), [b], 0.1)
    assert not near_copy(words("تونس: اعتقال"), [words("تونس: اعتقال")], 0.5)  # too short to be a copy


def test_a_dated_event_with_one_code_needs_corroboration() -> None:
    cl = seeded(cand("ASSAULT", ("TUR",), (), persons=()))
    other = cand("ASSAULT", ("TUR",), (), doc="d2", persons=())
    assert place(other, [cl], S)[0] is None
    assert place(other, [cl], FusionSettings(corroborate_single_code=False))[0] is cl
    named = seeded(cand("ASSAULT", ("TUR",), (), persons=("TUR=erdogan",)))
    assert place(cand("ASSAULT", ("TUR",), (), doc="d2", persons=("TUR=erdogan",)), [named], S)[0] is named


def test_bad_settings_are_usage_errors() -> None:
    with pytest.raises(UsageError):
        FusionSettings(window_days=-1)
    with pytest.raises(UsageError, match="unknown fusion check"):
        FusionSettings(checks=("colour",))
    with pytest.raises(UsageError, match="similarity"):
        FusionSettings(copy_similarity=0)


def test_window_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_FUSE_WINDOW_DAYS", "5")
    assert FusionSettings.from_env().window_days == 5
    assert FusionSettings.from_env(2).window_days == 2
