"""One language-specific view of an :class:`Analysis`, shared by every exporter.

HTML, Markdown, DOCX and the letters all render this view, so that they say the same thing:
which findings are reported, which were checked and not raised, what a reviewer decided, and
which texts and sources each finding rests on. Renderers only format; they decide nothing.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..models import STATUS_SEVERITY_ORDER, Analysis, Clause, Finding
from . import kbview
from .strings import (
    ADMISSIBILITY, COMPLETENESS, DECISION, SEVERITY, SPAN_LABEL, STATUS, TEST_NAME, VERDICT,
    VERIFICATION, localised, pick, t,
)

REPORTED = ("conflict", "concern", "needs_review")
"""Statuses a brief reports as findings; the others are listed as checked and not raised."""

SEVERITY_ORDER = {"high": 3, "medium": 2, "low": 1, "none": 0}
SPAN_PRIORITY = ("group", "vague", "measure", "penalty", "aim", "expression", "channel",
                 "protective", "practice", "legal_ref")


@dataclass(frozen=True)
class Piece:
    """A run of clause text with the span labels that cover it (empty = plain text)."""

    text: str
    labels: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()
    evidence: bool = False

    @property
    def label(self) -> str | None:
        for name in SPAN_PRIORITY:
            if name in self.labels:
                return name
        return self.labels[0] if self.labels else None


@dataclass(frozen=True)
class TextView:
    text: str
    lang: str
    verification: str
    verification_label: str
    source: str
    translation: str | None = None


@dataclass(frozen=True)
class AuthorityView:
    id: str
    citation: str
    verification: str
    verification_label: str
    quote: str | None = None
    holding: str | None = None


@dataclass(frozen=True)
class ReviewView:
    decision: str
    decision_label: str
    reviewer: str
    date: str
    note: str | None
    edited_status: str | None
    edited_rationale: str | None


@dataclass(frozen=True)
class FindingView:
    id: str
    clause_id: str
    provision_id: str
    provision_label: str
    provision_title: str
    texts: tuple[TextView, ...]
    test_id: str
    test_question: str
    status: str
    status_label: str
    machine_status: str
    machine_status_label: str
    severity: str
    severity_label: str
    confidence: str
    rationale: str
    machine_rationale: str
    evidence: tuple[str, ...]
    authorities: tuple[AuthorityView, ...]
    review: ReviewView | None
    audit: tuple[str, ...]
    rejected: bool
    accepted: bool
    rights: tuple[str, ...]
    test_name: str = ""  # short name of the test ("legality")
    group: str = ""  # HTML anchor of its provision#test group ("t-iccpr-art_26-...")


@dataclass(frozen=True)
class ClauseView:
    id: str
    heading: str | None
    language: str | None
    kind: str
    text: str
    pieces: tuple[Piece, ...]
    findings: tuple[FindingView, ...]  # reported (not rejected, status in REPORTED)
    checked: tuple[FindingView, ...]  # checked and not raised
    rejected: tuple[FindingView, ...]


@dataclass(frozen=True)
class SourceView:
    id: str
    title: str
    verification: str
    verification_label: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class BriefView:
    lang: str
    title: str
    analysis: Analysis
    verdict_label: str
    key_findings: tuple[FindingView, ...]
    clauses: tuple[ClauseView, ...]
    document: ClauseView
    all_findings: tuple[FindingView, ...]
    any_reviewed: bool
    letter_findings: tuple[FindingView, ...]
    recommendations: tuple[str, ...]
    recommendations_source: str
    scope: tuple[tuple[str, str], ...]
    metadata: tuple[tuple[str, str], ...]
    standards: tuple[str, ...]
    admissibility_label: str
    admissibility_grounds: str
    admissibility_findings: tuple[str, ...]
    admissibility_verification: str
    sources: tuple[SourceView, ...]
    input_sources: tuple[SourceView, ...]
    provenance: tuple[tuple[str, str], ...]
    legend: tuple[tuple[str, str], ...]
    skipped: tuple[str, ...]
    warnings: tuple[str, ...]
    stale: tuple[str, ...]
    provisions_applied: tuple[FindingView, ...] = ()
    groups: tuple["ProvisionGroup", ...] = ()
    key_provisions: tuple["KeyProvision", ...] = ()
    raised_clauses: tuple[ClauseView, ...] = ()
    quiet_clauses: tuple[ClauseView, ...] = ()
    not_raised: tuple["NotRaised", ...] = ()
    cited: tuple[AuthorityView, ...] = ()
    reported_count: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def t(self, key: str, **fmt: object) -> str:
        return t(self.lang, key, **fmt)


@dataclass(frozen=True)
class TestGroup:
    """Every finding of one provision's test: the reasoning is printed once, for the lead.

    The lead is the instrument-level finding when the reasoning gave one (it names the clauses
    it rests on), else the worst clause-level finding; the rows list every reported finding
    (with its id, clause, words relied on and reviewer decision), then the rejected ones.
    """

    key: str  # "<provision_id>#<test_id>"
    anchor: str
    test_id: str
    test_name: str
    test_question: str
    status: str  # worst reported status; "" when every finding was rejected
    status_label: str
    lead: FindingView
    rows: tuple[FindingView, ...]
    rejected: tuple[FindingView, ...]
    authorities: tuple[AuthorityView, ...]
    not_raised: int  # clauses where the test was checked and not raised


@dataclass(frozen=True)
class ProvisionGroup:
    provision_id: str
    anchor: str  # of the provision's heading in the findings
    text_anchor: str  # of its verbatim text in the annex
    label: str
    title: str
    status: str
    status_label: str
    tests: tuple[TestGroup, ...]


@dataclass(frozen=True)
class KeyProvision:
    """One line of the executive summary: a provision, its worst status, the tests raised."""

    label: str
    title: str
    anchor: str
    status: str
    status_label: str
    tests: tuple[str, ...]


@dataclass(frozen=True)
class NotRaised:
    """A test checked everywhere and raised nowhere, with how often each status came out."""

    label: str
    test_name: str
    counts: tuple[tuple[str, str, int], ...]  # (status, status label, number of findings)


def split_pieces(clause: Clause, evidence: Sequence[tuple[int, int]] = ()) -> tuple[Piece, ...]:
    """Cut the clause text at every span boundary so overlapping spans stay readable."""
    text = clause.text
    spans = [s for s in clause.spans if s.end > s.start]
    cuts = {0, len(text)}
    for s in spans:
        cuts.add(max(0, min(len(text), s.start - clause.start)))
        cuts.add(max(0, min(len(text), s.end - clause.start)))
    for a, b in evidence:
        cuts.add(max(0, min(len(text), a - clause.start)))
        cuts.add(max(0, min(len(text), b - clause.start)))
    points = sorted(cuts)
    pieces: list[Piece] = []
    for a, b in zip(points, points[1:]):
        if a == b:
            continue
        abs_a, abs_b = a + clause.start, b + clause.start
        covering = [s for s in spans if s.start <= abs_a and abs_b <= s.end]
        labels = tuple(dict.fromkeys(s.label for s in covering))
        concepts = tuple(dict.fromkeys(s.concept for s in covering))
        ev = any(e_a <= abs_a and abs_b <= e_b for e_a, e_b in evidence)
        pieces.append(Piece(text[a:b], labels, concepts, ev))
    return tuple(pieces)


def _is_accepted(f: Finding) -> bool:
    return bool(f.review and f.review.decision in ("accept", "edit"))


def _finding_view(f: Finding, a: Analysis, kb: Any, lang: str) -> FindingView:
    prov = kbview.provision(kb, f.provision_id)
    label = localised(kbview.get(prov, "label"), lang) or f.provision_id
    title = localised(kbview.get(prov, "title"), lang)
    rights = tuple(kbview.get(prov, "rights", ()) or ()) or _rights_from_id(f.provision_id)
    texts: list[TextView] = []
    raw = kbview.version_texts(kb, f.provision_id, a.as_of) or ()
    chosen = sorted((x for x in raw if x.lang == lang), key=lambda x: -_vorder(x.verification))[:1]
    best = sorted(raw, key=lambda x: -_vorder(x.verification))[:1]
    for x in chosen + [b for b in best if b not in chosen]:
        src = kbview.source(kb, x.source_id)
        texts.append(TextView(
            x.text, x.lang, x.verification, pick(VERIFICATION, lang, x.verification),
            kbview.get(src, "title", x.source_id), x.translation,
        ))
    test = kbview.test(kb, f.provision_id, f.test_id)
    question = localised(kbview.get(test, "question"), lang) or f.test_id
    auths = []
    for ref in f.authorities:
        au = kbview.authority(kb, ref.id)
        auths.append(AuthorityView(
            ref.id, ref.citation, ref.verification, pick(VERIFICATION, lang, ref.verification),
            kbview.get(au, "quote"), kbview.get(au, "holding"),
        ))
    machine_rationale = localised(f.rationale, lang)
    review = None
    audit = [t(lang, "audit_machine", date=a.as_of.isoformat(),
               status=pick(STATUS, lang, f.status), confidence=f"{f.confidence:.2f}")]
    rationale = machine_rationale
    if f.review:
        r = f.review
        review = ReviewView(
            r.decision, pick(DECISION, lang, r.decision), r.reviewer, r.date.isoformat(), r.note,
            pick(STATUS, lang, r.status) if r.status else None, r.rationale,
        )
        audit.append(t(lang, "audit_review", date=r.date.isoformat(), reviewer=r.reviewer,
                       decision=pick(DECISION, lang, r.decision)))
        if r.decision == "edit" and r.rationale:
            rationale = r.rationale
    status = f.effective_status
    return FindingView(
        id=f.id, clause_id=f.clause_id, provision_id=f.provision_id, provision_label=label,
        provision_title=title, texts=tuple(texts), test_id=f.test_id, test_question=question,
        status=status, status_label=pick(STATUS, lang, status), machine_status=f.status,
        machine_status_label=pick(STATUS, lang, f.status), severity=f.severity,
        severity_label=pick(SEVERITY, lang, f.severity), confidence=f"{f.confidence:.2f}",
        rationale=rationale, machine_rationale=machine_rationale,
        evidence=tuple(dict.fromkeys(s.text for s in f.evidence)), authorities=tuple(auths),
        review=review, audit=tuple(audit), rejected=f.rejected, accepted=_is_accepted(f),
        rights=rights, test_name=test_name(f.test_id, kbview.get(test, "kind"), lang),
        group=anchor("t", f"{f.provision_id}#{f.test_id}"),
    )


def distinct_words(evidence: Sequence[str]) -> tuple[str, ...]:
    """The quoted words minus those inside a longer quote of the same list («hidden» inside
    «open and hidden»): each word is cited once, the longest phrase keeps the context."""
    items = list(dict.fromkeys(evidence))
    folded = [x.casefold() for x in items]
    return tuple(x for x, fx in zip(items, folded)
                 if not any(fx != fy and fx in fy for fy in folded))


def ids_by_clause(ids: Sequence[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Finding ids ``clause/provision#test`` grouped by clause, in order: (clause, rests)."""
    groups: dict[str, list[str]] = {}
    for fid in ids:
        clause, _, rest = fid.partition("/")
        groups.setdefault(clause, []).append(rest or clause)
    return tuple((c, tuple(r)) for c, r in groups.items())


