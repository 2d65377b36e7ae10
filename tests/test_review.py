"""Reviewer sidecar: accept, reject, edit, stale decisions, broken files (line + field named)."""
from __future__ import annotations

from datetime import date

import pytest

from analysis.errors import ReviewFileError
from analysis.models import Admissibility, Analysis, Finding, InputInfo
from analysis.reasoning import worst_by_provision
from analysis.review import apply_review, load_review, render_review_template

LEGALITY = "p_1/iccpr/art_19__para_3#legality"
ART26 = "p_1/iccpr/art_26#non_discrimination"
AIM = "p_2/iccpr/art_19__para_3#legitimate_aim"


def _finding(fid: str, status: str) -> Finding:
    clause, rest = fid.split("/", 1)
    provision, test = rest.split("#")
    return Finding(id=fid, clause_id=clause, provision_id=provision, test_id=test,
                   status=status, severity="high" if status == "conflict" else "none",
                   confidence=0.8, rationale={"en": "x", "ru": "x"})


FINDINGS = (_finding(LEGALITY, "conflict"), _finding(ART26, "conflict"),
            _finding(AIM, "not_engaged"))


def _write(tmp_path, text: str):
    p = tmp_path / "petition.md.review.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_accept_reject_edit_and_stale(tmp_path):
    p = _write(tmp_path, f"""\
decisions:
  - finding: "{LEGALITY}"
    decision: accept
    reviewer: "A. Lawyer"
    date: 2024-08-01
  - finding: "{ART26}"
    decision: reject
    reviewer: "A. Lawyer"
    date: 2024-08-01
    note: "the clause only describes the law"
  - finding: "{AIM}"
    decision: edit
    reviewer: "B. Volunteer"
    date: 2024-08-02
    status: concern
    rationale: "the aim is 'child protection'; check GC34 para 32"
  - finding: "p_9/iccpr/art_19__para_3#legality"
    decision: accept
    reviewer: "B. Volunteer"
    date: 2024-08-02
""")
    review = load_review(p)
    findings, stale = apply_review(FINDINGS, review)
    by_id = {f.id: f for f in findings}
    assert by_id[LEGALITY].review.decision == "accept"
    assert by_id[LEGALITY].effective_status == "conflict"
    assert by_id[ART26].rejected and by_id[ART26].status == "conflict"  # machine kept
    assert by_id[AIM].status == "not_engaged" and by_id[AIM].effective_status == "concern"
    assert by_id[AIM].review.rationale.startswith("the aim is")
    assert by_id[AIM].review.date == date(2024, 8, 2)
    assert [(s.finding_id, s.line) for s in stale] == [("p_9/iccpr/art_19__para_3#legality", 17)]
    worst = worst_by_provision(findings)
    assert worst == {"iccpr/art_19__para_3": "conflict"}  # art 26's only finding was rejected


def test_rejected_findings_do_not_count_for_the_provision(tmp_path):
    p = _write(tmp_path, f"""\
decisions:
  - finding: "{ART26}"
    decision: reject
    reviewer: "A. Lawyer"
    date: 2024-08-01
""")
    findings, _ = apply_review(FINDINGS, load_review(p))
    assert "iccpr/art_26" not in worst_by_provision(findings)


@pytest.mark.parametrize("body,line,field", [
    ('decisions:\n  - finding: "x"\n    decision: approve\n    reviewer: A\n    date: 2024-01-01\n',
     3, "decision"),
    ('decisions:\n  - finding: "x"\n    decision: accept\n    reviewer: A\n    date: 01.08.2024\n',
     5, "date"),
    ('decisions:\n  - finding: "x"\n    decision: accept\n    date: 2024-01-01\n', 2, "reviewer"),
    ('decisions:\n  - finding: "x"\n    decision: edit\n    reviewer: A\n    date: 2024-01-01\n',
     2, "status"),
    ('decisions:\n  - finding: "x"\n    decision: edit\n    reviewer: A\n    date: 2024-01-01\n'
     '    status: terrible\n', 6, "status"),
    ('decisions:\n  - finding: "x"\n    decision: accept\n    reviewer: A\n    date: 2024-01-01\n'
     '    status: conflict\n', 6, "status"),
    ('decisions:\n  - finding: "x"\n    decision: accept\n    reviewr: A\n', 4, "reviewr"),
    ('decisions:\n  - decision: accept\n    reviewer: A\n    date: 2024-01-01\n', 2, "finding"),
    ('decisions:\n  finding: "x"\n', 2, "decisions"),
])
def test_broken_file_names_line_and_field(tmp_path, body, line, field):
    p = _write(tmp_path, body)
    with pytest.raises(ReviewFileError) as exc:
        load_review(p)
    assert exc.value.where == f"{p}, line {line}, field '{field}'"
    assert exc.value.hint


def test_invalid_yaml_names_the_line(tmp_path):
    p = _write(tmp_path, 'decisions:\n  - finding: "x\n    decision: accept\n')
    with pytest.raises(ReviewFileError) as exc:
        load_review(p)
    assert exc.value.where.startswith(f"{p}, line ")


def test_duplicate_decision_is_an_error(tmp_path):
    entry = '  - finding: "x"\n    decision: accept\n    reviewer: A\n    date: 2024-01-01\n'
    p = _write(tmp_path, "decisions:\n" + entry + entry)
    with pytest.raises(ReviewFileError, match="first on line 2"):
        load_review(p)


def test_missing_file_is_a_plain_error(tmp_path):
    with pytest.raises(ReviewFileError, match="does not exist"):
        load_review(tmp_path / "nope.yaml")


def test_template_lists_every_finding_and_round_trips(tmp_path):
    analysis = Analysis(
        input=InputInfo(path="petition.md", sha256="0" * 64, languages=("en",),
                        completeness="full"),
        as_of=date(2024, 5, 29), kb_version="test", package_version="0", verdict="incompatible",
        engages=("expression",), conflicts_iccpr=(19,), targets_group="lgbt", vague_terms=(),
        admissibility=Admissibility(applicable=False, answer="not_applicable"),
        provisions={}, clauses=(), findings=FINDINGS)
    text = render_review_template(analysis)
    for f in FINDINGS:
        assert f'"{f.id}"' in text
    p = _write(tmp_path, text)
    assert load_review(p).decisions == ()  # empty decisions are ignored
    # a volunteer fills one entry in
    filled = text.replace(
        f'- finding: "{LEGALITY}"\n    decision:\n    reviewer:\n    date:',
        f'- finding: "{LEGALITY}"\n    decision: accept\n    reviewer: "C"\n    date: 2024-09-01')
    p.write_text(filled, encoding="utf-8")
    (d,) = load_review(p).decisions
    assert d.finding_id == LEGALITY and d.review.reviewer == "C"
