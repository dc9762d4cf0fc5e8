"""Notebook 05: how often the start matters, over thousands of starts trained at once.

Every start here is a list of ``MLP`` networks handed to ``train_many``:

* ``random_starts``: weights and biases drawn from N(0, s^2) with LeCun's s = 1/sqrt(fan-in)
  (``init_random``'s default), Glorot's s (notebook 05 section 6, after its exercise 1), He's
  s = sqrt(2 / fan-in), or one fixed s;
* ``almost_constant_starts``: every parameter ``value`` plus noise of size ``eps``;
* ``constant_starts``: every parameter one constant c.

The noise of seed k is always the same standard normal draws, ``default_rng(k)``, in the
order ``init_random`` uses (weights then biases, layer by layer), only scaled: two schemes
compared on the same seeds differ by their scale alone.
"""

import warnings
from numbers import Real

import numpy as np

from ..activations import logistic
from ..ensemble import EnsembleHistory, check_nets, check_rates, first_step, max_recorded_steps, train_many
from ..history import MEMORY_BUDGET_BYTES, recorded_steps
from ..losses import loss_difference
from ..training import TrainingDiverged
from ..network import MLP
from ..validation import as_choice, as_count, as_float_array, as_real, as_sizes
from .exercise_checks import NO_RETURN, NUMBER_RTOL, RTOL, judge, judge_number, not_yet, number_answer, prediction_written  # noqa: F401 (notebook 05 calls it here)

#: XOR: four corners of the unit square, target 1 where exactly one input is 1
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
for _array in (XOR_X, XOR_Y):
    _array.flags.writeable = False

SCHEMES = ("lecun", "glorot", "he")


def layer_scales(sizes, scale):
    """Standard deviation of each weight layer's draws: ``"lecun"`` 1/sqrt(n_in), ``"glorot"``
    (notebook 05 section 6, after its exercise 1), ``"he"`` sqrt(2 / n_in) (for ReLU, notebook 06), or a number
    s >= 0 for every layer. Returns a list (n_layers,)."""
    sizes = as_sizes("sizes", sizes)
    pairs = list(zip(sizes[:-1], sizes[1:]))
    if isinstance(scale, str):
        scale = as_choice("scale", scale, SCHEMES)
        if scale == "lecun":
            return [1.0 / np.sqrt(n_in) for n_in, _ in pairs]
        if scale == "he":
            return [np.sqrt(2.0 / n_in) for n_in, _ in pairs]
        return [np.sqrt(2.0 / (n_in + n_out)) for n_in, n_out in pairs]
    scale = as_real("scale", scale)
    if scale < 0:
        raise ValueError(f"scale must be at least 0 (a standard deviation), got {scale!r}")
    return [scale] * len(pairs)


def _seeds(seeds):
    """A count n (seeds 0..n-1) or an ordered list of seeds; a set or dict has no order, so the
    networks would come out in an order that changes from run to run."""
    if isinstance(seeds, Real):
        return range(as_count("seeds", seeds))
    if isinstance(seeds, (set, frozenset, dict)):
        raise TypeError(f"seeds must be a count or a list of seeds in order, got a {type(seeds).__name__} "
                        "(no order); write sorted(seeds) or a list")
    if isinstance(seeds, str) or not np.iterable(seeds):
        raise TypeError(f"seeds must be a count or a list of seeds, got {type(seeds).__name__} {seeds!r}")
    return [as_count(f"seeds[{i}]", seed) for i, seed in enumerate(seeds)]


def _noise(sizes, activation, bias, seed):
    """A network holding seed ``seed``'s standard normal draws (std 1 in every layer)."""
    return MLP(sizes, activation, bias).init_random(seed, scale=1.0)


def random_starts(sizes, seeds, scale="lecun", activation="sigmoid", bias=True):
    """One network per seed, every weight and bias of layer l drawn from N(0, s_l^2).

    sizes, activation, bias: as for ``MLP``; seeds: a count n (seeds 0..n-1) or a list;
    scale: ``"lecun"`` (= ``init_random(seed)``), ``"glorot"`` or a number (see ``layer_scales``).
    """
    scales = layer_scales(sizes, scale)
    nets = []
    for seed in _seeds(seeds):
        net = _noise(sizes, activation, bias, seed)
        for l, s in enumerate(scales):
            net.weights[l] *= s
            if bias:
                net.biases[l] *= s
        nets.append(net)
    return nets


def almost_constant_starts(sizes, eps, seeds, value=1.0, activation="sigmoid", bias=True):
    """One network per seed: every weight and bias ``value`` plus ``eps`` times seed's N(0, 1) draws."""
    eps = as_real("eps", eps)
    value = as_real("value", value)
    nets = random_starts(sizes, seeds, scale=1.0, activation=activation, bias=bias)
    for net in nets:
        for p in net.weights + net.biases:
            p *= eps
            p += value
    return nets


