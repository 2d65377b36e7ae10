"""An offence is read with the definitions of the terms it uses (analysis.definitions).

The sentences are our own, in the shape of statutes that define an offence's scope in one
clause and punish it in another."""
from __future__ import annotations

from analysis.definitions import defined_term, read_with_definitions
from analysis.nlp import annotate
from analysis.pipeline import analyse_text
from analysis.signals import clause_signals
from analysis.text import document_from_text

AS_OF = "2025-01-01"


def _clauses(text: str):
    return [c for c in annotate(document_from_text(text)).clauses if c.language]


def test_defined_terms_in_the_usual_statute_shapes():
    shapes = {
        '"Adult cabaret entertainment" means performances by male or female impersonators.':
            "adult cabaret entertainment",
        "1) пропаганда нетрадиционных сексуальных отношений – распространение информации.":
            "пропаганда нетрадиционных сексуальных отношений",
        "Под экстремистскими материалами понимаются документы, призывающие к экстремизму.":
            "экстремистскими материалами",
    }
    for text, term in shapes.items():
        (clause,) = _clauses(text)
        assert defined_term(clause) == term
    (plain,) = _clauses("The Minister may issue guidance on schools.")
    assert defined_term(plain) is None


def test_an_offence_carries_the_groups_and_vague_terms_of_its_definition():
    text = ('"Adult cabaret entertainment" means performances that feature male or female '
            "impersonators and are harmful to minors.\n\n"
            "It is an offense for a person to perform adult cabaret entertainment on public "
            "property.\n")
    definition, offence = _clauses(text)
    assert not {"targets_sogi", "vague_term"} & clause_signals(offence)
    _, read = read_with_definitions([definition, offence])
    assert {"targets_sogi", "vague_term", "penalty"} <= clause_signals(read)
    a = analyse_text(text, as_of=AS_OF)
    assert a.verdict == "incompatible" and {19, 26} <= set(a.conflicts_iccpr)
    assert a.targets_group == "lgbt"
    # the brief shows the clauses as written
    assert a.clauses[1].spans == offence.spans


def test_a_definition_of_a_harm_passes_no_group():
    text = ('"hatred" means hatred against a group of persons on account of their race, '
            "religion or sexual orientation.\n\n"
            "It shall be an offence to publish material likely to stir up hatred.\n")
    a = analyse_text(text, as_of=AS_OF)
    assert a.targets_group == "none" and 26 not in a.conflicts_iccpr


def test_a_definition_after_a_lead_in_without_a_comma():
    text = ("Для целей настоящей статьи под пропагандой понимается распространение информации, "
            "направленной на формирование у несовершеннолетних нетрадиционных сексуальных "
            "установок.\n\nПропаганда среди несовершеннолетних влечет наложение штрафа.\n")
    a = analyse_text(text, as_of=AS_OF)
    assert {19, 26} <= set(a.conflicts_iccpr) and a.targets_group == "lgbt"
