"""Write a libFuzzer dictionary of every string in khabar's language data (triggers, cues, names, months).

Usage: python fuzz/make_dict.py OUT.dict  (called by fuzz/run.sh; the mutator then splices real words).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MAX_BYTES = 64


def strings(value: object) -> Iterator[str]:
    """Every string key and value inside a YAML document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def entry(text: str) -> str:
    """One dictionary line: the UTF-8 bytes, escaped."""
    return '"' + "".join(f"\\x{b:02x}" for b in text.encode("utf-8")) + '"'


def main(out: str) -> None:
    """Collect the non-ASCII strings of khabar/lang and khabar/data YAML files into a dictionary."""
    seen: set[str] = set()
    for path in sorted([*ROOT.glob("khabar/lang/**/*.yaml"), *ROOT.glob("khabar/data/**/*.yaml")]):
        for s in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if s and not s.isascii() and len(s.encode("utf-8")) <= MAX_BYTES:
                seen.add(s)
    seen.update(["\n", ". ", "\u200c", "\u061f", "\u060c", "\u00ab", "\u00bb", '{"id": "a", "text": "', '"}\n'])
    Path(out).write_text("\n".join(entry(s) for s in sorted(seen)) + "\n", encoding="ascii")
    print(f"{len(seen)} dictionary entries -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
