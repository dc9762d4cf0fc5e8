"""Every number notebooks/02_linear_regression_2_2_1.ipynb shows, recomputed and asserted.

Each value is recomputed with mlp_helpers (or independently: by hand, finite differences) and
compared, as the notebook prints it, with a literal and with the stored output; the table of names
is checked against ``notation``; no start printed or written on the page passes exercise 2.
"""

import ast
import re
from pathlib import Path

import nbformat
import matplotlib.pyplot as plt
import numpy as np
import pytest

import mlp_helpers as mh
from mlp_helpers import cases, linear_regression as linreg, notation, plots
from mlp_helpers.visual.folds import folded

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_linear_regression_2_2_1.ipynb"
A = 0.3
WEIGHTS = [(0, 0, 0), (0, 1, 0), (0, 0, 1), (0, 1, 1), (1, 0, 0), (1, 1, 0)]


def shown(value, digits=7, sign=False):
    """``value`` formatted as the notebook prints it."""
    return f"{value:{'+' if sign else ''}.{digits}f}"


@pytest.fixture(scope="module")
def nb():
    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def stored(nb):
    """All text the notebook printed, as stored in the committed file."""
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            plain = output.get("data", {}).get("text/plain", "")
            texts.append(plain + "\n" if output.get("output_type") == "display_data" and plain else plain)  # a folded block: its lines
    return "".join(texts)


@pytest.fixture(scope="module")
def markdown(nb):
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(scope="module")
def case():
    return cases.linear_2_2_1(a=A)


@pytest.fixture(scope="module")
def net(case):
    return case.network().init_random(seed=0)


@pytest.fixture(scope="module")
def trained(case):
    """{"constant": (net, history), "random": (net, history)} after the case's 500 steps."""
    return {
        "constant": case.train(case.network()),
        "random": case.train(case.network().init_random(seed=0)),
    }


def test_notebook_is_committed_with_clean_outputs(nb):
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    assert nb.metadata["kernelspec"]["name"] == "python3"


def test_top_of_the_notebook(nb):
    top = nb.cells[0].source
    for needed in ("Prerequisites:", "notebook 01", "[notation card](NOTATION.md)", "`half_mse`", "about 2 hours",
                   "**Outline.**"):
        assert needed in top, needed
    # the outline lists the sections the notebook has, in order
    headings = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("## ")]
    numbered = [h for h in headings if re.match(r"## \d\.", h)]
    assert [h[3] for h in numbered] == [str(n) for n in range(10)]
    outline = [line for line in top.splitlines() if re.match(r"\d\. ", line)]
    assert [line[0] for line in outline] == [str(n) for n in range(10)]


def test_section_0_shows_the_question_and_the_answer(nb, markdown):
    # the question's network, derivation and claim on the page; section 0 neither counts nor names the slips
    for text in (r"x_1 = a\,x", r"x_2 = (1 - a)\,x", r"z_{a1} = w_{111}x_1 + w_{121}x_2", r"z_{a2} = w_{211}x_1 + w_{221}x_2",
                 r"\frac{\partial y'}{\partial w_{111}} = \frac{\partial z_{a1}}{\partial w_{111}} = x_1",
                 r"(y - y')", r"w_{111} = w_{211}", r"Sections 3 and 5 check each step."):
        assert text in markdown, text
    assert "2-2-1 regression question" in markdown
    # the answer's six formulas appear once, in the card's names, in the table's order, after Exercise 1's check
    texts = [c.source for c in nb.cells]
    (six,) = [k for k, t in enumerate(texts) if r"\frac{\partial y'}{\partial W_1[1,0]} = h_2" in t]
    *_, check = [k for k, t in enumerate(texts) if t.startswith("linreg.check_gradient_answer(")]  # part 2's
    (code,) = [k for k, t in enumerate(texts) if "formula = linreg.answer_gradients(" in t]
    assert check < six < code
    # no code cell writes the formulas out: the student sees them only on opening the block after the check
    assert not any("residual * x2" in t or "def six_gradients" in t for t in texts)
    order = re.findall(r"partial (W_\d\[\d,\d\])\}", texts[six])
    assert order == [notation.weight_label("card", *w).replace(", ", ",") for w in WEIGHTS]
    assert not any(r"\partial W_0[1,1]} = x_2" in t for t in texts[:check] if "Hint" not in t)


def test_the_question_diagram_uses_its_names_and_the_rest_the_card(nb):
    draws = [c.source for c in nb.cells if c.cell_type == "code" and "draw_network" in c.source]
    assert 'notation="regression_question"' in draws[0]
    assert all('notation="card"' in source for source in draws[1:]) and len(draws) == 3
    # no figure or output after the table labels the output z21 or uses the answer's names
    later = [c for c in nb.cells if c.cell_type == "code"][3:]
    assert not any("regression_answer" in c.source for c in later)


def test_the_card_names_the_units_and_weights(case):
    sizes = case.sizes
    assert [notation.unit_label("card", l, j, sizes=sizes) for l, j in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)]] == [
        "x_1", "x_2", "h_1", "h_2", "y'"]
    assert [notation.weight_label("card", *w) for w in WEIGHTS] == [
        "W_0[0, 0]", "W_0[1, 0]", "W_0[0, 1]", "W_0[1, 1]", "W_1[0, 0]", "W_1[1, 0]"]


def test_section_2_one_table_of_names(markdown, case):
    rows = re.findall(r"^\| \$(w_\{\d+\})\$ \| \$(W_\d\[\d, \d\])\$ \| \$(.+?)\$ \|$", markdown, re.M)
    assert len(rows) == 6
    for (question, card, edge), (l, i, j) in zip(rows, WEIGHTS):
        assert question == notation.weight_label("regression_question", l, i, j, latex=True)
        assert card.replace("_", "_{", 1).replace("[", "}[", 1) == notation.weight_label("card", l, i, j, latex=True)
        assert notation.parse_weight("card", card) == (l, i, j)
        start, end = (notation.unit_label("card", k, u, latex=True, sizes=case.sizes) for k, u in ((l, i), (l + 1, j)))
        assert re.sub(r"[\s{}]", "", edge) == re.sub(r"[\s{}]", "", f"{start} \\to {end}")
    assert markdown.count("| the question | the card |") == 1  # one table, shown once


def test_section_1_data(case, stored, markdown):
    x = case.X.sum(axis=1)
    assert len(x) == 20
    first = [shown(v, 4) for v in (x[0], case.X[0, 0], case.X[0, 1], case.Y[0, 0])]
    assert first == ["0.2739", "0.0822", "0.1917", "0.3980"]
    assert np.allclose(case.X[:, 0] / case.X[:, 1], A / (1 - A))
    assert np.linalg.matrix_rank(case.X) == 1
    # c* by hand, independent of the package: the root of sum (c x - y) x
    c_star = float(x @ case.Y[:, 0] / (x @ x))
    assert shown(c_star) == shown(mh.least_squares_slope(x, case.Y)) == "1.4711278"
    assert "rank of X: 1" in stored and "c* = 1.4711278" in stored
    # "their slopes differ by 1.9%": the data's 1.5 against c*, relative to 1.5 (away from a rounding boundary)
    gap = (1.5 - c_star) / 1.5
    assert f"{gap:.1%}" == "1.9%" and abs(gap * 1000 - np.floor(gap * 1000) - 0.5) < 0.45
    assert "[c*] c* = 1.4711278, 1.9% below the 1.5 the data came from" in stored
    # the noise the prose points to [c*] for: the residuals about 1.5 x, their (population) standard deviation
    noise = float(np.sqrt(np.mean((case.Y[:, 0] - 1.5 * x - np.mean(case.Y[:, 0] - 1.5 * x)) ** 2)))
    assert f"{noise:.2f}" == "0.07" and abs(noise * 100 % 1 - 0.5) > 0.2  # 0.0696: far from a rounding edge
    assert "[noise] y - 1.5 x: standard deviation 0.07 over the 20 observations\n" in stored
    assert "plus normal noise of standard deviation 0.1 ([noise]; 0.07 for these 20 values)" in markdown
    # the 0.1 is the generator's default, which this case (built with a only) used: the same data drawn with noise=0.1
    import inspect
    assert inspect.signature(cases.linear_2_2_1).parameters["noise"].default == 0.1
    redrawn = cases.linear_2_2_1(a=A, noise=0.1)
    assert np.array_equal(redrawn.X, case.X) and np.array_equal(redrawn.Y, case.Y)
    assert "[noise] cases.linear_2_2_1's noise setting (a standard deviation): 0.1\n" in stored
    assert "x1 / x2 equals rho / (1 - rho) = 0.4286 in every row: True" in stored


def test_section_3_cost_and_sign_slip(nb, case, net, stored, markdown):
    y, y_hat = case.Y[0, 0], net.predict(case.X)[0, 0]
    eps = 3e-4
    finite_difference = (0.5 * (y - y_hat - eps) ** 2 - 0.5 * (y - y_hat + eps) ** 2) / (2 * eps)
    assert [shown(y), shown(y_hat)] == ["0.3980316", "-0.0339832"]
    assert shown(finite_difference) == shown(y_hat - y) == "-0.4320148"
    assert "y' - y = -0.4320148    y - y' = 0.4320148" in stored
    C = mh.loss(case.loss, net.predict(case.X), case.Y)
    assert C == pytest.approx(np.mean(0.5 * (case.Y - net.predict(case.X)) ** 2), rel=1e-14)
    dW, _ = net.gradients(case.X, case.Y, loss=case.loss)

    def cost(weights):
        return mh.loss(case.loss, net.copy().set_params(weights).predict(case.X), case.Y)

    downhill = cost([W - case.lr * g for W, g in zip(net.weights, dW)])
    uphill = cost([W + case.lr * g for W, g in zip(net.weights, dW)])
    assert [shown(C), shown(downhill), shown(uphill)] == ["0.5289863", "0.5187854", "0.5397055"]
    assert downhill < C < uphill
    # report 02CR fault 4: the slipped step is the sign slip alone (backprop's gradients negated: W_1[j, 0] kept), not the question's step
    # report 02CT fault 4: the label does not name section 5's second slip (the outgoing weight) two sections early
    assert "C after the correct step (y' - y): 0.5187854    sign slip only (the question's y - y'): 0.5397055" in stored
    assert "outgoing weight kept" not in stored
    assert "every sign flipped (the question's" not in stored
    # [first order]: -eta sum (dC/dw)^2 beside the measured change, both to 4 places (none near a rounding boundary)
    first_order = -case.lr * sum((g**2).sum() for g in dW)
    for value in (first_order, downhill - C, uphill - C):
        assert abs(value * 1e4 % 1 - 0.5) > 0.01  # not near x.xxxx5: far beyond rounding
    assert first_order < downhill - C < 0 and abs(first_order - (downhill - C)) < 0.001
    # the box: the eta^2 term is the same both ways (even in the step), so the rise beats -first_order beats the fall
    assert uphill - C > -first_order > C - downhill
    assert abs((uphill - C) + (downhill - C)) < 0.1 * abs(first_order)  # what is left over is second order
    # 6a's "Section 3's two steps, exactly": C(kappa) (every weight moved by -kappa dC/dw) is a polynomial of degree 4 in
    # kappa (kappa, not the card's t, which counts steps)
    # (c degree 2, C quadratic in c), so its fifth differences vanish; C(+-eta) - C(0) = -+A + B with
    # A = (rise + fall) / 2 near the first order and B = (rise - fall) / 2 > 0 (+0.0107, -0.0102 as printed)
    along = [cost([W - t * g for W, g in zip(net.weights, dW)]) for t in np.linspace(-0.2, 0.2, 7)]
    assert abs(np.diff(along, 5)).max() < 1e-12 * max(along) and abs(np.diff(along, 4)).max() > 1e-9
    assert (uphill - C) + (downhill - C) > 1e-4
    A_odd, B_even = ((uphill - C) - (downhill - C)) / 2, ((uphill - C) + (downhill - C)) / 2
    assert abs(A_odd + first_order) < 0.0001 and B_even > 0
    assert "Repeated, it climbs at every one of 20 steps ([20 steps])." in markdown
    # section 5: the sign-fixed weight's share of section 3's first-order sum, named as that sum
    # report 02CI fault 9: "the formula gives -q", not "gradient" (g is the true one)
    # report 02DK fault 8 (the lead's decision): the sign-fixed step said in words before the equalities
    # report 02DN fault 6 (the lead's decision): in words only, the display of Delta w and g Delta w cut
    # report 02DP fault 3 (the lead's decision): -q = g/W_1[j, 0] written out (rho G only in 6a, where G is defined); the
    # positive case backed by the printed q and g of W_0[0, 1] (-q = -0.1981 and g = -0.0507: one sign, 1/0.2557 times)
    # report 02DR fault 3, 02DQ fault 2 (the lead's decision): two full sentences; the positive case claims only what the
    # printed q and g of W_0[0, 1] show (one sign; |q / g| = 1/W_1[1, 0], checked below)
    # report 02DV fault 2 (the lead's decision): why uphill (dividing by a negative W_1[j, 0] flips the sign), with the
    # printed seed-0 numbers: -q = -0.1981 against g = +0.0750 (W_0[0, 0]); g = -0.0507 and 1/0.2557 (W_0[0, 1])
    assert (r"With only the sign fixed, a step uses $-q = g/W_1[j,0]$ in place of $g$. Where $W_1[j,0] < 0$, dividing by "
            r"it flips the sign: uphill ($W_0[0,0]$: $-q = -0.1981$, $g = +0.0750$; [sign fixed]). Where $W_1[j,0] > 0$ "
            r"($W_0[0,1]$), $-q$ has $g$'s sign but is $1/W_1[1,0] = 1/0.2557 \approx 3.9$ times as large "
            r"($-0.1981$ against $-0.0507$, above).") in markdown
    q_01, g_01, w_10 = +0.1981136, -0.0506549, net.weights[1][1, 0]  # as printed
    assert w_10 > 0 and np.sign(-q_01) == np.sign(g_01) and -q_01 / g_01 == pytest.approx(1 / w_10, rel=1e-4)
    # report 02DX fault 3 (the lead's decision): the reciprocal evaluated, 3.9 both ways (1/0.2557 and -0.1981 / -0.0507)
    assert f"{1 / w_10:.1f}" == f"{1 / 0.2557:.1f}" == f"{-0.1981 / -0.0507:.1f}" == f"{-q_01 / g_01:.1f}" == "3.9"
    assert abs(1 / w_10 - 3.95) > 0.01 and abs(1 / w_10 - 3.85) > 0.01  # far from a rounding edge
    q_00, g_00, w_00 = +0.1981136, +0.0750406, net.weights[1][0, 0]  # as printed
    assert w_00 < 0 and np.sign(-q_00) != np.sign(g_00) and -q_00 == pytest.approx(g_00 / w_00, rel=1e-4)
    assert "W_0[0, 0] (the question's w111): q = +0.1981136    g = +0.0750406\n" in stored
    assert "-q x W_1[1, 0] = -(+0.1981) x (+0.2557) = -0.0507" in stored
    assert "gradient is $-q" not in markdown and markdown.index("With only the sign fixed") < markdown.index(r"$-q$ is $\rho\,G$")
    assert r"(Section 5's $-q$ is $\rho\,G$.) So they are equal exactly when" in markdown
    # report 02DX fault 4 (the lead's decision): the weights leaving x_2 in one parenthesis, (1 - rho) G W_1[j, 0]
    assert (r"So they are equal exactly when $W_1[0,0] = W_1[1,0]$ **or** $G = 0$ (likewise the weights leaving $x_2$: "
            r"$\partial C/\partial W_0[1,j] = (1-\rho)\,G\,W_1[j,0]$). Otherwise their ratio") in markdown
    G_0 = np.mean((net.predict(case.X)[:, 0] - case.Y[:, 0]) * case.X.sum(axis=1))
    g_all, _ = net.gradients(case.X, case.Y, loss=case.loss)
    np.testing.assert_allclose(g_all[0][1], (1 - A) * G_0 * net.weights[1][:, 0], rtol=1e-12)
    assert "W_0[0, 1] (the question's w211): q = +0.1981136    g = -0.0506549\n" in stored
    assert "its share of $\\Delta C" not in markdown
    # report 02DN fault 5 (the lead's decision): the Why box names the intended answer and accepts "more"
    # report 02DS fault 3 (the lead's decision): the question asks "to first order", so one answer is right; the box
    # calls the measured gap (0.0107 against 0.0102, about 5%) second order
    assert (r"""([first order]). Answer: "raise", "about as much". The measured changes, $+0.0107$ and $-0.0102$, """
            r"""differ in size by about 5%: a second-order effect (optional box below).""") in markdown
    assert "is right too" not in markdown
    assert 0.04 < (uphill - C) / (C - downhill) - 1 < 0.06  # about 5%
    assert "degree-4" not in markdown.split("## 4.")[0]  # section 3's box keeps the first-order argument only
    # report 02DG fault 4 (the lead's decision): the exact account of the two steps sits at section 3's end, after its
    # "Why" box, an optional aside closed by default (not an exercise's answer)
    six_a = markdown.split("## 3.")[1].split("## 4.")[0]  # the name kept: the box and [B] moved here from 6a
    assert "two steps differ" not in markdown.split("### 6a.")[1]
    assert six_a.index("<details><summary>Why (open after the check cell)</summary>") < six_a.index("Optional: why the two")
    six_a_box = six_a.split("<details><summary>Optional: why the two steps differ slightly</summary>")[1]
    assert six_a_box.count("</details>") == 1 and r"\kappa" not in six_a.split("<details><summary>Optional")[0]
    assert r"($\kappa = \eta$: the correct step; $-\eta$: the slipped one)" in six_a and "$C(t)$" not in six_a
    # report 02DS fault 5 (the lead's decision): the box cut to the measured asymmetry (the degree-4 polynomial and the
    # sum of the two displays cut); why C''(0) > 0 stays in 8b's eta^2 box, "read after 8b"
    assert "degree 4" not in six_a_box and "$A$" not in six_a_box
    # report 02DW fault 5 (the lead's decision): what C(kappa)'s primes are, and that y' is a name
    assert (r"$C(\kappa)$ and its primes are functions of the step size $\kappa$; the prime in $y'$ is part of a name, not a "
            r"derivative. The first-order term flips sign with $\kappa$; the second-order "
            r"term does not, so with $C''(0) > 0$ the rise ($+0.0107$) is larger in size than the fall ($-0.0102$). Half the "
            r"sum of the two changes, $B$, keeps only the even-power terms, led by $\tfrac12\eta^2\,C''(0)$: [B], below, "
            r"prints both, positive. Why $C''(0) > 0$: 8b's $\eta^2$ box (read after 8b).") in six_a_box
    # B's leading term is eta^2 C''(0) / 2 (Taylor in kappa), C'' the second derivative along the gradient: positive at
    # seed 0, as B is, but not in general: at 7a's every-weight-0.1 point C'' < 0
    def along_gradient(weights):  # C(kappa) on a grid of kappa, and C''(0) from it (exact: C is a quartic in kappa)
        g_w, _ = net.copy().set_params(weights).gradients(case.X, case.Y, loss=case.loss)
        h = 1e-3
        values = [cost([W - k * g for W, g in zip(weights, g_w)]) for k in (-h, 0.0, h)]
        return (values[0] - 2 * values[1] + values[2]) / h**2
    curvature = along_gradient(net.weights)
    assert curvature > 0 and B_even == pytest.approx(0.5 * case.lr**2 * curvature, rel=0.02)
    assert along_gradient([np.full((2, 2), 0.1), np.full((2, 1), 0.1)]) < 0
    # report 02DS fault 5: the box quotes no number of [B], which prints after it
    assert "0.000259" not in markdown
    # [B]: B and 1/2 eta^2 C''(0) (central finite difference, step 1e-3), equal to 3 digits (6 decimals), each far
    # from a rounding edge (B = 0.00025916, 1/2 eta^2 C'' = 0.00025914; the eta^4 term is about 2e-8)
    half_curvature = 0.5 * case.lr**2 * curvature
    for value in (B_even, half_curvature):
        assert f"{value:.6f}" == "0.000259" and abs(value * 1e6 % 1 - 0.5) > 0.01  # not near x.xxxxxx5
    assert ("[B]      B = (C(eta) + C(-eta))/2 - C(0) = 0.000259;  1/2 eta^2 C''(0) = 0.000259 "
            "(C'' by a central finite difference, step 0.001)\n") in stored
    assert r"$$C(\kappa) = C(0) + \kappa\,C'(0) + \tfrac12\kappa^2\,C''(0) + \dots,$$" in six_a
    seven = markdown.split("## 7.")[1].split("### 7a.")[0]  # section 7's letter table: 6a's letters
    # report 02DE fault 8 (the lead's decision): kappa, 6a's box's multiplier, gets a row in the letters table
    # report 02DR fault 6 (the lead's decision): no tau in section 7's table, listed before 7a; 7a defines it where it
    # uses it ("For a small number $\tau$")
    assert r"| $\kappa$ | $\pm\eta$ (section 3's box) | 3 | $\pm 0.1$ |" in seven and r"\tau" not in seven
    assert markdown.index(r"For a small number $\tau$") == markdown.index(r"\tau") - len("For a small number $")
    # section 3's predict-first names what the student knows there: backprop's gradients with every sign flipped
    three = markdown.split("## 3.")[1].split("## 4.")[0]
    # the card's cost-table entry (y' - y) gives the sign the box "The derivative" withholds: only inside that box
    before_check = "\n".join(c.source for c in nb.cells[:next(i for i, c in enumerate(nb.cells)
                                                              if "finite_difference = " in c.source)]
                             if c.cell_type == "markdown")
    open_text = re.sub(r"<details>.*?</details>", "", before_check, flags=re.S)
    assert "cost-table" not in open_text and "cost table" not in open_text
    derivative_box = three.split("<details><summary>The derivative (open after the finite-difference cell)</summary>")[1]
    # report 02DE fault 5: the card's entry is for C (with 1/m); one observation's loss drops the 1/m
    assert (r"The card's $\tfrac1m(a^L - y)$ is for $C$; for one observation's $\ell$, drop the $\tfrac1m$."
            in derivative_box.split("</details>")[0])
    assert "does one step with backprop's gradients but every sign flipped raise or lower $C$" in three
    # what `net.gradients` computes is said before the prompt that uses it, not two cells later
    prompt = next(c.source for c in nb.cells if "**Predict first:** does one step" in c.source)
    assert prompt.index("`net.gradients` computes every") < prompt.index("**Predict first:**")
    assert "Below, `net.gradients` computes" not in markdown
    assert "correct chain rule" not in three
    # [20 steps]: 20 steps with the question's sign (every weight + eta dC/dw); C rises at each, by far more than rounding
    climbing, costs = [W.copy() for W in net.weights], [C]
    for _ in range(20):
        g_now, _ = net.copy().set_params(climbing).gradients(case.X, case.Y, loss=case.loss)
        climbing = [W + case.lr * g for W, g in zip(climbing, g_now)]
        costs.append(cost(climbing))
    assert np.diff(costs).min() > 1e-3
    assert f"{costs[-1]:.4f}" == "1.8713" and abs(costs[-1] * 1e4 % 1 - 0.5) > 0.05  # far from a rounding edge (x.xxxx5)
    assert ("[20 steps] with y - y': C rises at every one of 20 steps: True\n"
            "[20 steps] C at step 20: 1.8713\n") in stored
    assert ("[first order] -eta sum (dC/dw)^2 = -0.0105;  measured change with y' - y: -0.0102, with y - y': +0.0107"
            in stored)
    assert (case.lr, case.iterations) == (0.1, 500)
    assert "learning rate eta = case.lr = 0.1; training (section 6) runs case.iterations = 500 steps" in stored


def test_section_4_forward_pass(case, net, stored):
    W0, W1 = net.weights
    assert [shown(W0[i, j], 4) for i, j in [(0, 0), (1, 0), (0, 1), (1, 1)]] == ["0.0889", "0.4528", "-0.0934", "0.0742"]
    assert [shown(W1[j, 0], 4) for j in (0, 1)] == ["-0.3788", "0.2557"]
    h = net.forward(case.X)[1][0]
    assert [shown(h[0]), shown(h[1])] == ["0.0941377", "0.0065466"]
    assert "h1 = (0.0889)(0.0822) + (0.4528)(0.1917) = 0.0941377" in stored
    assert "y'  = (-0.3788)(0.0941377) + (0.2557)(0.0065466) = -0.0339832" in stored
    assert "net.predict: y' = -0.0339832" in stored
    # the slope c = s W_0 W_1 of the random start, and c x[0] = the same y' (section 4's check of y' = c x)
    c = mh.effective_slope(net, A)
    x0 = case.X[0].sum()
    assert [shown(c, 4), shown(x0, 4), shown(c * x0)] == ["-0.1241", "0.2739", "-0.0339832"]
    assert shown((np.array([A, 1 - A]) @ W0 @ W1)[0]) == shown(c)
    assert "c = s W_0 W_1 = -0.1241;  c x[0] = (-0.1241)(0.2739) = -0.0339832" in stored
    # the input parts u_1, u_2 (s W_0), and c grouped by hidden unit
    u = np.array([A, 1 - A]) @ W0
    assert [shown(u[0], 4), shown(u[1], 4), shown(u @ W1[:, 0], 4)] == ["0.3437", "0.0239", "-0.1241"]
    assert all(abs(v * 1e4 % 1 - 0.5) > 0.01 for v in (abs(u[0]), abs(u[1])))  # far from a rounding edge
    assert "u_1 = 0.3437, u_2 = 0.0239;  c = u_1 W_1[0, 0] + u_2 W_1[1, 0] = -0.1241" in stored
    # the same six values under the section 0 figure, in the question's names
    assert ("w111 = +0.0889   w121 = +0.4528   w211 = -0.0934   w221 = +0.0742   w112 = -0.3788   w212 = +0.2557"
            in stored)


def test_section_5_the_formulas_as_the_package_codes_them(case, net):
    for start in (net, case.network(), case.network().init_random(seed=3)):
        for l, W in enumerate(linreg.answer_gradients(start, case.X, case.Y)):
            np.testing.assert_allclose(W, start.gradients(case.X, case.Y, loss=case.loss)[0][l], rtol=1e-12, atol=1e-15)
            np.testing.assert_allclose(W, mh.numerical_gradients(start, case.X, case.Y, case.loss)[0][l],
                                       rtol=1e-6, atol=1e-10)


