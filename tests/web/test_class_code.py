"""The classroom code in every address: only `/<code>/...` reaches the kit; everything else is a friendly 404."""

from __future__ import annotations

import re

import pytest

from kit.web.class_code import ALPHABET, CODE_LENGTH, ClassCode, new_code
from web.conftest import call

LOOK_ALIKES = "0O1IL2Z5S6G8BQDUV"


@pytest.fixture(scope="module")
def coded(bundled_app):
    return ClassCode(bundled_app, "K7RM4")


def _addresses(page: str) -> list[str]:
    return re.findall(r'(?:href|src|action)="(/[^"]*)"', page)


def test_codes_are_short_random_and_free_of_look_alikes():
    codes = {new_code() for _ in range(200)}
    assert len(codes) > 190  # random, not a counter or a constant
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
    assert not set(LOOK_ALIKES) & set(ALPHABET)
    with pytest.raises(ValueError):
        ClassCode(lambda e, s: [], "B0SS")


@pytest.mark.parametrize(
    "path", ["/", "/r/exit-ticket", "/search", "/K7RM", "/K7RM44/", "/XXXXX/r/exit-ticket", "/r/K7RM4/", "//K7RM4/"]
)
def test_without_the_right_code_a_page_says_to_scan_the_teachers_code(coded, path):
    reply = call(coded, path, "q=trafficking")
    assert reply.status == 404
    assert "scan the qr code your teacher shows" in reply.text.lower()
    assert "exit-ticket" not in reply.text and "Back to the library" not in reply.text
    assert (
        reply.headers["Cache-Control"] == "no-store"
        and "default-src 'self'" in reply.headers["Content-Security-Policy"]
    )
    css = re.search(r'href="(/static/kit\.css)"', reply.text).group(1)
    assert call(coded, css).status == 200  # the 404 page is styled, from the top, where no content is


def test_french_browsers_get_the_page_in_french(coded):
    reply = call(coded, "/", headers={"Accept-Language": "fr-CA,fr;q=0.9"})
    assert reply.status == 404 and "code QR que montre votre enseignant" in reply.text


@pytest.mark.parametrize("path", ["/K7RM4/", "/k7rm4/", "/K7RM4/r/what-is-human-trafficking", "/K7RM4/search"])
def test_with_the_code_every_link_keeps_it(coded, path):
    reply = call(coded, path, "q=recrutment")
    assert reply.status == 200
    addresses = _addresses(reply.text)
    assert addresses, "the page links to the rest of the share"
    for address in addresses:
        assert address.startswith("/K7RM4/"), address  # a link without the code would be a 404 for the student


def test_reader_links_related_pictures_and_print_keep_the_code(coded, bundled_app):
    with_pictures = [r.id for r in bundled_app.library.resources if "![" in r.body]
    for resource_id in ["exit-ticket", *with_pictures[:2]]:
        page = call(coded, f"/K7RM4/r/{resource_id}").text
        for address in _addresses(page):
            assert address.startswith("/K7RM4/"), address
            assert call(coded, address.split("#")[0].split("?")[0]).status == 200, address
    assert call(coded, "/K7RM4/r/exit-ticket/print").status == 200
    assert call(coded, "/K7RM4/r/teacher-self-care").status == 404  # the code opens the student edition only


def test_the_code_alone_redirects_to_the_library(coded):
    reply = call(coded, "/K7RM4")
    assert reply.status == 301 and reply.headers["Location"] == "/K7RM4/"


def test_a_server_without_a_code_still_serves_from_the_top(bundled_app):
    # gunicorn on a school server: `kit.web:create_app()` has no code, and its links start at "/".
    reply = call(bundled_app, "/")
    assert reply.status == 200
    assert all(not address.startswith("/K7RM4") for address in _addresses(reply.text))
    assert call(bundled_app, "/r/exit-ticket").status == 200


def test_a_forged_script_name_never_reaches_a_page(bundled_app):
    # SCRIPT_NAME comes from the server; if a proxy passed something odd, the links fall back to the top.
    environ_root = '/"><script>x</script>'
    from kit.web.app import site_root

    assert site_root({"SCRIPT_NAME": environ_root}) == ""
    assert site_root({"SCRIPT_NAME": "/K7RM4"}) == "/K7RM4"


def test_only_devices_with_the_code_count_as_reading(bundled_app):
    from kit.web.server import DeviceCounter

    counter = DeviceCounter(ClassCode(bundled_app, "K7RM4"))
    call(counter, "/", remote="10.0.0.20")  # the class next door, without the code
    call(counter, "/r/exit-ticket", remote="10.0.0.21")
    assert counter.recent() == 0
    call(counter, "/K7RM4/", remote="10.0.0.22")
    call(counter, "/K7RM4/r/exit-ticket", remote="10.0.0.22")
    call(counter, "/K7RM4/search", "q=help", remote="10.0.0.23")
    assert counter.recent() == 2
