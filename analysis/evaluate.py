"""Score the analysis against labelled real cases (``shared/eval/README.md`` format).

Each case's TEXT section is analysed as one document; the labels (``engages``,
``conflicts_iccpr``, ``targets_group``, ``vague_terms``, ``verdict``) are read from the resulting
:class:`~analysis.models.Analysis` and compared with the case's expected labels. A keyword
baseline ("incompatible when the text names a group and a ban word"; ICCPR 19 and 26 then) is
scored in the same run, so that the figures say how much the reasoning adds over word spotting.

Metric definitions (chosen so that a missing prediction is never rewarded):

- accuracies (verdict, targets_group) are over all cases; a case that could not be read or
  analysed counts as a miss;
- micro-F1 sums true/false positives and false negatives over all cases; macro-F1 averages the
  per-label F1 over the labels present in the expected or the predicted sets; both are 1.0 when
  nothing is expected and nothing predicted; ``engages: [none]`` is the empty set;
- vague-term recall: a labelled string is found when a predicted vague span overlaps one of its
  occurrences in the text (located case-insensitively, whitespace-insensitive).
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cases import Case, Labels, list_case_files, read_case
from .errors import PetitionLensError

METRIC_KEYS = (
    "verdict_accuracy", "conflicts_iccpr_micro_f1", "conflicts_iccpr_macro_f1",
    "engages_micro_f1", "engages_macro_f1", "targets_group_accuracy", "vague_terms_recall",
    "n_cases", "n_failed",
)

Offsets = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Prediction:
    """Labels predicted for one case, with the character offsets of predicted vague spans."""

    labels: Labels
    vague_spans: Offsets = ()


@dataclass(frozen=True)
class CaseResult:
    """One case: what was expected, what the analysis and the baseline predicted."""

    case_id: str
    path: str
    expected: Labels | None
    predicted: Prediction | None
    baseline: Prediction | None
    vague_found: tuple[bool, ...] = ()  # per expected vague term, by the analysis
    baseline_vague_found: tuple[bool, ...] = ()
    error: str | None = None
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id,
            "path": self.path,
            "expected": self.expected.to_json() if self.expected else None,
            "predicted": self.predicted.labels.to_json() if self.predicted else None,
            "baseline": self.baseline.labels.to_json() if self.baseline else None,
            "vague_terms_found": list(self.vague_found),
            "error": self.error,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class EvalReport:
    """Metrics of the analysis and of the baseline, and the per-case results."""

    metrics: dict[str, Any]
    baseline: dict[str, Any]
    cases: tuple[CaseResult, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "metrics": self.metrics,
            "baseline": self.baseline,
            "cases": [c.to_json() for c in self.cases],
        }


AnalyseFn = Callable[[Case], Any]
"""Takes a case, returns an :class:`~analysis.models.Analysis` (or raises)."""


# --------------------------------------------------------------------------- running


def analyse_case(case: Case) -> Any:
    """Analyse a case's text with the real pipeline, passing what the case header says."""
    from .pipeline import analyse_text

    return analyse_text(case.text, metadata=case.metadata(), as_of=case.as_of, path=case.path)


def evaluate_dir(path: str | Path, *, analyse: AnalyseFn | None = None) -> EvalReport:
    """Score every case file of a folder (see :func:`evaluate_files`)."""
    return evaluate_files(list_case_files(path), analyse=analyse)


def evaluate_files(paths: Iterable[str | Path], *, analyse: AnalyseFn | None = None) -> EvalReport:
    """Score the given case files; unreadable cases and failed analyses count as misses."""
    analyse = analyse or analyse_case
    results = [evaluate_case_file(Path(p), analyse) for p in paths]
    return EvalReport(
        metrics=compute_metrics([(r.expected, r.predicted, r.vague_found, r.error) for r in results]),
        baseline=compute_metrics([(r.expected, r.baseline, r.baseline_vague_found,
                                   r.error if r.expected is None else None) for r in results]),
        cases=tuple(results),
    )


