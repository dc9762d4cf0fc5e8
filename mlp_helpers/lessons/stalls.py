"""Notebook 06: why training stalls, and what unsticks it (the cost, depth, dead starts).

All on the tied-units question's data (two observations, two outputs, sigmoid outputs):

* ``stall_net``: the 2-H-...-H-2 network with one hidden activation, sigmoid outputs;
* ``fit_and_plateau``: when one run enters and leaves the plateau, and when it fits, measured
  with the same yardstick (the sum of squared errors of its outputs) whatever cost it trained on;
  ``fit_and_plateau_many``: the same for many networks trained together;
* ``layer_gradient_norms``: |dW_l| for each weight layer at the start, for many starts at once;
* ``layer_sizes``: the typical size of one unit's delta, of one weight's gradient and of one
  input, layer by layer (sizes that compare across layers of different shapes);
* ``rows_apart``: how far apart two observations' rows are at one layer (rms Delta a^l);
  ``at_step``: a network with the parameters a run recorded at one step;
* ``dead_units``: hidden units whose output is 0 on every observation (ReLU); ``share_in_words``:
  a share of starts in plain words;
* ``both_off_chance``: how often a random unit is off on both of two observations;
* the two exercises' checks, ``check_output_delta`` and ``check_depth_ratio``.
"""

from dataclasses import dataclass

import numpy as np

from ..ensemble import check_nets, forward_many, train_many
from ..network import MLP, check_network
from ..training import check_history
from ..validation import as_choice, as_count, as_float_array, as_observations, as_real
from . import symmetry
from .exercise_checks import (AnswerProblem, Case, Exercise, answer_array, judge_number, not_yet, run_check,
                              shape_mismatch)

HIDDEN = ("sigmoid", "tanh", "relu")
#: the random start each hidden activation is usually paired with
SCHEME_OF = {"sigmoid": "lecun", "tanh": "glorot", "relu": "he"}
#: the plateau of the tied-units question: its loss sits near 0.4 (sum of squared errors)
PLATEAU_ENTER, PLATEAU_LEAVE = 0.41, 0.39
#: notebook 05's yardstick for leaving the plateau: half the floor 0.4
HALF_FLOOR = 0.2


def stall_net(hidden="sigmoid", depth=3, width=3):
    """An ``MLP`` 2-width-...-width-2 with ``depth`` weight layers, ``hidden`` in every hidden
    layer and sigmoid outputs (what cross-entropy needs). Parameters from ``init_random(0)``."""
    hidden = as_choice("hidden", hidden, HIDDEN)
    depth, width = as_count("depth", depth, minimum=1), as_count("width", width, minimum=1)
    return MLP([2] + [width] * (depth - 1) + [2], activation=[hidden] * (depth - 1) + ["sigmoid"])


@dataclass(frozen=True)
class Milestones:
    """Steps of one run: ``enter`` (first sum of squared errors <= 0.41), ``leave`` (first < 0.39),
    ``half_floor`` (first < 0.2, notebook 05's yardstick) and ``fit`` (first step with every output
    within ``tol``); -1 where it never happened. ``plateau`` = leave - enter and ``approach`` =
    fit - leave (-1 when either end is missing). ``near``: how many steps have a sum of squared
    errors between 0.39 and 0.41 (both included), wherever they fall in the run."""

    enter: int
    leave: int
    half_floor: int
    fit: int
    near: int

    @property
    def plateau(self):
        return self.leave - self.enter if min(self.enter, self.leave) >= 0 else -1

    @property
    def approach(self):
        return self.fit - self.leave if min(self.leave, self.fit) >= 0 else -1


def _first(condition):
    return int(np.argmax(condition)) if condition.any() else -1


def _milestones(sse, fitted):
    """``Milestones`` of one run from its sum of squared errors per recorded step, (steps,), and
    whether every output is within the tolerance at each step, (steps,) bool. NaN compares False:
    a diverged step is neither on the plateau nor fitted."""
    near = int(((sse >= PLATEAU_LEAVE) & (sse <= PLATEAU_ENTER)).sum())
    return Milestones(_first(sse <= PLATEAU_ENTER), _first(sse < PLATEAU_LEAVE), _first(sse < HALF_FLOOR),
                      _first(fitted), near)


def fit_and_plateau(history, X, Y, activation, tol=0.01):
    """``Milestones`` of a ``History`` recorded at every step (``record_every=1``)."""
    check_history(history)
    if not np.array_equal(history.iterations, np.arange(len(history.iterations))):
        raise ValueError("history must be recorded at every step (train with record_every=1)")
    X = as_observations("X", X, history.weights[0].shape[1])
    Y = as_observations("Y", Y, history.weights[-1].shape[2], rows=X.shape[0])
    outputs = symmetry.outputs_over_training(history, X, activation)
    sse = ((outputs - Y) ** 2).sum(axis=(1, 2))
    error = np.abs(outputs - Y).max(axis=(1, 2))
    return _milestones(sse, error < as_real("tol", tol, positive=True))


