"""Small charts drawn on the server as inline SVG (no script, no inline style).

Each chart is decoration beside text that carries the same numbers, so it is hidden from
screen readers (`aria-hidden`); sizes are SVG attributes, which the CSP allows.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup


def bar(value: float, top: float, *, marker: float | None = None) -> Markup:
    """A horizontal bar filled to value/top, with an optional target line."""
    scale = max(top, value, marker or 0.0, 1e-9)
    width = round(100 * max(0.0, value) / scale, 2)
    parts = [
        '<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"'
        ' focusable="false">',
        '<rect class="bar-track" x="0" y="0" width="100" height="10"></rect>',
        f'<rect class="bar-fill" x="0" y="0" width="{width}" height="10"></rect>',
    ]
    if marker is not None:
        x = max(0.0, round(100 * marker / scale, 2) - 0.6)
        parts.append(f'<rect class="bar-target" x="{x}" y="0" width="1.2" height="10"></rect>')
    parts.append("</svg>")
    return Markup("".join(parts))  # only numbers are interpolated


def sparkline(values: Sequence[float]) -> Markup:
    """A line through the values, oldest left, highest at the top."""
    if not values:
        return Markup("")
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    count = len(values)
    points = [
        (
            round(4 + 92 * (i / (count - 1) if count > 1 else 0.5), 2),
            round(26 - 22 * ((v - low) / span if high > low else 0.5), 2),
        )
        for i, v in enumerate(values)
    ]
    line = " ".join(f"{x},{y}" for x, y in points)
    dots = "".join(
        f'<circle class="spark-dot" cx="{x}" cy="{y}" r="1.8"></circle>' for x, y in points
    )
    return Markup(  # only numbers are interpolated
        '<svg class="spark" viewBox="0 0 100 30" aria-hidden="true" focusable="false">'
        f'<polyline class="spark-line" points="{line}"></polyline>{dots}</svg>'
    )
