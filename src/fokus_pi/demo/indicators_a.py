"""Demo indicators, part 1: Demographie up to Zuwanderung und Integration (catalogue order)."""

from __future__ import annotations

from .spec import ZENSUS_BREAK, Indicator, ind

SAN = "Statistikamt Nord"
EW = "Einwohnerinnen und Einwohner"
JUGENDAMT = "Kreis Pinneberg – Jugendamt"
GESUNDHEITSAMT = "Kreis Pinneberg – Gesundheitsamt (Schuleingangsuntersuchung)"
KITA = "Kreis Pinneberg – Fachdienst Kindertagesbetreuung (Kita-Datenbank)"
PLANEN = "Kreis Pinneberg – Fachdienst Planen und Bauen (Nahverkehrsplan)"

DEMOGRAPHIE: list[Indicator] = [
    ind("einwohner", "Einwohner", "Einwohnerinnen und Einwohner (31.12.)", "Personen", "demographie",
        "count", "neutral", 0, SAN,
        "Zahl der Menschen mit Hauptwohnsitz in der Gemeinde am Jahresende. Sie ist die Bezugsgröße für "
        "fast alle anderen Kennzahlen.",
        special="pop", breaks=(ZENSUS_BREAK,)),
    ind("bevoelkerungsentwicklung", "Bevölkerungsentwicklung", "Bevölkerungsentwicklung (Index 2015 = 100)",
        "Index", "demographie", "index", "neutral", 1, SAN,
        "Einwohnerzahl im Verhältnis zum Jahr 2015. Werte über 100 zeigen Wachstum, Werte unter 100 "
        "einen Rückgang der Bevölkerung.",
        special="popindex", breaks=(ZENSUS_BREAK,)),
    ind("anteil-unter-18", "Anteil unter 18", "Anteil der unter 18-Jährigen an der Bevölkerung", "%",
        "demographie", "share", "neutral", 1, SAN,
        "Anteil der Kinder und Jugendlichen an allen Einwohnerinnen und Einwohnern. Er zeigt, wie groß "
        "der Bedarf an Kitas, Schulen und Angeboten für junge Menschen ist.",
        numerator="Einwohnerinnen und Einwohner unter 18 Jahren", denominator=EW,
        num="u18", den="pop", ref=(0.95, 0.97)),
    ind("anteil-65-plus", "Anteil 65 und älter", "Anteil der 65-Jährigen und Älteren an der Bevölkerung",
        "%", "demographie", "share", "neutral", 1, SAN,
        "Anteil der älteren Menschen an der Bevölkerung. Er ist eine Grundlage für die Planung von "
        "Pflege, Seniorenarbeit und barrierefreier Infrastruktur.",
        numerator="Einwohnerinnen und Einwohner ab 65 Jahren", denominator=EW,
        num="a65", den="pop", ref=(1.06, 0.98)),
    ind("anteil-80-plus", "Anteil Hochaltrige", "Anteil der 80-Jährigen und Älteren an der Bevölkerung",
        "%", "demographie", "share", "neutral", 1, SAN,
        "Anteil der hochaltrigen Menschen. In dieser Altersgruppe steigt der Bedarf an Pflege und "
        "Unterstützung im Alltag deutlich an.",
        numerator="Einwohnerinnen und Einwohner ab 80 Jahren", denominator=EW,
        num="a80", den="pop", ref=(1.04, 0.97)),
    ind("jugendquotient", "Jugendquotient", "Jugendquotient (unter 20-Jährige je 100 Personen von 20 bis 64)",
        "je 100", "demographie", "rate", "neutral", 1, SAN,
        "Zahl der unter 20-Jährigen je 100 Personen im erwerbsfähigen Alter. Der Quotient beschreibt, "
        "wie viele junge Menschen die mittlere Generation rechnerisch versorgt.",
        numerator="Einwohnerinnen und Einwohner unter 20 Jahren",
        denominator="Einwohnerinnen und Einwohner von 20 bis unter 65 Jahren", per=100,
        num="u20", den="a20_64", ref=(0.97, 0.99)),
    ind("altenquotient", "Altenquotient", "Altenquotient (65-Jährige und Ältere je 100 Personen von 20 bis 64)",
        "je 100", "demographie", "rate", "neutral", 1, SAN,
        "Zahl der Menschen ab 65 Jahren je 100 Personen im erwerbsfähigen Alter. Ein steigender "
        "Altenquotient zeigt die Alterung der Bevölkerung.",
        numerator="Einwohnerinnen und Einwohner ab 65 Jahren",
        denominator="Einwohnerinnen und Einwohner von 20 bis unter 65 Jahren", per=100,
        num="a65", den="a20_64", ref=(1.08, 0.99)),
    ind("durchschnittsalter", "Durchschnittsalter", "Durchschnittsalter der Bevölkerung", "Jahre",
        "demographie", "index", "neutral", 1, SAN,
        "Mittleres Alter aller Einwohnerinnen und Einwohner. Es fasst die Altersstruktur einer Gemeinde "
        "in einer Zahl zusammen.",
        special="mean_age", ref=(1.01, 0.99)),
    ind("geburtenrate", "Geburtenrate", "Lebendgeborene je 1.000 Frauen von 15 bis 44 Jahren", "je 1.000",
        "demographie", "rate", "neutral", 1, SAN,
        "Zahl der Lebendgeborenen bezogen auf die Frauen im gebärfähigen Alter. Sie zeigt, wie sich der "
        "Bedarf an Hebammen, Kitas und Familienangeboten entwickeln wird.",
        numerator="Lebendgeborene", denominator="Frauen von 15 bis unter 45 Jahren",
        den="w15_44", level=52.0, trend="births", load={"fam": 0.12, "mig": 0.05}, noise=0.05,
        ref=(0.98, 1.0)),
    ind("wanderungssaldo", "Wanderungssaldo", "Wanderungssaldo je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "demographie", "index", "neutral", 1, SAN,
        "Zuzüge minus Fortzüge über die Gemeindegrenze je 1.000 Einwohnerinnen und Einwohner. Positive "
        "Werte bedeuten, dass mehr Menschen zu- als fortziehen.",
        notes="Der Saldo kann negativ sein; er wird daher nur als Wert je 1.000 Einwohner geliefert.",
        den="pop", level=6.0, trend="migration", load={"hh": 0.6, "fam": 0.3, "isl": -2.0},
        signed=True, ref=(0.9, 0.75)),
]

