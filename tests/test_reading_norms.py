"""Laws that grant rights are norms, not descriptions: "Partners have the right to inherit",
«Каждый имеет право …», "All persons are equal before the law" set the law as much as a
prohibition does. Read as descriptions they left a protective law with *needs review* (our
sentences, in the shape of partnership and equality clauses)."""
from __future__ import annotations

import pytest

from analysis.nlp import annotate
from analysis.pipeline import analyse_text
from analysis.text import document_from_text

AS_OF = "2025-01-01"


@pytest.mark.parametrize("text", [
    "Partners have the right to inherit from each other.",
    "Every registered partner is entitled to visit the other in hospital.",
    "All persons are equal before the law.",
    "Супруги имеют право на совместную собственность.",
    "Все равны перед законом и судом.",
    "Усі рівні перед законом.",
    "Кожен партнер має право на спадщину.",
    "Әркімнің сөз бостандығына құқығы бар.",
], ids=["en-right", "en-entitled", "en-equal", "ru-right", "ru-equal", "uk-equal", "uk-right",
        "kk-right"])
def test_rights_are_norms(text):
    (clause,) = annotate(document_from_text(text)).clauses
    assert clause.kind == "norm"


def test_a_partnership_law_is_compatible_and_engages_equality():
    analysis = analyse_text(
        "Registered partnership may be concluded between two adult persons regardless of their "
        "sex. Partners have the right to inherit from each other and to visit each other in "
        "hospital.\n", as_of=AS_OF)
    assert analysis.verdict == "compatible"
    assert analysis.targets_group == "none"
    assert "equality" in analysis.engages


def test_regardless_of_the_audience_does_not_clear_a_ban():
    """"regardless of" is equality language, but a ban stays a ban."""
    analysis = analyse_text("Propaganda of non-traditional sexual relations is prohibited "
                            "regardless of the age of the audience.\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("text", [
    "Everyone has the right to freedom of expression, except for propaganda of LGBT ideology.",
    "Каждый имеет право на свободу слова, за исключением пропаганды нетрадиционных сексуальных "
    "отношений.",
])
def test_a_right_granted_with_a_carve_out_restricts_the_carved_out_speech(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)


def test_regardless_of_what_is_not_a_ground_is_no_equality_language():
    analysis = analyse_text("Same-sex marriages concluded abroad are not recognised, regardless "
                            "of the citizenship of the spouses.\n", as_of=AS_OF)
    assert "equality" not in analysis.engages
