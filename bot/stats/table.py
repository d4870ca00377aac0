"""One aggregate table: what a chart draws, a page lists and a download holds."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    key: str
    columns: tuple[str, ...]
    rows: list[dict[str, object]]
    counts: tuple[str, ...]
    """Columns that count people or cases: the ones the public API suppresses and rounds."""
    gated: dict[str, str] = field(default_factory=dict)
    """A statistic column and the count it is computed from (a median of fewer than five
    cases describes individuals, so the API withholds it with its count)."""

    def column(self, name: str) -> list[object]:
        return [row.get(name) for row in self.rows]
