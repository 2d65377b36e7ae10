"""From annotated clauses to findings a lawyer could sign (DESIGN.md, "Reasoning, in legal terms").

Every test of every provision in force on ``as_of`` is asked of every clause (a ``Finding``
each), then of the instrument as a whole (``clause_id == "document"``), so that what was checked
and *not* raised is on the record too ("Art. 26 checked: no differential treatment found").

How a raised test becomes a status (the test's ``conditions`` say *whether* it is raised):

- limitation tests (legality, legitimate aim, necessity/proportionality, non-discrimination,
  Constitution art. 20(3)'s closed list, admissibility, precedent): raised -> ``conflict``;
  except necessity without a defect on the text's face: a list of channels, criminal liability
  or a prison term alone is a ``concern`` (the State must show necessity: GC34 para 35),
  and speech on the closed list (ICCPR art. 20, Constitution art. 20(3)) without a defect is
  ``compatible``, whatever the penalty: the Covenant itself requires its prohibition "by law"
  (GC34 paras 50-52; :data:`ON_LIST_SIGNAL`);
- treaty priority (Constitution art. 4(3)) is a ``conflict`` only where the clause conflicts
  with the Covenant (an ICCPR conflict on the same clause), a ``concern`` for a defect without
  one, else ``compatible``: engaging a right is not conflicting with the treaty;
- engagement tests say a right is interfered with. The interference is a ``conflict`` when the
  same clause shows a defect that no justification can cure: a vague term (not "provided by
  law": CCPR/C/GC/34 para 25), a distinction on a status (art. 26), an explicitly unlimited ban
  or prior restraint (GC34 paras 34-35; Constitution art. 20(1) "censorship is prohibited");
  without such a defect it is ``compatible`` (engaged; the justification tests decide);
- art. 24 (measures of protection for children) and ICCPR art. 20 (what States must prohibit)
  never conflict by themselves: they are ``concern`` with a defect, else ``compatible``.

Not raised: ``compatible`` where the clause engages a right the provision protects (a
protective equality clause under art. 26), else ``not_engaged``. Thin evidence (fragments,
paraphrase) lowers confidence; a document with no signal at all on thin evidence is
``needs_review``, never a confident "compatible". A provision whose text in force on ``as_of``
is missing from the knowledge base (the 2026 Constitution) gives ``needs_review`` findings that
say so, never silently the older text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from .errors import TextUnavailableError
from .models import (
    STATUS_SEVERITY_ORDER, Admissibility, AuthorityRef, Clause, Finding, Provision, Span, Test,
)
from .signals import (
    CONDITION_KEYS, clause_evidence, completeness_of, condition_names, conditions_hold,
    defines_scope, document_signals, evidence_of, shielded_groups, signal_evidence,
)

LANGS = ("en", "ru")
DOCUMENT = "document"

PRIMARY_KINDS = frozenset({
    "legality", "legitimate_aim", "necessity", "proportionality", "necessity_proportionality",
    "non_discrimination", "closed_list", "treaty_priority", "admissibility", "precedent",
})
DEFECT_SIGNALS = frozenset({"vague_term", "distinction", "total_ban", "prior_restraint", "licensing",
                            "custodial_defamation"})
NECESSITY_KINDS = frozenset({"necessity", "proportionality", "necessity_proportionality"})
ON_LIST_SIGNAL = "closed_list_speech"
"""Necessity and proportionality (ICCPR 19(3); Constitution art. 39) of a raised test:

- a defect on the text's face (:data:`DEFECT_SIGNALS`: a vague term, a distinction on a
  status, an explicitly unlimited ban, prior restraint) shows that the restriction cannot be
  necessary: ``conflict`` ("Restrictions must not be overbroad", GC34 para 34);
- without one, a list of channels, criminal liability or a prison term do not by themselves
  refute necessity: the State "must demonstrate in specific and individualized fashion ... the
  necessity and proportionality of the specific action taken" (GC34 para 35), so the test is a
  ``concern``. GC34 para 47 says "imprisonment is never an appropriate penalty" of defamation
  only, not of every speech offence: prison for defamation is a defect
  (``custodial_defamation``), prison for other speech is not;
