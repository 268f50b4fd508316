// Word lists of the Land generator: made-up but plausible names of places, people, networks and
// groups in Baden-Württemberg, so that pages and the German full-text search see realistic text.

/** Two parts of a made-up town name: 64 × 40 = 2,560 distinct towns. */
export const TOWN_STEMS = [
  'Alt', 'Berg', 'Birken', 'Blau', 'Bretz', 'Dorn', 'Eber', 'Eich', 'Ell', 'Erl', 'Esch', 'Fichten', 'Fried', 'Gais', 'Gries',
  'Grün', 'Hagen', 'Hart', 'Hasel', 'Heil', 'Hohen', 'Hoch', 'Horn', 'Kirch', 'Königs', 'Kron', 'Lang', 'Lauf', 'Leut', 'Linden',
  'Mark', 'Mühl', 'Neu', 'Nieder', 'Ober', 'Oster', 'Reichen', 'Rems', 'Rosen', 'Roth', 'Schön', 'Schwarz', 'Sonnen', 'Stein',
  'Tann', 'Unter', 'Wald', 'Wein', 'Weiß', 'Wester', 'Wiesen', 'Wolfs', 'Zell', 'Egg', 'Murr', 'Enz', 'Jagst', 'Kocher', 'Neckar',
  'Tauber', 'Brenz', 'Kinzig', 'Alb', 'Fils',
];
export const TOWN_SUFFIXES = [
  'bach', 'berg', 'bronn', 'burg', 'dorf', 'feld', 'furt', 'hausen', 'heim', 'hofen', 'ingen', 'kirch', 'stadt', 'stein', 'tal',
  'weiler', 'wangen', 'au', 'brunn', 'eck', 'felden', 'garten', 'hardt', 'hof', 'lingen', 'reute', 'ried', 'roth', 'see', 'stetten',
  'sulz', 'weil', 'wald', 'wies', 'zell', 'acker', 'beuren', 'bühl', 'grund', 'heimsheim',
];

/** Regions for districts and regional networks. */
export const REGIONS = [
  'Ortenau', 'Breisgau', 'Hochschwarzwald', 'Rems-Murr', 'Ludwigsburg', 'Esslingen', 'Böblingen', 'Göppingen', 'Heilbronner Land',
  'Hohenlohe', 'Main-Tauber', 'Neckar-Odenwald', 'Rhein-Neckar', 'Kraichgau', 'Enzkreis', 'Calw', 'Freudenstadt', 'Rastatt',
  'Mittelbaden', 'Zollernalb', 'Tübingen', 'Reutlingen', 'Alb-Donau', 'Biberach', 'Bodensee', 'Ravensburg', 'Sigmaringen',
  'Konstanz', 'Hegau', 'Tuttlingen', 'Schwarzwald-Baar', 'Rottweil', 'Waldshut', 'Lörrach', 'Markgräflerland', 'Ostalb',
  'Heidenheim', 'Schwäbisch Hall', 'Oberschwaben', 'Hohenlohe-Franken',
];
export const NETWORK_KINDS = ['Digitalregion', 'Smart-City-Netzwerk', 'Interkommunale Kooperation', 'Digitallotsen-Netzwerk', 'Verwaltungsgemeinschaft digital'];

export const FIRST_NAMES = [
  'Anna', 'Ben', 'Clara', 'David', 'Elena', 'Felix', 'Greta', 'Hannes', 'Ida', 'Jonas', 'Katrin', 'Lukas', 'Marie', 'Niklas', 'Olga',
  'Paul', 'Rosa', 'Simon', 'Tanja', 'Ulrich', 'Vera', 'Wolfgang', 'Yvonne', 'Zoe', 'Andreas', 'Birgit', 'Christian', 'Doris',
  'Emil', 'Frieda', 'Georg', 'Heike', 'Ingo', 'Julia', 'Karl', 'Lea', 'Martin', 'Nadine', 'Oliver', 'Petra', 'Ralf', 'Sabine',
  'Thomas', 'Ute', 'Volker', 'Waltraud', 'Jürgen', 'Sören', 'Özlem', 'Mehmet', 'Aylin', 'Dragan', 'Milena', 'Lars', 'Maren',
  'Tobias', 'Stefanie', 'Matthias', 'Carina', 'Bernd',
];
export const LAST_NAMES = [
  'Müller', 'Schmid', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter',
  'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt',
  'Werner', 'Krause', 'Meier', 'Lehmann', 'Huber', 'Mayer', 'Herrmann', 'König', 'Walter', 'Maier', 'Kaiser', 'Fuchs', 'Peters',
  'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler',
  'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin',
  'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas', 'Schreiber',
  'Graf', 'Dietrich', 'Ziegler', 'Kuhn', 'Yılmaz', 'Kovač',
];

