"""The checks of notebook 03: each accepts a right function and names each usual slip.

Every wrong function below is written the way a student would write it (not taken from the
checker's own variants), and each test asserts the exact verdict. The checker's right
computation is itself compared with backpropagation in the core and with finite differences.
"""

import re

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers.lessons import write_backprop as wb


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def verdict(message):
    return f"Not yet: {message}."


# -- right answers, as the notebook's answer key writes them -----------------------------------


def layer_forward(a, W, b):
    return sigmoid(a @ W + b)


def forward(weights, biases, X):
    activations = [X]
    for W, b in zip(weights, biases):
        activations.append(layer_forward(activations[-1], W, b))
    return activations


def output_delta(aL, Y):
    return 2 * (aL - Y) * aL * (1 - aL)


def step_back(delta_next, W, a):
    return (delta_next @ W.T) * a * (1 - a)


def layer_gradients(a, delta_next):
    return a.T @ delta_next, delta_next.sum(axis=0)


def backward_with(output_delta=output_delta, step_back=step_back, layer_gradients=layer_gradients):
    """The answer key's backward, built from the three step functions it calls."""

    def backward(weights, activations, Y):
        L = len(weights)
        dW, db = [None] * L, [None] * L
        delta = output_delta(activations[L], Y)
        for l in range(L - 1, -1, -1):
            dW[l], db[l] = layer_gradients(activations[l], delta)
            if l > 0:
                delta = step_back(delta, weights[l], activations[l])
        return dW, db

    return backward


backward = backward_with()


def test_every_right_function_passes():
    for check, function in [(wb.check_layer_forward, layer_forward), (wb.check_forward, forward),
                            (wb.check_output_delta, output_delta), (wb.check_step_back, step_back),
                            (wb.check_layer_gradients, layer_gradients), (wb.check_backward, backward)]:
        result = check(function)
        assert result.passed is True, result
        assert repr(result).startswith("Correct: ") and str(result) == repr(result)


def test_a_right_function_written_differently_passes():
    def backward_by_rows(weights, activations, Y):
        # one observation at a time, added up: the same gradient
        dW = [np.zeros_like(W) for W in weights]
        db = [np.zeros(W.shape[1]) for W in weights]
        for i in range(len(Y)):
            a = [x[i:i + 1] for x in activations]
            gW, gb = backward(weights, a, Y[i:i + 1])
            dW = [s + g for s, g in zip(dW, gW)]
            db = [s + g for s, g in zip(db, gb)]
        return tuple(dW), tuple(db)

    assert wb.check_backward(backward_by_rows).passed


# -- the checker's own right computation against two independent ones ------------------------


def test_the_reference_is_backprop_and_finite_differences():
    for label, net, X, Y, a in wb._networks():
        dW, db = wb._backward(net.weights, a, Y)
        core_W, core_b = net.gradients(X, Y, loss="sse")
        fd_W, fd_b = mh.numerical_gradients(net, X, Y, "sse", eps=1e-3, order=4)
        for mine, core, fd in zip(dW + db, core_W + core_b, fd_W + fd_b):
            np.testing.assert_allclose(mine, core, rtol=1e-12, atol=1e-15, err_msg=label)
            np.testing.assert_allclose(mine, fd, rtol=1e-7, atol=1e-10, err_msg=label)


def test_the_cases_cover_what_the_issue_asks():
    labels = [label for label, *_ in wb._networks()]
    sizes = [tuple(net.sizes) for _, net, *_ in wb._networks()]
    observations = {len(X) for _, _, X, _, _ in wb._networks()}
    assert (2, 3, 3, 2) in sizes and any(len(s) == 3 for s in sizes) and any(len(s) == 5 for s in sizes)
    assert any("every weight and bias 1" in label for label in labels) and any("random" in label for label in labels)
    assert 1 in observations and max(observations) > 2
    # one network with square weights, so that a missing transpose runs and can be recognised
    assert any(len(set(s)) == 1 for s in sizes)


# -- backward: one wrong function per slip ---------------------------------------------------


def backward_not_transposed(weights, activations, Y):
    return backward_with(step_back=lambda d, W, a: (d @ W) * a * (1 - a))(weights, activations, Y)


def backward_no_slope(weights, activations, Y):
    return backward_with(output_delta=lambda aL, Y: 2 * (aL - Y),
                         step_back=lambda d, W, a: d @ W.T)(weights, activations, Y)


def backward_no_hidden_slope(weights, activations, Y):
    return backward_with(step_back=lambda d, W, a: d @ W.T)(weights, activations, Y)


def sigmoid_prime(z):
    return sigmoid(z) * (1 - sigmoid(z))


def backward_sigma_prime_of_a(weights, activations, Y):
    return backward_with(output_delta=lambda aL, Y: 2 * (aL - Y) * sigmoid_prime(aL),
                         step_back=lambda d, W, a: (d @ W.T) * sigmoid_prime(a))(weights, activations, Y)