- speech on the closed list (war propaganda, advocacy of hatred that incites, violence,
  terrorism, extremism: ICCPR art. 20, Constitution art. 20(3)) without a defect is the
  restriction the Covenant itself requires (GC34 paras 50-52): ``compatible``, also with a
  criminal or custodial penalty, which is how States commonly prohibit such advocacy; the
  rationale still says that its application must meet art. 19(3) (para 50: "a limitation that
  is justified on the basis of article 20 must also comply with article 19, paragraph 3")."""
"""Wording of a raised necessity test that is not a conflict (:func:`raised_status`)."""
PROTECTION_PROVISIONS = frozenset({"iccpr/art_24", "iccpr/art_20"})
_RESTRICTING = frozenset({"measure", "penalty", "designation"})
"""Provisions that are not freedoms subject to limitation: they never conflict by themselves."""

COMPLETENESS_FACTOR: dict[str, float] = {
    "full": 1.0, "excerpt": 0.9, "unknown": 0.85, "quoted-fragments": 0.75,
    "paraphrase": 0.65,
}
BASE_CONFIDENCE: dict[str, float] = {
    "conflict": 0.85, "concern": 0.7, "compatible": 0.75, "not_engaged": 0.8,
    "needs_review": 0.3,
}
SEVERITY: dict[str, str] = {
    "conflict": "high", "concern": "medium", "needs_review": "medium", "compatible": "none",
    "not_engaged": "none",
}
RIGHT_SIGNALS: dict[str, tuple[str, ...]] = {
    # a right is engaged (restricted or protected) by a clause when one of these holds
    "expression": ("restricts_expression",),
    "equality": ("distinction", "protective"),
    "assembly": ("reaches_assembly",),
    "association": ("reaches_association",),
    "privacy": ("reaches_privacy",),
    "family": ("reaches_family",),
    "children": (),
    "religion": ("reaches_religion",),
}
EMPTY = {"en": "none named", "ru": "не названы"}
QUOTED = {"en": "Quoted", "ru": "Цитата"}
MAX_QUOTE = 240


@dataclass(frozen=True)
class Reasoned:
    """What :func:`reason` returns: findings, admissibility, the warnings it raised."""

    findings: tuple[Finding, ...]
    admissibility: Admissibility
    signals: Mapping[str, frozenset[str]]  # clause id (and "document") -> signals
    warnings: tuple[str, ...] = ()
    domestic_applied: bool = True
    unavailable: tuple[str, ...] = ()  # provision ids without text on as_of
    extras: dict[str, Any] = field(default_factory=dict)
    # lean reasoning (screening, ``reason(..., lean=True)``): ``findings`` holds only the raised
    # clause findings and the instrument-level ones, without rationales; the clause findings
    # that were not raised are kept as groups of clause indices (:func:`unraised_findings`)
    lean: bool = False
    unraised: tuple["UnraisedGroup", ...] = ()
    clauses: tuple[Clause, ...] = ()


@dataclass(frozen=True)
class UnraisedGroup:
    """The clause findings of one test that were not raised and share one status (screening):
    their clauses' positions in ``Reasoned.clauses``, in text order, instead of one ``Finding``
    each (~25 per clause, each worded in two languages). Nothing a screening row reads is lost:
    such findings carry no evidence, a fixed confidence and a status no worse than
    ``compatible``; :func:`unraised_findings` builds them when a row needs them."""

    plan: "_TestPlan"
    status: str  # "compatible" or "not_engaged"
    indices: tuple[int, ...]
    confidences: tuple[float, float]  # (clause, description clause), as the full path gives


# --------------------------------------------------------------------------- KB access


def kb_provisions(kb) -> tuple[Provision, ...]:
    provs = kb.provisions
    if isinstance(provs, Mapping):
        provs = provs.values()
    return tuple(sorted(provs, key=lambda p: p.id))


def authority_refs(kb, ids: Iterable[str]) -> tuple[AuthorityRef, ...]:
    """Resolve authority ids in the KB (unknown ids are a knowledge-base error, not skipped)."""
    out = []
    for aid in ids:
        a = kb.authority(aid)
        out.append(AuthorityRef(id=a.id, citation=a.cite(), verification=a.verification))
    return tuple(out)


def text_available(kb, provision_id: str, as_of: date) -> bool:
    """Whether the provision's text in force on ``as_of`` is in the KB.

    A treaty's text does not change with its ratification by one State: before the ICCPR
    bound Kazakhstan (24 April 2006) its text is still the standard for any State's instrument,
    so an international provision dated before its first version uses that version's text.
    """
    try:
        kb.version_at(provision_id, as_of)
    except TextUnavailableError:
        provision = kb.provision(provision_id)
        if provision.jurisdiction == "intl":
            starts = [v.valid_from for v in provision.versions if v.texts and v.valid_from]
            if starts and as_of < min(starts):
                return True
        return False
    return True


def in_force(provision: Provision, as_of: date) -> bool:
    """Some version covers ``as_of`` (with or without text), or it is a treaty whose text
    precedes its ratification (see :func:`text_available`)."""
    for v in provision.versions:
        if (v.valid_from is None or v.valid_from <= as_of) and (
                v.valid_to is None or as_of <= v.valid_to):
            return True
    if provision.jurisdiction == "intl":
        starts = [v.valid_from for v in provision.versions if v.texts and v.valid_from]
        return bool(starts) and as_of < min(starts)
    return False


def is_domestic_jurisdiction(metadata: Mapping[str, Any] | None) -> bool | None:
    """True for a Kazakh instrument, False for another country's, None when unknown."""
    value = str((metadata or {}).get("jurisdiction") or "").strip().lower()
    if not value:
        return None
    if value in {"kz", "kaz"} or "kazakh" in value or "казах" in value or "қазақ" in value:
        return True
    if value in {"intl", "international"}:
        return None
    return False


# --------------------------------------------------------------------------- wording


def _quote_list(spans: Sequence[Span]) -> str:
    seen: list[str] = []
    for s in spans:
        t = " ".join(s.text.split())
        if t and t not in seen:
            seen.append(t)
    return ", ".join(f'"{t}"' for t in seen)


def _window(clause: Clause, start: int, end: int) -> str:
    """Clause words from ``start`` to ``end`` (original offsets), widened to whole words."""
    text = clause.text
    a = max(0, min(len(text), start - clause.start))
    b = max(a, min(len(text), end - clause.start))
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return " ".join(text[a:b].split()).strip(" ,;:")


def clause_quote(clause: Clause, evidence: Sequence) -> str:
    """The clause's own words that the finding relies on (a window over the evidence). Words
    of a list's chapeau that the finding also relies on ("shall not", :mod:`analysis.chapeau`)
    come first, as they are written, then "…" and the item's words."""
    lead = [e for e in evidence if e.end <= clause.start or e.start >= clause.end]
    if lead:
        own = [e for e in evidence if not (e.end <= clause.start or e.start >= clause.end)]
        words = list(dict.fromkeys(" ".join(e.text.split()) for e in
                                   sorted(lead, key=lambda e: (e.start, e.end))))
        return " ".join(words) + " … " + clause_quote(clause, own)
    if evidence:
        start = min(e.start for e in evidence)
        end = max(e.end for e in evidence)
        if end - start <= MAX_QUOTE:
            return _window(clause, start, end)
        parts = []
        for e in evidence:
            w = _window(clause, e.start, e.end)
            if w not in parts:
                parts.append(w)
        return "» … «".join(parts[:6])
    words = clause.text.split()
    head = " ".join(words[:14]).strip(" ,;:")
    return head


class _Safe(dict):
    """Template values where an unknown ``{name}`` stays as it is written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, values: Mapping[str, str]) -> str:
    if "{" not in template and "}" not in template:
        return template  # nothing to fill (the common case: checked-and-not-raised wording)
    try:
        return template.format_map(_Safe(values))
    except (ValueError, IndexError):
        return template


PLACEHOLDER_LABELS = ("measure", "penalty", "vague", "aim", "group", "channel")


def _quote_lists(clause: Clause) -> dict[str, str]:
    """Label -> the quoted words of the clause's non-negated spans with that label."""
    by: dict[str, list[Span]] = {label: [] for label in PLACEHOLDER_LABELS}
    for s in clause.spans:
        if not s.negated and s.label in by:
            by[s.label].append(s)
    return {label: _quote_list(spans) for label, spans in by.items()}


def _placeholders(clause: Clause, lang: str, quote: str,
                  lists: Mapping[str, str] | None = None) -> dict[str, str]:
    """Values for a rationale template (``lists``: :func:`_quote_lists`, if already built)."""
    lists = lists if lists is not None else _quote_lists(clause)
    measures = lists["measure"]
    penalties = lists["penalty"]
    if measures and penalties:
        penalties = "; " + penalties
    empty = EMPTY[lang]
    if not measures and not penalties:
        measures = empty
    return {
        "quote": quote,
        "vague_terms": lists["vague"] or empty,
        "aims": lists["aim"] or empty,
        "groups": lists["group"] or empty,
        "channels": lists["channel"] or empty,
        "measures": measures,
        "penalties": penalties,
    }


def _with_quote(text: str, quote: str, lang: str) -> str:
    if quote and quote in text:
        return text
    if not quote:
        return text
    return f"{text.rstrip()} {QUOTED[lang]}: «{quote}»."


def _label(provision: Provision, lang: str) -> str:
    return provision.label.get(lang) or provision.label.get("en") or provision.id


# --------------------------------------------------------------------------- statuses


def raised_status(provision: Provision, test: Test, signals: frozenset[str],
                  covenant_conflict: bool | None = None) -> str:
    """Status of a raised test (module docstring; necessity: :data:`ON_LIST_SIGNAL`).

    ``covenant_conflict``: whether an ICCPR finding on the same clause is a conflict. Treaty
    priority (Constitution art. 4(3): ratified treaties "have priority over its laws") decides
    between a law and the Covenant only where they conflict: ``conflict`` when the clause
    conflicts with the Covenant; a defect (vague term, distinction...) in a clause whose
    Covenant findings raise no conflict (e.g. a demand with no operative measure) is a
    ``concern``; engagement alone gives the treaty nothing to prevail over (``compatible``).
    Without the Covenant findings (``None``) a defect stands in for a conflict.
    """
    defect = bool(signals & DEFECT_SIGNALS)
    if provision.id in PROTECTION_PROVISIONS:
        return "concern" if defect else "compatible"
    if test.kind == "treaty_priority":
        if covenant_conflict or (covenant_conflict is None and defect):
            return "conflict"
        # a defect in a clause that restricts nothing (a vague word in a duty to keep a
        # database) gives the treaty nothing to prevail over
        return "concern" if defect and signals & _RESTRICTING else "compatible"
    if test.kind in NECESSITY_KINDS and not defect:
        if ON_LIST_SIGNAL in signals:
            return "compatible"
        return "concern"
    if test.kind in PRIMARY_KINDS:
        return "conflict"
    return "conflict" if defect else "compatible"


def engaged_rights(signals: frozenset[str]) -> set[str]:
    return set(_engaged_rights(signals))


@lru_cache(maxsize=4096)
def _engaged_rights(signals: frozenset[str]) -> frozenset[str]:
    """Cached per set of signal names (few distinct sets occur: ~40 names, a handful per
    clause)."""
    return frozenset(r for r, names in RIGHT_SIGNALS.items() if any(n in signals for n in names))


def confidence(status: str, *, completeness: str, clause: Clause | None, n_evidence: int,
               thin: bool) -> float:
    return _confidence(status, completeness, clause is not None and clause.kind == "description",
                       n_evidence, thin)


@lru_cache(maxsize=1024)
def _confidence(status: str, completeness: str, description: bool, n_evidence: int,
                thin: bool) -> float:
    value = BASE_CONFIDENCE[status] * COMPLETENESS_FACTOR.get(completeness, 0.85)
    if description:
        value *= 0.9
    if status in ("conflict", "concern"):
        value += min(0.1, 0.03 * n_evidence)
    if thin and status in ("compatible", "not_engaged"):
        value *= 0.8
    return round(max(0.05, min(0.99, value)), 2)


# --------------------------------------------------------------------------- reasoning


class _ClauseView:
    """One clause with what every test asks of it, computed once: its signals with their
    evidence, the rights it engages, the quoted span lists for the templates, and the
    rationales already worded (a clause meets some 30 tests, most of them not raised)."""

    __slots__ = ("clause", "found", "signals", "rights", "head", "quoted", "description",
                 "_lists", "_evidence", "_flat", "_bare")

    def __init__(self, clause: Clause, words: bool = True):
        self.clause = clause
        self.found = clause_evidence(clause)
        self.signals = frozenset(self.found)
        self.rights = _engaged_rights(self.signals)
        self.description = clause.kind == "description"
        # the quote that rationales of tests not raised carry (lean reasoning words none)
        self.head = clause_quote(clause, ()) if words else ""
        # what _with_quote appends to a text that does not already hold the quote
        self.quoted = ({lang: f" {QUOTED[lang]}: «{self.head}»." for lang in LANGS} if words
                       else {})
        self._lists: dict[str, str] | None = None
        self._evidence: dict[tuple[str, ...], tuple[tuple, str]] = {}
        self._flat: str | None = None
        self._bare: dict[tuple[str, ...], tuple] = {}

    def flat(self) -> str:
        """The clause text with its whitespace runs as single spaces (as quotes are)."""
        if self._flat is None:
            self._flat = " ".join(self.clause.text.split())
        return self._flat

    def evidence(self, names: tuple[str, ...]) -> tuple[tuple, str]:
        """(evidence of the named signals, the clause's words quoted for it)."""
        hit = self._evidence.get(names)
        if hit is None:
            ev = evidence_of(self.found, names)
            hit = self._evidence[names] = (ev, clause_quote(self.clause, ev))
        return hit

    def bare_evidence(self, names: tuple[str, ...]) -> tuple:
        """The evidence of :meth:`evidence` without the quote (lean reasoning words nothing)."""
        hit = self._evidence.get(names)
        if hit is not None:
            return hit[0]
        ev = self._bare.get(names)
        if ev is None:
            ev = self._bare[names] = evidence_of(self.found, names)
        return ev

    def filled(self, template: str, lang: str, quote: str) -> str:
        """``template`` filled with this clause's values (no quote appended)."""
        if "{" not in template and "}" not in template:
            return template
        if self._lists is None:
            self._lists = _quote_lists(self.clause)
        return _fill(template, _placeholders(self.clause, lang, quote, self._lists))


@dataclass(frozen=True)
class _TestPlan:
    """What does not depend on the clause: ids, names, templates and resolved authorities."""

    provision: Provision
    test: Test
    names: tuple[str, ...]
    rights: frozenset[str]
    authorities: tuple[AuthorityRef, ...]
    ok_templates: dict[str, str]
    templates: dict[str, str]
    engaged_ok: dict[str, str]
    ok_static: dict[str, tuple[str, str]] | None  # lang -> (template, template.rstrip())
    all_of: frozenset[str]
    any_of: frozenset[str]
    none_of: frozenset[str]
    never: bool  # empty conditions never hold (signals.conditions_hold)

    def raised(self, signals: frozenset[str]) -> bool:
        """:func:`analysis.signals.conditions_hold` with the condition sets built once."""
        return (not self.never and self.all_of <= signals
                and (not self.any_of or not self.any_of.isdisjoint(signals))
                and self.none_of.isdisjoint(signals))

    @classmethod
    def of(cls, kb, provision: Provision, test: Test) -> "_TestPlan":
        cond = test.conditions
        ok = {lang: test.rationale_ok.get(lang) or _default_ok(provision, lang) for lang in LANGS}
        static = None if any("{" in t or "}" in t for t in ok.values()) else {
            lang: (t, t.rstrip()) for lang, t in ok.items()}
        return cls(
            ok_static=static,
            all_of=frozenset(cond.get("all", ())), any_of=frozenset(cond.get("any", ())),
            none_of=frozenset(cond.get("none", ())),
            never=not any(cond.get(k) for k in CONDITION_KEYS),
            provision=provision, test=test, names=condition_names(test.conditions),
            rights=frozenset(provision.rights), authorities=authority_refs(kb, test.authorities),
            ok_templates=ok,
            templates={lang: test.rationale.get(lang) or test.question.get(lang) or ""
                       for lang in LANGS},
            engaged_ok={lang: _engaged_ok(provision, lang) for lang in LANGS},
        )


_PLAN_CACHE: dict[int, tuple[Any, dict[tuple[str, str], _TestPlan], dict]] = {}


def _plans_for(kb) -> dict[tuple[str, str], _TestPlan]:
    """Test plans of a knowledge base, built once per KB object (a few recent ones kept; the
    weak reference makes sure a new KB at a reused address is not served stale plans)."""
    import weakref

    hit = _PLAN_CACHE.get(id(kb))
    if hit is not None and hit[0]() is kb:
        return hit[1]
    plans = {(p.id, t.id): _TestPlan.of(kb, p, t) for p in kb_provisions(kb) for t in p.tests}
    try:
        ref = weakref.ref(kb)
    except TypeError:  # not weak-referenceable: do not cache
        return plans
    if len(_PLAN_CACHE) >= 4:
        _PLAN_CACHE.pop(next(iter(_PLAN_CACHE)))
    _PLAN_CACHE[id(kb)] = (ref, plans, {})
    return plans


_FINDING_SET_FIELDS = ("id", "clause_id", "provision_id", "test_id", "status", "severity",
                       "confidence", "rationale", "evidence", "authorities")
_FIELDS_SET = set(_FINDING_SET_FIELDS)
"""The fields set of every finding built here: one shared set (allocating a set per finding
was a third of its cost). Pydantic never mutates it for a frozen model; ``model_copy`` copies
it before adding updated names (tests/test_reasoning_speed.py checks both)."""
_new_object = object.__new__
_set_attribute = object.__setattr__
_FAST_FINDINGS = (
    tuple(Finding.model_fields) == _FINDING_SET_FIELDS + ("review",)
    and Finding.model_fields["review"].get_default() is None
    and not Finding.__pydantic_root_model__ and not Finding.__pydantic_post_init__
    and Finding.model_config.get("extra") != "allow"
    and all(f.alias is None and f.validation_alias is None
            for f in Finding.model_fields.values()))


def _finding(id: str, clause_id: str, provision_id: str, test_id: str, status: str,
             severity: str, confidence: float, rationale: dict[str, str],
             evidence: tuple[Span, ...], authorities: tuple[AuthorityRef, ...]) -> Finding:
    """A :class:`Finding` from values the reasoning built from validated parts (KB tests and
    authority references, annotated spans, the fixed status vocabulary), without validating
    them again: what ``Finding.model_construct`` does, minus its alias handling, which makes it
    slower than validation in pydantic 2.x. Validation (re-checking five authority references
    per finding) was most of the cost of the ~26 findings per clause. The object is equal to
    ``Finding(**values)`` field for field (tests/test_reasoning_speed.py)."""
    if not _FAST_FINDINGS:
        return Finding(id=id, clause_id=clause_id, provision_id=provision_id, test_id=test_id,
                       status=status, severity=severity, confidence=confidence,
                       rationale=rationale, evidence=evidence, authorities=authorities)
    f = _new_object(Finding)
    _set_attribute(f, "__dict__", {
        "id": id, "clause_id": clause_id, "provision_id": provision_id, "test_id": test_id,
        "status": status, "severity": severity, "confidence": confidence,
        "rationale": rationale, "evidence": evidence, "authorities": authorities,
        "review": None})
    _set_attribute(f, "__pydantic_fields_set__", _FIELDS_SET)
    _set_attribute(f, "__pydantic_extra__", None)
    _set_attribute(f, "__pydantic_private__", None)
    return f


def _clause_finding(plan: _TestPlan, view: _ClauseView, *, completeness: str, thin: bool,
                    available: bool, as_of: date,
                    covenant: frozenset[str] | None = None, words: bool = True) -> Finding:
    """One test asked of one clause (statuses: module docstring). ``words=False`` (lean
    reasoning for screening) leaves the rationale empty; every other field is the same."""
    provision, test, clause = plan.provision, plan.test, view.clause
    raised = plan.raised(view.signals)
    rationale: dict[str, str] = {}
    if not words:
        evidence = view.bare_evidence(plan.names) if raised else ()
        if not available:
            status = "needs_review"
        elif not raised:
            status = "compatible" if view.rights & plan.rights else "not_engaged"
        else:
            status = raised_status(provision, test, view.signals,
                                   None if covenant is None else clause.id in covenant)
        return _finding(
            id=f"{clause.id}/{provision.id}#{test.id}", clause_id=clause.id,
            provision_id=provision.id, test_id=test.id, status=status,
            severity=SEVERITY[status],
            confidence=_confidence(status, completeness, clause.kind == "description",
                                   len(evidence), thin),
            rationale=rationale, evidence=tuple(e.span for e in evidence if e.span is not None),
            authorities=plan.authorities)
    if available and not raised:
        # the common case (most tests of most clauses), kept cheap: every value comes from
        # the clause view or the test plan, worded once per clause
        status = "compatible" if view.rights & plan.rights else "not_engaged"
        for lang in LANGS:
            rationale[lang] = _with_quote(view.filled(plan.ok_templates[lang], lang, view.head),
                                          view.head, lang)
        return _finding(
            id=f"{clause.id}/{provision.id}#{test.id}", clause_id=clause.id,
            provision_id=provision.id, test_id=test.id, status=status,
            severity=SEVERITY[status],
            confidence=_confidence(status, completeness, clause.kind == "description", 0, thin),
            rationale=rationale, evidence=(), authorities=plan.authorities)
    evidence, quote = view.evidence(plan.names) if raised else ((), view.head)
    if not available:
        status = "needs_review"
        for lang in LANGS:
            rationale[lang] = _missing_text(provision, lang, as_of, raised, quote)
    else:
        status = raised_status(provision, test, view.signals,
                               None if covenant is None else clause.id in covenant)
        for lang in LANGS:
            template = plan.templates[lang]
            if test.kind in NECESSITY_KINDS and status != "conflict":
                template = (test.rationale_on_list if status == "compatible"
                            else test.rationale_concern).get(lang) or template
            text = view.filled(template, lang, quote)
            if status == "compatible" and test.kind not in NECESSITY_KINDS:
                text = plan.engaged_ok[lang] + " " + text
            rationale[lang] = _with_quote(text, quote, lang)
    return _finding(
        id=f"{clause.id}/{provision.id}#{test.id}", clause_id=clause.id,
        provision_id=provision.id, test_id=test.id, status=status, severity=SEVERITY[status],
        confidence=_confidence(status, completeness, clause.kind == "description",
                               len(evidence), thin),
        rationale=rationale, evidence=tuple(e.span for e in evidence if e.span is not None),
        authorities=plan.authorities,
    )


def _test_findings(plan: _TestPlan, views: Sequence[_ClauseView], *, completeness: str,
                   thin: bool, available: bool, as_of: date,
                   covenant: frozenset[str] | None = None) -> list[Finding]:
    """One test asked of every clause. Not raised is the common case (most tests of most
    clauses): its rationale is the test's fixed "checked" wording with the clause's opening
    words quoted, exactly as :func:`_clause_finding` words it, assembled here from parts
    prepared once per test and once per clause."""
    static = plan.ok_static
    if not available or static is None or not _FAST_FINDINGS:
        return [_clause_finding(plan, v, completeness=completeness, thin=thin,
                                available=available, as_of=as_of, covenant=covenant)
                for v in views]
    out: list[Finding] = []
    rights = plan.rights
    all_of, any_of, none_of, never = plan.all_of, plan.any_of, plan.none_of, plan.never
    pid, tid, auth = plan.provision.id, plan.test.id, plan.authorities
    prefix = f"/{pid}#{tid}"
    wording = tuple(static.items())
    conf = {(status, description): _confidence(status, completeness, description, 0, thin)
            for status in ("compatible", "not_engaged") for description in (False, True)}
    new, put, fields = _new_object, _set_attribute, _FIELDS_SET
    for v in views:
        sig = v.signals
        if not never and all_of <= sig and (not any_of or not any_of.isdisjoint(sig)) \
                and none_of.isdisjoint(sig):  # plan.raised(sig), inlined
            out.append(_clause_finding(plan, v, completeness=completeness, thin=thin,
                                       available=available, as_of=as_of, covenant=covenant))
            continue
        head = v.head
        rationale = {}
        for lang, (text, stripped) in wording:
            rationale[lang] = (text if not head or head in text
                               else stripped + v.quoted[lang])
        status = "not_engaged" if rights.isdisjoint(v.rights) else "compatible"
        cid = v.clause.id
        f = new(Finding)  # as _finding() does, inlined: this line runs ~25 times per clause
        put(f, "__dict__", {
            "id": cid + prefix, "clause_id": cid, "provision_id": pid, "test_id": tid,
            "status": status, "severity": SEVERITY[status],
            "confidence": conf[status, v.description], "rationale": rationale,
            "evidence": (), "authorities": auth, "review": None})
        put(f, "__pydantic_fields_set__", fields)
        put(f, "__pydantic_extra__", None)
        put(f, "__pydantic_private__", None)
        out.append(f)
    return out


@dataclass(frozen=True)
class _LeanIndex:
    """One document's clauses as lean reasoning reads them: for each test, the positions of
    the clauses that raise it; and the clauses grouped by the rights they engage (a test not
    raised is ``compatible`` where those meet the provision's rights, else ``not_engaged``)."""

    raised: dict[tuple[str, str], list[int]]
    by_rights: tuple[tuple[frozenset[str], tuple[int, ...]], ...]


def _lean_index(plans: Mapping[tuple[str, str], _TestPlan], views: Sequence[_ClauseView]
                ) -> _LeanIndex:
    """Which tests each clause raises, asked once per distinct set of signals (clauses share
    a few dozen signal names, so sets recur within and across texts; the answers are kept with
    the knowledge base's test plans)."""
    memo = next((entry[2] for entry in _PLAN_CACHE.values() if entry[1] is plans), {})
    raised: dict[tuple[str, str], list[int]] = {}
    by_rights: dict[frozenset[str], list[int]] = {}
    for i, v in enumerate(views):
        keys = memo.get(v.signals)
        if keys is None:
            if len(memo) > 20_000:
                memo.clear()
            keys = memo[v.signals] = tuple(k for k, p in plans.items() if p.raised(v.signals))
        for k in keys:
            raised.setdefault(k, []).append(i)
        by_rights.setdefault(v.rights, []).append(i)
    return _LeanIndex(raised=raised,
                      by_rights=tuple((r, tuple(idx)) for r, idx in by_rights.items()))


def _test_findings_lean(plan: _TestPlan, views: Sequence[_ClauseView], *, completeness: str,
                        thin: bool, available: bool, as_of: date,
                        index: _LeanIndex, covenant: frozenset[str] | None = None
                        ) -> tuple[list[tuple[int, Finding]], list[UnraisedGroup]]:
    """:func:`_test_findings` for screening: the raised clause findings (with their clause
    positions, rationales left empty) and, for the clauses where the test was not raised, two
    :class:`UnraisedGroup` (compatible, not engaged) instead of a finding each. Whether a test
    is raised, and every status, confidence and piece of evidence, come from the same code as
    the full path (tests/test_screen_lean.py compares the two on real texts)."""
    raised: list[tuple[int, Finding]] = []
    if not available:  # every clause is needs_review: nothing to leave out
        for i, v in enumerate(views):
            raised.append((i, _clause_finding(plan, v, completeness=completeness, thin=thin,
                                              available=False, as_of=as_of, covenant=covenant,
                                              words=False)))
        return raised, []
    compatible: list[int] = []
    not_engaged: list[int] = []
    rights = plan.rights
    hits = index.raised.get((plan.provision.id, plan.test.id), ())
    for i in hits:
        raised.append((i, _clause_finding(plan, views[i], completeness=completeness,
                                          thin=thin, available=True, as_of=as_of,
                                          covenant=covenant, words=False)))
    skip = set(hits)
    for r, idx in index.by_rights:
        into = not_engaged if rights.isdisjoint(r) else compatible
        into.extend([i for i in idx if i not in skip] if skip else idx)
    compatible.sort()
    not_engaged.sort()
    return raised, _unraised_groups(plan, compatible, not_engaged, completeness, thin)


def _unraised_groups(plan: _TestPlan, compatible: list[int], not_engaged: list[int],
                     completeness: str, thin: bool) -> list[UnraisedGroup]:
    return [UnraisedGroup(plan=plan, status=status, indices=tuple(idx), confidences=(
                _confidence(status, completeness, False, 0, thin),
                _confidence(status, completeness, True, 0, thin)))
            for status, idx in (("compatible", compatible), ("not_engaged", not_engaged))
            if idx]


def _document_finding_lean(plan: _TestPlan, raised: Sequence[tuple[int, Finding]],
                           groups: Sequence[UnraisedGroup], views: Sequence[_ClauseView], *,
                           completeness: str, thin: bool, available: bool) -> Finding:
    """:func:`_document_finding` from the lean clause findings: the same status, confidence
    (the mean over the worst findings, summed in clause order as there) and evidence; no
    rationale."""
    statuses = {f.status for _, f in raised} | {g.status for g in groups}
    status = _worst(statuses) if statuses else "not_engaged"
    worst = [(i, f.confidence, f) for i, f in raised if f.status == status]
    for g in groups:
        if g.status == status:
            worst += [(i, g.confidences[views[i].description], None) for i in g.indices]
    worst.sort(key=lambda t: t[0])
    evidence: tuple[Span, ...] = ()
    if available and status in ("conflict", "concern"):
        evidence = worst[0][2].evidence
    conf = (round(sum(c for _, c, _ in worst) / len(worst), 2) if worst and available
            else confidence(status, completeness=completeness, clause=None,
                            n_evidence=len(evidence), thin=thin))
    provision, test = plan.provision, plan.test
    return _finding(
        id=f"{DOCUMENT}/{provision.id}#{test.id}", clause_id=DOCUMENT, provision_id=provision.id,
        test_id=test.id, status=status, severity=SEVERITY[status], confidence=conf,
        rationale={}, evidence=tuple(evidence), authorities=plan.authorities)


def unraised_findings(reasoned: "Reasoned", statuses: Iterable[str]) -> list[Finding]:
    """The not-raised clause findings of a lean :class:`Reasoned` with one of ``statuses``,
    as the full path builds them (rationales left empty)."""
    wanted = set(statuses)
    out: list[Finding] = []
    clauses = reasoned.clauses
    for g in reasoned.unraised:
        if g.status not in wanted:
            continue
        pid, tid = g.plan.provision.id, g.plan.test.id
        for i in g.indices:
            c = clauses[i]
            out.append(_finding(
                id=f"{c.id}/{pid}#{tid}", clause_id=c.id, provision_id=pid, test_id=tid,
                status=g.status, severity=SEVERITY[g.status],
                confidence=g.confidences[c.kind == "description"], rationale={}, evidence=(),
                authorities=g.plan.authorities))
    return out


def _engaged_ok(provision: Provision, lang: str) -> str:
    label = _label(provision, lang)
    if lang == "ru":
        return f"{label}: право затронуто, но дефекта (неясного понятия, различия по признаку, общего запрета, запрета без регистрации или разрешения) в положении не найдено."
    return f"{label}: the right is engaged, but no defect (vague term, distinction on a status, blanket ban, ban without registration or permission) was found in the clause."


def _default_ok(provision: Provision, lang: str) -> str:
    label = _label(provision, lang)
    if lang == "ru":
        return f"{label} проверена: не затронута."
    return f"{label} checked: not engaged."


def _missing_text(provision: Provision, lang: str, as_of: date, raised: bool, quote: str) -> str:
    label = _label(provision, lang)
    if lang == "ru":
        base = (f"{label}: текст, действующий на {as_of.isoformat()}, отсутствует в базе знаний "
                "(новая Конституция действует с 1 июля 2026 г.); прежний текст не применяется. "
                "Проверьте по официальному тексту.")
        if raised:
            base += " По прежнему тексту этот вопрос был бы поставлен."
        return f"{base} Цитата: «{quote}»." if quote else base
    base = (f"{label}: the text in force on {as_of.isoformat()} is not in the knowledge base "
            "(a new Constitution is in force from 1 July 2026); the earlier text is not applied. "
            "Check against the official text.")
    if raised:
        base += " Under the earlier text this test would be raised."
    return f"{base} Quoted: «{quote}»." if quote else base


def _worst(statuses: Iterable[str]) -> str:
    return max(statuses, key=lambda s: STATUS_SEVERITY_ORDER[s], default="not_engaged")


def _document_finding(kb, provision: Provision, test: Test, clause_findings: Sequence[Finding],
                      clauses: Mapping[str, Clause], *, completeness: str, thin: bool,
                      available: bool, as_of: date, doc_quote: str,
                      authorities: tuple[AuthorityRef, ...] | None = None) -> Finding:
    """Instrument-level: the worst clause status, naming the clauses that raised it."""
    status = _worst({f.status for f in clause_findings}) if clause_findings else "not_engaged"
    worst = [f for f in clause_findings if f.status == status]
    rationale: dict[str, str] = {}
    evidence: tuple[Span, ...] = ()
    if not available:
        for lang in LANGS:
            rationale[lang] = _missing_text(provision, lang, as_of, False, doc_quote)
    elif status in ("conflict", "concern"):
        ids = ", ".join(f.clause_id for f in worst[:8])
        first = worst[0]
        evidence = first.evidence
        for lang in LANGS:
            head = (f"{_label(provision, lang)} ({test.id}): "
                    + (f"поставлено в положениях: {ids}. " if lang == "ru"
                       else f"raised in clauses: {ids}. "))
            rationale[lang] = head + first.rationale[lang]
    else:
        for lang in LANGS:
            template = test.rationale_ok.get(lang) or _default_ok(provision, lang)
            n = len(clause_findings)
            tail = (f" Проверено положений: {n}." if lang == "ru" else f" Clauses checked: {n}.")
            text = _fill(template, {"quote": doc_quote}) + tail
            rationale[lang] = _with_quote(text, doc_quote, lang)
    n_ev = len(evidence)
    conf = (round(sum(f.confidence for f in worst) / len(worst), 2) if worst and available
            else confidence(status, completeness=completeness, clause=None, n_evidence=n_ev,
                            thin=thin))
    if authorities is None:
        authorities = authority_refs(kb, test.authorities)
    return _finding(
        id=f"{DOCUMENT}/{provision.id}#{test.id}", clause_id=DOCUMENT, provision_id=provision.id,
        test_id=test.id, status=status, severity=SEVERITY[status], confidence=conf,
        rationale=rationale, evidence=tuple(evidence), authorities=authorities,
    )


def _not_in_force(kb, provision: Provision, test: Test, as_of: date, doc_quote: str) -> Finding:
    d = as_of.isoformat()
    en = (f"{_label(provision, 'en')} was not in force on {d}: not applied. "
          f"Quoted: «{doc_quote}».")
    ru = f"{_label(provision, 'ru')} не действовала на {d}: не применяется. Цитата: «{doc_quote}»."
    return Finding(
        id=f"{DOCUMENT}/{provision.id}#{test.id}", clause_id=DOCUMENT, provision_id=provision.id,
        test_id=test.id, status="not_engaged", severity="none", confidence=0.9,
        rationale={"en": en, "ru": ru}, authorities=authority_refs(kb, test.authorities),
    )


def _domestic_skipped(kb, provision: Provision, test: Test, jurisdiction: str,
                      doc_quote: str) -> Finding:
    en = (f"{_label(provision, 'en')} not applied: the instrument is from {jurisdiction}, and "
          "Kazakh law governs Kazakh instruments only. Quoted: «" + doc_quote + "».")
    ru = (f"{_label(provision, 'ru')} не применяется: документ относится к юрисдикции "
          f"«{jurisdiction}», а право Казахстана применяется только к казахстанским актам. "
          f"Цитата: «{doc_quote}».")
    return Finding(
        id=f"{DOCUMENT}/{provision.id}#{test.id}", clause_id=DOCUMENT, provision_id=provision.id,
        test_id=test.id, status="not_engaged", severity="none", confidence=0.9,
        rationale={"en": en, "ru": ru}, authorities=authority_refs(kb, test.authorities),
    )


def reason(clauses: Sequence[Clause], kb, *, as_of: date,
           metadata: Mapping[str, Any] | None = None,
           completeness: str | None = None, lean: bool = False) -> Reasoned:
    """Ask every test of every provision of every clause; then of the document as a whole.

    ``lean=True`` (batch screening, which keeps one row per text, not the findings): the
    same questions and answers, but the findings are not worded and the clause findings that
    were not raised are kept as :class:`UnraisedGroup` (see :class:`Reasoned`); they were
    some 95 % of the findings and most of the reasoning's time."""
    meta = dict(metadata or {})
    comp = completeness or completeness_of(meta)
    analysed = [c for c in clauses if c.language is not None]
    views = [_ClauseView(c, words=not lean) for c in analysed]
    plans = _plans_for(kb)
    sig = {v.clause.id: v.signals for v in views}
    doc_signals = document_signals(analysed, meta, comp, clause_sigs=sig)
    thin = "thin_evidence" in doc_signals
    sig[DOCUMENT] = doc_signals
    domestic = is_domestic_jurisdiction(meta)
    doc_quote = clause_quote(analysed[0], ()) if analysed else ""
    by_id = {c.id: c for c in analysed}
    findings: list[Finding] = []
    per_test: list[tuple[str, str, list[Finding]]] = []  # clause findings, one list per test
    unavailable: list[str] = []
    warnings: list[str] = []
    deferred: list[tuple[_TestPlan, bool]] = []
    unraised: list[UnraisedGroup] = []
    index = _lean_index(plans, views) if lean else None

    def _ask(plan: _TestPlan, available: bool, covenant: frozenset[str] | None) -> None:
        if lean:
            key = (plan.provision.id, plan.test.id)
            raised, groups = _test_findings_lean(plan, views, completeness=comp, thin=thin,
                                                 available=available, as_of=as_of,
                                                 covenant=covenant,
                                                 index=index if plans.get(key) is plan
                                                 else _lean_index({key: plan}, views))
            findings.extend(f for _, f in raised)
            unraised.extend(groups)
            findings.append(_document_finding_lean(plan, raised, groups, views,
                                                   completeness=comp, thin=thin,
                                                   available=available))
            return
        per_clause = _test_findings(plan, views, completeness=comp, thin=thin,
                                    available=available, as_of=as_of, covenant=covenant)
        findings.extend(per_clause)
        per_test.append((plan.provision.id, plan.test.id, per_clause))
        findings.append(_document_finding(
            kb, plan.provision, plan.test, per_clause, by_id, completeness=comp, thin=thin,
            available=available, as_of=as_of, doc_quote=doc_quote,
            authorities=plan.authorities))

    for provision in kb_provisions(kb):
        if not provision.tests:
            continue
        is_domestic = provision.jurisdiction != "intl"
        if not in_force(provision, as_of):
            findings.extend(_not_in_force(kb, provision, t, as_of, doc_quote)
                            for t in provision.tests)
            continue
        available = text_available(kb, provision.id, as_of)
        if not available:
            unavailable.append(provision.id)
        for test in provision.tests:
            if is_domestic and domestic is False:
                findings.append(_domestic_skipped(kb, provision, test,
                                                  str(meta.get("jurisdiction")), doc_quote))
                continue
            if test.kind == "admissibility":
                findings.append(_admissibility_finding(kb, provision, test, doc_signals,
                                                       analysed, comp, thin, available, as_of,
                                                       doc_quote, views=views, words=not lean))
                continue
            plan = plans.get((provision.id, test.id)) or _TestPlan.of(kb, provision, test)
            if test.kind == "treaty_priority":
                deferred.append((plan, available))  # needs the Covenant findings first
                continue
            _ask(plan, available, None)
    covenant = frozenset(f.clause_id for f in findings if f.clause_id != DOCUMENT
                         and f.status == "conflict" and f.provision_id.startswith("iccpr/"))
    for plan, available in deferred:
        _ask(plan, available, covenant)
    if unavailable:
        warnings.append(
            f"The text in force on {as_of.isoformat()} is missing for {len(unavailable)} "
            "provision(s) (" + ", ".join(unavailable[:5]) + (", ..." if len(unavailable) > 5
                                                             else "")
            + "): their findings are needs_review.")
    if thin:
        warnings.append("Thin evidence: the text is a paraphrase or fragments; confidence is "
                        "lowered and the findings need checking against the full text.")
    findings = _thin_no_signal(findings, analysed, sig, thin)
    admissibility = derive_admissibility(findings, doc_signals, domestic, kb)
    if lean:
        findings = in_text_order(findings, analysed)
    else:
        findings = _in_clause_order(findings, per_test, analysed)
    return Reasoned(findings=tuple(findings), admissibility=admissibility, signals=sig,
                    warnings=tuple(warnings), domestic_applied=domestic is not False,
                    unavailable=tuple(unavailable), lean=lean, unraised=tuple(unraised),
                    clauses=tuple(analysed) if lean else ())


def in_text_order(findings: Iterable[Finding], clauses: Sequence[Clause]) -> list[Finding]:
    """Findings in the order of a full :class:`Reasoned` (see :func:`_in_clause_order`): clause
    by clause in text order, each by (provision, test), then the instrument-level ones."""
    order: dict[str, int] = {}
    for i, c in enumerate(clauses):
        order.setdefault(c.id, i)
    n = len(clauses)
    return sorted(findings, key=lambda f: (f.clause_id == DOCUMENT, order.get(f.clause_id, n),
                                           f.provision_id, f.test_id))


def _in_clause_order(findings: list[Finding], per_test: list[tuple[str, str, list[Finding]]],
                     clauses: Sequence[Clause]) -> list[Finding]:
    """Findings clause by clause in text order, each clause's by (provision, test), then the
    instrument-level ones by (provision, test). Built by interleaving the per-test lists (each
    already in clause order) instead of sorting every finding: the same order as
    ``sort(key=(is_document, clause index, provision_id, test_id))``, which is used when
    clause ids are not unique."""
    order: dict[str, int] = {}
    for i, c in enumerate(clauses):
        order.setdefault(c.id, i)
    n = len(clauses)
    documents = sorted((f for f in findings if f.clause_id == DOCUMENT),
                       key=lambda f: (f.provision_id, f.test_id))
    tests = sorted(per_test, key=lambda t: (t[0], t[1]))
    if (len(order) == n and DOCUMENT not in order
            and all(len(t[2]) == n for t in tests)
            and n * len(tests) + len(documents) == len(findings)):
        lists = [t[2] for t in tests]
        return [lst[i] for i in range(n) for lst in lists] + documents
    return sorted(findings, key=lambda f: (f.clause_id == DOCUMENT, order.get(f.clause_id, n),
                                           f.provision_id, f.test_id))


_CUT_RE = re.compile(r"\.\.\.|…|[:,—–-]\s*(?:\[[^\]]*\])?\s*$")
"""Where a quoted text was cut: an omission mark, or a clause that ends on a colon, comma or
dash (perhaps before an editor's note in brackets)."""


def _thin_no_signal(findings: list[Finding], clauses: Sequence[Clause],
                    sig: Mapping[str, frozenset[str]], thin: bool) -> list[Finding]:
    """On thin evidence with nothing raised anywhere, "compatible" would be a verdict from
    nothing when the text has no operative words at all (only descriptions: "In February 2015,
    the draft law passed the Senate"): document-level findings become needs_review. Where a
    demand or a norm is quoted or paraphrased ("The petition asks the council to repair the
    road") and nothing in it restricts a right, the findings stay compatible, at a low
    confidence and with a note to check the full text: the issue's rule is that thin evidence
    "never produces a confident verdict from nothing", and this is neither."""
    if not thin or any(f.status in ("conflict", "concern") for f in findings):
        return findings
    # a ban whose object was cut off ("The following information is prohibited: [ends]",
    # «Запрещается распространение информации, [ends]») is no norm that restricts nothing
    dangling = any(_CUT_RE.search(c.text) for c in clauses)
    operative = not dangling and any(c.kind in ("demand", "norm") for c in clauses)
    if operative:
        note = {"en": " The text is a paraphrase or fragments: nothing in what we have restricts "
                      "a right; check the full text.",
                "ru": " Текст — пересказ или фрагменты: в имеющемся тексте ничего не ограничивает "
                      "права; проверьте полный текст."}
    else:
        note = {"en": " The text is a paraphrase or fragments and nothing was raised: this is "
                      "not evidence of compatibility; check the full text.",
                "ru": " Текст — пересказ или фрагменты, и ничего не выявлено: это не "
                      "доказательство совместимости; проверьте полный текст."}
    out = []
    for f in findings:
        if f.clause_id == DOCUMENT and f.status in ("compatible", "not_engaged"):
            update: dict[str, Any] = {
                "confidence": min(f.confidence, 0.5 if operative else 0.3),
                "rationale": {lang: text + note.get(lang, "")
                              for lang, text in f.rationale.items()}}
            if not operative:
                update.update(status="needs_review", severity="medium")
            f = f.model_copy(update=update)
        out.append(f)
    return out


# --------------------------------------------------------------------------- admissibility


def _asked(views: Sequence[_ClauseView], doc_signals: frozenset[str]
           ) -> tuple[Sequence[_ClauseView], frozenset[str]]:
    """The clauses that say what a petition asks (its demands and title) and their signals.

    The petitions law bars a petition whose *subject* could lead to violations of rights: its
    narrative ("offenders film the cruelty and post it on social networks") is not its
    subject. A text with no demand or title is read whole."""
    asking = [v for v in views if v.clause.kind == "demand" or v.clause.id == "title"]
    if not asking:
        return views, doc_signals
    sig: set[str] = {s for s in ("is_petition", "thin_evidence") if s in doc_signals}
    for v in asking:
        sig |= v.signals
    return asking, frozenset(sig)


def _admissibility_status(raised: bool, asked: frozenset[str], doc_signals: frozenset[str]) -> str:
    """``conflict`` when what the petition asks restricts a right with a defect on its face (a
    distinction, a vague term, an unlimited ban, a prior restraint or a permission regime: it
    could lead to violations, which the petitions law bars); ``concern`` when it asks for a
    restriction that shows none ("ban television advertising of junk food"): whether it would
    violate a right turns on a necessity the petition does not show."""
    if raised:
        return "conflict" if asked & DEFECT_SIGNALS else "concern"
    return "not_engaged" if "is_petition" not in doc_signals else "compatible"


def _admissibility_finding(kb, provision: Provision, test: Test, doc_signals: frozenset[str],
                           clauses: Sequence[Clause], comp: str, thin: bool, available: bool,
                           as_of: date, doc_quote: str,
                           views: Sequence[_ClauseView] | None = None,
                           words: bool = True) -> Finding:
    """Petitions law: the document-level test over the instrument's signals. ``words=False``
    (lean reasoning): the same status, evidence and confidence, no rationale."""
    if not words and available:
        if views is None:
            views = [_ClauseView(c, words=False) for c in clauses]
        views, asked = _asked(views, doc_signals)
        raised = "is_petition" in asked and conditions_hold(test.conditions, asked)
        names = condition_names(test.conditions)
        ev = [e for v in views for e in v.bare_evidence(names) if e.span is not None]
        evidence = tuple(sorted({(e.start, e.end): e.span for e in ev}.values(),
                                key=lambda s: (s.start, s.end)))[:12]
        status = _admissibility_status(raised, asked, doc_signals)
        return _finding(
            id=f"{DOCUMENT}/{provision.id}#{test.id}", clause_id=DOCUMENT,
            provision_id=provision.id, test_id=test.id, status=status,
            severity=SEVERITY[status],
            confidence=confidence(status, completeness=comp, clause=None,
                                  n_evidence=len(evidence), thin=thin),
            rationale={}, evidence=evidence, authorities=authority_refs(kb, test.authorities))
    if not available:
        rationale = {lang: _missing_text(provision, lang, as_of, False, doc_quote)
                     for lang in LANGS}
        status = "needs_review"
        evidence: tuple[Span, ...] = ()
    else:
        if views is None:
            views = [_ClauseView(c) for c in clauses]
        views, asked = _asked(views, doc_signals)
        raised = "is_petition" in asked and conditions_hold(test.conditions, asked)
        names = condition_names(test.conditions)
        local_of = [v.evidence(names) for v in views]
        ev = [e for local, _ in local_of for e in local if e.span is not None]
        evidence = tuple(sorted({(e.start, e.end): e.span for e in ev}.values(),
                                key=lambda s: (s.start, s.end)))[:12]
        quote = doc_quote
        for local, local_quote in local_of:
            if local and raised:
                quote = local_quote
                break
        status = _admissibility_status(raised, asked, doc_signals)
        source = None  # the clause the quote comes from supplies the template's values
        if quote:
            source = next((v.clause for v in views if quote in v.flat()), None)
        rationale = {}
        for lang in LANGS:
            if status == "concern":
                template = (test.rationale_concern.get(lang) or test.rationale.get(lang)
                            or test.question.get(lang, ""))
            elif raised:
                template = test.rationale.get(lang) or test.question.get(lang, "")
            else:
                template = test.rationale_ok.get(lang) or _default_ok(provision, lang)
            placeholders = ({"quote": quote} if source is None
                            else _placeholders(source, lang, quote))
            rationale[lang] = _with_quote(_fill(template, placeholders), quote, lang)
    conf = confidence(status, completeness=comp, clause=None, n_evidence=len(evidence),
                      thin=thin)
    return Finding(
        id=f"{DOCUMENT}/{provision.id}#{test.id}", clause_id=DOCUMENT, provision_id=provision.id,
        test_id=test.id, status=status, severity=SEVERITY[status], confidence=conf,
        rationale=rationale, evidence=evidence, authorities=authority_refs(kb, test.authorities),
    )


def _verification_of(kb, provision_id: str | None) -> str | None:
    """Verification of the exclusion's wording: the weakest text of its version in the KB."""
    from .models import VERIFICATION_ORDER

    if not provision_id:
        return None
    for p in kb_provisions(kb):
        if p.id == provision_id:
            levels = [t.verification for v in p.versions for t in v.texts]
            if not levels:
                return "summary"
            return min(levels, key=lambda v: VERIFICATION_ORDER[v])
    return None


def derive_admissibility(findings: Sequence[Finding], doc_signals: frozenset[str],
                         domestic: bool | None, kb) -> Admissibility:
    """Could the petition's subject lead to violations of rights and freedoms?

    The petitions chapter of the APPC (as described by UN experts, HRW and ECOM; the statute's
    wording is not in our sources) bars considering such petitions. The answer rests on the
    conflicts found under the ICCPR and the Constitution, and on the admissibility test itself.
    Rejected findings do not count; edited statuses do.
    """
    adm_tests = [(p, t) for p in kb_provisions(kb) for t in p.tests if t.kind == "admissibility"]
    main = [p.id for p, t in adm_tests if t.id == "admissibility"]
    provision_id = main[0] if main else (adm_tests[0][0].id if adm_tests else None)
    verification = _verification_of(kb, provision_id)
    if "is_petition" not in doc_signals:
        return Admissibility(
            applicable=False, answer="not_applicable", provision_id=provision_id,
            verification=verification,
            grounds={"en": "The input is not a petition: the petitions law does not apply.",
                     "ru": "Документ не является петицией: закон о петициях не применяется."})
    if domestic is False:
        return Admissibility(
            applicable=False, answer="not_applicable", provision_id=provision_id,
            verification=verification,
            grounds={"en": "A petition outside Kazakhstan: the Kazakh petitions law does not apply.",
                     "ru": "Петиция вне Казахстана: казахстанский закон о петициях не применяется."})
    live = [(f, st) for f in findings if f.clause_id != DOCUMENT
            for st in [live_status(f)] if st is not None]
    conflicts = [f for f, st in live if st == "conflict"
                 and (f.provision_id.startswith("iccpr/") or "const" in f.provision_id)]
    adm_ids = {(p.id, t.id) for p, t in adm_tests}
    adm_conflict = [f for f in findings if (f.provision_id, f.test_id) in adm_ids
                    and live_status(f) == "conflict"]
    provs = sorted({f.provision_id for f in conflicts})
    basis = [f.id for f in adm_conflict] + sorted({f.id for f in conflicts})[:20]
    wording = {
        "en": f"The exclusion's wording is known only at verification level '{verification}'"
              " (the statute's own text is not in our sources).",
        "ru": f"Формулировка исключения известна лишь на уровне проверки «{verification}»"
              " (текста самой статьи в наших источниках нет).",
    } if verification and verification != "official" else {"en": "", "ru": ""}
    if conflicts or adm_conflict:
        answer = "inadmissible"
        grounds = {
            "en": ("The petition's subject could lead to violations of human rights and "
                   "freedoms (conflicts found under: " + ", ".join(provs) + "). Under the "
                   "petitions chapter of the APPC such a petition should not have been "
                   "registered or considered. " + wording["en"]).strip(),
            "ru": ("Предмет петиции может повлечь нарушение прав и свобод человека (выявлены "
                   "противоречия: " + ", ".join(provs) + "). Согласно главе АППК о петициях "
                   "такая петиция не должна была быть зарегистрирована и рассмотрена. "
                   + wording["ru"]).strip(),
        }
    elif any(st in ("concern", "needs_review") for _, st in live):
        answer = "needs_review"
        grounds = {
            "en": "Concerns were found but no clear conflict: a reviewer should decide. "
                  + wording["en"],
            "ru": "Есть сомнения, но явного противоречия нет: решение за проверяющим юристом. "
                  + wording["ru"],
        }
    else:
        answer = "admissible"
        grounds = {
            "en": "No conflict with human rights and freedoms was found in the petition's "
                  "subject. " + wording["en"],
            "ru": "Противоречий правам и свободам в предмете петиции не найдено. "
                  + wording["ru"],
        }
    return Admissibility(applicable=True, answer=answer,
                         grounds={k: v.strip() for k, v in grounds.items()},
                         provision_id=provision_id, verification=verification,
                         findings=tuple(basis))


# --------------------------------------------------------------------------- instrument level

ICCPR_ARTICLE = re.compile(r"^iccpr/art_(\d+)")


def live_status(f: Finding) -> str | None:
    """``f.effective_status``, or None when the reviewer rejected the finding (one call
    instead of two properties: the instrument-level passes visit every finding)."""
    r = f.review
    if r is None:
        return f.status
    if r.decision == "reject":
        return None
    return r.status if r.decision == "edit" and r.status else f.status


def worst_by_provision(findings: Sequence[Finding]) -> dict[str, str]:
    """Provision id -> worst effective status (reviewer edits count, rejected findings don't)."""
    out: dict[str, str] = {}
    rank: dict[str, int] = {}
    order = STATUS_SEVERITY_ORDER
    for f in findings:
        s = live_status(f)
        if s is None:
            continue
        pid = f.provision_id
        r = order[s]
        if pid not in rank or r > rank[pid]:
            out[pid] = s
            rank[pid] = r
    return dict(sorted(out.items()))


ACCESSORY_ARTICLES = frozenset({2})
"""Art. 2(1) is violated only together with a substantive right ("26 with 2(1)"); authorities
name the substantive articles, so it stays in ``provisions`` but not in ``conflicts_iccpr``."""


def conflicts_iccpr(provisions: Mapping[str, str]) -> tuple[int, ...]:
    arts = {int(m.group(1)) for pid, s in provisions.items() if s == "conflict"
            for m in [ICCPR_ARTICLE.match(pid)] if m} - ACCESSORY_ARTICLES
    return tuple(sorted(arts))


def derive_verdict(provisions: Mapping[str, str], findings: Sequence[Finding]) -> str:
    """The worst provision status, as issue 4's verdicts name it: incompatible (a conflict),
    mixed (concerns without a conflict: e.g. a restriction whose necessity the State must
    still show), needs_review (nothing but unresolved items), compatible otherwise."""
    statuses = set(provisions.values())
    if "conflict" in statuses:
        return "incompatible"
    if "concern" in statuses:
        return "mixed"
    live = [f for f in findings if f.clause_id == DOCUMENT and not f.rejected]
    iccpr = [f for f in live if f.provision_id.startswith("iccpr/")]
    if iccpr and all(f.effective_status == "needs_review" for f in iccpr):
        return "needs_review"
    if not live:
        return "needs_review"
    return "compatible"


_PROTECTED_RIGHT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (right, re.compile(rx, re.IGNORECASE)) for right, rx in (
        ("expression", r"expression|speech|censor|выражени|слов|вираженн|цензур|сөз"),
        ("assembly", r"assembl|собрани|собират|зібран|збират|жиналыс"),
        ("association", r"associat|объединени|об.єднан|бірлес"),
        ("privacy", r"privacy|private|частн|приватн|жеке өмір"),
    ))
