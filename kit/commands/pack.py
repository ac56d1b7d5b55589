"""`kit pack export|import|remove|list`: share packs on a USB stick (.kitpack files)."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.commands.context import UserError
from kit.core.i18n import QT_TRANSLATE_NOOP, translate

# The pack machinery (zip, YAML, SQLite) is ~100 ms of imports, so each action imports what it uses: building
# the parser, which every `kit` command does, must not pay for it.

HELP = QT_TRANSLATE_NOOP("Cli", "export, import or remove .kitpack files")


def add_arguments(parser) -> None:
    actions = parser.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    export = actions.add_parser(
        "export", help=translate("Cli", "write resources, whole packs or a lesson to a .kitpack file")
    )
    export.add_argument(
        "ids", nargs="*", metavar="ID", help=translate("Cli", "resource ids or pack ids (see 'kit list')")
    )
    export.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.kitpack")
    export.add_argument(
        "--lesson", type=int, metavar="N", help=translate("Cli", "also export lesson N and its resources")
    )
    export.add_argument("--pack-id", help=translate("Cli", "id of the new pack (default: from the title or the date)"))
    export.add_argument("--title", help=translate("Cli", "title of the new pack"))
    export.set_defaults(action=cmd_export)

    imp = actions.add_parser(
        "import", help=translate("Cli", "install a .kitpack file (checked whole before anything is written)")
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    choice = imp.add_mutually_exclusive_group()
    choice.add_argument(
        "--replace", action="store_true", help=translate("Cli", "replace an installed pack with the same id")
    )
    choice.add_argument(
        "--keep-both", action="store_true", help=translate("Cli", "keep an installed pack with the same id too")
    )
    imp.set_defaults(action=cmd_import)

    remove = actions.add_parser("remove", help=translate("Cli", "remove an imported pack"))
    remove.add_argument("pack_id", metavar="ID")
    remove.set_defaults(action=cmd_remove)

    listing = actions.add_parser("list", help=translate("Cli", "list imported packs and your own pack"))
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
            raise UserError(translate("Cli", "no lesson {number}").format(number=args.lesson))
        present = [i for i in lesson.items if context.library.get(i.resource_id) is not None]
        ids += [i.resource_id for i in present if i.resource_id not in ids]
        lessons.append(
            lesson_entry(lesson.title, lesson.class_name, lesson.date, [(i.resource_id, i.minutes) for i in present])
        )
        args.title = args.title or lesson.title
    if not args.output.name.lower().endswith(".kitpack"):
        raise UserError(translate("Cli", "{path}: the file name should end with .kitpack").format(path=args.output))
    result = export_pack(context.library, ids, args.output, pack_id=args.pack_id, title=args.title, lessons=lessons)
    print(
        translate("Cli", "Exported pack '{pack}': {resources} resource(s), {files} file(s) to {path}").format(
            pack=result.pack_id, resources=result.resources, files=result.files, path=result.path
        )
    )
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
        options = "--keep-both" if exc.bundled else translate("Cli", "--replace or --keep-both")
        raise UserError(
            translate("Cli", "{file}: {problem} (use {options})").format(
                file=args.file.name, problem=exc, options=options
            )
        ) from None
    except importer.PackError as exc:
        raise UserError(
            translate("Cli", "{file} was not imported: {problem}").format(file=args.file.name, problem=exc)
        ) from None
    done = (
        translate("Cli", "Replaced pack '{pack}' into {path}")
        if result.replaced
        else translate("Cli", "Imported pack '{pack}' into {path}")
    )
    print(done.format(pack=result.pack_id, path=result.path))
    for warning in result.warnings:
        print(translate("Cli", "warning: {problem}").format(problem=warning), file=sys.stderr)
    # The context's library is read for the first time here, after the import, so it includes the new pack;
    # loading it warns about every hidden resource (Context.library): what this pack hides, and what hides it.
    context.library  # noqa: B018
    if result.lessons:
        with Store.open(locations.data_dir) as store:
            try:
                added, skipped = store_pack_lessons(store, result.path, result.pack_id, result.lessons)
            except StoreError as exc:
                raise UserError(
                    translate("Cli", "the pack was imported but its lessons were not: {problem}").format(problem=exc)
                ) from None
        skipped_text = (
            translate("Cli", "; skipped {count} that could not be read").format(count=skipped) if skipped else ""
        )
        print(translate("Cli", "Added {count} lesson(s)").format(count=added) + skipped_text)
    return 0


def cmd_remove(args, context) -> int:
    from kit.core.packs import installed

    installed.remove_pack(context.locations.own_packs_dir, args.pack_id)
    print(translate("Cli", "Removed pack '{pack}'").format(pack=args.pack_id))
    return 0


def cmd_list(args, context) -> int:
    from kit.core.content.loader import load_pack_info
    from kit.core.packs import installed
    from kit.core.packs.manifest import installed_version

    folders = installed.installed_pack_dirs(context.locations.own_packs_dir)
    if not folders:
        print(translate("Cli", "No imported packs."), file=sys.stderr)
    for folder in folders:
        pack, _ = load_pack_info(folder)
        title = pack.title if pack else "(pack.yaml cannot be read)"
        version = installed_version(folder) or (pack.version if pack else "")
        print(f"{folder.name}  {version or '-'}  {title}")
    return 0
