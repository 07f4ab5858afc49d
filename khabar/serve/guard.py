"""A raw ASGI guard in front of the app: Host check, request size limit, security headers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from khabar.serve.errors import error_bytes

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# The dashboard loads only its own files: no CDN, no inline script, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class BodyTooLarge(HTTPException):
    """The request body went over the limit while being read (a body sent without Content-Length)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over {limit} bytes")


def host_name(value: str) -> str:
    """The host part of a Host header (port and IPv6 brackets handled)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Refuse unknown Host headers (DNS rebinding) and bodies over ``max_body`` bytes (413); add security headers."""

    def __init__(self, app: ASGIApp, *, max_body: int, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.allowed is not None and host_name(headers.get("host", "")) not in self.allowed:
            await self._refuse(send, 400, "unknown Host header")
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await self._refuse(send, 413, f"request body over {self.max_body} bytes")
            return

        async def counted() -> Message:
            msg = await receive()
            if msg["type"] == "http.request":
                counted.total += len(msg.get("body", b""))  # type: ignore[attr-defined]
                if counted.total > self.max_body:  # type: ignore[attr-defined]
                    raise BodyTooLarge(self.max_body)
            return msg

        counted.total = 0  # type: ignore[attr-defined]

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                msg = {**msg, "headers": [*msg.get("headers", []), *SECURITY_HEADERS]}
            await send(msg)

        await self.app(scope, counted, send_with_headers)

    @staticmethod
    async def _refuse(send: Send, status: int, message: str) -> None:
        """Answer with the JSON error shape, before the app sees the request."""
        body = error_bytes(status, message)
        headers: list[Any] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            *SECURITY_HEADERS,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
