"""macOS artefacts: the .app (PyInstaller BUNDLE, see kit.spec), its optional signature and the .dmg."""

from __future__ import annotations

from pathlib import Path

from installer import meta


def app_path(dist: Path) -> Path:
    return dist / f"{meta.APP_NAME}.app"


def codesign_command(app: Path, identity: str, entitlements: Path) -> list[str]:
    """Sign with the hardened runtime and a secure timestamp, as notarisation requires."""
    return [
        "codesign", "--force", "--deep", "--options", "runtime", "--timestamp",
        "--entitlements", str(entitlements), "--sign", identity, str(app),
    ]  # fmt: skip


def dmg_commands(app: Path, staging: Path, dmg: Path, version: str) -> list[list[str]]:
    """Stage the .app beside an /Applications link (drag to install), then make a compressed image."""
    return [
        ["ditto", str(app), str(staging / app.name)],
        ["ln", "-s", "/Applications", str(staging / "Applications")],
        [
            "hdiutil", "create", "-volname", f"{meta.APP_NAME} {version}", "-srcfolder", str(staging),
            "-fs", "HFS+", "-format", "UDZO", "-ov", str(dmg),
        ],
    ]  # fmt: skip


def notarise_commands(dmg: Path, keychain_profile: str) -> list[list[str]]:
    """Submit to Apple's notary service (credentials stored once with `xcrun notarytool store-credentials`)
    and staple the ticket so the .dmg opens offline without a network check."""
    return [
        ["xcrun", "notarytool", "submit", str(dmg), "--keychain-profile", keychain_profile, "--wait"],
        ["xcrun", "stapler", "staple", str(dmg)],
    ]
