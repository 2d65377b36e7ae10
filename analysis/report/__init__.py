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
               timings: dict[str, float] | None = None, worker: Any = None) -> dict[str, bytes]:
    """Every output file as bytes, keyed by its path relative to the output folder.

    With a :class:`~analysis.report.parallel.PdfWorker` the charts and the PDF are rendered
    in two other processes while this one renders the rest (same bytes either way).
    """
    from ..charts import render_charts
    from ..models import dump_json
    from .docx import render_docx
    from .html import embed_charts, render_print_html
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

    if worker is not None and (worker.serves(analysis, lang, kb) if worker.submitted
                               else worker.submit(analysis, lang, kb)):
        parallel = _render_with_worker(analysis, lang, kb, worker, step, times)
        if parallel is not None:
            return parallel
    sizes: dict[str, tuple[int, int]] = {}
    charts = step("charts", lambda: render_charts(analysis, lang=lang, kb=kb,
                                                  on_sizes=sizes.update))
    pngs = {name: formats["png"] for name, formats in charts.items()}
    for name, formats in charts.items():
        for fmt, data in formats.items():
            files[f"charts/{name}.{fmt}"] = data
    view = step("view", lambda: build_view(analysis, lang=lang, kb=kb))
    html = step("html", lambda: render_print_html(view, sizes))
    files["brief.html"] = embed_charts(html, pngs).encode("utf-8")
    files["brief.pdf"] = step("pdf", lambda: render_pdf(html, charts=pngs))
    files["brief.docx"] = step("docx", lambda: render_docx(view, charts))
    files["brief.md"] = step("markdown", lambda: render_markdown(view)).encode("utf-8")
    files["findings.csv"] = render_csv(view).encode("utf-8")
    files["findings.json"] = dump_json(analysis).encode("utf-8")
    letters = step("letters", lambda: render_letters(analysis, kb=kb))
    for name, data in letters.items():
        files[f"letters/{name}"] = data
    return files


def _render_with_worker(analysis, lang: str, kb: Any, worker: Any,
                        step: Callable[[str, Callable[[], Any]], Any],
                        times: dict[str, float]) -> dict[str, bytes] | None:
    """The parent's share while the workers draw the charts and print the PDF (None: a
    worker is gone)."""
    from ..models import dump_json
    from .docx import render_docx
    from .html import embed_charts
    from .letters import render_letters
    from .markdown import render_csv, render_markdown
    from .view import build_view

    files: dict[str, bytes] = {}
    view = step("view", lambda: build_view(analysis, lang=lang, kb=kb))
    files["brief.md"] = step("markdown", lambda: render_markdown(view)).encode("utf-8")
    files["findings.csv"] = render_csv(view).encode("utf-8")
    files["findings.json"] = dump_json(analysis).encode("utf-8")
    letters = step("letters", lambda: render_letters(analysis, kb=kb))
    for name, data in letters.items():
        files[f"letters/{name}"] = data
    charts = step("wait_charts", lambda: worker.charts(times))
    if charts is None:
        return None
    for name, formats in charts.items():
        for fmt, data in formats.items():
            files[f"charts/{name}.{fmt}"] = data
    files["brief.docx"] = step("docx", lambda: render_docx(view, charts))
    got = step("wait_pdf", worker.pdf)
    if got is None:
        return None
    html, pdf, worker_times = got
    times.update({f"worker_{k}": v for k, v in worker_times.items()})
    files["brief.html"] = embed_charts(html, {n: f["png"] for n, f in charts.items()}
                                       ).encode("utf-8")
    files["brief.pdf"] = pdf
    return files


_KEYS = {"brief.html": "html", "brief.pdf": "pdf", "brief.docx": "docx", "brief.md": "md",
         "findings.csv": "csv", "findings.json": "json"}


def export_brief(analysis, out_dir, *, lang: str = "en", kb: Any = None,
                 progress: Callable[[str], None] | None = None,
                 timings: dict[str, float] | None = None, worker: Any = None
                 ) -> dict[str, Path]:
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
    files = render_all(analysis, lang=lang, kb=kb, progress=progress, timings=timings,
                       worker=worker)
    paths: dict[str, Path] = {}
    for rel in sorted(files):
        target = out / rel
        if target.parent != out:
            ensure_output_dir(target.parent)
        paths[_KEYS.get(rel, rel)] = atomic_write_bytes(target, files[rel])
    paths["charts"] = out / "charts"
    paths["letters"] = out / "letters"
    return paths


def check_output_dir(path) -> Path:
    """Refuse an unusable output folder *without creating it*: a path that is a file, a
    folder that is not writable, or one whose nearest existing parent is not a writable
    folder. The folder itself is made only once the input has been read and analysed, so a
    bad input leaves nothing behind."""
    import os

    from ..errors import OutputError

    out = Path(path)
    if out.exists():
        if not out.is_dir():
            raise OutputError("the output path exists and is a file, not a folder",
                              where=str(out),
                              hint="choose a folder name with --out, or move that file away")
        if not os.access(out, os.W_OK | os.X_OK):
            raise OutputError("the output folder is not writable", where=str(out),
                              hint="choose a folder you can write to with --out, or change "
                                   "its permissions")
        return out
    parent = out.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        what = "is a file" if parent.exists() and not parent.is_dir() else "is not writable"
        raise OutputError(f"cannot create the output folder: {parent} {what}", where=str(out),
                          hint="choose a folder you can write to with --out")
    return out


def brief_cli(args) -> int:
    """``python -m analysis brief INPUT --out DIR [--lang en|ru] [--as-of DATE] [--review FILE]``."""
    quiet = bool(getattr(args, "quiet", False))
    out = check_output_dir(args.out)  # fail before the slow analysis, but create nothing yet
    lang = getattr(args, "lang", "en") or "en"
    from .strings import check_lang

    check_lang(lang)
    _progress(f"analysing {args.input}…", quiet)
    from .parallel import PdfWorker

    # forked first, before the pipeline and knowledge base are loaded: the workers import
    # matplotlib and WeasyPrint on the other core while this process loads and analyses
    worker = PdfWorker(lang)
    timings: dict[str, float] = {}
    try:
        from ..pipeline import analyse_file

        kb = _load_default_kb()
        start = time.perf_counter()
        analysis = analyse_file(args.input, as_of=getattr(args, "as_of", None),
                                review=getattr(args, "review", None), kb=kb)
        timings["analysis"] = round(time.perf_counter() - start, 3)
        paths = export_brief(analysis, out, lang=lang, kb=kb, timings=timings, worker=worker,
                             progress=lambda m: _progress(m, quiet))
    finally:
        worker.close()
    if getattr(args, "debug", False):
        _progress("timings (s): " + ", ".join(f"{k} {v}" for k, v in timings.items()), quiet)
    reported = sum(1 for f in analysis.findings
                   if not f.rejected and f.effective_status in ("conflict", "concern",
                                                                "needs_review"))
    print(f"{analysis.verdict}: {reported} reported findings; brief written to {out}/")
    for key in ("html", "pdf", "docx", "md", "json", "csv"):
        print(f"  {paths[key]}")
    print(f"  {paths['charts']}/ ({sum(1 for k in paths if k.startswith('charts/'))} files)")
    print(f"  {paths['letters']}/ ({sum(1 for k in paths if k.startswith('letters/'))} files)")
    return 0
