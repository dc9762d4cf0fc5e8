"""The multilayer perceptron: parameters, forward pass and chain-rule gradients.

Conventions (the same as seed 001, rows are observations)::

    a[0] = X                                   X: (m, sizes[0])
    a[l+1] = f_l(a[l] @ weights[l] + biases[l])
    weights[l]: (sizes[l], sizes[l+1])  row = from-unit, column = to-unit
    biases[l]:  (sizes[l+1],)
"""

from numbers import Real

import numpy as np

from .activations import ACTIVATIONS, activate, slope
from .losses import check_loss_name, loss_gradient
from .validation import as_count, as_observations, as_real, as_shaped


def _check_sizes(sizes):
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(f"sizes must be a list of layer widths such as [2, 3, 3, 2], got {sizes!r}")
    if len(sizes) < 2:
        raise ValueError(f"sizes must list at least two layers (inputs and outputs), got {list(sizes)!r}")
    return [as_count(f"sizes[{i}]", width, minimum=1) for i, width in enumerate(sizes)]


def check_activation(activation, n_layers):
    """One activation name per weight layer, from a single name or a list of ``n_layers`` names."""
    if isinstance(activation, str):
        activation = [activation] * n_layers
    elif isinstance(activation, (list, tuple)):
        if len(activation) != n_layers:
            raise ValueError(
                f"activation must name one function per weight layer ({n_layers}), "
                f"got {len(activation)}: {list(activation)!r}"
            )
    else:
        raise TypeError(f"activation must be a name or a list of names, got {activation!r}")
    for name in activation:
        if not isinstance(name, str) or name not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, got {name!r}")
    return list(activation)