def anchor(prefix: str, key: str) -> str:
    """An HTML id from a provision or finding key (letters, digits, ``_`` and ``-`` only)."""
    return prefix + "-" + re.sub(r"[^A-Za-z0-9_]+", "-", key).strip("-")


def test_name(test_id: str, kind: str | None, lang: str) -> str:
    """Short name of a test: by its id, else by its kind, else the id in words."""
    names = TEST_NAME.get(lang, {})
    return names.get(test_id) or names.get(kind or "") or test_id.replace("_", " ")


def _vorder(level: str) -> int:
    from ..models import VERIFICATION_ORDER

    return VERIFICATION_ORDER.get(level, -1)


_ICCPR_RIGHTS = {"19": "expression", "26": "equality", "2": "equality", "21": "assembly",
                 "22": "association", "17": "privacy", "23": "family", "24": "children",
                 "18": "religion"}


def _rights_from_id(provision_id: str) -> tuple[str, ...]:
    """Fallback without a knowledge base: the right an ICCPR article protects."""
    if provision_id.startswith("iccpr/art_"):
        art = provision_id.split("art_", 1)[1].split("__", 1)[0]
        if art in _ICCPR_RIGHTS:
            return (_ICCPR_RIGHTS[art],)
    return ()


def _sort_key(fv: FindingView) -> tuple:
    return (-STATUS_SEVERITY_ORDER.get(fv.status, 0), -SEVERITY_ORDER.get(fv.severity, 0),
            fv.id)


