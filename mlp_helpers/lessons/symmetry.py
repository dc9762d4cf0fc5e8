"""The tied-units question: the 2-3-3-2 sigmoid network whose hidden units never separate.

The question writes every layer in a bias-augmented layout: the activations get a column
of ones on the left, the weights get the biases as an extra row on top, and one matrix
product does both jobs::

    n^{l+1} = [1  a^l] @ [b^l ; w^l]        [1  a^l]: (m, 1 + sizes[l])
                                            [b^l ; w^l]: (1 + sizes[l], sizes[l+1])

which is ``a[l] @ weights[l] + biases[l]`` in this package's layout. ``QUESTION`` holds the
matrices the question prints (computed in float32, shown with 7-8 digits);
``question_forward`` and ``question_steps`` recompute them in float64 from an ``MLP``.
The exercise checks of notebook 04 (``check_mixed_entry``, ``check_floor_answer``) return
``CheckResult`` verdicts judged by ``exercise_checks.judge`` (its tolerance policy).
"""

import numpy as np

from ..activations import ACTIVATIONS, activate
from ..checks import tied_units, unit_descriptions
from ..ensemble import EnsembleHistory, train_many
from ..history import History, check_history
from ..losses import loss_difference, loss_gradient
from ..network import MLP, check_network, feedforward
from .exercise_checks import ATOL, RTOL, CheckResult, judge, judge_number, not_yet, prediction_written  # noqa: F401 (notebook 04 calls it here)
from .notation import latex_matrix
from ..validation import as_activations, as_count, as_float_array, as_real

#: The matrices printed in the tied-units question, every weight and bias 1, cost
#: sum (a - y)^2. Keys match ``question_steps``. Rows are observations.
QUESTION = {
    "n1": np.array([[2.2, 2.2, 2.2], [1.6, 1.6, 1.6]]),
    "a1": np.array([[0.9002495] * 3, [0.8320184] * 3]),
    "a2": np.array([[0.9758906] * 3, [0.9705753] * 3]),
    "a3": np.array([[0.9806908] * 2, [0.9803864] * 2]),
    "cost_slope": np.array([[1.5613816, 1.1613816], [-0.0392272, 1.9607728]]),
    "sigmoid_slope": np.array([[0.01893635] * 2, [0.01922891] * 2]),
    "delta": np.array([[0.02956687, 0.02199233], [-0.0007543, 0.03770352]]),
    # dC/d[b^2 ; w^2]: the bias row on top, then one row per unit of a^2
    "last_layer_gradient": np.array([[0.0288126, 0.0596958]] + [[0.028122, 0.0580562]] * 3),
    # the output after 1000 steps of gradient descent at learning rate 0.5
    "output_after_1000": np.array([[0.5992708, 0.1997655], [0.5993174, 0.2004307]]),
    # the output of their random start after 10000 steps (their follow-up)
    "output_random_10000": np.array([[0.2002207, 0.3998017], [0.9927028, 0.008218]]),
}
for _printed in QUESTION.values():
    _printed.flags.writeable = False  # reference data: a notebook must not change it by accident


def with_ones(activations):
    """Prepend the question's column of ones. activations: (m, n) -> (m, 1 + n)."""
    activations = as_float_array("activations", activations)
    if activations.ndim != 2:
        raise ValueError(f"activations must be a 2-D array (m, n), got shape {activations.shape}")
    return np.hstack([np.ones((activations.shape[0], 1)), activations])


def stack_bias(weights, biases):
    """The question's weight matrix: biases as the top row. (n_in, n_out), (n_out,) -> (1 + n_in, n_out)."""
    weights = as_float_array("weights", weights)
    biases = as_float_array("biases", biases)
    if weights.ndim != 2 or biases.shape != (weights.shape[1],):
        raise ValueError(
            f"weights must be (n_in, n_out) and biases (n_out,), got shapes {weights.shape} and {biases.shape}"
        )
    return np.vstack([biases[None, :], weights])


def _check_seed_network(net):
    check_network(net)
    if not net.bias or net.activation[-1] != "sigmoid":
        raise ValueError(f"net must have biases and a sigmoid output layer like the tied-units question's, got {net!r}")


