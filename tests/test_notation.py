"""Each seed's weight names map to the right entries of ``weights[l][from, to]``.

The equations come from the seeds themselves; a name mapped to the wrong entry makes
one of them fail.
"""

import re

import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers.lessons.notation import (
    NOTATIONS,
    bias_label,
    latex_matrix,
    latex_table,
    parse_weight,
    unit_label,
    weight_label,
)


def named(net, notation, label, sizes=None):
    """The value of the weight called ``label`` in ``net``."""
    layer, i, j = parse_weight(notation, label, sizes=sizes)
    return net.weights[layer][i, j]


@pytest.fixture
def linear_221():
    net = mh.MLP([2, 2, 1], activation="linear", bias=False).init_random(seed=3)
    x = np.array([[0.7, -1.3]])
    return net, x


def test_regression_question_names_match_its_equations(linear_221):
    net, x = linear_221
    w = lambda name: named(net, "regression_question", name)  # noqa: E731
    x1, x2 = x[0]
    z = x @ net.weights[0]
    # z_a1 = w111 x1 + w121 x2 and z_a2 = w211 x1 + w221 x2
    assert z[0, 0] == pytest.approx(w("w111") * x1 + w("w121") * x2, rel=1e-15)
    assert z[0, 1] == pytest.approx(w("w211") * x1 + w("w221") * x2, rel=1e-15)
    # the output weights w112 (from a1) and w212 (from a2)
    assert net.predict(x)[0, 0] == pytest.approx(w("w112") * z[0, 0] + w("w212") * z[0, 1], rel=1e-15)
    sizes = [2, 2, 1]
    assert [unit_label("regression_question", l, u, sizes=sizes) for l, u in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)]] == [
        "x1",
        "x2",
        "z_a1",
        "z_a2",
        "y'",
    ]


def test_regression_answer_names_match_its_equations_and_derivatives(linear_221):
    net, x = linear_221
    w = lambda name: named(net, "regression_answer", name)  # noqa: E731
    x1, x2 = x[0]
    z11 = w("w111") * x1 + w("w112") * x2
    z12 = w("w121") * x1 + w("w122") * x2
    z_b = w("w211") * z11 + w("w212") * z12
    hidden = net.forward(x)[1][0]
    assert hidden == pytest.approx([z11, z12], rel=1e-15)
    assert net.predict(x)[0, 0] == pytest.approx(z_b, rel=1e-15)
    # With L = 1/2 (y' - y)^2 and y = y' - 1, dL/dz_b = 1, so backprop gives dz_b/dw.
    dW, _ = net.gradients(x, [[z_b - 1.0]], loss="half_sse")
    grad = lambda name: dW[parse_weight("regression_answer", name)[0]][parse_weight("regression_answer", name)[1:]]  # noqa: E731
    expected = {
        "w111": x1 * w("w211"),
        "w121": x1 * w("w212"),
        "w112": x2 * w("w211"),
        "w122": x2 * w("w212"),
        "w211": z11,
        "w212": z12,
    }
    for name, value in expected.items():
        assert grad(name) == pytest.approx(value, rel=1e-12), name
    assert [unit_label("regression_answer", 1, u) for u in range(2)] == ["z11", "z12"]
    assert unit_label("regression_answer", 2, 0) == "z21"


def test_the_two_seed000_notations_name_the_same_weight_differently():
    # weights[0][1, 0] (x2 -> first hidden unit) is w121 in the question, w112 in the answer
    assert weight_label("regression_question", 0, 1, 0) == "w121"
    assert weight_label("regression_answer", 0, 1, 0) == "w112"
    assert weight_label("regression_question", 1, 1, 0) == "w212"
    assert weight_label("regression_answer", 1, 1, 0) == "w212"
    assert weight_label("regression_answer", 0, 1, 0, latex=True) == "w_{112}"


