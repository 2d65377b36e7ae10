"""Hand-made clauses over real sentences, for tests that must not depend on the annotator.

``make_clause(text, [(words, label, concept), ...])`` marks the first occurrence of each
``words`` in ``text`` (after ``after`` when given) as a span, like the annotator would.
"""
from __future__ import annotations

from analysis.models import Clause, Span


def make_clause(text: str, marks, *, cid: str = "p_1", kind: str = "norm", lang: str = "en",
                offset: int = 0) -> Clause:
    spans = []
    for mark in marks:
        words, label, concept, *rest = mark
        negated = bool(rest and rest[0])
        i = text.index(words)
        spans.append(Span(label=label, concept=concept, start=offset + i,
                          end=offset + i + len(words), text=words, negated=negated))
    spans.sort(key=lambda s: (s.start, s.end))
    return Clause(id=cid, start=offset, end=offset + len(text), text=text, language=lang,
                  kind=kind, spans=tuple(spans))
