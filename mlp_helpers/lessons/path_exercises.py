"""Checking a chain-rule gradient worked out by hand, and naming the slip it looks like.

Notebook 01's exercises: one observation in a small sigmoid network, a weight's gradient
dC/dw as the sum over its paths, with one factor per edge of the diagram (the sigmoid's slope
folded into the edge: do2/dh1 = o2(1 - o2) w7). ``check_path_gradient`` judges the final number,
``check_path_steps`` the steps on the way (the first edge, each path's product, their sum), so a
student learns which step went wrong; ``check_dC_db_h2`` and ``check_dC_dw3`` are the notebook's
two exercises, with the parameter fixed. Both return a ``CheckResult`` and never raise; their
verdicts never contain the right value. Slips named:

* the sign flipped, the cost's factor 2 (``common_slips``);
* a path left out, a factor left out;
* a sigmoid slope left out of an edge factor (one edge's or every edge's);
* the other output's target in dC/do;
* the weight used where its input belongs (dz/dw is the input, not the weight);
* for a bias, an input multiplied in (dz/db = 1);
* the question's d(weight)/d(unit) factor read as "the number on the arrow" (``paths.weight_as_node``).
"""

import numpy as np

from .exercise_checks import CheckResult, common_slips, judge, judge_number, not_yet, number_answer
from .paths import PathSum, chain_rule_paths, weight_as_node
from ..activations import slope
from ..network import check_network, feedforward
from ..validation import as_float_array, as_observations

#: the bookkeeping of notebook 01's exercises: one factor per edge, in the 1-1-1 question's names
#: (biases named after their units, b_h1 ... b_o2, as the notebook's diagrams label them)
_BOOKKEEPING = dict(notation="one_one_one_units", through_z=False)


def _route_units(path):
    """``(layer, unit)`` of each unit a path runs through, from the parameter's unit to the output."""
    kind, layer, *units = path.network_edges[0]
    route = [(layer + 1, units[-1])]
    route += [(k + 1, unit) for _, k, _, unit in path.network_edges[1:]]
    return route


def _slopes(net, x):
    """The activation slope of every unit for observation ``x``: a list indexed by layer."""
    a = [layer[0] for layer in feedforward(net, np.atleast_2d(x))]
    return a, [None] + [slope(f, a[k + 1]) for k, f in enumerate(net.activation)]


