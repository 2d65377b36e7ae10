"""Render the PDF brief in a second process while the first one does everything else.

The PDF (WeasyPrint) is the slowest export and needs only the charts' PNGs and the view;
the DOCX, Markdown, CSV, JSON, letters and the charts' SVGs need no PDF. So ``brief`` forks a
worker *before* the analysis starts: it imports matplotlib and WeasyPrint while the parent
runs the pipeline, then receives the analysis, draws the charts as PNG (sent back at once for
the DOCX), renders the HTML and prints it to PDF. The parent draws the SVGs, the DOCX and the
rest meanwhile. Every file is still rendered by the same deterministic functions, so the bytes
are those of the sequential :func:`analysis.report.render_all`.

Only where ``fork`` exists (Linux, macOS); elsewhere, or if the worker dies, the parent renders
everything itself. Nothing is written by the worker: files are returned to the parent, which
writes them atomically as before.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Any


def _warm_imports() -> None:
    """Import the heavy libraries (about 1.5 s) while the parent runs the pipeline."""
    try:
        import matplotlib.backends.backend_agg  # noqa: F401
        import matplotlib.figure  # noqa: F401
        import weasyprint  # noqa: F401
    except Exception:  # noqa: BLE001 - a missing library is reported when it is used
        pass
    from ..charts import RC, _new_figure
    from .html import render_html  # noqa: F401
    from .view import build_view  # noqa: F401

    try:  # load the fonts and the text engine once, before the analysis arrives
        import io

        import matplotlib

        with matplotlib.rc_context(RC):
            fig = _new_figure(1.0)
            ax = fig.add_subplot()
            ax.text(0.1, 0.5, "Қазақстан ✕ – ЛГБТ", fontweight="bold")
            ax.set_title("Timeline")
            fig.savefig(io.BytesIO(), format="png")
    except Exception:  # noqa: BLE001 - only a warm-up
        pass
    _warm_pdf()


_WARM_HTML = (
    "<html><head><style>{css}</style></head><body><h1>Қазақстан</h1>"
    "<p>ЛГБТ <b>әғқңөұүһі</b> <i>italic</i> <span class=\"code\">sha256</span></p>"
    "<blockquote class=\"provision\">Статья 20</blockquote>"
    "<table><tr><td>1</td><td>conflict</td></tr></table></body></html>"
)


def _warm_pdf() -> None:
    """Print a one-line page with the brief's stylesheet and fonts while the parent analyses.

    WeasyPrint's first document in a process pays for loading the fonts and the text engine's
    caches: measured on the bundled petition, the brief's PDF took 5.8-6.0 s as the first
    document and 4.1-4.2 s after this 0.1 s warm-up (same bytes: the PDF depends only on its
    HTML)."""
    try:
        from .html import STATIC
        from .pdf import render_pdf

        css = (STATIC / "brief.css").read_text(encoding="utf-8")
        render_pdf(_WARM_HTML.format(css=css))
    except Exception:  # noqa: BLE001 - only a warm-up
        pass


PARENT_DRAWS = ("scorecard", "rights_severity", "signatures")
"""Charts whose PNG the parent draws first (with their SVG, from one figure: no figure is
laid out twice) and sends to the worker, which draws the two big ones meanwhile: the PNGs are
on the PDF's critical path. The split balances the two (the parent also imports matplotlib
then; measured on the bundled petition: worker 1.0-1.3 s, parent 1.1-1.4 s, where the
worker alone took 1.7-2.4 s)."""


def _serve(conn, lang: str, kb: Any) -> None:
    """The worker: warm up, wait for the analysis, send PNG charts, then HTML and PDF."""
    from ..models import Analysis

    try:
        _warm_imports()
        message = conn.recv()
        if message is None:
            return
        times: dict[str, float] = {}
        from ..charts import CHARTS, render_charts
        from .html import render_html
        from .pdf import render_pdf
        from .view import build_view

        analysis = Analysis.model_validate_json(message)
        start = time.perf_counter()
        mine = render_charts(analysis, lang=lang, kb=kb, formats=("png",),
                             names=tuple(n for n in CHARTS if n not in PARENT_DRAWS))
        times["charts_png"] = round(time.perf_counter() - start, 3)
        start = time.perf_counter()
        theirs = conn.recv()  # the parent's PNGs ({} when it drew none)
        times["wait_parent_png"] = round(time.perf_counter() - start, 3)
        charts = {name: ({"png": theirs[name]} if name in theirs else mine[name])
                  for name in CHARTS if name in theirs or name in mine}
        conn.send(("charts", charts))
        start = time.perf_counter()
        html = render_html(build_view(analysis, lang=lang, kb=kb), charts)
        times["html"] = round(time.perf_counter() - start, 3)
        start = time.perf_counter()
        pdf = render_pdf(html)
        times["pdf"] = round(time.perf_counter() - start, 3)
        conn.send(("pdf", html, pdf, times))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
        try:
            conn.send(("error", exc))
        except Exception:  # noqa: BLE001 - the exception itself does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()


class PdfWorker:
    """Handle on the forked worker; :meth:`available` is False where fork is unavailable."""

    def __init__(self, lang: str, kb: Any) -> None:
        self.lang = lang
        self._conn = None
        self._proc = None
        self._sent = False
        if os.environ.get("PETITION_LENS_NO_FORK") or sys.platform == "win32":
            return
        import multiprocessing

        try:
            ctx = multiprocessing.get_context("fork")
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(child, lang, kb), daemon=True)
            proc.start()
        except (ValueError, OSError):
            return
        child.close()
        self._conn, self._proc = parent, proc

    @property
    def available(self) -> bool:
        return self._proc is not None

    def submit(self, analysis) -> bool:
        """Send the analysis; False when the worker is gone (the caller renders itself)."""
        if not self.available:
            return False
        try:
            self._conn.send(analysis.model_dump_json())
        except (OSError, EOFError, BrokenPipeError):
            self.close()
            return False
        self._sent = True
        return True

    def send_pngs(self, pngs: dict[str, bytes]) -> bool:
        """Give the worker the PNGs of :data:`PARENT_DRAWS` (False: the worker is gone)."""
        try:
            self._conn.send(pngs)
        except (OSError, EOFError, BrokenPipeError):
            return False
        return True

    def _receive(self, kind: str):
        try:
            message = self._conn.recv()
        except (EOFError, OSError):
            return None
        if message[0] == "error":
            self.close()
            raise message[1]
        if message[0] != kind:
            raise RuntimeError(f"the PDF worker sent {message[0]!r}, expected {kind!r}")
        return message[1:]

    def charts(self) -> dict[str, dict[str, bytes]] | None:
        got = self._receive("charts")
        return got[0] if got else None

    def pdf(self) -> tuple[str, bytes, dict[str, float]] | None:
        got = self._receive("pdf")
        return (got[0], got[1], got[2]) if got else None

    def close(self) -> None:
        """Stop the worker (it exits by itself once it has sent the PDF)."""
        if self._proc is None:
            return
        try:
            if not self._sent:
                self._conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        self._conn.close()
        self._proc.join(timeout=5)
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join()
        self._proc = None
