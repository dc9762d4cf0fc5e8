"""The student copies: the stub rules, reproducible bytes, no solution leaks, and every committed
copy runs top to bottom in a fresh kernel (run here, not by strict nbval: copies have no outputs)."""

import json
import os
import re
import time
from pathlib import Path

import pytest

from mlp_helpers.tools import student_copies as sc
from tiers import sampled

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
KERNEL_TIMEOUT = 600


def code(source, id, **metadata):
    return {"cell_type": "code", "id": id, "execution_count": 7, "metadata": metadata,
            "outputs": [{"output_type": "stream", "name": "stdout", "text": ["42\n"]}],
            "source": source.splitlines(keepends=True)}


def markdown(source, id):
    return {"cell_type": "markdown", "id": id, "metadata": {}, "source": source}


def notebook(*cells):
    return {
        "cells": list(cells),
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.7"},
            "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {"x": {}}}},
        },
        "nbformat": 4, "nbformat_minor": 5,
    }


def save(path, nb):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, indent=2), encoding="utf-8")
    return path


FUNCTION_KEY = '''def output_delta(a, y):
    """(m, n) -> (m, n)"""
    ### BEGIN SOLUTION
    slope = a * (1 - a)
    return 2 * (a - y) * slope
    ### END SOLUTION
'''

CHECK = '''def verdict(answer):
    """A check as the convention asks: `...` or NotImplementedError means "not yet"."""
    try:
        value = answer() if callable(answer) else answer
    except NotImplementedError:
        return "not yet: write the function"
    if value is ...:
        return "not yet: no answer"
    return "right" if abs(value - 0.25) < 1e-12 else "wrong"
print(verdict(lambda: output_delta(0.5, 0.0)), verdict(my_answer), verdict(my_other))
'''


def lesson():
    """An answer key with a function-body block, a top-level block and a check cell."""
    return notebook(
        markdown("# Lesson é\n", "intro"),
        code(FUNCTION_KEY, "fn", execution={"iopub.status.busy": "2026-11-24T07:57:07Z"},
             tags=["exercise"], collapsed=False),
        code("### BEGIN SOLUTION\nmy_answer = 0.5 ** 2\nmy_other, spare = 0.25, 1\n### END SOLUTION\n", "top"),
        code(CHECK, "check"),
    )


# --- the replacement rules ---------------------------------------------------------------------

def test_block_in_a_function_body_becomes_a_stub_that_raises():
    assert sc.stub_source(FUNCTION_KEY) == (
        'def output_delta(a, y):\n'
        '    """(m, n) -> (m, n)"""\n'
        '    # YOUR CODE HERE\n'
        '    raise NotImplementedError("write this part")\n')


def test_top_level_block_becomes_one_ellipsis_line_per_assigned_name_in_order():
    source = ("x = 1\n"
              "### BEGIN SOLUTION\n"
              "import math\n"
              "print('working')\n"
              "b, (c, *d) = 1, (2, 3)\n"
              "a: float = math.pi\n"
              "b += 1\n"
              "net.weights[0] = 5\n"
              "def helper():\n    return 1\n"
              "### END SOLUTION\n"
              "print(a)\n")
    assert sc.stub_source(source) == (
        "x = 1\n"
        "b = ...  # YOUR ANSWER HERE\n"
        "c = ...  # YOUR ANSWER HERE\n"
        "d = ...  # YOUR ANSWER HERE\n"
        "a = ...  # YOUR ANSWER HERE\n"
        "helper = ...  # YOUR ANSWER HERE\n"
        "print(a)\n")


def test_top_level_block_that_assigns_nothing_leaves_a_marker_comment():
    assert sc.stub_source("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION") == "# YOUR CODE HERE"


def test_several_blocks_in_one_cell_are_each_replaced():
    source = ("### BEGIN SOLUTION\nlr = 0.5\n### END SOLUTION\n"
              "def forward(x):\n"
              "    h = x\n"
              "    ### BEGIN SOLUTION\n    h = 2 * h\n    ### END SOLUTION\n"
              "    if h:\n"
              "        ### BEGIN SOLUTION\n        return h\n        ### END SOLUTION\n"
              "    return 0\n")
    assert sc.stub_source(source) == (
        "lr = ...  # YOUR ANSWER HERE\n"
        "def forward(x):\n"
        "    h = x\n"
        "    # YOUR CODE HERE\n"
        '    raise NotImplementedError("write this part")\n'
        "    if h:\n"
        "        # YOUR CODE HERE\n"
        '        raise NotImplementedError("write this part")\n'
        "    return 0\n")


