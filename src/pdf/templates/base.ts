/**
 * The page every Interkom PDF shares: A4, German text with hyphenation, Libertinus Serif (bundled
 * with the Typst compiler, SIL OFL), and a footer with the network's name, an optional note (the
 * protocol's SHA-256) and "Seite x von y". Reads `meta` from the JSON input; `d` is the whole input.
 */
export const BASE = `
#let input = json(bytes(sys.inputs.data))
#let meta = input.meta
#let d = input.data
#let when = meta.date
#set document(
  title: meta.title,
  author: meta.network,
  keywords: meta.at("keywords", default: ()),
  date: datetime(year: when.year, month: when.month, day: when.day, hour: when.hour, minute: when.minute, second: when.second),
)
#set text(font: "Libertinus Serif", size: 10.5pt, lang: "de", region: "DE", hyphenate: true)
#set par(justify: true, leading: 0.6em)
#set page(
  paper: "a4",
  margin: (left: 2.2cm, right: 2.2cm, top: 2cm, bottom: 2.6cm),
  footer: context {
    set text(size: 8pt, hyphenate: false)
    set par(justify: false)
    line(length: 100%, stroke: 0.4pt)
    grid(
      columns: (1fr, auto),
      gutter: 4pt,
      [#meta.network],
      [Seite #counter(page).display() von #counter(page).final().first()],
    )
    if meta.footerNote != none { text(size: 7pt)[#meta.footerNote] }
  },
)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11pt)
#show heading: set block(above: 1.2em, below: 0.6em)
#let lines(p) = par(p.join(linebreak()))
#let facts(rows) = grid(
  columns: (auto, 1fr),
  row-gutter: 6pt,
  column-gutter: 12pt,
  ..rows.map(r => ([*#r.at(0)*], [#r.at(1)])).flatten(),
)
`;
