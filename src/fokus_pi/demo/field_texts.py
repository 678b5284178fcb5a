"""Demo profiles of the Handlungsfelder: summary, interactions, key figures and the focus groups' text.

The texts name their figures through macros ({{ wert(...) }}), so they follow the data like every other page."""

from __future__ import annotations

# key figure: (indicator, label) or (indicator, label, part, unit)
PROFILES = {
    "demographie": dict(
        summary="Der Kreis Pinneberg wächst und wird älter. Die Bevölkerungsdaten sind die Grundlage jeder Planung.",
        key_figures=[("einwohner", "Einwohnerinnen und Einwohner"), ("durchschnittsalter", "Durchschnittsalter"),
                     ("anteil-65-plus", "Anteil ab 65 Jahren"), ("anteil-unter-18", "Anteil unter 18 Jahren")],
        interactions=[("gesundheitsversorgung-und-pflege", "Mit dem Alter der Bevölkerung wächst der Pflegebedarf."),
                      ("bildung", "Die Zahl der Kinder bestimmt den Bedarf an Kita- und Schulplätzen.")],
    ),
    "infrastruktur-sozialer-angebote": dict(
        summary="Kitas, Familienzentren, Beratungsstellen und Jugendhilfe bilden das Netz sozialer Angebote. Es ist "
                "in den Städten dichter als im ländlichen Norden des Kreises.",
        key_figures=[("kita-plaetze", "Kita-Plätze je 100 Kinder unter 6 Jahren"),
                     ("familienzentren", "Familienzentren"),
                     ("beratungsstellen", "soziale Beratungsstellen", "numerator", "Beratungsstellen"),
                     ("hilfen-zur-erziehung", "Hilfen zur Erziehung", "numerator", "Fälle")],
        interactions=[("bildung", "Frühe Förderung in Kita und Familienzentrum verbessert die Bildungschancen."),
                      ("armut", "Beratung erreicht Familien in Armut nur, wenn sie nah und niedrigschwellig ist."),
                      ("mobilitaet", "Wer kein Auto hat, braucht Angebote in erreichbarer Nähe.")],
        text="Die Fokusgruppen Frühe Hilfen und Beratung sehen den größten Bedarf dort, wo viele junge Familien "
             "neu zuziehen. Die Frühen Hilfen erreichen inzwischen {{ wert(\"fruehe-hilfen\") }} der Familien "
             "mit Neugeborenen.\n\nDie Zahl der Hilfen zur Erziehung je 1.000 junge Menschen hat sich seit 2020 um "
             "{{ veraenderung(\"hilfen-zur-erziehung\", seit=2020) }} verändert. Die Fokusgruppen empfehlen, "
             "präventive Angebote auszubauen, bevor Hilfen zur Erziehung nötig werden.",
    ),
    "mobilitaet": dict(
        summary="Im Süden des Kreises sind Bus und Bahn gut ausgebaut, im Norden sind viele Menschen auf das Auto "
                "angewiesen.",
        key_figures=[("oepnv-erreichbarkeit", "Einwohner mit guter ÖPNV-Anbindung"),
                     ("pkw-dichte", "Pkw je 1.000 Einwohner"),
                     ("pendeldistanz", "mittlere Pendeldistanz"),
                     ("auspendlerquote", "Auspendlerinnen und Auspendler", "numerator", "Personen")],
        interactions=[("arbeit", "Lange Pendelwege prägen den Arbeitsmarkt im Hamburger Umland."),
                      ("gesundheitsversorgung-und-pflege", "Ältere Menschen brauchen Wege zu Arztpraxen ohne Auto."),
                      ("inklusion", "Barrierefreie Haltestellen sind Voraussetzung für Teilhabe.")],
        text="Die Fokusgruppe Mobilität im ländlichen Raum weist darauf hin, dass "
             "{{ wert(\"oepnv-erreichbarkeit\") }} "
             "der Einwohnerinnen und Einwohner gut an Bus und Bahn angebunden sind. In den Ämtern Hörnerkirchen und "
             "Rantzau liegt der Anteil deutlich niedriger.",
    ),
    "gesundheitsversorgung-und-pflege": dict(
        summary="Eine älter werdende Bevölkerung braucht mehr Pflege. Zugleich wird es schwerer, Praxen im "
                "ländlichen Raum nachzubesetzen.",
        key_figures=[("pflegebeduerftige", "Pflegebedürftige", "numerator", "Personen"),
                     ("pflegequote-80-plus", "Pflegequote ab 80 Jahren"),
                     ("hausaerzte", "Hausärztinnen und Hausärzte", "numerator", "Personen"),
                     ("pflegeheimplaetze", "vollstationäre Pflegeplätze", "numerator", "Plätze")],
        interactions=[("demographie", "Die Zahl der Hochaltrigen wächst schneller als die Bevölkerung."),
                      ("wohnen", "Barrierearme Wohnungen ermöglichen Pflege zu Hause."),
                      ("mobilitaet", "Ohne Auto sind Praxen im Norden des Kreises schwer erreichbar.")],
        text="Die Fokusgruppen Pflege und Gesundheitsversorgung beobachten, dass die Pflegequote der Menschen ab "
             "80 Jahren bei {{ wert(\"pflegequote-80-plus\") }} liegt. Pflegende Angehörige tragen den größten Teil "
             "der Pflege; sie brauchen Entlastung durch Tages- und Kurzzeitpflege.",
    ),
    "wohnen": dict(
        summary="Bezahlbarer Wohnraum ist im Hamburger Umland knapp. Die Mieten steigen schneller als die Einkommen.",
        key_figures=[("angebotsmiete", "Angebotsmiete je m²"), ("sozialwohnungen", "Sozialwohnungen"),
                     ("wohnungslose", "untergebrachte wohnungslose Menschen", "numerator", "Personen"),
                     ("wohngeldhaushalte", "Haushalte mit Wohngeld", "numerator", "Haushalte")],
        interactions=[("armut", "Hohe Wohnkosten verschärfen Armut, besonders für Familien."),
                      ("zuwanderung-und-integration", "Geflüchtete finden schwer eine eigene Wohnung."),
                      ("gesundheitsversorgung-und-pflege", "Barrierearme Wohnungen fehlen für ältere Menschen.")],
        text="Die Fokusgruppe Bezahlbares Wohnen stellt fest, dass sich die Angebotsmiete seit 2020 um "
             "{{ veraenderung(\"angebotsmiete\", seit=2020) }} verändert hat. Die Zahl der Sozialwohnungen liegt "
             "bei {{ wert(\"sozialwohnungen\") }}; ohne neue Belegungsbindungen fallen jedes Jahr Wohnungen aus der "
             "Bindung.",
    ),
    "zuwanderung-und-integration": dict(
        summary="Zuwanderung ist der wichtigste Grund für das Wachstum des Kreises. Sprache, Arbeit und Wohnung "
                "entscheiden über gelingende Integration.",
        key_figures=[("auslaenderanteil", "Ausländeranteil"),
                     ("schutzsuchende", "Schutzsuchende", "numerator", "Personen"),
                     ("einbuergerungen", "Einbürgerungen"),
                     ("integrationskurse", "Teilnehmende an Integrationskursen")],
        interactions=[("bildung", "Sprachförderung in Kita und Schule ist der Schlüssel."),
                      ("arbeit", "Die Anerkennung von Abschlüssen öffnet den Arbeitsmarkt."),
                      ("wohnen", "Wohnungen statt Sammelunterkünfte erleichtern das Ankommen.")],
        text="Die Fokusgruppe Zuwanderung und Integration begrüßt, dass im Jahr {{ jahr(\"einbuergerungen\") }} "
             "{{ wert(\"einbuergerungen\") }} Menschen eingebürgert wurden. Sie empfiehlt, die Migrationsberatung "
             "dauerhaft zu sichern.",
    ),
    "bildung": dict(
        summary="Bildung beginnt in der Kita. Die Betreuungsquoten steigen, der Bedarf an Sprachförderung auch.",
        key_figures=[("betreuungsquote-u3", "Betreuungsquote unter 3 Jahren"),
                     ("ganztag", "Grundschulkinder im Ganztag"),
                     ("ohne-abschluss", "Schulabgänge ohne Abschluss"),
                     ("sprachfoerderbedarf", "Sprachförderbedarf bei Einschulung")],
        interactions=[("infrastruktur-sozialer-angebote", "Kitas und Familienzentren sind Bildungsorte."),
                      ("armut", "Armut mindert Bildungschancen von Anfang an."),
                      ("zuwanderung-und-integration", "Mehrsprachige Kinder brauchen frühe Sprachförderung.")],
        text="Die Fokusgruppe Bildung und Übergänge sieht mit Sorge, dass {{ wert(\"ohne-abschluss\") }} der "
             "Schulabgängerinnen und Schulabgänger die Schule ohne Abschluss verlassen. Die Betreuungsquote der "
             "Kinder unter drei Jahren hat sich seit 2020 um {{ veraenderung(\"betreuungsquote-u3\", seit=2020) }} "
             "verändert.",
    ),
    "inklusion": dict(
        summary="Menschen mit Behinderungen sollen überall gleichberechtigt teilhaben: in Kita, Schule, Arbeit und "
                "Freizeit.",
        key_figures=[("schwerbehinderte", "Anteil schwerbehinderter Menschen"),
                     ("eingliederungshilfe", "Leistungsberechtigte der Eingliederungshilfe", "numerator", "Personen"),
                     ("inklusive-beschulung", "inklusiv beschulte Kinder mit Förderbedarf"),
                     ("barrierefreie-haltestellen", "barrierefreie Bushaltestellen")],
        interactions=[("mobilitaet", "Barrierefreie Wege sind Voraussetzung für Teilhabe."),
                      ("bildung", "Inklusive Schulen brauchen Schulbegleitung und Fachkräfte."),
                      ("arbeit", "Das Budget für Arbeit öffnet den allgemeinen Arbeitsmarkt.")],
        text="Die Fokusgruppe Inklusion und Teilhabe hebt hervor, dass {{ wert(\"inklusive-beschulung\") }} der "
             "Schülerinnen und Schüler mit sonderpädagogischem Förderbedarf inklusiv beschult werden. "
             "Barrierefrei sind erst {{ wert(\"barrierefreie-haltestellen\") }} der Bushaltestellen.",
    ),
    "arbeit": dict(
        summary="Der Arbeitsmarkt im Kreis ist eng mit Hamburg verflochten. Die Arbeitslosigkeit ist niedrig, aber "
                "Langzeitarbeitslosigkeit bleibt eine Herausforderung.",
        key_figures=[("arbeitslosenquote", "Arbeitslosenquote"), ("jugendarbeitslosigkeit", "Jugendarbeitslosigkeit"),
                     ("sv-beschaeftigte-arbeitsort", "Arbeitsplätze im Kreis"),
                     ("langzeitarbeitslose", "Anteil Langzeitarbeitsloser")],
        interactions=[("armut", "Arbeit ist der wirksamste Schutz vor Armut."),
                      ("mobilitaet", "Viele Beschäftigte pendeln nach Hamburg."),
                      ("bildung", "Der Übergang von der Schule in den Beruf entscheidet früh.")],
        text="Die Fokusgruppe Arbeit und Fachkräfte stellt fest: Die Jugendarbeitslosigkeit liegt bei "
             "{{ wert(\"jugendarbeitslosigkeit\") }}, im Land bei {{ wert(\"jugendarbeitslosigkeit\", \"land\") }}. "
             "In sozialen Berufen fehlen Fachkräfte; der Ausbildungsverbund Duales Studium Soziale Arbeit hilft.",
    ),
    "armut": dict(
        summary="Armut ist im Kreis ungleich verteilt: In den Städten leben anteilig viel mehr Kinder in "
                "Bedarfsgemeinschaften als in den meisten Dörfern.",
        key_figures=[("altersarmut", "Altersarmut"),
                     ("sgb-ii-quote", "Menschen in Bedarfsgemeinschaften", "numerator", "Personen"),
                     ("einkuenfte", "durchschnittliche Einkünfte"), ("schuldnerberatungen", "Schuldnerberatungen")],
        interactions=[("wohnen", "Hohe Mieten verschärfen Armut."), ("bildung", "Armut mindert Bildungschancen."),
                      ("arbeit", "Arbeit schützt vor Armut."),
                      ("gesundheitsversorgung-und-pflege", "Armut und Krankheit verstärken einander.")],
        text="Die Fokusgruppe Kinder- und Jugendarmut weist darauf hin, dass {{ wert(\"kinderarmut\") }} der Kinder "
             "unter 15 Jahren in Bedarfsgemeinschaften leben ({{ veraenderung(\"kinderarmut\", seit=2020) }} "
             "seit 2020). In Elmshorn sind es {{ wert(\"kinderarmut\", \"Elmshorn\") }}.\n\nDie Altersarmut "
             "liegt bei {{ wert(\"altersarmut\") }} ({{ veraenderung(\"altersarmut\", seit=2020) }} seit 2020). "
             "Die Fokusgruppen empfehlen, Präventionsmittel "
             "nach der Sozialformel zu verteilen.",
    ),
    "soziales-leben-und-freizeit": dict(
        summary="Vereine, Ehrenamt und Treffpunkte halten das Gemeinwesen zusammen, in der Stadt wie auf dem Dorf.",
        key_figures=[("sportvereinsmitglieder", "Mitgliedschaften in Sportvereinen", "numerator", "Mitgliedschaften"),
                     ("ehrenamtskarten", "gültige Ehrenamtskarten", "numerator", "Karten"),
                     ("vereine", "eingetragene Vereine", "numerator", "Vereine"),
                     ("seniorentreffs", "Seniorentreffs und Begegnungsstätten", "numerator", "Treffs")],
        interactions=[("inklusion", "Vereine öffnen sich für Menschen mit Behinderungen."),
                      ("zuwanderung-und-integration",
                       "Sport und Ehrenamt verbinden Alteingesessene und Zugewanderte.")],
        text="Die Fokusgruppe Ehrenamt, Sport und Begegnung freut sich über "
             "{{ wert(\"sportvereinsmitglieder\", teil=\"zaehler\") }} Mitgliedschaften in Sportvereinen. "
             "Sie empfiehlt, Vereinsbeiträge für Kinder aus Familien mit geringem Einkommen zu übernehmen.",
    ),
    "finanzen": dict(
        summary="Die Sozialausgaben sind der größte Posten im Kreishaushalt. Sie steigen seit Jahren schneller als "
                "die Einnahmen.",
        key_figures=[("sozialausgaben", "Sozialausgaben des Kreises", "numerator", "€"),
                     ("sozialausgaben", "Sozialausgaben je Einwohner"), ("kreisumlage", "Kreisumlage je Einwohner"),
                     ("schulden", "Schulden je Einwohner")],
        interactions=[("armut", "Leistungen der Grundsicherung sind ein großer Teil der Sozialausgaben."),
                      ("inklusion", "Die Eingliederungshilfe ist der am stärksten wachsende Bereich.")],
    ),
}
