"""The chain rule path by path (mlp_helpers.lessons.paths) against backprop, combinatorics and the widget."""

from math import prod

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import paths

ARCHITECTURES = [[1, 1, 1], [2, 2, 2], [2, 3, 3, 2], [3, 1, 4], [1, 2, 3, 2, 1], [4, 2], [2, 5, 1, 3]]


def random_network(sizes, seed, kinds=("sigmoid", "linear"), loss="sse"):
    """A network of ``sizes`` with random activations per layer (from ``kinds``), bias flag and one
    observation; for cross-entropy a sigmoid output and a target in [0, 1]."""
    rng = np.random.default_rng(seed)
    activation = [str(rng.choice(kinds)) for _ in sizes[1:]]
    if loss == "cross_entropy":
        activation[-1] = "sigmoid"
    bias = bool(seed % 2)
    net = mh.MLP(sizes, activation=activation, bias=bias).init_random(seed=seed, scale=0.9)
    x = rng.normal(size=sizes[0])
    y = rng.uniform(*((0, 1) if loss == "cross_entropy" else (-1, 1)), size=sizes[-1])
    return net, x, y


@pytest.mark.parametrize("loss", mh.LOSS_NAMES)
@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("sizes", ARCHITECTURES, ids=str)
def test_sum_of_path_products_is_the_gradient_of_every_parameter(sizes, seed, loss):
    net, x, y = random_network(sizes, seed, ("sigmoid", "linear", "tanh", "relu"), loss)
    if max(np.abs(g).max() for g in net.gradients(x[None, :], y[None, :], loss=loss)[0]) <= 1e-3:
        net.activation = ["tanh" if f == "relu" else f for f in net.activation]  # a dead ReLU: nothing to compare
    dW, db = net.gradients(x[None, :], y[None, :], loss=loss)  # one observation: m = 1
    pW, pb = paths.path_gradients(net, x, y, loss=loss)
    assert len(pb) == len(db) == (len(sizes) - 1 if net.bias else 0)
    for backprop, by_paths in zip(dW + db, pW + pb):
        np.testing.assert_allclose(by_paths, backprop, rtol=0, atol=1e-12)
    # The gradients must not be trivially zero, or the comparison proves nothing.
    assert max(np.abs(g).max() for g in dW) > 1e-3


def test_both_ways_of_cutting_a_path_give_the_same_products():
    net, x, y = random_network([2, 3, 3, 2], seed=5)
    fine = paths.chain_rule_paths(net, x, y, ("w", 0, 1, 2), through_z=True, loss="half_sse")
    coarse = paths.chain_rule_paths(net, x, y, ("w", 0, 1, 2), through_z=False, loss="half_sse")
    assert [len(p.factors) for p in fine.paths] == [7] * 6  # z and unit in 3 layers, then L
    assert [len(p.factors) for p in coarse.paths] == [4] * 6  # one factor per diagram edge, then L
    np.testing.assert_allclose([p.product for p in fine.paths], [p.product for p in coarse.paths], atol=1e-15)
    assert fine.total == pytest.approx(coarse.total, abs=1e-15)


@pytest.mark.parametrize("sizes", ARCHITECTURES, ids=str)
def test_number_of_paths_is_the_product_of_the_later_widths(sizes):
    net, x, y = random_network(sizes, seed=1)  # seed 1: with biases
    for parameter in paths.parameters(net):
        later = sizes[parameter[1] + 2:]
        found = paths.chain_rule_paths(net, x, y, parameter, loss="half_sse").paths
        assert len(found) == paths.count_paths(sizes, parameter) == prod(later)
        # every path is a different route, and visits one unit per later layer
        assert len({p.network_edges for p in found}) == len(found)
        assert all(len(p.network_edges) == len(sizes) - 1 - parameter[1] for p in found)


def test_path_counts_for_the_seed_networks():
    assert paths.count_paths([1, 1, 1], ("w", 0, 0, 0)) == 1
    assert paths.count_paths([2, 2, 2], ("w", 0, 0, 0)) == 2  # h1 -> o1 and h1 -> o2
    assert paths.count_paths([2, 2, 2], ("w", 1, 0, 0)) == 1
    assert paths.count_paths([2, 3, 3, 2], ("w", 0, 0, 0)) == 6
    assert paths.count_paths([2, 3, 3, 2], ("b", 1, 2)) == 2


