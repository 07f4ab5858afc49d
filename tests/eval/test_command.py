"""``khabar eval`` driven through click's CliRunner on files built in a temp folder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from khabar.eval.command import eval_command
from khabar.eval.scorer import load_predictions, score_file

ARTICLE = (
    "موسكو - قالت وزارة الدفاع الروسية إن القوات الروسية قصفت مواقع للجيش الأوكراني في دونيتسك.\n"
    "وأعلنت الشرطة الأوكرانية اعتقال ثلاثة أشخاص.\n"
)
GOLD_EVENT = {"event": "ASSAULT", "mode": None, "actor": [{"code": "RUS", "sector": "MIL"}],
              "recipient": [{"code": "UKR", "sector": "MIL"}], "date": None, "aux": None, "context": [],
              "location": None, "evidence": "قصفت مواقع"}
GSR = [
    {"id": "g1", "lang": "ar", "date": "2008-01-01", "event_type": "ASSAULT", "label": "yes",
     "text": "قتل جنديان في هجوم على دورية قرب الحدود."},
    {"id": "g2", "lang": "ar", "date": "2008-01-01", "event_type": "ASSAULT", "label": "easy no",
     "text": "افتتح الرئيس معرضا للكتاب في العاصمة."},
]


def shared_layout(root: Path) -> Path:
    """A miniature ../shared: seeds/, gold/seeds.jsonl, external/arabic_event_gsr_dev/."""
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "gold").mkdir()
    gold = {"doc": "a.txt", "lang": "ar", "pub_date": None, "events": [GOLD_EVENT]}
    (root / "gold" / "seeds.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    gsr = root / "external" / "arabic_event_gsr_dev"
    gsr.mkdir(parents=True)
    (gsr / "detection_dev.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in GSR), encoding="utf-8")
    return root


def test_gold_with_pred_file_prints_the_score_table(tmp_path: Path) -> None:
    root = shared_layout(tmp_path / "shared")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(dict(GOLD_EVENT, doc_id="a.txt"), ensure_ascii=False) + "\n", encoding="utf-8")
    res = CliRunner().invoke(eval_command, ["--gold", str(root / "gold" / "seeds.jsonl"), "--pred", str(pred)])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == "core    P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0)"


def test_gold_runs_the_pipeline_on_sources_json(tmp_path: Path) -> None:
    root = shared_layout(tmp_path / "shared")
    gold = root / "gold" / "seeds.jsonl"
    res = CliRunner().invoke(eval_command, ["--gold", str(gold), str(root / "seeds"), "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)["gold"]
    assert set(report) == {"core", "typed", "strict", "core_by_lang", "core_by_type"}
    assert report["core"]["tp"] + report["core"]["fn"] == 1


def test_gsr_prints_detection_rows(tmp_path: Path) -> None:
    root = shared_layout(tmp_path / "shared")
    res = CliRunner().invoke(eval_command, ["--gsr", str(root / "external" / "arabic_event_gsr_dev"), "--json"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.output)["gsr"]["ASSAULT"]
    assert (row["tp"], row["fp"], row["fn"], row["tn"]) == (1, 0, 0, 1)


def test_update_baseline_then_gate_passes_then_fails_on_a_drop(tmp_path: Path) -> None:
    root = shared_layout(tmp_path / "shared")
    baseline = tmp_path / "baseline.json"
    runner = CliRunner()
    args = ["--shared", str(root), "--baseline", str(baseline)]
    res = runner.invoke(eval_command, [*args, "--update-baseline"])
    assert res.exit_code == 0, res.output
    assert "baseline updated" in res.output and baseline.is_file()
    res = runner.invoke(eval_command, [*args, "--gate"])
    assert res.exit_code == 0, res.output
    data = json.loads(baseline.read_text(encoding="utf-8"))
    data["scores"]["gsr.ASSAULT.f1"] = 1.5
    baseline.write_text(json.dumps(data), encoding="utf-8")
    res = runner.invoke(eval_command, [*args, "--gate"])
    assert res.exit_code == 5
    assert "E006" in res.output and "gsr.ASSAULT.f1" in res.output


def test_nothing_to_do_and_gold_without_sources_are_usage_errors(tmp_path: Path) -> None:
    root = shared_layout(tmp_path / "shared")
    res = CliRunner().invoke(eval_command, [])
    assert res.exit_code == 2 and "nothing to evaluate" in res.output
    res = CliRunner().invoke(eval_command, ["--gold", str(root / "gold" / "seeds.jsonl")])
    assert res.exit_code == 2 and "SOURCE" in res.output


def test_pred_file_scores_like_the_library(tmp_path: Path) -> None:
    root = shared_layout(tmp_path / "shared")
    pred = tmp_path / "p.jsonl"
    rows = [dict(GOLD_EVENT, doc_id="a.txt"), dict(GOLD_EVENT, doc_id="a.txt", event="PROTEST")]
    pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    gold = root / "gold" / "seeds.jsonl"
    res = CliRunner().invoke(eval_command, ["--gold", str(gold), "--pred", str(pred), "--json"])
    assert json.loads(res.output)["gold"] == json.loads(json.dumps(score_file(gold, load_predictions(pred))))


def test_gsr_errors_list_false_positives_with_rules(tmp_path: Path) -> None:
    root = shared_layout(tmp_path / "shared")
    gsr = root / "external" / "arabic_event_gsr_dev" / "detection_dev.jsonl"
    extra = {"id": "g3", "lang": "ar", "date": "2008-01-01", "event_type": "ASSAULT", "label": "easy no",
             "text": "قال الشهود إن مسلحين خطفوا أربعة مهندسين."}
    with gsr.open("a", encoding="utf-8") as f:
        f.write(json.dumps(extra, ensure_ascii=False) + "\n")
    res = CliRunner().invoke(eval_command, ["--gsr", str(gsr), "--gsr-errors", "--json"])
    errs = json.loads(res.output)["gsr_errors"]
    assert [(e["id"], e["error"]) for e in errs] == [("g3", "fp")]
    assert errs[0]["rules"] == ["ar/triggers/assault:خطفوا"]
    assert json.loads(res.output)["gsr_rules"]["ar/triggers/assault:خطفوا"] == {"tp": 0, "fp": 1}
