"""Write the whole brief by executing the three notebooks with papermill (``make brief``).

The notebooks are the volunteer's view of the flow; running them here (instead of only the CLI)
keeps them working and leaves the executed copies, with every table, highlight and chart, next
to the brief. Each notebook calls the package for every computation, so the brief they write is
the one ``python -m analysis brief`` writes.

Usage: ``.venv/bin/python scripts/run_brief.py --input DIR_OR_FILE --out DIR [--lang en|ru]
[--as-of YYYY-MM-DD] [--review FILE]``. Exit codes as the CLI: 0 ok, 2 bad input, 1 internal.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_NAMES = ("01_read_and_annotate", "02_findings_and_review", "03_brief_and_letters")
KERNEL = "python3"
KERNEL_ARGS = ["--IPKernelApp.log_level=ERROR"]  # no start-up chatter (TCP warning) for users
ARTEFACTS = ("brief.html", "brief.pdf", "brief.docx", "brief.md", "findings.csv",
             "findings.json", "charts", "letters")

if str(ROOT) not in sys.path:  # run as a script from anywhere: the package lives at ROOT
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class RunResult:
    """What one run wrote: the output folder, the executed notebooks, seconds per notebook."""

    out: Path
    notebooks: tuple[Path, ...]
    seconds: tuple[float, ...]
    missing: tuple[str, ...]


def use_venv_kernel() -> None:
    """Make papermill start *this* interpreter's kernel, not one a user installed elsewhere.

    jupyter_client searches ``JUPYTER_PATH`` before the user's and the system's folders, so
    putting ``sys.prefix/share/jupyter`` first pins the kernel named ``python3`` to the venv
    (``make setup`` installs it there). On a machine where that spec is missing, install it.
    """
    data_dir = Path(sys.prefix) / "share" / "jupyter"
    spec = data_dir / "kernels" / KERNEL / "kernel.json"
    if not spec.exists():
        from ipykernel.kernelspec import install

        install(prefix=sys.prefix, kernel_name=KERNEL)
    paths = [str(data_dir)] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))


def notebook_parameters(input_path: Path, out: Path, lang: str, as_of: str | None,
                        review: Path | None) -> dict[str, object]:
    """The papermill parameters every notebook declares in its ``parameters`` cell."""
    return {
        "input_path": str(input_path),
        "output_lang": lang,
        "as_of": as_of,
        "out_dir": str(out),
        "review_path": str(review) if review else None,
    }


def _shared_kernel():
    """A kernel manager for the run; papermill starts its kernel with the first notebook and,
    since it does not own it, leaves it running for the next ones."""
    from jupyter_client import KernelManager

    return KernelManager(kernel_name=KERNEL)


def _fresh_namespace(km) -> None:
    """Clear the previous notebook's variables and restart the execution count at 1, so that
    a notebook cannot lean on what the one before it left behind (modules stay imported)."""
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        kc.execute_interactive("get_ipython().reset(new_session=True)", store_history=False,
                               silent=True, timeout=60)
    finally:
        kc.stop_channels()


def _input_error_names() -> set[str]:
    from analysis import errors

    return {name for name, obj in vars(errors).items()
            if isinstance(obj, type) and issubclass(obj, errors.InputError)}


def run_notebooks(input_path: str | Path, out: str | Path, *, lang: str = "en",
                  as_of: str | None = None, review: str | Path | None = None,
                  names: tuple[str, ...] = NOTEBOOK_NAMES, progress: bool = True,
                  separate_kernels: bool = False) -> RunResult:
    """Execute ``names`` in order into ``out``; raise the package's errors in plain words.

    The notebooks run one after the other in *one* kernel (as a person running them in turn
    would), with a fresh namespace for each: one kernel start instead of three, and the
    package's modules imported once. Each notebook still defines everything it uses, so each
    also runs alone (nbmake runs them one by one); ``separate_kernels=True`` runs them that way.

    A failing cell raises :class:`papermill.PapermillExecutionError`; when the error inside the
    notebook is one of :mod:`analysis.errors`' input errors it is re-raised as an
    :class:`~analysis.errors.InputError` so the user sees what to do, not a traceback.
    """
    import papermill as pm

    from analysis.errors import InputError, PetitionLensError
    from analysis.io import ensure_output_dir

    src = Path(input_path).resolve()
    if not src.exists():
        raise InputError("the input does not exist", where=str(input_path),
                         hint="give a petition folder (with text.md) or a text file with --input")
    review_file = Path(review).resolve() if review else None
    if review_file is not None and not review_file.is_file():
        raise InputError("the review file does not exist", where=str(review),
                         hint="give the path of your sidecar .review.yaml file, or leave --review out")
    out_dir = ensure_output_dir(Path(out).resolve())
    use_venv_kernel()
    params = notebook_parameters(src, out_dir, lang, as_of, review_file)
    written: list[Path] = []
    seconds: list[float] = []
    km = None if separate_kernels else _shared_kernel()
    try:
        for i, name in enumerate(names, 1):
            target = out_dir / f"{name}.ipynb"
            if progress:
                print(f"petition-lens: [{i}/{len(names)}] running notebook {name} ...", flush=True)
            started = time.perf_counter()
            if km is not None and i > 1:
                _fresh_namespace(km)
            try:
                pm.execute_notebook(
                    str(NOTEBOOKS / f"{name}.ipynb"), str(target), parameters=params,
                    kernel_name=KERNEL, cwd=str(NOTEBOOKS), progress_bar=False,
                    log_output=False, extra_arguments=KERNEL_ARGS,
                    **({"km": km} if km is not None else {}),
                )
            except pm.PapermillExecutionError as exc:
                if exc.ename in _input_error_names():
                    raise InputError(str(exc.evalue),
                                     where=f"{name} (cell {exc.exec_count})") from None
                raise PetitionLensError(
                    f"the notebook stopped with {exc.ename}: {exc.evalue}",
                    where=f"{name}, cell {exc.exec_count}",
                    hint=f"open {target} to see the failing cell; this is a bug, please report it",
                ) from None
            seconds.append(time.perf_counter() - started)
            written.append(target)
    finally:
        if km is not None and km.has_kernel:
            km.shutdown_kernel()
    missing = tuple(a for a in ARTEFACTS if not (out_dir / a).exists())
    return RunResult(out_dir, tuple(written), tuple(seconds), missing)


def describe(result: RunResult) -> str:
    """Where everything is, for the terminal."""
    try:
        shown = result.out.relative_to(Path.cwd())
    except ValueError:
        shown = result.out
    lines = [f"petition-lens: the brief is in {shown}/"]
    for name in ARTEFACTS:
        path = result.out / name
        if path.is_dir():
            count = sum(1 for p in path.iterdir() if p.is_file())
            lines.append(f"  {name + '/':<16} {count} files")
        elif path.exists():
            lines.append(f"  {name:<16} {path.stat().st_size:>9,} bytes")
    for nb, sec in zip(result.notebooks, result.seconds):
        lines.append(f"  {nb.name:<34} executed in {sec:.1f} s")
    if result.missing:
        lines.append("  not written: " + ", ".join(result.missing))
    lines.append(f"  Start with {shown}/brief.html (or brief.pdf); the executed notebooks show each step.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="run_brief.py",
        description="Write the brief by executing the three notebooks (what `make brief` runs).")
    parser.add_argument("--input", required=True, help="petition folder (with text.md) or a text file")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--lang", default="en", choices=["en", "ru"], help="language of the brief")
    parser.add_argument("--as-of", default=None, metavar="DATE", help="date of the law to apply (YYYY-MM-DD)")
    parser.add_argument("--review", default=None, metavar="FILE", help="reviewer decisions (YAML)")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    args = parser.parse_args(argv)

    from analysis.errors import PetitionLensError

    try:
        result = run_notebooks(args.input, args.out, lang=args.lang, as_of=args.as_of,
                               review=args.review)
    except PetitionLensError as exc:
        if args.debug:
            raise
        print(f"error: {exc.render()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    print(describe(result))
    return 1 if result.missing else 0


if __name__ == "__main__":
    sys.exit(main())
