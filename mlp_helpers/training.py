"""Full-batch gradient descent with a recorded history of parameters and loss."""

import warnings

import numpy as np

from .history import History, check_history, check_history_size, recorded_steps
from .losses import check_loss, loss_value
from .network import backpropagate, check_network, feedforward
from .validation import all_finite, as_count, as_flag, as_real

__all__ = ["History", "TrainingDiverged", "check_history", "check_history_size", "recorded_steps", "train"]


class TrainingDiverged(RuntimeWarning):
    """Warned when the loss or a parameter becomes inf or NaN during ``train`` or ``train_many``."""


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
    X, Y = net.check_data(X, Y)
    check_loss(loss, net.activation[-1], Y)
    lr, iterations = as_real("lr", lr, positive=True), as_count("iterations", iterations)
    record_every = as_count("record_every", record_every, minimum=1)
    update_biases = net.bias and as_flag("train_biases", train_biases)
    check_history_size(iterations, record_every, 2 + sum(p.size for p in net.weights + net.biases))
    start = (net.weights, net.biases)  # never changed in place: each step makes new arrays
    with np.errstate(over="ignore", invalid="ignore"):
        # A parameter that is inf or NaN stays so at every later step (inf - x is inf or NaN),
        # so one look at the parameters kept at the end tells whether one overflowed on the way;
        # only then is the run made again, looking at them after every step, to find where.
        history, step, value = _descend(net, X, Y, lr, iterations, loss, update_biases, record_every, False)
        if not all_finite(net.weights + net.biases):
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
    parameters of step t - 1; its history lacks the last step, which is always recorded.
    """
    steps = recorded_steps(iterations, record_every)
    hist = [np.empty((len(steps),) + np.shape(p)) for p in [0.0] + net.weights + net.biases]  # loss, parameters
    row, previous = 0, (net.weights, net.biases)
    for step in range(iterations + 1):
        activations = feedforward(net, X)
        value = loss_value(loss, activations[-1], Y)
        if not np.isfinite(value) or (check_parameters and not all_finite(net.weights + net.biases)):
            net.weights, net.biases = previous  # at step 0, the start itself
            break
        if step == steps[row]:
            for recorded, h in zip([value] + net.weights + net.biases, hist):
                h[row] = recorded
            row += 1
        if step == iterations:
            break
        dW, db = backpropagate(net, activations, Y, loss)
        previous = (net.weights, net.biases)
        net.weights = [W - lr * g for W, g in zip(net.weights, dW)]
        net.biases = [b - lr * g for b, g in zip(net.biases, db)] if update_biases else net.biases
    rows, n_w = [h[:row] for h in hist], net.n_layers
    return History(steps[:row], rows[0], rows[1:n_w + 1], rows[n_w + 1:], row < len(steps)), step, value