def constant_starts(sizes, values, activation="sigmoid", bias=True):
    """One network per constant c in ``values`` (1-D, at least one): every weight and bias c."""
    if any(isinstance(v, (bool, np.bool_)) for v in np.ravel(np.asarray(values, dtype=object))):
        raise TypeError("values must be constants (numbers), got True or False in it")
    values = as_float_array("values", values)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"values must be a 1-D list of at least one constant, got shape {values.shape}")
    return [MLP(sizes, activation, bias).init_constant(float(c)) for c in values]


def steps_to_fit(nets, X, Y, lr, iterations, tol=0.01, loss="sse", chunk=500):
    """(N,) float: the first step at which every output of each network is within ``tol`` of
    its target, ``inf`` if not by step ``iterations``; the same as
    ``train_many(nets, X, Y, lr, iterations, loss=loss).fit_steps(tol)``, usually much faster.

    The networks train (in place, with ``train_many``) in chunks of ``chunk`` steps, and a
    network that has fit trains no further: it stays at the end of the chunk in which it fit.
    The others, those that never fit, end at step ``iterations``. lr: one rate or one per network;
    iterations: one step limit, or one per network (N,).
    Networks that diverge count as never fit; one ``TrainingDiverged`` warning says how many.
    """
    fits, diverged_at, _ = _train_in_chunks(nets, X, Y, lr, iterations, tol, loss, chunk)
    _warn_diverged(fits, diverged_at)
    return fits


def fit_and_follow(nets, X, Y, lr, iterations, follow, tol=0.01, weights_every=100, loss="sse", chunk=500):
    """``steps_to_fit`` for every network, and the whole run of the networks in ``follow``.

    One call, so that experiments on the same data share their steps (most of the time of a
    step is the same for 10 networks as for 1000). follow: indices of the networks to follow
    (ordered); they train to their step limit, which must be the same for all of them, with
    the loss and ``max_error`` recorded at every step and the parameters every ``weights_every``
    steps. The others stop once they fit, as in ``steps_to_fit``.
    iterations: one step limit, or one per network (N,); a limit below the followed networks'
    must be a multiple of ``weights_every``, and so must ``chunk``.

    Returns ((N,) steps to fit, ``inf`` for not within the network's limit; the
    ``EnsembleHistory`` of the followed networks, in the order of ``follow``), the same numbers
    as ``train_many`` on each group alone.
    """
    fits, diverged_at, followed = _train_in_chunks(nets, X, Y, lr, iterations, tol, loss, chunk, follow, weights_every)
    _warn_diverged(fits, diverged_at)
    return fits, followed


def _warn_diverged(fits, diverged_at):
    diverged = diverged_at >= 0
    if diverged.any():
        warnings.warn(
            f"{int(diverged.sum())} of {len(fits)} networks diverged (the first after step "
            f"{int(diverged_at[diverged].min()) - 1}): their loss or parameters became inf or NaN; they count "
            "as never fit; try a smaller learning rate",
            TrainingDiverged,
            stacklevel=3,
        )


def fit_and_divergence(nets, X, Y, lr, iterations, tol=0.01, loss="sse", chunk=500):
    """``steps_to_fit`` without its warning: ((N,) steps to fit, (N,) the step at which each
    network diverged, -1 for those that did not)."""
    fits, diverged_at, _ = _train_in_chunks(nets, X, Y, lr, iterations, tol, loss, chunk)
    return fits, diverged_at


def _step_limits(iterations, n):
    """(n,) int step limits from one count or one per network."""
    if isinstance(iterations, (list, tuple, np.ndarray)):
        limits = [as_count(f"iterations[{i}]", v) for i, v in enumerate(iterations)]
        if len(limits) != n:
            raise ValueError(f"iterations must be one step count or one per network ({n}), got {len(limits)}")
        return np.array(limits, dtype=int)
    return np.full(n, as_count("iterations", iterations), dtype=int)


def _followed(follow, n):
    """The indices of ``follow`` as an int array: distinct, each a network number 0..n-1."""
    if isinstance(follow, (str, bytes, set, frozenset, dict)) or not np.iterable(follow):
        raise TypeError(f"follow must be a list of network indices, got {type(follow).__name__}")
    indices = [as_count(f"follow[{i}]", k) for i, k in enumerate(follow)]
    if any(k >= n for k in indices) or len(set(indices)) != len(indices):
        raise ValueError(f"follow must hold distinct network indices from 0 to {n - 1}, got {indices}")
    return np.array(indices, dtype=int)


