"""The chain rule path by path: dC/dp as a sum over every route from a parameter to the cost C.

For ONE observation, a weight ``weights[l][i, j]`` (or a bias ``biases[l][j]``) changes the
loss only through unit j of layer l+1, and from there through every choice of one unit in each
later layer. Each such route is a *path*; the chain rule says::

    dC/dp = sum over paths of (product of the local derivatives along the path)

With sizes ``[n0, n1, ..., nL]`` a parameter of weight layer l has ``n_{l+2} * ... * n_L``
paths (one path for the last layer). Two ways to cut a path into local derivatives:

* ``through_z=True`` (fine): every pre-activation z is a node, e.g. in the 1-1-1 network
  ``w1 -> z1 -> h -> z2 -> y' -> C`` with factors dz1/dw1 = x, dh/dz1 = h(1 - h),
  dz2/dh = w2, dy'/dz2 = y'(1 - y'), dC/dy' = y' - y.
* ``through_z=False`` (one factor per edge of the network diagram), as in the answer to
  the 1-1-1 question: ``w1 -> h1 -> o1 -> C`` with dh1/dw1 = h1(1 - h1) x1, do1/dh1 = o1(1 - o1) w5,
  dC/do1 = o1 - y1.

Parameters are written as the tuples ``plots.draw_network`` highlights: ``("w", l, i, j)``
for ``weights[l][i, j]`` and ``("b", l, j)`` for ``biases[l][j]`` (0-based), or as a weight
label in the chosen notation (``"w7"`` in ``"one_one_one"``).

Pre-activations are named after their unit: ``z^1_2`` for unit ``a^1_2`` (``"index"``, the card's names),
``z1, z2, ...`` (by layer) where a layer has a single unit, ``z_h1``, ``z_o2`` otherwise. Targets are ``y`` for one output, else
``y1, y2, ...`` (numbered from 1, as the card numbers units).
"""

from dataclasses import dataclass
from html import escape
from itertools import product
from math import prod

import numpy as np

from . import notation as notations
from ..activations import slope
from ..losses import check_loss, loss_gradient
from ..network import check_network, feedforward
from .notation import format_number
from ..validation import as_choice, as_count, as_float_array, as_observations, as_parameter

#: the factor d(loss)/d(output) for one observation, as a multiple of (output - target)
_LOSS_FACTOR = {"sse": "2", "mse": "2", "half_sse": "", "half_mse": ""}

#: f'(z) of each activation written with its output u (a LaTeX name)
_SLOPE_FORMULA = {
    "sigmoid": "{u}(1 - {u})",
    "tanh": "1 - ({u})^2",
    "relu": r"\mathbb{{1}}[{u} > 0]",
    "linear": "1",
}


@dataclass(frozen=True)
class LocalDerivative:
    """One edge of a path: d(``of``)/d(``wrt``) = ``formula`` = ``value``.

    ``of``/``wrt`` are plain names (``"z2"``, ``"h"``), ``of_latex``/``wrt_latex`` the same in
    LaTeX; ``formula`` is the LaTeX expression the value comes from (``"w_{2}"``).
    """

    of: str
    wrt: str
    of_latex: str
    wrt_latex: str
    formula: str
    value: float

    @property
    def label(self):
        """Plain label such as ``"dz2/dh"``."""
        return f"d{self.of}/d{self.wrt}"

    @property
    def latex(self):
        r"""LaTeX label such as ``\frac{\partial z_{2}}{\partial h}``."""
        return rf"\frac{{\partial {self.of_latex}}}{{\partial {self.wrt_latex}}}"


@dataclass(frozen=True)
class ChainPath:
    """One route from a parameter to the loss.

    nodes: plain names from the parameter to ``"C"`` (the cost); factors: one ``LocalDerivative`` per
    edge (``len(nodes) - 1``); product: their product; network_edges: the diagram edges the
    route runs along, as ``("w", l, i, j)`` / ``("b", l, j)`` tuples for ``draw_network``.
    """

    nodes: tuple
    nodes_latex: tuple
    factors: tuple
    product: float
    network_edges: tuple

    @property
    def route(self):
        """The nodes joined by arrows, e.g. ``"w1 → h1 → o1 → L"``."""
        return " → ".join(self.nodes)

    def highlight_edges(self):
        """The path's diagram edges as a list for ``draw_network(highlight_edges=...)``."""
        return list(self.network_edges)


