"""Every route to a student gets the same pinned runtime set, the package and a quiet JupyterLab:
`make lab`, conda and Binder / repo2docker images (environment.yml), a hub (requirements.txt by URL)."""

import importlib.metadata
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from make_lab import MakeLab
from tiers import full_only

REPO = Path(__file__).resolve().parents[1]
OVERRIDES = REPO / "mlp_helpers" / "tools" / "overrides.json"
QUIET = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
         # a saved notebook keeps its widgets' state, so it reopens with its explorers' pictures
         "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": True}}
RUNTIME = {"jupyterlab", "ipywidgets", "jupyterlab-widgets", "ipykernel", "matplotlib", "numpy",
           "jsonschema"}  # pinned below the version whose extra makes every notebook read 0.9 s slower
DEV_ONLY = {"pytest", "pytest-xdist", "nbval", "nbclient", "nbconvert", "playwright", "jupyter-repo2docker",
            "nbgitpuller", "nbgrader"}
TEACHER = {"voila", "notebook"}  # make present, and Notebook 7 beside JupyterLab


def canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_lines(path):
    return [line.strip() for line in path.read_text().splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def pins(path):
    """{canonical name: version} of the `name==version` lines of a requirements file."""
    found = {}
    for line in requirement_lines(path):
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([A-Za-z0-9_.+-]+)", line)
        if match:
            found[canonical(match[1])] = match[2]
    return found


def test_runtime_requirements_are_pinned_and_installable_from_a_url():
    lines = requirement_lines(REPO / "requirements.txt")
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[A-Za-z0-9_.+-]+", line) for line in lines), (
        f"requirements.txt must hold only name==version lines (a hub reads it from its URL, where "
        f"-r, -e and paths cannot resolve): {lines}")
    assert set(pins(REPO / "requirements.txt")) == RUNTIME


def test_dev_requirements_add_the_test_tools_to_the_teacher_and_runtime_sets_and_pin_them():
    lines = requirement_lines(REPO / "requirements-dev.txt")
    # the teacher's set (which reads the runtime set): the browser tests use Voilà and Notebook 7
    assert lines[0] == "-r requirements-teacher.txt" and "-e ." in lines
    dev = pins(REPO / "requirements-dev.txt")
    assert set(dev) == DEV_ONLY and not set(dev) & (RUNTIME | TEACHER), "one source of truth: no pin twice"


def test_teacher_requirements_add_voila_and_notebook_7_to_the_runtime_set():
    lines = requirement_lines(REPO / "requirements-teacher.txt")
    assert lines[0] == "-r requirements.txt"
    assert pins(REPO / "requirements-teacher.txt") == {"voila": "0.5.13", "notebook": "7.6.5"}
    assert len(lines) == 1 + len(TEACHER), f"only the runtime set and name==version pins: {lines}"


def test_this_environment_runs_the_pinned_versions():
    """The tests pass on exactly the versions the routes install (make test installs the same files)."""
    wanted = {**pins(REPO / "requirements.txt"), **pins(REPO / "requirements-teacher.txt"),
              **pins(REPO / "requirements-dev.txt")}
    installed = {name: importlib.metadata.version(name) for name in wanted}
    assert installed == wanted


def test_reading_a_notebook_does_not_build_the_iri_parser():
    """jsonschema 4.25 and later import rfc3987-syntax, which builds a parser on import: 0.9 s
    added to every Run All through nbconvert, every nbval worker and the server's start."""
    code = "import sys, nbformat; print(sorted(m for m in sys.modules if m.startswith(('rfc3987_syntax', 'lark'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_environment_yml_installs_the_runtime_file_and_the_package_on_python_3_11():
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    pip_section = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    assert pip_section == ["-r requirements.txt", "."]


