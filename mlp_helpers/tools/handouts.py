"""Static HTML handouts of every notebook: `make handouts HANDOUTS=DIR`.

    DIR/teacher/NN_*.html    the answer keys with their committed outputs
    DIR/students/NN_*.html   the student copies, run top to bottom in a fresh kernel (their
                             checks say "not yet"; no answer appears), so they show every figure

For printing and for a room whose network fails. nbconvert's HTML exporter with every image
embedded (no file beside the page). An explorer is a widget: its live view needs a kernel and a
CDN script, so each widget output is replaced by what it showed when the notebook was saved or
run (the pictures in its Output widgets and the text of its HTML widgets, from the stored widget
state); the widget state itself stays embedded in the page.

    python -m mlp_helpers.tools.handouts DIR [--notebooks notebooks] [--only teacher|students]

Needs nbconvert and nbclient (the development set).
"""

import argparse
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from mlp_helpers.tools.student_copies import ANSWER_KEY, STUDENT_DIR

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
KERNEL_TIMEOUT = 600


def _widget_state(notebook):
    return notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})


def frozen_outputs(model_id, state, seen=None):
    """The static outputs a widget showed: image/png of its Output widgets and the HTML of its
    HTML widgets, depth first through its children, as nbformat display_data outputs."""
    seen = set() if seen is None else seen
    if model_id in seen or model_id not in state:
        return []
    seen.add(model_id)
    model = state[model_id]
    found = []
    if model.get("model_name") == "OutputModel":
        for output in model["state"].get("outputs", []):
            data = output.get("data", {})
            if "image/png" in data:
                found.append(nbformat.v4.new_output("display_data", data={"image/png": data["image/png"]}))
    elif model.get("model_name") == "HTMLModel" and model["state"].get("value"):
        found.append(nbformat.v4.new_output("display_data", data={"text/html": model["state"]["value"]}))
    for child in model["state"].get("children", []):
        if isinstance(child, str) and child.startswith("IPY_MODEL_"):
            found += frozen_outputs(child.removeprefix("IPY_MODEL_"), state, seen)
    return found


def freeze_widgets(notebook):
    """Replace every widget view output of `notebook` (in place) by its frozen outputs; returns
    the number of widget views replaced."""
    state = _widget_state(notebook)
    replaced = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        outputs = []
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                outputs.append(output)
                continue
            replaced += 1
            outputs += frozen_outputs(view.get("model_id"), state) or [
                nbformat.v4.new_output("display_data", data={"text/plain": "(an explorer: run the notebook to use it)"})]
        cell.outputs = outputs
    return replaced


def run(notebook, folder):
    """Execute `notebook` in a fresh kernel started in `folder`, storing widget state."""
    NotebookClient(notebook, timeout=KERNEL_TIMEOUT, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def to_html(notebook, title, folder):
    """HTML of `notebook` with every image inline; `folder` is where its markdown's files are."""
    exporter = HTMLExporter(embed_images=True)
    notebook.metadata["title"] = title
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"path": str(folder)}})
    return body


def sources(notebooks_dir, only=None):
    """[(kind, path)] of the answer keys ('teacher') and student copies ('students') to render."""
    notebooks_dir = Path(notebooks_dir)
    found = []
    if only in (None, "teacher"):
        found += [("teacher", p) for p in sorted(notebooks_dir.glob("*.ipynb")) if ANSWER_KEY.match(p.name)]
    if only in (None, "students"):
        found += [("students", p) for p in sorted((notebooks_dir / STUDENT_DIR).glob("*.ipynb"))
                  if ANSWER_KEY.match(p.name)]
    return found


def write_handouts(out_dir, notebooks_dir="notebooks", only=None, log=print):
    """Write the HTML handouts into `out_dir`; returns the paths written."""
    out_dir = Path(out_dir)
    written = []
    for kind, path in sources(notebooks_dir, only):
        notebook = nbformat.read(path, as_version=4)
        if kind == "students":
            log(f"running {path} ...")
            run(notebook, path.parent)
        freeze_widgets(notebook)
        target = out_dir / kind / f"{path.stem}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        title = f"{path.stem} ({'answer key' if kind == 'teacher' else 'student copy'})"
        target.write_text(to_html(notebook, title, path.parent), encoding="utf-8")
        log(f"wrote {target}")
        written.append(target)
    if not written:
        raise FileNotFoundError(f"no notebooks NN_*.ipynb in {notebooks_dir} or its {STUDENT_DIR}/ folder")
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m mlp_helpers.tools.handouts",
                                     description="Static HTML of the answer keys and the student copies.")
    parser.add_argument("out", type=Path, help="the folder to write (teacher/ and students/ inside)")
    parser.add_argument("--notebooks", type=Path, default=Path("notebooks"), help="folder of the answer keys")
    parser.add_argument("--only", choices=["teacher", "students"], help="render only one kind")
    args = parser.parse_args(argv)
    try:
        write_handouts(args.out, args.notebooks, args.only)
    except (FileNotFoundError, json.JSONDecodeError, nbformat.ValidationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
