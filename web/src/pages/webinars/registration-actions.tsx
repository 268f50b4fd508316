import { useTranslation } from 'react-i18next';
import { Button } from '../../components/form';
import { PdfDownload } from '../../components/pdf-download';
import { Badge } from '../../components/status';

interface Props {
  webinar: { id: string; title: string; status: string; joinUrl?: string | null };
  mine: { status: string; waitlistPosition?: number | null; attendedAt?: string | null } | null;
  full: boolean;
  onRegister: () => void;
  onCancel: () => void;
}

/**
 * One action per webinar, never two that compete: "Anmelden" while seats are free, "Auf die
 * Warteliste" once full; after registering, "Teilnahme absagen" (or "Von der Warteliste nehmen"),
 * which is not "Abmelden" — that word signs out of the hub. The room link reads "Zum Webinar"; people
 * who have it without a registration (organizers, speakers) get no registration button beside it.
 */
export function RegistrationActions({ webinar: w, mine, full, onRegister, onCancel }: Props) {
  const { t } = useTranslation();
  const open = w.status !== 'CANCELLED';
  return (
    <div className="ik-actions">
      {mine?.status === 'CONFIRMED' && <Badge kind="success">{t('webinars.confirmed')}</Badge>}
      {mine?.status === 'WAITLISTED' && <Badge kind="warning">{t('webinars.onWaitlist', { position: mine.waitlistPosition })}</Badge>}
      {w.joinUrl && open && (
        <a className="kern-btn kern-btn--primary" href={w.joinUrl} target="_blank" rel="noopener noreferrer" aria-label={t('webinars.enterLabel', { title: w.title })}>
          <span className="kern-label">{t('webinars.enter')}</span>
        </a>
      )}
      {mine?.attendedAt && (
        <PdfDownload href={`/api/webinars/${w.id}/certificate.pdf`} label={t('webinars.certificate')} fallbackName="Teilnahmebescheinigung.pdf" testId="certificate-pdf" />
      )}
      {open && mine && !mine.attendedAt && (
        <Button
          variant="tertiary"
          onClick={onCancel}
          aria-label={t(mine.status === 'WAITLISTED' ? 'webinars.leaveWaitlistLabel' : 'webinars.cancelLabel', { title: w.title })}
        >
          {t(mine.status === 'WAITLISTED' ? 'webinars.leaveWaitlist' : 'webinars.cancel')}
        </Button>
      )}
      {open && !mine && !w.joinUrl && (
        <Button onClick={onRegister} aria-label={t(full ? 'webinars.waitlistLabel' : 'webinars.registerLabel', { title: w.title })}>
          {full ? t('webinars.joinWaitlist') : t('webinars.register')}
        </Button>
      )}
    </div>
  );
}
