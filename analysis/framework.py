"""The legal knowledge base: provisions with their tests, authorities, context; loading and checks.

Layout of a knowledge-base folder (the bundled one is ``data/``)::

    sources/registry.yaml      models.Source entries + kb_version; copies of the documents
    framework/*.yaml           one file per instrument: provisions, versions, verbatim texts,
                               and the tests that read them (literate, as in Catala)
    authorities/*.yaml         paragraph-level authorities with a verbatim quote each
    context/*.yaml             timeline, recommendations, addressee, dated thresholds

:func:`load_kb` validates everything before a :class:`KnowledgeBase` exists, so nothing is
ever half-loaded: a malformed or inconsistent file raises :class:`KnowledgeBaseError` naming
the file, line, entry and field. Integrity rules (each has a test with a broken fixture):

1. every reference resolves (test -> authority, text/authority/context -> source);
2. every provision has a dated version with text and a source (text-less versions are
   allowed only beside one with text: they mark "in force, text not available");
3. every verbatim text and quote occurs in its source's copy under ``sources/``
   (whitespace- and quote-mark-normalised, :mod:`analysis.sources`), and an authority's
   pinpoint paragraph is one the copy shows;
4. versions of a provision do not overlap in time;
5. test conditions use only the clause signals of :data:`analysis.signals.SIGNALS`;
6. no text or authority claims a verification level above its source's (never upgrade).
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError

from .errors import KnowledgeBaseError, TextUnavailableError
from .models import Authority, Frozen, Provision, ProvisionVersion, Source, Test, Verification
from .sources import (
    LINE_KEY,
    explain_validation_error,
    line_of,
    load_registry,
    parse_sources,
    read_yaml,
    source_text,
    strip_lines,
    verification_exceeds,
    where_of,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
CONDITION_KEYS = ("all", "any", "none")


def signal_names() -> frozenset[str]:
    """The one list of clause signals test conditions may use (docs/CONTRACTS.md)."""
    from .signals import SIGNALS

    return frozenset(SIGNALS)


# --------------------------------------------------------------------------- context models


class TimelineEvent(Frozen):
    """A dated event (``date`` is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source)."""

    date: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    event: dict[str, str]  # lang -> one sentence in our words
    sources: tuple[str, ...]
    note: str | None = None


class Recommendation(Frozen):
    """A recommendation the appeal asks people to include, verbatim."""

    id: str
    text: str  # verbatim
    source_id: str
    note: str | None = None


class Addressee(Frozen):
    """Where the appeal asks complaints to be sent."""

    name: dict[str, str]
    email: str | None = None
    deadline: date | None = None
    quote: str  # verbatim, from the appeal
    source_id: str
    note: str | None = None


class ParameterValue(Frozen):
    """One dated value of a parameter (OpenFisca style: every value dated and referenced)."""

    valid_from: date | None = None
    value: float | int | str
    source_id: str
    verification: Verification
    note: str | None = None


class Parameter(Frozen):
    id: str
    description: dict[str, str]
    unit: str
    values: tuple[ParameterValue, ...]

    def value_at(self, as_of: date) -> ParameterValue | None:
        """The latest value whose ``valid_from`` is on or before ``as_of`` (None if none)."""
        best = None
        for v in self.values:
            if v.valid_from is None or v.valid_from <= as_of:
                if best is None or (v.valid_from or date.min) >= (best.valid_from or date.min):
                    best = v
        return best


class Context(Frozen):
    timeline: tuple[TimelineEvent, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    addressee: Addressee | None = None
    thresholds: dict[str, Parameter] = Field(default_factory=dict)


# --------------------------------------------------------------------------- the KB


@dataclass(frozen=True)
class CheckReport:
    """What :func:`check_sources` verified, for people and for CI logs."""

    data_dir: str
    version: str
    sources: int
    source_copies: int
    provisions: int
    versions: int
    texts: int
    textless_versions: int
    authorities: int
    tests: int
    quotes_checked: int  # provision texts + authority quotes + context quotes matched
    pinpoints_checked: int
    context_events: int
    unchecked: tuple[str, ...] = ()  # quotes whose source has no copy (user-supplied/NGO)

    def render(self) -> str:
        lines = [
            f"knowledge base OK: {self.data_dir}",
            f"  version:      {self.version}",
            f"  sources:      {self.sources} ({self.source_copies} with a copy under sources/)",
            f"  provisions:   {self.provisions} ({self.versions} versions, {self.texts} texts, "
            f"{self.textless_versions} versions without text)",
            f"  tests:        {self.tests}",
            f"  authorities:  {self.authorities}",
            f"  quotes checked against their sources: {self.quotes_checked} "
            f"({self.pinpoints_checked} pinpoint paragraphs confirmed)",
            f"  context:      {self.context_events} timeline events",
        ]
        if self.unchecked:
            lines.append(f"  not checked (no copy of the source): {len(self.unchecked)}")
            lines.extend(f"    - {u}" for u in self.unchecked)
        return "\n".join(lines)


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the reasoning needs, validated. Build it with :func:`load_kb`."""

    data_dir: Path
    version: str
    sources: dict[str, Source]
    provisions: dict[str, Provision]
    authorities: dict[str, Authority]
    tests: dict[str, Test]  # "<provision_id>#<test_id>"
    context: Context
    report: CheckReport = field(repr=False, compare=False, default=None)  # type: ignore[assignment]

    def provision(self, provision_id: str) -> Provision:
        try:
            return self.provisions[provision_id]
        except KeyError:
            raise KnowledgeBaseError(
                f"unknown provision '{provision_id}'", where=str(self.data_dir),
                hint="see data/framework/*.yaml for the provision ids",
            ) from None

    def authority(self, authority_id: str) -> Authority:
        try:
            return self.authorities[authority_id]
        except KeyError:
            raise KnowledgeBaseError(
                f"unknown authority '{authority_id}'", where=str(self.data_dir),
                hint="see data/authorities/*.yaml for the authority ids",
            ) from None

    def test(self, key: str) -> Test:
        """A test by ``"<provision_id>#<test_id>"``."""
        try:
            return self.tests[key]
        except KeyError:
            raise KnowledgeBaseError(f"unknown test '{key}'", where=str(self.data_dir)) from None

    def version_at(self, provision_id: str, as_of: date | str) -> ProvisionVersion:
        """The version of a provision in force on ``as_of``, with its text.

        Raises :class:`TextUnavailableError` when no version is in force on that date, or when
        the version in force has no text in our sources (e.g. the Constitution of 2026):
        an analysis must then say the text is missing, never fall back to an older text.
        """
        when = _as_date(as_of)
        prov = self.provision(provision_id)
        for v in prov.versions:
            if (v.valid_from is None or v.valid_from <= when) and (
                v.valid_to is None or when <= v.valid_to
            ):
                if not v.texts:
                    raise TextUnavailableError(
                        f"the text of {provision_id} in force on {when.isoformat()} (version "
                        f"'{v.id}', from {v.valid_from or 'an unknown date'}) is missing from "
                        f"the knowledge base: text not available"
                        + (f" ({v.note})" if v.note else ""),
                        where=provision_id,
                        hint="analyse as of an earlier date, or add the official text of this "
                             "version to data/framework with its source",
                    )
                return v
        raise TextUnavailableError(
            f"no version of {provision_id} is in force on {when.isoformat()}: text not available",
            where=provision_id,
            hint="check the date (e.g. the ICCPR binds Kazakhstan from 2006-04-24)",
        )


