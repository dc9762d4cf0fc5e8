"""Every number notebook 05 (initialization at scale) shows, recomputed, and robust.

``printed(X, xor_X, reverse)`` reruns every experiment of the notebook and returns each line
it prints, keyed by what it is about. The test then checks three things:

* the lines are in the notebook's stored outputs (the notebook shows what we compute);
* the same lines come out with X moved by one ulp (``np.nextafter(X, inf)``, the XOR inputs
  too) and with every list of seeds, constants and noise draws trained in the reverse order:
  a number that changed under that would be a fact about this CPU's rounding, not about the
  network;
* the figures' numbers (the learning-rate x scale map) pass the same two tests, and the
  prose quotes the printed numbers correctly.

Some counts are checked once more against one ``mh.train`` per start.
"""

import json
from pathlib import Path

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, symmetry
from mlp_helpers.lessons import initialization as init

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "05_initialization_at_scale.ipynb"
CASE = cases.sigmoid_2_3_3_2()
SCHEMES = [0.01, 0.1, 0.3, 1.0, 3.0, 10.0, "lecun", "glorot"]
RATES = [0.5, 1.0, 2.0]
CONSTANTS = np.linspace(-2, 2, 17)
EPSILONS = [1e-12, 1e-9, 1e-6, 1e-3, 1e-1]
DRAWS = 20


def in_order(items, reverse):
    return list(items)[::-1] if reverse else list(items)


def train_in_order(nets, X, Y, reverse, **options):
    """train_many on ``nets`` in the given or reversed order; the history's rows in the given order."""
    order = in_order(range(len(nets)), reverse)
    history = mh.train_many([nets[i] for i in order], X, Y, **options)
    back = np.argsort(order)
    history.loss, history.max_error = history.loss[back], history.max_error[back]
    history.weights = [h[back] for h in history.weights]
    history.biases = [h[back] for h in history.biases]
    return history


