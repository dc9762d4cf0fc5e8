"""The students' repository: `make release RELEASE=DIR`.

Binder and nbgitpuller serve a whole repository, so a class that must not see the answer keys
(`notebooks/NN_*.ipynb` here) gets a second repository holding only what students need:

    DIR/notebooks/NN_*.ipynb    the student copies (what `make student` writes, regenerated here)
    DIR/notebooks/<STUDENT_DOCS>  the notation card and the syllabus, when present
    DIR/mlp_helpers/            the package the notebooks import (with its checks)
    DIR/pyproject.toml, requirements.txt, environment.yml   so `pip install .`, conda, Binder
                                and a hub install it exactly as from this repository
    DIR/README.md               how to start, for students

No answer key, no teacher's guide, no solution line. `DIR/.bph-release` lists what the last run
wrote: a later run replaces and removes only those files, so `DIR/.git` and anything the teacher
added stay. A folder that is not empty and holds no such list is refused (so RELEASE=. cannot
overwrite this repository). Then, in DIR: `git init`, commit, push to the students' repository,
and `make links RELEASE=DIR HUB=...` prints its links.

    python -m mlp_helpers.tools.release DIR

Standard library only.
"""

import argparse
import json
import re
import sys
from pathlib import Path

from mlp_helpers.tools.student_copies import MarkerError, expected_copies

RECORD = ".bph-release"
# Student-facing pages next to the notebooks (the teacher's guides stay behind).
STUDENT_DOCS = ("NOTATION.md", "SYLLABUS.md")
TOP_FILES = ("pyproject.toml", "requirements.txt", "environment.yml")
PACKAGE_SUFFIXES = (".py", ".json")
README = """# Backprop by Hand: the notebooks

Backpropagation worked by hand, one small network at a time, then written by you in numpy.
Open the notebooks in order; each one says what to look at before it shows it.

{lessons}

## Start

- **A link from your teacher** (Binder or your course's JupyterHub): click it, wait for
  JupyterLab, open the notebook it names. Nothing to install.
- **Your own computer** with conda: `conda env create -f environment.yml`, then
  `conda activate backprop-by-hand` and `jupyter lab notebooks/`.
- **Your own computer** with Python 3.11: `python -m venv .venv`, then
  `.venv/bin/pip install -r requirements.txt .` (Windows: `.venv\\Scripts\\pip ...`), then
  `.venv/bin/jupyter lab notebooks/`. No `make` needed.

## Exercises

Write your answer where a cell says `# YOUR CODE HERE` or `= ...  # YOUR ANSWER HERE`, run the
cell, then run the check under it: it says right, or which slip your answer looks like. The checks
help you learn; if your course is graded, your teacher marks your submitted notebook separately.

Keep your work: save often, and if your teacher updates the notebooks through a link, your edits
are kept (a file you changed is never replaced).
"""


class ReleaseError(ValueError):
    """The release folder cannot be written safely."""


def _title(notebook_text):
    """The first markdown heading of a notebook, without the #s ('' when there is none)."""
    for cell in json.loads(notebook_text).get("cells", []):
        if cell.get("cell_type") == "markdown":
            for line in "".join(cell.get("source", [])).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def release_files(repo="."):
    """{relative path: bytes} of the students' repository, built from `repo`."""
    repo = Path(repo)
    files = {}
    copies = expected_copies(repo / "notebooks")
    if not copies:
        raise ReleaseError(f"no answer key with a solution block in {repo / 'notebooks'}: nothing to release")
    lessons = []
    for path, text in copies.items():
        files[f"notebooks/{path.name}"] = text.encode("utf-8")
        lessons.append(f"- `notebooks/{path.name}`: {_title(text)}".rstrip(": "))
    for name in STUDENT_DOCS:
        if (repo / "notebooks" / name).is_file():
            files[f"notebooks/{name}"] = (repo / "notebooks" / name).read_bytes()
    for name in TOP_FILES:
        files[name] = (repo / name).read_bytes()
    for path in sorted((repo / "mlp_helpers").rglob("*")):
        if path.is_file() and path.suffix in PACKAGE_SUFFIXES and "__pycache__" not in path.parts:
            files[path.relative_to(repo).as_posix()] = path.read_bytes()
    files["README.md"] = README.format(lessons="\n".join(lessons)).encode("utf-8")
    return files


def write_release(folder, repo="."):
    """Write the students' repository into `folder`; returns (written, removed) relative paths."""
    folder = Path(folder)
    record = folder / RECORD
    if folder.resolve() == Path(repo).resolve() or Path(repo).resolve() in folder.resolve().parents:
        raise ReleaseError(f"RELEASE={folder} is inside this repository: choose a folder outside it")
    previous = []
    if record.exists():
        previous = json.loads(record.read_text(encoding="utf-8"))
    elif folder.exists() and any(path.name != ".git" for path in folder.iterdir()):
        raise ReleaseError(f"RELEASE={folder} is not empty and was not written by `make release` "
                           f"(no {RECORD}): choose an empty or new folder")
    files = release_files(repo)
    written, removed = [], []
    for relative, data in files.items():
        path = folder / relative
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(relative)
    inside = folder.resolve()
    for relative in previous:
        path = (folder / relative).resolve()
        if relative not in files and inside in path.parents and path.is_file():
            path.unlink()
            removed.append(relative)
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(sorted(files), indent=1) + "\n", encoding="utf-8")
    return written, removed


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m mlp_helpers.tools.release",
                                     description="Write the students' repository (no answer key) into a folder.")
    parser.add_argument("folder", type=Path, help="the folder to write (new, empty, or an earlier release)")
    parser.add_argument("--repo", type=Path, default=Path("."), help="this repository (default: .)")
    args = parser.parse_args(argv)
    if not re.search(r"\S", str(args.folder)):
        parser.error("folder: give a folder name")
    try:
        written, removed = write_release(args.folder, args.repo)
    except (ReleaseError, MarkerError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for relative in written:
        print(f"wrote {args.folder / relative}")
    for relative in removed:
        print(f"removed {args.folder / relative} (no longer released)")
    print(f"release in {args.folder}: commit and push it as the students' repository, then "
          f"`make links RELEASE={args.folder} HUB=...`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
