"""The summary of a `check --batch` run: issues per check and per article.

Built from the JSON-able results `run_batch` yields (whatever engine ran them), in the
order they came, so two engines over the same folder give the same summary byte for
byte: per-check counts are sorted by check id, articles keep folder order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

_SEVERITIES = ("error", "warning", "info")


def _zero() -> dict[str, int]:
    return dict.fromkeys(_SEVERITIES, 0)


@dataclass
class BatchSummary:
    """Counts over a batch, fed one result at a time (`add`)."""

    per_check: dict[str, dict[str, int]] = field(default_factory=dict)
    per_article: list[dict[str, Any]] = field(default_factory=list)

    def add(self, result: dict[str, Any]) -> None:
        row: dict[str, Any] = {"name": result["name"], "exit": result["exit"]}
        if "error" in result:
            row["input_error"] = result["error"]
        else:
            counts = _zero()
            for issue in result["issues"]:
                severity = issue["severity"]
                counts[severity] = counts.get(severity, 0) + 1
                check = self.per_check.setdefault(issue["check"], _zero())
                check[severity] = check.get(severity, 0) + 1
            row["issues"] = sum(counts.values())
            row.update(counts)
            row["failures"] = len(result.get("failures", []))
        self.per_article.append(row)

    @property
    def input_errors(self) -> int:
        return sum(1 for row in self.per_article if "input_error" in row)

    def totals(self) -> dict[str, int]:
        totals = _zero()
        for counts in self.per_check.values():
            for severity, n in counts.items():
                totals[severity] = totals.get(severity, 0) + n
        return totals

    def to_json(self) -> dict[str, Any]:
        totals = self.totals()
        return {
            "articles": len(self.per_article),
            "input_errors": self.input_errors,
            "issues": sum(totals.values()),
            **totals,
            "per_check": {
                check: {"issues": sum(c.values()), **c}
                for check, c in sorted(self.per_check.items())
            },
            "per_article": self.per_article,
        }

    def dumps(self) -> str:
        """The JSON text written by `--summary FILE` (stable: same input, same bytes)."""
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"

    def format_text(self) -> str:
        """A few lines for the end of a run: totals, then issues per check."""
        totals = self.totals()
        articles = len(self.per_article)
        with_errors = sum(1 for row in self.per_article if row.get("error", 0) > 0)
        lines = [
            f"{articles} articles: {sum(totals.values())} issues ({totals['error']} errors, "
            f"{totals['warning']} warnings, {totals['info']} info); "
            f"{with_errors} articles with errors, {self.input_errors} input errors"
        ]
        for check, counts in sorted(self.per_check.items()):
            lines.append(f"  {check:24} {sum(counts.values()):6}")
        return "\n".join(lines) + "\n"