def backward_mean(weights, activations, Y):
    m = len(Y)
    return backward_with(output_delta=lambda aL, Y: 2 * (aL - Y) * aL * (1 - aL) / m)(weights, activations, Y)


def backward_mean_at_the_end(weights, activations, Y):
    dW, db = backward(weights, activations, Y)
    return [g / len(Y) for g in dW], [g / len(Y) for g in db]


def backward_no_2(weights, activations, Y):
    return backward_with(output_delta=lambda aL, Y: (aL - Y) * aL * (1 - aL))(weights, activations, Y)


def backward_sign(weights, activations, Y):
    return backward_with(output_delta=lambda aL, Y: 2 * (Y - aL) * aL * (1 - aL))(weights, activations, Y)


def backward_bias_not_summed(weights, activations, Y):
    return backward_with(layer_gradients=lambda a, d: (a.T @ d, d))(weights, activations, Y)


def backward_layer_off(weights, activations, Y):
    L = len(weights)
    dW, db = [None] * L, [None] * L
    delta = output_delta(activations[L], Y)
    for l in range(L - 1, -1, -1):
        dW[l], db[l] = activations[l + 1].T @ delta, delta.sum(axis=0)  # the slip: l + 1
        if l > 0:
            delta = step_back(delta, weights[l], activations[l])
    return dW, db


def backward_through_previous_weights(weights, activations, Y):
    L = len(weights)
    dW, db = [None] * L, [None] * L
    delta = output_delta(activations[L], Y)
    for l in range(L - 1, -1, -1):
        dW[l], db[l] = layer_gradients(activations[l], delta)
        if l > 0:
            delta = step_back(delta, weights[l - 1], activations[l])  # the slip: l - 1
    return dW, db


def backward_appended(weights, activations, Y):
    dW, db = [], []
    delta = output_delta(activations[-1], Y)
    for l in reversed(range(len(weights))):
        gW, gb = layer_gradients(activations[l], delta)
        dW.append(gW)  # the slip: appended while walking backwards, never reversed
        db.append(gb)
        if l > 0:
            delta = step_back(delta, weights[l], activations[l])
    return dW, db


def backward_first_observation_only(weights, activations, Y):
    a = [x[:1] for x in activations]  # the slip: written and tried for one observation
    return backward(weights, a, Y[:1])


def backward_outer_of_first_rows(weights, activations, Y):
    return backward_with(layer_gradients=lambda a, d: (np.outer(a[0], d[0]), d[0]))(weights, activations, Y)


@pytest.mark.parametrize("function, message", [
    (backward_not_transposed, wb.NOT_TRANSPOSED),
    (backward_no_slope, wb.SLOPE_MISSING),
    (backward_no_hidden_slope, wb.SLOPE_MISSING),
    (backward_sigma_prime_of_a, wb.SLOPE_AT_Z),
    (backward_mean, wb.MEAN),
    (backward_mean_at_the_end, wb.MEAN),
    (backward_no_2, wb.FACTOR_2),
    (backward_sign, wb.SIGN),
    (backward_bias_not_summed, wb.BIAS_NOT_SUMMED),
    (backward_layer_off, wb.LAYER_OFF_DW),
    (backward_through_previous_weights, wb.LAYER_OFF_W),
    (backward_appended, wb.REVERSED),
    (backward_first_observation_only, wb.ONE_OBSERVATION),
    (backward_outer_of_first_rows, wb.ONE_OBSERVATION),
], ids=lambda x: getattr(x, "__name__", "message"))
def test_backward_names_each_slip(function, message):
    result = wb.check_backward(function)
    assert result.passed is False
    assert repr(result) == verdict(message)


def test_backward_slope_of_the_wrong_layer_is_one_layer_off():
    def backward_slope_above(weights, activations, Y):
        L = len(weights)
        dW, db = [None] * L, [None] * L
        delta = output_delta(activations[L], Y)
        for l in range(L - 1, -1, -1):
            dW[l], db[l] = layer_gradients(activations[l], delta)
            if l > 0:
                a = activations[l + 1]  # the slip: the slope of the layer stepped back FROM
                delta = (delta @ weights[l].T) * a * (1 - a)
        return dW, db

    assert repr(wb.check_backward(backward_slope_above)) == verdict(wb.LAYER_OFF_SLOPE)


def test_a_slip_that_matches_nothing_says_where_it_is_wrong():
    def backward_first_layer_doubled(weights, activations, Y):
        dW, db = backward(weights, activations, Y)
        return [2 * dW[0]] + dW[1:], db

    text = repr(wb.check_backward(backward_first_layer_doubled))
    assert text.startswith("Not yet: backward gives wrong numbers on the tied-units question's 2-3-3-2 network")
    assert "(dW[0] wrong)" in text and "none of the usual slips" in text


