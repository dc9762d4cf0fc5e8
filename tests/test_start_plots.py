"""Notebook 05's figures of many starts (mlp_helpers.visual.start_plots), drawn from small made-up data."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from mlp_helpers import plots  # noqa: E402
from mlp_helpers.visual import start_plots  # noqa: E402


def test_fit_histogram_draws_bars_late_ticks_the_median_and_the_stopped_bar_past_a_break():
    fits = np.array([1000.0, 1100, 1200, 1300, 1400, 8500, 9500, np.inf, np.inf])
    fig = start_plots.fit_histogram(fits, title="nine starts")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_height() > 0]
    blue = [p for p in bars if to_hex(p.get_facecolor()) == to_hex(plots.BLUE)]
    stopped, = [p for p in bars if to_hex(p.get_facecolor()) == to_hex(plots.VERMILLION)]
    assert sum(p.get_height() for p in blue) == 5  # the fits up to step 8000
    assert stopped.get_height() == 2 and stopped.get_x() + stopped.get_width() / 2 == 12000  # past the break at 11000
    ticks, = [line for line in ax.get_lines() if line.get_marker() == "|"]
    assert list(ticks.get_xdata()) == [8500, 9500]  # one tick per late fit
    median, = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert median.get_xdata()[0] == 1400
    texts = [t.get_text() for t in ax.texts]
    assert "median 1400" in texts and "2 not\nwithin\n10000" in texts and "//" in texts
    assert "2 fit late\n(8000 to 10000):\none tick each" in texts
    assert ax.get_xticklabels()[-1].get_text() == "not within\n10000" and ax.get_title() == "nine starts"
    with pytest.raises(ValueError, match="fits must be"):
        start_plots.fit_histogram(np.array([12000.0]))
    with pytest.raises(ValueError, match="fits must be"):
        start_plots.fit_histogram(np.ones((2, 2)))


def test_constant_losses_draws_four_styled_curves_the_two_levels_and_a_legend_with_step_0():
    constants = [0.0, 0.5, 1.0, 1.5, 2.0]
    steps = np.arange(101)
    loss = np.array([(0.6 + c) * np.exp(-steps / 50) + 0.1 for c in constants])  # (5, 101)
    fig = start_plots.constant_losses(loss, constants, every=10)
    ax = fig.axes[0]
    curves = [line for line in ax.get_lines() if line.get_label() and not line.get_label().startswith("_")]
    assert [line.get_label() for line in curves] == ["c = 0\n(step 0: 0.70)", "c = 0.5\n(step 0: 1.20)",
                                                     "c = 1\n(step 0: 1.70)", "c = 1.5\n(step 0: 2.20)"]
    assert [to_hex(line.get_color()) for line in curves] == [to_hex(c) for c in plots.LINE_COLOURS[:4]]
    assert [line.get_marker() for line in curves] == ["o", "s", "None", "^"] and curves[2].get_linestyle() == ":"
    assert list(curves[0].get_xdata()) == list(range(0, 101, 10))
    levels = sorted(line.get_ydata()[0] for line in ax.get_lines() if line.get_color() == "0.85")
    assert levels == [0.2, 0.4] and ax.get_yscale() == "log" and ax.get_ylabel() == "loss (sum of squared errors, log scale)" and ax.get_ylim() == pytest.approx((0.05, 3))
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [line.get_label() for line in curves]
    labels = {t.get_text(): t for t in ax.texts}  # report 05DL (fault 7): the plateau label above its line, clear of a curve on it
    assert labels["plateau 0.4"].get_position()[1] > 0.4 and labels["plateau 0.4"].get_va() == "bottom"
    assert labels["0.2"].get_position()[1] < 0.2 and labels["0.2"].get_va() == "top"
    assert curves[0].get_markevery() == [0, 1, 3, 5, 6, 9] and curves[1].get_markevery() == [0, 2, 4, 6, 8, 9]  # 11 points, gap 2: the two alternate on the plateau (loss >= 0.3), then the drop
    assert start_plots._marker_points([0.4, 0.4, 0.4, 0.4, 0.4, 0.25, 0.15, 0.08], 1, 2) == [0, 1, 3, 5, 6, 7]
    assert start_plots._marker_points([0.4, 0.4, 0.4, 0.4, 0.4], 2, 2) == [0, 2, 4]  # never below a level: no drop markers
    with pytest.raises(ValueError, match="drawn four"):
        start_plots.constant_losses(loss, constants, drawn=(0.0, 0.5, 1.0, 3.0))
    with pytest.raises(ValueError, match="one constant per row"):
        start_plots.constant_losses(loss[:3], constants)


def test_median_grid_writes_each_known_median_and_hatches_the_unknown_ones():
    schemes, rates = [0.01, 1.0, "lecun"], [0.5, 2.0]
    medians = np.array([[np.inf, 5065.0, 5109.0], [1723.5, 1269.5, 1277.5]])
    fig = start_plots.median_grid(medians, schemes, rates, (2, 3, 3, 2), seeds=30)
    ax = fig.axes[0]
    written = {t.get_text(): t.get_color() for t in ax.texts}
    assert set(written) == {"median\nnot known", "5065", "5109", "1723.5", "1269.5", "1277.5"}
    assert written["1269.5"] == "white" and written["5109"] == "black"  # dark and light ends of cividis
    hatched = [p for p in ax.patches if p.get_hatch() == "//"]
    assert len(hatched) == 1 and hatched[0].get_xy() == (-0.5, -0.5)  # the unknown cell: lr 0.5, scale 0.01
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[:2] == ["0.01", "1.0"] and labels[2] == "lecun\ns ≈ 0.58\nto 0.71"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["lr 0.5", "lr 2"]
    assert ax.get_title() == "median steps to fit (30 seeds, at most 6000 steps)"
    assert fig.axes[1].get_ylabel() == "median steps (log scale)"  # the colour bar
    with pytest.raises(ValueError, match="medians must be"):
        start_plots.median_grid(medians[:1], schemes, rates, (2, 3, 3, 2))
    with pytest.raises(ValueError, match="medians must be"):
        start_plots.median_grid(np.full((2, 3), np.inf), schemes, rates, (2, 3, 3, 2))


def test_constant_exits_draws_dots_stopped_triangles_past_a_break_and_circles_the_question():
    """Report 05DP (fault 3): section 2's exit figure, drawn by a helper."""
    constants, exits = np.array([0.0, 0.5, 1.0, 1.5]), np.array([2981.0, 2336, 5301, np.inf])
    fig = start_plots.constant_exits(constants, exits)
    ax = fig.axes[0]
    dots, stopped, circle = ax.get_lines()
    assert to_hex(dots.get_color()) == to_hex(plots.BLUE) and list(dots.get_xdata()) == [0.0, 0.5, 1.0]
    assert to_hex(stopped.get_color()) == to_hex(plots.VERMILLION) and stopped.get_marker() == "v"
    assert list(stopped.get_xdata()) == [1.5] and list(stopped.get_ydata()) == [18500]  # the "stopped" row
    assert list(circle.get_xdata()) == [1.0] and list(circle.get_ydata()) == [5301] and circle.get_markerfacecolor() == "none"
    assert [t.get_text() for t in ax.texts] == ["//", "//"] and ax.get_ylim() == (0, 20000)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["0", "5000", "10000", "15000", "not within 15000"]  # reader 05DT (fault 7): the card's words
    fig.canvas.draw()  # the long tick label fits the figure and clears the y label
    renderer = fig.canvas.get_renderer()
    tick, label = ax.get_yticklabels()[-1].get_window_extent(renderer), ax.yaxis.label.get_window_extent(renderer)
    assert tick.x0 >= 0 and label.x0 >= 0 and not tick.overlaps(label)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == [
        "left the plateau at this step", "not within 15000 steps", "c = 1, the question's start", "axis break (stopped runs above)"]
    with pytest.raises(ValueError, match="constants and exits"):
        start_plots.constant_exits(constants, exits[:3])
    with pytest.raises(ValueError, match="constants and exits"):
        start_plots.constant_exits(constants, np.array([1.0, 2, 3, 16000]))


