"""How long the brief takes: by the CLI, by the notebooks, and the floor of papermill itself.

Targets (issue 6): the CLI brief for the bundled petition in at most 10 s; the three notebooks in
at most 1.5 x the time papermill needs to execute the same number of *empty* notebooks (kernel
start-up and shut-down, which no notebook can avoid). Run after ``make setup``:

    .venv/bin/python benchmarks/bench_notebooks.py [--repeat 3] [--input DIR]

Prints the best and the median of ``--repeat`` runs of each (the runs interleaved, so that a
change in the machine's load hits all three alike), the CPU time of each run (its processes
and their children: on a shared machine the wall time alone misleads) and the load average,
and writes them as JSON to ``benchmarks/results/notebooks.json`` (git-ignored). Not a test:
timings depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import run_brief  # noqa: E402  (scripts/run_brief.py: the runner behind `make brief`)


def children_cpu() -> float:
    """CPU seconds of the finished child processes so far (kernels, their workers, the CLI)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_of(func, *args, cpu: list | None = None, **kwargs) -> float:
    """Run ``func``; append the CPU time it and its children used to ``cpu``; its result."""
    before = children_cpu() + time.process_time()
    result = func(*args, **kwargs)
    if cpu is not None:
        cpu.append(children_cpu() + time.process_time() - before)
    return result


def time_cli(input_path: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "analysis", "brief", str(input_path), "--out", str(out)],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def time_notebooks(input_path: Path, out: Path, per_notebook: list | None = None) -> float:
    """The whole run (one kernel for the three notebooks, as ``make brief`` runs them)."""
    started = time.perf_counter()
    result = run_brief.run_notebooks(input_path, out, progress=False)
    if per_notebook is not None:
        per_notebook.append(result.seconds)
    return time.perf_counter() - started


def empty_notebook(path: Path) -> Path:
    """A notebook with only a parameters cell, like ours, and nothing else to do."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("input_path = None")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": run_brief.KERNEL, "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, str(path))
    return path


def time_floor(n: int, work: Path) -> float:
    import papermill as pm

    run_brief.use_venv_kernel()
    source = empty_notebook(work / "empty.ipynb")
    started = time.perf_counter()
    for i in range(n):
        pm.execute_notebook(str(source), str(work / f"empty_out_{i}.ipynb"),
                            parameters={"input_path": "x"}, kernel_name=run_brief.KERNEL,
                            progress_bar=False, extra_arguments=run_brief.KERNEL_ARGS)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--input", default=str(ROOT / "data/petitions/kz-2024-lgbt-propaganda"))
    args = parser.parse_args()
    n = len(run_brief.NOTEBOOK_NAMES)
    src = Path(args.input)
    cli, notebooks, floor, per_nb = [], [], [], []
    cpu: dict[str, list[float]] = {"cli": [], "notebooks": [], "floor": []}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # warm-up (file caches, .pyc): not counted
        time_cli(src, work / "warm")
        for i in range(args.repeat):
            cli.append(cpu_of(time_cli, src, work / f"cli{i}", cpu=cpu["cli"]))
            notebooks.append(cpu_of(time_notebooks, src, work / f"nb{i}", per_nb,
                                    cpu=cpu["notebooks"]))
            floor.append(cpu_of(time_floor, n, work, cpu=cpu["floor"]))
            load.append(os.getloadavg()[0])
    med = statistics.median
    result = {
        "input": str(src),
        "repeat": args.repeat,
        "cli_brief_s": round(med(cli), 2),
        "cli_brief_best_s": round(min(cli), 2),
        "notebooks_brief_s": round(med(notebooks), 2),
        "notebooks_brief_best_s": round(min(notebooks), 2),
        "empty_notebooks_floor_s": round(med(floor), 2),
        "empty_notebooks_floor_best_s": round(min(floor), 2),
        "cpu_median_s": {k: round(med(v), 2) for k, v in cpu.items()},
        "loadavg_1min": [round(x, 2) for x in load],
        "per_notebook_s": {name: round(med(s[k] for s in per_nb), 2)
                           for k, name in enumerate(run_brief.NOTEBOOK_NAMES)},
    }
    result["notebooks_over_floor"] = round(result["notebooks_brief_s"]
                                           / result["empty_notebooks_floor_s"], 2)
    result["notebooks_over_floor_best"] = round(result["notebooks_brief_best_s"]
                                                / result["empty_notebooks_floor_best_s"], 2)
    # what the notebooks add on top of the brief's own work, in units of the papermill floor
    result["overhead_over_floor"] = round((result["notebooks_brief_s"] - result["cli_brief_s"])
                                          / result["empty_notebooks_floor_s"], 2)
    result["targets"] = {"cli_brief_s": 10.0, "notebooks_over_floor": 1.5}
    result["meets"] = {"cli": result["cli_brief_s"] <= 10.0,
                       "notebooks": result["notebooks_over_floor"] <= 1.5}
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "notebooks.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"CLI brief:                 {result['cli_brief_s']:6.2f} s   (target <= 10 s; "
          f"best {result['cli_brief_best_s']} s)")
    print(f"notebooks brief ({n} nbs):  {result['notebooks_brief_s']:6.2f} s   "
          f"(best {result['notebooks_brief_best_s']} s)")
    print(f"floor ({n} empty notebooks): {result['empty_notebooks_floor_s']:6.2f} s   "
          f"(best {result['empty_notebooks_floor_best_s']} s)")
    print(f"notebooks / floor:         {result['notebooks_over_floor']:6.2f}     (target <= 1.5)")
    print(f"(notebooks - CLI) / floor: {result['overhead_over_floor']:6.2f}")
    print("per notebook (s):          " + ", ".join(f"{k} {v}" for k, v in
                                                    result["per_notebook_s"].items()))
    print("CPU, median (s):           " + ", ".join(f"{k} {v}" for k, v in
                                                    result["cpu_median_s"].items()))
    print(f"load average (1 min):      {result['loadavg_1min']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
