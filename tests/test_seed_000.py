"""Seed 000: a linear 2-2-1 network without biases and the accepted answer's derivatives.

The answer names weights w_{l,i,k}: layer l, to-unit i, from-unit k (all 1-based), so

    answer name   weights[l][from, to]        role
    w111          weights[0][0, 0]            x1 -> z11
    w112          weights[0][1, 0]            x2 -> z11
    w121          weights[0][0, 1]            x1 -> z12
    w122          weights[0][1, 1]            x2 -> z12
    w211          weights[1][0, 0]            z11 -> z_b
    w212          weights[1][1, 0]            z12 -> z_b

and z_b = w211 (w111 x1 + w112 x2) + w212 (w121 x1 + w122 x2).
"""

import numpy as np
import pytest

import mlp_helpers as mh

ANSWER_NAMES = {
    "w111": (0, 0, 0),
    "w112": (0, 1, 0),
    "w121": (0, 0, 1),
    "w122": (0, 1, 1),
    "w211": (1, 0, 0),
    "w212": (1, 1, 0),
}


def answer_derivatives(net, x1, x2):
    """dz_b/dw for one observation, exactly as the accepted answer writes them."""
    w = {name: net.weights[l][i, j] for name, (l, i, j) in ANSWER_NAMES.items()}
    z11 = w["w111"] * x1 + w["w112"] * x2
    z12 = w["w121"] * x1 + w["w122"] * x2
    return {
        "w111": x1 * w["w211"],
        "w121": x1 * w["w212"],
        "w112": x2 * w["w211"],
        "w122": x2 * w["w212"],
        "w211": z11,
        "w212": z12,
    }


@pytest.mark.parametrize("seed", range(5))
def test_gradients_equal_the_answers_formulas(seed):
    rng = np.random.default_rng(100 + seed)
    a = rng.uniform(0.1, 0.9)
    x = rng.normal(size=7)
    X = np.column_stack([a * x, (1 - a) * x])
    Y = (2.5 * x + rng.normal(0, 0.1, size=7))[:, None]
    net = mh.MLP([2, 2, 1], activation="linear", bias=False).init_random(seed=seed)
    dW, db = net.gradients(X, Y, loss="half_mse")
    assert db == []
    residual = (net.predict(X) - Y)[:, 0]  # dL_i/dy' = y' - y (the question's sign slipped)
    for name, (l, i, j) in ANSWER_NAMES.items():
        per_observation = [answer_derivatives(net, x1, x2)[name] for x1, x2 in X]
        expected = np.mean(residual * np.array(per_observation))  # C = 1/m sum L_i
        assert dW[l][i, j] == pytest.approx(expected, rel=1e-12, abs=1e-15), name


def test_no_two_gradients_are_equal_from_a_random_start():
    x = np.linspace(-1, 1, 9)
    X = np.column_stack([0.3 * x, 0.7 * x])
    Y = (1.7 * x)[:, None]
    net = mh.MLP([2, 2, 1], activation="linear", bias=False).init_random(seed=3)
    dW, _ = net.gradients(X, Y, loss="half_mse")
    values = np.concatenate([g.ravel() for g in dW])
    assert len(np.unique(np.round(values, 12))) == 6
    # the question's claim dC/dw111 = dC/dw211 (answer names w111 and w121 there) fails
    assert dW[0][0, 0] != pytest.approx(dW[0][0, 1])
