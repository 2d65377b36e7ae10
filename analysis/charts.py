"""Charts of an analysis (matplotlib, Agg): one style, readable in greyscale and at A4 width.

Every status and severity has a colour from a colour-blind-safe palette (after Okabe & Ito,
"Color Universal Design", 2008) whose lightness falls as the status gets worse, plus a hatch
pattern and a symbol, so that a greyscale photocopy still reads. Labels use DejaVu Sans, which
covers Cyrillic and the Kazakh letters (ә ғ қ ң ө ұ ү һ і). Figures are built without pyplot
(no global state) and saved as PNG and SVG; the SVG is deterministic (fixed ``svg.hashsalt``,
no date in the metadata) so that the same analysis gives byte-identical files.
"""
from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .models import STATUS_SEVERITY_ORDER, Analysis

FONT = "DejaVu Sans"
WIDTH_IN = 6.7  # A4 text width with 2 cm margins
HALF_IN = 3.5  # two charts side by side on one row of the brief
DPI = 150
"""The brief prints each PNG at ``pixels / DPI`` inches, so the point sizes below are the
printed ones."""


@dataclass(frozen=True)
class Look:
    """How one status or severity is drawn: fill colour, hatch, symbol (greyscale-safe)."""

    colour: str
    hatch: str
    symbol: str
    text_colour: str = "black"


STATUS_LOOK: dict[str, Look] = {
    "conflict": Look("#8E2C05", "xx", "✕", "white"),
    "concern": Look("#E69F00", "//", "!"),
    "needs_review": Look("#F0E442", "..", "?"),
    "compatible": Look("#56B4E9", "", "✓"),
    "not_engaged": Look("#F2F2F2", "", "–"),
}
"""Lightness: conflict darkest, not engaged lightest; hatches separate the rest."""

SEVERITY_LOOK: dict[str, Look] = {
    "high": Look("#8E2C05", "xx", "", "white"),
    "medium": Look("#E69F00", "//", ""),
    "low": Look("#F0E442", "..", ""),
}

RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "font.size": 8.5,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.edgecolor": "#444444",
    "axes.linewidth": 0.6,
    "hatch.linewidth": 0.6,
    "hatch.color": "#333333",
    "svg.hashsalt": "petition-lens",
    "svg.fonttype": "path",
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
}


def _label(text: str, width: int) -> str:
    lines = textwrap.wrap(" ".join(text.split()), width)
    if len(lines) > 3:  # say that the label goes on rather than cut it silently
        lines = lines[:2] + [_short(lines[2] + " …", width)]
    return "\n".join(lines) or text


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _new_figure(height: float, width: float = WIDTH_IN):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def _png(fig) -> bytes:
    """The figure as an RGB PNG at :data:`DPI` (no alpha channel: the background is white).

    The PDF printer keeps an RGBA image as two images (colour and a soft mask) and re-encodes
    both; an opaque chart needs neither. Same pixels as ``savefig(format="png")``."""
    import numpy as np
    from PIL import Image

    fig.canvas.draw()
    rgba = np.asarray(fig.canvas.buffer_rgba())
    buf = io.BytesIO()
    Image.fromarray(rgba, "RGBA").convert("RGB").save(buf, format="png", dpi=(DPI, DPI))
    return buf.getvalue()


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels from a PNG's IHDR header; None if ``data`` is not a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def figure_size(fig) -> tuple[int, int]:
    """(width, height) in pixels of the figure's PNG, known before it is drawn."""
    width, height = fig.canvas.get_width_height(physical=True)
    return int(width), int(height)


def _reported(analysis: Analysis):
    """Findings as they stand after review: rejected ones dropped, edits applied."""
    return [f for f in analysis.findings if not f.rejected]


def _status_legend(ax, statuses, lang: str) -> None:
    from matplotlib.patches import Patch

    from .report.strings import STATUS, pick

    handles = [
        Patch(facecolor=STATUS_LOOK[s].colour, hatch=STATUS_LOOK[s].hatch, edgecolor="#333333",
              label=f"{STATUS_LOOK[s].symbol} {pick(STATUS, lang, s)}")
        for s in statuses
    ]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.02),
              ncol=min(3, len(handles)), frameon=False, fontsize=7.5)


