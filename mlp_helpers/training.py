"""Full-batch gradient descent with a recorded history of parameters and loss."""

import warnings
from dataclasses import dataclass, field

import numpy as np

from .losses import check_loss_name, loss_value
from .network import check_network
from .validation import as_count, as_real


class TrainingDiverged(RuntimeWarning):
    """Warned when the loss becomes inf or NaN during ``train``."""


@dataclass
class History:
    """What ``train`` recorded, one row per recorded step (T rows).

    iterations: (T,) step numbers (0 = before the first update).
    loss: (T,) loss at those steps.
    weights: per layer, (T, sizes[l], sizes[l+1]).
    biases: per layer, (T, sizes[l+1]); empty for a network without biases.
    diverged: True when training stopped because the loss became inf or NaN.
    """

    iterations: np.ndarray
    loss: np.ndarray
    weights: list
    biases: list = field(default_factory=list)
    diverged: bool = False

    def __len__(self):
        return len(self.iterations)


def train(net, X, Y, lr, iterations, loss="sse", train_biases=True, record_every=1):
    """Run ``iterations`` steps of full-batch gradient descent on ``net`` in place.

    X: (m, sizes[0]); Y: (m, sizes[-1]); lr > 0; loss: a name from ``mlp_helpers.losses``.
    train_biases: False keeps the biases fixed (only the weights learn).
    record_every: record steps 0, k, 2k, ... and always the last step.
    Each step replaces ``net.weights[l]`` by a new array ``W - lr * dW``.

    Returns a ``History``. If the loss becomes inf or NaN at step t, training stops there,
    a ``TrainingDiverged`` warning says so once, ``net`` keeps the parameters of step
    t - 1 and the history keeps only the finite rows before t.
    """
    check_network(net)
    check_loss_name(loss)
    X, Y = net.check_data(X, Y)
    lr = as_real("lr", lr, positive=True)
    iterations = as_count("iterations", iterations)
    record_every = as_count("record_every", record_every, minimum=1)
    recorded = sorted(set(range(0, iterations + 1, record_every)) | {iterations})
    T = len(recorded)
    steps = np.array(recorded)
    losses = np.empty(T)
    w_hist = [np.empty((T,) + W.shape) for W in net.weights]
    b_hist = [np.empty((T,) + b.shape) for b in net.biases]
    update_biases = net.bias and train_biases

    row = 0
    diverged = False
    previous = (net.weights, net.biases)
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(iterations + 1):
            activations = net._forward(X)
            value = loss_value(loss, activations[-1], Y)
            if not np.isfinite(value):
                diverged = True
                break
            if step == recorded[row]:
                losses[row] = value
                for W, hist in zip(net.weights, w_hist):
                    hist[row] = W
                for b, hist in zip(net.biases, b_hist):
                    hist[row] = b
                row += 1
            if step == iterations:
                break
            dW, db = net._backward(activations, Y, loss)
            previous = (net.weights, net.biases)
            net.weights = [W - lr * g for W, g in zip(net.weights, dW)]
            if update_biases:
                net.biases = [b - lr * g for b, g in zip(net.biases, db)]
    if diverged:
        net.weights, net.biases = previous
        warnings.warn(
            f"diverged at step {step}: the loss became {value}; try a smaller learning rate",
            TrainingDiverged,
            stacklevel=2,
        )
    return History(
        iterations=steps[:row],
        loss=losses[:row],
        weights=[h[:row] for h in w_hist],
        biases=[h[:row] for h in b_hist],
        diverged=diverged,
    )
