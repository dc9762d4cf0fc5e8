"""`make links HUB=...`: Binder and nbgitpuller links for a clone's origin remote."""

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
HUB = "https://hub.example.edu"


def clone_with_origin(tmp_path, origin, student=True):
    """A git repository with notebooks (and student copies) whose origin is `origin` (None: none)."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ["01_chain.ipynb", "02_regression.ipynb", "scratch.ipynb"]:
        (tmp_path / "notebooks" / "student").mkdir(parents=True, exist_ok=True)
        (tmp_path / "notebooks" / name).write_text("{}")
        if student and name != "scratch.ipynb":
            (tmp_path / "notebooks" / "student" / name).write_text("{}")
    if origin:
        subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", origin], check=True)
    return tmp_path


def run_links(repo, *args):
    return subprocess.run([sys.executable, "-m", "mlp_helpers.tools.class_links", *args],
                          cwd=repo, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("origin", [
    "https://github.com/teacher-42/backprop-by-hand.git",
    "https://github.com/teacher-42/backprop-by-hand",
    "git@github.com:teacher-42/backprop-by-hand.git",
    "ssh://git@github.com/teacher-42/backprop-by-hand.git",
])
def test_github_origin_gives_binder_and_nbgitpuller_links_for_the_student_copies(tmp_path, origin):
    result = run_links(clone_with_origin(tmp_path, origin), "--hub", HUB + "/")
    assert result.returncode == 0, result.stderr
    urls = [line.split()[-1] for line in result.stdout.splitlines() if line.startswith("  ")]
    assert urls[:2] == [
        "https://mybinder.org/v2/gh/teacher-42/backprop-by-hand/main?urlpath=lab/tree/notebooks/student/01_chain.ipynb",
        "https://mybinder.org/v2/gh/teacher-42/backprop-by-hand/main?urlpath=lab/tree/notebooks/student/02_regression.ipynb",
    ]
    assert len(urls) == 4
    pull = urlsplit(urls[2])
    assert f"{pull.scheme}://{pull.netloc}{pull.path}" == HUB + "/hub/user-redirect/git-pull"
    assert parse_qs(pull.query, strict_parsing=True) == {
        "repo": ["https://github.com/teacher-42/backprop-by-hand"],
        "branch": ["main"],
        "urlpath": ["lab/tree/backprop-by-hand/notebooks/student/01_chain.ipynb"],
    }


def test_branch_is_always_in_the_links_and_keys_are_linked_without_copies(tmp_path):
    repo = clone_with_origin(tmp_path, "https://github.com/a/b", student=False)
    result = run_links(repo, "--hub", HUB, "--branch", "spring-2027")
    assert result.returncode == 0, result.stderr
    assert "mybinder.org/v2/gh/a/b/spring-2027?urlpath=lab/tree/notebooks/01_chain.ipynb" in result.stdout
    assert "branch=spring-2027&urlpath=lab%2Ftree%2Fb%2Fnotebooks%2F01_chain.ipynb" in result.stdout
    assert "scratch" not in result.stdout


def test_without_hub_only_binder_links_and_a_hint(tmp_path):
    result = run_links(clone_with_origin(tmp_path, "git@github.com:a/b.git"))
    assert result.returncode == 0 and "git-pull" not in result.stdout
    assert "add HUB=https://your.hub" in result.stdout


def test_no_origin_is_a_clear_error(tmp_path):
    result = run_links(clone_with_origin(tmp_path, None), "--hub", HUB)
    assert result.returncode == 1 and result.stdout == ""
    assert "this clone has no remote 'origin'" in result.stderr and "git remote add origin" in result.stderr


def test_non_github_origin_gets_nbgitpuller_links_and_says_why_no_binder(tmp_path):
    result = run_links(clone_with_origin(tmp_path, "https://gitlab.example.org/course/bph.git"), "--hub", HUB)
    assert result.returncode == 1
    assert "is not a GitHub repository URL" in result.stderr and "mybinder" not in result.stdout
    assert "repo=https%3A%2F%2Fgitlab.example.org%2Fcourse%2Fbph.git&branch=main" in result.stdout
    assert "urlpath=lab%2Ftree%2Fbph%2Fnotebooks%2Fstudent%2F01_chain.ipynb" in result.stdout


def test_local_origin_gives_no_link(tmp_path):
    result = run_links(clone_with_origin(tmp_path / "clone", str(tmp_path / "elsewhere")), "--hub", HUB)
    assert result.returncode == 1 and "://" not in result.stdout
    assert "not a GitHub repository URL" in result.stderr and "not an https URL a hub can clone" in result.stderr


@pytest.mark.parametrize("args, says", [
    (["--hub", "hub.example.edu"], "HUB must be the hub's address"),
    (["--hub", HUB, "--branch", "main; rm"], "BRANCH must be a branch name"),
])
def test_bad_arguments_are_named(tmp_path, args, says):
    result = run_links(clone_with_origin(tmp_path, "https://github.com/a/b"), *args)
    assert result.returncode == 1 and says in result.stderr


def test_make_links_passes_hub_and_branch():
    result = subprocess.run(["make", "-n", "-s", "links", f"HUB={HUB}", "BRANCH=fall"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f'-m mlp_helpers.tools.class_links --hub "{HUB}" --branch "fall"' in result.stdout
