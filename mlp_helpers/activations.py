"""Activation functions and their derivatives, written in terms of the unit's output.

Both derivatives depend only on ``a = f(z)``, which is why the forward cache of
activations is all that backpropagation needs.
"""

import numpy as np

from .validation import as_float_array


def sigmoid(z):
    """Logistic sigmoid 1 / (1 + e^-z) of a number or an array of any shape, checked.

    ``sigmoid(1e4)`` is 1.0 and ``sigmoid(-800)`` is 0.0, with no RuntimeWarning.
    """
    return logistic(as_float_array("z", z))


def logistic(z):
    """``sigmoid`` for an already-checked float array: ``exp(-logaddexp(0, -z))`` never overflows."""
    return np.exp(-np.logaddexp(0.0, -z))


def _identity(z):
    return z


def _sigmoid_slope(a):
    # sigma'(z) = sigma(z) (1 - sigma(z)) = a (1 - a)
    return a * (1.0 - a)


def _linear_slope(a):
    return np.ones_like(a)


#: name -> (f(z), f'(z) written as a function of a = f(z))
ACTIVATIONS = {
    "sigmoid": (logistic, _sigmoid_slope),
    "linear": (_identity, _linear_slope),
}


def activate(name, z):
    """Apply activation ``name`` to pre-activations ``z`` (any shape)."""
    return ACTIVATIONS[name][0](z)


def slope(name, a):
    """Derivative da/dz of activation ``name``, evaluated from its output ``a``."""
    return ACTIVATIONS[name][1](a)
