"""Full-batch gradient descent with a recorded history of parameters and loss."""

import warnings
from dataclasses import dataclass, field

import numpy as np

from .losses import check_loss_name, loss_value
from .network import backpropagate, check_network, feedforward
from .validation import as_count, as_real

#: A history larger than this is refused before training starts (the kernel would die first).
HISTORY_BUDGET_BYTES = 512 * 2**20


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


def recorded_steps(iterations, record_every):
    """Steps 0, k, 2k, ... and always ``iterations`` itself, as an int array (T,)."""
    steps = np.arange(0, iterations + 1, record_every)
    return steps if steps[-1] == iterations else np.append(steps, iterations)


def check_history_size(iterations, record_every, floats_per_row):
    """Refuse, with a ValueError naming ``record_every``, a history over ``HISTORY_BUDGET_BYTES``.

    floats_per_row: how many float64 numbers one recorded step holds (loss, step, parameters).
    """
    rows = iterations // record_every + 2
    row_bytes = floats_per_row * 8
    if rows * row_bytes > HISTORY_BUDGET_BYTES:
        fitting_rows = HISTORY_BUDGET_BYTES // row_bytes - 2
        raise ValueError(
            f"recording every {record_every} of {iterations:,} steps would need "
            f"{rows * row_bytes / 2**20:,.0f} MiB, over the {HISTORY_BUDGET_BYTES / 2**20:.0f} MiB "
            f"budget; record fewer steps with a larger record_every "
            f"(at least {-(-iterations // fitting_rows):,})"
        )


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
    n_params = sum(W.size for W in net.weights) + sum(b.size for b in net.biases)
    check_history_size(iterations, record_every, n_params + 2)
    recorded = steps = recorded_steps(iterations, record_every)
    T = len(recorded)
    losses = np.empty(T)
    w_hist = [np.empty((T,) + W.shape) for W in net.weights]
    b_hist = [np.empty((T,) + b.shape) for b in net.biases]
    update_biases = net.bias and train_biases

    row = 0
    diverged = False
    previous = (net.weights, net.biases)
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(iterations + 1):
            activations = feedforward(net, X)
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
            dW, db = backpropagate(net, activations, Y, loss)
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