def fit_and_plateau_many(nets, X, Y, lr, iterations, loss="sse", tol=0.01):
    """Train the list ``nets`` together (``train_many``, in place) for ``iterations`` steps and return
    each network's ``Milestones``, a list. With ``sse`` the recorded loss is the yardstick itself; with
    another cost the parameters are recorded at every step and the yardstick computed from them."""
    nets = check_nets(nets)
    X = as_observations("X", X, nets[0].sizes[0])
    Y = as_observations("Y", Y, nets[0].sizes[-1], rows=X.shape[0])
    run = train_many(nets, X, Y, lr, iterations, loss=loss, weights_every=0 if loss == "sse" else 1)
    if loss == "sse":
        sse = run.loss
    else:  # NaN rows (a network that diverged) compare False below, as in fit_steps
        sse = np.array([((symmetry.outputs_over_training(symmetry.member_history(run, k), X, nets[0].activation)
                          - Y) ** 2).sum(axis=(1, 2)) for k in range(len(nets))])
    below = run.max_error < as_real("tol", tol, positive=True)
    return [_milestones(s, b) for s, b in zip(sse, below)]


def layer_gradient_norms(nets, X, Y, loss):
    """(N, n_layers): the Frobenius norm of each weight layer's gradient |dW_l| at the nets' current
    parameters, one row per network of the list ``nets``."""
    return np.array([[np.linalg.norm(g) for g in net.gradients(X, Y, loss)[0]] for net in check_nets(nets)])


def _rms(array):
    return float(np.sqrt(np.mean(np.square(array))))


def layer_sizes(nets, X, Y, loss):
    """Typical sizes, layer by layer, at the nets' current parameters: three (N, n_layers) arrays,
    one row per network of the list ``nets``, column l for weight layer l:

    * ``delta``: the root mean square over the units of layer l + 1 of dC/db_l, which is each
      unit's delta summed over the observations: the size of one unit's delta;
    * ``gradient``: the root mean square over the entries of dC/dW_l: the size of one weight's
      gradient (a Frobenius norm would also count the entries, which differ from layer to layer);
    * ``inputs``: the root mean square of a^l, the input of W_l (a^0 = X).
    """
    X = as_observations("X", X, check_nets(nets)[0].sizes[0])
    delta, gradient, inputs = [], [], []
    for net in nets:
        dW, db = net.gradients(X, Y, loss)
        delta.append([_rms(g) for g in db])
        gradient.append([_rms(g) for g in dW])
        inputs.append([_rms(a) for a in net.forward(X)[:-1]])
    return np.array(delta), np.array(gradient), np.array(inputs)


def rows_apart(net, X, layer):
    """rms over the units of Delta a^layer = a^layer[0] - a^layer[1]: how far apart the two rows of
    ``X`` (2, sizes[0]) are at layer ``layer`` of ``net`` (0: ``X`` itself; the last: the outputs)."""
    check_network(net)
    X = as_observations("X", X, net.sizes[0])
    if X.shape[0] != 2:
        raise ValueError(f"X must hold exactly two observations (rows), got shape {X.shape}")
    layer = as_count("layer", layer, minimum=0)
    if layer > net.n_layers:
        raise ValueError(f"layer must be at most {net.n_layers}, got {layer}")
    a = net.forward(X)[layer]
    return float(np.sqrt(np.mean((a[0] - a[1]) ** 2)))


def weight_step_terms(net, X, Y, layer, loss="cross_entropy"):
    """How one step of W_layer changes Delta z^(layer + 1) = Delta a^layer W_layer, per unit of lr.

    The step changes Delta z^(layer + 1)[k] by -lr times the sum of the terms
    Delta a^layer[j] a^layer[i, j] delta^(layer + 1)[i, k], over the units j of layer ``layer`` and the
    two rows i of ``X`` (2, sizes[0]); ``Y`` is (2, sizes[-1]). Returns two floats, each an rms over
    the units k: the signed sum of the terms, and the sum of their sizes (their signs ignored).
    """
    check_network(net)
    X, Y = net.check_data(X, Y)
    if X.shape[0] != 2:
        raise ValueError(f"X must hold exactly two observations (rows), got shape {X.shape}")
    layer = as_count("layer", layer, minimum=0)
    if layer >= net.n_layers:
        raise ValueError(f"layer must be below {net.n_layers}, got {layer}")
    a = [net.forward(X[i:i + 1])[layer][0] for i in (0, 1)]  # a^layer[i], one row at a time: (n_layer,)
    delta = [net.gradients(X[i:i + 1], Y[i:i + 1], loss)[1][layer].ravel() for i in (0, 1)]  # dC/db_layer = delta^(layer+1)[i]
    terms = np.array([np.outer((a[0] - a[1]) * a[i], delta[i]) for i in (0, 1)])  # (2 rows i, units j, units k)
    return _rms(terms.sum(axis=(0, 1))), _rms(np.abs(terms).sum(axis=(0, 1)))