def _clause_view(clause: Clause, fvs: Sequence[FindingView], findings: Sequence[Finding]) -> ClauseView:
    evidence = [(s.start, s.end) for f in findings if f.clause_id == clause.id
                and not f.rejected and f.effective_status in REPORTED for s in f.evidence]
    mine = [fv for fv in fvs if fv.clause_id == clause.id]
    return ClauseView(
        id=clause.id, heading=clause.heading, language=clause.language, kind=clause.kind,
        text=clause.text, pieces=split_pieces(clause, evidence),
        findings=tuple(sorted((x for x in mine if not x.rejected and x.status in REPORTED),
                              key=_sort_key)),
        checked=tuple(sorted((x for x in mine if not x.rejected and x.status not in REPORTED),
                             key=lambda x: x.id)),
        rejected=tuple(sorted((x for x in mine if x.rejected), key=lambda x: x.id)),
    )


def _recommendations(kb: Any, lang: str) -> tuple[tuple[str, ...], str]:
    recs = kbview.context(kb, "recommendations")
    if recs is None:
        return (), ""
    items = kbview.get(recs, "items", recs) if not isinstance(recs, (list, tuple)) else recs
    source_id = kbview.get(recs, "source_id") or kbview.get(recs, "source") or ""
    out = []
    for item in items or ():
        text = kbview.get(item, "text", item)
        out.append(localised(text, lang))
        source_id = source_id or kbview.get(item, "source_id") or kbview.get(item, "source") or ""
    src = kbview.source(kb, source_id) if source_id else None
    return tuple(x for x in out if x), kbview.get(src, "title", source_id) or ""


