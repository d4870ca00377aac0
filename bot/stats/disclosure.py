"""Counts for publication outside the service (GET /api/v1/stats): small counts withheld,
every other count rounded, so that no withheld cell can be worked back from the others.

Rule: a count of 1-4 is published as null; every other count, totals included, is rounded to
the nearest multiple of 5 (halves up: 7 -> 5, 8 -> 10, 12 -> 10, 13 -> 15); 0 stays 0. Because
totals are rounded like cells, subtracting the published cells from a published total (of the
same table or of another table about the same people) leaves an uncertainty wider than the
1-4 range. A median or percentile is withheld with the count it is computed from."""

from __future__ import annotations

from bot.stats.table import Table

SMALLEST = 5
BASE = 5


def published(count: int) -> int | None:
    if 0 < count < SMALLEST:
        return None
    return BASE * ((count + BASE // 2) // BASE)


def publish(table: Table) -> Table:
    rows: list[dict[str, object]] = []
    for row in table.rows:
        out = dict(row)
        for column in table.counts:
            out[column] = published(int(row[column]))  # type: ignore[call-overload]
        for statistic, count in table.gated.items():
            if int(row[count]) < SMALLEST:  # type: ignore[call-overload]
                out[statistic] = None
        rows.append(out)
    return Table(table.key, table.columns, rows, table.counts, table.gated)
