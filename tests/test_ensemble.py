"""train_many: the same results as N separate train calls, independent divergence, bad input."""

import re
import warnings

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import ensemble, symmetry

RTOL = 1e-12


def assert_close(ours, theirs, what):
    """Equal to 1e-12 relative to the array's size (entries that cross zero are not singled out)."""
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    assert ours.shape == theirs.shape, f"{what}: shape {ours.shape} != {theirs.shape}"
    scale = max(np.abs(theirs).max(), 1e-300)
    worst = np.abs(ours - theirs).max() / scale
    assert worst <= RTOL, f"{what}: relative difference {worst:.2e}"


def separately(starts, X, Y, lr, iterations, **options):
    """Train a copy of each start with mh.train; returns (nets, histories)."""
    rates = np.broadcast_to(lr, len(starts))
    nets = [start.copy() for start in starts]
    histories = [mh.train(net, X, Y, float(rate), iterations, **options) for net, rate in zip(nets, rates)]
    return nets, histories


def assert_same_as_train(starts, X, Y, lr, iterations, **options):
    """train_many on copies of ``starts`` against one mh.train per start, every recorded number."""
    nets = [start.copy() for start in starts]
    # train records its parameters where it records the loss: so must train_many here
    together = mh.train_many(nets, X, Y, lr, iterations, weights_every=options.get("record_every", 1), **options)
    alone_nets, alone = separately(starts, X, Y, lr, iterations, **options)
    activation = starts[0].activation
    np.testing.assert_array_equal(together.iterations, alone[0].iterations)
    assert not together.diverged.any() and np.all(together.diverged_at == -1)
    for i, (net, history) in enumerate(zip(alone_nets, alone)):
        assert_close(together.loss[i], history.loss, f"net {i} loss")
        outputs = symmetry.outputs_over_training(history, X, activation)
        assert_close(together.max_error[i], np.abs(outputs - Y).max(axis=(1, 2)), f"net {i} max_error")
        for l, (h, W) in enumerate(zip(history.weights, net.weights)):
            assert_close(together.weights[l][i], h, f"net {i} weights[{l}] history")
            assert_close(nets[i].weights[l], W, f"net {i} trained weights[{l}]")
        for l, (h, b) in enumerate(zip(history.biases, net.biases)):
            assert_close(together.biases[l][i], h, f"net {i} biases[{l}] history")
            assert_close(nets[i].biases[l], b, f"net {i} trained biases[{l}]")
    assert len(nets[0].biases) == len(starts[0].biases)
    return together, alone


def data(m, n_in, n_out, seed):
    rng = np.random.default_rng(seed)
    return rng.uniform(-1, 1, (m, n_in)), rng.uniform(0.1, 0.9, (m, n_out))


def test_seed_problem_many_random_starts(seed001):
    _, X, Y = seed001
    starts = [mh.MLP([2, 3, 3, 2]).init_random(seed) for seed in range(12)]
    together, _ = assert_same_as_train(starts, X, Y, 0.5, 400)
    assert together.loss.shape == (12, 401) and together.max_error.shape == (12, 401)
    assert [h.shape for h in together.weights] == [(12, 401, 2, 3), (12, 401, 3, 3), (12, 401, 3, 2)]
    assert [h.shape for h in together.biases] == [(12, 401, 3), (12, 401, 3), (12, 401, 2)]
    # the loss really falls: these are trained networks, not copies of the start
    assert np.all(together.loss[:, -1] < together.loss[:, 0]) and together.loss[:, -1].min() < 0.1


@pytest.mark.parametrize(
    "sizes, activation, bias, loss",
    [
        ([3, 4, 2], "linear", False, "half_mse"),
        ([2, 5, 1], ["sigmoid", "linear"], True, "mse"),
        ([2, 4, 3, 4, 1], "sigmoid", True, "half_sse"),
        ([1, 1, 1], "sigmoid", True, "half_sse"),
        ([3, 2, 3], ["linear", "sigmoid"], False, "sse"),
    ],
)
def test_architectures_activations_and_losses(sizes, activation, bias, loss):
    X, Y = data(5, sizes[0], sizes[-1], seed=len(sizes))
    starts = [mh.MLP(sizes, activation, bias).init_random(seed) for seed in range(5)]
    assert_same_as_train(starts, X, Y, 0.3, 150, loss=loss)


def test_one_learning_rate_per_network_record_every_and_frozen_biases(seed001):
    _, X, Y = seed001
    starts = [mh.MLP([2, 3, 3, 2]).init_random(seed, scale=0.5 + 0.5 * seed) for seed in range(4)]
    together, _ = assert_same_as_train(
        starts, X, Y, [0.1, 0.5, 1.0, 2.0], 250, record_every=7, train_biases=False)
    assert list(together.iterations[:3]) == [0, 7, 14] and together.iterations[-1] == 250
    for l, b in enumerate(together.biases):  # frozen biases stay at their start in every row
        np.testing.assert_array_equal(b, np.stack([s.biases[l] for s in starts])[:, None].repeat(len(together.iterations), 1))


