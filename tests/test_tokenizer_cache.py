"""The chunk-cached tokenizer (issue 7, pipelines.ChunkCachedTokenizer) gives spaCy's tokens.

It only decides when spaCy's own chunk cache is filled, so every token, its trailing space and
its normalised form must be what the plain spaCy tokenizer of the same language gives, on every
real text, in every language the pipelines serve, including after the cache was flushed.
"""
from __future__ import annotations

import pytest
import spacy

from analysis.nlp.kazakh import kazakh_class
from analysis.nlp.pipelines import ChunkCachedTokenizer, get_pipeline


def _plain(lang: str):
    return (kazakh_class()() if lang == "kk" else spacy.blank(lang)).tokenizer


def _tokens(doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.whitespace_, t.norm_) for t in doc]


@pytest.mark.parametrize("lang", ["ru", "uk", "kk", "en"])
def test_same_tokens_as_spacy_on_every_real_text(lang, real_normalised_texts):
    plain = _plain(lang)
    cached = get_pipeline(lang).tokenizer
    assert isinstance(cached, ChunkCachedTokenizer)
    for _ in range(2):  # the second time every chunk comes from the cache
        for text in real_normalised_texts:
            assert _tokens(cached(text)) == _tokens(plain(text))


def test_special_cases_and_affixes_inside_chunks():
    plain = _plain("en")
    cached = ChunkCachedTokenizer(spacy.blank("en").tokenizer)
    text = ("The draft (i.e. the bill's text) was adopted at 10 a.m.; e.g. \"propaganda\", "
            "Art. 19(3)—and it's (not) 'non-traditional'… Dr. Smith's U.S. office.")
    for _ in range(3):
        assert _tokens(cached(text)) == _tokens(plain(text))
    words = [t.text for t in cached(text)]
    assert words[:5] == ["The", "draft", "(", "i.e.", "the"]
    assert "bill" in words and "'s" in words


def test_cache_is_flushed_at_its_limit_and_tokens_stay_the_same(real_normalised_texts):
    plain = _plain("ru")
    cached = ChunkCachedTokenizer(spacy.blank("ru").tokenizer, limit=200)
    for text in real_normalised_texts[:20]:
        assert _tokens(cached(text)) == _tokens(plain(text))
        assert len(cached._seen) <= max(200, len(set(text.split())))


def test_wrapper_passes_other_attributes_through():
    cached = get_pipeline("ru").tokenizer
    assert cached.vocab is get_pipeline("ru").vocab
    assert [t[1] for t in cached.explain("ст. 20")] == ["ст.", "20"]
