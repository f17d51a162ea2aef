"""The checks Verso runs, in report order. One place to add a check."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

from app.core.checks.base import Check

# (module path, class name), in report order.
CHECK_CLASSES: tuple[tuple[str, str], ...] = (
    ("app.core.checks.glossary", "GlossaryForbiddenCheck"),
    ("app.core.checks.glossary", "GlossaryMissingCheck"),
    ("app.core.checks.names", "NameMismatchCheck"),
    ("app.core.checks.names", "NameInconsistentCheck"),
    ("app.core.checks.numbers", "NumberMismatchCheck"),
    ("app.core.checks.untranslated", "UntranslatedCheck"),
    ("app.core.checks.omission", "OmissionCheck"),
    ("app.core.checks.spacing", "SpacingPunctuationCheck"),
)


def all_checks() -> list[Check]:
    checks: list[Check] = []
    for module_name, class_name in CHECK_CLASSES:
        module = importlib.import_module(module_name)
        checks.append(getattr(module, class_name)())
    return checks


def select_checks(
    include: Sequence[str] | None = None, exclude: Sequence[str] | None = None
) -> list[Check]:
    """The default checks, or those `include` names, minus those `exclude` names."""
    checks = all_checks()
    known = [c.id for c in checks]
    unknown = [i for i in [*(include or ()), *(exclude or ())] if i not in known]
    if unknown:
        raise ValueError(f"unknown check(s): {', '.join(unknown)}; known: {', '.join(known)}")
    if include is not None:
        checks = [c for c in checks if c.id in include]
    return [c for c in checks if c.id not in (exclude or ())]
