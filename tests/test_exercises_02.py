"""The checks of notebook 02's exercises: one wrong answer per slip, each with its own verdict."""

import warnings

import numpy as np
import pytest

from mlp_helpers import cases, linear_regression as linreg
from mlp_helpers.lessons.exercise_checks import CheckResult


class Unreadable:
    """An answer whose conversion to an array raises."""

    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array here")


@pytest.fixture(scope="module")
def case():
    return cases.linear_2_2_1(a=0.3)


@pytest.fixture(scope="module")
def net(case):
    return case.network().init_random(seed=1)


def verdict(net, case, answer, weight="w221"):
    result = linreg.check_gradient_answer(answer, net, case.X, case.Y, weight)
    assert isinstance(result, CheckResult) and str(result) == result.verdict
    assert result.passed == result.verdict.startswith("Correct")
    return result.verdict


def test_gradient_check_placeholders_never_raise(net, case):
    for placeholder in (..., None):
        assert verdict(net, case, placeholder).startswith("Not yet answered")
    for bad in ("0.1", [0.1], float("nan"), True, 10**400, Unreadable(), object(), [[1.0, 2.0]]):
        assert verdict(net, case, bad).startswith("Not yet: the answer must be one finite number")


def test_gradient_check_names_each_slip(net, case):
    X, y = case.X, case.Y[:, 0]
    (w111, w121), (w112, w122) = net.weights[0]
    (w211,), (w212,) = net.weights[1]
    x1, x2 = X[:, 0], X[:, 1]
    residual = w211 * (w111 * x1 + w112 * x2) + w212 * (w121 * x1 + w122 * x2) - y  # y' - y
    right = np.mean(residual * x2 * w212)  # the question's w221 is the answer's w122
    assert verdict(net, case, right) == "Correct: that is dC/dw221 (to 4 significant digits)."
    assert verdict(net, case, round(right, 4)).startswith("Correct")
    assert verdict(net, case, np.array([right])).startswith("Correct")
    slips = {
        # the three most common: the question's own slip, a flipped sign, the sum instead of the mean
        "outgoing weight is missing: w221 reaches": np.mean(residual * x2),
        "sign is flipped": np.mean(-residual * x2 * w212),
        "the 1/m is missing": np.sum(residual * x2 * w212),
        # and the others
        "outgoing weight is missing and the sign is flipped: that is the question's own formula": np.mean(-residual * x2),
        "a factor 2 too many": np.mean(2 * residual * x2 * w212),
        "gradient of W_1[1, 0]": np.mean(residual * (w121 * x1 + w122 * x2)),  # dC/dW_1[1, 0] = mean((y' - y) h2)
        "gradient of W_0[0, 1]": np.mean(residual * x1 * w212),  # the question's w211: the names mixed up
        "keep at least 4 significant digits": right * 1.01,
        "looks like none of the usual slips": 1.0,
    }
    for slip, answer in slips.items():
        text = verdict(net, case, answer)
        assert text.startswith("Not yet") and slip in text, (slip, text)
        assert f"{abs(right):.4f}" not in text and f"{abs(right):.3g}" not in text  # never the right value


def test_gradient_check_of_an_outgoing_weight_names_each_slip(net, case):
    """Exercise 1b: the question's w212 is W_1[1, 0]; dy'/dW_1[1, 0] = h_2."""
    residual = net.predict(case.X)[:, 0] - case.Y[:, 0]  # y' - y
    h = case.X @ net.weights[0]  # (m, 2): h_1, h_2
    w212 = net.weights[1][1, 0]
    right = np.mean(residual * h[:, 1])
    assert verdict(net, case, right, "w212") == "Correct: that is dC/dw212 (to 4 significant digits)."
    slips = {
        "the weight itself is an extra factor": np.mean(residual * h[:, 1] * w212),
        "sign is flipped": -right,
        "the 1/m is missing": np.sum(residual * h[:, 1]),
        "a factor 2 too many": 2 * right,
        "gradient of W_1[0, 0]": np.mean(residual * h[:, 0]),  # h_1: the other hidden unit
        "gradient of W_0[1, 1]": np.mean(residual * case.X[:, 1] * w212),  # the question's w221
    }
    for slip, answer in slips.items():
        text = verdict(net, case, answer, "w212")
        assert text.startswith("Not yet") and slip in text, (slip, text)
        assert f"{abs(right):.4f}" not in text and f"{abs(right):.3g}" not in text


def test_gradient_check_in_the_answer_names(net, case):
    right = net.gradients(case.X, case.Y, loss=case.loss)[0][1][0, 0]  # answer's w211 (z11 -> y')
    assert linreg.check_gradient_answer(right, net, case.X, case.Y, "w211", notation="regression_answer").passed
    assert linreg.check_gradient_answer(right, net, case.X, case.Y, "W_1[0, 0]", notation="card").passed


