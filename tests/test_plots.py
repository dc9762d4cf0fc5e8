"""The figures carry the right artists: an edge per weight, names in the chosen notation,
tied units sharing a fill, overlapping trajectories drawn once, divergence marked."""

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import matplotlib.text  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

import mlp_helpers as mh  # noqa: E402
from mlp_helpers import cases, plots  # noqa: E402
from mlp_helpers.lessons.notation import bias_label, weight_label  # noqa: E402

CASES = [cases.sigmoid_2_3_3_2, cases.linear_2_2_1, cases.one_one_one]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def by_gid(fig, prefix):
    """Artists of ``fig`` whose gid starts with ``prefix``, keyed by the gid."""
    found = {}
    for artist in fig.findobj():
        gid = artist.get_gid()
        if gid and gid.startswith(prefix):
            found[gid] = artist
    return found


@pytest.mark.parametrize("make_case", CASES)
def test_one_edge_per_weight_labelled_in_the_case_notation(make_case):
    case = make_case()
    net = case.network()
    fig = mh.draw_network(net, notation=case.notation)
    edges = by_gid(fig, "w:")
    labels = by_gid(fig, "wlabel:")
    expected = {
        f"{l}:{i}:{j}" for l, W in enumerate(net.weights) for i in range(W.shape[0]) for j in range(W.shape[1])
    }
    assert {gid[2:] for gid in edges} == expected
    for gid, line in edges.items():
        l, i, j = map(int, gid[2:].split(":"))
        assert np.allclose(line.get_xydata()[:, 0], [2.2 * l, 2.2 * (l + 1)])
        name = weight_label(case.notation, l, i, j, latex=True, sizes=case.sizes)
        assert labels[f"wlabel:{gid[2:]}"].get_text() == f"${name}$"
    assert len(by_gid(fig, "unit:")) == sum(case.sizes)
    assert len(by_gid(fig, "b:")) == (sum(case.sizes[1:]) if case.bias else 0)


def test_seed_names_appear_on_the_diagram():
    fig = mh.draw_network(cases.linear_2_2_1().network(), notation="regression_question")
    texts = {t.get_text() for t in fig.findobj(matplotlib.text.Text)}
    assert {"$w_{111}$", "$w_{121}$", "$w_{211}$", "$w_{221}$", "$w_{112}$", "$w_{212}$"} <= texts
    assert {"$x_{1}$", "$z_{a2}$", "$y'$"} <= texts  # the question's z_{a1}, z_{a2}
    fig = mh.draw_network(mh.MLP([2, 2, 2]), notation="one_one_one")
    texts = {t.get_text() for t in fig.findobj(matplotlib.text.Text)}
    assert {f"$w_{{{k}}}$" for k in range(1, 9)} | {"$h_{1}$", "$o_{2}$", "$b_{4}$"} <= texts


def test_values_colour_and_width_follow_the_weights():
    net = mh.MLP([2, 3, 3, 2]).init_random(seed=4)
    fig = mh.draw_network(net, notation="tied_units", show_values=True)
    edges, labels, biases = by_gid(fig, "w:"), by_gid(fig, "wlabel:"), by_gid(fig, "b:")
    scale = max(np.abs(W).max() for W in net.weights)
    for gid, line in edges.items():
        l, i, j = map(int, gid[2:].split(":"))
        w = net.weights[l][i, j]
        assert to_hex(line.get_color()) == to_hex(plots.POSITIVE if w > 0 else plots.NEGATIVE)
        assert line.get_linewidth() == pytest.approx(0.8 + 4.2 * abs(w) / scale)
        name = weight_label("tied_units", l, i, j, latex=True)
        assert labels["wlabel:" + gid[2:]].get_text() == f"${name}$\n= {w:.3g}"  # the value on a second line
    assert biases["b:1:2"].get_text() == f"${bias_label('tied_units', 1, 2, latex=True)}$\n= {net.biases[1][2]:.3g}"


def fills(fig, layer, n):
    units = by_gid(fig, "unit:")
    return [to_hex(units[f"unit:{layer}:{j}"].get_facecolor()) for j in range(n)]


def test_a_tied_group_shares_one_highlight():
    case = cases.sigmoid_2_3_3_2()
    net, _ = case.train()
    fig = mh.draw_network(net, notation=case.notation)
    first, second = fills(fig, 1, 3), fills(fig, 2, 3)
    assert len(set(first)) == 1 and len(set(second)) == 1
    assert first[0] != to_hex("white") and second[0] != to_hex("white") and first[0] != second[0]
    assert fills(fig, 0, 2) == [to_hex("white")] * 2  # inputs are never "tied"
    untied = mh.draw_network(case.network().init_random(seed=0))
    assert fills(untied, 1, 3) == [to_hex("white")] * 3
    no_highlight = mh.draw_network(net, tied=False)
    assert fills(no_highlight, 1, 3) == [to_hex("white")] * 3


def test_two_groups_in_one_layer_get_two_fills():
    net = mh.MLP([1, 4, 1], bias=False)
    net.set_params([np.array([[1.0, 2.0, 1.0, 2.0]]), np.array([[3.0], [4.0], [3.0], [4.0]])])
    fig = mh.draw_network(net)
    f = fills(fig, 1, 4)
    assert f[0] == f[2] and f[1] == f[3] and f[0] != f[1]


def test_highlighted_path_stands_out():
    net = mh.MLP([2, 2, 2]).init_random(seed=2)
    path = [("w", 0, 0, 0), ("w", 1, 0, 1), ("b", 0, 0)]
    fig = mh.draw_network(net, notation="one_one_one", highlight_edges=path)
    edges, biases = by_gid(fig, "w:"), by_gid(fig, "b:")
    for gid, line in edges.items():
        l, i, j = map(int, gid[2:].split(":"))
        on_path = ("w", l, i, j) in path
        assert line.get_alpha() == (1.0 if on_path else plots.FADED_ALPHA)
        # with a highlight, width says "on the path" only, whatever |w| (the notebooks say so)
        assert line.get_linewidth() == (plots.HIGHLIGHT_WIDTH if on_path else plots.FADED_WIDTH)
    assert biases["b:0:0"].get_fontweight() == "bold" and biases["b:0:1"].get_fontweight() == "normal"


@pytest.mark.parametrize(
    "highlight",
    [[("w", 0, 2, 0)], [("w", 2, 0, 0)], [("b", 1, 5)], [("v", 0, 0, 0)], ("w", 0, 0, 0)],
)
def test_bad_highlight_is_named(highlight):
    with pytest.raises((ValueError, TypeError), match="highlight_edges"):
        mh.draw_network(mh.MLP([2, 2, 2]), highlight_edges=highlight)


