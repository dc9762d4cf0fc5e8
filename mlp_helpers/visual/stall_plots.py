"""Notebook 06's figures: the two costs' phases, the depth ratios, the dead-unit directions and a dying layer.

Each function takes arrays the notebook has computed (no training here) and returns a finished figure with fixed
margins (quicker to draw than a layout engine); none calls ``plt.show()`` (use ``plots.show``).
"""

import numpy as np
from matplotlib.patches import Arc, Wedge

from . import plots

_COST_STYLE = {"sse": (plots.BLUE, "SSE"), "cross_entropy": (plots.VERMILLION, "cross-entropy")}
_DEPTH_STYLE = {"sigmoid": (plots.BLUE, "o", "-", "sigmoid (LeCun)"), "tanh": (plots.ORANGE, "s", "--", "tanh (Glorot)"),
                "relu": (plots.GREEN, "^", ":", "ReLU (He)")}


def _milestones(name, meas):
    for field in ("enter", "leave", "fit", "approach"):
        if not hasattr(meas, field):
            raise TypeError(f"{name} must have enter, leave, fit and approach (stalls.fit_and_plateau), got {meas!r}")
    if not 0 <= meas.enter <= meas.leave <= meas.fit:
        raise ValueError(f"{name} must have 0 <= enter <= leave <= fit, got {meas.enter}, {meas.leave}, {meas.fit}")


def cost_phases(runs, limit=15000):
    """Section 1's figure: each run's SSE against step (log scale; cross-entropy dashed, with triangles on the
    stretch it shares with SSE's line), a dot at each fit and a tick at each "to", over a strip of the phases
    (dark: the plateau, light: the last approach).

    runs: ``{"sse": (steps, sse, meas), "cross_entropy": (steps, sse, meas)}``: steps and sse (T,) each, every
    recorded step and that run's SSE there; meas: the run's milestones (``stalls.fit_and_plateau``: enter, leave,
    fit, approach). limit: the last step on the axis. Returns the figure.
    """
    if set(runs) != set(_COST_STYLE):
        raise ValueError(f"runs must have the keys 'sse' and 'cross_entropy', got {sorted(runs)}")
    for key, (steps, sse, meas) in runs.items():
        _milestones(f"runs[{key!r}]'s meas", meas)
        if np.shape(steps) != np.shape(sse) or np.ndim(sse) != 1 or len(sse) <= meas.fit:
            raise ValueError(f"runs[{key!r}] must hold steps and sse of one shape (T,), T above its fit step; "
                             f"got {np.shape(steps)} and {np.shape(sse)}")
    fig, (ax, strip) = plots.new_figure((8, 4.6), nrows=2, ncols=1, sharex=True, height_ratios=(3.2, 1.3))
    fig.subplots_adjust(left=0.1, right=0.98, bottom=0.12, top=0.92, hspace=0.08)
    for key in ("sse", "cross_entropy"):
        steps, sse, meas = runs[key]
        sse = np.asarray(sse, dtype=float)
        colour, label = _COST_STYLE[key]
        if key == "sse":
            ax.plot(steps, sse, color=colour, lw=2, label=f"{label} run", ls="-", zorder=2)
        else:  # on top, thinner, dashed; triangles on the shared stretch only
            ax.plot(steps, sse, color=colour, lw=1.5, label=f"{label} run (its SSE)", ls="--", zorder=2.5,
                    marker="^", ms=6, markevery=range(250, meas.leave, 250))
        ax.plot(meas.fit, sse[meas.fit], "o", color=colour, ms=8, zorder=3)
        ax.plot(meas.leave, sse[meas.leave], "|", color=colour, ms=18, mew=2.5, zorder=5)  # "to": a tick across the curve
        if key == "sse":  # both runs start at the top of the frame: say where
            ax.text(250, 1.2, f"step 0: SSE {sse[0]:.3f}; at or below 0.41 by step {meas.enter} (SSE run) and "
                    f"{runs['cross_entropy'][2].enter} (cross-entropy run): too fast to see", va="center", fontsize=9)
        row = {"sse": 1, "cross_entropy": 0}[key]  # each run's bar in its own row of the strip
        strip.plot([meas.enter, meas.leave], [row] * 2, color=colour, lw=12, solid_capstyle="butt")  # the plateau
        strip.plot([meas.leave, meas.fit], [row] * 2, color=colour, lw=12, alpha=0.3, solid_capstyle="butt")  # the last approach
        # each label on white: right of its bar (cross-entropy), or above it where the bar reaches the right edge (SSE)
        at = (meas.fit + 150, row) if key == "cross_entropy" else (meas.enter + 150, row + 0.45)
        strip.text(*at, f"{label}: plateau {meas.enter}–{meas.leave} (dark), last approach {meas.leave}–{meas.fit} "
                   f"({meas.approach} steps, light)", color=colour, fontsize=9, va="center")
        if key == "cross_entropy":  # its run stops early: mark the end
            ax.plot([steps[-1]] * 2, [1e-6, 3e-6], color=colour, lw=2)
            ax.text(steps[-1] + 150, 1.3e-6, f"cross-entropy run stopped at step {steps[-1]}", fontsize=9, color=colour,
                    va="bottom")
    ax.axhline(0.4, color=plots.BLACK, ls=":", lw=1.2, zorder=4)  # black dotted, over the lines that lie on it
    ax.text(6100, 0.3, "plateau 0.4 (dotted); ticks: each \"to\";\ntriangles: cross-entropy, on SSE's line",
            va="top", fontsize=9.5)  # right of step 6000: clear of SSE's drop
    ax.set(yscale="log", xlim=(0, limit), ylim=(1e-6, 2), ylabel="SSE",
           title="all-ones start, lr 0.5 (dots: every output within 0.01 of its target)")
    strip.set(ylim=(-0.6, 1.75), yticks=[], xlabel="step", ylabel="phases")  # the strip's rows carry no value
    strip.text(limit - 100, -0.45, "each dark bar ends at \"to\": the first SSE below 0.39", ha="right", va="center",
               fontsize=9)
    ax.legend(loc="upper right", bbox_to_anchor=(1, 0.66))
    return fig