@pytest.mark.parametrize("sizes", ARCHITECTURES, ids=str)
def test_layer_terms_count_the_paths_and_their_multiplications(sizes):
    """Each weight layer's (weights, paths per weight, multiplications per path), against the paths themselves."""
    net, x, y = random_network(sizes, seed=2)
    terms = paths.layer_terms(sizes)
    assert [n for n, _, _ in terms] == [W.size for W in net.weights]
    for l, (_, per_weight, mults) in enumerate(terms):
        found = paths.chain_rule_paths(net, x, y, ("w", l, 0, 0), through_z=False, loss="half_sse").paths
        assert len(found) == per_weight and {len(p.factors) - 1 for p in found} == {mults}


def test_multiplication_counts_by_hand():
    # 1-1-1: paths 2 + 1, folded 2 weight factors + 1 link factor; backpropagation 1 passing back, 2 deltas, 2 input x delta
    assert paths.multiplication_counts([1, 1, 1]) == ({"path products": 3, "folded": 3},
                                                      {"passing back": 1, "units": 2, "input x delta": 2})
    # 2-3-3-2: 6 x 6 x 3 + 9 x 2 x 2 + 6 x 1 x 1 = 150, folded (6 + 9 + 6) + (9 + 6) = 36; (9 + 6) + 8 + 21 = 44
    assert paths.multiplication_counts([2, 3, 3, 2]) == ({"path products": 150, "folded": 36},
                                                         {"passing back": 15, "units": 8, "input x delta": 21})
    summing, backprop = paths.multiplication_counts([10, 100, 100, 10])
    assert (sum(summing.values()), sum(backprop.values())) == (3224000, 23210)
    # a weight factor and a link factor cost summing paths what input x delta and passing back cost backpropagation
    for sizes in ARCHITECTURES:
        summing, backprop = paths.multiplication_counts(sizes)
        assert summing["folded"] == backprop["passing back"] + backprop["input x delta"]
    assert paths.written_sum([6, 9, 6]) == "6 + 9 + 6" and paths.written_sum([1]) == "1"


def test_highlight_edges_form_connected_routes():
    net, x, y = random_network([2, 3, 3, 2], seed=3)
    result = paths.chain_rule_paths(net, x, y, ("w", 0, 1, 2), loss="half_sse")
    for path in result.paths:
        edges = path.highlight_edges()
        assert edges[0] == ("w", 0, 1, 2)
        for before, after in zip(edges, edges[1:]):
            assert after[0] == "w" and after[1] == before[1] + 1 and after[2] == before[-1]
    assert len(result.highlight_edges()) == 1 + 3 + 3 * 2  # the weight, 3 then 6 later edges
    bias = paths.chain_rule_paths(net, x, y, ("b", 1, 0), loss="half_sse")
    assert bias.highlight_edges() == [("b", 1, 0), ("w", 2, 0, 0), ("w", 2, 0, 1)]


