"""The trigger loader: every file of a language loads, bad files raise DataError, matching is shared."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from khabar.errors import DataError
from khabar.events import triggers
from khabar.events.triggers import EVENT_TYPES, load_entries, load_file, load_triggers, match_triggers, trigger_dir
from tests.events.util import analysis_of


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_every_trigger_file_loads(lang: str) -> None:
    """All files in triggers/ load, each entry typed with its file's event and a known type."""
    files = sorted(p.stem for p in trigger_dir(lang).glob("*.yaml"))
    entries = load_entries(lang)
    assert {e.file for e in entries} == set(files)
    assert all(e.event in EVENT_TYPES for e in entries)


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_lexicon_is_built_once(lang: str) -> None:
    """load_triggers is cached: the same Lexicon object each call."""
    assert load_triggers(lang) is load_triggers(lang)


def write(tmp_path: Path, data: Any) -> Path:
    """A trigger file with the given content."""
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    triggers.read_yaml.cache_clear()
    return path


GOOD: dict[str, Any] = {"source": "test", "event": "CONSULT", "entries": [{"phrase": "دیدار"}]}


@pytest.mark.parametrize(
    "bad",
    [
        GOOD | {"event": "MEET"},
        GOOD | {"source": ""},
        GOOD | {"entries": []},
        GOOD | {"entries": [{"mode": "phone"}]},
        GOOD | {"entries": [{"phrase": "دیدار", "aux": "maybe"}]},
        GOOD | {"entries": [{"phrase": "دیدار", "frame": "sideways"}]},
        GOOD | {"entries": [{"phrase": "دیدار", "stem": "yes"}]},
        GOOD | {"entries": [{"phrase": "دیدار", "colour": "red"}]},
        GOOD | {"entries": [{"phrase": "  "}]},
        GOOD | {"entries": [{"phrase": "اندلعت … مظاهرات … امس"}]},
        GOOD | {"entries": [{"phrase": "اندلعت …"}]},
        {"event": "CONSULT", "entries": [{"phrase": "دیدار"}]},
    ],
)
def test_bad_trigger_file_raises(tmp_path: Path, bad: dict[str, Any]) -> None:
    """Schema violations raise DataError with the file named."""
    path = write(tmp_path, bad)
    with pytest.raises(DataError, match=r"bad\.yaml"):
        load_file(path)


def test_good_file_loads(tmp_path: Path) -> None:
    """The minimal valid file gives one entry with defaults."""
    [entry] = load_file(write(tmp_path, GOOD))
    assert (entry.event, entry.phrase, entry.mode, entry.stem, entry.aux, entry.frame) == (
        "CONSULT", "دیدار", None, False, None, None)
    assert entry.rule("fa") == "fa/triggers/bad:دیدار"


def test_match_gives_raw_span_and_sentence() -> None:
    """A match carries the raw span of the trigger and the index of its sentence."""
    text = "پوتین به مسکو رفت.\nلاوروف با ظریف گفت‌وگو کرد."
    [m] = [m for m in match_triggers(analysis_of(text, "fa")) if m.entry.event == "CONSULT"]
    assert text[m.raw.start:m.raw.end] == "گفت‌وگو"
    assert m.sentence == 1


def test_unknown_language_raises() -> None:
    """Only fa and ar have trigger data."""
    with pytest.raises(DataError):
        load_entries("xx")


@pytest.mark.parametrize(("text", "tail", "follows"), [
    ("اندلعت مظاهرات في المدينة", "مظاهرات", True),  # no word between
    ("اندلعت امس في نواكشوط مظاهرات", "مظاهرات", True),
    ("اندلعت امس في نواكشوط والمدن الاخری مظاهرات", "مظاهرات", True),  # five words
    ("اندلعت امس في نواكشوط والمدن الاخری کلها مظاهرات", "مظاهرات", False),  # six
    ("اندلعت امس، في المدینه مظاهرات", "مظاهرات", False),  # a clause mark
    ("اندلعت امس ومظاهرات", "مظاهرات", True),  # a conjunction before the tail
    ("اندلعت امس المظاهرات", "مظاهرات", False),  # the article: protests already told
    ("اندلعت امس والمظاهرات", "مظاهرات", False),
    ("اندلعت امس مظاهراتهم", "مظاهرات", True),  # a suffix after it
    ("اندلعت امس مظاهراتکم", "مظاهرات", False),  # not a listed suffix
])
def test_tail_found_within_the_gap(text: str, tail: str, follows: bool) -> None:
    affixes, articles = triggers.trigger_affixes("ar"), triggers.verb_filter("ar")[0]
    span = triggers.tail_span(text, len("اندلعت"), tail, affixes, articles)
    assert (span is not None) is follows
    assert span is None or text[span.start:span.end] == tail