def depth_ratios(ratios, factors):
    """Section 2's figure: rms delta^l[i] / rms delta^L[i] (one observation's delta) against the layer l, log scale,
    one line per activation, each labelled with its factor per layer and its value at the last hidden layer.

    ratios: ``{f: (L,) array}`` for f among "sigmoid", "tanh", "relu", the medians for layers 1 to L (the last,
    the output, is 1); factors: ``{f: float}``, each one's factor per layer back. Returns the figure.
    """
    if not ratios or set(ratios) - set(_DEPTH_STYLE) or set(ratios) != set(factors):
        raise ValueError(f"ratios and factors must have the same keys among {sorted(_DEPTH_STYLE)}, got "
                         f"{sorted(ratios)} and {sorted(factors)}")
    ratios = {f: np.asarray(r, dtype=float) for f, r in ratios.items()}
    depth = len(next(iter(ratios.values())))
    if depth < 3 or any(r.shape != (depth,) or np.any(r <= 0) for r in ratios.values()):
        raise ValueError(f"ratios must be positive arrays of one shape (L,), L at least 3, got "
                         f"{[r.shape for r in ratios.values()]}")
    fig, ax = plots.new_figure((7, 4.2))
    fig.subplots_adjust(left=0.13, right=0.98, bottom=0.12, top=0.92)
    for f, delta in ratios.items():
        colour, marker, style, name = _DEPTH_STYLE[f]
        ax.plot(np.arange(1, depth + 1), delta, marker=marker, ls=style, color=colour, lw=2, label=name,
                **({"ms": 9, "mfc": "none", "mew": 1.5} if f == "tanh" else {}))  # hollow and larger: ReLU's show inside
        ax.annotate(f"×{factors[f]:.2g} per layer back ({depth - 1} → 1, per observation)", (1, delta[0]), va="center",
                    xytext={"sigmoid": (10, 0), "tanh": (8, -10), "relu": (8, 12)}[f], textcoords="offset points",
                    color=colour, fontsize=9)  # ReLU's 12 points up: clear of its dotted line
        # the value at the last hidden layer: the sigmoid's right of its marker; tanh's and ReLU's stacked above theirs
        ax.annotate(f"{delta[-2]:.2g}", (depth - 1, delta[-2]), xytext={"sigmoid": (6, -3), "tanh": (0, 16), "relu": (0, 7)}[f],
                    textcoords="offset points", ha="left" if f == "sigmoid" else "center",
                    va="top" if f == "sigmoid" else "bottom", color=colour, fontsize=9)
    ax.minorticks_off()  # many decades: the major ticks are enough
    ax.set(yscale="log", ylim=(None, 6), xticks=range(1, depth + 1), xlabel=f"layer $l$ ({depth} = output)",
           ylabel=f"rms $\\delta^l[i]$ / rms $\\delta^{{{depth}}}[i]$, per observation $i$",
           title=f"step 0, {depth} weight layers, 50 random starts, cross-entropy (medians)")
    ax.legend(loc="lower right")
    return fig