def test_seed002_labels_and_local_derivatives_of_the_2_2_2_network():
    net = mh.MLP([2, 2, 2]).set_params(
        [np.array([[0.15, 0.25], [0.2, 0.3]]), np.array([[0.4, 0.5], [0.45, 0.55]])],
        [np.array([0.35, 0.35]), np.array([0.6, 0.6])],
    )
    x, y = np.array([0.05, 0.1]), np.array([0.01, 0.99])
    result = paths.chain_rule_paths(net, x, y, "w1", notation="one_one_one", through_z=False, loss="half_sse")
    assert result.parameter == ("w", 0, 0, 0)
    assert [p.route for p in result.paths] == ["w1 → h1 → o1 → C", "w1 → h1 → o2 → C"]
    first, second = result.paths
    assert [f.label for f in first.factors] == ["dh1/dw1", "do1/dh1", "dC/do1"]
    assert [f.label for f in second.factors] == ["dh1/dw1", "do2/dh1", "dC/do2"]
    # the second path runs along w7 (h1 -> o2), as in the question's figure
    assert second.highlight_edges() == [("w", 0, 0, 0), ("w", 1, 0, 1)]
    a = net.forward(x[None, :])
    h1, o1, o2 = a[1][0, 0], a[2][0, 0], a[2][0, 1]
    assert first.factors[0].value == pytest.approx(h1 * (1 - h1) * 0.05, abs=1e-15)
    assert first.factors[1].value == pytest.approx(o1 * (1 - o1) * 0.4, abs=1e-15)
    assert second.factors[1].value == pytest.approx(o2 * (1 - o2) * 0.5, abs=1e-15)
    assert second.factors[2].value == pytest.approx(o2 - 0.99, abs=1e-15)
    assert result.total == pytest.approx(net.gradients(x[None], y[None], "half_sse")[0][0][0, 0], abs=1e-15)
    assert r"\frac{\partial o_{2}}{\partial h_{1}}" in result.to_html()


def test_labels_of_the_1_1_1_network_follow_the_issue():
    net = mh.MLP([1, 1, 1]).init_random(seed=2)
    result = paths.chain_rule_paths(net, [0.5], [0.2], "w1", notation="one_one_one", loss="half_sse")
    (path,) = result.paths
    assert [f.label for f in path.factors] == ["dz1/dw1", "dh/dz1", "dz2/dh", "dy'/dz2", "dC/dy'"]
    assert [f.formula for f in path.factors] == ["x", "h(1 - h)", "w_{2}", "y'(1 - y')", "y' - y"]
    sse = paths.chain_rule_paths(net, [0.5], [0.2], "w2", loss="sse", notation="one_one_one")
    assert [f.formula for f in sse.paths[0].factors] == ["h", "y'(1 - y')", "2(y' - y)"]
    assert sse.total == pytest.approx(2 * result.paths[0].factors[-1].value * sse.paths[0].factors[0].value
                                      * sse.paths[0].factors[1].value, abs=1e-15)


def test_a_linear_layer_has_slope_one():
    net = mh.MLP([1, 1, 1], activation="linear", bias=False).set_params([[[0.5]], [[-2.0]]])
    result = paths.chain_rule_paths(net, [3.0], [1.0], ("w", 0, 0, 0), notation="one_one_one", through_z=False, loss="half_sse")
    assert [(f.formula, f.value) for f in result.paths[0].factors] == [("x", 3.0), ("w_{2}", -2.0), ("y' - y", -4.0)]
    assert result.total == 24.0  # 3 * (-2) * (-4)


@pytest.mark.parametrize(
    "parameter, error, words",
    [
        (("w", 0, 0), TypeError, "parameter must be"),
        (("w", 2, 0, 0), ValueError, "layer must be below 2"),
        (("w", 0, 2, 0), ValueError, "from_unit must be below 2"),
        (("b", 0, 0), ValueError, "has no biases"),
        (("v", 0, 0, 0), TypeError, "parameter must be"),
        ([0, 0, 0], TypeError, "parameter must be"),
        (("w", 0.5, 0, 0), ValueError, "whole number"),
    ],
)
def test_bad_parameters_are_named(parameter, error, words):
    net = mh.MLP([2, 2, 2], bias=False)
    with pytest.raises(error, match=words):
        paths.chain_rule_paths(net, [0.1, 0.2], [0.0, 1.0], parameter, loss="half_sse")


