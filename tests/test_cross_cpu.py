"""Every number a notebook prints is a fact about the network, not about the CPU.

BLAS kernels on different CPUs round the last bit differently. Where training is chaotic (large
step sizes), such last-bit differences grow until a printed count or weight changes, and strict
nbval then fails on another machine. This test makes the same kind of difference on purpose: it
runs each notebook again in a fresh kernel with every data matrix the network is given (``X`` and
``Y``, through ``MLP.check_data``) moved by one ulp (``np.nextafter``), and requires every text
output that nbval compares to stay exactly the same. A printed number that survives a one-ulp
nudge of the data survives another CPU's rounding too; one that does not would fail somewhere.
"""

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbval.plugin import get_sanitize_patterns
from tiers import sampled

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9]*.ipynb"))
SANITIZE = get_sanitize_patterns((REPO / "tests" / "nbval_sanitize.cfg").read_text())

# Runs first in the kernel: every X and Y a network checks is moved up by one ulp, and the
# number of nudged matrices is counted, so the test knows the nudge really happened.
NUDGE = """\
import numpy as np
from mlp_helpers import network as _network

_checked_data = _network.MLP.check_data
_nudges = []


def _nudged_data(self, X, Y=None):
    checked = _checked_data(self, X, Y)
    _nudges.append(1)
    if Y is None:
        return np.nextafter(checked, np.inf)
    return tuple(np.nextafter(array, np.inf) for array in checked)


_network.MLP.check_data = _nudged_data
"""
TEXT_TYPES = ("text/plain", "text/html", "text/latex", "text/markdown")


def compared_text(cell):
    """The outputs of ``cell`` that strict nbval compares, as sanitized strings."""
    streams = {"stdout": "", "stderr": ""}  # how a stream is cut into outputs depends on timing
    texts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            streams[output["name"]] += "".join(output["text"])
        elif output["output_type"] in ("execute_result", "display_data"):
            data = output.get("data", {})
            texts += [f"{kind}: {''.join(data[kind])}" for kind in TEXT_TYPES if kind in data]
        elif output["output_type"] == "error":
            texts.append(f"error: {output['ename']}: {output['evalue']}")
    texts += [f"{name}: {text}" for name, text in streams.items() if text]
    return [sanitize(text) for text in texts]


def sanitize(text):
    for regex, replacement in SANITIZE:
        text = re.sub(regex, replacement, text)
    return text


def run_nudged(path):
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(NUDGE))
    notebook.cells.append(nbformat.v4.new_code_cell("print(len(_nudges))"))
    NotebookClient(notebook, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


# make test nudges notebook 02's data (training, and quick); CI every notebook's
@pytest.mark.parametrize("path", sampled(NOTEBOOKS, lambda p: p.name.startswith("02_")), ids=lambda p: p.name)
def test_printed_numbers_survive_a_one_ulp_nudge_of_the_data(path):
    stored = json.loads(path.read_text(encoding="utf-8"))
    nudged = run_nudged(path)
    nudges = int("".join(nudged.cells[-1].outputs[0]["text"]))
    assert nudges > 0, "the notebook never gave a network any data, so nothing was nudged"
    ran = [cell for cell in nudged.cells[1:-1] if cell.cell_type == "code"]
    kept = [cell for cell in stored["cells"] if cell["cell_type"] == "code"]
    changed = []
    for number, (before, after) in enumerate(zip(kept, ran), start=1):
        if before.get("execution_count") is None:  # nbval runs such a cell but compares nothing
            continue
        if compared_text(before) != compared_text(after):
            changed.append(f"code cell {number}:\n  stored: {compared_text(before)}\n  nudged: {compared_text(after)}")
    assert not changed, (
        f"{path.name}: these outputs change when the data move by one ulp, so another CPU can print "
        "other numbers (show such runs as a figure or a robust statistic):\n" + "\n".join(changed)
    )
