"""Notebook 06's explorer: what it shows for each setting, its cache, its drawing, its dpi and its errors."""

import base64
import io

import numpy as np
import pytest
from PIL import Image

import mlp_helpers as mh
from mlp_helpers.lessons import stalls
from mlp_helpers.visual import stalls_explorer as module
from mlp_helpers.visual.stalls_explorer import stalls_explorer


def shown_png(explorer):
    (output,) = explorer.figure.outputs
    return base64.b64decode(output["data"]["image/png"])


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


@pytest.fixture(scope="module")
def explorer():
    return stalls_explorer(steps=1600)


def test_repr_and_the_first_setting(explorer):
    assert repr(explorer) == "the stalls explorer: run this cell to use it"
    assert "bph-stalls-explorer" in explorer._dom_classes
    assert (explorer.cost.value, explorer.activation.value, explorer.start.value) == ("sse", "sigmoid", "all ones")
    assert explorer.verdict.value.startswith("not within 1600 steps")


def test_the_stored_output_holds_the_picture_shown_and_the_stand_in(explorer):
    """Reader 06EF (fault 5): like notebook 05's explorer (both through widgets.Explorer), the mimebundle holds the
    PNG of the setting shown beside the widget, and the stand-in text."""
    bundle = explorer._repr_mimebundle_()
    assert base64.b64decode(bundle["image/png"]) == explorer.runs[explorer.setting][1] == explorer.shown_png()
    assert bundle["text/plain"] == explorer.stand_in() == ("The stalls explorer: run this cell to use it "
                                                           "(it needs a running Jupyter kernel).")
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_cross_entropy_from_all_ones_fits_where_the_package_says(explorer):
    explorer.cost.value = "cross_entropy"
    net = stalls.stall_net("sigmoid").init_constant(1.0)
    history = mh.train(net, module.X, module.Y, explorer.lr.value, 1600, loss="cross_entropy")
    fit = mh.first_fit_step(history, module.X, module.Y, net.activation)
    assert fit is not None and explorer.verdict.value.startswith(f"fits at step {fit};")
    # notebook 06's "Try": at lr 1 it fits within 2000 steps, about half of the 3071 at lr 0.5
    assert explorer.lr.value == 1.0 and abs(fit - 3071 / 2) < 0.1 * 3071 / 2
    explorer.cost.value = "sse"


@pytest.mark.parametrize("cost, activation, start, lr, depth", [
    ("sse", "tanh", "random", 0.5, 4), ("cross_entropy", "relu", "random", 0.5, 6), ("sse", "sigmoid", "all ones", 0.5, 2),
])
def test_the_curve_is_the_largest_error_of_each_step(explorer, cost, activation, start, lr, depth):
    """The explorer keeps each step's largest error of its train run: train_many, which records
    that error itself at every step, gives the same curve and fit step. (Not bit for bit: their
    products round differently, which a run that overshoots, such as tanh at lr 1, amplifies;
    the explorer only draws such runs.)"""
    run = explorer.train_run(cost, activation, start, lr, depth)
    net = explorer._network(activation, start, depth)
    history = mh.train_many([net], module.X, module.Y, lr, explorer.steps, loss=cost, weights_every=0)
    np.testing.assert_allclose(run.error, history.max_error[0], rtol=1e-7)
    fit = history.fit_steps(module.TOL)[0]
    assert run.fit == (int(fit) if np.isfinite(fit) else None) and run.diverged_at == -1


def test_relu_from_zeros_is_dead_and_a_seen_setting_is_not_trained_again(explorer, monkeypatch):
    explorer.activation.value = "relu"
    explorer.start.value = "all zeros"
    assert explorer.verdict.value == ("not within 1600 steps; the last layer's gradient is 0 at step 0; "
                                      "dead hidden units at step 0: 6 of 6")
    dead_png = shown_png(explorer)
    explorer.start.value = "all ones"
    monkeypatch.setattr(module, "train", lambda *a, **k: pytest.fail("a setting seen before was trained again"))
    explorer.start.value = "all zeros"
    assert shown_png(explorer) == dead_png


