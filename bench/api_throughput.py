"""Requests per second of ``dateline serve`` on one simple endpoint, closed loop.

Starts ``dateline serve --rate 0 --log-level warning`` on a store in a child process, then keeps
``--connections`` keep-alive connections busy for ``--seconds`` with a minimal asyncio HTTP/1.1
client (raw sockets: far cheaper than the server per request, so the server is what is measured)
and prints the completed requests per second and the median and p99 latency per path. On a
machine with few cores the client still takes some CPU from the server: the figure is a floor.

    python bench/api_throughput.py --store dateline.db
    python bench/api_throughput.py --store dateline.db --paths /openapi.json,/api/events?limit=1 --seconds 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, port: int) -> subprocess.Popen:
    cli = [sys.executable, "-m", "dateline.cli"]
    proc = subprocess.Popen([*cli, "serve", "--db", str(store), "--port", str(port), "--rate", "0",
                             "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("dateline serve did not start within 60 s")


async def one_connection(port: int, path: str, until: float, latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    try:
        while time.perf_counter() < until:
            t0 = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                raise RuntimeError(f"{path}: {head.splitlines()[0].decode()}")
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - t0)
    finally:
        writer.close()


async def load(port: int, path: str, connections: int, seconds: float) -> dict:
    latencies: list[float] = []
    start = time.perf_counter()
    await asyncio.gather(*(one_connection(port, path, start + seconds, latencies) for _ in range(connections)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {"path": path, "requests": len(latencies), "requests_per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 2),
            "p99_ms": round(latencies[int(0.99 * (len(latencies) - 1))] * 1000, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--paths", default="/openapi.json,/api/events?limit=1")
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--warmup", type=float, default=2)
    args = ap.parse_args(argv)
    port = free_port()
    proc = start_server(args.store, port)
    try:
        results = []
        for path in args.paths.split(","):
            asyncio.run(load(port, path, args.connections, args.warmup))
            results.append(asyncio.run(load(port, path, args.connections, args.seconds)))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    print(json.dumps({"store": str(args.store), "connections": args.connections, "seconds": args.seconds,
                      "cpus": os.cpu_count(), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
