"""scripts/benchmark.py's processes: gunicorn and wrk, started, waited for and stopped.
Standard library only."""
from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from benchmark_report import BROWSER_ACCEPT_ENCODING, WARMUP_SECONDS, WORKERS, fetch, parse_wrk_output

ROOT = Path(__file__).resolve().parent.parent
LOOPBACK = "127.0.0.1"
WRK_THREADS = 2


# --------------------------------------------------------------------------- processes


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def python_bin() -> str:
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable


def run(cmd, env, timeout, what):
    started = time.monotonic()
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"{what} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    log(f"  {what}: ok ({time.monotonic() - started:.1f} s)")
    return proc


def log(message):
    print(message, file=sys.stderr, flush=True)


class Gunicorn:
    """One gunicorn server in its own process group, so stopping it stops its workers too."""

    def __init__(self, app, env, log_path, pythonpath=None):
        self.port = free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self.cmd = [python_bin(), "-m", "gunicorn", app] + gunicorn_flags(self.port)
        if pythonpath:
            self.cmd += ["--pythonpath", str(pythonpath)]
        self.env = env
        self.log_path = log_path
        self.proc = None

    def start(self, ready_path="/", timeout=30):
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            self.cmd, env=self.env, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        LIVE.add(self)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            with contextlib.suppress(OSError, http.client.HTTPException):
                if fetch(self.url + ready_path, timeout=2)["status"] < 500:
                    return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start: {' '.join(self.cmd)}\n{Path(self.log_path).read_text()[-3000:]}")

    def stop(self):
        if self.proc is None:
            return
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=5)
        # Workers left behind by a crashed arbiter are still in the group.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self._log.close()
        LIVE.discard(self)
        self.proc = None


LIVE: set[Gunicorn] = set()


def gunicorn_flags(port):
    """The same flags for every server, the bare view's included."""
    return [
        "--workers", str(WORKERS),
        "--worker-class", "sync",
        "--bind", f"{LOOPBACK}:{port}",
        "--timeout", "30",
        "--graceful-timeout", "5",
        "--log-level", "warning",
    ]


def wrk(url, duration, connections, timeout_s=10) -> dict:
    threads = min(WRK_THREADS, connections)
    # Browsers always offer compressed responses; so does every run here, bare view included.
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", f"--timeout={timeout_s}s",
           "-H", f"Accept-Encoding: {BROWSER_ACCEPT_ENCODING}", url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + timeout_s + 30)
    if proc.returncode != 0:
        raise RuntimeError(f"wrk failed: {proc.stderr or proc.stdout}")
    result = parse_wrk_output(proc.stdout)
    result["command"] = " ".join(cmd)
    return result


def load_test(url, duration, connections):
    wrk(url, WARMUP_SECONDS, connections)  # warm-up: figures discarded
    return wrk(url, duration, connections)
