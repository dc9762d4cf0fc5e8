"""Every number notebook 01 shows, recomputed with mlp_helpers and compared with literals.

Each literal is also looked up in the notebook's stored outputs, so a re-run that changes
a number fails here as well as under nbval.
"""

import json
from pathlib import Path

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, paths
from mlp_helpers.lessons.path_exercises import check_dC_db_h2, check_dC_dw3

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "01_chain_rule_1_1_1.ipynb"


@pytest.fixture(scope="module")
def shown():
    """All text the notebook's stored outputs show (streams, plain text, HTML, LaTeX)."""
    parts = []
    for cell in json.loads(NOTEBOOK.read_text())["cells"]:
        for output in cell.get("outputs", []):
            parts.append("".join(output.get("text", "")))
            for mime in ("text/plain", "text/html", "text/latex"):
                parts.append("".join(output.get("data", {}).get(mime, "")))
    return "\n".join(parts)


def expect(shown, text, literal):
    """``text`` (recomputed) must equal ``literal`` and appear in the notebook."""
    assert text == literal
    assert literal in shown, f"{literal!r} is not in the notebook's outputs"


@pytest.fixture(scope="module")
def one():
    case = cases.one_one_one()
    return case, case.network(), case.X[0], case.Y[0]


@pytest.fixture(scope="module")
def branch():
    net = mh.MLP([2, 2, 2]).set_params(
        [[[0.5, 0.3], [-0.4, 0.8]], [[0.6, 0.9], [-0.2, 0.1]]],
        [[0.1, -0.1], [0.2, -0.3]],
    )
    return net, np.array([1.0, 0.5]), np.array([1.0, 0.0])


def test_the_1_1_1_case_and_forward_pass(shown, one):
    case, net, x, y = one
    assert (x[0], y[0], case.loss) == (1.0, 0.25, "half_sse")
    assert [W[0, 0] for W in net.weights] + [b[0] for b in net.biases] == [0.5] * 4
    expect(shown, f"x = {x[0]}, y = {y[0]}, cost: {case.loss}", "x = 1.0, y = 0.25, cost: half_sse")
    z1 = 0.5 * x[0] + 0.5
    h = mh.sigmoid(z1)
    z2 = 0.5 * h + 0.5
    y_hat = net.predict(case.X)[0, 0]
    assert mh.sigmoid(z2) == y_hat
    expect(shown, f"z_h  = w1 x + b_h   = {z1:.6f}    h  = sigmoid(z_h)  = {h:.6f}",
           "z_h  = w1 x + b_h   = 1.000000    h  = sigmoid(z_h)  = 0.731059")
    expect(shown, f"z_y' = w2 h + b_y'  = {z2:.6f}    y' = sigmoid(z_y') = {y_hat:.6f}",
           "z_y' = w2 h + b_y'  = 0.865529    y' = sigmoid(z_y') = 0.703815")
    expect(shown, f"C = 1/2 (y - y')^2 = {mh.loss('half_sse', [[y_hat]], case.Y):.6f}", "C = 1/2 (y - y')^2 = 0.102974")


def factor_values(result):
    return [[f"{f.value:.6g}" for f in path.factors] + [f"{path.product:.6g}"] for path in result.paths]


def test_the_local_derivatives_of_w1_and_w2(shown, one):
    _, net, x, y = one
    dw2 = paths.chain_rule_paths(net, x, y, "w2", loss="half_sse", notation="one_one_one_units")
    dw1 = paths.chain_rule_paths(net, x, y, "w1", loss="half_sse", notation="one_one_one_units")
    # the 1-1-1 sums are named after their units
    assert [f.label for f in dw1.paths[0].factors] == ["dz_h/dw1", "dh/dz_h", "dz_y'/dh", "dy'/dz_y'", "dC/dy'"]
    assert factor_values(dw2) == [["0.731059", "0.20846", "0.453815", "0.0691596"]]
    assert factor_values(dw1) == [["1", "0.196612", "0.5", "0.20846", "0.453815", "0.00929994"]]
    for result in (dw1, dw2):
        for value in factor_values(result)[0]:
            assert f"= {value}</td>" in shown or f"<td>{value}</td>" in shown
        # each table is shown once, as HTML (no second copy in LaTeX)
        assert shown.count(result.to_html()) == 1
    assert r"\begin{aligned}" not in shown
    expect(shown, repr(dw2).splitlines()[-1], "dC/dw2 = 0.0691596 (sum of 1 path(s))")


def test_separate_biases(shown, one):
    _, net, x, y = one
    db1 = paths.chain_rule_paths(net, x, y, ("b", 0, 0), notation="one_one_one_units", loss="half_sse").total
    db2 = paths.chain_rule_paths(net, x, y, ("b", 1, 0), notation="one_one_one_units", loss="half_sse").total
    expect(shown, f"dC/db_h = {db1:.6f}    dC/db_y' = {db2:.6f}    sum = {db1 + db2:.6f}",
           "dC/db_h = 0.009300    dC/db_y' = 0.094602    sum = 0.103902")
    # b_h's table is shown: w1's factors, with dz_h/db_h = 1 where w1's has dz_h/dw1 = x = 1
    table = paths.chain_rule_paths(net, x, y, ("b", 0, 0), notation="one_one_one_units", loss="half_sse")
    assert [f.label for f in table.paths[0].factors][0] == "dz_h/db_h"
    assert factor_values(table) == [["1", "0.196612", "0.5", "0.20846", "0.453815", "0.00929994"]]
    assert shown.count(table.to_html()) == 1
    # a shared b, nudged in both layers at once, gets that sum (finite differences, an independent route)
    shared = mh.MLP([1, 1, 1]).set_params([[[0.5]], [[0.5]]], [[0.5], [0.5]])
    costs = []
    for step in (3e-4, -3e-4):  # the central difference at eps = 3e-4, as in section 2
        moved = shared.copy()
        moved.biases[0][0] += step
        moved.biases[1][0] += step
        costs.append(mh.loss("half_sse", moved.predict([[1.0]]), [[0.25]]))
    # the printed sum is what a shared b's finite difference measures
    expect(shown, f"shared b by finite differences: {(costs[0] - costs[1]) / 6e-4:.6f}   (the sum above: {db1 + db2:.6f})",
           "shared b by finite differences: 0.103902   (the sum above: 0.103902)")


