"""mlp_helpers.lessons.linear_regression: seed 000's linear 2-2-1 network, its slope and its formulas."""

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import linear_regression as linreg


def linear_net(sizes=(2, 2, 1), seed=0):
    return mh.MLP(list(sizes), activation="linear", bias=False).init_random(seed=seed)


def split_data(a, m=11, seed=0, slope=1.8):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=m)
    X = np.column_stack([a * x, (1 - a) * x])
    Y = (slope * x + rng.normal(0, 0.1, size=m))[:, None]
    return x, X, Y


def hand_net():
    # answer names: w111=1, w121=2, w112=3, w122=4, w211=5, w212=6
    return mh.MLP([2, 2, 1], activation="linear", bias=False).set_params(
        [np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0], [6.0]])]
    )


def test_answer_weight_names_map_to_weights_from_to():
    net = hand_net()
    values = {name: net.weights[l][i, j] for name, (l, i, j) in linreg.ANSWER_WEIGHTS.items()}
    assert values == {"w111": 1.0, "w121": 2.0, "w112": 3.0, "w122": 4.0, "w211": 5.0, "w212": 6.0}


def test_forward_terms_by_hand():
    # x1 = 1, x2 = 2: z11 = 1*1 + 3*2 = 7, z12 = 2*1 + 4*2 = 10, z_b = 5*7 + 6*10 = 95
    z = linreg.forward_terms(hand_net(), [[1.0, 2.0]])
    assert (z["z11"][0], z["z12"][0], z["z_b"][0]) == (7.0, 10.0, 95.0)


def test_answer_gradients_by_hand():
    # one observation, y = 0, so y' - y = 95 and dC/dw = 95 * dz_b/dw
    dW = linreg.answer_gradients(hand_net(), [[1.0, 2.0]], [[0.0]])
    np.testing.assert_array_equal(dW[0], [[95 * 1 * 5, 95 * 1 * 6], [95 * 2 * 5, 95 * 2 * 6]])
    np.testing.assert_array_equal(dW[1], [[95 * 7], [95 * 10]])


@pytest.mark.parametrize("seed", range(6))
def test_answer_gradients_match_backprop_and_finite_differences(seed):
    a = 0.1 + 0.15 * seed
    _, X, Y = split_data(a, seed=seed)
    net = linear_net(seed=seed)
    formula = linreg.answer_gradients(net, X, Y)
    backprop, _ = net.gradients(X, Y, loss="half_mse")
    numeric, _ = mh.numerical_gradients(net, X, Y, "half_mse")
    for l in range(2):
        np.testing.assert_allclose(formula[l], backprop[l], rtol=1e-12, atol=1e-15)
        assert mh.relative_error(formula[l], numeric[l]) < 1e-7


def test_answer_partials_are_per_observation():
    _, X, _ = split_data(0.3, m=5)
    partials = linreg.answer_partials(linear_net(seed=2), X)
    assert sorted(partials) == sorted(linreg.ANSWER_WEIGHTS)
    assert all(p.shape == (5,) for p in partials.values())


def test_question_gradients_repeat_across_hidden_units_and_are_wrong():
    _, X, Y = split_data(0.3, seed=1)
    net = linear_net(seed=1)
    mistaken = linreg.question_gradients(net, X, Y)
    assert mistaken.shape == (2, 2)
    np.testing.assert_array_equal(mistaken[:, 0], mistaken[:, 1])
    y_hat = net.predict(X)[:, 0]
    expected = [np.mean((Y[:, 0] - y_hat) * X[:, k]) for k in range(2)]
    np.testing.assert_allclose(mistaken[:, 0], expected, rtol=1e-12)
    correct, _ = net.gradients(X, Y, loss="half_mse")
    assert mh.relative_error(mistaken, correct[0]) > 0.1


def test_question_gradients_by_hand():
    # y - y' = 0 - 95; column k is (y - y') x_k for both hidden units
    np.testing.assert_array_equal(
        linreg.question_gradients(hand_net(), [[1.0, 2.0]], [[0.0]]), [[-95.0, -95.0], [-190.0, -190.0]]
    )


