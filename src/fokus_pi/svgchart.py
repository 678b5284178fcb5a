"""Small static SVG charts (lines and stacked bars) for report texts, drawn in Python.

They need no script and no file from anywhere, print well and work in the offline copy. Each chart is a
``<figure>`` with a title, a description for screen readers and the figures as a table beside it, so nothing is
shown by colour alone: lines also differ by dash and marker, bars carry a legend in drawing order."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from . import fmt

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F4F24", "#555555")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3")
WIDTH, HEIGHT = 680, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 44, 34


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]  # one per label; None leaves a gap


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high (steps of 1, 2 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    ticks = [math.floor(low / step) * step]
    while ticks[-1] < high - 1e-9 * step:  # up to the first tick at or above the highest value
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _decimals_for(ticks: list[float]) -> int:
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    return max(0, -math.floor(math.log10(step))) if step < 1 else 0


def _frame(title: str, ticks: list[float], labels: list[str], y, x, unit: str) -> list[str]:
    """Axes, grid, tick labels and the unit above the y axis."""
    digits = _decimals_for(ticks)
    parts = [f'<text x="{LEFT}" y="16" font-size="12" fill="#444">{html.escape(unit)}</text>']
    for t in ticks:
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(t) + 4:.1f}" font-size="11" text-anchor="end" fill="#444">'
                     f'{fmt.number(t, digits)}</text>')
    every = max(1, math.ceil(len(labels) / 12))
    for i, label in enumerate(labels):
        if i % every == 0 or i == len(labels) - 1:
            parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" text-anchor="middle" '
                         f'fill="#444">{html.escape(label)}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}" '
                 'stroke="#888"/>')
    return parts


def _legend(names: list[str], marker) -> list[str]:
    parts, x = [], LEFT
    for i, name in enumerate(names):
        parts.append(marker(i, x, 30))
        parts.append(f'<text x="{x + 22}" y="34" font-size="12" fill="#222">{html.escape(name)}</text>')
        x += 30 + 7 * len(name)
    return parts


def _svg(title: str, description: str, body: list[str], ident: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
            f'height="{HEIGHT}" role="img" '
            f'aria-labelledby="{ident}-t {ident}-d" style="max-width:100%;height:auto" font-family="sans-serif">'
            f'<title id="{ident}-t">{html.escape(title)}</title><desc id="{ident}-d">{html.escape(description)}</desc>'
            + "".join(body) + "</svg>")


def _table(labels: list[str], series: list[Series], decimals: int, head: str) -> str:
    rows = "".join(
        f"<tr><th scope=\"row\">{html.escape(label)}</th>"
        + "".join(f"<td>{fmt.number(s.values[i], decimals)}</td>" for s in series) + "</tr>"
        for i, label in enumerate(labels)
    )
    cols = "".join(f'<th scope="col">{html.escape(s.name)}</th>' for s in series)
    return (f'<details><summary>Werte als Tabelle</summary><table><thead><tr><th scope="col">{html.escape(head)}'
            f'</th>{cols}</tr></thead><tbody>{rows}</tbody></table></details>')


def _figure(svg: str, caption: str, table: str) -> str:
    # one line without blank lines: Markdown leaves a raw HTML block like this untouched
    return f'<figure class="fokus-figure">{svg}<figcaption>{html.escape(caption)}</figcaption>{table}</figure>'


def line_chart(title: str, labels: list[str], series: list[Series], unit: str, decimals: int, caption: str,
               ident: str) -> str:
    """A line per series over the labels (years)."""
    present = [v for s in series for v in s.values if v is not None]
    if not present:
        return ""
    low, high = min(present), max(present)
    if low > 0 and low < 0.4 * high:
        low = 0.0
    ticks = _ticks(low, high)
    lo, hi = ticks[0], ticks[-1]
    x = lambda i: LEFT + (WIDTH - LEFT - RIGHT) * (i + 0.5) / len(labels)  # noqa: E731
    y = lambda v: HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (v - lo) / ((hi - lo) or 1)  # noqa: E731
    body = _frame(title, ticks, labels, y, x, unit)
    for k, s in enumerate(series):
        colour, dash = COLOURS[k % len(COLOURS)], DASHES[k % len(DASHES)]
        runs, run = [], []
        for i, v in enumerate(s.values):
            if v is None:
                runs, run = runs + [run] if run else runs, []
            else:
                run.append(f"{x(i):.1f},{y(v):.1f}")
        runs = runs + [run] if run else runs
        for points in runs:
            body.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2.5"'
                        + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        for i, v in enumerate(s.values):
            if v is not None:
                body.append(_marker(k, x(i), y(v), colour, f"{s.name} {labels[i]}: {fmt.number(v, decimals)}"))
    body += _legend([s.name for s in series], lambda k, lx, ly: (
        f'<line x1="{lx}" x2="{lx + 18}" y1="{ly}" y2="{ly}" stroke="{COLOURS[k % len(COLOURS)]}" stroke-width="2.5"'
        + (f' stroke-dasharray="{DASHES[k % len(DASHES)]}"' if DASHES[k % len(DASHES)] else "") + "/>"
        + _marker(k, lx + 9, ly, COLOURS[k % len(COLOURS)], "")))
    description = f"Liniendiagramm: {', '.join(s.name for s in series)}, {labels[0]} bis {labels[-1]}, in {unit}."
    return _figure(_svg(title, description, body, ident), caption, _table(labels, series, decimals, "Jahr"))


def _marker(k: int, cx: float, cy: float, colour: str, tip: str) -> str:
    tip_tag = f"<title>{html.escape(tip)}</title>" if tip else ""
    shape = k % 3
    if shape == 0:
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}">{tip_tag}</circle>'
    if shape == 1:
        return f'<rect x="{cx - 3.5:.1f}" y="{cy - 3.5:.1f}" width="7" height="7" fill="{colour}">{tip_tag}</rect>'
    return (f'<path d="M{cx:.1f} {cy - 4.5:.1f} L{cx + 4.5:.1f} {cy + 3.5:.1f} L{cx - 4.5:.1f} {cy + 3.5:.1f} Z" '
            f'fill="{colour}">{tip_tag}</path>')


def stacked_bars(title: str, labels: list[str], parts: list[Series], unit: str, decimals: int, caption: str,
                 ident: str) -> str:
    """One bar per label, stacked from the parts (first part at the bottom)."""
    totals = [sum(p.values[i] or 0 for p in parts) for i in range(len(labels))]
    ticks = _ticks(0, max(totals))
    hi = ticks[-1]
    band = (WIDTH - LEFT - RIGHT) / len(labels)
    x = lambda i: LEFT + band * (i + 0.5)  # noqa: E731
    y = lambda v: HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * v / (hi or 1)  # noqa: E731
    body = _frame(title, ticks, labels, y, x, unit)
    for i, label in enumerate(labels):
        base = 0.0
        for k, p in enumerate(parts):
            v = p.values[i] or 0
            top = y(base + v)
            body.append(f'<rect x="{x(i) - band * 0.35:.1f}" y="{top:.1f}" width="{band * 0.7:.1f}" '
                        f'height="{y(base) - top:.1f}" fill="{COLOURS[k % len(COLOURS)]}" stroke="#fff" '
                        f'stroke-width="0.5"><title>{html.escape(f"{p.name} {label}: {fmt.number(v, decimals)}")}'
                        f'</title></rect>')
            base += v
    legend = ['<ul class="fokus-key">'] + [
        f'<li><span class="fokus-swatch" style="background:{COLOURS[k % len(COLOURS)]}"></span>'
        f'{html.escape(p.name)}</li>' for k, p in enumerate(parts)] + ["</ul>"]
    description = f"Gestapeltes Säulendiagramm: {', '.join(p.name for p in parts)}, {labels[0]} bis {labels[-1]}."
    svg = _svg(title, description, body, ident)
    return _figure(svg + "".join(legend), caption, _table(labels, parts, decimals, "Jahr"))
