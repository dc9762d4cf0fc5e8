"""The multilayer perceptron: parameters, forward pass and chain-rule gradients.

Conventions (the same as the tied-units question's, rows are observations)::

    a[0] = X                                   X: (m, sizes[0])
    a[l+1] = f_l(a[l] @ weights[l] + biases[l])
    weights[l]: (sizes[l], sizes[l+1])  row = from-unit, column = to-unit
    biases[l]:  (sizes[l+1],)

``forward`` returns the cache ``[X, a1, ..., aL]`` and ``backward`` turns it into the
gradients, as Nielsen's ``backprop`` and cs231n's ``forward -> cache -> backward`` do.
"""

import copy

import numpy as np

from .activations import ACTIVATIONS, activate, slope
from .losses import check_loss, output_delta
from .validation import as_activations, as_cache, as_count, as_flag, as_layers, as_observations, as_real, as_sizes


class MLP:
    """A fully connected network with one activation per weight layer.

    sizes: layer widths, inputs first, e.g. ``[2, 3, 3, 2]``.
    activation: ``"sigmoid"``, ``"tanh"``, ``"relu"`` or ``"linear"`` for every layer, or a
        list with one name per weight layer (``len(sizes) - 1`` names).
    bias: whether each layer adds a bias vector; ``biases`` is empty when False.

    A new network starts from ``init_random(seed=0)``.
    """

    def __init__(self, sizes, activation="sigmoid", bias=True):
        self.sizes = as_sizes("sizes", sizes)
        self.activation = as_activations("activation", activation, self.n_layers, ACTIVATIONS)
        self.bias = as_flag("bias", bias)
        self.weights = [np.zeros(shape) for shape in self.weight_shapes]
        self.biases = [np.zeros(n_out) for n_out in self.sizes[1:]] if self.bias else []
        self.init_random(seed=0)

    @property
    def weight_shapes(self):
        """Shapes ``(sizes[l], sizes[l+1])`` of each weight matrix."""
        return list(zip(self.sizes[:-1], self.sizes[1:]))

    @property
    def bias_shapes(self):
        """Shapes ``(sizes[l+1],)`` of each bias vector; none without biases."""
        return [(n_out,) for n_out in self.sizes[1:]] if self.bias else []

    @property
    def n_layers(self):
        """Number of weight layers, ``len(sizes) - 1``."""
        return len(self.sizes) - 1

    def __repr__(self):
        return f"MLP(sizes={self.sizes}, activation={self.activation}, bias={self.bias})"

    # -- parameters ------------------------------------------------------------------
    def init_constant(self, value=1.0):
        """Set every weight and bias to ``value`` (the tied-units question uses 1). Returns the network."""
        value = as_real("value", value)
        self.weights = [np.full(shape, value) for shape in self.weight_shapes]
        self.biases = [np.full(shape, value) for shape in self.bias_shapes]
        return self

    def init_random(self, seed=0, scale=None):
        """Draw every weight and bias from a normal distribution. Returns the network.

        weights[l] ~ N(0, s^2) and biases[l] ~ N(0, s^2), with s = ``scale``, or
        s = 1 / sqrt(sizes[l]) (LeCun's scaling) when ``scale`` is None. The same
        ``seed`` always gives the same numbers (numpy's ``default_rng``).
        """
        rng = np.random.default_rng(as_count("seed", seed))
        if scale is not None and as_real("scale", scale) < 0:
            raise ValueError(f"scale must be at least 0, got {scale!r}")
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
        new_weights = as_layers("weights", weights, self.weight_shapes)
        if biases is not None:
            if not self.bias and not (isinstance(biases, (list, tuple)) and len(biases) == 0):
                raise ValueError(f"biases must be None or empty: this network has bias=False, got {biases!r}")
            self.biases = as_layers("biases", biases, self.bias_shapes)
        self.weights = new_weights
        return self

    def check_params(self):
        """Raise a clear error if ``weights``/``biases`` were assigned with a wrong shape, type or NaN."""
        as_layers("net.weights", self.weights, self.weight_shapes, assigned=True)
        as_layers("net.biases", self.biases, self.bias_shapes, assigned=True)
        return self

    def copy(self):
        """An independent network with the same architecture and parameters."""
        return copy.deepcopy(self)

    # -- forward and backward ----------------------------------------------------------
    def check_data(self, X, Y=None):
        """Validate ``X`` (m, sizes[0]) and optionally ``Y`` (m, sizes[-1]); returns float64 arrays."""
        X = as_observations("X", X, self.sizes[0])
        return X if Y is None else (X, as_observations("Y", Y, self.sizes[-1], rows=X.shape[0]))

    def forward(self, X):
        """Forward pass. X: (m, sizes[0]). Returns the cache ``[X, a1, ..., aL]``, a_l: (m, sizes[l])."""
        return self._cache(self.check_data(X))

    def _cache(self, X):
        # for checked X: the parameters checked, overflow turned into a clear error
        with np.errstate(over="ignore", invalid="ignore"):
            return checked_outputs(feedforward(self.check_params(), X))

    def backward(self, activations, Y, loss="sse"):
        """Backpropagation from the cache ``activations`` that ``forward`` returned.

        Y: (m, sizes[-1]); loss: a name from ``mlp_helpers.losses``.
        Returns ``(dW, db)`` shaped like ``weights`` and ``biases``.
        """
        activations = as_cache("activations", activations, self.sizes)
        Y = as_observations("Y", Y, self.sizes[-1], rows=activations[0].shape[0])
        return backpropagate(self.check_params(), activations, Y, check_loss(loss, self.activation[-1], Y))

    def predict(self, X):
        """Network output ``aL``, shape (m, sizes[-1])."""
        return self.forward(X)[-1]

    def gradients(self, X, Y, loss="sse"):
        """Exact gradient of the total ``loss`` over all observations: ``backward(forward(X), Y, loss)``.

        X: (m, sizes[0]); Y: (m, sizes[-1]); loss: a name from ``mlp_helpers.losses``.
        Returns ``(dW, db)`` shaped like ``weights`` and ``biases``.
        """
        X, Y = self.check_data(X, Y)
        return backpropagate(self, self._cache(X), Y, check_loss(loss, self.activation[-1], Y))


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
    delta = output_delta(loss, net.activation[-1], activations[-1], Y)
    for l in range(net.n_layers - 1, -1, -1):
        dW[l] = activations[l].T @ delta
        if net.bias:
            db[l] = delta.sum(axis=0)
        if l > 0:
            delta = (delta @ net.weights[l].T) * slope(net.activation[l - 1], activations[l])
    return dW, db


def checked_outputs(activations):
    """``activations`` unchanged, or a ValueError when a value overflowed to inf or NaN."""
    if not np.isfinite(activations[-1]).all():
        raise ValueError("the network's output overflowed to inf or NaN: X or the weights are too large")
    return activations


def check_network(net):
    """Return ``net`` if it is an ``MLP`` with valid parameters; else a TypeError/ValueError naming ``net``."""
    if not isinstance(net, MLP):
        raise TypeError(f"net must be an MLP (mlp_helpers.MLP), got {type(net).__name__}")
    return net.check_params()
