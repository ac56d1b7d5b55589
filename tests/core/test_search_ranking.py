"""Ranking rules beyond the judged set (issue 16), on small packs built here: an English ranking does not change
when French pages are installed, grammar words and their contractions never decide the order, and an irregular
verb form is understood while it is still the word being typed."""

from pathlib import Path

from kit.core.content.loader import load_library
from kit.core.search import SearchIndex


def make_pack(folder: Path, language: str, pages: dict[str, tuple[str, str]]) -> Path:
    """pages: file name → (title, body)."""
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(f"id: {folder.name}\ntitle: Test\nlanguage: {language}\n", encoding="utf-8")
    for name, (title, body) in pages.items():
        page = f"---\ntitle: {title}\nkind: article\nsummary: {title}.\n---\n{body}\n"
        (folder / f"{name}.md").write_text(page, encoding="utf-8")
    return folder


ORCHARDS = {
    # "windbreak" is rare here, "orchards" is everywhere: BM25 ranks the windbreak page first.
    "windbreak": ("Shelter", "Orchards need a windbreak."),
    "pruning": ("Orchards", "Orchards, orchards and orchards. Pruning orchards keeps orchards healthy. Orchards."),
    "spring": ("Spring", "Orchards in spring."),
    "autumn": ("Autumn", "Orchards in autumn."),
}


def search(tmp_path: Path, packs: list[Path], query: str) -> list[str]:
    index = SearchIndex.open(tmp_path / "index", load_library(packs))
    return [h.id for h in index.search(query).results]


def test_french_pages_do_not_reorder_an_english_ranking(tmp_path):
    english = make_pack(tmp_path / "en", "en", ORCHARDS)
    alone = search(tmp_path / "alone", [english], "windbreak orchards")
    assert alone[:2] == ["windbreak", "pruning"]
    # Ten French pages sharing no word with the English ones: counted in tantivy's N, they made "orchards" look
    # ten times rarer than it is among English pages, and the page that repeats it came first.
    french = make_pack(tmp_path / "fr", "fr", {f"page-{n}": (f"Page {n}", "Bonjour.") for n in range(10)})
    assert search(tmp_path / "both", [english, french], "windbreak orchards") == alone


def test_contractions_of_grammar_words_do_not_decide_the_order(tmp_path):
    pack = make_pack(
        tmp_path / "en",
        "en",
        {
            # A heading that says "Don't" once outranked every page about what was asked.
            "advice": ("Advice", "## Don't panic\n\nStay calm and listen.\n\n## It's fine\n\nTalk later."),
            "silence": ("Silence", "Many victims stay silent. Victims may not ask for help out of fear."),
        },
    )
    assert search(tmp_path, [pack], "why don't victims ask for help")[0] == "silence"


def test_an_irregular_verb_is_understood_while_it_is_being_typed(tmp_path):
    pack = make_pack(
        tmp_path / "en",
        "en",
        {
            "papers": ("Papers", "Traffickers may take someone's passport and keep it."),
            "travel": ("Travel", "Renew a passport before travel."),
        },
    )
    # No space after "taken": the search runs as the word is typed, and "taken" is already a whole word.
    assert search(tmp_path, [pack], "passport taken")[0] == "papers"


def test_a_page_holding_most_of_a_long_query_outranks_one_strong_word(tmp_path):
    topics = ["online", "games", "chat", "friends", "strangers"]
    pages = {f"note-{n}": (f"Note {n}", f"School notes on {topics[n % 5]} and more.") for n in range(30)}
    pages["lures"] = ("Lures", "## What recruiters do\n\nThey lure.")  # the rarest word, in a heading
    pages["evenings"] = ("Evenings", "Online games: chat with friends and strangers.")  # five of the six words
    pack = make_pack(tmp_path / "en", "en", pages)
    found = search(tmp_path, [pack], "recruiters in online games chat with friends and strangers")
    assert found[:2] == ["evenings", "lures"]  # the coordination bonus; BM25 sums alone put "lures" first


def test_query_words_side_by_side_in_a_page_rank_it_higher(tmp_path):
    pages = {f"note-{n}": (f"Note {n}", "School notes on lessons and more.") for n in range(8)}
    pages["card"] = ("Card", "Phone numbers you can call at any hour, free. Keep this card.")
    # Shorter, so plain BM25 puts it first: it says "numbers" and "phone", but apart.
    pages["stats"] = ("Stats", "Numbers rise. A phone helps.")
    pack = make_pack(tmp_path / "en", "en", pages)
    assert search(tmp_path, [pack], "phone numbers")[:2] == ["card", "stats"]  # the adjacent-words bonus
