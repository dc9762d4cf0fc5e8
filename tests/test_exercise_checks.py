"""The generic check runner on a toy exercise: square every entry of an array."""

from fractions import Fraction

import numpy as np
import pytest

from mlp_helpers.lessons.exercise_checks import (ATOL, PLACEHOLDER, RTOL, Case, CheckResult, Exercise, answer_array,
                                                 number_answer, run_check, same, shape_mismatch)

CASES = (Case("one row", (np.array([[1.0, -2.0]]),), 1), Case("three rows", (np.arange(6.0).reshape(3, 2),), 3))


def variant(case, slip):
    (x,) = case.args
    if slip == "doubled":
        return 2 * x
    if slip == "first row":
        return x[:1] ** 2
    raise AssertionError(slip)


def exercise(one_observation=None):
    return Exercise(
        "square", CASES, lambda c: c.args[0] ** 2, variant,
        (("doubled", "you doubled instead of squaring"), ("first row", "only the first row")),
        lambda raw, case: answer_array("the result", raw),
        lambda out, case: shape_mismatch("the result", out, case.args[0].shape, "it is shaped like x"),
        lambda out, right: [], "Correct: square squares.", one_observation=one_observation)


def test_right_and_each_slip():
    assert run_check(exercise(), lambda x: x * x) == CheckResult(True, "Correct: square squares.")
    assert repr(run_check(exercise(), lambda x: x + x)) == "Not yet: you doubled instead of squaring."
    assert repr(run_check(exercise(), lambda x: x[:1] ** 2)) == "Not yet: only the first row."


def test_shape_then_one_observation_then_generic():
    assert repr(run_check(exercise(), lambda x: (x ** 2).ravel())).startswith(
        "Not yet: the result has shape (2,), but it is shaped like x: (1, 2) (on one row)")
    one_row_only = lambda x: x ** 2 if len(x) == 1 else x  # noqa: E731
    assert repr(run_check(exercise("one observation only"), one_row_only)) == "Not yet: one observation only."
    assert repr(run_check(exercise(), one_row_only)).startswith("Not yet: square gives wrong numbers on three rows")


def test_stubs_errors_and_copies():
    def stub(x):
        raise NotImplementedError("write this part")

    assert "is not finished" in repr(run_check(exercise(), stub))
    assert "returns ... (a placeholder)" in repr(run_check(exercise(), lambda x: ...))
    assert repr(run_check(exercise(), lambda x: x.nope)).startswith("Not yet: square raised AttributeError")

    def in_place(x):
        x **= 2
        return x

    assert run_check(exercise(), in_place).passed and run_check(exercise(), in_place).passed
    assert np.array_equal(CASES[1].args[0], np.arange(6.0).reshape(3, 2))


def test_same_compares_structure_shape_and_numbers():
    x = np.ones((2, 2))
    assert same([x, (x,)], [x, (x + ATOL / 2,)])
    assert not same([x], [x, x]) and not same(x, x.ravel()) and not same(x, x * (1 + 10 * RTOL))


@pytest.mark.parametrize("answer", [Fraction(1, 3), 10**400, "0.1", [[1], [1, 2]], float("nan"), {}, np.array([1.0, 2.0])])
def test_odd_answers_get_a_verdict_not_an_error(answer):
    # every number check of notebooks 01, 02, 03 and 05 reads the answer through number_answer
    value, verdict = number_answer(answer)
    if isinstance(answer, Fraction):
        assert value == pytest.approx(1 / 3) and verdict is None
    else:
        assert value is None and verdict.startswith("Not yet: the answer must be one finite number")


def test_a_placeholder_is_not_yet_answered():
    assert number_answer(...) == (None, PLACEHOLDER)
    assert number_answer(None) == (None, PLACEHOLDER)
    assert number_answer(np.array([0.5])) == (0.5, None)


# -- issue 21: a forgotten return, float32, odd answers, the shared wording ----------------------

from mlp_helpers.lessons.exercise_checks import (FLOAT32_NOTE, FLOAT32_RTOL, NO_RETURN, agrees,  # noqa: E402
                                                 common_slips, cost_slip_message, judge, judge_number)


def test_a_forgotten_return_is_named():
    def square(x):
        x ** 2  # noqa: B018  (the slip: no return)

    assert repr(run_check(exercise(), square)).startswith(f"Not yet: {NO_RETURN} square computes its result")


def test_float32_is_accepted_and_said():
    result = run_check(exercise(), lambda x: (x.astype(np.float32) ** 2 * np.float32(1 + 3e-6)))
    assert result.passed and repr(result) == "Correct: square squares." + FLOAT32_NOTE
    assert "float32" in FLOAT32_NOTE and "float64" in FLOAT32_NOTE
    # beyond float32's tolerance it is wrong
    assert not run_check(exercise(), lambda x: x ** 2 * (1 + 30 * FLOAT32_RTOL)).passed
    # a computed array judged with judge(typed=False) follows the same policy
    right = np.array([1.0, -2.0, 3.0])
    verdict = judge(right * (1 + 2e-6), right, [], correct="yes.", fallback="no", typed=False)
    assert verdict.passed and repr(verdict) == "Correct: yes." + FLOAT32_NOTE
    assert repr(judge(right, right, [], correct="yes.", fallback="no", typed=False)) == "Correct: yes."


class Unreadable:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no")

    def __float__(self):
        raise RuntimeError("no")


@pytest.mark.parametrize("odd", [10**400, [10**400], Unreadable(), [Unreadable()], "x", None, [None]])
def test_run_check_never_raises_on_odd_answers(odd):
    result = run_check(exercise(), lambda x: odd)
    assert result.passed is False and repr(result).startswith("Not yet: ")


@pytest.mark.parametrize("odd", [10**400, Unreadable(), [Unreadable()], Fraction(10**400, 3)])
def test_the_number_judges_never_raise(odd):
    assert judge_number(odd, 0.5, common_slips(0.5, "sse"), correct="c", fallback="f").passed is False
    assert agrees(odd, 0.5) is False
    assert judge(odd, 0.5, [(odd, "odd")], correct="c", fallback="f").passed is False


def test_one_wording_of_the_cost_slips():
    assert [t for _, t in common_slips(1.0, "half_mse", m=4)] == [
        cost_slip_message("sign", "half_mse"), cost_slip_message("factor 2", "half_mse"),
        cost_slip_message("1/m missing", "half_mse", 4)]
    assert "m = 4" in cost_slip_message("divided by m", "sse", 4)
    assert "divided by m:" in cost_slip_message("divided by m", "sse")
    with pytest.raises(ValueError, match="slip must be"):
        cost_slip_message("other", "sse")
