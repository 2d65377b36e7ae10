"""Words per second of full annotation vs a bare tokenise + lemmatise pass (issue 3).

Corpus: every Russian paragraph of the real texts (../shared/eval/dev/*.md text blocks and
../shared/sources/**/*.txt, language checked per paragraph), grouped into documents of about
300 words and repeated until the corpus has ``--words`` words. Both passes run once to warm
the per-process lemma caches, then are timed (best of ``--runs``).

- bare: the Russian pipeline with only the tokeniser and the lemmatiser, ``nlp.pipe`` over
  each document's normalised text;
- full: ``document_from_text`` + ``annotate_many`` (normalisation, segmentation, language
  per clause, lemmas, lexicon spans, legal references, negation, clause kinds, models);
- for reference, the screening yardstick of issue 7 (``benchmarks/bare_pass.py``: language
  guess, tokenise, lemmatise token by token through ``Token`` objects) over the same corpus.

Both wall-clock and CPU time (``time.process_time``) are reported: the cores are shared, and
CPU time is far less disturbed by other processes; the ratio is taken on CPU time.

Target: full cost <= 1.33 x bare cost. Writes benchmarks/results/annotate.json and prints it.
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def russian_paragraphs() -> list[str]:
    from analysis.nlp.langid import detect_language

    texts = []
    for path in sorted((SHARED / "eval" / "dev").glob("*.md")):
        texts += re.findall(r"```text\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    for path in sorted((SHARED / "sources").rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    paras = []
    for t in texts:
        for p in re.split(r"\n\s*\n|\n(?=\S)", t):
            p = p.strip()
            g = detect_language(p)
            if len(p.split()) >= 5 and g.status == "supported" and g.lang == "ru":
                paras.append(p)
    return paras


def build_corpus(words: int, doc_words: int = 300) -> list[str]:
    paras = russian_paragraphs()
    docs, cur, n_cur, total, i = [], [], 0, 0, 0
    while total < words:
        p = paras[i % len(paras)]
        i += 1
        cur.append(p)
        n_cur += len(p.split())
        if n_cur >= doc_words:
            docs.append("\n\n".join(cur))
            total += n_cur
            cur, n_cur = [], 0
    return docs


def bare_pass(docs: list[str]) -> None:
    from analysis.nlp.pipelines import lemma_only
    from analysis.text import normalise

    with lemma_only("ru") as _:
        from analysis.nlp.pipelines import get_pipeline

        nlp = get_pipeline("ru")
        for _doc in nlp.pipe((normalise(d)[0] for d in docs), batch_size=64):
            pass


def full_pass(docs: list[str]) -> int:
    from analysis.nlp import annotate_many
    from analysis.text import document_from_text

    n = 0
    for a in annotate_many((document_from_text(d) for d in docs), batch_size=64):
        n += sum(len(c.spans) for c in a.clauses)
    return n


def screening_yardstick(docs: list[str], runs: int) -> float:
    """Best words/s (wall clock, as bare_pass.py measures) of benchmarks/bare_pass.py."""
    import tempfile

    import bare_pass

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps({"id": i, "text": d}, ensure_ascii=False) + "\n"
                                for i, d in enumerate(docs)), encoding="utf-8")
        return max(bare_pass.run(str(path))["words_per_s"] for _ in range(runs))


def best(fn, docs, runs) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn(docs)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    docs = build_corpus(args.words)
    n_words = sum(len(d.split()) for d in docs)
    bare_pass(docs[:50])  # warm pipelines and caches
    spans = full_pass(docs[:50])
    (w_bare, t_bare), (w_full, t_full) = best(bare_pass, docs, args.runs), best(full_pass, docs, args.runs)
    spans = full_pass(docs)
    yardstick = screening_yardstick(docs, args.runs)
    result = {
        "corpus": {"documents": len(docs), "words": n_words, "language": "ru",
                   "built_from": "shared/eval/dev text blocks + shared/sources/**/*.txt (ru paragraphs)"},
        "bare_tokenise_lemmatise_words_per_s": round(n_words / t_bare),
        "full_annotation_words_per_s": round(n_words / t_full),
        "cost_ratio_full_over_bare": round(t_full / t_bare, 3),
        "clock": "cpu (process_time)",
        "wall_bare_words_per_s": round(n_words / w_bare),
        "wall_full_words_per_s": round(n_words / w_full),
        "wall_cost_ratio": round(w_full / w_bare, 3),
        "screening_yardstick_bare_pass_py_words_per_s": round(yardstick),
        "wall_full_over_screening_yardstick_speed": round(n_words / w_full / yardstick, 3),
        "target_ratio": 1.33,
        "meets_target": t_full / t_bare <= 1.33,
        "spans": spans,
        "runs": args.runs,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, sort_keys=True) + "\n"
    (out / "annotate.json").write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
