"""Adoption, guardianship and parental rights: ICCPR art. 17's family test.

A law that bars a group from adopting or from guardianship, or takes parental rights away for
what a parent says, interferes with family life (ICCPR art. 17(1): no "arbitrary or unlawful
interference with his ... family"); an interference "provided for by the law" must still be
"reasonable in the circumstances" (Toonen v. Australia, para 8.3), and with a distinction on
sexual orientation or gender identity it is a conflict. A ban on discrimination in adoption
protects; "adopt" in the sense of "take up" is no family matter.

The sentences are our own, written in the words such laws use (no adoption law is among the
bundled sources); <f>…</f> marks the words the family signal rests on.
"""
from __future__ import annotations

import re

import pytest

from analysis.nlp import annotate
from analysis.pipeline import analyse_text
from analysis.signals import clause_evidence
from analysis.text import document_from_text

AS_OF = "2025-01-01"
_MARK = re.compile(r"<f>(.*?)</f>")


def _family_words(text: str) -> set[str]:
    (clause,) = [c for c in annotate(document_from_text(text)).clauses if c.language]
    return {e.text for e in clause_evidence(clause).get("reaches_family", ())}


def _family_status(a) -> set[str]:
    return {f.status for f in a.findings
            if f.clause_id != "document" and f.provision_id == "iccpr/art_17"
            and f.test_id == "family"}


@pytest.mark.parametrize("marked", [
    "<f>Adoption</f> of children by persons of non-traditional sexual orientation is prohibited.",
    "Same-sex couples <f>may not adopt</f> children.",
    "Лица, сменившие пол, не могут быть <f>усыновителями</f>.",
    "<f>Опека</f> над детьми не может устанавливаться над лицами нетрадиционной сексуальной "
    "ориентации.",
    "Parents who promote LGBT propaganda to their children shall be deprived of "
    "<f>parental rights</f>.",
    "Children may not be placed in <f>foster families</f> headed by transgender persons.",
    "<f>Guardianship</f> shall not be granted to persons of non-traditional sexual orientation.",
])
def test_barring_a_group_from_family_life_conflicts_with_article_17(marked):
    text = _MARK.sub(lambda m: m.group(1), marked)
    assert _family_words(text) == set(_MARK.findall(marked))
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert _family_status(a) == {"conflict"}
    assert {17, 26} <= set(a.conflicts_iccpr)
    assert "family" in a.engages and a.targets_group == "lgbt"


@pytest.mark.parametrize("text", [
    "Discrimination in adoption on grounds of sexual orientation is prohibited.",
    # "adopt" as "take up" (135-FZ as Interfax translated it, data/cases/ru-2013-135fz.md)
    "fines will be imposed on persons popularizing non-traditional sexual relations among "
    "minors by disseminating information encouraging minors to adopt nontraditional sexual "
    "behavior",
])
def test_no_family_finding_where_family_life_is_not_limited(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert _family_status(a) <= {"not_engaged"}
    assert "family" not in a.engages and 17 not in a.conflicts_iccpr


def test_a_ban_on_adoption_by_foreign_nationals_is_a_concern():
    # no group word of ours names US citizens: the family limb is engaged and the State must
    # show the ban is "reasonable in the circumstances" (Toonen, para 8.3)
    a = analyse_text("Усыновление детей гражданами США запрещается.\n", as_of=AS_OF)
    assert _family_status(a) == {"compatible"}
    assert {f.status for f in a.findings if f.clause_id != "document"
            and f.test_id == "family_necessity"} == {"concern"}
    assert "family" in a.engages and "privacy" not in a.engages


def test_a_bar_on_adopting_named_by_the_verb_is_a_family_limit():
    a = analyse_text("Foreign citizens are barred from adopting Kazakh children.\n", as_of=AS_OF)
    assert "family" in a.engages and a.verdict == "mixed"
