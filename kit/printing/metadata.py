"""What a PDF says about itself: title, author (the teacher, when named), language and subject.

QPdfWriter writes the title and author into the document information; the language and subject exist only in
XMP (dc:language, dc:description), so the kit writes the whole XMP packet itself, with every field escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QPdfWriter

from kit.core.i18n import QT_TRANSLATE_NOOP, current_language, translate_for
from kit.core.model import Resource
from kit.printing.pages import KIT_NAME

EDITION_WORDS = {
    "student": QT_TRANSLATE_NOOP("Print", "student copy"),
    "teacher": QT_TRANSLATE_NOOP("Print", "teacher copy"),
}
PACKET_OF = QT_TRANSLATE_NOOP("Print", "Class packet: {titles}")


@dataclass(frozen=True)
class PdfMetadata:
    title: str
    author: str = ""
    language: str = ""  # BCP 47: "en", "fr"
    subject: str = ""
    creator: str = KIT_NAME


def describe(resources: Sequence[Resource], edition: str, title: str, author: str = "") -> PdfMetadata:
    """The metadata of a printout of `resources`: one resource's summary is its subject; a packet lists its parts."""
    languages = sorted({resource.language for resource in resources if resource.language})
    language = languages[0] if len(languages) == 1 else current_language()  # as the packet's cover says it
    if len(resources) == 1:
        subject = resources[0].summary or resources[0].kind_label
    else:
        titles = "; ".join(resource.title for resource in resources)
        subject = translate_for(language, "Print", PACKET_OF).format(titles=titles)
    subject = f"{subject} ({translate_for(language, 'Print', EDITION_WORDS.get(edition, edition))})"
    return PdfMetadata(title, author, ", ".join(languages), subject)


def apply(writer: QPdfWriter, meta: PdfMetadata) -> None:
    writer.setTitle(meta.title)
    writer.setCreator(meta.creator)
    if meta.author:
        writer.setAuthor(meta.author)
    writer.setDocumentXmpMetadata(QByteArray(xmp(meta)))


def xmp(meta: PdfMetadata) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{html.escape(value)}</rdf:li></rdf:Alt>'

    fields = [
        f"<dc:title>{alt(meta.title)}</dc:title>",
        f"<xmp:CreatorTool>{html.escape(meta.creator)}</xmp:CreatorTool>",
    ]
    if meta.author:
        fields.append(f"<dc:creator><rdf:Seq><rdf:li>{html.escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>")
    if meta.subject:
        fields.append(f"<dc:description>{alt(meta.subject)}</dc:description>")
    if meta.language:
        items = "".join(f"<rdf:li>{html.escape(code.strip())}</rdf:li>" for code in meta.language.split(","))
        fields.append(f"<dc:language><rdf:Bag>{items}</rdf:Bag></dc:language>")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">' + "".join(fields) + "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode("utf-8")
