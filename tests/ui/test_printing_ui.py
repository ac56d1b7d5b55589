"""Printing from the window: the File menu actions, the real preview pages, Export PDF through Qt's own file dialog,
errors shown in a message box, and the class packet builder."""

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton

from kit.ui.print_dialogs.controller import PrintJob
from kit.ui.print_dialogs.packet_builder import PacketBuilder


@pytest.fixture(autouse=True)
def _start_folder(features):
    features.printing.last_folder = Path("/nonexistent-start")  # tests choose their own folders


def _select(window, resource_id):
    assert window.open_resource(resource_id, acknowledged=True)
    return window.library.get(resource_id)


def _text(path):
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages)


def test_file_menu_has_the_printing_actions(window, features):
    actions = features.printing.actions
    assert {"Print", "Print Preview", "Export PDF", "Class Packet", "Print Teacher Edition"} <= set(actions)
    assert actions["Print"].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert actions["Print"].shortcut().toString() == "Ctrl+P"
    file_menu = window.menuBar().actions()[0]
    assert file_menu.text() == "&File"


def test_print_opens_the_print_dialog_and_prints_real_pages(window, qtbot, tmp_path, features):
    resource = _select(window, "exit-ticket")
    out = tmp_path / "printed.pdf"
    printer = features.printing.printer
    printer.setOutputFileName(str(out))  # Qt's "print to file": what reaches the printer, read back
    features.printing.actions["Print"].trigger()
    dialog = features.printing.dialog
    assert isinstance(dialog, QPrintDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.accept()  # the person presses Print
    qtbot.waitUntil(out.exists)
    text = _text(out)
    assert resource.title in text and "page 1 of" in text
    assert pypdf.PdfReader(str(out)).metadata.title == resource.title  # issue 14: it was empty
    assert "TEACHER COPY" not in text  # the student copy unless the teacher chooses otherwise


def test_print_dialog_offers_the_teacher_copy_as_a_visible_choice(window, qtbot, tmp_path, features):
    _select(window, "exit-ticket")
    out = tmp_path / "printed.pdf"
    features.printing.printer.setOutputFileName(str(out))
    features.printing.actions["Print"].trigger()
    dialog = features.printing.dialog
    qtbot.waitUntil(dialog.isVisible)
    choice = features.printing.edition_choice
    assert choice.edition() == "student"
    choice.set_edition("teacher")
    dialog.accept()
    qtbot.waitUntil(out.exists)
    assert _text(out).count("TEACHER COPY — NOT FOR STUDENTS") == 2 * len(pypdf.PdfReader(str(out)).pages)


def test_print_preview_shows_every_page(window, qtbot, features):
    resource = _select(window, "guide-what-is-trafficking")
    features.printing.teacher_edition.setChecked(True)
    features.printing.actions["Print Preview"].trigger()
    dialog = features.printing.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.waitUntil(dialog.isVisible)
    preview = dialog.findChild(QPrintPreviewWidget)
    expected = features.printing.document(PrintJob((resource,), "teacher")).page_count
    qtbot.waitUntil(lambda: preview.pageCount() == expected)
    assert expected >= 5  # the teacher edition of the guide, notes included


def test_export_pdf_through_the_file_dialog(window, qtbot, tmp_path, features):
    resource = _select(window, "warning-signs-sheet")
    features.printing.actions["Export PDF"].trigger()
    dialog = features.printing.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.selectedFiles()[0].endswith("Warning signs - a checklist.pdf")
    with qtbot.waitSignal(features.printing.exported, timeout=20_000):
        dialog.setDirectory(str(tmp_path))
        dialog.selectFile(str(tmp_path / "signs.pdf"))
        dialog.accept()
    assert resource.title in _text(tmp_path / "signs.pdf")
    assert "Student edition" in _text(tmp_path / "signs.pdf")


def test_export_pdf_to_a_missing_folder_shows_one_message(window, qtbot, tmp_path, features):
    resource = _select(window, "exit-ticket")
    out = tmp_path / "out"
    out.mkdir()
    with qtbot.waitSignal(features.printing.failed) as failed:
        features.printing.export_to(PrintJob((resource,)), out / "gone" / "x.pdf")
    assert "does not exist" in failed.args[0]
    box = features.printing.dialog
    assert isinstance(box, QMessageBox) and "does not exist" in box.text()
    assert list(out.iterdir()) == []


def test_long_export_can_be_cancelled_from_the_progress_dialog(window, qtbot, tmp_path, features):
    library = window.library
    job = PrintJob(tuple(library.resources[:12]), "teacher", None)

    def press_cancel():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog):
                widget.findChild(QPushButton).click()  # the dialog's Cancel button, as the teacher presses it

    folder = tmp_path / "out"
    folder.mkdir()
    with qtbot.waitSignal(features.printing.cancelled, timeout=20_000):
        features.printing.export_to(job, folder / "packet.pdf")
        QTimer.singleShot(0, press_cancel)
    assert list(folder.iterdir()) == []
    assert not features.printing.exporting


