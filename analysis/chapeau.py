"""Read each item of a list together with its chapeau.

Laws and petitions often put the operative words before a list and the objects in its items:

    (1) A local authority shall not—
    (a) intentionally promote homosexuality or publish material with the intention of
        promoting homosexuality;

    Средствам массовой информации запрещается:
    1) распространять информацию, пропагандирующую …;

    We demand:
    (a) a ban on LGBT propaganda;

The item alone describes; with its chapeau ("lead-in" in drafting manuals) it prohibits or
demands. Read alone, such an item is a *description* with no measure, and the prohibition it
carries is missed. :func:`read_under_chapeaus` gives the reasoning a reading copy of each item:
its kind is the chapeau's (a norm, a demand) where the item alone reads as a description, and
its spans include the chapeau's (the ban, the channel, the addressee), so that a finding on
item (a) rests on "shall not" and on "promote homosexuality" and cites both. A chapeau ending
in a negated obligation or a bare prohibition ("shall not—", «не вправе:», «Запрещается:») gets a
``measure``/``ban`` span over those words, since they are the prohibition. Lists may nest (an
item of a sub-list is read with every chapeau above it); an item without a marker that continues
its chapeau in lower case is an item too, also across the omission marks of a quoted excerpt
(«… относится информация: / ... / пропагандирующая …»); a chapeau of exceptions passes nothing,
and one of protected grounds passes only its kind and protective words.

The clauses of the :class:`~analysis.models.Analysis` (what the brief shows and highlights)
are the annotator's, unchanged; only the reasoning reads the copies.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Clause, Span
from .signals import DECLARED_REPEAL, EXCEPTION_WORDS, PROTECTED_HARMS, UNDO_PROVISIONS

_CHAPEAU_END_RE = re.compile(r"[:—–-]\s*$")
_EXCEPTION_RE = re.compile(
    r"\b(?:(?:shall|does|do|will) not (?:apply|extend)|not applicable|except\w*|exempt\w*"
    r"|не (?:распространя|применя|поширю|застосову)\w*|қолданылмайды"
    r"|not (?:be )?(?:regarded|considered|deemed) as|(?:shall|does|do) not constitute"
    r"|not (?:be )?(?:interpreted|construed|understood|read) as"
    r"|не (?:может|могут|должн\w*|можуть|може|повинн\w*) (?:быть )?(?:толковаться|истолкован\w*"
    r"|рассматриваться|тлумачитися|розглядатися) как|не (?:може|можуть) тлумачитися як"
    r"|не (?:является|являются|считается|считаются|признается|признаются|вважається"
    r"|вважаються|є)\b)" + rf"|{EXCEPTION_WORDS}", re.IGNORECASE | re.UNICODE)
"""A chapeau that introduces exceptions ("The prohibition … shall not apply to:", "The following
shall not be regarded as discrimination:"): its items are what the rule does *not* reach."""
_GROUNDS_END_RE = re.compile(
    r"(?:on (?:the )?(?:following )?grounds?(?: of)?|on the basis of|because of|based on"
    r"|by reason of|for (?:the following )?reasons?(?: of)?"
    r"|по (?:следующим )?(?:признак|мотив)\w*|за (?:такими )?ознак\w*|через|залежно від"
    r"|негіздер\w*|белгілер\w*)\s*[:—–-]\s*$", re.IGNORECASE | re.UNICODE)
"""A chapeau whose items are grounds ("shall not discriminate on grounds of:", «не может
отказать … через:»): the items name protected characteristics, not what is banned."""
_PROHIBITION_END_RE = re.compile(
    r"(?:(?<!not )(?<!never )\b(?:prohibited|forbidden)|\bnot (?:be )?(?:permitted|allowed)"
    r"|(?<!не )(?<!ні )\b(?:запрещ\w*|заборон\w*|забороня\w*)"
    r"|\bне допуска\w*|тыйым салынады|жол берілмейді"
    r"|рұқсат етілмейді)(?:\s+(?:to|from))?\s*[:—–-]\s*$", re.IGNORECASE | re.UNICODE)
_NEGATED_OBLIGATION_RE = re.compile(
    r"(?:\b(?:shall|must|may|can)\s+not\b|\bcannot\b|\b(?:is|are)\s+prohibited\s+from\b"
    r"|\bне\s+(?:вправе|может|могут|должн\w*|допуска\w*)"
    r"|\bне\s+(?:має|мають)\s+права\b|\bне\s+(?:може|можуть|повин\w*|допуска\w*))"
    r"[^.;:—–]{0,40}[:—–-]\s*$",
    re.IGNORECASE | re.UNICODE)
_CONDITIONAL_END_RE = re.compile(
    r"\b(?:if|where|when|unless|provided that|если|в случае,? если|когда|при условии,? что|якщо"
    r"|у разі,? якщо|за умови,? що|егер)\s*[:—–-]\s*$", re.IGNORECASE | re.UNICODE)
"""A chapeau that ends in a condition ("… is guilty of an offence if— (a) he intends thereby to
stir up racial hatred"): the offence is the chapeau with one of its items; the chapeau alone
restricts nothing, so its own measures and penalties are read only in its items."""
_UNDO_CHAPEAU_RE = re.compile(
    rf"(?:{UNDO_PROVISIONS}|{DECLARED_REPEAL}"
    r"|\b(?:отменить|исключить|скасувати|виключити)\s+(?:следующие|такі|наступні)\b"
    r")[^:—–]{0,40}[:—–-]\s*$", re.IGNORECASE | re.UNICODE)
"""A chapeau that undoes what its items name ("We want the Government to remove provisions
for:", «Признать утратившими силу:»): the items' measures are what is undone."""
_OPERATIVE_KINDS = ("norm", "demand")
_MARKER_RE = re.compile(
    r"^\s*(\()?(?:(\d{1,3})|([ivx]{1,4})(?=\))|([a-zа-яёіїєґәғқңөұүһ])|([-–—•·*]))([.)])?\s",
    re.IGNORECASE | re.UNICODE)


def _marker_style(text: str) -> tuple[str, str] | None:
    """The style of a clause's list marker: ("digit" | "roman" | "letter" | "bullet", its
    brackets), or None. Items of one list share a style; "(2)" after "(1) … shall not— (a) …
    (b) …" is the next subsection, not an item of (1)."""
    m = _MARKER_RE.match(text)
    if m is None or (m.group(5) is None and m.group(6) is None):
        return None
    kind = ("digit" if m.group(2) else "roman" if m.group(3) else
            "letter" if m.group(4) else "bullet")
    return kind, (m.group(1) or "") + (m.group(6) or "")


def _chapeau_spans(chapeau: Clause) -> tuple[Span, ...]:
    """The chapeau's spans, plus a ban over a trailing negated obligation or prohibition word
    ("shall not—", «Запрещается:», «Мыналарға жол берілмейді:») where no measure was found
    there (a bare «Запрещается:» names nothing, so the annotator keeps no measure)."""
    spans = [s for s in chapeau.spans if s.label != "legal_ref"]
    m = _NEGATED_OBLIGATION_RE.search(chapeau.text) or _PROHIBITION_END_RE.search(chapeau.text)
    if m is not None and not any(s.label == "measure" and not s.negated
                                 and s.start >= chapeau.start + m.start() for s in spans):
        words = m.group(0).rstrip(":—–- \t\n")
        start = chapeau.start + m.start()
        spans.append(Span(label="measure", concept="ban", start=start,
                          end=start + len(words), text=words, negated=False))
    return tuple(spans)


def _operative(chapeau: Clause, spans: Sequence[Span]) -> bool:
    """A chapeau worth carrying into its items: a norm or demand, or one that prohibits.
    Exceptions (:data:`_EXCEPTION_RE`) are not carried; a chapeau that protects or whose items
    are grounds (:data:`_GROUNDS_END_RE`) carries only its kind and protective words."""
    return chapeau.kind in _OPERATIVE_KINDS or any(
        s.label in ("measure", "penalty") and not s.negated for s in spans)


def _chapeau_of(out: Sequence[Clause], j: int, style: tuple[str, str]) -> int | None:
    """Index of the chapeau of item ``j`` (marker ``style``): walking back over its siblings
    (same style) and the sub-items of earlier siblings (other styles), the clause that ends in
    ":" or a dash and is followed by an item of this style. None when a clause without a marker
    that introduces nothing comes first, or there is nothing before."""
    skipped: set[tuple[str, str]] = set()
    for k in range(j - 1, max(-1, j - 1000), -1):
        c = out[k]
        if _OMISSION_RE.match(c.text):
            continue  # a quoted excerpt's "..." between the chapeau and its item 16)
        own = _marker_style(c.text)
        if own == style:
            continue  # an earlier sibling
        after = next(i for i in range(k + 1, j + 1) if i == j or not _OMISSION_RE.match(out[i].text))
        if _CHAPEAU_END_RE.search(c.text) and _marker_style(out[after].text) == style:
            # a clause of the chapeau's own level skipped on the way ("2. The State shall
            # guarantee …, including a) …" after "1. It is prohibited to: a) …") was the
            # item's real parent, which introduces nothing
            return None if own is not None and own in skipped else k
        if own is None:
            return None
        skipped.add(own)
    return None


_OMISSION_RE = re.compile(r"^\W*(?:\.\.\.|…)\W*$|^\s*\[\s*(?:\.\.\.|…)\s*\]\s*$")
"""A clause that only marks an omission ("...", "…", "[...]"), as quoted excerpts have."""
_CONTINUATION_RE = re.compile(r"^\s*[a-zа-яёіїєґәғқңөұүһ]", re.UNICODE)
"""An item without a list marker that continues its chapeau's sentence in lower case
(«… относится информация: … пропагандирующая …»)."""


def _continuation_chapeau(out: Sequence[Clause], j: int) -> int | None:
    """Index of the chapeau of an unmarked item ``j`` that continues it in lower case: walking
    back over omission marks and earlier such items, the clause that ends in ":" or a dash."""
    if not _CONTINUATION_RE.match(out[j].text):
        return None
    for k in range(j - 1, max(-1, j - 200), -1):
        c = out[k]
        if _OMISSION_RE.match(c.text):
            continue
        if _CHAPEAU_END_RE.search(c.text) and _marker_style(c.text) is None:
            return k
        if _marker_style(c.text) is None and _CONTINUATION_RE.match(c.text):
            continue  # an earlier item of the same list
        return None
    return None


def _reading_of(chapeau: Clause) -> tuple[tuple[Span, ...], str] | None:
    """(spans, kind) that a chapeau passes to its items, or None when it passes nothing."""
    exception = None
    for exception in _EXCEPTION_RE.finditer(chapeau.text):
        pass  # the last one
    if exception is not None:
        ban = (_PROHIBITION_END_RE.search(chapeau.text)
               or _NEGATED_OBLIGATION_RE.search(chapeau.text))
        if ban is None or ban.start() <= exception.start():
            # "shall not apply to:"; a saving clause before the ban ("Except as provided in
            # section 7, it is prohibited to:", «За исключением …, запрещается:») does not count
            return None
    spans = _chapeau_spans(chapeau)
    if _GROUNDS_END_RE.search(chapeau.text) or any(
            s.label == "protective" and not s.negated and s.concept in PROTECTED_HARMS
            for s in chapeau.spans):
        # items that are grounds of a protection: the kind and the protective words only
        spans = tuple(s for s in chapeau.spans if s.label == "protective")
    if not _operative(chapeau, spans):
        return None
    return spans, chapeau.kind if chapeau.kind in _OPERATIVE_KINDS else "norm"


def read_under_chapeaus(clauses: Sequence[Clause]) -> list[Clause]:
    """``clauses`` with each list item under a chapeau (a clause ending in ":" or a dash,
    followed by items with one style of list marker; lists may nest, and an item of a sub-list
    is read with both chapeaus) replaced by its reading copy (module docstring). Other clauses,
    and items of a chapeau that introduces exceptions or neither is a norm or demand nor
    prohibits, are returned as they are."""
    out = list(clauses)
    conditional: set[int] = set()
    for j in range(1, len(out)):
        style = _marker_style(out[j].text)
        if style is None:
            k = _continuation_chapeau(out, j)
        else:
            k = _chapeau_of(out, j, style)
            if k is not None and _marker_style(out[k].text) == style:
                continue
        if k is None:
            continue
        if _UNDO_CHAPEAU_RE.search(out[k].text):
            item = out[j]
            out[j] = item.model_copy(update={"spans": tuple(
                s.model_copy(update={"negated": True})
                if s.label in ("measure", "penalty", "vague") else s for s in item.spans)})
            continue
        reading = _reading_of(out[k])  # out[k] is already read with its own chapeau
        if reading is None:
            continue
        spans, kind = reading
        if _CONDITIONAL_END_RE.search(out[k].text):
            conditional.add(k)
        item = out[j]
        out[j] = item.model_copy(update={
            "kind": kind if item.kind == "description" else item.kind,
            "spans": tuple(sorted(set(spans) | set(item.spans),
                                  key=lambda s: (s.start, s.end, s.label, s.concept))),
        })
    for k in conditional:
        chapeau = out[k]
        out[k] = chapeau.model_copy(update={"spans": tuple(
            s for s in chapeau.spans if s.label not in ("measure", "penalty"))})
    return out
