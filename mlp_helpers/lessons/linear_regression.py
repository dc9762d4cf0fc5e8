"""The 2-2-1 regression question: linear regression with a linear 2-2-1 network and no biases.

A feature x is split into two inputs x1 = a x and x2 = (1 - a) x (0 < a < 1), so each
observation is the row ``X[i] = (a x_i, (1 - a) x_i)`` and ``X.sum(axis=1)`` gives ``x`` back.
Without activations or biases the network is one matrix product,

    y' = X @ weights[0] @ weights[1] = c x,   c = (a, 1 - a) @ weights[0] @ weights[1],

so whatever its six weights, it fits a line through the origin with slope ``c``.

The formulas are the accepted answer's; its names (``notation`` "regression_answer", whose
docstring has the full table) key the dicts: w_{l,i,k} runs from unit k of layer l-1 to unit i of
layer l, so it is ``weights[l-1][k-1, i-1]`` (w112 = weights[0][1, 0], x2 -> z11), the card's
W_0[1, 0] (x_2 -> h_1). The answer writes z11 = w111 x1 + w112 x2, z12 = w121 x1 + w122 x2 and
z_b = y' = w211 z11 + w212 z12; the notebook writes the same with the card's names h_1, h_2, y'.
"""

import warnings

import numpy as np

from ..checks import tied_units
from ..history import check_history
from ..network import check_network, feedforward
from ..training import TrainingDiverged
from .exercise_checks import CheckResult, common_slips, judge, judge_number, not_yet, prediction_written  # noqa: F401 (notebook 02 calls it here)
from .notation import weight_label
from ..validation import as_float_array, as_real

#: the answer's weight names -> (layer, from_unit, to_unit) in ``weights[layer][from, to]``
ANSWER_WEIGHTS = {
    weight_label("regression_answer", l, i, j): (l, i, j)
    for l, i, j in [(0, 0, 0), (0, 1, 0), (0, 0, 1), (0, 1, 1), (1, 0, 0), (1, 1, 0)]
}


def _check_linear(net):
    """Raise unless ``net`` is an MLP with linear activations and no biases."""
    check_network(net)
    if net.bias or any(name != "linear" for name in net.activation):
        raise ValueError(
            "net must be a linear network without biases "
            f"(activation='linear', bias=False), got {net!r}"
        )


def _check_2_2_1(net):
    _check_linear(net)
    if list(net.sizes) != [2, 2, 1]:
        raise ValueError(f"net must have sizes [2, 2, 1] (the 2-2-1 regression question), got {net.sizes}")


def end_to_end_matrix(net):
    """The single matrix a linear network without biases computes: ``predict(X) = X @ P``.

    P = weights[0] @ weights[1] @ ... , shape (sizes[0], sizes[-1]). Each entry is a sum
    over paths of the product of the weights along the path.
    """
    _check_linear(net)
    product = net.weights[0]
    for W in net.weights[1:]:
        product = product @ W
    return product


def _split(a):
    a = as_real("a", a)
    if not 0.0 < a < 1.0:
        raise ValueError(f"a must lie strictly between 0 and 1, got {a!r}")
    return np.array([a, 1.0 - a])


def effective_slope(net, a):
    """Slope c of the line y' = c x that a linear 2-..-1 network fits when x1 = a x, x2 = (1-a) x.

    c = (a, 1 - a) @ end_to_end_matrix(net), a float. For the 2-2-1 net in the answer's names,
    c = a (w111 w211 + w121 w212) + (1 - a) (w112 w211 + w122 w212).
    """
    split = _split(a)
    product = end_to_end_matrix(net)
    if product.shape != (2, 1):
        raise ValueError(f"net must have 2 inputs and 1 output, got sizes {net.sizes}")
    return float(split @ product[:, 0])


def slope_sensitivity(net, a):
    """The sum over the weights of (dc/dW)^2, for the slope c of a linear 2-n-1 network without biases.

    With s = (a, 1 - a): dc/dweights[0][k, j] = s[k] weights[1][j, 0] and
    dc/dweights[1][j, 0] = s @ weights[0][:, j], so the sum is
    (a^2 + (1 - a)^2) sum_j weights[1][j, 0]^2 + sum_j (s @ weights[0][:, j])^2, a float.
    One step of gradient descent on C = 1/(2m) sum (c x - y)^2 multiplies c - c* by about
    1 - lr * mean(x^2) * slope_sensitivity(net, a).
    """
    _check_linear(net)
    if len(net.weights) != 2 or net.sizes[0] != 2 or net.sizes[-1] != 1:
        raise ValueError(f"net must have sizes [2, n, 1] (one hidden layer), got {net.sizes}")
    split = _split(a)
    W0, W1 = net.weights
    return float(split @ split * np.sum(W1**2) + np.sum((split @ W0) ** 2))


