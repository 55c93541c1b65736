"""The published JSON Schemas, generated from the models so that they cannot drift."""

from __future__ import annotations

import json
from typing import Any

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def claims_schema() -> dict[str, Any]:
    # lazy: start-up (pydantic: `claimcheck --help` imports this module for SCHEMAS)
    from claimcheck.formats.models import ClaimFile

    schema = ClaimFile.model_json_schema(mode="validation")
    return {"$schema": DIALECT, **schema}


def kb_schema() -> dict[str, Any]:
    # lazy: start-up (pydantic: `claimcheck --help` imports this module for SCHEMAS)
    from claimcheck.formats.kb_models import KBFile

    schema = KBFile.model_json_schema(mode="validation")
    return {"$schema": DIALECT, **schema}


def report_schema() -> dict[str, Any]:
    # lazy: start-up (pydantic: `claimcheck --help` imports this module for SCHEMAS)
    from claimcheck.formats.report_model import Report

    schema = Report.model_json_schema(mode="serialization")
    return {"$schema": DIALECT, **schema}


SCHEMAS = {
    "claims-v1.json": claims_schema,
    "report-v2.json": report_schema,  # report-v1.json stays in schema/, frozen, for old readers
    "kb-v1.json": kb_schema,
}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
