"""Draw the charts and print the PDF brief in two other processes while the first one does
everything else.

The PDF (WeasyPrint) is the slowest export and needs only the view and the charts' PNGs; the
charts need only the analysis; the DOCX, Markdown, CSV, JSON and letters need neither the PDF
nor matplotlib. So ``brief`` forks two workers *before* the analysis starts, which import
matplotlib and WeasyPrint (and draw or print a one-line warm-up) while the parent runs the
pipeline. Then, once the parent sends the analysis:

- the chart worker builds the figures and sends their pixel sizes to the PDF worker, then
  sends each PNG as soon as it is drawn (to the PDF worker first, then to the parent), then
  the SVGs (to the parent);
- the PDF worker builds the view, renders the print HTML (charts as links, with their sizes)
  and prints it: WeasyPrint lays the pages out with blank stand-ins of the charts' sizes
  while the charts are drawn, and takes each PNG only before painting
  (:func:`analysis.report.pdf.render_pdf`);
- the parent renders the Markdown, CSV, JSON and letters, then the DOCX with the PNGs.

Every file is still rendered by the same deterministic functions, so the bytes are those of
the sequential :func:`analysis.report.render_all`. Only where ``fork`` exists (Linux, macOS);
elsewhere, or if a worker dies, the parent renders everything itself. Nothing is written by
the workers: files are returned to the parent, which writes them atomically as before.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any


def _warm_pdf_imports() -> None:
    """Import WeasyPrint and the HTML renderer (about 1 s) while the parent runs the pipeline."""
    try:
        import weasyprint  # noqa: F401
    except Exception:  # noqa: BLE001 - a missing library is reported when it is used
        pass
    from .html import render_print_html  # noqa: F401
    from .view import build_view  # noqa: F401

    _warm_pdf()


def _warm_charts() -> None:
    """Import matplotlib and draw a one-line figure (fonts, glyph caches: about 1 s)."""
    try:
        import matplotlib

        from ..charts import RC, _new_figure, _png

        with matplotlib.rc_context(RC):
            fig = _new_figure(1.0)
            ax = fig.add_subplot()
            ax.text(0.1, 0.5, "Қазақстан ✕ – ЛГБТ", fontweight="bold")
            ax.set_title("Timeline")
            _png(fig)
    except Exception:  # noqa: BLE001 - only a warm-up
        pass


_SAMPLE = ("Article 19(3) ICCPR — «пропаганда» ЛГБТ, Қазақстан: әғқңөұүһі ӘҒҚҢӨҰҮҺІ; "
           "нетрадиційної ієї ґ ЁЖЩЪЫЭЮЯ ёжщъыэюя 0123456789 %&§№ “quoted” ✕ ✓ ! ? – … "
           "sha256:9f86d081884c7d65 title/iccpr/art_19__para_3#legality")
_WARM_HTML = (
    "<html><head><style>{css}</style></head><body><header><p class=\"kicker\">{s}</p>"
    "<h1>{s}</h1><p class=\"subtitle\">{s}</p></header>"
    "<nav class=\"toc\"><h2>{s}</h2><table class=\"toc\"><tr><td><a href=\"#a\">1. {s}</a>"
    "</td><td></td></tr></table></nav><section id=\"a\"><h2>{s}</h2>"
    "<p class=\"disclaimer\">{s}</p><div class=\"verdict\">{s}</div>"
    "<div class=\"warning-box\">{s}</div><p class=\"intro\">{s} <em>{s}</em></p>"
    "<ul class=\"tight\"><li>{s} <strong>{s}</strong></li></ul>"
    "<table class=\"kv\"><tr><th>{s}</th><td>{s}</td></tr></table>"
    "<h3>{s}</h3><article class=\"clause\"><h4>{s} <span class=\"code\">{s}</span> "
    "<span class=\"meta\">[ru]</span></h4><blockquote class=\"clause\">{s} "
    "<mark class=\"group evidence\">{s}</mark> <mark class=\"vague\">{s}</mark> "
    "<mark class=\"measure\">{s}</mark> <mark class=\"aim\">{s}</mark></blockquote>"
    "<table class=\"rows\"><thead><tr><th class=\"c1\">{s}</th><th class=\"c2\">{s}</th>"
    "<th class=\"c3\">{s}</th><th class=\"c4\">{s}</th></tr></thead><tbody>"
    "<tr class=\"finding conflict\"><td class=\"code\">{s}</td><td><a href=\"#a\">{s}</a>"
    "</td><td><span class=\"status conflict\">✕ conflict</span> <span class=\"meta\">0.85"
    "</span></td><td><em>{s}</em></td></tr></tbody></table></article>"
    "<div class=\"provision-group\"><h4 class=\"prov\">{s} <a class=\"meta\">{s}</a></h4>"
    "<div class=\"test conflict\"><h5>{s} <span class=\"status concern\">! concern</span>"
    "</h5><p class=\"question\">{s}</p><p>{s}</p><p class=\"auth\"><strong>{s}</strong> "
    "<a class=\"cite\">{s}</a><span class=\"badge secondary\">{s}</span></p>"
    "<p class=\"raised-on\">{s}</p><p class=\"raised\"><a class=\"chip conflict\">{s}</a>"
    "</p><ul class=\"quiet\"><li>{s}</li></ul></div></div>"
    "<blockquote class=\"provision\">{s} <em>{s}</em> <strong>{s}</strong></blockquote>"
    "<dl class=\"authorities\"><div><dt>{s}</dt><dd>{s}</dd></div></dl>"
    "<ul class=\"sources\"><li>{s}</li></ul></section>"
    "<footer class=\"provenance\"><p class=\"running-footer\">{s}</p><table class=\"kv\">"
    "<tr><th>{s}</th><td class=\"code\">{s}</td></tr></table></footer></body></html>"
)


def _warm_pdf() -> None:
    """Print a specimen page of the brief (its stylesheet, every kind of element it uses,
    in the scripts it prints) while the parent analyses.

    WeasyPrint's first document in a process pays for loading the fonts and for the text
    engine's caches, per font, style and size: measured on the bundled petition, the brief's
    PDF took 5.8-6.0 s as the first document and 4.1-4.2 s after a one-line warm-up page
    (same bytes: the PDF depends only on its HTML and charts)."""
    try:
        from .html import STATIC
        from .pdf import render_pdf

        css = (STATIC / "brief.css").read_text(encoding="utf-8")
        render_pdf(_WARM_HTML.format(css=css, s=_SAMPLE))
    except Exception:  # noqa: BLE001 - only a warm-up
        pass


class _Inbox(Mapping):
    """Messages ``(kind, name, data)`` from another process, kept by ``kind:name``. A reader
    thread drains the pipe, so that the sender never blocks on a full pipe while this process
    is busy; :meth:`wait` blocks until an item arrives, and raises the sender's error, or
    KeyError once the sender has hung up without sending it.

    As a Mapping it is chart name -> PNG bytes, for the PDF fetcher."""

    def __init__(self, conn) -> None:
        self._conn = conn
        self._items: dict[str, Any] = {}
        self._closed = False
        self.waited = 0.0  # seconds spent waiting for PNGs (a figure for --debug)
        self._cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                kind, name, data = self._conn.recv()
            except (EOFError, OSError, TypeError, ValueError):
                kind = None
            with self._cond:
                if kind is None:
                    self._closed = True
                else:
                    self._items[f"{kind}:{name}"] = data
                self._cond.notify_all()
            if kind is None:
                return

    def wait(self, key: str) -> Any:
        with self._cond:
            while key not in self._items:
                if "error:" in self._items:
                    raise self._items["error:"]
                if self._closed:
                    raise KeyError(key)
                self._cond.wait()
            return self._items[key]

    def sizes(self) -> dict[str, tuple[int, int] | None]:
        return self.wait("sizes:")

    def __getitem__(self, name: str) -> bytes:
        start = time.perf_counter()
        try:
            return self.wait(f"png:{name}")
        finally:
            self.waited += time.perf_counter() - start

    def __iter__(self) -> Iterator[str]:
        return iter(self.sizes())

    def __len__(self) -> int:
        return len(self.sizes())


def _close(conns) -> None:
    """Close a forked child's copies of the pipe ends it does not use (so that a peer's
    exit is seen as end-of-file)."""
    for conn in conns:
        conn.close()


IDLE_SECONDS = 1800
"""Workers started ahead (a notebook kernel) exit if no analysis comes within this time."""


def _wait_for_analysis(conn):
    """The analysis message, or None: closed without one, parent gone, or idle too long."""
    try:
        if not conn.poll(IDLE_SECONDS):
            return None
        return conn.recv()
    except (EOFError, OSError):
        return None


def _send_error(conn, exc: BaseException) -> None:
    try:
        conn.send(("error", "", exc))
    except Exception:  # noqa: BLE001 - the exception itself does not pickle
        try:
            conn.send(("error", "", RuntimeError(f"{type(exc).__name__}: {exc}")))
        except Exception:  # noqa: BLE001 - the peer is gone
            pass


def _draw(analysis_conn, pdf_conn, parent_conn, unused) -> None:
    """The chart worker: warm up, wait for the analysis, send the sizes, the PNGs, the SVGs."""
    from ..models import Analysis

    _close(unused)
    try:
        _warm_charts()
        message = _wait_for_analysis(analysis_conn)
        if message is None:
            return
        from ..charts import charts_memoised, render_charts

        body, lang, kb = message
        analysis = Analysis.model_validate_json(body)
        pdf_alive = [True]

        def to_pdf(item) -> None:
            if pdf_alive[0]:
                try:
                    pdf_conn.send(item)
                except (OSError, BrokenPipeError):
                    pdf_alive[0] = False  # the parent sees it and prints the PDF itself

        def sizes(found) -> None:
            to_pdf(("sizes", "", found))
            parent_conn.send(("sizes", "", found))

        def ready(name: str, fmt: str, data: bytes) -> None:
            if fmt == "png":
                to_pdf(("png", name, data))
            parent_conn.send((fmt, name, data))

        times: dict[str, float] = {}
        start, cpu = time.perf_counter(), time.process_time()
        if charts_memoised(analysis, lang=lang, kb=kb, formats=("png",)):
            # drawn already in the process this one was forked from (a notebook showed them)
            render_charts(analysis, lang=lang, kb=kb, formats=("png",), on_sizes=sizes,
                          on_file=ready)
            render_charts(analysis, lang=lang, kb=kb, formats=("svg",), on_file=ready)
        else:
            render_charts(analysis, lang=lang, kb=kb, on_sizes=sizes, on_file=ready)
        times["charts"] = round(time.perf_counter() - start, 3)
        times["charts_cpu"] = round(time.process_time() - cpu, 3)
        times["process_cpu"] = round(time.process_time(), 3)  # with its warm-up
        parent_conn.send(("done", "", times))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
        _send_error(parent_conn, exc)
    finally:
        pdf_conn.close()
        parent_conn.close()


def _serve(analysis_conn, charts_conn, result_conn, unused) -> None:
    """The PDF worker: warm up, wait for the analysis, then print the brief as charts arrive."""
    from ..models import Analysis

    _close(unused)
    try:
        _warm_pdf_imports()
        message = _wait_for_analysis(analysis_conn)
        if message is None:
            return
        inbox = _Inbox(charts_conn)
        times: dict[str, float] = {}
        from .html import render_print_html
        from .pdf import render_pdf
        from .view import build_view

        body, lang, kb = message
        analysis = Analysis.model_validate_json(body)
        start = time.perf_counter()
        view = build_view(analysis, lang=lang, kb=kb)
        try:
            sizes = inbox.sizes()
        except KeyError:
            return  # the chart worker is gone: the parent renders everything itself
        times["wait_sizes"] = round(time.perf_counter() - start, 3)
        start = time.perf_counter()
        html = render_print_html(view, sizes)
        times["html"] = round(time.perf_counter() - start, 3)
        start, cpu = time.perf_counter(), time.process_time()
        pdf = render_pdf(html, charts=inbox, sizes=sizes)
        times["pdf"] = round(time.perf_counter() - start, 3)
        times["pdf_cpu"] = round(time.process_time() - cpu, 3)
        times["pdf_waited_for_png"] = round(inbox.waited, 3)
        times["process_cpu"] = round(time.process_time(), 3)  # with its warm-up
        result_conn.send(("pdf", html, pdf, times))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the parent
        try:
            result_conn.send(("error", exc))
        except Exception:  # noqa: BLE001 - the exception itself does not pickle
            result_conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        result_conn.close()


class PdfWorker:
    """Handle on the two forked workers (charts, PDF); :meth:`available` is False where fork
    is unavailable. They need nothing to warm up: the analysis, language and knowledge base
    are sent with :meth:`submit` (``lang`` and ``kb`` here are only its defaults), so that a
    notebook can start them before it has loaded anything."""

    def __init__(self, lang: str = "en", kb: Any = None) -> None:
        self.lang = lang
        self.kb = kb
        self.submitted: str | None = None
        self._procs: list[Any] = []
        self._sent = False
        self.broken = False
        self._charts: _Inbox | None = None
        if os.environ.get("PETITION_LENS_NO_FORK") or sys.platform == "win32":
            return
        import multiprocessing

        try:
            ctx = multiprocessing.get_context("fork")
            to_pdf_recv, to_pdf_send = ctx.Pipe(duplex=False)  # parent -> PDF: analysis
            to_charts_recv, to_charts_send = ctx.Pipe(duplex=False)  # parent -> charts
            pngs_recv, pngs_send = ctx.Pipe(duplex=False)  # charts -> PDF: sizes, PNGs
            drawn_recv, drawn_send = ctx.Pipe(duplex=False)  # charts -> parent: every file
            pdf_recv, pdf_send = ctx.Pipe(duplex=False)  # PDF -> parent
        except OSError:
            return
        every = (to_pdf_recv, to_pdf_send, to_charts_recv, to_charts_send, pngs_recv,
                 pngs_send, drawn_recv, drawn_send, pdf_recv, pdf_send)
        charts_uses = (to_charts_recv, pngs_send, drawn_send)
        pdf_uses = (to_pdf_recv, pngs_recv, pdf_send)
        mine = (to_pdf_send, to_charts_send, drawn_recv, pdf_recv)
        try:
            charts = ctx.Process(target=_draw, daemon=True, args=(
                *charts_uses, [c for c in every if c not in charts_uses]))
            charts.start()
            self._procs.append(charts)
            printer = ctx.Process(target=_serve, daemon=True, args=(
                *pdf_uses, [c for c in every if c not in pdf_uses]))
            printer.start()
            self._procs.append(printer)
        except (ValueError, OSError):
            _close(every)
            self._stop()
            return
        _close([c for c in every if c not in mine])
        self._to_pdf, self._to_charts, self._drawn, self._pdf = mine

    @property
    def available(self) -> bool:
        # once the analysis is sent, a worker that has finished and exited is still good
        return len(self._procs) == 2 and (self._sent or all(p.is_alive() for p in self._procs))

    def submit(self, analysis, lang: str | None = None, kb: Any = None) -> bool:
        """Send the analysis to both workers; False when one is gone (the caller renders
        everything itself). ``submitted`` keeps its :func:`brief_key`."""
        lang = self.lang if lang is None else lang
        kb = self.kb if kb is None else kb
        if not self.available or self.broken:
            return False
        if self.submitted is not None:
            raise RuntimeError("these workers are rendering a brief already")
        message = (analysis.model_dump_json(), lang, kb)
        try:
            self._to_charts.send(message)
            self._to_pdf.send(message)
        except (OSError, EOFError, BrokenPipeError):
            self.broken = True
            self.close()
            return False
        self._sent = True
        self.submitted = brief_key(analysis, lang, kb)
        self._charts = _Inbox(self._drawn)
        return True

    def serves(self, analysis, lang: str, kb: Any) -> bool:
        """True when these workers are rendering the brief of this analysis already."""
        return (self.submitted is not None and not self.broken
                and self.submitted == brief_key(analysis, lang, kb))

    def charts(self, timings: dict[str, float] | None = None,
               formats: tuple[str, ...] = ("png", "svg")) -> dict[str, dict[str, bytes]] | None:
        """Every chart as ``{name: {"png", "svg"}}`` once drawn (None: the chart worker is
        gone); the chart worker's error is raised here. ``formats=("png",)`` returns as soon
        as the PNGs are there (a notebook shows them while the SVGs are drawn)."""
        if self._charts is None:
            return None
        try:
            names = self._charts.sizes()
            drawn = {name: {fmt: self._charts.wait(f"{fmt}:{name}") for fmt in formats}
                     for name in names}
            times = self._charts.wait("done:") if "svg" in formats else {}
        except KeyError:
            self.broken = True
            return None
        if timings is not None:
            timings.update({f"charts_worker_{k}": v for k, v in times.items()})
        return drawn

    def pdf(self) -> tuple[str, bytes, dict[str, float]] | None:
        """The print HTML, the PDF and the worker's timings (None: the worker is gone)."""
        if not self._sent or self.broken:
            return None
        try:
            message = self._pdf.recv()
        except (EOFError, OSError):
            return None
        if message[0] == "error":
            self.close()
            raise message[1]
        if message[0] != "pdf":
            raise RuntimeError(f"the PDF worker sent {message[0]!r}, expected 'pdf'")
        return message[1], message[2], message[3]

    def close(self) -> None:
        """Stop the workers (they exit by themselves once they have sent their work)."""
        global _SHARED
        if _SHARED is self:
            _SHARED = None
        if not self._procs:
            return
        if self.available and not self._sent:
            for conn in (self._to_charts, self._to_pdf):
                try:
                    conn.send(None)
                except (OSError, BrokenPipeError):
                    pass
        if self.available:
            _close((self._to_pdf, self._to_charts, self._drawn, self._pdf))
        self._stop()

    def _stop(self) -> None:
        for proc in self._procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        self._procs = []


