"""Every number notebook 06 (why training stalls) prints, recomputed, and robust.

``printed(X, Y)`` reruns every experiment of the notebook with the package and returns each line
it prints, keyed by what it is about. The test checks that

* the lines are in the notebook's stored outputs (the notebook shows what we compute);
* the same lines come out with X and Y moved by one ulp (``np.nextafter``): a number that
  changed would be a fact about this CPU's rounding, not about the network;
* the values themselves, as literals (the all-ones fit steps 3071 and 14575 among them), and the
  numbers the prose quotes; and a few facts a second way (separate ``train`` calls, the tie).
"""

import json
import re
from pathlib import Path

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases
from mlp_helpers.lessons import initialization as init
from mlp_helpers.lessons import stalls

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "06_why_training_stalls.ipynb"
CASE = cases.sigmoid_2_3_3_2()


def printed(X, Y):
    """Every line the notebook prints after its set-up cell, by what it is about."""
    out = {}
    for a in (0.5, 0.9, 0.99):
        out[f"slope {a}"] = f"a = {a}: slope a(1 - a) = {a * (1 - a):.4f}"
    ones = CASE.network()
    for name, net in (("all ones", ones), ("random start (seed 3)", CASE.network().init_random(3))):
        error = mh.gradient_check(net, X, Y, "cross_entropy", eps=1e-3, order=4)
        out[f"check {name}"] = f"{name}: backprop and finite differences agree to 1e-9: {error < 1e-9}"

    runs = {}
    pair = mh.train_many([ones.copy(), ones.copy()], X, Y, lr=[0.5, 1.0], iterations=15000, weights_every=1)
    histories = {("sse", 0.5): mh.symmetry.member_history(pair, 0), ("sse", 1.0): mh.symmetry.member_history(pair, 1),
                 ("cross_entropy", 0.5): mh.train(ones.copy(), X, Y, lr=0.5, iterations=4000, loss="cross_entropy")}
    for (loss, lr), history in histories.items():
        m = stalls.fit_and_plateau(history, X, Y, CASE.activation)
        runs[loss, lr] = history, m
        out[f"milestones {loss} {lr}"] = (f"{loss:14s} {lr:3g} {m.enter:12d} {m.leave:5d} {m.plateau:7d} "
                                          f"{m.half_floor:9d} {m.fit:6d} {m.approach:13d}")
    out["cross-entropy at a = y"] = ("cross-entropy of the first observation with its outputs equal to its targets 0.2 "
                                     f"and 0.4: {mh.loss('cross_entropy', Y[:1], Y[:1]):.3f}")
    plateau = mh.symmetry.outputs_over_training(runs["cross_entropy", 0.5][0], X, CASE.activation)[1000]
    out["plateau outputs"] = f"cross-entropy run at step 1000, outputs: {plateau.round(3).tolist()}"
    out["plateau ratio"] = ("sum of squared errors' delta / cross-entropy's, 2a(1 - a), per output: "
                            f"{(2 * plateau * (1 - plateau)).round(2).tolist()}")
    history, m = runs["sse", 0.5]
    fitted = mh.symmetry.outputs_over_training(history, X, CASE.activation)[m.fit]
    out["slopes at the fit"] = (f"step {m.fit}: outputs with target 1 and 0: {fitted[1, 0]:.4f} and "
                                f"{fitted[1, 1]:.4f}; slopes a(1 - a): {fitted[1, 0] * (1 - fitted[1, 0]):.4f} and "
                                f"{fitted[1, 1] * (1 - fitted[1, 1]):.4f}")

    for loss, lr in (("sse", 0.5), ("sse", 2.0), ("cross_entropy", 0.5)):  # one call each here, not two
        fits = init.steps_to_fit(init.random_starts(CASE.sizes, 20), X, Y, lr=lr, iterations=20000, loss=loss)
        out[f"random {loss} {lr}"] = (f"{loss:14s} lr {lr:3g}: median {np.median(fits):.0f} steps to fit, "
                                      f"from {fits.min():.0f} to {fits.max():.0f}")
    outputs = np.array([net.predict(X) for net in init.random_starts(CASE.sizes, 20)])
    factor = 2 * outputs * (1 - outputs)
    out["random factor"] = (f"step 0, 2a(1 - a) over the 20 starts' outputs: median {np.median(factor):.2f}, "
                            f"from {factor.min():.2f} to {factor.max():.2f}")

    depth, width = 10, 16
    sizes = [2] + [width] * (depth - 1) + [2]
    for f in stalls.HIDDEN:
        nets = init.random_starts(sizes, 50, stalls.SCHEME_OF[f], activation=[f] * (depth - 1) + ["sigmoid"])
        delta, gradient, inputs = stalls.layer_sizes(nets, X, Y, "cross_entropy")
        delta, gradient = np.median(delta / delta[:, -1:], axis=0), np.median(gradient / gradient[:, -1:], axis=0)
        inputs = np.median(inputs, axis=0)
        per_layer = (delta[0] / delta[-2]) ** (1 / (depth - 2))
        out[f"depth {f}"] = f"{f:8s} {stalls.SCHEME_OF[f]:6s}  {delta[0]:27.2g}  {per_layer:16.2g}  {gradient[0]:20.2g}"
        out[f"inputs {f}"] = (f"{f:8s}: input of W_0 (X) {inputs[0]:.2f}; inputs of W_1 to W_9 (hidden outputs) from "
                              f"{inputs[1:].min():.2f} to {inputs[1:].max():.2f}; delta, layer 1 / layer 2: "
                              f"{delta[0] / delta[1]:.2f}; one weight's gradient, W_0 / W_1: "
                              f"{gradient[0] / gradient[1]:.2f} (guess, delta ratio x input ratio: "
                              f"{delta[0] / delta[1] * inputs[0] / inputs[1]:.2f})")

    for f in stalls.HIDDEN:
        net = stalls.stall_net(f).init_constant(0.0)
        history = mh.train(net, X, Y, lr=0.5, iterations=1500, loss="cross_entropy")
        fit = mh.first_fit_step(history, X, Y, net.activation)
        moved = [f"W_{l}" for l, w in enumerate(history.weights) if w.any()]
        moved += [f"b_{l}" for l, b in enumerate(history.biases) if b.any()]
        said = f"fits at step {fit}" if fit is not None else "not within 1500 steps"
        sse = mh.loss("sse", net.predict(X), Y)
        out[f"zeros {f}"] = (f"{f:8s}: {said}; parameters that moved: {', '.join(moved)}; "
                             f"sum of squared errors at the end {sse:.3f}")

    tanh_steps = init.steps_to_fit(init.random_starts(CASE.sizes, 20, "glorot", activation=["tanh", "tanh", "sigmoid"]),
                                   X, Y, lr=0.5, iterations=1500, loss="cross_entropy")
    out["tanh random"] = (f"tanh, 20 random starts: all fit within 1500 steps: {bool(np.isfinite(tanh_steps).all())}; "
                          f"median {np.median(tanh_steps):.0f} steps, from {tanh_steps.min():.0f} to "
                          f"{tanh_steps.max():.0f}")
    sigmoid_steps = init.steps_to_fit(init.random_starts(CASE.sizes, 20, "glorot"), X, Y, lr=0.5, iterations=1500,
                                      loss="cross_entropy")
    out["sigmoid glorot"] = (f"sigmoid, the same Glorot scale: median {np.median(sigmoid_steps):.0f} steps, "
                             f"from {sigmoid_steps.min():.0f} to {sigmoid_steps.max():.0f}")

    relu_nets = init.random_starts(CASE.sizes, 1000, "he", activation=["relu", "relu", "sigmoid"])
    out["he scales"] = ("He's standard deviation per weight layer, for its weights and its biases alike: "
                        f"{[round(float(s), 2) for s in init.layer_scales(CASE.sizes, 'he')]}")
    dead_at_start = np.array([np.concatenate(stalls.dead_units(net, X)) for net in relu_nets])
    out["dead"] = (f"hidden units dead at step 0: {dead_at_start.mean():.0%}; "
                   f"starts with at least one: {dead_at_start.any(axis=1).mean():.0%}")
    out["dead by layer"] = (f"first hidden layer: {dead_at_start[:, :3].mean():.0%} dead (predicted from the angle "
                            f"between the two observations: {stalls.both_off_chance(X):.0%}); "
                            f"second hidden layer: {dead_at_start[:, 3:].mean():.0%}")
    u = np.hstack([X, np.ones((2, 1))])
    cos_phi = u[0] @ u[1] / (np.linalg.norm(u[0]) * np.linalg.norm(u[1]))
    out["angle"] = (f"u[0] . u[1] = {u[0] @ u[1]:.2f}, lengths {np.linalg.norm(u[0]):.3f} and "
                    f"{np.linalg.norm(u[1]):.3f}: cos phi = {cos_phi:.3f}, phi = {np.degrees(np.arccos(cos_phi)):.0f} degrees")
    phi_0 = np.degrees(np.arccos(X[0] @ X[1] / (np.linalg.norm(X[0]) * np.linalg.norm(X[1]))))
    out["angle without biases"] = (f"with zero biases: phi = {phi_0:.0f} degrees, dead share (180 - phi) / 360 = "
                                   f"{(180 - phi_0) / 360:.0%}")
    mh.train_many(relu_nets, X, Y, lr=0.5, iterations=500, loss="cross_entropy", weights_every=0)
    dead_at_end = np.array([np.concatenate(stalls.dead_units(net, X)) for net in relu_nets])
    revived = dead_at_start & ~dead_at_end
    out["revived"] = f"first-layer units dead at step 0 and alive after 500 steps: {int(revived[:, :3].sum())}"
    out["revived 2"] = ("second-layer units dead at step 0 and alive after 500 steps: "
                        f"{revived[:, 3:].sum() / dead_at_start[:, 3:].sum():.0%} of them")
    out["dead at the end"] = (f"dead after 500 steps: first hidden layer {dead_at_end[:, :3].mean():.0%}, "
                              f"second {dead_at_end[:, 3:].mean():.0%}")
    worst_error = np.array([np.abs(net.predict(X) - Y).max() for net in relu_nets])
    out["relu fitted"] = ("starts with every output within 0.01 of its target after 500 steps: "
                          f"{(worst_error < 0.01).mean():.0%}")
    return out


