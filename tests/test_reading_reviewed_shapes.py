"""Sentence shapes that independent reviews found misread, each with the rule that reads it.

The sentences are our own, written in the words of laws, bills, petitions and reports; where
a rule has a legal basis it is named on the test.
"""
from __future__ import annotations

import pytest

from analysis.nlp import annotate
from analysis.pipeline import analyse_text
from analysis.signals import clause_evidence, clause_signals
from analysis.text import document_from_text

AS_OF = "2025-01-01"


def _clause(text: str):
    (clause,) = [c for c in annotate(document_from_text(text)).clauses if c.language]
    return clause


@pytest.mark.parametrize("text", [
    # concern as the ban's motive does not oppose the ban
    "В связи с обеспокоенностью общества запрещается пропаганда ЛГБТ среди детей.",
    "З огляду на стурбованість суспільства забороняється пропаганда ЛГБТ серед дітей.",
    "Законопроект разработан с учетом обеспокоенности родителей и запрещает пропаганду ЛГБТ.",
    # a penalty for criticising a ban still punishes
    "Лица, публично критикующие запрет пропаганды ЛГБТ, наказываются штрафом.",
])
def test_concern_or_criticism_inside_a_law_leaves_its_ban_standing(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert {19, 26} <= set(a.conflicts_iccpr) and a.targets_group == "lgbt"


def test_a_committee_concerned_that_a_ban_exists_opposes_it():
    a = analyse_text("Комитет обеспокоен тем, что однополым парам запрещено усыновление.\n",
                     as_of=AS_OF)
    assert not a.conflicts_iccpr and a.targets_group == "none"


@pytest.mark.parametrize("text", [
    "Protect journalists from censorship.",
    "The State shall protect journalists from censorship.",
    "Защитить блогеров от блокировки их страниц.",
    "Nobody should be censored for reporting on corruption.",
    "No one shall be subjected to censorship.",
])
def test_protection_from_a_measure_restricts_no_one(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert not a.conflicts_iccpr and a.verdict == "compatible"


def test_a_shield_against_compulsion_ends_where_a_new_ban_begins():
    # the compulsion protects; the ban on missionary work after «и запрещается» restricts
    # (a plain ban: a concern the State must justify, GC22 para 8)
    a = analyse_text("Запрещается принуждать детей к посещению религиозных занятий и "
                     "запрещается миссионерская деятельность.\n", as_of=AS_OF)
    assert "religion" in a.engages
    assert a.provisions["iccpr/art_18__para_3"] in ("concern", "conflict")


@pytest.mark.parametrize("text", [
    '"Discrimination" means any distinction, exclusion or restriction on the basis of race, '
    'religion or sexual orientation.',
    "Дискримінація - ситуація, за якої особа та/або група осіб за їх ознаками раси, "
    "релігійних переконань, етнічного походження зазнає обмеження у користуванні правами, "
    "крім випадків, коли таке обмеження має правомірну мету.",
])
def test_a_definition_of_discrimination_protects_its_grounds(text):
    # discrimination is "any distinction, exclusion, restriction or preference" on a ground
    # (CCPR/C/GC/18 para 7): the definition restricts no one
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert not a.conflicts_iccpr and a.targets_group == "none"


def test_a_ban_next_to_a_prohibition_of_discrimination_still_bans():
    a = analyse_text("Discrimination is prohibited, but propaganda of homosexuality is banned.\n",
                     as_of=AS_OF)
    assert {19, 26} <= set(a.conflicts_iccpr)


def test_false_information_is_a_vague_term_and_restriction_of_liberty_a_penalty():
    text = ("Распространение заведомо ложной информации наказывается штрафом либо ограничением "
            "свободы на срок до трех лет.")
    clause = _clause(text)
    # «ограничением» is inside the penalty «ограничением свободы»: no restriction measure
    assert "measure" not in clause_signals(clause) and "penalty" in clause_signals(clause)
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert 19 in a.conflicts_iccpr and "заведомо ложной информации" in a.vague_terms


@pytest.mark.parametrize("text", [
    "The petition, signed by 50,000 parents, calls on the Ministry of Education to ...",
    "К информации, запрещенной для распространения среди детей, относится информация:",
])
def test_a_cut_fragment_needs_review_not_a_verdict(text):
    a = analyse_text("---\ncompleteness: quoted-fragments\n---\n" + text + "\n", as_of=AS_OF)
    assert a.verdict == "needs_review"


@pytest.mark.parametrize("text", [
    "Собрания, митинги, демонстрации и шествия проводятся только в специализированных местах "
    "при условии согласования с местным исполнительным органом.",
    "Гей-парады и пикеты в центре города запрещаются.",
    "Gay pride marches and pickets are prohibited in the capital.",
    "Проведення маршів і пікетів ЛГБТ забороняється.",
])
def test_a_restriction_of_rallies_alone_is_read_under_article_21_not_19(text):
    # the specific right: the Committee found arts. 21 and 26 (Alekseev v. Russian Federation,
    # CCPR/C/130/D/2727/2016, para 8) and did not consider art. 19 separately (CCPR/C/134/D/
    # 2943/2017, para 9.16); a "demonstration" listed beside rallies is a protest, not a display
    c = _clause(text)
    signals = clause_signals(c)
    assert "reaches_assembly" in signals and "restricts_expression" not in signals
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert 21 in a.conflicts_iccpr and 19 not in a.conflicts_iccpr


@pytest.mark.parametrize("text", [
    "Запрещается пропаганда нетрадиционных сексуальных отношений, в том числе на митингах.",
    "Концерты, пропагандирующие насилие, запрещаются.",
    "It is prohibited to promote homosexuality.",
])
def test_speech_beside_or_without_a_rally_is_still_speech(text):
    # propaganda named with a rally, a concert (artistic expression), or "promote" alone
    assert "restricts_expression" in clause_signals(_clause(text))


@pytest.mark.parametrize("text, vague", [
    # Federal Law 129-FZ (2015) art. 3.1(1) as usually quoted; the Venice Commission found its
    # ground vague (CDL-AD(2016)020)
    ("Деятельность иностранной неправительственной организации, представляющая угрозу основам "
     "конституционного строя, может быть признана нежелательной.",
     "представляющая угрозу основам конституционного строя"),
    ("Мемлекеттің қауіпсіздігіне қатер төндіретін ұйымдардың қызметіне тыйым салынады.",
     "қауіпсіздігіне қатер төндіретін"),
    ("Запрещается ношение в общественных местах одежды, чуждой национальной культуре.", "чуждой"),
])
def test_a_threat_to_the_state_or_alienness_as_the_test_of_a_ban_is_vague(text, vague):
    # conduct defined by a feared effect on abstractions gives no one the means "to regulate
    # his or her conduct accordingly" (legality: CCPR/C/GC/34 para 25)
    c = _clause(text)
    assert vague in [e.text for e in clause_evidence(c).get("vague_term", [])]


@pytest.mark.parametrize("text", [
    "Продукция, представляющая угрозу жизни и здоровью людей, подлежит изъятию.",
    "Products that are dangerous to health shall be withdrawn from sale.",
    "В целях защиты национальной безопасности вводится государственная экспертиза.",
])
def test_goods_and_a_stated_security_aim_are_not_speech_or_vague(text):
    # a product recall restricts no expression; "national security" as a stated aim is on the
    # list of art. 19(3), not a vague test of conduct
    c = _clause(text)
    signals = clause_signals(c)
    assert "restricts_expression" not in signals and "vague_term" not in signals


def test_national_culture_is_not_a_channel():
    c = _clause("Запрещается ношение одежды, чуждой национальной культуре.")
    assert not [s for s in c.spans if s.label == "channel"]
    c = _clause("Запрещается пропаганда ЛГБТ в учреждениях культуры и в театрах.")
    assert {s.concept for s in c.spans if s.label == "channel"} == {"culture"}
