/** What the hub tells the client at load time (inlined into index.html by the hub). */
export type RuntimeConfig = { auth: { mode: 'development' } } | { auth: { mode: 'keycloak'; authority: string; clientId: string } };

export function readRuntimeConfig(doc: Document = document): RuntimeConfig {
  const el = doc.getElementById('interkom-config');
  if (!el?.textContent) return { auth: { mode: 'development' } }; // the Vite dev server serves index.html unchanged
  return JSON.parse(el.textContent) as RuntimeConfig;
}
