"""`make links HUB=...`: Binder and nbgitpuller links for a clone's origin remote."""

import contextlib
import io
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from mlp_helpers.tools import class_links

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
    """The tool's `main(args)` run in `repo`, in this process (a new Python per case would cost a
    second each; the command line itself is run by the `make links` tests below)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(repo), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = class_links.main(list(args))
        except SystemExit as exit:  # argparse refusing an argument
            code = exit.code
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


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
        "targetpath": ["backprop-by-hand"],
        "urlpath": ["lab/tree/backprop-by-hand/notebooks/student/01_chain.ipynb"],
    }


def test_branch_is_always_in_the_links_and_keys_are_linked_without_copies(tmp_path):
    repo = clone_with_origin(tmp_path, "https://github.com/a/b", student=False)
    result = run_links(repo, "--hub", HUB, "--branch", "spring-2027")
    assert result.returncode == 0, result.stderr
    assert "mybinder.org/v2/gh/a/b/spring-2027?urlpath=lab/tree/notebooks/01_chain.ipynb" in result.stdout
    assert "branch=spring-2027&targetpath=b&urlpath=lab%2Ftree%2Fb%2Fnotebooks%2F01_chain.ipynb" in result.stdout
    assert "scratch" not in result.stdout


def test_without_hub_only_binder_links_and_a_hint(tmp_path):
    result = run_links(clone_with_origin(tmp_path, "git@github.com:a/b.git"))
    assert result.returncode == 0 and "git-pull" not in result.stdout
    assert "add HUB=https://your.hub" in result.stdout


def test_no_origin_is_a_clear_error(tmp_path):
    result = run_links(clone_with_origin(tmp_path, None), "--hub", HUB)
    assert result.returncode == 1 and result.stdout == ""
    assert "has no remote 'origin'" in result.stderr and "git remote add origin" in result.stderr


def pull_links(stdout):
    """{query key: value} of each nbgitpuller link printed."""
    found = [urlsplit(line.split()[-1]) for line in stdout.splitlines() if "git-pull?" in line]
    return [{key: value for key, (value,) in parse_qs(link.query, strict_parsing=True).items()} for link in found]


def test_non_github_origin_gets_nbgitpuller_links_and_says_why_no_binder(tmp_path):
    result = run_links(clone_with_origin(tmp_path, "https://gitlab.example.org/course/bph.git"), "--hub", HUB)
    assert result.returncode == 1
    assert "is not a GitHub repository URL" in result.stderr and "mybinder" not in result.stdout
    assert "repo=https%3A%2F%2Fgitlab.example.org%2Fcourse%2Fbph.git&branch=main" in result.stdout
    assert "urlpath=lab%2Ftree%2Fbph%2Fnotebooks%2Fstudent%2F01_chain.ipynb" in result.stdout


@pytest.mark.parametrize("origin, repo, folder", [
    ("https://gitlab.example.org/group/bph.git", "https://gitlab.example.org/group/bph.git", "bph"),
    ("https://gitlab.example.org/group/bph.git/", "https://gitlab.example.org/group/bph.git", "bph"),
    ("https://gitlab.example.org/group/sub/bph", "https://gitlab.example.org/group/sub/bph", "bph"),
    ("https://github.com/a/course.git", "https://github.com/a/course", "course"),
])
def test_the_link_opens_the_folder_nbgitpuller_clones_into(tmp_path, origin, repo, folder):
    """nbgitpuller clones into `targetpath` when given (else the URL's last part, `.git` kept):
    every link names it, and opens a path inside it."""
    result = run_links(clone_with_origin(tmp_path, origin), "--hub", HUB)
    for query in pull_links(result.stdout):
        assert query["repo"] == repo and query["targetpath"] == folder
        assert query["urlpath"].startswith(f"lab/tree/{folder}/notebooks/student/")
    assert len(pull_links(result.stdout)) == 2


def test_a_git_remote_opens_the_folder_a_real_nbgitpuller_makes(tmp_path):
    """nbgitpuller's own handler code, on a bare repository whose path ends in .git."""
    pytest.importorskip("nbgitpuller")
    from nbgitpuller import GitPuller

    upstream = tmp_path / "group" / "bph.git"
    work = clone_with_origin(tmp_path / "work", None)
    for command in (["git", "init", "-q", "--bare", "-b", "main", str(upstream)],
                    ["git", "-C", str(work), "checkout", "-q", "-b", "main"],
                    ["git", "-C", str(work), "add", "."],
                    ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "x"],
                    ["git", "-C", str(work), "push", "-q", str(upstream), "main"]):
        subprocess.run(command, check=True, capture_output=True)
    subprocess.run(["git", "-C", str(work), "remote", "add", "origin",
                    "https://gitlab.example.org/group/bph.git"], check=True)
    (query,) = pull_links(run_links(work, "--hub", HUB).stdout)[:1]
    home = tmp_path / "home"
    home.mkdir()
    # what the handler does with the link's arguments (nbgitpuller/handlers.py):
    target = home / query["targetpath"]
    for _ in GitPuller(str(upstream), str(target), branch=query["branch"]).pull():
        pass
    opened = home / query["urlpath"].removeprefix("lab/tree/")
    assert opened.is_file(), sorted(p.name for p in home.iterdir())


