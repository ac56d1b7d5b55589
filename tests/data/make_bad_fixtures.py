"""Writes tests/data/bad/: one file per hostile or broken input (bad-inputs.md §3.2–3.5). Re-run to regenerate."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent / "bad"

GOOD_META = """title: {title}
kind: article
summary: A fixture.
audience: [grades-9-10]
language: en
"""


def page(title: str, body: str, meta: str = "") -> str:
    return f"---\n{GOOD_META.format(title=title)}{meta}---\n\n{body}\n"


def png(width: int, height: int) -> bytes:
    """A real 1-bit greyscale PNG of the given size, all zeros (tiny on disk, huge decoded)."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def write(name: str, content: str | bytes) -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="\n")
    else:
        path.write_bytes(content)


def main() -> None:
    if HERE.exists():
        shutil.rmtree(HERE)
    write("pack.yaml", "id: bad\ntitle: Hostile and broken inputs\nversion: '1'\nlanguage: en\nlicense: CC0\n")
    write("good.md", page("A good page", "## Fine\n\nThis page is fine. [Hostile](kit:m01-active-content)\n"))

    # 3.2 Markdown body / HTML
    write(
        "m01-active-content.md",
        page(
            "Active content",
            'Before\n\n<script>alert(\'x\')</script>\n\n<iframe src="http://example.com"></iframe>\n\n<object data="x.swf"></object>\n\n<style>body{display:none}</style>\n\n<form action="http://example.com"><input name=q></form>\n\nAfter',
        ),
    )
    write(
        "m02-event-attributes.md",
        page(
            "Event attributes",
            '<p onclick="alert(1)">click</p>\n\n<img src="x.png" onerror="alert(1)">\n\n<a href="#top" onmouseover="alert(1)">hover</a>',
        ),
    )
    write(
        "m03-script-links.md",
        page(
            "Script links",
            '[js](javascript:alert(1))\n\n<a href="jav&#x61;script:alert(1)">obfuscated</a>\n\n[vb](vbscript:msgbox)\n\n[data](data:text/html;base64,PHNjcmlwdD4=)\n\n[smb](smb://server/share)\n\n[settings](ms-settings:privacy)',
        ),
    )
    write(
        "m04-local-images.md",
        page(
            "Local images",
            '![passwd](file:///etc/passwd)\n\n![abs](/etc/hosts.png)\n\n![up](../../x.png)\n\n<img src="C:\\Windows\\win.png">\n\n<img src="../../../../etc/passwd">',
        ),
    )
    write(
        "m05-remote-image.md",
        page("Remote image", '![tracker](http://example.com/track.png)\n\n<img src="https://example.com/pixel.gif">'),
    )
    write("m06-data-image.md", page("Data image", "![inline](data:image/png;base64,iVBORw0KGgo=)"))
    write("m07-nested-tables.md", page("Nested tables", "<table><tr><td>" * 20 + "deep" + "</td></tr></table>" * 20))
    write("m08-nested-divs.md", page("Nested divs", "<div>" * 5000 + "deep" + "</div>" * 5000))
    write("m09-brackets.md", page("Brackets", "[" * 8000))
    write("m10-many-images.md", page("Many images", "![i](images/ok.png) " * 9000))  # within MAX_BODY_CHARS
    write("m11-long-word.md", page("Long word", "a" * 150_000))  # rendered: within MAX_BODY_CHARS
    write(
        "m12-huge-attributes.md",
        page(
            "Huge attributes",
            '<table cellspacing="1000000000"><tr><td colspan="100000000">x</td></tr></table>\n\n<img src="images/ok.png" width="1000000" height="99999999">',
        ),
    )
    write("m13-not-utf8.md", page("Latin-1", "caf\u00e9").encode("latin-1"))
    write("m13-utf16.md", page("UTF-16", "hello").encode("utf-16"))
    write("m13-bom.md", b"\xef\xbb\xbf" + page("With BOM", "hello").encode())
    write("m13-crlf.md", page("CRLF", "line one\nline two").replace("\n", "\r\n").encode())
    write("m13-nul.md", page("NUL", "a\x00b").encode())
    write(
        "m14-missing-links.md",
        page(
            "Missing links", "[gone](kit:no-such-resource)\n\n[other pack](../otherpack/lesson.md)\n\n[file](setup.exe)"
        ),
    )
    write("m16-comments.md", page("Comments", "Visible\n\n<!-- hidden teacher text -->\n\nAlso visible"))

    # 3.3 YAML front matter
    write("y01-python-tag.md", "---\ntitle: !!python/object/apply:os.system ['echo owned']\nkind: article\n---\nbody\n")
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
    )
    write("y02-billion-laughs.md", "---\ntitle: Laughs\nkind: article\n" + laughs + "---\nbody\n")
    write("y03-deep-brackets.md", "---\ntitle: " + "[" * 10000 + "\nkind: article\n---\nbody\n")
    write("y04-impossible-date.md", page("Impossible date", "body", "updated: 2024-02-30\n"))
    write("y05-norway.md", "---\ntitle: Norway\nkind: article\nlanguage: no\n---\nbody\n")
    write("y06-title-list.md", "---\ntitle: [a, b]\nkind: article\n---\nbody\n")
    write("y07-duplicate-keys.md", page("Duplicate keys", "body", "minutes: 10\nminutes: 20\n"))
    write("y08-tabs.md", "---\ntitle: Tabs\nkind: article\naudience:\n\t- grades-9-10\n---\nbody\n")
    write("y08-unclosed-quote.md", '---\ntitle: "Unclosed\nkind: article\n---\nbody\n')
    write("y09-list.md", "---\n- title\n- kind\n---\nbody\n")
    write("y09-empty.md", "---\n---\nbody\n")
    write(
        "y10-never-closes.md",
        "---\ntitle: Never closes\nkind: article\n\nThe body starts here but the front matter never ended.\n",
    )
    write("y12-include.md", "---\ntitle: !include /etc/passwd\nkind: article\n---\nbody\n")
    write("y12-binary.md", "---\ntitle: !!binary aGVsbG8=\nkind: article\n---\nbody\n")
    write("y12-set.md", "---\ntitle: !!set {a, b}\nkind: article\n---\nbody\n")
    write("v-unknown-kind.md", "---\ntitle: Unknown kind\nkind: poster\n---\nbody\n")
    write("v-unknown-audience.md", "---\ntitle: Unknown audience\nkind: article\naudience: [kindergarten]\n---\nbody\n")
    write("v-missing-title.md", "---\nkind: article\n---\nbody\n")
    write("v-minutes-text.md", "---\ntitle: Minutes as text\nkind: article\nminutes: twenty\n---\nbody\n")
    write("v-empty.md", "")
    write("v-no-front-matter.md", "Just text, no front matter.\n")
    write("sub/good.md", page("Duplicate id", "Same stem as good.md in another folder."))

    # 3.4 Images
    write("images/ok.png", png(4, 4))
    write("images/bomb.png", png(20000, 20000))
    write("images/big.png", png(8000, 8000))
    write("images/garbage.png", b"this is not a picture at all")
    write("images/xpm-named.png", b'/* XPM */\nstatic char *x[] = {"1 1 1 1", "a c #000000", "a"};\n')
    write("images/svg-named.png", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>')
    write(
        "images/bomb.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><defs><g id="a"><rect/></g></defs>'
        + b'<use href="#a"/>' * 50
        + b"</svg>",
    )
    write("images/notes.exe", b"MZ")
    write("i01-png-bomb.md", page("PNG bomb", "![bomb](images/bomb.png)"))
    write("i02-big-pngs.md", page("Big PNGs", "![big](images/big.png) " * 12))
    write("i03-garbage-png.md", page("Garbage PNG", "![garbage](images/garbage.png)"))
    write("i04-disguised.md", page("Disguised images", "![xpm](images/xpm-named.png)\n\n![svg](images/svg-named.png)"))
    write("i05-svg.md", page("SVG", "![bomb](images/bomb.svg)"))
    write("i08-outside.md", page("Image outside", "![secret](../../../../../etc/passwd.png)"))
    write("i09-missing.md", page("Missing image", "![gone](images/not-there.png)"))
    write("i-ok.md", page("Good image", "![a small picture](images/ok.png)"))

    # 3.5 Links
    write(
        "l01-web-links.md", page("Web links", "[UNODC](https://www.unodc.org/)\n\n[mail](mailto:someone@example.com)")
    )
    write(
        "l03-local-links.md",
        page(
            "Local links",
            "[passwd](file:///etc/passwd)\n\n[secret](../secret.txt)\n\n[windows](C:\\Users\\x\\secret.txt)",
        ),
    )
    write("l05-missing-anchor.md", page("Missing anchor", "[nowhere](#missing-anchor)"))
    write("l06-executable-link.md", page("Executable link", "[run me](images/notes.exe)\n\n[zip](pack.zip)"))
    write("l07-huge-url.md", page("Huge URL", f"[long](https://example.com/{'a' * 100_000})"))


if __name__ == "__main__":
    main()
