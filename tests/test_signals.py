"""Clause signals on real sentences (shared/eval/dev, shared/sources), marked by hand."""
from __future__ import annotations

import pytest

from analysis.signals import (
    SIGNALS, check_conditions, clause_signals, completeness_of, conditions_hold,
    document_signals, is_petition, signal_evidence,
)
from test_signals_kit import make_clause

PETITION_DEMAND = make_clause(
    "The petition calls for a 'law to fully ban open and hidden propaganda of LGBT in "
    "Kazakhstan.'",
    [("ban", "measure", "ban"), ("propaganda", "expression", "propaganda"),
     ("LGBT", "group", "lgbt")], kind="demand")

SPEED_LIMIT = make_clause(
    "We want the Government to require local authorities reduce the speed limit to 20mph on "
    "roads around schools and nurseries in England during collection and drop off times, to "
    "increase the safety of our children.",
    [("reduce the speed limit", "measure", "restrict"), ("schools", "channel", "school"),
     ("safety", "aim", "safety")], kind="demand")

EQUALITY_ACT = make_clause(
    "(1) A person (A) discriminates against another (B) if, because of a protected "
    "characteristic, A treats B less favourably than A treats or would treat others.",
    [("discriminates", "protective", "non_discrimination")])

KOAP_621 = make_clause(
    "1. Пропаганда нетрадиционных сексуальных отношений среди несовершеннолетних, выразившаяся в "
    "распространении информации, направленной на формирование у несовершеннолетних "
    "нетрадиционных сексуальных установок, - влечет наложение административного штрафа на "
    "граждан в размере от четырех тысяч до пяти тысяч рублей",
    [("Пропаганда", "expression", "propaganda"),
     ("Пропаганда нетрадиционных сексуальных отношений", "vague", "propaganda"),
     ("нетрадиционных сексуальных отношений", "group", "lgbt"),
     ("информации", "expression", "information"),
     ("административного штрафа", "penalty", "fine")], lang="ru")

KZ_2025_BAN = make_clause(
    "The dissemination of information containing propaganda of pedophilia and non-traditional "
    "sexual orientation in public, as well as through the media, telecommunication networks and "
    "online platforms, is prohibited,",
    [("information", "expression", "information"), ("propaganda", "vague", "propaganda"),
     ("non-traditional sexual orientation", "group", "lgbt"),
     ("in public", "channel", "public_places"), ("media", "channel", "media"),
     ("telecommunication networks", "channel", "internet"),
     ("online platforms", "channel", "social_networks"), ("prohibited", "measure", "ban")])

FOREIGN_AGENT = make_clause(
    "1. Для целей настоящего Федерального закона под иностранным агентом понимается лицо, "
    "получившее поддержку и (или) находящееся под иностранным влиянием в иных формах",
    [("иностранным агентом", "group", "foreign_agent"),
     ("находящееся под иностранным влиянием в иных формах", "vague", "foreign_influence")],
    lang="ru")

ARREST = make_clause(
    "Repeated violations within a year could lead to a fine of 40 MCI (157,280 tenge) or up to "
    "10 days of administrative arrest.",
    [("fine", "penalty", "fine"), ("administrative arrest", "penalty", "arrest")])

NOT_PROHIBITED = make_clause(
    "Information about sexual orientation shall not be prohibited in schools.",
    [("Information", "expression", "information"), ("prohibited", "measure", "ban", True),
     ("sexual orientation", "group", "lgbt"), ("schools", "channel", "school")])


def test_total_ban_on_a_group_restricts_expression_and_reaches_events_and_associations():
    s = clause_signals(PETITION_DEMAND)
    assert {"demand", "measure", "restricts_expression", "total_ban", "blanket_scope",
            "targets_sogi", "distinction", "reaches_assembly", "reaches_association"} <= s
    words = [e.text for e in signal_evidence(PETITION_DEMAND, ["total_ban"])]
    assert words == ["fully", "open and hidden"]


def test_speed_limit_near_schools_restricts_no_expression():
    s = clause_signals(SPEED_LIMIT)
    assert "measure" in s and "reaches_children" in s and "aim_stated" in s
    assert not s & {"restricts_expression", "distinction", "targets_sogi", "blanket_scope"}


