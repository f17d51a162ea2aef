"""The settings dialog: every value lands in QSettings, the MT key only in the
keyring, and "Test connection" goes through the translate dialog's factory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from pytestqt.qtbot import QtBot

from app.core.mt import KEYRING_SERVICE, MTError, Provider, make_provider
from app.ui import settings as settings_module
from app.ui.settings import Settings
from app.ui.settings_dialog import SettingsDialog


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class EchoProvider(Provider):
    name = "echo"

    def translate(self, text: str, source: str, target: str) -> str:
        return f"[{source}->{target}] {text}"


def test_every_key_is_declared_once() -> None:
    keys = [v for k, v in vars(settings_module).items() if k.startswith("KEY_")]
    assert len(keys) == len(set(keys))


def test_values_go_to_settings_and_the_key_to_the_keyring(
    qtbot: QtBot, settings: Settings, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.author.setText("Олена")
    dialog.language.setCurrentIndex(dialog.language.findData("uk"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.autosave.setValue(30)
    dialog.glossary.setText(str(tmp_path / "team.tsv"))
    dialog.provider.setCurrentIndex(dialog.provider.findData("deepl"))
    dialog.key.setText("secret-key-123")
    assert dialog.save() is None
    assert (settings.glossary_author(), settings.language(), settings.theme()) == (
        "Олена", "uk", "dark",
    )  # fmt: skip
    assert settings.autosave_seconds() == 30
    assert settings.default_glossary() == str(tmp_path / "team.tsv")
    assert settings.mt_provider() == "deepl"
    assert memory_keyring.store[(KEYRING_SERVICE, "deepl")] == "secret-key-123"
    ini = Path(settings.qs.fileName()).read_text(encoding="utf-8")
    assert "secret-key-123" not in ini
    again = SettingsDialog(settings)
    qtbot.addWidget(again)
    assert again.key.text() == ""  # never read back into a field
    assert again.key.placeholderText() == "Stored in the system keyring"


class BrokenKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("the keyring is locked")


def test_a_broken_keyring_is_reported_not_raised(qtbot: QtBot, settings: Settings) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData("deepl"))
    dialog.key.setText("k")
    try:
        failure = dialog.save()
        dialog.show()
        dialog.accept()
    finally:
        keyring.set_keyring(previous)
    assert failure is not None and "keyring is locked" in failure
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == failure


def test_out_of_range_values_are_clamped(settings: Settings) -> None:
    settings.qs.setValue(settings_module.KEY_AUTOSAVE_SECONDS, "99999")
    settings.qs.setValue(settings_module.KEY_THEME, "purple")
    assert settings.autosave_seconds() == settings_module.AUTOSAVE_RANGE[1]
    assert settings.theme() == "system"


def test_test_connection_uses_the_shared_factory(qtbot: QtBot, settings: Settings) -> None:
    calls: list[tuple[str, dict[str, Any]]] = []

    def factory(name: str, **kwargs: Any) -> Provider:
        calls.append((name, kwargs))
        return EchoProvider()

    dialog = SettingsDialog(settings, provider_factory=factory)
    qtbot.addWidget(dialog)
    assert SettingsDialog.__init__.__defaults__ is not None
    assert make_provider in SettingsDialog.__init__.__defaults__  # the translate dialog's
    dialog.provider.setCurrentIndex(dialog.provider.findData("libretranslate"))
    dialog.url.setText("http://localhost:5000/")
    dialog.key.setText("abc")
    with qtbot.waitSignal(dialog.tested, timeout=5000) as blocker:
        dialog.test_connection()
    assert blocker.args[0] is True
    assert "[uk->en] Добрий день." in dialog.test_result.text()
    assert calls == [("libretranslate", {
        "url": "http://localhost:5000/", "api_key": "abc", "timeout": 10.0, "retries": 0,
    })]  # fmt: skip


def test_test_connection_reports_a_failure(qtbot: QtBot, settings: Settings) -> None:
    def factory(name: str, **kwargs: Any) -> Provider:
        raise MTError("unknown MT provider")

    dialog = SettingsDialog(settings, provider_factory=factory)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.tested, timeout=5000) as blocker:
        dialog.test_connection()
    assert blocker.args[0] is False
    assert "unknown MT provider" in dialog.test_result.text()


def test_the_window_applies_saved_settings(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QGuiApplication, QPalette

    from app.ui.main_window import MainWindow

    settings.set_theme("dark")
    settings.set_autosave_seconds(7)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    try:
        assert window.controller.autosave_timer.interval() == 7000
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
        assert base.name() == "#1e1e1e"
        assert window.extras.settings_action in window.actions_.edit_menu.actions()
    finally:
        settings.set_theme("system")
        window.extras.apply()
    assert QGuiApplication.palette().color(QPalette.ColorRole.Base).name() != "#1e1e1e"


def test_a_pair_opened_without_glossary_gets_the_default(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    from app.ui.main_window import MainWindow
    from tests.ui.conftest import GLOSSARY, SOURCE, TARGET

    source, target, glossary = tmp_path / "a.uk.txt", tmp_path / "a.en.txt", tmp_path / "t.tsv"
    source.write_text(SOURCE, encoding="utf-8")
    target.write_text(TARGET, encoding="utf-8")
    glossary.write_text(GLOSSARY, encoding="utf-8")
    settings.set_default_glossary(str(glossary))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.issues_changed, timeout=20000):
        window.open_files(str(source), str(target), None)
    review = window.controller.review
    assert review is not None and review.glossary_path == str(glossary)
    assert any(i.check == "glossary-forbidden" for i in window.controller.visible_issues())
