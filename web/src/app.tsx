import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { Route, Switch } from 'wouter';
import { useAuth } from './auth/auth-context';
import { DevAuthProvider } from './auth/dev-auth';
import type { RuntimeConfig } from './config';
import { Layout } from './components/layout';
import { Loading } from './components/status';
import { GraphqlProvider } from './graphql/client';
import { NotFoundPage } from './pages/not-found';
import { OverviewPage } from './pages/overview';
import { SignInPage } from './pages/sign-in';

// Pages beyond the first are loaded when opened: the first page stays small.
const NetworksPage = lazy(() => import('./pages/networks').then((m) => ({ default: m.NetworksPage })));
const NetworkPage = lazy(() => import('./pages/network/network-page').then((m) => ({ default: m.NetworkPage })));
const GroupPage = lazy(() => import('./pages/group/group-page').then((m) => ({ default: m.GroupPage })));
const MeetingPage = lazy(() => import('./pages/meeting/meeting-page').then((m) => ({ default: m.MeetingPage })));
const ProtocolModePage = lazy(() => import('./pages/meeting/protocol-mode/protocol-mode-page').then((m) => ({ default: m.ProtocolModePage })));
const PlanningPage = lazy(() => import('./pages/planning/planning-page').then((m) => ({ default: m.PlanningPage })));
const AccountPage = lazy(() => import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })));
const ProfilesPage = lazy(() => import('./pages/knowledge/profiles-page').then((m) => ({ default: m.ProfilesPage })));
const ProfilePage = lazy(() => import('./pages/knowledge/profile-page').then((m) => ({ default: m.ProfilePage })));
const WebinarsPage = lazy(() => import('./pages/webinars/webinars-page').then((m) => ({ default: m.WebinarsPage })));
const WorkshopsPage = lazy(() => import('./pages/workshops/workshops-page').then((m) => ({ default: m.WorkshopsPage })));
const WorkshopPage = lazy(() => import('./pages/workshops/workshop-page').then((m) => ({ default: m.WorkshopPage })));
const OperationsPage = lazy(() => import('./pages/operations/operations-page').then((m) => ({ default: m.OperationsPage })));
const CalendarPage = lazy(() => import('./pages/calendar-page').then((m) => ({ default: m.CalendarPage })));
const AccessibilityStatementPage = lazy(() => import('./pages/accessibility-statement').then((m) => ({ default: m.AccessibilityStatementPage })));
const OidcAuthProvider = lazy(() => import('./auth/oidc-auth').then((m) => ({ default: m.OidcAuthProvider })));

export function App({ config }: { config: RuntimeConfig }) {
  const routes = (
    <I18nProvider locale="de-DE">
      <GraphqlProvider>
        <Routes />
      </GraphqlProvider>
    </I18nProvider>
  );
  if (config.auth.mode === 'keycloak') {
    return (
      <Suspense fallback={<Loading />}>
        <OidcAuthProvider authority={config.auth.authority} clientId={config.auth.clientId}>
          {routes}
        </OidcAuthProvider>
      </Suspense>
    );
  }
  return <DevAuthProvider>{routes}</DevAuthProvider>;
}

function Routes() {
  return (
    <Switch>
      <Route path="/anmelden/rueckruf">
        <SignInPage callback />
      </Route>
      <Route path="/anmelden">
        <SignInPage />
      </Route>
      {/* Public: the accessibility statement must be readable before signing in. */}
      <Route path="/barrierefreiheit">
        <Layout>
          <Suspense fallback={<Loading />}>
            <AccessibilityStatementPage />
          </Suspense>
        </Layout>
      </Route>
      <Route>
        <SignedIn>
          <Layout>
            <Suspense fallback={<Loading />}>
              <Switch>
                <Route path="/">{() => <OverviewPage />}</Route>
                <Route path="/netzwerke">{() => <NetworksPage />}</Route>
                <Route path="/netzwerke/:slug">{(p) => <NetworkPage slug={p.slug} />}</Route>
                <Route path="/gruppen/:id">{(p) => <GroupPage id={p.id} />}</Route>
                <Route path="/sitzungen/:id/protokoll">{(p) => <ProtocolModePage id={p.id} />}</Route>
                <Route path="/sitzungen/:id">{(p) => <MeetingPage id={p.id} />}</Route>
                <Route path="/planung">{() => <PlanningPage />}</Route>
                <Route path="/kalender">{() => <CalendarPage />}</Route>
                <Route path="/betrieb">{() => <OperationsPage />}</Route>
                <Route path="/meine-daten">{() => <AccountPage />}</Route>
                <Route path="/steckbriefe">{() => <ProfilesPage />}</Route>
                <Route path="/steckbriefe/:id">{(p) => <ProfilePage id={p.id} />}</Route>
                <Route path="/webinare">{() => <WebinarsPage />}</Route>
                <Route path="/werkstatt">{() => <WorkshopsPage />}</Route>
                <Route path="/werkstatt/:id">{(p) => <WorkshopPage id={p.id} />}</Route>
                <Route>{() => <NotFoundPage />}</Route>
              </Switch>
            </Suspense>
          </Layout>
        </SignedIn>
      </Route>
    </Switch>
  );
}

/** Everything but the sign-in pages needs a signed-in person; others are sent to sign in and come back. */
function SignedIn({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const signedOut = auth.status === 'signed-out';
  useEffect(() => {
    if (signedOut) auth.signIn(location.pathname + location.search);
  }, [signedOut, auth]);
  if (auth.status !== 'signed-in') return <Loading />;
  return <>{children}</>;
}
