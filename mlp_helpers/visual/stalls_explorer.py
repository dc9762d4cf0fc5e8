"""Notebook 06's explorer: the cost, the activation, the depth and the start of one network.

``stalls_explorer()`` returns a ``StallsExplorer``, an ipywidgets ``VBox`` (DOM class
``"bph-stalls-explorer"``). Choose the cost (SSE, the sum of squared errors, or cross-entropy), the hidden
activation (sigmoid, tanh, ReLU), the number of weight layers and the start (all ones, all
zeros, or random with the activation's usual scale: LeCun for sigmoid, Glorot for tanh, He for
ReLU); the network 2-3-...-3-2 (sigmoid outputs) trains on the tied-units question's data at
learning rate 0.5 or 1. Left: the largest |a - y| over the steps (the fit line at 0.01), the same
yardstick for both costs. Right: each weight layer's gradient length ||dC/dW_l|| at step 0.

Speed (a change must answer within about a fifth of a second on a loaded 2-core machine):

* training: only the network drawn trains (``train``, 2000 steps: most of a new run's time), and
  of its history only the largest error of each step is kept;
* drawing: the axes, ticks and labels are drawn once into a background; a run restores it and
  draws only what changes (the curve, the fit mark, the bars, the zero marks and the title),
  then encodes those pixels as a PNG. Every finished setting keeps its PNG, so going back to a
  setting already seen only puts the stored image into the Output widget.
"""

import warnings
from dataclasses import dataclass

import ipywidgets as ipw
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..lessons.initialization import random_starts
from ..lessons.stalls import HIDDEN, SCHEME_OF, dead_units, layer_gradient_norms, stall_net
from ..lessons.symmetry import outputs_over_training
from ..losses import loss
from ..training import TrainingDiverged, train
from ..validation import as_count
from . import plots, widgets

COSTS = (("SSE", "sse"), ("cross-entropy", "cross_entropy"))
STARTS = ("all ones", "all zeros", "random")
DEPTHS = (2, 3, 4, 5, 6)
LEARNING_RATES = (0.5, 1.0)
TOL, MAX_DEPTH, FLOOR = 0.01, max(DEPTHS), 1e-3  # FLOOR: the bottom of the error axis
X = np.array([[0.8, 0.4], [0.3, 0.3]])
Y = np.array([[0.2, 0.4], [1.0, 0.0]])


def _starts(cost, net):
    """False when the cost is infinite at step 0, so that training cannot start (``loss`` says so)."""
    try:
        return bool(np.isfinite(loss(cost, net.predict(X), Y)))
    except ValueError:  # cross-entropy of an output saturated at exactly 0 or 1 against the other target
        return False


@dataclass(frozen=True)
class Run:
    """One setting's run: ``error`` (steps + 1,) the largest |a - y| at each step (only the
    steps before a divergence), ``fit`` (first step below ``TOL`` or None), ``diverged_at`` (the
    step at which the cost or a weight became infinite, -1 for none; 0: the cost is infinite at
    the start, so the run has only step 0), ``norms`` (depth,) |dW_l| at step 0 and
    ``dead`` (hidden units dead at step 0)."""

    error: np.ndarray
    fit: object  # int or None
    diverged_at: int
    norms: np.ndarray
    dead: int


