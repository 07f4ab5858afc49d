"""GSR detection scorer: loading, confusion counts, and the real pipeline on tiny hand-made files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from khabar.errors import EvalError
from khabar.eval.gsr import GsrItem, detect, format_gsr, load_gsr, pipeline_detector, score_detections, score_gsr


def record(i: int, event_type: str, label: str, text: str) -> dict[str, Any]:
    """One GSR record as the openeventdata files carry it."""
    return {"id": f"s-{i}", "lang": "ar", "date": "2008-10-11", "source": "hand-made", "event_type": event_type,
            "label": label, "accept": 0, "reject": 0, "total": 3, "text": text}


def write(path: Path, rows: list[dict[str, Any]]) -> Path:
    """Write JSONL rows."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


TINY = [
    record(1, "ASSAULT", "yes", "قتل ثلاثة جنود في هجوم على دورية قرب الحدود أمس."),
    record(2, "ASSAULT", "yes", "أصيب خمسة أشخاص بجروح في انفجار سيارة مفخخة وسط بغداد."),
    record(3, "ASSAULT", "easy no", "وقع الوزيران اتفاقا للتعاون الاقتصادي بين البلدين."),
    record(4, "ASSAULT", "difficult no", "ضرب الوزير مثالا على التعاون بين البلدين."),
    record(5, "ASSAULT", "ambiguous", "تحدث التقرير عن العنف في المنطقة."),
    record(6, "PROTEST", "yes", "تظاهر آلاف الطلاب أمام مبنى البرلمان للاحتجاج على رفع الأسعار."),
    record(7, "PROTEST", "easy no", "افتتح الرئيس معرضا للكتاب في العاصمة."),
]


def test_load_skips_ambiguous_and_reads_fields(tmp_path: Path) -> None:
    items = load_gsr(write(tmp_path / "detection_dev.jsonl", TINY))
    assert [i.id for i in items] == ["s-1", "s-2", "s-3", "s-4", "s-6", "s-7"]
    assert items[0].positive and not items[2].positive
    assert items[0].date is not None and items[0].date.isoformat() == "2008-10-11"


def test_folder_reads_every_jsonl(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", TINY[:2])
    write(tmp_path / "b.jsonl", TINY[5:])
    assert len(load_gsr(tmp_path)) == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "x", "event_type": "ASSAULT", "label": "maybe", "text": "t"}\n', "unknown label"),
        ('{"id": "x", "label": "yes", "text": "t"}\n', "needs"),
        ("not json\n", "not JSON"),
        ('{"id": "x", "event_type": "ASSAULT", "label": "yes", "text": "t", "date": "11/10/2008"}\n', "bad date"),
    ],
)
def test_malformed_records_raise(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.jsonl").write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        load_gsr(tmp_path / "bad.jsonl")


def test_missing_or_empty_paths_raise(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="not found"):
        load_gsr(tmp_path / "nope")
    with pytest.raises(EvalError, match=r"no \.jsonl"):
        load_gsr(tmp_path)


def test_confusion_counts_with_a_fixed_detector() -> None:
    items = [
        GsrItem("a", "t", "ASSAULT", "yes"), GsrItem("b", "t", "ASSAULT", "yes"),
        GsrItem("c", "t", "ASSAULT", "easy no"), GsrItem("d", "t", "ASSAULT", "difficult no"),
        GsrItem("e", "t", "ASSAULT", "easy no"), GsrItem("f", "t", "PROTEST", "yes"),
    ]
    says = {"a": ["ASSAULT"], "c": ["ASSAULT"], "d": ["ASSAULT", "PROTEST"], "f": ["ASSAULT"]}
    rows = score_detections(detect(items, lambda it: (says.get(it.id, []), [])))
    a = rows["ASSAULT"]
    assert (a["tp"], a["fp"], a["fn"], a["tn"], a["fp_easy"], a["fp_difficult"]) == (1, 2, 1, 1, 1, 1)
    assert (a["p"], a["r"], a["f1"]) == (0.3333, 0.5, 0.4)
    p = rows["PROTEST"]  # an ASSAULT found in a PROTEST sentence is not a PROTEST detection
    assert (p["tp"], p["fn"], p["f1"]) == (0, 1, 0.0)
    assert "ASSAULT   P=0.333" in format_gsr(rows)


def test_pipeline_detects_tiny_file(tmp_path: Path) -> None:
    rows = score_gsr(write(tmp_path / "d.jsonl", TINY))
    assert rows["ASSAULT"]["tp"] == 2 and rows["ASSAULT"]["fp"] == 0
    assert rows["PROTEST"]["tp"] == 1 and rows["PROTEST"]["fp"] == 0


def test_hypothetical_event_is_not_a_detection() -> None:
    item = GsrItem("h", "إذا انفجرت سيارة مفخخة في السوق فسيقتل كثيرون.", "ASSAULT", "easy no", "ar")
    types, _ = pipeline_detector(item)
    assert "ASSAULT" not in types


@pytest.mark.parametrize(("text", "detected"), [
    ("وقتل ثلاثة جنود في هجوم على دورية في مارس 2006.", False),
    ("وقتل ثلاثة جنود في هجوم على دورية في مارس 2008.", True),
    ("وقتل ثلاثة جنود في هجوم على دورية أمس.", True),
    ("وأعلنت الحكومة الحداد بعد أن قتل مسلحون ثلاثة جنود أمس.", False),  # told as background
    ("وأعلنت الحكومة الحداد. وقتل مسلحون ثلاثة جنود أمس.", True),
])
def test_history_and_background_are_not_detections(text: str, detected: bool) -> None:
    item = GsrItem("y", text, "ASSAULT", "easy no", "ar", date(2008, 10, 11))
    types, _ = pipeline_detector(item)
    assert ("ASSAULT" in types) is detected


SHARED_GSR = Path(__file__).parents[2].parent / "shared" / "external" / "arabic_event_gsr_dev"


@pytest.mark.shared
@pytest.mark.skipif(not SHARED_GSR.is_dir(), reason="../shared is absent")
def test_dev_file_counts_with_an_always_yes_detector() -> None:
    rows = score_gsr(SHARED_GSR, lambda it: ([it.event_type], ["always"]))
    assert (rows["ASSAULT"]["tp"], rows["ASSAULT"]["fp"], rows["ASSAULT"]["fn"]) == (71, 525, 0)
    assert (rows["PROTEST"]["tp"], rows["PROTEST"]["fp"], rows["PROTEST"]["fn"]) == (25, 447, 0)
    assert rows["ASSAULT"]["fp_difficult"] == 125 and rows["PROTEST"]["fp_easy"] == 354
