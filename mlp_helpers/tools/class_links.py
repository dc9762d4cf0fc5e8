"""The links a teacher pastes into a course page, for a clone's `origin` remote.

* Binder (mybinder.org builds the repository with repo2docker; no install, no account), GitHub
  remotes only (any case, with or without `www.`):
  `https://mybinder.org/v2/gh/OWNER/REPO/BRANCH?urlpath=lab/tree/notebooks/NAME.ipynb`
  BRANCH may be a tag: a link pinned to a tag opens the same notebooks all term.
* nbgitpuller on a JupyterHub: the first click clones the repository into the student's home,
  later clicks merge the teacher's updates and keep the student's edits:
  `https://HUB/hub/user-redirect/git-pull?repo=URL&branch=BRANCH&targetpath=FOLDER&urlpath=lab/tree/FOLDER/...`
  Always with `branch=` (without it nbgitpuller guesses) and `targetpath=` (without it nbgitpuller
  names the folder after the URL's last part, `.git` included, so `https://host/group/bph.git`
  would clone into `bph.git/` while a link opening `bph/` gives a 404).

The HUB may be pasted from the browser: `https://hub.example.edu/hub/`, `.../hub/home` or
`.../user/alice/lab` all mean the hub at `https://hub.example.edu` (a prefix before `/hub/` or
`/user/NAME/` is kept). A query, a fragment or a user name in it is refused. Credentials in the
remote URL (`https://user:token@host/...`) are never printed: the links use the URL without them.

    python -m mlp_helpers.tools.class_links --hub https://hub.example.edu   (make links HUB=...)
    python -m mlp_helpers.tools.class_links --repo RELEASE --hub ...        (the students' repository)

The links open the student copies (notebooks/student/) when there are any, else notebooks/NN_*.
Standard library only.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

GITHUB_HOST = re.compile(r"^(?:www\.)?github\.com$", re.IGNORECASE)
SCP_LIKE = re.compile(r"^(?P<user>[^@/:]+@)?(?P<host>[^/:]+):(?P<path>(?!/).+)$")
OWNER_REPO = re.compile(r"^/?(?P<owner>[A-Za-z0-9][A-Za-z0-9-]*)/(?P<repo>[A-Za-z0-9._-]+?)(?:\.git)?/?$")
NOTEBOOK = re.compile(r"^\d\d_.*\.ipynb$")
# Where a hub's own pages start in a URL copied from the browser.
HUB_PAGE = re.compile(r"/(?:hub|user/[^/]+)(?:/|$)")


class LinkError(ValueError):
    """The remote or an argument cannot give a working link."""


def redact(url):
    """`url` without a user name or password (`https://user:token@host/x` -> `https://host/x`)."""
    scheme, netloc, path, query, fragment = urlsplit(url)
    if scheme and "@" in netloc:
        return urlunsplit((scheme, netloc.rsplit("@", 1)[1], path, query, fragment))
    return url


def origin_url(repo_dir, remote="origin"):
    """The URL of `remote` in the git clone at `repo_dir`; LinkError when there is none."""
    try:
        result = subprocess.run(["git", "remote", "get-url", remote], cwd=repo_dir,
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise LinkError("git is not installed") from None
    if result.returncode != 0:
        raise LinkError(f"{repo_dir} has no remote {remote!r} ({redact(result.stderr.strip())}); add one "
                        f"with `git remote add {remote} https://github.com/OWNER/REPO`")
    return result.stdout.strip()


def _host_and_path(url):
    """(scheme, host, path) of an https/http/ssh/git URL or an scp-like `user@host:path`."""
    parts = urlsplit(url)
    if parts.scheme in ("https", "http", "ssh", "git") and parts.hostname:
        return parts.scheme, parts.hostname, parts.path
    match = SCP_LIKE.match(url)
    if match and "://" not in url:
        return "ssh", match["host"].lower(), "/" + match["path"]
    return None, None, None


def github_repo(url):
    """(owner, repo) of a GitHub remote URL (https, git@ or ssh:// form); LinkError otherwise."""
    _, host, path = _host_and_path(url)
    match = OWNER_REPO.match(path or "") if host and GITHUB_HOST.match(host) else None
    if match is None:
        raise LinkError(f"remote {redact(url)!r} is not a GitHub repository URL (https://github.com/OWNER/REPO "
                        "or git@github.com:OWNER/REPO): Binder links here use mybinder.org's gh/ route")
    return match["owner"], match["repo"]


def clone_url(url):
    """A URL a hub can clone without credentials: GitHub remotes in their https form, other https
    remotes without user name, password or trailing slash."""
    try:
        owner, repo = github_repo(url)
        return f"https://github.com/{owner}/{repo}"
    except LinkError:
        pass
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname and parts.path.strip("/") and not parts.query and not parts.fragment:
        return redact(url).rstrip("/")
    raise LinkError(f"remote {redact(url)!r} is not an https URL a hub can clone (nbgitpuller needs one, "
                    "for example https://github.com/OWNER/REPO)")


def clone_folder(url):
    """The folder the links clone into: the URL's last part without `.git`."""
    folder = clone_url(url).rsplit("/", 1)[-1].removesuffix(".git")
    if not folder or folder in (".", ".."):
        raise LinkError(f"remote {redact(url)!r} has no repository name to clone into")
    return folder


def as_hub(hub):
    """The hub's base URL, from any address of the hub a teacher may paste; LinkError otherwise.

    `https://h/hub/`, `https://h/hub/home`, `https://h/user/alice/lab` -> `https://h`;
    `https://h/jupyter/hub/` -> `https://h/jupyter`. A query, fragment, user name, whitespace or
    a scheme other than http(s) is refused.
    """
    text = (hub or "").strip()
    parts = urlsplit(text)
    problem = None
    if parts.scheme not in ("https", "http") or not parts.hostname or re.search(r"\s", text):
        problem = "it must start with https:// (or http://) and name the hub's host"
    elif "@" in parts.netloc:
        problem = "it must not hold a user name or password"
    elif parts.query or parts.fragment or "?" in text or "#" in text:
        problem = "it must not hold a query (?...) or fragment (#...)"
    if problem:
        raise LinkError(f"HUB must be the hub's address such as https://hub.example.edu: {problem} "
                        f"(got {redact(text)!r})")
    path = parts.path
    page = HUB_PAGE.search(path)
    if page:
        path = path[:page.start()]
    return f"{parts.scheme}://{parts.netloc}{path.rstrip('/')}"


def binder_link(owner, repo, branch, path):
    return f"https://mybinder.org/v2/gh/{owner}/{repo}/{quote(branch, safe='')}?urlpath=lab/tree/{quote(path)}"


def nbgitpuller_link(hub, url, branch, path):
    folder = clone_folder(url)
    query = urlencode({"repo": clone_url(url), "branch": branch, "targetpath": folder,
                       "urlpath": f"lab/tree/{folder}/{path}"})
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
    if not re.fullmatch(r"[A-Za-z0-9._/-]+", branch or "") or ".." in branch:
        raise LinkError(f"BRANCH must be a branch or tag name such as main, got {branch!r}")
    if not re.fullmatch(r"[A-Za-z0-9._-]+", remote or ""):
        raise LinkError(f"REMOTE must be a git remote name such as origin, got {remote!r}")
    hub = as_hub(hub) if hub else None
    url = origin_url(repo_dir, remote)
    paths = lesson_paths(repo_dir)
    width = max(len(Path(p).stem) for p in paths)
    lines, problems = [], []
    try:
        owner, repo = github_repo(url)
        lines.append(f"Binder ({owner}/{repo}, {branch}; JupyterLab, no install):")
        lines += [f"  {Path(p).stem:<{width}}  {binder_link(owner, repo, branch, p)}" for p in paths]
    except LinkError as error:
        problems.append(f"no Binder links: {error}")
    if hub:
        try:
            pulled = [f"  {Path(p).stem:<{width}}  {nbgitpuller_link(hub, url, branch, p)}" for p in paths]
            lines += [f"nbgitpuller on {hub} (clones {clone_url(url)} into {clone_folder(url)}/ in each "
                      "student's home):", *pulled]
        except LinkError as error:
            problems.append(f"no nbgitpuller links: {error}")
    else:
        lines.append("(no HUB given: add HUB=https://your.hub for the nbgitpuller links)")
    return lines, problems


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m mlp_helpers.tools.class_links",
                                     description="Print Binder and nbgitpuller links for a clone's origin.")
    parser.add_argument("--hub", default="", help="the JupyterHub's address, e.g. https://hub.example.edu")
    parser.add_argument("--branch", default="main", help="the branch or tag students get (default: main)")
    parser.add_argument("--remote", default="origin", help="the git remote to link (default: origin)")
    parser.add_argument("--repo", default=".", type=Path,
                        help="the clone (default: the current folder; a `make release` folder for the students' repository)")
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
