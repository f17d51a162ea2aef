"""The review and its state: opening any input, checking it, edits, ignores, its file."""
