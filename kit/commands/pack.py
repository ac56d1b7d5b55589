"""`kit pack export|import|remove|list`: share packs on a USB stick (.kitpack files)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    pack = subparsers.add_parser("pack", help="export, import or remove .kitpack files")
    actions = pack.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    export = actions.add_parser("export", help="write resources, whole packs or a lesson to a .kitpack file")
    export.add_argument("ids", nargs="*", metavar="ID", help="resource ids or pack ids (see 'kit list')")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.kitpack")
    export.add_argument("--lesson", type=int, metavar="N", help="also export lesson N and its resources")
    export.add_argument("--pack-id", help="id of the new pack (default: from the title or the date)")
    export.add_argument("--title", help="title of the new pack")
    export.set_defaults(handler=cmd_export)

    imp = actions.add_parser("import", help="install a .kitpack file (checked whole before anything is written)")
    imp.add_argument("file", type=Path, metavar="FILE")
    choice = imp.add_mutually_exclusive_group()
    choice.add_argument("--replace", action="store_true", help="replace an installed pack with the same id")
    choice.add_argument("--keep-both", action="store_true", help="keep an installed pack with the same id too")
    imp.set_defaults(handler=cmd_import)

    remove = actions.add_parser("remove", help="remove an imported pack")
    remove.add_argument("pack_id", metavar="ID")
    remove.set_defaults(handler=cmd_remove)

    listing = actions.add_parser("list", help="list imported packs and your own pack")
    listing.set_defaults(handler=cmd_list)


def bundled_pack_ids(locations) -> set[str]:
    """Ids of the packs outside the data dir (bundled or --resources): an import can only sit beside them."""
    from kit.core.content import find_pack_dirs, load_pack_info

    ids = set()
    for folder in find_pack_dirs(locations.resource_dirs):
        pack, _ = load_pack_info(folder)
        if pack is not None:
            ids.add(pack.id)
    return ids


def cmd_export(args, locations) -> int:
    from kit.cli import UserError, _load
    from kit.core.pack_export import export_pack, lesson_entry
    from kit.core.pack_manifest import PackError

    library = _load(locations)
    ids, lessons = list(args.ids), []
    if args.lesson is not None:
        from kit.core.store import Store

        with Store.open(locations.data_dir) as store:
            lesson = store.lesson(args.lesson)
        if lesson is None:
            raise UserError(f"no lesson {args.lesson}")
        present = [i for i in lesson.items if library.get(i.resource_id) is not None]
        ids += [i.resource_id for i in present if i.resource_id not in ids]
        lessons.append(
            lesson_entry(lesson.title, lesson.class_name, lesson.date, [(i.resource_id, i.minutes) for i in present])
        )
        args.title = args.title or lesson.title
    if not args.output.name.lower().endswith(".kitpack"):
        raise UserError(f"{args.output}: the file name should end with .kitpack")
    try:
        result = export_pack(library, ids, args.output, pack_id=args.pack_id, title=args.title, lessons=lessons)
    except PackError as exc:
        raise UserError(str(exc)) from None
    print(f"Exported pack '{result.pack_id}': {result.resources} resource(s), {result.files} file(s) to {result.path}")
    return 0


def cmd_import(args, locations) -> int:
    from kit.cli import UserError
    from kit.core import pack_install, packs

    pack_install.recover(locations.own_packs_dir)
    mode = "replace" if args.replace else "keep-both" if args.keep_both else "ask"
    try:
        result = packs.import_pack(
            args.file, locations.own_packs_dir, on_conflict=mode, reserved=bundled_pack_ids(locations)
        )
    except packs.PackConflict as exc:
        raise UserError(f"{args.file.name}: {exc} (use --replace or --keep-both)") from None
    except packs.PackError as exc:
        raise UserError(f"{args.file.name} was not imported: {exc}") from None
    verb = "Replaced" if result.replaced else "Imported"
    print(f"{verb} pack '{result.pack_id}' into {result.path}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if result.lessons:
        added, skipped = add_lessons(locations, result.lessons)
        print(f"Added {added} lesson(s)" + (f"; skipped {skipped} that could not be read" if skipped else ""))
    return 0


def add_lessons(locations, entries) -> tuple[int, int]:
    """Lessons a pack carried, into the store; entries with wrong types are skipped and counted."""
    import datetime as dt

    from kit.core.store import LessonItem, Store, StoreError

    added = skipped = 0
    with Store.open(locations.data_dir) as store:
        for entry in entries:
            try:
                title = entry["title"]
                items = [LessonItem(i["resource"], i.get("minutes")) for i in entry.get("items") or []]
                date = dt.date.fromisoformat(entry["date"]) if entry.get("date") else None
                if not isinstance(title, str) or not all(isinstance(i.resource_id, str) for i in items):
                    raise TypeError(title)
                if not all(i.minutes is None or isinstance(i.minutes, int) for i in items):
                    raise TypeError("minutes")
                store.create_lesson(title, str(entry.get("class") or ""), date, items)
                added += 1
            except (KeyError, TypeError, ValueError, AttributeError, StoreError):
                skipped += 1
    return added, skipped


def cmd_remove(args, locations) -> int:
    from kit.cli import UserError
    from kit.core import pack_install
    from kit.core.pack_manifest import PackError

    try:
        pack_install.remove_pack(locations.own_packs_dir, args.pack_id)
    except PackError as exc:
        raise UserError(str(exc)) from None
    print(f"Removed pack '{args.pack_id}'")
    return 0


def cmd_list(args, locations) -> int:
    from kit.core import pack_install
    from kit.core.content import load_pack_info
    from kit.core.pack_manifest import installed_version

    folders = pack_install.installed_pack_dirs(locations.own_packs_dir)
    if not folders:
        print("No imported packs.", file=sys.stderr)
    for folder in folders:
        pack, _ = load_pack_info(folder)
        title = pack.title if pack else "(pack.yaml cannot be read)"
        version = installed_version(folder) or (pack.version if pack else "")
        print(f"{folder.name}  {version or '-'}  {title}")
    return 0
