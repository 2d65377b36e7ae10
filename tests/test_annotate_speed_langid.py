"""Language detection shortcuts (issue 3 speed) agree with the plain per-clause decision.

``detect_languages`` screens a whole document once (no letter that rules out plain Russian, no
Latin letter) and skips those searches on its clauses; a Russian-only letter decides a clause
before its Cyrillic letters are counted; function words are looked up once per word. Each is
checked on every clause of every real text of ../shared and data/, one document at a time (so
that the document-level screens take effect), against the count-based decision.
"""
from __future__ import annotations

import pytest

from analysis.nlp import langid
from analysis.nlp.langid import detect_by_counts, detect_language, detect_languages
from analysis.nlp.segment import segment


def test_document_screen_agrees_with_each_clause_alone(real_normalised_texts):
    seen = {"ru": 0, "uk": 0, "kk": 0, "en": 0}
    plain_docs = 0
    for text in real_normalised_texts:
        # also the document cut to its Cyrillic-only lines, so that the "no Latin letter in
        # the whole document" screen is exercised on real clauses
        cyrillic_only = "\n".join(line for line in text.split("\n")
                                  if not langid._LAT_RUN.search(line))
        for variant in (text, cyrillic_only):
            ranges = [(u.start, u.end) for u in segment(variant)]
            if not ranges:
                continue
            plain_docs += not langid._LAT_RUN.search(variant)
            got = [(g.status, g.lang) for g in detect_languages(variant, ranges)]
            alone = [detect_language(variant[s:e]) for s, e in ranges]
            counts = [detect_by_counts(variant[s:e]) for s, e in ranges]
            assert [(g.status, g.lang) for g in alone] == [(g.status, g.lang) for g in counts]
            # detect_languages may only differ where a prior decides a doubtful short clause,
            # or a Kazakh paragraph's clause without a Kazakh letter has Kazakh words
            for (s, e), g, a in zip(ranges, got, alone):
                if g != (a.status, a.lang):
                    assert a is langid._RUSSIAN_WITHOUT_PRIOR or (
                        g == ("supported", "kk") and langid.reads_as_kazakh(variant[s:e])), \
                        variant[s:e]
            for status, lang in got:
                if status == "supported":
                    seen[lang] += 1
    assert plain_docs >= 10
    assert min(seen.values()) >= 20, seen


@pytest.mark.parametrize("text", [
    "Запретить пропаганду ЛГБТ в СМИ и сети Internet www.example.com.",
    "Запрет на ЛГБТ.",  # no Russian-only letter: the word forms decide
    "Тому через острах критики багато хто мовчить.",
    "Объявление в СМИ.",  # «ъ» is never screened as plain Russian
    "ЛГБТ LGBT LGBT",  # more Latin letters than Cyrillic
])
def test_russian_only_letter_first_agrees(text):
    g = detect_language(text)
    assert (g.status, g.lang) == (lambda c: (c.status, c.lang))(detect_by_counts(text))


def test_function_words_counted_once_per_word(real_normalised_texts):
    """``_latin`` counts each language's function words in one pass over the words; the counts
    must be those of counting each language's list separately, on real Latin-script clauses."""
    clauses = [text[u.start:u.end] for text in real_normalised_texts for u in segment(text)]
    latin = [c for c in clauses if langid._LAT_RUN.search(c) and not langid._CYR.search(c)]
    assert len(latin) > 300
    for clause in latin + ["Die Würde des Menschen ist unantastbar und nicht zu den", "le la et"]:
        words = langid._LATIN_WORD.findall(clause.lower())
        want = {code: sum(1 for w in words if w in fw)
                for code, fw in langid._FUNCTION_WORDS.items()}
        best_code, best = max(want.items(), key=lambda kv: (kv[1], kv[0] == "en"))
        lat = sum(map(len, langid._LAT_RUN.findall(clause)))
        dia = len(langid._LAT_DIACRITIC.findall(clause))
        got = langid._latin(clause, lat, dia)
        if want["en"] and want["en"] >= best and dia * 20 <= lat:
            assert (got.status, got.lang) == ("supported", "en"), clause
        elif best > 0:
            assert got.status == "unsupported", clause
            assert got.lang == ("kk" if best_code == "kk-latn" else best_code), clause
        else:
            assert got.status in ("unknown", "unsupported"), clause


def test_letter_counts_on_bytes_equal_the_regex_counts(real_normalised_texts):
    """``letter_counts`` counts Cyrillic and Latin letters on the UTF-8 bytes; it must equal
    the regex letter runs on every real clause and on made-up strings at the byte edges
    (U+00BF/U+00C0, U+023F/U+0240, U+024F/U+0250, U+027F, U+03FF/U+0400, U+04FF/U+0500,
    lone surrogates, characters beyond the plane)."""
    import random

    def by_regex(text):
        return (sum(map(len, langid._CYR_RUN.findall(text))),
                sum(map(len, langid._LAT_RUN.findall(text))))

    texts = [text[u.start:u.end] for text in real_normalised_texts for u in segment(text)]
    edges = "\u00bf\u00c0\u00ff\u0100\u023f\u0240\u024f\u0250\u027f\u03ff\u0400\u04ff\u0500" \
            "\u0080@[`{AZazЖжәі\ud800\U0001f600\u00d7\u00f7 "
    rnd = random.Random(5)
    texts += ["".join(rnd.choice(edges) for _ in range(rnd.randint(0, 30))) for _ in range(5000)]
    texts += [chr(c) for c in range(0x10000) if not 0xd800 <= c < 0xe000] + ["\udfff", ""]
    letters = 0
    for text in texts:
        assert langid.letter_counts(text) == by_regex(text), repr(text[:60])
        letters += sum(by_regex(text))
    assert letters > 100_000
