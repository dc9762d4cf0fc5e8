"""What students try at the edges: overflowing parameters, huge numbers, odd rates and lists.

Every error names the argument and says what to do instead.
"""

import warnings

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases
from mlp_helpers.lessons import initialization as init

TIED = cases.sigmoid_2_3_3_2()


# -- parameters that overflow are a divergence -------------------------------------------------
def test_train_reports_a_weight_that_overflows_while_the_loss_stays_finite():
    net = mh.MLP([1, 1]).init_constant(0.0)
    with pytest.warns(mh.TrainingDiverged, match=r"^diverged at step 1: a parameter overflowed to inf or NaN; "
                      r"try a smaller learning rate"):
        history = mh.train(net, [[1000.0]], [[1.0]], 1e307, 3)
    assert history.diverged and list(history.iterations) == [0]
    # the network keeps its last finite parameters, the start
    assert net.weights[0][0, 0] == 0.0 and net.biases[0][0] == 0.0


def test_train_many_reports_the_same_overflow_and_the_others_go_on():
    nets = [mh.MLP([1, 1]).init_constant(0.0) for _ in range(3)]
    with pytest.warns(mh.TrainingDiverged, match=r"^2 of 3 networks diverged \(the first at step 1\): their loss or "
                      r"parameters became inf or NaN"):
        history = mh.train_many(nets, [[1000.0]], [[1.0]], [1e307, 0.5, 1e307], 3)
    assert list(history.diverged) == [True, False, True] and list(history.diverged_at) == [1, -1, 1]
    assert np.isnan(history.loss[0, 1:]).all() and np.isfinite(history.loss[1]).all()
    assert all(np.isfinite(p).all() for net in nets for p in net.weights + net.biases)
    assert nets[0].weights[0][0, 0] == 0.0 and nets[1].weights[0][0, 0] != 0.0
    # the network that did not diverge is exactly what train makes of it
    alone = mh.MLP([1, 1]).init_constant(0.0)
    np.testing.assert_allclose(history.loss[1], mh.train(alone, [[1000.0]], [[1.0]], 0.5, 3).loss, rtol=1e-12)


def test_large_finite_parameters_whose_sum_overflows_are_not_a_divergence():
    # 1e308 + 1e308 overflows, yet each weight is finite: training goes on
    net = mh.MLP([2, 1], activation="linear", bias=False).set_params([np.array([[1e308], [1e308]])])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = mh.train(net, [[0.0, 0.0]], [[0.0]], 0.1, 2)
        many = mh.train_many([mh.MLP([2, 1], activation="linear", bias=False).set_params(
            [np.array([[1e308], [1e308]])])], [[0.0, 0.0]], [[0.0]], 0.1, 2)
    assert not history.diverged and len(history) == 3
    assert not many.diverged.any() and list(many.loss[0]) == [0.0, 0.0, 0.0]


# -- numbers too large for a float ---------------------------------------------------------------
@pytest.mark.parametrize("where", ["X", "Y"])
def test_huge_python_integers_in_the_data_name_the_argument(where):
    data = {"X": [[0.8, 0.4], [0.3, 10**400]], "Y": [[0.2, 0.4], [10**400, 0.0]]}
    X, Y = (data["X"], TIED.Y) if where == "X" else (TIED.X, data["Y"])
    for call in (lambda: mh.train(TIED.network(), X, Y, 0.5, 3), lambda: mh.train_many([TIED.network()], X, Y, 0.5, 3),
                 lambda: TIED.network().gradients(X, Y)):
        with pytest.raises(ValueError, match=rf"^{where} holds a number too large for a float \(about 1.8e308 at most\); "
                           "scale the data or write the number as a float"):
            call()


def test_huge_python_integers_as_answers_get_a_verdict_not_an_error():
    result = init.check_known_percentile(10**400, np.array([10.0, np.inf, 30.0]))
    assert not result.passed and result.verdict.startswith("Not yet: the answer must be one finite number")
    assert init.fraction_fit_by([10, 10**400], 20) == 0.5
    assert init.fraction_fit_by([10, np.inf], 10**400) == 0.5