# -- errors, placeholders, wrong kinds --------------------------------------------------------


def test_a_raising_function_gets_its_error_and_a_hint():
    def backward_typo(weights, activations, Y):
        delta = output_delta(activations[-1], Y)
        return [activations[-2].T @ delta @ weights[5]], []

    result = wb.check_backward(backward_typo)
    assert result.passed is False
    text = repr(result)
    assert text.startswith("Not yet: backward raised IndexError: list index out of range")
    assert "at `return [activations[-2].T @ delta @ weights[5]], []`" in text
    assert "Hint: an index runs past the end" in text


def test_a_shape_error_gets_the_shape_hint():
    def backward_wrong_product(weights, activations, Y):
        delta = output_delta(activations[-1], Y)
        return [delta @ weights[-1]], [delta]

    text = repr(wb.check_backward(backward_wrong_product))
    assert "backward raised ValueError: matmul" in text and "Hint: the shapes do not line up" in text


@pytest.mark.parametrize("answer", [None, ...])
def test_no_function_yet_is_not_yet(answer):
    result = wb.check_backward(answer)
    assert result.passed is False and repr(result).startswith("Not yet: there is no backward yet")


def test_a_stub_is_not_yet():
    def stub(weights, activations, Y):
        # YOUR CODE HERE
        raise NotImplementedError("write this part")

    for check in (wb.check_layer_forward, wb.check_forward, wb.check_output_delta, wb.check_step_back,
                  wb.check_layer_gradients, wb.check_backward):
        result = check(lambda *args: stub(None, None, None))
        assert result.passed is False
        assert "is not finished (it, or a function it calls, still raises NotImplementedError)" in repr(result)
    assert repr(wb.check_backward(lambda w, a, Y: (..., ...))).startswith("Not yet: backward returns ...")


def test_wrong_kinds_of_answer():
    assert repr(wb.check_backward(lambda w, a, Y: 3)).startswith(
        "Not yet: backward must return a pair (dW, db) of lists, got int")
    assert repr(wb.check_backward(lambda w, a, Y: (np.zeros(3), []))).startswith(
        "Not yet: dW must be a list with one array per weight layer (3), got ndarray")
    assert repr(wb.check_backward(lambda w, a, Y: (["x"] * len(w), [0] * len(w)))).startswith(
        "Not yet: dW[0] must be an array of real numbers")
    assert repr(wb.check_backward(lambda w, a, Y: ([np.full(W.shape, np.nan) for W in w], [0] * len(w)))).startswith(
        "Not yet: dW[0] contains NaN or inf")
    assert repr(wb.check_backward(lambda w, a, Y: backward(w, a, Y)[0][:1] and ([], []))).startswith(
        "Not yet: dW and db must hold one array per weight layer (3), got 0 and 0")
    assert repr(wb.check_backward("backward")).startswith("Not yet: pass the function itself")


def test_wrong_shapes_are_named():
    def backward_dW_transposed(weights, activations, Y):
        return backward_with(layer_gradients=lambda a, d: (d.T @ a, d.sum(axis=0)))(weights, activations, Y)

    assert repr(wb.check_backward(backward_dW_transposed)) == verdict(wb.DW_TRANSPOSED)

    def backward_bias_per_unit(weights, activations, Y):
        return backward_with(layer_gradients=lambda a, d: (a.T @ d, d.sum(axis=1)))(weights, activations, Y)

    assert repr(wb.check_backward(backward_bias_per_unit)) == verdict(wb.BIAS_OVER_UNITS)


def test_the_function_cannot_spoil_the_cases():
    def backward_in_place(weights, activations, Y):
        result = backward(weights, activations, Y)
        for W in weights:
            W *= 0.0
        for a in activations:
            a *= 0.0
        Y *= 0.0
        return result

    assert wb.check_backward(backward_in_place).passed
    assert wb.check_backward(backward).passed


# -- the step checks ---------------------------------------------------------------------------


@pytest.mark.parametrize("function, message", [
    (lambda a, W, b: sigmoid(a @ W), wb.NO_BIAS),
    (lambda a, W, b: a @ W + b, wb.NO_SIGMOID),
    (lambda a, W, b: sigmoid(a @ W.T + b), wb.W_TRANSPOSED),
])
def test_layer_forward_slips(function, message):
    assert repr(wb.check_layer_forward(function)) == verdict(message)


def test_layer_forward_wrong_shape():
    text = repr(wb.check_layer_forward(lambda a, W, b: sigmoid(a @ W + b).T))
    assert text.startswith("Not yet: the result has shape (3, 2), but it needs one row per observation")


