"""`make release RELEASE=DIR`: the students' repository holds the student copies, the package and
the install files, and no answer key, teacher's guide, marker or solution line."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mlp_helpers.tools import release
from mlp_helpers.tools import student_copies as sc

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
TEACHER_GUIDES = ("TEACHING.md", "CLASSROOM.md")


def answer_keys():
    return sorted(path for path in NOTEBOOKS.glob("*.ipynb") if sc.ANSWER_KEY.match(path.name))


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    folder = tmp_path_factory.mktemp("release") / "students"
    release.write_release(folder, REPO)
    return folder


def files(folder):
    return sorted(path for path in folder.rglob("*") if path.is_file() and ".git" not in path.parts)


def test_the_tree_holds_the_copies_the_package_and_the_install_files(tree):
    names = {path.relative_to(tree).as_posix() for path in files(tree)}
    copies = sc.expected_copies(NOTEBOOKS)
    assert {f"notebooks/{path.name}" for path in copies} <= names
    assert {"README.md", "pyproject.toml", "requirements.txt", "environment.yml", release.RECORD,
            "mlp_helpers/__init__.py", "mlp_helpers/tools/overrides.json"} <= names
    for path, text in copies.items():
        assert (tree / "notebooks" / path.name).read_text(encoding="utf-8") == text
    assert (tree / "requirements.txt").read_bytes() == (REPO / "requirements.txt").read_bytes()
    assert (tree / "environment.yml").read_bytes() == (REPO / "environment.yml").read_bytes()
    notebooks = {path.name for path in (tree / "notebooks").glob("*.ipynb")}
    assert notebooks == {path.name for path in copies}
    readme = (tree / "README.md").read_text()
    assert all(f"notebooks/{path.name}" in readme for path in copies)


def test_no_answer_key_teacher_guide_or_marker_anywhere(tree):
    keys = {path.read_bytes() for path in answer_keys()}
    for path in files(tree):
        assert path.name not in TEACHER_GUIDES and path.read_bytes() not in keys, path
        lines = path.read_text(encoding="utf-8").splitlines()
        # the tools' own code names the markers in strings and docstrings, never as a marker line
        assert not any(re.fullmatch(r'\s*"?\s*### (BEGIN|END) (SOLUTION|HIDDEN TESTS)(\\n)?\s*"?,?\s*', line)
                       for line in lines), path
        if path.suffix != ".py":
            assert not any(sc.LOOKALIKE.search(line) for line in lines), path
    for guide in TEACHER_GUIDES:
        assert guide not in (tree / "README.md").read_text()


def test_no_solution_line_in_any_notebook_or_page(tree):
    """Every line that stands only inside an answer key's solution blocks is absent from the
    release's notebooks and pages. The package's own code is exempt and shares a few lines with
    the solutions by nature (it implements forward and backward passes): CLASSROOM.md says so."""
    solution = set().union(*(sc.solution_lines(json.loads(path.read_text())) for path in answer_keys()))
    assert len(solution) >= 10  # the detector sees the answer keys' solutions
    for path in files(tree):
        if path.suffix == ".py":
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            lines = {line.strip() for cell in json.loads(text)["cells"]
                     for line in sc.source_text(cell).splitlines()}
        else:
            lines = {line.strip() for line in text.splitlines()}
        assert not solution & lines, f"{path}: {sorted(solution & lines)}"


def test_a_second_release_updates_its_own_files_and_keeps_the_rest(tmp_path):
    folder = tmp_path / "students"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    release.write_release(folder, REPO)
    (folder / "CHANGES.md").write_text("the teacher's own page")
    gone = folder / "notebooks" / "00_renamed_since.ipynb"
    gone.write_text("{}")
    record = json.loads((folder / release.RECORD).read_text())
    (folder / release.RECORD).write_text(json.dumps(record + ["notebooks/00_renamed_since.ipynb", "../outside"]))
    (tmp_path / "outside").write_text("not ours")
    written, removed = release.write_release(folder, REPO)
    assert written == [] and removed == ["notebooks/00_renamed_since.ipynb"]
    assert (folder / "CHANGES.md").exists() and (folder / ".git" / "HEAD").exists()
    assert (tmp_path / "outside").exists()


def test_a_folder_it_did_not_write_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(release.ReleaseError, match="not empty and was not written by `make release`"):
        release.write_release(tmp_path, REPO)
    with pytest.raises(release.ReleaseError, match="inside this repository"):
        release.write_release(REPO / "release-here", REPO)
    with pytest.raises(release.ReleaseError, match="inside this repository"):
        release.write_release(REPO, REPO)


def test_make_release_passes_the_folder_through_the_environment(tmp_path):
    folder = tmp_path / 'students"; echo INJECTED; "x'
    result = subprocess.run(["make", "-s", "release", f"RELEASE={folder}"], cwd=REPO, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "INJECTED" not in result.stdout.replace(str(folder), "")
    assert (folder / "README.md").exists()
    result = subprocess.run(["make", "-s", "release"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "usage: make release RELEASE=DIR" in result.stdout


def test_the_release_builds_as_a_package(tree, tmp_path):
    """`pip install .` (environment.yml, Binder, a hub) works from the students' repository."""
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                             "--disable-pip-version-check", "-w", str(tmp_path), str(tree)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert len(list(tmp_path.glob("mlp_helpers-*.whl"))) == 1