def question_forward(net, X):
    """The forward matrices the question prints: ``n1`` = [1 X] @ [b^0 ; w^0] (m, sizes[1]) and
    the activations ``a1``, ``a2``, ... (m, sizes[l]). X: (m, sizes[0]). Nothing of the backward
    pass, so a notebook can show these before an exercise asks for the output delta."""
    _check_seed_network(net)
    X = net.check_data(X)
    activations = feedforward(net, X)
    steps = {"n1": with_ones(X) @ stack_bias(net.weights[0], net.biases[0])}
    steps.update({f"a{l}": a for l, a in enumerate(activations) if l > 0})
    return steps


def question_steps(net, X, Y):
    """Recompute, in the question's layout, every matrix it prints (keys as in ``QUESTION``).

    X: (m, sizes[0]); Y: (m, sizes[-1]); the cost is sum (a - y)^2 and the output layer a sigmoid.
    Returns a dict of float64 arrays: ``n1`` (m, sizes[1]) = [1 X] @ [b^0 ; w^0]; ``a1``, ``a2``,
    ... the activations (m, sizes[l]); ``cost_slope`` = 2 (aL - Y); ``sigmoid_slope`` =
    aL (1 - aL); ``delta`` their elementwise product, all (m, sizes[-1]); and
    ``last_layer_gradient`` = [1 a^{L-1}]^T @ delta, (1 + sizes[-2], sizes[-1]), the gradient of
    the cost with respect to the last layer's [b ; w], bias row on top.
    """
    _check_seed_network(net)
    X, Y = net.check_data(X, Y)
    steps = question_forward(net, X)
    output = steps[f"a{net.n_layers}"]
    steps["cost_slope"] = loss_gradient("sse", output, Y)
    steps["sigmoid_slope"] = output * (1.0 - output)
    steps["delta"] = steps["cost_slope"] * steps["sigmoid_slope"]
    steps["last_layer_gradient"] = with_ones(steps[f"a{net.n_layers - 1}"]).T @ steps["delta"]
    return steps


def side_by_side(symbol, ours, question, digits=7):
    r"""LaTeX placing a recomputed matrix next to the question's, for ``IPython.display.Math``.

    symbol: LaTeX for the left-hand side, e.g. ``"a^1"``; ours, question: arrays of the same
    shape (1-D or 2-D), shown with ``digits`` significant digits.
    """
    if not isinstance(symbol, str):
        raise TypeError(f"symbol must be a LaTeX string such as 'a^1', got {type(symbol).__name__}")
    ours = as_float_array("ours", ours)
    question = as_float_array("question", question)
    if ours.shape != question.shape:
        raise ValueError(f"question must have the shape of ours {ours.shape}, got shape {question.shape}")
    return (
        symbol + r" = \underset{\text{recomputed}}{" + latex_matrix(ours, digits) + r"}"
        r"\qquad \underset{\text{question}}{" + latex_matrix(question, digits) + "}"
    )


def outputs_over_training(history, X, activation="sigmoid"):
    """The network's output at every recorded step of a ``History``, in one batched pass.

    history.weights: per layer (T, sizes[l], sizes[l+1]); X: (m, sizes[0]); activation: one
    name or a list with one name per layer (as in ``MLP``). Returns (T, m, sizes[-1]).
    """
    check_history(history)  # before len(history.weights): a wrong argument gets its TypeError, not AttributeError
    return activations_over_training(history, X, len(history.weights), activation)


def activations_over_training(history, X, layer, activation="sigmoid"):
    """Layer ``layer``'s activations a^layer at every recorded step of a ``History``, in one pass.

    history.weights: per layer (T, sizes[l], sizes[l+1]); X: (m, sizes[0]); layer: 1 to the
    number of weight layers (the last is the output); activation: one name or a list with one
    name per layer (as in ``MLP``). Returns (T, m, sizes[layer]).
    """
    check_history(history)
    X = as_float_array("X", X)
    names = as_activations("activation", activation, len(history.weights), ACTIVATIONS)
    if X.ndim != 2 or X.shape[1] != history.weights[0].shape[1]:
        raise ValueError(f"X must have shape (m, {history.weights[0].shape[1]}), got shape {X.shape}")
    if isinstance(layer, bool) or not isinstance(layer, (int, np.integer)) or not 1 <= layer <= len(history.weights):
        raise ValueError(f"layer must be a layer number from 1 to {len(history.weights)}, got {layer!r}")
    a = X[None, :, :]
    for l, W in enumerate(history.weights[:layer]):
        z = a @ W  # (1 or T, m, n_in) @ (T, n_in, n_out): one product per recorded step
        if history.biases:
            z = z + history.biases[l][:, None, :]
        a = activate(names[l], z)
    return a


