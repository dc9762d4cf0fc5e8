"""Fixtures for the browser tests: a private JupyterLab and headless Debian chromium (see browser_env)."""

import os
import shutil
import statistics

import pytest

from browser_env import (CHROMIUM_ARGS, CLICK_TIMES, SCREENSHOTS, TIMINGS, VIEWPORT, browser_required,
                         browser_unavailable_reason, find_chromium, notebooks_dir, screenshot_path)
from lab_server import LabServer

#: issue 17: from a click to the new image in the page, median (reported, not asserted: speed is
#: measured, never made a test's pass condition)
CLICK_TARGET_S = 0.4

# Why the browser tests were skipped, for the line at the end of the test report.
SKIP_REASON = pytest.StashKey[str]()


@pytest.fixture(scope="session")
def chromium_path(request):
    reason = browser_unavailable_reason()
    if reason is None:
        return find_chromium()[0]
    if browser_required():
        pytest.fail(f"browser tests cannot run: {reason}; BPH_REQUIRE_BROWSER=1 makes this a failure",
                    pytrace=False)
    request.config.stash[SKIP_REASON] = reason
    pytest.skip(f"browser tests skipped: {reason} (set BPH_REQUIRE_BROWSER=1 to fail instead)")


def pytest_terminal_summary(terminalreporter, config):
    for name, seconds in config.stash.get(TIMINGS, {}).items():
        terminalreporter.write_line(f"browser: {name} opened and Run All in {seconds:.1f} s")
    for name, measured in config.stash.get(CLICK_TIMES, {}).items():
        clicks = sorted(measured["clicks"])
        median = statistics.median(clicks)
        verdict = "within" if median <= CLICK_TARGET_S else "OVER"
        burst = ""
        if measured["burst"]:
            moves, drawn, typing, after = measured["burst"]
            burst = (f"; {moves} step-slider moves in {typing:.2f} s drew {drawn} images, "
                     f"the last {after:.2f} s after the last move")
        terminalreporter.write_line(
            f"browser: {name} explorer, click to new image: median {median:.3f} s "
            f"({verdict} the {CLICK_TARGET_S} s target), min {clicks[0]:.3f} s, max {clicks[-1]:.3f} s "
            f"over {len(clicks)} clicks{burst} (load average {os.getloadavg()[0]:.2f})")
    reason = config.stash.get(SKIP_REASON, None)
    if reason:
        terminalreporter.write_line(
            f"NOTE: the browser tests in tests/browser/ were SKIPPED: {reason}. "
            "`.ci/run` installs chromium and makes this a failure.", yellow=True, bold=True)


@pytest.fixture(scope="session")
def lab(chromium_path, tmp_path_factory):
    """JupyterLab serving a copy of the notebooks folder (running them never touches the originals)."""
    work = tmp_path_factory.mktemp("lab")
    root = work / "notebooks"
    shutil.copytree(notebooks_dir(), root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    with LabServer(root, work / "state") as server:
        yield server


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    shutil.rmtree(SCREENSHOTS, ignore_errors=True)  # only this run's screenshots, no stale ones
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Take a screenshot of the page a failing browser test was looking at."""
    report = yield
    if report.when == "call" and report.failed:
        page = getattr(item, "bph_page", None)
        if page is not None and not page.is_closed():
            try:
                page.screenshot(path=screenshot_path(f"FAILED-{item.name}"))
            except Exception:  # a screenshot must never hide the real failure
                pass
    return report
