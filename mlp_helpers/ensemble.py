"""Many networks of one architecture trained together: one vectorized gradient descent.

``train_many(nets, X, Y, lr, iterations)`` does for a list of N networks what N calls of
``train`` do, in one numpy computation. Inside, the network axis comes LAST::

    weights[l]: (sizes[l], sizes[l+1], K)     biases[l]: (sizes[l+1], K)
    activations a[l]: (m, sizes[l], K)        delta[l]: (m, sizes[l+1], K)

so every elementwise step runs over K networks at once and each product over the units
is one ``einsum`` (the first layer, where X is shared, is one BLAS product). All the
parameters live in one (n_params, K) buffer whose rows the layers view, so that the update
of a step is one subtraction. K is the number of networks still training: a network whose
loss becomes inf or NaN is taken out (with its last finite parameters) and the others go on.
"""

import warnings
from dataclasses import dataclass

import numpy as np

from .activations import activate, slope
from .losses import check_loss, loss_values, output_delta
from .network import MLP, check_network
from .training import TrainingDiverged, check_history_size, recorded_steps
from .validation import as_count, as_flag, as_float_array, as_real


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


def check_nets(nets):
    """A non-empty list of distinct ``MLP`` objects of one architecture; errors name ``nets``."""
    if isinstance(nets, MLP) or not isinstance(nets, (list, tuple)):
        raise TypeError(f"nets must be a list of MLP networks, got {type(nets).__name__}; for one network use train")
    if len(nets) == 0:
        raise ValueError("nets must hold at least one network, got an empty list")
    seen, first = {}, nets[0]
    for i, net in enumerate(nets):
        if not isinstance(net, MLP):
            raise TypeError(f"nets[{i}] must be an MLP (mlp_helpers.MLP), got {type(net).__name__}")
        check_network(net)  # parameters assigned by hand: right shapes, float arrays, finite
        if id(net) in seen:
            raise ValueError(
                f"nets[{i}] is the same network as nets[{seen[id(net)]}]: each is trained in place, "
                "so pass a copy (net.copy()) to train two from one start"
            )
        seen[id(net)] = i
        if (net.sizes, net.activation, net.bias) != (first.sizes, first.activation, first.bias):
            raise ValueError(
                f"nets must share one architecture (sizes, activation, bias): nets[0] is {first!r}, "
                f"nets[{i}] is {net!r}"
            )
    return list(nets)


def check_rates(lr, n):
    """A positive float, or an (n,) array of positive rates, one per network."""
    if isinstance(lr, (list, tuple, np.ndarray)):
        rates = as_float_array("lr", lr)
        if rates.shape != (n,):
            raise ValueError(f"lr must be one number or one number per network ({n}), got shape {rates.shape}")
        if np.any(rates <= 0):
            index = int(np.argmax(rates <= 0))
            raise ValueError(f"lr must be greater than 0 for every network, got {float(rates[index])!r} at index {index}")
        return rates
    return as_real("lr", lr, positive=True)


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


def _backpropagate(weights, activation, activations, delta, dW, db):
    """Gradients of K networks' losses, written into ``dW`` and ``db``.

    delta: the output delta dLoss/dzL, (m, sizes[-1], K); dW[l]: (n_in, n_out, K) and db[l]: (n_out, K),
    views of one gradient buffer (``db`` empty: the biases' gradients are not needed).
    """
    for l in range(len(weights) - 1, -1, -1):
        if l == 0:
            m = delta.shape[0]
            np.matmul(activations[0].T, delta.reshape(m, -1), out=dW[0].reshape(dW[0].shape[0], -1))
        else:
            np.einsum("mkn,mjn->kjn", activations[l], delta, out=dW[l])
        if db:
            delta.sum(axis=0, out=db[l])
        if l > 0:
            delta = np.einsum("mjn,kjn->mkn", delta, weights[l]) * slope(activation[l - 1], activations[l])


def _layout(shapes):
    """Where each layer lives in the rows of a parameter buffer: a list of (start, stop, shape)."""
    layout, start = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        layout.append((start, start + size, tuple(shape)))
        start += size
    return layout


