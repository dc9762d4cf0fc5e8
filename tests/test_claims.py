"""Prose cannot drift from outputs: every number a notebook's text states is one it computes.

A number in a notebook's markdown with 3 or more significant digits (outside ``$$...$$`` blocks,
fenced code and code spans) must appear in one of that notebook's outputs or in its code: as the
same digits, or as an output's number rounded to the digits the prose gives (prose may say 0.976
where an output prints 0.97592). And the learners' questions are never called "seed 00x" in
anything a student or a teacher reads.
"""

import ast
import json
import math
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
READ_BY_PEOPLE = sorted(
    [ROOT / "README.md", *(ROOT / "notebooks").glob("*.md"), *(ROOT / "notebooks").rglob("*.ipynb")],
)

# 14575, 0.9759, 4.5e-8, 1.2 \times 10^{-3} (only the mantissa counts), 14,575 (thousands separators)
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE][-+]?\d+)?(?![\w])")
DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.S)
FENCED = re.compile(r"```.*?```", re.S)
CODE_SPAN = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)")  # file names and anchors in links are not claims
HTML_TAG = re.compile(r"<[^>]+>")
INDEX = re.compile(r"[_^](?:\{[^}]*\}|\d+)")  # w_{121}, a^2: indices in maths, not quantities


def significant_digits(text):
    """3 for "0.00975" or "159", 1 for "2000" (trailing zeros of a whole number do not count)."""
    whole, _, fraction = text.replace(",", "").partition(".")
    digits = (whole + fraction).lstrip("0")
    return len(digits if fraction else digits.rstrip("0"))


def numbers_in(text):
    """``(token, value, decimals)`` for each number written in ``text``."""
    found = []
    for match in NUMBER.finditer(text):
        token = match.group(0)
        mantissa = match.group(1) + (match.group(2) or "")
        exponent = token[len(mantissa):]
        value = float(mantissa.replace(",", "") + exponent)
        decimals = len(match.group(2)) - 1 if match.group(2) else 0
        found.append((token, mantissa, value, decimals, bool(exponent)))
    return found


def prose(notebook):
    """The notebook's markdown with display maths, fenced code, code spans, links' targets, HTML
    tags and the indices of symbols (subscripts, superscripts) removed."""
    text = "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown")
    for pattern in (DISPLAY_MATH, FENCED, CODE_SPAN, LINK_TARGET, HTML_TAG, INDEX):
        text = pattern.sub(" ", text)
    return text


def computed_text(notebook):
    """Everything the notebook computes or writes as code: its code and its text outputs."""
    parts = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        parts.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            if "text" in output:
                parts.append("".join(output["text"]))
            for mime, value in output.get("data", {}).items():
                if mime.startswith("text/"):
                    parts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(parts)


def claimed_numbers(notebook):
    """The numbers of 3 or more significant digits in the notebook's prose, with their context."""
    text = prose(notebook)
    claims = []
    for match in NUMBER.finditer(text):
        token = match.group(0)
        mantissa = match.group(1) + (match.group(2) or "")
        if significant_digits(mantissa) >= 3:
            context = text[max(0, match.start() - 40):match.end() + 40].replace("\n", " ")
            claims.append((token, context))
    return claims


def backed(token, computed_tokens, computed_values):
    """True when ``token`` is among the computed tokens, or some computed value rounds to it."""
    plain = token.replace(",", "")
    if plain in computed_tokens:
        return True
    (_, mantissa, value, decimals, has_exponent), = numbers_in(token)
    for number in computed_values:
        if has_exponent:
            if number != 0 and math.isclose(number, value, rel_tol=0.5 * 10 ** -(significant_digits(mantissa) - 1)):
                return True
        elif round(abs(number), decimals) == round(value, decimals):
            return True
    return False


def unbacked_claims(notebook):
    computed = computed_text(notebook)
    found = numbers_in(computed)
    tokens = {token.replace(",", "") for token, *_ in found}
    values = [value for _, _, value, _, _ in found]
    return [(token, context) for token, context in claimed_numbers(notebook) if not backed(token, tokens, values)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_number_in_the_prose_is_computed_by_the_notebook(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    missing = unbacked_claims(notebook)
    assert not missing, f"{path.name}: numbers in the text that no output or code of the notebook shows:\n" + "\n".join(
        f"  {token!r} in ...{context}..." for token, context in missing
    )


def test_the_claims_test_catches_a_drifted_number():
    notebook = {"cells": [
        {"cell_type": "markdown", "source": ["It fits at step 14575, near 0.976, after $$10000$$ steps `1234`; $w_{121}$."]},
        {"cell_type": "code", "source": ["steps = fit()"], "outputs": [{"output_type": "stream", "text": ["14575 0.97592\n"]}]},
    ]}
    assert unbacked_claims(notebook) == []
    notebook["cells"][0]["source"] = ["It fits at step 14576, near 0.977."]
    assert [token for token, _ in unbacked_claims(notebook)] == ["14576", "0.977"]


def test_significant_digits():
    assert [significant_digits(t) for t in ("0.00975", "159", "2000", "0.5", "14,575", "1.25", "10.0")] == [3, 3, 1, 1, 5, 3, 3]


@pytest.mark.parametrize("path", READ_BY_PEOPLE, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_questions_are_never_called_seeds(path):
    text = path.read_text(encoding="utf-8")
    hits = [m.group(0) for m in re.finditer(r"(?i)seeds? ?0\d\d(?:/0\d\d)?", text)]
    assert not hits, f"{path.relative_to(ROOT)} calls a learner's question a seed: {sorted(set(hits))}"


def docstrings(path):
    """Every docstring of one module: what help() shows a student."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))]
    return [text for text in map(ast.get_docstring, nodes) if text]


@pytest.mark.parametrize("path", sorted((ROOT / "mlp_helpers").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_help_never_calls_a_question_a_seed(path):
    hits = [m.group(0) for text in docstrings(path) for m in re.finditer(r"(?i)seeds? ?0\d\d(?:/0\d\d)?", text)]
    assert not hits, f"a docstring of {path.relative_to(ROOT)} calls a learner's question a seed: {sorted(set(hits))}"
