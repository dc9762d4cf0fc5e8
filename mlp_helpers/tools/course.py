"""An nbgrader course from the answer keys: `make course COURSE=DIR`.

Writes `DIR/nbgrader_config.py` (course id, the student copies' stubs, a kernel timeout) and
`DIR/source/<assignment>/<assignment>.ipynb`, one assignment per answer key `notebooks/NN_*.ipynb`
that holds solution blocks, named after the notebook. Every cell gets nbgrader's metadata
(`metadata.nbgrader`, schema 3), derived from two conventions of the answer keys:

* an **answer cell** is a code cell holding `### BEGIN SOLUTION` / `### END SOLUTION` blocks: an
  nbgrader solution cell ("autograded answer");
* its **check** is the first call of a function named `check_*` after the answer: in the answer
  cell below the last END marker, or in the next code cell. A check returns a `CheckResult` whose
  `.passed` says right or not (or a verdict text starting with "Correct" when right), and never
  raises. The check cell becomes an autograded test cell
  worth `POINTS` points; it keeps the visible check and gets, between `### BEGIN HIDDEN TESTS` and
  `### END HIDDEN TESTS` (which nbgrader strips from the students' release), the same check calls
  run again with `assert verdict.passed`. A check inside the answer cell gets a test cell of its
  own right after it.
* a **prediction cell** is an answer cell whose solution only assigns a `my_..._prediction` name (a
  predict-first question, answered before the cell that prints the result): an ungraded solution
  cell, blanked in the release like every answer, worth no points;
* every other cell is read-only (locked): nbgrader restores the teacher's version when grading.

An answer cell with no check after it is an error naming the notebook and cell, so a notebook
author cannot add an exercise that is silently worth nothing. The teacher then uses nbgrader's
own commands in DIR: `nbgrader generate_assignment`, `nbgrader autograde`,
`nbgrader generate_feedback`, or the formgrader (see notebooks/CLASSROOM.md).

    python -m mlp_helpers.tools.course DIR [--course-id ID] [--notebooks notebooks]

Standard library only (nbgrader is needed to use the course, not to write it).
"""

import argparse
import ast
import copy
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from mlp_helpers.tools.student_copies import (ANSWER_KEY, MarkerError, source_text, cell_name, dumps,
                                              has_solutions, solution_blocks)

COURSE_ID = "backprop-by-hand"
POINTS = 1
CHECK_NAME = re.compile(r"^check_\w+$")
HIDDEN_BEGIN = "### BEGIN HIDDEN TESTS"
HIDDEN_END = "### END HIDDEN TESTS"
# The first line of the config file this tool writes: it overwrites only a file that starts so.
CONFIG_HEADER = '"""nbgrader configuration written by `make course` (mlp_helpers.tools.course)."""'
CONFIG = CONFIG_HEADER + '''
# Regenerate with `make course COURSE=...`; edit the answer keys, not source/.
from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions

from mlp_helpers.tools.nbgrader_stubs import StudentStubs

c = get_config()  # noqa: F821 (nbgrader defines get_config when it reads this file)
c.CourseDirectory.course_id = {course_id!r}
# The students' stubs are the student copies' (`make student`): `name = ...` at the top level of a
# cell, a `raise` only inside a function body, so Run All does not stop at the first exercise.
c.GenerateAssignment.preprocessors = [
    StudentStubs if step is ClearSolutions else step
    for step in GenerateAssignment.class_traits()["preprocessors"].default()
]
# A notebook with explorers runs in about 10 s alone; leave room on a busy hub.
c.ExecutePreprocessor.timeout = 600
'''


class CourseError(ValueError):
    """An answer key cannot become an assignment (an exercise without a check, ...)."""


@dataclass
class Exercise:
    """One exercise of a notebook: cell indexes of its answer and of its check, and the check
    calls' source text (`check` == `answer` when the answer cell holds the check)."""

    answer: int
    check: int
    calls: list


