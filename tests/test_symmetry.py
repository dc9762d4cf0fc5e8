"""mlp_helpers.lessons.symmetry: the tied-units question in its bias-augmented layout.

The question's numbers were computed in float32 and printed with 7-8 digits: compared
with an absolute tolerance of 2e-6. float64 numbers are compared much tighter.
"""

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, symmetry

FLOAT32 = dict(rtol=0, atol=2e-6)
X = np.array([[0.8, 0.4], [0.3, 0.3]])
Y = np.array([[0.2, 0.4], [1.0, 0.0]])


def seed_net():
    return mh.MLP([2, 3, 3, 2]).init_constant(1.0)


def test_question_reference_data_is_the_printed_numbers():
    assert symmetry.QUESTION["a3"].tolist() == [[0.9806908] * 2, [0.9803864] * 2]
    assert symmetry.QUESTION["last_layer_gradient"].shape == (4, 2)
    assert symmetry.QUESTION["output_after_1000"].tolist() == [[0.5992708, 0.1997655], [0.5993174, 0.2004307]]
    with pytest.raises(ValueError, match="read-only"):
        symmetry.QUESTION["a1"][0, 0] = 0.0


def test_with_ones_and_stack_bias_build_the_augmented_layout():
    np.testing.assert_array_equal(symmetry.with_ones(X), [[1, 0.8, 0.4], [1, 0.3, 0.3]])
    table = symmetry.stack_bias([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [7.0, 8.0])
    np.testing.assert_array_equal(table, [[7, 8], [1, 2], [3, 4], [5, 6]])


def test_augmented_product_equals_weights_plus_biases_on_a_random_net():
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=4)
    augmented = symmetry.with_ones(X) @ symmetry.stack_bias(net.weights[0], net.biases[0])
    np.testing.assert_allclose(augmented, X @ net.weights[0] + net.biases[0], rtol=0, atol=1e-15)


def test_question_steps_reproduce_every_printed_matrix():
    steps = symmetry.question_steps(seed_net(), X, Y)
    assert set(steps) == set(symmetry.QUESTION) - {"output_after_1000", "output_random_10000"}
    np.testing.assert_array_equal(steps["n1"], [[2.2] * 3, [1.6] * 3])
    for key, printed in symmetry.QUESTION.items():
        if key in steps:
            np.testing.assert_allclose(steps[key], printed, **FLOAT32, err_msg=key)
    # float64 values to 8 digits
    np.testing.assert_allclose(steps["a3"], [[0.98069073] * 2, [0.98038645] * 2], rtol=0, atol=5e-9)
    np.testing.assert_allclose(
        steps["delta"], [[0.02956698, 0.02199241], [-0.00075429, 0.03770343]], rtol=0, atol=5e-9
    )
    np.testing.assert_allclose(
        steps["last_layer_gradient"], [[0.02881269, 0.05969584]] + [[0.02812204, 0.05805621]] * 3, rtol=0, atol=5e-9
    )


def test_question_forward_is_the_forward_part_of_question_steps():
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=3)
    forward = symmetry.question_forward(net, X)
    steps = symmetry.question_steps(net, X, Y)
    assert set(forward) == {"n1", "a1", "a2", "a3"}  # nothing of the backward pass: no delta to copy
    for key, value in forward.items():
        np.testing.assert_array_equal(value, steps[key])
    np.testing.assert_array_equal(forward["a3"], net.predict(X))
    with pytest.raises(ValueError, match="X"):
        symmetry.question_forward(net, [[1.0, 2.0, 3.0]])


