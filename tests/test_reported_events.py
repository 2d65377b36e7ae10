"""A petition's report of past events is a report, not a rule it asks for
(analysis.reported_events). Sentences are ours, in the words of petitions and appeals."""
from __future__ import annotations

import pytest

from analysis.pipeline import analyse_text

AS_OF = "2025-01-01"


def _analyse(text: str, kind: str | None = None):
    return analyse_text(text + "\n", as_of=AS_OF, metadata={"kind": kind} if kind else None)


@pytest.mark.parametrize("text", [
    "In 2017 the police detained gay men because of their sexual orientation. We ask the "
    "Prosecutor General to investigate.",
    "Men and women are being detained because of their sexual orientation. We call on the "
    "authorities to stop the persecution.",
    "В 2019 году власти запретили гей-парад в Москве. Просим привлечь чиновников к "
    "ответственности за дискриминацию.",
    "Поліція заборонила ЛГБТ-марш у Києві. Просимо розслідувати дії поліції.",
    # the report is what a repeal demand undoes
    "В 2013 году в России запретили пропаганду ЛГБТ. Мы требуем отменить этот закон.",
    # an English title with its addressee first is the demand
    "Russia Prosecutor General, investigate the detention of LGBT people in Chechnya\n\n"
    "Over a hundred gay men were detained in Chechnya.",
])
def test_a_report_of_what_was_done_is_not_what_the_petition_asks(text):
    a = _analyse(text, "petition")
    assert not a.conflicts_iccpr and a.targets_group == "none"
    # the brief still shows the reported detention or ban as the annotator found it
    assert any(s.label in ("measure", "penalty") and not s.negated
               for c in a.clauses for s in c.spans)


@pytest.mark.parametrize("text, kind", [
    # a demand that points back to the report asks for it
    ("В 2013 году в России запретили пропаганду ЛГБТ. Мы требуем принять такой же закон.",
     "petition"),
    ("В 2013 году в России запретили пропаганду ЛГБТ среди детей. Просим запретить её и среди "
     "взрослых.", "petition"),
    ("Hungary banned the promotion of homosexuality to minors in 2021. We urge our Government "
     "to follow Hungary's example.", "petition"),
    # a short participle with a modal is the wished rule, not a report
    ("Просим принять закон о защите семьи.\n\nВ этом законе пропаганда нетрадиционных "
     "отношений должна быть запрещена, а нарушители оштрафованы.", "petition"),
    # a rule in the present or future, in a petition or a law
    ("Gay men shall be detained for their sexual orientation. We ask Parliament to adopt this.",
     "petition"),
    ("Persons who were detained for homosexual conduct shall be deported.", "law"),
    # no demand at all: a report is assessed for what it reports
    ("The police detained gay men because of their sexual orientation.", None),
])
def test_rules_and_reports_asked_for_are_read_as_they_stand(text, kind):
    assert {19, 26} & set(_analyse(text, kind).conflicts_iccpr)
