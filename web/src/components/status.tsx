import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { apiProblem, readableMessage, type ApiProblem } from '../graphql/errors';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="ik-loading" role="status" aria-live="polite">
      <span className="kern-loader kern-loader--visible" aria-hidden="true" />
      <span>{label ?? t('status.loading')}</span>
    </div>
  );
}

/** What went wrong, in German: the API's message where it has one, else what the code means. */
export function problemText(problem: ApiProblem, t: (key: string) => string): string {
  if (problem.code === 'NETWORK') return t('errors.NETWORK');
  if (problem.code === 'INTERNAL_SERVER_ERROR') return t('errors.INTERNAL_SERVER_ERROR');
  return (problem.message && readableMessage(problem)) || t(`errors.${problem.code}`);
}

export function ErrorAlert({ error, problem }: { error?: CombinedError | null; problem?: ApiProblem | null }) {
  const { t } = useTranslation();
  const p = problem ?? apiProblem(error);
  if (!p) return null;
  return (
    <div className="kern-alert kern-alert--danger" role="alert">
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <span className="kern-title">
          {p.protocolStatus ? t('errors.title.FROZEN') : t(`errors.title.${p.code}`, { defaultValue: t('errors.title.default') })}
        </span>
      </div>
      <div className="kern-alert__body">
        <p className="kern-body">{problemText(p, t)}</p>
      </div>
    </div>
  );
}

export function Notice({ kind = 'info', title, children }: { kind?: 'info' | 'success' | 'warning'; title: string; children?: React.ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={kind === 'info' ? undefined : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}

export function Badge({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning' | 'danger'; children: React.ReactNode }) {
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}