@pytest.mark.parametrize("size", [0, -3, "big", np.nan])
def test_bad_bias_label_size_is_named(size):
    with pytest.raises((ValueError, TypeError), match="bias_label_size"):
        mh.draw_network(mh.MLP([2, 2, 2]), bias_label_size=size)


def test_biasless_network_rejects_bias_highlight():
    with pytest.raises(ValueError, match="no biases"):
        mh.draw_network(mh.MLP([2, 2, 1], bias=False), highlight_edges=[("b", 0, 0)])


def test_draws_into_a_given_axes():
    fig, (left, right) = plt.subplots(1, 2)
    assert mh.draw_network(mh.MLP([1, 1, 1]), ax=right) is fig
    assert len(by_gid(fig, "w:")) == 2 and not left.lines


def titles(fig):
    return [ax.get_title() for ax in fig.axes]


def test_tied_trajectories_are_drawn_once_with_a_note():
    case = cases.sigmoid_2_3_3_2()
    _, history = case.train()
    fig = mh.plot_weight_trajectories(history, notation=case.notation)
    assert [t.split("\n")[1] for t in titles(fig)] == [
        "2 lines drawn, 6 weights",
        "1 line drawn, 9 weights",
        "2 lines drawn, 6 weights",
    ]
    layer1 = by_gid(fig, "traj:1:")
    assert list(layer1) == ["traj:1:0,1,2,3,4,5,6,7,8"]
    line = layer1["traj:1:0,1,2,3,4,5,6,7,8"]
    # 1001 steps in fewer pixels: the line keeps recorded points only, first and last among them
    steps = np.asarray(line.get_xdata())
    assert line.get_ydata() == pytest.approx(history.weights[1][steps, 0, 0])
    assert steps[0] == 0 and steps[-1] == 1000 and len(steps) <= line.axes.bbox.width
    # in layer 0 a weight's value depends only on its input: rows of weights[0] move together
    assert set(by_gid(fig, "traj:0:")) == {"traj:0:0,1,2", "traj:0:3,4,5"}
    colours = {to_hex(line.get_color()) for line in by_gid(fig, "traj:0:").values()}
    assert len(colours) == 2


def test_random_start_draws_every_weight():
    case = cases.sigmoid_2_3_3_2()
    _, history = case.train(case.network().init_random(seed=1), iterations=200)
    fig = mh.plot_weight_trajectories(history, notation="tied_units")
    assert [t.split("\n")[1] for t in titles(fig)] == [
        "6 lines drawn, 6 weights",
        "9 lines drawn, 9 weights",
        "6 lines drawn, 6 weights",
    ]
    line = by_gid(fig, "traj:2:")["traj:2:3"]  # weights[2][1, 1]
    assert line.get_ydata() == pytest.approx(history.weights[2][:, 1, 1])
    assert line.get_xdata() == pytest.approx(np.arange(201))


def test_trajectory_layers_and_axes():
    _, history = cases.one_one_one().train()
    fig, ax = plt.subplots()
    assert mh.plot_weight_trajectories(history, ax=ax, layers=[1], notation="one_one_one") is fig
    assert ax.get_title() == "weights from layer 1 to layer 2\n1 line drawn, 1 weight"
    assert ax.get_legend().get_texts()[0].get_text() == "$w_{2}$"
    with pytest.raises(ValueError, match="layers"):
        mh.plot_weight_trajectories(history, layers=[2])
    with pytest.raises(ValueError, match="ax must hold one Axes per layer"):
        mh.plot_weight_trajectories(history, ax=ax)


def test_loss_on_a_log_scale():
    _, history = cases.one_one_one().train()
    fig = mh.plot_loss(history)
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    assert ax.lines[0].get_ydata() == pytest.approx(history.loss)
    assert len(by_gid(fig, "diverged")["diverged"].get_xdata()) == 0


def test_divergence_is_marked():
    case = cases.linear_2_2_1()
    with pytest.warns(mh.TrainingDiverged):
        _, history = case.train(lr=50.0, iterations=2000)
    assert history.diverged
    fig = mh.plot_loss(history)
    marker = by_gid(fig, "diverged")["diverged"]
    assert list(marker.get_xdata()) == [history.iterations[-1]]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert f"diverged after step {history.iterations[-1]}:\ntry a smaller learning rate" in texts


@pytest.mark.parametrize(
    "call",
    [
        lambda: mh.plot_loss([0.1, 0.2]),
        lambda: mh.plot_weight_trajectories(np.zeros((3, 2))),
        lambda: mh.draw_network([[1.0]]),
    ],
)
def test_wrong_objects_are_named(call):
    with pytest.raises(TypeError, match="history must be a History|net must be an MLP"):
        call()


def test_unknown_notation_is_named():
    with pytest.raises(ValueError, match="notation"):
        mh.draw_network(mh.MLP([1, 1, 1]), notation="greek")


def test_plot_training_shows_diagram_loss_and_trajectories():
    case = cases.sigmoid_2_3_3_2()
    _, history = case.train()
    fig = mh.plot_training(history, notation=case.notation, step=250, title="constant start")
    assert len(fig.axes) == 5  # diagram, loss, three trajectory panels
    assert fig._suptitle.get_text() == f"constant start | step 250 of 1000, loss {history.loss[250]:.4g}"
    assert len(by_gid(fig, "w:")) == 21
    scale = max(np.abs(W[250]).max() for W in history.weights)
    assert by_gid(fig, "w:")["w:2:1:0"].get_linewidth() == pytest.approx(
        0.8 + 4.2 * abs(history.weights[2][250, 1, 0]) / scale
    )
    assert len(set(fills(fig, 1, 3))) == 1 and fills(fig, 1, 3)[0] != to_hex("white")
    markers = [line for line in fig.artists if line.get_linestyle() == "--"]  # one per panel
    assert len(markers) == 4 and all(m.get_xdata()[0] == 250 for m in markers)
    untied = mh.plot_training(case.train(case.start("random", seed=2), iterations=50)[1])
    assert fills(untied, 1, 3) == [to_hex("white")] * 3
    with pytest.raises(ValueError, match="step"):
        mh.plot_training(history, step=-1)


def test_show_displays_a_figure_once_and_closes_it(monkeypatch):
    import IPython.display
    import matplotlib.pyplot as plt

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    fig, ax = plt.subplots()
    mh.plots.show(fig)
    assert shown == [fig]
    assert plt.get_fignums() == []


