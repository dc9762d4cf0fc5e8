"""Notebook 05's helpers: the starts, steps_to_fit, the exercise checks, and the explorer."""

import base64
import warnings

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases
from mlp_helpers.lessons import initialization as init
from mlp_helpers.visual.initialization_explorer import InitializationExplorer, initialization_explorer

CASE = cases.sigmoid_2_3_3_2()


def test_layer_scales():
    assert init.layer_scales([2, 3, 3, 2], "lecun") == pytest.approx([2 ** -0.5, 3 ** -0.5, 3 ** -0.5])
    assert init.layer_scales([2, 3, 3, 2], "glorot") == pytest.approx([0.4 ** 0.5, (2 / 6) ** 0.5, 0.4 ** 0.5])
    assert init.layer_scales([2, 3, 1], 0.3) == [0.3, 0.3]
    assert init.layer_scales([2, 3, 3, 2], "he") == pytest.approx([1.0, (2 / 3) ** 0.5, (2 / 3) ** 0.5])
    with pytest.raises(ValueError, match=r"scale must be one of \['glorot', 'he', 'lecun'\], got 'xavier'"):
        init.layer_scales([2, 3, 1], "xavier")
    with pytest.raises(ValueError, match="scale must be at least 0"):
        init.layer_scales([2, 3, 1], -1.0)


def test_starts_scale_the_same_draws():
    lecun = init.random_starts([2, 3, 3, 2], [4, 9])
    for seed, net in zip([4, 9], lecun):  # LeCun is init_random's own default, to the bit
        reference = mh.MLP([2, 3, 3, 2]).init_random(seed)
        assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, reference.weights + reference.biases))
    tenfold = init.random_starts([2, 3, 3, 2], [4], scale=10.0)[0]
    unit = mh.MLP([2, 3, 3, 2]).init_random(4, scale=1.0)
    assert all(np.array_equal(a, 10.0 * b) for a, b in zip(tenfold.weights, unit.weights))
    nudged = init.almost_constant_starts([2, 3, 1], 1e-3, 2, value=0.5)
    assert len(nudged) == 2 and all(np.abs(W - 0.5).max() < 0.01 and np.abs(W - 0.5).max() > 0 for W in nudged[0].weights)
    assert mh.tied_units(nudged[0]) == [[]]
    constant = init.constant_starts([2, 3, 1], [0.25])[0]
    assert mh.tied_units(constant) == [[[0, 1, 2]]] and np.all(constant.biases[1] == 0.25)


def test_steps_to_fit_is_fit_steps_of_one_long_run():
    nets = init.random_starts(CASE.sizes, 40, scale=3.0) + init.constant_starts(CASE.sizes, [1.0, 2.0])
    rates = np.linspace(1.0, 2.0, len(nets))
    whole = mh.train_many([n.copy() for n in nets], CASE.X, CASE.Y, rates, 3000, weights_every=0).fit_steps(0.01)
    chunked = init.steps_to_fit([n.copy() for n in nets], CASE.X, CASE.Y, rates, 3000, chunk=700)
    np.testing.assert_array_equal(chunked, whole)
    assert np.isfinite(whole).sum() > 20 and np.isinf(whole).sum() >= 2  # both kinds are there
    stuck = nets[-1].copy()
    init.steps_to_fit([stuck], CASE.X, CASE.Y, 2.0, 1200, chunk=500)  # never fits: trained all 1200 steps
    reference = nets[-1].copy()
    mh.train(reference, CASE.X, CASE.Y, 2.0, 1200)
    np.testing.assert_allclose(stuck.weights[1], reference.weights[1], rtol=1e-12)


def test_holds_from():
    assert init.holds_from(np.array([True, False, True, True])) == 2
    assert init.holds_from(np.array([True, True])) == 0 and init.holds_from(np.array([True, False])) == 2
    assert init.holds_from(np.array([], dtype=bool)) == 0
    omega = np.array([0.5, 0.1, -0.2, 0.3, -0.1, -0.4])  # a sign that turns, turns back, and turns again
    assert init.holds_from(omega < 0) == 4 and np.all(omega[4:] < 0) and not omega[3] < 0
    with pytest.raises(TypeError, match="1-D array of True/False"):
        init.holds_from(omega)
    with pytest.raises(TypeError, match="1-D array of True/False"):
        init.holds_from(np.ones((2, 2), dtype=bool))


