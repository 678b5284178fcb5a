"""Demo indicators, part 2: Bildung up to Finanzen (catalogue order)."""

from __future__ import annotations

from .spec import Indicator, ind

SAN = "Statistikamt Nord"
EW = "Einwohnerinnen und Einwohner"
BA_GRUSI = "Bundesagentur für Arbeit, Statistik der Grundsicherung für Arbeitsuchende"
BA_ALO = "Bundesagentur für Arbeit, Arbeitsmarktstatistik"
BA_BESCH = "Bundesagentur für Arbeit, Beschäftigungsstatistik"
BILDUNGSMINISTERIUM = "Ministerium für Allgemeine und Berufliche Bildung Schleswig-Holstein"
GESUNDHEITSAMT = "Kreis Pinneberg – Gesundheitsamt (Schuleingangsuntersuchung)"
EINGLIEDERUNG = "Kreis Pinneberg – Fachdienst Eingliederungshilfe"
FINANZEN = "Kreis Pinneberg – Fachdienst Finanzen"

BILDUNG: list[Indicator] = [
    ind("betreuungsquote-u3", "Betreuungsquote U3", "Betreuungsquote der Kinder unter 3 Jahren", "%",
        "bildung", "share", "higher_is_better", 1, SAN + " (Kinder- und Jugendhilfestatistik)",
        "Anteil der Kinder unter drei Jahren in einer Kita oder in Kindertagespflege. Frühe Bildung "
        "verbessert Chancen und erleichtert Eltern die Erwerbstätigkeit.",
        numerator="Betreute Kinder unter 3 Jahren", denominator="Kinder unter 3 Jahren",
        den="u3", level=31.0, trend=0.035, load={"urb": 0.05, "hh": 0.05, "fam": -0.03}, ref=(1.0, 1.05)),
    ind("betreuungsquote-ue3", "Betreuungsquote Ü3", "Betreuungsquote der Kinder von 3 bis unter 6 Jahren",
        "%", "bildung", "share", "higher_is_better", 1, SAN + " (Kinder- und Jugendhilfestatistik)",
        "Anteil der Kinder von drei Jahren bis zum Schuleintritt in einer Kita oder Kindertagespflege. "
        "Die Kita ist für viele Kinder der erste Bildungsort außerhalb der Familie.",
        numerator="Betreute Kinder von 3 bis unter 6 Jahren", denominator="Kinder von 3 bis unter 6 Jahren",
        den="a3_5", level=91.0, trend=0.002, load={"mig": -0.02}, idio=0.015, noise=0.01, ref=(1.0, 1.0)),
    ind("uebergang-gymnasium", "Übergangsquote Gymnasium", "Übergänge von der Grundschule auf ein Gymnasium",
        "%", "bildung", "share", "neutral", 1, BILDUNGSMINISTERIUM,
        "Anteil der Viertklässlerinnen und Viertklässler, die auf ein Gymnasium wechseln. Die Quote hängt "
        "stark vom Bildungshintergrund der Eltern ab.",
        numerator="Übergänge auf ein Gymnasium", denominator="Schülerinnen und Schüler der 4. Klassen",
        den="klasse4", level=46.0, trend=0.004, load={"affl": 0.15, "dep": -0.1}, unsure_below=5,
        ref=(0.95, 0.92)),
    ind("ohne-abschluss", "Schulabgänger ohne Abschluss",
        "Schulabgängerinnen und Schulabgänger ohne Ersten allgemeinbildenden Schulabschluss",
        "%", "bildung", "share", "higher_is_worse", 1, SAN + " (Schulstatistik)",
        "Anteil der Jugendlichen, die die allgemeinbildende Schule ohne Abschluss verlassen, nach Wohnort. "
        "Ohne Abschluss ist der Weg in Ausbildung und Arbeit deutlich schwerer.",
        numerator="Abgängerinnen und Abgänger ohne Abschluss", denominator="Abgängerinnen und Abgänger insgesamt",
        den="schulabgaenger", level=6.8, trend=0.012, load={"dep": 0.35}, ref=(1.15, 1.0)),
    ind("sprachfoerderbedarf", "Sprachförderbedarf", "Einschulkinder mit Sprachförderbedarf", "%", "bildung",
        "share", "higher_is_worse", 1, GESUNDHEITSAMT,
        "Anteil der untersuchten Einschulkinder, bei denen ein Förderbedarf in der deutschen Sprache "
        "festgestellt wurde. Sprache ist der Schlüssel für einen guten Schulstart.",
        numerator="Einschulkinder mit Sprachförderbedarf", denominator="Untersuchte Einschulkinder",
        den="einschueler", level=21.0, trend=0.025, load={"mig": 0.3, "dep": 0.15}, unsure_below=5,
        ref=(1.02, 1.05)),
    ind("vhs-unterrichtsstunden", "Volkshochschule",
        "Unterrichtsstunden der Volkshochschulen je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "bildung", "rate", "higher_is_better", 0,
        "Deutsches Institut für Erwachsenenbildung (Volkshochschul-Statistik)",
        "Durchgeführte Unterrichtsstunden der Volkshochschulen bezogen auf die Bevölkerung. Sie zeigen "
        "das Angebot an Weiterbildung für Erwachsene vor Ort.",
        numerator="Unterrichtsstunden", denominator=EW,
        den="pop", level=310.0, trend="courses", load={"urb": 0.3}, idio=0.3, ref=(0.95, 0.9)),
    ind("ganztag", "Ganztagsbetreuung Grundschule", "Grundschulkinder in Ganztagsangeboten", "%", "bildung",
        "share", "higher_is_better", 1, BILDUNGSMINISTERIUM,
        "Anteil der Grundschulkinder, die ein offenes oder gebundenes Ganztagsangebot nutzen. Ab 2026 "
        "besteht schrittweise ein Rechtsanspruch auf Ganztagsbetreuung.",
        numerator="Grundschulkinder im Ganztag", denominator="Kinder von 6 bis unter 10 Jahren",
        den="a6_9", level=38.0, trend=0.05, load={"urb": 0.1}, idio=0.15, ref=(0.95, 1.2)),
]

