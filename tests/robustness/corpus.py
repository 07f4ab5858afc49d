"""Generated inputs for the robustness tests: good short news records and bad inputs of every kind.

Nothing here is checked-in junk: every file is written by the tests into tmp_path.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FA_SUBJECTS = ["پوتین", "اردوغان", "وزیر امور خارجه ایران", "رئیس جمهور فرانسه", "نخست وزیر عراق"]
FA_OBJECTS = ["همتای ترکیه", "سفیر آلمان", "هیئتی از قطر", "دبیرکل سازمان ملل"]
FA_CITIES = ["تهران", "آنکارا", "مسکو", "بغداد", "دوحه"]
AR_SUBJECTS = ["الرئيس الروسي", "وزير الخارجية الإيراني", "رئيس الوزراء العراقي", "الأمين العام للأمم المتحدة"]
AR_OBJECTS = ["نظيره التركي", "السفير الألماني", "وفدا قطريا"]
AR_CITIES = ["طهران", "أنقرة", "موسكو", "بغداد"]


def fa_text(i: int) -> str:
    """A short, distinct Persian news text (two sentences)."""
    s, o, c = FA_SUBJECTS[i % 5], FA_OBJECTS[i % 4], FA_CITIES[i % 5]
    return f"{s} روز دوشنبه با {o} در {c} دیدار و گفتگو کرد. این دیدار شماره {i} در سفر رسمی بود."


def ar_text(i: int) -> str:
    """A short, distinct Arabic news text (two sentences)."""
    s, o, c = AR_SUBJECTS[i % 4], AR_OBJECTS[i % 3], AR_CITIES[i % 4]
    return f"التقى {s} يوم الاثنين مع {o} في {c} وبحث معه العلاقات الثنائية. وهذا هو اللقاء رقم {i} خلال الزيارة."


def record(i: int) -> dict[str, str]:
    """A good JSONL record, alternating Persian and Arabic."""
    text = fa_text(i) if i % 2 == 0 else ar_text(i)
    return {"id": f"r{i}", "text": text, "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}


def jsonl_line(rec: object) -> bytes:
    """One JSONL line as UTF-8 bytes."""
    return (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")


def write_jsonl(path: Path, n: int, start: int = 0) -> None:
    """A JSONL file of n good records."""
    path.write_bytes(b"".join(jsonl_line(record(i)) for i in range(start, start + n)))


def page(title: str, body: str) -> str:
    """A small news page (title, navigation, article paragraphs)."""
    paras = "".join(f"<p>{body}</p>" for _ in range(4))
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article></body></html>"
    )


def warc_bytes(pages: list[tuple[str, str]]) -> tuple[bytes, list[int]]:
    """A gzipped WARC of HTML responses (url, html) and the byte offset where each record ends."""
    buf = BytesIO()
    w = WARCWriter(buf, gzip=True)
    ends = []
    for url, html in pages:
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        rec = w.create_warc_record(url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=hh)
        w.write_record(rec)
        ends.append(buf.tell())
    return buf.getvalue(), ends


@dataclass
class Case:
    """A generated source folder: how many documents must be stored and which rejects must appear."""

    stored: int
    rejects: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)  # texts that must be stored exactly (decoded)
    env: dict[str, str] = field(default_factory=dict)
    process: bool = False  # run `khabar run` as its own process (signals: the time budget's SIGALRM)


Builder = Callable[[Path], Case]
CASES: dict[str, Builder] = {}


def case(fn: Builder) -> Builder:
    """Register a bad-input case under its function name."""
    CASES[fn.__name__] = fn
    return fn


def good_txt(src: Path, n: int = 2, start: int = 100) -> list[str]:
    """n good .txt files (Persian/Arabic) in src; return their texts."""
    texts = [fa_text(i) if i % 2 == 0 else ar_text(i) for i in range(start, start + n)]
    for i, t in enumerate(texts):
        (src / f"good{i}.txt").write_text(t, encoding="utf-8")
    return texts


@case
def invalid_utf8(src: Path) -> Case:
    """A .txt and a JSONL line that are neither UTF-8 nor Windows-1256 Arabic."""
    good_txt(src)
    (src / "bad.txt").write_bytes(b"Report \xc3\x28 on prices \xe2\x82 and data \xff\xfe\xfd today")
    lines = (
        jsonl_line(record(1))
        + b'{"id": "x", "text": "caf\xe9 cr\xe8me \xff\xfe br\xfbl\xe9e"}\n'
        + jsonl_line(record(2))
    )
    (src / "mix.jsonl").write_bytes(lines)
    return Case(stored=4, rejects={"undecodable": 2})


@case
def windows_1256(src: Path) -> Case:
    """Arabic in Windows-1256 (a whole file and one JSONL line): decoded and stored, not rejected."""
    text = ar_text(7)
    (src / "legacy.txt").write_bytes(text.encode("cp1256"))
    line_text = ar_text(9)
    line = json.dumps({"id": "w", "text": line_text}, ensure_ascii=False).encode("cp1256") + b"\n"
    (src / "legacy.jsonl").write_bytes(jsonl_line(record(3)) + line)
    return Case(stored=3, texts=[text, line_text])


@case
def utf16(src: Path) -> Case:
    """UTF-16 with a BOM, BOM-less UTF-16-LE, and a UTF-16 JSONL file: all decoded and stored."""
    a, b, c = fa_text(20), ar_text(21), fa_text(22)
    (src / "bom.txt").write_bytes(a.encode("utf-16"))
    (src / "nobom.txt").write_bytes(b.encode("utf-16-le"))
    (src / "lines.jsonl").write_bytes(
        ("\ufeff" + json.dumps({"id": "u", "text": c}, ensure_ascii=False) + "\n").encode("utf-16-le")
    )
    return Case(stored=3, texts=[a, b, c])


@case
def binary(src: Path) -> Case:
    """A PNG-like binary named .txt, random bytes in a JSONL line, and a .pdf in the folder."""
    good_txt(src)
    rng = random.Random(1)
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(3000))
    junk = bytes(b for b in rng.randbytes(400) if b != 0x0A)
    (src / "mix.jsonl").write_bytes(jsonl_line(record(5)) + b"\x00\x01\x02" + junk + b"\n")
    (src / "report.pdf").write_bytes(b"%PDF-1.4\n" + rng.randbytes(500))
    return Case(stored=3, rejects={"binary": 2, "unsupported_format": 1})


@case
def empty_and_whitespace(src: Path) -> Case:
    """Empty and whitespace-only files and JSONL texts, and a text of invisible marks only."""
    good_txt(src)
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_text("  \n\t\r\n   \n", encoding="utf-8")
    recs = [
        record(6),
        {"id": "e1", "text": ""},
        {"id": "e2", "text": " \n\t "},
        {"id": "e3", "text": "\u200c\u200f\u00a0\u200e"},
    ]
    (src / "mix.jsonl").write_bytes(b"".join(jsonl_line(r) for r in recs) + b"\n   \n")
    return Case(stored=3, rejects={"empty": 5})


@case
def fifty_megabytes(src: Path) -> Case:
    """A 50 MB text file and a 50 MB JSONL line: refused by size without being processed."""
    good_txt(src)
    line = (fa_text(1) + "\n").encode("utf-8")
    chunk = line * (2**20 // len(line) + 1)
    with (src / "huge.txt").open("wb") as f:
        for _ in range(50):
            f.write(chunk)
    with (src / "huge.jsonl").open("wb") as f:
        f.write(jsonl_line(record(8)))
        f.write(b'{"id": "big", "text": "')
        f.write(b"x" * (50 * 2**20))
        f.write(b'"}\n')
        f.write(jsonl_line(record(10)))
    return Case(stored=4, rejects={"too_large": 1, "line_too_long": 1})


@case
def million_char_line(src: Path) -> Case:
    """A one-million-character line in a .txt and in a JSONL record."""
    good_txt(src)
    line = " ".join([fa_text(3)] * (1_000_000 // len(fa_text(3)) + 1))[:1_000_000]
    (src / "oneline.txt").write_text(line, encoding="utf-8")
    (src / "mix.jsonl").write_bytes(jsonl_line({"id": "long", "text": line}) + jsonl_line(record(12)))
    return Case(stored=3, rejects={"line_too_long": 2})


@case
def malformed_jsonl(src: Path) -> Case:
    """Broken JSON, non-objects, a missing or non-string text, deep nesting, a cut last line, among good lines."""
    bad = [
        b"{not json\n",
        b"[1, 2, 3]\n",
        b"42\n",
        b'{"id": "m", "title": "no text"}\n',
        b'{"id": "n", "text": 5}\n',
        b'{"id": "l", "text": ["a", "b"]}\n',
        b"[" * 100_000 + b"\n",
        b'{"id": "s", "text": "\\ud83d broken surrogate ' + fa_text(40).encode() + b'"}\n',
    ]
    body = b""
    for i, line in enumerate(bad):
        body += jsonl_line(record(30 + i)) + line
    body += b'{"id": "cut", "text": "' + fa_text(41).encode()[:30]
    (src / "mix.jsonl").write_bytes(body)
    return Case(stored=9, rejects={"malformed": 7, "missing_field": 1})


@case
def csv_broken_quoting(src: Path) -> Case:
    """CSV rows with an unclosed quote, a stray quote and a wrong field count among good rows."""
    rows = ["id,text,date"]
    rows.append(f'c1,"{fa_text(50)}",2024-01-01')
    rows.append(f'c2,"{ar_text(51)} unclosed,2024-01-02')
    rows.append(f'c3,"{fa_text(52)}",2024-01-03')
    rows.append(f'c4,{ar_text(53)} "stray" quote,2024-01-04')
    rows.append(f'c5,"{fa_text(54)}",2024-01-05,extra')
    rows.append(f'c6,"{ar_text(55)}\nover two lines",2024-01-06')
    (src / "table.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return Case(stored=4, rejects={"malformed": 2})  # a stray quote inside an unquoted field is literal text


@case
def html_scripts_styles(src: Path) -> Case:
    """An HTML page of scripts and styles only, beside a good page."""
    (src / "good.html").write_text(page("دیدار در تهران", fa_text(60)), encoding="utf-8")
    junk = "<html><head><style>body{color:red}</style><script>var x = 1; document.write('x');</script></head>"
    junk += "<body><script>console.log('only scripts')</script><style>p{}</style></body></html>"
    (src / "scripts.html").write_text(junk, encoding="utf-8")
    return Case(stored=1, rejects={"no_main_text": 1})


@case
def truncated_warc(src: Path) -> Case:
    """A WARC.gz cut in the middle of its third record: the first two are stored, the cut is a reject."""
    pages = [(f"http://news.example/{i}", page(f"خبر {i}", fa_text(70 + i))) for i in range(3)]
    data, ends = warc_bytes(pages)
    (src / "crawl.warc.gz").write_bytes(data[: (ends[1] + ends[2]) // 2])
    return Case(stored=2, rejects={"malformed": 1})


@case
def truncated_jsonl_gz(src: Path) -> Case:
    """A gzipped JSONL file cut short: complete lines before the cut are stored, then one reject."""
    raw = b"".join(jsonl_line(record(i)) for i in range(80, 120))
    data = gzip.compress(raw)
    (src / "cut.jsonl.gz").write_bytes(data[: len(data) * 3 // 4])
    return Case(stored=-1, rejects={"malformed": 1})  # stored: whatever precedes the cut (checked > 0)


@case
def mixed_scripts(src: Path) -> Case:
    """Persian with Latin, Cyrillic, Hebrew and CJK words is stored; English and Russian texts are rejected."""
    text = f"{fa_text(90)} (Vladimir Putin, Владимир Путин, 普京, פוטין) 2024 — {fa_text(91)}"
    (src / "mixed.txt").write_text(text, encoding="utf-8")
    (src / "english.txt").write_text("Putin met Erdogan in Ankara on Monday to discuss the war. " * 3, encoding="utf-8")
    (src / "russian.txt").write_text("Путин встретился с Эрдоганом в Анкаре в понедельник. " * 3, encoding="utf-8")
    return Case(stored=1, rejects={"unsupported_language": 2}, texts=[text])


@case
def emoji(src: Path) -> Case:
    """Emoji (with ZWJ sequences and skin tones) inside Persian and Arabic text are kept; emoji-only is rejected."""
    a = f"🔴 فوری: {fa_text(92)} 👍🏽👨‍👩‍👧 🇮🇷"
    b = f"{ar_text(93)} 🤝🌍✅"
    (src / "fa.txt").write_text(a, encoding="utf-8")
    (src / "ar.txt").write_text(b, encoding="utf-8")
    (src / "only.txt").write_text("🔥🔥🔥 👍🏽 🇮🇷🇹🇷 ✅", encoding="utf-8")
    return Case(stored=2, rejects={"empty": 1}, texts=[a, b])


@case
def bidi_controls(src: Path) -> Case:
    """Bidi marks, embeddings, overrides and isolates between and inside words; controls-only is rejected."""
    words = fa_text(94).split(" ")
    marks = ["\u200f", "\u200e", "\u202b", "\u202c", "\u202e", "\u2067", "\u2069", "\u061c"]
    text = " ".join(w + marks[i % len(marks)] for i, w in enumerate(words))
    inside = ar_text(95).replace("ال", "ال\u200f")
    (src / "bidi.txt").write_text(text, encoding="utf-8")
    (src / "inside.txt").write_text(inside, encoding="utf-8")
    (src / "only.txt").write_text("\u202b\u202e\u2067\u2069\u200f\u200e" * 10, encoding="utf-8")
    return Case(stored=2, rejects={"empty": 1}, texts=[text, inside])


@case
def long_tokens(src: Path) -> Case:
    """10,000-character tokens (Persian letters, Latin letters, digits, a URL) inside news text."""
    tokens = ["ب" * 10_000, "a" * 10_000, "7" * 10_000, "https://x.example/" + "q" * 10_000]
    text = f"{fa_text(96)} {tokens[0]} {tokens[1]}. {fa_text(97)} {tokens[2]} {tokens[3]}"
    (src / "tokens.txt").write_text(text, encoding="utf-8")
    (src / "lines.jsonl").write_bytes(jsonl_line({"id": "t", "text": ar_text(98) + " " + "ك" * 10_000}))
    return Case(stored=2, texts=[text])


@case
def over_time_budget(src: Path) -> Case:
    """A long document that needs more than the (tightened) per-document time budget is a TIMEOUT reject."""
    good_txt(src)
    para = "\n".join(fa_text(i) for i in range(200, 260))
    (src / "zz_slow.txt").write_text("\n".join([para] * 40), encoding="utf-8")
    return Case(stored=2, rejects={"timeout": 1}, env={"KHABAR_DOCUMENT_SECONDS": "0.2"}, process=True)
