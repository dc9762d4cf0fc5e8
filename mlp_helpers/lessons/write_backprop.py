"""Checks for notebook 03, where the student writes backpropagation one function at a time.

The network is all-sigmoid, the cost is ``sum (a - y)^2`` over every observation and output,
and arrays hold one row per observation (m rows). The student writes::

    layer_forward(a, W, b)            a: (m, n_in), W: (n_in, n_out), b: (n_out,) -> (m, n_out)
    forward(weights, biases, X)       -> [X, a1, ..., aL], a_l: (m, sizes[l])
    output_delta(aL, Y)               -> delta_L = dC/dz_L, (m, sizes[L])
    step_back(delta_next, W, a)       -> delta_l from delta_{l+1}, (m, n_l)
    layer_gradients(a, delta_next)    -> (dW_l, db_l), shaped like weights[l] and biases[l]
    backward(weights, activations, Y) -> (dW, db), shaped like weights and biases

No formula of the recursion is written in what a student can read through ``help()`` on a
check (the notebook asks the student to derive them); the right computations are the private
functions below.

Each ``check_*`` runs the student's function on several cases and returns a ``CheckResult``
(``.passed``; prints as a one-line verdict). ``check_backward`` compares with finite
differences of the network's own loss; the step checks with the formula of their step.

How a wrong answer is named: every usual slip is a variant of the right computation (the
``slip`` argument of the private functions below). The answer is called that slip when it
agrees with the variant on every case (and raises where the variant raises) while the variant
differs from the right answer somewhere. A verdict never shows an expected number.
"""

from functools import lru_cache

import numpy as np

from ..activations import logistic, sigmoid
from ..checks import numerical_gradients
from ..network import MLP, feedforward
from ..validation import as_count, as_real, as_sizes
from .cases import sigmoid_2_3_3_2
from .exercise_checks import (AnswerProblem, Case, CheckResult, Exercise, answer_array, answer_list, answer_pair,
                              cost_slip_message, prediction_written, run_check, same, shape_mismatch)
from .notation import format_number
from .paths import count_paths
from .paths import multiplication_counts as notebook_01_counts

__all__ = ["CheckResult", "check_layer_forward", "check_forward", "check_output_delta", "check_step_back",
           "check_layer_gradients", "check_backward", "multiplication_counts", "from_notebook_01", "CaptionedPaths",
           "fold_a_first_line", "prediction_written", "backward_check_networks", "float32_outputs",
           "question_formula", "finite_difference_errors"]

# -- the right computation, and each slip as a variant of it -----------------------------------


def _slope(a, slip, where):
    """The sigmoid's slope at a unit whose output is ``a``; ``where``: "output" or "hidden"."""
    if slip in ("no slope", f"no slope {where}"):
        return np.ones_like(a)
    if slip in ("sigma'(a)", f"sigma'(a) {where}"):
        s = sigmoid(a)  # the slip: a treated as if it were z
        return s * (1.0 - s)
    return a * (1.0 - a)


def _layer_forward(a, W, b, slip=None):
    """sigmoid(a @ W + b): a (m, n_in), W (n_in, n_out), b (n_out,) -> (m, n_out), in a's float type."""
    z = (a @ W.T if slip == "W transposed" else a @ W) + (0.0 if slip == "no bias" else b)
    return z if slip == "no sigmoid" else logistic(z)  # logistic, not sigmoid: float32 stays float32 (7a's run)


def _forward(weights, biases, X, slip=None):
    """[X, a1, ..., aL] for an all-sigmoid network."""
    activations = [X]
    for l, (W, b) in enumerate(zip(weights, biases)):
        last = l == len(weights) - 1
        layer_slip = "no sigmoid" if slip == "no sigmoid" or (slip == "no sigmoid last" and last) else slip
        source = X if slip == "every layer from X" else activations[-1]
        activations.append(_layer_forward(source, W, b, layer_slip))
    return activations[1:] if slip == "no X" else activations


def _output_delta(aL, Y, slip=None):
    """dCost/dz_L = 2 (aL - Y) aL (1 - aL), (m, n_L)."""
    scale = {"mean": 2.0 / len(Y), "no 2": 1.0, "sign": -2.0}.get(slip, 2.0)
    return scale * (aL - Y) * _slope(aL, slip, "output")


def _step_back(delta, W, a, slip=None):
    """delta_l = (delta_{l+1} @ W_l^T) * a_l (1 - a_l): delta (m, n_{l+1}), W (n_l, n_{l+1}), a (m, n_l)."""
    back = delta @ W if slip == "no transpose" else delta @ W.T
    scale = {"sign": -1.0, "half": 0.5, "mean": 1.0 / len(a)}.get(slip, 1.0)
    return scale * back * _slope(a, slip, "hidden")