INKLUSION: list[Indicator] = [
    ind("schwerbehinderte", "Schwerbehinderte", "Anteil schwerbehinderter Menschen an der Bevölkerung", "%",
        "inklusion", "share", "neutral", 1, "Landesamt für soziale Dienste Schleswig-Holstein",
        "Anteil der Menschen mit einem anerkannten Grad der Behinderung von mindestens 50. Er zeigt, wie "
        "viele Menschen auf barrierefreie Angebote und Nachteilsausgleiche angewiesen sind.",
        numerator="Schwerbehinderte Menschen", denominator=EW,
        den="pop", level=7.0, trend=0.004, load={"old": 0.15, "dep": 0.1}, ref=(1.26, 1.29)),
    ind("eingliederungshilfe", "Eingliederungshilfe",
        "Leistungsberechtigte der Eingliederungshilfe je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "inklusion", "rate", "neutral", 1, EINGLIEDERUNG,
        "Menschen mit Behinderungen, die Leistungen der Eingliederungshilfe nach dem SGB IX erhalten, "
        "bezogen auf die Bevölkerung. Die Leistungen sichern Teilhabe an Arbeit, Bildung und "
        "Gemeinschaft.",
        numerator="Leistungsberechtigte der Eingliederungshilfe", denominator=EW,
        den="pop", level=7.5, trend=0.02, load={"urb": 0.1, "dep": 0.1}, ref=(1.1, 1.05)),
    ind("inklusive-beschulung", "Inklusive Beschulung",
        "Schülerinnen und Schüler mit Förderbedarf an Regelschulen",
        "%", "inklusion", "share", "higher_is_better", 1, BILDUNGSMINISTERIUM,
        "Anteil der Schülerinnen und Schüler mit sonderpädagogischem Förderbedarf, die eine allgemeine "
        "Schule statt einer Förderschule besuchen.",
        numerator="Inklusiv beschulte Schülerinnen und Schüler",
        denominator="Schülerinnen und Schüler mit sonderpädagogischem Förderbedarf",
        den="foerderschueler", level=62.0, trend=0.01, load={"urb": 0.05}, ref=(1.05, 1.2)),
    ind("werkstattbeschaeftigte", "Werkstattbeschäftigte",
        "Beschäftigte in Werkstätten für behinderte Menschen je 1.000 Einwohner von 18 bis 64", "je 1.000",
        "inklusion", "rate", "neutral", 1, EINGLIEDERUNG,
        "Menschen mit Behinderungen im Arbeitsbereich einer Werkstatt, nach Wohnort, bezogen auf die "
        "Bevölkerung im erwerbsfähigen Alter.",
        numerator="Werkstattbeschäftigte", denominator="Einwohnerinnen und Einwohner von 18 bis unter 65 Jahren",
        den="a18_64", level=5.2, trend=0.01, load={"urb": 0.2}, ref=(1.1, 1.0)),
    ind("barrierefreie-haltestellen", "Barrierefreie Haltestellen", "Barrierefrei ausgebaute Bushaltestellen",
        "%", "inklusion", "share", "higher_is_better", 1,
        "Kreis Pinneberg – Fachdienst Planen und Bauen (Nahverkehrsplan)",
        "Anteil der Bushaltestellen mit erhöhtem Bord und Blindenleitsystem. Barrierefreie Haltestellen "
        "ermöglichen Menschen mit Behinderungen und Älteren die Nutzung des Busverkehrs.",
        numerator="Barrierefreie Bushaltestellen", denominator="Bushaltestellen",
        notes="Helgoland hat keinen Busverkehr.",
        den="haltestellen", level=22.0, trend=0.12, load={"urb": 0.2}, idio=0.3, island=True, stock=True, ref=(1.0,
        1.1)),
]

