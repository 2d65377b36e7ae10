"""Source registry: provenance, verification levels, and checking verbatim quotes.

Every verbatim text in the knowledge base (a provision's wording, an authority's quote) must
occur in the copy of its source under ``data/sources/`` (shared/README.md: legal texts may be
quoted verbatim *as the sources they are*). Matching is whitespace- and quote-mark-insensitive
because the copies come from several extractions (footnote markers stripped, curly or straight
quotes, line wrapping in our YAML), but otherwise exact: no fuzzy matching, so a changed word
is always an error.

YAML is read with line numbers so that errors can name ``file:line``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import KnowledgeBaseError
from .models import VERIFICATION_ORDER, Source

LINE_KEY = "__line__"
"""Key the loader adds to every YAML mapping (1-based line); removed before validation."""

_QUOTE_MARKS = "\"'`“”„‟«»‹›‘’‚‛′″"
_DASHES = "‐‑‒–—―−"
_FOOTNOTE = re.compile(r"\[\[fn:\d+\]\]")
_WS = re.compile(r"\s+")
_PARA_MARK = re.compile(r"^\[para ([^\]]+)\][^\n]*$", re.M)


# --------------------------------------------------------------------------- YAML with lines


@lru_cache(maxsize=1)
def _line_loader():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~5x faster

    class LineLoader(base):
        """SafeLoader that records the line of each mapping (for error messages)."""

    def construct_mapping(loader, node, deep=False):
        mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    def construct_timestamp_as_text(loader, node):
        # dates stay text: pydantic parses them and names the field when one is impossible
        return loader.construct_scalar(node)

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp_as_text)
    return LineLoader


def read_yaml(path: Path, *, shown: str | None = None) -> Any:
    """Parse a YAML file; a syntax error names the file, line and column in plain words."""
    import yaml

    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise KnowledgeBaseError(
            "the file is not UTF-8 text", where=shown,
            hint="save it as UTF-8 (any editor can do this) and run check-sources again",
        ) from None
    except OSError as exc:
        raise KnowledgeBaseError(
            f"cannot read the file ({exc.strerror or exc})", where=shown,
            hint="check that the file exists and is readable",
        ) from None
    try:
        return yaml.load(text, Loader=_line_loader())  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        problem = exc.problem or "invalid YAML"
        raise KnowledgeBaseError(
            f"this is not valid YAML ({problem})", where=where,
            hint="fix the indentation or quoting at that line; text containing ': ' or '#' "
                 "must be quoted or written as a '>-' block",
        ) from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"this is not valid YAML ({exc})", where=shown) from None


def strip_lines(value: Any) -> Any:
    """Return ``value`` without the loader's line markers (recursively)."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def line_of(value: Any) -> int | None:
    return value.get(LINE_KEY) if isinstance(value, dict) else None


def where_of(shown: str, entry: Any, entry_id: str | None = None, field: str | None = None) -> str:
    """``file:line: entry 'id', field 'x'`` for error messages."""
    line = line_of(entry)
    parts = [f"{shown}:{line}" if line else shown]
    if entry_id:
        parts.append(f"entry '{entry_id}'")
    if field:
        parts.append(f"field '{field}'")
    return ", ".join(parts)


# --------------------------------------------------------------------------- pydantic errors


def explain_validation_error(exc: Exception) -> str:
    """Turn a pydantic ValidationError into plain words, one line per problem."""
    lines = []
    for err in getattr(exc, "errors", lambda: [])():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != LINE_KEY) or "(entry)"
        kind = err.get("type", "")
        if kind == "missing":
            msg = f"field '{loc}' is missing"
        elif kind == "extra_forbidden":
            msg = f"field '{loc}' is not a known field (a typo?)"
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            msg = f"field '{loc}' must be one of {expected}, not {err.get('input')!r}"
        elif kind.startswith("date"):
            msg = f"field '{loc}' must be a date written YYYY-MM-DD, not {err.get('input')!r}"
        else:
            msg = f"field '{loc}': {err.get('msg', 'invalid value')}"
        lines.append(msg)
    return "; ".join(lines) or str(exc)


# --------------------------------------------------------------------------- quotes


def normalise_for_match(text: str) -> str:
    """Canonical form for quote matching: NFKC, one quote mark, one dash, no whitespace,
    no footnote markers. Removing (not collapsing) whitespace also absorbs the run-together
    words left where a source dataset stripped footnote numbers ("tradition,and")."""
    text = unicodedata.normalize("NFKC", text)
    text = _FOOTNOTE.sub("", text)
    text = text.translate({ord(c): '"' for c in _QUOTE_MARKS})
    text = text.translate({ord(c): "-" for c in _DASHES})
    text = text.replace("ё", "е").replace("Ё", "Е")
    return _WS.sub("", text)