def test_paths_backprop_and_finite_differences_agree(shown, one):
    case, net, x, y = one
    dW, dB = net.gradients(case.X, case.Y, loss="half_sse")
    nW, nB = mh.numerical_gradients(net, case.X, case.Y, "half_sse", eps=3e-4)
    by_paths = {name: paths.chain_rule_paths(net, x, y, selector, notation="one_one_one", loss="half_sse").total
                for name, selector in [("w1", "w1"), ("b_h", ("b", 0, 0)), ("w2", "w2"), ("b_y'", ("b", 1, 0))]}
    # section 2 checks at eps = 3e-4, where truncation (about eps^2) sets each relative error: its two digits,
    # and the 8 digits of the finite differences, hold when every input, target and parameter is moved by a few
    # ulps (at eps = 1e-4 rounding still moves w1's 1.5e-10 to 1.7e-10 under such nudges: not printable)
    expected = {"w1": ("0.00929994", "1.5e-09"), "b_h": ("0.00929994", "1.5e-09"),
                "w2": ("0.06915961", "3.3e-09"), "b_y'": ("0.09460201", "6.1e-09")}
    for moved, X, Y in _nudged_runs(case, net, seed=2):
        (dw, db), (nw, nb) = moved.gradients(X, Y, loss="half_sse"), mh.numerical_gradients(moved, X, Y, "half_sse", eps=3e-4)
        pairs = {"w1": (dw[0][0, 0], nw[0][0, 0]), "b_h": (db[0][0], nb[0][0]),
                 "w2": (dw[1][0, 0], nw[1][0, 0]), "b_y'": (db[1][0], nb[1][0])}
        for name, (g, n) in pairs.items():
            relative = abs(g - n) / (abs(g) + abs(n))
            assert (f"{n:.8f}", f"{relative:.1e}") == expected[name]
            assert relative < 1e-7  # pass
    for name, backprop, numeric in [("w1", dW[0][0, 0], nW[0][0, 0]), ("b_h", dB[0][0], nB[0][0]),
                                    ("w2", dW[1][0, 0], nW[1][0, 0]), ("b_y'", dB[1][0], nB[1][0])]:
        literal, relative = expected[name]
        row = f"dC/d{name:<4} {by_paths[name]:.8f}  {backprop:.8f}  {numeric:.8f}"
        expect(shown, row, f"dC/d{name:<4} {literal}  {literal}  {literal}")
        assert f"{row}            {relative} pass\n" in shown
    # the optional section's "predictably 9 times the eps = 1e-4 line's": truncation grows as eps^2, (3e-4 / 1e-4)^2 = 9,
    # and the largest relative error at 3e-4 (b_y's 6.1e-09) is 9 times the printed 6.8e-10 at 1e-4
    ratio = mh.gradient_check(net, case.X, case.Y, "half_sse", eps=3e-4) / mh.gradient_check(net, case.X, case.Y, "half_sse", eps=1e-4)
    assert abs(ratio - 9) < 0.05
    # the relative errors are printed, not typed bounds; the ulp experiment left section 2
    assert "x nudged" not in shown and "below 1e-9" not in shown
    # section 3's and section 4's finite differences use the same eps: 8 digits equal to the sum of paths
    branch_net = mh.MLP([2, 2, 2]).set_params([[[0.5, 0.3], [-0.4, 0.8]], [[0.6, 0.9], [-0.2, 0.1]]],
                                              [[0.1, -0.1], [0.2, -0.3]])
    numeric_branch = mh.numerical_gradients(branch_net, np.array([[1.0, 0.5]]), np.array([[1.0, 0.0]]), "half_sse",
                                            eps=3e-4)[0][0][0, 0]
    expect(shown, f"                            {numeric_branch:.8f}  (finite differences)",
           "                            0.01682736  (finite differences)")
    # the measured relative error, where truncation (about eps^2) sets it: 6.8e-08 at eps = 1e-3 and 100 times less
    # at 1e-4, two digits that hold under every few-ulp nudge of inputs, targets and parameters (rounding there is
    # about 1e-17 / eps / 0.19, some 1e-3 of the value at 1e-4)
    for moved, X, Y in _nudged_runs(case, net, seed=4, runs=12):
        coarse = [mh.gradient_check(moved, X, Y, "half_sse", eps=eps) for eps in (1e-3, 1e-4)]
        assert [f"{value:.1e}" for value in coarse] == ["6.8e-08", "6.8e-10"]
        assert f"{coarse[0] / coarse[1]:.0f}" == "100"
        assert coarse[0] < 1e-7  # the check passes even at eps = 1e-3
    assert "largest relative error, eps = 1e-3: 6.8e-08\n" in shown
    assert "largest relative error, eps = 1e-4: 6.8e-10   ratio: 100\n" in shown
    # dropped: a per-parameter line whose differences the page could not explain
    assert "each parameter" not in shown and "largest: b_y'" not in shown
    # the text names the owner of the largest relative error at eps = 1e-3: b_y', under every nudge
    for moved, X, Y in _nudged_runs(case, net, seed=4, runs=12):
        (dw, db), (nw, nb) = moved.gradients(X, Y, loss="half_sse"), mh.numerical_gradients(moved, X, Y, "half_sse", eps=1e-3)
        pairs = [(dw[0][0, 0], nw[0][0, 0]), (db[0][0], nb[0][0]), (dw[1][0, 0], nw[1][0, 0]), (db[1][0], nb[1][0])]
        errors = [abs(g - n) / (abs(g) + abs(n)) for g, n in pairs]  # w1, b_h, w2, b_y'
        assert int(np.argmax(errors)) == 3
    # at eps = 1e-6 rounding sets the value (1.4e-9 here, 9e-11 to 1.4e-9 with every input and parameter
    # moved by a few ulps): the text's estimate, step by step, is printed, and the measured value only as
    # a bound, "below 2e-9", which holds under every nudge
    C = mh.loss("half_sse", net.predict(case.X), case.Y)
    expect(shown, f"rounding, step 1: half an ulp of C = {C:.6f}: {np.spacing(C) / 2:.0e}, about 1e-17",
           "rounding, step 1: half an ulp of C = 0.102974: 7e-18, about 1e-17")
    assert 5e-18 < np.spacing(C) / 2 < 2e-17  # "about 1e-17"
    assert "rounding, step 2: both costs' errors: 2 x 1e-17 = 2e-17\n" in shown
    assert f"{2e-17 / 2e-6:.0e}" == "1e-11"
    assert "rounding, step 3: over 2 eps = 2e-6: 2e-17 / 2e-6 = 1e-11\n" in shown
    g_w1 = paths.chain_rule_paths(net, x, y, "w1", notation="one_one_one", loss="half_sse").total
    rounding = 1e-11 / (2 * g_w1)
    expect(shown, f"rounding, step 4: over |g1| + |g2| = 2 x {g_w1:.6f} (w1): {rounding:.0e}",
           "rounding, step 4: over |g1| + |g2| = 2 x 0.009300 (w1): 5e-10")
    # w1's (and b_h's) gradient is the smallest of the four, so step 4 takes it
    dW, db = net.gradients(case.X, case.Y, loss="half_sse")
    assert np.isclose(g_w1, min(abs(g) for g in (dW[0][0, 0], db[0][0], dW[1][0, 0], db[1][0])), rtol=1e-12)
    measured = [mh.gradient_check(moved, X, Y, "half_sse") for moved, X, Y in _nudged_runs(case, net, seed=1)]
    # the measured values sit at the estimate's order (8.6e-11 to 1.4e-9 over these runs): within a factor 10
    assert all(rounding / 10 < value < rounding * 10 for value in measured)
    assert 5e-11 < min(measured) < 2e-10 and 5e-10 < max(measured) < 2e-9
    # printed as its order of magnitude, which is 1e-10 or 1e-9 under every nudge (1e-9 here), with step 4's
    # 5e-10 between the two
    orders = {round(np.log10(value)) for value in measured}
    assert orders <= {-10, -9} and round(np.log10(measured[0])) == -9
    assert 1e-10 < rounding < 1e-9
    assert "measured, eps = 1e-6: largest relative error of order 1e-10 to 1e-9 (varies with the last bit)\n" in shown
    # at eps = 1e-10 rounding alone fails the 1e-7 check (5.6e-6 to 8e-6): about 1e-5 under every nudge
    tiny = [mh.gradient_check(moved, X, Y, "half_sse", eps=1e-10) for moved, X, Y in _nudged_runs(case, net, seed=1)]
    assert min(tiny) > 1e-7 and {round(np.log10(value)) for value in tiny} == {-5}
    assert "measured, eps = 1e-10: largest relative error about 1e-5, above the threshold 1e-7\n" in shown
    assert "below 2e-9" not in shown  # a one-sided bound no longer stands in for the value
    assert "relative error at eps = 1e-6" not in shown  # its digits differ from CPU to CPU: never printed
    assert "estimate" not in shown  # no hard-coded value that reads like a result


