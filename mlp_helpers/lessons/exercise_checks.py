"""Running a student's function on several cases and naming its most likely slip.

A check is described by an ``Exercise``: the cases to run, the right answer of each, and the
usual slips, each a *variant* of the right computation. ``run_check(exercise, student)`` calls
the student's function on every case and returns a ``CheckResult`` whose verdict is, in order:

* "Not yet: ..." when there is no function yet, it raises ``NotImplementedError`` or returns
  ``...`` (a stub from a student copy), returns None (a forgotten ``return``), or returns something
  of the wrong kind (text, 10**400, an object that cannot become an array);
* "Correct: ..." when every case agrees with the right answer (to float64 rounding, or to float32
  rounding with a note that says so: see the tolerance policy below);
* the slip's message when the answers agree with that slip's variant on every case (raising
  where the variant raises) and the variant differs from the right answer somewhere;
* the student's own error, shown plainly with a hint, when the function raised;
* a shape that cannot be right, then "right for one observation but not several", then which
  part of the answer is wrong.

A verdict never contains an expected number. The student's function never crashes the check.
"""

import reprlib
import traceback
from dataclasses import dataclass

import numpy as np

from ..validation import as_float_array, as_real

# The one tolerance policy of every check in the course, said in the verdicts that depend on it:
# * what a student's code computes (a function, an array) is right when every entry agrees with the
#   right value to RTOL relative or ATOL absolute (float64 work, rounding only);
# * float32: code that computes in float32 (about 7 significant digits) is ACCEPTED when every entry
#   agrees with the right value to FLOAT32_RTOL of the largest entry of its array (float32 rounding,
#   compounded over a few products and sums, with cancellation in sums of mixed signs). The check
#   passes, and its verdict says that the numbers are right to float32 precision only and that
#   numpy's default float64 matches the package to the last digits. The reason: the maths is right,
#   which is what an exercise asks, and no usual slip comes within 1e-5 of the right answer on every
#   case (a slip is off by a factor, a sign, a transpose or a layer);
# * a number the student types is right when it agrees to NUMBER_RTOL relative (4 significant
#   digits), or within NUMBER_ATOL when the right value is 0.
# A slip is named only when the answer agrees with the slip's value to the same tolerance and that
# value differs from the right one by more than it.
RTOL, ATOL = 1e-6, 1e-9
FLOAT32_RTOL = 1e-5
NUMBER_RTOL, NUMBER_ATOL = 1e-3, 1e-12
#: a typed number this many tolerances from the right value is "close: keep more digits"
CLOSE = 30

SHAPE_HINT = "the shapes do not line up: print the .shape of each array on that line"
INDEX_HINT = "an index runs past the end of a list or an array: print its length"
FLOAT32_NOTE = (
    " Your numbers agree to float32 precision only (about 7 significant digits): somewhere they are "
    "computed in float32 (dtype=np.float32, .astype(np.float32)). That is accepted; numpy's default, "
    "float64 (about 16 digits), matches the package to the last digits."
)
NO_RETURN = "your function returns None: did you forget `return`?"


@dataclass(frozen=True)
class CheckResult:
    """The verdict of one check: ``passed`` (bool) and ``verdict``, one line of text.

    Prints as its verdict; never contains an expected number.
    """

    passed: bool
    verdict: str

    def __repr__(self):
        return self.verdict

    __str__ = __repr__


class AnswerProblem(Exception):
    """An answer of the wrong kind; its message becomes the verdict's reason."""


@dataclass(frozen=True)
class Case:
    """One call of the student's function: ``args``, a ``label`` saying where they come from,
    and ``m``, the number of observations in them."""

    label: str
    args: tuple
    m: int

    def fresh_args(self):
        """Copies, so that a function that writes into its arguments spoils nothing."""
        return tuple([x.copy() for x in arg] if isinstance(arg, list) else arg.copy() for arg in self.args)


@dataclass(frozen=True)
class Exercise:
    """What one check needs.

    name: the student's function name; cases: ``Case`` objects; reference: case -> right answer;
    variant: (case, slip) -> that slip's answer; slips: ``(slip, message)`` pairs, tried in order;
    parse: (raw answer, case) -> normalized answer (arrays), or raises ``AnswerProblem``;
    shape_problem: (answer, case) -> a message, or None when the shapes can be right;
    parts: (answer, right answer) -> names of the wrong parts; passed: the verdict when right;
    one_observation: the message for "right on every one-observation case only" (None: never);
    shape_hint / index_hint: the hints for a student's shape or index error.
    """

    name: str
    cases: tuple
    reference: object
    variant: object
    slips: tuple
    parse: object
    shape_problem: object
    parts: object
    passed: str
    one_observation: str = None
    shape_hint: str = SHAPE_HINT
    index_hint: str = INDEX_HINT


