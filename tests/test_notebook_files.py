"""The committed notebook files: listed in the README, run once cleanly, and stored with outputs.

nbval (run by `make test`) compares the stored outputs with a fresh run; these checks make sure
there is something real to compare: outputs from one clean kernel run in order, no stored
errors, every notebook reachable from the README's table. They also hold the nbval escape
hatches (sanitize rules, NBVAL_* markers) to their rule: each one carries its reason.
"""

import json
import re
from pathlib import Path

import pytest
from nbval.plugin import get_sanitize_patterns

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = REPO / "notebooks"
README = REPO / "README.md"
SANITIZE = REPO / "tests" / "nbval_sanitize.cfg"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

KERNELSPEC_KEYS = {"name", "display_name", "language"}
# nbval's per-cell markers (comments) and tags; each use must say why, right beside it.
NBVAL_COMMENT = re.compile(r"#\s*(NBVAL_\w+)(.*)$", re.MULTILINE)
NBVAL_TAGS = {"nbval-ignore-output", "nbval-skip", "nbval-check-output", "nbval-raises-exception",
              "raises-exception"}


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(notebook):
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def readme_table_rows():
    """The rows of the table under README's "## The notebooks" heading, as lists of cell texts."""
    lines = README.read_text(encoding="utf-8").splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if re.match(r"#+\s+The notebooks\s*$", line))
    except StopIteration:
        pytest.fail('README.md has no "## The notebooks" section')
    table = []
    for line in lines[start + 1:]:
        if line.startswith("#"):
            break
        if line.lstrip().startswith("|"):
            table.append(line.strip())
        elif table:  # the first table ends at its first non-table line
            break
    assert len(table) >= 2 and re.fullmatch(r"\|(\s*:?-{3,}:?\s*\|)+", table[1]), (
        "README's notebooks section should hold a markdown table (header + --- line)")
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in table[2:]]


def readme_notebook_links():
    """{row text: notebook path} for each table row; a row must link exactly one notebook."""
    links = {}
    for row in readme_table_rows():
        targets = re.findall(r"\]\(([^)\s]+\.ipynb)\)", " | ".join(row))
        assert len(targets) == 1, f"README table row {row} should link exactly one notebook, found {targets}"
        links[" | ".join(row)] = (README.parent / targets[0]).resolve()
    return links


def test_readme_table_and_notebooks_folder_agree():
    linked = readme_notebook_links()
    missing = [row for row, path in linked.items() if not path.is_file()]
    assert not missing, f"README rows pointing to no existing notebook: {missing}"
    on_disk = {path.resolve() for path in NOTEBOOKS}
    unlisted = sorted(path.name for path in on_disk - set(linked.values()))
    assert not unlisted, f"notebooks missing from README's table: {unlisted}"
    outside = sorted(str(path) for path in set(linked.values()) - on_disk)
    assert not outside, f"README links notebooks outside notebooks/: {outside}"
    assert len(linked) == len(set(linked.values())), "a notebook is listed twice in README's table"


@pytest.fixture(params=NOTEBOOKS, ids=lambda path: path.name)
def notebook(request):
    return request.param, load(request.param)


def test_has_a_kernelspec(notebook):
    path, nb = notebook
    kernelspec = nb["metadata"].get("kernelspec", {})
    assert KERNELSPEC_KEYS <= set(kernelspec), (
        f"{path.name}: metadata.kernelspec needs {sorted(KERNELSPEC_KEYS)} (without it JupyterLab "
        f"asks for a kernel first); found {kernelspec}")
    assert kernelspec["language"] == "python"


def test_outputs_come_from_one_clean_run_in_order(notebook):
    path, nb = notebook
    cells = code_cells(nb)
    assert cells, f"{path.name} has no code cells"
    counts = [cell["execution_count"] for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), (
        f"{path.name}: execution counts {counts}, expected 1..{len(cells)} from one clean run "
        "(`make notebooks` re-runs every notebook)")
    assert any(cell["outputs"] for cell in cells), f"{path.name} is stored without outputs"


