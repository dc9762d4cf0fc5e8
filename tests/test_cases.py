"""The seed cases hold the seeds' values and train to the numbers the notebooks show."""

import dataclasses

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases


def test_sigmoid_2_3_3_2_is_seed_001():
    case = cases.sigmoid_2_3_3_2()
    assert case.X.tolist() == [[0.8, 0.4], [0.3, 0.3]]
    assert case.Y.tolist() == [[0.2, 0.4], [1.0, 0.0]]
    assert case.sizes == (2, 3, 3, 2)
    assert (case.activation, case.bias, case.loss, case.lr, case.iterations, case.init_value, case.notation) == (
        "sigmoid",
        True,
        "sse",
        0.5,
        1000,
        1.0,
        "index",  # the card's names: the question's own are for its one translation table
    )
    net = case.network()
    assert all((W == 1.0).all() for W in net.weights) and all((b == 1.0).all() for b in net.biases)
    net, history = case.train()
    # the question's output after 1000 steps (float32 there, hence 2e-6)
    expected = [[0.5992708, 0.1997655], [0.5993174, 0.2004307]]
    assert net.predict(case.X) == pytest.approx(np.array(expected), abs=2e-6)
    assert mh.tied_units(net) == [[[0, 1, 2]], [[0, 1, 2]]]
    assert len(history) == 1001 and history.loss[-1] == pytest.approx(0.40022961, abs=1e-8)


def test_cases_are_frozen_and_their_data_read_only():
    case = cases.sigmoid_2_3_3_2()
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.lr = 1.0
    with pytest.raises(ValueError, match="read-only"):
        case.X[0, 0] = 5.0
    assert case.X.dtype == np.float64


def test_linear_2_2_1_splits_x_as_in_the_regression_question():
    case = cases.linear_2_2_1(a=0.3)
    x = case.X.sum(axis=1)
    assert case.X[:, 0] == pytest.approx(0.3 * x, abs=1e-15)
    assert case.X[:, 1] == pytest.approx(0.7 * x, abs=1e-15)
    assert case.X.shape == (20, 2) and case.Y.shape == (20, 1)
    assert (case.sizes, case.activation, case.bias, case.loss, case.notation) == (
        (2, 2, 1),
        "linear",
        False,
        "half_mse",
        "card",
    )
    # the documented draw: x ~ U(-1, 1), y = 1.5 x + 0.1 N(0, 1) from default_rng(0)
    rng = np.random.default_rng(0)
    x_again = rng.uniform(-1.0, 1.0, size=20)
    assert x == pytest.approx(x_again, abs=1e-15)
    assert case.Y[:, 0] == pytest.approx(1.5 * x_again + 0.1 * rng.standard_normal(20), abs=1e-15)
    slope = float(x @ case.Y[:, 0] / (x @ x))
    assert slope == pytest.approx(1.5, abs=0.1)


def test_linear_2_2_1_trains_to_the_least_squares_line_with_tied_hidden_units():
    case = cases.linear_2_2_1()
    net, history = case.train()
    x, y = case.X.sum(axis=1), case.Y[:, 0]
    best = x @ y / (x @ x)  # least-squares slope through the origin
    best_loss = np.mean((best * x - y) ** 2) / 2
    assert history.loss[-1] == pytest.approx(best_loss, rel=1e-9)
    assert mh.tied_units(net) == [[[0, 1]]]


def test_linear_2_2_1_arguments_change_the_data():
    base = cases.linear_2_2_1()
    assert not np.array_equal(cases.linear_2_2_1(seed=1).Y, base.Y)
    assert cases.linear_2_2_1(m=5).X.shape == (5, 2)
    assert cases.linear_2_2_1(a=0.5).X[:, 0] == pytest.approx(cases.linear_2_2_1(a=0.5).X[:, 1])
    noiseless = cases.linear_2_2_1(noise=0.0, slope=-2.0)
    assert noiseless.Y[:, 0] == pytest.approx(-2.0 * noiseless.X.sum(axis=1), abs=1e-15)
    assert np.array_equal(cases.linear_2_2_1().X, base.X)  # same seed, same data


