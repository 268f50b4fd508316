import { WebStorageStateStore } from 'oidc-client-ts';
import { useMemo, type ReactNode } from 'react';
import { AuthProvider, useAuth as useOidc } from 'react-oidc-context';
import { AuthContext, safeReturnPath, type Auth } from './auth-context';

/**
 * Keycloak sign-in: authorization code flow with PKCE (public client `interkom-web`), tokens in
 * sessionStorage (gone with the tab), renewed with the refresh token before they expire.
 */
export function OidcAuthProvider({ authority, clientId, children }: { authority: string; clientId: string; children: ReactNode }) {
  const origin = window.location.origin;
  return (
    <AuthProvider
      authority={authority}
      client_id={clientId}
      redirect_uri={`${origin}/anmelden/rueckruf`}
      post_logout_redirect_uri={`${origin}/`}
      scope="openid profile email"
      automaticSilentRenew
      userStore={new WebStorageStateStore({ store: window.sessionStorage })}
      onSigninCallback={(user) => {
        const returnTo = safeReturnPath((user?.state as { returnTo?: string } | undefined)?.returnTo);
        window.history.replaceState({}, document.title, returnTo);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }}
    >
      <Bridge>{children}</Bridge>
    </AuthProvider>
  );
}

function Bridge({ children }: { children: ReactNode }) {
  const oidc = useOidc();
  const token = oidc.user && !oidc.user.expired ? oidc.user.access_token : null;
  const auth = useMemo<Auth>(
    () => ({
      status: oidc.isLoading || oidc.activeNavigator ? 'loading' : token ? 'signed-in' : 'signed-out',
      token,
      subject: oidc.user?.profile.sub ?? null,
      mode: 'keycloak',
      signIn: (returnTo) => void oidc.signinRedirect({ state: { returnTo: safeReturnPath(returnTo ?? location.pathname + location.search) } }),
      signOut: () => void oidc.signoutRedirect().catch(() => oidc.removeUser()),
    }),
    [oidc, token],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