def brief_key(analysis, lang: str, kb: Any) -> str:
    """What a brief is rendered from: the analysis (its JSON), the language and the
    knowledge base's version."""
    import hashlib

    from ..models import dump_json

    digest = hashlib.sha256(dump_json(analysis).encode("utf-8"))
    digest.update(f"\0{lang}\0{getattr(kb, 'version', kb is None)}".encode("utf-8"))
    return digest.hexdigest()


_SHARED: PdfWorker | None = None
"""Workers started ahead of the brief in this process (a notebook kernel), see
:func:`start_workers`."""


def start_workers() -> PdfWorker:
    """Fork the chart and PDF workers now, to warm up while this process does other work,
    and keep them for the next brief in this process (:func:`shared_workers`).

    The notebooks run in one kernel: notebook 1 starts them while it annotates the text,
    notebook 2 gives them its analysis (:func:`prepare_brief`: they draw the charts it shows
    and print the PDF while it shows the findings), and notebook 3 collects the PDF. Nothing
    is lost if the analysis changes in between: the workers are closed and the brief
    rendered again. Idle workers exit after :data:`IDLE_SECONDS`."""
    global _SHARED
    if _SHARED is None or not _SHARED.available or _SHARED.broken:
        if _SHARED is not None:
            _SHARED.close()
        _SHARED = PdfWorker()
    return _SHARED