@pytest.fixture(scope="module")
def computed():
    return printed(CASE.X, CASE.Y)


@pytest.fixture(scope="module")
def nudged():
    return printed(np.nextafter(CASE.X, np.inf), np.nextafter(CASE.Y, np.inf))


@pytest.fixture(scope="module")
def notebook():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    outputs = "".join("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", ""))
                      for c in cells if c["cell_type"] == "code" for o in c["outputs"])
    prose = " ".join(" ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown").split())
    return outputs, prose


def test_every_printed_line_is_recomputed(computed, notebook):
    outputs, _ = notebook
    assert len(computed) == 36
    missing = [line for line in computed.values() if line + "\n" not in outputs]
    assert not missing, f"not in the notebook's outputs: {missing}"


def test_printed_numbers_hold_under_a_one_ulp_nudge(computed, nudged):
    changed = {key: (computed[key], nudged[key]) for key in computed if computed[key] != nudged[key]}
    assert not changed, f"these depend on the last bits: {changed}"


def test_the_printed_values_themselves(computed):
    # literals, so that a change of the experiment shows up here too
    assert computed["slope 0.99"].endswith("= 0.0099")
    assert computed["milestones sse 0.5"].split() == ["sse", "0.5", "24", "4885", "4861", "5301", "14575", "9690"]
    assert computed["milestones sse 1.0"].split() == ["sse", "1", "13", "2426", "2413", "2634", "7271", "4845"]
    assert computed["milestones cross_entropy 0.5"].split() == ["cross_entropy", "0.5", "3", "2481", "2478", "2674",
                                                                "3071", "590"]
    assert computed["plateau outputs"].endswith("[[0.599, 0.2], [0.6, 0.201]]")
    assert computed["plateau ratio"].endswith("[[0.48, 0.32], [0.48, 0.32]]")
    assert computed["slopes at the fit"] == ("step 14575: outputs with target 1 and 0: 0.9921 and 0.0100; "
                                             "slopes a(1 - a): 0.0078 and 0.0099")
    assert computed["random sse 0.5"].endswith("median 5209 steps to fit, from 3920 to 6028")
    assert computed["random sse 2.0"].endswith("median 1300 steps to fit, from 980 to 1506")
    assert computed["random cross_entropy 0.5"].endswith("median 417 steps to fit, from 254 to 698")
    assert computed["depth sigmoid"].split() == ["sigmoid", "lecun", "4.6e-07", "0.22", "3.6e-07"]
    assert computed["depth tanh"].split() == ["tanh", "glorot", "0.092", "0.83", "0.087"]
    assert computed["depth relu"].split() == ["relu", "he", "0.27", "0.96", "0.12"]
    assert computed["random factor"].endswith("median 0.47, from 0.16 to 0.50")
    assert computed["inputs relu"].endswith("(X) 0.49; inputs of W_1 to W_9 (hidden outputs) from 0.74 to 0.85; "
                                            "delta, layer 1 / layer 2: 1.00; one weight's gradient, W_0 / W_1: 0.47 "
                                            "(guess, delta ratio x input ratio: 0.60)")
    assert computed["inputs tanh"].endswith("from 0.35 to 0.40; delta, layer 1 / layer 2: 0.81; "
                                            "one weight's gradient, W_0 / W_1: 0.87 (guess, delta ratio x input ratio: 1.15)")
    assert computed["inputs sigmoid"].endswith("(X) 0.49; inputs of W_1 to W_9 (hidden outputs) from 0.51 to 0.54; "
                                               "delta, layer 1 / layer 2: 0.19; one weight's gradient, W_0 / W_1: 0.13 "
                                               "(guess, delta ratio x input ratio: 0.18)")
    assert computed["cross-entropy at a = y"].endswith(": 1.173")
    assert computed["tanh random"] == ("tanh, 20 random starts: all fit within 1500 steps: True; median 106 steps, "
                                       "from 67 to 1147")
    assert computed["angle"] == "u[0] . u[1] = 1.36, lengths 1.342 and 1.086: cos phi = 0.933, phi = 21 degrees"
    assert computed["he scales"].endswith("alike: [1.0, 0.82, 0.82]")
    assert computed["zeros sigmoid"].startswith("sigmoid : fits at step 1423")
    for f in ("tanh", "relu"):
        assert computed[f"zeros {f}"].endswith("not within 1500 steps; parameters that moved: b_2; "
                                               "sum of squared errors at the end 0.400")
    assert computed["dead"] == "hidden units dead at step 0: 46%; starts with at least one: 97%"
    assert computed["dead by layer"] == ("first hidden layer: 45% dead (predicted from the angle between the two "
                                         "observations: 44%); second hidden layer: 47%")
    assert computed["revived"].endswith(": 0")
    assert computed["revived 2"].endswith(": 6% of them")
    assert computed["dead at the end"] == "dead after 500 steps: first hidden layer 61%, second 72%"
    assert computed["sigmoid glorot"] == "sigmoid, the same Glorot scale: median 418 steps, from 254 to 704"
    assert computed["angle without biases"] == "with zero biases: phi = 18 degrees, dead share (180 - phi) / 360 = 45%"
    assert computed["relu fitted"].endswith("after 500 steps: 27%")


