"""Backprop by Hand: a small numpy MLP whose every gradient can be checked by hand.

    import mlp_helpers as mh
    net = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    dW, db = net.gradients(X, Y, loss="sse")
"""

from .activations import sigmoid
from .checks import gradient_check, numerical_gradients, relative_error, tied_units
from .losses import LOSS_NAMES, loss, loss_gradient
from .network import MLP
from .training import History, TrainingDiverged, train

__all__ = [
    "MLP",
    "History",
    "TrainingDiverged",
    "LOSS_NAMES",
    "gradient_check",
    "loss",
    "loss_gradient",
    "numerical_gradients",
    "relative_error",
    "sigmoid",
    "tied_units",
    "train",
]
