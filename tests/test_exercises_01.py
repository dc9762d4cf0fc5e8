"""The checks of notebook 01's exercises: each slip a student is likely to make gets its own verdict.

The exercises use the branching 2-2-2 network on the observation x = (-1, 0.5), y = (0, 1);
one wrong answer per slip, worked out here from the forward values, not from the check.
"""

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers.lessons.exercise_checks import CheckResult
from mlp_helpers.lessons.path_exercises import check_path_gradient, check_path_steps

X, Y = np.array([-1.0, 0.5]), np.array([0.0, 1.0])
W5, W6, W7, W8 = 0.6, -0.2, 0.9, 0.1


@pytest.fixture(scope="module")
def net():
    return mh.MLP([2, 2, 2]).set_params(
        [[[0.5, 0.3], [-0.4, 0.8]], [[W5, W7], [W6, W8]]],
        [[0.1, -0.1], [0.2, -0.3]],
    )


@pytest.fixture(scope="module")
def forward(net):
    _, (h1, h2), (o1, o2) = (a[0] for a in net.forward(X[None, :]))
    return h1, h2, o1, o2


def check(net, name, answer):
    result = check_path_gradient(answer, net, X, Y, name, loss="half_sse")
    assert isinstance(result, CheckResult)
    return result.verdict


class Unreadable:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array here")

    def __float__(self):
        raise RuntimeError("no number here")


@pytest.mark.parametrize("answer", [..., None, "0.1", 10**400, [1, 2], Unreadable(), float("nan"), {}, 1j])
def test_no_answer_of_any_kind_makes_a_check_raise(net, answer):
    for name in ("w7", "w3", ("b", 0, 0), ("b", 0, 1)):
        assert check(net, name, answer).startswith("Not yet")
    result = check_path_steps(net, X, Y, "w3", loss="half_sse", first_edge=answer, via=answer, total=answer)
    assert not result.passed and result.verdict.startswith("Not yet")


def test_exercise_1_dw7_names_each_slip(net, forward):
    h1, _, _, o2 = forward
    edge, tail = o2 * (1 - o2) * h1, o2 - Y[1]
    right = edge * tail
    assert np.isclose(right, net.gradients(X[None], Y[None], "half_sse")[0][1][0, 1])
    assert check(net, "w7", right).startswith("Correct")
    assert check(net, "w7", round(right, 5)).startswith("Correct")
    assert "sign is flipped" in check(net, "w7", -right)  # (y - o2) instead of (o2 - y)
    assert "factor 2 too many" in check(net, "w7", 2 * right)  # the cost taken as sse, not half_sse
    assert "sigmoid slopes are missing" in check(net, "w7", h1 * tail)  # o2(1 - o2) left out of the edge
    assert "wrong target" in check(net, "w7", edge * (o2 - Y[0]))  # y1 where y2 belongs
    assert "was used where its input belongs" in check(net, "w7", o2 * (1 - o2) * W7 * tail)  # w7 for h1
    assert "factor is missing" in check(net, "w7", edge)  # dC/do2 left out
    close = check(net, "w7", right * 1.005)
    assert "within 0.1%" in close and "relative" in close
    assert check(net, "w7", 1.0).startswith("Not yet: multiply the local derivatives")
    for wrong in (h1 * tail, edge, 2 * right, right * 1.005, 1.0):
        verdict = check(net, "w7", wrong)
        assert f"{right:.6g}" not in verdict and f"{right:.4f}" not in verdict  # never the answer


@pytest.mark.parametrize("unit, weights, inputs_of", [(0, (W5, W7), ("w1", "w2")), (1, (W6, W8), ("w3", "w4"))])
def test_exercise_1_bias_names_each_slip(net, forward, unit, weights, inputs_of):
    """Exercise 1 (the bias of h2; h1's too): two paths, through o1 and o2 (opposite signs for h1, not for h2)."""
    h, o1, o2 = forward[unit], forward[2], forward[3]
    bias, name = ("b", 0, unit), f"h{unit + 1}"
    slope = h * (1 - h)
    via_o1 = slope * o1 * (1 - o1) * weights[0] * (o1 - Y[0])
    via_o2 = slope * o2 * (1 - o2) * weights[1] * (o2 - Y[1])
    right = via_o1 + via_o2
    assert (via_o1 * via_o2 < 0) == (unit == 0)
    assert np.isclose(right, net.gradients(X[None], Y[None], "half_sse")[1][0][unit])
    assert check(net, bias, round(right, 6)) == f"Correct: dC/db_{name} is the sum of 2 path products."
    # the formula of the weight from x1 copied, the input x1 = -1 multiplied in (the same number as a flipped sign)
    assert "an input (-1) was multiplied in (or the sign is flipped)" in check(net, bias, X[0] * right), inputs_of[0]
    assert "an input (0.5) was multiplied in" in check(net, bias, X[1] * right), inputs_of[1]
    assert "path 1 alone" in check(net, bias, via_o1) and "path 2 alone" in check(net, bias, via_o2)
    assert "factor 2 too many" in check(net, bias, 2 * right)  # the cost taken as sse
    assert f"slope of {name} is missing" in check(net, bias, right / slope)  # dh/db taken as 1
    swapped = via_o1 / (o1 - Y[0]) * (o1 - Y[1]) + via_o2 / (o2 - Y[1]) * (o2 - Y[0])
    assert "wrong target" in check(net, bias, swapped)
    for wrong in (via_o1, via_o2, 2 * right, -right, right / slope, 1.0):
        verdict = check(net, bias, wrong)
        assert f"{right:.6g}" not in verdict and f"{right:.4f}" not in verdict  # never the answer


