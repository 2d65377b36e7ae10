"""The bundled inputs quote their sources faithfully and carry the metadata the brief needs.

Every analysed paragraph of a bundled input must occur word for word in the shared source file
it comes from (the project's rule: never invent a quote), and no source may be given a
verification level above what its file says (all of them are secondary quotes).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PETITIONS = ROOT / "data" / "petitions"
SHARED = ROOT.parent / "shared" / "sources" / "kz"

CASES = {
    "kz-2024-lgbt-propaganda": SHARED / "03_Petition_text_and_demands.txt",
    "kz-2025-law": SHARED / "07_2025_LGBT_propaganda_law.txt",
}


def split_front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path} has no front matter between --- lines"
    return yaml.safe_load(match.group(1)), text[match.end():]


def body_paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", body)
            if p.strip() and not p.lstrip().startswith("#")]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("name", sorted(CASES))
def test_front_matter_has_provenance(name):
    meta, _ = split_front_matter(PETITIONS / name / "text.md")
    for key in ("title", "kind", "jurisdiction", "language", "date", "completeness", "sources"):
        assert meta.get(key), f"{name}: front matter lacks {key}"
    assert meta["jurisdiction"] == "KZ"
    assert meta["completeness"] != "full", "our sources hold no full text of either document"
    for src in meta["sources"]:
        assert src["verification"] in {"secondary-quote", "summary"}, src
        assert src.get("gives"), src


def test_petition_metadata_matches_sources():
    meta, _ = split_front_matter(PETITIONS / "kz-2024-lgbt-propaganda" / "text.md")
    source = (SHARED / "03_Petition_text_and_demands.txt").read_text(encoding="utf-8")
    assert meta["kind"] == "petition"
    assert str(meta["date"]) == "2024-05-29"
    assert "29 мая" in source and "E-Petition.kz" in source
    assert meta["portal"] == "E-Petition.kz"
    assert meta["signatures"]["reported"] == 50000
    assert meta["thresholds"]["government"] == 50000
    assert meta["thresholds"]["publish"] == 50
    assert "replace with the full text" in meta["completeness_note"]
    assert set(meta["language"]) == {"ru", "uk", "en"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_analysed_paragraph_is_quoted_verbatim_from_its_source(name):
    _, body = split_front_matter(PETITIONS / name / "text.md")
    source = squash(CASES[name].read_text(encoding="utf-8"))
    paragraphs = body_paragraphs(body)
    assert len(paragraphs) >= 4
    for para in paragraphs:
        assert squash(para) in source, f"{name}: not verbatim in {CASES[name].name}: {para[:80]}"


def test_petition_body_has_title_excerpt_and_three_demands_but_no_translation():
    meta, body = split_front_matter(PETITIONS / "kz-2024-lgbt-propaganda" / "text.md")
    source = squash((SHARED / "03_Petition_text_and_demands.txt").read_text(encoding="utf-8"))
    title = re.findall(r"^# (.+)$", body, re.M)
    assert title == [meta["title"]], "the only level-1 heading is the petition's own title"
    assert f'"{title[0]}"' in source  # verbatim, as the Ministry's statement quotes it
    parts = re.findall(r"^## (.+)$", body, re.M)
    assert any("Ukrainian" in h for h in parts)
    for who in ("UN experts", "HRW", "ECOM"):
        assert any(who in h for h in parts), who
    # the English working translation would double-count the text: it lives in its own file
    assert "Same-sex love is being openly imposed" not in body
    translation = (PETITIONS / "kz-2024-lgbt-propaganda" / "translation.en.md").read_text("utf-8")
    assert "Same-sex love is being openly imposed" in translation
    assert "ours" in translation.splitlines()[0]
