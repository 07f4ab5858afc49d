"""The gold scorer of GUIDELINES.md ("How a system's output is scored"): core, typed, strict.

Events are compared per document, one to one, greedily in gold order; P/R/F1 are
micro-averaged overall, per language and per event type. The rules (and their edge
cases: string entities, date prefixes, duplicates) are those of the reference scorer
``../shared/tools/score_events.py``, with which ``tests/eval`` checks exact agreement.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from khabar.errors import EvalError

SYMMETRIC: frozenset[str] = frozenset({"CONSULT", "AGREE", "COOPERATE"})
OFF_CORE: frozenset[str] = frozenset({"negation", "hypothetical"})
LEVELS: tuple[str, ...] = ("core", "typed", "strict")


@dataclass(frozen=True, slots=True)
class ScoredEvent:
    """An event reduced to what scoring compares."""

    event: str
    actor: frozenset[str]
    recipient: frozenset[str]
    date: str | None
    mode: str | None
    aux: str | None

    @property
    def participants(self) -> frozenset[str]:
        """Actor and recipient codes together."""
        return self.actor | self.recipient


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """The gold events of one document and its language."""

    lang: str
    events: tuple[ScoredEvent, ...]


Key = Callable[[str, ScoredEvent], str]
Row = dict[str, float]


def entity_codes(entities: Any) -> frozenset[str]:
    """Actor codes of an entity list: dicts by code (or country keys), strings by first word."""
    out: set[str] = set()
    for e in entities or []:
        if isinstance(e, str):
            out.add(e.split()[0][:3].upper())
        elif isinstance(e, Mapping):
            c = e.get("code") or e.get("country_code") or e.get("country")
            if c:
                out.add(str(c).upper())
    return frozenset(out)


def scored(ev: Mapping[str, Any]) -> ScoredEvent:
    """Reduce a gold or predicted event dict to its scored fields."""
    raw_date = ev.get("date")
    return ScoredEvent(
        event=str(ev.get("event", "")).upper(),
        actor=entity_codes(ev.get("actor")),
        recipient=entity_codes(ev.get("recipient")),
        date=str(raw_date)[:10] if raw_date else None,
        mode=ev.get("mode") or None,
        aux=ev.get("aux") or None,
    )


def matches(g: ScoredEvent, p: ScoredEvent, level: str) -> bool:
    """True when predicted ``p`` answers gold ``g`` at ``level`` (core, typed or strict)."""
    if g.event != p.event:
        return False
    if level == "typed":
        return bool(g.participants & p.participants)
    if g.event in SYMMETRIC:
        ok = g.participants == p.participants
    else:
        ok = g.actor == p.actor and (not g.recipient or g.recipient == p.recipient)
    if not ok:
        return False
    if level == "strict":
        if g.date and g.date != p.date:
            return False
        if g.mode and g.mode != p.mode:
            return False
        if g.aux != p.aux:
            return False
    return True


def prf(tp: int, fp: int, fn: int) -> Row:
    """A score row: counts with precision, recall and F1 rounded to 4 places."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _overall(lang: str, ev: ScoredEvent) -> str:
    return "all"


def _by_lang(lang: str, ev: ScoredEvent) -> str:
    return lang


def _by_type(lang: str, ev: ScoredEvent) -> str:
    return ev.event


def score(
    gold: Mapping[str, GoldDoc], pred: Mapping[str, list[ScoredEvent]], level: str, key: Key = _overall
) -> dict[str, Row]:
    """Greedy one-to-one matching per document; rows keyed by ``key(lang, event)``."""
    if level not in LEVELS:
        raise EvalError(f"unknown scoring level {level!r}; known: {LEVELS}")
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    for doc, gd in gold.items():
        gold_evs = list(gd.events)
        pred_evs = list(pred.get(doc, []))
        if level == "core":
            gold_evs = [g for g in gold_evs if g.aux not in OFF_CORE]
            pred_evs = [p for p in pred_evs if p.aux not in OFF_CORE]
        used = [False] * len(pred_evs)
        for g in gold_evs:
            for i, p in enumerate(pred_evs):
                if not used[i] and matches(g, p, level):
                    used[i] = True
                    tp[key(gd.lang, g)] += 1
                    break
            else:
                fn[key(gd.lang, g)] += 1
        for i, p in enumerate(pred_evs):
            if not used[i]:
                fp[key(gd.lang, p)] += 1
    return {k: prf(tp[k], fp[k], fn[k]) for k in sorted(set(tp) | set(fp) | set(fn))}


def load_gold(path: str | Path) -> dict[str, GoldDoc]:
    """Read a gold JSONL (one document a line); raise EvalError on a malformed line."""
    out: dict[str, GoldDoc] = {}
    p = Path(path)
    if not p.is_file():
        raise EvalError(f"gold file not found: {p}")
    with p.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                out[rec["doc"]] = GoldDoc(rec.get("lang", "?"), tuple(scored(e) for e in rec["events"]))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise EvalError(f"{p}:{n}: not a gold record ({type(exc).__name__}: {exc})") from exc
    return out


def group_predictions(
    gold: Mapping[str, GoldDoc], events: Iterable[Mapping[str, Any]]
) -> dict[str, list[ScoredEvent]]:
    """Predicted events by document, keeping only documents present in the gold."""
    out: dict[str, list[ScoredEvent]] = defaultdict(list)
    for ev in events:
        doc = ev.get("doc_id")
        if isinstance(doc, Hashable) and doc in gold:
            out[cast(str, doc)].append(scored(ev))
    return out


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Read a PLOVER JSONL of predicted events; raise EvalError on a malformed line."""
    out: list[dict[str, Any]] = []
    p = Path(path)
    with p.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise EvalError(f"{p}:{n}: not JSON: {exc}") from exc
    return out


def report(gold: Mapping[str, GoldDoc], events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The full score report: core/typed/strict overall, core per language and per type."""
    pred = group_predictions(gold, events)
    out: dict[str, Any] = {}
    for level in LEVELS:
        out[level] = score(gold, pred, level).get("all", prf(0, 0, 0)) if gold else {}
    out["core_by_lang"] = score(gold, pred, "core", _by_lang)
    out["core_by_type"] = score(gold, pred, "core", _by_type)
    return out


def score_file(gold_path: str | Path, events: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Score predicted PLOVER event dicts against a gold JSONL path."""
    return report(load_gold(gold_path), events)


def format_report(rep: Mapping[str, Any]) -> str:
    """The score table as text (the same lines as the reference scorer)."""
    lines: list[str] = []
    for level in LEVELS:
        r = rep.get(level) or prf(0, 0, 0)
        lines.append(f"{level:7s} {_fmt(r)}")
    for name in ("core_by_lang", "core_by_type"):
        for k, r in rep.get(name, {}).items():
            lines.append(f"  {name[8:]:5s} {k:10s} {_fmt(r)}")
    return "\n".join(lines)


def _fmt(r: Mapping[str, float]) -> str:
    return f"P={r['p']:.3f} R={r['r']:.3f} F1={r['f1']:.3f} (tp={r['tp']} fp={r['fp']} fn={r['fn']})"
