"""Every number notebook 03 (the student writes backpropagation) shows, and its student copy.

Each text output of the notebook is rebuilt here from an independent computation (finite
differences, the package's own backpropagation and training, the test file's own right answers)
and compared with the stored output as a whole, so that no number goes unchecked. The student
copy (every solution block replaced by its stub, the convention of the project's brief) must run
top to bottom without an error, each check saying "Not yet".
"""

import ast
import json
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest
from nbclient import NotebookClient
from test_write_backprop import backward, forward, layer_forward, layer_gradients, output_delta, step_back

import mlp_helpers as mh
from mlp_helpers.lessons import write_backprop

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "03_write_backprop.ipynb"
QUESTION_OUTPUT = np.array([[0.5992708, 0.1997655], [0.5993174, 0.2004307]])
NOT_READY = "not yet: finish forward and backward above (their checks say what is missing), then run this cell again\n"


def read():
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def source(cell):
    return "".join(cell["source"])


def shown_text(cell):
    """Everything a code cell shows as text: its streams and the plain text of its values."""
    parts = []
    for output in cell["outputs"]:
        parts.append("".join(output.get("text", "")))
        parts.append("".join(output.get("data", {}).get("text/plain", "")))
    return "".join(parts)


def path_net():
    net = mh.MLP([2, 2, 2]).init_random(seed=3)
    return net, np.array([[0.8, 0.4]]), np.array([[0.2, 0.4]])


def trained(start):
    """The seeds' problem trained by the package (not by the notebook's code): lr 0.5, 1000 steps."""
    case = mh.cases.sigmoid_2_3_3_2()
    mh.train(start, case.X, case.Y, lr=0.5, iterations=1000, loss="sse")
    return start, case


def expected_outputs():
    """{a line of the cell's source: the exact text the cell shows}, for every cell that shows text."""
    net, x, y = path_net()
    path_sum = mh.chain_rule_paths(net, x, y, ("w", 0, 0, 0), loss="sse")
    fd_W, fd_b = mh.numerical_gradients(net, x, y, "sse", eps=1e-3, order=4)

    # delta2 = dC/dz2 by finite differences in z2, independent of the formula the notebook shows
    a1 = net.forward(x)[1]
    z2 = a1 @ net.weights[1] + net.biases[1]

    def cost(z):
        return np.sum((mh.sigmoid(z) - y) ** 2)

    h = 1e-5
    delta2 = np.array([(cost(z2 + h * e) - cost(z2 - h * e)) / (2 * h) for e in np.eye(2)])
    tails = [p.factors[-2].value * p.factors[-1].value for p in path_sum.paths]
    np.testing.assert_allclose(tails, delta2, rtol=1e-8)
    np.testing.assert_allclose(path_sum.total, fd_W[0][0, 0], rtol=1e-9)

    # every parameter: the path sums against finite differences (independent of both)
    path_W, path_b = mh.path_gradients(net, x[0], y[0], loss="sse")
    paths_agree = all(np.allclose(p, f, rtol=1e-8, atol=1e-12) for p, f in zip(path_W + path_b, fd_W + fd_b))
    assert paths_agree and sum(p.size for p in path_W + path_b) == 12

    counts = "".join(f"{str(s):>22}: {int(np.prod(s[2:])):>6} paths\n"
                     for s in ([2, 2, 2], [2, 3, 3, 2], [2, 100, 100, 100, 10]))

    ones, case = trained(mh.MLP([2, 3, 3, 2]).init_constant(1.0))
    output = ones.predict(case.X)
    gap = np.abs(output - QUESTION_OUTPUT).max()
    random, _ = trained(mh.MLP([2, 3, 3, 2]).init_random(seed=0))
    W = ones.weights[0]

    def verdict(check, function):
        result = check(function)
        assert result.passed, result
        return repr(result)

    return {
        "path_sum = mh.chain_rule_paths": repr(path_sum),
        "delta2 = 2 * (a2 - y)": (
            f"last two factors of each path: {np.round(tails, 6)}\n"
            f"delta2                       : {np.round(delta2, 6)}\n"
            f"dC/dW0[0,0]: path sum {fd_W[0][0, 0]:.6f}, backpropagation {fd_W[0][0, 0]:.6f}\n"),
        "path_W, path_b = mh.path_gradients": f"all 12 parameters, path sum = backpropagation: {paths_agree}\n",
        "for sizes in": counts,
        "write_backprop.check_layer_forward(layer_forward)": verdict(write_backprop.check_layer_forward, layer_forward),
        "write_backprop.check_forward(forward)": verdict(write_backprop.check_forward, forward),
        "write_backprop.check_output_delta(output_delta)": verdict(write_backprop.check_output_delta, output_delta),
        "write_backprop.check_step_back(step_back)": verdict(write_backprop.check_step_back, step_back),
        "write_backprop.check_layer_gradients(layer_gradients)": verdict(
            write_backprop.check_layer_gradients, layer_gradients),
        "write_backprop.check_backward(backward)": verdict(write_backprop.check_backward, backward),
        "ready = ": "ready: forward and backward pass their checks\n",
        "QUESTION_OUTPUT = ": (
            f"your output after 1000 steps:\n{np.round(output, 7)}\n"
            f"the question's output:\n{QUESTION_OUTPUT}\n"
            f"largest difference {gap:.1e}, below 1e-6: {gap < 1e-6}\n"),
        "trained = mh.MLP": (
            f"tied groups per hidden layer (units that are exact copies): {mh.tied_units(ones)}\n"
            f"largest difference between a column of weights[0] and its first column: {np.abs(W - W[:, :1]).max()}\n"),
        "reference, _ = case.train()": "your weights equal mh.train's: True\n",
        "start = mh.MLP(case.sizes).init_random(seed=0)": f"tied groups per hidden layer: {mh.tied_units(random)}\n",
        "plot_first_layer(axes[0]": "<Figure size 1100x400 with 2 Axes>",
    }