def test_protective_equality_clause_draws_no_adverse_distinction():
    s = clause_signals(EQUALITY_ACT)
    assert "protective" in s
    assert not s & {"distinction", "targets_sogi", "measure", "restricts_expression"}


def test_russian_propaganda_offence():
    s = clause_signals(KOAP_621)
    assert {"penalty", "restricts_expression", "targets_sogi", "vague_term",
            "reaches_children", "expression_object"} <= s
    assert "custodial_penalty" not in s and "total_ban" not in s


def test_a_list_of_channels_is_neither_a_blanket_scope_nor_a_total_ban():
    # four channels say where the speech is restricted, not that all of it is (our reading)
    s = clause_signals(KZ_2025_BAN)
    assert {"multiple_channels", "restricts_expression", "targets_sogi"} <= s
    assert not s & {"blanket_scope", "total_ban", "reaches_assembly"}


def test_foreign_agent_designation_is_a_measure_on_persons():
    s = clause_signals(FOREIGN_AGENT)
    assert {"measure", "reaches_association", "reaches_privacy", "restricts_expression",
            "vague_term"} <= s
    assert not s & {"targets_sogi", "targets_other_group", "distinction"}


def test_custodial_penalty():
    s = clause_signals(ARREST)
    assert {"penalty", "custodial_penalty"} <= s and "criminal_penalty" not in s


def test_negated_measure_is_not_a_restriction():
    s = clause_signals(NOT_PROHIBITED)
    assert "measure" not in s and "restricts_expression" not in s
    assert "prior_restraint" not in s


def test_every_computed_signal_is_in_the_vocabulary():
    for c in (PETITION_DEMAND, SPEED_LIMIT, EQUALITY_ACT, KOAP_621, KZ_2025_BAN, FOREIGN_AGENT,
              ARREST, NOT_PROHIBITED):
        assert clause_signals(c) <= set(SIGNALS)


def test_evidence_is_the_clause_own_words():
    for c in (PETITION_DEMAND, KOAP_621, KZ_2025_BAN, FOREIGN_AGENT):
        for ev in signal_evidence(c, sorted(clause_signals(c))):
            assert c.text[ev.start - c.start:ev.end - c.start] == ev.text


@pytest.mark.parametrize("conditions,expected", [
    ({"all": ["restricts_expression", "vague_term"]}, True),
    ({"all": ["restricts_expression"], "any": ["custodial_penalty", "prior_restraint"]}, False),
    ({"all": ["restricts_expression"], "none": ["closed_list_speech"]}, True),
    ({"any": ["protective"]}, False),
    ({}, False),
])
def test_conditions(conditions, expected):
    assert conditions_hold(conditions, clause_signals(KOAP_621)) is expected


def test_unknown_signal_in_conditions_is_an_error():
    with pytest.raises(ValueError, match="restricts_speech"):
        check_conditions({"all": ["restricts_speech"]}, where="iccpr/art_19__para_3#legality")
    with pytest.raises(ValueError, match="either"):
        check_conditions({"either": ["measure"]}, where="x")


def test_document_signals_petition_and_thin_evidence():
    meta = {"kind": "petition", "completeness": "quoted-fragments"}
    s = document_signals([PETITION_DEMAND], meta)
    assert {"is_petition", "thin_evidence", "total_ban"} <= s
    full = document_signals([KOAP_621], {"completeness": "full", "kind": "law"})
    assert "is_petition" not in full and "thin_evidence" not in full
    # a demand clause that calls itself a petition, without metadata
    assert is_petition([PETITION_DEMAND], None)
    assert not is_petition([SPEED_LIMIT.model_copy(update={"kind": "norm"})], {})


@pytest.mark.parametrize("meta,expected", [
    ({"text_completeness": "quoted-fragments (final text was never made public)"},
     "quoted-fragments"),
    ({"completeness": "full"}, "full"),
    ({"text_completeness": "partial-verbatim: part 1 of art. 6.21"}, "excerpt"),
    ({"paraphrase": True}, "paraphrase"),
    ({}, "unknown"),
])
def test_completeness_of(meta, expected):
    assert completeness_of(meta) == expected
