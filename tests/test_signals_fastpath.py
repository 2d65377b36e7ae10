"""A clause with no annotated span takes a shortcut in ``analysis.signals._compute``: it must
give exactly what the full computation gives (checked on every such clause of the shared
sources and the bundled texts, against the full pass run on the same clause with one negated
span, which the full pass ignores)."""
from __future__ import annotations

from pathlib import Path

from analysis.models import Span
from analysis.nlp import annotate_many
from analysis.signals import _compute
from analysis.text import read_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def test_spanless_shortcut_equals_the_full_computation():
    paths = sorted((SHARED / "sources").rglob("*.txt")) + sorted((ROOT / "data" / "petitions").iterdir())
    docs = [read_document(p) for p in paths]
    clauses = [c for a in annotate_many(docs) for c in a.clauses
               if c.language is not None and not c.spans]
    assert len(clauses) > 200
    scoped = 0
    for c in clauses:
        ignored = Span(label="aim", concept="children", start=c.start, end=c.start + 1,
                       text=c.text[:1], negated=True)
        full = _compute(c.model_copy(update={"spans": (ignored,)}))
        assert list(_compute(c).items()) == list(full.items()), c.text
        scoped += len(full) > 1
    assert scoped > 0  # some spanless clauses still reach privacy or children by their words
