"""Each integrity rule of the knowledge base, shown failing on a copy of the mini KB with one
thing broken; every error names the file, the entry and the field, and nothing is loaded."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.errors import KnowledgeBaseError
from analysis.framework import check_sources, load_kb

REPO = Path(__file__).resolve().parent.parent


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def fails(kb_dir: Path, *patterns: str) -> str:
    with pytest.raises(KnowledgeBaseError) as info:
        load_kb(kb_dir)
    msg = info.value.render()
    for p in patterns:
        assert re.search(p, msg), f"{p!r} not in:\n{msg}"
    return msg


def test_unmodified_copy_passes(mini_kb_copy):
    report = check_sources(mini_kb_copy)
    assert (report.provisions, report.tests, report.authorities) == (3, 4, 4)
    assert report.quotes_checked == 7 and report.pinpoints_checked == 4


# ----------------------------------------------------------------- rule 1: references resolve

def test_test_citing_unknown_authority(mini_kb_copy):
    edit(mini_kb_copy / "framework/iccpr.yaml", "nepomnyashchiy/para_7.7]",
         "nepomnyashchiy/para_7.77]")
    fails(mini_kb_copy, r"framework/iccpr\.yaml:\d+", r"iccpr/art_19__para_3#legality",
          r"field 'authorities'", r"unknown authority 'nepomnyashchiy/para_7\.77'")


def test_text_citing_unknown_source(mini_kb_copy):
    edit(mini_kb_copy / "framework/kz-constitution.yaml", "source_id: kz-const-1995",
         "source_id: kz-const-1993")
    fails(mini_kb_copy, r"framework/kz-constitution\.yaml:\d+",
          r"kz-const-1995/art_20__para_3 version '1995'", r"field 'source_id'",
          r"unknown source 'kz-const-1993'")


def test_authority_citing_unknown_source(mini_kb_copy):
    edit(mini_kb_copy / "authorities/mini.yaml", "- source_id: nepomnyashchiy",
         "- source_id: nepomniachtchi")
    fails(mini_kb_copy, r"authorities/mini\.yaml:\d+", r"nepomniachtchi/para_7\.4",
          r"unknown source 'nepomniachtchi'")


def test_timeline_event_citing_unknown_source(mini_kb_copy):
    edit(mini_kb_copy / "context/timeline.yaml", "sources: [kz-const-2026]",
         "sources: [kz-const-2027]")
    fails(mini_kb_copy, r"context/timeline\.yaml:\d+", r"unknown source 'kz-const-2027'")


def test_source_copy_missing(mini_kb_copy):
    (mini_kb_copy / "sources/intl/gc34_excerpt.txt").unlink()
    fails(mini_kb_copy, r"sources/registry\.yaml:\d+", r"entry 'ccpr-c-gc-34'", r"field 'file'",
          r"does not exist")


# ----------------------------------------------------------------- rule 2: text and source

def test_provision_with_only_a_textless_version(mini_kb_copy):
    path = mini_kb_copy / "framework/kz-constitution.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('      - id: "1995"')
    end = text.index('      - id: "2026"')
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    fails(mini_kb_copy, r"kz-constitution\.yaml:\d+", r"kz-const-1995/art_20__para_3",
          r"no version with text")


def test_text_without_source_id_is_one_clear_error(mini_kb_copy):
    """A user's replacement file with a missing field: one error naming file, entry, field."""
    edit(mini_kb_copy / "framework/kz-constitution.yaml",
         "            source_id: kz-const-1995\n", "")
    msg = fails(mini_kb_copy, r"^framework/kz-constitution\.yaml:\d+",
                r"entry 'kz-const-1995/art_20__para_3'",
                r"field 'versions\.0\.texts\.0\.source_id' is missing")
    assert "Traceback" not in msg and msg.count("is missing") == 1


def test_misspelt_field_is_not_ignored(mini_kb_copy):
    edit(mini_kb_copy / "framework/iccpr.yaml", "    rights: [equality]", "    rigths: [equality]")
    fails(mini_kb_copy, r"entry 'iccpr/art_26'", r"field 'rigths' is not a known field")


def test_bad_verification_level_is_named(mini_kb_copy):
    edit(mini_kb_copy / "authorities/mini.yaml", "verification: official", "verification: verified")
    fails(mini_kb_copy, r"authorities/mini\.yaml:\d+", r"field 'verification' must be one of")


# ----------------------------------------------------------------- rule 3: verbatim quotes

def test_authority_quote_with_a_changed_word(mini_kb_copy):
    edit(mini_kb_copy / "authorities/mini.yaml", "Restrictions must not be overbroad.",
         "Restrictions must not be too broad.")
    fails(mini_kb_copy, r"authorities/mini\.yaml:\d+", r"ccpr-c-gc-34/para_34", r"field 'quote'",
          r"does not occur in its source 'ccpr-c-gc-34' \(intl/gc34_excerpt\.txt\)")