INFRASTRUKTUR: list[Indicator] = [
    ind("kita-plaetze", "Kita-Plätze",
        "Genehmigte Plätze in Kindertageseinrichtungen je 100 Kinder unter 6 Jahren",
        "je 100", "infrastruktur-sozialer-angebote", "rate", "higher_is_better", 1, KITA,
        "Betreuungsplätze in Kitas im Verhältnis zur Zahl der Kinder unter 6 Jahren. Die Kennzahl zeigt, "
        "wie gut das Platzangebot zum Bedarf vor Ort passt.",
        numerator="Genehmigte Plätze in Kindertageseinrichtungen", denominator="Kinder unter 6 Jahren",
        per=100, den="u6", level=68.0, trend=0.018, load={"urb": 0.06, "fam": 0.04}, idio=0.15,
        stock=True, ref=(1.0, 0.98)),
    ind("kindertagespflege", "Kindertagespflegepersonen", "Aktive Kindertagespflegepersonen", "Personen",
        "infrastruktur-sozialer-angebote", "count", "higher_is_better", 0, JUGENDAMT,
        "Zahl der Tagesmütter und Tagesväter mit Pflegeerlaubnis. Sie ergänzen die Kitas vor allem bei der "
        "Betreuung der unter Dreijährigen.",
        den="u3", level=25.0, trend=-0.02, load={"urb": -0.1}, stock=True, ref=(1.1, 1.3)),
    ind("beratungsstellen", "Beratungsstellen", "Soziale Beratungsstellen je 10.000 Einwohnerinnen und Einwohner",
        "je 10.000", "infrastruktur-sozialer-angebote", "rate", "higher_is_better", 1,
        "Kreis Pinneberg – Sozialplanung (Angebotsdatenbank)",
        "Zahl der Beratungsstellen (z. B. Familien-, Sucht-, Migrations- und Sozialberatung) am Ort. "
        "Kurze Wege erleichtern den Zugang zu Hilfe.",
        numerator="Soziale Beratungsstellen", denominator=EW, per=10000,
        den="pop", level=3.2, trend=0.01, load={"urb": 0.5, "dep": 0.2}, stock=True, ref=(1.05, 1.1)),
    ind("jugendeinrichtungen", "Jugendeinrichtungen", "Einrichtungen der offenen Kinder- und Jugendarbeit",
        "Anzahl", "infrastruktur-sozialer-angebote", "count", "higher_is_better", 0, JUGENDAMT,
        "Zahl der Jugendzentren, Jugendtreffs und Spielmobile mit festem Standort. Sie bieten jungen "
        "Menschen Freizeit, Beratung und Beteiligung außerhalb der Schule.",
        den="u21", level=0.6, trend=0.005, load={"urb": 0.3}, stock=True, ref=(1.1, 1.2)),
    ind("familienzentren", "Familienzentren", "Familienzentren", "Anzahl", "infrastruktur-sozialer-angebote",
        "count", "higher_is_better", 0, "Kreis Pinneberg – Jugendamt (Landesprogramm Familienzentren)",
        "Zahl der vom Land geförderten Familienzentren. Sie bündeln Angebote für Eltern und Kinder an "
        "einem gut erreichbaren Ort.",
        den="u6", level=0.9, trend=0.07, load={"urb": 0.4, "dep": 0.3}, stock=True, ref=(1.0, 1.1)),
    ind("schulsozialarbeit", "Schulsozialarbeit",
        "Fachkräfte der Schulsozialarbeit je 1.000 Schülerinnen und Schüler",
        "je 1.000", "infrastruktur-sozialer-angebote", "rate", "higher_is_better", 1, JUGENDAMT,
        "Zahl der Schulsozialarbeiterinnen und Schulsozialarbeiter bezogen auf die Kinder und "
        "Jugendlichen im Schulalter. Schulsozialarbeit hilft früh bei Problemen in Schule und Familie.",
        numerator="Fachkräfte der Schulsozialarbeit",
        denominator="Kinder und Jugendliche von 6 bis unter 18 Jahren",
        den="a6_17", level=1.6, trend=0.05, load={"urb": 0.3, "dep": 0.2}, stock=True, ref=(1.05, 1.1)),
    ind("hilfen-zur-erziehung", "Hilfen zur Erziehung",
        "Hilfen zur Erziehung je 1.000 Einwohnerinnen und Einwohner unter 21 Jahren", "je 1.000",
        "infrastruktur-sozialer-angebote", "rate", "higher_is_worse", 1, JUGENDAMT,
        "Laufende und beendete Hilfen zur Erziehung nach §§ 27 ff. SGB VIII bezogen auf die jungen "
        "Menschen. Hohe Werte weisen auf einen hohen Unterstützungsbedarf von Familien hin.",
        numerator="Hilfen zur Erziehung (Fälle)", denominator="Einwohnerinnen und Einwohner unter 21 Jahren",
        den="u21", level=24.0, trend=0.015, load={"dep": 0.35, "urb": 0.1}, revise=(2023, 2024),
        ref=(1.12, 1.18)),
    ind("inobhutnahmen", "Inobhutnahmen", "Inobhutnahmen von Kindern und Jugendlichen", "Anzahl",
        "infrastruktur-sozialer-angebote", "count", "higher_is_worse", 0, JUGENDAMT,
        "Zahl der vorläufigen Schutzmaßnahmen des Jugendamts nach § 42 SGB VIII. Enthalten sind auch "
        "unbegleitet eingereiste Minderjährige.",
        den="u18", level=2.8, trend="custody", load={"dep": 0.4, "urb": 0.1}, ref=(1.1, 1.2)),
    ind("fruehe-hilfen", "Frühe Hilfen", "Von den Frühen Hilfen erreichte Familien je 100 Geburten", "%",
        "infrastruktur-sozialer-angebote", "share", "higher_is_better", 1,
        "Kreis Pinneberg – Jugendamt (Netzwerk Frühe Hilfen)",
        "Anteil der Familien mit Neugeborenen, die ein Angebot der Frühen Hilfen (z. B. Willkommensbesuch, "
        "Familienhebamme) genutzt haben. Die Kennzahl zeigt, wie gut junge Familien erreicht werden.",
        numerator="Von den Frühen Hilfen erreichte Familien", denominator="Lebendgeborene",
        den="@geburtenrate", level=30.0, trend=0.03, load={"dep": 0.2}, new=True, ref=(0.95, 0.9)),
]

