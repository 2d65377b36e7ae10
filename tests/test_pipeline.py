"""End to end on real texts: the bundled 2024 petition, dev cases, review sidecar, JSON contract."""
from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from analysis.cases import read_case
from analysis.models import dump_json
from analysis.pipeline import analyse_cli, analyse_file, analyse_text, findings_frame
from analysis.review import write_review_template

ROOT = Path(__file__).resolve().parent.parent
PETITION = ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda"
DEV = ROOT.parent / "shared" / "eval" / "dev"
TOP_KEYS = {"input", "as_of", "kb_version", "verdict", "engages", "conflicts_iccpr",
            "targets_group", "vague_terms", "admissibility", "provisions", "clauses",
            "findings", "precedents"}


@pytest.fixture(scope="module")
def petition():
    return analyse_file(PETITION)


def _case(name: str):
    case = read_case(DEV / f"{name}.md")
    return analyse_text(case.text, metadata=case.metadata(), as_of=case.as_of, path=str(case.path))


def test_bundled_petition_conflicts_and_is_inadmissible(petition):
    a = petition
    assert a.as_of == date(2024, 5, 29)  # the day it was posted (front matter)
    assert a.verdict == "incompatible"
    assert {19, 26} <= set(a.conflicts_iccpr)
    assert a.provisions["kz-const-1995/art_14"] == "conflict"
    assert any(s == "conflict" for p, s in a.provisions.items()
               if p.startswith("kz-const-1995/art_20"))
    assert a.targets_group == "lgbt"
    assert a.admissibility.applicable and a.admissibility.answer == "inadmissible"
    assert a.admissibility.verification == "secondary-quote"
    assert {"ru", "uk", "en"} <= set(a.input.languages)
    assert a.precedents and a.precedents[0].citations
    assert any(f.id.startswith("document/") and f.status == "not_engaged" for f in a.findings)


def test_json_contract_and_determinism(petition):
    text = dump_json(petition)
    data = json.loads(text)
    assert TOP_KEYS <= set(data)
    assert {"path", "sha256", "languages", "completeness"} <= set(data["input"])
    f = data["findings"][0]
    assert {"id", "clause_id", "provision_id", "test_id", "status", "confidence", "rationale",
            "evidence", "authorities", "review"} <= set(f)
    c = data["clauses"][0]
    assert {"id", "language", "start", "end", "text", "kind", "spans"} <= set(c)
    again = dump_json(analyse_file(PETITION))
    assert again == text


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_rationales_quote_the_clause_and_evidence_is_in_the_original(petition):
    from analysis.text import read_document

    original = read_document(PETITION).original
    clauses = {c.id: _norm(c.text) for c in petition.clauses}
    everything = " ".join(clauses.values())
    for f in petition.findings:
        target = everything if f.clause_id == "document" else clauses[f.clause_id]
        for lang, text in f.rationale.items():
            quotes = [p.strip() for q in re.findall(r"«(.+?)»", text, flags=re.S)
                      for p in q.split("» … «")]
            assert any(_norm(q) in target for q in quotes if q), (f.id, lang)
        for s in f.evidence:
            assert original[s.start:s.end] == s.text


@pytest.mark.parametrize("name,verdict,conflicts", [
    ("uk-2023-petition-20mph-schools", "compatible", ()),
    ("uk-2010-equality-act-s13", "compatible", ()),
    ("ru-2013-135fz", "incompatible", (19, 26)),
])
def test_dev_cases(name, verdict, conflicts):
    a = _case(name)
    assert a.verdict == verdict
    assert set(conflicts) <= set(a.conflicts_iccpr)
    if not conflicts:
        assert a.conflicts_iccpr == () and a.targets_group == "none"


def test_after_the_2026_constitution_findings_say_the_text_is_missing():
    a = analyse_file(PETITION, as_of="2026-08-01")
    const = [f for f in a.findings if f.provision_id.startswith("kz-const-1995/")]
    assert const and {f.status for f in const} == {"needs_review"}
    assert {19, 26} <= set(a.conflicts_iccpr)


def test_review_sidecar_in_a_folder_is_applied_and_stale_reported(tmp_path, petition):
    folder = tmp_path / "petition"
    shutil.copytree(PETITION, folder)
    target = next(f for f in petition.findings
                  if f.provision_id == "iccpr/art_26" and f.status == "conflict"
                  and f.clause_id != "document")
    (folder / "review.yaml").write_text(
        "decisions:\n"
        f'  - finding: "{target.id}"\n'
        "    decision: edit\n    reviewer: \"A. Lawyer\"\n    date: 2024-08-01\n"
        "    status: concern\n    note: \"quoted by HRW, not the petition's words\"\n"
        '  - finding: "item_99/iccpr/art_26#non_discrimination"\n'
        "    decision: accept\n    reviewer: \"A. Lawyer\"\n    date: 2024-08-01\n",
        encoding="utf-8")
    a = analyse_file(folder)
    edited = next(f for f in a.findings if f.id == target.id)
    assert edited.status == "conflict" and edited.effective_status == "concern"
    assert edited.review.reviewer == "A. Lawyer"
    assert [s.finding_id for s in a.stale_reviews] == ["item_99/iccpr/art_26#non_discrimination"]
    assert any("no longer exist" in w for w in a.warnings)
    frame = findings_frame(a)
    row = frame[frame["id"] == target.id].iloc[0]
    assert row["status"] == "conflict" and row["effective_status"] == "concern"
    assert row["review_decision"] == "edit"
    # the template lists every finding id, keeping the decisions made
    tpl = tmp_path / "template.yaml"
    write_review_template(a, tpl)
    text = tpl.read_text(encoding="utf-8")
    assert all(f'"{f.id}"' in text for f in a.findings)
    assert "decision: edit" in text


def test_cli_writes_findings_json(tmp_path, capsys):
    import argparse

    out = tmp_path / "findings.json"
    args = argparse.Namespace(input=str(PETITION), out=str(out), as_of=None, review=None)
    assert analyse_cli(args) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["verdict"] == "incompatible"