def _flat(value: Any) -> str:
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _metadata_rows(meta: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    rows = []
    for key in sorted(meta):
        if key in ("sources", "body_parts"):
            continue
        value = meta[key]
        if isinstance(value, dict):
            for sub in sorted(value):
                if sub == "sources":
                    continue
                rows.append((f"{key}.{sub}", _flat(value[sub])))
        else:
            rows.append((key, _flat(value)))
    return tuple(rows)


def _input_sources(meta: dict[str, Any], lang: str) -> tuple[SourceView, ...]:
    out = []
    for item in meta.get("sources") or ():
        if not isinstance(item, dict):
            out.append(SourceView(str(item), str(item), "", ""))
            continue
        level = str(item.get("verification", ""))
        out.append(SourceView(
            str(item.get("id", "")), str(item.get("id", "")), level,
            pick(VERIFICATION, lang, level) if level else "", str(item.get("gives", "")),
            str(item.get("url", "")),
        ))
    return tuple(out)


def _kb_sources(fvs: Sequence[FindingView], a: Analysis, kb: Any, lang: str,
                extra_ids: Sequence[str]) -> tuple[SourceView, ...]:
    seen: dict[str, SourceView] = {}
    ids: list[str] = list(extra_ids)
    for fv in fvs:
        raw = kbview.version_texts(kb, fv.provision_id, a.as_of) or ()
        ids.extend(x.source_id for x in raw)
        for au in fv.authorities:
            obj = kbview.authority(kb, au.id)
            if obj is not None:
                ids.append(obj.source_id)
            elif au.citation not in seen:
                seen[au.citation] = SourceView(au.id, au.citation, au.verification,
                                               au.verification_label)
    for sid in ids:
        src = kbview.source(kb, sid)
        if src is None or sid in seen:
            continue
        level = kbview.get(src, "verification", "")
        seen[sid] = SourceView(
            sid, kbview.get(src, "title", sid), level, pick(VERIFICATION, lang, level),
            " ".join(x for x in (kbview.get(src, "symbol", ""), kbview.get(src, "completeness", ""))
                     if x),
            (kbview.get(src, "urls", ()) or ("",))[0],
        )
    return tuple(sorted(seen.values(), key=lambda s: (s.title.casefold(), s.id)))


def _key_findings(reported: Sequence[FindingView]) -> tuple[FindingView, ...]:
    """One finding per provision and test: the instrument-level one when the reasoning gave
    it (clause ``document``), else the worst clause-level one, conflicts and concerns only."""
    best: dict[tuple[str, str], FindingView] = {}
    for fv in sorted(reported, key=_sort_key):
        if fv.status not in ("conflict", "concern"):
            continue
        k = (fv.provision_id, fv.test_id)
        cur = best.get(k)
        if cur is None or (fv.clause_id == "document" and cur.clause_id != "document"):
            best[k] = fv
    return tuple(sorted(best.values(), key=_sort_key))


def _provisions_applied(fvs: Sequence[FindingView]) -> tuple[FindingView, ...]:
    """The first reported finding of each provision: its label, title and verbatim texts."""
    seen: dict[str, FindingView] = {}
    for fv in fvs:
        if not fv.rejected and fv.status in REPORTED and fv.provision_id not in seen:
            seen[fv.provision_id] = fv
    return tuple(sorted(seen.values(), key=lambda x: x.provision_id))


def build_view(a: Analysis, *, lang: str = "en", kb: Any = None) -> BriefView:
    """Compute everything the exporters show, in ``lang``, from the analysis (and the KB)."""
    fvs = tuple(_finding_view(f, a, kb, lang) for f in a.findings)
    clauses = tuple(_clause_view(c, fvs, a.findings) for c in a.clauses)
    doc_clause = Clause(id="document", start=0, end=0, text="", language=None, kind="description")
    document = _clause_view(doc_clause, fvs, ())
    reported = [fv for fv in fvs if not fv.rejected and fv.status in REPORTED]
    key = _key_findings(reported)
    groups, quiet = build_groups(fvs, [c.id for c in a.clauses], kb, lang)
    any_reviewed = any(f.review is not None for f in a.findings)
    if any_reviewed:
        letter = tuple(fv for fv in key if fv.accepted)
    else:
        letter = key
    recs, recs_src = _recommendations(kb, lang)
    meta = dict(a.input.metadata or {})
    title = a.input.title or str(meta.get("title") or "") or a.input.path
    standards = tuple(dict.fromkeys(fv.provision_label for fv in sorted(fvs, key=lambda x: x.provision_id)))
    scope = (
        (t(lang, "scope_title"), title),
        (t(lang, "scope_file"), a.input.path),
        (t(lang, "scope_languages"), ", ".join(a.input.languages) or t(lang, "unknown")),
        (t(lang, "scope_completeness"), pick(COMPLETENESS, lang, a.input.completeness)
         + (f" — {meta['completeness_note']}" if meta.get("completeness_note") else "")),
        (t(lang, "scope_as_of"), a.as_of.isoformat()),
    )
    adm = a.admissibility
    params = json.dumps(a.parameters, ensure_ascii=False, sort_keys=True, default=str)
    provenance = (
        (t(lang, "prov_sha256"), a.input.sha256),
        (t(lang, "prov_kb"), a.kb_version),
        (t(lang, "prov_package"), a.package_version),
        (t(lang, "prov_parameters"), params),
        (t(lang, "prov_as_of"), a.as_of.isoformat()),
    )
    legend = tuple((name, pick(SPAN_LABEL, lang, name)) for name in SPAN_PRIORITY)
    recs_source_id = ""
    recs_ctx = kbview.context(kb, "recommendations")
    if recs_ctx is not None and not isinstance(recs_ctx, (list, tuple)):
        recs_source_id = kbview.get(recs_ctx, "source_id") or kbview.get(recs_ctx, "source") or ""
    return BriefView(
        lang=lang, title=title, analysis=a,
        verdict_label=pick(VERDICT, lang, a.verdict), key_findings=key, clauses=clauses,
        document=document, all_findings=fvs, any_reviewed=any_reviewed, letter_findings=letter,
        recommendations=recs, recommendations_source=recs_src, scope=scope,
        metadata=_metadata_rows(meta), standards=standards,
        admissibility_label=pick(ADMISSIBILITY, lang, adm.answer),
        admissibility_grounds=localised(adm.grounds, lang),
        admissibility_findings=adm.findings,
        admissibility_verification=pick(VERIFICATION, lang, adm.verification)
        if adm.verification else "",
        sources=_kb_sources(fvs, a, kb, lang, [recs_source_id] if recs_source_id else []),
        input_sources=_input_sources(meta, lang),
        provenance=provenance, legend=legend,
        skipped=tuple(f"{s.language or '?'}: {s.text[:200]} ({s.reason})" for s in a.skipped),
        warnings=a.warnings,
        stale=tuple(f"{s.finding_id} — {s.reviewer}: {s.decision}" for s in a.stale_reviews),
        provisions_applied=_provisions_applied(fvs),
        groups=groups, key_provisions=key_provisions(groups),
        raised_clauses=tuple(c for c in clauses if c.findings or c.rejected),
        quiet_clauses=tuple(c for c in clauses if not (c.findings or c.rejected)),
        not_raised=quiet, cited=cited_authorities(groups), reported_count=len(reported),
    )


def _natural(text: str) -> tuple:
    """Sort key that puts art_2 before art_19 (numbers compared as numbers)."""
    return tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in re.split(r"(\d+)", text))


