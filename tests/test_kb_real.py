"""The bundled knowledge base (data/): it passes its own checks, covers what the issue asks,
selects versions by date, and its facts match the shared sources they come from."""
from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from analysis.errors import TextUnavailableError
from analysis.framework import DEFAULT_DATA_DIR, check_sources, load_kb
from analysis.models import VERIFICATION_ORDER
from analysis.sources import normalise_for_match

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "sources"


def test_check_sources_cli_passes_and_prints_counts():
    proc = subprocess.run([sys.executable, "-m", "analysis", "check-sources"],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for word in ("sources:", "provisions:", "tests:", "authorities:", "quotes checked"):
        assert word in out


def test_required_provisions_exist(real_kb):
    needed = [
        "iccpr/art_2__para_1", "iccpr/art_17", "iccpr/art_19__para_2", "iccpr/art_19__para_3",
        "iccpr/art_20", "iccpr/art_21", "iccpr/art_22", "iccpr/art_24", "iccpr/art_26",
        "kz-const-1995/art_1", "kz-const-1995/art_4__para_3", "kz-const-1995/art_12",
        "kz-const-1995/art_13", "kz-const-1995/art_14", "kz-const-1995/art_18",
        "kz-const-1995/art_20", "kz-const-1995/art_20__para_3", "kz-const-1995/art_23",
        "kz-const-1995/art_32", "kz-const-1995/art_33__para_1", "kz-const-1995/art_39",
        "kz-appc/art_90-4", "kz-appc/art_90-5", "kz-appc/petitions__exclusion",
        "kz-cc-2015-3/resolution",
    ]
    assert not [p for p in needed if p not in real_kb.provisions]


def test_required_tests_exist(real_kb):
    needed = [
        "iccpr/art_19__para_2#engagement", "iccpr/art_19__para_3#legality",
        "iccpr/art_19__para_3#legitimate_aim", "iccpr/art_19__para_3#necessity_proportionality",
        "iccpr/art_26#non_discrimination", "iccpr/art_2__para_1#non_discrimination",
        "iccpr/art_21#engagement", "iccpr/art_22#engagement", "iccpr/art_17#engagement",
        "iccpr/art_24#engagement", "kz-const-1995/art_14#non_discrimination",
        "kz-const-1995/art_20__para_3#closed_list", "kz-const-1995/art_20__para_1#censorship",
        "kz-const-1995/art_39#legitimate_aim", "kz-const-1995/art_4__para_3#treaty_priority",
        "kz-appc/petitions__exclusion#admissibility", "kz-cc-2015-3/resolution#precedent",
    ]
    assert not [t for t in needed if t not in real_kb.tests]
    for t in real_kb.tests.values():
        assert {"en", "ru"} <= set(t.question) and {"en", "ru"} <= set(t.rationale)
        assert {"en", "ru"} <= set(t.rationale_ok)
        if t.kind in ("necessity", "proportionality", "necessity_proportionality"):
            # a raised necessity test without a defect is worded from the data, not the code
            assert {"en", "ru"} <= set(t.rationale_concern) and {"en", "ru"} <= set(t.rationale_on_list)


def test_required_authorities_exist(real_kb):
    gc34 = [11, 12, 21, 22, 23, 24, 25, 26, 27, 32, 33, 34, 35, 36, 43, 50, 51, 52]
    needed = [f"ccpr-c-gc-34/para_{n}" for n in gc34]
    needed += [f"ccpr-gc-18/para_{n}" for n in (7, 12, 13)] + ["toonen/para_8.7"]
    needed += [f"fedotova/para_10.{n}" for n in range(2, 9)] + ["fedotova/para_12"]
    needed += [f"nepomnyashchiy/para_7.{n}" for n in range(3, 10)]
    needed += ["alekseev-2016/para_7.7", "alekseev-2016/para_7.8", "alekseev-2017/para_9.8",
               "ccpr-c-gc-37/para_25", "ccpr-c-gc-37/para_46", "crc-gc-20/para_33",
               "crc-gc-20/para_34", "ccpr-c-kaz-co-2/para_9", "ccpr-c-kaz-co-2/para_10"]
    assert not [a for a in needed if a not in real_kb.authorities]
    for src in ("un-experts-2024-07-31", "un-experts-2025-11", "bayev", "macate",
                "venice-cdl-ad-2013-022", "cjeu-c-769-22"):
        found = [a for a in real_kb.authorities.values() if a.source_id == src]
        assert found and all(a.paragraph is None for a in found), src


def test_dated_selection_constitution(real_kb):
    v = real_kb.version_at("kz-const-1995/art_20__para_3", date(2024, 6, 1))
    assert v.id == "1995"
    assert any("сословного и родового превосходства" in t.text for t in v.texts)
    with pytest.raises(TextUnavailableError, match="text not available"):
        real_kb.version_at("kz-const-1995/art_20__para_3", date(2026, 8, 1))
    for pid, prov in real_kb.provisions.items():
        if pid.startswith("kz-const-1995/"):
            with pytest.raises(TextUnavailableError):
                real_kb.version_at(pid, date(2026, 8, 1))


def test_treaty_priority_wording_changed_in_2017(real_kb):
    old = real_kb.version_at("kz-const-1995/art_4__para_3", date(2010, 1, 1))
    new = real_kb.version_at("kz-const-1995/art_4__para_3", date(2024, 6, 1))
    assert "shall apply directly" in old.texts[0].text
    assert all("apply directly" not in t.text for t in new.texts)
    assert {t.lang for t in new.texts} == {"ru", "kk", "en"}


def test_iccpr_binds_kazakhstan_from_24_april_2006(real_kb):
    v = real_kb.version_at("iccpr/art_19__para_3", date(2024, 6, 1))
    assert v.valid_from == date(2006, 4, 24)
    assert "provided by law and are necessary" in v.texts[0].text
    with pytest.raises(TextUnavailableError):
        real_kb.version_at("iccpr/art_19__para_3", date(2006, 4, 23))


def test_petitions_rules_are_marked_secondary(real_kb):
    v = real_kb.version_at("kz-appc/petitions__exclusion", date(2024, 6, 1))
    assert {t.verification for t in v.texts} == {"secondary-quote"}
    assert "may lead to violations of human rights and freedoms" in v.texts[0].text
    with pytest.raises(TextUnavailableError):  # the Dec 2025 extension did not apply in 2024
        real_kb.version_at("kz-appc/petitions__excluded_topics_2025", date(2024, 6, 1))
    ext = real_kb.version_at("kz-appc/petitions__excluded_topics_2025", date(2026, 1, 15))
    assert "общественной нравственности" in ext.texts[0].text


def test_no_verification_above_the_shared_file_level(real_kb):
    """Sources the shared packs label as secondary or summary stay at that level."""
    expected_max = {"venice-cdl-ad-2013-022": "secondary-quote", "kz-appc": "secondary-quote",
                    "kz-const-2026": "summary", "kz-petition-2024": "summary"}
    for sid, level in expected_max.items():
        assert VERIFICATION_ORDER[real_kb.sources[sid].verification] <= VERIFICATION_ORDER[level]


def test_source_copies_are_byte_identical_to_shared():
    if not SHARED.is_dir():
        pytest.skip("../shared/sources not present")
    registry = load_kb().sources
    files = {s.file for s in registry.values() if s.file}
    assert files
    for rel in sorted(files):
        assert (DEFAULT_DATA_DIR / "sources" / rel).read_bytes() == (SHARED / rel).read_bytes(), rel


def test_context_recommendations_and_addressee_are_verbatim_from_the_appeal(real_kb):
    appeal = SHARED / "appeal" / "000_b80915706b8cec58.txt"
    if not appeal.is_file():
        pytest.skip("../shared/sources/appeal not present")
    text = normalise_for_match(appeal.read_text(encoding="utf-8"))
    recs = real_kb.context.recommendations
    assert len(recs) == 3
    for rec in recs:
        assert normalise_for_match(rec.text) in text, rec.id
    addr = real_kb.context.addressee
    assert addr.email == "k.kense@mki.gov.kz" and addr.deadline == date(2024, 8, 3)
    assert normalise_for_match(addr.quote) in text


def test_thresholds_are_dated_and_sourced(real_kb):
    th = real_kb.context.thresholds
    assert th["government_signatures"].value_at(date(2024, 6, 1)).value == 50000
    assert th["publish_supporters"].value_at(date(2024, 6, 1)).value == 50
    assert th["consideration_days_central"].value_at(date(2024, 6, 1)).value == 40
    assert th["consideration_days_local"].value_at(date(2024, 6, 1)).value == 20
    assert th["government_signatures"].value_at(date(2023, 1, 1)) is None


def test_timeline_is_dated_2024_to_2026_and_sourced(real_kb):
    events = real_kb.context.timeline
    assert {e.date[:4] for e in events} == {"2024", "2025", "2026"}
    assert all(e.sources for e in events)


def test_official_petitions_wording_is_a_one_file_edit(tmp_path):
    """Replacing the secondary description by official wording: edit kz-petitions.yaml only."""
    dst = tmp_path / "data"
    for sub in ("sources", "framework", "authorities", "context"):
        shutil.copytree(DEFAULT_DATA_DIR / sub, dst / sub)
    path = dst / "framework" / "kz-petitions.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("sources: []", """sources:
  - id: kz-appc-official
    title: "APPC (K2000000350), official text of arts 90-1 to 90-6"
    kind: statute
    languages: [ru]
    verification: official
    completeness: "verbatim, art. 90-x (test wording)"
    file: null""")
    start = text.index("          - lang: en\n            source_id: un-experts-2024-07-31")
    end = text.index("    tests:", start)
    official = ("          - lang: ru\n            source_id: kz-appc-official\n"
                "            verification: official\n"
                "            text: \"Предметом петиции не могут быть (test wording).\"\n")
    path.write_text(text[:start] + official + text[end:], encoding="utf-8")
    kb = load_kb(dst)
    v = kb.version_at("kz-appc/petitions__exclusion", date(2024, 6, 1))
    assert [(t.source_id, t.verification) for t in v.texts] == [("kz-appc-official", "official")]
    assert any("kz-appc/petitions__exclusion" in u for u in check_sources(dst).unchecked)
    assert "kz-appc/petitions__exclusion#admissibility" in kb.tests