def test_plot_functions_never_register_with_pyplot():
    import matplotlib.pyplot as plt

    plt.close("all")
    net = mh.MLP([2, 2])
    history = mh.train(net, [[1.0, 0.0]], [[0.0, 1.0]], lr=0.5, iterations=3)
    figures = [mh.draw_network(net), mh.plot_loss(history), mh.plot_weight_trajectories(history),
               mh.plot_training(history)]
    assert all(f.axes for f in figures)
    assert plt.get_fignums() == []


def test_a_plot_as_the_last_line_of_a_cell_is_drawn_once():
    import nbformat
    from nbclient import NotebookClient

    # no pyplot figure made before: the package itself must get the inline backend to draw it
    code = "import mlp_helpers as mh\nmh.draw_network(mh.MLP([2, 2]))"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    NotebookClient(nb, kernel_name="python3", timeout=60).execute()
    images = [o for o in nb.cells[0].outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1



def test_label_layers_leaves_a_dense_layer_unlabelled():
    fig = mh.draw_network(cases.sigmoid_2_3_3_2().network(), notation="tied_units", label_layers=[0, 2])
    visible = {gid.split(":")[1] for gid, text in by_gid(fig, "wlabel:").items() if text.get_visible()}
    assert visible == {"0", "2"}
    assert len(by_gid(fig, "w:")) == 6 + 9 + 6
    for bad in ([3], [True], ["1"]):
        with pytest.raises(ValueError, match="label_layers"):
            mh.draw_network(mh.MLP([2, 3, 3, 2]), label_layers=bad)
    with pytest.raises(TypeError, match="label_layers"):
        mh.draw_network(mh.MLP([2, 3, 3, 2]), label_layers=1)


def test_trajectory_legend_names_tied_partners_and_keeps_colours():
    case = cases.linear_2_2_1()
    _, tied = case.train(case.network())
    _, free = case.train(case.network().init_random(seed=0))
    fig, axes = plt.subplots(2, 2)
    mh.plot_weight_trajectories(tied, ax=axes[0], notation="regression_question")
    mh.plot_weight_trajectories(free, ax=axes[1], notation="regression_question")
    legend = [t.get_text() for t in axes[0][0].get_legend().get_texts()]
    assert legend == ["$w_{111}$ = $w_{211}$", "$w_{121}$ = $w_{221}$"]
    # the legend sits right of the panel, off the data
    assert axes[0][0].get_legend().get_bbox_to_anchor().x0 > axes[0][0].get_window_extent().x1 - 1
    for gid, line in by_gid(fig, "traj:").items():
        first = int(gid.split(":")[2].split(",")[0])
        assert to_hex(line.get_color()) == to_hex(plots._trajectory_colour(first, 4 if gid[5] == "0" else 2))
    colour_of = {row: {gid.split(":")[2].split(",")[0]: to_hex(line.get_color())
                       for gid, line in by_gid(fig, "traj:0:").items() if line.axes is axes[row][0]}
                 for row in (0, 1)}
    for first, colour in colour_of[0].items():
        assert colour_of[1][first] == colour  # the same weight, the same colour in both rows


def test_nine_weights_get_nine_okabe_ito_styles_and_a_legend():
    case = cases.sigmoid_2_3_3_2()
    _, history = case.train(case.network().init_random(seed=1), iterations=20)
    fig = mh.plot_weight_trajectories(history, notation="tied_units", layers=[1])
    lines = by_gid(fig, "traj:1:").values()
    styles = {(to_hex(line.get_color()), str(line._unscaled_dash_pattern)) for line in lines}  # the dashes themselves
    assert len(styles) == 9  # past the palette's 7 colours: one colour per column, one line style per row
    assert len({colour for colour, _ in styles}) == 3 and len({dashes for _, dashes in styles}) == 3
    assert {colour for colour, _ in styles} <= {to_hex(c) for c in plots.LINE_COLOURS}  # never tab10
    assert len(fig.axes[0].get_legend().get_texts()) == 9
    tied_fig = mh.plot_weight_trajectories(case.train()[1], layers=[1], notation="tied_units")
    name = weight_label("tied_units", 1, 0, 0, latex=True, sizes=case.sizes)
    assert [t.get_text() for t in tied_fig.axes[0].get_legend().get_texts()] == [f"${name}$ and 8 tied"]
    with pytest.raises(ValueError, match="legend"):
        mh.plot_weight_trajectories(history, legend="top")


def test_trajectory_legend_below_sits_under_each_panel_in_columns():
    case = cases.sigmoid_2_3_3_2()
    _, history = case.train(case.network().init_random(seed=1), iterations=20)
    fig = mh.plot_weight_trajectories(history, notation="card", legend="below")
    fig.canvas.draw()
    for ax in fig.axes:
        legend = ax.get_legend()
        box, panel = legend.get_window_extent(), ax.get_window_extent()
        assert box.y1 < panel.y0 and panel.x0 - 1 < (box.x0 + box.x1) / 2 < panel.x1 + 1  # under it, centred
        assert legend._ncols == 3  # six or nine weights: three columns, so the legend stays as wide as its panel
    _, tied = case.train(iterations=20)
    tied_fig = mh.plot_weight_trajectories(tied, notation="card", legend="below", layers=[0])
    assert tied_fig.axes[0].get_legend()._ncols == 1  # two long striped names: one column


def test_label_size_enlarges_the_weight_labels():
    fig = mh.draw_network(cases.linear_2_2_1().network(), notation="regression_answer", label_size=13)
    assert {text.get_fontsize() for text in by_gid(fig, "wlabel:").values()} == {13}
    assert {text.get_fontsize() for text in by_gid(mh.draw_network(mh.MLP([2, 2])), "wlabel:").values()} == {9.5}
    n_open = len(plt.get_fignums())
    for bad, error in ((0, ValueError), ("big", TypeError)):
        with pytest.raises(error, match="label_size"):
            mh.draw_network(mh.MLP([2, 2]), label_size=bad)
    assert len(plt.get_fignums()) == n_open  # a refused call leaves no figure behind


# -- histories at the end of the float range (issue 23) ---------------------------------------
def diverging_history():
    """A 2-2-1 run whose loss reaches 3e291 and then inf, its weights 1e73 and then 1.7e308."""
    W0 = np.stack([np.full((2, 2), v) for v in (0.5, 1e73, 1.7e308)])
    W1 = np.stack([np.full((2, 1), v) for v in (0.5, -1e73, -1.7e308)])
    biases = [np.zeros((3, 2)), np.zeros((3, 1))]
    return mh.History(np.arange(3), np.array([1.5, 3.1e291, np.inf]), [W0, W1], biases, diverged=True)


@pytest.mark.parametrize("plot", ["plot_loss", "plot_training", "plot_weight_trajectories"])
def test_a_loss_of_1e291_or_inf_and_huge_weights_are_drawn_at_the_edge_and_said(plot):
    history = diverging_history()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = getattr(mh, plot)(history)
        fig.savefig(io.BytesIO(), format="png")  # drawing it is what used to overflow
    texts = [t.get_text() for ax in fig.axes for t in ax.texts] + [ax.get_title() for ax in fig.axes]
    if plot != "plot_weight_trajectories":
        assert "loss above 1e+100 drawn at 1e+100" in texts
        (loss_ax,) = [ax for ax in fig.axes if ax.get_yscale() == "log"]
        assert loss_ax.get_ylim()[1] < 1e110
        assert max(line.get_ydata().max() for line in loss_ax.lines if len(line.get_ydata())) == 1e100
    if plot != "plot_loss":
        notes = [t for t in texts if "drawn at the edge" in t]
        assert notes == ["weights from layer 0 to layer 1\n1 line drawn, 4 weights; beyond \u00b11e+100 drawn at the edge",
                         "weights from layer 1 to layer 2\n1 line drawn, 2 weights; beyond \u00b11e+100 drawn at the edge"]


def test_a_finite_loss_is_drawn_as_it_is_without_a_note():
    history = diverging_history()
    calm = mh.History(history.iterations[:1], history.loss[:1], [W[:1] for W in history.weights],
                      [b[:1] for b in history.biases])
    fig = mh.plot_loss(calm)
    assert all("drawn at" not in t.get_text() for t in fig.axes[0].texts)
    assert fig.axes[0].lines[0].get_ydata()[0] == 1.5


def test_weights_near_the_float_limit_draw_edges_of_the_usual_width():
    # 4.2 * 1.7e308 overflows: an edge width computed in that order is infinite (and takes seconds to draw)
    fig = mh.plot_training(diverging_history())
    widths = [line.get_linewidth() for ax in fig.axes for line in ax.lines if (line.get_gid() or "").startswith("w:")]
    assert len(widths) == 6 and max(widths) == pytest.approx(5.0) and min(widths) >= 0.8


def test_a_tied_line_is_striped_in_the_colours_of_all_its_weights():
    case = cases.sigmoid_2_3_3_2()
    _, tied = case.train(iterations=50)
    _, free = case.train(case.network().init_random(seed=0), iterations=50)
    fig, axes = plt.subplots(2, 3)
    mh.plot_weight_trajectories(tied, ax=axes[0], notation="tied_units")
    mh.plot_weight_trajectories(free, ax=axes[1], notation="tied_units")
    for l in range(3):
        alone = {int(line.get_gid().split(":")[2]): to_hex(line.get_color()) for line in axes[1][l].lines}
        on_top, groups = {}, {}
        for line in axes[0][l].lines:  # a tied group's line, then its stripes, one per other weight
            kind, _, members = line.get_gid().split(":")
            first = int(members.split(",")[0])
            on_top[first] = to_hex(line.get_color())
            if kind == "traj":
                groups.update({int(k): line for k in members.split(",")})
            else:
                np.testing.assert_array_equal(line.get_ydata(), groups[first].get_ydata())
        assert on_top == alone  # every weight of the layer shows in its own colour, in both rows
    legend = axes[0][1].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == ["$w^{1}_{0,0}$ and 8 tied"]
    # the explorer's panels: a random run after a tied one removes the stripes again
    fig, axes = plt.subplots(1, 3)
    panels = plots.WeightTrajectories(axes, range(3), case.sizes, "tied_units")
    panels.update(tied)
    assert [len(ax.lines) for ax in axes] == [6, 9, 6] and [len(lines) for lines in panels.lines] == [2, 1, 2]
    panels.update(free)
    assert [len(ax.lines) for ax in axes] == [6, 9, 6] and [len(lines) for lines in panels.lines] == [6, 9, 6]
    assert not any(line.get_gid().startswith("stripe:") for ax in axes for line in ax.lines)


def test_move_legend_sets_place_size_and_anchor_and_refuses_a_missing_legend():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="a line")
    with pytest.raises(ValueError, match="no legend"):
        plots.move_legend(ax, "lower right")
    ax.legend(fontsize=7)
    legend = plots.move_legend(ax, "center right", fontsize=9, anchor=(1.0, 0.68))
    assert legend._loc == 7  # matplotlib's code for "center right"
    assert [t.get_fontsize() for t in legend.get_texts()] == [9]
    box = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
    assert (box.x0, box.y0) == pytest.approx((1.0, 0.68))
    with pytest.raises(TypeError, match="fontsize"):
        plots.move_legend(ax, "lower right", fontsize="big")
    plt.close(fig)