def member_history(runs, k, until=None):
    """Network ``k`` of an ``EnsembleHistory`` as a ``History``, at the steps its parameters were recorded.

    runs: from ``train_many`` with parameters recorded (``weights_every`` > 0); k: 0 <= k < len(runs);
    until: None for every recorded step, else the last step to keep (a figure of the first steps
    only, drawn with all their recorded points). The History's rows are ``runs.weight_iterations``
    (every step by default, every 10th with ``weights_every=10``), with the loss at those steps, so
    ``plot_weight_trajectories``, ``outputs_over_training`` and ``first_fit_step`` take it (a fit
    step then to that resolution; ``runs.fit_steps`` has every step).
    """
    if not isinstance(runs, EnsembleHistory):
        raise TypeError(f"runs must be an EnsembleHistory returned by train_many, got {type(runs).__name__}")
    if len(runs.weight_iterations) == 0:
        raise ValueError("runs must hold recorded parameters: train_many with weights_every > 0")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 0 <= k < len(runs):
        raise ValueError(f"k must be a network number from 0 to {len(runs) - 1}, got {k!r}")
    kept = len(runs.weight_iterations)
    if until is not None:
        until = as_count("until", until)
        kept = int(np.searchsorted(runs.weight_iterations, until, side="right"))
    steps = runs.weight_iterations[:kept]
    rows = np.searchsorted(runs.iterations, steps)  # every weight step is a recorded step
    return History(steps.copy(), runs.loss[k, rows], [W[k, :kept] for W in runs.weights],
                   [b[k, :kept] for b in runs.biases], bool(runs.diverged[k]))


def first_fit_step(history, X, Y, activation="sigmoid", tol=0.01):
    """First recorded step at which every output is within ``tol`` of its target, else None.

    X: (m, sizes[0]); Y: (m, sizes[-1]); tol > 0. Returns an int step number or None.
    """
    tol = as_real("tol", tol, positive=True)
    Y = as_float_array("Y", Y)
    outputs = outputs_over_training(history, X, activation)
    if Y.shape != outputs.shape[1:]:
        raise ValueError(f"Y must have shape {outputs.shape[1:]}, got shape {Y.shape}")
    fitted = np.nonzero(np.abs(outputs - Y).max(axis=(1, 2)) < tol)[0]
    return int(history.iterations[fitted[0]]) if fitted.size else None


def unit_spread(history):
    """How far apart the hidden units of each layer are, at every recorded step.

    A hidden unit j of layer l is its incoming weights ``weights[l-1][:, j]``, bias
    ``biases[l-1][j]`` and outgoing weights ``weights[l][j, :]``. Returns (T,) for a
    ``History`` and (N, T) for an ``EnsembleHistory``: the largest absolute difference between
    any unit and unit 0 of the same layer, over all hidden layers; exactly 0.0 while every
    hidden layer is one tied group.
    """
    if not isinstance(history, (History, EnsembleHistory)):
        raise TypeError(f"history must be a History or EnsembleHistory (train, train_many), got {type(history).__name__}")
    spread = np.zeros(history.weights[0].shape[:-2])
    for l in range(1, len(history.weights)):
        bias = history.biases[l - 1] if history.biases else None
        units = unit_descriptions(history.weights[l - 1], history.weights[l], bias)  # (..., T, ., units)
        spread = np.maximum(spread, np.abs(units - units[..., :1]).max(axis=(-2, -1)))
    return spread