def _layer_gradients(a, delta, slip=None):
    """(a^T delta, delta summed over observations): a (m, n_l), delta (m, n_{l+1})."""
    scale = {"mean": 1.0 / len(a), "sign": -1.0, "half": 0.5}.get(slip, 1.0)
    dW = delta.T @ a if slip == "dW transposed" else a.T @ delta
    if slip == "bias not summed":
        db = delta
    elif slip == "bias over units":
        db = delta.sum(axis=1)
    else:
        db = delta.sum(axis=0)
    return (scale * db, scale * dW) if slip == "swapped" else (scale * dW, scale * db)


_OUTPUT_SLIPS = {"no slope", "no slope output", "sigma'(a)", "sigma'(a) output", "mean", "no 2", "sign"}
_STEP_SLIPS = {"no transpose", "no slope", "no slope hidden", "sigma'(a)", "sigma'(a) hidden", "half"}
_GRADIENT_SLIPS = {"dW transposed", "bias not summed", "bias over units"}


def _backward(weights, activations, Y, slip=None):
    """(dW, db) of the cost sum (a - y)^2, from the forward cache [X, a1, ..., aL]."""
    a, L = activations, len(weights)
    dW, db = [None] * L, [None] * L
    delta = _output_delta(a[L], Y, slip if slip in _OUTPUT_SLIPS else None)
    for l in range(L - 1, -1, -1):
        source = a[l + 1] if slip == "dW from a[l+1]" else a[l]
        dW[l], db[l] = _layer_gradients(source, delta, slip if slip in _GRADIENT_SLIPS else None)
        if l > 0:
            W = weights[l - 1] if slip == "through W[l-1]" else weights[l]
            slope_at = a[l + 1] if slip == "slope of a[l+1]" else a[l]
            delta = _step_back(delta, W, slope_at, slip if slip in _STEP_SLIPS else None)
    if slip == "reversed":
        dW, db = dW[::-1], db[::-1]
    return (db, dW) if slip == "swapped" else (dW, db)


# -- what the checks say ---------------------------------------------------------------------

NOT_TRANSPOSED = (
    "the weights are not transposed in the step back: delta_{l+1} (m, n_{l+1}) goes back through "
    "W_l^T (n_{l+1}, n_l), so write delta @ W.T (delta @ W only runs when W is square, and then "
    "gives the wrong numbers)"
)
SLOPE_MISSING = "the sigmoid's slope is missing: multiply elementwise by a * (1 - a), the slope at each unit"
SLOPE_AT_Z = (
    "the slope is taken at the wrong place: sigma'(a) = sigma(a)(1 - sigma(a)) treats the output a as if "
    "it were z; the unit's slope is a * (1 - a), computed from its output a = sigma(z)"
)
# the cost's slips, worded once for every notebook in exercise_checks
MEAN = cost_slip_message("divided by m", "sse")
FACTOR_2 = cost_slip_message("factor 2", "sse") + " (an extra 1/2 in front gives the same numbers)"
SIGN = cost_slip_message("sign", "sse")
SIGN_HERE = "the sign is flipped: no minus sign belongs in this step (the sign comes from 2 (a - y) at the output)"
HALF_STEP = (
    "a factor 1/2 too many: stepping back multiplies by the weights and the sigmoid's slope, nothing else "
    "(the cost's constant, 2, enters once, at the output)"
)
HALF_GRADIENTS = (
    "a factor 1/2 too many: a layer's gradients multiply the layer's input by delta_{l+1}, with no constant "
    "(the cost's 2 is already inside delta, and the cost has no 1/2)"
)
STEP_MEAN = (
    "that is divided by m, the number of observations: each row of delta_next is one observation's and steps "
    "back on its own; nothing is averaged here (the cost is a sum over the observations)"
)
SWAPPED = "the pair is in the other order: return (dW, db), the weights' gradient first, then the biases'"
SWAPPED_LISTS = "the pair is in the other order: return (dW, db), the list of weight gradients first, then the biases'"
FROM_X = (
    "every layer takes X: each layer must take the previous layer's output, a^{l+1} from a^l "
    "(the last entry of your list so far), and only the first layer takes X"
)
BIAS_NOT_SUMMED = (
    "the bias gradient is not summed over observations: db_l needs one number per unit, "
    "shape (n_{l+1},), so sum delta over its rows: delta.sum(axis=0)"
)
BIAS_OVER_UNITS = "the bias gradient is summed over the units instead of the observations: use delta.sum(axis=0)"
DW_TRANSPOSED = (
    "dW is transposed: a_l^T @ delta_{l+1} has shape (n_l, n_{l+1}), like the weights it belongs to"
)
LAYER_OFF_DW = (
    "one layer off: dW_l = a_l^T delta_{l+1} uses activations[l], the inputs that weights[l] multiplies, "
    "not activations[l+1]"
)
LAYER_OFF_W = (
    "one layer off: delta_{l+1} steps back through weights[l], the weights it came through, "
    "not weights[l-1]"
)
LAYER_OFF_SLOPE = (
    "one layer off: the slope in the step back is a_l (1 - a_l) of the layer you step back TO "
    "(activations[l]), not of activations[l+1]"
)
REVERSED = (
    "the gradients are in reverse order: dW[0] must be the gradient of weights[0]; walking backwards, "
    "fill dW[l] (or reverse your lists at the end)"
)
ONE_OBSERVATION = (
    "right for one observation but not for several: the cost adds up the observations, so their gradients "
    "add up too: every row's contribution must be added (a loop over the rows must use every row and add)"
)
ONE_OBSERVATION_FORWARD = (
    "right for one observation but not for several: each row of the input is one observation and needs its "
    "own output row (a loop over the rows must fill every row; one matrix product does them all)"
)
ONE_OBSERVATION_DELTA = (
    "right for one observation but not for several: each row is one observation, and its row of delta comes "
    "from the same row of the inputs alone (a loop over the rows must fill every row)"
)
NO_BIAS = "the bias is missing: add b after the product a @ W"
NO_SIGMOID = "the sigmoid is missing: the layer's output is sigmoid(a @ W + b), not z = a @ W + b"
NO_SIGMOID_LAST = "the sigmoid is missing on the last layer: every layer, the output layer too, applies it"
W_TRANSPOSED = (
    "W is transposed: weights[l] has shape (n_in, n_out), one row per from-unit, so the product is "
    "a @ W (a @ W.T only runs when W is square, and then gives the wrong numbers)"
)
NO_X = "the list must start with X itself: [X, a1, ..., aL] (backward needs X for dW_0)"
SHAPE_HINTS = {
    "layer_forward": "a is (m, n_in), W is (n_in, n_out) and b is (n_out,)",
    "forward": "X is (m, n_0), weights[l] is (n_l, n_{l+1}) and biases[l] is (n_{l+1},)",
    "output_delta": "aL and Y are both (m, n_L), and every product here is entry by entry (*), not @",
    "step_back": "delta_next is (m, n_{l+1}), W is (n_l, n_{l+1}) and a is (m, n_l)",
    "layer_gradients": "a is (m, n_l), delta_next is (m, n_{l+1}), and dW must come out (n_l, n_{l+1})",
    "backward": "activations[l] is (m, n_l), weights[l] is (n_l, n_{l+1}) and delta_{l+1} is (m, n_{l+1})",
}
LIST_INDEX_HINT = "an index runs past the end: weights and biases hold L arrays, activations L + 1 (X first)"


