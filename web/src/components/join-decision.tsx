import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { Button, TextField } from './form';
import { ErrorAlert } from './status';

/** Approve or reject a join request, with an optional reason; the API's refusal shows in place. */
export function JoinDecision({ subject, onDecide }: { subject: string; onDecide: (approve: boolean, reason: string | null) => Promise<CombinedError | null> }) {
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
