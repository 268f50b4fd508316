import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';

/** The file name the hub sent (RFC 6266 filename* first), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * "PDF herunterladen": fetches a PDF from the hub with the caller's token and saves it under the
 * hub's German file name. The button keeps focus; a refusal shows next to it in the hub's words.
 */
export function PdfDownload({ href, label, fallbackName, testId }: { href: string; label: string; fallbackName: string; testId?: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      const res = await fetch(href, { headers: auth.token ? { authorization: `Bearer ${auth.token}` } : {} });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string } | null;
        setError(body?.message ?? t('pdf.failed'));
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      setError(t('pdf.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="ik-pdf-download ik-no-print">
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        onClick={() => void download()}
        aria-busy={busy}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
      >
        <span className="kern-label">{label}</span>
      </button>
      {error && (
        <span className="kern-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