ARBEIT: list[Indicator] = [
    ind("arbeitslosenquote", "Arbeitslosenquote", "Arbeitslose je 100 zivile Erwerbspersonen", "%", "arbeit",
        "share", "higher_is_worse", 1, BA_ALO,
        "Anteil der registrierten Arbeitslosen an den Erwerbspersonen. Die Quote ist der wichtigste "
        "Gradmesser für die Lage am Arbeitsmarkt.",
        numerator="Arbeitslose", denominator="Zivile Erwerbspersonen (geschätzt)",
        den="erwerbspersonen", level=5.6, trend="alq", load={"dep": 0.28, "urb": 0.1}, secret=True,
        ref=(1.04, 1.05)),
    ind("jugendarbeitslosigkeit", "Jugendarbeitslosigkeit",
        "Arbeitslose unter 25 Jahren je 100 Erwerbspersonen dieser Altersgruppe",
        "%", "arbeit", "share", "higher_is_worse", 1, BA_ALO,
        "Anteil der arbeitslosen jungen Menschen von 15 bis unter 25 Jahren. Frühe Arbeitslosigkeit kann "
        "den weiteren Berufsweg dauerhaft belasten.",
        numerator="Arbeitslose von 15 bis unter 25 Jahren",
        denominator="Erwerbspersonen von 15 bis unter 25 Jahren",
        den="erwerbspersonen15_24", level=5.7, trend="alq_young", load={"dep": 0.3}, ref=(0.95, 0.9)),
    ind("langzeitarbeitslose", "Langzeitarbeitslose", "Anteil der Langzeitarbeitslosen an allen Arbeitslosen", "%",
        "arbeit", "share", "higher_is_worse", 1, BA_ALO,
        "Anteil der Menschen, die ein Jahr oder länger arbeitslos sind. Langzeitarbeitslosigkeit erhöht "
        "das Armutsrisiko und erschwert die Rückkehr in Arbeit.",
        numerator="Langzeitarbeitslose", denominator="Arbeitslose",
        den="@arbeitslosenquote", level=34.0, trend="long_term", load={"dep": 0.1}, ref=(1.05, 1.05)),
    ind("arbeitslose-sgb-ii", "Arbeitslose im SGB II", "Anteil der Arbeitslosen im Rechtskreis SGB II", "%",
        "arbeit", "share", "higher_is_worse", 1, BA_ALO,
        "Anteil der Arbeitslosen, die von einem Jobcenter betreut werden. Diese Menschen sind oft schon "
        "länger ohne Arbeit und beziehen Bürgergeld.",
        numerator="Arbeitslose im Rechtskreis SGB II", denominator="Arbeitslose",
        den="@arbeitslosenquote", level=58.0, trend=-0.01, load={"dep": 0.12}, ref=(1.08, 1.08)),
    ind("sv-beschaeftigte-wohnort", "SV-Beschäftigte am Wohnort",
        "Sozialversicherungspflichtig Beschäftigte am Wohnort je 100 Einwohner von 15 bis 64", "%", "arbeit",
        "share", "higher_is_better", 1, BA_BESCH,
        "Anteil der sozialversicherungspflichtig Beschäftigten an der Bevölkerung im erwerbsfähigen Alter "
        "(Beschäftigungsquote). Die Quote zeigt, wie gut Menschen in Arbeit eingebunden sind.",
        numerator="SV-Beschäftigte am Wohnort",
        denominator="Einwohnerinnen und Einwohner von 15 bis unter 65 Jahren",
        den="a15_64", level=58.0, trend=0.012, load={"affl": 0.03, "dep": -0.04}, idio=0.04, noise=0.01,
        ref=(0.97, 0.98)),
    ind("beschaeftigungsquote-frauen", "Beschäftigungsquote Frauen",
        "Sozialversicherungspflichtig beschäftigte Frauen je 100 Frauen von 15 bis 64", "%", "arbeit", "share",
        "higher_is_better", 1, BA_BESCH,
        "Anteil der sozialversicherungspflichtig beschäftigten Frauen an allen Frauen im erwerbsfähigen "
        "Alter. Die Quote hängt auch vom Angebot an Kinderbetreuung ab.",
        numerator="SV-beschäftigte Frauen am Wohnort", denominator="Frauen von 15 bis unter 65 Jahren",
        den="w15_64", level=54.0, trend=0.016, load={"dep": -0.05, "fam": -0.02}, idio=0.04, noise=0.01,
        ref=(0.98, 0.98)),
    ind("auspendlerquote", "Auspendler", "Auspendlerinnen und Auspendler je 100 SV-Beschäftigte am Wohnort", "%",
        "arbeit", "share", "neutral", 1, "Bundesagentur für Arbeit, Pendlerstatistik",
        "Anteil der Beschäftigten, die zum Arbeiten die Gemeinde verlassen. Hohe Werte sind im "
        "Hamburger Umland typisch und zeigen die Bedeutung guter Verkehrsverbindungen.",
        numerator="Auspendlerinnen und Auspendler", denominator="SV-Beschäftigte am Wohnort",
        den="@sv-beschaeftigte-wohnort", level=78.0, trend=0.002,
        load={"urb": -0.08, "hh": 0.03, "isl": -1.6}, cap=0.97, idio=0.05, noise=0.01, ref=(0.8, 0.75)),
    ind("sv-beschaeftigte-arbeitsort", "Arbeitsplätze", "Sozialversicherungspflichtig Beschäftigte am Arbeitsort",
        "Personen", "arbeit", "count", "higher_is_better", 0, BA_BESCH,
        "Zahl der sozialversicherungspflichtigen Arbeitsplätze in der Gemeinde. Sie zeigt die Bedeutung "
        "eines Ortes als Arbeitsstandort.",
        den="pop", level=290.0, trend=0.012, load={"urb": 0.35, "isl": 0.3}, idio=0.3, noise=0.02,
        ref=(1.09, 1.3)),
    ind("minijobs", "Minijobs", "Ausschließlich geringfügig Beschäftigte je 100 Einwohner von 15 bis 64", "%",
        "arbeit", "share", "neutral", 1, BA_BESCH,
        "Anteil der Menschen, die nur einen Minijob haben. Minijobs bieten wenig soziale Absicherung.",
        numerator="Ausschließlich geringfügig Beschäftigte",
        denominator="Einwohnerinnen und Einwohner von 15 bis unter 65 Jahren",
        den="a15_64", level=8.5, trend=-0.01, load={"dep": 0.05, "urb": -0.03}, ref=(1.05, 1.0)),
]

