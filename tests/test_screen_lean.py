"""Lean reasoning (batch screening) gives the same answers as the full analysis.

``screen`` keeps one row per text, so it reasons with ``reason(..., lean=True)``: the clause
findings that were not raised are kept as groups of clause positions and nothing is worded.
These tests compare the two paths finding by finding (every field but the rationale) and row
by row, on the bundled petitions, the labelled cases and the shared legal sources, at dates
that exercise every branch: the text's own date, a date when the Constitution's new text is
missing from the knowledge base (needs_review findings), and a date before the Covenant bound
Kazakhstan.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from analysis.framework import load_kb
from analysis.nlp import annotate_many
from analysis.pipeline import (
    analyse_annotated, choose_as_of, outcome_of, screen_annotated, top_finding,
)
from analysis.reasoning import DOCUMENT, reason, unraised_findings
from analysis.screen import row_from_analysis, row_from_outcome
from analysis.signals import completeness_of
from analysis.text import read_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PETITION = ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda"
DATES = (None, "2026-08-01", "2005-01-01")


def _paths() -> list[Path]:
    paths = sorted((ROOT / "data" / "petitions").iterdir())
    paths += sorted(p for p in (ROOT / "data" / "cases").glob("*.md") if p.name != "README.md")
    paths += sorted((SHARED / "sources").rglob("*.txt"))
    return [p for p in paths if p.is_dir() or p.stat().st_size < 200_000]


@pytest.fixture(scope="module")
def annotated():
    docs = [read_document(p) for p in _paths()]
    return list(zip(docs, annotate_many(docs)))


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _fields(f):
    return (f.id, f.clause_id, f.provision_id, f.test_id, f.status, f.severity, f.confidence,
            f.evidence, f.authorities)


def test_the_texts_compared_raise_every_status(annotated, kb):
    """Guard for the comparisons below: they mean something only if the texts raise
    conflicts, concerns and needs_review findings as well as leaving tests unraised."""
    seen = set()
    for _, ann in annotated[:12]:
        for as_of in DATES[:2]:
            a = analyse_annotated(ann, kb=kb, as_of=as_of, path="<test>")
            seen |= {f.status for f in a.findings}
    assert seen >= {"conflict", "concern", "compatible", "not_engaged", "needs_review"}
    assert len(annotated) >= 30


@pytest.mark.parametrize("as_of", DATES)
def test_lean_findings_are_the_full_findings_without_words(annotated, kb, as_of):
    for doc, ann in annotated:
        meta = dict(doc.metadata or {})
        when, _ = choose_as_of(as_of, meta, kb)
        clauses = [c for c in ann.clauses if c.language is not None]
        kw = dict(as_of=when, metadata=meta, completeness=completeness_of(meta))
        full = reason(clauses, kb, **kw)
        lean = reason(clauses, kb, lean=True, **kw)
        rebuilt = list(lean.findings) + unraised_findings(lean, ("compatible", "not_engaged"))
        assert sorted(map(_fields, rebuilt)) == sorted(map(_fields, full.findings)), doc.path
        # what lean keeps, it keeps in the full path's order
        position = {f.id: i for i, f in enumerate(full.findings)}
        kept = [position[f.id] for f in lean.findings]
        assert kept == sorted(kept), doc.path
        # and it keeps every raised and every instrument-level finding
        raised = {f.id for f in full.findings
                  if f.clause_id == DOCUMENT or f.status not in ("compatible", "not_engaged")}
        assert raised <= {f.id for f in lean.findings}, doc.path
        assert lean.admissibility == full.admissibility
        assert lean.warnings == full.warnings
        assert all(f.rationale == {} for f in lean.findings if f.clause_id != DOCUMENT)


@pytest.mark.parametrize("as_of", DATES)
def test_lean_rows_equal_full_rows(annotated, kb, as_of):
    verdicts = set()
    for doc, ann in annotated:
        full = analyse_annotated(ann, kb=kb, as_of=as_of, path="<test>")
        row = row_from_outcome("x", screen_annotated(ann, kb=kb, as_of=as_of, path="<test>"))
        assert row == row_from_analysis("x", full), doc.path
        verdicts.add(row["verdict"])
    if as_of is None:
        assert {"incompatible", "compatible"} <= verdicts


def test_top_finding_is_the_worst_then_most_severe_then_most_confident(annotated, kb):
    doc, ann = next((d, a) for d, a in annotated if "kz-2024-lgbt-propaganda" in d.path)
    full = analyse_annotated(ann, kb=kb, path="<test>")
    top = top_finding(full.findings)
    assert top.status == "conflict" and top.severity == "high"
    assert top.confidence == max(f.confidence for f in full.findings if f.status == "conflict")


def test_a_review_file_beside_the_text_is_applied_when_screening(tmp_path, kb):
    """Screening a folder where a reviewer has rejected findings: the row follows the
    decisions, as the brief does (the lean path hands such texts to the full analysis)."""
    src = PETITION / "text.md"
    text = tmp_path / "petition.md"
    text.write_bytes(src.read_bytes())
    doc = read_document(text)
    ann = next(iter(annotate_many([doc])))
    before = analyse_annotated(ann, kb=kb, path=str(text))
    conflicts = [f for f in before.findings if f.status == "conflict"]
    assert conflicts
    review = "decisions:\n" + "".join(
        f'  - finding: "{f.id}"\n    decision: reject\n    reviewer: "A. Lawyer"\n'
        f"    date: 2024-08-01\n" for f in conflicts)
    (tmp_path / "petition.md.review.yaml").write_text(review, encoding="utf-8")
    screened = screen_annotated(ann, kb=kb, path=str(text))
    reviewed = analyse_annotated(ann, kb=kb, path=str(text))
    assert screened == outcome_of(reviewed)
    assert screened.verdict != "incompatible"
    assert screened.top.status != "conflict"
