"""A list item is read with its chapeau (analysis.chapeau).

"(1) A local authority shall not— (a) intentionally promote homosexuality …" is the wording of
s. 2A(1) of the Local Government Act 1986 as inserted by s. 28 of the Local Government Act 1988
("Section 28"), as it is widely quoted (test input, not a knowledge-base source); the other
texts are ours, in the shapes of Russian-language and English laws and petitions. Item (a)
alone describes; under its chapeau it prohibits.
"""
from __future__ import annotations

import pytest

from analysis.chapeau import read_under_chapeaus
from analysis.nlp import annotate
from analysis.pipeline import analyse_text
from analysis.signals import clause_signals
from analysis.text import document_from_text

AS_OF = "2000-01-01"
SECTION_28 = (
    "(1) A local authority shall not—\n"
    "(a) intentionally promote homosexuality or publish material with the intention of "
    "promoting homosexuality;\n"
    "(b) promote the teaching in any maintained school of the acceptability of homosexuality "
    "as a pretended family relationship.\n"
    "(2) Nothing in subsection (1) above shall be taken to prohibit the doing of anything for "
    "the purpose of treating or preventing the spread of disease.\n")


def _clauses(text: str):
    return [c for c in annotate(document_from_text(text)).clauses if c.language]


def test_items_under_a_negated_obligation_are_prohibitions():
    clauses = _clauses(SECTION_28)
    read = read_under_chapeaus(clauses)
    chapeau, a, b, tail = read
    assert a.text.startswith("(a) intentionally promote") and clauses[1].kind == "description"
    assert a.kind == b.kind == "norm"
    (ban,) = [s for s in a.spans if s.label == "measure"]
    assert (ban.text, ban.concept) == ("shall not", "ban")
    assert SECTION_28[ban.start:ban.end] == "shall not"  # offsets into the original text
    assert "restricts_expression" in clause_signals(a)
    assert tail is clauses[3]  # "(2) Nothing in subsection (1) …" is no item of (1)
    # the annotator's clauses themselves are untouched
    assert not [s for s in clauses[1].spans if s.label == "measure"]


def test_section_28_is_incompatible_and_targets_lgbt():
    analysis = analyse_text(SECTION_28, as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"
    assert {c.id: c.kind for c in analysis.clauses}["item_1__point_a"] == "norm"
    finding = next(f for f in analysis.findings if f.clause_id == "item_1__point_a"
                   and f.provision_id == "iccpr/art_19__para_2" and f.status == "conflict")
    assert "shall not" in [e.text for e in finding.evidence]
    assert "«shall not … " in finding.rationale["en"]
    # every span the brief highlights still lies inside its clause
    for c in analysis.clauses:
        assert all(c.start <= s.start < s.end <= c.end for s in c.spans)


def test_items_under_a_russian_prohibition_inherit_it():
    text = ("Средствам массовой информации запрещается:\n"
            "1) распространять информацию, пропагандирующую нетрадиционные сексуальные "
            "отношения;\n"
            "2) размещать рекламу табака.\n")
    chapeau, first, second = read_under_chapeaus(_clauses(text))
    assert first.kind == "norm"
    assert ("measure", "запрещается") in {(s.label, s.text) for s in first.spans}
    analysis = analyse_text(text, as_of="2025-01-01")
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


def test_items_of_a_demand_are_demands():
    text = "We demand:\n(a) a ban on LGBT propaganda;\n(b) fines for LGBT events.\n"
    read = read_under_chapeaus(_clauses(text))
    assert [c.kind for c in read] == ["demand", "demand", "demand"]


@pytest.mark.parametrize("text", [
    "Local authorities may:\n(a) fund sports clubs;\n(b) maintain parks.\n",
    "For the purposes of this Act:\n(a) 'child' means a person under 18;\n",
])
def test_a_permissive_or_defining_chapeau_adds_nothing(text):
    clauses = _clauses(text)
    read = read_under_chapeaus(clauses)
    assert all(not [s for s in r.spans if s.label == "measure"] for r in read[1:])


def test_a_clause_ending_in_a_colon_without_items_changes_nothing():
    text = "It is prohibited to do the following:\nThe council met on Monday.\n"
    clauses = _clauses(text)
    assert read_under_chapeaus(clauses) == clauses


@pytest.mark.parametrize("text", [
    "The prohibition in subsection (1) shall not apply to:\n(a) scientific or medical "
    "literature on homosexuality;\n(b) materials used in sex education approved by the Ministry.\n",
    "Employers shall not discriminate on grounds of:\n(a) religion or belief;\n"
    "(b) sexual orientation.\n",
    "Не допускается дискриминация по признакам:\n1) пола;\n2) религии;\n"
    "3) сексуальной ориентации.\n",
], ids=["exception", "grounds-en", "grounds-ru"])
def test_exceptions_and_grounds_are_not_bans(text):
    """Items of an exception ("shall not apply to:") are outside the rule; items of an
    anti-discrimination chapeau are protected grounds."""
    analysis = analyse_text(text, as_of="2025-01-01")
    assert analysis.verdict == "compatible"
    assert analysis.targets_group == "none"
    assert not analysis.conflicts_iccpr


@pytest.mark.parametrize("text", [
    "Запрещается:\n1) пропаганда нетрадиционных сексуальных отношений среди "
    "несовершеннолетних;\n2) проведение гей-парадов.\n",
    "Заборонено:\n1) пропаганду гомосексуалізму серед дітей;\n2) проведення гей-парадів.\n",
    "Мыналарға жол берілмейді:\n1) ЛГБТ насихаты;\n2) гей парадтар.\n",
], ids=["ru", "uk", "kk"])
def test_a_bare_prohibition_chapeau_bans_its_items(text):
    """«Запрещается:» alone names nothing, so the annotator keeps no measure there; the items
    carry the ban."""
    analysis = analyse_text(text, as_of="2025-01-01")
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


NESTED = ("Статья 3. В образовательных организациях запрещается распространять:\n"
          "1) учебные материалы, содержащие:\n"
          "а) изображения однополых семей;\n"
          "б) сведения о смене пола;\n"
          "2) фильмы о гомосексуальных парах.\n")


def test_nested_lists_keep_every_level_of_chapeau():
    """«2) фильмы …» after a sub-list («а) … б) …») still belongs to «запрещается
    распространять:»; «а) …» is read with both chapeaus."""
    read = read_under_chapeaus(_clauses(NESTED))
    by_start = {c.text.split()[0]: c for c in read}
    for marker in ("а)", "б)", "2)"):
        assert ("measure", "запрещается") in {(s.label, s.text) for s in by_start[marker].spans}
    assert "распространять" in {s.text for s in by_start["а)"].spans}
    analysis = analyse_text(NESTED, as_of="2025-01-01")
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("text", [
    "За исключением случаев, предусмотренных настоящим Законом, запрещается:\n"
    "1) пропаганда нетрадиционных сексуальных отношений;\n2) проведение гей-парадов.\n",
    "Except as provided in section 7, it is prohibited to:\n(a) promote homosexuality;\n"
    "(b) hold gay pride parades.\n",
], ids=["ru", "en"])
def test_a_saving_clause_before_the_ban_does_not_make_it_an_exception(text):
    analysis = analyse_text(text, as_of="2025-01-01")
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)