"""Which right a protective phrase of the ``rights_protection`` concept guarantees ("freedom
of speech", «свобода собраний»); the lexicon's phrases for the concept name it in these
words."""


def _protected_rights(clauses: Sequence[Clause]) -> set[str]:
    """Rights that protective language guarantees: equality for a ban on discrimination or
    violence, or the right a "freedom of ..." phrase names; a generic "human rights" names
    none."""
    out: set[str] = set()
    for c in clauses:
        for sp in c.spans:
            if sp.label != "protective" or sp.negated:
                continue
            if sp.concept != "rights_protection":
                out.add("equality")
                continue
            out.update(r for r, rx in _PROTECTED_RIGHT_WORDS if rx.search(sp.text))
    return out


def derive_engages(findings: Sequence[Finding], signals: Mapping[str, frozenset[str]],
                   kb, clauses: Sequence[Clause] | None = None) -> tuple[str, ...]:
    """Rights touched, restricted or protected: from ICCPR findings raised or engaged, and
    from protective language (``clauses``: the right it guarantees; without them, equality for
    any protective clause). Uses the names of shared/eval/README.md."""
    rights_of = {p.id: p.rights for p in kb_provisions(kb)}
    out: set[str] = set()
    restricting: set[str] = set()  # clauses where art. 19 is engaged
    for f in findings:
        if f.clause_id == DOCUMENT or not f.provision_id.startswith("iccpr/"):
            continue
        st = live_status(f)
        if st in ("conflict", "concern") or (st == "compatible" and f.evidence):
            rights = rights_of.get(f.provision_id, ())
            if f.provision_id == "iccpr/art_17":
                # the family test engages family life; the other art. 17 tests, privacy
                rights = ("family",) if f.test_id.startswith("family") else ("privacy",)
            out.update(rights)
            if f.provision_id == "iccpr/art_19__para_2":
                restricting.add(f.clause_id)
    if clauses is not None:
        out |= _protected_rights([c for c in clauses if "protective" in signals.get(c.id, ())])
    else:
        for cid, s in signals.items():
            if cid != DOCUMENT and "protective" in s:
                out.add("equality")
    if "children" not in out and _purpose_protects_children(restricting, signals):
        out.add("children")
    # a blasphemy or insult-of-feelings offence protects religion as it restricts speech
    # (CCPR/C/GC/34 para 48): the text touches both
    if any("disrespect_of_belief" in s for cid, s in signals.items() if cid != DOCUMENT):
        out.add("religion")
    order = ("expression", "equality", "assembly", "association", "privacy", "family",
             "children", "religion")
    return tuple(r for r in order if r in out)


