"""Checking a learner's chain-rule answer and saying, in plain words, what went wrong.

``check_path_answer(answer, expected)`` compares a number worked out by hand with the sum
of path products in ``expected`` (a ``paths.PathSum``) and recognises the usual slips: a
missing path, a missing factor, a flipped sign, the weight used where its input belongs.
"""

import numpy as np

from .exercise_checks import number_answer
from .notation import format_number
from .paths import PathSum
from ..validation import as_real


def likely_mistakes(expected):
    """What the usual slips give for ``expected`` (a ``PathSum``): a list of ``(explanation, value)``."""
    paths, name = expected.paths, expected.name
    mistakes = [("the sign is flipped: check (prediction - target) in the last factor", -expected.total)]
    if len(paths) > 1:
        for number, path in enumerate(paths, start=1):
            why = f"that is path {number} alone ({path.route}); {name} reaches L along {len(paths)} paths: add them all"
            mistakes.append((why, path.product))
    for position in range(len(paths[0].factors)):
        kept = [np.prod([f.value for i, f in enumerate(p.factors) if i != position]) for p in paths]
        labels = " and ".join(dict.fromkeys(p.factors[position].label for p in paths))
        mistakes.append((f"a factor is missing: {labels}", float(sum(kept))))
    if expected.parameter[0] == "w" and expected.input_value != 0:
        why = (
            f"the weight {name} was used where its input belongs: the derivative of weight * input with "
            "respect to the weight is the input"
        )
        mistakes.append((why, expected.total * expected.value / expected.input_value))
    return mistakes


def check_path_answer(answer, expected, rtol=1e-3):
    """A one-line verdict on ``answer`` for dL/d(parameter), the ``total`` of ``expected``.

    answer: a number (``...`` or ``None`` while the exercise is not done); expected: a ``PathSum``;
    rtol: relative tolerance, so that an answer rounded to 4 significant digits passes.
    Returns a string starting with "Correct" or "Not yet"; it never raises.
    """
    if not isinstance(expected, PathSum):
        raise TypeError(f"expected must be the PathSum that chain_rule_paths returns, got {type(expected).__name__}")
    rtol = as_real("rtol", rtol, positive=True)
    target = expected.total
    answer, verdict = number_answer(answer)
    if verdict:
        return verdict

    def matches(value):
        return np.isclose(answer, value, rtol=rtol, atol=1e-12)

    shown = f"dL/d{expected.name}"
    if matches(target):
        return f"Correct: {shown} is the sum of {len(expected.paths)} path product(s)."
    # a slip counts only when it gives a value distinguishable from the right answer
    for why, value in likely_mistakes(expected):
        if matches(value) and not np.isclose(value, target, rtol=rtol, atol=1e-12):
            return f"Not yet: {format_number(answer, 6)} is not {shown}; {why}."
    if np.isclose(answer, target, rtol=30 * rtol, atol=1e-12):
        return f"Not yet: {format_number(answer, 6)} is close to {shown} but not within {rtol:g}: keep more digits."
    return (
        f"Not yet: {format_number(answer, 6)} is not {shown}. Multiply the local derivatives along each "
        f"path, then add the {len(expected.paths)} path product(s)."
    )