def slope_history(history, a):
    """The slope c at every recorded step of a ``History`` of a linear 2-..-1 network.

    history.weights: per layer, (T, sizes[l], sizes[l+1]). Returns c: (T,).
    """
    check_history(history)
    split = _split(a)
    if not history.weights or history.weights[0].shape[1] != 2 or history.weights[-1].shape[2] != 1:
        raise ValueError("history must record a network with 2 inputs and 1 output")
    product = history.weights[0]
    for W in history.weights[1:]:
        product = product @ W  # (T, 2, n) @ (T, n, k): one matrix product per step
    return product[:, :, 0] @ split


def least_squares_slope(x, y):
    """Closed-form least-squares slope of a line through the origin: sum(x y) / sum(x^2).

    x: (m,) feature values; y: (m,) or (m, 1) targets. It minimises sum (y - c x)^2,
    which is what a network without biases can do at best.
    """
    x = as_float_array("x", x)
    y = as_float_array("y", y)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D array (m,), got shape {x.shape}")
    if y.shape not in ((x.size,), (x.size, 1)):
        raise ValueError(f"y must have shape ({x.size},) or ({x.size}, 1) to match x, got shape {y.shape}")
    x_scale, y_scale = np.abs(x).max(initial=0.0), np.abs(y).max(initial=0.0)
    if x_scale == 0.0:
        raise ValueError("x must contain at least one non-zero value")
    if y_scale == 0.0:
        return 0.0
    # scaled to at most 1 first, so that 1e200 squared does not overflow nor 1e-200 squared vanish
    x, y = x / x_scale, y.reshape(-1) / y_scale
    return float(x @ y) / float(x @ x) * (y_scale / x_scale)


def _answer_terms(net, X):
    """Checked X (m, 2) and the answer's z11, z12, z_b, each (m,)."""
    _check_2_2_1(net)
    X = net.check_data(X)
    w = {name: net.weights[l][i, j] for name, (l, i, j) in ANSWER_WEIGHTS.items()}
    x1, x2 = X[:, 0], X[:, 1]
    z11 = w["w111"] * x1 + w["w112"] * x2
    z12 = w["w121"] * x1 + w["w122"] * x2
    return X, {"z11": z11, "z12": z12, "z_b": w["w211"] * z11 + w["w212"] * z12}


def forward_terms(net, X):
    """The answer's forward pass, term by term: z11, z12 and z_b, each of shape (m,).

    X: (m, 2) rows (x1, x2). Returns a dict {"z11", "z12", "z_b"}; z_b is y'.
    """
    return _answer_terms(net, X)[1]


def answer_partials(net, X):
    """dz_b/dw for each of the six weights, per observation, written as the answer writes them.

    X: (m, 2). Returns a dict from the answer's names to arrays of shape (m,):
    dz_b/dw111 = x1 w211, dz_b/dw121 = x1 w212, dz_b/dw112 = x2 w211,
    dz_b/dw122 = x2 w212, dz_b/dw211 = z11, dz_b/dw212 = z12.
    """
    X, z = _answer_terms(net, X)
    x1, x2 = X[:, 0], X[:, 1]
    w211, w212 = net.weights[1][:, 0]
    return {
        "w111": x1 * w211,
        "w121": x1 * w212,
        "w112": x2 * w211,
        "w122": x2 * w212,
        "w211": z["z11"],
        "w212": z["z12"],
    }


def answer_gradients(net, X, Y):
    """dC/dw from the answer's formulas, for C = (1/m) sum 1/2 (y - y')^2 (loss "half_mse").

    dC/dw = (1/m) sum_i (y'_i - y_i) dz_b/dw (note dL/dy' = y' - y, not y - y').
    X: (m, 2); Y: (m, 1). Returns ``dW`` shaped like ``net.weights``: [(2, 2), (2, 1)].
    """
    partials = answer_partials(net, X)
    X, Y = net.check_data(X, Y)
    residual = _answer_terms(net, X)[1]["z_b"] - Y[:, 0]  # y' - y, shape (m,)
    dW = [np.zeros_like(W) for W in net.weights]
    for name, (l, i, j) in ANSWER_WEIGHTS.items():
        dW[l][i, j] = np.mean(residual * partials[name])
    return dW


