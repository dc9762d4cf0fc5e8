"""A term on a hub, simulated with nbgitpuller's own `gitpuller` on a local bare repository.

The student pulls the student copies, fills in an answer and saves (JupyterLab's way: run, then
written by nbformat); the teacher fixes another notebook and regenerates the copies; the student
pulls again. The answer must still be there, the fix must arrive, and nothing else may change:
that holds only because regenerating a copy rewrites nothing the teacher did not change.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlp_helpers.tools import student_copies as sc
from test_student_copies import code, lesson, markdown, notebook, run_in_fresh_kernel, save

GIT_IDENTITY = {"GIT_AUTHOR_NAME": "Teacher", "GIT_AUTHOR_EMAIL": "teacher@example.edu",
                "GIT_COMMITTER_NAME": "Teacher", "GIT_COMMITTER_EMAIL": "teacher@example.edu"}


def git(*args, cwd):
    env = {**os.environ, **GIT_IDENTITY, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True, timeout=60).stdout


def gitpuller(url, target):
    """What the hub runs when a student clicks the nbgitpuller link (branch always given)."""
    executable = Path(sys.executable).with_name("gitpuller")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run([str(executable), url, "main", str(target)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def publish(teacher, message):
    """The teacher regenerates the copies (as `make student` does) and pushes."""
    assert sc.main(["--notebooks", str(teacher / "notebooks")]) == 0
    git("add", "-A", cwd=teacher)
    git("commit", "-q", "-m", message, cwd=teacher)
    git("push", "-q", "origin", "main", cwd=teacher)


def tree(folder):
    """{relative path: bytes} of every file outside .git."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and ".git" not in path.parts}


def second_lesson():
    return notebook(
        markdown("# Second lesson\n\nThe slope is $a(1-a)$.\n", "intro2"),
        code("### BEGIN SOLUTION\nmy_slope = 0.25\n### END SOLUTION\n", "answer2"),
        code("print('not yet' if my_slope is ... else my_slope == 0.25)\n", "check2"),
    )


def test_a_term_update_keeps_the_students_answer_and_brings_the_fix(tmp_path):
    if shutil.which("git") is None:
        pytest.fail("git is needed for this test (and for nbgitpuller on any hub)")
    bare, teacher, home = tmp_path / "course.git", tmp_path / "teacher", tmp_path / "home"
    git("init", "-q", "--bare", "-b", "main", str(bare), cwd=tmp_path)
    git("init", "-q", "-b", "main", str(teacher), cwd=tmp_path)
    git("remote", "add", "origin", str(bare), cwd=teacher)
    save(teacher / "notebooks" / "04_lesson.ipynb", lesson())
    save(teacher / "notebooks" / "05_second.ipynb", second_lesson())
    publish(teacher, "Week 1")
    url = bare.as_uri()  # file://: the hub clones a URL, and shallow clones need one

    # Week 1: the student clicks the link, answers in copy 04, runs it and saves.
    student = home / "course"
    gitpuller(url, student)
    assert tree(student) == tree(teacher)
    answered = student / "notebooks" / "student" / "04_lesson.ipynb"
    text = answered.read_text(encoding="utf-8")
    assert text.count('"my_answer = ...  # YOUR ANSWER HERE\\n"') == 1
    answered.write_text(text.replace('"my_answer = ...  # YOUR ANSWER HERE\\n"', '"my_answer = 0.5 ** 2\\n"'),
                        encoding="utf-8")
    import nbformat
    nbformat.write(run_in_fresh_kernel(answered), answered)  # JupyterLab saves outputs and counts
    saved = answered.read_bytes()
    assert b"0.5 ** 2" in saved and b'"execution_count": 1' in saved

    # Week 2: the teacher corrects notebook 05 (text and its check) and regenerates.
    before = tree(teacher)
    fixed = second_lesson()
    fixed["cells"][0]["source"] = "# Second lesson\n\nThe slope of the sigmoid is $a(1-a)$.\n"
    fixed["cells"][2]["source"] = "print('not yet' if my_slope is ... else abs(my_slope - 0.25) < 1e-9)\n"
    save(teacher / "notebooks" / "05_second.ipynb", fixed)
    publish(teacher, "Week 2: notebook 05 corrected")
    after = tree(teacher)
    # the copy, and its hash in the manifest `make student` keeps of what it wrote
    assert sorted(name for name in after if after[name] != before.get(name)) == [
        "notebooks/05_second.ipynb", "notebooks/student/.generated.json", "notebooks/student/05_second.ipynb"]

    # The student clicks the same link again.
    gitpuller(url, student)
    pulled = tree(student)
    assert pulled["notebooks/student/04_lesson.ipynb"] == saved, "the student's answer was lost"
    assert pulled["notebooks/student/05_second.ipynb"] == after["notebooks/student/05_second.ipynb"]
    assert b"abs(my_slope - 0.25)" in pulled["notebooks/student/05_second.ipynb"]
    assert set(pulled) == set(after), "files were added, renamed or lost"
    assert [name for name in after if pulled[name] != after[name]] == ["notebooks/student/04_lesson.ipynb"]

    # Week 3: the teacher fixes the introduction of the very notebook the student answered in;
    # the student's answer and outputs and the fix both survive the merge.
    corrected = lesson()
    corrected["cells"][0]["source"] = "# Lesson é, corrected\n"
    save(teacher / "notebooks" / "04_lesson.ipynb", corrected)
    publish(teacher, "Week 3: notebook 03's introduction")
    gitpuller(url, student)
    merged = json.loads((student / "notebooks" / "student" / "04_lesson.ipynb").read_text(encoding="utf-8"))
    assert merged["cells"][0]["source"] == ["# Lesson é, corrected\n"]
    assert merged["cells"][2]["source"][0] == "my_answer = 0.5 ** 2\n"
    assert merged["cells"][3]["outputs"][0]["text"] == ["not yet: write the function right not yet: no answer\n"]
