"""`kit show ID`: print one resource as text, safe HTML or its edition's Markdown."""

from __future__ import annotations

import sys

from kit.core.content import editions
from kit.core.i18n import QT_TRANSLATE_NOOP, translate
from kit.core.model import EDITIONS

HELP = QT_TRANSLATE_NOOP("Cli", "print one resource")


def add_arguments(parser) -> None:
    parser.add_argument("id", help=translate("Cli", "the resource id (see 'kit list')"))
    parser.add_argument("--edition", choices=EDITIONS, default="student")
    parser.add_argument("--format", choices=("text", "html", "md"), default="text")


def run(args, context) -> int:
    resource = context.resource(args.id)
    if args.format == "md":
        sys.stdout.write(editions.edition_markdown(resource.body, args.edition).strip() + "\n")
        return 0
    from kit.core.render import markup, plain_text  # the renderer (xml.etree, html.parser): ~10 ms `kit list` skips

    rendered = markup.render(resource, args.edition)
    if args.format == "html":
        sys.stdout.write(rendered.html + "\n")
    else:
        sys.stdout.write(f"{resource.title}\n\n{plain_text.html_to_text(rendered.html)}")
    return 0
