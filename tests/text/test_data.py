"""The text layer's YAML: both languages load, and malformed data raises DataError naming the problem."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from khabar.errors import DataError
from khabar.lang import load
from khabar.text.cues import parse_rules, rules


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_both_languages_load(lang: str) -> None:
    r = rules(lang)
    assert r.lang == lang
    assert len(r.lexicon) > 0
    assert r.stopwords and r.markers and r.terminators


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_files_name_their_source(lang: str) -> None:
    assert load(lang, "text")["source"].strip()
    assert load(lang, "stopwords")["source"].strip()


def broken(lang: str, change: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A copy of a language's data with some keys replaced (None deletes the key)."""
    data = copy.deepcopy(load(lang, "text"))
    for k, v in change.items():
        if v is None:
            data.pop(k)
        else:
            data[k] = v
    return data, copy.deepcopy(load(lang, "stopwords"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"boilerplate": None}, "missing key"),
        ({"extra": 1}, "unknown key"),
        ({"numeric_calendar": "julian"}, "numeric_calendar"),
        ({"marker_letters": {"ab": 1.0}}, "single character"),
        ({"marker_letters": {"پ": "high"}}, "must be float"),
        ({"foreign_letters": {"ے": 3}}, "must be str"),
        ({"terminators": [".", "!?"]}, "single characters"),
        ({"boilerplate": [{"phrase": "x", "kind": "footer"}]}, "kind"),
        ({"boilerplate": [{"phrase": "x", "kind": "line", "cite": "outlet"}]}, "cite"),
        ({"boilerplate": [{"phrase": "", "kind": "line"}]}, "bad entry"),
        ({"boilerplate": [{"kind": "line"}]}, "missing key"),
        ({"citations": [{"phrase": "x", "kind": "author"}]}, "kind"),
        ({"citations": [{"phrase": "x", "kind": "relay", "heads": []}]}, "non-empty list"),
        ({"agencies": []}, "non-empty list"),
        ({"boilerplate": [{"phrase": "x", "kind": "label", "gap": 9}]}, "gap"),
        ({"boilerplate": [{"phrase": "x", "kind": "line", "gap": 1}]}, "gap"),
        ({"boilerplate": [{"phrase": "x", "kind": "line", "anywhere": True}]}, "anywhere"),
        ({"date_labels": ["تاریخ انتشار", "تاريخ انتشار"]}, "duplicates"),
    ],
)
def test_bad_data_raises(change: dict[str, Any], message: str) -> None:
    data, stop = broken("fa", change)
    with pytest.raises(DataError, match=message):
        parse_rules("fa", data, stop)


def test_stopwords_need_words() -> None:
    data, stop = broken("ar", {})
    stop.pop("words")
    with pytest.raises(DataError, match="missing key"):
        parse_rules("ar", data, stop)


def test_unknown_language_raises() -> None:
    with pytest.raises(DataError):
        rules("ur")