/** The expert groups' subjects (Fachgruppe …). */
export const EXPERT_TOPICS = [
  'Digitalisierung', 'Onlinezugang (OZG)', 'IT-Sicherheit', 'Open Data', 'Smart City', 'Breitband und Mobilfunk', 'Schulen und Medienentwicklung',
  'Geodaten', 'E-Government', 'Personal und Organisation', 'Klimaschutz digital', 'Mobilität', 'Bürgerbeteiligung', 'Finanzen und Haushalt',
  'Bauen und Wohnen', 'Soziales und Pflege', 'Tourismus und Kultur', 'Wirtschaftsförderung', 'Feuerwehr und Bevölkerungsschutz',
  'Datenschutz', 'Künstliche Intelligenz', 'Ratsarbeit digital', 'Personalentwicklung', 'Beschaffung', 'Ländlicher Raum',
];

/** The project groups' subjects (Projektgruppe …). */
export const PROJECT_TOPICS = [
  'LoRaWAN/IoT', 'E-Rechnung', 'Digitale Beteiligungsplattform', 'Ratsinformationssystem', 'Online-Terminvereinbarung', 'Open-Data-Portal',
  'Digitaler Bauantrag', 'Schul-WLAN', 'Glasfaser-Förderung', 'Parkraumsensorik', 'Stadt-App', 'Chatbot Bürgerservice', 'E-Akte',
  'Digitale Gästekarte', 'Hochwasser-Frühwarnung', 'Straßenbeleuchtung smart', 'Mängelmelder', 'Digitales Vereinsportal', 'Kita-Platzvergabe',
  'Geoportal', 'Informationssicherheits-Leitlinie', 'Videokonferenzen im Gemeinderat', 'Dokumentenmanagement', 'Digitale Signatur',
  'Fördermittel-Datenbank', 'Energiemonitoring', 'Carsharing im Quartier', 'Digitale Dorfmitte', 'Telemedizin', 'Smarte Mülltonnen',
  'Bodenrichtwerte digital', 'Friedhofsverwaltung digital', 'Digitales Fundbüro', 'Bürgerkonto', 'Mobiles Arbeiten', 'KI-Übersetzung',
  'Barrierefreie Website', 'Social-Media-Leitfaden', 'Digitalstrategie', 'Cloud-Arbeitsplatz',
];

/** Agenda items between the welcome and "Verschiedenes". */
export const AGENDA_TOPICS = [
  'Bericht aus den Projektgruppen', 'Stand der Förderanträge', 'Haushaltsplanung für das kommende Jahr', 'Ausschreibung: Ergebnis der Markterkundung',
  'Datenschutz-Folgenabschätzung', 'Erfahrungen aus dem Pilotbetrieb', 'Schulung der Mitarbeitenden', 'Rahmenvertrag des Landes',
  'Zeitplan und Meilensteine', 'Gemeinsame Beschaffung', 'Evaluation der Bürgerumfrage', 'Anbindung an das Serviceportal',
  'Barrierefreiheit prüfen', 'Öffentlichkeitsarbeit und Pressetermin', 'Austausch mit dem Landkreis', 'Vorstellung eines Anbieters',
  'Betriebskonzept und Zuständigkeiten', 'Kosten und Finanzierung', 'Rückmeldungen aus dem Gemeinderat', 'Lessons learned',
];
export const NOTE_TEXTS = [
  'Der Sachstand wurde vorgestellt; die Städte berichten reihum von ihren Erfahrungen. Offene Fragen werden bis zur nächsten Sitzung geklärt.',
  'Die Gruppe diskutiert die Optionen. Eine gemeinsame Lösung wird bevorzugt, die Kosten sollen nach Einwohnerzahl aufgeteilt werden.',
  'Der Anbieter hat ein Angebot vorgelegt. Die Prüfung durch den Datenschutzbeauftragten steht noch aus.',
  'Die Pilotkommunen melden gute Erfahrungen; die Nutzung ist im letzten Quartal deutlich gestiegen.',
  'Der Zeitplan verschiebt sich um vier Wochen, weil die Förderzusage noch aussteht.',
  'Die Schulungen sind gut besucht. Für die Sachbearbeitung wird ein zusätzlicher Termin angeboten.',
  'Es wurde vereinbart, die Ergebnisse im Plenum vorzustellen und die Unterlagen im Netzwerk zu teilen.',
  'Die Rückmeldungen aus dem Gemeinderat sind positiv; die Verwaltung wird mit der Umsetzung beauftragt.',
];
export const DECISION_TEXTS = [
  'Die Gruppe empfiehlt die gemeinsame Beschaffung über den Rahmenvertrag des Landes.',
  'Der vorgelegte Zeitplan wird angenommen.',
  'Die Kosten werden nach Einwohnerzahl auf die beteiligten Kommunen verteilt.',
  'Das Pilotprojekt wird um ein Jahr verlängert.',
  'Die Ergebnisse werden als Steckbrief veröffentlicht.',
  'Die Projektgruppe erarbeitet bis zur nächsten Sitzung ein Betriebskonzept.',
];
export const TASK_TEXTS = [
  'Angebote einholen und vergleichen', 'Stellungnahme des Datenschutzbeauftragten einholen', 'Unterlagen im Netzwerk teilen',
  'Termin mit dem Anbieter vereinbaren', 'Förderantrag vorbereiten', 'Ansprechpersonen in den Kommunen benennen',
  'Entwurf des Betriebskonzepts schreiben', 'Ergebnisse für das Plenum zusammenfassen',
];