MOBILITAET: list[Indicator] = [
    ind("pkw-dichte", "Pkw-Dichte", "Pkw je 1.000 Einwohnerinnen und Einwohner", "je 1.000", "mobilitaet",
        "rate", "neutral", 0, "Kraftfahrt-Bundesamt",
        "Zahl der zugelassenen Pkw bezogen auf die Bevölkerung. Hohe Werte zeigen, wie stark der Alltag "
        "vom Auto abhängt.",
        numerator="Zugelassene Personenkraftwagen", denominator=EW, notes="Helgoland ist autofrei.",
        den="pop", level=545.0, trend=0.006, load={"urb": -0.06, "affl": 0.04}, noise=0.01,
        island=True, stock=True, ref=(1.02, 1.06)),
    ind("oepnv-erreichbarkeit", "ÖPNV-Erreichbarkeit",
        "Bevölkerung mit gut bedienter ÖPNV-Haltestelle in Fußwegentfernung", "%", "mobilitaet", "share",
        "higher_is_better", 1, PLANEN,
        "Anteil der Einwohnerinnen und Einwohner, die in höchstens 600 Metern eine Haltestelle mit "
        "mindestens 20 Abfahrten je Werktag erreichen. Gute Anbindung ermöglicht Teilhabe ohne Auto.",
        numerator="Einwohnerinnen und Einwohner im Einzugsbereich", denominator=EW,
        den="pop", level=72.0, trend=0.008, load={"urb": 0.12, "hh": 0.05}, noise=0.01, island=True,
        stock=True, ref=(0.95, 1.0)),
    ind("oepnv-abfahrten", "ÖPNV-Abfahrten", "Abfahrten im ÖPNV je Werktag je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "mobilitaet", "rate", "higher_is_better", 1, PLANEN,
        "Zahl der Bus- und Bahnabfahrten an allen Haltestellen der Gemeinde an einem Werktag, bezogen "
        "auf die Bevölkerung. Die Kennzahl beschreibt das Angebot im Nahverkehr.",
        numerator="Abfahrten je Werktag", denominator=EW,
        den="pop", level=38.0, trend=0.01, load={"urb": 0.3}, island=True, stock=True, ref=(0.9, 1.0)),
    ind("pendeldistanz", "Pendeldistanz", "Durchschnittliche Pendeldistanz der Beschäftigten am Wohnort",
        "km", "mobilitaet", "index", "neutral", 1, "Bundesagentur für Arbeit, Pendlerstatistik",
        "Mittlere Luftlinienentfernung zwischen Wohnort und Arbeitsort der sozialversicherungspflichtig "
        "Beschäftigten. Lange Wege kosten Zeit und Geld.",
        level=17.5, trend=0.005, load={"urb": -0.08, "hh": -0.05, "isl": -2.5}, ref=(1.05, 1.0)),
    ind("verkehrsunfaelle", "Verkehrsunfälle",
        "Straßenverkehrsunfälle mit Personenschaden je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "mobilitaet", "rate", "higher_is_worse", 1, SAN,
        "Polizeilich erfasste Unfälle, bei denen Menschen verletzt oder getötet wurden, bezogen auf die "
        "Bevölkerung. Die Kennzahl ist ein Hinweis auf die Verkehrssicherheit vor Ort.",
        numerator="Unfälle mit Personenschaden", denominator=EW,
        den="pop", level=3.6, trend=-0.015, load={"urb": 0.05, "isl": -2.0}, ref=(1.05, 1.1)),
    ind("ladepunkte", "Ladepunkte",
        "Öffentliche Ladepunkte für Elektrofahrzeuge je 10.000 Einwohnerinnen und Einwohner",
        "je 10.000", "mobilitaet", "rate", "higher_is_better", 1, "Bundesnetzagentur, Ladesäulenregister",
        "Zahl der öffentlich zugänglichen Ladepunkte bezogen auf die Bevölkerung. Sie zeigt den Stand "
        "der Ladeinfrastruktur für die Elektromobilität.",
        numerator="Öffentliche Ladepunkte", denominator=EW, per=10000,
        den="pop", level=0.6, trend="charging", load={"affl": 0.3, "urb": 0.2}, idio=0.3, new=True,
        stock=True, ref=(1.1, 1.2)),
]

