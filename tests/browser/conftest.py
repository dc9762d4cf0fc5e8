"""Fixtures for the browser tests: a private JupyterLab, a private Notebook 7, `make present`'s
Voilà, and headless Debian chromium (see browser_env). One server of each kind for the session."""

import os
import shutil

import pytest

from browser_env import (CHROMIUM_ARGS, VIEWPORT, browser_required, record,
                         browser_unavailable_reason, find_chromium, notebooks_dir, screenshot_path)
from lab_server import LabServer
from servers import Notebook7Server, PresentServer
from tiers import FULL

BROWSER_TESTS = os.path.dirname(os.path.abspath(__file__))


def pytest_collection_modifyitems(config, items):
    """The browser tests take minutes (a JupyterLab, a Notebook 7 and a Voila server, every notebook
    run in chromium): CI runs them (BPH_FULL=1), `make test` lists them as skipped."""
    if FULL:
        return
    skip = pytest.mark.skip(reason="browser tests: run in CI, `make test-browser` and `make test-all` (BPH_FULL=1)")
    for item in items:
        if os.path.abspath(str(item.path)).startswith(BROWSER_TESTS + os.sep):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def chromium_path(request):
    reason = browser_unavailable_reason()
    if reason is None:
        return find_chromium()[0]
    if browser_required():
        pytest.fail(f"browser tests cannot run: {reason}; BPH_REQUIRE_BROWSER=1 makes this a failure",
                    pytrace=False)
    record("skipped", "browser", reason)
    pytest.skip(f"browser tests skipped: {reason} (set BPH_REQUIRE_BROWSER=1 to fail instead)")


def _serve_a_copy(server_class, tmp_path_factory, name):
    """``server_class`` serving a copy of the notebooks folder (running them never touches the originals)."""
    work = tmp_path_factory.mktemp(name)
    root = work / "notebooks"
    shutil.copytree(notebooks_dir(), root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    with server_class(root, work / "state") as server:
        yield server


@pytest.fixture(scope="session")
def lab(chromium_path, tmp_path_factory):
    """JupyterLab on a copy of the notebooks folder."""
    yield from _serve_a_copy(LabServer, tmp_path_factory, "lab")


@pytest.fixture(scope="session")
def notebook7(chromium_path, tmp_path_factory):
    """Jupyter Notebook 7 on another copy of the notebooks folder."""
    yield from _serve_a_copy(Notebook7Server, tmp_path_factory, "notebook7")


@pytest.fixture(scope="session")
def present(chromium_path, tmp_path_factory):
    """`make present`: Voilà on the repository's notebooks/present/ (it never writes a notebook)."""
    with PresentServer(tmp_path_factory.mktemp("present")) as server:
        yield server


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

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