def test_constant_starts_stay_tied_and_match_train(seed001):
    _, X, Y = seed001
    starts = [mh.MLP([2, 3, 3, 2]).init_constant(c) for c in (-1.0, 0.5, 1.0)]
    together, _ = assert_same_as_train(starts, X, Y, 0.5, 200)
    nets = [s.copy() for s in starts]
    mh.train_many(nets, X, Y, 0.5, 200)
    assert all(mh.tied_units(net) == [[[0, 1, 2]], [[0, 1, 2]]] for net in nets)


def test_weights_every_records_parameters_on_their_own_steps(seed001):
    _, X, Y = seed001
    starts = [mh.MLP([2, 3, 3, 2]).init_random(seed) for seed in range(3)]
    full = mh.train_many([s.copy() for s in starts], X, Y, 0.5, 120, weights_every=1)
    sparse = mh.train_many([s.copy() for s in starts], X, Y, 0.5, 120, weights_every=50)
    assert list(sparse.iterations) == list(range(121)) and list(sparse.weight_iterations) == [0, 50, 100, 120]
    np.testing.assert_array_equal(sparse.loss, full.loss)
    for h_sparse, h_full in zip(sparse.weights + sparse.biases, full.weights + full.biases):
        np.testing.assert_array_equal(h_sparse, h_full[:, [0, 50, 100, 120]])
    none = mh.train_many([s.copy() for s in starts], X, Y, 0.5, 120, weights_every=0)
    assert none.weights == [] and none.biases == [] and len(none.weight_iterations) == 0
    np.testing.assert_array_equal(none.max_error, full.max_error)
    np.testing.assert_array_equal(mh.unit_spread(sparse), mh.unit_spread(full)[:, [0, 50, 100, 120]])


def test_fit_steps_are_first_fit_step_of_each_train_run(seed001):
    _, X, Y = seed001
    starts = [mh.MLP([2, 3, 3, 2]).init_random(seed) for seed in range(4)] + [mh.MLP([2, 3, 3, 2]).init_constant(1.0)]
    together = mh.train_many([s.copy() for s in starts], X, Y, 4.0, 1500)
    _, alone = separately(starts, X, Y, 4.0, 1500)
    expected = [symmetry.first_fit_step(h, X, Y) for h in alone]
    got = together.fit_steps(0.01)
    assert [None if np.isinf(g) else int(g) for g in got] == expected
    assert expected[-1] is None and all(e is not None for e in expected[:-1])  # the tied start is still on its plateau


def linear_problem():
    x = np.linspace(-3, 3, 20)
    return np.column_stack([x, x]), (5 * x + np.sin(3 * x))[:, None]  # no exact fit: the loss stays well above 0


@pytest.mark.parametrize("bias", [False, True])
def test_one_diverging_network_stops_alone(bias):
    X, Y = linear_problem()
    starts = [mh.MLP([2, 2, 1], activation="linear", bias=bias).init_constant(c) for c in (1.0, 0.5, 0.8)]
    rates = [0.0002, 1.0, 0.0005]
    nets = [s.copy() for s in starts]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        together = mh.train_many(nets, X, Y, rates, 300, loss="sse", weights_every=1)
        alone_nets, alone = separately(starts, X, Y, rates, 300, loss="sse")
    # mh.train warned for its diverging run; train_many once for all its networks
    ours = [w for w in caught if "networks diverged" in str(w.message)]
    assert len(ours) == 1 and issubclass(ours[0].category, mh.TrainingDiverged)
    assert str(ours[0].message).startswith(f"1 of 3 networks diverged (the first at step {len(alone[1])})")
    assert list(together.diverged) == [False, True, False]
    assert list(together.diverged_at) == [-1, len(alone[1]), -1] and alone[1].diverged
    for i in (0, 2):  # the others are exactly what they would be alone
        assert_close(together.loss[i], alone[i].loss, f"net {i} loss")
        assert_close(nets[i].weights[1], alone_nets[i].weights[1], f"net {i} weights")
    rows = len(alone[1])
    assert_close(together.loss[1, :rows], alone[1].loss, "diverged net's finite rows")
    assert_close(together.weights[0][1, :rows], alone[1].weights[0], "diverged net's weight rows")
    assert np.all(np.isnan(together.loss[1, rows:])) and np.all(np.isnan(together.weights[0][1, rows:]))
    # it keeps its last finite parameters, as train does
    for W, W_alone in zip(nets[1].weights, alone_nets[1].weights):
        assert_close(W, W_alone, "diverged net's last finite weights")
        assert np.all(np.isfinite(W)) and np.abs(W).max() > 1e30  # the step before the overflow
    assert together.fit_steps(1.0)[1] == np.inf


