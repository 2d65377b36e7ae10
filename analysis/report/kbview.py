"""Read-only look-ups into the knowledge base that tolerate its absence.

The exporters work from an :class:`~analysis.models.Analysis` alone (every finding carries its
citations and verification levels); the knowledge base, when given, adds the provisions' verbatim
text, the tests' questions, the authorities' quotes, the sources and the context data (timeline,
recommendations, addressee, thresholds). These helpers accept mappings or objects so that the
exporters do not depend on how :mod:`analysis.framework` stores its collections.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any


def get(obj: Any, key: str, default: Any = None) -> Any:
    """``obj[key]`` or ``obj.key``; ``default`` when missing or ``None``."""
    if obj is None:
        return default
    if isinstance(obj, Mapping):
        value = obj.get(key, default)
    else:
        value = getattr(obj, key, default)
    return default if value is None else value


def _find(collection: Any, item_id: str) -> Any:
    if collection is None:
        return None
    if isinstance(collection, Mapping):
        return collection.get(item_id)
    if isinstance(collection, Iterable):
        for item in collection:
            if get(item, "id") == item_id:
                return item
    return None


def provision(kb: Any, provision_id: str) -> Any:
    return _find(get(kb, "provisions"), provision_id)


def authority(kb: Any, authority_id: str) -> Any:
    return _find(get(kb, "authorities"), authority_id)


def source(kb: Any, source_id: str) -> Any:
    return _find(get(kb, "sources"), source_id)


def test(kb: Any, provision_id: str, test_id: str) -> Any:
    prov = provision(kb, provision_id)
    for item in get(prov, "tests", ()) or ():
        if get(item, "id") == test_id:
            return item
    tests = get(kb, "tests")
    return _find(tests, f"{provision_id}#{test_id}") if tests is not None else None


def version_texts(kb: Any, provision_id: str, as_of: date) -> tuple[Any, ...] | None:
    """Texts of the provision's version in force on ``as_of``; ``None`` when unavailable."""
    if kb is None:
        return None
    from ..errors import PetitionLensError

    version_at = getattr(kb, "version_at", None)
    try:
        if version_at is not None:
            version = version_at(provision_id, as_of)
        else:
            prov = provision(kb, provision_id)
            versions = get(prov, "versions", ()) or ()
            version = next(
                (v for v in versions
                 if (v.valid_from is None or v.valid_from <= as_of)
                 and (v.valid_to is None or as_of < v.valid_to)),
                None,
            )
    except (PetitionLensError, KeyError, LookupError):
        return None
    texts = tuple(get(version, "texts", ()) or ())
    return texts or None


def context(kb: Any, key: str, default: Any = None) -> Any:
    """A section of the knowledge base's context data (timeline, recommendations, ...)."""
    return get(get(kb, "context"), key, default)