def test_provision_text_with_a_changed_word(mini_kb_copy):
    edit(mini_kb_copy / "framework/iccpr.yaml", "equal protection of the law.",
         "equal treatment by the law.")
    fails(mini_kb_copy, r"iccpr/art_26 version 'kz-2006' text \[en\]", r"field 'text'",
          r"does not occur in its source 'iccpr'")


def test_quotes_match_across_spacing_and_quote_marks(mini_kb_copy):
    # the source writes “margin”-style curly quotes and wraps lines; straight quotes and
    # different spacing must still match
    edit(mini_kb_copy / "authorities/mini.yaml", "Restrictions must not be overbroad.",
         "Restrictions must   not be\n      overbroad. The Committee observed in general comment "
         "No. 27 that \\\"restrictive measures must conform to the principle of proportionality")
    assert check_sources(mini_kb_copy).quotes_checked == 7


def test_pinpoint_paragraph_must_hold_the_quote(mini_kb_copy):
    edit(mini_kb_copy / "authorities/mini.yaml", 'paragraph: "34"', 'paragraph: "33"')
    fails(mini_kb_copy, r"ccpr-c-gc-34/para_33", r"field 'paragraph'",
          r"does not show the quote under paragraph 33")


# ----------------------------------------------------------------- rule 4: dates

def test_overlapping_versions(mini_kb_copy):
    edit(mini_kb_copy / "framework/kz-constitution.yaml", "valid_from: 2026-07-01",
         "valid_from: 2026-06-01")
    fails(mini_kb_copy, r"kz-const-1995/art_20__para_3", r"field 'versions'",
          r"versions '1995' and '2026' overlap")


def test_impossible_date_is_named(mini_kb_copy):
    edit(mini_kb_copy / "framework/kz-constitution.yaml", "valid_to: 2026-06-30",
         "valid_to: 2026-06-31")
    fails(mini_kb_copy, r"kz-const-1995/art_20__para_3", r"valid_to.*must be a date")


# ----------------------------------------------------------------- rule 5: signals

def test_condition_with_unknown_signal(mini_kb_copy):
    edit(mini_kb_copy / "framework/iccpr.yaml", "all: [distinction]", "all: [discrimination]")
    fails(mini_kb_copy, r"iccpr/art_26#non_discrimination", r"field 'conditions\.all'",
          r"unknown signal 'discrimination'")


def test_condition_with_unknown_key(mini_kb_copy):
    edit(mini_kb_copy / "framework/iccpr.yaml", "all: [distinction]", "every: [distinction]")
    fails(mini_kb_copy, r"iccpr/art_26#non_discrimination", r"condition key 'every'")


# ----------------------------------------------------------------- rule 6: never upgrade

def test_text_claiming_more_than_its_source(mini_kb_copy):
    edit(mini_kb_copy / "sources/registry.yaml",
         '    date: "1995-08-30"\n    verification: official',
         '    date: "1995-08-30"\n    verification: summary')
    fails(mini_kb_copy, r"kz-const-1995/art_20__para_3", r"field 'verification'",
          r"'secondary-quote' is above its source's level 'summary'")


# ----------------------------------------------------------------- files and syntax

def test_yaml_syntax_error_names_the_line(mini_kb_copy):
    path = mini_kb_copy / "authorities/mini.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace('paragraph: "25"', 'paragraph: "25')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fails(mini_kb_copy, r"^authorities/mini\.yaml:\d+:\d+: this is not valid YAML")


def test_duplicate_provision_id(mini_kb_copy):
    edit(mini_kb_copy / "framework/iccpr.yaml", "- id: iccpr/art_26", "- id: iccpr/art_19__para_3")
    fails(mini_kb_copy, r"provision id 'iccpr/art_19__para_3' is defined twice")


def test_nothing_is_half_loaded(mini_kb_copy):
    good = load_kb(mini_kb_copy)
    edit(mini_kb_copy / "authorities/mini.yaml", "Restrictions must not be overbroad.",
         "Restrictions must not be broad.")
    for _ in range(2):  # the broken folder never yields a KB, not even from the cache
        with pytest.raises(KnowledgeBaseError):
            load_kb(mini_kb_copy)
    assert good.authority("ccpr-c-gc-34/para_34").quote == "Restrictions must not be overbroad."


def test_cli_reports_broken_kb_plainly(mini_kb_copy):
    edit(mini_kb_copy / "framework/iccpr.yaml", "all: [distinction]", "all: [discrimination]")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "check-sources", "--data", str(mini_kb_copy)],
        capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 2
    assert "unknown signal 'discrimination'" in proc.stderr
    assert "What to do:" in proc.stderr and "Traceback" not in proc.stderr


def test_missing_folder_is_a_plain_error(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="does not exist"):
        load_kb(tmp_path / "nowhere")
