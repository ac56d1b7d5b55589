"""The reader's one link policy, and what its documents may load."""

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextDocument

from kit.core.content.loader import load_library
from kit.ui.reader.link_policy import LinkPolicy, placeholder_image
from kit.ui.reader.view import Reader
from ui.ui_helpers import BAD, REPO, open_and_wait

IMAGE = QTextDocument.ResourceType.ImageResource.value


@pytest.fixture
def bad_window(make_window):
    return make_window(library=load_library([BAD]))


def test_kit_link_opens_the_resource_in_the_app(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    assert window.reader.follow("kit:glossary") == "internal"
    assert window.pages.currentWidget() is window.warning and window.warning.resource_id == "glossary"


def test_link_to_a_missing_resource_keeps_the_page(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "exit-ticket")
    before = window.reader.toPlainText()
    window.reader.follow("kit:no-such-resource")
    assert window.reader.toPlainText() == before and window.current_resource().id == "exit-ticket"


def test_anchor_link_scrolls_within_the_page(qtbot, make_window):
    window = make_window()
    window.resize(1000, 400)
    open_and_wait(qtbot, window, "what-is-human-trafficking")
    anchor = window.contents.item(window.contents.count() - 1).data(0x0100)
    assert window.reader.verticalScrollBar().value() == 0
    assert window.reader.follow(f"#{anchor}") == "anchor"
    assert window.reader.verticalScrollBar().value() > 0
    window.reader.follow("#missing-anchor")  # L5: nothing, no error


def test_web_link_shows_the_address_with_copy_and_is_never_opened(qtbot, bad_window):
    window = bad_window
    open_and_wait(qtbot, window, "l01-web-links")
    before = window.reader.toPlainText()
    assert window.reader.follow("https://www.unodc.org/") == "external"
    assert window.link_bar.isVisible()
    assert "https://www.unodc.org/" in window.link_bar.label.text()
    assert "needs the internet" in window.link_bar.label.text()
    window.link_bar.copy_button.click()
    assert QGuiApplication.clipboard().text() == "https://www.unodc.org/"
    assert window.reader.toPlainText() == before  # the page stays (L1)


def test_mailto_offers_the_address_to_copy(qtbot, bad_window):
    open_and_wait(qtbot, bad_window, "l01-web-links")
    bad_window.reader.follow("mailto:someone@example.com")
    assert "e-mail" in bad_window.link_bar.label.text()
    bad_window.link_bar.copy()
    assert QGuiApplication.clipboard().text() == "someone@example.com"


def test_a_huge_address_is_elided(qtbot, bad_window):
    open_and_wait(qtbot, bad_window, "l01-web-links")
    bad_window.reader.follow("https://example.com/" + "a" * 1500)
    assert len(bad_window.link_bar.label.text()) < 200


@pytest.mark.parametrize(
    "address",
    [
        "file:///etc/passwd",
        "../secret.txt",
        "C:\\Users\\x\\secret.txt",
        "javascript:alert(1)",
        "jav&#x61;script:alert(1)",
        "data:text/html,hi",
        "smb://server/share",
        "ms-settings:",
        "notes.exe",
        "/etc/passwd",
    ],
)
def test_other_links_do_nothing(qtbot, bad_window, address):
    window = bad_window
    open_and_wait(qtbot, window, "l03-local-links")
    before = window.reader.toPlainText()
    assert window.reader.follow(address) == "refused"
    assert window.reader.toPlainText() == before
    assert window.current_resource().id == "l03-local-links"
    assert not window.link_bar.isVisible()


def test_clicking_a_link_goes_through_the_policy_not_qt(qtbot, bad_window):
    """anchorClicked is the only path: with openLinks off Qt never navigates (E2)."""
    window = bad_window
    open_and_wait(qtbot, window, "l03-local-links")
    before = window.reader.toPlainText()
    window.reader.anchorClicked.emit(QUrl("file:///etc/passwd"))
    window.reader.setSource(QUrl("file:///etc/passwd"))
    assert window.reader.toPlainText() == before
    assert not window.reader.openLinks()


def test_pictures_inside_the_pack_load(qtbot):
    policy = LinkPolicy(BAD)
    image = policy.resource(IMAGE, QUrl("images/ok.png"))
    assert isinstance(image, QImage) and not image.isNull() and image is not placeholder_image()
    assert not policy.refused


@pytest.mark.parametrize(
    "name",
    [
        "images/bomb.png",  # I1: 20000x20000
        "images/garbage.png",  # I3
        "images/svg-named.png",  # I4
        "images/xpm-named.png",  # I4
        "images/bomb.svg",  # I5
        "images/notes.exe",  # L6
        "images/missing.png",  # I9
        "../bad/images/ok.png",  # I8: outside, even if it exists
        "/etc/passwd",
        "file:///etc/passwd",
        "http://example.com/track.png",  # M5
        "data:image/png;base64,iVBORw0KGgo=",  # M6
    ],
)
def test_everything_else_gets_a_placeholder(qtbot, name):
    policy = LinkPolicy(BAD)
    assert policy.resource(IMAGE, QUrl(name)) is placeholder_image()
    assert policy.refused


def test_documents_load_nothing_but_pictures(qtbot):
    policy = LinkPolicy(REPO / "resources" / "trafficking")
    for kind in (QTextDocument.ResourceType.StyleSheetResource, QTextDocument.ResourceType.HtmlResource):
        assert policy.resource(kind.value, QUrl("pack.yaml")) is None


def test_reader_with_pictures_from_the_pack_shows_them(qtbot, bad_window):
    open_and_wait(qtbot, bad_window, "i-ok")
    assert bad_window.reader.policy.pack_dir == BAD
    assert "images/ok.png" in bad_window.reader.policy._images
    assert not bad_window.reader.policy.refused


def test_reader_refuses_local_files_in_html_it_is_given(qtbot):
    reader = Reader()
    qtbot.addWidget(reader)
    reader.show()
    reader.show_page('<img src="file:///etc/hostname"><img src="../../etc/x.png">', "", LinkPolicy(BAD), 12)
    reader.grab()  # pictures are loaded when the page is laid out and painted
    assert len(reader.policy.refused) == 2


def test_a_page_opened_again_is_shown_again(qtbot, make_window):
    """The second visit comes from the page cache; it must still replace what the reader shows."""
    window = make_window()
    open_and_wait(qtbot, window, "glossary")
    open_and_wait(qtbot, window, "exit-ticket")
    assert "Glossary" not in window.reader.toPlainText()[:40]
    window.open_resource("glossary")
    qtbot.waitUntil(lambda: window.reader.toPlainText().startswith("Glossary"), timeout=5000)
    window.go_back()
    qtbot.waitUntil(lambda: window.reader.toPlainText().startswith("Exit ticket"), timeout=5000)


def test_the_reader_shows_each_figure_with_its_year_and_source_in_the_pages_language(qtbot, make_window):
    window = make_window()
    open_and_wait(qtbot, window, "who-is-harmed")
    english = window.reader.toPlainText()
    assert "39% (as of 2022, UNODC)" in english and "Figures checked on " in english
    open_and_wait(qtbot, window, "fr-mythes-et-realites")
    french = window.reader.toPlainText()
    assert "(en date de 2023, Statistique Canada)" in french and "Chiffres vérifiés le " in french
    assert "as of" not in french and "{{fig:" not in french
    # The note is drawn smaller and muted beside the figure, not in the body's own size.
    note = window.reader.document().find("(en date de 2023, Statistique Canada)")
    body = window.reader.document().find("Réalité")
    assert note.charFormat().fontPointSize() < body.charFormat().fontPointSize()
