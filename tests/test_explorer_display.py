"""How every explorer shows itself: its plain-text stand-in, and the resolution of its picture.

A notebook stores an explorer's text/plain next to its widget view and shows that text wherever
the widget cannot be drawn (untrusted, no kernel, a static page): it must say what the explorer
is and what to do. The picture's resolution is a ``dpi`` argument, with ``"projector"`` sized for
a projector of 1280x720 or 1024x768 (the Voilà pages in tests/browser check the page itself).
"""

import base64
import dataclasses
import io

import numpy as np
import pytest
from IPython.core.formatters import DisplayFormatter
from PIL import Image

from mlp_helpers import cases
from mlp_helpers.visual import widgets
from mlp_helpers.visual.initialization_explorer import InitializationExplorer, initialization_explorer

from tests.test_paths import branching_network
from tiers import sampled

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


# 40 steps instead of the cases' 1000 and 500: the same figure, the same stand-in, a fraction of the time
def init_2_3_3_2(dpi=72):
    return widgets.init_explorer(dataclasses.replace(cases.sigmoid_2_3_3_2(), iterations=40), dpi=dpi)


def init_2_2_1(dpi=72):
    return widgets.init_explorer(dataclasses.replace(cases.linear_2_2_1(), iterations=40), dpi=dpi)


def paths_2_2_2(dpi=100):
    net, x, y = branching_network()
    return widgets.path_explorer(net, x, y, loss="half_sse", notation="one_one_one", dpi=dpi)


def many_starts(dpi=72):
    return initialization_explorer(cases.sigmoid_2_3_3_2(), starts=8, steps=200, dpi=dpi)


def picture(explorer):
    """The explorer's one image as a PIL image."""
    (output,) = [child for child in explorer.children if "bph-figure" in child._dom_classes][0].outputs
    return Image.open(io.BytesIO(base64.b64decode(output["data"]["image/png"])))


# (make, kind, the name of what it shows, the figure's size in inches at any dpi; None: cropped)
EXPLORERS = [
    (init_2_3_3_2, "The initialization explorer", "tied-units question: 2-3-3-2 sigmoid", (9.9, 6.2)),
    (init_2_2_1, "The initialization explorer", "2-2-1 regression question: linear, rho = 0.3", (9.9, 6.2)),
    (paths_2_2_2, "The path explorer", "2-2-2 network", None),
    (many_starts, "The explorer of many starts", "tied-units question: 2-3-3-2 sigmoid, 8 starts", (7.5, 3.4)),
]
IDS = ["init-2-3-3-2", "init-2-2-1", "paths-2-2-2", "many-starts"]
# make test: the quick 2-2-1 initialization explorer and the path explorer; CI: all four
SAMPLE = sampled(range(len(EXPLORERS)), lambda k: IDS[k] in ("init-2-2-1", "paths-2-2-2"))
EXPLORERS, IDS = [EXPLORERS[k] for k in SAMPLE], [IDS[k] for k in SAMPLE]


@pytest.mark.parametrize("make, kind, subject, inches", EXPLORERS, ids=IDS)
def test_the_text_a_notebook_stores_says_what_the_explorer_is_and_to_run_the_cell(make, kind, subject, inches):
    explorer = make()
    # what IPython stores for the cell's output: the widget view and this text beside it
    data, _ = DisplayFormatter().format(explorer)
    text = data["text/plain"]
    assert text.startswith(f"{kind} (") and subject in text
    assert text.endswith("): run this cell to use it (it needs a running Jupyter kernel).")
    assert "…" not in text and "Explorer(" not in text and "VBox" not in text  # not a cut class repr
    assert data[WIDGET_VIEW]["model_id"] == explorer.model_id
    # repr() stays the short developer's form
    assert repr(explorer).startswith(type(explorer).__name__ + "(")


def test_the_stand_in_of_each_explorer_exactly():
    assert init_2_3_3_2()._repr_mimebundle_()["text/plain"] == (
        "The initialization explorer (tied-units question: 2-3-3-2 sigmoid): run this cell to use it "
        "(it needs a running Jupyter kernel).")
    assert paths_2_2_2()._repr_mimebundle_()["text/plain"] == (
        "The path explorer (the chain-rule paths of each weight of a 2-2-2 network): run this cell "
        "to use it (it needs a running Jupyter kernel).")
    assert repr(paths_2_2_2()) == "PathExplorer(sizes=(2, 2, 2))"


