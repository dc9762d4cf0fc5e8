"""Full-batch gradient descent with a recorded history of parameters and loss."""

import warnings

import numpy as np

from .history import History, check_history, check_history_size, recorded_steps
from .losses import check_loss_name, loss_value
from .network import backpropagate, check_network, feedforward
from .validation import as_count, as_flag, as_real

__all__ = ["History", "TrainingDiverged", "check_history", "check_history_size", "recorded_steps", "train"]


class TrainingDiverged(RuntimeWarning):
    """Warned when the loss or a parameter becomes inf or NaN during ``train`` or ``train_many``."""


def _all_finite(net):
    return all(np.isfinite(p).all() for p in net.weights + net.biases)


def train(net, X, Y, lr, iterations, loss="sse", train_biases=True, record_every=1):
    """Run ``iterations`` steps of full-batch gradient descent on ``net`` in place.

    X: (m, sizes[0]); Y: (m, sizes[-1]); lr > 0; loss: a name from ``mlp_helpers.losses``.
    train_biases: False keeps the biases fixed (only the weights learn).
    record_every: record steps 0, k, 2k, ... and always the last step.
    Each step replaces ``net.weights[l]`` by a new array ``W - lr * dW``.

    Returns a ``History``. If the loss or a parameter becomes inf or NaN at step t (a weight
    can overflow while a saturated sigmoid keeps the loss finite), training stops there,
    a ``TrainingDiverged`` warning says so once, ``net`` keeps the parameters of step
    t - 1 and the history keeps only the finite rows before t.
    """
    check_network(net)
    check_loss_name(loss)
    X, Y = net.check_data(X, Y)
    lr = as_real("lr", lr, positive=True)
    iterations = as_count("iterations", iterations)
    record_every = as_count("record_every", record_every, minimum=1)
    update_biases = net.bias and as_flag("train_biases", train_biases)
    check_history_size(iterations, record_every, 2 + sum(p.size for p in net.weights + net.biases))
    start = (net.weights, net.biases)  # never changed in place: each step makes new arrays
    with np.errstate(over="ignore", invalid="ignore"):
        # A parameter that is inf or NaN stays so at every later step (inf - x is inf or NaN),
        # so one look at the parameters kept at the end tells whether one overflowed on the way;
        # only then is the run made again, looking at them after every step, to find where.
        history, step, value = _descend(net, X, Y, lr, iterations, loss, update_biases, record_every, False)
        if not _all_finite(net):
            net.weights, net.biases = start
            history, step, value = _descend(net, X, Y, lr, iterations, loss, update_biases, record_every, True)
    if history.diverged and step == 0:
        raise ValueError(f"the loss is {value} before any step: X, Y or the network's weights are too large")
    if history.diverged:
        what = f"the loss became {value}" if not np.isfinite(value) else "a parameter overflowed to inf or NaN"
        warnings.warn(f"diverged at step {step}: {what}; try a smaller learning rate", TrainingDiverged, stacklevel=2)
    return history


def _descend(net, X, Y, lr, iterations, loss, update_biases, record_every, check_parameters):
    """The steps of ``train`` on checked arguments: (History, last step reached, its loss).

    check_parameters: stop at the first step whose parameters are not all finite (else only a
    loss that is not finite stops the run). A run that stops at step t leaves ``net`` with the
    parameters of step t - 1.
    """
    steps = recorded_steps(iterations, record_every)
    losses = np.empty(len(steps))
    w_hist = [np.empty((len(steps),) + W.shape) for W in net.weights]
    b_hist = [np.empty((len(steps),) + b.shape) for b in net.biases]
    row, diverged, previous = 0, False, None
    for step in range(iterations + 1):
        activations = feedforward(net, X)
        value = loss_value(loss, activations[-1], Y)
        if not np.isfinite(value) or (check_parameters and not _all_finite(net)):
            diverged = True
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
    if diverged and previous is not None:
        net.weights, net.biases = previous
    history = History(steps[:row], losses[:row], [h[:row] for h in w_hist], [h[:row] for h in b_hist], diverged)
    return history, step, value
