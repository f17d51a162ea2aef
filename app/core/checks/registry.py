"""The checks Verso knows, as classes, in report order: the one place to add a check.

The default run uses CHECK_CLASSES; optional checks (back-translation needs an MT
provider and one request per segment; spelling needs hunspell dictionaries) run only
when asked for by id.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.checks.back_translation import BackTranslationCheck
from app.core.checks.base import Check
from app.core.checks.glossary import GlossaryForbiddenCheck, GlossaryMissingCheck
from app.core.checks.names import NameMismatchCheck
from app.core.checks.names_inconsistent import NameInconsistentCheck
from app.core.checks.names_missing import NameMissingCheck
from app.core.checks.names_unknown import NameUnknownCheck
from app.core.checks.numbers import NumberMismatchCheck
from app.core.checks.omission import OmissionCheck
from app.core.checks.spacing import SpacingPunctuationCheck
from app.core.checks.spelling import SpellingCheck
from app.core.checks.untranslated import UntranslatedCheck

CHECK_CLASSES: tuple[type[Check], ...] = (
    GlossaryForbiddenCheck,
    GlossaryMissingCheck,
    NameMismatchCheck,
    NameInconsistentCheck,
    NameMissingCheck,
    NameUnknownCheck,
    NumberMismatchCheck,
    UntranslatedCheck,
    OmissionCheck,
    SpacingPunctuationCheck,
)
OPTIONAL_CHECK_CLASSES: tuple[type[Check], ...] = (BackTranslationCheck, SpellingCheck)
_ALL = CHECK_CLASSES + OPTIONAL_CHECK_CLASSES


def all_checks() -> list[Check]:
    """Fresh instances of the default checks, in report order."""
    return [cls() for cls in CHECK_CLASSES]


def known_ids() -> list[str]:
    return [cls.id for cls in _ALL]


def check_class(check_id: str) -> type[Check] | None:
    """The class registered under `check_id` (optional checks included)."""
    return next((cls for cls in _ALL if cls.id == check_id), None)


def select_checks(
    include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
) -> list[Check]:
    """The default checks, or those `include` names (optional ones too), minus those
    `exclude` names, in report order; ValueError names any unknown id."""
    unknown = [i for i in [*(include or ()), *(exclude or ())] if check_class(i) is None]
    if unknown:
        raise ValueError(
            f"unknown check(s): {', '.join(unknown)}; known: {', '.join(known_ids())}"
        )
    chosen = [cls for cls in _ALL if cls.id in include] if include is not None else CHECK_CLASSES
    return [cls() for cls in chosen if cls.id not in (exclude or ())]
