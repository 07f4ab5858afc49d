"""Atheris fuzz target for the text layer: arbitrary bytes -> ingest decoding/readers -> every pipeline stage.

Run it with ``fuzz/run.sh MINUTES``. A crash is an exception escaping a stage (the pipeline
would turn it into an INTERNAL_ERROR reject, hiding it) or a broken offset invariant.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["khabar"]):
    from khabar.ingest import read_sources
    from khabar.ingest.decode import decode_bytes
    from khabar.model import Document, Reject
    from khabar.pipeline import STAGES
    from khabar.settings import Limits

WORDS_FILE = os.environ.get("KHABAR_FUZZ_WORDS", "")
GLUE = [
    " ",
    " ",
    " ",
    "\n",
    ". ",
    "\u060c ",
    "\u200c",
    "«",
    "»",
    ": ",
    "\u061f ",
    "\u200f",
    "",
    "(",
    ")",
    " \u0648",
    "\u060c ",
    "\n\n",
]
LIMITS = Limits(max_document_chars=200_000, max_line_chars=50_000, document_seconds=0)
SCRATCH = Path(tempfile.mkdtemp(prefix="khabar-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
SUFFIXES = (".txt", ".jsonl", ".csv", ".html")


def check(doc: Document) -> None:
    """Run every stage on one document (no exception allowed) and check that every offset points into the text."""
    stage = dict(STAGES)
    analysis = stage["text"](doc)
    if isinstance(analysis, Reject):
        return
    text, n = doc.text, len(doc.text)
    prev = 0
    for s in analysis.sentences:
        assert prev <= s.start < s.end <= n, (s, n)
        prev = s.end
    mentions = stage["actors"](analysis)
    found = stage["dates"](analysis)
    events = stage["events"](analysis, mentions, found)
    stage["assign_dates"](events, found, analysis)
    for m in mentions:
        assert text[m.start : m.end] == m.text, m
    for d in found:
        assert text[d.start : d.end] == d.text, d
    for ev in events:
        assert 0 <= ev.evidence.start <= ev.trigger.start < ev.trigger.end <= ev.evidence.end <= n, ev


def load_words() -> list[str]:
    """The language-data strings fuzz/make_dict.py wrote (one escaped entry a line), for the word mode."""
    if not WORDS_FILE or not os.path.exists(WORDS_FILE):
        return []
    out = []
    with open(WORDS_FILE, encoding="ascii") as f:
        for line in f:
            raw = line.strip()[1:-1]
            out.append(bytes(int(raw[i + 2 : i + 4], 16) for i in range(0, len(raw), 4)).decode("utf-8"))
    return out


WORDS = load_words()


def words_text(body: bytes) -> str:
    """A text made of language-data words joined by spaces and punctuation, chosen by the fuzzer's bytes."""
    fdp = atheris.FuzzedDataProvider(body)
    parts: list[str] = []
    while fdp.remaining_bytes() > 1 and len(parts) < 400:
        parts.append(WORDS[fdp.ConsumeIntInRange(0, len(WORDS) - 1)])
        parts.append(GLUE[fdp.ConsumeIntInRange(0, len(GLUE) - 1)])
    return "".join(parts)


def one_input(data: bytes) -> None:
    """The first byte picks the path: bytes decoded as a document, a file read, or language-data words joined."""
    if not data:
        return
    mode, body = data[0] % 6, data[1:]
    if mode == 5:
        if WORDS:
            check(Document("fuzz", words_text(body)))
        return
    if mode == 0:
        decoded = decode_bytes(body)
        if decoded.text is not None:
            check(Document("fuzz", decoded.text))
        return
    path = SCRATCH / f"input{SUFFIXES[mode - 1]}"
    path.write_bytes(body)
    for item in read_sources([path], LIMITS):
        if isinstance(item, Document):
            check(item)


def warm_up() -> None:
    """Load every language's data before fuzzing, so that loading is not taken for a slow input."""
    for path in sorted(Path(__file__).resolve().parents[1].glob("examples/*.txt")):
        check(Document(path.name, path.read_text(encoding="utf-8")))


def main() -> None:
    """Entry point: libFuzzer options come from the command line."""
    warm_up()
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
