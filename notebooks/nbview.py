"""Display helpers for the notebooks: tables, highlights and summaries of package objects.

They only *show* what :mod:`analysis` computed (documents, clauses, spans, findings, files); no
legal decision is taken here, so the notebooks and ``python -m analysis brief`` cannot disagree.
Kept beside the notebooks (they run with this folder as working directory) so that a lawyer
reading a notebook sees one short import, not display code.
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Colours of the highlight labels (background, border); readable in print and on screen.
LABEL_COLOURS: dict[str, tuple[str, str]] = {
    "measure": ("#fde2e1", "#c0392b"),
    "penalty": ("#f9d0e8", "#8e2466"),
    "expression": ("#fff3c4", "#b7950b"),
    "channel": ("#dff0d8", "#2e7d32"),
    "group": ("#e3d7f5", "#5e35b1"),
    "aim": ("#d6eaf8", "#1f618d"),
    "vague": ("#fbe0c8", "#ca6f1e"),
    "protective": ("#d5f5e3", "#117a65"),
    "legal_ref": ("#e5e7e9", "#566573"),
}
STATUS_COLOURS: dict[str, str] = {
    "conflict": "#f5b7b1",
    "concern": "#fad7a0",
    "needs_review": "#f9e79f",
    "compatible": "#abebc6",
    "not_engaged": "#eaeded",
}


def output_folder(out_dir: str | Path) -> Path:
    """The output folder, created if needed (plain error if it cannot be written)."""
    from analysis.io import ensure_output_dir

    return ensure_output_dir(out_dir)


def _flat(value: Any) -> str:
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_flat(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    return "" if value is None else str(value)


def metadata_table(document: Any):
    """The document's metadata (front matter) as a two-column table."""
    import pandas as pd

    rows = [("file", document.path), ("format", document.format),
            ("encoding", document.encoding), ("sha256", document.sha256)]
    for key, value in document.metadata.items():
        if key == "sources":
            continue
        rows.append((key, _flat(value)))
    for i, src in enumerate(document.metadata.get("sources") or (), 1):
        rows.append((f"source {i}", _flat(src)))
    frame = pd.DataFrame(rows, columns=["field", "value"]).set_index("field")
    return frame.style.set_properties(**{"text-align": "left", "white-space": "pre-wrap"})


def completeness_note(document: Any) -> str:
    meta = document.metadata
    level = meta.get("completeness") or "not stated"
    note = meta.get("completeness_note") or ""
    if level == "full":
        return f"**Completeness:** full text. {note}".strip()
    return (f"**Completeness: {level}.** {note}\n\nThe findings cover the parts we have; "
            "the brief says so on its first page.").strip()


def clauses_table(annotated: Any):
    """One row per clause: id, kind, language, number of marked words, text."""
    import pandas as pd

    rows = [{"clause": c.id, "kind": c.kind, "language": c.language or "-",
             "marked words": len(c.spans), "text": c.text} for c in annotated.clauses]
    frame = pd.DataFrame(rows).set_index("clause")
    return frame.style.set_properties(subset=["text"], **{"text-align": "left",
                                                          "white-space": "pre-wrap"})


def skipped_note(annotated: Any) -> str:
    langs = ", ".join(annotated.languages) or "none"
    if not annotated.skipped:
        return f"Languages analysed: **{langs}**. No part of the text was skipped."
    lines = [f"Languages analysed: **{langs}**. Parts **not** analysed:"]
    for seg in annotated.skipped:
        lines.append(f"- ({seg.language or 'unknown language'}; {seg.reason}) "
                     f"“{seg.text[:120]}”")
    return "\n".join(lines)


def _legend(lang: str = "en") -> str:
    from analysis.report.strings import SPAN_LABEL

    names = SPAN_LABEL.get(lang, SPAN_LABEL["en"])
    chips = []
    for label, (bg, border) in LABEL_COLOURS.items():
        chips.append(f'<span style="background:{bg};border-bottom:2px solid {border};'
                     f'padding:0 4px;margin-right:6px">{html.escape(names.get(label, label))}</span>')
    return "<p><b>Legend:</b> " + "".join(chips) + "</p>"


