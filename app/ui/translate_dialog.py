"""Tools > Translate Source…: machine-translate an article segment by segment.

The MT calls run on the thread pool (a silent server must never freeze the
window); each translated segment comes back by signal and fills its row, the
progress bar counts segments, Cancel stops before the next request. When the
run finishes, `review_ready` carries a new Review of the source and its MT.
API keys are never asked for here nor stored: app.core.mt reads them from the
environment or the OS keyring.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.files.readers import read_document
from app.core.model.document import Pair
from app.core.model.errors import VersoError
from app.core.mt import (
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    PROVIDER_NAMES,
    MTCancelled,
    Provider,
    env_var_for,
    make_provider,
    translate_segments,
)
from app.core.review.model import Review
from app.core.text.language import detect_language
from app.core.text.segment import split_sentences

KEYED = ("deepl", "libretranslate")
DEFAULT_LIBRE_URL = "https://libretranslate.com/"


class ProviderForm(QWidget):
    """Provider, server URL (LibreTranslate) and timeout; shared with back-translation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.provider = QComboBox()
        for name in PROVIDER_NAMES:
            self.provider.addItem(name, name)
        self.url = QLineEdit()
        self.url.setPlaceholderText(DEFAULT_LIBRE_URL)
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(1.0, 120.0)
        self.timeout.setDecimals(0)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setValue(DEFAULT_TIMEOUT)
        self.key_hint = QLabel()
        self.key_hint.setWordWrap(True)
        self.retries = DEFAULT_RETRIES
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Provider:"), self.provider)
        form.addRow(self.tr("Server URL:"), self.url)
        form.addRow(self.tr("Timeout:"), self.timeout)
        form.addRow("", self.key_hint)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._provider_changed()

    def name(self) -> str:
        return str(self.provider.currentData())

    def set_provider(self, name: str) -> None:
        self.provider.setCurrentIndex(max(0, self.provider.findData(name)))

    def _provider_changed(self) -> None:
        name = self.name()
        self.url.setEnabled(name == "libretranslate")
        if name in KEYED:
            self.key_hint.setText(
                self.tr(
                    "API key: set it in Edit > Settings (kept in the system keyring, never in "
                    "a file), or in the environment variable {variable}."
                ).format(variable=env_var_for(name))
            )
        else:
            self.key_hint.setText(self.tr("No API key needed."))

    def make(self) -> Provider:
        """The configured provider (MTError when the settings are unusable)."""
        url = self.url.text().strip() or None
        return make_provider(
            self.name(),
            url=url if self.name() == "libretranslate" else None,
            timeout=float(self.timeout.value()),
            retries=self.retries,
        )


@dataclass(frozen=True)
class Segment:
    paragraph: int
    text: str


def segments_of(paragraphs: list[str], lang: str) -> list[Segment]:
    """The article's sentences, each with the paragraph it belongs to."""
    return [
        Segment(p, sentence)
        for p, paragraph in enumerate(paragraphs)
        for sentence in (split_sentences(paragraph, lang) or [paragraph])
    ]


class RunSignals(QObject):
    result = Signal(int, str)
    finished = Signal(list)
    failed = Signal(str)
    cancelled = Signal(str)


class TranslateRun(QRunnable):
    """translate_segments on the pool; every outcome is a signal, never an exception."""

    def __init__(self, texts: list[str], provider: Provider, source: str, target: str) -> None:
        super().__init__()
        self.texts = texts
        self.provider = provider
        self.source = source
        self.target = target
        self.cancel = threading.Event()
        self.signals = RunSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            out = translate_segments(
                self.texts, self.provider, self.source, self.target,
                on_result=self.signals.result.emit, cancel=self.cancel,
            )
        except MTCancelled as exc:
            self.signals.cancelled.emit(str(exc))
        except VersoError as exc:  # MTError: offline, refused, timed out (already readable)
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug must not kill the window
            self.signals.failed.emit(
                QCoreApplication.translate(
                    "TranslateDialog", "Unexpected error during translation: {error}"
                ).format(error=exc)
            )
        else:
            self.signals.finished.emit(out)


