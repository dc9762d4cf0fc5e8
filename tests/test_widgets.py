"""The initialization explorer, driven the way a learner would: flip, slide, play."""

import base64

import ipywidgets as widgets
import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases
from mlp_helpers import widgets as explorer_module

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


def test_a_callback_error_is_shown_in_the_output_area(monkeypatch):
    explorer = mh.init_explorer(cases.sigmoid_2_3_3_2())

    def broken_train(*args, **kwargs):
        raise RuntimeError("the training broke")

    monkeypatch.setattr(explorer_module, "train", broken_train)
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
