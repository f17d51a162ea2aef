"""The glossary in the window: its pane, menu, dialogs, proposals and the file sync."""