def _train_in_chunks(nets, X, Y, lr, iterations, tol, loss, chunk, follow=(), weights_every=100):
    """The chunked training behind ``steps_to_fit`` and ``fit_and_follow``: ((N,) fits, (N,)
    diverged_at, the followed networks' ``EnsembleHistory`` or None)."""
    nets = check_nets(nets)
    rates = np.broadcast_to(check_rates(lr, len(nets)), (len(nets),))
    limits = _step_limits(iterations, len(nets))
    chunk = as_count("chunk", chunk, minimum=1)
    tol = as_real("tol", tol, positive=True)
    follow = _followed(follow, len(nets))
    X, Y = nets[0].check_data(X, Y)
    first = nets[0]
    most = max_recorded_steps(first.sizes, first.bias, X.shape[0], len(nets))
    if min(chunk, limits.max()) > most:
        raise ValueError(
            f"chunk={chunk:,} steps of {len(nets):,} networks would not fit in the "
            f"{MEMORY_BUDGET_BYTES / 2**20:.0f} MiB budget; use a smaller chunk (at most {max(most, 0):,})"
        )
    record = None
    if follow.size:
        record = _FollowRecord(first, limits, follow, as_count("weights_every", weights_every, minimum=1), chunk)
    fits = np.full(len(nets), np.inf)
    diverged_at = np.full(len(nets), -1)
    pending, done = np.arange(len(nets)), 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TrainingDiverged)  # counted here, said once by the caller
        while pending.size and (done < limits[pending].max() or done == 0):  # a limit 0: step 0 is still measured
            ahead = limits[pending][limits[pending] > done]  # the chunk ends at the next limit, if sooner
            steps = min(chunk, int(ahead.min()) - done) if ahead.size else 0
            history = train_many([nets[i] for i in pending], X, Y, rates[pending], steps, loss=loss,
                                 weights_every=0 if record is None else record.every)
            found = history.fit_steps(tol) + done
            fits[pending] = found
            diverged_at[pending[history.diverged]] = history.diverged_at[history.diverged] + done
            if record is not None:
                record.add(history, pending, done)
            done += max(steps, 1)
            # a network that fit, diverged or reached its limit is finished (unless followed)
            going = np.isinf(found) & ~history.diverged & (limits[pending] > done)
            if record is not None:
                going |= record.is_followed[pending] & ~history.diverged & (limits[pending] > done)
            pending = pending[going]
    return fits, diverged_at, None if record is None else record.finish()


class _FollowRecord:
    """The histories of the followed networks, filled chunk by chunk (NaN where a network diverged)."""

    def __init__(self, first, limits, follow, every, chunk):
        limit = int(limits[follow[0]])
        if np.any(limits[follow] != limit):
            raise ValueError("the followed networks must share one step limit (iterations), got "
                             f"{sorted(set(limits[follow].tolist()))}")
        ends = [int(v) for v in limits if v < limit] + ([chunk] if chunk < limit else [])
        if any(v % every for v in ends):
            raise ValueError(f"chunk and every step limit below the followed networks' ({limit}) must be multiples "
                             f"of weights_every={every}, got {sorted(set(v for v in ends if v % every))}")
        self.every, self.limit, self.first = every, limit, first
        self.is_followed = np.zeros(len(limits), dtype=bool)
        self.is_followed[follow] = True
        self.row_of = np.full(len(limits), -1)  # the row of each followed network in the record
        self.row_of[follow] = np.arange(len(follow))
        self.steps = np.arange(limit + 1)
        self.weight_steps = recorded_steps(limit, every)
        n, t = len(follow), len(self.steps)
        self.loss, self.max_error = np.full((n, t), np.nan), np.full((n, t), np.nan)
        shapes = first.weight_shapes + (first.bias_shapes if first.bias else [])
        self.params = [np.full((n, len(self.weight_steps)) + tuple(shape), np.nan) for shape in shapes]
        self.diverged_at = np.full(n, -1)

    def add(self, history, pending, done):
        """Copy the followed networks' rows of one chunk's ``history`` (networks ``pending``)."""
        mine = self.is_followed[pending]
        rows = self.row_of[pending[mine]][:, None]
        self.loss[rows, done + history.iterations] = history.loss[mine]
        self.max_error[rows, done + history.iterations] = history.max_error[mine]
        at = np.searchsorted(self.weight_steps, done + history.weight_iterations)
        for kept, recorded in zip(self.params, history.weights + history.biases):
            kept[rows, at] = recorded[mine]
        gone = history.diverged[mine]
        self.diverged_at[rows[gone, 0]] = history.diverged_at[mine][gone] + done

    def finish(self):
        n_w = self.first.n_layers
        return EnsembleHistory(iterations=self.steps, loss=self.loss, max_error=self.max_error,
                               weight_iterations=self.weight_steps, weights=self.params[:n_w],
                               biases=self.params[n_w:], diverged=self.diverged_at >= 0,
                               diverged_at=self.diverged_at)


