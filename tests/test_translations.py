"""The translation catalogue: every marked string is in it and translated, the .qm is built from it, and the
interface's strings are marked (a string passed straight to a widget would stay English in a French session)."""

from __future__ import annotations

import ast
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kit.core.i18n import INTERFACE_LANGUAGES, SOURCE_LANGUAGE, catalogue_path

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = [lang for lang in INTERFACE_LANGUAGES if lang != SOURCE_LANGUAGE]
sys.path.insert(0, str(REPO / "tools"))
import update_translations  # noqa: E402

# Widget calls whose string arguments a person reads (text, titles, tooltips, accessible names, status lines).
SHOWN = {
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setLabelText", "setInformativeText", "setHeaderLabels",
    "addItem", "addMenu", "addAction", "addSection", "addRow", "addButton", "addTab", "showMessage", "setTitle",
    "setSuffix", "setPrefix", "setSpecialValueText", "setNameFilter", "setHtml",
    "show_status", "show_notice", "tell", "add_action", "add_side_panel", "titled_panel", "_button", "_label",
    "_filter", "_action", "Choice",
    "QAction", "QMenu", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox",
    "QToolBar", "QLineEdit", "QProgressDialog", "QFileDialog", "QMessageBox", "QListWidgetItem", "QTreeWidgetItem",
}  # fmt: skip
MARKERS = ("translate", "translate_for", "QT_TRANSLATE_NOOP")
WORDS = re.compile(r"[A-Za-z]{2,}")
KEYS = re.compile(r"((Ctrl|Alt|Shift|Meta)\+)+\S+|F\d+")
NOT_WORDS = {"Ctrl", "Shift", "Alt", "English", "Français", "PySide6", "Qt", "A4", "MIT"}  # names, keys


def messages(language: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(catalogue_path(language)).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def marked_in_code() -> set[tuple[str, str]]:
    """(context, text) of every translate("context", "text") and QT_TRANSLATE_NOOP in kit/, read as Python reads it."""
    found = set()
    for path in (REPO / "kit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "translate_for" and len(node.args) == 3:  # (language, context, text): lupdate cannot see it
                name = "translate"
                node.args = node.args[1:]
            first, second = node.args[:2]
            if name in ("translate", "QT_TRANSLATE_NOOP") and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (first, second)
            ):
                found.add((first.value, second.value))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_in_the_catalogue(language):
    """Read by Python's parser, not lupdate's: a string lupdate cannot see (inside an f-string, in brackets) fails."""
    in_catalogue = {(context, source) for context, source, _ in messages(language)}
    missing = sorted(marked_in_code() - in_catalogue)
    assert not missing, f"run python3 tools/update_translations.py; not in the catalogue: {missing[:10]}"
    stale = sorted(in_catalogue - marked_in_code())
    assert not stale, f"in the catalogue but no longer in the code: {stale[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_string_is_unfinished(language):
    unfinished = [
        (context, source)
        for context, source, message in messages(language)
        if message.find("translation").get("type") == "unfinished" or not (message.findtext("translation") or "")
    ]
    assert not unfinished, f"{len(unfinished)} unfinished in kit_{language}.ts, e.g. {unfinished[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_one_shortcut(language):
    """{count} in the English must be {count} in the French, or .format() raises in front of the teacher."""
    for context, source, message in messages(language):
        translation = message.findtext("translation") or ""
        assert set(re.findall(r"\{\w*\}", translation)) == set(re.findall(r"\{\w*\}", source)), (context, source)
        assert translation.replace("&&", "").count("&") <= 1, (context, translation)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_what_lupdate_makes_of_the_code(language, tmp_path):
    """The committed .ts is up to date: lupdate run over the code now changes nothing in it."""
    copy = tmp_path / catalogue_path(language).name
    shutil.copy(catalogue_path(language), copy)
    update_translations.update(copy, language, update_translations.sources())
    assert copy.read_text(encoding="utf-8") == catalogue_path(language).read_text(encoding="utf-8"), (
        "run python3 tools/update_translations.py"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_qm_is_compiled_from_the_committed_ts(language, tmp_path):
    """The app loads the .qm: it must be the committed .ts compiled (lrelease's output is byte-for-byte stable)."""
    built = tmp_path / "built.qm"
    update_translations.release(catalogue_path(language), built)
    assert built.read_bytes() == catalogue_path(language, ".qm").read_bytes(), (
        "run python3 tools/update_translations.py"
    )


def _shown_literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked = set()
    for node in ast.walk(tree):  # strings already inside translate()/QT_TRANSLATE_NOOP are fine
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in MARKERS:
            marked.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in SHOWN:
            continue
        arguments = [*node.args, *(k.value for k in node.keywords if k.arg in ("text", "placeholderText", "tip"))]
        for argument in arguments:
            for piece in ast.walk(argument):
                if id(piece) in marked or not isinstance(piece, ast.Constant) or not isinstance(piece.value, str):
                    continue
                if _reads_as_words(piece.value):
                    yield piece.lineno, name, piece.value


def _reads_as_words(value: str) -> bool:
    """Words a person reads, not a key ("Ctrl+K"), an identifier ("view", "kit-width") or bare markup."""
    if KEYS.fullmatch(value.strip()):
        return False
    text = re.sub(r"<[^>]*>?|\{[^}]*\}", " ", value)  # markup and placeholders are not words
    if not set(WORDS.findall(text)) - NOT_WORDS:
        return False
    return " " in text.strip() or text.strip()[:1].isupper() or "&" in text or "…" in text


def test_interface_strings_go_through_translate():
    unwrapped = [
        f"{path.relative_to(REPO)}:{line}: {name}({text!r})"
        for folder in ("kit/ui", "kit/printing")
        for path in sorted((REPO / folder).rglob("*.py"))
        for line, name, text in _shown_literals(path)
    ]
    assert not unwrapped, "wrap these in translate(): \n" + "\n".join(unwrapped)


def test_the_scan_sees_an_unwrapped_string(tmp_path):
    """The scan above is only as good as what it catches."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'button = QPushButton("Start Sharing")\n'
        'window.show_status(f"Saved {name}")\n'
        'ok = QPushButton(translate("Share", "Stop Sharing"))\n'
        'key = QAction("Ctrl+Q")\n',
        encoding="utf-8",
    )
    assert [name for _, name, _ in _shown_literals(sample)] == ["QPushButton", "show_status"]


def test_installer_and_wheel_ship_the_qm():
    from installer.freeze import kit_datas

    shipped = {Path(source).name for source, _ in kit_datas(REPO)}
    assert {f"kit_{language}.qm" for language in LANGUAGES} <= shipped
    assert {f"kit_{language}.ts" for language in LANGUAGES} <= shipped  # core reads the .ts (no Qt)
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"translations/*.qm"' in pyproject and '"translations/*.ts"' in pyproject


def test_french_typography():
    """A no-break space before a colon and inside « » (the line never breaks there); none before ; ? ! (Quebec)."""
    for context, _source, message in messages("fr"):
        translation = message.findtext("translation") or ""
        assert not re.search(r" [:»]|« | [;?!]", translation), (context, translation)
        assert '"' not in translation and "“" not in translation, (context, translation)  # « » in French