def question_gradients(net, X, Y):
    """The question's mistaken dC/dw for the first-layer weights, shape (2, 2) like weights[0].

    The question takes dy'/dw as dz/dw of the hidden unit (dropping the outgoing weight) and
    writes dL/dy' = y - y', so entry [k, j] (input k -> hidden unit j) is
    (1/m) sum_i (y_i - y'_i) x_ik: the same for both hidden units j, whatever the weights.
    X: (m, 2); Y: (m, 1).
    """
    _check_2_2_1(net)
    X, Y = net.check_data(X, Y)
    slipped = Y[:, 0] - feedforward(net, X)[-1][:, 0]  # y - y', the question's sign
    per_input = X.T @ slipped / X.shape[0]  # (2,)
    return np.repeat(per_input[:, None], 2, axis=1)


def steps_to_slope(history, a, target, tol=1e-6):
    """First recorded step from which the slope c stays within ``tol`` of ``target``, else None.

    history: a ``History`` of a linear 2-..-1 network; a: the split; target: e.g. the
    least-squares slope. Returns an int step number, or None when the last step is still off.
    """
    target = as_real("target", target)
    tol = as_real("tol", tol, positive=True)
    off = np.nonzero(np.abs(slope_history(history, a) - target) >= tol)[0]
    if off.size == 0:
        return int(history.iterations[0]) if len(history.iterations) else None
    if off[-1] == len(history.iterations) - 1:
        return None
    return int(history.iterations[off[-1] + 1])


def compare_splits(a_values, seed=0, tol=1e-6, stretch_from=1e-2, **data):
    """Train the 2-2-1 regression question's case for several splits a, from the constant and a random start.

    a_values: splits in (0, 1); seed: ``init_random`` seed of the random start; tol: how
    close to the least-squares slope counts as reached; ``data``: passed on to
    ``cases.linear_2_2_1`` (m, seed of the data, slope, noise), the same for every a.
    Returns one dict per a with ``a``, ``c_star`` (least-squares slope) and, for
    ``"constant"`` and ``"random"``, a dict with ``c`` (slope after training), ``steps``
    (``steps_to_slope``), ``last_stretch``: how many of those steps come after |c - c*| first drops below
    ``stretch_from``, ``shift_ratio``: how far the weights from x1 moved, divided
    by how far the weights from x2 moved (both into hidden unit 1), and ``factor``: the
    factor 1 - lr mean(x^2) ``slope_sensitivity`` by which one more step would shrink
    c - c* at the trained weights, ``weights``: copies of the trained
    [weights[0] (2, n), weights[1] (n, 1)], and ``slopes``: c at every recorded step, (T,) (``slope_history``).
    """
    from .cases import linear_2_2_1  # cases builds on this package's core; import when used

    if isinstance(a_values, (str, bytes)) or not np.iterable(a_values):
        raise TypeError(f"a_values must be a list of splits a in (0, 1), such as [0.3, 0.5], got {a_values!r}")
    rows = []
    for a in a_values:
        case = linear_2_2_1(a=a, **data)
        x = case.X.sum(axis=1)  # x1 + x2 = x
        c_star = least_squares_slope(x, case.Y)
        row = {"a": float(a), "c_star": c_star}
        for init, net in (("constant", case.network()), ("random", case.network().init_random(seed=seed))):
            start = net.weights[0].copy()
            net, history = case.train(net)
            shift = net.weights[0][:, 0] - start[:, 0]  # (2,): from x1, from x2
            steps = steps_to_slope(history, a, c_star, tol)
            row[init] = {
                "c": effective_slope(net, a),
                "steps": steps,
                "last_stretch": steps - steps_to_slope(history, a, c_star, stretch_from),
                "shift_ratio": float(shift[0] / shift[1]),
                "factor": 1.0 - case.lr * float(np.mean(x**2)) * slope_sensitivity(net, a),
                "weights": [W.copy() for W in net.weights],
                "slopes": slope_history(history, a),
            }
        rows.append(row)
    return rows


# --- exercise checks of notebook 02 (each returns a CheckResult and never raises) ---


