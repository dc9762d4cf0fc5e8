"""Bad input gets a TypeError/ValueError that names the argument; nothing fails silently."""

import warnings

import numpy as np
import pytest

import mlp_helpers as mh

X = [[0.8, 0.4], [0.3, 0.3]]
Y = [[0.2, 0.4], [1.0, 0.0]]


def net():
    return mh.MLP([2, 3, 3, 2]).init_constant(1.0)


@pytest.mark.parametrize(
    "sizes, error, words",
    [
        ([2], ValueError, "at least two layers"),
        ([], ValueError, "at least two layers"),
        ([2, 0, 1], ValueError, r"sizes\[1\] must be at least 1"),
        ([2, -3, 1], ValueError, r"sizes\[1\] must be at least 1"),
        ([2, 2.5, 1], ValueError, r"sizes\[1\] must be a whole number"),
        ([2, "3", 1], TypeError, r"sizes\[1\] must be a whole number"),
        ("23", TypeError, "sizes must be a list"),
        (5, TypeError, "sizes must be a list"),
    ],
)
def test_bad_sizes(sizes, error, words):
    with pytest.raises(error, match=words):
        mh.MLP(sizes)


def test_integral_float_sizes_are_accepted():
    assert mh.MLP([2.0, 3, 1]).sizes == [2, 3, 1]


@pytest.mark.parametrize(
    "activation, error, words",
    [
        ("softplus", ValueError, "activation must be one of"),
        (["sigmoid"], ValueError, r"one function per weight layer \(3\), got \['sigmoid'\]"),
        (["sigmoid", "linear", "elu"], ValueError, "activation must be one of"),
        (None, TypeError, "activation must be a name or a list"),
    ],
)
def test_bad_activation(activation, error, words):
    with pytest.raises(error, match=words):
        mh.MLP([2, 3, 3, 2], activation=activation)


def test_bad_bias_flag():
    with pytest.raises(TypeError, match="bias must be True or False"):
        mh.MLP([2, 1], bias="yes")


@pytest.mark.parametrize(
    "data, error, words",
    [
        ([[0.8, 0.4, 1.0]], ValueError, r"X must have 2 column\(s\)"),
        ([0.8, 0.4], ValueError, r"X must be a 2-D array of shape \(m, 2\)"),
        (np.zeros((0, 2)), ValueError, "at least one observation"),
        ([["a", "b"]], TypeError, "X must be an array of real numbers, got text"),
        ([[np.nan, 0.4]], ValueError, "X contains NaN or inf"),
        ([[np.inf, 0.4]], ValueError, "X contains NaN or inf"),
        ("0.8", TypeError, "X must be an array of real numbers, got text"),
    ],
)
def test_bad_X(data, error, words):
    with pytest.raises(error, match=words):
        net().forward(data)
    with pytest.raises(error, match=words):
        net().gradients(data, Y)


@pytest.mark.parametrize(
    "targets, error, words",
    [
        ([[0.2, 0.4]], ValueError, r"Y must have 2 row\(s\), one per row of X, got 1"),
        ([[0.2], [1.0]], ValueError, r"Y must have 2 column\(s\)"),
        ([[0.2, np.nan], [1.0, 0.0]], ValueError, "Y contains NaN or inf"),
        ([[None, 0.4], [1.0, 0.0]], TypeError, "Y must be an array of real numbers, got things that are not numbers"),
        ([[{}, 0.4], [1.0, 0.0]], TypeError, "Y must be an array of real numbers, got things that are not numbers"),
    ],
)
def test_bad_Y(targets, error, words):
    with pytest.raises(error, match=words):
        net().gradients(X, targets)
    with pytest.raises(error, match=words):
        mh.train(net(), X, targets, lr=0.5, iterations=1)


@pytest.mark.parametrize("name", ["mae", "SSE", "crossentropy"])
def test_unknown_loss(name):
    with pytest.raises(ValueError, match="loss must be one of"):
        net().gradients(X, Y, loss=name)
    with pytest.raises(ValueError, match="loss must be one of"):
        mh.loss(name, Y, Y)
    with pytest.raises(ValueError, match="loss must be one of"):
        mh.train(net(), X, Y, lr=0.5, iterations=1, loss=name)


def test_loss_shapes_must_match():
    with pytest.raises(ValueError, match=r"Y must have the same shape as Y_hat \(2, 2\)"):
        mh.loss("sse", Y, [[1.0, 2.0, 3.0]])
    with pytest.raises(TypeError, match="loss must be one of"):
        mh.loss(None, Y, Y)


