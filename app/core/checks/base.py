"""The interface every check implements, what it declares about itself, and the
context the checks share."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side

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


class CheckCategory(StrEnum):
    """What a check is about; the window gives each category its colour."""

    GLOSSARY = "glossary"
    NAMES = "names"
    NUMBERS = "numbers"
    LANGUAGE = "language"
    COMPLETENESS = "completeness"
    TYPOGRAPHY = "typography"
    MEANING = "meaning"


class Check(ABC):
    """A family of checks, registered as a class (registry.py) with what a person
    needs to know about it: `label`, `description`, `category`, `default_severity`.

    `run` receives the pairs to check. Pair-scoped checks (the default) must give
    the same issues for a pair whether it is checked alone or with the whole
    article, so an edited segment can be re-checked on its own. Article-scoped
    checks (name consistency) always receive every pair.
    """

    id: ClassVar[str]
    label: ClassVar[str]
    description: ClassVar[str]
    category: ClassVar[CheckCategory]
    default_severity: ClassVar[Severity]
    article_scope: ClassVar[bool] = False
    # Why it matters and how to fix it, for the window's Help page of the check.
    help: ClassVar[str] = ""

    @abstractmethod
    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        """Yield the issues found in `pairs`."""

    def prepare(self, ctx: CheckContext) -> None:
        """Load now what the first pair that needs it would load (word lists,
        dictionaries), so that a caller can pay it up front: a check split over processes
        (loaded once, before the fork), the benchmark before its first check. Optional:
        `run` loads the same things lazily; the output is the same either way."""
        return None

    def issue(
        self,
        pair: Pair | int,
        side: Side,
        start: int,
        end: int,
        message: str,
        *,
        text: str | None = None,
        severity: Severity | None = None,
        suggestion: str | None = None,
        source_span: tuple[int, int] | None = None,
        entry: tuple[str, str] | None = None,
    ) -> Issue:
        """An issue of this check: its id, its default severity unless another is given,
        and the flagged text cut from the pair when `pair` is a Pair and `text` is None."""
        if text is None:
            if not isinstance(pair, Pair):
                raise ValueError("give the flagged text, or the Pair to cut it from")
            text = (pair.source if side is Side.SOURCE else pair.target)[start:end]
        return Issue(
            check=self.id,
            severity=self.default_severity if severity is None else severity,
            pair=pair.index if isinstance(pair, Pair) else pair,
            side=side,
            start=start,
            end=end,
            text=text,
            message=message,
            suggestion=suggestion,
            source_start=None if source_span is None else source_span[0],
            source_end=None if source_span is None else source_span[1],
            entry=entry,
        )


def prepare_checks(checks: Iterable[Check], ctx: CheckContext) -> None:
    """Each check's one-time loads, done up front (see Check.prepare). A load that fails
    is left to its check, which reports it when it runs."""
    for check in checks:
        try:
            check.prepare(ctx)
        except Exception:
            logging.getLogger(__name__).info(
                "check %s could not load ahead", check.id, exc_info=True
            )