def test_member_history_is_what_train_records():
    nets = [mh.MLP([2, 3, 3, 2]).init_constant(1.0), mh.MLP([2, 3, 3, 2]).init_random(seed=2)]
    runs = mh.train_many(nets, X, Y, lr=0.5, iterations=40, weights_every=1)
    alone = mh.train(mh.MLP([2, 3, 3, 2]).init_random(seed=2), X, Y, 0.5, 40)
    member = symmetry.member_history(runs, 1)
    assert isinstance(member, mh.History) and len(member) == 41 and member.sizes == [2, 3, 3, 2]
    np.testing.assert_allclose(member.loss, alone.loss, rtol=0, atol=1e-14)
    for ours, theirs in zip(member.weights + member.biases, alone.weights + alone.biases):
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-14)
    assert symmetry.first_fit_step(member, X, Y, tol=1.0) == 0
    with pytest.raises(ValueError, match="k must be"):
        symmetry.member_history(runs, 2)
    with pytest.raises(TypeError, match="runs"):
        symmetry.member_history(alone, 0)
    fresh = [mh.MLP([2, 3, 3, 2]).init_constant(1.0), mh.MLP([2, 3, 3, 2]).init_random(seed=2)]  # train_many trains in place
    every_10th = symmetry.member_history(mh.train_many(fresh, X, Y, lr=0.5, iterations=40, weights_every=10), 1)
    assert every_10th.iterations.tolist() == [0, 10, 20, 30, 40]
    np.testing.assert_allclose(every_10th.loss, alone.loss[::10], rtol=0, atol=1e-14)
    np.testing.assert_allclose(every_10th.weights[2], alone.weights[2][::10], rtol=0, atol=1e-14)
    first_20 = symmetry.member_history(mh.train_many([mh.MLP([2, 3, 3, 2]).init_random(seed=2)], X, Y, lr=0.5,
                                                     iterations=40, weights_every=10), 0, until=25)
    assert first_20.iterations.tolist() == [0, 10, 20] and first_20.weights[1].shape == (3, 3, 3)
    np.testing.assert_allclose(first_20.loss, alone.loss[:21:10], rtol=0, atol=1e-14)
    with pytest.raises(ValueError, match="until"):
        symmetry.member_history(runs, 0, until=-1)
    without = mh.train_many(nets, X, Y, lr=0.5, iterations=4, weights_every=0)
    with pytest.raises(ValueError, match="weights_every"):
        symmetry.member_history(without, 0)


def test_last_layer_gradient_is_backprop_and_finite_differences():
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=1)
    table = symmetry.question_steps(net, X, Y)["last_layer_gradient"]
    dW, db = net.gradients(X, Y, loss="sse")
    np.testing.assert_allclose(table, symmetry.stack_bias(dW[2], db[2]), rtol=0, atol=1e-15)
    numeric_W, numeric_b = mh.numerical_gradients(net, X, Y, "sse")
    assert mh.relative_error(table, symmetry.stack_bias(numeric_W[2], numeric_b[2])) < 1e-7


def test_side_by_side_shows_both_matrices():
    latex = symmetry.side_by_side("a^3", [[0.98069073, 0.5]], [[0.9806908, 0.5]])
    assert latex.startswith("a^3 = ")
    assert "0.9806907" in latex and "0.9806908" in latex
    assert latex.count(r"\begin{pmatrix}") == 2


def test_outputs_over_training_match_predict_at_every_step():
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=2)
    history = mh.train(net, X, Y, lr=0.5, iterations=30, record_every=10)
    outputs = symmetry.outputs_over_training(history, X)
    assert outputs.shape == (4, 2, 2)
    np.testing.assert_allclose(outputs[-1], net.predict(X), rtol=0, atol=1e-14)
    start = mh.MLP([2, 3, 3, 2]).init_random(seed=2)
    np.testing.assert_allclose(outputs[0], start.predict(X), rtol=0, atol=1e-14)


def test_outputs_over_training_without_biases_and_mixed_activations():
    net = mh.MLP([2, 2, 1], activation=["sigmoid", "linear"], bias=False).init_random(seed=3)
    history = mh.train(net, X, [[0.5], [0.1]], lr=0.1, iterations=5)
    outputs = symmetry.outputs_over_training(history, X, ["sigmoid", "linear"])
    np.testing.assert_allclose(outputs[-1], net.predict(X), rtol=0, atol=1e-14)


def test_first_fit_step_of_the_seed_problem():
    history = mh.train(seed_net(), X, Y, 0.5, 15000)
    assert symmetry.first_fit_step(history, X, Y) == 14575
    assert symmetry.first_fit_step(history, X, Y, tol=1.0) == 0  # every start error is below 1
    assert symmetry.first_fit_step(history, X, Y, tol=0.5) == 23
    short = mh.train(seed_net(), X, Y, 0.5, 1000)
    assert symmetry.first_fit_step(short, X, Y) is None


def test_unit_spread_is_exactly_zero_for_the_tied_net_and_not_for_a_random_one():
    tied = mh.train(seed_net(), X, Y, 0.5, 200)
    assert symmetry.unit_spread(tied).shape == (201,)
    assert symmetry.unit_spread(tied).max() == 0.0
    loose = mh.train(mh.MLP([2, 3, 3, 2]).init_random(seed=0), X, Y, 0.5, 10)
    assert np.all(symmetry.unit_spread(loose) > 0.1)


