r"""Names for weights, biases and units in each learner's question's own notation.

Every name maps to the package's one storage convention ``weights[l][from, to]``
(row = from-unit, column = to-unit, ``a[l+1] = f(a[l] @ weights[l] + biases[l])``).
``layer``, ``from_unit``, ``to_unit`` and ``unit`` are 0-based everywhere in this module;
``unit_label`` numbers layers of units (0 = inputs), the other functions number layers
of weights (0 = inputs -> first hidden layer).

Each function takes ``latex=False`` (plain text, what ``print`` shows) or
``latex=True`` (a LaTeX/mathtext fragment without ``$``). ``parse_weight`` reads either.

``"index"`` (the default): the notation card's names for any network (``notebooks/NOTATION.md``)
    ======================================  ==========================================
    name (plain / LaTeX)                    means
    ======================================  ==========================================
    ``W_0[1, 2]`` / ``W_{0}[1, 2]``         ``weights[0][1, 2]`` (square brackets: numpy indices, from 0)
    ``b_0[2]`` / ``b_{0}[2]``               ``biases[0][2]``
    ``x_1``, ``a^2_3`` / ``a^{2}_{3}``      input 1; layer 2, unit number 3 (subscripts: unit numbers, from 1)
    ======================================  ==========================================

    Every unit past the inputs is a^l_j, the output too (the card's a^L). The labels of the
    package's first versions (``W0[1,2]``, ``W^{(0)}_{1,2}``) still parse.

``"card"``: the same names, with the card's letters for small networks
    ``x_1``, ``h_2``, ``y'``: with one hidden layer its units are h_1, h_2, ..., and the
    output of any network is y' (y'_1, y'_2, ... when there are several; the card's a^L, with
    the letter the 1-1-1 and 2-2-1 questions use); with more hidden layers a hidden unit is
    a^l_j as in ``"index"``. Weights and biases as in ``"index"``. Unit names need ``sizes``.

``"regression_question"``: the 2-2-1 regression question (linear, no biases).
    The question writes z_a1 = w111 x1 + w121 x2 and z_a2 = w211 x1 + w221 x2, and
    calls the output weights w112 and w212: the first index is the hidden unit, the
    second the unit at the other end, the third the layer (1-based).

    ======  ===================  ============
    name    means                edge
    ======  ===================  ============
    w111    ``weights[0][0, 0]``   x1 -> z_a1
    w121    ``weights[0][1, 0]``   x2 -> z_a1
    w211    ``weights[0][0, 1]``   x1 -> z_a2
    w221    ``weights[0][1, 1]``   x2 -> z_a2
    w112    ``weights[1][0, 0]``   z_a1 -> y'
    w212    ``weights[1][1, 0]``   z_a2 -> y'
    ======  ===================  ============

    In general w_{ijk}: layer k = 1 is ``weights[0][j-1, i-1]`` (i = to-unit), layers
    k >= 2 are ``weights[k-1][i-1, j-1]`` (i = from-unit). Units: x1, x2, ... (inputs),
    z_a1, z_a2 (first hidden layer, the question's sums; z_b1, ... for further hidden layers), y' (the output;
    y'1, y'2, ... when there are several). The seed has no biases; for networks that
    have them this module names them b_a1, b_a2, ... (b_y' at the output).

``"regression_answer"``: the 2-2-1 regression question's accepted answer.
    The answer writes z11 = w111 x1 + w112 x2, z12 = w121 x1 + w122 x2 and
    z_b = z21 = w211 z11 + w212 z12: w_{l, to, from} with 1-based indices.

    ======  ===================  ===========
    name    means                edge
    ======  ===================  ===========
    w111    ``weights[0][0, 0]``   x1 -> z11
    w112    ``weights[0][1, 0]``   x2 -> z11
    w121    ``weights[0][0, 1]``   x1 -> z12
    w122    ``weights[0][1, 1]``   x2 -> z12
    w211    ``weights[1][0, 0]``   z11 -> z21
    w212    ``weights[1][1, 0]``   z12 -> z21
    ======  ===================  ===========

    In general w_{l,j,k} = ``weights[l-1][k-1, j-1]``; units x1, x2, ... (inputs) and
    z_{l,j} (unit j of layer l); biases, absent from the seed, are b_{l,j} =
    ``biases[l-1][j-1]``. Indices are run together (w111) while all are single digits,
    and separated by commas (w_{1,10,2}) otherwise.

``"tied_units"``: the tied-units question (2-3-3-2 sigmoid; all indices 0-based).
    w^n_{i,j} connects unit i of a^n to unit j of a^{n+1}, so it *is* ``weights[n][i, j]``
    and b^n_j is ``biases[n][j]``; units are a^n_j. The seed stacks them in one
    bias-augmented table per layer, the bias row on top (it multiplies a column of 1s
    prepended to a^n)::

        |        b^0_0    b^0_1    b^0_2  |   row "1"
        |  w^0_{0,0} w^0_{0,1} w^0_{0,2} |   row a^0_0
        |  w^0_{1,0} w^0_{1,1} w^0_{1,2} |   row a^0_1

    ``latex_table(..., bias=...)`` draws exactly this table.

``"one_one_one"``: the 1-1-1 question (1-1-1, and the 2-2-2 picture).
    Weights are numbered w1, w2, ... layer by layer, to-unit major, then from-unit:

    ====  ===================  ========    ====  ===================  ========
    name  means                edge        name  means                edge
    ====  ===================  ========    ====  ===================  ========
    w1    ``weights[0][0, 0]``   x1 -> h1    w5    ``weights[1][0, 0]``   h1 -> o1
    w2    ``weights[0][1, 0]``   x2 -> h1    w6    ``weights[1][1, 0]``   h2 -> o1
    w3    ``weights[0][0, 1]``   x1 -> h2    w7    ``weights[1][0, 1]``   h1 -> o2
    w4    ``weights[0][1, 1]``   x2 -> h2    w8    ``weights[1][1, 1]``   h2 -> o2
    ====  ===================  ========    ====  ===================  ========

    In the 1-1-1 net, w1 = ``weights[0][0, 0]`` (x -> h) and w2 = ``weights[1][0, 0]``
    (h -> y'). Biases are numbered the same way, b1, b2, ... (layer by layer, one per
    unit): the question reuses a single ``b`` for both layers, which would tie the two
    biases together; the network here gives each unit its own. Units: x / x1, x2, ...;
    h / h1, h2, ...; y' / o1, o2, ... (the bare letter when the layer has one unit;
    with several hidden layers, h^{(l)}_j). Numbering needs ``sizes``.

``"one_one_one_units"``: the same, except that every bias is named after its unit (b_h, b_{y'};
    b_h1, b_h2, b_o1, b_o2 in the 2-2-2 net; ``paths`` names a single unit's sum z_h, z_{y'}
    likewise), so no bias name counts layers or could be read as the card's b_l.
"""

