"""Batch screening: one row per text for a folder of files or a CSV/JSONL export of a portal.

Design (why it scales and stays reproducible):

- **stream in, stream out**: inputs are read lazily, texts go through in fixed-size chunks and
  each row is written as soon as its chunk is done; no analysis is kept, so memory stays flat
  as the corpus grows;
- **batching**: a chunk is annotated with :func:`analysis.nlp.annotate_many` (``nlp.pipe``);
- **processes**: ``jobs > 1`` sends chunks to worker processes with at most ``2 * jobs`` chunks
  in flight, and rows are written in input order, so the output is byte-identical whatever
  ``jobs`` is (the chunk size does not depend on it);
- **failures**: a text that cannot be read or analysed gets its error in its row and the batch
  goes on;
- **atomic output**: rows go to a temporary file in the output's folder, renamed over the
  target only when every row is written (the pattern of :mod:`analysis.io`).
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError, OutputError, PetitionLensError, UnsupportedFormatError

COLUMNS = ("id", "languages", "verdict", "conflicts_iccpr", "targets_group", "top_evidence",
           "confidence", "error")
"""Output columns, in order (CSV header; JSONL key order)."""

CHUNK_SIZE = 32
"""Texts per chunk: the unit of batching (``nlp.pipe``) and of work sent to a process."""

DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
TABLE_SUFFIXES = (".csv",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
OUTPUT_SUFFIXES = (".csv",) + JSONL_SUFFIXES
EVIDENCE_CHARS = 240


@dataclass(frozen=True)
class Record:
    """One text to screen: inline ``text`` (CSV/JSONL) or a ``path`` to read."""

    id: str
    text: str | None = None
    path: str | None = None
    where: str = ""  # file (and line) it came from, for errors
    error: str | None = None  # the record itself could not be read (bad JSONL line...)
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ScreenSummary:
    """What a run did (returned by :func:`screen`, printed by the CLI)."""

    out: str
    n_texts: int
    n_failed: int
    verdicts: dict[str, int]


Worker = Callable[[Sequence[Record]], list[dict[str, Any]]]


# --------------------------------------------------------------------------- reading inputs


def check_inputs(inputs: Iterable[str | os.PathLike]) -> list[Path]:
    """Fail early, before any work, on an input that does not exist or cannot be screened."""
    paths = []
    for raw in inputs:
        p = Path(raw)
        if not p.exists():
            raise UnsupportedFormatError("no such file or folder", where=str(p),
                                         hint="check the path and try again")
        if p.is_file() and p.suffix.lower() not in DOCUMENT_SUFFIXES + TABLE_SUFFIXES + JSONL_SUFFIXES:
            raise UnsupportedFormatError(
                f"'{p.suffix or p.name}' files are not screened", where=str(p),
                hint="give a folder, a CSV or JSONL with id and text columns, or "
                     "a .txt/.md/.html/.docx/.pdf file")
        paths.append(p)
    if not paths:
        raise InputError("no input given", hint="give at least one folder or file to screen")
    return paths


def iter_records(inputs: Iterable[str | os.PathLike], *, id_column: str = "id",
                 text_column: str = "text") -> Iterator[Record]:
    """Lazily yield the records of every input, in a stable order."""
    for p in check_inputs(inputs):
        if p.is_dir():
            yield from _iter_folder(p)
        elif p.suffix.lower() in TABLE_SUFFIXES:
            yield from _iter_csv(p, id_column, text_column)
        elif p.suffix.lower() in JSONL_SUFFIXES:
            yield from _iter_jsonl(p, id_column, text_column)
        else:
            yield Record(id=p.name, path=str(p), where=str(p))


def _iter_folder(root: Path) -> Iterator[Record]:
    """Files with a document suffix, sorted; a sub-folder with ``text.md`` is one document
    (a bundled petition folder, read with its front matter)."""
    from .text import FOLDER_TEXT_FILE

    if (root / FOLDER_TEXT_FILE).is_file():
        yield Record(id=root.name, path=str(root), where=str(root))
        return
    stack = [root]
    entries: list[Path] = []
    while stack:
        d = stack.pop()
        for child in sorted(d.iterdir()):
            if child.name.startswith("."):
                continue
            if child.is_dir():
                if (child / FOLDER_TEXT_FILE).is_file():
                    entries.append(child)
                else:
                    stack.append(child)
            elif child.suffix.lower() in DOCUMENT_SUFFIXES:
                entries.append(child)
    for path in sorted(entries, key=lambda q: q.relative_to(root).as_posix()):
        yield Record(id=path.relative_to(root).as_posix(), path=str(path), where=str(path))


def _iter_csv(path: Path, id_column: str, text_column: str) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
        with fh:
            reader = csv.DictReader(fh)
            _check_columns(reader.fieldnames or [], id_column, text_column, str(path))
            for row in reader:
                line = reader.line_num
                rid = (row.get(id_column) or "").strip() or f"{path.name}:{line}"
                text = row.get(text_column)
                where = f"{path}:{line}"
                if text is None:
                    yield Record(id=rid, where=where, error=f"{where}: the row has no "
                                 f"'{text_column}' value (too few columns)")
                    continue
                yield Record(id=rid, text=text, where=where,
                             metadata={"id": rid, "source": str(path)})
    except UnicodeDecodeError:
        from .errors import EncodingError

        raise EncodingError("the CSV file is not UTF-8", where=str(path),
                            hint="export the CSV as UTF-8 (in Excel: 'CSV UTF-8')") from None


def _iter_jsonl(path: Path, id_column: str, text_column: str) -> Iterator[Record]:
    try:
        with path.open(encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{lineno}"
                fallback_id = f"{path.name}:{lineno}"
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield Record(id=fallback_id, where=where,
                                 error=f"{where}: not valid JSON ({exc.msg})")
                    continue
                if not isinstance(obj, dict):
                    yield Record(id=fallback_id, where=where,
                                 error=f"{where}: the line is not a JSON object")
                    continue
                raw_id = obj.get(id_column)
                rid = str(raw_id).strip() if raw_id not in (None, "") else fallback_id
                text = obj.get(text_column)
                if not isinstance(text, str):
                    yield Record(id=rid, where=where, error=f"{where}: no '{text_column}' string "
                                 f"in this line (keys: {', '.join(sorted(map(str, obj)))})")
                    continue
                yield Record(id=rid, text=text, where=where,
                             metadata={"id": rid, "source": str(path)})
    except UnicodeDecodeError:
        from .errors import EncodingError

        raise EncodingError("the JSONL file is not UTF-8", where=str(path),
                            hint="save the file as UTF-8") from None


def _check_columns(columns: Sequence[str], id_column: str, text_column: str, where: str) -> None:
    missing = [c for c in (id_column, text_column) if c not in columns]
    if missing:
        raise InputError(
            f"the CSV has no column {', '.join(repr(m) for m in missing)} "
            f"(columns: {', '.join(columns) or 'none'})", where=where,
            hint="name the columns with --id-column and --text-column")


# --------------------------------------------------------------------------- analysing


def error_row(rid: str, error: str) -> dict[str, Any]:
    row = {c: None for c in COLUMNS}
    row.update(id=rid, error=error)
    return row


def evidence_words(spans: Sequence[Any]) -> list[str]:
    """The words of the evidence spans in text order, without spans nested in another one
    ("hidden" inside "open and hidden") or repeats differing only in case."""
    kept: list[Any] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if kept and span.end <= max(k.end for k in kept) and span.start >= kept[-1].start:
            continue
        kept.append(span)
    words: dict[str, str] = {}
    for span in kept:
        text = " ".join(span.text.split())
        words.setdefault(text.lower(), text)
    return list(words.values())


def row_from_outcome(rid: str, outcome: Any) -> dict[str, Any]:
    """One output row from an :class:`~analysis.pipeline.Outcome`."""
    top = outcome.top
    evidence = None
    confidence = None
    if top is not None:
        quoted = "; ".join(evidence_words(top.evidence))
        if len(quoted) > EVIDENCE_CHARS:
            quoted = quoted[: EVIDENCE_CHARS - 1].rstrip() + "…"
        evidence = f"{top.clause_id}: {quoted}" if quoted else None
        confidence = round(float(top.confidence), 2)
    return {
        "id": rid,
        "languages": list(outcome.languages),
        "verdict": outcome.verdict,
        "conflicts_iccpr": sorted(int(a) for a in outcome.conflicts_iccpr),
        "targets_group": outcome.targets_group,
        "top_evidence": evidence,
        "confidence": confidence,
        "error": None,
    }


def row_from_analysis(rid: str, analysis: Any) -> dict[str, Any]:
    """One output row from a full :class:`~analysis.models.Analysis` (the brief's path)."""
    from .pipeline import outcome_of

    return row_from_outcome(rid, outcome_of(analysis))


def _render_error(exc: BaseException) -> str:
    """One line per error, so that a CSV row stays one line in a spreadsheet."""
    if isinstance(exc, PetitionLensError):
        text = exc.render()
    else:
        text = f"internal error: {type(exc).__name__}: {exc}"
    return " ".join(text.split())


_HEAP_SETTLED = False


def _settle_heap() -> None:
    """Once per process, after the first chunk: move what is loaded by then (spaCy pipelines,
    lemmatiser dictionaries, lexicons, the knowledge base: some 100,000 long-lived objects) to
    the garbage collector's permanent generation, so that the full collections that the
    findings of every text trigger no longer scan them again (they were ~6% of screening
    time). Per-text objects are collected as before; outputs do not depend on it."""
    global _HEAP_SETTLED
    if not _HEAP_SETTLED:
        import gc

        _HEAP_SETTLED = True
        gc.collect()
        gc.freeze()
        # the findings of one text (~25 per clause, 3 containers each) would otherwise set
        # off several young-generation collections per text; they are freed by reference
        # counting when the row is built, so collect less often
        gen0, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(max(gen0, 50_000), max(gen1, 20), max(gen2, 20))


def analyse_records(records: Sequence[Record]) -> list[dict[str, Any]]:
    """Analyse a chunk: read, annotate in one ``nlp.pipe`` batch, reason; a row per record.

    Module-level so that worker processes can run it.
    """
    from .framework import load_kb
    from .nlp import annotate, annotate_many
    from .pipeline import screen_annotated
    from .text import document_from_text, read_document

    rows: list[dict[str, Any] | None] = [None] * len(records)
    docs = []
    for i, rec in enumerate(records):
        if rec.error:
            rows[i] = error_row(rec.id, rec.error)
            continue
        try:
            doc = (read_document(rec.path) if rec.path is not None
                   else document_from_text(rec.text or "", metadata=rec.metadata,
                                           path=rec.where or rec.id))
        except Exception as exc:  # noqa: BLE001 - reported in the row, the batch goes on
            rows[i] = error_row(rec.id, _render_error(exc))
            continue
        docs.append((i, doc))
    annotated: list[Any]
    try:
        annotated = list(annotate_many([d for _, d in docs], batch_size=CHUNK_SIZE))
        if len(annotated) != len(docs):
            raise RuntimeError("annotate_many returned a different number of documents")
    except Exception:  # noqa: BLE001 - one bad text: redo the chunk one by one to isolate it
        annotated = []
        for _, doc in docs:
            try:
                annotated.append(annotate(doc))
            except Exception as exc:  # noqa: BLE001
                annotated.append(exc)
    try:
        # once per chunk: load_kb checks every data file's time, a cost worth paying per chunk
        # not per text; on failure each text reports the error in its row, as before
        kb = load_kb()
    except Exception:  # noqa: BLE001
        kb = None
    for (i, _), ann in zip(docs, annotated):
        rec = records[i]
        if isinstance(ann, BaseException):
            rows[i] = error_row(rec.id, _render_error(ann))
            continue
        try:
            rows[i] = row_from_outcome(rec.id, screen_annotated(ann, kb=kb))
        except Exception as exc:  # noqa: BLE001
            rows[i] = error_row(rec.id, _render_error(exc))
    _settle_heap()
    return [r for r in rows if r is not None]


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_chunks(chunks: Iterator[list[Record]], worker: Worker, jobs: int
                ) -> Iterator[list[dict[str, Any]]]:
    """Rows of each chunk, in input order; with ``jobs > 1`` at most ``2 * jobs`` in flight."""
    if jobs <= 1:
        for chunk in chunks:
            yield worker(chunk)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=jobs,
                             mp_context=multiprocessing.get_context(method)) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(worker, chunk))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


