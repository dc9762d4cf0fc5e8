"""Many networks of one architecture trained together: one vectorized gradient descent.

``train_many(nets, X, Y, lr, iterations)`` does for a list of N networks what N calls of
``train`` do, in one numpy computation. Inside, the network axis comes LAST::

    weights[l]: (sizes[l], sizes[l+1], K)     biases[l]: (sizes[l+1], K)
    activations a[l]: (m, sizes[l], K)        delta[l]: (m, sizes[l+1], K)

so every elementwise step runs over K networks at once and each product over the units
is one ``einsum`` (the first layer, where X is shared, is one BLAS product). K is the
number of networks still training: a network whose loss becomes inf or NaN is taken out
(with its last finite parameters) and the others go on.
"""

import warnings
from dataclasses import dataclass

import numpy as np

from .activations import activate, slope
from .losses import check_loss_name, loss_gradient
from .network import MLP
from .training import TrainingDiverged, check_history_size, recorded_steps
from .validation import as_count, as_float_array, as_real


@dataclass
class EnsembleHistory:
    """What ``train_many`` recorded for N networks at T recorded steps.

    iterations: (T,) step numbers (0 = before the first update).
    loss: (N, T) each network's loss at those steps.
    max_error: (N, T) each network's largest |output - target| over every observation and
        output: a network fits within ``tol`` at a step when it is below ``tol``.
    weight_iterations: (Tw,) the steps at which the parameters were recorded (``weights_every``;
        the same as ``iterations`` by default, empty with ``weights_every=0``).
    weights: per layer, (N, Tw, sizes[l], sizes[l+1]); empty with ``weights_every=0``.
    biases: per layer, (N, Tw, sizes[l+1]); empty without biases or ``weights_every=0``.
    diverged: (N,) True for a network whose loss became inf or NaN.
    diverged_at: (N,) the step at which it did, -1 for networks that never diverged.

    A diverged network has NaN in every row from its ``diverged_at`` on, as if ``train``'s
    shorter history were padded to T rows.
    """

    iterations: np.ndarray
    loss: np.ndarray
    max_error: np.ndarray
    weight_iterations: np.ndarray
    weights: list
    biases: list
    diverged: np.ndarray
    diverged_at: np.ndarray

    def __len__(self):
        """Number of networks N."""
        return self.loss.shape[0]

    def fit_steps(self, tol=0.01):
        """(N,) float: the first recorded step at which every output of the network is
        within ``tol`` of its target (``max_error < tol``), ``inf`` when it never is.

        ``inf`` keeps medians and fractions honest: a network that never fits counts as
        the slowest, not as missing.
        """
        tol = as_real("tol", tol, positive=True)
        return first_step(self.max_error < tol, self.iterations)  # NaN rows compare False


def first_step(condition, iterations):
    """(N,) float: for each row of ``condition`` (N, T) bool, the first of ``iterations`` (T,)
    where it holds, ``inf`` where it never does."""
    first = np.argmax(condition, axis=1)
    return np.where(condition.any(axis=1), np.asarray(iterations)[first].astype(float), np.inf)


def _check_nets(nets):
    """A non-empty list of distinct ``MLP`` objects of one architecture; errors name ``nets``."""
    if isinstance(nets, MLP) or not isinstance(nets, (list, tuple)):
        raise TypeError(f"nets must be a list of MLP networks, got {type(nets).__name__}; for one network use train")
    if len(nets) == 0:
        raise ValueError("nets must hold at least one network, got an empty list")
    seen = {}
    for i, net in enumerate(nets):
        if not isinstance(net, MLP):
            raise TypeError(f"nets[{i}] must be an MLP (mlp_helpers.MLP), got {type(net).__name__}")
        if id(net) in seen:
            raise ValueError(
                f"nets[{i}] is the same network as nets[{seen[id(net)]}]: each is trained in place, "
                "so pass a copy (net.copy()) to train two from one start"
            )
        seen[id(net)] = i
        first = nets[0]
        if (net.sizes, net.activation, net.bias) != (first.sizes, first.activation, first.bias):
            raise ValueError(f"nets must share one architecture (sizes, activation, bias): nets[0] is {first!r}, nets[{i}] is {net!r}")
    return list(nets)


def _check_lr(lr, n):
    """A positive float, or an (n,) array of positive rates, one per network."""
    if isinstance(lr, (list, tuple, np.ndarray)):
        rates = as_float_array("lr", lr)
        if rates.shape != (n,):
            raise ValueError(f"lr must be one number or one number per network ({n}), got shape {rates.shape}")
        if np.any(rates <= 0):
            raise ValueError(f"lr must be greater than 0 for every network, got {float(rates[rates <= 0][0])!r} at index {int(np.argmax(rates <= 0))}")
        return rates
    return as_real("lr", lr, positive=True)


