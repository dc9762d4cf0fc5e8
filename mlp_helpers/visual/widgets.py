"""The explorers: interactive widgets built on the package.

* ``init_explorer(case)``: flip "constant" to "random" and watch tied units come apart.
* ``path_explorer(net, x, y)``: pick a weight, see its chain-rule paths on the diagram and
  in a table.

Every explorer takes ``dpi``, the resolution of its picture: a number, or ``"projector"`` for
the explorer's ``PROJECTOR_DPI``, which fits it on a projector of 1280x720 or 1024x768 without
scrolling. Every explorer has a plain-text stand-in (``Explorer``) that says what it is and how
to use it wherever it cannot run: an untrusted notebook, no kernel, a static page.

``init_explorer(case)`` returns an ``InitExplorer``, an ipywidgets ``VBox`` that trains
``case`` from the chosen start and shows, as one PNG, the network diagram (tied units
share a fill), the weight trajectories and the loss, with a one-line verdict such as
"layer 1: 3 units tied in 1 group; layer 2: 3 units tied in 1 group".

The figure is built once with matplotlib's Agg canvas (never pyplot, so nothing is shown
twice in a notebook) and later changes only update its artists. A step is a frame: the
run's background (axes, ticks, legends, finished curves) is restored from a cache and only
the diagram, the step markers and the title are drawn on it; finished runs are kept by their
settings, so going back to one is a frame too. The output area is filled
by assigning ``Output.outputs`` (never ``with out:``), which keeps the image inside the
widget under nbval, nbconvert and JupyterLab alike.
"""

import base64
import io
import traceback
import warnings
from collections import OrderedDict
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import blended_transform_factory
from PIL import Image

from ..lessons.cases import Case
from ..checks import tied_units, tied_verdict
from ..lessons.notation import format_number, weight_label
from ..lessons.paths import chain_rule_paths, parameters
from ..network import MLP
from ..training import History, TrainingDiverged, train
from ..validation import as_real
from .plots import LossCurve, NetworkDiagram, WeightTrajectories, blank_figure, recorded

INIT_CHOICES = ("constant", "random")

#: learning rates offered by the explorer: log-spaced (1, 2, 5 per decade) and exact, so the
#: case's own rate (the tied-units question's 0.5) is used as it is, not snapped to a nearby grid point
LEARNING_RATES = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0)

#: resolutions an explorer accepts: below 30 dpi its text is a few pixels high, above 300 one
#: picture takes millions of pixels to draw and send at every click
DPI_RANGE = (30, 300)



def check_dpi(dpi, projector):
    """``dpi`` as a float: a number within ``DPI_RANGE``, or ``"projector"`` for ``projector``
    (the explorer's ``PROJECTOR_DPI``); anything else is a ValueError/TypeError naming both."""
    if isinstance(dpi, str):
        if dpi != "projector":
            raise ValueError(f'dpi must be a number or "projector", got {dpi!r}')
        return float(projector)
    dpi = as_real("dpi", dpi)
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise ValueError(f"dpi must lie between {DPI_RANGE[0]} and {DPI_RANGE[1]} (dots per inch of the "
                         f'explorer\'s picture), or be "projector", got {dpi!r}')
    return dpi


class Explorer:
    """What every explorer widget shares: its plain-text stand-in.

    A notebook shows the text/plain form of a widget wherever the widget cannot be drawn (an
    untrusted notebook, a page without a kernel or without saved widget state, a static
    render): there it says what the explorer is and what to do, instead of a class repr.
    A subclass sets ``kind`` ("the initialization explorer") and ``subject()`` (what it shows), and
    ``shown_png()`` if it keeps a picture of the setting shown (stored as ``image/png`` beside the widget).
    """

    kind = "an explorer"
    #: the resolution that fits the explorer on a projector of 1280x720 or 1024x768
    PROJECTOR_DPI = 85

    def subject(self):
        return ""

    def stand_in(self):
        subject = f" ({self.subject()})" if self.subject() else ""
        return (f"{self.kind[0].upper()}{self.kind[1:]}{subject}: run this cell to use it "
                "(it needs a running Jupyter kernel).")

    def shown_png(self):
        """PNG bytes of the picture drawn for the setting shown, or None (nothing drawn yet)."""
        return None

    def _repr_mimebundle_(self, **kwargs):
        # ipywidgets puts repr(self), cut at 110 characters, into text/plain; the picture of the
        # setting shown goes beside it, so a static page (no kernel) shows it instead of the text
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is not None:
            bundle["text/plain"] = self.stand_in()
            png = self.shown_png()
            if png is not None:
                bundle["image/png"] = base64.b64encode(png).decode("ascii")
        return bundle


