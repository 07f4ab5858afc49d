"""The FastAPI app: the API under /api, the dashboard at /, its files under /static, one error shape."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from khabar import __version__
from khabar.serve import api, errors, ingest
from khabar.serve.access import StoreAccess
from khabar.serve.guard import LOOPBACK_HOSTS, Guard

STATIC = Path(__file__).with_name("static")
MAX_BODY = 5_000_000


def loopback(host: str) -> bool:
    """Whether a bind address is loopback-only."""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    max_body: int = MAX_BODY,
    allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS,
) -> Guard:
    """The app for one store; read-only unless ``token`` is given; Host header checked unless hosts is None."""
    app = FastAPI(
        title="khabar",
        version=__version__,
        description="PLOVER political events coded from Persian and Arabic news: query, export, ingest.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN: the dashboard must work offline
        redoc_url=None,
    )
    app.state.access = StoreAccess(Path(db))
    app.state.token = token or None
    errors.install(app)
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        """The dashboard page."""
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    return Guard(app, max_body=max_body, allowed_hosts=allowed_hosts)
