"""The PDF brief: the HTML brief printed by WeasyPrint with the print stylesheet.

Offline by construction: :class:`LocalOnlyFetcher` serves ``data:`` URIs and files inside this
package's ``static/`` folder and refuses everything else (http, https, ftp, other files), so a
URL smuggled into the input can never make the export touch the network or the disk. Fonts
(DejaVu, from fonts-dejavu-core) are found by fontconfig, not fetched.
"""
from __future__ import annotations

import logging
from pathlib import Path

from ..errors import PetitionLensError
from .html import STATIC


class PdfExportError(PetitionLensError):
    """WeasyPrint (or the system libraries it needs) is missing or failed."""


def make_fetcher():
    """A WeasyPrint URL fetcher that refuses anything but data: URIs and package assets."""
    from weasyprint.urls import URLFetcher

    static_root = STATIC.resolve()

    class LocalOnlyFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
            self.refused: list[str] = []
            self.served: list[str] = []

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                from urllib.parse import unquote, urlparse

                path = Path(unquote(urlparse(url).path)).resolve()
                if path.is_relative_to(static_root) and path.is_file():
                    self.served.append(url)
                    return super().fetch(url, headers)
            elif scheme == "data":
                self.served.append(url[:40])
                return super().fetch(url, headers)
            self.refused.append(url)
            raise ValueError(f"petition-lens fetches nothing outside its own assets: {url}")

    return LocalOnlyFetcher()


def render_pdf(html: str, *, fetcher=None) -> bytes:
    """Print ``html`` to PDF bytes; deterministic for the same HTML (no dates in metadata)."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # missing pango etc.
        raise PdfExportError(
            f"the PDF export is unavailable ({exc})",
            where="brief.pdf",
            hint="run `make setup` (it installs the system packages WeasyPrint needs, "
            "see scripts/system_deps.sh); the HTML, DOCX and Markdown briefs were still written",
        ) from None
    fetcher = fetcher or make_fetcher()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    doc = HTML(string=html, base_url=STATIC.as_uri() + "/", url_fetcher=fetcher,
               media_type="print")
    return doc.write_pdf(uncompressed_pdf=False)
