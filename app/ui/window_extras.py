"""The window's Settings action and Help menu, and applying the settings
(theme, autosave interval) to a running window. The dialogs load on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from app.ui.theme import apply_theme

if TYPE_CHECKING:
    from app.ui.about import AboutDialog
    from app.ui.controller import ReviewController
    from app.ui.help import HelpDialog
    from app.ui.settings import Settings
    from app.ui.settings_dialog import SettingsDialog


class WindowExtras(QObject):
    """Edit > Settings…, the Help menu, and the settings applied to the window."""

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        controller: ReviewController,
        edit_menu: QMenu,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.controller = controller
        self.settings_action = QAction(self.tr("&Settings…"), window)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.setStatusTip(
            self.tr("Author name, language, theme, autosave, glossary, MT provider")
        )
        self.settings_action.triggered.connect(self.open_settings)
        edit_menu.addSeparator()
        edit_menu.addAction(self.settings_action)

        self.help_menu = window.menuBar().addMenu(self.tr("&Help"))
        self.help_action = self._add(self.tr("Verso &Help"), self.open_help,
                                     QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action = self._add(self.tr("&Keyboard Shortcuts"),
                                          lambda: self.open_help(0), QKeySequence("Ctrl+F1"))
        self.checks_action = self._add(self.tr("What the &Checks Mean"),
                                       lambda: self.open_help(1))
        self.help_menu.addSeparator()
        self.about_action = self._add(self.tr("&About Verso"), self.open_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._add(self.tr("About &Qt"), QApplication.aboutQt)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)  # fmt: skip
        self.help_dialog: HelpDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.settings_dialog: SettingsDialog | None = None
        self.apply()

    def _add(self, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.help_menu.addAction(action)
        return action

    def apply(self) -> None:
        """Apply the stored theme and autosave interval to the running window."""
        apply_theme(self.settings.theme())
        self.controller.autosave_timer.setInterval(self.settings.autosave_seconds() * 1000)

    def open_settings(self) -> SettingsDialog:
        from app.ui.settings_dialog import SettingsDialog

        language = self.settings.language()
        dialog = SettingsDialog(self.settings, self.window)
        self.settings_dialog = dialog
        dialog.accepted.connect(lambda: self._settings_saved(language))
        dialog.open()
        return dialog

    def _settings_saved(self, language_before: str) -> None:
        self.apply()
        bar = self.window.statusBar()
        if self.settings.language() != language_before:
            bar.showMessage(self.tr("The new language takes effect when Verso restarts."), 8000)
        else:
            bar.showMessage(self.tr("Settings saved."), 4000)

    def open_help(self, tab: int = 0) -> HelpDialog:
        from app.ui.help import HelpDialog

        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self.window)
        self.help_dialog.tabs.setCurrentIndex(tab)
        self.help_dialog.show()
        return self.help_dialog

    def open_about(self) -> AboutDialog:
        from app.ui.about import AboutDialog

        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.window)
        self.about_dialog.show()
        return self.about_dialog
