"""Pictures of a network: its diagram, its weights over training, its loss.

Every public function takes ``ax=None`` (draw into new axes) and returns the figure; none
calls ``plt.show()``. Colours are the Okabe-Ito palette, which stays distinguishable for
colour-blind readers and on a projector: blue for positive weights, vermillion for
negative ones, and one fill colour per group of tied units.

The diagram and the trajectory panels are classes (``NetworkDiagram``,
``WeightTrajectories``) so that the explorer widget can update their artists in place
instead of rebuilding a figure for every frame.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import is_color_like
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from . import label_layout
from ..checks import equal_columns, tied_units
from ..network import MLP, check_network
from ..lessons.notation import as_notation, bias_label, unit_label, weight_label
from ..training import check_history
from ..validation import as_choice, as_count, as_flag, as_parameter, as_real

# Okabe-Ito colours (Okabe & Ito 2008)
BLUE, VERMILLION, ORANGE, SKY, GREEN, PURPLE, YELLOW, BLACK = (
    "#0072B2",
    "#D55E00",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#CC79A7",
    "#F0E442",
    "#000000",
)
POSITIVE, NEGATIVE, ZERO = BLUE, VERMILLION, "#999999"
#: fill of tied units, one colour per group
GROUP_COLOURS = (ORANGE, SKY, GREEN, PURPLE, YELLOW)
#: colours of trajectory lines, one per distinct line
LINE_COLOURS = (BLUE, VERMILLION, GREEN, PURPLE, ORANGE, SKY, BLACK)
UNTIED_FILL = "white"
#: opacity of the edges (and their labels) off a highlighted path: they are drawn thin, and only
#: a little transparent, so that vermillion still reads as vermillion; a label on the path gets a frame
FADED_ALPHA, FADED_LABEL_ALPHA = 0.85, 0.9
#: edge widths when a path is highlighted, whatever the weights' sizes (otherwise width grows with |w|)
HIGHLIGHT_WIDTH, FADED_WIDTH = 5.0, 1.0
#: values beyond +-DRAWN_LIMIT (a diverging run reaches 1e291, or inf) are drawn at the limit and the
#: panel says so: matplotlib's axes cannot place ticks or margins near the float range's end
DRAWN_LIMIT = 1e100
_UNIT_RADIUS = 0.24
LABEL_SIZE = BIAS_LABEL_SIZE = 9.5  # points
_LAYER_GAP = 2.2
#: the distance between two units of a layer; more with values, whose labels take two lines
_UNIT_GAP, _VALUES_UNIT_GAP = 1.0, 1.5


def show(fig):
    """Show a finished figure once, as a static image under the cell, and free it.

    Closing it keeps the notebook's inline backend from drawing the same figure a second time.
    """
    from IPython.display import display

    display(fig)
    plt.close(fig)


def blank_figure(figsize=None, layout=None):
    """An empty figure that pyplot no longer tracks.

    Made through pyplot, so that a notebook's inline backend is set up to draw it, then
    closed at once: returned as a cell's last value it is drawn exactly once (by its repr),
    never a second time when the cell ends; ``show(fig)`` works for it too.
    """
    fig = plt.figure(figsize=figsize, layout=layout)
    plt.close(fig)
    FigureCanvasAgg(fig)  # closing left it a bare canvas; Agg can draw, measure text and blit
    return fig


def new_figure(figsize, layout=None, **subplots):
    """A ``blank_figure`` and its axes (``Figure.subplots`` arguments)."""
    fig = blank_figure(figsize, layout)
    return fig, fig.subplots(**subplots)


def _axes_or_new(ax, **figure):
    if ax is None:
        return new_figure(**figure)
    return ax.figure, ax


def _check_highlight(highlight_edges, sizes, has_bias):
    """Normalise ``highlight_edges`` to a set of tuples, checking every index."""
    if highlight_edges is None:
        return set()
    if isinstance(highlight_edges, (str, tuple)):
        raise TypeError("highlight_edges must be a list of tuples such as [('w', 0, 1, 2), ('b', 0, 1)]")
    return {as_parameter("highlight_edges", item, sizes, has_bias) for item in highlight_edges}


def _count(n, noun):
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _fmt(value):
    return f"{value:.3g}"


def _with_value(name, value):
    """A label with its value on a second line: half as wide as "name = value", so that the labels
    of edges that cross or fan out stay apart."""
    return f"{name}\n= {_fmt(value)}"


def _label_position(i, j, n_in, n_out, crossing_spread=0.2, crossing_labels="apart"):
    """Where along edge ``i -> j`` its label would rather sit (0 = from-unit, 1 = to-unit); the
    diagram moves it from there only as far as it takes to keep it clear (``label_layout``).

    Between layers of equal width the edges cross in the middle, so a label there could
    belong to either edge: level edges keep the middle, an edge going down carries its label
    near its to-unit and one going up near its from-unit, so that the two labels of a crossing
    pair sit apart, each on its own edge. Between layers of different widths (2 -> 3 and
    3 -> 2 in the 2-3-3-2 network) the two outer edges cross nothing and keep their label near
    the middle; the inner edges cross each other in the half next to the narrower layer, so
    their labels sit in the other half, where the edges have fanned out (placed to keep a
    label's box clear of every other edge and label). Fans from or into one unit spread their
    labels along the edges by to-unit. crossing_spread: how far from the middle a crossing edge's
    label would rather sit, in fractions of its edge. crossing_labels="inputs" moves both crossing
    labels toward their from-units instead (in a 2-2 layer: one high, one low, each by its input).
    """
    if n_in == n_out and n_out > 1:
        if i == j:
            return 0.5
        if crossing_labels == "inputs":
            return 0.5 - crossing_spread
        return 0.5 + (crossing_spread if i < j else -crossing_spread)
    if n_out == 1 or n_in == 1:
        return 0.5 if n_out == 1 else 0.22 + 0.56 * (j + 0.5) / n_out
    outer = (i, j) in ((0, 0), (n_in - 1, n_out - 1))
    from_narrow = 0.4 if outer else 0.7  # measured from the narrower layer's end
    return from_narrow if n_in < n_out else 1.0 - from_narrow


class NetworkDiagram:
    """Units in columns, one line per weight, in ``ax``; ``update`` redraws new values.

    Artists carry gids a test or a caller can find: ``"unit:l:j"`` (a circle),
    ``"w:l:i:j"`` (the line of ``weights[l][i, j]``), ``"wlabel:l:i:j"`` (its label),
    ``"b:l:j"`` (the label of ``biases[l][j]``).
    Each edge label slides along its own edge to a place clear of the units, the bias labels and
    the other labels (``label_layout``), measured in ``ax``'s size when ``update`` changes a text.
    label_size: the weight labels' font size in points; the bias labels' is 2 points smaller,
    never below ``BIAS_LABEL_SIZE``.
    tie_colours: the fills of the tie groups, in turn (default ``GROUP_COLOURS``); untied_note: the
    fill note also says that white units are not tied.
    crossing_spread, crossing_labels, opaque_labels: as for ``draw_network``.
    """

    def __init__(self, ax, sizes, notation="index", bias=True, show_values=False, label_layers=None,
                 label_size=LABEL_SIZE, tie_colours=GROUP_COLOURS, untied_note=False, crossing_spread=0.2,
                 bias_label_size=None, crossing_labels="apart", opaque_labels=False):
        self.ax = ax
        self.opaque_labels = as_flag("opaque_labels", opaque_labels)
        self.label_pad = 0.16 if self.opaque_labels else 0.12  # an opaque box: a margin of white around its text
        self.crossing_spread = as_real("crossing_spread", crossing_spread)
        if not 0 <= self.crossing_spread <= 0.35:
            raise ValueError(f"crossing_spread must lie between 0 and 0.35 (a fraction of an edge), got {crossing_spread!r}")
        self.crossing_labels = as_choice("crossing_labels", crossing_labels, ("apart", "inputs"))
        if isinstance(tie_colours, str) or not np.iterable(tie_colours) or len(tie_colours) == 0:
            raise TypeError(f"tie_colours must be a non-empty list of colours, got {tie_colours!r}")
        for colour in tie_colours:
            if not is_color_like(colour):
                raise ValueError(f"tie_colours must hold matplotlib colours, got {colour!r}")
        self.tie_colours, self.untied_note = tuple(tie_colours), bool(untied_note)
        self.label_size = as_real("label_size", label_size, positive=True)
        self._placed_for = None  # the label texts the labels' places were chosen for
        # weight layers whose edges carry a label (None: all); a dense layer's labels can be left off
        self.label_layers = None if label_layers is None else set(label_layers)
        self.sizes = list(sizes)
        self.notation = as_notation(notation)
        self.bias = bool(bias)
        # None: 2 points under label_size, never below 9.5
        self.bias_label_size = None if bias_label_size is None else as_real("bias_label_size", bias_label_size, positive=True)
        self.show_values = bool(show_values)
        self.unit_gap = _VALUES_UNIT_GAP if self.show_values else _UNIT_GAP
        self.position = {
            (l, j): (_LAYER_GAP * l, self.unit_gap * ((n - 1) / 2 - j)) for l, n in enumerate(self.sizes) for j in range(n)
        }
        self.edges, self.edge_labels, self.units, self.bias_labels = {}, {}, {}, {}
        self._draw_static()

    def _draw_static(self):
        ax, sizes = self.ax, self.sizes
        for l, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            for i in range(n_in):
                for j in range(n_out):
                    (x0, y0), (x1, y1) = self.position[l, i], self.position[l + 1, j]
                    (line,) = ax.plot([x0, x1], [y0, y1], color=ZERO, solid_capstyle="round", zorder=1)
                    line.set_gid(f"w:{l}:{i}:{j}")
                    self.edges[l, i, j] = line
                    t = _label_position(i, j, n_in, n_out, self.crossing_spread, self.crossing_labels)
                    text = ax.text(
                        x0 + t * (x1 - x0),
                        y0 + t * (y1 - y0),
                        "",
                        ha="center",
                        va="center",
                        fontsize=self.label_size,
                        zorder=4,
                        # opaque under a label with its value (two lines), or if asked: a thick edge would show through
                        bbox=dict(boxstyle=f"round,pad={self.label_pad}", fc="white", ec="none",
                                  alpha=1.0 if self.show_values or self.opaque_labels else 0.85),
                    )
                    text.set_gid(f"wlabel:{l}:{i}:{j}")
                    self.edge_labels[l, i, j] = text
        for (l, j), (x, y) in self.position.items():
            circle = Circle((x, y), _UNIT_RADIUS, fc=UNTIED_FILL, ec="#333333", lw=1.5, zorder=3)
            circle.set_gid(f"unit:{l}:{j}")
            ax.add_patch(circle)
            self.units[l, j] = circle
            name = unit_label(self.notation, l, j, latex=True, sizes=sizes)
            ax.text(x, y, f"${name}$", ha="center", va="center", fontsize=12, zorder=5)
            if self.bias and l > 0:
                size = self.bias_label_size or max(BIAS_LABEL_SIZE, self.label_size - 2)
                text = ax.text(x, y - _UNIT_RADIUS - 0.05, "", ha="center", va="top", fontsize=size, zorder=5)
                text.set_gid(f"b:{l - 1}:{j}")
                self.bias_labels[l - 1, j] = text
        half = self.unit_gap * (max(sizes) - 1) / 2  # from the middle to the top unit's centre
        below = 0.7 + (0.2 if self.show_values else 0.0)  # room for the bottom units' bias labels
        ax.set_xlim(-0.6, _LAYER_GAP * (len(sizes) - 1) + 0.6)
        ax.set_ylim(-half - below, half + 0.55)
        ax.set_aspect("equal")
        ax.set_axis_off()
        self.note = ax.text(0.5, 0.0, "", transform=ax.transAxes, ha="center", va="top", fontsize=8)

    def update(self, weights, biases=(), tied=None, highlight=frozenset()):
        """Show ``weights`` / ``biases`` (lists shaped like ``MLP.weights`` / ``MLP.biases``).

        tied: groups per hidden layer as returned by ``tied_units`` (None: no highlight).
        highlight: set of ``("w", l, i, j)`` / ``("b", l, j)`` drawn emphasised, the rest faded.
        """
        scale = max(float(np.max(np.abs(W))) for W in weights) or 1.0
        faded = bool(highlight)
        for (l, i, j), line in self.edges.items():
            w = float(weights[l][i, j])
            emphasised = ("w", l, i, j) in highlight
            line.set_color(POSITIVE if w > 0 else NEGATIVE if w < 0 else ZERO)
            width = 0.8 + 4.2 * (abs(w) / scale)  # the ratio first: 4.2 * 1.7e308 overflows to inf
            if faded:  # with a highlight, width says "on the path" and nothing else: two widths only
                width = HIGHLIGHT_WIDTH if emphasised else FADED_WIDTH
            line.set_linewidth(width)
            line.set_alpha(1.0 if emphasised or not faded else FADED_ALPHA)
            line.set_zorder(2 if emphasised else 1)
            name = f"${weight_label(self.notation, l, i, j, latex=True, sizes=self.sizes)}$"
            label = self.edge_labels[l, i, j]
            label.set_text(_with_value(name, w) if self.show_values else name)
            label.set_visible(self.label_layers is None or l in self.label_layers)
            label.set_fontweight("bold" if emphasised else "normal")
            # with values, the text takes its edge's colour: at a crossing, colour says which edge a label is on
            label.set_color((POSITIVE if w > 0 else NEGATIVE if w < 0 else BLACK) if self.show_values else BLACK)
            label.set_alpha(1.0 if emphasised or not faded else FADED_LABEL_ALPHA)
            # mathtext ignores the weight: a frame marks a label on the path
            label.get_bbox_patch().set_edgecolor(BLACK if emphasised else "none")
        for (l, j), text in self.bias_labels.items():
            name = f"${bias_label(self.notation, l, j, latex=True, sizes=self.sizes)}$"
            text.set_text(_with_value(name, float(biases[l][j])) if self.show_values else name)
            emphasised = ("b", l, j) in highlight
            text.set_bbox(dict(boxstyle="round,pad=0.15", fc="white", ec=BLACK if emphasised else "none", lw=1.5))
            text.set_fontweight("bold" if emphasised else "normal")
        for circle in self.units.values():
            circle.set_facecolor(UNTIED_FILL)
        n_groups = 0
        for layer, groups in enumerate(tied or [], start=1):
            for group in groups:
                colour = self.tie_colours[n_groups % len(self.tie_colours)]
                for j in group:
                    self.units[layer, j].set_facecolor(colour)
                n_groups += 1
        self.note.set_text(
            "same fill = tied units: they compute the same and move as one"
            + ("; white: not tied (inputs, outputs)" if self.untied_note else "")
            if n_groups
            else ""
        )
        self._place_labels()

    def _place_labels(self):
        """Slide each shown edge label along its edge to a place clear of the rest (once per set of texts)."""
        shown = [key for key, text in self.edge_labels.items() if text.get_visible()]
        texts = tuple(self.edge_labels[key].get_text() for key in shown)
        texts += tuple(text.get_text() for text in self.bias_labels.values())
        if texts == self._placed_for:
            return  # the explorer redraws the same names at every step: their places stay
        self._placed_for = texts
        if not shown:
            return
        ax = self.ax
        renderer = _renderer(ax.figure)
        ax.apply_aspect()  # the axes' box as the equal aspect leaves it: data units to pixels
        (x0, y0), (x1, y1) = ax.transData.transform([(0.0, 0.0), (1.0, 1.0)])
        scale = np.array([x1 - x0, y1 - y0])  # pixels per data unit
        points = ax.figure.dpi / 72

        def extent(text, pad):
            """(width, height) of ``text`` in data units, with its white frame (``pad`` of its font size)."""
            box = text.get_window_extent(renderer)
            margin = 2 * pad * text.get_fontsize() * points
            return (np.array([box.width, box.height]) + margin) / scale

        fixed = [(x - _UNIT_RADIUS, y - _UNIT_RADIUS, x + _UNIT_RADIUS, y + _UNIT_RADIUS)
                 for x, y in self.position.values()]
        for (l, j), text in self.bias_labels.items():
            if text.get_text():
                (width, height), (x, top) = extent(text, 0.15), text.get_position()
                fixed.append((x - width / 2, top - height, x + width / 2, top))
        segments = {key: (*self.position[key[0], key[1]], *self.position[key[0] + 1, key[2]]) for key in self.edges}
        places = label_layout.choose_places(
            [segments[key] for key in shown],
            [extent(self.edge_labels[key], self.label_pad) for key in shown],
            [_label_position(i, j, self.sizes[l], self.sizes[l + 1], self.crossing_spread, self.crossing_labels)
             for l, i, j in shown],
            fixed,
            [np.array([segment for other, segment in segments.items() if other != key]) for key in shown],
        )
        for key, t in zip(shown, places):
            xa, ya, xb, yb = segments[key]
            self.edge_labels[key].set_position((xa + t * (xb - xa), ya + t * (yb - ya)))


def _renderer(fig):
    """A renderer to measure ``fig``'s texts before it is drawn: its canvas's, or an Agg one at its dpi."""
    get = getattr(fig.canvas, "get_renderer", None)
    if get is not None:
        return get()
    width, height = fig.bbox.size
    return RendererAgg(int(width), int(height), fig.dpi)


def draw_network(
    net, notation="index", ax=None, show_values=False, highlight_edges=None, tied=True, label_layers=None, label_size=None,
    tie_colours=GROUP_COLOURS, untied_note=False, crossing_spread=0.2, bias_label_size=None, crossing_labels="apart",
    opaque_labels=False,
):
    """Diagram of ``net``: units in columns, one line per weight, labelled in ``notation``.

    Line colour is the weight's sign (blue +, vermillion -), width its magnitude.
    show_values: each weight's and bias's value on a second line of its label (the units then sit
        further apart, and a figure made here is taller).
    highlight_edges: list of ``("w", layer, from_unit, to_unit)`` and ``("b", layer, unit)``
        drawn thick and bold while the other weights fade (to trace a chain-rule path).
    tied: fill each group of tied hidden units (``tied_units(net)``) with its own colour.
    tie_colours: those fills, in turn (default ``GROUP_COLOURS``); untied_note: the fill note
        also says that white units (inputs, outputs) are not tied.
    label_layers: the weight layers whose edges are labelled (default: all), e.g. ``[0, 2]``
        to leave a dense middle layer unlabelled.
    label_size: font size of the weight labels in points (default 9.5), larger where the
        subscripts are the point; bias labels grow with them, 2 points smaller (never below 9.5).
    bias_label_size: the bias labels' font size in points, if given (their nested subscripts,
        such as b_{h_1}, read small at the default).
    crossing_spread: between layers of equal width, how far from an edge's middle (a fraction of
        the edge, 0 to 0.35) the label of a crossing edge would rather sit; 0.3 puts each near a
        unit, away from the crossing.
    crossing_labels: "apart" (default: an edge going down carries its label near its to-unit, one
        going up near its from-unit) or "inputs" (both near their from-units, so in a 2-2 layer one
        label sits high and one low, each by the input its edge leaves).
    opaque_labels: each weight label on an opaque white box with a wider margin (default: 85%
        opaque, except with show_values), so that a thick edge under a label does not tint it.
    Returns the figure.
    """
    check_network(net)
    highlight = _check_highlight(highlight_edges, net.sizes, bool(net.biases))
    width = max(3.0, 2.3 * len(net.sizes))  # wide enough for the edge labels at their font size
    gap = _VALUES_UNIT_GAP if show_values else _UNIT_GAP
    own_figure = ax is None
    fig, ax = _axes_or_new(ax, figsize=(width, 0.9 * (gap * (max(net.sizes) - 1) + 1) + 1.2))
    if own_figure:  # the diagram fills its figure; the tied-units note sits in the bottom margin
        fig.subplots_adjust(left=0.02, right=0.98, top=0.98, bottom=0.08)
    if label_layers is not None:
        if isinstance(label_layers, str) or not np.iterable(label_layers):
            raise TypeError(f"label_layers must be a list of weight layers such as [0, 2], got {label_layers!r}")
        label_layers = list(label_layers)
        for l in label_layers:
            if isinstance(l, bool) or not isinstance(l, (int, np.integer)) or not 0 <= l < len(net.sizes) - 1:
                raise ValueError(f"label_layers must list weight layers between 0 and {len(net.sizes) - 2}, got {l!r}")
    diagram = NetworkDiagram(ax, net.sizes, notation, bias=bool(net.biases), show_values=show_values,
                             label_layers=label_layers, label_size=LABEL_SIZE if label_size is None else label_size,
                             tie_colours=tie_colours, untied_note=untied_note, crossing_spread=crossing_spread,
                             bias_label_size=bias_label_size, crossing_labels=crossing_labels,
                             opaque_labels=opaque_labels)
    diagram.update(net.weights, net.biases, tied_units(net) if tied else None, highlight)
    return fig


def network_key(fig, path=None, width_note=None):
    """A key under a ``draw_network`` diagram (the figure it returned): what colour and width mean.

    path: None for the usual key (width grows with the weight's size), or a label such as
    "on a path of $w_1$" for a diagram drawn with ``highlight_edges`` (width then marks the path).
    width_note: with path None, a note appended to the width entry, e.g. "all equal here".
    Returns the legend.
    """
    ax = fig.axes[0]
    thin, thick = (Line2D([], [], color=ZERO, lw=width) for width in (FADED_WIDTH, 4.5))
    handles = [Line2D([], [], color=POSITIVE, lw=2.5), Line2D([], [], color=NEGATIVE, lw=2.5)]
    labels = ["positive weight", "negative weight"]
    if path is None:
        handles.append((thin, thick))
        labels.append("width: the weight's size" + (f" ({width_note})" if width_note else ""))
    else:
        handles += [Line2D([], [], color=ZERO, lw=HIGHLIGHT_WIDTH), Line2D([], [], color=ZERO, lw=FADED_WIDTH, alpha=FADED_ALPHA)]
        labels += [f"thick, boxed: {path} (width no longer shows size)", "thin: not on a path"]
    return ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=2 if path else 3, frameon=False,
                     fontsize=9, handlelength=2.6, handler_map={tuple: HandlerTuple(ndivide=None, pad=0.4)})


def _pixel_width(ax):
    """How many pixels wide ``ax`` is drawn at its figure's resolution (at least 64)."""
    return max(64, int(ax.bbox.width))


def thin_curve(x, y, pixels):
    """At most ``pixels`` points of the curve ``(x, y)`` (both (T,)) that draw the same picture.

    A curve with more points than its axes have pixel columns spends time on points that
    land on the same pixels. The points are split into runs of equal length, and each run
    keeps its lowest and highest point (in their order), so spikes and oscillations stay
    visible; the first and last points are always kept.
    """
    n = len(x)
    if n <= pixels:
        return x, y
    runs = max(1, (pixels - 2) // 2)
    width = -(-n // runs)
    padded = np.concatenate([y, np.full(runs * width - n, y[-1])]).reshape(runs, width)
    starts = np.arange(runs) * width
    keep = np.unique(np.concatenate([[0, n - 1], starts + padded.argmin(1), starts + padded.argmax(1)]))
    keep = keep[keep < n]
    return x[keep], y[keep]


def clipped(values, low=-DRAWN_LIMIT, high=DRAWN_LIMIT):
    """(values clipped to [low, high] with NaN kept as gaps, whether any was beyond +-DRAWN_LIMIT)."""
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        outside = np.abs(values) > DRAWN_LIMIT
    return np.clip(values, low, high), bool(outside.any())


def recorded(history):
    """``history`` (a ``History``) if it holds at least one recorded step, else a ValueError."""
    check_history(history)
    if len(history) == 0:
        raise ValueError("history must hold at least one recorded step, got an empty history")
    return history


def _tied_lines(trajectories, atol):
    """Group the columns of ``trajectories`` (T, k) that are equal at every step.

    The tolerance ``atol`` is scaled by the largest weight, so large weights that differ
    only in their last bits still count as one line.
    """
    tolerance = atol * max(1.0, float(np.max(np.abs(trajectories)))) if trajectories.size else atol
    return equal_columns(trajectories, tolerance)


def _trajectory_label(notation, layer, group, n_out, sizes):
    """Legend text for one line: the weight's name, or the names of the tied weights it stands for.

    group: flat indices ``i * n_out + j`` into ``weights[layer]``; up to three tied weights are
    named one by one ("w1 = w3"), more as "w1 and 8 tied".
    """
    names = [f"${weight_label(notation, layer, *divmod(k, n_out), latex=True, sizes=sizes)}$" for k in group]
    return " = ".join(names) if len(names) <= 3 else f"{names[0]} and {len(names) - 1} tied"


def _by_row_and_column(n_weights, n_out, n_colours=len(LINE_COLOURS), always=False):
    """True when each column of a layer takes one colour and each row one line style: asked for
    (``always``, for panels that must read alike), or when a layer has more weights than colours but
    few enough rows and columns (a 3 x 3 layer: 3 colours times 3 styles)."""
    fits = n_out is not None and n_out <= n_colours and n_weights // n_out <= len(LINE_STYLES)
    return fits and (always or n_weights > n_colours)


def _trajectory_colour(k, n_weights, colours=LINE_COLOURS, n_out=None, by_unit=False):
    """The colour of weight ``k`` (flat index) of a layer with ``n_weights`` weights, from ``colours``;
    with ``n_out`` columns and too many weights for the colours, one colour per column.

    Fixed by the weight, not by the order of the lines, so a weight keeps its colour from one
    run (or row of panels) to the next. Okabe-Ito only: past its 7 line colours the colours
    repeat and ``_trajectory_linestyle`` tells the weights apart.
    """
    return colours[k % n_out] if _by_row_and_column(n_weights, n_out, len(colours), by_unit) else colours[k % len(colours)]


#: line styles of the weights past the first 7 of a layer (solid, then dashed, dotted, dash-dot)
LINE_STYLES = ("-", (0, (5, 2)), (0, (1, 1.5)), (0, (6, 2, 1, 2)))
#: length of one stripe of a tied line, in multiples of its width (matplotlib scales dashes by it)
STRIPE = 3.0


def _trajectory_linestyle(k, n_weights, n_out=None, by_unit=False):
    """The line style of weight ``k`` (flat index) of a layer with ``n_weights`` weights: solid for
    the first 7, whose colours are all different; the next 7 dashed, and so on. With ``n_out`` columns
    and few enough rows, one style per row (solid, dashed, dotted) instead."""
    if _by_row_and_column(n_weights, n_out, always=by_unit):
        return LINE_STYLES[k // n_out]
    return LINE_STYLES[(k // len(LINE_COLOURS)) % len(LINE_STYLES)] if n_weights > len(LINE_COLOURS) else "-"


def _stripes(member, n_members, stripe=STRIPE):
    """Dash pattern of member ``member`` of a tied line drawn by ``n_members`` overlapping lines:
    each shows one stripe (``stripe`` line widths long) in turn, so the line is striped in the colours
    of all its weights."""
    return (stripe * member, (stripe, stripe * (n_members - 1)))


class WeightTrajectories:
    """One panel per weight layer, one line per distinct weight trajectory; ``update`` redraws.

    Weights whose values agree at every recorded step are drawn as a single line (they
    would overlap exactly), striped in their colours, and each panel notes how many lines stand for
    how many weights in its title, e.g. "1 line drawn, 9 weights".
    """

    def __init__(self, axes, layers, sizes, notation="index", atol=1e-10, legend="inside", text_size=8,
                 colours=LINE_COLOURS, by_unit=False, stripe=STRIPE):
        self.axes = list(axes)
        self.layers = list(layers)
        self.sizes = list(sizes)
        self.notation = as_notation(notation)
        self.atol = atol
        # "inside": a legend in the panel for up to 4 lines (the explorer's fixed layout);
        # "outside": every line named in a legend right of its panel, off the data
        self.legend = as_choice("legend", legend, ("inside", "outside", "below"))
        # the "outside" legend's font size in points (titles 2 points larger)
        self.text_size = as_real("text_size", text_size, positive=True)
        # a figure whose page uses blue/vermillion for signs passes colours without them
        self.colours = tuple(colours)
        # colour by the unit a weight goes to (column of W_l), line style by the one it comes from (row)
        self.by_unit = bool(by_unit)
        # one stripe's length in line widths: longer where a pale colour must read at default size
        self.stripe = as_real("stripe", stripe, positive=True)
        self.lines = [[] for _ in self.layers]
        self.stripes = [[] for _ in self.layers]  # the extra lines that stripe tied groups
        self.titles = []
        for ax, l in zip(self.axes, self.layers):
            self.titles.append(f"weights from layer {l} to layer {l + 1}")
            ax.set_xlabel("step")
            ax.set_ylabel("weight")
            ax.grid(alpha=0.3)

    def update(self, history):
        """Draw ``history.weights`` for the chosen layers, reusing the lines already drawn.

        A line standing for several tied weights is striped in the colours of all of them (one
        overlapping line per weight, each drawing every n-th stripe), so every weight keeps its
        colour whether it is drawn alone or in a tied group; its legend entry shows the stripes.
        """
        steps = history.iterations
        self.groups = []
        for panel, (ax, l) in enumerate(zip(self.axes, self.layers)):
            W = history.weights[l]
            flat = W.reshape(len(W), -1)  # (T, n_in * n_out), column k = weights[l][k // n_out, k % n_out]
            groups = _tied_lines(flat, self.atol)
            self.groups.append(groups)
            lines, stripes = self.lines[panel], self.stripes[panel]
            while len(lines) > len(groups):  # a line kept but hidden would still enter the legend
                lines.pop().remove()
            n_out, n_weights = W.shape[2], flat.shape[1]
            pixels = _pixel_width(ax)
            drawn, cut = clipped(flat)
            handles, n_stripes = [], 0
            for g, group in enumerate(groups):
                if g == len(lines):
                    (line,) = ax.plot([], [], lw=1.8)
                    lines.append(line)
                line = lines[g]
                data = thin_curve(steps, drawn[:, group[0]], pixels)
                line.set_data(*data)
                line.set_color(_trajectory_colour(group[0], n_weights, self.colours, n_out, self.by_unit))
                line.set_linestyle(_trajectory_linestyle(group[0], n_weights, n_out, self.by_unit) if len(group) == 1
                                   else _stripes(0, len(group), self.stripe))
                line.set_label(_trajectory_label(self.notation, l, group, n_out, self.sizes))
                line.set_gid(f"traj:{l}:" + ",".join(str(k) for k in group))
                # one drawing order whatever order the lines were made in (a cached background must match)
                line.set_zorder(2 + 0.01 * g)
                if len(group) == 1:
                    handles.append(line)
                    continue
                for member, k in enumerate(group[1:], start=1):  # the other weights' stripes
                    if n_stripes == len(stripes):
                        (stripe,) = ax.plot([], [], lw=1.8, label="_stripe")
                        stripes.append(stripe)
                    stripe = stripes[n_stripes]
                    n_stripes += 1
                    stripe.set_data(*data)
                    stripe.set_color(_trajectory_colour(k, n_weights, self.colours, n_out, self.by_unit))
                    stripe.set_linestyle(_stripes(member, len(group), self.stripe))
                    stripe.set_gid(f"stripe:{l}:{k}")
                    stripe.set_zorder(2 + 0.01 * g + 0.0001 * member)
                handles.append(tuple(Line2D([], [], lw=2.5, color=_trajectory_colour(k, n_weights, self.colours, n_out, self.by_unit)) for k in group))
            while len(stripes) > n_stripes:
                stripes.pop().remove()
            n_lines = len(groups)
            note = f"{_count(n_lines, 'line')} drawn, {_count(n_weights, 'weight')}"
            if cut:
                note += f"; beyond ±{DRAWN_LIMIT:.0e} drawn at the edge"
            ax.set_title(f"{self.titles[panel]}\n{note}", fontsize=9 if self.legend == "inside" else self.text_size + 2)
            legend = ax.get_legend()
            if legend is not None:
                legend.remove()
            labels = [line.get_label() for line in lines]
            tuples = {tuple: HandlerTuple(ndivide=None, pad=0.0)}
            if self.legend == "outside":
                ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=self.text_size, frameon=False,
                          handlelength=2.4, borderaxespad=0.0, handler_map=tuples)
            elif self.legend == "below":  # under the x label, so that side by side panels can be wide
                ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.17), fontsize=self.text_size,
                          frameon=False, handlelength=2.4, borderaxespad=0.0, handler_map=tuples,
                          ncols=1 if n_lines <= 2 else 3, columnspacing=1.2)
            elif n_lines <= 4:
                ax.legend(handles, labels, loc="best", fontsize=7, framealpha=0.8, handler_map=tuples)
            ax.relim()
            ax.autoscale_view()


def plot_weight_trajectories(history, ax=None, notation="index", layers=None, atol=1e-10, legend="outside",
                             text_size=8, colours=LINE_COLOURS, by_unit=False, stripe=STRIPE):
    """Each weight over the training steps of ``history``, a panel per weight layer.

    layers: which weight layers to show (default: all).
    colours: the line colours, weight k of a layer taking colours[k % len(colours)] (default
    ``LINE_COLOURS``). by_unit: colour each weight by the unit it goes to (column of W_l) and style it
    by the unit it comes from (row), in every layer. stripe: one stripe's length of a tied line, in line widths.
    ax: None for new axes, else one Axes per shown layer (a single Axes for one layer).
    Weights equal at every step (tied) are drawn as one line, striped in their colours, and
    each panel says how many lines stand for how many weights. Each weight keeps one colour
    (Okabe-Ito; past 7 weights in a layer, a line style too) in every call. legend: "outside" names every line right
    of its panel, "below" under it; "inside" puts a legend in the panel when it has at most 4 lines. Returns the figure.
    """
    recorded(history)
    sizes = history.sizes
    if isinstance(layers, (int, np.integer)) and not isinstance(layers, bool):
        layers = [layers]  # one layer may be named on its own
    if layers is not None and not np.iterable(layers):
        raise TypeError(f"layers must be a weight layer number or a list of them, got {layers!r}")
    layers = list(range(len(sizes) - 1)) if layers is None else list(layers)
    for l in layers:
        if isinstance(l, bool) or not isinstance(l, (int, np.integer)) or not 0 <= l < len(sizes) - 1:
            raise ValueError(f"layers must list weight layers between 0 and {len(sizes) - 2}, got {l!r}")
    if not layers:
        raise ValueError("layers must name at least one weight layer")
    legend = as_choice("legend", legend, ("inside", "outside", "below"))
    if ax is None:
        size = ((5.4 if legend == "outside" else 4.2) * len(layers), 3.3)
        fig, axes = new_figure(size, "constrained", nrows=1, ncols=len(layers), squeeze=False)
        axes = list(axes[0])
    else:
        axes = list(ax) if np.iterable(ax) else [ax]
        if len(axes) != len(layers):
            raise ValueError(f"ax must hold one Axes per layer shown ({len(layers)}), got {len(axes)}")
        fig = axes[0].figure
    WeightTrajectories(axes, layers, sizes, notation, atol, legend, text_size, colours, by_unit, stripe).update(history)
    return fig


def sign_key(ax, loc="lower right", thickness=False, path=False):
    """A colour key on a network diagram: blue for a positive weight, vermillion for a
    negative one (the colours ``draw_network`` uses); thickness: a third entry, a thin and a thick
    grey line, "thickness \u221d |w|" (leave it off where thickness marks a highlighted path);
    path: a third entry, a thick grey line, "thick, boxed: the path" (where ``highlight_edges`` marks one).
    Returns the legend."""
    # thin colour samples beside the thick path entry, so thickness does not read as sign
    handles = [plt.Line2D([], [], color=colour, lw=1.5 if path else 3) for colour in (BLUE, VERMILLION)]
    labels = ["positive weight", "negative weight"]
    if thickness:
        handles.append(tuple(Line2D([], [], color=ZERO, lw=width) for width in (FADED_WIDTH, 4.5)))
        labels.append("thickness \u221d |w|")
    if path:
        handles.append(Line2D([], [], color=ZERO, lw=4.5))
        labels.append("thick, boxed: the path")
    return ax.legend(handles, labels, loc=loc, fontsize=9, frameon=False,
                     handler_map={tuple: HandlerTuple(ndivide=None, pad=0.4)})


def move_legend(ax, loc, fontsize=9, anchor=None):
    """Put the legend a helper drew on ``ax`` at ``loc`` (a matplotlib location), in ``fontsize``-point text.

    anchor: None, or (x, y) in axes fractions where ``loc``'s point of the legend goes, to
    lift a legend off the data. Returns the legend.
    """
    legend = ax.get_legend()
    if legend is None:
        raise ValueError("ax has no legend to move: draw one first")
    plt.setp(legend.get_texts(), fontsize=as_real("fontsize", fontsize))
    legend.set_loc(loc)
    if anchor is not None:
        legend.set_bbox_to_anchor(anchor, transform=ax.transAxes)
    return legend


def question_networks():
    """Notebook 01's opening figure: the 1-1-1 question's network (left) and its bigger 2-2-2 network (right),
    all edges drawn alike (no values yet), named as the question names them (w1, w2, ...; biases after their units).
    Returns the figure."""
    fig, (small, big) = new_figure((11, 2.9), ncols=2, width_ratios=[1, 1.15])
    labels = dict(notation="one_one_one_units", tied=False, label_size=12, bias_label_size=12)  # tied marks: notebook 04
    draw_network(MLP([1, 1, 1]).init_constant(1.0), ax=small, **labels)
    # each crossing edge's label on its own line, away from the crossing (report 01CT fault 8: at 0.2 they sat by
    # the crossing); opaque boxes with a margin, so no stub of a thick line shows beside a label; at 0.25, not 0.3,
    # each crossing edge runs on past its label into its unit, as the others do (report 01CX fault 7: at 0.3 a
    # short dark wedge between box and unit read as an arrow tip)
    # report 01DI fault 7: both crossing labels of a pair near their from-units (one high, one low), so each names the
    # line that leaves the unit beside it; at 0.25 from the middle, as before, each line runs on past its label
    draw_network(MLP([2, 2, 2]).init_constant(1.0), ax=big, crossing_spread=0.25, crossing_labels="inputs",
                 opaque_labels=True, **labels)
    for ax in (small, big):  # apply both panels' equal aspect, then put the left title at the right one's height
        ax.apply_aspect()
    left, right = small.get_position(), big.get_position()
    small.set_title("the 1-1-1 network", fontsize=12, y=(right.y1 - left.y0) / (left.y1 - left.y0))
    small.text(0.5, 0.08, "both diagrams: all edges drawn alike; values come later;\n$w_2$ names a different edge in each"
               "\nbiases: labels under their units, not drawn", transform=small.transAxes, ha="center", va="top",
               fontsize=11)  # no values yet: section 1 draws them
    big.set_title("the bigger network: $h_1$ feeds both outputs", fontsize=12)
    big.text(0.5, -0.06, r"crossing edges: $w_2$: $x_2 \to h_1$,  $w_3$: $x_1 \to h_2$,  $w_6$: $h_2 \to o_1$,  "
             r"$w_7$: $h_1 \to o_2$", transform=big.transAxes, ha="center", va="top", fontsize=11)
    return fig


def tie_figure(constant, random, steps=150):
    """Notebook 02's six-weight figure: a 2-2-1 network's weights over the first ``steps`` steps,
    trained from a constant start (top row) and from a random start (bottom row); W_0 left, W_1 right.

    constant, random: ``History`` objects of a 2-2-1 network with every step recorded (0, 1, 2, ...),
    at least ``steps + 1`` of them. Pairs (h_1's weight with h_2's) are green with pink, black with grey.
    In the random row: a circle where each incoming pair first crosses (h_1's weight from x_{p+1} falls
    below h_2's), a small hollow triangle on the lowest point of W_0[0, 0] (green) and of W_0[1, 0] (black), and a
    dotted line at the first step with W_1[0, 0] > 0; each of these must fall within ``steps``.
    Returns (fig, passes, turn): passes[p] the step where x_{p+1}'s pair crosses, turn the dotted line's step.
    """
    steps = as_count("steps", steps, minimum=1)
    for name, history in (("constant", constant), ("random", random)):
        recorded(history)
        if history.sizes != [2, 2, 1]:
            raise ValueError(f"{name} must be the history of a 2-2-1 network, got sizes {history.sizes}")
        if not np.array_equal(history.iterations, np.arange(len(history))) or len(history) <= steps:
            raise ValueError(f"{name} must record every step 0, 1, ..., at least up to step {steps}")
    W0, W1 = random.weights  # shapes (step, from, to)
    below = [W0[:steps + 1, p, 0] < W0[:steps + 1, p, 1] for p in (0, 1)]
    positive = W1[:steps + 1, 0, 0] > 0
    if not (all(b.any() for b in below) and positive.any()):
        raise ValueError(f"random must have both incoming pairs cross and W_1[0, 0] turn positive within {steps} steps")
    passes = [int(np.argmax(b)) for b in below]  # the first step h_1's weight from x_{p+1} is below h_2's
    turn = int(np.argmax(positive))
    fig, axes = new_figure((11, 6), "constrained", nrows=2, ncols=2, sharex=True, sharey="col")
    for row, (label, history) in enumerate((("constant", constant), ("random", random))):
        # the constant row's tied pairs get stripes 3 times as long, so the grey ones read as grey at default size
        plot_weight_trajectories(history, ax=axes[row], notation="card", legend="inside",
                                 colours=(GREEN, PURPLE, BLACK, "#BBBBBB"),  # blue and vermillion mean signs; light grey: stripes show on black
                                 stripe=3 * STRIPE if row == 0 else STRIPE)
        axes[row][0].set_ylabel(f"{label} start\nweight")
    for ax_top, ax_bottom in zip(*axes):  # each legend where its panel's lines are flat
        move_legend(ax_top, "lower right").set_title("striped: the pair's two lines coincide", prop={"size": 9})
        ax_bottom.axvline(turn, color="#777777", ls=":", lw=1.2, ymin=0.1 if ax_bottom is axes[1][0] else 0)
        ax_top.set_xlabel("")  # the shared step axis is labelled once, below
    axes[1][0].set_ylim(-0.42, 1.7)  # room above the lines for the dotted line's label and x_2's, below for x_1's
    axes[1][0].text(turn + 2, 0.96, f"step {turn}: $W_0[0, 0]$, $W_0[1, 0]$ lowest (triangles)", va="top",
                    transform=axes[1][0].get_xaxis_transform(), fontsize=9, color="#555555")
    axes[1][1].text(turn + 2, 0.04, f"step {turn}: $W_1[0, 0]$ turns positive",
                    transform=axes[1][1].get_xaxis_transform(), fontsize=9, color="#555555")
    axes[0][0].set_xlim(0, steps)
    # x_1's label below the lines (the dotted line stops above it), its arrow clear of the green triangle; x_2's
    # next to its circle, on four short lines above the black W_0[1, 0], between the y axis and the dotted line
    # (report 02DP fault 6), in the same font size as x_1's (report 02DV fault 7)
    label_at = {0: (1, -0.36), 1: (2, 0.6)}
    text = {0: "{x}'s pair changes order, steps {a}-{b}", 1: "{x}'s pair\nchanges\norder\nsteps {a}-{b}"}
    for p, step in enumerate(passes):  # circle each crossing of an incoming pair
        axes[1][0].plot(step, W0[step, p, 0], "o", mfc="none", mec=BLACK, ms=9, zorder=5)
        axes[1][0].annotate(text[p].format(x=f"$x_{p + 1}$", a=step - 1, b=step),
                            (step, W0[step, p, 0]), xytext=label_at[p], textcoords="data", va="bottom",
                            # a short dark-grey arrow with a head: no weight's line has a head or this grey
                            arrowprops=dict(arrowstyle="-|>", color="#666666", lw=1.0, shrinkB=6, mutation_scale=9),
                            fontsize=9, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
    for p, colour in ((0, GREEN), (1, BLACK)):  # a small hollow triangle on the lowest point, in its line's colour
        lowest = int(W0[:, p, 0].argmin())
        axes[1][0].plot(lowest, W0[lowest, p, 0], "^", color=colour, mfc="none", mec=colour, mew=1.6, ms=10,
                        zorder=6)  # hollow: the curve stays visible through it
    move_legend(axes[1][1], "lower right")  # below the line at 0.3
    # left: four entries in two rows, clear of the lines at 0.4 and 1.25 (in one column they reached down to 0.4)
    axes[1][0].legend(*axes[1][0].get_legend_handles_labels(), ncols=2, loc="center right", bbox_to_anchor=(1.0, 0.6),
                      fontsize=9, framealpha=0.8, columnspacing=1.0)
    for ax in axes[1]:
        ax.set_xlabel(f"step (first {steps} of {len(random) - 1} steps)")
    fig.suptitle("each pair: $h_1$'s weight (green or black) with the matching $h_2$ weight (pink or grey)", fontsize=11)
    return fig, passes, turn


def sparse_log_ticks(ax, labelled, unlabelled=(), bottom=None):
    """On a log-scale y axis, labels only at the ``labelled`` values and bare ticks at ``unlabelled``.

    Few labels keep 16 decades readable in a small panel; bottom: the lowest y shown (None: matplotlib's).
    """
    ax.set_yticks(np.asarray(labelled, dtype=float))
    ax.set_yticks(np.asarray(unlabelled, dtype=float), minor=True)
    ax.yaxis.set_minor_formatter(plt.NullFormatter())
    if bottom is not None:
        ax.set_ylim(bottom, None)


class LossCurve:
    """The loss on a log scale, with a marker where training diverged; ``update`` redraws."""

    def __init__(self, ax):
        self.ax = ax
        (self.line,) = ax.plot([], [], color=BLACK, lw=1.8)
        (self.marker,) = ax.plot([], [], "X", color=VERMILLION, ms=11, zorder=5)
        self.marker.set_gid("diverged")
        # top left, on two lines: the X sits at the last step, at the right end
        self.message = ax.text(
            0.03, 0.97, "", transform=ax.transAxes, ha="left", va="top", color=VERMILLION, fontsize=8
        )
        # bottom right, clear of a diverging curve, which rises to the right
        self.clip_note = ax.text(0.97, 0.03, "", transform=ax.transAxes, ha="right", va="bottom", color="#555555",
                                 fontsize=7)
        ax.set_yscale("log")
        ax.set_xlabel("step")
        ax.set_ylabel("loss (log scale)")
        ax.grid(alpha=0.3)

    def update(self, history):
        steps = history.iterations
        # a loss of exactly 0 has no place on a log axis: show it at the smallest float; a loss
        # beyond DRAWN_LIMIT (or inf) at the limit, as the note says
        values, cut = clipped(history.loss, np.finfo(np.float64).tiny, DRAWN_LIMIT)
        self.clip_note.set_text(f"loss above {DRAWN_LIMIT:.0e} drawn at {DRAWN_LIMIT:.0e}" if cut else "")
        self.line.set_data(*thin_curve(steps, values, _pixel_width(self.ax)))
        self.marker.set_data(steps[-1:] if history.diverged else [], values[-1:] if history.diverged else [])
        if not history.diverged:
            self.message.set_text("")
        elif len(steps) == 0:
            self.message.set_text("diverged before the first step:\ntry a smaller learning rate")
        else:
            self.message.set_text(f"diverged after step {steps[-1]}:\ntry a smaller learning rate")
        self.ax.relim()
        self.ax.autoscale_view()


def plot_epsilon_errors(epsilons, errors, truncation, rounding, chosen, rounding_label="rounding, at most",
                        threshold=None):
    """Log-log relative error of a central difference against eps: measured, with its two predictions.

    epsilons: shape (n,), positive, decreasing (drawn shrinking to the right); errors: shape (n,), the
    measured relative errors; truncation: the positive coefficient of the predicted line
    ``truncation * eps**2``; rounding: the positive coefficient of the line ``rounding / eps``, or that
    line's n positive values, one per eps (e.g. ``r / (2 * epsilons * abs(g))``); chosen: the eps the course uses, marked by a vertical
    line (the smallest measured error is not marked); rounding_label: the legend's text for the
    rounding line (e.g. naming the assumed rounding of one cost); threshold: if given, a horizontal
    line labelled "pass threshold" at that relative error. Returns the figure.
    """
    if not isinstance(rounding_label, str) or not rounding_label:
        raise TypeError(f"rounding_label must be a non-empty str, got {rounding_label!r}")
    epsilons = np.asarray(epsilons, dtype=float)
    errors = np.asarray(errors, dtype=float)
    if epsilons.ndim != 1 or len(epsilons) < 2 or not np.all(epsilons > 0):
        raise ValueError(f"epsilons must be a 1-D array of at least 2 positive steps, got {epsilons!r}")
    if errors.shape != epsilons.shape or not np.all(errors > 0):
        raise ValueError(f"errors must be {len(epsilons)} positive relative errors, got shape {errors.shape}")
    truncation = as_real("truncation", truncation, positive=True)
    if np.ndim(rounding) == 0:
        rounding = as_real("rounding", rounding, positive=True) / epsilons
    else:
        rounding = np.asarray(rounding, dtype=float)
        if rounding.shape != epsilons.shape or not np.all(np.isfinite(rounding) & (rounding > 0)):
            raise ValueError(f"rounding must be a positive number or {len(epsilons)} positive values, one per eps,"
                             f" got shape {rounding.shape}")
    chosen = as_real("chosen", chosen, positive=True)
    if threshold is not None:
        threshold = as_real("threshold", threshold, positive=True)
    fig, ax = new_figure((8, 3.3))
    fig.subplots_adjust(left=0.11, right=0.63, bottom=0.17, top=0.95)  # the legend sits right of the axes
    # points only: below the crossing rounding scatters them, so a joining line would suggest a trend between them
    ax.loglog(epsilons, errors, "o", color=BLUE, markersize=5, label="measured ($w_1$)")
    # a wide pale band under the points: a thin line would hide where it lies on them
    ax.loglog(epsilons, truncation * epsilons ** 2, "-", color=VERMILLION, lw=7, alpha=0.35, zorder=1,
              label="truncation, $\\propto \\varepsilon^2$")
    ax.loglog(epsilons, rounding, "--", color=BLACK, lw=1.5, label=rounding_label)
    ax.axvline(chosen, color=GREEN, lw=1.5, label=f"the course's $\\varepsilon$ = {chosen:.0e}")
    if threshold is not None:
        ax.axhline(threshold, color=PURPLE, lw=1.5, ls=":", label=f"pass threshold, {threshold:.0e}")
    ax.invert_xaxis()  # eps shrinks to the right, as in the sweep lines
    ax.set_ylim(errors.min() / 30, errors.max() * 10)  # the predicted lines run off, the measured points stay in
    ax.set_xlabel(r"$\varepsilon$ (smaller to the right)")
    ax.set_ylabel(r"relative error, $w_1$")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=10)
    return fig


def plot_loss(history, ax=None):
    """The loss of ``history`` against the step, log scale; divergence marked with an X.

    Returns the figure.
    """
    recorded(history)
    fig, ax = _axes_or_new(ax, figsize=(4.2, 3.3), layout="constrained")
    LossCurve(ax).update(history)
    return fig


def _tied_group_name(l, group, n_in, n_out, n_layers):
    """Legend text for one group of weights of layer ``l`` equal at every step (flat indices ``group``)."""
    rows, columns = sorted({k // n_out for k in group}), sorted({k % n_out for k in group})
    if len(group) == 1:
        return f"$W_{{{l}}}[{rows[0]}, {columns[0]}]$"
    if len(rows) == n_in and len(columns) == n_out:
        return f"$W_{{{l}}}$, all {len(group)} equal"
    if len(rows) == 1:  # one row: the weights leaving one unit
        source = f"$x_{{{rows[0] + 1}}}$" if l == 0 else f"unit [{rows[0]}]"
        return f"$W_{{{l}}}[{rows[0]}, :]$ (from {source})"
    target = f"output [{columns[0]}]" if l == n_layers - 1 else f"unit [{columns[0]}]"
    return f"$W_{{{l}}}[:, {columns[0]}]$ (to {target})"


def weights_tied_and_random(tied, untied, text_size=10, row_labels=("all ones", "random, seed 0"), faint_keep=3):
    """Two runs' weights, a panel per weight layer: ``tied`` on top, ``untied`` below (notebook 04).

    tied, untied: histories of one network shape with recorded weights. On top, each group of
    weights equal at every step is one line; below, every weight has its own. A line's colour marks
    the unit it goes to (column j of W_l) and its style the unit it comes from (row i: solid, dashed,
    dotted); on top a group holding every column is black, and one holding every row solid; a dashed or dotted
    line on top is thinner, with white gaps, so it shows where it lies on a solid one.
    A grey line on top marks the untied run's last step. row_labels: the two rows' y labels. A bottom panel with more
    than six lines draws all but its ``faint_keep`` largest movers (first to last step) in one faint, thin grey, with one legend
    entry for them. Returns the figure.
    """
    recorded(tied), recorded(untied)
    sizes = tied.sizes
    n_layers = len(sizes) - 1
    fig, axes = plt.subplots(2, n_layers, figsize=(5 * n_layers, 11.4),  # a fixed grid with room for the legends
                             gridspec_kw=dict(left=0.07, right=0.98, top=0.945, bottom=0.14, wspace=0.22, hspace=0.55,
                                              height_ratios=(1, 1.6)))  # the bottom row taller: its nine lines part
    for l, panel in enumerate(axes[0]):
        W = tied.weights[l]
        n_in, n_out = W.shape[1:]
        flat = W.reshape(len(W), -1)
        groups = _tied_lines(flat, 1e-10)
        for group in groups:
            k, n_weights = group[0], flat.shape[1]
            every_column = n_out > 1 and {j % n_out for j in group} == set(range(n_out))  # every target unit
            colour = BLACK if every_column else _trajectory_colour(k, n_weights, n_out=n_out, by_unit=True)
            style = _trajectory_linestyle(k, n_weights, n_out, by_unit=True)
            thin = {} if style == "-" else {"lw": 1.2, "gapcolor": "white", "zorder": 3}  # thin, white gaps: seen on a solid line it lies on
            panel.plot(*thin_curve(tied.iterations, flat[:, k], 1000), **({"lw": 2} | thin), color=colour, ls=style,
                       label=_tied_group_name(l, group, n_in, n_out, n_layers))
        panel.set_title(f"weights from layer {l} to layer {l + 1}\n{_count(len(groups), 'line')} drawn, "
                        f"{_count(flat.shape[1], 'weight')}", fontsize=text_size + 2)
        panel.set_xlabel("step")
        panel.axvline(untied.iterations[-1], color="#b0b0b0", lw=1, zorder=0)  # where the bottom row ends
        panel.grid(alpha=0.3)
        panel.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize=text_size, frameon=False, handlelength=2.4)
    plot_weight_trajectories(untied, ax=axes[1], notation="card", text_size=text_size, legend="below", by_unit=True)
    for l, panel in enumerate(axes[1]):
        panel.set_xlabel(f"step (0 to {untied.iterations[-1]} only)")
        lines = [line for line in panel.get_lines() if str(line.get_gid()).startswith("traj:")]
        n_in, n_out = untied.weights[l].shape[1:]
        handles, labels = panel.get_legend_handles_labels()
        if len(lines) > 6:  # many crossing lines: all but the largest movers one faint, thin grey, one legend entry (report 04DC, fault 6)
            moves = [abs(line.get_ydata()[-1] - line.get_ydata()[0]) for line in lines]
            faint = set(np.argsort(moves)[:-faint_keep].tolist())
            for k in faint:
                lines[k].set(alpha=0.35, lw=1, color="#707070", ls="-")
            panel.set_title(f"{panel.get_title()}; grey: the {len(faint)}\nthat move least from step 0 to {untied.iterations[-1]}",
                            fontsize=text_size + 2)
            kept = [k for k in range(len(lines)) if k not in faint]
            grey = Line2D([], [], color="#707070", alpha=0.35, lw=1)
            panel.get_legend().remove()
            panel.legend([lines[k] for k in kept] + [grey], [lines[k].get_label() for k in kept] + [f"the other {len(faint)} (grey)"],
                         loc="upper center", bbox_to_anchor=(0.5, -0.17), fontsize=text_size, frameon=False, handlelength=2.4,
                         borderaxespad=0.0, ncols=2, columnspacing=1.2)
        elif len(handles) == n_in * n_out:  # one line per weight, row by row: lay the legend out as W_l, one row of it per row
            order = [i * n_out + j for j in range(n_out) for i in range(n_in)]  # a legend fills its columns first
            panel.get_legend().remove()
            panel.legend([handles[k] for k in order], [labels[k] for k in order], loc="upper center", bbox_to_anchor=(0.5, -0.17),
                         fontsize=text_size, frameon=False, handlelength=2.4, borderaxespad=0.0, ncols=n_out, columnspacing=1.2)
    for row, name in zip(axes, row_labels):
        row[0].set_ylabel(f"{name}\nweight", fontsize=12)
        for panel in row[1:]:
            panel.set_ylabel("")
    return fig


def loss_against_lr_times_step(losses, fits, overshooting=(), title=None, ax=None):
    """One start's loss at several learning rates, drawn against lr × step on log axes (notebook 04, section 10).

    losses: {lr: (T,) the loss at steps 0 .. T-1}; fits: {lr: the run's first step with every output within the
    tolerance}, drawn as a ringed dot; the dots of learning rates not in ``overshooting`` sit inside one another
    and are named together in a note. overshooting: learning rates drawn dashed and in black, each named with its
    own lr × fit step. Returns the figure.
    """
    if set(fits) != set(losses) or not losses:
        raise ValueError(f"fits must name the same learning rates as losses, got {sorted(fits)} and {sorted(losses)}")
    fig, ax = _axes_or_new(ax, figsize=(8, 3.6), layout="constrained")
    small = [lr for lr in losses if lr not in overshooting]
    widths = dict(zip(small, np.linspace(7, 2, len(small)))) | {lr: 1.5 for lr in overshooting}
    colours = dict(zip(small, LINE_COLOURS)) | {lr: BLACK for lr in overshooting}
    for lr, loss in losses.items():
        loss = np.asarray(loss)
        steps = np.unique(np.geomspace(1, min(len(loss) - 1, 5000 / lr), 500).astype(int))  # up to lr × step 5000
        label = f"lr {lr:g}" + (f": fit at lr × step {lr * fits[lr]:.0f} (large dot)" if lr in overshooting else "")
        ax.loglog(lr * steps, loss[steps], color=colours[lr], lw=widths[lr], ls="--" if lr in overshooting else "-", label=label)
        size = 12 if lr in overshooting else 2 * widths[lr] + 3
        ax.plot(lr * fits[lr], loss[fits[lr]], "o", color=colours[lr], ms=size, mec=BLACK, zorder=3)
    if small:
        at = [lr * fits[lr] for lr in small]
        ax.annotate(f"lr {min(small):g} to {max(small):g} fit at\nlr × step {min(at):.0f} to {max(at):.0f}\n(ringed dots, one\n"
                    "inside another)", (at[0], np.asarray(losses[small[0]])[fits[small[0]]]), xytext=(-15, 105), ha="center",
                    textcoords="offset points", fontsize=10, va="center", arrowprops={"arrowstyle": "->"})
    for lr in overshooting:  # its own label, down and left, clear of the ringed dots
        ax.annotate(f"lr {lr:g}", (lr * fits[lr], np.asarray(losses[lr])[fits[lr]]), xytext=(-10, -10), ha="right",
                    va="top", textcoords="offset points", fontsize=10)
    ax.set(xlabel="lr × step (log scale)", ylabel="cost (sse, log scale)", title=title)
    ax.legend(loc="lower left", fontsize=10)
    ax.minorticks_off()  # fewer ticks: the major ones label every power of 10
    return fig


def plateau_signs(runs, exits, steps=3000, colours=LINE_COLOURS, limit=1.0):
    """Notebook 05's 2c figure: for tied constant starts, omega_1 = W_2[0, 0], omega_2 = W_2[0, 1] and
    gap(a^2) = a^2[0, 0] - a^2[1, 0] (notebook 04's name) against the step, one panel per quantity, one colour and line style per start.

    runs: {c: (iterations (T,), omegas (T, 2), difference (T,))}, at most three starts (solid, dashed, dash-dot);
    a run recorded more sparsely than every step is drawn with a dot at each recorded step, and its legend entry
    says how often. exits: {c: the start's exit step}, a thin dotted vertical line in its colour across the panels.
    Each start's step-0 omegas get a diamond in its colour, and the step axis a margin left of step 0: a start's first
    steps can move its omegas far (c = 0.5's fall from 0.5), and on the spine that nearly vertical fall would hide.
    colours: one per start, in the order of ``runs`` (a start keeps its colour from figure to figure).
    The omega panels show -limit to limit (their labels say so); the difference panel is symmetric-log (linear
    within 0.001 of 0) from -1 to 1, the whole range of a difference of two sigmoids, so its sign stays visible while it is small; its label and a note beside it say so in words,
    the note that a curve's bend at ±0.001 is the axis's. Returns the figure.
    """
    steps = as_count("steps", steps, minimum=1)
    limit = as_real("limit", limit)
    styles = ("-", "--", (0, (6, 2, 1, 2)))  # solid, dashed, dash-dot: dotted is the exits'
    if not runs or len(runs) > min(len(styles), len(colours)) or set(exits) != set(runs) or limit <= 0:
        raise ValueError(f"runs must hold 1 to {len(styles)} starts, each with an exit, and limit be positive; got "
                         f"{sorted(runs)}, {sorted(exits)}, limit {limit}")
    fig, axes = new_figure((9, 6.2), nrows=3, sharex=True)
    fig.subplots_adjust(left=0.14, right=0.72, bottom=0.09, top=0.94, hspace=0.12)
    handles = []
    for k, (c, (iterations, omegas, difference)) in enumerate(runs.items()):
        iterations, omegas, difference = (np.asarray(v, dtype=float) for v in (iterations, omegas, difference))
        if iterations.ndim != 1 or omegas.shape != (len(iterations), 2) or difference.shape != iterations.shape:
            raise ValueError(f"c = {c}: iterations (T,), omegas (T, 2) and difference (T,) must agree, got "
                             f"{iterations.shape}, {omegas.shape}, {difference.shape}")
        shown = iterations <= steps
        every = int(np.diff(iterations[:2])[0]) if len(iterations) > 1 else 1
        style = dict(color=colours[k], ls=styles[k], lw=1.8)
        if every > 1:
            style |= dict(marker="o", ms=3.5)
        for ax, values in zip(axes, (omegas[:, 0], omegas[:, 1], difference)):
            ax.plot(iterations[shown], values[shown], **style)
            ax.axvline(exits[c], color=colours[k], ls=":", lw=1.2)
        for ax, value in zip(axes[:2], omegas[0]):  # step 0, off the spine (the margin below): its first steps' fall shows
            ax.plot([iterations[0]], [value], ls="", marker="D", ms=7, color=colours[k], mec="white", mew=0.8, zorder=5)
        label = f"c = {c:g}" + (f"\n(dots: recorded\nevery {every} steps)" if every > 1 else "")
        handles.append(Line2D([], [], label=label, **style))
    for ax, name in zip(axes, (rf"$\omega_1$ (cut at $\pm${limit:g})", rf"$\omega_2$ (cut at $\pm${limit:g})",
                               "gap($a^2$) = $a^2[0, 0] - a^2[1, 0]$\n(linear within ±0.001,\nlogarithmic beyond)")):
        ax.axhline(0, color="0.6", lw=0.8, zorder=0)
        ax.set_ylabel(name)
    for ax in axes[:2]:
        ax.set_ylim(-limit * 1.05, limit * 1.05)
    axes[2].set_yscale("symlog", linthresh=1e-3)
    axes[2].set_ylim(-1, 1)  # a difference of two sigmoids lies within ±1: curves near ±0.5 stay off the edges
    axes[2].set_yticks([-1, -0.1, -0.01, -0.001, 0, 0.001, 0.01, 0.1, 1], ["-1", "-0.1", "-0.01", "-0.001", "0", "0.001", "0.01", "0.1", "1"])
    axes[2].minorticks_off()
    axes[2].set_xlabel("step")
    axes[2].set_xlim(-steps * 0.02, steps * 1.02)  # a margin left of step 0: the first steps' fall drawn off the spine
    handles += [Line2D([], [], color="0.3", ls="", marker="D", ms=7, mec="white",
                       label="diamond: step 0, where\n$\\omega_1 = \\omega_2 = c$; the\nfirst steps' fall from\nit is nearly vertical"),
                Line2D([], [], color="0.3", ls=":", lw=1.2, label="thin dotted, in a\nstart's colour: its exit\n(loss first below 0.2)"),
                Line2D([], [], color="0.6", lw=0.8, label="grey: 0")]
    fig.legend(handles=handles, loc="center left", bbox_to_anchor=(0.73, 0.5), frameon=False, labelspacing=1.0)
    fig.text(0.74, axes[2].get_position().y0, "bottom panel: a curve's\nbend at ±0.001 comes\nfrom the axis (linear\ninside, logarithmic\noutside), not the run",
             ha="left", va="bottom", color="0.2")  # the symmetric-log axis, explained beside it
    axes[0].set_title("tied constant starts: each output's weight and gap($a^2$)")
    return fig


def plateau_cost(costs, fit_step, shared_row=0.4, zoom=(100, 5000)):
    """Notebook 03's section 8 figure: a run's cost at every step (``costs[step]``) on a log scale, the shared row's
    cost as a thin light dashed line over the curve (both stay visible where they meet), a dot at ``fit_step``; an
    inset draws steps ``zoom[0]`` to ``zoom[1]`` on a linear scale, where a plateau's drift below the shared row shows."""
    costs, fit_step, (first, last) = np.asarray(costs, dtype=float), int(fit_step), zoom
    fig, ax = new_figure((6, 3.3), layout="constrained")
    zoomed = ax.inset_axes([0.15, 0.2, 0.57, 0.42])
    for panel, steps in ((ax, np.arange(len(costs))), (zoomed, np.arange(first, last + 1))):
        panel.plot(steps, costs[steps], color=BLUE, lw=2.5)
        panel.axhline(shared_row, color="#999999", ls="--", lw=1, zorder=3)  # thin and light, over the thicker curve
    ax.set_yscale("log")
    ax.text(150, shared_row * 1.6, f"grey dashed: shared row (cost {shared_row:g})", va="bottom")  # clear of the line
    ax.plot(fit_step, costs[fit_step], "o", color=VERMILLION, zorder=4)
    ax.annotate("fits", (fit_step, costs[fit_step]), xytext=(-34, -4), textcoords="offset points")
    ax.set(xlabel="step", ylabel="cost C (log scale)", title="all ones: the cost at every step (blue); dot: first step that fits")
    zoomed.set(xlim=(first, last), ylim=(shared_row - 0.02, shared_row + 0.005), xticks=[first, *range(1000, last + 1, 1000)])
    zoomed.set_xlabel("step", fontsize=9, labelpad=1)
    zoomed.set_ylabel("cost C", fontsize=9, labelpad=6)
    zoomed.text(0.03, 0.08, "zoom: linear scale", transform=zoomed.transAxes, fontsize=9)
    zoomed.tick_params(labelsize=9)
    return fig


def plateau_timeline(steps, u, switch, u0_step, u1_step, band=(1600, 1800)):
    """Notebook 04's plateau timeline (all ones, tied): the 2-1-1-2's last weights on top, A - B (about 100 times
    C's change when gap(a^2) widens 1%) below, both on symlog axes (linear near 0, so the sign changes show; log beyond).

    steps: (n,) recorded steps; u: (n, 2), u[k] at those steps; switch: (n,) the lower curve, drawn from row 10 on
    (step 100 when every 10th step is recorded); u0_step, u1_step: ints, the steps where u[0] first falls below 0 and
    u[1] first rises above 0 (a green line each, labelled in the top panel); band: (start, end) steps between which
    a wider gap starts to lower C (a green band, labelled in the bottom panel). Returns the figure.
    """
    steps, u, switch = np.asarray(steps), np.asarray(u), np.asarray(switch)
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 5), gridspec_kw={"left": 0.11, "right": 0.97, "bottom": 0.1, "top": 0.93, "hspace": 0.08})  # a fixed layout: quick to draw
    for k, colour, style in ((0, BLUE, "-"), (1, ORANGE, "--")):
        top.plot(steps, u[:, k], color=colour, lw=2, ls=style, label=f"$u[{k}]$")
    bottom.plot(steps[10:], switch[10:], color=BLACK, lw=1.5)
    for panel, edge, scale in ((top, 1, 1.5), (bottom, 1e-3, 1)):  # symlog: linear within edge of 0, log beyond
        panel.set_yscale("symlog", linthresh=edge, linscale=scale)
        panel.hlines([-edge, 0, edge], 0, 1, transform=panel.get_yaxis_transform(), colors="#707070", lw=0.8, linestyles=[":", "-", ":"])  # zero; dotted: where linear turns log
    top.set(ylabel="$u[k]$ (symlog)", ylim=(-13, 30), yticks=[-10, -1, 0, 1, 10], yticklabels=["-10", "-1", "0", "1", "10"], title="the plateau's timeline (all ones)")
    bottom.set(xlabel="step", ylabel="$A - B$ (≈ 100 × the\nwider-gap change, symlog)", ylim=(-0.3, 0.003), yticks=[-0.1, -0.01, -0.001, 0, 0.001], yticklabels=["-0.1", "-0.01", "-0.001", "0", "0.001"])
    line_labels = {"ha": "left", "va": "top", "fontsize": 9, "color": GREEN, "transform": top.get_xaxis_transform()}  # y in axes units
    top.text(u0_step + 60, 0.95, f"{u0_step}: $u[0] < 0$", **line_labels)
    for panel in (top, bottom):
        panel.axvline(u0_step, color=GREEN, lw=1, ls="-.")
    bottom.text(band[1] + 60, 0.0004, f"a wider gap lowers $C$ from a step between {band[0]} and {band[1]}", ha="left", va="center", fontsize=9, color=GREEN)
    for panel in (top, bottom):
        panel.axvspan(*band, color=GREEN, alpha=0.25, lw=0)
    top.text(u1_step + 60, 0.95, f"{u1_step}: $u[1] > 0$", **line_labels)
    for panel in (top, bottom):
        panel.axvline(u1_step, color=GREEN, lw=1, ls="-.")
    top.legend(loc="upper center", ncol=2, fontsize=10)  # above the lines: from step 1000 to 5000 both u[k] are below 1
    return fig


def tied_cost(steps, loss, floor, fit_step, plateau_end, zoom_to=5000):
    """Notebook 04, section 8a: the all-ones run's cost (left, log scale) and a zoom on the plateau (right, linear).

    steps: (T,) the steps 0 .. T-1; loss: (T,) the cost at each; floor: the best shared row's cost, a dashed line
    (thin and under the curve on the left, over it in the zoom, labelled there); fit_step, plateau_end: ints, a
    dashed and a dotted vertical line on the left. The zoom draws steps 0 to ``zoom_to``, cost floor ± 0.004/0.002.
    Returns the figure."""
    steps, loss = np.asarray(steps), np.asarray(loss, dtype=float)
    if steps.shape != loss.shape or steps.ndim != 1:
        raise ValueError(f"steps and loss must be (T,) each, got {steps.shape} and {loss.shape}")
    fig, (ax, zoom) = plt.subplots(1, 2, figsize=(11, 3.6), layout="constrained", width_ratios=[3, 2])
    ax.semilogy(*thin_curve(steps, loss, 600), color=BLACK, lw=2.5, zorder=6, label="cost, all-ones start")
    ax.axvline(fit_step, color=BLUE, lw=1.5, ls="--", label="every output within 0.01")
    ax.axvline(plateau_end, color=GREEN, lw=1.5, ls=":", label="plateau ends (cost < 0.3)")
    zoom.plot(*thin_curve(steps[:zoom_to + 1], loss[:zoom_to + 1], 400), color=BLACK, lw=2.5)
    for panel, width, layer in ((ax, 1, 5), (zoom, 2, 7)):  # the floor: thin and under the curve on the left, above it in the zoom
        panel.axhline(floor, color=VERMILLION, lw=width, ls="--", zorder=layer, label=f"floor {floor:.1f}")
        panel.grid(alpha=0.3)
    zoom.text(0.99 * zoom_to, floor, f"floor {floor:.1f}", color=VERMILLION, ha="right", va="bottom", fontsize=10)
    ax.set(xlabel="step", ylabel="cost (sse, log scale)", title="the tied network at lr 0.5")
    zoom.set(xlabel="step", ylabel="cost (sse)", ylim=(floor - 0.004, floor + 0.002),
             title=f"zoom: cost {floor - 0.004:.3f} to {floor + 0.002:.3f}, steps 0 to {zoom_to}")
    ax.legend(loc="lower left", fontsize=10)
    ax.minorticks_off()  # fewer ticks to draw: the major ones label every power of 10
    return fig


def layer2_gap_and_z(steps, a2, floor_step):
    """Notebook 04, section 8a: a tied run's layer 2, gap(a^2) and the mean slope a(1 - a) (left, log scale) and the
    mean of its z (right), each with a grey dotted line at ``floor_step`` (where the cost crosses the floor).

    steps: (T,) recorded steps; a2: (T, 2, n) layer 2's activations at those steps, two observations (gap: unit [0]'s
    a2[:, 0, 0] - a2[:, 1, 0], positive); floor_step: int. Each legend sits below its panel. Returns the figure."""
    steps, a2 = np.asarray(steps), np.asarray(a2, dtype=float)
    if steps.ndim != 1 or a2.ndim != 3 or a2.shape[:2] != (len(steps), 2):
        raise ValueError(f"steps (T,) and a2 (T, 2, n) must agree, got {steps.shape} and {a2.shape}")
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.8))
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.32, top=0.92, wspace=0.22)  # a fixed layout: quick to draw
    left.semilogy(steps, a2[:, 0, 0] - a2[:, 1, 0], color=BLUE, lw=2, label="gap($a^2$)")
    left.semilogy(steps, (a2 * (1 - a2)).mean(axis=(1, 2)), color=ORANGE, lw=2, ls="--", label="layer-2 mean slope")
    right.plot(steps, np.log(a2 / (1 - a2)).mean(axis=(1, 2)), color=BLACK, lw=2, label="mean of layer 2's $z$")
    for panel in (left, right):  # each legend below its panel, off the lines
        panel.axvline(floor_step, color="#707070", lw=1.5, ls=":", label="$C$ crosses the floor")
        panel.set_xlabel("step")
        panel.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=2, fontsize=10)
    ticks = [0.003, 0.01, 0.03, 0.1, 0.3]
    left.set(ylabel="gap, slope (log scale)", title="layer 2: gap and mean slope", yticks=ticks, yticklabels=[f"{t:g}" for t in ticks])
    right.set(ylabel="mean of layer 2's $z$", title="layer 2: mean $z$")
    left.minorticks_off()  # fewer ticks to draw
    return fig


