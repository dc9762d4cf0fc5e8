"""The checks of notebook 04's exercises: one wrong answer per slip, each with its own verdict.

Both checks return a ``CheckResult`` (``.passed``, and the verdict as its text), never show the
right value and never raise, whatever the answer.
"""

from fractions import Fraction

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, symmetry


@pytest.fixture(scope="module")
def question():
    case = cases.sigmoid_2_3_3_2()
    net = case.network()
    return net, case.X, case.Y, net.forward(case.X)[-1]


class Unconvertible:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array here")


ODD_ANSWERS = [..., None, "delta", 10**400, Fraction(1, 3) * 10**400, [[10**400, 1.0], [1.0, 1.0]], [[1], [1, 2]],
               Unconvertible(), object(), [[1.0, np.nan], [0.0, 0.0]], np.inf, {"a": 1}]


@pytest.mark.parametrize("check", [symmetry.check_mixed_entry], ids=lambda check: check.__name__)
@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda answer: type(answer).__name__)
def test_delta_checks_never_raise(question, check, answer):
    net, X, Y, _ = question
    result = check(answer, net, X, Y)
    assert isinstance(result, mh.lessons.exercise_checks.CheckResult)
    assert not result.passed and repr(result).startswith("Not yet")


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda answer: type(answer).__name__)
def test_mixed_entry_products_never_raise(question, answer):
    net, X, Y, a = question
    cost_slope, slope = 2 * (a - Y), a * (1 - a)
    right = cost_slope[0, 0] * slope[0, 1] + cost_slope[0, 1] * slope[1, 1]
    for products in ([answer] if answer is not None else []) + [(answer, answer), (answer, 0.1)]:  # None: not given
        result = symmetry.check_mixed_entry(right, net, X, Y, products=products)
        assert isinstance(result, mh.lessons.exercise_checks.CheckResult)
        assert not result.passed and repr(result).startswith("Not yet")


def test_mixed_entry_products_name_each_slip(question):
    """Exercise 1 asks for the two terms as well: indexing the matrix product alone does not pass."""
    net, X, Y, a = question
    cost_slope, slope = 2 * (a - Y), a * (1 - a)
    first, second = cost_slope[0, 0] * slope[0, 1], cost_slope[0, 1] * slope[1, 1]
    right = first + second
    assert symmetry.check_mixed_entry(right, net, X, Y, products=(first, second)).passed
    assert symmetry.check_mixed_entry(right, net, X, Y, products=[first, second]).passed
    assert "only the first" in repr(symmetry.check_mixed_entry(first, net, X, Y, products=(first, second)))
    slips = {
        "swapped": (second, first),
        "they add up to the entry": (right, 0.0),  # the indexed matrix product, with a zero beside it
        "delta^3[0, 0] and delta^3[0, 1]": tuple(cost_slope[0] * slope[0]),
        "first is the term j = 0": (0.1, 0.2),
        "two numbers, one product each": (first, second, 0.0),
        "Not yet answered: write first and second": (..., ...),
    }
    for slip, products in slips.items():
        result = symmetry.check_mixed_entry(right, net, X, Y, products=products)
        assert not result.passed and slip in repr(result), (slip, result)
        assert f"{first:.4f}" not in repr(result) and f"{second:.4f}" not in repr(result) and f"{right:.4f}" not in repr(result)


def test_mixed_entry_placeholder(question):
    net, X, Y, _ = question
    for placeholder in (..., None):  # exercise 1's my_entry is one number: its placeholder verdict says so
        assert repr(symmetry.check_mixed_entry(placeholder, net, X, Y)).startswith("Not yet answered: write your number")


def test_no_two_public_checks_share_a_name():
    assert not hasattr(symmetry, "check_output_delta")


Y_NEW = np.array([[0.9, 0.1], [0.5, 0.7]])


@pytest.mark.parametrize("answer", ODD_ANSWERS, ids=lambda answer: type(answer).__name__)
def test_floor_check_never_raises(answer):
    result = symmetry.check_floor_answer(answer, Y_NEW)
    assert not result.passed and repr(result).startswith("Not yet")