def _half_title(fig, title: str) -> None:
    """A half-width chart's title over the whole figure (the y labels take the left of the
    axes), wrapped rather than cut at the figure's edge."""
    fig.suptitle(_label(title, 40), x=0.02, ha="left", fontsize=RC["axes.titlesize"],
                 fontweight="bold")


def _provision_label(kb: Any, pid: str, lang: str) -> str:
    from .report import kbview
    from .report.strings import localised

    return localised(kbview.get(kbview.provision(kb, pid), "label"), lang) or pid


def chart_status_matrix(analysis: Analysis, lang: str, kb: Any):
    """Provisions (rows) × clauses (columns); each cell the worst status after review.

    Clauses where no provision is engaged (headings, neutral sentences) are left out: they
    are listed in the brief, and a column of dashes would only hide the ones that matter.
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    from .report.strings import t

    findings = _reported(analysis)
    if not findings:
        return None
    cells: dict[tuple[str, str], str] = {}
    for f in findings:
        key = (f.clause_id, f.provision_id)
        s = f.effective_status
        if key not in cells or STATUS_SEVERITY_ORDER[s] > STATUS_SEVERITY_ORDER[cells[key]]:
            cells[key] = s
    engaged = {cid for (cid, _), s in cells.items() if s != "not_engaged"}
    order = [c.id for c in analysis.clauses] + ["document"]
    clause_ids = [cid for cid in order if cid in engaged] or [
        cid for cid in order if any(k[0] == cid for k in cells)]
    provs = sorted({pid for (cid, pid) in cells if cid in clause_ids},
                   key=lambda p: (_provision_label(kb, p, lang), p))
    n_rows, n_cols = len(provs), len(clause_ids)
    labels = [_short(_provision_label(kb, p, lang), 44) for p in provs]
    cell = 0.22  # inches: one status symbol at 8 pt
    width = min(WIDTH_IN, max(HALF_IN + 0.6, 0.2 + 0.056 * max(len(x) for x in labels)
                              + cell * n_cols + 0.9))
    fig = _new_figure(1.4 + cell * n_rows + 0.055 * max(len(c) for c in clause_ids), width)
    ax = fig.add_subplot()
    groups: dict[str, list] = {}
    for r, pid in enumerate(provs):
        for c, cid in enumerate(clause_ids):
            s = cells.get((cid, pid))
            groups.setdefault(s or "", []).append(Rectangle((c, r), 1, 1))
            if s:
                look = STATUS_LOOK[s]
                ax.text(c + 0.5, r + 0.5, look.symbol, ha="center", va="center", fontsize=8,
                        fontweight="bold", color=look.text_colour)
    for s, rects in groups.items():
        look = STATUS_LOOK.get(s)
        ax.add_collection(PatchCollection(
            rects, facecolor=look.colour if look else "white", hatch=look.hatch if look else "",
            edgecolor="#333333" if look else "#BBBBBB", linewidth=0.5))
    ax.set_xlim(0, n_cols)
    ax.set_ylim(n_rows, 0)
    ax.set_yticks([r + 0.5 for r in range(n_rows)])
    ax.set_yticklabels(labels, fontsize=7)
    ax.set_xticks([c + 0.5 for c in range(n_cols)])
    ax.set_xticklabels([t(lang, "whole_instrument") if c == "document" else c
                        for c in clause_ids], fontsize=6.5, rotation=60, ha="left",
                       rotation_mode="anchor")
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.set_aspect("equal")
    ax.set_title(t(lang, "chart_matrix"), pad=8)
    used = [s for s in ("conflict", "concern", "needs_review", "compatible", "not_engaged")
            if s in cells.values()]
    _status_legend(ax, used, lang)
    return fig


SCORECARD_ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("sc_legality", "iccpr/art_19__para_3", ("legality",)),
    ("sc_aim", "iccpr/art_19__para_3", ("legitimate_aim", "respect_for_religion")),
    ("sc_necessity", "iccpr/art_19__para_3",
     ("necessity", "proportionality", "necessity_proportionality")),
    ("sc_nondiscrimination", "iccpr/art_26", ()),
)
"""ICCPR 19(3) three-part test (CCPR/C/GC/34 paras 22-36; an aim of sparing a religion
disrespect: para 48) and art. 26 (GC 18 para 13)."""


def scorecard(analysis: Analysis) -> list[tuple[str, str | None]]:
    """(row key, worst status after review or None when not assessed) for each scorecard row."""
    rows = []
    for key, pid, tests in SCORECARD_ROWS:
        worst = None
        for f in _reported(analysis):
            if f.provision_id != pid or (tests and f.test_id not in tests):
                continue
            s = f.effective_status
            if worst is None or STATUS_SEVERITY_ORDER[s] > STATUS_SEVERITY_ORDER[worst]:
                worst = s
        rows.append((key, worst))
    return rows


def chart_scorecard(analysis: Analysis, lang: str, kb: Any):
    """The three-part test of ICCPR art. 19(3) and the art. 26 test, one row each."""
    from matplotlib.patches import Rectangle

    from .report.strings import STATUS, pick, t

    rows = scorecard(analysis)
    if all(s is None for _, s in rows):
        return None
    fig = _new_figure(0.45 + 0.36 * len(rows), 4.8)
    ax = fig.add_subplot()
    for r, (key, s) in enumerate(rows):
        ax.text(0.0, r + 0.5, t(lang, key), ha="left", va="center", fontsize=8.5)
        if s is None:
            ax.add_patch(Rectangle((0.55, r + 0.12), 0.45, 0.76, facecolor="white",
                                   edgecolor="#999999", linestyle="--", linewidth=0.6))
            ax.text(0.775, r + 0.5, t(lang, "chart_not_assessed"), ha="center", va="center",
                    fontsize=8, color="#555555", style="italic")
            continue
        look = STATUS_LOOK[s]
        ax.add_patch(Rectangle((0.55, r + 0.12), 0.45, 0.76, facecolor=look.colour,
                               hatch=look.hatch, edgecolor="#333333", linewidth=0.6))
        ax.text(0.775, r + 0.5, f"{look.symbol}  {pick(STATUS, lang, s)}", ha="center",
                va="center", fontsize=8.5, fontweight="bold", color=look.text_colour,
                bbox={"boxstyle": "round,pad=0.25", "facecolor": look.colour,
                      "edgecolor": "none"})
    ax.set_xlim(0, 1)
    ax.set_ylim(len(rows), 0)
    ax.axis("off")
    ax.set_title(t(lang, "chart_scorecard"), loc="left")
    return fig


def chart_rights(analysis: Analysis, lang: str, kb: Any):
    """Reported findings (after review) counted by the right engaged and by severity."""
    from matplotlib.patches import Patch

    from .report import kbview
    from .report.strings import RIGHT, SEVERITY, pick, t
    from .report.view import REPORTED, _rights_from_id

    counts: dict[str, dict[str, int]] = {}
    for f in _reported(analysis):
        if f.effective_status not in REPORTED or f.severity not in SEVERITY_LOOK:
            continue
        prov = kbview.provision(kb, f.provision_id)
        rights = tuple(kbview.get(prov, "rights", ()) or ()) or _rights_from_id(f.provision_id)
        for right in rights or ("other",):
            counts.setdefault(right, {}).setdefault(f.severity, 0)
            counts[right][f.severity] += 1
    if not counts:
        return None
    rights = sorted(counts, key=lambda r: (-sum(counts[r].values()), r))
    fig = _new_figure(1.1 + 0.3 * len(rights), HALF_IN)
    ax = fig.add_subplot()
    left = [0] * len(rights)
    for sev in ("high", "medium", "low"):
        vals = [counts[r].get(sev, 0) for r in rights]
        look = SEVERITY_LOOK[sev]
        ax.barh(range(len(rights)), vals, left=left, color=look.colour, hatch=look.hatch,
                edgecolor="#333333", linewidth=0.6, height=0.6)
        for i, v in enumerate(vals):
            if v:
                ax.text(left[i] + v / 2, i, str(v), ha="center", va="center", fontsize=8,
                        fontweight="bold", color=look.text_colour,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": look.colour,
                              "edgecolor": "none"})
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(range(len(rights)))
    ax.set_yticklabels([pick(RIGHT, lang, r) for r in rights])
    ax.invert_yaxis()
    ax.set_xlabel(t(lang, "chart_findings_count"))
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    _half_title(fig, t(lang, "chart_rights"))
    ax.legend(handles=[Patch(facecolor=SEVERITY_LOOK[s].colour, hatch=SEVERITY_LOOK[s].hatch,
                             edgecolor="#333333", label=pick(SEVERITY, lang, s))
                       for s in ("high", "medium", "low")],
              loc="lower right", frameon=False, fontsize=7.5, title=t(lang, "severity"),
              title_fontsize=7.5)
    return fig


def parse_date(value: Any) -> date | None:
    """A date from ``2024-05-29``, ``2024-05`` or ``2024`` (first day of the period)."""
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for n, fmt in ((10, "%Y-%m-%d"), (7, "%Y-%m"), (4, "%Y")):
        try:
            from datetime import datetime

            return datetime.strptime(text[:n], fmt).date()
        except ValueError:
            continue
    return None


def timeline_events(kb: Any, lang: str) -> list[tuple[date, str]]:
    """(date, label) for each event of the knowledge base's context timeline, sorted."""
    from .report import kbview
    from .report.strings import localised

    raw = kbview.context(kb, "timeline")
    if raw is not None and not isinstance(raw, (list, tuple)):
        raw = kbview.get(raw, "events", ())
    events = []
    for item in raw or ():
        when = parse_date(kbview.get(item, "date"))
        label = ""
        for key in ("label", "title", "event", "text", "description"):
            label = localised(kbview.get(item, key), lang)
            if label:
                break
        if when and label:
            events.append((when, label))
    return sorted(events)


