import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export interface NavItem {
  id: string;
  title: string;
  position: number;
}

/**
 * The agenda beside the item being written: a list at desktop width, a collapsible list on a
 * phone (only one of the two is displayed, so only one is in the accessibility tree). The current
 * item is marked with aria-current, not only by its look.
 */
export function AgendaNav({ items, currentId, hrefFor, onPick }: { items: NavItem[]; currentId: string; hrefFor: (id: string) => string; onPick: () => void }) {
  const { t } = useTranslation();
  const list = (
    <ol className="ik-pm__agenda">
      {items.map((item) => (
        <li key={item.id}>
          <Link
            href={hrefFor(item.id)}
            replace
            className={`kern-link ik-pm__agenda-link${item.id === currentId ? ' ik-pm__agenda-link--current' : ''}`}
            aria-current={item.id === currentId ? 'step' : undefined}
            onClick={onPick}
          >
            {item.position}. {item.title}
          </Link>
        </li>
      ))}
    </ol>
  );
  return (
    <>
      <nav className="ik-pm__aside" aria-label={t('protocolMode.agenda')}>
        <h2 className="kern-heading-small">{t('protocolMode.agenda')}</h2>
        {list}
      </nav>
      <nav className="ik-pm__compact" aria-label={t('protocolMode.agenda')}>
        <details>
          <summary>{t('protocolMode.agendaCount', { count: items.length })}</summary>
          {list}
        </details>
      </nav>
    </>
  );
}
