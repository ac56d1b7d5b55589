"""`kit pack` and `kit add` as a teacher runs them: own material and imported packs appear in `kit list`."""

import json

from test_cli import kit

from testdata import DATA


def ids(result):
    assert result.returncode == 0, result.stderr
    return {row["id"] for row in json.loads(result.stdout)}


def test_add_export_import_list_show_remove(tmp_path):
    a, b = {"KIT_DATA_DIR": str(tmp_path / "a")}, {"KIT_DATA_DIR": str(tmp_path / "b")}
    (tmp_path / "plan.md").write_text("# Week 3 plan\n\nWhat we do this week.\n")
    added = kit("add", str(tmp_path / "plan.md"), cwd=tmp_path, env=a)
    assert added.returncode == 0, added.stderr
    assert "Added 'plan'" in added.stdout
    assert "plan" in ids(kit("list", "--json", cwd=tmp_path, env=a))
    out = tmp_path / "share.kitpack"
    exported = kit("pack", "export", "own", "-o", str(out), "--pack-id", "week-3", cwd=tmp_path, env=a)
    assert exported.returncode == 0, exported.stderr
    before = ids(kit("list", "--json", cwd=tmp_path, env=b))
    assert "plan" not in before
    imported = kit("pack", "import", str(out), cwd=tmp_path, env=b)
    assert imported.returncode == 0, imported.stderr
    assert ids(kit("list", "--json", cwd=tmp_path, env=b)) == before | {"plan"}
    shown_a = kit("show", "plan", "--format", "html", cwd=tmp_path, env=a)
    shown_b = kit("show", "plan", "--format", "html", cwd=tmp_path, env=b)
    assert shown_a.stdout == shown_b.stdout and "What we do this week" in shown_b.stdout
    assert kit("validate", cwd=tmp_path, env=b).returncode in (0, 1)
    again = kit("pack", "import", str(out), cwd=tmp_path, env=b)
    assert again.returncode == 1 and "use --replace or --keep-both" in again.stderr
    assert kit("pack", "import", str(out), "--replace", cwd=tmp_path, env=b).returncode == 0
    listed = kit("pack", "list", cwd=tmp_path, env=b)
    assert "week-3" in listed.stdout
    removed = kit("pack", "remove", "week-3", cwd=tmp_path, env=b)
    assert removed.returncode == 0, removed.stderr
    assert ids(kit("list", "--json", cwd=tmp_path, env=b)) == before


def test_bad_pack_refused_with_one_line_and_exit_1(tmp_path):
    result = kit("pack", "import", str(DATA / "bad_packs" / "z01-dotdot.kitpack"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["kit: z01-dotdot.kitpack was not imported: unsafe path '../../x.md'"]
    assert "Traceback" not in result.stderr


def test_add_refuses_a_bad_file_in_one_line(tmp_path):
    (tmp_path / "x.pptx").write_bytes(b"PK")
    result = kit("add", str(tmp_path / "x.pptx"), cwd=tmp_path)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "damaged or not a PowerPoint file" in result.stderr
    (tmp_path / "x.xls").write_bytes(b"PK")
    other = kit("add", str(tmp_path / "x.xls"), cwd=tmp_path)
    assert other.returncode == 1 and "only Markdown, text, Word" in other.stderr


def test_add_a_word_document_then_print_and_search_it(tmp_path):
    from testdocuments import make_docx

    env = {"KIT_DATA_DIR": str(tmp_path / "data")}
    added = kit("add", str(make_docx(tmp_path / "Water Cycle.docx")), cwd=tmp_path, env=env)
    assert added.returncode == 0, added.stderr
    assert "Added 'water-cycle'" in added.stdout
    found = kit("search", "evaporation", cwd=tmp_path, env=env)
    assert "water-cycle" in found.stdout
    printed = kit("export-pdf", "water-cycle", "-o", str(tmp_path / "w.pdf"), cwd=tmp_path, env=env)
    assert printed.returncode == 0, printed.stderr
    assert "Evaporation" in "".join(
        page.extract_text() for page in __import__("pypdf").PdfReader(tmp_path / "w.pdf").pages
    )
    updated = kit("add", "--update", "water-cycle", cwd=tmp_path, env=env)
    assert updated.returncode == 0 and "Updated 'water-cycle'" in updated.stdout, updated.stderr


def test_lesson_travels_in_a_pack(tmp_path):
    import datetime as dt

    from kit.core.store.database import LessonItem, Store

    a, b = {"KIT_DATA_DIR": str(tmp_path / "a")}, {"KIT_DATA_DIR": str(tmp_path / "b")}
    with Store.open(tmp_path / "a") as store:
        lesson_id = store.create_lesson(
            "Myths week", "10A", dt.date(2026, 12, 3), [LessonItem("myths-and-facts", 20), LessonItem("glossary", 5)]
        )
    out = tmp_path / "lesson.kitpack"
    exported = kit("pack", "export", "--lesson", str(lesson_id), "-o", str(out), cwd=tmp_path, env=a)
    assert exported.returncode == 0, exported.stderr
    assert "Exported pack 'myths-week': 2 resource(s)" in exported.stdout
    imported = kit("pack", "import", str(out), cwd=tmp_path, env=b)
    assert imported.returncode == 0, imported.stderr
    assert "Added 1 lesson(s)" in imported.stdout
    # imported packs come before the bundled kit: each copy hides the kit's, and the teacher is told which
    assert "warning: resource 'glossary' of pack 'trafficking' is hidden by the one in pack 'myths-week'" in (
        imported.stderr
    )
    assert imported.stderr.count("is hidden by the one in pack 'myths-week'") == 2
    with Store.open(tmp_path / "b") as store:
        (lesson,) = store.lessons()
    assert (lesson.title, lesson.class_name, lesson.date, lesson.total_minutes) == (
        "Myths week",
        "10A",
        dt.date(2026, 12, 3),
        25,
    )
