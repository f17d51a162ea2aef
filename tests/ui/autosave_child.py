"""Child process for the crash test: open a review, edit, then wait to be killed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.ui.main_window import MainWindow
from app.ui.settings import Settings


def main() -> int:
    source, target, glossary, ini, new_text = sys.argv[1:6]
    app = QApplication(sys.argv[:1])
    window = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)))
    window.show()
    done: list[bool] = []

    def edit() -> None:
        if not done:
            done.append(True)
            window.article.targets[0].setPlainText(new_text)  # as if typed
            print("edited", flush=True)

    window.controller.issues_changed.connect(edit)
    window.open_files(source, target, glossary)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
