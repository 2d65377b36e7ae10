"""Annotate documents: segment into clauses, detect languages, mark evidence spans.

``annotate(document)`` returns an :class:`Annotated` (clauses with Akoma Ntoso-style ids, each
with its language, kind and spans; segments in unsupported languages listed as skipped).
``annotate_many`` batches many documents through ``nlp.pipe`` per language. Each run of
consecutive clauses in one language is one spaCy ``Doc`` (usually the whole document), and the
pipeline's components match inside each clause's token range, so a clause gets exactly the
spans it would get as a ``Doc`` of its own (tests/test_nlp_speed_invariants.py) at a fraction of
the cost. Spans' offsets are offsets into ``Document.original`` and ``span.text`` equals
``original[start:end]`` (normalised offsets are mapped back through ``Document.offsets``).

Precision rules applied to a clause's spans (tests/test_nlp_lexicon_precision.py): words inside
a proper name listed in the lexicon raise no span; an everyday measure word needs an object it
restricts (:data:`GENERIC_MEASURES`); Markdown metadata tables are not legal text.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..errors import UnsupportedLanguageError
from ..models import SUPPORTED_LANGUAGES, Clause, Segment, Span
from ..text import Document
from .langid import detect_language, detect_languages
from .modality import clause_kind, is_negated
from .pipelines import (CUE_PREFIX, HITS, NAME_LABEL, REFS, clause_token_ranges, doc_text,
                        get_pipeline, load_lexicon, make_clause_doc)
from .segment import Unit, segment

LANGUAGE_NAMES = {"ru": "Russian", "kk": "Kazakh", "uk": "Ukrainian", "en": "English"}


@dataclass(frozen=True)
class Annotated:
    """The annotation of one document."""

    document: Document
    clauses: tuple[Clause, ...]
    skipped: tuple[Segment, ...]
    languages: tuple[str, ...]


@dataclass
class _Plan:
    document: Document
    units: list[Unit]
    langs: list[str | None]
    guesses: list[str | None]


def _plan(document: Document) -> _Plan:
    text = document.normalised
    units = segment(text)
    guesses = detect_languages(text, [(u.start, u.end) for u in units])
    langs: list[str | None] = [g.lang if g.status == "supported" else None for g in guesses]
    unknown = [g.status == "unknown" for g in guesses]
    # short/undecidable segments inherit: previous decided one, else next, else the whole text's
    last = None
    for i in range(len(units)):
        if unknown[i]:
            langs[i] = last
        elif guesses[i].status == "supported":
            last = langs[i]
    nxt = None
    for i in range(len(units) - 1, -1, -1):
        if unknown[i] and langs[i] is None:
            langs[i] = nxt
        elif guesses[i].status == "supported":
            nxt = langs[i]
    if any(unknown[i] and langs[i] is None for i in range(len(units))):
        whole = detect_language(text)
        fallback = whole.lang if whole.status in ("supported",) else (
            "en" if whole.lang == "en" else None)
        for i in range(len(units)):
            if unknown[i] and langs[i] is None:
                langs[i] = fallback
    return _Plan(document, units, langs, [g.lang for g in guesses])


def _check_supported(plan: _Plan) -> None:
    if not any(plan.langs):
        found = sorted({g for g in plan.guesses if g and g not in SUPPORTED_LANGUAGES})
        seen = f" (it looks like: {', '.join(found)})" if found else ""
        raise UnsupportedLanguageError(
            f"no part of the text is in a supported language{seen}; supported are "
            + ", ".join(f"{LANGUAGE_NAMES[c]} ({c})" for c in SUPPORTED_LANGUAGES),
            where=plan.document.path,
            hint="give the text in Russian, Kazakh, Ukrainian or English (an official version "
                 "or a faithful translation), and keep the original alongside it",
        )


class _Tokens:
    """Token offsets and flags of one processed ``Doc`` as plain lists (no ``Token`` objects:
    creating them costs more than the whole lemma pass)."""

    __slots__ = ("text", "idx", "length", "punct", "alpha")

    def __init__(self, doc, text: str):
        from spacy.attrs import IDX, IS_ALPHA, IS_PUNCT, LENGTH

        self.text = text
        if len(doc):
            self.idx, self.length, self.punct, self.alpha = doc.to_array(
                [IDX, LENGTH, IS_PUNCT, IS_ALPHA]).T.tolist()
        else:
            self.idx = self.length = self.punct = self.alpha = []

    def word(self, i: int) -> str:
        start = self.idx[i]
        return self.text[start:start + self.length[i]]

    def start(self, i: int) -> int:
        return self.idx[i]

    def end(self, i: int) -> int:
        return self.idx[i] + self.length[i]


def _starts_imperative(lang: str, toks: _Tokens, lo: int, hi: int) -> bool:
    words = [i for i in range(lo, min(hi, lo + 6)) if toks.alpha[i]]  # only the start matters
    # a leading document-type word ("Petition Require 20mph ...") is not the verb
    if words and toks.word(words[0]).lower() in ("petition", "петиция", "петиція", "петиция:") \
            and len(words) > 1:
        words = words[1:]
    if not words:
        return False
    first = toks.word(words[0])
    if not first[0].isupper():
        return False
    if lang in ("ru", "uk"):
        from .lemmatise import is_infinitive_or_imperative

        return is_infinitive_or_imperative(lang, first)
    if lang == "kk":
        last = [i for i in range(max(lo, hi - 3), hi) if toks.alpha[i]]
        return bool(last) and toks.word(last[-1]).lower().endswith(("сын", "сін", "лсын", "лсін"))
    from .lemmatise import lemmatiser_for

    return lemmatiser_for(lang)(first) in _imperative_lemmas(lang)


@lru_cache(maxsize=None)
def _imperative_lemmas(lang: str) -> frozenset:
    from .lemmatise import lemmatiser_for

    fn = lemmatiser_for(lang)
    return frozenset(fn(w) for w in load_lexicon(lang).imperative_words)


class _ClauseParts(NamedTuple):
    """What the pipeline found in one clause: spans as (start, end, label, concept, negated)
    in normalised offsets, cue names, and whether the clause starts with an imperative."""

    spans: list
    cues: set
    starts_imperative: bool


def _clause_parts(doc, toks: _Tokens, k: int, offset: int, unit: Unit, lang: str,
                  lex) -> _ClauseParts:
    lo, hi = clause_token_ranges(doc)[k]
    cues: set[str] = set()
    spans = []
    names = []
    for s, e, label, concept in doc.user_data[HITS][k]:
        if label.startswith(CUE_PREFIX):
            cues.add(concept)
            continue
        if label == NAME_LABEL:
            names.append((s, e))
            continue
        spans.append((offset + toks.start(s), offset + toks.end(e - 1), label, concept,
                      is_negated(toks, s, e, lo, hi, label, lex.negation, lang)))
    if names:
        # words inside a proper name ("Human Rights Watch", «Комитет по правам человека») are
        # part of the name, not the clause's own language
        inside = [(offset + toks.start(s), offset + toks.end(e - 1)) for s, e in names]
        spans = [sp for sp in spans if not any(a <= sp[0] and sp[1] <= b for a, b in inside)]
    for s, e, concept in doc.user_data[REFS][k]:
        spans.append((offset + s, offset + e, "legal_ref", concept, False))
    imperative = ("demand" not in cues and unit.role in ("title", "paragraph", "sentence", "numbered")
                  and _starts_imperative(lang, toks, lo, hi))
    return _ClauseParts(spans, cues, imperative)


GENERIC_MEASURES = frozenset({"ban", "restrict", "remove", "close"})
"""Measure concepts whose words are also everyday words ("limit", «запрет», "close", "remove"):
such a measure counts only when its clause names something it restricts (``RESTRICTABLE``,
a communication channel or a right). "Reduce the speed limit on roads around schools" is an
ordinary traffic rule, not a restriction of a right. The other measures (blocking, censorship,
refusal of registration, labelling, prior approval, criminalisation) name their object
themselves. A negated measure is kept as it is (it raises no ``measure`` signal)."""
RESTRICTABLE = frozenset({"expression", "group", "vague"})
COMMUNICATION_CHANNELS = frozenset({"media", "internet", "books", "film", "television",
                                    "social_networks", "smartphones", "advertising", "bookshops",
                                    "culture"})


def _restricts_something(spans) -> bool:
    return any(label in RESTRICTABLE
               or (label == "channel" and concept in COMMUNICATION_CHANNELS)
               or (label == "protective" and concept == "rights_protection")
               for _, _, label, concept, _ in spans)


def _is_table_row(document: Document, unit: Unit) -> bool:
    """Markdown table rows (``| field | value |``, every line of the unit) of a .md input:
    metadata, not legal text."""
    if document.format != "md":
        return False
    lines = document.normalised[unit.start:unit.end].split("\n")
    return all(line.strip().startswith("|") and line.strip().endswith("|") for line in lines)


def _trusted(cls, values: dict):
    """An instance of a frozen model from values that already have the field types, without
    running the validator again (what ``model_construct`` does, at a third of its cost: in
    pydantic 2 ``model_construct`` is slower than validation). ``values`` must name every field,
    in field order; the instance is equal to, and dumps exactly as, ``cls(**values)``
    (tests/test_nlp_speed_invariants.py)."""
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_new = object.__new__
_set = object.__setattr__


def _build_clause(document: Document, unit: Unit, lang: str, parts: _ClauseParts) -> Clause:
    original = document.original
    offsets = document.offsets
    spans: dict[tuple, Span] = {}
    found = parts.spans
    table = _is_table_row(document, unit)
    if table:
        found = []
    elif not _restricts_something(found):
        found = [sp for sp in found
                 if not (sp[2] == "measure" and sp[3] in GENERIC_MEASURES and not sp[4])]
    for ns, ne, label, concept, negated in found:
        # Document.to_original, inlined (it runs for every span)
        s = offsets[ns]
        e = offsets[ne - 1] + 1 if ne > ns else s
        key = (s, e, label, concept)
        if key not in spans:
            spans[key] = _trusted(Span, {"label": label, "concept": concept, "start": s,
                                         "end": e, "text": original[s:e], "negated": negated})
    kind = "description" if table else clause_kind(
        cues=parts.cues, role=unit.role, doc_kind=document.kind,
        starts_imperative=parts.starts_imperative)
    s, e = document.to_original(unit.start, unit.end)
    ordered = tuple(spans[k] for k in sorted(spans))
    return _trusted(Clause, {"id": unit.id, "start": s, "end": e, "text": original[s:e],
                             "language": lang, "kind": kind, "spans": ordered,
                             "heading": unit.heading})


def _finish(plan: _Plan, parts: dict[int, _ClauseParts]) -> Annotated:
    document = plan.document
    clauses: list[Clause] = []
    skipped: list[Segment] = []
    share: Counter = Counter()
    for i, unit in enumerate(plan.units):
        lang = plan.langs[i]
        if lang is None:
            s, e = document.to_original(unit.start, unit.end)
            guess = plan.guesses[i]
            skipped.append(Segment(
                start=s, end=e, text=document.original[s:e], language=guess,
                reason=(f"language {guess!r} is not supported" if guess else "language not recognised")
                + " (supported: " + ", ".join(SUPPORTED_LANGUAGES) + ")",
            ))
            continue
        clauses.append(_build_clause(document, unit, lang, parts[i]))
        share[lang] += unit.end - unit.start
    languages = tuple(sorted(share, key=lambda k: (-share[k], k)))
    return Annotated(document=document, clauses=tuple(clauses), skipped=tuple(skipped),
                     languages=languages)


def _runs(plan: _Plan) -> list[tuple[str, list[int]]]:
    """Consecutive clauses of one language: each run is tokenised as one ``Doc``."""
    runs: list[tuple[str, list[int]]] = []
    for i, lang in enumerate(plan.langs):
        if lang is None:
            continue
        if runs and runs[-1][0] == lang and runs[-1][1][-1] == i - 1:
            runs[-1][1].append(i)
        else:
            runs.append((lang, [i]))
    return runs


def _run(plans: list[_Plan], batch_size: int) -> list[Annotated]:
    """One ``Doc`` per run of same-language clauses (not one per clause), through ``nlp.pipe``
    per language; the components match inside each clause's token range."""
    by_lang: dict[str, list[tuple[int, list[int]]]] = defaultdict(list)
    for p_idx, plan in enumerate(plans):
        for lang, unit_ids in _runs(plan):
            by_lang[lang].append((p_idx, unit_ids))
    parts: list[dict[int, _ClauseParts]] = [dict() for _ in plans]
    for lang in sorted(by_lang):
        jobs = by_lang[lang]
        nlp = get_pipeline(lang)
        lex = load_lexicon(lang)

        def docs(jobs=jobs, nlp=nlp):
            for p, unit_ids in jobs:
                units = plans[p].units
                offset = units[unit_ids[0]].start
                text = plans[p].document.normalised[offset:units[unit_ids[-1]].end]
                yield make_clause_doc(nlp, text, [(units[u].start - offset, units[u].end - offset)
                                                  for u in unit_ids])

        for (p, unit_ids), doc in zip(jobs, nlp.pipe(docs(), batch_size=batch_size)):
            units = plans[p].units
            offset = units[unit_ids[0]].start
            toks = _Tokens(doc, doc_text(doc))
            for k, u in enumerate(unit_ids):
                parts[p][u] = _clause_parts(doc, toks, k, offset, units[u], lang, lex)
    return [_finish(plan, parts[i]) for i, plan in enumerate(plans)]


def annotate(document: Document) -> Annotated:
    """Clauses, languages and evidence spans of one document (see module docstring)."""
    plan = _plan(document)
    _check_supported(plan)
    return _run([plan], batch_size=64)[0]


def annotate_many(documents: Iterable[Document], batch_size: int = 64) -> Iterator[Annotated]:
    """Annotate many documents, ``batch_size`` documents at a time through ``nlp.pipe``.

    Raises :class:`UnsupportedLanguageError` for a document with no supported segment (the
    caller of a batch decides whether to record and continue).
    """
    batch: list[_Plan] = []
    for document in documents:
        plan = _plan(document)
        _check_supported(plan)
        batch.append(plan)
        if len(batch) >= batch_size:
            yield from _run(batch, batch_size=64)
            batch = []
    if batch:
        yield from _run(batch, batch_size=64)
