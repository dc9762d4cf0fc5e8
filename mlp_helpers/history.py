"""What training records: a ``History`` of the loss and the parameters, within a memory budget."""

from dataclasses import dataclass, field

import numpy as np

#: The memory one call of ``train`` or ``train_many`` may use: its histories and working arrays.
#: A student's kernel may get 1 GB on a class hub and Binder guarantees 450 MB, of which the
#: kernel itself, numpy and matplotlib take about 150 MB: a call that would need more is
#: split into groups of networks (``train_many``) or refused before it starts.
MEMORY_BUDGET_BYTES = 256 * 2**20


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

    @property
    def sizes(self):
        """Layer widths of the trained network, ``[sizes[0], ..., sizes[-1]]``."""
        return [self.weights[0].shape[-2]] + [W.shape[-1] for W in self.weights]


def check_history(history):
    """Return ``history`` if it is a ``History``; otherwise a TypeError naming ``history``."""
    if not isinstance(history, History):
        raise TypeError(f"history must be a History returned by train, got {type(history).__name__}")
    return history


def recorded_steps(iterations, record_every):
    """Steps 0, k, 2k, ... and always ``iterations`` itself, as an int array (T,)."""
    steps = np.arange(0, iterations + 1, record_every)
    return steps if steps[-1] == iterations else np.append(steps, iterations)


def check_history_size(iterations, record_every, floats_per_row, name="record_every"):
    """Refuse, with a ValueError naming ``name``, a history over ``MEMORY_BUDGET_BYTES``.

    floats_per_row: how many float64 numbers one recorded step holds (loss, step, parameters);
    name: the argument that sets how often a row is recorded.
    """
    rows = iterations // record_every + 2
    row_bytes = floats_per_row * 8
    if rows * row_bytes > MEMORY_BUDGET_BYTES:
        fitting_rows = MEMORY_BUDGET_BYTES // row_bytes - 2
        raise ValueError(
            f"recording every {record_every} of {iterations:,} steps would need "
            f"{rows * row_bytes / 2**20:,.0f} MiB, over the {MEMORY_BUDGET_BYTES / 2**20:.0f} MiB "
            f"budget; record fewer steps with a larger {name} "
            f"(at least {-(-iterations // fitting_rows):,})"
        )