def collapse_tied(net):
    """The narrow network a fully tied one really is: one unit per hidden layer.

    When every hidden layer of ``net`` is a single tied group (``unit_spread`` 0), each unit
    of a layer computes the same activation h, so unit 0 can stand for all of them: the
    weight into the next layer becomes the sum over the copies. Returns an ``MLP`` with
    sizes ``[sizes[0], 1, ..., 1, sizes[-1]]`` whose ``predict`` equals ``net.predict``.
    """
    check_network(net)
    if net.n_layers < 2:
        raise ValueError(f"net has no hidden layer to collapse: its sizes are {net.sizes}")
    for layer, groups in enumerate(tied_units(net, atol=0.0), start=1):
        if net.sizes[layer] > 1 and groups != [list(range(net.sizes[layer]))]:
            raise ValueError(f"net must have every hidden layer tied into one group; layer {layer} is not")
    sizes = [net.sizes[0]] + [1] * (net.n_layers - 1) + [net.sizes[-1]]
    last = net.n_layers - 1
    # into a hidden layer keep unit 0's column; from a hidden layer add up the copies' rows
    weights = [net.weights[0][:, :1]] + [
        W.sum(axis=0, keepdims=True)[:, : (None if l == last else 1)] for l, W in enumerate(net.weights) if l > 0
    ]
    biases = [b[: (None if l == last else 1)] for l, b in enumerate(net.biases)] if net.bias else None
    return MLP(sizes, activation=net.activation, bias=net.bias).set_params(weights, biases)