# -- the networks every check uses -----------------------------------------------------------


@lru_cache(maxsize=1)
def _networks():
    """(label, net, X, Y, activations) for each network tried, the tied-units question's problem first."""
    question = sigmoid_2_3_3_2()
    X, Y = np.asarray(question.X, dtype=float), np.asarray(question.Y, dtype=float)
    rng = np.random.default_rng(404)

    def data(sizes, m):
        return rng.uniform(-1.0, 1.0, size=(m, sizes[0])), rng.uniform(0.0, 1.0, size=(m, sizes[-1]))

    random_seed_net = MLP([2, 3, 3, 2]).init_random(seed=4, scale=1.0)
    nets = [
        ("the tied-units question's 2-3-3-2 network with every weight and bias 1, 2 observations",
         MLP([2, 3, 3, 2]).init_constant(1.0), X, Y),
        ("the 2-3-3-2 network with random weights, 2 observations", random_seed_net, X, Y),
        ("the 2-3-3-2 network with random weights, 1 observation", random_seed_net, X[:1], Y[:1]),
        ("a 3-4-2 network (one hidden layer), 3 observations",
         MLP([3, 4, 2]).init_random(seed=5, scale=1.0), *data([3, 4, 2], 3)),
        ("a 3-3-3-3-3 network (three hidden layers), 4 observations",
         MLP([3, 3, 3, 3, 3]).init_random(seed=6, scale=1.0), *data([3] * 5, 4)),
        ("a 2-4-3-5-1 network (three hidden layers), 1 observation",
         MLP([2, 4, 3, 5, 1]).init_random(seed=7, scale=1.0), *data([2, 4, 3, 5, 1], 1)),
        ("a 2-4-3-5-1 network (three hidden layers), 5 observations",
         MLP([2, 4, 3, 5, 1]).init_random(seed=7, scale=1.0), *data([2, 4, 3, 5, 1], 5)),
    ]
    return tuple((label, net, X, Y, feedforward(net, X)) for label, net, X, Y in nets)


def backward_check_networks():
    """(net, X, Y) for each network ``check_backward`` tries, the question's all-ones 2-3-3-2 first: for the
    notebook's fold on why the check uses five points (the two-point formula on the same networks)."""
    return [(net.copy(), X.copy(), Y.copy()) for _, net, X, Y, _ in _networks()]


def _layer_cases(first_layer=0):
    """(label, net, l, Y, activations) for every weight layer l >= first_layer of every network."""
    for label, net, X, Y, a in _networks():
        for l in range(first_layer, net.n_layers):
            yield f"weights[{l}] of {label}", net, l, Y, a


