/** A municipality's first digital strategy from a Digital-Werkstatt. */
export const STRATEGY = `
= #meta.title
#par[#d.intro]

#let idea(x) = [
  === #x.title (#x.detail)
  #for p in x.description { lines(p) }
  #if x.steps.len() == 0 [#emph[Noch keine Umsetzungsschritte.]] else [
    Umsetzungsschritte:
    #enum(..x.steps.map(s => [#s]))
  ]
]

== Handlungsfelder nach Priorität
#if d.fields.len() == 0 [#emph[Noch keine Handlungsfelder ausgewählt.]] else [
  #enum(..d.fields.map(f => [#f.heading]))
]
#for (n, f) in d.fields.enumerate() [
  == #(n + 1). #f.heading
  #if f.ideas.len() == 0 [#emph[Noch keine Ideen.]]
  #for x in f.ideas { idea(x) }
]
#if d.others.len() > 0 [
  == Weitere Ideen
  #emph[Aus Handlungsfeldern, die (noch) nicht ausgewählt sind.]
  #for x in d.others { idea(x) }
]
`;