ARMUT: list[Indicator] = [
    ind("sgb-ii-quote", "SGB-II-Quote",
        "SGB-II-Quote (Personen in Bedarfsgemeinschaften je 100 Einwohner unter 65 Jahren)",
        "%", "armut", "share", "higher_is_worse", 1, BA_GRUSI,
        "Anteil der Menschen unter 65 Jahren, die in einer Bedarfsgemeinschaft Bürgergeld (bis 2022 "
        "Arbeitslosengeld II oder Sozialgeld) beziehen. Die Quote ist das zentrale Maß für Armut.",
        numerator="Personen in SGB-II-Bedarfsgemeinschaften",
        denominator="Einwohnerinnen und Einwohner unter 65 Jahren",
        den="u65", level=7.3, trend="sgb2", load={"dep": 0.45, "urb": 0.1}, secret=True, revise=(2024,),
        ref=(1.2, 1.16)),
    ind("kinderarmut", "Kinderarmut", "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften", "%", "armut",
        "share", "higher_is_worse", 1, BA_GRUSI,
        "Anteil der Kinder unter 15 Jahren, die in einer Bedarfsgemeinschaft leben. Armut in der Kindheit "
        "beeinflusst Gesundheit, Bildung und Teilhabe oft ein Leben lang.",
        numerator="Kinder unter 15 Jahren in Bedarfsgemeinschaften", denominator="Kinder unter 15 Jahren",
        den="u15", level=12.0, trend="sgb2", load={"dep": 0.5, "mig": 0.1}, secret=True, ref=(1.2, 1.14)),
    ind("jugendarmut", "Jugendarmut", "Junge Menschen von 15 bis 24 Jahren in SGB-II-Bedarfsgemeinschaften", "%",
        "armut", "share", "higher_is_worse", 1, BA_GRUSI,
        "Anteil der 15- bis unter 25-Jährigen, die Leistungen nach dem SGB II beziehen. Die Kennzahl zeigt "
        "Armutsrisiken beim Übergang von der Schule in den Beruf.",
        numerator="Personen von 15 bis unter 25 Jahren in Bedarfsgemeinschaften",
        denominator="Einwohnerinnen und Einwohner von 15 bis unter 25 Jahren",
        den="a15_24", level=8.0, trend="sgb2", load={"dep": 0.45}, ref=(1.15, 1.1)),
    ind("altersarmut", "Altersarmut",
        "Empfängerinnen und Empfänger von Grundsicherung im Alter je 100 Einwohner ab 65",
        "%", "armut", "share", "higher_is_worse", 1, SAN + " (Statistik der Grundsicherung im Alter)",
        "Anteil der Menschen ab 65 Jahren, deren Rente und Einkommen nicht zum Leben reicht und die "
        "Grundsicherung nach dem SGB XII erhalten.",
        numerator="Empfängerinnen und Empfänger von Grundsicherung im Alter",
        denominator="Einwohnerinnen und Einwohner ab 65 Jahren",
        den="a65", level=2.9, trend=0.02, load={"dep": 0.4, "urb": 0.15}, ref=(1.15, 1.18)),
    ind("bedarfsgemeinschaften", "Bedarfsgemeinschaften", "SGB-II-Bedarfsgemeinschaften", "Anzahl", "armut",
        "count", "higher_is_worse", 0, BA_GRUSI,
        "Zahl der Haushalte, die Bürgergeld beziehen (bis 2022 Arbeitslosengeld II). Eine "
        "Bedarfsgemeinschaft umfasst alle Personen, die gemeinsam wirtschaften.",
        den="haushalte", level=68.0, trend="sgb2", load={"dep": 0.45, "urb": 0.1}, secret=True,
        ref=(1.15, 1.1)),
    ind("anteil-bedarfsgemeinschaften", "Anteil Bedarfsgemeinschaften",
        "SGB-II-Bedarfsgemeinschaften je 100 Haushalte",
        "%", "armut", "share", "higher_is_worse", 1, BA_GRUSI,
        "Anteil der Haushalte, die eine Bedarfsgemeinschaft im SGB II bilden. Die Kennzahl ergänzt die "
        "SGB-II-Quote um den Blick auf die Haushalte.",
        numerator="SGB-II-Bedarfsgemeinschaften", denominator="Privathaushalte",
        num="@bedarfsgemeinschaften", den="haushalte", ref=(1.15, 1.1)),
    ind("einkuenfte", "Durchschnittliche Einkünfte",
        "Durchschnittlicher Gesamtbetrag der Einkünfte je Steuerpflichtigen",
        "€", "armut", "amount", "higher_is_better", 0, SAN + " (Lohn- und Einkommensteuerstatistik)",
        "Summe der Einkünfte aller Steuerpflichtigen geteilt durch ihre Zahl. Die Kennzahl beschreibt das "
        "Einkommensniveau; Ehepaare mit Zusammenveranlagung zählen als ein Steuerpflichtiger.",
        numerator="Summe der Einkünfte in €", denominator="Steuerpflichtige",
        den="steuerpflichtige", level=41000.0, trend=0.022, load={"affl": 0.12, "hh": 0.05}, noise=0.015,
        idio=0.05, ref=(0.88, 0.93)),
    ind("schuldnerberatungen", "Schuldnerberatungen", "Beratungsfälle der Schuldner- und Insolvenzberatung",
        "Anzahl", "armut", "count", "neutral", 0, "Kreis Pinneberg – Sozialamt",
        "Zahl der Haushalte, die im Jahr von den geförderten Schuldner- und Insolvenzberatungsstellen "
        "beraten wurden, nach Wohnort. Überschuldung ist oft Folge und Ursache von Armut.",
        den="pop", level=5.4, trend=-0.005, load={"dep": 0.4, "urb": 0.15}, ref=(1.1, 1.1)),
    ind("verbraucherinsolvenzen", "Verbraucherinsolvenzen",
        "Verbraucherinsolvenzverfahren je 10.000 Einwohnerinnen und Einwohner",
        "je 10.000", "armut", "rate", "higher_is_worse", 1, SAN + " (Insolvenzstatistik)",
        "Beantragte Insolvenzverfahren von Privatpersonen bezogen auf die Bevölkerung. Ein Anstieg weist "
        "auf wachsende finanzielle Notlagen hin.",
        numerator="Verbraucherinsolvenzverfahren", denominator=EW, per=10000,
        den="pop", level=11.0, trend="insolvency", load={"dep": 0.35}, ref=(1.1, 1.05)),
]

