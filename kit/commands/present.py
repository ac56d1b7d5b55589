"""`kit present ID`: open the app presenting one resource (audience view on the projector, presenter view here)."""

from __future__ import annotations

from kit.commands.context import UserError
from kit.core.i18n import QT_TRANSLATE_NOOP, translate

HELP = QT_TRANSLATE_NOOP("Cli", "open the app presenting a resource")
DESCRIPTION = QT_TRANSLATE_NOOP(
    "Cli",
    "Open the app and present a resource as slides: the audience view goes full screen on the second screen "
    "when there is one, the presenter view (notes, next slide, timer) on this one.",
)


def add_arguments(parser) -> None:
    parser.add_argument("id", help=translate("Cli", "the resource id (see 'kit list')"))
    parser.add_argument(
        "--slide", type=int, default=1, metavar="N", help=translate("Cli", "start at slide N (default 1)")
    )


def run(args, context) -> int:
    resource = context.resource(args.id)  # an unknown id fails here, before any window opens
    if args.slide < 1:
        raise UserError(translate("Cli", "--slide must be 1 or more, not {number}").format(number=args.slide))
    return present_in_app(context, resource, start=args.slide - 1)


def present_in_app(context, resource, start: int) -> int:
    """Everything that needs Qt and a screen: the application, the window and the presentation."""
    from kit.ui.system_libraries import require_window_libraries  # ctypes: only when a window opens

    require_window_libraries()  # before importing kit.ui.app loads QtGui (see kit.commands.gui)
    from kit.ui.app import create_application

    app = create_application()
    opened = open_presenting(context.locations, context.library, resource, start=start)
    status = app.exec()
    del opened  # held until here: the window and the presentation must outlive app.exec()
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