@pytest.fixture(scope="module")
def notebook():
    return read()


def cell_for(notebook, marker):
    """The one code cell whose source is ``marker``, or else the one that contains it."""
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    matches = [c for c in code if source(c) == marker] or [c for c in code if marker in source(c)]
    assert len(matches) == 1, f"{len(matches)} code cells contain {marker!r}"
    return matches[0]


def test_every_text_output_is_recomputed(notebook):
    expected = expected_outputs()
    covered = set()
    for marker, text in expected.items():
        cell = cell_for(notebook, marker)
        assert shown_text(cell) == text, f"cell with {marker!r}"
        covered.add(id(cell))
    uncovered = [source(c)[:60] for c in notebook["cells"]
                 if c["cell_type"] == "code" and shown_text(c) and id(c) not in covered]
    assert not uncovered, f"cells whose output no test recomputes: {uncovered}"


def test_the_path_table_shows_the_recomputed_paths(notebook):
    net, x, y = path_net()
    path_sum = mh.chain_rule_paths(net, x, y, ("w", 0, 0, 0), loss="sse")
    (output,) = cell_for(notebook, "path_sum = mh.chain_rule_paths")["outputs"]
    assert "".join(output["data"]["text/html"]) == path_sum._repr_html_()
    assert len(path_sum.paths) == 2


def test_the_question_output_is_reproduced_to_1e_6():
    ones, case = trained(mh.MLP([2, 3, 3, 2]).init_constant(1.0))
    assert np.abs(ones.predict(case.X) - QUESTION_OUTPUT).max() < 1e-6
    assert mh.tied_units(ones) == [[[0, 1, 2]], [[0, 1, 2]]]
    random, _ = trained(mh.MLP([2, 3, 3, 2]).init_random(seed=0))
    assert mh.tied_units(random) == [[], []]


