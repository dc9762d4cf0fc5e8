"""`make course`: an nbgrader course from the answer keys, graded by nbgrader's own commands.

The unit tests build small answer keys; the last tests run nbgrader 0.9.6 itself on a course made
from notebooks/*.ipynb in a temporary folder (generate_assignment, autograde, the gradebook):
the answer key gets full marks, an untouched release 0, one planted slip loses exactly the points
of its exercise. Those run notebooks in nbgrader's kernel; see `nbgrader_course` for the time.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mlp_helpers.tools import course
from mlp_helpers.tools import student_copies as sc
from tiers import sampled

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"


def code(source, id):
    return {"cell_type": "code", "id": id, "execution_count": 3, "metadata": {}, "outputs": [],
            "source": source.splitlines(keepends=True)}


def markdown(source, id):
    return {"cell_type": "markdown", "id": id, "metadata": {}, "source": source}


def notebook(*cells):
    return {"cells": list(cells), "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}}


ANSWER = "### BEGIN SOLUTION\nmy_slope = 0.25\n### END SOLUTION\n"
FUNCTION = "def slope(a):\n    ### BEGIN SOLUTION\n    return a * (1 - a)\n    ### END SOLUTION\n"
SAME_CELL = "### BEGIN SOLUTION\nmy_floor = 2.0\n### END SOLUTION\nprint(lessons.check_floor(my_floor, Y))\n"


def lesson():
    return notebook(
        markdown("# A lesson\n", "intro"),
        code("import numpy as np\n", "setup"),
        code(ANSWER, "a1"),
        markdown("Run the check.\n", "say"),
        code("print(check_slope_answer(my_slope,\n                         0.5))\n", "c1"),
        code(FUNCTION, "a2"),
        code("lessons.check_slope(slope)\n", "c2"),
        code(SAME_CELL, "a3"),
        code("ready = lessons.check_slope(slope).passed\n", "after"),
    )


PASSED = 'assert getattr(_verdict, "passed", str(_verdict).startswith("Correct")) is True, str(_verdict)'


def test_the_hidden_assert_passes_only_a_passed_check_or_a_correct_verdict():
    from mlp_helpers.lessons.exercise_checks import CheckResult

    for verdict, passes in [(CheckResult(True, "Correct: yes"), True), (CheckResult(False, "Correct? no"), False),
                            ("Correct: that is dC/dw.", True), ("Not yet: 0.5 is not dC/dw.", False),
                            ("not yet: no answer", False), (None, False)]:
        namespace = {"_verdict": verdict}
        if passes:
            exec(PASSED, namespace)
        else:
            with pytest.raises(AssertionError):
                exec(PASSED, namespace)


def grading(cell):
    return cell["metadata"]["nbgrader"]


def source(cell):
    return "".join(cell["source"])


# --- exercises and their checks ----------------------------------------------------------------

def test_each_answer_cell_is_paired_with_its_check_below_or_inside_it():
    found = course.find_exercises(lesson(), "01_a.ipynb")
    assert [(e.answer, e.check, e.calls) for e in found] == [
        (2, 4, ["check_slope_answer(my_slope,\n                         0.5)"]),
        (5, 6, ["lessons.check_slope(slope)"]),
        (7, 7, ["lessons.check_floor(my_floor, Y)"]),
    ]


@pytest.mark.parametrize("name, ok", [("my_prediction", True), ("my_tie_prediction", True), ("my_sign_prediction", True),
                                      ("prediction", False), ("my_answer", False), (None, False)])
def test_prediction_names_are_my_prediction_or_my_topic_prediction(name, ok):
    assert course.is_prediction_name(name) is ok


def test_a_prediction_cell_is_an_ungraded_answer_not_an_exercise_without_a_check():
    predict = "# my_prediction = {...}\n### BEGIN SOLUTION\nmy_prediction = {\"constant\": \"exactly zero\"}\n### END SOLUTION\n"
    nb = notebook(code(predict, "p"), code("print(my_prediction)\n", "run"), *lesson()["cells"])
    found = course.find_exercises(nb, "01_a.ipynb")
    assert [(e.answer, e.check) for e in found] == [(4, 6), (7, 8), (9, 9)]  # the lesson's three, shifted by 2
    cells = course.assignment_notebook(nb, "01_a.ipynb")["cells"]
    assert [grading(c)["grade_id"] for c in cells[:2]] == ["prediction_p", "cell_run"]
    assert (grading(cells[0])["solution"], grading(cells[0])["grade"], grading(cells[0]).get("points")) == (True, False, None)
    # any other statement in the block makes it an exercise again, which needs its check
    other = predict.replace("### END SOLUTION", "my_slope = 0.25\n### END SOLUTION")
    with pytest.raises(course.CourseError, match="needs a check"):
        course.find_exercises(notebook(code(other, "p"), code("print(my_prediction)\n", "run")), "01_a.ipynb")


def test_the_assignment_marks_answers_tests_and_locks_everything_else():
    nb = course.assignment_notebook(lesson(), "01_a.ipynb")
    cells = nb["cells"]
    assert [c["id"] for c in cells] == ["intro", "setup", "a1", "say", "c1", "a2", "c2", "a3", "a3-graded", "after"]
    kinds = [(grading(c)["grade_id"], grading(c)["solution"], grading(c)["grade"], grading(c)["locked"],
              grading(c).get("points")) for c in cells]
    assert kinds == [
        ("cell_intro", False, False, True, None),
        ("cell_setup", False, False, True, None),
        ("exercise_01_answer", True, False, False, None),
        ("cell_say", False, False, True, None),
        ("exercise_01_test", False, True, True, 1),
        ("exercise_02_answer", True, False, False, None),
        ("exercise_02_test", False, True, True, 1),
        ("exercise_03_answer", True, False, False, None),
        ("exercise_03_test", False, True, True, 1),
        ("cell_after", False, False, True, None),
    ]
    assert all(grading(c)["schema_version"] == 3 and grading(c)["task"] is False for c in cells)
    # the visible check stays, the graded copy of it is hidden
    assert source(cells[6]) == ("lessons.check_slope(slope)\n\n"
                                "### BEGIN HIDDEN TESTS\n"
                                "# graded: the check runs again on this notebook's answer\n"
                                "_verdict = lessons.check_slope(slope)\n"
                                f"{PASSED}\n"
                                "### END HIDDEN TESTS")
    assert source(cells[8]).endswith(f"_verdict = lessons.check_floor(my_floor, Y)\n{PASSED}\n### END HIDDEN TESTS")
    assert source(cells[2]) == ANSWER and source(cells[7]) == SAME_CELL


def test_an_answer_without_a_check_is_an_error_naming_notebook_and_cell():
    nb = notebook(code(ANSWER, "a1"), markdown("no check here", "m"), code("print(my_slope)\n", "p"))
    with pytest.raises(course.CourseError, match=r"02_b.ipynb, cell 0 \(id a1\): an answer cell needs a check"):
        course.find_exercises(nb, "02_b.ipynb")
    # a second answer cell is not the first one's check
    nb = notebook(code(ANSWER, "a1"), code(FUNCTION, "a2"), code("check_slope(slope)\n", "c"))
    with pytest.raises(course.CourseError, match=r"cell 0 \(id a1\)"):
        course.find_exercises(nb, "02_b.ipynb")


def test_a_malformed_marker_stops_the_course_as_it_stops_make_student(tmp_path):
    keys = tmp_path / "notebooks"
    keys.mkdir()
    nb = lesson()
    nb["cells"][3]["source"] = "## BEGIN SOLUTION\n"
    (keys / "01_a.ipynb").write_text(json.dumps(nb))
    assert course.main([str(tmp_path / "course"), "--notebooks", str(keys)]) == 2
    assert not (tmp_path / "course").exists()


def test_the_course_folder_holds_the_config_and_one_assignment_per_key(tmp_path, capsys):
    keys = tmp_path / "notebooks"
    keys.mkdir()
    (keys / "01_a.ipynb").write_text(json.dumps(lesson()))
    (keys / "02_plain.ipynb").write_text(json.dumps(notebook(code("x = 1\n", "x"))))
    (keys / "scratch.ipynb").write_text(json.dumps(lesson()))
    assert course.main([str(tmp_path / "c"), "--notebooks", str(keys), "--course-id", "ml-2027"]) == 0
    files = sorted(p.relative_to(tmp_path / "c").as_posix() for p in (tmp_path / "c").rglob("*") if p.is_file())
    assert files == ["nbgrader_config.py", "source/01_a/01_a.ipynb"]
    config = (tmp_path / "c" / "nbgrader_config.py").read_text()
    assert "c.CourseDirectory.course_id = 'ml-2027'" in config
    compile(config, "nbgrader_config.py", "exec")
    # a second run rewrites its own files; a foreign config is refused
    assert course.main([str(tmp_path / "c"), "--notebooks", str(keys)]) == 0
    (tmp_path / "c" / "nbgrader_config.py").write_text("c = get_config()\n")
    assert course.main([str(tmp_path / "c"), "--notebooks", str(keys)]) == 2
    assert "was not written by `make course`" in capsys.readouterr().err
    assert course.main([str(tmp_path / "d"), "--notebooks", str(keys), "--course-id", "a b"]) == 2


def test_make_course_passes_the_folder_through_the_environment(tmp_path):
    """A folder name holding quotes and `;` is a folder name, not shell code."""
    folder = tmp_path / 'class"; echo INJECTED; "x'
    result = subprocess.run(["make", "-s", "course", f"COURSE={folder}"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "INJECTED" not in result.stdout.replace(str(folder), "")
    assert (folder / "nbgrader_config.py").exists()
    result = subprocess.run(["make", "-s", "course"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "usage: make course COURSE=DIR" in result.stdout


# --- nbgrader itself on the real answer keys ----------------------------------------------------

STUDENT_KEY, STUDENT_BLANK, STUDENT_SLIP = "key", "blank", "slip"


def nbgrader(course_dir, *args):
    """Run nbgrader's command line in `course_dir` (its alembic and jupyter from this venv)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, f"nbgrader {' '.join(args)}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def submit(course_dir, student, assignment, notebook_json):
    folder = course_dir / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{assignment}.ipynb").write_text(json.dumps(notebook_json), encoding="utf-8")


