"""Read an operative clause together with the definitions of the terms it uses.

Statutes put the scope of an offence in a definition and the penalty in another clause:

    "Adult cabaret entertainment" means adult-oriented performances … that feature … male or
    female impersonators … harmful to minors.
    It is an offense for a person to perform adult cabaret entertainment on public property.

    1) пропаганда нетрадиционных сексуальных отношений – распространение информации …
    Пропаганда нетрадиционных сексуальных отношений среди несовершеннолетних влечёт штраф.

Read alone, the offence names no group and no vague term, and the definition restricts nothing;
the legality test ("provided by law", precise enough: CCPR/C/GC/34 para 25) and the
non-discrimination tests need both. :func:`read_with_definitions` gives the reasoning a
reading copy of each operative clause (a measure or a penalty) that uses a defined term, with
the group and vague-term spans of the term's definition added, as a chapeau's spans are added
to its items (:mod:`analysis.chapeau`). A definition of a protective harm ("'discrimination'
means …") passes nothing, nor do the groups of a definition that names a harm ("'hatred' means
hatred against a group … on account of their race …") or that it shields
(:func:`analysis.signals.shielded_groups`). The clauses the
brief shows are unchanged.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Clause
from .signals import HARM_RE, defines_a_harm, protects_a_practice, shielded_groups

_LEAD_IN = (r"^\W{0,3}(?:\d{1,3}(?:-\d{1,2})?[.)]\s*|\(\w{1,4}\)\s*)?"
            r"(?:(?:as used in|for the purposes? of|in|для целей|в целях|для цілей|у цьому|в настоящем"
            r"|в цьому|осы)\b[^,:\"«“]{0,60}?[,:]?\s*)?")
"""A list marker, and a lead-in naming where the definition applies ("As used in this section,",
«Для целей настоящей статьи», «Для цілей цього Закону»)."""
_QUOTED_TERM_RE = re.compile(
    _LEAD_IN + r"[\"«“']([^\"»”']{3,80})[\"»”']\s*"
    r"(?:\([^)]{0,60}\)\s*)?(?:means\b|shall mean\b|includes\b|is defined as\b|refers to\b"
    r"|[-–—]|означа\w*|понима\w*|розумі\w*|дегеніміз\b)", re.IGNORECASE | re.UNICODE)
_UNDER_TERM_RE = re.compile(
    _LEAD_IN + r"(?:под|під)\s+([\w\s-]{3,80}?)\s+(?:понима\w*|розумі\w*)",
    re.IGNORECASE | re.UNICODE)
_LISTED_TERM_RE = re.compile(
    r"^\s*\d{1,3}(?:-\d{1,2})?\)\s*([^\W\d][\w\s-]{2,80}?)\s+[–—-]\s+\S", re.UNICODE)
"""A term defined in a statute's list of definitions: «1) пропаганда … – распространение …»,
"(a) "material" means …", «под пропагандой понимается …»."""
_PASSED = frozenset({"group", "vague"})


def defined_term(clause: Clause) -> str | None:
    """The term a definition clause defines, lowercased, or None."""
    for rx in (_QUOTED_TERM_RE, _UNDER_TERM_RE, _LISTED_TERM_RE):
        m = rx.match(clause.text)
        if m is not None:
            term = " ".join(m.group(1).split()).lower()
            if len(term) >= 3:
                return term
    return None


def _word_pattern(word: str) -> str:
    """A word in its inflections: a long word by all but its last three letters and up to five
    more («пропаганда» -> «пропаганду», "entertainment" -> "entertainments"); a short one
    whole, less a final vowel, and up to two more ("sect" -> "sects", not "section")."""
    if len(word) > 6:
        return re.escape(word[:len(word) - 3]) + r"\w{0,5}"
    stem = word[:-1] if len(word) > 3 and word[-1] in "аеиоуыэюяіїєaeiouy" else word
    return re.escape(stem) + r"\w{0,2}"


def _term_pattern(term: str) -> re.Pattern[str]:
    """The term in any inflection, as whole words."""
    words = [_word_pattern(w) for w in term.split()]
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"\b", re.IGNORECASE | re.UNICODE)


def _operative(clause: Clause) -> bool:
    """A clause that restricts: a measure or penalty, and no protective words or act against a
    practice («воспрепятствование деятельности религиозной организации» protects it)."""
    return (any(s.label in ("measure", "penalty") and not s.negated for s in clause.spans)
            and not any(s.label == "protective" and not s.negated for s in clause.spans)
            and not protects_a_practice(clause))


def read_with_definitions(clauses: Sequence[Clause]) -> list[Clause]:
    """``clauses`` with each operative clause that uses a defined term replaced by a reading
    copy that also carries the definition's group and vague-term spans (module docstring)."""
    out = list(clauses)
    definitions: list[tuple[re.Pattern[str], int, tuple]] = []
    for j, clause in enumerate(out):
        if not clause.spans or defines_a_harm(clause):
            continue
        term = defined_term(clause)
        if term is None:
            continue
        # a definition of a harm names the people it protects ("'hatred' means hatred
        # against a group of persons on account of their race …"): its groups pass nothing
        harm = HARM_RE.search(clause.text) is not None
        shielded = shielded_groups(clause)
        passed = tuple(s for s in clause.spans if s.label in _PASSED and not s.negated
                       and (s.start, s.end) not in shielded
                       and not (harm and s.label == "group"))
        if passed and not any(s.label == "protective" and not s.negated for s in clause.spans):
            definitions.append((_term_pattern(term), j, passed))
    if not definitions:
        return out
    for j, clause in enumerate(out):
        if not _operative(clause):
            continue
        extra = [s for rx, k, passed in definitions if k != j and rx.search(clause.text)
                 for s in passed]
        if extra:
            out[j] = clause.model_copy(update={"spans": tuple(sorted(
                set(clause.spans) | set(extra), key=lambda s: (s.start, s.end, s.label, s.concept)))})
    return out
