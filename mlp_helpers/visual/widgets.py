"""The explorers: interactive widgets built on the package.

* ``init_explorer(case)``: flip "constant" to "random" and watch tied units come apart.
* ``path_explorer(net, x, y)``: pick a weight, see its chain-rule paths on the diagram and
  in a table.

``init_explorer(case)`` returns an ``InitExplorer``, an ipywidgets ``VBox`` that trains
``case`` from the chosen start and shows, as one PNG, the network diagram (tied units
share a fill), the weight trajectories and the loss, with a one-line verdict such as
"layer 1: 3 units tied in 1 group; layer 2: 3 units tied in 1 group".

The figure is built once with matplotlib's Agg canvas (never pyplot, so nothing is shown
twice in a notebook) and later changes only update its artists. The output area is filled
by assigning ``Output.outputs`` (never ``with out:``), which keeps the image inside the
widget under nbval, nbconvert and JupyterLab alike.
"""

import base64
import io
import traceback
import warnings

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..lessons.cases import Case
from ..checks import tied_units, tied_verdict
from ..lessons.notation import format_number, weight_label
from ..lessons.paths import chain_rule_paths, parameters
from ..network import MLP
from ..training import TrainingDiverged, check_history, train
from .plots import LossCurve, NetworkDiagram, WeightTrajectories, blank_figure

INIT_CHOICES = ("constant", "random")

#: learning rates offered by the explorer: log-spaced (1, 2, 5 per decade) and exact, so the
#: case's own rate (seed 001's 0.5) is used as it is, not snapped to a nearby grid point
LEARNING_RATES = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)


def figure_png(fig, **savefig_kwargs):
    """``fig`` (a bare matplotlib ``Figure``, not a pyplot one) rendered to PNG bytes."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", **savefig_kwargs)
    return buffer.getvalue()


def show_image(out, png, description="figure"):
    """Make a PNG (bytes) the only content of the Output widget ``out``.

    Stores what ``out.append_display_data(Image(png))`` would, but assigns
    ``out.outputs`` directly: no IPython shell is needed (plain pytest works) and nothing
    reaches the cell's own outputs under nbval. ``description`` is the text/plain stand-in.
    """
    out.outputs = ()
    out.outputs = (
        {
            "output_type": "display_data",
            "data": {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": f"<{description}>"},
            "metadata": {},
        },
    )


def show_error(out, exc):
    """Replace the content of ``out`` by "Error: <type>: <message>" and where it happened."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"\n(in {frames[-1].name}, line {frames[-1].lineno})" if frames else ""
    out.outputs = ()
    text = f"Error: {type(exc).__name__}: {exc}{where}\n"
    out.outputs = ({"output_type": "stream", "name": "stderr", "text": text},)


