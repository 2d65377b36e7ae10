"""The HTML brief: Jinja2 with autoescaping on, one self-contained file (charts as data URIs).

Every string that comes from the input, its metadata, the findings or a reviewer's note is
passed to the template as data and escaped there; nothing is marked safe, and the input is
never compiled as a template (so ``{{ 7*7 }}`` in a petition stays text).
"""
from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from ..charts import DPI, STATUS_LOOK
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
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        return None
    return f"{int.from_bytes(data[16:20], 'big') / dpi:.2f}in"


def data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


CHART_TITLE_KEYS = {
    "status_matrix": "chart_matrix", "scorecard": "chart_scorecard",
    "rights_severity": "chart_rights", "timeline": "chart_timeline",
    "signatures": "chart_signatures",
}


HALF_WIDTH = ("rights_severity", "signatures")
"""Charts drawn half the text width (:data:`analysis.charts.HALF_IN`)."""


def render_html(view: BriefView, charts: dict[str, dict[str, bytes]] | None = None) -> str:
    """Render the brief as one HTML document (styles inlined, images embedded)."""
    lang = view.lang
    from markupsafe import Markup

    css_text = (STATIC / "brief.css").read_text(encoding="utf-8")
    if "<" in css_text:  # our own asset; it must never be able to close the <style> element
        raise ValueError("brief.css must not contain '<'")
    css = Markup(css_text)  # the package's stylesheet, never input: the only trusted markup
    uris = {name: data_uri(files["png"]) for name, files in (charts or {}).items()}
    widths = {name: w for name, files in (charts or {}).items()
              if (w := png_width(files["png"])) is not None}
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
