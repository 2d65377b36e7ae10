"""Reuse an analysis saved in the output folder when nothing it depends on has changed.

The notebooks run the same analysis more than once (notebook 2 shows and reviews the findings,
notebook 3 writes the brief from them). The pipeline is deterministic: the same input bytes,
review decisions, as-of parameter, knowledge base and package version give byte-identical
findings. So notebook 2 saves the analysis with a *key* made of exactly those, and notebook 3
loads it only when the key computed now is the same; a changed text, a new review decision, an
edited knowledge-base file or another ``as_of`` means the analysis runs again. Nothing here is
an approximation: either the saved analysis is the one the pipeline would produce, or it is not
used.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SAVED = ".analysis.json"
"""File name of the saved analysis in the output folder (with its key inside)."""


@dataclass(frozen=True)
class Loaded:
    """An analysis and whether it was reused (``why`` says why it was or was not)."""

    analysis: Any
    reused: bool
    why: str


def _hash_path(digest: "hashlib._Hash", path: Path) -> None:
    """Hash a file's bytes, or every file under a folder (names and bytes, sorted)."""
    if path.is_dir():
        for sub in sorted(p for p in path.rglob("*") if p.is_file() and p.name != SAVED):
            digest.update(sub.relative_to(path).as_posix().encode("utf-8") + b"\0")
            digest.update(sub.read_bytes() + b"\0")
    elif path.is_file():
        digest.update(path.read_bytes())
    else:
        digest.update(b"<missing>")


def analysis_key(input_path: str | os.PathLike, *, as_of: Any = None,
                 review: str | os.PathLike | None = None, kb: Any = None) -> str:
    """SHA-256 over what the analysis depends on: the input (a folder: every file in it, so the
    ``review.yaml`` inside it too), the sidecar review file, the review file given, ``as_of``,
    the knowledge-base version (a digest of its files) and the package version."""
    from .. import __version__
    from ..pipeline import default_review_path

    src = Path(input_path)
    digest = hashlib.sha256()
    digest.update(json.dumps({"as_of": None if as_of is None else str(as_of),
                              "kb": str(getattr(kb, "version", "")),
                              "package": __version__}, sort_keys=True).encode("utf-8"))
    _hash_path(digest, src)
    if not src.is_dir():
        sidecar = default_review_path(src)
        digest.update(b"\0sidecar\0")
        _hash_path(digest, sidecar)
    digest.update(b"\0review\0")
    if review is not None:
        _hash_path(digest, Path(review))
    return digest.hexdigest()


def save_analysis(analysis: Any, out_dir: str | os.PathLike, key: str) -> Path:
    """Write the analysis with its key (atomically) into the output folder."""
    from ..io import atomic_write_text, ensure_output_dir
    from ..models import dump_json

    out = ensure_output_dir(out_dir)
    body = json.dumps({"key": key, "analysis": json.loads(dump_json(analysis))},
                      ensure_ascii=False, sort_keys=True)
    return atomic_write_text(out / SAVED, body)


def load_saved(out_dir: str | os.PathLike, key: str) -> Any | None:
    """The saved analysis when its key is ``key``; None otherwise (missing, stale, unreadable)."""
    from ..models import Analysis

    path = Path(out_dir) / SAVED
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if doc.get("key") != key:
            return None
        return Analysis.model_validate(doc["analysis"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load_or_analyse(input_path: str | os.PathLike, out_dir: str | os.PathLike, *,
                    as_of: Any = None, review: str | os.PathLike | None = None,
                    kb: Any = None) -> Loaded:
    """The saved analysis if its key still matches, else a fresh one (then saved).

    Input and review-file errors are raised as the pipeline raises them (plain words); the
    output folder is created only once the analysis has succeeded.
    """
    from ..framework import load_kb
    from ..pipeline import analyse_file

    kb = kb if kb is not None else load_kb()
    key = analysis_key(input_path, as_of=as_of, review=review, kb=kb)
    saved = load_saved(out_dir, key)
    if saved is not None:
        return Loaded(saved, True, "same input, review decisions, as-of date, knowledge base "
                                   "and package version as the saved analysis")
    why = ("no saved analysis" if not (Path(out_dir) / SAVED).exists() else
           "the input, review decisions, as-of date or knowledge base changed")
    analysis = analyse_file(input_path, as_of=as_of, review=review, kb=kb)
    save_analysis(analysis, out_dir, key)
    return Loaded(analysis, False, why)