def test_a_russian_hard_sign_is_not_bulgarian():
    """One «ъ» («объединений») is Russian's hard sign; Bulgarian needs more."""
    analysis = analyse_text("Запрещается создание объединений ЛГБТ.\n", as_of="2025-01-01")
    assert analysis.input.languages == ("ru",)
    assert analysis.targets_group == "lgbt"


def test_a_later_paragraph_without_a_lead_in_is_not_under_an_earlier_ban():
    text = ("1. It is prohibited to:\n"
            "a) disseminate propaganda of homosexuality among minors;\n"
            "b) hold LGBT public events near schools.\n"
            "2. The State shall guarantee to every person equal protection, including\n"
            "a) LGBT persons;\n"
            "b) transgender persons.\n")
    read = read_under_chapeaus(_clauses(text))
    last = [c for c in read if c.text.startswith("b) transgender")][0]
    assert not [s for s in last.spans if s.label == "measure"]


@pytest.mark.parametrize("text", [
    "It is not prohibited to:\na) hold peaceful LGBT public events;\n"
    "b) disseminate information about sexual orientation to adults.\n",
    "Не запрещается:\nа) проведение мирных публичных мероприятий ЛГБТ;\n"
    "б) распространение информации о сексуальной ориентации среди взрослых.\n",
], ids=["en", "ru"])
def test_a_negated_prohibition_bans_nothing(text):
    read = read_under_chapeaus(_clauses(text))
    assert not [s for c in read[1:] for s in c.spans if s.label == "measure" and not s.negated]


def test_unmarked_items_continue_their_chapeau_across_omission_marks():
    # an excerpt of a children's-information list as retrieved copies quote it: no markers,
    # "..." where items were left out (our sentence, in the words of such laws)
    text = ("К информации, запрещенной для распространения среди детей, относится информация:\n"
            "...\n"
            "пропагандирующая нетрадиционные сексуальные отношения;\n"
            "...\n")
    a = analyse_text(text, as_of="2024-01-01")
    assert a.verdict == "incompatible" and {19, 26} <= set(a.conflicts_iccpr)
    assert a.targets_group == "lgbt"


def test_a_capitalised_sentence_after_a_colon_is_no_item():
    text = ("The committee considered the following:\n"
            "Propaganda is a word with many meanings in the press.\n")
    clauses = annotate(document_from_text(text)).clauses
    read = read_under_chapeaus(clauses)
    assert [c.spans for c in read] == [c.spans for c in clauses]


@pytest.mark.parametrize("text", [
    # the shape of an excerpt of Lithuania's minors-protection law as the ECtHR quotes it
    # (Macatė v. Lithuania): the chapeau, an omission, then item 16
    "2. Public information which has a detrimental effect on the development of minors shall be "
    "attributed to public information:\n...\n16) which encourages the concept of entry into a "
    "marriage other than stipulated in the Constitution;\n",
    "2. К информации, запрещенной для распространения среди детей, относится информация:\n"
    "...\n4) пропагандирующая нетрадиционные сексуальные отношения;\n",
])
def test_a_numbered_item_continues_its_chapeau_across_omission_marks(text):
    clauses = annotate(document_from_text(text)).clauses
    item = read_under_chapeaus(clauses)[-1]
    assert item.kind == "norm"
    assert "restricts_expression" in clause_signals(item)
    a = analyse_text(text, as_of="2024-01-01")
    assert a.verdict == "incompatible" and 19 in a.conflicts_iccpr


def test_moreover_is_no_exception_chapeau():
    # «Кроме того» ("moreover") opens no exceptions: the items are what is banned
    from analysis.pipeline import analyse_text

    a = analyse_text("Кроме того, запрещается:\n1) пропаганда нетрадиционных сексуальных "
                     "отношений;\n2) митинги ЛГБТ.\n", as_of="2025-01-01")
    assert {19, 21, 26} <= set(a.conflicts_iccpr)