def chart_timeline(analysis: Analysis, lang: str, kb: Any):
    """Events from the context data as a dated list (one row per event, oldest first).

    A list, not a date axis: events cluster within weeks of each other, and labels on a date
    axis overlap until they cannot be read. The as-of date is drawn as a rule between rows.
    """
    from .report.strings import t

    events = timeline_events(kb, lang)
    if not events:
        return None
    wrapped = [textwrap.wrap(" ".join(label.split()), 104)[:2] or [""] for _, label in events]
    for lines, (_, label) in zip(wrapped, events):
        if len(textwrap.wrap(" ".join(label.split()), 104)) > 2:
            lines[-1] = _short(lines[-1] + " …", 104)
    line_h = 0.135  # inches per text line at 6.5 pt
    rows = [len(lines) * line_h + 0.06 for lines in wrapped]
    total = sum(rows)
    fig = _new_figure(0.45 + total)
    ax = fig.add_subplot()
    ax.set_xlim(0, 1)
    ax.set_ylim(total, 0)
    ax.axis("off")
    ax.axvline(0.125, color="#888888", linewidth=0.8)
    y = 0.0
    as_of_drawn = False
    for (when, _label), lines, h in zip(events, wrapped, rows):
        if not as_of_drawn and when > analysis.as_of:
            ax.axhline(y, color="#0072B2", linestyle="--", linewidth=0.8)
            ax.text(1.0, y - 0.01, f"{t(lang, 'scope_as_of')} {analysis.as_of.isoformat()}",
                    color="#0072B2", fontsize=6.5, ha="right", va="bottom")
            as_of_drawn = True
        ax.text(0.0, y + 0.03, when.isoformat(), fontsize=6.5, va="top", ha="left",
                fontweight="bold")
        ax.plot([0.125], [y + 0.1], marker="o", color=STATUS_LOOK["conflict"].colour,
                markersize=4, markeredgecolor="white")
        ax.text(0.145, y + 0.03, "\n".join(lines), fontsize=6.5, va="top", ha="left",
                linespacing=1.25)
        y += h
    ax.set_title(t(lang, "chart_timeline"), loc="left")
    return fig


