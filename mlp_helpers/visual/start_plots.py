"""Notebook 05's figures of many starts: steps to fit, constant starts' exits and loss, nudged starts' spread, the
scale-by-rate grid.

Each function takes arrays the notebook has computed (no training here) and returns a finished figure; none
calls ``plt.show()`` (use ``plots.show``).
"""

import numpy as np
from matplotlib.colors import LogNorm
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import blended_transform_factory

from . import plots
from ..lessons import initialization as init
from ..validation import as_count


def fit_histogram(fits, limit=10000, late_from=8000, bin_width=250, title="1000 random starts, lr 0.5"):
    """Steps to fit of many starts: bars up to ``late_from``, one tick each for the later fits, a dashed median,
    and after an axis break (//) one bar for the starts not within ``limit`` steps.

    fits: (n,) steps to fit, ``inf`` for a start not within ``limit``. Returns the figure.
    """
    fits = np.asarray(fits, dtype=float)
    limit, late_from, bin_width = (as_count(name, v, minimum=1) for name, v in
                                   (("limit", limit), ("late_from", late_from), ("bin_width", bin_width)))
    if fits.ndim != 1 or not fits.size or late_from >= limit or np.any(fits[np.isfinite(fits)] > limit):
        raise ValueError(f"fits must be (n,) steps up to limit {limit} (inf: not within), late_from below limit; "
                         f"got shape {fits.shape}, late_from {late_from}")
    after = limit + limit // 5  # the not-within bar, past the break
    fig, ax = plots.new_figure((7, 3.2))
    fig.subplots_adjust(left=0.09, right=0.98, bottom=0.24, top=0.9)
    ax.hist(fits[fits <= late_from], bins=np.arange(0, late_from + 1, bin_width), color=plots.BLUE, edgecolor="white")
    stopped = int(np.isinf(fits).sum())
    ax.bar(after, stopped, width=limit / 20, color=plots.VERMILLION)
    ax.text(after, stopped + 2, f"{stopped} not\nwithin\n{limit}", ha="center", va="bottom", color=plots.VERMILLION)
    median = np.median(fits)
    across = blended_transform_factory(ax.transData, ax.transAxes)  # x in steps, y in axes fractions
    ax.axvline(median, color="black", ls="--", lw=1.5)
    ax.text(median + 150, 0.93, f"median {median:.0f}", transform=across, va="top")
    late = np.isfinite(fits) & (fits > late_from)
    if late.any():
        ax.plot(fits[late], np.full(late.sum(), 4), "|", color=plots.BLACK, ms=12, mew=1.5)  # a rug: one tick per late start
        lo, hi = fits[late].min(), fits[late].max()
        ax.plot([lo, lo, hi, hi], [14, 18, 18, 14], color="0.3", lw=1)  # a bracket over the late starts' ticks
        ax.text((lo + hi) / 2, 22, f"{late.sum()} fit late\n({late_from} to {limit}):\none tick each", ha="center", va="bottom")
    ticks = list(range(0, limit + 1, 2000))
    ax.set_xticks(ticks + [after], [str(t) for t in ticks] + [f"not within\n{limit}"])
    ax.text((limit + after) / 2, 0, "//", transform=across, ha="center", va="center", fontsize=13,
            backgroundcolor="white", clip_on=False)  # the axis break
    ax.set(xlabel="steps until every output is within 0.01", ylabel=f"starts per {bin_width}-step bin", title=title)
    return fig