def test_one_one_one():
    case = cases.one_one_one()
    assert (case.X.tolist(), case.Y.tolist(), case.sizes) == ([[1.0]], [[0.25]], (1, 1, 1))
    assert (case.activation, case.bias, case.loss, case.notation, case.init_value) == (
        "sigmoid",
        True,
        "half_sse",
        "one_one_one",
        0.5,
    )
    net, history = case.train()
    assert history.loss[0] == pytest.approx(0.10297383893721836, rel=1e-12)
    assert history.loss[-1] < 1e-10
    assert mh.tied_units(net) == [[]]


def test_train_overrides():
    case = cases.one_one_one()
    net, history = case.train(lr=0.1, iterations=7)
    assert history.iterations[-1] == 7
    start = case.network()
    _, again = case.train(start, lr=0.1, iterations=7)
    assert np.array_equal(again.loss, history.loss)


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"a": 0}, ValueError, "a must lie strictly between 0 and 1"),
        ({"a": 1.0}, ValueError, "a must lie"),
        ({"a": 1.5}, ValueError, "a must lie"),
        ({"a": "half"}, TypeError, "a must be a real number"),
        ({"m": 1}, ValueError, "m must be at least 2"),
        ({"m": 2.5}, ValueError, "m must be a whole number"),
        ({"seed": -1}, ValueError, "seed"),
        ({"noise": -0.1}, ValueError, "noise"),
        ({"slope": float("nan")}, ValueError, "slope"),
    ],
)
def test_linear_2_2_1_rejects_bad_arguments(kwargs, error, words):
    with pytest.raises(error, match=words):
        cases.linear_2_2_1(**kwargs)


def _fields(**changes):
    fields = dataclasses.asdict(cases.one_one_one())
    fields.update(changes)
    return fields


@pytest.mark.parametrize(
    "changes, error, words",
    [
        ({"notation": "greek"}, ValueError, "notation"),
        ({"loss": "l1"}, ValueError, "loss"),
        ({"lr": 0.0}, ValueError, "lr"),
        ({"iterations": -1}, ValueError, "iterations"),
        ({"init_value": "one"}, TypeError, "init_value"),
        ({"Y": [[0.1, 0.2]]}, ValueError, "Y"),
        ({"sizes": (1, 0, 1)}, ValueError, "sizes"),
        ({"name": 3}, TypeError, "name"),
    ],
)
def test_case_rejects_bad_fields(changes, error, words):
    with pytest.raises(error, match=words):
        cases.Case(**_fields(**changes))


def test_start_constant_or_random():
    case = cases.sigmoid_2_3_3_2()
    assert all((W == 1.0).all() for W in case.start().weights)
    assert all((W == -0.25).all() for W in case.start("constant", value=-0.25).weights)
    random = case.start("random", seed=5)
    expected = mh.MLP([2, 3, 3, 2]).init_random(seed=5)
    assert all(np.array_equal(a, b) for a, b in zip(random.weights + random.biases, expected.weights + expected.biases))
    with pytest.raises(ValueError, match="init must be one of"):
        case.start("zeros")
    with pytest.raises(TypeError, match="value"):
        case.start("constant", value="one")


def test_cases_compare_by_value():
    assert cases.sigmoid_2_3_3_2() == cases.sigmoid_2_3_3_2()
    assert hash(cases.linear_2_2_1()) == hash(cases.linear_2_2_1())
    assert cases.linear_2_2_1(seed=1) != cases.linear_2_2_1(seed=2)
    assert cases.one_one_one() != cases.sigmoid_2_3_3_2()
    assert len({cases.one_one_one(), cases.one_one_one()}) == 1


def test_a_case_copies_the_callers_arrays():
    X = np.array([[0.8, 0.4], [0.3, 0.3]])
    Y = np.array([[0.2, 0.4], [1.0, 0.0]])
    case = mh.Case("mine", X, Y, (2, 3, 3, 2), "sigmoid", True, "sse", 0.5, 10, 1.0, "index")
    assert case.X is not X and np.array_equal(case.X, X)
    X[0, 0] = 1.0  # the caller's array stays writable and the case keeps its own numbers
    assert case.X[0, 0] == 0.8
    with pytest.raises(ValueError, match="read-only"):
        case.X[0, 0] = 2.0