def _check_flag(name, value):
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def _activate(name, z):
    """``activations.activate(name, z)``, computed in place in the fresh array ``z``.

    The sigmoid is 1 / (1 + e^-z): the same function as ``activations.sigmoid`` (within a
    few units in the last place) but about ten times faster on large arrays than its
    ``exp(-logaddexp(0, -z))``, whose cost would otherwise be most of a step here. For
    z < -709, e^-z overflows to inf and 1 / inf = 0.0 is the right limit (the caller
    ignores that overflow).
    """
    if name != "sigmoid":
        return activate(name, z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1.0
    return np.reciprocal(z, out=z)


def _feedforward(weights, biases, activation, X):
    """Forward pass of K networks. X: (m, n_in); weights[l]: (n_in, n_out, K).
    Returns [X, a1, ..., aL] with a_l: (m, sizes[l], K) (X itself stays 2-D)."""
    m = X.shape[0]
    activations = [X]
    for l, W in enumerate(weights):
        a = activations[-1]
        if l == 0:  # X is shared by every network: one BLAS product (m, n_in) @ (n_in, n_out * K)
            z = (a @ W.reshape(W.shape[0], -1)).reshape(m, W.shape[1], W.shape[2])
        else:
            z = np.einsum("mkn,kjn->mjn", a, W)
        if biases:
            z += biases[l]
        activations.append(_activate(activation[l], z))
    return activations


def _backpropagate(weights, activation, activations, output_gradient):
    """Gradients of K networks' losses. output_gradient: dLoss/daL, (m, sizes[-1], K).
    Returns (dW, db): dW[l] (n_in, n_out, K), db[l] (n_out, K) (always computed)."""
    L = len(weights)
    dW, db = [None] * L, [None] * L
    delta = output_gradient * slope(activation[-1], activations[-1])
    for l in range(L - 1, -1, -1):
        if l == 0:
            m, n_out, K = delta.shape
            dW[0] = (activations[0].T @ delta.reshape(m, -1)).reshape(-1, n_out, K)
        else:
            dW[l] = np.einsum("mkn,mjn->kjn", activations[l], delta)
        db[l] = delta.sum(axis=0)
        if l > 0:
            delta = np.einsum("mjn,kjn->mkn", delta, weights[l]) * slope(activation[l - 1], activations[l])
    return dW, db


def train_many(nets, X, Y, lr, iterations, loss="sse", train_biases=True, record_every=1, weights_every=None):
    """Train every network of ``nets`` by full-batch gradient descent, together, in place.

    The same as ``[train(net, X, Y, rate, iterations, ...) for net, rate in zip(nets, lr)]``,
    in one vectorized computation.

    nets: a list of N ``MLP`` networks with the same sizes, activation and bias (each
        network object once); X: (m, sizes[0]); Y: (m, sizes[-1]); loss: a name from
        ``mlp_helpers.losses``.
    lr: one learning rate > 0 for all, or a sequence of N rates (a sweep in one call).
    train_biases: False keeps the biases fixed (only the weights learn).
    record_every: record ``loss`` and ``max_error`` at steps 0, k, 2k, ... and the last step.
    weights_every: the same for the parameters; None (default) = ``record_every``, 0 = never.
        Parameters are most of the memory: 1000 networks of the seed problem recorded at
        every one of 2000 steps need 480 MiB, of 10000 steps 2.3 GiB. The losses and the
        parameters must each fit in 512 MiB, or the call is refused before training starts
        (a ValueError naming ``record_every`` or ``weights_every``).

    Returns an ``EnsembleHistory``. A network whose loss becomes inf or NaN at step t stops
    alone: it keeps the parameters of step t - 1 (as ``train`` does) and its history rows
    from t on are NaN; one ``TrainingDiverged`` warning says how many stopped.
    """
    nets = _check_nets(nets)
    first = nets[0]
    check_loss_name(loss)
    X, Y = first.check_data(X, Y)
    n = len(nets)
    lr = _check_lr(lr, n)
    iterations = as_count("iterations", iterations)
    record_every = as_count("record_every", record_every, minimum=1)
    weights_every = record_every if weights_every is None else as_count("weights_every", weights_every)
    train_biases = _check_flag("train_biases", train_biases)
    n_params = sum(W.size for W in first.weights) + sum(b.size for b in first.biases)
    _check_memory(iterations, record_every, weights_every, n, n_params)

    steps = recorded_steps(iterations, record_every)
    weight_steps = recorded_steps(iterations, weights_every) if weights_every else np.array([], dtype=int)
    # histories are filled (T, ..., N) so that each recorded row is one contiguous write
    loss_hist = np.empty((len(steps), n))
    error_hist = np.empty((len(steps), n))
    weights = [np.stack([net.weights[l] for net in nets], axis=-1) for l in range(first.n_layers)]
    biases = [np.stack([net.biases[l] for net in nets], axis=-1) for l in range(first.n_layers)] if first.bias else []
    w_hist = [np.empty((len(weight_steps),) + p.shape) for p in weights] if weights_every else []
    b_hist = [np.empty((len(weight_steps),) + p.shape) for p in biases] if weights_every else []
    final_w = [np.empty_like(W) for W in weights]  # where each network's parameters end up
    final_b = [np.empty_like(b) for b in biases]

    update_biases = first.bias and train_biases
    Y_all = Y[:, :, None]
    alive = np.arange(n)  # which network each of the K columns still training is
    diverged_at = np.full(n, -1)
    previous = (weights, biases)
    row = weight_row = 0
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(iterations + 1):
            activations = _feedforward(weights, biases, first.activation, X)
            output = activations[-1]
            gradient = loss_gradient(loss, output, Y_all)
            # each of the four costs is c * sum(e^2) with gradient 2 c e, so cost = sum(gradient * e) / 2
            errors = output - Y_all
            value = 0.5 * np.einsum("mon,mon->n", gradient, errors)
            finite = np.isfinite(value)
            if not finite.all():
                # as in train: the network keeps the parameters of the step before
                bad = ~finite
                diverged_at[alive[bad]] = step
                for dest, source in zip(final_w + final_b, previous[0] + previous[1]):
                    dest[..., alive[bad]] = source[..., bad]
                keep = finite
                alive = alive[keep]
                weights = [W[..., keep] for W in weights]
                biases = [b[..., keep] for b in biases]
                activations = [activations[0]] + [a[..., keep] for a in activations[1:]]
                gradient, errors, value = gradient[..., keep], errors[..., keep], value[keep]
                if not np.isscalar(lr):
                    lr = lr[keep]
                if alive.size == 0:
                    break
            columns = slice(None) if alive.size == n else alive
            if step == steps[row]:
                loss_hist[row, columns] = value
                error_hist[row, columns] = np.abs(errors).max(axis=(0, 1))
                row += 1
            if weight_row < len(weight_steps) and step == weight_steps[weight_row]:
                for hist, current in zip(w_hist + b_hist, weights + biases):
                    hist[weight_row][..., columns] = current
                weight_row += 1
            if step == iterations:
                break
            dW, db = _backpropagate(weights, first.activation, activations, gradient)
            previous = (weights, biases)
            weights = [W - lr * g for W, g in zip(weights, dW)]
            if update_biases:
                biases = [b - lr * g for b, g in zip(biases, db)]

    for dest, source in zip(final_w + final_b, weights + biases):
        dest[..., alive] = source
    for i, net in enumerate(nets):
        net.weights = [W[..., i].copy() for W in final_w]
        net.biases = [b[..., i].copy() for b in final_b]

    diverged = diverged_at >= 0
    if diverged.any():
        for i in np.nonzero(diverged)[0]:
            for hist in (loss_hist, error_hist):
                hist[steps >= diverged_at[i], i] = np.nan
            for hist in w_hist + b_hist:
                hist[weight_steps >= diverged_at[i], ..., i] = np.nan
        warnings.warn(
            f"{int(diverged.sum())} of {n} networks diverged (the first at step {int(diverged_at[diverged].min())}): "
            "their loss became inf or NaN; they keep their last finite parameters; try a smaller learning rate",
            TrainingDiverged,
            stacklevel=2,
        )
    network_first = lambda hist: np.moveaxis(hist, -1, 0)  # (T, ..., N) -> (N, T, ...), a view
    return EnsembleHistory(
        iterations=steps,
        loss=loss_hist.T,
        max_error=error_hist.T,
        weight_iterations=weight_steps,
        weights=[network_first(h) for h in w_hist],
        biases=[network_first(h) for h in b_hist],
        diverged=diverged,
        diverged_at=diverged_at,
    )


def _check_memory(iterations, record_every, weights_every, n, n_params):
    """``check_history_size`` for the losses and for the parameters of ``n`` networks."""
    parts = [("record_every", record_every, 2 * n + 1)]
    if weights_every:
        parts.append(("weights_every", weights_every, n * n_params + 1))
    for name, every, floats in parts:
        try:
            check_history_size(iterations, every, floats)
        except ValueError as exc:
            hint = "; or weights_every=0 to keep only the losses" if name == "weights_every" else ""
            raise ValueError(f"{str(exc).replace('record_every', name)} (for {n} networks){hint}") from None
