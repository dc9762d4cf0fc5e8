"""Notebook 05's explorer: many starts at once, the histogram of steps to fit, tied or not.

``initialization_explorer(case)`` returns an ``InitializationExplorer``, an ipywidgets ``VBox``
(DOM class ``"bph-init-scale-explorer"``). Pick the kind of start, its scale and the learning
rate; ``starts`` networks train together (``train_many``) and the figure shows how many steps
each needed to bring every output within ``tol`` of its target, with the starts that did not fit
within the steps in
a bar of their own. The verdict line says whether the first start's hidden units are tied
(``tied_verdict``; tied means exactly equal, ``tied_units(net, atol=0)``) and how many of all the
starts have tied units.

Scale means, for each kind of start:

* ``constant``: every weight and bias equals ``scale`` (every start is the same network);
* ``almost constant``: every weight and bias is 1 plus ``scale`` times N(0, 1) noise;
* ``random``: every weight and bias is ``scale`` times N(0, 1) noise (its standard deviation).

Its stored output also holds the picture of the setting shown (``image/png`` beside the widget
view and the text stand-in), so a static page (an HTML export, a notebook viewer) shows that
picture instead of the text.

Runs are cached by settings, and a change only moves the bars, the median line and the texts
of one figure drawn once (a bare ``Figure``, never pyplot); the image is put into the Output
widget by assigning its outputs (``widgets.show_image``), as the other explorers do.
"""

import ipywidgets as ipw
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..lessons import cases
from . import plots, widgets
from ..checks import tied_units, tied_verdict
from ..validation import as_count, as_real
from ..lessons.initialization import almost_constant_starts, constant_starts, fit_and_divergence, random_starts

START_CHOICES = ("constant", "almost constant", "random")
SCALES = (1e-6, 1e-3, 0.01, 0.1, 0.3, 1.0, 2.0, 3.0, 10.0)
#: up to 4: with the cost sum (a - y)^2 larger rates make the counts depend on the CPU
LEARNING_RATES = (0.25, 0.5, 1.0, 2.0, 4.0)
BINS = 30


