"""The knowledge base: its files, loading, the indexed store and its queries."""
