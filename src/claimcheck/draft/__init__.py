"""`claimcheck draft`: a first claim file written from the article's text, for review."""