def provision_order(kb: Any, provision_id: str) -> tuple:
    """International instruments first, then the constitution, then other law, by article."""
    prov = kbview.provision(kb, provision_id)
    instrument = kbview.get(prov, "instrument", provision_id.split("/", 1)[0])
    intl = kbview.get(prov, "jurisdiction", "intl" if instrument == "iccpr" else "") == "intl"
    rank = 0 if intl else 1 if "const" in instrument else 2
    return (rank, _natural(instrument), _natural(provision_id))


def _test_order(kb: Any, provision_id: str, test_id: str) -> int:
    tests = [kbview.get(x, "id") for x in kbview.get(kbview.provision(kb, provision_id), "tests", ())
             or ()]
    return tests.index(test_id) if test_id in tests else len(tests)


def _worst(statuses) -> str:
    ranked = sorted((s for s in statuses if s in REPORTED),
                    key=lambda s: -STATUS_SEVERITY_ORDER.get(s, 0))
    return ranked[0] if ranked else ""


def build_groups(fvs: Sequence[FindingView], clause_order: Sequence[str], kb: Any, lang: str
                 ) -> tuple[tuple[ProvisionGroup, ...], tuple[NotRaised, ...]]:
    """Findings grouped by provision and test, in the order a lawyer cites them."""
    position = {cid: i for i, cid in enumerate(["document", *clause_order])}
    by_key: dict[tuple[str, str], list[FindingView]] = {}
    for fv in fvs:
        by_key.setdefault((fv.provision_id, fv.test_id), []).append(fv)
    keys = sorted(by_key, key=lambda k: (provision_order(kb, k[0]), _test_order(kb, *k), k[1]))
    tests: dict[str, list[TestGroup]] = {}
    quiet: list[NotRaised] = []
    for pid, tid in keys:
        items = sorted(by_key[(pid, tid)], key=lambda x: (position.get(x.clause_id, 10**6), x.id))
        rows = tuple(x for x in items if not x.rejected and x.status in REPORTED)
        rejected = tuple(x for x in items if x.rejected)
        checked = [x for x in items if not x.rejected and x.status not in REPORTED]
        first = items[0]
        if not rows and not rejected:
            counts: dict[str, int] = {}
            for x in checked:
                counts[x.status] = counts.get(x.status, 0) + 1
            quiet.append(NotRaised(first.provision_label, first.test_name, tuple(
                (st, pick(STATUS, lang, st), n) for st, n in
                sorted(counts.items(), key=lambda kv: -STATUS_SEVERITY_ORDER.get(kv[0], 0)))))
            continue
        doc = [x for x in rows if x.clause_id == "document"]
        lead = doc[0] if doc else (sorted(rows, key=_sort_key)[0] if rows else rejected[0])
        auths: dict[str, AuthorityView] = {}
        for x in (lead, *rows):
            for au in x.authorities:
                auths.setdefault(au.id, au)
        status = _worst(x.status for x in rows)
        tests.setdefault(pid, []).append(TestGroup(
            key=f"{pid}#{tid}", anchor=first.group, test_id=tid, test_name=first.test_name,
            test_question=first.test_question, status=status,
            status_label=pick(STATUS, lang, status) if status else t(lang, "rejected_by_reviewer"),
            lead=lead, rows=rows, rejected=rejected, authorities=tuple(auths.values()),
            not_raised=sum(1 for x in checked if x.clause_id != "document"),
        ))
    groups = []
    for pid, items in tests.items():
        first = items[0].lead
        status = _worst(g.status for g in items)
        groups.append(ProvisionGroup(
            provision_id=pid, anchor=anchor("p", pid), text_anchor=anchor("text", pid),
            label=first.provision_label, title=first.provision_title, status=status,
            status_label=pick(STATUS, lang, status) if status else t(lang, "rejected_by_reviewer"),
            tests=tuple(items),
        ))
    return tuple(groups), tuple(quiet)


def key_provisions(groups: Sequence[ProvisionGroup]) -> tuple[KeyProvision, ...]:
    """Executive summary: each provision with a conflict or concern, worst first."""
    out = []
    for g in groups:
        raised = tuple(tg.test_name for tg in g.tests if tg.status in ("conflict", "concern"))
        if raised:
            out.append(KeyProvision(g.label, g.title, g.anchor, g.status, g.status_label, raised))
    return tuple(sorted(out, key=lambda k: -STATUS_SEVERITY_ORDER.get(k.status, 0)))


def cited_authorities(groups: Sequence[ProvisionGroup]) -> tuple[AuthorityView, ...]:
    """Every authority the reported findings cite, once, in order of citation."""
    seen: dict[str, AuthorityView] = {}
    for g in groups:
        for tg in g.tests:
            for au in tg.authorities:
                seen.setdefault(au.id, au)
    return tuple(sorted(seen.values(), key=lambda a: (_natural(a.citation), a.id)))