def test_plateau_exits_and_fraction():
    history = mh.train_many(init.constant_starts(CASE.sizes, [-1.0, 1.0]), CASE.X, CASE.Y, 0.5, 6000, weights_every=0)
    exits = init.plateau_exits(history, 0.2)
    assert exits[0] < 1000 and 5000 < exits[1] < 6000
    assert history.loss[1, int(exits[1])] < 0.2 <= history.loss[1, int(exits[1]) - 1]
    assert init.fraction_fit_by(np.array([1.0, 5.0, np.inf, 3.0]), 3) == 0.5


def test_xor_data():
    assert init.XOR_X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]] and init.XOR_Y.ravel().tolist() == [0, 1, 1, 0]
    with pytest.raises(ValueError):
        init.XOR_X[0, 0] = 5.0


class ArrayRaises:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array here")

    def __repr__(self):  # fixed text: the default repr's memory address could contain the digits a test forbids
        return "ArrayRaises()"


@pytest.mark.parametrize("formula, verdict", [
    (lambda shape: 1 / np.sqrt(shape[1]), "Correct: the standard deviation"),
    (lambda shape: 1 / np.sqrt(shape[0]), "Not yet: that is LeCun's 1/sqrt(n_in) (the rows of W_l), the forward count"),
    (lambda shape: 1.0 / shape[1], "Not yet: that is the variance s^2"),
    (lambda shape: np.sqrt(shape[1]), "Not yet: that is upside down"),
    (lambda shape: np.sqrt(2.0 / sum(shape)), "Not yet: that is Glorot's compromise"),
    (lambda shape: 1 / np.sqrt(np.prod(shape)), "Not yet: n_in and n_out are multiplied"),
    (lambda shape: 0.5, "Not yet: for W_l of shape (n_in, n_out), count the terms"),
    (lambda shape: 1 / 0, "Not yet: backward_std((2, 3)) raised ZeroDivisionError"),
    (lambda shape: None, "Not yet: your function returns None: did you forget `return`? backward_std must end"),
    (lambda shape: 10 ** 400, "Not yet: backward_std((2, 3)) must return one finite number, got int"),
    (lambda shape: "0.6", "Not yet: backward_std((2, 3)) must return one finite number, got str"),
    (lambda shape: ArrayRaises(), "Not yet: backward_std((2, 3)) must return one finite number"),
    (lambda shape: [0.6, 0.5], "Not yet: backward_std((2, 3)) must return one finite number, got list"),
    (lambda n_in, n_out: 1 / np.sqrt(n_out), "Not yet: backward_std((2, 3)) raised TypeError"),
    (..., "Not yet: there is no backward_std yet"),
    (None, "Not yet: there is no backward_std yet"),
    (0.58, "Not yet: pass the function itself"),
])
def test_check_backward_std_names_the_slip(formula, verdict):
    result = init.check_backward_std(formula)
    assert isinstance(result, mh.lessons.exercise_checks.CheckResult)
    assert result.verdict.startswith(verdict), result.verdict
    assert result.passed == verdict.startswith("Correct")
    if result.passed:  # only a right answer is told Glorot's compromise and the network's Glorot scales
        assert "0.63, 0.58, 0.63" in result.verdict and "average of the two counts" in result.verdict
    else:  # no expected value, no Glorot scale
        assert not any(f"{v:.2f}" in result.verdict for v in (1 / np.sqrt(3), 1 / np.sqrt(2), np.sqrt(0.4)))
        assert "average" not in result.verdict
    assert "tolerance" in result.verdict or not result.passed


def test_check_backward_std_not_implemented():
    def backward_std(shape):
        raise NotImplementedError("write this part")
    assert init.check_backward_std(backward_std).verdict.startswith("Not yet: backward_std still raises NotImplementedError")


FITS = np.array([100.0, 200.0, np.inf, np.inf, 300.0, np.inf, np.inf, 50.0, 70.0, np.inf, np.inf])  # n 11, k 5
KNOWN = 100.0 * 4 / 10  # the last finite value at sorted position 4 of 0..10