def test_bad_data_and_options_are_named():
    net = mh.MLP([2, 2, 2])
    with pytest.raises(ValueError, match="ONE observation"):
        paths.chain_rule_paths(net, [[0.1, 0.2], [0.3, 0.4]], [[0, 1], [1, 0]], ("w", 0, 0, 0), loss="half_sse")
    with pytest.raises(ValueError, match="x must have 2 column"):
        paths.chain_rule_paths(net, [0.1, 0.2, 0.3], [0, 1], ("w", 0, 0, 0), loss="half_sse")
    with pytest.raises(ValueError, match="loss must be one of"):
        paths.chain_rule_paths(net, [0.1, 0.2], [0, 1], ("w", 0, 0, 0), loss="l1")
    with pytest.raises(ValueError, match="notation must be one of"):
        paths.chain_rule_paths(net, [0.1, 0.2], [0, 1], ("w", 0, 0, 0), notation="greek", loss="half_sse")
    with pytest.raises(TypeError, match="through_z must be True or False"):
        paths.chain_rule_paths(net, [0.1, 0.2], [0, 1], ("w", 0, 0, 0), through_z="yes", loss="half_sse")


def branching_network():
    """The 2-2-2 network of notebook 01 (seed 002's figure), its observation and target."""
    net = mh.MLP([2, 2, 2]).set_params(
        [np.array([[0.5, 0.3], [-0.4, 0.8]]), np.array([[0.6, 0.9], [-0.2, 0.1]])],
        [np.array([0.1, -0.1]), np.array([0.2, -0.3])],
    )
    return net, np.array([1.0, 0.5]), np.array([1.0, 0.0])


def test_weight_as_node_readings_of_the_question():
    net, x, y = branching_network()
    true = paths.chain_rule_paths(net, x, y, "w1", notation="one_one_one", through_z=False, loss="half_sse")
    partial = paths.weight_as_node(net, x, y, "w1", reading="partial", loss="half_sse")
    assert [p.route for p in partial.paths] == ["w1 → h1 → w5 → o1 → C", "w1 → h1 → w7 → o2 → C"]
    assert [f.label for f in partial.paths[1].factors] == ["dh1/dw1", "dw7/dh1", "do2/dw7", "dC/do2"]
    assert partial.total == 0.0
    # reading dw7/dh1 as w7 swaps do/dh = o(1-o) w for o(1-o) h1 * w: every path gains a factor h1
    edge = paths.weight_as_node(net, x, y, "w1", reading="edge weight", loss="half_sse")
    h1 = net.forward(x[None])[1][0, 0]
    assert edge.paths[1].factors[1].value == 0.9  # w7
    assert edge.total == pytest.approx(h1 * true.total, abs=1e-15)
    assert abs(edge.total - true.total) > 0.005
    # the misread sum is labelled as the proposed paths' sum, never as dC/dw1
    assert edge.proposed and not true.proposed
    assert repr(edge).endswith(f"sum of the proposed paths = {edge.total:.6g} (not dC/dw1)")
    assert "the proposed paths, not" in edge.to_html() and "the proposed paths" not in true.to_html()
    assert "<th>factor 1</th>" in true.to_html() and "<th>edge" not in true.to_html()
    with pytest.raises(ValueError, match="reading must be one of"):
        paths.weight_as_node(net, x, y, "w1", reading="reciprocal", loss="half_sse")


def test_check_path_gradient_names_the_slip():
    from mlp_helpers.lessons.path_exercises import check_path_gradient

    net, x, y = branching_network()
    w3 = paths.chain_rule_paths(net, x, y, "w3", notation="one_one_one", through_z=False, loss="half_sse")
    first, second = (p.product for p in w3.paths)

    def check(answer, weight="w3"):
        return check_path_gradient(answer, net, x, y, weight, loss="half_sse").verdict

    assert check(None).startswith("Not yet answered")
    assert check(...).startswith("Not yet answered")
    assert check("0.1").startswith("Not yet: the answer must be one finite number")
    assert check(w3.total) == "Correct: dC/dw3 is the sum of 2 path products."
    assert check(float(f"{w3.total:.4g}")).startswith("Correct")  # rounded to 4 digits
    assert "sign is flipped" in check(-w3.total)
    assert "path 1 alone (w3 → h2 → o1 → C)" in check(first)
    assert "path 2 alone" in check(second)
    assert "keep at least 4 significant digits" in check(float(f"{w3.total:.2g}"))
    assert check(1.0).startswith("Not yet: multiply the local derivatives along each path from w3 to C")
    o2 = net.forward(x[None])[2][0, 1]
    h1 = net.forward(x[None])[1][0, 0]
    assert "a factor is missing: dC/do2" in check(o2 * (1 - o2) * h1, "w7")
    assert "weight w7 was used where its input belongs" in check(0.9 * o2 * (1 - o2) * (o2 - 0.0), "w7")