@pytest.mark.parametrize("hub, base", [
    ("https://hub.example.edu/", "https://hub.example.edu"),
    ("https://hub.example.edu/hub/", "https://hub.example.edu"),
    ("https://hub.example.edu/hub/home", "https://hub.example.edu"),
    ("https://hub.example.edu/hub/login?next=%2Fhub%2F", None),
    ("https://hub.example.edu/user/alice/lab", "https://hub.example.edu"),
    ("https://hub.example.edu/user/alice/lab/tree/x.ipynb", "https://hub.example.edu"),
    ("https://example.edu/jupyter/hub/", "https://example.edu/jupyter"),
    ("HTTPS://Hub.Example.edu:8443/hub", "HTTPS://Hub.Example.edu:8443"),
    ("  https://hub.example.edu  ", "https://hub.example.edu"),
])
def test_hub_urls_pasted_from_the_browser_are_normalized(hub, base):
    from mlp_helpers.tools import class_links as cl
    if base is None:
        with pytest.raises(cl.LinkError, match="query"):
            cl.as_hub(hub)
    else:
        assert cl.as_hub(hub).lower() == base.lower()
        assert "/hub/hub" not in cl.nbgitpuller_link(hub, "https://github.com/a/b", "main", "n.ipynb")


@pytest.mark.parametrize("hub, says", [
    ("hub.example.edu", "must start with https://"),
    ("ftp://hub.example.edu", "must start with https://"),
    ("https://hub.example.edu/?a=b", "must not hold a query"),
    ("https://hub.example.edu/#frag", "must not hold a query (?...) or fragment"),
    ("https://alice:pw@hub.example.edu", "must not hold a user name"),
    ("https://hub.example .edu", "must start with https://"),
])
def test_bad_hub_urls_are_refused_with_a_message(tmp_path, hub, says):
    result = run_links(clone_with_origin(tmp_path, "https://github.com/a/b"), "--hub", hub)
    assert result.returncode == 1 and result.stdout == ""
    assert "HUB must be the hub's address" in result.stderr and says in result.stderr
    assert "pw" not in result.stderr


@pytest.mark.parametrize("origin", [
    "https://alice:s3cret-token@gitlab.example.org/group/bph.git",
    "https://s3cret-token@github.com/a/b.git",
    "https://oauth2:s3cret-token@github.com/a/b",
])
def test_credentials_in_the_remote_are_never_printed(tmp_path, origin):
    result = run_links(clone_with_origin(tmp_path, origin), "--hub", HUB)
    assert "s3cret" not in result.stdout + result.stderr
    assert "alice" not in result.stdout + result.stderr
    assert len(pull_links(result.stdout)) == 2


def test_credentials_are_not_printed_in_errors_either(tmp_path):
    result = run_links(clone_with_origin(tmp_path, "ssh://git:s3cret@gitlab.example.org/g/bph.git"), "--hub", HUB)
    assert result.returncode == 1 and "s3cret" not in result.stdout + result.stderr
    assert "not an https URL a hub can clone" in result.stderr


