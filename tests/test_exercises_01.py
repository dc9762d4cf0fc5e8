"""The checks of notebook 01's exercises: each slip a student is likely to make gets its own verdict.

The exercises use the branching 2-2-2 network on the observation x = (-1, 0.5), y = (0, 1);
one wrong answer per slip, worked out here from the forward values, not from the check.
"""

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import paths
from mlp_helpers.lessons.path_exercises import check_path_answer

X, Y = np.array([-1.0, 0.5]), np.array([0.0, 1.0])


@pytest.fixture(scope="module")
def net():
    return mh.MLP([2, 2, 2]).set_params(
        [[[0.5, 0.3], [-0.4, 0.8]], [[0.6, 0.9], [-0.2, 0.1]]],
        [[0.1, -0.1], [0.2, -0.3]],
    )


@pytest.fixture(scope="module")
def forward(net):
    _, (h1, h2), (o1, o2) = (a[0] for a in net.forward(X[None, :]))
    return h1, h2, o1, o2


def check(net, name, answer):
    return check_path_answer(answer, paths.chain_rule_paths(net, X, Y, name, notation="one_one_one", through_z=False, loss="half_sse"))


def test_not_yet_answered_never_raises(net):
    for placeholder in (..., None):
        for name in ("w7", "w3"):
            assert check(net, name, placeholder).startswith("Not yet answered")
    assert check(net, "w7", "0.1").startswith("Not yet: the answer must be one finite number")


def test_exercise_1_dw7(net, forward):
    h1, _, _, o2 = forward
    edge, tail = o2 * (1 - o2) * h1, o2 - Y[1]
    right = edge * tail
    assert np.isclose(right, mh.MLP.gradients(net, X[None], Y[None], "half_sse")[0][1][0, 1])
    assert check(net, "w7", right).startswith("Correct")
    assert check(net, "w7", round(right, 5)).startswith("Correct")
    assert "sign is flipped" in check(net, "w7", -right)  # (y - o2) instead of (o2 - y)
    assert "factor is missing" in check(net, "w7", tail)  # the edge's factor left out
    assert "factor is missing" in check(net, "w7", edge)  # dL/do2 left out
    assert "was used where its input belongs" in check(net, "w7", o2 * (1 - o2) * 0.9 * tail)  # w7 for h1
    assert "keep more digits" in check(net, "w7", round(right, 3))
    verdict = check(net, "w7", 1.0)
    assert verdict.startswith("Not yet: 1 is not dL/dw7")
    for verdict in (check(net, "w7", tail), check(net, "w7", 1.0)):
        assert f"{right:.6g}" not in verdict and f"{right:.4f}" not in verdict  # never the answer


def test_exercise_2_dw3(net, forward):
    _, h2, o1, o2 = forward
    edge = h2 * (1 - h2) * X[0]
    via_o1 = edge * o1 * (1 - o1) * -0.2 * (o1 - Y[0])
    via_o2 = edge * o2 * (1 - o2) * 0.1 * (o2 - Y[1])
    right = via_o1 + via_o2
    assert np.isclose(right, net.gradients(X[None], Y[None], "half_sse")[0][0][0, 1])
    assert check(net, "w3", right).startswith("Correct: dL/dw3")
    assert "path 1 alone" in check(net, "w3", via_o1)  # only the path through o1
    assert "path 2 alone" in check(net, "w3", via_o2)  # only the path through o2
    assert "sign is flipped" in check(net, "w3", -right)
    assert "factor is missing" in check(net, "w3", via_o1 / edge + via_o2 / edge)  # the edge x1 -> h2 left out
    # with x1 = -1, leaving out the input is the same number as a flipped sign: the check says the sign
    assert "sign is flipped" in check(net, "w3", right / X[0])
    assert "was used where its input belongs" in check(net, "w3", right * 0.3 / X[0])  # w3 for x1
    for wrong in (via_o1, via_o2, 1.0):  # the verdict repeats the student's number, never the answer
        assert f"{right:.6g}" not in check(net, "w3", wrong)