def test_sparse_log_ticks_labels_only_the_listed_powers():
    fig, ax = plt.subplots()
    ax.semilogy([0, 1], [1e-15, 1.0])
    plots.sparse_log_ticks(ax, [1.0, 1e-15], [1e-14, 1e-16], bottom=1e-16)
    fig.canvas.draw()
    assert list(ax.get_yticks()) == [1.0, 1e-15]
    assert list(ax.get_yticks(minor=True)) == [1e-14, 1e-16]
    assert [t.get_text() for t in ax.get_yticklabels(minor=True)] == ["", ""]
    assert ax.get_ylim()[0] == 1e-16
    plt.close(fig)


def test_tied_and_random_weights_share_one_colour_rule():
    """Notebook 04's section 11 figure: on top one line per tied group, below one per weight; the colour marks the
    column of W_l (the unit a weight goes to) and the line style the row (the unit it comes from); a tied group holding
    every column is black (report 04BL, fix 9: one key for every panel)."""
    case = cases.sigmoid_2_3_3_2()
    tied = mh.train(case.network(), case.X, case.Y, 0.5, 200)
    untied = mh.train(case.network().init_random(seed=0), case.X, case.Y, 0.5, 100)
    fig = plots.weights_tied_and_random(tied, untied)
    top, bottom = fig.axes[:3], fig.axes[3:6]
    assert [len(panel.get_lines()) - 1 for panel in top] == [2, 1, 2]  # minus the grey line at the untied run's end
    labels = [line.get_label() for line in top[0].get_lines()[:2]]
    assert labels == ["$W_{0}[0, :]$ (from $x_{1}$)", "$W_{0}[1, :]$ (from $x_{2}$)"]
    assert [line.get_label() for line in top[2].get_lines()[:2]] == ["$W_{2}[:, 0]$ (to output [0])", "$W_{2}[:, 1]$ (to output [1])"]
    rows_top = top[0].get_lines()[:2]
    # a whole row (one source, every target): black, the colour of no single column, and its row's style
    assert [to_hex(line.get_color()) for line in rows_top] == [to_hex(plots.BLACK)] * 2
    assert [line.get_linestyle() for line in rows_top] == ["-", "--"]  # rows [0] and [1], as in the bottom row
    # report 04CC, fix 3: the dashed line is thinner, with white gaps, so it shows where it lies on the solid one
    assert rows_top[1].get_linewidth() < rows_top[0].get_linewidth() and rows_top[1].get_gapcolor() == "white"
    assert to_hex(top[1].get_lines()[0].get_color()) == to_hex(plots.BLACK)  # W_1's one group: every column
    assert plots.BLACK not in plots.LINE_COLOURS[:3]  # no column colour is black
    columns_top = top[2].get_lines()[:2]
    assert to_hex(columns_top[0].get_color()) != to_hex(columns_top[1].get_color())
    for panel, n_out in zip(bottom, (3, 3, 2)):
        lines = [line for line in panel.get_lines() if str(line.get_gid()).startswith("traj:")]
        for line in lines:
            if line.get_alpha() == 0.35:  # report 04DL, fault 5: the faint lines one grey, solid, with one legend entry
                assert to_hex(line.get_color()) == "#707070" and line.get_linestyle() == "-"
                continue
            i, j = divmod(int(line.get_gid().split(":")[2]), n_out)
            assert to_hex(line.get_color()) == to_hex(plots.LINE_COLOURS[j])
            if lines[i * n_out].get_alpha() != 0.35:  # a grey row leader is solid
                assert line.get_linestyle() == lines[i * n_out].get_linestyle()  # one style per row
    assert top[0].get_lines()[2].get_xdata()[0] == untied.iterations[-1]
    # report 04BT, fix 8: each bottom legend is laid out as W_l, one legend row per row of W_l (a legend fills columns first)
    for panel, (n_in, n_out) in zip((bottom[0], bottom[2]), ((2, 3), (3, 2))):  # the middle one: its three movers and grey
        legend = panel.get_legend()
        texts = [t.get_text() for t in legend.get_texts()]
        assert legend._ncols == n_out and len(texts) == n_in * n_out
        assert all(f"[{i}, {j}]" in texts[j * n_in + i] for i in range(n_in) for j in range(n_out)), texts
    # report 04DC, fault 6: the bottom middle's nine W_1 lines: all but the three largest movers faint and thin, said in the title
    lines = [line for line in bottom[1].get_lines() if str(line.get_gid()).startswith("traj:")]
    moves = np.array([abs(line.get_ydata()[-1] - line.get_ydata()[0]) for line in lines])
    faint = np.array([line.get_alpha() == 0.35 for line in lines])
    assert faint.sum() == 6 and moves[~faint].min() > moves[faint].max() and "grey: the 6" in bottom[1].get_title()
    texts = [t.get_text() for t in bottom[1].get_legend().get_texts()]
    assert texts == [line.get_label() for line, f in zip(lines, faint) if not f] + ["the other 6 (grey)"]
    assert not any(line.get_alpha() for panel in (bottom[0], bottom[2]) for line in panel.get_lines())


