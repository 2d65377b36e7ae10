"""A ban on discrimination protects; a group named without adverse treatment is not targeted
(analysis.signals: ``_bans_the_harm``, the protective shield, ``targets_sogi``).

Real text: the Human Rights Committee's recommendation to Kazakhstan (CCPR/C/KAZ/CO/2, copy in
data/sources/intl/06a_Kazakhstan_HRC_concluding_observations.txt) and ICCPR art. 26 (data/sources/
intl/01_ICCPR_articles.txt). The other sentences are constructed illustrations of each rule (an
anti-discrimination clause in English and Russian, a demand for recognition of partnerships, and a
propaganda ban that also names discrimination, which must stay a restriction).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.pipeline import analyse_text
from analysis.signals import clause_signals

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources" / "intl"
AS_OF = "2025-01-01"


def hrc_recommendation() -> str:
    text = (SOURCES / "06a_Kazakhstan_HRC_concluding_observations.txt").read_text(encoding="utf-8")
    m = re.search(r"^\(a\) Adopt comprehensive anti-discrimination legislation[^\n]*", text, re.MULTILINE)
    assert m, "the recommendation is not in the source file"
    return m.group(0)


def iccpr_art_26() -> str:
    text = (SOURCES / "01_ICCPR_articles.txt").read_text(encoding="utf-8")
    m = re.search(r"^All persons are equal before the law[^\n]*", text, re.MULTILINE)
    assert m, "ICCPR art. 26 is not in the source file"
    return m.group(0)


@pytest.mark.parametrize("text", [hrc_recommendation, iccpr_art_26], ids=["CCPR/C/KAZ/CO/2", "ICCPR-26"])
def test_real_protective_texts_target_no_group(text):
    analysis = analyse_text(text() + "\n", as_of=AS_OF)
    assert analysis.conflicts_iccpr == ()
    assert analysis.targets_group == "none"
    assert analysis.verdict in ("compatible", "needs_review")
    for clause in analysis.clauses:
        assert "distinction" not in clause_signals(clause), clause.text


def test_indirect_discrimination_is_a_term_of_art_not_a_vague_word():
    analysis = analyse_text(hrc_recommendation() + "\n", as_of=AS_OF)
    assert not any("indirect" in term for term in analysis.vague_terms)


@pytest.mark.parametrize("text", [
    "Discrimination on the grounds of sexual orientation and gender identity is prohibited in "
    "employment, education and access to goods and services.",
    "Дискриминация по признаку сексуальной ориентации и гендерной идентичности запрещается в сфере "
    "труда и образования.",
], ids=["en", "ru"])
def test_a_ban_on_discrimination_protects(text):  # constructed illustrations
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    signals = clause_signals(analysis.clauses[0])
    assert "protective" in signals
    assert not signals & {"measure", "restricts_expression", "targets_sogi", "distinction"}
    assert analysis.verdict == "compatible"
    assert analysis.targets_group == "none"
    assert "equality" in analysis.engages


def test_a_propaganda_ban_that_also_names_discrimination_stays_a_restriction():  # constructed
    text = ("Propaganda of non-traditional sexual relations and discrimination against traditional "
            "families are prohibited.\n")
    analysis = analyse_text(text, as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


def test_a_demand_to_recognise_partnerships_targets_no_one():  # constructed
    analysis = analyse_text("We demand that the Parliament adopt a law on the legal recognition of "
                            "same-sex partnerships.\n", as_of=AS_OF)
    clause = analysis.clauses[0]
    assert clause.kind == "demand"
    assert "targets_sogi" not in clause_signals(clause)
    assert analysis.verdict == "compatible"
    assert analysis.targets_group == "none"


@pytest.mark.parametrize("marked", [
    "An organisation that receives more than 20 percent of its income from abroad shall register as "
    "an organisation pursuing the <m>interests of a foreign power</m>.",
    "Организация, получающая более 20 процентов дохода из-за рубежа, регистрируется как организация, "
    "преследующая <m>интересы иностранной державы</m>.",
], ids=["en", "ru"])
def test_a_foreign_power_designation_is_a_vague_status(marked):  # constructed illustrations
    # the designation is a status the law creates (association, privacy, expression), its
    # defining words are as open as "foreign influence" (ru-2022 case), and an organisation is
    # not a personal status under art. 26
    text = re.sub(r"</?m>", "", marked)
    expected = re.findall(r"<m>(.*?)</m>", marked)
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert list(analysis.vague_terms) == expected
    assert {19, 22} <= set(analysis.conflicts_iccpr)
    assert 26 not in analysis.conflicts_iccpr
    assert analysis.targets_group == "other"


@pytest.mark.parametrize("text", [
    # modelled on the anti-discrimination article of Ukraine's Labour Code (art. 2-1)
    "Забороняється будь-яка дискримінація у сфері праці, зокрема порушення принципу рівності прав "
    "і можливостей, пряме або непряме обмеження прав працівників залежно від раси, кольору шкіри, "
    "політичних, релігійних та інших переконань, статі, гендерної ідентичності, сексуальної "
    "орієнтації.",
    "Any discrimination is prohibited, including any restriction of rights on the grounds of "
    "sexual orientation or gender identity.",
    "Любая дискриминация запрещается, в том числе ограничение прав граждан по признаку "
    "сексуальной ориентации.",
], ids=["uk", "en", "ru"])
def test_a_restriction_on_grounds_inside_a_ban_on_discrimination_spells_out_the_harm(text):
    # constructed illustrations: discrimination is "any distinction, exclusion, restriction or
    # preference which is based on any ground" (CCPR/C/GC/18 para 7)
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    signals = clause_signals(analysis.clauses[0])
    assert "protective" in signals
    assert not signals & {"measure", "targets_sogi", "targets_other_group", "distinction"}
    assert analysis.verdict == "compatible"
    assert analysis.targets_group == "none"
    assert "equality" in analysis.engages


def test_a_restriction_beside_a_ban_on_discrimination_still_restricts():  # constructed
    analysis = analyse_text("Discrimination on the grounds of sexual orientation is prohibited, "
                            "but the rights of LGBT people to hold public events are restricted.\n",
                            as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert 26 in analysis.conflicts_iccpr
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("marked", [
    "Некоммерческая организация, которая получает денежные средства от иностранных источников и "
    "участвует в <m>политической деятельности</m>, признается иностранным представителем.",
    "A non-profit organisation that receives funds from foreign sources and engages in "
    "<m>political activity</m> shall register as a foreign agent.",
], ids=["ru", "en"])
def test_political_activity_is_an_open_term_not_a_status(marked):
    # constructed illustrations in the style of the 2012 Russian and 2024 Kyrgyz laws: the
    # ECtHR found the concept of "political activity" "insufficiently foreseeable" (Ecodefence
    # and Others v. Russia, keywords quoted in ../shared/eval/dev/ru-2022-foreign-agents-law.md);
    # engaging in it is an activity the law attaches a regime to, not a personal status under
    # art. 26
    text = re.sub(r"</?m>", "", marked)
    expected = re.findall(r"<m>(.*?)</m>", marked)
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert set(expected) <= set(analysis.vague_terms)
    assert {19, 22} <= set(analysis.conflicts_iccpr)
    assert 26 not in analysis.conflicts_iccpr
    assert analysis.targets_group == "other"


@pytest.mark.parametrize("text", [
    "A non-profit organisation that receives funds from foreign sources shall register as a "
    "foreign agent.",
    "Некоммерческая организация, получающая денежные средства из иностранных источников, "
    "включается в реестр иностранных агентов.",
], ids=["en", "ru"])
def test_a_foreign_agent_label_without_open_words_is_still_a_concern(text):
    # constructed illustrations: no vague word, no distinction on a personal status, yet the
    # State must show why the label is needed (GC34 para 35): necessity is raised, a concern
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert "designation" in clause_signals(analysis.clauses[0])
    assert analysis.verdict == "mixed"
    assert any(f.clause_id == "document" and f.test_id == "necessity_proportionality"
               and f.provision_id.startswith("iccpr/") and f.status == "concern"
               for f in analysis.findings)
    assert analysis.targets_group == "other"


@pytest.mark.parametrize("text", [
    "Russia's Supreme Court designated the \"international LGBT movement\" as extremist, "
    "banning its activities in the country.",
    "Признать международное общественное движение ЛГБТ экстремистским и запретить его "
    "деятельность.",
], ids=["en", "ru"])
def test_an_organisation_named_by_its_members_group_targets_that_group(text):  # constructed
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert {22, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"
