import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Link, useLocation, useRoute } from 'wouter';
import { useAuth } from '../auth/auth-context';
import { graphql } from '../gql';
import { LiveRegion, useFocusKeeper } from '../lib/focus-keeper';

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

/**
 * The frame of every page: skip link, header, main, footer. On a phone the navigation and the
 * person's links fold behind a "Menü" button (a disclosure: Escape closes it and focus returns to
 * the button; opening a page closes it). Signed out (the accessibility statement) it offers
 * signing in instead of the navigation.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const signedIn = auth.status === 'signed-in';
  const [{ data }] = useQuery({ query: LayoutQuery, pause: !signedIn });
  const [open, setOpen] = useState(false);
  const [location] = useLocation();
  const menuId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  useFocusKeeper();
  useEffect(() => setOpen(false), [location]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
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
          <button
            type="button"
            ref={menuButton}
            className="kern-btn kern-btn--secondary ik-menu-button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((o) => !o)}
          >
            <span className="kern-label">{t('layout.menu')}</span>
          </button>
          <div id={menuId} className={`ik-header__menu${open ? ' ik-header__menu--open' : ''}`}>
            {signedIn && (
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
            )}
            <div className="ik-user">
              {data?.me && (
                <Link href="/meine-daten" className="ik-user__name kern-link" aria-label={`${data.me.displayName} – ${t('nav.account')}`}>
                  {data.me.displayName}
                </Link>
              )}
              {signedIn ? (
                <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => auth.signOut()}>
                  <span className="kern-label">{t('layout.signOut')}</span>
                </button>
              ) : (
                <Link href="/anmelden" className="kern-link">
                  {t('layout.signIn')}
                </Link>
              )}
            </div>
          </div>
        </div>
      </header>
      <main id="inhalt" className="ik-main" tabIndex={-1}>
        {children}
      </main>
      <Footer />
      <LiveRegion />
    </div>
  );
}

/** Every page's footer, the sign-in pages' too: the accessibility statement is one link away. */
export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="ik-footer">
      <p className="kern-body kern-body--small">{t('layout.footer')}</p>
      <nav aria-label={t('layout.footerNav')}>
        <Link href="/barrierefreiheit" className="kern-link">
          {t('layout.accessibility')}
        </Link>
      </nav>
    </footer>
  );
}
