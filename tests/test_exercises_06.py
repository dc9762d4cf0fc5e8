"""Notebook 06's two checks: right answers pass, each slip is named, nothing raises or shows the value."""

import numpy as np
import pytest

from mlp_helpers.lessons import stalls

RIGHT_RATIO = 0.25 ** 9


def test_the_right_delta_passes():
    result = stalls.check_output_delta(lambda a, y: a - y)
    assert result.passed and str(result).startswith("Correct")


@pytest.mark.parametrize("slip, says", [
    (lambda a, y: (a - y) / (a * (1 - a)), "that is dC/da"),           # forgot the sigmoid's slope
    (lambda a, y: y - a, "the sign is flipped"),
    (lambda a, y: 2 * (a - y) * a * (1 - a), "SSE's delta"),  # kept the old cost's delta
    (lambda a, y: (a - y) * a * (1 - a), "half SSE's delta"),
    (lambda a, y: (a - y) / len(a), "divided by the number of observations"),
])
def test_each_delta_slip_is_named(slip, says):
    result = stalls.check_output_delta(slip)
    assert not result.passed and says in str(result), str(result)


@pytest.mark.parametrize("answer, says", [
    (None, "there is no output_delta yet"),
    (..., "there is no output_delta yet"),
    (3, "pass the function itself"),
    (lambda a, y: ..., "returns ... (a placeholder)"),
    (lambda a, y: "a - y", "delta must be"),
    (lambda a, y: (a - y)[0], "delta has shape"),
    (lambda a, y: 10 ** 400, "delta"),
    (lambda a, y: 1 / 0, "raised ZeroDivisionError"),
    (lambda a, y: a + y, "look like none of the usual slips"),
])
def test_delta_check_never_raises(answer, says):
    def stub(a, y):
        raise NotImplementedError

    result = stalls.check_output_delta(answer)
    assert not result.passed and says in str(result), str(result)
    assert "not finished" in str(stalls.check_output_delta(stub))


def test_the_right_ratio_passes_also_typed_to_four_digits():
    assert stalls.check_depth_ratio(RIGHT_RATIO).passed
    assert stalls.check_depth_ratio(3.815e-6).passed
    assert stalls.check_depth_ratio(np.array([RIGHT_RATIO])).passed


@pytest.mark.parametrize("slip, says", [
    (0.25 ** 10, "one factor 1/4 too many"),        # counted the output layer's slope too
    (0.5 ** 9, "multiplied by the unit's output"),  # a instead of a(1 - a)
    (4.0 ** 9, "the last layer's gradient over the first's"),  # inverted
])
def test_each_ratio_slip_is_named(slip, says):
    result = stalls.check_depth_ratio(slip)
    assert not result.passed and says in str(result), str(result)


@pytest.mark.parametrize("answer, says", [
    (None, "Not yet answered"), (..., "Not yet answered"), (10 ** 400, "one finite number"),
    ("3.8e-6", "one finite number"), ([1, 2], "one finite number"), (float("nan"), "one finite number"),
    (3.79e-6, "close to the ratio"), (0.5, "follow delta"),
])
def test_ratio_check_never_raises(answer, says):
    result = stalls.check_depth_ratio(answer)
    assert not result.passed and says in str(result), str(result)


@pytest.mark.parametrize("answer", [0.25 ** 10, 0.5 ** 9, 4.0 ** 9, 0.5, None])
def test_no_wrong_answer_is_shown_the_value(answer):
    text = str(stalls.check_depth_ratio(answer))
    assert not any(form in text for form in ("3.81", "3.8e", "0.0000038", "2**-18", "4**-9", "4^-9", "0.25**9"))


def test_only_the_right_answer_is_told_what_it_means():
    """The right answer's verdict explains it (the student has the value already): nine factors 1/4."""
    text = str(stalls.check_depth_ratio(RIGHT_RATIO))
    assert text.startswith("Correct: ") and "4^-9" in text and "3.8e-6" in text
    assert "9 steps back from delta^10 to delta^1" in text


def test_no_delta_verdict_shows_numbers():
    for answer in (lambda a, y: a - y, lambda a, y: y - a, lambda a, y: a + y):
        assert not any(ch.isdigit() for ch in str(stalls.check_output_delta(answer)).replace("1 - a", ""))