def test_section_5_six_gradients_three_ways(case, net, stored):
    formula = linreg.answer_gradients(net, case.X, case.Y)
    backprop, _ = net.gradients(case.X, case.Y, loss=case.loss)
    numeric, _ = mh.numerical_gradients(net, case.X, case.Y, case.loss, eps=3e-4)  # the notebook passes notebook 01's eps
    expected = ["0.0750406", "0.1750947", "-0.0506549", "-0.1181949", "-0.2269487", "-0.0157825"]
    for (l, i, j), value in zip(WEIGHTS, expected):
        assert shown(formula[l][i, j]) == shown(backprop[l][i, j]) == shown(numeric[l][i, j]) == value
        name = notation.weight_label("card", l, i, j)
        assert f"dC/d{name:<10}{value:>12}{value:>12}{value:>13}" in stored
    for l in range(2):
        assert mh.relative_error(formula[l], backprop[l]) < 1e-12
        # rounding only (C is quadratic in each weight): about 1e-11 here, below 7.4e-11 over 300 starts moved by
        # a few ulps, so "even < 1e-9" holds on any CPU
        assert mh.relative_error(backprop[l], numeric[l]) < 1e-10
    assert "formula = backprop (relative error < 1e-12): True\n" in stored
    assert "backprop = finite differences (relative error < 1e-7): True; even < 1e-9: True\n" in stored


def test_exercise_1_gradient_in_the_question_names(case, stored):
    net_seed1 = case.network().init_random(seed=1)
    W0_1, W1_1 = net_seed1.weights
    assert all(abs(v * 1e4 % 1 - 0.5) > 0.01 for v in (*W0_1.ravel(), *W1_1.ravel()))  # far from rounding edges
    printed = (f"weights[0] = [[{W0_1[0, 0]:.4f}, {W0_1[0, 1]:.4f}], [{W0_1[1, 0]:.4f}, {W0_1[1, 1]:.4f}]]   "
               f"weights[1] = [[{W1_1[0, 0]:.4f}], [{W1_1[1, 0]:.4f}]]")
    assert printed == "weights[0] = [[0.2444, 0.5810], [0.2337, -0.9215]]   weights[1] = [[0.6402], [0.3156]]"
    assert printed in stored
    # part 1: the question's w121 is W_0[1, 0] (report 02CZ fault 5: the indices swap matters for it; w221 and w212
    # read the same either way); part 2: its w212 is W_1[1, 0], an outgoing weight.
    # Neither gradient (nor a slip of it) is anywhere on the page.
    gradients = net_seed1.gradients(case.X, case.Y, loss=case.loss)[0]
    for weight, (l, i, j) in (("w121", (0, 1, 0)), ("w212", (1, 1, 0))):
        right = gradients[l][i, j]
        for value in (right, -right, 2 * right, 20 * right):
            for digits in (3, 4, 7):
                assert f"{abs(value):.{digits}f}" not in stored
        verdict = linreg.check_gradient_answer(right, net_seed1, case.X, case.Y, weight)
        assert verdict.passed and verdict.verdict in stored


def test_section_5_question_formula_is_wrong(case, net, stored):
    mistaken = linreg.question_gradients(net, case.X, case.Y)
    # by hand: (1/m) sum (y - y') x1, the same for both weights leaving x1
    by_hand = np.mean((case.Y[:, 0] - net.predict(case.X)[:, 0]) * case.X[:, 0])
    assert shown(mistaken[0, 0], sign=True) == shown(mistaken[0, 1], sign=True) == shown(by_hand, sign=True) == "+0.1981136"
    assert [notation.weight_label("regression_question", 0, 0, j) for j in (0, 1)] == ["w111", "w211"]
    assert "W_0[0, 1] (the question's w211): q = +0.1981136    g = -0.0506549" in stored
    # the two slips cancel in sign for W_0[0, 0] only: the dropped W_1[0, 0] is negative, W_1[1, 0] positive
    W1 = net.weights[1]
    assert W1[0, 0] < 0 < W1[1, 0] and mistaken[0, 0] > 0 and net.gradients(case.X, case.Y, loss=case.loss)[0][0][0, 0] > 0
    # and the sizes: correct = -W_1[j, 0] times the question's number, the page's arithmetic to 4 decimals
    correct = net.gradients(case.X, case.Y, loss=case.loss)[0][0]
    np.testing.assert_allclose(correct[0], -W1[:, 0] * mistaken[0], rtol=1e-12)
    assert [f"{-w * mistaken[0, 0]:.4f}" for w in W1[:, 0]] == ["0.0750", "-0.0507"]
    assert "    -q x W_1[0, 0] = -(+0.1981) x (-0.3788) = +0.0750" in stored
    assert "    -q x W_1[1, 0] = -(+0.1981) x (+0.2557) = -0.0507" in stored


def test_section_5_names_the_two_gradients(markdown):
    """Report 02CG fault 7: the formulas name the correct gradient g and the question's q, no words inside formulas."""
    assert r"$q = \frac1m\sum_i (y[i] - y'[i])\,x_1[i]$, gives one number for *both* weights leaving $x_1$." in markdown
    assert r"Below, beside the correct $g = \partial C/\partial W_0[0,j]$:" in markdown
    assert r"Both slips are exact factors: $g = -q\,W_1[j, 0]$, the lost minus sign times the" in markdown
    # report 02CT fault 6: the learner's step -eta (-q) = eta q written out before it is put in terms of g
    # report 02DN fault 6 (the lead's decision): the learner's-step display cut, the words kept
    assert r"\Delta w = -\eta\,(-q)" not in markdown
    assert r"\text{correct}" not in markdown and r"\text{question's}" not in markdown


def test_section_5_the_sign_fixed_step_climbs_for_w000(case, net, stored):
    """With only the sign fixed, W_0[0, 0] steps by +eta x 0.1981 (the dropped W_1[0, 0] is negative): its own term of
    the first-order Delta C, -eta correct^2 / W_1[0, 0], is positive, and C, moved by that weight alone, rises."""
    mistaken = linreg.question_gradients(net, case.X, case.Y)
    correct = net.gradients(case.X, case.Y, loss=case.loss)[0][0][0, 0]
    W1 = net.weights[1][0, 0]
    step = case.lr * mistaken[0, 0]
    assert step == pytest.approx(-case.lr * correct / W1, rel=1e-12)  # -eta correct / W_1[0, 0]
    moved = net.copy()
    moved.weights[0][0, 0] += step
    before, after = (mh.loss(case.loss, n.predict(case.X), case.Y) for n in (net, moved))
    assert after - before == pytest.approx(-case.lr * correct**2 / W1, rel=1e-2) and after > before
    assert (f"{step:+.4f}", f"{before:.7f}", f"{after:.7f}") == ("+0.0198", "0.5289863", "0.5304740")
    assert abs(after * 1e7 % 1 - 0.5) > 0.01 and abs(step * 1e4 % 1 - 0.5) > 0.01  # far from a rounding edge
    assert "[sign fixed] W_0[0, 0] alone moved by +0.0198: C 0.5289863 -> 0.5304740\n" in stored


def test_section_6_gradient_ratio_is_outgoing_weight_ratio(case, net, stored):
    backprop, _ = net.gradients(case.X, case.Y, loss=case.loss)
    ratio = backprop[0][0, 0] / backprop[0][0, 1]
    W1 = net.weights[1]
    assert ratio == pytest.approx(W1[0, 0] / W1[1, 0], rel=1e-12)
    assert shown(ratio) == shown(W1[0, 0] / W1[1, 0]) == "-1.4814068"
    assert "dC/dW_0[0, 0] / dC/dW_0[0, 1] = -1.4814068" in stored and "W_1[0, 0] / W_1[1, 0]         = -1.4814068" in stored
    # dC/dW_1[j, 0] = G u_(j+1): G = mean((y' - y) x), u = the input parts, against backprop
    x = case.X.sum(axis=1)
    G = np.mean((net.predict(case.X)[:, 0] - case.Y[:, 0]) * x)
    u = [A * net.weights[0][0, j] + (1 - A) * net.weights[0][1, j] for j in (0, 1)]
    for j in (0, 1):
        assert G * u[j] == pytest.approx(backprop[1][j, 0], rel=1e-12)
    assert [shown(G * u[j]) for j in (0, 1)] == [shown(backprop[1][j, 0]) for j in (0, 1)] == ["-0.2269487", "-0.0157825"]
    # [G]: G = mean(x^2) (c - c*) at the random start, each printed to 7 places (none within 0.01 of a rounding boundary)
    mean_x2 = np.mean(x**2)
    c_gap = mh.effective_slope(net, A) - mh.least_squares_slope(x, case.Y)
    assert mean_x2 * c_gap == pytest.approx(G, rel=1e-12)
    for value in (G, mean_x2, c_gap, mean_x2 * c_gap):
        assert abs(value * 1e7 % 1 - 0.5) > 0.01  # not near x.xxxxxxx5
    assert ("[G]      G = -0.6603788, mean(x^2) = 0.4139816, c - c* = -1.5951887, "
            "mean(x^2)(c - c*) = -0.6603788") in stored
    # [parabola]: C = C_min + 1/2 mean(x^2)(c - c*)^2, C_min the cost at c = c*
    C_min = np.mean(0.5 * (mh.least_squares_slope(x, case.Y) * x - case.Y[:, 0]) ** 2)
    bowl = 0.5 * mean_x2 * c_gap**2
    cost_now = mh.loss(case.loss, net.predict(case.X), case.Y)
    assert C_min + bowl == pytest.approx(cost_now, rel=1e-12)
    for value in (C_min, bowl, cost_now):
        assert abs(value * 1e7 % 1 - 0.5) > 0.01  # not near x.xxxxxxx5
    assert ("[parabola] C_min + 1/2 mean(x^2)(c - c*)^2 = 0.0022719 + 0.5267144 = 0.5289863;  "
            "C now = 0.5289863") in stored
    assert ("[G u]    G u_1 = -0.2269487, G u_2 = -0.0157825;\n"
            "         backprop dC/dW_1[0, 0] = -0.2269487, dC/dW_1[1, 0] = -0.0157825") in stored
    # the learner's "and so": equal gradients would keep W_0[0, 0] - W_0[0, 1] at its start, not 0
    start_gap = net.weights[0][0, 0] - net.weights[0][0, 1]
    assert shown(start_gap, 4, sign=True) == "+0.1823"
    # c = u_1 W_1[0, 0] + u_2 W_1[1, 0] (section 6's second fact)
    assert u[0] * W1[0, 0] + u[1] * W1[1, 0] == pytest.approx(mh.effective_slope(net, A), rel=1e-12)


def test_section_6a_equal_gradients_keep_the_start_gap(stored, markdown, nb):
    """Report 02CS fault 8: the [start] loop (the learner's rule for 20 steps) was true by construction and added a
    debatable reading of the learner's W_1 rule: cut. The one-sentence reason stays; the start gap, +0.1823, is
    section 0's print and [crossings]' d_x1 (the Answer box quotes it)."""
    assert "[start]" not in stored and "[start]" not in markdown
    assert "learner's rule" not in stored and "learner's rule" not in markdown
    assert "our reading of the question" not in markdown and "It stays at $+0.1823169$" not in markdown
    assert "learner = [W.copy()" not in "".join(c.source for c in nb.cells if c.cell_type == "code")
    assert (r"First, would equal gradients be enough to make $W_0[0,0] = W_0[0,1]$? No: they subtract the same amount "
            r"from both weights, so $W_0[0,0] - W_0[0,1]$ keeps its starting value ([difference] prints "
            r"the start), not 0.") in markdown  # report 02CV fault 7: [difference] prints the start only
    assert "d_x1 = +0.1823," in stored
    # report 02CU fault 5: the starting difference printed in 6a, beside [ratio]
    assert "[difference] W_0[0, 0] - W_0[0, 1] at the start = +0.1823\n" in stored


def test_section_6_constant_start_stays_tied_bit_for_bit(nb, case, trained, stored, markdown):
    net_c, history_c = trained["constant"]
    net_r, history_r = trained["random"]
    assert len(history_c.iterations) == len(history_r.iterations) == 501
    assert mh.unit_spread(history_c).max() == 0.0  # exactly, at every one of the 501 steps
    assert np.array_equal(history_c.weights[0][:, :, 0], history_c.weights[0][:, :, 1])
    assert np.array_equal(history_c.weights[1][:, 0, :], history_c.weights[1][:, 1, :])
    assert mh.tied_units(net_c) == [[[0, 1]]] and mh.tied_units(net_r) == [[]]
    assert shown(mh.unit_spread(history_r).max()) == "1.0593224"
    # the random start's units are apart from step 0 (its outgoing weights differ by 0.6345)
    assert shown(mh.unit_spread(history_r)[0]) == "0.6344618" and mh.unit_spread(history_c)[0] == 0.0
    assert shown(abs(history_r.weights[1][0, 0, 0] - history_r.weights[1][0, 1, 0])) == "0.6344618"
    # "never tied in these 500 steps": the smallest spread over the 501 recorded steps, at step 17
    assert shown(mh.unit_spread(history_r).min()) == "0.4666676" and int(mh.unit_spread(history_r).argmin()) == 17
    # the box: "the outgoing pair sets the measured smallest spread": at step 17 the spread is |W_1[0, 0] - W_1[1, 0]|,
    # and both incoming pairs are below 0.02 there (they cross at steps 17 and 19: [crossings])
    W0_17, W1_17 = history_r.weights[0][17], history_r.weights[1][17]
    assert mh.unit_spread(history_r)[17] == abs(W1_17[0, 0] - W1_17[1, 0])
    # a one-ulp nudge cannot move the step: its neighbours are at least 4e-4 larger
    assert min(mh.unit_spread(history_r)[[16, 18]]) - mh.unit_spread(history_r)[17] > 2e-4
    assert max(abs(W0_17[0, 0] - W0_17[0, 1]), abs(W0_17[1, 0] - W0_17[1, 1])) < 0.02
    assert ("random start, 501 recorded steps:\n    spread of the hidden units: at step 0 0.6344618, "
            "smallest 0.4666676, largest 1.0593224 (exactly 0: False)\n") in stored
    # the bit-for-bit comparison sits in the cell after the prediction's answer box, not in the training cell
    # report 02DJ fault 6: tagged, so the float64 paragraph can cite them
    assert ("[bit for bit] constant start: the two units' weights equal bit for bit at every step: True\n"
            "[bit for bit] random start: the two units' weights equal bit for bit at every step: False\n") in stored
    # and once more (also gated on the prediction), under the box on why tied units stay tied
    assert "constant start (section 6): both units' weights equal bit for bit at every step: True\n" in stored
    assert shown(abs(net_r.weights[1][0, 0] - net_r.weights[1][1, 0])) == "1.0593224"
    assert ("constant start, 501 recorded steps:\n    spread of the hidden units: at step 0 0.0000000, "
            "smallest 0.0000000, largest 0.0000000 (exactly 0: True)\n") in stored
    # report 02CW fault 6: the float64 reason (02CV fault 3) moved from the print to a folded box after the gate, just
    # before the bit-for-bit cell, which it names as the evidence (numpy's order of addition is not assumed)
    assert "why exactly 0" not in stored
    cells = nb.cells
    # report 02DJ fault 1 (the lead's decision): the float64 paragraph in 6b's one optional box, after the figures
    # report 02DK fault 2 (the lead's decision): moved into the Verdict, which answers the predict-first question
    f64 = next(k for k, c in enumerate(cells) if "<summary>Verdict (open after your prediction)" in c.source)
    assert "exactly 0" not in cells[f64].source.split("</summary>")[0]  # the summary does not give the answer
    # report 02DS fault 4 (the lead's decision): the float64 fact is told before the prediction; the Verdict cites it
    # report 02DT fault 3 (the lead's decision): no clash with that fact (no "not a guarantee"): the fact applies here
    # because numpy does the two units' sums in the same order; another order would be other operations
    # report 02DW fault 4 (the lead's decision): the prompt asks; the Verdict states the fact plainly
    assert ("The constant start stays tied exactly ([bit for bit], above): equal weights give equal gradients (6a), in "
            "float64 too: identical operations on identical inputs give identical results, and numpy does both units' sums "
            "in the same order (another order could round them differently).") in cells[f64].source
    assert "not a guarantee" not in cells[f64].source
    # report 02DO fault 5 (the lead's decision): what could break the tie, in a few words (rounding depends on the order)
    # report 02DP fault 7 (the lead's decision): a tag printed two cells or more before its citing cell gets "above"
    assert r"at least $|r_1 - r_2| = 0.0140$ ([bound], above), a guarantee" in cells[f64].source
    assert "float64" not in cells[f64 + 1].source
    bits = next(k for k, c in enumerate(cells) if "def equal_bit_for_bit" in c.source)
    assert "[bound]" in cells[bits].source and 'print(f"[bit for bit]' in cells[bits].source and bits < f64
    # report 02CR fault 5: the reason after the prediction only; report 02CT fault 5: the float64 reason itself there,
    # not a pointer to 6c's box (opened only after Exercise 2); the box points back to it
    assert "6c's box" not in stored and "6c's box" not in markdown
    assert ("mathematically equal; in float64: 6b's Verdict (checked below for your start)."
            in markdown.split("### 6c.")[1])

    # after Exercise 2: the answer key's start (tied, not constant) trained again stays tied bit for bit;
    # the cell uses the student's my_start, so the page shows no tied start before the exercise
    answer_start = [[[0.3, 0.3], [-0.7, -0.7]], [[-1.1], [-1.1]]]
    assert linreg.check_symmetric_start(answer_start, case).passed
    _, history_t = case.train(case.network().set_params(answer_start))
    assert np.array_equal(history_t.weights[0][:, :, 0], history_t.weights[0][:, :, 1])
    assert np.array_equal(history_t.weights[1][:, 0, :], history_t.weights[1][:, 1, :])
    assert len(np.unique(history_t.weights[0][0])) == 2  # not constant
    assert ("your start (Exercise 2), tied, not constant, 500 steps: weights equal bit for bit at every step: True"
            in stored)
    assert not linreg.check_symmetric_start(..., case).passed  # the student copy's stub: the cell's other branch


def test_exercise_2_has_no_answer_on_the_page(nb, case, stored):
    """Every weights-like list written in a cell other than the solution, or printed, fails the check."""
    candidates = []
    for cell in nb.cells:
        if cell.cell_type != "code" or "### BEGIN SOLUTION" in cell.source:
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.List):
                try:
                    candidates.append(ast.literal_eval(node))
                except ValueError:
                    pass
    candidates += [ast.literal_eval(m) for m in re.findall(r"\[\[\[[-+\d., \[\]]*\]\]\]", stored.replace("+", ""))]
    candidates += [[W.tolist() for W in start.weights] for start in (case.network(), case.network().init_random(seed=0))]
    # the constant start's trained weights, printed in section 7 (tied, not constant): rejected too
    candidates += [[W.round(4).tolist() for W in case.train(case.network())[0].weights]]
    assert candidates
    for weights in candidates:
        assert not linreg.check_symmetric_start(weights, case).passed, weights
    verdict = linreg.check_symmetric_start([[[0.3, 0.3], [-0.7, -0.7]], [[-1.1], [-1.1]]], case)
    assert verdict.passed and verdict.verdict in stored


def test_section_6_trajectories_colours_and_lines(trained, markdown):
    """3 lines for 6 weights from the constant start; a tied line is striped in the colours of both
    weights its legend names, the colours those weights have in the random start's row."""
    colours, stripes = {}, {}
    for init, (_, history) in trained.items():
        fig = plots.plot_weight_trajectories(history, notation="card")
        lines = [line for ax in fig.axes for line in ax.lines]
        colours[init] = {line.get_label(): line.get_color() for line in lines if line.get_gid().startswith("traj:")}
        stripes[init] = [line for line in lines if line.get_gid().startswith("stripe:")]
        plots.plt.close(fig)
    assert len(colours["constant"]) == 3 and len(colours["random"]) == 6
    assert len(stripes["constant"]) == 3 and not stripes["random"]  # one stripe line per tied line
    by_weight = {(l, k): colour for (l, k), colour in
                 ((tuple(map(int, line.get_gid().split(":")[1:])), line.get_color()) for line in stripes["constant"])}
    for label, colour in colours["constant"].items():
        first, second = label.split(" = ")
        assert colours["random"][first] == colour
        W = notation.parse_weight("card", second)
        assert by_weight[W[0], W[1] * (2 if W[0] == 0 else 1) + W[2]] == colours["random"][second] != colour
    # the caption is neutral (read before the proof box); report 02DN fault 2: it says what to look at first
    assert ("Look first: top row (constant start), is each pair one striped line (tied)? Bottom row (random start), "
            "do a pair's lines merge?") in markdown


def test_figures_use_no_colour_that_means_a_sign(nb):
    """Blue and vermillion mean a positive and a negative weight in the diagrams: no other figure uses them."""
    for cell in nb.cells:
        if cell.cell_type == "code" and "plt.subplots" in cell.source and "draw_network" not in cell.source:
            assert "VERMILLION" not in cell.source and "BLUE" not in cell.source and "#D55E00" not in cell.source


def test_section_7_both_starts_reach_the_least_squares_slope(case, trained, stored):
    c_star = mh.least_squares_slope(case.X.sum(axis=1), case.Y)
    for init, (net, history) in trained.items():
        c = mh.effective_slope(net, A)
        W0, W1 = net.weights  # the slope as the notebook writes it, by hand
        by_hand = A * (W0[0, 0] * W1[0, 0] + W0[0, 1] * W1[1, 0]) + (1 - A) * (W0[1, 0] * W1[0, 0] + W0[1, 1] * W1[1, 0])
        assert c == pytest.approx(by_hand, rel=1e-13)
        assert abs(c - c_star) < 1e-6
        assert (shown(history.loss[-1]), shown(c)) == ("0.0022719", "1.4711278")
        np.testing.assert_allclose(net.predict(case.X)[:, 0], c * case.X.sum(axis=1), rtol=1e-12)
        assert np.abs(mh.slope_history(history, A) - c_star)[-100:].max() < 1e-13
    assert "random: C = 0.0022719, c = 1.4711278, |c - c*| < 1e-6: True" in stored
    assert "constant: C = 0.0022719, c = 1.4711278, |c - c*| < 1e-6: True" in stored


def test_section_7_different_weights_same_slope(trained, stored, case):
    assert ("constant: W_0 = [[+0.6469, +0.6469], [+0.8427, +0.8427]]\n"
            "          W_1 = [[+0.9383], [+0.9383]]\n"
            "          paths: 0.1821 (x1-h1) + 0.1821 (x1-h2) + 0.5535 (x2-h1) + 0.5535 (x2-h2) = 1.4711278\n") in stored
    assert ("  random: W_0 = [[+0.0612, +0.4210], [+0.3882, +1.2744]]\n"
            "          W_1 = [[+0.2998], [+1.3591]]\n"
            "          paths: 0.0055 (x1-h1) + 0.1717 (x1-h2) + 0.0815 (x2-h1) + 1.2125 (x2-h2) = 1.4711278\n") in stored
    expected = {"constant": ["0.1821", "0.1821", "0.5535", "0.5535"], "random": ["0.0055", "0.1717", "0.0815", "1.2125"]}
    # report 02CY fault 2: 7b no longer uses Q (8b's box defines it), nor prints W_1[0, 0] from it
    assert "0.938)" not in stored and "from Q" not in stored
    for init, (net, _) in trained.items():
        W0, W1 = net.weights
        assert [[shown(v, 4, sign=True) for v in row] for row in W0] == (
            [["+0.6469", "+0.6469"], ["+0.8427", "+0.8427"]] if init == "constant" else [["+0.0612", "+0.4210"], ["+0.3882", "+1.2744"]])
        paths = [A * W0[0, 0] * W1[0, 0], A * W0[0, 1] * W1[1, 0], (1 - A) * W0[1, 0] * W1[0, 0], (1 - A) * W0[1, 1] * W1[1, 0]]
        assert [shown(p, 4) for p in paths] == expected[init]
        assert shown(sum(paths)) == "1.4711278"
    assert ("paths: 0.0055 (x1-h1) + 0.1717 (x1-h2) + 0.0815 (x2-h1) + 1.2125 (x2-h2) = 1.4711278" in stored)
    assert ("paths: 0.1821 (x1-h1) + 0.1821 (x1-h2) + 0.5535 (x2-h1) + 0.5535 (x2-h2) = 1.4711278" in stored)


def test_section_7_equal_gradients_at_the_solution(trained, case, stored, markdown):
    net, _ = trained["random"]
    g, _ = net.gradients(case.X, case.Y, loss=case.loss)
    assert np.all(np.abs(g[0][0]) < 1e-12)  # both gradients leaving x1 are 0 to below 1e-12 ...
    assert abs(net.weights[1][0, 0] - net.weights[1][1, 0]) > 1  # ... while the outgoing weights differ
    # why: G1 = a/m sum (c x - y) x, and c* makes that sum 0
    x = case.X.sum(axis=1)
    c = mh.effective_slope(net, A)
    assert abs(A * np.mean((c * x - case.Y[:, 0]) * x)) < 1e-12
    assert "random start, trained: |dC/dW_0[0, 0]| and |dC/dW_0[0, 1]| below 1e-12: True" in stored
    # report 02CC fault 7: the prose says what the output shows, 0 to below 1e-12
    assert "both gradients of the weights leaving $x_1$ are 0 to below $10^{-12}$ ([gradients])." in markdown


def test_section_7_collinear_inputs_leave_a_direction_free(case, trained, stored):
    net = trained["random"][0]
    moved = net.copy()
    moved.weights[0][:, 0] += [1 - A, -A]
    np.testing.assert_allclose(moved.predict(case.X), net.predict(case.X), rtol=1e-12, atol=1e-15)
    for candidate in (net, moved):
        assert shown(mh.effective_slope(candidate, A)) == "1.4711278"
        assert shown(mh.loss(case.loss, candidate.predict(case.X), case.Y)) == "0.0022719"
    assert "moved: W_0[0, 0] = +0.7612, W_0[1, 0] = +0.0882, W_1[0, 0] = +0.2998, c = 1.4711278, C = 0.0022719" in stored
    # the other move: h_1's incoming weights doubled, its outgoing weight halved
    scaled = net.copy()
    scaled.weights[0][:, 0] *= 2
    scaled.weights[1][0] /= 2
    np.testing.assert_allclose(scaled.predict(case.X), net.predict(case.X), rtol=1e-12, atol=1e-15)
    assert [shown(v, 4, sign=True) for v in (scaled.weights[0][0, 0], scaled.weights[0][1, 0], scaled.weights[1][0, 0])] == [
        "+0.1224", "+0.7765", "+0.1499"]
    assert "scaled: W_0[0, 0] = +0.1224, W_0[1, 0] = +0.7765, W_1[0, 0] = +0.1499, c = 1.4711278, C = 0.0022719" in stored
    # [r_1 of each minimum]: training keeps r_1 = (1 - rho) W_0[0, 0] - rho W_0[1, 0] exactly; "moved" changes it by S, "scaled" doubles it
    S = A**2 + (1 - A) ** 2
    history = trained["random"][1]
    rows = {"step 0": history.weights[0][0], "trained": net.weights[0], "moved": moved.weights[0], "scaled": scaled.weights[0]}
    values = {label: (1 - A) * W0[0, 0] - A * W0[1, 0] for label, W0 in rows.items()}
    expected = {"step 0": "-0.0736", "trained": "-0.0736", "moved": "+0.5064", "scaled": "-0.1472"}
    assert {label: f"{v:+.4f}" for label, v in values.items()} == expected
    for v in values.values():  # away from a rounding boundary at 4 decimals
        assert abs(v * 1e4 - np.floor(v * 1e4) - 0.5) > 0.01
    assert values["moved"] - values["trained"] == pytest.approx(S) and values["scaled"] == pytest.approx(2 * values["trained"])
    assert "[r_1 of each minimum]  r_1 = (1 - rho) W_0[0, 0] - rho W_0[1, 0]\n" in stored
    for label, shown_value in expected.items():
        assert f"{label:>18}{shown_value:>26}\n" in stored