def off_directions(phi):
    """Section 4's diagram: the directions of v in the plane of u[0] and u[1], the angle phi (degrees) apart; the
    arc where each observation switches the unit off (u[i] . v < 0), the overlap where both do (hatched, with a
    thick arc and its share (180 - phi)/360), each boundary line u[i] . v = 0. Returns the figure."""
    phi = float(phi)
    if not 0 < phi < 180:
        raise ValueError(f"phi must be an angle in degrees between 0 and 180, got {phi}")
    fig, ax = plots.new_figure((5.6, 3.4))
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.01, top=0.9)
    # four regions, each filled once (no blends): off for u[0] only, for u[1] only, for both, on for both
    ax.add_patch(Wedge((0, 0), 1, 90, 90 + phi, color=plots.SKY, alpha=0.5, lw=0))  # u[0] . v < 0 only
    ax.add_patch(Wedge((0, 0), 1, 270, 270 + phi, color=plots.ORANGE, alpha=0.5, lw=0))  # u[1] . v < 0 only
    # both off: plots.PURPLE, the palette's reddish purple, which shows pink (the notebook says pink)
    ax.add_patch(Wedge((0, 0), 1, 90 + phi, 270, facecolor=plots.PURPLE, alpha=0.6, hatch="//", edgecolor="white", lw=0))
    ax.add_patch(Wedge((0, 0), 1, 270 + phi, 450, color=plots.GREEN, alpha=0.25, lw=0))  # both > 0
    ax.add_patch(Wedge((0, 0), 1.1, 90 + phi, 270, width=0.08, color=plots.PURPLE, lw=0))  # both: the thick arc
    ax.add_patch(Arc((0, 0), 0.9, 0.9, theta1=0, theta2=phi, color=plots.BLACK))
    for angle, name, colour in ((0, "u[0]", plots.BLUE), (phi, "u[1]", plots.ORANGE)):
        c, s = np.cos(np.radians(angle)), np.sin(np.radians(angle))
        ax.annotate("", (c, s), (0, 0), arrowprops=dict(arrowstyle="-|>", color=colour, lw=2))
        ax.text(1.05 * c, 1.05 * s, name, color=colour, fontsize=11, va="center")
    ax.text(0.47, np.sin(np.radians(phi / 2)) * 0.47, f"φ = {phi:.0f}°", fontsize=9, va="center")  # between the arrows
    for angle, name, colour in ((90, "u[0]", plots.BLUE), (90 + phi, "u[1]", plots.ORANGE)):  # each boundary, through 0
        c, s = np.cos(np.radians(angle)), np.sin(np.radians(angle))
        ax.plot([-c, c], [-s, s], ls="--", lw=1.5, color=colour, label=f"{name} · v = 0")
    ax.legend(loc="lower left", fontsize=9, frameon=False)
    ax.text(-0.1, 1.05, "off for u[0] only:\nu[0] · v < 0, u[1] · v > 0", color=plots.BLUE, fontsize=10, ha="right")
    ax.text(0.3, -1.15, "off for u[1] only:\nu[1] · v < 0, u[0] · v > 0", color=plots.ORANGE, fontsize=10, va="top")
    ax.text(0.75, -0.45, "on for both\nobservations", fontsize=10, va="center", color=plots.GREEN)
    ax.text(-1.2, 0, f"both off (thick arc):\n{180 - phi:.0f}°/360° = {(180 - phi) / 360:.0%}", color=plots.PURPLE,
            fontsize=11, ha="right", va="center")
    ax.set(xlim=(-2.4, 2.0), ylim=(-1.45, 1.3), aspect="equal",
           title="directions of v, step 0: its part in the plane of u[0] and u[1]")
    ax.axis("off")
    return fig


def first_layer_z(steps, z, title):
    """Section 4's trace of a dying first layer: z^1[i, j] against step, one colour per unit j (at most 3), solid
    for row 0 and dashed for row 1, with the dotted z = 0 and the units' key outside the axes.

    steps: (T,) the recorded steps; z: (T, 2 rows, units) z^1 at each; title: the axes' title. Returns the figure.
    """
    z = np.asarray(z, dtype=float)
    if z.ndim != 3 or z.shape[0] != len(steps) or z.shape[1] != 2 or not 1 <= z.shape[2] <= 3:
        raise ValueError(f"z must be (T, 2, units) with T = len(steps) and 1 to 3 units, got {z.shape} for "
                         f"{len(steps)} steps")
    fig, ax = plots.new_figure((6, 2.5))
    fig.subplots_adjust(left=0.1, right=0.8, bottom=0.18, top=0.88)
    lines = []
    for j, colour in zip(range(z.shape[2]), (plots.BLUE, plots.ORANGE, plots.GREEN)):  # one colour per unit
        for i, style in ((0, "-"), (1, "--")):  # one line style per observation: row 0 solid, row 1 dashed
            lines += ax.plot(steps, z[:, i, j], color=colour, ls=style, lw=1.5)
    ax.axhline(0, color=plots.BLACK, ls=":", lw=1.2)
    ax.legend(lines[::2], [f"unit {j + 1}" for j in range(z.shape[2])], loc="center left", bbox_to_anchor=(1.01, 0.5),
              fontsize=9, frameon=False)  # outside the axes: clear of the lines
    ax.set(xlabel="step", ylabel="z¹[i, j]", title=title)
    return fig