def test_end_to_end_matrix_is_the_network_for_any_depth():
    net = linear_net(sizes=(3, 4, 2, 2), seed=5)
    X = np.random.default_rng(5).normal(size=(6, 3))
    P = mh.end_to_end_matrix(net)
    assert P.shape == (3, 2)
    np.testing.assert_allclose(X @ P, net.predict(X), rtol=1e-12, atol=1e-14)


def test_effective_slope_by_hand_and_as_prediction_over_x():
    # c = a (w111 w211 + w121 w212) + (1 - a)(w112 w211 + w122 w212) = 0.25*17 + 0.75*39
    assert mh.effective_slope(hand_net(), 0.25) == 33.5
    x, X, _ = split_data(0.7, seed=3)
    net = linear_net(seed=3)
    np.testing.assert_allclose(net.predict(X)[:, 0], mh.effective_slope(net, 0.7) * x, rtol=1e-12)


def test_slope_history_follows_training():
    x, X, Y = split_data(0.3, seed=4)
    net = linear_net(seed=4)
    start = mh.effective_slope(net, 0.3)
    history = mh.train(net, X, Y, lr=0.5, iterations=30, loss="half_mse", record_every=10)
    c = mh.slope_history(history, 0.3)
    assert c.shape == (4,)
    assert c[0] == pytest.approx(start, rel=1e-14)
    assert c[-1] == pytest.approx(mh.effective_slope(net, 0.3), rel=1e-14)


def test_least_squares_slope_by_hand_and_against_lstsq():
    assert mh.least_squares_slope([1.0, 2.0], [2.0, 3.0]) == pytest.approx(8.0 / 5.0, rel=1e-15)
    x, _, Y = split_data(0.5, m=30, seed=7)
    expected = np.linalg.lstsq(x[:, None], Y, rcond=None)[0][0, 0]
    assert mh.least_squares_slope(x, Y) == pytest.approx(expected, rel=1e-12)
    assert mh.least_squares_slope(x, Y[:, 0]) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("init", ["constant", "random"])
def test_training_reaches_the_least_squares_slope(init):
    x, X, Y = split_data(0.3, m=20, seed=8)
    net = linear_net(seed=8)
    if init == "constant":
        net.init_constant(0.5)
    mh.train(net, X, Y, lr=1.0, iterations=1000, loss="half_mse")
    assert abs(mh.effective_slope(net, 0.3) - mh.least_squares_slope(x, Y)) < 1e-9


def test_bad_networks_are_refused():
    sigmoid = mh.MLP([2, 2, 1], activation="sigmoid", bias=False)
    with_bias = mh.MLP([2, 2, 1], activation="linear", bias=True)
    wide = linear_net(sizes=(2, 3, 1))
    for net in (sigmoid, with_bias):
        with pytest.raises(ValueError, match="net must be a linear network"):
            mh.end_to_end_matrix(net)
    with pytest.raises(ValueError, match=r"net must have sizes \[2, 2, 1\]"):
        linreg.answer_gradients(wide, [[1.0, 2.0]], [[0.0]])
    with pytest.raises(ValueError, match="net must have 2 inputs and 1 output"):
        mh.effective_slope(linear_net(sizes=(2, 2, 2)), 0.3)
    with pytest.raises(TypeError, match=r"net must be an MLP \(mlp_helpers.MLP\)"):
        mh.end_to_end_matrix([np.eye(2)])


