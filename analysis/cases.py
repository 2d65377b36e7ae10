"""Read labelled case files in the format of ``shared/eval/README.md``.

A case file is Markdown: a level-1 heading, a two-column field table, a ``## TEXT`` section of
``###`` headings each followed by one fenced ``text`` block, and a ``## Assessment`` section
ending with one fenced ``yaml`` block of expected labels. The parser is strict about that
structure (a broken file raises :class:`~analysis.errors.CaseFormatError` naming the file and
line) and lenient about everything else (extra prose, comments in the YAML, extra fields).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .errors import CaseFormatError

FIELDS = (
    "case_id", "jurisdiction", "year", "instrument", "status", "text_language",
    "text_completeness", "paraphrase", "source_urls",
)
"""Fields of the header table (shared/eval/README.md, "File format")."""

LABEL_KEYS = ("engages", "conflicts_iccpr", "targets_group", "vague_terms", "verdict")
VERDICTS = ("incompatible", "compatible", "mixed")
GROUPS = ("lgbt", "religious", "ethnic", "women", "other", "none")
RIGHTS = (
    "expression", "equality", "assembly", "association", "privacy", "family", "children",
    "religion",
)

_FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w-]*)\s*$")
_LANG = re.compile(r"\[([A-Za-z]{2,3}(?:-[A-Za-z]+)?)\]")
_LETTER = re.compile(r"^\s*([A-Z])[.)]\s")
_EXCERPT_ENDS = "[excerpt ends]"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Section:
    """One ``###`` block of the TEXT section: its heading, language and verbatim text."""

    heading: str
    letter: str | None  # "A", "B"... (optional in the format)
    language: str | None  # from "[ru]"; None when the heading names none
    paraphrase: bool  # the heading contains PARAPHRASE: a description, not the wording
    text: str
    excerpt_ends: bool  # "[excerpt ends]" marks a cut in the source
    line: int  # line of the heading in the file (1-based)


@dataclass(frozen=True)
class Labels:
    """Expected (or predicted) labels of one case, as sets where order does not matter."""

    engages: frozenset[str]
    conflicts_iccpr: frozenset[int]
    targets_group: str
    vague_terms: tuple[str, ...]
    verdict: str

    def to_json(self) -> dict[str, Any]:
        return {
            "engages": sorted(self.engages),
            "conflicts_iccpr": sorted(self.conflicts_iccpr),
            "targets_group": self.targets_group,
            "vague_terms": list(self.vague_terms),
            "verdict": self.verdict,
        }


