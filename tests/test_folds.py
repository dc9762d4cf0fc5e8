"""``visual.folds.folded``: printed lines shown as one closed <details> block (plain text where HTML is not shown)."""

import pytest
from IPython.core.interactiveshell import InteractiveShell

from mlp_helpers.visual import folds


def test_the_block_prints_nothing_and_displays_its_lines_folded(capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(folds, "display", shown.append)
    print("before")
    with folds.folded("Optional: the numbers <and> why"):
        print("a = 1")
        print("b = 2")
    assert capsys.readouterr().out == "before\n"
    (block,) = shown
    assert repr(block) == "a = 1\nb = 2\n"
    assert block._repr_html_() == ("<details><summary>Optional: the numbers &lt;and&gt; why</summary>"
                                   "<pre>a = 1\nb = 2\n</pre></details>")


def test_an_error_inside_keeps_the_lines_printed_and_goes_on(capsys, monkeypatch):
    shown = []
    monkeypatch.setattr(folds, "display", shown.append)
    with pytest.raises(ZeroDivisionError):
        with folds.folded("Optional: a failing block"):
            print("computed so far")
            1 / 0
    assert capsys.readouterr().out == "computed so far\n" and shown == []


@pytest.mark.parametrize("summary", [None, "", "   ", 3])
def test_a_summary_must_be_a_non_empty_string(summary):
    with pytest.raises(TypeError, match="summary must be a non-empty str"):
        with folds.folded(summary):
            pass


def test_ipython_formats_it_as_html_and_plain_text():
    formatted, _ = InteractiveShell.instance().display_formatter.format(folds.FoldedText("s", "x\n"))
    assert formatted["text/plain"] == "x" and formatted["text/html"].startswith("<details><summary>s</summary>")
