"""What a Handlungsfeld page shows beside its indicator table: summary, interactions, key figures computed from the
data, the field's recommendations and focus groups, and the focus groups' text with its macros expanded."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .. import fmt
from ..catalogue import Field
from ..macros import Library, expand
from ..planning import FieldProfile, KeyFigure
from ..problems import Collector
from ..report import Report
from ..symbols import FLAGS, MISSING


@dataclass(frozen=True)
class KeyValue:
    label: str
    text: str
    year: int | None
    indicator: str
    area: str


def key_value(report: Report, kf: KeyFigure) -> KeyValue:
    """One key figure as printed: the newest year of the indicator, its symbol where the value is withheld."""
    ind = report.catalogue.by_id[kf.indicator]
    year = report.latest_year(kf.indicator)
    row = report.row(kf.indicator, kf.area, year) if year is not None else None
    area_name = report.register.area_name(kf.area)
    if row is None:
        return KeyValue(kf.label, MISSING[0], year, kf.indicator, area_name)
    value = row["value"] if kf.part == "value" else row[kf.part]
    if row["flag"] or value is None or (isinstance(value, float) and math.isnan(value)):
        text = FLAGS[row["flag"]][0] if row["flag"] in FLAGS else MISSING[0]
    elif kf.part == "value":
        text = fmt.with_unit(value, ind.decimals, "" if ind.unit == "Anzahl" else ind.unit)
    else:
        text = fmt.with_unit(value, 0, kf.unit)
    return KeyValue(kf.label, text, year, kf.indicator, area_name)


def profile_text(report: Report, profile: FieldProfile, out: Collector) -> str:
    """The focus groups' text with its macros; problems are reported at their line in handlungsfelder.yml."""
    planning = report.planning
    assert planning is not None and planning.profiles_path is not None
    return expand(profile.text, Library(report, base="../../"), planning.profiles_path, out,
                  first_line=profile.text_line, column_offset=4)


def check_texts(report: Report) -> Collector:
    """Expand every profile text once, only to collect the problems (run before pages are planned)."""
    out = Collector(root=report.data_dir)
    if report.planning is not None:
        for profile in report.planning.profiles.values():
            if profile.text:
                profile_text(report, profile, out)
    return out


def extras(report: Report, field: Field) -> dict:
    """Template context for the planning parts of a Handlungsfeld page (empty when there is no planning data)."""
    planning = report.planning
    if planning is None:
        return {"profile": None}
    profile = planning.profiles.get(field.id)
    titles = {f.id: f.title for f in report.catalogue.fields}
    text = ""
    if profile is not None and profile.text:
        out = Collector(root=planning.profiles_path.parent if planning.profiles_path else None)  # the data folder
        text = profile_text(report, profile, out)
        out.raise_if_any()
    return {
        "profile": profile,
        "key_values": [key_value(report, kf) for kf in profile.key_figures] if profile else [],
        "interactions": [(titles[i.field], i.field, i.text) for i in profile.interactions] if profile else [],
        "recommendations": sorted(planning.for_field(field.id), key=lambda r: (-r.year, r.id)),
        "groups": planning.groups_for_field(field.id),
        "group_text": text,
    }