def test_show_weight_labels_keeps_only_the_named_ones():
    fig = plots.draw_network(mh.MLP([2, 3, 2]).init_constant(1.0), notation="card")
    ax = fig.axes[0]
    plots.show_weight_labels(ax, {"$W_{0}[0, 0]$"})
    shown = [t.get_text() for t in ax.texts if t.get_visible() and t.get_text().startswith("$W")]
    assert shown == ["$W_{0}[0, 0]$"] and any(t.get_visible() and t.get_text().startswith("$b") for t in ax.texts)


def test_loss_against_lr_times_step_draws_each_rate_on_one_axis():
    """Notebook 04's section 10 figure: each run against lr × step, its fit a dot at lr × fit step; overshooting
    rates dashed and named with their own lr × fit step; the other rates' dots named together."""
    losses = {0.5: np.geomspace(1, 1e-4, 4001), 1: np.geomspace(1, 1e-4, 2001), 8: np.geomspace(1, 1e-4, 301)}
    fits = {0.5: 3000, 1: 1500, 8: 200}
    fig = plots.loss_against_lr_times_step(losses, fits, overshooting=[8])
    ax = fig.axes[0]
    curves = [line for line in ax.get_lines() if line.get_marker() in ("None", "", None)]
    dots = [line for line in ax.get_lines() if line.get_marker() == "o"]
    assert [line.get_label() for line in curves] == ["lr 0.5", "lr 1", "lr 8: fit at lr × step 1600 (large dot)"]
    assert curves[2].get_linestyle() == "--" and curves[0].get_linestyle() == "-"
    assert [float(dot.get_xdata()[0]) for dot in dots] == [1500.0, 1500.0, 1600.0]
    assert max(curves[0].get_xdata()) <= 2000 and max(curves[2].get_xdata()) <= 2400  # lr × step, not the step
    assert "lr 0.5 to 1 fit at\nlr × step 1500 to 1500" in ax.texts[0].get_text()
    with pytest.raises(ValueError, match="fits"):
        plots.loss_against_lr_times_step(losses, {0.5: 1})


def test_epsilon_errors_draws_measured_and_both_predictions():
    epsilons = np.logspace(-2, -8, 13)
    errors = np.maximum(0.017 * epsilons**2, 2e-16 / epsilons)
    fig = plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding=5e-15, chosen=3e-4)
    ax = fig.axes[0]
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels[:3] == ["measured ($w_1$)", "truncation, $\\propto \\varepsilon^2$", "rounding, at most"]
    # report 01DC fault 8: the measured points are not joined (rounding scatters them right of the crossing)
    assert ax.get_lines()[0].get_linestyle() == "None" and ax.get_lines()[0].get_marker() == "o"
    assert np.allclose(ax.get_lines()[1].get_ydata(), 0.017 * epsilons**2)
    assert np.allclose(ax.get_lines()[2].get_ydata(), 5e-15 / epsilons)
    assert np.allclose(ax.get_lines()[3].get_xdata(), 3e-4)  # the course's eps
    # report 01CT fault 1: no star at the measured minimum (the page does not weigh the course's eps against it)
    assert len(ax.get_lines()) == 4 and not any(line.get_marker() == "*" for line in ax.get_lines())
    assert "most accurate" not in " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert ax.get_xlim()[0] > ax.get_xlim()[1]  # eps shrinks to the right
    legend = ax.get_legend().get_window_extent(fig.canvas.get_renderer())
    assert legend.x0 > ax.get_window_extent(fig.canvas.get_renderer()).x1  # the legend is off the data
    plt.close(fig)


