"""Smoke-test built Linux artefacts as a teacher would get them: unpacked under a path with spaces, run
from another folder with a scrubbed environment, then again with the install folder read-only."""

from __future__ import annotations

import os
import subprocess
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

NOBODY = 65534


@dataclass(frozen=True)
class SmokeResult:
    label: str
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def scrubbed_env(home: Path) -> dict[str, str]:
    """What `env -i` leaves plus the minimum a desktop session would have."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}


def smoke_command(executable: Path, env: dict[str, str], as_user: int | None = None) -> list[str]:
    """`env -i VAR=... <kit> --smoke-test`, optionally as another user (root ignores read-only bits)."""
    command = ["env", "-i", *(f"{k}={v}" for k, v in sorted(env.items())), str(executable), "--smoke-test"]
    if as_user is not None:
        command = ["setpriv", f"--reuid={as_user}", f"--regid={as_user}", "--clear-groups", *command]
    return command


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under root with size and mtime: a smoke run must leave this unchanged."""
    return {str(p.relative_to(root)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in sorted(root.rglob("*"))}


def make_read_only(root: Path) -> None:
    """`chmod -R a-w`, without following symlinks."""
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o222)


def make_writable(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)


def open_up(path: Path, stop: Path) -> None:
    """Let another user reach `path`: temp dirs are 0700, so add o+x on each parent up to `stop`."""
    if not path.is_relative_to(stop):
        raise ValueError(f"{path} is not inside {stop}")
    for parent in [path, *path.parents]:
        parent.chmod(parent.stat().st_mode | 0o055)
        if parent == stop:
            break


def unpack_tarball(archive: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="tar")
        top = {name.split("/", 1)[0] for name in tar.getnames()}
    if len(top) != 1:
        raise ValueError(f"{archive.name} must hold one top folder, not {sorted(top)}")
    return into / top.pop()


def unpack_deb(deb: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    return into


def run_smoke(
    label: str, executable: Path, install_root: Path, work: Path, run: Callable[..., subprocess.CompletedProcess]
) -> list[SmokeResult]:
    """Smoke-test one unpacked install twice: as unpacked, then read-only (as an unprivileged user when
    we are root, since root ignores permission bits). Each run starts in `work`, away from the install."""
    results = []
    for mode in ("writable", "read-only"):
        home = work / f"home {mode}"
        cwd = work / f"elsewhere {mode}"
        home.mkdir(parents=True)
        cwd.mkdir(parents=True)
        user = None
        if mode == "read-only":
            make_read_only(install_root)
            if os.geteuid() == 0:
                user = NOBODY
                open_up(install_root, work.parent)
                open_up(home, work.parent)
                open_up(cwd, work.parent)
                os.chown(home, NOBODY, NOBODY)
        before = snapshot(install_root)
        done = run(smoke_command(executable, scrubbed_env(home), user), cwd=cwd, capture_output=True, text=True)
        output = done.stdout + done.stderr
        changed = sorted(set(snapshot(install_root).items()) ^ set(before.items()))
        code = done.returncode
        if changed and code == 0:
            code, output = 1, output + f"\nthe smoke test wrote into the install folder: {changed[:5]}"
        results.append(SmokeResult(f"{label}, {mode}", code, output))
    make_writable(install_root)
    return results
