"""countries.yaml is exactly what build_countries generates from CLDR + demonyms.yaml."""

from __future__ import annotations

from khabar.actors import build_countries
from khabar.actors.data import COUNTRIES_FILE, load_countries


def test_committed_file_matches_generation() -> None:
    """Regenerate in memory and compare with the committed file (dateparser's integrity habit)."""
    assert COUNTRIES_FILE.read_text(encoding="utf-8") == build_countries.render(build_countries.build())


def test_codes_are_iso_alpha3_and_unique() -> None:
    """Every code is three capitals and appears once; key countries are present."""
    codes = [c.code for c in load_countries()]
    assert len(codes) == len(set(codes)) > 240
    assert {"RUS", "UKR", "AZE", "ARM", "IRN", "TUR", "FRA", "USA", "DEU", "GBR", "POL"} <= set(codes)


def test_clean_name_drops_qualifiers() -> None:
    """CLDR qualifiers after ' - ', '،' or '(' are not part of a name."""
    assert build_countries.clean_name("Congo - Kinshasa") == "Congo"
    assert build_countries.clean_name("هونغ كونغ الصينية (منطقة إدارية خاصة)") == "هونغ كونغ الصينية"


def test_derived_demonyms_follow_the_nisba_rule() -> None:
    """One-word Arabic names give nisba adjectives; multi-word names and names ending in ي give none."""
    rule = {"strip_prefixes": ["ال"], "strip_suffixes": ["يا", "ا", "ة"], "add": "ي", "keep_final": ["ي"]}
    assert build_countries.derive(["التشيك", "رواندا", "كينيا"], rule) == ["تشيكي", "رواندي", "كيني"]
    assert build_countries.derive(["جنوب السودان", "فيجي"], rule) == []
    assert build_countries.derive(["رواندا"], None) == []
