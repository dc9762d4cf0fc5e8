"""Every matrix the tied-units question prints, recomputed in float64.

The question's numbers were computed in float32 and printed with 7-8 digits, so they are
compared with an absolute tolerance of 2e-6.
"""

import numpy as np

import mlp_helpers as mh

FLOAT32 = dict(rtol=0, atol=2e-6)


def test_forward_pass_matches_the_question(seed001):
    net, X, Y = seed001
    _, a1, a2, a3 = net.forward(X)
    np.testing.assert_allclose(X @ net.weights[0] + net.biases[0], [[2.2] * 3, [1.6] * 3], rtol=0, atol=1e-15)
    np.testing.assert_allclose(a1, [[0.9002495] * 3, [0.8320184] * 3], **FLOAT32)
    np.testing.assert_allclose(a2, [[0.9758906] * 3, [0.9705753] * 3], **FLOAT32)
    np.testing.assert_allclose(a3, [[0.9806908] * 2, [0.9803864] * 2], **FLOAT32)


def test_output_delta_matches_the_question(seed001):
    net, X, Y = seed001
    a3 = net.predict(X)
    cost_slope = mh.loss_gradient("sse", a3, Y)  # 2 (a3 - y)
    sigmoid_slope = a3 * (1 - a3)
    np.testing.assert_allclose(cost_slope, [[1.5613816, 1.1613816], [-0.0392272, 1.9607728]], **FLOAT32)
    np.testing.assert_allclose(sigmoid_slope, [[0.01893635] * 2, [0.01922891] * 2], **FLOAT32)
    np.testing.assert_allclose(
        cost_slope * sigmoid_slope, [[0.02956687, 0.02199233], [-0.0007543, 0.03770352]], **FLOAT32
    )


def test_last_layer_gradient_table_has_three_identical_rows(seed001):
    net, X, Y = seed001
    dW, db = net.gradients(X, Y, loss="sse")
    # The question's table: bias row on top, then one row per unit of a2.
    table = np.vstack([db[2], dW[2]])
    expected = [[0.0288126, 0.0596958]] + [[0.028122, 0.0580562]] * 3
    np.testing.assert_allclose(table, expected, **FLOAT32)
    assert np.array_equal(dW[2][0], dW[2][1]) and np.array_equal(dW[2][1], dW[2][2])


def test_thousand_steps_reproduce_the_final_output_and_stay_tied(seed001):
    net, X, Y = seed001
    history = mh.train(net, X, Y, lr=0.5, iterations=1000, loss="sse")
    output = net.predict(X)
    np.testing.assert_allclose(output, [[0.5992708, 0.1997655], [0.5993174, 0.2004307]], **FLOAT32)
    # float64 reference (shared/FACTS.md), to the 8 digits shown there
    np.testing.assert_allclose(output, [[0.59927057, 0.19976566], [0.59931759, 0.20043062]], rtol=0, atol=6e-9)
    assert mh.tied_units(net) == [[[0, 1, 2]], [[0, 1, 2]]]
    assert history.iterations[-1] == 1000 and len(history) == 1001
    assert not history.diverged


def test_random_init_breaks_the_symmetry_and_fits(seed001):
    _, X, Y = seed001
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=0)
    assert mh.tied_units(net) == [[], []]
    mh.train(net, X, Y, lr=0.5, iterations=10000, loss="sse", record_every=1000)
    assert np.max(np.abs(net.predict(X) - Y)) < 0.01
    assert mh.tied_units(net) == [[], []]
