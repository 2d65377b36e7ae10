"""Read a petition's report of past events as a report, not as a rule it asks for.

A petition often tells what happened before it says what it wants:

    In 2017 the police detained gay men because of their sexual orientation. We ask the
    Prosecutor General to investigate.

    В Чечне задержали и пытали десятки мужчин. Просим возбудить уголовное дело.

Read alone, the first sentence is a detention on the ground of sexual orientation, which is
what the reasoning tests a rule for. It is a report of acts done, in the past tense; the
petition asks for something else, and that is what it is assessed for (its demands, and its
subject under the petitions law: :func:`analysis.reasoning._asked`). A rule restricts in the
present or the future ("is prohibited", «запрещается», "shall be fined"): a law's text is read
as it stands, and so is a description in the present tense («Нашим детям навязывается …»).

:func:`read_reported_events` gives the reasoning a reading copy of each such report, with its
measures and penalties marked as negated, in a text that asks for something: a petition or an
appeal with at least one demand. It leaves everything as it stands when a demand points back to
what was reported ("adopt a similar law", «принять такой же закон»): the report is then what
the petition asks for. The clauses the brief shows are unchanged.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Clause
from .nlp.lemmatise import morph_analyzer
from .signals import UNDO_WORDS

_LEGAL_KINDS = frozenset({"law", "bill", "code", "statute", "decree", "regulation"})
"""Document kinds whose text is the rule itself: nothing in them is a report."""
_BACK_REFERENCE_RE = re.compile(
    r"\b(?:similar|the same|likewise|example|copy|this law|such a law|такой же|такого же"
    r"|такой закон|этот закон|то же самое|аналогичн\w*|подобн\w*|примеру|такий самий"
    r"|такого самого|такий закон|цей закон|те саме|аналогічн\w*|подібн\w*|прикладом|прикладу"
    r"|осындай|сондай)\b", re.IGNORECASE | re.UNICODE)
_UNDOING_RE = re.compile(
    rf"\b(?:{UNDO_WORDS}|abolish\w*|lift\w*|overturn\w*|revers\w*|withdraw\w*|cancel\w*"
    r"|отмен\w*|снять|снимите|отозва\w*|скасу\w*|відклик\w*|зняти|жою\w*|not to|не)\b",
    re.IGNORECASE | re.UNICODE)
"""A demand that undoes or refuses what was reported ("repeal this law", «не запрещать её»)
points back to it only to oppose it."""
_RESTRICT_PRONOUN_RE = re.compile(
    r"\b(?:запрет\w*|запрещ\w*|забор\w*|огранич\w*|обмеж\w*|ban|bans|prohibit\w*|restrict\w*"
    r"|outlaw\w*|criminali[sz]e)\s+(?:её|его|их|її|його|it|them|this|это|це)\b",
    re.IGNORECASE | re.UNICODE)
"""A demand to restrict what was reported, by a pronoun: «запретить её», "ban it" (the
annotator keeps no ban without a named object, so the text itself is read)."""
"""A demand that asks for what was reported, or more of it ("adopt a similar law", "follow
Hungary's example", "do it too", «принять такой же закон», «запретить её и среди взрослых»)."""
_PAST_AUXILIARY = frozenset({"был", "была", "было", "были", "був", "була", "було", "були"})
"""Before a short participle, the past: «была запрещена» reports; «должна быть запрещена»,
«запрещена законом» state a rule."""
_EN_PAST_RE = re.compile(r"\w(?:ed|wn|ught|ade)$", re.IGNORECASE)
_EN_NOT_PAST_BEFORE = frozenset({
    "be", "is", "are", "am", "shall", "will", "would", "may", "might", "must", "should", "can",
    "could", "cannot", "to", "not", "never", "get", "gets", "becomes", "become"})
"""Words before an English "-ed" form that make it a rule or a wish ("shall be detained", "is
banned", "must be fined"), not a report ("the police detained", "were detained")."""
_EN_PAST_AUXILIARIES = frozenset({"was", "were", "had", "has", "have", "been", "being"})
"""Before an "-ed" form, a report of what was or is being done ("were detained", "are being
detained": no rule is worded in the progressive)."""
_RESTRICTING = frozenset({"measure", "penalty"})


def read_reported_events(clauses: Sequence[Clause], doc_kind: str | None) -> list[Clause]:
    """``clauses`` with each report of past events (module docstring) replaced by a reading copy
    whose measures and penalties are negated; other clauses as they are."""
    out = list(clauses)
    if (doc_kind or "").lower() in _LEGAL_KINDS:
        return out
    demands = [c for c in out if c.kind == "demand"]
    if not demands or any(_points_back(c) for c in demands):
        return out
    for j, clause in enumerate(out):
        if clause.kind == "demand":
            continue  # «В 2013 году запретили …» reads as a norm by its verb: a report too
        live = [s for s in clause.spans if s.label in _RESTRICTING and not s.negated]
        if live and all(_in_the_past(clause, s.start, s.end) for s in live):
            out[j] = clause.model_copy(update={"spans": tuple(
                s.model_copy(update={"negated": True}) if s.label in _RESTRICTING else s
                for s in clause.spans)})
    return out


def _points_back(demand: Clause) -> bool:
    """Whether a demand asks for what was reported (:data:`_BACK_REFERENCE_RE`), or restricts it
    by a pronoun («запретить её и среди взрослых»); "investigate it" asks for no restriction."""
    if _UNDOING_RE.search(demand.text):
        return False
    return bool(_BACK_REFERENCE_RE.search(demand.text) or _RESTRICT_PRONOUN_RE.search(demand.text))


def _in_the_past(clause: Clause, start: int, end: int) -> bool:
    """Whether the words ``start:end`` of ``clause`` say what was done: a Russian or Ukrainian
    verb or participle in the past tense («задержали», «заборонили»), an English past form after
    a subject or a past auxiliary ("the police detained", "were fined")."""
    text = clause.text[start - clause.start:end - clause.start]
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    if not words:
        return False
    if clause.language in ("ru", "uk"):
        tag = morph_analyzer(clause.language).parse(words[0].lower())[0].tag
        if "past" not in tag:
            return False
        if "VERB" in tag:
            return True
        before = re.findall(r"[^\W\d_]+", clause.text[:start - clause.start])
        return "PRTS" in tag and bool(before) and before[-1].lower() in _PAST_AUXILIARY
    if clause.language == "en":
        # the verb of the span: its first word ("refused permission") or its last ("were
        # detained" has only one)
        last = words[0] if _EN_PAST_RE.search(words[0]) else words[-1]
        if not _EN_PAST_RE.search(last):
            return False
        before = re.findall(r"[^\W\d_][\w'’-]*", clause.text[:start - clause.start])
        prev = before[-1].lower() if before else ""
        return prev in _EN_PAST_AUXILIARIES or (bool(prev) and prev not in _EN_NOT_PAST_BEFORE)
    return False