def evaluate_case_file(path: Path, analyse: AnalyseFn) -> CaseResult:
    """Read, analyse and score one case; any failure is recorded in the result, not raised."""
    try:
        case = read_case(path)
    except PetitionLensError as exc:
        return CaseResult(case_id=path.stem, path=str(path), expected=None, predicted=None,
                          baseline=None, error=exc.render())
    text = case.text
    baseline = baseline_predict(text)
    base_found, base_notes = match_vague_terms(text, case.expected.vague_terms, baseline.vague_spans)
    predicted = None
    error = None
    try:
        predicted = prediction_from_analysis(analyse(case), text)
    except PetitionLensError as exc:
        error = exc.render()
    except Exception as exc:  # noqa: BLE001 - a crash on one case must not stop the run
        error = f"internal error: {type(exc).__name__}: {exc}"
    found, notes = match_vague_terms(
        text, case.expected.vague_terms, predicted.vague_spans if predicted else ())
    return CaseResult(case_id=case.case_id, path=str(path), expected=case.expected,
                      predicted=predicted, baseline=baseline, vague_found=found,
                      baseline_vague_found=base_found, error=error,
                      notes=tuple(dict.fromkeys(notes + base_notes)))


def label_verdict(verdict: str) -> str:
    """The case format's verdict for the analysis's one.

    A label says whether an authority found the Covenant violated, or clearly would
    (``incompatible``), or not (``compatible``); ``mixed`` there is a partial finding. The
    analysis's ``mixed`` (concerns only: restrictions whose necessity the State must still show,
    no conflict) and ``needs_review`` (no signal on thin text) report no violation, so as labels
    they are ``compatible``. The brief keeps the analysis's own verdict."""
    return "incompatible" if verdict == "incompatible" else "compatible"


def prediction_from_analysis(analysis: Any, text: str) -> Prediction:
    """Labels from an ``Analysis``; vague spans are the clauses' ``vague`` spans plus every
    occurrence in the text of the strings the analysis lists in ``vague_terms``."""
    engages = frozenset(str(r) for r in analysis.engages if str(r) != "none")
    labels = Labels(
        engages=engages,
        conflicts_iccpr=frozenset(int(a) for a in analysis.conflicts_iccpr),
        targets_group=str(analysis.targets_group or "none"),
        vague_terms=tuple(analysis.vague_terms),
        verdict=label_verdict(str(analysis.verdict)),
    )
    spans: list[tuple[int, int]] = []
    for clause in getattr(analysis, "clauses", ()):
        for span in clause.spans:
            if span.label != "vague":
                continue
            if text[span.start:span.end] == span.text:
                spans.append((span.start, span.end))
            else:  # offsets of a normalised document: fall back to the span's own words
                spans.extend(locate(text, span.text))
    for term in analysis.vague_terms:
        spans.extend(locate(text, term))
    return Prediction(labels=labels, vague_spans=tuple(sorted(set(spans))))


# --------------------------------------------------------------------------- vague terms


def locate(text: str, phrase: str) -> list[tuple[int, int]]:
    """All occurrences of ``phrase`` in ``text``, case- and whitespace-insensitive."""
    words = phrase.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]


def match_vague_terms(text: str, terms: Sequence[str], spans: Sequence[tuple[int, int]]
                      ) -> tuple[tuple[bool, ...], tuple[str, ...]]:
    """For each labelled term: does a predicted span overlap one of its occurrences?"""
    found = []
    notes = []
    for term in terms:
        occurrences = locate(text, term)
        if not occurrences:
            notes.append(f"labelled vague term not found in the text: {term!r}")
        found.append(any(s < oe and os_ < e for os_, oe in occurrences for s, e in spans))
    return tuple(found), tuple(notes)


# --------------------------------------------------------------------------- metrics


def f1(tp: int, fp: int, fn: int) -> float:
    """F1 = 2TP / (2TP + FP + FN); 1.0 when nothing was expected and nothing predicted."""
    denominator = 2 * tp + fp + fn
    return 1.0 if denominator == 0 else 2 * tp / denominator


def micro_f1(pairs: Sequence[tuple[frozenset, frozenset]]) -> float:
    """Micro-averaged F1 over (expected, predicted) label sets."""
    tp = sum(len(e & p) for e, p in pairs)
    fp = sum(len(p - e) for e, p in pairs)
    fn = sum(len(e - p) for e, p in pairs)
    return f1(tp, fp, fn)


