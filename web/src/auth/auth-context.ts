import { createContext, useContext } from 'react';

/** Sign-in as the rest of the client sees it, whichever way the hub signs people in. */
export interface Auth {
  status: 'loading' | 'signed-out' | 'signed-in';
  /** The bearer token for /graphql. */
  token: string | null;
  /** Who is signed in (the token's subject): a new person gets a fresh API cache. */
  subject: string | null;
  mode: 'development' | 'keycloak';
  /** Starts signing in; `returnTo` is where the person comes back to afterwards. */
  signIn(returnTo?: string): void;
  signOut(): void;
  /** Only in development sign-in mode: the name picker's way in. */
  devSignIn?: (username: string, admin: boolean) => Promise<{ ok: true } | { ok: false; message: string }>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthContext');
  return auth;
}

/** Where to go after signing in: only paths of this client, never another origin. */
export function safeReturnPath(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/anmelden') ? value : '/';
}

/** The `sub` of a JWT, read without verifying (the hub verifies; this only keys the cache). */
export function subjectOf(token: string | null): string | null {
  if (!token) return null;
  try {
    const payload = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    return (JSON.parse(atob(payload)) as { sub?: string }).sub ?? null;
  } catch {
    return null;
  }
}