# -- learning rates ------------------------------------------------------------------------------
def test_a_0d_array_is_one_learning_rate():
    for call in (mh.train, lambda *a: mh.train_many([a[0]], *a[1:])):
        history = call(TIED.network(), TIED.X, TIED.Y, np.array(0.5), 3)
        reference = call(TIED.network(), TIED.X, TIED.Y, 0.5, 3)
        np.testing.assert_array_equal(history.loss, reference.loss)


@pytest.mark.parametrize("lr", [[True, True], np.array([True, True]), [0.5, True], (False, 0.5)])
def test_true_and_false_are_not_learning_rates(lr):
    nets = [TIED.network() for _ in range(2)]
    with pytest.raises(TypeError, match=r"^lr must be one number or one number per network, got True or False in it; "
                       "write the rates as numbers"):
        mh.train_many(nets, TIED.X, TIED.Y, lr, 3)
    with pytest.raises(TypeError, match="^lr must be a real number, got bool True"):
        mh.train(nets[0], TIED.X, TIED.Y, True, 3)


# -- fraction_fit_by -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "fit_steps, steps, error, message",
    [
        (["10", "20"], 15, TypeError, "fit_steps must hold numbers (steps to fit, inf for never), not text or True/False"),
        ("1020", 15, TypeError, "fit_steps must be a 1-D array of steps to fit (inf for never), got str"),
        ([True, False], 15, TypeError, "fit_steps must hold numbers"),
        ([[10.0, 20.0], [30.0, 40.0]], 15, ValueError, "fit_steps must be a 1-D array of at least one step to fit, got shape (2, 2)"),
        ([], 15, ValueError, "fit_steps must be a 1-D array of at least one step to fit, got shape (0,)"),
        ([10.0, -5.0], 15, ValueError, "fit_steps must hold steps >= 0 or inf (never fit); it holds NaN or a negative number"),
        ([10.0, np.nan], 15, ValueError, "it holds NaN or a negative number"),
        ([10.0, 20.0], -1, ValueError, "steps must be at least 0 (or inf), got -1"),
        ([10.0, 20.0], np.nan, ValueError, "steps must be at least 0 (or inf), got nan"),
        ([10.0, 20.0], "15", TypeError, "steps must be a number of steps (inf for ever), got str '15'"),
    ],
)
def test_fraction_fit_by_checks_its_arguments(fit_steps, steps, error, message):
    with pytest.raises(error) as raised:
        init.fraction_fit_by(fit_steps, steps)
    assert message in str(raised.value)


def test_fraction_fit_by_takes_inf_steps_as_ever():
    assert init.fraction_fit_by([10.0, np.inf, 30.0, np.inf], np.inf) == 0.5
    assert init.fraction_fit_by(np.array([10.0, 20.0, np.inf]), 20) == 2 / 3


# -- kinds of start ------------------------------------------------------------------------------
def test_constant_starts_refuse_true_and_false():
    for values in ([True], [0.5, False], np.array([True])):
        with pytest.raises(TypeError, match="^values must be constants \\(numbers\\), got True or False in it"):
            init.constant_starts(TIED.sizes, values)


@pytest.mark.parametrize("seeds", [{0, 1, 2}, frozenset([3, 4]), {0: "a", 1: "b"}])
def test_random_starts_refuse_seeds_without_an_order(seeds):
    with pytest.raises(TypeError, match=r"^seeds must be a count or a list of seeds in order, got a \w+ \(no order\); "
                       r"write sorted\(seeds\) or a list"):
        init.random_starts(TIED.sizes, seeds)
    assert [n.weights[0][0, 0] for n in init.random_starts(TIED.sizes, sorted(seeds))] == \
        [TIED.network().init_random(s).weights[0][0, 0] for s in sorted(seeds)]


def test_a_seed_in_a_list_is_named_by_its_place():
    with pytest.raises(ValueError, match=r"seeds\[1\] must be at least 0, got -1"):
        init.random_starts(TIED.sizes, [0, -1])


