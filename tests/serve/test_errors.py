"""Every error the server returns has one JSON shape: {"error": {status, code, message, details}}."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest

from tests.serve.conftest import TOKEN, Live, start


def assert_error(r: httpx.Response, status: int) -> dict:
    """The response is an error of ``status`` in the one shape."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and isinstance(err["code"], str) and err["message"]
    return err


@pytest.mark.parametrize(
    "path",
    ["/api/events/ev-does-not-exist", "/api/documents/no-such-doc", "/api/nothing", "/static/missing.js", "/x"],
)
def test_not_found(http: httpx.Client, path: str) -> None:
    assert assert_error(http.get(path), 404)["code"] == "not_found"


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0}, {"limit": 100000}, {"offset": -1}, {"limit": "many"}, {"since": "yesterday"},
        {"since": "2024-02-30"}, {"type": "NOT_A_TYPE"}, {"quad": "friendly"}, {"country": "RUS; DROP"},
        {"q": "x" * 300}, {"type": "consult"},
    ],
)
def test_invalid_parameters(http: httpx.Client, params: dict) -> None:
    err = assert_error(http.get("/api/events", params=params), 422)
    assert err["code"] == "invalid_request" and err["details"] and err["details"][0]["loc"][0] == "query"


def test_invalid_choice_elsewhere(http: httpx.Client) -> None:
    assert_error(http.get("/api/export", params={"format": "xml"}), 422)
    assert_error(http.get("/api/network", params={"by": "planet"}), 422)
    assert_error(http.get("/api/counts/daily", params={"by": "hour"}), 422)


def test_method_not_allowed(http: httpx.Client) -> None:
    assert assert_error(http.delete("/api/events"), 405)["code"] == "method_not_allowed"


def test_read_only_server_refuses_writes(http: httpx.Client) -> None:
    r = http.post("/api/documents", json={"records": [{"id": "a", "text": "b"}]})
    assert "read-only" in assert_error(r, 403)["message"]


@pytest.mark.parametrize("auth", [None, "Bearer wrong", f"Basic {TOKEN}", "Bearer", f"Bearer {TOKEN}x"])
def test_token_required(write_server: Live, auth: str | None) -> None:
    headers = {"Authorization": auth} if auth else {}
    with write_server.client() as c:
        r = c.post("/api/documents", json={"records": [{"id": "a", "text": "b"}]}, headers=headers)
    assert_error(r, 401)
    assert r.headers["www-authenticate"] == "Bearer"


def test_body_too_large(write_server: Live) -> None:
    big = {"records": [{"id": "big", "text": "x" * 300_000}]}
    with write_server.client(headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        assert_error(c.post("/api/documents", json=big), 413)

        def chunks() -> Iterator[bytes]:
            yield b'{"records": [{"id": "c", "text": "'
            for _ in range(40):
                yield b"y" * 10_000
            yield b'"}]}'

        # No Content-Length (chunked): counted while read.
        assert_error(c.post("/api/documents", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_bad_bodies(write_server: Live) -> None:
    with write_server.client(headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        assert_error(c.post("/api/documents", content=b"{not json", headers={"content-type": "application/json"}), 422)
        assert_error(c.post("/api/documents", json={"records": []}), 422)
        assert_error(c.post("/api/documents", json=[{"id": "a"}]), 422)


def test_unknown_host_is_refused(http: httpx.Client) -> None:
    err = assert_error(http.get("/api/meta", headers={"Host": "attacker.example"}), 400)
    assert "Host" in err["message"]


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A server over a file that has khabar's meta table but no events table: queries fail inside."""
    db = tmp_path_factory.mktemp("broken") / "broken.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE meta (key VARCHAR, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()
    live = start(db)
    yield live
    live.stop()


def test_internal_error(broken_server: Live) -> None:
    with broken_server.client() as c:
        err = assert_error(c.get("/api/events"), 500)
    assert err["message"] == "internal error"  # no SQL or traceback leaks


def test_store_missing_is_503(tmp_path: Path) -> None:
    live = start(tmp_path / "gone.duckdb")
    try:
        with live.client() as c:
            err = assert_error(c.get("/api/meta"), 503)
        assert "no store" in err["message"]
    finally:
        live.stop()
