"""Printed lines shown folded: a block of supporting numbers the main text does not need, closed until clicked.

    with folded("Optional: the curvature at ten steps"):
        print(...)

In JupyterLab, Notebook 7 and Voila the lines appear as one HTML ``<details>`` block under its summary; where
HTML is not shown (a terminal, nbval's text comparison) they are the plain printed text.
"""

import contextlib
import html
import io

from IPython.display import display


class FoldedText:
    """``text`` under a closed ``summary``: HTML ``<details>``, plain ``text`` as its repr."""

    def __init__(self, summary, text):
        self.summary, self.text = summary, text

    def _repr_html_(self):
        return (f"<details><summary>{html.escape(self.summary, quote=False)}</summary>"
                f"<pre>{html.escape(self.text, quote=False)}</pre></details>")

    def __repr__(self):
        return self.text


@contextlib.contextmanager
def folded(summary):
    """Collect what the ``with`` block prints and show it as one ``FoldedText``; if the block raises, its lines are
    printed as they are (nothing is lost) and the error goes on."""
    if not isinstance(summary, str) or not summary.strip():
        raise TypeError(f"summary must be a non-empty str (the fold's visible line), got {summary!r}")
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            yield
    except BaseException:
        print(buffer.getvalue(), end="")
        raise
    display(FoldedText(summary, buffer.getvalue().rstrip("\n") + "\n"))