def test_exercise_2_dw3_names_each_slip(net, forward):
    h1, h2, o1, o2 = forward
    edge = h2 * (1 - h2) * X[0]
    via_o1 = edge * o1 * (1 - o1) * W6 * (o1 - Y[0])
    via_o2 = edge * o2 * (1 - o2) * W8 * (o2 - Y[1])
    right = via_o1 + via_o2
    assert np.isclose(right, net.gradients(X[None], Y[None], "half_sse")[0][0][0, 1])
    assert check(net, "w3", right).startswith("Correct: dC/dw3")
    assert "path 1 alone" in check(net, "w3", via_o1)  # only the path through o1
    assert "path 2 alone" in check(net, "w3", via_o2)  # only the path through o2
    assert "sign is flipped" in check(net, "w3", -right)
    assert "factor 2 too many" in check(net, "w3", 2 * right)
    assert "slope of h2 is missing" in check(net, "w3", right / (h2 * (1 - h2)))
    assert "wrong target" in check(net, "w3", edge * (o1 * (1 - o1) * W6 * (o1 - Y[1]) + o2 * (1 - o2) * W8 * (o2 - Y[0])))
    assert "was used where its input belongs" in check(net, "w3", right * 0.3 / X[0])  # w3 for x1
    assert "d(weight)/d(unit) read as the weight" in check(net, "w3", h2 * right)  # the question's formula
    for wrong in (via_o1, via_o2, 1.0):  # the verdict repeats the student's number, never the answer
        assert f"{right:.6g}" not in check(net, "w3", wrong)


def test_exercise_2_steps_name_the_first_wrong_step(net, forward):
    _, h2, o1, o2 = forward
    edge = h2 * (1 - h2) * X[0]
    via_o1 = edge * o1 * (1 - o1) * W6 * (o1 - Y[0])
    via_o2 = edge * o2 * (1 - o2) * W8 * (o2 - Y[1])

    def steps(first_edge=edge, via=(via_o1, via_o2), total=via_o1 + via_o2):
        return check_path_steps(net, X, Y, "w3", loss="half_sse", first_edge=first_edge, via=list(via), total=total)

    assert steps().passed and steps().verdict.startswith("Correct: every step is right")
    assert "step 1" in steps(first_edge=h2 * (1 - h2) * 0.3).verdict  # the weight w3 for the input x1
    assert "weight w3 was used" in steps(first_edge=h2 * (1 - h2) * 0.3).verdict
    assert "slope of h2 is missing" in steps(first_edge=X[0]).verdict
    # x1 = -1: a missing input and a flipped sign are the same number, and the verdict says both
    assert "or the input (-1) is missing" in steps(first_edge=-edge).verdict
    verdict = steps(via=(edge * W6 * (o1 - Y[0]), via_o2)).verdict
    assert "step 2" in verdict and "slope of o1 is missing" in verdict
    verdict = steps(via=(via_o2, via_o1)).verdict
    assert "step 2" in verdict and "other path" in verdict
    verdict = steps(via=(via_o1, edge * o2 * (1 - o2) * W8 * (o2 - Y[0]))).verdict
    assert "step 3" in verdict and "wrong target" in verdict
    verdict = steps(total=via_o1).verdict
    assert "steps 1 to 3 are right, but the sum is not" in verdict and "path 1 alone" in verdict
    assert "via must list your 2 path products" in steps(via=(via_o1,)).verdict
    for result in (steps(first_edge=X[0]), steps(total=via_o1)):
        assert f"{via_o1 + via_o2:.6g}" not in result.verdict and f"{edge:.6g}" not in result.verdict


def test_the_notebook_checks_fix_the_parameter_and_keep_the_verdicts(net, forward):
    """check_dC_db_h2 and check_dC_dw3 (the check cells' calls, which name no selector) judge exactly
    as the general checks do for b_h2 and w3: the right answer, a named slip, an answer that is no number."""
    from mlp_helpers.lessons.path_exercises import check_dC_db_h2, check_dC_dw3

    _, h2, o1, o2 = forward
    paths = [h2 * (1 - h2) * o1 * (1 - o1) * W6 * (o1 - Y[0]), h2 * (1 - h2) * o2 * (1 - o2) * W8 * (o2 - Y[1])]
    for answer in (sum(paths), paths[0], -sum(paths), None):
        assert check_dC_db_h2(answer, net, X, Y) == check_path_gradient(answer, net, X, Y, ("b", 0, 1), loss="half_sse")
    assert check_dC_db_h2(sum(paths), net, X, Y).passed
    assert "path 1 alone" in check_dC_db_h2(paths[0], net, X, Y).verdict
    first = h2 * (1 - h2) * X[0]
    via = [first / (h2 * (1 - h2)) * p for p in paths]
    for steps in [dict(first_edge=first, via=via, total=sum(via)), dict(first_edge=-first, via=via, total=sum(via)),
                  dict(first_edge=first, via=via[:1], total=via[0]), dict(first_edge=..., via=None, total=None)]:
        assert check_dC_dw3(net, X, Y, **steps) == check_path_steps(net, X, Y, "w3", loss="half_sse", **steps)
    assert check_dC_dw3(net, X, Y, first_edge=first, via=via, total=sum(via)).passed
