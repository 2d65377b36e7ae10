"""Prohibitions written as a negated permission, and the negation inside them.

The most common way laws in the region prohibit is not «запрещается» but «не допускается»
("is not allowed"), «жол берілмейді», "shall not be made available". The negation there is the
prohibition itself: it must not negate what is prohibited («Не допускается пропаганда …» bans
propaganda; it does not say there is none), and a prohibition of a harm («Цензура не
допускается», "Censorship shall not be permitted", Constitution-style guarantees) protects.
Expected spans are marked inline: <m>…</m> around the measure, <x>…</x> around the prohibited
expression. Sentences are constructed illustrations in the style of the laws named, except
the Hungarian measure, quoted in ../shared/sources/intl/05d_CJEU_C-769-22_Commission_v_Hungary.txt.
"""
from __future__ import annotations

import re

import pytest

from analysis.nlp.kazakh import kazakh_stem
from analysis.pipeline import analyse_text
from analysis.signals import clause_signals

AS_OF = "2025-01-01"


def _marked(marked: str):
    text = re.sub(r"</?[mx]>", "", marked)
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    clause = analysis.clauses[0]
    live = {(s.label, s.text) for s in clause.spans if not s.negated}
    for tag, label in (("m", "measure"), ("x", "expression")):
        for want in re.findall(rf"<{tag}>(.*?)</{tag}>", marked):
            assert (label, want) in live, (label, want, clause.spans)
    return analysis, clause


@pytest.mark.parametrize("marked", [
    "<m>Не допускается</m> <x>пропаганда</x> нетрадиционных сексуальных отношений среди "
    "несовершеннолетних.",
    "<m>Не допускається</m> <x>пропаганда</x> гомосексуалізму серед дітей.",
    "Балалар арасында дәстүрлі емес жыныстық қатынастарды <x>насихаттауға</x> "
    "<m>жол берілмейді</m>.",
    "Materials that promote homosexuality <m>shall not be distributed</m> to minors.",
    "Schools <m>must not promote</m> homosexuality.",
], ids=["ru", "uk", "kk", "en-distributed", "en-promote"])
def test_a_negated_permission_prohibits_and_does_not_negate_its_object(marked):
    analysis, clause = _marked(marked)
    assert "measure" in clause_signals(clause)
    assert analysis.verdict == "incompatible"
    assert 26 in analysis.conflicts_iccpr
    assert analysis.targets_group == "lgbt"


def test_the_hungarian_measure_on_content_portraying_homosexuality():
    # arendt.com's summary of C-769/22, quoted in the shared source file
    analysis = analyse_text("Measures restricting access to content portraying or promoting "
                            "gender identities that differ from the sex assigned at birth, sex "
                            "reassignment, or homosexuality.\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


def test_an_affirmative_permission_is_not_a_prohibition():
    # «жол беріледі» ("is allowed"): the same words without the negative suffix
    analysis = analyse_text("Балалар арасында дәстүрлі емес жыныстық қатынастарды насихаттауға "
                            "жол беріледі.\n", as_of=AS_OF)
    assert "measure" not in clause_signals(analysis.clauses[0])
    assert analysis.conflicts_iccpr == ()


def test_the_measure_word_inside_a_prohibition_stays_negated():
    # "permitted" in "is not permitted" is not a requirement of prior approval
    analysis, clause = _marked("Propaganda of homosexuality <m>is not permitted</m>.")
    # ("permit" alone is no longer a measure: "a person who permits a child to drive")
    permitted = [s for s in clause.spans if s.text == "permitted"]
    assert all(s.negated for s in permitted)
    assert "prior_restraint" not in clause_signals(clause)


@pytest.mark.parametrize("text", [
    "Цензура не допускается.", "Censorship shall not be permitted.", "Цензура забороняється.",
    "Не допускается дискриминация по признаку сексуальной ориентации.",
], ids=["ru-censorship", "en-censorship", "uk-censorship", "ru-discrimination"])
def test_a_prohibited_harm_is_protection(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    signals = clause_signals(analysis.clauses[0])
    assert "protective" in signals
    assert not signals & {"measure", "restricts_expression", "prior_restraint", "distinction"}
    assert analysis.verdict == "compatible"


def test_kazakh_accusative_of_propaganda_is_propaganda():
    # «насихатын» (its propaganda, accusative) was cut to «насих» by the participle suffix -атын
    assert kazakh_stem("насихатын") == kazakh_stem("насихат") == kazakh_stem("насихатына")
    analysis, _ = _marked("Біз Қазақстанда ЛГБТ <x>насихатын</x> толық тыйым салуды талап етеміз.")
    assert {19, 26} <= set(analysis.conflicts_iccpr)


@pytest.mark.parametrize("text", [
    "Признать международное общественное движение ЛГБТ экстремистским и запретить его "
    "деятельность.",
    "Запрет деятельности общественного движения ЛГБТ на территории страны.",
], ids=["designation", "ban-of-activity"])
def test_banning_a_movement_reaches_association(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert "association" in analysis.engages
    assert 22 in analysis.conflicts_iccpr
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("text", [
    # a law that classes such "propaganda" as pornography, whose distribution is an offence,
    # restricts it as surely as a ban does
    "Пропаганда гомосексуальных отношений, смены пола, бездетности, педофилии приравнивается "
    "к порнографии.",
    "Пропаганда гомосексуалізму прирівнюється до порнографії.",
    "Propaganda of homosexuality shall be equated with pornography.",
    "К порнографии относится пропаганда нетрадиционных сексуальных отношений.",
    "Pornography is defined to include the promotion of non-traditional sexual relations.",
], ids=["ru", "uk", "en", "ru-classed", "en-defined"])
def test_equating_with_pornography_is_a_restriction(text):  # constructed illustrations
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"