@dataclass(frozen=True, repr=False)
class PathSum:
    """Every path from one parameter to the loss, and their sum dC/dp.

    parameter: ``("w", l, i, j)`` or ``("b", l, j)``; name/name_latex: its label in the
    notation used; paths: tuple of ``ChainPath``; total: the sum of the path products;
    value: the parameter's current value; input_value: what it multiplies (the from-unit's
    activation for a weight, 1 for a bias), so dz/d(parameter) = input_value; proposed: True for
    a misread sum (``weight_as_node``), whose total is not dC/dp and is labelled so.
    """

    parameter: tuple
    name: str
    name_latex: str
    paths: tuple
    total: float
    value: float
    input_value: float
    proposed: bool = False

    def highlight_edges(self):
        """Every diagram edge on some path (no repeats, in path order)."""
        return list(dict.fromkeys(edge for path in self.paths for edge in path.network_edges))

    @property
    def latex(self):
        r"""``\frac{\partial C}{\partial w_{1}}`` for this parameter."""
        return rf"\frac{{\partial C}}{{\partial {self.name_latex}}}"

    def to_latex(self, digits=6):
        r"""An ``aligned`` block: the sum of path products in symbols, in numbers, and the total."""
        digits = as_count("digits", digits, minimum=1)
        symbols = " + ".join(" ".join(f.latex for f in p.factors) for p in self.paths)
        numbers = " + ".join(
            "(" + r" \cdot ".join(_signed(f.value, digits) for f in p.factors) + ")" for p in self.paths
        )
        return (
            rf"\begin{{aligned}}{self.latex} &= {symbols} \\ &= {numbers} \\ "
            rf"&= {format_number(self.total, digits)}\end{{aligned}}"
        )

    def to_html(self, digits=6):
        """An HTML table: one row per path, one column per edge, the products and their sum.

        Labels are inline LaTeX (``$...$``), which JupyterLab typesets inside HTML output.
        """
        digits = as_count("digits", digits, minimum=1)
        n_factors = len(self.paths[0].factors)
        head = "".join(f"<th>factor {k + 1}</th>" for k in range(n_factors))
        rows = []
        for number, path in enumerate(self.paths, start=1):
            cells = "".join(
                f"<td>${f.latex} = {f.formula}$<br>= {format_number(f.value, digits)}</td>" for f in path.factors
            )
            route = " → ".join(f"${node}$" for node in path.nodes_latex)
            rows.append(
                f"<tr><td>{number}</td><td>{route}</td>{cells}<td>{format_number(path.product, digits)}</td></tr>"
            )
        summed = f"the proposed paths, not ${self.latex}$" if self.proposed else f"{len(self.paths)} path(s): ${self.latex}$"
        total = (
            f"<tr><td colspan='{n_factors + 2}'>sum over {summed}</td>"
            f"<td><b>{format_number(self.total, digits)}</b></td></tr>"
        )
        return (
            "<table class='bph-path-table'><thead><tr><th>path</th><th>route</th>"
            f"{head}<th>product</th></tr></thead><tbody>{''.join(rows)}{total}</tbody></table>"
        )

    def _repr_html_(self):
        return self.to_html()

    def to_text(self, digits=6):
        """Plain text: one line per path (its factors and product), then the total."""
        digits = as_count("digits", digits, minimum=1)
        lines = []
        for path in self.paths:
            factors = " * ".join(f"{f.label}={format_number(f.value, digits)}" for f in path.factors)
            lines.append(f"{path.route}: {factors} = {format_number(path.product, digits)}")
        if self.proposed:
            lines.append(f"sum of the proposed paths = {format_number(self.total, digits)} (not dC/d{self.name})")
        else:
            lines.append(f"dC/d{self.name} = {format_number(self.total, digits)} (sum of {len(self.paths)} path(s))")
        return "\n".join(lines)

    def __repr__(self):
        # rounded, so that a notebook's plain-text output is the same on every machine
        return self.to_text()


def _signed(value, digits):
    """A factor inside a product: negative numbers in parentheses, ``(-0.39)``."""
    text = format_number(value, digits)
    return f"({text})" if text.startswith("-") else text


def count_paths(sizes, parameter):
    """How many paths lead from ``parameter`` to the loss: the product of the widths after it.

    sizes: layer widths ``[n0, ..., nL]``; parameter: ``("w", l, i, j)`` or ``("b", l, j)``.
    """
    layer = parameter[1]
    return prod(sizes[layer + 2:])


