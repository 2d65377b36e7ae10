"""The yardstick for screening throughput: a bare tokenise + lemmatise pass over a corpus.

Per document: guess the language (the project's own detector, so the pass can choose a
tokenizer), tokenise with a blank spaCy pipeline of that language through ``nlp.pipe`` and
lemmatise every token with the project's cached lemmatiser (pymorphy3 for ru/uk, rules for
en/kk). Nothing else: no clauses, no span rules, no reasoning, no output. Prints one JSON line.

The blank pipeline tokenises as the project does (``pipelines.ChunkCachedTokenizer``: spaCy's
tokenizer with its chunk cache kept working), so that the yardstick is the cheapest tokenise +
lemmatise pass the project knows, not one slowed by a spaCy quirk the project avoids.
``--plain-spacy`` uses spaCy's tokenizer as it comes, for comparison.

    python benchmarks/bare_pass.py corpus.jsonl [--plain-spacy]
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

BATCH = 256


def _pipelines(plain_spacy: bool = False):
    import spacy

    from analysis.nlp.kazakh import kazakh_class
    from analysis.nlp.pipelines import ChunkCachedTokenizer

    cache = {}

    def get(lang):
        if lang not in cache:
            nlp = kazakh_class()() if lang == "kk" else spacy.blank(lang)
            if not plain_spacy:
                nlp.tokenizer = ChunkCachedTokenizer(nlp.tokenizer)
            cache[lang] = nlp
        return cache[lang]

    return get


def run(path: str, plain_spacy: bool = False) -> dict:
    from analysis.nlp.langid import detect_language
    from analysis.nlp.lemmatise import lemmatiser_for

    get_nlp = _pipelines(plain_spacy)
    t0 = time.perf_counter()
    docs = words = tokens = 0

    def flush(batch):
        nonlocal tokens
        by_lang: dict[str, list[str]] = {}
        for text in batch:
            guess = detect_language(text)
            by_lang.setdefault(guess.lang if guess.status == "supported" else "en", []).append(text)
        for lang, texts in sorted(by_lang.items()):
            lemma = lemmatiser_for(lang)
            for doc in get_nlp(lang).pipe(texts, batch_size=32):
                for tok in doc:
                    if not tok.is_space:
                        lemma(tok.text)
                        tokens += 1

    batch: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            docs += 1
            words += len(text.split())
            batch.append(text)
            if len(batch) >= BATCH:
                flush(batch)
                batch = []
    if batch:
        flush(batch)
    seconds = time.perf_counter() - t0
    return {"tokenizer": "spacy" if plain_spacy else "project", "docs": docs, "words": words, "tokens": tokens, "seconds": round(seconds, 3),
            "words_per_s": round(words / seconds, 1) if seconds else None}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], plain_spacy="--plain-spacy" in sys.argv[2:])))