def test_collapse_tied_gives_the_same_function_with_one_unit_per_hidden_layer():
    net = seed_net()
    mh.train(net, X, Y, 0.5, 1000)
    narrow = symmetry.collapse_tied(net)
    assert narrow.sizes == [2, 1, 1, 2]
    np.testing.assert_allclose(narrow.predict(X), net.predict(X), rtol=0, atol=1e-15)
    np.testing.assert_allclose(narrow.predict([[0.1, -2.0]]), net.predict([[0.1, -2.0]]), rtol=0, atol=1e-15)


def test_tied_and_narrow_networks_share_outputs_but_not_their_training_step():
    # notebook 04, section 7: the sum u of three tied copies moves 3 times as far per step as the
    # narrow network's u; each copy of W_0 (and b_0) a third as far; the middle sum v just as far
    net = seed_net()
    mh.train(net, X, Y, 0.5, 1000)
    narrow = symmetry.collapse_tied(net)
    dW, db = net.gradients(X, Y, loss="sse")
    dW_narrow, db_narrow = narrow.gradients(X, Y, loss="sse")
    np.testing.assert_allclose(dW[2][0], dW_narrow[2][0], rtol=1e-12)  # each copy gets u's narrow gradient
    np.testing.assert_allclose(3 * dW[0][:, 0], dW_narrow[0][:, 0], rtol=1e-12)
    np.testing.assert_allclose(3 * db[0][0], db_narrow[0][0], rtol=1e-12)
    np.testing.assert_allclose(3 * dW[1][0, 0], dW_narrow[1][0, 0], rtol=1e-12)  # v = 3 copies, each a third


def test_collapse_tied_refuses_an_untied_network():
    with pytest.raises(ValueError, match="layer 1"):
        symmetry.collapse_tied(mh.MLP([2, 3, 3, 2]).init_random(seed=0))
    with pytest.raises(TypeError, match="net"):
        symmetry.collapse_tied("not a net")


def test_shared_row_floor_of_the_seed_targets():
    means, cost = symmetry.shared_row_floor(Y)
    np.testing.assert_allclose(means, [0.6, 0.2], rtol=0, atol=1e-15)
    assert cost == pytest.approx(0.4, abs=1e-15)
    # no shared row does better than the column means
    for row in ([0.6, 0.25], [0.55, 0.2], [0.2, 0.4]):
        assert mh.loss("sse", np.tile(row, (2, 1)), Y) > cost


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: symmetry.with_ones([1.0, 2.0]), ValueError, "activations"),
        (lambda: symmetry.stack_bias(np.ones((3, 2)), np.ones(3)), ValueError, "biases"),
        (lambda: symmetry.side_by_side(3, [1.0], [1.0]), TypeError, "symbol"),
        (lambda: symmetry.side_by_side("a", [1.0, 2.0], [1.0]), ValueError, "question"),
        (lambda: symmetry.question_steps(mh.MLP([2, 2], bias=False), X, Y), ValueError, "net"),
        (lambda: symmetry.question_steps(seed_net(), X, [[1.0]]), ValueError, "Y"),
        (lambda: symmetry.first_fit_step(mh.train(seed_net(), X, Y, 0.5, 1), X, Y, tol=0), ValueError, "tol"),
        (lambda: symmetry.first_fit_step(mh.train(seed_net(), X, Y, 0.5, 1), X, [[1.0]]), ValueError, "Y"),
        (lambda: symmetry.outputs_over_training(mh.train(seed_net(), X, Y, 0.5, 1), [[1.0]]), ValueError, "X"),
        (lambda: symmetry.outputs_over_training(mh.train(seed_net(), X, Y, 0.5, 1), X, ["sigmoid"]), ValueError,
         "activation"),
        (lambda: symmetry.outputs_over_training(mh.train(seed_net(), X, Y, 0.5, 1), X, "softplus"), ValueError,
         "activation"),
        (lambda: symmetry.shared_row_floor([1.0, 2.0]), ValueError, "Y"),
    ],
)
def test_bad_input_is_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_activations_over_training_are_the_forward_pass_at_each_step():
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=2)
    history = mh.train(net, X, Y, lr=0.5, iterations=20, record_every=10)
    hidden = symmetry.activations_over_training(history, X, 2)
    assert hidden.shape == (3, 2, 3)
    np.testing.assert_allclose(hidden[-1], net.forward(X)[2], rtol=0, atol=1e-14)
    np.testing.assert_array_equal(symmetry.activations_over_training(history, X, 3),
                                  symmetry.outputs_over_training(history, X))
    for bad in (0, 4, True, 1.5):
        with pytest.raises(ValueError, match="layer"):
            symmetry.activations_over_training(history, X, bad)