_SENTENCE_ID = re.compile(r"__s_\d+$")


def _purpose_protects_children(restricting: Iterable[str],
                               signals: Mapping[str, frozenset[str]]) -> bool:
    """A restriction of expression whose paragraph states, in another sentence, the purpose
    of protecting children («The draft law enshrines measures aimed at protecting children
    from exposure to content ... The dissemination of information ... is prohibited»).

    A stated purpose governs the paragraph's operative sentences, before or after it: the ban
    limits what children themselves may receive, so their rights are engaged ("the rights of all
    adolescents to freedom of expression", CRC/C/GC/20 para 34, data/sources/intl/08_CRC_...),
    as they are when the same sentence names them. Paragraphs are read from the clause ids (``p_2__s_1``, ``p_2__s_2``)."""
    by_paragraph: dict[str, list[str]] = {}
    for cid in signals:
        if cid != DOCUMENT and _SENTENCE_ID.search(cid):
            by_paragraph.setdefault(_SENTENCE_ID.sub("", cid), []).append(cid)
    for cid in restricting:
        if not _SENTENCE_ID.search(cid):
            continue
        for other in by_paragraph.get(_SENTENCE_ID.sub("", cid), ()):
            if other != cid and "aim_children" in signals.get(other, frozenset()):
                return True
    return False


