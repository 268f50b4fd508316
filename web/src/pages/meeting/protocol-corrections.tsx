import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button, Form, TextAreaField } from '../../components/form';
import { PdfDownload } from '../../components/pdf-download';
import { ErrorAlert } from '../../components/status';
import { graphql } from '../../gql';
import type { ProtocolCorrectionsFragment } from '../../gql/graphql';
import { apiProblem, isGeneral, messageFor } from '../../graphql/errors';
import { formatDateTime } from '../../lib/format';

const Markdown = lazy(() => import('./markdown'));

export const ProtocolCorrections = graphql(`
  fragment ProtocolCorrections on Protocol {
    corrections {
      id
      sequence
      text
      at
      hash
      previousHash
      author {
        id
        displayName
      }
    }
  }
`);

const AddCorrection = graphql(`
  mutation AddProtocolCorrection($input: AddProtocolCorrectionInput!) {
    addProtocolCorrection(input: $input) {
      id
      ...ProtocolCorrections
    }
  }
`);

/**
 * The Berichtigungen below a published protocol, each with its date, author (for the meeting's
 * groups) and hash; for those who may publish, a form that asks once more, since a correction
 * cannot be changed or withdrawn and is as visible as the protocol itself.
 */
export function CorrectionsList({
  protocolId,
  corrections,
  canAdd,
  onAdded,
}: {
  protocolId: string;
  corrections: ProtocolCorrectionsFragment['corrections'];
  canAdd: boolean;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [addedId, setAddedId] = useState<string | null>(null);
  const [result, add] = useMutation(AddCorrection);
  const problem = apiProblem(result.error);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const focusField = () => document.getElementById('correction-text')?.focus();
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // After adding, focus moves to the new correction (the form it was typed in is empty again).
  useEffect(() => {
    if (addedId) document.getElementById(`berichtigung-${addedId}`)?.focus();
  }, [addedId, corrections.length]);

  const submit = async () => {
    setConfirming(false);
    const res = await add({ input: { protocolId, text } });
    const added = res.data?.addProtocolCorrection.corrections.at(-1);
    if (added) {
      setText('');
      setAddedId(added.id);
      onAdded();
    } else {
      focusField();
    }
  };

  if (!corrections.length && !canAdd) return null;
  return (
    <div className="ik-corrections" data-testid="corrections">
      <h3 className="kern-heading-small">{t('corrections.title')}</h3>
      {corrections.length === 0 && <p className="kern-body">{t('corrections.none')}</p>}
      <ol className="ik-list">
        {corrections.map((c) => (
          <li key={c.id} className="ik-list__item ik-list__item--stack" id={`berichtigung-${c.id}`} tabIndex={-1} data-testid="correction">
            <strong>{t('corrections.heading', { sequence: c.sequence })}</strong>
            <span className="kern-body kern-body--small">
              {c.author ? t('corrections.byAt', { at: formatDateTime(c.at), name: c.author.displayName }) : t('corrections.at', { at: formatDateTime(c.at) })}
            </span>
            <Suspense fallback={null}>
              <Markdown text={c.text} />
            </Suspense>
            <span className="kern-body kern-body--small">
              {t('corrections.hash')}:{' '}
              <span className="ik-hash" data-testid="correction-hash">
                {c.hash}
              </span>
            </span>
            <span className="kern-body kern-body--small">
              {t('corrections.previousHash')}: <span className="ik-hash">{c.previousHash}</span>
            </span>
            <PdfDownload
              href={`/api/protocols/${protocolId}/pdf?berichtigung=${c.sequence}`}
              label={t('corrections.downloadPdf', { sequence: c.sequence })}
              fallbackName={`Berichtigung-${c.sequence}.pdf`}
              testId="correction-pdf"
            />
          </li>
        ))}
      </ol>
      {canAdd && (
        <Form className="ik-form ik-no-print" onSubmit={() => (text.trim() ? setConfirming(true) : submit())}>
          <h4 className="kern-heading-small">{t('corrections.add')}</h4>
          <TextAreaField
            id="correction-text"
            label={t('corrections.text')}
            hint={t('corrections.visibility')}
            value={text}
            rows={5}
            onChange={(e) => {
              setText(e.target.value);
              setConfirming(false);
            }}
            error={messageFor(problem, 'text')}
          />
          {isGeneral(problem, ['text']) && <ErrorAlert problem={problem} />}
          {confirming ? (
            <div className="kern-alert kern-alert--warning" role="group" aria-labelledby="correction-confirm-text">
              <div className="kern-alert__body">
                <p className="kern-body" id="correction-confirm-text">
                  {t('corrections.confirm')}
                </p>
                <div className="ik-actions">
                  <Button ref={confirmRef} onClick={() => void submit()} disabled={result.fetching}>
                    {t('corrections.confirmButton')}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setConfirming(false);
                      focusField();
                    }}
                  >
                    {t('common.cancel')}
                  </Button>
                </div>
              </div>
            </div>
          ) : (
            <div className="ik-actions">
              <button type="submit" className="kern-btn kern-btn--secondary" disabled={result.fetching}>
                <span className="kern-label">{t('corrections.submit')}</span>
              </button>
            </div>
          )}
        </Form>
      )}
    </div>
  );
}
