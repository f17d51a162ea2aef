"""The settings dialog: author, language, theme, autosave, default glossary, MT.

The MT provider's key goes to the OS keyring (`keyring`, service "verso", the
same place app.core.mt reads it from), never into QSettings or any file.
"Test connection" builds the provider with the very factory the translate
dialog uses (app.core.mt.make_provider) and translates one short sentence on
the thread pool.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.model.errors import VersoError
from app.core.mt import KEYRING_SERVICE, PROVIDER_NAMES, Provider, env_var_for, make_provider
from app.ui import workers
from app.ui.settings import AUTOSAVE_RANGE, LANGUAGES, THEME_NAMES, Settings

KEYED = ("deepl", "libretranslate")  # the providers that take an API key
TEST_TEXT = ("Добрий день.", "uk", "en")
TEST_TIMEOUT = 10.0

ProviderFactory = Callable[..., Provider]


def store_api_key(provider: str, key: str) -> str | None:
    """Keep `key` in the OS keyring; an empty key deletes it. A message on failure."""
    try:
        import keyring
        from keyring.errors import PasswordDeleteError

        if key:
            keyring.set_password(KEYRING_SERVICE, provider, key)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, provider)
    except Exception as exc:  # no backend, locked keyring, D-Bus missing
        return str(exc) or type(exc).__name__
    return None


def has_stored_key(provider: str) -> bool:
    try:
        import keyring

        return bool(keyring.get_password(KEYRING_SERVICE, provider))
    except Exception:
        return False


class SettingsDialog(QDialog):
    """Edits a Settings object; `save()` writes it (and the key) and says what failed."""

    tested = Signal(bool, str)  # ok, message: the outcome of "Test connection"

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        provider_factory: ProviderFactory = make_provider,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.provider_factory = provider_factory
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))

        self.author = QLineEdit(settings.glossary_author())
        self.author.setPlaceholderText(self.tr("Written into the glossary entries you add"))
        self.language = QComboBox()
        names = {"system": self.tr("System default"), "en": "English", "uk": "Українська"}
        for code in LANGUAGES:
            self.language.addItem(names[code], code)
        self.language.setCurrentIndex(self.language.findData(settings.language()))
        self.theme = QComboBox()
        themes = {
            "system": self.tr("System"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high-contrast": self.tr("High contrast"),
        }
        for code in THEME_NAMES:
            self.theme.addItem(themes[code], code)
        self.theme.setCurrentIndex(self.theme.findData(settings.theme()))
        self.autosave = QSpinBox()
        self.autosave.setRange(*AUTOSAVE_RANGE)
        self.autosave.setSuffix(self.tr(" s"))
        self.autosave.setValue(settings.autosave_seconds())
        self.glossary = QLineEdit(settings.default_glossary())
        self.glossary.setPlaceholderText(self.tr("None: the last glossary opened"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        glossary_row = QHBoxLayout()
        glossary_row.addWidget(self.glossary, 1)
        glossary_row.addWidget(self.browse)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("Author name:"), self.author)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Theme:"), self.theme)
        form.addRow(self.tr("Autosave after:"), self.autosave)
        form.addRow(self.tr("Default glossary:"), glossary_row)

        self.provider = QComboBox()
        for name in PROVIDER_NAMES:
            self.provider.addItem(name, name)
        self.provider.setCurrentIndex(max(0, self.provider.findData(settings.mt_provider())))
        self.url = QLineEdit(settings.mt_url())
        self.url.setPlaceholderText("https://libretranslate.com/")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_hint = QLabel()
        self.key_hint.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        mt = QGroupBox(self.tr("Machine translation"))
        mt_form = QFormLayout(mt)
        mt_form.addRow(self.tr("Provider:"), self.provider)
        mt_form.addRow(self.tr("Server URL:"), self.url)
        mt_form.addRow(self.tr("API key:"), self.key)
        mt_form.addRow("", self.key_hint)
        mt_form.addRow(self.test_button, self.test_result)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._provider_changed()

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(mt)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._name_widgets()
        self.setTabOrder(self.author, self.language)
        for a, b in (
            (self.language, self.theme), (self.theme, self.autosave),
            (self.autosave, self.glossary), (self.glossary, self.browse),
            (self.browse, self.provider), (self.provider, self.url), (self.url, self.key),
            (self.key, self.test_button),
        ):  # fmt: skip
            self.setTabOrder(a, b)

    def _name_widgets(self) -> None:
        for widget, name in (
            (self.author, self.tr("Author name")),
            (self.language, self.tr("Interface language")),
            (self.theme, self.tr("Theme")),
            (self.autosave, self.tr("Autosave interval in seconds")),
            (self.glossary, self.tr("Default glossary file")),
            (self.browse, self.tr("Browse for the default glossary")),
            (self.provider, self.tr("Machine translation provider")),
            (self.url, self.tr("Machine translation server URL")),
            (self.key, self.tr("API key")),
            (self.test_button, self.tr("Test connection")),
        ):
            widget.setAccessibleName(name)
        self.key.setAccessibleDescription(
            self.tr("Stored in the system keyring, never in a file")
        )

    def provider_name(self) -> str:
        return str(self.provider.currentData())

    def _provider_changed(self) -> None:
        name = self.provider_name()
        self.url.setEnabled(name == "libretranslate")
        keyed = name in KEYED
        self.key.setEnabled(keyed)
        if not keyed:
            self.key_hint.setText(self.tr("No API key needed."))
            return
        stored = has_stored_key(name)
        self.key.setPlaceholderText(
            self.tr("Stored in the system keyring") if stored else self.tr("Not set")
        )
        self.key_hint.setText(
            self.tr(
                "The key is kept in the system keyring (service “verso”), never in a file; "
                "the environment variable %1 overrides it."
            ).replace("%1", env_var_for(name))
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Default glossary"), self.glossary.text(),
            self.tr("Glossaries (*.tsv *.csv *.tbx *.txt);;All files (*)"),
        )  # fmt: skip
        if path:
            self.glossary.setText(path)

    # -- test connection --------------------------------------------------------
    def make_provider(self) -> Provider:
        name = self.provider_name()
        url = self.url.text().strip() or None
        return self.provider_factory(
            name,
            url=url if name == "libretranslate" else None,
            api_key=self.key.text().strip() or None,
            timeout=TEST_TIMEOUT,
            retries=0,
        )

    def test_connection(self) -> None:
        """Translate one sentence with the chosen provider, off the GUI thread."""
        try:
            provider = self.make_provider()  # widgets are read here, on the GUI thread
        except VersoError as error:
            self._on_test_failed(str(error))
            return
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        text, source, target = TEST_TEXT
        job = workers.Job(lambda: provider.translate(text, source, target))
        job.signals.finished.connect(self._on_tested)
        job.signals.failed.connect(self._on_test_failed)
        self._job = job  # keep its signals alive until they fire
        workers.start(job)

    def _on_tested(self, result: object) -> None:
        self.test_button.setEnabled(True)
        message = self.tr("Connected: “%1” → “%2”").replace("%1", TEST_TEXT[0])
        message = message.replace("%2", str(result))
        self.test_result.setText(message)
        self.tested.emit(True, message)

    def _on_test_failed(self, error: str) -> None:
        self.test_button.setEnabled(True)
        message = self.tr("Failed: %1").replace("%1", error)
        self.test_result.setText(message)
        self.tested.emit(False, message)

    # -- saving -----------------------------------------------------------------
    def save(self) -> str | None:
        """Write the settings, and the key to the keyring; a message if the key failed."""
        s = self.settings
        s.set_glossary_author(self.author.text())
        s.set_language(str(self.language.currentData()))
        s.set_theme(str(self.theme.currentData()))
        s.set_autosave_seconds(self.autosave.value())
        s.set_default_glossary(self.glossary.text())
        s.set_mt_provider(self.provider_name())
        s.set_mt_url(self.url.text())
        s.sync()
        key = self.key.text().strip()
        if key and self.provider_name() in KEYED:
            failure = store_api_key(self.provider_name(), key)
            if failure is not None:
                return self.tr("The key could not be stored in the system keyring: %1").replace(
                    "%1", failure
                )
        return None

    def accept(self) -> None:
        failure = self.save()
        if failure is not None:
            self.error.setText(failure)
            self.error.setVisible(True)
            return
        super().accept()