# -- the six checks ---------------------------------------------------------------------------


def _exercise(name, *fields, one_observation=ONE_OBSERVATION):
    """An ``Exercise`` for the function ``name``, with the hints that fit that function."""
    hints = {"shape_hint": f"the shapes do not line up: print the .shape of each array on that line; {SHAPE_HINTS[name]}"}
    if name in ("forward", "backward"):
        hints["index_hint"] = LIST_INDEX_HINT
    return Exercise(name, *fields, one_observation=one_observation, **hints)


def _no_parts(answer, right):
    return []


def check_layer_forward(layer_forward):
    """Check ``layer_forward(a, W, b)``, one layer's activations, on every layer of every network."""
    cases = tuple(Case(label, (a[l], net.weights[l], net.biases[l]), len(a[0]))
                  for label, net, l, Y, a in _layer_cases())

    def shape_problem(out, case):
        a, W, _ = case.args
        return shape_mismatch("the result", out, (len(a), W.shape[1]),
                              "it needs one row per observation and one column per unit the layer feeds")

    exercise = _exercise(
        "layer_forward", cases, lambda c: _layer_forward(*c.args),
        lambda c, slip: _layer_forward(*c.args, slip=slip),
        (("no bias", NO_BIAS), ("no sigmoid", NO_SIGMOID), ("W transposed", W_TRANSPOSED)),
        lambda raw, case: answer_array("the result", raw), shape_problem, _no_parts,
        f"Correct: layer_forward gives sigmoid(a W + b) on all {len(cases)} layers tried "
        "(1 to 5 observations, square and non-square W).",
        one_observation=ONE_OBSERVATION_FORWARD,
    )
    return run_check(exercise, layer_forward)


def check_forward(forward):
    """Check ``forward(weights, biases, X) -> [X, a1, ..., aL]`` on every network."""
    cases = tuple(Case(label, (list(net.weights), list(net.biases), X), len(X))
                  for label, net, X, Y, a in _networks())

    def parse(raw, case):
        if isinstance(raw, np.ndarray):
            raise AnswerProblem("forward must return the list [X, a1, ..., aL] of every layer's activations "
                                "(backward needs them all), not one array")
        return answer_list("the list forward returns", raw, "X and every layer's activations")

    def shape_problem(out, case):
        weights, _, X = case.args
        sizes = [X.shape[1]] + [W.shape[1] for W in weights]
        if len(out) == len(weights) and out and out[0].shape == (len(X), sizes[1]):
            return NO_X
        if len(out) != len(sizes):
            return (f"the list holds {len(out)} arrays, but a network with {len(weights)} weight layers has "
                    f"{len(sizes)}: [X, a1, ..., aL]")
        for k, (a, n) in enumerate(zip(out, sizes)):
            problem = shape_mismatch(f"activations[{k}]", a, (len(X), n), "it needs one row per observation")
            if problem:
                return problem
        return None

    def parts(out, right):
        return [f"a{k}" for k, (a, r) in enumerate(zip(out, right)) if not same(a, r)] if len(out) == len(right) else []

    exercise = _exercise(
        "forward", cases, lambda c: _forward(*c.args), lambda c, slip: _forward(*c.args, slip=slip),
        (("no X", NO_X), ("no bias", NO_BIAS), ("no sigmoid", NO_SIGMOID), ("no sigmoid last", NO_SIGMOID_LAST),
         ("W transposed", W_TRANSPOSED), ("every layer from X", FROM_X)),
        parse, shape_problem, parts,
        f"Correct: forward returns [X, a1, ..., aL] right on all {len(cases)} networks tried "
        "(1 to 3 hidden layers, 1 to 5 observations).",
        one_observation=ONE_OBSERVATION_FORWARD,
    )
    return run_check(exercise, forward)


def check_output_delta(output_delta):
    """Check ``output_delta(aL, Y)``, dC/dz at the output for the cost sum (a - y)^2, on every network."""
    cases = tuple(Case(label, (a[-1], Y), len(Y)) for label, net, X, Y, a in _networks())

    def shape_problem(out, case):
        return shape_mismatch("delta_L", out, case.args[0].shape, "it is shaped like aL")

    exercise = _exercise(
        "output_delta", cases, lambda c: _output_delta(*c.args), lambda c, slip: _output_delta(*c.args, slip=slip),
        (("no slope", SLOPE_MISSING), ("sigma'(a)", SLOPE_AT_Z), ("sign", SIGN), ("no 2", FACTOR_2), ("mean", MEAN)),
        lambda raw, case: answer_array("delta_L", raw), shape_problem, _no_parts,
        f"Correct: output_delta gives delta[L] = dC/dz[L] on all {len(cases)} networks' outputs (1 to 5 observations).",
        one_observation=ONE_OBSERVATION_DELTA,
    )
    return run_check(exercise, output_delta)


