"""Small server-rendered SVG charts: no script, no CDN, readable on a 390 px phone.

Each chart is an <svg role="img"> with a <title> and a <desc> for screen readers, a label and a
number beside every bar, and a <title> on every bar; the page puts the full table beside it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

PALETTE = ("#14532d", "#d97706", "#2563eb", "#9ca3af", "#7c3aed", "#be123c")
"""Dark green, amber, blue, grey, violet, red: apart in hue and lightness, white text-safe."""
WIDTH = 360
FONT = 'font-family="system-ui,sans-serif" font-size="12"'


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[object]
    """Numbers, or None where a value is missing (drawn as no bar, written as a dash)."""


def _value(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _number(value: object) -> str:
    if not isinstance(value, int | float):
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def _legend(series: Sequence[Series], y: int) -> tuple[list[str], int]:
    if len(series) < 2:
        return [], y
    parts, x = [], 0
    for i, s in enumerate(series):
        width = 28 + 8 * len(s.name)
        if x and x + width > WIDTH:
            x, y = 0, y + 18
        parts.append(
            f'<rect x="{x}" y="{y}" width="12" height="12" fill="{PALETTE[i % len(PALETTE)]}"/>'
            f'<text x="{x + 16}" y="{y + 10}">{escape(s.name)}</text>'
        )
        x += width
    return parts, y + 22


def _frame(chart_id: str, title: str, summary: str, height: int, body: list[str]) -> Markup:
    return Markup(
        f'<svg class="chart" id="chart-{escape(chart_id)}" role="img" '
        f'aria-labelledby="chart-{escape(chart_id)}-t chart-{escape(chart_id)}-d" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg" {FONT}>'
        f'<title id="chart-{escape(chart_id)}-t">{escape(title)}</title>'
        f'<desc id="chart-{escape(chart_id)}-d">{escape(summary)}</desc>' + "".join(body) + "</svg>"
    )


def _summary(labels: Sequence[str], series: Sequence[Series]) -> str:
    parts = []
    for i, label in enumerate(labels):
        values = ", ".join(f"{s.name} {_number(s.values[i])}" for s in series)
        parts.append(f"{label}: {values}")
    return "; ".join(parts)


def hbars(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    stacked: bool = False,
) -> Markup:
    """One row per label: the label on its own line (long village and company names fit a
    phone), the bar under it, the number after the bar; several series stack or group."""
    body, y = _legend(series, 0)
    values = [[_value(v) for v in s.values] for s in series]
    if stacked:
        top = max((sum(col) for col in zip(*values, strict=True)), default=0)
    else:
        top = max((v for row in values for v in row), default=0)
    top = top or 1
    room = WIDTH - 56
    bar = 14
    for i, label in enumerate(labels):
        body.append(f'<text x="0" y="{y + 12}" fill="#111">{escape(label)}</text>')
        y += 16
        x = 0.0
        for k, s in enumerate(series):
            value = values[k][i]
            width = room * value / top
            colour = PALETTE[k % len(PALETTE)]
            tip = f"{label} · {s.name}: {_number(s.values[i])}" if len(series) > 1 else label
            body.append(
                f'<rect x="{x:.1f}" y="{y}" width="{max(width, 0.0):.1f}" height="{bar}" '
                f'fill="{colour}"><title>{escape(tip)}: {_number(s.values[i])}</title></rect>'
            )
            if stacked:
                x += width
            else:
                body.append(
                    f'<text x="{width + 4:.1f}" y="{y + 11}" fill="#111">'
                    f"{_number(s.values[i])}</text>"
                )
                y += bar + 2
        if stacked:
            total = sum(values[k][i] for k in range(len(series)))
            body.append(f'<text x="{x + 4:.1f}" y="{y + 11}" fill="#111">{_number(total)}</text>')
            y += bar + 2
        y += 6
    return _frame(chart_id, title, _summary(labels, series), max(y, 24), body)


def columns(chart_id: str, title: str, labels: Sequence[str], series: Sequence[Series]) -> Markup:
    """Grouped columns over time (months): the y axis has three gridlines with numbers, and
    the x axis labels as many months as fit."""
    body, top_y = _legend(series, 0)
    left, plot_h, bottom = 34, 150, 20
    plot_w = WIDTH - left - 4
    peak = max((_value(v) for s in series for v in s.values), default=0)
    step = _nice_step(peak)
    ceiling = step * 2 if peak <= step * 2 else step * math.ceil(peak / step)
    base_y = top_y + plot_h
    for tick in range(0, int(ceiling) + 1, int(step) or 1):
        ty = base_y - plot_h * tick / (ceiling or 1)
        body.append(
            f'<line x1="{left}" x2="{WIDTH}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#d1d5db"/>'
            f'<text x="{left - 4}" y="{ty + 4:.1f}" text-anchor="end" fill="#374151">{tick}</text>'
        )
    n = max(len(labels), 1)
    slot = plot_w / n
    bar = max(min(slot * 0.8 / max(len(series), 1), 18), 1)
    every = max(1, math.ceil(n / 6))
    for i, label in enumerate(labels):
        x0 = left + slot * i + (slot - bar * len(series)) / 2
        for k, s in enumerate(series):
            value = _value(s.values[i])
            height = plot_h * value / (ceiling or 1)
            body.append(
                f'<rect x="{x0 + k * bar:.1f}" y="{base_y - height:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}" fill="{PALETTE[k % len(PALETTE)]}">'
                f"<title>{escape(label)} · {escape(s.name)}: {_number(s.values[i])}</title></rect>"
            )
        if i % every == 0:
            body.append(
                f'<text x="{left + slot * i + slot / 2:.1f}" y="{base_y + 14}" '
                f'text-anchor="middle" fill="#374151">{escape(_short_month(label))}</text>'
            )
    return _frame(chart_id, title, _summary(labels, series), base_y + bottom, body)


def _nice_step(peak: float) -> float:
    """A round gridline step (1, 2, 5 times a power of ten) giving two or three lines."""
    if peak <= 2:
        return 1
    raw = peak / 2
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return float(factor * power)
    return float(10 * power)


def _short_month(label: str) -> str:
    """2026-03 -> 03/26: five characters fit under a column on a phone."""
    if len(label) == 7 and label[4] == "-":
        return f"{label[5:]}/{label[2:4]}"
    return label