def test_the_depth_bars_follow_the_package(explorer):
    explorer.activation.value, explorer.start.value, explorer.depth.value = "sigmoid", "random", 5
    net = explorer._network("sigmoid", "random", 5)
    norms = stalls.layer_gradient_norms([net], module.X, module.Y, "sse")[0]
    heights = [bar.get_height() for bar in explorer.bars[:5]]
    np.testing.assert_allclose(heights, norms, rtol=1e-12)
    assert not any(bar.get_visible() for bar in explorer.bars[5:])
    assert f"{norms[0] / norms[-1]:.2g}" in explorer.verdict.value


def test_the_picture_drawn_on_the_background_is_the_whole_figure_drawn_afresh(explorer):
    """Only the moving artists are drawn on the stored background; the pixels are those of a
    full redraw of the same state, for two settings drawn one after the other."""
    for setting in (("cross_entropy", "relu", "random", 1.0, 6), ("sse", "sigmoid", "all zeros", 0.5, 2)):
        explorer.cost.value, explorer.activation.value, explorer.start.value, explorer.lr.value, \
            explorer.depth.value = setting
        blitted = pixels(shown_png(explorer))
        for artist in explorer.moving:
            artist.set_animated(False)
        try:
            full = pixels(mh.visual.widgets.figure_png(explorer.fig))
        finally:
            for artist in explorer.moving:
                artist.set_animated(True)
        assert blitted.shape == full.shape
        assert np.abs(blitted.astype(int) - full.astype(int)).max() <= 2, setting  # antialiasing rounding


def test_a_diverging_run_is_said_and_drawn(monkeypatch):
    """A learning rate far too large (1e308, not one of the explorer's) makes cross-entropy's
    outputs saturate at once: the verdict says after which step, the picture is drawn."""
    monkeypatch.setattr(module, "LEARNING_RATES", (1.0, 1e308))
    explorer = module.StallsExplorer(steps=200)
    explorer.cost.value, explorer.start.value = "cross_entropy", "random"
    explorer.lr.value = 1e308
    assert explorer.verdict.value.startswith("diverged after step 0 (the cost or a weight became infinite)")
    assert shown_png(explorer).startswith(b"\x89PNG")
    run = explorer.trained[("cross_entropy", "sigmoid", "random", 1e308, 3)]
    assert run.diverged_at == 1 and np.isfinite(run.error).all()


def test_dpi_sets_the_picture_size():
    small, large = stalls_explorer(steps=50), stalls_explorer(steps=50, dpi=100)
    width = Image.open(io.BytesIO(shown_png(small))).size[0]
    assert width == 9 * 72 and Image.open(io.BytesIO(shown_png(large))).size[0] == 900


def test_an_error_is_shown_not_raised(monkeypatch):
    explorer = stalls_explorer(steps=50)
    monkeypatch.setattr(module, "train", lambda *a, **k: 1 / 0)
    explorer.depth.value = 4
    assert explorer.verdict.value.startswith("no verdict")
    assert "ZeroDivisionError" in explorer.figure.outputs[0]["text"]


def test_the_saved_picture_notebook_06_describes():
    """Notebook 06, section 5: the saved picture (the defaults, 2000 steps, as the notebook builds it) keeps its largest
    error near 0.4 at every step after the first few, and W_0's bar is the shortest of the three."""
    shown = stalls_explorer()  # the notebook's call: 2000 steps
    assert shown.setting == ("sse", "sigmoid", "all ones", 1.0, 3) and shown.steps == 2000
    run = shown.trained[shown.setting]
    assert len(run.error) == 2001 and run.fit is None and run.diverged_at == -1
    assert np.all(np.abs(run.error[20:] - 0.4) < 0.05)  # "stays near 0.4 for all 2000 steps"
    assert run.norms[0] == run.norms.min() and run.norms[0] < run.norms[1] < run.norms[2]