def test_epsilon_errors_names_the_rounding_line_as_asked():
    epsilons = np.logspace(-2, -8, 13)
    errors = np.maximum(0.017 * epsilons**2, 2e-16 / epsilons)
    fig = plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding=5e-15, chosen=3e-4,
                                    rounding_label="rounding if $r = 10^{-16}$ (assumed)")
    ax = fig.axes[0]
    assert ax.get_lines()[2].get_label() == "rounding if $r = 10^{-16}$ (assumed)"
    assert [t.get_text() for t in ax.get_legend().get_texts()][2] == "rounding if $r = 10^{-16}$ (assumed)"
    legend = ax.get_legend().get_window_extent(fig.canvas.get_renderer())
    assert legend.x1 <= fig.bbox.x1  # the longer label still fits on the figure
    plt.close(fig)
    for bad in ("", None, 3):
        with pytest.raises(TypeError, match="rounding_label"):
            plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding=5e-15, chosen=3e-4, rounding_label=bad)


def test_epsilon_errors_takes_the_rounding_line_as_values_or_as_a_coefficient():
    epsilons = np.logspace(-2, -8, 13)
    errors = np.maximum(0.017 * epsilons**2, 2e-16 / epsilons)
    bound = 1e-16 / (2 * epsilons * 0.0093)  # r / (2 eps |g|), one value per eps
    for rounding in (bound, 1e-16 / (2 * 0.0093)):
        fig = plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding=rounding, chosen=3e-4)
        assert np.allclose(fig.axes[0].get_lines()[2].get_ydata(), bound, rtol=1e-12)
        plt.close(fig)
    for bad in (bound[:-1], -bound, np.where(epsilons > 1e-5, bound, np.nan)):
        with pytest.raises(ValueError, match="rounding"):
            plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding=bad, chosen=3e-4)
    with pytest.raises(TypeError, match="rounding"):
        plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding="1e-16", chosen=3e-4)


@pytest.mark.parametrize("epsilons, errors", [([1e-2], [1e-6]), ([1e-2, -1e-3], [1e-6, 1e-8]), ([1e-2, 1e-3], [1e-6])])
def test_epsilon_errors_rejects_bad_input(epsilons, errors):
    with pytest.raises(ValueError, match="epsilons|errors"):
        plots.plot_epsilon_errors(epsilons, errors, truncation=1.0, rounding=1.0, chosen=1e-3)


def test_tie_figure_marks_the_random_starts_crossings_and_lowest_points():
    case = cases.linear_2_2_1(a=0.3)
    _, constant = case.train(case.network())
    _, random = case.train(case.network().init_random(seed=0))
    fig, passes, turn = plots.tie_figure(constant, random)
    # the constant row's tied pairs are striped 3 times as long as elsewhere (the grey reads as grey at default size)
    striped = [line for line in fig.axes[0].get_lines() if str(line.get_gid()).startswith("stripe:")]
    assert striped and all(line._unscaled_dash_pattern[1][0] == 3 * plots.STRIPE for line in striped)  # (offset, (on, off))
    with pytest.raises(ValueError, match="stripe"):
        plots.plot_weight_trajectories(constant, stripe=0)
    W0, W1 = random.weights
    assert passes == [19, 17] and turn == 27  # the steps notebook 02's caption names
    for p, step in enumerate(passes):  # the first step h_1's weight from x_{p+1} is below h_2's
        assert W0[step, p, 0] < W0[step, p, 1] and np.all(W0[:step, p, 0] >= W0[:step, p, 1])
    assert W1[turn, 0, 0] > 0 >= W1[turn - 1, 0, 0]
    bottom_left = fig.axes[2]
    triangles = [line for line in bottom_left.lines if line.get_marker() == "^"]
    assert [to_hex(t.get_color()) for t in triangles] == [to_hex(plots.GREEN), to_hex(plots.BLACK)]
    for p, t in enumerate(triangles):  # on the line's lowest point, hollow
        assert (t.get_xdata()[0], t.get_ydata()[0]) == (W0[:, p, 0].argmin(), W0[:, p, 0].min())
        assert t.get_markerfacecolor() == "none"
    assert len([line for line in bottom_left.lines if line.get_marker() == "o"]) == 2
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:  # every legend in empty space: no weight's line passes under it or within 5% of the panel's height
        box = ax.get_legend().get_window_extent(renderer)
        margin = 0.05 * ax.get_window_extent(renderer).height
        box = type(box).from_extents(box.x0 - margin, box.y0 - margin, box.x1 + margin, box.y1 + margin)
        for line in ax.lines:
            if not str(line.get_gid()).startswith(("traj:", "stripe:")):
                continue  # the markers and the dotted line
            x, y = (np.asarray(v, dtype=float) for v in line.get_data())
            steps = np.linspace(x.min(), x.max(), 2000)  # the line between its thinned points too
            drawn = ax.transData.transform(np.column_stack([steps, np.interp(steps, x, y)]))
            assert not np.any((drawn[:, 0] >= box.x0) & (drawn[:, 0] <= box.x1)
                              & (drawn[:, 1] >= box.y0) & (drawn[:, 1] <= box.y1)), line.get_label()
    # the two crossing labels are clear of every line in their panel, the dotted line included
    labels = [t for t in bottom_left.texts if "pair" in t.get_text()]
    assert len(labels) == 2
    # report 02DC fault 4: each label says what the circle marks
    assert [" ".join(t.get_text().split()) for t in labels] == ["$x_1$'s pair changes order, steps 18-19",
                                                                "$x_2$'s pair changes order steps 16-17"]  # 02DP fault 6: short lines by its circle
    assert [t.get_fontsize() for t in labels] == [9, 9]  # 02DV fault 7: x_2's label as large as x_1's
    fig.canvas.draw()  # the constrained layout sets the panels' final sizes, and the labels' with them
    panel = bottom_left.get_window_extent(renderer)
    for text in labels:
        # the text with its white box (an Annotation's own extent adds its leader): the box must hide no line and
        # not the y axis either
        box = text.get_bbox_patch().get_window_extent(renderer)
        assert panel.x0 < box.x0 and box.x1 < panel.x1 and panel.y0 < box.y0 and box.y1 < panel.y1
        for line in bottom_left.lines:
            x, y = (np.asarray(v, dtype=float) for v in line.get_data())
            if line.get_marker() not in ("None", "", None) and line.get_linestyle() in ("None", ""):
                continue  # a marker (circle, triangle): the leader points at it
            if len(x) == 2 and x[0] == x[1]:  # the dotted vertical line, y in axes fractions
                drawn = bottom_left.get_xaxis_transform().transform(np.column_stack([np.full(200, x[0]),
                                                                                     np.linspace(*y, 200)]))
            else:
                steps = np.linspace(x.min(), x.max(), 2000)
                drawn = bottom_left.transData.transform(np.column_stack([steps, np.interp(steps, x, y)]))
            assert not np.any((drawn[:, 0] >= box.x0) & (drawn[:, 0] <= box.x1)
                              & (drawn[:, 1] >= box.y0) & (drawn[:, 1] <= box.y1)), (text.get_text(), line.get_gid())
    plt.close(fig)


