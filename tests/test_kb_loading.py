"""Loading the knowledge base: models, lookups, versions by date, caching, KB version."""
from __future__ import annotations

from datetime import date

import pytest

from analysis.errors import KnowledgeBaseError, TextUnavailableError
from analysis.framework import KnowledgeBase, clear_cache, load_kb
from analysis import models
from analysis.models import Authority, Provision


def test_mini_kb_loads_into_models(mini_kb):
    assert isinstance(mini_kb, KnowledgeBase)
    assert set(mini_kb.provisions) == {
        "iccpr/art_19__para_3", "iccpr/art_26", "kz-const-1995/art_20__para_3"}
    assert all(isinstance(p, Provision) for p in mini_kb.provisions.values())
    assert all(isinstance(a, Authority) for a in mini_kb.authorities.values())
    assert set(mini_kb.tests) == {
        "iccpr/art_19__para_3#legality", "iccpr/art_19__para_3#necessity_proportionality",
        "iccpr/art_26#non_discrimination", "kz-const-1995/art_20__para_3#closed_list"}


def test_tests_know_their_provision_and_authorities_resolve(mini_kb):
    t = mini_kb.test("iccpr/art_19__para_3#legality")
    assert isinstance(t, models.Test)
    assert t.provision_id == "iccpr/art_19__para_3"
    assert t.conditions["all"] == ("restricts_expression", "vague_term")
    cites = [mini_kb.authority(a).cite() for a in t.authorities]
    assert cites == [
        "HRC General Comment No. 34, CCPR/C/GC/34, para 25",
        "Nepomnyashchiy v. Russian Federation, CCPR/C/123/D/2318/2013, para 7.7",
    ]


def test_authority_id_defaults_to_source_and_paragraph(mini_kb):
    a = mini_kb.authority("nepomnyashchiy/para_7.4")
    assert a.paragraph == "7.4" and a.source_id == "nepomnyashchiy"
    assert "expressly draws a distinction" in a.quote


def test_unknown_ids_raise_clear_errors(mini_kb):
    with pytest.raises(KnowledgeBaseError, match="unknown authority 'nope/para_1'"):
        mini_kb.authority("nope/para_1")
    with pytest.raises(KnowledgeBaseError, match="unknown provision"):
        mini_kb.version_at("iccpr/art_99", date(2024, 6, 1))


def test_version_before_2026_gives_the_1995_text(mini_kb):
    v = mini_kb.version_at("kz-const-1995/art_20__para_3", date(2024, 6, 1))
    assert v.id == "1995"
    assert v.texts[0].text.startswith("Не допускаются пропаганда или агитация")


def test_version_after_2026_07_01_says_text_missing(mini_kb):
    with pytest.raises(TextUnavailableError, match="text not available") as info:
        mini_kb.version_at("kz-const-1995/art_20__para_3", "2026-08-01")
    assert "version '2026'" in str(info.value)
    # the last day of the 1995 text still works
    assert mini_kb.version_at("kz-const-1995/art_20__para_3", "2026-06-30").id == "1995"


def test_iccpr_not_in_force_for_kazakhstan_before_2006(mini_kb):
    with pytest.raises(TextUnavailableError, match="no version .* in force on 2006-04-23"):
        mini_kb.version_at("iccpr/art_26", date(2006, 4, 23))
    assert mini_kb.version_at("iccpr/art_26", date(2006, 4, 24)).id == "kz-2006"


def test_bad_as_of_is_a_plain_error(mini_kb):
    with pytest.raises(KnowledgeBaseError, match="not a date"):
        mini_kb.version_at("iccpr/art_26", "yesterday")


def test_loading_is_cached_per_folder(mini_kb_dir):
    assert load_kb(mini_kb_dir) is load_kb(mini_kb_dir)


def test_kb_version_is_deterministic_and_tracks_edits(mini_kb_copy):
    first = load_kb(mini_kb_copy).version
    clear_cache()
    assert load_kb(mini_kb_copy).version == first
    assert first.startswith("0.0.1-mini+") and len(first.split("+")[1]) == 12
    path = mini_kb_copy / "authorities" / "mini.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "no unfettered discretion for officials", "officials get no unfettered discretion"),
        encoding="utf-8")
    assert load_kb(mini_kb_copy).version != first


def test_context_timeline_loaded(mini_kb):
    assert [e.date for e in mini_kb.context.timeline] == ["2026-03-15", "2026-07-01"]
    assert mini_kb.context.timeline[1].sources == ("kz-const-2026",)
