"""The lowest layer: records and helpers every stage shares (dates, findings, limits, text)."""
