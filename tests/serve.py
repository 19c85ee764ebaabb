"""`shouhu serve` in a process of its own, for the tests that need a real server: the browser tests,
and the ones that show a hostile request does not hold up everybody else."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(env: dict[str, str], port: int, log_path: Path, ready: str = "/healthz", wait: float = 30) -> Iterator[str]:
    """http://127.0.0.1:<port> once `ready` answers 200; the server's output goes to `log_path`."""
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, "-m", "shouhu", "serve", "--port", str(port)], env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + wait
        while True:
            try:
                if httpx.get(f"{url}{ready}", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"the server did not start: see {log_path}")
            time.sleep(0.2)
        try:
            yield url
        finally:
            process.terminate()
            process.wait(timeout=10)
