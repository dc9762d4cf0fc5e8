"""The classroom guides hold what a teacher of a graded class needs: the hub-hardening section and
the runbook in CLASSROOM.md, the syllabus with prerequisites and every notebook in a lesson."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
CLASSROOM = (NOTEBOOKS / "CLASSROOM.md").read_text(encoding="utf-8")
SYLLABUS = (NOTEBOOKS / "SYLLABUS.md").read_text(encoding="utf-8")


def section(text, heading):
    """The text of the `## heading...` section, up to the next `## `."""
    match = re.search(rf"^## {re.escape(heading)}.*?(?=^## |\Z)", text, flags=re.S | re.M)
    assert match, f"no section '## {heading}'"
    return match.group(0)


@pytest.mark.parametrize("needed", [
    "users.allowed", "allowed_users", "dummy",                       # only the class logs in
    "https.enabled", "proxy.https",                                  # HTTPS on both hubs
    "/opt/tljh/installer.log", "pip check",                          # the installer only warns
    "services.cull.timeout", "cull.timeout",                         # culler sized to the class
    "10 minutes",                                                    # Binder culls a connected kernel
    "Backup and resync", "--force",                                  # never force-push
    "BRANCH=week-3",                                                 # Binder links on a tag
])
def test_the_hardening_section_covers_each_point(needed):
    assert needed in section(CLASSROOM, "Hardening a hub")


@pytest.mark.parametrize("needed", ["Binder is down", "killed at the memory limit", "Backup and resync",
                                    "Resetting one notebook without git", "Windows students without `make`"])
def test_the_runbook_covers_each_failure(needed):
    assert needed in section(CLASSROOM, "When the room breaks")


def test_the_guide_says_what_a_student_can_bypass_and_where_marks_come_from():
    text = section(CLASSROOM, "The students' repository")
    assert "formative" in text and "hidden tests" in text


def test_the_syllabus_has_the_prerequisites_and_maps_every_notebook_to_a_lesson():
    prerequisites = section(SYLLABUS, "Before the first lesson")
    for topic in ("chain rule", "Partial derivatives", "numpy shapes"):
        assert topic in prerequisites
    lessons = section(SYLLABUS, "Lessons")
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        assert f"`{path.stem}`" in lessons, f"{path.name} is in no lesson of SYLLABUS.md"
    assert "how it was estimated" in SYLLABUS and "Objectives" in SYLLABUS


def test_the_syllabus_fits_on_one_page():
    assert len(SYLLABUS.splitlines()) <= 70
