"""About Verso: the version, and the licences of the bundled data and libraries.

Library licences are read from the installed distributions' metadata, so the
dialog shows what is actually installed; DEPENDENCIES mirrors pyproject.toml
(a test keeps the two equal).
"""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app import __version__

DEPENDENCIES = (
    "PySide6-Essentials", "sacrebleu", "deep-translator", "langdetect", "translate-toolkit",
    "python-docx", "pymorphy3", "pymorphy3-dicts-uk", "pymorphy3-dicts-ru", "translitua",
    "pyahocorasick", "rapidfuzz", "charset-normalizer", "defusedxml", "lxml", "keyring",
    "openpyxl", "platformdirs", "markdown-it-py",
)  # fmt: skip


@dataclass(frozen=True)
class Licence:
    name: str
    version: str
    licence: str


def _data(text: object) -> str:
    return QCoreApplication.translate("AboutDialog", str(text))


@dataclass(frozen=True)
class BundledData:  # texts declared with QT_TRANSLATE_NOOP, translated on display
    name: object
    origin: object
    licence: object


BUNDLED_DATA = (
    BundledData(
        QT_TRANSLATE_NOOP("AboutDialog", "Sample article and starter glossary (seeds/)"),
        QT_TRANSLATE_NOOP("AboutDialog", "Verso project"),
        QT_TRANSLATE_NOOP("AboutDialog", "same licence as Verso"),
    ),
    BundledData(
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "Ukrainian names and places (app/core/checks/names_data.py)",
        ),
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "written for Verso; romanisation after the KMU 2010 table (public standard)",
        ),
        QT_TRANSLATE_NOOP("AboutDialog", "same licence as Verso"),
    ),
    BundledData(
        QT_TRANSLATE_NOOP("AboutDialog", "Ukrainian and Russian morphology dictionaries"),
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "pymorphy3-dicts-uk / -ru (from OpenCorpora and LanguageTool)",
        ),
        QT_TRANSLATE_NOOP("AboutDialog", "see the pymorphy3-dicts rows below"),
    ),
    BundledData(
        QT_TRANSLATE_NOOP("AboutDialog", "Qt's Ukrainian translation (qt_uk.qm, qtbase_uk.qm)"),
        QT_TRANSLATE_NOOP("AboutDialog", "the Qt Project, shipped with PySide6"),
        "LGPL-3.0",
    ),
    BundledData(
        QT_TRANSLATE_NOOP(
            "AboutDialog",
            "Verso's interface translations (resources/translations/)",
        ),
        QT_TRANSLATE_NOOP("AboutDialog", "Verso project"),
        QT_TRANSLATE_NOOP("AboutDialog", "same licence as Verso"),
    ),
)


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key) or []
    return str(values[0]).strip() if values else ""


def _licence_of(meta: metadata.PackageMetadata) -> str:
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    text = _field(meta, "License")
    if text and "\n" not in text and len(text) <= 80:
        return text
    classifiers = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return "; ".join(c.split("::")[-1].strip() for c in classifiers)
    return text.splitlines()[0][:80] if text else "unknown"


def library_licences() -> list[Licence]:
    rows = []
    for name in DEPENDENCIES:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            rows.append(Licence(name, "not installed", "unknown"))
            continue
        rows.append(Licence(name, _field(meta, "Version"), _licence_of(meta)))
    return rows


def about_html() -> str:
    e = html.escape

    t = {
        "bundled": QCoreApplication.translate("AboutDialog", "Bundled data"),
        "data": QCoreApplication.translate("AboutDialog", "Data"),
        "source": QCoreApplication.translate("AboutDialog", "Source"),
        "licence": QCoreApplication.translate("AboutDialog", "Licence"),
        "libraries": QCoreApplication.translate("AboutDialog", "Libraries"),
        "library": QCoreApplication.translate("AboutDialog", "Library"),
        "version": QCoreApplication.translate("AboutDialog", "Version"),
    }
    t = {k: e(v) for k, v in t.items()}

    def row(*cells: str, head: bool = False) -> str:
        tag = "th align='left'" if head else "td"
        return "<tr>" + "".join(f"<{tag}>{c}</{tag[:2]}>" for c in cells) + "</tr>"

    summary = QCoreApplication.translate(
        "AboutDialog", "Review machine translations of news articles: names, terms, numbers, "
        "glossary."
    )  # fmt: skip
    lines = [
        f"<h2>Verso {e(__version__)}</h2>",
        f"<p>{e(summary)}</p>",
        f"<p>Python {e(platform.python_version())} · Qt {e(qVersion())} · "
        f"PySide6 {e(pyside_version)}</p>",
        f"<h3>{t['bundled']}</h3><table cellpadding='3'>",
        row(t["data"], t["source"], t["licence"], head=True),
    ]
    lines += [
        row(e(_data(d.name)), e(_data(d.origin)), e(_data(d.licence))) for d in BUNDLED_DATA
    ]
    lines += [
        "</table>",
        f"<h3>{t['libraries']}</h3><table cellpadding='3'>",
        row(t["library"], t["version"], t["licence"], head=True),
    ]
    lines += [row(e(r.name), e(r.version), e(r.licence)) for r in library_licences()]
    lines.append("</table>")
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Verso"))
        self.resize(640, 560)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("About Verso"))
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
