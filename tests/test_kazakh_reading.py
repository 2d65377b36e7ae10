"""Kazakh words that misled the reading (our sentences): «тарату» is to distribute (materials)
as well as to dissolve (an organisation); «шетелдік» alone is "foreign", not a person's status;
ө with і and none of ә ғ қ ң ұ һ is still Kazakh."""
from __future__ import annotations

from analysis.pipeline import analyse_text

AS_OF = "2025-01-01"


def test_distributing_materials_is_not_dissolving_an_association():
    analysis = analyse_text("Интернетте бір жынысты қарым-қатынастарды насихаттайтын "
                            "материалдарды тарату шектеледі.\n", as_of=AS_OF)
    assert set(analysis.conflicts_iccpr) == {19, 26}
    assert "association" not in analysis.engages
    assert analysis.targets_group == "lgbt"


def test_dissolving_an_association_is_association():
    analysis = analyse_text("Қоғамдық бірлестікті тарату туралы шешімді сот қабылдайды.\n",
                            as_of=AS_OF)
    assert "association" in analysis.engages


def test_foreign_agents_are_a_label_not_foreigners():
    analysis = analyse_text("Шетелдік агенттер тізіліміне енгізілген үкіметтік емес ұйымдар өз "
                            "материалдарын таңбалауға міндетті.\n", as_of=AS_OF)
    assert 26 not in analysis.conflicts_iccpr
    assert analysis.targets_group == "other"


def test_a_ban_on_foreign_citizens_assembling_is_a_distinction():
    analysis = analyse_text("Шетел азаматтарына жиналыстар өткізуге тыйым салынады.\n",
                            as_of=AS_OF)
    assert analysis.input.languages == ("kk",)
    assert {21, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "other"
