"""Notebook 06's figures (mlp_helpers.visual.stall_plots), drawn from small made-up data."""

import matplotlib

matplotlib.use("Agg")

from types import SimpleNamespace  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from mlp_helpers import plots  # noqa: E402
from mlp_helpers.visual import stall_plots  # noqa: E402


def _run(enter, leave, fit, length):
    steps = np.arange(length)
    sse = np.where(steps < enter, 1.5, np.where(steps < leave, 0.4, np.where(steps < fit, 0.1, 1e-4)))
    return steps, sse, SimpleNamespace(enter=enter, leave=leave, fit=fit, approach=fit - leave)


def test_cost_phases_marks_each_fit_and_to_and_draws_each_phase_in_the_strip():
    runs = {"sse": _run(24, 4000, 9000, 10001), "cross_entropy": _run(3, 2000, 2600, 3001)}
    fig = stall_plots.cost_phases(runs)
    ax, strip = fig.axes
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert sorted(float(line.get_xdata()[0]) for line in dots) == [2600, 9000]  # one dot per fit
    ticks = [line for line in ax.get_lines() if line.get_marker() == "|"]
    assert sorted(float(line.get_xdata()[0]) for line in ticks) == [2000, 4000]  # one tick per "to"
    bars = [(list(line.get_xdata()), line.get_alpha()) for line in strip.get_lines()]
    assert ([24, 4000], None) in bars and ([4000, 9000], 0.3) in bars and ([3, 2000], None) in bars \
        and ([2000, 2600], 0.3) in bars  # dark plateau, light last approach, per run
    texts = [t.get_text() for t in strip.texts]
    assert "SSE: plateau 24–4000 (dark), last approach 4000–9000 (5000 steps, light)" in texts
    assert "cross-entropy run stopped at step 3000" in [t.get_text() for t in ax.texts]
    dashed, = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert to_hex(dashed.get_color()) == to_hex(plots.VERMILLION) and ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="keys 'sse' and 'cross_entropy'"):
        stall_plots.cost_phases({"sse": runs["sse"]})
    with pytest.raises(ValueError, match="enter <= leave <= fit"):
        stall_plots.cost_phases({**runs, "sse": (*runs["sse"][:2], SimpleNamespace(enter=5, leave=3, fit=9, approach=6))})
    with pytest.raises(TypeError, match="enter, leave, fit and approach"):
        stall_plots.cost_phases({**runs, "sse": (*runs["sse"][:2], (24, 4000, 9000))})


def test_depth_ratios_labels_each_factor_and_the_last_hidden_layers_value():
    depth = 5
    ratios = {"sigmoid": 0.25 ** np.arange(depth - 1, -1, -1.0), "relu": 0.9 ** np.arange(depth - 1, -1, -1.0)}
    fig = stall_plots.depth_ratios(ratios, {"sigmoid": 0.25, "relu": 0.9})
    ax = fig.axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert "×0.25 per layer back (4 → 1, per observation)" in texts and "×0.9 per layer back (4 → 1, per observation)" in texts
    assert "0.25" in texts and "0.9" in texts  # the values at layer 4, the last hidden layer
    sigmoid = next(line for line in ax.get_lines() if line.get_label() == "sigmoid (LeCun)")
    assert list(sigmoid.get_xdata()) == [1, 2, 3, 4, 5] and sigmoid.get_ydata()[-1] == 1
    assert ax.get_ylabel() == "rms $\\delta^l[i]$ / rms $\\delta^{5}[i]$, per observation $i$"
    assert ax.get_xlabel() == "layer $l$ (5 = output)" and ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="same keys"):
        stall_plots.depth_ratios(ratios, {"sigmoid": 0.25})
    with pytest.raises(ValueError, match="positive arrays"):
        stall_plots.depth_ratios({"sigmoid": np.array([0.0, 1, 1])}, {"sigmoid": 0.5})


def test_off_directions_gives_the_both_off_share_of_its_angle():
    fig = stall_plots.off_directions(36)
    ax = fig.axes[0]
    assert "both off (thick arc):\n144°/360° = 40%" in [t.get_text() for t in ax.texts]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["u[0] · v = 0", "u[1] · v = 0"]
    with pytest.raises(ValueError, match="between 0 and 180"):
        stall_plots.off_directions(180)


def test_first_layer_z_draws_two_rows_per_unit_and_keys_the_units():
    steps = np.arange(4)
    z = np.stack([np.array([[1.0, 2.0], [0.5, 1.5]]) - t for t in steps])  # (4 steps, 2 rows, 2 units)
    fig = stall_plots.first_layer_z(steps, z, "two units")
    ax = fig.axes[0]
    curves = [line for line in ax.get_lines() if len(line.get_xdata()) == 4]
    assert len(curves) == 4 and [line.get_linestyle() for line in curves] == ["-", "--", "-", "--"]
    assert list(curves[3].get_ydata()) == [1.5, 0.5, -0.5, -1.5]  # unit 2, row 1
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["unit 1", "unit 2"] and ax.get_title() == "two units"
    with pytest.raises(ValueError, match="z must be"):
        stall_plots.first_layer_z(steps, z[:, :1], "one row")