def test_five_steps_of_gradient_descent(shown, one):
    case, net, _, _ = one
    history = mh.train(net.copy(), case.X, case.Y, lr=case.lr, iterations=5, loss="half_sse")
    rows = [
        f"{s:<4}  {loss:.6f}  {w1:.6f}  {b1:.6f}  {w2:.6f}  {b2:.6f}"
        for s, loss, w1, b1, w2, b2 in zip(history.iterations, history.loss,
                                           history.weights[0][:, 0, 0], history.biases[0][:, 0],
                                           history.weights[1][:, 0, 0], history.biases[1][:, 0])
    ]
    expected = [
        "0     0.102974  0.500000  0.500000  0.500000  0.500000",
        "1     0.089185  0.490700  0.490700  0.430840  0.405398",
        "2     0.076050  0.482751  0.482751  0.363164  0.312357",
        "3     0.063970  0.476234  0.476234  0.298088  0.222501",
        "4     0.053223  0.471127  0.471127  0.236553  0.137227",
        "5     0.043935  0.467324  0.467324  0.179228  0.057559",
    ]
    for row, literal in zip(rows, expected, strict=True):
        expect(shown, row, literal)
    assert np.all(np.diff(history.loss) < 0)
    assert "C falls at every step: True" in shown
    assert np.array_equal(history.weights[0][:, 0, 0], history.biases[0][:, 0])  # w1 and b_h stay equal
    # each step's move of w2 over that of w1: about 7 at the first step, growing as w2 shrinks
    moves = np.diff(history.weights[1][:, 0, 0]) / np.diff(history.weights[0][:, 0, 0])
    # beside it the predicted ratio 1/(x(1 - h) w2) at step t - 1: the same digits, as the moves' ratio is the gradients'
    h_steps = mh.sigmoid(history.weights[0][:, 0, 0] * case.X[0, 0] + history.biases[0][:, 0])
    predicted = 1 / (case.X[0, 0] * (1 - h_steps) * history.weights[1][:, 0, 0])
    for step, (move, guess, literal) in enumerate(zip(moves, predicted, ["7.4", "8.5", "10.0", "12.1", "15.1"]),
                                                  start=1):
        expect(shown, f"{rows[step]}  {move:<10.1f}  {guess:.1f}\n", f"{expected[step]}  {literal:<10}  {literal}\n")
    assert "step  C         w1        b_h       w2        b_y'      Δw2/Δw1     predicted" in shown
    assert np.all(np.diff(moves) > 0)
    # both ratios keep their one decimal under every few-ulp nudge
    for moved, X, Y in _nudged_runs(case, net, seed=3, runs=8):
        run = mh.train(moved, X, Y, lr=case.lr, iterations=5, loss="half_sse")
        h_run = mh.sigmoid(run.weights[0][:, 0, 0] * X[0, 0] + run.biases[0][:, 0])
        ratios = np.diff(run.weights[1][:, 0, 0]) / np.diff(run.weights[0][:, 0, 0])
        guesses = 1 / (X[0, 0] * (1 - h_run[:-1]) * run.weights[1][:-1, 0, 0])
        assert [f"{r:.1f}" for r in ratios] == [f"{g:.1f}" for g in guesses] == ["7.4", "8.5", "10.0", "12.1", "15.1"]
    # the ratio 1/(x(1 - h) w2) grows through w2: 1 - h at steps 0 to 4 barely moves, under every few-ulp nudge
    for moved, X, Y in _nudged_runs(case, net, seed=2, runs=8):
        run = mh.train(moved, X, Y, lr=case.lr, iterations=5, loss="half_sse")
        h_t = mh.sigmoid(run.weights[0][:, 0, 0] * X[0, 0] + run.biases[0][:, 0])
        assert "  ".join(f"{1 - value:.3f}" for value in h_t[:-1]) == "0.269  0.273  0.276  0.278  0.280"
    assert "1 - h at steps 0 to 4: 0.269  0.273  0.276  0.278  0.280" in shown
    # the prose's step-0 product x(1 - h) w2 = 1 x 0.269 x 0.5 gives the printed first ratio 7.4
    h0 = mh.sigmoid(net.weights[0][0, 0] * case.X[0, 0] + net.biases[0][0])
    assert f"{1 - h0:.3f}" == "0.269" and f"{1 / (case.X[0, 0] * (1 - h0) * net.weights[1][0, 0]):.1f}" == "7.4"
    assert f"{moves[0]:.1f}" == "7.4"
    assert "other x" not in shown  # the side scan over other inputs was cut
    # the first step by hand: every parameter, the biases included, steps against its gradient
    dW, db = net.gradients(case.X, case.Y, "half_sse")
    by_hand = [("w1", dW[0][0, 0]), ("b_h", db[0][0]), ("w2", dW[1][0, 0]), ("b_y'", db[1][0])]
    literals = ["  w1   = 0.5 - 1 * 0.009300 = 0.490700", "  b_h  = 0.5 - 1 * 0.009300 = 0.490700",
                "  w2   = 0.5 - 1 * 0.069160 = 0.430840", "  b_y' = 0.5 - 1 * 0.094602 = 0.405398"]
    for (name, grad), literal in zip(by_hand, literals, strict=True):
        expect(shown, f"  {name:<4} = 0.5 - 1 * {grad:.6f} = {0.5 - grad:.6f}", literal)
    # the shared b's step was cut: section 1 already shows and checks its gradient, the sum of both biases'
    assert "one shared b" not in shown
    # and the by-hand step reproduces step 1's cost
    stepped = net.copy()
    for layer in range(2):
        stepped.weights[layer] -= dW[layer]
        stepped.biases[layer] -= db[layer]
    assert f"{mh.loss('half_sse', stepped.predict(case.X), case.Y):.6f}" == "0.089185"


