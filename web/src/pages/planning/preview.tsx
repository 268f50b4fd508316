import { useTranslation } from 'react-i18next';
import { problemText } from '../../components/status';
import type { ApiProblem } from '../../graphql/errors';
import { formatDate, formatRange } from '../../lib/format';

interface PreviewData {
  holidayRegions: string[];
  occurrences: { date: string; startsAt: string; endsAt: string; movedBecause: string | null }[];
  skippedDates: { date: string; reason: string }[];
}

/** The next dates of the series being planned, with the holidays it skips or moves past. */
export function Preview({ data, problem, fetching }: { data: PreviewData | null; problem: ApiProblem | null; fetching: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="ik-preview" aria-labelledby="vorschau-titel" aria-busy={fetching}>
      <h3 className="kern-heading-small" id="vorschau-titel">
        {t('planning.preview')}
      </h3>
      {problem && (
        <p className="kern-body" role="alert">
          {problemText(problem, t)}
        </p>
      )}
      {data && (
        <div className="ik-two-cols">
          <div>
            <h4 className="kern-label">{t('planning.nextDates')}</h4>
            <ol className="ik-list" data-testid="preview-dates">
              {data.occurrences.map((o) => (
                <li key={o.date} className="ik-list__item">
                  <span>{formatRange(o.startsAt, o.endsAt)}</span>
                  {o.movedBecause && <span className="kern-body kern-body--small">{t('planning.moved', { reason: o.movedBecause })}</span>}
                </li>
              ))}
            </ol>
          </div>
          <div>
            <h4 className="kern-label">
              {t('planning.skippedHolidays', { regions: data.holidayRegions.map((r) => t(`states.${r}`, { defaultValue: r })).join(', ') || '–' })}
            </h4>
            {data.skippedDates.length ? (
              <ul className="ik-list" data-testid="preview-skipped">
                {data.skippedDates.map((s) => (
                  <li key={s.date} className="ik-list__item">
                    <span>{formatDate(s.date, true)}</span>
                    <span className="kern-body kern-body--small">{s.reason}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="kern-body">{t('series.noneSkipped')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
