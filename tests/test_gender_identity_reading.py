"""A ban on changing sex, medically or in one's documents, interferes with private life.

The act itself is what is restricted, as homosexual conduct was in Toonen v. Australia (paras
8.3, 8.6: ICCPR art. 17), and the ban singles out transgender people (art. 26). A ban on
"propaganda of sex change" restricts speech about it (art. 19), not the act. The sentences are
our own, in the words of such laws.
"""
from __future__ import annotations

import pytest

from analysis.pipeline import analyse_text

AS_OF = "2025-01-01"


@pytest.mark.parametrize("text", [
    "Medical interventions aimed at changing the sex of a person are prohibited.",
    "Запрещается изменение в документах пола лица, а также медицинские вмешательства, "
    "направленные на смену пола.",
])
def test_banning_a_change_of_sex_conflicts_with_privacy_and_equality(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert {17, 26} <= set(a.conflicts_iccpr) and "privacy" in a.engages
    assert a.targets_group == "lgbt"


def test_propaganda_of_sex_change_restricts_speech_not_private_life():
    a = analyse_text("Пропаганда нетрадиционных сексуальных отношений и (или) предпочтений, "
                     "смены пола запрещается.\n", as_of=AS_OF)
    assert set(a.conflicts_iccpr) == {19, 26} and "privacy" not in a.engages
