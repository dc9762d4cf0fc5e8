"""Driving one notebook in JupyterLab or Notebook 7 through Playwright, and reading what the page shows.

The selectors are JupyterLab 4 / ipywidgets 8 DOM, checked with jupyterlab 4.6.6, notebook 7.6.5,
jupyterlab_widgets 3.0.17 and Debian's chromium. Notebook 7 is built from JupyterLab's notebook,
menus and widget manager, so the same selectors and menu labels work there; it has no status bar
(the kernel's state is asked from the server) and no Log Console status item (``log_entries`` is
then 0: a callback's error still shows in the explorer's output, which the tests read).
"""

import json
import re
import time

PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# What the page shows, read in one pass so the answers belong to the same moment.
#   prompts:       the input prompt of every code cell ("[3]:", "[*]:", "[ ]:")
#   idle:          the status bar says the kernel is idle
#   errors:        text of stderr outputs that are tracebacks (a warning is stderr too, but no error)
#   widget_views:  top-level widget views (cell outputs holding a rendered widget)
#   unrendered:    widget outputs showing "Loading widget..."/"Error displaying widget", and the
#                  error view ipywidgets draws when a view fails ("Click to show javascript error.")
#   output_errors: text inside Output widgets that starts with "Error" (callbacks report so)
STATE_JS = """
(panel) => {
  const root = document.querySelector(panel);
  if (!root) return null;
  const text = (el) => (el.innerText || el.textContent || '').trim();
  const prompts = [...root.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(text);
  const stderr = [...root.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')].map(text);
  const errors = stderr.filter((t) => /Traceback \\(most recent call last\\)|^\\W*\\w+(Error|Exception)\\b|\\n\\w+(Error|Exception): /.test(t));
  const top = [...root.querySelectorAll('.jp-Cell-outputArea > .jp-OutputArea-child > .jp-OutputArea-output')];
  // A widget view's root carries .jupyter-widgets or a widget-* class (ToggleButtons: only that).
  const widgetViews = top.filter((el) => el.querySelector(
    ':scope > .jupyter-widgets, :scope > [class*="widget-"]'));
  const unrendered = [...root.querySelectorAll('.jp-OutputArea-output')].map(text).filter(
    (t) => /Error displaying widget|Loading widget\\.\\.\\./.test(t) && t.length < 500).concat(
    [...root.querySelectorAll('.jupyter-widgets-error-widget')].map(
      (el) => 'widget view failed to render: ' + text(el)));
  const outputErrors = [...root.querySelectorAll('.widget-output')].map(text).filter(
    (t) => /^Error|\\nError|Traceback/.test(t));
  const status = document.querySelector('#jp-main-statusbar');
  return {
    prompts,
    idle: !!status && /\\bIdle\\b/.test(text(status)),
    errors,
    widget_views: widgetViews.length,
    empty_widget_views: widgetViews.filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width === 0 || box.height === 0;
    }).length,
    unrendered,
    output_errors: outputErrors,
  };
}
"""


class NotebookRunError(AssertionError):
    """The notebook did not open or did not finish running in the browser."""


def state(page):
    return page.evaluate(STATE_JS, PANEL)


def log_entries(page):
    """How many entries the Log Console holds (its status-bar item says "N log entries")."""
    item = page.locator(".jp-LogConsoleStatusItem .jp-StatusBar-GroupItem")
    title = item.first.get_attribute("title") if item.count() else None
    found = re.search(r"(\d+) log entries", title or "")
    return int(found.group(1)) if found else 0


def log_console_errors(page):
    """Error entries of the Log Console: kernel output tied to no cell, e.g. the traceback of an
    exception raised in a widget callback, which no cell output ever shows."""
    if log_entries(page) == 0:
        return []
    page.click(".jp-LogConsoleStatusItem")
    page.wait_for_selector(".jp-LogConsolePanel .jp-OutputArea-child", timeout=30_000)
    entries = page.locator(".jp-LogConsolePanel .jp-OutputArea-child:has("
                           '[data-log-level="error"], [data-log-level="critical"])')
    return [text[-1500:] for text in entries.all_inner_texts()]


def kernel_idle(page, server, current):
    """Whether the notebook's kernel is idle: JupyterLab's status bar says so (``current``, a
    ``state``), or, in a front end without one, the server does."""
    if server.front_end == "JupyterLab":
        return bool(current and current["idle"])
    return server.kernels_idle()