def test_nudge_growth_draws_one_median_curve_per_size_and_the_tied_exit():
    """Report 05DP (fault 3): section 4's g(t)/g(0) figure, drawn by a helper."""
    steps = np.arange(0, 1001, 100)
    growth = np.stack([np.stack([np.exp(steps / 500) * (1 + d) for d in (0.0, 0.1, 0.2)]) for _ in range(2)])  # (2 sizes, 3 draws, 11)
    fig = start_plots.nudge_growth(steps, growth, [1e-12, 1e-9], tied_exit=500)
    ax = fig.axes[0]
    curves = [line for line in ax.get_lines() if line.get_label().startswith("ε")]
    assert [line.get_label() for line in curves] == ["ε = 1e-12", "ε = 1e-09"]
    assert [to_hex(line.get_color()) for line in curves] == [to_hex(plots.ORANGE), to_hex(plots.SKY)]
    assert np.allclose(curves[0].get_ydata(), np.exp(steps / 500) * 1.1)  # the median draw
    exit_line, = [line for line in ax.get_lines() if line.get_linestyle() == ":" and not line.get_label().startswith("ε")]
    assert list(exit_line.get_xdata()) == [500, 500]
    assert [t.get_text() for t in ax.texts] == ["tied network\nleaves plateau\n(step 500)"]
    assert ax.get_yscale() == "log" and ax.get_ylabel() == "$g(t) / g(0)$\n(median over 3 draws)"
    assert fig.legends[0].get_title().get_text() == "noise size"
    with pytest.raises(ValueError, match="growth must be"):
        start_plots.nudge_growth(steps, growth[:1], [1e-12, 1e-9], 500)