def test_the_shared_tail(shown, one):
    """y'(1 - y')(y' - y) is dC/db_y', and both weight gradients are short products with it."""
    case, net, x, y = one
    _, (h,), (y_hat,) = (a[0] for a in net.forward(case.X))
    tail = y_hat * (1 - y_hat) * (y_hat - y[0])
    db2 = paths.chain_rule_paths(net, x, y, ("b", 1, 0), notation="one_one_one_units", loss="half_sse").total
    assert f"{tail:.6f}" == f"{db2:.6f}" == "0.094602"  # the tail is dC/db_y' (printed in the shared-b line)
    expect(shown, f"tail = y'(1 - y')(y' - y) = {tail:.6f}", "tail = y'(1 - y')(y' - y) = 0.094602")
    expect(shown, f"dC/dw2 = h * tail = {h * tail:.7f}", "dC/dw2 = h * tail = 0.0691596")
    expect(shown, f"dC/dw1 = x * h(1 - h) * w2 * tail = {x[0] * h * (1 - h) * 0.5 * tail:.8f}",
           "dC/dw1 = x * h(1 - h) * w2 * tail = 0.00929994")
    # the same path folded into three factors, one per edge (as section 3's tables), with the same product
    folded = [h * (1 - h) * x[0], y_hat * (1 - y_hat) * 0.5, y_hat - y[0]]
    expect(shown, "folded: dh/dw1 * dy'/dh * dC/dy' = " + " * ".join(f"{f:.6g}" for f in folded)
           + f" = {np.prod(folded):.8f}",
           "folded: dh/dw1 * dy'/dh * dC/dy' = 0.196612 * 0.10423 * 0.453815 = 0.00929994")


def test_the_bracket_in_the_cards_names(shown, branch):
    # section 3's bracket dC/dh1 = sum_k o_k(1 - o_k) w dC/do_k, regrouped as W_1[0, k] delta^2[0, k]
    net, x, y = branch
    out = net.forward(x[None, :])[2][0]
    delta2 = out * (1 - out) * (out - y)
    assert net.weights[1][0].tolist() == [0.6, 0.9]  # w5, w7
    bracket = net.weights[1][0] @ delta2
    dw1 = paths.chain_rule_paths(net, x, y, "w1", notation="one_one_one_units", through_z=False, loss="half_sse")
    by_paths = sum(p.factors[1].value * p.factors[2].value for p in dw1.paths)  # section 3's factored bracket
    assert np.isclose(bracket, by_paths, rtol=1e-12)
    assert "bracket: W_1[0,0] delta^2[0,0] + W_1[0,1] delta^2[0,1]\n" in shown
    expect(shown, f"       = 0.6 * {delta2[0]:.6f} + 0.9 * {delta2[1]:.6f} = {bracket:.7f}",
           "       = 0.6 * -0.094107 + 0.9 * 0.140558 = 0.0700379")
    assert f"{by_paths:.7f}" == "0.0700379"  # the same digits as section 3's factored line