def check_step_back(step_back):
    """Check ``step_back(delta_next, W, a)``, delta_l from delta_{l+1}, on every hidden layer."""
    cases = []
    for label, net, l, Y, a in _layer_cases(first_layer=1):
        delta_next = _backward_deltas(net, a, Y)[l + 1]
        cases.append(Case(f"the step back through {label}", (delta_next, net.weights[l], a[l]), len(Y)))
    cases = tuple(cases)

    def shape_problem(out, case):
        delta_next, W, a = case.args
        if out.shape == delta_next.shape and delta_next.shape != a.shape:
            return ("the result has the shape of delta_{l+1}; stepping back gives one column per unit of "
                    "layer l, shaped like a")
        return shape_mismatch("delta_l", out, a.shape, "it is shaped like a_l")

    exercise = _exercise(
        "step_back", cases, lambda c: _step_back(*c.args), lambda c, slip: _step_back(*c.args, slip=slip),
        (("no transpose", NOT_TRANSPOSED), ("no slope", SLOPE_MISSING), ("sigma'(a)", SLOPE_AT_Z), ("sign", SIGN_HERE),
         ("half", HALF_STEP), ("mean", STEP_MEAN)),
        lambda raw, case: answer_array("delta_l", raw), shape_problem, _no_parts,
        f"Correct: step_back gives delta[l] on all {len(cases)} hidden layers tried "
        "(square and non-square W, 1 to 5 observations). What you found: a hidden unit's delta is the sum of "
        "the tails of all paths from that unit to C, its slope a(1 - a) times the deltas of the units it feeds, "
        "each times the weight on that edge.",
        one_observation=ONE_OBSERVATION_DELTA,
    )
    return run_check(exercise, step_back)


def _backward_deltas(net, a, Y):
    """{l: delta_l} for l = 1..L (delta_l: (m, sizes[l])), by the right recursion."""
    L = net.n_layers
    deltas = {L: _output_delta(a[L], Y)}
    for l in range(L - 1, 0, -1):
        deltas[l] = _step_back(deltas[l + 1], net.weights[l], a[l])
    return deltas


def check_layer_gradients(layer_gradients):
    """Check ``layer_gradients(a, delta_next)``, the pair (dW_l, db_l), on every layer of every network."""
    cases = tuple(Case(label, (a[l], _backward_deltas(net, a, Y)[l + 1]), len(Y))
                  for label, net, l, Y, a in _layer_cases())

    def parse(raw, case):
        dW, db = answer_pair("layer_gradients", raw, "dW", "db", "arrays")
        return answer_array("dW", dW), answer_array("db", db)

    def shape_problem(out, case):
        (dW, db), (a, delta) = out, case.args
        shape = (a.shape[1], delta.shape[1])
        if dW.shape == shape[::-1] != shape:
            return DW_TRANSPOSED
        if db.shape == delta.shape != (delta.shape[1],):
            return BIAS_NOT_SUMMED
        return (shape_mismatch("dW", dW, shape, "it is shaped like the weights of the layer")
                or shape_mismatch("db", db, (delta.shape[1],), "it holds one number per unit of the next layer"))

    def parts(out, right):
        return [n for n, x, r in zip(("dW", "db"), out, right) if not same(x, r)]

    exercise = _exercise(
        "layer_gradients", cases, lambda c: _layer_gradients(*c.args),
        lambda c, slip: _layer_gradients(*c.args, slip=slip),
        (("swapped", SWAPPED), ("mean", MEAN), ("sign", SIGN_HERE), ("half", HALF_GRADIENTS),
         ("bias not summed", BIAS_NOT_SUMMED), ("bias over units", BIAS_OVER_UNITS), ("dW transposed", DW_TRANSPOSED)),
        parse, shape_problem, parts,
        f"Correct: layer_gradients gives dW and db on all {len(cases)} layers tried (1 to 5 observations).",
    )
    return run_check(exercise, layer_gradients)


@lru_cache(maxsize=None)
def _finite_differences(index):
    """Finite differences of the loss of network ``index`` (five-point, accurate to ~1e-11)."""
    _, net, X, Y, _ = _networks()[index]
    return numerical_gradients(net, X, Y, "sse", eps=1e-3, order=4)


_BACKWARD_SLIPS = (
    ("swapped", SWAPPED_LISTS),
    ("reversed", REVERSED),
    ("no transpose", NOT_TRANSPOSED),
    ("no slope", SLOPE_MISSING), ("no slope hidden", SLOPE_MISSING), ("no slope output", SLOPE_MISSING),
    ("sigma'(a)", SLOPE_AT_Z), ("sigma'(a) hidden", SLOPE_AT_Z), ("sigma'(a) output", SLOPE_AT_Z),
    ("sign", SIGN),
    ("no 2", FACTOR_2),
    ("mean", MEAN),
    ("half", HALF_STEP),
    ("bias not summed", BIAS_NOT_SUMMED), ("bias over units", BIAS_OVER_UNITS),
    ("dW transposed", DW_TRANSPOSED),
    ("dW from a[l+1]", LAYER_OFF_DW), ("through W[l-1]", LAYER_OFF_W), ("slope of a[l+1]", LAYER_OFF_SLOPE),
)