@pytest.mark.parametrize(
    "weights, slip",
    [
        (..., "Not yet answered"),
        ([[[0.5, 0.5], [0.5, 0.5]], [[0.5], [0.5]]], "constant start"),
        ([[[0.3, 0.3], [-0.7, -0.7]], [[1.1], [0.4]]], "incoming weights match but the outgoing weights differ"),
        ([[[0.3, 0.3], [-0.7, -0.7]], [[1.1], [1.1]]], "a negative outgoing weight: change the sign"),
        ([[[0.3, 0.3], [-0.7, -0.7]], [[0.0], [0.0]]], "a negative outgoing weight: change the sign"),
        ([[[0.3, 0.3], [0.3, 0.3]], [[-1.1], [-1.1]]], "have opposite signs"),
        # section 7's trained constant-start weights, negated: tied and negative, but of one sign
        ([[[-0.6469, -0.6469], [-0.8427, -0.8427]], [[-0.9383], [-0.9383]]], "have opposite signs"),
        ([[[0.3, 0.3], [0.0, 0.0]], [[-1.1], [-1.1]]], "have opposite signs"),
        ([[[0.3, 0.2], [-0.7, -0.7]], [[1.1], [1.1]]], "outgoing weights match but the incoming ones differ"),
        ([[[0.3, -0.7], [0.3, -0.7]], [[1.1], [0.4]]], "the rows of weights[0]"),
        ([[[0.3, -0.7], [0.2, 0.1]], [[1.1], [0.4]]], "the two hidden units are not copies"),
        ([[[0.3, 0.3], [-0.7, -0.7]]], "2 arrays, one per layer"),
        ([[[0.3, 0.3, 0.1], [-0.7, -0.7, 0.1]], [[1.1], [1.1]]], "shape"),
        (5, "must be a list"),
        ("weights", "must be a list"),
        (None, "Not yet answered"),
        ([[[10**400, 1.0], [1.0, 1.0]], [[1.0], [1.0]]], "too large for a float"),
        ([Unreadable(), Unreadable()], "could not be read as numbers"),
        ([[[float("nan"), 1.0], [1.0, 1.0]], [[1.0], [1.0]]], "NaN"),
        # almost copies is not copies: a tie holds only when the units are equal to the last bit
        ([[[0.3, 0.3 + 1e-12], [-0.7, -0.7]], [[1.1], [1.1]]], "outgoing weights match but the incoming ones differ"),
        # tied, but too large: training overflows (at a step, or before the first), so the verdict says diverged
        ([[[10.0, 10.0], [-10.0, -10.0]], [[10.0], [10.0]]], "training diverges at step 7"),
        ([[[1e200, 1e200], [1.0, 1.0]], [[1.0], [1.0]]], "training diverges before the first step"),
        # tied and as asked, but c = 2 u v < 0 at the start (u > 0 > v): the fifth rule, checked before training
        ([[[-1.0, -1.0], [1.0, 1.0]], [[-1.0], [-1.0]]], "slope c is positive"),
        ([[[-0.5, -0.5], [1.0, 1.0]], [[-1.0], [-1.0]]], "slope c is positive"),
    ],
)
def test_symmetric_start_check_names_each_slip(case, weights, slip):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the check explains a divergence; it neither warns nor raises
        result = linreg.check_symmetric_start(weights, case)
    assert isinstance(result, CheckResult) and not result.passed
    assert result.verdict.startswith("Not yet") and slip in result.verdict, result.verdict


def test_symmetric_start_check_accepts_any_tied_start(case):
    # the hint's range: any tied start with weights between -2 and 2 trains without diverging
    for weights in ([[[0.3, 0.3], [-0.7, -0.7]], [[-1.1], [-1.1]]], [[[0.1, 0.1], [-2.0, -2.0]], [[-1.0], [-1.0]]],
                    [[[2.0, 2.0], [-2.0, -2.0]], [[-2.0], [-2.0]]], [[[2.0, 2.0], [-1.0, -1.0]], [[-2.0], [-2.0]]],
                    [[[0.1, 0.1], [-0.2, -0.2]], [[-0.1], [-0.1]]], [[[0.5, 0.5], [-1.0, -1.0]], [[-1.0], [-1.0]]]):
        result = linreg.check_symmetric_start(weights, case)
        assert result.passed
        # every start as asked (c > 0, weights up to 2 in size, or down to 0.1) reaches c* within 500 steps
        assert result.verdict.startswith("Correct: the two hidden units start as copies without being constant, "
                                         "with negative outgoing weights, opposite-signed weights from x_1 and x_2 and c > 0; "
                                         "after 500 steps they are still tied and c reached c* (within 1e-6)."), weights


def test_symmetric_start_check_says_when_c_has_not_reached_c_star(case):
    # tied and as asked (c > 0), but so small that 500 steps do not bring c to c*: passed, and the verdict says why
    result = linreg.check_symmetric_start([[[1e-9, 1e-9], [-2e-9, -2e-9]], [[-1e-9], [-1e-9]]], case)
    assert result.passed and "c is not yet within 1e-6 of c*: your weights are tiny" in result.verdict, result.verdict
