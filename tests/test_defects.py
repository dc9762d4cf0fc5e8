"""Defects a QA pass found (issue 11): each public function either does its job or says clearly
what is wrong with which argument; nothing leaks a numpy internal error or a silent inf/NaN."""

import datetime
from fractions import Fraction

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import linear_regression, symmetry

X = [[0.8, 0.4], [0.3, 0.3]]
Y = [[0.2, 0.4], [1.0, 0.0]]


def seed_net():
    return mh.MLP([2, 3, 3, 2]).init_constant(1.0)


# -- 4. one default loss everywhere, or none ---------------------------------------------------
@pytest.mark.parametrize("call", [
    lambda net: mh.chain_rule_paths(net, [0.5], [0.2], "w1", notation="one_one_one"),
    lambda net: mh.path_gradients(net, [0.5], [0.2]),
    lambda net: mh.weight_as_node(net, [0.5], [0.2], "w1"),
    lambda net: mh.path_explorer(net, [0.5], [0.2]),
])
def test_the_chain_rule_tools_ask_which_cost(call):
    # gradients and train default to "sse"; these once defaulted to "half_sse", half of it
    with pytest.raises(TypeError, match="loss"):
        call(mh.MLP([1, 1, 1]))


# -- 5. relative_error compares like with like ---------------------------------------------------
def test_relative_error_takes_two_arrays_of_one_shape_or_two_per_layer_lists():
    net = seed_net()
    dW, db = net.gradients(X, Y)
    assert mh.relative_error(dW, dW) == 0.0
    assert mh.relative_error(dW + db, [g * (1 + 1e-9) for g in dW + db]) == pytest.approx(5e-10, rel=1e-3)
    assert mh.relative_error([1.0, 2.0], [1.0, 3.0]) == pytest.approx(0.2)
    with pytest.raises(ValueError, match=r"b must have the shape of a \(2,\), got shape \(3,\)"):
        mh.relative_error([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"b must have the shape of a \(2, 1\), got shape \(1, 2\)"):
        mh.relative_error([[1.0], [2.0]], [[1.0, 2.0]])
    with pytest.raises(ValueError, match=r"b\[1\] must have the shape of a\[1\] \(3, 3\), got shape \(3, 2\)"):
        mh.relative_error(dW, [dW[0], dW[2], dW[1]])
    with pytest.raises(ValueError, match="b must hold 3 arrays like a, got 2"):
        mh.relative_error(dW, dW[:2])
    with pytest.raises(ValueError, match="a contains NaN"):
        mh.relative_error([np.nan], [1.0])


# -- 6. parameters assigned by hand are checked where they are used -------------------------------
def test_weights_assigned_with_the_wrong_shape_are_named():
    net = seed_net()
    net.weights[0] = np.ones((3, 2))
    with pytest.raises(ValueError, match=r"net.weights\[0\] must have shape \(2, 3\), got shape \(3, 2\)"):
        net.predict(X)
    with pytest.raises(ValueError, match=r"net.weights\[0\] must have shape"):
        mh.path_explorer(net, [0.1, 0.2], [0.0, 1.0], loss="half_sse")


def test_weights_assigned_as_a_plain_list_are_refused_everywhere():
    net = seed_net()
    net.weights[1] = [[1.0] * 3] * 3
    for call in (lambda: net.predict(X), lambda: mh.train(net, X, Y, lr=0.5, iterations=1)):
        with pytest.raises(TypeError, match=r"net.weights\[1\] must be a float64 numpy array.*set_params"):
            call()


def test_a_nan_start_is_an_invalid_start_not_a_divergence():
    net = seed_net()
    net.weights[2][0, 0] = np.nan
    with pytest.raises(ValueError, match=r"net.weights\[2\] contains NaN or inf.*not a valid start"):
        mh.train(net, X, Y, lr=0.5, iterations=10)
    with pytest.raises(ValueError, match=r"net.weights\[2\] contains NaN"):
        net.gradients(X, Y)


# -- 7. overflow is an error, never a silent inf or 0 -------------------------------------------------
def test_overflow_in_the_network_or_the_cost_is_an_error():
    linear = mh.MLP([2, 1], activation="linear", bias=False).init_constant(1.0)
    with pytest.raises(ValueError, match="output overflowed to inf or NaN"):
        linear.predict([[1e308, 1e308]])
    with pytest.raises(ValueError, match="loss overflowed"):
        mh.loss("sse", [[1e200]], [[0.0]])
    with pytest.raises(ValueError, match="the loss is inf before any step"):
        mh.train(linear, [[1e200, 1e200]], [[0.0]], lr=0.1, iterations=3)


def test_least_squares_slope_of_huge_and_tiny_values():
    assert linear_regression.least_squares_slope([1e200], [1.0]) == pytest.approx(1e-200)
    assert linear_regression.least_squares_slope([1e-200], [1e-200]) == pytest.approx(1.0)
    assert linear_regression.least_squares_slope([3e200, 1e200], [6e200, 2e200]) == pytest.approx(2.0)
    with pytest.raises(ValueError, match="x must contain at least one non-zero value"):
        linear_regression.least_squares_slope([0.0, 0.0], [1.0, 2.0])


# -- 8. exported helpers check their arguments ---------------------------------------------------------
def test_loss_gradient_and_loss_check_their_arguments():
    np.testing.assert_array_equal(mh.loss_gradient("sse", [[1.0]], [[0.0]]), [[2.0]])
    with pytest.raises(ValueError, match="loss must be one of"):
        mh.loss_gradient("bogus", [[1.0]], [[0.0]])
    with pytest.raises(ValueError, match="Y must have the same shape as Y_hat"):
        mh.loss_gradient("sse", [[1.0]], [[0.0, 1.0]])
    with pytest.raises(ValueError, match=r"Y_hat must be a 2-D array \(m, n_out\) that holds at least one observation"):
        mh.loss("mse", np.zeros((0, 2)), np.zeros((0, 2)))


def test_sigmoid_takes_lists_and_refuses_text():
    np.testing.assert_allclose(mh.sigmoid([0.0, 2.0]), [0.5, 1 / (1 + np.exp(-2.0))])
    assert mh.sigmoid(0.0) == 0.5
    with pytest.raises(TypeError, match="z must be an array of real numbers, got text"):
        mh.sigmoid("1")


# -- 9. only real numbers are data -------------------------------------------------------------------
@pytest.mark.parametrize("bad, words", [
    (np.array([[1 + 2j, 0.0]]), "complex"),
    ([["1.0", "2.0"]], "text"),
    (np.array([["1.0", "2.0"]]), "text"),
    (np.array([[np.datetime64("2026-01-01"), np.datetime64("2026-01-02")]]), "datetime64"),
    (np.ma.masked_array([[1.0, 2.0]], mask=[[True, False]]), "masked"),
    ([[datetime.date(2026, 1, 1), 1.0]], "numbers"),
])
def test_non_numbers_are_refused_as_data(bad, words):
    with pytest.raises(TypeError, match=words):
        seed_net().predict(bad)


def test_integers_bools_and_fractions_are_numbers():
    net = seed_net()
    expected = net.predict([[1.0, 0.0]])
    for same in ([[1, 0]], [[True, False]], [[Fraction(1), Fraction(0)]], np.array([[1, 0]], dtype=np.int8)):
        np.testing.assert_array_equal(net.predict(same), expected)


# -- 10. flags and sizes ----------------------------------------------------------------------------
def test_flags_and_sizes_are_checked():
    with pytest.raises(TypeError, match="train_biases must be True or False, got str 'False'"):
        mh.train(seed_net(), X, Y, lr=0.5, iterations=1, train_biases="False")
    with pytest.raises(ValueError, match="atol must be at least 0"):
        mh.tied_units(seed_net(), atol=-1)
    with pytest.raises(TypeError, match="sizes must be a list of layer widths"):
        mh.MLP({3, 2})
    with pytest.raises(TypeError, match="sizes must be a list of layer widths"):
        mh.MLP({3: 1, 2: 1})
    with pytest.raises(TypeError, match="sizes must be a list of layer widths"):
        mh.MLP(np.array(3))
    assert mh.MLP([2, Fraction(3), 1]).sizes == [2, 3, 1]
    assert mh.MLP(np.array([2, 3, 1])).sizes == [2, 3, 1]
    with pytest.raises(ValueError, match="biases must be None or empty: this network has bias=False"):
        mh.MLP([2, 1], bias=False).set_params([np.ones((2, 1))], 5)
    with pytest.raises(ValueError, match="value must be a finite number of float size"):
        seed_net().init_constant(10**400)
    with pytest.raises(TypeError, match="a_values must be a list of splits"):
        linear_regression.compare_splits(0.3)


# -- 11. every function that takes a network or a history checks it -------------------------------------
@pytest.mark.parametrize("call, words", [
    (lambda: mh.path_gradients("x", [0.5], [0.2], loss="sse"), "net must be an MLP"),
    (lambda: mh.unit_spread(None), "history must be a History"),
    (lambda: mh.outputs_over_training([1, 2], X), "history must be a History"),
    (lambda: mh.slope_history(None, 0.3), "history must be a History"),
    (lambda: mh.check_path_gradient(0.1, 0.1, [1.0], [1.0], "w1", loss="half_sse"), "net must be an MLP"),
    (lambda: mh.tied_verdict(None), "groups must be the list of lists that tied_units returns"),
    (lambda: mh.tied_verdict("abc"), "groups must be the list of lists that tied_units returns"),
    (lambda: mh.tied_verdict([["a"]]), "groups must be the list of lists that tied_units returns"),
])
def test_functions_check_what_they_are_given(call, words):
    with pytest.raises(TypeError, match=words):
        call()


# -- 13. collapse_tied says what is really wrong ----------------------------------------------------------
def test_collapse_tied_needs_hidden_layers():
    with pytest.raises(ValueError, match="net has no hidden layer to collapse"):
        symmetry.collapse_tied(mh.MLP([2, 2]).init_constant(1.0))
    with pytest.raises(ValueError, match="layer 1 is not"):
        symmetry.collapse_tied(mh.MLP([2, 3, 2]).init_random(0))
    narrow = symmetry.collapse_tied(seed_net())
    assert narrow.sizes == [2, 1, 1, 2]
    np.testing.assert_allclose(narrow.predict(X), seed_net().predict(X), rtol=0, atol=1e-15)


# -- 2. memory stays bounded ------------------------------------------------------------------------------
def test_a_sparse_history_of_many_steps_takes_little_memory():
    import tracemalloc

    net = seed_net()
    tracemalloc.start()
    history = mh.train(net, X, Y, lr=0.5, iterations=10000, record_every=10)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    # 1001 rows of 31 numbers, what 10**7 steps recorded every 10**4 keep too: a quarter MB, not the
    # 2.5 MB that recording all 10001 steps would take
    assert len(history) == 1001
    assert peak < 2 * 2**20


@pytest.mark.parametrize("answer", [Fraction(1, 3) * 10**400, 10**400, [[1], [1, 2]]])
def test_exercise_checks_give_a_verdict_on_odd_answers(answer):
    case = mh.cases.sigmoid_2_3_3_2()
    net = mh.MLP([2, 2, 2]).init_random(0)
    two = mh.cases.linear_2_2_1()
    verdicts = [mh.check_path_gradient(answer, net, [1.0, 0.5], [1.0, 0.0], "w7", loss="half_sse").verdict, symmetry.check_floor_answer(answer, case.Y),
                linear_regression.check_gradient_answer(answer, two.network(), two.X, two.Y, "w221")]
    assert all(str(v).startswith("Not yet") for v in verdicts), verdicts  # a string or a CheckResult
