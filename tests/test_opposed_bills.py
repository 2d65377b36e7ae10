"""A petition's description of the bill it opposes is the bill's content, not the petition's
demand (analysis.opposed_bills). Sentences are ours, in the words of petitions and reports."""
from __future__ import annotations

import pytest

from analysis.nlp import annotate
from analysis.opposed_bills import read_opposed_bills
from analysis.pipeline import analyse_text
from analysis.text import document_from_text

AS_OF = "2025-01-01"


@pytest.mark.parametrize("text", [
    "We call on the President not to sign the Anti-Homosexuality Bill. The bill would punish "
    "people for who they are and ban the so-called promotion of homosexuality.",
    "Просим не подписывать законопроект о семейных ценностях. Законопроект запрещает пропаганду "
    "ЛГБТ в СМИ и вводит штрафы.",
    "Просимо Президента накласти вето на закон. Цей закон забороняє пропаганду ЛГБТ.",
    # the bill described first, then a demand against it by a pronoun
    "Законопроект приведёт к закрытию доступа к сайтам. Мы просим не принимать его.",
    "The bill would ban LGBT propaganda. We ask the Senate to reject it.",
    # the bill described first, then "withdraw the Bill"
    "The Bill makes it a criminal offence to publish false information online, punishable by "
    "five years imprisonment. We call on Parliament to withdraw the Bill.",
    # a portal's title in the infinitive opposes the law; the law is named by its number
    "Отменить закон о миссионерской деятельности\n\nФедеральный закон № 374-ФЗ от 6 июля "
    "2016 года ограничивает миссионерскую деятельность религиозных групп.",
])
def test_the_described_bill_of_a_petition_against_it_restricts_nothing(text):
    # asking the State not to enact a ban is itself protected expression (art. 19(2))
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert a.verdict == "compatible" and not a.conflicts_iccpr and a.targets_group == "none"
    # the brief still shows the bill's words as the annotator found them
    assert any(s.label in ("measure", "penalty") and not s.negated
               for c in a.clauses for s in c.spans)


@pytest.mark.parametrize("text", [
    "The bill would ban the so-called promotion of homosexuality and punish journalists.",
    "We support the bill. The bill would ban the promotion of homosexuality.",
    "Законопроект запрещает пропаганду ЛГБТ в СМИ и вводит штрафы.",
    # a demand for it by a pronoun
    "The bill would ban LGBT propaganda. We ask the Senate to adopt it.",
    # a demand that opens with something else is no opposition ("the ban on homosexuality
    # propaganda must be made stricter: repeal nothing")
    "Ужесточить закон о запрете пропаганды\n\nФедеральный закон № 135-ФЗ запрещает пропаганду "
    "ЛГБТ среди детей, а нужно запретить её для всех.",
])
def test_a_bill_described_without_opposition_is_read_as_it_stands(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert {19, 26} <= set(a.conflicts_iccpr)


def test_only_descriptions_whose_subject_is_the_bill_are_read_so():
    text = ("We oppose the bill. Propaganda of homosexuality is prohibited.\n")
    clauses = [c for c in annotate(document_from_text(text)).clauses if c.language]
    read = read_opposed_bills(clauses)
    assert [c.spans for c in read] == [c.spans for c in clauses]


def test_a_report_that_others_opposed_the_bill_still_describes_the_bill():
    # the text is assessed for the instrument it describes (shared/eval/README.md)
    a = analyse_text("UN experts urged the President not to sign the bill. The bill would "
                     "criminalise the promotion of homosexuality.\n", as_of=AS_OF)
    assert {19, 26} <= set(a.conflicts_iccpr)


def test_an_appeal_headed_by_an_imperative_opposes_the_bill_it_then_describes():
    text = ("Обращение к депутатам: не принимайте закон о запрете смены пола!\n"
            "Законопроект запрещает медицинские вмешательства, направленные на смену пола. "
            "Он также запрещает трансгендерным людям усыновлять детей.\n")
    a = analyse_text(text, as_of=AS_OF)
    assert not a.conflicts_iccpr and a.targets_group == "none"


def test_a_description_before_a_demand_that_points_back_to_the_law_is_its_content():
    from analysis.pipeline import analyse_text

    for text in ("Закон ограничивает миссионерскую деятельность. Просим отменить этот закон.",
                 "The law bans LGBT propaganda. We call on Parliament to repeal this law."):
        a = analyse_text(text + "\n", as_of="2025-01-01")
        assert not a.conflicts_iccpr and a.verdict == "compatible", text
    # without the demand, the description of the law is read as it stands
    a = analyse_text("The law bans LGBT propaganda.\n", as_of="2025-01-01")
    assert {19, 26} <= set(a.conflicts_iccpr)
