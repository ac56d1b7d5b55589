"""`kit pack export|import|remove|list`: share packs on a USB stick (.kitpack files)."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.commands.context import UserError

# The pack machinery (zip, YAML, SQLite) is ~100 ms of imports, so each action imports what it uses: building
# the parser, which every `kit` command does, must not pay for it.

HELP = "export, import or remove .kitpack files"


def add_arguments(parser) -> None:
    actions = parser.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    export = actions.add_parser("export", help="write resources, whole packs or a lesson to a .kitpack file")
    export.add_argument("ids", nargs="*", metavar="ID", help="resource ids or pack ids (see 'kit list')")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.kitpack")
    export.add_argument("--lesson", type=int, metavar="N", help="also export lesson N and its resources")
    export.add_argument("--pack-id", help="id of the new pack (default: from the title or the date)")
    export.add_argument("--title", help="title of the new pack")
    export.set_defaults(action=cmd_export)

    imp = actions.add_parser("import", help="install a .kitpack file (checked whole before anything is written)")
    imp.add_argument("file", type=Path, metavar="FILE")
    choice = imp.add_mutually_exclusive_group()
    choice.add_argument("--replace", action="store_true", help="replace an installed pack with the same id")
    choice.add_argument("--keep-both", action="store_true", help="keep an installed pack with the same id too")
    imp.set_defaults(action=cmd_import)

    remove = actions.add_parser("remove", help="remove an imported pack")
    remove.add_argument("pack_id", metavar="ID")
    remove.set_defaults(action=cmd_remove)

    listing = actions.add_parser("list", help="list imported packs and your own pack")
    listing.set_defaults(action=cmd_list)


def run(args, context) -> int:
    return args.action(args, context)


def cmd_export(args, context) -> int:
    from kit.core.packs.exporter import export_pack
    from kit.core.packs.lessons import lesson_entry
    from kit.core.store.database import Store

    ids, lessons = list(args.ids), []
    if args.lesson is not None:
        with Store.open(context.locations.data_dir) as store:
            lesson = store.lesson(args.lesson)
        if lesson is None:
            raise UserError(f"no lesson {args.lesson}")
        present = [i for i in lesson.items if context.library.get(i.resource_id) is not None]
        ids += [i.resource_id for i in present if i.resource_id not in ids]
        lessons.append(
            lesson_entry(lesson.title, lesson.class_name, lesson.date, [(i.resource_id, i.minutes) for i in present])
        )
        args.title = args.title or lesson.title
    if not args.output.name.lower().endswith(".kitpack"):
        raise UserError(f"{args.output}: the file name should end with .kitpack")
    result = export_pack(context.library, ids, args.output, pack_id=args.pack_id, title=args.title, lessons=lessons)
    print(f"Exported pack '{result.pack_id}': {result.resources} resource(s), {result.files} file(s) to {result.path}")
    return 0


def cmd_import(args, context) -> int:
    from kit.core.packs import importer, installed, tidy
    from kit.core.packs.lessons import store_pack_lessons
    from kit.core.store.database import Store, StoreError

    locations = context.locations
    tidy.tidy(locations)
    mode = "replace" if args.replace else "keep-both" if args.keep_both else "ask"
    try:
        result = importer.import_pack(
            args.file,
            locations.own_packs_dir,
            on_conflict=mode,
            reserved=installed.reserved_ids(locations.resource_dirs),
        )
    except importer.PackConflict as exc:
        options = "--keep-both" if exc.bundled else "--replace or --keep-both"
        raise UserError(f"{args.file.name}: {exc} (use {options})") from None
    except importer.PackError as exc:
        raise UserError(f"{args.file.name} was not imported: {exc}") from None
    verb = "Replaced" if result.replaced else "Imported"
    print(f"{verb} pack '{result.pack_id}' into {result.path}")
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    # The context's library is read for the first time here, after the import, so it includes the new pack;
    # loading it warns about every hidden resource (Context.library): what this pack hides, and what hides it.
    context.library  # noqa: B018
    if result.lessons:
        with Store.open(locations.data_dir) as store:
            try:
                added, skipped = store_pack_lessons(store, result.path, result.pack_id, result.lessons)
            except StoreError as exc:
                raise UserError(f"the pack was imported but its lessons were not: {exc}") from None
        print(f"Added {added} lesson(s)" + (f"; skipped {skipped} that could not be read" if skipped else ""))
    return 0


def cmd_remove(args, context) -> int:
    from kit.core.packs import installed

    installed.remove_pack(context.locations.own_packs_dir, args.pack_id)
    print(f"Removed pack '{args.pack_id}'")
    return 0


def cmd_list(args, context) -> int:
    from kit.core.content.loader import load_pack_info
    from kit.core.packs import installed
    from kit.core.packs.manifest import installed_version

    folders = installed.installed_pack_dirs(context.locations.own_packs_dir)
    if not folders:
        print("No imported packs.", file=sys.stderr)
    for folder in folders:
        pack, _ = load_pack_info(folder)
        title = pack.title if pack else "(pack.yaml cannot be read)"
        version = installed_version(folder) or (pack.version if pack else "")
        print(f"{folder.name}  {version or '-'}  {title}")
    return 0
