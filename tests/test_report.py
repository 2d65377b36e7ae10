"""The exported brief: PDF text and fonts, HTML/Markdown escaping, DOCX comments, atomic writes.

The full export (with its PDF) runs once per session through the CLI on the bundled 2024
petition; tests that need hostile input build it from the real petition fixture.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import zipfile
from pathlib import Path

import pytest

from analysis.errors import OutputError
from analysis.models import Analysis, Clause, Finding, Review, Span

ROOT = Path(__file__).resolve().parent.parent
PETITION = ROOT / "data" / "petitions" / "kz-2024-lgbt-propaganda"
FIXTURE = ROOT / "tests" / "fixtures" / "analysis_kz2024.json"
UK_WORDS = "Нашим дітям відкрито нав’язується одностатеве кохання"
RU_TITLE = "Мы против открытой и скрытой пропаганды ЛГБТ в Республике Казахстан!"
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)> {{ 7*7 }} {% raw %}"


def fixture_analysis() -> Analysis:
    return Analysis.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


def load_kb_or_none():
    try:
        from analysis.framework import load_kb

        return load_kb()
    except Exception:  # noqa: BLE001 - the KB is being built in parallel
        return None


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> tuple[Path, Analysis]:
    """One full export: the real CLI on the bundled petition (the fixture if that is absent)."""
    out = tmp_path_factory.mktemp("brief")
    kb = load_kb_or_none()
    if PETITION.exists() and kb is not None:
        from analysis.__main__ import main

        assert main(["brief", str(PETITION), "--out", str(out)]) == 0
        analysis = Analysis.model_validate_json((out / "findings.json").read_text("utf-8"))
    else:
        from analysis.report import export_brief

        analysis = fixture_analysis()
        export_brief(analysis, out, lang="en", kb=None)
    return out, analysis


def reported(a: Analysis) -> list[Finding]:
    return [f for f in a.findings
            if not f.rejected and f.effective_status in ("conflict", "concern", "needs_review")]


# --------------------------------------------------------------------------- PDF


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_pdf_text_has_the_petitions_words_exactly(exported):
    out, _ = exported
    text = " ".join(pdf_text(out / "brief.pdf").split())
    assert UK_WORDS in text
    assert RU_TITLE in text
    assert "\ufffd" not in text


def test_pdf_fonts_embedded_and_cover_every_character(exported):
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader

    out, _ = exported
    reader = PdfReader(str(out / "brief.pdf"))
    fonts = {}
    for page in reader.pages[:3]:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = "/FontFile2" in desc
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)
    text = pdf_text(out / "brief.pdf")
    cmap: set[int] = set()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf",
                 "DejaVuSerif.ttf", "DejaVuSans-Oblique.ttf"):
        cmap |= set(TTFont(f"/usr/share/fonts/truetype/dejavu/{name}").getBestCmap())
    missing = {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
    assert not missing, f"characters without a glyph in the embedded fonts: {missing}"


def test_pdf_first_page_renders_with_content(exported, tmp_path):
    from PIL import Image

    out, _ = exported
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-png", "-gray",
                    str(out / "brief.pdf"), str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p*.png")
    img = Image.open(png).convert("L")
    dark = sum(img.histogram()[:128])
    assert dark > 0.005 * img.width * img.height


def test_pdf_export_fetches_nothing_from_the_network(monkeypatch):
    from analysis.report.pdf import make_fetcher, render_pdf

    calls = []
    monkeypatch.setattr(socket.socket, "connect", lambda *a: calls.append(a))
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: calls.append(a))
    html = ('<html><head><link rel="stylesheet" href="https://example.org/x.css">'
            '<style>@import url("http://example.org/y.css");</style></head><body>'
            '<img src="http://127.0.0.1:9/a.png"><img src="file:///etc/passwd">'
            '<p style="background: url(ftp://example.org/b.png)">x</p></body></html>')
    fetcher = make_fetcher()
    pdf = render_pdf(html, fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert calls == []
    assert {"https://example.org/x.css", "http://127.0.0.1:9/a.png",
            "file:///etc/passwd"} <= set(fetcher.refused)
    assert not fetcher.served


# --------------------------------------------------------------------------- HTML / Markdown


def hostile_analysis() -> Analysis:
    """The real fixture with a clause, a title and a reviewer note an attacker wrote."""
    a = fixture_analysis()
    start = len("\n".join(c.text for c in a.clauses)) + 10
    text = f"Petition: {HOSTILE} ban LGBT"
    i = text.index("LGBT")
    clause = Clause(id="p_9", start=start, end=start + len(text), text=text, language="en",
                    kind="demand", spans=(Span(label="group", concept="lgbt", start=start + i,
                                               end=start + i + 4, text="LGBT"),))
    f = Finding(id="p_9/iccpr/art_26#non_discrimination", clause_id="p_9",
                provision_id="iccpr/art_26", test_id="non_discrimination", status="conflict",
                severity="high", confidence=0.9, rationale={"en": f"Quoted: {HOSTILE}",
                                                             "ru": f"Цитата: {HOSTILE}"},
                review=Review(decision="accept", reviewer=f"R <b>{HOSTILE}</b>",
                              date="2024-07-30", note=f"note {HOSTILE}"))
    meta = dict(a.input.metadata, title=HOSTILE, author=HOSTILE)
    return a.model_copy(update={
        "clauses": a.clauses + (clause,), "findings": a.findings + (f,),
        "input": a.input.model_copy(update={"title": HOSTILE, "metadata": meta}),
    })


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_html_shows_hostile_input_as_text_never_as_markup(lang):
    from bs4 import BeautifulSoup

    from analysis.report.html import render_html
    from analysis.report.view import build_view

    html = render_html(build_view(hostile_analysis(), lang=lang))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all("script") == []
    assert all(img["src"].startswith("data:image/png;base64,") for img in soup.find_all("img"))
    for el in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in el.attrs), el.name
        assert el.name != "b"
    text = soup.get_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert "{{ 7*7 }}" in text and "49" not in text.replace("0.49", "")
    assert f"note {HOSTILE}" in text


def test_markdown_escapes_hostile_input():
    from analysis.report.markdown import render_markdown
    from analysis.report.view import build_view

    md = render_markdown(build_view(hostile_analysis(), lang="en"))
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "{{ 7\\*7 }}" in md


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    import csv
    import io

    from analysis.report.markdown import render_csv
    from analysis.report.view import build_view

    a = hostile_analysis()
    bad = a.findings[-1].model_copy(update={"rationale": {"en": "=HYPERLINK(\"x\")"}})
    rows = list(csv.DictReader(io.StringIO(render_csv(build_view(
        a.model_copy(update={"findings": a.findings[:-1] + (bad,)}))))))
    assert {r["rationale"] for r in rows if r["finding_id"] == bad.id} == {"'=HYPERLINK(\"x\")"}
    assert len(rows) == len(a.findings)


def test_html_brief_is_self_contained_and_has_every_section(exported):
    from bs4 import BeautifulSoup

    out, a = exported
    soup = BeautifulSoup((out / "brief.html").read_text("utf-8"), "html.parser")
    ids = {el.get("id") for el in soup.find_all(True)}
    for section in ("summary", "scope", "findings", "admissibility", "precedents",
                    "recommendations", "annex", "provenance"):
        assert section in ids
    assert not soup.find_all("link") and not soup.select("[src^=http]")
    assert a.input.sha256 in soup.get_text()
    shown = [el["data-finding"] for el in soup.select("[data-finding]")]
    assert sorted(shown) == sorted(f.id for f in reported(a))  # each reported finding once


# --------------------------------------------------------------------------- DOCX


def comment_anchors(docx_path: Path) -> dict[str, str]:
    """Comment id -> the document text between its commentRangeStart and commentRangeEnd."""
    from lxml import etree

    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    w = "{%s}" % ns["w"]
    body = etree.fromstring(zipfile.ZipFile(docx_path).read("word/document.xml"))
    open_ids: list[str] = []
    texts: dict[str, list[str]] = {}
    for el in body.iter():
        if el.tag == w + "commentRangeStart":
            open_ids.append(el.get(w + "id"))
            texts.setdefault(el.get(w + "id"), [])
        elif el.tag == w + "commentRangeEnd":
            open_ids.remove(el.get(w + "id"))
        elif el.tag == w + "t":
            for cid in open_ids:
                texts[cid].append(el.text or "")
    return {k: "".join(v) for k, v in texts.items()}


def test_docx_has_one_comment_per_reported_finding_anchored_in_its_clause(exported):
    import docx

    out, a = exported
    doc = docx.Document(str(out / "brief.docx"))
    comments = {str(c.comment_id): c.text for c in doc.comments}
    rep = reported(a)
    assert len(comments) == len(rep)
    anchors = comment_anchors(out / "brief.docx")
    clause_text = {c.id: c.text for c in a.clauses}
    by_id = {f.id: f for f in rep}
    seen = set()
    for cid, text in comments.items():
        fid = text.strip().splitlines()[-1]
        f = by_id[fid]
        seen.add(fid)
        if f.clause_id == "document":
            assert a.clauses[0].text in anchors[cid] and a.clauses[-1].text in anchors[cid]
        else:
            assert anchors[cid] == clause_text[f.clause_id]
    assert seen == set(by_id)


# --------------------------------------------------------------------------- files


def test_output_path_that_is_a_file_is_a_clear_error(tmp_path, fast_pdf):
    from analysis.report import export_brief

    target = tmp_path / "brief"
    target.write_text("not a folder")
    with pytest.raises(OutputError) as err:
        export_brief(fixture_analysis(), target, kb=None)
    assert "is a file" in err.value.render() and err.value.hint


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_unwritable_output_folder_is_a_clear_error(tmp_path, fast_pdf):
    from analysis.report import export_brief

    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o500)
    try:
        with pytest.raises(OutputError):
            export_brief(fixture_analysis(), target, kb=None)
    finally:
        target.chmod(0o700)


@pytest.fixture
def fast_pdf(monkeypatch):
    """Tests of file handling do not need a real PDF (it is tested once per session above)."""
    from analysis.report import pdf

    monkeypatch.setattr(pdf, "render_pdf", lambda html, **_k: b"%PDF-1.7 stand-in")


def test_failed_export_leaves_no_partial_file(tmp_path, monkeypatch, fast_pdf):
    from analysis.report import docx as docx_mod
    from analysis.report import export_brief

    def boom(*_a, **_k):
        raise RuntimeError("disk full while building the DOCX")

    monkeypatch.setattr(docx_mod, "render_docx", boom)
    with pytest.raises(RuntimeError):
        export_brief(fixture_analysis(), tmp_path / "out", kb=None)
    assert [p for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


def test_atomic_write_failure_removes_the_temporary_file(tmp_path, monkeypatch, fast_pdf):
    from analysis.report import export_brief

    def failing_replace(src, dst):
        raise OSError("rename failed")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        export_brief(fixture_analysis(), tmp_path / "out", kb=None)
    assert [p.name for p in (tmp_path / "out").rglob("*") if p.is_file()] == []


def test_exports_are_byte_identical_across_runs(tmp_path):
    from analysis.report import render_all

    a = fixture_analysis()
    one = render_all(a, lang="ru", kb=None)
    two = render_all(a, lang="ru", kb=None)
    assert sorted(one) == sorted(two)
    differ = [k for k in one if one[k] != two[k]]
    assert differ == []
    assert re.search(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", one["brief.html"]) is None


def test_cli_writes_every_artefact(exported):
    out, _ = exported
    for name in ("brief.html", "brief.pdf", "brief.docx", "brief.md", "findings.json",
                 "findings.csv"):
        assert (out / name).stat().st_size > 0, name
    assert len(list((out / "letters").glob("*.docx"))) == 4
    assert len(list((out / "letters").glob("*.md"))) == 4
    assert list((out / "charts").glob("*.svg")) and list((out / "charts").glob("*.png"))
    assert not list(out.rglob("*.part"))


# --------------------------------------------------------------------------- structure


def test_brief_gives_reasoning_once_per_provision_and_test(exported):
    """Each provision#test's reasoning is printed once; each raised clause is quoted once in
    the findings; the 95-page clause-by-test layout (every reasoning per clause) is gone."""
    from bs4 import BeautifulSoup
    from pypdf import PdfReader

    out, a = exported
    soup = BeautifulSoup((out / "brief.html").read_text("utf-8"), "html.parser")
    findings = soup.find(id="findings")
    groups = {(f.provision_id, f.test_id) for f in reported(a)}
    assert len(findings.select("div.test")) == len(groups)
    raised = {f.clause_id for f in reported(a)} - {"document"}
    quoted = [el["id"] for el in findings.select("article.clause")]
    assert sorted(quoted) == sorted(f"clause-{c}" for c in raised)
    leads = [el.get_text() for el in findings.select("div.test > p > strong")
             if el.get_text().startswith("Reasoning (finding ")]
    assert len(leads) == len(groups)
    # an advocate reads it: the lead's target is about 15-25 pages (31 before the compact layout)
    assert len(PdfReader(str(out / "brief.pdf")).pages) <= 25


def test_pdf_quotes_the_kazakh_provision_texts_with_their_letters(exported):
    """The compact annex still quotes the official Kazakh texts; their letters survive."""
    out, _ = exported
    text = pdf_text(out / "brief.pdf")
    kazakh = set("әғқңөұүһі")
    assert kazakh & set(text) >= set("әғқңөұү"), sorted(kazakh & set(text))
    assert "Қазақстан Республикасы" in " ".join(text.split())


def test_finding_ids_print_after_their_clause_and_nothing_is_lost(exported):
    """Rows print the id after the clause id given in the header; the full id stays in the
    row's title and data attribute, so an id can be copied into the review file."""
    from bs4 import BeautifulSoup

    out, a = exported
    soup = BeautifulSoup((out / "brief.html").read_text("utf-8"), "html.parser")
    for f in reported(a):
        if f.clause_id == "document":
            continue
        (row,) = soup.select(f'tr[data-finding="{f.id}"]')
        cell = row.find("td")
        assert cell["title"] == f.id
        assert f"{f.clause_id}/{cell.get_text()}" == f.id
        header = row.find_parent("table").find("th").get_text()
        assert f"«{f.clause_id}/»" in header


