import { useMemo, useRef, type ReactNode } from 'react';
import { cacheExchange, Client, fetchExchange, mapExchange, Provider } from 'urql';
import { useAuth } from '../auth/auth-context';
import { apiProblem } from './errors';

/**
 * One urql client per signed-in person (a new person never sees the last one's cache). POST only:
 * the hub refuses GET operations (Apollo's CSRF prevention). The token is read per request, so a
 * renewed token does not throw the cache away.
 */
export function GraphqlProvider({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const token = useRef(auth.token);
  token.current = auth.token;
  const signIn = useRef(auth.signIn);
  signIn.current = auth.signIn;
  const client = useMemo(
    () =>
      new Client({
        url: '/graphql',
        preferGetMethod: false,
        requestPolicy: 'cache-and-network',
        exchanges: [
          mapExchange({
            onError(error) {
              if (apiProblem(error)?.code === 'UNAUTHENTICATED') signIn.current();
            },
          }),
          cacheExchange,
          fetchExchange,
        ],
        fetchOptions: (): RequestInit => ({ headers: token.current ? { authorization: `Bearer ${token.current}` } : ({} as Record<string, string>) }),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [auth.subject],
  );
  return <Provider value={client}>{children}</Provider>;
}