GESUNDHEIT: list[Indicator] = [
    ind("pflegebeduerftige", "Pflegebedürftige", "Pflegebedürftige je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "gesundheitsversorgung-und-pflege", "rate", "neutral", 1, SAN + " (Pflegestatistik)",
        "Zahl der Menschen mit anerkanntem Pflegegrad bezogen auf die Bevölkerung. Die Kennzahl zeigt den "
        "Bedarf an ambulanter und stationärer Pflege sowie an Unterstützung für pflegende Angehörige.",
        numerator="Pflegebedürftige", denominator=EW,
        notes="Die Pflegestatistik erscheint mit Verzögerung; der jüngste Jahrgang folgt.",
        breaks=((2017, "Ab 2017 Pflegegrade statt Pflegestufen (Pflegestärkungsgesetz II)."),),
        den="pop", level=34.0, trend="care", load={"old": 0.2, "dep": 0.1}, pending_latest=True,
        ref=(1.08, 1.15)),
    ind("pflegequote-80-plus", "Pflegequote 80+",
        "Pflegebedürftige 80-Jährige und Ältere je 100 Einwohner dieser Altersgruppe",
        "%", "gesundheitsversorgung-und-pflege", "share", "neutral", 1, SAN + " (Pflegestatistik)",
        "Anteil der hochaltrigen Menschen mit anerkanntem Pflegegrad. Die Quote hilft, den künftigen "
        "Pflegebedarf abzuschätzen.",
        numerator="Pflegebedürftige ab 80 Jahren", denominator="Einwohnerinnen und Einwohner ab 80 Jahren",
        notes="Die Pflegestatistik erscheint mit Verzögerung; der jüngste Jahrgang folgt.",
        breaks=((2017, "Ab 2017 Pflegegrade statt Pflegestufen (Pflegestärkungsgesetz II)."),),
        den="a80", level=33.0, trend="care80", load={"dep": 0.1, "urb": 0.05}, pending_latest=True,
        ref=(1.04, 1.08)),
    ind("hausaerzte", "Hausärzte", "Hausärztinnen und Hausärzte je 100.000 Einwohnerinnen und Einwohner",
        "je 100.000", "gesundheitsversorgung-und-pflege", "rate", "higher_is_better", 1,
        "Kassenärztliche Vereinigung Schleswig-Holstein",
        "Zahl der an der hausärztlichen Versorgung teilnehmenden Ärztinnen und Ärzte mit Praxissitz in "
        "der Gemeinde. Die Hausarztpraxis ist die erste Anlaufstelle im Gesundheitssystem.",
        numerator="Hausärztinnen und Hausärzte", denominator=EW, per=100000,
        den="pop", level=62.0, trend=-0.01, load={"urb": 0.4, "isl": 1.0}, idio=0.2, stock=True, ref=(1.05, 1.03)),
    ind("pflegeheimplaetze", "Pflegeheimplätze",
        "Plätze in vollstationären Pflegeeinrichtungen je 1.000 Einwohner ab 65",
        "je 1.000", "gesundheitsversorgung-und-pflege", "rate", "higher_is_better", 1,
        "Kreis Pinneberg – Heimaufsicht",
        "Verfügbare Dauerpflegeplätze bezogen auf die ältere Bevölkerung. Die Kennzahl zeigt, ob "
        "Pflegeplätze wohnortnah vorhanden sind.",
        numerator="Vollstationäre Pflegeplätze", denominator="Einwohnerinnen und Einwohner ab 65 Jahren",
        den="a65", level=48.0, trend=0.005, load={"urb": 0.5, "old": 0.1}, idio=0.3, stock=True, ref=(1.1, 1.05)),
    ind("uebergewicht-einschulung", "Übergewicht bei Einschulung",
        "Übergewichtige Kinder bei der Schuleingangsuntersuchung", "%", "gesundheitsversorgung-und-pflege",
        "share", "higher_is_worse", 1, GESUNDHEITSAMT,
        "Anteil der untersuchten Einschulkinder mit Übergewicht oder Adipositas. Übergewicht im "
        "Kindesalter hängt eng mit Bewegung, Ernährung und sozialer Lage zusammen.",
        numerator="Übergewichtige Einschulkinder", denominator="Untersuchte Einschulkinder",
        den="einschueler", level=9.5, trend=0.01, load={"dep": 0.3}, ref=(1.05, 1.1)),
    ind("masern-impfquote", "Masern-Impfquote", "Einschulkinder mit vollständigem Masern-Impfschutz", "%",
        "gesundheitsversorgung-und-pflege", "share", "higher_is_better", 1, GESUNDHEITSAMT,
        "Anteil der Einschulkinder mit zwei dokumentierten Masernimpfungen. Für den Gemeinschaftsschutz "
        "wird eine Quote von mindestens 95 Prozent angestrebt.",
        numerator="Einschulkinder mit zwei Masernimpfungen", denominator="Untersuchte Einschulkinder",
        den="einschueler", level=92.5, trend=0.004, load={"dep": -0.01}, idio=0.01, noise=0.005,
        ref=(1.0, 0.99)),
]

