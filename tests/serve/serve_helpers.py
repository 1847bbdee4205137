"""Starting ``kg serve`` in a subprocess and talking to it, for the tests of this folder."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

TIMEOUT = 1.5
MAX_RESULTS = 1000
MAX_REQUEST_BYTES = 32 * 1024


def start_server(source: Path, log_dir: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """Start ``kg serve SOURCE --port 0 OPTIONS`` and return it with its base URL."""
    out, err = log_dir / "serve.out", log_dir / "serve.err"
    # kg.cli.main first: it registers serve_command, so importing serve_cmd first is circular
    code = "import kg.cli.main; from kg.cli.serve_cmd import serve_command; serve_command()"
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(source), "--port", "0", "--quiet", *options],
        stdout=out.open("w"),
        stderr=err.open("w"),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", out.read_text())
        if found:
            return process, f"http://127.0.0.1:{found.group(1)}"
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"kg serve did not start: {err.read_text()}")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def fetch(url: str, data: bytes | None = None, **headers: str):
    """(status, headers, body) of a request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def form(query: str) -> bytes:
    return urllib.parse.urlencode({"query": query}).encode()
