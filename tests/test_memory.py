"""train_many's memory: the whole call (histories and working arrays) within one stated budget.

Peaks are measured with tracemalloc, which sees every numpy array allocated during the call.
"""

import re
import tracemalloc

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, ensemble
from mlp_helpers.history import MEMORY_BUDGET_BYTES

TIED = cases.sigmoid_2_3_3_2()


def traced_peak(action):
    """(result of action(), peak bytes allocated while it ran)."""
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_budget_fits_a_student_kernel():
    # a class hub gives a student 1 GB, Binder guarantees 450 MB; the kernel itself takes about 150 MB
    assert MEMORY_BUDGET_BYTES == 256 * 2**20
    assert MEMORY_BUDGET_BYTES + 150e6 < 450e6


def test_the_plain_call_records_little_and_stays_under_100_MB():
    nets = [TIED.network().init_random(seed) for seed in range(1000)]
    history, peak = traced_peak(lambda: mh.train_many(nets, TIED.X, TIED.Y, 0.5, 2000))
    assert peak < 100e6, f"peak {peak / 1e6:.0f} MB"
    assert history.loss.shape == (1000, 2001) and history.max_error.shape == (1000, 2001)
    # the parameters at the start and at the end only
    assert list(history.weight_iterations) == [0, 2000]
    assert [W.shape for W in history.weights] == [(1000, 2, 2, 3), (1000, 2, 3, 3), (1000, 2, 3, 2)]
    np.testing.assert_array_equal(history.weights[1][7, 0], TIED.network().init_random(7).weights[1])
    np.testing.assert_array_equal(history.weights[1][7, 1], nets[7].weights[1])


def test_many_observations_train_in_groups_within_the_budget_with_the_same_results():
    # 150 networks on 20000 observations: about 580 MiB of working arrays if trained at once
    rng = np.random.default_rng(3)
    X, Y = rng.uniform(-1, 1, (20000, 2)), rng.uniform(0.1, 0.9, (20000, 2))
    starts = [TIED.network().init_random(seed) for seed in range(150)]
    fixed, working = ensemble.call_bytes(TIED.sizes, True, 20000, 150, 1, 1, 1)
    assert fixed + 150 * working > 2 * MEMORY_BUDGET_BYTES
    group = ensemble.networks_at_once(TIED.sizes, True, 20000, 150, 1, 1, 1)
    assert 1 < group < 150 and fixed + group * working <= MEMORY_BUDGET_BYTES
    nets = [s.copy() for s in starts]
    history, peak = traced_peak(lambda: mh.train_many(nets, X, Y, 0.5, 1))
    assert peak <= MEMORY_BUDGET_BYTES, f"peak {peak / 2**20:.0f} MiB"
    # the networks on either side of a group boundary, trained in a call of their own: the same
    # numbers to 1e-13 (a sum over 20000 observations is added up in blocks that follow the group)
    chosen = [0, group - 1, group, 149]
    alone_nets = [starts[i].copy() for i in chosen]
    alone = mh.train_many(alone_nets, X, Y, 0.5, 1)
    np.testing.assert_allclose(history.loss[chosen], alone.loss, rtol=1e-13, atol=0)
    for net, other in zip([nets[i] for i in chosen], alone_nets):
        for W, V in zip(net.weights + net.biases, other.weights + other.biases):
            np.testing.assert_allclose(W, V, rtol=1e-13, atol=1e-15)


def test_the_estimate_bounds_the_measured_peak():
    rng = np.random.default_rng(4)
    for sizes, activation, loss, m, n in [([2, 3, 3, 2], "sigmoid", "sse", 3000, 60),
                                          ([5, 20, 20, 3], "linear", "sse", 500, 40),
                                          ([2, 2], "sigmoid", "cross_entropy", 3000, 60)]:
        X, Y = rng.uniform(-1, 1, (m, sizes[0])), rng.uniform(0, 1, (m, sizes[-1]))
        nets = [mh.MLP(sizes, activation).init_random(seed, scale=0.1) for seed in range(n)]
        fixed, working = ensemble.call_bytes(sizes, True, m, n, 3, 1, 1)
        _, peak = traced_peak(lambda: mh.train_many(nets, X, Y, 1e-4, 3, loss=loss, weights_every=1))
        assert 0.5 * (fixed + n * working) < peak <= fixed + n * working, (sizes, peak, fixed + n * working)


def test_losses_and_parameters_share_one_budget():
    # each history alone fits in the budget, the two together do not
    losses, _ = ensemble.call_bytes(TIED.sizes, True, 2, 1000, 9800, 1, 0)
    both, working = ensemble.call_bytes(TIED.sizes, True, 2, 1000, 9800, 1, 15)
    parameters = both - losses
    assert losses < MEMORY_BUDGET_BYTES and parameters < MEMORY_BUDGET_BYTES < both + working
    nets = [TIED.network().init_constant(1.0) for _ in range(1000)]
    with pytest.raises(ValueError, match=r"^recording the parameters every 15 of 9,800 steps for 1,000 networks would "
                       r"need \d{3} MiB, over the 256 MiB budget .*a larger weights_every \(at least \d+\), or weights_every=0"):
        mh.train_many(nets, TIED.X, TIED.Y, 0.5, 9800, weights_every=15)
    assert all(np.all(W == 1.0) for W in nets[0].weights)  # refused before training


def test_too_many_observations_for_even_one_network_names_X():
    X = np.linspace(-1, 1, 200_000)[:, None]
    net = mh.MLP([1, 50, 1])
    with pytest.raises(ValueError, match=r"^X has 200,000 observations: training one network on them needs \d{3} MiB "
                       r"of working arrays, over the 256 MiB budget \(MEMORY_BUDGET_BYTES\); train on fewer observations"):
        mh.train_many([net], X, X, 0.1, 1)


def test_too_many_networks_names_nets_and_the_largest_call_that_fits():
    with pytest.raises(ValueError, match=r"^nets: 10,000,000 networks need [\d,]+ MiB, over the 256 MiB budget "
                       r"\(MEMORY_BUDGET_BYTES\); train them in calls of at most ([\d,]+) networks") as raised:
        ensemble.networks_at_once(TIED.sizes, True, 2, 10**7, 0, 1, 0)
    most = int(re.search(r"at most ([\d,]+)", str(raised.value)).group(1).replace(",", ""))
    assert ensemble.networks_at_once(TIED.sizes, True, 2, most, 0, 1, 0) >= 1
    with pytest.raises(ValueError, match="nets: "):
        ensemble.networks_at_once(TIED.sizes, True, 2, most + 1, 0, 1, 0)