def test_floor_check_names_each_slip():
    floor = 2 * 0.3**2 + 2 * 0.2**2  # column means (0.7, 0.4)
    for right in (floor, round(floor, 4), np.float64(floor), np.array([floor])):
        assert symmetry.check_floor_answer(right, Y_NEW).passed
    row_means = Y_NEW.mean(axis=1, keepdims=True)
    slips = {
        "Not yet answered": ...,
        "half the floor": floor / 2,  # a 1/2 (half_sse) or a 1/m (mean over the two observations)
        "mean over all entries": floor / 4,
        "row means": float(((Y_NEW - row_means) ** 2).sum()),
        "square root": np.sqrt(floor),
        "shared output row": Y_NEW.mean(axis=0),  # the means instead of their cost
        "one finite number": "0.26",
        "close to the floor": floor * 1.01,  # rounded too early: within 3% but not 0.1%
        "find the output row": 0.4,  # the question's floor, not the new one
    }
    for slip, answer in slips.items():
        result = symmetry.check_floor_answer(answer, Y_NEW)
        assert not result.passed and slip in repr(result), (slip, result)
        assert "0.26" not in repr(result) or slip in ("one finite number", "close to the floor")  # its own answer
    assert "4 significant digits" in repr(symmetry.check_floor_answer(floor, Y_NEW))


# -- exercise 1: entry [0, 1] of the matrix product the question's second * is not ---------------
def test_mixed_entry_names_each_slip(question):
    net, X, Y, a = question
    cost_slope, slope = 2 * (a - Y), a * (1 - a)
    right = cost_slope[0, 0] * slope[0, 1] + cost_slope[0, 1] * slope[1, 1]
    for answer in (right, float(right), np.array(right), [right], np.float32(right)):
        assert symmetry.check_mixed_entry(answer, net, X, Y).passed, answer
    slips = {
        "elementwise product's entry": cost_slope[0, 1] * slope[0, 1],  # delta^3[0, 1]
        "entry [1, 0]": cost_slope[1, 0] * slope[0, 0] + cost_slope[1, 1] * slope[1, 0],
        "other order": (slope @ cost_slope)[0, 1],
        "only the first": cost_slope[0, 0] * slope[0, 1],
        "only the second": cost_slope[0, 1] * slope[1, 1],
        "factor 2 is missing": right / 2,
        "sign is flipped": -right,
        "one number": cost_slope @ slope,  # the whole product
        "sum over j of A[i, j] B[j, k]": 0.3,
    }
    for slip, answer in slips.items():
        result = symmetry.check_mixed_entry(answer, net, X, Y)
        assert not result.passed and slip in repr(result), (slip, result)
        assert f"{right:.4f}" not in repr(result) and f"{right:.3f}" not in repr(result)
    assert "1e-6 relative" in repr(symmetry.check_mixed_entry(right, net, X, Y))


def test_mixed_entry_needs_two_observations_and_two_outputs():
    net = mh.MLP([2, 3, 2])
    X, Y = np.array([[0.1, 0.9], [0.5, 0.2], [0.7, 0.7]]), np.array([[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]])
    with pytest.raises(ValueError, match="two observations and two outputs"):
        symmetry.check_mixed_entry(0.1, net, X, Y)


# -- exercise 2: best_row, judged before the floor ---------------------------------------------
def test_best_row_names_each_slip():
    floor = 2 * 0.3**2 + 2 * 0.2**2
    means = Y_NEW.mean(axis=0)
    assert symmetry.check_floor_answer(floor, Y_NEW, best_row=means).passed
    assert symmetry.check_floor_answer(floor, Y_NEW, best_row=means.tolist()).passed
    slips = {
        "Not yet answered: write best_row": ...,
        "row means": Y_NEW.mean(axis=1),
        "mean of every target": np.full(2, Y_NEW.mean()),
        "swapped": means[::-1],
        "observation [0]'s targets": Y_NEW[0],
        "observation [1]'s targets": Y_NEW[1],
        "shape (2,); got shape (3,)": [0.6, 0.3, 0.0],
        "best_row: answer must be an array of real numbers": "0.6, 0.3",
        "set the slope of the cost": [0.5, 0.5],
    }
    for slip, row in slips.items():
        result = symmetry.check_floor_answer(floor, Y_NEW, best_row=row)
        assert not result.passed and slip in repr(result), (slip, result)
        assert "0.6" not in repr(result) or slip.startswith("best_row: answer")
    # a right row with a wrong floor: the floor's slip is named
    assert "half the floor" in repr(symmetry.check_floor_answer(floor / 2, Y_NEW, best_row=means))
    for odd in ODD_ANSWERS[2:]:
        assert not symmetry.check_floor_answer(floor, Y_NEW, best_row=odd).passed
