"""Every notebook run in Jupyter Notebook 7, with the checks test_notebooks_in_lab.py makes in
JupyterLab: Run All without an error, the explorers answer clicks (timed: each click must bring a
new picture), and the notebook, saved and reopened without a kernel, shows its explorers' stored
pictures. What each click shows (verdicts, tables) is checked in JupyterLab only: the same kernel
computes it for both front ends, and checking it twice would add half a minute. For the same reason
a saved notebook is reopened here for the first notebook with an explorer only (JupyterLab reopens
every one): the widget manager and its saveState setting are the same extension and file in both.

A file of its own so that pytest-xdist, which keeps each file on one worker, runs it beside the
JupyterLab file. Notebook 7 is built from JupyterLab's notebook, menus and widget manager, so the
same page driver works (notebook_page; the kernel's state comes from the server).
"""

import json

import pytest

import test_notebooks_in_lab as in_lab
# pytest collects what is imported here, in this order (the order of the JupyterLab file)
from test_notebooks_in_lab import notebook_run, ran_notebook_in  # noqa: F401
from test_notebooks_in_lab import test_runs_clean  # noqa: F401
from test_notebooks_in_lab import test_explorer_answers_a_click_quickly  # noqa: F401

ran_notebook = ran_notebook_in("nb7")

FIRST_WITH_EXPLORER = next((path for path in in_lab.NOTEBOOKS
                            if in_lab.stored_widget_views(json.loads(path.read_text(encoding="utf-8")))), None)


def test_a_saved_notebook_reopens_with_its_explorers_pictures(notebook_run, browser):
    if notebook_run.path != FIRST_WITH_EXPLORER:
        pytest.skip(f"reopened in Notebook 7 for {FIRST_WITH_EXPLORER.name} only (JupyterLab reopens every notebook)")
    in_lab.test_a_saved_notebook_reopens_with_its_explorers_pictures(notebook_run, browser)
