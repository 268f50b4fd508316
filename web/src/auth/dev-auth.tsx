import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { AuthContext, safeReturnPath, subjectOf, type Auth } from './auth-context';

const STORAGE_KEY = 'interkom.devToken';

interface StoredToken {
  accessToken: string;
  expiresAt: number;
}

function readToken(): string | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as StoredToken | null;
    return stored && stored.expiresAt > Date.now() + 60_000 ? stored.accessToken : null;
  } catch {
    return null;
  }
}

/** Development sign-in (no Keycloak): the name picker asks the hub for a token, kept for this tab. */
export function DevAuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(readToken);
  const signIn = useCallback((returnTo?: string) => {
    navigate(`/anmelden?zurueck=${encodeURIComponent(safeReturnPath(returnTo ?? location.pathname + location.search))}`);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setToken(null);
    navigate('/anmelden');
  }, []);
  const devSignIn = useCallback(async (username: string, admin: boolean) => {
    const res = await fetch('/auth/dev-sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, admin }),
    });
    const body = (await res.json().catch(() => ({}))) as { accessToken?: string; expiresIn?: number; message?: string };
    if (!res.ok || !body.accessToken) return { ok: false as const, message: (body.message ?? '').replace(/^username: /, '') };
    const stored: StoredToken = { accessToken: body.accessToken, expiresAt: Date.now() + (body.expiresIn ?? 3600) * 1000 };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    setToken(body.accessToken);
    return { ok: true as const };
  }, []);
  const auth = useMemo<Auth>(
    () => ({ status: token ? 'signed-in' : 'signed-out', token, subject: subjectOf(token), mode: 'development', signIn, signOut, devSignIn }),
    [token, signIn, signOut, devSignIn],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
