import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/form';
import { wordDiff } from '../../../lib/word-diff';

interface Props {
  yours: string;
  theirs: string;
  by: string | null;
  busy: boolean;
  onAppendTheirs: () => void;
  onTakeTheirs: () => void;
  onSave: () => void;
}

/**
 * Both versions of one entry after someone else saved it meanwhile: first word by word what differs
 * (underlined: only in this browser's text; struck through: only in the saved one; each also named
 * for screen readers), then both versions in full. Everything wraps: a 2,000-character paragraph
 * stays readable on a phone. The text to save is merged in the editor above.
 */
export function ConflictView({ yours, theirs, by, busy, onAppendTheirs, onTakeTheirs, onSave }: Props) {
  const { t } = useTranslation();
  const segments = useMemo(() => wordDiff(theirs, yours), [theirs, yours]);
  return (
    <section className="ik-conflict" aria-labelledby="konflikt-titel">
      {/* Only the short news is an alert; the texts are read when wanted. */}
      <div role="alert">
        <h3 className="kern-heading-small" id="konflikt-titel">
          {t('protocol.conflictTitle')}
        </h3>
        <p className="kern-body">{by ? t('protocol.conflictBy', { name: by }) : t('protocol.conflictBody')}</p>
      </div>
      <h4 className="kern-label">{t('protocolMode.diffTitle')}</h4>
      <p className="kern-body kern-body--small" id="konflikt-legende">
        <ins className="ik-ins">{t('protocolMode.diffLegendYoursMark')}</ins>: {t('protocolMode.diffLegendYours')};{' '}
        <del className="ik-del">{t('protocolMode.diffLegendTheirsMark')}</del>: {t('protocolMode.diffLegendTheirs')}
      </p>
      <div className="ik-markdown ik-pre ik-diff" data-testid="conflict-diff" aria-describedby="konflikt-legende">
        {segments.map((s, i) =>
          s.kind === 'both' ? (
            <span key={i}>{s.text}</span>
          ) : s.kind === 'yours' ? (
            <ins key={i} className="ik-ins">
              <span className="kern-sr-only">[{t('protocolMode.srYours')}: </span>
              {s.text}
              <span className="kern-sr-only">]</span>
            </ins>
          ) : (
            <del key={i} className="ik-del">
              <span className="kern-sr-only">[{t('protocolMode.srTheirs')}: </span>
              {s.text}
              <span className="kern-sr-only">]</span>
            </del>
          ),
        )}
      </div>
      <div className="ik-two-cols">
        <div>
          <h4 className="kern-label">{t('protocol.yours')}</h4>
          <div className="ik-markdown ik-pre" data-testid="conflict-yours">
            {yours}
          </div>
        </div>
        <div>
          <h4 className="kern-label">{t('protocol.theirs')}</h4>
          <div className="ik-markdown ik-pre" data-testid="conflict-theirs">
            {theirs}
          </div>
        </div>
      </div>
      <p className="kern-body kern-body--small">{t('protocolMode.conflictHint')}</p>
      <div className="ik-actions">
        <Button onClick={onSave} disabled={busy}>
          {t('protocol.saveMerged')}
        </Button>
        <Button variant="secondary" onClick={onAppendTheirs}>
          {t('protocol.appendTheirs')}
        </Button>
        <Button variant="tertiary" onClick={onTakeTheirs}>
          {t('protocol.takeTheirs')}
        </Button>
      </div>
    </section>
  );
}