def test_the_path_count_of_a_deeper_network(shown, branch):
    _, x, y = branch
    deeper = mh.MLP([2, 3, 3, 2]).init_constant(0.5)
    for layer, count, product in [(0, 6, "3 x 2"), (1, 2, "2"), (2, 1, "1, no later layer")]:
        found = paths.chain_rule_paths(deeper, x, y, ("w", layer, 0, 0), through_z=False, loss="half_sse")
        assert len(found.paths) == count == int(np.prod(deeper.sizes[layer + 2:]))  # P_l = n_{l+2} ... n_L
        expect(shown, f"2-3-3-2, a weight of W_{layer}: {len(found.paths)} path(s), P_{layer} = {product}",
               f"2-3-3-2, a weight of W_{layer}: {count} path(s), P_{layer} = {product}")
    # the two-level expansion multiplied out: the 6 path products add up to backpropagation's gradient
    W00_paths = paths.chain_rule_paths(deeper, x, y, ("w", 0, 0, 0), through_z=False, loss="half_sse")
    dW, _ = deeper.gradients(x[None, :], y[None, :], loss="half_sse")
    _, a1, a2, out = (a[0] for a in deeper.forward(x[None, :]))
    W1, W2 = deeper.weights[1], deeper.weights[2]
    nested = a1[0] * (1 - a1[0]) * x[0] * sum(
        a2[j] * (1 - a2[j]) * W1[0, j] * sum(out[k] * (1 - out[k]) * W2[j, k] * (out[k] - y[k]) for k in range(2))
        for j in range(3))
    assert np.isclose(nested, W00_paths.total, rtol=1e-12) and np.isclose(nested, dW[0][0, 0], rtol=1e-12)
    expect(shown, f"2-3-3-2, dC/dW_0[0,0]: sum of its 6 paths {W00_paths.total:.8f}; backprop {dW[0][0, 0]:.8f}",
           "2-3-3-2, dC/dW_0[0,0]: sum of its 6 paths 0.00153484; backprop 0.00153484")
    assert "2-3-3-2, w1" not in shown  # section 3's w1 is a 2-2-2 weight: the 2-3-3-2 one is W_0[0, 0]
    # the prose's shared ends: W_0[1, 0] also enters a^1[0, 0], and its 6 paths go on exactly as W_0[0, 0]'s do
    W10_paths = paths.chain_rule_paths(deeper, x, y, ("w", 0, 1, 0), through_z=False, loss="half_sse")
    assert [p.route.split(" → ", 1)[1] for p in W10_paths.paths] == [p.route.split(" → ", 1)[1] for p in W00_paths.paths]
    assert all([f.value for f in p.factors[1:]] == [f.value for f in q.factors[1:]]
               for p, q in zip(W00_paths.paths, W10_paths.paths, strict=True))
    assert "shared ends: after a^1[0, 0], W_0[1,0]'s 6 paths have W_0[0,0]'s factors: True\n" in shown
    # the displayed recursion dC/da^l[0, j] = sum_k W_l[j, k] delta^{l+1}[0, k], written out
    # term by term for the first hidden unit, against the sum over its 6 paths (W_0[0, 0]'s, less the first factor)
    by_recursion = sum(a2[j] * (1 - a2[j]) * W1[0, j] * sum(out[k] * (1 - out[k]) * W2[j, k] * (out[k] - y[k])
                                                          for k in range(2)) for j in range(3))
    by_paths = sum(np.prod([f.value for f in p.factors[1:]]) for p in W00_paths.paths)
    assert np.isclose(by_recursion, by_paths, rtol=1e-12)
    assert np.isclose(by_recursion * a1[0] * (1 - a1[0]) * x[0], dW[0][0, 0], rtol=1e-12)
    expect(shown, f"recursion: dC/da^1[0, 0] = {by_recursion:.8f}; sum of its 6 paths {by_paths:.8f}",
           "recursion: dC/da^1[0, 0] = 0.00886656; sum of its 6 paths 0.00886656")
    # the prose's "a weight's gradient is its input times its unit's delta", from the hand recursion's dC/da^1[0, 0]
    by_delta = x[0] * a1[0] * (1 - a1[0]) * by_recursion
    assert np.isclose(by_delta, dW[0][0, 0], rtol=1e-12)
    expect(shown, f"weight gradient, W_0[0,0]: x1 * a(1-a) * dC/da^1[0, 0] = {by_delta:.8f}; backprop {dW[0][0, 0]:.8f}",
           "weight gradient, W_0[0,0]: x1 * a(1-a) * dC/da^1[0, 0] = 0.00153484; backprop 0.00153484")
    # the formula n_{l+2} ... n_L applied to a wide network, checked against an enumeration of its paths' ends:
    # a weight of W_l reaches the cost once per choice of one unit in each layer after l + 1
    wide = [10, 100, 100, 10]
    per_weight = [int(np.prod(wide[l + 2:])) for l in range(3)]
    assert per_weight == [paths.count_paths(wide, ("w", l, 0, 0)) for l in range(3)]
    all_paths = sum(n * m * c for n, m, c in zip(wide, wide[1:], per_weight))
    expect(shown, f"10-100-100-10: {per_weight[0]} paths per weight of W_0; {all_paths} paths over all "
                  f"{sum(n * m for n, m in zip(wide, wide[1:]))} weights",
           "10-100-100-10: 1000 paths per weight of W_0; 1101000 paths over all 12000 weights")
    # backprop, counted on the matrices: a_l.T @ delta is one product per weight; delta @ W_l.T, for l >= 1 only,
    # one more per weight (nothing is passed back to the inputs)
    sizes = [W.size for W in mh.MLP(wide).init_constant(0.5).weights]
    backprop = sum(sizes) + sum(sizes[1:])
    # the table: passing back + one per weight; the 2-2-2 row is the markdown's hand count (16 + 4 = 20; 4 + 8 = 12)
    expect(shown, f"10-100-100-10     {3201000:>13}   {sum(sizes[1:])} + {sum(sizes)} = {backprop}",
           "10-100-100-10           3201000   11000 + 12000 = 23000")
    # at a fixed width of 100, one hidden layer more or less: the same two formulas, summed layer by layer
    def totals(widths):
        L = len(widths) - 1
        sizes = [W.size for W in mh.MLP(widths).init_constant(0.5).weights]
        per = [int(np.prod(widths[l + 2:])) for l in range(L)]
        return sum(sizes[l] * per[l] * (L - l) for l in range(L)), sum(sizes[1:]), sum(sizes)
    rows = [("2-2-2", "4 + 8 = 12", "1.7"), ("2-3-3-2", "15 + 21 = 36", "4.2"), ("10-100-10", "1000 + 2000 = 3000", "7.0"),
            ("10-100-100-10", "11000 + 12000 = 23000", "139.2"),
            ("10-100-100-100-10", "21000 + 22000 = 43000", "10004.7")]
    for name, backprop_text, ratio in rows:
        widths = [int(n) for n in name.split("-")]
        by_paths, back, once = totals(widths)
        assert f"{by_paths / (back + once):.1f}" == ratio
        assert f"{back} + {once} = {back + once}" == backprop_text
        row = f"{name:<17} {by_paths:>13}   {backprop_text:<21}   {ratio}\n"
        assert row in shown, row
    # the prose's worked 2-3-3-2 count: 6*6*3 + 9*2*2 + 6*1*1 = 150 by paths; (9 + 6) + (6 + 9 + 6) = 36 by backprop
    assert totals([2, 3, 3, 2]) == (6 * 6 * 3 + 9 * 2 * 2 + 6 * 1 * 1, 9 + 6, 6 + 9 + 6) == (150, 15, 21)
    table = shown.split("ratio\n", 1)[1]
    assert table.startswith("2-2-2                        20   4 + 8 = 12              1.7\n"
                            "2-3-3-2                     150   15 + 21 = 36            4.2\n")  # the text's order
    small = [W.size for W in mh.MLP([2, 2, 2]).init_constant(0.5).weights]
    small_paths = small[0] * 2 * 2 + small[1] * 1 * 1  # W_0: 2 paths of 2 multiplications; W_1: 1 path of 1
    expect(shown, f"2-2-2             {small_paths:>13}   {small[1]} + {sum(small)} = {small[1] + sum(small)}",
           "2-2-2                        20   4 + 8 = 12")
    assert "multiplications: summing paths against backpropagation (passing back + one per weight)" in shown
    # the by-hand lines, 2-2-2 in full and 2-3-3-2 layer by layer: weights x paths x multiplications per path
    by_hand = """by hand, 2-2-2, summing paths: weights x paths x multiplications per path
  W_0: 4 x 2 x 2 = 16
  W_1: 4 x 1 x 1 = 4
by hand, 2-2-2, backpropagation:
  passing back, W_1 @ delta^2: 2 units x 2 terms = 4
  one per weight, input x delta: 4 + 4 = 8
  totals: summing paths 20, backpropagation 4 + 8
by hand, 2-3-3-2, summing paths: weights x paths x multiplications per path
  W_0: 6 x 6 x 3 = 108
  W_1: 9 x 2 x 2 = 36
  W_2: 6 x 1 x 1 = 6
by hand, 2-3-3-2, backpropagation:
  passing back, W_1 @ delta^2: 3 units x 3 terms = 9
  passing back, W_2 @ delta^3: 3 units x 2 terms = 6
  one per weight, input x delta: 6 + 9 + 6 = 21
  totals: summing paths 150, backpropagation 15 + 21
"""
    assert by_hand in shown
    for widths, (paths_total, back_total, once_total) in [([2, 2, 2], (20, 4, 8)), ([2, 3, 3, 2], (150, 15, 21))]:
        assert totals(widths) == (paths_total, back_total, once_total)
        net_w = mh.MLP(widths).init_constant(0.5)
        for l, W in enumerate(net_w.weights):  # each layer's term, from a path table of one of its weights
            found = paths.chain_rule_paths(net_w, np.ones(widths[0]), np.zeros(widths[-1]), ("w", l, 0, 0),
                                           through_z=False, loss="half_sse")
            per_path = {len(p.factors) - 1 for p in found.paths}
            assert f"  W_{l}: {W.size} x {len(found.paths)} x {per_path.pop()} = " in by_hand
    # the slope multiplications left out: summing paths forms every distinct edge factor at least once (a weight
    # factor per weight, a link factor per weight after W_0: counted from the path tables of all 21 weights);
    # backpropagation attaches a slope once per unit, forming delta
    labels = set()
    for l, W in enumerate(deeper.weights):
        for j, k in np.ndindex(W.shape):
            found = paths.chain_rule_paths(deeper, x, y, ("w", l, j, k), through_z=False, loss="half_sse")
            labels.update(f.label for p in found.paths for f in p.factors if not f.label.startswith("dC/"))
    weight_factors = [label for label in labels if "/dW_" in label]
    assert (len(weight_factors), len(labels) - len(weight_factors)) == (21, 15)
    assert "slopes left out, 2-3-3-2, summing paths: 21 weight factors + 15 link factors = 36\n" in shown
    assert sum(deeper.sizes[1:]) == 8
    assert "slopes left out, 2-3-3-2, backpropagation: one per unit, 3 + 3 + 2 = 8\n" in shown
    assert "network           summing paths   backpropagation         ratio" in shown
    # summing paths, in the same unit: a path of a W_l weight has L - l + 1 factors (one per edge, then dC/do),
    # counted here from the path tables of the small 2-3-3-2 network, so L - l multiplications
    for layer in range(3):
        found = paths.chain_rule_paths(deeper, x, y, ("w", layer, 0, 0), through_z=False, loss="half_sse")
        assert {len(path.factors) for path in found.paths} == {3 - layer + 1}
    multiplications = sum(W.size * count * (3 - layer) for layer, (W, count) in enumerate(zip(
        mh.MLP(wide).init_constant(0.5).weights, per_weight)))
    assert multiplications == 3201000
    assert f"{multiplications / backprop:.0f}" == "139"


