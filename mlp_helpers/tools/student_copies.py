"""Student copies of the answer-key notebooks: each solution block replaced by a stub.

An answer key is a notebook `notebooks/NN_*.ipynb` whose code cells hold solution blocks between
a line `### BEGIN SOLUTION` and a line `### END SOLUTION` (same indentation as the code around
them). Its student copy `notebooks/student/NN_*.ipynb` replaces each block:

* indented (inside a function body): by `<indent># YOUR CODE HERE` and
  `<indent>raise NotImplementedError("write this part")`;
* at top level: by `name = ...  # YOUR ANSWER HERE` for each name the block assigns at top level,
  in order (other statements are dropped; a block that assigns no name leaves `# YOUR CODE HERE`).

Outputs and execution counts are cleared. The bytes depend only on the answer key: the key's cell
ids are kept, metadata is reduced to what opening the notebook needs and written sorted, with
nbformat's JSON layout. So regenerating an unchanged key gives an identical file, and nbgitpuller
merges a teacher's update into a student's clone without touching what did not change.

A student's work is never lost: `notebooks/student/.generated.json` (the manifest) records the
SHA-256 of every copy this tool last wrote. A copy is replaced or removed only while its bytes are
still what the manifest records; a copy that differs (a student's answers) is left alone and named,
unless `--force`; a file the manifest does not list (a JupyterLab duplicate, a student's own
notebook) is never deleted and never overwritten without `--force`.

Any line that looks like a solution marker (any case, any number of `#`, in any cell type) but is
not exactly one of the two markers in a code cell is an error naming the notebook and the cell, so
a slip never copies a solution into a student copy.

    python -m mlp_helpers.tools.student_copies            # write notebooks/student/
    python -m mlp_helpers.tools.student_copies --force    # also overwrite copies that were edited
    python -m mlp_helpers.tools.student_copies --check    # exit 1 if the committed copies differ

Standard library only, so it runs before anything else is installed.
"""

import argparse
import ast
import hashlib
import json
import re
import sys
from pathlib import Path

BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
MARKER = re.compile(r"^([ \t]*)(### (?:BEGIN|END) SOLUTION)[ \t]*$")
# Anything a reader (or nbgrader, which looks for the words anywhere in a line) could take for a
# marker: a comment sign, BEGIN or END, SOLUTION, in any case and spacing.
LOOKALIKE = re.compile(r"(?i)#.*\b(?:begin|end)[\s_-]*(?:solutions?|hidden[\s_-]*tests?)\b")
ANSWER_KEY = re.compile(r"^\d\d_.*\.ipynb$")
STUDENT_DIR = "student"
MANIFEST = ".generated.json"

# Notebook metadata a copy keeps: what JupyterLab needs to open it with the right kernel.
# Widget state, execution timings and any tool's own keys are dropped.
NOTEBOOK_METADATA = ("kernelspec", "language_info")
# Cell metadata a copy keeps: how the teacher laid the cell out.
CELL_METADATA = ("tags", "editable", "deletable", "slideshow", "jupyter")


class MarkerError(ValueError):
    """A solution block that is not closed, closed twice, nested or cannot be stubbed, or a line
    that looks like a marker but is not one."""


class OverwriteError(ValueError):
    """`write_copies` would replace or remove a file it did not write, or one changed since."""


def solution_blocks(source, where="cell"):
    """The solution blocks of one cell's source.

    source: the cell's text; where: the name of the cell for error messages.
    Returns a list of (begin, end, indent): line numbers (0-based) of the two marker lines and the
    indentation of the BEGIN line. Raises MarkerError naming `where` when a block is unbalanced,
    nested, or closed at another indentation than it was opened.
    """
    blocks, begin = [], None
    for number, line in enumerate(source.splitlines()):
        match = MARKER.match(line)
        if match is None:
            if BEGIN in line or END in line:
                raise MarkerError(f"{where}, line {number + 1}: a solution marker must stand alone "
                                  f"on its line, found {line.strip()!r}")
            if LOOKALIKE.search(line):
                raise MarkerError(f"{where}, line {number + 1}: {line.strip()!r} looks like a solution "
                                  f"marker but is not one; write exactly {BEGIN!r} or {END!r} "
                                  "(hidden tests are added by `make course`, never in an answer key)")
            continue
        indent, marker = match.groups()
        if marker == BEGIN:
            if begin is not None:
                raise MarkerError(f"{where}, line {number + 1}: {BEGIN} inside the block opened on "
                                  f"line {begin[0] + 1} (blocks cannot nest)")
            begin = (number, indent)
        else:
            if begin is None:
                raise MarkerError(f"{where}, line {number + 1}: {END} without a {BEGIN} before it")
            if indent != begin[1]:
                raise MarkerError(f"{where}, line {number + 1}: {END} is indented {indent!r}, its "
                                  f"{BEGIN} on line {begin[0] + 1} is indented {begin[1]!r}")
            blocks.append((begin[0], number, indent))
            begin = None
    if begin is not None:
        raise MarkerError(f"{where}, line {begin[0] + 1}: {BEGIN} is never closed by {END}")
    return blocks