def widget_parts(box):
    """The Dropdown, the figure Output and the table HTML of a path explorer."""
    def find(cls):
        (found,) = [w for w in box.children if cls in w._dom_classes]
        return found

    return find("bph-path-choice"), find("bph-figure"), find("bph-path-table")


def test_path_explorer_switches_paths_in_table_and_figure():
    from mlp_helpers.visual.widgets import path_explorer

    net, x, y = branching_network()
    box = path_explorer(net, x, y, notation="one_one_one", loss="half_sse")
    assert "bph-path-explorer" in box._dom_classes
    choice, out, table = widget_parts(box)
    assert [label for label, _ in choice.options] == [f"w{k}" for k in range(1, 9)]
    assert dict(choice.options)["w7"] == ("w", 1, 0, 1)
    assert choice.label == "w1" and "along 2 paths; their products add up to" in table.value
    assert "w_{1}" in table.value and "0.0168274" in table.value
    (first_image,) = out.outputs
    assert set(first_image["data"]) >= {"image/png"}
    choice.label = "w7"
    assert "along 1 path; its product is" in table.value and "0.0841505" in table.value
    assert "0.0168274" not in table.value
    (second_image,) = out.outputs
    assert second_image["data"]["image/png"] != first_image["data"]["image/png"]


def test_path_explorer_reports_callback_errors_in_its_output(monkeypatch):
    from mlp_helpers import widgets as explorer

    net, x, y = branching_network()
    box = explorer.path_explorer(net, x, y, notation="one_one_one", loss="half_sse")
    choice, out, _ = widget_parts(box)

    def broken(*args, **kwargs):
        raise RuntimeError("the diagram could not be drawn")

    monkeypatch.setattr(explorer, "figure_png", broken)
    choice.label = "w2"
    (error,) = out.outputs
    assert error["text"].startswith("Error: RuntimeError: the diagram could not be drawn\n(in broken, line ")


def test_path_explorer_rejects_bad_arguments_at_once():
    from mlp_helpers.visual.widgets import path_explorer

    net, x, y = branching_network()
    with pytest.raises(ValueError, match="notation must be one of"):
        path_explorer(net, x, y, notation="greek", loss="half_sse")
    with pytest.raises(ValueError, match="y must have 2 column"):
        path_explorer(net, x, [1.0], notation="one_one_one", loss="half_sse")


def test_default_names_are_the_cards():
    """Path tables name units a^l_j with the card's unit numbers (from 1) and weights W_l[i, j] (numpy, from 0)."""
    net = mh.MLP([2, 2, 2]).set_params([[[0.5, 0.3], [-0.4, 0.8]], [[0.6, 0.9], [-0.2, 0.1]]],
                                       [[0.1, -0.1], [0.2, -0.3]])
    result = paths.chain_rule_paths(net, [0.8, 0.4], [0.2, 0.4], ("w", 0, 1, 0), loss="sse")
    assert [p.route for p in result.paths] == ["W_0[1, 0] → z^1_1 → a^1_1 → z^2_1 → a^2_1 → C",
                                               "W_0[1, 0] → z^1_1 → a^1_1 → z^2_2 → a^2_2 → C"]
    first, *_, last = result.paths[1].factors
    assert (first.latex, first.formula) == (r"\frac{\partial z^{1}_{1}}{\partial W_{0}[1, 0]}", "x_{2}")
    assert last.formula == "2(a^{2}_{2} - y_{2})"  # output 2 against target 2
    assert result.paths[1].factors[2].formula == "W_{1}[0, 1]"  # from hidden unit 1 to output 2
    assert result.to_text().endswith("dC/dW_0[1, 0] = 0.0186285 (sum of 2 path(s))")
    assert paths.chain_rule_paths(net, [0.8, 0.4], [0.2, 0.4], "W0[1,0]", loss="sse").total == result.total  # old name