def printed(X, xor_X, reverse):
    """Every line the notebook prints (after its first, set-up cells), and the map's medians."""
    Y = CASE.Y
    out = {}

    # 1. 1000 random starts
    fits = train_in_order(init.random_starts(CASE.sizes, 1000), X, Y, reverse, lr=0.5, iterations=10000,
                          weights_every=0).fit_steps(0.01)
    q1, median, q3 = np.percentile(fits, [25, 50, 75])
    out["median"] = (f"median {median:.0f} steps; the middle half of the starts need {q1:.0f} to {q3:.0f}; "
                     f"fastest {fits.min():.0f}")
    for steps in (1000, 2000, 10000):
        out[f"by {steps}"] = f"fit by step {steps:5d}: {init.fraction_fit_by(fits, steps):.1%} of the starts"
    out["over 8000"] = f"starts that need more than 8000 steps: {np.mean(fits > 8000):.1%}"

    # 2 and 3. constant and almost-constant starts, one run
    nudged = [net for eps in EPSILONS for net in init.almost_constant_starts(CASE.sizes, eps, DRAWS)]
    long_run = train_in_order(init.constant_starts(CASE.sizes, CONSTANTS) + nudged, X, Y, reverse,
                              lr=0.5, iterations=15000, weights_every=100)
    n_c = len(CONSTANTS)
    gaps = symmetry.unit_spread(long_run)
    long_fits = long_run.fit_steps(0.01)
    out["tied"] = ("largest difference between two units of a layer, over every constant start and recorded "
                   f"step: {gaps[:n_c].max()}")
    out["never"] = f"never within 0.01 in 15000 steps: c = {CONSTANTS[np.isinf(long_fits[:n_c])].tolist()}"
    out["c = 1"] = f"c = 1 (the question's start) fits at step {int(long_fits[:n_c][CONSTANTS == 1.0][0])}"
    out["exits"] = init.plateau_exits(long_run, 0.2)[:n_c].tolist()  # drawn, not printed
    growth = (gaps[n_c:] / gaps[n_c:, :1]).reshape(len(EPSILONS), DRAWS, -1)
    nudged_fits = long_fits[n_c:].reshape(len(EPSILONS), DRAWS)
    for k, eps in enumerate(EPSILONS):
        f = nudged_fits[k]
        out[f"eps {eps}"] = (
            f"ε = {eps:<6g} gap grows {np.median(growth[k, :, -1]):5.0f}-fold in 15000 steps | fits at steps "
            f"{f.min():.0f} / {np.median(f):.0f} / {f.max():.0f} | gap at step 14600 "
            f"{np.median(gaps[n_c:][k * DRAWS:(k + 1) * DRAWS, 146]):.0e}")
    for step in (2500, 5500, 15000):
        out[f"growth {step}"] = f"gap / gap at step 0 by step {step:5d}: {np.median(growth[2, :, step // 100]):5.1f}"

    # 3. XOR 2-3-1 from 0.5 plus a nudge
    xor_nudged = in_order(init.almost_constant_starts([2, 3, 1], 1e-8, 10, value=0.5), reverse)
    xor_run = mh.train_many(xor_nudged + init.constant_starts([2, 3, 1], [0.5]), xor_X, init.XOR_Y,
                            lr=2.0, iterations=3000, weights_every=100)
    xor_gaps = symmetry.unit_spread(xor_run)[:10]
    xor_fits = xor_run.fit_steps(0.1)
    out["xor growth"] = f"median gap growth by step 1000: {np.median(xor_gaps[:, 10] / xor_gaps[:, 0]):.0e}-fold"
    out["xor nudged"] = (f"nudged: {np.isfinite(xor_fits[:10]).sum()} of 10 fit (median step {np.median(xor_fits[:10]):.0f}); "
                         f"exactly tied: {'never' if np.isinf(xor_fits[10]) else 'fits'}")

    # 4 and 6. scale x learning rate
    grid_nets, grid_lr = [], []
    for lr in RATES:
        for scheme in SCHEMES:
            grid_nets += init.random_starts(CASE.sizes, in_order(range(30), reverse), scale=scheme)
            grid_lr += [lr] * 30
    grid_fits = mh.train_many(grid_nets, X, Y, lr=grid_lr, iterations=6000, weights_every=0).fit_steps(0.01)
    grid_fits = np.sort(grid_fits.reshape(len(RATES), len(SCHEMES), 30), axis=2)  # order-free
    for scheme, f in zip(SCHEMES, grid_fits[2]):
        steps = np.median(f)
        out[f"scale {scheme}"] = (f"scale {scheme!s:>6}: median steps {steps if np.isfinite(steps) else 'never':>6} | "
                                  f"never fit in 6000 steps: {np.mean(np.isinf(f)):4.0%}")
    out["map"] = np.median(grid_fits, axis=2).tolist()
    out["scale 10 at lr 2"] = grid_fits[2, 5].tolist()

    # 5. XOR, random against constant
    for sizes in ([2, 2, 1], [2, 3, 1]):
        xor_nets = init.random_starts(sizes, in_order(range(500), reverse)) + init.constant_starts(sizes, [-1.0, 0.5, 1.0, 2.0])
        run = mh.train_many(xor_nets, xor_X, init.XOR_Y, lr=2.0, iterations=5000, weights_every=0)
        f = run.fit_steps(0.1)
        stuck_loss = run.loss[:500, -1][np.isinf(f[:500])]
        out[f"xor {sizes}"] = (
            f"{sizes}: random starts fit {np.isfinite(f[:500]).mean():.1%}, stuck {np.isinf(f[:500]).mean():.1%} "
            f"(their loss: {sorted(set(stuck_loss.round(2).tolist()))}) | constant starts fit: {np.isfinite(f[500:]).sum()} of 4")
    return out


@pytest.fixture(scope="module")
def computed():
    return printed(CASE.X, init.XOR_X, reverse=False)


@pytest.fixture(scope="module")
def nudged():
    return printed(np.nextafter(CASE.X, np.inf), np.nextafter(init.XOR_X, np.inf), reverse=True)


@pytest.fixture(scope="module")
def notebook():
    cells = json.loads(NOTEBOOK.read_text())["cells"]
    outputs = "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", []))
    prose = " ".join(" ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown").split())
    return outputs, prose


def test_every_printed_line_is_recomputed(computed, notebook):
    outputs, _ = notebook
    lines = [v for v in computed.values() if isinstance(v, str)]
    assert len(lines) == 28
    missing = [line for line in lines if line + "\n" not in outputs]
    assert not missing, f"not in the notebook's outputs: {missing}"


def test_printed_numbers_hold_under_a_one_ulp_nudge_and_another_order(computed, nudged):
    changed = {key: (computed[key], nudged[key]) for key in computed if computed[key] != nudged[key]}
    assert not changed, f"these depend on the last bits: {changed}"


