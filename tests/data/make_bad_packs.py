"""Writes tests/data/bad_packs/: one .kitpack per hostile or broken zip (bad-inputs.md §3.6). Re-run to regenerate.

Every fixture is a valid pack except for its one defect (a correct manifest with checksums), so the
test proves that this defect alone is refused. Bombs stay small on disk (kilobytes).
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import stat
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

from make_bad_fixtures import png

HERE = Path(__file__).resolve().parent / "bad_packs"
PACK_YAML = b"id: sample\ntitle: Sample pack\nversion: '1'\nlanguage: en\nlicense: CC0\n"
PAGE = b"---\ntitle: A page\nkind: article\nsummary: A fixture.\naudience: [grades-9-10]\n---\n\nSome text.\n"


def add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    """A member with a fixed date, so that regenerating the fixtures changes no byte."""
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zf.compression
    zf.writestr(info, data)


def manifest(files: dict[str, bytes], pack_id: str = "sample", **extra) -> bytes:
    data = {
        "format": "kitpack",
        "format_version": 1,
        "pack": {"id": pack_id, "title": "Sample pack", "version": "1"},
        "files": [{"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in files.items()],
        **extra,
    }
    return json.dumps(data, indent=1).encode()


def good_files(**more: bytes) -> dict[str, bytes]:
    return {"pack.yaml": PACK_YAML, "page.md": PAGE, **more}


def build(files: dict[str, bytes], listed: dict[str, bytes] | None = None, *, raw_manifest: bytes | None = None):
    """Zip bytes: manifest.json (describing `listed`, default `files`) then every file, deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        if raw_manifest is not False:
            add(zf, "manifest.json", raw_manifest if raw_manifest is not None else manifest(listed or files))
        for name, data in files.items():
            add(zf, name, data)
    return buffer.getvalue()


def patch_headers(data: bytes, name: bytes, *, flags_or=0, flags_and=0xFFFF, method=None, new_name=None) -> bytes:
    """Change one member's flags, method or name bytes in both its local and its central header."""
    out = bytearray(data)
    for signature, flag_at, method_at, name_len_at, name_at in (
        (b"PK\x03\x04", 6, 8, 26, 30),
        (b"PK\x01\x02", 8, 10, 28, 46),
    ):
        start = 0
        while (at := out.find(signature, start)) >= 0:
            start = at + 4
            length = struct.unpack_from("<H", out, at + name_len_at)[0]
            if bytes(out[at + name_at : at + name_at + length]) != name:
                continue
            flags = (struct.unpack_from("<H", out, at + flag_at)[0] | flags_or) & flags_and
            struct.pack_into("<H", out, at + flag_at, flags)
            if method is not None:
                struct.pack_into("<H", out, at + method_at, method)
            if new_name is not None:
                assert len(new_name) == len(name)
                out[at + name_at : at + name_at + length] = new_name
    return bytes(out)


def symlink_pack() -> bytes:
    files = good_files()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        add(zf, "manifest.json", manifest({**files, "link.md": b"/etc/passwd"}))
        for name, data in files.items():
            add(zf, name, data)
        info = zipfile.ZipInfo("link.md")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def device_pack() -> bytes:
    files = good_files()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        add(zf, "manifest.json", manifest({**files, "dev.md": b""}))
        for name, data in files.items():
            add(zf, name, data)
        info = zipfile.ZipInfo("dev.md")
        info.create_system = 3
        info.external_attr = (stat.S_IFCHR | 0o666) << 16
        zf.writestr(info, b"")
    return buffer.getvalue()