def test_section_7_every_point_with_u_and_W1_zero_is_the_same_saddle(case, markdown):
    """7a: at any point with u_1 = u_2 = 0 and W_1 = 0 (not only the origin) the gradient is 0 and c after changes is
    Delta u Delta W_1 alone; C depends only on c, so [not a minimum]'s three costs hold there too."""
    seven_a = markdown.split("### 7a.")[1].split("### 7b.")[0]
    # the points themselves (u_1 = u_2 = 0, W_1 = 0) are the bullet right above, not repeated in the why
    assert r"**Why saddles?** At any of them, after small changes," in seven_a
    # report 02DG fault 3: "saddle" defined before its first use
    assert seven_a.index("are **saddles**") < min(seven_a.index(w) for w in ("drawn into a saddle", "Near a saddle"))
    assert r"where every $\partial c/\partial w = 0$: $W_1 = 0$ and $u_1 = u_2 = 0$" in seven_a
    # report 02CZ fault 4: the saddle set named, and why every G = 0 point is a minimum
    # report 02DZ fault 3: "the origin" here is the point where every weight is 0 (sections 1, 4: the (x, y) plane's)
    assert (r"$u_1 = u_2 = 0$ (each $W_0$ column a multiple of $(1-\rho, -\rho)$; the origin, every weight 0, is one), so "
            r"$c = 0 \ne c^*$.") in seven_a
    # report 02CR fault 3: why the origin's numbers hold at every saddle, and why every G = 0 point is a minimum
    # report 02DO fault 7 (the lead's decision): "the display" named: the product of small changes, as the text calls it
    assert (r"$C$ depends only on $c$, and that product gives every saddle the same $c$ after the same nudge, so [not a minimum] "
            r"(at the origin, $\tau = 0.1$) holds at each: $C$ 0.4502 → 0.4381 and → 0.4625.") in seven_a
    assert r"- where $G = 0$ ($c = c^*$): the minima ($C \ge C_{\min}$ by 6a item 4); or" in seven_a
    assert "The origin is one" not in seven_a and "There, after" not in seven_a
    net = case.network()
    perpendicular = np.array([[1 - A], [-A]])  # columns along (1 - rho, -rho): u_j = 0
    for scale in ((0.7, -1.3), (2.0, 0.4)):
        base = [perpendicular * np.array(scale), np.zeros((2, 1))]
        point = net.copy().set_params(base)
        g, _ = point.gradients(case.X, case.Y, loss=case.loss)
        assert max(np.abs(G).max() for G in g) < 1e-15  # 0 up to rounding (u_j = 0 up to rounding)
        costs = []
        for sign in (0, 1, -1):
            moved = [base[0] + (0.1 if sign else 0.0), base[1] + sign * 0.1]
            costs.append(f"{mh.loss(case.loss, net.copy().set_params(moved).predict(case.X), case.Y):.7f}")
        assert costs == ["0.4502449", "0.4381473", "0.4625081"]


def test_section_7_the_all_zero_start_is_not_a_minimum(case, stored):
    """C at every weight 0, and with W_0 = 0.1, W_1 = +-0.1 (c = +-0.02): it falls one way, rises the other."""
    x = case.X.sum(axis=1)
    def cost_at(c):  # the half squared error of the line y' = c x
        return float(np.mean((c * x - case.Y[:, 0]) ** 2) / 2)
    net = case.network()
    values = []
    for sign in (0, 1, -1):
        weights = [np.full((2, 2), 0.1 if sign else 0.0), np.full((2, 1), sign * 0.1)]
        C = mh.loss(case.loss, net.copy().set_params(weights).predict(case.X), case.Y)
        assert C == pytest.approx(cost_at(2 * sign * 0.01), rel=1e-12)  # c = s W_0 W_1 = 2 (0.1)(+-0.1)
        assert abs(C * 1e7 % 1 - 0.5) > 0.01  # away from a rounding boundary at 7 decimals
        values.append(f"{C:.7f}")
    assert values == ["0.4502449", "0.4381473", "0.4625081"]
    assert float(values[1]) < float(values[0]) < float(values[2])
    assert ("[not a minimum] every weight 0:          C = 0.4502449\n"
            "                W_0 = 0.1, W_1 = +0.1:  C = 0.4381473\n"
            "                W_0 = 0.1, W_1 = -0.1:  C = 0.4625081\n") in stored


def test_section_8_effect_of_a(case, stored):
    rows = linreg.compare_splits((0.1, 0.3, 0.5, 0.7, 0.9))
    c_star = mh.least_squares_slope(case.X.sum(axis=1), case.Y)
    for r in rows:
        a = r["a"]
        assert abs(r["c_star"] - c_star) < 1e-12
        for init in ("constant", "random"):
            assert abs(r[init]["c"] - r["c_star"]) < 1e-6
            assert r[init]["shift_ratio"] == pytest.approx(a / (1 - a), rel=1e-10)
        c0 = mh.effective_slope(case.network().init_random(seed=0), a)  # report 02CZ fault 9: seed 0's c at each rho
        assert abs(c0 * 1e4 % 1 - 0.5) > 0.01  # far from a rounding edge
        line = f"{r['a']:>4}{r['a'] / (1 - r['a']):>13.4f}{r['random']['shift_ratio']:>22.4f}{c0:>23.4f}\n"
        assert line in stored
    # report 02CQ fault 7: the constant start's column only repeated the identity; the True line below covers both starts
    assert " rho  rho/(1-rho)  shift ratio (random)   c at step 0 (seed 0)\n" in stored and "(constant)\n" not in stored
    assert "c* = 1.4711278 reached from both starts (random: seed 0, as in section 0) for every rho: True" in stored
    assert "shift ratio = rho/(1-rho) from both starts: True" in stored


