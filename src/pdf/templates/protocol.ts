/** A published protocol: header facts, attendance, agenda, items with notes and decisions, tasks. */
export const PROTOCOL = `
= #meta.title
#text(style: "italic")[#d.edition]

#facts(d.facts)

#if d.attendance != none and d.attendance.len() > 0 [
  == Anwesenheit
  #for group in d.attendance [
    #par[*#group.label:* #group.names.join(", ")]
  ]
]
#if d.guests.len() > 0 [
  == Gäste und Sachverständige
  #par[#d.guests.join(", ")]
]

== Tagesordnung
#if d.items.len() == 0 [Keine öffentlichen Tagesordnungspunkte.] else [
  #enum(..d.items.map(i => [#i.title]), numbering: n => d.items.at(n - 1).number + ".")
]

#let decision(x) = block(inset: (left: 10pt), stroke: (left: 1.5pt + luma(120)), above: 0.8em, below: 0.8em)[
  *Beschluss:* #x.text
  #if x.votes != none [ \\ #x.votes]
]

#for item in d.items [
  == TOP #item.number: #item.title
  #if item.redacted [
    #emph[Dieser Tagesordnungspunkt wurde nichtöffentlich beraten.]
  ] else [
    #for p in item.notes { lines(p) }
    #for x in item.decisions { decision(x) }
  ]
]

#if d.general.len() > 0 [
  == Weitere Beschlüsse
  #for x in d.general { decision(x) }
]

== Aufgaben
#if d.actions.len() == 0 [Keine Aufgaben.] else [
  // Ragged right in the cells: justified text in a narrow column leaves holes between the words.
  #set par(justify: false)
  #table(
    columns: (auto, 3fr, 2fr, auto, auto),
    inset: 4pt,
    stroke: 0.4pt + luma(150),
    table.header([*Nr.*], [*Aufgabe*], [*Zuständig*], [*Fällig*], [*Status*]),
    ..d.actions.map(a => ([#a.number], [#a.title], [#a.who], [#a.due], [#a.status])).flatten(),
  )
]
`;
