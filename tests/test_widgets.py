"""The initialization explorer, driven the way a learner would: flip, slide, play."""

import base64
import dataclasses
import io

import ipywidgets as widgets
import numpy as np
import pytest
from PIL import Image

import mlp_helpers as mh
from mlp_helpers import cases, plots
from mlp_helpers import widgets as explorer_module
from tiers import sampled

CASES = [cases.sigmoid_2_3_3_2, cases.linear_2_2_1, cases.one_one_one]
TIED_2_3_3_2 = "layer 1: 3 units tied in 1 group; layer 2: 3 units tied in 1 group"


def png(explorer):
    """The one image in the explorer's output area, as bytes."""
    outputs = explorer.figure.outputs
    assert len(outputs) == 1 and outputs[0]["output_type"] == "display_data"
    data = base64.b64decode(outputs[0]["data"]["image/png"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return data


def find(box, kind):
    """Every descendant of ``box`` of widget class ``kind``."""
    found = []
    for child in box.children:
        if isinstance(child, kind):
            found.append(child)
        if isinstance(child, widgets.Box):
            found.extend(find(child, kind))
    return found


@pytest.mark.parametrize("make_case", CASES)
def test_builds_for_every_case_with_the_contract_structure(make_case, capsys, recwarn):
    case = make_case()
    explorer = mh.init_explorer(case)
    assert isinstance(explorer, widgets.VBox)
    assert "bph-init-explorer" in explorer._dom_classes
    toggles = find(explorer, widgets.ToggleButtons)
    assert len(toggles) == 1 and toggles[0].options == ("constant", "random")
    assert toggles[0].value == "constant"
    assert "bph-verdict" in explorer.verdict._dom_classes and explorer.verdict in find(explorer, widgets.HTML)
    assert "bph-figure" in explorer.figure._dom_classes and explorer.figure in find(explorer, widgets.Output)
    png(explorer)
    assert explorer.verdict.value == mh.tied_verdict(mh.tied_units(case.train()[0]))
    assert len(explorer.history) == case.iterations + 1
    # creating it prints and warns nothing, and its repr is short and the same every run
    assert capsys.readouterr() == ("", "")
    assert len(recwarn) == 0
    assert repr(explorer) == f"InitExplorer(case={case.name!r})"


def test_random_changes_the_verdict_and_image_and_constant_restores_them():
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    tied_image = png(explorer)
    assert explorer.verdict.value == TIED_2_3_3_2
    assert explorer.value.layout.display is None and explorer.seed.layout.display == "none"

    explorer.init.value = "random"
    assert explorer.verdict.value == "no tied units"
    random_image = png(explorer)
    assert random_image != tied_image
    assert explorer.value.layout.display == "none" and explorer.seed.layout.display is None
    assert explorer.net.weights[0] == pytest.approx(
        cases.sigmoid_2_3_3_2().train(cases.sigmoid_2_3_3_2().network().init_random(seed=0))[0].weights[0]
    )

    explorer.seed.value = 7
    assert explorer.verdict.value == "no tied units" and png(explorer) != random_image

    explorer.init.value = "constant"
    assert explorer.verdict.value == TIED_2_3_3_2
    assert png(explorer) == tied_image  # same settings, same picture


def test_linear_case_toggles_between_tied_and_free():
    explorer = mh.init_explorer(cases.linear_2_2_1())
    assert explorer.verdict.value == "layer 1: 2 units tied in 1 group"
    explorer.init.value = "random"
    assert explorer.verdict.value == "no tied units"


def test_one_hidden_unit_is_never_tied():
    explorer = mh.init_explorer(cases.one_one_one())
    assert explorer.verdict.value == "no tied units"
    explorer.init.value = "random"
    assert explorer.verdict.value == "no tied units"


def test_constant_value_learning_rate_and_steps_retrain():
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    explorer.value.value = 0.5
    assert explorer.history.weights[0][0] == pytest.approx(np.full((2, 3), 0.5))
    assert explorer.verdict.value == TIED_2_3_3_2
    explorer.iterations.value = 300
    assert explorer.history.iterations[-1] == 300
    assert (explorer.step.max, explorer.step.value, explorer.play.max) == (300, 300, 300)
    explorer.lr.value = 0.1
    net = cases.sigmoid_2_3_3_2().network().init_constant(0.5)
    expected = mh.train(net, explorer.case.X, explorer.case.Y, explorer.lr.value, 300, loss="sse")
    assert explorer.history.loss == pytest.approx(expected.loss, rel=1e-12)


def test_stepping_shows_an_earlier_state():
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    explorer.init.value = "random"
    end_image = png(explorer)
    explorer.step.value = 0
    assert png(explorer) != end_image
    line = explorer.panel.diagram.edges[2, 1, 0]
    start = explorer.history.weights[2][0]
    scale = max(np.abs(W[0]).max() for W in explorer.history.weights)
    assert line.get_linewidth() == pytest.approx(0.8 + 4.2 * abs(start[1, 0]) / scale)
    assert "step 0 of 1000" in explorer.panel.title.get_text()
    assert all(marker.get_xdata()[0] == 0 for marker in explorer.panel.markers)
    explorer.step.value = 1000
    assert png(explorer) == end_image


def test_divergence_is_reported_in_the_verdict(recwarn):
    explorer = mh.init_explorer(cases.linear_2_2_1())
    explorer.lr.value = 20.0
    assert explorer.history.diverged
    last = explorer.history.iterations[-1]
    assert explorer.verdict.value.endswith(f"training diverged after step {last}: try a smaller learning rate")
    assert not [w for w in recwarn if issubclass(w.category, mh.TrainingDiverged)]


def break_training(monkeypatch):
    """Make the explorer's training raise, as a bug in a teacher's own case might."""

    def broken_train(*args, **kwargs):
        raise RuntimeError("the training broke")

    monkeypatch.setattr(explorer_module, "train", broken_train)


def test_a_callback_error_is_shown_in_the_output_area(monkeypatch):
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())

    break_training(monkeypatch)
    explorer.init.value = "random"
    outputs = explorer.figure.outputs
    assert len(outputs) == 1 and outputs[0]["output_type"] == "stream"
    assert outputs[0]["text"].startswith("Error: RuntimeError: the training broke")
    assert "no verdict" in explorer.verdict.value

    monkeypatch.undo()
    explorer.seed.value = 3
    png(explorer)
    assert explorer.verdict.value == "no tied units"


def test_rejects_anything_but_a_case():
    with pytest.raises(TypeError, match="case must be a Case"):
        mh.init_explorer(mh.MLP([1, 1, 1]))


def test_tied_verdict_wording():
    assert mh.tied_verdict([[[0, 1, 2]], []]) == "layer 1: 3 units tied in 1 group"
    assert mh.tied_verdict([[], [[0, 2], [1, 3]]]) == "layer 2: 4 units tied in 2 groups"
    assert mh.tied_verdict([[], []]) == "no tied units"
    assert mh.tied_verdict([]) == "no tied units"


def test_show_image_and_show_error_replace_the_output():
    out = widgets.Output()
    explorer_module.show_image(out, b"\x89PNG fake", "a picture")
    assert out.outputs == (
        {
            "output_type": "display_data",
            "data": {"image/png": base64.b64encode(b"\x89PNG fake").decode("ascii"), "text/plain": "<a picture>"},
            "metadata": {},
        },
    )
    explorer_module.show_error(out, ValueError("lr must be greater than 0"))  # never raised: no traceback
    assert out.outputs == (
        {"output_type": "stream", "name": "stderr", "text": "Error: ValueError: lr must be greater than 0\n"},
    )


@pytest.mark.parametrize("make_case", [cases.one_one_one, cases.linear_2_2_1, cases.sigmoid_2_3_3_2])
def test_the_learning_rate_control_starts_at_the_cases_exact_rate(make_case):
    case = make_case()
    explorer = mh.init_explorer(case)
    assert explorer.lr.value == case.lr  # exact: no snapping to a log grid
    rates = [value for _, value in explorer.lr.options]
    assert rates == sorted(rates) and rates[0] == 0.001 and rates[-1] == 20.0
    assert case.lr in rates


# -- speed without a different picture (issue 17) ------------------------------------------


def pixel_difference(explorer):
    """How many pixels of the explorer's frame differ visibly from a full redraw of the same state."""
    frame = np.array(explorer.panel.frame()).astype(int)
    full = explorer.panel.full_redraw().astype(int)
    assert frame.shape == full.shape
    return int(np.count_nonzero(np.abs(frame - full).max(axis=-1) > 8))


@pytest.mark.parametrize("make_case", sampled(CASES, lambda make: make is cases.linear_2_2_1))
def test_a_frame_over_the_cached_background_matches_a_full_redraw(make_case):
    explorer = mh.init_explorer(make_case())
    last = explorer.step.max
    assert pixel_difference(explorer) == 0
    explorer.init.value = "random"
    for step in (0, 1, last // 3, last):
        explorer.step.value = step
        assert pixel_difference(explorer) == 0, f"step {step}"
    explorer.init.value = "constant"  # a run already seen: its background comes from the cache
    explorer.step.value = last // 2
    assert pixel_difference(explorer) == 0
    explorer.lr.value = 20.0  # a run that diverges: another loss axis, the X and its message
    assert pixel_difference(explorer) == 0


def test_the_shown_image_is_the_frame_and_changes_with_the_step():
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    explorer.step.value = 0
    shown = np.asarray(Image.open(io.BytesIO(png(explorer))).convert("RGB"))
    assert np.array_equal(shown, explorer.panel.frame()[..., :3])
    assert pixel_difference(explorer) == 0  # and the frame is the full drawing (its overlay blended to +-2)


def test_a_run_already_seen_is_shown_again_without_training(monkeypatch):
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    explorer.seed.value = 4
    explorer.init.value = "random"
    tied_image, tied_history = None, explorer.runs[("constant", 1.0, 0.5, 1000)].history
    trained = []

    def counting_train(*args, **kwargs):
        trained.append(args)
        return mh.train(*args, **kwargs)

    monkeypatch.setattr(explorer_module, "train", counting_train)
    random_image = png(explorer)
    explorer.init.value = "constant"
    tied_image = png(explorer)
    assert explorer.history is tied_history and explorer.verdict.value == TIED_2_3_3_2
    explorer.init.value = "random"
    assert png(explorer) == random_image and explorer.verdict.value == "no tied units"
    assert trained == []  # constant -> random -> constant: frames only
    explorer.seed.value = 5
    assert len(trained) == 1
    explorer.init.value = "constant"
    assert png(explorer) == tied_image and len(trained) == 1


def test_the_run_cache_keeps_only_the_latest_runs():
    explorer = mh.init_explorer(cases.one_one_one())
    explorer.render_png = lambda: b""  # what is drawn does not matter here, only what is kept
    explorer.init.value = "random"
    for seed in range(1, explorer.MAX_RUNS + 5):
        explorer.seed.value = seed
    assert len(explorer.runs) == explorer.MAX_RUNS
    assert list(explorer.runs)[-1] == ("random", explorer.MAX_RUNS + 4, 1.0, 200)


def test_curves_have_no_more_points_than_their_axes_have_pixels():
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    explorer.iterations.value = 5000
    panel = explorer.panel
    lines = [panel.loss_curve.line] + [line for lines in panel.trajectories.lines for line in lines]
    for line in lines:
        steps = np.asarray(line.get_xdata())
        assert len(steps) <= line.axes.bbox.width
        assert steps[0] == 0 and steps[-1] == 5000


def test_thin_curve_keeps_the_extremes_of_every_stretch():
    x = np.arange(10001)
    y = np.sin(x / 50.0)
    y[1234], y[7777] = 5.0, -5.0  # one-step spikes must stay visible
    tx, ty = plots.thin_curve(x, y, 200)
    assert len(tx) <= 200 and tx[0] == 0 and tx[-1] == 10000 and np.all(np.diff(tx) > 0)
    assert np.array_equal(ty, y[tx]) and {1234, 7777} <= set(tx.tolist())
    short = plots.thin_curve(x[:50], y[:50], 200)
    assert short[0] is x[:50].base or np.array_equal(short[0], x[:50])


def test_artists_are_reused_from_run_to_run():
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    explorer.init.value = "random"
    lines = [line for lines in explorer.panel.trajectories.lines for line in lines]
    children = list(explorer.panel.diagram.ax.get_children())
    explorer.seed.value = 9
    assert [line for lines in explorer.panel.trajectories.lines for line in lines] == lines
    assert list(explorer.panel.diagram.ax.get_children()) == children


# -- explorer and plot defects (issue 11, section 3) --------------------------------------


def test_the_step_axis_follows_a_shorter_run():
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())
    explorer.iterations.value = 10
    loss_ax = explorer.panel.loss_curve.ax
    assert -1 < loss_ax.get_xlim()[0] < 0 and 10 < loss_ax.get_xlim()[1] < 11
    for ax in explorer.panel.trajectories.axes:
        assert ax.get_xlim()[1] < 11


def test_divergence_after_a_few_steps_gets_its_own_axis_and_a_message_clear_of_its_marker():
    explorer = mh.init_explorer(cases.linear_2_2_1())
    explorer.lr.value = 20.0
    last = explorer.history.iterations[-1]
    assert explorer.history.diverged and last < 20
    curve = explorer.panel.loss_curve
    assert curve.ax.get_xlim()[1] < last + 2
    explorer.panel.frame()  # lays the text out
    renderer = explorer.fig.canvas.get_renderer()
    text_box = curve.message.get_window_extent(renderer)
    x, y = curve.ax.transData.transform((curve.marker.get_xdata()[0], curve.marker.get_ydata()[0]))
    half = curve.marker.get_markersize() / 72 * explorer.fig.dpi / 2
    assert curve.message.get_text().startswith(f"diverged after step {last}")
    assert x + half < text_box.x0 or x - half > text_box.x1 or y + half < text_box.y0 or y - half > text_box.y1


def test_a_teachers_case_is_trained_as_given_not_clamped():
    case = dataclasses.replace(cases.linear_2_2_1(), init_value=5.0, iterations=5, lr=0.001)
    explorer = mh.init_explorer(case)
    assert explorer.value.value == 5.0 and explorer.iterations.value == 5
    assert explorer.history.iterations[-1] == 5
    assert explorer.history.weights[0][0] == pytest.approx(np.full((2, 2), 5.0))
    negative = mh.init_explorer(dataclasses.replace(case, init_value=-7.5))
    assert negative.history.weights[0][0] == pytest.approx(np.full((2, 2), -7.5))


def test_after_an_error_moving_the_step_keeps_the_message_and_a_valid_change_restores(monkeypatch):
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())

    break_training(monkeypatch)
    explorer.init.value = "random"
    explorer.step.value = 10  # the last good run belongs to other settings: not shown again
    (error,) = explorer.figure.outputs
    assert error["text"].startswith("Error: RuntimeError: the training broke")
    assert "no verdict" in explorer.verdict.value
    monkeypatch.undo()
    explorer.seed.value = 2
    png(explorer)
    explorer.step.value = 10
    assert "step 10 of 1000" in explorer.panel.title.get_text()
    png(explorer)


