"""The check catalogue: one module per family, each returning Issues with exact spans."""
