/** What the hub tells the client at load time (inlined into index.html by the hub). */
export interface RuntimeConfig {
  auth: { mode: 'development' } | { mode: 'keycloak'; authority: string; clientId: string };
  /** Where barriers are reported (the accessibility statement's feedback contact); absent from the Vite dev server. */
  accessibilityContact?: string;
}

export function readRuntimeConfig(doc: Document = document): RuntimeConfig {
  const el = doc.getElementById('interkom-config');
  if (!el?.textContent) return { auth: { mode: 'development' } }; // the Vite dev server serves index.html unchanged
  return JSON.parse(el.textContent) as RuntimeConfig;
}