def check_backward(backward):
    """Check ``backward(weights, activations, Y) -> (dW, db)`` against finite differences.

    The networks: the tied-units question's 2-3-3-2 (all ones, and random), one hidden layer, three hidden
    layers (equal and unequal widths), with one observation and several. The right answer is
    the finite-difference gradient of each network's cost sum (a - y)^2, computed here.
    """
    nets = _networks()
    cases = tuple(Case(label, (list(net.weights), a, Y), len(Y)) for label, net, X, Y, a in nets)
    index = {case.label: k for k, case in enumerate(cases)}

    def parse(raw, case):
        dW, db = answer_pair("backward", raw, "dW", "db", "lists")
        what = f"one array per weight layer ({len(case.args[0])})"
        return answer_list("dW", dW, what), answer_list("db", db, what)

    def shape_problem(out, case):
        (dW, db), weights, m = out, case.args[0], case.m
        shapes = [W.shape for W in weights]
        if len(dW) != len(shapes) or len(db) != len(shapes):
            return f"dW and db must hold one array per weight layer ({len(shapes)}), got {len(dW)} and {len(db)}"
        if [g.shape for g in dW] == shapes[::-1] != shapes:
            return REVERSED
        for l, (g, shape) in enumerate(zip(dW, shapes)):
            if g.shape == shape[::-1] != shape:
                return DW_TRANSPOSED
            if g.shape == (shape[1], shape[1]) != shape:
                return LAYER_OFF_DW
            problem = shape_mismatch(f"dW[{l}]", g, shape, f"it is shaped like weights[{l}]")
            if problem:
                return problem
        for l, (g, shape) in enumerate(zip(db, shapes)):
            if g.shape == (m, shape[1]) != (shape[1],):
                return BIAS_NOT_SUMMED
            problem = shape_mismatch(f"db[{l}]", g, (shape[1],), "it holds one number per unit of the layer it feeds")
            if problem:
                return problem
        return None

    def parts(out, right):
        names = [f"dW[{l}]" for l in range(len(right[0]))] + [f"db[{l}]" for l in range(len(right[1]))]
        return [n for n, x, r in zip(names, out[0] + out[1], right[0] + right[1]) if not same(x, r)]

    exercise = _exercise(
        "backward", cases, lambda c: _finite_differences(index[c.label]),
        lambda c, slip: _backward(*c.args, slip=slip), _BACKWARD_SLIPS, parse, shape_problem, parts,
        f"Correct: backward agrees with finite differences of the cost on all {len(cases)} networks tried "
        "(the tied-units question's 2-3-3-2 with all ones and random weights, 1 and 3 hidden layers, 1 to 5 observations).",
    )
    return run_check(exercise, backward)


# -- section 5's optional printout: how far the five-point and two-point formulas are from the exact gradient --


def _flat(gradients):
    """(dW, db) -> one array of every entry, layer by layer (dW[0], dW[1], ..., db[0], ...)."""
    return np.concatenate([g.ravel() for g in sum(gradients, [])])


