"""``khabar eval``: score the pipeline against gold events, the GSR, and the quality gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from khabar.edge import edge
from khabar.errors import QualityGateError, UsageError
from khabar.eval.gate import BASELINE_PATH, GateInputs, check, gold_hash, measure, pipeline_events
from khabar.eval.gate import update_baseline as write_baseline
from khabar.eval.gsr import detect, errors, format_gsr, load_gsr, rule_counts, score_detections
from khabar.eval.scorer import format_report, load_predictions, score_file

DEFAULT_SHARED = Path("..") / "shared"


def _gold_report(gold: Path, sources: tuple[str, ...], pred: Path | None) -> dict[str, Any]:
    """Score predictions (a PLOVER JSONL, or the pipeline run on the sources) against gold."""
    if pred is not None:
        return score_file(gold, load_predictions(pred))
    if not sources:
        raise UsageError("--gold needs SOURCE... (documents to run the pipeline on) or --pred FILE")
    return score_file(gold, pipeline_events(sources))


def _emit(payload: dict[str, Any], as_json: bool) -> None:
    """Print the results as JSON or as tables."""
    if as_json:
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    if "gold" in payload:
        click.echo(format_report(payload["gold"]))
    if "gsr" in payload:
        click.echo(format_gsr(payload["gsr"]))
    for rule, c in payload.get("gsr_rules", {}).items():
        click.echo(f"RULE tp={c['tp']:3d} fp={c['fp']:3d} {rule}")
    for e in payload.get("gsr_errors", []):
        click.echo(f"{e['error'].upper()} {e['event_type']} [{e['label']}] {e['id']} {','.join(e['rules'])}: "
                   f"{e['text'][:160]}")
    if "gate" in payload:
        g = payload["gate"]
        click.echo(f"gate: {g['status']} ({g['baseline']})")
        for key, value in sorted(g["scores"].items()):
            click.echo(f"  {key:22s} {value:.4f}")


def _gate(shared: Path, baseline: Path, update: bool) -> tuple[dict[str, Any], QualityGateError | None]:
    """Measure on the shared gold; check against, or write, the baseline (a failure is returned, not raised)."""
    inputs = GateInputs.from_shared(shared)
    digest = gold_hash(inputs)
    scores = measure(inputs)
    if update:
        write_baseline(scores, digest, baseline)
        return {"status": "baseline updated", "baseline": str(baseline), "scores": scores}, None
    try:
        check(scores, digest, baseline)
    except QualityGateError as exc:
        return {"status": "FAILED", "baseline": str(baseline), "scores": scores, "error": str(exc)}, exc
    return {"status": "passed", "baseline": str(baseline), "scores": scores}, None


@click.command("eval")
@click.argument("sources", nargs=-1, type=click.Path(exists=True))
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold JSONL (GUIDELINES.md format) to score the events of SOURCE... against.")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this PLOVER JSONL instead of running the pipeline on SOURCE...")
@click.option("--gsr", type=click.Path(exists=True, path_type=Path),
              help="Arabic event GSR file or folder (detection_*.jsonl): sentence detection P/R/F1 per type.")
@click.option("--gate", is_flag=True, help="Check seed and GSR-dev scores against the stored baseline.")
@click.option("--update-baseline", is_flag=True, help="Measure and store the scores as the new baseline.")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_SHARED,
              show_default=True, help="Folder with seeds/, gold/ and external/ for --gate and --update-baseline.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=BASELINE_PATH,
              help="Baseline JSON of the gate.")
@click.option("--gsr-errors", is_flag=True,
              help="With --gsr: per-rule counts, false positives (with rules) and false negatives.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")
@edge
def eval_command(sources: tuple[str, ...], gold: Path | None, pred: Path | None, gsr: Path | None, gate: bool,
                 update_baseline: bool, shared: Path, baseline: Path, gsr_errors: bool, as_json: bool) -> None:
    """Score khabar: events against gold (core/typed/strict), GSR detection, quality gate."""
    if not (gold or gsr or gate or update_baseline):
        raise UsageError("nothing to evaluate: give --gold GOLD.jsonl SOURCE..., --gsr PATH, --gate "
                         "or --update-baseline")
    payload: dict[str, Any] = {}
    if gold is not None:
        payload["gold"] = _gold_report(gold, sources, pred)
    if gsr is not None:
        detections = list(detect(load_gsr(gsr)))
        payload["gsr"] = score_detections(detections)
        if gsr_errors:
            payload["gsr_errors"] = errors(detections)
            payload["gsr_rules"] = rule_counts(detections)
    failure = None
    if gate or update_baseline:
        payload["gate"], failure = _gate(shared, baseline, update_baseline)
    _emit(payload, as_json)
    if failure is not None:
        raise failure
