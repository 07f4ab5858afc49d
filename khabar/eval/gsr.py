"""Sentence-level detection scorer for openeventdata's Arabic event GSR (ASSAULT / PROTEST).

Each record (``id, lang, date, event_type, label, text``) asks one question: does the
sentence state an event of ``event_type``? ``yes`` is positive, ``easy no`` and
``difficult no`` are negative, ``ambiguous`` is left out. The sentence goes through
the pipeline's own stages (text, actors, dates, events without requiring actors) and
counts as predicted positive when an event of that type comes out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from khabar import actors, dates, events, text
from khabar.errors import EvalError
from khabar.eval.scorer import prf
from khabar.model import Document, Event, Reject

POSITIVE = "yes"
NEGATIVE: frozenset[str] = frozenset({"easy no", "difficult no"})
LEFT_OUT = "ambiguous"
REQUIRED = ("id", "event_type", "label", "text")


@dataclass(frozen=True, slots=True)
class GsrItem:
    """One judged sentence."""

    id: str
    text: str
    event_type: str
    label: str
    lang: str | None = None
    date: date | None = None

    @property
    def positive(self) -> bool:
        """True when annotators said the sentence states an event of its type."""
        return self.label == POSITIVE


@dataclass(slots=True)
class Detection:
    """What the pipeline produced for one sentence."""

    item: GsrItem
    events: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)

    @property
    def predicted(self) -> bool:
        """True when an event of the item's type was produced."""
        return self.item.event_type in self.events


Detector = Callable[[GsrItem], tuple[list[str], list[str]]]


def _date(value: Any, where: str) -> date | None:
    """An ISO date from a record, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise EvalError(f"{where}: bad date {value!r}") from exc


def parse_item(rec: Any, where: str) -> GsrItem | None:
    """One record as a GsrItem; None when its label is ``ambiguous``; EvalError when malformed."""
    if not isinstance(rec, dict) or any(k not in rec for k in REQUIRED):
        raise EvalError(f"{where}: a GSR record needs {list(REQUIRED)}")
    label = str(rec["label"]).strip().lower()
    if label == LEFT_OUT:
        return None
    if label != POSITIVE and label not in NEGATIVE:
        raise EvalError(f"{where}: unknown label {rec['label']!r}")
    return GsrItem(str(rec["id"]), str(rec["text"]), str(rec["event_type"]).upper(), label,
                   rec.get("lang"), _date(rec.get("date"), where))


def gsr_files(path: str | Path) -> list[Path]:
    """The JSONL files of a GSR path: the file itself, or every ``*.jsonl`` of a folder."""
    p = Path(path)
    if p.is_file():
        return [p]
    if p.is_dir():
        files = sorted(p.glob("*.jsonl"))
        if files:
            return files
        raise EvalError(f"no .jsonl file in GSR folder {p}")
    raise EvalError(f"GSR path not found: {p}")


def load_gsr(path: str | Path) -> list[GsrItem]:
    """Every judged (non-ambiguous) sentence of a GSR file or folder."""
    out: list[GsrItem] = []
    for f in gsr_files(path):
        with f.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvalError(f"{f}:{n}: not JSON: {exc}") from exc
                item = parse_item(rec, f"{f}:{n}")
                if item is not None:
                    out.append(item)
    return out


def sentence_events(doc: Document) -> list[Event]:
    """The pipeline's events for one sentence told as news: actors not required, history left out."""
    analysis = text.analyse(doc)
    if isinstance(analysis, Reject):
        return []
    mentions = actors.find_mentions(analysis)
    found = dates.find_dates(analysis)
    evs = events.code_events(analysis, mentions, found, require_actors=False)
    return [e for e in evs if not dates.told_as_history(e, found, analysis, doc.pub_date)]


def pipeline_detector(item: GsrItem) -> tuple[list[str], list[str]]:
    """Event types and rules of the events the pipeline states as happened (aux None) in a sentence.

    Negated, future and hypothetical events ("if an explosion happened...") are not a
    statement that the event took place; an event told as the background of another
    ("after protesters had blocked the roads") and one dated over a year before the
    report ("in February 2005 ... was assassinated") are not the news: none counts.
    """
    doc = Document(id=item.id, text=item.text, pub_date=item.date, lang=item.lang)
    evs = [e for e in sentence_events(doc) if e.aux is None and not e.background]
    return [e.event for e in evs], [e.rule for e in evs]


def detect(items: Iterable[GsrItem], detector: Detector = pipeline_detector) -> Iterator[Detection]:
    """Run a detector over the items."""
    for item in items:
        types, rules = detector(item)
        yield Detection(item, types, rules)


def score_detections(detections: Iterable[Detection]) -> dict[str, dict[str, Any]]:
    """P/R/F1 per event type with confusion counts (false positives split by label)."""
    counts: dict[str, dict[str, int]] = {}
    for d in detections:
        c = counts.setdefault(d.item.event_type, {"tp": 0, "fp": 0, "fn": 0, "tn": 0,
                                                  "fp_easy": 0, "fp_difficult": 0})
        if d.item.positive:
            c["tp" if d.predicted else "fn"] += 1
        elif d.predicted:
            c["fp"] += 1
            c["fp_easy" if d.item.label == "easy no" else "fp_difficult"] += 1
        else:
            c["tn"] += 1
    return {t: {**prf(c["tp"], c["fp"], c["fn"]), **c} for t, c in sorted(counts.items())}


def score_gsr(path: str | Path, detector: Detector = pipeline_detector) -> dict[str, dict[str, Any]]:
    """Load a GSR file or folder and score a detector on it."""
    return score_detections(detect(load_gsr(path), detector))


def rule_counts(detections: Iterable[Detection]) -> dict[str, dict[str, int]]:
    """Per rule that fired on a sentence of its own type: how many were positives (tp) and negatives (fp)."""
    out: dict[str, dict[str, int]] = {}
    for d in detections:
        for t, r in zip(d.events, d.rules, strict=True):
            if t == d.item.event_type:
                row = out.setdefault(r, {"tp": 0, "fp": 0})
                row["tp" if d.item.positive else "fp"] += 1
    return dict(sorted(out.items(), key=lambda kv: (kv[1]["tp"] - kv[1]["fp"], kv[0])))


def errors(detections: Iterable[Detection]) -> list[dict[str, Any]]:
    """The false positives (with the rules that fired) and false negatives, for error analysis."""
    out = []
    for d in detections:
        if d.predicted != d.item.positive:
            rules = [r for t, r in zip(d.events, d.rules, strict=True) if t == d.item.event_type]
            out.append({"id": d.item.id, "event_type": d.item.event_type, "label": d.item.label,
                        "error": "fp" if d.predicted else "fn", "rules": rules, "text": d.item.text})
    return out


def format_gsr(rows: dict[str, dict[str, Any]]) -> str:
    """The detection table as text."""
    lines = []
    for t, r in rows.items():
        lines.append(
            f"{t:9s} P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f} "
            f"(tp={r['tp']} fp={r['fp']} [easy {r['fp_easy']}, difficult {r['fp_difficult']}] "
            f"fn={r['fn']} tn={r['tn']})"
        )
    return "\n".join(lines)
