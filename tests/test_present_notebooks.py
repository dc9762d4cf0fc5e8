"""The presentation notebooks (notebooks/present/, served by `make present`): short, one explorer
each at projector size, nothing stored, and one for every explorer the lessons use.

tests/browser/test_present_in_voila.py opens them in Voilà; nbval runs them as well (they store no
outputs, so it runs them without comparing: a notebook that fails to run fails there).
"""

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
PRESENTATIONS = sorted((REPO / "notebooks" / "present").glob("*.ipynb"))
EXPLORER_CALL = re.compile(r"\b(\w+_explorer)\(")


def cells(path, kind):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == kind], notebook


def explorers_called(paths):
    return {name for path in paths for code in cells(path, "code")[0] for name in EXPLORER_CALL.findall(code)}


def test_every_explorer_a_lesson_uses_has_a_presentation_notebook():
    used = explorers_called(LESSONS)
    assert used, "the lessons call no explorer: has the explorers' naming (*_explorer) changed?"
    missing = used - explorers_called(PRESENTATIONS)
    assert not missing, (f"no notebook in notebooks/present/ shows {sorted(missing)}: add one (a title, one or "
                         "two sentences, and the explorer with dpi=\"projector\"); make present lists it")


@pytest.mark.parametrize("path", PRESENTATIONS, ids=lambda path: path.stem)
def test_a_presentation_notebook_is_a_title_a_sentence_or_two_and_one_explorer(path):
    code, notebook = cells(path, "code")
    text, _ = cells(path, "markdown")
    assert [cell["cell_type"] for cell in notebook["cells"]] == ["markdown", "code"]
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"  # Voilà starts this kernel
    # one line on a projector: a bold title and a question, never an answer
    assert re.match(r"\*\*[^*]+\*\* ", text[0]) and len(text[0]) <= 250 and "\n" not in text[0].strip(), text[0]
    sentences = re.findall(r"[.?!](?:\s|$)", re.sub(r"\*\*[^*]+\*\*", "", text[0]))
    assert 1 <= len(sentences) <= 2, f"{path.name}: {len(sentences)} sentences after the title"
    (explorer,) = code
    # its projector resolution: "projector", or a number where the explorer has no such setting
    assert len(EXPLORER_CALL.findall(explorer)) == 1 and re.search(r'dpi=("projector"|\d+)', explorer)
    assert not re.search(r"BEGIN SOLUTION|check_|print\(", explorer), "a presentation shows the explorer only"


@pytest.mark.parametrize("path", PRESENTATIONS, ids=lambda path: path.stem)
def test_a_presentation_notebook_stores_no_output(path):
    """Voilà runs it afresh; a stored output could only be stale (an old error, an old picture)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    assert "widgets" not in notebook["metadata"]