def signature_data(analysis: Analysis, kb: Any = None, lang: str = "en"
                   ) -> tuple[int | None, list[tuple[str, int]]]:
    """(signatures, [(threshold, value)]): the count from the input's metadata; thresholds
    from the knowledge base's dated parameters in force on the as-of date (else metadata)."""
    from .report import kbview

    meta = analysis.input.metadata or {}
    sig = meta.get("signatures")
    if isinstance(sig, Mapping):
        sig = next((sig[k] for k in ("count", "reported", "total", "value") if k in sig), None)
    count = int(sig) if isinstance(sig, (int, float)) and not isinstance(sig, bool) else None
    thresholds = []
    params = kbview.context(kb, "thresholds") or {}
    for pid, param in sorted(params.items()) if isinstance(params, Mapping) else ():
        unit = str(kbview.get(param, "unit", ""))
        value_at = getattr(param, "value_at", None)
        if unit not in ("signatures", "persons") or value_at is None:
            continue
        found = value_at(analysis.as_of)
        value = kbview.get(found, "value")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            from .report.strings import localised

            label = localised(kbview.get(param, "description"), lang) or pid
            thresholds.append((label, int(value)))
    if not thresholds:  # no dated thresholds in the KB: those the input's metadata gives
        raw = meta.get("thresholds")
        if isinstance(raw, Mapping):
            for name, value in raw.items():
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    thresholds.append((str(name), int(value)))
    return count, sorted(thresholds, key=lambda x: (x[1], x[0]))


