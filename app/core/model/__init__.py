"""The plain data every part shares: documents and pairs, issues, errors."""
