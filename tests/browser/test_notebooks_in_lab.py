"""Every notebook, run in JupyterLab in a real (headless) browser, as a student would run it
(test_notebooks_in_notebook7.py runs the same checks in Notebook 7).

Executing a notebook is not verifying it: a widget can fail to render, or its callback can fail
on a click, without any cell raising. These tests open each notebook, Run All, look at what the
page shows, click through every explorer, save, and reopen the saved notebook without running it
(its explorers must show their stored pictures: the widget state saved with it).
"""

import json
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_env import (FRONT_ENDS, VIEWPORT, record, browser_required, browser_timeout, notebook_paths,
                         notebooks_dir, screenshot_path)
from notebook_page import log_console_errors, log_entries, open_notebook, run_all, save, seconds_to_new_image
from notebook_page import state as page_state

NOTEBOOKS = notebook_paths()
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def code_cells(notebook):
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def stored_widget_views(notebook):
    """How many widget views the committed notebook displays at top level."""
    return sum(WIDGET_VIEW in output.get("data", {})
               for cell in code_cells(notebook) for output in cell["outputs"])


@dataclass
class NotebookRun:
    server: object       # the server (and so the front end) it ran in
    path: Path           # the committed notebook
    page: object         # the Playwright page showing it after Run All
    state: dict          # what the page showed when the run was over (see notebook_page.STATE_JS)
    saved: dict          # the notebook as JupyterLab saved it after the run
    seconds: float       # open + Run All
    console: list        # errors the page logged to the browser console (for failure messages)


def test_there_are_notebooks_to_run():
    if not NOTEBOOKS:
        if browser_required():
            pytest.fail("no notebooks in notebooks/: with BPH_REQUIRE_BROWSER=1 the browser test "
                        "must have something to run")
        pytest.skip("no notebooks in notebooks/ yet")
    assert all(path.stat().st_size > 0 for path in NOTEBOOKS)


def test_lab_serves_a_copy_of_the_notebooks_behind_a_token(lab, page):
    listing = lab.api("GET", "contents")
    served = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
    assert served == [path.name for path in NOTEBOOKS]
    assert lab.root_dir.resolve() != notebooks_dir()  # running them must not touch the originals
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{lab.base_url}/api/contents", timeout=10)
    assert refused.value.code == 403
    page.goto(lab.lab_url(), timeout=browser_timeout() * 1000)
    page.wait_for_selector("#jp-main-statusbar", timeout=browser_timeout() * 1000)
    for path in NOTEBOOKS:
        page.wait_for_selector(f'.jp-DirListing-item[title^="Name: {path.name}"]', timeout=30_000)


def ran_notebook_in(front_end):
    """The module fixture ``ran_notebook`` for one front end ("lab" or "nb7", see FRONT_ENDS): each
    notebook opened in a fresh page, every output cleared, Run All done, then saved.

    One per test file, so that pytest-xdist (which keeps a file on one worker) runs JupyterLab's
    notebooks and Notebook 7's side by side (test_notebooks_in_notebook7.py imports the checks).
    """
    @pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda path: f"{front_end}-{path.stem}")
    def ran_notebook(request, browser):
        path = request.param
        lab = request.getfixturevalue(FRONT_ENDS[front_end])  # JupyterLab or Notebook 7
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        console = []
        page.on("console", lambda message: message.type == "error" and console.append(message.text))
        page.on("pageerror", lambda error: console.append(f"uncaught: {error}"))
        try:
            started = time.monotonic()
            open_notebook(page, lab, path.name, browser_timeout())
            final = run_all(page, lab, path.name, browser_timeout())
            seconds = time.monotonic() - started
            page.screenshot(path=screenshot_path(f"{front_end}-{path.stem}-after-run-all"))
            save(page, lab.root_dir / path.name)
            saved = json.loads((lab.root_dir / path.name).read_text())
            record("timing", f"{lab.front_end}: {path.name}", seconds)
            yield NotebookRun(lab, path, page, final, saved, seconds, console)
        except Exception:
            if not page.is_closed():
                page.screenshot(path=screenshot_path(f"FAILED-{front_end}-{path.stem}-run-all"))
            raise
        finally:
            context.close()
            lab.shutdown_kernels()  # the next notebook gets the CPU

    return ran_notebook


ran_notebook = ran_notebook_in("lab")


@pytest.fixture
def notebook_run(ran_notebook, request):
    request.node.bph_page = ran_notebook.page  # for the screenshot when the test fails
    return ran_notebook


