import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/form';
import { Notice } from '../../components/status';

/** Where the group also lives: its Matrix room and its calendar feed. */
export function ChannelsTab({ matrixRoomId, calendarFeedUrl }: { matrixRoomId: string | null; calendarFeedUrl: string | null }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="ik-two-cols">
      <section aria-labelledby="matrix-titel">
        <h3 className="kern-heading-small" id="matrix-titel">
          {t('channels.matrix')}
        </h3>
        {matrixRoomId ? (
          <p className="kern-body">
            <a className="kern-link" href={`https://matrix.to/#/${encodeURIComponent(matrixRoomId)}`} target="_blank" rel="noopener noreferrer">
              {t('channels.openRoom')}
            </a>
            <br />
            <span className="kern-body--small ik-hash">{matrixRoomId}</span>
          </p>
        ) : (
          <p className="kern-body">{t('channels.noRoom')}</p>
        )}
      </section>
      <section aria-labelledby="ics-titel">
        <h3 className="kern-heading-small" id="ics-titel">
          {t('channels.calendar')}
        </h3>
        {calendarFeedUrl ? (
          <>
            <p className="kern-body">{t('channels.calendarHint')}</p>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor="group-feed">
                {t('channels.feedUrl')}
              </label>
              {/* A text area, not an input: the whole address wraps and shows, never cut off on a phone. */}
        <textarea id="group-feed" className="kern-form-input__input ik-copy-field" readOnly rows={2} value={calendarFeedUrl} onFocus={(e) => e.target.select()} />
            </div>
            <div className="ik-actions">
              <Button
                variant="secondary"
                onClick={() =>
                  void navigator.clipboard.writeText(calendarFeedUrl).then(
                    () => setCopied(true),
                    () => setCopied(true),
                  )
                }
              >
                {t('overview.copy')}
              </Button>
            </div>
            <div aria-live="polite">{copied && <Notice kind="success" title={t('overview.copied')} />}</div>
          </>
        ) : (
          <p className="kern-body">{t('channels.noFeed')}</p>
        )}
      </section>
    </div>
  );
}
