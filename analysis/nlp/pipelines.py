"""spaCy pipelines per language, built once per process.

Each pipeline is a blank spaCy ``Language`` (our own class for Kazakh) with three components
registered by ``@Language.factory`` (scispaCy-style):

- ``petition_lemmatizer``: sets ``token.lemma_`` from :mod:`analysis.nlp.lemmatise`;
- ``span_ruler`` (spaCy's): phrase patterns from ``data/lexicons/<lang>.yaml`` matched on
  ``LEMMA`` (so «пропаганду», «пропаганды» match «пропаганда»), written to
  ``doc.spans["lexicon"]`` with ``label_`` = label and ``id_`` = concept; overlapping spans
  are kept (a SpanGroup, not ``doc.ents``);
- ``legal_refs``: regular expressions from the same file for references to legal provisions
  with their instrument («ст. 20 Конституции», "Article 19 of the ICCPR").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicons"
SPANS_KEY = "lexicon"
CUE_PREFIX = "cue_"


@dataclass(frozen=True)
class Lexicon:
    language: str
    phrases: dict
    cues: dict
    negation: frozenset
    legal_provision: re.Pattern | None
    legal_instruments: tuple  # ((concept, compiled regex), ...)
    legal_window: int
    imperative_first: bool
    imperative_words: frozenset


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
        imperative_first=bool(data.get("imperative_first", False)),
        imperative_words=frozenset(w.lower() for w in data.get("imperative_words") or ()),
    )


def find_legal_refs(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, instrument concept) for each reference to a provision of an instrument.

    A provision ("ст. 20", "Article 19(2)", "14-бабы") followed within ``window`` characters by
    an instrument gives one span from the provision to the instrument; an instrument named
    before the provision (Kazakh genitive «Конституцияның 14-бабы») likewise; an instrument
    named alone (ICCPR, КоАП, a numbered law) is a reference to it.
    """
    inst_hits: list[tuple[int, int, str]] = []
    for concept, rx in lex.legal_instruments:
        for m in rx.finditer(text):
            if m.end() > m.start():
                inst_hits.append((m.start(), m.end(), concept))
    inst_hits.sort()
    out: list[tuple[int, int, str]] = []
    used: set[int] = set()
    if lex.legal_provision is not None:
        for m in lex.legal_provision.finditer(text):
            ps, pe = m.start(), m.end()
            if pe - ps < 2 or not re.search(r"\d", m.group()):
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


def _register_factories() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc, Span  # noqa: F401

    if Language.has_factory("petition_lemmatizer"):
        return

    @Language.factory("petition_lemmatizer", default_config={"lang": "ru"})
    def make_lemmatizer(nlp, name, lang: str):
        from .lemmatise import lemmatiser_for

        return PetitionLemmatizer(lemmatiser_for(lang))

    @Language.factory("legal_refs", default_config={"lang": "ru"})
    def make_legal_refs(nlp, name, lang: str):
        return LegalRefs(load_lexicon(lang))


class PetitionLemmatizer:
    """Sets ``token.lemma_`` with the per-process cached lemma function of the language."""

    def __init__(self, lemma_fn):
        self.lemma_fn = lemma_fn

    def __call__(self, doc):
        fn = self.lemma_fn
        for token in doc:
            token.lemma_ = fn(token.text)
        return doc


class LegalRefs:
    """Adds ``legal_ref`` spans (concept = instrument) to ``doc.spans['lexicon']``."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc):
        hits = find_legal_refs(doc.text, self.lexicon)
        if not hits:
            return doc
        group = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else None
        new = []
        for s, e, concept in hits:
            span = doc.char_span(s, e, label="legal_ref", alignment_mode="expand")
            if span is not None:
                span.id_ = concept
                new.append(span)
        if group is None:
            doc.spans[SPANS_KEY] = new
        else:
            group.extend(new)
        return doc


def _make_blank(lang: str):
    import spacy

    if lang == "kk":
        from .kazakh import kazakh_class

        return kazakh_class()()
    return spacy.blank(lang)


def _patterns(lex: Lexicon) -> list[dict]:
    pats = []
    seen = set()
    for label, concepts in lex.phrases.items():
        for concept, phrases in (concepts or {}).items():
            for phrase in phrases or ():
                key = (label, concept, str(phrase))
                if key not in seen:
                    seen.add(key)
                    pats.append({"label": label, "pattern": str(phrase), "id": concept})
    for cue, phrases in lex.cues.items():
        for phrase in phrases or ():
            pats.append({"label": CUE_PREFIX + cue, "pattern": str(phrase), "id": cue})
    return pats


_PIPELINES: dict[str, object] = {}


def get_pipeline(lang: str):
    """The full annotation pipeline of ``lang`` (built once per process)."""
    nlp = _PIPELINES.get(lang)
    if nlp is None:
        _register_factories()
        nlp = _make_blank(lang)
        nlp.add_pipe("petition_lemmatizer", config={"lang": lang})
        ruler = nlp.add_pipe("span_ruler", config={
            "spans_key": SPANS_KEY, "phrase_matcher_attr": "LEMMA", "validate": False,
            "overwrite": False,
        })
        ruler.add_patterns(_patterns(load_lexicon(lang)))
        nlp.add_pipe("legal_refs", config={"lang": lang})
        _PIPELINES[lang] = nlp
    return nlp


def lemma_only(lang: str):
    """Context manager: the same pipeline with only tokeniser + lemmatiser (benchmarks)."""
    return get_pipeline(lang).select_pipes(enable=["petition_lemmatizer"])
