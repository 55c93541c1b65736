"""The three answers claimcheck gives a shell: decided here and nowhere else."""

from __future__ import annotations

CLEAN = 0
FINDINGS = 1
USAGE_OR_UNREADABLE = 2
INTERRUPTED = 130  # stopped by Ctrl-C (128 + SIGINT), as shells report it
