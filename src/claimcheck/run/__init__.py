"""Many files checked: streamed, in parallel, from the cache. Speed only, never semantics."""