def test_gap_report_is_the_layer_by_layer_line_and_checks_its_inputs():
    case = cases.sigmoid_2_3_3_2()
    line = symmetry.gap_report("all ones", case.network(), case.X)
    acts = case.network().forward(case.X)
    assert line.startswith("all ones: largest |gap|, layers 0 to 3: ")
    assert len(line.splitlines()) == 2 and max(map(len, line.splitlines())) < 90
    assert f"[0.5, {round(float(abs(acts[1][0, 0] - acts[1][1, 0])), 4)}," in line
    slopes = [round(float(np.mean(a * (1 - a))), 3) for a in acts[1:4]]
    assert line.endswith(f"mean slope a(1 - a), layers 1 to 3: {slopes}") and "gap factor" not in line  # report 04BN, fix 10
    with pytest.raises(TypeError, match="name"):
        symmetry.gap_report(3, case.network(), case.X)
    with pytest.raises(ValueError, match="X of shape"):
        symmetry.gap_report("x", case.network(), np.ones((3, 2)))
    with pytest.raises(ValueError, match="three weight layers"):
        symmetry.gap_report("x", mh.MLP([2, 3, 2]), case.X)


def test_lesson_runs_names_every_run_once_and_builds_its_start():
    case = cases.sigmoid_2_3_3_2()
    runs, run_row, nets = symmetry.lesson_runs(case, iterations=1, weights_every=1)
    assert len(runs) == len(nets) == len(run_row) == 16 and sorted(run_row.values()) == list(range(16))
    assert run_row["ones"] == 0 and {"seed 0", "seed 9", "seed 0, lr 1", "seed 0, lr 4", "ones, lr 1", "ones, lr 2"} <= set(run_row)
    np.testing.assert_array_equal(first_start := runs.weights[0][run_row["ones, lr 2"], 0], np.ones((2, 3)))
    first = lambda name: runs.weights[0][run_row[name], 0]  # the recorded start of weights[0]
    np.testing.assert_array_equal(first("ones"), np.ones((2, 3)))
    np.testing.assert_array_equal(first("seed 0, lr 2"), first("seed 0"))
    np.testing.assert_array_equal(first("seed 3"), case.network().init_random(seed=3).weights[0])
    # one step in: the rates are 0.5 for the eleven lr-0.5 runs, then 1, 2 and 4 (seed 0's step scales with lr)
    moved = [runs.weights[0][run_row[name], 1] - first(name) for name in ("seed 0", "seed 0, lr 1", "seed 0, lr 4")]
    np.testing.assert_allclose(moved[1:], [2 * moved[0], 8 * moved[0]], rtol=1e-12)


def test_scaled_to_rms_keeps_signs_and_ratios_and_refuses_bad_input():
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=0)
    before = [p.copy() for p in (*net.weights, *net.biases)]
    scaled = symmetry.scaled_to_rms(net, 0.1)
    assert scaled is net
    after = np.concatenate([p.ravel() for p in (*net.weights, *net.biases)])
    assert np.isclose(np.sqrt(np.mean(after ** 2)), 0.1)
    ratio = after / np.concatenate([p.ravel() for p in before])
    assert np.allclose(ratio, ratio[0]) and ratio[0] > 0  # one positive factor for every parameter
    tied = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    assert mh.tied_units(symmetry.scaled_to_rms(tied, 0.1)) == mh.tied_units(mh.MLP([2, 3, 3, 2]).init_constant(1.0))
    for bad in (0, -0.1, float("nan")):
        with pytest.raises(ValueError, match="rms"):
            symmetry.scaled_to_rms(mh.MLP([2, 3, 3, 2]).init_random(seed=0), bad)
    with pytest.raises(TypeError, match="rms"):
        symmetry.scaled_to_rms(mh.MLP([2, 3, 3, 2]).init_random(seed=0), "0.1")
    with pytest.raises(ValueError, match="every weight and bias 0"):
        symmetry.scaled_to_rms(mh.MLP([2, 3, 3, 2]).init_constant(0.0), 0.1)
    with pytest.raises(TypeError):
        symmetry.scaled_to_rms("a network", 0.1)


