"""The data model shared by every step (see DESIGN.md, "Data model").

All models are frozen pydantic models: an analysis is a value, built once and never mutated,
so that two runs over the same input serialise to byte-identical JSON (:func:`dump_json`).
Pandas frames are views built from these objects, never the other way round.

Offsets (``start``/``end``) always refer to :attr:`analysis.text.Document.original`, the text
as read from the file (after decoding and, for HTML/DOCX/PDF, extraction of the visible text),
so that ``original[start:end]`` is exactly the highlighted text.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# --------------------------------------------------------------------------- vocabularies

Verification = Literal["official", "unofficial-translation", "secondary-quote", "summary"]
"""How far a text can be trusted as the law's own words (shared/README.md: never upgrade it)."""

VERIFICATION_ORDER: dict[str, int] = {
    "official": 3,
    "unofficial-translation": 2,
    "secondary-quote": 1,
    "summary": 0,
}

Status = Literal["conflict", "concern", "compatible", "not_engaged", "needs_review"]

STATUS_SEVERITY_ORDER: dict[str, int] = {
    "not_engaged": 0,
    "compatible": 1,
    "needs_review": 2,
    "concern": 3,
    "conflict": 4,
}
"""Order used for "worst status" per provision: a conflict outranks everything."""

Severity = Literal["high", "medium", "low", "none"]

Language = Literal["ru", "kk", "uk", "en"]
SUPPORTED_LANGUAGES: tuple[str, ...] = ("ru", "kk", "uk", "en")

ClauseKind = Literal["demand", "description", "norm"]

SpanLabel = Literal[
    "measure",  # restriction measures: ban, prohibit, restrict, block, close, refuse registration
    "penalty",  # fine, arrest, criminal/administrative liability, deportation, suspension
    "expression",  # objects of expression: propaganda, information, materials, symbols, events
    "channel",  # media, internet, schools, books, films, television, public places
    "group",  # targeted groups; ``concept`` names which (lgbt, religious, ethnic, ...)
    "aim",  # stated aims; ``concept`` names which (children, morals, traditional_values, ...)
    "vague",  # vague or undefined terms (propaganda, non-traditional, hidden, promotion, ...)
    "protective",  # non-discrimination, equality, protection from violence
    "legal_ref",  # references to legal provisions with their instrument
    "practice",  # practices a right protects: religious (worship, prayer, missionary work,
    #              religious dress) and family (adoption, guardianship, parental rights)
]
SPAN_LABELS: tuple[str, ...] = (
    "measure", "penalty", "expression", "channel", "group", "aim", "vague", "protective",
    "legal_ref", "practice",
)

TestKind = Literal[
    "engagement",  # is the right engaged at all (e.g. ICCPR 19(2))
    "legality",  # provided by law with sufficient precision
    "legitimate_aim",
    "necessity",
    "proportionality",
    "necessity_proportionality",
    "non_discrimination",
    "closed_list",  # Constitution art. 20(3): is the restricted speech on its closed list
    "treaty_priority",  # Constitution art. 4(3)
    "admissibility",  # petitions law: could the subject lead to violations of rights
    "precedent",  # a domestic ruling on a similar instrument (2015 Constitutional Council)
]

Right = Literal[
    "expression", "equality", "assembly", "association", "privacy", "family", "children",
    "religion",
]
"""Names of rights as in shared/eval/README.md (``engages``)."""


