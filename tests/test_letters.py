"""Letters: only accepted findings, a prominent draft notice before review, the appeal's
three recommendations and the addressee taken from the knowledge base."""
from __future__ import annotations

import io

import pytest

from analysis.models import Review
from analysis.report.letters import render_letters
from tests.test_report import fixture_analysis, load_kb_or_none

APPEAL = "/work/shared/sources/appeal/000_b80915706b8cec58.txt"


@pytest.fixture(scope="module")
def kb():
    kb = load_kb_or_none()
    if kb is None:
        pytest.skip("knowledge base not loadable yet")
    return kb


def _docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def _texts(letters: dict[str, bytes]) -> dict[str, str]:
    return {k: _docx_text(v) if k.endswith(".docx") else v.decode("utf-8")
            for k, v in letters.items()}


def test_unreviewed_letters_say_they_are_drafts_at_the_top(kb):
    texts = _texts(render_letters(fixture_analysis(), kb=kb))
    assert len(texts) == 8
    for name, text in texts.items():
        head = text[:400]
        assert ("DRAFT" in head and "UNREVIEWED" in head) or ("ПРОЕКТ" in head
                                                               and "НЕПРОВЕРЕННЫХ" in head), name


def test_letters_cite_only_accepted_findings(kb):
    a = fixture_analysis()
    ok = Review(decision="accept", reviewer="A. Lawyer", date="2024-07-30")
    no = Review(decision="reject", reviewer="A. Lawyer", date="2024-07-30", note="overstated")
    decide = {"p_3/iccpr/art_26#non_discrimination": ok,
              "title/iccpr/art_19__para_3#legality": no}
    findings = tuple(f.model_copy(update={"review": decide.get(f.id)}) for f in a.findings)
    texts = _texts(render_letters(a.model_copy(update={"findings": findings}), kb=kb))
    accepted = a.findings[[f.id for f in a.findings].index(
        "p_3/iccpr/art_26#non_discrimination")]
    rejected = a.findings[[f.id for f in a.findings].index(
        "title/iccpr/art_19__para_3#legality")]
    unreviewed = a.findings[[f.id for f in a.findings].index(
        "p_3/iccpr/art_19__para_3#necessity_proportionality")]
    for name, text in texts.items():
        lang = name.split(".")[1]
        assert accepted.rationale[lang] in text, name
        assert rejected.rationale[lang] not in text, name
        assert unreviewed.rationale[lang] not in text, name
        assert "DRAFT" not in text and "ПРОЕКТ" not in text


def test_letters_include_the_appeals_three_recommendations_and_addressee(kb):
    appeal = open(APPEAL, encoding="utf-8").read()
    recs = [r.text for r in kb.context.recommendations]
    assert len(recs) == 3
    texts = _texts(render_letters(fixture_analysis(), kb=kb))
    for rec in recs:
        assert rec.rstrip(".,") in appeal  # the KB holds the appeal's own words
    for name, text in texts.items():
        for rec in recs:
            assert rec in text, (name, rec)
        if name.startswith("complaint"):
            assert kb.context.addressee.email in text
            assert kb.context.addressee.name[name.split(".")[1]] in text
        assert "[" in text and ("[Your full name]" in text or "[Ваши фамилия, имя]" in text)