def check_calls(source, first_line=1, where="cell"):
    """The source text of each outermost call of a function named check_* in `source` that
    starts on or after line `first_line` (1-based)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise CourseError(f"{where}: not Python ({error.msg}, line {error.lineno}); answer and check "
                          "cells must be plain Python") from None
    calls = []

    def visit(node):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if CHECK_NAME.match(name) and node.lineno >= first_line:
                calls.append(ast.get_source_segment(source, node))
                return
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return calls


def is_prediction_name(name):
    """Whether `name` names a predict-first answer: `my_prediction` or `my_<topic>_prediction`."""
    return isinstance(name, str) and name.startswith("my_") and name.endswith("prediction") and name.isidentifier()


def is_prediction(source, blocks):
    """Whether every solution block of a cell (`blocks`, as `solution_blocks` returns them) only
    assigns one name `my_prediction` or `my_<topic>_prediction` (one per question, so a later prediction
    never overwrites an earlier one): a predict-first answer, not an exercise a check grades."""
    lines = source.splitlines()
    if not blocks:
        return False
    for begin, end, _indent in blocks:
        try:
            tree = ast.parse("\n".join(line.strip() for line in lines[begin + 1:end]))
        except SyntaxError:
            return False
        if not tree.body or not all(isinstance(node, ast.Assign)
                                    and len(node.targets) == 1 and is_prediction_name(getattr(node.targets[0], "id", None))
                                    for node in tree.body):
            return False
    return True


def find_exercises(notebook, name="notebook"):
    """The exercises of `notebook` (parsed JSON of an answer key), in order.

    Raises CourseError naming the notebook and cell for an answer cell with no check after it.
    """
    cells = notebook.get("cells", [])
    found = []
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        where = cell_name(name, index, cell)
        source = source_text(cell)
        blocks = solution_blocks(source, where)
        if not blocks or is_prediction(source, blocks):
            continue
        last_end = blocks[-1][1] + 1  # 0-based line of the last END marker, as a 1-based number
        calls = check_calls(source, last_end + 1, where)
        if calls:
            found.append(Exercise(index, index, calls))
            continue
        following = next((k for k in range(index + 1, len(cells)) if cells[k].get("cell_type") == "code"), None)
        if following is not None:
            next_source = source_text(cells[following])
            if not solution_blocks(next_source, cell_name(name, following, cells[following])):
                calls = check_calls(next_source, 1, cell_name(name, following, cells[following]))
                if calls:
                    found.append(Exercise(index, following, calls))
                    continue
        raise CourseError(f"{where}: an answer cell needs a check: end it with, or follow it by a code "
                          "cell with, a call of a check_* function (its CheckResult grades the exercise)")
    return found


def hidden_tests(calls):
    """The hidden-test block that runs each check call again and asserts it passed: its
    CheckResult's `.passed`, or, for a check that returns its verdict as text, a verdict that
    starts with "Correct" (the convention of every check's text)."""
    lines = [HIDDEN_BEGIN, "# graded: the check runs again on this notebook's answer"]
    for call in calls:
        lines += [f"_verdict = {call}",
                  'assert getattr(_verdict, "passed", str(_verdict).startswith("Correct")) is True, str(_verdict)']
    return "\n".join(lines + [HIDDEN_END])


def _nbgrader(grade_id, solution=False, grade=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


def _test_cell_metadata(number, points):
    return _nbgrader(f"exercise_{number:02d}_test", grade=True, locked=True, points=points)


def assignment_notebook(notebook, name="notebook", points=POINTS):
    """The nbgrader source version of `notebook` (an answer key's parsed JSON), as a new dict."""
    has_solutions(notebook, name)  # marker errors first, named as `make student` names them
    exercises = list(enumerate(find_exercises(notebook, name), start=1))
    answer_of = {exercise.answer: (number, exercise) for number, exercise in exercises}
    check_of = {exercise.check: (number, exercise) for number, exercise in exercises}
    cells = []
    for index, original in enumerate(notebook.get("cells", [])):
        cell = copy.deepcopy(original)
        cell["source"] = source_text(cell)
        cell_id = cell.get("id") or f"cell-{index}"
        metadata = cell.setdefault("metadata", {})
        if index in answer_of:
            metadata["nbgrader"] = _nbgrader(f"exercise_{answer_of[index][0]:02d}_answer", solution=True)
        elif index not in check_of and is_prediction(cell["source"], solution_blocks(cell["source"], cell_id)):
            metadata["nbgrader"] = _nbgrader(f"prediction_{cell_id}", solution=True)
        elif index in check_of:
            number, exercise = check_of[index]
            cell["source"] = cell["source"].rstrip("\n") + "\n\n" + hidden_tests(exercise.calls)
            metadata["nbgrader"] = _test_cell_metadata(number, points)
        else:
            metadata["nbgrader"] = _nbgrader(f"cell_{cell_id}", locked=True)
        cells.append(cell)
        if index in answer_of and index in check_of:  # the check sits in the answer cell
            number, exercise = check_of[index]
            cells.append({
                "cell_type": "code", "execution_count": None, "id": f"{cell_id}-graded", "outputs": [],
                "metadata": {"nbgrader": _test_cell_metadata(number, points)},
                "source": "# The check above runs again here when your notebook is marked.\n"
                          + hidden_tests(exercise.calls)})
    for cell in cells:
        cell["source"] = cell["source"].splitlines(keepends=True)
    return {**notebook, "cells": cells, "nbformat": 4,
            "nbformat_minor": max(5, notebook.get("nbformat_minor", 5))}


def answer_keys(notebooks_dir):
    """{assignment name: parsed answer key} for every NN_*.ipynb holding a solution block."""
    keys = {}
    for path in sorted(Path(notebooks_dir).glob("*.ipynb")):
        if not ANSWER_KEY.match(path.name):
            continue
        notebook = json.loads(path.read_text(encoding="utf-8"))
        if has_solutions(notebook, path.name):
            keys[path.stem] = notebook
    return keys


def write_course(course_dir, notebooks_dir="notebooks", course_id=COURSE_ID):
    """Write the course into `course_dir`; returns the paths written.

    Everything is computed before anything is written, so a bad answer key leaves no half course.
    """
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", course_id or ""):
        raise CourseError(f"course id must be letters, digits, '-', '_' or '.', got {course_id!r}")
    course_dir = Path(course_dir)
    config = course_dir / "nbgrader_config.py"
    if config.exists() and not config.read_text(encoding="utf-8").startswith(CONFIG_HEADER):
        raise CourseError(f"{config} exists and was not written by `make course`: choose another COURSE "
                          "folder, or move that file away")
    files = {config: CONFIG.format(course_id=course_id)}
    for assignment, notebook in answer_keys(notebooks_dir).items():
        source = assignment_notebook(notebook, f"{assignment}.ipynb")
        files[course_dir / "source" / assignment / f"{assignment}.ipynb"] = dumps(source)
    if len(files) == 1:
        raise CourseError(f"no answer key NN_*.ipynb with a solution block in {notebooks_dir}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m mlp_helpers.tools.course",
                                     description="Write an nbgrader course (one assignment per answer key).")
    parser.add_argument("course", type=Path, help="the course folder to write (nbgrader's course root)")
    parser.add_argument("--course-id", default=COURSE_ID, help=f"nbgrader's course id (default: {COURSE_ID})")
    parser.add_argument("--notebooks", default="notebooks", type=Path, help="folder of the answer keys")
    args = parser.parse_args(argv)
    try:
        written = write_course(args.course, args.notebooks, args.course_id)
    except (CourseError, MarkerError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    print(f"next, in {args.course}: nbgrader generate_assignment ASSIGNMENT (see notebooks/CLASSROOM.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