@pytest.mark.parametrize("origin", [
    "https://www.github.com/Teacher/Course.git",
    "https://GitHub.com/Teacher/Course",
    "git@GitHub.com:Teacher/Course.git",
    "ssh://git@www.github.com/Teacher/Course",
    "http://github.com/Teacher/Course/",
])
def test_github_is_recognised_in_any_case_and_with_www(tmp_path, origin):
    result = run_links(clone_with_origin(tmp_path, origin), "--hub", HUB)
    assert result.returncode == 0, result.stderr
    assert "https://mybinder.org/v2/gh/Teacher/Course/main?urlpath=lab/tree/notebooks/student/01_chain.ipynb" in result.stdout
    assert pull_links(result.stdout)[0]["repo"] == "https://github.com/Teacher/Course"


def test_links_for_the_students_repository_made_by_make_release(tmp_path):
    """A release folder has its own origin and its notebooks at notebooks/NN_*.ipynb."""
    release = tmp_path / "release"
    (release / "notebooks").mkdir(parents=True)
    (release / "notebooks" / "01_chain.ipynb").write_text("{}")
    subprocess.run(["git", "init", "-q", str(release)], check=True)
    subprocess.run(["git", "-C", str(release), "remote", "add", "origin", "https://github.com/t/bph-students"],
                   check=True)
    result = run_links(REPO, "--repo", str(release), "--hub", HUB, "--branch", "v2027.1")
    assert result.returncode == 0, result.stderr
    assert "mybinder.org/v2/gh/t/bph-students/v2027.1?urlpath=lab/tree/notebooks/01_chain.ipynb" in result.stdout
    assert pull_links(result.stdout) == [{"repo": "https://github.com/t/bph-students", "branch": "v2027.1",
                                          "targetpath": "bph-students",
                                          "urlpath": "lab/tree/bph-students/notebooks/01_chain.ipynb"}]


def test_local_origin_gives_no_link(tmp_path):
    result = run_links(clone_with_origin(tmp_path / "clone", str(tmp_path / "elsewhere")), "--hub", HUB)
    assert result.returncode == 1 and "://" not in result.stdout
    assert "not a GitHub repository URL" in result.stderr and "not an https URL a hub can clone" in result.stderr


@pytest.mark.parametrize("args, says", [
    (["--hub", "hub.example.edu"], "HUB must be the hub's address"),
    (["--hub", HUB, "--branch", "main; rm"], "BRANCH must be a branch or tag name"),
    (["--hub", HUB, "--branch", "../x"], "BRANCH must be a branch or tag name"),
    (["--hub", HUB, "--remote", "origin; rm"], "REMOTE must be a git remote name"),
])
def test_bad_arguments_are_named(tmp_path, args, says):
    result = run_links(clone_with_origin(tmp_path, "https://github.com/a/b"), *args)
    assert result.returncode == 1 and says in result.stderr


def make_links(*variables):
    return subprocess.run(["make", "-s", "links", *variables], cwd=REPO, capture_output=True, text=True,
                          timeout=300)


def test_make_links_passes_hub_branch_and_repo_through_the_environment():
    result = subprocess.run(["make", "-n", "-s", "links", f"HUB={HUB}", "BRANCH=fall"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert '--hub "$BPH_HUB" --branch "$BPH_BRANCH"' in result.stdout and HUB not in result.stdout


@pytest.mark.parametrize("variable", ['HUB=x"; echo INJECTED; "', "HUB=$(echo INJECTED)", "HUB=`echo INJECTED`",
                                      'BRANCH=x"; echo INJECTED; "', 'RELEASE=x"; echo INJECTED; "'])
def test_make_links_runs_no_shell_code_from_its_arguments(variable):
    result = make_links(variable)
    assert result.returncode != 0
    assert "INJECTED" not in result.stdout
    assert not any(line.strip() == "INJECTED" for line in result.stderr.splitlines())
