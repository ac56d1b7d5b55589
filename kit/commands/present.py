"""`kit present ID`: open the app presenting one resource (audience view on the projector, presenter view here)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "present",
        help="open the app presenting a resource",
        description="Open the app and present a resource as slides: the audience view goes full screen on the "
        "second screen when there is one, the presenter view (notes, next slide, timer) on this one.",
    )
    parser.add_argument("id", help="the resource id (see 'kit list')")
    parser.add_argument("--slide", type=int, default=1, metavar="N", help="start at slide N (default 1)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, locations) -> int:
    from kit.cli import UserError, _load, find_resource

    library = _load(locations)
    resource = find_resource(library, args.id)  # an unknown id fails here, before any window opens
    if args.slide < 1:
        raise UserError(f"--slide must be 1 or more, not {args.slide}")

    from kit.ui.app import create_application

    app = create_application()
    opened = open_presenting(locations, library, resource, start=args.slide - 1)
    status = app.exec()
    del opened
    return status


def open_presenting(locations, library, resource, start: int = 0):
    """The app's window (with the teacher's settings) showing `resource`, and a presentation of it from `start`.
    Returns (window, features, session)."""
    from kit.ui.app import open_window

    window, features = open_window(locations, library)
    window.open_resource(resource.id, acknowledged=True)  # presenting it was the teacher's own choice
    window.show()
    session = features.presenting.present(resource, start=start)
    session.finished.connect(window.raise_)
    return window, features, session
