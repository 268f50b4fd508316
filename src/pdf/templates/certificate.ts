/** Teilnahmebescheinigung for one registrant the organiser marked as present. */
export const CERTIFICATE = `
#v(3cm)
#align(center)[
  #text(size: 24pt)[#heading(level: 1, outlined: true)[#meta.title]]
  #v(1.2cm)
  #text(size: 12pt)[Hiermit wird bescheinigt, dass]
  #v(0.4cm)
  #text(size: 18pt, weight: "bold")[#d.name]
  #if d.organization != none [ \\ #text(size: 12pt)[#d.organization]]
  #v(0.4cm)
  #text(size: 12pt)[am Webinar]
  #v(0.4cm)
  #text(size: 16pt, weight: "bold")[„#d.webinar“]
  #v(0.4cm)
  #text(size: 12pt)[teilgenommen hat.]
]
#v(1.2cm)
#facts((("Datum", d.date), ("Uhrzeit", d.time), ("Dauer", d.duration), ("Veranstaltet von", d.organiser), ("Netzwerk", meta.network)))
#v(1.5cm)
#par[Ausgestellt am #d.issued. Die Teilnahme wurde von der Veranstaltungsleitung bestätigt.]
`;
