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

from ..activations import logistic
from ..ensemble import EnsembleHistory, check_nets, check_rates, first_step, max_recorded_steps, train_many
from ..history import MEMORY_BUDGET_BYTES
from ..training import TrainingDiverged
from ..network import MLP
from ..validation import as_choice, as_count, as_float_array, as_real, as_sizes
from .exercise_checks import NO_RETURN, NUMBER_RTOL, RTOL, judge, judge_number, not_yet, number_answer

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


def start_slopes(nets, X):
    """The sigmoid slopes a(1 - a) of every unit at the start, before any step.

    nets: a list of sigmoid ``MLP`` of one architecture (N networks); X: (m, n_0).
    Returns a list over the layers 1..L of (N, m, n_l) arrays, computed for all networks at
    once (a slope near 0 is a saturated unit: gradients through it nearly vanish).
    """
    nets = check_nets(nets)
    if any(f != "sigmoid" for f in nets[0].activation):
        raise ValueError(f"nets must be sigmoid networks (slope a(1 - a)), got activation {nets[0].activation!r}")
    a = nets[0].check_data(X)[None]  # (1, m, n_0): the same inputs for every network
    slopes = []
    for l in range(len(nets[0].weights)):
        z = a @ np.stack([net.weights[l] for net in nets])  # (N, m, n_l+1)
        if nets[0].biases:
            z = z + np.stack([net.biases[l] for net in nets])[:, None, :]
        a = logistic(z)
        slopes.append(a * (1.0 - a))
    return slopes


# -- exercises ------------------------------------------------------------------------------
#: the layer shapes (n_in, n_out) on which check_glorot_std tries the learner's formula
GLOROT_SHAPES = ((2, 3), (3, 3), (3, 2), (10, 1))


def check_glorot_std(glorot_std):
    """A ``CheckResult`` for a learner's ``glorot_std(n_in, n_out)`` (never raises, never shows a value).

    Tries the layer shapes ``GLOROT_SHAPES`` and names the usual slips: LeCun's 1/sqrt(n_in),
    the variance instead of the standard deviation, the sum of the fans where their average
    belongs (the factor 2), fan-out alone, the fans multiplied. Computed values: tolerance RTOL.
    """
    if glorot_std is None or glorot_std is Ellipsis:
        return not_yet("there is no glorot_std yet: write it in the cell above, run it, then run this cell")
    if not callable(glorot_std):
        return not_yet(f"pass the function itself, check_glorot_std(glorot_std), not {type(glorot_std).__name__}")
    answers = []
    for n_in, n_out in GLOROT_SHAPES:
        try:
            answer = glorot_std(n_in, n_out)
        except NotImplementedError:
            return not_yet("glorot_std still raises NotImplementedError: write its body, run its cell, then this one")
        except Exception as exc:  # the learner's code: say what happened instead of a traceback
            return not_yet(f"glorot_std({n_in}, {n_out}) raised {type(exc).__name__}: {exc}")
        value, verdict = number_answer(answer)
        if verdict:
            if answer is None:
                return not_yet(f"{NO_RETURN} glorot_std must end with `return` and the standard deviation")
            return not_yet(f"glorot_std({n_in}, {n_out}) must return one finite number, got {type(answer).__name__}")
        answers.append(value)
    fan_in, fan_out = np.array(GLOROT_SHAPES, dtype=float).T
    slips = [
        (np.sqrt(1.0 / fan_in), "that is LeCun's 1/sqrt(fan-in), which keeps only the forward pass in view; "
                                "Glorot's variance uses the average of fan-in and fan-out"),
        (2.0 / (fan_in + fan_out), "that is the variance s^2; the standard deviation s is its square root"),
        (np.sqrt(1.0 / (fan_in + fan_out)), "that uses the sum of fan-in and fan-out where their average "
                                           "(n_in + n_out) / 2 belongs: a factor 2 is missing"),
        (1.0 / (fan_in + fan_out), "that is the variance with the sum of the fans in place of their average: "
                                   "take the average, then the square root"),
        (np.sqrt(1.0 / fan_out), "that uses fan-out alone (the backward pass only); Glorot averages fan-in and fan-out"),
        (np.sqrt(2.0 / (fan_in * fan_out)), "fan-in and fan-out are multiplied; Glorot averages them"),
    ]
    shapes = ", ".join(f"{a}x{b}" for a, b in GLOROT_SHAPES)
    return judge(np.array(answers), np.sqrt(2.0 / (fan_in + fan_out)), slips, typed=False,
                 correct=f"the standard deviation for the layer shapes {shapes} (relative tolerance {RTOL:g})",
                 fallback="for a layer (n_in, n_out), set s^2 times the average of n_in and n_out to 1, "
                          "then return s (open the hints)")


def check_median_steps(answer, grid_fits, cell, limit):
    """A ``CheckResult`` for a learner's median steps to fit of ``grid_fits[cell]`` (never raises).

    grid_fits: (rates, scales, seeds) steps to fit, ``inf`` for a start not within ``limit``
    steps; cell: (rate index, scale index) of the cell the exercise asks about. Names the
    survivor slip (the starts that did not fit dropped), the mean of those that fit, ``limit``
    counted as their step, the mean of every start (inf), and another cell of the grid. A typed
    or computed number: tolerance NUMBER_RTOL.
    """
    grid_fits = np.asarray(grid_fits, dtype=float)
    fits = grid_fits[tuple(cell)]
    finite = fits[np.isfinite(fits)]
    capped = np.where(np.isfinite(fits), fits, limit)
    if isinstance(answer, np.ndarray) and answer.size == 1:
        answer = answer.item()
    if isinstance(answer, (float, np.floating)) and np.isinf(answer):  # inf: a fair number, not a typo
        return not_yet(f"inf is what the mean of every start gives when one of them is not within {limit} steps "
                       "(or the median of a cell where more than half are not): take the median of this cell")
    others = [np.median(grid_fits[index]) for index in np.ndindex(grid_fits.shape[:2]) if index != tuple(cell)]
    slips = [
        (np.median(finite) if finite.size else np.nan,
         f"that is the median of the starts that fit; the ones not within {limit} steps were dropped, which makes "
         f"the start look better than it is: count them as the slowest (inf)"),
        (np.mean(finite) if finite.size else np.nan, "that is the mean of the starts that fit; the exercise asks "
                                                     "for the median of every start"),
        (np.mean(capped), f"that is the mean with {limit} in place of inf: a start not within {limit} steps has "
                          "no step count, and the median of every start needs none"),
    ] + [(value, "that is the median of another cell of the grid: at_2 is the row of lr 2, and at_2[k] is "
                 "the k-th scale of `schemes`, counted from 0") for value in others if np.isfinite(value)]
    return judge_number(answer, float(np.median(fits)), slips, quantity="the median",
                        correct=f"the starts not within {limit} steps count as the slowest, not as missing "
                                f"(relative tolerance {NUMBER_RTOL:.1%})",
                        fallback="take np.median over every start of the cell, inf included", example="1234.5")