def plant_slip(nb):
    """`nb` with its last exercise's top-level answer doubled (a slip its check sees); returns the
    exercise's test grade id. The last exercise, so no later exercise builds on the slip."""
    answers = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]
    cell = answers[-1]
    text = source(cell)
    (begin, end, indent), = sc.solution_blocks(text)
    assert indent == "", "the slip is planted in a top-level answer"
    names = sc.assigned_names("\n".join(text.splitlines()[begin + 1:end]))
    lines = text.splitlines()
    lines[end + 1:end + 1] = [f"{name} = 2 * {name}  # the planted slip" for name in names]
    cell["source"] = "\n".join(lines) + "\n"
    return cell["metadata"]["nbgrader"]["grade_id"].replace("_answer", "_test")


def slip_assignment(course_dir):
    """The first assignment whose last exercise is a top-level answer (a number or an array)."""
    for path in sorted((course_dir / "source").glob("*/*.ipynb")):
        nb = json.loads(path.read_text())
        answers = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")]
        if answers and all(indent == "" for _, _, indent in sc.solution_blocks(source(answers[-1]))):
            return path.parent.name
    pytest.fail("no assignment ends with a top-level answer to plant a slip in")


def graded_assignments(assignments, slipped):
    """The assignments whose answer key is autograded: every one in CI (tests/tiers.py), else the
    one that gets the slip (each notebook runs in nbgrader's kernel, 5-20 s on a 2-core machine)."""
    return sampled(assignments, lambda assignment: assignment == slipped)