def test_the_branching_network(shown, branch):
    net, x, y = branch
    # the 1-1-1 question's names: weights[0] = [[w1, w3], [w2, w4]], weights[1] = [[w5, w7], [w6, w8]]
    assert mh.notation.parse_weight("one_one_one", "w7", sizes=[2, 2, 2]) == (1, 0, 1)
    assert net.weights[1][0, 1] == 0.9 and net.weights[1][0, 0] == 0.6
    _, (h1, h2), (o1, o2) = (a[0] for a in net.forward(x[None, :]))
    literal = "h1 = 0.598688   h2 = 0.645656   o1 = 0.605893   o2 = 0.575270"
    expect(shown, f"h1 = {h1:.6f}   h2 = {h2:.6f}   o1 = {o1:.6f}   o2 = {o2:.6f}", literal)
    result = paths.chain_rule_paths(net, x, y, "w1", notation="one_one_one_units", through_z=False, loss="half_sse")
    assert [p.route for p in result.paths] == ["w1 → h1 → o1 → C", "w1 → h1 → o2 → C"]
    assert factor_values(result) == [
        ["0.240261", "0.143272", "-0.394107", "-0.0135662"],
        ["0.240261", "0.219901", "0.57527", "0.0303936"],
    ]
    assert shown.count(result.to_html()) == 1
    assert "<b>0.0168274</b>" in shown
    dW, _ = net.gradients(x[None, :], y[None, :], loss="half_sse")
    nW, _ = mh.numerical_gradients(net, x[None, :], y[None, :], "half_sse")
    first, second = (p.product for p in result.paths)
    expect(shown, f"{first:.8f} + {second:.8f}", "-0.01356620 + 0.03039356")
    for value, label in [(result.total, "sum of paths"), (dW[0][0, 0], "backprop"), (nW[0][0, 0], "finite differences")]:
        expect(shown, f"{value:.8f}  ({label})", f"0.01682736  ({label})")
    # the prose: dropping the path via o2 flips the sign, dropping the path via o1 keeps it, 1.8x too large
    assert first < 0 < result.total and second > 0
    expect(shown, f"path via o1 alone: {first:.8f} (wrong sign)\npath via o2 alone: {second:.8f} = {second / result.total:.2f} x the sum",
           "path via o1 alone: -0.01356620 (wrong sign)\npath via o2 alone: 0.03039356 = 1.81 x the sum")
    # both paths start with dh1/dw1; the bracket is dC/dh1, the hidden unit's total effect on the cost
    start = result.paths[0].factors[0].value
    assert start == result.paths[1].factors[0].value
    _, (h1, _), outputs = (a[0] for a in net.forward(x[None, :]))
    dC_dh1 = np.sum(outputs * (1 - outputs) * net.weights[1][0] * (outputs - y))  # from the forward values
    assert f"{start:.6f}" == f"{h1 * (1 - h1) * x[0]:.6f}"
    expect(shown, f"factored: dh1/dw1 * dC/dh1 = {start:.6f} * {dC_dh1:.7f} = {start * dC_dh1:.8f}",
           "factored: dh1/dw1 * dC/dh1 = 0.240261 * 0.0700379 = 0.01682736")
    # the same bracket reused for w2 (x2 -> h1), against backpropagation's own number
    start2 = h1 * (1 - h1) * x[1]
    expect(shown, f"reused for w2 (x2 -> h1): dh1/dw2 * dC/dh1 = {start2:.6f} * {dC_dh1:.7f} = {start2 * dC_dh1:.8f}\n"
                  f"                          backprop's dC/dw2 = {dW[0][1, 0]:.8f}",
           "reused for w2 (x2 -> h1): dh1/dw2 * dC/dh1 = 0.120130 * 0.0700379 = 0.00841368\n"
           "                          backprop's dC/dw2 = 0.00841368")
    # the delta side remark was cut (notebook 03 introduces delta; with x1 = 1 its two numbers looked alike)
    assert "via delta" not in shown