def _layers(params, layout):
    """Views of the rows of ``params`` (n_params, K) (C order), one (*shape, K) array per layer."""
    K = params.shape[1]
    return [params[start:stop].reshape(shape + (K,)) for start, stop, shape in layout]


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
    nets = check_nets(nets)
    first = nets[0]
    X, Y = first.check_data(X, Y)
    check_loss(loss, first.activation[-1], Y)
    n = len(nets)
    lr = check_rates(lr, n)
    iterations = as_count("iterations", iterations)
    record_every = as_count("record_every", record_every, minimum=1)
    weights_every = record_every if weights_every is None else as_count("weights_every", weights_every)
    train_biases = as_flag("train_biases", train_biases)
    layout = _layout(first.weight_shapes + first.bias_shapes)
    n_w, n_params = first.n_layers, layout[-1][1]
    _check_memory(iterations, record_every, weights_every, n, n_params)

    steps = recorded_steps(iterations, record_every)
    weight_steps = recorded_steps(iterations, weights_every) if weights_every else np.array([], dtype=int)
    # every parameter of every network in one (n_params, K) buffer, the network axis last: one
    # update per step, and the layers are views of it (weights of every layer, then biases)
    params = np.stack([np.concatenate([p.ravel() for p in net.weights + net.biases]) for net in nets], axis=-1)
    final = np.empty_like(params)  # where each network's parameters end up
    # histories are filled (T, ..., N) so that each recorded row is one contiguous write
    loss_hist = np.empty((len(steps), n))
    error_hist = np.empty((len(steps), n))
    p_hist = np.empty((len(weight_steps), n_params, n)) if weights_every else None

    update_biases = first.bias and train_biases
    Y_all = Y[:, :, None]
    alive = np.arange(n)  # which network each of the K columns still training is
    diverged_at = np.full(n, -1)
    spare = np.empty_like(params)  # the next step's parameters are written here: two buffers, swapped
    grad = np.zeros_like(params)  # without bias training its bias rows stay 0: b - lr * 0 is b exactly
    previous = params
    row = weight_row = 0
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(iterations + 1):
            layers = _layers(params, layout)
            weights, biases = layers[:n_w], layers[n_w:]
            activations = _feedforward(weights, biases, first.activation, X)
            errors = activations[-1] - Y_all
            gradient = output_delta(loss, first.activation[-1], activations[-1], Y_all)  # as in train, bit for bit
            value = loss_values(loss, activations[-1], Y_all)
            finite = np.isfinite(value)
            if not finite.all():
                if step == 0:  # as in train: no step was taken, so no learning rate is to blame
                    bad_net = int(alive[np.argmax(~finite)])
                    raise ValueError(f"the loss of nets[{bad_net}] is {value[~finite][0]} before any step: "
                                     "X, Y or its weights are too large")
                # as in train: the network keeps the parameters of the step before
                bad = ~finite
                diverged_at[alive[bad]] = step
                final[:, alive[bad]] = previous[:, bad]
                keep = finite
                alive = alive[keep]
                params = np.ascontiguousarray(params[:, keep])  # its layers must stay views
                spare, grad = np.empty_like(params), np.zeros_like(params)
                if alive.size == 0:
                    break
                layers = _layers(params, layout)
                weights, biases = layers[:n_w], layers[n_w:]
                activations = [activations[0]] + [a[..., keep] for a in activations[1:]]
                gradient, errors, value = gradient[..., keep], errors[..., keep], value[keep]
                if not np.isscalar(lr):
                    lr = lr[keep]
            columns = slice(None) if alive.size == n else alive
            if step == steps[row]:
                loss_hist[row, columns] = value
                error_hist[row, columns] = np.abs(errors).max(axis=(0, 1))
                row += 1
            if weight_row < len(weight_steps) and step == weight_steps[weight_row]:
                p_hist[weight_row][:, columns] = params
                weight_row += 1
            if step == iterations:
                break
            g_layers = _layers(grad, layout)
            _backpropagate(weights, first.activation, activations, gradient,
                           g_layers[:n_w], g_layers[n_w:] if update_biases else [])
            np.multiply(grad, lr, out=grad)
            np.subtract(params, grad, out=spare)
            previous, params, spare = params, spare, params  # previous keeps step t until t + 1 is checked

    final[:, alive] = params
    for i, net in enumerate(nets):
        layers = _layers(final[:, i:i + 1], layout)
        net.weights = [W[..., 0].copy() for W in layers[:n_w]]
        net.biases = [b[..., 0].copy() for b in layers[n_w:]]

    diverged = diverged_at >= 0
    if diverged.any():
        for i in np.nonzero(diverged)[0]:
            for hist in (loss_hist, error_hist):
                hist[steps >= diverged_at[i], i] = np.nan
            if weights_every:
                p_hist[weight_steps >= diverged_at[i], :, i] = np.nan
        warnings.warn(
            f"{int(diverged.sum())} of {n} networks diverged (the first at step {int(diverged_at[diverged].min())}): "
            "their loss became inf or NaN; they keep their last finite parameters; try a smaller learning rate",
            TrainingDiverged,
            stacklevel=2,
        )
    network_first = []  # (Tw, n_params, N) -> per layer (N, Tw, ...), views
    for start, stop, shape in layout if weights_every else []:
        rows = p_hist[:, start:stop].reshape((len(weight_steps),) + shape + (n,))
        network_first.append(np.moveaxis(rows, -1, 0))
    return EnsembleHistory(
        iterations=steps,
        loss=loss_hist.T,
        max_error=error_hist.T,
        weight_iterations=weight_steps,
        weights=network_first[:n_w],
        biases=network_first[n_w:],
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
            check_history_size(iterations, every, floats, name=name)
        except ValueError as exc:
            hint = "; or weights_every=0 to keep only the losses" if name == "weights_every" else ""
            raise ValueError(f"{exc} (for {n} networks){hint}") from None