def gap_report(name, net, X):
    """Two lines: how far apart two observations are, layer by layer; each hidden layer's slope.

    name: a label (str); net: an MLP with two hidden sigmoid layers (sizes [n0, h1, h2, n_out]);
    X: (2, n0). The first line holds, for layers 0 (inputs) to 3 (outputs), the largest gap
    |a^l[0] - a^l[1]| (rounded to 4 decimals); the second the mean slope a(1 - a) of layers 1 to 3
    (3 decimals). Each line is under 90 characters.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}")
    check_network(net)
    X = as_float_array("X", X)
    if X.ndim != 2 or len(X) != 2 or net.n_layers != 3:
        raise ValueError(f"gap_report needs X of shape (2, n0) and three weight layers, got X of shape {X.shape} "
                         f"and {net.n_layers} layers")
    acts = net.forward(X)  # layers 0 to 3, each (2, n_l)
    gaps = [round(float(np.abs(a[0] - a[1]).max()), 4) for a in acts]
    slopes = [round(float(np.mean(a * (1 - a))), 3) for a in acts[1:4]]
    return (f"{name:>8}: largest |gap|, layers 0 to 3: {gaps}\n"
            f"{name:>8}: mean slope a(1 - a), layers 1 to 3: {slopes}")


#: Notebook 04's runs, trained together in its section 8: (section, starts, learning rates).
#: A start is a random seed or "ones" (every parameter 1).
LESSON_RUNS = (
    (8, ("ones",), (0.5,)),
    (9, tuple(range(10)), (0.5,)),
    (10, (0,), (1, 2, 4)),
    (10, ("ones",), (1, 2)),
)


def lesson_runs(case, iterations=15000, weights_every=10):
    """Train every run of ``LESSON_RUNS`` on ``case`` in one ``train_many`` call.

    case: the tied-units case (``cases.sigmoid_2_3_3_2()``). Returns (runs, run_row, nets):
    the EnsembleHistory, a dict from run name ("ones", "seed 3", "seed 0, lr 2") to its row of
    ``runs``, and the trained networks.
    """
    starts, rates, run_row = [], [], {}
    for _, seeds, lrs in LESSON_RUNS:
        for start in seeds:
            for lr in lrs:
                net = case.network()
                if start != "ones":
                    net.init_random(seed=start)
                name = start if isinstance(start, str) else f"seed {start}"
                run_row[name + ("" if lr == 0.5 else f", lr {lr:g}")] = len(starts)
                starts.append(net)
                rates.append(lr)
    runs = train_many(starts, case.X, case.Y, lr=rates, iterations=iterations, weights_every=weights_every)
    return runs, run_row, starts


def shared_row_floor(Y):
    """Best the network can do when every observation gets the same output row.

    Y: (m, n_out). Returns (the best row shared by every observation (n_out,), its cost under
    sum (a - y)^2): notebook 04's floor (its exercise 2 asks for both, so no more is said here).
    """
    Y = as_float_array("Y", Y)
    if Y.ndim != 2:
        raise ValueError(f"Y must be a 2-D array (m, n_out), got shape {Y.shape}")
    means = Y.mean(axis=0)
    return means, float(((Y - means) ** 2).sum())


# --- exercise checks of notebook 04 (each returns a CheckResult and never raises) ---


def _as_answer_array(answer, what="array"):
    """(array, None) for an array of finite numbers, else (None, a "Not yet" CheckResult).

    what: how the "Not yet answered" verdict names the answer ("array", "number").
    """
    if answer is None or answer is Ellipsis:
        return None, CheckResult(False, f"Not yet answered: write your {what} in place of the ... and run the cell again.")
    try:
        return as_float_array("answer", answer), None
    except (TypeError, ValueError) as error:
        return None, not_yet(str(error))
    except Exception:  # 10**400 (OverflowError), an object whose __array__ raises: a verdict, never an error
        return None, not_yet("the answer must be an array of ordinary finite numbers, such as the result of "
                             "a numpy computation on a3 and Y")


def check_mixed_entry(answer, net, X, Y, products=None):
    """A ``CheckResult`` for ``answer``, entry [0, 1] of the matrix product cost_slope @ sigmoid_slope.

    With cost_slope = 2 (a^L - y) and sigmoid_slope = a^L (1 - a^L), both (m, n_out) with
    m = n_out, the entry is (cost_slope @ sigmoid_slope)[0, 1]
    = cost_slope[0, 0] sigmoid_slope[0, 1] + cost_slope[0, 1] sigmoid_slope[1, 1]: it mixes
    observation 0's cost slopes with observation 1's sigmoid slope. One computed number, judged
    to the course's tolerance for computed values (exercise_checks.RTOL relative). The verdict
    never shows the value; it names the slip: the entry delta^3[0, 1], the entry
    [1, 0], the factors in the other order, one of the two products only, the factor 2 missing,
    the sign flipped.

    products: the student's two products ``(first, second)``, the terms j = 0 and j = 1 of the sum,
    judged first when given (so indexing the matrix product does not pass on its own): swapped,
    two numbers that add up to the entry but are not its terms, or the elementwise pair
    (delta^3[0, 0], delta^3[0, 1]) are named as slips.
    """
    if products is not None:
        pair_verdict = _check_products(products, net, X, Y)
        if not pair_verdict.passed:
            return pair_verdict
    answer, problem = _as_answer_array(answer, "number")
    if problem:
        return problem
    if answer.size != 1:
        return not_yet(f"the exercise asks for one number, entry [0, 1] of the matrix product; got shape {answer.shape}")
    cost_slope, slope = _output_slopes(net, X, Y)
    product = cost_slope @ slope
    right = product[0, 1]
    first, second = cost_slope[0, 0] * slope[0, 1], cost_slope[0, 1] * slope[1, 1]
    slips = [
        (cost_slope[0, 1] * slope[0, 1], "that is the elementwise product's entry [0, 1] (delta^3[0, 1]): the "
                                         "exercise asks for the matrix product's, a sum over j"),
        (product[1, 0], "that is entry [1, 0]: [0, 1] is row [0] of the first array against column [1] of the second"),
        ((slope @ cost_slope)[0, 1], "the two arrays are in the other order: cost_slope @ sigmoid_slope, the cost "
                                     "slope on the left"),
        (first, "only the first of the two products: j runs over 0 and 1"),
        (second, "only the second of the two products: j runs over 0 and 1"),
        (right / 2, "the factor 2 is missing: the cost slope is 2(a^3 - y)"),
        (-right, "the sign is flipped: the cost slope is 2(a^3 - y), not 2(y - a^3)"),
    ]
    return judge(answer.reshape(()), right, slips, typed=False,
                 correct="that is row [0] of 2(a^3 - y) against column [1] of a^3(1 - a^3) "
                         "(checked to 1e-6 relative). Read your sum: it pairs observation [0]'s cost slopes with "
                         "observation [1]'s sigmoid slope, and output [0]'s cost slope with output [1]'s sigmoid slope. "
                         "But delta^3[i, k] = dC/dz^3[i, k] belongs to one observation and one output: its chain has "
                         "one path, with the cost slope and the sigmoid slope of that same entry. So the question's "
                         "second * must be elementwise. (If one of your products equals an entry of delta^3, that is "
                         "this start's doing: sigmoid_slope's two columns are equal.) And @ runs only because both "
                         "arrays are 2 x 2: with three observations both would be 3 x 2, and numpy would refuse @ "
                         "(2 columns against 3 rows).",
                 fallback="entry [i, k] of A @ B is the sum over j of A[i, j] B[j, k]: take i = 0, k = 1 "
                          "(checked to 1e-6 relative)")


def which_product(verdict):
    """Exercise 1's question answered in one line, once its check has passed.

    verdict: the ``CheckResult`` of ``check_mixed_entry``; before it passes, only a pointer to the check.
    """
    if not (isinstance(verdict, CheckResult) and verdict.passed):
        return "once exercise 1's check says right, this line answers its question"
    return ("delta^3[0, 1] needs observation [0], output [1] only, so the elementwise product; @ mixes observation "
            "[0]'s cost slope at output [0] with observation [1]'s sigmoid slope at output [1].")


def _output_slopes(net, X, Y):
    """Exercise 1's two arrays, 2 (a^L - y) and a^L (1 - a^L), each (2, 2), for the question's network."""
    _check_seed_network(net)
    X, Y = net.check_data(X, Y)
    if Y.shape != (2, 2):
        raise ValueError(f"check_mixed_entry needs two observations and two outputs, got Y of shape {Y.shape}")
    steps = question_steps(net, X, Y)
    return steps["cost_slope"], steps["sigmoid_slope"]


def _check_products(products, net, X, Y):
    """The verdict on ``products`` alone, "first, second: ..." when they are not the sum's two terms."""
    if products is Ellipsis or (isinstance(products, tuple) and any(p is Ellipsis for p in products)):
        return CheckResult(False, "Not yet answered: write first and second (one product each) in place of the ...")
    pair, problem = _as_answer_array(products)
    if problem:
        return CheckResult(False, problem.verdict.replace("Not yet: ", "Not yet: first, second: ", 1))
    if pair.shape != (2,):
        return not_yet(f"first, second: two numbers, one product each; got shape {pair.shape}")
    cost_slope, slope = _output_slopes(net, X, Y)
    terms = np.array([cost_slope[0, 0] * slope[0, 1], cost_slope[0, 1] * slope[1, 1]])
    slips = [
        (terms[::-1], "first, second: swapped; first is the term j = 0"),
        ((cost_slope * slope)[0], "first, second: those are delta^3[0, 0] and delta^3[0, 1], each entry times its "
                                  "own; the matrix product pairs A[0, j] with B[j, 1]"),
    ]
    near = [np.allclose(pair, value, rtol=RTOL, atol=ATOL) for value in (terms, terms[::-1])]
    if not any(near) and np.isclose(pair.sum(), terms.sum(), rtol=RTOL, atol=ATOL):
        return not_yet("first, second: they add up to the entry, but each must be one entry of cost_slope times one "
                       "entry of sigmoid_slope, one for each j")
    return judge(pair, terms, slips, typed=False, correct="first and second are right.",
                 fallback="first, second: entry [0, 1] of A @ B adds A[0, j] B[j, 1] over j; first is the term j = 0 "
                          "(checked to 1e-6 relative)")


