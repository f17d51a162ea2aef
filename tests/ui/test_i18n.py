"""The interface language: chosen from the setting or the system locale; Verso's
catalogue and Qt's own are installed from resources/translations/ and PySide6."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.ui import i18n
from app.ui.legend import Legend


@pytest.fixture
def ukrainian(qapp: QApplication) -> Iterator[list[str]]:
    loaded = i18n.install("uk", qapp)
    yield loaded
    i18n.install("en", qapp)


def test_language_follows_the_setting_then_the_locale() -> None:
    uk = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)
    de = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert i18n.choose_language("system", uk) == "uk"
    assert i18n.choose_language("system", de) == "en"
    assert i18n.choose_language("en", uk) == "en"
    assert i18n.choose_language("uk", de) == "uk"


def test_the_compiled_catalogue_is_in_the_repository() -> None:
    assert i18n.catalogue_path("uk").is_file()
    assert i18n.catalogue_path("uk").with_suffix(".ts").is_file()


def test_both_catalogues_load(qtbot: QtBot, ukrainian: list[str]) -> None:
    assert ukrainian in (["qt_uk", "verso_uk"], ["qtbase_uk", "verso_uk"])
    legend = Legend()
    qtbot.addWidget(legend)
    assert legend.accessibleName() == "Легенда кольорів перевірок"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Скасувати"  # from Qt's own qt_uk.qm


def test_english_removes_the_catalogues(qtbot: QtBot, qapp: QApplication) -> None:
    i18n.install("uk", qapp)
    assert i18n.install("en", qapp) == []
    assert i18n.installed() == []
    legend = Legend()
    qtbot.addWidget(legend)
    assert legend.accessibleName() == "Legend of check colours"


def test_the_translation_sources_match_the_code() -> None:
    """tools/update_translations.py --check: every tr() string of app/ui is in the .ts
    (run the script without --check to refresh the .ts and .qm)."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    result = subprocess.run(
        [sys.executable, "tools/update_translations.py", "--check"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_every_check_label_is_declared_for_translation(
    qtbot: QtBot, ukrainian: list[str]
) -> None:
    from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES
    from app.core.model.issues import Severity
    from app.ui.check_names import CHECK_LABELS, SEVERITY_NAMES, severity_name
    from app.ui.highlighter import label_for

    classes = [*CHECK_CLASSES, *OPTIONAL_CHECK_CLASSES]
    assert sorted(CHECK_LABELS) == sorted(cls.label for cls in classes)
    assert set(SEVERITY_NAMES) == set(Severity)
    from app.core.checks.base import CheckCategory
    from app.ui.check_names import CATEGORY_NAMES

    assert set(CATEGORY_NAMES) == set(CheckCategory)
    for cls in classes:
        assert label_for(cls.id) != cls.label, cls.label  # translated on display
    assert label_for("glossary-forbidden") == "Відхилений термін"
    assert severity_name(Severity.ERROR) == "помилка"


def test_help_pages_are_translated(qtbot: QtBot, ukrainian: list[str]) -> None:
    from app.core.checks.registry import CHECK_CLASSES, OPTIONAL_CHECK_CLASSES
    from app.ui.help import check_page, core_text

    for cls in (*CHECK_CLASSES, *OPTIONAL_CHECK_CLASSES):
        assert core_text(cls.description) != cls.description, cls.id
        assert core_text(cls.help) != cls.help, cls.id
    page = check_page(CHECK_CLASSES[0])
    assert "Що вона знаходить" in page and "Відхилений термін" in page
    assert "глосарій" in page and "помилка" in page  # category and severity
