"""The links a teacher pastes into a course page, for this clone's `origin` remote.

* Binder (mybinder.org builds the repository with repo2docker; no install, no account):
  `https://mybinder.org/v2/gh/OWNER/REPO/BRANCH?urlpath=lab/tree/notebooks/NAME.ipynb`
* nbgitpuller on a JupyterHub: the first click clones the repository into the student's home as
  `REPO/`, later clicks merge the teacher's updates and keep the student's edits:
  `https://HUB/hub/user-redirect/git-pull?repo=URL&branch=BRANCH&urlpath=lab/tree/REPO/notebooks/...`
  (always with `branch=`: without it nbgitpuller guesses).

    python -m mlp_helpers.tools.class_links --hub https://hub.example.edu   (make links HUB=...)

The links open the student copies (notebooks/student/) when there are any, else the notebooks.
Standard library only.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

GITHUB = re.compile(
    r"^(?:https://(?:[^@/]+@)?github\.com/|git@github\.com:|ssh://git@github\.com(?::\d+)?/)"
    r"(?P<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$")
NOTEBOOK = re.compile(r"^\d\d_.*\.ipynb$")


class LinkError(ValueError):
    """The remote or an argument cannot give a working link."""


def origin_url(repo_dir, remote="origin"):
    """The URL of `remote` in the git clone at `repo_dir`; LinkError when there is none."""
    try:
        result = subprocess.run(["git", "remote", "get-url", remote], cwd=repo_dir,
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise LinkError("git is not installed") from None
    if result.returncode != 0:
        raise LinkError(f"this clone has no remote {remote!r} ({result.stderr.strip()}); add one "
                        f"with `git remote add {remote} https://github.com/OWNER/REPO`")
    return result.stdout.strip()


def github_repo(url):
    """(owner, repo) of a GitHub remote URL (https, git@ or ssh:// form); LinkError otherwise."""
    match = GITHUB.match(url)
    if match is None:
        raise LinkError(f"origin {url!r} is not a GitHub repository URL (https://github.com/OWNER/REPO "
                        "or git@github.com:OWNER/REPO): Binder links here use mybinder.org's gh/ route")
    return match["owner"], match["repo"]


def clone_url(url):
    """A URL a hub can clone without credentials: GitHub remotes in their https form."""
    if GITHUB.match(url):
        owner, repo = github_repo(url)
        return f"https://github.com/{owner}/{repo}"
    if re.match(r"^https://[^/@]+/\S+$", url):
        return url
    raise LinkError(f"origin {url!r} is not an https URL a hub can clone (nbgitpuller needs one, "
                    "for example https://github.com/OWNER/REPO)")


def as_hub(hub):
    """The hub's base URL without a trailing slash; LinkError unless it is http(s)://HOST..."""
    if not re.match(r"^https?://[^/\s]+(/\S*)?$", hub or ""):
        raise LinkError(f"HUB must be the hub's address such as https://hub.example.edu, got {hub!r}")
    return hub.rstrip("/")


def binder_link(owner, repo, branch, path):
    return f"https://mybinder.org/v2/gh/{owner}/{repo}/{quote(branch, safe='')}?urlpath=lab/tree/{quote(path)}"


def nbgitpuller_link(hub, url, branch, path):
    folder = clone_url(url).rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode({"repo": clone_url(url), "branch": branch, "urlpath": f"lab/tree/{folder}/{path}"})
    return f"{as_hub(hub)}/hub/user-redirect/git-pull?{query}"


def lesson_paths(repo_dir):
    """notebooks/student/NN_*.ipynb when there are student copies, else notebooks/NN_*.ipynb."""
    notebooks = Path(repo_dir) / "notebooks"
    for folder in (notebooks / "student", notebooks):
        found = sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK.match(p.name))
        if found:
            return [p.relative_to(repo_dir).as_posix() for p in found]
    raise LinkError(f"no notebooks/NN_*.ipynb under {repo_dir}")


def links(repo_dir, hub=None, branch="main", remote="origin"):
    """The lines to print: Binder links (GitHub remotes) and nbgitpuller links (when `hub`)."""
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch or ""):
        raise LinkError(f"BRANCH must be a branch name such as main, got {branch!r}")
    url = origin_url(repo_dir, remote)
    paths = lesson_paths(repo_dir)
    width = max(len(Path(p).stem) for p in paths)
    lines, problems = [], []
    try:
        owner, repo = github_repo(url)
        lines.append(f"Binder ({owner}/{repo}, branch {branch}; JupyterLab, no install):")
        lines += [f"  {Path(p).stem:<{width}}  {binder_link(owner, repo, branch, p)}" for p in paths]
    except LinkError as error:
        problems.append(f"no Binder links: {error}")
    if hub:
        hub = as_hub(hub)
        try:
            pulled = [f"  {Path(p).stem:<{width}}  {nbgitpuller_link(hub, url, branch, p)}" for p in paths]
            lines += [f"nbgitpuller on {hub} (clones {clone_url(url)} into each student's home):", *pulled]
        except LinkError as error:
            problems.append(f"no nbgitpuller links: {error}")
    else:
        lines.append("(no HUB given: add HUB=https://your.hub for the nbgitpuller links)")
    return lines, problems


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m mlp_helpers.tools.class_links",
                                     description="Print Binder and nbgitpuller links for this clone's origin.")
    parser.add_argument("--hub", default="", help="the JupyterHub's address, e.g. https://hub.example.edu")
    parser.add_argument("--branch", default="main", help="the branch students get (default: main)")
    parser.add_argument("--remote", default="origin", help="the git remote to link (default: origin)")
    parser.add_argument("--repo", default=".", type=Path, help="the clone (default: the current folder)")
    args = parser.parse_args(argv)
    try:
        lines, problems = links(args.repo, args.hub or None, args.branch, args.remote)
    except LinkError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(*lines, sep="\n")
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
