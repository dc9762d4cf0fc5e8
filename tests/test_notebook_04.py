"""Every number notebook 04 (seeds 001/003, the tied 2-3-3-2 network) shows.

Each value is recomputed with mlp_helpers and compared with a literal, and the literal is
looked up in the notebook: in its stored outputs (streams, plain text, LaTeX), or in its
markdown where the prose quotes a number. The question's own numbers (float32) are
compared with an absolute tolerance of 2e-6.
"""

import json
from pathlib import Path

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, notation, symmetry, widgets

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "04_symmetry_2_3_3_2.ipynb"
FLOAT32 = dict(rtol=0, atol=2e-6)


def _read():
    return json.loads(NOTEBOOK.read_text())


@pytest.fixture(scope="module")
def notebook_text():
    """(outputs, markdown): all text of the stored outputs, and all markdown, as two strings."""
    cells = _read()["cells"]
    outputs = []
    for cell in cells:
        for output in cell.get("outputs", []):
            outputs.append("".join(output.get("text", "")))
            outputs.extend("".join(output.get("data", {}).get(mime, "")) for mime in ("text/plain", "text/latex"))
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return "\n".join(outputs), markdown


@pytest.fixture(scope="module")
def shown(notebook_text):
    return notebook_text[0]


@pytest.fixture(scope="module")
def prose(notebook_text):
    return notebook_text[1]


@pytest.fixture(scope="module")
def case():
    return cases.sigmoid_2_3_3_2()


@pytest.fixture(scope="module")
def steps(case):
    return symmetry.question_steps(case.network(), case.X, case.Y)


def fit(start, case, lr=0.5, loss="sse", iterations=10000):
    """The notebook's ``steps_to_fit``: (history, first step with every output within 0.01)."""
    history = mh.train(start.copy(), case.X, case.Y, lr, iterations, loss=loss)
    return history, symmetry.first_fit_step(history, case.X, case.Y)


def expect(shown, text, literal):
    """``text`` (recomputed) equals ``literal``, and the notebook shows it."""
    assert text == literal
    assert literal in shown, f"{literal!r} is not in the notebook's outputs"


# -- the notebook as a file -------------------------------------------------------------
def test_stored_clean_run_with_kernelspec_and_no_errors():
    nb = _read()
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    silent = ["".join(c["source"]) for c in code[1:] if not c["outputs"]]
    # every cell but the imports shows something, except the exercises' answer keys and their given inputs
    assert all("### BEGIN SOLUTION" in source or source.count("\n") == 0 for source in silent), silent
    assert sum("### BEGIN SOLUTION" in source for source in silent) == 2
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
    assert all(len(c["source"].splitlines() if isinstance(c["source"], str) else c["source"]) <= 15 for c in code)


def test_static_figures_come_before_the_widget():
    code = [c for c in _read()["cells"] if c["cell_type"] == "code"]
    kinds = ["png" if any("image/png" in o.get("data", {}) for o in c["outputs"]) else
             "widget" if any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c["outputs"])
             else "" for c in code]
    assert kinds.count("png") == 8 and kinds.count("widget") == 1
    assert max(i for i, k in enumerate(kinds) if k == "png") < kinds.index("widget")


def test_readme_lists_the_notebook():
    readme = (NOTEBOOK.parent.parent / "README.md").read_text()
    assert "04_symmetry_2_3_3_2.ipynb" in readme


# -- setup and notation ---------------------------------------------------------------
def test_setup(shown, case):
    expect(
        shown,
        f"sizes {case.sizes} | loss {case.loss} | lr {case.lr} | every parameter {case.init_value}",
        "sizes (2, 3, 3, 2) | loss sse | lr 0.5 | every parameter 1.0",
    )
    expect(shown, f"X = {case.X.tolist()}", "X = [[0.8, 0.4], [0.3, 0.3]]")
    expect(shown, f"Y = {case.Y.tolist()}", "Y = [[0.2, 0.4], [1.0, 0.0]]")