def forward_without(step):
    def forward(weights, biases, X):
        activations = [X]
        for l, (W, b) in enumerate(zip(weights, biases)):
            activations.append(step(activations[-1], W, b, l == len(weights) - 1))
        return activations

    return forward


@pytest.mark.parametrize("function, message", [
    (lambda w, b, X: forward(w, b, X)[1:], wb.NO_X),
    (forward_without(lambda a, W, b, last: sigmoid(a @ W)), wb.NO_BIAS),
    (forward_without(lambda a, W, b, last: a @ W + b), wb.NO_SIGMOID),
    (forward_without(lambda a, W, b, last: a @ W + b if last else sigmoid(a @ W + b)), wb.NO_SIGMOID_LAST),
])
def test_forward_slips(function, message):
    assert repr(wb.check_forward(function)) == verdict(message)


def test_forward_returning_only_the_output():
    text = repr(wb.check_forward(lambda w, b, X: forward(w, b, X)[-1]))
    assert text.startswith("Not yet: forward must return the list [X, a1, ..., aL]")


@pytest.mark.parametrize("function, message", [
    (lambda aL, Y: 2 * (aL - Y), wb.SLOPE_MISSING),
    (lambda aL, Y: 2 * (aL - Y) * sigmoid_prime(aL), wb.SLOPE_AT_Z),
    (lambda aL, Y: 2 * (Y - aL) * aL * (1 - aL), wb.SIGN),
    (lambda aL, Y: (aL - Y) * aL * (1 - aL), wb.FACTOR_2),
    (lambda aL, Y: 2 * (aL - Y) * aL * (1 - aL) / len(Y), wb.MEAN),
])
def test_output_delta_slips(function, message):
    assert repr(wb.check_output_delta(function)) == verdict(message)


@pytest.mark.parametrize("function, message", [
    (lambda d, W, a: (d @ W) * a * (1 - a), wb.NOT_TRANSPOSED),
    (lambda d, W, a: d @ W.T, wb.SLOPE_MISSING),
    (lambda d, W, a: (d @ W.T) * sigmoid_prime(a), wb.SLOPE_AT_Z),
    (lambda d, W, a: -(d @ W.T) * a * (1 - a), wb.SIGN_HERE),
])
def test_step_back_slips(function, message):
    assert repr(wb.check_step_back(function)) == verdict(message)


@pytest.mark.parametrize("function, message", [
    (lambda a, d: (a.T @ d / len(a), d.mean(axis=0)), wb.MEAN),
    (lambda a, d: (-(a.T @ d), -d.sum(axis=0)), wb.SIGN_HERE),
    (lambda a, d: (a.T @ d, d), wb.BIAS_NOT_SUMMED),
    (lambda a, d: (a.T @ d, d.sum(axis=1)), wb.BIAS_OVER_UNITS),
    (lambda a, d: (d.T @ a, d.sum(axis=0)), wb.DW_TRANSPOSED),
    (lambda a, d: (np.outer(a[0], d[0]), d[0]), wb.ONE_OBSERVATION),
])
def test_layer_gradients_slips(function, message):
    assert repr(wb.check_layer_gradients(function)) == verdict(message)


# -- a verdict never shows an expected number -------------------------------------------------

WRONG_FUNCTIONS = [
    (wb.check_backward, backward_not_transposed), (wb.check_backward, backward_mean),
    (wb.check_backward, backward_first_observation_only), (wb.check_backward, backward_bias_not_summed),
    (wb.check_backward, lambda w, a, Y: ([2 * g for g in backward(w, a, Y)[0]], backward(w, a, Y)[1])),
    (wb.check_output_delta, lambda aL, Y: aL), (wb.check_step_back, lambda d, W, a: a),
    (wb.check_layer_gradients, lambda a, d: (a.T @ d + 1, d.sum(axis=0))),
    (wb.check_layer_forward, lambda a, W, b: a @ W), (wb.check_forward, lambda w, b, X: [X] * (len(w) + 1)),
]


@pytest.mark.parametrize("check, function", WRONG_FUNCTIONS)
def test_verdicts_hold_no_numbers(check, function):
    text = repr(check(function))
    assert text.startswith("Not yet: ")
    # shapes and layer indices are small whole numbers; an expected value would have decimals
    assert not re.search(r"\d\.\d|\de-?\d", text), text


def test_verdicts_hold_none_of_the_expected_values():
    expected = set()
    for k in range(len(wb._networks())):
        dW, db = wb._finite_differences(k)
        for g in dW + db:
            expected.update(f"{v:.3g}" for v in g.ravel() if abs(v) > 1e-3)
    for check, function in WRONG_FUNCTIONS:
        text = repr(check(function))
        assert not any(value in text for value in expected if len(value) > 3), text


# -- issue 21: a forgotten return, a pair in the other order, an extra 1/2, float32, odd answers ---

