"""The Markdown brief and the findings CSV, from the same view as the HTML brief.

Markdown renderers pass raw HTML through, so every string from the input, the findings or a
reviewer is escaped: ``& < >`` become entities and Markdown's own punctuation is
backslash-escaped, so nothing the input says can become a link, an image, a heading or markup.
"""
from __future__ import annotations

import csv
import io
import re

from .strings import COMPLETENESS, pick
from .view import BriefView, ClauseView, FindingView, distinct_words

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


def _review(v: BriefView, f: FindingView) -> str:
    if not f.review:
        return v.t("not_reviewed")
    r = f.review
    out = f"{esc(r.decision_label)} — {esc(r.reviewer)}, {r.date}"
    if r.edited_status:
        out += f" → {esc(r.edited_status)}"
    if r.edited_rationale:
        out += f"; {v.t('edited_rationale')}: {esc(r.edited_rationale)}"
    if r.note:
        out += f"; {v.t('reviewer_note')}: {esc(r.note)}"
    return out


def _code(text: str) -> str:
    return f"`{text.replace('`', '')}`"


def _findings(v: BriefView) -> list[str]:
    """Clauses quoted once with a table of their findings; reasoning once per test."""
    L = [f"## {v.t('findings')}", "",
         esc(v.t("findings_intro", n=v.reported_count, m=len(v.raised_clauses))), "",
         f"### {v.t('clauses_examined')}", ""]
    for c in v.raised_clauses:
        L += [f"#### {v.t('clause')} {_code(c.id)}" + (f" — {esc(c.heading)}" if c.heading else "")
              + (f" \\[{esc(c.language)}\\]" if c.language else ""), "", "> " + _pieces(c), ""]
        L += [f"| {v.t('finding_id')} | {v.t('provision')} · {v.t('test')} | {v.t('status')} | "
              f"{v.t('reviewer_decision')} |", "|---|---|---|---|"]
        for f in c.findings:
            L.append(f"| {_code(f.id)} | {esc(f.provision_label)}: {esc(f.test_name)} | "
                     f"{esc(f.status_label)} {f.confidence} | {_review(v, f)} |")
        for f in c.rejected:
            L.append(f"| ~~{_code(f.id)}~~ | ~~{esc(f.provision_label)}: {esc(f.test_name)}~~ | "
                     f"~~{esc(f.machine_status_label)}~~ | {_review(v, f)} |")
        L.append("")
    if v.quiet_clauses:
        L += [f"#### {v.t('nothing_raised')}", ""]
        for c in v.quiet_clauses:
            text = " ".join(c.text.split())
            text = text[:110] + "…" if len(text) > 110 else text
            L.append(f"- {_code(c.id)}" + (f" \\[{esc(c.language)}\\]" if c.language else "")
                     + f" «{esc(text)}»")
        L.append("")
    L += [f"### {v.t('by_test')}", ""]
    for g in v.groups:
        L += [f"#### {esc(g.label)}" + (f" — {esc(g.title)}" if g.title else ""), ""]
        for tg in g.tests:
            lead = tg.lead
            L += [f"**{esc(tg.status_label.upper())}: {esc(tg.test_name)}** — "
                  f"*{esc(tg.test_question)}*", ""]
            L += [f"**{esc(v.t('lead_reasoning', id=lead.id))}:** {esc(lead.rationale)}", ""]
            if lead.clause_id == "document":
                L += [f"{esc(lead.status_label)} · {v.t('severity')}: {esc(lead.severity_label)}"
                      f" · {v.t('confidence')}: {lead.confidence} · "
                      f"{v.t('reviewer_decision')}: {_review(v, lead)}", ""]
            if tg.authorities:
                L += [f"**{v.t('authorities')}:** " + "; ".join(
                    esc(a.citation) + (f" ({esc(a.verification_label)})"
                                       if a.verification != "official" else "")
                    for a in tg.authorities), ""]
            parts = [_code(f.clause_id) + (f" ({esc(f.status_label)})" if f.status != tg.status
                                           else "")
                     + (" " + ", ".join(f"«{esc(e)}»" for e in distinct_words(f.evidence))
                        if f.evidence else "")
                     for f in tg.rows if f.clause_id != "document"]
            parts += [f"~~{_code(f.clause_id)}~~ ({_review(v, f)})" for f in tg.rejected]
            if parts:
                L += [f"**{v.t('raised_on')}:** " + "; ".join(parts) + "."
                      + (" " + v.t("not_raised_elsewhere", n=tg.not_raised)
                         if tg.not_raised else ""), ""]
    if v.not_raised:
        L += [f"### {v.t('tests_not_raised')}", ""]
        L += [f"- {esc(n.label)} — {esc(n.test_name)}: "
              + ", ".join(f"{esc(lab)} ({k})" for _c, lab, k in n.counts) for n in v.not_raised]
        L.append("")
    if v.stale:
        L += [f"### {v.t('stale_reviews')}", ""] + [f"- {esc(x)}" for x in v.stale] + [""]
    return L


def render_markdown(v: BriefView) -> str:
    a = v.analysis
    L: list[str] = [f"# {esc(v.t('brief_title'))}: {esc(v.title)}", ""]
    L += [f"*{esc(v.t('not_legal_advice'))}*", ""]
    L += [f"## {v.t('exec_summary')}", "", f"**{v.t('verdict')}:** {esc(v.verdict_label)}", ""]
    L += [f"**{v.t('scope_completeness')}:** "
          f"{esc(pick(COMPLETENESS, v.lang, a.input.completeness))}", ""]
    L += [f"### {v.t('key_findings')}", ""]
    if v.key_provisions:
        for k in v.key_provisions:
            L.append(f"- **{esc(k.status_label)}** {esc(k.label)}"
                     + (f" — {esc(k.title)}" if k.title else "") + ": "
                     + "; ".join(esc(x) for x in k.tests))
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
    L += _findings(v)
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
    L += [f"### {v.t('annex_provisions')}", ""]
    for f in v.provisions_applied:
        L += [f"#### {esc(f.provision_label)}"
              + (f" — {esc(f.provision_title)}" if f.provision_title else ""), ""]
        for tx in f.texts:
            badge = f", {esc(tx.verification_label)}" if tx.verification != "official" else ""
            L += [quote(tx.text), ">", f"> — {esc(tx.source)}{badge}", ""]
        if not f.texts:
            L += [f"*{v.t('provision_text_unavailable')}*", ""]
    if v.cited:
        L += [f"### {v.t('annex_authorities')}", ""]
        for au in v.cited:
            badge = f" ({esc(au.verification_label)})" if au.verification != "official" else ""
            L += [f"- **{esc(au.citation)}**{badge}" + (f": «{esc(au.quote)}»" if au.quote else "")]
        L.append("")
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