def test_widest_unit_table_gives_each_start_its_widest_unit():
    case = cases.sigmoid_2_3_3_2()
    seed_0 = case.network().init_random(seed=0)
    lines = symmetry.widest_unit_table(case, {"all ones": case.network(), "seed 0": seed_0})
    a1, a2 = seed_0.forward(case.X)[1:3]
    j = int(np.argmax(np.abs(a2[0] - a2[1])))
    fields = lines[2].split()
    assert len(lines) == 3 and lines[0].startswith("step 0, unit j of largest |gap(a^2)|") and lines[1].split()[:3] == ["all", "ones", "0"]
    assert fields[2:] == [str(j), f"{abs((a1[0] - a1[1]) @ seed_0.weights[1][:, j]):.3g}", f"{(a2[:, j] * (1 - a2[:, j])).mean():.3f}",
                          f"{abs(a2[0, j] - a2[1, j]):.3g}"]
    with pytest.raises(TypeError):
        symmetry.widest_unit_table(case, {"a network": "net"})


def test_params_rms_is_the_root_mean_square_of_every_weight_and_bias():
    """r141 (section 9's `rms` column): every entry of every W_l and b_l counted once."""
    net = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    assert symmetry.params_rms(net) == 1.0
    random = mh.MLP([2, 3, 3, 2]).init_random(seed=0)
    every = np.concatenate([p.ravel() for p in (*random.weights, *random.biases)])
    assert symmetry.params_rms(random) == pytest.approx(np.sqrt(np.mean(every ** 2)))
    assert symmetry.params_rms(symmetry.scaled_to_rms(random, 0.1)) == pytest.approx(0.1)
    with pytest.raises(TypeError):
        symmetry.params_rms("a network")


def test_wrong_order_spans_finds_each_outputs_runs():
    """r141 (section 8a's `wrong order` line): the runs of recorded steps where an output's rows are in the wrong order."""
    Y = np.array([[0.2, 0.4], [1.0, 0.0]])  # output [0] wrong while row 0 > row 1, output [1] while row 0 < row 1
    steps = np.arange(0, 60, 10)
    outputs = np.zeros((6, 2, 2))  # (T, 2, n)
    outputs[:, 0, 0] = [1, 1, -1, -1, -1, -1]  # wrong at steps 0 and 10
    outputs[:, 0, 1] = [1, -1, -1, 1, -1, -1]  # wrong at 10 and 20, and from 40 to the end
    assert symmetry.wrong_order_spans(steps, outputs, Y) == [[(0, 20)], [(10, 30), (40, None)]]
    assert symmetry.wrong_order_spans(steps, np.zeros((6, 2, 2)), Y) == [[], []]  # equal rows: in no order
    with pytest.raises(ValueError, match="must agree"):
        symmetry.wrong_order_spans(steps, outputs[:3], Y)


def test_widened_gap_change_recomputes_the_cost():
    """Notebook 04, 8a's `wider gap` line: widen gap(a^2) about the rows' mean, hold W_2 and b_2, recompute C."""
    a2, W2, b2 = np.array([[0.9, 0.8], [0.7, 0.6]]), np.array([[1.0, -2.0], [0.5, 1.0]]), np.array([0.1, -0.3])
    Y = np.array([[0.2, 1.0], [0.9, 0.0]])
    wider = np.array([[0.91, 0.81], [0.69, 0.59]])  # gap 0.2 -> 0.22, mean 0.8 and 0.7 kept
    cost = lambda a: ((1 / (1 + np.exp(-(a @ W2 + b2))) - Y) ** 2).sum()
    assert symmetry.widened_gap_change(a2, W2, b2, Y, widen=0.1) == pytest.approx(cost(wider) - cost(a2), rel=1e-9)
    assert symmetry.widened_gap_change(a2, W2, b2, Y, widen=0.0) == 0.0
    # to first order in widen, the change is widen times the derivative along the widening (a central difference)
    h = 1e-6
    slope = (symmetry.widened_gap_change(a2, W2, b2, Y, widen=h) - symmetry.widened_gap_change(a2, W2, b2, Y, widen=-h)) / (2 * h)
    assert symmetry.widened_gap_change(a2, W2, b2, Y, widen=1e-3) == pytest.approx(1e-3 * slope, rel=1e-2)
    with pytest.raises(ValueError, match="must agree"):
        symmetry.widened_gap_change(a2[:1], W2, b2, Y)
