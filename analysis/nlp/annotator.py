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

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from ..errors import UnsupportedLanguageError
from ..models import SUPPORTED_LANGUAGES, Clause, Segment, Span
from ..text import Document
from .langid import detect_language, detect_languages
from .lemmatise import is_infinitive_or_imperative, lemmatiser_for
from .modality import NEGATABLE, PUNCT_STOPS, clause_kind, is_negated
from .pipelines import (CUE_PREFIX, HITS, NAME_LABEL, REFS, clause_token_ranges, doc_text,
                        get_pipeline, load_lexicon, make_clause_doc, token_offsets)
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
    with _collector_paused():
        return _plan_units(document)


def _plan_units(document: Document) -> _Plan:
    text = document.normalised
    units = segment(text)
    guesses = detect_languages(text, [(u.start, u.end) for u in units])
    langs: list[str | None] = [g.lang if g.status == "supported" else None for g in guesses]
    unknown = [g.status == "unknown" for g in guesses]
    if not any(unknown):
        return _Plan(document, units, langs, [g.lang for g in guesses])
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
    """Token offsets of one processed ``Doc`` without ``Token`` objects (creating them costs
    more than the whole lemma pass): ``at`` is :func:`~analysis.nlp.pipelines.token_offsets`
    flattened, ``[start_0, length_0, start_1, length_1, ...]``, as a ``memoryview`` that gives
    a Python int for each entry read. Only the few tokens that matter (at a span's edges,
    around it, at a clause's start) are read, so no list of every token's offsets is built;
    their flags come from their word through ``flags`` (:func:`_word_flags`)."""

    __slots__ = ("text", "at", "flags")

    def __init__(self, doc, text: str, flags):
        self.text = text
        self.flags = flags
        self.at = memoryview(token_offsets(doc).reshape(-1)) if len(doc) else ()

    def word(self, i: int) -> str:
        a = self.at[2 * i]
        return self.text[a:a + self.at[2 * i + 1]]

    def is_punct(self, i: int) -> bool:
        return self.flags(self.word(i))[0]

    def is_alpha(self, i: int) -> bool:
        return self.flags(self.word(i))[1]


@lru_cache(maxsize=None)
def _word_flags(lang: str):
    """``word -> (IS_PUNCT, IS_ALPHA)`` exactly as the pipeline's vocabulary sets these flags on
    a lexeme (its own attribute getters), cached per word form: reading the flags of every token
    with ``Doc.to_array`` costs more than looking up the few that matter."""
    from spacy.attrs import IS_ALPHA, IS_PUNCT

    getters = get_pipeline(lang).vocab.lex_attr_getters or {}
    punct_of, alpha_of = getters.get(IS_PUNCT), getters.get(IS_ALPHA)
    cache: dict[str, tuple[bool, bool]] = {}

    def flags(word: str) -> tuple[bool, bool]:
        hit = cache.get(word)
        if hit is None:
            hit = cache[word] = (bool(punct_of and punct_of(word)),
                                 bool(alpha_of and alpha_of(word)))
        return hit

    return flags


_DISJUNCTIONS = frozenset({"or", "nor"})
"""English words across which a negation reaches a second measure ("should not be proscribed or
removed"). Not Russian or Ukrainian «или», «або»: there a negation before the first verb does not
reach the second («не согласовывает или запрещает»), which takes its own «не»."""


_LIST_WORDS = frozenset({"или", "либо", "и", "чи", "або", "і", "й", "та"})
_EXISTENTIAL = frozenset({"может", "могут", "може", "можуть"})
"""«Не може бути привілеїв чи обмежень за ознаками раси …» (Constitution of Ukraine, art. 24;
in Russian «Не может быть привилегий или ограничений …»): a negation of there being any such
thing reaches every item of the list after it;
any other negation stops at the list (:data:`_DISJUNCTIONS`)."""