def test_seed001_augmented_table_reproduces_the_first_activation():
    net = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    X = np.array([[0.8, 0.4], [0.3, 0.3]])
    # row "1" holds b^0_j, row a^0_i holds w^0_{i,j}
    table = np.array(
        [[net.biases[0][j] for j in range(3)]]
        + [[named(net, "tied_units", f"w^0_{{{i},{j}}}") for j in range(3)] for i in range(2)]
    )
    a1 = mh.sigmoid(np.column_stack([np.ones(2), X]) @ table)
    assert a1 == pytest.approx(net.forward(X)[1], abs=1e-15)
    assert a1[:, 0] == pytest.approx([0.9002495, 0.8320184], abs=5e-8)
    assert weight_label("tied_units", 1, 0, 2) == "w^1_{0,2}"
    assert weight_label("tied_units", 1, 0, 2, latex=True) == "w^{1}_{0,2}"
    assert bias_label("tied_units", 2, 1) == "b^2_1"
    assert unit_label("tied_units", 3, 1, latex=True) == "a^{3}_{1}"
    symbolic = latex_table("tied_units", 0, [2, 3, 3, 2], bias_row=True)
    assert symbolic == (
        r"\begin{array}{c|ccc} & a^{1}_{0} & a^{1}_{1} & a^{1}_{2} \\ \hline "
        r"1 & b^{0}_{0} & b^{0}_{1} & b^{0}_{2} \\ "
        r"a^{0}_{0} & w^{0}_{0,0} & w^{0}_{0,1} & w^{0}_{0,2} \\ "
        r"a^{0}_{1} & w^{0}_{1,0} & w^{0}_{1,1} & w^{0}_{1,2}\end{array}"
    )


def test_seed001_gradient_table_with_three_identical_rows():
    net = mh.MLP([2, 3, 3, 2]).init_constant(1.0)
    dW, db = net.gradients([[0.8, 0.4], [0.3, 0.3]], [[0.2, 0.4], [1, 0]], loss="sse")
    table = latex_table("tied_units", 2, [2, 3, 3, 2], weight=dW[2], bias=db[2])
    body = table[table.index("{c|cc}") + len("{c|cc}") : table.rindex(r"\end")]
    rows = [row.replace(r"\hline", "").split("&") for row in body.split(r"\\")]
    assert [cell.strip() for cell in rows[0]] == ["", "a^{3}_{0}", "a^{3}_{1}"]
    assert [row[0].strip() for row in rows[1:]] == ["1", "a^{2}_{0}", "a^{2}_{1}", "a^{2}_{2}"]
    numbers = np.array([[float(cell) for cell in row[1:]] for row in rows[1:]])
    # the question's table (float32 arithmetic, hence 2e-6)
    seed = [[0.0288126, 0.0596958], [0.028122, 0.0580562], [0.028122, 0.0580562], [0.028122, 0.0580562]]
    assert numbers == pytest.approx(np.array(seed), abs=2e-6)
    assert (numbers[1] == numbers[2]).all() and (numbers[2] == numbers[3]).all()  # three identical rows


def test_seed002_numbering_of_the_2_2_2_picture():
    sizes = [2, 2, 2]
    edges = {
        f"w{k}": (unit_label("one_one_one", l, i, sizes=sizes), unit_label("one_one_one", l + 1, j, sizes=sizes))
        for k, (l, i, j) in enumerate(
            [(l, i, j) for l in range(2) for j in range(2) for i in range(2)], start=1
        )
    }
    assert edges == {
        "w1": ("x1", "h1"),
        "w2": ("x2", "h1"),
        "w3": ("x1", "h2"),
        "w4": ("x2", "h2"),
        "w5": ("h1", "o1"),
        "w6": ("h2", "o1"),
        "w7": ("h1", "o2"),
        "w8": ("h2", "o2"),
    }
    for name, (start, end) in edges.items():
        layer, i, j = parse_weight("one_one_one", name, sizes=sizes)
        assert weight_label("one_one_one", layer, i, j, sizes=sizes) == name
        assert unit_label("one_one_one", layer, i, sizes=sizes) == start
        assert unit_label("one_one_one", layer + 1, j, sizes=sizes) == end


def test_seed002_answer_chain_rule_for_w1():
    # dL/dw1 = dh1/dw1 (do1/dh1 dL/do1 + do2/dh1 dL/do2): w5 and w7 leave h1
    sizes = [2, 2, 2]
    net = mh.MLP(sizes).init_random(seed=11)
    x, y = np.array([[0.4, -0.9]]), np.array([[0.1, 0.8]])
    _, h, o = (a[0] for a in net.forward(x))
    w = lambda name: named(net, "one_one_one", name, sizes=sizes)  # noqa: E731
    dL_dzo = (o - y[0]) * o * (1 - o)  # L = 1/2 sum (y - y')^2
    dL_dw1 = x[0, 0] * h[0] * (1 - h[0]) * (w("w5") * dL_dzo[0] + w("w7") * dL_dzo[1])
    dW, _ = net.gradients(x, y, loss="half_sse")
    layer, i, j = parse_weight("one_one_one", "w1", sizes=sizes)
    assert dW[layer][i, j] == pytest.approx(dL_dw1, rel=1e-12)


