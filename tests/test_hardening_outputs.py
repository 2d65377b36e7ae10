"""Hostile content in outputs, and the whole brief with the network blocked (issue 8).

One real brief run (``python -m analysis brief`` in-process, sockets patched to fail) on a
petition whose text, front matter (title, author) and reviewer note carry script tags, event
handlers, iframes, ``javascript:`` URLs and template syntax, from a folder whose path has spaces
and Cyrillic letters. Then: nothing from the input survives as markup in the HTML (checked
with html.parser through BeautifulSoup), the Markdown carries no raw HTML or links, the DOCX
holds it as text only, and WeasyPrint's URL fetcher refuses everything outside the package.
"""
from __future__ import annotations

import json
import re
import socket
import zipfile
from pathlib import Path

import pytest

from analysis.__main__ import main

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=http://example.com>",
    '<a href="javascript:alert(2)">click</a>',
    "javascript:alert(3)",
    "{{ 7*7 }}",
    "{% raw %}",
    "[link](javascript:alert(4))",
    "![pixel](http://example.com/p.png)",
    '<svg onload=alert(5)>',
)
PAYLOAD = " ".join(HOSTILE)

TEXT = f"""---
title: {json.dumps("Петиция " + PAYLOAD, ensure_ascii=False)}
author: {json.dumps("<script>alert('author')</script> <img src=x onerror=alert(6)>")}
kind: petition
date: 2024-07-01
---
Петиция о запрете пропаганды ЛГБТ {HOSTILE[0]}.
1. Полностью запретить пропаганду ЛГБТ в интернете, СМИ и школах {HOSTILE[1]} {HOSTILE[2]}.
2. Ввести штрафы и арест за пропаганду нетрадиционных отношений {HOSTILE[3]} {HOSTILE[4]}.
3. Защитить детей и традиционные ценности {HOSTILE[5]} {HOSTILE[6]} {HOSTILE[7]} {HOSTILE[8]} {HOSTILE[9]}.
"""

NOTE = "<script>alert('note')</script> <iframe src=http://example.com/note> {{ 7*7 }} javascript:alert(7)"


class NetworkBlocked(OSError):
    pass


@pytest.fixture(scope="module")
def brief(tmp_path_factory):
    """Run the whole brief once with every socket entry point patched to fail."""
    root = tmp_path_factory.mktemp("hostile") / "папка с пробелами" / "петиции 2024"
    root.mkdir(parents=True)
    path = root / "петиция с <угловыми> скобками.md"
    path.write_text(TEXT, encoding="utf-8")

    from analysis.pipeline import analyse_file

    first = analyse_file(path)
    target = next(f for f in first.findings if f.status == "conflict")
    (root / (path.name + ".review.yaml")).write_text(
        "decisions:\n"
        f"  - finding: {json.dumps(target.id)}\n"
        "    decision: accept\n"
        f"    reviewer: {json.dumps('A. <b>Lawyer</b> onmouseover=alert(8)')}\n"
        "    date: 2024-08-01\n"
        f"    note: {json.dumps(NOTE)}\n", encoding="utf-8")

    attempts: list[str] = []

    def refuse(name):
        def _refuse(*args, **kwargs):
            attempts.append(f"{name}{args[1:2] or args[:1]}")
            raise NetworkBlocked(f"network access is blocked in this test ({name})")
        return _refuse

    out = root.parent / "выход брифа"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse("connect"))
        mp.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
        mp.setattr(socket, "create_connection", refuse("create_connection"))
        mp.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
        rc = main(["brief", str(path), "--out", str(out), "--quiet"])
    return {"rc": rc, "out": out, "attempts": attempts, "finding": target.id,
            "analysis": first}


def test_whole_brief_runs_with_the_network_blocked(brief):
    assert brief["rc"] == 0
    out = brief["out"]
    for name in ("brief.html", "brief.pdf", "brief.docx", "brief.md", "findings.json",
                 "findings.csv"):
        assert (out / name).stat().st_size > 0, name
    assert (out / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert brief["attempts"] == []  # nothing even tried to resolve or connect
    assert not list(out.rglob("*.part"))


def test_review_and_metadata_reached_the_outputs(brief):
    data = json.loads((brief["out"] / "findings.json").read_text(encoding="utf-8"))
    reviewed = [f for f in data["findings"] if f["id"] == brief["finding"]]
    assert reviewed[0]["review"]["note"] == NOTE
    assert data["input"]["metadata"]["author"].startswith("<script>")
    html = (brief["out"] / "brief.html").read_text(encoding="utf-8")
    from bs4 import BeautifulSoup

    text = BeautifulSoup(html, "html.parser").get_text(" ")
    # the hostile strings are shown to the reader as the words they are...
    assert "<script>alert('note')</script>" in text
    assert "{{ 7*7 }}" in text and "{% raw %}" in text  # ...and not evaluated as a template
    assert "<iframe src=http://example.com>" in text


def _own_urls_ok(url: str) -> bool:
    return url.startswith(("data:", "#")) or not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I)


