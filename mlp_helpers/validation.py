"""Argument checks shared by every public function.

Each check turns a bad argument into a ``TypeError`` or ``ValueError`` that names the
argument and says what was expected, so numpy's own broadcasting or conversion errors
never reach a student.
"""

from numbers import Integral, Real

import numpy as np


def as_count(name, value, minimum=0):
    """Return ``value`` as a Python int ``>= minimum``; integral floats such as ``1e3`` pass."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a whole number, got {type(value).__name__} {value!r}")
    if not isinstance(value, Integral):
        if not np.isfinite(float(value)) or not float(value).is_integer():
            raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value!r}")
    return int(value)


def as_real(name, value, positive=False):
    """Return ``value`` as a finite Python float (strictly positive when ``positive``).

    A 0-d numpy array (``np.array(0.5)``) counts as the number it holds.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
        value = value[()]
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {value!r}")
    try:
        value = float(value)
    except OverflowError:
        raise ValueError(f"{name} must be a finite number of float size (about 1.8e308 at most), got {value!r}") from None
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be greater than 0, got {value!r}")
    return value


def as_float_array(name, value):
    """Convert ``value`` to a float64 array whose entries are all finite real numbers.

    Integers, bools and fractions count as numbers; complex numbers, text (even "1.0"),
    dates and masked arrays (whose mask would be lost) are refused with a TypeError.
    """
    if isinstance(value, np.ma.MaskedArray):
        raise TypeError(f"{name} must be a plain array of numbers; masked arrays are not supported (fill or drop the masked entries)")
    try:
        raw = np.asarray(value)
    except ValueError as exc:  # ragged nesting
        raise TypeError(f"{name} must be an array of numbers with one length per row ({exc})") from None
    kind = {"c": "complex numbers", "U": "text", "S": "text", "M": "datetime64 dates", "m": "timedelta64 durations"}.get(raw.dtype.kind)
    if kind is None and raw.dtype.kind in "OV":
        if not all(isinstance(item, Real) for item in raw.ravel()):
            kind = "things that are not numbers"
    if kind:
        raise TypeError(f"{name} must be an array of real numbers, got {kind} ({raw.dtype})")
    try:
        array = raw.astype(np.float64)
    except OverflowError:  # a Python int beyond the float range, such as 10**400
        raise ValueError(f"{name} holds a number too large for a float (about 1.8e308 at most); "
                         "scale the data or write the number as a float") from None
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} contains NaN or inf; every entry must be a finite number")
    return array


def all_finite(arrays):
    """Whether every entry of every array in ``arrays`` (a list) is finite (no inf, no NaN)."""
    return all(np.isfinite(a).all() for a in arrays)


def as_shaped(name, value, shape, expected=None):
    """Convert ``value`` to a finite float64 array of exactly ``shape``.

    expected: how the error names the shape (default "shape (2, 3)").
    """
    array = as_float_array(name, value)
    if array.shape != tuple(shape):
        raise ValueError(f"{name} must have {expected or f'shape {tuple(shape)}'}, got shape {array.shape}")
    return array


def as_observations(name, value, width, rows=None):
    """Convert a data matrix to float64 of shape ``(m, width)``, one row per observation.

    ``rows`` fixes ``m`` (used so that ``Y`` has one row per row of ``X``).
    """
    array = as_float_array(name, value)
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array of shape (m, {width}) with one row per observation, "
            f"got shape {array.shape}; for a single observation write [[...]]"
        )
    if array.shape[1] != width:
        raise ValueError(f"{name} must have {width} column(s), one per unit, got shape {array.shape}")
    if array.shape[0] == 0:
        raise ValueError(f"{name} must hold at least one observation (row), got shape {array.shape}")
    if rows is not None and array.shape[0] != rows:
        raise ValueError(f"{name} must have {rows} row(s), one per row of X, got {array.shape[0]}")
    return array