def test_no_stored_errors(notebook):
    path, nb = notebook
    problems = []
    for number, cell in enumerate(code_cells(nb), start=1):
        for output in cell["outputs"]:
            if output["output_type"] == "error":
                problems.append(f"cell [{number}] raised {output['ename']}: {output['evalue']}")
            elif output.get("name") == "stderr" and "Traceback (most recent call last)" in "".join(
                    output["text"]):
                problems.append(f"cell [{number}] printed a traceback")
    # Output widgets keep what they show in the saved widget state; a callback that failed
    # while the notebook was run reports "Error: ..." there (the widgets' contract).
    state = nb["metadata"].get("widgets", {}).get(
        "application/vnd.jupyter.widget-state+json", {}).get("state", {})
    for model_id, model in state.items():
        for output in model.get("state", {}).get("outputs", []):
            text = "".join(output.get("text", "")) + "".join(
                str(v) for v in output.get("data", {}).get("text/plain", ""))
            if output.get("output_type") == "error" or re.match(r"\s*Error", text):
                problems.append(f"Output widget {model_id} shows an error: {text[:200]!r}")
    assert not problems, f"{path.name}: " + "; ".join(problems)


def test_nbval_markers_carry_a_reason(notebook):
    path, nb = notebook
    bare = []
    for number, cell in enumerate(code_cells(nb), start=1):
        for marker, rest in NBVAL_COMMENT.findall(source(cell)):
            if not re.search(r"\w", rest):
                bare.append(f"cell [{number}]: {marker} without a reason on its line")
        tags = set(cell.get("metadata", {}).get("tags", [])) & NBVAL_TAGS
        if tags and not re.search(r"#.*\b(nbval|NBVAL)\b.*\w+", source(cell)):
            bare.append(f"cell [{number}]: tags {sorted(tags)} without a '# nbval: reason' comment")
    assert not bare, f"{path.name}: " + "; ".join(bare)


def test_every_sanitize_rule_is_explained_and_read_by_nbval():
    """nbval reads `regex: ...` directly followed by `replace: ...`; anything else is silently
    dropped, so every `regex:` line must be one nbval parses, with a comment above saying why."""
    text = SANITIZE.read_text(encoding="utf-8")
    lines = text.splitlines()
    rules = [i for i, line in enumerate(lines) if line.startswith("regex:")]
    assert rules, "tests/nbval_sanitize.cfg holds no rule"
    parsed = get_sanitize_patterns(text)
    assert [regex for regex, _ in parsed] == [lines[i][len("regex: "):] for i in rules], (
        "nbval does not read every `regex:` line: write `regex: PATTERN` and, on the very next "
        "line, `replace: TEXT` (one space after each colon)")
    assert len({regex for regex, _ in parsed}) == len(parsed), "a regex appears twice"
    for i, (regex, _) in zip(rules, parsed):
        assert i > 0 and lines[i - 1].startswith("#"), (
            f"nbval_sanitize.cfg line {i + 1}: {lines[i]!r} needs a comment right above it saying why")
        re.compile(regex)


def test_kernels_start_from_compiled_bytecode():
    """`make venv` writes the installed packages' .pyc files (uv does not unless told): without them
    every kernel compiles matplotlib and IPython from source, about 1.5 s more per Run All wherever
    Python may not write them itself (PYTHONDONTWRITEBYTECODE, as in CI; a read-only hub install)."""
    import importlib.util

    import IPython.core.interactiveshell
    import matplotlib.axes._axes
    import matplotlib.pyplot

    for module in (matplotlib.pyplot, matplotlib.axes._axes, IPython.core.interactiveshell):
        compiled = Path(importlib.util.cache_from_source(module.__file__))
        assert compiled.exists(), f"{module.__name__} has no {compiled.name}: make venv did not compile the packages"