def overlap_bomb(count: int = 20, kernel_bytes: int = 5_000_000) -> bytes:
    """David Fifield's overlapping-entry bomb: every file's data quotes the next files' headers, then one kernel.

    Python 3.11.7 reads it without complaint (CVE-2024-0450): ~10 KB becomes count x kernel_bytes.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    kernel = compressor.compress(b"\0" * kernel_bytes) + compressor.flush()
    names = [f"f{i:02d}.md".encode() for i in range(count)]
    plain = [b""] * count
    local = [b""] * count
    compressed_sizes = [0] * count
    crcs = [0] * count
    following_plain, following_compressed = b"\0" * kernel_bytes, len(kernel)
    for i in reversed(range(count)):
        crcs[i] = zlib.crc32(following_plain)
        plain[i] = following_plain
        compressed_sizes[i] = following_compressed
        local[i] = (
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                20,
                0,
                8,
                0,
                0,
                crcs[i],
                compressed_sizes[i],
                len(following_plain),
                len(names[i]),
                0,
            )
            + names[i]
        )
        quote = struct.pack("<BHH", 0, len(local[i]), 0xFFFF ^ len(local[i]))
        following_plain = local[i] + following_plain
        following_compressed = len(quote) + len(local[i]) + following_compressed
    head_files = good_files()
    listed = dict(head_files)
    for name, data in zip(names, plain, strict=True):
        listed[name.decode()] = data
    head = io.BytesIO()
    with zipfile.ZipFile(head, "w", zipfile.ZIP_DEFLATED) as zf:
        add(zf, "manifest.json", manifest(listed))
        for name, data in head_files.items():
            add(zf, name, data)
    # Keep the normal members and their central entries; append the bomb and rebuild the directory.
    normal = zipfile.ZipFile(io.BytesIO(head.getvalue()))
    cd_start = normal.start_dir
    body = bytearray(head.getvalue()[:cd_start])
    central_normal = head.getvalue()[cd_start : head.getvalue().rfind(b"PK\x05\x06")]
    offsets = []
    for i in range(count):
        offsets.append(len(body))
        body += local[i]
        if i + 1 < count:
            body += struct.pack("<BHH", 0, len(local[i + 1]), 0xFFFF ^ len(local[i + 1]))
    body += kernel
    central = bytearray(central_normal)
    for i in range(count):
        central += (
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                20,
                20,
                0,
                8,
                0,
                0,
                crcs[i],
                compressed_sizes[i],
                len(plain[i]),
                len(names[i]),
                0,
                0,
                0,
                0,
                0,
                offsets[i],
            )
            + names[i]
        )
    total = len(normal.infolist()) + count
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, total, total, len(central), len(body), 0)
    return bytes(body + central + end)


def corrupt_member() -> bytes:
    words = b" ".join(hashlib.sha256(str(i).encode()).hexdigest()[:8].encode() for i in range(4000))
    data = bytearray(build(good_files(**{"long.md": PAGE + words})))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("long.md")
    middle = info.header_offset + 30 + len(b"long.md") + info.compress_size // 2
    data[middle : middle + 64] = b"\xff" * 64
    return bytes(data)


def main() -> None:
    if HERE.exists():
        shutil.rmtree(HERE)
    HERE.mkdir(parents=True)

    def write(name: str, data: bytes) -> None:
        (HERE / name).write_bytes(data)

    def one_extra(name: str, content: bytes = PAGE) -> bytes:
        return build(good_files(**{name: content}))

    write("good.kitpack", build(good_files()))
    write("z01-dotdot.kitpack", one_extra("../../x.md"))
    write("z01-dotdot-nested.kitpack", one_extra("lessons/../../../x.md"))
    write("z02-absolute.kitpack", one_extra("/tmp/kit-escape.md"))
    write("z02-drive.kitpack", one_extra("C:/kit-escape.md"))
    write("z02-unc.kitpack", one_extra("\\\\server\\share\\x.md"))
    write("z02-backslash.kitpack", one_extra("..\\..\\x.md"))
    write("z03-symlink.kitpack", symlink_pack())
    write("z03-device.kitpack", device_pack())
    duplicate = io.BytesIO()
    with zipfile.ZipFile(duplicate, "w") as zf:
        add(zf, "manifest.json", manifest(good_files()))
        for name, data in good_files().items():
            add(zf, name, data)
        with warnings.catch_warnings():  # zipfile warns about the duplicate we make on purpose
            warnings.simplefilter("ignore")
            add(zf, "page.md", b"overwritten")
    write("z04-duplicate.kitpack", duplicate.getvalue())
    write("z04-case.kitpack", build(good_files(**{"Lesson.md": PAGE, "lesson.md": PAGE})))
    write("z05-file-and-folder.kitpack", build(good_files(**{"notes.md": PAGE, "notes.md/inner.md": PAGE})))
    write("z06-con.kitpack", one_extra("CON.md"))
    write("z06-aux-folder.kitpack", one_extra("aux/page2.md"))
    write("z06-colon.kitpack", one_extra("a:b.md"))
    write("z06-trailing-dot.kitpack", one_extra("folder./page2.md"))
    write("z06-trailing-space.kitpack", one_extra("page2 .md "))
    write("z06-question.kitpack", one_extra("what?.md"))
    write("z07-long-name.kitpack", one_extra("é" * 130 + ".md"))
    write("z07-deep.kitpack", one_extra("/".join(["d"] * 20) + "/x.md"))
    write("z07-long-path.kitpack", one_extra("/".join(["folder-name-" + "x" * 30] * 5) + "/x.md"))
    write("z08-exe.kitpack", one_extra("run.exe", b"MZ"))
    write("z08-html.kitpack", one_extra("page.html", b"<script>alert(1)</script>"))
    write("z08-no-extension.kitpack", one_extra("README", b"text"))
    write("z09-big-file.kitpack", one_extra("huge.md", b"\0" * 25_000_000))
    write("z09-ratio-bomb.kitpack", build(good_files(**{f"z{i}.md": b" " * 10_000_000 for i in range(5)})))
    write("z10-overlap-bomb.kitpack", overlap_bomb())
    write("z12-encrypted.kitpack", patch_headers(build(good_files()), b"page.md", flags_or=0x1))
    stored = io.BytesIO()
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as zf:
        add(zf, "manifest.json", manifest(good_files()))
        for name, data in good_files().items():
            add(zf, name, data)
    write("z13-deflate64.kitpack", patch_headers(stored.getvalue(), b"page.md", method=9))
    whole = build(good_files())
    write("z14-truncated.kitpack", whole[: len(whole) // 2])
    write("z14-empty.kitpack", b"")
    write("z14-not-a-zip.kitpack", b"<html>this is a web page saved as a pack</html>\n")
    write("z15-corrupt-data.kitpack", corrupt_member())
    image = {"images/café.png": png(2, 2)}
    utf8_no_flag = patch_headers(build(good_files(**image)), "images/café.png".encode(), flags_and=0xFFFF ^ 0x800)
    write("z16-utf8-without-flag.kitpack", utf8_no_flag)
    write(
        "z16-not-utf8.kitpack",
        patch_headers(build(good_files(**{"cafX.md": PAGE})), b"cafX.md", new_name=b"caf\x82.md"),
    )
    write(
        "z17-nul-name.kitpack",
        patch_headers(build(good_files(**{"evil.md_.exe": PAGE})), b"evil.md_.exe", new_name=b"evil.md\0.exe"),
    )
    write("z18-no-manifest.kitpack", build(good_files(), raw_manifest=False))
    write("z18-manifest-not-json.kitpack", build(good_files(), raw_manifest=b"{not json"))
    write(
        "z18-manifest-newer.kitpack",
        build(
            good_files(), raw_manifest=manifest(good_files()).replace(b'"format_version": 1', b'"format_version": 99')
        ),
    )
    write("z18-checksum.kitpack", build(good_files(), good_files(**{"page.md": PAGE.replace(b"Some", b"Other")})))
    write("z18-unlisted-file.kitpack", build(good_files(**{"extra.md": PAGE}), good_files()))
    write("z18-missing-file.kitpack", build(good_files(), good_files(**{"gone.md": PAGE})))
    write("z18-wrong-pack-id.kitpack", build(good_files(), raw_manifest=manifest(good_files(), pack_id="other")))
    write("z18-bad-content.kitpack", one_extra("broken.md", b"---\ntitle: [unclosed\n---\nBody\n"))
    write("z21-zip-inside.kitpack", one_extra("inner.zip", build(good_files())))


if __name__ == "__main__":
    main()
