"""The names the window shows for check labels and severities, declared for the
translation tools (lupdate cannot see strings that live in app.core): the
labels stay English in the core and the CLI, and are translated on display."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.core.checks.base import CheckCategory
from app.core.model.issues import Severity

LABEL_CONTEXT = "Checks"
SEVERITY_CONTEXT = "Severity"

CHECK_LABELS = (  # one per registered check; a test keeps it complete
    QT_TRANSLATE_NOOP("Checks", "Rejected term"),
    QT_TRANSLATE_NOOP("Checks", "Glossary term missing"),
    QT_TRANSLATE_NOOP("Checks", "Name romanisation"),
    QT_TRANSLATE_NOOP("Checks", "Name inconsistent"),
    QT_TRANSLATE_NOOP("Checks", "Name not carried over"),
    QT_TRANSLATE_NOOP("Checks", "Name not in glossary"),
    QT_TRANSLATE_NOOP("Checks", "Number mismatch"),
    QT_TRANSLATE_NOOP("Checks", "Untranslated"),
    QT_TRANSLATE_NOOP("Checks", "Omission"),
    QT_TRANSLATE_NOOP("Checks", "Spacing / punctuation"),
    QT_TRANSLATE_NOOP("Checks", "Back-translation drift"),
    QT_TRANSLATE_NOOP("Checks", "Spelling"),
)
SEVERITY_NAMES: dict[Severity, str] = {
    Severity.ERROR: str(QT_TRANSLATE_NOOP("Severity", "error")),
    Severity.WARNING: str(QT_TRANSLATE_NOOP("Severity", "warning")),
    Severity.INFO: str(QT_TRANSLATE_NOOP("Severity", "info")),
}


CATEGORY_NAMES: dict[CheckCategory, str] = {
    CheckCategory.GLOSSARY: str(QT_TRANSLATE_NOOP("Category", "glossary")),
    CheckCategory.NAMES: str(QT_TRANSLATE_NOOP("Category", "names")),
    CheckCategory.NUMBERS: str(QT_TRANSLATE_NOOP("Category", "numbers")),
    CheckCategory.LANGUAGE: str(QT_TRANSLATE_NOOP("Category", "language")),
    CheckCategory.COMPLETENESS: str(QT_TRANSLATE_NOOP("Category", "completeness")),
    CheckCategory.TYPOGRAPHY: str(QT_TRANSLATE_NOOP("Category", "typography")),
    CheckCategory.MEANING: str(QT_TRANSLATE_NOOP("Category", "meaning")),
}


def category_name(category: CheckCategory) -> str:
    return QCoreApplication.translate("Category", CATEGORY_NAMES[category])


def translated_label(label: str) -> str:
    return QCoreApplication.translate(LABEL_CONTEXT, label)


def severity_name(severity: Severity) -> str:
    """"error", "warning", "info" in the interface language."""
    return QCoreApplication.translate(SEVERITY_CONTEXT, SEVERITY_NAMES[severity])
