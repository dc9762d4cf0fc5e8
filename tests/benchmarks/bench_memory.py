"""Memory per student: each notebook's kernel peak after Run All and after explorer use, and the
JupyterLab server's own.

Runs every notebooks/*.ipynb top to bottom in a fresh kernel (nbclient, as nbval and JupyterLab's
Run All do) and reads the kernel's peak resident memory (VmHWM in /proc); then, in the same kernel,
moves the explorers' controls as a student does (`CHANGES` value changes spread over every
slider, selection and toggle the notebook made, each one redrawing its explorer) and reads the
peak again. Then it starts JupyterLab the way `make lab` does, loads the lab page and the notebook
list, and reads the server's peak. A hub sizes each user as server + the kernels they keep open.

Target (issue 16): every kernel peaks under 300 MB, after explorer use too. Exit code 1 if not.
Run: .venv/bin/python tests/benchmarks/bench_memory.py [CHANGES]   (Linux: reads /proc)
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
CHANGES = 168  # the explorer changes of the issue-22 measurement (notebook 03: 211 MB)

# Run in the notebook's kernel after Run All: every live control a notebook made gets the next
# value in turn (a selection's next option, a bounded number's next eighth of its range), as a
# student dragging sliders does; each change runs the explorer's redraw. Prints the change count.
EXPLORE = """
import ipywidgets as _w
from ipywidgets.widgets.widget import _instances as _live

def _values(control):
    if isinstance(control, _w.widgets.widget_selection._Selection):
        return [option[1] if isinstance(option, tuple) else option for option in control.options]
    if isinstance(control, (_w.widgets.widget_int._BoundedInt, _w.widgets.widget_float._BoundedFloat)):
        low, high = control.min, control.max
        steps = [low + (high - low) * k / 7 for k in range(8)]
        return sorted({int(round(v)) for v in steps}) if isinstance(control, _w.widgets.widget_int._Int) else steps
    if isinstance(control, (_w.Checkbox, _w.ToggleButton)):
        return [not control.value, control.value]
    return []

_controls = [c for c in list(_live.values()) if not getattr(c, "disabled", False) and len(_values(c)) > 1]
_done = 0
while _controls and _done < {changes}:
    for _control in _controls:
        _options = _values(_control)
        _now = _options.index(_control.value) if _control.value in _options else -1
        _control.value = _options[(_now + 1) % len(_options)]
        _done += 1
        if _done == {changes}:
            break
print(_done, len(_controls))
"""


def kernel_peak_mb(path, changes=CHANGES):
    """(peak RSS in MB after Run All, after `changes` explorer changes, the controls moved, seconds)
    of a fresh kernel that ran the notebook at `path`."""
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
        run_all = peak_rss_mb(pid)
        explore = nbformat.v4.new_code_cell(EXPLORE.replace("{changes}", str(changes)))
        nb.cells.append(explore)
        client.execute_cell(explore, len(nb.cells) - 1)
        done, controls = (int(x) for x in explore.outputs[-1]["text"].split())
        explored = peak_rss_mb(pid)
    return run_all, explored, done, controls, time.monotonic() - start


def server_peak_mb():
    """Peak RSS of `make lab`'s JupyterLab after serving the lab page and listing the notebooks."""
    with tempfile.TemporaryDirectory() as state, MakeLab(state) as lab:
        lab.get("/lab")
        lab.get("/api/contents/")
        lab.get("/lab/api/settings")
        return peak_rss_mb(lab.server_pid())


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    changes = int(argv[0]) if argv else CHANGES
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
    peaks = {}
    for path in notebooks:
        run_all, peaks[path.name], done, controls, seconds = kernel_peak_mb(path, changes)
        print(f"kernel  {path.name:<40} peak RSS {run_all:6.1f} MB after Run All, {peaks[path.name]:6.1f} MB "
              f"after {done} changes of {controls} controls  ({seconds:.0f} s)")
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