# --------------------------------------------------------------------------- writing


class _RowWriter:
    """CSV or JSONL rows to an open text file (stable formatting, ``\\n`` line ends)."""

    def __init__(self, fh: TextIO, fmt: str):
        self.fmt = fmt
        self.fh = fh
        if fmt == "csv":
            self.writer = csv.writer(fh, lineterminator="\n")
            self.writer.writerow(COLUMNS)

    def write(self, row: dict[str, Any]) -> None:
        if self.fmt == "csv":
            self.writer.writerow([_csv_value(row.get(c)) for c in COLUMNS])
        else:
            self.fh.write(json.dumps({c: row.get(c) for c in COLUMNS}, ensure_ascii=False) + "\n")


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return str(value)


def output_format(out: str | os.PathLike) -> str:
    suffix = Path(out).suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    raise OutputError(f"cannot tell the output format from '{suffix or Path(out).name}'",
                      where=str(out), hint="name the output file .csv or .jsonl")


def _open_temp(target: Path) -> tuple[TextIO, str]:
    if target.exists() and target.is_dir():
        raise OutputError("the output path is a folder", where=str(target),
                          hint="give a file name ending in .csv or .jsonl with --out")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here ({exc.strerror or exc})", where=str(target),
                          hint="choose a folder you can write to with --out") from None
    return os.fdopen(fd, "w", encoding="utf-8", newline=""), tmp


