"""The share in a real browser: Debian's Chromium driven by Selenium, against the embedded server on 127.0.0.1.

Skipped where Chromium or its driver is not installed (`apt-get install chromium chromium-driver`). The browser
is told to resolve no name but 127.0.0.1 and to make no background requests, so nothing leaves loopback.
"""

from __future__ import annotations

import base64
import io
import shutil

import pytest

from kit.web.class_code import ClassCode, new_code
from kit.web.server import ShareServer

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test extra")
CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver")

NOTHING_BUT_LOOPBACK = "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"


@pytest.fixture(scope="module")
def served(bundled_app):
    """The share as a student's phone opens it: under a classroom code, as the QR code gives it."""
    code = new_code()
    # One browser reads every page in seconds, faster than any student: the per-client limit (tested in
    # test_limits.py) would rightly slow it down.
    server = ShareServer(ClassCode(bundled_app, code), "127.0.0.1", 0, limit=False)
    server.start()
    yield f"http://127.0.0.1:{server.port}/{code}"
    server.stop()


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--host-resolver-rules={NOTHING_BUT_LOOPBACK}",
    ):
        options.add_argument(flag)
    # A 360 x 740 phone screen (headless Chromium's windows are at least 500 px wide, so it is emulated).
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 2}}
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager (which would download a driver) is never run.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=DRIVER))
    yield driver
    driver.quit()


def _problems(driver) -> list[str]:
    """Console errors, including Content-Security-Policy refusals (an inline script or style would show here)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def _page_width(driver) -> int:
    return driver.execute_script("return document.documentElement.scrollWidth")


def test_every_page_fits_a_phone_screen(served, browser, bundled_app):
    for path in ["/", "/search?q=signs", *(f"/r/{r.id}" for r in bundled_app.library.resources)]:
        browser.get(served + path)
        assert _page_width(browser) <= 360, path
    assert not _problems(browser)


def test_a_phone_searches_as_it_types_reads_and_follows_a_link(served, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(served + "/")
    assert browser.execute_script("return window.innerWidth") == 360
    assert _page_width(browser) <= 360  # no sideways scrolling
    box = browser.find_element(By.ID, "q")
    box.send_keys("recrutment")  # a typo, typed a key at a time; no Enter: the script fetches the results
    WebDriverWait(browser, 10).until(lambda d: "Did you mean" in d.find_element(By.ID, "main").text)
    assert browser.current_url.startswith(served + "/search?q=recrutment")  # the classroom code is kept
    first = browser.find_element(By.CSS_SELECTOR, "#results .resources h2 a")
    title = first.text
    first.click()
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == title)
    assert _page_width(browser) <= 360
    related = browser.find_elements(By.CSS_SELECTOR, "ul.related a")
    assert related, "the page has related resources (kit: links, now web links)"
    target = related[0].text
    related[0].click()
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == target)
    assert browser.current_url.startswith(served + "/r/")
    assert not _problems(browser)


def test_a_student_prints_a_handout_to_pdf(served, browser):
    from pypdf import PdfReader
    from selenium.webdriver.common.print_page_options import PrintOptions

    browser.get(served + "/r/exit-ticket/print")
    pdf = PdfReader(io.BytesIO(base64.b64decode(browser.print_page(PrintOptions()))))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "One thing I learned today" in text and "_____" in text  # the write-in lines are on paper
    assert "Use your browser" not in text  # the on-screen hint is not printed
    assert "Using the exit ticket" not in text  # the teacher block's title
    assert not _problems(browser)
