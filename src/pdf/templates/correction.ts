/** A Berichtigung as a sheet of its own: which protocol, its number, its text and its chain link. */
export const CORRECTION = `
= #meta.title
#par[Berichtigung zum Protokoll „#d.protocolTitle“. Das Protokoll selbst bleibt unverändert; diese Berichtigung ergänzt es.]

#facts(d.facts)

== Text der Berichtigung
#for p in d.text { lines(p) }
`;
