"""Memory per student: each notebook's kernel peak, and the JupyterLab server's own.

Runs every notebooks/*.ipynb top to bottom in a fresh kernel (nbclient, as nbval and JupyterLab's
Run All do) and reads the kernel's peak resident memory (VmHWM in /proc) at the end; then starts
JupyterLab the way `make lab` does, loads the lab page and the notebook list, and reads the
server's peak. A hub sizes each user as server + the kernels they keep open.

Target (issue 16): every kernel peaks under 300 MB. Exit code 1 if one does not.
Run: .venv/bin/python tests/benchmarks/bench_memory.py      (Linux: reads /proc)
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the make-lab helper
from make_lab import MakeLab, peak_rss_mb  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
BUDGET_MB = 300.0
TIMEOUT_S = 900


def kernel_peak_mb(path):
    """(peak RSS in MB, seconds) of a fresh kernel that ran the notebook at `path` to the end."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.monotonic()
    with client.setup_kernel():
        pid = client.km.provisioner.process.pid
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        peak = peak_rss_mb(pid)
    return peak, time.monotonic() - start


def server_peak_mb():
    """Peak RSS of `make lab`'s JupyterLab after serving the lab page and listing the notebooks."""
    with tempfile.TemporaryDirectory() as state, MakeLab(state) as lab:
        lab.get("/lab")
        lab.get("/api/contents/")
        lab.get("/lab/api/settings")
        return peak_rss_mb(lab.server_pid())


def main():
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    peaks = {}
    for path in notebooks:
        peaks[path.name], seconds = kernel_peak_mb(path)
        print(f"kernel  {path.name:<40} peak RSS {peaks[path.name]:6.1f} MB  ({seconds:.0f} s)")
    server = server_peak_mb()
    print(f"server  {'JupyterLab (make lab)':<40} peak RSS {server:6.1f} MB")
    biggest = max(peaks.values())
    print(f"one student, one notebook open at a time: {server + biggest:.0f} MB "
          f"(server + largest kernel); every notebook's kernel left running: {server + sum(peaks.values()):.0f} MB")
    over = {name: peak for name, peak in peaks.items() if peak >= BUDGET_MB}
    if over:
        print(f"FAIL: kernels at or above {BUDGET_MB:.0f} MB: {over}")
        return 1
    print(f"every kernel under {BUDGET_MB:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