def plateau_exits(history, level):
    """(N,) float: the first recorded step at which each network's loss is below ``level``,
    ``inf`` when it never is (for a plateau at loss L, take ``level`` a little under L)."""
    if not isinstance(history, EnsembleHistory):
        raise TypeError(f"history must be the EnsembleHistory of train_many, got {type(history).__name__}")
    return first_step(history.loss < as_real("level", level), history.iterations)


def holds_from(condition):
    """The index from which ``condition`` holds at every entry to its end, as an int.

    condition: a 1-D array of True/False, one entry per step (for example the signs a fit needs
    at every step up to an exit). Returns 0 when every entry is True and ``len(condition)`` when
    the last one is False (the condition does not hold at the end).
    """
    condition = np.asarray(condition)
    if condition.dtype != bool or condition.ndim != 1:
        raise TypeError(f"condition must be a 1-D array of True/False, got dtype {condition.dtype}, shape {condition.shape}")
    failing = np.flatnonzero(~condition)  # the steps where it does not hold
    return int(failing[-1] + 1) if failing.size else 0


def fraction_fit_by(fit_steps, steps):
    """The fraction of ``fit_steps`` (N,) that are at most ``steps``, as a float.

    fit_steps: a 1-D list or array of steps to fit, each >= 0 or ``inf`` (never fit), as
    ``fit_steps`` and ``steps_to_fit`` return; steps: a number >= 0, or ``inf`` (ever fit).
    """
    if isinstance(fit_steps, (str, bytes)) or not np.iterable(fit_steps):
        raise TypeError(f"fit_steps must be a 1-D array of steps to fit (inf for never), got {type(fit_steps).__name__}")
    raw = np.asarray(fit_steps, dtype=object) if not isinstance(fit_steps, np.ndarray) else fit_steps
    if raw.dtype == bool or raw.dtype.kind in "USOc" and not all(
            isinstance(v, Real) and not isinstance(v, (bool, np.bool_)) for v in raw.ravel()):
        raise TypeError("fit_steps must hold numbers (steps to fit, inf for never), not text or True/False")
    try:
        values = raw.astype(float)
    except OverflowError:  # a Python int beyond the float range is later than any step: as never
        values = np.array([float(v) if abs(v) < 2**1024 else (np.inf if v > 0 else -np.inf) for v in raw.ravel()]).reshape(raw.shape)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"fit_steps must be a 1-D array of at least one step to fit, got shape {values.shape}")
    if np.isnan(values).any() or (values < 0).any():
        raise ValueError("fit_steps must hold steps >= 0 or inf (never fit); it holds NaN or a negative number")
    if isinstance(steps, bool) or not isinstance(steps, Real):
        raise TypeError(f"steps must be a number of steps (inf for ever), got {type(steps).__name__} {steps!r}")
    try:
        steps = float(steps)
    except OverflowError:  # a Python int beyond the float range
        steps = np.inf if steps > 0 else -np.inf
    if np.isnan(steps) or steps < 0:
        raise ValueError(f"steps must be at least 0 (or inf), got {steps!r}")
    return float(np.mean(np.isfinite(values) & (values <= steps)))


def start_sums(nets, X):
    """The sums z of every unit at the start, before any step.

    nets: a list of sigmoid ``MLP`` of one architecture (N networks); X: (m, n_0).
    Returns a list over the layers 1..L of (N, m, n_l) arrays, computed for all networks at once.
    """
    weights, biases, a = _stacked_start(nets, X)
    # z = logit(a) would lose digits where a is near 0 or 1: recompute each layer's sum from its input
    return [a[l] @ W + (biases[l][..., None, :] if biases else 0.0) for l, W in enumerate(weights)]


def layer_slopes(nets, X):
    """The sigmoid slopes a(1 - a) of every unit at the nets' present parameters (at the start for
    untrained networks; after training for trained ones).

    nets: a list of sigmoid ``MLP`` of one architecture (N networks); X: (m, n_0).
    Returns a list over the layers 1..L of (N, m, n_l) arrays, computed for all networks at
    once (a slope near 0 is a saturated unit: gradients through it nearly vanish).
    """
    return [a * (1.0 - a) for a in _stacked_start(nets, X)[2][1:]]


