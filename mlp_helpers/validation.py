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
        if not np.isfinite(value) or not float(value).is_integer():
            raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value!r}")
    return int(value)


def as_real(name, value, positive=False):
    """Return ``value`` as a finite Python float (strictly positive when ``positive``)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise ValueError(f"{name} must be greater than 0, got {value!r}")
    return value


def as_float_array(name, value):
    """Convert ``value`` to a float64 array whose entries are all finite."""
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of numbers, got a string")
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be an array of numbers ({exc})") from None
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} contains NaN or inf; every entry must be a finite number")
    return array


def as_shaped(name, value, shape):
    """Convert ``value`` to a finite float64 array of exactly ``shape``."""
    array = as_float_array(name, value)
    if array.shape != tuple(shape):
        raise ValueError(f"{name} must have shape {tuple(shape)}, got shape {array.shape}")
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