def test_the_answer_keys_pass_and_the_setup_line(notebook):
    outputs, _ = notebook
    assert outputs.count("Correct: ") == 2
    assert f"X = {CASE.X.tolist()} | Y = {CASE.Y.tolist()} | lr 0.5\n" in outputs
    assert "the stalls explorer: run this cell to use it" in outputs


def test_the_fit_steps_a_second_way():
    """The other training path than the notebook's gives its 3071 and 14575: train for the sum of
    squared errors (the notebook uses train_many), train_many for cross-entropy (the notebook, train)."""
    ones = CASE.network()
    history = mh.train(ones.copy(), CASE.X, CASE.Y, 0.5, 15000, loss="sse")
    assert mh.first_fit_step(history, CASE.X, CASE.Y, CASE.activation) == 14575
    history = mh.train_many([ones.copy()], CASE.X, CASE.Y, 0.5, 4000, loss="cross_entropy", weights_every=0)
    assert history.fit_steps(0.01)[0] == 3071


def test_zero_starts_stay_tied_and_dead_units_stay_dead():
    for f in stalls.HIDDEN:
        net = stalls.stall_net(f).init_constant(0.0)
        mh.train(net, CASE.X, CASE.Y, 0.5, 300, loss="cross_entropy")
        assert mh.tied_units(net) == [[[0, 1, 2]], [[0, 1, 2]]]  # a constant start stays tied, dead or not
    net = init.random_starts(CASE.sizes, [2], "he", activation=["relu", "relu", "sigmoid"])[0]
    dead = stalls.dead_units(net, CASE.X)[0]
    assert dead.any()  # seed 2 has a dead first-layer unit
    before = net.weights[0][:, dead].copy()
    mh.train(net, CASE.X, CASE.Y, 0.5, 500, loss="cross_entropy")
    assert np.array_equal(net.weights[0][:, dead], before)  # no gradient ever reaches it


