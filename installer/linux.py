"""Linux artefacts: the portable .tar.gz and the .deb (control file, Depends from ldd + dpkg -S)."""

from __future__ import annotations

import os
import re
import subprocess
import tarfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath
from string import Template

from installer import file_type, meta

OPT_DIR = PurePosixPath("/opt") / meta.PACKAGE
DESKTOP_NAME = f"{meta.PACKAGE}.desktop"
USER_INSTALL_SCRIPT = "install-for-this-user.sh"  # in the portable folder: installer/files/linux/
# Fonts are found through the host's fontconfig; the app is unusable without at least one font.
FONT_DEPENDS = "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core"
# Read aloud speaks through speech-dispatcher (the bundle's QtTextToSpeech plugin is its client) and espeak-ng's
# voices; without them the kit says in one line that read aloud needs a voice.
RECOMMENDS = "speech-dispatcher, speech-dispatcher-espeak-ng"


def desktop_entry(template: str, exec_path: str, icon: str) -> str:
    # Exec paths with spaces must be quoted (Desktop Entry spec, "The Exec key").
    quoted = f'"{exec_path}"' if " " in exec_path else exec_path
    return Template(template).substitute(exec=quoted, icon=icon, mime_types=file_type.desktop_mime_types())


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def parse_ldd(output: str) -> tuple[dict[str, str], list[str]]:
    """`ldd` output -> ({soname: resolved path}, [sonames not found])."""
    resolved, missing = {}, []
    for line in output.splitlines():
        line = line.strip()
        match = re.match(r"(\S+) => (not found|(\S+) \(0x[0-9a-f]+\))", line)
        if match:
            if match.group(2) == "not found":
                missing.append(match.group(1))
            else:
                resolved[match.group(1)] = match.group(3)
        elif line.startswith("/") and "(" in line:  # the dynamic loader itself
            path = line.split()[0]
            resolved[PurePosixPath(path).name] = path
    return resolved, missing


def system_libraries(
    bundle: Path, ldd: Callable[[list[str]], str], needed: Callable[[str], Iterable[str]]
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Libraries the bundle links directly from the host ({soname: path}), and unresolved ones
    ({soname: [needed by]}).

    `ldd` (run by the caller with the bundle's library folders on LD_LIBRARY_PATH, as the frozen app
    finds them) resolves paths and finds anything missing at any depth; `needed` (DT_NEEDED) keeps the
    host list to direct links, since a host library's own dependencies come with its package.
    """
    host: dict[str, str] = {}
    missing: dict[str, list[str]] = {}
    bundle = bundle.resolve()
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)):
        resolved, not_found = parse_ldd(ldd(["ldd", str(path)]))
        for soname in needed(str(path)):
            where = resolved.get(soname)
            if where and not Path(where).resolve().is_relative_to(bundle):
                host[soname] = where
        for soname in not_found:
            missing.setdefault(soname, []).append(str(path.relative_to(bundle)))
    return host, missing


def parse_dpkg_search(output: str) -> list[str]:
    """`dpkg -S` output (`libc6:amd64, libc6-dbg: /path`) -> package names without architecture."""
    packages = []
    for line in output.splitlines():
        if ": " not in line or line.startswith("diversion"):
            continue
        for name in line.split(": ", 1)[0].split(", "):
            packages.append(name.split(":")[0].strip())
    return packages


def usrmerge_variants(path: str) -> list[str]:
    """dpkg records /lib/... or /usr/lib/... depending on the package; on merged-/usr systems try both."""
    variants = [path]
    for short, full in (("/lib/", "/usr/lib/"), ("/lib64/", "/usr/lib64/"), ("/bin/", "/usr/bin/")):
        if path.startswith(short):
            variants.append(full + path[len(short) :])
        elif path.startswith(full):
            variants.append(short + path[len(full) :])
    return variants


def depends(host_libraries: Mapping[str, str], search: Callable[[str], str]) -> list[str]:
    """Debian packages owning the host libraries; `search(path)` returns `dpkg -S path` output or ''."""
    packages: set[str] = set()
    unowned = []
    for soname, path in sorted(host_libraries.items()):
        for candidate in dict.fromkeys(usrmerge_variants(path) + usrmerge_variants(os.path.realpath(path))):
            owners = parse_dpkg_search(search(candidate))
            if owners:
                packages.update(owners)
                break
        else:
            unowned.append(f"{soname} ({path})")
    if unowned:
        raise LookupError("no Debian package owns: " + ", ".join(unowned))
    return sorted(packages)


def control(version: str, architecture: str, depends_on: Iterable[str], installed_kib: int) -> str:
    return (
        f"Package: {meta.PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {architecture}\n"
        f"Maintainer: {meta.MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join([*depends_on, FONT_DEPENDS])}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Section: education\n"
        "Priority: optional\n"
        f"Homepage: {meta.HOMEPAGE}\n"
        f"Description: {meta.SUMMARY}\n"
        " Classroom Kit puts a teaching kit (articles, handouts, discussion guides, teacher notes)\n"
        " on a teacher's computer: searchable, readable, presentable and printable with no internet.\n"
        " It bundles its own Python and Qt in /opt/classroom-kit.\n"
    )


def deb_layout(version: str) -> dict[str, str]:
    """Where things go inside the package (paths relative to the package root)."""
    return {
        "bundle": str(OPT_DIR).lstrip("/"),
        "link": "usr/bin/" + meta.EXECUTABLE,
        # Relative, so the link also works inside a `dpkg -x` tree (the smoke test runs through it).
        "link_target": "../../" + str(OPT_DIR).lstrip("/") + "/" + meta.EXECUTABLE,
        "desktop": f"usr/share/applications/{DESKTOP_NAME}",
        "icon": f"usr/share/icons/hicolor/256x256/apps/{meta.PACKAGE}.png",
        # The .kitpack type. No maintainer script: shared-mime-info and desktop-file-utils watch these folders with
        # dpkg file triggers and run update-mime-database / update-desktop-database after any package changes them.
        "mime": f"usr/share/mime/packages/{file_type.mime_package_name()}",
        "doc": f"usr/share/doc/{meta.PACKAGE}",
    }


def tree_size_kib(root: Path) -> int:
    return sum((p.lstat().st_size + 1023) // 1024 for p in root.rglob("*") if p.is_file() or p.is_symlink())


def _root_owned(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if info.isdir() or info.mode & 0o111:
        info.mode = 0o755
    else:
        info.mode = 0o644
    return info


def make_tarball(folder: Path, out: Path) -> Path:
    """`folder` as `<out>` with the folder's name as the single top directory, root-owned, gzip -9."""
    with tarfile.open(out, "w:gz", compresslevel=9) as archive:
        archive.add(folder, arcname=folder.name, filter=_root_owned)
    return out


def deb_command(root: Path, out: Path) -> list[str]:
    return ["dpkg-deb", "--root-owner-group", "--build", str(root), str(out)]


def run_text(command: list[str]) -> str:
    """Run a probe command and return its output ('' when it fails, as `dpkg -S` does for unknown paths)."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return result.stdout if result.returncode == 0 else ""
