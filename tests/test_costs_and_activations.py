"""Cross-entropy, tanh and ReLU in the core (issue 24): values, slopes, the output delta a - y,
finite differences, and every tool that trains or differentiates a network accepting them."""

import warnings

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import activations, losses, paths

import test_ensemble
from test_ensemble import assert_same_as_train

Z = np.linspace(-4.0, 4.0, 17) + 0.1  # + 0.1: no z sits on ReLU's kink at 0


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "linear"])
def test_each_slope_from_the_output_is_the_derivative(name):
    h = 1e-6
    numeric = (activations.activate(name, Z + h) - activations.activate(name, Z - h)) / (2 * h)
    from_output = activations.slope(name, activations.activate(name, Z))
    np.testing.assert_allclose(from_output, numeric, rtol=0, atol=1e-9)


def test_tanh_and_relu_values():
    np.testing.assert_array_equal(activations.activate("relu", np.array([-2.0, 0.0, 3.5])), [0.0, 0.0, 3.5])
    np.testing.assert_array_equal(activations.slope("relu", np.array([0.0, 3.5])), [0.0, 1.0])
    assert activations.activate("tanh", np.array([0.5]))[0] == pytest.approx(0.46211715726000974, rel=1e-15)
    assert activations.slope("tanh", np.array([0.0]))[0] == 1.0


def test_cross_entropy_by_hand():
    Y_hat = np.array([[0.9, 0.2], [0.6, 0.5]])
    Y = np.array([[1.0, 0.0], [0.25, 1.0]])
    by_hand = -(np.log(0.9) + np.log(0.8) + 0.25 * np.log(0.6) + 0.75 * np.log(0.4) + np.log(0.5))
    assert mh.loss("cross_entropy", Y_hat, Y) == pytest.approx(by_hand, rel=1e-15)
    expected = (Y_hat - Y) / (Y_hat * (1 - Y_hat))  # -y/a + (1 - y)/(1 - a)
    np.testing.assert_allclose(mh.loss_gradient("cross_entropy", Y_hat, Y), expected, rtol=1e-15)


def test_a_saturated_right_output_costs_zero_and_a_wrong_one_infinity():
    assert mh.loss("cross_entropy", [[1.0, 0.0]], [[1.0, 0.0]]) == 0.0  # 0 log 0 = 0, no NaN
    with pytest.raises(ValueError, match="the loss is inf"):
        mh.loss("cross_entropy", [[1.0]], [[0.0]])


def test_the_output_delta_of_cross_entropy_with_sigmoid_outputs_is_a_minus_y():
    rng = np.random.default_rng(4)
    z = rng.normal(0.0, 3.0, size=(5, 3))
    Y = rng.uniform(0, 1, size=(5, 3))
    a = mh.sigmoid(z)
    # the package's delta is a - y exactly; the chain rule dC/da * a(1 - a) agrees to rounding
    np.testing.assert_array_equal(losses.output_delta("cross_entropy", "sigmoid", a, Y), a - Y)
    np.testing.assert_allclose(mh.loss_gradient("cross_entropy", a, Y) * a * (1 - a), a - Y, rtol=0, atol=1e-15)
    # and finite differences of C(sigmoid(z)) in each z
    h = 1e-6
    for index in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[index] += h
        down[index] -= h
        numeric = (mh.loss("cross_entropy", mh.sigmoid(up), Y) - mh.loss("cross_entropy", mh.sigmoid(down), Y)) / (2 * h)
        assert numeric == pytest.approx((a - Y)[index], abs=1e-8)


def test_the_sum_of_squares_keeps_the_slope_that_cross_entropy_cancels():
    a, y = np.array([[0.99]]), np.array([[1.0]])
    sse_delta = losses.output_delta("sse", "sigmoid", a, y)
    assert (sse_delta / (2 * (a - y))).item() == pytest.approx(0.0099, rel=1e-12)  # a(1 - a) at 0.99
    assert losses.output_delta("cross_entropy", "sigmoid", a, y).item() == pytest.approx(-0.01, rel=1e-12)


def test_the_loss_difference_needs_no_cancellation():
    Y = np.array([[1.0, 0.0, 0.3]])
    A = np.array([[0.7, 0.2, 0.5]])
    B = A + 1e-9
    direct = losses.loss_difference("cross_entropy", A, B, Y)  # C(A) - C(B), B = A + 1e-9
    assert direct == pytest.approx(-1e-9 * float(np.sum(losses.scaled_error("cross_entropy", A, Y))), rel=1e-6)


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("loss", ["sse", "cross_entropy"])
def test_gradients_match_finite_differences_on_the_question(seed001, hidden, loss):
    _, X, Y = seed001
    net = mh.MLP([2, 3, 3, 2], activation=[hidden, hidden, "sigmoid"]).init_random(seed=3)
    assert mh.gradient_check(net, X, Y, loss, eps=1e-3, order=4) < 1e-8