def test_section_8_steps_to_the_least_squares_slope(case, markdown, stored, nb):
    """8b's [steps]: each run's first step from which |c - c*| < 1e-6, fewest at rho = 0.1 and 0.9, most at 0.5."""
    rows = linreg.compare_splits((0.1, 0.3, 0.5, 0.7, 0.9))
    expected = {"constant": [128, 153, 165, 153, 128], "random": [159, 194, 216, 200, 161]}
    gaps = {}  # per start, per rho: |c - c*| at every step
    for init, counts in expected.items():
        found = []
        for r in rows:
            case_a = cases.linear_2_2_1(a=r["a"])
            start = case_a.network() if init == "constant" else case_a.network().init_random(seed=0)
            _, history = case_a.train(start)
            gap = np.abs(mh.slope_history(history, r["a"]) - r["c_star"])
            gaps.setdefault(init, []).append(gap)
            k = int(np.argmax(gap < 1e-6))  # independent of steps_to_slope: the first step inside the tolerance
            assert np.all(gap[k:] < 1e-6)  # ... and it stays inside (the runs close in monotonically)
            # a one-ulp nudge cannot move the count: the gaps either side are at least 0.5% from the tolerance
            assert gap[k - 1] > 1.005e-6 and gap[k] < 0.995e-6
            assert r[init]["steps"] == k
            found.append(k)
        assert found == counts
        assert max(found) == found[2] and min(found) in (found[0], found[-1])  # most at rho = 0.5
        # only the constant start's rows are printed (the random start's are checked here, not shown)
        assert (f"{'steps':>16}" + "".join(f"{k:>6}" for k in counts) + "\n" in stored) is (init == "constant")
    assert "\n             rho   0.1   0.3   0.5   0.7   0.9\n           steps" in stored
    # K = sum_w (dc/dw)^2 at the trained weights (c near c*): it grows from the start (constant start, rho = 0.3:
    # 0.5 S + 0.5 = 0.79) and ranks the splits as the counts do (the fewer steps, the larger K), from both starts
    K_end = {"constant": ["2.666", "2.250", "2.095", "2.250", "2.666"], "random": ["2.673", "2.245", "2.082", "2.242", "2.668"]}
    for init, shown in K_end.items():
        K = [linreg.slope_sensitivity(cases.linear_2_2_1(a=r["a"]).network().set_params(r[init]["weights"]), r["a"])
             for r in rows]
        by_hand = [(r["a"] ** 2 + (1 - r["a"]) ** 2) * np.sum(r[init]["weights"][1] ** 2)
                   + np.sum((np.array([r["a"], 1 - r["a"]]) @ r[init]["weights"][0]) ** 2) for r in rows]
        np.testing.assert_allclose(K, by_hand, rtol=1e-13)
        assert [f"{k:.3f}" for k in K] == shown and all(abs(k * 1e3 % 1 - 0.5) > 0.01 for k in K)  # far from rounding edges
        counts = expected[init]
        for i in range(5):
            for j in range(5):
                if counts[i] > counts[j]:
                    assert K[i] < K[j], (init, i, j)
        assert (f"{'K at the end':>16}" + "".join(f"{k:>6}" for k in shown) in stored) is (init == "constant")
    assert f"{0.5 * (0.3**2 + 0.7**2) + 0.5:.2f}" == "0.79" and K_end["constant"][1] == "2.250"
    assert r"($K$ changes during training)" in markdown  # report 02CH fault 3: K is not constant
    # the last stretch, |c - c*| from 0.01 to 1e-6, takes about ln(1e-4) / ln(factor at the end) steps; its counts and
    # the rounded predictions, each far from a threshold or a rounding edge (a one-ulp nudge cannot move them)
    stretch = {"constant": [78, 94, 102, 94, 78], "random": [79, 94, 102, 94, 78]}
    predicted = {"constant": [79, 94, 102, 94, 79], "random": [79, 94, 102, 95, 79]}
    for init in ("constant", "random"):
        found = []
        for r, gap in zip(rows, gaps[init]):
            k = int(np.argmax(gap < 1e-2))
            assert np.all(gap[k:] < 1e-2) and gap[k - 1] > 1.005e-2 and gap[k] < 0.995e-2
            assert r[init]["last_stretch"] == r[init]["steps"] - k
            found.append(r[init]["steps"] - k)
        guess = [np.log(1e-4) / np.log(r[init]["factor"]) for r in rows]
        assert all(abs(g % 1 - 0.5) > 0.01 for g in guess)  # far from a rounding edge
        assert found == stretch[init] and [round(g) for g in guess] == predicted[init]
        assert all(abs(f - g) <= 1 for f, g in zip(found, predicted[init]))  # the prediction is within one step
        printed = init == "constant"  # the random start's rows are checked, not printed
        assert (f"{'last stretch':>16}" + "".join(f"{k:>6}" for k in found) + "\n" in stored) is printed
        assert (f"{'predicted':>16}" + "".join(f"{k:>6}" for k in predicted[init]) + "\n" in stored) is printed
    assert all(f > n / 2 for f, n in zip(stretch["constant"], expected["constant"]))  # most of the constant start's steps
    # the direction: K_end least at rho = 0.5, so the factor 1 - eta mean(x^2) K_end is closest to 1 there and the
    # constant start's run (and its last stretch) is the longest there
    K_constant = [float(k) for k in K_end["constant"]]
    factors = [r["constant"]["factor"] for r in rows]
    assert min(K_constant) == K_constant[2] and sorted(K_constant).count(K_constant[2]) == 1
    assert max(factors) == factors[2] and max(expected["constant"]) == expected["constant"][2]
    assert max(stretch["constant"]) == stretch["constant"][2]
    assert sorted(expected["constant"]).count(expected["constant"][2]) == 1
    # 8b's why, derived: tied units (u_1 = u_2, W_1[0, 0] = W_1[1, 0]) have c = 2 u_1 W_1[0, 0] and
    # K = 2 (S W_1[0, 0]^2 + u_1^2) = 2 sqrt(S c^2 + Q^2), Q = u_1^2 - S W_1[0, 0]^2; a step multiplies Q by
    # 1 - eta^2 G^2 S, so Q stays near its start (1 - S)/4 and K is about 2 sqrt(S c^2 + (1 - S)^2/16), rising with S
    assert "measured, not derived" not in markdown and "not analysed" not in markdown and "not explained" not in markdown
    why = markdown.split(r"**Why slowest at $\rho = 0.5$?**")[1].split("## 9.")[0]
    why = why.split("<details><summary>Optional: too large a learning rate</summary>")[0]  # 02CL fault 3: its own fold, after [K]
    # report 02CG fault 1: a two-sentence intuition before [steps] (K is the squared length of c's gradient, S scales
    # its W_0 part), the four-step proof after [steps] in one optional fold
    # report 02CH fault 1: proof step 3's result in the open (K ~ 2 sqrt(S c^2 + (1 - S)^2/16), derivative in S
    # c^2 - (1 - S)/8 > 0 as c >= 0.5 and S >= 1/2), not "S scales its W_0 part" (Q = (1 - S)/4 pulls the other way);
    # the fold keeps only why Q stays at (1 - S)/4
    intuition, proof = why.split(r"<details><summary>Optional: why $\rho = 0.5$ stays behind at every step (a first-order sketch; [behind] checks it)</summary>")
    assert "S$ scales its $W_0$ part" not in markdown and "the shorter the gradient" not in markdown
    # report 02CI fault 1, 02CM fault 1: every run starts at c = 0.5, the step depends only on c and rho, c does not
    # pass c* as the factor is in (0, 1); report 02CQ fault 1: the identity for tied units and the step from "moves
    # less" to "stays behind" (the new c grows with the old one) in the main text; only Q's bound stays in the box;
    # fault 5: the approximate sign explained beside [K]'s "K from S" (Q within 1.2% of its start)
    # report 02CR fault 1: the one-step map written out, why c_{t+1} grows with c_t (factor > 0, K growing in c,
    # c < c*), why Q's 1.2% drift cannot reverse K's order (8b's check: 0.79 against 0.75 at c = 0.5; [K]: 7% at c*)
    # report 02CT fault 1: the idea first (c's slope in W_0[:, j], W_1[j, 0] s^T, has squared length S W_1[j, 0]^2, least
    # at rho = 0.5: the first step above moves c least there) and why Q (K through c and one nearly constant number)
    # report 02CU fault 1: the main text keeps the idea, the first-step check and [behind]; K through Q, Q's drift,
    # phi, M and the induction in the optional box, with the margin (K's gap of at least 5% against Q's drift under
    # 1.2% per run, 2.4% for two) side by side
    # report 02CX fault 1 (the lead's decision): the one-line reason in the main text (K = 2 sqrt(S c^2 + Q^2), Q near
    # (1 - S)/4, growing with S at every c >= 0.5); the box keeps the margin and the induction; fault 3: phi in words
    # report 02CY fault 1 (the lead's decision): the main text states the claim as measured (the first-step check,
    # [behind], the figure) and relies on nothing the box derives; K through Q, Q's drift and the derivative in S
    # go into the box, [K] right after it
    # report 02DL fault 1 (the lead's decision): one "What to keep" sentence and one plain line citing [behind];
    # K's formula, Q, its drift, the derivative in S and the catch-up argument only in the optional box
    # report 02DO fault 4 (the lead's decision): steps of what, "in $c$", nothing else in 8b
    # report 02DP fault 1 (the lead's decision): the tied constant-start units' one line (c, K, and the near-fixed
    # u_1^2 - S W_1[0, 0]^2, [K]'s "Q within 1.2% of its start (1 - S)/4"); the sentence cites two places
    # report 02DR fault 1, 02DQ fault 1: the lead's decision, the FINAL placement: the main text keeps only what a
    # student sees without opening a box (the measured fact, [steps]' 165 and [behind], and "why: the box below");
    # every claim needing K = 2 sqrt(S c^2 + Q^2), Q, K_rho, M_rho or [K] lives in the box, which defines them
    # report 02DT fault 1 (the lead's decision, round 8, FINAL): the claim and its printed evidence in the main text
    # (at equal c, K least at rho = 0.5, whose S is least, so its step the shortest; [equal c], printed plainly under
    # [behind], with its numbers at c = 0.5), the proof (why at every step) in the box, which no longer repeats the claim
    # report 02EB fault 1: three bullets (fact, output tag, why); c < c* throughout ([behind]'s second part), so below
    # means farther; why S decides at equal c: the box
    assert intuition == ("\n" r"""- It takes the most steps ([steps]: 165).""" "\n"
                         r"""- Its $c$ stays below $c$ at $\rho = 0.1$ and $0.3$ from step 1 to 165, all below $c^*$, so farther """
                         r"""from $c^*$ ([behind]; figure: black highest).""" "\n"
                         r"""- At equal $c$, $K$ is least at $\rho = 0.5$, whose $S$ is least ([equal c], $c = 0.5$: 0.750 against 0.790, """
                         r"""0.910 at $\rho = 0.3$, $0.1$), so its step toward $c^*$ is the shortest. Why $S$ decides, at every step: """
                         r"""the optional box.""" "\n\n")
    for boxed in ("Q", r"K_\rho", r"M_\rho", "[K]", r"\sqrt"):
        assert boxed not in intuition, boxed
    assert "[K] Q within 1.2% of its start (1 - S)/4: True" in stored
    # report 02DD fault 1 (the lead's decision): the whole-run reason in one sentence (K through S and a nearly
    # constant Q, named there) plus one printed line, [equal c]; Q's recursion, the margin and the induction in the box
    # report 02CZ fault 2 (the lead's decision): one main-text sentence, the box as the proof
    # report 02DB fault 1 (the lead's decision): Q (its definition and its recursion) only in the box
    assert "proves" not in intuition and r"c^2 - (1-S)/8" not in intuition  # the lead (02DJ): the box has the derivative
    assert "$M_\\rho" not in intuition and r"\varphi" not in markdown
    # report 02DB fault 1: the box opens with K through Q, then the induction; Q's recursion and the margin last
    # report 02DG fault 1 (the lead's decision): Q defined in the box, the derivative in S right after it
    # report 02DH fault 6 (the lead's decision): a one-sentence plan first; Q's drift and the margin in a nested box
    # report 02DR fault 1 (the lead's decision): the box opens with what to keep, then derives, from the tied units' c
    # and K, the identity, Q (defined here), Q's start and drift ([K]) and the derivative in S
    # report 02DT fault 1 (the lead's decision): its "What to keep" line moved to the main text (with [equal c])
    assert "What to keep" not in proof and "[equal c]" not in proof
    assert proof.startswith("\n\n" r"""Tied constant-start units have $c = 2\,u_1W_1[0,0]$ and $K = 2\,(u_1^2 + S\,W_1[0,0]^2)$. """
                            r"""With $Q = u_1^2 - S\,W_1[0,0]^2$, $K = 2\sqrt{S\,c^2 + Q^2}$ (square both sides). $Q$ starts at """
                            r"""$(1-S)/4$ ($u_1 = W_1[0,0] = 0.5$) and stays within 1.2% of it ([K]; why: the nested box). """
                            r"""With $Q$ at its start, $S\,c^2 + Q^2$ has derivative $c^2 - (1-S)/8 > 0$ in $S$, """
                            r"""as $c \ge 0.5$, $S \ge \tfrac12$.""" "\n\n"
                            r"""Let $K_\rho(c) = """)
    last = proof.split("<details><summary>Why $Q$ barely moves, and the margin</summary>")[1]
    assert "1. $M_\\rho$" not in last and last.count("**Margin:**") == 1 and last.rstrip().endswith("less than 5%. Factors $\\le 1$ give $K \\le K_\\rho$: one-way drift.\n</details>\n</details>\nOptional: [K], for the box above.")
    assert "(1-S)/8" not in intuition  # report 02DG fault 1: the derivative in the box only
    assert last.split("**Margin:**")[0].count("[K]") == 1
    assert ("\n\n" r"""Let $K_\rho(c) = 2\sqrt{S\,c^2 + (1-S)^2/16}$, $K$ with $Q$ at its start: [K]'s "K from S" """
                                r"""is $K_\rho(c^*)$, which differs from [steps]' "K at the end" only through $Q$'s drift. """
                                # report 02CV fault 2: the 5% backed by [K]'s smallest ratio over the runs' c, and the
                                # chain from Q's drift to K's written out, each step a true inequality (Q > 0)
                                r"""$K_{0.5}$ is below $K_{0.3}$ by at least 5% at the runs' $c$ ([K]).""" "\n"
                                # report 02CS fault 1: the monotone map and the induction as three numbered steps;
                                # the eta^2 term eta^2 G^2 S c (8b's box) is positive and, at equal c, least at rho = 0.5
                                # report 02CT fault 2: steps in round brackets (the card)
                                r"""With $K(t) \approx K_\rho(c(t))$ the map is $c(t+1) = M_\rho(c(t))$, $M_\rho(c) = c - \eta\,\overline{x^2}\,K_\rho(c)\,(c - c^*)$; """
                                r"""its factor $1 - \eta\,\overline{x^2}\,K_\rho$ is in $(0, 1)$ ([K]), so $c(t) < c^*$ throughout:""" "\n"
                                r"""1. $M_\rho$ rises with $c$: its derivative is the factor plus $\eta\,\overline{x^2}\,K_\rho'(c)\,(c^* - c)$, """
                                r"""both positive ($K$ grows with $c$).""" "\n"
                                r"""2. $K_{0.5}(c) < K_{0.3}(c)$ and $c < c^*$, so $M_{0.5}(c) < M_{0.3}(c)$: a shorter step toward $c^*$.""" "\n"
                                r"""3. If $c_{\rho=0.5}(t) \le c_{\rho=0.3}(t)$, then $c_{\rho=0.5}(t+1) = M_{0.5}(c_{\rho=0.5}(t)) \le M_{0.5}(c_{\rho=0.3}(t)) < """
                                r"""M_{0.3}(c_{\rho=0.3}(t)) = c_{\rho=0.3}(t+1)$ (1, then 2): from the common start $c = 0.5$ the $\rho = 0.5$ run """
                                # report 02DG fault 1: [behind] checks rho = 0.1 too (S printed by 8b's check)
                                r"""stays behind ([behind], which also checks $\rho = 0.1$, $S = 0.82$).""" "\n\n"
                                r"""The exact step's extra $\eta^2G^2S\,c > 0$ (the $\eta^2$ box) is, at equal $c$, least at $\rho = 0.5$: """
                                r"""it pushes the same way.""" "\n\n") in proof
    assert ("\n" r"""**Margin:** $Q \ge (1 - 1.2\%)\,Q(0)$ $\Rightarrow$ """
            r"""$Q^2 \ge (1 - 1.2\%)^2\,Q(0)^2$ $\Rightarrow$ $K^2 = 4(S\,c^2 + Q^2)$ is at least $(1 - 1.2\%)^2$ of its """
            r"""value with $Q(0)$ $\Rightarrow$ $K$ at least $1 - 1.2\%$ of it: under 1.2% per run, 2.4% for two, """
            # report 02DV fault 8 (the lead's decision): each factor is at most 1, so Q <= Q(0) and K <= K_rho: the drift
            # only lowers K (checked in float64 below for rho = 0.3 and 0.5)
            r"""less than 5%. Factors $\le 1$ give $K \le K_\rho$: one-way drift.""" "\n</details>") in proof
    for rho_r in (0.3, 0.5):
        case_r = cases.linear_2_2_1(a=rho_r)
        _, history_r = case_r.train(case_r.network())
        S_r = rho_r**2 + (1 - rho_r) ** 2
        u_r = history_r.weights[0][:, :, 0] @ np.array([rho_r, 1 - rho_r])
        w_r = history_r.weights[1][:, 0, 0]
        c_r, Q_r = 2 * u_r * w_r, u_r**2 - S_r * w_r**2
        assert np.all(Q_r > 0) and np.all(Q_r <= Q_r[0] * (1 + 1e-12)) and Q_r[0] == pytest.approx((1 - S_r) / 4)
        K_r = 2 * np.sqrt(S_r * c_r**2 + Q_r**2)
        assert np.all(K_r <= 2 * np.sqrt(S_r * c_r**2 + (1 - S_r) ** 2 / 16) * (1 + 1e-12))
    # report 02CY fault 2: Q is defined in 8b's box, and 7b no longer uses it
    seven_b = markdown.split("### 7b.")[1].split("## 8.")[0]
    assert "Q" not in seven_b and "0.938" not in markdown
    # report 02CS fault 6: K_t in the map (K is shown to depend on c alone only under "Why slowest")
    assert (r"a step is, to first order, the map" "\n"
            r"$$c(t+1) = c^* + \big(1 - \eta\,\overline{x^2}\,K(t)\big)\,\big(c(t) - c^*\big):$$" "\n"
            r"it multiplies $c - c^*$ by the factor $1 - \eta\,\overline{x^2}\,K(t)$.") in markdown
    assert "K(c_t)" not in markdown and "### 8b. The first step, and the whole run\n" in markdown
    # report 02CT fault 2: no step as a subscript or superscript (c_t, K_t, c^{0.5}_t), no f for the factor
    for old in ("c_t", "K_t", "c_{t+1}", "c^{0.5}", "c^{0.3}", r"f_\rho", "f_{0.5}"):
        assert old not in markdown, old
    # step 1: M' = f + f' (c - c*) > 0 with f in (0, 1), f' = -eta mean(x^2) K'(c) < 0 and c < c*, for K(c) from S;
    # step 2: K_0.5(c) < K_0.3(c) at every c in [0.5, c*]; the eta^2 term's factor S is least at rho = 0.5
    x = case.X.sum(axis=1)
    m2, c_s = np.mean(x**2), mh.least_squares_slope(x, case.Y)
    def K_of(a, c_at):
        S_a = a**2 + (1 - a) ** 2
        return 2 * np.sqrt(S_a * c_at**2 + (1 - S_a) ** 2 / 16)
    cs = np.linspace(0.5, c_s, 200)
    for a in (0.1, 0.3, 0.5):
        M = c_s + (1 - case.lr * m2 * K_of(a, cs)) * (cs - c_s)
        assert np.all(np.diff(M) > 0) and np.all((0 < 1 - case.lr * m2 * K_of(a, cs)) & (1 - case.lr * m2 * K_of(a, cs) < 1))
    assert np.all(K_of(0.5, cs) < K_of(0.3, cs)) and np.all(K_of(0.5, cs) < K_of(0.1, cs))
    # report 02CX fault 1: the main text's derivative in S, c^2 - (1 - S)/8, positive over the runs' c and every S used;
    # the box's derivative of M = c - eta mean(x^2) K(c) (c - c*): the factor plus eta mean(x^2) K'(c) (c* - c)
    assert all(c_at**2 - (1 - S_a) / 8 > 0 for c_at in cs for S_a in (0.5, 0.58, 0.82))
    for a in (0.3, 0.5):
        h = 1e-6
        M_of = lambda c_at: c_at - case.lr * m2 * K_of(a, c_at) * (c_at - c_s)
        slope_M = (M_of(cs + h) - M_of(cs - h)) / (2 * h)
        dK = (K_of(a, cs + h) - K_of(a, cs - h)) / (2 * h)
        np.testing.assert_allclose(slope_M, 1 - case.lr * m2 * K_of(a, cs) + case.lr * m2 * dK * (c_s - cs), rtol=1e-6)
    # the map is 8b's first-order step with 6a's G: c + (-eta G K) = c* + (1 - eta mean(x^2) K)(c - c*)
    for c_t, K_t, eta_t, m_t, c_s in np.random.default_rng(2).uniform(0.1, 2, size=(20, 5)):
        assert c_t - eta_t * m_t * (c_t - c_s) * K_t == pytest.approx(c_s + (1 - eta_t * m_t * K_t) * (c_t - c_s), rel=1e-12)
    # the percentages: K at c = 0.5 is 0.5 S + 0.5 (8b's check), K from S at c* ([K]); a drop of at most 1.2% in Q
    # moves K = 2 sqrt(S c^2 + Q^2) by under 1.2%, far less than either gap
    K_half = {a: 0.5 * (a**2 + (1 - a) ** 2) + 0.5 for a in (0.3, 0.5)}
    assert round(100 * (K_half[0.3] / K_half[0.5] - 1)) == 5 and round(100 * (2.251 / 2.095 - 1)) == 7
    for a in (0.3, 0.5):
        S_a = a**2 + (1 - a) ** 2
        for c_at in np.linspace(0.5, 1.4711278, 50):
            full, drifted = np.sqrt(S_a * c_at**2 + ((1 - S_a) / 4) ** 2), np.sqrt(S_a * c_at**2 + (0.988 * (1 - S_a) / 4) ** 2)
            assert 0 <= 1 - drifted / full < 0.012
    for c_at in np.linspace(0.5, 1.4711278, 50):  # the gap between rho = 0.3 and 0.5 at least 5% over the whole range
        k3, k5 = (np.sqrt(S_a * c_at**2 + (1 - S_a) ** 2 / 16) for S_a in (0.58, 0.5))
        assert k3 / k5 > 1.05
    assert "the argument in full" not in markdown and "**The argument.**" not in markdown
    # the identity, symbol by symbol: (S w^2 + u^2)^2 = (u^2 - S w^2)^2 + S (2 u w)^2
    for u_t, w_t, S_t in np.random.default_rng(1).uniform(-2, 2, size=(20, 3)):
        assert (S_t * w_t**2 + u_t**2) ** 2 == pytest.approx((u_t**2 - S_t * w_t**2) ** 2 + S_t * (2 * u_t * w_t) ** 2, rel=1e-12)
    assert "climbs through the same values" not in markdown
    # report 02CU fault 1: the induction's numbered steps now in the box (the lead's decision), none in the main text
    assert proof.count("</details>") == 2 and "\n1. $M_\\rho$ rises with $c$" in proof.split("</details>")[0] and "1. " not in intuition
    # report 02CA fault 1, 02CB fault 1: Q's update shown as the expansion of (u_1 + Delta u_1)^2 - S (W_1[0, 0] + Delta W_1[0, 0])^2
    # (the cross terms cancel), and why Q stays near its start from the summed shrink: the product P of the factors
    # 1 - s_t (0 <= s_t, P <= 1) loses s_t P <= s_t a step, so it is at least 1 - sum s_t, and [K] prints the largest
    # sum over a run, 0.0120, so Q stays within 1.2%. Report 02CC fault 1: the one-line inequality (each factor at
    # most 1, so Q(t+1)/Q(0) >= Q(t)/Q(0) - eta^2 G^2 S) written out, and [K] tests the stated 1.2%
    assert ("\n<details><summary>Why $Q$ barely moves, and the margin</summary>\n\n" r"With 6a's steps $\Delta u_1 = -\eta\,G\,S\,W_1[0,0]$, $\Delta W_1[0,0] = -\eta\,G\,u_1$, the cross terms "
            r"$\mp 2\,\eta\,G\,S\,u_1W_1[0,0]$ cancel:" "\n"
            r"$$Q(t+1) = (u_1 + \Delta u_1)^2 - S\,(W_1[0,0] + \Delta W_1[0,0])^2 = \big(1 - \eta^2G^2S\big)"
            r"\big(u_1^2 - S\,W_1[0,0]^2\big) = \big(1 - \eta^2G^2S\big)\,Q(t) .$$" "\n"
            r"Each factor is in $(0, 1]$ (each $\eta^2G^2S$ is at most their sum, 0.0120), so $Q(t+1)/Q(0) \ge Q(t)/Q(0) - \eta^2G^2S$; hence $Q(t)/Q(0) \ge 1 - \sum_t "
            r"\eta^2G^2S$, a sum up to $0.0120$: $Q$ stays within 1.2% of its start ([K])." "\n"
            "**Margin:**") in proof
    assert "0.002" not in why and "0.4020" not in why and "|G| <= its start" not in stored
    # the expansion, symbol by symbol: the cross terms -+ 2 eta G S u W cancel, leaving (1 - eta^2 G^2 S)(u^2 - S W^2)
    rng = np.random.default_rng(0)
    for u_t, w_t, G_t, S_t, eta_t in rng.uniform(-2, 2, size=(20, 5)):
        du, dw = -eta_t * G_t * S_t * w_t, -eta_t * G_t * u_t
        assert (u_t + du) ** 2 - S_t * (w_t + dw) ** 2 == pytest.approx(
            (1 - eta_t**2 * G_t**2 * S_t) * (u_t**2 - S_t * w_t**2), rel=1e-9, abs=1e-12)
    c_star = rows[0]["c_star"]  # the same data at every rho ([same data])
    S_of = {r["a"]: r["a"] ** 2 + (1 - r["a"]) ** 2 for r in rows}
    from_S = [2 * np.sqrt(S_of[r["a"]] * c_star**2 + (1 - S_of[r["a"]]) ** 2 / 16) for r in rows]
    assert [f"{k:.3f}" for k in from_S] == ["2.666", "2.251", "2.095", "2.251", "2.666"]
    assert all(abs(k * 1e3 % 1 - 0.5) > 0.01 for k in from_S)  # far from rounding edges
    assert (f"{'K from S':>16}" + "".join(f"{k:>6.3f}" for k in from_S) + "\n") in stored
    # report 02CG fault 4: the row "K from S" printed after its derivation, by the [K] cell under the proof
    assert ("[K] K from S: 2 sqrt(S c*^2 + (1 - S)^2 / 16), with S = rho^2 + (1 - rho)^2 (beside [steps]' \"K at the end\")\n"
            "             rho   0.1   0.3   0.5   0.7   0.9\n"
            + f"{'K from S':>16}" + "".join(f"{k:>6.3f}" for k in from_S) + "\n") in stored
    steps_cell = next(c.source for c in nb.cells if c.cell_type == "code" and "[steps] constant start" in c.source)
    assert "K from S" not in steps_cell
    # K_end within 1% of the S formula at every rho; the formula (and K_end) least at rho = 0.5, rising with S
    K_const = [linreg.slope_sensitivity(cases.linear_2_2_1(a=r["a"]).network().set_params(r["constant"]["weights"]), r["a"])
               for r in rows]
    assert all(abs(k / f - 1) < 0.01 for k, f in zip(K_const, from_S)) and min(from_S) == from_S[2]
    for S_low, S_high in ((0.5, 0.58), (0.58, 0.82)):  # K's bounds (Q between 0 and (1 - S)/4) never overlap, c >= 0.5
        for c_at in (0.5, c_star):
            assert np.sqrt(S_low * c_at**2 + (1 - S_low) ** 2 / 16) < np.sqrt(S_high) * c_at
    mean_x2 = np.mean(case.X.sum(axis=1) ** 2)
    sums = []  # per run: the sum over its updates of eta^2 G^2 S
    for r in rows:  # [K], independently of the notebook's loop: every step of the constant start's run
        a, S_a = r["a"], S_of[r["a"]]
        case_a = cases.linear_2_2_1(a=a)
        _, history = case_a.train(case_a.network())
        W0_h, W1_h = history.weights
        assert np.array_equal(W0_h[:, :, 0], W0_h[:, :, 1]) and np.array_equal(W1_h[:, 0], W1_h[:, 1])  # tied
        u1 = a * W0_h[:, 0, 0] + (1 - a) * W0_h[:, 1, 0]
        w1 = W1_h[:, 0, 0]
        Q = u1**2 - S_a * w1**2
        c = mh.slope_history(history, a)
        np.testing.assert_allclose(c, 2 * u1 * w1, rtol=1e-13)
        K_h = [S_a * (W1[:, 0] @ W1[:, 0]) + np.sum((np.array([a, 1 - a]) @ W0) ** 2) for W0, W1 in zip(W0_h, W1_h)]
        np.testing.assert_allclose(K_h, 2 * np.sqrt(S_a * c**2 + Q**2), rtol=1e-12)
        G = mean_x2 * (c - c_star)
        np.testing.assert_allclose(Q[1:], (1 - case_a.lr**2 * G[:-1] ** 2 * S_a) * Q[:-1], rtol=1e-12)
        assert Q[0] == pytest.approx((1 - S_a) / 4, rel=1e-12) and np.all(np.abs(Q / Q[0] - 1) < 0.012 - 1e-5)  # [K]'s 1.2%, not near its edge
        assert np.all(c >= 0.5) and c[0] == 0.5
        # the summed shrink over the run's 500 updates: each term in [0, sum], the sum below 1, so the product of the
        # factors lies in [1 - sum, 1] and Q(t)/Q(0) within the sum of 1 at every step
        shrink = case_a.lr**2 * G[:-1] ** 2 * S_a
        partial = np.concatenate(([0.0], np.cumsum(shrink)))
        ratio = Q / Q[0]
        assert np.all(shrink >= 0) and partial[-1] < 1
        assert np.all(ratio <= 1 + 1e-12) and np.all(ratio >= 1 - partial - 1e-12)
        sums.append(partial[-1])
    # the printed largest sum (rho = 0.1 and 0.9, equal by the mirror symmetry), far from a rounding edge (0.01202)
    largest = max(sums)
    assert sums[0] == pytest.approx(sums[-1], rel=1e-12) and largest == pytest.approx(sums[0], rel=1e-12)
    assert f"{largest:.4f}" == "0.0120" and abs(largest * 1e4 % 1 - 0.5) > 0.1 and largest < 0.02
    # report 02CT fault 7: the checks the text does not cite one by one in one line; Q's 1.2% (with its sum) and the
    # factor's range, which the text cites, on lines of their own
    assert ("[K] every step of the 5 constant-start runs: K = 2 sqrt(S c^2 + Q^2), Q(t + 1) = (1 - eta^2 G^2 S) Q(t), "
            "c >= 0.5: True\n"
            "[K] Q within 1.2% of its start (1 - S)/4: True (the largest sum of eta^2 G^2 S over a run's steps: 0.0120)\n"
            "[K] the factor 1 - eta mean(x^2) K in (0, 1) at every step: True\n"
            "[K] c < c* at every step until |c - c*| < 1e-12: True\n"  # report 02DC fault 6
            "[K] K from S, rho = 0.3 over rho = 0.5 at equal c: smallest over every c of the 5 runs 1.053\n") in stored
    # report 02CV fault 2: that smallest ratio, independently: K from S grows in c faster at rho = 0.3 (S = 0.58) than at
    # 0.5, so the ratio is least at the runs' smallest c, the common start 0.5 (c >= 0.5: [K]); far from a rounding edge
    k3, k5 = (np.sqrt(S_a * 0.25 + (1 - S_a) ** 2 / 16) for S_a in (0.58, 0.5))
    assert f"{k3 / k5:.3f}" == "1.053" and abs(k3 / k5 * 1e3 % 1 - 0.5) > 0.1 and k3 / k5 > 1.05
    # report 02CE fault 1: the [K] cell (its 0.0120 and the factor's range) right under the paragraph that uses it, and
    # the last step: the factor stays in (0, 1), so c climbs from 0.5 to c* without overshooting, and at each c the
    # rho = 0.5 run takes the smallest step
    why_at = next(i for i, c in enumerate(nb.cells)
                  if c.source.startswith(r"<details><summary>Optional: why $\rho = 0.5$ stays behind at every step (a first-order sketch; [behind] checks it)</summary>"))
    # report 02DE fault 6: the [K] cell labelled optional, like [B] and [threshold]
    assert nb.cells[why_at + 1].cell_type == "markdown" and nb.cells[why_at + 1].source == "Optional: [K], for the box above."
    assert "sum of eta^2 G^2 S over a run" in nb.cells[why_at + 2].source and "K from S" in nb.cells[why_at + 2].source
    assert "[steps] constant start" in nb.cells[why_at - 1].source  # row "factor" printed above
    assert r"**Why slowest at $\rho = 0.5$?**" in nb.cells[why_at - 2].source  # the intuition, before [steps]
    # report 02CF fault 1: "to first order" (the eta^2 term adds to each step; c <= c* is not checked at every step, since
    # c - c* reaches rounding size at the end) and the last inference spelled out
    # report 02CH fault 1: that last step now in the open, after K's dependence on S
    # report 02CU fault 1: that step now in the optional box (the lead's decision), after the idea in the open
    # report 02CX fault 1: the one-line reason back in the open (the lead's decision), [K] cited for it
    # report 02CY fault 1: the reason in the box again (the lead's decision), [K] right after it; the open text cites [behind]
    # report 02CZ fault 2: the one-line reason back in the open (the lead's decision), citing [K] after the box
    # report 02DB fault 1: the one sentence points to the box, which cites [K]
    # report 02DG fault 1: the one sentence points to the box; Q and the derivative in S inside it
    # report 02DI fault 4 (the lead's decision): one sentence, K through S and a nearly fixed Q, points to the box
    assert "Q = u_1^2 - S" in proof and "Q" not in intuition and r"from step 1 to 165, all below $c^*$, so farther from $c^*$ ([behind]; figure: black highest)" in intuition and "([K] checks it;" not in proof
    # report 02CL fault 2: [behind], under the paragraph in the [steps] cell, from 8a's runs (compare_splits keeps c at
    # every step): c at rho = 0.5 below c at rho = 0.1 and 0.3 from step 1 (all start level at c = 0.5) until rho = 0.5
    # reaches c* at step 165; the smallest margin (6e-7, at the end) is far above rounding, so a one-ulp nudge cannot flip it
    slopes = {r["a"]: r["constant"]["slopes"] for r in rows}
    for r in rows:  # compare_splits' slopes are the runs' c at every step
        case_a = cases.linear_2_2_1(a=r["a"])
        np.testing.assert_array_equal(slopes[r["a"]], mh.slope_history(case_a.train(case_a.network())[1], r["a"]))
    reach = rows[2]["constant"]["steps"]
    assert rows[2]["a"] == 0.5 and reach == 165 and slopes[0.1][0] == slopes[0.3][0] == slopes[0.5][0] == 0.5
    margin = np.minimum(slopes[0.1], slopes[0.3])[1:reach + 1] - slopes[0.5][1:reach + 1]
    assert margin.min() > 1e-7
    assert ("[behind] steps 1 to 165 (rho = 0.5 reaches c*): c at rho = 0.5 below c at rho = 0.1 and at 0.3: True; all three "
            "below c*: True\n") in stored
    # report 02EB fault 1: c < c* at steps 0 to 165 in all three runs, by a margin far above rounding (1.3e-8 at rho = 0.1)
    assert min((rows[0]["c_star"] - slopes[a][:reach + 1]).min() for a in (0.1, 0.3, 0.5)) > 1e-8
    assert "[behind]" in nb.cells[why_at - 1].source
    for r in rows:  # every constant-start run starts at c = 0.5
        assert mh.effective_slope(cases.linear_2_2_1(a=r["a"]).network(), r["a"]) == pytest.approx(0.5, rel=1e-15)
    assert "without passing it" not in why
    for r in rows:  # the factor at every step of each constant-start run, far inside (0, 1)
        case_a = cases.linear_2_2_1(a=r["a"])
        _, history = case_a.train(case_a.network())
        K_h = [linreg.slope_sensitivity(case_a.network().set_params(list(W)), r["a"]) for W in zip(*history.weights)]
        factor_h = 1 - case_a.lr * mean_x2 * np.array(K_h)
        assert np.all(factor_h > 0.88) and np.all(factor_h < 0.97)
        assert np.all(np.diff(mh.slope_history(history, r["a"])[:r["constant"]["steps"] + 1]) > 1e-8)  # c climbs
    # fix 6: the factor below -1 once eta mean(x^2) K > 2, derived from the printed factor, no run
    # report 02CA fault 4: near c*, where K is about K_end (no run at a large eta); report 02CB fault 4: labelled as
    # read off the factor, to first order
    # report 02CC fault 6: the threshold for this run, 2 / (mean(x^2) K_end) at rho = 0.3 (0.4139816 and 2.250 printed)
    # report 02CE fault 2: printed where it is used ([threshold], the cell right under the paragraph), marked
    # "(to first order; not run here)"; far from a rounding edge (2.147)
    # report 02CG fault 2: run here, 10 steps either side of the threshold
    # report 02CI fault 2: split; the factor in (-1, 0) (c - c* flips sign but shrinks: eta = 2.0) named
    # report 02CL fault 3: a new topic (learning-rate stability), so it moves into one optional fold after [K], and
    # [threshold] right below it after a one-line "Optional:" lead; the main text keeps only the factor in (0, 1)
    fold_at = next(i for i, c in enumerate(nb.cells) if c.source.startswith("<details><summary>Optional: too large a learning rate</summary>"))
    assert nb.cells[fold_at].source == ("<details><summary>Optional: too large a learning rate</summary>\n\n"
            r"Near $c^*$, to first order: with the factor in $(-1, 0)$, "
            r"$c - c^*$ flips sign each step but shrinks ($\eta = 2.0$); with $\eta > 2/(\overline{x^2}\,K_\text{end}) \approx 2.1$ "
            r"at $\rho = 0.3$, the factor is below $-1$ and $|c - c^*|$ grows ($\eta = 2.3$; [threshold] from step 59)." "\n</details>")
    assert nb.cells[fold_at + 1].cell_type == "markdown" and nb.cells[fold_at + 1].source == "Optional: [threshold]."
    assert nb.cells[fold_at + 2].cell_type == "code" and nb.cells[fold_at + 2].source.startswith('print(f"[threshold] rho = 0.3')
    assert "[K] K from S" in nb.cells[fold_at - 1].source and nb.cells[fold_at + 3].source.startswith("## 9.")
    assert r"\eta = 2." not in nb.cells[fold_at - 4].source and "[threshold]" not in nb.cells[fold_at - 4].source
    assert "not run here" not in markdown
    K_03 = linreg.slope_sensitivity(cases.linear_2_2_1(a=0.3).network().set_params(rows[1]["constant"]["weights"]), 0.3)
    assert rows[1]["a"] == 0.3 and f"{K_03:.3f}" == "2.250" and f"{2 / (mean_x2 * K_03):.1f}" == "2.1"
    assert abs(2 / (mean_x2 * K_03) * 10 % 1 - 0.5) > 0.01  # 2.147: 0.003 from the edge 2.15
    assert "\n[threshold] rho = 0.3: 2 / (mean(x^2) K_end) = 2.1\n" in stored
    # the run: from the rho = 0.3 constant start's weights where the last stretch starts (step 153 - 94 = 59, the first
    # with |c - c*| < 0.01; the trained weights sit at c* to rounding), 10 plain gradient steps at eta = 2.0 and 2.3,
    # written out here: |c - c*| shrinks at 2.0 and grows at 2.3
    _, history_03 = cases.linear_2_2_1(a=0.3).train(cases.linear_2_2_1(a=0.3).network())
    gap_03 = np.abs(mh.slope_history(history_03, 0.3) - c_star)
    start_03 = int(np.argmax(gap_03 < 0.01))
    assert start_03 == 59 == expected["constant"][1] - stretch["constant"][1] and gap_03[58] > 0.0101
    x_all, y_all = case.X.sum(axis=1), case.Y[:, 0]
    printed_gaps = {}
    for eta_try in (2.0, 2.3):
        W0_t, W1_t = history_03.weights[0][start_03].copy(), history_03.weights[1][start_03].copy()
        found = []
        for _ in range(11):
            c_t = A * (W0_t[0] @ W1_t[:, 0]) + (1 - A) * (W0_t[1] @ W1_t[:, 0])
            found.append(c_t - c_star)
            G_t = np.mean((c_t * x_all - y_all) * x_all)  # dC/dc; dC/dw = G dc/dw (6a)
            u_t = np.array([A, 1 - A]) @ W0_t
            W0_t, W1_t = W0_t - eta_try * G_t * np.outer([A, 1 - A], W1_t[:, 0]), W1_t - eta_try * G_t * u_t[:, None]
        printed_gaps[eta_try] = [found[t] for t in (0, 5, 10)]
        assert all(abs(abs(v) * 1e4 % 1 - 0.5) > 0.05 for v in printed_gaps[eta_try])  # far from a rounding edge
        # the sign flips at every step (the factor in (-1, 0) at 2.0, below -1 at 2.3), each |c - c*| far from 0
        assert all(a * b < 0 for a, b in zip(found, found[1:])) and min(abs(v) for v in found) > 1e-3
    magnitudes = {eta_try: [abs(v) for v in gaps] for eta_try, gaps in printed_gaps.items()}
    assert magnitudes[2.0][0] > magnitudes[2.0][1] > magnitudes[2.0][2]  # shrinks
    assert magnitudes[2.3][0] < magnitudes[2.3][1] < magnitudes[2.3][2]  # grows
    assert 2.0 < 2 / (mean_x2 * K_03) < 2.3
    assert ("[threshold] from the constant start's weights at step 59 (|c - c*| first below 0.01), 10 steps; "
            "c - c* at steps 0, 5, 10:\n"
            "            eta = 2.0: -0.0094, +0.0045, -0.0021 (sign flips at every step: True); 1 - eta mean(x^2) K_end = -0.86\n"
            "            eta = 2.3: -0.0094, +0.0181, -0.0357 (sign flips at every step: True); 1 - eta mean(x^2) K_end = -1.14\n") in stored
    # report 02DF fault 7: the factor printed for both eta, in (-1, 0) at 2.0 and below -1 at 2.3, far from a rounding edge
    factors_large = {eta_try: 1 - eta_try * mean_x2 * K_03 for eta_try in (2.0, 2.3)}
    assert -1 < factors_large[2.0] < 0 and factors_large[2.3] < -1
    assert [f"{factors_large[e]:+.2f}" for e in (2.0, 2.3)] == ["-0.86", "-1.14"]
    assert all(abs(abs(v) * 100 % 1 - 0.5) > 0.05 for v in factors_large.values())
    for eta_try, shown_gaps in ((2.0, "-0.0094, +0.0045, -0.0021"), (2.3, "-0.0094, +0.0181, -0.0357")):
        assert ", ".join(f"{v:+.4f}" for v in printed_gaps[eta_try]) == shown_gaps
    whole_run = next(i for i, c in enumerate(nb.cells) if "**The whole run.**" in c.source)
    assert "[steps] constant start" in nb.cells[whole_run + 1].source and whole_run == fold_at - 5  # report 02DE fault 6: "Optional: [K]" between
    # report 02CH fault 3: the substitution written out (6a's G = mean(x^2)(c - c*) into 8b's Delta c = -eta G K), and
    # the threshold with K_end valid only near c* (K changes during training; [threshold] starts at step 59)
    assert (r"**The whole run.** With 6a's $G = \overline{x^2}\,(c - c^*)$ in $\Delta c \approx -\eta\,G\,K$, a step is, "
            r"to first order, the map" "\n") in nb.cells[whole_run].source  # report 02CR fault 1: the map c_t -> c_{t+1}
    assert (r"Near $c^*$, where $K \approx K_\text{end}$ ($K$ changes during training), the last stretch, from $|c - c^*| = 0.01$ "
            r"to $10^{-6}$, takes about") in nb.cells[whole_run].source
    # the factor row: 1 - eta mean(x^2) K_end at 3 decimals, each far from a rounding edge; between -1 and 1,
    # closest to 1 at rho = 0.5
    factor_shown = [f"{f:.3f}" for f in factors]
    assert factor_shown == ["0.890", "0.907", "0.913", "0.907", "0.890"]
    assert all(abs(f * 1e3 % 1 - 0.5) > 0.01 for f in factors) and all(-1 < f < 1 for f in factors)
    assert (f"{'factor':>16}" + "".join(f"{v:>6}" for v in factor_shown) + "\n") in stored
    # the unbacked overshoot claim (no run at a large eta) stays cut; 8b derives only the factor's sign (below -1)
    assert "overshoot" not in markdown and "above $-1$" not in markdown
    assert r"by the factor $1 - \eta\,\overline{x^2}\,K(t)$." in markdown
    # the cut account through beta and u (measured, not derived: circular) stays cut, and so do its rows
    assert r"\beta" not in markdown.split("### 8b.")[1] and "beta = W_1" not in stored and "u = u_1 = u_2" not in stored
    assert ("[steps] constant start (8a's runs): steps until |c - c*| < 1e-6; K at the trained weights; "
            "factor = 1 - eta mean(x^2) K\n") in stored
    # report 02CB fault 6, 02CG fault 8: the header lines and the table come from one print call (one block)
    steps_cell = next(c.source for c in nb.cells if c.cell_type == "code" and "[steps] constant start" in c.source)
    first_call = steps_cell.split("print(")[1]
    assert first_call.startswith('"\\n".join(table))') and steps_cell.count("print(") == 3  # the table, [behind], [equal c]
    assert "[threshold]" not in steps_cell
    assert "last stretch: the steps" in steps_cell.split("print(")[0] and "'predicted'" in steps_cell.split("print(")[0]
    assert "line of minima" not in markdown
    # the letters table at 8b: K and K_end (8b; tau stays in 7a, report 02CG fault 1: fewer letters); the constant start's K at rho = 0.3: 0.5 S + 0.5 at the
    # start, [steps]'s 2.250 at the end
    eight_b = markdown.split("### 8b.")[1].split("## 9.")[0]
    # report 02CQ fault 5: K_end's value not quoted before [steps] prints it
    # report 02DD fault 6: no value of K before the check that computes it
    assert (r"| $K$, $K(t)$, $K_\text{end}$ | $\sum_w (\partial c/\partial w)^2$; at step $t$; at the end | 8b | "
            r"$K_\text{end}$: [steps] |") in eight_b
    assert "0.79" not in eight_b.split("*Check*")[0]
    assert "2.250" not in eight_b.split(r"**Why slowest")[0]
    assert r"\tau" not in eight_b
    # section 8's intro and the Key points: rho = 0.5 slowest, explained in 8b; the intro cites no tag printed later
    # only from the constant start ([steps] has no other row), and "reaches c*" ([steps]'s 1e-6), not "fits" (noisy y)
    intro = markdown.split("## 8.")[1].split("### 8a.")[0]
    # report 02DB fault 4: only five rho were run, and the box compares 0.5 with 0.3 (a 5% margin), not every rho
    assert (r"from the constant start, how fast $c$ reaches $c^*$ ($|c - c^*| < 10^{-6}$): slowest, of the five $\rho$ "
            r"tried, at $\rho = 0.5$ (8b)." in intro) and "[steps]" not in intro
    # report 02DR fault 1 (the lead's decision): the Key point says what the main text shows, the why is the box's
    assert (r"* From the constant start, $c$ reaches $c^*$ slowest at $\rho = 0.5$ of the five $\rho$ tried (8b: [steps], [behind]; why: 8b's box)."
            in markdown.split("## Key points")[1])  # 02CI fault 8
    assert "fits slowest" not in markdown
    assert "(observed)" not in markdown and "102 of 165" not in markdown and stretch["constant"][2] == 102
    # [steps] is symmetric: swapping rho and 1 - rho swaps x_1 and x_2 (the columns of X), and the constant start treats
    # them alike, so the two runs mirror each other (W_0's rows swapped) and take the same number of steps
    assert r"[steps] is symmetric: swapping $\rho$, $1-\rho$ swaps $x_1$, $x_2$, which the constant start treats alike." in markdown
    assert expected["constant"] == expected["constant"][::-1]
    for rho_try in (0.1, 0.3):
        low, high = cases.linear_2_2_1(a=rho_try), cases.linear_2_2_1(a=1 - rho_try)
        np.testing.assert_allclose(low.X[:, ::-1], high.X, rtol=1e-15, atol=1e-15)
        _, h_low = low.train(low.network())
        _, h_high = high.train(high.network())
        np.testing.assert_allclose(h_low.weights[0][:, ::-1, :], h_high.weights[0], rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose(h_low.weights[1], h_high.weights[1], rtol=1e-9, atol=1e-12)
    assert ("        last stretch: the steps from |c - c*| < 0.01 to < 1e-6;  "
            "predicted: ln(1e-4) / ln(factor at the end)\n") in stored
    # the link to K: c - c* shrinks by about 1 - eta mean(x^2) K a step, and K = 0.5 S + 0.5 is least at rho = 0.5
    assert r"to first order, the map" in markdown and r"it multiplies $c - c^*$ by the factor $1 - \eta\,\overline{x^2}\,K(t)$" in markdown
    assert "the whole run's length is not compared" not in markdown
    x = case.X.sum(axis=1)
    c_star = mh.least_squares_slope(x, case.Y)
    s = np.array([A, 1 - A])
    net = case.network().init_random(seed=0)
    W0, W1 = net.weights
    u = s @ W0
    K = s @ s * (W1[:, 0] @ W1[:, 0]) + u @ u
    c = mh.effective_slope(net, A)
    stepped = mh.effective_slope(case.train(net.copy(), iterations=1)[0], A)
    G = np.mean(x**2) * (c - c_star)
    # exact with 8b's eta^2 term: c_new - c* = (1 - eta mean(x^2) K)(c - c*) + eta^2 G^2 S c
    assert stepped - c_star == pytest.approx((1 - case.lr * np.mean(x**2) * K) * (c - c_star)
                                             + case.lr**2 * G**2 * (s @ s) * c, rel=1e-12)


def test_section_6_why_the_W1_gap_stops_closing(case, trained, stored, markdown, nb):
    """The paragraph after [gap] (its own, outside the box "Can the random start ever tie?"): by 6a each step changes
    the W_1 gap by -eta G (u_1 - u_2); it closes (G < 0: [dips]) while u_1 > u_2, and u_1 - u_2 turns negative at step 17,
    where the gap is closest to 0 ([gap])."""
    # report 02DJ fault 1 (the lead's decision): the ties paragraph in 6b's one optional box, after the figures
    box = next(c for c in markdown.split("<details>") if c.startswith("<summary>Optional: rank 2, ties,"))
    inside = box.split("*Ties.*")[1].split("\n\n")[0]
    assert "smallest spread" not in inside and "u_1 - u_2" not in inside
    # report 02CC fault 2: r_1 = r_2 at the start is needed for a tie, not enough; report 02CV fault 1: a start with
    # r_1 = r_2 that does not tie, trained ([no tie]), and why its spread stays above 0
    assert ("A tie needs $r_1 = r_2$ at the start, which random draws give with probability 0 (one equation on "
            "continuously drawn numbers).\nNot enough: every $W_0$ weight 0.5 and $W_1 = (0.5, 0.6)$ give $r_1 = r_2$, "
            "yet by 6a, while $G < 0$ ([no tie]), the unit with the larger outgoing weight gets the larger incoming steps, so "
            r"$u_2 > u_1$ and $W_1[1,0]$ gains more ($-\eta\,G\,u_2$ against $-\eta\,G\,u_1$): the $W_1$ gap widens, and the spread stays at least "
            "its start, $0.1000$ ([no tie]).") in box  # report 02DC fault 5: the link from the steps to the W_1 gap
    assert ("[no tie] every W_0 weight 0.5, W_1 = (0.5, 0.6): r_1 = r_2; smallest spread over the 500 steps 0.1000; "
            "at step 0 0.1000\n") in stored
    _, uneven = case.train(case.network().set_params([np.full((2, 2), 0.5), np.array([[0.5], [0.6]])]))
    # report 02CY fault 4: the box's premise, G < 0, checked on this run (the last steps, where c sits within rounding
    # of c*, left out: G's sign there is rounding's)
    assert "[no tie] G < 0 at every step until |c - c*| < 1e-12: True\n" in stored
    c_u = ((np.array([A, 1 - A]) @ uneven.weights[0]) * uneven.weights[1][:, :, 0]).sum(axis=1)
    c_s_u = mh.least_squares_slope(case.X.sum(axis=1), case.Y)
    far = np.abs(c_u - c_s_u) >= 1e-12
    assert np.all(c_u[far] < c_s_u) and np.all(c_u <= c_s_u + 1e-14)  # from below: no step past c* beyond rounding
    W0_u, W1_u = uneven.weights
    spread_u = mh.unit_spread(uneven)
    # step 1 keeps the W_1 gap (the incoming columns are still equal at step 0), so the smallest may be step 0 or 1
    assert spread_u.min() == pytest.approx(0.1, rel=1e-12) and spread_u[0] == pytest.approx(0.1, rel=1e-12)
    assert spread_u[2:].min() > 0.1 + 1e-5
    c_u = np.einsum("p,tpj,tj->t", np.array([A, 1 - A]), W0_u, W1_u[:, :, 0])
    assert np.all(c_u < mh.least_squares_slope(case.X.sum(axis=1), case.Y))  # G < 0 at every step of this run
    r_u = (1 - A) * W0_u[:, 0, :] - A * W0_u[:, 1, :]
    assert np.abs(r_u[:, 0] - r_u[:, 1]).max() < 1e-12  # r_1 = r_2, kept
    # report 02CH fault 2: the crossings and the smallest spread in one optional fold, right after [gap]; report 02CO
    # fault 2: the dips' reason is in the figure's list (main text), not in the fold
    where = next(i for i, c in enumerate(nb.cells) if c.source.startswith("<details><summary>Optional: rank 2, ties, the gap, crossings (open after your prediction)</summary>"))
    fold = nb.cells[where].source
    assert fold.count("</details>") == 1 and fold.rstrip().endswith("</details>")
    paragraph = fold.split("*The smallest spread.*")[1]
    # report 02CZ fault 1 (the lead's decision): the figure's circles and triangles, with [crossings] and [dips], in the fold
    # report 02DK fault 7: what the circles and triangles mark is in the figure's caption
    assert "*Crossings* (random start; [crossings])." in fold
    # report 02DL fault 3 (the lead's decision): the triangles' and the dotted line's one-line reason in the caption
    # report 02DN fault 2 (the lead's decision): the caption says what to look at first; the triangles' reason in the box
    # report 02DO fault 1 (the lead's decision): one full sentence names every mark of the panels and where its reason is
    # report 02DV fault 3 (the lead's decision): what the box explains (the triangles on the dotted line: W_0[:, 0]'s
    # gradient has the factor W_1[0, 0]), not why W_1[0, 0] turns positive; the crossings are not ties (the spread)
    # report 02DW fault 2 (the lead's decision): that sentence opens the optional box; the caption keeps "Look first" only
    # report 02DZ fault 4 (the lead's decision): where the box's checks print; "not ties" is now the Verdict's
    assert fold.startswith("<details><summary>Optional: rank 2, ties, the gap, crossings (open after your prediction)</summary>\n\n"
                           "Its figure and checks print under the next cell (the checks folded).\n\n"
                           # report 02EK fault 1, 02EI fault 1, 02EJ fault 2: the Verdict's run details (the W_1 gap's
                           # 0.4667, the inset's 0.0150) moved here, beside the figure they read
                           r"In this run the $W_1$ gap keeps the spread far above the bound: $0.4667$ at its lowest (step 17, "
                           r"the figure's diamond; [spread = gap]); $W_0$'s pair differences alone come within about 0.001 of "
                           r"the bound (inset: 0.0150 at step 17)." "\n\n"
                           r"Circles mark a pair's lines crossing, "
                           r"triangles mark $W_0[0,0]$, $W_0[1,0]$ at their lowest, and the dotted line marks step 27, where $W_1[0,0]$ "
                           r"turns positive: the triangles sit on it, as $W_0[:,0]$'s gradient has the factor $W_1[0,0]$ (*Dips*)."
                           "\n\n*Rank 2.*")
    assert r"*Dips*. $W_0[0,0]$, $W_0[1,0]$ have gradients $G\,s[p]\,W_1[0,0]$" in markdown
    assert "Triangles, dotted" not in markdown and "(box)" not in markdown
    assert (r"*Dips*. $W_0[0,0]$, $W_0[1,0]$ have gradients $G\,s[p]\,W_1[0,0]$, positive while "
            r"$G < 0$ and $W_1[0,0] < 0$: both fall until $W_1[0,0]$ turns positive ([dips]).") in fold
    assert "1. Circled" not in markdown and "2. Triangles" not in markdown
    # report 02CS fault 4: [dips] right under the figures; report 02DD fault 2: the W_1 gap's step and [gap] in the
    # main text under the figures, then the fold, then 6c
    assert "Optional: [gap]" not in markdown
    # report 02DJ fault 1 (the lead's decision): the gap's paragraph in the one optional box, [gap] in its fold
    assert (r"*Why the spread rises after $0.4667$.* By 6a a step changes the $W_1$ gap by $-\eta\,G\,(u_1 - u_2)$: "
            r"with $G < 0$ it closes only while $u_1 > u_2$; $u_1 - u_2 < 0$ from step 17 on ([gap]), so it widens.") in fold
    assert "print(f\"[gap]" in nb.cells[where + 1].source
    # report 02DI fault 5 (the lead's decision): the box's prints ([crossings], [dips], [smallest]) in one fold right
    # after it, then 6c
    fold_cell = nb.cells[where + 1].source
    assert fold_cell.count("with folded(") == 1 and all(f'print(f"[{tag}]' in fold_cell
                                                         for tag in ("rank 2", "no tie", "gap", "crossings", "dips", "smallest"))
    assert nb.cells[where + 2].source.startswith("### 6c.")
    assert sum("with folded(" in c.source for c in nb.cells[where - 3:where]) == 0
    figure_at = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code" and "plots.tie_figure" in c.source)
    # report 02CZ fault 1: [crossings] and [dips] in the figure cell, right above the fold that cites them; the bound
    # cell, the tie box and the float64 box come before the figure's caption
    assert "[dips]" not in nb.cells[figure_at].source and "[crossings]" not in nb.cells[figure_at].source
    assert "[spread = gap] random start" not in nb.cells[figure_at].source  # report 02EK fault 1: in the box's cell
    assert "[spread = gap] random start" in nb.cells[where + 1].source and "inset = ax.inset_axes(" in nb.cells[where + 1].source
    assert "inset = ax.inset_axes(" not in nb.cells[figure_at].source
    # report 02DJ fault 1 (the lead's decision): r_1, r_2 and the bound, [kept], the figures, the verdict, then the box
    assert figure_at + 2 == where and nb.cells[figure_at + 1].source.startswith("<details><summary>Verdict (open after your prediction)")
    assert nb.cells[figure_at - 1].source == ("Look first: top row (constant start), is each pair one striped line (tied)? "
                                              "Bottom row (random start), do a pair's lines merge? "
                                              "(Circles: a pair changes order between two steps; triangles and the dotted "
                                              "line at step 27: the optional box below.)")  # report 02DX fault 7, 02DZ fault 2, 02EK fault 3, 02EI fault 4, 02EH fault 1
    assert "[bound]" in nb.cells[figure_at - 2].source and "[kept]" in nb.cells[figure_at - 2].source
    assert nb.cells[figure_at - 3].source.startswith("**Training keeps two numbers, $r_1$ and $r_2$.**")
    assert "gap by $-\\eta" not in paragraph  # report 02DD fault 2: in the main text, not in the fold
    # the sign change follows from the crossings: u_1 - u_2 = rho d_x1 + (1 - rho) d_x2 turns negative at step 17, once
    # x_2's pair has crossed (steps 16 to 17) and before x_1's (18 to 19): d_x2 carries the larger weight, 0.7
    # (report 02CA fault 2: not "after both")
    # (report 02CB fault 2: the signed pair differences, "the larger coefficient 1 - rho", the sum written out)
    assert (r"By section 4, $u_1 - u_2 = \rho\,d_{x_1} + (1-\rho)\,d_{x_2}$: negative from step 17, once $x_2$'s pair, "
            r"with the larger coefficient $1-\rho$, has crossed: $0.3\,(+0.0150) + 0.7\,(-0.0116) = -0.0036$ "
            r"([smallest]).") in paragraph
    assert "larger weight" not in paragraph
    assert "negative after both" not in paragraph
    # then the W_1 gap widens (its step -eta G (u_1 - u_2) < 0 with G < 0, u_1 < u_2): the spread climbs toward its
    # largest, 1.0593 (the training printout's 1.0593224); [gap] checks the signs to step 500 (reports 02CE, 02CG)
    assert paragraph.rstrip().endswith("([smallest]).\n</details>")
    # report 02CC fault 3: the r-bound is loose (it bounds only the incoming pairs, 6b's box)
    # report 02CQ fault 2: the paragraph opens with what it shows
    # report 02DB fault 6: loose for what, with printed numbers ([bound]'s 0.0140, [gap]'s 0.4667)
    # report 02DJ fault 1: "loose" (02DB fault 6) in the verdict, with both printed numbers
    # report 02DO fault 2 (the lead's decision): the bound is a guarantee, the figure's floor what this run did; the
    # turn at step 17 stays in the optional box
    # report 02DZ fault 1 (the lead's decision): the question's pair changes order (steps 18-19: the figure's label,
    # [crossings]), yet no tie; what keeps this run's spread large is the W_1 gap, the bound only the floor
    # report 02EB fault 1: the Verdict in bullets, same facts
    assert (r"- The random start cannot tie: its spread stays at least $|r_1 - r_2| = 0.0140$ ([bound], above), a guarantee, "
            r"though $W_0[0,0]$, $W_0[0,1]$ (the question's $w_{111}$, $w_{211}$) change order between steps 18 and 19 (first "
            r"figure)." "\n</details>") in nb.cells[figure_at + 1].source  # report 02EK fault 1: two bullets; the run's details in the box
    assert nb.cells[figure_at + 1].source.count("\n- ") == 2 and "second figure" not in markdown
    # report 02CC fault 3, 02CH fault 2: in the open, under the figure, what the spread is at every step ([crossings]
    # checks all 501 recorded steps), and that this is an observation for seed 0, not a rule
    # report 02CI fault 6: why, from printed numbers ([crossings]'s d_x1, d_x2 and the training printout's 0.6344618 at step 0)
    # report 02CO fault 4: item 3 cut to what the panel shows
    # report 02CR fault 2: the W_1 gap at every step is checked, not derived; the figure draws |d_x1| and |d_x2| faintly
    # report 02CS faults 2 and 5: checked for seed 0 only, said plainly; one line for max(|d_x1|, |d_x2|), the bound's quantity
    # report 02CV fault 3: bit for bit is what these runs show, not a general law
    # report 02DS fault 6 (the lead's decision): the tie verdict stated once, in 6b's Verdict, and referred back to
    assert "tied units stay tied\n  (6b's Verdict)." in markdown.split("## Key points")[1]
    assert markdown.count("bit for bit in these runs") == 0
    # report 02CV fault 6: said plainly
    # report 02DO fault 1: the second figure's own legend names its lines; the caption's fragments about it are cut
    assert "Second figure: spread" not in markdown
    assert "not derived" not in markdown
    assert "7/3" not in markdown.replace(fold, "")
    assert "largest of the three" not in paragraph  # (the fold's own paragraph)
    assert "[r_1 = r_2]" not in markdown and "[r_1 = r_2]" not in stored  # the r_1 = r_2 argument was cut
    _, history = trained["random"]
    s = np.array([A, 1 - A])
    x = case.X.sum(axis=1)
    c_star = mh.least_squares_slope(x, case.Y)
    W0, W1 = history.weights
    u = np.einsum("p,tpj->tj", s, W0)
    gap, u_gap = W1[:, 0, 0] - W1[:, 1, 0], u[:, 0] - u[:, 1]
    G = np.mean(x**2) * (np.einsum("tj,tj->t", u, W1[:, :, 0]) - c_star)
    np.testing.assert_allclose(np.diff(gap), -case.lr * G[:-1] * u_gap[:-1], rtol=1e-9, atol=1e-15)
    k = int(np.abs(gap).argmin())
    assert k == int(mh.unit_spread(history).argmin()) == 17 and np.all(G[:k + 1] < 0)
    signed = W0[k, :, 0] - W0[k, :, 1]  # d_x1, d_x2 at step 17
    pairs = np.abs(signed)
    assert pairs.max() < 0.05 < 0.4 < abs(gap[k])
    for value in (*pairs, abs(gap[k])):
        assert abs(value * 1e4 % 1 - 0.5) > 0.01  # 0.015038, 0.011645, 0.46667: not near a rounding edge (x.xxxx5)
    assert (f"[smallest] step 17: d_x1 = {signed[0]:+.4f}, d_x2 = {signed[1]:+.4f}, "
            f"|W_1[0, 0] - W_1[1, 0]| = {abs(gap[k]):.4f}\n") in stored
    assert "[smallest] step 17: d_x1 = +0.0150, d_x2 = -0.0116, |W_1[0, 0] - W_1[1, 0]| = 0.4667\n" in stored
    # the prose's sum from the printed values, and the true u_1 - u_2 at step 17 (-0.00364), both -0.0036
    assert f"{A * 0.0150 + (1 - A) * -0.0116:.4f}" == "-0.0036" and f"{u_gap[k]:.4f}" == "-0.0036"
    assert abs(u_gap[k] * 1e4 % 1 - 0.5) > 0.01
    assert np.all(u_gap[:k] > 1e-3) and u_gap[k] < -1e-3  # the signs, far from 0 (u_1 - u_2 = -0.0036 at step 17)
    d_x1, d_x2 = W0[:, 0, 0] - W0[:, 0, 1], W0[:, 1, 0] - W0[:, 1, 1]
    np.testing.assert_allclose(u_gap, A * d_x1 + (1 - A) * d_x2, rtol=1e-12, atol=1e-15)
    assert np.all(d_x1[:19] > 0) and np.all(d_x1[19:] < 0) and np.all(d_x2[:17] > 0) and np.all(d_x2[17:] < 0)
    assert np.all(u_gap[19:] < 0)  # negative after both crossings
    assert d_x1[k] > 0 > d_x2[k] and A * abs(d_x1[k]) < (1 - A) * abs(d_x2[k])  # step 17: between the crossings
    # after step 17, through the figure's 150 steps: u_1 < u_2 and G < 0 (c < c* by at least 7e-5), so the gap widens
    # and the spread (then the W_1 gap) climbs at every step
    assert np.all(u_gap[k:151] < -1e-3) and np.all(c_star - np.einsum("tj,tj->t", u, W1[:, :, 0])[:151] > 7e-5)
    spread = mh.unit_spread(history)
    assert np.all(np.diff(gap[k:151]) < 0) and np.all(np.diff(spread[k:151]) > 0)
    c_t = np.einsum("tj,tj->t", u, W1[:, :, 0])
    assert np.all(u_gap[k:] < -1e-3) and np.all(c_star - c_t[:301] > 3e-11)  # the printed ranges, far from 0
    # G < 0 to step 500: from about step 320 the steps fall below the weights' ulp and c stops short of c*, a few
    # ulps below it (1.6e-15 here, 2.0e-15 with the data nudged by one ulp: tests/test_cross_cpu.py)
    assert np.all(c_star - c_t > 1e-15)
    assert np.all(np.diff(gap[k:301]) < -1e-13) and np.all(np.diff(spread[k:301]) > 1e-13)  # widens to step 300
    assert abs(spread[-1] - spread.max()) < 1e-12 and f"{spread[-1]:.7f}" == f"{spread.max():.7f}" == "1.0593224"
    assert abs(spread[-1] * 1e7 % 1 - 0.5) > 0.1
    np.testing.assert_array_equal(spread[k:], np.abs(gap[k:]))
    # report 02CA fault 3: why the pairs cross. By 6a, Delta W_0[p, j] = -eta G s[p] W_1[j, 0], so a step changes
    # d_x1 = W_0[0, 0] - W_0[0, 1] by -eta G rho (W_1[0, 0] - W_1[1, 0]) and d_x2 by the same with 1 - rho: negative
    # while G < 0 and the W_1 gap < 0 (both through the crossings, steps 16 to 19)
    assert (r"*Crossings* (random start; [crossings]). By 6a, "
            r"$\Delta d_{x_1} = -\eta\,G\,\rho\,(W_1[0,0] - W_1[1,0])$ ($1-\rho$ for $d_{x_2}$), negative while $G < 0$ "
            r"and $W_1[0,0] < W_1[1,0]$. So $d_{x_2}$ falls $7/3$ times as fast as $d_{x_1}$, more than its start ratio "
            r"$2.08$, and reaches 0 first ([crossings]).") in markdown  # report 02CW fault 3: four cells below it
    # report 02CE fault 4: the two differences fall in the fixed ratio (1 - rho)/rho = 7/3, more than their start ratio
    # 0.3787/0.1823 = 2.077, so d_x2 reaches 0 first (steps 16-17, against 18-19); the printed values far from edges
    np.testing.assert_allclose(np.diff(d_x2), (1 - A) / A * np.diff(d_x1), rtol=1e-9, atol=1e-15)
    assert (1 - A) / A > d_x2[0] / d_x1[0] and f"{d_x2[0] / d_x1[0]:.2f}" == "2.08" and f"{d_x2[0]:+.4f}" == "+0.3787"
    assert abs(d_x2[0] / d_x1[0] * 100 % 1 - 0.5) > 0.1 and abs(d_x2[0] * 1e4 % 1 - 0.5) > 0.1
    np.testing.assert_allclose(np.diff(d_x1), -case.lr * G[:-1] * A * gap[:-1], rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(np.diff(d_x2), -case.lr * G[:-1] * (1 - A) * gap[:-1], rtol=1e-9, atol=1e-15)
    assert np.all(G[:20] < 0) and np.all(gap[:20] < 0) and np.all(np.diff(d_x1[:20]) < 0) and np.all(np.diff(d_x2[:20]) < 0)
    assert np.all(np.diff(gap[:k + 1]) > 0) and gap[k + 1] < gap[k] < 0  # closes up to step 17, then opens again
    for value in gap[[0, k]]:
        assert abs(value * 1e4 % 1 - 0.5) > 0.05  # -0.63446, -0.46667: far from a rounding edge (x.xxxx5)
    assert ("[gap]   random start, W_1[0, 0] - W_1[1, 0]: -0.6345 at step 0, -0.4667 at step 17 (closest to 0)\n"
            "[gap]   u_1 - u_2 > 0 at steps 0 to 16: True\n"
            "[gap]   u_1 - u_2 < 0 at steps 17 to 500: True;  G < 0 at steps 17 to 500: True\n") in stored
    # report 02DI fault 5 (the lead's decision): the folded lines under their own tag, in the box's one fold
    # report 02DN fault 7 (the lead's decision): the line no sentence used is cut
    assert "[smallest] spread at step 500" not in stored


def test_section_6_the_spreads_print_only_after_a_prediction(nb, case):
    """The predict-first cell's answer is printed only once my_tie_prediction is written (the student copy's `...`)."""
    import contextlib
    import io
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and "predicted = " in c.source]
    for prediction, shows in ((..., False), ({"constant": "...", "random": "..."}, False),
                              ({"constant": "tiny", "random": "tiny"}, True)):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(source, {"case": case, "mh": mh, "np": np, "linreg": linreg, "rho": A, "my_tie_prediction": prediction})
        assert ("spread of the hidden units" in out.getvalue()) is shows
        assert ("not written yet" in out.getvalue()) is not shows


def test_section_6_the_answer_cell_prints_only_after_a_prediction(nb, case):
    """The cell after the prediction prints the bit-for-bit lines and [bound] only once predicted."""
    import contextlib
    import io
    from unittest import mock
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and "[bound]" in c.source]
    for predicted in (False, True):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            x = case.X.sum(axis=1)
            exec(source, {"folded": folded, "np": np, "mh": mh, "rho": A, "predicted": predicted, "case": case, "s": np.array([A, 1 - A]),
                          "mean_x2": np.mean(x**2), "c_star": mh.least_squares_slope(x, case.Y),
                          "history_constant": None if not predicted else _trained_history("constant"),
                          "history_random": None if not predicted else _trained_history("random")})
        assert ("[bound]" in out.getvalue()) is predicted and ("bit for bit" in out.getvalue()) is predicted
        assert ("[kept]" in out.getvalue()) is predicted
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and "print(f\"[gap]" in c.source]  # its own cell
    assert "[bound]" not in source
    for predicted in (False, True):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), mock.patch.object(plots, "show") as show:
            exec(source, {"folded": folded, "np": np, "mh": mh, "predicted": predicted, "s": np.array([A, 1 - A]),
                          "case": case, "rho": A, "mean_x2": np.mean(case.X.sum(axis=1) ** 2), **_box_fold_inputs(predicted),
                          "c_star": mh.least_squares_slope(case.X.sum(axis=1), case.Y),
                          "c_random": None if not predicted else np.einsum(
                              "tj,tj->t", np.einsum("p,tpj->tj", np.array([A, 1 - A]), _trained_history("random").weights[0]),
                              _trained_history("random").weights[1][:, :, 0]),
                          "history_random": None if not predicted else _trained_history("random")})
        plots.plt.close("all")
        assert show.call_count == (1 if predicted else 0)  # the spread with |r_1 - r_2| and its inset (6b's box)
        assert ("[gap]" in out.getvalue()) is predicted and ("write my_tie_prediction first" in out.getvalue()) is not predicted
        # report 02EK fault 1, 02EI fault 1: the spread figure (inset) and [spread = gap] moved into 6b's box cell
        assert ("[spread = gap] random start" in out.getvalue()) is predicted


