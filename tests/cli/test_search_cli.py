"""`kit index` and `kit search` (architecture.md §9), run as a user would: a subprocess, from another directory."""

import json
import os
import subprocess
import sys

import pytest

from testdata import REPO

RESULT_KEYS = {"id", "title", "kind", "audience", "snippet", "score"}
TOP_KEYS = {"query", "results", "suggestion", "total", "took_ms"}


def kit(*args, cwd, stdin=None, timeout=120):
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "kit", *args],
        cwd=cwd,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def shared_env(tmp_path_factory):
    """One data dir for the module, so the bundled kit is indexed once."""
    return tmp_path_factory.mktemp("cli-home")


@pytest.fixture
def cli(shared_env, monkeypatch, tmp_path):
    monkeypatch.setenv("KIT_DATA_DIR", str(shared_env / "data"))
    monkeypatch.setenv("KIT_CACHE_DIR", str(shared_env / "cache"))
    return lambda *args, **kw: kit(*args, cwd=tmp_path, **kw)


def test_index_prints_counts_and_time(cli):
    first = cli("index", "--rebuild")
    assert first.returncode == 0, first.stderr
    assert "built" in first.stdout and " s " in first.stdout
    again = cli("index")
    assert again.returncode == 0, again.stderr
    assert "0 added, 0 changed, 0 removed" in again.stdout


def test_search_json_shape_and_suggestion(cli):
    result = cli("search", "trafficing", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == TOP_KEYS
    assert data["suggestion"] == "trafficking"
    assert data["results"] and set(data["results"][0]) == RESULT_KEYS
    assert isinstance(data["total"], int) and isinstance(data["took_ms"], float)


@pytest.mark.parametrize("query", ["traite", "traité"])
def test_search_french_with_and_without_accents(cli, query):
    result = cli("search", query, "--language", "fr", "--json")
    found = {r["id"] for r in json.loads(result.stdout)["results"]}
    assert {"fr-quest-ce-que-la-traite", "fr-mythes-et-realites"} <= found


def test_search_exact_title_first(cli):
    result = cli("search", "Trafficking and smuggling: not the same thing", "--json", "--limit", "2")
    data = json.loads(result.stdout)
    assert data["results"][0]["id"] == "trafficking-vs-smuggling" and len(data["results"]) == 2


def test_search_text_output(cli):
    result = cli("search", "smuggling", "--kind", "article", "--limit", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("trafficking-vs-smuggling")
    assert "<b>" not in result.stdout and "*smuggling*" in result.stdout.lower()


def test_search_stdin_one_json_object_per_line(cli):
    queries = ["trafficking", "", '"', "AND", "x" * 5000, "warning signs", "\\"]
    result = cli("search", "-", "--limit", "2", stdin="\n".join(queries) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(queries)
    objects = [json.loads(line) for line in lines]
    assert all(set(o) == TOP_KEYS for o in objects)
    assert objects[0]["results"] and objects[5]["results"][0]["id"].startswith("warning-signs")
    assert objects[1]["results"] == [] and objects[1]["total"] == 0


def test_search_stdin_survives_bytes_that_are_not_utf8(shared_env, tmp_path):
    environment = {**os.environ, "PYTHONPATH": str(REPO), "KIT_DATA_DIR": str(shared_env / "data")}
    result = subprocess.run(
        [sys.executable, "-m", "kit", "search", "-"],
        cwd=tmp_path,
        env=environment,
        input=b"traffic\xffking\n\xfe\xfe\nsmuggling\n",
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 3 and json.loads(lines[2])["results"]


def test_search_bad_options_are_one_line(cli):
    result = cli("search", "x", "--limit", "lots")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = cli("search", "x", "--kind", "poster")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_search_with_no_resources_is_a_user_error(cli, tmp_path):
    result = cli("--resources", str(tmp_path / "missing"), "search", "x")
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr


def test_search_unwritable_cache_still_answers(cli, tmp_path, monkeypatch):
    blocker = tmp_path / "cache-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KIT_CACHE_DIR", str(blocker))
    result = cli("search", "smuggling", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["results"]
    assert "temporary" in result.stderr


@pytest.mark.parametrize("query", ["", "   ", "\t"])
def test_search_for_nothing_asks_for_words(query, capsys, tmp_path):
    from kit.cli import main

    assert main(["--data-dir", str(tmp_path), "search", query]) == 1
    assert main(["--data-dir", str(tmp_path), "search", query, "--json"]) == 1
    assert capsys.readouterr().err == "kit: type something to search for\n" * 2