def layer_terms(sizes):
    """Per weight layer l (0: from the inputs), the terms of summing paths' count:
    ``(weights in the layer, paths per weight, multiplications per path)``.

    A weight of layer l has one path per choice of a unit in each later layer (``count_paths``);
    each path has L - l + 1 factors (one per edge, then dC/do), so L - l multiplications.
    sizes: layer widths ``[n0, ..., nL]``. Notebook 01's count, weights only, one observation.
    """
    L = len(sizes) - 1  # the number of weight layers
    return [(sizes[l] * sizes[l + 1], count_paths(sizes, ("w", l, 0, 0)), L - l) for l in range(L)]


def multiplication_counts(sizes):
    """Each method's multiplications for the weights' gradients, one observation, split into
    notebook 01's count-table rows: ``(summing paths, backpropagation)``, two dicts.

    Summing paths: ``"path products"`` (every path multiplied out, no tail shared) and ``"folded"``
    (a weight factor per weight, a link factor per weight leaving a hidden unit). Backpropagation:
    ``"passing back"`` (one w x delta per weight leaving a hidden unit, a term of a dC/dh sum),
    ``"units"`` (a delta per hidden or output unit) and ``"input x delta"`` (one per weight). Slopes,
    o - y and additions are not counted.
    """
    terms = layer_terms(sizes)
    weights = [n for n, _, _ in terms]  # weights per layer
    leaving_hidden = sum(weights[1:])  # weights leaving a hidden unit: all but the first layer's
    summing = {"path products": sum(n * P * mults for n, P, mults in terms),
               "folded": sum(weights) + leaving_hidden}
    backprop = {"passing back": leaving_hidden, "units": sum(sizes[1:]), "input x delta": sum(weights)}
    return summing, backprop


def written_sum(numbers):
    """``numbers`` written as a sum for a by-hand line: ``[6, 9, 6]`` -> ``"6 + 9 + 6"``."""
    return " + ".join(map(str, numbers))


def parameters(net, include_biases=True):
    """Every parameter of ``net`` as a tuple: weights layer by layer (from-unit major), then biases."""
    found = [("w", l, i, j) for l, W in enumerate(net.weights) for i, j in np.ndindex(W.shape)]
    if include_biases:
        found += [("b", l, j) for l, b in enumerate(net.biases) for j in range(b.size)]
    return found


def _check_parameter(net, parameter, notation):
    """Turn a label or a tuple into ``("w", l, i, j)`` / ``("b", l, j)``, checked against ``net``."""
    if isinstance(parameter, str):
        parameter = ("w", *notations.parse_weight(notation, parameter, sizes=net.sizes))
    return as_parameter("parameter", parameter, net.sizes, net.bias)


class _Names:
    """Plain and LaTeX names of units, pre-activations, targets and parameters in one notation."""

    def __init__(self, notation, sizes):
        self.notation = notations.as_notation(notation)
        self.sizes = sizes

    def unit(self, layer, unit):
        args = (self.notation, layer, unit)
        return (
            notations.unit_label(*args, sizes=self.sizes),
            notations.unit_label(*args, latex=True, sizes=self.sizes),
        )

    def z(self, layer, unit):
        plain, latex = self.unit(layer, unit)
        if plain.startswith("a"):  # units named a^l_j ("index", "tied_units"): z takes the same indices
            return "z" + plain[1:], "z" + latex[1:]
        if self.sizes[layer] == 1 and self.notation != "one_one_one_units":
            return f"z{layer}", f"z_{{{layer}}}"
        return f"z_{plain}", f"z_{{{latex}}}"

    def target(self, unit):
        if self.sizes[-1] == 1:
            return "y", "y"
        return f"y{unit + 1}", f"y_{{{unit + 1}}}"

    def parameter(self, parameter):
        kind, layer, *units = parameter
        label = notations.weight_label if kind == "w" else notations.bias_label
        args = (self.notation, layer, *units)
        return label(*args, sizes=self.sizes), label(*args, latex=True, sizes=self.sizes)


def _slope_formula(activation, unit_latex):
    return _SLOPE_FORMULA[activation].format(u=unit_latex)