def test_html_brief_has_no_markup_from_the_input(brief):
    from bs4 import BeautifulSoup

    html = (brief["out"] / "brief.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all(["script", "iframe", "frame", "object", "embed", "base", "form",
                          "input", "button", "link"]) == []
    for a in soup.find_all("a"):
        assert a.get("href", "").startswith("#"), a  # only the brief's own cross-references
    for meta in soup.find_all("meta"):
        assert set(meta.attrs) <= {"charset", "name", "content"}, meta
        assert "refresh" not in str(meta).lower()
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), (tag.name, attr)
            values = value if isinstance(value, list) else [value]
            for v in values:
                assert "javascript:" not in v.lower(), (tag.name, attr, v)
                assert "example.com" not in v, (tag.name, attr, v)
                if attr in ("src", "href", "srcset", "action", "data", "poster"):
                    assert _own_urls_ok(v), (tag.name, attr, v[:80])
        if tag.name == "img":
            assert tag.get("src", "").startswith("data:image/"), tag
    # no raw tag from the input anywhere in the markup
    for raw in ("<script>alert", "<img src=x", "<iframe src=http", "<svg onload",
                '<a href="javascript'):
        assert raw not in html


def test_markdown_brief_has_no_raw_html_or_links(brief):
    md = (brief["out"] / "brief.md").read_text(encoding="utf-8")
    assert "alert(1)" in md  # the text is there...
    for raw in ("<script", "<img", "<iframe", "<svg", "<a ", "<b>"):
        assert raw not in md.lower()  # ...but no tag
    assert "\\[link\\](javascript:alert(4))" in md  # shown as text: the brackets are escaped
    assert not re.search(r"(?<!\\)\]\((?:javascript|https?):", md)  # no link or image syntax


def test_docx_brief_holds_the_input_as_text_only(brief):
    with zipfile.ZipFile(brief["out"] / "brief.docx") as z:
        names = z.namelist()
        xml = {n: z.read(n).decode("utf-8") for n in names if n.endswith((".xml", ".rels"))}
    assert not [n for n in names if n.lower().endswith((".js", ".html", ".htm", ".bin"))]
    document = xml["word/document.xml"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document  # escaped text
    for name, content in xml.items():
        assert "<script" not in content, name  # text is XML-escaped everywhere
        # no relationship (hyperlink, image, frame) points outside the package
        assert not re.search(r'Target="(?:https?|javascript|file|ftp):', content, re.I), name
        assert 'TargetMode="External"' not in content, name
    assert "w:instrText" not in document  # no field codes (HYPERLINK, INCLUDETEXT) from text
    comments = xml.get("word/comments.xml", "")
    assert "&lt;script&gt;alert(&apos;note&apos;)" in comments or \
        "&lt;script&gt;alert('note')" in comments


def test_csv_cells_cannot_start_a_formula(brief):
    import csv
    import io

    rows = list(csv.reader(io.StringIO(
        (brief["out"] / "findings.csv").read_text(encoding="utf-8"))))
    assert len(rows) > 1
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@"), cell[:40]


# --------------------------------------------------------------------------- URL fetcher


def test_pdf_url_fetcher_refuses_everything_outside_the_package_assets(tmp_path):
    from analysis.report.html import STATIC
    from analysis.report.pdf import make_fetcher

    fetcher = make_fetcher()
    secret = tmp_path / "secret.css"
    secret.write_text("body{}", encoding="utf-8")
    refused = ["http://example.com/x.png", "https://example.com/a.css", "ftp://example.com/f",
               secret.as_uri(), "file:///etc/passwd",
               (STATIC / ".." / ".." / "errors.py").as_uri(),
               (STATIC / "..%2F..%2Ferrors.py").as_uri(), "javascript:alert(1)",
               "//example.com/x.png"]
    for url in refused:
        with pytest.raises(Exception):
            fetcher.fetch(url)
    assert fetcher.refused == refused
    own = sorted(STATIC.iterdir())[0]
    result = fetcher.fetch(own.as_uri())
    assert result is not None
    assert fetcher.fetch("data:text/css,body{}") is not None


def test_pdf_render_of_hostile_html_fetches_nothing(tmp_path):
    from analysis.report.pdf import make_fetcher, render_pdf

    fetcher = make_fetcher()
    html = ("<html><head><link rel=stylesheet href='http://example.com/a.css'>"
            f"<link rel=stylesheet href='{(tmp_path / 'x.css').as_uri()}'></head><body>"
            "<img src='http://example.com/p.png'><img src='file:///etc/passwd'>"
            "<iframe src='http://example.com'></iframe><p>Текст</p></body></html>")
    pdf = render_pdf(html, fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert any("example.com/a.css" in u for u in fetcher.refused)
    assert any("example.com/p.png" in u for u in fetcher.refused)
    assert any(u.startswith("file:///etc/passwd") for u in fetcher.refused)
    assert not any("example.com" in u or "passwd" in u for u in fetcher.served)
