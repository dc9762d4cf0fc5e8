"""Where the browser tests find chromium, the notebooks, their settings and the screenshot folder.

Environment variables:
  CHROMIUM              path of the chromium binary (default: `chromium` / `chromium-browser`
                        on PATH); Playwright never downloads a browser here.
  BPH_REQUIRE_BROWSER=1 a missing chromium or playwright fails the tests instead of skipping
                        them (CI sets it, so CI cannot pass without the browser test).
  BPH_NOTEBOOKS_DIR     folder of notebooks to test (default: the repository's notebooks/).
  BPH_BROWSER_TIMEOUT   seconds allowed for opening a notebook and for Run All (default 300).
"""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"

# Flags seen to work headless here: no sandbox (root in containers), no GPU, /tmp instead of a
# small /dev/shm, and no background traffic (otherwise chromium keeps trying to reach the internet).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run",
]

VIEWPORT = {"width": 1280, "height": 1000}

#: the front ends every notebook is run in: the short name test ids carry -> its fixture
FRONT_ENDS = {"lab": "lab", "nb7": "notebook7"}

#: the projector sizes a presentation page must fit without scrolling
PROJECTOR_VIEWPORTS = [{"width": 1280, "height": 720}, {"width": 1024, "height": 768}]

# What the browser tests measure (seconds to open and Run All, click-to-new-image times) and why
# they were skipped, one JSON line each, printed at the end of the report by tests/conftest.py. A
# file, because `make test` runs two pytest-xdist workers and the report is the controller's.
MEASUREMENTS = SCREENSHOTS / "measurements.jsonl"


def record(kind, name, value):
    """Keep one measurement for the report: kind "timing", "ready", "clicks" or "skipped"."""
    SCREENSHOTS.mkdir(exist_ok=True)
    with MEASUREMENTS.open("a", encoding="utf-8") as out:
        out.write(json.dumps({"kind": kind, "name": name, "value": value}) + "\n")


def notebooks_dir():
    return Path(os.environ.get("BPH_NOTEBOOKS_DIR") or REPO / "notebooks").resolve()


def notebook_paths():
    """Every notebook the browser tests run, sorted by name."""
    return sorted(notebooks_dir().glob("*.ipynb"))


def presentation_paths():
    """The presentation notebooks `make present` serves (notebooks/present/), sorted by name."""
    return sorted((REPO / "notebooks" / "present").glob("*.ipynb"))


def browser_required():
    return os.environ.get("BPH_REQUIRE_BROWSER") == "1"


def browser_timeout():
    return float(os.environ.get("BPH_BROWSER_TIMEOUT", "300"))


def find_chromium():
    """(path, None) for a usable chromium, or (None, why not)."""
    configured = os.environ.get("CHROMIUM")
    if configured:
        path = shutil.which(configured)
        if path:
            return path, None
        return None, f"CHROMIUM={configured!r} is not an executable"
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path, None
    return None, "no chromium on PATH (install Debian's: apt-get install -y chromium, or set CHROMIUM=/path)"


def browser_unavailable_reason():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed in this Python (it is pinned in requirements-dev.txt)"
    return find_chromium()[1]


def screenshot_path(name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', name)}.png"
