"""The classroom share's address and QR code on a printed handout, so a student opens the same page on a phone.

The addresses come from the share (kit.ui.share, which knows the running server and its classroom code); this
module only draws them. The code is a picture floated to the right of the title block, in the text flow, so it
never covers text, moves with the page's layout and leaves a one-page handout on one page.
"""

from __future__ import annotations

import html
import io

from PySide6.QtGui import QImage

from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.printing.paper import MM

QR_MM = 22  # on paper, quiet zone included: a version-4 code's modules are about 0.5 mm, read from 10-30 cm
QR_PX_PER_MODULE = 8  # pixels in the embedded picture: sharp module edges however the PDF viewer scales it
QR_QUIET_MODULES = 4  # the white margin the QR standard asks for around the code
IMAGE_PREFIX = "kit-qr:"  # the picture's name in the document; never a file (kit.printing.document)
# One line beside the code, then the address: the title block grows by as little as it can.
# Printed under the title, in the resource's language like the rest of the page.
INVITATION = QT_TRANSLATE_NOOP(
    "Print", "To read this on a phone in this room while the class share is on, scan the code or type:"
)


def qr_image(url: str) -> QImage:
    """The QR code of `url` (segno, error correction M) as a black-on-white picture with its quiet zone."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=QR_PX_PER_MODULE, border=QR_QUIET_MODULES)
    image = QImage.fromData(buffer.getvalue(), "PNG")
    if image.isNull():
        raise ValueError(f"segno's QR picture for {url!r} could not be read")
    return image


def share_picture(image_name: str) -> str:
    """The QR code, floated right of the title block (Qt wraps the title, details and address around it)."""
    side = round(QR_MM * MM)
    return f'<img src="{html.escape(image_name)}" width="{side}" height="{side}" align="right">'


def share_line(url: str, language: str = "en") -> str:
    """The invitation with the address in full, for a student who cannot scan: under the title's details."""
    invitation = html.escape(translate_for(language, "Print", INVITATION))
    return f'<p class="share-code">{invitation}<br><span class="share-url">{html.escape(url)}</span></p>'
