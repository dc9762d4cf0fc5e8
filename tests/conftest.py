"""Shared fixtures: the seeds' data."""

import numpy as np
import pytest

# Seed 001/003: two observations of two inputs, two targets each.
SEED001_X = np.array([[0.8, 0.4], [0.3, 0.3]])
SEED001_Y = np.array([[0.2, 0.4], [1.0, 0.0]])


@pytest.fixture
def seed001():
    """(net, X, Y): the 2-3-3-2 sigmoid network with every weight and bias 1."""
    import mlp_helpers as mh

    return mh.MLP([2, 3, 3, 2]).init_constant(1.0), SEED001_X.copy(), SEED001_Y.copy()