@pytest.mark.parametrize("hidden", ["tanh", "relu"])
@pytest.mark.parametrize("loss", ["sse", "cross_entropy"])
def test_path_sums_equal_backprop_with_the_new_pieces(hidden, loss):
    net = mh.MLP([2, 3, 2], activation=[hidden, "sigmoid"]).init_random(seed=6, scale=0.9)
    x, y = np.array([0.8, 0.4]), np.array([0.2, 0.9])
    dW, db = net.gradients(x[None, :], y[None, :], loss=loss)
    pW, pb = paths.path_gradients(net, x, y, loss=loss)
    for backprop, by_paths in zip(dW + db, pW + pb):
        np.testing.assert_allclose(by_paths, backprop, rtol=0, atol=1e-13)
    formulas = [f.formula for p in paths.chain_rule_paths(net, x, y, ("w", 0, 0, 0), loss=loss).paths for f in p.factors]
    assert any(("1 - (a^{1}_{1})^2" if hidden == "tanh" else r"\mathbb{1}[a^{1}_{1} > 0]") in f for f in formulas), formulas
    assert any(r"\frac{" in f for f in formulas) == (loss == "cross_entropy")


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("loss", ["sse", "cross_entropy"])
def test_train_many_is_train_with_the_new_pieces(seed001, hidden, loss, monkeypatch):
    _, X, Y = seed001
    # train_many's einsum sums in another order than train's matmul; with tanh's steeper slopes
    # (up to 1, against the sigmoid's 1/4) the last-bit differences grow to about 3e-11 in 60 steps
    monkeypatch.setattr(test_ensemble, "RTOL", 1e-9)
    starts = [mh.MLP([2, 3, 3, 2], activation=[hidden, hidden, "sigmoid"]).init_random(s) for s in range(4)]
    assert_same_as_train(starts, X, Y, 0.5, 60, loss=loss)


def test_cross_entropy_from_all_ones_fits_sooner(seed001):
    _, X, Y = seed001
    ones = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    runs = mh.train_many([ones.copy(), ones.copy()], X, Y, 0.5, 16000, weights_every=0)
    ce = mh.train_many([ones.copy()], X, Y, 0.5, 16000, loss="cross_entropy", weights_every=0)
    assert ce.fit_steps(0.01)[0] == 3071 and runs.fit_steps(0.01)[0] == 14575


@pytest.mark.parametrize("hidden", ["tanh", "relu"])
def test_a_zero_start_is_dead_for_tanh_and_relu(seed001, hidden):
    _, X, Y = seed001
    net = mh.MLP([2, 3, 3, 2], activation=[hidden, hidden, "sigmoid"]).init_constant(0.0)
    mh.train(net, X, Y, 0.5, 200, loss="cross_entropy")
    assert all(not W.any() for W in net.weights) and not net.biases[0].any() and not net.biases[1].any()
    assert net.biases[2].any()  # only the output bias moved


def test_cross_entropy_refuses_what_it_cannot_score(seed001):
    _, X, Y = seed001
    linear = mh.MLP([2, 2], activation="linear")
    with pytest.raises(ValueError, match="needs a sigmoid output layer"):
        linear.gradients(X, Y, loss="cross_entropy")
    net = mh.MLP([2, 3, 2])
    for call in (lambda: net.gradients(X, Y + 1, loss="cross_entropy"),
                 lambda: mh.train(net, X, Y - 1, 0.5, 1, loss="cross_entropy"),
                 lambda: mh.train_many([net], X, Y * 2, 0.5, 1, loss="cross_entropy"),
                 lambda: mh.gradient_check(net, X, -Y, "cross_entropy")):
        with pytest.raises(ValueError, match=r"Y must lie in \[0, 1\] for loss='cross_entropy'"):
            call()
    with pytest.raises(ValueError, match="Y_hat must lie in"):
        mh.loss("cross_entropy", [[1.5]], [[1.0]])
    with pytest.raises(ValueError, match="Y_hat must lie strictly between 0 and 1"):
        mh.loss_gradient("cross_entropy", [[1.0]], [[1.0]])
    with pytest.raises(ValueError, match="needs a sigmoid output layer"):
        paths.chain_rule_paths(linear, X[0], Y[0], ("w", 0, 0, 0), loss="cross_entropy")


def test_a_saturated_wrong_output_stops_training_as_divergence():
    net = mh.MLP([1, 1]).set_params([[[60.0]]], [[0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="before any step"):
            mh.train(net, [[40.0]], [[0.0]], 0.5, 3, loss="cross_entropy")