def path_slips(expected, net, x, y, loss, misread=True):
    """What the usual slips give for ``expected`` (the ``PathSum`` of one weight's gradient):
    a list of ``(value, message)`` for ``exercise_checks.judge``, the most telling first.

    net: the network; x: (sizes[0],) and y: (sizes[-1],), the observation; loss: the cost's name;
    misread: include the question's weight-as-node reading (of the whole gradient, not one path).
    """
    paths, name = expected.paths, expected.name
    a, slopes = _slopes(net, x)
    slips = []
    if expected.parameter[0] == "b":  # a bias's edge factor has no input: dz/db = 1
        for value in dict.fromkeys(float(v) for v in a[expected.parameter[1]] if v not in (0, 1)):
            also = " (or the sign is flipped)" if value == -1 else ""
            slips.append((expected.total * value, f"an input ({value:g}) was multiplied in{also}: a bias is added "
                                                  "as it is, dz/db = 1, so its edge factor is just the unit's slope"))
    slips += common_slips(expected.total, loss)
    if len(paths) > 1:
        for number, path in enumerate(paths, start=1):
            slips.append((path.product, f"that is path {number} alone ({path.route}); {name} reaches C along "
                                        f"{len(paths)} paths: add them all"))
    # a sigmoid slope left out of the edge factors (the o(1 - o) of the edge bookkeeping)
    unit_slopes = [[slopes[layer][unit] for layer, unit in _route_units(p)] for p in paths]
    if all(s != 0 for ss in unit_slopes for s in ss):
        no_slope = sum(p.product / np.prod(ss) for p, ss in zip(paths, unit_slopes))
        slips.append((no_slope, "the sigmoid slopes are missing: each edge into a unit carries that unit's slope, "
                                "for example do/dh = o(1 - o) w, not just w"))
        for position in range(len(unit_slopes[0])):
            value = sum(p.product / ss[position] for p, ss in zip(paths, unit_slopes))
            units = " and ".join(dict.fromkeys(p.nodes[position + 1] for p in paths))
            slips.append((value, f"the slope of {units} is missing from its edge factor: a unit's edge factor "
                                 "is its slope a(1 - a) times the weight (or input) on the edge"))
    # the other output's target: dC/do_k is o_k minus the target of the same output, y_k
    if net.sizes[-1] == 2:
        ends = [_route_units(p)[-1] for p in paths]
        if all(a[layer][out] != y[out] for layer, out in ends):
            swapped = sum(p.product * (a[layer][out] - y[1 - out]) / (a[layer][out] - y[out])
                          for p, (layer, out) in zip(paths, ends))
            slips.append((swapped, "dC/do uses the wrong target: the path through o_k ends with o_k minus "
                                   "the target of the same output, y_k"))
    for position in range(len(paths[0].factors)):
        kept = [np.prod([f.value for i, f in enumerate(p.factors) if i != position]) for p in paths]
        labels = " and ".join(dict.fromkeys(p.factors[position].label for p in paths))
        slips.append((float(sum(kept)), f"a factor is missing: {labels}"))
    if expected.parameter[0] == "w" and expected.input_value != 0:
        slips.append((expected.total * expected.value / expected.input_value,
                      f"the weight {name} was used where its input belongs: the derivative of weight * input "
                      "with respect to the weight is the input"))
    if misread and any(len(p.factors) > 2 for p in paths):
        misread = weight_as_node(net, x, y, expected.parameter, reading="edge weight", loss=loss).total
        slips.append((misread, "that is the question's formula with d(weight)/d(unit) read as the weight: a "
                               "weight is not computed from the unit before it, so the path goes h -> o with "
                               "do/dh = o(1 - o) w (notebook 01, section 5)"))
    return slips


def _observation(net, x, y):
    check_network(net)
    x = as_float_array("x", x).reshape(-1)
    y = as_float_array("y", y).reshape(-1)
    as_observations("x", x[None, :], net.sizes[0])
    as_observations("y", y[None, :], net.sizes[-1])
    return x, y


def check_path_gradient(answer, net, x, y, weight, *, loss):
    """A verdict on ``answer`` for dC/d(``weight``) at one observation, worked out path by path.

    net: a sigmoid ``MLP``; x: (sizes[0],), y: (sizes[-1],); weight: a name such as ``"w7"`` in the
    1-1-1 question's numbering, ``("w", l, i, j)``, or a bias ``("b", l, j)``; loss: the cost's name. A ``CheckResult``
    that never contains the right value; typed numbers are right to 0.1% (relative).
    """
    x, y = _observation(net, x, y)
    expected = chain_rule_paths(net, x, y, weight, loss=loss, **_BOOKKEEPING)
    n = len(expected.paths)
    return judge_number(
        answer, expected.total, path_slips(expected, net, x, y, loss),
        correct=f"dC/d{expected.name} is the sum of {n} path product{'s' if n > 1 else ''}.",
        fallback=(f"multiply the local derivatives along each path from {expected.name} to C, then add the {n} "
                  f"path product{'s' if n > 1 else ''}"),
        quantity=f"dC/d{expected.name}",
    )


