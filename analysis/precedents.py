"""Comparable instruments elsewhere and what courts and UN bodies found (``data/precedents``).

Similarity is the cosine of concept-weight vectors: the input's vector counts the non-negated
annotated spans by ``label:concept`` (lexicon concepts, so a Russian and an English text about
the same ban look alike), damped as ``1 + ln(count)`` and weighted by label (who is targeted and
how weighs more than where); each precedent's vector is written by hand in its YAML file.
Deterministic: ties are broken by id.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import KnowledgeBaseError
from .models import Clause, PrecedentMatch

PRECEDENTS_DIR = Path(__file__).resolve().parent.parent / "data" / "precedents"

LABEL_WEIGHTS: dict[str, float] = {
    "group": 2.0, "measure": 1.5, "expression": 1.5, "penalty": 1.0, "vague": 1.0,
    "aim": 1.0, "protective": 1.5, "channel": 0.5, "legal_ref": 0.25, "practice": 1.0,
}


SUBSTANCE_LABELS = frozenset({"group", "expression", "vague"})
"""A match must share what is restricted or who is targeted, not only where or how."""


@dataclass(frozen=True)
class Precedent:
    id: str
    title: str
    jurisdiction: str
    year: int | None
    instrument: str
    outcome: str
    concepts: tuple[tuple[str, float], ...]
    citations: tuple[str, ...]
    wording: str | None = None
    verification: str | None = None


def _load_one(path: Path) -> Precedent:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"not valid YAML ({exc})", where=str(path),
                                 hint="fix the indentation or quotes") from None
    where = str(path)
    if not isinstance(data, dict):
        raise KnowledgeBaseError("a precedent file must be a mapping", where=where,
                                 hint="see data/precedents/README.md")
    for key in ("id", "title", "jurisdiction", "outcome", "concepts", "citations"):
        if not data.get(key):
            raise KnowledgeBaseError(f"missing field '{key}'", where=where,
                                     hint="see data/precedents/README.md")
    concepts = data["concepts"]
    if not isinstance(concepts, dict):
        raise KnowledgeBaseError("'concepts' must map label:concept to a weight",
                                 where=f"{where}, field 'concepts'", hint="e.g. group:lgbt: 2")
    for key, weight in concepts.items():
        if ":" not in str(key) or not isinstance(weight, (int, float)) or weight <= 0:
            raise KnowledgeBaseError(f"bad concept entry {key!r}: {weight!r}",
                                     where=f"{where}, field 'concepts'",
                                     hint="write label:concept: positive weight")
    return Precedent(
        id=str(data["id"]), title=str(data["title"]), jurisdiction=str(data["jurisdiction"]),
        year=data.get("year"), instrument=str(data.get("instrument", "")),
        outcome=str(data["outcome"]),
        concepts=tuple(sorted((str(k), float(v)) for k, v in concepts.items())),
        citations=tuple(str(c) for c in data["citations"]),
        wording=data.get("wording"), verification=data.get("verification"),
    )


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> tuple[Precedent, ...]:
    return tuple(sorted((_load_one(p) for p in Path(directory).glob("*.yaml")),
                        key=lambda p: p.id))


def load_precedents(directory: str | Path | None = None) -> tuple[Precedent, ...]:
    """All precedents in ``data/precedents`` (or another folder), sorted by id."""
    return _load_cached(str(directory or PRECEDENTS_DIR))


def concept_vector(clauses: Iterable[Clause]) -> dict[str, float]:
    """``label:concept`` -> weight for the input, from its non-negated spans."""
    counts: Counter[str] = Counter()
    for clause in clauses:
        for span in clause.spans:
            if not span.negated:
                counts[f"{span.label}:{span.concept}"] += 1
    return {k: (1.0 + math.log(n)) * LABEL_WEIGHTS.get(k.split(":", 1)[0], 1.0)
            for k, n in counts.items()}


def _precedent_vector(p: Precedent) -> dict[str, float]:
    return {k: w * LABEL_WEIGHTS.get(k.split(":", 1)[0], 1.0) for k, w in p.concepts}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    dot = sum(w * b[k] for k, w in a.items() if k in b)
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def similar_precedents(clauses: Sequence[Clause], *, k: int = 3, min_similarity: float = 0.15,
                       precedents: Sequence[Precedent] | None = None,
                       known_authorities: Iterable[str] | None = None) -> tuple[PrecedentMatch, ...]:
    """The ``k`` closest precedents (similarity above ``min_similarity``), best first.

    ``known_authorities`` (ids in the knowledge base), when given, filters citations so a
    match never cites what the knowledge base cannot resolve.
    """
    pool = precedents if precedents is not None else load_precedents()
    vec = concept_vector(clauses)
    known = set(known_authorities) if known_authorities is not None else None
    scored = []
    for p in pool:
        pv = _precedent_vector(p)
        sim = cosine(vec, pv)
        if sim < min_similarity:
            continue
        shared = tuple(sorted(set(vec) & set(pv)))
        if not any(k.split(":", 1)[0] in SUBSTANCE_LABELS for k in shared):
            continue  # a speed limit near a school shares a place and a verb, not a subject
        cites = tuple(c for c in p.citations if known is None or c in known)
        scored.append((-round(sim, 3), p.id, PrecedentMatch(
            id=p.id, title=p.title, jurisdiction=p.jurisdiction, similarity=round(sim, 3),
            outcome=p.outcome, citations=cites, shared_concepts=shared)))
    scored.sort(key=lambda t: (t[0], t[1]))
    return tuple(m for _, _, m in scored[:k])