def check_floor_answer(answer, Y, best_row=None):
    """A ``CheckResult`` for ``answer``, the plateau cost of a tied network on targets ``Y`` (m, n_out).

    best_row: the student's best shared output row (n_out,), judged first when given (computed
    values, exercise_checks.RTOL): the row means, the mean of every target, one observation's
    targets, or the right row in the other order are named as slips.

    The cost of the best output row shared by all observations is the floor
    (``shared_row_floor``). A typed number, judged by
    ``exercise_checks.judge_number`` (4 significant digits). The verdict never shows the right
    value and names the slip: half of it (a 1/2 or a 1/m that the cost sum (a - y)^2 does not
    have), the mean over entries, each observation's own mean, the square root, the
    shared row itself instead of its cost.
    """
    means, floor = shared_row_floor(Y)
    Y = as_float_array("Y", Y)
    if best_row is not None:
        row_verdict = _check_best_row(best_row, Y, means)
        if not row_verdict.passed:
            return row_verdict
    if _has_shape(answer, (Y.shape[1],)) and Y.shape[1] > 1:
        return not_yet("that looks like the shared output row; the exercise asks for its cost, the sum over "
                       "observations and outputs of (y - output)^2")
    row_means = Y.mean(axis=1, keepdims=True)
    slips = [
        (floor / 2, "that is half the floor: the cost sum (a - y)^2 has no 1/2 and no 1/m; add over both "
                    "observations and both outputs"),
        (floor / Y.size, "that is the mean over all entries; the cost is their sum"),
        (float(((Y - row_means) ** 2).sum()), "you used each observation's own mean (row means); a shared output "
                                              "row has one value per output: the column means"),
        (float(np.sqrt(floor)), "that is the square root: the cost is the sum of squares itself"),
    ]
    question_row, question_floor_value = question_floor()
    deviations = " + ".join(f"{d:g}" for d in np.round((_question_targets() - question_row) ** 2, 12).ravel())
    return judge_number(answer, floor, slips, example="0.123", quantity="the floor",
                        correct="that is the cost of the best output row shared by every observation "
                                "(checked to 4 significant digits). That row, ybar, is the column means of the targets: "
                                "each output's part of the cost is a parabola in p[k], lowest where its slope "
                                "2 sum_i (p[k] - y[i, k]) is zero, at p[k] = ybar[k]. On the question's targets "
                                f"ybar = {tuple(np.round(question_row, 12).tolist())}, the row the network "
                                f"stopped near, and the floor sums the squared deviations from those means: "
                                f"{deviations} = {question_floor_value:g}.",
                        fallback="find the output row p that all observations share (one value per output), then "
                                 "add (y - p)^2 over every observation and output (checked to 4 significant digits)")