GROUP_NAMES = {"lgbt": "lgbt", "religious": "religious", "religious_body": "religious",
               "ethnic": "ethnic", "women": "women"}


def _count_groups(spans: Sequence[Span], counts: dict[str, int], practices: bool = False) -> None:
    """Count the group spans by :data:`GROUP_NAMES`. An organisation named by its members'
    group ("the international LGBT movement", «общественное движение ЛГБТ» is not one span but
    the group inside counts) is counted as that group, not as an organisation."""
    groups = [s for s in spans if s.label == "group" and not s.negated]
    for s in groups:
        if s.concept in ASSOCIATION_GROUP_CONCEPTS and any(
                g is not s and g.concept not in ASSOCIATION_GROUP_CONCEPTS
                and s.start <= g.start and g.end <= s.end for g in groups):
            continue
        name = GROUP_NAMES.get(s.concept, "other")
        counts[name] = counts.get(name, 0) + 1
    # a religious practice restricted as such (a hijab ban, a ban on missionary work: the
    # evidence of an art. 18 finding, ``practices``) treats its believers adversely even where
    # no group word names them
    for s in spans if practices else ():
        if s.label == "practice" and s.concept == "religion" and not s.negated:
            counts["religious"] = counts.get("religious", 0) + 1


ASSOCIATION_GROUP_CONCEPTS = frozenset({"ngo"})
_NO_GROUP_TESTS = frozenset({"association_necessity"})
"""Tests whose evidence names organisations only as what a restriction reaches: whether a
restriction of associations is necessary says nothing of a group singled out (the engagement
test on the same clause counts them where it conflicts)."""


