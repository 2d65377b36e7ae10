"""Reading bugs of issue 3, as golden tests on the real texts.

1. Short Ukrainian clauses without і/ї/є/ґ («Тому через острах критики багато хто мовчить.»,
   from the Ukrainian-quoted paragraph of the 2024 petition) were read as Russian. They are
   decided by frequent word forms of each language (data/langid/cyrillic_forms.yaml) and, for
   a clause with a single such form, by its paragraph's or document's language.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.nlp import annotate
from analysis.nlp.langid import (SHORT_LETTERS, cyrillic_forms, detect_language,
                                 detect_languages, form_evidence)
from analysis.nlp.segment import segment
from analysis.text import document_from_text, read_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
UK_SENTENCE = "Тому через острах критики багато хто мовчить."


def _languages(annotated) -> dict[str, str]:
    return {" ".join(c.text.split()): c.language for c in annotated.clauses}


@pytest.mark.parametrize("path", [ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda",
                                  SHARED / "sources" / "kz" / "03_Petition_text_and_demands.txt"])
def test_short_ukrainian_sentence_of_the_petition_is_ukrainian(path):
    langs = _languages(annotate(read_document(path)))
    assert langs[UK_SENTENCE] == "uk"
    # the document's other Cyrillic clauses without Ukrainian or Kazakh letters stay Russian
    plain = [t for t in langs if t != UK_SENTENCE and _plain_cyrillic(t)]
    assert plain and all(langs[t] == "ru" for t in plain)


def _plain_cyrillic(text: str) -> bool:
    cyr = sum(1 for ch in text if "\u0400" <= ch <= "\u04ff")
    lat = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return cyr > 3 and cyr >= lat and not any(ch in text.lower() for ch in "іїєґәғқңұүһө")


def test_word_forms_decide_without_context():
    assert form_evidence(UK_SENTENCE) == (2, 0)  # «багато», «хто»
    assert detect_language(UK_SENTENCE).lang == "uk"
    # the Russian wording of the same sentence, and Russian forms outweighing Ukrainian ones
    assert detect_language("Поэтому из-за страха критики многие молчат.").lang == "ru"
    assert detect_language("Поэтому многие молчат, хто бы что ни говорил.").lang == "ru"


def test_one_ukrainian_form_needs_a_ukrainian_context():
    """«хто» alone is weak evidence: Ukrainian inside a Ukrainian paragraph, Russian otherwise."""
    short = "Тому через острах критики хто мовчить."
    assert form_evidence(short) == (1, 0)
    assert detect_language(short).lang == "ru"
    assert detect_language(short, prior="uk").lang == "uk"
    uk_para = ("Нашим дітям відкрито нав'язується одностатеве кохання. " + short
               + " Але поки ми, більшість, мовчимо, наші діти починають вважати, що це нормально.")
    ru_para = ("Нашим детям открыто навязывается однополая любовь. " + short
               + " Но пока мы, большинство, молчим, наши дети начинают считать, что это нормально.")
    for para, want in ((uk_para, "uk"), (ru_para, "ru")):
        units = segment(para)
        guesses = detect_languages(para, [(u.start, u.end) for u in units])
        got = {para[u.start:u.end]: g.lang for u, g in zip(units, guesses)}
        assert got[short] == want, para
    # alone in its paragraph: the document's language decides
    doc = "Нашим дітям відкрито нав'язується одностатеве кохання.\n\n" + short
    assert _languages(annotate(document_from_text(doc)))[short] == "uk"


def test_long_clauses_without_ukrainian_letters_stay_russian():
    """Above SHORT_LETTERS letters word forms are not consulted: a Ukrainian text that long
    without any of і/ї/є/ґ (about 8 % of its letters) does not occur."""
    text = ("Статья 6.21 Кодекса Российской Федерации об административных правонарушениях: "
            "пропаганда нетрадиционных сексуальных отношений среди несовершеннолетних, "
            "хто бы ее ни вел, багато раз обсуждалась.")
    assert sum(1 for ch in text if "\u0400" <= ch <= "\u04ff") >= SHORT_LETTERS
    assert detect_language(text).lang == "ru"


def test_form_lists_are_disjoint_and_leave_letters_to_the_letter_rules():
    forms = cyrillic_forms()
    assert len(forms["uk"]) > 300 and len(forms["ru"]) > 300
    assert not forms["uk"] & forms["ru"]
    assert not any(set(w) & set("іїєґ") for w in forms["uk"])
    assert {"хто", "багато", "що", "також"} <= forms["uk"]
    assert {"был", "также", "детей", "поэтому"} <= forms["ru"]


def test_russian_clauses_of_the_real_texts_stay_russian():
    """Every clause of the Russian legal texts in ../shared stays Russian."""
    cyr = []
    for name in ("sources/kz/08_Law_2018_protection_of_children_from_harmful_information.txt",
                 "eval/dev/ru-2013-135fz.md", "eval/dev/ru-2022-foreign-agents-law.md",
                 "sources/kz/05_Constitutional_Council_2015_ruling.txt"):
        annotated = annotate(read_document(SHARED / name))
        cyr += [(name, c.language, c.text) for c in annotated.clauses if _plain_cyrillic(c.text)]
    assert len(cyr) >= 10
    assert [c for c in cyr if c[1] != "ru"] == []