ALL_CHECKS = [(wb.check_layer_forward, layer_forward), (wb.check_forward, forward),
              (wb.check_output_delta, output_delta), (wb.check_step_back, step_back),
              (wb.check_layer_gradients, layer_gradients), (wb.check_backward, backward)]


@pytest.mark.parametrize("check, right", ALL_CHECKS, ids=lambda x: getattr(x, "__name__", ""))
def test_a_function_without_return_is_told_so(check, right):
    def forgot_return(*args):
        right(*args)  # the slip: computed, never returned

    text = repr(check(forgot_return))
    assert text.startswith("Not yet: your function returns None: did you forget `return`?"), text


def test_a_list_entry_left_none_is_named():
    def backward_unfilled(weights, activations, Y):
        dW, db = backward(weights, activations, Y)
        return [None] + list(dW[1:]), db

    assert repr(wb.check_backward(backward_unfilled)).startswith(
        "Not yet: dW[0] is None: nothing was stored there (a function that computes it without `return`")


def test_pairs_in_the_other_order_are_named():
    assert repr(wb.check_layer_gradients(lambda a, d: (d.sum(axis=0), a.T @ d))) == verdict(wb.SWAPPED)

    def backward_swapped(weights, activations, Y):
        dW, db = backward(weights, activations, Y)
        return db, dW

    assert repr(wb.check_backward(backward_swapped)) == verdict(wb.SWAPPED_LISTS)


@pytest.mark.parametrize("check, function, message", [
    (wb.check_step_back, lambda d, W, a: 0.5 * (d @ W.T) * a * (1 - a), wb.HALF_STEP),
    (wb.check_layer_gradients, lambda a, d: (0.5 * a.T @ d, 0.5 * d.sum(axis=0)), wb.HALF_GRADIENTS),
    (wb.check_output_delta, lambda aL, Y: 0.5 * 2 * (aL - Y) * aL * (1 - aL), wb.FACTOR_2),
    (wb.check_backward, backward_with(step_back=lambda d, W, a: 0.5 * (d @ W.T) * a * (1 - a)), wb.HALF_STEP),
    (wb.check_backward, lambda w, a, Y: tuple([0.5 * g for g in part] for part in backward(w, a, Y)), wb.FACTOR_2),
], ids=["step_back", "layer_gradients", "output_delta", "backward_step", "backward_all"])
def test_an_extra_half_is_named(check, function, message):
    assert repr(check(function)) == verdict(message)
    assert "1/2" in message


def test_the_shared_cost_slips_are_worded_once():
    from mlp_helpers.lessons.exercise_checks import common_slips

    messages = [text for _, text in common_slips(1.0, "sse", m=2)]
    assert wb.SIGN == messages[0] and wb.FACTOR_2.startswith(messages[1])
    assert wb.MEAN == messages[2].replace("m = 2", "m")


def in_float32(function):
    """``function`` computed in float32 throughout, as a student who wrote dtype=np.float32 would."""
    def cast(x):
        if isinstance(x, list):
            return [cast(v) for v in x]
        return np.asarray(x, dtype=np.float32)

    def wrapped(*args):
        return function(*(cast(x) for x in args))

    return wrapped


@pytest.mark.parametrize("check, right", ALL_CHECKS, ids=lambda x: getattr(x, "__name__", ""))
def test_float32_answers_pass_and_are_told_why_they_are_not_exact(check, right):
    result = check(in_float32(right))
    assert result.passed is True, result
    text = repr(result)
    assert text.startswith("Correct: ")
    if "float32" in text:  # a few functions are exact to float64's tolerance even in float32
        assert "agree to float32 precision only" in text
    if check is wb.check_backward:
        assert "float32 precision only" in text


def test_a_float32_slip_is_still_named():
    slip = in_float32(backward_with(step_back=lambda d, W, a: (d @ W) * a * (1 - a)))
    assert repr(wb.check_backward(slip)) == verdict(wb.NOT_TRANSPOSED)


# -- loops over observations pass; odd answers never make a check raise ------------------------


def by_rows(function, stack):
    """``function`` applied one observation (row) at a time; ``stack`` joins the rows' results."""
    def looped(*args, rows_of=None):
        m = len(args[0]) if rows_of is None else rows_of
        return stack([function(*args, i) for i in range(m)])

    return looped