def finite_difference_errors():
    """Section 5's optional printout, its lines as one string: what "relative" means; on the question's all-ones net, the
    largest error relative to the exact gradient (the package's backpropagation) of notebook 01's two-point formula
    (eps = 1e-3) and of the check's five-point formula (eps = 1e-3 and, at the same entry, 2e-3); then the two-point
    formula on the check's random cases at eps = 1e-3 and at notebook 01's 3e-4, each with its worst relative error and
    on how many the check's tolerance would fail a right ``backward``."""
    case = sigmoid_2_3_3_2()
    X, Y = case.X, case.Y
    net = MLP(case.sizes).init_constant(1.0)
    e = _flat(net.gradients(X, Y))  # every dC/dW and dC/db entry
    # order=4: the five-point formula (error of order eps^4); order=2: notebook 01's central difference
    five_point = _flat(numerical_gradients(net, X, Y, "sse", eps=1e-3, order=4))
    five_point_2e3 = _flat(numerical_gradients(net, X, Y, "sse", eps=2e-3, order=4))
    two_point = _flat(numerical_gradients(net, X, Y, "sse", eps=1e-3, order=2))
    two_relative = np.abs(two_point - e) / np.abs(e)  # each entry's relative error
    five_error = np.abs(five_point - e)
    five_relative = five_error / np.abs(e)
    two_worst, five_worst = np.argmax(two_relative), np.argmax(five_relative)  # the entries with the largest
    lines = ("the check's tolerance: |error| <= 1e-09 + 1e-06 |gradient|\n"
             "relative error here: |error| / |gradient|, about twice notebook 01's |g - g_hat| / (|g| + |g_hat|)\n"
             f"all-ones net (C = {np.sum((net.predict(X) - Y) ** 2):.1f}), largest error relative to the exact dC/dW and dC/db:\n"
             f"  two-point, eps = 1e-3:  {two_relative[two_worst]:.1e} (at a gradient of {abs(e[two_worst]):.1e})\n"
             f"  five-point, eps = 1e-3: {five_relative[five_worst]:.0e} (its worst entry: gradient {abs(e[five_worst]):.1e}, "
             f"off by {five_error[five_worst]:.0e})\n"
             f"  five-point, eps = 2e-3 (its truncation error 16 times larger), the same entry: "
             f"{abs(five_point_2e3[five_worst] - e[five_worst]) / abs(e[five_worst]):.0e}\n")
    # the check's networks with random weights (all but its first, all ones), at eps = 1e-3 and at notebook 01's 3e-4
    random_nets = backward_check_networks()[1:]
    exact = [_flat(net.gradients(X_net, Y_net)) for net, X_net, Y_net in random_nets]
    for eps, label in ((1e-3, f"eps = 1e-3, on the check's {len(random_nets)} random cases"),
                       (3e-4, f"eps = 3e-4 (notebook 01's), on the same {len(random_nets)}")):
        outside, worst_two = 0, (0.0, "")
        for (net, X_net, Y_net), exact_net in zip(random_nets, exact):
            two_net = _flat(numerical_gradients(net, X_net, Y_net, "sse", eps=eps, order=2))
            name = f"{'-'.join(map(str, net.sizes))}, {len(X_net)} observation{'s' * (len(X_net) > 1)}"
            worst_two = max(worst_two, (np.max(np.abs(two_net - exact_net) / np.abs(exact_net)), name))
            outside += not np.allclose(exact_net, two_net, rtol=1e-6, atol=1e-9)  # the check's tolerance
        lines += (f"two-point, {label}: largest relative error {worst_two[0]:.1e} ({worst_two[1]}); "
                  f"outside the tolerance on {outside} of {len(random_nets)}\n")
    return lines.rstrip("\n")


# -- exercise 5's fold A: its first line names item 2's answer, so it is kept out of the notebook's visible code --


def fold_a_first_line():
    """Exercise 5's fold A, its first line: shown only in the fold's output, which the student opens after item 2."""
    return ("each row of dC/db_0 is that observation's row of delta^1 "
            "(its first factor, dz^1/db_0, is 1; exercise 4, item 3)")


# -- section 7a's fold: the question's run in float32 (TensorFlow's default), rounding built up over every update --


def float32_outputs(steps, lr=0.5):
    """The tied-units question's all-ones 2-3-3-2 after each count of updates in ``steps`` (such as ``(999, 1000)``) of
    full-batch gradient descent at rate ``lr``, every number float32 (data, parameters, forward and backward pass), from
    one run: ``{count: output}``, each output a float32 (m, 2) array."""
    counts = sorted({as_count("steps", s) for s in steps})
    if not counts:
        raise ValueError("steps: give at least one count of updates")
    case = sigmoid_2_3_3_2()
    X, Y, lr = case.X.astype(np.float32), case.Y.astype(np.float32), np.float32(as_real("lr", lr, positive=True))
    weights = [np.ones((n_in, n_out), np.float32) for n_in, n_out in zip(case.sizes, case.sizes[1:])]
    biases = [np.ones(n_out, np.float32) for n_out in case.sizes[1:]]

    outputs, done = {}, 0
    for count in counts:
        for _ in range(count - done):
            dW, db = _backward(weights, _forward(weights, biases, X), Y)
            weights = [W - lr * g for W, g in zip(weights, dW)]
            biases = [b - lr * g for b, g in zip(biases, db)]
        done = count
        outputs[count] = _forward(weights, biases, X)[-1]
    return outputs


# -- section 7c's check: the question's formula evaluated, kept out of the notebook's visible code (its loop would show
# exercises 4 and 5's answers on the page) --


def question_formula(activations, Y, weights):
    """Section 7c: the question's formula for every weight matrix, its three factors evaluated one entry at a time.

    activations = [X, a[1], ..., a[L]] from a forward pass, Y (m, n_L), weights as in ``MLP.weights``.
    Returns ``{l: array shaped like weights[l]}`` for l = L - 1, ..., 0 (the output layer first).
    """
    L = len(weights)
    if not isinstance(activations, (list, tuple)) or len(activations) != L + 1:
        raise ValueError(f"activations: give [X, a1, ..., aL], {L + 1} arrays for {L} weight matrices")
    a = [np.asarray(layer, dtype=float) for layer in activations]
    last = 2 * (a[L] - np.asarray(Y, dtype=float))  # dC/da at the output
    result = {}
    for l in range(L - 1, -1, -1):
        slope = a[l + 1] * (1 - a[l + 1])
        result[l] = np.zeros(np.shape(weights[l]))
        for i, j in np.ndindex(result[l].shape):  # first factor a[l][r, i], added over the observations r
            result[l][i, j] = np.sum(a[l][:, i] * slope[:, j] * last[:, j])
        last = (slope * last) @ np.asarray(weights[l], dtype=float).T  # the layer below's last factor
    return result


