"""The costs the notebooks use, and their derivatives with respect to the prediction.

With ``m`` observations (rows) and the sum running over every row and output:

==============  ==========================  ============================  ============
name            cost                        d cost / d y_hat              question
==============  ==========================  ============================  ============
``"sse"``       sum (y_hat - y)^2           2 (y_hat - y)                 tied-units
``"half_sse"``  1/2 sum (y_hat - y)^2       (y_hat - y)                   1-1-1
``"mse"``       1/m sum (y_hat - y)^2       2 (y_hat - y) / m
``"half_mse"``  1/(2m) sum (y_hat - y)^2    (y_hat - y) / m               2-2-1
==============  ==========================  ============================  ============

``"cross_entropy"``, summed binary cross-entropy, for sigmoid outputs and targets in [0, 1]:
C = -sum [y log y_hat + (1 - y) log(1 - y_hat)], d C / d y_hat = (y_hat - y) / (y_hat (1 - y_hat)).
Times the sigmoid's slope y_hat (1 - y_hat) that leaves the output delta dC/dz = y_hat - y:
the slope that makes the squared costs crawl near 0 and 1 cancels (notebook 06).
"""

import numpy as np

from .activations import slope
from .validation import as_choice, as_predictions, as_probabilities

# name -> (scale of the sum, whether it is divided by m); the derivative is 2*scale*(y_hat - y)/m^k
_LOSSES = {
    "sse": (1.0, False),
    "half_sse": (0.5, False),
    "mse": (1.0, True),
    "half_mse": (0.5, True),
}
CROSS_ENTROPY = "cross_entropy"
LOSS_NAMES = tuple(_LOSSES) + (CROSS_ENTROPY,)


def check_loss_name(name):
    """Return ``name`` if it names a loss, else raise a ValueError/TypeError naming ``loss``."""
    return as_choice("loss", name, LOSS_NAMES)


def check_loss(name, output_activation, Y=None):
    """``check_loss_name``, and for cross-entropy a sigmoid output layer and targets ``Y`` in [0, 1]."""
    if check_loss_name(name) == CROSS_ENTROPY and output_activation != "sigmoid":
        raise ValueError(f"loss='cross_entropy' needs a sigmoid output layer (0 < a < 1), got {output_activation!r}")
    if name == CROSS_ENTROPY and Y is not None:
        as_probabilities("Y", Y, "for loss='cross_entropy' (targets are probabilities)")
    return name


def _x_log(x, y, log=np.log):
    """x log(y) elementwise, 0 where x is 0 (x log y -> 0 there); broadcasts x against y."""
    x, y = np.broadcast_arrays(x, y)
    with np.errstate(divide="ignore"):  # log 0 = -inf: a saturated wrong output costs inf
        return x * log(y, out=np.zeros(y.shape), where=x != 0)


def cross_entropy_terms(Y_hat, Y):
    """-[y log y_hat + (1 - y) log(1 - y_hat)] elementwise (any broadcastable shapes); no checks."""
    return -(_x_log(Y, Y_hat) + _x_log(1.0 - Y, 1.0 - Y_hat))


def loss_factor(name, m):
    """The squared cost ``name`` over ``m`` observations is ``loss_factor(name, m) * sum (y_hat - y)^2``."""
    scale, per_observation = _LOSSES[name]
    return scale / m if per_observation else scale


def loss_value(name, Y_hat, Y):
    """Cost ``name`` of predictions ``Y_hat`` (m, n_out) against targets ``Y`` (m, n_out); no checks."""
    if name == CROSS_ENTROPY:
        return float(np.sum(cross_entropy_terms(Y_hat, Y)))
    diff = Y_hat - Y
    return loss_factor(name, Y.shape[0]) * float(np.sum(diff * diff))


def loss_values(name, Y_hat, Y):
    """The costs of K networks at once: Y_hat (m, n_out, K), Y (m, n_out, 1) -> (K,); no checks."""
    if name == CROSS_ENTROPY:
        return cross_entropy_terms(Y_hat, Y).sum(axis=(0, 1))
    errors = Y_hat - Y
    return loss_factor(name, Y.shape[0]) * np.einsum("mon,mon->n", errors, errors)


def loss_difference(name, Y_a, Y_b, Y):
    """Cost of predictions ``Y_a`` minus cost of ``Y_b`` (both (m, n_out)), without cancellation.

    sum (a - y)^2 - sum (b - y)^2 = sum (a - b)(a + b - 2y), and for cross-entropy
    -sum [y log(1 + (a - b)/b) + (1 - y) log(1 + (b - a)/(1 - b))]: the small difference of
    two nearly equal costs is computed directly, which finite differences need.
    """
    if name == CROSS_ENTROPY:
        up, down = _x_log(Y, (Y_a - Y_b) / Y_b, np.log1p), _x_log(1.0 - Y, (Y_b - Y_a) / (1.0 - Y_b), np.log1p)
        return -float(np.sum(up + down))
    return loss_factor(name, Y.shape[0]) * float(np.sum((Y_a - Y_b) * (Y_a + Y_b - 2.0 * Y)))


def scaled_error(name, Y_hat, Y):
    """d cost / d ``Y_hat``, shape (m, n_out), for already-checked arrays."""
    if name == CROSS_ENTROPY:
        return (Y_hat - Y) / (Y_hat * (1.0 - Y_hat))
    return (2.0 * loss_factor(name, Y.shape[0])) * (Y_hat - Y)


def output_delta(name, activation, Y_hat, Y):
    """delta^L = d cost / d z^L at the output (m, n_out) (or (m, n_out, K)), for checked arrays.

    d cost / d ``Y_hat`` times the output activation's slope; for cross-entropy (sigmoid
    outputs only, see ``check_loss``) the two factors cancel to ``Y_hat - Y`` exactly, which
    is also right where a saturated output makes y_hat (1 - y_hat) zero.
    """
    if name == CROSS_ENTROPY:
        return Y_hat - Y
    return scaled_error(name, Y_hat, Y) * slope(activation, Y_hat)


def _checked_pair(name, Y_hat, Y, strict):
    """``as_predictions``; for cross-entropy also Y in [0, 1] and Y_hat in [0, 1] (strict: (0, 1))."""
    Y_hat, Y = as_predictions(Y_hat, Y)
    if check_loss(name, "sigmoid", Y) == CROSS_ENTROPY:
        as_probabilities("Y_hat", Y_hat, "for loss='cross_entropy' (sigmoid outputs)", strict)
    return Y_hat, Y


def loss_gradient(name, Y_hat, Y):
    """d cost / d ``Y_hat`` (m, n_out) of cost ``name`` (see the module table), checked."""
    check_loss_name(name)
    return scaled_error(name, *_checked_pair(name, Y_hat, Y, strict=True))


def loss(name, Y_hat, Y):
    """Cost ``name`` (see the module table) of predictions against targets, as a float.

    Y_hat: (m, n_out) predictions, one row per observation.
    Y: (m, n_out) targets.
    """
    check_loss_name(name)
    Y_hat, Y = _checked_pair(name, Y_hat, Y, strict=False)
    with np.errstate(over="ignore"):
        value = loss_value(name, Y_hat, Y)
    if not np.isfinite(value) and name == CROSS_ENTROPY:
        raise ValueError("the loss is inf: an output is exactly 0 or 1 where its target is not")
    if not np.isfinite(value):
        raise ValueError("the loss overflowed to inf: Y_hat and Y differ by more than a float can square")
    return value
