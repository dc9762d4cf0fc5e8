"""Notebook 05: how often the start matters, over thousands of starts trained at once.

Every start here is a list of ``MLP`` networks handed to ``train_many``:

* ``random_starts``: weights and biases drawn from N(0, s^2) with LeCun's s = 1/sqrt(fan-in)
  (``init_random``'s default), Glorot's s = sqrt(2 / (fan-in + fan-out)), He's s =
  sqrt(2 / fan-in), or one fixed s;
* ``almost_constant_starts``: every parameter ``value`` plus noise of size ``eps``;
* ``constant_starts``: every parameter one constant c.

The noise of seed k is always the same standard normal draws, ``default_rng(k)``, in the
order ``init_random`` uses (weights then biases, layer by layer), only scaled: two schemes
compared on the same seeds differ by their scale alone.
"""

import warnings
from numbers import Real

import numpy as np

from ..ensemble import EnsembleHistory, check_nets, check_rates, first_step, max_recorded_steps, train_many
from ..history import MEMORY_BUDGET_BYTES
from ..training import TrainingDiverged
from ..network import MLP
from ..validation import as_choice, as_count, as_float_array, as_real, as_sizes
from .exercise_checks import number_answer

#: XOR: four corners of the unit square, target 1 where exactly one input is 1
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
for _array in (XOR_X, XOR_Y):
    _array.flags.writeable = False

SCHEMES = ("lecun", "glorot", "he")


def layer_scales(sizes, scale):
    """Standard deviation of each weight layer's draws: ``"lecun"`` 1/sqrt(n_in), ``"glorot"``
    sqrt(2 / (n_in + n_out)), ``"he"`` sqrt(2 / n_in) (for ReLU, notebook 06), or a number
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
    The others, those that never fit, end at step ``iterations``. lr: one rate or one per network.
    Networks that diverge count as never fit; one ``TrainingDiverged`` warning says how many.
    """
    fits, diverged_at = fit_and_divergence(nets, X, Y, lr, iterations, tol, loss, chunk)
    diverged = diverged_at >= 0
    if diverged.any():
        warnings.warn(
            f"{int(diverged.sum())} of {len(fits)} networks diverged (the first after step "
            f"{int(diverged_at[diverged].min()) - 1}): their loss or parameters became inf or NaN; they count "
            "as never fit; try a smaller learning rate",
            TrainingDiverged,
            stacklevel=2,
        )
    return fits


def fit_and_divergence(nets, X, Y, lr, iterations, tol=0.01, loss="sse", chunk=500):
    """``steps_to_fit`` without its warning: ((N,) steps to fit, (N,) the step at which each
    network diverged, -1 for those that did not)."""
    nets = check_nets(nets)
    rates = np.broadcast_to(check_rates(lr, len(nets)), (len(nets),))
    iterations = as_count("iterations", iterations)
    chunk = as_count("chunk", chunk, minimum=1)
    tol = as_real("tol", tol, positive=True)
    X, Y = nets[0].check_data(X, Y)
    first = nets[0]
    most = max_recorded_steps(first.sizes, first.bias, X.shape[0], len(nets))
    if min(chunk, iterations) > most:
        raise ValueError(
            f"chunk={chunk:,} steps of {len(nets):,} networks would not fit in the "
            f"{MEMORY_BUDGET_BYTES / 2**20:.0f} MiB budget; use a smaller chunk (at most {max(most, 0):,})"
        )
    fits = np.full(len(nets), np.inf)
    diverged_at = np.full(len(nets), -1)
    pending, done = np.arange(len(nets)), 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TrainingDiverged)  # counted here, said once by the caller
        while pending.size and (done < iterations or done == 0):  # iterations = 0: step 0 is still measured
            steps = min(chunk, iterations - done)
            history = train_many([nets[i] for i in pending], X, Y, rates[pending], steps, loss=loss, weights_every=0)
            found = history.fit_steps(tol) + done
            fits[pending] = found
            diverged_at[pending[history.diverged]] = history.diverged_at[history.diverged] + done
            # a network that diverged is finished too: it will never fit
            pending, done = pending[np.isinf(found) & ~history.diverged], done + max(steps, 1)
    return fits, diverged_at


