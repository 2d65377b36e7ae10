"""Command-line interface: ``python -m analysis <command> ...``.

Exit codes: 0 ok; 2 bad input or usage (a plain message, what to do); 1 internal error.
No traceback is shown unless ``--debug`` is given. Each command imports what it needs lazily,
so ``--help`` is instant.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from . import __version__
from .errors import PetitionLensError


def _cmd_check_sources(args: argparse.Namespace) -> int:
    from .framework import check_sources

    report = check_sources(args.data)
    print(report.render())
    return 0


def _cmd_annotate(args: argparse.Namespace) -> int:
    from .nlp import annotate_file_cli

    return annotate_file_cli(args)


def _cmd_analyse(args: argparse.Namespace) -> int:
    from .pipeline import analyse_cli

    return analyse_cli(args)


def _cmd_brief(args: argparse.Namespace) -> int:
    from .report import brief_cli

    return brief_cli(args)


def _cmd_screen(args: argparse.Namespace) -> int:
    from .screen import screen_cli

    return screen_cli(args)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_cli

    return evaluate_cli(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description=(
            "petition-lens: test a petition, bill or law against a petitions law, a "
            "Constitution and the ICCPR. It supports legal analysis; it is not legal advice."
        ),
    )
    parser.add_argument("--version", action="version", version=f"petition-lens {__version__}")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str):
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
        p.set_defaults(func=func)
        return p

    p = add("check-sources", _cmd_check_sources,
            "Load and validate the knowledge base (sources, provisions, authorities, quotes).")
    p.add_argument("--data", default=None, help="knowledge-base folder (default: bundled data/)")

    p = add("annotate", _cmd_annotate,
            "Read a document, split it into clauses and mark the legally relevant words.")
    p.add_argument("input", help="a .txt, .md, .html, .docx or .pdf file (or a bundled petition folder)")
    p.add_argument("--json", action="store_true", help="print clauses and spans as JSON")

    common_analysis = argparse.ArgumentParser(add_help=False)
    common_analysis.add_argument("--as-of", default=None, metavar="DATE",
                                 help="date of the law to apply, YYYY-MM-DD (default: the "
                                      "input's date from its metadata, i.e. as_of, date, "
                                      "date_adopted or posted, else 30 June of its year; "
                                      "without a date, the last day on which the knowledge "
                                      "base has the text of every provision, with a warning; "
                                      "never today's date)")
    common_analysis.add_argument("--review", default=None, metavar="FILE",
                                 help="reviewer decisions (YAML); default: <input>.review.yaml, or "
                                      "review.yaml inside a petition folder, if present")

    p = sub.add_parser("analyse", parents=[common_analysis],
                       help="Analyse one text and write findings.json.",
                       description="Analyse one text and write findings.json.")
    p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    p.set_defaults(func=_cmd_analyse)
    p.add_argument("input")
    p.add_argument("--out", default=None, help="write findings JSON here (default: print it)")

    p = sub.add_parser("brief", parents=[common_analysis],
                       help="Write the whole brief (HTML, PDF, DOCX, Markdown, CSV, JSON, charts, letters).",
                       description="Write the whole brief (HTML, PDF, DOCX, Markdown, CSV, JSON, charts, letters).")
    p.add_argument("--debug", action="store_true", help="show full tracebacks on errors")
    p.set_defaults(func=_cmd_brief)
    p.add_argument("input")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--lang", default="en", choices=["en", "ru"], help="language of the brief")
    p.add_argument("--quiet", action="store_true",
                   help="no progress lines on stderr (errors are still shown)")

    p = add("screen", _cmd_screen,
            "Screen many texts (a folder, or a CSV/JSONL with id and text columns).")
    p.add_argument("inputs", nargs="+")
    p.add_argument("--out", required=True, metavar="FILE", help="output CSV or JSONL")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--id-column", default="id")
    p.add_argument("--text-column", default="text")
    p.add_argument("--no-progress", action="store_true")

    p = add("evaluate", _cmd_evaluate,
            "Score the analysis against labelled cases (shared/eval format).")
    p.add_argument("dir", help="folder of case files (.md)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except PetitionLensError as exc:
        if args.debug:
            raise
        print(f"error: {exc.render()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `... | head`): not an error of ours. Point stdout at
        # devnull so that the interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - last line of defence for users
        if args.debug:
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc}\n"
            "  This is a bug in petition-lens. Re-run with --debug and report the output.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