def test_a_closed_explorer_has_no_display():
    explorer = init_2_2_1()
    explorer.close()
    assert explorer._repr_mimebundle_ is None  # ipywidgets' own rule: nothing to show once closed


@pytest.mark.parametrize("make, kind, subject, inches", EXPLORERS, ids=IDS)
def test_the_picture_has_the_resolution_asked_for(make, kind, subject, inches):
    small, large = picture(make(dpi=50)), picture(make(dpi=150))
    if inches is not None:
        assert small.size == (round(inches[0] * 50), round(inches[1] * 50))
        assert large.size == (round(inches[0] * 150), round(inches[1] * 150))
    else:  # cropped to the drawing: the crop is in inches, so it scales with the resolution
        assert large.size[0] == pytest.approx(3 * small.size[0], abs=3)
        assert large.size[1] == pytest.approx(3 * small.size[1], abs=3)


@pytest.mark.parametrize("make, kind, subject, inches", EXPLORERS, ids=IDS)
def test_projector_resolution_fits_a_1024x768_projector_with_room_for_the_controls(make, kind, subject, inches):
    explorer = make(dpi="projector")
    width, height = picture(explorer).size
    assert (width, height) == picture(make(dpi=explorer.PROJECTOR_DPI)).size
    # 1024 px wide less the page's margins; 720 px high less about 160 px of title and controls
    assert 600 <= width <= 940 and height <= 560, (width, height)
    # at least 15% larger than in the notebooks, text included (the figure is only rescaled)
    assert width >= 1.15 * picture(make()).size[0]


@pytest.mark.parametrize("make", [init_2_2_1, paths_2_2_2, many_starts], ids=["init", "paths", "many-starts"])
@pytest.mark.parametrize("dpi, error, message", [
    (10, ValueError, r"dpi must lie between 30 and 300 .* got 10"),
    (301, ValueError, r"dpi must lie between 30 and 300"),
    (np.inf, ValueError, "dpi must be a finite number"),
    ("beamer", ValueError, r'dpi must be a number or "projector", got \'beamer\''),
    (None, TypeError, "dpi must be a real number, got NoneType"),
    (True, TypeError, "dpi must be a real number, got bool"),
])
def test_a_bad_resolution_is_refused_by_name(make, dpi, error, message):
    with pytest.raises(error, match=message):
        make(dpi=dpi)


def test_the_resolution_changes_the_picture_not_the_run():
    default, projector = init_2_3_3_2(), init_2_3_3_2(dpi="projector")
    assert default.verdict.value == projector.verdict.value
    np.testing.assert_array_equal(default.history.loss, projector.history.loss)
    default.init.value = projector.init.value = "random"
    assert default.verdict.value == projector.verdict.value == "no tied units"
    assert picture(projector).size == (841, 527)  # 9.9 x 6.2 inches at 85 dpi (841.5 cut to 841)


def test_the_many_starts_explorer_stores_the_picture_it_shows():
    """Report 05BI (fix 10): notebook 05's explorer keeps its picture beside the widget view, so
    a static page (no kernel, no widget state) shows the first setting instead of a sentence."""
    explorer = initialization_explorer(cases.sigmoid_2_3_3_2(), starts=8, steps=200)
    data, _ = DisplayFormatter().format(explorer)
    assert WIDGET_VIEW in data and data["text/plain"].endswith("(it needs a running Jupyter kernel).")
    shown = explorer.images[(explorer.start.value, explorer.scale.value, explorer.lr.value)]
    assert base64.b64decode(data["image/png"]) == shown == base64.b64decode(explorer.figure.outputs[0]["data"]["image/png"])
    explorer.scale.value = 10.0  # another setting: the stored picture follows it
    data, _ = DisplayFormatter().format(explorer)
    assert base64.b64decode(data["image/png"]) == explorer.images[(explorer.start.value, 10.0, explorer.lr.value)] != shown


def test_the_many_starts_legend_says_when_its_vermillion_bar_is_empty():
    """Report 05CM (fault 8): no legend colour without a bar: the "not within" entry says "(none here)"
    while no start is stopped at the limit, and loses it once one is."""
    explorer = initialization_explorer(cases.sigmoid_2_3_3_2(), starts=8, steps=200)
    for fits, empty in ((np.array([50.0, 120.0]), True), (np.array([50.0, np.inf]), False)):
        explorer._draw(fits, 0)
        labels = [t.get_text() for t in explorer.ax.get_legend().get_texts()]
        assert labels == ["median", "fit within 200 steps", "not within 200 steps" + ("\n(none here)" if empty else "")]
