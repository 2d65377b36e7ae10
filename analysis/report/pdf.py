"""The PDF brief: the HTML brief printed by WeasyPrint with the print stylesheet.

Offline by construction: :class:`LocalOnlyFetcher` serves ``data:`` URIs and files inside this
package's ``static/`` folder and refuses everything else (http, https, ftp, other files), so a
URL smuggled into the input can never make the export touch the network or the disk. Fonts
(DejaVu, from fonts-dejavu-core) are found by fontconfig, not fetched.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from ..errors import PetitionLensError
from .html import STATIC


class PdfExportError(PetitionLensError):
    """WeasyPrint (or the system libraries it needs) is missing or failed."""


def make_fetcher(charts: Mapping[str, bytes] | None = None):
    """A WeasyPrint URL fetcher that refuses anything but data: URIs and package assets.

    ``charts`` (name -> PNG bytes) serves the print HTML's chart links
    (:data:`~analysis.report.html.CHART_SRC`) from memory; its lookups may wait for a chart
    still being drawn. Charts asked for but not given are listed in ``missing``."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    static_root = STATIC.resolve()
    chart_root = static_root / "charts"

    class LocalOnlyFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
            self.refused: list[str] = []
            self.served: list[str] = []
            self.missing: list[str] = []

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                from urllib.parse import unquote, urlparse

                path = Path(unquote(urlparse(url).path)).resolve()
                if path.parent == chart_root and path.suffix == ".png":
                    try:
                        data = ({} if charts is None else charts)[path.stem]
                    except KeyError:
                        self.missing.append(path.stem)
                        raise ValueError(f"no chart named {path.stem!r} was drawn") from None
                    self.served.append(url)
                    return URLFetcherResponse(url, data, {"Content-Type": "image/png"})
                if path.is_relative_to(static_root) and path.is_file():
                    self.served.append(url)
                    return super().fetch(url, headers)
            elif scheme == "data":
                self.served.append(url[:40])
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"petition-lens fetches nothing outside its own assets: {url}")

    return LocalOnlyFetcher()


def render_pdf(html: str, *, fetcher=None, charts: Mapping[str, bytes] | None = None) -> bytes:
    """Print ``html`` to PDF bytes; deterministic for the same HTML and charts (no dates in
    metadata). ``charts`` gives the PNGs the print HTML links to (see :func:`make_fetcher`)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # missing pango etc.
        raise PdfExportError(
            f"the PDF export is unavailable ({exc})",
            where="brief.pdf",
            hint="run `make setup` (it installs the system packages WeasyPrint needs, "
            "see scripts/system_deps.sh); the HTML, DOCX and Markdown briefs were still written",
        ) from None
    fetcher = fetcher or make_fetcher(charts)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    doc = HTML(string=html, base_url=STATIC.as_uri() + "/", url_fetcher=fetcher,
               media_type="print")
    pdf = doc.write_pdf(uncompressed_pdf=False)
    if getattr(fetcher, "missing", None):  # WeasyPrint would silently leave the chart out
        raise PdfExportError(f"the chart(s) {', '.join(fetcher.missing)} could not be printed",
                             where="brief.pdf",
                             hint="this is a bug, please report it; brief.html has the charts")
    return pdf
