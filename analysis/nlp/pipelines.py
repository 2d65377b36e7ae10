"""spaCy pipelines per language, built once per process.

Each pipeline is a blank spaCy ``Language`` (our own class for Kazakh) with three components
registered by ``@Language.factory`` (scispaCy-style):

- ``petition_lemmatizer``: sets the LEMMA of every token from :mod:`analysis.nlp.lemmatise`;
- ``lexicon_matcher``: phrase patterns from ``data/lexicons/<lang>.yaml`` matched on ``LEMMA``
  with spaCy's ``PhraseMatcher`` (so «пропаганду», «пропаганды» match «пропаганда»);
  overlapping matches are all kept;
- ``legal_refs``: regular expressions from the same file for references to legal provisions
  with their instrument («ст. 20 Конституции», "Article 19 of the ICCPR").

Clauses. The annotator tokenises a whole run of clauses (a paragraph, usually a whole
document) as one ``Doc`` and tells the components where its clauses are
(:func:`make_clause_doc`); patterns and references are matched inside each clause only, exactly
as if every clause were its own ``Doc``. Results are plain tuples per clause in
``doc.user_data`` (:data:`HITS`, :data:`REFS`); :func:`lexicon_spans` turns them into spaCy
``Span`` objects for interactive use.

Speed (issue 3: annotation at most a third dearer than a bare tokenise + lemmatise pass): the
tokenizer is spaCy's, wrapped so that its chunk cache keeps working
(:class:`ChunkCachedTokenizer`); no component iterates over ``Token`` objects or rebuilds
``doc.text``. Lemmas are set through
``Doc.to_array``/``Doc.from_array`` with a per-process cache from word-form hash to lemma hash;
the PhraseMatcher runs in C over each clause's token range; a reference regex runs only on a
clause that contains one of its trigger substrings (``legal_refs.triggers`` in the lexicon).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicons"
CUE_PREFIX = "cue_"
NAME_LABEL = "name"  # internal: a proper name (organisation, body); spans inside it are dropped
EXACT_MARK = "="  # a phrase written "=forced on" is matched on its exact (lower-cased) word forms


@dataclass(frozen=True)
class Lexicon:
    language: str
    phrases: dict
    cues: dict
    negation: frozenset
    legal_provision: re.Pattern | None
    legal_instruments: tuple  # ((concept, compiled regex), ...)
    legal_window: int
    legal_triggers: dict  # instrument -> substrings, one of which each match contains
    imperative_first: bool
    imperative_words: frozenset
    names: tuple = ()
    short_stem_guard: int = 0
    permissions: frozenset = frozenset()  # Kazakh: a measure starting with one is a negated permission


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """Read and check ``data/lexicons/<lang>.yaml`` (labels/concepts as in CONTRACTS.md)."""
    import yaml

    from ..errors import KnowledgeBaseError
    from ..models import SPAN_LABELS

    path = LEXICON_DIR / f"{lang}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    phrases = data.get("phrases") or {}
    for label in phrases:
        if label not in SPAN_LABELS:
            raise KnowledgeBaseError(f"unknown span label {label!r}", where=str(path),
                                     hint=f"use one of {', '.join(SPAN_LABELS)}")
    refs = data.get("legal_refs") or {}
    instruments = tuple((c, re.compile(rx)) for c, rx in (refs.get("instruments") or {}).items())
    return Lexicon(
        language=lang,
        phrases=phrases,
        cues=data.get("cues") or {},
        negation=frozenset(w.lower() for w in data.get("negation") or ()),
        legal_provision=re.compile(refs["provision"]) if refs.get("provision") else None,
        legal_instruments=instruments,
        legal_window=int(refs.get("window", 80)),
        legal_triggers={c: tuple(str(t) for t in ts)
                        for c, ts in (refs.get("triggers") or {}).items()},
        imperative_first=bool(data.get("imperative_first", False)),
        imperative_words=frozenset(w.lower() for w in data.get("imperative_words") or ()),
        names=tuple(str(n) for n in data.get("names") or ()),
        short_stem_guard=int(data.get("short_stem_guard", 0)),
        permissions=frozenset(w.lower() for w in data.get("permissions") or ()),
    )


_DIGIT = re.compile(r"\d")


def find_legal_refs(text: str, lex: Lexicon, instruments=None) -> list[tuple[int, int, str]]:
    """(start, end, instrument concept) for each reference to a provision of an instrument.

    A provision ("ст. 20", "Article 19(2)", "14-бабы") followed within ``window`` characters by
    an instrument gives one span from the provision to the instrument; an instrument named
    before the provision (Kazakh genitive «Конституцияның 14-бабы») likewise; an instrument
    named alone (ICCPR, КоАП, a numbered law) is a reference to it. Without an instrument there
    is no reference, so the provision pattern runs only after an instrument was found, and an
    instrument's pattern only when one of its trigger substrings occurs (``triggers``).
    ``instruments``: the instruments whose triggers the caller already found in ``text``.
    """
    inst_hits: list[tuple[int, int, str]] = []
    lowered = None
    for concept, rx in lex.legal_instruments:
        triggers = lex.legal_triggers.get(concept)
        if instruments is not None:
            if triggers and concept not in instruments:
                continue
        elif triggers:
            if lowered is None:
                lowered = text.lower()
            if not any(t in (lowered if t.islower() else text) for t in triggers):
                continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                inst_hits.append((m.start(), m.end(), concept))
    if not inst_hits:
        return []
    inst_hits.sort()
    out: list[tuple[int, int, str]] = []
    used: set[int] = set()
    # a provision without a digit is dropped below: a text without digits needs no scan
    if lex.legal_provision is not None and _DIGIT.search(text):
        for m in lex.legal_provision.finditer(text):
            ps, pe = m.start(), m.end()
            if pe - ps < 2 or not _DIGIT.search(text, ps, pe):
                continue
            best = None
            for k, (s, e, c) in enumerate(inst_hits):
                if pe - 1 <= s <= pe + lex.legal_window and ";" not in text[pe:s] and "\n" not in text[pe:s]:
                    best = (k, ps, e, c)
                    break
                if e <= ps and ps - e <= 3:
                    best = (k, s, pe, c)
            if best:
                used.add(best[0])
                out.append((best[1], best[2], best[3]))
    for k, (s, e, c) in enumerate(inst_hits):
        if k not in used and not any(s < oe and os < e for os, oe, _ in out):
            out.append((s, e, c))
    # strip trailing spaces
    return [(s, s + len(text[s:e].rstrip()), c) for s, e, c in out]


CLAUSES = "petition_lens.clauses"  # ((start_char, end_char), ...) of the Doc's clauses
TEXT = "petition_lens.text"  # the Doc's text (``Doc.text`` rebuilds it from the tokens: slow)
TOKENS = "petition_lens.tokens"  # ((start_token, end_token), ...) per clause
HITS = "petition_lens.hits"  # per clause: [(start_token, end_token, label, concept), ...]
REFS = "petition_lens.refs"  # per clause: [(start_char, end_char, instrument), ...]
OFFSETS = "petition_lens.offsets"  # token_offsets(doc): [[start, length], ...] per token


def make_clause_doc(nlp, text: str, clauses=None):
    """A tokenised ``Doc`` of ``text`` whose clauses are the character ranges ``clauses``
    (default: the whole text). Clause boundaries must fall on whitespace (as segmentation
    guarantees), so that the tokens of a clause are the tokens of the clause alone."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT] = text
    doc.user_data[CLAUSES] = tuple(clauses) if clauses is not None else ((0, len(text)),)
    return doc