@dataclass(frozen=True)
class _Outcome:
    case: Case
    output: object = None
    error: Exception = None


def same(x, y, float32=False):
    """Equal structure, equal shapes, equal numbers; x, y: arrays or nested lists of them, y the
    right one. The numbers agree to RTOL/ATOL, or with ``float32`` to FLOAT32_RTOL of y's largest
    entry (the tolerance policy above)."""
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        if not (isinstance(x, np.ndarray) and isinstance(y, np.ndarray) and x.shape == y.shape):
            return False
        if float32:
            scale = float(np.max(np.abs(y), initial=0.0))
            return bool(np.all(np.abs(x - y) <= FLOAT32_RTOL * scale + ATOL))
        return bool(np.allclose(x, y, rtol=RTOL, atol=ATOL))
    return len(x) == len(y) and all(same(a, b, float32) for a, b in zip(x, y))


def answer_array(name, value):
    """``value`` as a finite float64 array, or an ``AnswerProblem`` naming ``name``; never another
    error, whatever ``value`` is (None, text, 10**400, an object whose ``__array__`` raises)."""
    if value is None:
        raise AnswerProblem(f"{name} is None: nothing was stored there (a function that computes it "
                            "without `return`, or a list entry never filled)")
    try:
        return as_float_array(name, value)
    except (TypeError, ValueError) as exc:
        raise AnswerProblem(str(exc)) from None
    except OverflowError:
        raise AnswerProblem(f"{name} holds a number too large for a float (above about 1.8e308)") from None
    except Exception as exc:  # an object whose __array__, __len__ or __float__ raises
        raise AnswerProblem(f"{name} cannot be read as an array of numbers (converting it raised "
                            f"{type(exc).__name__})") from None


def answer_list(name, value, what):
    """``value`` (a list or tuple) as a list of arrays; ``what`` says what the list must hold."""
    if isinstance(value, np.ndarray) or not isinstance(value, (list, tuple)):
        raise AnswerProblem(f"{name} must be a list with {what}, got {type(value).__name__}")
    return [answer_array(f"{name}[{k}]", v) for k, v in enumerate(value)]


def answer_pair(name, value, first, second, what):
    """``value`` as a pair ``(first, second)``, or an ``AnswerProblem`` saying what ``name`` must return."""
    if isinstance(value, np.ndarray) or not isinstance(value, (list, tuple)) or len(value) != 2:
        raise AnswerProblem(f"{name} must return a pair ({first}, {second}) of {what}, got {type(value).__name__}")
    return value


def shape_mismatch(name, value, shape, why):
    """A message when ``value`` is not of ``shape`` (``why`` says what the shape follows from), else None."""
    if value.shape != tuple(shape):
        return f"{name} has shape {value.shape}, but {why}: {tuple(shape)}"
    return None


def _holds_ellipsis(value):
    if value is Ellipsis:
        return True
    return isinstance(value, (list, tuple)) and any(_holds_ellipsis(v) for v in value)


