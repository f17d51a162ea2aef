"""Verso: review machine translations of news articles."""

__version__ = "0.1.0"
