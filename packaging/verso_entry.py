"""Entry point of the standalone build: the same `verso` command the wheel installs."""

from app.__main__ import run

if __name__ == "__main__":
    run()
