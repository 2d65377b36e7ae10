"""Exporters: the brief (HTML, PDF, DOCX, Markdown), findings (JSON, CSV), charts and letters.

:func:`export_brief` renders everything in memory first and then writes each file atomically
(temporary name, then rename), so a failure never leaves a half-written file behind. Heavy
libraries (matplotlib, weasyprint, python-docx, jinja2) are imported only when exporting.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["export_brief", "brief_cli", "render_all"]


def _load_default_kb() -> Any:
    try:
        from ..framework import load_kb
    except ImportError:  # the knowledge base module is optional for the exporters
        return None
    return load_kb()


def _progress(message: str, quiet: bool) -> None:
    if not quiet:
        print(f"  {message}", file=sys.stderr, flush=True)


def render_all(analysis, *, lang: str = "en", kb: Any = None,
               progress: Callable[[str], None] | None = None,
               timings: dict[str, float] | None = None) -> dict[str, bytes]:
    """Every output file as bytes, keyed by its path relative to the output folder."""
    from ..charts import render_charts
    from ..models import dump_json
    from .docx import render_docx
    from .html import render_html
    from .letters import render_letters
    from .markdown import render_csv, render_markdown
    from .pdf import render_pdf
    from .strings import check_lang
    from .view import build_view

    check_lang(lang)
    say = progress or (lambda _m: None)
    times = timings if timings is not None else {}
    files: dict[str, bytes] = {}

    def step(name: str, func: Callable[[], Any]) -> Any:
        say(f"{name}…")
        start = time.perf_counter()
        result = func()
        times[name] = round(time.perf_counter() - start, 3)
        return result

    charts = step("charts", lambda: render_charts(analysis, lang=lang, kb=kb))
    for name, formats in charts.items():
        for fmt, data in formats.items():
            files[f"charts/{name}.{fmt}"] = data
    view = step("view", lambda: build_view(analysis, lang=lang, kb=kb))
    html = step("html", lambda: render_html(view, charts))
    files["brief.html"] = html.encode("utf-8")
    files["brief.pdf"] = step("pdf", lambda: render_pdf(html))
    files["brief.docx"] = step("docx", lambda: render_docx(view, charts))
    files["brief.md"] = step("markdown", lambda: render_markdown(view)).encode("utf-8")
    files["findings.csv"] = render_csv(view).encode("utf-8")
    files["findings.json"] = dump_json(analysis).encode("utf-8")
    letters = step("letters", lambda: render_letters(analysis, kb=kb))
    for name, data in letters.items():
        files[f"letters/{name}"] = data
    return files


_KEYS = {"brief.html": "html", "brief.pdf": "pdf", "brief.docx": "docx", "brief.md": "md",
         "findings.csv": "csv", "findings.json": "json"}


def export_brief(analysis, out_dir, *, lang: str = "en", kb: Any = None,
                 progress: Callable[[str], None] | None = None,
                 timings: dict[str, float] | None = None) -> dict[str, Path]:
    """Write the brief, findings, charts and letters into ``out_dir``.

    Returns ``{"html", "pdf", "docx", "md", "csv", "json": Path, "charts": folder,
    "letters": folder, "charts/<name>.png": Path, "letters/<name>": Path, ...}``.
    Raises :class:`~analysis.errors.OutputError` when ``out_dir`` is a file or not writable.
    """
    from ..io import atomic_write_bytes, ensure_output_dir
    from .strings import check_lang

    check_lang(lang)
    out = ensure_output_dir(out_dir)
    if kb is None:
        kb = _load_default_kb()
    files = render_all(analysis, lang=lang, kb=kb, progress=progress, timings=timings)
    paths: dict[str, Path] = {}
    for rel in sorted(files):
        target = out / rel
        if target.parent != out:
            ensure_output_dir(target.parent)
        paths[_KEYS.get(rel, rel)] = atomic_write_bytes(target, files[rel])
    paths["charts"] = out / "charts"
    paths["letters"] = out / "letters"
    return paths


def brief_cli(args) -> int:
    """``python -m analysis brief INPUT --out DIR [--lang en|ru] [--as-of DATE] [--review FILE]``."""
    from ..io import ensure_output_dir

    quiet = bool(getattr(args, "quiet", False))
    out = ensure_output_dir(args.out)  # fail before the slow analysis if --out is unusable
    lang = getattr(args, "lang", "en") or "en"
    from .strings import check_lang

    check_lang(lang)
    _progress(f"analysing {args.input}…", quiet)
    from ..pipeline import analyse_file

    kb = _load_default_kb()
    analysis = analyse_file(args.input, as_of=getattr(args, "as_of", None),
                            review=getattr(args, "review", None), kb=kb)
    paths = export_brief(analysis, out, lang=lang, kb=kb,
                         progress=lambda m: _progress(m, quiet))
    reported = sum(1 for f in analysis.findings
                   if not f.rejected and f.effective_status in ("conflict", "concern",
                                                                "needs_review"))
    print(f"{analysis.verdict}: {reported} reported findings; brief written to {out}/")
    for key in ("html", "pdf", "docx", "md", "json", "csv"):
        print(f"  {paths[key]}")
    print(f"  {paths['charts']}/ ({sum(1 for k in paths if k.startswith('charts/'))} files)")
    print(f"  {paths['letters']}/ ({sum(1 for k in paths if k.startswith('letters/'))} files)")
    return 0
