"""The `.kitpack` file type, registered with each desktop so a double-clicked pack opens in the kit.

One place for the type's facts; each installer gets them in its own form: a shared-mime-info XML and the desktop
file's MimeType (Linux), CFBundleDocumentTypes + UTExportedTypeDeclarations (macOS Info.plist), and Inno Setup
[Registry] lines (Windows). The kit itself takes the file as `kit PACK.kitpack` (kit.cli) or, on macOS, as a
QFileOpenEvent (kit.ui.single_instance.file_open), and imports it as File > Import Pack does.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from installer import meta

EXTENSION = "kitpack"  # kit.ui.single_instance.message.PACK_SUFFIX without its dot (a test keeps them equal)
MIME_TYPE = "application/x-kitpack"
UTI = f"{meta.BUNDLE_ID}pack"  # org.classroomkit.kitpack: reverse-DNS under the app's own bundle id
DESCRIPTION = f"{meta.APP_NAME} pack"
DESCRIPTION_FR = f"Paquet {meta.APP_NAME}"
# A .kitpack is a zip whose first entry is manifest.json (kit.core.packs.exporter writes it first): the name sits
# right after the 30-byte local file header. Checked below the glob, so a pack zipped by hand still opens.
ZIP_MAGIC = "PK\\003\\004"
FIRST_ENTRY = "manifest.json"
FIRST_ENTRY_OFFSET = 30
# Inno Setup's ProgID: "<vendor>.<type>", never changed once shipped (uninstall and upgrades find it by name).
WINDOWS_PROGID = "ClassroomKit.kitpack"


def mime_package_name() -> str:
    """usr/share/mime/packages/<this>: named after the Debian package, as shared-mime-info asks."""
    return f"{meta.PACKAGE}.xml"


def shared_mime_info_xml() -> str:
    """The freedesktop.org shared-mime-info description of the type (a subclass of zip, found by name first)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">\n'
        f"  <mime-type type={quoteattr(MIME_TYPE)}>\n"
        f"    <comment>{escape(DESCRIPTION)}</comment>\n"
        f'    <comment xml:lang="fr">{escape(DESCRIPTION_FR)}</comment>\n'
        '    <sub-class-of type="application/zip"/>\n'
        f'    <generic-icon name="package-x-generic"/>\n'
        f'    <glob pattern="*.{EXTENSION}"/>\n'
        '    <magic priority="60">\n'
        f'      <match type="string" offset="0" value="{ZIP_MAGIC}">\n'
        f'        <match type="string" offset="{FIRST_ENTRY_OFFSET}" value="{FIRST_ENTRY}"/>\n'
        "      </match>\n"
        "    </magic>\n"
        "  </mime-type>\n"
        "</mime-info>\n"
    )


def desktop_mime_types() -> str:
    """The desktop file's MimeType value (a list ended by a semicolon)."""
    return f"{MIME_TYPE};"


def mac_document_types() -> dict:
    """Info.plist keys: the app owns the type it exports; Finder then sends it an open-document event."""
    return {
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": DESCRIPTION,
                "CFBundleTypeRole": "Viewer",  # the kit imports a pack; it never writes one back in place
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [UTI],
            }
        ],
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": UTI,
                "UTTypeDescription": DESCRIPTION,
                "UTTypeConformsTo": ["public.zip-archive", "public.data"],
                "UTTypeTagSpecification": {
                    "public.filename-extension": [EXTENSION],
                    "public.mime-type": [MIME_TYPE],
                },
            }
        ],
    }


def inno_registry(exe: str) -> str:
    """Inno Setup [Registry] lines. HKA is the current user in a per-user install (PrivilegesRequired=lowest), so
    no administrator is needed; the uninstaller removes the ProgID and the extension's link to it."""
    command = f'"""{{app}}\\{exe}"" ""%1"""'  # the value "C:\...\kit.exe" "%1", in Inno's doubled quotes
    classes = "Software\\Classes"
    return "\n".join(
        [
            f'Root: HKA; Subkey: "{classes}\\.{EXTENSION}"; ValueType: string; ValueName: ""; '
            f'ValueData: "{WINDOWS_PROGID}"; Flags: uninsdeletevalue',
            f'Root: HKA; Subkey: "{classes}\\.{EXTENSION}"; ValueType: string; ValueName: "Content Type"; '
            f'ValueData: "{MIME_TYPE}"; Flags: uninsdeletevalue',
            f'Root: HKA; Subkey: "{classes}\\.{EXTENSION}\\OpenWithProgids"; ValueType: string; '
            f'ValueName: "{WINDOWS_PROGID}"; ValueData: ""; Flags: uninsdeletevalue',
            f'Root: HKA; Subkey: "{classes}\\{WINDOWS_PROGID}"; ValueType: string; ValueName: ""; '
            f'ValueData: "{DESCRIPTION}"; Flags: uninsdeletekey',
            f'Root: HKA; Subkey: "{classes}\\{WINDOWS_PROGID}\\DefaultIcon"; ValueType: string; ValueName: ""; '
            f'ValueData: "{{app}}\\{exe},0"',
            f'Root: HKA; Subkey: "{classes}\\{WINDOWS_PROGID}\\shell\\open\\command"; ValueType: string; '
            f'ValueName: ""; ValueData: {command}',
            f'Root: HKA; Subkey: "{classes}\\Applications\\{exe}\\SupportedTypes"; ValueType: string; '
            f'ValueName: ".{EXTENSION}"; ValueData: ""; Flags: uninsdeletekey',
        ]
    )
