"""The seed articles (../shared/seeds): the readings the gold expects."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khabar.dates import find_dates
from khabar.model import DateExpr
from tests.dates.helpers import analysis

SHARED = Path(__file__).parents[2].parent / "shared"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent"),
]


def seed(prefix: str) -> str:
    """The raw text of one seed article."""
    (path,) = sorted((SHARED / "seeds").glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def by_text(found: list[DateExpr], text: str) -> list[date | None]:
    """The values of every expression with this exact text."""
    return [d.value for d in found if d.text == text]


def test_004_wednesday_before_thursday_publication() -> None:
    found = find_dates(analysis(seed("004"), "ar", date(2024, 3, 14)))
    assert by_text(found, "الأربعاء")[:2] == [date(2024, 3, 13), date(2024, 3, 13)]


def test_001_today_is_publication_day() -> None:
    found = find_dates(analysis(seed("001"), "ar", date(2023, 9, 26)))
    assert by_text(found, "اليوم") == [date(2023, 9, 26)]


def test_001_election_year_is_not_a_day() -> None:
    found = find_dates(analysis(seed("001"), "ar", date(2023, 9, 26)))
    assert [(d.kind, d.value) for d in found if d.text == "2024"] == [("year", None)]


def test_000_dual_date_without_anchor_or_year_is_none() -> None:
    found = find_dates(analysis(seed("000"), "fa", None))
    assert by_text(found, "دوشنبه ۲۱ فوریه/۲ اسفندماه") == [None]
    assert [d.kind for d in found if d.text == "دوشنبه ۲۱ فوریه/۲ اسفندماه"] == ["dual"]


def test_000_weekday_without_anchor_is_none() -> None:
    found = find_dates(analysis(seed("000"), "fa", None))
    assert by_text(found, "عصر شنبه") == [None, None]


def test_000_every_expression_unresolved_without_anchor() -> None:
    found = find_dates(analysis(seed("000"), "fa", None))
    assert len(found) >= 7
    assert all(d.value is None for d in found)