def doc_text(doc) -> str:
    text = doc.user_data.get(TEXT)
    if text is None:
        text = doc.user_data[TEXT] = doc.text
    return text


def token_offsets(doc):
    """Each token's start and length in the Doc's text (``Doc.to_array([IDX, LENGTH])``, one
    row per token), read once per Doc and kept in ``user_data``: finding the clauses' tokens
    needs the starts, the annotator both (reading an attribute of every token costs about as
    much as the lemma pass's own array round trip)."""
    arr = doc.user_data.get(OFFSETS)
    if arr is None:
        from spacy.attrs import IDX, LENGTH

        arr = doc.user_data[OFFSETS] = doc.to_array([IDX, LENGTH])
    return arr


def clause_token_ranges(doc) -> tuple:
    """Token ranges of the Doc's clauses (cached in ``user_data``)."""
    ranges = doc.user_data.get(TOKENS)
    if ranges is None:
        clauses = doc.user_data.get(CLAUSES) or ((0, len(doc_text(doc))),)
        if len(clauses) == 1 and clauses[0] == (0, len(doc_text(doc))):
            ranges = ((0, len(doc)),)
        else:
            import numpy as np

            idx = token_offsets(doc)[:, 0] if len(doc) else np.zeros(0, dtype="uint64")
            flat = np.array(clauses, dtype="uint64").reshape(-1)
            pos = np.searchsorted(idx, flat, side="left").tolist()
            ranges = tuple(zip(pos[0::2], pos[1::2]))
        doc.user_data[TOKENS] = ranges
    return ranges


