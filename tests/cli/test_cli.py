"""The command-line contract (architecture.md §9), run as a user would: a subprocess, from another directory."""

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from testdata import DATA, REPO, figures_last_checked


def kit(*args, cwd=None, env=None, timeout=60):
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kit", *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout
    )


def test_version_and_help(tmp_path):
    from kit import __version__

    assert kit("--version", cwd=tmp_path).stdout.strip() == f"kit {__version__}"
    result = kit("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("list", "show", "validate", "gui"):
        assert command in result.stdout


def test_list_json_shape(tmp_path):
    result = kit("list", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows
    assert set(rows[0]) == {"id", "title", "kind", "audience", "minutes", "topics", "language", "path"}
    assert all(os.path.isfile(row["path"]) for row in rows)


def test_list_filters(tmp_path):
    rows = json.loads(kit("list", "--json", "--kind", "handout", cwd=tmp_path).stdout)
    assert rows and {r["kind"] for r in rows} == {"handout"}
    rows = json.loads(kit("list", "--json", "--language", "fr", cwd=tmp_path).stdout)
    assert {r["language"] for r in rows} <= {"fr"}


def test_show_formats_and_editions(tmp_path):
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\n")
    (pack / "g.md").write_text(
        '---\ntitle: Guide\nkind: guide\n---\n## Q1\n\nAsk.\n\n!!! teacher "Key"\n    The answer.\n'
    )
    student = kit("--resources", str(pack), "show", "g", cwd=tmp_path)
    assert student.returncode == 0 and "Ask." in student.stdout and "The answer" not in student.stdout
    teacher = kit("--resources", str(pack), "show", "g", "--edition", "teacher", "--format", "html", cwd=tmp_path)
    assert "The answer." in teacher.stdout and "<h2" in teacher.stdout
    md = kit("--resources", str(pack), "show", "g", "--format", "md", cwd=tmp_path)
    assert md.stdout.startswith("## Q1") and "!!! teacher" not in md.stdout


def test_show_text_keeps_numbered_lists_numbered(tmp_path):
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\n")
    (pack / "steps.md").write_text("---\ntitle: Steps\nkind: handout\n---\n1. Read\n2. Talk\n3. Write\n\n- a bullet\n")
    result = kit("--resources", str(pack), "show", "steps", "--format", "text", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stdout.splitlines() if line] == [
        "Steps",
        "1. Read",
        "2. Talk",
        "3. Write",
        "- a bullet",
    ]


def test_unknown_id_is_one_clear_line(tmp_path):
    result = kit("show", "no-such-thing", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "kit: no resource with id 'no-such-thing' (see 'kit list')"


def test_a_mistyped_id_says_did_you_mean(tmp_path):
    result = kit("show", "exit-tickets", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "kit: no resource with id 'exit-tickets' — did you mean 'exit-ticket'?\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus"],
        ["show"],
        ["list", "--kind", "poster"],
        ["-platform", "nonexistent"],
        ["-reverse"],
        ["-stylesheet", "x.qss"],
        ["--", "-platform", "nonexistent"],
    ],
)
def test_bad_options_are_one_line_and_exit_2_never_a_traceback(tmp_path, args):
    result = kit(*args, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()  # the README's promise: one line, not the usage block
    assert line.startswith("kit") and ": error: " in line and line.endswith(" --help')")


def test_a_bad_option_names_the_help_to_read(tmp_path):
    assert kit("--bogus", cwd=tmp_path).stderr == "kit: error: unrecognized arguments: --bogus (see 'kit --help')\n"
    result = kit("show", "exit-ticket", "--bogus", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "kit: error: unrecognized arguments: --bogus (see 'kit show --help')\n"
    result = kit("search", "x", "--limit", "lots", cwd=tmp_path)
    assert result.stderr == "kit search: error: argument --limit: not a number: 'lots' (see 'kit search --help')\n"


def test_validate_bundled_kit_is_clean(tmp_path):
    # As of the day its figures were last checked: a year later `kit validate` rightly asks for newer data.
    result = kit("validate", "--as-of", figures_last_checked().isoformat(), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == "" and "no problems" in result.stderr


def test_validate_as_of_a_later_day_warns_about_figures_that_will_be_stale(tmp_path):
    result = kit("validate", "--as-of", "2031-09-01", cwd=tmp_path)
    assert result.returncode == 1
    assert "figures.yaml:" in result.stdout and "the freshness rule is 3 years" in result.stdout
    bad = kit("validate", "--as-of", "next week", cwd=tmp_path)
    assert bad.returncode == 2 and "not a date like 2027-09-01: 'next week'" in bad.stderr


def test_validate_broken_pack_names_file_and_line_and_still_loads_the_rest(tmp_path):
    pack = tmp_path / "my pack é"  # spaces and non-ASCII in the path (C4)
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: P\n")
    (pack / "good.md").write_text("---\ntitle: Good\nkind: article\naudience: [grades-9-10]\nsummary: Fine.\n---\nok\n")
    (pack / "broken.md").write_text("---\ntitle: Broken\nkind: article\nminutes: [\n---\nbody\n")
    result = kit("validate", str(pack), cwd=tmp_path)
    assert result.returncode == 1
    assert "my pack é/broken.md:4: front matter error" in result.stdout
    assert "1 pack, 1 resource:" in result.stderr
    listed = json.loads(kit("--resources", str(pack), "list", "--json", cwd=tmp_path).stdout)
    assert [r["id"] for r in listed] == ["good"]


@pytest.mark.parametrize("target", ["missing-folder", "a-file.txt"])
def test_validate_impossible_paths_name_the_path(tmp_path, target):
    (tmp_path / "a-file.txt").write_text("x")
    result = kit("validate", str(tmp_path / target), cwd=tmp_path)
    assert result.returncode == 1
    assert target in result.stdout and "Traceback" not in result.stderr


def test_hostile_page_answers_quickly_with_nothing_dangerous_left(tmp_path):
    pack = tmp_path / "hostile-pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: h\ntitle: H\n")
    body = (
        "<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n![x](file:///etc/passwd)\n\n"
        "![y](/etc/hosts.png)\n\n<img src=x onerror=alert(1)>\n\n"
        + "<table><tr><td>" * 20
        + "x"
        + "</td></tr></table>" * 20
    )
    (pack / "hostile.md").write_text(f"---\ntitle: Hostile\nkind: article\n---\n{body}\n")
    start = time.perf_counter()
    result = kit("--resources", str(pack), "show", "hostile", "--format", "html", cwd=tmp_path)
    elapsed = time.perf_counter() - start
    assert result.returncode == 0
    for bad in ("<script", "javascript:", "file:", "/etc/", "onerror", "<table"):
        assert bad not in result.stdout
    assert elapsed < 5  # includes interpreter start; the render itself is milliseconds


def test_bad_fixture_pack_validates_with_problems_and_exit_1(tmp_path):
    result = kit("validate", str(DATA / "bad"), cwd=tmp_path)
    assert result.returncode == 1
    assert "y01-python-tag.md:2:" in result.stdout


def test_installed_package_carries_resources_and_runs_from_another_directory(tmp_path):
    """A non-editable install (what teachers and CI get) must bring resources/ along."""
    # Build the wheel with this interpreter's setuptools (no network), then install it into a
    # target folder; dependencies come from this interpreter's environment.
    # Build from a clean copy: setuptools reuses build/ in the source tree, which can hold stale modules.
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__"))
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "wheels"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "wheels").glob("classroom_kit-*.whl"))
    target = tmp_path / "installed"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    assert (target / "bin" / "kit").exists() and (target / "bin" / "kit-gui").exists()
    # Every module of the source tree is in the wheel (pyproject lists packages explicitly).
    source_modules = {p.relative_to(REPO).as_posix() for p in (REPO / "kit").rglob("*.py")}
    installed_modules = {p.relative_to(target).as_posix() for p in (target / "kit").rglob("*.py")}
    assert source_modules <= installed_modules, sorted(source_modules - installed_modules)
    env = {**os.environ, "PYTHONPATH": str(target)}
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    result = subprocess.run(
        [str(target / "bin" / "kit"), "list", "--json"],
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == len(json.loads(kit("list", "--json").stdout))
    assert all(row["path"].startswith(str(target / "kit" / "bundled")) for row in rows)
    validate = subprocess.run(
        [str(target / "bin" / "kit"), "validate"], cwd=workdir, env=env, capture_output=True, text=True, timeout=60
    )
    assert validate.returncode == 0, validate.stdout


def test_plain_gui_arguments_take_the_quick_path():
    from kit.cli import plain_gui_arguments

    args = plain_gui_arguments(["--resources", "a", "--resources=b", "--data-dir", "d", "gui"])
    assert (args.command, args.resources, args.data_dir) == ("gui", ["a", "b"], "d")
    assert plain_gui_arguments([]).command == "gui"
    for other in (["list"], ["--version"], ["gui", "--data-dir", "d"], ["--data-dir"], ["-platform", "x"], ["--help"]):
        assert plain_gui_arguments(other) is None, other


def test_a_pack_path_opens_the_app_with_it(monkeypatch):
    """C6 (file association): `kit x.kitpack`, `kit gui x.kitpack` and the desktop launcher's `kit-gui x.kitpack`
    all reach `kit gui` with the pack; the launcher drops whatever else a file manager adds."""
    from kit import __main__ as entry
    from kit.cli import build_parser, plain_gui_arguments

    args = plain_gui_arguments(["--data-dir", "d", "lessons/x.KITPACK"])
    assert (args.command, args.data_dir, args.pack) == ("gui", "d", "lessons/x.KITPACK")
    assert plain_gui_arguments(["gui", "x.kitpack"]).pack == "x.kitpack"
    assert plain_gui_arguments(["gui"]).pack is None
    assert plain_gui_arguments(["--data-dir", "x.kitpack"]) is None  # an option's value: the full parser's
    full = build_parser().parse_args(["--data-dir", "x.kitpack"])
    assert full.data_dir == "x.kitpack" and getattr(full, "pack", None) is None
    assert build_parser().parse_args(["gui", "x.kitpack"]).pack == "x.kitpack"
    calls = []
    monkeypatch.setattr("kit.cli.main", lambda argv: calls.append(argv) or 0)
    entry.main_gui(["--some-flag", "/a/x.kitpack", "/b/y.kitpack"])
    entry.main_gui(["%U"])
    assert calls == [["gui", "/a/x.kitpack"], ["gui"]]