# --------------------------------------------------------------------------- the command


def screen(inputs: Iterable[str | os.PathLike], out: str | os.PathLike, *, jobs: int = 1,
           id_column: str = "id", text_column: str = "text", progress: bool = False,
           worker: Worker | None = None, chunk_size: int = CHUNK_SIZE) -> ScreenSummary:
    """Screen every text of ``inputs`` and write one row per text to ``out`` (CSV or JSONL)."""
    if jobs < 1:
        raise InputError(f"--jobs must be 1 or more, got {jobs}", hint="use e.g. --jobs 2")
    fmt = output_format(out)
    target = Path(out)
    inputs = list(inputs)
    check_inputs(inputs)
    records = iter_records(inputs, id_column=id_column, text_column=text_column)
    worker = worker or analyse_records
    bar = None
    if progress:
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: worker processes are started later
        bar = tqdm(unit=" texts", file=sys.stderr, desc="screening", dynamic_ncols=True)
    n = failed = 0
    verdicts: dict[str, int] = {}
    fh, tmp = _open_temp(target)
    try:
        with fh:
            writer = _RowWriter(fh, fmt)
            for rows in _run_chunks(_chunks(records, chunk_size), worker, jobs):
                for row in rows:
                    writer.write(row)
                    n += 1
                    if row.get("error"):
                        failed += 1
                    else:
                        verdicts[row["verdict"]] = verdicts.get(row["verdict"], 0) + 1
                if bar is not None:
                    bar.update(len(rows))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    finally:
        if bar is not None:
            bar.close()
    return ScreenSummary(out=str(target), n_texts=n, n_failed=failed,
                         verdicts=dict(sorted(verdicts.items())))


def screen_cli(args: Any) -> int:
    """``python -m analysis screen INPUTS... --out FILE [--jobs N] ...``."""
    progress = not getattr(args, "no_progress", False) and sys.stderr.isatty()
    summary = screen(args.inputs, args.out, jobs=args.jobs, id_column=args.id_column,
                     text_column=args.text_column, progress=progress)
    counts = ", ".join(f"{k}: {v}" for k, v in summary.verdicts.items()) or "none analysed"
    print(f"screened {summary.n_texts} texts ({counts}; failed: {summary.n_failed}) "
          f"-> {summary.out}", file=sys.stderr)
    return 0
