"""``import analysis`` time (target <= 0.3 s), best of N fresh interpreters.

Each run is a new ``python -c`` process that times ``import analysis`` with
``time.perf_counter`` and lists which heavy libraries the import pulled in (they must be
imported lazily, inside the functions that need them). The whole process's wall time is
reported too. Results go to ``benchmarks/results/import.json``.

    python benchmarks/bench_import.py [--runs 7]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from _measure import machine, write_result  # noqa: E402

HEAVY = ("spacy", "pymorphy3", "pandas", "matplotlib", "weasyprint", "docx", "pydantic",
         "yaml", "numpy", "jinja2", "tqdm")

MODULES = ("analysis", "analysis.__main__", "analysis.models")
"""``analysis`` carries the target; the CLI module and the data model are shown for context."""


def probe(module: str) -> str:
    return (
        "import sys, time, json\n"
        "t = time.perf_counter()\n"
        f"import {module}\n"
        "dt = time.perf_counter() - t\n"
        f"heavy = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "print(json.dumps({'import_s': dt, 'heavy': heavy}))\n"
    )


def best_of(module: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", probe(module)], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        data = json.loads(out)
        data["process_wall_s"] = time.perf_counter() - t
        results.append(data)
    times = sorted(r["import_s"] for r in results)
    return {
        "import_s_best": round(times[0], 4),
        "import_s_median": round(times[len(times) // 2], 4),
        "process_wall_s_best": round(min(r["process_wall_s"] for r in results), 4),
        "heavy_modules_imported": results[-1]["heavy"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    modules = {m: best_of(m, args.runs) for m in MODULES}
    best = modules["analysis"]["import_s_best"]
    result = {"machine": machine(), "runs": args.runs, "modules": modules, "target_s": 0.3,
              "meets_target": best <= 0.3}
    out = write_result("import", result)
    for m, r in modules.items():
        print(f"import {m}: best {r['import_s_best']:.3f} s of {args.runs}; heavy modules "
              f"pulled in: {', '.join(r['heavy_modules_imported']) or 'none'}")
    print(f"target: import analysis <= 0.3 s: {'met' if result['meets_target'] else 'NOT met'}")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
