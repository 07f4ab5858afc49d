"""Real servers for the API tests: uvicorn on 127.0.0.1 (a free port) over a store built from examples/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from khabar.engines import local
from khabar.serve.app import create_app
from khabar.store.db import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOKEN = "test-token-1f2e3d"
# A Persian report (an invented sentence in the style of the seeds) with markup an attacker could plant.
XSS_TITLE = "<script>window.__xss = 1</script>"
XSS_TEXT = (
    "ولادیمیر پوتین رئیس جمهور روسیه روز دوشنبه در گفت‌وگوی تلفنی با رجب طیب اردوغان رئیس جمهور ترکیه "
    '<img src=x onerror="window.__xss=2"> درباره اوکراین رایزنی کرد.'
)
XSS_RECORD = {"id": "xss-1", "title": XSS_TITLE, "text": XSS_TEXT, "date": "2024-05-06", "source": "test"}


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Live:
    """A uvicorn server running in a thread."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread
    db: Path

    def client(self, **kw: object) -> httpx.Client:
        """An HTTP client for this server."""
        return httpx.Client(base_url=self.url, timeout=60, **kw)  # type: ignore[arg-type]

    def stop(self) -> None:
        """Ask the server to exit and wait for it."""
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start(db: Path, **app_kw: object) -> Live:
    """Start a real uvicorn server for ``db`` and wait until it accepts connections."""
    port = free_port()
    app = create_app(db, **app_kw)  # type: ignore[arg-type]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="error", lifespan="off", timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return Live(f"http://127.0.0.1:{port}", server, thread, db)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store: the pipeline run on the repo's five example documents."""
    db = tmp_path_factory.mktemp("serve") / "seeds.duckdb"
    with Store(db) as store:
        summary = local.run([str(EXAMPLES)], store)
    assert summary.stored == 5 and summary.events > 0
    return db


@pytest.fixture(scope="session")
def server(seeds_db: Path) -> Iterator[Live]:
    """A read-only server (no token) over the seeds store."""
    live = start(seeds_db)
    yield live
    live.stop()


@pytest.fixture(scope="session")
def write_server(seeds_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A server started with a token over a copy of the seeds store, with a small body limit."""
    db = tmp_path_factory.mktemp("serve-w") / "w.duckdb"
    shutil.copy(seeds_db, db)
    live = start(db, token=TOKEN, max_body=200_000)
    yield live
    live.stop()


@pytest.fixture
def http(server: Live) -> Iterator[httpx.Client]:
    """A client of the read-only server."""
    with server.client() as c:
        yield c
