"""A demand that opposes an expression object calls for its restriction (analysis.signals,
``_opposition``); a demand that opposes a measure calls for no restriction.

The real text is the 2024 petition's title, verbatim as the Ministry of Culture and Information
quoted it (shared/sources/kz/03_Petition_text_and_demands.txt, line 23), read from the bundled
petition (data/petitions/kz-2024-lgbt-propaganda/text.md, its heading);
the English is our working translation of that title (data/petitions/.../translation.en.md).
The Kazakh slogan and the sentence opposing a ban are constructed illustrations of the rule, not
evidence on their own. Evidence words are marked inline with <m>…</m>.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.pipeline import analyse_text
from analysis.signals import clause_signals, signal_evidence

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2024-06-01"


def petition_title_ru() -> str:
    text = (ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda" / "text.md").read_text(
        encoding="utf-8")
    m = re.search(r"^# (Мы против[^\n]+)$", text, re.MULTILINE)
    assert m, "the petition's title heading is not in text.md"
    return m.group(1)


def petition_title_en() -> str:
    text = (ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda" / "translation.en.md"
            ).read_text(encoding="utf-8")
    m = re.search(r'## Title\n\n"([^"]+)"', text)
    assert m, "the translated title is not in translation.en.md"
    return m.group(1)


def _marked(text: str) -> tuple[str, list[str]]:
    return re.sub(r"</?m>", "", text), re.findall(r"<m>(.*?)</m>", text)


def test_real_title_is_quoted_verbatim():
    assert petition_title_ru() == "Мы против открытой и скрытой пропаганды ЛГБТ в Республике Казахстан!"


@pytest.mark.parametrize("title", [petition_title_ru, petition_title_en],
                         ids=["ru-verbatim", "en-our-translation"])
def test_a_petition_against_propaganda_demands_its_ban(title):
    analysis = analyse_text(title() + "\n", as_of=AS_OF)
    clause = analysis.clauses[0]
    assert clause.kind == "demand"
    signals = clause_signals(clause)
    assert {"measure", "restricts_expression", "targets_sogi", "total_ban"} <= signals
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("marked", [
    "Мы <m>против</m> открытой и скрытой пропаганды ЛГБТ в Республике Казахстан!",
    "We are <m>against</m> open and hidden LGBT propaganda in the Republic of Kazakhstan!",
    "ЛГБТ насихатына <m>қарсымыз</m>!",  # constructed illustration (Kazakh postposition)
])
def test_the_opposition_word_is_the_measure_evidence(marked):
    text, expected = _marked(marked)
    clause = analyse_text(text + "\n", as_of=AS_OF).clauses[0]
    words = [e.text for e in signal_evidence(clause, ["measure"])]
    assert words == expected


def test_a_demand_against_a_ban_restricts_nothing():
    # constructed illustration: the demand opposes the measure, so the ban is not a restriction
    # the text asks for (and nothing in it targets a group adversely)
    analysis = analyse_text("We are against the ban on Pride events in our city.\n", as_of=AS_OF)
    signals = clause_signals(analysis.clauses[0])
    assert "measure" not in signals and "restricts_expression" not in signals
    assert analysis.verdict == "compatible"
    assert analysis.conflicts_iccpr == ()


def test_opposition_outside_a_demand_is_not_a_call_to_ban():
    # constructed illustration: a description that reports someone's opposition asks for
    # nothing, so "against" there raises no measure
    text = "Many people in the city spoke out against LGBT propaganda last year.\n"
    clause = analyse_text(text, as_of=AS_OF).clauses[0]
    assert clause.kind == "description"
    assert "measure" not in clause_signals(clause)


@pytest.mark.parametrize("text", [
    "We are against propaganda being banned.",           # the object, then its measure (passive)
    "Ми проти заборони так званої пропаганди ЛГБТ.",     # the author's "so-called" is no scope
    "Біз ЛГБТ насихатына тыйым салуға қарсымыз.",        # «қарсы» follows what it governs
    "We oppose the proposed ban on LGBT propaganda.",     # a statement, not a demand
    "Мы выступаем против законопроекта о запрете ЛГБТ-пропаганды.",
], ids=["en-passive", "uk-so-called", "kk-postposition", "en-statement", "ru-statement"])
def test_opposing_a_ban_restricts_nothing(text):  # constructed illustrations
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    for clause in analysis.clauses:
        assert not clause_signals(clause) & {"measure", "restricts_expression", "distinction",
                                             "vague_term"}, clause.text
    assert analysis.conflicts_iccpr == ()
    assert analysis.targets_group == "none"


@pytest.mark.parametrize("text", [
    "We are against violence, and for a ban on propaganda of homosexuality.",
    "We oppose LGBT propaganda and demand its ban.",
    "Мы против пропаганды ЛГБТ, требуем ее запретить.",
], ids=["en-comma", "en-and-demand", "ru-comma"])
def test_opposition_governs_its_own_phrase_only(text):  # constructed illustrations
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)


@pytest.mark.parametrize("text", [
    "The fight against terrorism includes blocking websites that spread LGBT propaganda.",
    "Меры против пропаганды: блокировка сайтов, распространяющих пропаганду ЛГБТ.",
], ids=["en", "ru"])
def test_against_as_a_preposition_in_a_norm_opposes_nothing(text):  # constructed
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert 19 in analysis.conflicts_iccpr


@pytest.mark.parametrize("text", [
    # the TGEU appeal's opening, verbatim (../shared/sources/appeal/000_b80915706b8cec58.txt)
    "Kazakhstan's LGBTI community is raising urgent alarms over recent actions aimed at "
    "curtailing their rights and freedoms in the country.",
    "We condemn the ban on Pride marches in Almaty.",                      # constructed
    "Мы осуждаем запрет ЛГБТ-пропаганды.",                                 # constructed
    "Human rights groups expressed concern about the bill banning LGBT propaganda.",  # constructed
], ids=["alarms-over", "condemn", "ru-condemn", "concern-about"])
def test_alarm_condemnation_and_concern_oppose_the_measure(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.conflicts_iccpr == ()
    assert analysis.targets_group == "none"
    assert analysis.verdict != "incompatible"


@pytest.mark.parametrize("marked", [  # constructed, in the words petitions use
    "<m>Защитить</m> детей от ЛГБТ-пропаганды!",
    "Требуем <m>защитить</m> наших детей от пропаганды ЛГБТ в школах.",
    "<m>Protect</m> our children from LGBT propaganda in schools.",
    "<m>Захистіть</m> дітей від пропаганди ЛГБТ!",
    "Балаларымызды ЛГБТ насихатынан <m>қорғау</m> керек.",
])
def test_a_demand_to_protect_children_from_propaganda_calls_for_its_ban(marked):
    text = re.sub(r"</?m>", "", marked)
    a = analyse_text(text + "\n", as_of=AS_OF)
    (clause,) = [c for c in a.clauses if c.spans]
    assert clause.kind == "demand"
    assert {"measure", "restricts_expression", "targets_sogi"} <= clause_signals(clause)
    words = {e.text for e in signal_evidence(clause, ["measure"])}
    assert set(re.findall(r"<m>(.*?)</m>", marked)) <= words
    assert {19, 26} <= set(a.conflicts_iccpr) and a.targets_group == "lgbt"


@pytest.mark.parametrize("text", [  # constructed
    "Protect LGBT people from hate speech and violence.",  # the group is protected
    "Требуем защитить права ЛГБТ-людей от дискриминации.",
    "Защитить детей от насилия и травли.",  # a harm, not speech
    "Оградить детей от пропаганды насилия.",  # speech on the closed list
])
def test_protection_from_harm_or_for_a_group_targets_no_one(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert a.targets_group == "none" and not a.conflicts_iccpr


def test_an_end_to_the_torture_of_gay_men_protects_them():
    a = analyse_text("We demand an end to the persecution, imprisonment and torture of gay "
                     "men.\n", as_of=AS_OF)
    assert a.targets_group == "none" and 26 not in a.conflicts_iccpr


@pytest.mark.parametrize("text", [  # constructed reports and statements against a measure
    "Біз миссионерлік қызметке тыйым салуға қарсымыз.",
    "Ми виступаємо проти заборони діяльності релігійних громад.",
    "The Committee is concerned that same-sex couples are prohibited from adopting.",
    "HRW criticized the fines imposed on Jehovah's Witnesses for worship.",
    "Мы против запрета хиджаба в школах.",
])
def test_concern_criticism_and_opposition_take_the_measure_or_penalty_away(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert not a.conflicts_iccpr and a.targets_group == "none"
    (clause,) = [c for c in a.clauses if c.spans]
    assert not {"measure", "penalty"} & clause_signals(clause)