SOZIALES_LEBEN: list[Indicator] = [
    ind("sportvereinsmitglieder", "Sportvereinsmitglieder",
        "Mitglieder in Sportvereinen je 100 Einwohnerinnen und Einwohner",
        "je 100", "soziales-leben-und-freizeit", "rate", "higher_is_better", 1, "Kreissportverband Pinneberg",
        "Mitgliedschaften in Sportvereinen nach Vereinssitz bezogen auf die Bevölkerung. Vereine sind ein "
        "wichtiger Ort für Bewegung, Begegnung und Ehrenamt.",
        numerator="Mitgliedschaften in Sportvereinen", denominator=EW, per=100,
        den="pop", level=24.5, trend="covid_dip", load={"fam": 0.1, "urb": -0.05}, idio=0.15, noise=0.01,
        stock=True, ref=(1.2, 1.15)),
    ind("ehrenamtskarten", "Ehrenamtskarten", "Ausgegebene Ehrenamtskarten je 1.000 Einwohnerinnen und Einwohner",
        "je 1.000", "soziales-leben-und-freizeit", "rate", "higher_is_better", 1,
        "Kreis Pinneberg – Ehrenamtsbüro",
        "Gültige Ehrenamtskarten des Landes bezogen auf die Bevölkerung. Die Karte würdigt Menschen mit "
        "besonders hohem freiwilligem Engagement.",
        numerator="Gültige Ehrenamtskarten", denominator=EW,
        notes="Die Ehrenamtskarte gibt es nur in Schleswig-Holstein; ein Bundeswert ist nicht sinnvoll.",
        den="pop", level=1.2, trend=0.08, load={"old": 0.1}, ref=(0.95, None)),
    ind("vereine", "Vereine", "Eingetragene Vereine je 1.000 Einwohnerinnen und Einwohner", "je 1.000",
        "soziales-leben-und-freizeit", "rate", "higher_is_better", 1, "Amtsgericht Pinneberg (Vereinsregister)",
        "Zahl der im Vereinsregister eingetragenen Vereine mit Sitz in der Gemeinde, bezogen auf die "
        "Bevölkerung. Vereine tragen das soziale Leben gerade in kleinen Orten.",
        numerator="Eingetragene Vereine", denominator=EW,
        den="pop", level=6.2, trend=0.005, load={"urb": -0.15}, noise=0.01, stock=True, ref=(1.05, 1.0)),
    ind("spielplaetze", "Spielplätze", "Öffentliche Spielplätze je 1.000 Kinder unter 15 Jahren", "je 1.000",
        "soziales-leben-und-freizeit", "rate", "higher_is_better", 1,
        "Kreis Pinneberg – Sozialplanung (Gemeindeumfrage)",
        "Zahl der öffentlichen Spielplätze bezogen auf die Kinder. Spielplätze sind wohnortnahe Orte für "
        "Bewegung und Begegnung von Familien.",
        numerator="Öffentliche Spielplätze", denominator="Kinder unter 15 Jahren",
        notes="Einzelne Gemeinden haben die Umfrage in manchen Jahren nicht beantwortet.",
        den="u15", level=9.5, trend=0.005, load={"urb": -0.2}, noise=0.01,
        unknown=(("01056011", 2016), ("01056017", 2016), ("01056034", 2018), ("01056038", 2021)),
        stock=True, ref=(1.0, 0.95)),
    ind("seniorentreffs", "Seniorentreffs",
        "Begegnungsstätten und Treffs für Seniorinnen und Senioren je 10.000 Einwohner ab 65",
        "je 10.000", "soziales-leben-und-freizeit", "rate", "higher_is_better", 1,
        "Kreis Pinneberg – Sozialplanung (Angebotsdatenbank)",
        "Zahl der offenen Treffpunkte für ältere Menschen bezogen auf die ältere Bevölkerung. Sie beugen "
        "Einsamkeit vor und bieten Information und Beratung.",
        numerator="Begegnungsstätten und Seniorentreffs", denominator="Einwohnerinnen und Einwohner ab 65 Jahren",
        per=10000, den="a65", level=9.0, trend=0.01, load={"old": 0.1, "urb": 0.1}, stock=True, ref=(1.0, 1.05)),
]

