"""Entry point of the standalone build: the same `verso` command the wheel installs."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
