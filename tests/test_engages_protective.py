"""A guarantee engages the right it names, and is a norm: «Кожному гарантується право на
свободу думки і слова», "Freedom of speech is guaranteed", «Цензура запрещается» engage
expression, not equality; a ban on discrimination engages equality. Constructed illustrations
in the style of constitutional guarantees (not quotations of any constitution)."""
from __future__ import annotations

import pytest

from analysis.pipeline import analyse_text

AS_OF = "2025-01-01"


@pytest.mark.parametrize("text, right", [
    ("Кожному гарантується право на свободу думки і слова.", "expression"),
    ("Каждому гарантируется свобода мысли и слова.", "expression"),
    ("Freedom of speech is guaranteed.", "expression"),
    ("Цензура запрещается.", "expression"),
    ("Цензураға тыйым салынады.", "expression"),
    ("Свобода собраний гарантируется.", "assembly"),
    ("Ніхто не може зазнавати дискримінації за ознакою сексуальної орієнтації.", "equality"),
    ("Discrimination on the grounds of sexual orientation is prohibited.", "equality"),
])
def test_a_guarantee_engages_the_right_it_names(text, right):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.engages == (right,)
    assert analysis.verdict == "compatible"
    assert analysis.clauses[0].kind == "norm"
