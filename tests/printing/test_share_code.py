"""The classroom share's QR code and address on a printed handout: decoded back from the rendered page."""

import re
import shutil
import subprocess

import pytest
import zxingcpp
from pdfcheck import bundled_library, page_texts
from PySide6.QtGui import QImage

from kit.printing import Cover, export_pdf
from kit.printing.share_code import qr_image

HANDOUT = "exit-ticket"
URL = "http://192.168.1.23:8800/K7RM4/r/exit-ticket"
DPI = 100  # a page photographed or scanned roughly: the code must still read
MM_PER_INCH = 25.4


def _render(pdf, tmp_path, page=1) -> QImage:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    prefix = tmp_path / f"page{page}"
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page), pdf, prefix], check=True)
    image = QImage(str(next(tmp_path.glob(f"page{page}-*.png"))))
    assert not image.isNull()
    return image


def _words(pdf, page=1) -> list[tuple[float, float, float, float, str]]:
    """Every word on the page with its box in points (poppler's pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(pattern, out)]


def test_the_code_reads_back_as_the_address():
    # A 1-bit picture: zxing-cpp reads 8-bit grey or colour QImages.
    [code] = zxingcpp.read_barcodes(qr_image(URL).convertToFormat(QImage.Format.Format_Grayscale8))
    assert code.text == URL and code.format == zxingcpp.BarcodeFormat.QRCode


def test_a_printed_handout_carries_a_scannable_code_beside_its_title(qapp, tmp_path):
    library = bundled_library()
    pdf = tmp_path / "handout.pdf"
    export_pdf([library.get(HANDOUT)], pdf, paper="a4", share_urls={HANDOUT: URL})
    [code] = zxingcpp.read_barcodes(_render(pdf, tmp_path))
    assert code.text == URL
    corners = [code.position.top_left, code.position.top_right, code.position.bottom_right]
    left, top = corners[0].x, corners[0].y
    right, bottom = corners[1].x, corners[2].y
    side_mm = (right - left) / DPI * MM_PER_INCH
    assert 15 <= side_mm <= 30, side_mm  # big enough for a phone at arm's length, small beside the title
    assert top / DPI * MM_PER_INCH < 60  # at the top of the first page, where a student looks first
    # No word of the page is under the code (quiet zone included: 4 modules around it).
    quiet = (right - left) / 33 * 4
    box = [(v - quiet) * 72 / DPI for v in (left, top)] + [(v + quiet) * 72 / DPI for v in (right, bottom)]
    words = _words(str(pdf))
    overlapping = [w for w in words if w[0] < box[2] and w[2] > box[0] and w[1] < box[3] and w[3] > box[1]]
    assert words and not overlapping
    # The address is printed in words too, for a student who cannot scan.
    assert URL in page_texts(pdf)[0].replace(" ", "")


def test_only_student_copies_of_shared_resources_carry_a_code(qapp, tmp_path):
    library = bundled_library()
    teacher = tmp_path / "teacher.pdf"
    export_pdf([library.get(HANDOUT)], teacher, edition="teacher", share_urls={HANDOUT: URL})
    assert zxingcpp.read_barcodes(_render(teacher, tmp_path)) == []
    assert "K7RM4" not in " ".join(page_texts(teacher))
    # A packet: the shared resource gets its code, the one the share does not serve (not in the map) none.
    packet = tmp_path / "packet.pdf"
    export_pdf([library.get("glossary"), library.get(HANDOUT)], packet, cover=Cover(), share_urls={HANDOUT: URL})
    texts = page_texts(packet)
    with_code = [i for i, text in enumerate(texts) if "K7RM4" in text]
    assert len(with_code) == 1 and "Exit ticket" in texts[with_code[0]]
    [code] = zxingcpp.read_barcodes(_render(packet, tmp_path, with_code[0] + 1))
    assert code.text == URL