def check_gradient_answer(answer, net, X, Y, weight, notation="regression_question"):
    """A ``CheckResult`` for ``answer``, a typed number for dC/d(weight) of a linear 2-2-1 net,
    C the mean half squared error ("half_mse").

    weight: the weight's name in ``notation`` (default the question's, e.g. "w221");
    X: (m, 2); Y: (m, 1). Right within the course's typed-number tolerance (4 significant
    digits, ``exercise_checks.NUMBER_RTOL``). The verdict never shows the right value; it names
    the slip the answer looks like: the outgoing weight dropped (the question's slip, with or
    without its flipped sign; weights into a hidden unit), the weight itself as an extra factor
    (outgoing weights), a flipped sign, a factor 2, the sum instead of the mean, or the
    gradient of another weight (the table of names misread).
    """
    from .notation import parse_weight

    layer, i, j = parse_weight(notation, weight, sizes=net.sizes)
    gradients = answer_gradients(net, X, Y)
    X, Y = net.check_data(X, Y)
    right = float(gradients[layer][i, j])
    residual = feedforward(net, X)[-1][:, 0] - Y[:, 0]  # y' - y, (m,)
    slips = []
    if layer == 0:
        dropped = float(np.mean(residual * X[:, i]))
        slips += [
            (dropped, f"the outgoing weight is missing: {weight} reaches the output only through its hidden "
                      "unit, so dy'/dw carries that unit's outgoing weight (the question's slip)"),
            (-dropped, "the outgoing weight is missing and the sign is flipped: that is the question's own formula"),
        ]
    else:  # an outgoing weight: dy'/dW_1[i, 0] is h_(i+1) alone, the weight is not a factor of its own derivative
        slips.append((right * float(net.weights[1][i, 0]),
                      f"the weight itself is an extra factor: y' = ... + {weight} h, so dy'/d{weight} is the "
                      "hidden unit's output h alone"))
    slips += common_slips(right, "half_mse", m=X.shape[0])
    card = weight_label("card", layer, i, j)
    for l, k, q in ANSWER_WEIGHTS.values():
        if (l, k, q) != (layer, i, j):
            slips.append((float(gradients[l][k, q]), f"that is the gradient of {weight_label('card', l, k, q)}, "
                          f"another weight: the {notation.removeprefix('regression_')}'s {weight} is {card} "
                          "(look it up again in the table of names, section 2)"))
    return judge_number(
        answer, right, slips,
        correct=f"that is dC/d{weight} (to 4 significant digits).",
        fallback=f"that is not dC/d{weight}, and it looks like none of the usual slips: take the mean over "
                 "the observations of (y' - y) times dy'/dw from the formulas of section 5",
        quantity=f"dC/d{weight}",
    )


def _tie_pattern(incoming, outgoing):
    """What a 2-2-1 start's two hidden units share, as 0/1 flags (float64, (4,)):
    [same incoming weights (the columns of weights[0]), same outgoing weight, not every weight
    the same, the rows of weights[0] equal while its columns are not]."""
    same_in = np.array_equal(incoming[:, 0], incoming[:, 1])
    same_out = outgoing[0] == outgoing[1]
    constant = bool(np.all(incoming == incoming[0, 0]) and np.all(outgoing == incoming[0, 0]))
    rows_instead = np.array_equal(incoming[0], incoming[1]) and not same_in
    return np.array([same_in, same_out, not constant, rows_instead], dtype=float)


#: the flags of ``_tie_pattern`` for a right answer, and for each usual slip with its message
_TIED_NOT_CONSTANT = np.array([1.0, 1.0, 1.0, 0.0])
_ROWS_SLIP = ("you made the weights from x_1 equal to the weights from x_2 (the rows of weights[0]); "
              "a hidden unit is a column: weights[0][:, 0] must equal weights[0][:, 1], and the two "
              "outgoing weights must be equal")
_START_SLIPS = (
    ([1.0, 1.0, 0.0, 0.0], "every weight is the same number: that is a constant start; find a tied start that is not"),
    ([1.0, 0.0, 1.0, 0.0], "the incoming weights match but the outgoing weights differ: each hidden unit's "
                           "gradient carries its outgoing weight, so the units get different updates and drift apart"),
    ([0.0, 1.0, 1.0, 0.0], "the outgoing weights match but the incoming ones differ: the hidden units "
                           "compute different numbers from the start"),
    ([0.0, 1.0, 1.0, 1.0], _ROWS_SLIP),
    ([0.0, 0.0, 1.0, 1.0], _ROWS_SLIP),
)


_DIVERGED = ("your two hidden units are copies, but from weights this large training diverges {when}: "
             "with learning rate {lr:g} the weights overflow to inf and NaN, and NaN is not equal even to "
             "itself. Keep every weight modest, between -2 and 2")


