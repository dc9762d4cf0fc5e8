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
from .history import MEMORY_BUDGET_BYTES
from .training import TrainingDiverged, recorded_steps
from .validation import as_count, as_flag, as_float_array, as_observations, as_real

try:  # np.einsum without its Python dispatch: the same C function, so the same numbers
    from numpy._core.multiarray import c_einsum as einsum
except ImportError:  # pragma: no cover - another numpy layout
    einsum = np.einsum
# Why: a step of a few networks is about 50 numpy calls on tiny arrays, and np.einsum's wrapper
# is 0.7 us of each 2 us einsum, a tenth of such a step (notebook 05's 15000-step runs).


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
    """A non-empty list of distinct ``MLP`` objects of one architecture; errors name ``nets``.

    Only the list and the architectures are checked here, network by network (a comparison
    each); the parameters of all the networks are checked at once by ``stacked_parameters``.
    """
    if isinstance(nets, MLP) or not isinstance(nets, (list, tuple)):
        raise TypeError(f"nets must be a list of MLP networks, got {type(nets).__name__}; for one network use train")
    if len(nets) == 0:
        raise ValueError("nets must hold at least one network, got an empty list")
    first = nets[0]
    for i, net in enumerate(nets):
        if not isinstance(net, MLP):
            raise TypeError(f"nets[{i}] must be an MLP (mlp_helpers.MLP), got {type(net).__name__}")
    architecture = (first.sizes, first.activation, first.bias)
    for i, net in enumerate(nets):
        if (net.sizes, net.activation, net.bias) != architecture:
            raise ValueError(
                f"nets must share one architecture (sizes, activation, bias): nets[0] is {first!r}, "
                f"nets[{i}] is {net!r}"
            )
    if len(set(map(id, nets))) != len(nets):
        seen = {}
        for i, net in enumerate(nets):
            if id(net) in seen:
                raise ValueError(
                    f"nets[{i}] is the same network as nets[{seen[id(net)]}]: each is trained in place, "
                    "so pass a copy (net.copy()) to train two from one start"
                )
            seen[id(net)] = i
    return list(nets)


def stacked_parameters(nets):
    """Every parameter of the checked ``nets`` (one architecture) as one (n_params, N) array.

    Row order: the weights of every layer, then the biases, each layer in C order (``_layout``).
    The parameters of all N networks are checked together (float64 arrays of the right shapes,
    all finite); only when that check fails is each network checked alone, so that the error
    names the first bad one (``nets[i]: net.weights[0] ...``).
    """
    first = nets[0]
    shapes = first.weight_shapes + first.bias_shapes
    n_w = first.n_layers
    try:
        layers = [[net.weights[l] for net in nets] for l in range(n_w)]
        layers += [[net.biases[l] for net in nets] for l in range(len(shapes) - n_w)]
        counts_right = all(len(net.weights) == n_w and len(net.biases) == len(shapes) - n_w for net in nets)
        plain = counts_right and all(type(p) is np.ndarray and p.dtype == np.float64 for layer in layers for p in layer)
        stacked = [np.array(layer) for layer in layers] if plain else []
        plain = plain and all(s.dtype == np.float64 and s.shape == (len(nets),) + tuple(shape)
                              for s, shape in zip(stacked, shapes))
    except (TypeError, ValueError, IndexError, AttributeError):  # lists or arrays of other shapes
        plain = False
    if not plain:
        _first_bad_network(nets)  # raises for the network at fault
        # all valid after all (arrays of a subclass of ndarray, say): one network at a time
        return np.array([np.concatenate([np.ravel(p) for p in net.weights + net.biases]) for net in nets]).T.copy()
    params = np.concatenate([s.reshape(len(nets), -1) for s in stacked], axis=1).T.copy()
    with np.errstate(over="ignore", invalid="ignore"):  # a sum of finite parameters may overflow
        if not np.isfinite(params.sum(axis=0)).all() and not np.isfinite(params).all():
            _first_bad_network(nets)
    return params


def _first_bad_network(nets):
    """Check each network alone; re-raise the first error, naming its network ``nets[i]``."""
    for i, net in enumerate(nets):
        try:
            check_network(net)  # parameters assigned by hand: right shapes, float arrays, finite
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"nets[{i}]: {exc}") from None


