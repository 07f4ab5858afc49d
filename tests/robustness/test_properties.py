"""Property tests: ingest decoding and reading, story and sentence splitting, offsets of the whole pipeline."""

from __future__ import annotations

import json
import os
import re
import string
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.ingest import read_sources
from khabar.ingest.decode import decode_bytes, sample_of
from khabar.model import Analysis, Document, Reject, RejectReason
from khabar.pipeline import process
from khabar.text import analyse
from khabar.text.sentences import MAX_CHARS
from tests.robustness.corpus import ar_text, fa_text

EXAMPLES = int(os.environ.get("KHABAR_PROPERTY_EXAMPLES", "150"))  # raise it for a deeper search
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = [w for i in range(10) for w in (fa_text(i) + " " + ar_text(i)).split()]
CUES = ["بیشتر بخوانید", "اقرأ أيضا", "به گزارش ایرنا", "به نقل از تاس", "نقلا عن رويترز", "انتهای پیام", "۱۴۰۲/۰۷/۰۵"]
MARKS = [".", "!", "?", "؟", "۔", "…", ",", "،", "؛", ":", "«", "»", "(", ")", '"', "-", "—", "\u200c"]
SPACES = [" ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "\u200f", "\u202b", "\u202c", "\u2067", "\u2069"]
ODD = ["🔴", "👨‍👩‍👧", "🇮🇷", "\ufeff", "\u0640", "ﻻ", "ك", "ي", "٣", "۳", "3.5", "U.S.", "http://x.ir/a.b", "ب" * 500]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(CUES),
    st.sampled_from(MARKS),
    st.sampled_from(SPACES),
    st.sampled_from(ODD),
    st.text(min_size=1, max_size=3),
)
news_text = st.lists(piece, min_size=1, max_size=120).map("".join)
WORD_CHAR = re.compile(r"[^\W\u0640]")  # letters and digits; a tatweel is only stretching


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a raw offset lies in one of the half-open spans."""
    return any(s <= pos < e for s, e in spans)


# ---------------------------------------------------------------- decoding


@FAST
@given(st.binary(max_size=3000))
def test_decode_never_raises_and_says_why(data: bytes) -> None:
    d = decode_bytes(data)
    assert (d.text is None) == (d.reason is not None)
    if d.text is not None:
        assert d.text.strip()
    else:
        assert d.detail
    assert len(sample_of(data)) <= 200


@FAST
@given(st.text(max_size=400), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_decoding_gives_back_the_text(text: str, encoding: str) -> None:
    d = decode_bytes(text.encode(encoding))
    if d.text is None:
        assert d.reason in (RejectReason.EMPTY, RejectReason.BINARY)
        assert not text.strip() or any(unicodedata.category(c) == "Cc" and c not in "\t\n\r\x0b\x0c\x1b" for c in text)
    elif "\x00" not in text and not (encoding == "utf-8" and text.startswith("\ufeff")):
        assert d.text == text  # (NULs at odd offsets read as BOM-less UTF-16; a leading U+FEFF as a BOM)


@FAST
@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي ءآأإئة،؟ .\n", min_size=3, max_size=300))
def test_windows_1256_arabic_is_decoded(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3 or not text.strip():
        return
    data = text.encode("cp1256")
    try:
        data.decode("utf-8")
        return  # a few cp1256 byte pairs are also valid UTF-8 (e.g. "آ،" is "¡"): UTF-8 wins, as it should
    except UnicodeDecodeError:
        pass
    assert decode_bytes(data).text == text


@FAST
@given(st.binary(max_size=2000))
def test_decoding_is_idempotent(data: bytes) -> None:
    first = decode_bytes(data).text
    if first is None or first.startswith("\ufeff") or "\x00" in first:
        return
    assert decode_bytes(first.encode("utf-8")).text == first


record_text = st.text(min_size=1, max_size=200).filter(str.strip)
line = st.one_of(
    st.builds(lambda t, i: json.dumps({"id": f"p{i}", "text": t}), record_text, st.integers(0, 10**6)),
    st.builds(lambda t: json.dumps({"id": "q", "text": t}, ensure_ascii=False), record_text),
    st.binary(min_size=0, max_size=120).map(lambda b: "x" + b.decode("latin-1")),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(line, min_size=1, max_size=25))
def test_every_jsonl_line_gives_one_document_or_one_reject(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "p.jsonl"
    body = "\n".join(ln.replace("\n", " ").replace("\r", " ") for ln in lines) + "\n"
    path.write_bytes(body.encode("utf-8", "surrogatepass"))
    out = list(read_sources([path]))
    assert len(out) == len(lines)
    for ln, got in zip(lines, out, strict=True):
        if ln.startswith("{"):
            expected = json.loads(ln)["text"]
            assert isinstance(got, Reject) or got.text == expected
        else:
            assert isinstance(got, Reject)


# ---------------------------------------------------------------- stories and sentences


def analysed(text: str) -> Analysis | None:
    """The analysis of a text, or None when the text layer rejects it (with a reason)."""
    out = analyse(Document("p", text))
    if isinstance(out, Reject):
        assert out.reason in (RejectReason.EMPTY, RejectReason.UNSUPPORTED_LANGUAGE)
        assert out.detail
        return None
    return out


@FAST
@given(news_text)
def test_stories_and_sentences_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    a = analysed(text)
    if a is None:
        return
    n = len(text)
    assert [st.index for st in a.stories] == list(range(len(a.stories)))
    assert [s.index for s in a.sentences] == list(range(len(a.sentences)))
    prev_end = 0
    for story in a.stories:
        assert prev_end <= story.start < story.end <= n
        assert story.sentences and story.start == story.sentences[0].start and story.end == story.sentences[-1].end
        for s in story.sentences:
            assert s.story == story.index
            assert prev_end <= s.start < s.end <= story.end
            prev_end = s.end


@FAST
@given(news_text)
def test_sentences_are_trimmed_capped_and_outside_boilerplate(text: str) -> None:
    a = analysed(text)
    if a is None:
        return
    boiler = [(b.start, b.end) for b in a.boilerplate]
    for s in a.sentences:
        chunk = text[s.start : s.end]
        assert chunk.strip() and not chunk[0].isspace() and not chunk[-1].isspace()
        assert s.end - s.start <= MAX_CHARS
        assert not any(bs < s.end and s.start < be for bs, be in boiler)


@FAST
@given(news_text)
def test_no_word_is_lost_inside_a_story(text: str) -> None:
    a = analysed(text)
    if a is None:
        return
    kept = [(s.start, s.end) for s in a.sentences] + [(b.start, b.end) for b in a.boilerplate]
    for story in a.stories:
        for m in WORD_CHAR.finditer(text, story.start, story.end):
            assert inside(m.start(), kept), f"{text[m.start()]!r} at {m.start()} is in no sentence"


@FAST
@given(news_text)
def test_analysis_is_deterministic(text: str) -> None:
    a, b = analysed(text), analysed(text)
    if a is None or b is None:
        assert a is None and b is None
        return
    spans = [(s.start, s.end, s.story) for s in a.sentences]
    assert spans == [(s.start, s.end, s.story) for s in b.sentences]
    assert [(x.start, x.end) for x in a.boilerplate] == [(x.start, x.end) for x in b.boilerplate]


# ---------------------------------------------------------------- the whole pipeline


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text)
def test_pipeline_never_crashes_and_every_offset_points_into_the_text(text: str) -> None:
    out = process(Document("p", text))
    if isinstance(out, Reject):
        assert out.reason is not RejectReason.INTERNAL_ERROR, out.detail
        return
    n = len(text)
    n_sentences = len(out.analysis.sentences)
    for m in out.mentions:
        assert 0 <= m.start < m.end <= n and text[m.start : m.end] == m.text
        assert 0 <= m.sentence < n_sentences
    for ev in out.events:
        assert 0 <= ev.evidence.start < ev.evidence.end <= n
        assert ev.evidence.start <= ev.trigger.start < ev.trigger.end <= ev.evidence.end
        assert 0 <= ev.sentence < n_sentences
        for m in ev.actor + ev.recipient:
            assert text[m.start : m.end] == m.text
    for d in out.dates:
        assert 0 <= d.start < d.end <= n and text[d.start : d.end] == d.text


def test_printable_ascii_only_is_not_persian_or_arabic() -> None:
    out = analyse(Document("p", string.printable * 3))
    assert isinstance(out, Reject) and out.reason is RejectReason.UNSUPPORTED_LANGUAGE
