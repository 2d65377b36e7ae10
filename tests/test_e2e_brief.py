"""End to end: ``python -m analysis brief`` on the bundled 2024 petition, in a fresh folder.

Asserts the artefacts a volunteer is promised (README, "What `make brief` writes") and the key
findings the UN experts reached on this petition (ICCPR 19 and 26; inadmissible under the
petitions law, which bars petitions that may lead to violations of rights): see
shared/eval/dev/kz-2024-petition-lgbt-propaganda.md.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PETITION = ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda"
LAW = ROOT / "data" / "petitions" / "kz-2025-law"

pytestmark = pytest.mark.slow


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def brief(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("brief")
    run = cli("brief", str(PETITION), "--out", str(out))
    assert run.returncode == 0, run.stderr
    return out


def test_brief_writes_every_artefact(brief):
    for name in ("brief.html", "brief.pdf", "brief.docx", "brief.md", "findings.csv",
                 "findings.json"):
        assert (brief / name).is_file() and (brief / name).stat().st_size > 0, name
    assert (brief / "brief.pdf").read_bytes()[:5] == b"%PDF-"
    with zipfile.ZipFile(brief / "brief.docx") as docx:
        assert "word/document.xml" in docx.namelist()
        assert "word/comments.xml" in docx.namelist(), "each finding is a Word comment"
    charts = {p.suffix for p in (brief / "charts").iterdir()}
    assert {".png", ".svg"} <= charts
    assert [p for p in (brief / "letters").iterdir() if p.stat().st_size > 0]


def test_key_findings_match_the_un_experts(brief):
    data = json.loads((brief / "findings.json").read_text(encoding="utf-8"))
    assert {19, 26} <= set(data["conflicts_iccpr"])
    assert data["verdict"] == "incompatible"
    assert data["targets_group"] == "lgbt"
    assert data["admissibility"]["answer"] == "inadmissible"
    # the petitions law's wording is not in our sources verbatim: never shown as official
    assert data["admissibility"]["verification"] != "official"
    assert data["input"]["completeness"] != "full"
    conflicts = {f["provision_id"] for f in data["findings"] if f["status"] == "conflict"}
    assert any(p.startswith("iccpr/art_19") for p in conflicts)
    assert any(p.startswith("iccpr/art_26") for p in conflicts)


def test_csv_is_the_same_findings_as_the_json(brief):
    data = json.loads((brief / "findings.json").read_text(encoding="utf-8"))
    with open(brief / "findings.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    id_col = next(c for c in rows[0] if c in ("id", "finding_id", "finding"))
    assert sorted(r[id_col] for r in rows) == sorted(f["id"] for f in data["findings"])


def test_brief_says_the_text_is_partial_and_is_not_legal_advice(brief):
    md = (brief / "brief.md").read_text(encoding="utf-8")
    assert "not legal advice" in md
    assert "excerpt" in md.lower()
    assert "Мы против открытой и скрытой пропаганды ЛГБТ" in md


def test_a_reviewer_decision_reaches_the_brief(tmp_path, brief):
    data = json.loads((brief / "findings.json").read_text(encoding="utf-8"))
    target = next(f["id"] for f in data["findings"] if f["status"] == "conflict")
    review = tmp_path / "decisions.review.yaml"
    review.write_text(
        "decisions:\n"
        f"  - finding: \"{target}\"\n"
        "    decision: reject\n"
        "    reviewer: \"Aigerim Testova\"\n"
        "    date: 2024-08-01\n"
        "    note: \"Checked: the excerpt does not support this.\"\n", encoding="utf-8")
    out = tmp_path / "reviewed"
    run = cli("brief", str(PETITION), "--out", str(out), "--review", str(review))
    assert run.returncode == 0, run.stderr
    reviewed = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    decided = {f["id"]: f["review"] for f in reviewed["findings"] if f["review"]}
    assert decided[target]["decision"] == "reject"
    assert "Aigerim Testova" in (out / "brief.md").read_text(encoding="utf-8")


def test_the_2025_law_conflicts_with_iccpr_19_and_26(tmp_path):
    out = tmp_path / "law.json"
    run = cli("analyse", str(LAW), "--out", str(out))
    assert run.returncode == 0, run.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {19, 26} <= set(data["conflicts_iccpr"])
    assert data["admissibility"]["answer"] == "not_applicable"  # a law is not a petition


def test_bad_input_exits_2_without_a_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    run = cli("brief", str(empty), "--out", str(tmp_path / "o"))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "What to do" in run.stderr