def _stacked_start(nets, X):
    """(weights, biases, activations) of checked sigmoid ``nets`` stacked on a leading network axis:
    weights[l] (N, n_l, n_{l+1}), biases[l] (N, n_{l+1}), activations [X, a^1, ..., a^L]."""
    nets = check_nets(nets)
    if any(f != "sigmoid" for f in nets[0].activation):
        raise ValueError(f"nets must be sigmoid networks (slope a(1 - a)), got activation {nets[0].activation!r}")
    weights = [np.stack([net.weights[l] for net in nets]) for l in range(nets[0].n_layers)]
    biases = [np.stack([net.biases[l] for net in nets]) for l in range(len(nets[0].biases))]
    return weights, biases, _sigmoid_forward(weights, biases, nets[0].check_data(X))


def recorded_activations(history, runs, X):
    """The activations of some trained networks at every step whose parameters were recorded.

    history: the ``EnsembleHistory`` of ``train_many`` on sigmoid networks; runs: a list of its
    network rows (R,); X: (m, n_0). Returns [a^1, ..., a^L], each (R, recorded steps, m, n_l):
    a forward pass only, nothing is trained.
    """
    if not isinstance(history, EnsembleHistory) or not len(history.weight_iterations):
        raise TypeError("history must be the EnsembleHistory of train_many with recorded weights (weights_every > 0)")
    runs = list(runs)
    if not runs or any(isinstance(r, (bool, np.bool_)) or not isinstance(r, (int, np.integer))
                       or not 0 <= r < history.loss.shape[0] for r in runs):
        raise ValueError(f"runs must be a non-empty list of network rows 0..{history.loss.shape[0] - 1}, got {runs!r}")
    X = as_float_array("X", X)
    if X.ndim != 2 or X.shape[1] != history.weights[0].shape[-2]:
        raise ValueError(f"X must have {history.weights[0].shape[-2]} columns (inputs), got shape {X.shape}")
    weights = [W[runs] for W in history.weights]
    biases = [b[runs] for b in history.biases]
    return _sigmoid_forward(weights, biases, X)[1:]


def recorded_net(history, row, index):
    """Network ``row`` of ``history`` at its recorded step ``history.weight_iterations[index]``,
    as a new sigmoid ``MLP`` holding copies of those parameters: nothing is trained.

    history: the ``EnsembleHistory`` of ``train_many`` on sigmoid networks with biases and
    recorded weights: weights[l] (N, Tw, n_l, n_{l+1}), biases[l] (N, Tw, n_{l+1}).
    row: a network row, 0..N-1; index: a recorded step's position, 0..Tw-1.
    """
    _check_recorded(history)
    for name, value, n in (("row", row, history.loss.shape[0]), ("index", index, len(history.weight_iterations))):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or not 0 <= value < n:
            raise ValueError(f"{name} must be a whole number 0..{n - 1}, got {value!r}")
    net = MLP([W.shape[-2] for W in history.weights] + [history.weights[-1].shape[-1]])
    net.weights = [W[row, index].copy() for W in history.weights]
    net.biases = [b[row, index].copy() for b in history.biases]
    return net


def _check_recorded(history):
    if not isinstance(history, EnsembleHistory) or not len(history.weight_iterations) or not history.biases:
        raise TypeError("history must be the EnsembleHistory of train_many on networks with biases and recorded weights (weights_every > 0)")


def recorded_parameters(history, rows):
    """theta, every weight and bias as one vector, of networks ``rows`` at every recorded step.

    history: as for ``recorded_net``; rows: a list of network rows (R,). Returns (R, Tw, P), P the
    number of parameters, in the order of ``tied_directions`` (weights then biases, each
    flattened layer by layer).
    """
    _check_recorded(history)
    rows = np.asarray(list(rows))
    if rows.ndim != 1 or not rows.size or rows.dtype.kind not in "iu" or rows.min() < 0 or rows.max() >= history.loss.shape[0]:
        raise ValueError(f"rows must be a non-empty list of network rows 0..{history.loss.shape[0] - 1}, got {rows!r}")
    params = history.weights + history.biases
    return np.concatenate([P[rows].reshape(rows.size, P.shape[1], -1) for P in params], axis=-1)


def untying_lengths(history, rows, tied_row):
    """|Q^T u| at every recorded step: the length of the untying part of u = theta(row) - theta(tied_row).

    history: as for ``recorded_net``; rows: network rows (R,), for example nudged runs; tied_row:
    the row of a tied run. Q's columns span the moves orthogonal to every tied network
    (``tied_directions``), so |Q^T u| = |u - T T^T u| with T = ``tied_directions``.
    Returns (R, Tw).
    """
    if isinstance(tied_row, (bool, np.bool_)) or not isinstance(tied_row, (int, np.integer)):
        raise ValueError(f"tied_row must be one network row, got {tied_row!r}")
    u = recorded_parameters(history, rows) - recorded_parameters(history, [tied_row])
    tied = tied_directions([W.shape[-2] for W in history.weights] + [history.weights[-1].shape[-1]])
    return np.linalg.norm(u - u @ tied @ tied.T, axis=-1)