def test_section_6_the_figure_cell_draws_only_after_a_prediction(nb, case):
    """The six-weight figure and [crossings] show the random start's pairs apart: drawn only once predicted."""
    import contextlib
    import io
    from unittest import mock
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and "plots.tie_figure" in c.source]
    for predicted in (False, True):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), mock.patch.object(plots, "show") as show:
            exec(source, {"folded": folded, "np": np, "mh": mh, "plots": plots, "plt": plots.plt, "rho": A, "predicted": predicted,
                          "s": np.array([A, 1 - A]), "c_star": mh.least_squares_slope(case.X.sum(axis=1), case.Y),
                          "history_constant": _trained_history("constant"), "history_random": _trained_history("random")})
        plots.plt.close("all")
        assert show.called is predicted and "[spread = gap]" not in out.getvalue()  # report 02EK/02EI fault 1: in 6b's box
        assert "[dips]" not in out.getvalue() and "[crossings]" not in out.getvalue()  # report 02DI fault 5: in the box's fold
        assert show.call_count == (1 if predicted else 0)  # the six weights; the spread with |r_1 - r_2| moved to 6b's box
        assert ("write my_tie_prediction first" in out.getvalue()) is not predicted


def test_section_6_every_cell_between_the_prediction_and_its_box_is_gated(nb):
    """From the prediction to the folded verdict (to open after the prediction), every code cell after the training
    cell (which gates its own prints) prints only under `if predicted:`, and no markdown cell in between states the
    answer; r_1, r_2 and their conservation are defined in the open text after the training cell (not in the box),
    before the (gated) [bound] cell prints them; then the figures, the verdict, and 6b's one optional box (report 02DJ
    fault 1, the lead's decision: [rank 2], ties, float64, the gap and the crossings) with its gated fold;
    the letters table with r_1, r_2 comes after the answer box."""
    cells = nb.cells
    start = next(k for k, c in enumerate(cells) if c.cell_type == "code" and "my_tie_prediction = " in c.source)
    box = next(k for k, c in enumerate(cells) if "<summary>Verdict (open after your prediction)" in c.source)
    between = cells[start + 2:box]  # after the training cell
    code = [c.source for c in between if c.cell_type == "code"]
    assert len(code) == 2 and all(re.search(r"^if predicted:", s, re.M) for s in code)
    assert "[bound]" in code[0] and "[kept]" in code[0] and "[rank 2]" not in code[0] and "[no tie]" not in code[0]
    assert cells[box - 1].source == code[1] and "plots.tie_figure" in code[1] and "[spread = gap] random start" not in code[1]
    assert cells[box + 1].source.startswith("<details><summary>Optional: rank 2, ties, the gap, crossings (open after your prediction)")
    fold = cells[box + 2].source
    assert "[rank 2]" in fold and "[no tie]" in fold and re.search(r"^if predicted:", fold, re.M)
    bound_at = next(k for k, c in enumerate(cells) if c.cell_type == "code" and "[bound]" in c.source)
    assert bound_at == start + 3 and cells[start + 2].cell_type == "markdown"
    text = " ".join(c.source for c in between if c.cell_type == "markdown")
    definition = r"r_1 = s_\perp W_0[:,0] = (1-\rho)\,W_0[0,0] - \rho\,W_0[1,0], \qquad r_2 = s_\perp W_0[:,1] .$$"
    assert definition in cells[start + 2].source and definition not in cells[box].source
    # report 02DV fault 1 (the lead's decision): one worked line before item 1, the split rebuilding a real column; the
    # constant start's (every weight 0.5), as seed 0's r_1 is part of the answer (not before the Verdict)
    # report 02DW fault 1 (the lead's decision): that line ends item 1, after r_1, s_perp and the /S split are defined
    # readers 02EQ/02EM/02EN/02EI fault 1 (overrides 02DV/02DW's place): the proof needs only r_j and s_perp s^T = 0,
    # so the /S split, "Why /S" and this line close the cell in an optional box after the three items
    worked = ("\n\n" r"Check (constant start): $u_1 = 0.5$, $r_1 = 0.7 \cdot 0.5 - 0.3 \cdot 0.5 = 0.2$: $\big(0.5\,(0.3, 0.7) + "
              r"0.2\,(0.7, -0.3)\big)/0.58 = (0.5, 0.5)$, its $W_0[:,0]$." "\n</details>")
    assert cells[start + 2].source.endswith(worked) and "Constant start:" not in cells[start + 2].source
    assert cells[start + 2].source.index("3. So $|r_1 - r_2|$") < cells[start + 2].source.index("<details><summary>Optional:")
    s_p, s_q, column = np.array([0.3, 0.7]), np.array([0.7, -0.3]), np.array([0.5, 0.5])
    assert (s_p @ column, s_q @ column, s_p @ s_p) == pytest.approx((0.5, 0.2, 0.58))
    assert (0.5 * s_p + 0.2 * s_q) / 0.58 == pytest.approx(column)
    assert cells[start + 1].cell_type == "code" and "predicted = " in cells[start + 1].source  # right after the output
    for answer in ("0.0140", "never", "differ too", "[no tie]", "-0.0736", "cannot tie"):
        assert answer not in text and answer not in cells[box].source.split("</summary>")[0]
        assert answer not in cells[box + 1].source.split("</summary>")[0]
    letters = next(k for k, c in enumerate(cells) if c.source.startswith("More letters:") or "\nMore letters:" in c.source)
    answer_box = next(k for k, c in enumerate(cells) if "**Answer to the question.**" in c.source)
    assert letters > answer_box > box  # the r_1, r_2 row, with its values, after the answer box