@pytest.mark.parametrize("answer, verdict", [
    (KNOWN, "Correct: (relative tolerance"),
    (40.0, "Correct"),
    (np.float64(40.0), "Correct"),
    (np.array([40.0]), "Correct"),
    (100.0 * 5 / 11, "Not yet: that is the share of the starts that fit"),
    (100.0 * 5 / 10, "Not yet: the sorted positions count from 0"),
    (100.0 * 4 / 11, "Not yet: the positions run from 0 to n - 1"),
    (0.4, "Not yet: that is p as a fraction"),
    (60.0, "Not yet: that counts from the slow end"),
    (17.0, "Not yet: count the finite entries"),
    (40.2, "Not yet: 40.2 is close to the largest known percentile"),
    (np.inf, "Not yet: the answer must be one finite number"),
    (..., "Not yet answered"),
    (None, "Not yet answered"),
    ([1, 2], "Not yet: the answer must be one finite number"),
    ("40", "Not yet: the answer must be one finite number"),
    (10 ** 400, "Not yet: the answer must be one finite number"),
    (float("nan"), "Not yet: the answer must be one finite number"),
    (ArrayRaises(), "Not yet: the answer must be one finite number"),
])
def test_check_known_percentile_names_the_slip(answer, verdict):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = init.check_known_percentile(answer, FITS)
    assert result.verdict.startswith(verdict), result.verdict
    assert result.passed == verdict.startswith("Correct")
    assert "40" not in result.verdict.replace("40.2", "").replace("got str '40'", "")
    # the right value is where np.percentile stops being finite
    with np.errstate(invalid="ignore"):  # interpolating toward inf: inf * 0 in numpy's lerp
        assert np.isfinite(np.percentile(FITS, KNOWN - 0.1)) and not np.isfinite(np.percentile(FITS, KNOWN + 0.1))


def png_of(explorer):
    (output,) = explorer.figure.outputs
    return base64.b64decode(output["data"]["image/png"])


def test_explorer_starts_at_random_and_ties_at_a_constant():
    # report 05BK (fault 3): it opens at random, so its first picture does not answer the page's first
    # question (a constant start: how many bars, how many tied?)
    explorer = initialization_explorer(CASE, starts=20, steps=1500)
    assert isinstance(explorer, InitializationExplorer) and "bph-init-scale-explorer" in explorer._dom_classes
    assert explorer.verdict.value == "no tied units; 0 of 20 starts have tied units"
    first = png_of(explorer)
    assert first.startswith(b"\x89PNG")
    explorer.start.value = "constant"
    assert explorer.verdict.value == ("layer 1: 3 units tied in 1 group; layer 2: 3 units tied in 1 group; "
                                      "20 of 20 starts have tied units")
    assert png_of(explorer) != first
    assert explorer.fit_steps.shape == (20,) and len(set(explorer.fit_steps.tolist())) == 1  # one network, 20 times
    explorer.start.value = "random"
    assert png_of(explorer) == first  # from the cache
    # the same numbers as the starts trained directly
    direct = mh.train_many(init.random_starts(CASE.sizes, 20, 1.0), CASE.X, CASE.Y, 2.0, 1500, weights_every=0)
    np.testing.assert_array_equal(explorer.fit_steps, direct.fit_steps(0.01))
    assert np.isfinite(explorer.fit_steps).any()
    explorer.start.value = "almost constant"
    explorer.scale.value = 1e-6
    assert explorer.verdict.value.startswith("no tied units")  # nudged: no longer exactly tied
    assert len(explorer.runs) == 4  # constant, random, almost constant at scale 1 and at 1e-6
    explorer.scale.value = 1.0
    explorer.start.value = "random"  # both settings seen before: from the cache
    assert len(explorer.runs) == 4 and explorer.verdict.value.startswith("no tied units")


def test_explorer_shows_errors_and_checks_case():
    with pytest.raises(TypeError, match="case must be a Case"):
        initialization_explorer("seed 001")
    explorer = initialization_explorer(CASE, starts=4, steps=50)
    explorer.run = lambda *args: 1 / 0
    explorer.lr.value = 1.0
    (output,) = explorer.figure.outputs
    assert output["text"].startswith("Error: ZeroDivisionError") and explorer.verdict.value.startswith("no verdict")


def test_steps_to_fit_measures_step_0_and_drops_networks_that_diverge():
    case = mh.cases.sigmoid_2_3_3_2()
    fitted = mh.MLP([2, 3, 3, 2]).init_random(0)
    mh.train(fitted, case.X, case.Y, lr=0.5, iterations=6000)
    assert init.steps_to_fit([fitted.copy()], case.X, case.Y, lr=0.5, iterations=0).tolist() == [0.0]
    linear = mh.MLP([2, 1], activation="linear").init_constant(1.0)  # lr 10: each step overshoots 40-fold
    with pytest.warns(mh.TrainingDiverged) as warned:
        fits = init.steps_to_fit([linear], [[1.0, 1.0]], [[0.0]], lr=10.0, iterations=2000, chunk=500)
    assert fits.tolist() == [np.inf] and len(warned) == 1  # not retrained chunk after chunk