@pytest.fixture(scope="module")
def nbgrader_course(tmp_path_factory):
    """A course made by `make course`'s code from notebooks/, generated by nbgrader (every
    assignment) and autograded: the answer key of one assignment (all in CI), the
    untouched release and a one-slip submission of one (time printed with -s)."""
    start = time.monotonic()
    course_dir = tmp_path_factory.mktemp("course")
    course.write_course(course_dir, NOTEBOOKS)
    assignments = sorted(p.name for p in (course_dir / "source").iterdir())
    nbgrader(course_dir, "generate_assignment", "*", "--force")  # also creates the gradebook
    # the students through nbgrader's API (what `nbgrader db student add` does, without a
    # command's start-up per name)
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}", course_id=course.COURSE_ID) as gradebook:
        assert sorted(a.name for a in gradebook.assignments) == assignments
        for student in (STUDENT_KEY, STUDENT_BLANK, STUDENT_SLIP):
            gradebook.update_or_create_student(student)
    slipped = slip_assignment(course_dir)
    graded = graded_assignments(assignments, slipped)
    for assignment in graded:
        key = json.loads((course_dir / "source" / assignment / f"{assignment}.ipynb").read_text())
        submit(course_dir, STUDENT_KEY, assignment, key)
    slip = json.loads((course_dir / "source" / slipped / f"{slipped}.ipynb").read_text())
    slip_grade = plant_slip(slip)
    submit(course_dir, STUDENT_SLIP, slipped, slip)
    submit(course_dir, STUDENT_BLANK, slipped,
           json.loads((course_dir / "release" / slipped / f"{slipped}.ipynb").read_text()))
    nbgrader(course_dir, "autograde", "*", "--force")
    print(f"\nnbgrader course: {len(assignments)} assignments generated, {len(graded) + 2} submissions "
          f"autograded in {time.monotonic() - start:.0f} s")
    return course_dir, assignments, graded, slipped, slip_grade


