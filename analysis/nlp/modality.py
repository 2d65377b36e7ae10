"""Negation and modality: is a span negated, and is a clause a demand, a description or a norm.

Rules (documented so a lawyer can check them):

- A measure, penalty or expression span is *negated* when a negation word of its language
  («не», «ні», "not", "no", "never") stands at most three tokens before it without punctuation
  in between («не запрещается», "shall not be prohibited", «не содержат уголовно наказуемого
  деяния»), or, in Kazakh, when the span or the next two tokens carry the negative suffix
  (-ма/-ме/-ба/-бе/-па/-пе + person/tense endings) or are followed by «емес»/«жоқ»
  («тыйым салынбайды»). Protective spans are never flipped: «не допускается дискриминация» is a
  prohibition of discrimination, i.e. protection (CONTRACTS.md).
- Clause kind: ``demand`` when the clause carries a demand cue («требуем», "calls for", «мы
  против», "we want") or, outside laws and bills, starts with an infinitive/imperative
  («Запретить пропаганду», "Require 20mph ..."); ``norm`` when it carries a norm cue
  («запрещается», «влечет», "shall", "is prohibited") or is a numbered unit of a law/bill;
  otherwise ``description`` (a petition's narrative «нашим детям навязывается …»). A petition's
  clauses are never norms: a norm cue inside a petition describes the law it wants.
"""
from __future__ import annotations

import re

NEGATABLE = frozenset({"measure", "penalty", "expression"})
_KK_NEG = re.compile(r"(?:ма|ме|ба|бе|па|пе)(?:й|с|ған|ген|у|уы|уі|йды|йді|ды|ді|сын|сін|ңыз|ңдар|йтын|йтін|лы|лі|уға|уге)\w*$")
_KK_MA_NOUNS = re.compile(
    r"^(?:сараптама|жарнама|норма|тізбе|бағдарлама|хабарлама|нұсқама|тұжырымдама|анықтама"
    r"|ережеме)", re.IGNORECASE | re.UNICODE)
"""Kazakh nouns that end in -ма/-ме/-ба/-бе before their case ending («сараптамасының», «жарнамасына»,
«нормасы», «бағдарламасы»: expert review, advertising, norm, programme): their syllable is part of
the word, not the negative suffix of a verb."""


def _kk_negative(low: str) -> bool:
    """Whether a Kazakh word form carries the negative suffix (:data:`_KK_NEG`), not a noun's
    own -ма (:data:`_KK_MA_NOUNS`)."""
    return len(low) > 5 and _KK_NEG.search(low[3:]) is not None and not _KK_MA_NOUNS.match(low)


_KK_POSTPOSITIONS = frozenset({"арқылы", "жолымен", "үшін", "сияқты", "ретінде"})
PUNCT_STOPS = frozenset(",;:()\"-")  # also tokens spaCy does not flag as punctuation


def is_negated(toks, start: int, end: int, lo: int, hi: int, label: str, negation: frozenset,
               lang: str, permissions: frozenset = frozenset()) -> bool:
    """See module docstring. ``toks`` gives ``word(i)`` and ``is_punct(i)`` of the tokens; the
    span is tokens ``[start, end)`` of a clause whose tokens are ``[lo, hi)``.

    ``permissions`` (Kazakh): words of permission («жол», «рұқсат»). A measure span that begins
    with one is a negated permission, «жол берілмейді» ("is not allowed"), that is, a
    prohibition: its own negative suffix is its meaning, not a negation of it."""
    if label not in NEGATABLE:
        return False
    if lang == "kk":
        if label == "measure" and toks.word(start).lower() in permissions:
            # «жол берілмейді» prohibits; «жол беріледі» ("is allowed") is a negated prohibition
            refused = any(_kk_negative(low)
                          for low in (toks.word(i).lower() for i in range(start + 1, end)))
            return not refused or (end < hi and toks.word(end).lower() in negation)
        # Kazakh negation is postpositive: «дәстүрлі емес», «салынбайды»
        if end < hi and toks.word(end).lower() in negation:
            return True
        for i in range(end - 1, min(end + 1, hi)):
            low = toks.word(i).lower()
            if _kk_negative(low):
                return True
        # «цензура мен қудалау арқылы емес, білім арқылы» ("not through censorship but through
        # education"): «емес» after a postposition negates the phrase before it
        for i in range(end, min(end + 7, hi - 1)):
            word = toks.word(i)
            if word in PUNCT_STOPS or toks.is_punct(i):
                break
            if word.lower() in _KK_POSTPOSITIONS and toks.word(i + 1).lower() in negation:
                return True
        return False
    i = start - 1
    steps = 0
    while i >= lo and steps < 3:
        word = toks.word(i)
        if word in PUNCT_STOPS or toks.is_punct(i):
            break
        low = word.lower()
        if low in negation or low == "n't":
            return True
        i -= 1
        steps += 1
    return False


def clause_kind(*, cues: set[str], role: str, doc_kind: str | None, starts_imperative: bool) -> str:
    """``demand`` | ``description`` | ``norm`` (see module docstring)."""
    legal = doc_kind in ("law", "bill")
    petition = doc_kind == "petition"
    if "demand" in cues and not (legal and "norm" in cues):
        return "demand"
    if starts_imperative and role != "heading":
        return "norm" if legal else "demand"
    if "norm" in cues and not petition:
        return "norm"
    if "norm" in cues and role == "title":
        # a petition's title names what it asks in a verbal noun: «… тыйым салу» ("banning
        # …"), which shares its stem with the statute's «тыйым салынады»
        return "demand"
    if legal and role in ("numbered", "paragraph", "sentence"):
        return "norm"
    return "description"
