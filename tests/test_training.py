"""Training: the recorded history, frozen biases, and divergence."""

import warnings

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import training


def test_history_records_every_step(seed001):
    net, X, Y = seed001
    start = [W.copy() for W in net.weights]
    history = mh.train(net, X, Y, lr=0.5, iterations=10)
    assert list(history.iterations) == list(range(11))
    assert [h.shape for h in history.weights] == [(11, 2, 3), (11, 3, 3), (11, 3, 2)]
    assert [h.shape for h in history.biases] == [(11, 3), (11, 3), (11, 2)]
    for h, W0, W in zip(history.weights, start, net.weights):
        np.testing.assert_array_equal(h[0], W0)
        np.testing.assert_array_equal(h[-1], W)
    assert history.loss[0] == pytest.approx(mh.loss("sse", mh.MLP([2, 3, 3, 2]).init_constant(1).predict(X), Y))
    assert history.loss[-1] == pytest.approx(mh.loss("sse", net.predict(X), Y))
    assert np.all(np.diff(history.loss) < 0)


def test_one_step_is_one_gradient_step(seed001):
    net, X, Y = seed001
    before = net.copy()
    dW, db = before.gradients(X, Y, "sse")
    mh.train(net, X, Y, lr=0.5, iterations=1)
    for W, W0, g in zip(net.weights, before.weights, dW):
        np.testing.assert_allclose(W, W0 - 0.5 * g, rtol=0, atol=1e-15)
    for b, b0, g in zip(net.biases, before.biases, db):
        np.testing.assert_allclose(b, b0 - 0.5 * g, rtol=0, atol=1e-15)


def test_record_every_keeps_the_last_step(seed001):
    net, X, Y = seed001
    history = mh.train(net, X, Y, lr=0.5, iterations=25, record_every=10)
    assert list(history.iterations) == [0, 10, 20, 25]
    assert history.weights[0].shape == (4, 2, 3)


def test_frozen_biases_do_not_move(seed001):
    net, X, Y = seed001
    history = mh.train(net, X, Y, lr=0.5, iterations=5, train_biases=False)
    assert all(np.all(b == 1.0) for b in net.biases)
    assert np.all(history.biases[0] == 1.0)
    assert not np.all(net.weights[0] == 1.0)


def test_divergence_stops_warns_once_and_keeps_finite_rows():
    x = np.linspace(-3, 3, 20)
    X = np.column_stack([x, x])
    Y = (5 * x)[:, None]
    net = mh.MLP([2, 2, 1], activation="linear", bias=False).init_constant(1.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = mh.train(net, X, Y, lr=1.0, iterations=500, loss="sse")
    messages = [str(w.message) for w in caught]
    assert len(messages) == 1 and issubclass(caught[0].category, mh.TrainingDiverged)
    assert messages[0].startswith(f"diverged at step {len(history)}:")
    assert "try a smaller learning rate" in messages[0]
    assert history.diverged
    assert 0 < len(history) < 500
    assert np.all(np.isfinite(history.loss)) and all(np.all(np.isfinite(h)) for h in history.weights)
    assert all(np.all(np.isfinite(W)) for W in net.weights)
    np.testing.assert_array_equal(net.weights[0], history.weights[0][-1])


def test_tied_units_finds_groups_and_singletons():
    net = mh.MLP([2, 4, 1]).init_random(seed=0)
    net.weights[0][:, 2] = net.weights[0][:, 0]
    net.biases[0][2] = net.biases[0][0]
    net.weights[1][2] = net.weights[1][0]
    assert mh.tied_units(net) == [[[0, 2]]]
    net.weights[1][2] += 1e-3  # different outgoing weight: no longer the same unit
    assert mh.tied_units(net) == [[]]
    assert mh.tied_units(mh.MLP([1, 1])) == []


def test_copy_is_independent(seed001):
    net, X, Y = seed001
    twin = net.copy()
    twin.weights[0][0, 0] = 5.0
    twin.biases[1][0] = 5.0
    assert net.weights[0][0, 0] == 1.0 and net.biases[1][0] == 1.0
    assert repr(twin) == "MLP(sizes=[2, 3, 3, 2], activation=['sigmoid', 'sigmoid', 'sigmoid'], bias=True)"


def test_init_random_is_reproducible_and_scaled():
    a = mh.MLP([50, 40, 1]).init_random(seed=7)
    b = mh.MLP([50, 40, 1]).init_random(seed=7)
    c = mh.MLP([50, 40, 1]).init_random(seed=8)
    np.testing.assert_array_equal(a.weights[0], b.weights[0])
    assert not np.array_equal(a.weights[0], c.weights[0])
    assert a.weights[0].std() == pytest.approx(1 / np.sqrt(50), rel=0.1)
    assert mh.MLP([2, 2]).init_random(seed=1, scale=0.0).weights[0].tolist() == [[0.0, 0.0], [0.0, 0.0]]


def test_set_params_copies_the_arrays():
    net = mh.MLP([2, 2, 1], activation="linear", bias=False)
    weights = [np.arange(4.0).reshape(2, 2), np.array([[1.0], [2.0]])]
    assert net.set_params(weights) is net
    weights[0][0, 0] = 99.0
    assert net.weights[0][0, 0] == 0.0
    np.testing.assert_array_equal(net.predict([[1.0, 1.0]]), [[2.0 * 1 + 4.0 * 2]])


def test_recorded_steps_are_computed_and_end_on_the_last_step():
    assert training.recorded_steps(10, 4).tolist() == [0, 4, 8, 10]
    assert training.recorded_steps(8, 4).tolist() == [0, 4, 8]
    assert training.recorded_steps(0, 3).tolist() == [0]


def test_a_history_over_budget_is_refused_before_training(seed001):
    net, X, Y = seed001
    before = [W.copy() for W in net.weights]
    with pytest.raises(ValueError, match=r"every 1 of 10,000,000 steps would need 2,365 MiB, over the 256 MiB budget.*record_every \(at least 10\)"):
        mh.train(net, X, Y, lr=0.5, iterations=10**7)
    with pytest.raises(ValueError, match="record_every"):
        mh.train(net, X, Y, lr=0.5, iterations=10**9, record_every=10)
    assert all(np.array_equal(a, b) for a, b in zip(before, net.weights))


def test_ten_million_steps_recorded_sparsely_fit_the_budget():
    # the size check is what bounds memory: 1001 rows of 37 floats, far under 100 MB
    training.check_history_size(10**7, 10**4, 37)
    assert len(training.recorded_steps(10**7, 10**4)) == 1001
