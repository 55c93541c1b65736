"""The reference knowledge base: sourced, time-scoped facts (to be filled in by issue 4).

Only the interface the rule context needs exists so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimcheck.models import Entity


@dataclass
class KnowledgeBase:
    entities: dict[str, Entity] = field(default_factory=dict)

    def entity(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)
