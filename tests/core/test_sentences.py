"""Sentences for read aloud: ends at . ! ? … and line breaks, not after abbreviations, initials or inside
numbers; French spacing and quotes; spans that point back into the text; bounded on hostile text."""

import time

from kit.core.render.sentences import MAX_SENTENCE_CHARS, sentence_at, split_sentences


def texts(text, language="en"):
    sentences = split_sentences(text, language)
    assert all(text[s.start : s.end] == s.text for s in sentences)  # each span is the sentence, trimmed
    return [s.text for s in sentences]


def test_english_sentences_end_at_stops_not_at_abbreviations_numbers_or_initials():
    assert texts("Yes… and no. Dr. Smith paid 3.5 dollars, e.g. to J. Doe. See No. 5 and p. 12. The end") == [
        "Yes… and no.",
        "Dr. Smith paid 3.5 dollars, e.g. to J. Doe.",
        "See No. 5 and p. 12.",
        "The end",
    ]
    assert texts('He asked "Why?" Then he left. Really?! Yes.') == [
        'He asked "Why?"',
        "Then he left.",
        "Really?!",
        "Yes.",
    ]


def test_french_spacing_quotes_and_abbreviations():
    text = "Qu'est-ce que la traite\u00a0? C'est un crime. M. Dupont, p. ex. le voisin, a dit «\u00a0Non.\u00a0» Puis rien."
    assert texts(text, "fr") == [
        "Qu'est-ce que la traite\u00a0?",
        "C'est un crime.",
        "M. Dupont, p. ex. le voisin, a dit «\u00a0Non.\u00a0»",
        "Puis rien.",
    ]


def test_each_line_ends_a_sentence_and_empty_lines_are_skipped():
    assert texts("A heading\nFirst line. Second line\n\n\u2022 an item\n  \n") == [
        "A heading", "First line.", "Second line", "\u2022 an item",
    ]  # fmt: skip
    assert texts("") == [] and texts(" ... \n---\n") == []


def test_offset_and_sentence_at():
    sentences = split_sentences("One. Two. Three.", offset=100)
    assert [(s.start, s.end) for s in sentences] == [(100, 104), (105, 109), (110, 116)]
    assert sentence_at(sentences, 100) == 0 and sentence_at(sentences, 104) == 1 and sentence_at(sentences, 112) == 2
    assert sentence_at(sentences, 500) == 2 and sentence_at([], 3) == 0


def test_hostile_text_is_split_in_bounded_time_and_pieces():
    started = time.perf_counter()
    endless = "word " * 40_000  # 200 000 characters without a full stop
    dots = "a. " * 30_000 + "." * 50_000
    pieces = split_sentences(endless) + split_sentences(dots)
    assert time.perf_counter() - started < 2.0
    assert max(len(s.text) for s in pieces) <= MAX_SENTENCE_CHARS
    assert "".join(s.text for s in split_sentences(endless)).replace(" ", "") == endless.replace(" ", "")