def test_the_proposed_equation_with_dw7_dh1(shown, branch):
    net, x, y = branch
    partial = paths.weight_as_node(net, x, y, "w1", reading="partial", loss="half_sse")
    edge = paths.weight_as_node(net, x, y, "w1", reading="edge weight", loss="half_sse")
    expect(shown, f"partial     reading: {partial.total:.8f}", "partial     reading: 0.00000000")
    expect(shown, f"edge weight reading: {edge.total:.8f}", "edge weight reading: 0.01007433")
    numeric = mh.numerical_gradients(net, x[None, :], y[None, :], "half_sse")[0][0][0, 0]
    relative = abs(edge.total - numeric) / (abs(edge.total) + abs(numeric))
    expect(shown, f"finite differences: relative error {relative:.2f} (threshold 1e-7)",
           "finite differences: relative error 0.25 (threshold 1e-7)")
    # the cancel reading, d(w)/d(h1) = w / h1 on each path: the corrected value, by construction
    h1_value = net.forward(x[None, :])[1][0, 0]
    cancel = sum(p.factors[0].value * (p.factors[1].value / h1_value) * p.factors[2].value * p.factors[3].value
                 for p in edge.paths)
    expect(shown, f"proposed, cancel      reading: {cancel:.8f}", "proposed, cancel      reading: 0.01682736")
    assert abs(cancel - numeric) < 1e-9
    expect(shown, f"corrected formula:                {paths.chain_rule_paths(net, x, y, 'w1', notation='one_one_one', loss='half_sse').total:.8f}",
           "corrected formula:                0.01682736")
    h1 = net.forward(x[None, :])[1][0, 0]
    expect(shown, f"{h1:.6f} * 0.01682736 = {edge.total:.8f}", "0.598688 * 0.01682736 = 0.01007433")
    assert factor_values(edge) == [
        ["0.240261", "0.6", "0.142959", "-0.394107", "-0.00812192"],
        ["0.240261", "0.9", "0.14628", "0.57527", "0.0181962"],
    ]
    assert "<b>0.0100743</b>" in shown
    nW, _ = mh.numerical_gradients(net, x[None, :], y[None, :], "half_sse")
    assert abs(nW[0][0, 0] - 0.01682736) < 5e-9 and abs(nW[0][0, 0] - edge.total) > 0.006


X_EX, Y_EX = np.array([-1.0, 0.5]), np.array([0.0, 1.0])


def test_the_exercise_observation(shown, branch):
    net, _, _ = branch
    _, (h1, h2), (o1, o2) = (a[0] for a in net.forward(X_EX[None, :]))
    expect(shown, f"h1 = {h1:.6f}   h2 = {h2:.6f}   o1 = {o1:.6f}   o2 = {o2:.6f}",
           "h1 = 0.354344   h2 = 0.500000   o1 = 0.577521   o2 = 0.517221")


def test_the_answer_keys_pass_their_checks(shown, branch):
    net, x, y = branch
    b2 = paths.chain_rule_paths(net, X_EX, Y_EX, ("b", 0, 1), notation="one_one_one_units", through_z=False, loss="half_sse")
    w3 = paths.chain_rule_paths(net, X_EX, Y_EX, "w3", notation="one_one_one_units", through_z=False, loss="half_sse")
    assert (len(b2.paths), len(w3.paths)) == (2, 2)
    # the exercises' answers are not on screen: not the values for the observation of sections 3-5
    for name, result in ((("b", 0, 1), b2), ("w3", w3)):
        on_screen = paths.chain_rule_paths(net, x, y, name, notation="one_one_one_units", through_z=False, loss="half_sse").total
        assert abs(result.total - on_screen) > 1e-3
        assert f"{result.total:.4g}" not in shown
    right = check_dC_db_h2(round(b2.total, 6), net, X_EX, Y_EX)
    expect(shown, right.verdict, "Correct: dC/db_h2 is the sum of 2 path products.")
    first, (via_o1, via_o2) = w3.paths[0].factors[0].value, (p.product for p in w3.paths)
    steps = check_dC_dw3(net, X_EX, Y_EX, first_edge=round(first, 5),
                             via=[round(via_o1, 6), round(via_o2, 6)], total=0.01006)
    expect(shown, steps.verdict, "Correct: every step is right, and dC/dw3 is the sum of its 2 path products.")
    # the check cells call a check, never the computation of the answer
    sources = ["".join(c["source"]) for c in json.loads(NOTEBOOK.read_text())["cells"] if c["cell_type"] == "code"]
    checks = [s for s in sources if s.startswith("check_")]
    assert len(checks) == 2 and not any("chain_rule_paths" in s for s in checks)
    # and name no parameter selector a student could hand to chain_rule_paths
    assert not any(selector in s for s in checks for selector in ('"w3"', '("b"', "half_sse"))


