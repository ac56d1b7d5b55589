"""`kit serve`: serve the student edition of the kit to the room's own network until Ctrl+C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from kit.commands.context import NO_CONTENT, Context, UserError
from kit.core.i18n import QT_TRANSLATE_NOOP, counted, translate

HELP = QT_TRANSLATE_NOOP("Cli", "share the student edition with the class over the local network")
DESCRIPTION = QT_TRANSLATE_NOOP(
    "Cli",
    "Serve a read-only student edition of the kit (no teacher notes) so students can read, search and print it "
    "in a browser on the same network. Prints the address and a QR code. Stop with Ctrl+C.",
)


def add_arguments(parser) -> None:
    from kit.web.server import ALL_INTERFACES, DEFAULT_PORT

    parser.add_argument(
        "ids", nargs="*", metavar="ID", help=translate("Cli", "share only these resources (default: the whole kit)")
    )
    parser.add_argument(
        "--lesson",
        type=int,
        metavar="N",
        help=translate(
            "Cli", "share only the student resources of your lesson number N (as planned in the app's Lessons)"
        ),
    )
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help=translate("Cli", "port to listen on (default {port})").format(port=DEFAULT_PORT),
    )
    parser.add_argument(
        "--host",
        default=ALL_INTERFACES,
        metavar="ADDR",
        help=translate(
            "Cli", "address to listen on (default: every network of this computer; 127.0.0.1 for this computer only)"
        ),
    )
    parser.add_argument("--no-qr", action="store_true", help=translate("Cli", "do not draw the QR code"))
    parser.add_argument(
        "--no-code",
        action="store_true",
        help=translate("Cli", "serve at the top of the address, without a classroom code (a school server of its own)"),
    )


def _lesson_ids(context: Context, number: int) -> list[str]:
    """The resource ids of the teacher's lesson `number`, read from the data store without writing to it."""
    from kit.core.store.database import Store

    store = Store.open_read_only(context.locations.data_dir)
    try:
        lesson = store.lesson(number)
        if lesson is None:
            known = ", ".join(f"{x.id} ({x.title})" for x in store.lessons()[:10]) or translate(
                "Cli", "none yet; plan one in the app"
            )
            raise UserError(
                translate("Cli", "there is no lesson {number}; your lessons: {known}").format(
                    number=number, known=known
                )
            )
        return [item.resource_id for item in lesson.items]
    finally:
        store.close()


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError("give a port from 1 to 65535 (0: any free port)")
    return value


def run(args: argparse.Namespace, context: Context, stop: threading.Event | None = None) -> int:
    from kit.web import create_app
    from kit.web.addresses import share_urls
    from kit.web.class_code import ClassCode, new_code
    from kit.web.qr import terminal_qr
    from kit.web.server import ShareServer

    if not context.library_roots():
        raise UserError(translate("Cli", NO_CONTENT))
    # kit.web loads the library itself, from the same library_roots(): it also runs without the command line
    # (under gunicorn), so it cannot take the Context's.
    if args.lesson is not None and args.ids:
        raise UserError(translate("Cli", "give either --lesson N or resource ids, not both"))
    ids = _lesson_ids(context, args.lesson) if args.lesson is not None else args.ids
    app = create_app(context.locations, ids or None)
    missing = [i for i in args.ids if i not in app.by_id]
    if missing:
        raise UserError(
            translate(
                "Cli",
                "'{id}' is not a student resource of this kit (see 'kit list'; teacher notes "
                "and resources for educators are never shared)",
            ).format(id=missing[0])
        )
    if not app.library.resources:
        nothing = (
            translate("Cli", "there is nothing to share: lesson {number} has no student resources")
            if args.lesson is not None
            else translate("Cli", "there is nothing to share: the kit has no student resources")
        )
        raise UserError(nothing.format(number=args.lesson))
    # A new classroom code each start, in every address: a neighbouring class does not stumble in.
    code = "" if args.no_code else new_code()
    server = ShareServer(ClassCode(app, code) if code else app, args.host, args.port)
    try:
        server.start()
    except OSError as exc:
        raise UserError(
            translate("Cli", "cannot listen on {host} port {port}: {error}").format(
                host=args.host, port=args.port, error=exc.strerror or exc
            )
        ) from None
    urls = share_urls(args.host, server.port, code)
    count = len(app.library.resources)
    sharing = counted(
        count,
        translate("Cli", "Sharing the student edition ({count} resource, no teacher notes). Students open:"),
        translate("Cli", "Sharing the student edition ({count} resources, no teacher notes). Students open:"),
    )
    print(sharing, flush=True)
    for url in urls:
        print(f"  {url}", flush=True)
    if not args.no_qr:
        print(terminal_qr(urls[0]), flush=True)
    print(translate("Cli", "Press Ctrl+C to stop sharing."), file=sys.stderr, flush=True)
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        # A service manager or `kill` stops the share as cleanly as Ctrl+C does.
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        print(translate("Cli", "Stopped sharing."), file=sys.stderr, flush=True)
    return 0
