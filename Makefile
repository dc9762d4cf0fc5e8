# Two commands set everything up on a fresh machine: `make lab` and `make test`.
VENV   := .venv
PYTHON := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# JupyterLab refuses to start as root (containers, CI) unless told it may.
ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)
# Strict nbval: every stored output is compared after the sanitize rules.
NBVAL  := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Two pytest-xdist workers, one per core; a file's tests stay on one worker, so a notebook's
# cells run in order in one kernel.
WORKERS := -n 2 --dist loadfile

.PHONY: venv lab test test-all test-notebooks test-browser notebooks student links present clean

venv: $(STAMP)

# Two stamps: `make lab` needs only the runtime set (what a student's machine or a hub gets),
# `make test` the development set on top. Each reinstalls when its requirement files or the
# package metadata change.
RUNTIME_STAMP := $(VENV)/.runtime-installed
# The quiet JupyterLab settings (no news question, no update check). A wheel of the package
# carries this file into {prefix}/share/jupyter/lab/settings/ (conda, Binder, a hub install it
# that way); an editable install does not, so the venv gets it copied after every install.
QUIET_LAB := install -D -m 644 mlp_helpers/tools/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
# uv installs the pinned sets into the venv: a fresh venv in about 10 s, against a minute with pip.
# pip puts uv there first; where uv cannot be installed (no wheel for the platform), pip does the work.
# --compile-bytecode: uv writes no .pyc files unless told (pip does by default), and without them every
# kernel compiles matplotlib and IPython from source: about 1.5 s more per Run All, at every Run All
# where Python may not write them itself (PYTHONDONTWRITEBYTECODE, a read-only install on a hub).
UV_PIN  := uv==0.13.9
INSTALL := sh -c 'if [ -x $(VENV)/bin/uv ]; then exec $(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PYTHON) "$$@"; \
	else exec $(PYTHON) -m pip install --quiet --disable-pip-version-check "$$@"; fi' install
$(RUNTIME_STAMP): requirements.txt pyproject.toml mlp_helpers/tools/overrides.json
	test -x $(PYTHON) || python3 -m venv $(VENV)
	test -x $(VENV)/bin/uv || $(PYTHON) -m pip install --quiet --disable-pip-version-check $(UV_PIN) \
		|| echo "uv could not be installed: pip installs the packages instead (slower)"
	$(INSTALL) -r requirements.txt -e .
	$(QUIET_LAB)
	touch $(RUNTIME_STAMP)

$(STAMP): $(RUNTIME_STAMP) requirements-dev.txt requirements-teacher.txt requirements.txt pyproject.toml
	$(INSTALL) -r requirements-dev.txt
	$(QUIET_LAB)
	touch $(STAMP) $(TEACHER_STAMP)

# Serves the quiet notification settings installed above. LAB_ARGS adds flags (the settings
# test passes --no-browser, a port and a token).
lab: $(RUNTIME_STAMP)
	@echo "Starting JupyterLab on notebooks/: it opens your browser, or open the http://127.0.0.1:PORT/lab?token=... URL it prints. Ctrl-C stops it."
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --ServerApp.ip=127.0.0.1 $(ROOT_FLAG) $(LAB_ARGS)

# Every test; where one check repeats over many heavy cases (a notebook per kernel, a pip install)
# a sample of them, and the browser tests are listed as skipped (tests/tiers.py). BPH_FULL=1, as
# in CI (.ci/run) and `make test-all`, runs every case and the browser tests.
test: $(STAMP)
	$(PYTHON) -m pytest $(NBVAL) $(WORKERS) -q

test-all: export BPH_FULL = 1
test-all: $(STAMP)
	$(PYTHON) -m pytest $(NBVAL) $(WORKERS) -q

test-notebooks: $(STAMP)
	$(PYTHON) -m pytest $(NBVAL) $(WORKERS) -q notebooks

# Every notebook run in JupyterLab in headless chromium (skipped without chromium unless
# BPH_REQUIRE_BROWSER=1); screenshots land in tests/browser/screenshots/.
test-browser: export BPH_FULL = 1
test-browser: $(STAMP)
	$(PYTHON) -m pytest -q tests/browser