def test_distinct_words_and_ids_by_clause():
    from analysis.report.view import distinct_words, ids_by_clause

    assert distinct_words(["open and hidden", "hidden", "Propaganda", "propaganda of LGBT",
                           "ban", "hidden"]) == ("open and hidden", "propaganda of LGBT", "ban")
    assert ids_by_clause(["a/x#1", "a/y#2", "b/x#1", "document/z#3"]) == (
        ("a", ("x#1", "y#2")), ("b", ("x#1",)), ("document", ("z#3",)))


def test_each_finding_row_carries_its_reviewer_decision():
    from bs4 import BeautifulSoup

    from analysis.report.html import render_html
    from analysis.report.view import build_view

    a = hostile_analysis()
    soup = BeautifulSoup(render_html(build_view(a, lang="en")), "html.parser")
    (row,) = soup.select(f'[data-finding="{a.findings[-1].id}"]')
    assert "accepted" in row.get_text() and f"note {HOSTILE}" in row.get_text()
    unreviewed = next(f for f in reported(a) if f.review is None and f.clause_id != "document")
    (row,) = soup.select(f'[data-finding="{unreviewed.id}"]')
    assert "Not reviewed yet" in row.get_text()


def _render_in_worker(a):
    """Every artefact rendered with the PDF in a forked worker, and the step timings."""
    from analysis.report import render_all
    from analysis.report.parallel import PdfWorker

    worker = PdfWorker("en", None)
    if not worker.available:
        pytest.skip("no fork on this platform")
    times: dict[str, float] = {}
    try:
        forked = render_all(a, lang="en", kb=None, worker=worker, timings=times)
    finally:
        worker.close()
    return forked, times


