"""The DOCX brief (python-docx >= 1.2), built from the same view as the HTML brief.

Each reported finding becomes a Word comment anchored to the text of its clause, so that a
lawyer reviewing in Word sees the machine's reasoning beside the words it rests on and can
answer it there. Findings on the whole instrument are anchored to the whole annotated text.
The file is made byte-identical across runs: fixed core properties (dated with the as-of
date) and fixed ZIP timestamps.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime, time

from .strings import COMPLETENESS, pick
from .view import BriefView, ClauseView, FindingView, distinct_words, ids_by_clause

AUTHOR = "petition-lens"
INITIALS = "PL"
_HIGHLIGHT = {"group": "YELLOW", "vague": "YELLOW", "measure": "TURQUOISE",
              "penalty": "TURQUOISE", "aim": "GRAY_25", "expression": "GRAY_25",
              "channel": "GRAY_25", "protective": "BRIGHT_GREEN", "legal_ref": "GRAY_25",
              "practice": "GRAY_25"}


def _clause_paragraph(doc, c: ClauseView):
    from docx.enum.text import WD_COLOR_INDEX

    par = doc.add_paragraph(style="Quote")
    for p in c.pieces:
        run = par.add_run(p.text)
        if p.label:
            run.font.highlight_color = getattr(WD_COLOR_INDEX, _HIGHLIGHT.get(p.label, "GRAY_25"))
            run.underline = True
        if p.evidence:
            run.bold = True
    if not par.runs:
        par.add_run(" ")
    return par


def comment_text(v: BriefView, f: FindingView) -> list[str]:
    """The lines of one finding's Word comment: status, provision, test, reasoning, review."""
    lines = [f"[{f.status_label.upper()}] {f.provision_label} — {f.test_question}",
             f"{v.t('reasoning')}: {f.rationale}"]
    if f.authorities:
        lines.append(f"{v.t('authorities')}: " + "; ".join(a.citation for a in f.authorities))
    if f.review:
        r = f.review
        lines.append(f"{v.t('reviewer_decision')}: {r.decision_label} — {r.reviewer}, {r.date}"
                     + (f". {r.note}" if r.note else ""))
    else:
        lines.append(f"{v.t('reviewer_decision')}: {v.t('not_reviewed')}")
    lines.append(f.id)
    return lines


def _add_comment(doc, runs, lines: list[str], stamp: datetime):
    comment = doc.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
    comment._comment_elm.date = stamp  # the as-of date, not the wall clock (reproducible)
    for line in lines[1:]:
        comment.add_paragraph(line)
    return comment


def _kv_table(doc, rows):
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for k, val in rows:
        cells = table.add_row().cells
        cells[0].text = str(k)
        cells[1].text = str(val)
        for r in cells[0].paragraphs[0].runs:
            r.bold = True
    return table


def _review_text(v: BriefView, f: FindingView) -> str:
    if not f.review:
        return v.t("not_reviewed")
    r = f.review
    text = f"{r.decision_label} — {r.reviewer}, {r.date}"
    if r.edited_status:
        text += f" → {r.edited_status}"
    if r.edited_rationale:
        text += f"\n{v.t('edited_rationale')}: {r.edited_rationale}"
    if r.note:
        text += f"\n{v.t('reviewer_note')}: {r.note}"
    return text


def _short_id(fid: str, clause: str) -> str:
    """The finding id after its clause's id (given once, in the table's header)."""
    return fid[len(clause) + 1:] if fid.startswith(clause + "/") else fid


def _findings_table(doc, v: BriefView, findings, rejected, clause: str) -> None:
    """One row per finding of a clause: id, provision and test, status, reviewer decision."""
    rows = [(v.t("finding_id_after", clause=clause), f"{v.t('provision')} · {v.t('test')}",
             v.t("status"), v.t("reviewer_decision"))]
    for f in findings:
        rows.append((_short_id(f.id, clause), f"{f.provision_label}: {f.test_name}",
                     f"{f.status_label} {f.confidence}", _review_text(v, f)))
    for f in rejected:
        rows.append((_short_id(f.id, clause), f"{f.provision_label}: {f.test_name}",
                     f.machine_status_label, _review_text(v, f)))
    table = doc.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for cell, value in zip(table.rows[r].cells, values):
            cell.text = value
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True