class Frozen(BaseModel):
    """Base: immutable, no unknown fields (a typo in a data file is an error, not ignored)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- knowledge base


class Source(Frozen):
    """A document we quote or rely on, with its provenance and verification level."""

    id: str
    title: str
    symbol: str | None = None  # e.g. "CCPR/C/GC/34"
    kind: Literal[
        "treaty", "constitution", "statute", "court", "un", "government", "ngo", "news",
        "petition", "other",
    ]
    urls: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date: str | None = None  # ISO date or year-month of the document
    retrieved: str | None = None  # when the copy in data/sources was collected
    verification: Verification
    completeness: str  # e.g. "verbatim full, paras 1-52" / "excerpt" / "summary"
    file: str | None = None  # path of the copy under data/sources/
    notes: str | None = None


class ProvisionText(Frozen):
    """Verbatim text of a provision in one language, with the source it is quoted from."""

    lang: str
    text: str
    source_id: str
    verification: Verification
    translation: str | None = None  # which (unofficial) translation, when not the original
    note: str | None = None


class ProvisionVersion(Frozen):
    """One dated version of a provision. ``texts`` empty = in force, but text not available."""

    id: str
    valid_from: date | None = None
    valid_to: date | None = None
    texts: tuple[ProvisionText, ...] = ()
    note: str | None = None


class Test(Frozen):
    """A question a lawyer asks of a text under a provision, with its authorities.

    ``conditions`` are over clause signals (see :mod:`analysis.signals`):
    ``{"all": [...], "any": [...], "none": [...]}``; the reasoning module evaluates them.
    """

    id: str  # unique within the provision, e.g. "legality"
    provision_id: str
    kind: TestKind
    question: dict[str, str]  # lang -> question in plain words (en, ru)
    conditions: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    authorities: tuple[str, ...] = ()  # Authority ids, paragraph-level
    rationale: dict[str, str] = Field(default_factory=dict)  # lang -> template
    rationale_ok: dict[str, str] = Field(default_factory=dict)  # when checked and not raised
    # necessity tests only: raised without a defect on the text's face (a concern), and raised
    # by speech on the closed list (compatible); see analysis.reasoning.NECESSITY_KINDS
    rationale_concern: dict[str, str] = Field(default_factory=dict)
    rationale_on_list: dict[str, str] = Field(default_factory=dict)


class Provision(Frozen):
    """A provision of an instrument, Akoma Ntoso id, e.g. ``iccpr/art_19__para_3``."""

    id: str
    instrument: str  # e.g. "iccpr", "kz-const-1995", "kz-appc", "kz-cc-2015-3"
    jurisdiction: str  # "intl" or an ISO country code ("kz")
    label: dict[str, str]  # lang -> short citation, e.g. {"en": "ICCPR art. 19(3)"}
    title: dict[str, str] = Field(default_factory=dict)
    rights: tuple[str, ...] = ()  # Right names the provision protects
    versions: tuple[ProvisionVersion, ...]
    tests: tuple[Test, ...] = ()


class Authority(Frozen):
    """A paragraph of a general comment, view, judgment or opinion, quoted verbatim."""

    id: str  # e.g. "ccpr-c-gc-34/para_25"
    source_id: str
    symbol: str  # e.g. "CCPR/C/GC/34"
    short_title: str  # e.g. "HRC General Comment No. 34" / "Fedotova v. Russian Federation"
    paragraph: str | None  # "25", "10.8"; None where the source shows no paragraph number
    quote: str  # verbatim; must occur in the source document (whitespace-normalised)
    holding: str  # in our own words
    weight: Literal["treaty-body", "court", "domestic", "expert", "secondary"]
    verification: Verification

    def cite(self) -> str:
        """Pinpoint citation as advocates write it: ``CCPR/C/GC/34 para 25``."""
        if self.paragraph:
            return f"{self.short_title}, {self.symbol}, para {self.paragraph}"
        return f"{self.short_title}, {self.symbol}"


# --------------------------------------------------------------------------- annotation


class Span(Frozen):
    """An annotated span of the original text."""

    label: str  # one of SPAN_LABELS
    concept: str  # normalised concept, e.g. "ban", "lgbt", "children", "propaganda"
    start: int
    end: int
    text: str  # == original[start:end]
    negated: bool = False  # «не допускается дискриминация»


class Clause(Frozen):
    """A segment with a stable Akoma Ntoso-style id (``title``, ``item_1__para_2``, ``p_3__s_2``)."""

    id: str
    start: int
    end: int
    text: str  # == original[start:end]
    language: str | None  # None = unsupported/undetected (then it is listed as skipped)
    kind: ClauseKind
    spans: tuple[Span, ...] = ()
    heading: str | None = None  # e.g. "Статья 6.21" for article-level context


class Segment(Frozen):
    """A part of the input that was not analysed (unsupported language), listed in outputs."""

    start: int
    end: int
    text: str
    language: str | None  # best guess, e.g. "de", or None
    reason: str


# --------------------------------------------------------------------------- reasoning


class AuthorityRef(Frozen):
    """Pinpoint reference carried by a finding (resolvable in the knowledge base)."""

    id: str
    citation: str  # Authority.cite()
    verification: Verification


class Review(Frozen):
    """A named reviewer's decision on one finding (from the sidecar YAML file)."""

    decision: Literal["accept", "reject", "edit"]
    reviewer: str
    date: date
    note: str | None = None
    status: Status | None = None  # edited status
    rationale: str | None = None  # edited rationale