def check_symmetric_start(weights, case):
    """A ``CheckResult`` for ``weights`` as a start that is *not* constant but keeps the hidden
    units tied.

    weights: ``[weights[0] (2, 2), weights[1] (2, 1)]`` for the 2-2-1 regression question's
    network; case: its ``Case`` (trained for ``case.iterations`` steps to confirm the tie). Never
    raises; names the slip: a constant start, equal incoming weights with different outgoing
    ones (or the reverse), or the rows of ``weights[0]`` (one per input) made equal instead of
    its columns (one per hidden unit), or a tied start so large that training diverges (its
    weights overflow, and NaN equals nothing), or a tied start without the asked-for negative
    outgoing weight r or without opposite signs for p and q (the weights from x_1 and x_2; negating
    section 7's trained weights, all of one sign, does not pass), or with a slope c <= 0 at the start. Equality is exact: tied units
    are copies to the last bit.
    """
    if weights is None or weights is Ellipsis:
        return CheckResult(False, "Not yet answered: write your weights in place of the ... and run the cell again.")
    try:
        net = case.network().set_params(weights)
    except (TypeError, ValueError) as error:  # a wrong shape or kind: the message names it
        return not_yet(f"{error}. Write [[[w, w], [w, w]], [[w], [w]]] with numbers for the w")
    except Exception as error:  # whatever the answer holds, the check explains instead of raising
        return not_yet(f"the weights could not be read as numbers ({type(error).__name__}: {error}). "
                       "Write [[[w, w], [w, w]], [[w], [w]]] with numbers for the w")
    pattern = _tie_pattern(net.weights[0], net.weights[1][:, 0])
    verdict = judge(pattern, _TIED_NOT_CONSTANT, _START_SLIPS, typed=False,
                    correct="the two hidden units start as copies without being constant",
                    fallback="the two hidden units are not copies: weights[0][:, 0] must equal weights[0][:, 1] "
                             "(same incoming weights) and the two outgoing weights must be equal")
    if not verdict.passed:
        return verdict
    p, q, r = (float(w) for w in (net.weights[0][0, 0], net.weights[0][1, 0], net.weights[1][0, 0]))  # before training
    x = case.X.sum(axis=1)
    with np.errstate(all="ignore"):  # a start too large overflows: said below, after training
        slope_positive = least_squares_slope(x, net.predict(case.X)) > 0  # y' = c x exactly: least squares gives c
    with warnings.catch_warnings():  # a start too large diverges: said below, not warned
        warnings.simplefilter("ignore", TrainingDiverged)
        try:
            trained, history = case.train(net)
        except ValueError:  # the loss overflows before the first step
            return not_yet(_DIVERGED.format(when="before the first step", lr=case.lr))
    if history.diverged:
        return not_yet(_DIVERGED.format(when=f"at step {int(history.iterations[-1]) + 1}", lr=case.lr))
    if tied_units(trained) != [[[0, 1]]]:
        return not_yet("the units start as copies but came apart in training; tell your teacher, this is unexpected")
    # the exercise asks for a start the page does not print: a negative outgoing weight, and a
    # weight from x_1 of the other sign than the weight from x_2 (section 7's trained weights, or
    # their negatives, are neither: the student has to choose the sign of u = rho p + (1 - rho) q)
    if not r < 0:
        return not_yet("your two hidden units are copies and stay tied, but the exercise asks for a negative "
                       "outgoing weight: change the sign of weights[1] (the units stay copies)")
    if not p * q < 0:
        return not_yet("your two hidden units are copies and stay tied, but the exercise asks that the weight from "
                       "x_1 (row 0 of weights[0]) and the weight from x_2 (row 1) have opposite signs")
    if not slope_positive:  # the start's c: the student chooses the sign of u = rho p + (1 - rho) q
        return not_yet("your two hidden units are copies and stay tied, but the exercise asks for a start whose "
                       "slope c is positive: with negative outgoing weights, look at the sign of each unit's input part (section 4)")
    # the fitted slope: y' = c x exactly (a linear network without biases), so least squares recovers c
    reached = abs(least_squares_slope(x, trained.predict(case.X)) - least_squares_slope(x, case.Y)) < 1e-6
    slope = ("c reached c* (within 1e-6)" if reached
             else "c is not yet within 1e-6 of c*: your weights are tiny, and every gradient has a factor "
                 "W_1[j, 0], u_1 or u_2 (section 6), so every step is tiny too; try larger weights")
    return CheckResult(True, f"{verdict.verdict}, with negative outgoing weights, opposite-signed weights from x_1 and x_2 and c > 0; after {case.iterations} steps they are "
                             f"still tied and {slope}. They stay tied because every step gives the two units equal "
                             "gradients: the same float operations run on the same numbers.")
