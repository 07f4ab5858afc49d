"""HTML files (trafilatura main text + title) and WARC archives, including truncated ones."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from khabar.ingest import read_sources
from khabar.model import Document, Reject, RejectReason

BODY = "قال وزير الخارجية إن المفاوضات مع الجانب الآخر ستستمر الأسبوع المقبل في جنيف. " * 6


def page(title: str, body: str = BODY) -> str:
    """A small news page with a title, navigation boilerplate and an article."""
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title>"
        "<meta property='article:published_time' content='2017-08-11'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    )


def write_warc(path: Path, pages: list[tuple[str, str, str]], gz: bool = True) -> None:
    """A WARC of HTTP responses (url, content type, body) plus one request record."""
    with path.open("wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(
            w.create_warc_record("http://example.com/", "request", payload=BytesIO(b"GET / HTTP/1.0\r\n\r\n"))
        )
        for url, ctype, body in pages:
            hh = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            rec = w.create_warc_record(url, "response", payload=BytesIO(body.encode("utf-8")), http_headers=hh)
            w.write_record(rec)


def test_html_title_joined_and_main_text(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(page("الوزير يعلن استمرار المفاوضات"), encoding="utf-8")
    (d,) = list(read_sources([p]))
    assert isinstance(d, Document)
    assert d.id == "page.html"
    assert d.text.startswith("الوزير يعلن استمرار المفاوضات\nقال وزير الخارجية")
    assert "Home" not in d.text
    assert d.text.count("الوزير يعلن استمرار المفاوضات") == 1


def test_htm_in_windows_1256(tmp_path: Path) -> None:
    p = tmp_path / "old.htm"
    p.write_bytes(page("خبر قديم").replace("utf-8", "windows-1256").encode("cp1256"))
    (d,) = list(read_sources([p]))
    assert isinstance(d, Document) and "المفاوضات" in d.text


def test_html_with_only_scripts_and_styles_has_no_main_text(tmp_path: Path) -> None:
    p = tmp_path / "empty.html"
    p.write_text(
        "<html><head><style>p{color:red}</style><script>var a=1;</script></head>"
        "<body><script>x()</script></body></html>"
    )
    (r,) = list(read_sources([p]))
    assert isinstance(r, Reject) and r.reason is RejectReason.NO_MAIN_TEXT
    assert r.record_id == "empty.html" and r.sample and r.sample.startswith("<html>")


def test_warc_html_and_text_responses(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc.gz"
    pages = [
        ("http://example.com/a", "text/html; charset=utf-8", page("عنوان أول")),
        ("http://example.com/b.png", "image/png", "not a document"),
        ("http://example.com/c.txt", "text/plain", "plain text news"),
    ]
    write_warc(p, pages)
    out = list(read_sources([p]))
    assert [(type(r).__name__, r.origin) for r in out] == [("Document", f"{p}#2"), ("Document", f"{p}#4")]
    first = out[0]
    assert isinstance(first, Document)
    assert (first.id, first.url) == ("http://example.com/a", "http://example.com/a")
    assert first.text.startswith("عنوان أول\n")


def test_uncompressed_warc(tmp_path: Path) -> None:
    p = tmp_path / "crawl.warc"
    write_warc(p, [("http://example.com/a", "text/html", page("عنوان"))], gz=False)
    assert [type(r).__name__ for r in read_sources([p])] == ["Document"]


def test_truncated_warc_gz_yields_good_records_then_one_reject(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    pages = [(f"http://example.com/{i}", "text/html", page(f"عنوان {i}")) for i in range(3)]
    write_warc(full, pages)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    out = list(read_sources([cut]))
    assert [type(r).__name__ for r in out] == ["Document", "Document", "Reject"]
    r = out[-1]
    assert isinstance(r, Reject) and r.reason is RejectReason.MALFORMED and "trunc" in r.detail


def test_warc_cut_inside_record_headers(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    write_warc(full, [(f"http://example.com/{i}", "text/html", page(f"عنوان {i}")) for i in range(2)], gz=False)
    data = full.read_bytes()
    start_of_last = data.rindex(b"WARC/1.0")
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: start_of_last + 30])
    out = list(read_sources([cut]))
    assert [type(r).__name__ for r in out] == ["Document", "Reject"]


def test_html_declared_charset_used_when_detection_fails(tmp_path: Path) -> None:
    p = tmp_path / "fr.html"
    body = "Le ministre a déclaré à Genève que les négociations continueront la semaine prochaine. " * 5
    p.write_bytes(page("Négociations", body).replace("utf-8", "windows-1252").encode("cp1252"))
    (d,) = list(read_sources([p]))
    assert isinstance(d, Document) and d.text.startswith("Négociations\nLe ministre a déclaré")


def test_html_undeclared_legacy_bytes_are_undecodable(tmp_path: Path) -> None:
    p = tmp_path / "fr.html"
    body = "Le ministre a déclaré à Genève que les négociations continueront. " * 5
    p.write_bytes(page("Négociations", body).replace("<meta charset='utf-8'>", "").encode("cp1252"))
    (r,) = list(read_sources([p]))
    assert isinstance(r, Reject) and r.reason is RejectReason.UNDECODABLE
