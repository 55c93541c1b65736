"""The entry point that picks a parser by file type."""

from __future__ import annotations

from claimcheck.core.limits import DEFAULT_LIMITS, Limits
from claimcheck.loader.document import Document
from claimcheck.loader.jsonload import load_json
from claimcheck.loader.text import decode
from claimcheck.loader.yamlload import load_yaml


def load_document(path: str, raw: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse ``raw`` (the bytes of ``path``) as JSON when it ends in .json, else as YAML."""
    text = decode(raw)
    if path.lower().endswith(".json"):
        return load_json(path, text, limits)
    return load_yaml(path, text, limits)
