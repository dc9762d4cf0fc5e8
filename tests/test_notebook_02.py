"""Every number notebooks/02_linear_regression_2_2_1.ipynb shows, recomputed and asserted.

Each value is recomputed with mlp_helpers and compared, as the notebook prints it, with a
literal; the derivatives are also checked formula vs backprop vs finite differences, and
the key lines are looked up in the notebook's stored outputs.
"""

from pathlib import Path

import nbformat
import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, linear_regression as lr, notation, plots

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_linear_regression_2_2_1.ipynb"
A = 0.3


def shown(value, digits=7, sign=False):
    """``value`` formatted as the notebook prints it."""
    return f"{value:{'+' if sign else ''}.{digits}f}"


@pytest.fixture(scope="module")
def stored():
    """All text the notebook printed, as stored in the committed file."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


@pytest.fixture(scope="module")
def case():
    return cases.linear_2_2_1(a=A)


@pytest.fixture(scope="module")
def net(case):
    return case.network().init_random(seed=0)


@pytest.fixture(scope="module")
def trained(case):
    """{"constant": (net, history), "random": (net, history)} after the case's 500 steps."""
    return {
        "constant": case.train(case.network()),
        "random": case.train(case.network().init_random(seed=0)),
    }


def answer_values(net):
    return {name: net.weights[l][i, j] for name, (l, i, j) in lr.ANSWER_WEIGHTS.items()}


def test_notebook_is_committed_with_clean_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_section_1_data(case, stored):
    x = case.X.sum(axis=1)
    assert len(x) == 20
    first = [shown(v, 4) for v in (x[0], case.X[0, 0], case.X[0, 1], case.Y[0, 0])]
    assert first == ["0.2739", "0.0822", "0.1917", "0.3980"]
    assert shown(A / (1 - A), 4) == "0.4286"
    assert np.allclose(case.X[:, 0] / case.X[:, 1], A / (1 - A))
    assert np.linalg.matrix_rank(case.X) == 1
    assert shown(mh.least_squares_slope(x, case.Y)) == "1.4711278"
    assert "rank of X: 1" in stored and "c* = 1.4711278" in stored


def test_section_2_notation_table(case, stored):
    def edge(name, l, i, j):
        return f"{notation.unit_label(name, l, i, sizes=case.sizes)} -> {notation.unit_label(name, l + 1, j, sizes=case.sizes)}"

    rows = [
        (notation.weight_label("regression_question", l, i, j), edge("regression_question", l, i, j),
         notation.weight_label("regression_answer", l, i, j), edge("regression_answer", l, i, j))
        for l, i, j in lr.ANSWER_WEIGHTS.values()
    ]
    assert rows == [
        ("w111", "x1 -> a1", "w111", "x1 -> z11"),
        ("w121", "x2 -> a1", "w112", "x2 -> z11"),
        ("w211", "x1 -> a2", "w121", "x1 -> z12"),
        ("w221", "x2 -> a2", "w122", "x2 -> z12"),
        ("w112", "a1 -> y'", "w211", "z11 -> z21"),
        ("w212", "a2 -> y'", "w212", "z12 -> z21"),
    ]
    assert list(lr.ANSWER_WEIGHTS.values()) == [(0, 0, 0), (0, 1, 0), (0, 0, 1), (0, 1, 1), (1, 0, 0), (1, 1, 0)]
    for l, i, j in lr.ANSWER_WEIGHTS.values():
        question = notation.weight_label("regression_question", l, i, j)
        assert f"weights[{l}][{i}, {j}]      {question:<10}{notation.weight_label('regression_answer', l, i, j)}\n" in stored
    assert "weights[0][0, 1]      w211      w121\n" in stored