def test_every_network_diverging_ends_the_run():
    X, Y = linear_problem()
    nets = [mh.MLP([2, 2, 1], activation="linear", bias=False).init_constant(c) for c in (1.0, 0.5)]
    with pytest.warns(mh.TrainingDiverged, match="2 of 2 networks diverged"):
        history = mh.train_many(nets, X, Y, 1.0, 300)
    assert history.diverged.all() and np.all(history.diverged_at > 0)
    assert np.all(np.isnan(history.loss[:, -1])) and np.all(np.isfinite(history.loss[:, 0]))
    assert all(np.all(np.isfinite(W)) for net in nets for W in net.weights)


def test_refuses_a_history_over_the_memory_budget(seed001):
    _, X, Y = seed001
    nets = [mh.MLP([2, 3, 3, 2]).init_constant(1.0) for _ in range(1000)]
    # every parameter at every step: 10,002 rows of 29 numbers for each of 1000 networks
    with pytest.raises(ValueError, match=r"^recording the parameters every 1 of 10,000 steps for 1,000 networks would "
                       r"need 2,\d{3} MiB, over the 256 MiB budget \(MEMORY_BUDGET_BYTES\); record them with a larger "
                       r"weights_every \(at least (\d+)\), or weights_every=0 to keep only the losses") as raised:
        mh.train_many(nets, X, Y, 0.5, 10000, weights_every=1)
    assert all(np.all(W == 1.0) for W in nets[0].weights)  # refused before training
    # the smallest weights_every it suggests fits, one less does not
    every = int(re.search(r"at least (\d+)", str(raised.value)).group(1))
    assert ensemble.networks_at_once([2, 3, 3, 2], True, 2, 1000, 10000, 1, every) >= 1  # in groups, maybe
    with pytest.raises(ValueError, match="weights_every"):
        ensemble.networks_at_once([2, 3, 3, 2], True, 2, 1000, 10000, 1, every - 1)
    # without the weights the same run fits; the losses alone still have a limit
    with pytest.raises(ValueError, match=r"^recording every 1 of 100,000 steps for 1,000 networks would need 1,\d{3} MiB, "
                       r"over the 256 MiB budget \(MEMORY_BUDGET_BYTES\); record fewer steps with a larger record_every "
                       r"\(at least (\d+)\)$") as raised:
        mh.train_many(nets, X, Y, 0.5, 100_000, weights_every=0)
    every = int(re.search(r"at least (\d+)", str(raised.value)).group(1))
    assert ensemble.networks_at_once([2, 3, 3, 2], True, 2, 1000, 100_000, every, 0) >= 1
    with pytest.raises(ValueError, match="record_every"):
        ensemble.networks_at_once([2, 3, 3, 2], True, 2, 1000, 100_000, every - 1, 0)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(nets=mh.MLP([2, 3, 3, 2])), TypeError, "nets must be a list of MLP networks, got MLP; for one network use train"),
        (dict(nets=[]), ValueError, "nets must hold at least one network, got an empty list"),
        (dict(nets=[mh.MLP([2, 3, 3, 2]), "net"]), TypeError, "nets[1] must be an MLP (mlp_helpers.MLP), got str"),
        (dict(nets=[mh.MLP([2, 3, 3, 2]), mh.MLP([2, 4, 3, 2])]), ValueError,
         "nets must share one architecture (sizes, activation, bias): nets[0] is MLP(sizes=[2, 3, 3, 2]"),
        (dict(nets=[mh.MLP([2, 3, 3, 2]), mh.MLP([2, 3, 3, 2], activation="linear")]), ValueError,
         "nets[1] is MLP(sizes=[2, 3, 3, 2], activation=['linear', 'linear', 'linear'], bias=True)"),
        (dict(nets=[mh.MLP([2, 3, 3, 2]), mh.MLP([2, 3, 3, 2], bias=False)]), ValueError,
         "nets must share one architecture"),
        (dict(lr=0.0), ValueError, "lr must be greater than 0, got 0.0"),
        (dict(lr="fast"), TypeError, "lr must be a real number, got str 'fast'"),
        (dict(lr=[0.5, 0.5]), ValueError, "lr must be one number or one number per network (3), got shape (2,)"),
        (dict(lr=[0.5, -1.0, 0.5]), ValueError, "lr must be greater than 0 for every network, got -1.0 at index 1"),
        (dict(lr=[0.5, np.nan, 0.5]), ValueError, "lr contains NaN or inf"),
        (dict(X=[[0.8, 0.4, 1.0]]), ValueError, "X must have 2 column(s), one per unit, got shape (1, 3)"),
        (dict(Y=[[0.2, 0.4]]), ValueError, "Y must have 2 row(s), one per row of X, got 1"),
        (dict(iterations=-1), ValueError, "iterations must be at least 0, got -1"),
        (dict(iterations=2.5), ValueError, "iterations must be a whole number, got 2.5"),
        (dict(loss="hinge"), ValueError, "loss must be one of ['cross_entropy', 'half_mse', 'half_sse', 'mse', 'sse'], got 'hinge'"),
        (dict(record_every=0), ValueError, "record_every must be at least 1, got 0"),
        (dict(train_biases="no"), TypeError, "train_biases must be True or False, got str 'no'"),
        (dict(weights_every=-1), ValueError, "weights_every must be at least 0, got -1"),
        (dict(weights_every=0.5), ValueError, "weights_every must be a whole number, got 0.5"),
    ],
)
def test_bad_input_is_named(seed001, kwargs, error, message):
    _, X, Y = seed001
    call = dict(nets=[mh.MLP([2, 3, 3, 2]).init_random(s) for s in range(3)], X=X, Y=Y, lr=0.5, iterations=10)
    call.update(kwargs)
    with pytest.raises(error) as raised:
        mh.train_many(**call)
    assert message in str(raised.value)