def plateau_exits(history, level):
    """(N,) float: the first recorded step at which each network's loss is below ``level``,
    ``inf`` when it never is (for a plateau at loss L, take ``level`` a little under L)."""
    if not isinstance(history, EnsembleHistory):
        raise TypeError(f"history must be the EnsembleHistory of train_many, got {type(history).__name__}")
    return first_step(history.loss < as_real("level", level), history.iterations)


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


# -- exercises ------------------------------------------------------------------------------
def _not_yet(answer):
    return answer is None or answer is Ellipsis


def check_glorot(glorot_std):
    """Verdict on a learner's ``glorot_std(n_in, n_out)``: "Correct", "not yet: ..." (never raises).

    Tries a few layer shapes and recognises the usual slips: LeCun's 1/sqrt(n_in), the
    variance instead of the standard deviation, a missing factor 2, fan-out alone.
    """
    if not callable(glorot_std):
        return "not yet: define glorot_std(n_in, n_out) above and run its cell"
    shapes = [(2, 3), (3, 3), (3, 2), (10, 1)]
    answers = []
    for n_in, n_out in shapes:
        try:
            answer = glorot_std(n_in, n_out)
        except NotImplementedError:
            return "not yet: glorot_std still raises NotImplementedError; write its body"
        except Exception as exc:  # the learner's code: say what happened instead of a traceback
            return f"not yet: glorot_std({n_in}, {n_out}) raised {type(exc).__name__}: {exc}"
        value, verdict = number_answer(answer)
        if verdict:
            return f"not yet: glorot_std({n_in}, {n_out}) must return one finite number, got {type(answer).__name__}"
        answers.append(value)
    answers = np.array(answers)
    fan_in, fan_out = np.array(shapes, dtype=float).T
    right = np.sqrt(2.0 / (fan_in + fan_out))
    slips = [
        (np.sqrt(1.0 / fan_in), "that is LeCun's 1/sqrt(fan-in); Glorot averages fan-in and fan-out"),
        (2.0 / (fan_in + fan_out), "that is the variance; the standard deviation is its square root"),
        (np.sqrt(1.0 / (fan_in + fan_out)), "the factor 2 is missing: the variance is 2 / (fan-in + fan-out)"),
        (np.sqrt(1.0 / fan_out), "that uses fan-out alone; Glorot averages fan-in and fan-out"),
        (np.sqrt(2.0 / (fan_in * fan_out)), "fan-in and fan-out are multiplied; Glorot adds them"),
    ]
    if np.allclose(answers, right, rtol=1e-9, atol=0):
        return "Correct: the standard deviation for layer shapes " + ", ".join(f"{a}x{b}" for a, b in shapes)
    for values, why in slips:
        if np.allclose(answers, values, rtol=1e-9, atol=0):
            return f"not yet: {why}"
    return "not yet: for a (n_in, n_out) layer Glorot draws with variance 2 / (n_in + n_out)"


def check_median_steps(answer, fit_steps):
    """Verdict on a learner's median of ``fit_steps`` (inf = never fit); never shows the value.

    Recognises the survivor slip (dropping the starts that never fit), the mean instead of
    the median, and an answer that is still a list or array.
    """
    if _not_yet(answer):
        return "not yet: set median_steps to your number and run the cell"
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, (int, float, np.integer, np.floating)):
        return f"not yet: median_steps must be one number, got {type(answer).__name__}"
    try:
        answer = float(answer)  # inf is a fair answer here: more than half the starts may never fit
    except OverflowError:
        return "not yet: median_steps is larger than any float; take np.median over every start"
    fit_steps = np.asarray(fit_steps, dtype=float)
    right = float(np.median(fit_steps))
    finite = fit_steps[np.isfinite(fit_steps)]
    if np.isclose(answer, right, rtol=1e-12):
        return "Correct: the starts that never fit count as the slowest, not as missing"
    if finite.size and np.isclose(answer, np.median(finite), rtol=1e-12):
        return ("not yet: that is the median of the starts that fit; the ones that never fit are "
                "dropped, which makes the start look better than it is (count them as inf)")
    if finite.size and np.isclose(answer, np.mean(finite), rtol=1e-12):
        return "not yet: that is the mean of the starts that fit; the question asks for the median of all"
    return "not yet: take np.median over every start, inf included"