def test_first_layer_table_names(shown, case):
    table = notation.latex_table("tied_units", 0, case.sizes, bias_row=True)
    assert r"1 & b^{0}_{0} & b^{0}_{1} & b^{0}_{2}" in table and r"a^{0}_{1} & w^{0}_{1,0}" in table
    assert table in shown


# -- forward pass -------------------------------------------------------------------------
def test_forward_pass_beside_the_question(shown, steps):
    forward = max(np.abs(steps[k] - symmetry.QUESTION[k]).max() for k in ("n1", "a1", "a2", "a3"))
    expect(shown, f"n1, a1, a2, a3: largest difference from the question {forward:.0e}",
           "n1, a1, a2, a3: largest difference from the question 7e-08")
    expect(shown, f"a1 = {steps['a1'].round(7).tolist()}",
           "a1 = [[0.9002495, 0.9002495, 0.9002495], [0.8320184, 0.8320184, 0.8320184]]")
    for key in ("n1", "a1", "a2", "a3"):
        np.testing.assert_allclose(steps[key], symmetry.QUESTION[key], **FLOAT32)
    assert all(np.all(steps[k] == steps[k][:, :1]) for k in ("a1", "a2"))
    assert "every column the same, in a1 and in a2: True" in shown


def test_backward_pass_beside_the_question(shown, steps):
    backward = max(np.abs(steps[k] - symmetry.QUESTION[k]).max() for k in ("cost_slope", "sigmoid_slope", "delta"))
    expect(shown, f"2(a3 - y), a3(1 - a3), delta3: largest difference from the question {backward:.0e}",
           "2(a3 - y), a3(1 - a3), delta3: largest difference from the question 1e-07")
    for key in ("cost_slope", "sigmoid_slope", "delta"):
        np.testing.assert_allclose(steps[key], symmetry.QUESTION[key], **FLOAT32)
    matrix = steps["cost_slope"] @ steps["sigmoid_slope"]
    expect(shown, f"the matrix product differs from delta3 by up to {np.abs(matrix - steps['delta']).max():.3f}",
           "the matrix product differs from delta3 by up to 0.038")
    # exercise 1 asks for delta3: none of its entries is on screen
    for value in steps["delta"].ravel():
        assert f"{value:.6f}" not in shown and f"{value:.5f}" not in shown


def test_gradient_table_beside_the_question(shown, steps):
    latex = symmetry.side_by_side(r"\partial C / \partial [b^2; w^2]", steps["last_layer_gradient"],
                                  symmetry.QUESTION["last_layer_gradient"])
    rows = ["0.02881269 & 0.05969584"] + ["0.02812204 & 0.05805621"] * 3
    assert (r"\begin{pmatrix}" + r" \\ ".join(rows) + r"\end{pmatrix}") in latex
    assert latex in shown
    expect(shown, f"largest difference from the question {np.abs(steps['last_layer_gradient'] - symmetry.QUESTION['last_layer_gradient']).max():.0e}",
           "largest difference from the question 9e-08")


def test_exercise_1_output_delta(shown, case):
    net = case.network()
    a3 = net.forward(case.X)[-1]
    verdict = symmetry.check_output_delta(2 * (a3 - case.Y) * a3 * (1 - a3), net, case.X, case.Y)
    expect(shown, verdict, "Correct: that is delta^3 = 2(a^3 - y) * a^3(1 - a^3), elementwise.")


def test_exercise_2_floor_of_new_targets(shown):
    Y_new = np.array([[0.9, 0.1], [0.3, 0.5]])
    means, floor = symmetry.column_mean_floor(Y_new)
    assert floor == pytest.approx(2 * 0.3**2 + 2 * 0.2**2)  # column means (0.6, 0.3)
    expect(shown, symmetry.check_floor_answer(floor, Y_new),
           "Correct: that is the cost of the best output row shared by every observation.")
    assert "0.26" not in shown


