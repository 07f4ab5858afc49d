#!/usr/bin/env python3
"""Score khabar on dev3: extract the gold's corpus records, run + export, and call the reference scorer.

Usage: python3 tests/data/score_dev3.py [--keep DIR] [--json]
Needs ../shared (the corpus and tools/score_events.py); the texts stay outside the repo.
The gold (dev3_gold.jsonl) is written by build_dev3_gold.py, which also states how the articles were chosen.
"""
from __future__ import annotations

import sys
from pathlib import Path

from gold_runner import run

GOLD = Path(__file__).resolve().parent / "dev3_gold.jsonl"


def main() -> int:
    """Run the pipeline on the dev3 documents and print the reference scores."""
    return run(GOLD, "dev3")


if __name__ == "__main__":
    sys.exit(main())