def test_seed002_one_one_one_names():
    sizes = [1, 1, 1]
    assert [weight_label("one_one_one", l, 0, 0, sizes=sizes) for l in range(2)] == ["w1", "w2"]
    assert [bias_label("one_one_one", l, 0, sizes=sizes) for l in range(2)] == ["b1", "b2"]
    assert [unit_label("one_one_one", l, 0, sizes=sizes) for l in range(3)] == ["x", "h", "y'"]
    assert bias_label("one_one_one", 1, 1, sizes=[2, 2, 2]) == "b4"


def test_one_one_one_units_names_biases_after_their_units():
    sizes = [1, 1, 1]
    assert [bias_label("one_one_one_units", l, 0, sizes=sizes) for l in range(2)] == ["b_h", "b_y'"]
    assert bias_label("one_one_one_units", 1, 0, latex=True, sizes=sizes) == "b_{y'}"
    assert weight_label("one_one_one_units", 1, 0, 0, sizes=sizes) == "w2"
    assert unit_label("one_one_one_units", 2, 0, sizes=sizes) == "y'"
    # layers of several units too: b_h1 is the bias of h1, never the card's b_1
    assert [bias_label("one_one_one_units", l, j, sizes=[2, 2, 2]) for l in (0, 1) for j in (0, 1)] == [
        "b_h1", "b_h2", "b_o1", "b_o2"]
    assert bias_label("one_one_one_units", 0, 1, latex=True, sizes=[2, 2, 2]) == "b_{h_{2}}"


@pytest.mark.parametrize("notation", NOTATIONS)
@pytest.mark.parametrize("sizes", [[2, 3, 3, 2], [1, 1, 1], [3, 11, 2]])
def test_every_label_parses_back_to_its_weight(notation, sizes):
    labels = set()
    for l in range(len(sizes) - 1):
        for i in range(sizes[l]):
            for j in range(sizes[l + 1]):
                for latex in (False, True):
                    label = weight_label(notation, l, i, j, latex=latex, sizes=sizes)
                    assert parse_weight(notation, label, sizes=sizes) == (l, i, j)
                    assert parse_weight(notation, f"${label}$", sizes=sizes) == (l, i, j)
                labels.add(weight_label(notation, l, i, j, sizes=sizes))
    n_weights = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    assert len(labels) == n_weights  # no two weights share a name


def test_wide_layers_separate_their_indices():
    assert weight_label("regression_answer", 0, 2, 10, sizes=[3, 11, 2]) == "w1,11,3"
    assert weight_label("regression_answer", 0, 2, 10, latex=True) == "w_{1,11,3}"


def test_latex_matrix():
    assert latex_matrix([[0.9002495, 0.9002495], [0.8320184, -0.0]]) == (
        r"\begin{pmatrix}0.9002495 & 0.9002495 \\ 0.8320184 & 0\end{pmatrix}"
    )
    assert latex_matrix([1.5613816, -0.0392272], digits=3) == r"\begin{pmatrix}1.56 & -0.0392\end{pmatrix}"