def test_runs_clean(notebook_run):
    state, saved = notebook_run.state, notebook_run.saved
    committed = json.loads(notebook_run.path.read_text())
    n_code = len(code_cells(committed))

    assert not state["errors"], "error output in the browser:\n" + "\n---\n".join(state["errors"])
    stored_errors = [f"cell {i + 1}: {o.get('ename')}: {o.get('evalue')}"
                     for i, cell in enumerate(code_cells(saved)) for o in cell["outputs"]
                     if o["output_type"] == "error"]
    assert not stored_errors, f"error outputs after Run All: {stored_errors}"
    counts = [cell["execution_count"] for cell in code_cells(saved)]
    assert counts == list(range(1, n_code + 1)), (
        f"Run All in a fresh kernel should number the cells 1..{n_code}, got {counts}")

    assert not state["unrendered"], (
        f"widgets not rendered: {state['unrendered']}; browser console errors: "
        f"{notebook_run.console[-5:]}")
    assert not state["output_errors"], f"errors inside Output widgets: {state['output_errors']}"
    expected_views = stored_widget_views(committed)
    assert state["widget_views"] == expected_views, (
        f"{state['widget_views']} widget views rendered, the committed notebook shows {expected_views}")
    assert state["empty_widget_views"] == 0, "a widget view was rendered with zero size"
    errors = log_console_errors(notebook_run.page)
    assert not errors, "errors in JupyterLab's Log Console:\n" + "\n---\n".join(errors)


# The explorer's "start from" ToggleButtons (an explorer may hold other toggle buttons too).
INIT_BUTTONS = '.widget-toggle-buttons:has(button[data-value="random"]) button.widget-toggle-button'


def _explorer_state(explorer):
    """What an explorer shows: verdict or path table, figure images and text, active toggle."""
    return explorer.evaluate("""(box, buttons) => ({
        verdict: (box.querySelector('.bph-verdict')?.innerText || '').trim(),
        table: (box.querySelector('.bph-path-table')?.innerText || '').trim(),
        images: [...box.querySelectorAll('.bph-figure img')].map((img) => img.src),
        figure_text: (box.querySelector('.bph-figure')?.innerText || '').trim(),
        active: [...box.querySelectorAll(buttons)].filter((b) => b.classList.contains('mod-active'))
            .map((b) => b.innerText.trim()),
    })""", INIT_BUTTONS)


def _wait_until(page, explorer, shows, what, action):
    """Poll the explorer (60 s at most) until ``shows(state)``; fail with what it shows instead."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        now = _explorer_state(explorer)
        if shows(now):
            return now
        if re.search(r"(^|\n)Error", now["figure_text"]) or log_entries(page):
            break
        page.wait_for_timeout(200)
    pytest.fail(f"{what}: after {action} the explorer shows verdict {now['verdict']!r}, "
                f"table {now['table'][:200]!r}, {len(now['images'])} image(s), "
                f"figure text {now['figure_text'][:300]!r}, active button {now['active']}; "
                f"Log Console errors: {log_console_errors(page)}", pytrace=False)


def _each_explorer(page, path, css, name, used):
    """Yield ``(explorer, description)`` for every explorer matching ``css``, scrolled into view."""
    explorers = page.locator(css)
    count = explorers.count()
    if used:
        assert count >= 1, f"{path.name} calls {name} but the page shows none"
    for i in range(count):
        explorer = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        what = f"{path.name}, {name} {i + 1} of {count}"
        start = _explorer_state(explorer)
        assert len(start["images"]) == 1, f"{what}: {len(start['images'])} figure images, expected 1"
        yield explorer, what, start


def _choose(page, explorer, option, verdict_pattern, old_image, what):
    """Click `option` (a label, or a pattern for an exact match) and wait until the verdict
    matches and a new single image is shown."""
    explorer.locator(INIT_BUTTONS, has_text=option).click()
    return _wait_until(
        page, explorer,
        lambda now: (re.search(verdict_pattern, now["verdict"]) and len(now["images"]) == 1
                     and now["images"][0] != old_image),
        what, f"clicking {option!r} (expected a verdict matching {verdict_pattern!r} and a new figure)")


TIED = r"tied in \d+ group"
UNTIED = r"^no tied units$"


def _check_init_explorers(page, path, used):
    """Click random then constant in every init explorer; returns how many there were."""
    count = 0
    for explorer, what, start in _each_explorer(page, path, ".bph-init-explorer", "init_explorer", used):
        count += 1
        labels = [t.strip() for t in explorer.locator(INIT_BUTTONS).all_inner_texts()]
        assert labels == ["constant", "random"], f"{what}: toggle options {labels}"
        if start["active"] != ["constant"]:  # start from the tied case so "random" is a change
            start = _choose(page, explorer, "constant", TIED, None, what)
        assert re.search(TIED, start["verdict"]), f"{what}: constant init verdict {start['verdict']!r}"
        explorer.screenshot(path=screenshot_path(f"{path.stem}-explorer{count}-constant"))

        untied = _choose(page, explorer, "random", UNTIED, start["images"][0], what)
        assert untied["active"] == ["random"]
        explorer.screenshot(path=screenshot_path(f"{path.stem}-explorer{count}-random"))

        tied = _choose(page, explorer, "constant", TIED, untied["images"][0], what)
        assert tied["active"] == ["constant"]
    return count


def _check_scale_explorers(page, path, used):
    """Notebook 05's explorer: it opens at random; constant, then random again; returns how many there were."""
    count = 0
    exactly = {option: re.compile(f"^{option}$") for option in ("constant", "random")}  # not "almost constant"
    for explorer, what, start in _each_explorer(page, path, ".bph-init-scale-explorer",
                                                "initialization_explorer", used):
        count += 1
        labels = [t.strip() for t in explorer.locator(INIT_BUTTONS).all_inner_texts()]
        assert labels == ["constant", "almost constant", "random"], f"{what}: toggle options {labels}"
        assert start["active"] == ["random"] and re.search(r"^no tied units; 0 of \d+ starts", start["verdict"]), (
            f"{what}: starts at {start['active']} with verdict {start['verdict']!r}")
        tied = _choose(page, explorer, exactly["constant"], TIED, start["images"][0], what)
        assert tied["active"] == ["constant"]
        untied = _choose(page, explorer, exactly["random"], r"^no tied units; 0 of \d+ starts",
                         tied["images"][0], what)
        explorer.screenshot(path=screenshot_path(f"{path.stem}-scale-explorer{count}-random"))
        assert untied["active"] == ["random"]
    return count