def macro_f1(pairs: Sequence[tuple[frozenset, frozenset]]) -> float:
    """Mean per-label F1 over the labels present in the expected or the predicted sets."""
    labels = sorted(set().union(*(e | p for e, p in pairs)) if pairs else set(), key=str)
    if not labels:
        return 1.0
    scores = []
    for label in labels:
        tp = sum(1 for e, p in pairs if label in e and label in p)
        fp = sum(1 for e, p in pairs if label not in e and label in p)
        fn = sum(1 for e, p in pairs if label in e and label not in p)
        scores.append(f1(tp, fp, fn))
    return sum(scores) / len(scores)


def compute_metrics(rows: Sequence[tuple[Labels | None, Prediction | None, Sequence[bool],
                                          str | None]]) -> dict[str, Any]:
    """Metrics over (expected, prediction, vague_found, error) rows.

    A row without expected labels (unreadable case) counts in ``n_cases`` and ``n_failed`` and
    as a miss for the accuracies; a row without a prediction is scored as predicting nothing.
    A metric with nothing to measure (no readable case, no labelled vague term) is ``None``.
    """
    n = len(rows)
    failed = sum(1 for e, p, _, err in rows if p is None or e is None or err)
    labelled = [(e, p) for e, p, _, _ in rows if e is not None]
    empty: frozenset = frozenset()

    def pred(p: Prediction | None, attr: str):
        return getattr(p.labels, attr) if p is not None else None

    conflicts = [(e.conflicts_iccpr, pred(p, "conflicts_iccpr") or empty) for e, p in labelled]
    engages = [(e.engages, pred(p, "engages") or empty) for e, p in labelled]
    verdict_hits = sum(1 for e, p in labelled if pred(p, "verdict") == e.verdict)
    group_hits = sum(1 for e, p in labelled if pred(p, "targets_group") == e.targets_group)
    vague = [hit for e, _, found, _ in rows if e is not None for hit in found]
    return {
        "verdict_accuracy": _round(verdict_hits / n) if n else None,
        "conflicts_iccpr_micro_f1": _round(micro_f1(conflicts)) if labelled else None,
        "conflicts_iccpr_macro_f1": _round(macro_f1(conflicts)) if labelled else None,
        "engages_micro_f1": _round(micro_f1(engages)) if labelled else None,
        "engages_macro_f1": _round(macro_f1(engages)) if labelled else None,
        "targets_group_accuracy": _round(group_hits / n) if n else None,
        "vague_terms_recall": _round(sum(vague) / len(vague)) if vague else None,
        "n_vague_terms": len(vague),
        "n_cases": n,
        "n_failed": failed,
    }


def _round(x: float) -> float:
    return round(x, 4)


# --------------------------------------------------------------------------- baseline

_BAN = (
    r"\b(ban|bans|banned|banning|prohibit\w*|forbid\w*|outlaw\w*|penali[sz]\w*|punish\w*|"
    r"fine|fines|fined|arrest\w*|criminali[sz]\w*)\b",
    r"\b(запрет\w*|запрещ\w*|штраф\w*|наказ\w*|арест\w*|ответственност\w*)",
    r"\b(заборон\w*|штраф\w*|покаран\w*|арешт\w*)",
    r"\b(тыйым\w*|айыппұл\w*|жаза\w*)",
)
_GROUPS: dict[str, tuple[str, ...]] = {
    "lgbt": (
        r"\b(lgbt\w*|gay|gays|lesbian\w*|homosexual\w*|bisexual\w*|transgender\w*|same-sex|"
        r"sexual orientation|gender identity|non-?traditional sexual)\b",
        r"\b(лгбт\w*|гей\w*|лесби\w*|гомосексуал\w*|трансгендер\w*|однопол\w*|"
        r"нетрадиционн\w* сексуальн\w*|сексуальн\w* ориентац\w*|нетрадиційн\w*)",
        r"\b(дәстүрлі емес)",
    ),
    "religious": (r"\b(religio\w*|believers?|missionar\w*|sect|sects)\b",
                  r"\b(религиоз\w*|верующ\w*|миссионер\w*|сект\w*|релігій\w*)"),
    "ethnic": (r"\b(ethnic\w*|racial|national minorit\w*)\b",
               r"\b(этническ\w*|национальн\w* меньшинств\w*|етнічн\w*)"),
    "women": (r"\b(women|woman)\b", r"\b(женщин\w*|жінок|жінки)"),
    "other": (r"\b(foreign agents?|ngos?)\b",
              r"\b(иностранн\w* агент\w*|иноагент\w*|некоммерческ\w*|іноземн\w* агент\w*)"),
}
_CHILDREN = (r"\b(child\w*|minors?)\b", r"\b(дет\w*|ребен\w*|ребён\w*|несовершеннолетн\w*|діт\w*)",
             r"\b(бала\w*)")
