"""Reading bugs of issue 3, as golden tests on the real texts.

1. Short Ukrainian clauses without і/ї/є/ґ («Тому через острах критики багато хто мовчить.»,
   from the Ukrainian-quoted paragraph of the 2024 petition) were read as Russian. They are
   decided by frequent word forms of each language (data/langid/cyrillic_forms.yaml) and, for
   a clause with a single such form, by its paragraph's or document's language.
2. A lower-case paragraph after a heading was merged into the heading's clause. A heading line
   (Markdown ``#``, or a short line without final punctuation followed by a blank line) ends
   its clause; a longer line broken by a blank line (extracted PDF text) still continues.
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


def _clauses(path: Path) -> list[str]:
    return [c.text for c in annotate(read_document(path)).clauses]


def test_markdown_heading_does_not_swallow_a_lower_case_paragraph():
    texts = _clauses(SHARED / "eval" / "dev" / "kz-2024-petition-lgbt-propaganda.md")
    heading = next(t for t in texts if t.startswith("### B. [en] verbatim as retrieved"))
    assert "\n" not in heading and heading.endswith("(petition title as quoted by UN experts)")
    after = texts[texts.index(heading) + 1]
    assert after.startswith("an official petition titled 'We Are against Open and Hidden LGBT")


@pytest.mark.parametrize("name", ["ru-2013-135fz.md", "uk-2010-equality-act-s13.md",
                                  "uk-2023-petition-20mph-schools.md"])
def test_short_line_before_a_blank_line_is_a_heading(name):
    """«**Expected labels**», then a blank line and a fenced block of lower-case YAML."""
    texts = _clauses(SHARED / "eval" / "dev" / name)
    assert "**Expected labels**" in texts
    after = texts[texts.index("**Expected labels**") + 1]
    assert after.startswith("engages: [")


def test_plain_text_heading_then_lower_case_paragraph():
    text = ("Требования петиции\n\nзапретить пропаганду ЛГБТ в Казахстане.\n\n"
            "Обоснование\n\nнашим детям открыто навязывается однополая любовь.")
    got = [(c.text, c.language) for c in annotate(document_from_text(text)).clauses]
    assert [t for t, _ in got] == ["Требования петиции", "запретить пропаганду ЛГБТ в Казахстане.",
                                   "Обоснование",
                                   "нашим детям открыто навязывается однополая любовь."]


def test_sentences_broken_by_a_blank_line_still_continue():
    """A long line (the TGEU appeal as extracted) or a line ending in a dash (KoAP art. 6.21:
    «... деяния, -» / «влечет наложение ...») is not a heading."""
    appeal = _clauses(SHARED / "sources" / "appeal" / "000_b80915706b8cec58.txt")
    assert any(t.startswith("There are attempts to introduce draconian measures\n\naimed at "
                            "further restricting the LGBTI movement") for t in appeal)
    koap = _clauses(SHARED / "eval" / "dev" / "ru-2013-135fz.md")
    first = next(t for t in koap if t.startswith("1. Пропаганда нетрадиционных"))
    assert "\n\nвлечет наложение" in first


@pytest.mark.parametrize("text", [
    "Шетел азаматтарына жиналыстар өткізуге тыйым салынады.",
    "Өткізуге тыйым салынады.",
])
def test_kazakh_without_its_own_letters_is_kazakh_not_kyrgyz(text):
    # our sentences: ө with і and none of ә ғ қ ң ұ һ; Kyrgyz has no і, Ukrainian no ө
    assert detect_language(text).lang == "kk"