def test_gradient_table_in_weights_and_biases_form(shown, case, steps):
    net = case.network()
    dW, db = net.gradients(case.X, case.Y, loss="sse")
    table = notation.latex_table("tied_units", 2, case.sizes, weight=dW[2], bias=db[2])
    assert r"1 & 0.02881269 & 0.05969584 \\ a^{2}_{0} & 0.02812204 & 0.05805621" in table
    assert table in shown
    assert np.abs(symmetry.stack_bias(dW[2], db[2]) - steps["last_layer_gradient"]).max() < 1e-15
    assert "db[2] on top of dW[2] equals the table to 1e-15: True" in shown
    assert mh.gradient_check(net, case.X, case.Y, "sse") < 1e-7
    assert "backprop vs finite differences, relative error below 1e-7: True" in shown


# -- 1000 steps -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def thousand(case):
    return case.train()


def test_units_stay_tied_for_1000_steps(shown, thousand):
    trained, history = thousand
    expect(shown, f"{symmetry.unit_spread(history).max()}", "0.0")
    assert "hidden layer, steps 0 to 1000: 0.0" in shown
    checkpoint = cases.sigmoid_2_3_3_2().network()
    for step in range(250, 1001, 250):
        cases.sigmoid_2_3_3_2().train(checkpoint, iterations=250)
        expect(shown, f"tied groups after {step:4d} steps: {mh.tied_units(checkpoint)}",
               f"tied groups after {step:4d} steps: [[[0, 1, 2]], [[0, 1, 2]]]")
    # stopping every 250 steps changes nothing: the same network as 1000 steps in one go
    assert all(np.array_equal(a, b) for a, b in zip(checkpoint.weights, trained.weights))


def test_output_after_1000_steps(shown, case, thousand):
    output = thousand[0].predict(case.X)
    question = symmetry.QUESTION["output_after_1000"]
    np.testing.assert_allclose(output, [[0.5992708, 0.1997655], [0.5993174, 0.2004307]], rtol=0, atol=1e-6)
    np.testing.assert_allclose(output, [[0.59927057, 0.19976566], [0.59931759, 0.20043062]], rtol=0, atol=6e-9)
    latex = symmetry.side_by_side("a^3_{1000}", output, question)
    assert r"\begin{pmatrix}0.5992706 & 0.1997657 \\ 0.5993176 & 0.2004306\end{pmatrix}" in latex
    assert latex in shown
    expect(shown, f"largest difference: {np.abs(output - question).max():.0e}", "largest difference: 2e-07")
    assert "within 1e-6: True" in shown


def test_column_mean_floor_and_plateau(shown, prose, case, thousand):
    means, floor = symmetry.column_mean_floor(case.Y)
    history = thousand[1]
    expect(shown, f"column means of Y: {means.round(6)} | cost of outputting them for both rows: {round(floor, 6)}",
           "column means of Y: [0.6 0.2] | cost of outputting them for both rows: 0.4")
    expect(shown, f"loss after 100 steps: {round(history.loss[100], 6)} | after 1000 steps: {round(history.loss[-1], 6)}",
           "loss after 100 steps: 0.400675 | after 1000 steps: 0.40023")
    assert r"$2 \cdot 0.4^2 + 2 \cdot 0.2^2 = 0.4$" in prose


def test_the_tied_net_is_a_2_1_1_2_net(shown, case, thousand):
    trained = thousand[0]
    narrow = symmetry.collapse_tied(trained)
    expect(shown, repr(narrow), "MLP(sizes=[2, 1, 1, 2], activation=['sigmoid', 'sigmoid', 'sigmoid'], bias=True)")
    difference = np.abs(narrow.predict(case.X) - trained.predict(case.X)).max()
    # not exactly 0 in general: (w + w + w) h and wh + wh + wh round differently
    expect(shown, f"the two networks' outputs agree to 1e-15: {difference < 1e-15}",
           "the two networks' outputs agree to 1e-15: True")


def test_the_single_hidden_feature(shown, prose, case, thousand):
    start = case.network().forward(case.X)[2][:, 0]
    assert [f"{h:.4f}" for h in start] == ["0.9759", "0.9706"]
    assert "$h^2$ is 0.9759 for the first observation and 0.9706 for the second" in prose
    after = thousand[0].forward(case.X)[2][:, 0].round(4)
    expect(shown, f"h2 per observation after 1000 steps: {after}", "h2 per observation after 1000 steps: [0.978  0.9734]")


