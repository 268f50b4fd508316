import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link, useRoute } from 'wouter';
import { useAuth } from '../auth/auth-context';
import { graphql } from '../gql';

const LayoutQuery = graphql(`
  query Layout {
    me {
      id
      displayName
      hubAdmin
    }
  }
`);

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(href === '/' ? '/' : `${href}/*?`);
  return (
    <li>
      <Link href={href} className="ik-nav__link" aria-current={active ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const [{ data }] = useQuery({ query: LayoutQuery });
  return (
    <div className="ik-app">
      <a className="ik-skip-link" href="#inhalt">
        {t('layout.skip')}
      </a>
      <header className="ik-header">
        <div className="ik-header__inner">
          <Link href="/" className="ik-brand">
            <span className="ik-brand__mark" aria-hidden="true">
              ik
            </span>
            <span>Interkom</span>
          </Link>
          <nav aria-label={t('layout.navLabel')} className="ik-nav">
            <ul>
              <NavLink href="/">{t('nav.overview')}</NavLink>
              <NavLink href="/netzwerke">{t('nav.networks')}</NavLink>
              <NavLink href="/kalender">{t('nav.calendar')}</NavLink>
              <NavLink href="/steckbriefe">{t('nav.profiles')}</NavLink>
              <NavLink href="/webinare">{t('nav.webinars')}</NavLink>
              <NavLink href="/werkstatt">{t('nav.workshops')}</NavLink>
              <NavLink href="/planung">{t('nav.planning')}</NavLink>
              {data?.me.hubAdmin && <NavLink href="/betrieb">{t('nav.operations')}</NavLink>}
            </ul>
          </nav>
          <div className="ik-user">
            {data?.me && (
              <Link href="/meine-daten" className="ik-user__name kern-link" aria-label={`${data.me.displayName} – ${t('nav.account')}`}>
                {data.me.displayName}
              </Link>
            )}
            <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => auth.signOut()}>
              <span className="kern-label">{t('layout.signOut')}</span>
            </button>
          </div>
        </div>
      </header>
      <main id="inhalt" className="ik-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="ik-footer">
        <p className="kern-body kern-body--small">{t('layout.footer')}</p>
      </footer>
    </div>
  );
}