def _picture(doc, png: bytes, caption: str) -> None:
    """The chart at the size it was drawn for (as in the HTML and PDF), at most 16 cm."""
    from docx.shared import Cm, Inches

    from ..charts import DPI

    width = Cm(16)
    if png[:8] == b"\x89PNG\r\n\x1a\n":
        width = min(width, Inches(int.from_bytes(png[16:20], "big") / DPI))
    doc.add_picture(io.BytesIO(png), width=width)
    doc.add_paragraph(caption, style="Caption")


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps and order so equal input gives equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def new_document(title: str, as_of, lang: str):
    """A python-docx Document with fixed metadata and a Cyrillic/Kazakh-capable font."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    stamp = datetime.combine(as_of, time(0, 0))
    cp = doc.core_properties
    cp.author = AUTHOR
    cp.last_modified_by = AUTHOR
    cp.title = title[:250]
    cp.created = stamp
    cp.modified = stamp
    cp.last_printed = stamp
    cp.revision = 1
    cp.language = lang
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(10)
    return doc


def save_document(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def render_docx(v: BriefView, charts: dict[str, dict[str, bytes]] | None = None) -> bytes:
    from .html import CHART_TITLE_KEYS

    charts = charts or {}
    a = v.analysis
    doc = new_document(f"{v.t('brief_title')}: {v.title}", a.as_of, v.lang)
    stamp = datetime.combine(a.as_of, time(0, 0))
    doc.add_heading(f"{v.t('brief_title')}: {v.title}", level=0)
    doc.add_paragraph(v.t("not_legal_advice"), style="Intense Quote")

    doc.add_heading(v.t("exec_summary"), level=1)
    p = doc.add_paragraph()
    p.add_run(f"{v.t('verdict')}: ").bold = True
    p.add_run(v.verdict_label)
    p = doc.add_paragraph()
    p.add_run(f"{v.t('scope_completeness')}: ").bold = True
    p.add_run(pick(COMPLETENESS, v.lang, a.input.completeness))
    doc.add_heading(v.t("key_findings"), level=2)
    for k in v.key_provisions:
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(f"{k.status_label.upper()}: {k.label}").bold = True
        p.add_run((f" — {k.title}" if k.title else "") + ": " + "; ".join(k.tests))
    if not v.key_provisions:
        doc.add_paragraph(v.t("no_key_findings"))
    if "scorecard" in charts:
        _picture(doc, charts["scorecard"]["png"], v.t("chart_scorecard"))
    if v.recommendations:
        doc.add_heading(v.t("recommendations"), level=2)
        for r in v.recommendations:
            doc.add_paragraph(r, style="List Number")

    doc.add_heading(v.t("scope"), level=1)
    _kv_table(doc, [*v.scope, (v.t("scope_standards"), "; ".join(v.standards))])
    if v.metadata:
        doc.add_heading(v.t("scope_metadata"), level=2)
        _kv_table(doc, v.metadata)
    for key, items in (("scope_skipped", v.skipped), ("scope_warnings", v.warnings)):
        if items:
            doc.add_heading(v.t(key), level=2)
            for x in items:
                doc.add_paragraph(x, style="List Bullet")

    others = [n for n in charts if n != "scorecard"]
    if others:
        doc.add_heading(v.t("charts"), level=1)
        for name in others:
            _picture(doc, charts[name]["png"], v.t(CHART_TITLE_KEYS.get(name, "charts")))

    doc.add_heading(v.t("findings"), level=1)
    doc.add_paragraph(v.t("findings_intro", n=v.reported_count, m=len(v.raised_clauses)))
    doc.add_heading(v.t("clauses_examined"), level=2)
    for c in v.raised_clauses:
        doc.add_heading(f"{v.t('clause')} {c.id}" + (f" — {c.heading}" if c.heading else "")
                        + (f" [{c.language}]" if c.language else ""), level=3)
        par = _clause_paragraph(doc, c)
        for f in c.findings:
            _add_comment(doc, par.runs, comment_text(v, f), stamp)
        _findings_table(doc, v, c.findings, c.rejected, c.id)
    if v.quiet_clauses:
        doc.add_heading(v.t("nothing_raised"), level=3)
        for c in v.quiet_clauses:
            text = " ".join(c.text.split())
            doc.add_paragraph(f"{c.id}" + (f" [{c.language}]" if c.language else "")
                              + f": «{text[:110] + '…' if len(text) > 110 else text}»",
                              style="List Bullet")

    doc.add_heading(v.t("by_test"), level=2)
    for g in v.groups:
        doc.add_heading(g.label + (f" — {g.title}" if g.title else ""), level=3)
        for tg in g.tests:
            p = doc.add_paragraph()
            p.add_run(f"{tg.status_label.upper()}: {tg.test_name[:1].upper()}{tg.test_name[1:]}"
                      ).bold = True
            p = doc.add_paragraph()
            p.add_run(tg.test_question).italic = True
            p = doc.add_paragraph()
            p.add_run(v.t("lead_reasoning", id=tg.lead.id) + ": ").bold = True
            p.add_run(tg.lead.rationale)
            if tg.lead.clause_id == "document":
                doc.add_paragraph(f"{tg.lead.status_label} · {v.t('severity')}: "
                                  f"{tg.lead.severity_label} · {v.t('confidence')}: "
                                  f"{tg.lead.confidence} · {v.t('reviewer_decision')}: "
                                  + _review_text(v, tg.lead), style="Caption")
            if tg.authorities:
                p = doc.add_paragraph()
                p.add_run(f"{v.t('authorities')}: ").bold = True
                p.add_run("; ".join(a.citation + (f" ({a.verification_label})"
                                                  if a.verification != "official" else "")
                                    for a in tg.authorities))
            parts = []
            for f in tg.rows:
                if f.clause_id == "document":
                    continue
                parts.append(f.clause_id + (f" ({f.status_label})" if f.status != tg.status else "")
                             + (" " + ", ".join(f"«{e}»" for e in distinct_words(f.evidence))
                                if f.evidence else ""))
            for f in tg.rejected:
                parts.append(f"{f.clause_id} — {_review_text(v, f)}")
            if parts:
                p = doc.add_paragraph()
                p.add_run(f"{v.t('raised_on')}: ").bold = True
                p.add_run("; ".join(parts) + ".")
                if tg.not_raised:
                    p.add_run(" " + v.t("not_raised_elsewhere", n=tg.not_raised))
    if v.not_raised:
        doc.add_heading(v.t("tests_not_raised"), level=2)
        for n in v.not_raised:
            doc.add_paragraph(f"{n.label} — {n.test_name}: "
                              + ", ".join(f"{lab} ({k})" for _c, lab, k in n.counts),
                              style="List Bullet")
    if v.stale:
        doc.add_heading(v.t("stale_reviews"), level=2)
        for x in v.stale:
            doc.add_paragraph(x, style="List Bullet")

    doc.add_heading(v.t("admissibility"), level=1)
    p = doc.add_paragraph()
    p.add_run(f"{v.t('admissibility_answer')}: ").bold = True
    p.add_run(v.admissibility_label + (f" ({v.admissibility_verification})"
                                       if v.admissibility_verification else ""))
    if v.admissibility_grounds:
        doc.add_paragraph(v.admissibility_grounds)
    if v.admissibility_findings:
        doc.add_paragraph(f"{v.t('admissibility_rests_on')}: " + "; ".join(
            f"{clause}/" + ", ".join(rest) for clause, rest in ids_by_clause(v.admissibility_findings)),
            style="Caption")

    doc.add_heading(v.t("precedents"), level=1)
    if a.precedents:
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, head in zip(table.rows[0].cells,
                              (v.t("precedents"), v.t("similarity"), v.t("outcome"))):
            cell.text = head
        for pr in a.precedents:
            cells = table.add_row().cells
            cells[0].text = f"{pr.title} ({pr.jurisdiction})"
            cells[1].text = f"{pr.similarity:.2f}"
            cells[2].text = "\n".join([pr.outcome, *pr.citations])
    else:
        doc.add_paragraph(v.t("no_precedents"))

    doc.add_heading(v.t("recommendations"), level=1)
    if v.recommendations:
        doc.add_paragraph(v.t("recommendations_intro", source=v.recommendations_source or "—"))
        for r in v.recommendations:
            doc.add_paragraph(r, style="List Number")

    doc.add_heading(v.t("annex"), level=1)
    doc.add_heading(v.t("annex_text"), level=2)
    annex_pars = []
    for c in v.clauses:
        doc.add_paragraph(c.id + (f" [{c.language}]" if c.language else ""), style="Caption")
        annex_pars.append(_clause_paragraph(doc, c))
    if annex_pars:
        runs = [annex_pars[0].runs[0], annex_pars[-1].runs[-1]]
        for f in v.document.findings:
            _add_comment(doc, runs, comment_text(v, f), stamp)
    doc.add_heading(v.t("annex_provisions"), level=2)
    for f in v.provisions_applied:
        doc.add_heading(f.provision_label + (f" — {f.provision_title}" if f.provision_title else ""),
                        level=3)
        for tx in f.texts:
            doc.add_paragraph(tx.text, style="Quote")
            level = f" ({tx.verification_label})" if tx.verification != "official" else ""
            doc.add_paragraph(f"{v.t('source')}: {tx.source}{level}", style="Caption")
        if not f.texts:
            doc.add_paragraph(v.t("provision_text_unavailable"))
    if v.cited:
        doc.add_heading(v.t("annex_authorities"), level=2)
        for au in v.cited:
            p = doc.add_paragraph()
            p.add_run(au.citation + (f" ({au.verification_label})"
                                     if au.verification != "official" else "")).bold = True
            if au.quote:
                p.add_run(f"\n«{au.quote}»")
    doc.add_heading(v.t("annex_sources"), level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, (v.t("source"), "", v.t("verification"))):
        cell.text = head
    for s in (*v.input_sources, *v.sources):
        cells = table.add_row().cells
        cells[0].text = s.title + (f"\n{s.url}" if s.url else "")
        cells[1].text = s.detail
        cells[2].text = s.verification_label

    doc.add_heading(v.t("provenance"), level=1)
    _kv_table(doc, v.provenance)
    return save_document(doc)
