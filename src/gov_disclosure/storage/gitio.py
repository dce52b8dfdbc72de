"""The one place that runs git (a subprocess of the real `git`).

Everything here raises :class:`GdError` with exit code 2 for what the user
typed (a workspace outside git, an unknown revision) and never lets a git
failure turn into a traceback.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gov_disclosure.errors import ExitCode, GdError, Problem


def _git_binary() -> str:
    found = shutil.which("git")
    if found is None:
        raise GdError.usage("git is not installed (gd runs the git command for this)")
    return found


def run(args: list[str], cwd: Path, *, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(
        [_git_binary(), *args], cwd=cwd, capture_output=True, check=False, env=_env()
    )
    if check and proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        why = message[-1] if message else "failed"
        raise GdError([Problem(f"git {args[0]}: {why}")], ExitCode.USAGE)
    return proc


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.update({"LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat"})
    return env


def text(args: list[str], cwd: Path) -> str:
    return run(args, cwd).stdout.decode("utf-8", "replace")


def toplevel(folder: Path) -> Path | None:
    """The root of the git repository holding ``folder``, or None outside git."""
    if shutil.which("git") is None:
        return None
    proc = run(["rev-parse", "--show-toplevel"], folder, check=False)
    if proc.returncode != 0:
        return None
    return Path(proc.stdout.decode().strip())


def require_repo(folder: Path) -> Path:
    top = toplevel(folder)
    if top is None:
        raise GdError.usage(f"{folder} is not in a git repository (git init, then commit the plan)")
    return top


def resolve(rev: str, folder: Path) -> str:
    """The full commit id of a revision; a usage error when git does not know it."""
    if rev.startswith("-"):
        raise GdError.usage(f"{rev!r} is not a revision")
    proc = run(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], folder, check=False)
    if proc.returncode != 0:
        raise GdError.usage(f"unknown revision {rev!r}")
    return proc.stdout.decode().strip()


def relpath(path: Path, top: Path) -> str:
    return PurePosixPath(path.resolve().relative_to(top.resolve())).as_posix()


def is_ignored(path: Path, top: Path) -> bool:
    """Whether git ignores ``path`` (which need not exist); a tracked file is never ignored."""
    proc = run(["check-ignore", "-q", "--", relpath(path, top)], top, check=False)
    if proc.returncode not in (0, 1):
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GdError.usage(f"git check-ignore: {message[-1] if message else 'failed'}")
    return proc.returncode == 0


def show(rev: str, path: Path, top: Path) -> bytes | None:
    """A file's content at a revision, or None when it does not exist there."""
    proc = run(["show", f"{rev}:{relpath(path, top)}"], top, check=False)
    if proc.returncode != 0:
        return None
    return proc.stdout


def listdir(rev: str, folder: Path, top: Path) -> list[str]:
    """Names of the files directly in a folder at a revision."""
    rel = relpath(folder, top)
    proc = run(["ls-tree", "--name-only", f"{rev}:{rel}" if rel != "." else rev], top, check=False)
    if proc.returncode != 0:
        return []
    return [line for line in proc.stdout.decode("utf-8", "replace").splitlines() if line]


@dataclass(frozen=True)
class Commit:
    """One commit of `git log`, as gd reads it."""

    sha: str
    author: str
    date: str  # ISO 8601, as git gives it
    subject: str
    body: str
    #: The commit it was made on (None for the first commit).
    parent: str | None = None

    @property
    def short(self) -> str:
        return self.sha[:8]


def head(top: Path) -> str | None:
    """The commit id of HEAD, or None in a repository with no commit yet."""
    proc = run(["rev-parse", "--verify", "--quiet", "HEAD"], top, check=False)
    return proc.stdout.decode().strip() or None if proc.returncode == 0 else None


def log(paths: list[Path], top: Path, rev: str = "HEAD") -> list[Commit]:
    """Commits reachable from ``rev`` that changed any of ``paths``, newest first."""
    if head(top) is None:
        return []  # no commit yet
    fmt = "%H%x1f%an%x1f%aI%x1f%s%x1f%P%x1f%b%x1e"
    out = text(["log", f"--format={fmt}", rev, "--", *(relpath(p, top) for p in paths)], top)
    commits = []
    for entry in out.split("\x1e"):
        entry = entry.strip("\n")
        if not entry:
            continue
        sha, author, date, subject, parents, body = entry.split("\x1f")
        first_parent = parents.split()[0] if parents.strip() else None
        commits.append(Commit(sha, author, date, subject, body.strip(), first_parent))
    return commits


def shallow_commits(top: Path) -> frozenset[str]:
    """The commits where a shallow clone's history is cut off (empty for a full clone)."""
    path = Path(text(["rev-parse", "--git-path", "shallow"], top).strip())
    if not path.is_absolute():
        path = top / path
    try:
        return frozenset(path.read_text(encoding="ascii").split())
    except OSError:
        return frozenset()


def is_dirty(paths: list[Path], top: Path) -> bool:
    """Whether the working tree differs from HEAD under any of ``paths`` (untracked included)."""
    rels = [relpath(p, top) for p in paths if p.exists()]
    if not rels:
        return False
    out = run(["status", "--porcelain", "--", *rels], top).stdout
    return bool(out.strip())