def steps_to_zero(net, X, Y, lr):
    """Steps until omega_1, omega_2 and gap(a^2) reach 0 at the pace of one step from ``net``.

    net: a 2-3-3-2 sigmoid ``MLP`` with biases whose layer-2 units are tied (notebook 05, 2c):
    omega_k = W_2[0, k], gap(a^2) = a^2[0, 0] - a^2[1, 0] (notebook 04's name); X: (2, 2), Y: (2, 2); lr: the
    learning rate. omega_k's pace is its change in one gradient step (cost ``sse``); gap(a^2)'s is its change when W_0, W_1, b_0, b_1 alone take that step. Returns a dict
    {"omega_1", "omega_2", "gap(a^2)"} of -value / pace (negative: moving away from 0).
    """
    if not isinstance(net, MLP) or not net.bias or net.sizes != [2, 3, 3, 2]:
        raise TypeError(f"net must be a 2-3-3-2 MLP with biases, got {net!r}")
    lr = as_real("lr", lr)
    dW, db = net.gradients(X, Y)
    lower = net.copy()  # one step of W_0, W_1, b_0, b_1 alone
    lower.weights = [W - lr * g if l < 2 else W for l, (W, g) in enumerate(zip(net.weights, dW))]
    lower.biases = [b - lr * g if l < 2 else b for l, (b, g) in enumerate(zip(net.biases, db))]
    d_now, d_next = (a2[0, 0] - a2[1, 0] for a2 in (n.forward(X)[2] for n in (net, lower)))
    w1, w2 = net.weights[2][0]
    return {"omega_1": -w1 / (-lr * dW[2][0, 0]), "omega_2": -w2 / (-lr * dW[2][0, 1]),
            "gap(a^2)": -d_now / (d_next - d_now)}


def tied_directions(sizes):
    """(P, T) orthonormal columns spanning every tied network of ``sizes`` (with biases).

    P is the number of parameters, ordered as weights then biases, each flattened layer by
    layer. A tied network gives the units of each hidden layer equal incoming weights, bias
    and outgoing weights; its parameters have one free value per group of entries that the
    tie makes equal (2-3-3-2: T = 9 of P = 29).
    """
    sizes = as_sizes("sizes", sizes)
    hidden = lambda l: 0 < l < len(sizes) - 1  # layer l of sizes is a hidden layer
    groups, index = {}, 0
    for l, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        for i in range(n_in):
            for j in range(n_out):
                groups.setdefault(("W", l, "h" if hidden(l) else i, "h" if hidden(l + 1) else j), []).append(index)
                index += 1
    for l, n_out in enumerate(sizes[1:]):
        for j in range(n_out):
            groups.setdefault(("b", l, "h" if hidden(l + 1) else j), []).append(index)
            index += 1
    basis = np.zeros((index, len(groups)))
    for column, entries in enumerate(groups.values()):
        basis[entries, column] = 1.0 / np.sqrt(len(entries))
    return basis


def untying_curvatures(net, X, Y, h=1e-5, directions=False):
    """The curvatures of the cost ``sse`` along the directions that untie ``net``'s units, smallest first.

    net: a sigmoid ``MLP`` with biases; X: (m, n_0); Y: (m, n_L). The Hessian H (P, P) is the
    central finite difference of ``net.gradients`` (step ``h``), made symmetric. The untying
    subspace holds the moves that change a difference between two units of a hidden layer: it is
    orthogonal to every tied network (``tied_directions``), dimension P - T. Returns the
    eigenvalues (P - T,) of H restricted to that subspace, ascending: each step multiplies a
    small difference between the units along an eigenvector by 1 - lr * its eigenvalue.
    With ``directions=True`` also the unit eigenvectors (P, P - T), column i for eigenvalue i, in
    the parameter order of ``tied_directions``; each column's sign makes its largest entry positive.
    """
    if not isinstance(net, MLP) or not net.bias:
        raise TypeError(f"net must be an MLP with biases, got {net!r}")
    h = as_real("h", h)
    if not h > 0:
        raise ValueError(f"h must be a positive step, got {h!r}")
    params = net.weights + net.biases
    theta = np.concatenate([p.ravel() for p in params])
    probe, hessian = net.copy(), np.zeros((theta.size, theta.size))

    def gradient(point):
        start = 0
        for p in probe.weights + probe.biases:
            p[...] = point[start:start + p.size].reshape(p.shape)
            start += p.size
        dW, db = probe.gradients(X, Y)
        return np.concatenate([g.ravel() for g in dW + db])

    for k in range(theta.size):  # column k: central difference of the gradient along parameter k
        step = np.zeros_like(theta)
        step[k] = h
        hessian[:, k] = (gradient(theta + step) - gradient(theta - step)) / (2 * h)
    tied = tied_directions(net.sizes)
    untie = np.linalg.svd(np.eye(theta.size) - tied @ tied.T)[0][:, :theta.size - tied.shape[1]]
    restricted = untie.T @ (hessian + hessian.T) / 2 @ untie
    if not directions:
        return np.linalg.eigvalsh(restricted)
    values, vectors = np.linalg.eigh(restricted)
    vectors = untie @ vectors
    largest = vectors[np.argmax(np.abs(vectors), axis=0), np.arange(vectors.shape[1])]
    return values, vectors * np.sign(largest)  # an eigenvector's sign is arbitrary: fixed here


