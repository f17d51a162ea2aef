"""spacing-punctuation: stray spaces and unbalanced quotes or brackets in the target.

Typical MT and copy-paste damage: "Bloomberg reported ." where a link was
stripped, doubled spaces, a quote opened and never closed, "word.Word". Spans
are exact (the space itself, or the space plus the mark) so a fix can replace
them. Cosmetic findings (a doubled space) are info; the rest are warnings.
Quotes and brackets are reported only when the source of the same pair is
balanced: a quotation that spans several sentences is not the translation's fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from app.core.checks.base import Check, CheckCategory, CheckContext
from app.core.model.document import Pair
from app.core.model.issues import Issue, Severity, Side

# Spaces then a closing mark; not an ellipsis ("so ..."), a decimal (" .5"), an emoticon
# (" :)"), a leading mark, or a mark followed by a letter/digit (" .NET", " :-").
_SPACE_BEFORE = re.compile(r"(?<=\S)([ \u00a0]+)([.,;:!?)\]»”])(?![.\w(\-)])")
_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")
# "word.Word": a lower-case word, a full stop, a capitalised word; not "U.S.",
# "e.g.", domains (bbc.co.uk), decimals, or single-letter initials ("J.K.").
_MISSING_SPACE = re.compile(r"(?<![\w.])([^\W\d_]{2,})([.!?;,])([A-ZА-ЯІЇЄҐ][a-zа-яіїєґ]+)")
# What every match of the two patterns above holds: a space right before the mark, a mark
# right before the capital. One quick scan finds most sentences free of both.
_SPACE_MARK = re.compile("[ \u00a0][.,;:!?)\\]»”]")
_MARK_CAPITAL = re.compile("[.!?;,][A-ZА-ЯІЇЄҐ]")
_PAIRS = {"(": ")", "[": "]", "«": "»", "„": "“", "“": "”"}


# A straight quote standing for an apostrophe: Lakers" office, d"état.
_APOSTROPHE = re.compile(r'(?<=[^\W\d_])"(?=[^\W\d_])')
_SPEECH = (
    r"(?:said|says|say|told|tells|added|adds|asked|asks|wrote|writes|stated|shouting|"
    r"chanting|saying|continued|explained|noted|insisted|declared|replied|spoke)"
)
# What introduces a quotation after a comma: ... he said, "...
_SPEECH_BEFORE = re.compile(rf"\b{_SPEECH}\b[^,\"]{{0,60}},$", re.IGNORECASE)
# An attribution that ends a quotation: ...", he said / ," Ross told.
_ATTRIBUTION = re.compile(
    rf"[^\"]*?[,?!]\s+(?:he|she|they|it|we|I|one \w+|the \w+|[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)*)"
    rf"\s+{_SPEECH}(?:\s+[^,.\"]{{0,40}})?\."
)
_OPEN_BEFORE = " \t\n([—–-\u00a0"
_QUOTES = frozenset('"«»„“”')
_QUOTE_RE = re.compile('["«»„“”]')
# Every character `_balance_problems` looks at: the others pass through its loops untouched.
_BALANCE_RE = re.compile('[(\\[«„“)\\]»”"]')
_SAME_PLACE = 0.25  # share of the sentence within which two open quotes are the same one


def _balance_problems(text: str) -> list[tuple[int, int, str]]:
    """(start, end, message) for brackets and quotes that do not close."""
    problems: list[tuple[int, int, str]] = []
    marks = [(m.start(), m.group()) for m in _BALANCE_RE.finditer(text)]
    if not marks:
        return problems  # most sentences: no bracket or quote at all
    stack: list[tuple[str, int]] = []
    closers = {")": "(", "]": "[", "»": "«", "”": "“"}
    for i, ch in marks:
        if ch == "“" and stack and stack[-1][0] == "„":
            stack.pop()
        elif ch in _PAIRS:
            stack.append((ch, i))
        elif ch in closers:
            if ch == ")" and text[i - 1 : i] in (":", ";", "-"):
                continue  # an emoticon :) ;)
            if stack and stack[-1][0] == closers[ch]:
                stack.pop()
            elif ch == "”" and not any(o == "“" for o, _ in stack):
                problems.append((i, i + 1, f'"{ch}" closes a quote that was never opened'))
            elif ch != "”":
                problems.append((i, i + 1, f'"{ch}" has no opening "{closers[ch]}"'))
    for opener, i in stack:
        problems.append((i, i + 1, f'"{opener}" is never closed'))
    straight = [i for i, ch in marks if ch == '"' and not _APOSTROPHE.match(text, i)]
    if len(straight) % 2 and not _one_is_apostrophe(text, straight):
        opened: list[int] = []
        for i in straight:
            if i == 0 or text[i - 1] in _OPEN_BEFORE:
                opened.append(i)
            elif opened:
                opened.pop()
        i = opened[-1] if opened else straight[-1]
        problems.append((i, i + 1, 'An odd number of " quotes: one is not closed'))
    return problems


_ID = "spacing-punctuation"


class SpacingPunctuationCheck(Check):
    id = _ID
    label = "Spacing / punctuation"
    description = (
        'A space before punctuation ("reported ."), doubled spaces, unbalanced quotes and '
        "brackets."
    )
    help = (
        "Stray spaces (often left where links were stripped), doubled spaces and unbalanced "
        "quotes or brackets look careless in print. Fix: Apply Suggestion removes the space; "
        "otherwise edit the text. Ignore the issue when the spacing is intended."
    )
    category = CheckCategory.TYPOGRAPHY
    default_severity = Severity.WARNING

    # A quote left open may be closed, or reopened, by the next sentence: the whole
    # article is needed (cheap: each pair's findings are memoised).
    article_scope = True

    def run(self, pairs: Sequence[Pair], ctx: CheckContext) -> Iterable[Issue]:
        for k, pair in enumerate(pairs):
            issues = self.check_pair(pair)
            closing = _closing_pair(pairs, k) if issues else None
            if closing is not None:
                issues = [i for i in issues if not _runs_on(i, pair, closing)]
            yield from issues

    def check_pair(self, pair: Pair) -> list[Issue]:
        issues = _text_issues(pair.source, pair.target)
        return [replace(i, pair=pair.index) for i in issues]


@lru_cache(maxsize=65_536)
def _text_issues(source: str, text: str) -> tuple[Issue, ...]:
    """The issues of one pair's texts (pair index 0): memoised, as re-checks and
    repeated checks see the same texts again."""
    issues: list[Issue] = []

    def add(sev: Severity, start: int, end: int, msg: str, fix: str | None) -> None:
        issues.append(
            _CHECK.issue(0, Side.TARGET, start, end, msg, text=text[start:end], severity=sev,
                         suggestion=fix)
        )  # fmt: skip

    for m in _SPACE_BEFORE.finditer(text) if _SPACE_MARK.search(text) else ():
        mark = m.group(2)
        if mark in ")]»”" and not _closes_something(text, m.start(2), mark):
            continue
        add(Severity.WARNING, m.start(1), m.end(2), f'Space before "{mark}"', mark)
    for m in _DOUBLE_SPACE.finditer(text) if "  " in text else ():
        add(Severity.INFO, m.start(), m.end(), "Doubled space", " ")
    for m in _MISSING_SPACE.finditer(text) if _MARK_CAPITAL.search(text) else ():
        if _looks_like_domain(text, m.start(), m.end()):
            continue
        add(
            Severity.WARNING, m.start(2), m.end(2) + 1,
            f'No space after "{m.group(2)}"', m.group(2) + " " + m.group(3)[:1],
        )
    source_problems = _balance_problems(source)
    source_ok = not source_problems
    # The source leaves a quotation open too: it runs on into the next paragraph (news
    # style closes a multi-paragraph quotation only at its end), so the target's open
    # quote is that one, wherever the translator placed it.
    source_open = [
        i / max(1, len(source)) for i, _, m in source_problems
        if not m.endswith("never opened") and "no opening" not in m
    ]  # fmt: skip
    source_quotes = _QUOTE_RE.search(source) is not None
    lead = len(text) - len(text.lstrip())
    for start, end, msg in _balance_problems(text):
        if start == lead and text[start] in '"«„“':
            if _ATTRIBUTION.search(text, start):
                # "We won, he said.": the quotation ends here but was never closed.
                add(Severity.WARNING, start, end, msg, None)
            continue  # a quotation that runs on into the next sentences
        if start == len(text.rstrip()) - 1 and text[start] in '"»”':
            continue  # ... and the end of one that began in an earlier sentence
        if (
            text[start] in '"«„“' and not _closes_mid_sentence(text, start)
            and any(abs(start / len(text) - at) <= _SAME_PLACE for at in source_open)
        ):
            continue  # the source's open quote, about where the source opens it
        if _closes_mid_sentence(text, start) or _opens_mid_sentence(text, start) or (
            source_ok and (text[start] not in _QUOTES or source_quotes)
        ):
            add(Severity.WARNING, start, end, msg, None)
    return tuple(issues)


# How many sentences a quotation may run on before the one that closes it.
_RUN_ON = 4


def _closing_pair(pairs: Sequence[Pair], k: int) -> Pair | None:
    """The first later pair, within _RUN_ON sentences of pair `k` and with no sentence
    gap, whose translation holds a quote; the sentences between hold none (they are
    inside the quotation)."""
    for j in range(k + 1, min(len(pairs), k + 1 + _RUN_ON)):
        if pairs[j].index != pairs[k].index + (j - k):
            return None
        if _QUOTE_RE.search(pairs[j].target):
            return pairs[j]
    return None


def _runs_on(issue: Issue, pair: Pair, closing: Pair) -> bool:
    """An open quote, the last of its sentence, that a later sentence closes without
    opening one ("...You want the world to move forward? / Try love."), the sentences
    between quoting nothing and the source of the opening pair quoting too: one
    quotation over several sentences."""
    text, at, following = pair.target, issue.start, closing.target
    if not _QUOTE_RE.search(pair.source):
        return False
    if text[at] not in '"«„“' or (at > 0 and text[at - 1] not in _OPEN_BEFORE):
        return False  # not an opening quote
    if "close" not in issue.message or _QUOTE_RE.search(text, issue.end):
        return False  # not the last quote of the sentence
    return any(
        following[k] in '"»”' and k > 0 and following[k - 1] not in _OPEN_BEFORE
        for k, _, _ in _balance_problems(following)
    )


def _opens_mid_sentence(text: str, pos: int) -> bool:
    """A quote opened in the middle of a sentence, not introducing a quotation
    ("said: "...", "he said, "...") that may run on into the next sentences."""
    if text[pos] not in '"«„“' or pos + 1 >= len(text) or not text[pos + 1].isalnum():
        return False
    before = text[:pos].rstrip()
    if not before or before[-1] in ':—–-"«„“(':
        return False
    if before[-1] == ",":
        return not _SPEECH_BEFORE.search(before)
    return True


def _closes_mid_sentence(text: str, pos: int) -> bool:
    """A closing quote right after a word, mid-sentence: a "stable" condition with
    its opening quote lost (a quotation from an earlier sentence ends on punctuation)."""
    return (
        text[pos] in '"»”'
        and pos > 0
        and text[pos - 1].isalpha()
        and pos < len(text.rstrip()) - 1
        and not _ATTRIBUTION.match(text, pos + 1)
    )


def _alternates(text: str, positions: list[int]) -> bool:
    """Straight quotes that open (after a space) and close (before one) in turn."""
    for n, i in enumerate(positions):
        opening = i == 0 or text[i - 1] in " \t([—–-"
        if opening != (n % 2 == 0):
            return False
    return True


def _one_is_apostrophe(text: str, positions: list[int]) -> bool:
    """An odd count that pairs up once one s" (Lakers" office) is read as an apostrophe."""
    for k, i in enumerate(positions):
        if i > 0 and text[i - 1] == "s" and _alternates(text, positions[:k] + positions[k + 1 :]):
            return True
    return False


def _closes_something(text: str, pos: int, mark: str) -> bool:
    opener = {")": "(", "]": "[", "»": "«", "”": "“"}[mark]
    return opener in text[:pos]


def _looks_like_domain(text: str, start: int, end: int) -> bool:
    """bbc.co.uk, Weather.com, file.Name: no whitespace around a dotted run."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    chunk = text[left : right if right != -1 else len(text)]
    return bool(re.search(r"(?:https?://|www\.|@|/|\.(?:com|org|net|uk|ua|ru|gov|io)\b)", chunk))


_CHECK = SpacingPunctuationCheck()  # builds the issues of the memoised module functions
