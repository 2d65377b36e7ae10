"""Natural-language processing of petitions, bills and laws (ru, kk, uk, en).

Public API (docs/CONTRACTS.md):

- :func:`annotate` ``(document) -> Annotated`` — clauses with stable Akoma Ntoso-style ids,
  languages, kinds (demand / description / norm) and evidence spans; raises
  :class:`analysis.errors.UnsupportedLanguageError` when no segment is in ru/kk/uk/en.
- :func:`annotate_many` ``(documents, batch_size=64)`` — the same for many documents through
  ``nlp.pipe``; pipelines and lemma caches are built once per process.
- :func:`annotate_file_cli` — ``python -m analysis annotate INPUT [--json]``.

spaCy and pymorphy3 are imported only when a pipeline is first needed. The implementation is in
:mod:`analysis.nlp.annotator` (not ``annotate``: a submodule of that name would shadow the
function once imported).
"""
from __future__ import annotations

__all__ = ["Annotated", "annotate", "annotate_many", "annotate_file_cli"]


def __getattr__(name: str):
    if name == "Annotated":
        from .annotator import Annotated

        return Annotated
    raise AttributeError(name)


def annotate(document):
    """See :func:`analysis.nlp.annotator.annotate`."""
    from .annotator import annotate as _annotate

    return _annotate(document)


def annotate_many(documents, batch_size: int = 64):
    """See :func:`analysis.nlp.annotator.annotate_many`."""
    from .annotator import annotate_many as _annotate_many

    return _annotate_many(documents, batch_size=batch_size)


def annotated_to_dict(annotated) -> dict:
    """A JSON-ready dict of an annotation (stable: sorted keys when dumped)."""
    doc = annotated.document
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "format": doc.format,
        "metadata": doc.metadata,
        "languages": list(annotated.languages),
        "clauses": [c.model_dump(mode="json") for c in annotated.clauses],
        "skipped": [s.model_dump(mode="json") for s in annotated.skipped],
    }


def annotate_file_cli(args) -> int:
    """``python -m analysis annotate INPUT [--json]``: print clauses, kinds, languages, spans."""
    import json

    from ..text import read_document
    from .annotator import annotate as _annotate

    annotated = _annotate(read_document(args.input))
    if getattr(args, "json", False):
        print(json.dumps(annotated_to_dict(annotated), ensure_ascii=False, sort_keys=True,
                         indent=2, default=str))
        return 0
    doc = annotated.document
    print(f"{doc.path}  ({doc.format}, {doc.encoding or '-'}, sha256 {doc.sha256[:12]})")
    print(f"languages: {', '.join(annotated.languages)}; clauses: {len(annotated.clauses)}; "
          f"skipped segments: {len(annotated.skipped)}")
    for c in annotated.clauses:
        snippet = " ".join(c.text.split())
        if len(snippet) > 100:
            snippet = snippet[:97] + "..."
        print(f"\n[{c.id}] {c.kind} ({c.language}) {c.start}-{c.end}: {snippet}")
        for s in c.spans:
            neg = " NEGATED" if s.negated else ""
            print(f"    {s.label}/{s.concept}{neg} {s.start}-{s.end}: {s.text!r}")
    for s in annotated.skipped:
        print(f"\nskipped {s.start}-{s.end} ({s.reason}): {' '.join(s.text.split())[:80]}")
    return 0