def _where_raised(exc):
    """The student's line that raised, as ' at `...`', or '' when it cannot be found."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename != __file__ and "site-packages" not in f.filename and f.line]
    return f" at `{frames[-1].line.strip()}`" if frames else ""


def _hint(exercise, exc):
    text = str(exc)
    if isinstance(exc, ValueError) and any(w in text for w in ("matmul", "shape", "broadcast", "align")):
        return exercise.shape_hint
    if isinstance(exc, IndexError):
        return exercise.index_hint
    if isinstance(exc, NameError):
        return "a name is not defined: run the cell that defines it first, or check its spelling"
    if isinstance(exc, TypeError):
        return "a value has the wrong kind: check what your function passes on and what it returns"
    return "read the message and the line it names, then try your function on a small example by hand"


def _looks_like(slip, variant, outcomes, right):
    """True when the answers agree with ``variant(case, slip)`` on every case and differ from the right ones."""
    wrong_somewhere = False
    for outcome, ok in zip(outcomes, right):
        try:
            expected = variant(outcome.case, slip)
        except Exception:  # the slip itself cannot run on this case (a shape mismatch, say)
            expected = None
        student_raised, variant_raised = outcome.error is not None, expected is None
        if student_raised or variant_raised:
            if student_raised != variant_raised:
                return False
            continue
        if not same(outcome.output, expected, float32=True):  # a slip computed in float32 is still that slip
            return False
        wrong_somewhere = wrong_somewhere or not ok
    return wrong_somewhere


PLACEHOLDER = "Not yet answered: write your number in place of the ... and run the cell again."


def number_answer(answer, example="0.0123"):
    """A learner's numeric answer: ``(value, None)`` for one finite number (a one-element array
    too), ``(None, verdict)`` while it is still ``...``/None or is not one finite number. Never
    raises, whatever the answer (a string, a list, NaN, 10**400)."""
    if answer is None or answer is Ellipsis:
        return None, PLACEHOLDER
    try:
        if isinstance(answer, np.ndarray) and answer.size == 1:
            answer = answer.item()
        return as_real("answer", answer), None
    except Exception:  # text, NaN, 10**400, a list, an object whose __float__ raises
        try:
            shown = reprlib.repr(answer)
        except Exception:
            shown = "(that cannot be shown)"
        return None, (f"Not yet: the answer must be one finite number such as {example}, "
                      f"got {type(answer).__name__} {shown}.")


def not_yet(reason):
    """A failed ``CheckResult`` reading "Not yet: reason."."""
    return CheckResult(False, f"Not yet: {reason}.")


def run_check(exercise, student):
    """Run ``student`` on every case of ``exercise``; a ``CheckResult`` (see the module docstring)."""
    name = exercise.name
    if student is None or student is Ellipsis:
        return not_yet(f"there is no {name} yet: write it in the cell above, run it, then run this cell")
    if not callable(student):
        return not_yet(f"pass the function itself, check_{name}({name}), not {type(student).__name__}")
    outcomes = []
    for case in exercise.cases:
        try:
            raw = student(*case.fresh_args())
        except NotImplementedError:
            return not_yet(f"{name} is not finished (it, or a function it calls, still raises "
                           "NotImplementedError): write the missing part, run its cell, then run this one")
        except Exception as exc:  # the student's error is reported, never raised
            outcomes.append(_Outcome(case, error=exc))
            continue
        if raw is None:
            return not_yet(f"{NO_RETURN} {name} computes its result but must also hand it back: end it with "
                           "`return` and the result")
        try:
            if _holds_ellipsis(raw):
                return not_yet(f"{name} returns ... (a placeholder): make it return its result")
            outcomes.append(_Outcome(case, output=exercise.parse(raw, case)))
        except AnswerProblem as problem:
            return not_yet(f"{problem} (on {case.label})")
        except Exception as exc:  # an answer so odd that reading it fails: a verdict, never an error
            return not_yet(f"what {name} returns cannot be read as numbers (reading it raised "
                           f"{type(exc).__name__}) (on {case.label})")
    right = [o.error is None and same(o.output, exercise.reference(o.case)) for o in outcomes]
    if all(right):
        return CheckResult(True, exercise.passed)
    if all(o.error is None and same(o.output, exercise.reference(o.case), float32=True) for o in outcomes):
        return CheckResult(True, exercise.passed + FLOAT32_NOTE)
    for slip, message in exercise.slips:
        if _looks_like(slip, exercise.variant, outcomes, right):
            return not_yet(message)
    for outcome in outcomes:
        if outcome.error is not None:
            exc = outcome.error
            return not_yet(f"{name} raised {type(exc).__name__}: {exc}{_where_raised(exc)} "
                           f"(on {outcome.case.label}). Hint: {_hint(exercise, exc)}")
    for outcome in outcomes:
        message = exercise.shape_problem(outcome.output, outcome.case)
        if message:
            return not_yet(f"{message} (on {outcome.case.label})")
    single = [ok for o, ok in zip(outcomes, right) if o.case.m == 1]
    if exercise.one_observation and single and all(single):
        return not_yet(exercise.one_observation)
    first = next(o for o, ok in zip(outcomes, right) if not ok)
    wrong = exercise.parts(first.output, exercise.reference(first.case))
    where = f" ({', '.join(wrong)} wrong)" if wrong else ""
    return not_yet(f"{name} gives wrong numbers on {first.case.label}{where}, and they look like none "
                   "of the usual slips: compare each line with the formula it stands for")


# --- judging a typed number or a computed array against the right value and the usual slips ---


def agrees(answer, value, rtol=NUMBER_RTOL, atol=NUMBER_ATOL):
    """True when ``answer`` and ``value`` (numbers or arrays) have one shape and agree to rtol/atol;
    False, never an error, when either cannot be read as float numbers."""
    try:
        answer, value = np.asarray(answer, dtype=float), np.asarray(value, dtype=float)
        return answer.shape == value.shape and bool(np.allclose(answer, value, rtol=rtol, atol=atol))
    except Exception:
        return False


def _float32_agrees(answer, right):
    """True when ``answer`` agrees with ``right`` (arrays or numbers) to float32 precision."""
    try:
        answer, right = np.asarray(answer, dtype=float), np.asarray(right, dtype=float)
        return same(answer, right, float32=True)
    except Exception:
        return False


def named_slip(answer, right, slips, rtol=NUMBER_RTOL, atol=NUMBER_ATOL):
    """The message of the first ``(value, message)`` in ``slips`` that ``answer`` agrees with and
    that differs from ``right``; None when the answer looks like none of them."""
    for value, message in slips:
        try:
            if agrees(answer, value, rtol, atol) and not agrees(value, right, rtol, atol):
                return message
        except Exception:  # a slip that has no value for this answer's shape
            continue
    return None


def judge(answer, right, slips, *, correct, fallback, quantity="the right value", typed=True):
    """A ``CheckResult`` for an already parsed ``answer`` (a float or a float64 array).

    right: the right value; slips: ``(value, message)`` pairs, the most telling first (see
    ``common_slips``); correct: the verdict's text when right; fallback: what to try when the
    answer looks like no slip; quantity: what the answer stands for, for "close" verdicts;
    typed: True for a number typed by hand (NUMBER_RTOL), False for computed arrays (RTOL/ATOL).
    Never contains the right value.
    """
    rtol, atol = (NUMBER_RTOL, NUMBER_ATOL) if typed else (RTOL, ATOL)
    if agrees(answer, right, rtol, atol):
        return CheckResult(True, f"Correct: {correct}")
    if not typed and _float32_agrees(answer, right):
        return CheckResult(True, f"Correct: {correct}{FLOAT32_NOTE}")
    message = named_slip(answer, right, slips, rtol, atol)
    if message:
        return not_yet(message)
    if typed and agrees(answer, right, CLOSE * rtol, atol):
        return not_yet(f"{float(answer):.6g} is close to {quantity} but not within {rtol:.1%} of it "
                       "(a relative tolerance): keep at least 4 significant digits in every step")
    return not_yet(fallback)


def judge_number(answer, right, slips, *, correct, fallback, quantity="the right value", example="0.0123"):
    """``judge`` for a number the student types: ``...``/None, text, NaN or 10**400 get a
    "Not yet" verdict instead of an error."""
    value, verdict = number_answer(answer, example)
    if verdict:
        return CheckResult(False, verdict)
    return judge(value, right, slips, correct=correct, fallback=fallback, quantity=quantity)


def cost_slip_message(slip, loss, m=None):
    """The one wording of a slip shared by several notebooks, for the cost ``loss``.

    slip: "sign" (target - prediction), "factor 2" (the 2 of the square dropped under a cost
    without 1/2, or kept under a cost with 1/2), "divided by m" (a mean where the cost sums),
    "1/m missing" (a sum where the cost averages); m: the number of observations, or None when
    the message covers several cases.
    """
    observations = "m" if m is None else f"m = {m}"
    if slip == "sign":
        return "the sign is flipped: the cost's slope is (prediction - target), not (target - prediction)"
    if slip == "factor 2" and loss in ("sse", "mse"):
        return f"the factor 2 is missing: the cost `{loss}` has no 1/2, so the square brings down a 2: dC/da = 2(a - y)"
    if slip == "factor 2":
        return f"a factor 2 too many: the cost `{loss}` has a 1/2 that cancels the 2 the square brings down"
    if slip == "divided by m":
        return f"that is divided by {observations}: the cost `{loss}` is a sum over the observations, not a mean"
    if slip == "1/m missing":
        the = "the m" if m is None else f"the m = {m}"
        return f"the 1/m is missing: the cost `{loss}` is a mean over {the} observations"
    raise ValueError(f"slip must be 'sign', 'factor 2', 'divided by m' or '1/m missing', got {slip!r}")


def common_slips(right, loss, m=1):
    """The slips every gradient exercise shares, for a right value ``right`` of d(cost)/d(something)
    under the cost ``loss`` (a name from ``mlp_helpers.losses``) over ``m`` observations:
    a flipped sign, the cost's factor 2 (missing or doubled), a sum taken as a mean or the reverse.
    A list of ``(value, message)`` for ``judge``."""
    right = np.asarray(right, dtype=float)
    slips = [(-right, cost_slip_message("sign", loss, m))]
    factor = 0.5 if loss in ("sse", "mse") else 2.0
    slips.append((factor * right, cost_slip_message("factor 2", loss, m)))
    if m > 1 and loss in ("sse", "half_sse"):
        slips.append((right / m, cost_slip_message("divided by m", loss, m)))
    if m > 1 and loss in ("mse", "half_mse"):
        slips.append((right * m, cost_slip_message("1/m missing", loss, m)))
    return slips


def prediction_written(prediction, keys):
    """True when ``prediction`` (a predict-first cell's ``my_<topic>_prediction``) is a dict with exactly
    ``keys`` and a written string, not ``"..."``, for each: the notebook then shows the outputs
    that answer it."""
    return (isinstance(prediction, dict) and set(prediction) == set(keys)
            and all(isinstance(v, str) and v.strip() not in ("", "...") for v in prediction.values()))
