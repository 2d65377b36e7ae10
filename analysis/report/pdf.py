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


def make_fetcher(charts: Mapping[str, bytes] | None = None,
                 stand_ins: Mapping[str, tuple[int, int]] | None = None):
    """A WeasyPrint URL fetcher that refuses anything but data: URIs and package assets.

    ``charts`` (name -> PNG bytes) serves the print HTML's chart links
    (:data:`~analysis.report.html.CHART_SRC`) from memory; its lookups may wait for a chart
    still being drawn. Charts asked for but not given are listed in ``missing``. With
    ``stand_ins`` (name -> pixel size) a chart is served as a blank PNG of its size instead,
    and its URL noted in ``stood_in`` (see :func:`render_pdf`)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    static_root = STATIC.resolve()
    chart_root = static_root / "charts"

    class LocalOnlyFetcher(URLFetcher):
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
            self.refused: list[str] = []
            self.served: list[str] = []
            self.missing: list[str] = []
            self.stood_in: dict[str, str] = {}

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                from urllib.parse import unquote, urlparse

                path = Path(unquote(urlparse(url).path)).resolve()
                if path.parent == chart_root and path.suffix == ".png":
                    if stand_ins and stand_ins.get(path.stem):
                        self.stood_in[url] = path.stem
                        return URLFetcherResponse(url, _blank_png(*stand_ins[path.stem]),
                                                  {"Content-Type": "image/png"})
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


def _blank_png(width: int, height: int) -> bytes:
    """A white RGB PNG of that size, saved as the charts are (:func:`analysis.charts._png`)."""
    import io

    from PIL import Image

    from ..charts import DPI

    buf = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buf, format="png", dpi=(DPI, DPI))
    return buf.getvalue()


def _put_charts_in(images: dict, stood_in: Mapping[str, str],
                   charts: Mapping[str, bytes]) -> bool:
    """Give each stand-in image laid out by WeasyPrint its chart's PNG before painting.

    WeasyPrint lays an image out from its size and mode only, and reads its bytes when it
    paints the page (``RasterImage.image_data``, cached by URL in ``images``). False if an
    image is not what was laid out (another WeasyPrint, another size): then the caller prints
    again with the charts themselves."""
    from ..charts import png_size

    for url, name in stood_in.items():
        image = images.get(url)
        data = charts[name]  # waits for a chart still being drawn
        if (image is None or not hasattr(image, "cache_image_data")
                or getattr(image, "format", None) != "PNG" or getattr(image, "mode", None) != "RGB"
                or (getattr(image, "width", None), getattr(image, "height", None))
                != png_size(data)):
            return False
        image.image_data = image.cache_image_data(data)
    return True


def render_pdf(html: str, *, fetcher=None, charts: Mapping[str, bytes] | None = None,
               sizes: Mapping[str, tuple[int, int] | None] | None = None) -> bytes:
    """Print ``html`` to PDF bytes; deterministic for the same HTML and charts (no dates in
    metadata). ``charts`` gives the PNGs the print HTML links to (see :func:`make_fetcher`).

    With ``sizes`` (each chart's pixel size), the pages are laid out with blank stand-ins of
    those sizes and ``charts`` is read only before painting: the PDF worker lays the brief out
    while the charts are still being drawn. Same bytes as printing with the charts at once."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # missing pango etc.
        raise PdfExportError(
            f"the PDF export is unavailable ({exc})",
            where="brief.pdf",
            hint="run `make setup` (it installs the system packages WeasyPrint needs, "
            "see scripts/system_deps.sh); the HTML, DOCX and Markdown briefs were still written",
        ) from None
    stand_ins = dict(sizes) if sizes and charts is not None and fetcher is None else None
    fetcher = fetcher or make_fetcher(charts, stand_ins)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    images: dict = {}
    options = {"uncompressed_pdf": False, "cache": images}
    document = HTML(string=html, base_url=STATIC.as_uri() + "/", url_fetcher=fetcher,
                    media_type="print").render(**options)
    if getattr(fetcher, "stood_in", None) and not _put_charts_in(images, fetcher.stood_in,
                                                                  charts):
        return render_pdf(html, charts={name: charts[name] for name in sizes if sizes[name]})
    pdf = document.write_pdf(**options)
    if getattr(fetcher, "missing", None):  # WeasyPrint would silently leave the chart out
        raise PdfExportError(f"the chart(s) {', '.join(fetcher.missing)} could not be printed",
                             where="brief.pdf",
                             hint="this is a bug, please report it; brief.html has the charts")
    return pdf