def click_menu(page, menu, item):
    """Click `menu` in the menu bar, then its entry `item` (both matched by their exact label)."""
    page.locator(f'.lm-MenuBar-itemLabel:text-is("{menu}")').click()
    page.locator(f'.lm-Menu-itemLabel:text-is("{item}")').click()


def open_notebook(page, server, relative_path, timeout_s):
    """Open the notebook in the server's front end and wait until its kernel is idle."""
    page.goto(server.notebook_url(relative_path), timeout=timeout_s * 1000)
    page.wait_for_selector(f"{PANEL} .jp-Notebook", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if page.query_selector(".jp-Dialog"):
            raise NotebookRunError(
                f"{relative_path}: {server.front_end} opened a dialog instead of a kernel "
                f"({page.inner_text('.jp-Dialog')[:200]!r}); does the notebook carry a kernelspec?")
        if kernel_idle(page, server, state(page)):
            return
        time.sleep(0.25)
    raise NotebookRunError(f"{relative_path}: the kernel was not idle {timeout_s} s after opening")


def run_all(page, server, relative_path, timeout_s):
    """Clear every output, Run All, and wait until the run is over; returns the final state.

    Clearing first turns every prompt into "[ ]", so a number in a prompt afterwards can only
    come from this run. The run is over when no cell is queued ("[*]"), the kernel is idle, and
    either every code cell has a number or an error stopped the run (JupyterLab and Notebook 7
    then leave the remaining cells unnumbered).
    """
    click_menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        "(panel) => [...document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputPrompt')]"
        ".every((p) => !/\\d/.test(p.textContent))", arg=PANEL, timeout=30_000)
    click_menu(page, "Run", "Run All Cells")
    deadline = time.monotonic() + timeout_s
    current = state(page)
    while time.monotonic() < deadline:
        current = state(page)
        queued = any("*" in p for p in current["prompts"])
        numbered = all(any(ch.isdigit() for ch in p) for p in current["prompts"])
        if not queued and (numbered or current["errors"]) and kernel_idle(page, server, current):
            return _settled(page)
        time.sleep(0.25)
    raise NotebookRunError(f"{relative_path}: Run All had not finished after {timeout_s} s; "
                           f"prompts {current['prompts']}, kernel idle: {kernel_idle(page, server, current)}")


def _settled(page, timeout_s=30):
    """The state once widget views have stopped loading: they render after the kernel answered."""
    page.wait_for_timeout(500)
    deadline = time.monotonic() + timeout_s
    current = state(page)
    while time.monotonic() < deadline and any("Loading widget" in t for t in current["unrendered"]):
        page.wait_for_timeout(250)
        current = state(page)
    return current


def save(page, disk_path, timeout_s=30):
    """Save the notebook (Ctrl+S) and wait until its file on disk has been rewritten."""
    before = disk_path.stat().st_mtime_ns
    page.press(f"{PANEL} .jp-Notebook", "Escape")
    page.press(f"{PANEL} .jp-Notebook", "Control+s")
    deadline = time.monotonic() + timeout_s
    while disk_path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise NotebookRunError(f"{disk_path.name}: Ctrl+S did not save within {timeout_s} s")
        time.sleep(0.1)
    page.wait_for_function(
        "() => !document.querySelector('.lm-TabBar-tab.jp-mod-current.jp-mod-dirty')",
        timeout=timeout_s * 1000)
    # the server may have opened the file (a new mtime) but not yet written all of it; Notebook 7 has no
    # tab bar whose dirty mark would tell: wait until the file on disk is a whole notebook again
    while True:
        try:
            json.loads(disk_path.read_text(encoding="utf-8"))
            return
        except ValueError:
            if time.monotonic() > deadline:
                raise NotebookRunError(f"{disk_path.name}: the saved file was not whole within {timeout_s} s") from None
            time.sleep(0.1)


def seconds_to_new_image(explorer, act, arg=None):
    """Run ``act`` in the page (JavaScript statements that see the explorer's element as ``box``
    and ``arg``), then wait there, every 5 ms, until the explorer's figure shows another image.

    Returns the seconds from the action to the new image (kernel and browser included: what a
    learner waits), or None when none came within 30 s.
    """
    return explorer.evaluate(f"""async (box, arg) => {{
        const image = () => box.querySelector('.bph-figure img')?.src;
        const before = image();
        const start = performance.now();
        {act}
        while (image() === before || image() === undefined) {{
            if (performance.now() - start > 30000) return null;
            await new Promise((resolve) => setTimeout(resolve, 5));
        }}
        return (performance.now() - start) / 1000;
    }}""", arg)