def _check_path_explorers(page, path, used):
    """Pick the last weight in every path explorer; returns how many there were."""
    count = 0
    for explorer, what, start in _each_explorer(page, path, ".bph-path-explorer", "path_explorer", used):
        count += 1
        menu = explorer.locator("select")
        last = [t.strip() for t in menu.locator("option").all_inner_texts()][-1]
        # the last weight ends in a single output, so it has exactly one path to the loss
        menu.select_option(label=last)
        _wait_until(
            page, explorer,
            lambda now: "along 1 path" in now["table"] and now["images"][:1] not in ([], start["images"]),
            what, f"choosing {last!r} (expected a one-path table and a new figure)")
        explorer.screenshot(path=screenshot_path(f"{path.stem}-path-explorer{count}-{last}"))
    return count


def _check_stalls_explorers(page, path, used):
    """Notebook 06's explorer: cross-entropy (the all-ones start now fits), then ReLU from all
    zeros (dead: never fits); returns how many there were."""
    count = 0
    for explorer, what, start in _each_explorer(page, path, ".bph-stalls-explorer", "stalls_explorer", used):
        count += 1
        assert start["active"] == ["all ones"] and start["verdict"].startswith("not within 2000 steps"), (
            f"{what}: starts at {start['active']} with verdict {start['verdict']!r}")
        explorer.locator("button.widget-toggle-button", has_text="cross-entropy").click()
        fits = _wait_until(
            page, explorer,
            lambda now: (now["verdict"].startswith("fits at step") and len(now["images"]) == 1
                         and now["images"][0] != start["images"][0]),
            what, "clicking 'cross-entropy' (expected 'fits at step ...' and a new figure)")
        explorer.screenshot(path=screenshot_path(f"{path.stem}-stalls-explorer{count}-cross-entropy"))
        explorer.locator("button.widget-toggle-button", has_text="relu").click()
        relu = _wait_until(page, explorer, lambda now: now["images"][:1] not in ([], fits["images"]), what,
                           "clicking 'relu' (expected a new figure)")
        dead = _choose(page, explorer, "all zeros", r"^not within 2000 steps; the last layer's gradient is 0",
                       relu["images"][0], what)
        assert dead["verdict"].endswith("dead hidden units at step 0: 6 of 6"), f"{what}: {dead['verdict']!r}"
        explorer.screenshot(path=screenshot_path(f"{path.stem}-stalls-explorer{count}-relu-zeros"))
    return count


ANY_EXPLORER = ".bph-init-explorer, .bph-path-explorer, .bph-init-scale-explorer, .bph-stalls-explorer"