def test_the_same_network_twice_is_refused(seed001):
    net, X, Y = seed001
    with pytest.raises(ValueError, match=r"nets\[2\] is the same network as nets\[0\]: .* \(net\.copy\(\)"):
        mh.train_many([net, net.copy(), net], X, Y, 0.5, 10)


def test_fit_steps_checks_tol(seed001):
    net, X, Y = seed001
    history = mh.train_many([net], X, Y, 0.5, 3)
    with pytest.raises(ValueError, match="tol must be greater than 0, got -0.1"):
        history.fit_steps(-0.1)
    assert len(history) == 1


def test_networks_with_parameters_assigned_by_hand_are_checked(seed001):
    _, X, Y = seed001
    nets = [mh.MLP([2, 3, 3, 2]).init_random(seed) for seed in range(3)]
    nets[1].weights[0] = [[1.0] * 3] * 2
    with pytest.raises(TypeError, match=r"net.weights\[0\] must be a float64 numpy array"):
        mh.train_many(nets, X, Y, 0.5, 10)
    nets[1].weights[0] = np.full((2, 3), np.nan)
    with pytest.raises(ValueError, match=r"net.weights\[0\] contains NaN or inf"):
        mh.train_many(nets, X, Y, 0.5, 10)


def test_a_loss_already_infinite_at_the_start_is_an_error_as_in_train():
    linear = [mh.MLP([2, 1], activation="linear", bias=False).init_constant(1.0) for _ in range(2)]
    with pytest.raises(ValueError, match=r"the loss of nets\[0\] is inf before any step"):
        mh.train_many(linear, [[1e200, 1e200]], [[0.0]], lr=0.1, iterations=3)


def test_train_many_calls_einsum_without_its_python_wrapper():
    """The pinned numpy has c_einsum; the fallback is only for another numpy layout."""
    from mlp_helpers import ensemble

    assert ensemble.einsum is not np.einsum
    a, w = np.arange(6.0).reshape(2, 3, 1), np.arange(9.0).reshape(3, 3, 1)
    assert np.array_equal(ensemble.einsum("mkn,kjn->mjn", a, w), np.einsum("mkn,kjn->mjn", a, w))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_forward_many_is_each_network_forward_pass(activation):
    nets = [mh.MLP([2, 4, 3, 2], activation=[activation, activation, "sigmoid"]).init_random(seed=s) for s in range(7)]
    X = np.array([[0.8, 0.4], [0.3, -0.3], [-1.0, 2.0]])
    many = ensemble.forward_many(nets, X)
    for i, net in enumerate(nets):
        for a_many, a_one in zip(many[1:], net.forward(X)[1:]):
            np.testing.assert_allclose(a_many[:, :, i], a_one, rtol=1e-12, atol=1e-15)
    if activation == "relu":  # the lesson's dead-unit tables read the same pass, network by network
        from mlp_helpers.lessons import stalls
        table = stalls.dead_unit_table(nets, X)
        for i, net in enumerate(nets):
            layers = stalls.dead_units(net, X)
            assert table[i].tolist() == np.concatenate(layers).tolist()
        assert table.any()  # some unit is dead on these inputs, so the comparison is not vacuous