def test_the_depth_exercise_answer_is_the_package_gradient():
    net = stalls.depth_chain(10)
    dW, _ = net.gradients([[0.5]], [[1.0]], loss="sse")
    assert abs(dW[0].item() / dW[-1].item()) == pytest.approx(0.25 ** 9, rel=1e-12)


def test_prose_quotes_the_numbers(computed, notebook):
    _, prose = notebook
    assert "0.0099" in prose and computed["slope 0.99"].endswith("0.0099")
    assert "fits at step 3071 instead of 14575" in prose
    assert "its 5301 for this run is this table's \"below 0.2\", not its \"to\" (4885)" in prose
    assert "the plateau of the sum of squared errors at lr 1 (2413 steps) is as long as cross-entropy's at lr 0.5 (2478)" \
        in prose
    assert "about 2 (first output, $1/0.48$) to 3 (second output, $1/0.32$)" in prose
    assert "spends 9690 steps on it, at lr 1 still 4845, cross-entropy 590" in prose
    assert "the median falls from 5209 to 417 steps" in prose
    assert "even its slowest start (698) fits long before the fastest sum-of-squares start (3920)" in prose
    assert "about twelve times fewer steps (417 against 5209)" in prose and round(5209 / 417) == 12
    assert "four times the step size brings the sum of squared errors down four times, to 1300" in prose
    assert round(5209 / 1300) == 4 and round(1300 / 417) == 3 and "about three times the steps" in prose
    assert "a last approach sixteen times shorter" in prose and round(9690 / 590) == 16
    assert "a plateau half as long" in prose and round(4861 / 2478) == 2
    assert "millions of times" in prose and 1e6 < 1 / 3.6e-7 < 1e7
    assert "0.22 times its size per layer" in prose and "(0.83 and 0.96 per hidden layer)" in prose
    assert "$(180 - 21)/360 \\approx 44\\%$" in prose and round(np.degrees(np.arccos(
        np.dot([0.8, 0.4, 1], [0.3, 0.3, 1]) / np.linalg.norm([0.8, 0.4, 1]) / np.linalg.norm([0.3, 0.3, 1])))) == 21
    assert "(45% and 47% at step 0)" in prose and "45% dead" in computed["dead by layer"]
    assert "about half the ReLU hidden units" in prose
    assert "(ratio 1.00 below), and for tanh, whose $\\delta$ shrinks to 0.81 times" in prose and "(0.87 against 0.81)" in prose
    assert "units the inputs are about the same size (0.49 against 0.51 to 0.54)" in prose
    assert "(printed above: 1 for the first layer, whose fan-in is 2)" in prose
    assert "(0.13 against 0.18, 0.87 against 1.15, 0.47 against 0.60)" in prose
    assert "half of them within 106 steps (the median): far sooner than the sigmoid network's median of 417 steps" in prose
    assert "Glorot's $s^2 = 2/(16 + 16) = 1/16$ for tanh is the same as LeCun's for $W_1, \\dots, W_8$" in prose
    assert "(418 against 417)" in prose and "median 418 steps" in computed["sigmoid glorot"]
    assert "the angle is about $18°$ and the share about 45%" in prose
    assert "only 27% of He's starts have fitted after 500 steps" in prose and computed["relu fitted"].endswith("27%")
    assert "$1300 / 417 \\approx 3.1$" in prose and round(1300 / 417, 1) == 3.1 and round(2 * 1300 / 417, 1) == 6.2
    assert "$2 \\times 0.0078 \\approx 0.016$ and $2 \\times 0.0099 \\approx 0.020$" in prose
    assert "its share is 47%" in prose and computed["dead by layer"].endswith("second hidden layer: 47%")


