"""Print styles: light colours and print-friendly fonts whatever the screen theme, and HTML shaped for paper."""

from __future__ import annotations

import functools
import html as html_text
import re

from PySide6.QtGui import QFont

from kit.core.content import editions
from kit.core.i18n import QT_TRANSLATE_NOOP, translate_for
from kit.core.render import answer_space

# DejaVu ships with most Linux desktops; the others are what Windows and macOS have. Qt takes the first it finds.
SERIF_FAMILIES = ["DejaVu Serif", "Georgia", "Cambria", "Times New Roman", "serif"]
SANS_FAMILIES = ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]
BODY_PX = 14  # 10.5 pt: comfortable on paper, and a guide still fits a reasonable number of pages
TEACHER_TINT = "#fbf3dc"  # light enough for toner saving, visible on colour printers
TEACHER_RULE = "#8a6d1f"
NOTE_TINT = "#f1f4f8"
ANSWER_LINE_PX = 31  # measured 8.5 mm between written lines (school exercise books rule at 8–9 mm)
ANSWER_LINE_COLOUR = "#555555"
# Printed at the top of every cut-out card (never on a slide), in the resource's language.
CUT_LINE = QT_TRANSLATE_NOOP("Print", "✂ Cut along the dashed line")
PICTURE_MISSING = QT_TRANSLATE_NOOP("Print", "[picture not available]")

_SANS = ", ".join(f"'{f}'" if " " in f else f for f in SANS_FAMILIES)

PRINT_CSS = f"""
body {{ color: #000000; background-color: #ffffff; }}
h1, h2, h3, h4, h5, h6, p.meta, p.kit-title, p.cover-line, td.contents-title, td.contents-page {{
    font-family: {_SANS}; }}
h1 {{ font-size: 24px; font-weight: bold; margin-top: 0px; margin-bottom: 6px; }}
h2 {{ font-size: 18px; font-weight: bold; margin-top: 16px; margin-bottom: 6px; }}
h3 {{ font-size: 15px; font-weight: bold; margin-top: 12px; margin-bottom: 4px; }}
h4, h5, h6 {{ font-size: 14px; font-weight: bold; margin-top: 10px; margin-bottom: 4px; }}
p {{ margin-top: 0px; margin-bottom: 8px; }}
li {{ margin-bottom: 3px; }}
a {{ color: #000000; text-decoration: underline; }}
p.meta {{ font-size: 12px; color: #444444; margin-bottom: 4px; }}
p.content-note {{ font-size: 12px; font-style: italic; color: #333333; margin-bottom: 12px; }}
p.admonition-title {{ font-family: {_SANS}; font-weight: bold; margin-bottom: 4px; }}
p.teacher-title {{ font-family: {_SANS}; font-weight: bold; color: {TEACHER_RULE}; margin-bottom: 4px; }}
table.teacher {{ background-color: {TEACHER_TINT}; border-color: {TEACHER_RULE}; border-style: solid; }}
table.note {{ background-color: {NOTE_TINT}; border-color: #8c96a3; border-style: solid; }}
table.card {{ border-color: #000000; border-style: dashed; }}
p.card-title {{ font-family: {_SANS}; font-size: 11px; color: #444444; margin-bottom: 6px; }}
table.data {{ border-color: #777777; border-style: solid; }}
th {{ background-color: #eeeeee; font-weight: bold; }}
pre, code {{ font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 12px; }}
span.image-missing {{ color: #555555; font-style: italic; }}
h2.sources {{ font-size: 15px; margin-top: 20px; }}
span.figure-note {{ font-size: 11px; color: #333333; }}
p.figures-checked {{ font-size: 12px; font-style: italic; color: #222222; margin-top: 14px; }}
ol.sources {{ font-size: 11px; color: #222222; }}
p.kit-title {{ font-size: 13px; color: #444444; margin-bottom: 40px; }}
h1.cover {{ font-size: 32px; margin-top: 120px; margin-bottom: 30px; }}
p.cover-line {{ font-size: 16px; margin-bottom: 14px; }}
td.contents-title {{ font-size: 14px; padding-bottom: 6px; }}
td.contents-page {{ font-size: 14px; padding-bottom: 6px; }}
p.share-code {{ font-family: {_SANS}; font-size: 11px; color: #333333; margin-bottom: 10px; }}
span.share-url {{ font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 13px; font-weight: bold;
    color: #000000; }}
"""

