"""JupyterLab started exactly as a student starts it, `make lab`, plus flags for an unattended run.

`make lab LAB_ARGS="--no-browser --ServerApp.port=P --IdentityProvider.token=T ..."` runs the
Makefile's own command; the user-level Jupyter folders point into a temporary folder so a
developer's own configuration cannot change what is measured. The server is always stopped.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MakeLab:
    """`make lab` on a free port with a token; use as a context manager."""

    def __init__(self, state_dir, startup_timeout=120.0):
        self.state_dir = Path(state_dir)
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.state_dir / "make-lab.log"
        self.process = None

    def command(self):
        lab_args = (f"--no-browser --ServerApp.port={self.port} --ServerApp.port_retries=0 "
                    f"--IdentityProvider.token={self.token} --ServerApp.terminals_enabled=False "
                    "--ServerApp.shutdown_no_activity_timeout=600")  # safety net if we are killed
        return ["make", "-s", "lab", f"LAB_ARGS={lab_args}"]

    def environment(self):
        env = dict(os.environ)
        for name, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                          ("JUPYTER_DATA_DIR", "data"), ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                          ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")]:
            (self.state_dir / sub).mkdir(parents=True, exist_ok=True)
            env[name] = str(self.state_dir / sub)
        return env

    def __enter__(self):
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            # Its own process group, so stop() reaches make, the server and its kernels only.
            self.process = subprocess.Popen(self.command(), cwd=REPO, env=self.environment(),
                                            stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make lab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.get("/api/status")
                return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"make lab did not answer within {self.startup_timeout:.0f} s:\n{self.log_tail()}")

    def __exit__(self, *exc_info):
        self.stop()

    def log_tail(self, lines=30):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def get(self, path, timeout=30):
        """GET `path` with the token; the decoded JSON body (or the text when it is not JSON)."""
        request = urllib.request.Request(self.base_url + path,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read().decode()
        try:
            return json.loads(body)
        except json.JSONDecodeError:
            return body

    def server_pid(self):
        """The pid of the JupyterLab server process that make started."""
        session = os.getsid(self.process.pid)
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                cmdline = (proc / "cmdline").read_bytes().split(b"\0")
                if os.getsid(int(proc.name)) == session and any(
                        part.endswith((b"jupyter-lab", b"jupyterlab")) for part in cmdline[:3]):
                    return int(proc.name)
            except (OSError, ValueError):
                continue
        raise RuntimeError("no JupyterLab process in make lab's session")

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
            except ProcessLookupError:
                pass
        self.process = None


def peak_rss_mb(pid):
    """Peak resident memory (VmHWM) of process `pid` so far, in MB (10^6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"/proc/{pid}/status has no VmHWM")
