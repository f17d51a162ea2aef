"""From two files (or two texts) to aligned pairs and issues: the one path every
front end (CLI, window, benchmark) goes through."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.checks.base import Check, CheckContext
from app.core.checks.registry import all_checks
from app.core.files.readers import ensure_checkable, read_document
from app.core.model.document import Document, Pair
from app.core.model.issues import Issue, Severity, sort_key
from app.core.text.align import align_article
from app.core.text.language import detect_language


@dataclass
class CheckResult:
    source_lang: str
    target_lang: str
    pairs: list[Pair]
    issues: list[Issue]
    metrics: dict[str, Any] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for issue in self.issues:
            counts[issue.severity.value] += 1
        return counts

    def has_errors(self) -> bool:
        return any(i.severity is Severity.ERROR for i in self.issues)

    def to_json(self) -> dict[str, Any]:
        return {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "pairs": [
                {"index": p.index, "source": p.source, "target": p.target, "paragraph": p.paragraph}
                for p in self.pairs
            ],
            "issues": [i.to_json() for i in self.issues],
            "metrics": self.metrics,
        }


def align_documents(
    source: Document,
    target: Document,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> tuple[list[Pair], str, str]:
    src_lang = source_lang or detect_language(source.text)
    tgt_lang = target_lang or detect_language(target.text)
    pairs = align_article(source.paragraphs, target.paragraphs, src_lang, tgt_lang)
    return pairs, src_lang, tgt_lang


class Checker:
    """Runs the check catalogue over pairs; re-checks one pair after an edit."""

    def __init__(self, ctx: CheckContext, checks: Sequence[Check] | None = None) -> None:
        self.ctx = ctx
        self.checks = list(checks) if checks is not None else all_checks()

    def check(self, pairs: Sequence[Pair]) -> list[Issue]:
        issues: list[Issue] = []
        for check in self.checks:
            issues.extend(check.run(pairs, self.ctx))
        issues.sort(key=sort_key)
        return issues

    def recheck(
        self, pairs: Sequence[Pair], index: int, previous: Sequence[Issue]
    ) -> list[Issue]:
        """Issues for the whole article after pair `index` changed.

        Pair-scoped checks re-run on that pair only; article-scoped ones re-run
        on all pairs (their findings depend on every pair).
        """
        local = [c for c in self.checks if not c.article_scope]
        global_ = [c for c in self.checks if c.article_scope]
        global_ids = {c.id for c in global_}
        kept = [
            i for i in previous if i.check not in global_ids and i.pair != index
        ]
        for check in local:
            kept.extend(check.run([pairs[index]], self.ctx))
        for check in global_:
            kept.extend(check.run(pairs, self.ctx))
        kept.sort(key=sort_key)
        return kept


def article_metrics(pairs: Sequence[Pair], issues: Sequence[Issue]) -> dict[str, Any]:
    counts = {s.value: 0 for s in Severity}
    by_check: dict[str, int] = {}
    for issue in issues:
        counts[issue.severity.value] += 1
        by_check[issue.check] = by_check.get(issue.check, 0) + 1
    return {
        "pairs": len(pairs),
        "source_words": sum(len(p.source.split()) for p in pairs),
        "target_words": sum(len(p.target.split()) for p in pairs),
        "issues_by_severity": counts,
        "issues_by_check": by_check,
    }


def build_context(
    source_lang: str, target_lang: str, glossary_path: str | Path | None = None
) -> CheckContext:
    index = None
    if glossary_path is not None:
        from app.core.glossary.cache import load_index

        # Parsed and indexed once per glossary version; later runs read the cache.
        index = load_index(glossary_path, source_lang)
    return CheckContext(source_lang=source_lang, target_lang=target_lang, glossary=index)


def check_files(
    source_path: str | Path,
    target_path: str | Path,
    glossary_path: str | Path | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> CheckResult:
    source = ensure_checkable(read_document(source_path))
    target = ensure_checkable(read_document(target_path))
    pairs, src_lang, tgt_lang = align_documents(source, target, source_lang, target_lang)
    ctx = build_context(src_lang, tgt_lang, glossary_path)
    issues = Checker(ctx).check(pairs)
    return CheckResult(src_lang, tgt_lang, pairs, issues, article_metrics(pairs, issues))