def check_path_steps(net, x, y, weight, *, loss, first_edge, via, total):
    """A verdict on each step of a two-path gradient worked out by hand, the first wrong step named.

    first_edge: the student's factor of the first edge (dh/dw); via: their path products, in the
    order of the outputs (the path through o1 first); total: their sum. Other arguments as for
    ``check_path_gradient``. Returns a ``CheckResult``; never raises, never shows a right value.
    """
    x, y = _observation(net, x, y)
    expected = chain_rule_paths(net, x, y, weight, loss=loss, **_BOOKKEEPING)
    paths = expected.paths
    first = paths[0].factors[0]
    _, slopes = _slopes(net, x)
    layer, unit = _route_units(paths[0])[0]
    sign = "the sign is flipped"
    if expected.input_value == -1:  # then a missing input and a flipped sign give the same number
        sign += f", or the input ({expected.input_value:g}) is missing from {first.label}"
    edge_slips = [
        (-first.value, sign),
        (slopes[layer][unit], f"the input is missing: {first.label} is the slope of {paths[0].nodes[1]} times the "
                              "input on the edge"),
        (expected.input_value, f"the slope of {paths[0].nodes[1]} is missing: {first.label} is its slope "
                               "a(1 - a) times the input on the edge"),
        (slopes[layer][unit] * expected.value, f"the weight {expected.name} was used where its input belongs"),
    ]
    verdict = _step(first_edge, first.value, edge_slips, f"step 1, {first.label}")
    if verdict:
        return verdict
    listed = isinstance(via, (list, tuple)) or (isinstance(via, np.ndarray) and via.ndim == 1)
    if not listed or len(via) != len(paths):
        return not_yet(f"via must list your {len(paths)} path products, one per output, "
                       "the path through o1 first")
    for number, (student, path) in enumerate(zip(via, paths), start=2):
        single = PathSum(expected.parameter, expected.name, expected.name_latex, (path,), path.product,
                         expected.value, expected.input_value)
        slips = path_slips(single, net, x, y, loss, misread=False)
        other = [p for p in paths if p is not path]
        slips += [(p.product, f"that is the product of the other path ({p.route})") for p in other]
        verdict = _step(student, path.product, slips, f"step {number}, the path {path.route}")
        if verdict:
            return verdict
    result = check_path_gradient(total, net, x, y, weight, loss=loss)
    if result.passed:
        return CheckResult(True, f"Correct: every step is right, and dC/d{expected.name} is the sum of its "
                                 f"{len(paths)} path products.")
    return not_yet(f"steps 1 to {len(paths) + 1} are right, but the sum is not: "
                   f"{result.verdict.removeprefix('Not yet: ').rstrip('.')}")


def check_dC_db_h2(answer, net, x, y):
    """Notebook 01, exercise 1: ``check_path_gradient`` for dC/db_h2, the bias of hidden unit 2
    (``("b", 0, 1)``), with the notebook's cost ``half_sse``. The check cell names no selector that a
    student could pass to ``chain_rule_paths`` to print the answer.
    """
    return check_path_gradient(answer, net, x, y, ("b", 0, 1), loss="half_sse")


def check_dC_dw3(net, x, y, *, first_edge, via, total):
    """Notebook 01, exercise 2: ``check_path_steps`` for dC/dw3 (the edge x1 -> h2) with the notebook's
    cost ``half_sse``; the check cell names no selector (see ``check_dC_db_h2``).
    """
    return check_path_steps(net, x, y, "w3", loss="half_sse", first_edge=first_edge, via=via, total=total)


def _step(answer, right, slips, where):
    """None when ``answer`` is right, else a ``CheckResult`` naming ``where`` and the slip."""
    value, problem = number_answer(answer)
    if problem:
        reason = problem.removeprefix("Not yet answered: ").removeprefix("Not yet: ")
        return CheckResult(False, f"Not yet, {where}: {reason[0].lower()}{reason[1:]}")
    result = judge(value, right, slips, correct="", fallback="it looks like none of the usual slips: "
                   "write the step's formula from the table in section 4, then put in the numbers",
                   quantity="the right value")
    if result.passed:
        return None
    return CheckResult(False, f"Not yet, {where}: {result.verdict.removeprefix('Not yet: ')}")