@dataclass(frozen=True)
class SourceText:
    """The copy of a source document, normalised once, with its ``[para N]`` blocks."""

    path: Path
    normalised: str
    paragraphs: dict[str, tuple[str, ...]]  # label -> normalised blocks (a label may repeat)
    raw: str

    def contains(self, quote: str) -> bool:
        return normalise_for_match(quote) in self.normalised

    def shows_paragraph(self, paragraph: str, quote: str) -> bool:
        """Is ``quote`` under the pinpoint ``paragraph`` as the source shows it?

        Files with ``[para N]`` markers: the quote must lie in a block labelled N. Other
        files: N must at least appear as a paragraph number ("N. ") in the copy."""
        if self.paragraphs:
            needle = normalise_for_match(quote)
            return any(needle in block for block in self.paragraphs.get(paragraph, ()))
        pattern = re.compile(r"(^|[\s\"«“])" + re.escape(paragraph) + r"\.\s", re.M)
        return bool(pattern.search(self.raw))


@lru_cache(maxsize=256)
def _read_source_text(path_str: str, mtime_ns: int, size: int) -> SourceText:
    path = Path(path_str)
    raw = path.read_text(encoding="utf-8")
    paragraphs: dict[str, list[str]] = {}
    marks = list(_PARA_MARK.finditer(raw))
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(raw)
        block = raw[m.end():end]
        paragraphs.setdefault(m.group(1).strip(), []).append(normalise_for_match(block))
    return SourceText(
        path=path,
        normalised=normalise_for_match(raw),
        paragraphs={k: tuple(v) for k, v in paragraphs.items()},
        raw=raw,
    )


def source_text(path: Path) -> SourceText:
    """Read (and cache, keyed by path and modification) the copy of a source document."""
    st = path.stat()
    return _read_source_text(str(path.resolve()), st.st_mtime_ns, st.st_size)


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class Registry:
    """The parsed ``sources/registry.yaml``."""

    kb_version: str
    sources: dict[str, Source]
    lines: dict[str, int]  # source id -> line in registry.yaml


def verification_exceeds(level: str, ceiling: str) -> bool:
    """True when ``level`` claims more trust than ``ceiling`` (never upgrade a source)."""
    return VERIFICATION_ORDER[level] > VERIFICATION_ORDER[ceiling]


def parse_sources(entries: Any, *, shown: str, sources_dir: Path,
                  require_files: bool = True) -> tuple[dict[str, Source], dict[str, int]]:
    """Validate a list of source entries; each ``file`` must exist under ``sources_dir``."""
    from pydantic import ValidationError

    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise KnowledgeBaseError("'sources' must be a list of entries", where=shown,
                                 hint="write each source as a '- id: ...' item")
    out: dict[str, Source] = {}
    lines: dict[str, int] = {}
    for entry in entries:
        if not isinstance(entry, dict):
            raise KnowledgeBaseError("each source must be a mapping (id: ..., title: ...)",
                                     where=shown)
        sid = entry.get("id") if isinstance(entry.get("id"), str) else None
        try:
            src = Source.model_validate(strip_lines(entry))
        except ValidationError as exc:
            raise KnowledgeBaseError(
                explain_validation_error(exc), where=where_of(shown, entry, sid),
                hint="compare the entry with models.Source (id, title, kind, verification, "
                     "completeness are required)",
            ) from None
        if src.id in out:
            raise KnowledgeBaseError(
                f"source id '{src.id}' is defined twice", where=where_of(shown, entry, src.id, "id"),
                hint="give each source a unique id",
            )
        if src.file and require_files:
            path = sources_dir / src.file
            if not path.is_file():
                raise KnowledgeBaseError(
                    f"the source copy '{src.file}' does not exist under {sources_dir}",
                    where=where_of(shown, entry, src.id, "file"),
                    hint="copy the source document there (with its header) or correct the path",
                )
        out[src.id] = src
        lines[src.id] = line_of(entry) or 0
    return out, lines


def load_registry(sources_dir: Path) -> Registry:
    """Load ``<data>/sources/registry.yaml`` (the source list and ``kb_version``)."""
    path = sources_dir / "registry.yaml"
    shown = f"sources/{path.name}"
    if not path.is_file():
        raise KnowledgeBaseError("the source registry is missing", where=str(path),
                                 hint="the knowledge base needs data/sources/registry.yaml")
    doc = read_yaml(path, shown=shown)
    if not isinstance(doc, dict):
        raise KnowledgeBaseError("the registry must be a mapping with 'kb_version' and 'sources'",
                                 where=shown)
    version = doc.get("kb_version")
    if not isinstance(version, str) or not version.strip():
        raise KnowledgeBaseError("field 'kb_version' is missing or not a string",
                                 where=where_of(shown, doc, field="kb_version"),
                                 hint='write e.g. kb_version: "1.0.0"')
    unknown = set(doc) - {"kb_version", "retrieved_default", "sources", LINE_KEY}
    if unknown:
        raise KnowledgeBaseError(f"unknown top-level field(s): {', '.join(sorted(unknown))}",
                                 where=shown, hint="only kb_version, retrieved_default, sources")
    entries = doc.get("sources")
    default = doc.get("retrieved_default")
    if isinstance(entries, list) and default:
        entries = [({**e, "retrieved": e.get("retrieved") or default}
                    if isinstance(e, dict) else e) for e in entries]
    sources, lines = parse_sources(entries, shown=shown, sources_dir=sources_dir)
    return Registry(kb_version=version.strip(), sources=sources, lines=lines)
