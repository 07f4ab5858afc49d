#!/usr/bin/env python3
"""Score khabar on dev2: extract the gold's corpus records, run + export, and call the reference scorer.

Usage: python3 tests/data/score_dev2.py [--keep DIR] [--json]
Needs ../shared (the corpus and tools/score_events.py); the texts stay outside the repo.
"""
from __future__ import annotations

import sys
from pathlib import Path

from gold_runner import run

GOLD = Path(__file__).resolve().parent / "dev2_gold.jsonl"


def main() -> int:
    """Run the pipeline on the dev2 documents and print the reference scores."""
    return run(GOLD, "dev2")


if __name__ == "__main__":
    sys.exit(main())
