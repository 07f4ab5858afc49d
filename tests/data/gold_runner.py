"""Shared runner of the dev gold scripts: extract a gold's corpus records, run + export khabar, score."""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SHARED = REPO.parent / "shared"
CORPUS = ["fa_farsnews_2003_2021.jsonl", "fa_farsnews_2023.jsonl", "ar_bbc_2017.jsonl", "ar_saudinewsnet_2015.jsonl.gz"]


def write_gold(out: Path, docs: list[tuple[str, str, str | None, list[dict]]]) -> None:
    """Write gold rows (doc id, language, publication date, events) as JSONL."""
    with out.open("w", encoding="utf-8") as fh:
        for doc, lang, pub, events in docs:
            row = {"doc": doc, "lang": lang, "pub_date": pub, "events": events}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def records(path: Path) -> Iterator[dict]:
    """The JSON records of one (optionally gzipped) corpus file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def extract(ids: set[str], out: Path) -> int:
    """Write the corpus records whose id is in ids to out; return how many."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for name in CORPUS:
            for rec in records(SHARED / "corpus" / name):
                if rec.get("id") in ids:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
    return n


def run(gold: Path, tag: str) -> int:
    """Parse --keep/--json, run the pipeline on the gold's documents and print the reference scores."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="leave the input, store and predictions in this folder")
    ap.add_argument("--json", action="store_true", help="scorer output as JSON")
    args = ap.parse_args()
    ids = {json.loads(line)["doc"] for line in gold.open(encoding="utf-8") if line.strip()}
    work = args.keep or Path(tempfile.mkdtemp(prefix=f"{tag}_"))
    work.mkdir(parents=True, exist_ok=True)
    src, db, pred = work / f"{tag}_input.jsonl", work / f"{tag}.duckdb", work / f"{tag}_pred.jsonl"
    found = extract(ids, src)
    if found != len(ids):
        print(f"warning: {len(ids) - found} gold documents not found in the corpus", file=sys.stderr)
    db.unlink(missing_ok=True)
    khabar = str(REPO / ".venv" / "bin" / "khabar")
    subprocess.run([khabar, "run", str(src), "--db", str(db), "-q"], check=True)
    subprocess.run([khabar, "export", "--db", str(db), "-o", str(pred)], check=True)
    cmd = [sys.executable, str(SHARED / "tools" / "score_events.py"), str(gold), str(pred)]
    return subprocess.run(cmd + (["--json"] if args.json else []), check=False).returncode