def test_the_notebook_ran_in_order_with_a_kernelspec():
    notebook = json.loads(NOTEBOOK.read_text())
    counts = [c["execution_count"] for c in notebook["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def test_one_sided_against_central_differences(shown, one):
    """Section 2's table over eps: the one-sided error is about eps/2 C'', the central one
    about eps^2/6 C''' (both recomputed here from the path sum, an independent route)."""
    case, net, x, y = one
    exact = paths.chain_rule_paths(net, x, y, "w1", notation="one_one_one", loss="half_sse").total

    def cost_at(value):
        moved = net.copy()
        moved.weights[0][0, 0] = value
        return mh.loss("half_sse", moved.predict(case.X), case.Y)

    literals = {1e-1: "1e-01    2e-04              3e-06", 1e-2: "1e-02    2e-05              3e-08",
                1e-3: "1e-03    2e-06              3e-10"}
    for eps, literal in literals.items():
        one_sided = (cost_at(0.5 + eps) - cost_at(0.5)) / eps
        central = (cost_at(0.5 + eps) - cost_at(0.5 - eps)) / (2 * eps)
        expect(shown, f"{eps:.0e}    {abs(one_sided - exact):<19.0e}{abs(central - exact):.0e}", literal)
    # where truncation sets the error its digits are printed; where rounding sets it, a range of powers
    # of ten that holds for this run and for runs with every input and parameter moved by a few ulps
    rows = {1e-4: ("2e-07", "3e-12"), 1e-5: ("2e-08", (1e-13, 1e-11)), 1e-6: ("2e-09", (1e-12, 1e-10)),
            1e-7: ((1e-11, 1e-9), (1e-11, 1e-9)), 1e-8: ((1e-9, 1e-8), (1e-10, 1e-8)),
            1e-12: ((1e-6, 1e-4), (1e-6, 1e-4))}
    for trial, (moved, X, Y) in enumerate(_nudged_runs(case, net, seed=0)):
        w1 = moved.weights[0][0, 0]
        right = paths.chain_rule_paths(moved, X[0], Y[0], "w1", notation="one_one_one", loss="half_sse").total

        def moved_cost(value, moved=moved, X=X, Y=Y):
            nudged = moved.copy()
            nudged.weights[0][0, 0] = value
            return mh.loss("half_sse", nudged.predict(X), Y)

        for eps, literals in rows.items():
            one_sided = abs((moved_cost(w1 + eps) - moved_cost(w1)) / eps - right)
            central = abs((moved_cost(w1 + eps) - moved_cost(w1 - eps)) / (2 * eps) - right)
            for error, literal in zip((one_sided, central), literals):
                if isinstance(literal, tuple):
                    assert literal[0] < error < literal[1], (trial, eps, error)
                else:
                    assert f"{error:.{len(literal.split('e')[0].replace('.', '')) - 1}e}" == literal
    # the table stops at 1e-4; the ranges below it are the figure's, which the prose reads off
    assert "1e-04    2e-07              3e-12" in shown
    assert "1e-05    " not in shown


def _nudged_runs(case, net, seed, runs=40):
    """(network, X, Y) as given, then ``runs - 1`` times with every input, target and parameter
    moved by up to 4 ulps."""
    rng = np.random.default_rng(seed)
    for run in range(runs):
        moved = net.copy()
        X, Y = (_ulps(array, 0 if run == 0 else int(rng.integers(-4, 5))) for array in (case.X, case.Y))
        if run:
            for array in moved.weights + moved.biases:
                array[...] = _ulps(array, int(rng.integers(-4, 5)))
        yield moved, X, Y


def _ulps(array, count):
    """``array`` moved by ``count`` units in the last place (up for count > 0)."""
    moved = np.array(array, dtype=float)
    for _ in range(abs(count)):
        moved = np.nextafter(moved, np.inf if count > 0 else -np.inf)
    return moved


def test_the_static_table_of_w5_shows_one_path(shown, branch):
    net, x, y = branch
    dw5 = paths.chain_rule_paths(net, x, y, "w5", notation="one_one_one_units", through_z=False, loss="half_sse")
    assert factor_values(dw5) == [["0.142959", "-0.394107", "-0.056341"]]
    assert shown.count(dw5.to_html()) == 1
    expect(shown, repr(dw5).splitlines()[-1], "dC/dw5 = -0.056341 (sum of 1 path(s))")


def test_the_learning_rate_and_the_observation_are_printed(shown, one, branch):
    case = one[0]
    expect(shown, f"learning rate eta = {case.lr}", "learning rate eta = 1.0")
    _, x, y = branch
    expect(shown, f"x = {x.tolist()}, targets y = {y.tolist()}", "x = [1.0, 0.5], targets y = [1.0, 0.0]")


def test_the_diagram_keys(branch):
    """The keys under sections 1 and 3's diagrams: colour is the sign; width the size, or the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from mlp_helpers import plots

    for net, path, last in [(cases.one_one_one().network(), None, ["width: the weight's size"]),
                            (branch[0], "on a path of $w_1$",
                             ["thick, boxed: on a path of $w_1$, any size", "thin, faded: not on a path"])]:
        fig = plots.draw_network(net, notation="one_one_one_units", show_values=True)
        legend = plots.network_key(fig, path=path)
        assert [t.get_text() for t in legend.get_texts()] == ["positive weight", "negative weight", *last]
        colours = [h.get_color() for h in legend.legend_handles[:2]]
        assert colours == [plots.POSITIVE, plots.NEGATIVE]
        plt.close(fig)


def test_the_difference_error_plot_names_bad_input():
    from mlp_helpers.visual import plots

    with pytest.raises(ValueError, match="errors must have shape"):
        plots.plot_difference_errors([1e-1, 1e-2], [[1e-4, 1e-6]])
    with pytest.raises(ValueError, match="epsilons must be"):
        plots.plot_difference_errors([1e-1, -1e-2], [[1e-4, 1e-6], [1e-5, 1e-8]])


def test_the_difference_error_plot_shows_both_curves_and_says_absolute_error():
    """Hollow markers of two sizes keep both measured curves visible where they meet (rounding)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from mlp_helpers.visual import plots

    fig = plots.plot_difference_errors([1e-1, 1e-2], [[1e-4, 1e-6], [1e-5, 1e-8]])
    ax = fig.axes[0]
    assert ax.get_ylabel().startswith("absolute error")
    measured = [line for line in ax.get_lines() if line.get_label().endswith("measured")]
    assert len(measured) == 2
    assert all(line.get_markerfacecolor() == "none" for line in measured)
    assert measured[0].get_markersize() > measured[1].get_markersize()  # one-sided's circles ring the squares
    plt.close(fig)