def test_the_one_ulp_twin_of_the_figure_parts_from_its_run():
    """The figure's claim at cross-entropy lr 2.5: after a one-ulp nudge of X and Y the run parts from
    its twin (the overshoot amplifies the nudge) and both still fit within 400 steps. Which step each
    fits at is a fact about the CPU's rounding, so neither is asserted, as the notebook prints neither."""
    start = init.random_starts(CASE.sizes, [32])[0]
    losses, fits = [], []
    for X, Y in ((CASE.X, CASE.Y), (np.nextafter(CASE.X, np.inf), np.nextafter(CASE.Y, np.inf))):
        history = mh.train(start.copy(), X, Y, lr=2.5, iterations=400, loss="cross_entropy")
        losses.append(np.asarray(history.loss))
        fits.append(mh.first_fit_step(history, X, Y, CASE.activation))
    assert None not in fits
    assert np.abs(losses[0] - losses[1]).max() > 1e-3  # a 1e-16 nudge grown a trillion-fold


def test_the_answer_of_exercise_1_is_only_inside_the_after_the_check_block(notebook):
    """The prose says delta = a - y only inside the collapsed block a student opens after the check."""
    _, prose = notebook
    outside = re.sub(r"<details><summary>After the check.*?</details>", "", prose)
    assert "<details><summary>After the check" in prose and "\\delta^L = a^L - y" in prose
    assert not any(form in outside for form in ("= a^L - y", "against $a - y$", "is the error itself", "cancels",
                                                "the error's full size",
                                                "\\sum_i (a - y", "is $2a(1 - a)$ times the cross-entropy delta"))