def highlights_html(annotated: Any, lang: str = "en") -> str:
    """Each clause with its marked words coloured by label; hover shows label and concept."""
    from analysis.report.view import split_pieces

    out = [_legend(lang)]
    for clause in annotated.clauses:
        parts = []
        for piece in split_pieces(clause):
            text = html.escape(piece.text).replace("\n", "<br>")
            if piece.label:
                bg, border = LABEL_COLOURS.get(piece.label, ("#eeeeee", "#999999"))
                tip = html.escape(", ".join(f"{l}: {c}" for l, c in
                                            zip(piece.labels, piece.concepts)))
                text = (f'<span title="{tip}" style="background:{bg};'
                        f'border-bottom:2px solid {border}">{text}</span>')
            parts.append(text)
        out.append(
            f'<div style="margin:6px 0;padding:4px 8px;border-left:3px solid #ccc">'
            f'<code style="color:#555">{html.escape(clause.id)}</code> '
            f'<small style="color:#888">{html.escape(clause.kind)}, '
            f'{html.escape(clause.language or "-")}</small><br>{"".join(parts)}</div>')
    return "\n".join(out)


def spans_table(annotated: Any):
    """One row per marked word."""
    import pandas as pd

    rows = [{"clause": c.id, "text": s.text, "label": s.label, "concept": s.concept,
             "negated": s.negated} for c in annotated.clauses for s in c.spans]
    if not rows:
        return pd.DataFrame(columns=["clause", "text", "label", "concept", "negated"])
    return pd.DataFrame(rows)


def summary_markdown(analysis: Any) -> str:
    """Verdict, ICCPR conflicts, admissibility, rights engaged, warnings, stale reviews."""
    adm = analysis.admissibility
    lines = [
        f"**Overall verdict:** {analysis.verdict}",
        f"**ICCPR articles in conflict:** "
        f"{', '.join(str(a) for a in analysis.conflicts_iccpr) or 'none found'}",
        f"**Rights engaged:** {', '.join(analysis.engages) or 'none'}",
        f"**Group targeted:** {analysis.targets_group}",
        f"**Vague terms:** {', '.join(analysis.vague_terms) or 'none found'}",
        f"**Admissibility under the petitions law:** {adm.answer}"
        + (f" (wording of the exclusion: {adm.verification})" if adm.verification else ""),
        f"**Law applied as of:** {analysis.as_of}; input completeness: "
        f"{analysis.input.completeness}",
    ]
    grounds = adm.grounds.get("en") if adm.grounds else None
    if grounds:
        lines.append(f"> {grounds}")
    for warning in analysis.warnings:
        lines.append(f"- ⚠ {warning}")
    for stale in analysis.stale_reviews:
        lines.append(f"- ⚠ stale review decision (finding no longer produced): "
                     f"`{stale.finding_id}` by {stale.reviewer}")
    return "\n\n".join(lines)


def _style_status(value: Any) -> str:
    colour = STATUS_COLOURS.get(str(value))
    return f"background-color: {colour}" if colour else ""


REPORTED = ("conflict", "concern", "needs_review")


def provisions_styler(analysis: Any):
    """Worst status per provision (``Analysis.provisions``), worst first, coloured."""
    import pandas as pd

    from analysis.models import STATUS_SEVERITY_ORDER

    rows = sorted(analysis.provisions.items(),
                  key=lambda kv: (-STATUS_SEVERITY_ORDER[kv[1]], kv[0]))
    frame = pd.DataFrame(rows, columns=["provision", "worst status"]).set_index("provision")
    return frame.style.map(_style_status, subset=["worst status"])


def findings_styler(analysis: Any, lang: str = "en", *, everything: bool = False):
    """The findings table (from :func:`analysis.pipeline.findings_frame`), coloured by status.

    By default only what a brief reports (conflict, concern, needs review) and whatever a
    reviewer decided; ``everything=True`` adds the tests checked and not raised (they are all in
    ``findings.csv``). Worst first; the rationale in the brief's language; reviewer columns
    beside the machine's status so a decision is always seen next to what it decided on.
    """
    from analysis.models import STATUS_SEVERITY_ORDER
    from analysis.pipeline import findings_frame

    frame = findings_frame(analysis)
    if not everything:
        keep = frame["effective_status"].isin(REPORTED) | frame["review_decision"].notna()
        frame = frame[keep]
    other = "rationale_ru" if lang == "en" else "rationale_en"
    frame = frame.drop(columns=[other, "clause_id", "test_id"], errors="ignore")
    frame = frame.rename(columns={f"rationale_{lang}": "rationale"})
    order = frame["effective_status"].map(STATUS_SEVERITY_ORDER)
    frame = frame.assign(_order=-order).sort_values(["_order", "id"], kind="stable")
    frame = frame.drop(columns="_order").set_index("id")
    styler = frame.style.map(_style_status, subset=["status", "effective_status"])
    styler = styler.format({"confidence": "{:.2f}"}, na_rep="")
    return styler.set_properties(**{"text-align": "left", "vertical-align": "top"})


