import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../components/page';

/** What the caller may not see looks exactly like what does not exist. */
export function NotFoundPage({ what }: { what?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p className="kern-body">{what ? t('notFound.thing', { what }) : t('notFound.body')}</p>
      <p className="kern-body">
        <Link href="/" className="kern-link">
          {t('notFound.back')}
        </Link>
      </p>
    </Page>
  );
}
