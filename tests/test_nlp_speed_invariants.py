"""The speed-ups of the annotation layer must not change what it finds (issue 3 benchmark).

Each shortcut is checked against the slow, obvious computation on the real texts of
../shared/sources, ../shared/eval/dev and data/petitions:

- a legal instrument's regex runs only when one of its trigger substrings occurs, so every match
  must contain one (``legal_refs.triggers`` in data/lexicons);
- language detection recognises plain Russian with two regex searches and must agree with the
  full count-based decision (``detect_by_counts``) on every clause;
- one spaCy ``Doc`` per run of clauses must give each clause the same lexicon matches and legal
  references as a ``Doc`` of that clause alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

import random

from analysis.nlp.langid import detect_by_counts, detect_language, detect_languages
from analysis.nlp.pipelines import (HITS, REFS, find_legal_refs, get_pipeline, load_lexicon,
                                    make_clause_doc)
from analysis.nlp.segment import segment
from analysis.text import document_from_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LANGS = ("ru", "uk", "kk", "en")


@lru_cache(maxsize=1)
def real_texts() -> tuple[str, ...]:
    paths = sorted((SHARED / "sources").rglob("*.txt")) + sorted((SHARED / "sources").rglob("*.md"))
    paths += sorted((SHARED / "eval" / "dev").glob("*.md")) + sorted((ROOT / "data" / "petitions").rglob("*.md"))
    texts = []
    for p in paths:
        try:
            texts.append(p.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
    assert len(texts) >= 20, "the real texts of ../shared are missing"
    return tuple(texts)


@lru_cache(maxsize=1)
def real_paragraphs() -> tuple[str, ...]:
    return tuple(p for t in real_texts() for p in re.split(r"\n\s*\n", t) if p.strip())


@pytest.mark.parametrize("lang", LANGS)
def test_every_instrument_match_contains_a_trigger(lang):
    lex = load_lexicon(lang)
    assert lex.legal_triggers, f"{lang}.yaml lists no triggers"
    checked = 0
    for concept, rx in lex.legal_instruments:
        triggers = lex.legal_triggers.get(concept, ())
        for text in real_paragraphs():
            for m in rx.finditer(text):
                if m.end() == m.start():
                    continue
                checked += 1
                found = m.group()
                assert any(t in (found.lower() if t.islower() else found) for t in triggers), (
                    f"{lang}: {concept} matched {found!r} without any of its triggers {triggers}")
    if lang in ("ru", "en"):
        assert checked > 10  # the real texts do cite instruments in these languages


@pytest.mark.parametrize("lang", LANGS)
def test_triggers_do_not_change_legal_references(lang):
    lex = load_lexicon(lang)
    no_triggers = lex.__class__(**{**lex.__dict__, "legal_triggers": {}})
    n = 0
    for text in real_paragraphs():
        fast = find_legal_refs(text, lex)
        assert fast == find_legal_refs(text, no_triggers), text[:200]
        n += len(fast)
    if lang in ("ru", "en"):
        assert n > 20


def test_plain_russian_shortcut_agrees_with_the_full_decision():
    units = []
    for text in real_texts():
        norm = document_from_text(text).normalised
        units += [norm[u.start:u.end] for u in segment(norm)]
    # and short random strings around the thresholds (few letters, «ъ», mixed scripts)
    rnd = random.Random(7)
    alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя ЪЫ.,1 әқіїєў ABCxyz éα"
    units += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12))) for _ in range(3000)]
    units += ["ъ" * k + "а" * m for k in range(4) for m in range(0, 200, 7)]
    got = [(g.status, g.lang) for g in detect_languages("\n".join(units), _ranges(units))]
    want = [(g.status, g.lang) for g in map(detect_by_counts, units)]
    assert got == want
    assert got.count(("supported", "ru")) > 500


def _ranges(parts):
    out, pos = [], 0
    for p in parts:
        out.append((pos, pos + len(p)))
        pos += len(p) + 1
    return out


def test_mixed_scripts_counted_per_clause():
    text = "Запретить пропаганду.\n\nБұл заң балаларды қорғайды.\n\nΑυτό είναι ελληνικά κείμενο.\n\nThe law."
    ranges = [(u.start, u.end) for u in segment(text)]
    got = [(g.status, g.lang) for g in detect_languages(text, ranges)]
    assert got == [(g.status, g.lang) for g in (detect_by_counts(text[s:e]) for s, e in ranges)]
    assert got[:3] == [("supported", "ru"), ("supported", "kk"), ("unsupported", "el")]


def _per_clause(nlp, text, ranges):
    hits, refs = [], []
    for s, e in ranges:
        doc = nlp(make_clause_doc(nlp, text[s:e]))
        first = doc[0].idx if len(doc) else 0
        hits.append(sorted((doc[a].idx + s - first, doc[b - 1].idx + len(doc[b - 1]) + s - first,
                            label, concept) for a, b, label, concept in doc.user_data[HITS][0]))
        refs.append(sorted((a + s, b + s, c) for a, b, c in doc.user_data[REFS][0]))
    return hits, refs


def _per_run(nlp, text, ranges):
    doc = nlp(make_clause_doc(nlp, text, ranges))
    hits = [sorted((doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), label, concept)
                   for a, b, label, concept in clause) for clause in doc.user_data[HITS]]
    refs = [sorted(clause) for clause in doc.user_data[REFS]]
    return hits, refs


@pytest.mark.parametrize("name,lang", [
    ("sources/kz/08_Law_2018_protection_of_children_from_harmful_information.txt", "ru"),
    ("sources/kz/02_Constitution_1995_selected_articles.txt", "ru"),
    ("sources/kz/02_Constitution_1995_selected_articles.txt", "kk"),
    ("eval/dev/ru-2013-135fz.md", "ru"),
    ("eval/dev/ru-2022-foreign-agents-law.md", "ru"),
    ("eval/dev/uk-2010-equality-act-s13.md", "en"),
    ("sources/intl/02_HRC_GC34_Article19.txt", "en"),
])
def test_one_doc_per_run_matches_one_doc_per_clause(name, lang):
    raw = (SHARED / name).read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(.*?)```", raw, re.S)
    text = document_from_text("\n\n".join(blocks) if blocks and lang != "en" else raw).normalised
    units = [u for u in segment(text)
             if detect_language(text[u.start:u.end]).lang == lang]
    ranges = [(u.start, u.end) for u in units]
    nlp = get_pipeline(lang)
    per_clause = _per_clause(nlp, text, ranges)
    # one Doc over the whole text, clauses as ranges (text between them is tokenised too)
    per_run = _per_run(nlp, text, ranges)
    assert per_run == per_clause
    assert sum(map(len, per_run[0])) > 10 and len(ranges) >= 3


def test_pipeline_on_its_own_gives_spacy_spans():
    """``get_pipeline(lang)(text)`` works without the annotator (one clause = the whole text),
    and ``lexicon_spans`` turns its results into spaCy spans (label = span label, id = concept)."""
    from analysis.nlp.pipelines import lexicon_spans

    nlp = get_pipeline("ru")
    doc = nlp("Согласно ст. 20 Конституции цензура запрещается; запретить пропаганду в СМИ.")
    got = {(sp.text, sp.label_, sp.id_) for sp in lexicon_spans(doc)}
    assert ("ст. 20 Конституции", "legal_ref", "constitution") in got
    assert ("пропаганду", "expression", "propaganda") in got
    assert ("СМИ", "channel", "media") in got
    assert all(sp.lemma_ for sp in doc[:3])  # the lemmatizer set every token's lemma


@pytest.mark.parametrize("folder", ["kz-2024-lgbt-propaganda", "kz-2025-law"])
def test_models_built_without_validation_equal_validated_models(folder):
    """Clauses and spans are built from already checked values without the validator
    (``annotator._trusted``): each must equal, dump and hash exactly as the validated model."""
    from analysis.models import Clause, Span, dump_json
    from analysis.nlp import annotate
    from analysis.text import read_document

    annotated = annotate(read_document(ROOT / "data" / "petitions" / folder))
    spans = 0
    for clause in annotated.clauses:
        again = Clause.model_validate(clause.model_dump())
        assert again == clause and hash(again) == hash(clause)
        assert dump_json(again) == dump_json(clause)
        assert again.model_fields_set == clause.model_fields_set
        for span in clause.spans:
            assert Span(**span.model_dump()) == span
            assert type(span.start) is int and type(span.negated) is bool
            spans += 1
    assert spans > 50


def test_word_before_a_full_stop_found_as_by_walking_back():
    """Sentence splitting finds the word before each full stop with ``rfind`` (``_word_start``);
    it must equal walking back letter by letter to the previous whitespace, at every full stop
    of the real texts, also with tabs, thin and other Unicode spaces inside the line."""
    from analysis.nlp.segment import _word_start

    def walk(chunk, j):
        i = j
        while i > 0 and not chunk[i - 1].isspace():
            i -= 1
        return i

    checked = 0
    for text in real_texts():
        for variant in (text, text.replace(" ", "\t", 50).replace(" ", "\u2009", 50)):
            for j in (m.start() for m in re.finditer(r"\.", variant)):
                assert _word_start(variant, j) == walk(variant, j)
                checked += 1
    assert checked > 1000
