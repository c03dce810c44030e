"""Run the app on uvicorn: say where it listens once it does, stop cleanly on SIGTERM or Ctrl-C.

Uvicorn catches SIGTERM and SIGINT itself (in the main thread), finishes the requests in flight
(up to ``GRACEFUL_SECONDS``) and then raises the signal again for the handler that was there
before; the handlers installed here take that second signal, so the process ends with status 0
instead of dying of it.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI

GRACEFUL_SECONDS = 30  # a write request in flight gets this long to finish its batch


@dataclass
class Stopped:
    signals: list[str] = field(default_factory=list)


def make_server(app: FastAPI, host: str, port: int, *, log_level: str = "info",
                access_log: bool = True) -> uvicorn.Server:
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=access_log,
                            server_header=False, proxy_headers=False, lifespan="auto",
                            timeout_graceful_shutdown=GRACEFUL_SECONDS)
    return uvicorn.Server(config)


def bound_url(server: uvicorn.Server) -> str:
    """``http://HOST:PORT`` of the first socket the server listens on (the real port for port 0)."""
    sock = server.servers[0].sockets[0]
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def run(app: FastAPI, host: str, port: int, *, on_started: Callable[[str], None],
        log_level: str = "info") -> Stopped:
    """Serve until SIGTERM or SIGINT; ``on_started`` gets the base URL once the socket listens."""
    stopped = Stopped()
    server = make_server(app, host, port, log_level=log_level)

    def note(sig: int, frame: object) -> None:  # the signal uvicorn raises again after its shutdown
        stopped.signals.append(signal.Signals(sig).name)

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, note)

    async def serve() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        if server.started:
            on_started(bound_url(server))
        await task

    asyncio.run(serve())
    if not server.started and not stopped.signals:
        raise OSError(f"the server did not start on {host}:{port} (see the log above: address in use?)")
    return stopped