class InitializationExplorer(widgets.Explorer, ipw.VBox):
    """The explorer's controls, runs and figure (see ``initialization_explorer``).

    Controls: ``start`` (ToggleButtons), ``scale`` and ``lr`` (SelectionSliders). Results:
    ``verdict`` (HTML, DOM class ``"bph-verdict"``), ``figure`` (Output with one PNG,
    ``"bph-figure"``), ``fit_steps`` (starts,) of the run shown (inf = not within the steps), ``runs`` (the cache).
    dpi: resolution of the picture (``widgets.DPI_RANGE``), or "projector": ``PROJECTOR_DPI``, at
    which the 7.5 x 3.4 inch figure is 900 x 408 px (675 x 306 px at the default 90 dpi).
    """

    kind = "the explorer of many starts"
    PROJECTOR_DPI = 120

    def __init__(self, case, starts=200, steps=3000, lr=2.0, tol=0.01, dpi=90):
        if not isinstance(case, cases.Case):
            raise TypeError(f"case must be a Case from mlp_helpers.cases, got {type(case).__name__}")
        if lr not in LEARNING_RATES:
            raise ValueError(f"lr must be one of the explorer's rates {LEARNING_RATES}, got {lr!r}")
        self.case, self.tol = case, as_real("tol", tol, positive=True)
        self.n_starts, self.steps = as_count("starts", starts, minimum=1), as_count("steps", steps, minimum=1)
        self.runs, self.images = {}, {}  # by settings: (fit_steps, tied, verdict), and the PNG shown
        dpi = widgets.check_dpi(dpi, self.PROJECTOR_DPI)
        style = {"description_width": "initial"}
        # random first: the stored picture sits beside the map's lr-2 row (the page says what constant starts show)
        self.start = ipw.ToggleButtons(options=START_CHOICES, value="random", description="start")
        self.scale = ipw.SelectionSlider(options=[(f"{s:g}", s) for s in SCALES], value=1.0,
                                         description="scale", style=style)
        self.lr = ipw.SelectionSlider(options=[(f"{r:g}", r) for r in LEARNING_RATES], value=lr,
                                      description="learning rate", style=style)
        self.verdict = ipw.HTML()
        self.verdict.add_class("bph-verdict")
        self.figure = ipw.Output()
        self.figure.add_class("bph-figure")
        self._build_figure(dpi)
        super().__init__(children=[
            ipw.HTML(f"<b>{case.name}</b>: {starts} starts, {steps} steps each"),
            self.start, ipw.HBox([self.scale, self.lr]), self.verdict, self.figure,
        ])
        self.add_class("bph-init-scale-explorer")
        for control in (self.start, self.scale, self.lr):
            control.observe(self._on_change, names="value")
        self._on_change()

    def __repr__(self):
        return f"InitializationExplorer(case={self.case.name!r})"

    def subject(self):
        return f"{self.case.name}, {self.n_starts} starts"

    @property
    def setting(self):
        """The controls' values, (start, scale, lr): the key of ``runs`` and ``images``."""
        return self.start.value, self.scale.value, self.lr.value

    def shown_png(self):
        """The picture already drawn for the setting shown (PNG bytes), or None."""
        return self.images.get(self.setting)

    def _build_figure(self, dpi):
        fig = Figure(figsize=(7.5, 3.4), dpi=dpi)
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.1, 0.15, 0.86, 0.72))
        width = self.steps / BINS
        self.edges = np.linspace(0, self.steps, BINS + 1)
        self.bars = ax.bar(self.edges[:-1], np.zeros(BINS), width=width, align="edge", color=plots.BLUE,
                           edgecolor="white", label=f"fit within {self.steps} steps")
        # the bar of starts not within the steps stands apart (its centre 5 bins past the last step),
        # so its tick label and the last step's do not touch
        self.never_at = self.steps + 5 * width
        self.never_bars = ax.bar([self.never_at - width], [0], width=2 * width, align="edge", color=plots.VERMILLION,
                                 label=f"not within {self.steps} steps")
        self.never = self.never_bars[0]
        self.median_line = ax.axvline(0, color="black", ls="--", lw=1.5, label="median")
        ax.set_xlim(0, self.steps + 7 * width)
        ticks = list(np.linspace(0, self.steps, 5))
        ax.set_xticks(ticks + [self.never_at], [f"{t:.0f}" for t in ticks] + [f"> {self.steps}"])
        ax.set_xlabel(f"steps until every output is within {self.tol:g} of its target")
        ax.set_ylabel("number of starts")
        # the legend right of the axes: over no bar in any setting, and clear of the x label
        ax.legend(loc="upper left", fontsize=9, bbox_to_anchor=(1.02, 1.0), frameon=False)
        ax.set_position((0.09, 0.19, 0.6, 0.65))  # room for the two-line title and the legend
        self.title = ax.set_title("", fontsize=10)  # 10 pt, two lines: the longest fits
        self.fig, self.ax = fig, ax

    def run(self, start, scale, lr):
        """(fit_steps (starts,), tied starts, verdict) for these settings, trained once and cached.

        Starts that diverge count as never fit and the verdict says so ("diverged after step N");
        no warning leaves the explorer.
        """
        key = (start, scale, lr)
        if key not in self.runs:
            case, sizes = self.case, list(self.case.sizes)
            if start == "constant":  # every start is this one network: train it once
                nets = constant_starts(sizes, [scale], case.activation, case.bias)
            elif start == "almost constant":
                nets = almost_constant_starts(sizes, scale, self.n_starts, 1.0, case.activation, case.bias)
            else:
                nets = random_starts(sizes, self.n_starts, scale, case.activation, case.bias)
            # a network that has fit trains no further (steps_to_fit), which keeps a change fast
            fits, diverged_at = fit_and_divergence(nets, case.X, case.Y, lr, self.steps, self.tol, case.loss)
            fits, diverged_at = np.resize(fits, self.n_starts), np.resize(diverged_at, self.n_starts)
            # a tie is exact and kept at every step (notebook 04), so it does not matter where
            # each network stopped; tied means exactly equal (atol=0), as the notebook's gap 0.0
            tied = sum(any(layer) for layer in (tied_units(net, atol=0) for net in nets)) * (self.n_starts // len(nets))
            verdict = f"{tied_verdict(tied_units(nets[0], atol=0))}; {tied} of {self.n_starts} starts have tied units"
            diverged = diverged_at >= 0
            if diverged.any():  # the step before its loss or parameters became inf or NaN
                verdict += (f"; {int(diverged.sum())} of {self.n_starts} starts diverged (the first diverged after "
                            f"step {int(diverged_at[diverged].min()) - 1}): try a smaller learning rate or scale")
            self.runs[key] = (fits, tied, verdict)
        return self.runs[key]

    def _on_change(self, change=None):
        try:
            key = self.setting
            fits, tied, verdict = self.run(*key)
            self.fit_steps = fits
            self.verdict.value = verdict
            if key not in self.images:  # a setting seen before shows its image again
                self._draw(fits, tied)
                self.images[key] = widgets.figure_png(self.fig, pil_kwargs={"compress_level": 1})
            widgets.show_image(self.figure, self.images[key], "histogram of the steps to fit over many starts")
        except Exception as exc:  # a callback's error must reach the learner, not vanish
            widgets.show_error(self.figure, exc)
            self.verdict.value = "no verdict: the last change failed (see the message below)"

    def _draw(self, fits, tied):
        finite = fits[np.isfinite(fits)]
        counts, _ = np.histogram(finite, bins=self.edges)
        for bar, count in zip(self.bars, counts):
            bar.set_height(count)
        self.never.set_height(fits.size - finite.size)
        # the vermillion entry says when its bar is empty: no legend colour without a bar
        self.never_bars.set_label(f"not within {self.steps} steps" + ("\n(none here)" if finite.size == fits.size else ""))
        self.ax.legend(loc="upper left", fontsize=9, bbox_to_anchor=(1.02, 1.0), frameon=False)
        median = np.median(fits)
        self.median_line.set_xdata([min(median, self.never_at)] * 2)
        self.ax.set_ylim(0, 1.15 * max(counts.max(), fits.size - finite.size))
        shown = f"{median:.0f} steps" if np.isfinite(median) else f"not within {self.steps}"
        self.title.set_text(f"start: {self.start.value}, scale {self.scale.value:g}, learning rate {self.lr.value:g}\n"
                            f"median: {shown} | fit: {finite.size} of {fits.size} | tied: {tied} of {fits.size}")


def initialization_explorer(case, starts=200, steps=3000, lr=2.0, dpi=90):
    """An ``InitializationExplorer`` for ``case`` (a ``Case`` from ``mlp_helpers.cases``):
    ``starts`` networks, ``steps`` steps each, starting at learning rate ``lr`` (one of
    ``LEARNING_RATES``); dpi: resolution of the picture, or "projector"."""
    return InitializationExplorer(case, starts=starts, steps=steps, lr=lr, dpi=dpi)
