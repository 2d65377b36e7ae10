"""Screening throughput and peak memory on a corpus generated from the real texts.

Runs, each as a separate process measured from outside (wall time, CPU time, peak memory of
the whole process tree, see ``_measure.py``):

1. the bare tokenise + lemmatise pass (``bare_pass.py``), the yardstick, tokenising as the
   project does; and the same pass with spaCy's tokenizer as it comes (recorded, not the
   yardstick);
2. ``python -m analysis screen corpus.jsonl --out ... --jobs N`` for each N of ``--jobs``;
3. the same screening on a tenth of the corpus, to show that memory does not grow with it.

Targets (issue 7): screening >= 0.75 x the bare pass on one process; peak memory < 1 GB at
5,000 documents. Results go to ``benchmarks/results/screen.json``.

    python benchmarks/bench_screen.py [--docs 5000] [--jobs 1,2]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _measure import machine, run_measured, write_result  # noqa: E402
from corpus import write_corpus  # noqa: E402


def _rows(path: Path) -> dict:
    n = errors = 0
    verdicts: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            n += 1
            if row.get("error"):
                errors += 1
            else:
                verdicts[row["verdict"]] = verdicts.get(row["verdict"], 0) + 1
    return {"rows": n, "errors": errors, "verdicts": verdicts,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def screen_run(corpus: Path, out: Path, jobs: int, words: int) -> dict:
    cmd = [sys.executable, "-m", "analysis", "screen", str(corpus), "--out", str(out),
           "--jobs", str(jobs), "--no-progress"]
    m = run_measured(cmd, cwd=ROOT)
    m["jobs"] = jobs
    m["words_per_s"] = round(words / m["wall_s"], 1) if m["rc"] == 0 else None
    if m["rc"] == 0:
        m["output"] = _rows(out)
    return m


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--words", type=int, default=500, help="mean words per document")
    ap.add_argument("--jobs", default="1,2", help="comma-separated process counts")
    ap.add_argument("--no-small", action="store_true", help="skip the memory-flatness run")
    args = ap.parse_args(argv)

    results_dir = HERE / "results"
    corpus = results_dir / f"corpus-{args.docs}-{args.words}.jsonl"
    size = write_corpus(corpus, args.docs, words=args.words)
    result: dict = {"machine": machine(), "corpus": size}
    print(f"corpus: {size['docs']} documents, {size['words']} words", flush=True)

    bare = run_measured([sys.executable, str(HERE / "bare_pass.py"), str(corpus)], cwd=ROOT,
                        stdout=subprocess.PIPE)
    inner = json.loads(bare.pop("stdout") or "{}")
    bare["inner"] = inner
    bare["words_per_s"] = round(size["words"] / bare["wall_s"], 1)
    result["bare_pass"] = bare
    print(f"bare pass: {bare['words_per_s']:.0f} words/s (wall), "
          f"{inner.get('words_per_s')} words/s (after loading)", flush=True)
    # the same pass with spaCy's tokenizer as it comes: not the yardstick (the project
    # tokenises faster than that), recorded so that figures before and after can be compared
    plain = run_measured([sys.executable, str(HERE / "bare_pass.py"), str(corpus),
                          "--plain-spacy"], cwd=ROOT, stdout=subprocess.PIPE)
    plain["inner"] = json.loads(plain.pop("stdout") or "{}")
    plain["words_per_s"] = round(size["words"] / plain["wall_s"], 1)
    result["bare_pass_plain_spacy"] = plain
    print(f"bare pass, spaCy's tokenizer as it comes: {plain['words_per_s']:.0f} words/s",
          flush=True)

    result["screen"] = []
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in [int(j) for j in args.jobs.split(",") if j.strip()]:
            m = screen_run(corpus, Path(tmp) / f"out-{jobs}.jsonl", jobs, size["words"])
            m.pop("stdout", None)
            result["screen"].append(m)
            if m["rc"] == 0:
                m["ratio_to_bare"] = round(m["words_per_s"] / bare["words_per_s"], 3)
                m["ratio_to_bare_plain_spacy"] = round(m["words_per_s"] / plain["words_per_s"],
                                                       3)
                print(f"screen --jobs {jobs}: {m['words_per_s']:.0f} words/s, "
                      f"x{m['ratio_to_bare']} of bare (x{m['ratio_to_bare_plain_spacy']} of the plain-spaCy "
                      f"bare pass), peak {m['tree_peak_rss_mb']} MB "
                      f"(largest process {m['max_rss_mb']} MB), errors "
                      f"{m['output']['errors']}/{m['output']['rows']}", flush=True)
            else:
                print(f"screen --jobs {jobs} failed (rc {m['rc']}):\n{m['stderr_tail']}",
                      flush=True)
        ok = [m for m in result["screen"] if m["rc"] == 0]
        result["identical_output_across_jobs"] = (
            len({m["output"]["sha256"] for m in ok}) == 1 if len(ok) > 1 else None)
        if not args.no_small and ok:
            small_docs = max(1, args.docs // 10)
            small = results_dir / f"corpus-{small_docs}-{args.words}.jsonl"
            small_size = write_corpus(small, small_docs, words=args.words)
            m = screen_run(small, Path(tmp) / "out-small.jsonl", 1, small_size["words"])
            m.pop("stdout", None)
            m["docs"] = small_docs
            result["screen_small_corpus"] = m
            print(f"screen on {small_docs} documents: peak {m['tree_peak_rss_mb']} MB "
                  "(memory flatness check)", flush=True)

    one = next((m for m in result["screen"] if m["jobs"] == 1 and m["rc"] == 0), None)
    result["targets"] = {
        "screen_ratio_to_bare_ge_0.75": (one["ratio_to_bare"] >= 0.75) if one else None,
        "peak_memory_lt_1GB": all(m["tree_peak_rss_mb"] < 1024 for m in result["screen"]),
    }
    out = write_result("screen", result)
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