def scores(course_dir, assignment, student):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission(assignment, student)
        grades = {grade.name: grade.score for notebook in submission.notebooks for grade in notebook.grades}
        return submission.score, submission.max_score, grades


def test_every_assignment_generates_a_release_without_solutions_or_hidden_tests(nbgrader_course):
    course_dir, assignments, _, _, _ = nbgrader_course
    assert assignments == sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")
                                 if sc.ANSWER_KEY.match(p.name) and p.stem in assignments)
    assert len(assignments) == len(sc.expected_copies(NOTEBOOKS))
    for assignment in assignments:
        release = json.loads((course_dir / "release" / assignment / f"{assignment}.ipynb").read_text())
        text = "\n".join(source(cell) for cell in release["cells"])
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "_verdict = " not in text
        # nbgrader's stubs are the student copies' stubs: the code cells match the copy's cell by cell
        copy = json.loads((NOTEBOOKS / "student" / f"{assignment}.ipynb").read_text())
        copy_code = [source(c).rstrip("\n") for c in copy["cells"] if c["cell_type"] == "code"]
        release_code = [source(c).rstrip("\n") for c in release["cells"]
                        if c["cell_type"] == "code" and not c["id"].endswith("-graded")]
        assert release_code == copy_code


def test_the_answer_key_gets_full_marks(nbgrader_course):
    course_dir, _, graded, _, _ = nbgrader_course
    for assignment in graded:
        score, max_score, grades = scores(course_dir, assignment, STUDENT_KEY)
        assert max_score == len(grades) * course.POINTS > 0
        assert score == max_score, f"{assignment}: {grades}"


def test_an_untouched_release_gets_zero(nbgrader_course):
    course_dir, _, _, slipped, _ = nbgrader_course
    score, max_score, grades = scores(course_dir, slipped, STUDENT_BLANK)
    assert max_score > 0 and score == 0, grades


def test_one_planted_slip_loses_exactly_that_exercises_points(nbgrader_course):
    course_dir, _, _, slipped, slip_grade = nbgrader_course
    score, max_score, grades = scores(course_dir, slipped, STUDENT_SLIP)
    assert grades[slip_grade] == 0
    assert {name: value for name, value in grades.items() if name != slip_grade} == {
        name: course.POINTS for name in grades if name != slip_grade}
    assert score == max_score - course.POINTS
