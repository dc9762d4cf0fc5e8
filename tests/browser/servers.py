"""The other front ends the browser tests drive, started like ``lab_server.LabServer``.

* ``Notebook7Server``: Jupyter Notebook 7 (requirements-teacher.txt) on a copy of the notebooks.
  It shares JupyterLab's settings files, widget manager and notebook DOM; it opens a notebook at
  ``/notebooks/PATH`` and has no status bar, so the kernel's state is read from the server.
* ``PresentServer``: `make present`, the standalone Voilà on notebooks/present/, exactly as a
  teacher starts it, plus flags for an unattended run (no browser, a free port, a token).

Both listen on 127.0.0.1 behind a random token, keep their Jupyter folders in a temporary folder
and are always stopped (process group, then leftover kernels), as LabServer is.
"""

import urllib.error
import urllib.request
from pathlib import Path

from lab_server import LabServer

REPO = Path(__file__).resolve().parents[2]


class Notebook7Server(LabServer):
    """Jupyter Notebook 7 serving ``root_dir``; use as a context manager."""

    front_end = "Notebook 7"
    log_name = "notebook7.log"

    def command(self):
        command = super().command()
        command[command.index("jupyterlab")] = "notebook"
        # JupyterLab's own flags (news, extension manager) are not options of Notebook 7
        return [part for part in command if not part.startswith("--LabApp.")]

    def notebook_url(self, relative_path):
        return f"{self.base_url}/notebooks/{relative_path}?token={self.token}"

    def kernels_idle(self):
        """True when the server knows at least one kernel and every kernel is idle.

        Asked while a kernel starts or the previous one is still being removed, the server
        can answer 500 (seen on a loaded machine): that is "not yet", and the caller asks again.
        """
        try:
            kernels = self.api("GET", "kernels")
        except urllib.error.HTTPError as error:
            if error.code >= 500:
                return False
            raise
        states = [kernel["execution_state"] for kernel in kernels]
        return bool(states) and all(state == "idle" for state in states)


class PresentServer(LabServer):
    """`make present` on a free port with a token (Voilà on notebooks/present/)."""

    front_end = "Voilà"
    settings = {}
    log_name = "make-present.log"

    def __init__(self, state_dir, startup_timeout=120.0):
        super().__init__(REPO, state_dir, startup_timeout)

    def command(self):
        args = f"--no-browser --port={self.port} --token={self.token}"
        return ["make", "-s", "present", f"PRESENT_ARGS={args}"]

    def api(self, method, endpoint, timeout=10):
        # Voilà has no /api/status: the listing page answering means it is ready
        if (method, endpoint) == ("GET", "status"):
            with urllib.request.urlopen(self.page_url(""), timeout=timeout) as response:
                return {"status": response.status}
        return super().api(method, endpoint, timeout)

    def page_url(self, relative_path):
        """The listing page (``""``), or a presentation notebook rendered by Voilà."""
        where = f"voila/render/{relative_path}" if relative_path else ""
        return f"{self.base_url}/{where}?token={self.token}"

    def shutdown_kernels(self):
        # Voilà shuts each page's kernel down when the page closes; its REST API is not served
        try:
            super().shutdown_kernels()
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