@pytest.mark.parametrize("call, error, words", [
    (lambda: init.steps_to_fit(mh.MLP([2, 3, 3, 2]), [[0.8, 0.4]], [[0.2, 0.4]], 0.5, 10), TypeError, "nets must be a list"),
    (lambda: init.steps_to_fit([mh.MLP([2, 3, 3, 2])], [[0.8, 0.4]], [[0.2, 0.4]], [0.5, 1.0], 10), ValueError, "lr must be one number"),
    (lambda: init.plateau_exits(mh.train(mh.MLP([1, 1]), [[1.0]], [[0.0]], 0.5, 2), 0.1), TypeError, "EnsembleHistory"),
    (lambda: init.fraction_fit_by([], 10), ValueError, "at least one step"),
    (lambda: init.constant_starts([2, 3, 1], 0.5), ValueError, "1-D list"),
    (lambda: init.random_starts(5, 2), TypeError, "sizes must be a list"),
    (lambda: init.random_starts([2, 1], 2.5), ValueError, "seeds must be a whole number"),
])
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


@pytest.mark.parametrize("kwargs, error, words", [
    (dict(starts=0), ValueError, "starts must be at least 1"),
    (dict(steps=0), ValueError, "steps must be at least 1"),
    (dict(lr=3.0), ValueError, "lr must be one of the explorer's rates"),
])
def test_the_explorer_refuses_settings_it_cannot_show(kwargs, error, words):
    with pytest.raises(error, match=words):
        initialization_explorer(CASE, **kwargs)


def test_fit_and_follow_refuses_what_it_cannot_record():
    nets = init.random_starts(CASE.sizes, 4)
    with pytest.raises(ValueError, match=r"^the followed networks must share one step limit \(iterations\), got \[200, 300\]"):
        init.fit_and_follow(nets, CASE.X, CASE.Y, 0.5, [200, 300, 300, 300], follow=[0, 1])
    with pytest.raises(ValueError, match=r"^chunk and every step limit below the followed networks' \(300\) must be "
                                         r"multiples of weights_every=100, got \[150\]"):
        init.fit_and_follow(nets, CASE.X, CASE.Y, 0.5, [150, 300, 300, 300], follow=[1])
    with pytest.raises(ValueError, match=r"^follow must hold distinct network indices from 0 to 3, got \[1, 1\]"):
        init.fit_and_follow(nets, CASE.X, CASE.Y, 0.5, 300, follow=[1, 1])
    with pytest.raises(ValueError, match=r"^follow must hold distinct network indices from 0 to 3, got \[4\]"):
        init.fit_and_follow(nets, CASE.X, CASE.Y, 0.5, 300, follow=[4])
    with pytest.raises(TypeError, match=r"^follow must be a list of network indices, got set"):
        init.fit_and_follow(nets, CASE.X, CASE.Y, 0.5, 300, follow={1})
    with pytest.raises(ValueError, match=r"^iterations must be one step count or one per network \(4\), got 2"):
        init.fit_and_follow(nets, CASE.X, CASE.Y, 0.5, [300, 300], follow=[1])


def test_steps_to_fit_takes_a_limit_per_network():
    nets = init.random_starts(CASE.sizes, 6, scale=1.0)
    fits = init.steps_to_fit([n.copy() for n in nets], CASE.X, CASE.Y, 2.0, [1000, 3000] * 3, chunk=400)
    whole = mh.train_many([n.copy() for n in nets], CASE.X, CASE.Y, 2.0, 3000, weights_every=0).fit_steps(0.01)
    np.testing.assert_array_equal(fits[1::2], whole[1::2])
    np.testing.assert_array_equal(fits[::2], np.where(whole[::2] <= 1000, whole[::2], np.inf))
    assert np.isinf(fits[::2]).any() and np.isfinite(fits[1::2]).any()


def test_recorded_activations_is_a_forward_pass_of_the_recorded_parameters():
    nets = init.random_starts([2, 3, 2], 2)
    X = np.array([[0.8, 0.4], [0.3, 0.3]])
    history = mh.train_many([n.copy() for n in nets], X, np.array([[0.2, 0.4], [1.0, 0.0]]), lr=0.5,
                            iterations=20, weights_every=10)
    acts = init.recorded_activations(history, [1], X)
    assert [a.shape for a in acts] == [(1, 3, 2, 3), (1, 3, 2, 2)]
    # at step 0 the recorded parameters are the start's: the network's own forward pass
    assert np.allclose(acts[-1][0, 0], nets[1].forward(X)[-1], rtol=1e-12, atol=0)
    with pytest.raises(ValueError, match="runs"):
        init.recorded_activations(history, [2], X)
    with pytest.raises(ValueError, match="columns"):
        init.recorded_activations(history, [0], np.ones((2, 3)))
    with pytest.raises(TypeError, match="history"):
        init.recorded_activations("history", [0], X)


