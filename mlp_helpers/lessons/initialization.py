"""Notebook 05: how often the start matters, over thousands of starts trained at once.

Every start here is a list of ``MLP`` networks handed to ``train_many``:

* ``random_starts``: weights and biases drawn from N(0, s^2) with LeCun's s = 1/sqrt(fan-in)
  (``init_random``'s default), Glorot's s = sqrt(2 / (fan-in + fan-out)), or one fixed s;
* ``almost_constant_starts``: every parameter ``value`` plus noise of size ``eps``;
* ``constant_starts``: every parameter one constant c.

The noise of seed k is always the same standard normal draws, ``default_rng(k)``, in the
order ``init_random`` uses (weights then biases, layer by layer), only scaled: two schemes
compared on the same seeds differ by their scale alone.
"""

import numpy as np

from ..ensemble import first_step
from ..network import MLP
from ..validation import as_choice, as_count, as_real

#: XOR: four corners of the unit square, target 1 where exactly one input is 1
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
for _array in (XOR_X, XOR_Y):
    _array.flags.writeable = False

SCHEMES = ("lecun", "glorot")


def layer_scales(sizes, scale):
    """Standard deviation of each weight layer's draws: ``"lecun"`` 1/sqrt(n_in), ``"glorot"``
    sqrt(2 / (n_in + n_out)), or a number s >= 0 for every layer. Returns a list (n_layers,)."""
    pairs = list(zip(sizes[:-1], sizes[1:]))
    if isinstance(scale, str):
        scale = as_choice("scale", scale, SCHEMES)
        if scale == "lecun":
            return [1.0 / np.sqrt(n_in) for n_in, _ in pairs]
        return [np.sqrt(2.0 / (n_in + n_out)) for n_in, n_out in pairs]
    scale = as_real("scale", scale)
    if scale < 0:
        raise ValueError(f"scale must be at least 0 (a standard deviation), got {scale!r}")
    return [scale] * len(pairs)


def _seeds(seeds):
    if isinstance(seeds, (int, np.integer)):
        return range(as_count("seeds", seeds))
    return [as_count("seeds", seed) for seed in seeds]


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
    """One network per constant c in ``values``: every weight and bias c."""
    return [MLP(sizes, activation, bias).init_constant(c) for c in values]


def plateau_exits(history, level):
    """(N,) float: the first recorded step at which each network's loss is below ``level``,
    ``inf`` when it never is (for a plateau at loss L, take ``level`` a little under L)."""
    return first_step(history.loss < as_real("level", level), history.iterations)


def fraction_fit_by(fit_steps, steps):
    """The fraction of ``fit_steps`` (N,) that are at most ``steps``, as a float."""
    return float(np.mean(np.asarray(fit_steps) <= steps))