@full_only  # a pip install of the package: 15 s
def test_the_package_carries_the_quiet_lab_settings_into_the_prefix(tmp_path):
    """pip installs the file as wheel data into {prefix}/share/jupyter/lab/settings/: every route
    that installs mlp_helpers (make lab, conda, Binder, a hub) gets it."""
    assert json.loads(OVERRIDES.read_text()) == QUIET
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
                    "-w", str(tmp_path), str(REPO)], check=True, timeout=300, capture_output=True)
    (wheel,) = tmp_path.glob("mlp_helpers-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        data = [name for name in archive.namelist() if ".data/" in name]
        assert data == [f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.data/data/share/jupyter/lab/settings/overrides.json"]
        assert json.loads(archive.read(data[0])) == QUIET
    # and this environment (installed by `make`) has it where JupyterLab reads it
    installed = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(installed.read_text()) == QUIET


def test_make_lab_serves_the_quiet_notification_defaults_and_saves_widget_state(tmp_path):
    with MakeLab(tmp_path) as lab:
        served = lab.get("/lab/api/settings/@jupyterlab/apputils-extension:notification")
        widget_manager = lab.get("/lab/api/settings/@jupyter-widgets/jupyterlab-manager:plugin")
    properties = served["schema"]["properties"]
    # Without the overrides JupyterLab 4.6 serves "none" (ask the user) and true.
    assert properties["fetchNews"]["default"] == "false"
    assert properties["checkForUpdates"]["default"] is False
    # Without them the widget manager's default is false: a saved notebook keeps stale widget
    # state and shows "Error displaying widget: model not found" when reopened.
    assert widget_manager["schema"]["properties"]["saveState"]["default"] is True


@pytest.fixture(scope="module")
def repo2docker_build():
    """The Dockerfile repo2docker would build for this repository, as Binder does (uid 1000)."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-repo2docker")), "--no-build", "--debug",
         "--user-id", "1000", "--user-name", "jovyan", str(REPO)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout + result.stderr


def test_repo2docker_builds_the_conda_environment_from_environment_yml(repo2docker_build):
    assert "Building conda environment for python=3.11" in repo2docker_build
    assert not (REPO / "binder").exists() and not (REPO / ".binder").exists(), (
        "a binder/ folder makes repo2docker ignore environment.yml at the top")
    # nothing else installs: no root requirements.txt build, no postBuild script
    commands = [line for line in repo2docker_build.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in commands if "postBuild" in line or "requirements.txt" in line]


def test_repo2docker_installs_into_the_prefix_jupyterlab_runs_from_after_copying_the_repo(repo2docker_build):
    lines = repo2docker_build.splitlines()

    def index(pattern):
        found = [i for i, line in enumerate(lines) if re.search(pattern, line)]
        assert found, f"repo2docker's Dockerfile has no line matching {pattern!r}"
        return found[0]

    workdir = index(r"^WORKDIR \$\{REPO_DIR\}$")
    copy = index(r"^COPY --chown=1000:1000 src/ \$\{REPO_DIR\}/$")
    update = index(r'env update -p \$\{NB_PYTHON_PREFIX\} --file "environment\.yml"')
    # the repository (requirements.txt, the package) is in place when environment.yml is read
    assert workdir < copy < update
    assert "ENV KERNEL_PYTHON_PREFIX=${NB_PYTHON_PREFIX}" in lines
    assert "ENV PATH=${NB_PYTHON_PREFIX}/bin:${CONDA_DIR}/bin:${NPM_DIR}/bin:${PATH}" in lines


# The Zero to JupyterHub recipe in notebooks/CLASSROOM.md adds nbgitpuller to the image this way.
HUB_IMAGE_APPENDIX = "RUN python -m pip install --no-cache-dir nbgitpuller==1.3.0"


def test_hub_image_recipe_adds_nbgitpuller_after_the_pinned_set():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("jupyter-repo2docker")), "--no-build", "--debug",
         "--user-id", "1000", "--user-name", "jovyan", "--appendix", HUB_IMAGE_APPENDIX, str(REPO)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = (result.stdout + result.stderr).splitlines()
    update = next(i for i, line in enumerate(lines) if 'env update -p ${NB_PYTHON_PREFIX}' in line)
    assert HUB_IMAGE_APPENDIX in lines[update:]
    assert HUB_IMAGE_APPENDIX in (REPO / "notebooks" / "CLASSROOM.md").read_text(), (
        "CLASSROOM.md's Zero to JupyterHub recipe should use the appendix this test checks")


@full_only  # a pip install of the package: 15 s
def test_a_hub_installs_the_package_and_the_quiet_settings_from_the_git_url(tmp_path):
    """What CLASSROOM.md tells a hub admin: `pip install git+URL@REF`, here into a new virtual
    environment standing in for /opt/tljh/user (a file:// URL to this clone's commit). A separate
    environment: pip's --prefix would uninstall the package from the one running the tests."""
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                            check=True).stdout.strip()
    env = tmp_path / "user-env"
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, timeout=120)
    result = subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps",
         "--disable-pip-version-check", f"git+{REPO.as_uri()}@{commit}"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    settings = env / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(settings.read_text()) == QUIET
    (package,) = env.glob("lib/python3*/site-packages/mlp_helpers/__init__.py")
    assert (package.parent / "tools" / "student_copies.py").is_file()
    # the environment running these tests still has its own (editable) install
    assert importlib.metadata.version("mlp_helpers") == "0.1.0"
