"""Host header parsing for the DNS-rebinding check."""

from __future__ import annotations

import pytest

from khabar.serve.guard import LOOPBACK_HOSTS, host_name


@pytest.mark.parametrize(
    ("header", "host", "allowed"),
    [
        ("127.0.0.1:8000", "127.0.0.1", True),
        ("localhost", "localhost", True),
        ("LOCALHOST:80", "localhost", True),
        ("[::1]:8000", "[::1]", True),
        ("evil.example:8000", "evil.example", False),
        ("127.0.0.1.evil.example", "127.0.0.1.evil.example", False),
        ("", "", False),
    ],
)
def test_host_name(header: str, host: str, allowed: bool) -> None:
    assert host_name(header) == host
    assert (host_name(header) in LOOPBACK_HOSTS) is allowed