def test_pdf_worker_gives_the_same_bytes_as_the_sequential_export():
    """The CLI renders the PDF in a forked worker; the files must not depend on that."""
    from analysis.report import render_all

    a = fixture_analysis()
    forked, times = _render_in_worker(a)
    assert "worker_pdf" in times and "charts_worker_charts" in times  # the workers did it
    assert forked == render_all(a, lang="en", kb=None)


def test_pdf_worker_with_charts_already_drawn_gives_the_same_bytes():
    """Notebook 3 after notebook 2: the PNGs are drawn already (and inherited by the forked
    chart worker, which draws only the SVGs); the files are those of the sequential export."""
    import analysis.charts as charts
    from analysis.report import render_all

    a = fixture_analysis()
    charts._MEMO.clear()
    charts.render_charts(a, lang="en", formats=("png",))
    forked, times = _render_in_worker(a)
    assert "charts" not in times and "worker_pdf" in times
    charts._MEMO.clear()
    assert forked == render_all(a, lang="en", kb=None)


def test_pdf_prints_every_chart_and_the_html_embeds_every_chart(exported):
    """The PDF is printed from HTML that links to the charts (served from memory); every chart
    drawn must be in the PDF as an image, and brief.html must embed them all (no link left)."""
    from bs4 import BeautifulSoup
    from pypdf import PdfReader

    out, _ = exported
    drawn = sorted(p.stem for p in (out / "charts").glob("*.png"))
    assert drawn
    pages = PdfReader(str(out / "brief.pdf")).pages
    # WeasyPrint shares one resource dictionary between pages: count distinct images
    images = {img.name for page in pages for img in page.images}
    assert len(images) == len(drawn)
    soup = BeautifulSoup((out / "brief.html").read_text("utf-8"), "html.parser")
    srcs = [img["src"] for img in soup.find_all("img")]
    assert len(srcs) == len(drawn) and all(s.startswith("data:image/png;base64,") for s in srcs)


