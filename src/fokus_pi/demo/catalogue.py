"""The demo catalogue: twelve fields and their indicators, in the order readers see them."""

from __future__ import annotations

from .indicators_a import DEMOGRAPHIE, GESUNDHEIT, INFRASTRUKTUR, MOBILITAET, WOHNEN, ZUWANDERUNG
from .indicators_b import ARBEIT, ARMUT, BILDUNG, FINANZEN_, INKLUSION, SOZIALES_LEBEN
from .spec import Field, Indicator

FIELDS: list[Field] = [
    Field("demographie", "Demographie",
          "Wie viele Menschen leben in den Gemeinden, wie alt sind sie und wie verändert sich die "
          "Bevölkerung? Die Demographie ist die Grundlage für jede soziale Planung."),
    Field("infrastruktur-sozialer-angebote", "Infrastruktur sozialer Angebote",
          "Kitas, Beratungsstellen, Jugendhilfe und Familienzentren bilden das Netz sozialer Angebote im "
          "Kreis. Die Kennzahlen zeigen, wo Angebote vorhanden sind und wo Bedarf besteht."),
    Field("mobilitaet", "Mobilität",
          "Mobilität entscheidet darüber, ob Menschen Arbeit, Schule, Ärzte und Freizeitangebote erreichen. "
          "Betrachtet werden Auto, Bus und Bahn sowie die Wege zur Arbeit."),
    Field("gesundheitsversorgung-und-pflege", "Gesundheitsversorgung und Pflege",
          "Eine älter werdende Bevölkerung braucht mehr Pflege und eine verlässliche ärztliche Versorgung. "
          "Die Schuleingangsuntersuchung gibt zudem Hinweise auf die Gesundheit der Kinder."),
    Field("wohnen", "Wohnen",
          "Bezahlbarer Wohnraum ist im Hamburger Umland knapp. Die Kennzahlen beschreiben Mieten, "
          "Neubau, geförderte Wohnungen und Haushalte, die Unterstützung bei den Wohnkosten brauchen."),
    Field("zuwanderung-und-integration", "Zuwanderung und Integration",
          "Zuwanderung prägt die Bevölkerungsentwicklung im Kreis. Die Kennzahlen zeigen, wie viele "
          "Menschen zugewandert sind und wie Integration in Sprache, Bildung und Arbeit gelingt."),
    Field("bildung", "Bildung",
          "Bildung beginnt in der Kita und setzt sich in Schule und Weiterbildung fort. Die Kennzahlen "
          "zeigen Betreuungsquoten, Übergänge und Abschlüsse."),
    Field("inklusion", "Inklusion",
          "Inklusion heißt, dass Menschen mit Behinderungen gleichberechtigt teilhaben. Betrachtet werden "
          "Leistungen der Eingliederungshilfe, inklusive Schule und Barrierefreiheit."),
    Field("arbeit", "Arbeit",
          "Erwerbsarbeit sichert Einkommen und Teilhabe. Die Kennzahlen beschreiben Arbeitslosigkeit, "
          "Beschäftigung und Pendelverflechtungen mit Hamburg und dem Umland."),
    Field("armut", "Armut",
          "Armut schränkt Teilhabe in allen Lebensbereichen ein. Die Kennzahlen zeigen, wie viele "
          "Menschen auf Grundsicherung angewiesen sind, und wie sich Einkommen und Überschuldung entwickeln."),
    Field("soziales-leben-und-freizeit", "Soziales Leben und Freizeit",
          "Vereine, Ehrenamt und Treffpunkte halten das Gemeinwesen zusammen. Die Kennzahlen zeigen, wo "
          "Menschen sich begegnen und engagieren."),
    Field("finanzen", "Finanzen",
          "Die Finanzlage von Kreis und Gemeinden bestimmt, welche sozialen Leistungen möglich sind. "
          "Betrachtet werden Steuerkraft, Umlagen, Schulden und Sozialausgaben."),
]

INDICATORS: list[Indicator] = [
    *DEMOGRAPHIE, *INFRASTRUKTUR, *MOBILITAET, *GESUNDHEIT, *WOHNEN, *ZUWANDERUNG,
    *BILDUNG, *INKLUSION, *ARBEIT, *ARMUT, *SOZIALES_LEBEN, *FINANZEN_,
]


def _check() -> None:
    """Fail early on catalogue mistakes (duplicate ids, unknown fields, wrong field order)."""
    field_ids = [f.id for f in FIELDS]
    ids = [i.id for i in INDICATORS]
    assert len(ids) == len(set(ids)), "duplicate indicator id"
    assert all(i.field in field_ids for i in INDICATORS), "unknown field"
    positions = [field_ids.index(i.field) for i in INDICATORS]
    assert positions == sorted(positions), "indicators must follow the field order"


_check()

# Indicators whose counts are facilities, places, vehicles or professionals, not people in a social situation:
# small numbers there give nothing away, so they are exempt from disclosure control (`confidential: false`).
NOT_CONFIDENTIAL = frozenset({
    "kindertagespflege", "beratungsstellen", "jugendeinrichtungen", "familienzentren", "schulsozialarbeit",
    "pkw-dichte", "oepnv-erreichbarkeit", "oepnv-abfahrten", "verkehrsunfaelle", "ladepunkte", "hausaerzte",
    "pflegeheimplaetze", "sozialwohnungen", "baufertigstellungen", "barrierefreie-haltestellen", "spielplaetze",
    "seniorentreffs", "ehrenamtskarten", "vereine", "vhs-unterrichtsstunden", "kita-plaetze",
})