# -- exercise 7's counts, kept out of the notebook so its code does not show the count before the student makes it --


def multiplication_counts(sizes):
    """One observation on an MLP of these widths, forward pass not included, by exercise 7's rules.

    Returns (W_0[0, 0]'s paths, their multiplications, every parameter's path-sum multiplications,
    backward's multiplications, the number of parameters).
    sizes: layer widths, inputs first, such as ``[2, 3, 3, 2]``.
    """
    sizes = as_sizes("sizes", sizes)
    L = len(sizes) - 1
    paths = count_paths(sizes, ("w", 0, 0, 0))  # the paths from W_0[0, 0] to C
    path_sums = 0
    for l in range(L):  # the units of layer l + 1, each with sizes[l] incoming weights and one bias
        paths_per_unit = count_paths(sizes, ("b", l, 0))  # every weight into a unit has as many paths as its bias
        mults_per_path = 2 * (L - l)  # a path of a W_l weight has 2(L - l) + 1 factors
        # a bias's path starts with the factor 1: one multiplication fewer
        path_sums += sizes[l + 1] * paths_per_unit * (sizes[l] * mults_per_path + mults_per_path - 1)
    backward_count = (3 * sizes[L] + sum(sizes[l] * sizes[l + 1] for l in range(L))  # delta^L; every dW[l]
                      + sum(sizes[l] * sizes[l + 1] + 2 * sizes[l] for l in range(1, L)))  # every step back
    parameters = sum((sizes[l] + 1) * sizes[l + 1] for l in range(L))
    return paths, paths * 2 * L, path_sums, backward_count, parameters


def from_notebook_01(sizes):
    """Exercise 7's counts against notebook 01's (section 7: weights only, a(1 - a) and a^L - y free, each edge's factor
    formed once), one observation on an MLP of these widths, forward pass not included.

    Returns (01's path sums, 01's backpropagation, what the biases' paths add, what multiplying out every weight's
    path adds, what backward's 2(a - y) and a(1 - a) add): 01's path sums plus the next two are
    ``multiplication_counts``' path sums, 01's backpropagation plus the last is its backward.
    sizes: layer widths, inputs first, such as ``[2, 3, 3, 2]``.
    """
    sizes = as_sizes("sizes", sizes)
    L = len(sizes) - 1
    summing, backprop = notebook_01_counts(sizes)
    # a bias of layer l + 1's unit: as many paths as each weight into it, each one multiplication shorter
    biases = sum(sizes[l + 1] * count_paths(sizes, ("b", l, 0)) * (2 * (L - l) - 1) for l in range(L))
    _, _, path_sums, backward_count, _ = multiplication_counts(sizes)
    paths_01, backprop_01 = sum(summing.values()), sum(backprop.values())
    return paths_01, backprop_01, biases, path_sums - paths_01 - biases, backward_count - backprop_01


# -- sections 2 and 3's path tables, each with a caption line (and, in section 3, its factors that differ marked) --


class CaptionedPaths:
    """A path table (``chain_rule_paths``) under a caption line (HTML; ``$...$`` is typeset).

    Given ``reference`` (another parameter's table with as many paths), each factor whose shown value differs from the
    same factor of ``reference``'s path through the same output is bold and marked *. Its plain text is the table's.
    """

    def __init__(self, table, caption, reference=None, digits=6):
        if reference is not None and [p.nodes[-2] for p in table.paths] != [p.nodes[-2] for p in reference.paths]:
            raise ValueError("reference: its paths must run through the same outputs, in the same order")
        self.table, self.caption, self.reference, self.digits = table, caption, reference, digits

    def differing(self):
        """``(path number, factor number)`` pairs, from 1, of the factors shown marked."""
        if self.reference is None:
            return []
        return [(k, n) for k, (mine, theirs) in enumerate(zip(self.table.paths, self.reference.paths), start=1)
                for n, (f, g) in enumerate(zip(mine.factors, theirs.factors), start=1)
                if format_number(f.value, self.digits) != format_number(g.value, self.digits)]

    def _repr_html_(self):
        head, *rows = self.table.to_html(self.digits).split("<tr><td>")  # rows[k - 1]: path k (the total row with it)
        for k, n in self.differing():
            f = self.table.paths[k - 1].factors[n - 1]
            shown = format_number(f.value, self.digits)
            cell = f"<td>${f.latex} = {f.formula}$<br>= {shown}</td>"
            if rows[k - 1].count(cell) != 1:
                raise RuntimeError("the path table's HTML changed: update CaptionedPaths")
            rows[k - 1] = rows[k - 1].replace(cell, f"<td>${f.latex} = {f.formula}$<br>= <b>{shown}</b> *</td>")
        return f"<p>{self.caption}</p>" + "<tr><td>".join([head, *rows])

    def __repr__(self):
        return repr(self.table)
