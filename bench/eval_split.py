"""The tuning / held-out split of the evaluation corpora (issue 11, hold-out discipline).

Every article (an ntrex document id, a wmt23 doc_id) falls in one half by a hash of
its id, so the split does not depend on file order, on --limit, or on which script
asks. Checks are tuned while looking at the "tune" half only; the "held" half gives
the figures we report.
"""

from __future__ import annotations

import hashlib

TUNE = "tune"
HELD = "held"
HALVES = (TUNE, HELD)


def half_of(doc_id: str) -> str:
    """The half (TUNE or HELD) of an article id; a "wmt:" prefix is ignored."""
    key = doc_id.removeprefix("wmt:").strip().encode("utf-8")
    return TUNE if hashlib.sha1(key).digest()[0] % 2 == 0 else HELD


def per100(count: int, total: int) -> str:
    return f"{100 * count / total:6.2f}" if total else "     -"