WOHNEN: list[Indicator] = [
    ind("wohngeldhaushalte", "Wohngeldhaushalte", "Haushalte mit Wohngeld je 1.000 Haushalte", "je 1.000",
        "wohnen", "rate", "higher_is_worse", 1, SAN + " (Wohngeldstatistik)",
        "Zahl der Haushalte, die Wohngeld erhalten, bezogen auf alle Haushalte. Die Kennzahl zeigt, wie "
        "viele Haushalte ihre Wohnkosten nicht allein tragen können.",
        numerator="Wohngeldhaushalte", denominator="Privathaushalte",
        breaks=((2023, "Ab 2023 Wohngeld-Plus-Reform mit deutlich erweitertem Kreis der Berechtigten."),),
        den="haushalte", level=11.0, trend="housing_benefit", load={"dep": 0.35, "old": 0.1},
        ref=(1.1, 1.15)),
    ind("sozialwohnungen", "Sozialwohnungen", "Mietpreis- und belegungsgebundene Wohnungen", "Anzahl",
        "wohnen", "count", "higher_is_better", 0, "Investitionsbank Schleswig-Holstein",
        "Zahl der geförderten Wohnungen mit Miet- und Belegungsbindung. Sie stehen Haushalten mit "
        "Wohnberechtigungsschein offen.",
        den="haushalte", level=28.0, trend=-0.025, load={"urb": 0.6, "dep": 0.3}, idio=0.3,
        zero_nothing=True, stock=True, ref=(1.3, 1.4)),
    ind("baufertigstellungen", "Baufertigstellungen",
        "Fertiggestellte Wohnungen je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "wohnen", "rate", "higher_is_better", 1, SAN + " (Bautätigkeitsstatistik)",
        "Neu fertiggestellte Wohnungen in Wohn- und Nichtwohngebäuden bezogen auf die Bevölkerung. Die "
        "Kennzahl zeigt, wie stark das Wohnungsangebot wächst.",
        numerator="Fertiggestellte Wohnungen", denominator=EW,
        den="pop", level=3.0, trend="construction", load={"fam": 0.2, "hh": 0.1}, noise=0.25, idio=0.3,
        revise=(2023, 2024), ref=(1.0, 0.95)),
    ind("wohnflaeche", "Wohnfläche je Einwohner", "Wohnfläche je Einwohnerin und Einwohner", "m²", "wohnen",
        "rate", "neutral", 1, SAN + " (Gebäude- und Wohnungsfortschreibung)",
        "Wohnfläche aller Wohnungen geteilt durch die Zahl der Einwohnerinnen und Einwohner. Sie ist ein "
        "einfaches Maß für die Wohnraumversorgung.",
        numerator="Wohnfläche in m²", denominator=EW, per=1,
        den="pop", level=44.5, trend=0.004, load={"urb": -0.06, "old": 0.04, "affl": 0.03}, noise=0.004,
        idio=0.04, drift=0.002, stock=True, ref=(1.05, 1.07)),
    ind("angebotsmiete", "Angebotsmiete", "Durchschnittliche Angebotsmiete (nettokalt) je m²", "€/m²", "wohnen",
        "amount", "higher_is_worse", 2, "Immobilienportale, Auswertung Kreis Pinneberg – Sozialplanung",
        "Mittlere Nettokaltmiete der inserierten Mietwohnungen je Quadratmeter. Steigende Angebotsmieten "
        "erschweren Haushalten mit geringem Einkommen die Wohnungssuche.",
        numerator="Summe der angebotenen Nettokaltmieten in €", denominator="Angebotene Wohnfläche in m²",
        den="haushalte", den_scale=4.2, level=9.8, trend=0.035, load={"hh": 0.08, "affl": 0.05, "urb": 0.03},
        noise=0.02, idio=0.04, ref=(0.95, 1.05)),
    ind("wohnungslose", "Wohnungslose",
        "Untergebrachte wohnungslose Personen je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "wohnen", "rate", "higher_is_worse", 1, "Kreis Pinneberg – Sozialamt",
        "Menschen ohne eigene Wohnung, die von Gemeinden oder Trägern untergebracht sind, bezogen auf "
        "die Bevölkerung. Die Kennzahl ist ein Hinweis auf Engpässe am Wohnungsmarkt.",
        numerator="Untergebrachte wohnungslose Personen", denominator=EW,
        den="pop", level=1.4, trend=0.06, load={"urb": 0.4, "dep": 0.4}, ref=(1.1, 1.3)),
    ind("kdu-je-bedarfsgemeinschaft", "Kosten der Unterkunft je BG",
        "Monatliche Kosten der Unterkunft und Heizung je Bedarfsgemeinschaft", "€", "wohnen", "amount",
        "neutral", 0, "Bundesagentur für Arbeit, Statistik der Grundsicherung für Arbeitsuchende",
        "Anerkannte laufende Kosten für Miete und Heizung je Bedarfsgemeinschaft im SGB II. Die Kennzahl "
        "spiegelt das Mietniveau für einfache Wohnungen wider.",
        numerator="Anerkannte Kosten der Unterkunft und Heizung in €", denominator="Bedarfsgemeinschaften",
        den="@bedarfsgemeinschaften", level=560.0, trend=0.035, load={"hh": 0.08, "affl": 0.04},
        noise=0.02, idio=0.05, ref=(0.92, 0.98)),
]

