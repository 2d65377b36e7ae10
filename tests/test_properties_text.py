"""Property-based tests (hypothesis) of reading and annotation over arbitrary Unicode (issue 8).

Properties, over text mixing Cyrillic, Kazakh and Latin look-alike letters, control characters,
NBSP, soft hyphens, zero-width characters, Markdown and numbering, plus arbitrary code points
(surrogates excluded) and arbitrary bytes:

- reading and annotation never raise anything but the documented InputError subclasses;
- the offset map is exact: every normalised character comes from its original character;
- every clause, skipped segment and span lies within the text and ``original[start:end]`` is
  exactly its text;
- segmentation covers the whole text: every visible character is in exactly one clause or
  skipped segment, and they do not overlap.

``derandomize=True`` keeps the suite deterministic (same examples every run, as the project's
rule asks); the example counts are in the report of issue 8.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import InputError
from analysis.text import decode_bytes, document_from_text, normalise, read_document

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
UKRAINIAN = "їєґЇЄҐ"
LOOKALIKE = "AaBCcEeHKMOoPpTXxyIiY"
ODD = "\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff\u2028\u2029\u0085\r\t\x0b\x0c\x00\x07\x1b\u202f"
PUNCT = ".,;:!?-–—«»\"'()[]#*_`|<>/\\№§…"
ALPHABET = CYRILLIC + KAZAKH + UKRAINIAN + LOOKALIKE + ODD + PUNCT + "0123456789 \n\n\n"

# Words and markers from the real texts (shared/sources/kz, shared/eval/dev) so that spans,
# headings, numbered items and language switches actually occur.
WORDS = [
    "запретить", "Запретить", "пропаганду", "ЛГБТ", "ЛГБT", "нетрадиционных", "отношений",
    "штраф", "арест", "интернете", "СМИ", "детей", "традиционные", "ценности", "не",
    "допускается", "дискриминация", "Статья", "1.", "2)", "а)", "Петиция", "насихаттауға",
    "тыйым", "салу", "Заборонити", "пропаганду", "propaganda", "ban", "LGBT", "fine", "shall",
    "not", "be", "prohibited", "children", "Article", "19", "Der", "Gesetz", "ist", "frei",
    "#", "##", "---", "*", "-", "\n", "\n\n", ".", ",", ";", ":", "«", "»", "\u00a0", "\u00ad",
]

texts = st.one_of(
    st.text(alphabet=ALPHABET, max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=80).map("".join),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=300),
)


def _annotate(doc):
    from analysis.nlp import annotate

    return annotate(doc)


@SETTINGS
@given(texts)
def test_normalise_maps_every_character_back(text):
    normalised, offsets = normalise(text)
    assert len(offsets) == len(normalised) + 1
    assert offsets[-1] == len(text)
    assert all(a < b for a, b in zip(offsets, offsets[1:]))
    for i, ch in enumerate(normalised):
        orig = text[offsets[i]]
        assert ch == orig or not (ch.isalnum() and orig.isalnum() and ch.isascii() and
                                  orig.isascii()), (ch, orig)


def _normalise_per_character(text: str, base: int = 0) -> tuple[str, tuple[int, ...]]:
    """The specification of :func:`normalise`, character by character (slow and obvious):
    when a look-alike letter touches a Cyrillic one somewhere in the text, look-alike letters
    inside words with Cyrillic letters become Cyrillic; then every
    character is dropped, folded or kept on its own."""
    import re

    from analysis import text as T

    chars = list(text)

    def cyr(c):
        return "\u0400" <= c <= "\u04ff"

    touching = any(a in T._LOOKALIKE and cyr(b) or cyr(a) and b in T._LOOKALIKE
                   for a, b in zip(text, text[1:]))
    for m in re.finditer(r"[^\W\d_]+(?:['][^\W\d_]+)*", text) if touching else ():
        word = m.group()
        if any(cyr(c) for c in word):
            for i in range(m.start(), m.end()):
                chars[i] = T._LOOKALIKE.get(chars[i], chars[i])
    out, offsets = [], []
    for i, ch in enumerate(chars):
        if ch in T._DROP:
            continue
        out.append(T._CHAR_MAP.get(ch, ch))
        offsets.append(base + i)
    offsets.append(base + len(text))
    return "".join(out), tuple(offsets)


@SETTINGS
@given(texts, st.integers(min_value=0, max_value=50))
def test_normalise_fast_path_equals_per_character_rules(text, base):
    """The regex/``str.replace`` implementation (issue 3 speed) folds exactly what the
    per-character rules fold, and its offset map (a ``range`` when nothing is dropped) holds
    the same integers."""
    normalised, offsets = normalise(text, base)
    expected, expected_offsets = _normalise_per_character(text, base)
    assert normalised == expected
    assert tuple(offsets) == expected_offsets


@SETTINGS
@given(st.binary(max_size=600))
def test_decoding_arbitrary_bytes_raises_only_input_errors(data):
    try:
        text, encoding = decode_bytes(data, where="bytes")
    except InputError:
        return
    assert isinstance(text, str) and encoding


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf", ""]))
def test_reading_arbitrary_files_raises_only_input_errors(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except InputError:
            return
    assert doc.original[doc.body_start:].strip()


@SETTINGS
@given(texts)
def test_annotation_spans_and_segments_map_back_exactly(text):
    try:
        doc = document_from_text(text)
        annotated = _annotate(doc)
    except InputError:
        return
    original = doc.original
    n = len(original)
    for c in annotated.clauses:
        assert 0 <= c.start < c.end <= n
        assert original[c.start:c.end] == c.text
        for s in c.spans:
            assert c.start <= s.start < s.end <= c.end, (c.id, s)
            assert original[s.start:s.end] == s.text
    for seg in annotated.skipped:
        assert 0 <= seg.start < seg.end <= n
        assert original[seg.start:seg.end] == seg.text


@SETTINGS
@given(texts)
def test_segmentation_covers_every_visible_character_once(text):
    try:
        doc = document_from_text(text)
        annotated = _annotate(doc)
    except InputError:
        return
    ranges = sorted([(c.start, c.end) for c in annotated.clauses]
                    + [(s.start, s.end) for s in annotated.skipped])
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        assert end <= start, ranges  # no overlap
    covered = bytearray(len(doc.original))
    for start, end in ranges:
        covered[start:end] = b"\x01" * (end - start)
    missing = [(doc.offsets[i], ch) for i, ch in enumerate(doc.normalised)
               if not ch.isspace() and not covered[doc.offsets[i]]]
    assert not missing, missing[:10]


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=60).map(" ".join))
def test_whole_analysis_raises_only_input_errors_and_quotes_the_original(text):
    from analysis.pipeline import analyse_text

    try:
        analysis = analyse_text(text, as_of="2024-08-01")
    except InputError:
        return
    doc = document_from_text(text)
    for f in analysis.findings:
        for s in f.evidence:
            assert doc.original[s.start:s.end] == s.text, (f.id, s)
