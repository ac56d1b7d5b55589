"""From what a person typed to a tantivy query, leniently: every input is text, nothing is syntax except
`"a phrase"`, `-word` (exclude) and the last word being a prefix while typing.

tantivy's own query parser is never used on user text (`title:x`, `AND`, `(`, `*`, `^` would mean something
to it); words are analysed here and the query is built from term and phrase queries.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import tantivy

from kit.core.search import lexicon
from kit.core.search.analysis import (
    LANGS,
    clean,
    exact_tokens,
    is_function_words,
    is_stopword,
    lemma,
    plain_tokens,
    stems,
)
from kit.core.search.completion import Completions
from kit.core.search.documents import EXACT_FIELD, FIELD_BOOSTS
from kit.core.search.idf import LanguageIdf
from kit.core.search.proximity import Word, adjacent
from kit.core.search.spelling import Speller
from kit.core.search.synonyms import EMPTY, ConceptMap

MAX_QUERY_CHARS = 256
MAX_TOKENS = 32
PREFIX_EXPANSIONS = 4
TYPO_EXPANSIONS = 3
FAMILY_EXPANSIONS = 3  # disclosed → disclosure: words sharing the stem that the stemmer keeps apart
MIN_FAMILY_STEM = 5
MIN_UNKNOWN_FAMILY_WORD = 7  # shorter unknown words are typos or half-typed, not forms
# Scores added for a title typed in full (or its side of a colon), a typo'd full title, and a title being typed.
EXACT_TITLE_SCORE = 60.0
TITLE_PART_SCORE = 50.0
CORRECTED_TITLE_SCORE = 45.0
TITLE_PREFIX_SCORE = 12.0
TITLE_PREFIXES = 10
# Ranking beyond per-field BM25 (field weights: FIELD_BOOSTS): a stop word found in the title of a short
# query, a bonus for holding two thirds of a long query's words, and one for consecutive query words side by
# side (search/proximity.py). Tuned with benchmarks/ir_eval_bench.py on Cranfield and the judged set together.
SHORT_QUERY_WORDS = 5  # up to here stop words count in titles: "who is harmed" is after a title
STOP_WORD_IN_TITLE = 2.0
COORDINATION_SCORE = 3.0
COORDINATION_MIN_WORDS = 5  # shorter queries rank as well on BM25 sums alone; the bonus costs a second pass
OTHER_LANGUAGE_WEIGHT = 0.5  # a query word found in the other language's text
ACCENT_EXACT_BOOST = 1.0  # a French word spelled with the accents typed (or without, as typed)
SYNONYM_WEIGHT = 0.5  # a word from the pack's synonyms.yaml counts half a word typed

_ITEM = re.compile(r'(-?)"([^"]*)"|(\S+)')
_FIELDS = {lang: [(f"{name}_{lang}", boost) for name, boost in FIELD_BOOSTS.items()] for lang in LANGS}


@dataclass
class Item:
    tokens: list[str]  # folded words, as typed (not stemmed)
    negated: bool = False
    prefix: bool = False  # the last word, still being typed
    phrase: bool = False
    prefix_phrase: bool = False  # the last word is hyphenated (self-ca) and its last part is being typed


@dataclass
class Parsed:
    items: list[Item]
    notice: str | None = None
    text: str = ""  # what was searched, cleaned (accents kept)

    @property
    def positive(self) -> list[Item]:
        return [i for i in self.items if not i.negated]


def parse(text: str) -> Parsed:
    """Split user text into words, phrases and exclusions. Never raises; anything odd is just text."""
    notice = None
    text = clean(text if isinstance(text, str) else str(text))
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notice = f"Only the first {MAX_QUERY_CHARS} characters were searched."
    typing = bool(text) and not text[-1].isspace()
    items: list[Item] = []
    count = 0
    for match in _ITEM.finditer(text):
        negated_phrase, phrase, word = match.groups()
        if word is not None:
            negated = word.startswith("-") and len(word) > 1
            item = Item(plain_tokens(word[1:] if negated else word), negated=negated)
        else:
            item = Item(plain_tokens(phrase), negated=bool(negated_phrase), phrase=True)
        if not item.tokens or any(i.tokens == item.tokens and i.negated == item.negated for i in items):
            continue  # nothing to search, or said already ("OR OR OR ...")
        if count + len(item.tokens) > MAX_TOKENS:
            notice = f"Only the first {MAX_TOKENS} words were searched."
            break
        count += len(item.tokens)
        items.append(item)
    if items and all(i.negated for i in items):
        for item in items:  # "-a" alone is a search for "a", not for everything but "a"
            item.negated = False
    last = items[-1] if items else None
    if last and typing and not last.negated and not last.phrase and len(last.tokens[-1]) >= 2:
        if len(last.tokens) == 1:
            last.prefix = True
        else:
            last.prefix_phrase = True
    return Parsed(items, notice, text)


def _grammar(item: Item) -> bool:
    """Stop words, question words and their contractions, not in quotes (a quoted phrase is what was asked)."""
    return not item.phrase and is_function_words(item.tokens)


@dataclass
class Plan:
    """A built query plus what the results need: the terms to highlight and the "did you mean" text."""

    query: tantivy.Query | None
    highlight: dict[str, set[str]] = field(default_factory=dict)  # language → stemmed terms
    exact: set[str] = field(default_factory=set)  # the words typed, accents kept: `traite` is not `traité`
    suggestion: str | None = None


class Planner:
    def __init__(
        self,
        schema: tantivy.Schema,
        searcher: tantivy.Searcher,
        speller: Speller | None,
        languages: tuple[str, ...] = LANGS,
        concepts: ConceptMap = EMPTY,
        completions: Completions | None = None,
        idf: LanguageIdf | None = None,
    ):
        self.schema = schema
        self.searcher = searcher
        self.speller = speller
        self.languages = languages
        self._query_langs: tuple[str, ...] = languages
        self.concepts = concepts
        self.completions = completions or Completions(searcher)
        self.idf = idf or LanguageIdf(searcher)

    def frequency(self, word: str) -> int:
        return self.searcher.doc_freq("words", word)

    def plan(self, parsed: Parsed, filters: dict[str, str | None]) -> Plan:
        langs = tuple(lang for lang in self.languages if not filters.get("language") or filters["language"] == lang)
        plan = Plan(None, {lang: set() for lang in langs})
        positive = parsed.positive
        if not positive or not langs:
            return plan
        # Corrections stay within the language(s) the query is written in (`ados` is not "corrected" to the
        # English `adds` in a French question).
        self._query_langs = lexicon.query_languages((self._languages_of(t) for i in positive for t in i.tokens), langs)
        content: list[tantivy.Query] = []
        corrected: list[str] = []
        any_correction = False
        all_stop = all(_grammar(i) for i in positive)
        in_titles: list[tantivy.Query] = []
        near: list[Word] = []  # the content words in order, for the adjacent-words bonus
        gap = 0  # grammar words typed since the last content word
        for item in positive:
            # Stop and question words never decide what matches unless the query has nothing else ("what
            # is"). Otherwise they only count in titles ("who" in "Who is harmed...?"): scoring every body
            # that holds "the" would cost more than it ranks. They are not highlighted.
            if _grammar(item) and not all_stop:
                corrected.append(" ".join(item.tokens))
                words = [t for t in item.tokens if len(t) > 1] or item.tokens  # the `est` of c'est, not its `c`
                for lang in langs if len(positive) <= SHORT_QUERY_WORDS else ():
                    for stem in dict.fromkeys(s for word in words for s in stems(lang, word)):
                        term = tantivy.Query.term_query(self.schema, f"title_{lang}", stem)
                        in_titles.append(tantivy.Query.boost_query(term, STOP_WORD_IN_TITLE))
                gap += len(item.tokens)
                continue
            variants = self._variants(item)
            fix = variants.get("fix")
            corrected.append(fix or " ".join(item.tokens))
            any_correction = any_correction or bool(fix)
            near.append(Word(fix or " ".join(item.tokens), gap))
            gap = 0
            clause = self._clause(variants["words"], langs, plan.highlight, item)
            if clause is not None:
                content.append(clause)
        if any_correction:
            plan.suggestion = " ".join(corrected)
        related = self._related(parsed, langs, plan.highlight)
        plan.exact = {w for w in exact_tokens(parsed.text) if len(w) >= 3 and not is_stopword(w)}
        if not content and not related:
            return plan
        # A ranking, not a filter: any content word lets a document in; more of them (BM25 scores add up,
        # plus the coordination bonus) and in better fields rank it higher. Quoted phrases and hyphenated
        # words are matched as phrases (_match).
        main = tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in [*content, *related]])
        clauses = [(tantivy.Occur.Must, main)]
        clauses += [(tantivy.Occur.Should, q) for q in in_titles]
        clauses += [(tantivy.Occur.Should, q) for q in self._coordination(content)]
        near_langs = [lang for lang in langs if lang in self._query_langs]  # pairs in the language typed
        pairs = adjacent(near, near_langs, self.schema, self.searcher.doc_freq, self.idf)
        clauses += [(tantivy.Occur.Should, q) for q in pairs]
        if "fr" in self._query_langs and "fr" in langs:  # French tells traite from traité: as typed first
            for word in plan.exact:
                exact = tantivy.Query.term_query(self.schema, EXACT_FIELD, word)
                clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(exact, ACCENT_EXACT_BOOST)))
        clauses += [(tantivy.Occur.Should, q) for q in self._title_clauses(parsed, plan.suggestion)]
        clauses += [(tantivy.Occur.MustNot, q) for q in self._exclusions(parsed, langs)]
        for name in ("kind", "audience", "language"):
            if filters.get(name):
                clauses.append((tantivy.Occur.Must, tantivy.Query.term_query(self.schema, name, filters[name])))
        plan.query = tantivy.Query.boolean_query(clauses)
        return plan

    def _related(self, parsed: Parsed, langs, highlight) -> list[tantivy.Query]:
        """The pack's words for what was typed (synonyms.yaml): `romeo pimp` also searches "boyfriend method",
        `minecraft` "gaming". They let a resource in, scoring below the words typed."""
        tokens = [t for item in parsed.positive for t in item.tokens]
        queries = []
        for _start, _end, phrases in self.concepts.find(tokens):
            for phrase in phrases:
                words = [(" ".join(phrase), SYNONYM_WEIGHT)]
                clause = self._clause(words, langs, highlight, Item(list(phrase)))
                if clause is not None:
                    queries.append(clause)
        return queries

    def _coordination(self, content: list[tantivy.Query]) -> list[tantivy.Query]:
        """A fixed bonus for holding two thirds of a long query's words: a body that says "recruit" forty times
        should not outrank one that says "recruit", "online" and "games" once each."""
        if len(content) < COORDINATION_MIN_WORDS:
            return []
        most = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, q) for q in content], minimum_number_should_match=math.ceil(len(content) * 2 / 3)
        )
        return [tantivy.Query.const_score_query(most, COORDINATION_SCORE)]

    def _languages_of(self, word: str) -> set[str]:
        """The languages a typed word belongs to: by the everyday vocabularies, else by the kit's own text."""
        return lexicon.languages_of(word) or {lang for lang in self.languages if self._in_index(lang, word)}

    def _in_index(self, lang: str, word: str) -> bool:
        return any(
            self.searcher.doc_freq(f"{name}_{lang}", stem) for stem in stems(lang, word) for name in FIELD_BOOSTS
        )

    def stem_frequency(self, word: str) -> int:
        """In how many documents a field holds the word's stem (a plural or verb form the kit does not use)."""
        return max(
            (
                self.searcher.doc_freq(f"{name}_{lang}", stem)
                for lang in self.languages
                for stem in stems(lang, word)
                for name in ("body", "teacher", "summary", "title")
            ),
            default=0,
        )

    def _variants(self, item: Item) -> dict:
        """The written words an item stands for, with weights: itself, completions of a prefix, typo fixes."""
        if len(item.tokens) > 1:
            words = [(" ".join(item.tokens), 1.0)]
            joined = "".join(item.tokens)  # e-mail, don't: also as one word (email, dont)
            if not item.phrase and len(joined) <= 40 and self.frequency(joined):
                words.append((joined, 0.8))
            return {"words": words}
        word = item.tokens[0]
        exact = self.frequency(word)
        by_stem = 0 if exact else self.stem_frequency(word)
        words = [(word, 1.0)] if exact or by_stem else []
        completions = []
        if item.prefix:
            completions = self.completions.top(word, PREFIX_EXPANSIONS + 1)
            words += [(term, 0.6) for term, _ in completions if term != word][:PREFIX_EXPANSIONS]
        elif not is_stopword(word) and (words or len(word) >= MIN_UNKNOWN_FAMILY_WORD):
            # disclosed → disclosure: forms the stemmer keeps apart. Only a hint beside a known word; the
            # whole match for an unknown (long) one, unless it reads as a typo of a commoner word (below).
            family = self._family(word)
            words += [(term, 0.3 if words else 0.6) for term, _docs in family]
            by_stem = by_stem or (family[0][1] if family and not exact else 0)
        base = lemma(word)  # also while typing: "passport taken" is typed in full before it is searched
        known_base = bool(base) and bool(self.frequency(base) or self.stem_frequency(base))
        if known_base:
            words.append((base, 0.8))
        fix = None
        if not exact and not completions and not known_base and self.speller is not None and not self._known(word):
            candidates = self.speller.candidates(word, self.frequency, self._fits_language)[:TYPO_EXPANSIONS]
            if candidates and (not by_stem or self._typo_rather_than_form(word, candidates[0], by_stem)):
                fix = candidates[0][0]
                words = [(w, weight * 0.5) for w, weight in words]
                words += [(term, 0.8 if n == 0 else 0.4) for n, (term, _edits, _docs) in enumerate(candidates)]
        return {"words": words, "fix": fix}

    def _known(self, word: str) -> bool:
        """A real word of either language is not a typo, even where the kit does not use it ("discord"), nor is
        a word of the pack's synonyms (a name like "roblox")."""
        return lexicon.is_known(word) or word in self.concepts.words

    def _fits_language(self, candidate: str) -> bool:
        """A correction must be a word of the query's language (English typos are not fixed into French)."""
        langs = set(self._query_langs)
        known = lexicon.languages_of(candidate)
        # The kit's own words (names, terms) by its text; not common words, which the other language's
        # stemmer may take for its own (English stems `victime` to `victim`).
        return bool(known & langs) if known else any(self._in_index(lang, candidate) for lang in langs)

    def _typo_rather_than_form(self, word: str, best: tuple[str, int, int], by_stem: int) -> bool:
        """`trafficing` stems to `traffic`, which the kit has, but it is a typo of the far commoner
        `trafficking`; `disclosed` is a form of `discloses` (same stem), not a typo."""
        term, edits, docs = best
        same_family = any(stems(lang, term) == stems(lang, word) for lang in self.languages)
        return edits == 1 and not same_family and docs >= 2 * by_stem

    def _family(self, word: str) -> list[tuple[str, int]]:
        """Written words sharing the word's stem as a prefix, with their document counts, most common first."""
        family: dict[str, int] = {}
        for stem in {s for lang in self.languages for s in stems(lang, word) if len(s) >= MIN_FAMILY_STEM}:
            for term, docs in self.searcher.terms_with_prefix("words", stem, limit=FAMILY_EXPANSIONS + 1):
                if term != word:
                    family[term] = max(docs, family.get(term, 0))
        return sorted(family.items(), key=lambda item: -item[1])[:FAMILY_EXPANSIONS]

    def _clause(self, words, langs, highlight, item: Item) -> tantivy.Query | None:
        terms: list[tantivy.Query] = []
        # Bound once: this loop runs per word, language and field (the largest part of planning a query).
        doc_freq, idf, schema = self.searcher.doc_freq, self.idf, self.schema
        term_query, boost_query = tantivy.Query.term_query, tantivy.Query.boost_query
        for lang in langs:
            # Words of a French question also find English text (many are spelled alike), ranked lower.
            in_language = 1.0 if lang in self._query_langs else OTHER_LANGUAGE_WEIGHT
            if item.prefix_phrase:  # self-ca while typing: the phrase with its last word completed by tantivy
                key = [*stems(lang, " ".join(item.tokens[:-1])), item.tokens[-1]]
                for name, boost in FIELD_BOOSTS.items():
                    phrase = tantivy.Query.phrase_prefix_query(self.schema, f"{name}_{lang}", key)
                    terms.append(tantivy.Query.boost_query(phrase, boost * 0.8 * in_language))
            weights: dict[tuple[str, ...], float] = {}
            for text, weight in words:
                key = tuple(stems(lang, text))
                if key:
                    weights[key] = max(weight, weights.get(key, 0.0))
            for key, weight in weights.items():
                if highlight is not None:
                    highlight[lang].update(key)
                factor = weight * in_language
                for name, boost in _FIELDS[lang]:
                    # Each field is asked how many pages hold the word: none, and the query is not built;
                    # else the count puts IDF among the language's own pages (search/idf.py).
                    if len(key) == 1:
                        n = doc_freq(name, key[0])
                        if not n:
                            continue
                        scale = boost * factor * idf.word(lang, n)
                        query = term_query(schema, name, key[0])
                    else:
                        counts = [doc_freq(name, term) for term in key]
                        if not all(counts):
                            continue
                        scale = boost * factor * idf.phrase(lang, counts)
                        query = tantivy.Query.phrase_query(schema, name, list(key))
                    # A boost of exactly 1 multiplies by 1.0, which leaves every score as it is: not built.
                    terms.append(query if scale == 1.0 else boost_query(query, scale))
        if not terms:
            return None
        return terms[0] if len(terms) == 1 else tantivy.Query.boolean_query([(tantivy.Occur.Should, t) for t in terms])

    def _match(self, field_name: str, key: tuple[str, ...]) -> tantivy.Query:
        if len(key) == 1:
            return tantivy.Query.term_query(self.schema, field_name, key[0])
        return tantivy.Query.phrase_query(self.schema, field_name, list(key))

    def _title_clauses(self, parsed: Parsed, suggestion: str | None) -> list[tantivy.Query]:
        key = " ".join(t for i in parsed.positive for t in i.tokens)
        clauses = [self._title("title_key", key, EXACT_TITLE_SCORE), self._title("title_part", key, TITLE_PART_SCORE)]
        if suggestion and suggestion != key:
            clauses.append(self._title("title_key", suggestion, CORRECTED_TITLE_SCORE))
        last = parsed.positive[-1]
        if last.prefix and len(key) >= 4:  # a title being typed in full
            for title, _docs in self.searcher.terms_with_prefix("title_key", key, limit=TITLE_PREFIXES):
                if title != key:
                    clauses.append(self._title("title_key", title, TITLE_PREFIX_SCORE))
        return clauses

    def _title(self, field_name: str, key: str, score: float) -> tantivy.Query:
        return tantivy.Query.const_score_query(tantivy.Query.term_query(self.schema, field_name, key), score)

    def _exclusions(self, parsed: Parsed, langs) -> list[tantivy.Query]:
        queries = []
        for item in parsed.items:
            if not item.negated:
                continue
            for lang in langs:
                key = tuple(stems(lang, " ".join(item.tokens)))
                if key:
                    queries += [self._match(f"{name}_{lang}", key) for name in FIELD_BOOSTS]
        return queries