def findings_markdown(analysis: Any, lang: str = "en", *, limit: int = 12) -> str:
    """The instrument-level findings (clause ``document``), which sum up the clause-level ones,
    with their reasons and citations; clause-level reasons are in the brief."""
    raised = [f for f in analysis.findings if f.effective_status in REPORTED]
    summary = [f for f in raised if f.clause_id == "document"] or raised
    lines = []
    for f in summary[:limit]:
        rationale = f.rationale.get(lang) or f.rationale.get("en", "")
        cites = "; ".join(f"{a.citation} ({a.verification})" for a in f.authorities)
        review = ""
        if f.review:
            review = f" — reviewed: **{f.review.decision}** by {f.review.reviewer}, {f.review.date}"
        lines.append(f"#### `{f.id}`\n**{f.effective_status}** (severity {f.severity}, "
                     f"confidence {f.confidence:.2f}){review}\n\n{rationale}\n\n"
                     f"*Authorities:* {cites or '—'}")
    rest = len(raised) - min(len(summary), limit)
    not_raised = len(analysis.findings) - len(raised)
    lines.append(f"*{rest} more findings raised clause by clause, and {not_raised} tests checked "
                 "and not raised (compatible or not engaged): all are in the brief and in "
                 "`findings.csv`.*")
    return "\n\n".join(lines)


def show_charts(charts: Mapping[str, Path]) -> None:
    """Show every PNG chart inline."""
    from IPython.display import Image, Markdown, display

    for name, path in sorted(charts.items()):
        if Path(path).suffix.lower() == ".png":
            display(Markdown(f"**{name}** — `{Path(path).name}`"))
            display(Image(filename=str(path)))


def show_chart_images(rendered: Mapping[str, Mapping[str, bytes]]) -> None:
    """Show charts drawn in memory (``analysis.charts.render_charts``) inline, as PNG."""
    from IPython.display import Image, Markdown, display

    for name, files in rendered.items():
        if "png" in files:
            display(Markdown(f"**{name}**"))
            display(Image(data=files["png"], format="png"))


def analysis_reuse_note(loaded: Any) -> str:
    """Say whether the brief was written from the analysis notebook 2 saved, and why."""
    if loaded.reused:
        return f"*Brief written from the analysis saved by notebook 2 ({loaded.why}).*"
    return f"*Analysis run here ({loaded.why}); it is saved for the next run.*"


def review_instructions(analysis: Any, template: Path) -> str:
    from analysis.pipeline import default_review_path

    sidecar = default_review_path(analysis.input.path)
    lines = [f"Template written: `{template}`",
             f"Your sidecar file for this input: `{sidecar}`"
             + (" (exists: its decisions were applied above)" if sidecar.exists() else
                " (does not exist yet: copy the template there and fill it in)")]
    reviewed = sum(1 for f in analysis.findings if f.review)
    lines.append(f"Findings reviewed so far: {reviewed} of {len(analysis.findings)}.")
    return "\n\n".join(lines)


def files_table(files: Mapping[str, Path]):
    """What the exporter wrote, with sizes."""
    import pandas as pd

    rows = []
    for kind, path in files.items():
        p = Path(path)
        size = sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) if p.is_dir() \
            else (p.stat().st_size if p.exists() else 0)
        rows.append({"file": kind, "path": str(p), "bytes": size})
    return pd.DataFrame(rows).set_index("file")


def _brief_md(files: Mapping[str, Path]) -> str:
    path = files.get("md") or files.get("brief.md")
    return Path(path).read_text(encoding="utf-8") if path else ""


def brief_summary(files: Mapping[str, Path]) -> str:
    """The brief's Markdown up to its second level-2 section (title and executive summary)."""
    text = _brief_md(files)
    cut, seen = len(text), 0
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            seen += 1
            if seen == 2:
                cut = pos
                break
        pos += len(line)
    return text[:cut]


def letters_markdown(files: Mapping[str, Path]) -> str:
    folder = files.get("letters")
    if not folder:
        return "*No letters were written.*"
    parts = []
    for path in sorted(Path(folder).glob("*.md")) or sorted(Path(folder).glob("*.txt")):
        parts.append(f"### `{path.name}`\n\n" + path.read_text(encoding="utf-8"))
    others = [p.name for p in sorted(Path(folder).iterdir())
              if p.suffix not in (".md", ".txt")]
    if others:
        parts.append("Also written: " + ", ".join(f"`{n}`" for n in others))
    return "\n\n---\n\n".join(parts) or "*No letters were written.*"