def test_explorers_respond_to_clicks(notebook_run):
    """Every explorer in the notebook is clicked, and what it shows changes as it should."""
    page, path = notebook_run.page, notebook_run.path
    source = "".join("".join(cell["source"]) for cell in code_cells(json.loads(path.read_text())))
    clicked = _check_init_explorers(page, path, "init_explorer(" in source)
    clicked += _check_path_explorers(page, path, "path_explorer(" in source)
    clicked += _check_scale_explorers(page, path, "initialization_explorer(" in source)
    clicked += _check_stalls_explorers(page, path, "stalls_explorer(" in source)
    if not clicked:  # nothing to click is right only where the page shows no explorer either
        assert page.locator(ANY_EXPLORER).count() == 0, f"{path.name}: an explorer in the page that no check clicked"
    errors = log_console_errors(page)
    assert not errors, "clicking the explorers logged errors:\n" + "\n---\n".join(errors)


# Click in the page (or choose in the path explorer's Dropdown), then wait there until the figure's
# image changes (notebook_page.seconds_to_new_image): the time a learner waits for the picture.
CLICK = """const button = [...box.querySelectorAll(arg[0])].find((b) => b.innerText.trim() === arg[1]);
           button.click();"""
CHOOSE = """const menu = box.querySelector('select');
            menu.selectedIndex = arg;
            menu.dispatchEvent(new Event('change', {bubbles: true}));"""


# Count every new image the figure shows (a MutationObserver), to see how many slider values
# the kernel drew when the slider moved faster than it could draw.
COUNT_IMAGES_JS = """(box) => {
    const figure = box.querySelector('.bph-figure');
    window.bphImages = {count: 0, last: performance.now()};
    const seen = new Set([figure.querySelector('img')?.src]);
    new MutationObserver(() => {
        const src = figure.querySelector('img')?.src;
        if (src && !seen.has(src)) { seen.add(src); window.bphImages.count += 1; window.bphImages.last = performance.now(); }
    }).observe(figure, {subtree: true, childList: true, attributes: true});
}"""


def test_explorer_answers_a_click_quickly(notebook_run, request):
    """Click-to-new-image times of the first explorer (target: median <= 0.4 s), reported.

    Notebook 7 draws the same widgets from the same kernel as JupyterLab: there the clicks are
    timed, the burst of slider moves is not (it takes 5 s of waiting per notebook)."""
    page, path = notebook_run.page, notebook_run.path
    name = f"{notebook_run.server.front_end}: {path.name}"
    explorers = page.locator(".bph-init-explorer")
    # random and the other start in turn, the one not shown first (notebook 05 opens at random: constant
    # first; 06: random after all ones or all zeros): the first clicks train new runs, the rest show runs already seen
    for css, first, second in ((".bph-stalls-explorer", "random", "all ones"), (".bph-init-scale-explorer", "constant", "random")):
        if explorers.count() == 0 and page.locator(css).count():
            explorer = page.locator(css).first
            explorer.scroll_into_view_if_needed()
            times = [seconds_to_new_image(explorer, CLICK, [INIT_BUTTONS, first if k % 2 == 0 else second])
                     for k in range(10)]
            assert None not in times, f"{path.name}: no new image 30 s after a click"
            record("clicks", name, {"clicks": times, "burst": None})
            return
    if explorers.count() == 0:
        path_explorers = page.locator(".bph-path-explorer")
        if path_explorers.count() == 0:  # a notebook without explorers: nothing to time, and none shown
            assert page.locator(ANY_EXPLORER).count() == 0
            return
        explorer = path_explorers.first
        explorer.scroll_into_view_if_needed()
        n_options = explorer.locator("select option").count()
        times = [seconds_to_new_image(explorer, CHOOSE, k % n_options) for k in range(1, 11)]
        assert None not in times, f"{path.name}: no new image 30 s after choosing a weight"
        record("clicks", name, {"clicks": times, "burst": None})
        return
    explorer = explorers.first
    explorer.scroll_into_view_if_needed()
    times = []
    for k in range(10):  # the first two train new runs, the rest show runs already seen
        seconds = seconds_to_new_image(explorer, CLICK, [INIT_BUTTONS, "random" if k % 2 == 0 else "constant"])
        assert seconds is not None, f"{path.name}: no new image 30 s after a click"
        times.append(seconds)
    if notebook_run.server.front_end != "JupyterLab":
        record("clicks", name, {"clicks": times, "burst": None})
        return
    explorer.locator(INIT_BUTTONS, has_text="constant").click()
    # the step slider moved 30 times as fast as the keyboard repeats: how many frames are drawn?
    explorer.evaluate(COUNT_IMAGES_JS)
    handle = explorer.locator(".widget-hslider", has_text="show step").locator(".noUi-handle")
    handle.focus()
    handle.press("Home")
    page.wait_for_timeout(1500)
    explorer.evaluate("() => { window.bphImages.count = 0; }")
    start = explorer.evaluate("() => performance.now()")
    for _ in range(30):
        handle.press("ArrowRight")
    pressed = explorer.evaluate("() => performance.now()")
    page.wait_for_timeout(3000)
    drawn = explorer.evaluate("() => window.bphImages")
    record("clicks", name, {
        "clicks": times,
        "burst": (30, drawn["count"], (pressed - start) / 1000, max(0.0, (drawn["last"] - pressed) / 1000)),
    })
    assert drawn["count"] >= 1, f"{path.name}: moving the step slider drew no new image"