def test_loops_over_observations_pass():
    def layer_forward_loop(a, W, b):
        out = np.zeros((len(a), W.shape[1]))
        for i in range(len(a)):
            for j in range(W.shape[1]):
                out[i, j] = sigmoid(sum(a[i, k] * W[k, j] for k in range(W.shape[0])) + b[j])
        return out

    def output_delta_loop(aL, Y):
        return np.array([[2 * (p - t) * p * (1 - p) for p, t in zip(row, target)] for row, target in zip(aL, Y)])

    def step_back_loop(delta_next, W, a):
        out = np.zeros_like(a)
        for i in range(len(a)):
            out[i] = (W @ delta_next[i]) * a[i] * (1 - a[i])
        return out

    def layer_gradients_loop(a, delta_next):
        dW, db = np.zeros((a.shape[1], delta_next.shape[1])), np.zeros(delta_next.shape[1])
        for i in range(len(a)):
            dW += np.outer(a[i], delta_next[i])
            db += delta_next[i]
        return dW, db

    def forward_loop(weights, biases, X):
        activations = [X]
        for W, b in zip(weights, biases):
            activations.append(np.vstack([layer_forward_loop(row[None, :], W, b) for row in activations[-1]]))
        return activations

    for check, function in [(wb.check_layer_forward, layer_forward_loop), (wb.check_output_delta, output_delta_loop),
                            (wb.check_step_back, step_back_loop), (wb.check_layer_gradients, layer_gradients_loop),
                            (wb.check_forward, forward_loop),
                            (wb.check_backward, backward_with(output_delta_loop, step_back_loop, layer_gradients_loop))]:
        assert check(function).passed, (check.__name__, check(function))


class Unreadable:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array here")


ODD = [10**400, [10**400], "1.0", Unreadable(), [Unreadable()], object(), {"a": 1}, [[1], [1, 2]], float("nan"),
       (Unreadable(), Unreadable()), ([10**400], [10**400]), np.array(["x"]), 1j]


@pytest.mark.parametrize("odd", ODD, ids=lambda x: type(x).__name__)
@pytest.mark.parametrize("check", [c for c, _ in ALL_CHECKS], ids=lambda c: c.__name__)
def test_odd_answers_never_make_a_check_raise(check, odd):
    result = check(lambda *args: odd)
    assert isinstance(result, wb.CheckResult) and result.passed is False
    assert repr(result).startswith("Not yet: ")


def test_odd_functions_never_make_a_check_raise():
    class Weird:
        def __call__(self, *args):
            raise SystemError("odd")

    assert repr(wb.check_backward(Weird())).startswith("Not yet: backward raised SystemError")
    assert repr(wb.check_backward(lambda *a: 10**400)).startswith("Not yet: backward must return a pair")
    assert "too large for a float" in repr(wb.check_layer_forward(lambda *a: [[10**400]]))
    assert "converting it raised RuntimeError" in repr(wb.check_step_back(lambda *a: Unreadable()))


# -- each hint fits the function it is about ----------------------------------------------------


def test_layer_forward_on_row_0_only_gets_a_forward_hint():
    def first_row_only(a, W, b):
        out = np.zeros((len(a), W.shape[1]))
        out[0] = sigmoid(a[0] @ W + b)  # the slip: only the first observation
        return out

    assert repr(wb.check_layer_forward(first_row_only)) == verdict(wb.ONE_OBSERVATION_FORWARD)
    text = repr(wb.check_layer_forward(lambda a, W, b: sigmoid(a[0] @ W + b)))
    assert text.startswith("Not yet: the result has shape") and "one row per observation" in text
    for text in (wb.ONE_OBSERVATION_FORWARD, text):
        assert "gradient" not in text and "sum" not in text and "delta" not in text


def test_step_back_dividing_by_m_gets_a_step_back_hint():
    text = repr(wb.check_step_back(lambda d, W, a: (d @ W.T) * a * (1 - a) / len(a)))
    assert text == verdict(wb.STEP_MEAN)
    assert "gradient" not in text and ".sum" not in text

    def first_row_only(d, W, a):
        out = np.zeros_like(a)
        out[0] = (d[0] @ W.T) * a[0] * (1 - a[0])
        return out

    assert repr(wb.check_step_back(first_row_only)) == verdict(wb.ONE_OBSERVATION_DELTA)
    assert "gradient" not in wb.ONE_OBSERVATION_DELTA


def test_shape_errors_get_the_shapes_of_their_own_function():
    forward_text = repr(wb.check_layer_forward(lambda a, W, b: sigmoid(W @ a + b)))
    assert "Hint: the shapes do not line up" in forward_text and "a is (m, n_in)" in forward_text
    assert "delta" not in forward_text
    step_text = repr(wb.check_step_back(lambda d, W, a: (W @ d) * a * (1 - a)))
    assert "delta_next is (m, n_{l+1})" in step_text
    delta_text = repr(wb.check_output_delta(lambda aL, Y: 2 * (aL - Y) @ aL))
    assert "entry by entry" in delta_text or "shape" in delta_text


def test_forward_from_x_every_layer_is_named():
    def forward_from_x(weights, biases, X):
        activations = [X]
        for W, b in zip(weights, biases):
            activations.append(layer_forward(X, W, b))  # the slip: X instead of the previous layer
        return activations

    assert repr(wb.check_forward(forward_from_x)) == verdict(wb.FROM_X)


