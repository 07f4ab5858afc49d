"""POST /api/documents with the server's token: records coded by the pipeline and stored; untrusted text stays text."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.serve.conftest import TOKEN, XSS_RECORD, XSS_TEXT, XSS_TITLE, Live


def post(live: Live, body: Any) -> httpx.Response:
    """POST records with the token."""
    with live.client(headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        return c.post("/api/documents", json=body)


@pytest.fixture(scope="module")
def ingested(write_server: Live) -> dict[str, Any]:
    """The XSS record and two bad ones, posted once."""
    r = post(write_server, {"records": [XSS_RECORD, {"id": "empty", "text": "  "}, {"id": "no-text"}]})
    assert r.status_code == 201, r.text
    return r.json()


def test_records_are_coded_and_stored(write_server: Live, ingested: dict[str, Any]) -> None:
    assert ingested["stored"] == 1 and ingested["events"] >= 1 and ingested["event_ids"]
    reasons = {(r["record_id"], r["reason"]) for r in ingested["rejects"]}
    assert reasons == {("empty", "empty"), ("no-text", "missing_field")}
    with write_server.client() as c:
        found = c.get("/api/events", params={"doc": "xss-1"}).json()
        assert {e["event_id"] for e in found["items"]} == set(ingested["event_ids"])
        assert all(e["day"] == "2024-05-06" for e in found["items"] if e["date"] is None)


def test_same_record_twice_adds_nothing(write_server: Live, ingested: dict[str, Any]) -> None:
    again = post(write_server, {"records": [XSS_RECORD]}).json()
    assert again["stored"] == 0 and again["skipped"] == 1


def test_markup_comes_back_as_text(write_server: Live, ingested: dict[str, Any]) -> None:
    with write_server.client() as c:
        doc = c.get("/api/documents/xss-1").json()
        assert doc["text"].startswith(XSS_TITLE) and "<img src=x" in doc["text"]
        plain = c.get("/api/documents/xss-1", params={"format": "text"})
        assert plain.headers["content-type"].startswith("text/plain")
        assert plain.headers["x-content-type-options"] == "nosniff"
        view = c.get(f"/api/events/{ingested['event_ids'][0]}").json()
    sentence = "".join(s["text"] for m in view["mentions"] for s in m["segments"])
    assert "onerror" in sentence  # returned verbatim inside JSON strings; the dashboard renders it as text


def test_reads_go_on_while_writing(write_server: Live, ingested: dict[str, Any]) -> None:
    with write_server.client() as c:
        before = c.get("/api/meta").json()["documents"]
    rec = {**XSS_RECORD, "id": "xss-2", "text": XSS_TEXT + " ۲"}
    assert post(write_server, {"records": [rec]}).json()["stored"] == 1
    with write_server.client() as c:
        assert c.get("/api/meta").json()["documents"] == before + 1
