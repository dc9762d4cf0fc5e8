"""Independent checks on a network: finite-difference gradients and tied hidden units."""

import numpy as np

from .losses import check_loss, loss_difference
from .network import check_network, feedforward
from .validation import as_float_array, as_real, as_shaped


def numerical_gradients(net, X, Y, loss, eps=1e-6, order=2):
    """Finite-difference estimate of ``net.gradients(X, Y, loss)``, independent of backprop.

    Each parameter p is nudged on a copy of ``net`` and the loss re-evaluated:

    * ``order=2`` (default), the central difference a student writes by hand:
      dL/dp ~ (L(p + eps) - L(p - eps)) / (2 eps), error ~ eps^2.
    * ``order=4``, the five-point central difference
      (8 [L(p + eps) - L(p - eps)] - [L(p + 2 eps) - L(p - 2 eps)]) / (12 eps), error ~ eps^4,
      accurate to ~1e-13 with eps = 1e-3: the tool for checking to the last digits.

    Differences of the loss are formed output by output (``losses.loss_difference``),
    e.g. L(a) - L(b) = c * sum((a - b) * (a + b - 2 y)), which is the same number without the
    cancellation of two nearly equal totals.
    X: (m, sizes[0]); Y: (m, sizes[-1]). Returns ``(dW, db)`` shaped like the parameters.
    """
    check_network(net)
    X, Y = net.check_data(X, Y)
    check_loss(loss, net.activation[-1], Y)
    eps = as_real("eps", eps, positive=True)
    if order not in (2, 4):
        raise ValueError(f"order must be 2 or 4, got {order!r}")
    probe = net.copy()

    def output_at(param, index, value):
        saved = param[index]
        param[index] = value
        output = feedforward(probe, X)[-1]
        param[index] = saved
        return output

    def difference(step, param, index):
        plus = output_at(param, index, param[index] + step)
        minus = output_at(param, index, param[index] - step)
        return loss_difference(loss, plus, minus, Y)

    def estimate(param):
        grad = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            if order == 2:
                grad[index] = difference(eps, param, index) / (2 * eps)
            else:
                near, far = difference(eps, param, index), difference(2 * eps, param, index)
                grad[index] = (8 * near - far) / (12 * eps)
        return grad

    return [estimate(W) for W in probe.weights], [estimate(b) for b in probe.biases]


def relative_error(a, b):
    """Largest |a - b| / max(1e-8, |a| + |b|) over all entries (cs231n's measure).

    a, b: two arrays of one shape, or two lists with one array per layer (what ``gradients``
    returns, e.g. ``dW + db``), compared layer by layer. About 1e-7 or less: the two agree;
    1e-2 or more: one of them is wrong.
    """
    worst = 0.0
    for x, y in _paired(a, b):
        if x.size:
            worst = max(worst, float(np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))))
    return worst


def _paired(a, b):
    """``[(a, b)]`` as checked float arrays of one shape, or one such pair per layer."""
    if isinstance(a, (list, tuple)) and a and all(isinstance(layer, np.ndarray) for layer in a):
        if not isinstance(b, (list, tuple)) or len(b) != len(a):
            count = len(b) if isinstance(b, (list, tuple)) else type(b).__name__
            raise ValueError(f"b must hold {len(a)} arrays like a, got {count}")
        return [_same_shape(f"a[{l}]", x, f"b[{l}]", y) for l, (x, y) in enumerate(zip(a, b))]
    return [_same_shape("a", a, "b", b)]


def _same_shape(a_name, a, b_name, b):
    a = as_float_array(a_name, a)
    return a, as_shaped(b_name, b, a.shape, f"the shape of {a_name} {a.shape}")


def gradient_check(net, X, Y, loss, eps=1e-6, order=2):
    """Max relative error between backprop's gradients and ``numerical_gradients``."""
    analytic = check_network(net).gradients(X, Y, loss)
    numeric = numerical_gradients(net, X, Y, loss, eps=eps, order=order)
    pairs = list(zip(analytic[0] + analytic[1], numeric[0] + numeric[1]))
    return max(relative_error(a, n) for a, n in pairs)


def unit_descriptions(incoming, outgoing, biases=None):
    """Everything that defines each unit of one hidden layer, one column per unit.

    incoming: (..., n_in, units), the weights into the layer; outgoing: (..., units, n_out),
    the weights out of it; biases: (..., units) or None. Leading axes (e.g. the recorded
    steps of a ``History``) are kept. Returns (..., n_in + n_out [+ 1], units): two units
    compute the same thing, and receive the same updates, exactly when their columns agree.
    """
    parts = [incoming, np.swapaxes(outgoing, -1, -2)]
    if biases is not None:
        parts.append(biases[..., None, :])
    return np.concatenate(parts, axis=-2)


def tied_units(net, atol=1e-10):
    """Groups of hidden units that are exact copies of each other.

    Unit j of hidden layer l (1 <= l < len(sizes) - 1) is described by its incoming
    weights ``weights[l-1][:, j]``, its bias ``biases[l-1][j]`` and its outgoing weights
    ``weights[l][j, :]`` (see ``unit_descriptions``). Two units whose descriptions agree
    within ``atol`` compute the same activation and receive the same gradient, so gradient
    descent keeps them equal.

    Returns one list per hidden layer; each holds the groups (sorted lists of unit
    indices, at least two units) of tied units, e.g. ``[[[0, 1, 2]], [[0, 1, 2]]]``.
    """
    check_network(net)
    atol = as_real("atol", atol)
    if atol < 0:
        raise ValueError(f"atol must be at least 0, got {atol!r}")
    layers = []
    for l in range(1, len(net.sizes) - 1):
        bias = net.biases[l - 1] if net.bias else None
        units = unit_descriptions(net.weights[l - 1], net.weights[l], bias)  # (description, units)
        layers.append([g for g in equal_columns(units, atol) if len(g) > 1])
    return layers


def equal_columns(columns, atol):
    """Group the columns of ``columns`` (k, n) that agree within ``atol`` in every row.

    Returns lists of column indices, each group in the order of its first member; a column
    joins the first group whose first column it matches. One grouping serves the tied
    units, the plots' tied trajectory lines and ``collapse_tied``.
    """
    groups = []
    for j in range(columns.shape[1]):
        for group in groups:
            if np.allclose(columns[:, j], columns[:, group[0]], rtol=0.0, atol=atol):
                group.append(j)
                break
        else:
            groups.append([j])
    return groups


def tied_verdict(groups):
    """One plain line about ``groups`` (the result of ``tied_units``).

    ``[[[0, 1, 2]], [[0, 1, 2]]]`` -> "layer 1: 3 units tied in 1 group; layer 2: 3 units
    tied in 1 group"; no groups anywhere -> "no tied units". Layers count from 0 = inputs.
    """
    def is_group(group):
        return isinstance(group, list) and all(isinstance(u, (int, np.integer)) for u in group)

    if not isinstance(groups, list) or not all(isinstance(layer, list) and all(map(is_group, layer)) for layer in groups):
        raise TypeError(f"groups must be the list of lists that tied_units returns, got {groups!r}")
    parts = []
    for layer, layer_groups in enumerate(groups, start=1):
        if layer_groups:
            units = sum(len(g) for g in layer_groups)
            n = len(layer_groups)
            parts.append(f"layer {layer}: {units} units tied in {n} group{'s' if n != 1 else ''}")
    return "; ".join(parts) if parts else "no tied units"