def chart_signatures(analysis: Analysis, lang: str, kb: Any):
    """Signatures reported against each threshold, on a log scale (50 and 50,000 both show)."""
    from .report.strings import t

    count, thresholds = signature_data(analysis, kb, lang)
    if count is None or not thresholds:
        return None
    fig = _new_figure(0.8 + 0.42 * (len(thresholds) + 1), HALF_IN)
    ax = fig.add_subplot()
    names = [t(lang, "chart_signatures_count")] + [_label(n, 26) for n, _ in thresholds]
    values = [count] + [v for _, v in thresholds]
    looks = [STATUS_LOOK["conflict"]] + [Look("#F2F2F2", "//", "")] * len(thresholds)
    for i, (v, look) in enumerate(zip(values, looks)):
        ax.barh(i, v, color=look.colour, hatch=look.hatch, edgecolor="#333333", linewidth=0.6,
                height=0.6)
        ax.text(v * 1.08, i, f"{v:,}".replace(",", "\u202f"), va="center", fontsize=8)
    from matplotlib.ticker import FuncFormatter, NullFormatter

    ax.set_xscale("log")
    ax.set_xlim(1, max(values) * 8)
    # plain numbers, not mathtext powers of ten: easier to read, and no TeX parser to load
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _p: f"{x:,.0f}".replace(",", "\u202f")))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names)
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    _half_title(fig, t(lang, "chart_signatures"))
    return fig


def _fix_layout(fig) -> None:
    """Run the constrained layout once, then freeze it: each ``savefig`` would otherwise lay
    the figure out again (text extents dominate the cost of drawing these charts)."""
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
        fig.set_layout_engine("none")


CHARTS: dict[str, Callable[[Analysis, str, Any], Any]] = {
    "status_matrix": chart_status_matrix,
    "scorecard": chart_scorecard,
    "rights_severity": chart_rights,
    "timeline": chart_timeline,
    "signatures": chart_signatures,
}


