"""Lemmatisers: pymorphy3 for Russian and Ukrainian, lookup + suffix rules for English,
suffix-aware stems for Kazakh. One per-process cache per language (word form -> lemma).

Why not spaCy's own lemmatiser: in ``pymorphy3`` mode without a tagger spaCy leaves about one
word in ten unlemmatised («права», «Запрет»), and lemma phrase patterns then miss. We take the
normal form of pymorphy3's first (most probable) parse instead, which is what spaCy would use
with a perfect tagger in most cases. Patterns are lemmatised by the same function, so the two
sides always agree.
"""
from __future__ import annotations

import re
from functools import lru_cache

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")

_MORPH: dict[str, object] = {}


def morph_analyzer(lang: str):
    """The pymorphy3 analyser for ``ru`` or ``uk``, built once per process."""
    if lang not in _MORPH:
        import pymorphy3

        _MORPH[lang] = pymorphy3.MorphAnalyzer(lang=lang)
    return _MORPH[lang]


def pymorphy_lemmatiser(lang: str):
    """Return a cached ``word -> lemma`` function for ``ru``/``uk``."""
    morph = morph_analyzer(lang)
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        low = word.lower()
        hit = cache.get(low)
        if hit is None:
            if _CYRILLIC.search(low):
                hit = morph.parse(low)[0].normal_form.replace("ё", "е")
            elif _LETTER.search(low):
                hit = english_lemma(low)
            else:
                hit = low
            cache[low] = hit
        return hit

    return lemma


@lru_cache(maxsize=50_000)
def is_infinitive_or_imperative(lang: str, word: str) -> bool:
    """True when the first parse of ``word`` is an infinitive or an imperative («Запретить»)."""
    low = word.lower()
    tag = str(morph_analyzer(lang).parse(low)[0].tag)
    if "INFN" in tag or "impr" in tag:
        return True
    # the Ukrainian dictionaries tag infinitives as a bare VERB (no person, tense or mood)
    return lang == "uk" and tag.startswith("VERB") and low.endswith(("ти", "ть", "тися", "тись"))


# --------------------------------------------------------------------------- English

_EN_IRREGULAR = {
    "children": "child", "men": "man", "women": "woman", "people": "person", "persons": "person",
    "was": "be", "were": "be", "is": "be", "are": "be", "been": "be", "being": "be", "am": "be",
    "has": "have", "had": "have", "having": "have", "does": "do", "did": "do", "done": "do",
    "said": "say", "made": "make", "taken": "take", "took": "take", "given": "give",
    "gave": "give", "written": "write", "wrote": "write", "shown": "show", "held": "hold",
    "brought": "bring", "sought": "seek", "thought": "think", "taught": "teach", "led": "lead",
    "media": "media", "data": "data", "criteria": "criterion", "phenomena": "phenomenon",
    "minors": "minor", "laws": "law", "news": "news", "analyses": "analysis", "bases": "basis",
    "this": "this", "his": "his", "its": "its", "has": "have", "gas": "gas", "bus": "bus",
    "us": "us", "as": "as", "less": "less", "unless": "unless", "various": "various",
    "against": "against", "towards": "toward", "always": "always", "perhaps": "perhaps",
    "lesbian": "lesbian", "lesbians": "lesbian", "gays": "gay", "feet": "foot", "mice": "mouse",
    "lives": "life", "wives": "wife", "ousted": "oust", "banned": "ban", "barred": "bar",
}
_EN_KEEP_S = ("ss", "us", "is", "ous", "ics")


@lru_cache(maxsize=200_000)
def english_lemma(word: str) -> str:
    """Lookup table of irregular forms, then suffix rules (-s/-es/-ies, -ing, -ed, -ly) and a
    dropped final -e, so that every inflection of a word maps to the same key
    ("promote", "promotes", "promoting", "promoted" -> "promot")."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    hit = _EN_IRREGULAR.get(w)
    if hit is not None:
        return _drop_e(hit)
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(_EN_KEEP_S):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = _undouble(w[:-3])
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ed") and len(w) > 4:
        w = _undouble(w[:-2])
    return _drop_e(w)


def _undouble(stem: str) -> str:
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        return stem[:-1]
    return stem


def _drop_e(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("e") and not w.endswith("ee") else w


def kazakh_lemmatiser():
    """``word -> stem`` for Kazakh; Russian loanwords inside Kazakh text are stemmed alike."""
    from .kazakh import kazakh_stem

    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        hit = cache.get(word)
        if hit is None:
            low = word.lower()
            if _CYRILLIC.search(low):
                hit = kazakh_stem(low)
            elif _LETTER.search(low):
                hit = english_lemma(low)
            else:
                hit = low
            cache[word] = hit
        return hit

    return lemma


def english_lemmatiser():
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        hit = cache.get(word)
        if hit is None:
            hit = english_lemma(word) if _LETTER.search(word) else word.lower()
            cache[word] = hit
        return hit

    return lemma


_LEMMATISERS: dict[str, object] = {}


def lemmatiser_for(lang: str):
    """The per-process cached lemma function of a language."""
    fn = _LEMMATISERS.get(lang)
    if fn is None:
        if lang in ("ru", "uk"):
            fn = pymorphy_lemmatiser(lang)
        elif lang == "kk":
            fn = kazakh_lemmatiser()
        else:
            fn = english_lemmatiser()
        _LEMMATISERS[lang] = fn
    return fn
