"""MT failures: messages a person can act on, never holding an API key."""

from __future__ import annotations

from app.core.model.errors import VersoError


class MTError(VersoError):
    """A translation request failed; str() says why and what to do, never the key."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class MTCancelled(VersoError):
    """The user cancelled a translation run."""
