"""Charts: Kazakh glyphs, greyscale-safe palette, status after review, deterministic SVG."""
from __future__ import annotations

import logging
import warnings

import pytest

from analysis.charts import (
    SEVERITY_LOOK, STATUS_LOOK, render_charts, scorecard, signature_data, timeline_events,
)
from analysis.models import Review
from tests.test_report import fixture_analysis

KAZAKH = "Қазақстан әғқңөұүһі"


def _with_label(text: str):
    """The fixture with a threshold named ``text``: the signatures chart prints that name."""
    a = fixture_analysis()
    meta = dict(a.input.metadata, thresholds={text: 50, "government": 50000})
    return a.model_copy(update={"input": a.input.model_copy(update={"metadata": meta})})


def _glyph_warnings(analysis, caplog) -> list[str]:
    with warnings.catch_warnings(record=True) as caught, caplog.at_level(logging.WARNING):
        warnings.simplefilter("always")
        render_charts(analysis, lang="ru")
    msgs = [str(w.message) for w in caught] + [r.getMessage() for r in caplog.records]
    return [m for m in msgs if "missing" in m.lower() and "glyph" in m.lower()]


def test_kazakh_labels_have_every_glyph(caplog):
    assert _glyph_warnings(_with_label(f"{KAZAKH}: {KAZAKH.upper()}"), caplog) == []


def test_missing_glyph_detection_works(caplog):
    """Control: a character DejaVu Sans lacks (CJK) does raise the warning we test for."""
    assert _glyph_warnings(_with_label("漢字 petition"), caplog)


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_palette_reads_in_greyscale():
    """Worse status = darker; two statuses of similar lightness differ by hatch and symbol."""
    order = ["conflict", "concern", "needs_review", "not_engaged"]
    lum = [_luminance(STATUS_LOOK[s].colour) for s in order]
    assert lum == sorted(lum)
    looks = list(STATUS_LOOK.items())
    for i, (a, la) in enumerate(looks):
        for b, lb in looks[i + 1:]:
            if abs(_luminance(la.colour) - _luminance(lb.colour)) < 0.15:
                assert la.hatch != lb.hatch and la.symbol != lb.symbol, (a, b)
    sev = [_luminance(SEVERITY_LOOK[s].colour) for s in ("high", "medium", "low")]
    assert sev == sorted(sev)


def test_scorecard_follows_reviewer_decisions():
    a = fixture_analysis()
    assert dict(scorecard(a))["sc_legality"] == "conflict"
    review = Review(decision="reject", reviewer="A. Lawyer", date="2024-07-30")
    edit = Review(decision="edit", reviewer="A. Lawyer", date="2024-07-30", status="concern")
    findings = tuple(
        f.model_copy(update={"review": review}) if f.test_id == "legality"
        else f.model_copy(update={"review": edit}) if f.provision_id == "iccpr/art_26" else f
        for f in a.findings)
    rows = dict(scorecard(a.model_copy(update={"findings": findings})))
    assert rows["sc_legality"] is None
    assert rows["sc_nondiscrimination"] == "concern"


def test_svg_is_deterministic_and_undated():
    a = fixture_analysis()
    one, two = render_charts(a), render_charts(a)
    assert one.keys() == two.keys() and {"status_matrix", "scorecard", "signatures"} <= one.keys()
    for name in one:
        assert one[name]["svg"] == two[name]["svg"]
        assert b"<dc:date>" not in one[name]["svg"]
        assert one[name]["png"].startswith(b"\x89PNG")


def test_signatures_against_thresholds_from_metadata():
    count, thresholds = signature_data(fixture_analysis())
    assert count == 50000
    assert ("government", 50000) in thresholds and ("publish", 50) in thresholds


def test_timeline_comes_from_the_knowledge_base_context():
    try:
        from analysis.framework import load_kb

        kb = load_kb()
    except Exception:  # noqa: BLE001
        pytest.skip("knowledge base not loadable yet")
    events = timeline_events(kb, "en")
    assert len(events) == len(kb.context.timeline) > 0
    assert events == sorted(events)
    assert "timeline" in render_charts(fixture_analysis(), kb=kb)


def test_charts_drawn_once_serve_each_format_with_the_same_bytes():
    """Notebook 2 draws PNG and SVG; notebook 3 and its PDF worker ask for one format each
    and get those bytes without drawing again. Another analysis is drawn afresh."""
    import analysis.charts as charts

    a = fixture_analysis()
    charts._MEMO.clear()
    both = render_charts(a, lang="en")
    assert all(set(files) == {"png", "svg"} for files in both.values())
    png = render_charts(a, lang="en", formats=("png",))
    assert png == {name: {"png": files["png"]} for name, files in both.items()}
    charts._MEMO.clear()
    assert render_charts(a, lang="en", formats=("svg",)) == {
        name: {"svg": files["svg"]} for name, files in both.items()}  # drawn again: same bytes
    f = next(x for x in a.findings if x.status == "conflict")
    rejected = f.model_copy(update={"review": Review(decision="reject",
                                                     reviewer="A. Lawyer", date="2024-08-01")})
    other = a.model_copy(update={"findings": tuple(rejected if x.id == f.id else x
                                                   for x in a.findings)})
    assert charts._memo_key(other, "en", None) != charts._memo_key(a, "en", None)
    assert charts._memo_key(a, "ru", None) != charts._memo_key(a, "en", None)