import re


from ..validation import as_choice, as_count, as_float_array, as_parameter, as_sizes

NOTATIONS = ("index", "card", "regression_question", "regression_answer", "tied_units", "one_one_one",
             "one_one_one_units")

#: the names these notations had before the questions were named for students; still accepted
ALIASES = {"seed000_question": "regression_question", "seed000_answer": "regression_answer",
           "seed001": "tied_units", "seed002": "one_one_one"}


def as_notation(notation):
    """``notation`` checked against ``NOTATIONS`` (an old name from ``ALIASES`` is translated)."""
    if isinstance(notation, str):
        notation = ALIASES.get(notation, notation)
    return as_choice("notation", notation, NOTATIONS)


def _numbered(notation):
    """``"one_one_one_units"`` names weights and units as ``"one_one_one"`` does (only biases differ)."""
    return "one_one_one" if notation == "one_one_one_units" else notation


# -- argument checks ------------------------------------------------------------------
def _check_sizes(sizes, notation, needed):
    if sizes is None:
        if needed:
            raise ValueError(f"sizes is needed to number labels in notation {notation!r}, e.g. sizes=[2, 2, 2]")
        return None
    return as_sizes("sizes", sizes)


def _check_weight(layer, from_unit, to_unit, sizes):
    key = ("w", as_count("layer", layer), as_count("from_unit", from_unit), as_count("to_unit", to_unit))
    return key[1:] if sizes is None else as_parameter("weight", key, sizes)[1:]


