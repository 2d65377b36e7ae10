"""Legal-reference shortcuts (issue 3 speed) find what the plain per-clause search finds.

``LegalRefs._triggered`` finds, in one pass per trigger over a whole ``Doc``, which clauses
contain which instruments' triggers, and skips to the end of a clause after its first
occurrence; only those clauses are searched. On the clauses of every real text of ../shared
and data/ it must give what looking for every trigger inside each clause alone gives, and the
component must give the references of :func:`find_legal_refs` run on each clause alone.
"""
from __future__ import annotations

import pytest

from analysis.nlp.pipelines import REFS, find_legal_refs, get_pipeline, load_lexicon, make_clause_doc
from analysis.nlp.segment import segment


@pytest.mark.parametrize("lang", ["ru", "en", "kk", "uk"])
def test_triggered_clauses_equal_a_search_in_each_clause(lang, real_normalised_texts):
    component = get_pipeline(lang).get_pipe("legal_refs")
    lex = load_lexicon(lang)
    clauses_with_refs = repeated = 0
    for text in real_normalised_texts:
        clauses = [(u.start, u.end) for u in segment(text)]
        want = {}
        for k, (cs, ce) in enumerate(clauses):
            clause = text[cs:ce]
            hit = {c for c, t in component.triggers
                   if t in (clause.lower() if t.islower() else clause)}
            if hit:
                want[k] = hit
                repeated += any(clause.lower().count(t.lower()) > 1 for _, t in component.triggers)
        assert component._triggered(text, clauses) == want
        # and the component's references are those of each clause searched alone
        doc = component(make_clause_doc(get_pipeline(lang), text, clauses))
        for k, (cs, ce) in enumerate(clauses):
            got = [(s - cs, e - cs, c) for s, e, c in doc.user_data[REFS][k]]
            alone = find_legal_refs(text[cs:ce], lex)
            # the component expands to whole tokens; the plain search gives characters
            assert [c for *_, c in got] == [c for *_, c in alone], text[cs:ce][:200]
            clauses_with_refs += bool(got)
    if lang in ("ru", "en"):
        assert clauses_with_refs > 10 and repeated > 5