@dataclass(frozen=True)
class Case:
    """A labelled case: header fields, text sections and expected labels."""

    path: str
    title: str
    fields: dict[str, str]
    sections: tuple[Section, ...]
    expected: Labels
    authority: str | None = None
    extra_labels: dict[str, Any] = field(default_factory=dict)

    @property
    def case_id(self) -> str:
        return self.fields["case_id"]

    @property
    def text(self) -> str:
        """All blocks of the TEXT section as one document (README: "one document")."""
        return "\n\n".join(s.text for s in self.sections)

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages named in the section headings, in order of first appearance."""
        seen: list[str] = []
        for s in self.sections:
            if s.language and s.language not in seen:
                seen.append(s.language)
        return tuple(seen)

    @property
    def year(self) -> int | None:
        """The first year in the ``year`` field ("c. 2023 (...)" -> 2023)."""
        m = _YEAR.search(self.fields.get("year", ""))
        return int(m.group(1)) if m else None

    @property
    def as_of(self) -> date | None:
        """A fixed date inside the case's year: 30 June, the middle of the year.

        The exact date is often not given ("c. 2023"); mid-year keeps any error within half a
        year and makes runs reproducible.
        """
        return date(self.year, 6, 30) if self.year else None

    @property
    def paraphrase(self) -> bool:
        """True when any block is a paraphrase or the header says so (yes/partly/largely)."""
        flag = self.fields.get("paraphrase", "").strip().lower()
        header_says = bool(flag) and not flag.startswith(("no", "none", "-"))
        return header_says or any(s.paraphrase for s in self.sections)

    @property
    def completeness(self) -> str:
        """``InputInfo.completeness`` vocabulary from the free-text ``text_completeness``."""
        return normalise_completeness(
            self.fields.get("text_completeness", ""),
            all_paraphrase=bool(self.sections) and all(s.paraphrase for s in self.sections),
            cut=any(s.excerpt_ends for s in self.sections),
        )

    @property
    def kind(self) -> str:
        """``petition`` when the instrument or status says so, else ``bill`` or ``law``."""
        instrument = self.fields.get("instrument", "").lower()
        status = self.fields.get("status", "").lower()
        if "petition" in instrument or status.startswith("petition"):
            return "petition"
        if re.search(r"\b(bill|draft)\b", instrument) or status.startswith(("draft", "bill")):
            return "bill"
        return "law"

    def metadata(self) -> dict[str, Any]:
        """Metadata passed to the analysis with the text (what a bundled petition's file says)."""
        return {
            "title": self.title,
            "case_id": self.case_id,
            "jurisdiction": self.fields.get("jurisdiction", ""),
            "year": self.year,
            "kind": self.kind,
            "instrument": self.fields.get("instrument", ""),
            "status": self.fields.get("status", ""),
            "languages": list(self.languages),
            "completeness": self.completeness,
            "paraphrase": self.paraphrase,
            "source_urls": [u.strip() for u in self.fields.get("source_urls", "").split(";")
                            if u.strip()],
        }


def normalise_completeness(value: str, *, all_paraphrase: bool = False, cut: bool = False) -> str:
    """Map a header's free text to full / excerpt / quoted-fragments / paraphrase / unknown."""
    head = value.strip().lower()
    if all_paraphrase or head.startswith(("paraphrase", "summary")):
        return "paraphrase"
    if head.startswith(("quoted-fragment", "quoted fragment", "fragment")):
        return "quoted-fragments"
    if head.startswith(("partial", "excerpt")):
        return "excerpt"
    if head.startswith("full"):
        return "excerpt" if cut else "full"
    return "unknown"


def list_case_files(directory: str | Path) -> list[Path]:
    """The case files of a folder: every ``*.md`` except a README, sorted by name."""
    root = Path(directory)
    if not root.is_dir():
        raise CaseFormatError(
            "this is not a folder of case files",
            where=str(root),
            hint="give a folder containing case files (.md) in the shared/eval format",
        )
    files = sorted(p for p in root.glob("*.md") if p.name.lower() != "readme.md" and p.is_file())
    if not files:
        raise CaseFormatError(
            "the folder contains no case files (.md)",
            where=str(root),
            hint="give a folder containing case files (.md) in the shared/eval format",
        )
    return files


def read_case(path: str | Path) -> Case:
    """Read and validate one case file; raises :class:`CaseFormatError` naming file and line."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CaseFormatError("the case file is not UTF-8 text", where=str(p),
                              hint="save the case file as UTF-8") from None
    except OSError as exc:
        raise CaseFormatError(f"cannot read the case file ({exc.strerror or exc})", where=str(p),
                              hint="check the path and permissions") from None
    return parse_case(text, path=str(p))


def parse_case(text: str, *, path: str = "<case>") -> Case:
    """Parse the text of a case file (see the module docstring for the structure)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = _parse_title(lines, path)
    fields = _parse_fields(lines, path)
    text_start = _find_h2(lines, "text", path)
    assess_start = _find_h2(lines, "assessment", path)
    if assess_start < text_start:
        raise CaseFormatError("`## Assessment` comes before `## TEXT`", where=f"{path}:{assess_start + 1}",
                              hint="put the TEXT section first, then the Assessment")
    text_end = _next_h2(lines, text_start)
    sections = _parse_sections(lines, text_start + 1, text_end, path)
    labels, authority, extra = _parse_labels(lines, assess_start + 1, _next_h2(lines, assess_start),
                                             path)
    return Case(path=path, title=title, fields=fields, sections=sections, expected=labels,
                authority=authority, extra_labels=extra)


# --------------------------------------------------------------------------- internals


def _parse_title(lines: list[str], path: str) -> str:
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return line[2:].strip()
        if line.strip():
            break
    raise CaseFormatError("the file does not start with a level-1 heading (`# Title`)",
                          where=f"{path}:1", hint="start the case file with `# <title>`")


def _parse_fields(lines: list[str], path: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    first_table_line = None
    for i, line in enumerate(lines):
        if line.startswith("## "):
            break
        s = line.strip()
        if not s.startswith("|"):
            if first_table_line is not None and fields:
                break
            continue
        first_table_line = i if first_table_line is None else first_table_line
        cells = [c.strip() for c in s.strip("|").split("|")]
        if len(cells) < 2 or set(cells[0]) <= {"-", ":", " "}:
            continue
        key = cells[0].strip("`* ").lower()
        value = "|".join(cells[1:]).strip()
        if key in ("field",) and value.lower() == "value":
            continue
        fields[key] = value
    if first_table_line is None:
        raise CaseFormatError("no field table after the title", where=f"{path}:2",
                              hint="add the `| field | value |` table (case_id, year, ...)")
    if not fields.get("case_id"):
        raise CaseFormatError("the field table has no case_id", where=f"{path}:{first_table_line + 1}",
                              hint="add a row `| case_id | <id> |` to the field table")
    return fields


def _find_h2(lines: list[str], name: str, path: str) -> int:
    for i, line in enumerate(lines):
        if line.startswith("## ") and line[3:].strip().lower() == name:
            return i
    raise CaseFormatError(f"no `## {name.upper() if name == 'text' else name.title()}` section",
                          where=path, hint="see shared/eval/README.md for the case format")


def _next_h2(lines: list[str], start: int) -> int:
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("## "):
            return i
    return len(lines)


def _fenced_blocks(lines: list[str], start: int, end: int, path: str):
    """Yield (info, text, open_line) of each fenced block between ``start`` and ``end``."""
    i = start
    while i < end:
        m = _FENCE.match(lines[i].strip()) if lines[i].lstrip() == lines[i] else None
        if m:
            fence, info = m.group(1), m.group(2).lower()
            j = i + 1
            while j < end and not (lines[j].strip().startswith(fence[0] * len(fence))
                                   and lines[j].strip().strip(fence[0]) == ""):
                j += 1
            if j >= end:
                raise CaseFormatError("a fenced block is not closed", where=f"{path}:{i + 1}",
                                      hint="close the block with a line of ``` ")
            yield info, "\n".join(lines[i + 1:j]), i
            i = j + 1
        else:
            i += 1


def _parse_sections(lines: list[str], start: int, end: int, path: str) -> tuple[Section, ...]:
    headings = [i for i in range(start, end) if lines[i].startswith("### ")]
    if not headings:
        raise CaseFormatError("the TEXT section has no `###` heading", where=f"{path}:{start}",
                              hint="give each text block a heading like `### A. [ru] verbatim ...`")
    sections = []
    for k, h in enumerate(headings):
        stop = headings[k + 1] if k + 1 < len(headings) else end
        heading = lines[h][4:].strip()
        blocks = [(info, body) for info, body, _ in _fenced_blocks(lines, h + 1, stop, path)]
        text_blocks = [body for info, body in blocks if info in ("text", "")]
        if len(text_blocks) != 1:
            raise CaseFormatError(
                f"the heading is followed by {len(text_blocks)} ```text blocks, expected one",
                where=f"{path}:{h + 1}", hint="put exactly one ```text block under each heading")
        body = text_blocks[0]
        if not body.strip():
            raise CaseFormatError("the text block is empty", where=f"{path}:{h + 1}",
                                  hint="paste the retrieved text into the block")
        lang = _LANG.search(heading)
        letter = _LETTER.match(heading)
        sections.append(Section(
            heading=heading,
            letter=letter.group(1) if letter else None,
            language=lang.group(1).lower() if lang else None,
            paraphrase="PARAPHRASE" in heading,
            text=body,
            excerpt_ends=_EXCERPT_ENDS in body.lower(),
            line=h + 1,
        ))
    return tuple(sections)


def _parse_labels(lines: list[str], start: int, end: int, path: str):
    import yaml  # lazy: keeps `import analysis` light

    blocks = [(info, body, i) for info, body, i in _fenced_blocks(lines, start, end, path)
              if info in ("yaml", "yml")]
    if not blocks:
        raise CaseFormatError("the Assessment has no ```yaml block of expected labels",
                              where=f"{path}:{start}", hint="add the ```yaml block (engages, "
                              "conflicts_iccpr, targets_group, vague_terms, verdict)")
    _, body, line = blocks[-1]
    where = f"{path}:{line + 1}"
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f"{path}:{line + 2 + mark.line}"
        raise CaseFormatError(f"the labels are not valid YAML ({getattr(exc, 'problem', exc)})",
                              where=where, hint="fix the YAML syntax of the labels") from None
    if not isinstance(data, dict):
        raise CaseFormatError("the labels block is not a mapping", where=where,
                              hint="write the labels as `key: value` lines")
    missing = [k for k in LABEL_KEYS if k not in data]
    if missing:
        raise CaseFormatError(f"missing label(s): {', '.join(missing)}", where=where,
                              hint="every case needs " + ", ".join(LABEL_KEYS))
    labels = Labels(
        engages=_engages(data["engages"], where),
        conflicts_iccpr=_articles(data["conflicts_iccpr"], where),
        targets_group=str(data["targets_group"] or "none").strip().lower(),
        vague_terms=_strings(data["vague_terms"], "vague_terms", where),
        verdict=_choice(data["verdict"], VERDICTS, "verdict", where),
    )
    authority = data.get("authority")
    extra = {k: v for k, v in data.items() if k not in LABEL_KEYS and k != "authority"}
    return labels, (str(authority) if authority is not None else None), extra


def _as_list(value: Any, name: str, where: str) -> list:
    """A YAML list; a single scalar (``conflicts_iccpr: 19``) is read as a one-item list."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, (str, int, float)):
        return [value]
    raise CaseFormatError(f"`{name}` must be a list, got {value!r}", where=where,
                          hint=f"write `{name}: [...]`")


def _engages(value: Any, where: str) -> frozenset[str]:
    """Rights as listed; ``[none]`` is the empty set (README). A right outside the README's
    list is kept, not rejected: a case with an unfamiliar label is still worth scoring."""
    items = [str(v).strip().lower() for v in _as_list(value, "engages", where)]
    return frozenset(v for v in items if v and v != "none")


def _articles(value: Any, where: str) -> frozenset[int]:
    out = set()
    for v in _as_list(value, "conflicts_iccpr", where):
        try:
            out.add(int(str(v).strip()))
        except ValueError:
            raise CaseFormatError(f"conflicts_iccpr must list article numbers, got {v!r}",
                                  where=where, hint="write e.g. `conflicts_iccpr: [19, 26]`") from None
    return frozenset(out)


def _choice(value: Any, allowed: tuple[str, ...], name: str, where: str) -> str:
    v = str(value).strip().lower() if value is not None else "none"
    if v not in allowed:
        raise CaseFormatError(f"`{name}` is {value!r}", where=where,
                              hint=f"use one of {', '.join(allowed)}")
    return v


def _strings(value: Any, name: str, where: str) -> tuple[str, ...]:
    return tuple(str(v) for v in _as_list(value, name, where) if str(v).strip())
