"""events.yaml and contexts.yaml of both languages: validated on load, every cue found in a sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from khabar.errors import DataError
from khabar.events import cues as cues_mod
from khabar.events.contexts import contexts_of, load_contexts
from khabar.events.cues import MODALITIES, load_cues
from khabar.events.triggers import match_triggers
from khabar.lang import LANG_DIR
from khabar.text.normalize import fold_key
from tests.events.util import analysis_of

# A carrier sentence per language; the cue sits between two plain words.
CARRIER = {"fa": "خبرنگار نوشت {} دیروز.", "ar": "كتب المراسل {} أمس."}


def raw_events(lang: str) -> dict[str, Any]:
    """The parsed events.yaml of a language."""
    data: dict[str, Any] = yaml.safe_load((LANG_DIR / lang / "events.yaml").read_text(encoding="utf-8"))
    return data


def cue_cases() -> list[tuple[str, str, str, str]]:
    """(lang, kind, value, phrase) for every cue phrase of both events.yaml files."""
    out: list[tuple[str, str, str, str]] = []
    for lang in ("fa", "ar"):
        data = raw_events(lang)
        for role, phrases in data["markers"].items():
            out += [(lang, "marker", role, p) for p in phrases]
        for role, phrases in (data["postpositions"] or {}).items():
            out += [(lang, "post", role, p) for p in phrases]
        simple = {"say_verbs": "say", "complementizers": "comp", "clause_breaks": "break",
                  "readiness_objects": "ready", "habitual": "habitual", "anaphora": "anaphora",
                  "both_sides": "both", "counterfactual": "counterfactual", "purpose": "purpose",
                  "announce": "announce", "nominal_heads": "head", "receive": "receive", "sports": "sports"}
        for key, kind in simple.items():
            out += [(lang, kind, "", p) for p in data[key]]
        optional = {"relatives": "relative", "references": "reference", "background": "background",
                    "pronoun_complementizers": "pronoun_comp", "denials": "denial"}
        for key, kind in optional.items():
            out += [(lang, kind, "", p) for p in data.get(key) or []]
        for mod in MODALITIES:
            for place in ("before", "after"):
                out += [(lang, mod, place, p) for p in data[mod].get(place) or []]
        for mode, phrases in data["mode_cues"].items():
            out += [(lang, "mode", mode, p) for p in phrases]
    return out


@pytest.mark.parametrize(("lang", "kind", "value", "phrase"), cue_cases(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_every_cue_is_found(lang: str, kind: str, value: str, phrase: str) -> None:
    """Each cue phrase is matched in a sentence with its kind and value (one letter: read glued)."""
    if len(fold_key(phrase)) == 1 and fold_key(phrase).isalpha():
        assert kind == "marker" and load_cues(lang).glued_markers[fold_key(phrase)] == value
        return
    sentence = fold_key(CARRIER[lang].format(phrase))
    hits = load_cues(lang).lexicon.iter_hits(sentence)
    assert any(h.payload == (kind, value) and h.key.replace(" ", "") == fold_key(phrase).replace(" ", "")
               for h in hits)


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_glued_modality_proclitics(lang: str) -> None:
    """Future/negation proclitics of events.yaml are loaded (folded) for reading glued prefixes."""
    data = raw_events(lang)
    loaded = load_cues(lang).glued_modality
    for mod in MODALITIES:
        assert loaded[mod] == frozenset(fold_key(p) for p in data[mod].get("proclitics") or [])


def context_cases() -> list[tuple[str, str, str]]:
    """(lang, label, phrase) for every context cue."""
    out: list[tuple[str, str, str]] = []
    for lang in ("fa", "ar"):
        data = yaml.safe_load((LANG_DIR / lang / "contexts.yaml").read_text(encoding="utf-8"))
        out += [(lang, label, p) for label, phrases in data["cues"].items() for p in phrases]
    return out


@pytest.mark.parametrize(("lang", "label", "phrase"), context_cases(), ids=lambda v: v)
def test_every_context_cue_labels_its_sentence(lang: str, label: str, phrase: str) -> None:
    """A clause holding the cue gets the cue's PLOVER context."""
    assert label in contexts_of(lang, "CONSULT", fold_key(CARRIER[lang].format(phrase)))


@pytest.mark.parametrize("lang", ["fa", "ar"])
def test_context_defaults_by_type(lang: str) -> None:
    """A type's default contexts apply with no cue at all."""
    assert contexts_of(lang, "CONSULT", "") == sorted(load_contexts(lang).defaults["CONSULT"])


def write_events(tmp_path: Path, lang: str, change: dict[str, Any]) -> Path:
    """A copy of events.yaml with some keys changed, under a fake lang dir."""
    data = raw_events(lang) | change
    folder = tmp_path / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "events.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "change",
    [
        {"order": "OSV"},
        {"markers": {"near": ["کنار"]}},
        {"marker_gap": 0},
        {"say_verbs": "گفت"},
        {"negation": {"after": ["نه"]}},
        {"extra_key": []},
        {"mode_cues": ["yield"]},
    ],
)
def test_bad_events_yaml_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: dict[str, Any]) -> None:
    """A malformed events.yaml raises DataError naming the problem, never loads half."""
    root = write_events(tmp_path, "fa", change)
    monkeypatch.setattr("khabar.lang.LANG_DIR", root)
    cues_mod.load_cues.cache_clear()
    try:
        with pytest.raises(DataError):
            cues_mod.load_cues("fa")
    finally:
        cues_mod.load_cues.cache_clear()


def not_trigger_cases() -> list[tuple[str, str]]:
    """(lang, phrase) for every not_triggers phrase."""
    return [(lang, p) for lang in ("fa", "ar") for p in raw_events(lang)["not_triggers"]]


@pytest.mark.parametrize(("lang", "phrase"), not_trigger_cases(), ids=lambda v: v)
def test_not_triggers_hide_the_trigger_inside(lang: str, phrase: str) -> None:
    """A not_triggers phrase yields no trigger on its span (a longer match hides the shorter trigger)."""
    sentence = CARRIER[lang].format(phrase)
    start = sentence.index(phrase)
    a = analysis_of(sentence, lang)  # type: ignore[arg-type]
    assert not [m for m in match_triggers(a) if m.raw.start < start + len(phrase) and start < m.raw.end]


def verb_cases() -> list[tuple[str, str]]:
    """(lang, phrase) for every verb-only trigger phrase."""
    return [(lang, v) for lang in ("fa", "ar") for v in raw_events(lang)["verbs"]]


@pytest.mark.parametrize(("lang", "verb"), verb_cases(), ids=lambda v: v)
def test_verb_only_phrase_with_article_is_no_trigger(lang: str, verb: str) -> None:
    """Each verb-only phrase: bare it is a trigger, with the article it is not."""
    article = raw_events(lang)["articles"][0]
    bare = analysis_of(CARRIER[lang].format(verb), lang)  # type: ignore[arg-type]
    assert any(fold_key(verb) in fold_key(e.phrase) or fold_key(e.phrase) in fold_key(verb)
               for m in match_triggers(bare) for e in m.entries)
    noun = analysis_of(CARRIER[lang].format(article + verb), lang)  # type: ignore[arg-type]
    assert not [e for m in match_triggers(noun) for e in m.entries if fold_key(e.phrase) == fold_key(verb)]
