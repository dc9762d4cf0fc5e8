"""The package's plan: a numpy-only core, lessons above it, pictures and explorers on top."""

import ast
import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

import mlp_helpers as mh

PACKAGE = Path(mh.__file__).parent
CORE = ("validation", "activations", "losses", "network", "history", "training", "checks")
# tools/ (student copies, class links) serve the course, not the lessons: standard library only
LAYER_OF = {"core": 0, "lessons": 1, "visual": 2, "tools": 3}


def layer_of(path):
    relative = path.relative_to(PACKAGE).parts
    return relative[0] if len(relative) > 1 else "core"


def modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def imported_layers(path):
    """The layers a module imports from, read from its relative imports."""
    package = path.relative_to(PACKAGE).parts[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = list(package[: len(package) - (node.level - 1)]) + (node.module or "").split(".")
            base = [part for part in base if part]
            names = [base + [alias.name] for alias in node.names] if not base else [base]
            for parts in names:
                found.add(parts[0] if parts[0] in LAYER_OF else "core")
    return found


def code_lines(path):
    """Lines holding code: no docstrings, comments or blank lines."""
    source = path.read_text()
    docstrings = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                docstrings.update(range(first.lineno, first.end_lineno + 1))
    skipped = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}
    lines = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type not in skipped:
            lines.update(range(token.start[0], token.end[0] + 1))
    return len(lines - docstrings)


def test_importing_the_package_needs_numpy_only():
    code = "import sys, mlp_helpers; print(sorted({'matplotlib', 'ipywidgets'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_from_a_layer_above_it(path):
    own = LAYER_OF[layer_of(path)]
    above = {layer for layer in imported_layers(path) if LAYER_OF[layer] > own}
    assert not above, f"{path.name} ({layer_of(path)}) imports from {above}"


@pytest.mark.parametrize("path", [PACKAGE / f"{name}.py" for name in CORE], ids=lambda p: p.name)
def test_the_core_imports_numpy_and_the_standard_library_only(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and not getattr(node, "level", 0):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module]
            for name in names:
                assert name.split(".")[0] in sys.stdlib_module_names | {"numpy"}, f"{path.name} imports {name}"


def test_the_four_core_modules_read_in_one_sitting():
    counts = {name: code_lines(PACKAGE / f"{name}.py") for name in ("network", "activations", "losses", "training")}
    # 200 until notebook 06 (issue 24) added tanh, ReLU and cross-entropy (about 45 lines: each
    # formula, its slope or output delta, the loss difference without cancellation, and the checks
    # that cross-entropy gets a sigmoid output and targets in [0, 1]); still one sitting
    assert sum(counts.values()) <= 245, counts


def test_code_lines_leave_out_docstrings_comments_and_blank_lines(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Module."""\n\n# why\ndef f(x):\n    """Doc\n    more."""\n    return (x +\n            1)\n')
    assert code_lines(sample) == 3


def _is_super_call(node):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_uses_another_modules_private_names(path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            assert not [a.name for a in node.names if a.name.startswith("_")], f"{path.name} imports a private name"
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            if re.fullmatch(r"_repr_\w+_", node.attr) and _is_super_call(owner):
                continue  # IPython's display protocol: public, and extended through super()
            assert isinstance(owner, ast.Name) and owner.id in ("self", "cls"), (
                f"{path.name}:{node.lineno} uses {node.attr} of another object"
            )


@pytest.mark.parametrize(
    "name",
    ["plots", "widgets", "draw_network", "plot_loss", "plot_weight_trajectories", "plot_training",
     "init_explorer", "path_explorer"],
)
def test_pictures_and_explorers_load_on_first_use(name):
    assert name in dir(mh)
    assert getattr(mh, name) is not None


def test_names_users_relied_on_keep_working():
    for name in ("MLP", "train", "History", "TrainingDiverged", "numerical_gradients", "gradient_check",
                 "relative_error", "tied_units", "tied_verdict", "sigmoid", "loss", "Case"):
        assert hasattr(mh, name), name
    assert mh.cases.sigmoid_2_3_3_2().sizes == (2, 3, 3, 2)
    assert callable(mh.widgets.init_explorer) and callable(mh.widgets.path_explorer)
    assert mh.plots.plot_training is mh.plot_training
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        mh.nonsense