def test_chart_sizes_known_before_drawing_are_the_png_sizes():
    """The PDF worker lays the brief out from the figures' sizes before the PNGs exist."""
    import analysis.charts as charts

    a = fixture_analysis()
    charts._MEMO.clear()
    sizes: dict = {}
    drawn = charts.render_charts(a, lang="en", formats=("png",), on_sizes=sizes.update)
    charts._MEMO.clear()
    assert sizes and sizes == {n: charts.png_size(f["png"]) for n, f in drawn.items()}


def test_pdf_with_a_chart_that_was_never_drawn_is_an_error():
    """WeasyPrint leaves out an image it cannot fetch; the export must not do so silently."""
    from analysis.report.pdf import PdfExportError, render_pdf

    html = '<html><body><p>x</p><img src="charts/timeline.png"></body></html>'
    with pytest.raises(PdfExportError, match="timeline"):
        render_pdf(html, charts={})


def test_workers_started_ahead_render_the_brief_of_their_analysis_only():
    """The notebooks start the workers in notebook 1, give them the analysis in notebook 2
    (which shows their charts) and collect the brief in notebook 3: same files as the
    sequential export. Workers busy with another analysis are never used for this one."""
    import analysis.charts as charts
    from analysis.report import render_all
    from analysis.report.parallel import brief_charts, prepare_brief, shared_workers, start_workers

    a = fixture_analysis()
    if not start_workers().available:
        pytest.skip("no fork on this platform")
    charts._MEMO.clear()
    worker = prepare_brief(a, "en", None)
    shown = brief_charts(a, "en", None)
    other = a.model_copy(update={"findings": a.findings[1:]})
    assert not worker.serves(other, "en", None) and not worker.serves(a, "ru", None)
    assert shared_workers(a, "en", None) is worker
    try:
        forked = render_all(a, lang="en", kb=None, worker=worker)
    finally:
        worker.close()
    assert not charts._MEMO  # drawn by the workers, not here
    sequential = render_all(a, lang="en", kb=None)
    assert forked == sequential
    assert shown == {n: {"png": sequential[f"charts/{n}.png"]} for n in shown} and shown
    busy = prepare_brief(other, "en", None)
    fresh = shared_workers(a, "en", None)
    try:
        assert fresh is not busy and not busy.available and fresh.submitted is None
    finally:
        fresh.close()


