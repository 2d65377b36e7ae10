"""Draft letters from the findings a reviewer accepted (DOCX and Markdown, en and ru).

1. A complaint to the body that received the petition, asking that it be rejected;
2. a letter to a member of parliament or a ministry of foreign affairs asking them to raise
   the concern.

Only accepted findings are cited (an edit counts as accepted). When no finding has been
reviewed yet, the letters cite the machine's conflicts and concerns and say prominently, at
the top, that they are drafts from unreviewed findings. Rejected findings never appear. The
addressee, the appeal's asks and its recommendations come from the knowledge base's context
data (``kb.context``), never from the templates; sender details are placeholders.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..models import Analysis
from . import kbview
from .strings import LANGS, LETTER, localised, t
from .view import BriefView, FindingView, build_view, distinct_words

KINDS = ("complaint", "mp_letter")


@dataclass(frozen=True)
class Block:
    kind: str  # banner | heading | para | bullets | numbered | lines
    items: tuple[str, ...]


def _l(lang: str, key: str, **fmt: object) -> str:
    text = LETTER[lang][key]
    return text.format(**fmt) if fmt else text


def is_draft(v: BriefView) -> bool:
    """Draft = built from machine findings no reviewer has looked at."""
    return not v.any_reviewed


def _finding_line(f: FindingView, lang: str) -> str:
    cites = "; ".join(a.citation for a in f.authorities)
    words = ", ".join(f"«{e}»" for e in distinct_words(f.evidence)[:4])
    line = f"{f.provision_label} ({_l(lang, 'status_word')}: {f.status_label}): {f.rationale}"
    if words:
        line += f" [{words}]"
    if cites:
        line += f" — {cites}"
    return line


def _addressee(kb: Any, lang: str) -> tuple[str, ...]:
    ctx = kbview.context(kb, "addressee")
    if ctx is None:
        return ("[Name of the body that received the petition]"
                if lang == "en" else "[Название органа, получившего петицию]",
                "[Address / e-mail]" if lang == "en" else "[Адрес / e-mail]")
    if isinstance(ctx, str):
        return (ctx,)
    lines = []
    for key in ("name", "title", "body", "department", "address", "email"):
        value = localised(kbview.get(ctx, key), lang)
        if value:
            if key == "email" and "@" in value:
                value = f"e-mail: {value}"
            lines.append(value)
    return tuple(dict.fromkeys(lines)) or ("[—]",)


def _asks(kb: Any, lang: str) -> tuple[str, ...]:
    raw = kbview.context(kb, "asks")
    if raw is None:
        raw = kbview.get(kbview.context(kb, "appeal"), "asks")
    if isinstance(raw, (str, dict)):
        raw = [raw]
    out = []
    for item in raw or ():
        text = localised(kbview.get(item, "text", item), lang)
        if text:
            out.append(text)
    return tuple(out)


def _sender(lang: str) -> Block:
    return Block("lines", tuple(t(lang, k) for k in (
        "placeholder_name", "placeholder_org", "placeholder_address", "placeholder_email",
        "placeholder_date")))


def _signature(lang: str) -> Block:
    return Block("lines", (_l(lang, "sincerely"), t(lang, "placeholder_name"),
                           t(lang, "placeholder_signature")))


def _findings_blocks(v: BriefView, intro_key: str) -> list[Block]:
    lang = v.lang
    if not v.letter_findings:
        return []
    per_provision: dict[str, FindingView] = {}
    for f in v.letter_findings:  # already worst first: keep one finding per provision
        per_provision.setdefault(f.provision_label, f)
    return [Block("para", (_l(lang, intro_key),)),
            Block("bullets", tuple(_finding_line(f, lang) for f in per_provision.values()))]


def _admissibility_blocks(v: BriefView) -> list[Block]:
    a = v.analysis.admissibility
    if a.answer != "inadmissible":
        return []
    if v.any_reviewed and not any(f.accepted and f.id in a.findings for f in v.all_findings):
        return []
    text = v.admissibility_label + (f". {v.admissibility_grounds}" if v.admissibility_grounds else "")
    return [Block("para", (_l(v.lang, "complaint_admissibility") + " " + text,))]


def complaint_blocks(v: BriefView, kb: Any) -> list[Block]:
    lang = v.lang
    blocks: list[Block] = []
    if is_draft(v):
        blocks.append(Block("banner", (t(lang, "draft_banner"),)))
    blocks.append(_sender(lang))
    blocks.append(Block("lines", (f"{_l(lang, 'complaint_to')}:", *_addressee(kb, lang))))
    blocks.append(Block("heading", (_l(lang, "complaint_subject", title=v.title),)))
    blocks.append(Block("para", (_l(lang, "complaint_opening"),)))
    blocks.append(Block("para", (_l(lang, "complaint_body", title=v.title),)))
    blocks += _findings_blocks(v, "complaint_findings")
    blocks += _admissibility_blocks(v)
    if v.recommendations:
        blocks.append(Block("para", (_l(lang, "complaint_recommendations"),)))
        blocks.append(Block("numbered", v.recommendations))
    blocks.append(Block("para", (_l(lang, "complaint_closing"),)))
    blocks.append(_signature(lang))
    blocks.append(Block("para", (_l(lang, "sources_note"),)))
    return blocks


def mp_letter_blocks(v: BriefView, kb: Any) -> list[Block]:
    lang = v.lang
    blocks: list[Block] = []
    if is_draft(v):
        blocks.append(Block("banner", (t(lang, "draft_banner"),)))
    blocks.append(_sender(lang))
    blocks.append(Block("lines", (t(lang, "placeholder_recipient"),)))
    blocks.append(Block("heading", (_l(lang, "mp_subject", title=v.title),)))
    blocks.append(Block("para", (_l(lang, "mp_opening"),)))
    blocks.append(Block("para", (_l(lang, "mp_body", title=v.title),)))
    blocks += _findings_blocks(v, "mp_findings")
    asks = _asks(kb, lang)
    if asks:
        blocks.append(Block("para", (_l(lang, "mp_asks", source=v.recommendations_source or "—"),)))
        blocks.append(Block("bullets", asks))
    if v.recommendations:
        blocks.append(Block("para", (_l(lang, "mp_recommendations"),)))
        blocks.append(Block("numbered", v.recommendations))
    blocks.append(Block("para", (_l(lang, "mp_closing"),)))
    blocks.append(_signature(lang))
    blocks.append(Block("para", (_l(lang, "sources_note"),)))
    return blocks


def blocks_to_markdown(title: str, blocks: list[Block]) -> str:
    from .markdown import esc
    from .strings import _TABLES

    placeholders = {v for table in _TABLES.values() for k, v in table.items()
                    if k.startswith("placeholder_")}  # our own fixed "[Your name]" strings
    out = [f"# {esc(title)}", ""]
    for b in blocks:
        if b.kind == "banner":
            out += [f"> **{esc(b.items[0])}**", ""]
        elif b.kind == "heading":
            out += [f"**{esc(b.items[0])}**", ""]
        elif b.kind == "para":
            out += [esc(b.items[0]), ""]
        elif b.kind == "bullets":
            out += [f"- {esc(x)}" for x in b.items] + [""]
        elif b.kind == "numbered":
            out += [f"{i}. {esc(x)}" for i, x in enumerate(b.items, 1)] + [""]
        elif b.kind == "lines":
            out += ["  \n".join(x if x in placeholders else esc(x) for x in b.items), ""]
    return "\n".join(out).rstrip() + "\n"


def blocks_to_docx(title: str, blocks: list[Block], as_of, lang: str) -> bytes:
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    from .docx import new_document, save_document

    doc = new_document(title, as_of, lang)
    doc.add_heading(title, level=1)
    for b in blocks:
        if b.kind == "banner":
            p = doc.add_paragraph()
            run = p.add_run(b.items[0])
            run.bold = True
            run.font.size = Pt(12)
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        elif b.kind == "heading":
            doc.add_paragraph().add_run(b.items[0]).bold = True
        elif b.kind == "para":
            doc.add_paragraph(b.items[0])
        elif b.kind in ("bullets", "numbered"):
            style = "List Bullet" if b.kind == "bullets" else "List Number"
            for x in b.items:
                doc.add_paragraph(x, style=style)
        elif b.kind == "lines":
            p = doc.add_paragraph()
            for i, x in enumerate(b.items):
                if i:
                    p.add_run().add_break()
                p.add_run(x)
    return save_document(doc)


def render_letters(analysis: Analysis, *, kb: Any = None,
                   langs: tuple[str, ...] = LANGS) -> dict[str, bytes]:
    """All letters: ``{"complaint.en.md": bytes, "complaint.en.docx": bytes, ...}``."""
    out: dict[str, bytes] = {}
    for lang in langs:
        v = build_view(analysis, lang=lang, kb=kb)
        for kind, make, title_key in (("complaint", complaint_blocks, "complaint_title"),
                                      ("mp_letter", mp_letter_blocks, "mp_title")):
            blocks = make(v, kb)
            title = _l(lang, title_key)
            out[f"{kind}.{lang}.md"] = blocks_to_markdown(title, blocks).encode("utf-8")
            out[f"{kind}.{lang}.docx"] = blocks_to_docx(title, blocks, analysis.as_of, lang)
    return out
