"""petition-lens: test a petition, bill or law against a petitions law, a Constitution and the ICCPR.

Importing the package is cheap: spaCy, pandas, matplotlib and the exporters are imported
lazily by the modules that need them (see benchmarks/bench_import.py).
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "analyse_file", "analyse_text"]


def analyse_file(path, **kwargs):
    """Analyse one input file end to end; see :func:`analysis.pipeline.analyse_file`."""
    from .pipeline import analyse_file as _analyse_file

    return _analyse_file(path, **kwargs)


def analyse_text(text, **kwargs):
    """Analyse a text given as a string; see :func:`analysis.pipeline.analyse_text`."""
    from .pipeline import analyse_text as _analyse_text

    return _analyse_text(text, **kwargs)