def test_the_answer_of_exercise_2_is_only_inside_the_after_the_check_block(notebook):
    _, prose = notebook
    blocks = re.findall(r"<details><summary>After the check.*?</details>", prose)
    assert len(blocks) == 2 and "4^{-9}" in blocks[1]
    outside = re.sub(r"<details><summary>After the check.*?</details>", "", prose)
    assert not any(form in outside for form in ("4^{-9}", "4^{-10}", "0.25 ** 9", "2 ** -18"))


def test_the_chance_that_a_unit_is_off_on_both_observations():
    """(180 - theta) / 360 against a count over many random directions; 1/4 for perpendicular rows."""
    X = CASE.X
    v = np.random.default_rng(0).standard_normal((200_000, 3))
    z = np.hstack([X, np.ones((2, 1))]) @ v.T  # (2, draws)
    assert stalls.both_off_chance(X) == pytest.approx(np.mean((z < 0).all(axis=0)), abs=0.005)
    assert stalls.both_off_chance([[1.0, -1.0], [-1.0, 0.0]]) == pytest.approx(0.25)  # [1, -1, 1] . [-1, 0, 1] = 0


def test_layer_sizes_are_root_mean_squares_of_the_package_gradients():
    net = init.random_starts([2, 4, 3, 2], [1])[0]
    delta, gradient, inputs = stalls.layer_sizes([net], CASE.X, CASE.Y, "sse")
    dW, db = net.gradients(CASE.X, CASE.Y, "sse")
    np.testing.assert_allclose(delta[0], [np.sqrt(np.mean(g ** 2)) for g in db])
    np.testing.assert_allclose(gradient[0], [np.linalg.norm(g) / np.sqrt(g.size) for g in dW])
    np.testing.assert_allclose(inputs[0, 0], np.sqrt(np.mean(CASE.X ** 2)))


@pytest.mark.parametrize("call, error, words", [
    (lambda: stalls.stall_net("softplus"), ValueError, "hidden must be one of"),
    (lambda: stalls.stall_net("relu", depth=0), ValueError, "depth must be at least 1"),
    (lambda: stalls.fit_and_plateau("run", CASE.X, CASE.Y, "sigmoid"), TypeError, "history must be a History"),
    (lambda: stalls.fit_and_plateau(mh.train(CASE.network(), CASE.X, CASE.Y, 0.5, 20, record_every=5), CASE.X,
                                     CASE.Y, "sigmoid"), ValueError, "recorded at every step"),
    (lambda: stalls.layer_gradient_norms(CASE.network(), CASE.X, CASE.Y, "sse"), TypeError, "nets must be a list"),
    (lambda: stalls.dead_units("net", CASE.X), TypeError, "net must be an MLP"),
    (lambda: stalls.dead_units(CASE.network(), [[1.0]]), ValueError, "X"),
    (lambda: stalls.depth_chain(1), ValueError, "depth must be at least 2"),
    (lambda: stalls.both_off_chance([[1.0, 2.0]]), ValueError, "X must hold exactly two observations"),
    (lambda: stalls.both_off_chance("X"), (TypeError, ValueError), "X"),
    (lambda: stalls.layer_sizes(CASE.network(), CASE.X, CASE.Y, "sse"), TypeError, "nets must be a list"),
])
def test_lesson_helpers_name_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