def as_choice(name, value, choices):
    """Return ``value`` when it is one of the strings in ``choices``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be one of {sorted(choices)}, got {type(value).__name__} {value!r}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {sorted(choices)}, got {value!r}")
    return value


def as_flag(name, value):
    """Return ``value`` when it is True or False (numpy's bools too); never a truthy string."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r}")
    return bool(value)


def as_sizes(name, sizes):
    """Layer widths, inputs first, as a list of ints >= 1: at least two layers.

    A list, a tuple or a 1-D array such as ``[2, 3, 3, 2]``; sets and dicts have no order
    and are refused.
    """
    if isinstance(sizes, np.ndarray):
        sizes = sizes.tolist() if sizes.ndim == 1 else sizes
    if not isinstance(sizes, (list, tuple)):
        raise TypeError(f"{name} must be a list of layer widths such as [2, 3, 3, 2], got {type(sizes).__name__} {sizes!r}")
    if len(sizes) < 2:
        raise ValueError(f"{name} must list at least two layers (inputs and outputs), got {list(sizes)!r}")
    return [as_count(f"{name}[{i}]", width, minimum=1) for i, width in enumerate(sizes)]


def as_parameter(name, key, sizes, bias=True):
    """One parameter of a network with layer widths ``sizes``, as a checked tuple.

    key: ``("w", layer, from_unit, to_unit)`` for ``weights[layer][from_unit, to_unit]`` or
    ``("b", layer, unit)`` for ``biases[layer][unit]`` (a list works too); bias: whether the
    network has biases. Every parameter key in the package is read here.
    """
    if isinstance(key, (list, tuple)):
        key = tuple(key)
    if not isinstance(key, tuple) or not key or key[0] not in ("w", "b") or len(key) != (4 if key[0] == "w" else 3):
        raise TypeError(f"{name} must be ('w', layer, from_unit, to_unit) or ('b', layer, unit), got {key!r}")
    kind, layer, units = key[0], as_count(f"{name} layer", key[1]), [as_count(f"{name} unit", u) for u in key[2:]]
    if kind == "b" and not bias:
        raise ValueError(f"{name} {key!r} names a bias, but this network has no biases")
    if layer >= len(sizes) - 1:
        raise ValueError(f"{name} {key!r}: layer must be below {len(sizes) - 1}, the number of weight layers")
    limits = (sizes[layer], sizes[layer + 1])[-len(units):]
    for unit, limit, what in zip(units, limits, ("from_unit", "to_unit")[-len(units):]):
        if unit >= limit:
            raise ValueError(f"{name} {key!r}: {what} must be below {limit} in a network with sizes {list(sizes)}")
    return (kind, layer, *units)


def as_activations(name, activation, n_layers, choices):
    """One activation name per weight layer, from a single name or a list of ``n_layers`` names."""
    if isinstance(activation, str):
        activation = [activation] * n_layers
    if not isinstance(activation, (list, tuple)):
        raise TypeError(f"{name} must be a name or a list of names, got {activation!r}")
    if len(activation) != n_layers:
        raise ValueError(f"{name} must name one function per weight layer ({n_layers}), got {list(activation)!r}")
    for each in activation:
        as_choice(name, each, choices)
    return list(activation)


def as_layers(name, arrays, shapes, assigned=False):
    """One finite float64 array per layer, ``arrays[l]`` of shape ``shapes[l]``.

    assigned: the arrays are a network's own (``net.weights``), assigned by hand perhaps;
    they must already be float64 numpy arrays and are returned as they are, while new
    parameters (``set_params``) are converted and copied.
    """
    if not isinstance(arrays, (list, tuple)):
        raise TypeError(f"{name} must be a list with one array per layer ({len(shapes)}), got {type(arrays).__name__}")
    if len(arrays) != len(shapes):
        raise ValueError(f"{name} must hold {len(shapes)} arrays, one per layer, got {len(arrays)}")
    checked = []
    for l, (array, shape) in enumerate(zip(arrays, shapes)):
        if assigned and not (isinstance(array, np.ndarray) and array.dtype == np.float64):
            got = f"a {array.dtype} array" if isinstance(array, np.ndarray) else type(array).__name__
            raise TypeError(
                f"{name}[{l}] must be a float64 numpy array of shape {shape}, got {got}; "
                "use set_params to put in new parameters (it converts them)"
            )
        try:
            array = as_shaped(f"{name}[{l}]", array, shape)
        except ValueError as exc:
            raise ValueError(f"{exc}" + (": the network's parameters are not a valid start" if assigned else "")) from None
        checked.append(array if assigned else array.copy())
    return checked


def as_cache(name, activations, sizes):
    """The list ``[X, a1, ..., aL]`` that ``MLP.forward`` returns, each (m, sizes[l])."""
    if not isinstance(activations, list) or len(activations) != len(sizes):
        raise TypeError(f"{name} must be the list [X, a1, ..., aL] that forward returns ({len(sizes)} arrays)")
    rows = as_observations(f"{name}[0]", activations[0], sizes[0]).shape[0]
    return [as_observations(f"{name}[{l}]", a, sizes[l], rows=rows) for l, a in enumerate(activations)]


def as_probabilities(name, array, why, strict=False):
    """``array`` unchanged if every entry lies in [0, 1] ((0, 1) when ``strict``); else a ValueError
    naming ``name`` and saying ``why`` (e.g. "for loss='cross_entropy'").

    [0, 1] allows 1e-12 of rounding either side: 1 + 2e-16 is a target of 1 computed in floats.
    """
    low, high = float(np.min(array)), float(np.max(array))
    if (low <= 0 or high >= 1) if strict else (low < -1e-12 or high > 1 + 1e-12):
        where = "strictly between 0 and 1" if strict else "in [0, 1]"
        raise ValueError(f"{name} must lie {where} {why}, got values from {low!r} to {high!r}")
    return array


def as_predictions(Y_hat, Y):
    """Predictions and targets as float64 arrays of one shape (m, n_out), m >= 1."""
    Y_hat = as_float_array("Y_hat", Y_hat)
    if Y_hat.ndim != 2 or Y_hat.shape[0] == 0:
        raise ValueError(f"Y_hat must be a 2-D array (m, n_out) that holds at least one observation, got shape {Y_hat.shape}")
    return Y_hat, as_shaped("Y", Y, Y_hat.shape, f"the same shape as Y_hat {Y_hat.shape}")
