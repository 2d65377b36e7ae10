"""The notebooks: paired with their py:percent twins, committed clean, and runnable by papermill.

``make brief`` executes them (scripts/run_brief.py); here they are executed the same way into a
temporary folder, and the executed copies must show what a lawyer needs to see: the highlights,
the styled findings table, the charts, and the brief's files.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PETITION = ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda"
sys.path.insert(0, str(ROOT / "scripts"))

import run_brief  # noqa: E402

PARAMETERS = {"input_path", "output_lang", "as_of", "out_dir", "review_path"}


def load(name: str) -> dict:
    return json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", run_brief.NOTEBOOK_NAMES)
def test_notebook_is_committed_without_outputs(name):
    nb = load(name)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{name}: a cell has outputs"
            assert cell["execution_count"] is None, f"{name}: a cell has an execution count"
    assert nb["metadata"]["kernelspec"]["name"] == run_brief.KERNEL
    assert nb["metadata"]["jupytext"]["formats"] == "ipynb,py:percent"


@pytest.mark.parametrize("name", run_brief.NOTEBOOK_NAMES)
def test_notebook_has_a_papermill_parameters_cell(name):
    cells = [c for c in load(name)["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(cells) == 1, f"{name}: exactly one cell tagged 'parameters'"
    names = {line.split("=")[0].strip() for line in "".join(cells[0]["source"]).splitlines()
             if "=" in line}
    assert names == PARAMETERS


@pytest.mark.parametrize("name", run_brief.NOTEBOOK_NAMES)
def test_ipynb_and_py_percent_twin_agree(name):
    """Editing one file and not the other would make the diff lie (jupytext pairing)."""
    import jupytext

    from_py = jupytext.read(NOTEBOOKS / f"{name}.py")
    from_ipynb = jupytext.read(NOTEBOOKS / f"{name}.ipynb")
    assert [(c.cell_type, c.source) for c in from_py.cells] == \
        [(c.cell_type, c.source) for c in from_ipynb.cells]


@pytest.mark.parametrize("name", run_brief.NOTEBOOK_NAMES)
def test_notebooks_compute_only_through_the_package(name):
    """No analysis logic in a notebook: code cells import, call the package and display."""
    code = "\n".join("".join(c["source"]) for c in load(name)["cells"] if c["cell_type"] == "code")
    assert "def " not in code and "class " not in code and "for " not in code
    assert "from analysis" in code


def _outputs(nb: dict, mime: str) -> list[str]:
    found = []
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if mime in data:
                value = data[mime]
                found.append(value if isinstance(value, str) else "".join(value))
    return found


@pytest.mark.slow
def test_run_brief_executes_the_three_notebooks_into_a_folder(tmp_path):
    result = run_brief.run_notebooks(PETITION, tmp_path / "out", progress=False)
    out = tmp_path / "out"
    assert result.missing == ()
    assert [p.name for p in result.notebooks] == [f"{n}.ipynb" for n in run_brief.NOTEBOOK_NAMES]

    nb1 = json.loads((out / "01_read_and_annotate.ipynb").read_text(encoding="utf-8"))
    html1 = "\n".join(_outputs(nb1, "text/html"))
    # the highlights: the petition's own words marked, with label and concept on hover
    assert '<span title="group: lgbt' in html1 or 'group: lgbt' in html1
    assert "ЛГБТ" in html1

    nb2 = json.loads((out / "02_findings_and_review.ipynb").read_text(encoding="utf-8"))
    html2 = "\n".join(_outputs(nb2, "text/html"))
    assert "iccpr/art_19" in html2 and "conflict" in html2  # the styled findings table
    assert _outputs(nb2, "image/png"), "charts are shown inline"
    assert (out / "review-template.yaml").exists()
    assert not (PETITION / "review-template.yaml").exists()  # nothing written beside the input

    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert {19, 26} <= set(findings["conflicts_iccpr"])
    assert findings["admissibility"]["answer"] == "inadmissible"
    assert (out / "brief.pdf").read_bytes()[:5] == b"%PDF-"
    assert any((out / "letters").iterdir())

    # the notebooks and the command line say exactly the same thing
    cli_json = tmp_path / "cli.json"
    run = subprocess.run([sys.executable, "-m", "analysis", "analyse", str(PETITION),
                          "--out", str(cli_json)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert cli_json.read_bytes() == (out / "findings.json").read_bytes()


def test_run_brief_reports_bad_input_in_plain_words(tmp_path, capsys):
    code = run_brief.main(["--input", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2
    assert "does not exist" in err and "What to do" in err and "Traceback" not in err


@pytest.mark.slow
def test_run_brief_turns_an_input_error_inside_a_notebook_into_exit_code_2(tmp_path, capsys):
    german = tmp_path / "petition.txt"
    german.write_text("Wir fordern ein Gesetz, das die Werbung für Süßigkeiten im Fernsehen "
                      "vollständig verbietet, um die Gesundheit der Kinder zu schützen.\n",
                      encoding="utf-8")
    code = run_brief.main(["--input", str(german), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and "What to do" in err


# ------------------------------------------------------------- the analysis notebook 2 saves

RU = ("Петиция о запрете пропаганды ЛГБТ.\n"
      "1. Запретить пропаганду нетрадиционных сексуальных отношений в СМИ и интернете.\n"
      "2. Ввести штрафы и административную ответственность за её распространение.\n")


def test_saved_analysis_is_reused_only_while_nothing_it_depends_on_changed(tmp_path):
    """Notebook 3 writes the brief from notebook 2's analysis only when the input, the review
    file, as_of and the knowledge base are the same; the reused analysis is the fresh one."""
    from analysis.framework import load_kb
    from analysis.models import dump_json
    from analysis.pipeline import analyse_file
    from analysis.report.cache import load_or_analyse

    kb = load_kb()
    src = tmp_path / "petition.txt"
    src.write_text(RU, encoding="utf-8")
    out = tmp_path / "out"
    first = load_or_analyse(src, out, kb=kb)
    assert not first.reused and first.why == "no saved analysis"
    again = load_or_analyse(src, out, kb=kb)
    assert again.reused
    assert dump_json(again.analysis) == dump_json(analyse_file(src, kb=kb))

    assert not load_or_analyse(src, out, as_of="2026-07-02", kb=kb).reused  # another date
    assert load_or_analyse(src, out, as_of="2026-07-02", kb=kb).reused

    finding = next(f for f in again.analysis.findings if f.status == "conflict")
    sidecar = tmp_path / "petition.txt.review.yaml"  # the sidecar beside the input
    sidecar.write_text(f'decisions:\n  - finding: "{finding.id}"\n    decision: reject\n'
                       f'    reviewer: "A. Lawyer"\n    date: 2024-08-01\n', encoding="utf-8")
    reviewed = load_or_analyse(src, out, as_of="2026-07-02", kb=kb)
    assert not reviewed.reused
    assert next(f for f in reviewed.analysis.findings if f.id == finding.id).rejected

    src.write_text(RU + "3. Закрыть сайты.\n", encoding="utf-8")  # the text changed
    assert not load_or_analyse(src, out, as_of="2026-07-02", kb=kb).reused


def test_a_bad_input_saves_nothing_and_creates_no_folder(tmp_path):
    from analysis.errors import InputError
    from analysis.report.cache import load_or_analyse

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(InputError):
        load_or_analyse(empty, tmp_path / "out")
    assert not (tmp_path / "out").exists()
