"""`make handouts`: static HTML of the answer keys and the student copies, images embedded, each
explorer frozen to the pictures it showed, no answer in a student's page."""

import base64
import json
import re
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from mlp_helpers.tools import handouts
from mlp_helpers.tools import student_copies as sc

REPO = Path(__file__).resolve().parents[1]
# a 1x1 PNG: the picture a markdown cell shows from a file beside the notebook
DOT = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

CELLS = [
    ("markdown", "# A handout\n\nThe dot: ![the dot](dot.png)\n"),
    ("code", "import matplotlib\nmatplotlib.use('module://matplotlib_inline.backend_inline')\n"
             "import matplotlib.pyplot as plt\nimport ipywidgets as widgets\nfrom IPython.display import display\n"),
    ("code", "fig, ax = plt.subplots(figsize=(2, 2))\nax.plot([0, 1], [1, 0])\nplt.show()\n"),
    ("code", "out = widgets.Output()\nwith out:\n    fig, ax = plt.subplots(figsize=(2, 2))\n"
             "    ax.plot([0, 1], [0, 1])\n    plt.show()\n"
             "display(widgets.VBox([widgets.HTML('<b>explorer readout 7</b>'), widgets.IntSlider(3), out]))\n"),
    ("code", "### BEGIN SOLUTION\nmy_answer = 0.4321 * 2\n### END SOLUTION\n"),
    ("code", "print('right' if my_answer == 0.4321 * 2 else 'not yet: no answer')\n"),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebooks")
    (folder / "dot.png").write_bytes(DOT)
    (folder / "student").mkdir()
    (folder / "student" / "dot.png").write_bytes(DOT)
    key = nbformat.v4.new_notebook()
    key.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    key.cells = [nbformat.v4.new_markdown_cell(text) if kind == "markdown" else nbformat.v4.new_code_cell(text)
                 for kind, text in CELLS]
    # the answer key as committed: run, outputs and widget state stored
    NotebookClient(key, timeout=120, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    nbformat.write(key, folder / "01_handout.ipynb")
    sc.write_copies(folder)
    out = folder.parent / "handouts"
    paths = handouts.write_handouts(out, folder, log=lambda message: None)
    return out, paths


def page(out, kind):
    return (out / kind / "01_handout.html").read_text(encoding="utf-8")


def test_one_page_per_answer_key_and_per_student_copy(written):
    out, paths = written
    assert paths == [out / "teacher" / "01_handout.html", out / "students" / "01_handout.html"]


@pytest.mark.parametrize("kind", ["teacher", "students"])
def test_every_picture_is_embedded_and_explorers_are_frozen(written, kind):
    html = page(written[0], kind)
    # the markdown's file picture, the figure, and the explorer's picture: all inside the page
    assert len(re.findall(r"<img[^>]*src=\"data:image/png;base64,", html)) == 3
    assert 'src="dot.png"' not in html
    # the explorer's live view (needs a kernel) became what it showed, its state stays in the page
    assert "<script type=\"application/vnd.jupyter.widget-view+json\">" not in html
    assert "explorer readout 7" in html
    assert "<script type=\"application/vnd.jupyter.widget-state+json\">" in html


def test_the_students_page_has_no_answer_the_teachers_has(written):
    out, _ = written
    student_text = re.sub(r"<[^>]+>", "", page(out, "students"))
    teacher_text = re.sub(r"<[^>]+>", "", page(out, "teacher"))
    assert "my_answer = 0.4321" in teacher_text and "right" in teacher_text
    assert "my_answer = 0.4321" not in student_text and "BEGIN SOLUTION" not in student_text
    assert "my_answer = ...  # YOUR ANSWER HERE" in student_text.replace("&quot;", '"')
    assert "not yet: no answer" in student_text


def test_frozen_outputs_follow_children_and_stop_at_cycles():
    state = {
        "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_html", "IPY_MODEL_out", "IPY_MODEL_box"]}},
        "html": {"model_name": "HTMLModel", "state": {"value": "<i>k = 3</i>"}},
        "out": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "display_data", "data": {"image/png": "AAAA", "text/plain": "<Figure>"}}]}},
    }
    outputs = handouts.frozen_outputs("box", state)
    assert [dict(o["data"]) for o in outputs] == [{"text/html": "<i>k = 3</i>"}, {"image/png": "AAAA"}]
    assert handouts.frozen_outputs("missing", state) == []


def test_make_handouts_passes_the_folder_through_the_environment():
    result = subprocess.run(["make", "-n", "-s", "handouts", 'HANDOUTS=x"; echo INJECTED; "'], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '-m mlp_helpers.tools.handouts "$BPH_HANDOUTS"' in result.stdout and "INJECTED" not in result.stdout


def test_no_notebook_is_an_error(tmp_path, capsys):
    assert handouts.main([str(tmp_path / "out"), "--notebooks", str(tmp_path)]) == 2
    assert "no notebooks NN_*.ipynb" in capsys.readouterr().err