@pytest.mark.parametrize(
    "lr, error, words",
    [
        (0, ValueError, "lr must be greater than 0"),
        (-0.1, ValueError, "lr must be greater than 0"),
        (float("nan"), ValueError, "lr must be a finite number"),
        (float("inf"), ValueError, "lr must be a finite number"),
        ("0.5", TypeError, "lr must be a real number"),
        (None, TypeError, "lr must be a real number"),
    ],
)
def test_bad_learning_rate(lr, error, words):
    with pytest.raises(error, match=words):
        mh.train(net(), X, Y, lr=lr, iterations=10)


@pytest.mark.parametrize(
    "iterations, error, words",
    [
        (-1, ValueError, "iterations must be at least 0"),
        (2.5, ValueError, "iterations must be a whole number"),
        ("10", TypeError, "iterations must be a whole number"),
        (True, TypeError, "iterations must be a whole number"),
    ],
)
def test_bad_iterations(iterations, error, words):
    with pytest.raises(error, match=words):
        mh.train(net(), X, Y, lr=0.5, iterations=iterations)


def test_zero_iterations_and_float_counts():
    history = mh.train(net(), X, Y, lr=0.5, iterations=0)
    assert list(history.iterations) == [0] and history.loss.shape == (1,)
    assert len(mh.train(net(), X, Y, lr=0.5, iterations=1e1)) == 11
    with pytest.raises(ValueError, match="record_every must be at least 1"):
        mh.train(net(), X, Y, lr=0.5, iterations=3, record_every=0)


def test_set_params_checks_layers_and_shapes():
    n = net()
    good = [np.ones((2, 3)), np.ones((3, 3)), np.ones((3, 2))]
    with pytest.raises(ValueError, match=r"weights must hold 3 arrays, one per layer, got 2"):
        n.set_params(good[:2])
    with pytest.raises(ValueError, match=r"weights\[1\] must have shape \(3, 3\), got shape \(3, 2\)"):
        n.set_params([good[0], np.ones((3, 2)), good[2]])
    with pytest.raises(ValueError, match=r"biases\[2\] must have shape \(2,\), got shape \(3,\)"):
        n.set_params(good, [np.ones(3), np.ones(3), np.ones(3)])
    with pytest.raises(ValueError, match=r"weights\[0\] contains NaN or inf"):
        n.set_params([np.full((2, 3), np.nan), good[1], good[2]])
    with pytest.raises(TypeError, match="weights must be a list with one array per layer"):
        n.set_params(np.ones((2, 3)))
    with pytest.raises(ValueError, match="this network has bias=False"):
        mh.MLP([2, 1], bias=False).set_params([np.ones((2, 1))], [np.ones(1)])
    # the failed calls left the network untouched
    assert all(np.all(W == 1.0) for W in n.weights)


@pytest.mark.parametrize("value, error", [("one", TypeError), (None, TypeError), (np.nan, ValueError)])
def test_init_constant_needs_a_number(value, error):
    with pytest.raises(error, match="value must be"):
        net().init_constant(value)


def test_init_random_arguments():
    with pytest.raises(ValueError, match="seed must be at least 0"):
        net().init_random(seed=-1)
    with pytest.raises(ValueError, match="scale must be at least 0"):
        net().init_random(scale=-1.0)
    with pytest.raises(TypeError, match="scale must be a real number"):
        net().init_random(scale="big")


def test_no_numpy_warning_or_nan_from_saturated_units():
    n = mh.MLP([1, 1]).set_params([np.array([[1.0]])], [np.array([0.0])])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = n.predict([[1e4], [-800.0]])
        dW, db = n.gradients([[1e4], [-800.0]], [[1.0], [0.0]])
    np.testing.assert_array_equal(out, [[1.0], [0.0]])
    assert np.all(np.isfinite(dW[0])) and np.all(np.isfinite(db[0]))


@pytest.mark.parametrize(
    "call",
    [
        lambda: mh.train("net", X, Y, lr=0.5, iterations=1),
        lambda: mh.numerical_gradients(None, X, Y, "sse"),
        lambda: mh.gradient_check([1, 2], X, Y, "sse"),
        lambda: mh.tied_units("net"),
        lambda: mh.chain_rule_paths({}, [0.8, 0.4], [0.2, 0.4], "w1", loss="half_sse"),
        lambda: mh.draw_network("net"),
    ],
)
def test_functions_taking_a_network_reject_anything_else(call):
    with pytest.raises(TypeError, match=r"net must be an MLP \(mlp_helpers.MLP\), got "):
        call()
