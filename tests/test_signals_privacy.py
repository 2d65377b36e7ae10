"""Criminalising consensual sexual conduct interferes with privacy: "the prohibition against
private homosexual behaviour" (Toonen v. Australia, CCPR/C/50/D/488/1992, para 8.3, in
../shared/sources/intl/03b_Toonen_v_Australia.txt) engages ICCPR art. 17 as well as art. 26.
A ban on "propaganda of homosexual relations" restricts speech, not conduct: no art. 17.
Sentences are constructed illustrations."""
from __future__ import annotations

import pytest

from analysis.pipeline import analyse_text

AS_OF = "2025-01-01"


@pytest.mark.parametrize("text", [
    "Persons found guilty of homosexual acts shall be liable to imprisonment for up to three "
    "years.",
    "Мужеложство наказывается лишением свободы на срок до пяти лет.",
], ids=["en", "ru"])
def test_criminalising_homosexual_conduct_engages_privacy(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert {17, 26} <= set(analysis.conflicts_iccpr)
    assert "privacy" in analysis.engages
    assert analysis.targets_group == "lgbt"


def test_a_propaganda_ban_does_not_reach_privacy():
    analysis = analyse_text("Запрещается пропаганда гомосексуальных отношений среди "
                            "несовершеннолетних.\n", as_of=AS_OF)
    assert 17 not in analysis.conflicts_iccpr
    assert {19, 26} <= set(analysis.conflicts_iccpr)


def test_propaganda_of_the_conduct_restricts_speech_not_privacy():
    # the Ryazan provision in Fedotova v. Russian Federation (footnote 5 of the Views, in
    # data/sources/intl/04a_Fedotova_v_Russian_Federation.txt): the HRC found arts 19 and 26
    import re
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "data" / "sources" / "intl"
              / "04a_Fedotova_v_Russian_Federation.txt").read_text(encoding="utf-8")
    m = re.search(r"“(Публичные действия, направленные на пропаганду гомосексуализма[^”]+)”", source)
    assert m, "the provision is not quoted in the source file"
    analysis = analyse_text(m.group(1) + "\n", as_of="2009-06-01")
    assert 17 not in analysis.conflicts_iccpr
    assert {19, 26} <= set(analysis.conflicts_iccpr)