def render_charts(analysis: Analysis, *, lang: str = "en", kb: Any = None,
                  formats: tuple[str, ...] = ("png", "svg"),
                  names: tuple[str, ...] | None = None,
                  on_sizes: Callable[[dict[str, tuple[int, int]]], Any] | None = None,
                  on_file: Callable[[str, str, bytes], Any] | None = None
                  ) -> dict[str, dict[str, bytes]]:
    """Draw every chart that has data: ``{name: {"png": bytes, "svg": bytes}}``, in order.

    ``formats`` selects the files (the PDF worker needs only the PNGs), ``names`` the charts
    (default: all of :data:`CHARTS`); a chart's bytes in one format depend neither on the other
    formats nor on the other charts drawn. Every figure is built (and its size known) before
    any is drawn, and the files are saved format by format (every PNG, then every SVG):
    ``on_sizes({name: (width_px, height_px)})`` is called once with the PNG sizes before the
    first file is drawn, and ``on_file(name, fmt, data)`` as each file is ready, so that the
    PDF worker can lay out the brief while the charts are drawn.
    """
    import matplotlib

    from .report.strings import check_lang

    check_lang(lang)
    memo_key = _memo_key(analysis, lang, kb)
    memo = _MEMO.get(memo_key)
    if memo is not None and all(set(formats) <= set(files) for files in memo.values()):
        served = {name: {f: files[f] for f in formats} for name, files in memo.items()
                  if names is None or name in names}
        if on_sizes is not None:
            known = _MEMO_SIZES.get(memo_key, {})
            on_sizes({name: known.get(name) or png_size(memo[name].get("png", b""))
                      for name in served})
        if on_file is not None:
            for fmt in formats:
                for name, files in served.items():
                    on_file(name, fmt, files[fmt])
        return served
    out: dict[str, dict[str, bytes]] = {}
    sizes: dict[str, tuple[int, int]] = {}
    with matplotlib.rc_context(RC):
        figures = {}
        for name, draw in CHARTS.items():
            if names is not None and name not in names:
                continue
            fig = draw(analysis, lang, kb)
            if fig is not None:
                figures[name] = fig
                sizes[name] = figure_size(fig)
                out[name] = {}
        if on_sizes is not None:
            on_sizes(dict(sizes))
        for name, fig in figures.items():
            _fix_layout(fig)
        for fmt in ("png", "svg"):
            if fmt not in formats:
                continue
            for name, fig in figures.items():
                if fmt == "png":
                    data = _png(fig)
                else:
                    buf = io.BytesIO()
                    fig.savefig(buf, format="svg", metadata={"Date": None}, facecolor="white")
                    data = buf.getvalue()
                out[name][fmt] = data
                if on_file is not None:
                    on_file(name, fmt, data)
    if names is None:  # one entry: every chart of the analysis being worked on
        _MEMO.clear()
        _MEMO[memo_key] = out
        _MEMO_SIZES.clear()
        _MEMO_SIZES[memo_key] = sizes
    return {name: dict(files) for name, files in out.items()}


def charts_memoised(analysis: Analysis, *, lang: str = "en", kb: Any = None,
                    formats: tuple[str, ...] = ("png",)) -> bool:
    """True when :func:`render_charts` would serve every chart in ``formats`` without drawing."""
    memo = _MEMO.get(_memo_key(analysis, lang, kb))
    return memo is not None and all(set(formats) <= set(f) for f in memo.values())


_MEMO: dict[str, dict[str, dict[str, bytes]]] = {}
_MEMO_SIZES: dict[str, dict[str, tuple[int, int]]] = {}
"""The last charts drawn, by :func:`_memo_key`, with every format drawn. A notebook that
shows the charts and then writes the brief in the same kernel (and the PDF worker forked from
it) draws each figure once; any subset of the formats drawn is served from here."""


def _memo_key(analysis: Analysis, lang: str, kb: Any) -> str:
    """Everything the charts are drawn from: the analysis itself (its JSON), the language
    and the knowledge base's version (context data: timeline, thresholds)."""
    import hashlib

    from .models import dump_json

    digest = hashlib.sha256(dump_json(analysis).encode("utf-8"))
    digest.update(f"\0{lang}\0{getattr(kb, 'version', kb is None)}".encode("utf-8"))
    return digest.hexdigest()


def make_charts(analysis: Analysis, out_dir: str | Path, *, lang: str = "en", kb: Any = None,
                rendered: dict[str, dict[str, bytes]] | None = None) -> dict[str, Path]:
    """Write each chart as PNG and SVG into ``out_dir``: ``{"scorecard.png": path, ...}``."""
    from .io import atomic_write_bytes, ensure_output_dir

    folder = ensure_output_dir(out_dir)
    rendered = rendered if rendered is not None else render_charts(analysis, lang=lang, kb=kb)
    paths: dict[str, Path] = {}
    for name, files in rendered.items():
        for fmt, data in files.items():
            paths[f"{name}.{fmt}"] = atomic_write_bytes(folder / f"{name}.{fmt}", data)
    return paths
