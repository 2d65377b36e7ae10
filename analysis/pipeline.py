"""The whole flow for one text: read -> annotate -> reason -> review -> :class:`Analysis`.

``findings.json`` is :func:`analysis.models.dump_json` of the result: sorted keys, no
timestamps, byte-identical across runs of the same input, knowledge base and review file.

Which law applies (``as_of``), a deterministic rule:

1. ``--as-of`` / ``as_of=`` when given;
2. else the input's own date (front matter ``date``: the day a petition was posted, a law
   adopted), or 30 June of its ``year`` when only the year is known;
3. else the last day on which the knowledge base holds the text of every provision (the day
   before the first version without text starts, i.e. 30 June 2026 while the 2026 Constitution's
   text is missing), with a warning. Never today's date silently: the same input must give the
   same findings tomorrow.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from . import __version__
from .chapeau import read_under_chapeaus
from .definitions import read_with_definitions
from .opposed_bills import read_opposed_bills
from .reported_events import read_reported_events
from .errors import InputError, InputTooLargeError
from .models import STATUS_SEVERITY_ORDER, Analysis, Clause, Finding, InputInfo, dump_json
from .review import ReviewFile, apply_review, load_review

FALLBACK_AS_OF = date(2026, 6, 30)

MAX_CLAUSES = 2000
"""Clauses one analysis accepts. Every test of every provision is evaluated per clause (about
26 findings each), so 50,000 one-line clauses would mean 1.3 million findings and a brief no
one can read; the longest real text we hold (a UN views document) has 243 clauses.

