"""Backpropagation against finite differences on many random networks."""

import warnings

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import network


def random_problem(seed, loss="sse"):
    """A random architecture (depth 1-4, widths 1-5), activations, bias flag and data; for
    cross-entropy a sigmoid output layer and targets in [0, 1]."""
    rng = np.random.default_rng(seed)
    depth = int(rng.integers(1, 5))
    sizes = [int(n) for n in rng.integers(1, 6, size=depth + 1)]
    activation = [str(rng.choice(["sigmoid", "linear", "tanh", "relu"])) for _ in range(depth)]
    if loss == "cross_entropy":
        activation[-1] = "sigmoid"
    bias = bool(rng.integers(0, 2))
    net = mh.MLP(sizes, activation=activation, bias=bias).init_random(seed=seed, scale=0.8)
    m = int(rng.integers(1, 6))
    X = rng.normal(size=(m, sizes[0]))
    Y = rng.uniform(*((0, 1) if loss == "cross_entropy" else (-1, 1)), size=(m, sizes[-1]))
    if kink_distance(net, X) < 0.01:
        # a difference 2e-3 wide would straddle ReLU's kink, where there is no derivative to compare
        net.activation = ["tanh" if f == "relu" else f for f in net.activation]
    return net, X, Y


def kink_distance(net, X):
    """The smallest |z| over every ReLU unit and observation (inf without ReLU layers)."""
    a, closest = X, np.inf
    for W, f, b in zip(net.weights, net.activation, net.biases or [0.0] * net.n_layers):
        z = a @ W + b
        if f == "relu":
            closest = min(closest, float(np.abs(z).min()))
        a = mh.activations.activate(f, z)
    return closest


@pytest.mark.parametrize("loss", mh.LOSS_NAMES)
@pytest.mark.parametrize("seed", range(50))
def test_backprop_matches_finite_differences(seed, loss):
    net, X, Y = random_problem(seed, loss)
    # The five-point difference is accurate to ~1e-13, so 1e-7 leaves no room for a wrong gradient.
    error = mh.gradient_check(net, X, Y, loss, eps=1e-3, order=4)
    assert error < 1e-7, (net, error)


@pytest.mark.parametrize("loss", ["sse", "cross_entropy"])
def test_every_activation_is_among_the_random_problems(loss):
    kinds = [f for seed in range(50) for f in random_problem(seed, loss)[0].activation]
    assert min(kinds.count(f) for f in ("sigmoid", "linear", "tanh", "relu")) >= 10, kinds


@pytest.mark.parametrize("loss", mh.LOSS_NAMES)
def test_the_hand_formula_agrees_on_the_seed_problem(seed001, loss):
    net, X, Y = seed001
    net.init_random(seed=2)
    # (L(p + eps) - L(p - eps)) / (2 eps) with eps = 1e-6, the formula the notebooks show
    assert mh.gradient_check(net, X, Y, loss) < 1e-7


def test_numerical_gradients_are_shaped_like_the_parameters(seed001):
    net, X, Y = seed001
    dW, db = mh.numerical_gradients(net, X, Y, "sse")
    assert [g.shape for g in dW] == [(2, 3), (3, 3), (3, 2)]
    assert [g.shape for g in db] == [(3,), (3,), (2,)]
    np.testing.assert_allclose(db[2], [0.0288126, 0.0596958], rtol=0, atol=2e-6)
    with pytest.raises(ValueError, match="order must be 2 or 4"):
        mh.numerical_gradients(net, X, Y, "sse", order=3)


def test_gradient_check_catches_a_wrong_gradient(seed001, monkeypatch):
    net, X, Y = seed001
    net.init_random(seed=1)
    assert mh.gradient_check(net, X, Y, "sse") < 1e-7
    # A backward pass that forgets the sigmoid's slope must be caught.
    monkeypatch.setattr(mh.network, "slope", lambda name, a: np.ones_like(a))
    assert mh.gradient_check(net, X, Y, "sse") > 1e-2


def test_gradients_keep_the_parameters_shapes(seed001):
    net, X, Y = seed001
    dW, db = net.gradients(X, Y)
    assert [g.shape for g in dW] == [(2, 3), (3, 3), (3, 2)]
    assert [g.shape for g in db] == [(3,), (3,), (2,)]


def test_gradients_reuse_the_forward_cache(seed001, monkeypatch):
    net, X, Y = seed001
    calls = []
    original = network.feedforward
    monkeypatch.setattr(network, "feedforward", lambda net, X: calls.append(1) or original(net, X))
    net.gradients(X, Y)
    assert len(calls) == 1


def test_losses_and_their_scaling():
    Y_hat = np.array([[0.5, 1.0], [2.0, -1.0], [0.0, 0.0]])
    Y = np.array([[0.0, 1.0], [1.0, 1.0], [0.0, 2.0]])
    total = 0.25 + 0 + 1 + 4 + 0 + 4  # sum of squared errors = 9.25
    assert mh.loss("sse", Y_hat, Y) == pytest.approx(total)
    assert mh.loss("half_sse", Y_hat, Y) == pytest.approx(total / 2)
    assert mh.loss("mse", Y_hat, Y) == pytest.approx(total / 3)
    assert mh.loss("half_mse", Y_hat, Y) == pytest.approx(total / 6)
    np.testing.assert_allclose(mh.loss_gradient("sse", Y_hat, Y), 2 * (Y_hat - Y))
    np.testing.assert_allclose(mh.loss_gradient("half_mse", Y_hat, Y), (Y_hat - Y) / 3)


def test_sigmoid_is_stable_at_extreme_inputs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = mh.sigmoid(np.array([1e4, -800.0, -1e4, 0.0, 2.2]))
    np.testing.assert_allclose(values, [1.0, 0.0, 0.0, 0.5, 0.9002495108803148], rtol=1e-15, atol=0)
    assert mh.sigmoid(np.array([-30.0]))[0] == pytest.approx(9.357622968840175e-14, rel=1e-13)


def test_backward_takes_the_cache_that_forward_returns(seed001):
    net, X, Y = seed001
    activations = net.forward(X)
    assert [a.shape for a in activations] == [(2, 2), (2, 3), (2, 3), (2, 2)]
    dW, db = net.backward(activations, Y, "sse")
    expected_dW, expected_db = net.gradients(X, Y, "sse")
    assert all(np.array_equal(a, b) for a, b in zip(dW + db, expected_dW + expected_db))


def test_backward_rejects_what_forward_did_not_return(seed001):
    net, X, Y = seed001
    with pytest.raises(TypeError, match="activations must be the list"):
        net.backward(net.forward(X)[1:], Y)
    with pytest.raises(ValueError, match=r"activations\[1\] must have 3 column\(s\)"):
        net.backward([X, X, X, X], Y)
    with pytest.raises(ValueError, match="Y must have 2 row"):
        net.backward(net.forward(X), Y[:1])
