"""What a review produces: the corrected article, the QA report, metrics."""