@pytest.mark.parametrize("bad, error", [
    (dict(steps=0), ValueError), (dict(steps=1.5), ValueError), (dict(steps="150"), TypeError),
    (dict(steps=600), ValueError), (dict(steps=5), ValueError),  # 600: past the history; 5: before the crossings
])
def test_tie_figure_rejects_bad_arguments(bad, error):
    case = cases.linear_2_2_1(a=0.3)
    _, constant = case.train(case.network(), iterations=500)
    _, random = case.train(case.network().init_random(seed=0), iterations=500)
    with pytest.raises(error):
        plots.tie_figure(constant, random, **bad)


def test_tie_figure_needs_2_2_1_histories():
    case = cases.linear_2_2_1(a=0.3)
    _, history = case.train(case.network(), iterations=200)
    with pytest.raises(TypeError):
        plots.tie_figure(history, "not a history")
    other = cases.sigmoid_2_3_3_2()  # another network's history: named, not a shape error from numpy
    wide = mh.train(other.network(), other.X, other.Y, lr=0.5, iterations=200)
    with pytest.raises(ValueError, match=r"constant must be the history of a 2-2-1 network, got sizes \[2, 3, 3, 2\]"):
        plots.tie_figure(wide, history)
    sparse = mh.train(case.network().init_random(seed=0), case.X, case.Y, lr=case.lr, iterations=200, loss=case.loss,
                      record_every=10)
    with pytest.raises(ValueError, match="random must record every step"):
        plots.tie_figure(history, sparse)


def test_epsilon_errors_draws_the_pass_threshold_when_asked():
    epsilons = np.logspace(-2, -8, 13)
    errors = np.maximum(0.017 * epsilons**2, 2e-16 / epsilons)
    fig = plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding=5e-15, chosen=3e-4, threshold=1e-7)
    ax = fig.axes[0]
    line = [l for l in ax.get_lines() if l.get_label() == "pass threshold, 1e-07"]
    assert len(line) == 1 and list(line[0].get_ydata()) == [1e-7, 1e-7]
    legend = ax.get_legend().get_window_extent(fig.canvas.get_renderer())
    assert legend.x0 >= ax.get_window_extent(fig.canvas.get_renderer()).x1  # the legend sits off the data
    plt.close(fig)
    with pytest.raises((TypeError, ValueError)):
        plots.plot_epsilon_errors(epsilons, errors, truncation=0.017, rounding=5e-15, chosen=3e-4, threshold=-1.0)


def test_plateau_signs_draws_three_panels_exits_and_a_legend_off_the_data():
    """Notebook 05's 2c figure: omega_1, omega_2 and the a^2 difference, one panel each; a sparsely recorded run
    drawn with dots and said so; each exit a dotted line in its start's colour; the legend right of the panels."""
    steps = np.arange(0, 3001)
    every_100 = steps[::100]
    runs = {0.0: (steps, np.c_[np.linspace(0, 2, 3001), -np.linspace(0, 2, 3001)], -np.linspace(0, 0.3, 3001)),
            0.25: (every_100, np.c_[np.full(31, 0.2), np.full(31, -0.3)], np.linspace(0.006, -0.2, 31))}
    fig = plots.plateau_signs(runs, {0.0: 2981, 0.25: 2477}, colours=(plots.BLUE, plots.PURPLE))
    axes = fig.axes
    assert len(axes) == 3 and axes[2].get_yscale() == "symlog" and axes[0].get_ylim() == (-1.05, 1.05)
    for ax in axes:
        curves = [line for line in ax.get_lines() if len(line.get_xdata()) > 2]
        exits = [line for line in ax.get_lines() if line.get_linestyle() == ":"]
        assert [len(line.get_xdata()) for line in curves] == [3001, 31]
        assert sorted(float(line.get_xdata()[0]) for line in exits) == [2477.0, 2981.0]
        assert curves[1].get_marker() == "o" and curves[0].get_marker() in ("None", "", None)
    # report 05CD (fault 2): each start's step-0 omegas, a diamond in its colour, with a margin left of step 0 so the
    # first steps' fall is drawn off the spine; none in the difference panel
    for j, ax in enumerate(axes):
        diamonds = [line for line in ax.get_lines() if line.get_marker() == "D"]
        if j == 2:
            assert diamonds == []
            continue
        assert [(float(line.get_xdata()[0]), float(line.get_ydata()[0]), line.get_color()) for line in diamonds] == [
            (0.0, float(omegas[0, j]), colour) for (_, omegas, _), colour in zip(runs.values(), (plots.BLUE, plots.PURPLE))]
        assert ax.get_xlim()[0] < 0 and -ax.get_xlim()[0] < 0.05 * ax.get_xlim()[1]  # a small margin, shared by the panels
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels[:2] == ["c = 0", "c = 0.25\n(dots: recorded\nevery 100 steps)"] and labels[2].startswith("diamond: step 0")
    assert "its exit" in labels[3]
    fig.canvas.draw()
    legend_box = fig.legends[0].get_window_extent()
    assert all(legend_box.x0 > ax.get_window_extent().x1 for ax in axes)  # off the data
    # report 05CC (fault 3): the symmetric-log axis said in words, in its label and in a note beside the panel
    assert "linear within ±0.001" in axes[2].get_ylabel() and "logarithmic beyond" in axes[2].get_ylabel()
    assert axes[2].get_ylabel().startswith("gap($a^2$) = $a^2[0, 0] - a^2[1, 0]$") and axes[0].get_title().endswith("and gap($a^2$)")  # report 05DM (fault 7): notebook 04's name
    note, = [t for t in fig.texts if "comes\nfrom the axis" in t.get_text()]
    assert "bend at ±0.001" in note.get_text() and note.get_window_extent().x0 > axes[2].get_window_extent().x1
    assert note.get_window_extent().y1 < legend_box.y0  # below the legend, no overlap
    with pytest.raises(ValueError, match="each with an exit"):
        plots.plateau_signs(runs, {0.0: 2981})
    with pytest.raises(ValueError, match="must agree"):
        plots.plateau_signs({0.0: (steps, np.zeros((3001, 3)), steps)}, {0.0: 1})