def _negated_before(toks: _Tokens, start: int, lo: int, negation: frozenset,
                    prohibitions: Sequence[tuple[int, int]] = (), label: str = "") -> bool:
    """:func:`analysis.nlp.modality.is_negated` for a language with preposed negation: a
    negation word at most three tokens before ``start`` (not before the clause's first token
    ``lo``) with no punctuation in between. A negation word inside a prohibition (a measure
    span ``prohibitions`` that carries its own negation: «Не допускается пропаганда …», "it
    shall not be permitted to distribute …") prohibits what follows; it does not negate it."""
    text, at, flags = toks.text, toks.at, toks.flags
    i = start - 1
    last = max(lo, start - 3)
    listed = False
    while i >= last:
        a = at[2 * i]
        word = text[a:a + at[2 * i + 1]]
        if word in PUNCT_STOPS or flags(word)[0]:
            return False
        low = word.lower()
        if low in _DISJUNCTIONS and label == "measure":
            last = max(lo, last - 2)  # "should not be proscribed or removed"
        elif low in _LIST_WORDS and label == "measure" and not listed:
            listed, last = True, max(lo, last - 2)
        if low in negation or low == "n't":
            if listed and not (i + 1 < start and text[at[2 * i + 2]:at[2 * i + 2] + at[2 * i + 3]]
                               .lower() in _EXISTENTIAL):
                return False

            # inside the prohibition, what it prohibits ("promote" in "must not promote") is
            # not negated; its own measure word ("permitted" in "not permitted") still is
            return not any(ps <= i < pe and (pe <= start or label == "expression")
                           for ps, pe in prohibitions)
        i -= 1
    return False


def _prohibitions(toks: _Tokens, hits, negation: frozenset) -> list[tuple[int, int]]:
    """Token ranges of the measure spans that contain a negation word of their own
    («не допускается», "shall not be permitted"): the negation is the prohibition itself."""
    out = []
    for s, e, label, _ in hits:
        if label == "measure" and e - s > 1 and any(
                toks.word(i).lower() in negation for i in range(s, e)):
            out.append((s, e))
    return out


def _starts_imperative(lang: str, toks: _Tokens, lo: int, hi: int) -> bool:
    # only the start matters: the first word among the first six tokens, or the second when
    # the first is a document-type word ("Petition Require 20mph ..."); the second is looked
    # for only then
    top = min(hi, lo + 6)
    i = lo
    while i < top and not toks.is_alpha(i):
        i += 1
    if i == top:
        return False
    first = toks.word(i)
    if len(first) == 1 and i + 1 < top and toks.word(i + 1) in (")", "."):
        # a list marker, "(a) Adopt …", «а) Ввести …»: the item's first word follows it
        i += 2
        while i < top and not toks.is_alpha(i):
            i += 1
        if i == top:
            return False
        first = toks.word(i)
    if first.lower() in _DOCUMENT_TYPE_WORDS:
        i += 1
        while i < top and not toks.is_alpha(i):
            i += 1
        if i < top:
            first = toks.word(i)
    if lang == "en" and not first[0].isupper():
        return False
    if lang == "en" and lemmatiser_for(lang)(first) not in _imperative_lemmas(lang):
        # an addressee before the demand: "Russia Prosecutor General, investigate …"
        comma = next((k for k in range(i + 1, min(hi, lo + 8)) if toks.word(k) == ","), None)
        if comma is not None and comma + 1 < hi and toks.is_alpha(comma + 1):
            # not a headline's noun: "Kazakhstan, ban on LGBT propaganda is a step backwards"
            after = toks.word(comma + 2).lower() if comma + 2 < hi else ""
            return (lemmatiser_for(lang)(toks.word(comma + 1).lower()) in _imperative_lemmas(lang)
                    and after not in _NOUN_NEXT)
        return False
    if not first[0].isupper():
        return False
    if lang in ("ru", "uk"):
        return is_infinitive_or_imperative(lang, first)
    if lang == "kk":
        last = [i for i in range(max(lo, hi - 3), hi) if toks.is_alpha(i)]
        return bool(last) and toks.word(last[-1]).lower().endswith(("сын", "сін", "лсын", "лсін"))
    return lemmatiser_for(lang)(first) in _imperative_lemmas(lang)


