"""A student copy (notebooks/student/), opened in JupyterLab and in Notebook 7 and Run All, as a
student meets it: no error anywhere, every cell run, and the checks answering the stubs with "not yet".

The write-backprop notebook's copy (03), where the student writes the most code (six functions, each derived first with
hints folded in <details> blocks). Every copy runs top to bottom in a fresh kernel in
tests/test_student_copies.py; opening each one in the browser as well would cost as much time again as
the answer keys' browser runs.
"""

import time

import pytest
from browser_env import FRONT_ENDS, VIEWPORT, record, browser_timeout, notebooks_dir, screenshot_path
from notebook_page import log_console_errors, open_notebook, run_all

from mlp_helpers.tools import student_copies

# by its name, not its number: the course's order renumbers notebooks
COPIES = [copy for copy in student_copies.existing_copies(notebooks_dir()) if "write_backprop" in copy.name]
NOT_YET = r"/\bnot yet\b|\bno answer yet\b/i"
# What the copy of notebook 03 shows after Run All: every text output, and its folded hints.
SHOWN_JS = """
(panel) => {
  const root = document.querySelector(panel);
  const outputs = [...root.querySelectorAll('.jp-OutputArea-output')].map((el) => (el.textContent || '').trim());
  const details = [...root.querySelectorAll('.jp-RenderedMarkdown details')];
  return {outputs, hints: details.length, open: details.filter((d) => d.open).length,
          summaries: details.map((d) => (d.querySelector('summary') || {}).textContent || '')};
}
"""
CHECK_CELLS = 6  # check_layer_forward ... check_backward
GUARDED_CELLS = 9  # the "ready" cell and 8 cells that run the functions once they pass (tests/test_notebook_03.py counts the same)
HINTS = 16  # 2 + 2 + 3 + 3 + 3 + 3
REVEALS = 5  # the "After you ..." blocks: open the table, read the tables, think it through, decide, run the cell (1)
ASIDES = 10  # "Check value (open after you write it)" in exercise 3, "Check value (open after item 3)" and "Check item 5 (open after you write it)" in exercise 4, "Item 3a's hint (open after fold A, if stuck)" in exercise 5, "Optional: why 4e-10, why five points" in exercise 6, "Check your count", "Optional: the count for any network" and "What the counts show (open after you count)" in exercise 7, "Optional: in float32, 999 updates or 1000?" in 7a, "Hint" in 7c


@pytest.mark.parametrize("front_end", FRONT_ENDS)
@pytest.mark.parametrize("copy", COPIES or [None], ids=lambda p: p.stem if p else "no-copies-yet")
def test_student_copy_runs_and_its_checks_say_not_yet(copy, front_end, request):
    if copy is None:
        # Nothing to open only while no answer key holds a solution block (test_student_copies
        # fails when a key has one but its copy is missing).
        assert student_copies.expected_copies(notebooks_dir()) == {}
        return
    lab, browser = request.getfixturevalue(FRONT_ENDS[front_end]), request.getfixturevalue("browser")
    relative = f"{student_copies.STUDENT_DIR}/{copy.name}"
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        started = time.monotonic()
        open_notebook(page, lab, relative, browser_timeout())
        final = run_all(page, lab, relative, browser_timeout())
        record("timing", f"{lab.front_end}: {relative}", time.monotonic() - started)
        page.screenshot(path=screenshot_path(f"{front_end}-student-{copy.stem}-after-run-all"))
        assert not final["errors"], "error output in the browser:\n" + "\n---\n".join(final["errors"])
        assert all(any(ch.isdigit() for ch in prompt) for prompt in final["prompts"]), (
            f"Run All stopped early: prompts {final['prompts']}")
        assert page.evaluate(f"() => {NOT_YET}.test(document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)').innerText)"), (
            "no check cell says 'not yet'")
        if copy.name.startswith("03_"):
            shown = page.evaluate(SHOWN_JS, ".jp-NotebookPanel:not(.lm-mod-hidden)")
            checks = [t for t in shown["outputs"] if t.startswith("Not yet: ") and "NotImplementedError" in t]
            guarded = [t for t in shown["outputs"] if t.startswith("not yet: this cell runs your functions")]
            assert len(checks) == CHECK_CELLS, shown["outputs"]
            assert len(guarded) == GUARDED_CELLS, shown["outputs"]
            assert not any("Correct" in t for t in shown["outputs"])
            # the hints are there, folded until the student opens them
            assert shown["hints"] == HINTS + REVEALS + ASIDES and shown["open"] == 0, shown
            hints = [text for text in shown["summaries"] if text.startswith("Hint ")]
            reveals = [text for text in shown["summaries"] if text.startswith("After you ")]
            assert len(hints) == HINTS and len(reveals) == REVEALS, shown["summaries"]
        errors = log_console_errors(page)
        assert not errors, f"errors in {lab.front_end}'s Log Console:\n" + "\n---\n".join(errors)
    finally:
        context.close()
        lab.shutdown_kernels()