class InitExplorer(widgets.VBox):
    """The explorer's widgets and the training behind them (see ``init_explorer``).

    Controls (attributes): ``init`` (ToggleButtons "constant"/"random"), ``value``
    (constant start, shown for "constant"), ``seed`` (shown for "random"), ``lr``
    (a slider over the log-spaced ``LEARNING_RATES``), ``iterations``, ``play`` and ``step`` (the step shown in the diagram).
    Results: ``verdict`` (HTML), ``figure`` (Output holding one image/png), ``net`` (the
    trained network), ``history``; ``panel`` (the ``plots.TrainingFigure``) and ``fig``.
    dpi: resolution of the PNG (72 keeps a 2000-step change well under 300 ms here).
    """

    def __init__(self, case, dpi=72):
        if not isinstance(case, Case):
            raise TypeError(f"case must be a Case from mlp_helpers.cases, got {type(case).__name__}")
        self.case = case
        self.dpi = dpi
        self._moving_step = False  # True while retrain moves the step controls itself
        style = {"description_width": "initial"}
        self.init = widgets.ToggleButtons(options=INIT_CHOICES, value="constant", description="start from")
        self.value = widgets.FloatSlider(
            value=case.init_value, min=-2.0, max=2.0, step=0.05, description="every weight =", style=style
        )
        self.seed = widgets.BoundedIntText(value=0, min=0, max=99999, description="seed", style=style)
        rates = sorted(set(LEARNING_RATES) | {case.lr})
        self.lr = widgets.SelectionSlider(
            options=[(f"{rate:g}", rate) for rate in rates], value=case.lr, description="learning rate", style=style
        )
        self.iterations = widgets.IntSlider(
            value=case.iterations, min=10, max=max(10000, case.iterations), step=10, description="steps"
        )
        self.play = widgets.Play(
            value=case.iterations, min=0, max=case.iterations, interval=120, description="play"
        )
        self.step = widgets.IntSlider(value=case.iterations, min=0, max=case.iterations, description="show step")
        widgets.jslink((self.play, "value"), (self.step, "value"))
        self.verdict = widgets.HTML()
        self.verdict.add_class("bph-verdict")
        self.figure = widgets.Output()
        self.figure.add_class("bph-figure")
        self._build_figure()
        super().__init__(
            children=[
                widgets.HTML(f"<b>{case.name}</b>"),
                widgets.HBox([self.init, self.value, self.seed]),
                widgets.HBox([self.lr, self.iterations]),
                widgets.HBox([self.play, self.step]),
                self.verdict,
                self.figure,
            ]
        )
        self.add_class("bph-init-explorer")
        for control in (self.init, self.value, self.seed, self.lr, self.iterations):
            control.observe(self._on_settings, names="value")
        self.step.observe(self._on_step, names="value")
        self._on_settings()

    def __repr__(self):
        # the default repr lists every child's state (including the PNG); keep it short and stable
        return f"InitExplorer(case={self.case.name!r})"

    # -- figure ---------------------------------------------------------------------
    def _build_figure(self):
        # a bare Figure on an Agg canvas: never registered with pyplot, so never shown twice
        fig = Figure(dpi=self.dpi)
        FigureCanvasAgg(fig)
        self.panel = TrainingFigure(self.case.sizes, self.case.notation, bias=self.case.bias, fig=fig)
        self.fig = fig

    def render_png(self):
        """The current figure as PNG bytes."""
        # light compression: encoding time matters more here than a few kilobytes
        return figure_png(self.fig, pil_kwargs={"compress_level": 1})

    def _show(self):
        description = f"network diagram, weight trajectories and loss of {self.case.name}"
        show_image(self.figure, self.render_png(), description)

    def _show_error(self, exc):
        show_error(self.figure, exc)
        self.verdict.value = "no verdict: the last change failed (see the message below)"

    # -- callbacks ------------------------------------------------------------------
    def _on_settings(self, change=None):
        try:
            self.value.layout.display = None if self.init.value == "constant" else "none"
            self.seed.layout.display = None if self.init.value == "random" else "none"
            self.retrain()
            self._show()
        except Exception as exc:  # a callback's error must reach the learner, not vanish
            self._show_error(exc)

    def _on_step(self, change):
        try:
            if not self._moving_step:
                row = int(np.searchsorted(self.history.iterations, change["new"], side="right")) - 1
                self.panel.show_step(max(row, 0), self._title())
                self._show()
        except Exception as exc:
            self._show_error(exc)

    def retrain(self):
        """Train a fresh network from the current controls; updates the verdict and figure."""
        case = self.case
        net = case.start(self.init.value, value=self.value.value, seed=self.seed.value)
        with warnings.catch_warnings():
            # divergence is shown in the figure and the verdict instead of as a warning
            warnings.simplefilter("ignore", TrainingDiverged)
            history = train(net, case.X, case.Y, self.lr.value, self.iterations.value, loss=case.loss)
        self.net, self.history = net, history
        # tied units stay tied at every step, so the final network's groups hold throughout
        tied = tied_units(net)
        verdict = tied_verdict(tied)
        if history.diverged:
            verdict += f"; training diverged after step {history.iterations[-1]}: try a smaller learning rate"
        self.verdict.value = verdict
        self.panel.show(history, tied, self._title())
        last = int(history.iterations[-1])
        self._moving_step = True
        try:  # move the Play/step controls to the end without redrawing twice
            self.play.max = self.step.max = last
            self.play.step = self.step.step = max(1, last // 60)
            self.play.value = self.step.value = last
        finally:
            self._moving_step = False

    def _title(self):
        if self.init.value == "constant":
            return f"{self.case.name} | start: every weight {self.value.value:g}"
        return f"{self.case.name} | start: random, seed {self.seed.value}"


def init_explorer(case):
    """An ``InitExplorer`` widget for ``case`` (a ``Case`` from ``mlp_helpers.cases``).

    Shows the diagram, weight trajectories and loss of ``case`` trained from a constant
    or a random start, and a one-line verdict on tied units.
    """
    return InitExplorer(case)


def path_explorer(net, x, y, *, loss, notation="seed002", through_z=False):
    """A Dropdown of ``net``'s weights; the chosen weight's paths drawn and tabulated.

    net: an ``MLP``; x: (sizes[0],) one observation; y: (sizes[-1],) its target; loss,
    notation, through_z: as for ``paths.chain_rule_paths``.
    Returns a ``VBox`` (DOM class ``"bph-path-explorer"``) holding the ``Dropdown``
    (``"bph-path-choice"``; its value is a ``("w", l, i, j)`` tuple), an ``Output`` with
    ONE PNG of the diagram (``"bph-figure"``) and an ``HTMLMath`` with the paths' table
    (``"bph-path-table"``). Errors inside the callback appear in the output area as text
    starting with "Error:".
    """
    # check every argument once, up front, so a bad call fails here and not in a callback
    chain_rule_paths(net, x, y, ("w", 0, 0, 0), loss=loss, notation=notation, through_z=through_z)
    weights = sorted(parameters(net, include_biases=False), key=lambda p: (p[1], p[3], p[2]))
    labels = [weight_label(notation, *p[1:], sizes=net.sizes) for p in weights]
    choice = widgets.Dropdown(options=list(zip(labels, weights)), value=weights[0], description="weight")
    choice.add_class("bph-path-choice")
    out = widgets.Output()
    out.add_class("bph-figure")
    table = widgets.HTMLMath()
    table.add_class("bph-path-table")

    figure = Figure(figsize=(max(3.0, 1.9 * len(net.sizes)), 0.9 * max(net.sizes) + 1.2))
    diagram = NetworkDiagram(figure.add_subplot(), net.sizes, notation, bias=net.bias)

    def show(change=None):
        try:
            result = chain_rule_paths(net, x, y, choice.value, loss=loss, notation=notation, through_z=through_z)
            diagram.update(net.weights, net.biases, highlight=set(result.highlight_edges()))
            show_image(out, figure_png(figure, dpi=100, bbox_inches="tight"), f"paths of {result.name}")
        except Exception as exc:  # shown to the learner instead of vanishing in the console
            show_error(out, exc)
            return
        count = len(result.paths)
        how = f"{count} paths; their products add up to" if count > 1 else "1 path; its product is"
        table.value = (
            f"<p>${result.name_latex}$ reaches $L$ along {how} "
            f"${result.latex} = {format_number(result.total, 6)}$.</p>" + result.to_html()
        )

    choice.observe(show, names="value")
    show()
    box = widgets.VBox([choice, out, table])
    box.add_class("bph-path-explorer")
    return box


class TrainingFigure:
    """Diagram, loss and weight trajectories of one training run, in one figure.

    Top row: the network diagram (two thirds) and the loss; bottom row: one trajectory
    panel per weight layer. ``show(history, tied)`` draws a run, ``show_step(row)`` moves
    the diagram and the dashed step markers to recorded row ``row`` of that run. Margins
    are fixed, because a layout engine costs about as much as drawing the figure.
    fig: draw into this (empty) figure; None makes a new pyplot figure.
    """

    def __init__(self, sizes, notation="index", bias=True, fig=None):
        sizes = list(sizes)
        n_layers = len(sizes) - 1
        width = 3.3 * max(n_layers, 3)
        fig = blank_figure() if fig is None else fig
        fig.set_size_inches(width, 6.2)
        self.fig = fig
        rows = fig.add_gridspec(
            2, 1, height_ratios=(1.25, 1), hspace=0.42,
            left=0.65 / width, right=1 - 0.15 / width, bottom=0.08, top=0.93,
        )
        top = rows[0].subgridspec(1, 3, wspace=0.38)
        bottom = rows[1].subgridspec(1, n_layers, wspace=0.38)
        loss_ax = fig.add_subplot(top[0, 2])
        weight_axes = [fig.add_subplot(bottom[0, l]) for l in range(n_layers)]
        self.diagram = NetworkDiagram(fig.add_subplot(top[0, :2]), sizes, notation, bias=bias)
        self.loss_curve = LossCurve(loss_ax)
        self.trajectories = WeightTrajectories(weight_axes, range(n_layers), sizes, notation)
        self.markers = [ax.axvline(0, color="#555555", lw=1, ls="--") for ax in weight_axes + [loss_ax]]
        self.title = fig.suptitle("", fontsize=10)

    def show(self, history, tied=None, title=""):
        """Draw the run in ``history``; ``tied``: groups per hidden layer (``tied_units``)."""
        self.history, self.tied = history, tied
        self.loss_curve.update(history)
        self.trajectories.update(history)
        self.show_step(len(history) - 1, title)

    def show_step(self, row, title=""):
        """Show the parameters of recorded row ``row`` of the current history."""
        history = self.history
        self.diagram.update([W[row] for W in history.weights], [b[row] for b in history.biases], self.tied)
        step = history.iterations[row]
        for marker in self.markers:
            marker.set_xdata([step, step])
        self.title.set_text(f"{title} | step {step} of {history.iterations[-1]}, loss {history.loss[row]:.4g}")


def plot_training(history, notation="index", step=None, title="", tied=True):
    """One figure with the diagram at ``step``, the loss and the weight trajectories.

    The same picture as the init explorer widget, for a notebook read without a kernel.
    history: from ``train`` (record every step to place ``step`` exactly).
    step: the step shown in the diagram (default: the last; otherwise the last recorded
        step at or before it). tied: fill tied units (found in the last recorded row).
    Returns the figure.
    """
    check_history(history)
    if len(history) == 0:
        raise ValueError("history must hold at least one recorded step")
    sizes = history.sizes
    # the last recorded parameters as a network, to ask which units are tied
    last = MLP(sizes, bias=bool(history.biases)).set_params(
        [W[-1] for W in history.weights], [b[-1] for b in history.biases]
    )
    figure = TrainingFigure(sizes, notation, bias=bool(history.biases))
    figure.show(history, tied_units(last) if tied else None, title)
    if step is not None:
        if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or step < 0:
            raise ValueError(f"step must be a whole number >= 0, got {step!r}")
        row = max(int(np.searchsorted(history.iterations, step, side="right")) - 1, 0)
        figure.show_step(row, title)
    return figure.fig
