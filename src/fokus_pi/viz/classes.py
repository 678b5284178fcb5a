"""Map classes: quantile breaks (or given by the indicator), colour-blind-safe colours, German legend.

Classes are computed once per indicator over all years, so the year switch shows change against fixed
bounds. Where the indicator has a direction, the Kreis value of the newest year splits the classes and
the palette diverges there (blue: more favourable than the Kreis, red: less favourable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .. import fmt

# ColorBrewer schemes (Brewer & Harrower), all marked colour-blind safe: YlGnBu sequential, RdBu diverging.
SEQUENTIAL: dict[int, list[str]] = {
    1: ["#41b6c4"],
    2: ["#a1dab4", "#225ea8"],
    3: ["#edf8b1", "#7fcdbb", "#2c7fb8"],
    4: ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"],
    5: ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"],
}
# one half of RdBu, light to dark, by the number of classes on that side
FAVOURABLE: dict[int, list[str]] = {1: ["#92c5de"], 2: ["#92c5de", "#0571b0"], 3: ["#d1e5f0", "#67a9cf", "#2166ac"]}
UNFAVOURABLE: dict[int, list[str]] = {1: ["#f4a582"], 2: ["#f4a582", "#ca0020"], 3: ["#fddbc7", "#ef8a62", "#b2182b"]}
NO_DATA = "keine Daten"
K_SEQUENTIAL = 5
K_SIDE = 3


round_half_up = fmt.round_half_up  # the value as the tables print it, so map, charts and tables agree


@dataclass(frozen=True)
class Classes:
    """Inclusive upper bounds (ascending, the last one is the maximum), one colour and label per class."""

    bins: tuple[float, ...]
    colors: tuple[str, ...]
    labels: tuple[str, ...]
    centre: float | None = None  # the Kreis value the palette diverges at, if it does
    favourable_low: bool | None = None  # direction of the palette: is the low side the favourable one?

    def index(self, value: float) -> int:
        """The class of a (rounded) value: the first class whose upper bound is not below it."""
        for i, upper in enumerate(self.bins):
            if value <= upper:
                return i
        return len(self.bins) - 1

    def to_json(self) -> dict:
        return {"bins": list(self.bins), "colors": list(self.colors), "labels": list(self.labels)}


def _quantile_bins(values: np.ndarray, k: int) -> list[float]:
    """The upper bounds of ``k`` quantile classes, ties collapsed (fewer classes then), exactly as mapclassify's
    Quantiles computes them (SciPy's scoreatpercentile: linear between order statistics, weighted as there, so a
    bound next to a rounding edge rounds the same). Not mapclassify itself: its import loads SciPy and
    scikit-learn, 1.7-2.4 s in every process that draws a map, most of a rebuild after one changed value.
    tests/test_viz.py checks the classes against mapclassify's."""
    k = max(1, min(k, len(np.unique(values))))
    step = 100.0 / k
    percent = np.minimum(np.arange(step, 100 + step, step), 100.0)
    ordered = np.sort(values)
    at = percent / 100.0 * (len(ordered) - 1)
    low = at.astype(int)
    high = np.minimum(low + 1, len(ordered) - 1)
    below, above = (low + 1) - at, at - low
    mixed = (ordered[low] * below + ordered[high] * above) / (below + above)
    return [float(b) for b in np.unique(np.where(at == low, ordered[low], mixed))]


def _user_bins(values: np.ndarray, breaks: Sequence[float]) -> list[float]:
    """The given breaks, and the largest value as the last bound when it lies above them (as mapclassify's
    UserDefined does)."""
    bins = [float(b) for b in sorted(breaks)]
    return bins + [float(values.max())] if bins[-1] < values.max() else bins


def _clean(bins: Sequence[float], decimals: int) -> list[float]:
    """Round bounds like the values and drop duplicates, so no label reads "5,0 bis 5,0"."""
    result: list[float] = []
    for b in sorted(round_half_up(b, decimals) for b in bins):
        if not result or b > result[-1]:
            result.append(b)
    return result


def labels(bins: Sequence[float], decimals: int) -> list[str]:
    """German class labels: "bis 5,0", "über 5,0 bis 7,5", … (upper bounds belong to their class)."""
    out = []
    for i, upper in enumerate(bins):
        text = fmt.number(upper, decimals)
        out.append(f"bis {text}" if i == 0 else f"über {fmt.number(bins[i - 1], decimals)} bis {text}")
    return out


def classify(
    values: Sequence[float], decimals: int, direction: str = "neutral", centre: float | None = None,
    breaks: Sequence[float] | None = None,
) -> Classes:
    """Classes for the rounded values of all years; ``breaks`` (from metadata) win over computed ones."""
    data = np.array([round_half_up(v, decimals) for v in values if v is not None and np.isfinite(v)])
    if not len(data):
        return Classes((), (), ())
    top = float(data.max())
    if breaks:
        bins = _clean(_user_bins(data, breaks), decimals)
        colors = SEQUENTIAL[min(len(bins), K_SEQUENTIAL)]
        colors = colors + [colors[-1]] * (len(bins) - len(colors))
        return Classes(tuple(bins), tuple(colors), tuple(labels(bins, decimals)))
    if direction == "neutral" or centre is None:
        bins = _clean(_quantile_bins(data, K_SEQUENTIAL), decimals)
        return Classes(tuple(bins), tuple(SEQUENTIAL[len(bins)]), tuple(labels(bins, decimals)))
    centre = round_half_up(centre, decimals)
    low, high = data[data <= centre], data[data > centre]
    low_bins = _clean(_quantile_bins(low, K_SIDE)[:-1] + [centre], decimals) if len(low) else []
    high_bins = _clean(_quantile_bins(high, K_SIDE), decimals) if len(high) else []
    bins = low_bins + [b for b in high_bins if not low_bins or b > low_bins[-1]]
    bins[-1] = max(bins[-1], top)
    favourable_low = direction == "higher_is_worse"
    low_colors = (FAVOURABLE if favourable_low else UNFAVOURABLE).get(len(low_bins), [])
    high_colors = (UNFAVOURABLE if favourable_low else FAVOURABLE).get(len(bins) - len(low_bins), [])
    colors = list(reversed(low_colors)) + high_colors  # darkest at both ends, lightest next to the Kreis value
    return Classes(tuple(bins), tuple(colors), tuple(labels(bins, decimals)), centre, favourable_low)