class Finding(Frozen):
    """The result of one provision's test on one clause (or on the whole instrument)."""

    id: str  # stable: "<clause_id>/<provision_id>#<test_id>"
    clause_id: str  # or "document" for instrument-level findings
    provision_id: str
    test_id: str
    status: Status
    severity: Severity
    confidence: float  # 0..1, rounded to 2 decimals
    rationale: dict[str, str]  # lang -> text (en, ru), quoting the clause's own words
    evidence: tuple[Span, ...] = ()
    authorities: tuple[AuthorityRef, ...] = ()
    review: Review | None = None

    @property
    def effective_status(self) -> Status:
        """Status after the reviewer's decision (an edit may change it)."""
        if self.review and self.review.decision == "edit" and self.review.status:
            return self.review.status
        return self.status

    @property
    def rejected(self) -> bool:
        return bool(self.review and self.review.decision == "reject")


class Admissibility(Frozen):
    """Petitions law: could the petition's subject lead to violations of rights and freedoms?"""

    applicable: bool  # False when the input is not a petition
    answer: Literal["inadmissible", "admissible", "needs_review", "not_applicable"]
    grounds: dict[str, str] = Field(default_factory=dict)  # lang -> text
    provision_id: str | None = None
    verification: Verification | None = None  # of the exclusion's wording
    findings: tuple[str, ...] = ()  # ids of the findings it rests on


class PrecedentMatch(Frozen):
    """A comparable instrument and what an authority found, with similarity to the input."""

    id: str
    title: str
    jurisdiction: str
    similarity: float  # 0..1, rounded to 3 decimals
    outcome: str
    citations: tuple[str, ...] = ()
    shared_concepts: tuple[str, ...] = ()


class StaleDecision(Frozen):
    """A reviewer decision whose finding no longer exists: reported, never dropped silently."""

    finding_id: str
    reviewer: str
    decision: str
    line: int | None = None


class InputInfo(Frozen):
    path: str
    sha256: str
    languages: tuple[str, ...]
    completeness: str  # "full", "excerpt", "quoted-fragments", "paraphrase", "unknown"
    title: str | None = None
    encoding: str | None = None
    format: str | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)


class Analysis(Frozen):
    """Everything one run produced; :func:`dump_json` gives the ``findings.json`` contract."""

    input: InputInfo
    as_of: date
    kb_version: str
    package_version: str
    parameters: dict[str, Any] = Field(default_factory=dict)
    verdict: Literal["incompatible", "compatible", "mixed", "needs_review"]
    engages: tuple[str, ...]
    conflicts_iccpr: tuple[int, ...]
    targets_group: str
    vague_terms: tuple[str, ...]
    admissibility: Admissibility
    provisions: dict[str, Status]
    clauses: tuple[Clause, ...]
    findings: tuple[Finding, ...]
    precedents: tuple[PrecedentMatch, ...] = ()
    skipped: tuple[Segment, ...] = ()
    stale_reviews: tuple[StaleDecision, ...] = ()
    warnings: tuple[str, ...] = ()


def dump_json(model: BaseModel) -> str:
    """Stable JSON: sorted keys, UTF-8 characters kept, fixed indentation, trailing newline."""
    data = model.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
