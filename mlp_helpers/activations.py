"""Activation functions and their derivatives, written in terms of the unit's output.

=============  ====================  ===========================
name           a = f(z)              f'(z) from a
=============  ====================  ===========================
``sigmoid``    1 / (1 + e^-z)        a (1 - a)
``tanh``       tanh z                1 - a^2
``relu``       max(0, z)             1 where a > 0, else 0
``linear``     z                     1
=============  ====================  ===========================

Every derivative depends only on ``a = f(z)``, which is why the forward cache of
activations is all that backpropagation needs. ReLU's slope at z = 0 is taken as 0.
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


def _tanh_slope(a):
    # tanh'(z) = 1 - tanh(z)^2 = 1 - a^2
    return 1.0 - a * a


def _relu(z):
    return np.maximum(z, 0.0)


def _relu_slope(a):
    # a > 0 exactly when z > 0; a unit with a = 0 on every observation passes no gradient back
    return (a > 0.0).astype(a.dtype)


#: name -> (f(z), f'(z) written as a function of a = f(z))
ACTIVATIONS = {
    "sigmoid": (logistic, _sigmoid_slope),
    "linear": (_identity, _linear_slope),
    "tanh": (np.tanh, _tanh_slope),
    "relu": (_relu, _relu_slope),
}


def activate(name, z):
    """Apply activation ``name`` to pre-activations ``z`` (any shape)."""
    return ACTIVATIONS[name][0](z)


def slope(name, a):
    """Derivative da/dz of activation ``name``, evaluated from its output ``a``."""
    return ACTIVATIONS[name][1](a)
