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

    for loss, steps in (("sse", 15000), ("cross_entropy", 4000)):
        history = mh.train(ones.copy(), X, Y, lr=0.5, iterations=steps, loss=loss)
        m = stalls.fit_and_plateau(history, X, Y, CASE.activation)
        out[f"milestones {loss}"] = f"{loss:14s} {m.enter:12d} {m.leave:6d} {m.plateau:8d} {m.fit:7d} {m.approach:14d}"

    for loss in ("sse", "cross_entropy"):
        fits = init.steps_to_fit(init.random_starts(CASE.sizes, 20), X, Y, lr=0.5, iterations=20000, loss=loss)
        out[f"random {loss}"] = (f"{loss:14s} median {np.median(fits):.0f} steps to fit, "
                                 f"from {fits.min():.0f} to {fits.max():.0f}")

    depth, width = 10, 16
    sizes = [2] + [width] * (depth - 1) + [2]
    for f in stalls.HIDDEN:
        nets = init.random_starts(sizes, 50, stalls.SCHEME_OF[f], activation=[f] * (depth - 1) + ["sigmoid"])
        norms = stalls.layer_gradient_norms(nets, X, Y, "cross_entropy")
        ratio = np.median(norms / norms[:, -1:], axis=0)
        out[f"depth {f}"] = (f"{f:8s} ({stalls.SCHEME_OF[f]:6s}): first layer / last layer {ratio[0]:.2g}, "
                             f"about {ratio[0] ** (1 / (depth - 1)):.2g} per layer")

    for f in stalls.HIDDEN:
        net = stalls.stall_net(f).init_constant(0.0)
        history = mh.train(net, X, Y, lr=0.5, iterations=2000, loss="cross_entropy")
        fit = mh.first_fit_step(history, X, Y, net.activation)
        moved = [f"W_{l}" for l, w in enumerate(history.weights) if w.any()]
        moved += [f"b_{l}" for l, b in enumerate(history.biases) if b.any()]
        said = f"fits at step {fit}" if fit is not None else "not within 2000 steps"
        sse = mh.loss("sse", net.predict(X), Y)
        out[f"zeros {f}"] = f"{f:8s}: {said}; parameters that moved: {', '.join(moved)}; sum of squares at the end {sse:.3f}"

    relu_nets = init.random_starts(CASE.sizes, 1000, "he", activation=["relu", "relu", "sigmoid"])
    dead_at_start = np.array([np.concatenate(stalls.dead_units(net, X)) for net in relu_nets])
    out["dead"] = (f"hidden units dead at step 0: {dead_at_start.mean():.0%}; "
                   f"starts with at least one: {dead_at_start.any(axis=1).mean():.0%}")
    mh.train_many(relu_nets, X, Y, lr=0.5, iterations=1000, loss="cross_entropy", weights_every=0)
    dead_at_end = np.array([np.concatenate(stalls.dead_units(net, X)) for net in relu_nets])
    out["revived"] = ("first-layer units dead at step 0 and alive after 1000 steps: "
                      f"{int(np.sum(dead_at_start[:, :3] & ~dead_at_end[:, :3]))}")
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
    assert len(computed) == 17
    missing = [line for line in computed.values() if line + "\n" not in outputs]
    assert not missing, f"not in the notebook's outputs: {missing}"


def test_printed_numbers_hold_under_a_one_ulp_nudge(computed, nudged):
    changed = {key: (computed[key], nudged[key]) for key in computed if computed[key] != nudged[key]}
    assert not changed, f"these depend on the last bits: {changed}"


def test_the_printed_values_themselves(computed):
    # literals, so that a change of the experiment shows up here too
    assert computed["slope 0.99"].endswith("= 0.0099")
    assert computed["milestones sse"].split() == ["sse", "24", "4885", "4861", "14575", "9690"]
    assert computed["milestones cross_entropy"].split() == ["cross_entropy", "3", "2481", "2478", "3071", "590"]
    assert computed["random sse"].endswith("median 5209 steps to fit, from 3920 to 6028")
    assert computed["random cross_entropy"].endswith("median 417 steps to fit, from 254 to 698")
    assert computed["depth sigmoid"].endswith("first layer / last layer 3.6e-07, about 0.19 per layer")
    assert computed["depth tanh"].endswith("first layer / last layer 0.087, about 0.76 per layer")
    assert computed["depth relu"].endswith("first layer / last layer 0.12, about 0.79 per layer")
    assert computed["zeros sigmoid"].startswith("sigmoid : fits at step 1423")
    for f in ("tanh", "relu"):
        assert computed[f"zeros {f}"].endswith("not within 2000 steps; parameters that moved: b_2; "
                                               "sum of squares at the end 0.400")
    assert computed["dead"] == "hidden units dead at step 0: 46%; starts with at least one: 97%"
    assert computed["revived"].endswith(": 0")


def test_the_answer_keys_pass_and_the_setup_line(notebook):
    outputs, _ = notebook
    assert outputs.count("Correct: ") == 2
    assert f"X = {CASE.X.tolist()} | Y = {CASE.Y.tolist()} | lr 0.5\n" in outputs
    assert "the stalls explorer: run this cell to use it" in outputs


def test_the_fit_steps_a_second_way():
    """train_many's fit steps (another code path) give the notebook's 3071 and 14575."""
    ones = CASE.network()
    for loss, step in (("sse", 14575), ("cross_entropy", 3071)):
        history = mh.train_many([ones.copy()], CASE.X, CASE.Y, 0.5, 15000, loss=loss, weights_every=0)
        assert history.fit_steps(0.01)[0] == step


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
    assert "the median falls from 5209 to 417 steps" in prose
    assert "even the slowest cross-entropy start (698) fits long before the fastest sum-of-squares start (3920)" in prose
    assert "About twelve times fewer steps" in prose and round(5209 / 417) == 12
    assert "a last approach sixteen times shorter" in prose and round(9690 / 590) == 16
    assert "a plateau half as long" in prose and round(4861 / 2478) == 2
    assert "millions of times" in prose and 1e6 < 1 / 3.6e-7 < 1e7
    assert "about half the ReLU hidden units" in prose


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
])
def test_lesson_helpers_name_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
