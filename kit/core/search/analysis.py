"""Text analysis shared by indexing and querying: cleaning, accent folding, English and French stemming.

Index and query go through the same analysers, so `traite` and `traité` (or `cafe` and NFD `cafe` + U+0301)
become the same term. Folding comes before stemming so an accent typed or left out never changes the stem.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import tantivy

# Bump when fields, analysers or document extraction change: the on-disk index is then rebuilt.
SCHEMA_VERSION = 2  # 2: exact_fr (accents kept), table cells apart
# tantivy's version string names its index format too ("tantivy v0.27.0, index_format v7").
ENGINE_VERSION = f"s{SCHEMA_VERSION}-" + re.sub(r"[^0-9a-z.]+", "_", tantivy.__version__.lower()).strip("_")

LANGS = ("en", "fr")
_STEMMERS = {"en": "english", "fr": "french"}
MAX_TOKEN_CHARS = 40  # longer "words" (hashes, base64, a 300k-char word) are not searchable and not indexed

# Control characters, zero-width and bidi marks, BOM and lone surrogates: never sent to tantivy
# (a lone surrogate cannot even be encoded), replaced by spaces so words around them stay apart.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]"
)
_ZERO_WIDTH = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def clean(text: str) -> str:
    """NFKC-normalised text with unsafe characters replaced: full-width, ligatures and math letters read as
    plain letters; combining accents join their letter; zero-width characters inside a word disappear."""
    text = _ZERO_WIDTH.sub("", text)
    text = _UNSAFE.sub(" ", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text


def _builder(fold: bool = True) -> tantivy.TextAnalyzerBuilder:
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(tantivy.Filter.lowercase())
    )
    return builder.filter(tantivy.Filter.ascii_fold()) if fold else builder


@functools.cache
def analyzer(name: str) -> tantivy.TextAnalyzer:
    """`plain` (lowercase, folded, not stemmed), `exact` (lowercase, accents kept), `en`/`fr` (plain plus
    stemming), `stop_en`/`stop_fr` (stop words removed)."""
    if name == "plain":
        return _builder().build()
    if name == "exact":
        return _builder(fold=False).build()
    if name in _STEMMERS:
        return _builder().filter(tantivy.Filter.stemmer(_STEMMERS[name])).build()
    if name.startswith("stop_"):
        return _builder().filter(tantivy.Filter.stopword(_STEMMERS[name[5:]])).build()
    raise KeyError(name)


def tokenizer_name(lang: str) -> str:
    return f"kit_{lang}"


def register_tokenizers(index: tantivy.Index) -> None:
    """Tokenizers are not stored in the index: every Index object needs them registered before use."""
    index.register_tokenizer("kit_plain", analyzer("plain"))
    index.register_tokenizer("kit_exact", analyzer("exact"))
    for lang in LANGS:
        index.register_tokenizer(tokenizer_name(lang), analyzer(lang))


def plain_tokens(text: str) -> list[str]:
    return analyzer("plain").analyze(text)


def exact_tokens(text: str) -> list[str]:
    """Lowercased words with their accents: `traité` (a treaty) stays apart from `traite` (trafficking)."""
    return analyzer("exact").analyze(text)


def stems(lang: str, text: str) -> list[str]:
    return analyzer(lang).analyze(text)


# Query-side only (the index keeps every word): pronouns, auxiliaries and question words people type in
# questions ("what can I do if my friend..."). tantivy's own lists are short; these are added to them.
_QUESTION_WORDS = frozenset(
    """i me my mine you your yours he him his she her we us our they them their its what how who whom why where
    when which do does did doing done can could should would will shall may might must am has have had having
    get got about from so than too very just also any some all out up down over under here there
    je j me m moi tu te t toi il elle on nous vous ils elles mon ma mes ton ta tes son sa ses notre nos votre vos
    leur leurs est sont suis es sommes etes etait ete fait faire peut peux quoi comment pourquoi ou quand quel
    quelle quels quelles qui que qu ce cet cette ces du des de la le les un une au aux avec pour dans sur par""".split()  # noqa: SIM905 (a word list reads better as text)
)


# English irregular verbs the stemmer cannot join to their other forms ("they took my passport" should find
# "taking someone's passport"). Query side only.
_IRREGULAR = {
    "took": "take", "taken": "take", "kept": "keep", "gave": "give", "given": "give", "went": "go", "gone": "go",
    "made": "make", "told": "tell", "said": "say", "paid": "pay", "sold": "sell", "bought": "buy", "left": "leave",
    "met": "meet", "felt": "feel", "thought": "think", "brought": "bring", "found": "find", "knew": "know",
    "known": "know", "saw": "see", "seen": "see", "sent": "send", "held": "hold", "hid": "hide", "hidden": "hide",
    "ran": "run", "fled": "flee", "lost": "lose", "spent": "spend", "stole": "steal", "stolen": "steal",
    "forced": "force", "caught": "catch", "taught": "teach", "wrote": "write", "written": "write", "got": "get",
    "began": "begin", "begun": "begin", "came": "come", "became": "become", "led": "lead", "lied": "lie",
}  # fmt: skip


def lemma(token: str) -> str | None:
    """The dictionary form of an irregular English verb form, or None."""
    return _IRREGULAR.get(token)


# English contractions split into two words: "it's" (it + s), "you're", "don't" (don + t). After a stop word
# the second part is grammar too; "don", "isn", "can"... before "t" are auxiliaries, though "don" alone is a
# word (French: a gift).
_CLITICS = frozenset({"t", "s", "re", "ll", "ve", "m", "d"})
_NEGATED = frozenset(
    "don doesn didn isn aren wasn weren haven hasn hadn won wouldn couldn shouldn mustn needn can ain".split()  # noqa: SIM905
)


def is_function_words(tokens: list[str]) -> bool:
    """Words typed together that only carry grammar: a stop word, or stop words joined by an apostrophe or a
    hyphen ("don't", "it's", "qu'est-ce"). They never decide what matches (a phrase "don t" found in one
    heading outranked every answer to "why don't victims ask for help")."""
    if all(is_stopword(t) for t in tokens):
        return True
    return len(tokens) == 2 and tokens[1] == "t" and tokens[0] in _NEGATED


@functools.lru_cache(maxsize=4096)
def is_stopword(token: str) -> bool:
    """A word too common to count as a required word ("the", "is", "la", "des"...), in either language,
    or a single letter (the l' of l'aide, the s of it's)."""
    if len(token) < 2 or token in _QUESTION_WORDS:
        return True
    return not analyzer("stop_en").analyze(token) or not analyzer("stop_fr").analyze(token)


def title_key(text: str) -> str:
    """A title or a query reduced to its folded words, for exact-title matching."""
    return " ".join(plain_tokens(clean(text)))
