"""The interface language: Verso's own catalogue and Qt's, installed on the app.

The language follows the system locale unless the settings name one ("en",
"uk"). Catalogues live in resources/translations/ (verso_<lang>.qm, made from
the .ts sources by tools/update_translations.py); Qt's own (qt_uk.qm, or
qtbase_uk.qm: standard buttons, file dialogs, context menus) comes from
PySide6's translations folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.assets import resource

TRANSLATIONS_DIR = Path(str(resource("translations")))  # a checkout's or the wheel's
CATALOGUE = "verso"
SUPPORTED = ("en", "uk")  # English is the source language: no catalogue needed

_installed: list[QTranslator] = []


def choose_language(setting: str, locale: QLocale | None = None) -> str:
    """The language to show: the setting's, else the system locale's when Verso
    speaks it, else English."""
    if setting in SUPPORTED:
        return setting
    name = (locale if locale is not None else QLocale.system()).name()  # "uk_UA"
    language = name.split("_")[0].lower()
    return language if language in SUPPORTED else "en"


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def catalogue_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.qm"


def install(language: str, app: QCoreApplication | None = None) -> list[str]:
    """Replace the installed catalogues with those of `language`; the names of
    the catalogues loaded ("verso_uk", "qt_uk"). English installs none."""
    instance = app if app is not None else QCoreApplication.instance()
    if instance is None:
        return []
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == "en" or language not in SUPPORTED:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(language))
    loaded = []
    # qt_uk.qm only lists Qt's module catalogues; it fails to load when one of them
    # (qtmultimedia_uk, ...) is not shipped, as in PySide6-Essentials: then qtbase_uk,
    # the one holding the widgets' strings, is loaded on its own.
    candidates = (
        ((f"qt_{language}", f"qtbase_{language}"), qt_translations_dir()),
        ((f"{CATALOGUE}_{language}",), str(TRANSLATIONS_DIR)),
    )
    for names, folder in candidates:
        for name in names:
            translator = QTranslator(instance)
            if translator.load(name, folder) and QCoreApplication.installTranslator(translator):
                _installed.append(translator)
                loaded.append(name)
                break
    return loaded


def installed() -> list[str]:
    """Paths of the catalogues in use (for tests and About)."""
    return [t.filePath() for t in _installed]