def figure_png(fig, **savefig_kwargs):
    """``fig`` (a bare matplotlib ``Figure``, not a pyplot one) rendered to PNG bytes.

    Compressed lightly unless ``pil_kwargs`` say otherwise: in a widget the time to encode
    matters more than a few kilobytes.
    """
    savefig_kwargs.setdefault("pil_kwargs", {"compress_level": 1})
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", **savefig_kwargs)
    return buffer.getvalue()


def rgba_png(rgba):
    """An (h, w, 4) uint8 RGBA pixel array (an opaque figure) as PNG bytes, lightly compressed."""
    buffer = io.BytesIO()
    # the figure is opaque: RGB holds the same picture in three quarters of the bytes
    Image.fromarray(np.asarray(rgba)[..., :3]).save(buffer, format="png", compress_level=1)
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


@dataclass
class Run:
    """One finished run of the explorer: what it shows for every step, kept for a return visit.

    background: the figure's pixels without the moving artists (``TrainingFigure.background``),
    filled in when the run is first drawn; last_png: the PNG of its last step, shown again as
    it is when the run is chosen again.
    """

    net: MLP
    history: History
    tied: list
    verdict: str
    background: object = None
    last_png: bytes = None


#: a row of controls that wraps in a narrow page instead of squeezing its controls
ROW = {"flex_flow": "row wrap"}