def shared_workers(analysis, lang: str = "en", kb: Any = None) -> PdfWorker:
    """The workers started in this process if they are free or rendering this analysis's
    brief; else new ones (the old ones, busy with another analysis, are closed)."""
    worker = _SHARED
    if worker is not None and worker.submitted is not None \
            and not worker.serves(analysis, lang, kb):
        worker.close()
    return start_workers()


def prepare_brief(analysis, lang: str = "en", kb: Any = None) -> PdfWorker:
    """Have the workers draw this analysis's charts and print its PDF now, in the background
    (notebook 3's :func:`~analysis.report.export_brief` collects them)."""
    worker = shared_workers(analysis, lang, kb)
    if worker.submitted is None:
        worker.submit(analysis, lang, kb)
    return worker


def brief_charts(analysis, lang: str = "en", kb: Any = None,
                 formats: tuple[str, ...] = ("png",)) -> dict[str, dict[str, bytes]]:
    """This analysis's charts: from the workers if they are drawing them (see
    :func:`prepare_brief`), else drawn here; same bytes either way."""
    worker = _SHARED
    if worker is not None and worker.serves(analysis, lang, kb):
        got = worker.charts(formats=formats)
        if got is not None:
            return got
    from ..charts import render_charts

    return render_charts(analysis, lang=lang, kb=kb, formats=formats)
