"""A person is coded by the role valid on the story's date."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.actors.roles import current_role, holder, person_code_sector
from tests.actors.helpers import gaz, mentions


def _person(pid: str):  # type: ignore[no-untyped-def]
    """A fixture person."""
    return gaz("fa").persons[pid]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2018, 6, 1), ("USA", "GOV")),  # first term
        (date(2022, 6, 1), ("USA", "ELI")),  # between terms: former president
        (date(2025, 6, 1), ("USA", "GOV")),  # second term
        (date(2010, 1, 1), ("USA", "ELI")),  # before any role: nearest role's country
        (None, ("USA", "GOV")),  # no date: the most recent role
    ],
)
def test_trump_by_date(day: date | None, expected: tuple[str, str]) -> None:
    """Dated roles decide the sector."""
    assert person_code_sector(_person("trump_donald"), day) == expected


def test_role_on_date_picks_the_office() -> None:
    """Putin in 2010 is prime minister, in 2020 president."""
    assert current_role(_person("putin_vladimir"), date(2010, 1, 1))[0].role == "prime_minister"
    assert current_role(_person("putin_vladimir"), date(2020, 1, 1))[0].role == "president"


def test_holder_of_an_office() -> None:
    """The president of the US in 2022 is nobody in the fixture; in 2018 Trump."""
    g = gaz("fa")
    cands = g.holders[("USA", "president")]
    assert holder(cands, date(2022, 1, 1)) is None
    assert holder(cands, date(2018, 1, 1)) is not None


def test_story_date_codes_the_mention() -> None:
    """The same sentence codes Trump GOV in 2018 and ELI in 2022 (Arabic)."""
    assert [m.actor.sector for m in mentions("قال ترامب اليوم", "ar", date(2018, 3, 1))] == ["GOV"]
    assert [m.actor.sector for m in mentions("قال ترامب اليوم", "ar", date(2022, 3, 1))] == ["ELI"]


def test_title_resolves_to_holder_on_date() -> None:
    """'The Russian president' is Putin in 2020, the PM title of 2010 is Putin too."""
    (m,) = mentions("قال الرئيس الروسي اليوم", "ar", date(2020, 1, 1))
    assert (m.actor.entity, m.kind) == ("putin_vladimir", "title")
    (m,) = mentions("نخست وزیر روسیه گفت", "fa", date(2010, 1, 1))
    assert m.actor.entity == "putin_vladimir"