def test_export_runs_off_the_gui_thread_and_one_at_a_time(window, qtbot, tmp_path, features):
    """The window stays responsive during an export (no processEvents inside it), and a second export asked
    for meanwhile is refused with a status message instead of starting inside the first."""
    job = PrintJob(tuple(window.library.resources[:12]), "teacher", None)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(features.printing.exporting))
    timer.start(5)
    with qtbot.waitSignal(features.printing.exported, timeout=30_000) as done:
        features.printing.export_to(job, tmp_path / "first.pdf")
        features.printing.export_to(job, tmp_path / "second.pdf")
        assert "already being made" in window.statusBar().currentMessage()
    timer.stop()
    assert done.args == [tmp_path / "first.pdf"] and not (tmp_path / "second.pdf").exists()
    assert ticks.count(True) >= 2  # the GUI thread ran timers while the PDF was being made


def test_closing_the_window_during_an_export_stops_it_cleanly(window, qtbot, tmp_path, features):
    job = PrintJob(tuple(window.library.resources[:12]), "teacher", None)
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "packet.pdf").write_bytes(b"the old file")
    features.printing.export_to(job, folder / "packet.pdf")
    window.close()  # waits for the export to stop; nothing is delivered to the closed window
    assert (folder / "packet.pdf").read_bytes() == b"the old file"
    assert sorted(p.name for p in folder.iterdir()) == ["packet.pdf"]


def test_packet_builder_orders_resources_and_exports_a_packet(window, qtbot, tmp_path, features):
    _select(window, "glossary")
    features.printing.actions["Class Packet"].trigger()
    builder = features.printing.dialog
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
    dialog = features.printing.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.selectedFiles()[0].endswith("Week 4 (teacher).pdf")
    with qtbot.waitSignal(features.printing.exported, timeout=20_000):
        dialog.selectFile(str(tmp_path / "packet.pdf"))
        dialog.accept()
    reader = pypdf.PdfReader(str(tmp_path / "packet.pdf"))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Week 4" in cover and "Class: 8A" in cover and "Teacher: Ms. Chen" in cover
    contents = " ".join(reader.pages[1].extract_text().split())
    assert contents.index("Where to get help") < contents.index("Exit ticket")


def test_packet_builder_filter_and_preview(window, qtbot, features):
    features.printing.actions["Class Packet"].trigger()
    builder = features.printing.dialog
    builder.filter.setText("glossary")
    visible = [
        builder.available.item(i) for i in range(builder.available.count()) if not builder.available.item(i).isHidden()
    ]
    assert [i.data(256) for i in visible] == ["glossary"]
    builder.add_ids(["glossary"])
    builder.preview_button.click()
    dialog = features.printing.dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() >= 4)  # cover, contents, two resources at least


def test_paper_chosen_in_the_print_dialog_is_remembered(window, qtbot, tmp_path, features):
    from kit.printing.paper import page_layout

    controller = features.printing
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
