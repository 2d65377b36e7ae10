"""Evaluation: metric definitions on hand-computed examples, the harness on the real cases
(with a pluggable analyse function), failures counted as misses, and the real pipeline."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from analysis.__main__ import main
from analysis.cases import Labels, read_case
from analysis.errors import UnsupportedLanguageError
from analysis.evaluate import (
    METRIC_KEYS, Prediction, baseline_predict, compute_metrics, evaluate_dir, f1, locate,
    macro_f1, match_vague_terms, micro_f1, prediction_from_analysis,
)
from analysis.models import Clause, Span

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "data" / "cases"


def labels(verdict="incompatible", conflicts=(), engages=(), group="none", vague=()):
    return Labels(engages=frozenset(engages), conflicts_iccpr=frozenset(conflicts),
                  targets_group=group, vague_terms=tuple(vague), verdict=verdict)


# --------------------------------------------------------------------------- metrics


def test_f1_definition_and_empty_agreement():
    assert f1(1, 1, 1) == pytest.approx(0.5)
    assert f1(0, 0, 0) == 1.0  # nothing expected, nothing predicted
    assert f1(0, 2, 0) == 0.0


def test_micro_and_macro_f1_hand_computed():
    pairs = [
        (frozenset({19, 26}), frozenset({19})),  # tp 19, fn 26
        (frozenset({17, 19, 22}), frozenset({19, 22, 26})),  # tp 19 22, fn 17, fp 26
        (frozenset(), frozenset()),
    ]
    # micro: tp 3, fp 1, fn 2 -> 6 / 9
    assert micro_f1(pairs) == pytest.approx(6 / 9)
    # macro over 17, 19, 22, 26: F1 = 0, 1, 1, 0 (26: tp 0, fp 1, fn 1)
    assert macro_f1(pairs) == pytest.approx(0.5)
    assert macro_f1([(frozenset(), frozenset())]) == 1.0


def test_compute_metrics_counts_failures_as_misses():
    exp1 = labels("incompatible", {19, 26}, {"expression", "equality"}, "lgbt", ["propaganda"])
    exp2 = labels("compatible")
    rows = [
        (exp1, Prediction(labels("incompatible", {19}, {"expression"}, "lgbt")), (True,), None),
        (exp2, None, (), "unsupported language"),  # analysis failed
        (None, None, (), "broken file"),  # unreadable case
    ]
    m = compute_metrics(rows)
    assert m["n_cases"] == 3 and m["n_failed"] == 2
    assert m["verdict_accuracy"] == pytest.approx(round(1 / 3, 4))
    assert m["targets_group_accuracy"] == pytest.approx(round(1 / 3, 4))
    # conflicts: tp 1 (19), fn 1 (26), failed case expects nothing -> 2/3
    assert m["conflicts_iccpr_micro_f1"] == pytest.approx(round(2 / 3, 4))
    # engages: tp 1, fn 1 -> 2/3; macro: expression 1, equality 0 -> 0.5
    assert m["engages_micro_f1"] == pytest.approx(round(2 / 3, 4))
    assert m["engages_macro_f1"] == pytest.approx(0.5)
    assert m["vague_terms_recall"] == 1.0
    assert set(METRIC_KEYS) <= set(m)


def test_metrics_with_nothing_to_measure_are_none():
    m = compute_metrics([(None, None, (), "broken")])
    assert m["verdict_accuracy"] == 0.0
    assert m["conflicts_iccpr_micro_f1"] is None and m["vague_terms_recall"] is None


# --------------------------------------------------------------------------- vague terms


def test_locate_is_case_and_whitespace_insensitive():
    text = "1. Пропаганда нетрадиционных\nсексуальных отношений среди; пропаганда НЕТРАДИЦИОННЫХ сексуальных отношений"
    hits = locate(text, "Пропаганда нетрадиционных сексуальных отношений")
    assert len(hits) == 2
    assert text[hits[0][0]:hits[0][1]].startswith("Пропаганда")


def test_vague_term_counts_when_a_predicted_span_overlaps_it():
    text = 'prohibiting "propagandizing nontraditional sexual orientation" among children'
    term = "propagandizing nontraditional sexual orientation"
    start = text.index("nontraditional")
    found, notes = match_vague_terms(text, [term], [(start, start + len("nontraditional"))])
    assert found == (True,) and notes == ()
    # a span elsewhere (on "children") does not count
    c = text.index("children")
    assert match_vague_terms(text, [term], [(c, c + 8)])[0] == (False,)
    # a labelled string that is not in the text is a miss, with a note
    found, notes = match_vague_terms(text, ["hidden propaganda"], [(0, len(text))])
    assert found == (False,) and "not found" in notes[0]


def test_prediction_from_analysis_uses_vague_spans_and_vague_terms():
    case = read_case(CASES / "ru-2013-135fz.md")
    text = case.text
    s = text.index("нетрадиционных сексуальных установок")
    span = Span(label="vague", concept="non_traditional", start=s, end=s + 14, text=text[s:s + 14])
    clause = Clause(id="item_1", start=0, end=len(text), text=text, language="ru", kind="norm",
                    spans=(span,))
    analysis = SimpleNamespace(
        verdict="incompatible", engages=("expression",), conflicts_iccpr=(19,),
        targets_group="lgbt", vague_terms=("popularizing non-traditional sexual relations",),
        clauses=(clause,))
    pred = prediction_from_analysis(analysis, text)
    assert pred.labels.conflicts_iccpr == {19}
    found, _ = match_vague_terms(text, case.expected.vague_terms, pred.vague_spans)
    # the span overlaps the 2nd labelled term only; the 4th is found through the string the
    # analysis lists in vague_terms; the 1st and 3rd are missed
    assert found == (False, True, False, True)


@pytest.mark.parametrize("verdict, label", [
    ("incompatible", "incompatible"), ("compatible", "compatible"),
    # concerns only, or nothing found on thin text: no violation found, as the labels read it
    ("mixed", "compatible"), ("needs_review", "compatible"),
])
def test_the_analysis_verdict_as_a_case_label(verdict, label):
    analysis = SimpleNamespace(verdict=verdict, engages=(), conflicts_iccpr=(),
                               targets_group="none", vague_terms=(), clauses=())
    assert prediction_from_analysis(analysis, "").labels.verdict == label


# --------------------------------------------------------------------------- baseline


def test_keyword_baseline_on_real_cases():
    petition = baseline_predict(read_case(CASES / "kz-2024-petition-lgbt-propaganda.md").text)
    assert petition.labels.verdict == "incompatible"
    assert petition.labels.conflicts_iccpr == {19, 26}
    assert petition.labels.targets_group == "lgbt"
    speed = baseline_predict(read_case(CASES / "uk-2023-petition-20mph-schools.md").text)
    assert speed.labels.verdict == "compatible" and speed.labels.engages == frozenset()
    # word spotting cannot see the foreign-agents law: no group word and no ban word
    agents = baseline_predict(read_case(CASES / "ru-2022-foreign-agents-law.md").text)
    assert agents.labels.verdict == "compatible"


# --------------------------------------------------------------------------- harness


def oracle(case):
    """An analyse function that returns the expected labels: the harness must score 100 %."""
    e = case.expected
    return SimpleNamespace(verdict=e.verdict, engages=tuple(e.engages),
                           conflicts_iccpr=tuple(e.conflicts_iccpr),
                           targets_group=e.targets_group, vague_terms=e.vague_terms, clauses=())


def test_harness_with_a_perfect_analyse_function_scores_one():
    report = evaluate_dir(CASES, analyse=oracle)
    m = report.metrics
    assert m["n_cases"] == 7 and m["n_failed"] == 0
    for key in ("verdict_accuracy", "conflicts_iccpr_micro_f1", "conflicts_iccpr_macro_f1",
                "engages_micro_f1", "targets_group_accuracy", "vague_terms_recall"):
        assert m[key] == 1.0, key
    assert report.baseline["n_cases"] == 7
    assert report.baseline["verdict_accuracy"] < 1.0  # the baseline misses the foreign-agents law


def test_broken_case_and_unsupported_language_are_misses_not_crashes(tmp_path):
    for p in CASES.glob("*.md"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "zz-broken.md").write_text("# A case without table or text\n", encoding="utf-8")

    def analyse(case):
        if "ru" in case.languages:
            raise UnsupportedLanguageError("no supported language", where=case.case_id,
                                           hint="test")
        return oracle(case)

    report = evaluate_dir(tmp_path, analyse=analyse)
    by_id = {c.case_id: c for c in report.cases}
    assert report.metrics["n_cases"] == 8
    # 3 cases have Russian blocks, plus the broken file
    assert report.metrics["n_failed"] == 4
    assert by_id["zz-broken"].error and "table" in by_id["zz-broken"].error
    assert by_id["ru-2013-135fz"].predicted is None
    assert "no supported language" in by_id["ru-2013-135fz"].error
    assert report.metrics["verdict_accuracy"] == pytest.approx(round(4 / 8, 4))
    assert report.baseline["n_failed"] == 1  # the baseline reads the text itself


def test_cli_json_output_has_the_contracted_keys(tmp_path, capsys, monkeypatch):
    import analysis.evaluate as ev

    monkeypatch.setattr(ev, "analyse_case", oracle)
    assert main(["evaluate", str(CASES), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"metrics", "baseline", "cases"}
    for part in ("metrics", "baseline"):
        assert set(METRIC_KEYS) - {"engages_macro_f1"} <= set(data[part])
    assert len(data["cases"]) == 7
    assert {"case_id", "expected", "predicted", "error"} <= set(data["cases"][0])
    assert data["cases"][0]["expected"]["verdict"] in ("incompatible", "compatible")


def test_cli_text_output_lists_cases_then_metrics(capsys, monkeypatch):
    import analysis.evaluate as ev

    monkeypatch.setattr(ev, "analyse_case", oracle)
    assert main(["evaluate", str(CASES)]) == 0
    out = capsys.readouterr().out
    assert out.index("kz-2015-children-info-bill") < out.index("verdict_accuracy")
    assert "expected:" in out and "predicted:" in out and "baseline" in out


def test_cli_missing_folder_is_a_plain_error(capsys):
    assert main(["evaluate", "/nonexistent/cases"]) == 2
    assert "What to do" in capsys.readouterr().err


# --------------------------------------------------------------------------- real pipeline


def test_real_pipeline_on_bundled_cases():
    pytest.importorskip("analysis.pipeline")
    report = evaluate_dir(CASES)
    failures = {c.case_id: (c.error, c.expected, c.predicted) for c in report.cases
                if c.error or c.predicted is None or c.predicted.labels.verdict != c.expected.verdict}
    assert report.metrics["n_failed"] == 0, failures
    assert report.metrics["verdict_accuracy"] == 1.0, failures
    assert report.metrics["conflicts_iccpr_micro_f1"] >= 0.9, report.metrics
