"""Text analysis: segments, alignment, language, tokens, morphology, romanisation, numbers."""