def sum_or_mean(sse, mse, m, lrs=(2, 4)):
    """Notebook 04, section 10 (optional): one start's ``sse`` cost at lr ``lrs[0]`` (a wide sky line) and its ``mse``
    cost at ``lrs[0]`` (dashed) and ``lrs[1]`` (dotted, on the wide line), the mean drawn times ``m`` (so as a sum), on
    log axes from step 1 to the mse runs' last step.

    sse: (T,) the sum cost at steps 0 .. T-1; mse: (2, T') the mean cost of the two runs, T' <= T; m: the number of
    observations. Returns the figure."""
    sse, mse = np.asarray(sse, dtype=float), np.asarray(mse, dtype=float)
    if sse.ndim != 1 or mse.ndim != 2 or len(mse) != 2 or mse.shape[1] > len(sse) or mse.shape[1] < 2:
        raise ValueError(f"sse must be (T,) and mse (2, T') with 2 <= T' <= T, got {sse.shape} and {mse.shape}")
    fig, ax = plt.subplots(figsize=(8, 3.6), layout="constrained")
    last = mse.shape[1] - 1
    steps = np.unique(np.geomspace(1, last, 400).astype(int))
    ax.loglog(steps, sse[steps], color=SKY, lw=6, label=f"sse, lr {lrs[0]:g}")
    ax.loglog(steps, m * mse[0, steps], color=VERMILLION, lw=2, ls="--", label=f"mse, lr {lrs[0]:g}")
    ax.loglog(steps, m * mse[1, steps], color=BLACK, lw=1.5, ls=":", label=f"mse, lr {lrs[1]:g} (on the wide line)")
    ax.set(xlabel="step (log scale)", ylabel="cost (sse, log scale)", title=f"sum or mean cost (seed 0); mse drawn times m = {m:g}")
    ax.legend(loc="lower left", fontsize=10)
    ax.minorticks_off()  # fewer ticks to draw: the major ones label every power of 10
    return fig


