"""Within-story deduplication on hand-made events: keys, dates, leads, restatements, mediations."""

from __future__ import annotations

from datetime import date

from khabar.events.dedupe import dedupe
from khabar.model import Actor, Event, Mention, Span


def m(code: str, name: str | None = None) -> Mention:
    """A mention of an actor with a code."""
    return Mention(0, 1, code, Actor(code, "GOV", name, entity=name or code), 0)


def ev(event: str, actor: list[str], recipient: list[str], at: int, *, story: int = 0, day: date | None = None,
       mode: str | None = None, aux: str | None = None) -> Event:
    """An event whose evidence starts at ``at`` (its sentence index too)."""
    return Event("d", event, [m(c) for c in actor], [m(c) for c in recipient], sentence=at, story=story,
                 trigger=Span(at, at + 1), evidence=Span(at, at + 1), mode=mode, date=day, aux=aux)  # type: ignore[arg-type]


def test_symmetric_events_are_orderless() -> None:
    out = dedupe([ev("CONSULT", ["RUS"], ["TUR"], 0), ev("CONSULT", ["TUR", "RUS"], [], 5, mode="phone")])
    assert len(out) == 1
    assert out[0].mode == "phone", "a mode stated once is kept"
    assert out[0].more_evidence == [Span(5, 6)]


def test_directed_events_keep_direction() -> None:
    out = dedupe([ev("ACCUSE", ["RUS"], ["UKR"], 0), ev("ACCUSE", ["UKR"], ["RUS"], 5)])
    assert len(out) == 2


def test_different_stories_and_aux_stay_apart() -> None:
    assert len(dedupe([ev("CONSULT", ["RUS", "TUR"], [], 0), ev("CONSULT", ["RUS", "TUR"], [], 5, story=1)])) == 2
    assert len(dedupe([ev("AGREE", ["RUS", "TUR"], [], 0), ev("AGREE", ["RUS", "TUR"], [], 5, aux="negation")])) == 2


def test_two_dates_are_two_events() -> None:
    a = ev("CONSULT", ["RUS", "TUR"], [], 0, day=date(2024, 3, 13))
    b = ev("CONSULT", ["RUS", "TUR"], [], 5, day=date(2024, 3, 20))
    assert len(dedupe([a, b])) == 2


def test_lead_restatement_joins_the_dated_event_which_leads() -> None:
    head = ev("CONSULT", ["RUS", "TUR"], [], 0)
    body = ev("CONSULT", ["RUS", "TUR"], [], 5, day=date(2024, 3, 13))
    [one] = dedupe([head, body], lead=lambda e: e is head)
    assert one is body and one.more_evidence == [Span(0, 1)]


def test_undated_body_mention_does_not_join_a_dated_event() -> None:
    dated = ev("AGREE", ["RUS", "UKR"], [], 0, day=date(2025, 5, 16))
    later = ev("AGREE", ["RUS"], ["UKR"], 9)
    assert len(dedupe([dated, later], lead=lambda e: e is dated)) == 2


def test_statement_without_recipient_joins_the_fuller_one() -> None:
    full = ev("REQUEST", ["UKR"], ["RUS"], 0)
    bare = ev("REQUEST", ["UKR"], [], 5)
    [one] = dedupe([bare, full])
    assert one is full


def test_talks_among_the_mediated_parties_join_the_mediation() -> None:
    host = ev("CONSULT", ["TUR"], ["RUS", "UKR"], 5, mode="third-party")
    talks = ev("CONSULT", ["RUS", "UKR"], [], 0)
    [one] = dedupe([talks, host], parties=lambda e: frozenset({"RUS", "UKR"}) if e is host else None)
    assert one is host


def test_day_of_reads_time_expressions_of_the_sentence() -> None:
    a = ev("CONSULT", ["RUS", "TUR"], [], 0)
    b = ev("CONSULT", ["RUS", "TUR"], [], 5)
    days = {0: date(2024, 3, 13), 5: date(2024, 3, 14)}
    assert len(dedupe([a, b], day_of=lambda e: days[e.sentence])) == 2
