"""Every interactive widget of the window has an accessible name (a screen
reader says what it is), the segment editors say which segment they hold, and
the tab order walks the article row by row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.ui.conftest import Sample, open_and_wait


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _inside_qt_part(widget: QWidget) -> bool:
    """A combo box's popup list, a line edit's clear button: Qt names them itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


def accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Description).strip() if interface is not None else ""


def unnamed_interactive(root: QWidget, describe: bool = False) -> list[str]:
    """Widgets that take focus or clicks but tell a screen reader nothing (or, with
    `describe`, give no description: an accessible description or a tooltip)."""
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QScrollBar) or widget.objectName().startswith("qt_"):
            continue  # scroll bars are named by their role; qt_ parts belong to Qt
        if _inside_qt_part(widget):
            continue
        interactive = widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(
            widget, QAbstractButton
        )
        if interactive and (
            not accessible_name(widget) or (describe and not accessible_description(widget))
        ):
            parent = widget.parentWidget()
            found.append(f"{type(widget).__name__} in {type(parent).__name__ if parent else '-'}")
    return found


def test_no_unnamed_interactive_widget(
    qtbot: QtBot, make_window: Callable[[], MainWindow], sample: Sample
) -> None:
    window = make_window()
    window.glossary_ui.dock.show()
    window.mt_ui.dock.show()
    assert unnamed_interactive(window, describe=True) == []
    open_and_wait(qtbot, window, sample)
    assert unnamed_interactive(window, describe=True) == []


def test_segment_editors_say_which_segment(
    qtbot: QtBot, make_window: Callable[[], MainWindow], sample: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    article = window.article
    assert article.sources[2].accessibleName() == "Source, segment 3"
    assert article.targets[2].accessibleName() == "Translation, segment 3"
    assert article.targets[0].accessibleDescription()


def test_tab_order_walks_the_article_row_by_row(
    qtbot: QtBot, make_window: Callable[[], MainWindow], sample: Sample
) -> None:
    window = make_window()
    open_and_wait(qtbot, window, sample)
    article = window.article
    chain = []
    widget: QWidget = article.sources[0]
    for _ in range(6):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
    assert chain == [article.sources[0], article.targets[0], article.sources[1],
                     article.targets[1], article.sources[2], article.targets[2]]  # fmt: skip


def test_the_new_dialogs_name_their_widgets(
    qtbot: QtBot, make_window: Callable[[], MainWindow]
) -> None:
    window = make_window()
    settings = window.extras.open_settings()
    help_dialog = window.extras.open_help()
    about = window.extras.open_about()
    for dialog in (settings, help_dialog, about):
        qtbot.addWidget(dialog)
        assert unnamed_interactive(dialog) == [], type(dialog).__name__
    settings.reject()


def test_severity_is_not_shown_by_colour_alone(
    qtbot: QtBot, make_window: Callable[[], MainWindow], sample: Sample
) -> None:
    from app.ui.issue_model import COL_SEVERITY

    window = make_window()
    open_and_wait(qtbot, window, sample)
    model = window.panel.table.model()
    texts = {model.index(r, COL_SEVERITY).data(Qt.ItemDataRole.DisplayRole)
             for r in range(model.rowCount())}  # fmt: skip
    assert texts <= {"error", "warning", "info"} and texts


def test_the_older_dialogs_name_their_widgets(qtbot: QtBot, small: Sample) -> None:
    from app.ui.dialogs import OpenPairDialog
    from app.ui.glossary.dialogs import EntryDialog
    from app.ui.mt_actions import BackTranslationDialog
    from app.ui.translate_dialog import TranslateDialog

    dialogs = [
        OpenPairDialog(None, str(small.source.parent)),
        EntryDialog(None, None, "Entry"),
        BackTranslationDialog(None),
        TranslateDialog(None, str(small.source)),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert unnamed_interactive(dialog) == [], type(dialog).__name__