def test_bad_arguments_are_refused():
    net = linear_net()
    for a in (0.0, 1.0, -0.2, 1.5):
        with pytest.raises(ValueError, match="a must lie strictly between 0 and 1"):
            mh.effective_slope(net, a)
    with pytest.raises(TypeError, match="a must be a real number"):
        mh.effective_slope(net, "0.3")
    with pytest.raises(ValueError, match="x must be a 1-D array"):
        mh.least_squares_slope([[1.0, 2.0]], [1.0, 2.0])
    with pytest.raises(ValueError, match=r"y must have shape \(2,\) or \(2, 1\)"):
        mh.least_squares_slope([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="x must contain at least one non-zero value"):
        mh.least_squares_slope([0.0, 0.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="X must have 2 column"):
        linreg.answer_gradients(net, [[1.0, 2.0, 3.0]], [[0.0]])
    with pytest.raises(ValueError, match="Y must have 1 row"):
        linreg.question_gradients(net, [[1.0, 2.0]], [[0.0], [1.0]])


@pytest.mark.parametrize("sizes, seed, a", [((2, 2, 1), 0, 0.3), ((2, 3, 1), 4, 0.8)])
def test_slope_sensitivity_is_the_sum_of_squared_slope_derivatives(sizes, seed, a):
    net = linear_net(sizes, seed)
    c0, eps, by_differences = mh.effective_slope(net, a), 1e-6, 0.0
    for l, W in enumerate(net.weights):
        for index in np.ndindex(W.shape):
            up, down = net.copy(), net.copy()
            up.weights[l][index] += eps
            down.weights[l][index] -= eps
            by_differences += ((mh.effective_slope(up, a) - mh.effective_slope(down, a)) / (2 * eps)) ** 2
    assert linreg.slope_sensitivity(net, a) == pytest.approx(by_differences, rel=1e-8)
    # by hand for the hand net at a = 0.5: dc/dW0[k, j] = 0.5 W1[j], dc/dW1[j] = 0.5 (W0[0, j] + W0[1, j])
    by_hand = 0.25 * 2 * (25 + 36) + 0.25 * ((1 + 3) ** 2 + (2 + 4) ** 2)
    assert linreg.slope_sensitivity(hand_net(), 0.5) == pytest.approx(by_hand, rel=1e-15)
    assert c0 == pytest.approx(mh.effective_slope(net, a))


def test_slope_sensitivity_gives_the_per_step_factor_of_compare_splits():
    (row,) = linreg.compare_splits([0.3])
    from mlp_helpers import cases

    case = cases.linear_2_2_1(a=0.3)
    net, history = case.train(case.network())
    x = case.X.sum(axis=1)
    gap = np.abs(mh.slope_history(history, 0.3) - row["c_star"])
    assert row["constant"]["factor"] == pytest.approx(1 - 0.1 * np.mean(x**2) * linreg.slope_sensitivity(net, 0.3), rel=1e-14)
    assert row["constant"]["factor"] == pytest.approx((gap[250] / gap[200]) ** (1 / 50), abs=1e-4)
    # last_stretch: the steps from the first step with gap < 0.01 to the first with gap < 1e-6
    assert row["constant"]["last_stretch"] == int(np.argmax(gap < 1e-6)) - int(np.argmax(gap < 1e-2)) == 94
    (wide,) = linreg.compare_splits([0.3], stretch_from=0.1)
    assert wide["constant"]["last_stretch"] > row["constant"]["last_stretch"]
    # by hand: the sum over weights[0] and the sum over weights[1] of (dc/dw)^2
    W0, W1 = net.weights
    by_hand = 0.58 * np.sum(W1**2) + (0.3 * W0[0, 0] + 0.7 * W0[1, 0]) ** 2 + (0.3 * W0[0, 1] + 0.7 * W0[1, 1]) ** 2
    assert linreg.slope_sensitivity(net, 0.3) == pytest.approx(by_hand, rel=1e-13)


def test_slope_sensitivity_refuses_other_networks():
    with pytest.raises(ValueError, match=r"net must have sizes \[2, n, 1\]"):
        linreg.slope_sensitivity(linear_net(sizes=(2, 2, 2, 1)), 0.3)
    with pytest.raises(ValueError, match="net must be a linear network"):
        linreg.slope_sensitivity(mh.MLP([2, 2, 1], activation="sigmoid", bias=False), 0.3)
    with pytest.raises(ValueError, match="a must lie strictly between 0 and 1"):
        linreg.slope_sensitivity(linear_net(), 1.0)
