"""Sources: folders (order, ids), text files, unsupported kinds, check_sources, estimate_records, shared corpus."""

from __future__ import annotations

import codecs
import gzip
from collections import Counter
from pathlib import Path

import pytest

from khabar.errors import SourceError
from khabar.ingest import check_sources, estimate_records, read_sources
from khabar.model import Document, Reject, RejectReason

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PERSIAN = "وزیر امور خارجه گفت مذاکرات هفته آینده ادامه می‌یابد"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with text files in several encodings, a subfolder, a hidden file and an image."""
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / "b.txt").write_text(PERSIAN, encoding="utf-8")
    (root / "a.txt").write_bytes(codecs.BOM_UTF16_LE + PERSIAN.encode("utf-16-le"))
    (root / "sub" / "c.txt").write_bytes(codecs.BOM_UTF8 + PERSIAN.encode())
    (root / ".hidden.txt").write_text("ignored")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    return root


def test_folder_is_walked_sorted_with_file_name_ids(folder: Path) -> None:
    out = list(read_sources([folder]))
    assert [(r.id if isinstance(r, Document) else r.record_id) for r in out] == [
        "a.txt",
        "b.txt",
        "photo.jpg",
        "sub/c.txt",
    ]
    assert all(r.text == PERSIAN for r in out if isinstance(r, Document))


def test_unsupported_file_in_folder_is_one_reject(folder: Path) -> None:
    rejects = [r for r in read_sources([folder]) if isinstance(r, Reject)]
    assert [(r.reason, Path(r.origin).name) for r in rejects] == [(RejectReason.UNSUPPORTED_FORMAT, "photo.jpg")]


def test_single_txt_file_id_is_its_name(tmp_path: Path) -> None:
    p = tmp_path / "one.txt"
    p.write_text(PERSIAN)
    assert list(read_sources([p])) == [Document("one.txt", PERSIAN, origin=str(p))]


def test_binary_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "bin.txt"
    p.write_bytes(bytes(range(256)) * 4)
    (r,) = list(read_sources([p]))
    assert isinstance(r, Reject) and r.reason is RejectReason.BINARY and r.record_id == "bin.txt"


def test_empty_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_text(" \n\n")
    (r,) = list(read_sources([p]))
    assert isinstance(r, Reject) and r.reason is RejectReason.EMPTY


def test_invalid_utf8_txt_file(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Le ministre a déclaré".encode("latin-1"))
    (r,) = list(read_sources([p]))
    assert isinstance(r, Reject) and r.reason is RejectReason.UNDECODABLE
    assert "offset" in r.detail and r.sample is not None


def test_check_sources_missing_path(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        check_sources([tmp_path / "nope.jsonl"])


def test_check_sources_unsupported_file(tmp_path: Path) -> None:
    p = tmp_path / "data.xlsx"
    p.write_bytes(b"x")
    with pytest.raises(SourceError, match=r"unsupported file type.*data\.xlsx"):
        check_sources([p])


def test_check_sources_accepts_folders_and_known_files(folder: Path, tmp_path: Path) -> None:
    (tmp_path / "x.jsonl.gz").write_bytes(b"")
    check_sources([folder, tmp_path / "x.jsonl.gz"])


def test_check_sources_needs_a_source() -> None:
    with pytest.raises(SourceError):
        check_sources([])


def test_estimate_counts_lines_and_files(folder: Path, tmp_path: Path) -> None:
    j = tmp_path / "n.jsonl.gz"
    j.write_bytes(gzip.compress(b'{"text": "a"}\n{"text": "b"}\n{"text": "c"}'))
    c = tmp_path / "n.csv"
    c.write_text("id,text\n1,a\n2,b\n")
    assert estimate_records([j]) == 3
    assert estimate_records([c]) == 2
    assert estimate_records([folder, j]) == 7


def test_estimate_unknown_for_warc(tmp_path: Path) -> None:
    p = tmp_path / "x.warc.gz"
    p.write_bytes(b"")
    assert estimate_records([p]) is None


def _records(path: Path) -> int:
    """Non-blank lines of a (gzipped) JSON Lines file."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        return sum(1 for line in f if line.strip())


@pytest.mark.shared
def test_shared_corpus_reads_fully() -> None:
    files = sorted((SHARED / "corpus").iterdir())
    assert files
    for f in files:
        counts: Counter[str] = Counter(type(r).__name__ for r in read_sources([f]))
        assert counts["Document"] + counts["Reject"] == _records(f), f


@pytest.mark.shared
def test_shared_corpus_estimate_counts_the_gz_records() -> None:
    gz = sorted((SHARED / "corpus").glob("*.jsonl.gz"))
    n = estimate_records(gz)
    assert n is not None and n >= _records(gz[0])


def test_reader_failure_becomes_a_reject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import khabar.ingest as ingest

    def boom(path: Path, doc_id: str, limits: object) -> Document:
        raise RuntimeError("reader bug")

    monkeypatch.setitem(ingest.SINGLES, "txt", boom)
    p = tmp_path / "x.txt"
    p.write_text("x")
    (r,) = list(read_sources([p]))
    assert isinstance(r, Reject) and r.reason is RejectReason.INTERNAL_ERROR and "reader bug" in r.detail