# -- the plateau ends ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def long_run(case):
    return case.train(iterations=20000)


def test_the_tied_net_fits_after_the_plateau(shown, prose, case, long_run):
    net, history = long_run
    expect(shown, f"at step {np.argmax(history.loss < 0.399)} | below 0.01 at step {np.argmax(history.loss < 0.01)}",
           "at step 3661 | below 0.01 at step 5660")
    expect(shown, f"from step {symmetry.first_fit_step(history, case.X, case.Y)}", "from step 14575")
    expect(shown, f"output after 20000 steps: {net.predict(case.X).round(4).tolist()}",
           "output after 20000 steps: [[0.2001, 0.3999], [0.9937, 0.0077]]")
    expect(shown, f"still tied: {mh.tied_units(net)}", "still tied: [[[0, 1, 2]], [[0, 1, 2]]]")
    assert "after about 14600 steps" in prose


def test_four_corners_defeat_the_tied_net(shown):
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.1, 0.1], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9]])
    results = {}
    for start, net in [("constant", mh.MLP([2, 3, 3, 2]).init_constant(1.0)),
                       ("random seed 0", mh.MLP([2, 3, 3, 2]).init_random(seed=0))]:
        history = mh.train(net, X, Y, lr=2.0, iterations=5000, record_every=1000)
        results[start] = f"{start:>13}: loss after 5000 steps {history.loss[-1]:.4f}, tied groups {mh.tied_units(net)}"
    expect(shown, results["constant"], "     constant: loss after 5000 steps 0.6400, tied groups [[[0, 1, 2]], [[0, 1, 2]]]")
    expect(shown, results["random seed 0"], "random seed 0: loss after 5000 steps 0.0000, tied groups [[], []]")


# -- random starts and the number of steps ------------------------------------------------------
def test_random_start_seed_0(shown, case):
    start = case.network().init_random(seed=0)
    expect(shown, f"tied groups at the start: {mh.tied_units(start)}", "tied groups at the start: [[], []]")
    history, first = fit(start, case)
    output = symmetry.outputs_over_training(history, case.X)[-1]
    assert np.abs(output - case.Y).max() < 0.01
    expect(shown, f"output after 10000 steps: {output.round(4).tolist()}",
           "output after 10000 steps: [[0.2002, 0.3998], [0.9948, 0.0062]]")
    expect(shown, f"every output within 0.01 from step {first}", "every output within 0.01 from step 4654")


def test_random_start_also_stalls_at_the_floor(shown, prose, case):
    history, _ = fit(case.network().init_random(seed=0), case)
    outputs = symmetry.outputs_over_training(history, case.X)
    expected = {
        0: "step   0: loss 0.5704, outputs [[0.44, 0.444], [0.441, 0.445]], rows differ by 0.0006",
        20: "step  20: loss 0.3996, outputs [[0.597, 0.218], [0.599, 0.218]], rows differ by 0.0012",
        200: "step 200: loss 0.3877, outputs [[0.594, 0.203], [0.607, 0.198]], rows differ by 0.0129",
        400: "step 400: loss 0.3106, outputs [[0.547, 0.22], [0.65, 0.187]], rows differ by 0.1027",
        600: "step 600: loss 0.0353, outputs [[0.279, 0.34], [0.883, 0.108]], rows differ by 0.6039",
    }
    for step, literal in expected.items():
        gap = np.abs(outputs[step][0] - outputs[step][1]).max()
        expect(shown, f"step {step:>3}: loss {history.loss[step]:.4f}, outputs {outputs[step].round(3).tolist()}, "
                      f"rows differ by {gap:.4f}", literal)
    assert np.abs(outputs[0][0] - outputs[0][1]).max() < 0.001 and history.loss[20] < 0.4
    assert "differ by less than 0.001" in prose and "within about 20 steps" in prose
    assert "10000 more steps of this network took under 10 seconds: True" in shown


