"""Diagram labels never overlap: measured with the Agg renderer on every network the notebooks
draw, in the notebooks' notations and sizes, with and without values; each label sits on its
own edge; the layout's geometry is checked against hand-worked boxes."""

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import mlp_helpers as mh  # noqa: E402
from mlp_helpers import cases, plots  # noqa: E402
from mlp_helpers.visual import label_layout, widgets  # noqa: E402

#: the networks the notebooks draw (01: 1-1-1 and 2-2-2; 02: 2-2-1; 03: 2-2-2 and 2-3-3-2; 04, 05: 2-3-3-2)
SIZES = [[1, 1, 1], [2, 2, 1], [2, 2, 2], [2, 3, 3, 2]]


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def clashes(fig):
    """Pairs of shown texts whose drawn boxes intersect, and texts that cover a unit other than their own name."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts, units = [], []
    for ax in fig.axes:
        texts += [(t.get_text(), t.get_window_extent(renderer), t.get_gid()) for t in ax.texts
                  if t.get_visible() and t.get_text()]
        units += [(p.get_gid(), p.get_window_extent(renderer)) for p in ax.patches
                  if (p.get_gid() or "").startswith("unit:")]
    found = [(a, b) for (a, box_a, _), (b, box_b, _) in itertools.combinations(texts, 2) if box_a.overlaps(box_b)]
    labels = [(text, box) for text, box, gid in texts if gid and gid.startswith(("wlabel:", "b:"))]
    found += [(text, unit) for (text, box), (unit, circle) in itertools.product(labels, units) if box.overlaps(circle)]
    return found


def network(sizes):
    return mh.MLP(sizes).init_random(seed=0)


@pytest.mark.parametrize("sizes", SIZES, ids=lambda s: "-".join(map(str, s)))
@pytest.mark.parametrize("show_values", [False, True])
@pytest.mark.parametrize("notation", ["index", "card", "one_one_one"])
def test_labels_never_overlap_at_the_default_size(sizes, show_values, notation):
    fig = plots.draw_network(network(sizes), notation=notation, show_values=show_values)
    assert clashes(fig) == []


def branch():
    """Notebook 01's and 03's 2-2-2 network, with its crossing edges of both signs."""
    return mh.MLP([2, 2, 2]).set_params([[[0.5, 0.3], [-0.4, 0.8]], [[0.6, 0.9], [-0.2, 0.1]]],
                                        [[0.1, -0.1], [0.2, -0.3]])


def in_axes(figsize, layout=None, **draw):
    fig, ax = plt.subplots(figsize=figsize, layout=layout)
    return plots.draw_network(ax=ax, **draw)


NOTEBOOK_FIGURES = {
    "01 both networks": plots.question_networks,
    "01 path highlighted": lambda: plots.draw_network(
        branch(), notation="one_one_one", show_values=True,
        highlight_edges=mh.chain_rule_paths(branch(), [1.0, 0.5], [1.0, 0.0], "w1", loss="half_sse",
                                            notation="one_one_one").highlight_edges()),
    "02 question's names": lambda: in_axes((6.2, 3.6), "constrained", net=cases.linear_2_2_1().network().init_random(seed=0),
                                           notation="regression_question", label_size=13, crossing_spread=0.22,
                                           crossing_labels="inputs", opaque_labels=True),
    "02 card's names": lambda: in_axes((6.2, 3.6), "constrained", net=cases.linear_2_2_1().network().init_random(seed=0),
                                       notation="card", label_size=11, crossing_spread=0.22, crossing_labels="inputs",
                                       opaque_labels=True),
    "03 2-2-2 with values": lambda: in_axes((9, 3.4), net=branch(), show_values=True),
    "03 2-3-3-2 bias values only": lambda: plots.draw_network(mh.MLP([2, 3, 3, 2]).init_constant(1.0), tied=False,
                                                              label_layers=[], show_values=True),
    "04 question's names": lambda: in_axes((11, 4.8), net=cases.sigmoid_2_3_3_2().network(), notation="tied_units",
                                           label_layers=[0, 2], label_size=12),
    "02 and 04 explorers": lambda: _explorers(),
}


def test_crossing_labels_can_sit_away_from_the_crossing():
    """With crossing_spread=0.3 each crossing edge's label sits near a unit
    (at most 0.2 of its edge from it), where no other edge passes; the default keeps 0.3 and 0.7."""
    for spread, far in [(0.3, 0.3), (0.2, 0.2)]:
        fig = plots.draw_network(mh.MLP([2, 2, 2]).init_constant(1.0), notation="one_one_one_units", tied=False,
                                 label_size=12, crossing_spread=spread)
        lines = {gid[2:]: line for gid, line in _by_gid(fig, "w:").items()}
        for gid in ["0:0:1", "0:1:0", "1:0:1", "1:1:0"]:  # w3, w2, w7, w6: the edges that cross
            (x0, x1), _ = lines[gid].get_data()
            t = (_by_gid(fig, "wlabel:")["wlabel:" + gid].get_position()[0] - x0) / (x1 - x0)
            assert abs(t - 0.5) == pytest.approx(far), (spread, gid)
        assert clashes(fig) == []
    for bad in (-0.1, 0.4, float("nan")):
        with pytest.raises(ValueError, match="crossing_spread"):
            plots.draw_network(mh.MLP([2, 2, 2]), crossing_spread=bad)


def _explorers():
    for case in (cases.linear_2_2_1(), cases.sigmoid_2_3_3_2()):
        fig = widgets.plot_training(case.train()[1], notation=case.notation)
        assert clashes(fig) == [], case.name
    return fig


@pytest.mark.parametrize("name", NOTEBOOK_FIGURES)
def test_labels_never_overlap_in_the_notebooks_figures(name):
    assert clashes(NOTEBOOK_FIGURES[name]()) == []


def test_the_check_sees_labels_left_where_they_would_rather_sit(monkeypatch):
    # without the layout (every label at its preferred place) the labels of the 2-3-3-2 explorer's fans collide
    def preferred(edges, sizes, preferred, fixed, others):
        return np.asarray(preferred)

    monkeypatch.setattr(label_layout, "choose_places", preferred)
    case = cases.sigmoid_2_3_3_2()
    assert len(clashes(widgets.plot_training(case.train()[1], notation=case.notation))) >= 4


@pytest.mark.parametrize("show_values", [False, True])
def test_each_label_sits_on_its_own_edge(show_values):
    fig = plots.draw_network(network([2, 3, 3, 2]), show_values=show_values)
    lines = {gid[2:]: line for gid, line in _by_gid(fig, "w:").items()}
    for gid, text in _by_gid(fig, "wlabel:").items():
        (x0, x1), (y0, y1) = lines[gid[7:]].get_data()
        x, y = text.get_position()
        t = (x - x0) / (x1 - x0)
        assert min(abs(t - label_layout.PLACES)) < 1e-12, gid
        assert y == pytest.approx(y0 + t * (y1 - y0)), gid


def _by_gid(fig, prefix):
    return {a.get_gid(): a for a in fig.findobj() if (a.get_gid() or "").startswith(prefix)}


def test_explorer_keeps_its_label_places_from_step_to_step():
    case = cases.sigmoid_2_3_3_2()
    figure = widgets.TrainingFigure(case.sizes, case.notation)
    figure.show(case.train()[1])
    before = [t.get_position() for t in figure.diagram.edge_labels.values()]
    figure.show_step(0)
    assert [t.get_position() for t in figure.diagram.edge_labels.values()] == before


def test_overlap_area_and_crossings_by_hand():
    box = np.array([0.0, 0.0, 2.0, 1.0])
    # a 1 x 0.5 corner inside, one touching nothing, one covering the whole box
    assert label_layout.overlap_area(box, [[1.0, 0.5, 3.0, 3.0], [5, 5, 6, 6], [-1, -1, 3, 2]]) == pytest.approx(2.5)
    assert label_layout.overlap_area(box, np.empty((0, 4))) == 0.0
    segments = [[-1, 0.5, 3, 0.5],   # straight through
                [-1, 2, 3, 2],       # above, level
                [1, -1, 1, 2],       # straight down through
                [3, 3, 4, 4],        # far away
                [-1, -1, 0.5, 0.5],  # ends inside
                [-1, 1.5, 0.5, 3]]   # passes the corner outside
    assert label_layout.segments_crossing(box, segments).tolist() == [True, False, True, False, True, False]


def test_choose_places_moves_a_label_off_a_box_and_off_other_edges():
    edge = [[0.0, 0.0, 2.0, 0.0]]
    # a box over the middle of the edge: the label moves to the nearest place clear of it, [0.2, 0.6] wide
    places = label_layout.choose_places(edge, [(0.4, 0.2)], [0.5], [(0.6, -0.5, 1.6, 0.5)], [np.empty((0, 4))])
    assert places.tolist() == [0.2]
    # a second label on the same edge keeps clear of the first
    both = label_layout.choose_places(edge * 2, [(0.4, 0.2)] * 2, [0.5, 0.5], np.empty((0, 4)),
                                      [np.empty((0, 4))] * 2)
    assert both[0] == 0.5 and abs(both[1] - both[0]) * 2.0 >= 0.4 - 1e-12
    # an edge crossing the middle pushes the label off the crossing
    crossing = label_layout.choose_places(edge, [(0.2, 0.2)], [0.5], np.empty((0, 4)), [np.array([[1.0, -1, 1.0, 1]])])
    assert abs(crossing[0] - 0.5) * 2.0 > 0.1


def test_bias_label_size_sets_only_the_bias_labels():
    """Notebook 01's section 4 and 6 diagrams: bias_label_size enlarges b_{h_1}'s nested subscripts;
    the default stays 2 points under label_size, never below 9.5, and the weight labels keep theirs."""
    net = mh.MLP([2, 2, 2]).init_constant(0.5)
    for kwargs, bias_size in [({}, 9.5), ({"label_size": 13}, 11.0), ({"bias_label_size": 11}, 11.0)]:
        fig = plots.draw_network(net, notation="one_one_one_units", tied=False, show_values=True, **kwargs)
        assert {text.get_fontsize() for text in _by_gid(fig, "b:").values()} == {bias_size}, kwargs
        assert {text.get_fontsize() for text in _by_gid(fig, "wlabel:").values()} == {kwargs.get("label_size", 9.5)}
        assert clashes(fig) == []


@pytest.mark.parametrize("kwargs, error, match", [({"crossing_labels": "middle"}, ValueError, "crossing_labels"),
                                                  ({"crossing_labels": 1}, TypeError, "crossing_labels"),
                                                  ({"opaque_labels": "yes"}, TypeError, "opaque_labels")])
def test_diagram_options_name_a_bad_value(kwargs, error, match):
    with pytest.raises(error, match=match):
        plots.draw_network(mh.MLP([2, 2, 1]), **kwargs)
    plt.close("all")
