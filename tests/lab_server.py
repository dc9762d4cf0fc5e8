"""A private JupyterLab server for the tests: started, checked and always stopped by us.

It listens on 127.0.0.1 only, on a free port, behind a random token, and keeps its config,
settings, workspaces and runtime files in a temporary folder so a developer's own JupyterLab
setup cannot change what the tests see (and the tests cannot touch it).
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

# Settings the tests depend on, written as JupyterLab user settings in the private folder.
LAB_SETTINGS = {
    # Keep every cell in the DOM: with windowing, cells scrolled out of view are detached and
    # their outputs could not be checked.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # No "get notified about Jupyter news?" toast over the notebook, and no requests to the internet.
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """JupyterLab serving `root_dir`; use as a context manager so it is stopped even on failure.

    ``command()`` says how it is started and ``settings`` which user settings it gets; a
    subclass may change both (``make_lab.MakeLab`` starts it with `make lab`, with none).
    """

    settings = LAB_SETTINGS
    log_name = "jupyterlab.log"
    front_end = "JupyterLab"  # what the browser tests call it (tests/browser/servers.py has others)

    def __init__(self, root_dir, state_dir, startup_timeout=90.0):
        self.root_dir = Path(root_dir)
        self.state_dir = Path(state_dir)
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.state_dir / self.log_name
        self.process = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def environment(self):
        env = dict(os.environ)
        # JUPYTER_DATA_DIR too: saving a notebook records its trust signature there.
        for name, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                          ("JUPYTER_DATA_DIR", "data"),
                          ("JUPYTERLAB_SETTINGS_DIR", "settings"),
                          ("JUPYTERLAB_WORKSPACES_DIR", "workspaces"), ("IPYTHONDIR", "ipython")]:
            path = self.state_dir / sub
            path.mkdir(parents=True, exist_ok=True)
            env[name] = str(path)
        for relative, values in self.settings.items():
            path = self.state_dir / "settings" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        return env

    def command(self):
        command = [
            sys.executable, "-m", "jupyterlab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",  # fail loudly instead of drifting to another port
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            "--ServerApp.terminals_enabled=False",
            "--LabApp.news_url=None",
            "--LabApp.extension_manager=readonly",  # never ask PyPI about extensions
            # Safety net should the test process die without stopping us (SIGKILL): idle kernels
            # are culled and the idle server then exits on its own.
            "--MappingKernelManager.cull_idle_timeout=900",
            "--MappingKernelManager.cull_interval=60",
            "--ServerApp.shutdown_no_activity_timeout=900",
        ]
        if os.geteuid() == 0:  # containers and CI run as root; JupyterLab refuses root otherwise
            command.append("--allow-root")
        return command

    def start(self):
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            # A new session makes the server the leader of its own process group, so stop()
            # can reach every process it started without touching anything else.
            self.process = subprocess.Popen(
                self.command(), env=self.environment(), cwd=self.root_dir,
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode} "
                                   f"before answering:\n{self.log_tail()}")
            try:
                self.api("GET", "status")
                return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer /api/status within "
                           f"{self.startup_timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, method, endpoint, timeout=10):
        """Call the REST API with the token; returns the decoded JSON body (None when empty)."""
        request = urllib.request.Request(
            f"{self.base_url}/api/{endpoint}", method=method,
            headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None

    def lab_url(self, relative_path=""):
        """The URL opening `relative_path` (under root_dir) in JupyterLab, with a fresh layout."""
        tree = f"/tree/{relative_path}" if relative_path else ""
        return f"{self.base_url}/lab{tree}?token={self.token}&reset"

    def notebook_url(self, relative_path):
        """The URL a student opens `relative_path` at, in this server's front end."""
        return self.lab_url(relative_path)

    def shutdown_kernels(self):
        """Shut down every running kernel (frees CPU between notebooks)."""
        for session in self.api("GET", "sessions"):
            self.api("DELETE", f"sessions/{session['id']}")
        for kernel in self.api("GET", "kernels"):
            self.api("DELETE", f"kernels/{kernel['id']}")

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                self.shutdown_kernels()
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass  # the server may already be unresponsive; the signals below still work
            self._signal_group(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait(timeout=15)
        self._kill_leftover_kernels()
        self.process = None

    def _signal_group(self, signum):
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:
            pass

    def _kill_leftover_kernels(self):
        """Kill kernels that outlived the server: they name our private runtime folder."""
        runtime = str(self.state_dir / "runtime").encode()
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                if runtime in (proc / "cmdline").read_bytes():
                    os.kill(int(proc.name), signal.SIGKILL)
            except (OSError, ValueError):
                continue
