"""The quality gate: fresh scores against the stored baseline (trafilatura's eval gate habit).

``baseline.json`` holds the scores of the current code on the seed gold (core/typed/strict
F1 through the whole pipeline) and on the Arabic GSR dev file (detection F1 per type),
with a hash of the gold files. ``check`` fails on a drop beyond the tolerance or when the
gold files changed; lowering a baseline is an explicit ``update_baseline`` call (the
``--update-baseline`` flag), hence a reviewed commit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.errors import EvalError, QualityGateError
from khabar.eval.gsr import gsr_files, score_gsr
from khabar.eval.scorer import LEVELS, score_file
from khabar.ingest import read_sources
from khabar.model import DocResult, Reject
from khabar.pipeline import process
from khabar.store.plover import event_to_plover

BASELINE_PATH = Path(__file__).with_name("baseline.json")
TOLERANCE = 0.01


@dataclass(frozen=True, slots=True)
class GateInputs:
    """Where the gate's gold lives: seed gold JSONL, seed documents, GSR dev file(s)."""

    gold: Path
    seeds: Path
    gsr: Path

    @classmethod
    def from_shared(cls, shared: Path) -> GateInputs:
        """The standard layout of ``../shared``."""
        return cls(shared / "gold" / "seeds.jsonl", shared / "seeds", shared / "external" / "arabic_event_gsr_dev")

    def files(self) -> list[Path]:
        """Every gold file the scores depend on, in a stable order."""
        if not self.gold.is_file() or not self.seeds.is_dir():
            raise EvalError(f"gate inputs missing: {self.gold} / {self.seeds}")
        seeds = sorted(p for p in self.seeds.iterdir() if p.is_file())
        return [self.gold, *seeds, *gsr_files(self.gsr)]


def gold_hash(inputs: GateInputs) -> str:
    """SHA-256 over the names and bytes of the gold files."""
    h = hashlib.sha256()
    for p in inputs.files():
        h.update(p.name.encode("utf-8"))
        h.update(b"\x00")
        h.update(p.read_bytes())
    return h.hexdigest()


def pipeline_events(sources: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """PLOVER event dicts of every document the pipeline codes from the sources."""
    for doc in read_sources(list(sources)):
        if isinstance(doc, Reject):
            continue
        result = process(doc)
        if isinstance(result, DocResult):
            for ev in result.events:
                yield event_to_plover(result.analysis, ev)


def measure(inputs: GateInputs) -> dict[str, float]:
    """Flat scores: seed gold F1 per level, GSR detection F1 per event type."""
    report = score_file(inputs.gold, pipeline_events([inputs.seeds]))
    scores = {f"seeds.{level}.f1": float(report[level].get("f1", 0.0)) for level in LEVELS}
    for etype, row in score_gsr(inputs.gsr).items():
        scores[f"gsr.{etype}.f1"] = float(row["f1"])
    return scores


def load_baseline(path: Path = BASELINE_PATH) -> dict[str, Any]:
    """The stored baseline; EvalError when missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"baseline {path} unreadable: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("scores"), dict) or "gold_hash" not in data:
        raise EvalError(f"baseline {path}: expected gold_hash and scores")
    return data


def drops(current: Mapping[str, float], baseline: Mapping[str, float], tolerance: float) -> list[str]:
    """One line per score that fell more than ``tolerance`` below its baseline (or vanished)."""
    out = []
    for key, base in sorted(baseline.items()):
        now = current.get(key)
        if now is None:
            out.append(f"{key}: missing (baseline {base:.4f})")
        elif now < base - tolerance:
            out.append(f"{key}: {now:.4f} < baseline {base:.4f} - {tolerance}")
    return out


def check(current: Mapping[str, float], digest: str, path: Path = BASELINE_PATH) -> dict[str, Any]:
    """Compare fresh scores with the baseline; QualityGateError on a drop or changed gold."""
    base = load_baseline(path)
    if base["gold_hash"] != digest:
        raise QualityGateError(
            f"gold files changed since the baseline ({base['gold_hash'][:12]} -> {digest[:12]}); "
            "review the scores and run `khabar eval --update-baseline`"
        )
    tolerance = float(base.get("tolerance", TOLERANCE))
    failed = drops(current, base["scores"], tolerance)
    if failed:
        raise QualityGateError("quality gate failed: " + "; ".join(failed))
    return base


def update_baseline(current: Mapping[str, float], digest: str, path: Path = BASELINE_PATH,
                    tolerance: float = TOLERANCE) -> dict[str, Any]:
    """Write the scores as the new baseline (an explicit, reviewed step)."""
    data = {"gold_hash": digest, "tolerance": tolerance, "scores": {k: round(v, 4) for k, v in sorted(current.items())}}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return data


def run_gate(inputs: GateInputs, path: Path = BASELINE_PATH) -> dict[str, float]:
    """Measure and check against the baseline; returns the fresh scores."""
    digest = gold_hash(inputs)
    current = measure(inputs)
    check(current, digest, path)
    return current
