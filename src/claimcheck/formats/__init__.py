"""The file formats: claim, knowledge-base and report models, their schemas and validation."""

# The version of the JSON report (schema/report-v2.json; report-v1.json is kept for old
# readers). Here, not in report_model, so that writing a report does not import pydantic.
REPORT_VERSION = 2
