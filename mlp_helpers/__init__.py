"""Backprop by Hand: a small numpy MLP whose every gradient can be checked by hand.

    import mlp_helpers as mh
    net = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    dW, db = net.gradients(X, Y, loss="sse")

Modules: ``network`` (MLP), ``losses``, ``training``, ``ensemble`` (``train_many``: many
networks at once), ``checks`` (finite differences, tied units), ``paths`` (the chain rule path
by path), ``cases`` (the seeds' problems), ``notation`` (the seeds' weight names), ``plots``,
``widgets`` (the explorers), and the notebooks' own helpers ``linear_regression``,
``symmetry`` and ``path_exercises``.
"""

from . import cases, linear_regression, notation, path_exercises, paths, plots, symmetry, widgets
from .activations import sigmoid
from .cases import Case
from .checks import gradient_check, numerical_gradients, relative_error, tied_units
from .ensemble import EnsembleHistory, train_many
from .linear_regression import effective_slope, end_to_end_matrix, least_squares_slope, slope_history
from .losses import LOSS_NAMES, loss, loss_gradient
from .network import MLP
from .path_exercises import check_path_answer
from .paths import chain_rule_paths, path_gradients, weight_as_node
from .plots import draw_network, plot_loss, plot_training, plot_weight_trajectories
from .symmetry import collapse_tied, first_fit_step, outputs_over_training, unit_spread
from .training import History, TrainingDiverged, train
from .widgets import init_explorer, path_explorer, tied_verdict

__all__ = [
    # the network and its gradients
    "MLP",
    "LOSS_NAMES",
    "loss",
    "loss_gradient",
    "sigmoid",
    "train",
    "History",
    "TrainingDiverged",
    "train_many",
    "EnsembleHistory",
    # independent checks
    "gradient_check",
    "numerical_gradients",
    "relative_error",
    "tied_units",
    "chain_rule_paths",
    "path_gradients",
    "weight_as_node",
    # the seeds' problems, pictures and explorers
    "Case",
    "draw_network",
    "plot_loss",
    "plot_training",
    "plot_weight_trajectories",
    "init_explorer",
    "path_explorer",
    "tied_verdict",
    "check_path_answer",
    # notebook helpers
    "effective_slope",
    "end_to_end_matrix",
    "least_squares_slope",
    "slope_history",
    "collapse_tied",
    "first_fit_step",
    "outputs_over_training",
    "unit_spread",
    # modules
    "cases",
    "linear_regression",
    "notation",
    "path_exercises",
    "paths",
    "plots",
    "symmetry",
    "widgets",
]