class InitExplorer(Explorer, widgets.VBox):
    """The explorer's widgets and the training behind them (see ``init_explorer``).

    Controls (attributes): ``init`` (ToggleButtons "constant"/"random"), ``value``
    (constant start, shown for "constant"), ``seed`` (shown for "random"), ``lr``
    (a slider over the log-spaced ``LEARNING_RATES``), ``iterations``, ``play`` and ``step`` (the step shown in the diagram).
    Results: ``verdict`` (HTML), ``figure`` (Output holding one image/png), ``net`` (the
    trained network), ``history``; ``panel`` (the ``TrainingFigure``) and ``fig``.
    dpi: resolution of the PNG (within ``DPI_RANGE``), or "projector": ``PROJECTOR_DPI``, at
    which the 9.9 x 6.2 inch figure is 841 x 527 px (about 9 px for its smallest text, 8 px at
    72 dpi), and the controls, verdict and figure fit in 1280x720 below one line of text.

    Speed: finished runs are kept by their settings (``runs``, the last ``MAX_RUNS``), so going
    back to a start already seen shows it without training again; a step is drawn by
    restoring the run's background and drawing only what moves (``TrainingFigure.frame``).
    Changes reach the kernel one at a time: the page sends a control's next value only once
    the kernel is idle again, merging the values moved in between, so the kernel never works
    through a queue of stale slider positions.
    """

    MAX_RUNS = 16
    kind = "the initialization explorer"

    def __init__(self, case, dpi=72):
        if not isinstance(case, Case):
            raise TypeError(f"case must be a Case from mlp_helpers.cases, got {type(case).__name__}")
        self.case = case
        self.dpi = check_dpi(dpi, self.PROJECTOR_DPI)
        self.runs = OrderedDict()  # settings -> Run, most recently shown last
        self.frames_drawn = 0
        self._failed = False  # True while the output shows an error for the current settings
        self._moving_step = False  # True while retrain moves the step controls itself
        style = {"description_width": "initial"}
        # the label beside the buttons, not above them (one row less between controls and figure),
        # and never squeezed: in a narrow page the rest of its row wraps instead
        self.init = widgets.ToggleButtons(options=INIT_CHOICES, value="constant", description="start from",
                                          layout=widgets.Layout(display="flex", align_items="center", flex="0 0 auto"))
        # the range always holds the case's own start: a teacher's Case is trained as given
        reach = max(2.0, float(np.ceil(abs(case.init_value))))
        self.value = widgets.FloatSlider(
            value=case.init_value, min=-reach, max=reach, step=0.05, description="every weight =", style=style
        )
        self.seed = widgets.BoundedIntText(value=0, min=0, max=99999, description="seed", style=style)
        rates = sorted(set(LEARNING_RATES) | {case.lr})
        self.lr = widgets.SelectionSlider(
            options=[(f"{rate:g}", rate) for rate in rates], value=case.lr, description="learning rate", style=style
        )
        self.iterations = widgets.IntSlider(
            value=case.iterations,
            min=min(10, case.iterations),
            max=max(10000, case.iterations),
            step=10 if case.iterations % 10 == 0 else 1,
            description="steps",
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
                # two rows of controls and no heading (the figure's title names the case): on
                # a projector every row the controls give up is a row more for the figure
                widgets.HBox([self.init, self.value, self.seed, self.lr], layout=ROW),
                widgets.HBox([self.iterations, self.play, self.step], layout=ROW),
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

    def subject(self):
        return self.case.name

    # -- figure ---------------------------------------------------------------------
    def _build_figure(self):
        # a bare Figure on an Agg canvas: never registered with pyplot, so never shown twice
        fig = Figure(dpi=self.dpi)
        FigureCanvasAgg(fig)
        self.panel = TrainingFigure(self.case.sizes, self.case.notation, bias=self.case.bias, fig=fig)
        self.fig = fig

    def render_png(self):
        """The current figure as PNG bytes (drawn as a frame over the run's background)."""
        return rgba_png(self.panel.frame())

    def _show(self, png=None):
        """Show ``png``, or the current frame rendered now."""
        description = f"network diagram, weight trajectories and loss of {self.case.name}"
        self._shown_png = self.render_png() if png is None else png
        show_image(self.figure, self._shown_png, description)
        self.frames_drawn += 1

    def _show_error(self, exc):
        show_error(self.figure, exc)
        self.verdict.value = "no verdict: the last change failed (see the message below)"

    # -- callbacks ------------------------------------------------------------------
    def _on_settings(self, change=None):
        try:
            self.value.layout.display = None if self.init.value == "constant" else "none"
            self.seed.layout.display = None if self.init.value == "random" else "none"
            run = self.retrain()
            self._failed = False
            self._show(run.last_png)  # a run seen before shows its last step's image again
            run.background, run.last_png = self.panel.background, self._shown_png
        except Exception as exc:  # a callback's error must reach the learner, not vanish
            self._failed = True  # the settings have no run: the step slider has nothing to show
            self._show_error(exc)

    def _on_step(self, change):
        # after an error the output keeps the message: the last good run belongs to other settings
        if self._moving_step or self._failed:
            return
        try:
            row = int(np.searchsorted(self.history.iterations, change["new"], side="right")) - 1
            self.panel.show_step(max(row, 0), self._title())
            self._show()
        except Exception as exc:
            self._show_error(exc)

    def _settings(self):
        start = ("constant", self.value.value) if self.init.value == "constant" else ("random", self.seed.value)
        return start + (self.lr.value, self.iterations.value)

    def retrain(self):
        """Show the run for the current controls, training it unless it was seen before.

        Updates ``net``, ``history``, the verdict and the figure's curves; returns the ``Run``.
        """
        key = self._settings()
        run = self.runs.pop(key, None)
        if run is None:
            run = self._train()
        self.runs[key] = run
        while len(self.runs) > self.MAX_RUNS:
            self.runs.popitem(last=False)
        self.net, self.history = run.net, run.history
        self.verdict.value = run.verdict
        self.panel.show(run.history, run.tied, self._title(), background=run.background)
        last = int(run.history.iterations[-1])
        self._moving_step = True
        try:  # move the Play/step controls to the end without redrawing twice
            self.play.max = self.step.max = last
            self.play.step = self.step.step = max(1, last // 60)
            self.play.value = self.step.value = last
        finally:
            self._moving_step = False
        return run

    def _train(self):
        case = self.case
        net = case.start(self.init.value, value=self.value.value, seed=self.seed.value)
        with warnings.catch_warnings():
            # divergence is shown in the figure and the verdict instead of as a warning
            warnings.simplefilter("ignore", TrainingDiverged)
            history = train(net, case.X, case.Y, self.lr.value, self.iterations.value, loss=case.loss)
        # tied units stay tied at every step, so the final network's groups hold throughout
        tied = tied_units(net)
        verdict = tied_verdict(tied)
        if history.diverged:
            verdict += f"; training diverged after step {history.iterations[-1]}: try a smaller learning rate"
        return Run(net, history, tied, verdict)

    def _title(self):
        if self.init.value == "constant":
            return f"{self.case.name} | start: every weight {self.value.value:g}"
        return f"{self.case.name} | start: random, seed {self.seed.value}"


def init_explorer(case, dpi=72):
    """An ``InitExplorer`` widget for ``case`` (a ``Case`` from ``mlp_helpers.cases``).

    Shows the diagram, weight trajectories and loss of ``case`` trained from a constant
    or a random start, and a one-line verdict on tied units. dpi: resolution of the picture
    (72: 712 px wide for the 2-3-3-2 case; "projector" for ``InitExplorer.PROJECTOR_DPI``).
    """
    return InitExplorer(case, dpi=dpi)


class PathExplorer(Explorer, widgets.VBox):
    """The box ``path_explorer`` returns: a VBox with the path explorer's stand-in."""

    kind = "the path explorer"
    PROJECTOR_DPI = 150

    def __init__(self, children, sizes):
        self.sizes = tuple(sizes)
        super().__init__(children)

    def __repr__(self):
        return f"PathExplorer(sizes={self.sizes})"

    def subject(self):
        return f"the chain-rule paths of each weight of a {'-'.join(map(str, self.sizes))} network"


def path_explorer(net, x, y, *, loss, notation="one_one_one", through_z=False, dpi=100):
    """A Dropdown of ``net``'s weights; the chosen weight's paths drawn and tabulated.

    net: an ``MLP``; x: (sizes[0],) one observation; y: (sizes[-1],) its target; loss,
    notation, through_z: as for ``paths.chain_rule_paths``. dpi: resolution of the diagram
    (100: 570 px wide for a 2-2-2 network; "projector" for ``PathExplorer.PROJECTOR_DPI``).
    Returns a ``PathExplorer`` VBox (DOM class ``"bph-path-explorer"``) holding the ``Dropdown``
    (``"bph-path-choice"``; its value is a ``("w", l, i, j)`` tuple), an ``Output`` with
    ONE PNG of the diagram (``"bph-figure"``) and an ``HTMLMath`` with the paths' table
    (``"bph-path-table"``). An error inside the callback (NaN or inf written into ``net``'s
    parameters included) replaces the figure by text starting with "Error:" and empties the table; the
    next weight that can be shown restores both.
    """
    # check every argument once, up front, so a bad call fails here and not in a callback
    chain_rule_paths(net, x, y, ("w", 0, 0, 0), loss=loss, notation=notation, through_z=through_z)
    dpi = check_dpi(dpi, PathExplorer.PROJECTOR_DPI)
    weights = sorted(parameters(net, include_biases=False), key=lambda p: (p[1], p[3], p[2]))
    labels = [weight_label(notation, *p[1:], sizes=net.sizes) for p in weights]
    choice = widgets.Dropdown(options=list(zip(labels, weights)), value=weights[0], description="weight")
    choice.add_class("bph-path-choice")
    out = widgets.Output()
    out.add_class("bph-figure")
    table = widgets.HTMLMath()
    table.add_class("bph-path-table")

    figure = Figure(figsize=(max(3.0, 1.9 * len(net.sizes)), 0.9 * max(net.sizes) + 1.2), dpi=dpi)
    FigureCanvasAgg(figure)
    diagram = NetworkDiagram(figure.add_subplot(), net.sizes, notation, bias=net.bias)
    crop = []  # the area around the drawing, found once: later images need one draw, not two

    def show(change=None):
        try:
            result = chain_rule_paths(net, x, y, choice.value, loss=loss, notation=notation, through_z=through_z)
            diagram.update(net.weights, net.biases, highlight=set(result.highlight_edges()))
            if not crop:
                crop.append(figure.get_tightbbox().padded(0.1))
            show_image(out, figure_png(figure, dpi=dpi, bbox_inches=crop[0]), f"paths of {result.name}")
        except Exception as exc:  # shown to the learner instead of vanishing in the console
            show_error(out, exc)
            table.value = ""  # the table of another weight must not stand under the message
            return
        count = len(result.paths)
        how = f"{count} paths; their products add up to" if count > 1 else "1 path; its product is"
        table.value = (
            f"<p>${result.name_latex}$ reaches $C$ along {how} "
            f"${result.latex} = {format_number(result.total, 6)}$.</p>" + result.to_html()
        )

    choice.observe(show, names="value")
    show()
    box = PathExplorer([choice, out, table], net.sizes)
    box.add_class("bph-path-explorer")
    return box


class TrainingFigure:
    """Diagram, loss and weight trajectories of one training run, in one figure.

    Top row: the network diagram (two thirds) and the loss; bottom row: one trajectory
    panel per weight layer. ``show(history, tied)`` draws a run, ``show_step(row)`` moves
    the diagram and the dashed step markers to recorded row ``row`` of that run. Margins
    are fixed, because a layout engine costs about as much as drawing the figure.
    fig: draw into this (empty) figure; None makes a new bare ``Figure``.

    Frames: everything that stays put while the step changes (axes, ticks, titles, legends,
    the finished curves) is drawn once per run into ``background``; ``frame()`` restores it
    and draws only the moving artists (``moving``: the diagram, the step markers, the title).
    ``full_redraw()`` draws the same state the slow way.
    """

    def __init__(self, sizes, notation="index", bias=True, fig=None):
        sizes = list(sizes)
        n_layers = len(sizes) - 1
        width = 3.3 * max(n_layers, 3)
        # made through pyplot (so a notebook draws it once), then on an Agg canvas for blitting
        fig = blank_figure() if fig is None else fig
        if fig.canvas is None or not hasattr(fig.canvas, "copy_from_bbox"):
            FigureCanvasAgg(fig)
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
        # the step markers belong to the figure, not to their panels: a panel's autoscale and
        # its legend's "best" place then ignore them, so neither changes as the step moves
        self.markers = []
        for ax in weight_axes + [loss_ax]:
            marker = Line2D([0, 0], [0, 1], color="#555555", lw=1, ls="--",
                            transform=blended_transform_factory(ax.transData, ax.transAxes))
            marker.set_clip_box(ax.bbox)
            self.markers.append(fig.add_artist(marker))
        self.title = fig.suptitle("", fontsize=10)
        # in the figure's drawing order: axes first, then the markers, the title last
        self.moving = [self.diagram.ax, *self.markers, self.title]
        self.background = None

    def show(self, history, tied=None, title="", background=None):
        """Draw the run in ``history``; ``tied``: groups per hidden layer (``tied_units``).

        background: the ``background`` this run had when it was last shown (saves drawing it).
        """
        self.history, self.tied = history, tied
        self.loss_curve.update(history)
        self.trajectories.update(history)
        self.background = background
        self.show_step(len(history) - 1, title)

    def show_step(self, row, title=""):
        """Show the parameters of recorded row ``row`` of the current history."""
        history = self.history
        self.diagram.update([W[row] for W in history.weights], [b[row] for b in history.biases], self.tied)
        step = history.iterations[row]
        for marker in self.markers:
            marker.set_xdata([step, step])
        self.title.set_text(f"{title} | step {step} of {history.iterations[-1]}, loss {history.loss[row]:.4g}")

    def frame(self):
        """The figure's pixels, (h, w, 4) uint8 RGBA: the background and the moving artists on it.

        Of the diagram only the edges move; its units and labels (a few dozen texts, most of
        a frame's cost when drawn each time) stay put for a run, so they are drawn once into a
        transparent ``Overlay`` kept with the background and laid over the edges.
        """
        canvas = self.fig.canvas
        if self.background is None:
            for artist in self.moving:
                artist.set_animated(True)
            canvas.draw()  # everything that is not animated
            pixels = canvas.copy_from_bbox(self.fig.bbox)
            self.diagram.ax.apply_aspect()  # what drawing the (animated) axes would have done
            self.background = (pixels, Overlay.drawn(canvas, self._diagram_overlay()))
        pixels, overlay = self.background
        canvas.restore_region(pixels)
        renderer = canvas.get_renderer()
        for edge in sorted(self.diagram.edges.values(), key=lambda line: line.get_zorder()):
            edge.draw(renderer)
        frame = np.asarray(canvas.buffer_rgba())
        overlay.over(frame)
        for artist in self.moving[1:]:  # the markers and the title
            artist.draw(renderer)
        return frame

    def _diagram_overlay(self):
        """The diagram's artists that stay put during a run (units, labels, note), in drawing order."""
        ax = self.diagram.ax
        return sorted([*self.diagram.units.values(), *ax.texts], key=lambda artist: artist.get_zorder())

    def full_redraw(self):
        """The figure's pixels drawn from scratch, every artist in its place (for comparison)."""
        for artist in self.moving:
            artist.set_animated(False)
        self.fig.canvas.draw()
        pixels = np.array(self.fig.canvas.buffer_rgba())
        for artist in self.moving:
            artist.set_animated(True)
        return pixels


class Overlay:
    """Artists drawn once on a transparent canvas and laid over later frames (alpha blending).

    Holds the bounding box of the drawn pixels, their colours times their opacity and the
    opacity left to what lies under them, as uint16, so that laying it over a frame is three
    integer operations on that box.
    """

    def __init__(self, rgba):
        rgba = np.asarray(rgba)
        rows, columns = np.nonzero(rgba[..., 3])
        if rows.size == 0:
            self.box, self.colour, self.rest = None, None, None
            return
        self.box = (slice(rows.min(), rows.max() + 1), slice(columns.min(), columns.max() + 1))
        part = rgba[self.box].astype(np.uint16)
        alpha = part[..., 3:]
        self.colour = part[..., :3] * alpha + 127  # rounds the division below to the nearest
        self.rest = 255 - alpha

    @classmethod
    def drawn(cls, canvas, artists):
        """The ``artists`` drawn alone on ``canvas``'s cleared (transparent) buffer."""
        renderer = canvas.get_renderer()
        renderer.clear()
        for artist in artists:
            artist.draw(renderer)
        return cls(np.array(canvas.buffer_rgba()))

    def over(self, frame):
        """Lay the overlay over ``frame`` ((h, w, 4) uint8, opaque), in place."""
        if self.box is None:
            return
        under = frame[self.box][..., :3]
        frame[self.box + (slice(0, 3),)] = (self.colour + under * self.rest) // 255


def plot_training(history, notation="index", step=None, title="", tied=True):
    """One figure with the diagram at ``step``, the loss and the weight trajectories.

    The same picture as the init explorer widget, for a notebook read without a kernel.
    history: from ``train`` (record every step to place ``step`` exactly).
    step: the step shown in the diagram (default: the last; otherwise the last recorded
        step at or before it). tied: fill tied units (found in the last recorded row).
    Returns the figure (a bare ``Figure``: nothing is left open if an argument is refused).
    """
    recorded(history)
    if step is not None and (isinstance(step, bool) or not isinstance(step, (int, np.integer)) or step < 0):
        raise ValueError(f"step must be a whole number >= 0, got {step!r}")
    sizes = history.sizes
    # the last recorded parameters as a network, to ask which units are tied
    last = MLP(sizes, bias=bool(history.biases)).set_params(
        [W[-1] for W in history.weights], [b[-1] for b in history.biases]
    )
    figure = TrainingFigure(sizes, notation, bias=bool(history.biases))
    figure.show(history, tied_units(last) if tied else None, title)
    if step is not None:
        row = max(int(np.searchsorted(history.iterations, step, side="right")) - 1, 0)
        figure.show_step(row, title)
    return figure.fig