def _check_best_row(best_row, Y, means):
    """The verdict on ``best_row`` alone, "best_row: ..." when it is not the column means ``means``."""
    if best_row is Ellipsis:
        return CheckResult(False, "Not yet answered: write best_row (one number per output) in place of the ...")
    row, problem = _as_answer_array(best_row)
    if problem:
        return CheckResult(False, problem.verdict.replace("Not yet: ", "Not yet: best_row: ", 1))
    if row.shape != means.shape:
        return not_yet(f"best_row: one number per output, shape {means.shape}; got shape {row.shape}")
    slips = [
        (np.full_like(means, Y.mean()), "best_row: that is the mean of every target; each output has its own value"),
        (means[::-1], "best_row: the two outputs' values are swapped"),
    ] + [(Y[i], f"best_row: that is observation [{i}]'s targets; the shared row must serve every observation")
         for i in range(Y.shape[0])]
    if Y.shape[0] == Y.shape[1]:
        slips.insert(0, (Y.mean(axis=1), "best_row: those are the row means (each observation's own mean); the "
                                          "shared row has one value per output: average each column"))
    return judge(row, means, slips, typed=False, correct="best_row is right.",
                 fallback="best_row: set the slope of the cost in each p[k] to zero and solve (checked to 1e-6 relative)")


def _has_shape(value, shape):
    try:
        return np.shape(value) == shape
    except Exception:  # a ragged list, an object whose __array__ raises: no shape
        return False


def _question_targets():
    """Notebook 04's question's targets, (2, 2)."""
    from .cases import sigmoid_2_3_3_2

    return sigmoid_2_3_3_2().Y


def question_floor():
    """Notebook 04's question only: (its targets' best shared row, its floor). Takes no targets, so it
    answers no other targets' floor (exercise 2's)."""
    return shared_row_floor(_question_targets())


def params_rms(net):
    """The root mean square of every weight and bias of ``net`` together (each weight matrix W_l of shape
    (n_l, n_{l+1}) and bias vector b_l of shape (n_{l+1},) counts each entry once): a float, its "size"."""
    check_network(net)
    params = np.concatenate([p.ravel() for p in (*net.weights, *net.biases)])
    return float(np.sqrt(np.mean(params ** 2)))