def test_section_6_the_tied_box_cell_prints_the_constant_start_only_after_a_prediction(nb):
    """The cell under the box on why tied units stay tied gates its constant-start line on the prediction too."""
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and "constant start (section 6)" in c.source]
    assert source.startswith("if predicted:")


def _box_fold_inputs(predicted):
    """What 6b's box fold takes from the figure cell above it (report 02DJ fault 1: one fold for the whole box)."""
    if not predicted:
        return {"passes": None, "turn": None, "d_start": None, "W0_random": None, "W1_random": None, "spread": None,
                "plots": plots, "plt": plots.plt}
    W0, W1 = _trained_history("random").weights
    return {"passes": [int(np.argmax(W0[:, p, 0] < W0[:, p, 1])) for p in (0, 1)], "turn": int(np.argmax(W1[:, 0, 0] > 0)),
            "d_start": W0[0, :, 0] - W0[0, :, 1], "W0_random": W0, "W1_random": W1,
            "spread": mh.unit_spread(_trained_history("random")), "plots": plots, "plt": plots.plt}


def _trained_history(init):
    case = cases.linear_2_2_1(a=A)
    net = case.network() if init == "constant" else case.network().init_random(seed=0)
    return case.train(net)[1]


def test_prediction_written_needs_every_key_in_words():
    keys = ("constant", "random")
    assert linreg.prediction_written({"constant": "tiny", "random": "exactly zero"}, keys)
    for prediction in (..., None, {"constant": "tiny"}, {"constant": "...", "random": "tiny"},
                       {"constant": " ", "random": "tiny"}, {"constant": 0, "random": "tiny"}, ["constant", "random"]):
        assert not linreg.prediction_written(prediction, keys), prediction


def test_section_8_the_shift_ratio_holds_at_every_step(case, stored, markdown):
    _, history = case.train(case.network().init_random(seed=0))
    # the two dips of h_1's incoming weights (start minus lowest value), in the ratio rho / (1 - rho)
    W0 = history.weights[0]
    dips = W0[0, :, 0] - W0[:, :, 0].min(axis=0)
    assert (f"{dips[0]:.4f}", f"{dips[1]:.4f}", f"{dips[0] / dips[1]:.4f}") == ("0.0838", "0.1956", f"{A / (1 - A):.4f}")
    assert np.argmin(W0[:, 0, 0]) == np.argmin(W0[:, 1, 0])  # the same step
    # both fall while G < 0 and W_1[0, 0] < 0; the lowest point is the first step with W_1[0, 0] > 0 (about 5e-3 from 0)
    turn = int(np.argmax(history.weights[1][:, 0, 0] > 0))
    assert turn == int(np.argmin(W0[:, 0, 0])) == 27
    assert history.weights[1][turn - 1, 0, 0] < -1e-3 and history.weights[1][turn, 0, 0] > 1e-3
    assert "[dips ratio] rho = 0.3, random start: W_0[0, 0] dips by 0.0838, W_0[1, 0] by 0.1956, ratio 0.4286\n" in stored
    # report 02DX fault 2 (the lead's decision): 8a names the dips without the optional box: the first figure's
    # triangles mark h_1's two weights at their lowest, step 27 (checked above; plots.tie_figure draws them there)
    assert ("Their falls to their lowest (6b's first figure's triangles, step 27) are sums of steps too: the same ratio "
            "([dips ratio]).") in markdown and "6b's dips" not in markdown
    # section 6b's [dips]: both lowest at the step W_1[0, 0] turns positive, with c < c* (G < 0) up to it
    assert ("[dips] random start: W_0[0, 0] lowest at step 27, W_0[1, 0] at step 27; W_1[0, 0] turns positive at step 27\n"
            "       c < c* (G < 0) at every step up to step 27: True (c at step 27 = 0.1762)") in stored
    s = np.array([A, 1 - A])
    c = np.einsum("p,tpj,tj->t", s, W0, history.weights[1][:, :, 0])  # another order than the notebook's u W_1
    c_star = mh.least_squares_slope(case.X.sum(axis=1), case.Y)
    assert np.all(c[:turn + 1] < c_star - 1.0) and f"{c[turn]:.4f}" == "0.1762" and abs(c[turn] * 1e4 % 1 - 0.5) > 0.01
    # training never moves along section 7's "moved" direction: (1 - rho) W_0[0, j] - rho W_0[1, j] is kept
    kept = (1 - A) * W0[:, 0, :] - A * W0[:, 1, :]
    assert np.abs(kept - kept[0]).max() < 1e-12 and (f"{kept[0, 0]:+.4f}", f"{kept[0, 1]:+.4f}") == ("-0.0736", "-0.0876")
    assert ("[bound] random start, step 0: r_1 = -0.0736, r_2 = -0.0876;\n"
            "        the smallest spread is at least |r_1 - r_2| = 0.0140: True") in stored
    # the difference (1 - rho) d_x1 - rho d_x2 (d_x{p+1} = W_0[p, 0] - W_0[p, 1]) averages d_x1 and -d_x2: at most the spread
    difference = abs(kept[0, 0] - kept[0, 1])
    assert f"{difference:.4f}" == "0.0140" and abs(difference * 1e4 % 1 - 0.5) > 0.01
    assert mh.unit_spread(history).min() >= difference
    # 6b's gated cell prints r_1, r_2 at step 0 ([bound]) and their drift over every step ([kept]); 7b points back
    assert "[kept]  random start, r_1 and r_2: largest |r(t) - r(0)| over all 500 steps: below 1e-12\n" in stored
    # the text says exactly in algebra and, in float64, to below 1e-12 ([kept]), in 7b (the Key point: kept)
    assert (r"It never changes $r_1$ or $r_2$ (exactly in algebra; in float64 to below $10^{-12}$ over the 500 steps, [kept], 6b);"
            in markdown)
    # report 02BZ: 6b derives the kept dot product and cites [kept] only after its cell; 7b's claim is about this start only
    # readers 02EQ/02EM/02EN/02EI fault 1: s_perp defined with s_perp s^T = 0 worked out
    assert r"Let $s_\perp = (1-\rho, -\rho)$, perpendicular to $s$ ($s_\perp s^\top" in markdown and "([kept], [bound], after the box)" not in markdown
    assert r"**Why training from this start cannot reach them.**" in markdown and "a start with their" not in markdown
    # report 02CS fault 3: the scope (X has rank 1) in the Key point and the Answer box
    # report 02CT fault 3: "not with independent inputs" cut (no output backs it); the reason (rank 1) kept
    assert (r"Training keeps $r_1$ and $r_2$ (each column of $W_0$ moves only along $s$, as every input row is a multiple of "
            r"$s$: $X$ has rank 1); the random start's $r_1 \ne r_2$ forbids a tie (6b)." in markdown.split("## Key points")[1])
    # report 02CX fault 2 (the lead's decision): the independent-inputs sentence cut (no run backs "not kept")
    assert "independent inputs" not in markdown
    # report 02DS fault 7 (the lead's decision): the bound is about W_0 alone; the W_1 gap keeps this run's spread higher,
    # at the training cell's printed smallest spread (0.4666676: "0.4667 or more" would be false by 3e-6)
    # report 02EB fault 6: "cannot tie", with what backs it in float64 ([kept], 500 steps)
    assert (r"The random start cannot tie ($r_1 - r_2$ is kept: exactly in algebra, in float64 to $10^{-12}$ over the 500 steps, [kept]): its "
            r"spread stays at least $|r_1 - r_2| = 0.0140$ (here the $W_1$ gap keeps it at $0.4666676$ or more within 500 steps: 6b's training printout)."  # report 02EK fault 1: the gap is read in 6b's box  # 02DV fault 5
            in markdown.split("**Answer to the question.**")[1])
    assert "smallest 0.4666676, largest 1.0593224" in stored
    assert "never change," not in markdown
    moves = np.diff(history.weights[0], axis=0)  # (T - 1, 2, 2): every step's change
    # the weights differ by steps of 1e-3 .. 1e-9; each step is a difference of two weights, good to about 1e-16
    np.testing.assert_allclose(moves[:, 0, :], A / (1 - A) * moves[:, 1, :], rtol=1e-9, atol=1e-15)


def test_section_8_first_step_change_of_the_slope(stored):
    expected = {0.1: ("0.82", "0.0372473", "0.0365846"), 0.3: ("0.58", "0.0322290", "0.0317603"),
                0.5: ("0.50", "0.0305562", "0.0301522")}
    for a, (factor, measured_text, first_text) in expected.items():
        case_a = cases.linear_2_2_1(a=a)
        start = case_a.network()
        x = case_a.X.sum(axis=1)
        G = np.mean((start.predict(case_a.X)[:, 0] - case_a.Y[:, 0]) * x)
        c0 = mh.effective_slope(start, a)
        assert c0 == 0.5
        measured = mh.effective_slope(case_a.train(start.copy(), iterations=1)[0], a) - c0
        # first order, derived independently: sum over weights of (dc/dw by finite differences) * (-lr dC/dw)
        dW = start.gradients(case_a.X, case_a.Y, loss=case_a.loss)[0]
        eps = 1e-7
        first_order = 0.0
        for l, W in enumerate(start.weights):
            for index in np.ndindex(W.shape):
                bumped = start.copy()
                bumped.weights[l][index] += eps
                first_order += (mh.effective_slope(bumped, a) - c0) / eps * -case_a.lr * dW[l][index]
        squares = a**2 + (1 - a) ** 2
        formula = -case_a.lr * G * (squares * 0.5 + 0.5)
        second = case_a.lr**2 * G**2 * squares * c0
        assert first_order == pytest.approx(formula, rel=1e-5)
        assert measured == pytest.approx(formula + second, rel=1e-12)
        assert [f"{squares:.2f}", f"{measured:.7f}", f"{formula:.7f}"] == [factor, measured_text, first_text]
        assert f"{G:.4f}" == "-0.4020"
        K_text = {0.1: "0.91", 0.3: "0.79", 0.5: "0.75"}[a]  # report 02CR fault 1: K = 0.5 S + 0.5 at the start
        assert f"{squares * 0.5 + 0.5:.2f}" == K_text
        lines = (f"rho = {a}: S = {factor}, K = 0.5 S + 0.5 = {K_text}, G = -0.4020\n"
                 f"rho = {a}: the first step changes c by {measured_text}; the first-order formula gives {first_text}\n"
                 f"rho = {a}: their difference is the eta^2 term (to 1e-12): True")
        assert lines in stored


def test_section_6_the_random_start_only_nearly_ties(trained, stored):
    """Under section 6's figure: the random start's incoming weights cross two steps apart, the outgoing weights far
    apart there, and the weights move at most 0.0043 after step 100."""
    W0, W1 = trained["random"][1].weights
    passes = [int(np.argmax(W0[:, p, 0] < W0[:, p, 1])) for p in (0, 1)]
    assert passes == [19, 17]
    assert np.all(W0[:passes[0], 0, 0] > W0[:passes[0], 0, 1]) and np.all(W0[passes[0]:, 0, 0] < W0[passes[0]:, 0, 1])
    gap = W1[passes[0], 0, 0] - W1[passes[0], 1, 0]
    assert f"{gap:+.4f}" == "-0.4680" and abs(W0[passes[0], 0, 0] - W0[passes[0], 0, 1]) > 1e-3  # not near a boundary
    assert ("[crossings] random start: W_0[0, 0] and W_0[0, 1] change order between steps 18 and 19;\n"
            "            W_0[1, 0] and W_0[1, 1] between steps 16 and 17;\n"
            "            at step 0: d_x1 = +0.1823, d_x2 = +0.3787, d_x2 / d_x1 = 2.08;\n"
            "            smallest spread at step 17\n") in stored
    # report 02DH fault 4: the open text's "at every step ([crossings])" backed by a line outside the fold
    # report 02DI fault 5 (the lead's decision): its own tag, [spread = gap], apart from the folded [crossings]
    assert "[spread = gap] random start: the spread is the W_1 gap |W_1[0, 0] - W_1[1, 0]| at every step of this run: True\n" in stored
    # every step, with a margin: the W_1 gap exceeds both incoming pairs' differences by at least 0.17
    spread = mh.unit_spread(trained["random"][1])
    W1_gap = np.abs(W1[:, 0, 0] - W1[:, 1, 0])
    assert np.array_equal(spread, W1_gap) and np.all(W1_gap - np.abs(W0[:, :, 0] - W0[:, :, 1]).max(axis=1) > 0.17)


def test_section_9_zero_start_never_moves(case, stored):
    assert "every weight 0: the largest |dC/dW| over the six weights is 0.0" in stored
    net = case.network().init_constant(0.0)
    dW, _ = net.gradients(case.X, case.Y, loss=case.loss)
    assert all(np.all(g == 0.0) for g in dW)
    _, history = case.train(net)
    assert all(np.all(W == 0.0) for W in net.weights) and np.all(history.loss == history.loss[0])


def test_section_9_explorer_verdicts(case, markdown, trained, stored):
    for label, (net, _) in trained.items():
        line = mh.tied_verdict(mh.tied_units(net))
        assert line == {"constant": "layer 1: 2 units tied in 1 group", "random": "no tied units"}[label]
        assert f"the explorer's verdict line after training from the {label} start: {line}" in stored
    from mlp_helpers import widgets

    explorer = widgets.init_explorer(case)
    verdict = next(w for w in _walk(explorer) if "bph-verdict" in getattr(w, "_dom_classes", ()))
    toggle = next(w for w in _walk(explorer) if getattr(w, "options", None) == ("constant", "random"))
    assert verdict.value == "layer 1: 2 units tied in 1 group"
    assert f"after training from the constant start: {verdict.value}\n" in stored
    toggle.value = "random"
    assert verdict.value == "no tied units"
    assert f"after training from the random start: {verdict.value}\n" in stored
    # report 02BZ: the text points to the printed verdicts, not to a widget a static reader cannot see
    assert "and read the verdict line (both printed below)." in markdown and "the verdict line reads" not in markdown


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_one_letter_per_thing_after_the_table(nb):
    """After section 0 quotes the question and section 2's table translates it, the split is rho (the card's a is
    an activation), observation i is written x[i], y[i], y'[i] (the card's subscripts are unit numbers), and the
    question's hidden units are z_{a1}, z_{a2} wherever the page names them."""
    texts = [c.source for c in nb.cells if c.cell_type == "markdown"]
    table = next(k for k, t in enumerate(texts) if t.startswith("## 2."))
    assert r"| $a$ | $\rho$ |" in texts[table]
    assert r"| $x_{i1}$, $y_i$, $y'_i$, $L_i$ | $x_1[i]$" in texts[table]
    split_a = re.compile(r"\(1 ?- ?a\)|\ba\^2|\ba\s*/|\ba\\,|\$a\s*=|\$a\$|s_0|s_1")
    by_observation = re.compile(r"\b[xyL]'?_\{?i|x_\{i[12]\}|(?<!sum)_i\b")
    for text in texts[table + 1:]:
        maths = " ".join(a or b for a, b in re.findall(r"\$\$(.+?)\$\$|\$(.+?)\$", text, re.S))
        assert not split_a.search(maths), split_a.search(maths)
        assert not by_observation.search(maths), by_observation.search(maths)
    code = ast.parse("\n".join(c.source for c in nb.cells if c.cell_type == "code"))
    assert "rho" in {node.id for node in ast.walk(code) if isinstance(node, ast.Name)}
    assert "a" not in {node.id for node in ast.walk(code) if isinstance(node, ast.Name)}  # `a=` keywords stay
    assert any("$z_{a1}$ and\n$z_{a2}$" in t or "$z_{a1}$ and $z_{a2}$" in t for t in texts[:table])  # the figure's names
    hint = next(t for t in texts if t.startswith("**Exercise 1.**"))
    assert "$z_{a2}$" in hint and " $a_2$" not in hint


def test_report_02BZ_order_and_placement(nb, markdown):
    """Report 02BZ: each 6a check prints right under the formula it checks; section 5's figure places its crossing
    labels as the two name diagrams do; x[i] as one number is declared in section 1, where x = x_1 + x_2 appears."""
    cells = nb.cells
    for tag, before in (("[G]", "So $G = 0$ exactly at $c = c^*$ ([G] checks the product)."),
                        ("[G u]", r"[G u] checks item 3 against backprop, [parabola] item 4."),
                        ("[B]", "[B], below, prints both, positive.")):
        (k,) = [i for i, c in enumerate(cells) if c.cell_type == "code" and f'print(f"{tag} ' in c.source]
        if tag == "[B]":  # report 02CO fault 5: a one-line lead marks [B] as the optional box's check
            assert cells[k - 1].source == "Optional: [B], for the box above."
            k -= 1
        assert cells[k - 1].cell_type == "markdown" and cells[k - 1].source.rstrip().split("\n")[-1].endswith(
            before if tag != "[B]" else "</details>") and before in cells[k - 1].source
        assert sum(f'print(f"[' in line for line in cells[k + (tag == "[B]")].source.splitlines()) == 1  # one check per cell
    # report 02CC fault 5: 6a's list (items 1 to 4) ends before its two checks, [G u] then [parabola] (each its own
    # cell); "Where a step moves W_0 (S)" is its own paragraph after them
    (k,) = [i for i, c in enumerate(cells) if c.cell_type == "code" and 'print(f"[parabola] ' in c.source]
    assert 'print(f"[G u] ' in cells[k - 1].source and "[G u] checks item 3" in cells[k - 2].source
    assert "\n4. Integrate" in cells[k - 2].source and "1. Every weight acts on $C$" in cells[k - 2].source
    assert cells[k + 1].source.startswith(r"**Where a step moves $W_0$ ($S$).** By $\partial c/\partial W_0[p,j]")
    (source,) = [c.source for c in cells if c.cell_type == "code" and "highlight_edges" in c.source]
    assert 'crossing_labels="inputs"' in source
    one = markdown.split("## 1.")[1].split("## 2.")[0]
    assert "**Departure from the card:** $x[i] = x_1[i] + x_2[i]$ is one number, not a row of $X$." in one
    assert markdown.index("## 1.") < markdown.index("$x[i]") and "**Departures" not in markdown
    assert r"**Departure from the card:** $\ell[i]$ is the loss ($L$ counts layers on the card)." in markdown.split("## 2.")[1]