def test_plateau_timeline():
    """Notebook 04's timeline: u[k] on top, the lower curve from row 10 on, two green lines labelled on top and the band
    labelled below (report 04EJ, fault 5: plain calls in a helper)."""
    steps = np.arange(0, 6001, 10)
    u = np.stack([np.linspace(3, -1, steps.size), np.linspace(-2, 1, steps.size)], axis=1)  # (n, 2)
    switch = np.linspace(1e-3, -0.1, steps.size)  # (n,)
    fig = plots.plateau_timeline(steps, u, switch, 880, 5100)
    top, bottom = fig.axes
    assert [ax.get_yscale() for ax in (top, bottom)] == ["symlog", "symlog"]
    assert [line.get_label() for line in top.get_lines()[:2]] == ["$u[0]$", "$u[1]$"]
    assert np.array_equal(bottom.get_lines()[0].get_xdata(), steps[10:])  # from row 10 (step 100)
    assert [t.get_text() for t in top.texts] == ["880: $u[0] < 0$", "5100: $u[1] > 0$"]
    assert [t.get_text() for t in bottom.texts] == ["a wider gap lowers $C$ from a step between 1600 and 1800"]
    assert [t.get_position() for t in top.texts] == [(940, 0.95), (5160, 0.95)] and bottom.texts[0].get_position() == (1860, 0.0004)
    green = [line for line in top.get_lines() if line.get_linestyle() == "-."]
    assert [line.get_xdata()[0] for line in green] == [880, 5100] and len(top.patches) == len(bottom.patches) == 1
    plt.close(fig)


def test_tied_cost_draws_the_cost_its_lines_and_the_zoom():
    """Notebook 04's section 8a cost figure (r141, fault 3: moved out of the notebook): the cost on a log scale with the fit
    and plateau-end lines and the floor under the curve; the zoom with the floor over its curve and labelled."""
    steps = np.arange(6001)
    loss = 0.3 + 0.1 * np.exp(-steps / 3000)  # (T,)
    fig = plots.tied_cost(steps, loss, 0.4, 5500, 5232)
    ax, zoom = fig.axes
    assert ax.get_yscale() == "log" and zoom.get_ylim() == pytest.approx((0.396, 0.402))
    labels = ax.get_legend_handles_labels()[1]
    assert labels == ["cost, all-ones start", "every output within 0.01", "plateau ends (cost < 0.3)", "floor 0.4"]
    curve, floor_left = ax.get_lines()[0], ax.get_lines()[3]
    assert curve.get_zorder() > floor_left.get_zorder() and zoom.get_lines()[1].get_zorder() > zoom.get_lines()[0].get_zorder()
    assert [t.get_text() for t in zoom.texts] == ["floor 0.4"] and zoom.get_title() == "zoom: cost 0.396 to 0.402, steps 0 to 5000"
    with pytest.raises(ValueError, match="steps and loss"):
        plots.tied_cost(steps[:10], loss, 0.4, 5500, 5232)


def test_layer2_gap_and_z_draws_gap_slope_and_mean_z_with_the_floor_step():
    """Notebook 04's layer-2 figure (r141, fault 3): gap and mean slope on a log axis, the mean z, a dotted line in both."""
    steps = np.arange(0, 6001, 10)
    a2 = np.empty((steps.size, 2, 3))  # (T, 2, n)
    a2[:, 0], a2[:, 1] = 0.976, 0.97
    fig = plots.layer2_gap_and_z(steps, a2, 1700)
    left, right = fig.axes
    assert left.get_yscale() == "log" and [line.get_label() for line in left.get_lines()] == ["gap($a^2$)", "layer-2 mean slope", "$C$ crosses the floor"]
    assert np.allclose(left.get_lines()[0].get_ydata(), 0.006) and np.allclose(left.get_lines()[1].get_ydata(), (0.976 * 0.024 + 0.97 * 0.03) / 2)
    assert np.allclose(right.get_lines()[0].get_ydata(), np.log(a2 / (1 - a2)).mean(axis=(1, 2)))
    assert [line.get_xdata()[0] for line in (left.get_lines()[2], right.get_lines()[1])] == [1700, 1700]
    assert all(panel.get_legend() is not None for panel in (left, right))
    with pytest.raises(ValueError, match="a2"):
        plots.layer2_gap_and_z(steps, a2[:, :1], 1700)


def test_sum_or_mean_draws_the_mean_times_m_beside_the_sum():
    """Notebook 04's optional sum-or-mean figure (r141, fault 3): the mean drawn times m, on log axes from step 1."""
    sse = np.linspace(1, 0.01, 3000)  # (T,)
    mse = np.stack([sse[:2401] / 2, sse[:2401] / 2])  # (2, T')
    fig = plots.sum_or_mean(sse, mse, m=2)
    (ax,) = fig.axes
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["sse, lr 2", "mse, lr 2", "mse, lr 4 (on the wide line)"]
    assert lines[0].get_xdata()[0] == 1 and lines[0].get_xdata()[-1] == 2400
    assert np.allclose(lines[1].get_ydata(), lines[0].get_ydata()) and ax.get_xscale() == ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="mse"):
        plots.sum_or_mean(sse, mse[:1], m=2)


def test_both_starts_adds_the_notes_to_the_tied_and_random_figure():
    """Notebook 04's section 11 figure (r141, fault 3): the step-0 ring and dot, the note, the grey line's labels and ticks."""
    case = cases.sigmoid_2_3_3_2()
    tied = mh.train(case.network(), case.X, case.Y, 0.5, 200)
    untied = mh.train(case.network().init_random(seed=0), case.X, case.Y, 0.5, 100)
    fig = plots.both_starts(tied, untied)
    top = fig.axes[:3]
    assert top[2].get_ylim()[1] == 4.3
    assert [t.get_text() for panel in top for t in panel.texts if "step" in t.get_text() and "columns" not in t.get_text()] == [" step 100"] * 3
    note = [t for t in top[2].texts if t.get_text().startswith("both columns start at 1 (blue")]
    assert len(note) == 1 and note[0].xy == (0, 1.0)
    dots = [line for line in top[2].get_lines() if line.get_marker() == "o"]
    assert [line.get_markersize() for line in dots] == [12, 5] and dots[0].get_markerfacecolor() == "none"
    grey = next(line for line in top[2].get_lines() if line.get_xdata()[0] == 100 and line.get_linestyle() == "-" and len(line.get_xdata()) == 2)
    assert list(grey.get_ydata()) == [0, 0.7]
    assert list(top[0].get_xticks()) == [0]  # 200 steps: one tick every 5000