def cost_change(net, X, Y, direction, steps):
    """C(theta + kappa d) - C(theta) of the cost ``sse`` for each kappa in ``steps``, without cancellation.

    net: an ``MLP`` (its parameters theta); direction: d (P,), in the parameter order of
    ``tied_directions`` (weights then biases, layer by layer); steps: the kappa values. Returns (len(steps),).
    """
    if not isinstance(net, MLP):
        raise TypeError(f"net must be an MLP, got {net!r}")
    params = net.weights + net.biases
    direction = as_float_array("direction", direction)
    if direction.shape != (sum(p.size for p in params),):
        raise ValueError(f"direction must have one entry per parameter, {sum(p.size for p in params)}, got shape {direction.shape}")
    X, Y = net.check_data(X, Y)
    base = net.predict(X)
    changes = []
    for t in as_float_array("steps", steps).ravel():
        moved, start = net.copy(), 0
        for p in moved.weights + moved.biases:
            p += t * direction[start:start + p.size].reshape(p.shape)
            start += p.size
        changes.append(loss_difference("sse", moved.predict(X), base, Y))
    return np.array(changes)


def _sigmoid_forward(weights, biases, X):
    """Forward pass of many sigmoid networks stacked on leading axes.

    weights[l]: (..., n_l, n_l+1); biases[l]: (..., n_l+1) or none; X: (m, n_0).
    Returns [X, a^1, ..., a^L] with a^l: (..., m, n_l).
    """
    a = [X]
    for l, W in enumerate(weights):
        z = a[-1] @ W
        if biases:
            z = z + biases[l][..., None, :]
        a.append(logistic(z))
    return a


# -- exercises ------------------------------------------------------------------------------
#: the shapes (n_in, n_out) of W_l on which check_backward_std tries the learner's formula
LAYER_SHAPES = ((2, 3), (3, 3), (3, 2), (10, 1))