_ADMONITION = re.compile(r'<div class="admonition ([a-z ]*)">')
_DIV = re.compile(r"<(/?)div\b[^>]*>")
_TABLE = re.compile(r"<table>")
_HR = re.compile(r"<hr\s*/?>")
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


@functools.cache
def _teacher_title() -> re.Pattern:
    """A facilitator block's title in any language the kit prints ("Teacher only: …", « Réservé au … »)."""
    space = "(?:\xa0|&nbsp;|&#160;|&#xa0;)"  # the French space before a colon, however the sanitiser wrote it
    labels = "|".join(
        re.escape(html_text.escape(prefix)).replace("\xa0", space) for prefix in editions.teacher_label_prefixes()
    )
    return re.compile(rf'<p class="admonition-title">((?:{labels})[^<]*)</p>')


def body_font() -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setPixelSize(BODY_PX)
    return font


def print_html(fragment: str, language: str = "en") -> str:
    """Shape a rendered fragment for paper: boxed admonitions (teacher ones marked), full-width tables, no rules."""
    # Answer space first (it is made of <hr>s); then `---`, a slide break, goes: on paper headings separate.
    html = _HR.sub("", answer_space.ruled(fragment, ANSWER_LINE_PX, ANSWER_LINE_COLOUR))
    # The sanitiser drops a refused src but may keep the <img>; say so in words rather than print an empty box.
    missing = html_text.escape(translate_for(language, "Print", PICTURE_MISSING))
    html = _IMG_WITHOUT_SRC.sub(f'<span class="image-missing">{missing}</span>', html)
    html = _TABLE.sub(
        '<table class="data" width="100%" border="1" cellspacing="0" cellpadding="5"'
        ' style="border-collapse: collapse; margin-top: 4px; margin-bottom: 10px">',
        html,
    )
    html = _teacher_title().sub(r'<p class="teacher-title">▌ \1</p>', html)
    return _box_admonitions(html, html_text.escape(translate_for(language, "Print", CUT_LINE)))


def _box_admonitions(html: str, cut_line: str) -> str:
    """Turn each admonition <div> into a one-cell table: Qt draws borders on tables, not on blocks, and splits
    a long cell across pages cleanly."""
    out: list[str] = []
    stack: list[bool] = []  # for each open <div>: is it an admonition we replaced?
    position = 0
    for match in _DIV.finditer(html):
        out.append(html[position : match.start()])
        position = match.end()
        if match.group(1):  # </div>
            replaced = stack.pop() if stack else False
            out.append("</td></tr></table>" if replaced else match.group(0))
            continue
        admonition = _ADMONITION.fullmatch(match.group(0))
        if admonition:
            classes = admonition.group(1).split()
            kind = "teacher" if "teacher" in classes else "card" if "card" in classes else "note"
            width = 2 if kind == "card" else 1  # a cut line must be easy to see and follow with scissors
            padding = 10 if kind == "card" else 8
            out.append(
                f'<table class="{kind}" width="100%" border="{width}" cellspacing="0" cellpadding="{padding}"'
                ' style="border-collapse: collapse; margin-top: 6px; margin-bottom: 10px"><tr><td>'
            )
            if kind == "card":
                out.append(f'<p class="card-title">{cut_line}</p>')
        else:
            out.append(match.group(0))
        stack.append(bool(admonition))
    out.append(html[position:])
    return "".join(out)