def wrong_order_spans(steps, outputs, Y):
    """For each output k, the spans of recorded steps where its rows are in the wrong order: the observation with
    the larger target gets the smaller output, (outputs[t, 0, k] - outputs[t, 1, k]) (Y[0, k] - Y[1, k]) < 0.

    steps: (T,) recorded steps, rising; outputs: (T, 2, n) a^3 at those steps (two observations); Y: (2, n).
    Returns a list of n lists of (first, stop): ``first`` the first recorded step of a run of consecutive wrong-order
    records, ``stop`` the next recorded step (its rows in order again), or None if the run lasts to the last record."""
    steps, outputs, Y = np.asarray(steps), np.asarray(outputs, dtype=float), np.asarray(Y, dtype=float)
    if steps.ndim != 1 or outputs.ndim != 3 or outputs.shape[:2] != (len(steps), 2) or Y.shape != (2, outputs.shape[2]):
        raise ValueError(f"steps (T,), outputs (T, 2, n) and Y (2, n) must agree, got {steps.shape}, {outputs.shape}, {Y.shape}")
    wrong = (outputs[:, 0] - outputs[:, 1]) * (Y[0] - Y[1]) < 0  # (T, n)
    spans = []
    for k in range(wrong.shape[1]):
        edges = np.flatnonzero(np.diff(np.concatenate([[0], wrong[:, k].astype(int), [0]])))  # starts and ends, alternating
        spans.append([(int(steps[a]), int(steps[b]) if b < len(steps) else None) for a, b in zip(edges[::2], edges[1::2])])
    return spans


def widened_gap_change(a2, W2, b2, Y, widen=0.01, activation="sigmoid"):
    """C's change when gap(a^2) widens a little, the rest held (notebook 04, 8a's `wider gap` line).

    a2: (2, n) the last hidden layer's activations, one row per observation; W2: (n, n_out) and b2: (n_out,) the last
    layer; Y: (2, n_out). Moves a2's two rows apart about their mean, each by ``widen`` / 2 times their gap, so that
    gap(a^2) = a2[0] - a2[1] becomes (1 + widen) times as wide, keeps W2 and b2, and recomputes a^3 = activation(a2 W2 + b2)
    and C = sum (a^3 - y)^2. Returns C(widened) - C(a2), a float: > 0 if the wider gap raises C."""
    a2, W2, b2, Y = (as_float_array(name, x) for name, x in (("a2", a2), ("W2", W2), ("b2", b2), ("Y", Y)))
    if a2.ndim != 2 or len(a2) != 2 or W2.shape[0] != a2.shape[1] or b2.shape != W2.shape[1:] or Y.shape != (2, len(b2)):
        raise ValueError(f"a2 (2, n), W2 (n, n_out), b2 (n_out,) and Y (2, n_out) must agree, got {a2.shape}, {W2.shape}, {b2.shape}, {Y.shape}")
    widen = as_real("widen", widen)
    wider = a2.mean(axis=0) + (1 + widen) * (a2 - a2.mean(axis=0))  # each row's distance from the mean times (1 + widen)
    # the small difference of two nearly equal costs, formed output by output (no cancellation)
    return loss_difference("sse", activate(activation, wider @ W2 + b2), activate(activation, a2 @ W2 + b2), Y)


def scaled_to_rms(net, rms):
    """``net`` with every weight and bias times one factor, so that the root mean square of all of
    them together is ``rms`` (> 0). Scales in place; returns the network. One factor keeps every
    sign and every ratio between parameters: a tied network stays tied, an untied one untied."""
    rms = as_real("rms", rms, positive=True)
    now = params_rms(net)
    if now == 0:
        raise ValueError("net has every weight and bias 0: no factor scales it to a root mean square above 0")
    factor = rms / now
    return net.set_params([w * factor for w in net.weights], [b * factor for b in net.biases])


def widest_unit_table(case, starts):
    """Notebook 04, section 9: for each start, at step 0, its layer-2 unit j with the largest |gap(a^2)[j]|, as lines.

    case: the 2-3-3-2 case; starts: {name: MLP of its sizes}. Each row: j, |sum_q W_1[q, j] gap(a^1)[q]| (section 2's
    rule's sum), j's slope a(1 - a) (mean over the observations) and |gap(a^2)[j]|, to three significant figures.
    """
    lines = [f"{'step 0, unit j of largest |gap(a^2)|':<37}{'j':>2}{'|sum_q W_1[q, j] gap(a^1)[q]|':>31}{'slope a(1 - a)':>16}{'|gap(a^2)[j]|':>15}"]
    for name, net in starts.items():
        check_network(net)
        a1, a2 = net.forward(case.X)[1:3]
        gap_2 = np.abs(a2[0] - a2[1])
        j = int(np.argmax(gap_2))
        total = abs((a1[0] - a1[1]) @ net.weights[1][:, j])
        lines.append(f"{name:<37}{j:>2}{total:>31.3g}{(a2[:, j] * (1 - a2[:, j])).mean():>16.3f}{gap_2[j]:>15.3g}")
    return lines