class TranslateDialog(QDialog):
    """Pick a provider, translate the source, watch segments arrive."""

    review_ready = Signal(object)  # Review

    def __init__(
        self, parent: QWidget | None, source_path: str, target_lang: str = "en"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Translate Source"))
        self.resize(760, 520)
        document = read_document(source_path)  # InputError: the caller shows it
        self.source_path = source_path
        self.source_lang = detect_language(document.text)
        self.target_lang = target_lang
        self.segments = segments_of(list(document.paragraphs), self.source_lang)
        self.translations: list[str | None] = [None] * len(self.segments)
        self.review: Review | None = None
        self.run_: TranslateRun | None = None
        self._runs: list[TranslateRun] = []  # alive until the dialog goes (threads end late)
        self.error = ""

        self.form = ProviderForm()
        self.info = QLabel(
            self.tr("{count} segments, {source} → {target}").format(
                count=len(self.segments), source=self.source_lang, target=target_lang
            )
        )
        self.table = QTableWidget(len(self.segments), 2)
        self.table.setAccessibleName(self.tr("Source segments and their machine translation"))
        self.table.setHorizontalHeaderLabels([self.tr("Source"), self.tr("Machine translation")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        for row, segment in enumerate(self.segments):
            self.table.setItem(row, 0, QTableWidgetItem(segment.text))
            self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.resizeRowsToContents()  # whole sentences, not elided ones
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, len(self.segments)))
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.start_button = QPushButton(self.tr("&Translate"))
        self.start_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("&Cancel"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)

    @property
    def running(self) -> bool:
        return self.run_ is not None

    def start(self) -> None:
        if self.running:
            return
        try:
            provider = self.form.make()
        except VersoError as exc:
            self._show_error(str(exc))
            return
        self.translations = [None] * len(self.segments)
        for row in range(len(self.segments)):
            self.table.setItem(row, 1, QTableWidgetItem(""))
        self.progress.setValue(0)
        self.error = ""
        self.status.setText(self.tr("Translating with {provider}…").format(provider=provider.name))
        run = TranslateRun(
            [s.text for s in self.segments], provider, self.source_lang, self.target_lang
        )
        run.signals.result.connect(self._on_result)
        run.signals.finished.connect(self._on_finished)
        run.signals.failed.connect(self._on_failed)
        run.signals.cancelled.connect(self._on_cancelled)
        self.run_ = run
        self._runs.append(run)
        self._set_running(True)
        QThreadPool.globalInstance().start(run)

    def cancel(self) -> None:
        """Stop before the next segment (a request in flight ends at its timeout)."""
        if self.run_ is not None:
            self.run_.cancel.set()
            self.status.setText(self.tr("Cancelling after the current segment…"))
            self.cancel_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.form.setEnabled(not running)

    def _on_result(self, index: int, text: str) -> None:
        self.translations[index] = text
        item = QTableWidgetItem(text)
        self.table.setItem(index, 1, item)
        self.table.resizeRowToContents(index)
        self.progress.setValue(index + 1)
        self.table.scrollToItem(item)

    def _on_finished(self, texts: list[str]) -> None:
        self.run_ = None
        self._set_running(False)
        pairs = [
            Pair(i, seg.text, text, seg.paragraph)
            for i, (seg, text) in enumerate(zip(self.segments, texts, strict=True))
        ]
        self.review = Review.from_pairs(
            pairs, self.source_lang, self.target_lang, source_path=self.source_path
        )
        self.status.setText(self.tr("Done: {count} segments translated.").format(count=len(texts)))
        self.review_ready.emit(self.review)

    def _on_failed(self, message: str) -> None:
        self.run_ = None
        self._set_running(False)
        self._show_error(message)

    def _on_cancelled(self, message: str) -> None:
        self.run_ = None
        self._set_running(False)
        self.status.setText(message[:1].upper() + message[1:] + ".")

    def _show_error(self, message: str) -> None:
        self.error = message
        self.status.setText(self.tr("Translation failed: {error}").format(error=message))

    def reject(self) -> None:
        self.cancel()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel()
        super().closeEvent(event)