def constant_losses(loss, constants, drawn=(0.0, 0.5, 1.0, 1.5), every=10):
    """Constant starts' loss against step (log scale, cut at 0.05), with the plateau 0.4 and the exit level 0.2.

    loss: (starts, T) every step's loss; constants: (starts,) each row's c; drawn: the four c drawn, in
    ``plots.LINE_COLOURS`` order (c = 0 thin with circles, 0.5 dash-dot with squares as in ``plots.plateau_signs``,
    1 thick dotted, 1.5 thin with triangles from step 3000); every: the step between drawn points. The first two
    curves' markers (``_marker_points``) alternate on the shared plateau, so they do not overlap. Returns the figure.
    """
    loss = np.asarray(loss, dtype=float)
    constants = [float(c) for c in constants]
    every = as_count("every", every, minimum=1)
    if loss.ndim != 2 or loss.shape[0] != len(constants) or len(drawn) != 4 or not set(drawn) <= set(constants):
        raise ValueError(f"loss must be (starts, T) with one constant per row and drawn four of them; got "
                         f"{loss.shape}, {len(constants)} constants, drawn {drawn}")
    fig, ax = plots.new_figure((8, 3.7))
    fig.subplots_adjust(left=0.14, right=0.8, bottom=0.22, top=0.91)
    t = np.arange(0, loss.shape[1], every)
    gap = max(len(t) // 15, 2)  # drawn points between two plateau markers of one curve; the two curves alternate
    marks = [_marker_points(loss[constants.index(float(c)), t], start, gap) for c, start in zip(drawn[:2], (gap // 2, gap))]
    styles = (dict(ls="-", lw=1.0, marker="o", markevery=marks[0], ms=5),
              dict(ls=(0, (6, 2, 1, 2)), marker="s", markevery=marks[1], ms=5),
              dict(ls=":", lw=2.6), dict(ls="-", lw=1.1, marker="^", markevery=(300, 90), ms=5))
    zorders = (5, 4, 6, 1)  # the dotted third over the first two, the fourth (triangles) under the rest
    for k, (colour, style, c) in enumerate(zip(plots.LINE_COLOURS, styles, drawn)):
        row = constants.index(float(c))
        ax.plot(t, loss[row, t], color=colour, **{"lw": 1.8, **style}, zorder=zorders[k],
                label=f"c = {c:g}\n(step 0: {loss[row, 0]:.2f})")
        if k < 2:  # the first two's marker edges again, over the dots, hollow: c = 1's dots show through them on the plateau
            ax.plot(t, loss[row, t], color=colour, ls="none", marker=style["marker"], markevery=style["markevery"],
                    ms=style["ms"], mfc="none", mew=1.2, zorder=7)
    for level, name, shift, va in ((0.4, "plateau 0.4", 1.12, "bottom"), (0.2, "0.2", 0.88, "top")):
        ax.axhline(level, color="0.85", lw=1.2, zorder=0)  # light and solid: no curve is drawn that way
        ax.text(0.99, level * shift, name, transform=blended_transform_factory(ax.transAxes, ax.transData), ha="right",
                va=va, color="0.3")  # off the line: a start on it (c = 1.5 on the plateau) does not run through the label
    ax.set(yscale="log", xlabel="step", ylabel="loss (sum of squared errors, log scale)", title="constant starts: loss against step",
           ylim=(0.05, 3))  # the plateau and the exits; below 0.05, the approach to a fit (cut)
    ax.set_yticks([0.05, 0.1, 0.2, 0.4, 1, 3], ["0.05", "0.1", "0.2", "0.4", "1", "3"])
    ax.legend(loc="lower left", bbox_to_anchor=(1.01, 0.0), frameon=False)
    fig.text(0.47, 0.015, "the drops from each step-0 loss (legend) to the plateau: the left-edge spike, steps 0 to 150",
             ha="center", va="bottom", color="0.25")  # the caption line
    return fig


def constant_exits(constants, exits, question=1.0, limit=15000):
    """Each constant start's first step with loss below 0.2: a dot per start that left, a triangle in a "not within
    <limit>" row past an axis break (//) for each start not within ``limit`` steps, the question's start circled.

    constants: (n,) each start's c; exits: (n,) its exit step, ``inf`` if not within ``limit``; question: the c
    circled. Returns the figure.
    """
    constants, exits = np.asarray(constants, dtype=float), np.asarray(exits, dtype=float)
    limit = as_count("limit", limit, minimum=1)
    if constants.ndim != 1 or exits.shape != constants.shape or np.any(exits[np.isfinite(exits)] > limit):
        raise ValueError(f"constants and exits must be (n,) with exits up to limit {limit} (inf: not within); "
                         f"got {constants.shape}, {exits.shape}")
    stopped_at, break_at, top = limit * 37 // 30, limit * 11 // 10, limit * 4 // 3  # 18500, 16500, 20000 at 15000
    fig, ax = plots.new_figure((6, 3.6))
    fig.subplots_adjust(left=0.22, right=0.97, bottom=0.3, top=0.91)  # room for the "not within" tick label
    done, circled = np.isfinite(exits), constants == question
    ax.plot(constants[done], exits[done], "o", color=plots.BLUE)
    ax.plot(constants[~done], np.full((~done).sum(), stopped_at), "v", color=plots.VERMILLION, ms=8)
    ax.plot(constants[circled], exits[circled], "o", ms=13, mfc="none", mec=plots.BLACK, mew=1.5)
    for x in (0, 1):  # the axis break (//) on both spines, as the histogram's
        ax.text(x, break_at, "//", transform=blended_transform_factory(ax.transAxes, ax.transData), ha="center",
                va="center", fontsize=13, backgroundcolor="white", clip_on=False)
    ax.set(xlabel="c (every weight and bias)", ylabel="step", title="constant start: first step with loss below 0.2",
           ylim=(0, top))
    ticks = list(range(0, limit + 1, 5000))
    ax.set_yticks(ticks + [stopped_at], [str(t) for t in ticks] + [f"not within {limit}"])
    ax.yaxis.set_label_coords(-0.14, 0.4)  # beside the short step ticks, below the long "not within" label
    fig.legend(handles=[Line2D([], [], ls="", marker="o", color=plots.BLUE, label="left the plateau at this step"),
                        Line2D([], [], ls="", marker="v", color=plots.VERMILLION, ms=8, label=f"not within {limit} steps"),
                        Line2D([], [], ls="", marker="o", ms=13, mfc="none", mec=plots.BLACK,
                               label=f"c = {question:g}, the question's start"),
                        Line2D([], [], ls="", marker="$//$", color=plots.BLACK, ms=12, label="axis break (stopped runs above)")],
               loc="lower center", ncols=2)
    return fig


def nudge_growth(steps, growth, epsilons, tied_exit):
    """How fast nearly tied units come apart: for each nudge size, the median over its draws of g(t)/g(0) against
    step (log scale), and a dotted line at the tied network's exit from the plateau.

    steps: (T,) the recorded steps; growth: (len(epsilons), draws, T) each draw's g(t)/g(0); epsilons: the nudge
    sizes drawn (at most four, in orange, sky blue, black, yellow); tied_exit: the tied run's exit step. Returns the figure.
    """
    steps, growth = np.asarray(steps, dtype=float), np.asarray(growth, dtype=float)
    if growth.ndim != 3 or growth.shape[0] != len(epsilons) or not 1 <= len(epsilons) <= 4 or growth.shape[2] != steps.size:
        raise ValueError(f"growth must be (sizes, draws, T) for 1 to 4 nudge sizes and T = {steps.size} steps; "
                         f"got {growth.shape} for {len(epsilons)} sizes")
    styles = [dict(ls="-", marker="o"), dict(ls="--", marker="s"), dict(ls=":", marker="^"), dict(ls="-.", marker="D")]
    fig, ax = plots.new_figure((8, 3.4))
    fig.subplots_adjust(left=0.1, right=0.8, bottom=0.15, top=0.9)
    for k, (eps, colour, style) in enumerate(zip(epsilons, (plots.ORANGE, plots.SKY, plots.BLACK, plots.YELLOW), styles)):
        ax.semilogy(steps, np.median(growth[k], axis=0), color=colour, lw=1.5, markevery=(6 * k, 30), ms=6,
                    label=f"ε = {eps:g}", **style)
    ax.axvline(tied_exit, color="0.5", ls=":", lw=1.2)
    ax.text(tied_exit + 150, 0.4, f"tied network\nleaves plateau\n(step {tied_exit:.0f})",
            transform=blended_transform_factory(ax.transData, ax.transAxes), va="top", ha="left", color="0.3")
    ax.set(xlabel="step t", ylabel=f"$g(t) / g(0)$\n(median over {growth.shape[1]} draws)",
           title="how fast nearly tied units come apart")
    fig.legend(loc="upper left", bbox_to_anchor=(0.81, 0.9), title="noise size")
    return fig


def _marker_points(curve, start, gap, levels=(0.3, 0.2, 0.14, 0.1, 0.07)):
    """Marker indices for one drawn loss curve: 0, every ``gap``-th point from ``start`` while the loss is at least
    ``levels[0]`` (the plateau), and the first point below each level (the drop).

    curve: (n,) the drawn points' losses. Returns a sorted list of indices into ``curve``.
    """
    curve = np.asarray(curve, dtype=float)
    plateau = [i for i in range(start, curve.size, gap) if curve[i] >= levels[0]]
    drops = [int(np.argmax(curve < level)) for level in levels if np.any(curve < level)]
    return sorted({0, *plateau, *drops})


def median_grid(medians, schemes, rates, sizes, seeds=30, limit=6000):
    """Median steps to fit per learning rate (rows) and kind of start (columns), a log-scale heat map with each
    value written in its cell (white on dark cells); a median not known (``inf``) is a hatched cell.

    medians: (len(rates), len(schemes)); schemes: fixed scales or "lecun", "glorot" (their columns name the
    range of s over the layers of ``sizes``); seeds: starts per cell; limit: the runs' step limit, the colour scale's top. Returns the figure.
    """
    medians = np.asarray(medians, dtype=float)
    seeds, limit = as_count("seeds", seeds, minimum=1), as_count("limit", limit, minimum=1)
    if medians.shape != (len(rates), len(schemes)) or not np.isfinite(medians).any():
        raise ValueError(f"medians must be (rates, schemes) = ({len(rates)}, {len(schemes)}) with a known value; "
                         f"got {medians.shape}")
    known = np.where(np.isfinite(medians), medians, np.nan)
    fig, ax = plots.new_figure((9, 3.4))
    fig.subplots_adjust(left=0.07, right=0.93, bottom=0.38, top=0.9)
    norm = LogNorm(vmin=np.nanmin(known), vmax=limit)
    image = ax.imshow(np.ma.masked_invalid(known), cmap="cividis", norm=norm, aspect="auto")
    for (i, j), value in np.ndenumerate(medians):
        if np.isfinite(value):
            r, g, b, _ = image.cmap(norm(value))
            dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5  # luminance: white text on dark cells, black on light ones
            ax.text(j, i, f"{value:g}", ha="center", va="center", color="white" if dark else "black", fontsize=10)
        else:
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="white", edgecolor="0.4", hatch="//"))
            ax.text(j, i, "median\nnot known", ha="center", va="center", color="black", fontsize=8,
                    bbox=dict(facecolor="white", edgecolor="none", pad=1))

    def column(s):
        if s not in ("lecun", "glorot"):
            return str(s)
        scales = init.layer_scales(sizes, s)
        return f"{s}\ns ≈ {min(scales):.2f}\nto {max(scales):.2f}"

    ax.set_xticks(range(len(schemes)), [column(s) for s in schemes])
    ax.set_yticks(range(len(rates)), [f"lr {r:g}" for r in rates])
    ax.set(xlabel="s: the standard deviation of the random start",
           title=f"median steps to fit ({seeds} seeds, at most {limit} steps)")
    bar = fig.colorbar(image, ax=ax, label="median steps (log scale)", fraction=0.05, pad=0.02)
    ticks = [t for t in (1500, 2000, 3000, 4000, 6000) if norm.vmin <= t <= limit]
    bar.set_ticks(ticks, labels=[str(t) for t in ticks])
    bar.minorticks_off()
    ax.legend(handles=[Patch(facecolor="white", edgecolor="0.4", hatch="//",
                             label=f"median not known: half or more of the {seeds} starts not within {limit} steps")],
              loc="upper center", bbox_to_anchor=(0.5, -0.42), frameon=False)
    return fig
