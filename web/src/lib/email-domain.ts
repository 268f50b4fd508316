/**
 * Whether a verified e-mail domain belongs to an organization's website: "rastatt.de" fits
 * "https://www.rastatt.de/rathaus" (the same host, or one of its subdomains either way round), so an
 * admin sees at a glance that the person asking writes from the city's own domain.
 */
export function domainFitsWebsite(domain: string, website: string): boolean {
  const host = hostOf(website);
  if (!host) return false;
  const d = domain.toLowerCase().replace(/^www\./, '');
  const h = host.replace(/^www\./, '');
  return d === h || d.endsWith(`.${h}`) || h.endsWith(`.${d}`);
}

/** "https://www.rastatt.de/x" or "www.rastatt.de" → "www.rastatt.de"; null when it is no address. */
export function hostOf(website: string): string | null {
  const text = website.trim();
  if (!text) return null;
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