_VAGUE = (r"\b(propagand\w*|promot\w*|popular\w*)\b", r"\b(пропаганд\w*|насихат\w*)")


def _find(patterns: Iterable[str], text: str) -> list[tuple[int, int]]:
    out = []
    for p in patterns:
        out.extend((m.start(), m.end()) for m in re.finditer(p, text, re.IGNORECASE))
    return sorted(out)


def baseline_predict(text: str) -> Prediction:
    """Keyword baseline: incompatible when the text names a group and a ban word.

    It then predicts ICCPR 19 and 26 (the Fedotova pair), engages expression and equality (and
    children when they are named), targets the first group named, and marks every "propaganda"
    or "promotion" word as vague. Anything else is compatible with nothing engaged.
    """
    has_ban = bool(_find(_BAN, text))
    group = next((g for g, pats in _GROUPS.items() if _find(pats, text)), None)
    vague = tuple(_find(_VAGUE, text))
    if has_ban and group:
        engages = {"expression", "equality"}
        if _find(_CHILDREN, text):
            engages.add("children")
        labels = Labels(engages=frozenset(engages), conflicts_iccpr=frozenset({19, 26}),
                        targets_group=group, vague_terms=(), verdict="incompatible")
    else:
        labels = Labels(engages=frozenset(), conflicts_iccpr=frozenset(), targets_group="none",
                        vague_terms=(), verdict="compatible")
    terms = tuple(dict.fromkeys(text[s:e] for s, e in vague))
    return Prediction(labels=Labels(labels.engages, labels.conflicts_iccpr, labels.targets_group,
                                    terms, labels.verdict), vague_spans=vague)


# --------------------------------------------------------------------------- CLI


def evaluate_cli(args: Any) -> int:
    """``python -m analysis evaluate DIR [--json]``."""
    report = evaluate_dir(args.dir)
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, sort_keys=True,
                                    indent=2) + "\n")
    else:
        sys.stdout.write(render_report(report))
    return 0


def _fmt_set(values: Iterable[Any]) -> str:
    items = sorted(values, key=str)
    return "[" + ", ".join(str(v) for v in items) + "]"


def _fmt_labels(labels: Labels | None) -> str:
    if labels is None:
        return "-"
    return (f"verdict={labels.verdict} conflicts={_fmt_set(labels.conflicts_iccpr)} "
            f"group={labels.targets_group} engages={_fmt_set(labels.engages)}")


def render_report(report: EvalReport) -> str:
    """Per case expected vs predicted, then the metric table (analysis vs baseline)."""
    out = []
    for r in report.cases:
        ok = (r.expected is not None and r.predicted is not None
              and r.predicted.labels.verdict == r.expected.verdict)
        out.append(f"{'OK  ' if ok else 'MISS'} {r.case_id}")
        out.append(f"     expected:  {_fmt_labels(r.expected)}")
        out.append(f"     predicted: {_fmt_labels(r.predicted.labels if r.predicted else None)}")
        out.append(f"     baseline:  {_fmt_labels(r.baseline.labels if r.baseline else None)}")
        if r.expected and r.expected.vague_terms:
            hits = sum(r.vague_found)
            out.append(f"     vague terms found: {hits}/{len(r.vague_found)}")
        if r.error:
            out.append("     error: " + r.error.replace("\n", "\n            "))
        for note in r.notes:
            out.append(f"     note: {note}")
    out.append("")
    out.append(f"{'metric':<28}{'analysis':>10}{'baseline':>10}")
    out.append("-" * 48)
    for key in METRIC_KEYS:
        a, b = report.metrics.get(key), report.baseline.get(key)
        out.append(f"{key:<28}{_fmt_metric(a):>10}{_fmt_metric(b):>10}")
    return "\n".join(out) + "\n"


def _fmt_metric(v: Any) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)