FINANZEN_: list[Indicator] = [
    ind("sozialausgaben", "Sozialausgaben je Einwohner", "Sozialausgaben des Kreises je Einwohnerin und Einwohner",
        "€", "finanzen", "amount", "neutral", 0, FINANZEN,
        "Ausgaben des Kreises für soziale Leistungen (u. a. Eingliederungshilfe, Hilfe zur Pflege, "
        "Kosten der Unterkunft, Jugendhilfe) nach Wohnort der Leistungsberechtigten, je Einwohner.",
        numerator="Sozialausgaben in €", denominator=EW,
        den="pop", level=980.0, trend=0.045, load={"dep": 0.25}, noise=0.02, ref=(1.08, 1.1)),
    ind("steuereinnahmekraft", "Steuereinnahmekraft", "Steuereinnahmekraft je Einwohnerin und Einwohner", "€",
        "finanzen", "amount", "higher_is_better", 0, SAN + " (Realsteuervergleich)",
        "Steuereinnahmen der Gemeinde aus Grund- und Gewerbesteuer sowie Gemeindeanteilen an Einkommen- "
        "und Umsatzsteuer, je Einwohner. Sie bestimmt die finanzielle Leistungskraft der Gemeinde.",
        numerator="Steuereinnahmekraft in €", denominator=EW,
        den="pop", level=1050.0, trend=0.04, load={"affl": 0.18, "urb": 0.1, "isl": 0.3}, noise=0.03,
        idio=0.12, ref=(0.92, 1.05)),
    ind("gewerbesteuer", "Gewerbesteuer", "Gewerbesteuereinnahmen (netto) je Einwohnerin und Einwohner", "€",
        "finanzen", "amount", "higher_is_better", 0, SAN + " (Realsteuervergleich)",
        "Gewerbesteuer nach Abzug der Umlage je Einwohner. Die Einnahmen schwanken stark mit der Lage "
        "einzelner Betriebe.",
        numerator="Gewerbesteuer netto in €", denominator=EW,
        den="pop", level=480.0, trend=0.045, load={"urb": 0.25, "hh": 0.15}, noise=0.12, idio=0.35,
        ref=(0.85, 1.12)),
    ind("kreisumlage", "Kreisumlage je Einwohner", "Kreisumlage je Einwohnerin und Einwohner", "€", "finanzen",
        "amount", "neutral", 0, FINANZEN,
        "Betrag, den die Gemeinde an den Kreis abführt, je Einwohner. Mit der Kreisumlage finanziert der "
        "Kreis einen großen Teil seiner Sozialausgaben.",
        numerator="Kreisumlage in €", denominator=EW,
        notes="Die Kreisumlage gibt es nur in Landkreisen; ein Bundeswert ist nicht sinnvoll.",
        den="pop", level=420.0, trend=0.035, load={"affl": 0.15, "urb": 0.05}, noise=0.02, ref=(0.95, None)),
    ind("schulden", "Schulden je Einwohner", "Schulden des Kernhaushalts je Einwohnerin und Einwohner", "€",
        "finanzen", "amount", "higher_is_worse", 0, SAN + " (Schuldenstatistik)",
        "Verbindlichkeiten der Gemeinde aus Krediten und Wertpapierschulden je Einwohner, ohne "
        "Eigenbetriebe. Hohe Schulden engen den Spielraum für freiwillige soziale Leistungen ein.",
        numerator="Schulden des Kernhaushalts in €", denominator=EW,
        den="pop", level=1150.0, trend=-0.01, load={"urb": 0.2}, noise=0.04, idio=0.5, ref=(1.4, 1.6)),
    ind("kaufkraftindex", "Kaufkraftindex", "Kaufkraftindex (Deutschland = 100)", "Index", "finanzen", "index",
        "higher_is_better", 1, "Michael Bauer Research (Kaufkraftkennziffern)",
        "Verfügbares Einkommen je Einwohner im Vergleich zum Bundesdurchschnitt. Werte über 100 bedeuten "
        "eine überdurchschnittliche Kaufkraft.",
        level=108.0, trend=0.001, load={"affl": 0.06, "hh": 0.02}, noise=0.005, idio=0.03,
        ref_fixed=(96.0, 100.0)),
]