def test_the_printed_values_themselves(computed):
    # literals, so that a change of the experiment shows up here too
    assert computed["median"] == "median 5162 steps; the middle half of the starts need 4667 to 5696; fastest 3265"
    assert computed["by 10000"].endswith("99.4% of the starts")
    assert computed["never"] == "never within 0.01 in 15000 steps: c = [1.25, 1.5, 1.75, 2.0]"
    assert computed["c = 1"].endswith("14575")
    assert computed["tied"].endswith(": 0.0")
    assert computed["map"][2][3] == 1269.5 and np.isinf(computed["map"][0][5])


def test_setup_lines_and_the_question_numbers(notebook):
    outputs, _ = notebook
    starts = init.random_starts(CASE.sizes, 3)
    for seed, net in enumerate(starts):  # LeCun's scale is exactly init_random(seed)
        reference = mh.MLP([2, 3, 3, 2]).init_random(seed)
        assert all(np.array_equal(a, b) for a, b in zip(net.weights + net.biases, reference.weights + reference.biases))
    together = mh.train_many([net.copy() for net in starts], CASE.X, CASE.Y, lr=0.5, iterations=1000)
    assert f"loss {together.loss.shape} | weights[0] {together.weights[0].shape}\n" in outputs
    assert "same losses as three train calls, to 1e-12: True\n" in outputs
    theirs = np.array([[0.2002207, 0.3998017], [0.9927028, 0.008218]])
    assert f"their largest error after 10000 steps: {np.abs(theirs - CASE.Y).max():.4f}\n" in outputs
    a = CASE.network().forward(CASE.X)
    assert (f"slopes at the start, a1 (1 - a1): {(a[1] * (1 - a[1]))[:, 0].round(3)} | "
            f"a2 (1 - a2): {(a[2] * (1 - a[2]))[:, 0].round(3)}\n") in outputs
    assert outputs.count("Correct: ") == 2  # both answer keys pass their checks


def test_fit_steps_agree_with_separate_train_calls():
    """An independent path for a sample: mh.train and symmetry.first_fit_step, one start at a time."""
    sample = [init.random_starts(CASE.sizes, [seed])[0] for seed in (0, 7, 123)] + init.constant_starts(CASE.sizes, [1.0])
    many = mh.train_many([n.copy() for n in sample], CASE.X, CASE.Y, lr=0.5, iterations=15000, weights_every=0)
    alone = [symmetry.first_fit_step(mh.train(n.copy(), CASE.X, CASE.Y, 0.5, 15000), CASE.X, CASE.Y) for n in sample]
    assert [int(s) for s in many.fit_steps(0.01)] == alone
    assert alone[-1] == 14575


def test_prose_quotes_the_numbers(computed, notebook):
    _, prose = notebook
    assert "14575" in prose and computed["c = 1"].endswith("14575")
    assert "Six starts in a thousand had not fit after 10000 steps" in prose and computed["by 10000"].endswith(" 99.4% of the starts")
    assert "leaves it only after about 13000 steps" in prose
    exits = np.array(computed["exits"])
    assert 12500 < exits[CONSTANTS == 1.25][0] < 13500 and np.all(np.isinf(exits[CONSTANTS > 1.25]))
    assert "like 99% of ours" in prose and "99.4%" in computed["by 10000"]
    scales = init.layer_scales(CASE.sizes, "lecun") + init.layer_scales(CASE.sizes, "glorot")
    assert "0.58 to 0.71" in prose and (round(min(scales), 2), round(max(scales), 2)) == (0.58, 0.71)
    assert "about one 2-2-1 start in six" in prose and "stuck 16.6%" in computed["xor [2, 2, 1]"]
    assert "about 1300 steps" in prose
    middle = [float(computed[f"scale {s}"].split()[4]) for s in (0.3, 1.0, "lecun", "glorot")]
    assert all(1250 < m < 1350 for m in middle)
    assert "about 100-fold" in prose  # growth between steps 2500 and 5500
    g2500, g5500 = (float(computed[f"growth {s}"].split()[-1]) for s in (2500, 5500))
    assert 80 < g5500 / g2500 < 120
    assert "a median of about 5000 steps" in prose and computed["median"].startswith("median 5162 ")
    # doubling the learning rate halves the steps, at every scale that works
    grid = np.array(computed["map"])
    works = np.isfinite(grid).all(axis=0)
    assert np.all(np.abs(grid[:-1, works] / grid[1:, works] - 2) < 0.35)
