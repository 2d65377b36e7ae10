"""Segmentation shortcuts (issue 3 speed) classify every real line as the full pattern chain.

``segment._classify`` tries only the article pattern on a line that starts with neither a digit,
"(" nor "#" and has no ")" second; on every line of the real texts of ../shared and data/ (and
on made-up lines at the edges: Unicode digits, a lone letter, a marker without its space) it
must give what trying every pattern in order gives.
"""
from __future__ import annotations

from pathlib import Path

from analysis.nlp import segment as seg
from analysis.text import document_from_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _full_chain(line: str) -> tuple:
    """Every pattern in order, as ``_classify`` did before the shortcut."""
    m = seg._ART.match(line)
    if m:
        return ("article", m.group("word"), m.group("num"))
    m = seg._KK_ART.match(line)
    if m:
        return ("article", m.group("word"), m.group("num"))
    if seg._MD_HEADING.match(line):
        return ("md",)
    m = seg._UK_SECTION.match(line)
    if m:
        return ("article", "Section", m.group("num"))
    for kind, rx in seg._MARKERS:
        m = rx.match(line)
        if m:
            return ("marker", kind, m.group("num"))
    return ("text",)


def _real_lines() -> list[str]:
    paths = sorted((SHARED / "sources").rglob("*.txt")) + sorted((SHARED / "eval" / "dev").glob("*.md"))
    paths += sorted((ROOT / "data" / "petitions").rglob("*.md")) + sorted((ROOT / "data" / "cases").glob("*.md"))
    lines = []
    for p in paths:
        text = document_from_text(p.read_text(encoding="utf-8")).normalised
        lines += [line.strip() for line in text.split("\n") if line.strip()]
    assert len(lines) > 2000, "the real texts of ../shared are missing"
    return lines


EDGE_LINES = [
    "а) запрет", "a) ban", "(b) ban", "(1) text", "1) text", "1. text", "12-бап. Ар", "6-бап",
    "Статья 6.21. Пропаганда", "Article 19", "Art. 5 text", "Section 3/A", "# Heading",
    "###### h", "13 Direct discrimination", "١٢. Arabic-Indic digits", "²) superscript", "x)",
    "ж) тармақ", "ё) пункт", "Ы) capital", "a)b", "z)", "Бап 5", "Тарау 2 Жалпы", "Глава 1",
    "Раздел II", "Розділ 3", "Chapter 7", "Sec. 2", "(", "#", "1", "a", "Требуем запретить.",
]


def test_classify_shortcut_equals_the_full_chain():
    lines = _real_lines() + EDGE_LINES
    kinds = set()
    for line in lines:
        got = seg._classify(line)
        assert got == _full_chain(line), line
        kinds.add(got[0] if got[0] != "marker" else got[1])
    # the real texts do have articles, Markdown headings and numbered points of several kinds
    assert {"text", "article", "md", "dot", "paren", "letter"} <= kinds


def test_units_are_immutable_and_named():
    units = seg.segment("Статья 1. Общие положения\n\n1. Первый пункт.\n\nТекст. Второе предложение.")
    assert [u.id for u in units] == ["art_1__hdg", "art_1__para_1", "art_1__p_1__s_1",
                                     "art_1__p_1__s_2"]
    try:
        units[0].start = 5
    except AttributeError:
        pass
    else:
        raise AssertionError("a Unit must not be changed after segmentation")
