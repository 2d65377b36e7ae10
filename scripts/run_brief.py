"""Run the main job of `make brief` (replaced by the notebook runner in the CLI/notebooks issue).

Until the brief pipeline exists, this runs what exists and says what is missing, so that
`make brief` never fails on a fresh machine.
"""
from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    if importlib.util.find_spec("analysis.report") is None:
        print("petition-lens: the brief exporter is not built yet; the knowledge base was checked.")
        return 0
    return subprocess.call([sys.executable, "-m", "analysis", "brief", args.input,
                            "--out", args.out, "--lang", args.lang])


if __name__ == "__main__":
    sys.exit(main())
