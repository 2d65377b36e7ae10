"""The HTML brief: Jinja2 with autoescaping on, one self-contained file (charts as data URIs).

Every string that comes from the input, its metadata, the findings or a reviewer's note is
passed to the template as data and escaped there; nothing is marked safe, and the input is
never compiled as a template (so ``{{ 7*7 }}`` in a petition stays text).
"""
from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from ..charts import DPI, STATUS_LOOK, png_size
from .strings import COMPLETENESS, DECISION, SPAN_LABEL, pick, t
from .view import BriefView, distinct_words, ids_by_clause

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from .view import anchor

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters["anchor"] = lambda value, prefix: anchor(prefix, str(value))
    env.filters["distinct_words"] = distinct_words
    env.filters["by_clause"] = ids_by_clause
    return env


def png_width(data: bytes, dpi: int = DPI) -> str | None:
    """The printed width of a chart PNG at the DPI it was drawn for (from its IHDR header), so
    that its lettering prints at the point sizes it was designed with, not scaled."""
    size = png_size(data)
    return None if size is None else chart_width(size[0], dpi)


def chart_width(width_px: int, dpi: int = DPI) -> str:
    """CSS width of a chart ``width_px`` pixels wide drawn at ``dpi``."""
    return f"{width_px / dpi:.2f}in"


def data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


CHART_SRC = "charts/{name}.png"
"""Where the print HTML points for a chart: the PDF fetcher serves it from memory
(:func:`analysis.report.pdf.make_fetcher`) and :func:`embed_charts` replaces it by a data URI
in ``brief.html``. The same relative path names the chart's file in the output folder."""


CHART_TITLE_KEYS = {
    "status_matrix": "chart_matrix", "scorecard": "chart_scorecard",
    "rights_severity": "chart_rights", "timeline": "chart_timeline",
    "signatures": "chart_signatures",
}


HALF_WIDTH = ("rights_severity", "signatures")
"""Charts drawn half the text width (:data:`analysis.charts.HALF_IN`)."""


def render_html(view: BriefView, charts: dict[str, dict[str, bytes]] | None = None) -> str:
    """Render the brief as one HTML document (styles inlined, images embedded)."""
    charts = charts or {}
    sizes = {name: png_size(files["png"]) for name, files in charts.items()}
    return embed_charts(render_print_html(view, sizes),
                        {name: files["png"] for name, files in charts.items()})


def embed_charts(html: str, pngs: dict[str, bytes]) -> str:
    """``html`` from :func:`render_print_html` with each chart embedded as a data URI (one
    self-contained file). Only the template writes ``src="``: input text is escaped, so its
    quotes can never form that sequence."""
    for name, data in pngs.items():
        html = html.replace(f'src="{CHART_SRC.format(name=name)}"', f'src="{data_uri(data)}"')
    return html


def render_print_html(view: BriefView,
                      sizes: dict[str, tuple[int, int] | None] | None = None) -> str:
    """The brief's HTML with each chart pointing at :data:`CHART_SRC` instead of its bytes.

    It needs only the charts' pixel sizes (known as soon as the figures are built), so the PDF
    worker lays the brief out while the charts are still being drawn; WeasyPrint also parses
    a short link faster than a data URI of several hundred kilobytes."""
    lang = view.lang
    from markupsafe import Markup

    css_text = (STATIC / "brief.css").read_text(encoding="utf-8")
    if "<" in css_text:  # our own asset; it must never be able to close the <style> element
        raise ValueError("brief.css must not contain '<'")
    css = Markup(css_text)  # the package's stylesheet, never input: the only trusted markup
    sizes = sizes or {}
    uris = {name: CHART_SRC.format(name=name) for name in sizes}
    widths = {name: chart_width(size[0]) for name, size in sizes.items() if size is not None}
    # the half-width charts next to each other, so that they share a row
    order = sorted((n for n in uris if n != "scorecard"),
                   key=lambda n: (n != "status_matrix", n not in HALF_WIDTH,
                                  list(CHART_TITLE_KEYS).index(n) if n in CHART_TITLE_KEYS else 99))
    toc = [
        ("summary", t(lang, "exec_summary")), ("scope", t(lang, "scope")),
        *([("charts", t(lang, "charts"))] if len(uris) > ("scorecard" in uris) else []),
        ("findings", t(lang, "findings")), ("clauses-raised", t(lang, "clauses_examined")),
        ("by-test", t(lang, "by_test")), ("admissibility", t(lang, "admissibility")),
        ("precedents", t(lang, "precedents")), ("recommendations", t(lang, "recommendations")),
        ("annex", t(lang, "annex")), ("annex-text", t(lang, "annex_text")),
        ("annex-provisions", t(lang, "annex_provisions")),
        *([("annex-authorities", t(lang, "annex_authorities"))] if view.cited else []),
        ("annex-sources", t(lang, "annex_sources")), ("provenance", t(lang, "provenance")),
    ]
    return _environment().get_template("brief.html.j2").render(
        v=view, a=view.analysis, css=css, charts=uris, chart_widths=widths, chart_order=order, toc=toc,
        symbols={k: look.symbol for k, look in STATUS_LOOK.items()},
        labels={k: pick(SPAN_LABEL, lang, k) for k in SPAN_LABEL[lang]},
        completeness=pick(COMPLETENESS, lang, view.analysis.input.completeness),
        chart_titles={k: t(lang, v) for k, v in CHART_TITLE_KEYS.items()},
        rejected_label=pick(DECISION, lang, "reject"),
    )
