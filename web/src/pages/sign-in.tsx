import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from 'wouter/use-browser-location';
import { safeReturnPath, useAuth } from '../auth/auth-context';
import { Button, CheckboxField, Form, TextField } from '../components/form';
import { Footer } from '../components/layout';
import { Loading, Notice } from '../components/status';

/** The demo people of `npm run seed:demo`, so a first visitor knows whom to pick. */
const DEMO_PEOPLE = ['alice', 'mara', 'ben', 'ida'] as const;

export function SignInPage({ callback = false }: { callback?: boolean }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const returnTo = safeReturnPath(new URLSearchParams(location.search).get('zurueck'));

  useEffect(() => {
    document.title = `${t('signIn.title')} – Interkom`;
  }, [t]);
  useEffect(() => {
    if (auth.status === 'signed-in' && !callback) navigate(returnTo, { replace: true });
  }, [auth.status, callback, returnTo]);

  if (auth.mode === 'keycloak' || callback) {
    return (
      <>
        <main id="inhalt" className="ik-signin">
          <h1 className="kern-heading-large">{t('signIn.title')}</h1>
          {auth.status === 'loading' || callback ? (
            <Loading label={t('signIn.redirecting')} />
          ) : (
            <>
              <p className="kern-body">{t('signIn.keycloak')}</p>
              <Button onClick={() => auth.signIn(returnTo)}>{t('signIn.keycloakButton')}</Button>
            </>
          )}
        </main>
        <Footer />
      </>
    );
  }
  return <DevNamePicker returnTo={returnTo} />;
}

function DevNamePicker({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [username, setUsername] = useState('');
  const [admin, setAdmin] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const signInAs = async (name: string) => {
    setBusy(true);
    setError(null);
    const result = await auth.devSignIn!(name, admin);
    setBusy(false);
    if (result.ok) navigate(returnTo, { replace: true });
    else setError(result.message || t('signIn.failed'));
  };

  return (
    <>
      <main id="inhalt" className="ik-signin">
        <h1 className="kern-heading-large">{t('signIn.title')}</h1>
        <Notice kind="warning" title={t('signIn.devTitle')}>
          <p className="kern-body">{t('signIn.devBody')}</p>
        </Notice>
        <h2 className="kern-heading-small">{t('signIn.demoPeople')}</h2>
        <ul className="ik-demo-people">
          {DEMO_PEOPLE.map((name) => (
            <li key={name}>
              <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void signInAs(name)}>
                <span className="kern-label">{t('signIn.as', { name })}</span>
              </button>
              <span className="kern-body kern-body--small"> {t(`signIn.demo.${name}`)}</span>
            </li>
          ))}
        </ul>
        <Form onSubmit={() => signInAs(username.trim())}>
          <h2 className="kern-heading-small">{t('signIn.otherName')}</h2>
          <TextField
            label={t('signIn.username')}
            hint={t('signIn.usernameHint')}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            error={error}
            autoComplete="username"
            required
          />
          <CheckboxField label={t('signIn.admin')} checked={admin} onChange={(e) => setAdmin(e.target.checked)} />
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{t('signIn.submit')}</span>
          </button>
        </Form>
      </main>
      <Footer />
    </>
  );
}