_NOUN_NEXT = frozenset({"on", "of", "is", "are", "was", "were", "has", "have", "will", "would",
                        "threatens", "threaten", "must", "should", "could", "for"})
"""After a word that is both a verb and a noun ("ban", "block"), the words that show the noun."""
_DOCUMENT_TYPE_WORDS = ("petition", "петиция", "петиція", "петиция:")


@lru_cache(maxsize=None)
def _imperative_lemmas(lang: str) -> frozenset:
    fn = lemmatiser_for(lang)
    return frozenset(fn(w) for w in load_lexicon(lang).imperative_words)


GENERIC_MEASURES = frozenset({"ban", "restrict", "remove", "close"})
SELF_NEGATING = frozenset({"require_registration"})
"""Concepts whose words carry their own negation ("unregistered", «без регистрации», Kazakh
«тіркелмеген» with its negative suffix): the negation is the meaning, not a denial of it."""
"""Measure concepts whose words are also everyday words ("limit", «запрет», "close", "remove"):
such a measure counts only when its clause names something it restricts (``RESTRICTABLE``,
a communication channel or a right). "Reduce the speed limit on roads around schools" is an
ordinary traffic rule, not a restriction of a right. The other measures (blocking, censorship,
refusal of registration, labelling, prior approval, criminalisation) name their object
themselves. A negated measure is kept as it is (it raises no ``measure`` signal)."""
RESTRICTABLE = frozenset({"expression", "group", "vague", "practice"})
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
    (tests/test_nlp_speed_invariants.py). All instances of a class share one fields-set (a
    frozen model never adds to it; ``model_copy`` copies it before an update)."""
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", _FIELDS_SET[cls])
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_new = object.__new__
_set = object.__setattr__
_FIELDS_SET = {Span: set(Span.model_fields), Clause: set(Clause.model_fields)}
_SPAN_FIELDS = _FIELDS_SET[Span]


def _doc_clauses(doc, plan: _Plan, unit_ids: list[int], lang: str, lex,
                 out: dict[int, Clause]) -> None:
    """The :class:`Clause` of each unit ``unit_ids`` of ``plan`` from one processed ``Doc``
    (the pipeline's hits and references per clause), into ``out`` by unit index.

    Per clause: spans in normalised offsets from the token arrays (negation from the ``Doc``'s
    flags), words inside a proper name dropped ("Human Rights Watch", «Комитет по правам
    человека» are names, not the clause's own language), legal references added, everyday
    measures without an object dropped (:data:`GENERIC_MEASURES`), offsets mapped to the
    original, one :class:`Span` per distinct (start, end, label, concept) in that order, and the
    clause's kind. This runs for every clause of every document, so it reads the ``Doc`` once
    (:class:`_Tokens`) and builds the models from checked values (:func:`_trusted`, inlined)."""
    document = plan.document
    units = plan.units
    offset = units[unit_ids[0]].start
    toks = _Tokens(doc, doc_text(doc), _word_flags(lang))
    at = toks.at  # token i starts at at[2 * i] and ends at at[2 * i] + at[2 * i + 1]
    kazakh = lang == "kk"
    negation_words = lex.negation
    original, offsets = document.original, document.offsets
    doc_kind, markdown = document.kind, document.format == "md"
    ranges = clause_token_ranges(doc)
    all_hits, all_refs = doc.user_data[HITS], doc.user_data[REFS]
    for k, u in enumerate(unit_ids):
        unit = units[u]
        lo, hi = ranges[k]
        cues: set[str] = set()
        found = []
        names = None
        generic = False
        hits = all_hits[k]
        prohibitions = () if kazakh else _prohibitions(toks, hits, negation_words)
        for s, e, label, concept in hits:
            if label in NEGATABLE and concept not in SELF_NEGATING:
                negated = (is_negated(toks, s, e, lo, hi, label, negation_words, lang,
                                      permissions=lex.permissions) if kazakh
                           else _negated_before(toks, s, lo, negation_words, prohibitions, label))
                if label == "measure" and not negated and concept in GENERIC_MEASURES:
                    generic = True
            elif label == NAME_LABEL:
                (names if names is not None else (names := [])).append(
                    (offset + at[2 * s], offset + at[2 * e - 2] + at[2 * e - 1]))
                continue
            elif label.startswith(CUE_PREFIX):
                cues.add(concept)
                continue
            else:
                negated = False
            found.append((offset + at[2 * s], offset + at[2 * e - 2] + at[2 * e - 1], label,
                          concept, negated))
        if names:
            found = [sp for sp in found if not any(a <= sp[0] and sp[1] <= b for a, b in names)]
            generic = generic and any(sp[2] == "measure" and sp[3] in GENERIC_MEASURES
                                      and not sp[4] for sp in found)
        refs = all_refs[k]
        if refs:
            # the words of a reference name a provision ("Art. 488 Code of Administrative
            # Offences"): "Art." is not the channel "art", the code's title not a penalty
            inside = [(offset + s, offset + e) for s, e, _ in refs]
            found = [sp for sp in found if not any(a <= sp[0] and sp[1] <= b for a, b in inside)]
        for s, e, concept in refs:
            found.append((offset + s, offset + e, "legal_ref", concept, False))
        table = markdown and _is_table_row(document, unit)
        if table:
            found = ()
        elif generic and not _restricts_something(found):
            found = [sp for sp in found
                     if not (sp[2] == "measure" and sp[3] in GENERIC_MEASURES and not sp[4])]
        spans: dict[tuple, Span] = {}
        for ns, ne, label, concept, negated in found:
            # Document.to_original, inlined
            so = offsets[ns]
            eo = offsets[ne - 1] + 1 if ne > ns else so
            key = (so, eo, label, concept)
            if key not in spans:
                span = _new(Span)
                _set(span, "__dict__", {"label": label, "concept": concept, "start": so,
                                        "end": eo, "text": original[so:eo], "negated": negated})
                _set(span, "__pydantic_fields_set__", _SPAN_FIELDS)
                _set(span, "__pydantic_extra__", None)
                _set(span, "__pydantic_private__", None)
                spans[key] = span
        if table:
            kind = "description"
        else:
            imperative = ("demand" not in cues
                          and unit.role in ("title", "paragraph", "sentence", "numbered")
                          and _starts_imperative(lang, toks, lo, hi))
            kind = clause_kind(cues=cues, role=unit.role, doc_kind=doc_kind,
                               starts_imperative=imperative)
        s = offsets[unit.start]
        e = offsets[unit.end - 1] + 1 if unit.end > unit.start else s
        ordered = tuple(spans[key] for key in sorted(spans)) if len(spans) > 1 else tuple(
            spans.values())
        out[u] = _trusted(Clause, {"id": unit.id, "start": s, "end": e, "text": original[s:e],
                                   "language": lang, "kind": kind, "spans": ordered,
                                   "heading": unit.heading})


def _finish(plan: _Plan, clauses_at: dict[int, Clause]) -> Annotated:
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
        clauses.append(clauses_at[i])
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
    with _collector_paused():
        return _run_batch(plans, batch_size)


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while a batch is annotated. A batch allocates
    tens of thousands of small acyclic objects (spans, clauses, tuples), which trigger
    collections that find no garbage but scan every young object and, now and then, the whole
    heap (the loaded pipelines and lemma caches): about a tenth of the annotation's CPU time
    (benchmarks/bench_annotate.py). Reference counting still frees everything at once; any
    cycle made meanwhile is collected after the batch. Nested use and a collector that was
    already off are left as they are."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _run_batch(plans: list[_Plan], batch_size: int) -> list[Annotated]:
    by_lang: dict[str, list[tuple[int, list[int]]]] = defaultdict(list)
    for p_idx, plan in enumerate(plans):
        for lang, unit_ids in _runs(plan):
            by_lang[lang].append((p_idx, unit_ids))
    parts: list[dict[int, Clause]] = [dict() for _ in plans]
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
            _doc_clauses(doc, plans[p], unit_ids, lang, lex, parts[p])
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
