"""The app window opens on the bundled kit and shows a resource, headless."""

from conftest import REPO
from kit.core.content import load_library
from kit.ui.main_window import MainWindow


def test_window_lists_bundled_resources_and_opens_the_first(qtbot):
    library = load_library([REPO / "resources"])
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.show()
    assert window.resource_list.count() == len(library.resources)
    assert library.resources[0].title in window.reader.toPlainText()


def test_selecting_another_resource_shows_it(qtbot):
    library = load_library([REPO / "resources"])
    window = MainWindow(library)
    qtbot.addWidget(window)
    window.resource_list.setCurrentRow(2)
    assert library.resources[2].title in window.reader.toPlainText()
