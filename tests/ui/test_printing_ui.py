"""Printing from the window: the File menu actions, the real preview pages, Export PDF through Qt's own file dialog,
errors shown in a message box, and the class packet builder."""

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from kit.core.content.loader import load_library
from kit.ui.main_window import MainWindow
from kit.ui.print_dialogs.packet_builder import PacketBuilder
from kit.ui.print_dialogs.print_actions import PrintJob
from testdata import REPO


@pytest.fixture
def window(qtbot):
    window = MainWindow(load_library([REPO / "resources"]))
    qtbot.addWidget(window)
    window.show()
    window.printing.last_folder = Path("/nonexistent-start")  # tests choose their own folders
    yield window
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()


def _select(window, resource_id):
    assert window.open_resource(resource_id, acknowledged=True)
    return window.library.get(resource_id)


def _text(path):
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages)


def test_file_menu_has_the_printing_actions(window):
    actions = window.printing.actions
    assert {"Print", "Print Preview", "Export PDF", "Class Packet", "Print Teacher Edition"} <= set(actions)
    assert actions["Print"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions["Print"].shortcut().toString() == "Ctrl+P"
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"


def test_print_opens_the_print_dialog_and_prints_real_pages(window, qtbot, tmp_path):
    resource = _select(window, "exit-ticket")
    out = tmp_path / "printed.pdf"
    printer = window.printing.printer
    printer.setOutputFileName(str(out))  # Qt's "print to file": what reaches the printer, read back
    window.printing.actions["Print"].trigger()
    dialog = window.printing.dialog
    assert isinstance(dialog, QPrintDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.accept()  # the person presses Print
    qtbot.waitUntil(out.exists)
    text = _text(out)
    assert resource.title in text and "page 1 of" in text


def test_print_preview_shows_every_page(window, qtbot):
    resource = _select(window, "guide-what-is-trafficking")
    window.printing.teacher_edition.setChecked(True)
    window.printing.actions["Print Preview"].trigger()
    dialog = window.printing.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    preview = dialog.findChild(QPrintPreviewWidget)
    expected = window.printing.document(PrintJob((resource,), "teacher")).page_count
    qtbot.waitUntil(lambda: preview.pageCount() == expected)
    assert expected >= 5  # the teacher edition of the guide, notes included


def test_export_pdf_through_the_file_dialog(window, qtbot, tmp_path):
    resource = _select(window, "warning-signs-sheet")
    window.printing.actions["Export PDF"].trigger()
    dialog = window.printing.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.selectedFiles()[0].endswith("Warning signs - a checklist.pdf")
    with qtbot.waitSignal(window.printing.exported, timeout=20_000):
        dialog.setDirectory(str(tmp_path))
        dialog.selectFile(str(tmp_path / "signs.pdf"))
        dialog.accept()
    assert resource.title in _text(tmp_path / "signs.pdf")
    assert "Student edition" in _text(tmp_path / "signs.pdf")


def test_export_pdf_to_a_missing_folder_shows_one_message(window, qtbot, tmp_path):
    resource = _select(window, "exit-ticket")
    with qtbot.waitSignal(window.printing.failed) as failed:
        assert window.printing.export_to(PrintJob((resource,)), tmp_path / "gone" / "x.pdf") is None
    assert "does not exist" in failed.args[0]
    box = window.printing.dialog
    assert isinstance(box, QMessageBox) and "does not exist" in box.text()
    assert list(tmp_path.iterdir()) == []


def test_long_export_can_be_cancelled_from_the_progress_dialog(window, qtbot, tmp_path):
    library = window.library
    job = PrintJob(tuple(library.resources[:12]), "teacher", None)

    def press_cancel():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.cancel()

    QTimer.singleShot(0, press_cancel)
    out = tmp_path / "packet.pdf"
    assert window.printing.export_to(job, out) is None
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_packet_builder_orders_resources_and_exports_a_packet(window, qtbot, tmp_path):
    _select(window, "glossary")
    window.printing.actions["Class Packet"].trigger()
    builder = window.printing.dialog
    assert isinstance(builder, PacketBuilder)
    first = window.current_resource().id
    builder.add_ids(["exit-ticket", "help-line-card", first])  # the duplicate is ignored
    assert builder.chosen_ids() == [first, "exit-ticket", "help-line-card"]
    builder.chosen.setCurrentRow(2)
    builder.move_current(-1)
    builder.chosen.setCurrentRow(0)
    builder.remove_current()
    assert builder.chosen_ids() == ["help-line-card", "exit-ticket"]
    builder.title.setText("Week 4")
    builder.class_name.setText("8A")
    builder.teacher.setText("Ms. Chen")
    builder.edition.setCurrentIndex(builder.edition.findData("teacher"))
    builder.paper.setCurrentIndex(builder.paper.findData("letter"))
    job = builder.job()
    assert job.edition == "teacher" and job.cover.title == "Week 4"
    builder.export_button.click()
    dialog = window.printing.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.selectedFiles()[0].endswith("Week 4 (teacher).pdf")
    with qtbot.waitSignal(window.printing.exported, timeout=20_000):
        dialog.selectFile(str(tmp_path / "packet.pdf"))
        dialog.accept()
    reader = pypdf.PdfReader(str(tmp_path / "packet.pdf"))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Week 4" in cover and "Class: 8A" in cover and "Teacher: Ms. Chen" in cover
    contents = " ".join(reader.pages[1].extract_text().split())
    assert contents.index("Where to get help") < contents.index("Exit ticket")


def test_packet_builder_filter_and_preview(window, qtbot):
    window.printing.actions["Class Packet"].trigger()
    builder = window.printing.dialog
    builder.filter.setText("glossary")
    visible = [
        builder.available.item(i) for i in range(builder.available.count()) if not builder.available.item(i).isHidden()
    ]
    assert [i.data(256) for i in visible] == ["glossary"]
    builder.add_ids(["glossary"])
    builder.preview_button.click()
    dialog = window.printing.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 4)  # cover, contents, two resources at least


def test_paper_chosen_in_the_print_dialog_is_remembered(window, qtbot, tmp_path):
    from kit.printing.paper import page_layout

    controller = window.printing
    controller.paper = "a4"
    resource = _select(window, "exit-ticket")
    document = controller.document(PrintJob((resource,)))
    controller.printer.setPageLayout(page_layout("letter"))  # what choosing Letter in the dialog does
    controller.printer.setOutputFileName(str(tmp_path / "x.pdf"))
    with qtbot.waitSignal(controller.paper_changed) as changed:
        controller._paint(document)
    assert changed.args == ["letter"] and controller.paper == "letter"
    page = pypdf.PdfReader(str(tmp_path / "x.pdf")).pages[0]
    assert round(float(page.mediabox.width)) == 612