def _register_factories() -> None:
    from spacy.language import Language

    if Language.has_factory("petition_lemmatizer"):
        return

    @Language.factory("petition_lemmatizer", default_config={"lang": "ru"})
    def make_lemmatizer(nlp, name, lang: str):
        from .lemmatise import lemmatiser_for

        return PetitionLemmatizer(nlp.vocab, lemmatiser_for(lang))

    @Language.factory("lexicon_matcher", default_config={"lang": "ru"})
    def make_lexicon_matcher(nlp, name, lang: str):
        return LexiconMatcher(nlp, load_lexicon(lang))

    @Language.factory("legal_refs", default_config={"lang": "ru"})
    def make_legal_refs(nlp, name, lang: str):
        return LegalRefs(load_lexicon(lang))


class PetitionLemmatizer:
    """Sets every token's LEMMA with the per-process cached lemma function of the language.

    Works on arrays of string hashes (``Doc.to_array(ORTH)`` -> lemma hashes ->
    ``Doc.from_array(LEMMA)``) with a cache from word-form hash to lemma hash, so a known word
    form costs one dict look-up and no ``Token`` object is created."""

    def __init__(self, vocab, lemma_fn):
        self.strings = vocab.strings
        self.lemma_fn = lemma_fn
        self.cache: dict[int, int] = {}

    def __call__(self, doc):
        if not len(doc):
            return doc
        import numpy as np
        from spacy.attrs import LEMMA, ORTH

        cache = self.cache
        orths = doc.to_array(ORTH).tolist()
        try:
            lemmas = [cache[o] for o in orths]
        except KeyError:
            strings, fn = self.strings, self.lemma_fn
            for o in orths:
                if o not in cache:
                    cache[o] = strings.add(fn(strings[o]))
            lemmas = [cache[o] for o in orths]
        doc.from_array([LEMMA], np.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


def _patterns(lex: Lexicon) -> list[tuple[str, str, str]]:
    """(label, concept, phrase) of every pattern, in file order, without repeats; cue patterns
    get the label ``cue_<name>``."""
    pats = []
    seen = set()
    for label, concepts in lex.phrases.items():
        for concept, phrases in (concepts or {}).items():
            for phrase in phrases or ():
                key = (label, concept, str(phrase))
                if key not in seen:
                    seen.add(key)
                    pats.append(key)
    for cue, phrases in lex.cues.items():
        for phrase in phrases or ():
            pats.append((CUE_PREFIX + cue, cue, str(phrase)))
    for name in lex.names:
        pats.append((NAME_LABEL, NAME_LABEL, name))
    return pats


class LexiconMatcher:
    """Phrase patterns of a language matched on lemmas inside each clause (``HITS``).

    The patterns are lemmatised by the pipeline's own tokenizer and lemmatizer, so the two
    sides always agree (what spaCy's ``SpanRuler`` does with ``phrase_matcher_attr="LEMMA"``).
    Two refinements against lemma/stem collisions, both written in the lexicon:

    - a phrase written ``"=forced on"`` is matched on its exact lower-cased word forms ("came
      into force on" shares the lemmas of "forced on" but not its words);
    - ``short_stem_guard: N`` (Kazakh): a one-word pattern whose stem is shorter than N letters
      matches only a word that begins with the pattern word, and a pattern in capitals (an
      abbreviation) only a word in capitals: the stem «бақ» of «БАҚ» (mass media) is also the
      stem of «бақылау» (control), «жас» of «жастар» (youth) also of «жасау» (to make).
    """

    def __init__(self, nlp, lexicon: Lexicon):
        from spacy.matcher import PhraseMatcher

        lemmatizer = nlp.get_pipe("petition_lemmatizer")
        self.matcher = PhraseMatcher(nlp.vocab, attr="LEMMA", validate=False)
        self.exact = PhraseMatcher(nlp.vocab, attr="LOWER", validate=False)
        self.keys: dict[int, tuple[str, str, str | None]] = {}
        strings = nlp.vocab.strings
        for label, concept, phrase in _patterns(lexicon):
            if phrase.startswith(EXACT_MARK):
                key = f"{label}|{concept}"
                self.keys[strings.add(key)] = (label, concept, None)
                pattern = nlp.make_doc(phrase[len(EXACT_MARK):].strip())
                if len(pattern):
                    self.exact.add(key, [pattern])
                continue
            pattern = lemmatizer(nlp.make_doc(phrase))
            guard = None
            if (lexicon.short_stem_guard and len(pattern) == 1
                    and len(pattern[0].lemma_) < lexicon.short_stem_guard):
                guard = phrase if phrase.isupper() else phrase.lower()
            key = f"{label}|{concept}" + (f"|{guard}" if guard else "")
            self.keys[strings.add(key)] = (label, concept, guard)
            if len(pattern):
                self.matcher.add(key, [pattern])

    def __call__(self, doc):
        from bisect import bisect_right

        keys = self.keys
        ranges = clause_token_ranges(doc)
        hits: list[list] = [[] for _ in ranges]
        # one matcher pass over the whole Doc; a match counts for the clause that holds all its
        # tokens (the matcher tries every start, so these are exactly the per-clause matches;
        # one terminal per pattern key and token path, so there are no duplicates)
        starts = [a for a, _ in ranges]
        matches = self.matcher(doc)
        if len(self.exact):
            matches += self.exact(doc)
        for key, s, e in matches:
            k = bisect_right(starts, s) - 1
            if k >= 0 and e <= ranges[k][1] and e > s:
                label, concept, guard = keys[key]
                if guard is not None:
                    word = doc[s].text
                    if not (word if guard.isupper() else word.lower()).startswith(guard):
                        continue
                hits[k].append((s, e, label, concept))
        doc.user_data[HITS] = hits
        return doc


class LegalRefs:
    """References to legal provisions with their instrument inside each clause (``REFS``):
    character ranges expanded to whole tokens, with the instrument as concept."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.triggers = tuple((c, t) for c, ts in lexicon.legal_triggers.items() for t in ts)
        # an instrument without triggers must be looked for in every clause
        self.untriggered = any(not lexicon.legal_triggers.get(c) for c, _ in lexicon.legal_instruments)

    def _triggered(self, text: str, clauses) -> dict[int, set]:
        """Clause index -> instruments whose trigger occurs inside that clause (one ``find``
        pass per trigger over the whole text instead of a check per clause). An all-lower-case
        trigger is looked for in the lower-cased text, any other as written."""
        from bisect import bisect_right

        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter whose lower case is longer
            return {k: {c for c, t in self.triggers
                        if t in (text[cs:ce].lower() if t.islower() else text[cs:ce])}
                    for k, (cs, ce) in enumerate(clauses)}
        starts = [cs for cs, _ in clauses]
        found: dict[int, set] = {}
        for concept, trigger in self.triggers:
            where = lowered if trigger.islower() else text
            i = where.find(trigger)
            while i != -1:
                k = bisect_right(starts, i) - 1
                if k >= 0 and i + len(trigger) <= clauses[k][1]:
                    found.setdefault(k, set()).add(concept)
                    # one occurrence per clause is enough: go on after the clause
                    i = where.find(trigger, clauses[k][1])
                else:
                    i = where.find(trigger, i + 1)
        return found

    def __call__(self, doc):
        lex = self.lexicon
        text = doc_text(doc)
        clauses = doc.user_data.get(CLAUSES) or ((0, len(text)),)
        refs: list[list] = [[] for _ in clauses]
        found = self._triggered(text, clauses)
        # only clauses with a trigger can hold a reference (unless an instrument has none)
        for k in range(len(clauses)) if self.untriggered else found:
            cs, ce = clauses[k]
            instruments = found.get(k)
            for s, e, concept in find_legal_refs(text[cs:ce], lex, instruments or set()):
                span = doc.char_span(cs + s, cs + e, alignment_mode="expand")
                if span is not None:
                    refs[k].append((span.start_char, span.end_char, concept))
        doc.user_data[REFS] = refs
        return doc


def lexicon_spans(doc) -> list:
    """The matches of a processed Doc as spaCy ``Span`` objects (label = span label,
    ``id_`` = concept), for interactive use and tests."""
    from spacy.tokens import Span

    out = [Span(doc, s, e, label=label, span_id=concept)
           for clause in doc.user_data.get(HITS, ()) for s, e, label, concept in clause]
    for clause in doc.user_data.get(REFS, ()):
        for s, e, concept in clause:
            span = doc.char_span(s, e, label="legal_ref")
            span.id_ = concept
            out.append(span)
    return out


class ChunkCachedTokenizer:
    """spaCy's tokenizer with its chunk cache kept working.

    spaCy's ``Tokenizer`` caches the tokens of each whitespace-separated chunk, but once a
    chunk of a text is a special case («г.», "e.g.", "'s") it stops caching for the rest of
    that text (the ``has_special`` flag of ``Tokenizer._tokenize_affixes`` is per text and never
    reset; spaCy 3.8), and it caches at most ``max_cache_size`` (10,000) chunks. On English
    legal prose about three chunks in four were split again by the affix rules on every text:
    most of the tokenising time of annotation and of screening.

    This wrapper tokenises each chunk not seen before on its own first, which caches it, then
    tokenises the text. The tokens are the same (a chunk's tokens depend on the chunk alone;
    tests/test_tokenizer_cache.py compares on every real text); the chunk cache and the record
    of chunks seen are flushed together when they reach ``limit`` so memory stays bounded.
    Everything else (``explain``, ``vocab``, special cases) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer, limit: int = 100_000):
        self.tokenizer = tokenizer
        self.limit = limit
        self._seen: set[str] = set()
        tokenizer.max_cache_size = max(int(tokenizer.max_cache_size), limit)

    def __call__(self, text: str):
        tok = self.tokenizer
        new = set(text.split())
        new.difference_update(self._seen)
        if new:
            if len(self._seen) + len(new) > self.limit:
                tok._flush_cache()
                self._seen.clear()
            for chunk in new:
                tok(chunk)
            self._seen |= new
        return tok(text)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not yet set (copying, unpickling)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