class MLP:
    """A fully connected network with one activation per weight layer.

    sizes: layer widths, inputs first, e.g. ``[2, 3, 3, 2]``.
    activation: ``"sigmoid"`` or ``"linear"`` for every layer, or a list with one name
        per weight layer (``len(sizes) - 1`` names).
    bias: whether each layer adds a bias vector; ``biases`` is empty when False.

    A new network starts from ``init_random(seed=0)``.
    """

    def __init__(self, sizes, activation="sigmoid", bias=True):
        self.sizes = _check_sizes(sizes)
        self.activation = check_activation(activation, len(self.sizes) - 1)
        if not isinstance(bias, (bool, np.bool_)):
            raise TypeError(f"bias must be True or False, got {bias!r}")
        self.bias = bool(bias)
        self.weights = [np.zeros(shape) for shape in self.weight_shapes]
        self.biases = [np.zeros(n_out) for n_out in self.sizes[1:]] if self.bias else []
        self.init_random(seed=0)

    @property
    def weight_shapes(self):
        """Shapes ``(sizes[l], sizes[l+1])`` of each weight matrix."""
        return [(n_in, n_out) for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:])]

    @property
    def n_layers(self):
        """Number of weight layers, ``len(sizes) - 1``."""
        return len(self.sizes) - 1

    def __repr__(self):
        return f"MLP(sizes={self.sizes}, activation={self.activation}, bias={self.bias})"

    # -- parameters ------------------------------------------------------------------
    def init_constant(self, value=1.0):
        """Set every weight and bias to ``value`` (seed 001 uses 1). Returns the network."""
        value = as_real("value", value)
        for W in self.weights:
            W.fill(value)
        for b in self.biases:
            b.fill(value)
        return self

    def init_random(self, seed=0, scale=None):
        """Draw every weight and bias from a normal distribution. Returns the network.

        weights[l] ~ N(0, s^2) and biases[l] ~ N(0, s^2), with s = ``scale``, or
        s = 1 / sqrt(sizes[l]) (LeCun's scaling) when ``scale`` is None. The same
        ``seed`` always gives the same numbers (numpy's ``default_rng``).
        """
        seed = as_count("seed", seed)
        if scale is not None:
            scale = as_real("scale", scale)
            if scale < 0:
                raise ValueError(f"scale must be at least 0, got {scale!r}")
        rng = np.random.default_rng(seed)
        for l, (n_in, n_out) in enumerate(self.weight_shapes):
            s = 1.0 / np.sqrt(n_in) if scale is None else scale
            self.weights[l] = rng.normal(0.0, s, size=(n_in, n_out))
            if self.bias:
                self.biases[l] = rng.normal(0.0, s, size=n_out)
        return self

    def set_params(self, weights, biases=None):
        """Copy in new parameters. Returns the network.

        weights: list of ``n_layers`` arrays, ``weights[l]`` of shape (sizes[l], sizes[l+1]).
        biases: list of ``n_layers`` arrays of shape (sizes[l+1],); None keeps the current
            biases. Must be None or empty for a network built with ``bias=False``.
        """
        new_weights = self._check_layers("weights", weights, self.weight_shapes)
        new_biases = self.biases
        if biases is not None:
            if not self.bias:
                if len(biases) != 0:
                    raise ValueError("biases must be None or empty: this network has bias=False")
            else:
                new_biases = self._check_layers("biases", biases, [(n,) for n in self.sizes[1:]])
        self.weights = new_weights
        self.biases = [b.copy() for b in new_biases]
        return self

    def _check_layers(self, name, arrays, shapes):
        if isinstance(arrays, np.ndarray) or not isinstance(arrays, (list, tuple)):
            raise TypeError(f"{name} must be a list with one array per layer ({len(shapes)})")
        if len(arrays) != len(shapes):
            raise ValueError(f"{name} must hold {len(shapes)} arrays, one per layer, got {len(arrays)}")
        return [as_shaped(f"{name}[{l}]", a, shape).copy() for l, (a, shape) in enumerate(zip(arrays, shapes))]

    def copy(self):
        """An independent network with the same architecture and parameters."""
        twin = MLP.__new__(MLP)
        twin.sizes = list(self.sizes)
        twin.activation = list(self.activation)
        twin.bias = self.bias
        twin.weights = [W.copy() for W in self.weights]
        twin.biases = [b.copy() for b in self.biases]
        return twin

    # -- forward and backward ----------------------------------------------------------
    def check_data(self, X, Y=None):
        """Validate ``X`` (m, sizes[0]) and optionally ``Y`` (m, sizes[-1]); returns float64 arrays."""
        X = as_observations("X", X, self.sizes[0])
        if Y is None:
            return X
        return X, as_observations("Y", Y, self.sizes[-1], rows=X.shape[0])

    def forward(self, X):
        """Forward pass. X: (m, sizes[0]). Returns the cache ``[X, a1, ..., aL]``, a_l: (m, sizes[l])."""
        return feedforward(self, self.check_data(X))

    def backward(self, activations, Y, loss="sse"):
        """Backpropagation from the cache ``activations`` that ``forward`` returned.

        Y: (m, sizes[-1]); loss: a name from ``mlp_helpers.losses``.
        Returns ``(dW, db)`` shaped like ``weights`` and ``biases``.
        """
        check_loss_name(loss)
        if not isinstance(activations, list) or len(activations) != len(self.sizes):
            raise TypeError(f"activations must be the list [X, a1, ..., aL] that forward returns ({len(self.sizes)} arrays)")
        for l, a in enumerate(activations):
            if not isinstance(a, np.ndarray) or a.ndim != 2 or a.shape[1] != self.sizes[l]:
                raise ValueError(f"activations[{l}] must be an array of shape (m, {self.sizes[l]}), as forward returns")
        Y = as_observations("Y", Y, self.sizes[-1], rows=activations[0].shape[0])
        return backpropagate(self, activations, Y, loss)

    def predict(self, X):
        """Network output ``aL``, shape (m, sizes[-1])."""
        return self.forward(X)[-1]

    def gradients(self, X, Y, loss="sse"):
        """Exact gradient of the total ``loss`` over all observations: ``backward(forward(X), Y, loss)``.

        X: (m, sizes[0]); Y: (m, sizes[-1]); loss: a name from ``mlp_helpers.losses``.
        Returns ``(dW, db)`` shaped like ``weights`` and ``biases``.
        """
        check_loss_name(loss)
        X, Y = self.check_data(X, Y)
        return backpropagate(self, feedforward(self, X), Y, loss)


def feedforward(net, X):
    """``net.forward`` without the argument checks, for loops over already-checked X: (m, sizes[0])."""
    activations = [X]
    for l, W in enumerate(net.weights):
        z = activations[-1] @ W
        if net.bias:
            z += net.biases[l]
        activations.append(activate(net.activation[l], z))
    return activations


def backpropagate(net, activations, Y, loss):
    """``net.backward`` without the argument checks; no second forward pass.

    delta_l = dLoss/dz_l, shape (m, sizes[l+1]); dW_l = a_l^T delta_l sums the
    contributions of every observation.
    """
    dW = [None] * net.n_layers
    db = [None] * net.n_layers if net.bias else []
    delta = loss_gradient(loss, activations[-1], Y) * slope(net.activation[-1], activations[-1])
    for l in range(net.n_layers - 1, -1, -1):
        dW[l] = activations[l].T @ delta
        if net.bias:
            db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ net.weights[l].T) * slope(net.activation[l - 1], activations[l])
    return dW, db


def check_network(net):
    """Return ``net`` if it is an ``MLP``; otherwise a TypeError naming the argument ``net``."""
    if not isinstance(net, MLP):
        raise TypeError(f"net must be an MLP (mlp_helpers.MLP), got {type(net).__name__}")
    return net