def _as_date(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise KnowledgeBaseError(f"'{value}' is not a date", where="as_of",
                                 hint="write the date as YYYY-MM-DD") from None


# --------------------------------------------------------------------------- loading


_CACHE: dict[tuple[str, tuple], tuple[KnowledgeBase, CheckReport]] = {}
_LOCK = threading.Lock()
_KB_SUBDIRS = ("sources", "framework", "authorities", "context")


def _data_files(root: Path) -> list[Path]:
    files = []
    for sub in _KB_SUBDIRS:
        d = root / sub
        if d.is_dir():
            files.extend(p for p in d.rglob("*") if p.is_file() and not p.name.startswith("."))
    return sorted(files)


def _signature(files: list[Path]) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load_kb(data_dir: str | Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base (cached per folder and file modification times)."""
    return _load(data_dir)[0]


def check_sources(data_dir: str | Path | None = None) -> CheckReport:
    """Validate the knowledge base and report what was checked (raises on any failure)."""
    return _load(data_dir)[1]


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def _load(data_dir: str | Path | None) -> tuple[KnowledgeBase, CheckReport]:
    root = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    if not root.is_dir():
        raise KnowledgeBaseError(
            "the knowledge-base folder does not exist", where=str(root),
            hint="pass --data with a folder holding sources/, framework/, authorities/",
        )
    root = root.resolve()
    files = _data_files(root)
    key = (str(root), _signature(files))
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            return hit
    result = _Builder(root, files).build()
    with _LOCK:
        _CACHE[key] = result
    return result


class _Builder:
    """Reads every file, validates, checks integrity, then builds the immutable KB."""

    def __init__(self, root: Path, files: list[Path]):
        self.root = root
        self.files = files
        self.sources_dir = root / "sources"
        self.sources: dict[str, Source] = {}
        self.inline_sources: dict[str, str] = {}  # source id -> framework file declaring it
        self.provisions: dict[str, Provision] = {}
        self.provision_where: dict[str, tuple[str, dict]] = {}
        self.authorities: dict[str, Authority] = {}
        self.authority_where: dict[str, tuple[str, dict]] = {}
        self.context = Context()
        self.context_where: dict[str, tuple[str, Any]] = {}
        self.quotes_checked = 0
        self.pinpoints_checked = 0
        self.unchecked: list[str] = []

    # ----------------------------------------------------------------- steps

    def build(self) -> tuple[KnowledgeBase, CheckReport]:
        registry = load_registry(self.sources_dir)
        self.sources = dict(registry.sources)
        self._load_framework()
        self._load_authorities()
        self._load_context()
        self._check_authorities()
        self._check_provisions()
        self._check_context()
        tests = {f"{t.provision_id}#{t.id}": t
                 for p in self.provisions.values() for t in p.tests}
        version = f"{registry.kb_version}+{self._digest()}"
        report = CheckReport(
            data_dir=str(self.root),
            version=version,
            sources=len(self.sources),
            source_copies=sum(1 for s in self.sources.values() if s.file),
            provisions=len(self.provisions),
            versions=sum(len(p.versions) for p in self.provisions.values()),
            texts=sum(len(v.texts) for p in self.provisions.values() for v in p.versions),
            textless_versions=sum(1 for p in self.provisions.values()
                                  for v in p.versions if not v.texts),
            authorities=len(self.authorities),
            tests=len(tests),
            quotes_checked=self.quotes_checked,
            pinpoints_checked=self.pinpoints_checked,
            context_events=len(self.context.timeline),
            unchecked=tuple(self.unchecked),
        )
        kb = KnowledgeBase(
            data_dir=self.root, version=version, sources=self.sources,
            provisions=dict(sorted(self.provisions.items())),
            authorities=dict(sorted(self.authorities.items())),
            tests=dict(sorted(tests.items())), context=self.context, report=report,
        )
        return kb, report

    def _digest(self) -> str:
        h = hashlib.sha256()
        for p in self.files:
            h.update(p.relative_to(self.root).as_posix().encode())
            h.update(b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
        return h.hexdigest()[:12]

    def _yaml_files(self, sub: str) -> list[Path]:
        d = self.root / sub
        return sorted(p for p in d.glob("*.yaml") if p.is_file()) if d.is_dir() else []

    def _shown(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # ----------------------------------------------------------------- framework

    def _load_framework(self) -> None:
        files = self._yaml_files("framework")
        if not files:
            raise KnowledgeBaseError("no provisions: framework/*.yaml is empty or missing",
                                     where=str(self.root / "framework"))
        for path in files:
            shown = self._shown(path)
            doc = read_yaml(path, shown=shown)
            if not isinstance(doc, dict) or not isinstance(doc.get("provisions"), list):
                raise KnowledgeBaseError(
                    "a framework file must be a mapping with a 'provisions' list",
                    where=shown, hint="see data/framework/iccpr.yaml for the layout",
                )
            unknown = set(doc) - {"instrument", "jurisdiction", "sources", "provisions", LINE_KEY}
            if unknown:
                raise KnowledgeBaseError(
                    f"unknown top-level field(s): {', '.join(sorted(unknown))}", where=shown,
                    hint="allowed: instrument, jurisdiction, sources, provisions")
            inline, _ = parse_sources(doc.get("sources"), shown=shown,
                                      sources_dir=self.sources_dir)
            for sid, src in inline.items():
                if sid in self.sources:
                    raise KnowledgeBaseError(
                        f"source id '{sid}' is already defined in sources/registry.yaml",
                        where=shown, hint="use a new id for a source declared in this file")
                self.sources[sid] = src
                self.inline_sources[sid] = shown
            for entry in doc["provisions"]:
                self._add_provision(entry, doc, shown)

    def _add_provision(self, entry: Any, doc: dict, shown: str) -> None:
        if not isinstance(entry, dict):
            raise KnowledgeBaseError("each provision must be a mapping (id: ..., versions: ...)",
                                     where=shown)
        pid = entry.get("id") if isinstance(entry.get("id"), str) else None
        data = strip_lines(entry)
        data.setdefault("instrument", doc.get("instrument"))
        data.setdefault("jurisdiction", doc.get("jurisdiction"))
        tests = data.get("tests")
        if isinstance(tests, list) and pid:
            raw_tests = entry.get("tests") or []
            for t, raw in zip(tests, raw_tests):
                if isinstance(t, dict):
                    if t.get("provision_id") not in (None, pid):
                        raise KnowledgeBaseError(
                            f"test names provision '{t.get('provision_id')}' but sits under '{pid}'",
                            where=where_of(shown, raw, f"{pid}#{t.get('id')}", "provision_id"),
                            hint="remove provision_id from the test; it is taken from its provision")
                    t["provision_id"] = pid
        try:
            prov = Provision.model_validate(data)
        except ValidationError as exc:
            raise KnowledgeBaseError(
                explain_validation_error(exc), where=where_of(shown, entry, pid),
                hint="compare the entry with another provision in data/framework/iccpr.yaml",
            ) from None
        if prov.id in self.provisions:
            other = self.provision_where[prov.id][0]
            raise KnowledgeBaseError(
                f"provision id '{prov.id}' is defined twice (also in {other})",
                where=where_of(shown, entry, prov.id, "id"), hint="give each provision a unique id")
        if not prov.id.startswith(f"{prov.instrument}/"):
            raise KnowledgeBaseError(
                f"provision id '{prov.id}' does not start with its instrument '{prov.instrument}/'",
                where=where_of(shown, entry, prov.id, "id"),
                hint="ids are Akoma Ntoso style: <instrument>/art_19__para_3")
        self.provisions[prov.id] = prov
        self.provision_where[prov.id] = (shown, entry)

    # ----------------------------------------------------------------- authorities

    def _load_authorities(self) -> None:
        defaults_keys = {"source_id", "symbol", "short_title", "weight", "verification"}
        for path in self._yaml_files("authorities"):
            shown = self._shown(path)
            doc = read_yaml(path, shown=shown)
            if not isinstance(doc, dict) or not isinstance(doc.get("authorities"), list):
                raise KnowledgeBaseError(
                    "an authorities file must be a mapping with an 'authorities' list",
                    where=shown, hint="see data/authorities/ccpr-c-gc-34.yaml for the layout")
            unknown = set(doc) - defaults_keys - {"authorities", LINE_KEY}
            if unknown:
                raise KnowledgeBaseError(
                    f"unknown top-level field(s): {', '.join(sorted(unknown))}", where=shown,
                    hint=f"allowed: {', '.join(sorted(defaults_keys))}, authorities")
            defaults = {k: doc[k] for k in defaults_keys if k in doc}
            for entry in doc["authorities"]:
                if not isinstance(entry, dict):
                    raise KnowledgeBaseError("each authority must be a mapping", where=shown)
                data = {**defaults, **strip_lines(entry)}
                if "id" not in data:
                    para = data.get("paragraph")
                    if para is None or "source_id" not in data:
                        raise KnowledgeBaseError(
                            "field 'id' is missing (needed when there is no paragraph number)",
                            where=where_of(shown, entry, field="id"),
                            hint="write id: <source-id>/<what it is>, e.g. bayev/headnote_art10")
                    data["id"] = f"{data['source_id']}/para_{para}"
                if isinstance(data.get("paragraph"), (int, float)):
                    data["paragraph"] = str(data["paragraph"])
                try:
                    auth = Authority.model_validate(data)
                except ValidationError as exc:
                    raise KnowledgeBaseError(
                        explain_validation_error(exc), where=where_of(shown, entry, data.get("id")),
                        hint="each authority needs source_id, symbol, short_title, paragraph "
                             "(or null), quote, holding, weight, verification") from None
                if auth.id in self.authorities:
                    raise KnowledgeBaseError(
                        f"authority id '{auth.id}' is defined twice",
                        where=where_of(shown, entry, auth.id, "id"),
                        hint="give each authority a unique id")
                self.authorities[auth.id] = auth
                self.authority_where[auth.id] = (shown, entry)

    # ----------------------------------------------------------------- context

    def _load_context(self) -> None:
        d = self.root / "context"
        data: dict[str, Any] = {}
        for name, key in (("timeline.yaml", "timeline"),
                          ("recommendations.yaml", "recommendations"),
                          ("addressee.yaml", "addressee"),
                          ("thresholds.yaml", "thresholds")):
            path = d / name
            if not path.is_file():
                continue
            shown = self._shown(path)
            doc = read_yaml(path, shown=shown)
            if not isinstance(doc, dict) or key not in doc:
                raise KnowledgeBaseError(f"the file must be a mapping with '{key}'", where=shown)
            self.context_where[key] = (shown, doc[key])
            data[key] = strip_lines(doc[key])
            if key == "thresholds" and isinstance(data[key], dict):
                data[key] = {k: ({"id": k, **v} if isinstance(v, dict) else v)
                             for k, v in data[key].items()}
        try:
            self.context = Context.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]["loc"][0] if exc.errors() else None
            shown, raw = self.context_where.get(str(first), ("context", None))
            raise KnowledgeBaseError(explain_validation_error(exc), where=shown,
                                     hint="compare with the other entries in the file") from None

    # ----------------------------------------------------------------- integrity

    def _source(self, sid: str, where: str) -> Source:
        src = self.sources.get(sid)
        if src is None:
            raise KnowledgeBaseError(
                f"unknown source '{sid}'", where=where,
                hint="add it to sources/registry.yaml or correct the id")
        return src

    def _check_quote(self, quote: str, sid: str, where: str, *, allow_uncopied: bool,
                     label: str) -> Any:
        """Check a verbatim quote against its source copy; return the SourceText or None."""
        src = self._source(sid, where)
        if not src.file:
            if allow_uncopied:
                self.unchecked.append(f"{label} (source '{sid}' has no copy)")
                return None
            raise KnowledgeBaseError(
                f"source '{sid}' has no copy under sources/, so the quote cannot be checked",
                where=where,
                hint="quote a source that has a copy (set its 'file'), or declare the source "
                     "in this framework file if it is the official text you are supplying")
        text = source_text(self.sources_dir / src.file)
        if not text.contains(quote):
            shown_quote = quote if len(quote) <= 90 else quote[:87] + "..."
            raise KnowledgeBaseError(
                f"the quote does not occur in its source '{sid}' ({src.file}): «{shown_quote}»",
                where=where,
                hint="copy the words exactly as they stand in the source file (spacing and "
                     "quote marks may differ, words may not)")
        self.quotes_checked += 1
        return text

    def _check_provisions(self) -> None:
        signals = signal_names()
        for pid, prov in self.provisions.items():
            shown, entry = self.provision_where[pid]
            raw_versions = entry.get("versions") or []
            if not any(v.texts for v in prov.versions):
                raise KnowledgeBaseError(
                    "the provision has no version with text",
                    where=where_of(shown, entry, pid, "versions"),
                    hint="add a version with at least one verbatim text and its source_id")
            seen_ids: set[str] = set()
            for i, v in enumerate(prov.versions):
                raw_v = raw_versions[i] if i < len(raw_versions) else entry
                vwhere = where_of(shown, raw_v, f"{pid} version '{v.id}'")
                if v.id in seen_ids:
                    raise KnowledgeBaseError(f"version id '{v.id}' is used twice", where=vwhere)
                seen_ids.add(v.id)
                if v.valid_from and v.valid_to and v.valid_from > v.valid_to:
                    raise KnowledgeBaseError(
                        f"valid_from {v.valid_from} is after valid_to {v.valid_to}", where=vwhere,
                        hint="swap the dates")
                raw_texts = raw_v.get("texts") or [] if isinstance(raw_v, dict) else []
                for j, t in enumerate(v.texts):
                    raw_t = raw_texts[j] if j < len(raw_texts) else raw_v
                    twhere = where_of(shown, raw_t, f"{pid} version '{v.id}' text [{t.lang}]")
                    src = self._source(t.source_id, twhere + ", field 'source_id'")
                    if verification_exceeds(t.verification, src.verification):
                        raise KnowledgeBaseError(
                            f"verification '{t.verification}' is above its source's level "
                            f"'{src.verification}' ('{src.id}')", where=twhere + ", field 'verification'",
                            hint="never upgrade a source's verification level; use the source's "
                                 "level or lower")
                    self._check_quote(t.text, t.source_id, twhere + ", field 'text'",
                                      allow_uncopied=t.source_id in self.inline_sources
                                      and self.inline_sources[t.source_id] == shown,
                                      label=f"{pid} [{t.lang}] text")
            self._check_overlaps(prov, shown, entry)
            raw_tests = entry.get("tests") or []
            seen_tests: set[str] = set()
            for k, t in enumerate(prov.tests):
                raw_t = raw_tests[k] if k < len(raw_tests) else entry
                twhere = where_of(shown, raw_t, f"{pid}#{t.id}")
                if t.id in seen_tests:
                    raise KnowledgeBaseError(f"test id '{t.id}' is used twice in {pid}",
                                             where=twhere)
                seen_tests.add(t.id)
                for key, names in t.conditions.items():
                    if key not in CONDITION_KEYS:
                        raise KnowledgeBaseError(
                            f"condition key '{key}' is not one of all/any/none",
                            where=twhere + ", field 'conditions'",
                            hint="write conditions as {all: [...], any: [...], none: [...]}")
                    for name in names:
                        if name not in signals:
                            raise KnowledgeBaseError(
                                f"condition uses an unknown signal '{name}'",
                                where=twhere + f", field 'conditions.{key}'",
                                hint="use only the clause signals listed in docs/CONTRACTS.md "
                                     "(analysis.signals.SIGNALS)")
                for aid in t.authorities:
                    if aid not in self.authorities:
                        raise KnowledgeBaseError(
                            f"test cites an unknown authority '{aid}'",
                            where=twhere + ", field 'authorities'",
                            hint="add the authority to data/authorities/ or correct the id")

    @staticmethod
    def _check_overlaps(prov: Provision, shown: str, entry: dict) -> None:
        spans = sorted(prov.versions, key=lambda v: v.valid_from or date.min)
        for a, b in zip(spans, spans[1:]):
            a_end = a.valid_to or date.max
            b_start = b.valid_from or date.min
            if b_start <= a_end:
                raise KnowledgeBaseError(
                    f"versions '{a.id}' and '{b.id}' overlap in time "
                    f"({a.valid_from or '…'}–{a.valid_to or '…'} and "
                    f"{b.valid_from or '…'}–{b.valid_to or '…'})",
                    where=where_of(shown, entry, prov.id, "versions"),
                    hint="end the earlier version (valid_to) the day before the next one starts")

    def _check_authorities(self) -> None:
        for aid, auth in self.authorities.items():
            shown, entry = self.authority_where[aid]
            where = where_of(shown, entry, aid)
            src = self._source(auth.source_id, where + ", field 'source_id'")
            if verification_exceeds(auth.verification, src.verification):
                raise KnowledgeBaseError(
                    f"verification '{auth.verification}' is above its source's level "
                    f"'{src.verification}' ('{src.id}')", where=where + ", field 'verification'",
                    hint="never upgrade a source's verification level")
            text = self._check_quote(auth.quote, auth.source_id, where + ", field 'quote'",
                                     allow_uncopied=False, label=aid)
            if auth.paragraph is not None:
                if not text.shows_paragraph(auth.paragraph, auth.quote):
                    raise KnowledgeBaseError(
                        f"the source copy does not show the quote under paragraph "
                        f"{auth.paragraph}", where=where + ", field 'paragraph'",
                        hint="cite the paragraph the quote stands in, or paragraph: null "
                             "where the source shows no number")
                self.pinpoints_checked += 1

    def _check_context(self) -> None:
        ctx = self.context
        shown, raw = self.context_where.get("timeline", ("context/timeline.yaml", []))
        for i, ev in enumerate(ctx.timeline):
            r = raw[i] if isinstance(raw, list) and i < len(raw) else None
            for sid in ev.sources:
                self._source(sid, where_of(shown, r, f"{ev.date}", "sources"))
        shown, raw = self.context_where.get("recommendations", ("context", []))
        for i, rec in enumerate(ctx.recommendations):
            r = raw[i] if isinstance(raw, list) and i < len(raw) else None
            self._check_quote(rec.text, rec.source_id, where_of(shown, r, rec.id, "text"),
                              allow_uncopied=True, label=f"recommendation {rec.id}")
        if ctx.addressee:
            shown, raw = self.context_where["addressee"]
            self._check_quote(ctx.addressee.quote, ctx.addressee.source_id,
                              where_of(shown, raw, "addressee", "quote"),
                              allow_uncopied=True, label="addressee")
        shown, raw = self.context_where.get("thresholds", ("context", {}))
        for pid, param in ctx.thresholds.items():
            for v in param.values:
                self._source(v.source_id, where_of(shown, raw.get(pid) if isinstance(raw, dict)
                                                   else None, pid, "values.source_id"))
