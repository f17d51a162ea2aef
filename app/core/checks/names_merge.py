"""One error, one issue: a target word two name checks flag for the same fix.

name-mismatch ("Kharkov" is a Russian-style form; KMU gives Kharkiv) and
name-inconsistent ("Kharkov" here, "Kharkiv" elsewhere in the article) often flag
the same word with the same suggestion; the editor should see it once. The more
specific issue is kept: name-mismatch says why the form is wrong, and it is a
pair-scoped check, so a re-check of one pair (which keeps the other pairs'
name-mismatch issues and re-runs name-inconsistent on the whole article) gives the
same issues as a full check. When the two name different fixes (the article spells
the name "Andriy" throughout, KMU says "Andrii"), both stay: each is evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.model.issues import Issue

SPECIFIC = "name-mismatch"
GENERAL = frozenset({"name-inconsistent"})


def _same_fix(a: Issue, b: Issue) -> bool:
    if a.suggestion is None or b.suggestion is None:
        return a.suggestion is b.suggestion
    return a.suggestion.casefold() == b.suggestion.casefold()


def merge_name_issues(issues: Sequence[Issue]) -> list[Issue]:
    """`issues` without the name-inconsistent ones that repeat a name-mismatch issue
    (same pair, side and span, same suggestion)."""
    specific = {
        (i.pair, i.side, i.start, i.end): i for i in issues if i.check == SPECIFIC
    }
    if not specific:
        return list(issues)
    return [
        i for i in issues
        if i.check not in GENERAL
        or (other := specific.get((i.pair, i.side, i.start, i.end))) is None
        or not _same_fix(other, i)
    ]  # fmt: skip