def test_pdf_laid_out_with_stand_ins_paints_the_charts_themselves():
    """The PDF worker lays the pages out with blank stand-ins of the charts' sizes and gives
    WeasyPrint the PNGs only before painting: the bytes must be those of printing with the
    charts at once, and the images in the PDF the charts' pixels, not the blank stand-ins."""
    import io

    from PIL import Image
    from pypdf import PdfReader

    import analysis.charts as charts
    from analysis.report.html import render_print_html
    from analysis.report.pdf import render_pdf
    from analysis.report.view import build_view

    a = fixture_analysis()
    charts._MEMO.clear()
    sizes: dict = {}
    drawn = charts.render_charts(a, lang="en", formats=("png",), on_sizes=sizes.update)
    charts._MEMO.clear()
    pngs = {name: files["png"] for name, files in drawn.items()}
    html = render_print_html(build_view(a, lang="en"), sizes)
    laid_out_first = render_pdf(html, charts=pngs, sizes=sizes)
    assert laid_out_first == render_pdf(html, charts=pngs)
    printed = {img.name: img.image.convert("RGB")
               for page in PdfReader(io.BytesIO(laid_out_first)).pages for img in page.images}
    wanted = sorted(Image.open(io.BytesIO(p)).convert("RGB").tobytes() for p in pngs.values())
    assert sorted(img.tobytes() for img in printed.values()) == wanted
    assert all(img.getextrema() != ((255, 255),) * 3 for img in printed.values())  # not blank