def test_a_cell_without_markers_is_unchanged():
    source = "print('### not a marker line')  # BEGIN\n"
    assert sc.stub_source(source) == source


@pytest.mark.parametrize("source, says", [
    ("### BEGIN SOLUTION\nx = 1\n", "line 1: ### BEGIN SOLUTION is never closed"),
    ("x = 1\n### END SOLUTION\n", "line 2: ### END SOLUTION without a ### BEGIN SOLUTION"),
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION\n### END SOLUTION\n",
     "line 2: ### BEGIN SOLUTION inside the block opened on line 1"),
    ("def f():\n    ### BEGIN SOLUTION\n    return 1\n### END SOLUTION\n", "line 4: ### END SOLUTION is indented"),
    ("x = 1  ### BEGIN SOLUTION\n", "must stand alone on its line"),
    ("### BEGIN SOLUTION\n%timeit 1\n### END SOLUTION\n", "must be Python code"),
    ("x = [1,\n    ### BEGIN SOLUTION\n    2,\n    ### END SOLUTION\n]\n", "the stubbed cell is not valid Python"),
])
def test_bad_markers_are_errors_naming_the_notebook_and_cell(tmp_path, source, says):
    save(tmp_path / "01_a.ipynb", notebook(markdown("x", "m0"), code("y = 1\n", "ok"),
                                           code(source, "bad")))
    with pytest.raises(sc.MarkerError, match="01_a.ipynb, cell 2 \\(id bad\\)") as error:
        sc.write_copies(tmp_path)
    assert says in str(error.value)
    assert not (tmp_path / "student").exists()


@pytest.mark.parametrize("line", [
    "## BEGIN SOLUTION", "# BEGIN SOLUTION", "#### END SOLUTION", "### begin solution", "### Begin Solution",
    "###BEGIN SOLUTION", "### BEGIN  SOLUTION", "### BEGIN SOLUTIONS", "### END SOLUTION here",
    "    # end solution", "### BEGIN HIDDEN TESTS",
])
def test_lookalike_markers_in_code_cells_are_errors(tmp_path, line):
    source = f"x = 1\n{line}\ny = 2\n"
    save(tmp_path / "03_c.ipynb", notebook(code("y = 1\n", "ok"), code(source, "near")))
    with pytest.raises(sc.MarkerError, match="03_c.ipynb, cell 1 \\(id near\\), line 2") as error:
        sc.write_copies(tmp_path)
    assert repr(line.strip()) in str(error.value)
    assert not (tmp_path / "student").exists()


@pytest.mark.parametrize("kind", ["markdown", "raw"])
@pytest.mark.parametrize("line", ["### BEGIN SOLUTION", "## end solution"])
def test_markers_outside_code_cells_are_errors(tmp_path, kind, line):
    cell = {"cell_type": kind, "id": "prose", "metadata": {}, "source": f"Answer:\n{line}\n42\n"}
    save(tmp_path / "03_c.ipynb", notebook(code(FUNCTION_KEY, "fn"), cell))
    with pytest.raises(sc.MarkerError, match=f"03_c.ipynb, cell 1 \\(id prose\\) \\({kind} cell\\), "
                                             "line 2") as error:
        sc.write_copies(tmp_path)
    assert "code cells only" in str(error.value)
    assert not (tmp_path / "student").exists()


def test_words_near_a_marker_are_not_markers():
    source = "# the solution begins here; see the end\nprint('begin solution')  # no hash before it\n"
    assert sc.stub_source(source) == source


def test_bad_markers_make_the_command_fail_with_the_message(tmp_path, capsys):
    save(tmp_path / "02_b.ipynb", notebook(code("### END SOLUTION\n", "c0")))
    assert sc.main(["--notebooks", str(tmp_path)]) == 2
    assert "02_b.ipynb, cell 0 (id c0), line 1: ### END SOLUTION without" in capsys.readouterr().err


# --- the copy as a file --------------------------------------------------------------------------

