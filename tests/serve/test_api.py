"""The read API against a real uvicorn server over a store built from examples/."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import httpx
import pytest

from khabar.serve import quad


def events(http: httpx.Client, **params: Any) -> dict[str, Any]:
    """GET /api/events, asserting success."""
    r = http.get("/api/events", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return r.json()


def test_meta_counts_the_store(http: httpx.Client) -> None:
    m = http.get("/api/meta").json()
    assert m["documents"] == 5
    assert m["events"] == events(http)["total"] > 0
    assert set(m["facets"]["langs"]) == {"fa", "ar"}
    assert [c["name"] for c in m["quad_classes"]] == [c.name for c in quad.classes()]
    assert m["writable"] is False


def test_events_page_is_consistent(http: httpx.Client) -> None:
    everything = events(http)
    ids = [e["event_id"] for e in everything["items"]]
    assert len(ids) == everything["total"] == len(set(ids))
    paged: list[str] = []
    for offset in range(0, everything["total"], 7):
        page = events(http, limit=7, offset=offset)
        assert page["total"] == everything["total"] and len(page["items"]) <= 7
        paged += [e["event_id"] for e in page["items"]]
    assert paged == ids


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"country": "RUS"}, lambda e: "RUS" in e["actor_codes"] + e["recipient_codes"]),
        ({"actor": "rus"}, lambda e: "RUS" in e["actor_codes"] + e["recipient_codes"]
         or any("rus" in (n or "").lower() for n in e["actor_names"] + e["recipient_names"])),
        ({"actor": "Putin"}, lambda e: any("putin" in (n or "").lower() for n in e["actor_names"] + e["recipient_names"])),  # noqa: E501
        ({"type": "CONSULT"}, lambda e: e["event"] == "CONSULT"),
        ({"quad": "verbal_conflict"}, lambda e: e["quad"] == "verbal_conflict"),
        ({"mode": "phone"}, lambda e: e["mode"] == "phone"),
        ({"lang": "ar"}, lambda e: e["lang"] == "ar"),
        ({"sector": "MIL"}, lambda e: "MIL" in e["sectors"]),
        ({"since": "2024-01-01"}, lambda e: e["day"] is not None and e["day"] >= "2024-01-01"),
        ({"until": "2023-12-31"}, lambda e: e["day"] is not None and e["day"] <= "2023-12-31"),
    ],
)
def test_filters_narrow_the_events(http: httpx.Client, params: dict[str, str], check: Any) -> None:
    every = events(http)
    some = events(http, **params)
    assert 0 < some["total"] < every["total"]
    assert all(check(e) for e in some["items"])
    assert some["total"] == sum(check(e) for e in every["items"])


def test_text_and_outlet_filters(http: httpx.Client) -> None:
    first = events(http, lang="fa")["items"][0]
    word = first["evidence"].split()[0]
    found = events(http, q=word)
    assert found["total"] >= 1 and all(word in e["evidence"] for e in found["items"])
    outlet = http.get("/api/meta").json()["facets"]["outlets"][0]
    by_outlet = events(http, outlet=outlet)
    assert by_outlet["total"] >= 1
    docs = {e["doc_key"] for e in by_outlet["items"]}
    assert all(http.get(f"/api/documents/{k}").json()["outlet"] == outlet for k in docs)


def test_event_view_marks_actors_and_trigger(http: httpx.Client) -> None:
    row = events(http, lang="fa", type="CONSULT")["items"][0]
    v = http.get(f"/api/events/{row['event_id']}").json()
    ev = v["event"]
    assert ev["id"] == row["event_id"] and v["quad"] == "verbal_cooperation"
    doc = http.get(f"/api/documents/{v['document']['doc_key']}").json()
    first = v["mentions"][0]
    assert first["evidence"]["text"] == ev["text_info"]["text"]
    assert "".join(s["text"] for s in first["segments"]) == first["sentence"]["text"]
    assert doc["text"][first["sentence"]["start"] : first["sentence"]["end"]] == first["sentence"]["text"]
    marked = {(s["role"], s["text"]) for s in first["segments"] if s["role"]}
    assert ("trigger", ev["trigger"]["text"]) in marked
    for ent in ev["actor"]:
        if first["sentence"]["start"] <= ent["start"] and ent["end"] <= first["sentence"]["end"]:
            assert ("actor", doc["text"][ent["start"] : ent["end"]]) in marked


def test_actors_are_counted(http: httpx.Client) -> None:
    items = http.get("/api/actors", params={"limit": 500}).json()["items"]
    rus = [a for a in items if a["code"] == "RUS"]
    assert rus and all(a["events"] == a["as_actor"] + a["as_recipient"] for a in items)
    assert items == sorted(items, key=lambda a: -a["events"]) or items[0]["events"] >= items[-1]["events"]
    one = http.get("/api/actors", params={"country": "IRN"}).json()["items"]
    assert any(a["code"] == "IRN" for a in one)


@pytest.mark.parametrize("by", ["quad", "event"])
def test_daily_counts_add_up(http: httpx.Client, by: str) -> None:
    d = http.get("/api/counts/daily", params={"by": by}).json()
    total = sum(day["total"] for day in d["days"]) + sum(d["undated"].values())
    assert total == events(http)["total"]
    assert all(sum(day["counts"].values()) == day["total"] for day in d["days"])
    keys = {c.name for c in quad.classes()} if by == "quad" else {e for c in quad.classes() for e in c.events}
    assert set(d["keys"]) <= keys


def test_network_edges_join_nodes(http: httpx.Client) -> None:
    for by in ("country", "actor"):
        n = http.get("/api/network", params={"by": by}).json()
        ids = {x["id"] for x in n["nodes"]}
        assert n["edges"] and all(e["source"] in ids and e["target"] in ids for e in n["edges"])
        assert all(e["weight"] >= e["cooperation"] + e["conflict"] for e in n["edges"])
    rus_ukr = [e for e in http.get("/api/network").json()["edges"] if {e["source"], e["target"]} == {"RUS", "UKR"}]
    assert rus_ukr and rus_ukr[0]["weight"] >= 1


def test_export_follows_the_filter(http: httpx.Client) -> None:
    total = events(http, country="RUS")["total"]
    r = http.get("/api/export", params={"country": "RUS", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total and all("RUS" in (row["actor_codes"] + row["recipient_codes"]) for row in rows)
    r = http.get("/api/export", params={"country": "RUS", "format": "plover"})
    objs = [json.loads(line) for line in r.text.splitlines()]
    assert len(objs) == total and all({"id", "event", "actor", "text_info", "cite_info"} <= set(o) for o in objs)


def test_document_raw_text(http: httpx.Client) -> None:
    row = events(http)["items"][0]
    doc = http.get(f"/api/documents/{row['doc_id']}").json()
    assert doc["doc_key"] == row["doc_key"] and doc["text"]
    assert any(e["event_id"] == row["event_id"] for e in doc["events"])
    plain = http.get(f"/api/documents/{row['doc_key']}", params={"format": "text"})
    assert plain.headers["content-type"].startswith("text/plain") and plain.text == doc["text"]
    assert plain.headers["x-content-type-options"] == "nosniff"


def test_openapi_document(http: httpx.Client) -> None:
    spec = http.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/counts/daily", "/api/network",
            "/api/export", "/api/documents/{key}", "/api/documents", "/api/meta"} <= set(spec["paths"])  # fmt: skip
    responses = spec["paths"]["/api/events"]["get"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorResponse")


def test_dashboard_is_served_without_cdn(http: httpx.Client) -> None:
    page = http.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "http" not in page.text.replace('href="/openapi.json"', "")
    for asset in ("/static/app.js", "/static/charts.js", "/static/dom.js", "/static/style.css",
                  "/static/fonts/Vazirmatn-Variable.woff2"):  # fmt: skip
        assert http.get(asset).status_code == 200, asset


def test_newest_or_oldest_first(http: httpx.Client) -> None:
    newest = [e["date"] for e in events(http)["items"] if e["date"]]
    oldest = [e["date"] for e in events(http, order="oldest")["items"] if e["date"]]
    assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest) and set(newest) == set(oldest)
