"""Annotate documents: segment into clauses, detect languages, mark evidence spans.

``annotate(document)`` returns an :class:`Annotated` (clauses with Akoma Ntoso-style ids, each
with its language, kind and spans; segments in unsupported languages listed as skipped).
``annotate_many`` batches clauses of many documents through ``nlp.pipe`` per language.
Spans' offsets are offsets into ``Document.original`` and ``span.text`` equals
``original[start:end]`` (normalised offsets are mapped back through ``Document.offsets``).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..errors import UnsupportedLanguageError
from ..models import SUPPORTED_LANGUAGES, Clause, Segment, Span
from ..text import Document
from .langid import detect_language
from .modality import clause_kind, is_negated
from .pipelines import CUE_PREFIX, SPANS_KEY, get_pipeline, load_lexicon
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
    guesses = [detect_language(text[u.start:u.end]) for u in units]
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


def _starts_imperative(lang: str, doc) -> bool:
    words = [t for t in doc[:6] if t.is_alpha]  # only the start matters (cheap on long clauses)
    # a leading document-type word ("Petition Require 20mph ...") is not the verb
    if words and words[0].lower_ in ("petition", "петиция", "петиція", "петиция:") and len(words) > 1:
        words = words[1:]
    first = words[0] if words else None
    if first is None or not first.text[0].isupper():
        return False
    if lang in ("ru", "uk"):
        from .lemmatise import is_infinitive_or_imperative

        return is_infinitive_or_imperative(lang, first.text)
    lex = load_lexicon(lang)
    if lang == "kk":
        last = [t for t in doc[-3:] if t.is_alpha]
        return bool(last) and (last[-1].lower_.endswith(("сын", "сін", "лсын", "лсін")))
    return first.lemma_ in _imperative_lemmas(lang)


@lru_cache(maxsize=None)
def _imperative_lemmas(lang: str) -> frozenset:
    from .lemmatise import lemmatiser_for

    fn = lemmatiser_for(lang)
    return frozenset(fn(w) for w in load_lexicon(lang).imperative_words)


def _build_clause(document: Document, unit: Unit, lang: str, doc, norm_start: int) -> Clause:
    lex = load_lexicon(lang)
    original = document.original
    spans: dict[tuple, Span] = {}
    cues: set[str] = set()
    group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else ()
    for sp in group:
        label = sp.label_
        if label.startswith(CUE_PREFIX):
            cues.add(label[len(CUE_PREFIX):])
            continue
        concept = sp.id_ or label
        s, e = document.to_original(norm_start + sp.start_char, norm_start + sp.end_char)
        key = (s, e, label, concept)
        if key not in spans:
            spans[key] = Span(label=label, concept=concept, start=s, end=e, text=original[s:e],
                              negated=is_negated(doc, sp, label, lex.negation, lang))
    kind = clause_kind(cues=cues, role=unit.role, doc_kind=document.kind,
                       starts_imperative="demand" not in cues
                       and unit.role in ("title", "paragraph", "sentence", "numbered")
                       and _starts_imperative(lang, doc))
    s, e = document.to_original(unit.start, unit.end)
    ordered = tuple(spans[k] for k in sorted(spans))
    return Clause(id=unit.id, start=s, end=e, text=original[s:e], language=lang, kind=kind,
                  spans=ordered, heading=unit.heading)


def _finish(plan: _Plan, docs: dict[int, object]) -> Annotated:
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
        clauses.append(_build_clause(document, unit, lang, docs[i], unit.start))
        share[lang] += unit.end - unit.start
    languages = tuple(sorted(share, key=lambda k: (-share[k], k)))
    return Annotated(document=document, clauses=tuple(clauses), skipped=tuple(skipped),
                     languages=languages)


def _run(plans: list[_Plan], batch_size: int) -> list[Annotated]:
    by_lang: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for p_idx, plan in enumerate(plans):
        for u_idx, lang in enumerate(plan.langs):
            if lang:
                by_lang[lang].append((p_idx, u_idx))
    docs: list[dict[int, object]] = [dict() for _ in plans]
    for lang in sorted(by_lang):
        keys = by_lang[lang]
        nlp = get_pipeline(lang)
        texts = (plans[p].document.normalised[plans[p].units[u].start:plans[p].units[u].end]
                 for p, u in keys)
        for (p, u), doc in zip(keys, nlp.pipe(texts, batch_size=batch_size)):
            docs[p][u] = doc
    return [_finish(plan, docs[i]) for i, plan in enumerate(plans)]


def annotate(document: Document) -> Annotated:
    """Clauses, languages and evidence spans of one document (see module docstring)."""
    plan = _plan(document)
    _check_supported(plan)
    return _run([plan], batch_size=256)[0]


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
            yield from _run(batch, batch_size=256)
            batch = []
    if batch:
        yield from _run(batch, batch_size=256)