def check_rates(lr, n):
    """A positive float, or an (n,) array of positive rates, one per network.

    A 0-d array counts as one number; True and False are not rates, alone or in a list.
    """
    if isinstance(lr, np.ndarray) and lr.ndim == 0:
        lr = lr[()]
    if isinstance(lr, (list, tuple, np.ndarray)):
        flags = lr.dtype == bool if isinstance(lr, np.ndarray) else any(isinstance(r, (bool, np.bool_)) for r in lr)
        if flags:
            raise TypeError("lr must be one number or one number per network, got True or False in it; write the rates as numbers")
        rates = as_float_array("lr", lr)
        if rates.shape != (n,):
            raise ValueError(f"lr must be one number or one number per network ({n}), got shape {rates.shape}")
        if np.any(rates <= 0):
            index = int(np.argmax(rates <= 0))
            raise ValueError(f"lr must be greater than 0 for every network, got {float(rates[index])!r} at index {index}")
        return rates
    return as_real("lr", lr, positive=True)


#: Up to this many observations, X^T delta of the first layer is one BLAS product (as ``train``
#: computes it, so both give the same numbers); above, einsum, which is much faster there.
BLAS_OBSERVATIONS = 64


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
            z = einsum("mkn,kjn->mjn", a, W)
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
            if m <= BLAS_OBSERVATIONS:
                np.matmul(activations[0].T, delta.reshape(m, -1), out=dW[0].reshape(dW[0].shape[0], -1))
            else:  # X^T delta: a BLAS product this long and thin is slow (0.4 s for 20000 x 2 x 150 on 2 cores)
                einsum("mi,mj->ij", activations[0], delta.reshape(m, -1), out=dW[0].reshape(dW[0].shape[0], -1))
        else:
            einsum("mkn,mjn->kjn", activations[l], delta, out=dW[l])
        if db:
            delta.sum(axis=0, out=db[l])
        if l > 0:
            delta = einsum("mjn,kjn->mkn", delta, weights[l]) * slope(activation[l - 1], activations[l])


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