def test_sections_0_and_2_put_crossing_labels_away_from_the_crossing(nb):
    """Both name diagrams place each crossing edge's label near one of its units, off the crossing, so no
    sentence has to say which label is which."""
    calls = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines()
             if "plots.draw_network(net" in line and "highlight_edges" not in line]
    # report 02CE fault 6: figure 1 (the question's names) asks for 0.2, so x_2's thick edge shows between x_2 and the
    # w121 label (at 0.3 of the edge) instead of a stub under the label's box; both labels still off the crossing
    # report 02DG fault 6: the question's crossing labels moved along their edges toward their inputs (0.3; the layout
    # stops the w121 box at 0.25, off x_2) in a figure as wide as section 2's, so neither box touches the other
    # crossing edge (checked below); x_2's thick edge still shows between x_2 and the w121 label
    # report 02DH fault 9 (the lead's decision): both crossing labels a little toward the middle of their edges (0.28),
    # w121 clear of x_2's end of its thick edge, still clear of the other crossing edge (checked below)
    assert len(calls) == 2 and "crossing_spread=0.22" in calls[0] and "crossing_spread=0.22" in calls[1]
    for i, j in ((0, 1), (1, 0)):
        assert plots._label_position(i, j, 2, 2, 0.22, "inputs") == pytest.approx(0.28)
    fig, ax = plt.subplots(figsize=(6.2, 3.6), layout="constrained")
    plots.draw_network(cases.linear_2_2_1(a=0.3).network().init_random(seed=0), notation="regression_question", ax=ax,
                       label_size=13, crossing_spread=0.22, crossing_labels="inputs", opaque_labels=True)
    fig.canvas.draw()
    texts = {t.get_gid(): t for t in ax.texts if (t.get_gid() or "").startswith("wlabel:0:")}
    lines = {ln.get_gid(): ln for ln in ax.lines if (ln.get_gid() or "").startswith("w:0:")}
    (x0, x1), _ = lines["w:0:1:0"].get_data()  # x_2 -> h_1 (the question's w121)
    assert (texts["wlabel:0:1:0"].get_position()[0] - x0) / (x1 - x0) == pytest.approx(0.3)  # the layout keeps the box off x_2
    renderer = fig.canvas.get_renderer()
    for label, other in (("wlabel:0:0:1", "w:0:1:0"), ("wlabel:0:1:0", "w:0:0:1")):  # each crossing label, the other edge
        box = texts[label].get_bbox_patch().get_window_extent(renderer)
        ends = lines[other].get_transform().transform(np.column_stack(lines[other].get_data()))
        points = np.linspace(ends[0], ends[1], 2000)
        gaps = np.hypot(np.maximum.reduce([box.x0 - points[:, 0], points[:, 0] - box.x1, np.zeros(len(points))]),
                        np.maximum.reduce([box.y0 - points[:, 1], points[:, 1] - box.y1, np.zeros(len(points))]))
        assert gaps.min() - lines[other].get_linewidth() * fig.dpi / 72 / 2 > 10  # pixels clear of the other edge
    plt.close(fig)
    for i, j in ((0, 1), (1, 0)):  # the two crossing edges of a 2-2 layer: labels at 0.2 or 0.8 of the edge
        assert abs(plots._label_position(i, j, 2, 2, crossing_spread=0.3) - 0.5) == pytest.approx(0.3)
    # crossing_labels="inputs" (these two figures only): both near the input their edge leaves, one high, one low
    sources = [c.source for c in nb.cells if c.cell_type == "code" and "plots.draw_network(net, notation=" in c.source
               and "highlight_edges" not in c.source]
    assert len(sources) == 2 and all('crossing_labels="inputs"' in s for s in sources)
    # report 02BU: a thick edge under a crossing label tinted its box; both name diagrams ask for opaque white boxes
    # (notebook 02 only: the default stays 85% opaque, so the other notebooks' figures do not change)
    assert all("opaque_labels=True" in s for s in sources)
    # report 02CB fault 3: section 5's path figure (highlight_edges) puts its labels on white as well
    path_figure = [c.source for c in nb.cells if c.cell_type == "code" and "highlight_edges" in c.source]
    assert len(path_figure) == 1 and "opaque_labels=True" in path_figure[0]
    for opaque, alpha in ((True, 1.0), (False, 0.85)):
        fig, ax = plt.subplots()
        plots.draw_network(cases.linear_2_2_1().network().init_random(seed=0), notation="regression_question", ax=ax,
                           crossing_spread=0.3, crossing_labels="inputs", opaque_labels=opaque)
        boxes = [t.get_bbox_patch() for t in ax.texts if (t.get_gid() or "").startswith("wlabel:")]
        assert len(boxes) == 6 and all(b.get_alpha() == alpha and b.get_facecolor()[:3] == (1.0, 1.0, 1.0) for b in boxes)
        plt.close(fig)
    for i, j in ((0, 1), (1, 0)):
        assert plots._label_position(i, j, 2, 2, 0.3, "inputs") == pytest.approx(0.2)
    fig, ax = plt.subplots()
    plots.draw_network(cases.linear_2_2_1().network().init_random(seed=0), notation="card", ax=ax, crossing_spread=0.3,
                       crossing_labels="inputs")
    labels = {t.get_gid(): t.get_position() for t in ax.texts if (t.get_gid() or "").startswith("wlabel:0:")}
    (x_a, y_a), (x_b, y_b) = labels["wlabel:0:0:1"], labels["wlabel:0:1:0"]  # from x_1 (top) and from x_2 (bottom)
    assert y_a > 0.1 > -0.1 > y_b and abs(x_a - x_b) < 0.2  # the middle of the two inputs is y = 0
    plt.close(fig)
    with pytest.raises(ValueError, match="crossing_labels"):
        plots.draw_network(mh.MLP([2, 2, 1]), crossing_labels="outputs")
    # the key says what thickness means on the two name diagrams, and not where thickness marks a path (section 5)
    keyed = [c.source for c in nb.cells if c.cell_type == "code" and "plots.sign_key(" in c.source]
    assert len(keyed) == 3 and [("thickness=True" in s) for s in keyed] == [True, True, False]
    assert "plots.sign_key(ax, path=True)" in keyed[2]
    fig, ax = plt.subplots()
    assert [t.get_text() for t in plots.sign_key(ax, thickness=True).get_texts()] == [
        "positive weight", "negative weight", "thickness \u221d |w|"]
    assert len(plots.sign_key(ax).get_texts()) == 2
    # report 02CC fault 8: where thickness marks a path, the key says so, with thin colour samples
    key = plots.sign_key(ax, path=True)
    assert [t.get_text() for t in key.get_texts()] == ["positive weight", "negative weight", "thick, boxed: the path"]
    assert [h.get_linewidth() for h in key.legend_handles] == [1.5, 1.5, 4.5]
    plt.close(fig)


def test_section_8a_every_split_draws_the_same_data(case, stored):
    # 8a's first line: every split draws the same x and y (only the split of x differs)
    x = case.X.sum(axis=1)
    for a in (0.1, 0.3, 0.5, 0.7, 0.9):
        other = cases.linear_2_2_1(a=a)
        assert np.allclose(other.X.sum(axis=1), x) and np.array_equal(other.Y, case.Y)
        assert np.allclose(other.X[:, 0], a * x) and np.allclose(other.X[:, 1], (1 - a) * x)
    assert "[same data] the same x and y at every rho: True" in stored


def test_each_prediction_has_its_own_name_so_section_3_reruns_after_6b(nb):
    """6b's prediction must not overwrite section 3's: re-running section 3's checks after 6b still prints them."""
    import re
    assigned = [re.findall(r"^(my_\w*prediction) = ", c.source, re.M) for c in nb.cells if c.cell_type == "code"]
    assert [names for names in assigned if names] == [["my_sign_prediction"], ["my_tie_prediction"]]
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "my_prediction" not in code
    for name, marker in (("my_sign_prediction", "finite difference d ell/dy'"), ("my_sign_prediction", "C after the correct step (y' - y)"),
                         ("my_tie_prediction", "predicted = ")):
        (source,) = [c.source for c in nb.cells if c.cell_type == "code" and marker in c.source]
        assert name in source


@pytest.mark.parametrize("marker, shown, waiting", [
    ("finite difference d ell/dy'", ("finite difference d ell/dy'",), "in the cell above first"),  # the predict-first check
    ("C after the correct step (y' - y)", ("C after the correct step (y' - y)", "[first order]", "[20 steps]"), "two cells up first"),  # which sign goes downhill
])
def test_section_3_prints_only_after_a_prediction(nb, marker, shown, waiting):
    """Section 3's two gated cells print only once my_sign_prediction holds both a step and a size."""
    import contextlib
    import io
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and marker in c.source]
    case = cases.linear_2_2_1(a=A)
    net = case.network().init_random(seed=0)
    for my_sign_prediction, shows in ((..., False), ("raise", False), ({"step": "raise", "size": "..."}, False),
                                      ({"step": "raise"}, False), ({"sign": "y' - y", "step": "raise"}, False),
                                      ({"step": "raise", "size": "about as much"}, True)):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(source, {"case": case, "net": net, "linreg": linreg, "mh": mh, "my_sign_prediction": my_sign_prediction})
        assert all((text in out.getvalue()) is shows for text in shown)
        assert (waiting in out.getvalue()) is not shows


def test_report_02CQ_letters_numpy_and_the_timed_start(case, net, markdown, stored):
    """Report 02CQ faults 2, 4 and 6: q and g in 6a's letters table (seed 0's printed values, section 5); the float64
    tie's "same order of additions" stated as what numpy does here, confirmed by the check; section 8 times only the
    constant start, because the random start keeps seed 0's weights at every rho, so its c at step 0 differs with rho."""
    # report 02CZ fault 3: no g after section 5 (the table writes the derivative out)
    assert (r"| $q$; $\partial C/\partial W_0[0,j]$ | the question's formula; the correct one | 5 | $+0.1981$; $+0.0750$, $-0.0507$ |"
            in markdown.split("### 6a.")[0])
    assert "$g$" not in markdown.split("## 6.")[1]
    q = linreg.question_gradients(net, case.X, case.Y)
    g, _ = net.gradients(case.X, case.Y, loss=case.loss)
    assert (f"{q[0, 0]:+.4f}", f"{q[0, 1]:+.4f}", f"{g[0][0, 0]:+.4f}", f"{g[0][0, 1]:+.4f}") == (
        "+0.1981", "+0.1981", "+0.0750", "-0.0507")
    assert ("and numpy does both units' sums in the same order (another order could round them "
            "differently).") in markdown  # report 02DT fault 3: no "not a guarantee"  # report 02DK fault 2: in the Verdict  # report 02CY fault 5  # report 02CW fault 6: moved from the gated print to a folded box  # report 02CT fault 5: in 6b's gated output, where the predict-first is answered
    assert (r"Only the constant start is timed: seed 0's weights give $c = s\,W_0 W_1$ a different start "
            r"at each $\rho$ (8a's table).") in markdown
    starts = [cases.linear_2_2_1(a=rho).network().init_random(seed=0) for rho in (0.1, 0.3, 0.5, 0.7, 0.9)]
    assert all(np.array_equal(W, V) for n in starts[1:] for W, V in zip(n.weights, starts[0].weights))
    slopes = [mh.effective_slope(n, rho) for n, rho in zip(starts, (0.1, 0.3, 0.5, 0.7, 0.9))]
    assert min(np.diff(slopes)) > 0.01  # five different starting c


def test_report_02CU_box_draw_prompt_and_exercise_1_expansion(nb, net, markdown, stored):
    """Report 02CU faults 1, 4, 6 and 7: 8b's letters table names the box's letters; section 0's draw setting is
    printed ([draw], from init_random's default scale and the fan-in); section 3's prompt says which cell answers it;
    y' expanded per path (which shows dy'/dW_0[1, 1] at a glance) only after Exercise 1's checks."""
    import inspect
    eight_b = markdown.split("### 8b.")[1].split("## 9.")[0]
    # report 02CX fault 3: phi cut (the factor in words); report 02CY fault 2: Q defined in 8b's box, not 7b
    # report 02DE faults 1 and 8: tau in the table; report 02DG fault 1: Q moved from "Why slowest" into 8b's box
    # Final placement (the lead, round 8 after reports 02DQ/02DR): Q, K_rho, M_rho are defined in 8b's box only, not in its letters table.
    depth, outside = 0, []  # 8b's text outside every (nested) <details> box
    for part in re.split(r"(<details>|</details>)", eight_b):
        depth += {"<details>": 1, "</details>": -1}.get(part, 0)
        outside.append(part if depth == 0 and part != "</details>" else "")
    outside = "".join(outside)
    assert "Letters since section 7:" in outside and "**Why slowest" in outside and "Plan" not in outside
    for letter in ("Q", r"K_\rho", r"M_\rho"):
        assert letter not in outside, letter
    assert inspect.signature(net.init_random).parameters["scale"].default is None
    assert all(n_in == 2 for n_in, _ in net.weight_shapes)  # fan-in 2 in both layers: one standard deviation
    # report 02CW fault 7: both layers' scale (each fan-in 2 here)
    # report 02DB fault 7: no package detail (scale=None) in the line; fan-in explained where it first appears
    assert (f"[draw] init_random: normal, mean 0, standard deviation 1/sqrt(fan-in): "
            f"W_0 1/sqrt(2) = {1 / np.sqrt(2):.2f}, W_1 1/sqrt(2) = {1 / np.sqrt(2):.2f}\n") in stored
    assert (r"standard deviation $1/\sqrt{\text{fan-in}}$, fan-in = 2 (each layer has two inputs): [draw])." in markdown
            and "scale=None" not in stored and markdown.index("fan-in") == markdown.index(r"{\text{fan-in}}") + 7)
    assert 'Write both in the next cell; the cost cell after the $\\Delta C$ formula answers.' in markdown  # report 02CZ fault 7; 02EB fault 5
    assert "<details><summary>The derivative (open after the finite-difference cell)</summary>" in markdown
    expansion = r"x_2\,\big(W_0[1,0]W_1[0,0] + W_0[1,1]W_1[1,0]\big)"
    cells = nb.cells
    last_check = max(i for i, c in enumerate(cells) if c.cell_type == "code" and "check_gradient_answer(" in c.source)
    before = "".join(c.source for c in cells[:last_check + 1])
    assert expansion not in before and r"(1-\rho)\,\big(W_0[1,0]W_1[0,0]" not in before
    assert r"c = s\,W_0\,W_1" in before  # the compact form stays in section 4
    assert expansion in "".join(c.source for c in cells[last_check + 1:] if "**After Exercise 1**" in c.source)


def test_report_02CW_independent_inputs_the_explorer_and_the_behind_figure(nb, markdown):
    """Report 02CW faults 5, 2 and 1: what still holds with independent inputs (one-line derivation: column j of W_0's
    gradient is W_1[j, 0] X^T (y' - y) / m); the explorer's controls named for a static reader; 8b's |c - c*| figure
    from 8a's runs, in the [steps] / [behind] cell under the main text's claim."""
    # report 02CX fault 2: the independent-inputs sentence cut; the scope (rank 1) stays; report 02CZ fault 6 (the
    # lead's decision): back, with the formula that backs it
    assert (r"*Rank 2.* The bound rests on $X$ having rank 1: with rank 2, column $j$ of $W_0$ moves along "
            r"$W_1[j,0]\,\frac1m\sum_i (y'[i] - y[i])\,X[i]^\top$, whose direction changes from step to step, so $r_1$, $r_2$ "
            r"need not be kept ([rank 2]).") in markdown  # report 02DC fault 2: backed by a 20-step run on X of rank 2
    # report 02CY fault 3: the bound stated beside r_1, r_2, before the figure that calls it one
    # report 02DP fault 2 (the lead's decision): numbered steps 1-3 like 6a's (basis; a multiple of s^T; the average)
    # readers 02EQ/02EM/02EN/02EI fault 1: the /S split moved to an optional box, so this is item 2 of 3
    assert (r"2. $r_1 - r_2 = (1-\rho)\,d_{x_1} - \rho\,d_{x_2}$ is a weighted average of $d_{x_1}$ and $-d_{x_2}$, so "
            r"$|r_1 - r_2| \le \max(|d_{x_1}|, |d_{x_2}|) \le$ spread ([bound]).") in markdown
    assert markdown.index(r"\le$ spread ([bound]).") < markdown.index("Circles mark a pair's lines crossing")
    # report 02CZ fault 1 (the lead's decision): 6b's discussion opens with the result, in bold, citing [kept], [bound]
    # report 02DE fault 3: why this vector: perpendicular to s, the part of each column the data never sees
    # report 02DG fault 2 (the lead's decision): shorter sentences, and a column of W_0 as its data part u_j along s
    # plus its perpendicular part r_j along s_perp = (1 - rho, -rho) (same squared length S): checked below at seed 0
    # report 02DX fault 1 (the lead's decision): one plain sentence says what r_1, r_2 are, before item 1
    # report 02DZ fault 1 (the lead's decision): what they are for, first (no answer: the floor's value prints after
    # the prediction, and "never"/"cannot tie" stay out of the open text)
    # report 02EA fault 1 (the lead's decision): the bold lead, the definitions and items 1-3 first; the floor after item 3
    # readers 02EQ/02EM/02EN/02EI fault 1 (overrides 02DX/02EA's layout): the main path is the bold lead, the sentence,
    # s_perp with s_perp s^T = 0, the r_1, r_2 display, then items 1-3; the /S split in the optional box
    assert (r"**Training keeps two numbers, $r_1$ and $r_2$.**" "\n"
            r"They are what no step changes in $h_1$'s, $h_2$'s incoming "
            r"weights: every step moves $W_0[:, j]$ along $s$ (6a)." "\n"
            r"Let $s_\perp = (1-\rho, -\rho)$, perpendicular to $s$ ($s_\perp s^\top = (1-\rho)\rho - \rho(1-\rho) = 0$), and" "\n"
            r"$$r_1 = s_\perp W_0[:,0] = (1-\rho)\,W_0[0,0] - \rho\,W_0[1,0], \qquad r_2 = s_\perp W_0[:,1] .$$" "\n"
            r"1. A step adds") in markdown
    # report 02DH fault 1 (the lead's decision): W_0[:, j] counts j from 0 and u_1, u_2, r_1, r_2 from 1 (like h_1, h_2),
    # so no u_j or r_j: the two columns written out (02DD fault 5: no r_{j+1} either)
    assert (r"<details><summary>Optional: $u_1$ and $r_1$ together give $W_0[:,0]$ ($u_2$ and $r_2$: $W_0[:,1]$)</summary>" "\n\n"
            r"$s_\perp$ has the same squared length $S$ as $s$. "
            r"Each column of $W_0$ is a part along $s$ ($u_1$, $u_2$) plus a part along $s_\perp$:" "\n"
            r"$$W_0[:,0] = \big(u_1\,s^\top + r_1\,s_\perp^\top\big)/S, \qquad W_0[:,1] = \big(u_2\,s^\top + r_2\,s_\perp^\top\big)/S .$$" "\n") in markdown
    # report 02DR fault 2, 02DQ fault 4 (the lead's decision): the /S in a few words, with the check
    assert ("\n" r"""Why $/S$: $s\,s^\top = s_\perp s_\perp^\top = S$, $s\,s_\perp^\top = 0$ (check: $s\,W_0[:,0] = u_1$, """
            r"""$s_\perp W_0[:,0] = r_1$).""" "\n\nCheck (constant start):") in markdown
    # report 02DW fault 3 (the lead's decision): section 4 says once that column j of W_0 is h_{j+1}'s; report 02DX
    # fault 7: without u_{j+1}, used there before u_1, u_2 are defined (the u_1 formula pairs column 0 with u_1)
    assert "u_j" not in markdown and "r_j" not in markdown and "u_{j+1}" not in markdown and "r_{j+1}" not in markdown
    section_4 = markdown.split("## 4.")[1].split("## 5.")[0]
    assert (r"where $p$ (row) counts inputs and $j$ (column) hidden units, from 0: column $j$ of $W_0$ feeds $h_{j+1}$. "
            r"From here on $j$ means this, not $w_{ij1}$'s $j$.") in section_4
    assert section_4.index("feeds $h_{j+1}$") < section_4.index(r"u_1 = \rho\,W_0[0,0] + (1-\rho)\,W_0[1,0]")
    assert (r"$$r_1 = s_\perp W_0[:,0] = "
            r"(1-\rho)\,W_0[0,0] - \rho\,W_0[1,0], \qquad r_2 = s_\perp W_0[:,1] .$$") in markdown
    s_vec, s_perp = np.array([A, 1 - A]), np.array([1 - A, -A])
    W0_seed0 = cases.linear_2_2_1(a=A).network().init_random(seed=0).weights[0]
    S_vec = s_vec @ s_vec
    assert s_vec @ s_perp == pytest.approx(0, abs=1e-15) and s_perp @ s_perp == pytest.approx(S_vec, rel=1e-15)
    np.testing.assert_allclose(W0_seed0, (np.outer(s_vec, s_vec @ W0_seed0) + np.outer(s_perp, s_perp @ W0_seed0)) / S_vec,
                               rtol=1e-12)
    nine = markdown.split("## 9.")[1].split("## Key points")[0]
    for control in ("start from", "every weight =", "seed", "learning rate", "steps", "play", "show step"):
        assert f"**{control}**" in nine
    from mlp_helpers import widgets
    explorer = widgets.init_explorer(cases.linear_2_2_1(a=A))
    described = {getattr(w, "description", None) for w in _walk(explorer)}
    assert {"start from", "every weight =", "seed", "learning rate", "steps", "play", "show step"} <= described
    steps_cell = next(c for c in nb.cells if c.cell_type == "code" and "[steps] constant start" in c.source)
    assert "ax.semilogy(np.abs(slopes[rho_r] - c_star)" in steps_cell.source and "plots.show(fig)" in steps_cell.source
    assert sum("image/png" in o.get("data", {}) for o in steps_cell.outputs) == 1


def test_report_02DB_in_these_runs_full_batch_and_the_inset(nb, markdown, case):
    """Report 02DB faults 3, 8 and 5: the answer says "in these runs" (6b's float64 box: not a guarantee); full-batch
    defined where it is used (case.train uses every observation at every step); the inset's axes labelled."""
    answer = next(c.source for c in nb.cells if c.cell_type == "markdown" and "**Answer to the question.**" in c.source)
    assert "Tied units stay tied (6b's Verdict, Exercise 2)." in answer  # report 02DS fault 6: "in these runs" in the Verdict
    assert len(case.X) == 20
    assert ("(`case.train`: full-batch gradient descent, every step uses all 20 observations; $\\eta = 0.1$)"
            in markdown) and markdown.count("full-batch") == 1
    figure = next(c.source for c in nb.cells if c.cell_type == "code" and "inset = ax.inset_axes(" in c.source)
    assert 'inset.set_xlabel("step"' in figure and 'inset.set_ylabel("max $|d|$"' in figure


def test_report_02DC_kept_exactly_rank_2_the_check_and_c_below_c_star(nb, markdown, stored, case):
    """Report 02DC faults 1, 2, 3 and 6: r_j's change written out (exactly 0, not to first order); a short run with
    x_2's values reversed (X of rank 2) moves r_1; 8b's first-step check is not labelled optional; [K] prints c < c*."""
    # report 02DD fault 5: r_1 and r_2 written out, no r_{j+1}
    assert "r_{j+1}" not in markdown
    # readers 02EQ/02EM/02EN/02EI fault 1: item 1 now; s_perp s^T = 0 is worked out where s_perp is defined
    assert (r"1. A step adds $-\eta\,G\,W_1[j,0]\,s^\top$ to $W_0[:, j]$ (6a), so $r_1$ or $r_2$ changes by" "\n"
            r"$$-\eta\,G\,W_1[j,0]\;s_\perp s^\top = 0,$$" "\nexactly, not only to first order ([kept]: drift below $10^{-12}$).\n") in markdown  # 02DV fault 6
    assert "[kept]  random start, r_1 and r_2: largest |r(t) - r(0)| over all 500 steps: below 1e-12" in stored
    assert markdown.index("6a. ") < markdown.index(r"s^\top$ to $W_0[:, j]$ (6a)")  # G and 6a's step come first
    # the run: 20 steps (milliseconds) from seed 0 with x_2's values reversed; r_1 moves by -0.0880, far from a rounding
    # edge of the 3 printed decimals, while the rank-1 data keep it to below 1e-12 ([kept])
    X2 = np.column_stack([case.X[:, 0], case.X[::-1, 1]])
    assert np.linalg.matrix_rank(X2) == 2 and np.linalg.matrix_rank(case.X) == 1
    net = case.network().init_random(seed=0)
    r1 = [(1 - A) * net.weights[0][0, 0] - A * net.weights[0][1, 0]]
    for _ in range(20):
        dW, _ = net.gradients(X2, case.Y, loss=case.loss)
        net.set_params([W - case.lr * g for W, g in zip(net.weights, dW)])
        r1.append((1 - A) * net.weights[0][0, 0] - A * net.weights[0][1, 0])
    drift = r1[-1] - r1[0]
    assert -0.0885 < drift < -0.0875
    assert ("[rank 2] x_2's values in reverse order (X of rank 2), seed 0, 20 steps: r_1 moves by -0.088\n") in stored
    assert stored.index("[kept]  random start") < stored.index("[rank 2]") < stored.index("[no tie] every")
    # fault 3: the check the main text's reason rests on ("the check above") is plain, not optional
    assert "*Check*, three $\\rho$ at every weight 0.5" in markdown and "*Optional check*" not in markdown
    # report 02DL fault 1 (the lead's decision): the one main-text line cites the check at c = 0.5
    # report 02DN fault 4: at c = 0.5 (the check above) and at c* ([steps]), every c in the box
    # report 02DP fault 1 (the lead's decision): the sentence cites at most two places; the tied units' K and c instead
    # report 02DR fault 1 (the lead's final placement): that line, which needs Q's drift ([K]), now in the box only
    assert "every $c$: box)" not in markdown and r"at a given $c$, $K$ is almost set by $S$" not in markdown
    # fault 6: c < c* at every step of the 5 constant-start runs (the last steps, within rounding of c*, left out)
    assert "[K] the factor 1 - eta mean(x^2) K in (0, 1) at every step: True\n[K] c < c* at every step until |c - c*| < 1e-12: True\n" in stored
    x = case.X.sum(axis=1)
    c_star = mh.least_squares_slope(x, case.Y)
    for a in (0.1, 0.3, 0.5, 0.7, 0.9):
        case_a = cases.linear_2_2_1(a=a)
        _, history = case_a.train(case_a.network())
        c = mh.slope_history(history, a)
        assert np.all(c[np.abs(c - c_star) >= 1e-12] < c_star - 1e-13)


