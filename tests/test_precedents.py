"""Precedent library: resolvable citations, cross-language similarity, no match for protection."""
from __future__ import annotations

import pytest

from analysis.errors import KnowledgeBaseError
from analysis.precedents import load_precedents, similar_precedents
from test_signals import EQUALITY_ACT, KOAP_621, PETITION_DEMAND, SPEED_LIMIT


def test_library_covers_the_instruments_the_issue_names():
    ids = {p.id for p in load_precedents()}
    assert {"ru-ryazan-2008-s3-10", "ru-koap-6-21-2013", "lt-minors-law-macate-2023",
            "kz-2015-children-information-law", "hu-2021-child-protection-law"} <= ids


def test_every_citation_resolves_in_the_knowledge_base():
    from analysis.framework import load_kb

    kb = load_kb()
    for p in load_precedents():
        assert p.citations, p.id
        for cid in p.citations:
            assert kb.authority(cid).id == cid


def test_same_ban_in_russian_and_in_english_finds_the_propaganda_precedents():
    ru = similar_precedents([KOAP_621])
    en = similar_precedents([PETITION_DEMAND])
    propaganda_laws = {"ru-ryazan-2008-s3-10", "ru-arkhangelsk-2011-s2-13", "ru-koap-6-21-2013"}
    assert ru and en
    assert ru[0].id in propaganda_laws and en[0].id in propaganda_laws
    assert "group:lgbt" in ru[0].shared_concepts and "group:lgbt" in en[0].shared_concepts
    for matches in (ru, en):
        sims = [m.similarity for m in matches]
        assert sims == sorted(sims, reverse=True) and all(0 < s <= 1 for s in sims)
        assert all(m.citations for m in matches)


def test_protective_and_unrelated_texts_match_no_precedent():
    assert similar_precedents([EQUALITY_ACT]) == ()
    assert similar_precedents([SPEED_LIMIT]) == ()


def test_similarity_is_deterministic():
    assert similar_precedents([KOAP_621, PETITION_DEMAND]) == \
        similar_precedents([KOAP_621, PETITION_DEMAND])


def test_broken_precedent_file_names_the_field(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "id: x\ntitle: t\njurisdiction: KZ\noutcome: o\ncitations: [a]\nconcepts:\n  lgbt: 2\n",
        encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as exc:
        load_precedents(tmp_path)
    assert "concepts" in exc.value.where