def _check_unit(layer, unit, sizes, bias=False):
    layer, unit = as_count("layer", layer), as_count("unit", unit)
    if sizes is None:
        return layer, unit
    if bias:
        return as_parameter("bias", ("b", layer, unit), sizes)[1:]
    if layer >= len(sizes):
        raise ValueError(f"layer must be below {len(sizes)}, got {layer}")
    if unit >= sizes[layer]:
        raise ValueError(f"unit must be below sizes[{layer}] = {sizes[layer]}, got {unit}")
    return layer, unit


def _indices(*numbers):
    """Run 1-based indices together (``111``) when all are single digits, else ``1,10,2``."""
    if all(n < 10 for n in numbers):
        return "".join(str(n) for n in numbers)
    return ",".join(str(n) for n in numbers)


def _sub(text, latex):
    return f"_{{{text}}}" if latex else text


def _hidden_letter(layer):
    # the 2-2-1 regression question calls the first hidden layer's units a1, a2 (z_a1, z_a2)
    return "abcdefg"[layer - 1] if layer <= 7 else f"h{layer}_"


def _question_unit(layer, unit, sizes):
    """The 2-2-1 regression question's tag of a hidden unit (a1, a2, ...; b1, ... one layer on)."""
    return _hidden_letter(layer) + str(unit + 1)


def _one_one_one_offset(sizes, layer):
    """Number of weights in the layers before ``layer``."""
    return sum(sizes[l] * sizes[l + 1] for l in range(layer))


# -- labels ---------------------------------------------------------------------------
def weight_label(notation, layer, from_unit, to_unit, latex=False, sizes=None):
    """Name of ``weights[layer][from_unit, to_unit]`` in ``notation`` (all indices 0-based).

    latex: True gives a LaTeX fragment (no ``$``) for ``IPython.display.Math`` or
    matplotlib's mathtext; False gives plain text. ``sizes`` (layer widths) is required
    for ``"one_one_one"`` and, when given, checks the indices are inside the network.
    """
    notation = _numbered(as_notation(notation))
    sizes = _check_sizes(sizes, notation, needed=notation == "one_one_one")
    layer, i, j = _check_weight(layer, from_unit, to_unit, sizes)
    if notation in ("index", "card"):
        return f"W_{{{layer}}}[{i}, {j}]" if latex else f"W_{layer}[{i}, {j}]"
    if notation == "regression_question":
        first, second = (j, i) if layer == 0 else (i, j)
        return "w" + _sub(_indices(first + 1, second + 1, layer + 1), latex)
    if notation == "regression_answer":
        return "w" + _sub(_indices(layer + 1, j + 1, i + 1), latex)
    if notation == "tied_units":
        return f"w^{{{layer}}}_{{{i},{j}}}" if latex else f"w^{layer}_{{{i},{j}}}"
    number = _one_one_one_offset(sizes, layer) + j * sizes[layer] + i + 1
    return "w" + _sub(str(number), latex)


def bias_label(notation, layer, unit, latex=False, sizes=None):
    """Name of ``biases[layer][unit]`` (the bias of unit ``unit`` of layer ``layer + 1``).

    ``sizes`` is required for ``"one_one_one"`` (biases b1, b2, ... numbered through the net).
    """
    notation = as_notation(notation)
    sizes = _check_sizes(sizes, notation, needed=notation.startswith("one_one_one"))
    layer, unit = _check_unit(layer, unit, sizes, bias=True)
    if notation == "one_one_one_units":  # named after its unit: b_h, b_{y'}; b_{h_1}, ..., b_{o_2}
        name = unit_label(notation, layer + 1, unit, latex=latex, sizes=sizes)
        return f"b_{{{name}}}" if latex else f"b_{name}"
    if notation in ("index", "card"):
        return f"b_{{{layer}}}[{unit}]" if latex else f"b_{layer}[{unit}]"
    if notation == "regression_question":
        name = _question_unit(layer + 1, unit, sizes)
        return f"b_{{{name}}}" if latex else f"b_{name}"
    if notation == "regression_answer":
        return "b" + _sub(_indices(layer + 1, unit + 1), latex)
    if notation == "tied_units":
        return f"b^{{{layer}}}_{{{unit}}}" if latex else f"b^{layer}_{unit}"
    number = sum(sizes[1 : layer + 1]) + unit + 1
    return "b" + _sub(str(number), latex)