def test_copy_clears_outputs_keeps_ids_and_keeps_only_layout_metadata(tmp_path):
    save(tmp_path / "04_lesson.ipynb", lesson())
    sc.write_copies(tmp_path)
    text = (tmp_path / "student" / "04_lesson.ipynb").read_text(encoding="utf-8")
    copy = json.loads(text)
    assert [cell["id"] for cell in copy["cells"]] == ["intro", "fn", "top", "check"]
    for cell in copy["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None
    assert copy["cells"][1]["metadata"] == {"tags": ["exercise"]}
    assert set(copy["metadata"]) == {"kernelspec", "language_info"}
    assert (copy["nbformat"], copy["nbformat_minor"]) == (4, 5)
    # nbformat's own layout, so saving the copy in JupyterLab does not reformat every line
    assert text == json.dumps(copy, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    assert "Lesson é" in text
    import nbformat
    nbformat.validate(nbformat.reads(text, as_version=4))
    assert nbformat.writes(nbformat.reads(text, as_version=4)) + "\n" == text


def test_regeneration_is_byte_identical_and_leaves_files_alone(tmp_path):
    save(tmp_path / "04_lesson.ipynb", lesson())
    written, _, _ = sc.write_copies(tmp_path)
    copy = tmp_path / "student" / "04_lesson.ipynb"
    assert written == [copy]
    first = copy.read_bytes()
    os.utime(copy, (1_000_000_000, 1_000_000_000))
    # a re-run of the key changes only outputs, counts and timings: the copy must not change
    key = lesson()
    key["cells"][1]["execution_count"] = 99
    key["cells"][1]["metadata"]["execution"] = {"iopub.status.idle": "2027-01-01T00:00:00Z"}
    key["metadata"]["widgets"] = {"other": "state"}
    save(tmp_path / "04_lesson.ipynb", key)
    assert sc.write_copies(tmp_path) == ([], [], [])
    assert copy.read_bytes() == first
    assert copy.stat().st_mtime == 1_000_000_000
    assert sc.check_copies(tmp_path) == []


def test_changing_one_notebook_changes_only_its_copy(tmp_path):
    save(tmp_path / "04_lesson.ipynb", lesson())
    save(tmp_path / "05_more.ipynb", lesson())
    sc.write_copies(tmp_path)
    before = {path.name: path.read_bytes() for path in (tmp_path / "student").iterdir()}
    changed = lesson()
    changed["cells"][0]["source"] = "# Lesson, corrected\n"
    save(tmp_path / "05_more.ipynb", changed)
    written, removed, kept = sc.write_copies(tmp_path)
    assert written == [tmp_path / "student" / "05_more.ipynb"] and removed == kept == []
    after = {path.name: path.read_bytes() for path in (tmp_path / "student").iterdir()}
    assert after["04_lesson.ipynb"] == before["04_lesson.ipynb"]
    assert after["05_more.ipynb"] != before["05_more.ipynb"]
    # only the changed cell's lines differ
    old, new = before["05_more.ipynb"].decode().splitlines(), after["05_more.ipynb"].decode().splitlines()
    assert len(old) == len(new)
    assert [(a, b) for a, b in zip(old, new) if a != b] == [('    "# Lesson é\\n"', '    "# Lesson, corrected\\n"')]


def test_only_answer_keys_with_blocks_get_copies_and_only_copies_it_wrote_go(tmp_path):
    save(tmp_path / "01_plain.ipynb", lesson())
    save(tmp_path / "scratch.ipynb", lesson())  # not named NN_*: not an answer key
    save(tmp_path / "04_lesson.ipynb", lesson())
    save(tmp_path / "09_gone.ipynb", lesson())
    assert len(sc.write_copies(tmp_path)[0]) == 3
    save(tmp_path / "01_plain.ipynb", notebook(code("print(1)\n", "a")))  # the key lost its blocks
    (tmp_path / "09_gone.ipynb").unlink()  # the key was deleted
    # files make student never wrote: JupyterLab's Duplicate, a student's own notebook, a README
    duplicate = save(tmp_path / "student" / "04_lesson-Copy1.ipynb", notebook())
    own = save(tmp_path / "student" / "06_my_notes.ipynb", notebook())
    (tmp_path / "student" / "README.md").write_text("kept")
    assert sc.write_copies(tmp_path) == ([], [tmp_path / "student" / "01_plain.ipynb",
                                              tmp_path / "student" / "09_gone.ipynb"], [])
    assert sorted(path.name for path in (tmp_path / "student").iterdir()) == [
        ".generated.json", "04_lesson-Copy1.ipynb", "04_lesson.ipynb", "06_my_notes.ipynb", "README.md"]
    assert json.loads(duplicate.read_text()) == json.loads(own.read_text()) == notebook()
    assert list(json.loads((tmp_path / "student" / ".generated.json").read_text())) == ["04_lesson.ipynb"]


# --- never lose a student's work -----------------------------------------------------------------

def answered(path, answer="my_answer = 0.25  # my own work\n"):
    """A student's edit of the copy at `path`: the top-level stub replaced by an answer."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["cells"][2]["source"] = [answer, "my_other = 0.25\n"]
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path.read_bytes()


def test_a_copy_holding_a_students_answer_is_never_overwritten_without_force(tmp_path, capsys):
    save(tmp_path / "04_lesson.ipynb", lesson())
    save(tmp_path / "05_more.ipynb", lesson())
    assert sc.main(["--notebooks", str(tmp_path)]) == 0
    work = answered(tmp_path / "student" / "04_lesson.ipynb")
    # the teacher corrects both keys: 05's copy is untouched and is updated, 04's is refused
    for name in ["04_lesson.ipynb", "05_more.ipynb"]:
        key = lesson()
        key["cells"][0]["source"] = "# Lesson, corrected\n"
        save(tmp_path / name, key)
    capsys.readouterr()
    assert sc.main(["--notebooks", str(tmp_path)]) == 3
    out, err = capsys.readouterr()
    assert f"wrote {tmp_path / 'student' / '05_more.ipynb'}" in out
    assert f"{tmp_path / 'student' / '04_lesson.ipynb'}: changed since `make student` wrote it" in err
    assert "--force" in err
    assert (tmp_path / "student" / "04_lesson.ipynb").read_bytes() == work
    assert "Lesson, corrected" in (tmp_path / "student" / "05_more.ipynb").read_text()
    # asked again, it still refuses: the manifest kept what it wrote before
    assert sc.main(["--notebooks", str(tmp_path)]) == 3
    assert (tmp_path / "student" / "04_lesson.ipynb").read_bytes() == work
    # told to, it replaces the copy and says so
    assert sc.main(["--notebooks", str(tmp_path), "--force"]) == 0
    assert f"wrote {tmp_path / 'student' / '04_lesson.ipynb'}" in capsys.readouterr().out
    assert "Lesson, corrected" in (tmp_path / "student" / "04_lesson.ipynb").read_text()
    assert sc.check_copies(tmp_path) == []


def test_a_file_it_never_wrote_under_a_copys_name_is_refused(tmp_path):
    save(tmp_path / "04_lesson.ipynb", lesson())
    own = save(tmp_path / "student" / "04_lesson.ipynb", notebook(code("x = 'mine'\n", "s")))
    before = own.read_bytes()
    with pytest.raises(sc.OverwriteError, match="04_lesson.ipynb: not written by `make student`"):
        sc.write_copies(tmp_path)
    assert own.read_bytes() == before
    assert not (tmp_path / "student" / ".generated.json").exists()
    sc.write_copies(tmp_path, force=True)
    assert own.read_bytes() != before and sc.check_copies(tmp_path) == []


def test_an_unchanged_copy_without_a_manifest_is_adopted(tmp_path):
    """A clone made before the manifest existed: copies equal to a regeneration are recorded."""
    save(tmp_path / "04_lesson.ipynb", lesson())
    sc.write_copies(tmp_path)
    (tmp_path / "student" / ".generated.json").unlink()
    assert sc.check_copies(tmp_path) == [f"{tmp_path / 'student' / '.generated.json'}: does not record "
                                         "the copies' hashes"]
    assert sc.write_copies(tmp_path) == ([], [], [])
    assert sc.check_copies(tmp_path) == []


def test_a_changed_copy_of_a_gone_key_is_kept(tmp_path, capsys):
    save(tmp_path / "04_lesson.ipynb", lesson())
    sc.write_copies(tmp_path)
    work = answered(tmp_path / "student" / "04_lesson.ipynb")
    (tmp_path / "04_lesson.ipynb").unlink()
    assert sc.main(["--notebooks", str(tmp_path)]) == 0
    assert "left " in capsys.readouterr().out
    assert (tmp_path / "student" / "04_lesson.ipynb").read_bytes() == work


def test_a_broken_manifest_is_an_error_not_a_licence_to_overwrite(tmp_path, capsys):
    save(tmp_path / "04_lesson.ipynb", lesson())
    sc.write_copies(tmp_path)
    work = answered(tmp_path / "student" / "04_lesson.ipynb")
    (tmp_path / "student" / ".generated.json").write_text("{not json")
    assert sc.main(["--notebooks", str(tmp_path)]) == 3
    assert ".generated.json: not the manifest" in capsys.readouterr().err
    assert (tmp_path / "student" / "04_lesson.ipynb").read_bytes() == work


def test_check_mode_names_each_difference_and_writes_nothing(tmp_path, capsys):
    save(tmp_path / "04_lesson.ipynb", lesson())
    save(tmp_path / "05_more.ipynb", lesson())
    assert sc.main(["--notebooks", str(tmp_path), "--check"]) == 1
    assert "04_lesson.ipynb: missing" in capsys.readouterr().err
    assert not (tmp_path / "student").exists()
    assert sc.main(["--notebooks", str(tmp_path)]) == 0
    assert sc.main(["--notebooks", str(tmp_path), "--check"]) == 0
    assert "up to date (2 notebooks)" in capsys.readouterr().out
    (tmp_path / "student" / "05_more.ipynb").write_text("{}")
    save(tmp_path / "student" / "07_old.ipynb", notebook())
    assert sc.main(["--notebooks", str(tmp_path), "--check"]) == 1
    err = capsys.readouterr().err
    assert "make student" in err and "05_more.ipynb: differs" in err and "07_old.ipynb: stale" in err
    assert (tmp_path / "student" / "05_more.ipynb").read_text() == "{}"


# --- no solution code in a copy ------------------------------------------------------------------

def leaked(key, copy):
    copied = {line.strip() for cell in copy["cells"] for line in sc.source_text(cell).splitlines()}
    return sorted(sc.solution_lines(key) & copied)


def test_synthetic_copy_holds_no_solution_line(tmp_path):
    key = save(tmp_path / "04_lesson.ipynb", lesson())
    sc.write_copies(tmp_path)
    key_json = json.loads(key.read_text())
    assert len(sc.solution_lines(key_json)) == 4  # the detector sees the solution
    assert leaked(key_json, json.loads((tmp_path / "student" / key.name).read_text())) == []


def run_in_fresh_kernel(path):
    """Execute the notebook at `path` in a new kernel from its own folder; returns the executed notebook."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=KERNEL_TIMEOUT, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


def test_synthetic_copy_runs_and_its_checks_say_not_yet(tmp_path):
    save(tmp_path / "04_lesson.ipynb", lesson())
    sc.write_copies(tmp_path)
    key = run_in_fresh_kernel(tmp_path / "04_lesson.ipynb")
    assert key.cells[3].outputs[0]["text"] == "right right right\n"
    copy = run_in_fresh_kernel(tmp_path / "student" / "04_lesson.ipynb")
    assert copy.cells[3].outputs[0]["text"] == (
        "not yet: write the function not yet: no answer not yet: no answer\n")


# --- the committed copies ------------------------------------------------------------------------

def committed_and_expected():
    expected = set(sc.expected_copies(NOTEBOOKS))
    return sorted(expected | set(sc.existing_copies(NOTEBOOKS)))


def test_committed_copies_are_what_make_student_writes():
    assert sc.check_copies(NOTEBOOKS) == [], "run `make student` and commit notebooks/student/"


@pytest.fixture(params=committed_and_expected() or [None],
                ids=lambda path: path.name if path else "no-answer-key-has-solutions-yet")
def student_copy(request):
    return request.param


def test_student_copy_holds_no_solution_code(student_copy):
    if student_copy is None:
        assert sc.expected_copies(NOTEBOOKS) == {}
        return
    key = json.loads((NOTEBOOKS / student_copy.name).read_text(encoding="utf-8"))
    copy = json.loads(student_copy.read_text(encoding="utf-8"))
    assert leaked(key, copy) == [], f"{student_copy.name} holds solution lines"


# make test runs the write-backprop copy (the most exercises, a quick run); CI runs every copy
@pytest.fixture(params=sampled(committed_and_expected() or [None], lambda path: path is None or "write_backprop" in path.name),
                ids=lambda path: path.name if path else "no-answer-key-has-solutions-yet")
def student_copy_to_run(request):
    return request.param


def test_student_copy_runs_top_to_bottom_in_a_fresh_kernel(student_copy_to_run):
    student_copy = student_copy_to_run
    if student_copy is None:
        assert sc.expected_copies(NOTEBOOKS) == {} and sc.existing_copies(NOTEBOOKS) == []
        return
    assert student_copy.exists(), f"{student_copy} is missing: run `make student`"
    start = time.monotonic()
    nb = run_in_fresh_kernel(student_copy)
    outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]
    errors = [output for output in outputs if output["output_type"] == "error"]
    assert not errors, errors
    # the checks answer the stubs with a verdict ("not yet: ..."), never a crash
    shown = "\n".join(str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
                      for output in outputs)
    assert re.search(r"(?i)\bnot yet\b|\bno answer yet\b", shown), (
        f"{student_copy.name}: no check cell says 'not yet'")
    print(f"{student_copy.name} ran in {time.monotonic() - start:.1f} s")
