"""Reviewer decisions kept in a sidecar YAML file beside the input, re-applied on every run.

A volunteer lawyer accepts, rejects or edits machine findings; the analysis keeps the machine
finding and the decision side by side (``Finding.status`` and ``Finding.review``), so the audit
trail survives. Format (see :func:`write_review_template`)::

    decisions:
      - finding: "item_1/iccpr/art_19__para_3#legality"
        decision: edit            # accept | reject | edit
        reviewer: "A. Lawyer"
        date: 2024-08-01
        note: "the term is defined in art. 1"
        status: concern           # edit only: the edited status
        rationale: "..."          # edit only: the edited rationale

Errors name the file, the line and the field (yaml node marks), like papermill's exceptions.
A decision whose finding no longer exists becomes a :class:`~analysis.models.StaleDecision`.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import ReviewFileError
from .models import STATUS_SEVERITY_ORDER, Analysis, Finding, Review, StaleDecision

DECISIONS = ("accept", "reject", "edit")
FIELDS = ("finding", "decision", "reviewer", "date", "note", "status", "rationale")


@dataclass(frozen=True)
class Decision:
    """One reviewer decision with the line it was read from."""

    finding_id: str
    review: Review
    line: int | None = None


@dataclass(frozen=True)
class ReviewFile:
    path: str
    decisions: tuple[Decision, ...] = ()


def _err(path: str, node, field: str | None, message: str, hint: str) -> ReviewFileError:
    line = node.start_mark.line + 1 if node is not None else None
    where = path
    if line is not None:
        where += f", line {line}"
    if field:
        where += f", field '{field}'"
    return ReviewFileError(message, where=where, hint=hint)


def _scalar(path: str, node, field: str) -> str | None:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise _err(path, node, field, f"'{field}' must be a single value, not a list or mapping",
                   f"write one value after '{field}:'")
    value = node.value
    if node.tag == "tag:yaml.org,2002:null" or value in ("", "~", "null"):
        return None
    return str(value)


def _parse_date(path: str, node, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise _err(path, node, "date", f"'{text}' is not a date",
                   "write the date as YYYY-MM-DD, e.g. 2024-08-01") from None


def _decision(path: str, item) -> Decision | None:
    import yaml

    if not isinstance(item, yaml.MappingNode):
        raise _err(path, item, None, "each decision must be a mapping (finding, decision, ...)",
                   "start each decision with '- finding: <id>' and indent its fields")
    fields: dict[str, object] = {}
    nodes: dict[str, object] = {}
    for key_node, value_node in item.value:
        key = str(key_node.value)
        if key not in FIELDS:
            raise _err(path, key_node, key, f"unknown field '{key}'",
                       f"use only: {', '.join(FIELDS)}")
        if key in fields:
            raise _err(path, key_node, key, f"field '{key}' is given twice", "keep one of them")
        fields[key] = _scalar(path, value_node, key)
        nodes[key] = value_node
    if not fields.get("finding"):
        raise _err(path, item, "finding", "a decision without the finding id it is about",
                   "copy the finding id from findings.json (or the review template)")
    decision = fields.get("decision")
    if decision is None:
        return None  # an untouched template entry
    decision = str(decision).strip().lower()
    if decision not in DECISIONS:
        raise _err(path, nodes["decision"], "decision", f"'{decision}' is not a decision",
                   "write accept, reject or edit")
    reviewer = fields.get("reviewer")
    if not reviewer:
        raise _err(path, nodes.get("reviewer", item), "reviewer",
                   "a decision must name its reviewer", "add 'reviewer: <your name>'")
    if not fields.get("date"):
        raise _err(path, nodes.get("date", item), "date", "a decision must be dated",
                   "add 'date: YYYY-MM-DD'")
    when = _parse_date(path, nodes["date"], str(fields["date"]))
    status = fields.get("status")
    rationale = fields.get("rationale")
    if status is not None and status not in STATUS_SEVERITY_ORDER:
        raise _err(path, nodes["status"], "status", f"'{status}' is not a status",
                   "use one of: " + ", ".join(STATUS_SEVERITY_ORDER))
    if decision == "edit" and status is None and rationale is None:
        raise _err(path, item, "status", "an 'edit' must change the status or the rationale",
                   "add 'status: <new status>' and/or 'rationale: <new text>'")
    if decision != "edit" and (status is not None or rationale is not None):
        field = "status" if status is not None else "rationale"
        raise _err(path, nodes[field], field,
                   f"'{field}' is only for decision 'edit' (this one is '{decision}')",
                   "change the decision to edit, or remove the field")
    review = Review(decision=decision, reviewer=str(reviewer), date=when,
                    note=fields.get("note"), status=status, rationale=rationale)
    return Decision(str(fields["finding"]).strip(), review, item.start_mark.line + 1)


def load_review(path: str | os.PathLike) -> ReviewFile:
    """Read and validate a review file; raise :class:`ReviewFileError` naming line and field."""
    import yaml

    p = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReviewFileError("the review file does not exist", where=p,
                              hint="check the path given with --review") from None
    except UnicodeDecodeError as exc:
        raw = Path(path).read_bytes()
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ReviewFileError("the review file is not UTF-8 text (an invalid byte on this line)",
                              where=f"{p}, line {line}",
                              hint="save it as UTF-8 in your text editor and try again") from None
    except OSError as exc:
        raise ReviewFileError(f"cannot read the review file ({exc.strerror or exc})", where=p,
                              hint="check the path and permissions of the file") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{p}, line {mark.line + 1}" if mark else p
        problem = getattr(exc, "problem", None) or str(exc)
        raise ReviewFileError(f"not valid YAML: {problem}", where=where,
                              hint="check the indentation and quotes on that line") from None
    if root is None:
        return ReviewFile(p, ())
    if not isinstance(root, yaml.MappingNode):
        raise _err(p, root, None, "the review file must be a mapping with 'decisions:'",
                   "start the file with 'decisions:' and list one decision per finding")
    items = None
    for key_node, value_node in root.value:
        if key_node.value == "decisions":
            items = value_node
        elif key_node.value not in ("input", "sha256", "note"):
            raise _err(p, key_node, str(key_node.value), f"unknown field '{key_node.value}'",
                       "the top level holds 'decisions' (and optionally input, sha256, note)")
    if items is None or (isinstance(items, yaml.ScalarNode) and not items.value):
        return ReviewFile(p, ())
    if not isinstance(items, yaml.SequenceNode):
        raise _err(p, items, "decisions", "'decisions' must be a list",
                   "write each decision on a line starting with '- finding:'")
    decisions: list[Decision] = []
    seen: dict[str, int | None] = {}
    for item in items.value:
        d = _decision(p, item)
        if d is None:
            continue
        if d.finding_id in seen:
            raise _err(p, item, "finding",
                       f"a second decision on {d.finding_id} (first on line {seen[d.finding_id]})",
                       "keep one decision per finding")
        seen[d.finding_id] = d.line
        decisions.append(d)
    return ReviewFile(p, tuple(decisions))


def apply_review(findings: Sequence[Finding], review: ReviewFile | None
                 ) -> tuple[tuple[Finding, ...], tuple[StaleDecision, ...]]:
    """Attach each decision to its finding; decisions on missing findings are returned as stale."""
    if review is None or not review.decisions:
        return tuple(findings), ()
    by_id = {d.finding_id: d for d in review.decisions}
    out = []
    for f in findings:
        d = by_id.get(f.id)
        out.append(f.model_copy(update={"review": d.review}) if d else f)
    known = {f.id for f in findings}
    stale = tuple(
        StaleDecision(finding_id=d.finding_id, reviewer=d.review.reviewer,
                      decision=d.review.decision, line=d.line)
        for d in review.decisions if d.finding_id not in known
    )
    return tuple(out), stale


def _quote(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def render_review_template(analysis: Analysis, findings: Iterable[Finding] | None = None) -> str:
    """YAML listing every finding id with empty decisions, machine status as a comment."""
    rows = list(findings if findings is not None else analysis.findings)
    lines = [
        "# petition-lens reviewer decisions",
        f"# input: {analysis.input.path}",
        "# For each finding: decision accept | reject | edit; reviewer; date YYYY-MM-DD;",
        "# optional note; for edit also status (conflict, concern, compatible, not_engaged,",
        "# needs_review) and/or rationale. Entries left without a decision are ignored.",
        f"sha256: {analysis.input.sha256}",
        "decisions:",
    ]
    for f in rows:
        lines.append(f"  # machine: {f.status} (confidence {f.confidence})")
        lines.append(f"  - finding: {_quote(f.id)}")
        if f.review:
            r = f.review
            lines.append(f"    decision: {r.decision}")
            lines.append(f"    reviewer: {_quote(r.reviewer)}")
            lines.append(f"    date: {r.date.isoformat()}")
            if r.note:
                lines.append(f"    note: {_quote(r.note)}")
            if r.status:
                lines.append(f"    status: {r.status}")
            if r.rationale:
                lines.append(f"    rationale: {_quote(r.rationale)}")
        else:
            lines += ["    decision:", "    reviewer:", "    date:", "    note:"]
    return "\n".join(lines) + "\n"


def write_review_template(analysis: Analysis, path: str | os.PathLike) -> Path:
    """Write the template for volunteers (atomic write); existing decisions are kept in it."""
    from .io import atomic_write_text

    return atomic_write_text(path, render_review_template(analysis))