def unit_label(notation, layer, unit, latex=False, sizes=None):
    """Name of unit ``unit`` of layer ``layer`` (layer 0 = inputs, last = outputs).

    ``sizes`` tells which layer is the output and whether a layer has a single unit; it
    is required for ``"regression_question"`` and ``"one_one_one"``.
    """
    notation = _numbered(as_notation(notation))
    sizes = _check_sizes(sizes, notation, needed=notation in ("card", "regression_question", "one_one_one"))
    layer, unit = _check_unit(layer, unit, sizes)
    if notation in ("index", "card"):
        return _card_unit(layer, unit, sizes, latex, letters=notation == "card")
    if notation == "tied_units":
        return f"a^{{{layer}}}_{{{unit}}}" if latex else f"a^{layer}_{unit}"
    if layer == 0 and notation != "one_one_one":
        return "x" + _sub(str(unit + 1), latex)
    if notation == "regression_answer":
        return "z" + _sub(_indices(layer, unit + 1), latex)
    last = layer == len(sizes) - 1
    single = sizes[layer] == 1
    if notation == "regression_question":
        if last:
            return "y'" if single else "y'" + _sub(str(unit + 1), latex)
        tag = _question_unit(layer, unit, sizes)
        return f"z_{{{tag}}}" if latex else f"z_{tag}"  # the question's z_{a1}, z_{a2}
    # one_one_one
    if layer == 0:
        return "x" if single else "x" + _sub(str(unit + 1), latex)
    if last:
        return "y'" if single else "o" + _sub(str(unit + 1), latex)
    if len(sizes) > 3:  # several hidden layers: say which one
        return f"h^{{({layer})}}_{{{unit + 1}}}" if latex else f"h({layer})_{unit + 1}"
    return "h" if single else "h" + _sub(str(unit + 1), latex)


def _card_unit(layer, unit, sizes, latex, letters):
    """The card's name of a unit: x_j, a^l_j; with ``letters``, h_j (one hidden layer) and y' (y'_j)."""
    number = _sub(str(unit + 1), latex) if latex else f"_{unit + 1}"
    if layer == 0:
        return "x" + number
    if letters and layer == len(sizes) - 1:
        return "y'" if sizes[layer] == 1 else "y'" + number
    if letters and len(sizes) == 3:
        return "h" + number
    return f"a^{{{layer}}}" + number if latex else f"a^{layer}" + number


# -- parsing --------------------------------------------------------------------------
def _normalise(label):
    text = re.sub(r"[\s${}()\\]", "", label)
    return text.replace("[", "_").replace("]", "")


_INDEX = re.compile(r"(?:W|weights)[\^_]?(\d+)_(\d+),(\d+)")
_SEED001 = re.compile(r"w\^(\d+)_(\d+),(\d+)")
_THREE = re.compile(r"w_?(\d+),(\d+),(\d+)|w_?(\d)(\d)(\d)")
_NUMBER = re.compile(r"w_?(\d+)")


def parse_weight(notation, label, sizes=None):
    """Inverse of ``weight_label``: ``(layer, from_unit, to_unit)``, 0-based.

    Accepts the plain or LaTeX form, with or without ``$``, e.g. ``"w121"``,
    ``"$w_{121}$"``, ``"w^1_{0,2}"``, ``"W0[1,2]"``, ``"w7"`` (``"one_one_one"`` needs ``sizes``).
    Raises ValueError when ``label`` is not a weight name of ``notation`` or names a
    weight outside ``sizes``.
    """
    notation = _numbered(as_notation(notation))
    if not isinstance(label, str):
        raise TypeError(f"label must be a string such as 'w111', got {type(label).__name__} {label!r}")
    sizes = _check_sizes(sizes, notation, needed=notation == "one_one_one")
    text = _normalise(label)
    pattern = {"index": _INDEX, "card": _INDEX, "tied_units": _SEED001, "one_one_one": _NUMBER}.get(notation, _THREE)
    match = pattern.fullmatch(text)
    if match is None:
        raise ValueError(f"label {label!r} is not a weight name in notation {notation!r}")
    numbers = [int(g) for g in match.groups() if g is not None]
    if notation in ("index", "card", "tied_units"):
        layer, i, j = numbers
    elif notation == "regression_question":
        first, second, k = (n - 1 for n in numbers)
        layer = k
        i, j = (second, first) if k == 0 else (first, second)
    elif notation == "regression_answer":
        layer, j, i = (n - 1 for n in numbers)
    else:
        layer, i, j = _one_one_one_position(numbers[0], sizes, label)
    if min(layer, i, j) < 0:
        raise ValueError(f"label {label!r} uses index 0, but notation {notation!r} counts from 1")
    try:
        return _check_weight(layer, i, j, sizes)
    except ValueError as exc:
        raise ValueError(f"label {label!r} names a weight outside the network {sizes}: {exc}") from None