def at_step(net, history, t):
    """A copy of ``net`` (its shape and activations) with the parameters ``history`` recorded at index
    ``t`` (step t when every step was recorded)."""
    check_network(net)
    check_history(history)
    t = as_count("t", t, minimum=0)
    if t >= len(history.iterations):
        raise ValueError(f"t must be below the {len(history.iterations)} recorded steps, got {t}")
    return net.copy().set_params([w[t] for w in history.weights], [b[t] for b in history.biases])


def share_in_words(share):
    """A share between 0 and 1 in plain words, for a count that a few starts may shift (a unit whose
    z ends near 0 can be dead or alive by the arithmetic's last bits): "all" (1), "nearly all" (0.9
    or more), "about two thirds" (0.6 to 0.73), "most" (the rest above 0.5), "about half" (0.4 to
    0.5), "some" (above 0), "none" (0)."""
    share = as_real("share", share)
    if not 0 <= share <= 1:
        raise ValueError(f"share must be between 0 and 1, got {share}")
    if share == 1:
        return "all"
    if share >= 0.9:
        return "nearly all"
    if 0.6 <= share <= 0.73:
        return "about two thirds"
    if share > 0.5:
        return "most"
    if share >= 0.4:
        return "about half"
    return "some" if share > 0 else "none"


def both_off_chance(X):
    """The chance that a unit whose weights and bias are drawn independently from one centred
    normal distribution (all with the same standard deviation) is off, z <= 0, on both rows of
    ``X`` (2, n_in).

    z_i = [x_i, 1] . v with v = (weights, bias). Such a v points in every direction equally often;
    seen in the plane of the two rows, z_1 and z_2 are both negative on an arc of 180 - theta of
    the 360 degrees, theta the angle between [x_1, 1] and [x_2, 1]: the chance is
    (180 - theta) / 360, 1/4 for perpendicular rows and up to 1/2 for parallel ones."""
    X = as_float_array("X", X)
    if X.ndim != 2 or X.shape[0] != 2:
        raise ValueError(f"X must hold exactly two observations (rows), got shape {X.shape}")
    rows = np.hstack([X, np.ones((2, 1))])
    cosine = rows[0] @ rows[1] / (np.linalg.norm(rows[0]) * np.linalg.norm(rows[1]))
    theta = np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0)))
    return float((180.0 - theta) / 360.0)


def dead_units(net, X):
    """One boolean array per hidden layer, (sizes[l],): True for a unit whose output is exactly 0
    on every observation of ``X`` (m, sizes[0]). Such a ReLU unit passes no gradient back."""
    return [np.all(a == 0.0, axis=0) for a in check_network(net).forward(X)[1:-1]]


def dead_unit_table(nets, X):
    """(N, hidden units) bool, one row per network of the list ``nets`` (one architecture): each
    network's ``dead_units`` on ``X`` (m, sizes[0]), its hidden layers side by side."""
    hidden = forward_many(nets, X)[1:-1]  # a_l: (m, sizes[l], N)
    return np.concatenate([np.all(a == 0.0, axis=0).T for a in hidden], axis=1)


# -- exercise 1: the output delta of cross-entropy --------------------------------------------
CE_SLIPS = (
    ("no slope", "that is dC/da, (a - y) / (a(1 - a)); delta is dC/dz, so multiply by the "
                 "sigmoid's slope da/dz = a(1 - a), and see what cancels"),
    ("sign", "the sign is flipped. Where a > y the cost falls as a falls, so dC/dz is positive there"),
    ("sse", "that is SSE's delta, 2(a - y) a(1 - a). With cross-entropy the "
            "derivative of -[y log a + (1 - y) log(1 - a)] is different: write dC/da first"),
    ("half sse", "that is (a - y) a(1 - a), half SSE's delta; cross-entropy's dC/da "
                 "has a(1 - a) in the denominator"),
    ("mean", "divided by the number of observations; the cost here is summed, not averaged"),
)


def _ce_delta(a, y, slip=None):
    if slip == "no slope":
        return (a - y) / (a * (1 - a))
    if slip == "sign":
        return y - a
    if slip == "sse":
        return 2 * (a - y) * a * (1 - a)
    if slip == "half sse":
        return (a - y) * a * (1 - a)
    if slip == "mean":
        return (a - y) / len(a)
    return a - y