def test_section_3_cost_and_sign_slip(case, net, stored):
    y, y_pred = case.Y[0, 0], net.predict(case.X)[0, 0]
    eps = 1e-6
    finite_difference = (0.5 * (y - y_pred - eps) ** 2 - 0.5 * (y - y_pred + eps) ** 2) / (2 * eps)
    assert [shown(y), shown(y_pred)] == ["0.3980316", "-0.0339832"]
    assert shown(finite_difference) == shown(y_pred - y) == "-0.4320148"
    assert shown(y - y_pred) == "0.4320148"
    # the package's half_mse agrees with C = 1/m sum 1/2 (y - y')^2
    C = mh.loss(case.loss, net.predict(case.X), case.Y)
    assert C == pytest.approx(np.mean(0.5 * (case.Y - net.predict(case.X)) ** 2), rel=1e-14)

    dW, _ = net.gradients(case.X, case.Y, loss=case.loss)

    def cost(weights):
        return mh.loss(case.loss, net.copy().set_params(weights).predict(case.X), case.Y)

    downhill = cost([W - case.lr * g for W, g in zip(net.weights, dW)])
    uphill = cost([W + case.lr * g for W, g in zip(net.weights, dW)])
    assert [shown(C), shown(downhill), shown(uphill)] == ["0.5289863", "0.5187854", "0.5397055"]
    assert downhill < C < uphill
    assert "after a step with y' - y: 0.5187854    with y - y': 0.5397055" in stored


def test_section_4_forward_pass(case, net, stored):
    w = answer_values(net)
    assert {k: shown(v, 4) for k, v in w.items()} == {
        "w111": "0.0889", "w112": "0.4528", "w121": "-0.0934", "w122": "0.0742", "w211": "-0.3788", "w212": "0.2557",
    }
    z = lr.forward_terms(net, case.X)
    assert [shown(z[k][0]) for k in ("z11", "z12", "z_b")] == ["0.0941377", "0.0065466", "-0.0339832"]
    # independent of the formulas: the network's own forward pass
    activations = net.forward(case.X)
    np.testing.assert_allclose(activations[1][:, 0], z["z11"], rtol=1e-13)
    np.testing.assert_allclose(activations[1][:, 1], z["z12"], rtol=1e-13)
    np.testing.assert_allclose(activations[2][:, 0], z["z_b"], rtol=1e-13)
    assert "z_b = (-0.3788)(0.0941377) + (0.2557)(0.0065466) = -0.0339832" in stored