def _target_names(target):
    """Names bound by an assignment target, in order (attributes and subscripts bind none)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    return []


def assigned_names(code, where="cell"):
    """The names that top-level statements of `code` assign, first occurrence first."""
    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        raise MarkerError(f"{where}: a top-level solution block must be Python code "
                          f"({error.msg}, line {error.lineno} of the block)") from None
    names = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            found = [name for target in statement.targets for name in _target_names(target)]
        elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
            found = _target_names(statement.target)
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found = [statement.name]
        else:
            found = []
        names.extend(name for name in found if name not in names)
    return names


def stub_source(source, where="cell"):
    """`source` (one cell's text) with every solution block replaced by its stub."""
    blocks = solution_blocks(source, where)
    if not blocks:
        return source
    lines = source.splitlines()
    out, position = [], 0
    for begin, end, indent in blocks:
        out.extend(lines[position:begin])
        if indent:
            out += [f"{indent}# YOUR CODE HERE", f'{indent}raise NotImplementedError("write this part")']
        else:
            names = assigned_names("\n".join(lines[begin + 1:end]), where)
            out += [f"{name} = ...  # YOUR ANSWER HERE" for name in names] or ["# YOUR CODE HERE"]
        position = end + 1
    out.extend(lines[position:])
    text = "\n".join(out) + ("\n" if source.endswith("\n") else "")
    try:
        ast.parse(source)
    except SyntaxError:
        return text  # IPython syntax (magics): nothing to compare with
    try:
        ast.parse(text)
    except SyntaxError as error:
        raise MarkerError(f"{where}: the stubbed cell is not valid Python ({error.msg}, line "
                          f"{error.lineno}); put the markers around whole statements") from None
    return text


def source_text(cell):
    """A cell's source as one string (nbformat stores it as a string or a list of lines)."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def cell_name(name, index, cell):
    """How error messages name a cell: notebook, index and id."""
    return f"{name}, cell {index} (id {cell.get('id', '?')})"


def check_marker_lines(notebook, name="notebook"):
    """Raise MarkerError for a marker-like line outside a code cell (markers work only in code)."""
    for index, cell in enumerate(notebook.get("cells", [])):
        if cell.get("cell_type") == "code":
            continue
        for number, line in enumerate(source_text(cell).splitlines()):
            if LOOKALIKE.search(line):
                raise MarkerError(f"{cell_name(name, index, cell)} ({cell.get('cell_type')} cell), line "
                                  f"{number + 1}: {line.strip()!r}: solution markers belong in code "
                                  "cells only; a solution here would reach the student copy")


def has_solutions(notebook, name="notebook"):
    """True when a code cell of `notebook` (parsed JSON) holds a solution block.

    Raises MarkerError for any malformed or misplaced marker, in any cell.
    """
    check_marker_lines(notebook, name)
    return any([solution_blocks(source_text(cell), cell_name(name, index, cell))
                for index, cell in enumerate(notebook.get("cells", []))
                if cell.get("cell_type") == "code"])


def solution_lines(notebook):
    """The stripped lines of `notebook` (parsed JSON) that stand inside a solution block and
    nowhere outside one: what must never reach a student (the marker lines themselves aside)."""
    inside, outside = set(), set()
    for cell in notebook.get("cells", []):
        lines = source_text(cell).splitlines()
        blocks = solution_blocks("\n".join(lines)) if cell.get("cell_type") == "code" else []
        in_block = {n for begin, end, _ in blocks for n in range(begin, end + 1)}
        for number, line in enumerate(lines):
            (inside if number in in_block else outside).add(line.strip())
    return {line for line in inside - outside if line and not MARKER.match(line)}


def _cell_id(cell, notebook_name, index):
    # Keep the key's id, so a copy's cells stay the same cells from one regeneration to the next;
    # a key saved before nbformat 4.5 has none, so derive one from where the cell stands.
    if cell.get("id"):
        return cell["id"]
    return hashlib.sha1(f"{notebook_name}:{index}".encode()).hexdigest()[:8]


def student_notebook(notebook, name="notebook"):
    """The student copy of `notebook` (parsed JSON of an answer key) as a new dict."""
    cells = []
    for index, cell in enumerate(notebook.get("cells", [])):
        where = cell_name(name, index, cell)
        kind = cell["cell_type"]
        copy = {
            "cell_type": kind,
            "id": _cell_id(cell, name, index),
            "metadata": {key: cell["metadata"][key] for key in CELL_METADATA
                         if key in cell.get("metadata", {})},
            "source": source_text(cell),
        }
        if kind == "code":
            copy["source"] = stub_source(copy["source"], where)
            copy["execution_count"] = None
            copy["outputs"] = []
        elif "attachments" in cell:
            copy["attachments"] = cell["attachments"]
        copy["source"] = copy["source"].splitlines(keepends=True)
        cells.append(copy)
    metadata = notebook.get("metadata", {})
    return {
        "cells": cells,
        "metadata": {key: metadata[key] for key in NOTEBOOK_METADATA if key in metadata},
        "nbformat": 4,
        "nbformat_minor": max(5, notebook.get("nbformat_minor", 5)),
    }


def dumps(notebook):
    """Notebook JSON laid out as nbformat writes it: sorted keys, indent 1, UTF-8, final newline."""
    return json.dumps(notebook, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def expected_copies(notebooks_dir):
    """{copy path: text} for every answer key in `notebooks_dir` that holds a solution block."""
    notebooks_dir = Path(notebooks_dir)
    copies = {}
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        if not ANSWER_KEY.match(path.name):
            continue
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise MarkerError(f"{path}: not a notebook ({error})") from None
        if has_solutions(notebook, path.name):
            copies[notebooks_dir / STUDENT_DIR / path.name] = dumps(student_notebook(notebook, path.name))
    return copies


def existing_copies(notebooks_dir):
    """The copies now in `notebooks_dir/student/` (only files named like answer keys)."""
    folder = Path(notebooks_dir) / STUDENT_DIR
    return sorted(path for path in folder.glob("*.ipynb") if ANSWER_KEY.match(path.name))


def digest(data):
    """SHA-256 hex digest of `data` (bytes): what the manifest records for a copy."""
    return hashlib.sha256(data).hexdigest()


def manifest_path(notebooks_dir):
    return Path(notebooks_dir) / STUDENT_DIR / MANIFEST


def read_manifest(notebooks_dir):
    """{file name: digest} of the copies this tool last wrote ({} before the first run)."""
    path = manifest_path(notebooks_dir)
    if not path.exists():
        return {}
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise OverwriteError(f"{path}: not the manifest `make student` writes ({error}); restore it "
                             "with git, or delete it (then no edited copy is overwritten)") from None
    if not (isinstance(recorded, dict) and all(isinstance(v, str) for v in recorded.values())):
        raise OverwriteError(f"{path}: expected {{file name: sha256}}, restore it with git or delete it")
    return recorded


def manifest_text(records):
    """The manifest for `records` ({file name: digest}), sorted, so it changes only when a copy does."""
    return json.dumps(records, sort_keys=True, indent=1) + "\n"


def expected_records(copies):
    """{file name: digest} of `copies` ({path: text})."""
    return {path.name: digest(text.encode("utf-8")) for path, text in copies.items()}


def write_copies(notebooks_dir, force=False):
    """Write every student copy, and remove copies this tool wrote whose key is gone.

    A copy that exists is replaced only while its bytes are what the manifest recorded (or with
    `force`); a file the manifest does not list is never deleted, and a listed one only while
    unchanged. A copy whose bytes would not change is not rewritten (its modification time stays).
    Returns (written, removed, kept): lists of paths, kept being copies of a gone key left alone
    because they changed. Raises OverwriteError naming every copy it refused to overwrite, after
    writing the others; the error's `written` and `removed` say what it did.
    """
    copies = expected_copies(notebooks_dir)
    recorded = read_manifest(notebooks_dir)
    records = expected_records(copies)
    written, removed, kept, refused = [], [], [], []
    for path, text in copies.items():
        data = text.encode("utf-8")
        if path.exists():
            now = path.read_bytes()
            if now == data:
                continue
            if digest(now) != recorded.get(path.name) and not force:
                refused.append((path, "changed since `make student` wrote it (a student's work?)"
                                if path.name in recorded else "not written by `make student`"))
                # keep the old record: a later run still knows this tool once wrote it
                del records[path.name]
                if path.name in recorded:
                    records[path.name] = recorded[path.name]
                continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    for path in existing_copies(notebooks_dir):
        if path in copies or path.name not in recorded:
            continue  # needed, or never written by this tool (a duplicate, a student's notebook)
        if digest(path.read_bytes()) == recorded[path.name]:
            path.unlink()
            removed.append(path)
        else:
            kept.append(path)
            records[path.name] = recorded[path.name]
    manifest = manifest_path(notebooks_dir)
    if records != recorded and (records or manifest.exists()):
        manifest.parent.mkdir(parents=True, exist_ok=True)
        manifest.write_text(manifest_text(records), encoding="utf-8")
    if refused:
        error = OverwriteError(
            "not overwritten, the file differs from what `make student` last wrote (save the work "
            "elsewhere, then run again with --force for a fresh copy):\n"
            + "\n".join(f"  {path}: {reason}" for path, reason in refused))
        error.written, error.removed = written, removed
        raise error
    return written, removed, kept


def check_copies(notebooks_dir):
    """The differences between the committed copies and what `write_copies` would write.

    Returns a list of messages, empty when everything agrees (the manifest included).
    """
    copies = expected_copies(notebooks_dir)
    problems = []
    for path, text in copies.items():
        if not path.exists():
            problems.append(f"{path}: missing")
        elif path.read_bytes() != text.encode("utf-8"):
            problems.append(f"{path}: differs from its answer key's regeneration")
    problems += [f"{path}: stale (its answer key has no solution block, or is gone)"
                 for path in existing_copies(notebooks_dir) if path not in copies]
    manifest = manifest_path(notebooks_dir)
    if copies and (not manifest.exists()
                   or manifest.read_text(encoding="utf-8") != manifest_text(expected_records(copies))):
        problems.append(f"{manifest}: does not record the copies' hashes")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m mlp_helpers.tools.student_copies",
        description="Write notebooks/student/: the answer keys with each solution replaced by a stub.")
    parser.add_argument("--notebooks", default="notebooks", type=Path,
                        help="folder of the answer keys NN_*.ipynb (default: notebooks)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the committed copies differ from a regeneration")
    parser.add_argument("--force", action="store_true",
                        help="also overwrite copies changed since they were written (a student's answers)")
    args = parser.parse_args(argv)
    if not args.notebooks.is_dir():
        parser.error(f"--notebooks: {args.notebooks} is not a folder")
    try:
        if args.check:
            problems = check_copies(args.notebooks)
            if problems:
                print("The student copies are out of date; run `make student` and commit:",
                      *problems, sep="\n  ", file=sys.stderr)
                return 1
            print(f"student copies up to date ({len(expected_copies(args.notebooks))} notebooks)")
            return 0
        written, removed, kept = write_copies(args.notebooks, args.force)
    except MarkerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except OverwriteError as error:
        _report(getattr(error, "written", []), getattr(error, "removed", []), [])
        print(f"error: {error}", file=sys.stderr)
        return 3
    _report(written, removed, kept)
    if not written and not removed:
        print("student copies already up to date")
    return 0


def _report(written, removed, kept):
    for path in written:
        print(f"wrote {path}")
    for path in removed:
        print(f"removed {path} (written by make student; its answer key is gone)")
    for path in kept:
        print(f"left {path} alone: its answer key is gone, but it changed since it was written")


if __name__ == "__main__":
    sys.exit(main())