Reasoning is no longer what limits it (1,859 real clauses: annotation 2.6 s, reasoning 1.3 s
CPU, was 12.5 s); the output is: 48,000 findings make a 62 MB findings.json (3-4 s to
encode) and a process of ~700 MB, so a higher limit would break the 1 GB memory target of
issue 7 at about 2,700 clauses. Measured with /tmp scripts on corpus paragraphs, Dec 2026."""

MAX_CLAUSE_CHARS = 20_000
"""Characters in one clause. The longest real clause we hold has 2,660; a longer one means the
text lost its line breaks and punctuation (one 1 MB line), and quoting it as evidence in every
finding would bloat the outputs."""


def check_workload(lengths: list[int], *, where: str, max_clauses: int = MAX_CLAUSES,
                   max_clause_chars: int = MAX_CLAUSE_CHARS) -> None:
    """Refuse, with a plain message, a text whose clauses are too many or too long to analyse
    in reasonable time (``lengths``: characters per segment)."""
    if len(lengths) > max_clauses:
        raise InputTooLargeError(
            f"the text splits into {len(lengths):,} clauses, above the limit of "
            f"{max_clauses:,} for one analysis",
            where=where,
            hint="analyse the relevant chapters or articles as separate files (or use "
                 "'python -m analysis screen' for many short texts)",
        )
    longest = max(lengths, default=0)
    if longest > max_clause_chars:
        raise InputTooLargeError(
            f"one clause is {longest:,} characters long (the limit is {max_clause_chars:,}): "
            "the text seems to have lost its line breaks and sentence punctuation",
            where=where,
            hint="restore the paragraphs (one point or sentence per line) and try again",
        )


# --------------------------------------------------------------------------- as_of


def _parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def parse_as_of(value: str | date | None) -> date | None:
    """``--as-of`` value to a date; a clear error for anything else."""
    if value is None or isinstance(value, date):
        return value
    parsed = _parse_date(value)
    if parsed is None:
        raise InputError(f"'{value}' is not a date", where="--as-of",
                         hint="write the date as YYYY-MM-DD, e.g. 2024-08-01")
    return parsed


def kb_text_horizon(kb) -> date:
    """The last day on which every provision in the KB has a version with text."""
    from .reasoning import kb_provisions

    starts = [v.valid_from for p in kb_provisions(kb) for v in p.versions
              if not v.texts and v.valid_from is not None]
    return min(starts) - timedelta(days=1) if starts else FALLBACK_AS_OF


def choose_as_of(as_of: date | str | None, metadata: Mapping[str, Any], kb
                 ) -> tuple[date, str]:
    """(date, how it was chosen) by the rule in the module docstring."""
    explicit = parse_as_of(as_of)
    if explicit:
        return explicit, "given"
    for key in ("as_of", "date", "date_adopted", "posted"):
        d = _parse_date(metadata.get(key))
        if d:
            return d, f"input {key}"
    year = metadata.get("year")
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", str(year)) if year else None
    if m:
        return date(int(m.group(1)), 6, 30), "input year (30 June)"
    return kb_text_horizon(kb), "knowledge-base horizon (no date in the input)"


# --------------------------------------------------------------------------- building


def _review_for(path: str | None, review: str | os.PathLike | ReviewFile | None
                ) -> ReviewFile | None:
    if isinstance(review, ReviewFile):
        return review
    if review is not None:
        return load_review(review)
    if not path or path.startswith("<"):
        return None
    p = Path(path)
    default = p / "review.yaml" if p.is_dir() else p.with_name(p.name + ".review.yaml")
    return load_review(default) if default.is_file() else None


def default_review_path(path: str | os.PathLike) -> Path:
    """``<input>.review.yaml`` beside a file, ``<folder>/review.yaml`` for a folder."""
    p = Path(path)
    return p / "review.yaml" if p.is_dir() else p.with_name(p.name + ".review.yaml")


def analyse_annotated(annotated, *, as_of: date | str | None = None,
                      review: str | os.PathLike | ReviewFile | None = None, kb=None,
                      path: str | None = None) -> Analysis:
    """Reason over an already annotated document (batch screening annotates in bulk)."""
    from .framework import load_kb
    from .precedents import similar_precedents
    from .reasoning import (
        conflicts_iccpr, derive_admissibility, derive_engages, derive_targets_group,
        derive_verdict, derive_vague_terms, reason, worst_by_provision,
    )
    from .signals import completeness_of

    document = annotated.document
    check_workload([c.end - c.start for c in annotated.clauses],
                   where=str(path or document.path))
    kb = kb or load_kb()
    meta = dict(document.metadata or {})
    when, how = choose_as_of(as_of, meta, kb)
    completeness = completeness_of(meta)
    clauses: tuple[Clause, ...] = tuple(annotated.clauses)
    # list items are read with their chapeau ("shall not—", «запрещается:»); the Analysis
    # keeps the annotator's clauses and spans, which the brief shows, with the kind so read
    # and a petition's description of the bill it opposes as that bill's content
    analysed = read_reported_events(read_opposed_bills(read_with_definitions(
        read_under_chapeaus([c for c in clauses if c.language is not None]))), meta.get("kind"))
    kinds = {id(c): r.kind for c, r in zip([c for c in clauses if c.language is not None],
                                            analysed) if r.kind != c.kind}
    if kinds:
        clauses = tuple(c.model_copy(update={"kind": kinds[id(c)]}) if id(c) in kinds else c
                        for c in clauses)
    reasoned = reason(analysed, kb, as_of=when, metadata=meta, completeness=completeness)
    rf = _review_for(path or document.path, review)
    findings, stale = apply_review(reasoned.findings, rf)
    provisions = worst_by_provision(findings)
    admissibility = derive_admissibility(
        findings, reasoned.signals["document"], None if reasoned.domestic_applied else False, kb)
    warnings = list(reasoned.warnings)
    if how.startswith("knowledge-base"):
        warnings.append(f"No date in the input: the law in force on {when.isoformat()} was "
                        "applied (the last day the knowledge base has every text); pass --as-of.")
    if stale:
        warnings.append(f"{len(stale)} reviewer decision(s) refer to findings that no longer "
                        "exist (see stale_reviews).")
    known = _authority_ids(kb)
    info = InputInfo(
        path=str(path or document.path), sha256=document.sha256,
        languages=tuple(annotated.languages), completeness=completeness,
        title=document.title, encoding=document.encoding, format=document.format,
        metadata=_jsonable(meta),
    )
    return Analysis(
        input=info, as_of=when, kb_version=str(kb.version), package_version=__version__,
        parameters={"as_of_rule": how, "review_file": rf.path if rf else None,
                    "domestic_law_applied": reasoned.domestic_applied},
        verdict=derive_verdict(provisions, findings),
        engages=derive_engages(findings, reasoned.signals, kb, analysed),
        conflicts_iccpr=conflicts_iccpr(provisions),
        targets_group=derive_targets_group(findings, analysed),
        vague_terms=derive_vague_terms(analysed),
        admissibility=admissibility,
        provisions=provisions,
        clauses=clauses,
        findings=findings,
        precedents=similar_precedents(analysed, known_authorities=known),
        skipped=tuple(getattr(annotated, "skipped", ()) or ()),
        stale_reviews=stale,
        warnings=tuple(warnings),
    )


@dataclass(frozen=True)
class Outcome:
    """What a screening row reports of one text: an :class:`Analysis` reduced to its verdict
    and the one finding a reader should see first."""

    languages: tuple[str, ...]
    verdict: str
    conflicts_iccpr: tuple[int, ...]
    targets_group: str
    top: Finding | None


def top_finding(findings: Iterable[Finding]) -> Finding | None:
    """The finding a reader should see first: worst effective status, then severity,
    confidence, id (rejected findings left out; the first in order on a full tie).

    Two passes: the worst status first (one dict lookup per finding), then the full ordering
    among the findings with that status only (a text has some 26 findings per clause)."""
    from .reasoning import live_status

    order = STATUS_SEVERITY_ORDER
    live = [(f, s) for f in findings for s in [live_status(f)] if s is not None]
    if not live:
        return None
    worst = max(order.get(s, 0) for _, s in live)
    return min((f for f, s in live if order.get(s, 0) == worst), key=lambda f: (
        -_SEVERITY_RANK.get(f.severity, 0), -f.confidence, f.id))


_SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1, "none": 0}


def outcome_of(analysis: Analysis) -> Outcome:
    return Outcome(languages=tuple(analysis.input.languages), verdict=analysis.verdict,
                   conflicts_iccpr=tuple(analysis.conflicts_iccpr),
                   targets_group=analysis.targets_group, top=top_finding(analysis.findings))


def screen_annotated(annotated, *, as_of: date | str | None = None, kb=None,
                     path: str | None = None) -> Outcome:
    """The :class:`Outcome` of :func:`analyse_annotated`, for batch screening, without
    building the whole analysis: lean reasoning (:func:`analysis.reasoning.reason` with
    ``lean=True``) keeps the raised findings and counts the rest, and nothing a row does not
    show (rationales, precedents, admissibility grounds) is worded. A text with a reviewer's
    file beside it goes through the full analysis, so that the decisions apply as they do in a
    brief. The two paths give the same rows (tests/test_screen_lean.py)."""
    from .framework import load_kb
    from .reasoning import (
        conflicts_iccpr, derive_targets_group, derive_verdict, in_text_order, live_status,
        reason, unraised_findings, worst_by_provision,
    )
    from .signals import completeness_of

    document = annotated.document
    if _review_for(path or document.path, None) is not None:
        return outcome_of(analyse_annotated(annotated, as_of=as_of, kb=kb, path=path))
    check_workload([c.end - c.start for c in annotated.clauses],
                   where=str(path or document.path))
    kb = kb or load_kb()
    meta = dict(document.metadata or {})
    when, _ = choose_as_of(as_of, meta, kb)
    analysed = read_reported_events(read_opposed_bills(read_with_definitions(
        read_under_chapeaus([c for c in annotated.clauses if c.language is not None]))),
        meta.get("kind"))
    reasoned = reason(analysed, kb, as_of=when, metadata=meta,
                      completeness=completeness_of(meta), lean=True)
    findings = reasoned.findings
    provisions = worst_by_provision(findings)
    order = STATUS_SEVERITY_ORDER
    worst = max((order[s] for f in findings for s in [live_status(f)] if s is not None),
                default=-1)
    # not-raised clause findings are compatible or not engaged: they can be the top finding
    # only when nothing worse was found
    below = [s for s in ("compatible", "not_engaged") if order[s] >= worst]
    candidates = (in_text_order(list(findings) + unraised_findings(reasoned, below), analysed)
                  if below else findings)
    return Outcome(languages=tuple(annotated.languages),
                   verdict=derive_verdict(provisions, findings),
                   conflicts_iccpr=conflicts_iccpr(provisions),
                   targets_group=derive_targets_group(findings, analysed),
                   top=top_finding(candidates))


def _authority_ids(kb) -> set[str] | None:
    auth = getattr(kb, "authorities", None)
    if auth is None:
        return None
    if isinstance(auth, Mapping):
        return set(auth)
    return {a.id for a in auth}


def _jsonable(value: Any) -> Any:
    """Front matter may hold dates; the JSON contract wants plain values, keys sorted later."""
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def analyse_document(document, *, as_of: date | str | None = None,
                     review: str | os.PathLike | ReviewFile | None = None, kb=None,
                     path: str | None = None) -> Analysis:
    from .nlp import annotate
    from .nlp.segment import segment

    # cheap pre-checks before the costly annotation: segmenting takes well under a second,
    # and a broken review file is reported before minutes of work, not after
    check_workload([u.end - u.start for u in segment(document.normalised)],
                   where=str(path or document.path))
    review = _review_for(path or document.path, review)
    return analyse_annotated(annotate(document), as_of=as_of, review=review, kb=kb,
                             path=path or document.path)


def analyse_text(text: str, *, metadata: Mapping[str, Any] | None = None,
                 as_of: date | str | None = None,
                 review: str | os.PathLike | ReviewFile | None = None,
                 path: str = "<text>", kb=None) -> Analysis:
    """Analyse a string (front matter, if any, is read as metadata)."""
    from .text import document_from_text

    document = document_from_text(text, metadata=dict(metadata or {}), path=path)
    return analyse_document(document, as_of=as_of, review=review, kb=kb, path=path)


def analyse_file(path: str | os.PathLike, *, as_of: date | str | None = None,
                 review: str | os.PathLike | ReviewFile | None = None, kb=None) -> Analysis:
    """Analyse a file or a bundled petition folder; ``<input>.review.yaml`` applies if present."""
    from .text import read_document

    document = read_document(path)
    return analyse_document(document, as_of=as_of, review=review, kb=kb, path=str(path))


def findings_frame(analysis: Analysis):
    """A pandas DataFrame view: one row per finding, machine status and review side by side."""
    import pandas as pd

    rows = []
    for f in analysis.findings:
        r = f.review
        rows.append({
            "id": f.id, "clause_id": f.clause_id, "provision_id": f.provision_id,
            "test_id": f.test_id, "status": f.status, "effective_status": f.effective_status,
            "severity": f.severity, "confidence": f.confidence,
            "rationale_en": f.rationale.get("en", ""), "rationale_ru": f.rationale.get("ru", ""),
            "evidence": "; ".join(s.text for s in f.evidence),
            "authorities": "; ".join(a.citation for a in f.authorities),
            "review_decision": r.decision if r else None,
            "reviewer": r.reviewer if r else None,
            "review_date": r.date.isoformat() if r else None,
            "review_note": r.note if r else None,
        })
    columns = ["id", "clause_id", "provision_id", "test_id", "status", "effective_status",
               "severity", "confidence", "rationale_en", "rationale_ru", "evidence",
               "authorities", "review_decision", "reviewer", "review_date", "review_note"]
    return pd.DataFrame(rows, columns=columns)


def analyse_cli(args) -> int:
    """``python -m analysis analyse INPUT [--out FILE] [--as-of DATE] [--review FILE]``."""
    from .io import atomic_write_text

    analysis = analyse_file(args.input, as_of=getattr(args, "as_of", None),
                            review=getattr(args, "review", None))
    text = dump_json(analysis)
    out = getattr(args, "out", None)
    if out:
        atomic_write_text(out, text)
        print(f"{analysis.verdict}: {sum(1 for f in analysis.findings)} findings -> {out}")
    else:
        print(text, end="")
    return 0
