"""`make present`: Voilà serving the presentation notebooks, as a teacher uses it on a projector.

One Voilà for the session (the ``present`` fixture). The listing page must offer every notebook
in notebooks/present/; each page must show its explorer with no code, no error and no answer,
its LaTeX typeset offline, and fit 1280x720 and 1024x768 without a scrollbar; a click must bring
a new picture. How long a page takes to be ready (target 5 s) and a click to answer (target
0.4 s) are measured and reported, never a pass condition.

The checks know no explorer by name: an explorer is any element whose class is
``bph-...-explorer`` holding a ``.bph-figure`` image, clicked through its toggle buttons or its
menu, so a new presentation notebook needs no change here.
"""

import time

import pytest
from browser_env import PROJECTOR_VIEWPORTS, browser_timeout, presentation_paths, record, screenshot_path
from notebook_page import seconds_to_new_image

PRESENTATIONS = presentation_paths()

EXPLORER = '[class*="bph-"][class*="-explorer"]'

# Everything the page shows that a presentation must not: code, errors, answers, raw LaTeX, and
# boxes that scroll (the page itself, or a table squeezed into a scrolling box).
PAGE_JS = """(explorer) => {
  const text = (el) => (el.innerText || '').trim();
  const body = text(document.body);
  const scrolls = (el) => {
    const style = getComputedStyle(el);
    return (el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(style.overflowY))
        || (el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(style.overflowX));
  };
  return {
    explorers: document.querySelectorAll(explorer).length,
    images: [...document.querySelectorAll(explorer + ' .bph-figure img')].map((img) => img.src),
    code: document.querySelectorAll('.jp-CodeCell .jp-InputArea, .jp-CodeMirrorEditor, .cm-content').length,
    errors: [...document.querySelectorAll(
        '[data-mime-type="application/vnd.jupyter.stderr"], .jp-RenderedText[data-mime-type*="error"]')]
        .map(text).concat(/There was an error when executing cell|Traceback|Error displaying widget/.test(body)
                          ? [body.slice(0, 300)] : []),
    answers: /\\bCorrect\\b|BEGIN SOLUTION|YOUR ANSWER/.test(body),
    raw_latex: /\\$[^$]+\\$/.test(body),
    typeset: document.querySelectorAll('mjx-container, .MathJax').length,
    scrolling: [...document.querySelectorAll('*')].filter(scrolls).map(
        (el) => `${el.tagName}.${el.className} ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`),
    bottom: Math.max(...[...document.querySelectorAll(explorer + ', .jp-Cell')].map(
        (el) => el.getBoundingClientRect().bottom)),
    height: innerHeight,
  };
}"""

# Click the explorer: a toggle button that is not active, or the next entry of its menu.
CLICK_ANYTHING = """const buttons = [...box.querySelectorAll('button.widget-toggle-button')];
    if (buttons.length) {
      buttons.find((b) => !b.classList.contains('mod-active')).click();
    } else {
      const menu = box.querySelector('select');
      menu.selectedIndex = (menu.selectedIndex + 1) % menu.options.length;
      menu.dispatchEvent(new Event('change', {bubbles: true}));
    }"""


def wait_for_listing(page, names, tries=5):
    """Wait until the listing page shows every name in ``names``, reloading it between tries.

    The first page of a fresh server builds its listing; on a loaded machine that first answer can
    come back incomplete and never update, so a wait on one page alone can hang until the timeout.
    The tries share browser_timeout() between them."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError  # here: collecting needs no playwright

    per_try = browser_timeout() * 1000 / tries
    for attempt in range(tries):
        try:
            for name in names:
                page.wait_for_selector(f"text={name}", timeout=per_try)
            return
        except PlaywrightTimeoutError:
            if attempt == tries - 1:
                raise
            page.reload(timeout=browser_timeout() * 1000)


def test_the_listing_page_offers_every_presentation_notebook(present, browser):
    context = browser.new_context(viewport=PROJECTOR_VIEWPORTS[0])
    try:
        page = context.new_page()
        page.goto(present.page_url(""), timeout=browser_timeout() * 1000)
        wait_for_listing(page, [path.name for path in PRESENTATIONS])
        page.screenshot(path=screenshot_path("voila-listing"))
        listed = page.locator(".jp-DirListing-item, li, a").all_inner_texts()
        offered = sorted({name for name in (text.strip() for text in listed) if name.endswith(".ipynb")})
        assert offered == [path.name for path in PRESENTATIONS], f"the listing shows {offered}"
    finally:
        context.close()


@pytest.mark.parametrize("path", PRESENTATIONS, ids=lambda path: path.stem)
def test_a_presentation_page_fits_a_projector_and_answers_a_click(present, browser, path):
    context = browser.new_context(viewport=PROJECTOR_VIEWPORTS[0])
    try:
        page = context.new_page()
        started = time.monotonic()
        page.goto(present.page_url(f"{path.name}"), timeout=browser_timeout() * 1000)
        # ready: Voilà has run the notebook and the explorer shows its first picture
        page.wait_for_selector(f"{EXPLORER} .bph-figure img", timeout=browser_timeout() * 1000)
        ready = time.monotonic() - started
        page.wait_for_timeout(500)  # MathJax typesets after the page appears
        shown = page.evaluate(PAGE_JS, EXPLORER)
        assert shown["explorers"] == 1 and len(shown["images"]) == 1, shown
        assert not shown["errors"], f"{path.name}: {shown['errors']}"
        assert shown["code"] == 0, f"{path.name}: Voilà shows code cells"
        assert not shown["answers"], f"{path.name}: an answer or a check's verdict is on screen"
        assert not shown["raw_latex"], f"{path.name}: LaTeX left as $...$ (MathJax did not load offline)"

        explorer = page.locator(EXPLORER).first
        clicks = [seconds_to_new_image(explorer, CLICK_ANYTHING) for _ in range(6)]
        assert None not in clicks, f"{path.name}: no new picture 30 s after a click: {clicks}"
        record("ready", f"Voilà: {path.name}", ready)
        record("clicks", f"Voilà: {path.name}", {"clicks": clicks, "burst": None})

        for viewport in PROJECTOR_VIEWPORTS:  # the same page on each projector, no reload
            page.set_viewport_size(viewport)
            page.wait_for_timeout(300)
            size = f"{viewport['width']}x{viewport['height']}"
            page.screenshot(path=screenshot_path(f"voila-{path.stem}-{size}"))
            shown = page.evaluate(PAGE_JS, EXPLORER)
            assert not shown["scrolling"], f"{path.name} at {size}: scrollbars on {shown['scrolling']}"
            assert shown["bottom"] <= shown["height"], (
                f"{path.name} at {size}: the page ends at {shown['bottom']:.0f} px, below the screen")
    finally:
        context.close()