def _delta_cases():
    rng = np.random.default_rng(6)
    X = np.array([[0.8, 0.4], [0.3, 0.3]])
    Y = np.array([[0.2, 0.4], [1.0, 0.0]])
    ones = MLP([2, 3, 3, 2]).init_constant(1.0)
    start = MLP([2, 3, 3, 2]).init_random(3)
    return (
        Case("the tied-units question from all ones", (ones.predict(X), Y), 2),
        Case("the tied-units question from a random start", (start.predict(X), Y), 2),
        Case("one observation, three outputs", (rng.uniform(0.05, 0.95, (1, 3)), rng.uniform(0, 1, (1, 3))), 1),
    )


def _delta_answer(raw, case):
    try:
        return answer_array("delta", raw)
    except OverflowError:  # a Python int beyond float range
        raise AnswerProblem(f"delta must hold numbers of float size, got {type(raw).__name__} too large") from None


def check_output_delta(output_delta):
    """Check a learner's ``output_delta(a, y) -> delta`` of summed cross-entropy with sigmoid outputs
    (a, y: (m, n_out)); a ``CheckResult`` naming the slip, never the expected numbers."""
    def shape_problem(out, case):
        return shape_mismatch("delta", out, case.args[0].shape, "it has one entry per observation and output")

    exercise = Exercise(
        "output_delta", _delta_cases(), lambda c: _ce_delta(*c.args), lambda c, slip: _ce_delta(*c.args, slip=slip),
        CE_SLIPS, _delta_answer, shape_problem, lambda out, right: [],
        "Correct: with cross-entropy the sigmoid's slope a(1 - a) cancels, so the output delta is the error "
        "itself, delta^L = a^L - y, however saturated the output: a nearly saturated output no longer crawls. "
        "The package computes delta^L for this cost that way, without the slope.",
    )
    try:
        return run_check(exercise, output_delta)
    except Exception as exc:  # the check itself must never raise at a learner
        return not_yet(f"the check could not run your function ({type(exc).__name__}); run its cell again")


# -- exercise 2: how much smaller is the first layer's gradient? -------------------------
def depth_chain(depth):
    """The 1-1-...-1 sigmoid chain of exercise 2: ``depth`` weight layers, every weight 1 and every
    bias -0.5, so that with x = 0.5 every pre-activation is 0 and every unit outputs 1/2."""
    depth = as_count("depth", depth, minimum=2)
    net = MLP([1] * (depth + 1)).init_constant(1.0)
    return net.set_params(net.weights, [np.full(1, -0.5) for _ in range(depth)])


def _chain_ratio(depth, slip=None):
    """|dW_0| / |dW_last| of ``depth_chain(depth)``, or what a slip would give."""
    if slip == "one too many":
        return 0.25 ** depth
    if slip == "a not slope":
        return 0.5 ** (depth - 1)
    if slip == "inverted":
        return 4.0 ** (depth - 1)
    net = depth_chain(depth)
    dW, _ = net.gradients([[0.5]], [[1.0]], loss="sse")
    return abs(dW[0].item()) / abs(dW[-1].item())


DEPTH_SLIPS = (
    ("one too many", "one factor 1/4 too many. The output layer's own slope is in both "
                     "gradients, so it cancels; count the layers between them"),
    ("a not slope", "you multiplied by the unit's output a = 1/2 per layer; the chain rule "
                    "multiplies by its slope da/dz = a(1 - a)"),
    ("inverted", "that is the last layer's gradient over the first's; the question asks the "
                 "first over the last, which is smaller than 1"),
)


def check_depth_ratio(answer, depth=10):
    """Check a learner's number for |dW_0| / |dW_last| in ``depth_chain(depth)``; a ``CheckResult``
    that names the slip and never shows the value. Never raises."""
    try:
        slips = [(_chain_ratio(depth, slip), message) for slip, message in DEPTH_SLIPS]
        size = f"{0.25 ** (depth - 1):.1e}".replace("e-0", "e-")  # 3.8e-6, said only to a right answer
        return judge_number(
            answer, _chain_ratio(depth), slips, example="1.2e-3", quantity="the ratio",
            correct=f"the chain loses the sigmoid's largest slope, 1/4, at each of the {depth - 1} steps back "
                    f"from delta^{depth} to delta^1: 4^-{depth - 1} in all, so the first weight layer's gradient is "
                    f"about {size} of the last one's. Depth shrinks the gradient geometrically, "
                    "by the slope at every layer.",
            fallback="follow delta from the last layer back to the first: each layer multiplies it by "
                     "its weight times its unit's slope a(1 - a)",
        )
    except Exception as exc:  # the check itself must never raise at a learner
        return not_yet(f"the check could not read your answer ({type(exc).__name__})")
