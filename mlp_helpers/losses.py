"""The four costs the seeds use, and their derivatives with respect to the prediction.

With ``m`` observations (rows) and the sum running over every row and output:

==============  ==========================  ============================  ============
name            cost                        d cost / d y_hat              seed
==============  ==========================  ============================  ============
``"sse"``       sum (y_hat - y)^2           2 (y_hat - y)                 001 / 003
``"half_sse"``  1/2 sum (y_hat - y)^2       (y_hat - y)                   002
``"mse"``       1/m sum (y_hat - y)^2       2 (y_hat - y) / m
``"half_mse"``  1/(2m) sum (y_hat - y)^2    (y_hat - y) / m               000
==============  ==========================  ============================  ============
"""

import numpy as np

from .validation import as_choice, as_predictions

# name -> (scale of the sum, whether it is divided by m); the derivative is 2*scale*(y_hat - y)/m^k
_LOSSES = {
    "sse": (1.0, False),
    "half_sse": (0.5, False),
    "mse": (1.0, True),
    "half_mse": (0.5, True),
}
LOSS_NAMES = tuple(_LOSSES)


def check_loss_name(name):
    """Return ``name`` if it names a loss, else raise a ValueError/TypeError naming ``loss``."""
    return as_choice("loss", name, _LOSSES)


def loss_factor(name, m):
    """The cost ``name`` over ``m`` observations is ``loss_factor(name, m) * sum (y_hat - y)^2``."""
    scale, per_observation = _LOSSES[name]
    return scale / m if per_observation else scale


def loss_value(name, Y_hat, Y):
    """Cost ``name`` of predictions ``Y_hat`` (m, n_out) against targets ``Y`` (m, n_out); no checks."""
    diff = Y_hat - Y
    return loss_factor(name, Y.shape[0]) * float(np.sum(diff * diff))


def loss_difference(name, Y_a, Y_b, Y):
    """Cost of predictions ``Y_a`` minus cost of ``Y_b`` (both (m, n_out)), without cancellation.

    sum (a - y)^2 - sum (b - y)^2 = sum (a - b)(a + b - 2y): the small difference of two
    nearly equal costs is computed directly, which finite differences need.
    """
    return loss_factor(name, Y.shape[0]) * float(np.sum((Y_a - Y_b) * (Y_a + Y_b - 2.0 * Y)))


def scaled_error(name, Y_hat, Y):
    """d cost / d ``Y_hat``, shape (m, n_out), for already-checked arrays."""
    return (2.0 * loss_factor(name, Y.shape[0])) * (Y_hat - Y)


def loss_gradient(name, Y_hat, Y):
    """d cost / d ``Y_hat`` (m, n_out) of cost ``name`` (see the module table), checked."""
    check_loss_name(name)
    return scaled_error(name, *as_predictions(Y_hat, Y))


def loss(name, Y_hat, Y):
    """Cost ``name`` (see the module table) of predictions against targets, as a float.

    Y_hat: (m, n_out) predictions, one row per observation.
    Y: (m, n_out) targets.
    """
    check_loss_name(name)
    with np.errstate(over="ignore"):
        value = loss_value(name, *as_predictions(Y_hat, Y))
    if not np.isfinite(value):
        raise ValueError("the loss overflowed to inf: Y_hat and Y differ by more than a float can square")
    return value
