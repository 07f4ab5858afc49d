"""Actor data files are validated on load: a bad entry raises DataError naming the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from khabar.actors.data import load_countries, load_cues, load_orgs, load_persons, load_titles
from khabar.errors import DataError
from tests.actors.helpers import FIXTURE_PERSONS

GOOD = """source: test
persons:
  - id: a_b
    name: A B
    roles:
      - {code: RUS, sector: GOV, role: president, from: 2000-05, to: 2001-02}
    aliases:
      fa: ["الف"]
      ar: ["ألف"]
"""


def _write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    """Write one persons file in a fresh folder."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_good_file_loads_with_month_dates(tmp_path: Path) -> None:
    """YYYY-MM dates start on the 1st and end on the month's last day."""
    (p,) = load_persons(_write(tmp_path, GOOD))
    assert p.roles[0].start == date(2000, 5, 1) and p.roles[0].end == date(2001, 2, 28)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("id: a_b", "id: A-B"),
        ("code: RUS", "code: XYZ"),
        ("sector: GOV", "sector: BOSS"),
        ("role: president", "role: Big Boss"),
        ("from: 2000-05", "from: 2000-13"),
        ("to: 2001-02", "to: 1999-01"),
        ("    name: A B\n", ""),
        ('      fa: ["الف"]\n      ar: ["ألف"]', "      fa: []\n      ar: []"),
        ("    aliases:", "    wikidata: 7747\n    aliases:"),
        ("    aliases:", "    colour: red\n    aliases:"),
        ('      ar: ["ألف"]', '      ar: ["ألف"]\n      en: ["A"]'),
    ],
)
def test_bad_person_entry_raises(tmp_path: Path, old: str, new: str) -> None:
    """Each kind of bad entry is refused with the file's name in the message."""
    folder = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(DataError, match=r"x\.yaml"):
        load_persons(folder)


def test_duplicate_id_across_files_raises(tmp_path: Path) -> None:
    """Ids are unique across all files of the folder."""
    _write(tmp_path, GOOD, "a.yaml")
    _write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(DataError, match="already defined"):
        load_persons(tmp_path)


def test_missing_source_raises(tmp_path: Path) -> None:
    """A file without ``source`` is refused."""
    with pytest.raises(DataError, match="source"):
        load_persons(_write(tmp_path, GOOD.replace("source: test\n", "")))


def test_shipped_data_loads() -> None:
    """Every shipped actor file validates (countries, orgs, persons, titles, cues) and the fixture too."""
    assert load_countries() and load_orgs() and load_persons() is not None
    assert len(load_persons(FIXTURE_PERSONS)) >= 5
    for lang in ("fa", "ar"):
        assert load_titles(lang) and load_cues(lang).suffixes
