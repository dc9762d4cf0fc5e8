"""The checks of notebook 04's exercises: one wrong answer per slip, each with its own verdict."""

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, symmetry


@pytest.fixture(scope="module")
def seed():
    case = cases.sigmoid_2_3_3_2()
    net = case.network()
    return net, case.X, case.Y, net.forward(case.X)[-1]


def test_output_delta_placeholders_and_shapes_never_raise(seed):
    net, X, Y, a = seed
    for placeholder in (..., None):
        assert symmetry.check_output_delta(placeholder, net, X, Y).startswith("Not yet answered")
    assert "shape (2, 2)" in symmetry.check_output_delta(a[0], net, X, Y)
    assert symmetry.check_output_delta("delta", net, X, Y).startswith("Not yet: answer must be")
    assert symmetry.check_output_delta([[1.0, np.nan], [0.0, 0.0]], net, X, Y).startswith("Not yet")


def test_output_delta_names_each_slip(seed):
    net, X, Y, a = seed
    right = 2 * (a - Y) * a * (1 - a)
    assert symmetry.check_output_delta(right, net, X, Y).startswith("Correct")
    assert symmetry.check_output_delta(np.round(right, 8), net, X, Y).startswith("Correct")
    sigma = mh.sigmoid(a)
    slips = {
        "matrix product": (2 * (a - Y)) @ (a * (1 - a)),  # the question's second * read as @
        "factor 2 is missing:": (a - Y) * a * (1 - a),
        "sign is flipped: dC/da": 2 * (Y - a) * a * (1 - a),
        "slope is missing": 2 * (a - Y),
        "wrong place": 2 * (a - Y) * sigma * (1 - sigma),  # sigma'(a) instead of a(1 - a)
        "missing and the sign is flipped": (Y - a) * a * (1 - a),
        "entry by entry": right + 0.01,
    }
    for slip, answer in slips.items():
        verdict = symmetry.check_output_delta(answer, net, X, Y)
        assert verdict.startswith("Not yet") and slip in verdict, (slip, verdict)
        assert not any(f"{v:.6f}" in verdict for v in right.ravel())  # never the right numbers


def test_output_delta_on_another_network():
    net = mh.MLP([2, 3, 2]).init_random(seed=4)
    X, Y = np.array([[0.1, 0.9], [0.5, 0.2], [0.7, 0.7]]), np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
    a = net.forward(X)[-1]
    assert symmetry.check_output_delta(2 * (a - Y) * a * (1 - a), net, X, Y).startswith("Correct")
    assert "slope is missing" in symmetry.check_output_delta(2 * (a - Y), net, X, Y)


Y_NEW = np.array([[0.9, 0.1], [0.3, 0.5]])


def test_floor_check_names_each_slip():
    floor = 2 * 0.3**2 + 2 * 0.2**2  # column means (0.6, 0.3)
    assert symmetry.check_floor_answer(floor, Y_NEW).startswith("Correct")
    assert symmetry.check_floor_answer(round(floor, 4), Y_NEW).startswith("Correct")
    assert symmetry.check_floor_answer(np.float64(floor), Y_NEW).startswith("Correct")
    row_means = Y_NEW.mean(axis=1, keepdims=True)
    slips = {
        "Not yet answered": ...,
        "half the floor": floor / 2,  # a 1/2 (half_sse) or a 1/m (mean over the two observations)
        "mean over all entries": floor / 4,
        "row means": float(((Y_NEW - row_means) ** 2).sum()),
        "square root": np.sqrt(floor),
        "shared output row": Y_NEW.mean(axis=0),  # the means instead of their cost
        "one finite number": "0.26",
        "find the output row": 0.4,  # the question's floor, not the new one
    }
    for slip, answer in slips.items():
        verdict = symmetry.check_floor_answer(answer, Y_NEW)
        assert verdict.startswith("Not yet") and slip in verdict, (slip, verdict)
        assert "0.26" not in verdict or slip == "one finite number"
    assert symmetry.check_floor_answer(None, Y_NEW).startswith("Not yet answered")
    assert symmetry.check_floor_answer(float("inf"), Y_NEW).startswith("Not yet: the answer must be one finite")
