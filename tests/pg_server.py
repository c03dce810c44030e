"""A throwaway PostgreSQL server for the tests, from Debian's ``postgresql`` package.

``DATELINE_TEST_PG`` (a URL to a server where the tests may create databases) takes the place of
the throwaway server. Otherwise :func:`start` runs ``initdb`` in a temporary folder and starts
``postgres`` on a free loopback port, with durability turned off (fsync) since its data dies with
the test run; as root it runs them as the ``postgres`` user, which initdb requires.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Server:
    base: str  # postgresql://user@host:port
    process: subprocess.Popen | None = None
    folder: Path | None = None

    def new_database(self) -> str:
        """A new empty database, its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.base + "/postgres", autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return f"{self.base}/{name}"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)


def binaries() -> Path | None:
    """The folder of initdb and postgres, on PATH or where Debian puts them."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def start() -> Server:
    if os.environ.get("DATELINE_TEST_PG"):
        return Server(base=os.environ["DATELINE_TEST_PG"].rstrip("/"))
    bin_dir = binaries()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL server here (initdb): apt-get install postgresql, "
                                "or set DATELINE_TEST_PG to a server's URL")
    folder = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    data = folder / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*as_user, str(bin_dir / "initdb"), "-D", str(data), "-U", "dateline", "--auth=trust",
                    "--encoding=UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(folder / "server.log", "wb")
    process = subprocess.Popen(
        [*as_user, str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
         "-k", str(folder), "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
         "-c", "max_connections=200"],
        stdout=log, stderr=subprocess.STDOUT)
    server = Server(base=f"postgresql://dateline@127.0.0.1:{port}", process=process, folder=folder)
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
            import psycopg

            psycopg.connect(server.base + "/postgres").close()
            return server
        except OSError:
            pass
        except Exception:  # noqa: BLE001 (starting up: "the database system is starting up")
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            tail = (folder / "server.log").read_text(errors="replace")[-2000:]
            server.stop()
            raise RuntimeError(f"PostgreSQL did not start: {tail}")
        time.sleep(0.2)