def test_path_explorer_replaces_table_and_figure_by_the_error_and_restores_them():
    from tests.test_paths import branching_network, widget_parts

    net, x, y = branching_network()
    box = explorer_module.path_explorer(net, x, y, notation="one_one_one", loss="half_sse")
    choice, out, table = widget_parts(box)
    good = net.weights[1].copy()
    net.weights[1] = np.array([[np.nan, 0.9], [-0.2, 0.1]])
    choice.label = "w7"
    (error,) = out.outputs
    assert error["output_type"] == "stream"
    assert error["text"].startswith("Error: ValueError: net.weights[1] contains NaN or inf")
    assert table.value == ""
    net.weights[1] = good
    choice.label = "w1"
    (image,) = out.outputs
    assert "image/png" in image["data"] and "0.0168274" in table.value


def test_path_explorer_refuses_a_network_with_nan_at_once():
    from tests.test_paths import branching_network

    net, x, y = branching_network()
    net.biases[0] = np.array([np.nan, 0.0])
    with pytest.raises(ValueError, match=r"net.biases\[0\] contains NaN or inf"):
        explorer_module.path_explorer(net, x, y, notation="one_one_one", loss="half_sse")


def test_plot_arguments_are_checked_before_anything_is_drawn():
    import matplotlib.pyplot as plt

    plt.close("all")
    case = cases.sigmoid_2_3_3_2()
    _, history = case.train(iterations=20)
    fig = mh.plot_weight_trajectories(history, layers=1)  # one layer on its own
    assert len(fig.axes) == 1 and fig.axes[0].get_title().startswith("weights from layer 1 to layer 2")
    with pytest.raises(TypeError, match="layers must be a weight layer number or a list"):
        mh.plot_weight_trajectories(history, layers=1.5)
    empty = mh.History(np.arange(0), np.empty(0), [W[:0] for W in history.weights], [b[:0] for b in history.biases])
    for plot in (mh.plot_weight_trajectories, mh.plot_loss, mh.plot_training):
        with pytest.raises(ValueError, match="history must hold at least one recorded step"):
            plot(empty)
    with pytest.raises(ValueError, match="step must be a whole number >= 0"):
        mh.plot_training(history, step=-1)
    assert plt.get_fignums() == []  # nothing left open for the notebook to show beside the error
