"""Generate a screening corpus (JSONL, ``id`` and ``text``) from the project's real texts.

Each document is a window of consecutive paragraphs of one real text (the labelled cases in
``data/cases``, the bundled petitions and the legal sources in ``../shared/sources``), about
``--words`` words long, so the corpus has the vocabulary, languages and sentence lengths of
what the tool really reads. Deterministic: the same ``--seed`` and sizes give the same file.

    python benchmarks/corpus.py --docs 5000 --out benchmarks/results/corpus-5000.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_SOURCES = ROOT.parent / "shared" / "sources"


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if len(p.split()) >= 5]


def real_texts() -> list[tuple[str, list[str]]]:
    """(name, paragraphs) of every real text available, in a stable order."""
    sys.path.insert(0, str(ROOT))
    from analysis.cases import list_case_files, read_case

    texts = []
    for path in list_case_files(ROOT / "data" / "cases"):
        case = read_case(path)
        for s in case.sections:
            texts.append((f"{case.case_id}/{s.letter or 'A'}", _paragraphs(s.text)))
    for path in sorted((ROOT / "data" / "petitions").glob("*/*.md")):
        if path.name == "README.md":
            continue
        body = path.read_text(encoding="utf-8")
        if body.startswith("---"):
            body = body.split("\n---", 1)[-1]
        texts.append((path.relative_to(ROOT).as_posix(), _paragraphs(body)))
    if SHARED_SOURCES.is_dir():
        for path in sorted(SHARED_SOURCES.rglob("*.txt")):
            texts.append((path.relative_to(SHARED_SOURCES).as_posix(),
                          _paragraphs(path.read_text(encoding="utf-8"))))
    return [(name, paras) for name, paras in texts if paras]


def generate(n_docs: int, *, words: int = 500, seed: int = 20240731):
    """Yield ``{"id", "text"}`` documents of about ``words`` words each."""
    rng = random.Random(seed)
    texts = real_texts()
    for k in range(n_docs):
        name, paras = texts[rng.randrange(len(texts))]
        target = max(20, int(rng.gauss(words, words / 4)))
        start = rng.randrange(len(paras))
        chosen: list[str] = []
        count = 0
        i = start
        while count < target:
            chosen.append(paras[i % len(paras)])
            count += len(paras[i % len(paras)].split())
            i += 1
            if i - start >= len(paras) and count >= 20:
                break  # a short text: use it whole, once
        yield {"id": f"doc-{k:06d}", "source": name, "text": "\n\n".join(chosen)}


def write_corpus(path: Path, n_docs: int, *, words: int = 500, seed: int = 20240731) -> dict:
    """Write the corpus (atomically) and return its size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    n_words = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for doc in generate(n_docs, words=words, seed=seed):
            n_words += len(doc["text"].split())
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return {"path": str(path), "docs": n_docs, "words": n_words, "seed": seed}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--words", type=int, default=500, help="mean words per document (short real texts are used whole)")
    ap.add_argument("--seed", type=int, default=20240731)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    out = args.out or ROOT / "benchmarks" / "results" / f"corpus-{args.docs}.jsonl"
    print(json.dumps(write_corpus(out, args.docs, words=args.words, seed=args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
