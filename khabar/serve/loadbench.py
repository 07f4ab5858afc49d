"""Load benchmark (not a test): N concurrent clients on the events endpoint of a real server on 127.0.0.1.

    python -m khabar.serve.loadbench --db PATH [--clients 50] [--seconds 20]

Starts `khabar serve` on a free loopback port in a subprocess (or uses --port of one already running on
127.0.0.1), then each client thread sends GET /api/events with a rotating mix of filters over one kept-alive
connection. Reports throughput and latency percentiles.
"""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import click

HOST = "127.0.0.1"  # requests go to loopback only
QUERIES: list[dict[str, str | int]] = [
    {"limit": 50},
    {"limit": 50, "offset": 500},
    {"country": "IRN", "limit": 50},
    {"quad": "material_conflict", "limit": 50},
    {"lang": "ar", "type": "CONSULT", "limit": 25},
    {"actor": "Putin", "limit": 50},
    {"since": "2020-01-01", "until": "2020-12-31", "limit": 50},
    {"q": "ایران", "limit": 50},
]


@dataclass
class Tally:
    """Latencies (seconds) and failures, shared by the client threads."""

    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float | None, error: str | None = None) -> None:
        """Record one request."""
        with self.lock:
            if error is None and seconds is not None:
                self.latencies.append(seconds)
            else:
                self.errors[error or "?"] = self.errors.get(error or "?", 0) + 1


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """`khabar serve` in a subprocess, waited for until it answers."""
    code = "from khabar.serve.command import serve_command; serve_command()"
    proc = subprocess.Popen([sys.executable, "-c", code, "--db", str(db), "--host", HOST, "--port", str(port)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/meta")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise click.ClickException("the server did not start")


def client(port: int, index: int, until: float, tally: Tally) -> None:
    """One client: requests back to back over a kept-alive connection until the deadline."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    i = index
    while time.monotonic() < until:
        path = "/api/events?" + urlencode(QUERIES[i % len(QUERIES)])
        i += 1
        t = time.perf_counter()
        try:
            conn.request("GET", path)
            resp = conn.getresponse()
            resp.read()
            tally.add(time.perf_counter() - t, None if resp.status == 200 else f"HTTP {resp.status}")
        except (OSError, http.client.HTTPException) as exc:
            tally.add(None, type(exc).__name__)
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=60)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def run_load(port: int, clients: int, seconds: float) -> dict[str, object]:
    """Drive the server with ``clients`` threads for ``seconds``; return the figures."""
    tally = Tally()
    until = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(port, i, until, tally)) for i in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    lat = tally.latencies
    ms = (lambda v: round(v * 1000, 1)) if lat else (lambda v: 0.0)
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(lat),
        "errors": tally.errors,
        "throughput_rps": round(len(lat) / elapsed, 1),
        "p50_ms": ms(percentile(lat, 50)) if lat else None,
        "p90_ms": ms(percentile(lat, 90)) if lat else None,
        "p99_ms": ms(percentile(lat, 99)) if lat else None,
        "max_ms": ms(max(lat)) if lat else None,
        "mean_ms": ms(statistics.fmean(lat)) if lat else None,
    }


def store_size(port: int) -> dict[str, int]:
    """Documents and events in the store being served."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", "/api/meta")
    meta = json.loads(conn.getresponse().read())
    return {"documents": meta["documents"], "events": meta["events"]}


@click.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Store to serve.")
@click.option("--port", type=int, default=None, help="Use a server already running on 127.0.0.1:PORT instead.")
@click.option("--clients", default=50, show_default=True, type=click.IntRange(1, 1000))
@click.option("--seconds", default=20.0, show_default=True, type=click.FloatRange(1, 600))
@click.option("--warmup", default=3.0, show_default=True, type=click.FloatRange(0, 60), help="Unmeasured seconds.")
def main(db: Path | None, port: int | None, clients: int, seconds: float, warmup: float) -> None:
    """Benchmark GET /api/events with concurrent clients and print throughput and latency percentiles."""
    if (db is None) == (port is None):
        raise click.UsageError("give --db (a server is started) or --port (of a server on 127.0.0.1)")
    proc = None
    if db is not None:
        port = free_port()
        proc = start_server(db, port)
    assert port is not None
    try:
        size = store_size(port)
        if warmup:
            run_load(port, clients, warmup)
        figures = run_load(port, clients, seconds)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
    click.echo(json.dumps({**size, **figures}, indent=2))


if __name__ == "__main__":
    main()
