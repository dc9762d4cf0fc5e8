"""JupyterLab started exactly as a student starts it, `make lab`, plus flags for an unattended run.

`make lab LAB_ARGS="--no-browser --ServerApp.port=P --IdentityProvider.token=T ..."` runs the
Makefile's own command; the user-level Jupyter folders point into a temporary folder (as for the
browser tests' server, ``lab_server.LabServer``, whose start, wait and stop it shares) so a
developer's own configuration cannot change what is measured, and no user settings are written:
what it serves comes from the installed files alone. The server is always stopped.
"""

import json
import os
import urllib.request
from pathlib import Path

from lab_server import LabServer

REPO = Path(__file__).resolve().parents[1]


class MakeLab(LabServer):
    """`make lab` on a free port with a token; use as a context manager."""

    settings = {}  # the quiet defaults must come from make lab's own install
    log_name = "make-lab.log"

    def __init__(self, state_dir, startup_timeout=120.0):
        super().__init__(REPO, state_dir, startup_timeout)

    def command(self):
        lab_args = (f"--no-browser --ServerApp.port={self.port} --ServerApp.port_retries=0 "
                    f"--IdentityProvider.token={self.token} --ServerApp.terminals_enabled=False "
                    "--ServerApp.shutdown_no_activity_timeout=600")  # safety net if we are killed
        return ["make", "-s", "lab", f"LAB_ARGS={lab_args}"]

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


def peak_rss_mb(pid):
    """Peak resident memory (VmHWM) of process `pid` so far, in MB (10^6 bytes)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"/proc/{pid}/status has no VmHWM")
