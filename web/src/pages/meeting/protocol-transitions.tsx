import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Button } from '../../components/form';
import { ErrorAlert, Notice } from '../../components/status';
import { graphql } from '../../gql';
import type { ProtocolFullFragment, ProtocolStatus } from '../../gql/graphql';
import { apiProblem } from '../../graphql/errors';
import { formatDateTime } from '../../lib/format';

const Submit = graphql(`
  mutation SubmitProtocol($input: ProtocolTransitionInput!) {
    submitProtocolForReview(input: $input) {
      ...ProtocolFull
    }
  }
`);
const Approve = graphql(`
  mutation ApproveProtocol($input: ProtocolTransitionInput!) {
    approveProtocol(input: $input) {
      ...ProtocolFull
    }
  }
`);
const Publish = graphql(`
  mutation PublishProtocol($input: ProtocolTransitionInput!) {
    publishProtocol(input: $input) {
      ...ProtocolFull
    }
  }
`);

const NEXT: Partial<Record<ProtocolStatus, 'submit' | 'approve' | 'publish'>> = { DRAFT: 'submit', IN_REVIEW: 'approve', APPROVED: 'publish' };

/**
 * The protocol's next step: submit, approve, or publish. Publishing asks first (what becomes
 * immutable) and is offered only after the meeting's end, as the hub allows it.
 */
export function ProtocolTransitions({
  protocol,
  version,
  endsAt,
  onDone,
  onPublished,
}: {
  protocol: ProtocolFullFragment;
  version: number;
  endsAt: string;
  onDone: (p: { version: number }) => void;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const [submitted, submit] = useMutation(Submit);
  const [approved, approve] = useMutation(Approve);
  const [published, publish] = useMutation(Publish);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Focus follows the question: onto "publish now" when it is asked, back to the button when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) askRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const step = NEXT[protocol.status];
  const error = submitted.error ?? approved.error ?? published.error;
  const problem = apiProblem(error);
  if (!step) return null;
  // The hub publishes only after the meeting's end; say so instead of offering a click that fails.
  const tooEarly = step === 'publish' && Date.parse(endsAt) > Date.now();
  const run = async () => {
    setConfirming(false);
    const input = { protocolId: protocol.id, expectedVersion: version };
    const res = step === 'submit' ? await submit({ input }) : step === 'approve' ? await approve({ input }) : await publish({ input });
    const p =
      res.data &&
      ('submitProtocolForReview' in res.data
        ? res.data.submitProtocolForReview
        : 'approveProtocol' in res.data
          ? res.data.approveProtocol
          : res.data.publishProtocol);
    if (p && step === 'publish') onPublished();
    if (p) onDone(p);
    // Someone changed the protocol meanwhile: load their change first; the next click uses its version.
    const conflict = apiProblem(res.error);
    if (conflict?.code === 'CONFLICT' && conflict.currentVersion) onDone({ version: conflict.currentVersion });
  };
  return (
    <div className="ik-transition ik-no-print">
      <h3 className="kern-heading-small">{t(`protocol.step.${step}.title`)}</h3>
      <p className="kern-body">
        {step === 'approve' && protocol.approvalMode ? t(`protocol.step.approve.hintMode.${protocol.approvalMode}`) : t(`protocol.step.${step}.hint`)}
      </p>
      {problem?.code === 'CONFLICT' && problem.currentVersion ? (
        <Notice kind="warning" title={t('protocol.transitionConflict')} />
      ) : (
        <ErrorAlert problem={problem} />
      )}
      {tooEarly && (
        <p className="kern-body" id="publish-too-early">
          {t('protocol.publishTooEarly', { at: formatDateTime(endsAt) })}
        </p>
      )}
      {confirming ? (
        <div className="kern-alert kern-alert--warning" role="group" aria-labelledby="publish-confirm-text">
          <div className="kern-alert__body">
            <p className="kern-body" id="publish-confirm-text">
              {t('protocol.publishConfirm')}
            </p>
            <div className="ik-actions">
              <Button ref={confirmRef} onClick={() => void run()}>
                {t('protocol.publishConfirmButton')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('protocol.publishCancel')}
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <Button
          ref={askRef}
          disabled={tooEarly}
          aria-describedby={tooEarly ? 'publish-too-early' : undefined}
          onClick={() => (step === 'publish' ? setConfirming(true) : void run())}
        >
          {t(`protocol.step.${step}.button`)}
        </Button>
      )}
    </div>
  );
}