def chain_rule_paths(net, x, y, parameter, *, loss, notation="index", through_z=True):
    """Every path from ``parameter`` to the loss of ONE observation, with local derivatives.

    net: an ``MLP``; x: (sizes[0],) or (1, sizes[0]); y: (sizes[-1],) or (1, sizes[-1]).
    parameter: ``("w", l, i, j)``, ``("b", l, j)`` or a weight label in ``notation``.
    loss: a loss name; with one observation "mse" equals "sse" and "half_mse" "half_sse";
        "cross_entropy" (sigmoid outputs) gives dL/da = (a - y) / (a (1 - a)).
    through_z: True gives one factor per z and per activation; False one per diagram edge.
    Returns a ``PathSum`` whose ``total`` equals ``net.gradients(x, y, loss)`` for ``parameter``.
    """
    check_network(net)
    check_loss(loss, net.activation[-1])
    X = as_observations("x", np.atleast_2d(as_float_array("x", x)), net.sizes[0])
    if X.shape[0] != 1:
        raise ValueError(f"x must be ONE observation (shape ({net.sizes[0]},)), got {X.shape[0]} rows")
    Y = as_observations("y", np.atleast_2d(as_float_array("y", y)), net.sizes[-1], rows=1)
    check_loss(loss, net.activation[-1], Y)
    if not isinstance(through_z, (bool, np.bool_)):
        raise TypeError(f"through_z must be True or False, got {through_z!r}")
    parameter = _check_parameter(net, parameter, notation)
    names = _Names(notation, net.sizes)
    a = [layer[0] for layer in feedforward(net, X)]  # a[k]: (sizes[k],), a[0] = x
    slopes = [None] + [slope(f, a[k + 1]) for k, f in enumerate(net.activation)]
    dL_da = loss_gradient(loss, a[-1][None, :], Y)[0]
    kind, layer, *units = parameter
    name, name_latex = names.parameter(parameter)
    # the parameter feeds unit units[-1] of layer l+1; a path picks one unit in each later layer
    later_units = product(*(range(n) for n in net.sizes[layer + 2:]))
    paths = [
        _one_path(net, names, a, slopes, dL_da, loss, parameter, (units[-1], *rest), through_z)
        for rest in later_units
    ]
    total = float(sum(p.product for p in paths))
    if kind == "w":
        value, input_value = net.weights[layer][units[0], units[1]], a[layer][units[0]]
    else:
        value, input_value = net.biases[layer][units[0]], 1.0
    return PathSum(parameter, name, name_latex, tuple(paths), total, float(value), float(input_value))


def _one_path(net, names, a, slopes, dL_da, loss, parameter, route_units, through_z):
    """The path from ``parameter`` through units ``route_units`` (one per layer from l+1 on)."""
    kind, layer, *units = parameter
    start = layer + 1
    p_name, p_latex = names.parameter(parameter)
    nodes = [(p_name, p_latex)]
    factors = []
    edges = [parameter]

    def add(node, formula, value):
        of, of_latex = node
        wrt, wrt_latex = nodes[-1]
        factors.append(LocalDerivative(of, wrt, of_latex, wrt_latex, formula, float(value)))
        nodes.append(node)

    for k, unit in enumerate(route_units, start=start):
        act = net.activation[k - 1]
        u_name, u_latex = names.unit(k, unit)
        slope_formula = _slope_formula(act, u_latex)
        if k == start:  # parameter -> z (-> unit)
            if kind == "w":
                in_latex = names.unit(layer, units[0])[1]
                dz, dz_formula = a[layer][units[0]], in_latex
            else:
                dz, dz_formula = 1.0, "1"
        else:  # previous unit -> z (-> unit), through weights[k-1][prev, unit]
            prev = route_units[k - start - 1]
            edges.append(("w", k - 1, prev, unit))
            dz = net.weights[k - 1][prev, unit]
            dz_formula = names.parameter(("w", k - 1, prev, unit))[1]
        if through_z:
            add(names.z(k, unit), dz_formula, dz)
            add((u_name, u_latex), slope_formula, slopes[k][unit])
        else:
            formula = dz_formula if slope_formula == "1" else rf"{slope_formula}\,{dz_formula}"
            add((u_name, u_latex), formula, slopes[k][unit] * dz)
    out = route_units[-1]
    out_latex = names.unit(net.n_layers, out)[1]
    target_latex = names.target(out)[1]
    diff = f"{out_latex} - {target_latex}"
    if loss in _LOSS_FACTOR:
        formula = f"{_LOSS_FACTOR[loss]}({diff})" if _LOSS_FACTOR[loss] else diff
    else:  # cross-entropy
        formula = rf"\frac{{{diff}}}{{{out_latex}(1 - {out_latex})}}"
    add(("C", "C"), formula, dL_da[out])
    names_plain, names_latex = zip(*nodes)
    path_product = float(prod(f.value for f in factors))
    return ChainPath(names_plain, names_latex, tuple(factors), path_product, tuple(edges))


