"""`python -m app`: the window with no subcommand (or `open`), the CLI otherwise."""

from __future__ import annotations

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
