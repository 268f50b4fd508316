import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page, Section } from '../components/page';
import { readRuntimeConfig } from '../config';

/** When this statement was last reviewed (BITV 2.0 asks for the date; update it with the text). */
const REVIEWED = '2026-12-07';
const FALLBACK_CONTACT = 'interkom@localhost';

/**
 * Erklärung zur Barrierefreiheit (§ 12b BGG, BITV 2.0 with the EU model statement): status,
 * what is not accessible yet, the feedback contact (ACCESSIBILITY_CONTACT on the hub) and the
 * enforcement procedure. Reachable signed out, linked from every page's footer.
 */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  const contact = readRuntimeConfig().accessibilityContact ?? FALLBACK_CONTACT;
  const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long' }).format(new Date(`${REVIEWED}T12:00:00`));
  return (
    <Page title={t('statement.title')}>
      <p className="kern-body">{t('statement.intro', { origin: location.origin })}</p>
      <Section title={t('statement.statusTitle')} id="stand">
        <p className="kern-body">{t('statement.status')}</p>
      </Section>
      <Section title={t('statement.gapsTitle')} id="nicht-barrierefrei">
        <p className="kern-body">{t('statement.gapsIntro')}</p>
        <ul className="kern-list">
          <li>{t('statement.gapDgs')}</li>
          <li>{t('statement.gapUserContent')}</li>
          <li>{t('statement.gapExternal')}</li>
          <li>{t('statement.gapDrag')}</li>
        </ul>
      </Section>
      <Section title={t('statement.methodTitle')} id="erstellung">
        <p className="kern-body">{t('statement.method', { date })}</p>
      </Section>
      <Section title={t('statement.feedbackTitle')} id="feedback">
        <p className="kern-body">{t('statement.feedback')}</p>
        <p className="kern-body">
          {t('statement.feedbackMail')}
          <a className="kern-link" href={`mailto:${contact}?subject=${encodeURIComponent(t('statement.title'))}`}>
            {contact}
          </a>
        </p>
        <p className="kern-body">{t('statement.feedbackAnswer')}</p>
      </Section>
      <Section title={t('statement.enforcementTitle')} id="durchsetzung">
        <p className="kern-body">{t('statement.enforcement')}</p>
        <address className="kern-body">{t('statement.enforcementAddress')}</address>
        <p className="kern-body">
          <a className="kern-link" href="https://www.schlichtungsstelle-bgg.de" rel="noopener noreferrer">
            {t('statement.enforcementWeb')}
          </a>
        </p>
      </Section>
      <p className="kern-body">
        <Link href="/" className="kern-link">
          {t('statement.back')}
        </Link>
      </p>
    </Page>
  );
}