@pytest.mark.parametrize(
    "call, error, words",
    [
        (lambda: weight_label("greek", 0, 0, 0), ValueError, "notation"),
        (lambda: weight_label("one_one_one", 0, 0, 0), ValueError, "sizes"),
        (lambda: weight_label("tied_units", 0, 2, 0, sizes=[2, 3, 2]), ValueError, "from_unit"),
        (lambda: weight_label("tied_units", 2, 0, 0, sizes=[2, 3, 2]), ValueError, "layer"),
        (lambda: weight_label("index", 0, -1, 0), ValueError, "from_unit"),
        (lambda: weight_label("index", 0, 0.5, 0), ValueError, "from_unit"),
        (lambda: unit_label("tied_units", 0, 2, sizes=[2, 3, 2]), ValueError, "unit"),
        (lambda: bias_label("tied_units", 0, 3, sizes=[2, 3, 2]), ValueError, "unit"),
        (lambda: parse_weight("regression_answer", "v111"), ValueError, "label"),
        (lambda: parse_weight("regression_answer", "w011"), ValueError, "counts from 1"),
        (lambda: parse_weight("one_one_one", "w9", sizes=[2, 2, 2]), ValueError, "w1 .. w8"),
        (lambda: parse_weight("tied_units", "w^0_{2,0}", sizes=[2, 3, 2]), ValueError, "outside"),
        (lambda: parse_weight("tied_units", 7), TypeError, "label"),
        (lambda: latex_matrix(np.zeros((2, 2, 2))), ValueError, "array"),
        (lambda: latex_matrix([[np.nan]]), ValueError, "array"),
        (lambda: latex_table("tied_units", 0, [2, 3], weight=np.zeros((3, 2))), ValueError, "weight"),
        (lambda: latex_table("tied_units", 1, [2, 3]), ValueError, "layer"),
    ],
)
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_card_names_are_the_notation_cards(linear_221):
    """notebooks/NOTATION.md: W_l[i, j] is weights[l][i, j]; units x_j, h_j (one hidden layer) or a^l_j, and y'."""
    net, x = linear_221
    for l, i, j in [(0, 1, 0), (1, 1, 0)]:
        assert named(net, "card", f"W_{l}[{i}, {j}]") == named(net, "card", f"weights[{l}][{i}, {j}]") == net.weights[l][i, j]
    # h_2 = W_0[0, 1] x_1 + W_0[1, 1] x_2 and y' = W_1[0, 0] h_1 + W_1[1, 0] h_2, as the card's z^{l+1} = a^l W_l
    w = lambda name: named(net, "card", name)  # noqa: E731
    h = x @ net.weights[0]
    assert h[0, 1] == pytest.approx(w("W_0[0, 1]") * x[0, 0] + w("W_0[1, 1]") * x[0, 1], rel=1e-14)
    assert net.predict(x)[0, 0] == pytest.approx(w("W_1[0, 0]") * h[0, 0] + w("W_1[1, 0]") * h[0, 1], rel=1e-14)
    assert [unit_label("card", l, u, sizes=[2, 2, 1]) for l, u in [(0, 0), (1, 1), (2, 0)]] == ["x_1", "h_2", "y'"]
    assert [unit_label("card", l, u, sizes=[2, 3, 3, 2], latex=True) for l, u in [(1, 2), (2, 0), (3, 1)]] == [
        "a^{1}_{3}", "a^{2}_{1}", "y'_{2}"]
    assert (weight_label("card", 1, 2, 0, latex=True), bias_label("card", 0, 1), bias_label("card", 0, 1, latex=True)) == (
        "W_{1}[2, 0]", "b_0[1]", "b_{0}[1]")
    with pytest.raises(ValueError, match="sizes is needed"):
        unit_label("card", 1, 0)


def test_index_names_follow_the_card_for_any_network():
    """The default notation: units a^l_j numbered from 1 (the card's subscripts), weights W_l[i, j] indexed from 0."""
    card_numbers = re.compile(r"_\{?(\d+)\}?$")
    for sizes in ([2, 3, 3, 2], [2, 2, 2], [1, 1, 1]):
        for l, n in enumerate(sizes):
            for j in range(n):
                for latex in (False, True):
                    name = unit_label("index", l, j, latex=latex, sizes=sizes)
                    assert int(card_numbers.search(name).group(1)) == j + 1, name  # a subscript is a unit's number
                    assert name.startswith("x" if l == 0 else f"a^{{{l}}}" if latex else f"a^{l}"), name
    # no sizes needed: every layer past the inputs is a^l, the output too (the card's a^L)
    assert [unit_label("index", l, u) for l, u in [(0, 1), (1, 2), (3, 0)]] == ["x_2", "a^1_3", "a^3_1"]
    assert unit_label("index", 2, 1, latex=True) == "a^{2}_{2}"
    # the card's own example: W_0[1, 2] is weights[0][1, 2], from input x_2 to hidden unit 3
    assert weight_label("index", 0, 1, 2) == "W_0[1, 2]" and weight_label("index", 0, 1, 2, latex=True) == "W_{0}[1, 2]"
    assert (unit_label("index", 0, 1), unit_label("index", 1, 2)) == ("x_2", "a^1_3")
    assert (bias_label("index", 1, 2), bias_label("index", 1, 2, latex=True)) == ("b_1[2]", "b_{1}[2]")
    # the labels of the first versions still name the same weight
    for old in ("W0[1,2]", "W^{(0)}_{1,2}", "$W^{(0)}_{1,2}$", "weights[0][1, 2]"):
        assert parse_weight("index", old, sizes=[2, 3, 3, 2]) == (0, 1, 2), old


def test_small_network_letters_only_in_card():
    assert [unit_label("card", l, 1, sizes=[2, 2, 2]) for l in range(3)] == ["x_2", "h_2", "y'_2"]
    assert [unit_label("index", l, 1, sizes=[2, 2, 2]) for l in range(3)] == ["x_2", "a^1_2", "a^2_2"]