def derive_targets_group(findings: Sequence[Finding], clauses: Sequence[Clause]) -> str:
    """The group targeted adversely: from the evidence of raised findings; protective -> none."""
    counts: dict[str, int] = {}
    for f in findings:
        if live_status(f) not in ("conflict", "concern") or f.test_id in _NO_GROUP_TESTS:
            continue
        _count_groups(f.evidence, counts, practices=f.provision_id.startswith("iccpr/art_18"))
    if not counts:
        by_id = {c.id: c for c in clauses}
        for f in findings:
            if live_status(f) != "conflict" or f.clause_id not in by_id:
                continue
            clause = by_id[f.clause_id]
            shielded = shielded_groups(clause)
            _count_groups([s for s in clause.spans if (s.start, s.end) not in shielded]
                          if shielded else clause.spans, counts)
    if not counts:
        return "none"
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _vague_spans(clause: Clause) -> list[Span]:
    """The clause's vague spans that the ``vague_term`` signal counts: not the closed list's
    own terms ("propaganda for war", "extremism": :func:`analysis.signals.closed_list_reading`)."""
    if not any(s.label == "vague" for s in clause.spans):
        return []
    return [e.span for e in clause_evidence(clause).get("vague_term", ()) if e.span is not None]


def derive_vague_terms(clauses: Sequence[Clause]) -> tuple[str, ...]:
    """Vague terms as they occur in the text, in order of first occurrence, de-duplicated.

    Only terms in clauses that set the scope of a restriction (a demand, a measure or penalty,
    a definition: :func:`analysis.signals.defines_scope`): legality asks whether the
    *restriction* is formulated with sufficient precision (CCPR/C/GC/34 para 25), so the
    narrative words of a description are not vague terms of the instrument."""
    seen: list[str] = []
    spans = sorted((s for c in clauses if defines_scope(c) for s in _vague_spans(c)),
                   key=lambda s: (s.start, s.end))
    for s in spans:
        if s.text not in seen:
            seen.append(s.text)
    return tuple(seen)