class StallsExplorer(widgets.Explorer, ipw.VBox):
    """The explorer's controls, runs and figure (see ``stalls_explorer``).

    Controls: ``cost``, ``activation``, ``start``, ``lr`` (ToggleButtons), ``depth``
    (SelectionSlider of weight layers). Results: ``verdict`` (HTML, DOM class ``"bph-verdict"``), ``figure`` (Output
    with one PNG, ``"bph-figure"``), ``runs`` (settings -> (verdict, PNG bytes)) and ``trained``
    (settings -> ``Run``). Its stored output holds the picture of the setting shown (``image/png`` beside the
    widget, from ``widgets.Explorer``), which a page without a kernel shows.
    """

    kind = "the stalls explorer"

    def __init__(self, steps=2000, dpi=None):
        self.steps = as_count("steps", steps, minimum=10)
        self.runs, self.trained = {}, {}
        self.cost = ipw.ToggleButtons(options=COSTS, value="sse", description="cost")
        self.activation = ipw.ToggleButtons(options=[(f, f) for f in HIDDEN], value="sigmoid",
                                            description="hidden units")
        self.start = ipw.ToggleButtons(options=STARTS, value="all ones", description="start")
        self.lr = ipw.ToggleButtons(options=[(f"{r:g}", r) for r in LEARNING_RATES], value=1.0,
                                    description="learning rate")
        self.depth = ipw.SelectionSlider(options=DEPTHS, value=3, description="weight layers",
                                         style={"description_width": "initial"})
        self.verdict = ipw.HTML()
        self.verdict.add_class("bph-verdict")
        self.figure = ipw.Output()
        self.figure.add_class("bph-figure")
        self._build_figure(72 if dpi is None else dpi)
        super().__init__(children=[
            ipw.HTML(f"<b>tied-units question, 2-3-...-3-2</b>: {self.steps} steps per run"),
            self.cost, self.activation, self.start, self.lr, self.depth, self.verdict, self.figure,
        ])
        self.add_class("bph-stalls-explorer")
        for control in (self.cost, self.activation, self.start, self.lr, self.depth):
            control.observe(self._on_change, names="value")
        self._on_change()

    def __repr__(self):
        return "the stalls explorer: run this cell to use it"

    @property
    def setting(self):
        """The controls' values, (cost, activation, start, lr, depth): the key of ``runs``."""
        return self.cost.value, self.activation.value, self.start.value, self.lr.value, self.depth.value

    def shown_png(self):
        """The picture drawn for the setting shown (PNG bytes), or None."""
        return self.runs[self.setting][1] if self.setting in self.runs else None

    def _build_figure(self, dpi):
        fig = Figure(figsize=(9.0, 3.6), dpi=dpi)  # fixed axes: no layout engine at every draw
        FigureCanvasAgg(fig)
        left, right = fig.add_axes((0.08, 0.15, 0.52, 0.74)), fig.add_axes((0.71, 0.15, 0.27, 0.74))
        self.error_line, = left.plot([], [], color=plots.BLUE, lw=2)
        left.axhline(TOL, color="black", ls="--", lw=1)
        left.text(0.02 * self.steps, TOL * 0.85, "fit: 0.01", ha="left", va="top", fontsize=9)
        self.fit_mark = left.axvline(0, color=plots.VERMILLION, lw=1.5)
        left.set(yscale="log", xlim=(0, self.steps), ylim=(FLOOR, 1.5), xlabel="step",
                 ylabel="largest |a - y|")
        self.bars = right.bar(np.arange(MAX_DEPTH), np.ones(MAX_DEPTH), color=plots.BLUE)
        self.dead_marks = [right.text(l, 2e-12, "0", ha="center", va="bottom", fontsize=11,
                                      color=plots.VERMILLION) for l in range(MAX_DEPTH)]
        right.set(yscale="log", ylim=(1e-12, 10), xlim=(-0.6, MAX_DEPTH - 0.4), xlabel="weight layer",
                  ylabel=r"$\Vert\partial C/\partial W_l\Vert$ at step 0")  # the text's symbol
        right.set_xticks(range(MAX_DEPTH), [f"W{chr(0x2080 + l)}" for l in range(MAX_DEPTH)])  # W₀, W₁, ...: no mathtext to lay out
        # a title with its own y is not moved above the tick labels at every draw (that search costs
        # more than the rest of the first draw)
        self.left_title = left.set_title("", y=1.01)
        self.right_title = right.set_title("gradient by layer", fontsize=10, y=1.01)
        self.fig, self.left = fig, left
        # what a run changes; everything else is drawn once, into the background. The spines
        # go with them, drawn in their place in the order (zorder 2.5: over the curve and the bars)
        moving = [self.error_line, self.fit_mark, *self.bars, *self.dead_marks, self.left_title,
                  *left.spines.values(), *right.spines.values()]
        self.moving = sorted(moving, key=lambda artist: artist.get_zorder())
        for artist in self.moving:
            artist.set_animated(True)
        self.background = None

    def _network(self, activation, start, depth):
        if start == "random":
            sizes = [2] + [3] * (depth - 1) + [2]
            return random_starts(sizes, [0], SCHEME_OF[activation], [activation] * (depth - 1) + ["sigmoid"])[0]
        return stall_net(activation, depth).init_constant(1.0 if start == "all ones" else 0.0)

    def train_run(self, cost, activation, start, lr, depth):
        """The ``Run`` of these settings: only the network drawn trains (``train``), and only the
        largest error of each step is kept from its history; kept in ``trained``."""
        key = (cost, activation, start, lr, depth)
        if key not in self.trained:
            net = self._network(activation, start, depth)
            norms = layer_gradient_norms([net], X, Y, cost)[0]
            dead = sum(int(d.sum()) for d in dead_units(net, X))
            if not _starts(cost, net):  # an output saturated at exactly 0 or 1 against the other target: log(0)
                self.trained[key] = Run(np.abs(net.predict(X) - Y).max(keepdims=True).ravel(), None, 0, norms, dead)
                return self.trained[key]
            with warnings.catch_warnings():  # a divergence is said in the verdict, not warned
                warnings.simplefilter("ignore", TrainingDiverged)
                history = train(net, X, Y, lr, self.steps, loss=cost)
            # (steps + 1,): the largest |a - y| of each step (of those before a divergence)
            error = np.abs(outputs_over_training(history, X, net.activation) - Y).max(axis=(1, 2))
            fit = int(np.argmax(error < TOL)) if (error < TOL).any() else None
            self.trained[key] = Run(error, fit, len(error) if history.diverged else -1, norms, dead)
        return self.trained[key]

    def run(self, cost, activation, start, lr, depth):
        """(verdict, PNG bytes) for these settings, trained and drawn once, then kept."""
        key = (cost, activation, start, lr, depth)
        if key not in self.runs:
            run = self.train_run(cost, activation, start, lr, depth)
            if run.diverged_at == 0:
                said = ("the cost is infinite at step 0 (an output is exactly 0 or 1 where its target is not), "
                        "so training cannot start: try SSE or a random start")
            elif run.diverged_at >= 0:
                said = f"diverged after step {run.diverged_at - 1} (the cost or a weight became infinite)"
            else:
                said = f"fits at step {run.fit}" if run.fit is not None else f"not within {self.steps} steps"
            norms = run.norms
            ratio = (f"first layer's gradient / last layer's at step 0: {norms[0] / norms[-1]:.2g}"
                     if norms[-1] > 0 else "the last layer's gradient is 0 at step 0")
            verdict = f"{said}; {ratio}"
            if activation == "relu":
                verdict += f"; dead hidden units at step 0: {run.dead} of {3 * (depth - 1)}"
            title = (f"{dict((v, k) for k, v in COSTS)[cost]}, {activation}, {start}, lr {lr:g}, "
                     f"{depth} weight layers")
            self.runs[key] = (verdict, self._draw(run, title))
        return self.runs[key]

    def _draw(self, run, title):
        """The figure with ``run`` drawn, as PNG bytes: the background and the moving artists on it."""
        steps = np.arange(len(run.error))
        self.error_line.set_data(*plots.thin_curve(steps, np.maximum(run.error, FLOOR), 2 * int(self.left.bbox.width)))
        self.fit_mark.set_visible(run.fit is not None)
        self.fit_mark.set_xdata([0 if run.fit is None else run.fit] * 2)
        depth = len(run.norms)
        for l, (bar, mark) in enumerate(zip(self.bars, self.dead_marks)):
            shown = l < depth
            bar.set_visible(shown)
            bar.set_height(run.norms[l] if shown and run.norms[l] > 0 else 1e-12)
            mark.set_visible(shown and run.norms[l] == 0)
        self.left_title.set_text(title)
        canvas = self.fig.canvas
        if self.background is None:
            canvas.draw()  # everything that is not animated
            self.background = canvas.copy_from_bbox(self.fig.bbox)
        canvas.restore_region(self.background)
        renderer = canvas.get_renderer()
        for artist in self.moving:
            if artist.get_visible():
                artist.draw(renderer)
        return widgets.rgba_png(canvas.buffer_rgba())

    def _on_change(self, change=None):
        try:
            verdict, png = self.run(*self.setting)
            self.verdict.value = verdict
            widgets.show_image(self.figure, png, "the largest error over the steps and the gradient by layer")
        except Exception as exc:  # a callback's error must reach the learner, not vanish
            widgets.show_error(self.figure, exc)
            self.verdict.value = "no verdict: the last change failed (see the message below)"


def stalls_explorer(steps=2000, dpi=None):
    """A ``StallsExplorer``: ``steps`` steps per run; ``dpi`` of its picture (None: 72)."""
    return StallsExplorer(steps=steps, dpi=dpi)