def _stored_figures(saved):
    """The PNGs (base64) that the saved widget state holds in the explorers' figure outputs."""
    models = saved["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    return {output["data"]["image/png"]
            for model in models.get("state", {}).values()
            if "bph-figure" in model["state"].get("_dom_classes", ())
            for output in model["state"].get("outputs", ()) if "image/png" in output.get("data", {})}


def test_a_saved_notebook_reopens_with_its_explorers_pictures(notebook_run, browser):
    """Run, save, reopen without running: every explorer shows the picture saved with it.

    The widget manager saves widget state only when its saveState setting is on: the package's
    overrides.json turns it on for JupyterLab and Notebook 7 (this server reads the installed
    file). Off, the saved outputs point at widgets the file does not hold: "Error displaying
    widget: model not found". The saved file is opened under another name, so it gets a kernel of
    its own that holds none of the run's widgets: the page can only show what the file holds
    (and the run's page and kernel stay as they are, whatever order the tests run in).
    """
    server, path = notebook_run.server, notebook_run.path
    views = stored_widget_views(notebook_run.saved)
    if not views:
        return  # nothing to keep: the notebook shows no widget
    stored = _stored_figures(notebook_run.saved)
    explorers = notebook_run.page.locator(ANY_EXPLORER).count()
    assert len(stored) >= explorers, (
        f"{path.name}: the saved file holds {len(stored)} explorer figures for {explorers} explorers; "
        "is the widget manager's saveState setting on?")
    reopened = f"reopened-{path.name}"
    (server.root_dir / reopened).write_text(json.dumps(notebook_run.saved), encoding="utf-8")
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        page.goto(server.notebook_url(reopened), timeout=browser_timeout() * 1000)
        page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=browser_timeout() * 1000)
        shown = page_state(page)
        for attempt in range(2):
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and (shown["widget_views"] < views or any(
                    "Loading widget" in text for text in shown["unrendered"])):
                page.wait_for_timeout(250)
                shown = page_state(page)
            if attempt or shown["widget_views"] >= views:
                break
            # once in a full CI run on a loaded 2-core machine (load 2.4), JupyterLab laid out none of 01's
            # restored widget views within 300 s, though the same test passes at once alone; a student would
            # reload the page, so the test does too, once, and still fails if the views stay missing
            page.reload(timeout=browser_timeout() * 1000)
            page.wait_for_selector(".jp-NotebookPanel .jp-Notebook", timeout=browser_timeout() * 1000)
            shown = page_state(page)
        if explorers:
            first = page.locator(ANY_EXPLORER).first
            # the same patience as the page's other waits: a loaded 2-core CI machine took over Playwright's default
            # 30 s to lay out 02's reopened explorer (twice in CI); a missing explorer still fails, after browser_timeout()
            first.scroll_into_view_if_needed(timeout=browser_timeout() * 1000)
            first.screenshot(path=screenshot_path(f"{server.front_end}-{path.stem}-reopened-explorer"),
                             timeout=browser_timeout() * 1000)
        assert not shown["unrendered"], f"{path.name} reopened in {server.front_end}: {shown['unrendered']}"
        assert shown["widget_views"] == views
        images = page.evaluate("""(css) => [...document.querySelectorAll(css)].map(
            (box) => [...box.querySelectorAll('.bph-figure img')].map((img) => img.src))""", ANY_EXPLORER)
        assert len(images) == explorers and all(len(found) == 1 for found in images), (
            f"{path.name} reopened: figure images per explorer {[len(found) for found in images]}")
        for (src,) in images:  # the picture saved with the file, not one drawn by a kernel
            assert src.split(",", 1)[1] in stored
    finally:
        context.close()
        (server.root_dir / reopened).unlink()