def test_report_02DD_equal_c_the_saddles_and_the_gap_in_the_open(nb, markdown, stored, case):
    """Report 02DD faults 1, 4 and 2: [equal c] prints K of the constant-start runs at rho = 0.3 and 0.5 at equal c
    (linear between steps, c rising at every step to 165); off the saddle set a step moves u (6a's Delta u_1 =
    -eta G S W_1[0, 0]); the W_1 gap's step sits in the main text under the figures ([gap])."""
    x = case.X.sum(axis=1)
    c_star = mh.least_squares_slope(x, case.Y)
    shown_K = {}
    # report 02DW fault 6 (the lead's decision): rho = 0.1 too (8a's run, no new training), each run read to its own
    # steps ([steps]: 128, 153, 165), where c rises at every step
    for a, reach in ((0.1, 128), (0.3, 153), (0.5, 165)):
        case_a = cases.linear_2_2_1(a=a)
        _, history = case_a.train(case_a.network())
        c = mh.slope_history(history, a)[:reach + 1]  # to the step where this run reaches c*
        K = np.array([linreg.slope_sensitivity(case_a.network().set_params(list(W)), a) for W in zip(*history.weights)])[:reach + 1]
        assert np.all(np.diff(c) > 1e-8) and c[0] == pytest.approx(0.5, rel=1e-15) and c[-1] > 1.4  # np.interp's premise
        values = np.interp((0.5, 1.0, 1.4), c, K)
        assert all(abs(v * 1e3 % 1 - 0.5) > 0.01 for v in values)  # 1e-5 or more from a rounding edge of 3 decimals
        # each within 0.2% of K_rho(c) = 2 sqrt(S c^2 + Q^2) with Q at its start (the box)
        S_a = a**2 + (1 - a) ** 2
        np.testing.assert_allclose(values, [2 * np.sqrt(S_a * cc**2 + (1 - S_a) ** 2 / 16) for cc in (0.5, 1.0, 1.4)], rtol=2e-3)
        shown_K[a] = ", ".join(f"{v:.3f}" for v in values)
    assert (f"[equal c] constant start, K at c = 0.5, 1.0, 1.4 (read linearly between steps):\n          rho = 0.1: {shown_K[0.1]};  "
            f"rho = 0.3: {shown_K[0.3]};  rho = 0.5: {shown_K[0.5]}\n") in stored
    assert ("[equal c] constant start, K at c = 0.5, 1.0, 1.4 (read linearly between steps):\n          rho = 0.1: 0.910, 1.813, 2.537;  "
            "rho = 0.3: 0.790, 1.537, 2.143;  rho = 0.5: 0.750, 1.436, 1.995\n") in stored
    # the claim "K is least at rho = 0.5" holds at each printed c, against both other values
    assert all(shown_K[0.5].split(", ")[k] < shown_K[0.3].split(", ")[k] < shown_K[0.1].split(", ")[k] for k in range(3))
    # report 02DG fault 1: [equal c] cited inside the box; report 02DR fault 1: by the box's "What to keep" line
    # report 02DT fault 1 (the lead's decision, final): [equal c] printed plainly (not folded) and cited, with its
    # numbers, by the main text's "Why slowest" paragraph; the box keeps the proof
    box = markdown.split("<details><summary>Optional: why $\\rho = 0.5$ stays behind")[1].split("</details>")[0]
    why = markdown.split(r"**Why slowest at $\rho = 0.5$?**")[1].split("<details>")[0]
    assert (r"([equal c], $c = 0.5$: 0.750 against 0.790, 0.910 at $\rho = 0.3$, $0.1$), so its step toward $c^*$ is the shortest." in why
            and "[equal c]" not in box
            and r"$S\,c^2 + Q^2$ has derivative $c^2 - (1-S)/8 > 0$ in $S$, as $c \ge 0.5$, $S \ge \tfrac12$." in box)
    steps_cell = next(c for c in nb.cells if c.cell_type == "code" and "[steps] constant start" in c.source)
    assert not any("[equal c]" in str(o.get("data", {})) for o in steps_cell.outputs)  # no folded block holds it
    assert any(o.output_type == "stream" and "[equal c] constant start" in o.text for o in steps_cell.outputs)
    assert 'folded("Optional (8b\'s box): [equal c]' not in steps_cell.source
    assert r"([behind], which also checks $\rho = 0.1$, $S = 0.82$)" in box and "rho = 0.1: S = 0.82," in stored
    # fault 4: off the saddle set, one step from u = 0 with W_1 != 0 moves u (6a's step), G != 0 there (c = 0)
    # report 02DF fault 3: G != 0 at the saddles too (c = 0), so "elsewhere" needs some dc/dw != 0 as well
    # report 02DX fault 5 (the lead's decision): the example said as one: u = 0 alone is not a resting point
    assert (r"Elsewhere ($G \ne 0$ and some $\partial c/\partial w \ne 0$) a step moves the weights. For example, $u = 0$ "
            r"alone is not a resting point: with $W_1[0,0] \ne 0$, 6a gives "
            r"$\Delta u_1 = -\eta\,G\,S\,W_1[0,0] \ne 0$." "\n\n"
            # report 02DI fault 3, 02DE fault 2, 02DG fault 3, 02DH fault 2, 02DJ fault 3 (the lead's decisions): a tied
            # start drawn into a saddle, which combination shrinks and which grows (checked below), exact arithmetic only
            # report 02DN fault 1 (the lead's decision): one plain sentence and the outputs in the main text; the two
            # cases, one sign each, in an optional box; no "eigenvector"
            # report 02EB fault 3: why this start (the box's "only a start with u_1 = -sqrt(S) W_1[0, 0] goes in")
            # report 02EE fault 6: three short sentences
            r"A tied start picked on purpose is drawn into a saddle and is still there at step 500 ([into a saddle]). "
            r"Of the tied starts, only those with $u_1 = -\sqrt{S}\,W_1[0,0]$ go in, in exact arithmetic (optional box). Moved by $10^{-6}$, the same start "
            r"leaves ([leaves])." "\n\n"
            r"<details><summary>Optional: which tied starts go in</summary>" "\n\n"
            r"Tied units have $u_2 = u_1$, $W_1[1,0] = W_1[0,0]$, so $u_1$ "
            r"and $W_1[0,0]$ are the only variables ($c = 2\,u_1W_1[0,0]$). Near a saddle $c < c^*$, so $G < 0$. By 6a a "
            r"step changes $u_1$ by $-\eta\,G\,S\,W_1[0,0]$ and $W_1[0,0]$ by $-\eta\,G\,u_1$, so" "\n"
            r"$$\Delta\big(u_1 - \sqrt{S}\,W_1[0,0]\big) = \eta\,G\sqrt{S}\,\big(u_1 - \sqrt{S}\,W_1[0,0]\big), \qquad "
            r"\Delta\big(u_1 + \sqrt{S}\,W_1[0,0]\big) = -\eta\,G\sqrt{S}\,\big(u_1 + \sqrt{S}\,W_1[0,0]\big):$$" "\n"
            r"each step multiplies $u_1 - \sqrt{S}\,W_1[0,0]$ by $1 + \eta\,G\sqrt{S} < 1$ (it shrinks), and "
            r"$u_1 + \sqrt{S}\,W_1[0,0]$ by $1 - \eta\,G\sqrt{S} > 1$ (it grows unless 0)." "\n"
            r"In exact arithmetic only a start with $u_1 = -\sqrt{S}\,W_1[0,0]$ goes in. In float64 rounding may make the "
            r"growing one non-zero: a longer run may leave." "\n</details>") in markdown
    assert "eigenvector" not in markdown and r"\mp" not in markdown.split("### 7a.")[1].split("### 7b.")[0]
    S_a = A**2 + (1 - A) ** 2
    tied = case.network().set_params([np.full((2, 2), 0.01), np.full((2, 1), 0.02)])  # tied, near the origin
    for _ in range(3):  # the two combinations' factors, exactly (tied units: Delta u_1 = -eta G S W_1, Delta W_1 = -eta G u_1)
        u1, w = A * tied.weights[0][0, 0] + (1 - A) * tied.weights[0][1, 0], tied.weights[1][0, 0]
        G_t = np.mean(x**2) * (mh.effective_slope(tied, A) - c_star)
        after = case.train(tied.copy(), iterations=1)[0]
        u1_next, w_next = A * after.weights[0][0, 0] + (1 - A) * after.weights[0][1, 0], after.weights[1][0, 0]
        assert G_t < 0
        assert (u1_next - np.sqrt(S_a) * w_next) / (u1 - np.sqrt(S_a) * w) == pytest.approx(1 + case.lr * G_t * np.sqrt(S_a), rel=1e-9)
        assert (u1_next + np.sqrt(S_a) * w_next) / (u1 + np.sqrt(S_a) * w) == pytest.approx(1 - case.lr * G_t * np.sqrt(S_a), rel=1e-9)
        tied = after
    assert "measure zero" not in markdown
    W0 = np.outer([0.7, -0.3], [1.0, 2.0])  # each column a multiple of (1 - rho, -rho): u = 0
    net0 = case.network().set_params([W0, np.array([[0.4], [-0.2]])])
    s = np.array([A, 1 - A])
    np.testing.assert_allclose(s @ W0, 0, atol=1e-15)
    G = np.mean(x**2) * (mh.effective_slope(net0, A) - c_star)
    dW, _ = net0.gradients(case.X, case.Y, loss=case.loss)
    du = s @ (-case.lr * dW[0])
    np.testing.assert_allclose(du, -case.lr * G * (s @ s) * net0.weights[1][:, 0], rtol=1e-12)
    assert abs(du[0]) > 1e-3
    # fault 2: the step of the W_1 gap is 6a's -eta G (u_1 - u_2)
    net_r = case.network().init_random(seed=0)
    u = s @ net_r.weights[0]
    G_r = np.mean(x**2) * (mh.effective_slope(net_r, A) - c_star)
    dW_r, _ = net_r.gradients(case.X, case.Y, loss=case.loss)
    assert -case.lr * (dW_r[1][0, 0] - dW_r[1][1, 0]) == pytest.approx(-case.lr * G_r * (u[0] - u[1]), rel=1e-12)


def test_report_02DE_a_start_drawn_into_a_saddle(stored, case):
    """Report 02DE fault 2 (the lead's decision): a tied start with u_1 = -sqrt(S) W_1[0, 0] (Q = 0, c < 0) is drawn
    into a saddle: W_1 shrinks toward 0 and C stays at the saddle's 0.4502449. Q(t + 1) = (1 - eta^2 G^2 S) Q(t) keeps
    Q = 0, so only the rounding of -sqrt(S) 0.5 leaves a tiny Q, whose growth leaves |W_1| near 1e-7 after 500 steps:
    the printed bound 1e-4 holds with a margin of 40 for starts up to 8 ulps away."""
    assert ("[into a saddle] tied start, W_1 = 0.5, u_1 = -sqrt(S) W_1[0, 0], after 500 steps: C = 0.4502449, "
            "|W_1| < 1e-4: True, max(|u_1|, |u_2|) < 1e-4: True\n") in stored  # report 02DX fault 6: u too
    S = A**2 + (1 - A) ** 2
    start = np.full((2, 2), -np.sqrt(S) * 0.5)
    u_1 = np.array([A, 1 - A]) @ start[:, 0]
    assert 2 * u_1 * 0.5 < 0 and abs(u_1**2 - S * 0.25) < 1e-15  # c < 0, Q = 0 up to rounding
    for ulps, direction in ((0, np.inf), (8, np.inf), (8, -np.inf)):  # the start moved by 8 ulps either way
        W0 = start.copy()
        for _ in range(ulps):
            W0 = np.nextafter(W0, direction)
        _, history = case.train(case.network().set_params([W0, np.full((2, 1), 0.5)]))
        assert len(history.loss) == 501 and f"{history.loss[-1]:.7f}" == "0.4502449"
        assert abs(history.loss[-1] * 1e7 % 1 - 0.5) > 0.05  # far from a rounding edge
        assert np.all(np.abs(history.weights[1][-1]) < 2.5e-6)  # 40 times below the printed bound
        assert np.all(np.abs(np.array([A, 1 - A]) @ history.weights[0][-1]) < 2.5e-6)  # u_1, u_2 too (5e-8 at 0 ulps)


def test_report_02DH_eta_5_the_second_derivative_and_the_wording(nb, case, net, stored, markdown):
    """Report 02DH faults 3, 5, 7 and 8: section 9's learning-rate-5 question answered in a fold under the explorer;
    why C curves upward along the gradient at seed 0 (both terms of C'' positive); the behind figure's title without
    "at every step" (only [behind] checks that); the predict-first asks more, less or about as much."""
    # fault 3: from every weight 0.5 at eta = 5, C rises at every step (a few steps later float64 overflows: 4 printed)
    trial, costs = case.network(), []
    for _ in range(5):
        costs.append(mh.loss(case.loss, trial.predict(case.X), case.Y))
        g, _ = trial.gradients(case.X, case.Y, loss=case.loss)
        trial.set_params([W - 5.0 * dW for W, dW in zip(trial.weights, g)])
    printed = ", ".join(f"{C_t:.4g}" for C_t in costs)
    assert printed == "0.1975, 0.6645, 17.88, 8.295e+05, 8.227e+19"
    for C_t in costs:  # 4 significant digits, none near a rounding edge
        assert abs(C_t / 10 ** (np.floor(np.log10(C_t)) - 3) % 1 - 0.5) > 0.02
    assert all(later > earlier * 3 for earlier, later in zip(costs, costs[1:]))
    assert (f"[eta 5] every weight 0.5, learning rate 5: C at steps 0 to 4: {printed}; C rises at every step: True\n"
            in stored)
    nine = markdown.split("## 9.")[1].split("## Key points")[0]
    assert "From **constant** 0.5, does the loss still fall with learning rate 5 (answered below)?" in nine
    explorer_at = next(i for i, c in enumerate(nb.cells) if c.source.startswith("from mlp_helpers import widgets"))
    assert nb.cells[explorer_at + 1].source.startswith('with folded("Answer: constant 0.5, learning rate 5 (click to open)")')
    # fault 5: C depends only on c, so C'' = mean(x^2) (dc/dk)^2 + G d2c/dk2 with dc/dk = -G K and d2c/dk2 = 2 G^2 S c
    # (8b's eta^2 box); at seed 0 G < 0 and c < 0, so both terms are positive; their sum is section 3's C''(0)
    x = case.X.sum(axis=1)
    c_star = mh.least_squares_slope(x, case.Y)
    c0, mean_x2, S = mh.effective_slope(net, A), np.mean(x**2), A**2 + (1 - A) ** 2
    G = mean_x2 * (c0 - c_star)
    first, second = mean_x2 * (G * linreg.slope_sensitivity(net, A)) ** 2, G * 2 * G**2 * S * c0
    assert G < 0 and c0 < 0 and first > 0 and second > 0
    dW, _ = net.gradients(case.X, case.Y, loss=case.loss)
    h = 1e-3
    C_k = [mh.loss(case.loss, net.copy().set_params([W - k * g for W, g in zip(net.weights, dW)]).predict(case.X), case.Y)
           for k in (-h, 0.0, h)]
    assert (C_k[0] - 2 * C_k[1] + C_k[2]) / h**2 == pytest.approx(first + second, rel=1e-5)
    box = markdown.split("<details><summary>Optional: why the two steps differ slightly</summary>")[1].split("</details>")[0]
    # report 02DI fault 2 (the lead's decision): the reason at the end of 8b's eta^2 box, where G, S, c and the eta^2
    # term are taught; section 3's box points there
    assert "C'' = " not in box and r"Why $C''(0) > 0$: 8b's $\eta^2$ box (read after 8b)." in box
    eta2_box = markdown.split("<details><summary>Optional: the $\\eta^2$ remainder</summary>")[1].split("</details>")[0]
    assert eta2_box.rstrip().endswith(
            r"Why section 3's $C''(0) > 0$: $C$ depends only on $c$, so" "\n"
            r"$$C'' = \overline{x^2}\,\Big(\frac{dc}{d\kappa}\Big)^2 + G\,\frac{d^2c}{d\kappa^2}, \qquad "
            r"\frac{d^2c}{d\kappa^2} = 2G^2S\,c$$" "\n"
            r"(from the $\eta^2$ term, $\kappa$ for $\eta$), both positive at seed 0 ($G < 0$, $c < 0$).")
    # fault 7: the figure cannot show "every step" (the curves overlap at first): [behind] checks it
    figure = next(c.source for c in nb.cells if c.cell_type == "code" and "$10^{-6}$: reached" in c.source)
    assert 'title="constant start: $\\\\rho = 0.5$ (black) farthest from $c^*$")' in figure and "at every step after" not in figure
    # fault 8: the predict-first does not suggest the answer
    # report 02DS fault 3 (the lead's decision): "to first order", so "about as much" is the one right answer
    assert ("raise or lower $C$, and, to first order, by more, less or about as much as the correct step lowers it?") in markdown
    assert "and by about as much as" not in markdown


def test_report_02DI_the_box_fold_prints_only_after_a_prediction(nb, case):
    """Report 02DI fault 5: the crossings box's one fold ([crossings], [dips], [smallest]) prints only once predicted."""
    import contextlib
    import io
    from unittest import mock
    (source,) = [c.source for c in nb.cells if c.cell_type == "code" and 'print(f"[smallest]' in c.source]
    history = _trained_history("random")
    s = np.array([A, 1 - A])
    c_star = mh.least_squares_slope(case.X.sum(axis=1), case.Y)
    W0, W1 = history.weights
    passes = [int(np.argmax(W0[:, p, 0] < W0[:, p, 1])) for p in (0, 1)]
    turn = int(np.argmax(W1[:, 0, 0] > 0))
    c_random = np.einsum("tj,tj->t", np.einsum("p,tpj->tj", s, W0), W1[:, :, 0])
    gap = W1[:, 0, 0] - W1[:, 1, 0]
    for predicted in (False, True):
        out = io.StringIO()
        with contextlib.redirect_stdout(out), mock.patch.object(plots, "show"):  # the box cell draws the spread figure too
            exec(source, {"folded": folded, "np": np, "mh": mh, "predicted": predicted, "passes": passes, "turn": turn,
                          "W1_random": W1, "spread": mh.unit_spread(history), "plots": plots, "plt": plots.plt,
                          "case": case, "rho": A, "s": s, "mean_x2": np.mean(case.X.sum(axis=1) ** 2),
                          "d_start": W0[0, :, 0] - W0[0, :, 1], "k": 17, "W0_random": W0, "c_random": c_random,
                          "c_star": c_star, "gap": gap, "history_random": history})
        plots.plt.close("all")
        for tag in ("[crossings]", "[dips]", "[smallest]"):
            assert (tag in out.getvalue()) is predicted
        assert ("write my_tie_prediction first" in out.getvalue()) is not predicted


def test_report_02DI_a_tied_start_next_to_the_saddle_leaves(case, stored):
    """Report 02DI fault 3: the [into a saddle] start with every W_0 entry raised by 1e-6 (u_1 = u_2 up by 1e-6, still
    tied) leaves: within 500 steps C falls to C_min (0.0022719, far below 0.45), far from a rounding edge."""
    s = np.array([A, 1 - A])
    drawn = case.network().set_params([np.full((2, 2), -np.sqrt(s @ s) * 0.5), np.full((2, 1), 0.5)])
    _, history = case.train(drawn.copy().set_params([drawn.weights[0] + 1e-6, drawn.weights[1]]))
    x = case.X.sum(axis=1)
    C_min = np.mean(0.5 * (mh.least_squares_slope(x, case.Y) * x - case.Y[:, 0]) ** 2)
    assert len(history.loss) == 501 and history.loss[-1] == pytest.approx(C_min, rel=1e-6)
    assert abs(history.loss[-1] * 1e7 % 1 - 0.5) > 0.1 and history.loss[-1] < 0.01
    assert np.all(history.weights[0][-1][:, 0] == history.weights[0][-1][:, 1])  # still tied
    assert "[leaves] the same start with u_1 moved by 1e-6, after 500 steps: C = 0.0022719, below 0.45: True\n" in stored


def test_report_02DI_why_eta_5_climbs(case, stored):
    """Report 02DI fault 1: in the first step (0 -> 1) the first-order factor is -0.64 (c - c* from -0.97 to +0.62, nearer c*), but the
    eta^2 term eta^2 G^2 S c = +1.17 lands c at 3.26, c - c* = +1.79: farther than at the start. Each printed value is
    far from a rounding edge of 2 decimals; c after step 1 is exactly c + first order + eta^2 term (8b's box)."""
    x = case.X.sum(axis=1)
    c_star, mean_x2 = mh.least_squares_slope(x, case.Y), np.mean(x**2)
    net = case.network()
    c0, K0 = mh.effective_slope(net, A), linreg.slope_sensitivity(net, A)
    G, S = mean_x2 * (c0 - c_star), A**2 + (1 - A) ** 2
    factor, eta2 = 1 - 5.0 * mean_x2 * K0, 25.0 * G**2 * S * c0
    g, _ = net.gradients(case.X, case.Y, loss=case.loss)
    c1 = mh.effective_slope(net.copy().set_params([W - 5.0 * gw for W, gw in zip(net.weights, g)]), A)
    assert c1 == pytest.approx(c0 - 5.0 * G * K0 + eta2, rel=1e-12)
    assert -1 < factor < 0 and abs(factor * (c0 - c_star)) < abs(c0 - c_star) < abs(c1 - c_star)
    assert eta2 > 5.0 * G * K0 + abs(c0 - c_star) - abs(factor * (c0 - c_star))  # adds more than the first order brings nearer
    values = (factor, c0 - c_star, factor * (c0 - c_star), eta2, c1, c1 - c_star)
    assert all(abs(v * 100 % 1 - 0.5) > 0.01 for v in values)  # factor -0.63523: 2e-4 from -0.635
    assert [f"{v:+.2f}" for v in values] == ["-0.64", "-0.97", "+0.62", "+1.17", "+3.26", "+1.79"]
    # report 02EA fault 4: the card's step numbering (step 0 is the start): K at step 0, in the step from 0 to 1
    assert ("[eta 5] why: in the first step (step 0 -> 1) the factor 1 - eta mean(x^2) K is -0.64 (8b), so to first order c - c* would go "
            "-0.97 -> +0.62, nearer c*, and C fall;\n"
            "        but 8b's eta^2 term adds +1.17: c = 3.26, c - c* = +1.79, farther than at the start, so C rises;\n"
            "        K grows with |c| (8b's box), so each later step overshoots more") in stored
    # C after step 1 from 6a's parabola, as printed: 0.6645
    C_min = np.mean(0.5 * (c_star * x - case.Y[:, 0]) ** 2)
    assert f"{C_min + 0.5 * mean_x2 * (c1 - c_star) ** 2:.4g}" == "0.6645"


def test_report_02DS_the_float64_fact_before_6b_prediction(nb, markdown):
    """Report 02DS fault 4, then 02DW fault 4 (the lead's decision): the prompt asks the float64 question the
    constant-start half needs (do identical computations on identical inputs round the same way?) without answering it;
    the Verdict states the fact; nothing before the prediction gives the random-start half away (no r_1, r_2, bound,
    0.0140 or 0.4667 there)."""
    cells = nb.cells
    prompt = next(k for k, c in enumerate(cells) if "**Predict first.** Float64 rounds every operation." in c.source)
    assert cells[prompt + 1].cell_type == "code" and "my_tie_prediction" in cells[prompt + 1].source
    text = cells[prompt].source
    # report 02DW fault 4 (the lead's decision): the prompt asks the float64 question; the student answers it; the
    # Verdict (after the outputs) states the fact
    # readers 02EJ/02EM/02EO/02ER: the question "do two identical computations ... round the same way?" answered the
    # constant-start half itself; the prompt keeps only the fact that float64 rounds
    question = "**Predict first.** Float64 rounds every operation. From the constant start,"
    assert question in text and "A fact you need" not in markdown and "round the same way?" not in markdown
    before = "\n".join(c.source for c in cells[:prompt + 1] if c.cell_type == "markdown")
    for answer in ("r_1", "0.0140", "0.4667", "[bound]", "cannot tie", "never tie", "identical results", "give identical"):
        assert answer not in before
    verdict = next(k for k, c in enumerate(cells) if "<summary>Verdict (open after your prediction)" in c.source)
    assert verdict > prompt + 2 and "identical operations on identical inputs give identical results" in cells[verdict].source
    # section 3's predict-first: one right answer to first order (the Why box's), and its key text
    key = next(c.source for c in cells if c.cell_type == "code" and "my_sign_prediction = {" in c.source and "SOLUTION" in c.source)
    assert '"size": to first order, by "more", "less" or "about as much"' in key
    assert 'my_sign_prediction = {"step": "raise", "size": "about as much"}' in key
    # fault 6: the Verdict is the one place that says why tied units stay tied in float64; the others cite it
    assert markdown.count("6b's Verdict") >= 3 and markdown.count("identical results") == 1


def test_report_02EA_floor_last_inset_sketch_epsilon_departures(nb, markdown, stored, trained):
    """Report 02EA faults 1-6: 6b's floor stated after items 1-3 (r_1, r_2 defined first); the Verdict reads the inset
    (max(|d_x1|, |d_x2|) 0.0150 at step 17 against the bound 0.0140, about 0.001 apart); 8b's box a sketch checked by
    [behind]; section 5 uses notebook 01's eps = 3e-4 (a quadratic: no truncation error); d_x1, d_x2 and c_new in the list of departures."""
    block = next(c.source for c in nb.cells if c.cell_type == "markdown" and "**Training keeps two numbers" in c.source)
    assert block.startswith(r"**Training keeps two numbers, $r_1$ and $r_2$.**" "\n" "They are what no step changes")
    # readers 02EQ/02EM/02EN/02EI fault 1: items 1-3 (the /S split in the optional box that ends the cell)
    assert (r"\le$ spread ([bound])." "\n" r"3. So $|r_1 - r_2|$, a floor under the spread, stays fixed." "\n\n"
            "<details><summary>Optional:") in block and block.endswith("its $W_0[:,0]$.\n</details>")
    main_path = block.split("<details>")[0]
    for gone in ("/S", "Check (constant start)", "4. ", "same squared length"):
        assert gone not in main_path
    assert block.count("floor") == 1 and "(item 3)" not in markdown
    # the inset: W_0's pair differences at their closest to the bound, step 17 (the inset's title, [smallest], [bound])
    W0 = trained["random"][1].weights[0]  # (step, from, to)
    d_max = np.abs(W0[:, :, 0] - W0[:, :, 1]).max(axis=1)
    r = (1 - A) * W0[0, 0] - A * W0[0, 1]  # r_1, r_2 at step 0
    bound = abs(r[0] - r[1])
    assert int(d_max[12:25].argmin()) + 12 == 17 == int(d_max.argmin()) and f"{d_max[17]:.4f}" == "0.0150"
    assert f"{bound:.4f}" == "0.0140" and 0.0009 < d_max[17] - bound < 0.0011  # about 0.001 (0.00102)
    verdict = next(c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("<details><summary>Verdict"))
    box = next(c.source for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("<details><summary>Optional: rank 2"))
    assert "0.0150" not in verdict and "[spread = gap]" not in verdict  # report 02EK fault 1: in 6b's box, beside the figure
    assert ("[spread = gap]); "
            r"$W_0$'s pair differences alone come within about 0.001 of the bound (inset: 0.0150 at step 17)." "\n\n") in box
    assert "[smallest] step 17: d_x1 = +0.0150, d_x2 = -0.0116" in stored and "|r_1 - r_2| = 0.0140: True" in stored
    assert "ax.axhline(bound" in next(c.source for c in nb.cells if "inset = ax.inset_axes(" in c.source)
    assert (r"<details><summary>Optional: why $\rho = 0.5$ stays behind at every step (a first-order sketch; [behind] "
            r"checks it)</summary>") in markdown
    assert "[behind] steps 1 to 165 (rho = 0.5 reaches c*): c at rho = 0.5 below c at rho = 0.1 and at 0.3: True" in stored
    assert (r"for a quadratic, exactly $C'(w)$: no truncation error. Only rounding remains: below $10^{-9}$ here "
            r"(last line).") in markdown and r"finite differences (notebook 01's $\varepsilon = 3\cdot10^{-4}$)" in markdown
    assert "backprop = finite differences (relative error < 1e-7): True; even < 1e-9: True" in stored
    assert "eps = 3e-4  # notebook 01's; ell is quadratic in y': no truncation error (section 5)\n" in next(
        c.source for c in nb.cells if c.cell_type == "code" and "finite_difference = " in c.source)
    # readers 02EI/02EL/02EM/02EO: the note listed symbols not yet met; it now names none ahead of their sections
    assert r"**Departure from the card:** its subscript names a case (the minimum), not a unit, as several later subscripts do." in markdown \
        and r"and 8b's $K$, $M$" not in markdown


def test_report_02EB_eta2_term_named_and_seed_hint(nb, markdown, stored):
    """Report 02EB fault 2: the eta^2 term the Check cell prints is named in the main text before the cell; fault 7:
    section 9's random-seed question has a hint a student who skipped 6b's box can use."""
    check_at = next(k for k, c in enumerate(nb.cells) if c.cell_type == "code" and "eta_squared_term = " in c.source)
    before = nb.cells[check_at - 1].source.split("</details>")[-1]
    assert r"The exact change adds $\eta^2G^2S\,c$ (optional box); each $\rho$'s third line checks it." in before
    assert "eta_squared_term = case_try.lr**2 * G**2 * S_try * c0" in nb.cells[check_at].source
    assert r"s\,\Delta W_0\,\Delta W_1 = \eta^2 G^2" in markdown and r"= \eta^2 G^2 S\,c .$$" in markdown
    assert stored.count("their difference is the eta^2 term (to 1e-12): True") == 3
    nine = markdown.split("## 9.")[1].split("## Key points")[0]
    assert ("To try: does any **random** seed tie the units?" in nine
            and "<details><summary>Hint</summary>\n\nA tie needs $r_1 = r_2$ (6b): probability 0 for random draws (6b's box, *Ties*).\n</details>" in nine)
    assert "A tie needs $r_1 = r_2$ at the start, which random draws give with probability 0" in markdown
