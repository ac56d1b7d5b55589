"""A handout printed while the class share runs carries its QR code, and the code opens that page on the share."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintPreviewWidget

from .test_share_dialog import (
    _get,
    sharing,  # noqa: F401 — the fixture: a share on 127.0.0.1 only
)


def _first_page_codes(pdf, tmp_path) -> list[str]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", pdf, tmp_path / "page"], check=True)
    image = QImage(str(next(tmp_path.glob("page-*.png"))))
    return [code.text for code in zxingcpp.read_barcodes(image)]


def _print(qtbot, features, out, *, keep_code=True):
    features.printing.printer.setOutputFileName(str(out))
    features.printing.actions["Print"].trigger()
    dialog = features.printing.dialog
    qtbot.waitUntil(dialog.isVisible)
    offer = features.printing.share_code_choice
    if offer is not None and not keep_code:
        offer.setChecked(False)
    dialog.accept()
    qtbot.waitUntil(out.exists)
    return offer


def test_no_share_no_offer(qtbot, window, features, tmp_path):
    assert window.open_resource("exit-ticket", acknowledged=True)
    assert _print(qtbot, features, tmp_path / "plain.pdf") is None
    assert _first_page_codes(tmp_path / "plain.pdf", tmp_path) == []


def test_a_handout_printed_while_sharing_opens_on_the_share(qtbot, window, features, sharing, tmp_path):  # noqa: F811
    sharing.start(sharing.whole_kit())
    qtbot.waitUntil(lambda: sharing.running is not None or bool(sharing.problem), timeout=60_000)
    assert sharing.running is not None, sharing.problem
    assert window.open_resource("exit-ticket", acknowledged=True)
    offer = _print(qtbot, features, tmp_path / "handout.pdf")
    assert offer is not None and offer.isChecked() and "QR" in offer.text()
    [url] = _first_page_codes(tmp_path / "handout.pdf", tmp_path)
    code = sharing.running.code
    assert url == f"{sharing.running.urls[0]}r/exit-ticket" and f"/{code}/" in url
    status, page = _get(url)  # what a student's phone gets from the printed code
    assert status == 200 and b"Exit ticket" in page
    # The teacher's "no" is kept for the next print of this session.
    (tmp_path / "again").mkdir()
    _print(qtbot, features, tmp_path / "again" / "without.pdf", keep_code=False)
    assert _first_page_codes(tmp_path / "again" / "without.pdf", tmp_path / "again") == []
    assert not features.printing.share_code_wanted
    # A teacher note is never on the share: no code is offered for it.
    assert sharing.addresses(["teaching-safely", "exit-ticket"]).keys() == {"exit-ticket"}
    assert window.open_resource("teaching-safely", acknowledged=True)
    assert _print(qtbot, features, tmp_path / "again" / "note.pdf") is None


def test_the_preview_shows_the_code_and_can_drop_it(qtbot, window, features, sharing):  # noqa: F811
    sharing.start(sharing.whole_kit())
    qtbot.waitUntil(lambda: sharing.running is not None or bool(sharing.problem), timeout=60_000)
    assert window.open_resource("exit-ticket", acknowledged=True)
    features.printing.actions["Print Preview"].trigger()
    dialog = features.printing.dialog
    qtbot.waitUntil(dialog.isVisible)
    offer = features.printing.share_code_choice
    assert offer is not None and offer.isVisible() and offer.isEnabled()
    features.printing.edition_choice.set_edition("teacher")  # a teacher copy never carries the code
    assert not offer.isEnabled()
    features.printing.edition_choice.set_edition("student")
    assert offer.isEnabled()
    preview = dialog.findChild(QPrintPreviewWidget)
    preview.fitToWidth()  # the page across the preview, as a teacher reads it, from its top
    preview.setCurrentPage(1)
    found = []
    for checked in (True, False):
        offer.setChecked(checked)
        qtbot.wait(50)
        shot = preview.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
        found.append([code.text for code in zxingcpp.read_barcodes(shot)])
    assert found == [[f"{sharing.running.urls[0]}r/exit-ticket"], []]
    dialog.close()
