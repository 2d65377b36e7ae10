"""The Markdown brief and the findings CSV, from the same view as the HTML brief.

Markdown renderers pass raw HTML through, so every string from the input, the findings or a
reviewer is escaped: ``& < >`` become entities and Markdown's own punctuation is
backslash-escaped, so nothing the input says can become a link, an image, a heading or markup.
"""
from __future__ import annotations

import csv
import io
import re

from .strings import COMPLETENESS, DECISION, pick
from .view import BriefView, ClauseView, FindingView

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LEADING = re.compile(r"^([#+=-])")
_MD_NUMBERED = re.compile(r"^(\d+)([.)])")


def esc(text: object) -> str:
    """Escape one inline string for Markdown (newlines become spaces)."""
    s = " ".join(str(text or "").split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _MD_LEADING.sub(r"\\\1", s)
    return _MD_NUMBERED.sub(r"\1\\\2", s)


def quote(text: object) -> str:
    """A block quote: each line escaped and prefixed with ``> ``."""
    lines = str(text or "").splitlines() or [""]
    return "\n".join("> " + esc(line) if line.strip() else ">" for line in lines)


def _pieces(c: ClauseView) -> str:
    out = []
    for p in c.pieces:
        s = esc(p.text)
        if p.label and s.strip():
            out.append(f"**{s}**" if p.evidence else f"*{s}*")
        else:
            out.append(s)
    return "".join(out)


def _finding(v: BriefView, f: FindingView) -> list[str]:
    lines = [f"#### {esc(f.status_label.upper())}: {esc(f.provision_label)}"
             + (f" — {esc(f.provision_title)}" if f.provision_title else ""), ""]
    lines.append(f"- **{v.t('test')}:** {esc(f.test_question)} (`{f.id.replace('`', '')}`)")
    lines.append(f"- **{v.t('machine_finding')}:** {esc(f.machine_status_label)}; "
                 f"{v.t('severity')}: {esc(f.severity_label)}; {v.t('confidence')}: {f.confidence}")
    lines.append(f"- **{v.t('reasoning')}:** {esc(f.machine_rationale)}")
    if f.evidence:
        lines.append(f"- **{v.t('evidence')}:** " + ", ".join(f"«{esc(e)}»" for e in f.evidence))
    if f.review:
        r = f.review
        lines.append(f"- **{v.t('reviewer_decision')}:** {esc(r.decision_label)} — "
                     f"{esc(r.reviewer)}, {r.date}"
                     + (f" → {esc(r.edited_status)}" if r.edited_status else ""))
        if r.edited_rationale:
            lines.append(f"- **{v.t('edited_rationale')}:** {esc(r.edited_rationale)}")
        if r.note:
            lines.append(f"- **{v.t('reviewer_note')}:** {esc(r.note)}")
    else:
        lines.append(f"- **{v.t('reviewer_decision')}:** {v.t('not_reviewed')}")
    for au in f.authorities:
        badge = f" ({esc(au.verification_label)})" if au.verification != "official" else ""
        lines.append(f"- **{v.t('authorities')}:** {esc(au.citation)}{badge}")
    lines.append("")
    lines.append(f"{v.t('audit_trail')}: " + "; ".join(esc(x) for x in f.audit))
    lines.append("")
    return lines


def render_markdown(v: BriefView) -> str:
    a = v.analysis
    L: list[str] = [f"# {esc(v.t('brief_title'))}: {esc(v.title)}", ""]
    L += [f"*{esc(v.t('not_legal_advice'))}*", ""]
    L += [f"## {v.t('exec_summary')}", "", f"**{v.t('verdict')}:** {esc(v.verdict_label)}", ""]
    L += [f"**{v.t('scope_completeness')}:** "
          f"{esc(pick(COMPLETENESS, v.lang, a.input.completeness))}", ""]
    L += [f"### {v.t('key_findings')}", ""]
    if v.key_findings:
        for f in v.key_findings:
            L.append(f"- **{esc(f.status_label)}** {esc(f.provision_label)} — "
                     f"{esc(f.test_question)} ({v.t('clause')} {esc(f.clause_id)}): "
                     f"{esc(f.rationale)}")
    else:
        L.append(v.t("no_key_findings"))
    L.append("")
    if v.recommendations:
        L += [f"### {v.t('recommendations')}", ""]
        L += [f"{i}. {esc(r)}" for i, r in enumerate(v.recommendations, 1)] + [""]
    L += [f"## {v.t('scope')}", "", "| | |", "|---|---|"]
    L += [f"| {esc(k)} | {esc(val)} |" for k, val in v.scope]
    L += [f"| {v.t('scope_standards')} | {esc('; '.join(v.standards))} |", ""]
    if v.metadata:
        L += [f"### {v.t('scope_metadata')}", "", "| | |", "|---|---|"]
        L += [f"| {esc(k)} | {esc(val)} |" for k, val in v.metadata] + [""]
    for key, items in (("scope_skipped", v.skipped), ("scope_warnings", v.warnings)):
        if items:
            L += [f"### {v.t(key)}", ""] + [f"- {esc(x)}" for x in items] + [""]
    L += [f"## {v.t('provisions_applied')}", ""]
    for f in v.provisions_applied:
        L += [f"### {esc(f.provision_label)}"
              + (f" — {esc(f.provision_title)}" if f.provision_title else ""), ""]
        for tx in f.texts:
            badge = f", {esc(tx.verification_label)}" if tx.verification != "official" else ""
            L += [quote(tx.text), ">", f"> — {esc(tx.source)}{badge}", ""]
        if not f.texts:
            L += [f"*{v.t('provision_text_unavailable')}*", ""]
    L += [f"## {v.t('findings')}", ""]
    blocks = [c for c in v.clauses if c.findings or c.checked or c.rejected]
    if v.document.findings or v.document.checked or v.document.rejected:
        blocks.append(v.document)
    for c in blocks:
        if c.id == "document":
            L += [f"### {v.t('whole_instrument')}", ""]
        else:
            L += [f"### {v.t('clause')} {esc(c.id)}"
                  + (f" — {esc(c.heading)}" if c.heading else ""), "", quote(c.text), ""]
        for f in c.findings:
            L += _finding(v, f)
        if c.checked:
            L += [f"**{v.t('checked_not_raised')}:**", ""]
            L += ["; ".join(f"{esc(f.provision_label)} ({esc(f.test_id)}): {esc(f.status_label)}"
                            for f in c.checked) + ".", ""]
        if c.rejected:
            L += [f"**{v.t('reviewer_decision')} — {pick(DECISION, v.lang, 'reject')}:**", ""]
            L += [f"- ~~{esc(f.provision_label)} — {esc(f.test_question)}~~ "
                  f"({esc(f.review.reviewer if f.review else '')})" for f in c.rejected] + [""]
    L += [f"## {v.t('admissibility')}", "", f"**{v.t('admissibility_answer')}:** "
          f"{esc(v.admissibility_label)}"
          + (f" ({esc(v.admissibility_verification)})" if v.admissibility_verification else ""),
          ""]
    if v.admissibility_grounds:
        L += [esc(v.admissibility_grounds), ""]
    L += [f"## {v.t('precedents')}", ""]
    if a.precedents:
        L += [f"| {v.t('precedents')} | {v.t('similarity')} | {v.t('outcome')} |", "|---|---|---|"]
        L += [f"| {esc(p.title)} ({esc(p.jurisdiction)}) | {p.similarity:.2f} | {esc(p.outcome)}"
              + "".join(f"; {esc(c)}" for c in p.citations) + " |" for p in a.precedents]
    else:
        L.append(v.t("no_precedents"))
    L += ["", f"## {v.t('recommendations')}", ""]
    if v.recommendations:
        L += [esc(v.t("recommendations_intro", source=v.recommendations_source or "—")), ""]
        L += [f"{i}. {esc(r)}" for i, r in enumerate(v.recommendations, 1)]
    else:
        L.append("—")
    L += ["", f"## {v.t('annex')}", "", f"### {v.t('annex_text')}", ""]
    for c in v.clauses:
        L += [f"`{c.id.replace('`', '')}`" + (f" \\[{esc(c.language)}\\]" if c.language else "")
              + f": {_pieces(c)}", ""]
    L += [f"### {v.t('annex_sources')}", "", f"| {v.t('source')} | | {v.t('verification')} |",
          "|---|---|---|"]
    for s in (*v.input_sources, *v.sources):
        L.append(f"| {esc(s.title)}{' ' + esc(s.url) if s.url else ''} | {esc(s.detail)} | "
                 f"{esc(s.verification_label)} |")
    L += ["", "---", "", f"### {v.t('provenance')}", ""]
    L += [f"- {esc(k)}: `{str(val).replace('`', '')}`" for k, val in v.provenance]
    return "\n".join(L) + "\n"


CSV_COLUMNS = ("finding_id", "clause_id", "provision_id", "provision", "test_id", "status",
               "machine_status", "severity", "confidence", "rejected", "review_decision",
               "reviewer", "review_date", "rationale", "evidence", "authorities")


def _cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection)."""
    s = str(value if value is not None else "")
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def render_csv(v: BriefView) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for f in sorted(v.all_findings, key=lambda x: x.id):
        r = f.review
        w.writerow([_cell(x) for x in (
            f.id, f.clause_id, f.provision_id, f.provision_label, f.test_id, f.status,
            f.machine_status, f.severity, f.confidence, "yes" if f.rejected else "no",
            r.decision if r else "", r.reviewer if r else "", r.date if r else "", f.rationale,
            " | ".join(f.evidence), " | ".join(au.citation for au in f.authorities),
        )])
    return buf.getvalue()