def test_recorded_net_parameters_and_untying_lengths():
    # report 05CZ (fault 3): notebook 05's index plumbing (recorded steps, theta vectors, |Q^T u|) as named helpers
    nets = init.constant_starts(CASE.sizes, [1.0]) + init.almost_constant_starts(CASE.sizes, 1e-3, 2)
    history = mh.train_many(nets, CASE.X, CASE.Y, lr=0.5, iterations=20, weights_every=10)  # recorded steps 0, 10, 20
    net = init.recorded_net(history, 1, 2)
    assert isinstance(net, mh.MLP) and net.sizes == [2, 3, 3, 2]
    assert all(np.array_equal(p, P[1, 2]) for p, P in zip(net.weights + net.biases, history.weights + history.biases))
    net.weights[0][0, 0] += 1.0  # a copy: the history is untouched
    assert history.weights[0][1, 2, 0, 0] != net.weights[0][0, 0]
    theta = init.recorded_parameters(history, [0, 2])
    assert theta.shape == (2, 3, 29)
    assert np.array_equal(theta[1, 1], np.concatenate([P[2, 1].ravel() for P in history.weights + history.biases]))
    lengths = init.untying_lengths(history, [1, 2], 0)
    assert lengths.shape == (2, 3) and np.all(lengths > 0)
    tied = init.tied_directions(CASE.sizes)
    u = theta[1, 2] - theta[0, 2]
    assert lengths[1, 2] == pytest.approx(np.linalg.norm(u - tied @ (tied.T @ u)), rel=1e-12)
    assert init.untying_lengths(history, [0], 0).max() == 0  # the tied run against itself
    constants = mh.train_many(init.constant_starts(CASE.sizes, [0.5, 1.0]), CASE.X, CASE.Y, lr=0.5, iterations=10, weights_every=10)
    assert init.untying_lengths(constants, [0], 1).max() < 1e-12  # two tied runs differ only along tie-keeping moves
    with pytest.raises(ValueError, match="row must be a whole number 0..2"):
        init.recorded_net(history, 3, 0)
    with pytest.raises(ValueError, match="index must be a whole number 0..2"):
        init.recorded_net(history, 0, 3)
    with pytest.raises(ValueError, match="rows must be a non-empty list"):
        init.recorded_parameters(history, [])
    with pytest.raises(ValueError, match="tied_row must be one network row"):
        init.untying_lengths(history, [1], [0])
    unrecorded = mh.train_many(init.constant_starts(CASE.sizes, [1.0]), CASE.X, CASE.Y, lr=0.5, iterations=5, weights_every=0)
    with pytest.raises(TypeError, match="recorded weights"):
        init.recorded_net(unrecorded, 0, 0)


def test_steps_to_zero_at_one_steps_pace():
    net = init.constant_starts(CASE.sizes, [0.5])[0]
    mh.train(net, CASE.X, CASE.Y, lr=0.5, iterations=100)
    steps = init.steps_to_zero(net, CASE.X, CASE.Y, lr=0.5)
    assert set(steps) == {"omega_1", "omega_2", "gap(a^2)"}
    dW, db = net.gradients(CASE.X, CASE.Y)
    assert steps["omega_1"] == pytest.approx(net.weights[2][0, 0] / (0.5 * dW[2][0, 0]), rel=1e-12)
    assert steps["omega_2"] == pytest.approx(net.weights[2][0, 1] / (0.5 * dW[2][0, 1]), rel=1e-12)
    lower = net.copy()  # W_0, W_1, b_0, b_1 one step, W_2 and b_2 kept
    for l in (0, 1):
        lower.weights[l] = net.weights[l] - 0.5 * dW[l]
        lower.biases[l] = net.biases[l] - 0.5 * db[l]
    a2_now, a2_next = net.forward(CASE.X)[2][:, 0], lower.forward(CASE.X)[2][:, 0]
    d_now, d_next = a2_now[0] - a2_now[1], a2_next[0] - a2_next[1]
    assert steps["gap(a^2)"] == pytest.approx(-d_now / (d_next - d_now), rel=1e-9)
    assert 200 < steps["omega_1"] < 320 and steps["gap(a^2)"] > 1000  # c = 0.5 at step 100: omega_1 first (notebook 05, 2c)
    with pytest.raises(TypeError, match="2-3-3-2 MLP with biases"):
        init.steps_to_zero(mh.MLP([2, 3, 1]), CASE.X, CASE.Y, lr=0.5)
