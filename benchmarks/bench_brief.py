"""Latency of one brief through the CLI on the bundled petition, and of one analysis.

Each run is a fresh process (what a volunteer waits for after typing the command):
``python -m analysis brief data/petitions/kz-2024-lgbt-propaganda --out DIR`` and
``python -m analysis analyse ... --out FILE``. The first run is reported separately (cold
caches), then the best and median of the others. Peak memory of the process tree is measured
as in ``_measure.py``. Results go to ``benchmarks/results/brief.json``.

    python benchmarks/bench_brief.py [--runs 3] [--input data/petitions/kz-2024-lgbt-propaganda]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _measure import machine, run_measured, write_result  # noqa: E402


def pdf_pages(path: Path) -> int | None:
    """Pages of the PDF brief (the lead's target: about 15-25, an advocate reads it)."""
    try:
        from pypdf import PdfReader

        return len(PdfReader(str(path)).pages)
    except Exception:  # noqa: BLE001 - a figure, not a check
        return None


def measure(cmd_for, runs: int, inspect=None) -> dict:
    results = []
    for k in range(runs + 1):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(run_measured(cmd_for(Path(tmp)), cwd=ROOT))
            if inspect is not None and results[-1]["rc"] == 0:
                results[-1].update(inspect(Path(tmp)))
        if results[-1]["rc"] != 0:
            break
    ok = [r for r in results[1:] if r["rc"] == 0]
    return {
        "cold": results[0],
        "warm_best_s": round(min(r["wall_s"] for r in ok), 3) if ok else None,
        "warm_median_s": round(statistics.median(r["wall_s"] for r in ok), 3) if ok else None,
        "warm_median_cpu_s": round(statistics.median(r["cpu_s"] for r in ok), 2) if ok else None,
        "peak_rss_mb": max(r["tree_peak_rss_mb"] for r in results),
        "runs": results,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--input", default="data/petitions/kz-2024-lgbt-propaganda")
    args = ap.parse_args(argv)
    py = sys.executable
    result = {"machine": machine(), "input": args.input}
    result["brief"] = measure(
        lambda tmp: [py, "-m", "analysis", "brief", args.input, "--out", str(tmp / "brief")],
        args.runs, inspect=lambda tmp: {"pdf_pages": pdf_pages(tmp / "brief" / "brief.pdf")})
    result["analyse"] = measure(
        lambda tmp: [py, "-m", "analysis", "analyse", args.input, "--out",
                     str(tmp / "findings.json")], args.runs)
    for name in ("brief", "analyse"):
        r = result[name]
        cold = r["cold"]
        if cold["rc"] != 0:
            print(f"{name}: failed (rc {cold['rc']}):\n{cold['stderr_tail']}")
        else:
            print(f"{name}: cold {cold['wall_s']:.2f} s, warm best {r['warm_best_s']} s, "
                  f"median {r['warm_median_s']} s (CPU {r['warm_median_cpu_s']} s), "
                  f"peak {r['peak_rss_mb']} MB"
                  + (f", PDF {cold['pdf_pages']} pages" if cold.get("pdf_pages") else ""))
    out = write_result("brief", result)
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
