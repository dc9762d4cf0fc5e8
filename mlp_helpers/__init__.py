"""Backprop by Hand: a small numpy MLP whose every gradient can be checked by hand.

    import mlp_helpers as mh
    net = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    dW, db = net.gradients(X, Y, loss="sse")

Three layers, each importing only from the ones before it:

* the core, numpy only: ``validation``, ``activations``, ``losses``, ``network`` (MLP),
  ``history`` and ``training`` (``train``), ``ensemble`` (``train_many``: many networks at
  once) and ``checks`` (finite differences, tied units);
* ``lessons/``: one module per notebook topic (``cases``, ``notation``, ``paths``,
  ``path_exercises``, ``linear_regression``, ``symmetry``, ``write_backprop``,
  ``initialization``, ``stalls``);
* ``visual/``: pictures (``plots``, matplotlib) and explorers (``widgets``, ipywidgets).
  They are imported the first time one of their names is used, so that ``import
  mlp_helpers`` needs numpy alone.
"""

import importlib

from .activations import sigmoid
from .checks import gradient_check, numerical_gradients, relative_error, tied_units, tied_verdict
from .ensemble import EnsembleHistory, train_many
from .lessons import cases, linear_regression, notation, path_exercises, paths, symmetry
from .lessons.cases import Case
from .lessons.linear_regression import effective_slope, end_to_end_matrix, least_squares_slope, slope_history
from .lessons.path_exercises import check_path_gradient, check_path_steps
from .lessons.paths import chain_rule_paths, path_gradients, weight_as_node
from .lessons.symmetry import collapse_tied, first_fit_step, outputs_over_training, unit_spread
from .losses import LOSS_NAMES, loss, loss_gradient
from .network import MLP
from .training import History, TrainingDiverged, train

# name -> module of the visual layer that defines it, imported on first use
_VISUAL = {
    "plots": "plots",
    "widgets": "widgets",
    "draw_network": "plots",
    "plot_loss": "plots",
    "plot_weight_trajectories": "plots",
    "plot_training": "widgets",
    "init_explorer": "widgets",
    "path_explorer": "widgets",
}


def __getattr__(name):
    if name not in _VISUAL:
        raise AttributeError(f"module 'mlp_helpers' has no attribute {name!r}")
    module = importlib.import_module(f".visual.{_VISUAL[name]}", __name__)
    value = module if name == _VISUAL[name] else getattr(module, name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(_VISUAL))


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
    "tied_verdict",
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
    "check_path_gradient",
    "check_path_steps",
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