def _make_blank(lang: str):
    """A blank pipeline of ``lang`` (our own class for Kazakh) with :class:`ChunkCachedTokenizer`."""
    import spacy

    if lang == "kk":
        from .kazakh import kazakh_class

        nlp = kazakh_class()()
    else:
        nlp = spacy.blank(lang)
    from spacy.util import compile_infix_regex

    # a quote opened right after a hyphen is its own token: anti-"LGBTQI Propaganda" Law,
    # анти-«ЛГБТ» (the quotes are normalised to '"' before tokenising)
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, r'(?<=\w-)["«“„](?=\w)']).finditer
    nlp.tokenizer = ChunkCachedTokenizer(nlp.tokenizer)
    return nlp


_PIPELINES: dict[str, object] = {}


def get_pipeline(lang: str):
    """The full annotation pipeline of ``lang`` (built on first use, once per process)."""
    nlp = _PIPELINES.get(lang)
    if nlp is None:
        _register_factories()
        nlp = _make_blank(lang)
        nlp.add_pipe("petition_lemmatizer", config={"lang": lang})
        nlp.add_pipe("lexicon_matcher", config={"lang": lang})
        nlp.add_pipe("legal_refs", config={"lang": lang})
        _PIPELINES[lang] = nlp
    return nlp


def lemma_only(lang: str):
    """Context manager: the same pipeline with only tokeniser + lemmatiser (benchmarks)."""
    return get_pipeline(lang).select_pipes(enable=["petition_lemmatizer"])