def both_starts(tied, untied, ylim_top=4.3):
    """Notebook 04, section 11: ``weights_tied_and_random(tied, untied)`` with notes for a first reading. In the top
    row a grey "step 1500" (the untied run's last step) beside each grey line and a tick every 5000 steps; top right
    (the last layer), a ring and a dot at its first two lines' step-0 values and a note on them, above the lines
    (y up to ``ylim_top``), the grey line stopping below the note's arrow.

    tied, untied: histories with recorded weights (see ``weights_tied_and_random``); the tied run's last layer
    should start with its two columns equal (the note says so). Returns the figure."""
    fig = weights_tied_and_random(tied, untied)
    top, last = fig.axes[:3], fig.axes[2]
    stop = untied.iterations[-1]
    last.set_ylim(top=ylim_top)  # room above the lines for the note
    next(line for line in last.lines if line.get_xdata()[0] == stop).set_ydata([0, 0.7])  # the grey line stops below the note's arrow
    for line, size in zip(last.lines[:2], (12, 5)):  # each column's step-0 point: the first's ring round the second's dot
        last.plot(0, line.get_ydata()[0], "o", ms=size, mew=2, color=line.get_color(), mfc="none" if size > 5 else line.get_color(), zorder=4)
    start = last.lines[0].get_ydata()[0]
    last.annotate(f"both columns start at {start:g} (blue\nring, orange dot) and drop at\nonce; orange's drop hides blue's", xy=(0, start),
                  xytext=(stop + 400, ylim_top - 0.9), va="center", fontsize=9, bbox={"fc": "white", "ec": "none"},
                  arrowprops={"arrowstyle": "->"})  # right of the grey line
    for panel, y in zip(top, (0.98, 0.98, 0.02)):  # the grey line's label; top right: below the note
        panel.text(stop, y, f" step {stop}", transform=panel.get_xaxis_transform(), rotation=90, va="top" if y > 0.5 else "bottom",
                   fontsize=9, color="#707070")
    for panel in top:  # a tick every 5000 steps
        panel.set_xticks(range(0, int(tied.iterations[-1]) + 1, 5000))
    return fig


def show_weight_labels(ax, shown):
    """Hide every weight label of a network diagram on ``ax`` except those whose text is in ``shown``
    (e.g. four outer edges, enough to show the convention); unit and bias labels stay."""
    shown = set(shown)
    for label in ax.texts:
        if label.get_text().startswith("$W") and label.get_text() not in shown:
            label.set_visible(False)


def __getattr__(name):
    # the explorer's figure lives beside the explorer; its old home keeps working
    if name in ("TrainingFigure", "plot_training"):
        from . import widgets

        return getattr(widgets, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