def notebook_function(name):
    """The function ``name`` as the notebook defines it, compiled from its cell."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and c.source.startswith(f"def {name}(")]
    namespace = {"np": np}
    exec(compile(source, str(NOTEBOOK), "exec"), namespace)
    return namespace[name]


def test_section_5_the_formulas_shown_as_code(case, net):
    shown_formulas = notebook_function("answer_gradients")
    for start in (net, case.network(), case.network().init_random(seed=3)):
        package = lr.answer_gradients(start, case.X, case.Y)
        by_cell = shown_formulas(start, case.X, case.Y)
        assert set(by_cell) == set(lr.ANSWER_WEIGHTS)
        for name, (l, i, j) in lr.ANSWER_WEIGHTS.items():
            assert by_cell[name] == pytest.approx(package[l][i, j], rel=1e-12, abs=1e-15)


def test_section_5_six_derivatives_three_ways(case, net, stored):
    formula = lr.answer_gradients(net, case.X, case.Y)
    backprop, _ = net.gradients(case.X, case.Y, loss=case.loss)
    numeric, _ = mh.numerical_gradients(net, case.X, case.Y, case.loss)
    expected = {
        "w111": "0.0750406", "w112": "0.1750947", "w121": "-0.0506549",
        "w122": "-0.1181949", "w211": "-0.2269487", "w212": "-0.0157825",
    }
    for name, (l, i, j) in lr.ANSWER_WEIGHTS.items():
        assert shown(formula[l][i, j]) == shown(backprop[l][i, j]) == shown(numeric[l][i, j]) == expected[name]
        line = f"dC/d{name}{expected[name]:>12}{expected[name]:>12}{expected[name]:>13}"
        assert line in stored
    for l in range(2):
        assert mh.relative_error(formula[l], backprop[l]) < 1e-12
        assert mh.relative_error(formula[l], numeric[l]) < 1e-7
    assert "formula = backprop (to 1e-12): True; backprop = finite differences (relative error < 1e-7): True" in stored


def test_exercise_1_gradient_in_the_question_names(case, net, stored):
    net_seed1 = case.network().init_random(seed=1)
    printed = f"weights[0] = {net_seed1.weights[0].round(4).tolist()}   weights[1] = {net_seed1.weights[1].round(4).tolist()}"
    assert printed == "weights[0] = [[0.2444, 0.581], [0.2337, -0.9215]]   weights[1] = [[0.6402], [0.3156]]"
    assert printed in stored
    # the question's w221 is weights[0][1, 1]; its gradient is not on screen (section 5 shows seed 0's)
    right = net_seed1.gradients(case.X, case.Y, loss=case.loss)[0][0][1, 1]
    assert f"{right:.4f}" not in stored and f"{-right:.4f}" not in stored
    verdict = lr.check_gradient_answer(right, net_seed1, case.X, case.Y, "w221")
    assert verdict == "Correct: that is dC/dw221."
    assert verdict in stored


def test_exercise_2_symmetric_start(case, stored):
    verdict = lr.check_symmetric_start([[[0.3, 0.3], [-0.7, -0.7]], [[1.1], [1.1]]], case)
    assert verdict.startswith("Correct")
    assert verdict in stored


def test_section_5_question_formula_is_wrong(case, net, stored):
    mistaken = lr.question_gradients(net, case.X, case.Y)
    backprop, _ = net.gradients(case.X, case.Y, loss=case.loss)
    assert [notation.weight_label("regression_question", 0, 0, j) for j in (0, 1)] == ["w111", "w211"]
    assert shown(mistaken[0, 0], sign=True) == shown(mistaken[0, 1], sign=True) == "+0.1981136"
    assert [shown(backprop[0][0, j], sign=True) for j in (0, 1)] == ["+0.0750406", "-0.0506549"]
    assert "question's w211: question's formula +0.1981136    correct -0.0506549" in stored


def test_section_6_gradient_ratio_is_outgoing_weight_ratio(case, net):
    backprop, _ = net.gradients(case.X, case.Y, loss=case.loss)
    w = answer_values(net)
    ratio = backprop[0][0, 0] / backprop[0][0, 1]
    assert shown(ratio) == shown(w["w211"] / w["w212"]) == "-1.4814068"
    assert ratio == pytest.approx(w["w211"] / w["w212"], rel=1e-12)


def test_section_6_constant_start_stays_tied(trained, stored):
    net_c, history_c = trained["constant"]
    net_r, history_r = trained["random"]
    assert mh.unit_spread(history_c).max() == 0.0  # exactly, at every one of the 501 steps
    assert np.array_equal(history_c.weights[0][:, :, 0], history_c.weights[0][:, :, 1])
    assert mh.tied_units(net_c) == [[[0, 1]]]
    assert shown(mh.unit_spread(history_r).max()) == "1.0593224"
    assert mh.tied_units(net_r) == [[]]
    # equal weights at every step mean equal updates -lr dC/dw at every step
    steps = np.diff(history_c.weights[0], axis=0)
    assert np.array_equal(steps[:, 0, 0], steps[:, 0, 1])
    assert "constant start: largest gap between the hidden units = 0.0000000; tied units: [[[0, 1]]]" in stored


def test_section_6_symmetric_start_versus_equal_incoming_weights(case, stored):
    _, symmetric = case.train(case.network().set_params([[[0.2, 0.2], [0.9, 0.9]], [[0.4], [0.4]]]))
    _, half = case.train(case.network().set_params([[[0.2, 0.2], [0.9, 0.9]], [[0.4], [0.7]]]))
    assert mh.unit_spread(symmetric).max() == 0.0
    assert shown(mh.unit_spread(half).max()) == "0.3136399"
    assert "equal incoming weights only    largest gap between the hidden units = 0.3136399" in stored


def test_section_6_trajectories_draw_3_lines_for_6_weights(trained):
    counts = {}
    for init, (_, history) in trained.items():
        fig = plots.plot_weight_trajectories(history, notation="regression_question")
        counts[init] = sum(1 for ax in fig.axes for line in ax.lines if (line.get_gid() or "").startswith("traj:"))
        plots.plt.close(fig)
    assert counts == {"constant": 3, "random": 6}


def test_section_7_both_starts_reach_the_least_squares_slope(case, trained, stored):
    c_star = mh.least_squares_slope(case.X.sum(axis=1), case.Y)
    expected_steps = {"constant": 153, "random": 194}
    for init, (net, history) in trained.items():
        c = mh.effective_slope(net, A)
        assert abs(c - c_star) < 1e-6
        assert (shown(history.loss[-1]), shown(c)) == ("0.0022719", "1.4711278")
        assert lr.steps_to_slope(history, A, c_star) == expected_steps[init]
        # the slope is the network itself: predictions are c x
        np.testing.assert_allclose(net.predict(case.X)[:, 0], c * case.X.sum(axis=1), rtol=1e-12)
    assert "random: C = 0.0022719, c = 1.4711278, |c - c*| < 1e-6: True, from step 194" in stored


def test_section_7_different_weights_same_slope(trained, stored):
    expected = {
        "constant": (["+0.6469", "+0.8427", "+0.6469", "+0.8427", "+0.9383", "+0.9383"],
                     ["0.1821", "0.1821", "0.5535", "0.5535"]),
        "random": (["+0.0612", "+0.3882", "+0.4210", "+1.2744", "+0.2998", "+1.3591"],
                   ["0.0055", "0.1717", "0.0815", "1.2125"]),
    }
    for init, (net, _) in trained.items():
        v = answer_values(net)
        paths = [A * v["w111"] * v["w211"], A * v["w121"] * v["w212"],
                 (1 - A) * v["w112"] * v["w211"], (1 - A) * v["w122"] * v["w212"]]
        assert [shown(value, 4, sign=True) for value in v.values()] == expected[init][0]
        assert [shown(p, 4) for p in paths] == expected[init][1]
        assert sum(paths) == pytest.approx(mh.effective_slope(net, A), rel=1e-13)
        assert shown(sum(paths)) == "1.4711278"
    assert "paths: 0.0055 + 0.1717 + 0.0815 + 1.2125 = 1.4711278" in stored


def test_section_7_collinear_inputs_leave_a_direction_free(case, trained, stored):
    net = trained["random"][0]
    moved = net.copy()
    moved.weights[0][:, 0] += [1 - A, -A]
    assert [shown(moved.weights[0][k, 0], 4, sign=True) for k in (0, 1)] == ["+0.7612", "+0.0882"]
    np.testing.assert_allclose(moved.predict(case.X), net.predict(case.X), rtol=1e-12, atol=1e-15)
    for candidate in (net, moved):
        assert shown(mh.effective_slope(candidate, A)) == "1.4711278"
        assert shown(mh.loss(case.loss, candidate.predict(case.X), case.Y)) == "0.0022719"
    assert "moved: w111 = +0.7612, w112 = +0.0882, c = 1.4711278, C = 0.0022719" in stored


def test_section_7_equal_gradients_at_the_solution(trained, case, stored):
    net, _ = trained["random"]
    g, _ = net.gradients(case.X, case.Y, loss=case.loss)
    assert np.all(np.abs(g[0][0]) < 1e-12)  # both gradients leaving x1 are 0 ...
    assert abs(net.weights[1][0, 0] - net.weights[1][1, 0]) > 1  # ... while the outgoing weights differ
    assert "random start, trained: |dC/dw111| and |dC/dw121| below 1e-12: True" in stored


def test_section_8_effect_of_a(case, stored):
    rows = lr.compare_splits((0.1, 0.3, 0.5, 0.7, 0.9))
    c_star = mh.least_squares_slope(case.X.sum(axis=1), case.Y)
    expected_steps = {0.1: (128, 159), 0.3: (153, 194), 0.5: (165, 216), 0.7: (153, 200), 0.9: (128, 161)}
    for r in rows:
        a = r["a"]
        assert abs(r["c_star"] - c_star) < 1e-12
        for init in ("constant", "random"):
            assert abs(r[init]["c"] - r["c_star"]) < 1e-6
            assert shown(r[init]["c"]) == "1.4711278"
            assert r[init]["shift_ratio"] == pytest.approx(a / (1 - a), rel=1e-10)
        assert (r["constant"]["steps"], r["random"]["steps"]) == expected_steps[a]
    assert [shown(r["a"] / (1 - r["a"]), 4) for r in rows] == ["0.1111", "0.4286", "1.0000", "2.3333", "9.0000"]
    assert "c* = 1.4711278 reached from both starts for every a: True" in stored
    for r in rows:
        line = (f"{r['a']:>4}{r['a'] / (1 - r['a']):>9.4f}{r['random']['shift_ratio']:>13.4f}"
                f"{r['constant']['steps']:>17}{r['random']['steps']:>8}")
        assert line in stored
    assert " 0.5   1.0000       1.0000              165     216" in stored
    assert "shift ratio = a/(1-a) from both starts: True" in stored


def test_section_8_first_order_change_of_the_slope(stored):
    expected = {0.1: ("0.82", "0.0372", "0.0366"), 0.3: ("0.58", "0.0322", "0.0318"), 0.5: ("0.50", "0.0306", "0.0302")}
    for a, (factor, measured_text, formula_text) in expected.items():
        case_a = cases.linear_2_2_1(a=a)
        start = case_a.network()
        x = case_a.X.sum(axis=1)
        G = np.mean((start.predict(case_a.X)[:, 0] - case_a.Y[:, 0]) * x)
        c0 = mh.effective_slope(start, a)
        c1 = mh.effective_slope(case_a.train(start.copy(), iterations=1)[0], a)
        # the first-order formula, derived independently: sum over weights of (dc/dw) * (-lr dC/dw)
        dW = start.gradients(case_a.X, case_a.Y, loss=case_a.loss)[0]
        eps = 1e-7
        dc = [np.zeros_like(W) for W in start.weights]
        for l, W in enumerate(start.weights):
            for index in np.ndindex(W.shape):
                bumped = start.copy()
                bumped.weights[l][index] += eps
                dc[l][index] = (mh.effective_slope(bumped, a) - c0) / eps
        first_order = sum(float(np.sum(d * -case_a.lr * g)) for d, g in zip(dc, dW))
        formula = -case_a.lr * G * ((a**2 + (1 - a) ** 2) * 0.5 + 0.5)
        assert first_order == pytest.approx(formula, rel=1e-5)
        line = (f"a = {a}: a^2 + (1-a)^2 = {a**2 + (1 - a) ** 2:.2f}   "
                f"first-step change of c: measured {c1 - c0:.4f}, first-order formula {formula:.4f}")
        assert line == f"a = {a}: a^2 + (1-a)^2 = {factor}   first-step change of c: measured {measured_text}, first-order formula {formula_text}"
        assert line in stored


def test_section_8_swapping_the_inputs_is_a_to_1_minus_a(stored):
    case_07 = cases.linear_2_2_1(a=0.7)
    c_star = mh.least_squares_slope(case_07.X.sum(axis=1), case_07.Y)
    swapped = case_07.network().init_random(seed=0)
    swapped.weights[0] = swapped.weights[0][::-1].copy()
    steps = lr.steps_to_slope(case_07.train(swapped)[1], 0.7, c_star)
    case_03 = cases.linear_2_2_1(a=0.3)
    assert steps == lr.steps_to_slope(case_03.train(case_03.network().init_random(seed=0))[1], 0.3, c_star) == 194
    assert "steps to 1e-6 = 194 (a = 0.3, random start: 194)" in stored


def test_section_8_half_split_ties_the_inputs_too():
    net, _ = cases.linear_2_2_1(a=0.5).train()
    assert np.all(net.weights[0] == net.weights[0][0, 0])


def test_section_9_zero_start_never_moves(case):
    net = case.network().init_constant(0.0)
    dW, _ = net.gradients(case.X, case.Y, loss=case.loss)
    assert all(np.all(g == 0.0) for g in dW)
    _, history = case.train(net)
    assert all(np.all(W == 0.0) for W in net.weights) and np.all(history.loss == history.loss[0])


def test_section_9_explorer_verdicts(case):
    from mlp_helpers import widgets

    explorer = widgets.init_explorer(case)
    verdict = next(w for w in _walk(explorer) if "bph-verdict" in getattr(w, "_dom_classes", ()))
    toggle = next(w for w in _walk(explorer) if getattr(w, "options", None) == ("constant", "random"))
    assert verdict.value == "layer 1: 2 units tied in 1 group"
    toggle.value = "random"
    assert verdict.value == "no tied units"


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)
