"""Notebook 06's explorer: what it shows for each setting, its cache, its dpi and its errors."""

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


@pytest.fixture(scope="module")
def explorer():
    return stalls_explorer(steps=1600)


def test_repr_and_the_first_setting(explorer):
    assert repr(explorer) == "the stalls explorer: run this cell to use it"
    assert "bph-stalls-explorer" in explorer._dom_classes
    assert (explorer.cost.value, explorer.activation.value, explorer.start.value) == ("sse", "sigmoid", "all ones")
    assert explorer.verdict.value.startswith("not within 1600 steps")


def test_cross_entropy_from_all_ones_fits_where_the_package_says(explorer):
    explorer.cost.value = "cross_entropy"
    net = stalls.stall_net("sigmoid").init_constant(1.0)
    history = mh.train(net, module.X, module.Y, explorer.lr.value, 1600, loss="cross_entropy")
    fit = mh.first_fit_step(history, module.X, module.Y, net.activation)
    assert fit is not None and explorer.verdict.value.startswith(f"fits at step {fit};")
    explorer.cost.value = "sse"


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
