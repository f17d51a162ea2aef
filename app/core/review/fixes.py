"""Apply a suggestion to one span, or to every span flagged the same way.

Pure functions over plain data; the controller turns their results into one
undoable step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.core.model.issues import Issue, Side
from app.core.review.model import Review


def applied(target: str, issue: Issue) -> str | None:
    """`target` with the issue's span replaced by its suggestion; None if stale or no fix."""
    if issue.suggestion is None or issue.side is not Side.TARGET:
        return None
    if target[issue.start : issue.end] != issue.text:
        return None
    return target[: issue.start] + issue.suggestion + target[issue.end :]


def apply_all(review: Review, issues: Sequence[Issue], issue: Issue) -> dict[int, str]:
    """New targets for every pair where the same check flagged the same text with
    the same suggestion (ignored issues excluded). Unchanged pairs are omitted."""
    if issue.suggestion is None or issue.side is not Side.TARGET:
        return {}
    same = [
        i for i in review.visible(issues)
        if i.side is Side.TARGET and i.check == issue.check and i.text == issue.text
        and i.suggestion == issue.suggestion
    ]
    by_pair: dict[int, list[Issue]] = {}
    for i in same:
        by_pair.setdefault(i.pair, []).append(i)
    result: dict[int, str] = {}
    for pair_index, found in by_pair.items():
        text = review.target(pair_index)
        new_text = replace_spans(text, found)
        if new_text != text:
            result[pair_index] = new_text
    return result


def replace_spans(text: str, issues: Iterable[Issue]) -> str:
    """Replace each issue's span by its suggestion, right to left so offsets hold."""
    last_start = len(text) + 1
    for issue in sorted(issues, key=lambda i: i.start, reverse=True):
        if issue.end > last_start or text[issue.start : issue.end] != issue.text:
            continue  # overlapping or stale span: leave it for the next check
        text = text[: issue.start] + (issue.suggestion or issue.text) + text[issue.end :]
        last_start = issue.start
    return text
