import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { graphql } from '../gql';
import { Button, TextField } from './form';
import { ErrorAlert } from './status';

export const DecideNetworkJoin = graphql(`
  mutation DecideNetworkJoin($input: DecideJoinRequestInput!) {
    decideJoinRequest(input: $input) {
      id
      status
    }
  }
`);

export const DecideGroupJoin = graphql(`
  mutation DecideGroupJoin($input: DecideGroupJoinRequestInput!) {
    decideGroupJoinRequest(input: $input) {
      id
      status
    }
  }
`);

type Decide = (approve: boolean, reason: string | null) => Promise<CombinedError | null>;

/** One join request (of a city to a network, or of a person to a group) with its decision. */
export function JoinRequestItem({
  title,
  details,
  message,
  subject,
  onDecide,
}: {
  title: ReactNode;
  details?: ReactNode;
  message: string | null;
  subject: string;
  onDecide: Decide;
}) {
  return (
    <li className="ik-list__item ik-list__item--stack">
      <div>
        <strong>{title}</strong>
        {details && <div className="kern-body kern-body--small">{details}</div>}
        {message && <blockquote className="ik-quote">{message}</blockquote>}
      </div>
      <JoinDecision subject={subject} onDecide={onDecide} />
    </li>
  );
}

/** Approve or reject a join request, with an optional reason; the API's refusal shows in place. */
export function JoinDecision({ subject, onDecide }: { subject: string; onDecide: Decide }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(await onDecide(approve, reason.trim() || null));
    setBusy(false);
  };
  return (
    <div className="ik-decision">
      <TextField label={t('join.reason')} optional value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="ik-actions">
        <Button disabled={busy} onClick={() => void decide(true)} aria-label={t('join.approveLabel', { subject })}>
          {t('join.approve')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => void decide(false)} aria-label={t('join.rejectLabel', { subject })}>
          {t('join.reject')}
        </Button>
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}

/** A decision's result for JoinDecision: the error, or null after running `then` (a reload). */
export const outcome = (then: () => void) => (res: { error?: CombinedError }) => {
  if (res.error) return res.error;
  then();
  return null;
};
