#!/usr/bin/env python3
"""Score khabar on dev2: extract the gold's corpus records, run + export, and call the reference scorer.

Usage: python3 tests/data/score_dev2.py [--keep DIR] [--json]
Needs ../shared (the corpus and tools/score_events.py); the texts stay outside the repo.
"""
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
GOLD = HERE / "dev2_gold.jsonl"
CORPUS = ["fa_farsnews_2003_2021.jsonl", "fa_farsnews_2023.jsonl", "ar_bbc_2017.jsonl", "ar_saudinewsnet_2015.jsonl.gz"]


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


def main() -> int:
    """Run the pipeline on the dev2 documents and print the reference scores."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="leave the input, store and predictions in this folder")
    ap.add_argument("--json", action="store_true", help="scorer output as JSON")
    args = ap.parse_args()
    ids = {json.loads(line)["doc"] for line in GOLD.open(encoding="utf-8") if line.strip()}
    work = args.keep or Path(tempfile.mkdtemp(prefix="dev2_"))
    work.mkdir(parents=True, exist_ok=True)
    src, db, pred = work / "dev2_input.jsonl", work / "dev2.duckdb", work / "dev2_pred.jsonl"
    found = extract(ids, src)
    if found != len(ids):
        print(f"warning: {len(ids) - found} gold documents not found in the corpus", file=sys.stderr)
    db.unlink(missing_ok=True)
    khabar = str(REPO / ".venv" / "bin" / "khabar")
    subprocess.run([khabar, "run", str(src), "--db", str(db), "-q"], check=True)
    subprocess.run([khabar, "export", "--db", str(db), "-o", str(pred)], check=True)
    cmd = [sys.executable, str(SHARED / "tools" / "score_events.py"), str(GOLD), str(pred)]
    return subprocess.run(cmd + (["--json"] if args.json else []), check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