def check_backward_std(backward_std):
    """A ``CheckResult`` for a learner's ``backward_std(shape)``, shape = ``W_l.shape`` (never raises, never shows a value).

    The backward condition alone: Var(delta^l) = Var(delta^{l+1}) needs s^2 n_out = 1. Tries the
    layer shapes ``LAYER_SHAPES`` and names the usual slips: LeCun's 1/sqrt(n_in) (the forward
    count), the variance instead of the standard deviation, sqrt(n_out) upside down, Glorot's
    compromise (not asked yet), the fans multiplied. Computed values: tolerance RTOL. Once right,
    the verdict gives Glorot and Bengio's compromise and this network's Glorot scales.
    """
    if backward_std is None or backward_std is Ellipsis:
        return not_yet("there is no backward_std yet: write it in the cell above, run it, then run this cell")
    if not callable(backward_std):
        return not_yet(f"pass the function itself, check_backward_std(backward_std), not {type(backward_std).__name__}")
    answers = []
    for shape in LAYER_SHAPES:
        try:
            answer = backward_std(shape)
        except NotImplementedError:
            return not_yet("backward_std still raises NotImplementedError: write its body, run its cell, then this one")
        except TypeError as exc:  # most often two parameters where the one shape tuple is passed
            return not_yet(f"backward_std({shape}) raised TypeError: {exc}. It takes one argument, the shape "
                           "(rows, columns) of W_l, e.g. n_rows, n_cols = shape")
        except Exception as exc:  # the learner's code: say what happened instead of a traceback
            return not_yet(f"backward_std({shape}) raised {type(exc).__name__}: {exc}")
        value, verdict = number_answer(answer)
        if verdict:
            if answer is None:
                return not_yet(f"{NO_RETURN} backward_std must end with `return` and the standard deviation")
            return not_yet(f"backward_std({shape}) must return one finite number, got {type(answer).__name__}")
        answers.append(value)
    fan_in, fan_out = np.array(LAYER_SHAPES, dtype=float).T
    slips = [
        (np.sqrt(1.0 / fan_in), "that is LeCun's 1/sqrt(n_in) (the rows of W_l), the forward count; delta^l[r, i] "
                                "sums over the units that row i of W_l feeds: how many are there?"),
        (1.0 / fan_out, "that is the variance s^2; the standard deviation s is its square root"),
        (np.sqrt(fan_out), "that is upside down: s^2 n_out = 1 makes s smaller for more terms"),
        (np.sqrt(2.0 / (fan_in + fan_out)), "that is Glorot's compromise between the two conditions; the exercise "
                                           "asks for the backward condition alone"),
        (np.sqrt(1.0 / (fan_in * fan_out)), "n_in and n_out are multiplied; the sum for delta^l[r, i] has one term "
                                            "per unit of one layer"),
    ]
    shapes = ", ".join(f"{a}x{b}" for a, b in LAYER_SHAPES)
    glorot = np.sqrt(2.0 / (fan_in + fan_out))
    network = ", ".join(f"{v:.2f}" for v in glorot[:3])  # the 2-3-3-2 network's layers: shown only once right
    return judge(np.array(answers), np.sqrt(1.0 / fan_out), slips, typed=False,
                 correct=f"the standard deviation for the layer shapes {shapes} (relative tolerance {RTOL:g}). "
                         "delta^l[r, i] sums over the n_out = n_{l+1} units that row i of W_l feeds (the columns of W_l), each term a weight "
                         "of variance s^2, so its variance is multiplied by about s^2 n_out per layer: s^2 n_out = 1. "
                         "Forward asks s^2 n_in = 1; both hold only when n_in = n_out. Glorot and Bengio chose a "
                         "compromise, the average of the two counts: s^2 (n_in + n_out) / 2 = 1, "
                         f"s = sqrt(2 / (n_in + n_out)); for the 2-3-3-2 network's W_0, W_1, W_2: {network}",
                 fallback="for W_l of shape (n_in, n_out), count the terms of the sum for delta^l[r, i], set s^2 times "
                          "that count to 1, then return s (open the hints)")


def check_known_percentile(answer, fits):
    """A ``CheckResult`` for a learner's largest percentile p (in percent) that the steps to fit
    ``fits`` still determine (never raises).

    fits: (starts,) steps to fit, ``inf`` for a start stopped at its step limit first. With n
    starts of which n_f fit, ``np.percentile`` puts the p-th at sorted position p/100 (n - 1), and
    the last finite value sits at position n_f - 1: p = 100 (n_f - 1) / (n - 1). Names the share
    that fit (n_f/n), the positions counted from 1 or divided by n, p as a fraction, and the
    percentile counted from the slow end. A typed or computed number: tolerance NUMBER_RTOL.
    """
    fits = np.asarray(fits, dtype=float).ravel()
    n, k = fits.size, int(np.isfinite(fits).sum())
    right = 100.0 * (k - 1) / (n - 1)
    slips = [
        (100.0 * k / n, "that is the share of the starts that fit, in percent; np.percentile puts the p-th "
                        "percentile at sorted position p/100 (n - 1), counted from 0: where is the last finite value?"),
        (100.0 * k / (n - 1), "the sorted positions count from 0, so the last finite value is at n_f - 1, not n_f"),
        (100.0 * (k - 1) / n, "the positions run from 0 to n - 1: divide by n - 1, not n"),
        (right / 100.0, "that is p as a fraction; the exercise asks for p in percent, as np.percentile takes it"),
        (100.0 - right, "that counts from the slow end; the p-th percentile has p% of the starts below it"),
    ]
    return judge_number(answer, right, slips, quantity="the largest known percentile",
                        correct=f"(relative tolerance {NUMBER_RTOL:.1%}) the last finite step count sits at sorted "
                                "position n_f - 1, counted from 0 (n_f: the starts that fit), and p/100 (n - 1) = n_f - 1. "
                                "Any larger p interpolates toward an inf and gives inf. At this p itself numpy prints nan: the "
                                "position is whole and the next value is inf, so it computes v[k] + 0 * inf. So this cell's median is "
                                "not known: a run stopped at its limit says only that the start needs more steps. "
                                "Counting those starts as the slowest (inf), not dropping them, keeps every "
                                "percentile below p right; dropping them would make the scale look faster than it is",
                        fallback="count the finite entries, find the sorted position of the last one, and solve "
                                 "p/100 (n - 1) = that position for p",
                        example="12.3")
