"""Shared pytest fixtures. Others may append fixtures below; keep each one small and offline."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MINI_KB_DIR = Path(__file__).resolve().parent / "fixtures" / "mini_kb"
SHARED_SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(scope="session")
def mini_kb_dir() -> Path:
    """The miniature knowledge base folder (same layout as data/, excerpts of its sources)."""
    return MINI_KB_DIR


@pytest.fixture(scope="session")
def mini_kb(mini_kb_dir):
    """The miniature knowledge base, loaded and validated: 3 provisions, 4 tests, 4 authorities."""
    from analysis.framework import load_kb

    return load_kb(mini_kb_dir)


@pytest.fixture()
def mini_kb_copy(tmp_path, mini_kb_dir) -> Path:
    """A writable copy of the miniature knowledge base, to break one thing in a test."""
    dst = tmp_path / "kb"
    shutil.copytree(mini_kb_dir, dst)
    return dst


@pytest.fixture(scope="session")
def real_kb():
    """The bundled knowledge base (data/), loaded once per session."""
    from analysis.framework import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def real_normalised_texts() -> list[str]:
    """The normalised text of every real document: ../shared/sources, the dev cases, the bundled
    petitions and cases (the speed shortcuts of issue 3 are checked against plain computations
    on these)."""
    from analysis.text import document_from_text

    paths = sorted(SHARED_SOURCES.rglob("*.txt"))
    paths += sorted((REPO.parent / "shared" / "eval" / "dev").glob("*.md"))
    paths += sorted((REPO / "data" / "petitions").rglob("*.md"))
    paths += sorted((REPO / "data" / "cases").glob("*.md"))
    texts = [document_from_text(p.read_text(encoding="utf-8")).normalised for p in paths]
    assert len(texts) >= 30, "the real texts of ../shared are missing"
    return texts