# Re-run every notebook in a clean kernel and store its outputs (execution counts 1..n), then
# refresh the student copies (they change only where an answer key's cells changed).
notebooks: $(STAMP)
	for nb in notebooks/*.ipynb; do \
		$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace "$$nb" || exit 1; \
	done
	$(PYTHON) -m mlp_helpers.tools.student_copies

# ---- Classroom: student copies, links, an nbgrader course, the students' release, handouts ----
.PHONY: course release handouts
# Arguments reach the tools through the environment (target-specific `export`), never pasted
# into a shell command line: a HUB or folder name holding quotes or `;` cannot run anything.

# The student copies (notebooks/student/): each answer key with its solutions replaced by stubs.
# Never overwrites a copy a student changed, nor deletes a file it did not write; FORCE=1
# overwrites changed copies (it names them first).
student: export BPH_FORCE = $(if $(FORCE),--force)
student: $(RUNTIME_STAMP)
	$(PYTHON) -m mlp_helpers.tools.student_copies $$BPH_FORCE

# The Binder and nbgitpuller links for this clone's origin remote; RELEASE=DIR links the
# students' repository instead (a `make release` folder, cloned or pushed with its own origin):
#   make links HUB=https://hub.example.edu [BRANCH=main or a tag] [REMOTE=origin] [RELEASE=DIR]
BRANCH ?= main
REMOTE ?= origin
links: export BPH_REPO = $(or $(RELEASE),.)
links: export BPH_HUB = $(HUB)
links: export BPH_BRANCH = $(BRANCH)
links: export BPH_REMOTE = $(REMOTE)
links: $(RUNTIME_STAMP)
	@$(PYTHON) -m mlp_helpers.tools.class_links --hub "$$BPH_HUB" --branch "$$BPH_BRANCH" \
		--remote "$$BPH_REMOTE" --repo "$$BPH_REPO"

# An nbgrader course from the answer keys: make course COURSE=DIR [COURSE_ID=name]
COURSE_ID ?= backprop-by-hand
course: export BPH_COURSE = $(COURSE)
course: export BPH_COURSE_ID = $(COURSE_ID)
course: $(RUNTIME_STAMP)
	@test -n "$$BPH_COURSE" || { echo "usage: make course COURSE=DIR [COURSE_ID=name]"; exit 2; }
	$(PYTHON) -m mlp_helpers.tools.course "$$BPH_COURSE" --course-id "$$BPH_COURSE_ID"

# The students' repository: student copies, the package, requirements, no answer key.
release: export BPH_RELEASE = $(RELEASE)
release: $(RUNTIME_STAMP)
	@test -n "$$BPH_RELEASE" || { echo "usage: make release RELEASE=DIR"; exit 2; }
	$(PYTHON) -m mlp_helpers.tools.release "$$BPH_RELEASE"

# Static HTML of every answer key and student copy (figures embedded): make handouts HANDOUTS=DIR
handouts: export BPH_HANDOUTS = $(HANDOUTS)
handouts: $(STAMP)
	@test -n "$$BPH_HANDOUTS" || { echo "usage: make handouts HANDOUTS=DIR"; exit 2; }
	$(PYTHON) -m mlp_helpers.tools.handouts "$$BPH_HANDOUTS"
# ---- end of the classroom block ----

# Present the explorers on a projector: Voilà serves notebooks/present/, one short notebook per
# explorer (code hidden, picture sized for 1280x720 and 1024x768), from a page that lists them.
# The standalone `voila` command renders LaTeX offline (Voilà opened from inside JupyterLab loads
# MathJax from the internet). Voilà and Notebook 7 come from requirements-teacher.txt, which a
# student never needs. PRESENT_ARGS adds flags (the browser tests pass a port and a token).
TEACHER_STAMP := $(VENV)/.teacher-installed
$(TEACHER_STAMP): $(RUNTIME_STAMP) requirements-teacher.txt
	$(INSTALL) -r requirements-teacher.txt
	touch $(TEACHER_STAMP)

present: $(TEACHER_STAMP)
	@echo "Starting Voilà on notebooks/present/: it opens your browser, or open the http://127.0.0.1:PORT/ URL it prints; click a notebook. Ctrl-C stops it."
	$(VENV)/bin/voila notebooks/present --Voila.ip=127.0.0.1 $(PRESENT_ARGS)

clean:
	rm -rf $(VENV)