# -- parameters assigned by hand -----------------------------------------------------------------
def test_a_float32_weight_is_named_with_its_dtype():
    net = TIED.network()
    net.weights[0] = net.weights[0].astype(np.float32)
    for call in (lambda: mh.train(net, TIED.X, TIED.Y, 0.5, 3), lambda: mh.train_many([TIED.network(), net], TIED.X, TIED.Y, 0.5, 3)):
        with pytest.raises(TypeError, match=r"net.weights\[0\] must be a float64 numpy array of shape \(2, 3\), got a "
                           r"float32 array; use set_params to put in new parameters \(it converts them\)"):
            call()
    with pytest.raises(TypeError, match=r"^nets\[1\]: net.weights\[0\]"):
        mh.train_many([TIED.network(), net], TIED.X, TIED.Y, 0.5, 3)


def test_checking_many_networks_is_one_check_that_still_names_the_bad_one():
    nets = [TIED.network().init_random(seed) for seed in range(50)]
    nets[37].biases[2] = np.array([0.0, np.inf])
    with pytest.raises(ValueError, match=r"^nets\[37\]: net.biases\[2\] contains NaN or inf"):
        mh.train_many(nets, TIED.X, TIED.Y, 0.5, 3)
    nets[37].biases[2] = np.zeros(3)
    with pytest.raises(ValueError, match=r"^nets\[37\]: net.biases\[2\] must have shape \(2,\), got shape \(3,\)"):
        mh.train_many(nets, TIED.X, TIED.Y, 0.5, 3)
    nets[37].biases = nets[37].biases[:2]
    with pytest.raises(ValueError, match=r"^nets\[37\]: net.biases must hold 3 arrays, one per layer, got 2"):
        mh.train_many(nets, TIED.X, TIED.Y, 0.5, 3)


# -- steps_to_fit's chunk ------------------------------------------------------------------------
def test_a_chunk_too_large_for_the_budget_is_named_with_the_largest_that_fits():
    nets = init.random_starts(TIED.sizes, 200)
    with pytest.raises(ValueError, match=r"^chunk=10,000,000 steps of 200 networks would not fit in the 256 MiB budget; "
                       r"use a smaller chunk \(at most ([\d,]+)\)") as raised:
        init.steps_to_fit(nets, TIED.X, TIED.Y, 0.5, 10**8, chunk=10**7)
    most = int(str(raised.value).rsplit("at most ", 1)[1].rstrip(")").replace(",", ""))
    assert 50_000 < most < 100_000  # 16 bytes per network and step: about 83,000 steps for 200 networks
    # a huge chunk for a short run is only as long as the run
    fits = init.steps_to_fit(init.random_starts(TIED.sizes, 5), TIED.X, TIED.Y, 2.0, 300, chunk=10**9)
    np.testing.assert_array_equal(fits, init.steps_to_fit(init.random_starts(TIED.sizes, 5), TIED.X, TIED.Y, 2.0, 300))


def test_steps_to_fit_warns_once_however_many_chunks():
    X, Y = np.linspace(-3, 3, 20)[:, None].repeat(2, 1), np.linspace(-15, 15, 20)[:, None]
    nets = init.constant_starts([2, 2, 1], [1.0, 0.5, 0.8], activation="linear")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fits = init.steps_to_fit(nets, X, Y, [0.0002, 1.0, 0.0005], 300, tol=1e-3, chunk=2)
    assert len(caught) == 1 and issubclass(caught[0].category, mh.TrainingDiverged)
    assert str(caught[0].message).startswith("1 of 3 networks diverged (the first after step ")
    assert np.isinf(fits[1])
    fits, diverged_at = init.fit_and_divergence(init.constant_starts([2, 2, 1], [1.0, 0.5, 0.8], activation="linear"),
                                                X, Y, [0.0002, 1.0, 0.0005], 300, tol=1e-3, chunk=2)
    with pytest.warns(mh.TrainingDiverged):  # the same step as one train_many call of 300 steps
        history = mh.train_many(init.constant_starts([2, 2, 1], [1.0, 0.5, 0.8], activation="linear"), X, Y,
                                [0.0002, 1.0, 0.0005], 300)
    assert list(diverged_at) == list(history.diverged_at) and diverged_at[1] > 2  # in a later chunk