ZUWANDERUNG: list[Indicator] = [
    ind("auslaenderanteil", "Ausländeranteil", "Anteil der Einwohner ohne deutsche Staatsangehörigkeit", "%",
        "zuwanderung-und-integration", "share", "neutral", 1, SAN,
        "Anteil der Menschen mit ausschließlich ausländischer Staatsangehörigkeit an der Bevölkerung. Er "
        "gibt Hinweise auf den Bedarf an Sprach- und Integrationsangeboten.",
        numerator="Ausländerinnen und Ausländer", denominator=EW, breaks=(ZENSUS_BREAK,),
        den="pop", level=7.2, trend="foreigners", load={"mig": 0.35, "urb": 0.1}, ref=(0.85, 1.3)),
    ind("schutzsuchende", "Schutzsuchende", "Schutzsuchende je 1.000 Einwohnerinnen und Einwohner", "je 1.000",
        "zuwanderung-und-integration", "rate", "neutral", 1,
        "Kreis Pinneberg – Zuwanderungsbehörde",
        "Menschen, die sich unter Berufung auf humanitäre Gründe in Deutschland aufhalten, bezogen auf "
        "die Bevölkerung. Die Kennzahl zeigt den Bedarf an Unterbringung, Beratung und Sprachkursen.",
        numerator="Schutzsuchende", denominator=EW,
        den="pop", level=13.0, trend="refugees", load={"mig": 0.3, "urb": 0.1}, ref=(1.05, 1.25)),
    ind("einbuergerungen", "Einbürgerungen", "Einbürgerungen", "Anzahl", "zuwanderung-und-integration",
        "count", "higher_is_better", 0, "Kreis Pinneberg – Einbürgerungsbehörde",
        "Zahl der Menschen, die im Jahr die deutsche Staatsangehörigkeit erhalten haben. Einbürgerung ist "
        "ein wichtiger Schritt der Integration.",
        den="pop", level=0.9, trend="naturalisation", load={"mig": 0.4}, noise=0.08, ref=(1.0, 1.3)),
    ind("integrationskurse", "Integrationskurse", "Neue Teilnehmende an Integrationskursen", "Personen",
        "zuwanderung-und-integration", "count", "neutral", 0, "Bundesamt für Migration und Flüchtlinge",
        "Zahl der Menschen, die im Jahr einen Integrationskurs begonnen haben, nach Wohnort. Die Kurse "
        "vermitteln Sprache und Orientierung.",
        den="pop", level=2.3, trend="integration", load={"mig": 0.5, "urb": 0.2}, ref=(1.05, 1.3)),
    ind("nichtdeutsche-familiensprache", "Nichtdeutsche Familiensprache",
        "Kita-Kinder ab 3 Jahren mit nichtdeutscher Familiensprache", "%", "zuwanderung-und-integration",
        "share", "neutral", 1, KITA,
        "Anteil der betreuten Kinder von drei Jahren bis zum Schuleintritt, in deren Familie vorwiegend "
        "nicht Deutsch gesprochen wird. Die Kennzahl zeigt den Bedarf an alltagsintegrierter Sprachbildung.",
        numerator="Kita-Kinder mit nichtdeutscher Familiensprache",
        denominator="Kinder von 3 bis unter 6 Jahren in Kindertageseinrichtungen",
        den="@betreuungsquote-ue3", level=18.0, trend=0.03, load={"mig": 0.45}, ref=(0.9, 1.3)),
    ind("asylbewerberleistungen", "Asylbewerberleistungen",
        "Empfängerinnen und Empfänger von Asylbewerberleistungen je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "zuwanderung-und-integration", "rate", "neutral", 1, SAN,
        "Menschen mit Regelleistungen nach dem Asylbewerberleistungsgesetz bezogen auf die Bevölkerung. "
        "Die Kennzahl zeigt, wie viele Geflüchtete noch im Asylverfahren sind.",
        numerator="Empfängerinnen und Empfänger von Regelleistungen", denominator=EW,
        den="pop", level=5.5, trend="asylum", load={"mig": 0.3, "urb": 0.2, "isl": -2.0}, ref=(1.05, 1.1)),
]
