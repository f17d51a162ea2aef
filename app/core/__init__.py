"""Plain-Python core of Verso. Never imports Qt: the UI is a thin layer over it."""
