"""Full-batch gradient descent with a recorded history of parameters and loss."""

import warnings

import numpy as np

from .history import History, check_history, check_history_size, recorded_steps
from .losses import check_loss, loss_value
from .network import backpropagate, check_network, feedforward
from .validation import as_count, as_flag, as_real

__all__ = ["History", "TrainingDiverged", "check_history", "check_history_size", "recorded_steps", "train"]


class TrainingDiverged(RuntimeWarning):
    """Warned when the loss becomes inf or NaN during ``train``."""


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
    X, Y = net.check_data(X, Y)
    check_loss(loss, net.activation[-1], Y)
    lr = as_real("lr", lr, positive=True)
    iterations = as_count("iterations", iterations)
    record_every = as_count("record_every", record_every, minimum=1)
    update_biases = net.bias and as_flag("train_biases", train_biases)
    check_history_size(iterations, record_every, 2 + sum(p.size for p in net.weights + net.biases))
    steps = recorded_steps(iterations, record_every)
    losses = np.empty(len(steps))
    w_hist = [np.empty((len(steps),) + W.shape) for W in net.weights]
    b_hist = [np.empty((len(steps),) + b.shape) for b in net.biases]

    row = 0
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(iterations + 1):
            activations = feedforward(net, X)
            value = loss_value(loss, activations[-1], Y)
            if not np.isfinite(value):
                break
            if step == steps[row]:
                losses[row] = value
                for params, hist in zip(net.weights + net.biases, w_hist + b_hist):
                    hist[row] = params
                row += 1
            if step == iterations:
                break
            dW, db = backpropagate(net, activations, Y, loss)
            previous = (net.weights, net.biases)
            net.weights = [W - lr * g for W, g in zip(net.weights, dW)]
            if update_biases:
                net.biases = [b - lr * g for b, g in zip(net.biases, db)]
    diverged = not np.isfinite(value)
    if diverged and step == 0:
        raise ValueError(f"the loss is {value} before any step: X, Y or the network's weights are too large")
    if diverged:
        net.weights, net.biases = previous
        warnings.warn(f"diverged at step {step}: the loss became {value}; try a smaller learning rate",
                      TrainingDiverged, stacklevel=2)
    return History(steps[:row], losses[:row], [h[:row] for h in w_hist], [h[:row] for h in b_hist], diverged)
