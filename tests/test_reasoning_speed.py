"""The fast paths of the reasoning give exactly what the general paths give (issue 7).

The reasoning builds the common "checked, not raised" findings from parts prepared once per test
and per clause, assembles findings without re-validating them, orders them by interleaving and
guards its regexes by first letters. Each shortcut is checked here against the plain way on real
clauses (the hand-marked pool of tests/test_reasoning.py, the texts of data/cases).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import analysis.reasoning as reasoning
from analysis import signals
from analysis.models import Finding, dump_json
from analysis.reasoning import DOCUMENT, reason
from test_reasoning import PETITION_META, UNIQUE

REPO = Path(__file__).resolve().parent.parent


def _dump(reasoned) -> list[str]:
    return [dump_json(f) for f in reasoned.findings]


@pytest.mark.parametrize("as_of, meta", [
    (date(2024, 6, 30), PETITION_META),  # thin petition: fragments
    (date(2024, 6, 30), {"kind": "law", "jurisdiction": "KZ", "completeness": "full"}),
    (date(2026, 9, 1), {"kind": "law", "completeness": "full"}),  # 2026 text missing
    (date(2010, 6, 30), {"kind": "law", "jurisdiction": "UK", "completeness": "full"}),
])
def test_fast_findings_equal_the_validated_general_path(real_kb, monkeypatch, as_of, meta):
    fast = reason(UNIQUE, real_kb, as_of=as_of, metadata=meta)
    monkeypatch.setattr(reasoning, "_FAST_FINDINGS", False)  # every finding validated, one by one
    slow = reason(UNIQUE, real_kb, as_of=as_of, metadata=meta)
    assert _dump(fast) == _dump(slow)
    assert fast.findings == slow.findings
    assert fast.admissibility == slow.admissibility
    statuses = {f.status for f in fast.findings}
    assert "not_engaged" in statuses and len(statuses) >= 3  # both paths really exercised


def test_fast_finding_is_a_valid_finding_and_copies_safely(real_kb):
    findings = reason(UNIQUE, real_kb, as_of=date(2024, 6, 30), metadata=PETITION_META).findings
    for f in findings:
        again = Finding(**{k: getattr(f, k) for k in f.model_fields_set})
        assert again == f and again.model_fields_set == f.model_fields_set
        assert Finding.model_validate(f.model_dump()) == f
    a, b = findings[0], findings[1]
    edited = a.model_copy(update={"status": "conflict"})  # as review.apply_review does
    assert edited.status == "conflict" and "status" in edited.model_fields_set
    assert b.model_fields_set == set(reasoning._FINDING_SET_FIELDS)  # shared set untouched
    with pytest.raises(Exception):
        a.status = "conflict"  # still frozen


def test_interleaved_order_is_the_sorted_order(real_kb):
    findings = list(reason(UNIQUE, real_kb, as_of=date(2024, 6, 30)).findings)
    index = {c.id: i for i, c in enumerate(UNIQUE)}
    key = lambda f: (f.clause_id == DOCUMENT, index.get(f.clause_id, len(UNIQUE)),  # noqa: E731
                     f.provision_id, f.test_id)
    assert findings == sorted(findings, key=key)
    assert findings[-1].clause_id == DOCUMENT and findings[0].clause_id == UNIQUE[0].id


def test_duplicate_clause_ids_fall_back_to_the_sort(real_kb):
    twice = (UNIQUE[0], UNIQUE[1], UNIQUE[2].model_copy(update={"id": UNIQUE[0].id}))
    findings = reason(twice, real_kb, as_of=date(2024, 6, 30)).findings
    ids = [f.clause_id for f in findings if f.clause_id != DOCUMENT]
    first = ids.index(UNIQUE[1].id)
    assert set(ids[:first]) == {UNIQUE[0].id}  # the repeated id is grouped at its first place


def _real_lines() -> list[str]:
    lines: list[str] = []
    folders = [REPO / "data" / "cases", REPO.parent / "shared" / "eval" / "dev"]
    for folder in folders:
        for path in sorted(folder.glob("*.md")):
            lines.extend(path.read_text(encoding="utf-8").splitlines())
    for path in sorted((REPO / "data" / "petitions").glob("*/*.md")):
        lines.extend(path.read_text(encoding="utf-8").splitlines())
    for path in sorted((REPO.parent / "shared" / "sources").rglob("*.txt")):
        lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
    return [ln for ln in lines if ln.strip()]


@pytest.mark.parametrize("name", ["TOTAL", "WIDE", "CHILDREN", "PRIVACY", "CLOSED_LIST",
                                  "PETITION"])
def test_first_letter_guard_keeps_every_match(name):
    patterns = getattr(signals, f"_{name}_PATTERNS")
    guarded = getattr(signals, f"{name}_RE")
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.UNICODE)
    lines = _real_lines() + ["FULLY BANNED", "Полностью", "ТОЛЫҒЫМЕН", "Open And Hidden"]
    found = 0
    for line in lines:
        want = [(m.start(), m.end()) for m in plain.finditer(line)]
        assert [(m.start(), m.end()) for m in guarded.finditer(line)] == want, line
        found += len(want)
    assert found > 0


def test_a_pattern_that_cannot_be_guarded_is_refused():
    with pytest.raises(ValueError):
        signals._compile([r"\bban\b", r"(?:x|y)z"])
