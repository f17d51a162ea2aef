"""The team glossary: entries, file formats, matching and the shared store."""

from app.core.glossary.model import Glossary, GlossaryEntry

__all__ = ["Glossary", "GlossaryEntry"]