def test_the_notebooks_own_code_matches_the_package(notebook):
    """The answer key's gradient descent, run here, gives mh.train's weights."""
    namespace = {}
    for marker in ("import numpy", "def layer_forward", "def forward", "def output_delta", "def step_back",
                   "def layer_gradients", "def backward", "ready = "):
        exec(compile(source(cell_for(notebook, marker)), marker, "exec"), namespace)
    case = mh.cases.sigmoid_2_3_3_2()
    start = mh.MLP(case.sizes).init_random(seed=0)
    weights, biases, first_layer = namespace["gradient_descent"](start.weights, start.biases, case.X, case.Y, 0.5, 1000)
    theirs, _ = trained(start.copy())
    for mine, ref in zip(weights + biases, theirs.weights + theirs.biases):
        np.testing.assert_allclose(mine, ref, rtol=0, atol=1e-12)
    assert first_layer.shape == (1000, 2, 3)


def test_the_prose_quotes_the_question_and_the_setup(notebook):
    markdown = "\n".join(source(c) for c in notebook["cells"] if c["cell_type"] == "markdown")
    assert r"0.5992708 & 0.1997655\\ 0.5993174 & 0.2004307" in markdown
    case = mh.cases.sigmoid_2_3_3_2()
    assert case.lr == 0.5 and case.iterations == 1000 and case.loss == "sse" and case.init_value == 1.0
    assert "learning rate 0.5" in markdown and "1000 steps" in markdown and "about 45 minutes" in markdown
    assert "Predict first" in markdown


# -- the student copy --------------------------------------------------------------------------


def stub_solutions(code):
    """Apply the project's answer-key convention: each BEGIN/END SOLUTION block becomes its stub."""
    lines, out, i = code.split("\n"), [], 0
    while i < len(lines):
        line = lines[i]
        if line.strip() != "### BEGIN SOLUTION":
            out.append(line)
            i += 1
            continue
        end = next(k for k in range(i + 1, len(lines)) if lines[k].strip() == "### END SOLUTION")
        indent = line[: len(line) - len(line.lstrip())]
        if indent:
            out += [f"{indent}# YOUR CODE HERE", f'{indent}raise NotImplementedError("write this part")']
        else:
            names = []
            for node in ast.parse("\n".join(lines[i + 1:end])).body:
                targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
                for target in targets:
                    for name in ast.walk(target) if target is not None else []:
                        if isinstance(name, ast.Name) and name.id not in names:
                            names.append(name.id)
            out += [f"{name} = ...  # YOUR ANSWER HERE" for name in names]
        i = end + 1
    return "\n".join(out)


def test_stub_convention_on_both_kinds_of_block():
    code = "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION\n### BEGIN SOLUTION\na, b = 1, 2\nprint(a)\n### END SOLUTION"
    assert stub_solutions(code) == ('def f(x):\n    # YOUR CODE HERE\n    raise NotImplementedError("write this part")\n'
                                    "a = ...  # YOUR ANSWER HERE\nb = ...  # YOUR ANSWER HERE")


def test_the_answer_key_marks_six_solutions(notebook):
    blocks = [c for c in notebook["cells"] if c["cell_type"] == "code" and "### BEGIN SOLUTION" in source(c)]
    assert [re.search(r"def (\w+)", source(c)).group(1) for c in blocks] == [
        "layer_forward", "forward", "output_delta", "step_back", "layer_gradients", "backward"]
    for cell in blocks:
        assert source(cell).count("### BEGIN SOLUTION") == source(cell).count("### END SOLUTION") == 1


def test_the_student_copy_runs_and_every_check_says_not_yet(tmp_path):
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = stub_solutions(cell.source)
            cell.outputs, cell.execution_count = [], None
    assert "### BEGIN SOLUTION" not in json.dumps(nb)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    checks = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("write_backprop.check_")]
    assert len(checks) == 6
    for cell in checks:
        text = shown_text(cell)
        assert text.startswith("Not yet: ") and "is not finished (it, or a function it calls, still raises NotImplementedError)" in text, text
    after = [c for c in nb.cells if c.cell_type == "code" and "if ready:" in c.source]
    assert len(after) == 5 and all(shown_text(c) == NOT_READY for c in after)
    assert shown_text(next(c for c in nb.cells if "ready = " in c.source)) == NOT_READY
    assert "Correct" not in json.dumps([c.outputs for c in nb.cells if c.cell_type == "code"])
