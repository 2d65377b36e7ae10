"""A group's symbol stands for the group: punishing the display of the rainbow flag singles
out LGBT people's expression (constructed illustrations in ru/uk/en, in the style of the
administrative offences in ../shared/sources)."""
from __future__ import annotations

import pytest

from analysis.pipeline import analyse_text

AS_OF = "2025-01-01"


@pytest.mark.parametrize("text", [
    "Демонстрация радужного флага в общественных местах влечет наложение административного штрафа.",
    "Публічна демонстрація райдужного прапора карається штрафом.",
    "Displaying the rainbow flag in public places shall be punishable by a fine.",
], ids=["ru", "uk", "en"])
def test_punishing_the_rainbow_flag_targets_lgbt_expression(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


def test_a_flag_without_a_group_targets_no_one():
    analysis = analyse_text("Displaying a national flag on public buildings shall be punishable "
                            "by a fine.\n", as_of=AS_OF)
    assert analysis.targets_group == "none"
    assert 26 not in analysis.conflicts_iccpr