def forward_many(nets, X):
    """The forward pass of every network of the list ``nets`` (one architecture) on ``X``
    (m, sizes[0]), the networks side by side as in ``train_many``: [X, a1, ..., aL], a_l of shape
    (m, sizes[l], N)."""
    nets = check_nets(nets)
    first = nets[0]
    X = as_observations("X", X, first.sizes[0])
    layers = _layers(stacked_parameters(nets), _layout(first.weight_shapes + first.bias_shapes))
    with np.errstate(over="ignore"):  # the sigmoid's e^-z overflows to inf below z = -709: 1/inf = 0
        return _feedforward(layers[:first.n_layers], layers[first.n_layers:], first.activation, X)


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
    weights_every: the same for the parameters. None (default): only the start and the end
        (steps 0 and ``iterations``); 1 = every step (a trajectory per weight); 0 = never.
        Parameters are most of the memory: 1000 networks of the 2-3-3-2 question recorded at
        every one of 2000 steps need 443 MiB.

    Memory: the whole call (its histories, and the working arrays of the networks that train
    at once, which grow with the number of observations) stays within ``MEMORY_BUDGET_BYTES``
    (256 MiB). The networks train in groups small enough for it (the results are the same);
    a call whose histories alone do not fit is refused before training starts, with a
    ValueError that gives the figure and names the argument to change.

    Returns an ``EnsembleHistory``. A network whose loss or parameters become inf or NaN at
    step t stops alone: it keeps the parameters of step t - 1 (as ``train`` does) and its
    history rows from t on are NaN; one ``TrainingDiverged`` warning says how many stopped.
    """
    nets = check_nets(nets)
    first = nets[0]
    X, Y = first.check_data(X, Y)
    check_loss(loss, first.activation[-1], Y)
    n = len(nets)
    lr = check_rates(lr, n)
    iterations = as_count("iterations", iterations)
    record_every = as_count("record_every", record_every, minimum=1)
    weights_every = max(iterations, 1) if weights_every is None else as_count("weights_every", weights_every)
    train_biases = as_flag("train_biases", train_biases)
    layout = _layout(first.weight_shapes + first.bias_shapes)
    group = networks_at_once(first.sizes, first.bias, X.shape[0], n, iterations, record_every, weights_every)
    params = stacked_parameters(nets)  # (n_params, N): checked once for all

    steps = recorded_steps(iterations, record_every)
    weight_steps = recorded_steps(iterations, weights_every) if weights_every else np.array([], dtype=int)
    # histories are filled (T, ..., N) so that each recorded row is one contiguous write
    history = _Recording(steps, weight_steps, np.empty((len(steps), n)), np.empty((len(steps), n)),
                         np.empty((len(weight_steps), layout[-1][1], n)) if weights_every else None,
                         np.full(n, -1))
    descent = _Descent(first, layout, X, Y, loss, first.bias and train_biases, iterations)
    with np.errstate(over="ignore", invalid="ignore"):
        for begin in range(0, n, group):  # the same computation for each group of networks
            columns = slice(begin, min(begin + group, n))
            rates = lr if np.isscalar(lr) else lr[columns]
            start, part = np.ascontiguousarray(params[:, columns]), history.part(columns)
            final = descent.run(start.copy(), rates, part, check_parameters=False)
            # a parameter that is inf or NaN stays so (inf - x is inf or NaN): the final ones tell
            # whether one overflowed on the way; only then is the group trained again, looking at
            # its parameters after every step to find where
            if not np.isfinite(final).all():
                part.diverged_at[:] = -1
                final = descent.run(start, rates, part, check_parameters=True)
            params[:, columns] = final
    _assign(nets, params, layout)
    return history.finish(n, layout, first.n_layers)


def _assign(nets, params, layout):
    """Give each network its column of ``params`` (n_params, N): one (N, ...) block per layer."""
    n_w, n = nets[0].n_layers, len(nets)
    blocks = [params[start:stop].T.reshape((n,) + shape) for start, stop, shape in layout]  # copies
    for i, net in enumerate(nets):
        net.weights = [block[i] for block in blocks[:n_w]]
        net.biases = [block[i] for block in blocks[n_w:]]


@dataclass
class _Recording:
    """The histories ``train_many`` fills, (T, N) and (Tw, n_params, N); ``part`` is a group's view.

    diverged_at: (N,) the step at which each network diverged, -1 for none.
    """

    steps: np.ndarray
    weight_steps: np.ndarray
    loss: np.ndarray
    max_error: np.ndarray
    params: object
    diverged_at: np.ndarray
    offset: int = 0  # index of the first network of a group's part

    def part(self, columns):
        params = None if self.params is None else self.params[:, :, columns]
        return _Recording(self.steps, self.weight_steps, self.loss[:, columns], self.max_error[:, columns],
                          params, self.diverged_at[columns], columns.start)

    def finish(self, n, layout, n_w):
        diverged_at = self.diverged_at
        diverged = diverged_at >= 0
        if diverged.any():
            for i in np.nonzero(diverged)[0]:
                for hist in (self.loss, self.max_error):
                    hist[self.steps >= diverged_at[i], i] = np.nan
                if self.params is not None:
                    self.params[self.weight_steps >= diverged_at[i], :, i] = np.nan
            warnings.warn(
                f"{int(diverged.sum())} of {n} networks diverged (the first at step {int(diverged_at[diverged].min())}): "
                "their loss or parameters became inf or NaN; they keep their last finite parameters; "
                "try a smaller learning rate",
                TrainingDiverged,
                stacklevel=3,
            )
        network_first = []  # (Tw, n_params, N) -> per layer (N, Tw, ...), views
        for start, stop, shape in layout if self.params is not None else []:
            rows = self.params[:, start:stop].reshape((len(self.weight_steps),) + shape + (n,))
            network_first.append(np.moveaxis(rows, -1, 0))
        return EnsembleHistory(
            iterations=self.steps,
            loss=self.loss.T,
            max_error=self.max_error.T,
            weight_iterations=self.weight_steps,
            weights=network_first[:n_w],
            biases=network_first[n_w:],
            diverged=diverged,
            diverged_at=diverged_at,
        )


class _Descent:
    """Gradient descent of K networks of one architecture at once (``run``), on checked data."""

    def __init__(self, first, layout, X, Y, loss, update_biases, iterations):
        self.activation, self.n_w, self.layout = first.activation, first.n_layers, layout
        self.X, self.Y, self.loss = X, Y[:, :, None], loss
        self.update_biases, self.iterations = update_biases, iterations

    def run(self, params, lr, record, check_parameters):
        """Train the K networks whose parameters are the columns of ``params`` (n_params, K,
        overwritten); fill ``record`` (their columns of the histories). Returns their final
        parameters (a diverged network's: those of the step before). check_parameters: stop a
        network at the first step whose parameters are not all finite (else only its loss counts)."""
        n_w, layout, activation, X = self.n_w, self.layout, self.activation, self.X
        steps, weight_steps = record.steps, record.weight_steps
        final = np.empty_like(params)  # where each network's parameters end up
        alive = np.arange(params.shape[1])  # which network each of the K columns still training is
        spare = np.empty_like(params)  # the next step's parameters are written here: two buffers, swapped
        grad = np.zeros_like(params)  # without bias training its bias rows stay 0: b - lr * 0 is b exactly
        views = [_layers(params, layout), _layers(spare, layout), _layers(grad, layout)]
        previous = params
        row = weight_row = 0
        for step in range(self.iterations + 1):
            layers = views[0]
            activations = _feedforward(layers[:n_w], layers[n_w:], activation, X)
            errors = activations[-1] - self.Y
            value = loss_values(self.loss, activations[-1], self.Y)
            check = value
            if check_parameters:  # 0 * (column sum) is NaN when a parameter is inf or NaN (or, rarely,
                check = params.sum(axis=0)  # when finite ones overflow the sum: then checked one by one)
                check *= 0.0
                check += value
            if not np.isfinite(check).all():
                finite = np.isfinite(value) & (np.isfinite(params).all(axis=0) if check_parameters else True)
                if not finite.all():
                    if step == 0:  # as in train: no step was taken, so no learning rate is to blame
                        raise _infinite_start(value, finite, alive, record)
                    bad = ~finite  # as in train: the network keeps the parameters of the step before
                    record.diverged_at[alive[bad]] = step
                    final[:, alive[bad]] = previous[:, bad]
                    alive = alive[finite]
                    if alive.size == 0:
                        return final
                    params = np.ascontiguousarray(params[:, finite])  # its layers must stay views
                    spare, grad = np.empty_like(params), np.zeros_like(params)
                    views = [_layers(params, layout), _layers(spare, layout), _layers(grad, layout)]
                    layers = views[0]
                    activations = [activations[0]] + [a[..., finite] for a in activations[1:]]
                    errors, value = errors[..., finite], value[finite]
                    if not np.isscalar(lr):
                        lr = lr[finite]
            columns = slice(None) if alive.size == final.shape[1] else alive
            if step == steps[row]:
                record.loss[row, columns] = value
                record.max_error[row, columns] = np.abs(errors).max(axis=(0, 1))
                row += 1
            if weight_row < len(weight_steps) and step == weight_steps[weight_row]:
                record.params[weight_row][:, columns] = params
                weight_row += 1
            if step == self.iterations:
                break
            delta = output_delta(self.loss, activation[-1], activations[-1], self.Y)  # as in train, bit for bit
            g_layers = views[2]
            _backpropagate(layers[:n_w], activation, activations, delta,
                           g_layers[:n_w], g_layers[n_w:] if self.update_biases else [])
            np.multiply(grad, lr, out=grad)
            np.subtract(params, grad, out=spare)
            previous, params, spare = params, spare, params  # previous keeps step t until t + 1 is checked
            views[0], views[1] = views[1], views[0]
        final[:, alive] = params
        return final


def _infinite_start(value, finite, alive, record):
    """The error for a loss that is inf or NaN before any step (the parameters were checked)."""
    first_bad = int(np.argmax(~finite))
    return ValueError(f"the loss of nets[{record.offset + int(alive[first_bad])}] is {value[first_bad]} before any "
                      "step: X, Y or its weights are too large")


def networks_at_once(sizes, bias, m, n, iterations, record_every, weights_every):
    """How many of the ``n`` networks train at once within ``MEMORY_BUDGET_BYTES``.

    The call holds its histories and its networks' parameters for all ``n`` networks (fixed),
    and the working arrays of each network training (each grows with the ``m`` observations):
    K networks at once need fixed + K * working bytes. A call that does not fit with K = 1 is
    refused with a ValueError that names the argument to change.
    """
    fixed, working = call_bytes(sizes, bias, m, n, iterations, record_every, weights_every)
    if fixed + working <= MEMORY_BUDGET_BYTES:
        return int(min(n, (MEMORY_BUDGET_BYTES - fixed) // working))
    n_params = _n_params(sizes, bias)
    budget = f"the {MEMORY_BUDGET_BYTES / 2**20:.0f} MiB budget (MEMORY_BUDGET_BYTES)"
    need = f"{(fixed + working) / 2**20:,.0f} MiB"
    if call_bytes(sizes, bias, m, 1, 0, 1, 0)[0] + working > MEMORY_BUDGET_BYTES:  # not even one network
        raise ValueError(
            f"X has {m:,} observations: training one network on them needs {working / 2**20:,.0f} MiB of "
            f"working arrays, over {budget}; train on fewer observations (rows of X and Y)"
        )
    least_fixed, _ = call_bytes(sizes, bias, m, n, 0, 1, 0)  # the parameters and 2 rows of losses
    if least_fixed + working > MEMORY_BUDGET_BYTES:
        most = int((MEMORY_BUDGET_BYTES - working) // (least_fixed / n))
        raise ValueError(f"nets: {n:,} networks need {need}, over {budget}; "
                         f"train them in calls of at most {most:,} networks")
    losses_fixed, _ = call_bytes(sizes, bias, m, n, iterations, record_every, 0)
    if losses_fixed + working > MEMORY_BUDGET_BYTES:
        every = _smallest_every(iterations, MEMORY_BUDGET_BYTES - working - least_fixed, 8 * 2 * n)
        raise ValueError(
            f"recording every {record_every} of {iterations:,} steps for {n:,} networks would need {need}, over "
            f"{budget}; record fewer steps with a larger record_every (at least {every:,})"
        )
    every = _smallest_every(iterations, MEMORY_BUDGET_BYTES - working - losses_fixed, 8 * n_params * n)
    hint = f"a larger weights_every (at least {every:,}), or " if every else ""
    raise ValueError(
        f"recording the parameters every {weights_every} of {iterations:,} steps for {n:,} networks would need "
        f"{need}, over {budget}; record them with {hint}weights_every=0 to keep only the losses "
        "(the default weights_every=None keeps the start and the end)"
    )


def _smallest_every(iterations, spare_bytes, row_bytes):
    """The smallest k whose rows (at most iterations // k + 2) fit in ``spare_bytes``; 0 if none."""
    rows = int(spare_bytes // row_bytes)
    return -(-iterations // (rows - 2)) if rows > 2 else 0


def _n_params(sizes, bias):
    return sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + (sum(sizes[1:]) if bias else 0)


def call_bytes(sizes, bias, m, n, iterations, record_every, weights_every):
    """(fixed, working): the bytes ``train_many`` holds for ``n`` networks whatever their grouping
    (histories; the parameters stacked, grouped and handed back: 3 copies), and the bytes of
    one network's working arrays during a step over ``m`` observations: the parameters in 5
    buffers (its start kept) and 3 more while diverged networks are dropped; m numbers per unit
    for the activations, the errors and the cost's terms 3 times, the deltas of backpropagation
    and their slopes 4 times the widest layer. An upper bound: peaks measured with tracemalloc
    are 60 to 100% of it.
    """
    n_params = _n_params(sizes, bias)
    rows = iterations // record_every + 2
    weight_rows = iterations // weights_every + 2 if weights_every else 0
    fixed = 8 * n * (2 * rows + n_params * weight_rows + 3 * n_params)
    widths = sizes[1:]
    working = 8 * (8 * n_params + m * (sum(widths) + 3 * widths[-1] + 4 * max(widths)))
    return fixed, working


def max_recorded_steps(sizes, bias, m, n):
    """The most steps that ``train_many`` can record one by one (``record_every=1``,
    ``weights_every=0``) for ``n`` networks within ``MEMORY_BUDGET_BYTES``; -1 when none fit."""
    fixed, working = call_bytes(sizes, bias, m, n, 0, 1, 0)  # 2 rows per network at 0 steps
    return int((MEMORY_BUDGET_BYTES - working - fixed) // (8 * 2 * n)) - 1 if n else -1