@pytest.mark.parametrize("sizes, counts", [
    ([2, 2, 2], (2, 8, 54, 22, 12)),  # exercise 7's 2-2-2: 54 path-sum multiplications against backward's 22
    ([2, 3, 3, 2], (6, 36, 410, 54, 29)),  # 306 + 90 + 14 = 410 for layers 0, 1, 2
    ([2, 100, 100, 100, 10], (100000, 800000, 290905010, 42830, 21510)),
])
def test_multiplication_counts(sizes, counts):
    assert wb.multiplication_counts(sizes) == counts


def test_multiplication_counts_by_hand_for_2_2_2():
    """The same rules counted out: a W_1 weight has 1 path of 2 multiplications, a W_0 weight 2 paths of 4."""
    paths, _, path_sums, backward_count, _ = wb.multiplication_counts([2, 2, 2])
    w1 = 4 * 1 * 2 + 2 * 1 * 1  # 4 weights and 2 biases of layer 1 (a bias path is one multiplication shorter)
    w0 = 4 * 2 * 4 + 2 * 2 * 3
    assert (paths, path_sums) == (2, w1 + w0)
    assert backward_count == 3 * 2 + (4 + 4) + (4 + 2 * 2)  # delta^2, both dW, one step back


@pytest.mark.parametrize("sizes, expected", [
    ([2, 2, 2], (32, 16, 14, 8, 6)),  # exercise 7's check fold: 32 + 14 + 8 = 54, 16 + 6 = 22
    ([2, 3, 3, 2], (186, 44, 110, 114, 10)),  # 186 + 110 + 114 = 410, 44 + 10 = 54
])
def test_from_notebook_01(sizes, expected):
    assert wb.from_notebook_01(sizes) == expected
    paths_01, backprop_01, biases, multiplied_out, slopes = expected
    _, _, path_sums, backward_count, _ = wb.multiplication_counts(sizes)
    assert paths_01 + biases + multiplied_out == path_sums and backprop_01 + slopes == backward_count
    # the biases' share counted path by path: a bias's path has one multiplication fewer than its factors less one
    net = mh.MLP(sizes).init_random(seed=0)
    bias_mults = sum(len(path.factors) - 2 for parameter in mh.paths.parameters(net) if parameter[0] == "b"
                     for path in mh.chain_rule_paths(net, np.full((1, sizes[0]), 0.5), np.zeros((1, sizes[-1])),
                                                     parameter, loss="sse").paths)
    assert bias_mults == biases
    # backward's extra: 2(a - y) at each output, a(1 - a) at each output and hidden unit
    assert slopes == sizes[-1] + sum(sizes[1:])


def test_from_notebook_01_bad_sizes():
    with pytest.raises(ValueError, match="at least two layers"):
        wb.from_notebook_01([2])


@pytest.mark.parametrize("bad, error, words", [
    ([2], ValueError, "at least two layers"),
    ("ab", TypeError, "list of layer widths"),
    ([2, 0, 2], ValueError, "sizes[1] must be at least 1"),
    ([2, 1.5, 2], ValueError, "whole number"),
])
def test_multiplication_counts_bad_sizes(bad, error, words):
    with pytest.raises(error, match=re.escape(words)):
        wb.multiplication_counts(bad)


def test_captioned_paths_marks_the_factors_that_differ():
    """Section 3's tables: each factor whose shown value differs from the reference's same factor, on its path through
    the same output, is bold and marked *; the caption line comes first; the plain text is the table's own."""
    net = mh.MLP([2, 2, 2]).set_params([[[0.5, 0.3], [-0.4, 0.8]], [[0.6, 0.9], [-0.2, 0.1]]], [[0.1, -0.1], [0.2, -0.3]])
    x, y = np.array([[0.8, 0.4]]), np.array([[0.2, 0.4]])
    reference = mh.chain_rule_paths(net, x, y, ("w", 0, 0, 0), loss="sse")
    bias = mh.chain_rule_paths(net, x, y, ("b", 0, 1), loss="sse")
    shown = wb.CaptionedPaths(bias, "caption", reference=reference)
    assert shown.differing() == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)]  # other hidden unit: factors 1 to 3
    html = shown._repr_html_()
    assert html.startswith("<p>caption</p><table") and html.count("</b> *") == 6 and "<b>-0.2</b> *" in html
    assert repr(shown) == repr(bias)
    plain = wb.CaptionedPaths(bias, "caption")  # no reference: nothing marked
    assert plain.differing() == [] and plain._repr_html_() == "<p>caption</p>" + bias.to_html()
    assert wb.CaptionedPaths(reference, "same", reference=reference).differing() == []
    one_path = mh.chain_rule_paths(net, x, y, ("w", 1, 0, 0), loss="sse")  # one path, through output 1 only
    with pytest.raises(ValueError, match="same outputs"):
        wb.CaptionedPaths(one_path, "caption", reference=reference)


