"""The case-file parser reads every real case of shared/eval exactly as its README describes."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from analysis.cases import list_case_files, normalise_completeness, parse_case, read_case
from analysis.errors import CaseFormatError, InputError

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "data" / "cases"
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev"

ALL_CASES = sorted(p for p in CASES.glob("*.md") if p.name != "README.md")


def test_bundled_cases_are_unchanged_copies_of_the_shared_dev_set():
    if not SHARED_DEV.is_dir():
        pytest.skip("shared/eval/dev not available on this machine")
    shared = {p.name: p.read_bytes() for p in SHARED_DEV.glob("*.md")}
    bundled = {p.name: p.read_bytes() for p in ALL_CASES}
    assert bundled == shared


def test_list_case_files_skips_the_readme_and_sorts():
    files = list_case_files(CASES)
    assert [f.name for f in files] == sorted(f.name for f in files)
    assert "README.md" not in {f.name for f in files}
    assert len(files) == 7


@pytest.mark.parametrize("path", ALL_CASES, ids=lambda p: p.stem)
def test_every_case_parses_with_fields_sections_and_labels(path):
    case = read_case(path)
    assert case.case_id == path.stem
    assert case.title and not case.title.startswith("#")
    assert set(case.fields) >= {"case_id", "jurisdiction", "year", "instrument", "status",
                                "text_language", "text_completeness", "paraphrase",
                                "source_urls"}
    assert case.sections and all(s.text.strip() for s in case.sections)
    assert all(s.language in ("ru", "en", "kk", "uk") for s in case.sections)
    # no fence or heading leaks into the text to analyse
    assert "```" not in case.text and "\n###" not in case.text
    assert case.expected.verdict in ("incompatible", "compatible")
    assert case.year is not None and case.as_of == date(case.year, 6, 30)
    for term in case.expected.vague_terms:  # the README: exact strings from the text
        assert term.lower() in case.text.lower()


def test_kz_2015_fields_sections_paraphrase_and_mixed_languages():
    case = read_case(CASES / "kz-2015-children-info-bill.md")
    assert case.fields["jurisdiction"] == "Kazakhstan"
    assert case.year == 2015
    assert case.fields["paraphrase"] == "yes, largely"
    assert [(s.letter, s.language, s.paraphrase) for s in case.sections] == [
        ("A", "en", True), ("B", "ru", False)]
    assert case.languages == ("en", "ru")
    assert case.completeness == "quoted-fragments"
    assert case.paraphrase is True
    assert case.kind == "law"
    # the two blocks are joined with a blank line into one document
    a, b = case.sections
    assert case.text == a.text + "\n\n" + b.text
    assert case.text.startswith("In February 2015, the draft law")
    assert case.text.rstrip().endswith("от 18 мая 2015 года № 3")
    assert case.expected.engages == {"expression", "equality", "children"}
    assert case.expected.conflicts_iccpr == {19, 26}
    assert case.expected.targets_group == "lgbt"
    assert case.expected.vague_terms == ("propagandizing nontraditional sexual orientation",)
    assert case.authority.startswith("Constitutional Council of Kazakhstan")


def test_ru_2013_excerpt_ends_and_completeness():
    case = read_case(CASES / "ru-2013-135fz.md")
    ru, en = case.sections
    assert ru.language == "ru" and ru.excerpt_ends and ru.text.rstrip().endswith("[excerpt ends]")
    assert en.language == "en" and not en.excerpt_ends and not en.paraphrase
    assert ru.text.startswith("Статья 6.21. Пропаганда нетрадиционных сексуальных отношений")
    assert case.completeness == "excerpt"  # "partial-verbatim: ..."
    assert case.paraphrase is True  # header: "partly (...)"
    assert len(case.expected.vague_terms) == 4


def test_uk_cases_petition_kind_none_engages_and_section_without_letter():
    petition = read_case(CASES / "uk-2023-petition-20mph-schools.md")
    assert petition.kind == "petition"
    assert petition.expected.engages == frozenset()  # `[none]` is the empty set
    assert petition.expected.verdict == "compatible"
    assert petition.expected.conflicts_iccpr == frozenset()
    (section,) = petition.sections
    assert section.letter is None and section.language == "en"
    assert petition.completeness == "full" and petition.paraphrase is False
    act = read_case(CASES / "uk-2010-equality-act-s13.md")
    assert act.fields["paraphrase"].startswith("no")
    assert act.paraphrase is False
    assert act.expected.targets_group == "none"
    meta = act.metadata()
    assert meta["kind"] == "law" and meta["year"] == 2010 and meta["languages"] == ["en"]
    assert meta["source_urls"][0] == "https://www.legislation.gov.uk/ukpga/2010/15/section/13/data.html"


def test_kz_2024_petition_metadata():
    case = read_case(CASES / "kz-2024-petition-lgbt-propaganda.md")
    meta = case.metadata()
    assert meta["kind"] == "petition"
    assert meta["jurisdiction"] == "Kazakhstan"
    assert meta["completeness"] == "quoted-fragments"
    assert len(case.sections) == 3
    assert case.expected.conflicts_iccpr == {19, 21, 22, 26}


@pytest.mark.parametrize("value,expected", [
    ("full", "full"),
    ("full-clause for s. 13", "full"),
    ("quoted-fragments (title + core demand)", "quoted-fragments"),
    ("partial-verbatim: part 1", "excerpt"),
    ("paraphrase", "paraphrase"),
    ("something else", "unknown"),
])
def test_normalise_completeness(value, expected):
    assert normalise_completeness(value) == expected


def _replace(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


GOOD = (CASES / "uk-2023-petition-20mph-schools.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("mutate,message", [
    (lambda t: t.replace("# UK Parliament", "UK Parliament", 1), "level-1 heading"),
    (lambda t: _replace(t, "| case_id | uk-2023-petition-20mph-schools |\n", ""), "case_id"),
    (lambda t: _replace(t, "## TEXT", "## Texts"), "TEXT"),
    (lambda t: _replace(t, "```yaml", "```json"), "yaml"),
    (lambda t: _replace(t, "verdict: compatible", "verdict: fine"), "verdict"),
    (lambda t: _replace(t, "conflicts_iccpr: []", "conflicts_iccpr: [nineteen]"), "article"),
    (lambda t: _replace(t, "targets_group: none\n", ""), "targets_group"),
    (lambda t: _replace(t, "engages: [none]", "engages: [none"), "YAML"),
    (lambda t: t[: t.rindex("```")], "not closed"),
])
def test_broken_case_raises_case_format_error_with_where_and_hint(mutate, message):
    with pytest.raises(CaseFormatError) as info:
        parse_case(mutate(GOOD), path="broken.md")
    err = info.value
    assert isinstance(err, InputError)
    assert message.lower() in err.message.lower()
    assert err.where.startswith("broken.md") and err.hint


def test_yaml_error_names_the_line_in_the_file():
    broken = _replace(GOOD, "engages: [none]", "engages: [none")
    with pytest.raises(CaseFormatError) as info:
        parse_case(broken, path="broken.md")
    line = int(info.value.where.split(":")[1])
    lines = broken.split("\n")
    # YAML reports a bad flow sequence at the line where it notices it: the next one
    assert lines[line - 1].startswith(("engages:", "conflicts_iccpr:"))


def test_unfamiliar_right_or_group_is_kept_not_rejected():
    case = parse_case(_replace(_replace(GOOD, "engages: [none]", "engages: [Fair_Trial, none]"),
                               "targets_group: none", "targets_group: Migrants"), path="x.md")
    assert case.expected.engages == {"fair_trial"}
    assert case.expected.targets_group == "migrants"


def test_heading_with_two_text_blocks_is_rejected():
    doubled = _replace(GOOD, "```text\n", "```text\nextra\n```\n\n```text\n")
    with pytest.raises(CaseFormatError, match="expected one"):
        parse_case(doubled, path="broken.md")


def test_not_a_folder_and_empty_folder(tmp_path):
    with pytest.raises(CaseFormatError):
        list_case_files(tmp_path / "missing")
    (tmp_path / "README.md").write_text("# not a case\n", encoding="utf-8")
    with pytest.raises(CaseFormatError, match="no case files"):
        list_case_files(tmp_path)
