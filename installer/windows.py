"""Windows artefacts: the Inno Setup script and the .exe version resource, generated from templates."""

from __future__ import annotations

import re
import shutil
from pathlib import Path, PureWindowsPath
from string import Template

from installer import file_type, meta


def version_quad(version: str) -> tuple[int, int, int, int]:
    """`0.1.0` -> (0, 1, 0, 0); pre-release tails (`1.2.0rc1`) keep their leading digits."""
    numbers = []
    for part in version.split(".")[:4]:
        match = re.match(r"\d+", part)
        numbers.append(int(match.group()) if match else 0)
    return tuple([*numbers, 0, 0, 0, 0][:4])


def inno_script(template: str, *, version: str, bundle_dir: str, icon: str, license_file: str, output_dir: str,
                output_name: str) -> str:  # fmt: skip
    """The .iss text; paths are written Windows-style since ISCC only runs there."""
    return Template(template).substitute(
        app_id=meta.WINDOWS_APP_ID,
        app_name=meta.APP_NAME,
        version=version,
        version_quad=".".join(map(str, version_quad(version))),
        homepage=meta.HOMEPAGE,
        exe=f"{meta.EXECUTABLE}.exe",
        bundle_dir=str(PureWindowsPath(bundle_dir)),
        icon=str(PureWindowsPath(icon)),
        license_file=str(PureWindowsPath(license_file)),
        output_dir=str(PureWindowsPath(output_dir)),
        output_name=output_name,
        registry=file_type.inno_registry(f"{meta.EXECUTABLE}.exe"),
    )


def version_resource(version: str) -> str:
    """PyInstaller's `version=` file: a VSVersionInfo literal shown in Explorer's file properties."""
    quad = version_quad(version)
    strings = {
        "CompanyName": f"{meta.APP_NAME} developers",
        "FileDescription": meta.APP_NAME,
        "FileVersion": version,
        "InternalName": meta.EXECUTABLE,
        "LegalCopyright": meta.LICENSE,
        "OriginalFilename": f"{meta.EXECUTABLE}.exe",
        "ProductName": meta.APP_NAME,
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('040904B0', [\n"
        f"{entries}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [1033, 1200])]),\n"
        "  ]\n"
        ")\n"
    )


def find_iscc(environ: dict[str, str]) -> str | None:
    """ISCC.exe on PATH, else in Inno Setup 6's default per-machine or per-user install folder."""
    found = shutil.which("ISCC.exe") or shutil.which("iscc")
    if found:
        return found
    for base in (environ.get("ProgramFiles(x86)"), environ.get("ProgramFiles"), environ.get("LOCALAPPDATA")):
        if base:
            for sub in (("Inno Setup 6",), ("Programs", "Inno Setup 6")):
                candidate = Path(base, *sub, "ISCC.exe")
                if candidate.is_file():
                    return str(candidate)
    return None


def iscc_command(iscc: str, script: Path) -> list[str]:
    return [iscc, "/Qp", str(script)]
