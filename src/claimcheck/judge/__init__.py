"""Verdicts: each claim judged against the knowledge base."""
