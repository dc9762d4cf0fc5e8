"""Every explorer at every extreme its controls offer: no exception, no warning, and a diverging
run drawn with the verdict "diverged after step N".

Warnings are errors here, so a warning that would escape into a notebook cell fails the test.
The controls are moved one at a time, innermost first, so that each setting trains once.
"""

import itertools
import warnings

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases
from mlp_helpers.visual.initialization_explorer import LEARNING_RATES, SCALES, START_CHOICES, InitializationExplorer
from tiers import sampled

CASES = [cases.sigmoid_2_3_3_2, cases.linear_2_2_1, cases.one_one_one]


def shown(explorer):
    """What the explorer's output area holds: ("image", None) or ("error", its text)."""
    (output,) = explorer.figure.outputs
    if output["output_type"] == "stream":
        return "error", output["text"]
    assert "image/png" in output["data"]
    return "image", None


def ends(control):
    """The smallest and largest value a control offers."""
    if hasattr(control, "options"):  # a SelectionSlider: (label, value) pairs
        return [control.options[0][1], control.options[-1][1]]
    return [control.min, control.max]


def check_shown(explorer, settings):
    """The run is drawn at its last step and at the ends of the step slider; a divergence is said."""
    assert shown(explorer) == ("image", None), settings
    history = explorer.history
    assert explorer.step.max == history.iterations[-1]
    if history.diverged:
        assert f"diverged after step {history.iterations[-1]}" in explorer.verdict.value, settings
    else:
        assert "diverged" not in explorer.verdict.value and history.iterations[-1] == explorer.iterations.value
    for step in (0, explorer.step.max):
        explorer.step.value = step
        assert shown(explorer) == ("image", None), (settings, step)
    return history.diverged


@pytest.mark.parametrize("make_case", sampled(CASES, lambda make: make is cases.one_one_one))
def test_init_explorer_at_every_extreme_of_its_controls(make_case):
    """Each control at its smallest and largest value, the others at the case's own; then the
    largest learning rate from each extreme start (where runs diverge)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        case = make_case()
        explorer = mh.init_explorer(case)
        diverged = []
        for start in ("constant", "random"):
            explorer.init.value = start
            choice = explorer.value if start == "constant" else explorer.seed
            own = {control: control.value for control in (choice, explorer.lr, explorer.iterations)}
            for control, default in own.items():
                for value in ends(control):
                    control.value = value
                    diverged.append(check_shown(explorer, (start, control.description, value)))
                control.value = default
            explorer.lr.value = ends(explorer.lr)[1]
            for value in ends(choice):
                choice.value = value
                diverged.append(check_shown(explorer, (start, "largest rate", value)))
            choice.value, explorer.lr.value = own[choice], own[explorer.lr]
        # a linear network has nothing to saturate: the largest rate makes it diverge
        assert any(diverged) == (case.network().activation[0] == "linear")


def test_the_2_2_1_explorer_at_rate_20_draws_a_loss_of_1e291():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explorer = mh.init_explorer(cases.linear_2_2_1())
        explorer.init.value = "random"
        explorer.lr.value = 20.0
    assert shown(explorer) == ("image", None)
    assert explorer.history.diverged and explorer.history.loss.max() > 1e290
    assert explorer.verdict.value.endswith(f"training diverged after step {explorer.history.iterations[-1]}: "
                                           "try a smaller learning rate")
    curve = explorer.panel.loss_curve
    assert curve.clip_note.get_text() == "loss above 1e+100 drawn at 1e+100"
    assert curve.line.get_ydata().max() == 1e100 and curve.ax.get_ylim()[1] < 1e110
    assert curve.message.get_text().startswith(f"diverged after step {explorer.history.iterations[-1]}")
    explorer.lr.value = 0.1  # a run that stays finite clears the note
    assert curve.clip_note.get_text() == "" and not explorer.history.diverged


@pytest.mark.parametrize("make_case", sampled(CASES, lambda make: make is cases.one_one_one))
def test_initialization_explorer_at_every_extreme_of_its_controls(make_case):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explorer = InitializationExplorer(make_case(), starts=40, steps=600)
        for start in START_CHOICES:
            explorer.start.value = start
            for scale, lr in itertools.product((SCALES[0], SCALES[-1]), (LEARNING_RATES[0], LEARNING_RATES[-1])):
                explorer.scale.value, explorer.lr.value = scale, lr
                assert shown(explorer) == ("image", None), (start, scale, lr)
                assert explorer.verdict.value and not explorer.verdict.value.startswith("no verdict")
                assert explorer.fit_steps.shape == (40,)


def test_notebook_05_explorer_on_the_linear_case_at_scale_10_says_it_diverged():
    case = cases.linear_2_2_1()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explorer = InitializationExplorer(case, starts=40, steps=600)
        explorer.start.value, explorer.scale.value = "random", 10.0
    verdict = explorer.verdict.value
    assert shown(explorer) == ("image", None)
    # the same starts trained directly: which diverge, and the first step at which one did
    nets = mh.lessons.initialization.random_starts(case.sizes, 40, 10.0, case.activation, case.bias)
    with pytest.warns(mh.TrainingDiverged):
        history = mh.train_many(nets, case.X, case.Y, explorer.lr.value, 600, loss=case.loss, weights_every=0)
    count, first = int(history.diverged.sum()), int(history.diverged_at[history.diverged].min())
    assert count > 0
    assert f"; {count} of 40 starts diverged (the first diverged after step {first - 1}): try a smaller learning " \
           "rate or scale" in verdict
    assert np.isinf(explorer.fit_steps[history.diverged]).all()


def test_stalls_explorer_at_every_choice_and_extreme_of_its_controls():
    from mlp_helpers.visual import stalls_explorer as stalls

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explorer = stalls.StallsExplorer(steps=200)
        choices = [[value for _, value in stalls.COSTS], [value for _, value in explorer.activation.options],
                   list(stalls.STARTS),
                   [stalls.LEARNING_RATES[0], stalls.LEARNING_RATES[-1]], [stalls.DEPTHS[0], stalls.DEPTHS[-1]]]
        controls = [explorer.cost, explorer.activation, explorer.start, explorer.lr, explorer.depth]
        for settings in itertools.product(*choices):
            for control, value in zip(controls, settings):
                control.value = value
            assert shown(explorer) == ("image", None), settings
            assert explorer.verdict.value and not explorer.verdict.value.startswith("no verdict"), settings


def test_stalls_explorer_says_why_a_saturated_start_cannot_train():
    from mlp_helpers.visual import stalls_explorer as stalls

    explorer = stalls.StallsExplorer(steps=200)
    verdict, png = explorer.run("cross_entropy", "relu", "all ones", 0.5, 6)
    assert verdict.startswith("the cost is infinite at step 0") and png.startswith(b"\x89PNG")
    verdict, _ = explorer.run("sse", "relu", "all ones", 0.5, 6)  # the same start trains under the sum of squares
    assert not verdict.startswith("the cost is infinite")