def _one_one_one_position(number, sizes, label):
    index = number - 1
    for layer in range(len(sizes) - 1):
        count = sizes[layer] * sizes[layer + 1]
        if 0 <= index < count:
            to_unit, from_unit = divmod(index, sizes[layer])
            return layer, from_unit, to_unit
        index -= count
    total = _one_one_one_offset(sizes, len(sizes) - 1)
    raise ValueError(f"label {label!r}: the network {sizes} has weights w1 .. w{total}")


# -- LaTeX ----------------------------------------------------------------------------
def format_number(value, digits):
    """``value`` with ``digits`` significant digits, as the notebooks print it ("-0" shows as "0")."""
    text = f"{value:.{digits}g}"
    return "0" if text == "-0" else text


def latex_matrix(array, digits=7):
    r"""A ``pmatrix`` of ``array`` (1-D: one row; 2-D: (rows, cols)), ``digits`` significant digits.

    For ``IPython.display.Math``: ``Math(r"a^1 = " + latex_matrix(a1))``.
    """
    digits = as_count("digits", digits, minimum=1)
    values = as_float_array("array", array)
    if values.ndim == 1:
        values = values[None, :]
    if values.ndim != 2 or values.size == 0:
        raise ValueError(f"array must be a non-empty 1-D or 2-D array, got shape {values.shape}")
    rows = [" & ".join(format_number(v, digits) for v in row) for row in values]
    return r"\begin{pmatrix}" + r" \\ ".join(rows) + r"\end{pmatrix}"


def latex_table(notation, layer, sizes, weight=None, bias=None, bias_row=False, digits=7):
    r"""One layer's weights as a LaTeX ``array`` with unit names on its edges.

    Columns are the to-units of layer ``layer + 1``, rows the from-units of layer
    ``layer``; with ``bias`` given (or ``bias_row=True``) a row "1" on top holds the
    biases, as in the tied-units question's bias-augmented table.
    weight: (sizes[layer], sizes[layer+1]) numbers, or None to show the weights' names.
    bias: (sizes[layer+1],) numbers, or None (names when ``bias_row`` is True).
    """
    notation = as_notation(notation)
    sizes = _check_sizes(sizes, notation, needed=True)
    layer = as_count("layer", layer)
    if layer >= len(sizes) - 1:
        raise ValueError(f"layer must be below {len(sizes) - 1} (number of weight layers), got {layer}")
    digits = as_count("digits", digits, minimum=1)
    n_in, n_out = sizes[layer], sizes[layer + 1]
    if weight is not None:
        weight = as_float_array("weight", weight)
        if weight.shape != (n_in, n_out):
            raise ValueError(f"weight must have shape {(n_in, n_out)}, got shape {weight.shape}")
    if bias is not None:
        bias = as_float_array("bias", bias)
        if bias.shape != (n_out,):
            raise ValueError(f"bias must have shape {(n_out,)}, got shape {bias.shape}")

    def cell(value, name):
        return name if value is None else format_number(value, digits)

    header = " & ".join(unit_label(notation, layer + 1, j, latex=True, sizes=sizes) for j in range(n_out))
    lines = [" & " + header]
    if bias is not None or bias_row:
        lines.append(
            "1 & "
            + " & ".join(
                cell(None if bias is None else bias[j], bias_label(notation, layer, j, latex=True, sizes=sizes))
                for j in range(n_out)
            )
        )
    for i in range(n_in):
        names = (weight_label(notation, layer, i, j, latex=True, sizes=sizes) for j in range(n_out))
        values = [None] * n_out if weight is None else weight[i]
        row = " & ".join(cell(v, name) for v, name in zip(values, names))
        lines.append(unit_label(notation, layer, i, latex=True, sizes=sizes) + " & " + row)
    body = r" \\ \hline ".join(lines[:1]) + r" \\ \hline " + r" \\ ".join(lines[1:])
    return r"\begin{array}{c|" + "c" * n_out + "}" + body + r"\end{array}"