def path_gradients(net, x, y, *, loss):
    """dC/dp for every parameter from sums over paths (slow, independent of backprop).

    x: (sizes[0],) one observation; y: (sizes[-1],); loss: a loss name, always given (the
    questions use different costs, a factor 2 apart). Returns ``(dW, db)`` shaped like
    ``net.gradients``.
    """
    check_network(net)
    dW = [np.zeros(shape) for shape in net.weight_shapes]
    db = [np.zeros(n) for n in net.sizes[1:]] if net.bias else []
    for parameter in parameters(net):
        total = chain_rule_paths(net, x, y, parameter, loss=loss).total
        target = dW[parameter[1]] if parameter[0] == "w" else db[parameter[1]]
        target[tuple(parameter[2:])] = total
    return dW, db


#: how the 1-1-1 question's factor d(weight)/d(unit) can be given a number
WEIGHT_READINGS = {
    "partial": "a weight is a constant during a forward pass, so d(weight)/d(unit) = 0",
    "edge weight": "d(weight)/d(unit) read as the number on the arrow, the weight itself",
}


def weight_as_node(net, x, y, parameter, reading="partial", *, loss, notation="one_one_one"):
    """The 1-1-1 question's formula, which routes each path THROUGH the later weights.

    The question writes dL/dw1 = dh1/dw1 dw7/dh1 do2/dw7 dL/do2 + (the same via w5):
    every unit-to-unit factor do/dh is split into dw/dh * do/dw, where do/dw = f'(z_o) h.
    ``reading`` says what number dw/dh gets (see ``WEIGHT_READINGS``): ``"partial"`` gives 0
    (and the whole sum is 0); ``"edge weight"`` gives w, which multiplies each path by the
    extra unit values h, since do/dw = f'(z_o) h instead of do/dh = f'(z_o) w.
    Other arguments as for ``chain_rule_paths``. Returns a ``PathSum`` of the misread paths
    (nodes such as w1 -> h1 -> w7 -> o2 -> L); compare its ``total`` with the true gradient.
    """
    as_choice("reading", reading, WEIGHT_READINGS)
    true = chain_rule_paths(net, x, y, parameter, loss=loss, notation=notation, through_z=False)
    names = _Names(notation, net.sizes)
    a = [layer[0] for layer in feedforward(net, np.atleast_2d(as_float_array("x", x)))]
    paths = []
    for path in true.paths:
        factors = [path.factors[0]]
        nodes = [(path.nodes[0], path.nodes_latex[0]), (path.nodes[1], path.nodes_latex[1])]
        for factor, edge in zip(path.factors[1:-1], path.network_edges[1:]):
            _, k, prev, unit = edge
            w_name, w_latex = names.parameter(edge)
            prev_latex = names.unit(k, prev)[1]
            slope_value = slope(net.activation[k], a[k + 1][unit])
            dw_dh = 0.0 if reading == "partial" else net.weights[k][prev, unit]
            factors.append(
                LocalDerivative(w_name, factor.wrt, w_latex, factor.wrt_latex,
                                "0" if reading == "partial" else w_latex, float(dw_dh))
            )
            slope_formula = _slope_formula(net.activation[k], factor.of_latex)
            formula = prev_latex if slope_formula == "1" else rf"{slope_formula}\,{prev_latex}"
            factors.append(
                LocalDerivative(factor.of, w_name, factor.of_latex, w_latex, formula, float(slope_value * a[k][prev]))
            )
            nodes += [(w_name, w_latex), (factor.of, factor.of_latex)]
        factors.append(path.factors[-1])
        nodes.append(("C", "C"))
        plain, latex = zip(*nodes)
        paths.append(ChainPath(plain, latex, tuple(factors), float(prod(f.value for f in factors)), path.network_edges))
    total = float(sum(p.product for p in paths))
    return PathSum(true.parameter, true.name, true.name_latex, tuple(paths), total, true.value, true.input_value,
                   proposed=True)