def test_ten_seeds_fit_between_4000_and_6000_steps(shown, prose, case):
    runs = {seed: fit(case.network().init_random(seed=seed), case) for seed in range(10)}
    steps = {seed: first for seed, (_, first) in runs.items()}
    expect(shown, str(steps), "{0: 4654, 1: 5672, 2: 5725, 3: 5521, 4: 5318, 5: 4009, 6: 4439, 7: 6028, 8: 4480, 9: 4541}")
    assert min(steps.values()) > 1000  # "at step 1000 none of them is within 0.01 yet"
    errors = [np.abs(symmetry.outputs_over_training(h, case.X)[1000] - case.Y).max() for h, _ in runs.values()]
    expect(shown, f"at step 1000 every seed still has an output more than 0.02 from its target: {min(errors) > 0.02}",
           "at step 1000 every seed still has an output more than 0.02 from its target: True")
    assert min(errors) > 0.025  # a margin: robust to the last bits
    assert "(the best is still off by more than 0.02)" in prose
    assert "between about 4000 and 6000" in prose
    assert "[[0.2002207, 0.3998017],\n[0.9927028, 0.008218]]" in prose


def test_learning_rates(shown, prose, case):
    seed0 = case.network().init_random(seed=0)
    steps = {lr: fit(seed0, case, lr=lr)[1] for lr in (0.5, 1, 2, 4)}
    expect(shown, f"first step with every output within 0.01: {steps}",
           "first step with every output within 0.01: {0.5: 4654, 1: 2327, 2: 1163, 4: 579}")
    assert "(4654, 2327, 1163, 579)" in prose
    assert round(steps[0.5] / steps[4]) == 8 and "factor of 8" in prose
    # lr 8 and above are at or past the edge of chaos: shown as figures, never printed
    assert "8: 235" not in shown and "lr 16, first step" not in shown


def test_sum_or_mean_cost(case):
    seed0 = case.network().init_random(seed=0)
    sse, sse_steps = fit(seed0, case, lr=0.5)
    mse_half, mse_half_steps = fit(seed0, case, lr=0.5, loss="mse")
    mse, mse_steps = fit(seed0, case, lr=1.0, loss="mse")
    # the mean at twice the rate is the sum: same path (the figure's dotted line on the solid one)
    np.testing.assert_array_equal(2 * mse.loss, sse.loss)
    assert mse_steps == sse_steps == 4654
    assert mse_half_steps == 9309  # "about twice the steps"
    np.testing.assert_array_equal(2 * mse.loss, sse.loss)  # "the two cannot be told apart"


def test_initial_scales(shown, prose, case):
    scales = (0.1, 0.3, 1.0, 3.0)
    steps = {seed: [fit(case.network().init_random(seed, scale=s), case)[1] for s in scales] for seed in range(4)}
    expect(shown, f"steps to fit at scales {scales} by seed: {steps}",
           "steps to fit at scales (0.1, 0.3, 1.0, 3.0) by seed: {0: [5554, 4974, 4405, 6841], "
           "1: [6210, 5638, 5010, 4388], 2: [7172, 6631, 5358, 6048], 3: [7471, 5820, 6695, 7617]}")
    counts = [n for row in steps.values() for n in row]
    assert (min(counts), max(counts)) == (4388, 7617) and "between\nabout 4400 and 7600 steps" in prose
    best = {scales[int(np.argmin(row))] for row in steps.values()}
    assert len(best) > 1  # "no scale is the best one for every seed"


def test_the_explorer_starts_tied(shown, case):
    explorer = widgets.init_explorer(case)
    assert explorer.verdict.value == "layer 1: 3 units tied in 1 group; layer 2: 3 units tied in 1 group"
    expect(shown, repr(explorer), "InitExplorer(case='tied-units question: 2-3-3-2 sigmoid')")
    state = _read()["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    verdicts = [m["state"]["value"] for m in state.values() if "bph-verdict" in m["state"].get("_dom_classes", [])]
    assert verdicts == [explorer.verdict.value]