def test_float32_outputs_is_the_question_run_in_float32():
    """Section 7a's float32 run: float32 throughout, the all-ones forward pass at step 0 (the question's a^3 to float32),
    close to the package's float64 training after 1000 updates (rounding built up, far below 1e-7), and checked inputs."""
    case = mh.cases.sigmoid_2_3_3_2()
    outputs = wb.float32_outputs((0, 1000))
    start, trained = outputs[0], outputs[1000]
    assert start.dtype == trained.dtype == np.float32 and start.shape == (2, 2)
    np.testing.assert_allclose(start, mh.MLP(case.sizes).init_constant(1.0).predict(case.X), rtol=1e-6)
    net = mh.MLP(case.sizes).init_constant(1.0)
    mh.train(net, case.X, case.Y, lr=0.5, iterations=1000)
    assert 0 < np.abs(trained - net.predict(case.X)).max() < 5e-8
    with pytest.raises(ValueError):
        wb.float32_outputs([1], lr=0.0)


def test_float32_outputs_gives_each_count_from_one_run():
    """Section 7a's cell: float32_outputs((999, 1000)) gives the run's output at 999 and at 1000 updates, from one run
    (Run All trains once), the same as separate runs to each count, keyed in increasing order whatever order the counts
    come in; bad counts are refused."""
    outputs = wb.float32_outputs((1000, 999))
    assert list(outputs) == [999, 1000]
    for steps, output in outputs.items():
        assert output.dtype == np.float32 and np.array_equal(output, wb.float32_outputs([steps])[steps]), steps
    assert list(wb.float32_outputs([3, 3, 0])) == [0, 3]
    for bad, error in (([], ValueError), ([1, -1], ValueError), ([2.5], ValueError), (["10"], TypeError)):
        with pytest.raises(error):
            wb.float32_outputs(bad)

def test_question_formula_is_the_gradient_and_keeps_its_loop_off_the_page():
    """Section 7c's check: question_formula gives, for every W_l (output layer first), the question's three factors
    multiplied and added over the observations, which is dC/dW_l: the package's backpropagation on the question's
    all-ones net and on random nets of other shapes; a wrong list of activations is refused (report 03DC fault 4: the
    loop moved off the page, where it showed exercises 4 and 5's answers)."""
    case = mh.cases.sigmoid_2_3_3_2()
    nets = [(mh.MLP(case.sizes).init_constant(1.0), case.X, case.Y)]
    rng = np.random.default_rng(3)
    for sizes, m in (([2, 4, 3, 5, 1], 1), ([3, 2, 2], 4)):
        nets.append((mh.MLP(sizes).init_random(seed=m), rng.normal(size=(m, sizes[0])), rng.uniform(size=(m, sizes[-1]))))
    for net, X, Y in nets:
        formula = wb.question_formula(net.forward(X), Y, net.weights)
        assert list(formula) == list(range(len(net.weights) - 1, -1, -1))
        for l, dW in enumerate(net.gradients(X, Y, loss="sse")[0]):
            np.testing.assert_allclose(formula[l], dW, rtol=1e-12, atol=1e-15)
    with pytest.raises(ValueError):
        wb.question_formula(nets[0][0].forward(case.X)[:-1], case.Y, nets[0][0].weights)
    assert "step_back" not in (wb.question_formula.__doc__ or "") and "W_l^T" not in (wb.question_formula.__doc__ or "")


def test_finite_difference_errors_is_section_5s_printout():
    """Section 5's optional printout, moved into the lesson module (report 03DC fault 7: 30 lines of code on the page):
    its eight lines, the all-ones net's numbers and the two-point formula failing a right backward on 1 of the 6 random
    cases at eps = 1e-3, on none at notebook 01's 3e-4 (report 03DT fault 2; the values themselves:
    tests/test_notebook_03.py, against its own computation)."""
    lines = wb.finite_difference_errors().splitlines()
    assert len(lines) == 8 and lines[0] == "the check's tolerance: |error| <= 1e-09 + 1e-06 |gradient|"
    assert lines[1].startswith("relative error here: |error| / |gradient|, about twice notebook 01's")
    assert lines[2].startswith("all-ones net (C = 1.9)") and lines[4].startswith("  five-point, eps = 1e-3: 4e-10")
    cases = len(wb.backward_check_networks()) - 1
    assert lines[6].startswith("two-point, eps = 1e-3,") and lines[6].endswith(f"outside the tolerance on 1 of {cases}")
    assert lines[7].startswith("two-point, eps = 3e-4 (notebook 01's),") and lines[7].endswith(f"on 0 of {cases}")
