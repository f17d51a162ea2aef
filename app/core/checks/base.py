"""The interface every check implements, and the context they share."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from app.core.model.document import Pair
from app.core.model.issues import Issue

if TYPE_CHECKING:
    from app.core.glossary.matcher import GlossaryIndex


@dataclass
class CheckContext:
    """What checks may consult besides the pairs: languages and the glossary.

    One explicit object instead of globals; built once per review and reused for
    re-checks of single pairs.
    """

    source_lang: str
    target_lang: str
    glossary: GlossaryIndex | None = None
    options: dict[str, object] = field(default_factory=dict)


class Check(ABC):
    """A family of checks.

    `run` receives the pairs to check. Pair-scoped checks (the default) must give
    the same issues for a pair whether it is checked alone or with the whole
    article, so an edited segment can be re-checked on its own. Article-scoped
    checks (name consistency) always receive every pair.
    """

    id: ClassVar[str]
    article_scope: ClassVar[bool] = False

    @abstractmethod
    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        """Yield the issues found in `pairs`."""
